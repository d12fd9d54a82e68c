"""Events: filtered, paged, exported as CSV or GeoJSON, one event with its provenance."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import Response

from .. import output
from ..domain import EventFilter
from ..store import Store, _event_clauses
from .db import json_response, request_store, rows
from .errors import ApiError

router = APIRouter(tags=["events"])

MAX_PAGE = 1000
MAX_EXPORT = 200_000

# What a page of events shows (the full row, minus the internal hash).
EVENT_COLUMNS = "* EXCLUDE (row_hash)"


def _columns(store: Store, fields: str | None, format: str) -> str:
    """The SELECT list for `fields` (comma-separated; GeoJSON always keeps lat and lon)."""
    if not fields:
        return "e." + EVENT_COLUMNS
    known = [
        r[0]
        for r in store.con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' "
            "AND column_name <> 'row_hash' ORDER BY column_index"
        ).fetchall()
    ]
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in known]
    if unknown or not wanted:
        raise ApiError(422, f"fields must be among {', '.join(known)}; got {fields!r}")
    if format == "geojson":
        wanted += [c for c in ("lat", "lon") if c not in wanted]
    return ", ".join(f"e.{f}" for f in dict.fromkeys(wanted))


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise ApiError(
            422, f"bbox must be west,south,east,north in degrees, got {text!r}"
        ) from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(
            422, f"bbox must be west<=east in [-180,180], south<=north in [-90,90]: {text}"
        )
    return west, south, east, north


class EventQuery:
    """The filters shared by the list and its exports."""

    def __init__(self, where: EventFilter, bbox: tuple[float, float, float, float] | None) -> None:
        self.filter = where
        self.bbox = bbox

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = _event_clauses(self.filter)
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [west, east, south, north]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


async def event_query(
    country: Annotated[
        list[str] | None, Query(description="ISO3 code(s), repeated or comma-separated")
    ] = None,
    adm1: Annotated[list[str] | None, Query(description="Province id(s), e.g. PK-KP")] = None,
    adm2: Annotated[list[str] | None, Query(description="District id(s)")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Substring of either actor")
    ] = None,
    since: Annotated[dt.date | None, Query(description="Events ending on or after")] = None,
    until: Annotated[dt.date | None, Query(description="Events starting on or before")] = None,
    violence_type: Annotated[list[str] | None, Query()] = None,
    source: Annotated[list[str] | None, Query(description="Source name(s)")] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="west,south,east,north (degrees)")
    ] = None,
) -> EventQuery:
    """FastAPI dependency (async: no worker thread for parsing a few parameters)."""
    where = EventFilter(
        country=_split(country),
        adm1=_split(adm1),
        adm2=_split(adm2),
        actor=actor or None,
        since=since,
        until=until,
        violence_type=_split(violence_type),
        source=_split(source),
    )
    return EventQuery(where, _bbox(bbox))


@router.get("/api/events", summary="Events, filtered and paged (JSON), or exported")
def list_events(
    query: Annotated[EventQuery, Depends(event_query)],
    store: Annotated[Store, Depends(request_store)],
    limit: Annotated[
        int | None,
        Query(ge=0, le=MAX_EXPORT, description=f"JSON: at most {MAX_PAGE}, default 100"),
    ] = None,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    order: Annotated[Literal["asc", "desc"], Query(description="by date")] = "asc",
    format: Annotated[Literal["json", "csv", "geojson"], Query()] = "json",
    fields: Annotated[
        str | None, Query(max_length=1000, description="Columns to return, comma-separated")
    ] = None,
) -> Response:
    where, params = query.where()
    columns = _columns(store, fields, format)
    direction = "DESC" if order == "desc" else "ASC"
    if format == "json":
        limit = 100 if limit is None else limit
        if limit > MAX_PAGE:
            raise ApiError(422, f"limit must be at most {MAX_PAGE} for JSON; use format=csv")
    else:
        limit = MAX_EXPORT if limit is None else limit
    # Sort and cut on narrow columns first, then read the page's full rows: sorting every
    # column (long notes included) costs several times more.
    page_sql = f"""
        WITH page AS (
            SELECT rowid AS page_rowid, date_start AS page_date, event_id AS page_id
            FROM events{where}
            ORDER BY date_start {direction}, event_id {direction} LIMIT ? OFFSET ?)
        SELECT {columns} FROM page JOIN events e ON e.rowid = page.page_rowid
        ORDER BY page.page_date {direction}, page.page_id {direction}"""
    if format == "json":
        total_row = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
        items = rows(store, page_sql, [*params, limit, offset])
        return json_response(
            {
                "total": int(total_row[0]) if total_row else 0,
                "limit": limit,
                "offset": offset,
                "items": items,
            }
        )
    frame = store.query(page_sql, [*params, limit, offset])
    if format == "csv":
        if "quality_flags" in frame:
            frame = frame.assign(quality_flags=frame["quality_flags"].map(";".join))
        buffer = io.StringIO()
        output.write(frame, "csv", None, stdout=buffer)
        return Response(
            buffer.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )
    body = json.dumps(output.geojson(frame), ensure_ascii=False, separators=(",", ":"))
    return Response(
        body,
        media_type="application/geo+json",
        headers={"Content-Disposition": 'attachment; filename="events.geojson"'},
    )


@router.get("/api/events/{event_id}", summary="One event with the file and row it came from")
def get_event(
    event_id: Annotated[str, Path(max_length=300)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    found = rows(store, f"SELECT {EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id])
    if not found:
        raise ApiError(404, f"no event with event_id {event_id!r}")
    event = found[0]
    sources = rows(
        store,
        """SELECT source_id, format, source_version, sha256, started_at AS ingested_at,
                  regexp_extract(path, '[^/\\\\]+$') AS file_name
           FROM sources WHERE source_id = ?""",
        [event["source_id"]],
    )
    event["provenance"] = {
        "source": sources[0] if sources else None,
        "row": event["source_row"],
    }
    return json_response(event)
