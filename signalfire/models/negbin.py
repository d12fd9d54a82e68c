"""Negative binomial regression on features (statsmodels), and the NB helpers other models use.

`NegBinModel` is a direct multi-horizon count regression: rows are (region, period t, horizon
h) with the features of t and the horizon, the response is the value at t + h, and the link is
log. Covariates are log1p-transformed recent levels (own, neighbours, province, country), the
Hawkes intensity, months since the last event and the horizon with its interactions. The NB2
coefficients come from statsmodels' GLM with the negative binomial family (IRLS), alternated
with a moment estimate of the dispersion; quiet rows (no violence in or near the region
lately) are subsampled and weighted up. Forecasts are NB draws at each region's predicted
mean, with the dispersion re-estimated per bin of fitted mean (`dispersion="binned"`) or the
single fitted one (`"single"`).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from ..features import direct_rows, feature_set, quiet_mask
from ..panel import Panel
from .base import ForecastModel

# Mean floor for NB draws; and the dispersion's range.
MU_FLOOR = 1e-9
ALPHA_BOUNDS = (1e-3, 100.0)
DISPERSION_EDGES = (0.1, 1.0, 5.0)


def nb_draws(
    mu: np.ndarray, alpha: np.ndarray | float, draws: int, rng: np.random.Generator
) -> np.ndarray:
    """NB2 draws (variance mu + alpha mu^2) of shape mu.shape + (draws,)."""
    mu = np.maximum(np.asarray(mu, float), MU_FLOOR)
    a = np.clip(np.broadcast_to(np.asarray(alpha, float), mu.shape), *ALPHA_BOUNDS)
    n: np.ndarray = 1.0 / a
    p = n / (n + mu)
    return rng.negative_binomial(n[..., None], p[..., None], size=(*mu.shape, draws)).astype(float)


def moment_dispersion(mu: np.ndarray, y: np.ndarray) -> float:
    """Method-of-moments NB2 dispersion: sum((y - mu)^2 - mu) / sum(mu^2), clipped."""
    mu = np.maximum(np.asarray(mu, float), MU_FLOOR)
    y = np.asarray(y, float)
    denom = float(np.sum(mu**2))
    if denom <= 0:
        return ALPHA_BOUNDS[0]
    return float(np.clip(np.sum((y - mu) ** 2 - mu) / denom, *ALPHA_BOUNDS))


def binned_dispersion(
    mu: np.ndarray, y: np.ndarray, edges: tuple[float, ...], min_count: int = 30
) -> np.ndarray:
    """One moment dispersion per bin of the predicted mean (the overall one where thin)."""
    overall = moment_dispersion(mu, y)
    out = np.full(len(edges) + 1, overall)
    bins = np.searchsorted(np.asarray(edges), mu, side="right")
    for b in range(len(out)):
        sel = bins == b
        if sel.sum() >= min_count and np.sum(mu[sel] ** 2) > 1e-6:
            out[b] = moment_dispersion(mu[sel], y[sel])
    return out


def apply_bins(mu: np.ndarray, edges: tuple[float, ...], per_bin: np.ndarray) -> np.ndarray:
    return np.asarray(per_bin)[np.searchsorted(np.asarray(edges), mu, side="right")]


# Covariates (log1p of the feature unless noted) and the horizon interactions.
NB_FEATURES = (
    "lag1",
    "mean3",
    "mean12",
    "mean24",
    "max12",
    "alt_mean3",
    "alt_mean12",
    "nb_meanmean3",
    "nb_meanmean12",
    "parent_othermean12",
    "country_summean3",
    "hawkes_rate",
)
NB_INTERACT = ("mean3", "mean12")


class NegBinModel(ForecastModel):
    """NB2 regression (statsmodels) of the value h periods ahead on the features at t."""

    name = "negbin"

    def __init__(
        self,
        *,
        train_window: int = 120,
        max_horizon: int = 6,
        dispersion: str = "binned",
        dispersion_scale: float = 1.0,
        keep_quiet: float = 0.25,
        seed: int = 0,
    ) -> None:
        super().__init__(seed=seed)
        if dispersion not in ("binned", "single"):
            raise ValueError(f"dispersion must be 'binned' or 'single', got {dispersion!r}")
        self.train_window = train_window
        self.max_horizon = max_horizon
        self.dispersion = dispersion
        self.dispersion_scale = dispersion_scale
        self.keep_quiet = keep_quiet

    def _design(self, feats: np.ndarray, h: np.ndarray, since: np.ndarray) -> np.ndarray:
        logs = np.log1p(np.clip(np.nan_to_num(feats, nan=0.0), 0, None))
        lh = np.log(h.astype(float))[:, None]
        idx = [NB_FEATURES.index(n) for n in NB_INTERACT]
        gap = np.minimum(np.nan_to_num(since, nan=240.0), 240.0)[:, None] / 12.0
        return np.column_stack(
            [np.ones(len(h)), logs, lh, lh * logs[:, idx], gap, (gap > 1.0).astype(float)]
        )

    @staticmethod
    def _covariates(panel: Panel) -> np.ndarray:
        fs = feature_set(panel)
        return np.concatenate([fs.select(list(NB_FEATURES)), fs.select(["since_event"])], axis=2)

    def _fit(self, panel: Panel) -> None:
        fs = feature_set(panel)
        stacked = self._covariates(panel)
        values = panel.values.to_numpy(float)
        end = len(values) - 1
        rng = np.random.default_rng(self.seed)
        rows = direct_rows(
            stacked,
            values,
            end,
            self.max_horizon,
            self.train_window,
            rng,
            quiet_mask(fs),
            self.keep_quiet,
        )
        self.last_ = stacked[end]
        self.dispersion_ = np.full(len(DISPERSION_EDGES) + 1, ALPHA_BOUNDS[0])
        y, w = rows.y, rows.weight
        if len(y) < 20 or y.sum() == 0:
            self.params_ = None
            self.alpha_ = ALPHA_BOUNDS[0]
            self.mean_ = float(np.average(y, weights=w)) if len(y) else 0.0
            return
        design = self._design(rows.x[:, : len(NB_FEATURES)], rows.h, rows.x[:, len(NB_FEATURES)])
        self.params_, self.alpha_ = self._glm_nb(design, y, w)
        fitted = np.exp(np.clip(design @ self.params_, -30, 12))
        if self.dispersion == "single":
            self.dispersion_ = np.full(len(DISPERSION_EDGES) + 1, self.alpha_)
        else:
            # per bin of the fitted mean: small means are far less dispersed than large ones
            self.dispersion_ = binned_dispersion(fitted, y, DISPERSION_EDGES)
        self.dispersion_ = self.dispersion_ * self.dispersion_scale

    @staticmethod
    def _glm_nb(design: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
        """NB2 regression by statsmodels GLM (IRLS, frequency weights), alternating with the
        moment estimate of the dispersion, from a Poisson fit."""
        from statsmodels.genmod.families import NegativeBinomial, Poisson
        from statsmodels.genmod.generalized_linear_model import GLM

        # One BLAS thread: these matrices are small, and threads only contend.
        with warnings.catch_warnings(), threadpool_limits(1, user_api="blas"):
            warnings.simplefilter("ignore")  # statsmodels convergence/overflow chatter
            result = GLM(y, design, family=Poisson(), freq_weights=weight).fit(maxiter=50)
            params = np.asarray(result.params, float)
            alpha = 1.0
            for _ in range(3):
                mu = np.exp(np.clip(design @ params, -30, 12))
                alpha = float(
                    np.clip(
                        np.sum(weight * ((y - mu) ** 2 - mu)) / np.sum(weight * mu**2),
                        *ALPHA_BOUNDS,
                    )
                )
                family = NegativeBinomial(alpha=alpha)
                result = GLM(y, design, family=family, freq_weights=weight).fit(
                    start_params=params, maxiter=50
                )
                new = np.asarray(result.params, float)
                if not np.all(np.isfinite(new)):
                    break
                params = new
        return params, alpha

    def mean_from(self, last: np.ndarray, horizon: int) -> np.ndarray:
        """Predicted means (horizon, regions) from one period's covariates."""
        n_r = len(last)
        if self.params_ is None:
            return np.full((horizon, n_r), self.mean_)
        out = np.empty((horizon, n_r))
        for k in range(horizon):
            h = np.full(n_r, min(k + 1, self.max_horizon))
            design = self._design(last[:, : len(NB_FEATURES)], h, last[:, -1])
            out[k] = np.exp(np.clip(design @ self.params_, -30, 12))
        return out

    def draws_from(
        self, last: np.ndarray, horizon: int, draws: int, rng: np.random.Generator
    ) -> np.ndarray:
        mu = self.mean_from(last, horizon)
        return nb_draws(mu, apply_bins(mu, DISPERSION_EDGES, self.dispersion_), draws, rng)

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return self.draws_from(self.last_, horizon, draws, rng)

    def backcast(
        self,
        panel: Panel,
        fit_end: int,
        origins: list[int],
        end: int,
        horizon: int,
        draws: int,
        rng: np.random.Generator,
    ) -> list[np.ndarray]:
        """Fit on periods up to index `fit_end`; draws from each later origin's covariates."""
        self._fit(panel.until(panel.periods[fit_end]))
        covariates = self._covariates(panel)
        return [self.draws_from(covariates[t], min(horizon, end - t), draws, rng) for t in origins]

    def describe(self) -> dict[str, Any]:
        return {"alpha": self.alpha_, "dispersion": self.dispersion_.tolist()}
