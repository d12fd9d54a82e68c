"""Streaming a source file into the store: one transaction per file, idempotent, nothing lost.

Every record of the file ends either in its target table or in `quarantine` with a reason, so
rows_read == rows_stored + rows_quarantined. A file already ingested (same sha256, same format)
adds nothing; a newer version of a dataset updates the rows whose content changed, by id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import duckdb
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


def _spill_root(store: Store) -> str | None:
    """Spill next to the store file (same disk, room for the data); else the temp folder."""
    parent = Path(store.path).parent
    return str(parent) if str(store.path) != ":memory:" and parent.is_dir() else None


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
_STORED_COLUMNS = _BATCH_COLUMNS


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

    def __init__(self, store: Store, report: IngestReport, table: str, spill_dir: Path) -> None:
        self.store = store
        self.con = store.con
        self.report = report
        self.table = table
        self.quarantine: list[BadRow] = []
        self.quarantine_count = 0
        self.seen = _SeenKeys()
        self.spill_dir = spill_dir
        self.spills = 0

    def spill_path(self) -> str:
        self.spills += 1
        return str(self.spill_dir / f"batch_{self.spills:06d}.parquet").replace("'", "''")

    def load_spills(self, now: dt.datetime) -> None:
        """Move the spilled new rows into `events` in one streaming insert."""
        if not self.spills:
            return
        pattern = str(self.spill_dir / "batch_*.parquet").replace("'", "''")
        columns = ", ".join(_STORED_COLUMNS)
        self.con.execute(
            f"""INSERT INTO events BY NAME SELECT {columns}, ?::INTEGER AS source_id,
                  ?::TIMESTAMP AS ingested_at, ?::TIMESTAMP AS updated_at
                FROM read_parquet('{pattern}')""",
            [self.report.source_id, now, now],
        )

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
        _sql_over(self.con, "INSERT INTO quarantine SELECT * FROM bad_rows", bad_rows=frame)
        self.quarantine = []

    def drop_duplicates(
        self, chunk: NormalizedChunk, key: list[str], raw: RawChunk
    ) -> pd.DataFrame:
        """Quarantine rows whose key was seen earlier in this file; the first one wins."""
        frame = chunk.frame
        if frame.empty:
            return frame
        within = frame.duplicated(subset=key, keep="first").to_numpy()
        digest = _key_digest(frame[key])
        rows = frame["source_row"].to_numpy(dtype=np.int64)
        earlier = self.seen.first_rows(digest)
        dup = within | (earlier >= 0)
        self.seen.add(digest[~dup], rows[~dup])
        if not dup.any():
            return frame
        first_in_batch = frame.groupby(key, sort=False)["source_row"].transform("min").to_numpy()
        keys = frame[key].astype(str).to_numpy()
        bad = []
        for pos in np.flatnonzero(dup):
            first = int(earlier[pos]) if earlier[pos] >= 0 else int(first_in_batch[pos])
            bad.append(
                BadRow(
                    int(rows[pos]),
                    original_row(raw, int(rows[pos])),
                    f"duplicate id {'/'.join(keys[pos])} (first at row {first})",
                )
            )
        self.add_bad(bad)
        return frame.loc[~dup]


def _key_digest(keys: pd.DataFrame) -> np.ndarray:
    """128 bits per key (two independent 64-bit hashes), as an (n, 2) uint64 array.

    Two keys with the same digest are taken as equal: with a million keys the chance of a
    false match is about 1e-27, and the digest costs 16 bytes a row, where the keys themselves
    (or a DuckDB table of them) would grow memory with the file.
    """
    first = pd.util.hash_pandas_object(keys, index=False).to_numpy()
    second = pd.util.hash_pandas_object(keys, index=False, hash_key="signalfire.dup.2").to_numpy()
    return np.column_stack([first, second])


class _SeenKeys:
    """The keys of the rows kept so far in this file, with the row each was first seen at."""

    def __init__(self) -> None:
        self.first = np.empty(0, dtype=np.uint64)  # sorted
        self.second = np.empty(0, dtype=np.uint64)
        self.rows = np.empty(0, dtype=np.int64)

    def first_rows(self, digest: np.ndarray) -> np.ndarray:
        """For each key, the row it was first seen at, or -1."""
        found = np.full(len(digest), -1, dtype=np.int64)
        if not len(self.first):
            return found
        at = np.searchsorted(self.first, digest[:, 0])
        inside = at < len(self.first)
        hit = np.zeros(len(digest), dtype=bool)
        hit[inside] = (self.first[at[inside]] == digest[inside, 0]) & (
            self.second[at[inside]] == digest[inside, 1]
        )
        found[hit] = self.rows[at[hit]]
        return found

    def add(self, digest: np.ndarray, rows: np.ndarray) -> None:
        batch = np.argsort(digest[:, 0])
        digest, rows = digest[batch], rows[batch]
        first = np.concatenate([self.first, digest[:, 0]])
        order = np.argsort(first, kind="stable")  # two sorted runs: timsort merges them in O(n)
        self.first = first[order]
        self.second = np.concatenate([self.second, digest[:, 1]])[order]
        self.rows = np.concatenate([self.rows, rows])[order]


def _sql_over(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: list[object] | None = None,
    *,
    batch_rows: pa.Table | None = None,
    existing_ids: pd.DataFrame | None = None,
    changed_ids: pd.DataFrame | None = None,
    chunk_rows: pd.DataFrame | None = None,
    bad_rows: pd.DataFrame | None = None,
) -> duckdb.DuckDBPyConnection:
    """Run `sql`, which reads the frames given here by their parameter names.

    DuckDB finds them by its replacement scan of this function's variables. `con.register`
    would be the explicit way, but inside the file's transaction every registered (and then
    unregistered) view stays in the catalog until commit, holding its batch: memory grew with
    the file by about 50 MiB per 100,000 rows.
    """
    return con.execute(sql, params)


def _create_staging(run: _Run) -> None:
    """Temporary tables of this file's ingest; created in its transaction, gone with it."""
    if run.table == "events":
        return
    run.con.execute(
        f"CREATE TEMP TABLE {_STAGING} AS SELECT * EXCLUDE (source_id), "
        "0::BIGINT AS source_row FROM country_months LIMIT 0"
    )


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
    batch_rows = pa.Table.from_pandas(batch, preserve_index=False)
    # Rows of earlier files only: source ids grow, so this file's own rows (appended at the
    # end of the table) are skipped by DuckDB's min/max row-group statistics.
    existing = _sql_over(
        con,
        """SELECT b.event_id, e.row_hash = b.row_hash AS same FROM batch_rows b
           JOIN events e ON e.event_id = b.event_id AND e.source_id < ?""",
        [report.source_id],
        batch_rows=batch_rows,
    ).df()
    changed = existing.loc[~existing["same"], ["event_id"]]
    report.rows_unchanged += len(existing) - len(changed)
    report.rows_updated += len(changed)
    report.rows_new += len(batch) - len(existing)
    select_list = ", ".join(
        _QUALITY_FLAGS_SQL + " AS quality_flags" if c == "quality_flags" else c
        for c in _BATCH_COLUMNS
    )
    if len(existing) < len(batch):
        # New rows go to a Parquet spill file, loaded by one INSERT at the end: DuckDB holds
        # many small appends inside one transaction in memory, one large insert it streams.
        spill = run.spill_path()
        _sql_over(
            con,
            f"""COPY (SELECT {select_list}
                FROM batch_rows ANTI JOIN existing_ids USING (event_id)) TO '{spill}'
                (FORMAT parquet)""",
            batch_rows=batch_rows,
            existing_ids=existing[["event_id"]],
        )
    if len(changed):
        assignments = ", ".join(
            f"{c} = {_QUALITY_FLAGS_SQL.replace('flag_', 'b.flag_')}"
            if c == "quality_flags"
            else f"{c} = b.{c}"
            for c in _BATCH_COLUMNS
            if c != "event_id"
        )
        _sql_over(
            con,
            f"""UPDATE events SET {assignments}, source_id = ?, updated_at = ?
                FROM (SELECT * FROM batch_rows SEMI JOIN changed_ids USING (event_id)) b
                WHERE events.event_id = b.event_id""",
            [report.source_id, now],
            batch_rows=batch_rows,
            changed_ids=changed,
        )


def _stage_series(run: _Run, frame: pd.DataFrame) -> None:
    _sql_over(
        run.con,
        f"INSERT INTO {_STAGING} SELECT iso3, month, fatalities, population, source_row "
        "FROM chunk_rows",
        chunk_rows=frame,
    )


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
    with (
        tempfile.TemporaryDirectory(prefix="signalfire-ingest-", dir=_spill_root(store)) as spill,
        store.transaction() as con,
    ):
        report.source_id = int(con.execute("SELECT nextval('source_id_seq')").fetchone()[0])  # type: ignore[index]
        run = _Run(store, report, adapter.table, Path(spill))
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
        run.load_spills(started)
        report.flags = {name: n for name, n in report.flags.items() if n}
        if index is None:
            _merge_series(run)
            con.execute(f"DROP TABLE {_STAGING}")
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
