"""Per-request store access and JSON rendering for the API.

The app opens the store once; each request gets its own DuckDB cursor (a connection to the
same database) so requests in worker threads never share a connection.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import AsyncIterator, Sequence
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


async def request_store(request: Request) -> AsyncIterator[Store]:
    """FastAPI dependency: the request's own view of the app's store (async: opening a
    cursor is quick, and each worker-thread hop costs more than the work)."""
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
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


# Column types whose Python values are JSON-ready as they come from DuckDB.
_PLAIN_TYPES = {
    "VARCHAR", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BOOLEAN", "UINTEGER", "UBIGINT",
    "USMALLINT", "UTINYINT", "VARCHAR[]",
}  # fmt: skip


def _finite(value: Any) -> Any:
    return value if value is None or math.isfinite(value) else None


def _iso(value: Any) -> Any:
    return None if value is None else _plain(value)


def _converter(type_name: str) -> Any:
    if type_name in _PLAIN_TYPES:
        return None
    if type_name in ("DOUBLE", "FLOAT"):
        return _finite
    if type_name in ("DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE"):
        return _iso
    return _plain


def rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Query results as JSON-ready dicts, without a pandas round trip (the hot path).

    Each column is converted by its type once chosen: most need nothing at all.
    """
    cursor = store.con.execute(sql, list(params))
    description = cursor.description or []
    names = [d[0] for d in description]
    convert = [(i, c) for i, d in enumerate(description) if (c := _converter(str(d[1])))]
    found = cursor.fetchall()
    if not convert:
        return [dict(zip(names, row, strict=True)) for row in found]
    out = []
    for row in found:
        values = list(row)
        for i, function in convert:
            values[i] = function(values[i])
        out.append(dict(zip(names, values, strict=True)))
    return out


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
        # Values come through rows()/frame_rows(), which turn NaN into null: a NaN here
        # is a bug, and allow_nan=False makes it an error rather than invalid JSON.
        return json.dumps(
            content, ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False
        ).encode("utf-8")


def json_response(content: Any, status_code: int = 200) -> JSONBody:
    return JSONBody(content, status_code=status_code)
