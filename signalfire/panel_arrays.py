"""Array helpers on panels, shared by the feature builders and the models.

Everything here works on the (period, region) arrays of a `Panel` (region order =
`panel.region_ids`) or on its events; windows end at (and include) their period, so nothing
looks ahead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import ndimage, sparse

from .panel import Panel

EPOCH = pd.Timestamp("1970-01-01")


def event_days(panel: Panel) -> tuple[np.ndarray, np.ndarray]:
    """Days since 1970-01-01 and region indices (column order of panel.values) of its events."""
    index = {rid: k for k, rid in enumerate(panel.region_ids)}
    events = panel.events
    codes = events["region_id"].map(index)
    keep = codes.notna().to_numpy()
    days = (pd.to_datetime(events["date_start"]) - EPOCH).dt.days.to_numpy(float)
    return days[keep], codes.to_numpy()[keep].astype(np.int64)


def period_bounds(periods: pd.PeriodIndex) -> tuple[np.ndarray, np.ndarray]:
    """First day and the day after the last day of each period, in days since 1970-01-01."""
    first = (periods.start_time - EPOCH).days.to_numpy(float)
    after = ((periods + 1).start_time - EPOCH).days.to_numpy(float)
    return first, after


def neighbour_index(panel: Panel, cross_border: bool | None = None) -> np.ndarray:
    """(region, neighbour) index pairs; only domestic (False) or cross-border (True) if asked."""
    index = {rid: k for k, rid in enumerate(panel.region_ids)}
    nb = panel.neighbours
    if len(nb) == 0:
        return np.zeros((0, 2), np.int64)
    if cross_border is not None:
        nb = nb[nb["cross_border"].astype(bool) == cross_border]
    a = nb["region_id"].map(index)
    b = nb["neighbour_id"].map(index)
    ok = (a.notna() & b.notna()).to_numpy()
    return np.column_stack([a.to_numpy()[ok], b.to_numpy()[ok]]).astype(np.int64)


def group_matrix(keys: pd.Series) -> sparse.csr_matrix:
    """R x R: 1 where two regions share the key (a region with no key is its own group)."""
    keys = keys.astype(object).where(keys.notna(), pd.Series(keys.index, index=keys.index))
    codes, _ = pd.factorize(keys)
    member = sparse.csr_matrix(
        (np.ones(len(codes)), (np.arange(len(codes)), codes)), shape=(len(codes), codes.max() + 1)
    )
    return (member @ member.T).tocsr()


def rolling_mean(y: np.ndarray, w: int) -> np.ndarray:
    c = np.cumsum(np.vstack([np.zeros((1, y.shape[1])), y]), axis=0)
    t = np.arange(1, len(y) + 1)
    lo = np.maximum(t - w, 0)
    return (c[t] - c[lo]) / (t - lo)[:, None]


def rolling_sum(y: np.ndarray, w: int) -> np.ndarray:
    c = np.cumsum(np.vstack([np.zeros((1, y.shape[1])), y]), axis=0)
    t = np.arange(1, len(y) + 1)
    return c[t] - c[np.maximum(t - w, 0)]


def rolling_max(y: np.ndarray, w: int) -> np.ndarray:
    if w <= 1:
        return y.astype(float)
    padded = np.vstack([np.full((w - 1, y.shape[1]), -np.inf), y])
    return np.asarray(ndimage.maximum_filter1d(padded, w, axis=0, origin=(w - 1) // 2))[w - 1 :]


def lag(y: np.ndarray, k: int) -> np.ndarray:
    out = np.full_like(y, np.nan, dtype=float)
    if k < len(y):
        out[k:] = y[: len(y) - k]
    return out


def event_arrays(panel: Panel) -> tuple[np.ndarray, np.ndarray]:
    """Event counts and fatalities per (period, region) from panel.events."""
    shape = panel.values.shape
    counts, deaths = np.zeros(shape), np.zeros(shape)
    ev = panel.events
    if len(ev):
        t = panel.periods.get_indexer(pd.PeriodIndex(ev["period"]))
        r = pd.Index(panel.region_ids).get_indexer(pd.Index(ev["region_id"]))
        ok = (t >= 0) & (r >= 0)
        np.add.at(counts, (t[ok], r[ok]), 1.0)
        np.add.at(deaths, (t[ok], r[ok]), ev["deaths"].to_numpy(float)[ok])
    return counts, deaths
