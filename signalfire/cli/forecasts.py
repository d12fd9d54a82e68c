"""Commands that forecast and backtest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..domain import Month
from ..errors import ConfigError
from .common import (
    db_option,
    err,
    open_store,
    out,
    panel_options,
    show_table,
    split_values,
)

if TYPE_CHECKING:
    import pandas as pd


@click.command()
@db_option
@panel_options
@click.option("--as-of", help="Use only data up to this period (YYYY-MM); default: the last.")
@click.option("--horizon", type=click.IntRange(1, 36), default=6, show_default=True)
@click.option("--draws", type=click.IntRange(1, 100_000), default=1000, show_default=True)
@click.option("--model", "model_name", help="Model name; default: the best in the last backtest.")
@click.option(
    "--summary",
    "as_summary",
    is_flag=True,
    help="Write region_id, month, mean, p_any, q05..q95 instead of every draw.",
)
@click.option("--save", is_flag=True, help="Keep the run in the store for alerts and reports.")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (.csv or .parquet); default: a summary table on screen.",
)
def forecast(
    db: Path | None,
    level: str,
    target: str,
    as_of: str | None,
    horizon: int,
    draws: int,
    model_name: str | None,
    country: tuple[str, ...],
    freq: str,
    seed: int,
    as_summary: bool,
    save: bool,
    out_path: Path | None,
) -> None:
    """Probabilistic forecasts per region for the periods after --as-of."""
    from .. import output
    from ..forecasting import ForecastRequest, make_forecast, save_forecast

    try:
        request = ForecastRequest(
            level=level,
            target=target,
            as_of=as_of,
            horizon=horizon,
            draws=draws,
            model=model_name,
            seed=seed,
            freq=freq,
            countries=tuple(c.upper() for c in split_values(country)),
        )
    except ValueError as exc:
        raise ConfigError("forecast", "", str(exc)) from exc
    with open_store(db, read_only=not save) as store:
        result = make_forecast(store, request)
        if save:
            run_id = save_forecast(store, request, result)
            err.print(f"saved as forecast run {run_id}")
    if out_path is None:
        with open_store(db, read_only=True) as store:
            names = store.regions(geometry="none").set_index("region_id")["name"]
        top = result.summary().sort_values("mean", ascending=False)
        top.insert(1, "name", top["region_id"].map(names))
        show_table(
            top, title=f"{result.model}: {target} per {level}, highest expected first", limit=20
        )
        return
    frame = result.summary() if as_summary else result.frame()
    suffix = out_path.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ConfigError("--out", str(out_path), "a file ending in .csv or .parquet")
    output.write(frame, suffix[1:], out_path)
    out.print(f"{out_path}: {len(frame):,} rows ({result.model}, {len(result.region_ids)} regions)")


def _number(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def _metrics_table(metrics: dict[str, Any], window: str) -> pd.DataFrame:
    import pandas as pd

    pooled = metrics["windows"][window]
    rows = []
    for name, entry in pooled["models"].items():
        skill = entry.get("skill") or {}
        rows.append(
            {
                "model": name,
                "crps": entry["crps"],
                "skill": skill.get("value"),
                "ci95": "[{}, {}]".format(*(_number(skill.get(k)) for k in ("lo", "hi"))),
                "AP": entry["average_precision"],
                "cov50": entry["coverage50"],
                "cov90": entry["coverage90"],
                "top10": entry["top10_share"],
            }
        )
    return pd.DataFrame(rows).sort_values("crps").round(4)


@click.command()
@db_option
@panel_options
@click.option("--start", required=True, help="First forecast origin (YYYY-MM).")
@click.option("--end", required=True, help="Last forecast origin (YYYY-MM).")
@click.option(
    "--step",
    type=click.IntRange(1, 120),
    default=1,
    show_default=True,
    help="Periods between origins.",
)
@click.option("--horizon", type=click.IntRange(1, 36), default=6, show_default=True)
@click.option("--draws", type=click.IntRange(10, 100_000), default=1000, show_default=True)
@click.option("--models", help="Comma-separated model names; default: every model.")
@click.option(
    "--save/--no-save",
    default=True,
    show_default=True,
    help="Record the result so that `forecast` defaults to the best model.",
)
@click.option(
    "--window",
    "windows",
    multiple=True,
    metavar="NAME=START:END",
    help="Also score the origins START..END (YYYY-MM) separately as NAME; repeatable.",
)
@click.option(
    "--regimes",
    is_flag=True,
    help="Add the windows escalation 2007-12:2009-06, dev 2014-01:2016-12, test 2017-01:2018-12.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (origins are split between them).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for metrics.json, scores.csv and report.html.",
)
def backtest(
    db: Path | None,
    level: str,
    target: str,
    start: str,
    end: str,
    step: int,
    horizon: int,
    draws: int,
    models: str | None,
    country: tuple[str, ...],
    freq: str,
    seed: int,
    save: bool,
    windows: tuple[str, ...],
    regimes: bool,
    jobs: int,
    out_dir: Path,
) -> None:
    """Rolling-origin backtest: each model fitted only on data up to each origin, then scored."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from ..backtest import REGIME_WINDOWS, run_backtest
    from ..forecasting import save_backtest

    named = dict(REGIME_WINDOWS) if regimes else {}
    named.update(parse_window(w) for w in windows)
    names = [m.strip() for m in models.split(",") if m.strip()] if models else None
    with open_store(db, read_only=not save) as store:
        with Progress(
            TextColumn("backtest"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} fits"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bars:
            task = bars.add_task("fits", total=None)
            try:
                result = run_backtest(
                    store,
                    level=level,
                    target=target,
                    models=names,
                    start=start,
                    end=end,
                    step=step,
                    horizon=horizon,
                    draws=draws,
                    seed=seed,
                    freq=freq,
                    countries=tuple(c.upper() for c in split_values(country)),
                    windows=named,
                    n_jobs=jobs,
                    progress=lambda done, total: bars.update(task, completed=done, total=total),
                )
            except (ValueError, KeyError) as exc:
                raise ConfigError("backtest", "", str(exc)) from exc
        paths = result.write(out_dir)
        if save:
            save_backtest(store, result)
    best = result.best_model()
    show_table(
        _metrics_table(result.metrics, "all"),
        title=f"{level} {target}, origins {start}..{end}: best model {best}",
    )
    for name, path in paths.items():
        out.print(f"{name}: {path}")


def parse_window(text: str) -> tuple[str, tuple[str, str]]:
    """`NAME=START:END` as (name, (start, end)), months checked."""
    name, sep, span = text.partition("=")
    start, colon, end = span.partition(":")
    if not (sep and colon and name.strip()):
        raise ConfigError("--window", text, "NAME=START:END, e.g. test=2017-01:2018-12")
    try:
        first, last = Month.parse(start.strip()), Month.parse(end.strip())
    except ValueError:
        raise ConfigError("--window", text, "NAME=START:END with months as YYYY-MM") from None
    if last < first:
        raise ConfigError("--window", text, "START no later than END")
    return name.strip(), (str(first), str(last))
