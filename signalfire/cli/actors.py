"""Commands of the actor graph: `actors list|show|graph|derive` and `relations extract`."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import settings
from ..errors import ConfigError, InputError, NotFoundError
from .common import db_option, err, open_store, out, show_table, split_values

# The graph modules (pandas, the actor table, spaCy for text) are imported by the commands.
if TYPE_CHECKING:
    import pandas as pd

    from ..graph.text import TextRelation
    from ..store import Store


@click.group()
def actors() -> None:
    """Armed groups and state forces: who they are, where they act, how they relate."""


def _store_or_none(db: Path | None) -> Store | None:
    path = settings.db_path(db)
    return open_store(path, read_only=True) if path.exists() else None


@actors.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def list_actors(db: Path | None, fmt: str, out_path: Path | None) -> None:
    """Every actor of the actor table, with its events and relations in the store."""
    import pandas as pd

    from .. import output
    from ..graph.derive import actor_activity
    from ..graph.model import actor_table

    table = actor_table()
    frame = pd.DataFrame(
        [
            {"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "country": a.country}
            for a in table
        ]
    )
    store = _store_or_none(db)
    if store is not None:
        with store:
            activity = actor_activity(store)
            counts = store.query(
                """SELECT actor_id, count(*) AS relations FROM (
                     SELECT subject_id AS actor_id FROM relations WHERE relation <> 'operates_in'
                     UNION ALL SELECT object_id FROM relations WHERE object_kind = 'actor')
                   GROUP BY actor_id"""
            )
        frame = frame.merge(activity, on="actor_id", how="outer")
        frame = frame.merge(counts, on="actor_id", how="left")
        frame["relations"] = frame["relations"].fillna(0).astype(int)
        frame["events"] = frame["events"].fillna(0).astype(int)
        frame["name"] = frame["name"].fillna(frame["actor_id"])
        frame = frame.sort_values(["events", "actor_id"], ascending=[False, True])
    if fmt == "table" and out_path is None:
        show_table(frame, title=f"{len(frame)} actors (table version {table.version})", limit=200)
    else:
        output.write(frame, "csv" if fmt == "table" else fmt, out_path)


def _lookup(name: str) -> tuple[str, Any]:
    from ..graph.model import actor_table

    table = actor_table()
    if name in table:
        return name, table.get(name)
    actor = table.resolve(name)
    if actor is not None:
        return actor.actor_id, actor
    if name.startswith("new_"):
        return name, None
    raise NotFoundError(
        f"actor {name!r}: not an id or a known name in the actor table (see `signalfire actors "
        "list`)"
    )


def _rows(frame: pd.DataFrame) -> Iterator[Any]:
    yield from frame.itertuples()


def _source_text(rows: pd.DataFrame) -> str:
    parts = []
    for row in _rows(rows):
        if row.kind == "dataset":
            ids = list(row.event_ids)
            shown = ", ".join(ids[:3]) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")
            parts.append(f"{row.reference}: {shown}")
        elif row.kind == "text":
            parts.append(f"text {row.reference} [{row.span_start}:{row.span_end}]")
        else:
            parts.append(f"curated: {str(row.reference)[:60]}")
    return "; ".join(parts)


@actors.command("show")
@click.argument("actor")
@db_option
@click.option(
    "--level",
    type=click.Choice(["adm1", "adm2"]),
    default="adm1",
    show_default=True,
    help="Regions to list: provinces or districts.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def show(actor: str, db: Path | None, level: str, fmt: str) -> None:
    """One actor: aliases, relations over time (each with its sources), regions, first/last seen.

    ACTOR is an id (`ttp`) or any name the actor table knows ("Pakistani Taliban").
    """
    import pandas as pd

    from .. import output
    from ..graph.derive import actor_activity, actor_years, first_appearances, operating_areas
    from ..graph.model import relation_sources, relations

    actor_id, entry = _lookup(actor)
    with open_store(db, read_only=True) as store:
        activity = actor_activity(store)
        years = actor_years(store, actor_id)
        rels = relations(store, actor_id=actor_id)
        rels = rels[rels["relation"] != "operates_in"]
        sources = relation_sources(store, rels["relation_id"].tolist())
        areas = operating_areas(store, actor_id=actor_id, level=level)
        firsts = first_appearances(store, actor_id=actor_id, level="adm0")
        stored = int(store.con.execute("SELECT count(*) FROM relations").fetchone()[0])  # type: ignore[index]
    mine = activity[activity["actor_id"] == actor_id]
    info: dict[str, Any] = {
        "actor_id": actor_id,
        "name": entry.name if entry else actor_id,
        "kind": entry.kind if entry else "other",
        "country": entry.country if entry else "",
        "parent": getattr(entry, "parent", "") if entry else "",
        "aliases": list(entry.aliases) if entry else [],
        "events": int(mine["events"].sum()) if len(mine) else 0,
        "deaths": int(mine["deaths"].sum()) if len(mine) else 0,
        "first_seen": str(mine["first_seen"].min()) if len(mine) else None,
        "last_seen": str(mine["last_seen"].max()) if len(mine) else None,
    }
    by_relation = {rid: rows for rid, rows in sources.groupby("relation_id")}
    relation_rows = []
    for row in _rows(rels):
        evidence = by_relation.get(row.relation_id)
        if evidence is None or evidence.empty:
            continue  # never shown without a source (the store join makes this unreachable)
        other_id, other_name = (
            (row.object_id, row.object_name)
            if row.subject_id == actor_id
            else (row.subject_id, row.subject_name)
        )
        relation_rows.append(
            {
                "relation": ("not " if row.negated else "") + row.relation,
                "role": "subject" if row.subject_id == actor_id else "object",
                "other_id": other_id,
                "other": other_name,
                "third": row.third_name,
                "start": row.start_date,
                "end": row.end_date,
                "events": None if pd.isna(row.events) else int(row.events),
                "deaths": None if pd.isna(row.deaths) else int(row.deaths),
                "confidence": float(row.confidence),
                "n_sources": len(evidence),
                "sources": _source_text(evidence),
                "event_ids": sorted({e for ids in evidence["event_ids"] for e in ids}),
            }
        )
    if fmt == "json":
        info["relations"] = relation_rows
        info["regions"] = output.records(areas)
        info["first_appearances"] = output.records(firsts)
        info["events_by_year"] = output.records(years)
        click.echo(json.dumps(info, default=str))
        return
    out.print(f"[bold]{info['name']}[/bold] ({actor_id}), {info['kind']} {info['country']}")
    if info["aliases"]:
        out.print("aliases: " + ", ".join(info["aliases"]))
    if info["parent"]:
        out.print(f"parent in the actor table: {info['parent']}")
    out.print(
        f"events: {info['events']:,} (deaths {info['deaths']:,}); first seen "
        f"{info['first_seen']}, last seen {info['last_seen']}"
    )
    if not years.empty:
        out.print("events by year: " + ", ".join(f"{r.year} {r.events}" for r in _rows(years)))
    if not stored:
        err.print("no relations stored yet: run `signalfire actors derive` first")
        return
    if relation_rows:
        frame = pd.DataFrame(relation_rows).drop(columns=["event_ids", "role", "other_id"])
        frame = frame.astype({"events": "Int64", "deaths": "Int64"})
        frame = frame.sort_values(["start", "relation"], na_position="first")
        show_table(frame, title="relations over time (every row with its sources)", limit=100)
    if not firsts.empty:
        show_table(firsts.drop(columns=["actor_id", "actor_name"]), title="first appearance")
    if not areas.empty:
        shown = areas.drop(columns=["actor_id", "actor_name", "relation_id"])
        show_table(shown, title=f"regions ({level}) by period", limit=60)


@actors.command("graph")
@db_option
@click.option("--at", help="Only relations holding at this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "html"]), default="html")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def graph(db: Path | None, at: str | None, fmt: str, out_path: Path | None) -> None:
    """The actor network as JSON, GraphML or an interactive offline HTML page."""
    from ..graph.export import build_graph, to_graphml, to_html
    from ..graph.model import check_partial_date

    if at is not None:
        try:
            check_partial_date(at, "--at")
        except ValueError as exc:
            raise ConfigError("--at", at, "YYYY, YYYY-MM or YYYY-MM-DD") from exc
    with open_store(db, read_only=True) as store:
        built = build_graph(store, at=at)
    if fmt == "json":
        text = json.dumps(built.as_json(), indent=1, default=str)
    elif fmt == "graphml":
        text = to_graphml(built)
    else:
        text = to_html(built)
    if out_path is None:
        click.echo(text)
    else:
        out_path.write_text(text, encoding="utf-8")
        err.print(f"{out_path}: {len(built.nodes)} actors, {len(built.edges)} relations")


def _default_gap_days() -> int:
    from ..graph.derive import DEFAULT_GAP_DAYS

    return DEFAULT_GAP_DAYS


@actors.command("derive")
@db_option
@click.option("--gap-days", type=click.IntRange(1, 3650), default=lambda: _default_gap_days())
@click.option("--curated", "curated_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-curated", is_flag=True, help="Do not add the curated references.")
def derive(db: Path | None, gap_days: int, curated_path: Path | None, no_curated: bool) -> None:
    """Derive fights, targets and operates_in from stored events; add curated references.

    Re-running adds only new evidence: nothing stored is overwritten.
    """
    from ..graph.curated import load_curated
    from ..graph.derive import derive_relations
    from ..graph.model import save_relations

    with open_store(db) as store:
        items = derive_relations(store, gap_days=gap_days)
        if not no_curated:
            items += load_curated(curated_path)
        counts = save_relations(store, items)
    out.print(
        f"{len(items):,} relations derived or curated: {counts['relations_new']:,} new, "
        f"{counts['sources_new']:,} new sources"
    )


@click.group()
def relations_group() -> None:
    """Relations between actors stated in text."""


@relations_group.command("extract")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write JSONL here; default: stdout.",
)
@click.option("--save", is_flag=True, help="Also add them to the store as text evidence.")
@db_option
def extract(input_path: Path, out_path: Path | None, save: bool, db: Path | None) -> None:
    """Relations stated in INPUT: the inputs of `signalfire extract` (text, HTML, JSONL of
    {id, text, published}, RSS/Atom, a folder of them).

    One JSON object per line: doc_id, subject, relation, object, third, start, end, negated,
    confidence, evidence (character spans of the text).
    """
    from ..extract.inputs import read_documents
    from ..graph.model import save_relations
    from ..graph.text import RelationExtractor, store_items

    extractor = RelationExtractor()
    found: list[TextRelation] = []
    written = 0
    unread: list[InputError] = []
    # Each relation is written as soon as it is found; a bad record is listed at the end
    # (exit status 3) and the records after it are read too.
    with contextlib.ExitStack() as stack:
        sink = (
            stack.enter_context(out_path.open("w", encoding="utf-8"))
            if out_path is not None
            else None
        )
        for document in read_documents(input_path, on_error=lambda e, _raw: unread.append(e)):
            for relation in extractor.extract(document.text, document.doc_id):
                line = json.dumps(relation.as_json(), ensure_ascii=False)
                if sink is None:
                    click.echo(line)
                else:
                    sink.write(line + "\n")
                written += 1
                if save:
                    found.append(relation)
    if out_path is not None:
        err.print(f"{out_path}: {written} relations")
    if save:
        with open_store(db) as store:
            counts = save_relations(store, store_items(found))
        err.print(
            f"saved: {counts['relations_new']} new relations, {counts['sources_new']} sources"
        )
    if unread:
        for error in unread:
            err.print(f"not read: {error}", markup=False, highlight=False)
        raise InputError(input_path, f"{len(unread):,} records not read (listed above)")


relations_group.name = "relations"


@relations_group.command("list")
@db_option
@click.option("--actor", help="Only relations of this actor (id or name).")
@click.option(
    "--type", "relation_type", multiple=True, help="Relation type(s), e.g. fights, allied_with."
)
@click.option("--at", help="Only relations holding at this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--source-kind", type=click.Choice(["dataset", "text", "curated"]))
@click.option("--history", is_flag=True, help="Also spells superseded by a later derivation.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table"
)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path))
def list_relations(
    db: Path | None,
    actor: str | None,
    relation_type: tuple[str, ...],
    at: str | None,
    source_kind: str | None,
    history: bool,
    fmt: str,
    out_path: Path | None,
) -> None:
    """Stored relations with their number of sources, source kinds and confidence."""
    from .. import output
    from ..graph.model import RELATION_TYPES, check_partial_date, relations

    types = split_values(relation_type)
    unknown = [t for t in types if t not in RELATION_TYPES]
    if unknown:
        raise ConfigError("--type", ",".join(unknown), f"one of {', '.join(RELATION_TYPES)}")
    if at is not None:
        try:
            check_partial_date(at, "--at")
        except ValueError as exc:
            raise ConfigError("--at", at, "YYYY, YYYY-MM or YYYY-MM-DD") from exc
    actor_id = _lookup(actor)[0] if actor else None
    with open_store(db, read_only=True) as store:
        frame = relations(
            store,
            actor_id=actor_id,
            relation=list(types) or None,
            at=at,
            source_kind=source_kind,
            superseded=history,
        )
    if fmt == "table" and out_path is None:
        columns = [
            "relation_id",
            "subject_name",
            "relation",
            "object_name",
            "start_date",
            "end_date",
            "negated",
            "events",
            "n_sources",
            "source_kinds",
            "confidence",
        ]
        show_table(frame[columns], title=f"{len(frame):,} relations")
    else:
        output.write(frame, "csv" if fmt == "table" else fmt, out_path)
