"""Who captures: a capture by an armed group is an abduction, not an arrest ("insurgents
captured two soldiers", "... captured by militants"), unless the group governs by then ("the
Taliban detained two journalists" after August 2021). Read by `casualties`."""

from __future__ import annotations

import re

from .casualty_patterns import _CAPTOR_WORDS, _CAPTORS_AFTER, _CAPTORS_BEFORE
from .scanning import holds


def captor_category(
    category: str, text: str, start: int, verb_end: int, ruling: frozenset[str] = frozenset()
) -> str:
    """ "abducted" for a capture by an armed group: its subject right before the verb
    ("insurgents captured two soldiers"), not a participle's object ("forces battling the
    Taliban captured"), or its agent after ("captured by militants"); not by a group that
    governs by then (`ruling` captor words: "the Taliban detained" after August 2021)."""
    if category != "arrested":
        return category
    lo = max(0, start - 40)
    window = text[lo:start]
    # (the search only where a captor word is: the pattern holds one)
    before = _CAPTORS_BEFORE.search(text, lo, start) if holds(window, _CAPTOR_WORDS) else None
    if before is not None and before.group("governor"):
        before = None
    captor = before if before is not None else _CAPTORS_AFTER.match(text, verb_end)
    if captor is not None and not by_ruling_group(text, captor, ruling):
        return "abducted"
    return category


# The ruling group's namesake across the border: "Pakistani Taliban", "Tehrik-i-Taliban".
_NAMESAKE_BEFORE = re.compile(r"(?:\bpak(?:istani?)?\s+|\btehr[a-z]*[- ]+(?:[ie][- ]+)?)$")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def by_ruling_group(text: str, captor: re.Match[str], ruling: frozenset[str]) -> bool:
    """Whether a captor names a group that governs by then (`ruling` words): by its own word
    ("the Taliban detained") or that word before a generic one ("Taliban militants detained"),
    but not its namesake across the border ("the Pakistani Taliban captured two policemen")."""
    if not ruling:
        return False
    word, at = captor.group("captor"), captor.start("captor")
    if word not in ruling:
        named = _WORD_BEFORE.search(text, max(0, at - 20), at)
        if named is None or named.group(1) not in ruling:
            return False
        at = named.start(1)
    return _NAMESAKE_BEFORE.search(text, max(0, at - 20), at) is None
