"""Health, ingested files, quarantined rows, and file upload into the store (token)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from .. import __version__
from ..errors import InputError, SignalfireError
from ..ingest import ingest
from ..sources import ADAPTERS
from ..store import Store
from .access import require_token
from .auth import TokenInfo
from .db import json_response, request_store, rows
from .errors import ApiError

router = APIRouter(tags=["system"])


@router.get("/api/health", summary="Liveness, versions and table counts")
def health(request: Request, store: Annotated[Store, Depends(request_store)]) -> Response:
    return json_response(
        {
            "status": "ok",
            "version": __version__,
            "schema_version": store.schema_version(),
            "store": store.path.name,
            "counts": store.counts(),
            "writes_need_token": True,
            "reads_need_token": bool(request.app.state.tokens_for_reads),
        }
    )


SOURCE_COLUMNS = (
    "source_id, regexp_extract(path, '[^/\\\\]+$') AS file_name, sha256, size_bytes, format, "
    "source_version, rows_read, rows_stored, rows_new, rows_updated, rows_quarantined, "
    "rows_unlocated, started_at, finished_at"
)


@router.get("/api/sources", summary="Every ingested file with its row counts")
def list_sources(store: Annotated[Store, Depends(request_store)]) -> Response:
    return json_response(rows(store, f"SELECT {SOURCE_COLUMNS} FROM sources ORDER BY source_id"))


@router.get("/api/quarantine", summary="Rows that could not be stored, with the reason")
def list_quarantine(
    store: Annotated[Store, Depends(request_store)],
    source_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    limit: Annotated[int, Query(ge=0, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Response:
    where, params = ("WHERE source_id = ?", [source_id]) if source_id is not None else ("", [])
    total = store.con.execute(f"SELECT count(*) FROM quarantine {where}", params).fetchone()
    items = rows(
        store,
        f"""SELECT source_id, row_number, reason, raw_row FROM quarantine {where}
            ORDER BY source_id, row_number LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    return json_response(
        {"total": int(total[0]) if total else 0, "limit": limit, "offset": offset, "items": items}
    )


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@router.post(
    "/api/ingest",
    summary="Upload one file (raw request body) and ingest it; needs an API token",
    responses={401: {"description": "no or bad token"}, 413: {"description": "too large"}},
)
async def upload(
    request: Request,
    token: Annotated[TokenInfo, Depends(require_token)],
    format: Annotated[str, Query(description=f"one of {', '.join(sorted(ADAPTERS))}")],
    filename: Annotated[str, Query(min_length=1, max_length=200)],
) -> Response:
    if format not in ADAPTERS:
        raise ApiError(422, f"format must be one of {', '.join(sorted(ADAPTERS))}, got {format!r}")
    name = _SAFE_NAME.sub("_", FilePath(filename).name).lstrip(".") or "upload"
    folder: FilePath = request.app.state.upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{stamp}_{name}"
    size = 0
    # Stream to disk: the body limit is enforced as it arrives (security middleware).
    with target.open("wb") as sink:
        try:
            async for chunk in request.stream():
                size += len(chunk)
                sink.write(chunk)
        except BaseException:
            sink.close()
            target.unlink(missing_ok=True)
            raise
    if size == 0:
        target.unlink(missing_ok=True)
        raise ApiError(422, "the request body is empty: send the file's bytes as the body")

    def run() -> dict[str, object]:
        from .db import store_view

        view = store_view(request.app.state.store)
        try:
            with request.app.state.write_lock:
                report = ingest(view, format, target)
        except SignalfireError as exc:
            # Name the upload as the client knows it, not by its path on this server.
            raise ApiError(
                422 if isinstance(exc, InputError) else 503,
                exc.message.replace(str(target), target.name),
            ) from None
        finally:
            view.con.close()
        request.app.state.cache.clear()
        return {
            "uploaded_by": token.name,
            "file_name": target.name,
            "size_bytes": size,
            "source_id": report.source_id,
            "rows_read": report.rows_read,
            "rows_new": report.rows_new,
            "rows_updated": report.rows_updated,
            "rows_quarantined": report.rows_quarantined,
            "already_ingested": report.already_ingested,
        }

    from starlette.concurrency import run_in_threadpool

    return json_response(await run_in_threadpool(run), status_code=201)
