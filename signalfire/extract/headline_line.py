"""A headline line without a full stop runs into the body's first sentence ("Police arrest 3
in Herat\nHERAT - Police arrested three men"): its figure repeats the body's (read by
`casualties.find_counts`, which drops the line's figures of a kind the body gives)."""

from __future__ import annotations

import re

# A headline's line break (only within a headline's length of the start).
_LINE_BREAK = re.compile("[\n\u2028]")
_HEADLINE_MAX = 150
# A headline line ends on a word that can end one, not on a join ("and", "on", "the", ",").
_HEADLINE_END = re.compile(
    r"(?<![,;:&-])(?<!\band)(?<!\bor)(?<!\bon)(?<!\bin)(?<!\bat)(?<!\bof)(?<!\bthe)(?<!\ba)"
    r"(?<!\bto)(?<!\bby)(?<!\bfor)(?<!\bwith)(?<!\bfrom)[ \t]*$",
    re.IGNORECASE,
)


def headline_cut(original: str, offset: int, opens: bool | None) -> int | None:
    """Where the document's headline line ends (shifted by `offset`), or None. Only the
    document's first line (`opens`; by default: when `offset` is 0), and only where the next
    line does not carry on the sentence ("killed three soldiers and\ntwo civilians", "in Kohat
    on\nSunday": hard-wrapped)."""
    if not (offset == 0 if opens is None else opens):
        return None
    # (after any blank lines the document opens with)
    lead = len(original) - len(original.lstrip())
    if lead >= _HEADLINE_MAX:
        return None
    br = _LINE_BREAK.search(original, lead, lead + _HEADLINE_MAX)
    if (
        br is None
        or not _HEADLINE_END.search(original, lead, br.start())
        or not original[br.end() :].lstrip()[:1].isupper()
    ):
        return None
    return br.start() + offset
