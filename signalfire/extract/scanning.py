"""Cheap tests before costly patterns in `casualties.find_counts`: substring cues (`holds`)
and the matches of a scanning pattern found from where a cheaper one, one character early,
says they can start (`_matches`, `_starts`)."""

from __future__ import annotations

import re


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (a loop: cheaper than `any` over a generator, on a
    test run for most sentences)."""
    for w in words:  # noqa: SIM110 (see above)
        if w in text:
            return True
    return False


def _matches(finder: re.Pattern[str], early: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`finder.finditer(text)` where `early` matches where `finder` does, one character early
    (at the non-word character before; `_VERB_STARTS`): a match at the start, then one after
    each of `early`'s."""
    m = finder.match(text)
    found = [] if m is None else [m]
    for at in early.finditer(text, 0 if m is None else m.end()):
        if (m := finder.match(text, at.start() + 1)) is not None:
            found.append(m)
    return found


def _starts(finder: re.Pattern[str], early: re.Pattern[str], text: str, limit: int) -> list[int]:
    """Where `finder.finditer(text)` finds a match before `limit`, as `_matches` finds them
    (the matches themselves not wanted: `early`'s are as long, one character more)."""
    first = finder.match(text)
    starts = [0] if first is not None and limit > 0 else []
    for at in early.finditer(text, 0 if first is None else first.end()):
        if at.start() + 1 >= limit:
            break
        starts.append(at.start() + 1)
    return starts
