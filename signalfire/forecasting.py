"""Forecast runs: fit a model as of a period, predict, and keep the run in the store."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .errors import NotFoundError
from .models import MODELS, Forecast, get_model
from .panel import PanelSpec, build_panel, parse_period
from .store import Store

# Used when no backtest has been stored for the level and target.
FALLBACK_MODEL = "conflictology"


@dataclass(frozen=True)
class ForecastRequest:
    level: str = "adm2"
    target: str = "fatalities"
    as_of: str | None = None  # last period whose data may be used; default: the store's last
    horizon: int = 6
    draws: int = 1000
    model: str | None = None  # default: the best in the latest stored backtest
    seed: int = 0
    freq: str = "month"
    countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.horizon < 1:
            raise ValueError(f"horizon must be >= 1, got {self.horizon}")
        if self.draws < 1:
            raise ValueError(f"draws must be >= 1, got {self.draws}")
        if self.as_of is not None:
            parse_period(self.as_of, self.freq)
        if self.model is not None and self.model not in MODELS:
            raise ValueError(f"model must be one of {sorted(MODELS)}, got {self.model!r}")


def data_version(store: Store) -> str:
    """A short digest of the ingested files: the same sources give the same version."""
    hashes = store.con.execute("SELECT sha256 FROM sources ORDER BY sha256").fetchall()
    digest = hashlib.sha256("".join(h[0] for h in hashes).encode()).hexdigest()
    return f"{len(hashes)}:{digest[:12]}"


def default_model(store: Store, level: str, target: str, freq: str = "month") -> str:
    row = store.con.execute(
        """SELECT best_model FROM backtest_runs WHERE level = ? AND target = ? AND freq = ?
           ORDER BY run_id DESC LIMIT 1""",
        [level, target, freq],
    ).fetchone()
    if row and row[0] in MODELS:
        return str(row[0])
    return FALLBACK_MODEL


def make_forecast(store: Store, request: ForecastRequest) -> Forecast:
    """Fit on data up to `as_of` only (even when the store holds more) and predict."""
    spec = PanelSpec(
        level=request.level,
        target=request.target,
        freq=request.freq,
        countries=request.countries,
    )
    panel = build_panel(store, spec, end=request.as_of)
    name = request.model or default_model(store, request.level, request.target, request.freq)
    model = get_model(name, seed=request.seed)
    return model.fit(panel).predict(request.horizon, draws=request.draws)


def save_forecast(store: Store, request: ForecastRequest, forecast: Forecast) -> int:
    """Keep a run (its parameters, data version, summary and draws); returns its run_id."""
    summary = forecast.summary()
    period_column = forecast.period_column
    horizon, regions, _ = forecast.draws.shape
    flat = forecast.draws.reshape(horizon * regions, -1).astype(np.float32)
    summary["draws"] = pd.Series(list(flat), index=summary.index)
    summary = summary.rename(columns={period_column: "period"})
    as_of = request.as_of or str(forecast.periods[0] - 1)
    params = get_model(forecast.model, seed=request.seed).get_params()
    with store.transaction() as con:
        run_id = int(
            con.execute(  # type: ignore[index]
                """INSERT INTO forecast_runs (model, params, level, target, freq, countries,
                     as_of, horizon, draws, seed, data_version, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING run_id""",
                [
                    forecast.model,
                    json.dumps(params, default=str),
                    request.level,
                    request.target,
                    request.freq,
                    ",".join(request.countries),
                    as_of,
                    request.horizon,
                    request.draws,
                    request.seed,
                    data_version(store),
                    dt.datetime.now(),
                ],
            ).fetchone()[0]
        )
        summary.insert(0, "run_id", run_id)
        con.register("forecast_rows", summary)
        con.execute("INSERT INTO forecast_values BY NAME SELECT * FROM forecast_rows")
        con.unregister("forecast_rows")
    return run_id


def forecast_runs(store: Store) -> pd.DataFrame:
    return store.query("SELECT * FROM forecast_runs ORDER BY run_id")


def load_forecast(
    store: Store,
    run_id: int | None = None,
    *,
    level: str | None = None,
    target: str | None = None,
    draws: bool = False,
) -> pd.DataFrame:
    """A stored run's summary (the latest for level/target when run_id is None)."""
    if run_id is None:
        clauses, params = [], []
        for column, value in (("level", level), ("target", target)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        row = store.con.execute(f"SELECT max(run_id) FROM forecast_runs{where}", params).fetchone()
        if not row or row[0] is None:
            raise NotFoundError(f"no stored forecast for level={level} target={target}")
        run_id = int(row[0])
    columns = "*" if draws else "* EXCLUDE (draws)"
    frame = store.query(
        f"SELECT {columns} FROM forecast_values WHERE run_id = ? ORDER BY period, region_id",
        [run_id],
    )
    if frame.empty:
        raise NotFoundError(f"no stored forecast with run_id {run_id}")
    return frame


def save_backtest(store: Store, result: Any) -> int:
    """Record a backtest's metrics; the latest one's best model becomes the forecast default."""
    spec = result.spec
    with store.transaction() as con:
        row = con.execute(
            """INSERT INTO backtest_runs (level, target, freq, start_origin, end_origin, horizon,
                 best_model, metrics, data_version, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING run_id""",
            [
                spec["level"],
                spec["target"],
                spec["freq"],
                result.origins[0],
                result.origins[-1],
                spec["horizon"],
                result.best_model(),
                json.dumps(result.metrics, allow_nan=False),
                data_version(store),
                dt.datetime.now(),
            ],
        ).fetchone()
    assert row is not None
    return int(row[0])
