"""Two incidents told in one sentence.

"A roadside bomb killed two soldiers in Kurram, while gunmen shot dead a policeman in Bannu":
news round-ups join incidents with "while", "whereas" or a semicolon. Read as one sentence, the
two tolls add up on the first place. Each clause that has its own figure and its own place
becomes a sentence of its own, so grouping (`grouping.group_sentences`) can tell the incidents
apart by their places, as it does across sentences; clauses in one district group together again.
A sentence previewing the incidents that later paragraphs tell ("In separate incidents, gunmen
abducted four employees in Kech and a constable was shot dead in Gwadar") is cut the same way,
figures or not; a lead's trailing clause of other news (", officials said, as fighting was
reported in Panjshir") is left out.
"""

from __future__ import annotations

import re

from .event_types import find_triggers
from .sentences import Sentence

# Where a second incident's clause begins: ", while", "whereas", a semicolon, and ", and in
# <Place>" / ", while in <Place>" ("killed 12 in Kabul, and in Jalalabad a bomb killed four").
_JOIN = re.compile(r"(?:,\s*|\s+)(?:while|whereas)\s+|;\s+|,\s+and\s+(?=(?:in|at|near)\s+[A-Z])")


# After such a join, ", and" or "and" opening a third incident's clause with its own subject
# ("..., while two soldiers were killed in Kurram and a policeman was shot dead in Bannu").
_AND = re.compile(
    r",?\s+and\s+(?=(?:an?|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:[A-Za-z-]+\s+){0,4}?(?:was|were)\s)"
)


# A sentence previewing incidents that later paragraphs tell ("In separate incidents, gunmen
# abducted four employees in Kech and a constable was shot dead in Gwadar").
_PREVIEW = re.compile(
    r"^\W*(?:in\s+(?:(?:two|three|four|other|several)\s+)?(?:separate|other|similar|different|"
    r"unrelated)\s+(?:incidents|attacks|violence)|(?:separately|elsewhere|meanwhile)\s*,)",
    re.IGNORECASE,
)


def split_incidents(s: Sentence) -> list[Sentence]:
    """`s` cut at each join that has a figure and a place on both sides (after a first join,
    also at an "and" opening a third incident's clause); `s` alone otherwise. Counts, places
    and actors go to the part holding them."""
    if len(s.places) >= 2 and _PREVIEW.match(s.text):
        return _split_preview(s)
    if len(s.places) >= 2 and s.counts and ", as " in s.text:
        s = _drop_trailing_news(s)
    if len(s.counts) < 2 or len(s.places) < 2:
        return [s]
    first = _JOIN.search(s.text)
    if first is None:
        return [s]
    joins = [m.start() for m in _JOIN.finditer(s.text)]
    ands: set[int] = set()
    if len(s.counts) > 2 and " and " in s.text[first.end() :]:
        ands = {m.start() for m in _AND.finditer(s.text, first.end())}
        joins = sorted({*joins, *ands})
    cuts: list[int] = []
    for at in joins:
        cut = s.start + at
        before = [c for c in s.counts if c.end <= cut]
        after = [c for c in s.counts if c.start >= cut]
        if not before or not after or len(before) + len(after) < len(s.counts):
            continue
        # (an "and" cut: only what the clause since the last cut holds; the first incident's
        # place is no rival of the third's)
        since = cuts[-1] if at in ands and cuts else s.start
        if not any(c.start >= since for c in before):
            continue
        # (a country names no incident's place: "KABUL, Afghanistan - ... killed two, while")
        places_before = {
            p.key for p in s.places if since <= p.start and p.end <= cut and ":" not in p.key
        }
        places_after = {p.key for p in s.places if p.start >= cut and ":" not in p.key}
        if places_before and places_after and places_before != places_after:
            cuts.append(cut)
    return _parts(s, cuts) if cuts else [s]


# A lead's trailing clause of other news ("... in Kabul on Saturday, officials said, as
# fighting was reported in Panjshir and arrests in Kunduz").
_AS_TAIL = re.compile(
    r"\b(?:said|says|added|reported|confirmed)\s*,\s+as\s+|,\s+as\s+(?=(?:heavy\s+|fresh\s+)?"
    r"(?:fighting|clashes|violence|protests)\b)",
    re.IGNORECASE,
)


def _drop_trailing_news(s: Sentence) -> Sentence:
    """`s` without a trailing ", as ..." clause of other news (`_AS_TAIL`) that gives no
    figure and names places other than the deed's: that news is no part of the lead's
    incident (its place would win), and the report tells it in its own paragraphs."""
    m = _AS_TAIL.search(s.text)
    if m is None:
        return s
    cut = s.start + m.start()
    before = {p.key for p in s.places if p.end <= cut and ":" not in p.key}
    after = {p.key for p in s.places if p.start >= cut and ":" not in p.key}
    if not before or not after - before or any(c.end > cut for c in s.counts):
        return s
    head = _parts(s, [cut])[0]
    head.joined = s.joined
    return head


def _split_preview(s: Sentence) -> list[Sentence]:
    """A preview sentence (`_PREVIEW`) cut where an incident's clause with its own subject
    begins (`_AND`, or ", while"), each side naming its own place and a deed, figures or not.
    Every part is a later incident of the report (`joined`), whose detail paragraphs that
    name no place go back to the first incident (`grouping`)."""
    if " and " not in s.text and "while" not in s.text:
        return [s]
    cuts: list[int] = []
    joins = sorted(
        {m.start() for m in _AND.finditer(s.text)}
        | {m.start() for m in _JOIN.finditer(s.text) if ";" not in m.group()}
    )
    for at in joins:
        cut = s.start + at
        since = cuts[-1] if cuts else s.start
        if any(c.start < cut < c.end for c in s.counts):
            continue
        before = {p.key for p in s.places if since <= p.start and p.end <= cut and ":" not in p.key}
        after = {p.key for p in s.places if p.start >= cut and ":" not in p.key}
        if not before or not after or before == after:
            continue
        if find_triggers(s.text[since - s.start : at], since) and find_triggers(s.text[at:], cut):
            cuts.append(cut)
    if not cuts:
        return [s]
    parts = _parts(s, cuts)
    for part in parts:
        part.joined = True
    return parts


def _parts(s: Sentence, cuts: list[int]) -> list[Sentence]:
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
