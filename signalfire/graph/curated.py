"""Curated references: well-established public facts, each with a citation, kept apart.

The packaged file `signalfire/data/curated_relations.csv` holds one relation a row (columns
below). Its relations enter the store with a `curated` source, so they stay distinguishable
from what was learned from event data or text.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from ..errors import EmptyFileError, FormatError, SchemaError
from .model import TARGET_KINDS, Relation, Source, resolve_actor

COLUMNS = (
    "subject",
    "relation",
    "object",
    "third",
    "start",
    "end",
    "negated",
    "confidence",
    "citation",
    "url",
    "note",
)


def packaged_path() -> Path:
    return Path(str(resources.files("signalfire") / "data" / "curated_relations.csv"))


def _actor(path: Path, row: int, column: str, name: str) -> tuple[str, str]:
    # A name outside the actor table (a state the table lacks) becomes a `new_` actor.
    if not name:
        raise SchemaError(path, row, column, "an actor name", name)
    ref = resolve_actor(name)
    return ref.actor_id, ref.name


def load_curated(path: str | Path | None = None) -> list[tuple[Relation, Source]]:
    """Relations of a curated file (None: the packaged one), each with its citation as source."""
    file = Path(path) if path is not None else packaged_path()
    text = file.read_text(encoding="utf-8")
    if not text.strip():
        raise EmptyFileError(file)
    reader = csv.DictReader(io.StringIO(text))
    found = list(reader.fieldnames or [])
    missing = [c for c in COLUMNS if c not in found]
    if missing:
        raise FormatError(file, "curated relations CSV", missing=missing, found=found)
    out: list[tuple[Relation, Source]] = []
    for number, raw in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in raw.items() if k}
        if not row["citation"]:
            raise SchemaError(file, number, "citation", "a citation", row["citation"])
        subject_id, subject_name = _actor(file, number, "subject", row["subject"])
        target = row["object"]
        if target.startswith("target:"):
            kind = target.removeprefix("target:")
            if kind not in TARGET_KINDS:
                raise SchemaError(file, number, "object", f"one of target:{TARGET_KINDS}", target)
            object_id, object_name, object_kind = target, TARGET_KINDS[kind], "target"
        elif target.startswith("region:"):
            object_id = object_name = target.removeprefix("region:")
            object_kind = "region"
        else:
            object_id, object_name = _actor(file, number, "object", target)
            object_kind = "actor"
        third_id = third_name = None
        if row["third"]:
            third_id, third_name = _actor(file, number, "third", row["third"])
        if row["negated"].lower() not in ("true", "false", ""):
            raise SchemaError(file, number, "negated", "true or false", row["negated"])
        try:
            confidence = float(row["confidence"] or 0.9)
            relation = Relation(
                subject_id,
                subject_name,
                row["relation"],
                object_id,
                object_name,
                object_kind=object_kind,
                third_id=third_id,
                third_name=third_name,
                start=row["start"] or None,
                end=row["end"] or None,
                negated=row["negated"].lower() == "true",
            )
            reference = row["citation"] + (f" <{row['url']}>" if row["url"] else "")
            source = Source("curated", reference, confidence, evidence=row["note"] or None)
        except ValueError as exc:
            raise SchemaError(file, number, "relation", "a valid relation", str(exc)) from None
        out.append((relation, source))
    return out
