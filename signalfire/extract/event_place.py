"""Where an event happened: the place its sentences name (else the lead's, else the document's
dominant province), the Line of Control for Indian fire with no place named, or the province of
the dateline; and, for fire across the Afghanistan-Pakistan border, the side it landed on."""

from __future__ import annotations

import re
from collections.abc import Callable

from .gazetteer import Gazetteer
from .geoparse import (
    PlaceMention,
    Resolved,
    dominant_province,
    drop_attributions,
    drop_origins,
    drop_references,
    most_specific,
)
from .inferred_places import kashmir_front
from .screening import INDIAN_SHELLING, talks_only
from .sentences import Sentence

# The side that is hit: "fired mortars into Afghan territory", "shells landed inside
# Pakistan", "one Afghan civilian was killed".
_HIT_SIDE = re.compile(
    r"\b(?:into|inside|in|on)\s+(?:the\s+)?(afghan|pakistani)\s+(?:territory|soil|side|"
    r"border\s+areas?|villages?)\b|\b(?:into|inside)\s+(afghanistan|pakistan)\b|"
    r"\b(afghan|pakistani)\s+(?:civilians?|villagers?|residents?|child(?:ren)?|women)\b",
    re.IGNORECASE,
)


def hit_side(group: list[Sentence]) -> str | None:
    """The country (ISO3) that fire across the border landed in, where the sentences say one."""
    sides = set()
    for s in group:
        for m in _HIT_SIDE.finditer(s.text):
            word = next(g for g in m.groups() if g).lower()
            sides.add("AFG" if word.startswith("afghan") else "PAK")
    return sides.pop() if len(sides) == 1 else None


def locate(
    group: list[Sentence],
    resolved: dict[PlaceMention, Resolved],
    all_sentences: list[Sentence],
    first: bool,
    text: str,
    focus: dict[str, float],
    gazetteer: Gazetteer,
    dateline_place: Callable[[str], Resolved | None],
) -> tuple[Resolved | None, list[Resolved], bool]:
    """The event's place, the mentions it was chosen from, and whether it was inferred (known
    to the province only, with no place named)."""
    mentions = [resolved[m] for s in group for m in s.places if m in resolved]
    if not mentions and first:
        lead = all_sentences[:2]
        mentions = [resolved[m] for s in lead for m in s.places if m in resolved]
    if not mentions:
        doc_mentions = [resolved[m] for s in all_sentences for m in s.places if m in resolved]
        mentions = dominant_province(doc_mentions)
    kept = drop_references(drop_attributions(drop_origins(mentions, text), text), text)
    loc = most_specific(kept)
    if (
        loc is not None
        and any(t.event_type == "cross_border_shelling" for s in group for t in s.triggers)
        and (side := hit_side(group)) not in (None, loc.place.iso3)
    ):
        # "clashed at the Chaman-Spin Boldak crossing after Pakistani troops fired mortars
        # into Afghan territory": the scene is the side that was hit
        loc = most_specific([r for r in kept if r.place.iso3 == side]) or loc
    inferred = False
    if loc is None and (
        "PAK" in focus
        # "Five killed by Indian shelling": India fires, so the scene is Pakistan's side
        or (set(focus) <= {"IND"} and any(INDIAN_SHELLING.search(s.text) for s in group))
    ):
        loc = kashmir_front(group, gazetteer)
        inferred = loc is not None
    if loc is None and not talks_only(group):
        # "KABUL (Reuters) - A suicide bomber killed six"; but talks or a truce reported from
        # a capital are not held there for that
        loc = dateline_place(text)
    return loc, mentions, inferred
