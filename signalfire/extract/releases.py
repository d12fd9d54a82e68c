"""Where one record holds several press releases.

Scraped release archives often append a later release to the record of an earlier one: an
"UPDATE" that confirms a capture, or the next day's operational update, each with its own
header ("ISAF Joint Command - Afghanistan 2011-04-S-047 For Immediate Release") and dateline.
Read as one text, the update's figures add to the first release's, its dateline's day is lost,
and its sentences join the first release's events. Each release is extracted on its own.
"""

from __future__ import annotations

import itertools
import re

from .model import Document, Evidence, ExtractedEvent

# What opens a release: "For Immediate Release", or a release number ("2010-07-CA-151"), not
# one cited in the text ("an update to IJC News Release #2010-10-CA-068"). (Plain `find` and a
# pattern that opens with "-": a pattern scanned from every character cost 1 ms an article.)
_PHRASES = ("For Immediate Release", "FOR IMMEDIATE RELEASE", "For immediate release")
_NUMBER_TAIL = re.compile(r"-\d\d-[A-Z]{1,3}-\d{2,4}\b")  # after the year
_LINE_BREAK = re.compile(r"[\n\u2028]")
_BLANKS = re.compile(r"\s*")
# A line that ends a paragraph of body text; a header line ("----", "UPDATE: ...", a headline,
# "ISAF Joint Command - Afghanistan") does not.
_BODY_END = re.compile(r"[.!?\"'”’)]\s*$")
_HEADER_LINES = 5  # lines a header block may take above its marker, blank ones not counted
_MIN_RELEASE = 150  # characters: less is a header's preamble or a closing line, no release


def release_parts(text: str) -> list[tuple[int, int]]:
    """The [start, end) of each release in `text`; one part when it holds one release."""
    if "\n" not in text and "\u2028" not in text:
        return [(0, len(text))]  # a header block is lines of its own: one release
    starts = [0]
    for marker in _markers(text):
        if marker - starts[-1] < _MIN_RELEASE:
            continue  # (its header block starts no later than the marker)
        start = _header_start(text, marker)
        if start - starts[-1] >= _MIN_RELEASE and _has_body(text, starts[-1], start):
            starts.append(start)
    if len(starts) > 1 and len(text) - starts[-1] < _MIN_RELEASE:
        starts.pop()
    return list(itertools.pairwise([*starts, len(text)]))


def _markers(text: str) -> list[int]:
    found = []
    for phrase in _PHRASES:
        at = text.find(phrase)
        while at >= 0:
            found.append(at)
            at = text.find(phrase, at + 1)
    for m in _NUMBER_TAIL.finditer(text):
        year = m.start() - 4
        if (
            year >= 0
            and text[year : m.start()].isdigit()
            and text[year] in "12"
            and (year == 0 or not (text[year - 1].isalnum() or text[year - 1] == "#"))
        ):
            found.append(year)
    return sorted(found)


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("\u2028", 0, pos)) + 1


def _header_start(text: str, pos: int) -> int:
    """Where the header block holding the marker at `pos` begins: the lines above it up to the
    last line of body text (a separator, an "UPDATE" headline, the issuer's name)."""
    start = _line_start(text, pos)
    taken = 0
    while start > 0 and taken < _HEADER_LINES:
        above = _line_start(text, start - 1)
        line = text[above : start - 1]
        if line.strip():
            if _BODY_END.search(line):
                break
            taken += 1
        start = above
    return _BLANKS.match(text, start, pos).end()  # type: ignore[union-attr]


def _has_body(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a line of body text, not only a header."""
    a = start
    for m in _LINE_BREAK.finditer(text, start, end):
        if _BODY_END.search(text, a, m.start()) and text[a : m.start()].strip():
            return True
        a = m.end()
    return bool(_BODY_END.search(text, a, end)) and bool(text[a:end].strip())


def split_releases(doc: Document) -> list[tuple[int, Document]]:
    """The document's releases (see `releases`), each with its offset in the document."""
    parts = release_parts(doc.text)
    if len(parts) == 1:
        return [(0, doc)]
    return [
        (a, Document(doc.doc_id, doc.text[a:b], doc.published, doc.title, doc.url))
        for a, b in parts
    ]


def shifted(events: list[ExtractedEvent], offset: int) -> list[ExtractedEvent]:
    """A later release's events with their evidence counted from the document's start."""
    for e in events:
        e.evidence = [
            Evidence(x.field, x.start + offset, x.end + offset, x.text) for x in e.evidence
        ]
    return events
