"""Properties of the pure scoring functions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import average_precision_score, brier_score_loss

from signalfire import scoring

counts = st.integers(min_value=0, max_value=50)
draw_lists = st.lists(counts, min_size=1, max_size=40)
FAST = settings(max_examples=40, deadline=None)


@FAST
@given(y=counts, n=st.integers(min_value=1, max_value=30))
def test_crps_of_a_point_mass_at_the_observation_is_zero(y: int, n: int) -> None:
    assert scoring.crps(np.full(n, float(y)), np.float64(y)) == pytest.approx(0.0, abs=1e-12)


@FAST
@given(draws=draw_lists, y=counts)
def test_crps_is_non_negative_and_matches_its_definition(draws: list[int], y: int) -> None:
    d = np.asarray(draws, dtype=float)
    value = float(scoring.crps(d, np.float64(y)))
    expected = np.abs(d - y).mean() - 0.5 * np.abs(d[:, None] - d[None, :]).mean()
    assert value >= -1e-12
    assert value == pytest.approx(expected, abs=1e-9)
    assert float(scoring.crps(np.sort(d), np.float64(y), is_sorted=True)) == pytest.approx(value)


@FAST
@given(draws=arrays(np.float64, (3, 4, 7), elements=st.integers(0, 9).map(float)))
def test_crps_keeps_the_leading_shape(draws: np.ndarray) -> None:
    obs = draws[..., 0]
    assert scoring.crps(draws, obs).shape == (3, 4)


def test_shapes_must_match() -> None:
    with pytest.raises(ValueError, match="do not match"):
        scoring.crps(np.zeros((3, 10)), np.zeros(4))


@FAST
@given(draws=draw_lists, y=counts)
def test_log_score_is_finite_and_positive_for_counts(draws: list[int], y: int) -> None:
    value = float(scoring.log_score(np.asarray(draws, float), np.float64(y)))
    assert math.isfinite(value)
    assert value > 0


def test_log_score_of_a_point_mass() -> None:
    eps = scoring.LOG_SCORE_EPSILON
    hit = float(scoring.log_score(np.full(10, 3.0), np.float64(3.0)))
    miss = float(scoring.log_score(np.full(10, 3.0), np.float64(4.0)))
    assert hit == pytest.approx(-math.log(1 - eps + eps / 20))
    assert miss == pytest.approx(-math.log(eps / 30))
    # Undefined for non-counts.
    assert math.isnan(float(scoring.log_score(np.array([0.5, 1.0]), np.float64(1.0))))
    assert math.isnan(float(scoring.log_score(np.array([1.0, 1.0]), np.float64(1.5))))


def test_log_score_base_pmf_sums_to_one() -> None:
    y = np.arange(200_000, dtype=float)
    assert scoring._base_pmf(y).sum() == pytest.approx(1.0, abs=1e-5)


@settings(max_examples=25, deadline=None)
@given(
    draws=arrays(np.float64, (20, 15), elements=st.integers(0, 3).map(float)),
    obs=arrays(np.float64, 20, elements=st.integers(0, 3).map(float)),
)
def test_brier_and_average_precision_agree_with_sklearn(draws: np.ndarray, obs: np.ndarray) -> None:
    p = scoring.prob_any(draws)
    events = (obs >= 1).astype(int)
    assert scoring.brier(draws, obs).mean() == pytest.approx(brier_score_loss(events, p))
    ap = scoring.average_precision(p, obs)
    if events.sum() == 0:
        assert math.isnan(ap)
    else:
        assert ap == pytest.approx(average_precision_score(events, p))


@FAST
@given(draws=draw_lists)
def test_a_wide_interval_covers_everything_within_the_draws(draws: list[int]) -> None:
    d = np.asarray(draws, dtype=float)
    inside = np.array([d.min(), d.max(), np.median(d)])
    stacked = np.broadcast_to(d, (3, d.size))
    assert scoring.coverage(stacked, inside, 1.0) == 1.0
    assert scoring.coverage(stacked, inside + 0.5 * (d.max() - d.min() + 1) * 10, 1.0) == 0.0


@FAST
@given(draws=arrays(np.float64, (4, 13), elements=st.integers(0, 20).map(float)))
def test_central_interval_uses_the_inverted_cdf(draws: np.ndarray) -> None:
    for level in (0.5, 0.9, 1.0):
        lo, hi = scoring.central_interval(draws, level)
        q = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2], axis=-1, method="inverted_cdf")
        np.testing.assert_array_equal(lo, q[0])
        np.testing.assert_array_equal(hi, q[1])


def test_pit_of_a_calibrated_forecast_is_uniform() -> None:
    rng = np.random.default_rng(1)
    rate = rng.gamma(0.5, 2.0, size=4000)  # many zeros, some large counts: like the data
    obs = rng.poisson(rate).astype(float)
    draws = rng.poisson(rate[:, None], size=(4000, 500)).astype(float)
    hist = scoring.pit_histogram(scoring.randomized_pit(draws, obs, 2), bins=10)
    assert hist.sum() == pytest.approx(1.0)
    assert np.abs(hist - 0.1).max() < 0.02
    # A forecast that is too narrow (a point mass at the rate) is not.
    narrow = np.broadcast_to(np.round(rate)[:, None], draws.shape)
    bad = scoring.pit_histogram(scoring.randomized_pit(narrow, obs, 2), bins=10)
    assert np.abs(bad - 0.1).max() > 0.05


def test_randomized_coverage_is_nominal_where_bounds_included_over_cover() -> None:
    rng = np.random.default_rng(3)
    rate = rng.gamma(0.3, 1.0, size=4000)  # mostly zeros, as district-months are
    obs = rng.poisson(rate).astype(float)
    draws = rng.poisson(rate[:, None], size=(4000, 400)).astype(float)
    pit = scoring.randomized_pit(draws, obs, 4)
    assert scoring.pit_coverage(pit, 0.9) == pytest.approx(0.9, abs=0.02)
    assert scoring.pit_coverage(pit, 0.5) == pytest.approx(0.5, abs=0.03)
    # The interval of the draws with its bounds included covers more than 90% of the same
    # calibrated forecast's outcomes: every zero falls in a [0, k] interval.
    assert scoring.coverage(draws, obs, 0.9) > 0.95
    # NaN PIT values (unscored cases) are left out; an empty set has no coverage.
    assert scoring.pit_coverage(np.array([0.5, np.nan, 0.01]), 0.9) == pytest.approx(0.5)
    assert math.isnan(scoring.pit_coverage(np.array([np.nan]), 0.9))
    with pytest.raises(ValueError, match="level"):
        scoring.pit_coverage(pit, 1.5)


def test_pit_is_seeded() -> None:
    draws = np.zeros((5, 10))
    obs = np.zeros(5)
    a = scoring.randomized_pit(draws, obs, 7)
    np.testing.assert_array_equal(a, scoring.randomized_pit(draws, obs, 7))
    assert ((a >= 0) & (a <= 1)).all()


def test_top_share() -> None:
    obs = np.array([10.0, 0, 0, 0, 0, 0, 0, 0, 0, 5])
    assert scoring.top_share(np.arange(10.0)[::-1], obs) == pytest.approx(10 / 15)
    assert scoring.top_share(np.arange(10.0), obs) == pytest.approx(5 / 15)
    # A constant forecast: the expected share under random tie-breaking.
    assert scoring.top_share(np.zeros(10), obs) == pytest.approx(0.1)
    assert math.isnan(scoring.top_share(np.ones(10), np.zeros(10)))


@FAST
@given(
    mean=arrays(np.float64, 30, elements=st.integers(0, 5).map(float)),
    obs=arrays(np.float64, 30, elements=st.integers(0, 9).map(float)),
)
def test_top_share_is_a_share(mean: np.ndarray, obs: np.ndarray) -> None:
    share = scoring.top_share(mean, obs)
    if obs.sum() == 0:
        assert math.isnan(share)
    else:
        assert -1e-12 <= share <= 1 + 1e-12


@FAST
@given(scores=arrays(np.float64, (4, 9), elements=st.floats(0, 10)), seed=st.integers(0, 99))
def test_skill_of_a_model_against_itself_is_zero(scores: np.ndarray, seed: int) -> None:
    result = scoring.bootstrap_skill(scores, scores, n_boot=200, seed=seed)
    assert result.value == 0.0
    assert result.lo <= 0.0 <= result.hi


def test_bootstrap_skill_of_a_better_model() -> None:
    rng = np.random.default_rng(3)
    reference = rng.gamma(1.0, 1.0, size=(12, 6, 40))
    better = reference * rng.uniform(0.6, 0.9, size=reference.shape)
    result = scoring.bootstrap_skill(better, reference, n_boot=500, seed=1)
    assert 0.1 < result.lo < result.value < result.hi < 0.4
    again = scoring.bootstrap_skill(better, reference, n_boot=500, seed=1)
    assert again == result
    # NaN cases (missing horizons) are left out of both.
    holed = better.copy()
    holed[0, 0, :] = np.nan
    assert math.isfinite(scoring.bootstrap_skill(holed, reference, n_boot=50).value)


def test_skill() -> None:
    assert scoring.skill(0.8, 1.0) == pytest.approx(0.2)
    assert scoring.skill(0.0, 0.0) == 0.0
    assert scoring.skill(1.0, 0.0) == -math.inf
