"""Commands over events and their sources: ingest, events, regions, sources, quarantine,
settings, data fetch and the demo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .. import settings
from ..domain import EventFilter, IngestReport, parse_day
from ..errors import ConfigError
from .common import (
    LazyChoice,
    db_option,
    emit,
    err,
    open_store,
    out,
    output_formats,
    progress_bars,
    show_table,
    split_values,
)


def _ingest_formats() -> list[str]:
    from ..sources import ADAPTERS

    return sorted([*ADAPTERS, "text"])


def print_report(report: IngestReport) -> None:
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


@click.command()
@click.argument("format", type=LazyChoice(_ingest_formats))
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
@click.option(
    "--published",
    help="FORMAT text only: publication date (YYYY-MM-DD) for documents that carry none; "
    "anchors 'yesterday'.",
)
def ingest(
    format: str,
    path: Path,
    db: Path | None,
    encoding: str,
    force: bool,
    snap_km: float | None,
    published: str | None,
) -> None:
    """Read one file (CSV, zipped CSV or XLSX) of FORMAT into the store, all or nothing.
    FORMAT text: news text (file, folder, JSONL, HTML, RSS/Atom), extracted and deduplicated."""
    if format == "text":
        from .text import ingest_text_command

        ingest_text_command(db, path, published)
        return
    if published is not None:
        raise ConfigError("published", published, "no value: it applies to FORMAT text only")
    from ..ingest import ingest as run_ingest

    with open_store(db) as store, progress_bars(err.is_terminal) as progress:
        report = run_ingest(
            store,
            format,
            path,
            encoding=encoding,
            force=force,
            snap_km=snap_km,
            progress=progress(path.name),
        )
    print_report(report)


def _day(value: str | None, name: str) -> Any:
    if value is None:
        return None
    try:
        return parse_day(value, name)
    except ValueError as exc:
        raise ConfigError(name, value, "a date YYYY-MM-DD or YYYY-MM") from exc


@click.command()
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
    "--format", "fmt", type=LazyChoice(output_formats), default="table", show_default=True
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
            country=tuple(c.upper() for c in split_values(country)),
            adm1=split_values(adm1),
            adm2=split_values(adm2),
            actor=actor,
            since=_day(since, "since"),
            until=_day(until, "until"),
            violence_type=split_values(violence_type),
            source=split_values(source),
            limit=limit,
        )
    except ValueError as exc:
        raise ConfigError("filter", "", str(exc)) from exc
    with open_store(db, read_only=True) as store:
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
        show_table(frame[columns], title=f"{len(frame):,} events")
    else:
        emit(frame, fmt, out_path)


@click.group(invoke_without_command=True)
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
    with open_store(db, read_only=True) as store:
        geometry = "geojson" if fmt == "geojson" else "none"
        frame = store.regions(level, iso3.upper() if iso3 else None, geometry=geometry)
    emit(frame, fmt, out_path, geometry="column")


@regions.command("load")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--level", type=click.Choice(["adm0", "adm1", "adm2"]), required=True)
@click.option("--iso3", help="Country of every feature, for files that do not name it.")
@db_option
def regions_load(path: Path, level: str, iso3: str | None, db: Path | None) -> None:
    """Load boundaries from a GeoJSON file; stored events are located again."""
    from ..ingest import load_regions

    with open_store(db) as store:
        count, methods = load_regions(store, path, level, iso3)
    out.print(f"{path}: {count:,} {level} regions loaded")
    if methods:
        out.print(
            "events re-located: " + ", ".join(f"{k} {v:,}" for k, v in sorted(methods.items()))
        )


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
def sources(db: Path | None, fmt: str) -> None:
    """The files ingested, with their row counts."""
    with open_store(db, read_only=True) as store:
        frame = store.sources()
    if fmt == "table":
        show_table(
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
        emit(frame, fmt, None)


@click.command()
@db_option
@click.option("--source-id", type=int, help="Only rows from this source.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def quarantine(db: Path | None, source_id: int | None, fmt: str, out_path: Path | None) -> None:
    """Rows that could not be stored, with the reason."""
    with open_store(db, read_only=True) as store:
        frame = store.quarantine(source_id)
    if fmt == "table" and out_path is None:
        show_table(frame[["source_id", "row_number", "reason"]], title=f"{len(frame):,} rows")
    else:
        emit(frame, fmt, out_path)


@click.command("settings")
def show_settings() -> None:
    """Each setting, its value and where the value comes from."""
    from rich.table import Table

    table = Table("name", "value", "from", "help")
    for setting in settings.SETTINGS:
        value = settings.get(setting.name)
        origin = setting.env_var if value != setting.default else "default"
        table.add_row(setting.name, str(value), origin, setting.help)
    out.print(table)


@click.group()
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
    from ..fetch import Fetcher, LocalDirTransport

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


@click.command()
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
    from ..demo import (
        deadliest_districts,
        events_by_year,
        forecast_and_backtest,
        load_reference_data,
        top_actors,
    )
    from ..fetch import Fetcher, LocalDirTransport

    folder = settings.data_dir(data_dir)
    fetcher = None
    if folder is None:
        fetcher = Fetcher(settings.cache_dir(), LocalDirTransport(from_dir) if from_dir else None)
        err.print("[yellow]no reference data folder: downloading from the publishers[/yellow]")
    with open_store(db) as store, progress_bars(err.is_terminal) as progress:
        run = load_reference_data(store, folder, fetcher, progress_for=progress)
        out.print(f"[bold]signalfire demo[/bold]: store {store.path}, data from {run.origin}")
        out.print(f"{run.regions:,} regions loaded")
        for report in run.reports:
            print_report(report)
        by_year = events_by_year(store)
        actors = top_actors(store)
        districts = deadliest_districts(store)
    show_table(by_year, "Events and deaths (best estimate) by year", limit=100)
    show_table(actors, "Most active actors (events as either side)")
    show_table(districts, "Deadliest districts")
    if not with_forecast:
        return
    with open_store(db) as store, progress_bars(err.is_terminal) as progress:
        result = forecast_and_backtest(
            store, out_dir, backtest_origins=backtest_origins, progress=progress("backtest fits")
        )
    show_table(
        result.skill.round(3),
        "Backtest, district-month fatalities (skill = CRPS gain over the best naive baseline)",
    )
    show_table(result.top.round(3), f"Highest expected fatalities next month ({result.best_model})")
    out.print(f"forecast: {result.forecast_path}")
    out.print(f"backtest report: {result.report_dir / 'report.html'}")
    brief_path, n_relations, n_alerts = _graph_alerts_and_brief(db, out_dir, result.as_of)
    out.print(f"actor graph: {n_relations:,} relations with their sources (signalfire actors list)")
    out.print(f"alerts open at the end of {result.as_of}: {n_alerts} (signalfire alerts)")
    out.print(f"situation report: {brief_path}")
    out.print("dashboard: signalfire serve, then open http://127.0.0.1:8000")


def _graph_alerts_and_brief(db: Path | None, out_dir: Path, as_of: str) -> tuple[Path, int, int]:
    """The demo's last steps: derive the actor graph, store the alerts open at `as_of` and
    write the month's brief, so that every surface has something to show."""
    from ..alerts import compute_alerts, save_alerts
    from ..graph.curated import load_curated
    from ..graph.derive import derive_relations
    from ..graph.model import save_relations
    from ..report import BriefRequest, compute_brief, render

    with open_store(db) as store:
        relations = derive_relations(store) + load_curated()
        save_relations(store, relations)
        alerts = compute_alerts(store, as_of)
        save_alerts(store, alerts, as_of=as_of)
        brief = compute_brief(store, BriefRequest(as_of=as_of))
    return render(brief, out_dir / f"brief-{as_of}.html"), len(relations), len(alerts)
