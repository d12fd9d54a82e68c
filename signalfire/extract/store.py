"""`signalfire ingest text INPUT`: extract, deduplicate, match to dataset events, store.

Text events go into the `events` table with source = 'text' (so panels, forecasts and alerts
can use them), their articles into `text_event_sources`, their evidence spans into
`text_evidence` and each article's own reading of each event (a report) into `text_reports`.

Reports of one event merge (dedup.py's rules) within a run and across runs: an event of this
run that is the same event as a report stored by an earlier run (in the date window, same
province or unknown) joins that stored event, which is then recomputed from all its reports
(every source and evidence span, the largest toll; its id and ingested_at kept). Event ids are
stable ("text:" + hash of the base report's article id and the event's position in it).
Reading an article again replaces its reports: each goes back into the event it was in if it
still tells of the same event; an event no article reports any more is removed. (A merged event
of a store written before reports were kept has one report for all its articles: it stays until
they are all read again, so that re-reading one of them loses nothing the others told.)

Nothing read is dropped: an event without a date (none in the text, no publication date) is
quarantined with the reason, one without any place is stored as location_method 'unlocated'
with the quality flag 'no-place'. Reading an article again replaces its quarantine rows too
(those of earlier text runs whose event it told, found by the doc ids in the row's JSON): what
is still undatable is quarantined again under the new source, what is now datable is stored.
A row merged from several articles goes only when all of them are read again (as above);
dataset quarantine rows are never touched. A record of the input that cannot be read (a bad
JSONL line, a bad file in a folder) does not stop the run either: it is quarantined with its
raw text and the error, and the readable documents are stored; reading the same input again
replaces those rows. Earlier runs' `sources` rows keep their counts (what those runs did).
All or nothing: one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fetch import Transport
from ..store import Store
from .dedup import base_report, combine, group_events, minhash, same_event
from .inputs import read_documents
from .model import Document, ExtractedEvent

# The row helpers live in store_rows; these names stay importable from here (tests patch
# `_insert` and `_from_record` on this module, which is where they are looked up).
from .store_rows import (
    SOURCE,
    _event_id,
    _event_row,
    _from_record,
    _insert,
    _location_method,
    _record,
)
from .store_rows import violence_type as violence_type


@dataclass
class TextIngestReport:
    """What one `ingest text` run did. Every extracted event ends up stored (alone or merged
    into another) or quarantined."""

    input: str
    source_id: int | None = None
    documents: int = 0
    documents_reread: int = 0  # articles already in the store: their reports were replaced
    documents_repeated: int = 0  # ids given again later in this input: the last copy is read
    events_extracted: int = 0
    events_stored: int = 0  # events written by this run: new + updated
    events_new: int = 0
    events_updated: int = 0
    events_removed: int = 0  # stored events that the re-read articles no longer report
    merged_reports: int = 0  # reports merged into another report of this run
    merged_with_stored: int = 0  # events of this run merged into events stored by earlier runs
    quarantined: int = 0
    # Quarantine rows of earlier runs from the articles read: dropped, as their reports are
    # replaced (what is still undatable is in `quarantined` again).
    quarantine_replaced: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    unread: int = 0  # records of the input that could not be read: quarantined (in `quarantined`)
    matched: int = 0
    locations: dict[str, int] = field(default_factory=dict)  # location_method of stored events
    by_type: dict[str, int] = field(default_factory=dict)


# How precisely a text event is placed: events.location_method -> what the CLI calls it.
LOCATION_METHODS = {
    "within": "district",
    "province-only": "province only",
    "country-only": "country only",
    "unlocated": "no place",
}
NO_DATE = "no date: the text gives none and the document has no publication date"
NO_DATE_RESOLVED = "no date: none could be resolved from the text or the publication date"
UNREAD = "unreadable input record"
WINDOW_DAYS = 2  # merge_events' default date window, used across runs too


def match_dataset_event(store: Store, event: ExtractedEvent, days: int = 1) -> str | None:
    """The id of a non-text event in the store on the same days and in the same district (or
    province when either lacks one) with the closest death toll (then the smallest id), if
    any."""
    return match_dataset_events(store.con, [("", event)], days)[""]


def match_dataset_events(
    con: Any, events: list[tuple[str, ExtractedEvent]], days: int = 1
) -> dict[str, str | None]:
    """`match_dataset_event` for many events ({key: matched id or None}) in one query: one
    query per event scanned `events` once each, most of a run's store phase on a store holding
    a dataset."""
    found: dict[str, str | None] = {key: None for key, _ in events}
    wanted = [(k, e) for k, e in events if e.date is not None and e.adm1 is not None]
    if not wanted:
        return found
    rows = con.execute(
        """WITH t AS (
             SELECT unnest(?::VARCHAR[]) AS k, unnest(?::DATE[]) AS day,
                    unnest(?::VARCHAR[]) AS adm1, unnest(?::VARCHAR[]) AS adm2,
                    unnest(?::BIGINT[]) AS deaths)
           SELECT t.k, e.event_id FROM t JOIN events e
             ON e.source <> ? AND e.adm1_id = t.adm1
            AND e.date_start <= t.day + ?::INTEGER AND e.date_end >= t.day - ?::INTEGER
            AND (t.adm2 IS NULL OR e.adm2_id = t.adm2 OR e.adm2_id IS NULL)
           QUALIFY row_number() OVER (
             PARTITION BY t.k ORDER BY abs(coalesce(e.deaths_best, 0) - t.deaths), e.event_id
           ) = 1""",
        [
            [k for k, _ in wanted],
            [e.date for _, e in wanted],
            [e.adm1 for _, e in wanted],
            [e.adm2 or None for _, e in wanted],
            [e.deaths or 0 for _, e in wanted],
            SOURCE,
            days,
            days,
        ],
    ).fetchall()
    found.update({str(k): str(event_id) for k, event_id in rows})
    return found


def ingest_text(
    store: Store,
    source: str | Path,
    *,
    extractor: Any = None,
    transport: Transport | None = None,
    published: dt.date | None = None,
) -> TextIngestReport:
    """Extract events from `source`, merge the reports of one event (within this run, and
    into text events stored by earlier runs), match them to dataset events and store them;
    undatable events and unreadable records go to the quarantine. All or nothing."""
    from .pipeline import default_extractor

    extractor = extractor or default_extractor()
    report = TextIngestReport(str(source))
    documents: dict[str, Document] = {}
    by_doc: dict[str, list[tuple[str, ExtractedEvent]]] = {}
    unread: list[tuple[InputError, str]] = []
    for doc, events in extractor.extract_many(
        read_documents(
            source,
            transport=transport,
            published=published,
            on_error=lambda e, raw: unread.append((e, raw)),
        )
    ):
        # An id given twice (a feed or folder holding an article twice): the later copy is the
        # article, as when it is read again in a later run. Both copies' reports would share
        # ids and make two events of one.
        if by_doc.pop(doc.doc_id, None) is not None:
            report.documents_repeated += 1
        documents[doc.doc_id] = doc
        by_doc[doc.doc_id] = [(_event_id(event, n), event) for n, event in enumerate(events)]
    report.documents = len(documents)
    reports = [r for doc_reports in by_doc.values() for r in doc_reports]
    report.events_extracted = len(reports)
    groups = group_events([e for _, e in reports], WINDOW_DAYS)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    raw = json.dumps(sorted(documents), ensure_ascii=False).encode()
    with store.transaction() as con:
        inserted = con.execute(
            """INSERT INTO sources (path, sha256, size_bytes, format, source_version, rows_read,
                 rows_stored, rows_new, rows_updated, rows_quarantined, rows_unlocated,
                 started_at, finished_at)
               VALUES (?, ?, ?, 'text', ?, ?, 0, 0, 0, 0, 0, ?, ?) RETURNING source_id""",
            [
                str(source),
                hashlib.sha256(raw).hexdigest(),
                len(raw),
                extractor.actors.version,
                report.documents,
                now,
                now,
            ],
        ).fetchone()
        assert inserted is not None  # INSERT ... RETURNING always returns the row
        report.source_id = int(inserted[0])
        run = _Run(store, con, report, documents, now, extractor.actors)
        previous = run.forget(sorted(documents))
        run.forget_quarantined(sorted(documents))
        for n, (error, raw_text) in enumerate(unread, start=len(reports) + 1):
            run.quarantine_unread(n, error, raw_text)
        stored = run.stored_reports([e.date for _, e in reports if e.date is not None])
        assigned: dict[str, list[tuple[str, ExtractedEvent]]] = {}
        fresh: list[list[tuple[str, ExtractedEvent]]] = []  # groups that make new events
        for group in groups:
            members = _ordered([reports[i] for i in group])
            merged = combine([e for _, e in members])
            report.merged_reports += len(members) - 1
            if merged.date is None:
                run.quarantine(min(group) + 1, merged)
                continue
            target = run.inherited(members, previous)
            if target is None:
                target = run.best_stored(members, stored)
                report.merged_with_stored += target is not None
            if target is None:
                fresh.append(members)
            else:
                assigned.setdefault(target, []).extend(members)
        taken = run.existing_ids() | set(assigned)
        for members in fresh:
            event_id = run.new_id(members, taken)
            taken.add(event_id)
            assigned.setdefault(event_id, []).extend(members)
        run.write_events(assigned)
        report.events_stored = report.events_new + report.events_updated
        con.execute(
            """UPDATE sources SET rows_stored = ?, rows_new = ?, rows_updated = ?,
                 rows_quarantined = ?, rows_unlocated = ?, finished_at = ? WHERE source_id = ?""",
            [
                report.events_stored,
                report.events_new,
                report.events_updated,
                report.quarantined,
                report.events_stored - report.locations.get("within", 0),
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
                report.source_id,
            ],
        )
    return report


def _ordered(reports: list[tuple[str, ExtractedEvent]]) -> list[tuple[str, ExtractedEvent]]:
    """Reports in a fixed order (date, then id), so that an event merged from the same reports
    is the same whichever run read which of them."""
    return sorted(reports, key=lambda r: (r[1].date or dt.date.min, r[0]))


class _Run:
    """The writes of one `ingest text` run, inside its transaction."""

    def __init__(
        self,
        store: Store,
        con: Any,
        report: TextIngestReport,
        documents: dict[str, Document],
        now: dt.datetime,
        actors: Any,
    ) -> None:
        self.store, self.con, self.report = store, con, report
        self.documents, self.now, self.actors = documents, now, actors
        self.source_id = report.source_id
        self.touched: set[str] = set()  # stored events whose reports or sources change
        self._signatures: dict[tuple[str, str], Any] = {}  # of stored reports, when needed
        self.quarantined: list[list[Any]] = []  # rows for `quarantine`, written in one statement

    def forget(self, doc_ids: list[str]) -> dict[str, list[tuple[str, str, ExtractedEvent]]]:
        """Drop what earlier runs stored from these articles (their reports, sources and
        evidence); returns the reports dropped as {doc_id: [(report_id, event_id, report)]},
        so that a report read again goes back into its event (see `inherited`)."""
        con = self.con
        where = "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))"
        previous: dict[str, list[tuple[str, str, ExtractedEvent]]] = {}
        reading = set(doc_ids)
        standing: list[int] = []  # rowids of reports that stand for articles not read now
        for rowid, report_id, event_id, text, record in con.execute(
            f"SELECT rowid, report_id, event_id, text, report FROM text_reports {where}",
            [doc_ids],
        ).fetchall():
            old = _from_record(record, text, self.actors)
            if not set(old.sources) <= reading:
                # A merged event of a store written before reports were kept is one report
                # (its base article's) standing for all its articles: dropping it would lose
                # what the others told. It stays until they are all read again.
                standing.append(int(rowid))
                continue
            previous.setdefault(old.doc_id, []).append((str(report_id), str(event_id), old))
        reread = con.execute(
            f"""SELECT count(DISTINCT doc_id) FROM (
                  SELECT doc_id FROM text_reports {where}
                  UNION ALL SELECT doc_id FROM text_event_sources {where})""",
            [doc_ids, doc_ids],
        ).fetchone()
        self.report.documents_reread = int(reread[0]) if reread else 0
        self.touched = {e for reports in previous.values() for _, e, _ in reports} | {
            str(r[0])
            for r in con.execute(
                f"SELECT DISTINCT event_id FROM text_event_sources {where}", [doc_ids]
            ).fetchall()
        }
        con.execute(
            f"DELETE FROM text_reports {where} AND rowid NOT IN (SELECT unnest(?::BIGINT[]))",
            [doc_ids, standing],
        )
        for table in ("text_event_sources", "text_evidence"):
            con.execute(f"DELETE FROM {table} {where}", [doc_ids])
        return previous

    def forget_quarantined(self, doc_ids: list[str]) -> None:
        """Drop what earlier text runs quarantined from these articles, as `forget` drops
        their reports: this run quarantines again whatever is still undatable, so an article
        read daily has its undatable events in the quarantine once (from the latest read) and
        one now datable (e.g. given --published) leaves it. A row goes when every article of
        its event (`sources` in its JSON; `doc_id` alone in rows without them) is read now;
        one that also stands for an article not read now stays, so that what that article
        told is not lost. Unreadable records of this run's input (`input` in the row's JSON) go
        too: this run quarantines again whatever is still unreadable. Rows of dataset files are
        never touched."""
        rows = self.con.execute(
            """SELECT q.source_id, q.row_number, q.raw_row FROM quarantine AS q
               JOIN sources AS s ON s.source_id = q.source_id
               WHERE s.format = ? AND q.source_id <> ?
                 AND (TRY(json_extract_string(q.raw_row, '$.doc_id'))
                        IN (SELECT unnest(?::VARCHAR[]))
                      OR TRY(json_extract_string(q.raw_row, '$.input')) = ?)""",
            [SOURCE, self.source_id, doc_ids, self.report.input],
        ).fetchall()
        reading = set(doc_ids)
        dropped = []
        for source_id, row_number, raw in rows:
            told = json.loads(raw)
            if "input" in told or set(told.get("sources") or [told["doc_id"]]) <= reading:
                dropped.append((source_id, row_number))
        if dropped:
            source_ids, row_numbers = zip(*dropped, strict=True)
            self.con.execute(
                """DELETE FROM quarantine AS q USING (
                     SELECT unnest(?::INTEGER[]) AS source_id,
                            unnest(?::BIGINT[]) AS row_number) AS d
                   WHERE q.source_id = d.source_id AND q.row_number = d.row_number""",
                [list(source_ids), list(row_numbers)],
            )
        self.report.quarantine_replaced = len(dropped)

    def existing_ids(self) -> set[str]:
        """Ids of the text events in the store."""
        rows = self.con.execute("SELECT event_id FROM events WHERE source = ?", [SOURCE])
        return {str(r[0]) for r in rows.fetchall()}

    def stored_reports(
        self, dates: list[dt.date]
    ) -> dict[dt.date, list[tuple[str, str, ExtractedEvent]]]:
        """Reports stored by earlier runs within the window of this run's dates, by date."""
        if not dates:
            return {}
        # The days themselves, not the span from the first to the last: one release about an
        # event years back would read (and parse) every report stored in between.
        days = sorted(
            {d + dt.timedelta(days=k) for d in dates for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1)}
        )
        rows = self.con.execute(
            """SELECT report_id, event_id, text, report FROM text_reports
               WHERE source_id <> ? AND event_date IN (SELECT unnest(?::DATE[]))""",
            [self.source_id, days],
        ).fetchall()
        wanted = set(dates)
        by_date: dict[dt.date, list[tuple[str, str, ExtractedEvent]]] = {}
        for report_id, event_id, text, record in rows:
            event = _from_record(record, text, self.actors)
            if event.date is None or not any(
                event.date + dt.timedelta(days=k) in wanted
                for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1)
            ):
                continue
            by_date.setdefault(event.date, []).append((str(report_id), str(event_id), event))
        return by_date

    @staticmethod
    def inherited(
        members: list[tuple[str, ExtractedEvent]],
        previous: dict[str, list[tuple[str, str, ExtractedEvent]]],
    ) -> str | None:
        """The event that these reports were stored in when their articles were read before,
        if they still tell of the same event (an article corrected since may not): each report
        votes for the event of its article's earlier report that is the same event (the one at
        its own position first, then the most similar text); most votes, then smallest id.
        The report at the same position need only agree on date, place and type: an article
        updated with a new toll or rewritten still tells of its event."""
        votes: Counter[str] = Counter()
        signatures: dict[str, Any] = {}
        for report_id, event in members:
            signature = minhash(event.text)
            # (not at its position, least similar, event id): the smallest wins, so that a tie
            # goes to the smallest id whatever order the database returned the rows in.
            best: tuple[bool, float, str] | None = None
            for old_id, event_id, old in previous.get(event.doc_id, []):
                if old_id not in signatures:
                    signatures[old_id] = minhash(old.text)
                similarity = float(signature.jaccard(signatures[old_id]))
                if old_id == report_id:
                    same = same_event(replace(old, deaths=None), event, 1.0, WINDOW_DAYS)
                else:
                    same = same_event(old, event, similarity, WINDOW_DAYS)
                if same:
                    key = (old_id != report_id, -similarity, event_id)
                    best = key if best is None or key < best else best
            if best is not None:
                votes[best[2]] += 1
        return min(votes, key=lambda k: (-votes[k], k)) if votes else None

    def new_id(self, members: list[tuple[str, ExtractedEvent]], taken: set[str]) -> str:
        """The id of a new event: its base report's (stable across re-reads), or, when an
        event of that id still exists, one made from the report's text too."""
        report_id, base = members[base_report([e for _, e in members])]
        if report_id not in taken:
            return report_id
        digest = hashlib.sha1(f"{report_id}\x1f{base.text}".encode()).hexdigest()[:16]
        return f"text:{digest}"

    def best_stored(
        self,
        members: list[tuple[str, ExtractedEvent]],
        stored: dict[dt.date, list[tuple[str, str, ExtractedEvent]]],
    ) -> str | None:
        """The stored event that one of `members` is the same event as (merge_events' rules
        against each stored report in the date window): the most similar text, then the
        nearest date, then the smallest id; None if there is none."""
        best: tuple[float, int, str] | None = None
        for _, event in members:
            if event.date is None:
                continue
            signature = minhash(event.text or "")
            for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
                for report_id, event_id, old in stored.get(event.date + dt.timedelta(offset), []):
                    # By text too: an older store's report may share its id with a newer one.
                    key = (report_id, old.text)
                    if key not in self._signatures:
                        self._signatures[key] = minhash(old.text or "")
                    similarity = float(signature.jaccard(self._signatures[key]))
                    if not same_event(old, event, similarity, WINDOW_DAYS):
                        continue
                    rank = (-similarity, abs(offset), event_id)
                    best = rank if best is None or rank < best else best
        return best[2] if best else None

    def quarantine(self, row_number: int, event: ExtractedEvent) -> None:
        doc = self.documents.get(event.doc_id)
        reason = NO_DATE if doc is None or doc.published is None else NO_DATE_RESOLVED
        raw = json.dumps(event.to_json(full=True), ensure_ascii=False)
        self.quarantined.append([self.source_id, row_number, raw, reason])
        self.report.quarantined += 1
        reasons = self.report.quarantine_reasons
        reasons[reason] = reasons.get(reason, 0) + 1

    def quarantine_unread(self, row_number: int, error: InputError, raw_text: str) -> None:
        """A record of the input that could not be read, with the error that says why."""
        row = getattr(error, "row", None)
        raw = json.dumps(
            {"input": self.report.input, "file": str(error.path), "row": row, "raw": raw_text},
            ensure_ascii=False,
        )
        self.quarantined.append([self.source_id, row_number, raw, f"{UNREAD}: {error}"])
        self.report.quarantined += 1
        self.report.unread += 1
        reasons = self.report.quarantine_reasons
        reasons[UNREAD] = reasons.get(UNREAD, 0) + 1

    def write_events(self, assigned: dict[str, list[tuple[str, ExtractedEvent]]]) -> None:
        """(Re)write every event this run touches from its stored reports and the new ones
        assigned to it; an event left without reports is removed. A few bulk statements: one
        statement per event (each scanning `events`) took most of a run's time."""
        con = self.con
        _insert(con, "quarantine", self.quarantined)
        ids = sorted(self.touched | set(assigned))
        if not ids:
            return
        where = "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"
        existing = {
            str(r[0]): r[1]
            for r in con.execute(
                f"SELECT event_id, ingested_at FROM events {where} AND source = ?", [ids, SOURCE]
            ).fetchall()
        }
        kept: dict[str, list[tuple[str, ExtractedEvent]]] = {}
        for event_id, report_id, text, record in con.execute(
            f"SELECT event_id, report_id, text, report FROM text_reports {where}", [ids]
        ).fetchall():
            event = _from_record(record, text, self.actors)
            kept.setdefault(str(event_id), []).append((str(report_id), event))
        listed = {
            (str(r[0]), str(r[1]))
            for r in con.execute(
                f"SELECT event_id, doc_id FROM text_event_sources {where}", [ids]
            ).fetchall()
        }
        tables = ("events", "text_reports", "text_event_sources", "text_evidence")
        rows: dict[str, list[list[Any]]] = {table: [] for table in tables}
        removed: list[str] = []
        combined: dict[str, tuple[list[tuple[str, ExtractedEvent]], ExtractedEvent]] = {}
        for event_id in ids:
            reports = _ordered(kept.get(event_id, []) + assigned.get(event_id, []))
            if reports:
                combined[event_id] = (reports, combine([e for _, e in reports]))
            elif event_id in existing:
                removed.append(event_id)
        found = match_dataset_events(con, [(k, event) for k, (_, event) in combined.items()])
        matches = list(found.items())
        for event_id, (reports, event) in combined.items():
            new = assigned.get(event_id, [])
            matched = found[event_id]
            kinds = {a.actor_id: a.kind for _, e in reports for a in e.actors if a.kind != "other"}
            ingested = existing.get(event_id, self.now)
            rows["events"].append(
                _event_row(event_id, event, self.source_id, kinds, matched, ingested, self.now)
            )
            # Every article of the event is listed: its new reports' articles, and those of an
            # older store's report that stands for articles re-read without it (see `forget`).
            for doc_id in event.sources:
                if (event_id, doc_id) not in listed:
                    listed.add((event_id, doc_id))
                    doc = self.documents.get(doc_id)
                    rows["text_event_sources"].append(
                        [event_id, doc_id, doc.url if doc else None,
                         doc.title if doc else None, doc.published if doc else None, matched,
                         self.source_id]
                    )  # fmt: skip
            for report_id, e in new:
                rows["text_reports"].append(
                    [report_id, event_id, e.doc_id, self.source_id, e.date, e.adm1, e.text,
                     _record(e)]
                )  # fmt: skip
                for ev in e.evidence:
                    rows["text_evidence"].append(
                        [event_id, e.doc_id, ev.field, ev.start, ev.end, ev.text]
                    )
            self._count(event, matched, new=event_id not in existing)
        con.execute(f"DELETE FROM events {where} AND source = ?", [ids, SOURCE])
        for table in ("text_event_sources", "text_evidence"):
            con.execute(f"DELETE FROM {table} {where}", [removed])
        self.report.events_removed += len(removed)
        for table, table_rows in rows.items():
            _insert(con, table, table_rows)
        if matches:
            event_ids, matched_ids = zip(*matches, strict=True)
            con.execute(
                """UPDATE text_event_sources AS s SET matched_event_id = m.matched
                   FROM (SELECT unnest(?::VARCHAR[]) AS event_id,
                                unnest(?::VARCHAR[]) AS matched) AS m
                   WHERE s.event_id = m.event_id""",
                [list(event_ids), list(matched_ids)],
            )

    def _count(self, event: ExtractedEvent, matched: str | None, *, new: bool) -> None:
        report = self.report
        if new:
            report.events_new += 1
        else:
            report.events_updated += 1
        report.matched += matched is not None
        report.by_type[event.event_type] = report.by_type.get(event.event_type, 0) + 1
        method = _location_method(event)
        report.locations[method] = report.locations.get(method, 0) + 1
