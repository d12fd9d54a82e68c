"""Features for (period t, region) rows of a Panel, each computed from data up to t only.

`build_features(panel)` returns one row per period and region (period-major: row k is period
k // R, region k % R) describing the state at the end of period t, to forecast t + h:

- the target's temporal lags (`lag1` is the value of t itself, `lag2` of t-1, ...), rolling
  means and maxes ending at t, months since the region's last event, and the other series
  (event counts for a fatalities panel, fatalities for an events panel);
- spatial lags: sum and mean over the region's neighbours within its country and, separately,
  over its neighbours across an international border (`panel.neighbours.cross_border`);
- the level of the region's parent (province: regions sharing `parent_id`) and country (`iso3`);
- cross-border spillover from country-month series of other countries (`exogenous`, e.g. the
  Afghan series in the store's `country_months`, see `country_series`) when given or carried
  by the panel as `panel.exogenous` (and, with `panel.borders`, only for border regions);
- actor mix: the share of the region's last-12-month events involving the nationally most
  active non-state actors of those 12 months, the share involving a foreign government, the
  number of distinct actors, and how fast the region's own actors are growing nationally (in
  events and in deaths), newcomers among them, and the same growth for the actors of its
  neighbours (`nb_actor_*`: is a group active next door escalating?), from `actor_mix`;
- a self-exciting (Hawkes) intensity: a pooled exponential-kernel Hawkes process on the event
  days (per-region background rate, self- and neighbour-excitation) fitted by maximum
  likelihood. Parameters are refitted on a fixed calendar grid (every `refit` periods); the
  rows of t use the fit at the last grid period <= t, on events up to that period only.

Nothing at row t depends on data after t: computing the features on `panel.until(t)` gives the
same row t (tests/test_features.py checks it). `feature_set` memoises on that: a truncation of a
panel already computed reuses its rows (backtests and ensembles fit at many origins).
`direct_rows` makes the training rows of the direct multi-horizon models.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .actor_mix import actor_mix, neighbour_actor_mix
from .panel import FREQS, Panel
from .panel_arrays import (
    event_arrays,
    event_days,
    group_matrix,
    lag,
    neighbour_index,
    period_bounds,
    rolling_max,
    rolling_mean,
    rolling_sum,
)
from .selfexcite import HAWKES_MIN_EVENTS, HawkesParams, adjacency, fit_hawkes_cached

LAGS = (1, 2, 3, 6, 12)
WINDOWS = (3, 6, 12, 24)
MAX_GAP = 240  # "months since last event" for regions with none yet


def _months_since(counts: np.ndarray) -> np.ndarray:
    t = np.arange(len(counts))[:, None]
    last = np.where(counts > 0, t, -(10**6))
    last = np.maximum.accumulate(last, axis=0)
    return np.minimum(t - last, MAX_GAP).astype(float)


# --------------------------------------------------------------------------------------------
# Feature groups
# --------------------------------------------------------------------------------------------


def _temporal(
    y: np.ndarray, prefix: str, lags: tuple[int, ...], windows: tuple[int, ...]
) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for k in lags:
        out[f"{prefix}lag{k}"] = lag(y, k - 1)
    for w in windows:
        out[f"{prefix}mean{w}"] = rolling_mean(y, w)
        out[f"{prefix}max{w}"] = rolling_max(y, w)
    return out


def _spatial(panel: Panel, y: np.ndarray, base: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    r = y.shape[1]
    out: dict[str, np.ndarray] = {}
    series = {"1": y, "mean3": base["mean3"], "mean12": base["mean12"]}
    for tag, flag in (("nb", False), ("xb", True)):
        adj = adjacency(r, neighbour_index(panel, flag))
        deg = np.asarray(adj.sum(axis=1)).ravel()
        out[f"{tag}_degree"] = np.broadcast_to(deg, y.shape).astype(float)
        for name, s in series.items():
            total = np.asarray(adj @ s.T).T
            out[f"{tag}_sum{name}"] = total
            out[f"{tag}_mean{name}"] = np.divide(
                total, deg, out=np.zeros_like(total), where=deg > 0
            )
    regions = panel.regions.reindex(panel.region_ids)
    for tag, column in (("parent", "parent_id"), ("country", "iso3")):
        if column not in regions:
            continue
        group = group_matrix(regions[column])
        for name, s in series.items():
            total = np.asarray(group @ s.T).T
            out[f"{tag}_sum{name}"] = total
            out[f"{tag}_other{name}"] = total - s
    return out


def country_series(
    store: Any,
    until: pd.Period | str | None = None,
    freq: str = "month",
) -> pd.DataFrame:
    """The store's country-month fatalities (table country_months): PeriodIndex x iso3.

    `until` drops every month after it, for forecasts as of an origin.
    """
    frame = store.country_months()
    if frame.empty:
        return pd.DataFrame(index=pd.PeriodIndex([], freq="M", name="period"))
    frame = frame.assign(period=pd.PeriodIndex(frame["month"].astype(str), freq="M"))
    wide = frame.pivot_table(index="period", columns="iso3", values="fatalities", aggfunc="sum")
    wide.columns.name = None
    if freq != "month":
        raise ValueError("country-month series only exist for monthly panels")
    if until is not None:
        wide = wide.loc[wide.index <= pd.Period(until, freq="M")]
    return wide.astype(float)


def _exogenous(panel: Panel, exogenous: pd.DataFrame) -> dict[str, np.ndarray]:
    """Other countries' series, aligned to the panel's periods (missing months are NaN)."""
    shape = panel.values.shape
    exo = exogenous.copy()
    exo.index = pd.PeriodIndex(exo.index, freq=panel.periods.freq)
    exo = exo.reindex(panel.periods)
    iso = panel.regions.reindex(panel.region_ids)["iso3"].to_numpy()
    foreign = np.full(shape, np.nan)
    for code in pd.unique(iso):
        others = [c for c in exo.columns if c != code]
        if others:
            series = exo[others].sum(axis=1, min_count=1).to_numpy(float)
            foreign[:, iso == code] = series[:, None]
    frame = pd.DataFrame(foreign)
    mean3 = frame.rolling(3, min_periods=1).mean().to_numpy()
    mean12 = frame.rolling(12, min_periods=1).mean().to_numpy()
    border = np.zeros(shape[1])
    xb = neighbour_index(panel, True)
    if len(xb):
        border[np.unique(xb[:, 0])] = 1.0
    if hasattr(panel, "borders"):  # regions touching another country, when the panel knows
        flags = pd.Series(panel.borders).reindex(panel.region_ids).fillna(False)
        border = np.maximum(border, flags.to_numpy(float))
    border2 = np.broadcast_to(border, shape)
    return {
        "xc_lag1": foreign,
        "xc_mean3": mean3,
        "xc_mean12": mean12,
        "xc_trend": np.log1p(mean3) - np.log1p(mean12),
        "xc_border_mean3": border2 * mean3,
    }


def _hawkes(panel: Panel, refit: int, window: int) -> dict[str, np.ndarray]:
    """Hawkes intensity terms at the end of each period (see module docstring)."""
    n_t, n_r = panel.values.shape
    names = ("hawkes_bg", "hawkes_self", "hawkes_nbr", "hawkes_rate", "hawkes_branching")
    out = {k: np.full((n_t, n_r), np.nan) for k in names}
    times, regs = event_days(panel)
    first, after = period_bounds(panel.periods)
    nbrs = neighbour_index(panel)
    adj = adjacency(n_r, nbrs)
    deg = np.asarray(adj.sum(axis=1)).ravel()
    params: HawkesParams | None = None
    anchors = [k for k, p in enumerate(panel.periods) if p.ordinal % refit == refit - 1]
    blocks = [*anchors, n_t]
    for a, nxt in itertools.pairwise(blocks):
        end = after[a]
        start = first[max(a - window + 1, 0)]
        if ((times >= start) & (times < end)).sum() >= HAWKES_MIN_EVENTS:
            params = fit_hawkes_cached(times, regs, n_r, start, end, nbrs)
        if params is None:
            continue
        rows = np.arange(a, nxt)
        state = excitation_state(times, regs, n_r, after[rows], params.beta)
        nstate = np.asarray(adj @ state.T).T
        days = after[rows] - first[rows]  # the next period has about as many days
        gain = (1.0 - np.exp(-params.beta * days))[:, None]
        bg = params.mu[None, :] * days[:, None]
        own = params.alpha * state * gain
        nb = params.gamma * nstate * gain
        out["hawkes_bg"][rows] = bg
        out["hawkes_self"][rows] = own
        out["hawkes_nbr"][rows] = nb
        out["hawkes_rate"][rows] = bg + own + nb
        out["hawkes_branching"][rows] = params.alpha + params.gamma * deg[None, :]
    return out


def excitation_state(
    times: np.ndarray, regions: np.ndarray, n_regions: int, at: np.ndarray, beta: float
) -> np.ndarray:
    """Per region, sum of exp(-beta * elapsed) over events before each time in `at`: (T, R)."""
    horizon = 40.0 / beta  # older events have decayed below exp(-40)
    keep = (times < at.max()) & (times >= at.min() - horizon)
    t, g = times[keep], regions[keep]
    if len(t) == 0:
        return np.zeros((len(at), n_regions))
    dt = at[:, None] - t[None, :]
    decay = np.where(dt > 0, np.exp(-beta * np.clip(dt, 0, None)), 0.0)
    onehot = sparse.csr_matrix((np.ones(len(g)), (np.arange(len(g)), g)), shape=(len(g), n_regions))
    return np.asarray((onehot.T @ decay.T).T)


# --------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------


def build_features(
    panel: Panel,
    *,
    exogenous: pd.DataFrame | None = None,
    lags: tuple[int, ...] = LAGS,
    windows: tuple[int, ...] = WINDOWS,
    hawkes: bool = True,
    hawkes_refit: int | None = None,
    hawkes_window: int | None = None,
) -> pd.DataFrame:
    """Feature rows (MultiIndex period, region_id; period-major) for every period of `panel`.

    `exogenous` (PeriodIndex x iso3, e.g. `country_series(store)`) adds other countries'
    series; when omitted, `panel.exogenous` is used if the panel carries it.
    """
    y = panel.values.to_numpy(dtype=float)
    n_t, n_r = y.shape
    per_year = 12 if panel.spec.freq == "month" else 52
    refit = hawkes_refit or per_year
    hwin = hawkes_window or 10 * per_year
    counts, deaths = event_arrays(panel)
    other = counts if panel.spec.target == "fatalities" else deaths
    cols: dict[str, np.ndarray] = {}
    base = _temporal(y, "", lags, windows)
    cols.update(base)
    cols.update(_temporal(other, "alt_", (1,), (3, 12)))
    cols["since_event"] = _months_since(counts)
    cols["deaths_per_event12"] = rolling_sum(deaths, 12) / np.maximum(rolling_sum(counts, 12), 1)
    cols["trend3_12"] = np.log1p(base["mean3"]) - np.log1p(base["mean12"])
    cols["trend12_24"] = np.log1p(base["mean12"]) - np.log1p(base["mean24"])
    cols.update(_spatial(panel, y, base))
    if exogenous is None:
        exogenous = getattr(panel, "exogenous", None)
    if exogenous is not None and len(exogenous.columns):
        cols.update(_exogenous(panel, exogenous))
    actor_cols = actor_mix(panel)
    cols.update(actor_cols)
    cols.update(neighbour_actor_mix(panel, actor_cols))
    if hawkes:
        cols.update(_hawkes(panel, refit, hwin))
    if panel.spec.freq == "month":
        cols["month"] = np.broadcast_to(np.asarray(panel.periods.month, float)[:, None], (n_t, n_r))
    index = pd.MultiIndex.from_product(
        [panel.periods, panel.region_ids], names=["period", "region_id"]
    )
    frame = pd.DataFrame(
        {k: np.asarray(v, float).reshape(-1) for k, v in cols.items()}, index=index
    )
    return frame


@dataclass(frozen=True)
class FeatureSet:
    """Features as an array (periods, regions, features), with the panel's labels."""

    periods: pd.PeriodIndex
    region_ids: tuple[str, ...]
    names: tuple[str, ...]
    array: np.ndarray

    def frame(self) -> pd.DataFrame:
        index = pd.MultiIndex.from_product(
            [self.periods, list(self.region_ids)], names=["period", "region_id"]
        )
        return pd.DataFrame(
            self.array.reshape(-1, len(self.names)), index=index, columns=list(self.names)
        )

    def head(self, n_periods: int) -> FeatureSet:
        return replace(self, periods=self.periods[:n_periods], array=self.array[:n_periods])

    def select(self, names: tuple[str, ...] | list[str]) -> np.ndarray:
        """(periods, regions, len(names)); names the set lacks are NaN."""
        lookup = {n: k for k, n in enumerate(self.names)}
        out = np.full((*self.array.shape[:2], len(names)), np.nan)
        for j, name in enumerate(names):
            if name in lookup:
                out[:, :, j] = self.array[:, :, lookup[name]]
        return out


def _hash_rows(frame: pd.DataFrame) -> np.ndarray:
    if frame.empty:
        return np.zeros(0, np.uint64)
    return pd.util.hash_pandas_object(frame, index=False).to_numpy(np.uint64)


def _fingerprints(
    panel: Panel, exogenous: pd.DataFrame | None, options: tuple[Any, ...]
) -> tuple[bytes, list[bytes]]:
    """A digest of what does not depend on time, and one per period of everything up to it."""
    static = hashlib.blake2b(digest_size=16)
    static.update(repr((panel.spec, options, panel.region_ids)).encode())
    static.update(_hash_rows(panel.regions.reindex(panel.region_ids).astype(str)).tobytes())
    static.update(_hash_rows(panel.neighbours.astype(str)).tobytes())
    if hasattr(panel, "borders"):
        static.update(repr(pd.Series(panel.borders).to_dict()).encode())
    n_t = len(panel.values)
    rows = _hash_rows(panel.values.reset_index(drop=True))
    per_period = np.zeros(n_t, np.uint64)
    ev = panel.events
    if len(ev):
        t = panel.periods.get_indexer(pd.PeriodIndex(ev["period"]))
        cols = ["region_id", "date_start", "deaths", "actor1", "actor2"]
        h = _hash_rows(ev[cols].astype(str))
        ok = t >= 0
        # order within a period does not matter: an XOR of the events' hashes
        np.bitwise_xor.at(per_period, t[ok], h[ok])
    exo = np.zeros(n_t, np.uint64)
    if exogenous is not None and len(exogenous.columns):
        aligned = exogenous.copy()
        aligned.index = pd.PeriodIndex(aligned.index, freq=panel.periods.freq)
        aligned = aligned.reindex(panel.periods).reset_index(drop=True)
        exo = _hash_rows(aligned.fillna(-1.0)) ^ np.uint64(1)
    chain: list[bytes] = []
    digest = hashlib.blake2b(static.digest(), digest_size=16)
    for k in range(n_t):
        digest.update(np.array([rows[k], per_period[k], exo[k]], np.uint64).tobytes())
        digest.update(str(panel.periods[k]).encode())
        chain.append(digest.copy().digest())
    return static.digest(), chain


_FEATURE_CACHE: OrderedDict[int, tuple[bytes, list[bytes], FeatureSet]] = OrderedDict()
_FEATURE_CACHE_SIZE = 4


def feature_set(
    panel: Panel, *, exogenous: pd.DataFrame | None = None, **options: Any
) -> FeatureSet:
    """`build_features` as a FeatureSet, memoised: a panel that is a truncation of one already
    computed (same data up to its last period) reuses those rows, which cannot depend on later
    data. Backtests and ensembles refit at many origins of one panel."""
    if exogenous is None:
        exogenous = getattr(panel, "exogenous", None)
    key_options = tuple(sorted(options.items()))
    static, chain = _fingerprints(panel, exogenous, key_options)
    n_t = len(chain)
    for key, (cached_static, cached_chain, fs) in reversed(_FEATURE_CACHE.items()):
        if (
            cached_static == static
            and len(cached_chain) >= n_t
            and n_t > 0
            and cached_chain[n_t - 1] == chain[-1]
        ):
            _FEATURE_CACHE.move_to_end(key)
            return fs.head(n_t)
    frame = build_features(panel, exogenous=exogenous, **options)
    n_r = len(panel.region_ids)
    fs = FeatureSet(
        panel.periods,
        tuple(panel.region_ids),
        tuple(frame.columns),
        frame.to_numpy(float).reshape(n_t, n_r, -1),
    )
    _FEATURE_CACHE[id(fs)] = (static, chain, fs)
    while len(_FEATURE_CACHE) > _FEATURE_CACHE_SIZE:
        _FEATURE_CACHE.popitem(last=False)
    return fs


@dataclass(frozen=True)
class DirectRows:
    """Training rows of a direct multi-horizon model (see `direct_rows`)."""

    x: np.ndarray  # features at t, then the horizon h
    y: np.ndarray  # the value at t + h
    h: np.ndarray
    t: np.ndarray  # period index of the features
    weight: np.ndarray  # 1, or 1 / keep_quiet for the sampled quiet rows


QUIET_FEATURES = ("mean24", "alt_mean12", "nb_summean12", "xb_summean12")


def quiet_mask(fs: FeatureSet) -> np.ndarray:
    """(periods, regions): no event in the region for 24 periods nor near it for 12."""
    feats = np.nan_to_num(fs.select(list(QUIET_FEATURES)), nan=0.0)
    return np.asarray((feats == 0).all(axis=2))


def direct_rows(
    features: np.ndarray,
    values: np.ndarray,
    end: int,
    horizon: int,
    window: int,
    rng: np.random.Generator,
    quiet: np.ndarray | None = None,
    keep_quiet: float = 1.0,
) -> DirectRows:
    """Training rows for a direct multi-horizon model: features at t plus the horizon h, and
    the target values[t + h], for t in the `window` periods before `end` (an index) with
    t + h <= end. Each (t, region) row gets one horizon drawn at random from those available,
    so one model learns every horizon at the cost of one.

    Rows flagged `quiet` (no violence in or near the region lately: most rows of a district
    panel, and nearly alike) are kept with probability `keep_quiet`, weighted up to match."""
    _n_t, n_r, n_f = features.shape
    ts = np.arange(max(end - window, 0), end)
    if len(ts) == 0:
        empty = np.zeros(0)
        return DirectRows(np.zeros((0, n_f + 1)), empty, empty.astype(np.int64),
                          empty.astype(np.int64), empty)  # fmt: skip
    h_max = np.minimum(horizon, end - ts)
    h = np.floor(rng.uniform(size=(len(ts), n_r)) * h_max[:, None]).astype(np.int64) + 1
    x = np.concatenate([features[ts].reshape(-1, n_f), h.reshape(-1, 1)], axis=1)
    y = values[ts[:, None] + h, np.arange(n_r)[None, :]].reshape(-1)
    t = np.repeat(ts, n_r)
    weight = np.ones(len(y))
    if quiet is not None and keep_quiet < 1.0:
        flagged = quiet[ts].reshape(-1)
        keep = ~flagged | (rng.uniform(size=len(y)) < keep_quiet)
        weight = np.where(flagged, 1.0 / keep_quiet, 1.0)[keep]
        x, y, h, t = x[keep], y[keep], h.reshape(-1)[keep], t[keep]
    return DirectRows(x, y, h.reshape(-1), t, weight)


def with_horizon(features_at_t: np.ndarray, h: int) -> np.ndarray:
    """Rows (regions, features + 1) to predict h periods ahead of t."""
    return np.concatenate([features_at_t, np.full((len(features_at_t), 1), float(h))], axis=1)


__all__ = [
    "FREQS",
    "DirectRows",
    "FeatureSet",
    "build_features",
    "country_series",
    "direct_rows",
    "feature_set",
    "quiet_mask",
    "with_horizon",
]
