"""What extraction reads and writes: documents in, events with evidence out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ROLES = ("perpetrator", "target", "other")
# How an actor's role is known: stated by the group, attributed by others, denied, or inferred
# from the sentence.
CLAIMS = ("claimed", "suspected", "denied", "")

# The JSONL keys of `signalfire extract`, in order (the contract).
JSONL_KEYS = (
    "doc_id", "event_type", "actors", "country", "adm1", "adm2", "place", "lat", "lon", "date",
    "deaths", "injured", "confidence", "evidence",
)  # fmt: skip


@dataclass(frozen=True)
class Document:
    """One article: `published` anchors relative dates ("yesterday")."""

    doc_id: str
    text: str
    published: dt.date | None = None
    title: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        if not self.doc_id:
            raise ValueError("document without an id")


@dataclass(frozen=True)
class Evidence:
    field: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class ActorRole:
    actor_id: str
    name: str
    role: str
    kind: str = "other"
    claim: str = ""
    named: bool = True  # False: inferred from a generic word ("militants", "security forces")

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"actor role {self.role!r}: expected one of {ROLES}")
        if self.claim not in CLAIMS:
            raise ValueError(f"actor claim {self.claim!r}: expected one of {CLAIMS}")


@dataclass
class ExtractedEvent:
    """One event found in one document, each field with the spans it came from."""

    doc_id: str
    event_type: str
    actors: list[ActorRole] = field(default_factory=list)
    country: str | None = None
    adm1: str | None = None
    adm2: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    location_precision: int | None = None  # GED where_prec scale
    date: dt.date | None = None
    date_precision: int | None = None  # GED date_prec scale
    deaths: int | None = None
    deaths_high: int | None = None
    injured: int | None = None
    abducted: int | None = None
    arrested: int | None = None
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # doc_ids merged into this event
    text: str = ""  # the event's sentences, for near-duplicate detection

    def perpetrators(self) -> list[ActorRole]:
        return [a for a in self.actors if a.role == "perpetrator"]

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The JSONL record; `full` adds the fields beyond the issue's contract."""
        record: dict[str, Any] = {
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "actors": [{"id": a.actor_id, "name": a.name, "role": a.role} for a in self.actors],
            "country": self.country,
            "adm1": self.adm1,
            "adm2": self.adm2,
            "place": self.place,
            "lat": None if self.lat is None else round(self.lat, 5),
            "lon": None if self.lon is None else round(self.lon, 5),
            "date": self.date.isoformat() if self.date else None,
            "deaths": self.deaths,
            "injured": self.injured,
            "confidence": self.confidence,
            "evidence": [e.to_json() for e in self.evidence],
        }
        if full:
            record["actors"] = [
                {
                    "id": a.actor_id,
                    "name": a.name,
                    "role": a.role,
                    "kind": a.kind,
                    "claim": a.claim,
                    "named": a.named,
                }
                for a in self.actors
            ]
            record.update(
                deaths_high=self.deaths_high,
                abducted=self.abducted,
                arrested=self.arrested,
                date_precision=self.date_precision,
                location_precision=self.location_precision,
                sources=self.sources or [self.doc_id],
            )
        return record
