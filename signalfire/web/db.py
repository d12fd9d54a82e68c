"""Per-request store access and JSON rendering for the API.

The app opens the store once; each request gets its own DuckDB cursor (a connection to the
same database) so requests in worker threads never share a connection.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
from fastapi import Request
from starlette.responses import Response

from ..output import records
from ..store import Store


def store_view(store: Store) -> Store:
    """A Store sharing `store`'s database through a fresh cursor; close its `con` after use."""
    view = object.__new__(Store)
    view.path = store.path
    view.read_only = store.read_only
    view.migrated_from = None
    view.con = store.con.cursor()
    return view


def request_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: the request's own view of the app's store."""
    view = store_view(request.app.state.store)
    try:
        yield view
    finally:
        view.con.close()


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


def rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Query results as JSON-ready dicts, without a pandas round trip (the hot path)."""
    cursor = store.con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in r.items()} for r in records(frame)]


def _default(value: Any) -> Any:
    plain = _plain(value)
    if plain is value:
        return str(value)
    return plain


class JSONBody(Response):
    """Compact UTF-8 JSON; NaN and infinities become null (JSON has neither)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(
            _clean(content), ensure_ascii=False, separators=(",", ":"), default=_default
        ).encode("utf-8")


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def json_response(content: Any, status_code: int = 200) -> JSONBody:
    return JSONBody(content, status_code=status_code)
