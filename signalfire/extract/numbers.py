"""Numbers in English news text: digits ("13", "1,200"), words ("thirteen", "twenty-five",
"a dozen"), vague quantities ("dozens", "several"), ranges ("10 to 12") and qualifiers ("at least",
"more than"). The patterns and `parse_number` that `casualties` reads its figures with."""

from __future__ import annotations

import re

from .alternation import by_first_letter

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
# "a few" is 3: the ISAF coders give a release's "detained a few suspected insurgents" 3.
_VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "several": 3, "a few": 3, "few": 2,
    "multiple": 3, "numerous": 4, "a number of": 3, "a pair of": 2,
    "a handful of": 2,
    "a couple": 2, "couple": 2, "a dozen": 12, "dozen": 12, "a score": 20, "both": 2,
    "half a dozen": 6, "several dozen": 24, "a few dozen": 24, "thousands": 2000,
}  # fmt: skip
# (the word lists as groups by first letter, `alternation.by_first_letter`: the same matches,
# fewer tests)
_UNIT_RE = by_first_letter(
    "|".join(sorted((k for k in _UNITS if k not in {"a", "an", "no"}), key=len, reverse=True))
)
_TENS_RE = by_first_letter("|".join(_TENS))
_WORD_NUMBER = (
    rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_UNIT_RE})"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_UNIT_RE}))?)?"
    r"(?:\s+thousand\b)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE_RE = by_first_letter(
    r"half\s+a\s+dozen|(?:several|a\s+few)\s+dozen|a\s+(?:hundred|thousand)\b|"
    r"dozens|scores|hundreds|thousands|several|multiple|numerous|a\s+number\s+of|a\s+few|"
    r"a\s+pair\s+of|a\s+handful\s+of|"
    r"a\s+couple|a\s+dozen|a\s+score|both"
)
NUMBER = rf"(?:(?:{_DIGITS}|{_WORD_NUMBER})\s+dozen\b|{_DIGITS}|{_WORD_NUMBER}|{_VAGUE_RE})"
# (the figure itself after "a total of", "an additional", "upwards of", "no fewer than")
_QUALIFIER = (
    "(?:"
    + by_first_letter(
        r"(?:at\s+least|more\s+than|over|nearly|almost|around|about|up\s+to|some|"
        r"as\s+many\s+as|approximately|roughly|an\s+estimated|a\s+total\s+of|an\s+additional|"
        r"upwards\s+of|no\s+(?:fewer|less)\s+than|not\s+less\s+than)\s+"
    )
    + ")"
)
# "between 10 and 15" is a range like "10 to 15"; a bare "and" is not ("two and three
# militants" does not occur; "2 soldiers and 3 militants" is two figures).
QUANTITY = (
    rf"(?:(?P<q>{_QUALIFIER}))?(?P<btw>between\s+)?(?P<n1>{NUMBER})"
    rf"(?:(?:\s*(?:-|–|to|or)\s*|(?(btw)\s+and\s+|(?!)))(?P<n2>{NUMBER}))?"
)
# "detained 14 June": a date, not a figure.
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A month after a figure is a date only where a day fits: "detained 14 June", "12 May in
# Kabul", "9 May 2011", "the attack on 12 May killed 4"; not "12 May Day protesters" nor
# "4 Jan Mohammad's relatives".
_DATE_MONTH = (
    rf"(?:{_MONTH})\b(?=\.?\s*(?:[,;:)]|\.(?:\s|$)|$)|\.?\s+(?:\d+|in|on|at|and|last|this|near|"
    r"from|after|before|during|while|when|to|the|a|an|but|as|by|for|with|said|according|"
    r"killed|wounded|injured|left|claimed|was|were|which|that|attack|attacks|blast|bombing|"
    r"raid|operation)\b)"
)
# "more than 10" allows 11 at least; "more than several" says nothing more than "several".
_MORE_THAN = re.compile(r"(?:more\s+than|over)\s")
_EXACT = re.compile(
    rf"(?:(?:{_DIGITS}|{_WORD_NUMBER})(?:\s+dozen)?|a\s+dozen|a\s+score|half\s+a\s+dozen|"
    r"a\s+(?:hundred|thousand))"
)


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
        elif word.isdigit():  # "2 dozen"
            current += int(word)
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":  # "three dozen"
            current = max(current, 1) * 12
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
