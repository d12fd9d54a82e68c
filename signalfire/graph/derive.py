"""Relations learned from event data: who fights whom, who targets civilians, who is where.

Every derived relation covers one *spell* of activity: consecutive events of the same pair (or
the same actor in the same region) with no gap longer than `gap_days`. Each spell carries its
intensity (events, best-estimate deaths) and, as evidence, the ids of every event in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from ..actors import UNNAMED_PREFIXES
from ..store import Store
from .model import TARGET_KINDS, Relation, Source, relation_sources, relations, resolve_actor

# A year without events ends a spell: UCDP codes at least one event a year for an active dyad.
DEFAULT_GAP_DAYS = 365
DATASET_CONFIDENCE = 0.95
# Actor names that are not armed groups: one-sided violence against them becomes `targets`
# (UCDP "Civilians", ACLED "Civilians (Pakistan)").
CIVILIAN_NAMES = frozenset({"civilians"})
# GTD has no second actor: its actor2 is the target type (targtype1_txt).
TARGET_SOURCES = frozenset({"gtd"})
GTD_TARGETS = {
    "private citizens & property": "civilians",
    "police": "police",
    "military": "military",
    "government (general)": "officials",
    "government (diplomatic)": "officials",
    "educational institution": "schools",
    "religious figures/institutions": "religious",
    "journalists & media": "journalists",
    "business": "business",
    "utilities": "infrastructure",
    "transportation": "infrastructure",
    "telecommunication": "infrastructure",
    "food or water supply": "infrastructure",
    "airports & aircraft": "infrastructure",
    "ngo": "aid_workers",
    "tourists": "foreign_nationals",
}


def _civilian(names: pd.Series) -> pd.Series:
    lower = names.fillna("").str.lower()
    return lower.isin(CIVILIAN_NAMES) | lower.str.startswith("civilians (")


def _unknown(names: pd.Series) -> pd.Series:
    return names.fillna("").str.lower().str.startswith(UNNAMED_PREFIXES)


LEVEL_COLUMNS = {"adm0": "country_iso3", "adm1": "adm1_id", "adm2": "adm2_id"}


def _events(store: Store) -> pd.DataFrame:
    return store.query(
        """SELECT event_id, source, date_start, date_end, country_iso3, adm1_id, adm2_id,
                  violence_type, actor1, actor2, coalesce(deaths_best, 0) AS deaths
           FROM events WHERE actor1 IS NOT NULL
           ORDER BY date_start, event_id"""
    )


def _spells(frame: pd.DataFrame, keys: list[str], gap_days: int) -> pd.DataFrame:
    """One row per spell of each key group: start, end, events, deaths, event ids, source."""
    if frame.empty:
        return pd.DataFrame(
            columns=[*keys, "start", "end", "events", "deaths", "event_ids", "source"]
        )
    frame = frame.sort_values([*keys, "date_start", "event_id"]).reset_index(drop=True)
    start = pd.to_datetime(frame["date_start"])
    end = pd.to_datetime(frame["date_end"])
    group = frame.groupby(keys, sort=False, dropna=False).ngroup()
    last_end = end.groupby(group).cummax().groupby(group).shift()
    new_spell = last_end.isna() | ((start - last_end).dt.days > gap_days)
    frame["spell"] = new_spell.cumsum()
    frame["_start"], frame["_end"] = start, end
    spells = frame.groupby("spell", sort=False).agg(
        **{k: (k, "first") for k in keys},
        start=("_start", "min"),
        end=("_end", "max"),
        events=("event_id", "size"),
        deaths=("deaths", "sum"),
        event_ids=("event_id", list),
        source=("source", "first"),
    )
    return spells.reset_index(drop=True)


def _rows(frame: pd.DataFrame) -> Iterator[Any]:
    # itertuples rows are untyped namedtuples.
    yield from frame.itertuples()


def _source(row: Any) -> Source:
    return Source(
        kind="dataset",
        reference=str(row.source),
        confidence=DATASET_CONFIDENCE,
        event_ids=tuple(row.event_ids),
    )


def derive_relations(
    store: Store, *, gap_days: int = DEFAULT_GAP_DAYS
) -> list[tuple[Relation, Source]]:
    """`fights`, `targets` (civilians) and `operates_in` (country, province, district) spells."""
    events = _events(store)
    for column in ("actor1", "actor2"):
        events[column] = events[column].where(events[column].fillna("").str.strip() != "")
    events = events[events["actor1"].notna() & ~_unknown(events["actor1"])].copy()
    if events.empty:
        return []
    target_rows = events["source"].isin(TARGET_SOURCES)
    kinds = events["actor2"].fillna("").str.lower().map(GTD_TARGETS)
    typed = target_rows & kinds.notna()
    # kinds[typed], not kinds: an empty frame would take the whole series' index.
    gtd = events[typed].assign(kind=kinds[typed])
    events.loc[target_rows, "actor2"] = None
    events.loc[_unknown(events["actor2"]), "actor2"] = None
    names = pd.unique(pd.concat([events["actor1"], events["actor2"]]).dropna())
    refs = {name: resolve_actor(str(name)) for name in names}
    # Mapping by dict: pandas may call a mapping function on NaN to infer a dtype.
    ids = {name: ref.actor_id for name, ref in refs.items()}
    events["a1"] = events["actor1"].map(ids)
    events["a2"] = events["actor2"].map(ids)
    display = {ref.actor_id: ref.name for ref in refs.values()}
    civilian = _civilian(events["actor2"])
    out: list[tuple[Relation, Source]] = []

    dyads = events[events["a2"].notna() & ~civilian & (events["a1"] != events["a2"])].copy()
    # A dyad is one relation whichever side UCDP lists first.
    swap = dyads["a1"] > dyads["a2"]
    dyads.loc[swap, ["a1", "a2"]] = dyads.loc[swap, ["a2", "a1"]].to_numpy()
    for row in _rows(_spells(dyads, ["a1", "a2"], gap_days)):
        relation = Relation(
            row.a1,
            display[row.a1],
            "fights",
            row.a2,
            display[row.a2],
            start=row.start.date().isoformat(),
            end=row.end.date().isoformat(),
            events=int(row.events),
            deaths=int(row.deaths),
        )
        out.append((relation, _source(row)))

    one_sided = events[civilian]
    for row in _rows(_spells(one_sided, ["a1"], gap_days)):
        relation = Relation(
            row.a1,
            display[row.a1],
            "targets",
            "target:civilians",
            "civilians",
            object_kind="target",
            start=row.start.date().isoformat(),
            end=row.end.date().isoformat(),
            events=int(row.events),
            deaths=int(row.deaths),
        )
        out.append((relation, _source(row)))

    gtd = gtd.assign(a1=gtd["actor1"].map(ids))
    for row in _rows(_spells(gtd, ["a1", "kind"], gap_days)):
        relation = Relation(
            row.a1,
            display[row.a1],
            "targets",
            f"target:{row.kind}",
            TARGET_KINDS[row.kind],
            object_kind="target",
            start=row.start.date().isoformat(),
            end=row.end.date().isoformat(),
            events=int(row.events),
            deaths=int(row.deaths),
        )
        out.append((relation, _source(row)))

    region_names = store.query("SELECT region_id, name FROM regions")
    region_name = dict(zip(region_names["region_id"], region_names["name"], strict=True))
    sides = pd.concat(
        [
            events.assign(actor=events["a1"]),
            events[events["a2"].notna() & ~civilian].assign(actor=events["a2"]),
        ]
    )
    for column in LEVEL_COLUMNS.values():
        located = sides[sides[column].notna()]
        for row in _rows(_spells(located, ["actor", column], gap_days)):
            region = getattr(row, column)
            relation = Relation(
                row.actor,
                display[row.actor],
                "operates_in",
                region,
                region_name.get(region, region),
                object_kind="region",
                start=row.start.date().isoformat(),
                end=row.end.date().isoformat(),
                events=int(row.events),
                deaths=int(row.deaths),
            )
            out.append((relation, _source(row)))
    return out


def region_level(region_id: str) -> str:
    """adm0 for ISO3 codes, adm1 for ISO 3166-2 codes, else adm2 (geoBoundaries ids)."""
    if len(region_id) == 3 and region_id.isalpha():
        return "adm0"
    if len(region_id) <= 6 and "-" in region_id:
        return "adm1"
    return "adm2"


def operating_areas(
    store: Store, actor_id: str | None = None, level: str = "adm2", at: str | None = None
) -> pd.DataFrame:
    """The `operates_in` spells of the stored graph at one level, with first event id.

    Columns: actor_id, actor_name, region_id, region_name, start_date, end_date, events,
    deaths, first_event_id, last_event_id, relation_id. Derived spells only (dataset sources).
    """
    frame = relations(
        store, actor_id=actor_id, relation="operates_in", at=at, source_kind="dataset"
    )
    if actor_id:
        frame = frame[frame["subject_id"] == actor_id]
    known = store.query("SELECT region_id, level FROM regions")
    levels = dict(zip(known["region_id"], known["level"], strict=True))
    wanted = {r: levels.get(r) or region_level(r) for r in frame["object_id"].unique()}
    frame = frame[frame["object_id"].map(wanted) == level]
    sources = relation_sources(store, frame["relation_id"].tolist())
    sources = sources[sources["kind"] == "dataset"]
    ends = sources.groupby("relation_id")["event_ids"].agg(
        first_event_id=lambda lists: _ordered_ids(store, lists, first=True),
        last_event_id=lambda lists: _ordered_ids(store, lists, first=False),
    )
    frame = frame.join(ends, on="relation_id")
    frame = frame.rename(
        columns={
            "subject_id": "actor_id",
            "subject_name": "actor_name",
            "object_id": "region_id",
            "object_name": "region_name",
        }
    )
    columns = [
        "actor_id",
        "actor_name",
        "region_id",
        "region_name",
        "start_date",
        "end_date",
        "events",
        "deaths",
        "first_event_id",
        "last_event_id",
        "relation_id",
    ]
    return frame[columns].sort_values(["actor_id", "start_date", "region_id"], ignore_index=True)


def _ordered_ids(store: Store, lists: Iterable[Any], *, first: bool) -> str | None:
    # Event ids are stored in date order within a spell (see _spells).
    ids = [list(ids) for ids in lists if len(ids)]
    if not ids:
        return None
    return ids[0][0] if first else ids[-1][-1]


def first_appearances(
    store: Store, actor_id: str | None = None, level: str = "adm0"
) -> pd.DataFrame:
    """When each actor was first seen in each region at `level`, and the event that shows it."""
    areas = operating_areas(store, actor_id=actor_id, level=level)
    if areas.empty:
        return areas.assign(first_date=pd.Series(dtype=str))
    first = areas.sort_values("start_date").groupby(["actor_id", "region_id"]).head(1)
    return (
        first.rename(columns={"start_date": "first_date"})[
            ["actor_id", "actor_name", "region_id", "region_name", "first_date", "first_event_id"]
        ]
        .sort_values(["actor_id", "first_date"])
        .reset_index(drop=True)
    )


def actor_activity(store: Store) -> pd.DataFrame:
    """Per actor (either side of an event): events, deaths, first_seen, last_seen."""
    frame = store.query(
        """SELECT name, count(*) AS events, sum(deaths) AS deaths,
                  strftime(min(date_start), '%Y-%m-%d') AS first_seen,
                  strftime(max(date_end), '%Y-%m-%d') AS last_seen
           FROM (SELECT actor1 AS name, coalesce(deaths_best, 0) AS deaths, date_start, date_end
                 FROM events
                 UNION ALL
                 SELECT actor2, coalesce(deaths_best, 0), date_start, date_end FROM events
                 WHERE source NOT IN (SELECT unnest(?::VARCHAR[])))
           WHERE trim(name) <> '' GROUP BY name""",
        [sorted(TARGET_SOURCES)],
    )
    frame = frame[~_unknown(frame["name"])]
    columns = ["actor_id", "events", "deaths", "first_seen", "last_seen"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame["actor_id"] = frame["name"].map({n: resolve_actor(n).actor_id for n in frame["name"]})
    out = frame.groupby("actor_id").agg(
        events=("events", "sum"),
        deaths=("deaths", "sum"),
        first_seen=("first_seen", "min"),
        last_seen=("last_seen", "max"),
    )
    return out.reset_index()[columns]


def actor_years(store: Store, actor_id: str) -> pd.DataFrame:
    """Events and deaths per year of one actor (either side): year, events, deaths."""
    frame = store.query(
        """SELECT name, year(date_start) AS year, count(*) AS events, sum(deaths) AS deaths
           FROM (SELECT actor1 AS name, date_start, coalesce(deaths_best, 0) AS deaths FROM events
                 UNION ALL
                 SELECT actor2, date_start, coalesce(deaths_best, 0) FROM events
                 WHERE source NOT IN (SELECT unnest(?::VARCHAR[])))
           WHERE trim(name) <> '' GROUP BY ALL""",
        [sorted(TARGET_SOURCES)],
    )
    frame = frame[~_unknown(frame["name"])]
    ids = {n: resolve_actor(n).actor_id for n in frame["name"].unique()}
    frame = frame[frame["name"].map(ids) == actor_id]
    out = frame.groupby("year")[["events", "deaths"]].sum().reset_index()
    return out.astype({"year": "int64", "events": "int64", "deaths": "int64"})


def actor_sides(events: pd.DataFrame) -> pd.DataFrame:
    """One row per armed actor of each event (columns of `events` plus `name`): actor1 and
    actor2, without civilians, unnamed perpetrators or GTD's target types."""
    second = events[~events["source"].isin(TARGET_SOURCES)]
    sides = pd.concat(
        [
            events.assign(name=events["actor1"]),
            second.assign(name=second["actor2"]),
        ]
    )
    named = sides["name"].fillna("").str.strip() != ""
    keep = named & ~_civilian(sides["name"]) & ~_unknown(sides["name"])
    return sides[keep].drop(columns=["actor1", "actor2"])
