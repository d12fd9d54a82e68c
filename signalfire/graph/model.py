"""Relations between actors: the typed, dated claim, its evidence, and the store's tables.

A relation is one distinct claim (who, what relation, with whom or where, when, negated or
not). Its evidence lives apart, one row per source: a dataset's event ids, a text span, or a
curated reference. Saving the same claim again from a new source adds evidence; it never
overwrites the claim or earlier evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import pandas as pd

from ..store import Store

# name -> what it means (subject first). Direction matters unless listed in SYMMETRIC.
RELATION_TYPES: dict[str, str] = {
    "splinter_of": "subject was formed by defectors from object",
    "faction_of": "subject is a faction, wing or branch of object",
    "allied_with": "subject and object are allies or cooperate",
    "rival_of": "subject and object are rivals",
    "fights": "armed conflict between subject and object",
    "negotiates_with": "subject and object hold talks or sign an agreement",
    "mediates": "subject brokers talks or a ceasefire between object and third",
    "ceasefire_with": "subject and object have a ceasefire or truce",
    "targets": "subject attacks a country, a population or a kind of target (object)",
    "claims": "subject claims responsibility for an event (object)",
    "operates_in": "subject is active in a region (object) during the period",
}
SYMMETRIC = frozenset({"allied_with", "rival_of", "fights", "negotiates_with", "ceasefire_with"})
OBJECT_KINDS = ("actor", "region", "target", "event")
SOURCE_KINDS = ("dataset", "text", "curated")
# Objects of `targets` that are not actors: populations and kinds of target (id "target:<kind>").
TARGET_KINDS: dict[str, str] = {
    "civilians": "civilians",
    "shia": "Shia Muslims",
    "hazara": "Hazaras",
    "sufi_shrines": "Sufi shrines and their worshippers",
    "christians": "Christians",
    "ahmadis": "Ahmadis",
    "sikhs_hindus": "Sikhs and Hindus",
    "chinese_nationals": "Chinese nationals",
    "foreign_nationals": "foreign nationals",
    "infrastructure": "infrastructure (pipelines, power lines, railways)",
    "police": "police",
    "schools": "schools and students",
    "polio_workers": "polio vaccination teams",
    "journalists": "journalists",
    "officials": "government officials and politicians",
    "tribal_elders": "tribal elders and peace committees",
    "settlers": "settlers and workers from other provinces",
    "nato_supplies": "NATO supply convoys",
    "military": "military and security forces",
    "religious": "religious figures and places",
    "business": "businesses",
    "aid_workers": "aid workers and NGOs",
}

# Partial ISO dates: a relation often has only a year or a month.
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_partial_date(value: str | None, name: str) -> None:
    if value is not None and not _PARTIAL_DATE.match(value):
        raise ValueError(f"{name}={value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def _pad(value: str, low: bool) -> str:
    """A partial date as a comparable full date: its first (low) or last possible day."""
    if len(value) == 10:
        return value
    if len(value) == 7:
        if low:
            return value + "-01"
        year, month = int(value[:4]), int(value[5:7])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return value + ("-01-01" if low else "-12-31")


@dataclass(frozen=True)
class Relation:
    """One typed claim. Dates are partial ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) or None."""

    subject_id: str
    subject_name: str
    relation: str
    object_id: str
    object_name: str
    object_kind: str = "actor"
    third_id: str | None = None
    third_name: str | None = None
    start: str | None = None
    end: str | None = None
    negated: bool = False
    events: int | None = None
    deaths: int | None = None

    def __post_init__(self) -> None:
        if self.relation not in RELATION_TYPES:
            raise ValueError(
                f"relation={self.relation!r}: expected one of {', '.join(RELATION_TYPES)}"
            )
        if self.object_kind not in OBJECT_KINDS:
            raise ValueError(f"object_kind={self.object_kind!r}: expected one of {OBJECT_KINDS}")
        if not self.subject_id or not self.object_id:
            raise ValueError(f"relation {self.relation!r} needs a subject_id and an object_id")
        if (self.relation == "mediates") != (self.third_id is not None):
            raise ValueError(
                f"relation {self.relation!r}: third_id is required for mediates and only there"
            )
        check_partial_date(self.start, "start")
        check_partial_date(self.end, "end")
        if self.start and self.end and _pad(self.start, True) > _pad(self.end, False):
            raise ValueError(f"start={self.start!r} is after end={self.end!r}")

    def canonical(self) -> Relation:
        """The same claim in one orientation: symmetric pairs and mediated parties sorted."""
        if (
            self.relation in SYMMETRIC
            and self.object_kind == "actor"
            and self.object_id < self.subject_id
        ):
            return replace(
                self,
                subject_id=self.object_id,
                subject_name=self.object_name,
                object_id=self.subject_id,
                object_name=self.subject_name,
            )
        if self.relation == "mediates" and self.third_id and self.third_id < self.object_id:
            return replace(
                self,
                object_id=self.third_id,
                object_name=self.third_name or self.third_id,
                third_id=self.object_id,
                third_name=self.object_name,
            )
        return self

    def key(self) -> str:
        """Identity of the claim: same key, same claim (evidence is added to it)."""
        c = self.canonical()
        parts = (
            c.subject_id,
            c.relation,
            c.object_kind,
            c.object_id,
            c.third_id or "",
            c.start or "",
            c.end or "",
            "not" if c.negated else "",
        )
        return "|".join(parts)


@dataclass(frozen=True)
class Source:
    """Evidence for a relation: dataset rows (event ids), a text span, or a curated reference."""

    kind: str
    reference: str
    confidence: float
    event_ids: tuple[str, ...] = ()
    span_start: int | None = None
    span_end: int | None = None
    evidence: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"source kind={self.kind!r}: expected one of {SOURCE_KINDS}")
        if not self.reference:
            raise ValueError("a source needs a reference (dataset, document id or citation)")
        if not 0.0 < self.confidence <= 1.0:
            raise ValueError(f"confidence={self.confidence!r}: expected a number in (0, 1]")
        if self.kind == "dataset" and not self.event_ids:
            raise ValueError(f"dataset source {self.reference!r} needs at least one event id")


@dataclass(frozen=True)
class ActorRef:
    actor_id: str
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = field(default=())


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "unnamed"


@cache
def actor_table() -> Any:
    """The packaged actor table (signalfire.actors), or None while it is not installed."""
    try:
        from ..actors import ActorTable
    except ImportError:
        return None
    return ActorTable.load()


def resolve_actor(name: str) -> ActorRef:
    """An actor for a name as written in a dataset or a text; unknown names get `new_<slug>`."""
    table = actor_table()
    if table is None:
        return ActorRef("new_" + slug(name), name)
    # Text events store actor ids ("afg_military"), which are no alias of their actor.
    actor = table.get(name) if name in table else table.resolve_or_new(name)
    return ActorRef(actor.actor_id, actor.name, actor.kind, tuple(actor.aliases))


# --- the store ----------------------------------------------------------------------------------

_RELATION_COLUMNS = (
    "relation_key",
    "subject_id",
    "subject_name",
    "relation",
    "object_kind",
    "object_id",
    "object_name",
    "third_id",
    "third_name",
    "start_date",
    "end_date",
    "negated",
    "events",
    "deaths",
)


def save_relations(store: Store, items: Iterable[tuple[Relation, Source]]) -> dict[str, int]:
    """Add claims and their evidence in one transaction; returns counts of what was new.

    A claim already stored gets the new evidence appended; evidence identical to a stored one
    (same kind, reference, event ids and span) is not repeated, so re-running is harmless.
    """
    rel_rows: dict[str, dict[str, Any]] = {}
    src_rows: list[dict[str, Any]] = []
    for relation, source in items:
        c = relation.canonical()
        key = c.key()
        if key not in rel_rows:
            rel_rows[key] = {
                "relation_key": key,
                "subject_id": c.subject_id,
                "subject_name": c.subject_name,
                "relation": c.relation,
                "object_kind": c.object_kind,
                "object_id": c.object_id,
                "object_name": c.object_name,
                "third_id": c.third_id,
                "third_name": c.third_name,
                "start_date": c.start,
                "end_date": c.end,
                "negated": c.negated,
                "events": c.events,
                "deaths": c.deaths,
            }
        src_rows.append(
            {
                "relation_key": key,
                "kind": source.kind,
                "reference": source.reference,
                "event_ids": list(source.event_ids),
                "span_start": source.span_start,
                "span_end": source.span_end,
                "evidence": source.evidence,
                "confidence": float(source.confidence),
            }
        )
    if not rel_rows:
        return {"relations_new": 0, "sources_new": 0}
    now = dt.datetime.now()
    relations = pd.DataFrame(list(rel_rows.values()), columns=list(_RELATION_COLUMNS))
    relations = relations.astype({"events": "Int64", "deaths": "Int64"})
    sources = pd.DataFrame(src_rows)
    for column in ("span_start", "span_end"):
        sources[column] = sources[column].astype("Int64")
    with store.transaction() as con:
        con.register("incoming_relations", relations)
        before = _count(con, "relations")
        con.execute(
            f"""INSERT INTO relations ({", ".join(_RELATION_COLUMNS)}, created_at)
                SELECT {", ".join("i." + c for c in _RELATION_COLUMNS)}, ? FROM incoming_relations i
                WHERE i.relation_key NOT IN (SELECT relation_key FROM relations)""",
            [now],
        )
        new_relations = _count(con, "relations") - before
        con.register("incoming_sources", sources)
        before = _count(con, "relation_sources")
        # DISTINCT: the same evidence twice in one batch is stored once.
        con.execute(
            """INSERT INTO relation_sources
               SELECT DISTINCT r.relation_id, s.kind, s.reference, s.event_ids::VARCHAR[],
                      s.span_start, s.span_end, s.evidence, s.confidence, ?::TIMESTAMP
               FROM incoming_sources s JOIN relations r USING (relation_key)
               WHERE NOT EXISTS (
                   SELECT 1 FROM relation_sources o
                   WHERE o.relation_id = r.relation_id AND o.kind = s.kind
                     AND o.reference = s.reference AND o.event_ids = s.event_ids::VARCHAR[]
                     AND o.span_start IS NOT DISTINCT FROM s.span_start
                     AND o.span_end IS NOT DISTINCT FROM s.span_end)""",
            [now],
        )
        new_sources = _count(con, "relation_sources") - before
        con.unregister("incoming_relations")
        con.unregister("incoming_sources")
    return {"relations_new": new_relations, "sources_new": new_sources}


def _count(con: Any, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def relations(
    store: Store,
    *,
    actor_id: str | None = None,
    relation: str | Sequence[str] | None = None,
    at: str | None = None,
    source_kind: str | None = None,
    superseded: bool = False,
) -> pd.DataFrame:
    """Stored relations with their evidence summarised: n_sources, source kinds, confidence.

    `actor_id` matches subject, object or third party; `at` (a partial date) keeps relations
    whose period covers it (an unknown start or end is open). Confidence combines the sources
    as independent evidence: 1 - prod(1 - c).

    A spell derived from data that a later derivation extended (same pair and type, period
    inside the newer one's) is kept in the store as history but left out unless `superseded`.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if actor_id:
        clauses.append("(r.subject_id = ? OR r.object_id = ? OR r.third_id = ?)")
        params += [actor_id] * 3
    if relation:
        wanted = [relation] if isinstance(relation, str) else list(relation)
        clauses.append(f"r.relation IN ({', '.join('?' * len(wanted))})")
        params += wanted
    if at:
        check_partial_date(at, "at")
        clauses.append("(r.start_date IS NULL OR r.start_date <= ?)")
        # Partial dates compare as text once the end is padded to its last possible day.
        clauses.append(
            "(r.end_date IS NULL OR CASE length(r.end_date) WHEN 4 THEN r.end_date || '-12-31'"
            " WHEN 7 THEN r.end_date || '-31' ELSE r.end_date END >= ?)"
        )
        params += [_pad(at, False), _pad(at, True)]
    if not superseded:
        clauses.append(
            """NOT EXISTS (
                 SELECT 1 FROM relations n
                 WHERE n.subject_id = r.subject_id AND n.relation = r.relation
                   AND n.object_id = r.object_id AND n.negated = r.negated
                   AND n.relation_id <> r.relation_id AND n.created_at > r.created_at
                   AND n.start_date <= r.start_date AND n.end_date >= r.end_date
                   AND n.relation_id IN (SELECT relation_id FROM relation_sources
                                         WHERE kind = 'dataset')
                   AND r.relation_id NOT IN (SELECT relation_id FROM relation_sources
                                             WHERE kind <> 'dataset'))"""
        )
    having = ""
    if source_kind:
        having = "HAVING bool_or(s.kind = ?)"
    sql = f"""
        SELECT r.relation_id, r.subject_id, r.subject_name, r.relation, r.object_kind,
               r.object_id, r.object_name, r.third_id, r.third_name, r.start_date, r.end_date,
               r.negated, r.events, r.deaths,
               count(s.relation_id) AS n_sources,
               string_agg(DISTINCT s.kind, ',' ORDER BY s.kind) AS source_kinds,
               1 - exp(sum(ln(1 - least(s.confidence, 0.999)))) AS confidence
        FROM relations r JOIN relation_sources s USING (relation_id)
        {"WHERE " + " AND ".join(clauses) if clauses else ""}
        GROUP BY ALL {having}
        ORDER BY r.relation, r.subject_id, r.object_id, r.start_date NULLS FIRST
    """
    if source_kind:
        params.append(source_kind)
    frame = store.query(sql, params)
    frame["confidence"] = frame["confidence"].round(3)
    return frame


def relation_sources(store: Store, relation_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """The evidence rows, oldest first; event_ids as lists."""
    sql = "SELECT * FROM relation_sources"
    params: list[Any] = []
    if relation_ids is not None:
        if not relation_ids:
            return store.query(sql + " WHERE false")
        sql += f" WHERE relation_id IN ({', '.join('?' * len(relation_ids))})"
        params = [int(i) for i in relation_ids]
    return store.query(sql + " ORDER BY relation_id, added_at", params)
