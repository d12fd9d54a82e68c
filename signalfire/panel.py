"""Balanced region x period panels of fatalities or event counts, built from the store.

A district (adm2) panel counts only events located at district precision or better; a province
panel adds the province-only ones; a country panel counts every event of the country. Periods
without events are zeros; every region of the level is a column, with or without events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.strtree import STRtree

from .store import Store

LEVELS = ("country", "adm1", "adm2")
TARGETS = ("fatalities", "events")
FREQS = {"month": "M", "week": "W-SUN"}
# Simplified district polygons leave hairline gaps and slivers: regions closer than this
# (degrees, about 110 m) are neighbours. A strict `touches` finds under a quarter of the pairs.
NEIGHBOUR_TOLERANCE = 0.001

_REGION_COLUMN = {"country": "country_iso3", "adm1": "adm1_id", "adm2": "adm2_id"}


@dataclass(frozen=True)
class PanelSpec:
    level: str = "adm2"
    target: str = "fatalities"
    freq: str = "month"
    countries: tuple[str, ...] = ()
    actor: str | None = None
    violence_type: str | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {self.level!r}")
        if self.target not in TARGETS:
            raise ValueError(f"target must be one of {TARGETS}, got {self.target!r}")
        if self.freq not in FREQS:
            raise ValueError(f"freq must be one of {tuple(FREQS)}, got {self.freq!r}")
        for code in self.countries:
            if len(code) != 3 or not code.isupper():
                raise ValueError(f"countries must be ISO3 codes like 'PAK', got {code!r}")

    @property
    def period_column(self) -> str:
        return self.freq


def period_label(period: pd.Period) -> str:
    """'YYYY-MM' for months, the Monday 'YYYY-MM-DD' for weeks."""
    if period.freqstr.startswith("W"):
        return str(period.start_time.date())
    return f"{period.year:04d}-{period.month:02d}"


def parse_period(text: str, freq: str) -> pd.Period:
    try:
        return pd.Period(text, freq=FREQS[freq])
    except (ValueError, TypeError):
        expected = "YYYY-MM" if freq == "month" else "a date YYYY-MM-DD in the week"
        raise ValueError(f"expected {expected}, got {text!r}") from None


@dataclass
class Panel:
    """Values per period (rows) and region (columns), with what features need beside them."""

    spec: PanelSpec
    values: pd.DataFrame  # PeriodIndex named "period"; one float column per region id, sorted
    regions: pd.DataFrame  # index region_id: name, parent_id, iso3
    neighbours: pd.DataFrame  # region_id, neighbour_id, cross_border
    events: pd.DataFrame = field(
        repr=False
    )  # region_id, period, date_start, deaths, actor1, actor2

    @property
    def region_ids(self) -> list[str]:
        return list(self.values.columns)

    @property
    def periods(self) -> pd.PeriodIndex:
        return pd.PeriodIndex(self.values.index)

    @property
    def last_period(self) -> pd.Period:
        return self.periods[-1]

    def until(self, period: pd.Period | str) -> Panel:
        """The panel as it was known at the end of `period`: nothing later survives."""
        if isinstance(period, str):
            period = parse_period(period, self.spec.freq)
        values = self.values.loc[self.values.index <= period]
        events = self.events.loc[self.events["period"] <= period]
        return replace(self, values=values, events=events)

    def long(self) -> pd.DataFrame:
        """region_id, month (or week), value: one row per region and period."""
        out = (
            self.values.rename_axis(index="period")
            .reset_index()
            .melt(id_vars="period", var_name="region_id", value_name="value")
        )
        out[self.spec.period_column] = [period_label(p) for p in out["period"]]
        return out[["region_id", self.spec.period_column, "value"]]


def _where(spec: PanelSpec, region_column: str) -> tuple[str, list[Any]]:
    clauses = [f"{region_column} IS NOT NULL"]
    params: list[Any] = []
    if spec.countries:
        clauses.append(f"country_iso3 IN ({', '.join('?' * len(spec.countries))})")
        params += list(spec.countries)
    if spec.actor:
        clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
        params += [f"%{spec.actor}%"] * 2
    if spec.violence_type:
        clauses.append("violence_type = ?")
        params.append(spec.violence_type)
    return " AND ".join(clauses), params


def _regions(store: Store, spec: PanelSpec) -> pd.DataFrame:
    """The level's regions in the spec's countries; by default the countries with events.

    A country with boundaries but no events in the store is left out unless asked for: no data
    is not evidence of no violence.
    """
    level = "adm0" if spec.level == "country" else spec.level
    frame = store.regions(level, geometry="shapely")
    countries = spec.countries or tuple(
        r[0] for r in store.con.execute("SELECT DISTINCT country_iso3 FROM events").fetchall()
    )
    frame = frame[frame["iso3"].isin(countries)]
    return frame.set_index("region_id").sort_index()


def neighbour_pairs(regions: pd.DataFrame, tolerance: float = NEIGHBOUR_TOLERANCE) -> pd.DataFrame:
    """Pairs of regions whose boundaries come within `tolerance` degrees, both directions."""
    if regions.empty:
        return pd.DataFrame({"region_id": [], "neighbour_id": [], "cross_border": []})
    geometries = np.asarray(regions["geometry"].tolist(), dtype=object)
    tree = STRtree(geometries)
    left, right = tree.query(geometries, predicate="dwithin", distance=tolerance)
    keep = left != right
    left, right = left[keep], right[keep]
    ids = regions.index.to_numpy()
    iso3 = regions["iso3"].to_numpy()
    return pd.DataFrame(
        {
            "region_id": ids[left],
            "neighbour_id": ids[right],
            "cross_border": iso3[left] != iso3[right],
        }
    ).sort_values(["region_id", "neighbour_id"], ignore_index=True)


def build_panel(
    store: Store,
    spec: PanelSpec | None = None,
    *,
    start: str | None = None,
    end: str | None = None,
    with_neighbours: bool = True,
    **spec_fields: Any,
) -> Panel:
    """The balanced panel for `spec` from `start` (default: first event) to `end` (last event)."""
    spec = spec or PanelSpec(**spec_fields)
    region_column = _REGION_COLUMN[spec.level]
    where, params = _where(spec, region_column)
    events = store.query(
        f"""SELECT {region_column} AS region_id, date_start, coalesce(deaths_best, 0) AS deaths,
                   actor1, actor2
            FROM counted_events WHERE {where} ORDER BY date_start, event_id""",
        params,
    )
    freq = FREQS[spec.freq]
    events["period"] = pd.PeriodIndex(pd.to_datetime(events["date_start"]), freq=freq)
    regions = _regions(store, spec)
    if spec.level == "country":
        # Countries are columns when they have events or boundaries.
        ids = sorted(set(events["region_id"]) | set(regions.index))
    else:
        ids = list(regions.index)
        events = events[events["region_id"].isin(regions.index)]
    if not ids:
        raise ValueError(f"no {spec.level} regions in the store for {spec.countries or 'any'}")
    first = parse_period(start, spec.freq) if start else None
    last = parse_period(end, spec.freq) if end else None
    if first is None:
        first = events["period"].min() if len(events) else last
    if last is None:
        last = events["period"].max() if len(events) else first
    if first is None or last is None:
        raise ValueError("the store has no events for this panel: give start and end")
    periods = pd.period_range(first, last, freq=freq, name="period")
    events = events[(events["period"] >= first) & (events["period"] <= last)].reset_index(drop=True)
    value = "deaths" if spec.target == "fatalities" else None
    grouped = events.groupby(["period", "region_id"])
    counts = grouped["deaths"].sum() if value else grouped.size()
    values = (
        counts.astype("float64")
        .unstack("region_id")
        .reindex(index=periods, columns=ids, fill_value=0.0)
        .fillna(0.0)
    )
    values.columns.name = None
    meta = regions.drop(columns=["geometry", "level", "origin"], errors="ignore").reindex(ids)
    neighbours = (
        neighbour_pairs(regions.reindex([i for i in ids if i in regions.index]))
        if with_neighbours and "geometry" in regions
        else neighbour_pairs(regions.iloc[0:0])
    )
    return Panel(spec, values, meta, neighbours, events)


def region_geometry(store: Store, level: str, ids: list[str]) -> list[Any]:
    """Shapely geometries for `ids` at `level` (None where unknown), for maps."""
    frame = store.regions("adm0" if level == "country" else level, geometry="shapely")
    lookup = dict(zip(frame["region_id"], frame["geometry"], strict=True))
    return [lookup.get(i) if isinstance(lookup.get(i), shapely.Geometry) else None for i in ids]
