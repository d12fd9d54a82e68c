"""Saved forecast runs (latest by level and target, or by id) and backtest metrics."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import Response

from ..store import Store
from .db import json_response, request_store, rows
from .errors import ApiError

router = APIRouter(tags=["forecasts"])

_LEVEL = Literal["country", "adm1", "adm2"]
_TARGET = Literal["fatalities", "events"]
_PERIOD = r"^\d{4}-(0[1-9]|1[0-2])(-W\d{2})?$|^\d{4}-W\d{2}$"

RUN_COLUMNS = (
    "run_id, model, level, target, freq, countries, as_of, horizon, draws, seed, data_version, "
    "created_at"
)


def _run_values(store: Store, run: dict[str, Any], period: str | None) -> dict[str, Any]:
    params: list[Any] = [run["run_id"]]
    where = "run_id = ?"
    if period:
        where += " AND period = ?"
        params.append(period)
    values = rows(
        store,
        f"""SELECT region_id, period, mean, p_any, q05, q25, q50, q75, q95
            FROM forecast_values WHERE {where} ORDER BY period, region_id""",
        params,
    )
    periods = [
        r[0]
        for r in store.con.execute(
            "SELECT DISTINCT period FROM forecast_values WHERE run_id = ? ORDER BY period",
            [run["run_id"]],
        ).fetchall()
    ]
    if period and period not in periods:
        raise ApiError(
            404,
            f"forecast run {run['run_id']} has no period {period}; it has {', '.join(periods)}",
        )
    return {"run": run, "periods": periods, "values": values}


@router.get("/api/forecasts", summary="Saved forecast runs, newest first")
def list_runs(store: Annotated[Store, Depends(request_store)]) -> Response:
    return json_response(
        rows(store, f"SELECT {RUN_COLUMNS} FROM forecast_runs ORDER BY run_id DESC")
    )


@router.get(
    "/api/forecasts/latest",
    summary="The latest saved forecast for a level and target (one period or all)",
)
def latest_forecast(
    store: Annotated[Store, Depends(request_store)],
    level: Annotated[_LEVEL, Query()] = "adm2",
    target: Annotated[_TARGET, Query()] = "fatalities",
    period: Annotated[str | None, Query(pattern=_PERIOD, description="YYYY-MM")] = None,
) -> Response:
    found = rows(
        store,
        f"""SELECT {RUN_COLUMNS} FROM forecast_runs WHERE level = ? AND target = ?
            ORDER BY run_id DESC LIMIT 1""",
        [level, target],
    )
    if not found:
        raise ApiError(
            404,
            f"no forecast saved for level={level} target={target}: make one with "
            f"`signalfire forecast --level {level} --target {target} --save`",
            code="no_forecast",
        )
    return json_response(_run_values(store, found[0], period))


@router.get("/api/forecasts/{run_id}", summary="One saved forecast run (one period or all)")
def get_forecast(
    run_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    store: Annotated[Store, Depends(request_store)],
    period: Annotated[str | None, Query(pattern=_PERIOD)] = None,
) -> Response:
    found = rows(store, f"SELECT {RUN_COLUMNS} FROM forecast_runs WHERE run_id = ?", [run_id])
    if not found:
        raise ApiError(404, f"no forecast run with run_id {run_id}")
    return json_response(_run_values(store, found[0], period))


BACKTEST_COLUMNS = (
    "run_id, level, target, freq, start_origin, end_origin, horizon, best_model, data_version, "
    "created_at"
)


@router.get("/api/backtests", summary="Stored backtest runs, newest first (without metrics)")
def list_backtests(store: Annotated[Store, Depends(request_store)]) -> Response:
    return json_response(
        rows(store, f"SELECT {BACKTEST_COLUMNS} FROM backtest_runs ORDER BY run_id DESC")
    )


def _with_metrics(found: list[dict[str, Any]], what: str) -> Response:
    if not found:
        raise ApiError(
            404,
            f"no backtest stored for {what}: run `signalfire backtest --start YYYY-MM "
            "--end YYYY-MM`",
            code="no_backtest",
        )
    run = found[0]
    run["metrics"] = json.loads(run.pop("metrics_json"))
    return json_response(run)


@router.get("/api/backtests/latest", summary="The latest backtest's metrics for a level/target")
def latest_backtest(
    store: Annotated[Store, Depends(request_store)],
    level: Annotated[_LEVEL, Query()] = "adm2",
    target: Annotated[_TARGET, Query()] = "fatalities",
) -> Response:
    found = rows(
        store,
        f"""SELECT {BACKTEST_COLUMNS}, metrics AS metrics_json FROM backtest_runs
            WHERE level = ? AND target = ? ORDER BY run_id DESC LIMIT 1""",
        [level, target],
    )
    return _with_metrics(found, f"level={level} target={target}")


@router.get("/api/backtests/{run_id}", summary="One backtest run with its metrics")
def get_backtest(
    run_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    found = rows(
        store,
        f"SELECT {BACKTEST_COLUMNS}, metrics AS metrics_json FROM backtest_runs WHERE run_id = ?",
        [run_id],
    )
    if not found:
        raise ApiError(404, f"no backtest run with run_id {run_id}")
    return _with_metrics(found, f"run_id {run_id}")
