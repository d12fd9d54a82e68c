"""Replay history month by month and score the alerts against the surges that then happened.

What counts as a real surge is fixed here, apart from every detector, and never tuned:

    A district-month is a *surge month* when it has at least 10 fatalities, in at least 2
    events, and at least 3 times the district's mean monthly fatalities over the 12 months
    before. A *surge* starts at a surge month with no surge month in the 3 months before it
    (a surge that goes on for months is one surge).

Scoring. An alert is raised in the month it first opens (`period_start`; dedup makes an
ongoing alert one alert). It *catches* a surge in its region that starts in the month it is
raised or in the `window` (3) months after; its lead time is start month - raised month (0:
raised at the end of the surge's first month, from that month's data). Precision: the share of
alerts raised in the period that catch a surge. Recall: the share of surges starting in the
period caught by an alert. False alerts per region-year: alerts that catch nothing, per region
and year of the period. Only alerts and surge starts within [start, end] are counted; surges
up to `window` months after `end` may be caught (they are known when scoring, never when
alerting).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import NotFoundError
from ..store import Store
from .detectors import ThresholdConfig
from .history import AlertData, load
from .records import Alert, merge, month_index, month_label, parse_month

SURGE_MIN_FATALITIES = 10.0
SURGE_MIN_EVENTS = 2
SURGE_RATIO = 3.0
SURGE_BASELINE_MONTHS = 12
SURGE_QUIET_MONTHS = 3
MATCH_WINDOW = 3


def surge_months(fatalities: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """True where a region-month is a surge month (the definition above)."""
    f = fatalities.to_numpy(float)
    c = counts.reindex_like(fatalities).fillna(0.0).to_numpy(float)
    past = np.full_like(f, np.nan)
    csum = np.vstack([np.zeros((1, f.shape[1])), np.cumsum(f, axis=0)])
    for t in range(SURGE_BASELINE_MONTHS, len(f)):
        past[t] = (csum[t] - csum[t - SURGE_BASELINE_MONTHS]) / SURGE_BASELINE_MONTHS
    surge = (
        (f >= SURGE_MIN_FATALITIES)
        & (c >= SURGE_MIN_EVENTS)
        & (f >= SURGE_RATIO * np.nan_to_num(past, nan=np.inf))
    )
    return pd.DataFrame(surge, index=fatalities.index, columns=fatalities.columns)


def surge_onsets(fatalities: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """region_id, month (YYYY-MM) of every surge start."""
    months = surge_months(fatalities, counts)
    values = months.to_numpy()
    rows = []
    for col, region in enumerate(months.columns):
        last = -(10**9)
        for t in (int(i) for i in np.flatnonzero(values[:, col])):
            if t - last > SURGE_QUIET_MONTHS:
                rows.append((str(region), month_label(pd.Period(months.index[t], freq="M"))))
            last = t
    return pd.DataFrame(rows, columns=["region_id", "month"])


# --- replay ------------------------------------------------------------------------------------


ForecastFn = Callable[[AlertData], Any]


def panel_forecaster(
    store: Store, level: str, cfg: ThresholdConfig, end: str
) -> Callable[[AlertData], Any]:
    """A forecast per origin: the ThresholdConfig model fitted on the panel up to that month."""
    from ..models import get_model
    from ..panel import PanelSpec, build_panel

    spec = PanelSpec(level={"adm0": "country"}.get(level, level), target="fatalities")
    panel = build_panel(store, spec, end=end, with_neighbours=True)

    def forecast(data: AlertData) -> Any:
        past = panel.until(data.as_of)
        model = get_model(cfg.model, seed=0).fit(past)
        return model.predict(cfg.horizon, draws=cfg.draws), None

    return forecast


@dataclass
class Replay:
    start: str
    end: str
    level: str
    alerts: dict[str, list[Alert]]  # per detector kind, deduplicated
    seconds: float
    data: AlertData  # everything up to `end` + MATCH_WINDOW months, for scoring
    regions: int


def replay(
    store: Store,
    start: str,
    end: str,
    *,
    level: str = "adm2",
    detectors: Iterable[Any] | None = None,
    forecaster: ForecastFn | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Replay:
    """Run the detectors as of every month from `start` to `end`, each time on the data up to
    that month only, folding ongoing alerts together as the store would."""
    from . import detector_configs, run_detectors

    configs = detector_configs(detectors)
    first, last = parse_month(start), parse_month(end)
    if last < first:
        raise ValueError(f"end {end} is before start {start}")
    began = time.perf_counter()
    scoring_end = month_label(last + MATCH_WINDOW)
    full = load(store, scoring_end, level)
    if full.fatalities.shape[1] == 0:
        raise NotFoundError(
            f"no {level} regions with events in the store up to {scoring_end}: "
            "load boundaries and ingest events first"
        )
    threshold = configs.get("forecast_threshold")
    if threshold is not None and forecaster is None:
        assert isinstance(threshold, ThresholdConfig)
        forecaster = panel_forecaster(store, level, threshold, end)
    kept: dict[str, list[Alert]] = {name: [] for name in configs}
    months = pd.period_range(first, last, freq="M")
    for i, month in enumerate(months):
        data = full.until(month)
        fc = forecaster(data) if threshold is not None and forecaster is not None else None
        found = run_detectors(data, configs, forecast=fc)
        for kind in kept:
            mine = [a for a in found if a.kind == kind]
            if mine:
                kept[kind] = merge(kept[kind], mine)
        if progress:
            progress(i + 1, len(months))
    return Replay(
        start,
        end,
        level,
        kept,
        time.perf_counter() - began,
        full,
        int(full.fatalities.shape[1]),
    )


def naive_alerts(data: AlertData, start: str, end: str, ratio: float = 2.0) -> list[Alert]:
    """The naive rule: alert when last month's fatalities exceed `ratio` x the 12-month mean
    before it (and are above zero), deduplicated like every detector."""
    f = data.fatalities.to_numpy(float)
    ids = [str(c) for c in data.fatalities.columns]
    first, last = month_index(start), month_index(end)
    alerts: list[Alert] = []
    for t, month in enumerate(data.months):
        m = month.year * 12 + month.month - 1
        if not first <= m <= last or t < SURGE_BASELINE_MONTHS:
            continue
        mean12 = f[t - SURGE_BASELINE_MONTHS : t].mean(axis=0)
        fire = (f[t] > ratio * mean12) & (f[t] > 0)
        found = [
            Alert(
                kind="surge",
                level=data.level,
                region_id=ids[int(c)],
                period_start=month_label(month),
                period_end=month_label(month),
                score=float(f[t, c]),
                severity="low",
                message="naive rule",
            )
            for c in np.flatnonzero(fire)
        ]
        if found:
            alerts = merge(alerts, found)
    return alerts


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Score:
    name: str
    alerts: int
    caught_by: int  # alerts that caught a surge
    surges: int
    caught: int
    leads: list[int] = field(default_factory=list)
    region_years: float = 1.0

    @property
    def precision(self) -> float:
        return self.caught_by / self.alerts if self.alerts else float("nan")

    @property
    def recall(self) -> float:
        return self.caught / self.surges if self.surges else float("nan")

    @property
    def median_lead(self) -> float:
        return float(np.median(self.leads)) if self.leads else float("nan")

    @property
    def false_per_region_year(self) -> float:
        return (self.alerts - self.caught_by) / self.region_years

    def row(self) -> dict[str, Any]:
        return {
            "detector": self.name,
            "alerts": self.alerts,
            "precision": round(self.precision, 3),
            "surges": self.surges,
            "caught": self.caught,
            "recall": round(self.recall, 3),
            "median_lead": self.median_lead,
            "lead_ge1_share": round(float(np.mean(np.array(self.leads) >= 1)), 3)
            if self.leads
            else float("nan"),
            "false_per_region_year": round(self.false_per_region_year, 3),
        }


def score(
    name: str,
    alerts: Iterable[Alert],
    onsets: pd.DataFrame,
    start: str,
    end: str,
    regions: int,
    window: int = MATCH_WINDOW,
) -> Score:
    first, last = month_index(start), month_index(end)
    raised = [a for a in alerts if first <= month_index(a.period_start) <= last]
    by_region: dict[str, list[int]] = {}
    for region, month in onsets.itertuples(index=False, name=None):
        by_region.setdefault(str(region), []).append(month_index(month))
    best_lead: dict[tuple[str, int], int] = {}
    caught_by = 0
    for alert in raised:
        a = month_index(alert.period_start)
        hits = [s for s in by_region.get(alert.region_id, []) if a <= s <= a + window]
        if hits:
            caught_by += 1
        for s in hits:
            key = (alert.region_id, s)
            best_lead[key] = max(best_lead.get(key, -1), s - a)
    in_period = [
        (str(r), month_index(m))
        for r, m in onsets.itertuples(index=False, name=None)
        if first <= month_index(m) <= last
    ]
    leads = [best_lead[k] for k in in_period if k in best_lead]
    years = (last - first + 1) / 12
    return Score(name, len(raised), caught_by, len(in_period), len(leads), leads, regions * years)


def evaluate(result: Replay) -> pd.DataFrame:
    """One row per detector, plus forecast_threshold + surge combined and the naive rule."""
    data = result.data
    onsets = surge_onsets(data.fatalities, data.counts)
    rows = []
    args = (onsets, result.start, result.end, result.regions)
    for kind, alerts in result.alerts.items():
        rows.append(score(kind, alerts, *args).row())
    if "surge" in result.alerts and "forecast_threshold" in result.alerts:
        both = result.alerts["surge"] + result.alerts["forecast_threshold"]
        rows.append(score("forecast_threshold+surge", both, *args).row())
    naive = naive_alerts(data, result.start, result.end)
    rows.append(score("naive (last month > 2x 12-month mean)", naive, *args).row())
    return pd.DataFrame(rows)


def summary(result: Replay, table: pd.DataFrame) -> Mapping[str, Any]:
    return {
        "start": result.start,
        "end": result.end,
        "level": result.level,
        "regions": result.regions,
        "seconds": round(result.seconds, 2),
        "detectors": table.to_dict("records"),
    }
