"""Every number of a situation report, from store queries as of the end of one month.

Nothing dated after the end of `as_of` is read: events are counted by the month their
`date_start` falls in, forecasts are fitted (or were stored) as of that month, alerts are
computed from the data up to it. `compute_brief` returns a `Brief`: plain frames and numbers
that `render` turns into HTML or PDF and tests compare with their own SQL.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pycountry

from ..errors import ConfigError, NotFoundError
from ..store import Store
from .activity import ActorNames, actor_activity

LEVEL_COLUMN = {"adm1": "adm1_id", "adm2": "adm2_id"}
LEVEL_WORD = {"adm1": "province", "adm2": "district"}
# The model fitted when no forecast was stored for the month: fast (a few seconds on a
# country's districts) and the baseline the shared notes call hard to beat.
BRIEF_MODEL = "conflictology"
HISTORY_MONTHS = 24

CITATIONS = {
    "ucdp-ged": (
        "UCDP Georeferenced Event Dataset (GED), CC BY 4.0. Sundberg & Melander (2013), "
        "Introducing the UCDP Georeferenced Event Dataset, JPR 50(4); Davies, Pettersson & "
        "Öberg (2022), Organized violence 1989-2021, JPR 59(4)."
    ),
    "ucdp-country-month": "UCDP fatalities per country-month, derived from UCDP GED, CC BY 4.0.",
    "acled": (
        "Armed Conflict Location & Event Data (ACLED). Raleigh, Linke, Hegre & Karlsen (2010), "
        "Introducing ACLED, JPR 47(5)."
    ),
    "gtd": "Global Terrorism Database (GTD), START, University of Maryland.",
    "text": "Events extracted by signalfire from the articles listed with each event.",
}
BOUNDARY_CITATION = (
    "The reference boundaries come from geoBoundaries gbOpen (Runfola et al. 2020, PLOS ONE "
    "15(4)) and Natural Earth (public domain); Pakistan's provinces are dissolved from its "
    "districts."
)


@dataclass(frozen=True)
class BriefRequest:
    as_of: str
    countries: tuple[str, ...] = ()
    level: str = "adm2"
    horizon: int = 3
    top: int = 10
    model: str = BRIEF_MODEL

    def __post_init__(self) -> None:
        if not (len(self.as_of) == 7 and self.as_of[4] == "-"):
            raise ConfigError("as_of", self.as_of, "a month YYYY-MM")
        try:
            month = pd.Period(self.as_of, freq="M")
        except ValueError:
            raise ConfigError("as_of", self.as_of, "a month YYYY-MM") from None
        if not 1 <= month.month <= 12:
            raise ConfigError("as_of", self.as_of, "a month YYYY-MM")
        if self.level not in LEVEL_COLUMN:
            raise ConfigError("level", self.level, f"one of {', '.join(LEVEL_COLUMN)}")
        for code in self.countries:
            if len(code) != 3 or not code.isalpha() or not code.isupper():
                raise ConfigError("country", code, "an ISO3 code such as PAK")
        if not 1 <= self.horizon <= 12:
            raise ConfigError("horizon", self.horizon, "1 to 12 months")
        if self.top < 1:
            raise ConfigError("top", self.top, "a positive number of regions")
        from ..models import MODELS

        if self.model not in MODELS:
            raise ConfigError("model", self.model, f"one of {', '.join(sorted(MODELS))}")


@dataclass(frozen=True)
class MonthFigures:
    month: str
    events: int
    deaths: int


@dataclass
class Brief:
    """What a situation report says; every field comes from the store as of `as_of`."""

    request: BriefRequest
    countries: tuple[str, ...]
    country_names: tuple[str, ...]
    # Requested countries without events in the store, and their country-month series if any.
    countries_without_events: tuple[str, ...]
    country_months: pd.DataFrame  # iso3, name, month, fatalities
    this_month: MonthFigures
    last_month: MonthFigures
    year_ago: MonthFigures
    monthly: pd.DataFrame  # month, events, deaths: the 36 months up to as_of
    forecast: pd.DataFrame  # region_id, name, parent_name, month, mean, p_any, q05, q95
    forecast_info: dict[str, Any]
    top_regions: pd.DataFrame  # rank, region_id, name, parent_name, mean, p_any, q05, q95, ...
    history: pd.DataFrame  # rows: months (HISTORY_MONTHS), columns: top region ids
    alerts: pd.DataFrame  # kind, region_id, region_name, actor_id, severity, period_start, ...
    alerts_origin: str  # "stored" or "computed"
    most_active: pd.DataFrame  # actor, events, deaths, regions (text)
    new_areas: pd.DataFrame  # actor, region_id, region_name, first_date, events, previous
    relations_changed: pd.DataFrame  # side_a, side_b, change, recent, before, last_date
    notable: pd.DataFrame  # event_id, date, place, actors, deaths, low, high, sources
    methods: dict[str, Any]
    geometries: pd.DataFrame = field(repr=False)  # region_id, level, iso3, parent_id, geometry

    @property
    def level_word(self) -> str:
        return LEVEL_WORD[self.request.level]

    @property
    def place(self) -> str:
        from .text import join_names

        return join_names(list(self.country_names))


# --- helpers ---------------------------------------------------------------------------------


def month_bounds(month: pd.Period) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(month.year, month.month)[1]
    return dt.date(month.year, month.month, 1), dt.date(month.year, month.month, last)


def label(month: pd.Period) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def rows_of(frame: pd.DataFrame) -> Iterator[Any]:
    """A frame's rows as namedtuples (typed Any: their fields are the frame's columns)."""
    yield from frame.itertuples(index=False)


def _in(values: Sequence[str]) -> str:
    return ", ".join("?" * len(values))


def country_name(iso3: str) -> str:
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return iso3
    return str(getattr(found, "common_name", None) or found.name)


def _countries(store: Store, request: BriefRequest) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(countries with events by the month, requested countries without any). No events is not
    evidence of no violence: those countries get no forecast, map or ranking, only a note."""
    end = month_bounds(pd.Period(request.as_of, freq="M"))[1]
    rows = store.con.execute(
        "SELECT DISTINCT country_iso3 FROM counted_events WHERE country_iso3 IS NOT NULL "
        "AND date_start <= ? ORDER BY 1",
        [end],
    ).fetchall()
    with_events = [str(r[0]) for r in rows]
    wanted = list(request.countries) or with_events
    found = tuple(c for c in wanted if c in with_events)
    if not found:
        where = f" for {', '.join(request.countries)}" if request.countries else ""
        raise NotFoundError(f"the store has no events{where} on or before {request.as_of}")
    return found, tuple(c for c in wanted if c not in with_events)


def _country_months(store: Store, countries: Sequence[str], month: pd.Period) -> pd.DataFrame:
    """Country-month fatality series (e.g. UCDP's) of `countries`: this month, the one before,
    a year before. iso3, name, month, fatalities (None where the series has no value)."""
    columns = ["iso3", "name", "month", "fatalities"]
    if not countries:
        return pd.DataFrame(columns=columns)
    months = [label(month), label(month - 1), label(month - 12)]
    frame = store.query(
        f"""SELECT iso3, month, fatalities FROM country_months
            WHERE iso3 IN ({_in(countries)}) AND month IN (?, ?, ?)""",
        [*countries, *months],
    )
    rows = []
    for iso3 in countries:
        have = frame[frame["iso3"] == iso3].set_index("month")["fatalities"]
        if have.empty:
            continue
        for m in months:
            value = have.get(m)
            rows.append(
                {
                    "iso3": iso3,
                    "name": country_name(iso3),
                    "month": m,
                    "fatalities": None if value is None or pd.isna(value) else int(value),
                }
            )
    return pd.DataFrame(rows, columns=columns)


def month_figures(store: Store, countries: Sequence[str], month: pd.Period) -> MonthFigures:
    first, last = month_bounds(month)
    row = store.con.execute(
        f"""SELECT count(*), coalesce(sum(deaths_best), 0) FROM counted_events
            WHERE country_iso3 IN ({_in(countries)}) AND date_start BETWEEN ? AND ?""",
        [*countries, first, last],
    ).fetchone()
    assert row is not None
    return MonthFigures(label(month), int(row[0]), int(row[1]))


def _monthly(store: Store, countries: Sequence[str], month: pd.Period, n: int) -> pd.DataFrame:
    start = month_bounds(month - (n - 1))[0]
    end = month_bounds(month)[1]
    frame = store.query(
        f"""SELECT strftime(date_start, '%Y-%m') AS month, count(*) AS events,
                   coalesce(sum(deaths_best), 0) AS deaths
            FROM counted_events WHERE country_iso3 IN ({_in(countries)})
              AND date_start BETWEEN ? AND ? GROUP BY 1""",
        [*countries, start, end],
    )
    months = [label(month - k) for k in range(n - 1, -1, -1)]
    out = frame.set_index("month").reindex(months, fill_value=0).rename_axis("month")
    return out.reset_index().astype({"events": "int64", "deaths": "int64"})


def _region_names(store: Store, level: str, countries: Sequence[str]) -> pd.DataFrame:
    frame = store.query(
        f"""SELECT r.region_id, r.name, r.parent_id, p.name AS parent_name, r.iso3
            FROM regions r LEFT JOIN regions p ON p.region_id = r.parent_id
            WHERE r.level = ? AND r.iso3 IN ({_in(countries)}) ORDER BY r.region_id""",
        [level, *countries],
    )
    return frame.set_index("region_id")


# --- forecast --------------------------------------------------------------------------------


def _forecast(
    store: Store, request: BriefRequest, countries: Sequence[str], region_ids: Sequence[str]
) -> tuple[Any, dict[str, Any]]:
    """The latest stored fatality forecast made as of the month at this level (if it covers
    every region of the brief), else a new one fitted on data up to the month (not saved: a
    brief only reads the store)."""
    from ..alerts import saved_forecast

    found = saved_forecast(store, request.as_of, request.level)
    if found is not None and set(region_ids) <= set(found[0].region_ids):
        forecast, run_id = found
        row = store.con.execute(
            "SELECT created_at, draws FROM forecast_runs WHERE run_id = ?", [run_id]
        ).fetchone()
        assert row is not None
        info = {
            "model": forecast.model,
            "run_id": run_id,
            "origin": f"stored forecast run {run_id} (made {row[0]:%Y-%m-%d})",
            "draws": int(row[1]),
        }
        return forecast, info
    from ..forecasting import ForecastRequest, make_forecast

    fc_request = ForecastRequest(
        level=request.level,
        target="fatalities",
        as_of=request.as_of,
        horizon=request.horizon,
        draws=1000,
        model=request.model,
        countries=tuple(countries),
    )
    try:
        forecast = make_forecast(store, fc_request)
    except ValueError as exc:
        raise NotFoundError(
            f"cannot forecast {request.level} as of {request.as_of}: {exc}"
        ) from None
    info = {
        "model": forecast.model,
        "run_id": None,
        "origin": f"fitted for this brief on data up to {request.as_of} (not stored)",
        "draws": fc_request.draws,
    }
    return forecast, info


def _forecast_frame(forecast: Any, names: pd.DataFrame, horizon: int) -> pd.DataFrame:
    summary = forecast.summary().rename(columns={forecast.period_column: "month"})
    months = sorted(summary["month"].unique())[:horizon]
    summary = summary[summary["region_id"].isin(names.index) & summary["month"].isin(months)]
    summary = summary.join(names[["name", "parent_name"]], on="region_id")
    columns = ["region_id", "name", "parent_name", "month", "mean", "p_any", "q05", "q95"]
    return summary[columns].reset_index(drop=True)


def _top_regions(
    store: Store,
    request: BriefRequest,
    forecast: pd.DataFrame,
    countries: Sequence[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `top` regions by expected fatalities next month, with their recent history."""
    month = pd.Period(request.as_of, freq="M")
    first = forecast[forecast["month"] == forecast["month"].min()]
    ranked = first.sort_values(["mean", "p_any", "region_id"], ascending=[False, False, True])
    top = ranked.head(request.top).reset_index(drop=True)
    top.insert(0, "rank", np.arange(1, len(top) + 1))
    column = LEVEL_COLUMN[request.level]
    start = month_bounds(month - (HISTORY_MONTHS - 1))[0]
    end = month_bounds(month)[1]
    ids = top["region_id"].tolist()
    months = [label(month - k) for k in range(HISTORY_MONTHS - 1, -1, -1)]
    if ids:
        frame = store.query(
            f"""SELECT {column} AS region_id, strftime(date_start, '%Y-%m') AS month,
                       coalesce(sum(deaths_best), 0) AS deaths
                FROM counted_events WHERE {column} IN ({_in(ids)}) AND date_start BETWEEN ? AND ?
                GROUP BY ALL""",
            [*ids, start, end],
        )
        history = frame.pivot_table(
            index="month", columns="region_id", values="deaths", aggfunc="sum"
        )
    else:
        history = pd.DataFrame()
    history = history.reindex(index=months, columns=ids, fill_value=0).fillna(0).astype("int64")
    history.columns.name = None
    top["deaths_month"] = [int(history[r].iloc[-1]) for r in ids]
    top["deaths_12m"] = [int(history[r].iloc[-12:].sum()) for r in ids]
    later = forecast.groupby("region_id")["mean"].sum()
    top["mean_horizon"] = top["region_id"].map(later).astype(float)
    return top, history


# --- alerts ----------------------------------------------------------------------------------


def _alerts(
    store: Store, request: BriefRequest, forecast: Any, names: pd.DataFrame
) -> tuple[pd.DataFrame, str]:
    """The alerts open at the month's end, computed from data up to it (stored alerts may
    carry figures from later months); a stored alert lends its id, start and the analysts'
    status. Dismissed alerts are left out."""
    from ..alerts import alerts_frame, as_stored, compute_alerts

    found = compute_alerts(store, request.as_of, level=request.level, forecast=forecast)
    found = [a for a in found if a.period_end == request.as_of]
    known = as_stored(store, found)
    stored_ids = {str(r[0]) for r in store.con.execute("SELECT alert_id FROM alerts").fetchall()}
    origin = "stored" if any(a.alert_id in stored_ids for a in known) else "computed"
    frame = alerts_frame(a for a in known if a.status != "dismissed")
    frame = frame[frame["region_id"].isin(names.index)].copy()
    frame["region_name"] = frame["region_id"].map(names["name"])
    order = {"high": 0, "medium": 1, "low": 2}
    frame["_order"] = frame["severity"].map(order)
    frame = frame.sort_values(["_order", "score", "alert_id"], ascending=[True, False, True])
    columns = ["alert_id", "kind", "region_id", "region_name", "actor_id", "severity"]
    columns += ["period_start", "score", "message", "status"]
    return frame[columns].reset_index(drop=True), origin


# --- notable events --------------------------------------------------------------------------


def parse_sources(notes: object, headline: object) -> list[dict[str, str]]:
    """UCDP's `source_article` ('"Publisher,date,headline";"..."') as publisher/date/title
    entries; else the headlines; else the notes as written (older GED rows cite their sources
    in free text, e.g. "AP 31/10"), marked `note`."""
    out: list[dict[str, str]] = []
    has_notes = isinstance(notes, str) and bool(notes.strip())
    if isinstance(notes, str) and has_notes:
        for item in next(csv.reader([notes], delimiter=";")):
            parts = item.split(",", 2)
            if len(parts) == 3 and len(parts[1].strip()) == 10:
                out.append(
                    {"publisher": parts[0].strip(), "date": parts[1].strip(), "title": parts[2]}
                )
    if not out and isinstance(headline, str) and headline.strip():
        out = [{"publisher": "", "date": "", "title": h.strip()} for h in headline.split(";")]
    if not out and isinstance(notes, str) and has_notes:
        text = " ".join(notes.split())
        out = [{"publisher": "", "date": "", "title": text[:300], "note": "1"}]
    return [s for s in out if s["title"].strip() or s["publisher"]]


def _notable(
    store: Store, request: BriefRequest, countries: Sequence[str], n: int = 5
) -> pd.DataFrame:
    first, last = month_bounds(pd.Period(request.as_of, freq="M"))
    frame = store.query(
        f"""SELECT e.event_id, e.source, e.source_event_id, e.date_start, e.date_end,
                   e.actor1, e.actor2, e.deaths_best, e.deaths_low, e.deaths_high,
                   e.location_name, d.name AS district, p.name AS province,
                   e.headline, e.notes
            FROM counted_events e LEFT JOIN regions d ON d.region_id = e.adm2_id
            LEFT JOIN regions p ON p.region_id = e.adm1_id
            WHERE e.country_iso3 IN ({_in(countries)}) AND e.date_start BETWEEN ? AND ?
            ORDER BY coalesce(e.deaths_best, 0) DESC, e.date_start, e.event_id LIMIT ?""",
        [*countries, first, last, n],
    )
    display = ActorNames()
    rows = []
    for r in rows_of(frame):
        place = ", ".join(str(p) for p in (r.district, r.province) if isinstance(p, str))
        actors = [display(a) for a in (r.actor1, r.actor2) if isinstance(a, str)]
        rows.append(
            {
                "event_id": r.event_id,
                "source_event_id": str(r.source_event_id),
                "source": r.source,
                "date": str(pd.Timestamp(r.date_start).date()),
                "place": place or "location unknown",
                "location_name": r.location_name if isinstance(r.location_name, str) else "",
                "actors": actors,
                "deaths": int(r.deaths_best) if pd.notna(r.deaths_best) else 0,
                "low": int(r.deaths_low) if pd.notna(r.deaths_low) else None,
                "high": int(r.deaths_high) if pd.notna(r.deaths_high) else None,
                "sources": parse_sources(r.notes, r.headline),
            }
        )
    columns = ["event_id", "source_event_id", "source", "date", "place", "location_name"]
    columns += ["actors", "deaths", "low", "high", "sources"]
    return pd.DataFrame(rows, columns=columns)


# --- methods ---------------------------------------------------------------------------------


def _backtest(store: Store, request: BriefRequest, model: str) -> dict[str, Any] | None:
    """The latest backtest at this level that was knowable at the month's end (its last
    origin plus its horizon is the month or earlier), for the model."""
    month = pd.Period(request.as_of, freq="M")
    rows = store.con.execute(
        """SELECT run_id, start_origin, end_origin, horizon, best_model, metrics
           FROM backtest_runs WHERE level = ? AND target = 'fatalities' AND freq = 'month'
           ORDER BY run_id DESC""",
        [request.level],
    ).fetchall()
    known = [r for r in rows if pd.Period(str(r[2]), freq="M") + int(r[3]) <= month]
    if not known:
        return None
    row = known[0]
    metrics = json.loads(row[5])
    pooled = metrics.get("windows", {}).get("all", {})
    entry = pooled.get("models", {}).get(model)
    out: dict[str, Any] = {
        "run_id": int(row[0]),
        "start": row[1],
        "end": row[2],
        "horizon": int(row[3]),
        "best_model": row[4],
        "baseline": pooled.get("baseline"),
        "model_scored": entry is not None,
    }
    if entry is not None:
        skill = entry.get("skill") or {}
        out.update(
            crps=entry.get("crps"),
            skill=skill.get("value"),
            skill_lo=skill.get("lo"),
            skill_hi=skill.get("hi"),
            coverage90=entry.get("coverage90"),
        )
    return out


def _methods(
    store: Store,
    request: BriefRequest,
    countries: Sequence[str],
    forecast_info: dict[str, Any],
) -> dict[str, Any]:
    month = pd.Period(request.as_of, freq="M")
    first, end = month_bounds(month)
    sources = store.query(
        """SELECT source_id, path, format, source_version, rows_stored, sha256, finished_at
           FROM sources ORDER BY source_id"""
    )
    entries = []
    for r in rows_of(sources):
        entries.append(
            {
                "file": str(r.path).replace("\\", "/").rsplit("/", 1)[-1],
                "format": r.format,
                "version": r.source_version if isinstance(r.source_version, str) else "",
                "rows": int(r.rows_stored),
                "sha256": str(r.sha256)[:12],
                "ingested": f"{pd.Timestamp(r.finished_at):%Y-%m-%d}",
                "citation": CITATIONS.get(str(r.format), ""),
            }
        )
    column = LEVEL_COLUMN[request.level]
    params = [*countries, first, end]
    where = f"country_iso3 IN ({_in(countries)}) AND date_start BETWEEN ? AND ?"
    gaps = store.con.execute(
        f"""SELECT count(*) FILTER ({column} IS NULL),
                   coalesce(sum(deaths_best) FILTER ({column} IS NULL), 0),
                   count(*) FILTER (location_precision >= 4),
                   count(*) FILTER (date_end > last_day(date_start)),
                   count(*) FILTER (len(quality_flags) > 0)
            FROM counted_events WHERE {where}""",
        params,
    ).fetchone()
    total = store.con.execute(
        f"""SELECT count(*), count(*) FILTER ({column} IS NULL), max(date_start),
                   count(*) FILTER (date_start > ?)
            FROM counted_events WHERE country_iso3 IN ({_in(countries)})""",
        [end, *countries],
    ).fetchone()
    latest = store.con.execute(
        f"""SELECT max(date_start) FROM counted_events
            WHERE country_iso3 IN ({_in(countries)}) AND date_start <= ?""",
        [*countries, end],
    ).fetchone()
    assert gaps is not None and total is not None and latest is not None
    from ..forecasting import data_version

    return {
        "data_version": data_version(store),
        "sources": entries,
        "boundaries": store.query(
            f"""SELECT origin, level, count(*) AS regions FROM regions
                WHERE iso3 IN ({_in(countries)}) GROUP BY ALL ORDER BY level, origin""",
            list(countries),
        ).to_dict("records"),
        "boundary_citation": BOUNDARY_CITATION,
        "forecast": forecast_info,
        "backtest": _backtest(store, request, str(forecast_info["model"])),
        "latest_event": str(pd.Timestamp(latest[0]).date()) if latest[0] is not None else None,
        "later_events": int(total[3]),
        "unlocated_month": int(gaps[0]),
        "unlocated_month_deaths": int(gaps[1]),
        "imprecise_month": int(gaps[2]),
        "spanning_month": int(gaps[3]),
        "flagged_month": int(gaps[4]),
        "unlocated_total": int(total[1]),
        "events_total": int(total[0]),
    }


# --- the brief -------------------------------------------------------------------------------


def compute_brief(store: Store, request: BriefRequest) -> Brief:
    """Everything the brief shows, as of the end of `request.as_of`."""
    month = pd.Period(request.as_of, freq="M")
    countries, without_events = _countries(store, request)
    names = _region_names(store, request.level, countries)
    if names.empty:
        raise NotFoundError(
            f"no {request.level} boundaries in the store for {', '.join(countries)}: "
            "load them with `signalfire regions load`"
        )
    forecast, info = _forecast(store, request, countries, list(names.index))
    fc = _forecast_frame(forecast, names, request.horizon)
    top, history = _top_regions(store, request, fc, countries)
    alerts, origin = _alerts(store, request, forecast, names)
    most_active, new_areas, changed = actor_activity(
        store, month, LEVEL_COLUMN[request.level], countries, names
    )
    geometries = store.regions(geometry="shapely")
    geometries = geometries[
        geometries["iso3"].isin(countries)
        & geometries["level"].isin(["adm0", "adm1", request.level])
    ]
    return Brief(
        request=request,
        countries=countries,
        country_names=tuple(country_name(c) for c in countries),
        countries_without_events=without_events,
        country_months=_country_months(store, without_events, month),
        this_month=month_figures(store, countries, month),
        last_month=month_figures(store, countries, month - 1),
        year_ago=month_figures(store, countries, month - 12),
        monthly=_monthly(store, countries, month, 36),
        forecast=fc,
        forecast_info=info,
        top_regions=top,
        history=history,
        alerts=alerts,
        alerts_origin=origin,
        most_active=most_active,
        new_areas=new_areas,
        relations_changed=changed,
        notable=_notable(store, request, countries),
        methods=_methods(store, request, countries, info),
        geometries=geometries.reset_index(drop=True),
    )
