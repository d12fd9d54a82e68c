"""A pooled self-exciting (Hawkes) point process with an exponential kernel, on event days.

Each region has its own background rate; every event excites its own region and, more weakly,
its neighbours. Fitted by maximum likelihood (`fit_hawkes`, memoised by `fit_hawkes_cached`),
simulated forward by `simulate_hawkes`. `signalfire.features` turns a fit into intensity
features; `signalfire.models.hawkes` forecasts with it.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, sparse

# Hawkes settings: decay rate bounds per day; floor of the background rate per day.
HAWKES_BETA_BOUNDS = (1.0 / 90.0, 1.0)
HAWKES_MU_FLOOR = 1e-6
HAWKES_MIN_EVENTS = 30
_BLOCK = 200.0  # exponent range handled in one block of the decayed sums


# --------------------------------------------------------------------------------------------
# Hawkes process with exponential kernel on event times
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HawkesParams:
    """A fitted pooled Hawkes process; rates are per day.

    Intensity of region r at time t: mu[r] + beta * (alpha * sum_own exp(-beta * (t - t_j))
    + gamma * sum_neighbours exp(-beta * (t - t_j))): every event has on average `alpha` direct
    offspring in its own region and `gamma` in each neighbouring region, after delays drawn
    from an exponential distribution with rate `beta`.
    """

    mu: np.ndarray
    alpha: float
    gamma: float
    beta: float
    loglik: float
    n_events: int


@dataclass(frozen=True)
class _Points:
    """Events aggregated to unique (region, time), sorted by region then time."""

    region: np.ndarray  # int
    time: np.ndarray  # float days
    count: np.ndarray  # events at that (region, time)
    degree: np.ndarray  # neighbours of the point's region
    offset: np.ndarray  # time since the region's first point
    query_i: np.ndarray  # point i ...
    query_k: np.ndarray  # ... sees neighbour point k, the last one strictly before it
    start: float
    end: float
    n_regions: int


def adjacency(n_regions: int, pairs: np.ndarray | None) -> sparse.csr_matrix:
    if pairs is None or len(pairs) == 0:
        return sparse.csr_matrix((n_regions, n_regions))
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    adj = sparse.csr_matrix(
        (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n_regions, n_regions)
    )
    adj.sum_duplicates()
    adj.data[:] = 1.0
    return adj


def _expand(lo: np.ndarray, hi: np.ndarray, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All (i, j) with lo <= j < hi, vectorised."""
    n = np.maximum(hi - lo, 0)
    total = int(n.sum())
    ii = np.repeat(i, n)
    offsets = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
    return ii, np.repeat(lo, n) + offsets


def _points(
    times: np.ndarray,
    regions: np.ndarray,
    n_regions: int,
    start: float,
    end: float,
    adjacency: sparse.csr_matrix,
) -> _Points:
    times = np.asarray(times, float)
    regions = np.asarray(regions, np.int64)
    keep = (times >= start) & (times < end)
    frame = pd.DataFrame({"r": regions[keep], "t": times[keep]})
    grouped = frame.groupby(["r", "t"], sort=True).size()
    region = grouped.index.get_level_values("r").to_numpy(np.int64)
    time = grouped.index.get_level_values("t").to_numpy(float)
    count = grouped.to_numpy(float)
    n = len(time)
    first = np.ones(n, bool)
    first[1:] = region[1:] != region[:-1]
    offset = time - time[np.maximum.accumulate(np.where(first, np.arange(n), 0))]
    deg = np.diff(adjacency.indptr)
    idx = np.arange(n)
    query_i, pos = _expand(adjacency.indptr[region], adjacency.indptr[region + 1], idx)
    nbr = adjacency.indices[pos].astype(np.int64)
    span = end - start + 1.0
    key = region * span + (time - start)
    k = np.searchsorted(key, nbr * span + (time[query_i] - start), side="left") - 1
    valid = (k >= 0) & (region[np.maximum(k, 0)] == nbr)
    return _Points(
        region=region,
        time=time,
        count=count,
        degree=deg[region].astype(float),
        offset=offset,
        query_i=query_i[valid],
        query_k=k[valid],
        start=start,
        end=end,
        n_regions=n_regions,
    )


def _decayed_sums(pts: _Points, beta: float) -> tuple[np.ndarray, np.ndarray]:
    """Per point, sums of count * exp(-beta * dt) over strictly earlier points of its own
    region (S) and of its neighbouring regions (N), exactly, in O(n) without overflow."""
    n = len(pts.time)
    if n == 0:
        return np.zeros(0), np.zeros(0)
    u, c = pts.offset, pts.count
    block = np.floor(beta * u / _BLOCK).astype(np.int64)
    new = np.ones(n, bool)
    new[1:] = (pts.region[1:] != pts.region[:-1]) | (block[1:] != block[:-1])
    gid = np.cumsum(new) - 1
    gstart = np.flatnonzero(new)
    base = u[gstart]
    rel = u - base[gid]
    w = c * np.exp(beta * rel)
    within = (pd.Series(w).groupby(gid).cumsum().to_numpy() - w) * np.exp(-beta * rel)
    # carry from earlier blocks of the same region
    n_groups = len(gstart)
    same_next = np.zeros(n_groups, bool)
    same_next[:-1] = pts.region[gstart[1:]] == pts.region[gstart[:-1]]
    next_base = np.where(same_next, np.append(base[1:], np.inf), np.inf)
    tail = np.bincount(gid, c * np.exp(-beta * (next_base[gid] - u)), minlength=n_groups)
    gap = np.exp(-beta * (next_base - base))
    carry = np.zeros(n_groups)
    first_group = ~np.concatenate([[False], same_next[:-1]])
    rank = np.arange(n_groups) - np.maximum.accumulate(
        np.where(first_group, np.arange(n_groups), 0)
    )
    for k in range(1, int(rank.max()) + 1 if n_groups else 0):
        g = np.flatnonzero(rank == k)
        carry[g] = gap[g - 1] * carry[g - 1] + tail[g - 1]
    own = within + carry[gid] * np.exp(-beta * rel)
    qi, qk = pts.query_i, pts.query_k
    seen = np.exp(-beta * (pts.time[qi] - pts.time[qk])) * (own[qk] + c[qk])
    return own, np.bincount(qi, seen, minlength=n)


def _inner(pts: _Points, beta: float, theta0: np.ndarray, cross: bool) -> tuple[float, np.ndarray]:
    """Maximise the log-likelihood over theta = (mu (R), alpha, gamma) at a fixed beta.

    The problem is concave (the intensity is linear in theta): projected Newton steps, whose
    Hessian is an arrowhead (diagonal in mu plus two dense rows), with backtracking.
    """
    r = pts.n_regions
    s, q = _decayed_sums(pts, beta)
    a, b = beta * s, beta * q
    c, g = pts.count, pts.region
    window = pts.end - pts.start
    k = 1.0 - np.exp(-beta * (pts.end - pts.time))
    k1, k2 = float(np.sum(c * k)), float(np.sum(c * pts.degree * k))
    lower = np.concatenate([np.full(r, HAWKES_MU_FLOOR), [0.0, 0.0]])
    upper = np.concatenate([np.full(r, np.inf), [0.99, 0.5 if cross else 0.0]])
    has_events = np.bincount(g, c, minlength=r) > 0

    def loglik(theta: np.ndarray) -> float:
        lam = theta[g] + theta[r] * a + theta[r + 1] * b
        if np.any(lam <= 0):
            return -np.inf
        return float(
            np.sum(c * np.log(lam)) - window * theta[:r].sum() - theta[r] * k1 - theta[r + 1] * k2
        )

    theta = np.clip(theta0, lower, upper)
    theta[:r][~has_events] = HAWKES_MU_FLOOR
    value = loglik(theta)
    for _ in range(100):
        lam = theta[g] + theta[r] * a + theta[r + 1] * b
        w1, w2 = c / lam, c / lam**2
        grad = np.concatenate(
            [np.bincount(g, w1, minlength=r) - window, [np.sum(w1 * a) - k1, np.sum(w1 * b) - k2]]
        )
        # free variables: not at a bound with the gradient pushing outwards
        free = ~(((theta <= lower) & (grad <= 0)) | ((theta >= upper) & (grad >= 0)))
        free[:r] &= has_events
        diag = np.bincount(g, w2, minlength=r) + 1e-12  # minus the Hessian's mu block
        cross_terms = np.column_stack(
            [np.bincount(g, w2 * a, minlength=r), np.bincount(g, w2 * b, minlength=r)]
        )
        corner = np.array(
            [[np.sum(w2 * a * a), np.sum(w2 * a * b)], [np.sum(w2 * a * b), np.sum(w2 * b * b)]]
        )
        fm, fe = free[:r], free[r:]
        bm = cross_terms[fm][:, fe]
        gm, ge = grad[:r][fm], grad[r:][fe]
        dm_inv = 1.0 / diag[fm]
        step = np.zeros(r + 2)
        if fe.any():
            schur = corner[np.ix_(fe, fe)] - bm.T @ (bm * dm_inv[:, None])
            rhs = ge - bm.T @ (gm * dm_inv)
            de = np.linalg.solve(schur + 1e-12 * np.eye(len(ge)), rhs)
            step[r:][fe] = de
            step[:r][fm] = dm_inv * (gm - bm @ de)
        else:
            step[:r][fm] = dm_inv * gm
        t = 1.0  # projected Newton: steps are clipped onto the bounds
        improved = False
        for _ in range(30):
            candidate = np.clip(theta + t * step, lower, upper)
            new_value = loglik(candidate)
            if new_value >= value - 1e-12:
                improved = True
                break
            t *= 0.5
        if not improved:
            break
        theta, gain = candidate, new_value - value
        value = new_value
        if (
            gain < 1e-9 * max(abs(value), 1.0)
            and float(np.max(np.abs(grad * free))) < 1e-6 * c.sum()
        ):
            break
    return -value, theta


def hawkes_loglik(
    params: HawkesParams | tuple[np.ndarray, float, float, float],
    times: np.ndarray,
    regions: np.ndarray,
    start: float,
    end: float,
    neighbours: np.ndarray | None = None,
) -> float:
    """Log-likelihood of events at `times` (days) in `regions` (0..R-1) observed on [start, end).

    Events at the same time in a region do not excite each other (day-resolution data).
    """
    if isinstance(params, HawkesParams):
        mu, alpha, gamma, beta = params.mu, params.alpha, params.gamma, params.beta
    else:
        mu, alpha, gamma, beta = params
    mu = np.asarray(mu, float)
    pts = _points(times, regions, len(mu), start, end, adjacency(len(mu), neighbours))
    s, q = _decayed_sums(pts, beta)
    c = pts.count
    lam = mu[pts.region] + beta * (alpha * s + gamma * q)
    k = 1.0 - np.exp(-beta * (pts.end - pts.time))
    compensator = (end - start) * mu.sum() + np.sum(c * (alpha + gamma * pts.degree) * k)
    with np.errstate(divide="ignore"):
        return float(np.sum(c * np.log(lam)) - compensator)


def fit_hawkes(
    times: np.ndarray,
    regions: np.ndarray,
    n_regions: int,
    start: float,
    end: float,
    neighbours: np.ndarray | None = None,
    *,
    beta_bounds: tuple[float, float] = HAWKES_BETA_BOUNDS,
) -> HawkesParams:
    """Maximum-likelihood fit on the events in [start, end), profiled over the decay rate.

    `times` in days (events at the same time in a region do not excite each other),
    `regions` integer indices 0..n_regions-1, `neighbours` (region, neighbour) index pairs;
    without neighbours gamma is 0. For each decay rate beta the likelihood is maximised over
    the background rates and branching ratios (a concave problem: projected Newton); beta
    itself by a bounded scalar search on log beta.
    """
    adj = adjacency(n_regions, neighbours)
    pts = _points(times, regions, n_regions, start, end, adj)
    cross = adj.nnz > 0
    window = end - start
    per_region = np.bincount(pts.region, pts.count, minlength=n_regions)
    if pts.count.sum() == 0:
        mu = np.full(n_regions, HAWKES_MU_FLOOR)
        return HawkesParams(mu, 0.0, 0.0, beta_bounds[0], -window * mu.sum(), 0)
    theta = np.concatenate([np.maximum(0.5 * per_region / window, HAWKES_MU_FLOOR), [0.3, 0.0]])
    best: dict[float, tuple[float, np.ndarray]] = {}

    def profile(log_beta: float) -> float:
        nonlocal theta
        value, theta = _inner(pts, float(np.exp(log_beta)), theta, cross)
        best[log_beta] = (value, theta)
        return value

    optimize.minimize_scalar(
        profile,
        bounds=(np.log(beta_bounds[0]), np.log(beta_bounds[1])),
        method="bounded",
        options={"xatol": 0.02},
    )
    log_beta = min(best, key=lambda key: best[key][0])
    value, theta = best[log_beta]
    return HawkesParams(
        mu=theta[:n_regions].copy(),
        alpha=float(theta[n_regions]),
        gamma=float(theta[n_regions + 1]),
        beta=float(np.exp(log_beta)),
        loglik=-value,
        n_events=int(pts.count.sum()),
    )


def simulate_hawkes(
    mu: np.ndarray, alpha: float, beta: float, end: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Event times and regions of independent self-exciting processes (gamma = 0) on [0, end).

    By the branching construction: background events, then generations of offspring with
    exponential delays. For tests and simulation studies.
    """
    times, regions = [], []
    for r, rate in enumerate(np.asarray(mu, float)):
        gen = rng.uniform(0, end, rng.poisson(rate * end))
        while len(gen):
            times.append(gen)
            regions.append(np.full(len(gen), r))
            kids = rng.poisson(alpha, len(gen))
            gen = np.repeat(gen, kids) + rng.exponential(1.0 / beta, kids.sum())
            gen = gen[gen < end]
    if not times:
        return np.zeros(0), np.zeros(0, np.int64)
    t, g = np.concatenate(times), np.concatenate(regions)
    order = np.argsort(t, kind="stable")
    return t[order], g[order]


_FIT_CACHE: OrderedDict[bytes, HawkesParams] = OrderedDict()
_FIT_CACHE_SIZE = 512


def fit_hawkes_cached(
    times: np.ndarray,
    regions: np.ndarray,
    n_regions: int,
    start: float,
    end: float,
    neighbours: np.ndarray | None,
    **kwargs: Any,
) -> HawkesParams:
    """`fit_hawkes`, memoised on the exact data in the window (backtests refit the same years)."""
    keep = (times >= start) & (times < end)
    digest = hashlib.blake2b(digest_size=20)
    for part in (
        np.asarray(times, float)[keep],
        np.asarray(regions, np.int64)[keep],
        np.asarray([n_regions, start, end], float),
        np.asarray(neighbours if neighbours is not None else [], np.int64),
    ):
        digest.update(np.ascontiguousarray(part).tobytes())
    digest.update(repr(sorted(kwargs.items())).encode())
    key = digest.digest()
    if key in _FIT_CACHE:
        _FIT_CACHE.move_to_end(key)
        return _FIT_CACHE[key]
    params = fit_hawkes(times, regions, n_regions, start, end, neighbours, **kwargs)
    _FIT_CACHE[key] = params
    while len(_FIT_CACHE) > _FIT_CACHE_SIZE:
        _FIT_CACHE.popitem(last=False)
    return params
