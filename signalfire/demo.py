"""The main job on the embedded default: load the reference data, then summarise it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .domain import IngestReport
from .errors import InputError
from .fetch import Fetcher
from .ingest import DEFAULT_BOUNDARIES, ingest, load_regions
from .store import Store

GED_GLOB = "ucdp/ged*.csv"
COUNTRY_MONTH_GLOB = "ucdp/country_month*.csv"
DOWNLOAD_COUNTRIES = ("PAK", "AFG")


@dataclass
class DemoRun:
    origin: str  # where the data came from
    regions: int = 0
    reports: list[IngestReport] = field(default_factory=list)


def load_reference_data(
    store: Store,
    data_dir: Path | None,
    fetcher: Fetcher | None = None,
    *,
    ged_version: str = "25.1",
    progress_for: Callable[[str], Callable[[int, int], None] | None] = lambda _: None,
) -> DemoRun:
    """Boundaries and events from `data_dir` (the shared folder) or, without it, the publishers."""
    if data_dir is not None:
        run = DemoRun(origin=str(data_dir))
        for relative, level in DEFAULT_BOUNDARIES:
            if (data_dir / relative).is_file():
                run.regions += load_regions(store, data_dir / relative, level)[0]
        ged_files = sorted(data_dir.glob(GED_GLOB))
        if not ged_files:
            raise InputError(data_dir, f"no UCDP GED file matching {GED_GLOB}")
        for path in ged_files:
            run.reports.append(ingest(store, "ucdp-ged", path, progress=progress_for(path.name)))
        for path in sorted(data_dir.glob(COUNTRY_MONTH_GLOB)):
            run.reports.append(
                ingest(store, "ucdp-country-month", path, progress=progress_for(path.name))
            )
        return run
    if fetcher is None:
        raise InputError("data_dir", "no reference data folder and no downloader")
    run = DemoRun(origin=f"downloads cached in {fetcher.cache}")
    for iso3 in DOWNLOAD_COUNTRIES:
        for level in ("adm1", "adm2"):
            run.regions += load_regions(store, fetcher.geoboundaries(iso3, level), level, iso3)[0]
    for iso3 in DOWNLOAD_COUNTRIES:
        path = fetcher.ucdp_ged(ged_version, country=iso3)
        run.reports.append(ingest(store, "ucdp-ged", path, progress=progress_for(path.name)))
    return run


def events_by_year(store: Store) -> pd.DataFrame:
    return store.query(
        """SELECT year(date_start) AS year, country_iso3, count(*) AS events,
                  sum(deaths_best) AS deaths
           FROM events GROUP BY ALL ORDER BY year, country_iso3"""
    )


def top_actors(store: Store, n: int = 10) -> pd.DataFrame:
    """Actors by the events they are a side of (either side), with the deaths in them."""
    return store.query(
        """SELECT actor, count(*) AS events, sum(deaths_best) AS deaths FROM (
               SELECT actor1 AS actor, deaths_best FROM events
               UNION ALL SELECT actor2, deaths_best FROM events)
           WHERE actor <> '' GROUP BY actor ORDER BY events DESC, actor LIMIT ?""",
        [n],
    )


def deadliest_districts(store: Store, n: int = 10) -> pd.DataFrame:
    return store.query(
        """SELECT e.adm2_id AS region_id, d.name AS district, p.name AS province,
                  count(*) AS events, sum(e.deaths_best) AS deaths
           FROM events e JOIN regions d ON d.region_id = e.adm2_id
           LEFT JOIN regions p ON p.region_id = d.parent_id
           GROUP BY ALL ORDER BY deaths DESC, region_id LIMIT ?""",
        [n],
    )
