"""The value of one figure match (`casualties.find_counts`): "more than 10" is 11, "10 to 12"
is 10 with a high of 12, and what only looks like a figure is none (a date's day, a dateline's
year, "one of them", "No. 3", "two of the dead"); and the value of one more item of a list."""

from __future__ import annotations

import re

from .casualty_patterns import (
    _DATELINE_AFTER,
    _DAY_MONTH_BEFORE,
    _MONTH_BEFORE,
    _MONTH_DATELINE_AFTER,
    _MONTH_OF_DAY_AFTER,
    _NEGATION,
    _NOT_A_COUNT,
    _NOT_A_COUNT_BEFORE,
    _ONE_OF,
    _PART_OF_DEAD,
    _YEAR,
)
from .numbers import _EXACT, _MORE_THAN, parse_number

_POSSESSIVES = frozenset({"his", "her", "their"})
_BOTH_AND = re.compile(r"\s+(?:the|his|her|their|an?)\s+[^,;.]{0,40}?\band\b")
# A capture verb straight before a figure: its object.
_VERB_BEFORE = re.compile(r"\b(?:detained|arrested|captured|apprehended)\s+$")


def _value(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """(low, high) of a figure match, or None when it is not a casualty figure."""
    n1 = m.group("n1")
    parsed = parse_number(n1)
    # "one of", "no one", "a man": pronouns and articles, not figures.
    if parsed is None or n1.lower() in {"a", "an"}:
        return None
    after = text[m.end("n1") :]
    if n1 == "both" and _BOTH_AND.match(after):
        return None  # "both the commander and his deputy": the list's own items count
    if _NOT_A_COUNT.match(after) and m.group("n2") is None:
        return None
    if parsed <= 31 and _MONTH_OF_DAY_AFTER.match(after):
        return None  # "the attack on 12 May killed 4": a date
    # (but a verb's object is one: "detained one of the leader's bodyguards")
    if (
        parsed == 1
        and _ONE_OF.match(after)
        and not _VERB_BEFORE.search(text, max(0, m.start("n1") - 16), m.start("n1"))
    ):
        return None
    if _PART_OF_DEAD.match(after):
        return None
    before = text[max(0, m.start("n1") - 16) : m.start("n1")]
    if _NOT_A_COUNT_BEFORE.search(before) or _NEGATION.search(before):
        return None
    # a dateline's day or year: "HERAT, May 8 - Gunmen killed two", "May 8 - 3 policemen were
    # killed" (not a range: the figure after the dash is read on its own), "March 3, 2014 -"
    # (not "in May 12 people died", nor "killed 1900, including 200 commanders")
    if (
        _MONTH_BEFORE.search(before)
        or (
            _YEAR.fullmatch(n1)
            and _DAY_MONTH_BEFORE.search(text, max(0, m.start("n1") - 24), m.start("n1"))
        )
    ) and _DATELINE_AFTER.match(after):
        return None
    if _MONTH_DATELINE_AFTER.match(after):
        return None  # "HERAT, 8 May - Gunmen killed two"
    low = parsed
    q = m.groupdict().get("q")
    if q and _MORE_THAN.match(q) and _EXACT.fullmatch(n1):
        low = parsed + 1
    n2 = m.group("n2")
    parsed_high = parse_number(n2) if n2 else None
    high = parsed_high if parsed_high is not None and parsed_high >= low else low
    return low, high


def _has(m: re.Match[str], group: str) -> bool:
    return bool(m.groupdict().get(group))


def _continued(m: re.Match[str]) -> int | None:
    """The figure of one more item of a list of victims: "a leader" 1, "other militants" 2
    (a plural says at least two), "more than 10 associates" 11."""
    if one := m.groupdict().get("one"):
        # "the facilitator and his associates": a plural says at least two
        return 2 if one in _POSSESSIVES and m.group(0).endswith("s") else 1
    if m.groupdict().get("other"):
        return 2
    n1 = m.group("n1")
    value = parse_number(n1)
    q = m.group("q")
    if value is not None and q and _MORE_THAN.match(q) and _EXACT.fullmatch(n1):
        value += 1
    return value
