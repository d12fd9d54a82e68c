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
    # (four substring tests: cheaper than the class's search over a long non-ASCII text)
    return folded.isascii() or not (
        "\u0130" in folded or "\u0131" in folded or "\u017f" in folded or "\u212a" in folded
    )


def first_chars(pattern: str) -> str:
    """A look-ahead for the characters a match of `pattern` can start with ("(?=[abd])"), or ""
    when any may (or the pattern can match nothing). Put before a named group in a long
    alternation: `re` tries every such group's alternatives at each position (a named group
    hides the literal that lets it skip a plain alternative), the look-ahead rejects most
    positions in one test. Found from the parsed pattern, as a superset: the same matches."""
    chars, empty = _sequence(_sp.parse(pattern))
    if chars is None or empty or not chars:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def start_hint(pattern: re.Pattern[str]) -> str:
    """Like `first_chars`, for a large alternation with look-behinds and non-ASCII characters
    (spaCy's suffix pattern): where an alternative opens with a look-behind whose last item is
    one character ("(?<=[0-9])km$"), the hint asks for that character before the position as
    well, so letters are tried only after a digit. Sets are written as their ASCII characters
    plus every non-ASCII one (a superset, but a short class: listed one by one, thousands of
    characters made the test slower than the search). "" when no hint can be given."""
    if pattern.flags & re.IGNORECASE:
        return ""
    tree = _sp.parse(pattern.pattern)
    alternatives = tree[0][1][1] if len(tree) == 1 and tree[0][0] is _sc.BRANCH else [tree]
    plain: set[str] = set()
    after: dict[str, set[str]] = {}  # a look-behind's character class -> what may follow it
    for items in alternatives:
        items = list(items)
        before = None
        if items and items[0][0] is _sc.ASSERT and items[0][1][0] == -1 and items[0][1][1]:
            last = list(items[0][1][1])[-1]  # the character just before the match
            if last[0] in (_sc.LITERAL, _sc.IN):
                before, _ = _item(last[0], last[1], ascii_only=True)
        chars, empty = _sequence(items[1:] if before else items, ascii_only=True)
        if chars is None or empty or not chars:
            return ""
        if before:
            after.setdefault(_char_class(before), set()).update(chars)
        else:
            plain |= chars
    hints = [f"(?={_char_class(plain)})"] if plain else []
    hints += [f"(?<={b})(?={_char_class(a)})" for b, a in after.items()]
    if len(hints) == 1:
        return hints[0]
    # One class test first: most positions fail it, and are spared trying each hint (1.7x).
    union = plain.union(*after.values())
    return f"(?={_char_class(union)})(?:" + "|".join(hints) + ")"


def _char_class(chars: set[str]) -> str:
    """A character class holding `chars`: their ASCII ones, and all non-ASCII ones if any."""
    ascii_chars = "".join(re.escape(c) for c in sorted(c for c in chars if c.isascii()))
    other = "" if all(c.isascii() for c in chars) else "\\x80-\\U0010ffff"
    return "[" + ascii_chars + other + "]"


def _sequence(items: Any, ascii_only: bool = False) -> tuple[set[str] | None, bool]:
    """The characters a match of the parsed items can start with (None: any), and whether it
    can be empty. `ascii_only`: of the non-ASCII ones, one stands for all (enough for
    `_char_class`, and far quicker on ranges of thousands)."""
    chars: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av, ascii_only)
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True  # every item can match empty


def _item(op: Any, av: Any, ascii_only: bool = False) -> tuple[set[str] | None, bool]:
    if op is _sc.LITERAL:
        return {chr(av)}, False
    if op is _sc.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _sc.LITERAL:
                chars.add(chr(a))
            elif o is _sc.RANGE and ascii_only and a[1] > 0x7F:
                chars |= {chr(c) for c in range(a[0], 0x80)} | {chr(max(a[0], 0x80))}
            elif o is _sc.RANGE:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            else:
                return None, False  # a negated set or a category (\d, \w)
        return chars, False
    if op is _sc.BRANCH:
        union: set[str] = set()
        can_be_empty = False
        for alternative in av[1]:
            first, empty = _sequence(alternative, ascii_only)
            if first is None:
                return None, False
            union |= first
            can_be_empty = can_be_empty or empty
        return union, can_be_empty
    if op is _sc.SUBPATTERN:
        return _sequence(av[-1], ascii_only)
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        first, empty = _sequence(av[2], ascii_only)
        return first, empty or av[0] == 0
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return set(), True  # takes no character
    return None, False


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


def on_demand(sources: dict[str, str], namespace: dict[str, Any], name: str) -> re.Pattern[str]:
    """A module's `__getattr__` for patterns only the tests search with (a scan runs their
    `char_before` twin): `sources[name]` compiled on first use and kept in the module's
    `namespace`, not at import (the four such cost 4% of the model load's instructions)."""
    if name not in sources:
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
    pattern = namespace[name] = re.compile(sources[name])
    return pattern
