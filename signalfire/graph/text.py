"""Relations stated in text: dependency parses, the actor table's aliases, and rules.

Actor names are found by an EntityRuler built from `ActorTable.patterns()` (plus country names
acting as states) and merged into single tokens *before* parsing, so the parser sees "Tehrik-i-
Taliban Pakistan" as one proper noun. Rules then read relations off the parse: trigger verbs
and nouns ("allied with", "a splinter of", "talks between"), hyphenated modifiers
("TTP-allied"), agents of passives, relative and participial clauses, coordination, pronouns
and "the group" pointing back, negation and hedges. Only what the text states is reported:
speculation (could, might, whether, analysts argue) is left out; hedged statements are kept
with a lower confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .lexicon import CONFIDENCE, HEDGED_CONFIDENCE
from .model import Relation, Source, slug
from .parse import Mention, ParsedDoc, TextRelation, pipeline
from .rules import apply_rules

__all__ = [
    "CHUNK_CHARS",
    "CONFIDENCE",
    "HEDGED_CONFIDENCE",
    "Mention",
    "RelationExtractor",
    "TextRelation",
    "extract_relations",
    "pipeline",
    "store_items",
]


class RelationExtractor:
    """Extract relations from texts: `extract(text, doc_id)` -> list of TextRelation."""

    def __init__(self) -> None:
        self.nlp = pipeline()

    def extract(self, text: str, doc_id: str = "") -> list[TextRelation]:
        found: dict[tuple[Any, ...], TextRelation] = {}
        for offset, chunk in _chunks(text):
            parsed = ParsedDoc(self.nlp(chunk), doc_id)
            for token in parsed.doc:
                apply_rules(parsed, token)
            for key, relation in parsed.found.items():
                relation.evidence = [(s + offset, e + offset, t) for s, e, t in relation.evidence]
                if key in found:
                    known = found[key]
                    known.evidence += relation.evidence
                    known.confidence = max(known.confidence, relation.confidence)
                    known.start = known.start or relation.start
                    known.end = known.end or relation.end
                else:
                    found[key] = relation
        return list(found.values())


# Long documents are parsed a few paragraphs at a time (spaCy's memory grows with length);
# a back-reference does not cross a chunk boundary.
CHUNK_CHARS = 20_000


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end) + 1
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


def extract_relations(text: str, doc_id: str = "") -> list[TextRelation]:
    return RelationExtractor().extract(text, doc_id)


def store_items(found: Iterable[TextRelation]) -> list[tuple[Relation, Source]]:
    """Extracted relations as store claims, each text span a `text` source."""
    out: list[tuple[Relation, Source]] = []
    for r in found:
        if r.relation == "claims":
            kind, object_id = "event", f"event:{slug(r.doc_id)}:{slug(r.object.name)[:40]}"
        elif r.object.id.startswith("target:"):
            kind, object_id = "target", r.object.id
        else:
            kind, object_id = "actor", r.object.id
        relation = Relation(
            r.subject.id,
            r.subject.name,
            r.relation,
            object_id,
            r.object.name,
            object_kind=kind,
            third_id=r.third.id if r.third else None,
            third_name=r.third.name if r.third else None,
            start=r.start,
            end=r.end,
            negated=r.negated,
        )
        for start, end, text in r.evidence:
            source = Source(
                "text",
                r.doc_id or "text",
                r.confidence,
                span_start=start,
                span_end=end,
                evidence=text,
            )
            out.append((relation, source))
    return out
