"""What the detectors read: the store's events and series up to the end of one month."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..panel import neighbour_pairs
from ..store import Store
from .records import month_label, parse_month

_REGION_COLUMN = {"adm0": "country_iso3", "adm1": "adm1_id", "adm2": "adm2_id"}


@dataclass(frozen=True)
class AlertData:
    """Monthly fatalities and event counts per region (rows: months, columns: regions), the
    event rows behind them, cross-border neighbours and country-month series, all up to and
    including `as_of`. Nothing after `as_of` is ever loaded."""

    level: str
    as_of: pd.Period
    fatalities: pd.DataFrame
    counts: pd.DataFrame
    # Every event (located at this level or not): event_id, region_id, period, deaths, actor1,
    # actor2, violence_type, iso3, adm1_id, adm2_id.
    events: pd.DataFrame
    regions: pd.DataFrame  # index region_id: name, iso3 (every region of the level)
    cross_border: pd.DataFrame  # region_id, neighbour_id, neighbour_iso3
    country_months: pd.DataFrame  # index month (Period), one column per iso3: fatalities

    @property
    def months(self) -> pd.PeriodIndex:
        return pd.PeriodIndex(self.fatalities.index)

    def until(self, month: pd.Period | str) -> AlertData:
        """The data as it was known at the end of `month`."""
        if isinstance(month, str):
            month = parse_month(month)
        keep = self.fatalities.index <= month
        return replace(
            self,
            as_of=month,
            fatalities=self.fatalities.loc[keep],
            counts=self.counts.loc[keep],
            events=self.events.loc[self.events["period"] <= month],
            country_months=self.country_months.loc[self.country_months.index <= month],
        )


def month_end(month: pd.Period) -> str:
    return f"{month.year:04d}-{month.month:02d}-{calendar.monthrange(month.year, month.month)[1]}"


def load(store: Store, as_of: str, level: str = "adm2", start: str | None = None) -> AlertData:
    """Everything the detectors need, from events that started on or before the end of `as_of`.

    Region columns are the level's regions in the countries with events by then (no data is
    not evidence of no violence); `start` defaults to the month of the first event.
    """
    if level not in _REGION_COLUMN:
        raise ValueError(f"level must be one of {tuple(_REGION_COLUMN)}, got {level!r}")
    last = parse_month(as_of)
    column = _REGION_COLUMN[level]
    events = store.query(
        f"""SELECT event_id, {column} AS region_id, date_start,
                   coalesce(deaths_best, 0) AS deaths, actor1, actor2, violence_type,
                   country_iso3 AS iso3, adm1_id, adm2_id
            FROM counted_events WHERE date_start <= CAST(? AS DATE)
            ORDER BY date_start, event_id""",
        [month_end(last)],
    )
    events["period"] = pd.PeriodIndex(pd.to_datetime(events["date_start"]), freq="M")
    countries = sorted(set(events["iso3"].dropna()))
    all_regions = store.regions(level, geometry="shapely")
    if level == "adm0":
        all_regions["region_id"] = all_regions["iso3"]
    all_regions = all_regions.drop_duplicates("region_id").set_index("region_id").sort_index()
    regions = all_regions[all_regions["iso3"].isin(countries)]
    ids = list(regions.index)
    first = parse_month(start) if start else (events["period"].min() if len(events) else last)
    months = pd.period_range(min(first, last), last, freq="M", name="period")
    located = events[events["region_id"].isin(ids) & (events["period"] >= months[0])]
    grouped = located.groupby(["period", "region_id"])
    fatalities = _wide(grouped["deaths"].sum(), months, ids)
    counts = _wide(grouped.size(), months, ids)
    pairs = neighbour_pairs(all_regions)
    cross = pairs[pairs["cross_border"].astype(bool)].copy()
    cross["neighbour_iso3"] = all_regions["iso3"].reindex(cross["neighbour_id"]).to_numpy()
    cross = cross[["region_id", "neighbour_id", "neighbour_iso3"]].reset_index(drop=True)
    series = store.query(
        "SELECT iso3, month, fatalities FROM country_months WHERE month <= ?", [month_label(last)]
    )
    if len(series):
        series["month"] = pd.PeriodIndex(series["month"], freq="M")
        wide = series.pivot_table(index="month", columns="iso3", values="fatalities")
        wide = wide.reindex(pd.period_range(wide.index.min(), last, freq="M", name="month"))
    else:
        wide = pd.DataFrame(index=pd.PeriodIndex([], freq="M", name="month"))
    meta = regions.drop(columns=["geometry", "level", "origin"], errors="ignore")
    events = events[events["period"] >= months[0]].reset_index(drop=True)
    return AlertData(level, last, fatalities, counts, events, meta, cross, wide)


def _wide(series: pd.Series, months: pd.PeriodIndex, ids: list[str]) -> pd.DataFrame:
    if series.empty:
        return pd.DataFrame(np.zeros((len(months), len(ids))), index=months, columns=ids)
    out = (
        series.astype("float64")
        .unstack("region_id")
        .reindex(index=months, columns=ids, fill_value=0.0)
        .fillna(0.0)
    )
    out.columns.name = None
    return out
