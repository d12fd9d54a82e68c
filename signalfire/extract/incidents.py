"""Two incidents told in one sentence.

"A roadside bomb killed two soldiers in Kurram, while gunmen shot dead a policeman in Bannu":
news round-ups join incidents with "while", "whereas" or a semicolon. Read as one sentence, the
two tolls add up on the first place. Each clause that has its own figure and its own place
becomes a sentence of its own, so grouping (`grouping.group_sentences`) can tell the incidents
apart by their places, as it does across sentences; clauses in one district group together again.
"""

from __future__ import annotations

import re

from .event_types import find_triggers
from .sentences import Sentence

# Where a second incident's clause begins: ", while", "whereas", a semicolon, and ", and in
# <Place>" / ", while in <Place>" ("killed 12 in Kabul, and in Jalalabad a bomb killed four").
_JOIN = re.compile(r"(?:,\s*|\s+)(?:while|whereas)\s+|;\s+|,\s+and\s+(?=(?:in|at|near)\s+[A-Z])")


def split_incidents(s: Sentence) -> list[Sentence]:
    """`s` cut at each join that has a figure and a place on both sides; `s` alone otherwise.
    Counts, places and actors go to the part holding them."""
    if len(s.counts) < 2 or len(s.places) < 2 or not _JOIN.search(s.text):
        return [s]
    cuts = []
    for m in _JOIN.finditer(s.text):
        cut = s.start + m.start()
        before = [c for c in s.counts if c.end <= cut]
        after = [c for c in s.counts if c.start >= cut]
        if not before or not after or len(before) + len(after) < len(s.counts):
            continue
        # (a country names no incident's place: "KABUL, Afghanistan - ... killed two, while")
        places_before = {p.key for p in s.places if p.end <= cut and ":" not in p.key}
        places_after = {p.key for p in s.places if p.start >= cut and ":" not in p.key}
        if places_before and places_after and places_before != places_after:
            cuts.append(cut)
    if not cuts:
        return [s]
    parts = []
    for a, b in zip([s.start, *cuts], [*cuts, s.end], strict=True):
        part = Sentence(a, b, s.text[a - s.start : b - s.start], is_event=s.is_event)
        part.joined = a != s.start
        part.counts = [c for c in s.counts if a <= c.start < b]
        part.places = [p for p in s.places if a <= p.start < b]
        part.actors = [x for x in s.actors if a <= x.start < b]
        if part.is_event:
            part.triggers = find_triggers(part.text, a)
        parts.append(part)
    return parts
