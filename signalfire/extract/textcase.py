"""Case folding that keeps character offsets.

Python's `re` runs case-insensitive alternations 2-4x slower than case-sensitive ones, so the
hot patterns are written in lower case and run over `fold(text)`, whose offsets equal the
original's (str.lower() can lengthen a few non-ASCII characters; those are left as they are).
"""

from __future__ import annotations

import re

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


def letter_first(pattern: str) -> str:
    """`pattern`, every alternative of which starts at a word boundary with a letter, behind a
    look-ahead for that letter: `re` then rejects most positions without trying each
    alternative (up to twice as fast on long alternations; the same matches)."""
    return r"\b(?=[a-z])(?:" + pattern + ")"
