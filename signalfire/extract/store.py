"""`signalfire ingest text INPUT`: extract, deduplicate, match to dataset events, store.

Text events go into the `events` table with source = 'text' (so panels, forecasts and alerts
can use them), their articles into `text_event_sources` and their evidence spans into
`text_evidence`. Event ids are stable ("text:" + hash of the first reporting article's id and
the event's position in it), so ingesting the same articles again replaces their events
instead of adding copies. All or nothing: one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fetch import Transport
from ..store import Store
from .dedup import merge_events
from .inputs import read_documents
from .model import Document, ExtractedEvent

SOURCE = "text"


@dataclass
class TextIngestReport:
    input: str
    source_id: int | None = None
    documents: int = 0
    events_extracted: int = 0
    events_stored: int = 0
    merged_reports: int = 0
    matched: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


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


def match_dataset_event(store: Store, event: ExtractedEvent, days: int = 1) -> str | None:
    """The id of a non-text event in the store on the same days and in the same district (or
    province when either lacks one) with the closest death toll, if any."""
    if event.date is None or event.adm1 is None:
        return None
    params: list[Any] = [
        event.date + dt.timedelta(days=days),
        event.date - dt.timedelta(days=days),
        event.adm1,
    ]
    sql = (
        "SELECT event_id, deaths_best FROM events WHERE source <> ? AND date_start <= ? "
        "AND date_end >= ? AND adm1_id = ?"
    )
    params.insert(0, SOURCE)
    if event.adm2:
        sql += " AND (adm2_id = ? OR adm2_id IS NULL)"
        params.append(event.adm2)
    rows = store.con.execute(sql, params).fetchall()
    if not rows:
        return None
    deaths = event.deaths or 0
    best = min(rows, key=lambda r: abs((r[1] or 0) - deaths))
    return str(best[0])


def ingest_text(
    store: Store,
    source: str | Path,
    *,
    extractor: Any = None,
    transport: Transport | None = None,
    published: dt.date | None = None,
) -> TextIngestReport:
    from .pipeline import default_extractor

    extractor = extractor or default_extractor()
    report = TextIngestReport(str(source))
    documents: dict[str, Document] = {}
    extracted: list[tuple[str, ExtractedEvent]] = []
    for doc, events in extractor.extract_many(
        read_documents(source, transport=transport, published=published)
    ):
        documents[doc.doc_id] = doc
        report.documents += 1
        for n, event in enumerate(events):
            extracted.append((_event_id(event, n), event))
    report.events_extracted = len(extracted)
    # A merged event keeps the id of its base report (merge_events returns copies).
    ids = {(e.doc_id, e.text, e.event_type): eid for eid, e in extracted}
    merged = merge_events([e for _, e in extracted])
    kinds = {a.actor_id: a.kind for _, e in extracted for a in e.actors}
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    raw = json.dumps(sorted(documents), ensure_ascii=False).encode()
    with store.transaction() as con:
        inserted = con.execute(
            """INSERT INTO sources (path, sha256, size_bytes, format, source_version, rows_read,
                 rows_stored, rows_new, rows_updated, rows_quarantined, rows_unlocated,
                 started_at, finished_at)
               VALUES (?, ?, ?, 'text', ?, ?, ?, ?, 0, 0, ?, ?, ?) RETURNING source_id""",
            [
                str(source),
                hashlib.sha256(raw).hexdigest(),
                len(raw),
                extractor.actors.version,
                report.documents,
                len(merged),
                len(merged),
                sum(1 for e in merged if e.adm2 is None),
                now,
                now,
            ],
        ).fetchone()
        assert inserted is not None  # INSERT ... RETURNING always returns the row
        report.source_id = int(inserted[0])
        for event in merged:
            base_id = ids.get((event.doc_id, event.text, event.event_type))
            base_id = base_id or _event_id(event, 0)
            matched = match_dataset_event(store, event)
            report.matched += matched is not None
            report.merged_reports += len(event.sources) - 1
            report.by_type[event.event_type] = report.by_type.get(event.event_type, 0) + 1
            _store_event(con, base_id, event, report.source_id, kinds, now, matched, documents)
        report.events_stored = len(merged)
    return report


def _store_event(
    con: Any,
    event_id: str,
    e: ExtractedEvent,
    source_id: int,
    kinds: dict[str, str],
    now: dt.datetime,
    matched: str | None,
    documents: dict[str, Document],
) -> None:
    for table in ("events", "text_event_sources", "text_evidence"):
        con.execute(f"DELETE FROM {table} WHERE event_id = ?", [event_id])
    if e.date is None:
        return  # undatable: nothing the store can count (kept out rather than guessed)
    perp = next((a.actor_id for a in e.actors if a.role == "perpetrator"), None)
    target = next((a.actor_id for a in e.actors if a.role == "target"), None)
    civilians = any(a.actor_id == "civilians" and a.role == "target" for a in e.actors)
    method = "within" if e.adm2 else "province-only" if e.adm1 else "country-only"
    notes = json.dumps(
        {
            "confidence": e.confidence,
            "sources": e.sources,
            "actors": [[a.actor_id, a.role, a.claim] for a in e.actors],
            "matched_event_id": matched,
        }
    )
    row_hash = hashlib.sha1(notes.encode() + e.text.encode()).hexdigest()
    con.execute(
        """INSERT INTO events (event_id, source, source_event_id, source_id, source_row,
             date_start, date_end, date_precision, country_iso3, adm1_id, adm2_id,
             location_method, lat, lon, location_precision, location_name, violence_type,
             event_type, actor1, actor2, deaths_best, deaths_low, deaths_high, deaths_civilians,
             headline, notes, quality_flags, row_hash, ingested_at, updated_at)
           VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
             ['text-derived'], ?, ?, ?)""",
        [
            event_id, SOURCE, e.doc_id, source_id, e.date, e.date, e.date_precision,
            e.country, e.adm1, e.adm2, method, e.lat, e.lon, e.location_precision, e.place,
            violence_type(e, kinds), e.event_type, perp, target, e.deaths, e.deaths,
            e.deaths_high, e.deaths if civilians else None, e.text[:300], notes, row_hash,
            now, now,
        ],
    )  # fmt: skip
    for doc_id in e.sources:
        doc = documents.get(doc_id)
        con.execute(
            "INSERT INTO text_event_sources VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                event_id,
                doc_id,
                doc.url if doc else None,
                doc.title if doc else None,
                doc.published if doc else None,
                matched,
                source_id,
            ],
        )
    for ev in e.evidence:
        con.execute(
            "INSERT INTO text_evidence VALUES (?, ?, ?, ?, ?, ?)",
            [event_id, e.doc_id, ev.field, ev.start, ev.end, ev.text],
        )
