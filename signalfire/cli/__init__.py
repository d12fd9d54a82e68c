"""The `signalfire` command line. Errors are rendered in one place: `main`.

Each module of this package holds one family of commands; this one assembles the group.
"""

from __future__ import annotations

import sys

import click
from rich.markup import escape

from .. import __version__
from ..errors import SignalfireError
from . import actors, alerts, data, forecasts, report, text, web
from .common import err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="signalfire")
def cli() -> None:
    """signalfire: early warning and analysis of political violence from public event data."""


for _command in (
    data.ingest,
    data.events,
    data.regions,
    data.sources,
    data.quarantine,
    data.show_settings,
    data.data,
    data.demo,
    forecasts.forecast,
    forecasts.backtest,
    alerts.alerts,
    text.extract,
    web.serve,
    web.token,
    actors.actors,
    actors.relations_group,
    report.report,
):
    cli.add_command(_command)


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
