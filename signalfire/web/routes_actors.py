"""Actors (the packaged actor table) and their stored relations with evidence."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import Response

from ..actors import ActorTable
from ..graph.model import RELATION_TYPES, relation_sources, relations
from ..store import Store
from .db import frame_rows, json_response, request_store
from .errors import ApiError

router = APIRouter(tags=["actors"])

_PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


@cache
def actor_table() -> ActorTable:
    return ActorTable.load()


def _actor(actor_id: str) -> dict[str, Any]:
    table = actor_table()
    if actor_id in table:
        actor = table.get(actor_id)
        return {
            "actor_id": actor.actor_id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "aliases": list(actor.aliases),
            "parent": actor.parent or None,
            "in_table": True,
        }
    return {"actor_id": actor_id, "name": None, "in_table": False}


@router.get("/api/actors", summary="Actors in the actor table, with their stored relation counts")
def list_actors(store: Annotated[Store, Depends(request_store)]) -> Response:
    counts = dict(
        store.con.execute(
            """SELECT actor_id, count(*) FROM (
                 SELECT subject_id AS actor_id FROM relations
                 UNION ALL SELECT object_id FROM relations WHERE object_kind = 'actor'
                 UNION ALL SELECT third_id FROM relations WHERE third_id IS NOT NULL)
               GROUP BY actor_id"""
        ).fetchall()
    )
    items = []
    for actor in actor_table():
        item = _actor(actor.actor_id)
        item["relations"] = int(counts.get(actor.actor_id, 0))
        items.append(item)
    items.sort(key=lambda a: (-a["relations"], a["name"] or ""))
    return json_response({"version": actor_table().version, "items": items})


@router.get("/api/actors/{actor_id}", summary="One actor and every stored relation it is part of")
def get_actor(
    actor_id: Annotated[str, Path(max_length=200)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    actor = _actor(actor_id)
    found = frame_rows(relations(store, actor_id=actor_id))
    if not actor["in_table"] and not found:
        raise ApiError(404, f"no actor with actor_id {actor_id!r}")
    if actor["name"] is None and found:
        first = found[0]
        actor["name"] = (
            first["subject_name"] if first["subject_id"] == actor_id else first["object_name"]
        )
    actor["relations"] = found
    return json_response(actor)


@router.get("/api/relations", summary="Stored relations between actors, regions and targets")
def list_relations(
    store: Annotated[Store, Depends(request_store)],
    actor_id: Annotated[str | None, Query(max_length=200)] = None,
    relation: Annotated[
        list[str] | None, Query(description=f"one or more of {', '.join(RELATION_TYPES)}")
    ] = None,
    at: Annotated[
        str | None, Query(pattern=_PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    source_kind: Annotated[str | None, Query(pattern=r"^(dataset|text|curated)$")] = None,
    limit: Annotated[int, Query(ge=0, le=5000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    wanted = [r for value in relation or () for r in value.split(",") if r]
    unknown = [r for r in wanted if r not in RELATION_TYPES]
    if unknown:
        raise ApiError(
            422, f"relation must be one of {', '.join(RELATION_TYPES)}; got {', '.join(unknown)}"
        )
    frame = relations(
        store, actor_id=actor_id, relation=wanted or None, at=at, source_kind=source_kind
    )
    items = frame_rows(frame)
    return json_response(
        {
            "total": len(items),
            "limit": limit,
            "offset": offset,
            "items": items[offset : offset + limit],
        }
    )


@router.get("/api/relations/{relation_id}/sources", summary="The evidence behind one relation")
def get_relation_sources(
    relation_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    found = frame_rows(relation_sources(store, [relation_id]))
    if not found:
        raise ApiError(404, f"no relation with relation_id {relation_id}")
    return json_response(found)
