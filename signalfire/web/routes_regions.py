"""Regions with geometry (GeoJSON for the map) and one region's summary for its panel."""

from __future__ import annotations

import json
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from ..store import Store
from .db import frame_rows, json_response, request_store, rows
from .errors import ApiError
from .static import asset_response, make_asset

router = APIRouter(tags=["regions"])

_LEVELS = Literal["adm0", "adm1", "adm2"]
# The events column holding a region of each level.
EVENT_REGION_COLUMN = {"adm0": "country_iso3", "adm1": "adm1_id", "adm2": "adm2_id"}


MIN_SIMPLIFY = 1e-6  # degrees


def _geojson_bytes(store: Store, level: str | None, iso3: str | None, simplify: float) -> bytes:
    clauses, params = [], []
    if level:
        clauses.append("level = ?")
        params.append(level)
    countries = [c for c in (iso3 or "").split(",") if c]
    if countries:
        clauses.append(f"iso3 IN ({', '.join('?' * len(countries))})")
        params += countries
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    geometry = "geometry"
    # Below a tenth of a metre simplifying changes nothing, and DuckDB's precision grid fails
    # on tolerances that small (schemathesis found 2.2e-309); the cache key rounds them to 0 too.
    if simplify >= MIN_SIMPLIFY:
        # Keep shared borders shared, and drop digits finer than the simplification.
        geometry = (
            f"ST_ReducePrecision(ST_SimplifyPreserveTopology(geometry, {simplify}), "
            f"{simplify / 10})"
        )
    found = store.con.execute(
        f"""SELECT region_id, level, name, parent_id, iso3, ST_AsGeoJSON({geometry})
            FROM regions{where} ORDER BY level, region_id""",
        params,
    ).fetchall()
    # Geometry arrives as GeoJSON text: splice it in rather than parse and re-serialise it.
    features = []
    for region_id, lvl, name, parent_id, country, geom in found:
        properties = json.dumps(
            {
                "region_id": region_id,
                "level": lvl,
                "name": name,
                "parent_id": parent_id,
                "iso3": country,
            },
            ensure_ascii=False,
        )
        features.append(
            f'{{"type":"Feature","id":{json.dumps(region_id)},"properties":{properties},'
            f'"geometry":{geom or "null"}}}'
        )
    return ('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}").encode()


@router.get("/api/regions", summary="Regions as GeoJSON (or a JSON list without geometry)")
def list_regions(
    request: Request,
    store: Annotated[Store, Depends(request_store)],
    level: Annotated[_LEVELS | None, Query()] = None,
    iso3: Annotated[
        str | None,
        Query(pattern=r"^[A-Z]{3}(,[A-Z]{3})*$", description="ISO3 code(s), comma-separated"),
    ] = None,
    simplify: Annotated[
        float, Query(ge=0, le=1, description="Simplification tolerance in degrees (0: none)")
    ] = 0.0,
    format: Annotated[Literal["geojson", "json"], Query()] = "geojson",
    forecast_countries: Annotated[
        Literal["country", "adm1", "adm2"] | None,
        Query(description="Only the countries of the latest forecast at this level"),
    ] = None,
) -> Response:
    if forecast_countries:
        # Saves the dashboard a round trip: it need not read the forecast first.
        found = store.con.execute(
            "SELECT countries FROM forecast_runs WHERE level = ? ORDER BY run_id DESC LIMIT 1",
            [forecast_countries],
        ).fetchone()
        if found and found[0]:
            iso3 = str(found[0])
    if format == "json":
        frame = store.regions(level=level, geometry="none")
        if iso3:
            frame = frame[frame["iso3"].isin(iso3.split(","))]
        return json_response(frame_rows(frame))
    cache = request.app.state.cache
    key = ("regions", level, iso3, round(simplify, 6))
    asset = cache.get(key)
    if asset is None:
        asset = make_asset(_geojson_bytes(store, level, iso3, simplify), "application/geo+json")
        cache.put(key, asset)
    return asset_response(request, asset)


def _region(store: Store, region_id: str) -> dict[str, Any]:
    found = rows(
        store,
        """SELECT region_id, level, name, parent_id, iso3, origin,
                  ST_XMin(geometry) AS west, ST_YMin(geometry) AS south,
                  ST_XMax(geometry) AS east, ST_YMax(geometry) AS north
           FROM regions WHERE region_id = ?""",
        [region_id],
    )
    if not found:
        raise ApiError(404, f"no region with region_id {region_id!r}")
    return found[0]


@router.get("/api/regions/{region_id}", summary="One region: its names, bounds and children")
def get_region(
    region_id: Annotated[str, Path(max_length=200)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    region = _region(store, region_id)
    region["children"] = rows(
        store,
        "SELECT region_id, level, name FROM regions WHERE parent_id = ? ORDER BY name",
        [region_id],
    )
    return json_response(region)


@router.get(
    "/api/regions/{region_id}/summary",
    summary="A region's monthly actuals, latest forecast, top actors and recent events",
)
def region_summary(
    region_id: Annotated[str, Path(max_length=200)],
    store: Annotated[Store, Depends(request_store)],
    target: Annotated[Literal["fatalities", "events"], Query()] = "fatalities",
    months: Annotated[int, Query(ge=1, le=600, description="Months of actuals shown")] = 60,
    recent: Annotated[int, Query(ge=0, le=100, description="Recent events listed")] = 10,
) -> Response:
    region = _region(store, region_id)
    column = EVENT_REGION_COLUMN[region["level"]]
    key = region["iso3"] if region["level"] == "adm0" else region_id
    value = "coalesce(sum(coalesce(deaths_best, 0)), 0)" if target == "fatalities" else "count(*)"
    # Every month up to the store's last event month, zeros included: a month without
    # events is a zero, not a gap to draw a line across.
    series = rows(
        store,
        f"""WITH last AS (SELECT date_trunc('month', max(date_start)) AS month FROM counted_events),
                 months AS (
                   SELECT unnest(generate_series(
                     (SELECT month FROM last) - to_months(? - 1),
                     (SELECT month FROM last), INTERVAL 1 MONTH)) AS month),
                 counts AS (
                   SELECT date_trunc('month', date_start) AS month, {value}::DOUBLE AS value,
                          count(*) AS events
                   FROM counted_events WHERE {column} = ? GROUP BY ALL)
            SELECT strftime(months.month, '%Y-%m') AS period,
                   coalesce(counts.value, 0)::DOUBLE AS value,
                   coalesce(counts.events, 0) AS events
            FROM months LEFT JOIN counts USING (month) ORDER BY period""",
        [months, key],
    )
    # Forecasts name countries "country" and by ISO3.
    forecast_level = "country" if region["level"] == "adm0" else region["level"]
    forecast = _region_forecast(store, forecast_level, target, key)
    top = top_actors(store, column, key)
    recent_events = rows(
        store,
        f"""SELECT e.event_id, e.date_start, e.date_end, e.violence_type, e.actor1, e.actor2,
                   e.deaths_best, e.headline, e.location_name, e.source, e.source_event_id,
                   e.source_row, s.format AS source_format, s.source_version,
                   regexp_extract(s.path, '[^/\\\\]+$') AS source_file
            FROM counted_events e LEFT JOIN sources s USING (source_id)
            WHERE e.{column} = ? ORDER BY e.date_start DESC, e.event_id DESC LIMIT ?""",
        [key, recent],
    )
    return json_response(
        {
            "region": region,
            "target": target,
            "series": series,
            "forecast": forecast,
            "top_actors": top,
            "recent_events": recent_events,
        }
    )


@cache
def _actor_names() -> Any:
    from ..report.activity import ActorNames

    return ActorNames()


def top_actors(store: Store, column: str, key: str, limit: int = 10) -> list[dict[str, Any]]:
    """The actors with the most events in a region, each under its name in the actor table:
    text events store ids ("pak_military", "unidentified_armed_group"), datasets names
    ("Government of Pakistan"), and spellings of one actor count together."""
    found = rows(
        store,
        f"""SELECT actor, count(*) AS events, sum(coalesce(deaths_best, 0))::BIGINT AS deaths,
                   max(date_start) AS last_seen
            FROM (SELECT actor1 AS actor, deaths_best, date_start FROM counted_events
                  WHERE {column} = ?
                  UNION ALL
                  SELECT actor2, deaths_best, date_start FROM counted_events WHERE {column} = ?)
            WHERE actor IS NOT NULL AND actor <> ''
            GROUP BY actor""",
        [key, key],
    )
    names = _actor_names()
    merged: dict[str, dict[str, Any]] = {}
    for row in found:
        name = names(str(row["actor"]))
        into = merged.setdefault(name, {"actor": name, "events": 0, "deaths": 0, "last_seen": None})
        into["events"] += row["events"]
        into["deaths"] += row["deaths"]
        if row["last_seen"] is not None and (
            into["last_seen"] is None or row["last_seen"] > into["last_seen"]
        ):
            into["last_seen"] = row["last_seen"]
    return sorted(merged.values(), key=lambda r: (-r["events"], r["actor"]))[:limit]


def _region_forecast(store: Store, level: str, target: str, region_id: str) -> dict[str, Any]:
    run = rows(
        store,
        """SELECT run_id, model, as_of, horizon, draws, created_at FROM forecast_runs
           WHERE level = ? AND target = ? ORDER BY run_id DESC LIMIT 1""",
        [level, target],
    )
    if not run:
        return {
            "run": None,
            "values": [],
            "message": f"no forecast saved for level={level} target={target}: run "
            f"`signalfire forecast --level {level} --target {target} --save`",
        }
    values = rows(
        store,
        """SELECT period, mean, p_any, q05, q25, q50, q75, q95 FROM forecast_values
           WHERE run_id = ? AND region_id = ? ORDER BY period""",
        [run[0]["run_id"], region_id],
    )
    return {"run": run[0], "values": values, "message": None}
