"""The `alerts` command family: compute, list, evaluate, acknowledge, feed and deliver."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import settings
from ..errors import ConfigError, FetchError
from .common import db_option, err, open_store, out, show_table

if TYPE_CHECKING:
    import pandas as pd

    from ..alerts.delivery import Delivery

FORMATS = ("table", "json", "csv")


def _month(value: str | None, name: str) -> str | None:
    from ..alerts.records import parse_month

    if value is None:
        return None
    try:
        parse_month(value)
    except ValueError as exc:
        raise ConfigError(name, value, "a month YYYY-MM") from exc
    return value


def _detectors(text: str | None) -> list[str] | None:
    from ..alerts import DETECTORS

    if not text:
        return None
    names = [d.strip() for d in text.split(",") if d.strip()]
    for name in names:
        if name not in DETECTORS:
            raise ConfigError("--detectors", name, f"one of {', '.join(DETECTORS)}")
    return names


def _write(frame: pd.DataFrame, fmt: str, out_path: Path | None, title: str) -> None:
    from .. import output

    if fmt == "table" and out_path is None:
        columns = ["alert_id", "kind", "region_id", "actor_id", "period_start", "period_end"]
        columns += ["severity", "status", "message"]
        show_table(frame[[c for c in columns if c in frame]], title=title)
        return
    if fmt == "json":
        text = json.dumps(output.records(frame), ensure_ascii=False, indent=1) + "\n"
    else:
        flat = frame.copy()
        if "evidence" in flat:
            flat["evidence"] = [json.dumps(e, sort_keys=True) for e in flat["evidence"]]
        text = flat.to_csv(index=False)
    if out_path is None:
        click.echo(text, nl=False)
    else:
        out_path.write_text(text, encoding="utf-8")
        err.print(f"{out_path}: {len(frame)} alerts")


@click.group(invoke_without_command=True)
@db_option
@click.option(
    "--as-of", help="Month (YYYY-MM): compute the alerts open at its end from data up to it."
)
@click.option("--level", type=click.Choice(["adm1", "adm2"]), default="adm2", show_default=True)
@click.option(
    "--detectors",
    help="Comma-separated: surge, forecast_threshold, new_actor, spillover; default: all.",
)
@click.option(
    "--rules",
    "rules_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file of [[rule]] tables (see signalfire.alerts.rules); default: the rules kept "
    "in the store (edited through the API).",
)
@click.option(
    "--save/--no-save",
    default=True,
    show_default=True,
    help="Keep the alerts in the store (an ongoing alert is updated, not repeated).",
)
@click.option("--status", type=click.Choice(["open", "closed", "acknowledged", "dismissed"]))
@click.option("--kind", help="Only alerts of this kind.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def alerts(
    ctx: click.Context,
    db: Path | None,
    as_of: str | None,
    level: str,
    detectors: str | None,
    rules_path: Path | None,
    save: bool,
    status: str | None,
    kind: str | None,
    fmt: str,
    out_path: Path | None,
) -> None:
    """Early-warning alerts. With --as-of, the alerts open at the end of that month (computed
    from data up to it, then stored); without, the stored alerts."""
    if ctx.invoked_subcommand is not None:
        return
    from ..alerts import as_stored, compute_alerts, list_alerts, save_alerts
    from ..alerts.records import frame as alert_frame

    _month(as_of, "--as-of")
    names = _detectors(detectors)
    if as_of is None:
        with open_store(db, read_only=True) as store:
            listed = list_alerts(store, status=status, kind=kind)
        _write(listed, fmt, out_path, "stored alerts")
        return
    with open_store(db, read_only=not save) as store:
        try:
            found = compute_alerts(store, as_of, level=level, detectors=names, rules=rules_path)
        except ValueError as exc:
            raise ConfigError("alerts", as_of, str(exc)) from exc
        if save:
            written = save_alerts(store, found, as_of=as_of)
            err.print(f"{len(found)} alerts open at the end of {as_of}; {written} new or updated")
        found = as_stored(store, found)
        listed = alert_frame(found)
        if status:
            listed = listed[listed["status"] == status]
        if kind:
            listed = listed[listed["kind"] == kind]
    _write(listed.reset_index(drop=True), fmt, out_path, f"alerts open at the end of {as_of}")


@alerts.command("evaluate")
@db_option
@click.option("--start", required=True, help="First month replayed (YYYY-MM).")
@click.option("--end", required=True, help="Last month replayed (YYYY-MM).")
@click.option("--level", type=click.Choice(["adm1", "adm2"]), default="adm2", show_default=True)
@click.option("--detectors", help="Comma-separated detector names; default: all.")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the figures as JSON here.",
)
def evaluate_command(
    db: Path | None,
    start: str,
    end: str,
    level: str,
    detectors: str | None,
    out_path: Path | None,
) -> None:
    """Replay START..END month by month (each month only sees data up to it) and score the
    alerts against the real surges that followed (definition: signalfire.alerts.evaluate)."""
    from ..alerts.evaluate import evaluate, replay, summary

    _month(start, "--start")
    _month(end, "--end")
    if end < start:
        raise ConfigError("--end", end, f"a month on or after --start {start}")
    names = _detectors(detectors)
    with open_store(db, read_only=True) as store:
        try:
            result = replay(store, start, end, level=level, detectors=names)
        except ValueError as exc:
            raise ConfigError("--detectors", detectors, str(exc)) from exc
    table = evaluate(result)
    show_table(table, title=f"alerts {start}..{end} at {level} ({result.seconds:.1f} s)")
    if out_path is not None:
        out_path.write_text(json.dumps(summary(result, table), indent=1, default=str) + "\n")
        err.print(f"{out_path}: written")


def _feedback(db: Path | None, alert_id: str, user: str, reason: str, action: str) -> None:
    from ..alerts import acknowledge

    with open_store(db) as store:
        try:
            acknowledge(store, alert_id, user=user, action=action, reason=reason)
        except ValueError as exc:
            raise ConfigError("--user", user, "a name: who acts on the alert") from exc
    out.print(f"{alert_id}: {action}d by {user}")


_user = click.option(
    "--user", default=lambda: os.environ.get("USER", ""), help="Who (default: $USER)."
)
_reason = click.option("--reason", required=True, help="Why, in a sentence.")


@alerts.command("ack")
@db_option
@click.argument("alert_id")
@_user
@_reason
def ack(db: Path | None, alert_id: str, user: str, reason: str) -> None:
    """Acknowledge an alert (kept with who, when and why)."""
    _feedback(db, alert_id, user, reason, "acknowledge")


@alerts.command("dismiss")
@db_option
@click.argument("alert_id")
@_user
@_reason
def dismiss(db: Path | None, alert_id: str, user: str, reason: str) -> None:
    """Dismiss an alert (kept with who, when and why)."""
    _feedback(db, alert_id, user, reason, "dismiss")


@alerts.command("feedback")
@db_option
@click.argument("alert_id")
def feedback(db: Path | None, alert_id: str) -> None:
    """Every acknowledgement and dismissal of an alert."""
    from ..alerts import alert_feedback

    with open_store(db, read_only=True) as store:
        show_table(alert_feedback(store, alert_id), title=f"feedback on {alert_id}")


@alerts.command("feed")
@db_option
@click.option("--as-of", help="Only alerts open at the end of this month (YYYY-MM).")
@click.option("--status", type=click.Choice(["open", "closed", "acknowledged", "dismissed"]))
@click.option("--link", help="The feed's own URL, for the self link.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def feed(
    db: Path | None,
    as_of: str | None,
    status: str | None,
    link: str | None,
    out_path: Path | None,
) -> None:
    """The stored alerts as an Atom feed."""
    from ..alerts import atom_feed, list_alerts

    _month(as_of, "--as-of")
    with open_store(db, read_only=True) as store:
        frame = list_alerts(store, as_of=as_of, status=status)
    text = atom_feed(frame, link=link)
    if out_path is None:
        click.echo(text)
    else:
        out_path.write_text(text + "\n", encoding="utf-8")
        err.print(f"{out_path}: {len(frame)} entries")


@alerts.command("deliver")
@db_option
@click.option("--url", required=True, help="Webhook URL: each alert is POSTed as JSON.")
@click.option("--as-of", help="Only alerts open at the end of this month (YYYY-MM).")
@click.option(
    "--status",
    type=click.Choice(["open", "closed", "acknowledged", "dismissed"]),
    default="open",
    show_default=True,
)
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True)
@click.option(
    "--resend",
    is_flag=True,
    help="Also POST the alerts already delivered to this URL and unchanged since.",
)
def deliver(
    db: Path | None, url: str, as_of: str | None, status: str, retries: int, resend: bool
) -> None:
    """POST alerts to a webhook, signed with HMAC-SHA256 of the body in the
    X-Signalfire-Signature header when $SIGNALFIRE_WEBHOOK_SECRET is set.

    Each delivery is kept in the store: an alert goes to the same URL again only when it has
    changed since (updated, closed, acknowledged) or its delivery failed, unless --resend.
    """
    from ..alerts import deliver_webhook, list_alerts
    from ..alerts.store import deliveries_due, record_deliveries

    _month(as_of, "--as-of")
    # The store is not held while posting (a slow webhook must not lock out other writers):
    # read what is due, post, then record the outcomes, even after an interruption.
    with open_store(db) as store:
        frame = list_alerts(store, as_of=as_of, status=status)
        due, versions = deliveries_due(store, frame, url, resend=resend)
    done: list[Delivery] = []
    try:
        deliver_webhook(
            due,
            url,
            secret=settings.get("webhook_secret") or None,
            retries=retries,
            on_result=done.append,
        )
    finally:
        if done:
            with open_store(db) as store:
                record_deliveries(store, url, done, versions)
    failed = [r for r in done if not r.delivered]
    skipped = len(frame) - len(due)
    out.print(
        f"{len(done) - len(failed)} of {len(done)} alerts delivered to {url}"
        + (
            f"; {skipped} already delivered and unchanged (--resend to send them)"
            if skipped
            else ""
        )
    )
    if failed:
        shown = "; ".join(f"{r.alert_id}: {r.error} after {r.attempts} tries" for r in failed[:5])
        raise FetchError(
            url, f"{len(failed)} alerts not delivered ({shown}); they are retried on the next run"
        )
