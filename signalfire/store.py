"""The canonical store: one DuckDB file, its schema migrations and its queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import shapely

from . import settings
from .domain import EventFilter
from .errors import SchemaVersionError, StoreError
from .regions import RegionIndex
from .schema import MIGRATIONS

_CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    # Extensions come from the pinned pip package, never from the network.
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


# Touched beside the store while a process waits to open it, so that a running server lets go of
# the file soon (web.db.SharedStore watches for it).
WRITER_WAITING = ".writer-waiting"


def writer_sign(path: Path) -> Path:
    """The file a process waiting to open `path` touches (every poll) while it waits."""
    return path.with_name(path.name + WRITER_WAITING)


@cache
def spatial_extension_path() -> Path:
    import duckdb_extension_spatial

    root = Path(duckdb_extension_spatial.__file__).parent / "extensions"
    wanted = root / f"v{duckdb.__version__}" / "spatial.duckdb_extension"
    if wanted.is_file():
        return wanted
    found = sorted(p.parent.name for p in root.glob("*/spatial.duckdb_extension"))
    raise StoreError(
        f"duckdb {duckdb.__version__} needs duckdb-extension-spatial=={duckdb.__version__}; "
        f"installed extension builds: {', '.join(found) or 'none'}. Reinstall signalfire."
    )


class Store:
    """A signalfire store. Queries return pandas frames; `con` is the DuckDB connection."""

    migrations: tuple[str, ...] = MIGRATIONS

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here (run `signalfire ingest` or `demo`)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=_CONNECT_CONFIG)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        self.con.execute(f"LOAD '{spatial_extension_path()}'")
        self.con.execute("SET memory_limit = ?", [str(settings.get("memory_limit"))])
        self.migrated_from: int | None = None
        self._migrate(self.migrations)

    # --- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        tables = {
            r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "schema_version" not in tables:
            if tables:
                raise StoreError(
                    f"{self.path}: a DuckDB file with tables {sorted(tables)[:5]} but no "
                    "schema_version: not a signalfire store"
                )
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self, migrations: tuple[str, ...]) -> None:
        current = self.schema_version()
        target = len(migrations)
        if current > target:
            raise SchemaVersionError(
                self.path,
                current,
                target,
                "It was written by a newer signalfire: upgrade with `pip install -U signalfire`.",
            )
        if current == target:
            return
        if self.read_only:
            raise SchemaVersionError(
                self.path,
                current,
                target,
                "Open it once for writing (any `signalfire ingest`, or "
                "`signalfire.open(path)`) to upgrade it in place.",
            )
        with self.transaction():
            if current == 0:
                self.con.execute(
                    "CREATE TABLE schema_version "
                    "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
                )
            for version in range(current + 1, target + 1):
                self.con.execute(migrations[version - 1])
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?)", [version, dt.datetime.now()]
                )
        self.migrated_from = current

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: an exception (KeyboardInterrupt included) rolls everything back."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- queries -----------------------------------------------------------------------------

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def events(self, where: EventFilter | None = None, **filters: Any) -> pd.DataFrame:
        """Events as a frame, newest last. Filters: see EventFilter."""
        where = where or EventFilter(**filters)
        clauses, params = _event_clauses(where)
        sql = "SELECT * EXCLUDE (row_hash) FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY date_start, event_id"
        if where.limit is not None:
            sql += f" LIMIT {int(where.limit)}"
        return self.query(sql, params)

    def regions(
        self, level: str | None = None, iso3: str | None = None, geometry: str = "wkt"
    ) -> pd.DataFrame:
        """Regions; geometry as 'wkt' text, 'geojson' text, 'shapely' objects or 'none'."""
        clauses, params = [], []
        if level:
            clauses.append("level = ?")
            params.append(level)
        if iso3:
            clauses.append("iso3 = ?")
            params.append(iso3)
        column = {
            "wkt": "ST_AsText(geometry) AS geometry",
            "geojson": "ST_AsGeoJSON(geometry) AS geometry",
            "shapely": "ST_AsWKB(geometry) AS geometry",
            "none": None,
        }[geometry]
        columns = "region_id, level, name, parent_id, iso3, origin"
        if column:
            columns += ", " + column
        sql = f"SELECT {columns} FROM regions"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        frame = self.query(sql + " ORDER BY level, region_id", params)
        if geometry == "shapely":
            frame["geometry"] = shapely.from_wkb([bytes(g) for g in frame["geometry"]])
        return frame

    def region_index(self) -> RegionIndex:
        return RegionIndex(self.regions(geometry="shapely"))

    def sources(self) -> pd.DataFrame:
        return self.query("SELECT * FROM sources ORDER BY source_id")

    def quarantine(self, source_id: int | None = None) -> pd.DataFrame:
        sql = "SELECT * FROM quarantine"
        params: list[Any] = []
        if source_id is not None:
            sql += " WHERE source_id = ?"
            params.append(source_id)
        return self.query(sql + " ORDER BY source_id, row_number", params)

    def country_months(self, iso3: str | None = None) -> pd.DataFrame:
        sql = "SELECT * FROM country_months"
        params: list[Any] = []
        if iso3:
            sql += " WHERE iso3 = ?"
            params.append(iso3)
        return self.query(sql + " ORDER BY iso3, month", params)

    def counts(self) -> dict[str, int]:
        names = ("events", "sources", "quarantine", "regions", "country_months", "forecast_runs")
        return {
            name: int(self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # type: ignore[index]
            for name in names
        }

    # --- writes ------------------------------------------------------------------------------

    def save_regions(self, frame: pd.DataFrame, origin: str) -> dict[str, int]:
        """Insert or replace regions; then re-locate every stored event. Returns method counts."""
        frame = frame.copy()
        frame["wkb"] = shapely.to_wkb(frame["geometry"].to_numpy())
        frame["origin"] = origin
        missing_parent = frame["level"].eq("adm2") & frame["parent_id"].isna()
        with self.transaction() as con:
            con.register("incoming_regions", frame.drop(columns=["geometry"]))
            con.execute(
                "DELETE FROM regions WHERE region_id IN (SELECT region_id FROM incoming_regions)"
            )
            con.execute(
                """INSERT INTO regions SELECT region_id, level, name, parent_id, iso3,
                   ST_GeomFromWKB(wkb), origin FROM incoming_regions"""
            )
            con.unregister("incoming_regions")
            if missing_parent.any():
                # A district file without its province: the province holding its centre.
                con.execute(
                    """UPDATE regions AS d SET parent_id = (
                         SELECT p.region_id FROM regions p
                         WHERE p.level = 'adm1' AND p.iso3 = d.iso3
                           AND ST_Contains(p.geometry, ST_PointOnSurface(d.geometry))
                         ORDER BY p.region_id LIMIT 1)
                       WHERE d.level = 'adm2' AND d.parent_id IS NULL"""
                )
            return self._relocate(con)

    def _relocate(self, con: duckdb.DuckDBPyConnection) -> dict[str, int]:
        events = con.execute(
            "SELECT event_id, lat, lon, country_iso3, location_precision FROM events"
        ).df()
        if events.empty:
            return {}
        index = RegionIndex(self.regions(geometry="shapely"))
        located = index.assign(events, float(settings.get("snap_km")))
        # Events already stored stay stored: an outside point just loses its regions.
        located.loc[located["outside"], "location_method"] = "outside-boundaries"
        # A text event that names no place has no country and no point: it stays "unlocated"
        # (there is nothing for boundaries to say about it).
        nowhere = (events["country_iso3"].isna() & events["lat"].isna()).to_numpy()
        located.loc[nowhere, "location_method"] = "unlocated"
        located.insert(0, "event_id", events["event_id"])
        con.register("relocated", located.drop(columns=["outside"]))
        con.execute(
            """UPDATE events SET adm1_id = r.adm1_id, adm2_id = r.adm2_id,
                 location_method = r.location_method, snap_km = r.snap_km
               FROM relocated r WHERE events.event_id = r.event_id"""
        )
        con.unregister("relocated")
        return {str(k): int(v) for k, v in located["location_method"].value_counts().items()}


def _event_clauses(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []

    def any_of(column: str, values: tuple[str, ...]) -> None:
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

    any_of("country_iso3", where.country)
    any_of("adm1_id", where.adm1)
    any_of("adm2_id", where.adm2)
    any_of("violence_type", where.violence_type)
    any_of("source", where.source)
    if where.actor:
        clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
        params += [f"%{where.actor}%"] * 2
    if where.since:
        clauses.append("date_end >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("date_start <= ?")
        params.append(where.until)
    return clauses, params


def open(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    wait: float | None = None,
    on_wait: Callable[[Path, float], None] | None = None,
) -> Store:
    """Open (creating or upgrading) the store at `path`, else $SIGNALFIRE_DB, else the default.

    A file another process holds (DuckDB lets one process in) is retried for `wait` seconds
    (default: the `lock_wait` setting), leaving a sign beside it that asks a running
    `signalfire serve` to let go; `on_wait(path, wait)` is called once when waiting starts.
    """
    store_path = settings.db_path(path)
    limit = float(settings.get("lock_wait") if wait is None else wait)
    sign = writer_sign(store_path)
    deadline = time.monotonic() + limit
    waited = False
    try:
        while True:
            try:
                return Store(store_path, read_only=read_only)
            except StoreError as exc:
                if "lock" not in exc.message.lower() or time.monotonic() >= deadline:
                    raise
            if not waited:
                waited = True
                if on_wait is not None:
                    on_wait(store_path, limit)
            with contextlib.suppress(OSError):  # a read-only folder: wait without the sign
                sign.touch()
            time.sleep(0.05)
    finally:
        if waited:
            sign.unlink(missing_ok=True)
