"""One contract for every forecasting model, on a small synthetic panel; one real-data check."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from test_features import altered_after, synthetic_panel

from signalfire import features as F
from signalfire.models import MODELS, ForecastModel
from signalfire.models.ensemble import allocate, mean_abs_diff, mixture_weights
from signalfire.panel import Panel, PanelSpec

HORIZON = 3
DRAWS = 40


@pytest.fixture(scope="module")
def panel() -> Panel:
    return synthetic_panel(n_months=60)


def _draws(model: ForecastModel, panel: Panel) -> np.ndarray:
    fitted = model.fit(panel)
    assert fitted is model
    return model.predict(HORIZON, draws=DRAWS).draws


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model_contract(name: str, panel: Panel) -> None:
    cls = MODELS[name]
    model = cls(seed=1)
    # __init__ stores parameters only, and they round-trip
    params = model.get_params()
    assert not [k for k in vars(model) if k.endswith("_")]
    assert params["seed"] == 1
    assert cls(**params).get_params() == params
    with pytest.raises(RuntimeError):
        model.predict(HORIZON, draws=DRAWS)

    cut = panel.periods[47]
    truncated = panel.until(cut)
    draws = _draws(model, truncated)
    assert draws.shape == (HORIZON, len(panel.region_ids), DRAWS)
    assert np.isfinite(draws).all() and (draws >= 0).all()
    forecast = model.predict(HORIZON, draws=DRAWS)
    assert [str(p) for p in forecast.periods] == [str(cut + k) for k in range(1, HORIZON + 1)]
    assert len(forecast.summary()) == HORIZON * len(panel.region_ids)
    assert set(model.get_params()) == set(params)  # fitting adds only learned state

    # deterministic under a seed; another seed differs where the model is random
    np.testing.assert_array_equal(_draws(cls(**params), truncated), draws)
    if (draws.std(axis=2) > 0).any():
        other = _draws(cls(**{**params, "seed": 2}), truncated)
        assert not np.array_equal(other, draws)

    # no look-ahead: the same draws whatever the panel held after the origin, even with
    # features of a panel with other later data computed (and cached) first
    changed = altered_after(panel, cut)
    F.feature_set(changed)
    np.testing.assert_array_equal(_draws(cls(**params), changed.until(cut)), draws)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model_handles_a_panel_without_events(name: str) -> None:
    panel = synthetic_panel(n_months=30)
    quiet = Panel(panel.spec, panel.values * 0.0, panel.regions, panel.neighbours,
                  panel.events.iloc[0:0])  # fmt: skip
    draws = MODELS[name](seed=0).fit(quiet).predict(2, draws=10).draws
    assert draws.shape == (2, len(panel.region_ids), 10) and (draws >= 0).all()


def test_events_target_and_horizons_beyond_training(panel: Panel) -> None:
    events = synthetic_panel(n_months=60, target="events")
    for name in ("lgbm", "negbin", "hawkes"):
        draws = MODELS[name](seed=0).fit(events).predict(8, draws=20).draws
        assert draws.shape == (8, len(events.region_ids), 20)
        assert np.array_equal(draws, np.round(draws))  # counts


def test_models_on_a_weekly_panel() -> None:
    monthly = synthetic_panel(n_months=24)
    events = monthly.events.copy()
    events["period"] = pd.PeriodIndex(events["date_start"], freq="W-SUN")
    weeks = pd.period_range(events["period"].min(), events["period"].max(), freq="W-SUN")
    values = (
        events.groupby(["period", "region_id"])["deaths"].sum().astype(float).unstack()
        .reindex(index=weeks, columns=monthly.region_ids, fill_value=0.0).fillna(0.0)
    )  # fmt: skip
    values.index.name = "period"
    values.columns.name = None
    spec = PanelSpec(level="adm2", target="fatalities", freq="week")
    weekly = Panel(spec, values, monthly.regions, monthly.neighbours, events)
    for name in sorted(MODELS):
        forecast = MODELS[name](seed=0).fit(weekly).predict(4, draws=20)
        assert forecast.draws.shape == (4, len(weekly.region_ids), 20)
        assert forecast.periods[0] == weeks[-1] + 1


def test_mean_abs_diff_matches_brute_force() -> None:
    rng = np.random.default_rng(0)
    x = rng.poisson(3, (5, 7, 30)).astype(float)
    y = rng.poisson(2, (5, 7, 20)).astype(float)
    brute = np.abs(x[..., :, None] - y[..., None, :]).mean(axis=(-1, -2))
    np.testing.assert_allclose(mean_abs_diff(x, y), brute)


def test_mixture_weights_prefer_the_better_member() -> None:
    rng = np.random.default_rng(0)
    obs = rng.poisson(5, 400).astype(float)
    good = rng.poisson(5, (400, 100)).astype(float)
    bad = rng.poisson(20, (400, 100)).astype(float)
    weights, alone = mixture_weights([bad, good], obs)
    assert alone[1] < alone[0]
    assert weights[1] > 0.9 and abs(weights.sum() - 1) < 1e-9
    assert allocate(np.array([0.333, 0.333, 0.334]), 10).sum() == 10


def test_ensemble_weights_depend_on_data_before_the_origin_only(panel: Panel) -> None:
    cut = panel.periods[50]
    params: dict[str, Any] = {"members": ("conflictology", "lgbm", "hawkes"), "seed": 3}
    a = MODELS["ensemble"](**params).fit(panel.until(cut))
    b = MODELS["ensemble"](**params).fit(altered_after(panel, cut).until(cut))
    np.testing.assert_array_equal(a.weights_, b.weights_)
    assert set(a.describe()["weights"]) == set(params["members"])


def test_models_on_the_real_store(ged_store: Any) -> None:
    from signalfire.panel import build_panel

    panel = build_panel(ged_store, level="adm2", target="fatalities", end="2016-12")
    recent = panel.values.iloc[-12:].sum() > 0
    for name in ("lgbm", "hawkes"):
        forecast = MODELS[name](seed=0).fit(panel).predict(3, draws=200)
        assert forecast.draws.shape == (3, len(panel.region_ids), 200)
        p_any = forecast.summary().groupby("region_id")["p_any"].mean()
        # districts with violence in the last year are more likely to see more
        assert p_any[recent[recent].index].mean() > 3 * p_any[recent[~recent].index].mean()


def test_hurdle_draws_follow_the_classifier_and_the_truncated_count() -> None:
    from scipy import stats

    from signalfire.models.gbm import hurdle_draws

    rng = np.random.default_rng(0)
    mu = np.array([[0.2, 3.0, 20.0]])
    alpha = np.array([[1.0, 0.5, 2.0]])
    p_any = np.array([[0.3, 0.9, 0.0]])
    draws = hurdle_draws(mu, alpha, p_any, 20000, rng)
    assert draws.shape == (1, 3, 20000) and np.array_equal(draws, np.round(draws))
    np.testing.assert_allclose((draws >= 1).mean(axis=2), p_any, atol=0.01)
    # the positive part is the NB2(mu, alpha) given >= 1
    n, p = 1.0 / alpha[0, 1], 1.0 / (1.0 + alpha[0, 1] * mu[0, 1])
    positive = draws[0, 1][draws[0, 1] >= 1]
    expected = mu[0, 1] / (1.0 - stats.nbinom.pmf(0, n, p))
    assert positive.mean() == pytest.approx(expected, rel=0.03)


def test_lgbm_hurdle_contract(panel: Panel) -> None:
    cut = panel.periods[47]
    model = MODELS["lgbm"](hurdle=True, seed=1)
    draws = _draws(model, panel.until(cut))
    assert draws.shape == (HORIZON, len(panel.region_ids), DRAWS) and (draws >= 0).all()
    np.testing.assert_array_equal(
        _draws(MODELS["lgbm"](hurdle=True, seed=1), panel.until(cut)), draws
    )
    changed = altered_after(panel, cut)
    F.feature_set(changed)
    np.testing.assert_array_equal(
        _draws(MODELS["lgbm"](hurdle=True, seed=1), changed.until(cut)), draws
    )
