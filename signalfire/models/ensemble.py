"""A mixture of member models' draws, weighted by their recent out-of-sample CRPS.

At fit time, with data up to the origin T only: each member forecasts from the pseudo-origins
T - lookback, ..., T - 1 (every `step` periods), for the horizons whose target is known at T;
the mixture weights minimise the mean CRPS of the mixture over those forecasts. The CRPS of a
mixture is a quadratic in the weights,

    CRPS(w) = sum_m w_m E|X_m - y| - 1/2 sum_m sum_n w_m w_n E|X_m - X_n'|,

(convex on the simplex), so the terms are computed once from the draws and the weights found
exactly, per activity stratum of the regions if asked, then shrunk towards equal weights. The
forecast mixes each member's draws in those proportions.

Pseudo-origin forecasts are out of sample: lgbm's come from its holdout booster (fitted on
data up to T - holdout, before every pseudo-origin); negbin and hawkes fit once on the data up
to the first pseudo-origin and forecast from each later one with the features (or events)
known there; other members (the naive ones, history) are refitted on `panel.until(t)`.

Also here: `RecentHistoryModel` ("history"), conflictology with recency weights and draws
borrowed from neighbouring regions, the ensemble's tail-heavy member.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import optimize

from ..panel import Panel
from .base import ForecastModel


def mean_abs_diff(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """E|X - Y| between the empirical distributions of x (..., n) and y (..., m), per cell."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    lead = x.shape[:-1]
    xs = x.reshape(-1, x.shape[-1])
    ys = np.sort(y.reshape(-1, y.shape[-1]), axis=1)
    n, m = xs.shape[1], ys.shape[1]
    cells = len(xs)
    span = float(max(np.max(np.abs(xs)) if xs.size else 0.0, ys.max() if ys.size else 0.0))
    offset = (2.0 * span + 1.0) * np.arange(cells)[:, None]
    flat_y = (ys + offset).reshape(-1)
    below = np.searchsorted(flat_y, (xs + offset).reshape(-1), side="right").reshape(cells, n)
    below -= (np.arange(cells) * m)[:, None]  # count of y <= x within the cell
    csum = np.concatenate([np.zeros((cells, 1)), np.cumsum(ys, axis=1)], axis=1)
    total = csum[:, -1:]
    partial = np.take_along_axis(csum, below, axis=1)
    pair_sum = xs * (2 * below - m) - 2 * partial + total
    return (pair_sum.sum(axis=1) / (n * m)).reshape(lead)


def mixture_weights(draws: list[np.ndarray], obs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weights on the simplex minimising the mixture's mean CRPS; and each member's CRPS.

    `draws` holds one array per member, shape cells + (n_m,); `obs` shape cells.
    """
    k = len(draws)
    a = np.array([float(np.mean(mean_abs_diff(d, obs[..., None]))) for d in draws])
    b = np.zeros((k, k))
    for i in range(k):
        for j in range(i, k):
            b[i, j] = b[j, i] = float(np.mean(mean_abs_diff(draws[i], draws[j])))
    alone = a - 0.5 * np.diag(b)
    if k == 1:
        return np.ones(1), alone

    def crps(w: np.ndarray) -> tuple[float, np.ndarray]:
        return float(w @ a - 0.5 * w @ b @ w), a - b @ w

    start = np.zeros(k)
    start[int(np.argmin(alone))] = 1.0
    result = optimize.minimize(
        crps,
        start * 0.7 + 0.3 / k,
        jac=True,
        method="SLSQP",
        bounds=[(0.0, 1.0)] * k,
        constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0}],
    )
    w = np.clip(result.x, 0.0, None)
    w = w / w.sum() if w.sum() > 0 else start
    if crps(w)[0] > crps(start)[0]:  # never worse than the best single member
        w = start
    return w, alone


def allocate(weights: np.ndarray, draws: int) -> np.ndarray:
    """Integer draw counts per member summing to `draws` (largest remainders)."""
    raw = np.asarray(weights, float) * draws
    counts = np.floor(raw).astype(int)
    rest = draws - counts.sum()
    if rest > 0:
        counts[np.argsort(-(raw - counts), kind="stable")[:rest]] += 1
    return counts


class RecentHistoryModel(ForecastModel):
    """Conflictology with recency: each future period is one of the region's last `window`
    periods, recent ones likelier (weights halve every `half_life` periods); with probability
    `neighbour_share` the period is drawn from a random neighbour's history instead."""

    name = "history"

    def __init__(
        self,
        *,
        window: int = 36,
        half_life: float = 6.0,
        neighbour_share: float = 0.2,
        seed: int = 0,
    ) -> None:
        super().__init__(seed=seed)
        self.window = window
        self.half_life = half_life
        self.neighbour_share = neighbour_share

    def _fit(self, panel: Panel) -> None:
        from ..panel_arrays import neighbour_index

        self.recent_ = panel.values.to_numpy(float)[-self.window :]
        age = np.arange(len(self.recent_))[::-1]
        weights = 0.5 ** (age / self.half_life)
        self.cdf_ = np.cumsum(weights) / weights.sum()
        pairs = neighbour_index(panel, cross_border=False)
        n_r = self.recent_.shape[1]
        self.neighbours_ = [pairs[pairs[:, 0] == r, 1] for r in range(n_r)]

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        n_r = self.recent_.shape[1]
        rows = np.searchsorted(self.cdf_, rng.uniform(size=(horizon, n_r, draws)), side="right")
        rows = np.minimum(rows, len(self.recent_) - 1)
        cols = np.broadcast_to(np.arange(n_r)[None, :, None], rows.shape).copy()
        if self.neighbour_share > 0:
            swap = rng.uniform(size=rows.shape) < self.neighbour_share
            for r in range(n_r):
                nbrs = self.neighbours_[r]
                picks = swap[:, r, :]
                if len(nbrs) and picks.any():
                    cols[:, r, :][picks] = nbrs[rng.integers(0, len(nbrs), int(picks.sum()))]
        return self.recent_[rows, cols]


class EnsembleModel(ForecastModel):
    """Mixture of member models with weights chosen on the CRPS of recent pseudo-origins.

    The chosen weights are shrunk towards equal ones by `shrinkage` (1: equal weights).
    With `strata` (edges on a region's mean over its last 12 periods), weights are chosen
    separately for regions of each activity level: quiet districts and busy ones do not need
    the same mixture. A stratum with fewer than `min_cells` scored cells uses the pooled
    weights.
    """

    name = "ensemble"

    def __init__(
        self,
        *,
        members: tuple[str, ...] = ("history", "lgbm", "hawkes"),
        lookback: int = 12,
        step: int = 2,
        horizon: int = 6,
        backcast_draws: int = 100,
        strata: tuple[float, ...] = (0.05, 1.0, 10.0),
        min_cells: int = 200,
        shrinkage: float = 0.5,
        member_params: dict[str, dict[str, Any]] | None = None,
        seed: int = 0,
    ) -> None:
        super().__init__(seed=seed)
        if not 0.0 <= shrinkage <= 1.0:
            raise ValueError(f"shrinkage must be in [0, 1], got {shrinkage}")
        self.shrinkage = shrinkage
        self.members = tuple(members)
        self.member_params = dict(member_params or {})
        self.lookback = lookback
        self.step = step
        self.horizon = horizon
        self.backcast_draws = backcast_draws
        self.strata = tuple(strata)
        self.min_cells = min_cells

    def _member(self, k: int, name: str) -> ForecastModel:
        from . import MODELS

        if name not in MODELS or name == self.name:
            raise ValueError(f"ensemble: unknown member {name!r}")
        params = {**self.member_params.get(name, {}), "seed": self.seed + k + 1}
        return MODELS[name](**params)

    def _backcast(
        self,
        k: int,
        fitted: ForecastModel,
        panel: Panel,
        origins: list[int],
        rng: np.random.Generator,
    ) -> list[np.ndarray]:
        """Member k's out-of-sample draws from each pseudo-origin, for the horizons whose
        target is known at the origin."""
        end = len(panel.values) - 1
        n = self.backcast_draws
        holdout = getattr(fitted, "holdout_draws", None)
        if holdout is not None:
            ready = holdout(origins, self.horizon, n, rng)
            if ready is not None:
                return list(ready)
        model = self._member(k, self.members[k])
        if hasattr(model, "backcast"):
            return list(model.backcast(panel, origins[0], origins, end, self.horizon, n, rng))
        out = []
        for t in origins:
            h = min(self.horizon, end - t)
            model = self._member(k, self.members[k]).fit(panel.until(panel.periods[t]))
            out.append(model.predict(h, n).draws)
        return out

    def _stratum(self, values: np.ndarray, t: int) -> np.ndarray:
        """Each region's activity stratum at period index t (mean of its last 12 periods)."""
        recent = values[max(t - 11, 0) : t + 1].mean(axis=0)
        return np.searchsorted(np.asarray(self.strata, float), recent, side="right")

    def _fit(self, panel: Panel) -> None:
        end = len(panel.values) - 1
        values = panel.values.to_numpy(float)
        n_strata = len(self.strata) + 1
        k = len(self.members)
        fitted = [self._member(j, name).fit(panel) for j, name in enumerate(self.members)]
        origins = [t for t in range(end - self.lookback, end, self.step) if t >= 1]
        weights = np.full((n_strata, k), 1.0 / k)
        self.member_crps_: dict[str, float] = {}
        if origins and k > 1:
            rng = np.random.default_rng(self.seed)
            per_member = [self._backcast(j, fitted[j], panel, origins, rng) for j in range(k)]
            obs = np.concatenate(
                [values[t + 1 : t + 1 + min(self.horizon, end - t)].reshape(-1) for t in origins]
            )
            strata = np.concatenate(
                [np.tile(self._stratum(values, t), min(self.horizon, end - t)) for t in origins]
            )
            stacked = [
                np.concatenate([d.reshape(-1, d.shape[-1]) for d in member])
                for member in per_member
            ]
            pooled, alone = mixture_weights(stacked, obs)
            self.member_crps_ = dict(zip(self.members, map(float, alone), strict=True))
            weights[:] = pooled
            for s in range(n_strata):
                sel = strata == s
                if n_strata > 1 and sel.sum() >= self.min_cells:
                    weights[s] = mixture_weights([d[sel] for d in stacked], obs[sel])[0]
            # Shrink towards equal weights: a year of pseudo-origins is a noisy guide, and
            # fixed equal weights are hard to beat (the forecast combination puzzle).
            weights = self.shrinkage / k + (1.0 - self.shrinkage) * weights
        self.weights_ = weights
        self.region_strata_ = self._stratum(values, end)
        self.fitted_ = fitted

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        n_r = len(self.panel_.region_ids)
        needed = self.weights_[self.region_strata_].max(axis=0) > 0
        member_draws = [
            model.predict(horizon, draws).draws if use else None
            for model, use in zip(self.fitted_, needed, strict=True)
        ]
        out = np.empty((horizon, n_r, draws))
        for s in np.unique(self.region_strata_):
            regions = np.flatnonzero(self.region_strata_ == s)
            counts = allocate(self.weights_[s], draws)
            parts = [
                d[:, regions, :n]
                for d, n in zip(member_draws, counts, strict=True)
                if n > 0 and d is not None
            ]
            out[:, regions, :] = np.concatenate(parts, axis=2)
        return out[:, :, rng.permutation(draws)]

    def describe(self) -> dict[str, Any]:
        return {
            "weights": {name: self.weights_[:, j].tolist() for j, name in enumerate(self.members)},
            "strata": list(self.strata),
            "member_crps": self.member_crps_,
        }
