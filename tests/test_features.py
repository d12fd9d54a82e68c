"""Features: what they compute, and that no feature at period t sees data after t."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signalfire import features as F
from signalfire import selfexcite as S
from signalfire.panel import Panel, PanelSpec

# Six regions: A1-A3 in province PA and B1-B2 in PB of Pakistan; C1 in Afghanistan.
# Chain A1-A2-A3, A3-B1-B2, and B2-C1 across the border.
REGIONS = ("A1", "A2", "A3", "B1", "B2", "C1")
EDGES = (("A1", "A2"), ("A2", "A3"), ("A3", "B1"), ("B1", "B2"), ("B2", "C1"))
ACTORS = ("Government of Pakistan", "Group X", "Group Y", "Government of Afghanistan", "Group Z")


def synthetic_panel(
    n_months: int = 60, seed: int = 0, target: str = "fatalities", start: str = "2010-01"
) -> Panel:
    """A small panel with clustered events, so every feature has something to see."""
    rng = np.random.default_rng(seed)
    periods = pd.period_range(start, periods=n_months, freq="M", name="period")
    rows = []
    base = {"A1": 0.8, "A2": 0.3, "A3": 1.5, "B1": 0.1, "B2": 0.5, "C1": 0.0}
    for k, period in enumerate(periods):
        for region, rate in base.items():
            surge = 3.0 if region == "A3" and 20 <= k < 30 else 1.0
            for _ in range(rng.poisson(rate * surge)):
                day = period.start_time + pd.Timedelta(
                    days=int(rng.integers(0, period.days_in_month))
                )
                rows.append(
                    {
                        "region_id": region,
                        "date_start": day,
                        "deaths": int(rng.geometric(0.3) - 1),
                        "actor1": ACTORS[0] if region != "C1" else ACTORS[3],
                        "actor2": ACTORS[1 + int(rng.integers(0, 2)) if rng.uniform() < 0.9 else 4],
                        "period": period,
                    }
                )
    events = pd.DataFrame(rows).sort_values("date_start", kind="stable", ignore_index=True)
    events["deaths"] = events["deaths"].astype("int32")
    return panel_from_events(events, periods, target)


def panel_from_events(events: pd.DataFrame, periods: pd.PeriodIndex, target: str) -> Panel:
    grouped = events.groupby(["period", "region_id"])
    counts = grouped["deaths"].sum() if target == "fatalities" else grouped.size()
    values = (
        counts.astype(float)
        .unstack("region_id")
        .reindex(index=periods, columns=list(REGIONS), fill_value=0.0)
        .fillna(0.0)
    )
    values.columns.name = None
    regions = pd.DataFrame(
        {
            "name": list(REGIONS),
            "parent_id": ["PA", "PA", "PA", "PB", "PB", "PC"],
            "iso3": ["PAK"] * 5 + ["AFG"],
        },
        index=pd.Index(REGIONS, name="region_id"),
    )
    pairs = [(a, b) for a, b in EDGES] + [(b, a) for a, b in EDGES]
    neighbours = pd.DataFrame(
        {
            "region_id": [a for a, _ in pairs],
            "neighbour_id": [b for _, b in pairs],
            "cross_border": [{a, b} == {"B2", "C1"} for a, b in pairs],
        }
    ).sort_values(["region_id", "neighbour_id"], ignore_index=True)
    spec = PanelSpec(level="adm2", target=target)
    return Panel(spec, values, regions, neighbours, events)


def exogenous_series(panel: Panel, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    index = panel.periods
    return pd.DataFrame(
        {"PAK": rng.poisson(50, len(index)).astype(float), "AFG": rng.poisson(80, len(index))},
        index=index,
    ).astype(float)


def assert_same_rows(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())  # NaN == NaN here


def altered_after(panel: Panel, cut: pd.Period, seed: int = 5) -> Panel:
    """The same panel with every value, event and actor after `cut` changed."""
    rng = np.random.default_rng(seed)
    ev = panel.events.copy()
    later = ev["period"] > cut
    ev.loc[later, "deaths"] = (ev.loc[later, "deaths"] * 3 + 7).astype("int32")
    ev.loc[later, "actor2"] = "Group New"
    extra = ev[later].copy()
    extra["region_id"] = rng.choice(list(REGIONS), len(extra))
    events = pd.concat([ev, extra]).sort_values("date_start", kind="stable", ignore_index=True)
    return panel_from_events(events, panel.periods, panel.spec.target)


@pytest.fixture(scope="module")
def panel() -> Panel:
    return synthetic_panel()


def test_feature_rows_and_columns(panel: Panel) -> None:
    frame = F.build_features(panel)
    assert frame.shape[0] == len(panel.periods) * len(REGIONS)
    assert list(frame.index.names) == ["period", "region_id"]
    for name in (
        "lag1", "lag12", "mean3", "max24", "since_event", "nb_sum1", "xb_mean1",
        "parent_sum1", "country_sum1", "actor_top1_share", "actor_foreign_state_share",
        "actor_deaths3", "actor_deaths_momentum", "actor_new3", "nb_actor_momentum",
        "nb_actor_deaths3", "hawkes_rate", "month",
    ):  # fmt: skip
        assert name in frame.columns, name
    y = panel.values
    t = panel.periods[30]
    row = frame.loc[t]
    np.testing.assert_allclose(row["lag1"], y.loc[t])
    np.testing.assert_allclose(row["lag2"], y.loc[t - 1])
    np.testing.assert_allclose(row["mean3"], y.loc[t - 2 : t].mean())
    np.testing.assert_allclose(row["max12"], y.loc[t - 11 : t].max())
    # neighbours: A2's are A1 and A3; C1's only neighbour is B2, across the border
    assert row.loc["A2", "nb_sum1"] == y.loc[t, "A1"] + y.loc[t, "A3"]
    assert row.loc["C1", "nb_sum1"] == 0 and row.loc["C1", "xb_sum1"] == y.loc[t, "B2"]
    assert row.loc["B1", "parent_sum1"] == y.loc[t, ["B1", "B2"]].sum()
    assert row.loc["A1", "country_sum1"] == y.loc[t, ["A1", "A2", "A3", "B1", "B2"]].sum()
    # C1 never has events: its months since the last event are capped; actors from events
    assert row.loc["C1", "since_event"] == F.MAX_GAP
    assert (frame["actor_top1_share"].between(0, 1)).all()
    assert frame.loc[t, "actor_foreign_state_share"].loc["A3"] == 0.0


def test_actor_growth_features(panel: Panel) -> None:
    frame = F.build_features(panel)
    t = panel.periods[40]
    row = frame.loc[t]
    ev = panel.events
    # Brute force for A1: its non-state actors of the last 12 periods, weighted by their share
    # of A1's actor-events there, times their deaths nationwide in the last 3 periods.
    recent = ev[(ev["period"] > t - 12) & (ev["period"] <= t)]
    sides = pd.concat(
        [recent[["region_id", "period", "deaths", a]].rename(columns={a: "actor"})
         for a in ("actor1", "actor2")]
    )  # fmt: skip
    sides = sides[~sides["actor"].str.startswith("Government of ")]
    own = sides[sides["region_id"] == "A1"]["actor"].value_counts()
    last3 = sides[sides["period"] > t - 3].groupby("actor")["deaths"].sum()
    expected = sum(n / own.sum() * last3.get(a, 0.0) for a, n in own.items())
    assert row.loc["A1", "actor_deaths3"] == pytest.approx(expected)
    assert expected > 0  # the check can fail
    # Neighbours' actor growth: A1's only neighbour is A2; C1's is B2, across the border.
    for name in ("actor_momentum", "actor_deaths3", "actor_new3"):
        assert row.loc["A1", f"nb_{name}"] == pytest.approx(row.loc["A2", name])
        assert row.loc["C1", f"nb_{name}"] == pytest.approx(row.loc["B2", name])
    assert ((frame["actor_new3"] >= 0) & (frame["actor_new3"] <= frame["actor_distinct"])).all()
    # A group seen in a region for the first time is a newcomer there.
    cut = panel.periods[47]
    changed = altered_after(panel, cut)  # "Group New" appears everywhere after the cut
    later = F.build_features(changed).loc[cut + 1]
    assert (later["actor_new3"] >= 1).sum() >= 1
    assert (later["actor_new3"] >= frame.loc[cut + 1, "actor_new3"]).all()


def test_hawkes_features_use_only_past_fits(panel: Panel) -> None:
    frame = F.build_features(panel)
    rate = frame["hawkes_rate"].unstack()
    # before the first yearly refit with enough events there is no fit: NaN
    assert rate.iloc[0].isna().all()
    assert rate.iloc[-1].notna().all() and (rate.iloc[-1] > 0).all()


@pytest.mark.parametrize("cut_index", [11, 23, 40, 58])
def test_features_at_t_equal_on_the_truncated_panel(panel: Panel, cut_index: int) -> None:
    cut = panel.periods[cut_index]
    exo = exogenous_series(panel)
    full = F.build_features(panel, exogenous=exo)
    S._FIT_CACHE.clear()
    short = F.build_features(panel.until(cut), exogenous=exo.loc[:cut])
    assert_same_rows(short, full.loc[:cut])


@pytest.mark.parametrize("cut_index", [23, 47])
def test_changing_data_after_t_changes_no_feature_up_to_t(panel: Panel, cut_index: int) -> None:
    cut = panel.periods[cut_index]
    exo = exogenous_series(panel)
    other_exo = exo.copy()
    other_exo.loc[other_exo.index > cut] *= 10
    changed = altered_after(panel, cut)
    assert not changed.values.loc[cut + 1 :].equals(panel.values.loc[cut + 1 :])
    a = F.build_features(panel, exogenous=exo)
    b = F.build_features(changed, exogenous=other_exo)
    assert_same_rows(a.loc[:cut], b.loc[:cut])
    # the check can fail: later rows do differ
    assert not np.array_equal(a.loc[cut + 1 :].to_numpy(), b.loc[cut + 1 :].to_numpy())


def test_feature_cache_reuses_prefix_rows_only_for_the_same_data(panel: Panel) -> None:
    cut = panel.periods[35]
    fresh = F.build_features(panel.until(cut))
    F.feature_set(altered_after(panel, cut))  # warm the cache with other later data
    cached = F.feature_set(panel.until(cut)).frame()
    assert_same_rows(fresh, cached)
    # a panel that differs before the cut must not reuse those rows
    different = altered_after(panel, panel.periods[10])
    assert not np.array_equal(
        F.feature_set(different.until(cut)).array, F.feature_set(panel.until(cut)).array
    )


def test_country_series_from_a_store_like_object() -> None:
    class FakeStore:
        def country_months(self) -> pd.DataFrame:
            return pd.DataFrame(
                {
                    "iso3": ["AFG", "AFG", "PAK"],
                    "month": ["2010-01", "2010-02", "2010-01"],
                    "fatalities": [5.0, 7.0, 2.0],
                }
            )

    wide = F.country_series(FakeStore(), until="2010-01")
    assert list(wide.columns) == ["AFG", "PAK"]
    assert wide.loc[pd.Period("2010-01", "M"), "AFG"] == 5.0
    assert len(wide) == 1


def test_direct_rows_never_reach_past_the_end() -> None:
    rng = np.random.default_rng(0)
    feats = np.arange(20 * 3 * 2, dtype=float).reshape(20, 3, 2)
    values = np.arange(20 * 3, dtype=float).reshape(20, 3)
    rows = F.direct_rows(feats, values, end=15, horizon=6, window=10, rng=rng)
    t = rows.x[:, 0] // 6  # the feature value encodes the period and the region
    np.testing.assert_array_equal(t, rows.t)
    assert (t + rows.h <= 15).all() and (t >= 5).all()
    assert set(np.unique(rows.h)) <= set(range(1, 7))
    region = (rows.x[:, 0] % 6 // 2).astype(int)
    np.testing.assert_array_equal(rows.y, values[(t + rows.h).astype(int), region])


def test_direct_rows_subsample_quiet_rows_with_weights() -> None:
    rng = np.random.default_rng(0)
    feats = np.zeros((400, 5, 1))
    values = np.zeros((400, 5))
    quiet = np.zeros((400, 5), bool)
    quiet[:, :4] = True
    rows = F.direct_rows(feats, values, 399, 6, 390, rng, quiet=quiet, keep_quiet=0.25)
    loud = rows.weight == 1.0
    assert loud.sum() == 390
    assert abs(rows.weight[~loud].sum() - 4 * 390) < 0.1 * 4 * 390
    assert set(np.unique(rows.weight)) == {1.0, 4.0}


# --- Hawkes likelihood and fit -------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    times=st.lists(st.floats(0, 500, allow_nan=False), min_size=0, max_size=40),
    alpha=st.floats(0.0, 0.95),
    gamma=st.floats(0.0, 0.3),
    beta=st.floats(0.01, 2.0),
    mu=st.floats(1e-6, 1.0),
    seed=st.integers(0, 2**16),
)
def test_hawkes_loglik_is_finite(
    times: list[float], alpha: float, gamma: float, beta: float, mu: float, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    regions = rng.integers(0, 3, len(times))
    value = S.hawkes_loglik(
        (np.full(3, mu), alpha, gamma, beta),
        np.asarray(times),
        regions,
        0.0,
        501.0,
        neighbours=np.array([[0, 1], [1, 0], [1, 2], [2, 1]]),
    )
    assert np.isfinite(value)


def test_decayed_sums_match_brute_force() -> None:
    rng = np.random.default_rng(3)
    times = np.floor(rng.uniform(0, 3000, 300))
    regions = rng.integers(0, 4, 300)
    nbrs = np.array([[0, 1], [1, 0], [2, 3], [3, 2], [0, 3], [3, 0]])
    adj = S.adjacency(4, nbrs)
    pts = S._points(times, regions, 4, 0.0, 3000.0, adj)
    dense = adj.toarray()
    for beta in (0.005, 0.3, 1.5):
        own, cross = S._decayed_sums(pts, beta)
        dt = pts.time[:, None] - pts.time[None, :]
        weight = np.where(dt > 0, np.exp(-beta * np.where(dt > 0, dt, 0.0)), 0.0) * pts.count
        same = pts.region[:, None] == pts.region[None, :]
        near = dense[pts.region][:, pts.region] > 0
        np.testing.assert_allclose(own, (weight * same).sum(1), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(cross, (weight * near).sum(1), rtol=1e-9, atol=1e-12)


# Derandomized: a statistical check must not fail on the one seed in a thousand where the
# smallest region's ~240 background events happen to fall far from their expectation.
@settings(max_examples=5, deadline=None, derandomize=True)
@given(seed=st.integers(0, 10_000))
def test_hawkes_mle_recovers_simulated_parameters(seed: int) -> None:
    rng = np.random.default_rng(seed)
    mu = np.array([0.05, 0.1, 0.02])
    alpha, beta = 0.5, 0.1
    times, regions = S.simulate_hawkes(mu, alpha, beta, 12000.0, rng)
    fit = S.fit_hawkes(times, regions, 3, 0.0, 12000.0)
    assert abs(fit.alpha - alpha) < 0.15
    assert 0.5 * beta < fit.beta < 2.0 * beta
    np.testing.assert_allclose(fit.mu, mu, rtol=0.35)
    # the MLE is at least as likely as the truth
    truth = S.hawkes_loglik((mu, alpha, 0.0, beta), times, regions, 0.0, 12000.0)
    assert fit.loglik >= truth - 1e-6


def test_hawkes_fit_without_events() -> None:
    fit = S.fit_hawkes(np.zeros(0), np.zeros(0, np.int64), 2, 0.0, 100.0)
    assert fit.n_events == 0 and fit.alpha == 0.0 and (fit.mu > 0).all()
