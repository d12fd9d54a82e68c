"""Streaming a source file into the store: one transaction per file, idempotent, nothing lost.

Every record of the file ends either in its target table or in `quarantine` with a reason, so
rows_read == rows_stored + rows_quarantined. A file already ingested (same sha256, same format)
adds nothing; a newer version of a dataset updates the rows whose content changed, by id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import settings
from .domain import IngestReport
from .regions import RegionIndex
from .schema import EVENT_SOURCE_COLUMNS
from .sources import get_adapter
from .sources.base import BadRow, NormalizedChunk, ProgressFn, RawChunk, raw_json
from .sources.readers import read_chunks, sniff_kind
from .store import Store

_STAGING = "_ingest_staging"
# Keys staged so far, narrow so that each batch's duplicate check stays cheap.
_KEYS = "_ingest_keys"

# Kept-but-odd rows: each flag is a boolean column of the batch, listed in `quality_flags`.
QUALITY_FLAGS = ("best_outside_low_high", "spans_months", "snapped_to_nearest")
_QUALITY_FLAGS_SQL = (
    "list_filter(["
    + ", ".join(f"CASE WHEN flag_{f} THEN '{f}' END" for f in QUALITY_FLAGS)
    + "], x -> x IS NOT NULL)"
)


def quality_flags(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    best, low, high = (
        frame[c].astype("float64") for c in ("deaths_best", "deaths_low", "deaths_high")
    )
    start = pd.to_datetime(frame["date_start"])
    end = pd.to_datetime(frame["date_end"])
    return {
        "best_outside_low_high": (
            low.notna() & high.notna() & ((best < low) | (best > high))
        ).to_numpy(),
        "spans_months": (
            (start.dt.year != end.dt.year) | (start.dt.month != end.dt.month)
        ).to_numpy(),
        "snapped_to_nearest": (frame["location_method"] == "nearest").to_numpy(),
    }


_HASHED = [c for c in EVENT_SOURCE_COLUMNS if c not in ("source_row",)]
# What a batch supplies to `events`; the ingest adds source_id and the times.
_BATCH_COLUMNS = (
    *EVENT_SOURCE_COLUMNS,
    "adm1_id",
    "adm2_id",
    "location_method",
    "snap_km",
    "quality_flags",
    "row_hash",
)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _reason_kind(reason: str) -> str:
    """A reason with its values blanked, to count reasons by kind in the summary."""
    first = reason.split("; ")[0]
    first = re.sub(r"'[^']*'|\"[^\"]*\"|\(.*?\)", "…", first)
    return re.sub(r"-?\d+(\.\d+)?", "N", first)


def _row_hash(frame: pd.DataFrame) -> np.ndarray:
    hashed = pd.util.hash_pandas_object(frame[_HASHED], index=False).to_numpy()
    return np.char.mod("%016x", hashed)


class _Run:
    """State of one file's ingest, inside its transaction."""

    def __init__(self, store: Store, report: IngestReport, table: str) -> None:
        self.store = store
        self.con = store.con
        self.report = report
        self.table = table
        self.quarantine: list[BadRow] = []
        self.quarantine_count = 0
        self.seen_keys: set[int] = set()

    def add_bad(self, bad: list[BadRow]) -> None:
        self.quarantine.extend(bad)
        self.quarantine_count += len(bad)
        for row in bad:
            self.report.quarantine_reasons[_reason_kind(row.reason)] = (
                self.report.quarantine_reasons.get(_reason_kind(row.reason), 0) + 1
            )
        if len(self.quarantine) >= 10_000:
            self.flush_quarantine()

    def flush_quarantine(self) -> None:
        if not self.quarantine:
            return
        frame = pd.DataFrame(
            {
                "source_id": self.report.source_id,
                "row_number": [b.row_number for b in self.quarantine],
                "raw_row": [b.raw_row for b in self.quarantine],
                "reason": [b.reason for b in self.quarantine],
            }
        )
        self.con.register("bad_rows", frame)
        self.con.execute("INSERT INTO quarantine SELECT * FROM bad_rows")
        self.con.unregister("bad_rows")
        self.quarantine = []

    def drop_duplicates(
        self, chunk: NormalizedChunk, key: list[str], raw: RawChunk
    ) -> pd.DataFrame:
        """Quarantine rows whose key was seen earlier in this file; the first one wins."""
        frame = chunk.frame
        if frame.empty:
            return frame
        within = frame.duplicated(subset=key, keep="first").to_numpy()
        hashes = pd.util.hash_pandas_object(frame[key], index=False).to_numpy()
        seen = self.seen_keys
        # A 64-bit hash of the key: a hit is confirmed against the staged keys below.
        maybe = np.fromiter((h in seen for h in hashes.tolist()), dtype=bool, count=len(hashes))
        earlier: dict[tuple[str, ...], int] = {}
        if maybe.any():
            suspects = frame.loc[maybe, [*key]]
            self.con.register("chunk_keys", pa.Table.from_pandas(suspects, preserve_index=False))
            hits = self.con.execute(
                f"SELECT {', '.join('c.' + k for k in key)}, min(s.source_row) "
                f"FROM chunk_keys c JOIN {_KEYS} s USING ({', '.join(key)}) "
                f"GROUP BY {', '.join('c.' + k for k in key)}"
            ).fetchall()
            self.con.unregister("chunk_keys")
            earlier = {tuple(str(v) for v in h[:-1]): int(h[-1]) for h in hits}
        keys = list(zip(*(frame[k].astype(str) for k in key), strict=True))
        seen_before = (
            np.array([k in earlier for k in keys]) if earlier else np.zeros(len(frame), dtype=bool)
        )
        dup = within | seen_before
        seen.update(hashes[~dup].tolist())
        if not dup.any():
            return frame
        first_row = frame.groupby(key, sort=False)["source_row"].transform("min")
        bad = []
        for pos in np.flatnonzero(dup):
            label = "/".join(keys[pos])
            first = earlier.get(keys[pos], int(first_row.iloc[pos]))
            bad.append(
                BadRow(
                    int(frame["source_row"].iloc[pos]),
                    original_row(raw, int(frame["source_row"].iloc[pos])),
                    f"duplicate id {label} (first at row {first})",
                )
            )
        self.add_bad(bad)
        return frame.loc[~dup]


def _create_staging(run: _Run) -> None:
    """Temporary tables of this file's ingest; created in its transaction, gone with it."""
    if run.table == "events":
        run.con.execute(f"CREATE TEMP TABLE {_KEYS} (event_id VARCHAR, source_row BIGINT)")
        return
    run.con.execute(
        f"CREATE TEMP TABLE {_STAGING} AS SELECT * EXCLUDE (source_id), "
        "0::BIGINT AS source_row FROM country_months LIMIT 0"
    )
    run.con.execute(f"CREATE TEMP TABLE {_KEYS} (iso3 VARCHAR, month VARCHAR, source_row BIGINT)")


def original_row(raw: RawChunk, row_number: int) -> str:
    """The row as the file gave it, as JSON, for the quarantine."""
    position = int(np.searchsorted(raw.rows, row_number))
    return raw_json(list(raw.frame.columns), raw.frame.iloc[position].tolist())


def _write_events(
    run: _Run,
    frame: pd.DataFrame,
    raw: RawChunk,
    index: RegionIndex,
    snap_km: float,
    now: dt.datetime,
) -> None:
    """Locate one batch and write it straight into `events`: new rows appended, changed rows
    updated, unchanged rows counted. Memory stays one batch whatever the file's size."""
    located = index.assign(frame, snap_km)
    outside = located["outside"].to_numpy()
    if outside.any():
        bad = []
        for pos in np.flatnonzero(outside):
            row = frame.iloc[pos]
            bad.append(
                BadRow(
                    int(row["source_row"]),
                    original_row(raw, int(row["source_row"])),
                    f"coordinates ({row['lat']}, {row['lon']}) are outside {row['country_iso3']} "
                    f"(more than {snap_km:g} km from its boundaries)",
                )
            )
        run.add_bad(bad)
        frame, located = frame.loc[~outside], located.loc[~outside]
    if frame.empty:
        return
    batch = frame.reset_index(drop=True)
    for column in ("adm1_id", "adm2_id", "location_method", "snap_km"):
        batch[column] = located[column].to_numpy()
    batch["row_hash"] = _row_hash(batch)
    flags = quality_flags(batch)
    for name, values in flags.items():
        batch[f"flag_{name}"] = values
        run.report.flags[name] = run.report.flags.get(name, 0) + int(values.sum())
    for method, count in batch["location_method"].value_counts().items():
        methods = run.report.location_methods
        methods[str(method)] = methods.get(str(method), 0) + int(count)
    con, report = run.con, run.report
    con.register("batch_rows", pa.Table.from_pandas(batch, preserve_index=False))
    con.execute(f"INSERT INTO {_KEYS} SELECT event_id, source_row FROM batch_rows")
    # Rows of earlier files only: source ids grow, so this file's own rows (appended at the
    # end of the table) are skipped by DuckDB's min/max row-group statistics.
    existing = con.execute(
        """SELECT b.event_id, e.row_hash = b.row_hash AS same FROM batch_rows b
           JOIN events e ON e.event_id = b.event_id AND e.source_id < ?""",
        [report.source_id],
    ).df()
    changed = existing.loc[~existing["same"], ["event_id"]]
    report.rows_unchanged += len(existing) - len(changed)
    report.rows_updated += len(changed)
    report.rows_new += len(batch) - len(existing)
    select_list = ", ".join(
        _QUALITY_FLAGS_SQL + " AS quality_flags" if c == "quality_flags" else c
        for c in _BATCH_COLUMNS
    )
    con.register("existing_ids", existing[["event_id"]])
    if len(existing) < len(batch):
        con.execute(
            f"""INSERT INTO events BY NAME SELECT {select_list}, ?::INTEGER AS source_id,
                  ?::TIMESTAMP AS ingested_at, ?::TIMESTAMP AS updated_at
                FROM batch_rows ANTI JOIN existing_ids USING (event_id)""",
            [report.source_id, now, now],
        )
    con.unregister("existing_ids")
    if len(changed):
        con.register("changed_ids", changed)
        assignments = ", ".join(
            f"{c} = {_QUALITY_FLAGS_SQL.replace('flag_', 'b.flag_')}"
            if c == "quality_flags"
            else f"{c} = b.{c}"
            for c in _BATCH_COLUMNS
            if c != "event_id"
        )
        con.execute(
            f"""UPDATE events SET {assignments}, source_id = ?, updated_at = ?
                FROM (SELECT * FROM batch_rows SEMI JOIN changed_ids USING (event_id)) b
                WHERE events.event_id = b.event_id""",
            [report.source_id, now],
        )
        con.unregister("changed_ids")
    con.unregister("batch_rows")


def _stage_series(run: _Run, frame: pd.DataFrame) -> None:
    run.con.register("chunk_rows", frame)
    run.con.execute(
        f"INSERT INTO {_STAGING} SELECT iso3, month, fatalities, population, source_row "
        "FROM chunk_rows"
    )
    run.con.execute(f"INSERT INTO {_KEYS} SELECT iso3, month, source_row FROM chunk_rows")
    run.con.unregister("chunk_rows")


def _merge_series(run: _Run) -> None:
    con, report = run.con, run.report
    counts = con.execute(
        f"""SELECT count(*) FILTER (WHERE c.iso3 IS NULL),
                   count(*) FILTER (WHERE c.iso3 IS NOT NULL AND (c.fatalities IS DISTINCT FROM
                       s.fatalities OR c.population IS DISTINCT FROM s.population)),
                   count(*) FILTER (WHERE c.iso3 IS NOT NULL AND c.fatalities IS NOT DISTINCT FROM
                       s.fatalities AND c.population IS NOT DISTINCT FROM s.population)
            FROM {_STAGING} s LEFT JOIN country_months c USING (iso3, month)"""
    ).fetchone()
    assert counts is not None
    report.rows_new, report.rows_updated, report.rows_unchanged = (int(c) for c in counts)
    con.execute(
        f"""INSERT OR REPLACE INTO country_months
            SELECT iso3, month, fatalities, population, ?::INTEGER FROM {_STAGING}""",
        [report.source_id],
    )


def ingest(
    store: Store,
    kind: str,
    path: str | Path,
    *,
    encoding: str = "utf-8",
    force: bool = False,
    snap_km: float | None = None,
    batch_bytes: int | None = None,
    progress: ProgressFn | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read one file of format `kind` into the store, all or nothing.

    `on_chunk(rows_so_far)` is called after each batch is staged (for progress displays).
    """
    adapter = get_adapter(kind)
    path = Path(path)
    started = dt.datetime.now()
    sniff_kind(path, encoding)  # fail fast on a missing, empty or binary file, before hashing it
    report = IngestReport(path=str(path), format=adapter.name, sha256=sha256_file(path))
    existing = store.con.execute(
        "SELECT source_id FROM sources WHERE sha256 = ? AND format = ? ORDER BY source_id LIMIT 1",
        [report.sha256, adapter.name],
    ).fetchone()
    if existing and not force:
        report.source_id = int(existing[0])
        report.already_ingested = True
        return report
    snap = float(settings.get("snap_km", snap_km))
    index = store.region_index() if adapter.table == "events" else None
    key = ["event_id"] if adapter.table == "events" else ["iso3", "month"]
    with store.transaction() as con:
        report.source_id = int(con.execute("SELECT nextval('source_id_seq')").fetchone()[0])  # type: ignore[index]
        run = _Run(store, report, adapter.table)
        # Created inside the transaction: a failure rolls it back with everything else.
        _create_staging(run)
        for raw in read_chunks(
            path,
            adapter,
            encoding=encoding,
            batch_bytes=int(settings.get("batch_bytes", batch_bytes)),
            progress=progress,
        ):
            report.rows_read += len(raw.rows) + len(raw.bad)
            normalized = adapter.normalize(raw)
            run.add_bad(normalized.bad)
            frame = run.drop_duplicates(normalized, key, raw)
            if not frame.empty:
                if index is not None:
                    _write_events(run, frame, raw, index, snap, started)
                else:
                    _stage_series(run, frame)
            if on_chunk is not None:
                on_chunk(report.rows_read)
        run.flush_quarantine()
        report.flags = {name: n for name, n in report.flags.items() if n}
        if index is None:
            _merge_series(run)
            con.execute(f"DROP TABLE {_STAGING}")
        con.execute(f"DROP TABLE {_KEYS}")
        report.rows_quarantined = run.quarantine_count
        # The invariant the whole design rests on: if it breaks, roll back rather than store.
        if report.rows_stored + report.rows_quarantined != report.rows_read:
            raise AssertionError(
                f"{path}: read {report.rows_read} rows but stored {report.rows_stored} and "
                f"quarantined {report.rows_quarantined}"
            )
        con.execute(
            """INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                report.source_id,
                str(path.resolve()),
                report.sha256,
                path.stat().st_size,
                adapter.name,
                adapter.source_version(path),
                report.rows_read,
                report.rows_stored,
                report.rows_new,
                report.rows_updated,
                report.rows_quarantined,
                report.rows_unlocated,
                started,
                dt.datetime.now(),
            ],
        )
    return report


def reason_summary(report: IngestReport) -> list[tuple[str, int]]:
    return Counter(report.quarantine_reasons).most_common()


# Shared reference boundaries, in load order (provinces before the districts that need them).
DEFAULT_BOUNDARIES: tuple[tuple[str, str], ...] = (
    ("geo/ne10m_admin0_afg_pak.geojson", "adm0"),
    ("geo/pak_adm1_derived.geojson", "adm1"),
    ("geo/pak_adm2.geojson", "adm2"),
    ("geo/afg_adm1.geojson", "adm1"),
    ("geo/afg_adm2.geojson", "adm2"),
)


def load_regions(
    store: Store, path: str | Path, level: str, iso3: str | None = None
) -> tuple[int, dict[str, int]]:
    """Load one GeoJSON of boundaries; returns (regions loaded, events re-located by method)."""
    from .regions import read_geojson

    path = Path(path)
    frame = read_geojson(path, level, iso3)
    return len(frame), store.save_regions(frame, origin=path.name)
