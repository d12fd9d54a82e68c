"""Who may call what: reads are open on loopback; writes (and, when asked, reads) need a token.

A token comes as `Authorization: Bearer sf_...` (or `X-API-Token: sf_...`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..store import Store
from .auth import TokenInfo, mark_used, verify_token
from .db import request_store
from .errors import ApiError


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-api-token") or None


def require_token(request: Request, store: Annotated[Store, Depends(request_store)]) -> TokenInfo:
    """FastAPI dependency for write endpoints: the caller's token, or a 401."""
    token = presented_token(request)
    if token is None:
        raise ApiError(
            401,
            "this endpoint changes data and needs an API token: send "
            "'Authorization: Bearer <token>' (create one with `signalfire token create`)",
        )
    info = verify_token(store, token)
    if info is None:
        raise ApiError(401, "the API token is unknown or revoked")
    mark_used(store, info.token_id)
    return info


async def read_access(request: Request) -> None:
    """App-wide dependency: when the app is told so (a non-loopback bind), reads need a token."""
    if not request.app.state.tokens_for_reads:
        return
    path = request.url.path
    if not path.startswith("/api/") or path == "/api/health":
        return  # the dashboard's files and the health probe stay reachable
    token = presented_token(request)
    if token is None or verify_token(request.app.state.store, token) is None:
        raise ApiError(401, "this server requires an API token for every API request")
