"""Rolling-origin backtests on small synthetic panels: origins, no look-ahead, outputs, report."""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest
import shapely

import signalfire
from signalfire.backtest import CASE_FIELDS, LookAheadError, forecast_at, run_backtest
from signalfire.backtest_report import render_report
from signalfire.models import MODELS, NAIVE_MODELS, Forecast, ForecastModel
from signalfire.panel import Panel, PanelSpec

EVIL = "<script>alert(1)</script>"
SYNTHETIC_START = "2015-01"


def synthetic_panel(months: int = 48, n_regions: int = 4, seed: int = 0) -> Panel:
    """A few regions with persistent, bursty monthly counts; region 0 carries a hostile name."""
    periods = pd.period_range(SYNTHETIC_START, periods=months, freq="M", name="period")
    ids = [f"R{i}" for i in range(n_regions)]
    rng = np.random.default_rng(seed)
    level = rng.gamma(1.0, 2.0, size=n_regions)
    wave = 1 + 0.8 * np.sin(np.arange(months) / 6.0)[:, None]
    values = pd.DataFrame(
        rng.poisson(level[None, :] * wave).astype("float64"), index=periods, columns=ids
    )
    names = [EVIL] + [f"Region {i}" for i in range(1, n_regions)]
    regions = pd.DataFrame(
        {"name": names, "parent_id": "P1", "iso3": "PAK"},
        index=pd.Index(ids, name="region_id"),
    )
    pairs = [(a, b) for a in ids for b in ids if abs(int(a[1:]) - int(b[1:])) == 1]
    neighbours = pd.DataFrame(
        {
            "region_id": [a for a, _ in pairs],
            "neighbour_id": [b for _, b in pairs],
            "cross_border": False,
        }
    )
    array = values.to_numpy()
    rows = [
        (region, period, period.start_time, int(array[t, j]), "Gov", "Rebels")
        for t, period in enumerate(periods)
        for j, region in enumerate(ids)
        if array[t, j] > 0
    ]
    events = pd.DataFrame(
        rows, columns=["region_id", "period", "date_start", "deaths", "actor1", "actor2"]
    )
    return Panel(PanelSpec(level="adm2", target="fatalities"), values, regions, neighbours, events)


def changed_after(panel: Panel, period: str) -> Panel:
    """The same panel with every value after `period` replaced by something else."""
    cut = pd.Period(period, freq="M")
    values = panel.values.copy()
    later = values.index > cut
    values.loc[later] = values.loc[later] * 7 + 3
    events = panel.events.loc[panel.events["period"] <= cut]
    return replace(panel, values=values, events=events)


def same_result(a: dict, b: dict) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


# --- origins and outputs ---------------------------------------------------------------------


def test_origins_horizons_and_metric_shapes() -> None:
    panel = synthetic_panel()
    calls: list[tuple[int, int]] = []
    result = run_backtest(
        panel,
        models=["conflictology"],
        start="2017-01",
        end="2018-10",
        step=3,
        horizon=4,
        draws=200,
        n_boot=100,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert result.origins == [
        "2017-01", "2017-04", "2017-07", "2017-10", "2018-01", "2018-04", "2018-07", "2018-10"
    ]  # fmt: skip
    # The naive baselines are always run.
    assert result.models[0] == "conflictology"
    assert set(NAIVE_MODELS) <= set(result.models)
    assert calls[-1] == (8 * len(result.models), 8 * len(result.models))
    obs = result.cases["conflictology"]["obs"]
    assert obs.shape == (8, 4, 4)
    # Origin 2018-10: only 2018-11 and 2018-12 exist; later horizons are not scored.
    assert np.isfinite(obs[-1, :2]).all() and np.isnan(obs[-1, 2:]).all()
    assert np.isfinite(obs[:-1]).all()
    np.testing.assert_array_equal(obs[0, 0], panel.values.to_numpy()[25])  # 2017-02

    window = result.metrics["windows"]["all"]
    assert window["n_cases"] == (7 * 4 + 2) * 4
    assert window["baseline"] in NAIVE_MODELS
    assert window["best_model"] in result.models
    for entry in window["models"].values():
        assert set(entry["by_horizon"]) == {"1", "2", "3", "4"}
        assert entry["by_horizon"]["4"]["n_cases"] == 7 * 4
        assert len(entry["pit_histogram"]) == 10
        assert sum(entry["pit_histogram"]) == pytest.approx(1.0)
        assert len(entry["region_crps"]) == 4
        assert entry["crps"] >= 0
        assert 0 <= entry["coverage50"] <= entry["coverage90"] <= 1
        skill = entry["skill"]
        assert skill["lo"] <= skill["value"] <= skill["hi"]
    baseline = window["models"][window["baseline"]]
    assert baseline["skill"] == {"value": 0.0, "lo": 0.0, "hi": 0.0, "level": 0.95}

    frame = result.case_frame()
    assert len(frame) == window["n_cases"] * len(result.models)
    assert set(CASE_FIELDS) <= set(frame.columns)


def test_named_windows_are_reported_apart() -> None:
    panel = synthetic_panel()
    result = run_backtest(
        panel,
        models=["zero"],
        windows={"early": ("2016-01", "2016-06"), "late": ("2017-06", "2017-12")},
        horizon=3,
        draws=100,
        n_boot=50,
    )
    windows = result.metrics["windows"]
    assert set(windows) == {"all", "early", "late"}
    assert windows["early"]["origins"] == [f"2016-0{m}" for m in range(1, 7)]
    assert len(windows["late"]["origins"]) == 7
    assert len(windows["all"]["origins"]) == 13
    assert windows["early"]["models"]["zero"]["crps"] != windows["late"]["models"]["zero"]["crps"]


def test_bad_arguments() -> None:
    panel = synthetic_panel(months=24)
    with pytest.raises(ValueError, match="unknown models"):
        run_backtest(panel, models=["nope"], start="2016-01", end="2016-02")
    with pytest.raises(ValueError, match="start and end"):
        run_backtest(panel, models=["zero"], start="2016-01")
    with pytest.raises(ValueError, match="no origin"):
        run_backtest(panel, models=["zero"], start="2016-12", end="2017-06")
    with pytest.raises(ValueError, match="before the panel"):
        run_backtest(panel, models=["zero"], start="2010-01", end="2016-06")


def test_deterministic_under_a_seed() -> None:
    panel = synthetic_panel()
    kwargs = dict(models=["conflictology"], start="2017-01", end="2017-06", draws=100, n_boot=50)
    a = run_backtest(panel, seed=3, **kwargs)  # type: ignore[arg-type]
    b = run_backtest(panel, seed=3, **kwargs)  # type: ignore[arg-type]
    assert same_result(a.metrics["windows"], b.metrics["windows"])


def test_outputs_are_written(tmp_path: Path) -> None:
    result = run_backtest(
        synthetic_panel(), start="2017-01", end="2017-12", step=4, horizon=3, draws=100, n_boot=50
    )
    paths = result.write(tmp_path / "out")
    metrics = json.loads(paths["metrics"].read_text())
    assert metrics["spec"]["horizon"] == 3
    assert set(metrics["windows"]["all"]["models"]) == set(result.models)
    scores = pd.read_csv(paths["scores"])
    assert {"model", "origin", "horizon", "period", "crps", "coverage90", "log_score"} <= set(
        scores.columns
    )
    assert len(scores) == len(result.models) * 3 * 3
    html = paths["report"].read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert "Plotly.newPlot" in html


# --- no look-ahead ---------------------------------------------------------------------------


class SpyModel(ForecastModel):
    """Records what it was fitted on."""

    name = "spy"
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def _fit(self, panel: Panel) -> None:
        last_event = panel.events["period"].max() if len(panel.events) else None
        SpyModel.seen.append((str(panel.last_period), str(last_event), str(len(panel.values))))

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return np.zeros((horizon, len(self.panel_.region_ids), draws))


FULL_PANEL: list[Panel] = []


class PeekingModel(ForecastModel):
    """Cheats: reads the actual future values from the full panel, out of band."""

    name = "peeking"

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        full = FULL_PANEL[0].values
        future = full.loc[full.index > self.panel_.last_period].to_numpy()[:horizon]
        out = np.zeros((horizon, len(self.panel_.region_ids), draws))
        out[: len(future)] = future[:, :, None]
        return out


class ExtendingModel(ForecastModel):
    """Cheats in the open: fits itself on the full panel instead of the one it is given."""

    name = "extending"

    def fit(self, panel: Panel) -> ExtendingModel:
        end = min(panel.last_period + 3, FULL_PANEL[0].last_period)
        return super().fit(FULL_PANEL[0].until(end))

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return np.zeros((horizon, len(self.panel_.region_ids), draws))


def test_each_model_sees_only_data_up_to_its_origin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MODELS, "spy", SpyModel)
    SpyModel.seen.clear()
    run_backtest(synthetic_panel(), models=["spy"], start="2016-03", end="2016-08", draws=10)
    origins = [str(p) for p in pd.period_range("2016-03", "2016-08", freq="M")]
    assert [s[0] for s in SpyModel.seen] == origins
    assert [s[1] for s in SpyModel.seen] == origins  # every synthetic month has events
    assert [int(s[2]) for s in SpyModel.seen] == list(range(15, 21))


def test_a_model_fitted_beyond_its_origin_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    panel = synthetic_panel()
    monkeypatch.setitem(MODELS, "extending", ExtendingModel)
    FULL_PANEL[:] = [panel]
    with pytest.raises(LookAheadError, match="extending"):
        run_backtest(panel, models=["extending"], start="2016-03", end="2016-04", draws=10)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_forecasts_ignore_data_after_the_origin(name: str) -> None:
    """Every registered model: changing the data after the origin changes no draw."""
    panel = synthetic_panel()
    origin = pd.Period("2017-06", freq="M")
    a = forecast_at(panel, name, origin, horizon=3, draws=50, seed=1)
    b = forecast_at(changed_after(panel, "2017-06"), name, origin, horizon=3, draws=50, seed=1)
    np.testing.assert_array_equal(a.draws, b.draws)


def test_the_same_check_catches_a_model_that_peeks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MODELS, "peeking", PeekingModel)
    panel = synthetic_panel()
    changed = changed_after(panel, "2017-06")
    origin = pd.Period("2017-06", freq="M")
    draws = []
    for source in (panel, changed):
        FULL_PANEL[:] = [source]
        draws.append(forecast_at(source, "peeking", origin, horizon=3, draws=20).draws)
    assert not np.array_equal(draws[0], draws[1])


def test_backtest_ignores_data_after_the_last_target() -> None:
    panel = synthetic_panel()
    changed = changed_after(panel, "2017-12")  # last origin 2017-09 + horizon 3
    kwargs = dict(start="2017-03", end="2017-09", step=3, horizon=3, draws=100, n_boot=50)
    a = run_backtest(panel, **kwargs)  # type: ignore[arg-type]
    b = run_backtest(changed, **kwargs)  # type: ignore[arg-type]
    assert set(a.models) == set(MODELS)
    assert same_result(a.metrics["windows"], b.metrics["windows"])


class ShiftedModel(ForecastModel):
    """Returns the wrong periods: its forecast is not for the months after the origin."""

    name = "shifted"

    def predict(self, horizon: int, draws: int = 1000) -> Forecast:
        forecast = super().predict(horizon, draws)
        return replace(forecast, periods=tuple(p - 1 for p in forecast.periods))

    def _sample(self, horizon: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        return np.zeros((horizon, len(self.panel_.region_ids), draws))


def test_a_forecast_for_the_wrong_periods_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MODELS, "shifted", ShiftedModel)
    with pytest.raises(LookAheadError, match="shifted"):
        run_backtest(synthetic_panel(), models=["shifted"], start="2016-03", end="2016-03")


# --- the report ------------------------------------------------------------------------------

EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def test_report_is_offline_and_escapes_names() -> None:
    result = run_backtest(
        synthetic_panel(), models=["conflictology"], start="2017-01", end="2017-06", draws=50,
        n_boot=20,
    )  # fmt: skip
    result.geometries = [shapely.box(70 + i, 30, 71 + i, 31) for i in range(4)]
    result.metrics["models"].append(EVIL)  # a hostile model name, too
    html = render_report(result.metrics, result.per_origin(), result.geometries)
    assert EVIL not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not EXTERNAL.findall(html)
    # One copy of plotly.js, inline; a map trace per region.
    assert html.count("<script src") == 0
    assert html.count('"fill":"toself"') >= 4
    assert "Error by region" in html


def test_report_from_a_store_draws_region_polygons(tmp_path: Path) -> None:
    from test_ingest_small import write_ged
    from test_regions import _square, _write

    regions = _write(
        tmp_path / "adm2.geojson",
        [
            (
                {"shapeID": f"D{i}", "shapeName": name, "shapeGroup": "PAK", "adm1_iso": "PK-X"},
                _square(70 + i, 30),
            )
            for i, name in enumerate([EVIL, "Quiet"])
        ],
    )
    rows = []
    for i, month in enumerate(pd.period_range("2017-01", "2019-12", freq="M")):
        day = f"{month.start_time.date()} 00:00:00.000"
        rows.append(
            {
                "id": str(i),
                "latitude": "30.5",
                "longitude": "70.5",
                "best": str(i % 4),
                "low": "0",
                "high": "9",
                "date_start": day,
                "date_end": day,
            }
        )
    with signalfire.open(tmp_path / "s.duckdb") as store:
        signalfire.load_regions(store, regions, "adm2")
        signalfire.ingest(store, "ucdp-ged", write_ged(tmp_path / "g.csv", rows))
        result = run_backtest(
            store, "adm2", "events", models=["conflictology"], start="2018-06", end="2019-06",
            step=6, horizon=2, draws=50, n_boot=20,
        )  # fmt: skip
    assert result.spec["target"] == "events"
    assert result.geometries is not None and all(g is not None for g in result.geometries)
    paths = result.write(tmp_path / "out")
    html = paths["report"].read_text()
    assert EVIL not in html and "&lt;script&gt;" in html
    assert not EXTERNAL.findall(html)
    assert html.count('"fill":"toself"') == 2 * 2  # two maps: CRPS and skill
    window = json.loads(paths["metrics"].read_text())["windows"]["all"]
    assert window["models"]["conflictology"]["n_cases"] == 3 * 2 * 2
    assert not math.isnan(window["models"]["conflictology"]["crps"])


def test_worker_processes_give_the_same_result() -> None:
    panel = synthetic_panel()
    kwargs = dict(models=list(NAIVE_MODELS), start="2017-01", end="2017-04", draws=100, n_boot=50)
    calls: list[tuple[int, int]] = []
    one = run_backtest(panel, **kwargs)  # type: ignore[arg-type]
    two = run_backtest(panel, n_jobs=2, progress=lambda d, t: calls.append((d, t)), **kwargs)  # type: ignore[arg-type]
    assert same_result(one.metrics["windows"], two.metrics["windows"])
    assert calls[-1] == (4 * len(NAIVE_MODELS),) * 2
