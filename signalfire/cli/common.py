"""What every command shares: consoles, common options, tables and progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

# Heavy modules (pandas, DuckDB, the models) are imported inside the commands that use them,
# so that `signalfire --help` and a mistyped option answer at once.
if TYPE_CHECKING:
    import pandas as pd

    from ..store import Store

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


class LazyChoice(click.Choice[str]):
    """A `click.Choice` whose values are read from a heavy module only when first needed
    (parsing or a command's own --help), not when the CLI is assembled."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._choices: tuple[str, ...] | None = None
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        if self._choices is None:
            self._choices = tuple(self._load())
        return self._choices

    @choices.setter
    def choices(self, value: Iterable[str]) -> None:
        pass  # set by click.Choice.__init__; the values come from `load`


def output_formats() -> tuple[str, ...]:
    from .. import output

    return output.FORMATS


def open_store(db: Path | None, read_only: bool = False, wait: float | None = None) -> Store:
    """The store, waiting (the `lock_wait` setting) for a file another process holds."""
    from ..store import open as open_waiting

    def say(path: Path, limit: float) -> None:
        err.print(f"[dim]{path} is in use by another process; waiting up to {limit:.0f} s[/dim]")

    return open_waiting(db, read_only=read_only, wait=wait, on_wait=say)


def show_table(frame: pd.DataFrame, title: str = "", limit: int = 50) -> None:
    from rich.table import Table

    from .. import output

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


def emit(frame: pd.DataFrame, fmt: str, out_path: Path | None, geometry: str = "points") -> None:
    from .. import output

    if fmt == "table" and out_path is None:
        show_table(frame)
    else:
        output.write(frame, "csv" if fmt == "table" else fmt, out_path, geometry=geometry)


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str], Callable[[int, int], None] | None]]:
    """A factory of byte-progress callbacks, one bar per file; silent when not a terminal."""
    if not enabled:
        yield lambda _name: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

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


def split_values(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())
