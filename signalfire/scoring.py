"""Scores of probabilistic forecasts given as draws: pure functions over arrays.

Conventions: `draws` has shape (..., n_draws) and `obs` the leading shape (...); element-wise
scores come back with shape (...). Lower is better for CRPS, log score and Brier; higher for
average precision and the top-10% share. Pooled figures are means over every element.

Count data: the targets (fatalities, events) are non-negative integers, and so are the draws of
every model here, but nothing below requires it except the log score (see `log_score`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scoringrules
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

# Weight of the heavy-tailed base pmf mixed into the draws' empirical pmf by `log_score`.
LOG_SCORE_EPSILON = 1e-3


def _pair(draws: ArrayLike, obs: ArrayLike) -> tuple[FloatArray, FloatArray]:
    d = np.asarray(draws, dtype="float64")
    y = np.asarray(obs, dtype="float64")
    if d.ndim < 1 or d.shape[-1] < 1:
        raise ValueError(f"draws need a last axis of draws, got shape {d.shape}")
    if d.shape[:-1] != y.shape:
        raise ValueError(f"draws {d.shape} do not match observations {y.shape} + (n_draws,)")
    return d, y


def crps(draws: ArrayLike, obs: ArrayLike, *, is_sorted: bool = False) -> FloatArray:
    """Continuous ranked probability score of the empirical distribution of the draws.

    `scoringrules.crps_ensemble` with the exact ("qd", quantile decomposition) estimator, which
    equals E|X - y| - E|X - X'| / 2 over the draws: 0 for a point mass at the observation.
    `is_sorted`: the draws are already sorted along their last axis (saves the sort).
    """
    d, y = _pair(draws, obs)
    return np.asarray(
        scoringrules.crps_ensemble(y, d, estimator="qd", sorted_ensemble=is_sorted),
        dtype="float64",
    )


def _base_pmf(y: FloatArray) -> FloatArray:
    """1 / ((y + 1)(y + 2)) on y = 0, 1, 2, ...: a proper pmf with a heavy (y^-2) tail."""
    return 1.0 / ((y + 1.0) * (y + 2.0))


def is_integer_valued(values: ArrayLike) -> bool:
    a = np.asarray(values, dtype="float64")
    return bool(np.all(np.isfinite(a)) and np.all(a >= 0) and np.all(a == np.round(a)))


def log_score(draws: ArrayLike, obs: ArrayLike, epsilon: float = LOG_SCORE_EPSILON) -> FloatArray:
    """Negative log predictive probability of a count, from the draws (lower is better).

    The predictive pmf is the draws' empirical pmf mixed with a small weight `epsilon` of the
    base pmf 1/((y+1)(y+2)) over the non-negative integers:

        p(y) = (1 - epsilon) * #{draws == y} / n_draws + epsilon / ((y + 1)(y + 2))

    It is a proper pmf that is positive everywhere, so the score is finite even when no draw hits
    the observation (a miss costs about -log(epsilon) + 2 log(y + 1.5)), and it is comparable
    across models with different numbers of draws. Defined for count data only: where the draws
    or the observation are not non-negative integers the score is NaN.
    """
    if not 0 < epsilon < 1:
        raise ValueError(f"epsilon must be in (0, 1), got {epsilon}")
    d, y = _pair(draws, obs)
    d_ok = np.all((d >= 0) & (d == np.round(d)), axis=-1)
    y_ok = np.isfinite(y) & (y >= 0) & (y == np.round(y))
    hits = (d == y[..., None]).mean(axis=-1)
    safe_y = np.where(y_ok, y, 0.0)
    p = (1.0 - epsilon) * hits + epsilon * _base_pmf(safe_y)
    return np.where(d_ok & y_ok, -np.log(p), np.nan)


def prob_any(draws: ArrayLike, threshold: float = 1.0) -> FloatArray:
    """P(value >= threshold) from the draws: the share of draws at or above it."""
    d = np.asarray(draws, dtype="float64")
    return np.asarray((d >= threshold).mean(axis=-1), dtype="float64")


def brier(draws: ArrayLike, obs: ArrayLike, threshold: float = 1.0) -> FloatArray:
    """Element-wise Brier score of P(value >= threshold); its mean is the pooled Brier score."""
    d, y = _pair(draws, obs)
    return np.asarray((prob_any(d, threshold) - (y >= threshold)) ** 2, dtype="float64")


def average_precision(prob: ArrayLike, obs: ArrayLike, threshold: float = 1.0) -> float:
    """Average precision of `prob` for the event value >= threshold; NaN if it never happened.

    The same figure as `sklearn.metrics.average_precision_score` (tested equal): the sum over
    distinct score thresholds, highest first, of precision times the gain in recall; tied
    scores enter together. Computed with numpy because sklearn's input checks cost ~10 ms a
    call, and a backtest computes thousands of them.
    """
    p = np.asarray(prob, dtype="float64").reshape(-1)
    y = np.asarray(obs, dtype="float64").reshape(-1) >= threshold
    if p.shape != y.shape:
        raise ValueError(f"prob {p.shape} and obs {y.shape} differ")
    positives = int(y.sum())
    if positives == 0:
        return math.nan
    order = np.argsort(-p, kind="stable")
    p, y = p[order], y[order]
    # The last index of each run of tied scores: where a threshold admits its cases.
    ends = np.flatnonzero(np.r_[p[1:] != p[:-1], True])
    tp = np.cumsum(y)[ends]
    precision = tp / (ends + 1)
    recall_gain = np.diff(np.r_[0, tp]) / positives
    return float(np.sum(precision * recall_gain))


def randomized_pit(
    draws: ArrayLike, obs: ArrayLike, rng: np.random.Generator | int | None = 0
) -> FloatArray:
    """Randomized probability integral transform, for discrete (or any) predictive draws.

    u = F(y-) + V * (F(y) - F(y-)) with F the draws' empirical cdf, F(y-) = P(X < y) and
    V ~ Uniform(0, 1): uniform on (0, 1) when the forecast is calibrated, even for counts
    with many ties (Czado, Gneiting & Held 2009, the randomized version). Seeded by `rng`.
    """
    d, y = _pair(draws, obs)
    rng = np.random.default_rng(rng)
    below = (d < y[..., None]).mean(axis=-1)
    at = (d == y[..., None]).mean(axis=-1)
    return np.asarray(below + rng.uniform(size=y.shape) * at, dtype="float64")


def pit_histogram(pit: ArrayLike, bins: int = 10) -> FloatArray:
    """Share of PIT values in each of `bins` equal bins of [0, 1] (each 1/bins if uniform)."""
    u = np.asarray(pit, dtype="float64").reshape(-1)
    u = u[np.isfinite(u)]
    counts, _ = np.histogram(u, bins=bins, range=(0.0, 1.0))
    total = counts.sum()
    return counts / total if total else np.full(bins, np.nan)


def pit_coverage(pit: ArrayLike, level: float) -> float:
    """Coverage of the randomized central `level` interval: the share of randomized PIT values
    in [(1 - level) / 2, (1 + level) / 2]; `level` in expectation for a calibrated forecast.

    This is how the issue's "the 90% interval covers 85-95%" is judged for counts (Czado,
    Gneiting & Held 2009): an interval of draws with its bounds included (`coverage`)
    over-covers counts with many zeros, since a [0, 0] interval covers every zero.
    """
    if not 0 < level <= 1:
        raise ValueError(f"level must be in (0, 1], got {level}")
    u = np.asarray(pit, dtype="float64").reshape(-1)
    u = u[np.isfinite(u)]
    if len(u) == 0:
        return math.nan
    return float((np.abs(u - 0.5) <= level / 2).mean())


def _inverted_cdf_index(q: float, n: int) -> int:
    """Index into n sorted draws of the smallest x with F(x) >= q (numpy's 'inverted_cdf')."""
    return min(n - 1, max(0, math.ceil(q * n - 1e-9) - 1))


def central_interval(
    draws: ArrayLike, level: float, *, is_sorted: bool = False
) -> tuple[FloatArray, FloatArray]:
    """The central `level` interval of the draws: their (1-level)/2 and (1+level)/2 quantiles.

    Quantiles by the inverted empirical cdf, so that for counts the bounds are values the
    forecast actually takes. `is_sorted`: the draws are sorted along their last axis.
    """
    if not 0 < level <= 1:
        raise ValueError(f"level must be in (0, 1], got {level}")
    d = np.asarray(draws, dtype="float64")
    if not is_sorted:
        d = np.sort(d, axis=-1)
    n = d.shape[-1]
    lo = d[..., _inverted_cdf_index((1 - level) / 2, n)]
    hi = d[..., _inverted_cdf_index((1 + level) / 2, n)]
    return np.asarray(lo, dtype="float64"), np.asarray(hi, dtype="float64")


def covered(
    draws: ArrayLike, obs: ArrayLike, level: float, *, is_sorted: bool = False
) -> FloatArray:
    """1.0 where the observation lies in the central `level` interval (bounds included)."""
    d, y = _pair(draws, obs)
    lo, hi = central_interval(d, level, is_sorted=is_sorted)
    return ((lo <= y) & (y <= hi)).astype("float64")


def coverage(draws: ArrayLike, obs: ArrayLike, level: float) -> float:
    """Share of observations inside their central `level` interval."""
    return float(covered(draws, obs, level).mean())


def top_share(pred_mean: ArrayLike, obs: ArrayLike, fraction: float = 0.1) -> float:
    """Share of the observed total that falls in the top `fraction` of cases by predicted mean.

    "Share of actual fatalities in the top 10% of predicted region-months". The top set has
    ceil(fraction * n) cases; cases tied with the last one in it count in proportion (the
    expected share when ties are broken at random), so a constant forecast scores `fraction`
    on average whatever the order of the cases. NaN when nothing was observed.
    """
    m = np.asarray(pred_mean, dtype="float64").reshape(-1)
    y = np.asarray(obs, dtype="float64").reshape(-1)
    if m.shape != y.shape:
        raise ValueError(f"pred_mean {m.shape} and obs {y.shape} differ")
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], got {fraction}")
    total = y.sum()
    if m.size == 0 or total <= 0:
        return math.nan
    k = math.ceil(fraction * m.size)
    cutoff = np.sort(m)[::-1][k - 1]
    above = m > cutoff
    tied = m == cutoff
    slots = k - int(above.sum())
    captured = y[above].sum() + y[tied].sum() * slots / int(tied.sum())
    return float(captured / total)


def skill(score: float, reference: float) -> float:
    """1 - score / reference: the share of the reference's score that the model removes."""
    if reference == 0:
        return 0.0 if score == 0 else -math.inf
    return 1.0 - score / reference


@dataclass(frozen=True)
class Skill:
    value: float
    lo: float
    hi: float
    level: float = 0.95

    def as_dict(self) -> dict[str, float]:
        return {"value": self.value, "lo": self.lo, "hi": self.hi, "level": self.level}


def bootstrap_skill(
    scores: ArrayLike,
    reference: ArrayLike,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> Skill:
    """Pooled skill 1 - mean(scores) / mean(reference), with a bootstrap CI over regions.

    `scores` and `reference` are element-wise scores of the same cases with regions on the
    last axis (e.g. (origins, horizons, regions)); NaN cases (missing in either) are dropped
    from both. The CI resamples regions with replacement (`n_boot` times, seeded) and
    recomputes the pooled skill from the resampled regions' totals: it keeps the dependence
    between the origins and horizons of one region.
    """
    s = np.asarray(scores, dtype="float64")
    r = np.asarray(reference, dtype="float64")
    if s.shape != r.shape or s.ndim < 1:
        raise ValueError(f"scores {s.shape} and reference {r.shape} must have one shape")
    s = s.reshape(-1, s.shape[-1])
    r = r.reshape(-1, r.shape[-1])
    valid = np.isfinite(s) & np.isfinite(r)
    s_sum = np.where(valid, s, 0.0).sum(axis=0)
    r_sum = np.where(valid, r, 0.0).sum(axis=0)
    value = skill(float(s_sum.sum()), float(r_sum.sum()))
    n_regions = s.shape[1]
    if n_regions == 0 or not valid.any():
        return Skill(math.nan, math.nan, math.nan, level)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n_regions, size=(n_boot, n_regions))
    boot_s = s_sum[picks].sum(axis=1)
    boot_r = r_sum[picks].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        boot = np.where(boot_r > 0, 1.0 - boot_s / boot_r, np.where(boot_s > 0, -np.inf, 0.0))
    tail = (1 - level) / 2
    # Linear interpolation fails between infinite values; then take order statistics.
    if np.isfinite(boot).all():
        lo, hi = np.quantile(boot, [tail, 1 - tail])
    else:
        lo, hi = np.quantile(boot, [tail, 1 - tail], method="inverted_cdf")
    return Skill(value, float(lo), float(hi), level)
