"""`signalfire forecast`: as-of truncation, outputs, saved runs."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from test_cli import run
from test_ingest_small import write_ged

import signalfire
from signalfire.forecasting import ForecastRequest, load_forecast, make_forecast, save_forecast


@pytest.fixture
def small_db(tmp_path: Path) -> str:
    """Two districts' worth of events in a toy country, 2018-01..2019-12."""
    from test_regions import _square, _write

    regions = _write(
        tmp_path / "adm2.geojson",
        [
            (
                {"shapeID": "D0", "shapeName": "Zero", "shapeGroup": "PAK", "adm1_iso": "PK-X"},
                _square(70, 30),
            ),
            (
                {"shapeID": "D1", "shapeName": "One", "shapeGroup": "PAK", "adm1_iso": "PK-X"},
                _square(71, 30),
            ),
        ],
    )
    rows = []
    for i, month in enumerate(pd.period_range("2018-01", "2019-12", freq="M")):
        day = f"{month.start_time.date()} 00:00:00.000"
        rows.append(
            {
                "id": str(i),
                "latitude": "30.5",
                "longitude": "70.5",
                "best": str(i % 5),
                "low": "0",
                "high": "9",
                "date_start": day,
                "date_end": day,
            }
        )
    db = tmp_path / "f.duckdb"
    with signalfire.open(db) as store:
        signalfire.load_regions(store, regions, "adm2")
        signalfire.ingest(store, "ucdp-ged", write_ged(tmp_path / "g.csv", rows))
    return str(db)


def test_as_of_uses_only_data_up_to_that_month(small_db: str) -> None:
    with signalfire.open(small_db, read_only=True) as store:
        request = ForecastRequest(as_of="2018-12", horizon=2, draws=50, model="last")
        forecast = make_forecast(store, request)
    assert [str(p) for p in forecast.periods] == ["2019-01", "2019-02"]
    # December 2018 is month index 11: 11 % 5 == 1 death in D0; later data is ignored.
    assert forecast.draws[:, 0, :].max() == 1
    assert forecast.draws[:, 1, :].max() == 0


def test_forecast_writes_draws_and_summary(
    small_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draws.csv"
    code, _, err = run(
        [
            "forecast",
            "--db",
            small_db,
            "--as-of",
            "2019-06",
            "--horizon",
            "3",
            "--draws",
            "20",
            "--model",
            "conflictology",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert code == 0, err
    draws = pd.read_csv(out)
    assert list(draws.columns) == ["region_id", "month", "draw", "value"]
    assert len(draws) == 2 * 3 * 20
    assert sorted(draws["month"].unique()) == ["2019-07", "2019-08", "2019-09"]
    summary_path = tmp_path / "summary.parquet"
    code, _, _ = run(
        [
            "forecast",
            "--db",
            small_db,
            "--as-of",
            "2019-06",
            "--summary",
            "--out",
            str(summary_path),
        ],
        capsys,
    )
    summary = pd.read_parquet(summary_path)
    assert list(summary.columns) == [
        "region_id",
        "month",
        "mean",
        "p_any",
        "q05",
        "q25",
        "q50",
        "q75",
        "q95",
    ]
    assert (summary["q05"] <= summary["q50"]).all() and (summary["q50"] <= summary["q95"]).all()
    assert summary["p_any"].between(0, 1).all()


def test_saved_run_reads_back(small_db: str) -> None:
    with signalfire.open(small_db) as store:
        request = ForecastRequest(as_of="2019-03", horizon=2, draws=30, model="poisson", seed=4)
        forecast = make_forecast(store, request)
        run_id = save_forecast(store, request, forecast)
        runs = store.query("SELECT * FROM forecast_runs")
        assert runs["as_of"].tolist() == ["2019-03"]
        assert runs["data_version"].iloc[0].startswith("1:")
        stored = load_forecast(store, run_id, draws=True)
        assert len(stored) == 4
        assert len(stored["draws"].iloc[0]) == 30
        expected = forecast.summary()
        assert (
            stored["mean"].round(6).tolist()
            == expected.sort_values(["month", "region_id"])["mean"].round(6).tolist()
        )
        assert load_forecast(store, level="adm2", target="fatalities")["run_id"].iloc[0] == run_id
        with pytest.raises(signalfire.NotFoundError):
            load_forecast(store, 999)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--as-of", "2019-13"], "YYYY-MM"),
        (["--model", "crystal-ball"], "crystal-ball"),
        (["--out", "x.txt"], ".csv or .parquet"),
    ],
)
def test_forecast_flags_are_checked(
    argv: list[str], words: str, small_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["forecast", "--db", small_db, *argv], capsys)
    assert code == 2
    assert words in err


def test_forecast_table_on_screen_names_regions(
    small_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["forecast", "--db", small_db, "--horizon", "1", "--draws", "10"], capsys)
    assert code == 0
    assert "Zero" in out and "conflictology" in out
    assert io.StringIO(out).read().count("2020-01") == 2


def test_backtest_scores_named_windows_separately(
    small_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "bt"
    base = ["backtest", "--db", small_db, "--start", "2019-01", "--end", "2019-06"]
    options = ["--horizon", "2", "--draws", "20", "--models", "zero,last", "--no-save"]
    code, _, err = run(
        [*base, *options, "--window", "early=2019-01:2019-03", "--out", str(out_dir)], capsys
    )
    assert code == 0, err
    import json

    metrics = json.loads((out_dir / "metrics.json").read_text())
    assert set(metrics["windows"]) >= {"all", "early"}
    assert metrics["windows"]["early"]["origins"] == ["2019-01", "2019-02", "2019-03"]
    assert len(metrics["windows"]["all"]["origins"]) == 6
    # The origins of a window outside start..end are run too; bad windows are refused.
    for bad in ("early", "early=2019-01", "early=2019-03:2019-01", "x=2019-13:2019-14"):
        code, _, err = run([*base, *options, "--window", bad, "--out", str(out_dir)], capsys)
        assert code == 2 and "--window" in err, (bad, err)
