"""Detectors: each a pure function of `AlertData` (the store up to one month) to alerts.

- surge: a negative binomial CUSUM per region on its monthly series against its own lagged
  baseline (not a fixed multiplier of last month);
- forecast_threshold: P(>= k fatalities in one of the next months) from a forecast, above a level;
- new_actor: a group active in a region for the first time, or after a long gap;
- spillover: rising violence in a region adjacent to another country after a surge there;
- rule: the user's own thresholds (see rules.py).

Every alert is open at `as_of`: its `period_end` is `as_of`.

Scores and severities, per kind:
- surge: CUSUM statistic / threshold (1 to 2 while open); severity by the fatalities of the
  run (>= 10 medium, >= 50 high);
- forecast_threshold: the probability; >= 0.5 medium, >= 0.8 high;
- new_actor: the group's events in the region since it appeared; by their fatalities (>= 1
  medium, >= 10 high);
- spillover: recent events / the level before; >= 2 medium, >= 4 high;
- rule: value / threshold; the rule's own severity.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..actors import UNNAMED_PREFIXES
from ..wording import count
from .history import AlertData
from .records import Alert, month_label, severity_for

if TYPE_CHECKING:
    from ..models import Forecast

MAX_EVIDENCE_EVENTS = 50
# Actor names that say who was hit or who governs, not which group is new in a region.
DEFAULT_IGNORED_ACTORS = ("Civilians",)


# --- the CUSUM ---------------------------------------------------------------------------------


def lagged_mean(x: np.ndarray, window: int, guard: int, min_months: int) -> np.ndarray:
    """Per month t, the mean of x over months [t - guard - window + 1, t - guard] (NaN before
    `min_months` of history). `guard` >= 1 keeps the month being judged, and the months just
    before it, out of its own baseline, so a build-up does not raise its own bar."""
    n_t = x.shape[0]
    csum = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    hi = np.arange(n_t) - guard + 1  # exclusive end index into csum
    lo = np.maximum(hi - window, 0)
    hi_c = np.clip(hi, 0, n_t)
    lo_c = np.clip(lo, 0, n_t)
    length = (hi_c - lo_c).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (csum[hi_c] - csum[lo_c]) / length[:, None]
    mean[length < min_months] = np.nan
    return mean


def cusum_llr(x: np.ndarray, mu0: np.ndarray, ratio: float, dispersion: float | None) -> np.ndarray:
    """Log-likelihood ratio of each observation: mean ratio*mu0 against mu0 (Poisson when
    `dispersion` is None, else negative binomial with that size parameter)."""
    mu1 = ratio * mu0
    if dispersion is None:
        return x * np.log(ratio) - (mu1 - mu0)
    k = dispersion
    return x * np.log(mu1 * (k + mu0) / (mu0 * (k + mu1))) + k * np.log((k + mu0) / (k + mu1))


def cusum(llr: np.ndarray, cap: float) -> np.ndarray:
    """S_t = min(cap, max(0, S_{t-1} + llr_t)) per column; NaN llr counts as 0."""
    llr = np.nan_to_num(llr, nan=0.0)
    out = np.empty_like(llr)
    s = np.zeros(llr.shape[1])
    for t in range(llr.shape[0]):
        s = np.minimum(cap, np.maximum(0.0, s + llr[t]))
        out[t] = s
    return out


@dataclass(frozen=True)
class SurgeConfig:
    """A region's own series against its lagged baseline; alarm when the CUSUM reaches
    `threshold` and the last `hold` months include one above the baseline."""

    target: str = "fatalities"  # or "events"
    ratio: float = 2.0  # the shift in mean the CUSUM is tuned to detect
    # Negative binomial size; None = Poisson. Poisson won on 2010-2014 (see BENCHMARKS.md):
    # the size gate below, not the likelihood, is what keeps single big attacks out.
    dispersion: float | None = None
    threshold: float = 5.0
    window: int = 12
    guard: int = 1
    min_months: int = 6
    floor: float = 0.5  # smallest baseline mean (a quiet region is not a zero-rate one)
    hold: int = 1
    min_size: float = 10.0  # the run must hold a month with at least this many
    min_events: int = 2  # ... in at least this many events

    def __post_init__(self) -> None:
        if self.target not in ("fatalities", "events"):
            raise ValueError(f"surge target must be fatalities or events, got {self.target!r}")
        if self.ratio <= 1:
            raise ValueError(f"surge ratio must be > 1, got {self.ratio}")
        if self.threshold <= 0 or self.window < 1 or self.guard < 1 or self.hold < 1:
            raise ValueError(f"surge settings out of range: {self}")


def surge_state(
    values: np.ndarray, cfg: SurgeConfig, counts: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(open, statistic, baseline), each (months, regions), over the whole history."""
    base = lagged_mean(values, cfg.window, cfg.guard, cfg.min_months)
    mu0 = np.maximum(np.nan_to_num(base, nan=cfg.floor), cfg.floor)
    llr = cusum_llr(values, mu0, cfg.ratio, cfg.dispersion)
    llr[np.isnan(base)] = 0.0
    stat = cusum(llr, cap=2.0 * cfg.threshold)
    rising = values > mu0
    recent = np.zeros_like(rising)
    for lag in range(cfg.hold):
        recent[lag:] |= rising[: len(rising) - lag]
    big = values >= cfg.min_size
    if counts is not None:
        big &= counts >= cfg.min_events
    alarm = (stat >= cfg.threshold) & recent
    # The run must include a month of real size: no alarm on 0 -> 2 in a quiet place.
    opened = np.zeros_like(alarm)
    seen_big = np.zeros(values.shape[1], dtype=bool)
    for t in range(len(alarm)):
        seen_big = np.where(alarm[t], seen_big | big[t], False)
        opened[t] = alarm[t] & seen_big
    return opened, stat, mu0


def _run_start(opened: np.ndarray, col: int) -> int:
    t = len(opened) - 1
    while t > 0 and opened[t - 1, col]:
        t -= 1
    return t


def _event_ids(data: AlertData, region_id: str, first: pd.Period) -> list[str]:
    rows = data.events
    chosen = rows[(rows["region_id"] == region_id) & (rows["period"] >= first)]
    chosen = chosen.sort_values("deaths", ascending=False, kind="stable")
    return [str(e) for e in chosen["event_id"].head(MAX_EVIDENCE_EVENTS)]


def surge(data: AlertData, cfg: SurgeConfig | None = None) -> list[Alert]:
    cfg = cfg or SurgeConfig()
    table = data.fatalities if cfg.target == "fatalities" else data.counts
    if table.empty:
        return []
    values = table.to_numpy(float)
    opened, stat, mu0 = surge_state(values, cfg, data.counts.to_numpy(float))
    months = data.months
    alerts = []
    unit = "fatality" if cfg.target == "fatalities" else "event"
    deaths = data.fatalities.reindex(columns=table.columns).to_numpy(float)
    for col in (int(c) for c in np.flatnonzero(opened[-1])):
        region = str(table.columns[col])
        start = _run_start(opened, col)
        run = values[start:, col]
        first = months[start]
        score = float(stat[-1, col] / cfg.threshold)
        total_deaths = float(deaths[start:, col].sum())
        name = _name(data, region)
        alerts.append(
            Alert(
                kind="surge",
                level=data.level,
                region_id=region,
                period_start=month_label(first),
                period_end=month_label(months[-1]),
                score=round(score, 4),
                severity=severity_for(total_deaths, 10, 50),
                message=(
                    f"{name}: {count(run.sum(), unit, zero='0')} since {month_label(first)} "
                    f"({values[-1, col]:g} in {month_label(months[-1])}), against about "
                    f"{mu0[start, col]:.1f} a month before."
                ),
                evidence={
                    "event_ids": _event_ids(data, region, first),
                    "target": cfg.target,
                    "monthly": {
                        month_label(m): float(v) for m, v in zip(months[start:], run, strict=True)
                    },
                    "baseline": round(float(mu0[start, col]), 4),
                    "cusum": round(float(stat[-1, col]), 4),
                    "threshold": cfg.threshold,
                },
            )
        )
    return alerts


# --- forecast threshold ------------------------------------------------------------------------


@dataclass(frozen=True)
class ThresholdConfig:
    """Alert when P(>= k fatalities in a month within `horizon`) >= `level`, where k is
    `fatalities`, raised to `relative` times the region's mean of its last 12 months."""

    fatalities: float = 10.0
    relative: float | None = 2.0
    level: float = 0.4
    horizon: int = 2
    model: str = "history"
    draws: int = 500

    def __post_init__(self) -> None:
        if not 0 < self.level <= 1:
            raise ValueError(f"threshold level must be in (0, 1], got {self.level}")
        if self.fatalities <= 0 or self.horizon < 1 or self.draws < 1:
            raise ValueError(f"threshold settings out of range: {self}")


def exceedance(draws: np.ndarray, k: np.ndarray) -> np.ndarray:
    """P(value >= k) per (period, region) from draws of shape (periods, regions, draws)."""
    return (draws >= k[None, :, None]).mean(axis=2)


def threshold_levels(data: AlertData, cfg: ThresholdConfig, region_ids: list[str]) -> np.ndarray:
    k = np.full(len(region_ids), cfg.fatalities)
    if cfg.relative:
        recent = data.fatalities.iloc[-12:].reindex(columns=region_ids).fillna(0.0)
        k = np.maximum(k, cfg.relative * recent.mean(axis=0).to_numpy())
    return k


def forecast_threshold(
    data: AlertData,
    forecast: Forecast,
    cfg: ThresholdConfig | None = None,
    run_id: int | None = None,
) -> list[Alert]:
    """Alerts from a forecast made at `data.as_of` (its first period must be the next month)."""
    cfg = cfg or ThresholdConfig()
    if forecast.periods and forecast.periods[0] != data.as_of + 1:
        raise ValueError(
            f"the forecast starts at {forecast.periods[0]}, not the month after {data.as_of}"
        )
    regions = list(forecast.region_ids)
    horizon = min(cfg.horizon, forecast.draws.shape[0])
    draws = forecast.draws[:horizon]
    k = threshold_levels(data, cfg, regions)
    prob = exceedance(draws, k)
    # P(at least one month >= k), the months treated as independent given the draws.
    p_any = 1.0 - np.prod(1.0 - prob, axis=0)
    alerts = []
    as_of = month_label(data.as_of)
    # The tolerance: 1 - (1 - 0.2) is 0.19999999999999996.
    for col in np.flatnonzero(p_any >= cfg.level - 1e-9):
        region = regions[col]
        rows = [
            {
                "period": month_label(forecast.periods[h]),
                "p": round(float(prob[h, col]), 4),
                "mean": round(float(draws[h, col].mean()), 3),
                "q95": float(np.quantile(draws[h, col], 0.95)),
            }
            for h in range(horizon)
        ]
        months = "next month" if horizon == 1 else f"a month of the next {horizon}"
        alerts.append(
            Alert(
                kind="forecast_threshold",
                level=data.level,
                region_id=region,
                period_start=as_of,
                period_end=as_of,
                score=round(float(p_any[col]), 4),
                severity=severity_for(float(p_any[col]), 0.5, 0.8),
                message=(
                    f"{_name(data, region)}: {p_any[col]:.0%} chance of {k[col]:.0f} or more "
                    f"fatalities in {months} ({forecast.model} forecast as of {as_of})."
                ),
                evidence={
                    "forecast": rows,
                    "model": forecast.model,
                    "run_id": run_id,
                    "fatalities_threshold": round(float(k[col]), 2),
                },
            )
        )
    return alerts


# --- new actor ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewActorConfig:
    """A group seen in a region for the first time, or after `gap` months without it; the
    alert stays open `open_months` months. Regions need `gap` months of data before it.

    Names are resolved with the actor table (`signalfire.actors`): spellings of one group are
    one actor, `actor_id` is the table's id ("new_<slug>" for a name it lacks). State forces
    and civilians are not "new actors" by default: they say who governs or who was hit."""

    gap: int = 24
    open_months: int = 3
    ignored_kinds: tuple[str, ...] = ("state_force", "civilians")
    ignore_government: bool = True  # "Government of ..." names even when the table lacks them
    ignored: tuple[str, ...] = DEFAULT_IGNORED_ACTORS
    min_events: int = 1


@cache
def _actor_table() -> Any:
    from ..actors import ActorTable

    return ActorTable.load()


@cache
def resolve_actor(name: str) -> tuple[str, str, str]:
    """(actor_id, name, kind) of a dataset's actor name, or of a text event's actor id
    ("afg_military"), from the actor table."""
    table = _actor_table()
    actor = table.get(name) if name in table else table.resolve_or_new(name)
    return str(actor.actor_id), str(actor.name), str(actor.kind)


def _actor_rows(data: AlertData, cfg: NewActorConfig) -> pd.DataFrame:
    rows = data.events.dropna(subset=["region_id"])
    long = pd.concat(
        [
            rows[["event_id", "region_id", "period", "deaths", "actor1"]].rename(
                columns={"actor1": "actor"}
            ),
            rows[["event_id", "region_id", "period", "deaths", "actor2"]].rename(
                columns={"actor2": "actor"}
            ),
        ],
        ignore_index=True,
    ).dropna(subset=["actor"])
    long = long[~long["actor"].isin(cfg.ignored)]
    long = long[~long["actor"].astype(str).str.lower().str.startswith(UNNAMED_PREFIXES)]
    if cfg.ignore_government:
        long = long[~long["actor"].astype(str).str.startswith("Government of")]
    resolved = {name: resolve_actor(str(name)) for name in long["actor"].unique()}
    long = long.assign(
        actor_name=long["actor"],
        actor=long["actor"].map(lambda n: resolved[n][0]),
        kind=long["actor"].map(lambda n: resolved[n][2]),
    )
    return long[~long["kind"].isin(cfg.ignored_kinds)]


def new_actor(data: AlertData, cfg: NewActorConfig | None = None) -> list[Alert]:
    cfg = cfg or NewActorConfig()
    if data.events.empty:
        return []
    long = _actor_rows(data, cfg)
    as_of = data.as_of
    data_start = data.months[0]
    recent_from = as_of - (cfg.open_months - 1)
    recent = long[long["period"] >= recent_from]
    if recent.empty:
        return []
    keys = ["region_id", "actor"]
    first_recent = recent.groupby(keys)["period"].min().rename("first_recent")
    sizes = recent.groupby(keys)["event_id"].nunique()
    first_recent = first_recent[sizes >= cfg.min_events]
    # The last month each pair was seen before its recent return (none: never seen before).
    past = long.merge(first_recent.reset_index(), on=keys)
    past = past[past["period"] < past["first_recent"]]
    last_before = past.groupby(keys)["period"].max()
    reach = long.groupby("actor")["region_id"].nunique()
    table = _actor_table()
    alerts = []
    for region, actor, first in first_recent.reset_index().itertuples(index=False, name=None):
        previous = last_before.get((region, actor))
        if previous is not None:
            if (first - previous).n <= cfg.gap:
                continue
            why = f"first seen there since {month_label(previous)}"
        else:
            if (first - data_start).n < cfg.gap:
                continue  # too little history to call it new
            why = "never seen there before"
        rows = recent[(recent["region_id"] == region) & (recent["actor"] == actor)]
        # A text event's actor id ("haqqani") is shown by its name in the table.
        names = sorted(
            {resolve_actor(n)[1] if n in table else n for n in map(str, rows["actor_name"])}
        )
        deaths = float(rows["deaths"].sum())
        n_events = int(rows["event_id"].nunique())
        alerts.append(
            Alert(
                kind="new_actor",
                level=data.level,
                region_id=str(region),
                actor_id=str(actor),
                period_start=month_label(first),
                period_end=month_label(as_of),
                score=float(n_events),
                severity=severity_for(deaths, 1, 10),
                message=(
                    f"{names[0]} active in {_name(data, str(region))} "
                    f"({count(n_events, 'event', zero='0')}, "
                    f"{count(deaths, 'fatality', zero='0')} since {month_label(first)}): {why}."
                ),
                evidence={
                    "event_ids": [str(e) for e in rows["event_id"].head(MAX_EVIDENCE_EVENTS)],
                    "actor_names": names,
                    "regions_elsewhere": int(reach.get(actor, 1)) - 1,
                    "previous_month": month_label(previous) if previous is not None else None,
                },
            )
        )
    return alerts


# --- cross-border spillover --------------------------------------------------------------------


@dataclass(frozen=True)
class SpilloverConfig:
    """A region bordering another country is rising (its last `window` months above
    `rise` times its mean of the 12 before) after that country surged: the country's series
    (events located there, or its country-month fatalities when it has no events) was in a
    CUSUM alarm in one of the last `after` months, or a bordering region over there is in a
    surge now."""

    window: int = 3
    rise: float = 1.5
    min_events: int = 2
    after: int = 3
    region: SurgeConfig = SurgeConfig()  # surges of bordering regions over there
    country: SurgeConfig = SurgeConfig(
        ratio=1.5, dispersion=5.0, threshold=3.0, floor=10.0, min_size=50.0, window=12
    )


def _country_surges(data: AlertData, cfg: SpilloverConfig) -> dict[str, dict[str, Any]]:
    """Countries in a surge at as_of, from their event totals or their country-month series."""
    series: dict[str, pd.Series] = {}
    by_country = data.events.groupby(["period", "iso3"])["deaths"].sum().unstack("iso3")
    for iso3 in by_country.columns:
        series[str(iso3)] = by_country[iso3].reindex(data.months, fill_value=0.0).fillna(0.0)
    for iso3 in data.country_months.columns:
        if str(iso3) not in series:
            series[str(iso3)] = data.country_months[iso3]
    found = {}
    for iso3, values in series.items():
        clean = values.dropna()
        if len(clean) < cfg.country.min_months + cfg.country.guard or clean.index[-1] != data.as_of:
            continue
        opened, _, mu0 = surge_state(clean.to_numpy(float)[:, None], cfg.country)
        recent = np.flatnonzero(opened[-cfg.after :, 0])
        if len(recent):
            t = len(clean) - cfg.after + int(recent[-1])
            found[iso3] = {
                "source": "events" if iso3 in by_country.columns else "country_months",
                "surge_month": month_label(pd.Period(clean.index[t], freq="M")),
                "fatalities": float(clean.iloc[t]),
                "baseline": round(float(mu0[t, 0]), 1),
            }
    return found


def spillover(data: AlertData, cfg: SpilloverConfig | None = None) -> list[Alert]:
    cfg = cfg or SpilloverConfig()
    if data.cross_border.empty or data.counts.empty:
        return []
    surging = _country_surges(data, cfg)
    surge_regions = {a.region_id for a in surge(data, cfg.region)}
    counts = data.counts
    recent = counts.iloc[-cfg.window :].sum(axis=0)
    before = counts.iloc[-cfg.window - 12 : -cfg.window].mean(axis=0) * cfg.window
    alerts = []
    as_of = month_label(data.as_of)
    for region, group in data.cross_border.groupby("region_id", sort=True):
        if region not in counts.columns:
            continue
        rising = recent[region] >= cfg.min_events and recent[region] > cfg.rise * max(
            before[region], 0.5
        )
        if not rising:
            continue
        over_there = sorted(set(group["neighbour_iso3"]) & set(surging))
        nbr_surges = sorted(set(group["neighbour_id"]) & surge_regions)
        if not over_there and not nbr_surges:
            continue
        causes = [f"{c} ({surging[c]['source']})" for c in over_there] + nbr_surges
        ratio = float(recent[region] / max(before[region], 0.5))
        alerts.append(
            Alert(
                kind="spillover",
                level=data.level,
                region_id=str(region),
                period_start=as_of,
                period_end=as_of,
                score=round(ratio, 3),
                severity=severity_for(ratio, 2.0, 4.0),
                message=(
                    f"{_name(data, str(region))}: {count(recent[region], 'event', zero='0')} "
                    f"in the last {cfg.window} months (about {before[region]:.1f} before), "
                    f"across the border from a surge in {', '.join(causes)}."
                ),
                evidence={
                    "event_ids": _event_ids(data, str(region), data.as_of - (cfg.window - 1)),
                    "countries": {c: surging[c] for c in over_there},
                    "neighbour_surges": nbr_surges,
                    "border_neighbours": sorted(str(n) for n in group["neighbour_id"]),
                },
            )
        )
    return alerts


def _name(data: AlertData, region_id: str) -> str:
    if "name" in data.regions.columns and region_id in data.regions.index:
        return f"{data.regions.at[region_id, 'name']!s} ({region_id})"
    return region_id
