"""The `signalfire` command line. Errors are rendered in one place: `main`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__, output, settings
from .demo import (
    deadliest_districts,
    events_by_year,
    forecast_and_backtest,
    load_reference_data,
    top_actors,
)
from .domain import EventFilter, IngestReport, parse_day
from .errors import ConfigError, SignalfireError
from .fetch import Fetcher, LocalDirTransport
from .forecasting import ForecastRequest, make_forecast, save_forecast
from .ingest import ingest as run_ingest
from .ingest import load_regions
from .sources import ADAPTERS
from .store import Store

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Store file. Default: $SIGNALFIRE_DB, else ./signalfire.duckdb.",
)


def panel_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose a panel, shared by `forecast` and `backtest`."""
    options = (
        click.option(
            "--level",
            type=click.Choice(["country", "adm1", "adm2"]),
            default="adm2",
            show_default=True,
        ),
        click.option(
            "--target",
            type=click.Choice(["fatalities", "events"]),
            default="fatalities",
            show_default=True,
        ),
        click.option(
            "--country",
            multiple=True,
            help="ISO3 code(s), comma-separated; default: the countries with events.",
        ),
        click.option(
            "--freq", type=click.Choice(["month", "week"]), default="month", show_default=True
        ),
        click.option("--seed", type=int, default=0, show_default=True),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _open(db: Path | None, read_only: bool = False) -> Store:
    return Store(settings.db_path(db), read_only=read_only)


def _table(frame: pd.DataFrame, title: str = "", limit: int = 50) -> None:
    table = Table(title=title or None, show_lines=False)
    shown = frame.head(limit)
    for column in shown.columns:
        if str(column).endswith("_id"):
            table.add_column(str(column), no_wrap=True)
        else:
            table.add_column(str(column), overflow="fold", max_width=40)
    for row in output.records(shown):
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    out.print(table)
    if len(frame) > limit:
        out.print(f"[dim]{len(frame) - limit} more rows; use --format csv or --limit[/dim]")


def _emit(frame: pd.DataFrame, fmt: str, out_path: Path | None, geometry: str = "points") -> None:
    if fmt == "table" and out_path is None:
        _table(frame)
    else:
        output.write(frame, "csv" if fmt == "table" else fmt, out_path, geometry=geometry)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str], Callable[[int, int], None] | None]]:
    """A factory of byte-progress callbacks, one bar per file; silent when not a terminal."""
    if not enabled:
        yield lambda _name: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bars:

        def factory(name: str) -> Callable[[int, int], None]:
            task = bars.add_task(name, total=None)
            return lambda done, total: bars.update(task, completed=done, total=total)

        yield factory


def _print_report(report: IngestReport) -> None:
    if report.already_ingested:
        out.print(
            f"{report.path}: already ingested as source {report.source_id} "
            f"(same sha256); nothing added. Use --force to re-read it."
        )
        return
    unlocated = report.rows_unlocated
    out.print(
        f"[bold]{report.path}[/bold] ({report.format}, source {report.source_id}): "
        f"read {report.rows_read:,} · stored {report.rows_stored:,} "
        f"(new {report.rows_new:,}, updated {report.rows_updated:,}, "
        f"unchanged {report.rows_unchanged:,}) · quarantined {report.rows_quarantined:,} · "
        f"unlocated {unlocated:,}"
    )
    if report.location_methods:
        methods = ", ".join(f"{k} {v:,}" for k, v in sorted(report.location_methods.items()))
        out.print(f"  location: {methods}")
    if report.flags:
        out.print(
            "  flagged (kept): " + ", ".join(f"{k} {v:,}" for k, v in sorted(report.flags.items()))
        )
    for reason, count in sorted(report.quarantine_reasons.items(), key=lambda kv: -kv[1])[:8]:
        out.print(f"  quarantined: {count:,} × {reason}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="signalfire")
def cli() -> None:
    """signalfire: early warning and analysis of political violence from public event data."""


@cli.command()
@click.argument("format", type=click.Choice(sorted(ADAPTERS)))
@click.argument("path", type=click.Path(path_type=Path))
@db_option
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the file.")
@click.option("--force", is_flag=True, help="Re-read a file already ingested (still idempotent).")
@click.option(
    "--snap-km",
    type=float,
    default=None,
    help="Assign events up to this far outside every polygon to the nearest "
    "(default: $SIGNALFIRE_SNAP_KM or 25).",
)
def ingest(
    format: str, path: Path, db: Path | None, encoding: str, force: bool, snap_km: float | None
) -> None:
    """Read one file (CSV, zipped CSV or XLSX) of FORMAT into the store, all or nothing."""
    with _open(db) as store, _progress(err.is_terminal) as progress:
        report = run_ingest(
            store,
            format,
            path,
            encoding=encoding,
            force=force,
            snap_km=snap_km,
            progress=progress(path.name),
        )
    _print_report(report)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _day(value: str | None, name: str) -> Any:
    if value is None:
        return None
    try:
        return parse_day(value, name)
    except ValueError as exc:
        raise ConfigError(name, value, "a date YYYY-MM-DD or YYYY-MM") from exc


@cli.command()
@db_option
@click.option("--country", multiple=True, help="ISO3 code(s), comma-separated or repeated.")
@click.option("--adm1", multiple=True, help="Province id(s) (ISO 3166-2, e.g. PK-KP).")
@click.option("--adm2", multiple=True, help="District id(s) (geoBoundaries shapeID).")
@click.option("--actor", help="Actor name contains this (either side, case-insensitive).")
@click.option("--since", help="Events ending on or after this date (YYYY-MM-DD or YYYY-MM).")
@click.option("--until", help="Events starting on or before this date.")
@click.option(
    "--type",
    "violence_type",
    multiple=True,
    help="Violence type: state-based, non-state, one-sided, other.",
)
@click.option("--source", multiple=True, help="Source format, e.g. ucdp-ged, acled, gtd.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option(
    "--format", "fmt", type=click.Choice(output.FORMATS), default="table", show_default=True
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of the terminal.",
)
def events(
    db: Path | None,
    country: tuple[str, ...],
    adm1: tuple[str, ...],
    adm2: tuple[str, ...],
    actor: str | None,
    since: str | None,
    until: str | None,
    violence_type: tuple[str, ...],
    source: tuple[str, ...],
    limit: int | None,
    fmt: str,
    out_path: Path | None,
) -> None:
    """List events, filtered."""
    try:
        where = EventFilter(
            country=tuple(c.upper() for c in _split(country)),
            adm1=_split(adm1),
            adm2=_split(adm2),
            actor=actor,
            since=_day(since, "since"),
            until=_day(until, "until"),
            violence_type=_split(violence_type),
            source=_split(source),
            limit=limit,
        )
    except ValueError as exc:
        raise ConfigError("filter", "", str(exc)) from exc
    with _open(db, read_only=True) as store:
        frame = store.events(where)
    if fmt == "table" and out_path is None:
        columns = [
            "event_id",
            "date_start",
            "country_iso3",
            "adm1_id",
            "adm2_id",
            "violence_type",
            "actor1",
            "actor2",
            "deaths_best",
        ]
        _table(frame[columns], title=f"{len(frame):,} events")
    else:
        _emit(frame, fmt, out_path)


@cli.group(invoke_without_command=True)
@db_option
@click.option("--level", type=click.Choice(["adm0", "adm1", "adm2"]))
@click.option("--iso3", help="Only this country.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "geojson"]),
    default="table",
    show_default=True,
)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def regions(
    ctx: click.Context,
    db: Path | None,
    level: str | None,
    iso3: str | None,
    fmt: str,
    out_path: Path | None,
) -> None:
    """List regions (provinces, districts), or load boundaries with `regions load`."""
    if ctx.invoked_subcommand is not None:
        return
    with _open(db, read_only=True) as store:
        geometry = "geojson" if fmt == "geojson" else "none"
        frame = store.regions(level, iso3.upper() if iso3 else None, geometry=geometry)
    _emit(frame, fmt, out_path, geometry="column")


@regions.command("load")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--level", type=click.Choice(["adm0", "adm1", "adm2"]), required=True)
@click.option("--iso3", help="Country of every feature, for files that do not name it.")
@db_option
def regions_load(path: Path, level: str, iso3: str | None, db: Path | None) -> None:
    """Load boundaries from a GeoJSON file; stored events are located again."""
    with _open(db) as store:
        count, methods = load_regions(store, path, level, iso3)
    out.print(f"{path}: {count:,} {level} regions loaded")
    if methods:
        out.print(
            "events re-located: " + ", ".join(f"{k} {v:,}" for k, v in sorted(methods.items()))
        )


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def sources(db: Path | None, fmt: str) -> None:
    """The files ingested, with their row counts."""
    with _open(db, read_only=True) as store:
        frame = store.sources()
    if fmt == "table":
        _table(
            frame[
                [
                    "source_id",
                    "format",
                    "path",
                    "rows_read",
                    "rows_stored",
                    "rows_new",
                    "rows_updated",
                    "rows_quarantined",
                    "rows_unlocated",
                    "finished_at",
                ]
            ]
        )
    else:
        _emit(frame, fmt, None)


@cli.command()
@db_option
@click.option("--source-id", type=int, help="Only rows from this source.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def quarantine(db: Path | None, source_id: int | None, fmt: str, out_path: Path | None) -> None:
    """Rows that could not be stored, with the reason."""
    with _open(db, read_only=True) as store:
        frame = store.quarantine(source_id)
    if fmt == "table" and out_path is None:
        _table(frame[["source_id", "row_number", "reason"]], title=f"{len(frame):,} rows")
    else:
        _emit(frame, fmt, out_path)


@cli.command("settings")
def show_settings() -> None:
    """Each setting, its value and where the value comes from."""
    table = Table("name", "value", "from", "help")
    for setting in settings.SETTINGS:
        value = settings.get(setting.name)
        origin = setting.env_var if value != setting.default else "default"
        table.add_row(setting.name, str(value), origin, setting.help)
    out.print(table)


@cli.group()
def data() -> None:
    """Reference data from its publishers."""


@data.command("fetch")
@click.argument("dataset", type=click.Choice(["ucdp-ged", "geoboundaries"]))
@click.option(
    "--version", "ged_version", default="25.1", show_default=True, help="UCDP GED release."
)
@click.option("--country", help="ISO3: keep only this country (GED) / boundaries of it.")
@click.option(
    "--level",
    type=click.Choice(["adm1", "adm2"]),
    default="adm2",
    help="Boundary level (geoboundaries).",
)
@click.option(
    "--from",
    "from_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Take the files from this folder instead of the network.",
)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path))
def fetch(
    dataset: str,
    ged_version: str,
    country: str | None,
    level: str,
    from_dir: Path | None,
    cache_dir: Path | None,
) -> None:
    """Download DATASET into the cache, checked against its sha256, and print its path."""
    fetcher = Fetcher(
        settings.cache_dir(cache_dir), LocalDirTransport(from_dir) if from_dir else None
    )
    if dataset == "ucdp-ged":
        path = fetcher.ucdp_ged(ged_version, country=country)
    else:
        if not country:
            raise ConfigError("--country", None, "an ISO3 code for geoboundaries")
        path = fetcher.geoboundaries(country, level)
    out.print(str(path))


@cli.command()
@db_option
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Reference data folder (default: ../shared/data, else download).",
)
@click.option(
    "--from",
    "from_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="With no data folder: take downloads from this folder.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("signalfire-output"),
    show_default=True,
    help="Folder for the forecast table and the backtest report.",
)
@click.option(
    "--forecast/--no-forecast",
    "with_forecast",
    default=True,
    show_default=True,
    help="Also backtest the models and forecast the next 6 months.",
)
@click.option(
    "--backtest-origins",
    type=click.IntRange(1, 120),
    default=12,
    show_default=True,
    help="How many monthly forecast origins the demo's backtest scores.",
)
def demo(
    db: Path | None,
    data_dir: Path | None,
    from_dir: Path | None,
    out_dir: Path,
    with_forecast: bool,
    backtest_origins: int,
) -> None:
    """Load the reference data, summarise it, backtest the models and forecast."""
    folder = settings.data_dir(data_dir)
    fetcher = None
    if folder is None:
        fetcher = Fetcher(settings.cache_dir(), LocalDirTransport(from_dir) if from_dir else None)
        err.print("[yellow]no reference data folder: downloading from the publishers[/yellow]")
    with _open(db) as store, _progress(err.is_terminal) as progress:
        run = load_reference_data(store, folder, fetcher, progress_for=progress)
        out.print(f"[bold]signalfire demo[/bold]: store {store.path}, data from {run.origin}")
        out.print(f"{run.regions:,} regions loaded")
        for report in run.reports:
            _print_report(report)
        by_year = events_by_year(store)
        actors = top_actors(store)
        districts = deadliest_districts(store)
    _table(by_year, "Events and deaths (best estimate) by year", limit=100)
    _table(actors, "Most active actors (events as either side)")
    _table(districts, "Deadliest districts")
    if not with_forecast:
        return
    with _open(db) as store, _progress(err.is_terminal) as progress:
        result = forecast_and_backtest(
            store, out_dir, backtest_origins=backtest_origins, progress=progress("backtest fits")
        )
    _table(
        result.skill.round(3),
        "Backtest, district-month fatalities (skill = CRPS gain over the best naive baseline)",
    )
    _table(result.top.round(3), f"Highest expected fatalities next month ({result.best_model})")
    out.print(f"forecast: {result.forecast_path}")
    out.print(f"backtest report: {result.report_dir / 'report.html'}")


@cli.command()
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
            countries=tuple(c.upper() for c in _split(country)),
        )
    except ValueError as exc:
        raise ConfigError("forecast", "", str(exc)) from exc
    with _open(db, read_only=not save) as store:
        result = make_forecast(store, request)
        if save:
            run_id = save_forecast(store, request, result)
            err.print(f"saved as forecast run {run_id}")
    if out_path is None:
        with _open(db, read_only=True) as store:
            names = store.regions(geometry="none").set_index("region_id")["name"]
        top = result.summary().sort_values("mean", ascending=False)
        top.insert(1, "name", top["region_id"].map(names))
        _table(top, title=f"{result.model}: {target} per {level}, highest expected first", limit=20)
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


@cli.command()
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
    out_dir: Path,
) -> None:
    """Rolling-origin backtest: each model fitted only on data up to each origin, then scored."""
    from .backtest import run_backtest
    from .forecasting import save_backtest

    names = [m.strip() for m in models.split(",") if m.strip()] if models else None
    with _open(db, read_only=not save) as store:
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
                    countries=tuple(c.upper() for c in _split(country)),
                    progress=lambda done, total: bars.update(task, completed=done, total=total),
                )
            except (ValueError, KeyError) as exc:
                raise ConfigError("backtest", "", str(exc)) from exc
        paths = result.write(out_dir)
        if save:
            save_backtest(store, result)
    best = result.best_model()
    _table(
        _metrics_table(result.metrics, "all"),
        title=f"{level} {target}, origins {start}..{end}: best model {best}",
    )
    for name, path in paths.items():
        out.print(f"{name}: {path}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the CLI and renders every error the same way."""
    try:
        code = cli.main(args=argv, prog_name="signalfire", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("interrupted: the store is as it was before the file being read")
        sys.exit(130)
    except SignalfireError as exc:
        err.print(f"[bold red]error:[/bold red] {escape(exc.message)}", highlight=False)
        sys.exit(exc.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)
