"""Victims told with a clause of their own before a passive verb, which the figure patterns of
`casualties` (the verb close after the noun, or a few words between) do not reach: "An armed
insurgent opened fire on the force and was killed" (one), "two insurgents opened fire on the
security force and were killed" (two), "a suspected insurgent attempted to flee the compound
and was detained" (one; by an armed group, an abduction). Read by `casualties`."""

from __future__ import annotations

import re

from .captors import captor_category
from .casualty_patterns import _NEGATION
from .casualty_verbs import _ANY_VERB
from .figure_values import _value
from .numbers import QUANTITY
from .victims import _ONE, _PLURAL_VICTIMS

_MODS = rf"(?:(?!(?:and|or|the|{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,3}}?"
# The clause: up to eight words, no clause word and no other casualty verb, then "and".
_CLAUSE_AND = (
    r"(?:(?!(?:and|or|but|while|when|where|who|which|after|before|as|because|said|says|told|"
    rf"{_ANY_VERB})\b)[a-z0-9'’-]+,?\s+){{1,8}}?and\s+"
)
_ADVERB = r"(?:(?:later|subsequently|then|also|eventually)\s+)?$"
_ONE_AND_PASSIVE = re.compile(
    rf"\b(?:an?|one)\s+{_MODS}{_ONE}\s+{_CLAUSE_AND}(?:was|has\s+been|had\s+been)\s+{_ADVERB}"
)
_SOME_AND_PASSIVE = re.compile(
    rf"\b{QUANTITY}\s+{_MODS}(?:{_PLURAL_VICTIMS})\s+{_CLAUSE_AND}"
    rf"(?:were|have\s+been|had\s+been)\s+{_ADVERB}"
)
AND_PASSIVE_CUES = (" and was ", " and were ", " and ha")  # one is in every match of either
# How every match of either ends (a cheap test before them).
_AND_PASSIVE_TAIL = re.compile(
    r"\band\s+(?:was|were|ha(?:s|ve|d)\s+been)\s+(?:(?:later|subsequently|then|also|"
    r"eventually)\s+)?$"
)


def and_passive(
    text: str, verbs: dict[str, list[re.Match[str]]], ruling: frozenset[str]
) -> list[tuple[str, int, int, int, int]]:
    """(category, low, high, start, end) of each such figure in folded sentence `text`, whose
    casualty verbs are `verbs`; `ruling`: the captor words of groups governing by then."""
    out = []
    for category in ("killed", "injured", "arrested"):
        for v in verbs.get(category, []):
            if not _AND_PASSIVE_TAIL.search(text, max(0, v.start() - 40), v.start()):
                continue
            lo = max(0, v.start() - 120)
            cat = captor_category(category, text, v.start(), v.end(), ruling)
            if (one := _ONE_AND_PASSIVE.search(text, lo, v.start())) is not None:
                if not _NEGATION.search(text, max(0, one.start() - 12), one.start()):
                    out.append((cat, 1, 1, one.start(), v.end()))
            elif (some := _SOME_AND_PASSIVE.search(text, lo, v.start())) is not None and (
                value := _value(some, text)
            ):
                out.append((cat, value[0], value[1], some.start("n1"), v.end()))
    return out
