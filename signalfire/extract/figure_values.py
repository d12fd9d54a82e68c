"""The value of one figure match (`casualties.find_counts`): "more than 10" is 11, "10 to 12"
is 10 with a high of 12, and what only looks like a figure is none (a date's day, a dateline's
year, "one of them", "No. 3", "two of the dead"); the value of one more item of a list; and
whether a verb's singular object names one victim."""

from __future__ import annotations

import re

from .figure_guards import _ARTICLE_BEFORE, _NEGATION
from .numbers import _DATE_MONTH, _EXACT, _MORE_THAN, _QUALIFIER, parse_number
from .numbers import _MONTH as _MONTH_NAME

# The words around a figure that `casualties.find_counts` reads it by.
# The nouns of an act, which a figure before them does not suffer ("two of the wounded died"
# are the wounded).
_ACT_NOUNS = ("killing", "death", "murder", "arrest", "capture", "detention", "kidnapping")
_BOTH_THE = re.compile(r"both\s+(?:the|his|her|their|an?)\s")
# Who tells a figure: "According to the provincial governor, 7 suspects have been arrested".
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to|quoting|citing)\s+(?:the\s+|an?\s+)?$")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
_AUXILIARY = re.compile(r"\b(?:was|were|been)\s")
# A name after a singular's verb with no auxiliary: the verb is active, the singular the killer
# ("A suicide bomber killed Taliban minister Khalil Haqqani"; not a day: "killed Tuesday").
_NAME_OBJECT_AFTER = re.compile(
    r"[ \t]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Last|This|On|In|"
    r"At|Near|During|After|Before|Early|Late)\b)[A-Z][a-z]"
)
# Between a verb and its object's noun phrase ("detained the leader, one insurgent ...").
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|an?|his|her|their|its)\s+)?")
_TOOK_BEFORE = re.compile(r"\b(?:took|takes|taking)\s+(?:(?:a\s+total\s+of|another)\s+)?$")

# Counts that look like casualties but are not: ages, times, distances, "one of the".
_NOT_A_COUNT = re.compile(
    r"^(?:\s*(?:-|–)?\s*(?:year|years|yr|km|kilomet|mile|hour|hours|minute|day|days|week|"
    r"month|per\s*cent|percent|%|am\b|pm\b|a\.m|p\.m|pounds|kg|kilo|tons?\b|"
    # a unit's or a place's number: "313 Brigade", "11 Corps"
    r"brigade|regiment|battalion|corps\b|division|"
    # a sum of money, no victims: "a package of Rs1.5 billion for the families of the
    # policemen killed", "10 lakh rupees for the families of those killed", "1,000 US dollars"
    r"[$£€]|(?:million|billion|trillion|crores?|lakhs?|lacs?|rupees|rs|pkr|(?:us\s+)?dollars|"
    r"afghanis|afs)\b))",
    re.IGNORECASE,
)
# A rank or a news-wire version, not a figure: "Al Qaeda No. 3", "UPDATE 1-Four die".
# A road's, gate's or sector's number, a model's or a date's: "Route 1", "Gate 3", "Sector G-9",
# "AK-47", "9/11".
# A sum's currency or the rest of a number: "Rs 10 million", "$3 million", "Afs 50,000",
# "Rs1.5 billion" (the 5), "Rs5,000,000" (the 000,000).
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\bno\.|\bnumber|\bupdate|\bpart|\broute|\bhighway|\bgate|\bsector(?:\s+[a-z])?|"
    r"\bblock|\bphase|[$£€]|\b(?:rs|pkr|afs?|afn|usd|inr)\.?)\s*$|[a-z]-$|\d[/.,]$"
)
# A dateline's day after its month: "HERAT, May 8 - ", "May 8, 2012".
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAME})\.?\s+$")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A day of the month after the figure: "the attack on 12 May killed 4" (see `_DATE_MONTH`).
_MONTH_OF_DAY_AFTER = re.compile(rf"\s+{_DATE_MONTH}")
# A date's day and month before a year: "May 8, 2012", "8 May 2012".
_DAY_MONTH_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\b\d{{1,2}}\s+(?:{_MONTH_NAME})\.?),?\s+$"
)
_DATELINE_END = r"(?:[-–—,:(]|\(?(?:reuters|ap|afp|xinhua)\b)"  # what follows a dateline's date
_DATELINE_AFTER = re.compile(rf"\s*{_DATELINE_END}")
# A day-first dateline: "HERAT, 8 May - ", "8 May 2012 (AFP) -".
_MONTH_DATELINE_AFTER = re.compile(rf"\s+(?:{_MONTH_NAME})\.?(?:,?\s+\d{{4}})?\s*{_DATELINE_END}")
# "one of the wounded", "one of them": a pronoun, not a figure ("three of the attackers" is).
_ONE_OF = re.compile(r"^\s+of\s+(?:the|them|whom|his|their)\b")
# ... but one of a leader's men as a passive's subject is one: "one of his fighters was killed".
_ONE_OF_HIS_PASSIVE = re.compile(
    r"\s+of\s+(?:his|her|their)\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+s\s+(?:was|were|had\s+been|"
    r"has\s+been)\b"
)
# "two of the dead were children": a part of a toll told before, never more victims.
_PART_OF_DEAD = re.compile(r"\s+of\s+(?:the|those)\s+(?:dead|killed|deceased|slain|victims)\b")
_POSSESSIVES = frozenset({"his", "her", "their"})
_BOTH_AND = re.compile(r"\s+(?:the|his|her|their|an?)\s+[^,;.]{0,40}?\band\b")
# A capture verb, or an active verb of hurt, straight before a figure: its object ("killed one
# of the attackers").
_VERB_BEFORE = re.compile(
    r"\b(?:detained|arrested|captured|apprehended|killed|killing|wounded|wounding|injured|"
    r"injuring|shot\s+dead)\s+$"
)


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
        and not _ONE_OF_HIS_PASSIVE.match(after)
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


# A rank in a tally before an act's noun: "the third killing of a reporter in the province this
# year" tells no other victim.
_RANK_BEFORE = re.compile(
    r"\bthe\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+$"
)


def _single_object(m: re.Match[str], original: str, text: str) -> bool:
    """Whether "<verb> [a] <victim>" names one victim: "the detained facilitator", "the slain
    militant's brother" are adjectives; "Captures Chaman-based Senior Leader" (a title-case
    headline) has no article to tell a noun phrase from a title."""
    verb = m.group("verb")
    if verb.endswith(_ACT_NOUNS) and _RANK_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return False
    if verb.endswith(("ed", "slain", "dead")) and _ARTICLE_BEFORE.search(
        text, max(0, m.start() - 6), m.start()
    ):
        return False
    if m.group("noun") and not m.group("article"):
        return original[m.start("noun")].islower()
    return True


def aside_victims(m: re.Match[str] | None) -> int:
    """The victims an along-with aside adds: 0 where there is none (`_continued`)."""
    return (_continued(m) or 0) if m is not None else 0


# The words a list's last item starts with before its figure: a singular's "the" ("two suspects
# and the cell's leader were detained") or a possessive ("A policeman and his two sons").
_ITEM_START = re.compile(r"\b(?P<word>the|his|her|their)\s+$")
# A qualifier before the figure's number starts its item too: "five policemen and at least 20
# insurgents were killed" (the number alone would leave "and at least" before it, no join).
_QUALIFIED = re.compile(rf"(?<![\w'’-])(?:{_QUALIFIER})$")


def item_start(text: str, start: int, kind: str) -> int:
    """Where the list item of the figure at `start` (pattern `kind`) starts."""
    if kind == "num" and (q := _QUALIFIED.search(text, max(0, start - 26), start)):
        return q.start()
    m = _ITEM_START.search(text, max(0, start - 7), start)
    if m is None or (m.group("word") == "the" and kind != "near"):
        return start
    return m.start()
