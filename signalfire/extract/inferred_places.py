"""Places the gazetteer's exact matches miss: a district name in another spelling ("Khugyani
district", matched fuzzily), and the Line of Control for Indian fire with no place named."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process  # already loaded by the actor table

from .gazetteer import Gazetteer, key
from .geoparse import PlaceMention, Resolved
from .screening import INDIAN_FIRE
from .sentences import Sentence

FUZZY_DISTRICT = 85.0
FUZZY_DISTRICT_IN_PROVINCE = 70.0

# "Khugyani district", "Sar Hawza district": a district name in a spelling to match fuzzily.
_DISTRICT_PHRASE = re.compile(r"\b((?:[A-Z][a-z'’]+[ -]){0,2}[A-Z][a-z'’]+)\s+[Dd]istrict\b")
_DISTRICT_WORD = re.compile(r"\s[Dd]istrict\b")


def _district_phrases(text: str) -> Iterator[re.Match[str]]:
    """`_DISTRICT_PHRASE.finditer(text)`, each search started a little before the next
    "district" (a name is at most three words) instead of at every capitalised word."""
    pos = 0
    while (word := _DISTRICT_WORD.search(text, pos)) is not None:
        m = _DISTRICT_PHRASE.search(text, max(pos, word.start() - 100))
        if m is None:
            return
        yield m
        pos = m.end()


def _ratio_bound(a: int, b: int) -> float:
    """The highest fuzz.ratio two strings of lengths a and b can have (a little above it,
    so that rounding cannot drop a name that reaches the cut-off exactly)."""
    return 200.0 * min(a, b) / (a + b) + 1e-6 if a + b else 100.0


class FuzzyDistricts:
    """The gazetteer's district names, all and by province, to match other spellings against."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._district_keys = sorted({key(n) for n in self.gazetteer.adm2_names.values()})
        self._key_lengths = sorted({len(k) for k in self._district_keys})
        self._by_length: dict[int, list[str]] = {}
        self._districts_in: dict[str, list[str]] = {}
        for gb, name in self.gazetteer.adm2_names.items():
            parent = self.gazetteer.adm2_parent.get(gb, "")
            self._districts_in.setdefault(parent, []).append(key(name))

    def _of_close_length(self, length: int) -> list[str]:
        """The district names, in order, whose length lets fuzz.ratio with a name of `length`
        characters reach `FUZZY_DISTRICT`: the ratio is at most 200 * shorter / (sum of the
        lengths), since the edit distance is at least the difference in length. The same best
        match as over all names, searching 35-60% of the 516 names for names of 6-12 letters."""
        names = self._by_length.get(length)
        if names is None:
            # (the bound depends on the lengths only: tested once per length, not per name)
            fit = {n for n in self._key_lengths if _ratio_bound(length, n) >= FUZZY_DISTRICT}
            names = self._by_length[length] = [k for k in self._district_keys if len(k) in fit]
        return names

    def find(self, s: Sentence) -> list[PlaceMention]:
        """ "<Name> district" where the gazetteer lacks that spelling ("Khugyani district"):
        the closest district name (rapidfuzz ratio) among the districts of a province the
        sentence names (>= `FUZZY_DISTRICT_IN_PROVINCE`), else among all (>= `FUZZY_DISTRICT`)."""
        if "istrict" not in s.text:
            return []  # the cheap test `_DISTRICT_PHRASE` needs
        found = []
        pool: list[str] | None = None
        for m in _district_phrases(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            if any(p.start < b and a < p.end for p in s.places):
                continue
            if pool is None:
                provinces = {
                    p.adm1
                    for pm in s.places
                    for p in self.gazetteer.by_key.get(pm.key, [])
                    if p.level == "adm1"
                }
                pool = [k for adm1 in sorted(provinces) for k in self._districts_in.get(adm1, [])]
            name = key(m.group(1))
            best = None
            if pool:
                best = process.extractOne(
                    name, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_DISTRICT_IN_PROVINCE
                )
            if best is None:
                best = process.extractOne(
                    name, self._of_close_length(len(name)), scorer=fuzz.ratio,
                    score_cutoff=FUZZY_DISTRICT,
                )  # fmt: skip
            if best is not None:
                found.append(PlaceMention(a, b, m.group(1), best[0]))
        return found


def kashmir_front(group: list[Sentence], gazetteer: Gazetteer) -> Resolved | None:
    """Indian shelling or firing reported from Pakistan, with no place named: the Line of
    Control in Azad Kashmir, known to the province only (where_prec 4)."""
    for s in group:
        m = INDIAN_FIRE.search(s.text)
        if m is None:
            continue
        cands = [p for p in gazetteer.lookup("Azad Kashmir") if p.level == "adm1"]
        if cands:
            mention = PlaceMention(s.start + m.start(), s.start + m.end(), m.group(0), "")
            return Resolved(mention, cands[0], 0.0)
    return None
