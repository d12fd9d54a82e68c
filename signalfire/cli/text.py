"""Text commands: `signalfire extract` (news text to JSONL events, store untouched) and the
text branch of `signalfire ingest text INPUT`."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import IO

import click

from ..errors import ConfigError, InputError
from .common import err


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError("published", value, "a date YYYY-MM-DD") from None


@click.command()
@click.argument("input", metavar="INPUT")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSONL here instead of standard output.",
)
@click.option(
    "--published",
    help="Publication date (YYYY-MM-DD) for documents that carry none; anchors 'yesterday'.",
)
@click.option(
    "--all-fields",
    is_flag=True,
    help="Add fields beyond the standard record: abducted, arrested, precisions, actor kinds "
    "and claims.",
)
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=64, show_default=True)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (each loads the model once; the events are the same, in order).",
)
def extract(
    input: str,
    out_path: Path | None,
    published: str | None,
    all_fields: bool,
    batch_size: int,
    jobs: int,
) -> None:
    """Extract events from news text (file, folder, JSONL, HTML, RSS/Atom or a feed URL) and
    write one JSON line per event. Reads no store and writes none.

    A bad JSONL line (or a bad file in a folder) does not stop the run: the events of every
    readable document are written, the bad records are listed, and the exit status is 3."""
    from ..extract.inputs import read_documents
    from ..extract.parallel import extract_parallel

    unread: list[InputError] = []
    docs = read_documents(
        input, published=_published(published), on_error=lambda e, _raw: unread.append(e)
    )
    n_docs = n_events = 0
    partial = out_path.with_name(out_path.name + ".partial") if out_path else None
    stream: IO[str] = partial.open("w", encoding="utf-8") if partial else sys.stdout
    try:
        for _doc, events in extract_parallel(docs, jobs, batch_size=batch_size):
            n_docs += 1
            for event in events:
                stream.write(json.dumps(event.to_json(full=all_fields), ensure_ascii=False) + "\n")
                n_events += 1
    finally:
        if partial is not None:
            stream.close()
    if partial is not None and out_path is not None:
        partial.replace(out_path)
    from ..wording import count as counted

    where = f" -> {out_path}" if out_path else ""
    err.print(f"{counted(n_docs, 'document')}, {counted(n_events, 'event')}{where}")
    if unread:
        for error in unread[:_LISTED]:
            err.print(f"not read: {error}", markup=False, highlight=False)
        more = f" ({len(unread) - _LISTED:,} more not listed)" if len(unread) > _LISTED else ""
        raise InputError(
            input,
            f"{counted(len(unread), 'record')} not read{more}; the events of the "
            f"{counted(n_docs, 'document')} read were written",
        )


_LISTED = 20  # bad records listed one by one; beyond this only counted


def ingest_text_command(db: Path | None, path: Path, published: str | None = None) -> None:
    """`signalfire ingest text PATH`: extract, deduplicate, match and store in one transaction;
    records that cannot be read are quarantined."""
    from ..extract.store import LOCATION_METHODS, ingest_text
    from ..wording import count as counted
    from .common import open_store, out

    # The shared `ingest` argument is a click.Path, which folds "https://" to "https:/".
    source = re.sub(r"^(https?):/(?!/)", r"\1://", str(path))
    with open_store(db) as store:
        report = ingest_text(store, source, published=_published(published))
    notes = []
    if report.documents_reread:
        notes.append(f"{report.documents_reread:,} with events stored before: replaced")
    if report.documents_repeated:
        notes.append(f"{counted(report.documents_repeated, 'id')} given again: last copy read")
    replaced = report.quarantine_replaced
    earlier = f"; replacing {counted(replaced, 'row')} quarantined before" if replaced else ""
    out.print(
        f"[bold]{report.input}[/bold] (text, source {report.source_id}): "
        f"{report.documents:,} documents{' (' + '; '.join(notes) + ')' if notes else ''} · "
        f"{report.events_extracted:,} events extracted · "
        f"{report.events_stored:,} stored after merging {report.merged_reports:,} duplicate "
        f"reports (new {report.events_new:,}, updated {report.events_updated:,}; "
        f"{report.merged_with_stored:,} merged into events stored before) · "
        f"{report.quarantined:,} quarantined (not stored{earlier}) · "
        f"{report.matched:,} matched to dataset events"
    )
    if report.events_stored:
        located = (f"{k} {report.locations.get(m, 0):,}" for m, k in LOCATION_METHODS.items())
        out.print("  location: " + ", ".join(located))
    types = ", ".join(f"{k} {v:,}" for k, v in sorted(report.by_type.items()))
    if types:
        out.print(f"  types: {types}")
    for reason, count in sorted(report.quarantine_reasons.items()):
        out.print(f"  quarantined: {count:,} × {reason}")
    if report.events_removed:
        out.print(
            f"  removed: {report.events_removed:,} stored events that the re-read articles "
            "no longer report"
        )
