"""Casualty counts from English news text: killed, wounded, abducted, arrested.

Numbers come in digits ("13", "1,200"), words ("thirteen", "twenty-five", "a dozen"), vague
quantities ("dozens" = 24, "scores" = 40, "hundreds" = 200: the lower bound a reader can be sure
of, times two; "a few" = 2, "several" = 3, "multiple", "numerous", "a number of" = 4, the
minimum counts the ISAF press-release annotations use), ranges ("10 to 12", "10-12": the
lower bound, as UCDP's `low` and ISAF's `min_killed` do), and qualifiers ("at least", "more
than", "over", "nearly": the number itself).

A count attaches to the category whose verb or noun is nearest in the same clause:
"13 militants killed", "killed 13 militants", "killing at least 13", "death toll rose to 13",
"13 dead", "the bodies of 13", "13 others were injured". Within one sentence counts of different
victims of one category add up ("killed five soldiers and eight militants" = 13); across the
sentences of one event the largest figure wins, because reports repeat and update a toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textcase import fold

CATEGORIES = ("killed", "injured", "abducted", "arrested")

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "several": 3, "a few": 2, "few": 2,
    "multiple": 4, "numerous": 4, "a number of": 4,
    "a couple": 2, "couple": 2, "a dozen": 12, "dozen": 12, "a score": 20, "both": 2,
}  # fmt: skip
_UNIT_RE = "|".join(
    sorted((k for k in _UNITS if k not in {"a", "an", "no"}), key=len, reverse=True)
)
_TENS_RE = "|".join(_TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_UNIT_RE})"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_UNIT_RE}))?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE_RE = (
    r"dozens|scores|hundreds|several|multiple|numerous|a\s+number\s+of|a\s+few|a\s+couple|"
    r"a\s+dozen|a\s+score|both"
)
NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER}|{_VAGUE_RE})"
_QUALIFIER = (
    r"(?:at\s+least|more\s+than|over|nearly|almost|around|about|up\s+to|some|as\s+many\s+as|"
    r"approximately|roughly|an\s+estimated)\s+"
)
QUANTITY = rf"(?:{_QUALIFIER})?(?P<n1>{NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<n2>{NUMBER}))?"

_KILLED_VERB = (
    r"killed|killing|kills|kill|dead|died|dies|die|slain|slaughtered|massacred|martyred|"
    r"perished|shot\s+dead|gunned\s+down|beheaded|executed|lost\s+their\s+lives|"
    r"lost\s+(?:his|her)\s+life|lives|death\s+of|deaths?|fatalities|bodies|neutralized|"
    r"neutralised|eliminated"
)
_INJURED_VERB = (
    r"wounded|wounding|wounds|injured|injuring|injures|injuries|hurt|hurting|hurts|maimed"
)
_ABDUCTED_VERB = (
    r"abducted|abducting|abducts|kidnapped|kidnapping|kidnaps|taken\s+hostage|held\s+hostage|"
    r"hostages|seized"
)
_ARRESTED_VERB = (
    r"arrested|arresting|arrests|detained|detaining|detains|captured|capturing|captures|"
    r"apprehended|taken\s+into\s+custody|in\s+custody|detainees|suspects\s+detained|"
    r"(?:capture|arrest|detention)\s+of"  # "confirmed the capture of a Taliban facilitator"
)
_VERBS = {
    "killed": _KILLED_VERB,
    "injured": _INJURED_VERB,
    "abducted": _ABDUCTED_VERB,
    "arrested": _ARRESTED_VERB,
}
_ANY_VERB = "|".join(_VERBS.values())
# The victims between a number and its verb: "13 suspected Taliban militants were killed"; no
# digits, conjunctions or other casualty verbs in between ("13 killed and 20 wounded" is two).
_FILLER = (
    rf"(?:(?!(?:and|or|but|while|after|before|during|when|as|{_ANY_VERB})\b)"
    rf"[A-Za-z'’.-]+\s+){{0,6}}?"
    r"(?:(?:were|was|have\s+been|had\s+been|are|got|been)\s+)?"
)
_OBJECT_FILLER = r"(?:(?:at\s+least|more\s+than|as\s+many\s+as|some|another|an?\s+other)\s+)?"
_TOLL = r"(?:death\s+toll|toll|casualties|number\s+of\s+(?:dead|deaths))"

# (category, where the pattern starts: "num" at a number, "verb" at a casualty verb, "near"
# anywhere shortly before one, pattern)
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = []
for _cat, _verb in _VERBS.items():
    # "13 militants were killed", "13 dead", "13 killed"
    _PATTERNS.append((_cat, "num", re.compile(rf"\b{QUANTITY}\s+{_FILLER}(?P<verb>{_verb})\b")))
    # "killed 13 militants", "killing at least 13"
    _PATTERNS.append(
        (
            _cat,
            "verb",
            re.compile(
                rf"\b(?P<verb>{_verb})\s+{_OBJECT_FILLER}{QUANTITY}\b(?!\s*(?:km|kilomet|mile|"
                r"hours|days|years|pounds|kg|kilograms|percent|%|am|pm|a\.m|p\.m))",
            ),
        )
    )
# One unnamed victim: "Pakistani civilian killed", "a policeman was shot dead".
_ONE_VICTIM = (
    r"soldier|policeman|policewoman|civilian|militant|official|man|woman|child|boy|girl|cop|"
    r"officer|trooper|guard|leader|commander|journalist|student|teacher|worker|elder|cleric|"
    r"driver|insurgent|person|chief|tribesman|constable|jawan|member|activist|suspect|"
    r"facilitator|financier|facilitator|bombmaker|militia|guardsman|sepoy|major|captain|colonel"
)
for _cat, _verb in _VERBS.items():
    _PATTERNS.append(
        (
            _cat,
            "near",
            re.compile(
                rf"\b(?P<n1>(?:an?|one)\s+)?(?:(?!(?:and|or|the|{_ANY_VERB})\b)[A-Za-z'’.-]+\s+)"
                rf"{{0,3}}?(?:{_ONE_VICTIM})\s+(?:(?:was|has\s+been|had\s+been|got)\s+)?"
                rf"(?:(?:said|reported|reportedly|allegedly)\s+(?:to\s+have\s+been\s+)?)?"
                rf"(?P<verb>{_verb})\b",
            ),
        )
    )
    # "detained a Taliban facilitator", "killed a senior Haqqani leader", "killing the
    # insurgent" (singular only: "the insurgents" says no number), "killing him"
    _PATTERNS.append(
        (
            _cat,
            "verb",
            re.compile(
                rf"\b(?P<verb>{_verb})\s+(?:(?:an?|one|the)\s+(?:(?!(?:and|or|{_ANY_VERB})\b)"
                rf"[A-Za-z'’.-]+\s+){{0,3}}?(?:{_ONE_VICTIM}|individual)\b(?![s'’-])|"
                r"(?:him|her)\b)",
            ),
        )
    )
_PATTERNS.append(
    (
        "killed",
        "verb",
        re.compile(
            rf"\b(?P<verb>{_TOLL})\s+(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|reached|"
            rf"stood\s+at|stands\s+at|was|is|of|at|to)\s+(?:to\s+)?{QUANTITY}\b",
        ),
    )
)
# Counts that look like casualties but are not: ages, times, distances, "one of the".
_NOT_A_COUNT = re.compile(
    r"^(?:\s*(?:-|–)?\s*(?:year|years|yr|km|kilomet|mile|hour|hours|minute|day|days|week|"
    r"month|per\s*cent|percent|%|am|pm|a\.m|p\.m|pounds|kg))",
    re.IGNORECASE,
)
# "one of the wounded", "one of them": a pronoun, not a figure ("three of the attackers" is).
_ONE_OF = re.compile(r"^\s+of\s+(?:the|them|whom|his|their)\b")


def parse_number(text: str) -> int | None:
    """The integer a number expression denotes ("twenty-five" -> 25, "1,200", "dozens" -> 24)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    digits = t.replace(",", "")
    if digits.isdigit():
        return int(digits)
    if t in _VAGUE:
        return _VAGUE[t]
    total = 0
    current = 0
    seen = False
    for word in t.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class Count:
    """One casualty figure found in text, with its character span (relative to the text given)."""

    category: str
    value: int
    high: int
    start: int
    end: int
    text: str


_VERB_FINDERS = {cat: re.compile(rf"\b(?:{verb})\b", re.IGNORECASE) for cat, verb in _VERBS.items()}
_VERB_FINDERS["killed"] = re.compile(rf"\b(?:{_KILLED_VERB}|{_TOLL})\b", re.IGNORECASE)


# "killed 5 soldiers and 8 militants", "captured a leader and two suspected insurgents": more
# victims of the same verb, each a figure of its own.
_CONTINUATION = re.compile(
    rf"(?:\s+[a-z'’-]+){{0,3}}?\s*,?\s+(?:and|along\s+with|as\s+well\s+as|plus)\s+"
    rf"(?:(?:{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)|(?P<one>an?|one)\s+)"
    rf"\s*(?:[a-z'’-]+\s+){{0,3}}?(?:{_ONE_VICTIM}|people|others|men|members|civilians|"
    rf"militants|insurgents|soldiers|policemen|fighters|suspects|associates|individuals)s?\b"
)
_NUMBER_START = re.compile(rf"\b(?:{_QUALIFIER})?(?:{NUMBER})\b")
# "near" patterns start at most this far before their verb.
_NEAR = 70


def find_counts(text: str, offset: int = 0) -> list[Count]:
    """Every casualty figure in `text`; spans are shifted by `offset`.

    Patterns are tried only where they can start: at a number, at a casualty verb, or just
    before one. A sentence without a casualty verb costs four quick searches."""
    original, text = text, fold(text)  # lower-case patterns, same offsets
    verbs: dict[str, list[re.Match[str]]] = {}
    for cat, finder in _VERB_FINDERS.items():
        found_verbs = list(finder.finditer(text))
        if found_verbs:
            verbs[cat] = found_verbs
    if not verbs:
        return []
    numbers: list[int] | None = None
    found: list[Count] = []
    taken: list[tuple[int, int]] = []
    for category, kind, pattern in _PATTERNS:
        if category not in verbs:
            continue
        hits = verbs[category]
        matches: list[re.Match[str]] = []
        if kind == "num":
            if numbers is None:
                numbers = [m.start() for m in _NUMBER_START.finditer(text)]
            first_verb = hits[0].start()
            for pos in numbers:
                if pos < first_verb:  # a number-first figure ends at a later verb
                    m = pattern.match(text, pos, min(len(text), hits[-1].end() + 1))
                    if m:
                        matches.append(m)
        elif kind == "verb":
            matches = [m for v in hits if (m := pattern.match(text, v.start()))]
        else:
            for v in hits:
                m = pattern.search(text, max(0, v.start() - _NEAR), v.end())
                if m:
                    matches.append(m)
        single = "n2" not in pattern.groupindex
        for m in matches:
            if single:
                low = high = 1
                start = m.start()
            else:
                n1 = m.group("n1")
                parsed = parse_number(n1)
                # "one of", "no one", "a man": pronouns and articles, not figures.
                if parsed is None or n1.lower() in {"a", "an"}:
                    continue
                if _NOT_A_COUNT.match(text[m.end("n1") :]) and m.group("n2") is None:
                    continue
                if parsed == 1 and _ONE_OF.match(text[m.end("n1") :]):
                    continue
                low = parsed
                n2 = m.group("n2")
                parsed_high = parse_number(n2) if n2 else None
                high = parsed_high if parsed_high is not None and parsed_high >= low else low
                start = m.start("n1")
            end = m.end()
            # Overlapping matches of one figure: the earlier pattern (number-verb) wins.
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(
                Count(category, low, high, start + offset, end + offset, original[start:end])
            )
            if kind == "verb":
                more = _CONTINUATION.match(text, end)
                if more is not None:
                    value = 1 if more.group("one") else parse_number(more.group("n1"))
                    a, b = more.start("n1") if more.group("n1") else more.start("one"), more.end()
                    if value is not None and not any(s < b and a < e for s, e in taken):
                        taken.append((a, b))
                        found.append(
                            Count(category, value, value, a + offset, b + offset, original[a:b])
                        )
    found.sort(key=lambda c: c.start)
    return found


def sentence_totals(counts: list[Count]) -> dict[str, int]:
    """Per category, the sum of the distinct figures of one sentence."""
    totals: dict[str, int] = {}
    for c in counts:
        totals[c.category] = totals.get(c.category, 0) + c.value
    return totals
