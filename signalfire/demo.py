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
           FROM counted_events GROUP BY ALL ORDER BY year, country_iso3"""
    )


def top_actors(store: Store, n: int = 10) -> pd.DataFrame:
    """Actors by the events they are a side of (either side), with the deaths in them."""
    return store.query(
        """SELECT actor, count(*) AS events, sum(deaths_best) AS deaths FROM (
               SELECT actor1 AS actor, deaths_best FROM counted_events
               UNION ALL SELECT actor2, deaths_best FROM counted_events)
           WHERE actor <> '' GROUP BY actor ORDER BY events DESC, actor LIMIT ?""",
        [n],
    )


def deadliest_districts(store: Store, n: int = 10) -> pd.DataFrame:
    return store.query(
        """SELECT e.adm2_id AS region_id, d.name AS district, p.name AS province,
                  count(*) AS events, sum(e.deaths_best) AS deaths
           FROM counted_events e JOIN regions d ON d.region_id = e.adm2_id
           LEFT JOIN regions p ON p.region_id = d.parent_id
           GROUP BY ALL ORDER BY deaths DESC, region_id LIMIT ?""",
        [n],
    )


@dataclass
class DemoForecast:
    forecast_path: Path
    report_dir: Path
    top: pd.DataFrame  # the highest-risk districts next month
    skill: pd.DataFrame  # per model: CRPS, skill against the best naive baseline, CI
    best_model: str
    as_of: str  # the last month of data: the forecast's origin


def forecast_and_backtest(
    store: Store,
    out_dir: Path,
    *,
    backtest_origins: int = 12,
    horizon: int = 6,
    draws: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> DemoForecast:
    """Backtest every model on the last `backtest_origins` months that have 6 months of
    actuals after them, then forecast the next `horizon` months with the best model."""
    from .backtest import run_backtest
    from .forecasting import ForecastRequest, make_forecast, save_backtest, save_forecast
    from .panel import PanelSpec, build_panel, period_label

    panel = build_panel(store, PanelSpec(level="adm2", target="fatalities"), with_neighbours=False)
    last = panel.last_period
    end, start = last - horizon, last - horizon - backtest_origins + 1
    report_dir = out_dir / "backtest"
    result = run_backtest(
        store,
        level="adm2",
        target="fatalities",
        start=str(start),
        end=str(end),
        horizon=horizon,
        draws=draws,
        progress=progress,
    )
    result.write(report_dir)
    save_backtest(store, result)
    best = result.best_model()
    request = ForecastRequest(level="adm2", target="fatalities", horizon=horizon, draws=1000)
    forecast = make_forecast(store, request)
    save_forecast(store, request, forecast)
    summary = forecast.summary()
    forecast_path = out_dir / "forecast_adm2_fatalities.csv"
    summary.to_csv(forecast_path, index=False)
    names = store.regions("adm2", geometry="none").set_index("region_id")
    first = summary[summary["month"] == summary["month"].min()]
    top = first.sort_values("mean", ascending=False).head(10).copy()
    top.insert(0, "district", top["region_id"].map(names["name"]))
    top = top[["district", "month", "mean", "p_any", "q50", "q95"]]
    pooled = result.metrics["windows"]["all"]["models"]
    skill = pd.DataFrame(
        [
            {
                "model": name,
                "crps": entry["crps"],
                "skill": (entry.get("skill") or {}).get("value"),
                "ci_low": (entry.get("skill") or {}).get("lo"),
                "ci_high": (entry.get("skill") or {}).get("hi"),
                "coverage90": entry["coverage90"],
            }
            for name, entry in pooled.items()
        ]
    ).sort_values("crps")
    return DemoForecast(forecast_path, report_dir, top, skill, best, period_label(last))
