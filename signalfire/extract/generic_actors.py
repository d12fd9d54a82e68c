"""Actors implied by generic words ("troops", "militants", "villagers") and whether an event's
victims are civilians: the mentions the actor table cannot give, read beside `roles.role_of`."""

from __future__ import annotations

import datetime as dt
import re

from ..actors import UNIDENTIFIED, UNIDENTIFIED_BALOCH, normalize_name
from .alternation import regroup
from .attribution import AFGHAN_ALLY, COALITION, MORE_STATE
from .casualties import Count
from .event_types import char_before
from .forces import NATION_ATTACKS, baloch_militants, force_of, nation_of
from .model import ActorRole
from .roles import (
    CIVILIAN_WORDS,
    NONSTATE_WORDS,
    PEOPLE_WORDS,
    SENTENCE,
    STATE_OF,
    STATE_WORDS,
    ActorMention,
)
from .textcase import Scanner, fold, letter_first, on_demand

# "No civilians were harmed": a civilian mention that says there were no civilian victims.
NO_BEFORE = re.compile(r"\b(?:no|zero|without|not\s+any|none\s+of\s+the)\s+(?:[a-z-]+\s+){0,2}$")
# The people a victim guarded: "Policeman guarding polio workers shot dead" (the policeman).
GUARDING_BEFORE = re.compile(
    r"\b(?:guard(?:ing|ed)|escort(?:ing|ed)|protect(?:ing|ed)|assigned\s+to\s+(?:guard|escort|"
    r"protect))\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?$"
)
# "civilian" as an adjective: "civilian lives", "civilian structures" are not victims.
CIVILIAN_ADJECTIVE = re.compile(
    r"^\s+(?:lives|casualt\w+|structures?|areas?|homes?|property|damage|population|"
    r"compounds?|vehicles?|harm|infrastructure|targets?|government|officials?)\b"
)
# The word lists in one pass: they share no word, so its matches are theirs.
# (regrouped by first letter, `alternation.regroup`; each list's leading "\b" is letter_first's)
_GENERIC_WORDS_BY_LETTER, _GENERIC_KIND = regroup(
    (kind, words.pattern.removeprefix(r"\b"))
    for kind, words in (
        ("state", STATE_WORDS),
        ("nonstate", NONSTATE_WORDS),
        ("civ", CIVILIAN_WORDS),
    )
)
_GENERIC_WORDS_SOURCE = letter_first(_GENERIC_WORDS_BY_LETTER)
# Rarer words, matched only where `str.find` finds their stem: in the main scan, which runs
# on every sentence, these alternatives made it 2.5x slower.
_MORE_STATE = re.compile(MORE_STATE)
_RARE = (
    ("service", "more", _MORE_STATE), ("helicopter", "more", _MORE_STATE),
    ("coalition", "coal", re.compile(COALITION)), ("afghan", "ally", re.compile(AFGHAN_ALLY)),
)  # fmt: skip
_CIVILIAN_NOUNS = frozenset({"civilian", "civilians", "villagers", "worshippers", "passengers"})
_GENERIC_SCAN = Scanner(char_before(_GENERIC_WORDS_SOURCE))


def __getattr__(name: str) -> re.Pattern[str]:
    # (`_GENERIC_WORDS` itself only the tests search with)
    return on_demand({"_GENERIC_WORDS": _GENERIC_WORDS_SOURCE}, globals(), name)


def generic_actors(
    text: str, start: int, country: str | None, coalition: bool, low: str | None = None
) -> list[ActorMention]:
    """Actors implied by generic words in a sentence `text` starting at offset `start`
    ("troops", "militants"), marked named=False; `low` is `fold(text)` when the caller has it."""
    state = "nato_isaf" if coalition else STATE_OF.get(country or "")
    low = fold(text) if low is None else low
    spans: dict[str, list[tuple[int, int]]] = {
        "state": [], "nonstate": [], "civ": [], "more": [], "coal": [], "ally": []
    }  # fmt: skip
    pattern, scanned = _GENERIC_SCAN.on(low)
    # (its matches end with a word character: a plain `finditer`, see `event_types.char_before`)
    for m in pattern.finditer(" " + scanned):
        spans[_GENERIC_KIND[m.lastgroup or ""]].append((m.start(), m.end() - 1))
    for stem, kind, rare in _RARE:
        i = low.find(stem)
        while i >= 0:
            if (hit := rare.match(low, i)) is not None:
                spans[kind].append(hit.span())
            i = low.find(stem, i + 1)
    found = [
        (force_of(text, low, a, scanned[a:b], state), a, b)
        for a, b in spans["state"] + spans["more"]
    ]
    found += [("nato_isaf", a, b) for a, b in spans["coal"]]
    found += [("afg_military", a, b) for a, b in spans["ally"]]
    # (the sentence's cue test, which role_of then finds done for its mentions)
    for m in NATION_ATTACKS.finditer(low) if SENTENCE.has(low, "attack") else ():
        if (nation := nation_of(text, m, "nat")) is not None:
            # the nation word stands for its state: "in Pakistani shelling" is then read as
            # "in a TTP attack" is (the owner of the attack)
            found.append((nation, *m.span("nat")))
    nonstate = UNIDENTIFIED_BALOCH if baloch_militants(low) else UNIDENTIFIED
    found += [(nonstate, a, b) for a, b in spans["nonstate"]]
    found += [
        ("civilians", a, b)
        for a, b in spans["civ"]
        if scanned[a:b] in _CIVILIAN_NOUNS and not NO_BEFORE.search(low[max(0, a - 25) : a])
    ]
    return [
        ActorMention(actor, start + a, start + b, text[a:b], False)
        for actor, a, b in found
        if actor
    ]


def contextual_actor(m: ActorMention, country: str | None, date: dt.date | None) -> str:
    """Bare "Taliban" in a Pakistani story after the TTP's founding (Dec 2007) means the TTP."""
    if m.actor_id == "afg_taliban" and country == "PAK":
        bare = normalize_name(m.text) in {"taliban", "taleban", "taliban militants",
                                           "taliban fighters", "taliban insurgents"}  # fmt: skip
        if bare and (date is None or date >= dt.date(2007, 12, 1)):
            return "ttp"
    return m.actor_id


def civilian_victims(text: str, victims: list[Count], roles: list[ActorRole]) -> tuple[bool, bool]:
    """(civilians are a target, the dead are told only as "people"): civilian words at the
    event's figures, not negated ("no civilians") nor the people a victim guarded, or a
    civilians actor as target; "people" counts only where no civilian word does."""
    civilian = any(
        (hit := CIVILIAN_WORDS.search(fold(text[c.start : c.end + 30])))
        and not NO_BEFORE.search(
            before := fold(text[max(0, c.start + hit.start() - 25) : c.start + hit.start()])
        )
        and not GUARDING_BEFORE.search(before)
        for c in victims
    ) or any(r.actor_id == "civilians" and r.role == "target" for r in roles)
    people = not civilian and any(
        PEOPLE_WORDS.search(fold(text[c.start : c.end + 8])) for c in victims
    )
    return civilian, people
