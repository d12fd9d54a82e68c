"""Case folding that keeps character offsets.

Python's `re` runs case-insensitive alternations 2-4x slower than case-sensitive ones, so the
hot patterns are written in lower case and run over `fold(text)`, whose offsets equal the
original's (str.lower() can lengthen a few non-ASCII characters; those are left as they are).
"""

from __future__ import annotations

import re
from typing import Any

try:  # the regular-expression parser (Python 3.11 names it sre_parse, 3.12+ re._parser)
    from re import _constants as _sc  # type: ignore[attr-defined]
    from re import _parser as _sp  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sc
    import sre_parse as _sp

# The characters re.IGNORECASE equates with an ASCII letter that `fold` does not turn into one
# (dotted capital I, dotless i, long s, Kelvin sign): where they occur, a case-sensitive pattern
# over folded text is not the same as a case-insensitive one over the original.
_IGNORECASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_ESCAPE = re.compile(r"\\.")


def fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def cased_twin(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One case-sensitive pattern, to run over folded text, that matches where any of the
    given case-insensitive lower-case patterns matches (see `twin_applies`); None when that
    cannot be guaranteed (a pattern with upper-case letters or other flags)."""
    for p in patterns:
        bare = _ESCAPE.sub("", p.pattern)
        if p.flags & ~(re.IGNORECASE | re.UNICODE) or bare != bare.lower():
            return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None  # e.g. inline flags, which must come first


def twin_applies(folded: str) -> bool:
    """Whether a `cased_twin` over this folded text finds what its originals would."""
    return folded.isascii() or _IGNORECASE_ODD.search(folded) is None


def first_chars(pattern: str) -> str:
    """A look-ahead for the characters a match of `pattern` can start with ("(?=[abd])"), or ""
    when any may (or the pattern can match nothing). Put before a named group in a long
    alternation: `re` tries every such group's alternatives at each position (a named group
    hides the literal that lets it skip a plain alternative), the look-ahead rejects most
    positions in one test. Found from the parsed pattern, as a superset: the same matches."""

    def sequence(items: Any) -> tuple[set[str] | None, bool]:
        chars: set[str] = set()
        for op, av in items:
            first, empty = item(op, av)
            if first is None:
                return None, False
            chars |= first
            if not empty:
                return chars, False
        return chars, True  # every item can match empty

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is _sc.LITERAL:
            return {chr(av)}, False
        if op is _sc.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is _sc.LITERAL:
                    chars.add(chr(a))
                elif o is _sc.RANGE:
                    chars |= {chr(c) for c in range(a[0], a[1] + 1)}
                else:
                    return None, False  # a negated set or a category (\d, \w)
            return chars, False
        if op is _sc.BRANCH:
            union: set[str] = set()
            can_be_empty = False
            for alternative in av[1]:
                first, empty = sequence(alternative)
                if first is None:
                    return None, False
                union |= first
                can_be_empty = can_be_empty or empty
            return union, can_be_empty
        if op is _sc.SUBPATTERN:
            return sequence(av[-1])
        if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
            first, empty = sequence(av[2])
            return first, empty or av[0] == 0
        if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            return set(), True  # takes no character
        return None, False

    chars, empty = sequence(_sp.parse(pattern))
    if chars is None or empty or not chars:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def letter_first(pattern: str) -> str:
    """`pattern`, every alternative of which starts at a word boundary with a letter, behind a
    look-ahead for that letter: `re` then rejects most positions without trying each
    alternative (up to twice as fast on long alternations; the same matches)."""
    return r"\b(?=[a-z])(?:" + pattern + ")"


class Scanner:
    """A pattern and its `re.ASCII` twin, which finds the same on ASCII text 10-30% faster
    (its \\b and \\w need no Unicode tables). `on(text)` gives the pattern to run and the text
    to run it on: the twin over the ASCII form of `text` where there is one. Only for patterns
    with no literal space or "." (tests/test_extract_speed.py checks them and the equality)."""

    __slots__ = ("ascii", "unicode")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.unicode = pattern
        self.ascii = re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)

    def on(self, text: str) -> tuple[re.Pattern[str], str]:
        plain = ascii_form(text)
        return (self.unicode, text) if plain is None else (self.ascii, plain)


def ascii_form(text: str) -> str | None:
    """`text` with its no-break spaces and line separators as spaces, if that makes it ASCII.
    Both are common in news text; as spaces the offsets stay, and patterns with no literal space
    or "." (`Scanner`'s) find the same, so most sentences can be scanned as ASCII."""
    if text.isascii():
        return text
    spaced = text.replace("\xa0", " ").replace("\u2028", " ")  # (far faster than translate)
    return spaced if spaced.isascii() else None
