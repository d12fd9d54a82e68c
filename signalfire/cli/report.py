"""The `report` command: a monthly situation report (brief) as HTML or PDF."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..errors import ConfigError
from .common import db_option, err, open_store, split_values


@click.command()
@db_option
@click.option("--as-of", "as_of", required=True, help="The report's month, YYYY-MM.")
@click.option(
    "--country",
    multiple=True,
    help="ISO3 code(s), comma-separated; default: the countries with events by then.",
)
@click.option(
    "--level",
    type=click.Choice(["adm1", "adm2"]),
    default="adm2",
    show_default=True,
    help="Regions of the map and the ranking: provinces (adm1) or districts (adm2).",
)
@click.option(
    "--horizon",
    type=click.IntRange(1, 12),
    default=3,
    show_default=True,
    help="Forecast months shown on the map and in the table.",
)
@click.option(
    "--model",
    default="conflictology",
    show_default=True,
    help="Model fitted when no forecast run for the month is stored (see `signalfire forecast`).",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="brief.html (one self-contained page) or brief.pdf.",
)
def report(
    db: Path | None,
    as_of: str,
    country: tuple[str, ...],
    level: str,
    horizon: int,
    model: str,
    out_path: Path,
) -> None:
    """Write the situation report for --as-of: figures, forecast map, highest-risk regions,
    alerts, actor activity, notable events and methods, all computed from the store."""
    from ..report import BriefRequest, compute_brief, render

    if out_path.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise ConfigError("out", str(out_path), "a file name ending in .html or .pdf")
    request = BriefRequest(
        as_of=as_of,
        countries=tuple(c.upper() for c in split_values(country)),
        level=level,
        horizon=horizon,
        model=model,
    )
    started = time.perf_counter()
    # Read-only: a brief never changes the store (a forecast it needs is fitted, not saved).
    with open_store(db, read_only=True) as store:
        brief = compute_brief(store, request)
    render(brief, out_path)
    err.print(f"{out_path}: brief for {as_of} in {time.perf_counter() - started:.1f} s")
