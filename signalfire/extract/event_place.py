"""Where an event happened: the place its sentences name (else the lead's, else the document's
dominant province), the Line of Control for Indian fire with no place named, or the province of
the dateline; and, for fire across the Afghanistan-Pakistan border, the side it landed on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .gazetteer import Gazetteer, Place
from .geoparse import (
    REFERENCE_BEFORE,
    PlaceMention,
    Resolved,
    dominant_province,
    drop_attributions,
    drop_origins,
    drop_outside_homonyms,
    drop_references,
    most_specific,
)
from .inferred_places import kashmir_front
from .screening import INDIAN_SHELLING, talks_only
from .sentences import Sentence

# The side that is hit: "fired mortars into Afghan territory", "shells landed inside
# Pakistan", "one Afghan civilian was killed".
_HIT_SIDE = re.compile(
    r"\b(?:into|inside|in|on)\s+(?:the\s+)?(afghan|pakistani)\s+(?:territory|soil|side|"
    r"border\s+areas?|villages?)\b|\b(?:into|inside)\s+(afghanistan|pakistan)\b|"
    r"\b(afghan|pakistani)\s+(?:civilians?|villagers?|residents?|child(?:ren)?|women)\b",
    re.IGNORECASE,
)


def hit_side(group: list[Sentence]) -> str | None:
    """The country (ISO3) that fire across the border landed in, where the sentences say one."""
    sides = set()
    for s in group:
        for m in _HIT_SIDE.finditer(s.text):
            word = next(g for g in m.groups() if g).lower()
            sides.add("AFG" if word.startswith("afghan") else "PAK")
    return sides.pop() if len(sides) == 1 else None


# A province's name that names its capital city: "Kandahar City", "the northern city of Kunduz",
# "central Kabul", "Kabul's Shahr-e-Naw neighbourhood". Bare "Kabul" is the city too in news
# (its province is written "Kabul province"), not other capitals' names: "in Kandahar" is as
# often the province.
_CITY_BEFORE = re.compile(
    r"\b(?:[Cc]ity\s+of|[Cc]entral|[Dd]owntown|the\s+(?:west|east|north|south)(?:ern)?\s+"
    r"(?:part\s+)?of)\s+$"
)
# (only nouns of a city's parts: "Kandahar's Zhari area" is a district of the province)
_CITY_AFTER = re.compile(
    r"\s+[Cc]ity\b|['’]s\s+(?:[A-Z][\w'-]*\s+){0,3}(?:neighbou?rhood|[Dd]istrict\s+\d|[Pp]olice\s+"
    r"[Dd]istrict|PD\s?\d|sector|[Ss]quare|[Ss]treet|diplomatic\s+(?:area|quarter|enclave)|"
    r"Green\s+Zone)"
)
# (not "Kabul province", "Kabul and Logar provinces", "the Kabul Conference", "the
# Kabul-Jalalabad highway", "30 km south of Kabul")
_NOT_BARE_CITY = re.compile(
    r"(?:\s*(?:,|and)\s+[A-Z][\w'-]*)*\s+[Pp]rovinces?\b|[-–][A-Z]|"
    r"\s+(?:Conference|Process|Declaration|Shura|[Rr]egime|[Gg]overnment|[Aa]dministration)\b"
)
_PROVINCE_AFTER = re.compile(r"\s+[Pp]rovince\b")
_BARE_CITIES = frozenset(["kabul"])


def city_reading(loc: Resolved, text: str, gazetteer: Gazetteer, final: bool = False) -> Resolved:
    """The capital's district where a province's name names its city (see `_CITY_AFTER`); for
    the event's place (`final`), also bare "Kabul" and the one district of a province that has
    one (Islamabad, Azad Kashmir in geoBoundaries)."""
    place, m = loc.place, loc.mention
    if place.level != "adm1":
        return loc
    city = _CITY_AFTER.match(text, m.end) or (
        _CITY_BEFORE.search(text, max(0, m.start - 30), m.start)
        and not _PROVINCE_AFTER.match(text, m.end)
    )
    bare = (
        final
        and m.key in _BARE_CITIES
        and not _NOT_BARE_CITY.match(text, m.end)
        and not REFERENCE_BEFORE.search(text, max(0, m.start - 40), m.start)
    )
    if city or bare:
        inside = [
            p for p in gazetteer.by_key.get(m.key, []) if p.level != "adm1" and p.adm1 == place.adm1
        ]
        if inside:
            return replace(loc, place=max(inside, key=lambda p: (p.level == "adm2", p.population)))
    if final and (adm2 := gazetteer.only_district.get(place.adm1)) is not None:
        return replace(loc, place=_district(place, adm2, gazetteer))
    return loc


# A division is several districts named for one of them ("Malakand division", "Kohat
# Division"): it fixes the province, not that district; and a name followed by "province" is
# the province, whatever town or district shares it ("northern Kunduz province").
_PROVINCE_WORD_AFTER = re.compile(r"\s+(?:[Dd]ivision|[Pp]rovince)\b")


def division_reading(loc: Resolved, text: str, gazetteer: Gazetteer) -> Resolved:
    """The province of a district's or town's name followed by "division" or "province"
    (see `_PROVINCE_WORD_AFTER`)."""
    place = loc.place
    if place.level == "adm1" or not _PROVINCE_WORD_AFTER.match(text, loc.mention.end):
        return loc
    name = gazetteer.adm1_names.get(place.adm1, "")
    province = next(
        (p for p in gazetteer.lookup(name) if p.level == "adm1" and p.adm1 == place.adm1), None
    )
    return loc if province is None else replace(loc, place=province)


def _district(province: Place, adm2: str, gazetteer: Gazetteer) -> Place:
    return replace(province, level="adm2", adm2=adm2, name=gazetteer.adm2_names.get(adm2, ""))


def locate(
    group: list[Sentence],
    resolved: dict[PlaceMention, Resolved],
    all_sentences: list[Sentence],
    first: bool,
    text: str,
    focus: dict[str, float],
    gazetteer: Gazetteer,
    dateline_place: Callable[[str, str], Resolved | None],
) -> tuple[Resolved | None, list[Resolved], bool]:
    """The event's place, the mentions it was chosen from, and whether it was inferred (known
    to the province only, with no place named)."""
    mentions = [resolved[m] for s in group for m in s.places if m in resolved]
    if not mentions and first:
        lead = all_sentences[:2]
        mentions += [resolved[m] for s in lead for m in s.places if m in resolved]
    if not mentions:
        doc_mentions = [resolved[m] for s in all_sentences for m in s.places if m in resolved]
        mentions = dominant_province(doc_mentions)
    kept = drop_references(drop_attributions(drop_origins(mentions, text), text), text)
    kept = [
        division_reading(city_reading(r, text, gazetteer), text, gazetteer)
        for r in drop_outside_homonyms(kept, text)
    ]
    loc = most_specific(kept)
    if (
        loc is not None
        and any(t.event_type == "cross_border_shelling" for s in group for t in s.triggers)
        and (side := hit_side(group)) not in (None, loc.place.iso3)
    ):
        # "clashed at the Chaman-Spin Boldak crossing after Pakistani troops fired mortars
        # into Afghan territory": the scene is the side that was hit
        loc = most_specific([r for r in kept if r.place.iso3 == side]) or loc
    if loc is not None:
        loc = city_reading(loc, text, gazetteer, final=True)
    inferred = False
    if loc is None and (
        "PAK" in focus
        # "Five killed by Indian shelling": India fires, so the scene is Pakistan's side
        or (set(focus) <= {"IND"} and any(INDIAN_SHELLING.search(s.text) for s in group))
    ):
        loc = kashmir_front(group, gazetteer)
        inferred = loc is not None
    if loc is None and not talks_only(group):
        # "KABUL (Reuters) - A suicide bomber killed six"; but talks or a truce reported from
        # a capital are not held there for that
        loc = dateline_place(text, " ".join(s.text for s in group))
    return loc, mentions, inferred
