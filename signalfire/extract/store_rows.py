"""The rows `ingest text` writes: the column order of each table, one bulk insert, a report as
stored in `text_reports.report` and read back, and the `events` row of a (merged) text event.
Pure helpers, no store logic (that is in store.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, fields
from typing import Any

from ..errors import NotFoundError
from .model import ActorRole, ExtractedEvent

SOURCE = "text"


def _event_id(event: ExtractedEvent, index: int) -> str:
    digest = hashlib.sha1(f"{event.doc_id}\x1f{index}".encode()).hexdigest()[:16]
    return f"text:{digest}"


def violence_type(event: ExtractedEvent, kinds: dict[str, str]) -> str:
    """UCDP's typology from the roles: state vs non-state is state-based, non-state vs
    civilians one-sided, two non-state groups non-state."""
    perps = [kinds.get(a.actor_id, "other") for a in event.actors if a.role == "perpetrator"]
    targets = [kinds.get(a.actor_id, "other") for a in event.actors if a.role == "target"]
    sides = perps + targets
    if "state_force" in sides and any(k not in {"state_force", "civilians"} for k in sides):
        return "state-based"
    if "civilians" in targets and perps:
        return "one-sided"
    nonstate = [k for k in sides if k not in {"state_force", "civilians"}]
    if len(nonstate) >= 2:
        return "non-state"
    return "other"


_COLUMNS = {
    "events": (
        "event_id", "source", "source_event_id", "source_id", "source_row", "date_start",
        "date_end", "date_precision", "country_iso3", "adm1_id", "adm2_id", "location_method",
        "lat", "lon", "location_precision", "location_name", "violence_type", "event_type",
        "actor1", "actor2", "deaths_best", "deaths_low", "deaths_high", "deaths_civilians",
        "headline", "notes", "quality_flags", "row_hash", "ingested_at", "updated_at",
    ),
    "text_reports": (
        "report_id", "event_id", "doc_id", "source_id", "event_date", "adm1_id", "text", "report",
    ),
    "text_event_sources": (
        "event_id", "doc_id", "url", "title", "published", "matched_event_id", "source_id",
    ),
    "text_evidence": ("event_id", "doc_id", "field", "span_start", "span_end", "text"),
    "quarantine": ("source_id", "row_number", "raw_row", "reason"),
}  # fmt: skip


def _insert(con: Any, table: str, rows: list[list[Any]]) -> None:
    """Insert rows in one statement: each column goes in as a list, unnested side by side."""
    if not rows:
        return
    columns = _COLUMNS[table]
    values = [list(column) for column in zip(*rows, strict=True)]
    con.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT "
        + ", ".join("unnest(?)" for _ in columns),
        values,
    )


def _record(e: ExtractedEvent) -> str:
    """One report as stored in text_reports.report (its text and evidence are kept apart)."""
    record = {
        f.name: getattr(e, f.name)
        for f in fields(e)
        if f.name not in ("actors", "evidence", "sources", "text", "date")
    }
    record["date"] = e.date.isoformat() if e.date else None
    record["actors"] = [asdict(a) for a in e.actors]
    return json.dumps(record, ensure_ascii=False)


_FIELDS = {f.name for f in fields(ExtractedEvent)} - {"actors", "evidence", "date", "text"}


def _from_record(record: str, text: str, actors: Any) -> ExtractedEvent:
    values = json.loads(record)
    kept = {k: v for k, v in values.items() if k in _FIELDS and v is not None}
    kept["sources"] = list(values.get("sources") or [values["doc_id"]])
    day = values.get("date")
    return ExtractedEvent(
        **kept,
        date=dt.date.fromisoformat(day) if day else None,
        actors=[_actor(a, actors) for a in values.get("actors") or []],
        text=text,
    )


def _actor(value: Any, actors: Any) -> ActorRole:
    if isinstance(value, dict):
        return ActorRole(**value)
    # A text event stored before reports were kept: [actor_id, role, claim] from its notes.
    actor_id, role, claim = value
    try:
        known = actors.get(actor_id)
        return ActorRole(actor_id, known.name, role, known.kind, claim)
    except NotFoundError:
        return ActorRole(actor_id, actor_id, role, claim=claim)


def _location_method(e: ExtractedEvent) -> str:
    if e.adm2:
        return "within"
    if e.adm1:
        return "province-only"
    return "country-only" if e.country else "unlocated"


def _event_row(
    event_id: str,
    e: ExtractedEvent,
    source_id: int | None,
    kinds: dict[str, str],
    matched: str | None,
    ingested_at: dt.datetime,
    now: dt.datetime,
) -> list[Any]:
    """The events row of one (merged) text event, in _COLUMNS["events"] order."""
    perp = next((a.actor_id for a in e.actors if a.role == "perpetrator"), None)
    target = next((a.actor_id for a in e.actors if a.role == "target"), None)
    civilians = any(a.actor_id == "civilians" and a.role == "target" for a in e.actors)
    method = _location_method(e)
    flags = ["text-derived"] + (["no-place"] if method == "unlocated" else [])
    notes = json.dumps(
        {
            "confidence": e.confidence,
            "sources": e.sources,
            "actors": [[a.actor_id, a.role, a.claim] for a in e.actors],
            "matched_event_id": matched,
        }
    )
    row_hash = hashlib.sha1(notes.encode() + e.text.encode()).hexdigest()
    return [
        event_id, SOURCE, e.doc_id, source_id, 0, e.date, e.date, e.date_precision, e.country,
        e.adm1, e.adm2, method, e.lat, e.lon, e.location_precision, e.place,
        violence_type(e, kinds), e.event_type, perp, target, e.deaths, e.deaths, e.deaths_high,
        e.deaths if civilians else None, e.text[:300], notes, flags, row_hash, ingested_at, now,
    ]  # fmt: skip
