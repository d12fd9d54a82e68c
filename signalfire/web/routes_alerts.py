"""Alerts: the stored alerts (filters, paging, an Atom feed), analysts' feedback, and the
alert rules analysts define (writes need a token)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ..alerts.delivery import atom_feed
from ..alerts.records import KINDS, SEVERITIES, STATUSES
from ..alerts.rules import delete_rule, rule_from_fields, save_rule
from ..alerts.store import acknowledge, alert_feedback, list_alerts
from ..store import Store
from .access import require_token
from .auth import TokenInfo
from .db import frame_rows, json_response, request_store, rows
from .errors import ApiError

router = APIRouter(tags=["alerts"])

_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
_STATUS = Literal["open", "closed", "acknowledged", "dismissed"]
_KIND = Literal["surge", "forecast_threshold", "new_actor", "spillover", "rule"]
_SEVERITY = Literal["low", "medium", "high"]
assert set(get_args(_STATUS)) == set(STATUSES) and set(get_args(_KIND)) == set(KINDS)
assert set(get_args(_SEVERITY)) == set(SEVERITIES)


class Feedback(BaseModel):
    """An analyst's decision on an alert; who made it comes from the API token."""

    action: Literal["acknowledge", "dismiss"]
    reason: str = Field(min_length=1, max_length=1000)


def _alerts(
    store: Store,
    as_of: str | None,
    status: str | None,
    kind: str | None,
    region_id: str | None,
) -> list[dict[str, Any]]:
    frame = list_alerts(store, as_of=as_of, status=status, kind=kind, region_id=region_id)
    items = frame_rows(frame)
    if items:
        names = dict(
            store.con.execute(
                "SELECT region_id, name FROM regions WHERE region_id IN "
                f"({', '.join('?' * len({i['region_id'] for i in items}))})",
                sorted({i["region_id"] for i in items}),
            ).fetchall()
        )
        for item in items:
            item["region_name"] = names.get(item["region_id"])
    return items


@router.get("/api/alerts", summary="Stored alerts, newest first")
def get_alerts(
    store: Annotated[Store, Depends(request_store)],
    status: Annotated[_STATUS | None, Query()] = None,
    kind: Annotated[_KIND | None, Query()] = None,
    region_id: Annotated[str | None, Query(max_length=200)] = None,
    as_of: Annotated[
        str | None, Query(pattern=_MONTH, description="Alerts open at the end of YYYY-MM")
    ] = None,
    limit: Annotated[int, Query(ge=0, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    items = _alerts(store, as_of, status, kind, region_id)
    return json_response(
        {
            "total": len(items),
            "limit": limit,
            "offset": offset,
            "items": items[offset : offset + limit],
        }
    )


@router.get("/api/alerts.atom", summary="Open alerts as an Atom feed")
def get_alerts_atom(store: Annotated[Store, Depends(request_store)]) -> Response:
    frame = list_alerts(store, status="open")
    return Response(atom_feed(frame), media_type="application/atom+xml; charset=utf-8")


def _one(store: Store, alert_id: str) -> dict[str, Any]:
    found = [a for a in _alerts(store, None, None, None, None) if a["alert_id"] == alert_id]
    if not found:
        raise ApiError(404, f"no alert with alert_id {alert_id!r}")
    alert = found[0]
    alert["feedback"] = frame_rows(alert_feedback(store, alert_id))
    return alert


@router.get("/api/alerts/{alert_id}", summary="One alert with its feedback history")
def get_alert(
    alert_id: Annotated[str, Path(max_length=200)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    return json_response(_one(store, alert_id))


@router.post(
    "/api/alerts/{alert_id}/feedback",
    summary="Acknowledge or dismiss an alert, with a reason; needs an API token",
    responses={401: {"description": "no or bad token"}, 404: {"description": "no such alert"}},
)
async def post_feedback(
    request: Request,
    alert_id: Annotated[str, Path(max_length=200)],
    feedback: Feedback,
    token: Annotated[TokenInfo, Depends(require_token)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    def run() -> dict[str, Any]:
        if not rows(store, "SELECT alert_id FROM alerts WHERE alert_id = ?", [alert_id]):
            raise ApiError(404, f"no alert with alert_id {alert_id!r}")
        acknowledge(
            store,
            alert_id,
            user=token.name,
            action=feedback.action,
            reason=feedback.reason.strip() or feedback.reason,
        )
        request.app.state.cache.clear()
        return _one(store, alert_id)

    return json_response(await run_in_threadpool(run))


# --- user-defined alert rules -----------------------------------------------------------------


class RuleBody(BaseModel):
    """One alert rule, as in a rules TOML file's [[rule]] table (its name is in the path)."""

    threshold: float = Field(gt=0)
    level: Literal["adm0", "adm1", "adm2"] = "adm2"
    regions: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=1000)
    actor: str | None = Field(default=None, max_length=200)
    violence_type: Literal["state-based", "non-state", "one-sided"] | None = None
    target: Literal["fatalities", "events"] = "fatalities"
    months: int = Field(default=1, ge=1, le=120)
    severity: _SEVERITY = "medium"


def _rules(store: Store) -> list[dict[str, Any]]:
    return rows(
        store,
        "SELECT name, rule, updated_at, updated_by FROM alert_rules ORDER BY name",
    )


@router.get("/api/alert-rules", summary="The alert rules kept in the store")
def get_rules(store: Annotated[Store, Depends(request_store)]) -> Response:
    items = _rules(store)
    for item in items:
        item["rule"] = json.loads(item["rule"])
    return json_response({"items": items})


@router.put(
    "/api/alert-rules/{name}",
    summary="Create or replace an alert rule; needs an API token",
    responses={401: {"description": "no or bad token"}},
)
async def put_rule(
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=200)],
    body: RuleBody,
    token: Annotated[TokenInfo, Depends(require_token)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    def run() -> dict[str, Any]:
        try:
            rule = rule_from_fields({"name": name, **body.model_dump()})
        except (TypeError, ValueError) as exc:
            raise ApiError(422, str(exc)) from None
        save_rule(store, rule, user=token.name)
        request.app.state.cache.clear()
        return {"name": rule.name, "rule": body.model_dump(), "updated_by": token.name}

    return json_response(await run_in_threadpool(run))


@router.delete(
    "/api/alert-rules/{name}",
    summary="Remove an alert rule; needs an API token",
    responses={401: {"description": "no or bad token"}, 404: {"description": "no such rule"}},
)
async def delete_alert_rule(
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=200)],
    token: Annotated[TokenInfo, Depends(require_token)],
    store: Annotated[Store, Depends(request_store)],
) -> Response:
    def run() -> dict[str, Any]:
        if not delete_rule(store, name):
            raise ApiError(404, f"no alert rule named {name!r}")
        request.app.state.cache.clear()
        return {"deleted": name, "by": token.name}

    return json_response(await run_in_threadpool(run))
