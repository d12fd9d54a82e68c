"""The FastAPI app: JSON API under /api, the offline dashboard at /.

>>> from signalfire.web import create_app
>>> app = create_app("signalfire.duckdb")      # then: uvicorn.run(app)
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store
from . import (
    errors,
    routes_actors,
    routes_alerts,
    routes_events,
    routes_forecasts,
    routes_regions,
    routes_system,
    static,
)
from .access import read_access
from .cache import CachedResponses, ResponseCache
from .db import SharedStore, StoreBusy, file_version
from .errors import error_response
from .security import SecurityMiddleware

DEFAULT_UPLOAD_LIMIT = 200 * 1024 * 1024


def create_app(
    db_path: str | os.PathLike[str] | Store | SharedStore,
    *,
    tokens_for_reads: bool = False,
    upload_limit: int = DEFAULT_UPLOAD_LIMIT,
    upload_dir: str | os.PathLike[str] | None = None,
    cache_responses: bool = True,
) -> FastAPI:
    """The app over the store at `db_path`, which stays free for other processes to write
    between bursts of requests (see web.db.SharedStore; their writes clear the cache). An
    open Store given instead is used as it is, held by its owner.

    `tokens_for_reads`: every /api request needs a token (set when serving beyond loopback).
    `upload_limit`: largest accepted upload in bytes. `upload_dir`: where uploads are kept
    (default: an `uploads` folder beside the store), as the provenance of what they added.
    `cache_responses`: replay GET /api/ answers until the next write (see web.cache).
    """
    store: Store | SharedStore
    if isinstance(db_path, Store | SharedStore):
        store, owned = db_path, False
    else:
        store, owned = SharedStore(db_path), True

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    app = FastAPI(
        title="signalfire",
        version=__version__,
        description=(
            "Events, regions, forecasts, backtests, alerts and actors from a signalfire store. "
            "Reads are open on loopback; writes need an API token "
            "(`Authorization: Bearer <token>`, created with `signalfire token create`). "
            'Errors: {"error": {"status", "code", "message", "details"}}.'
        ),
        lifespan=lifespan,
        dependencies=[Depends(read_access)],
        docs_url=None,  # the Swagger page loads scripts from a CDN; /openapi.json is the schema
        redoc_url=None,
    )
    app.state.store = store
    app.state.tokens_for_reads = tokens_for_reads
    app.state.cache = ResponseCache()
    app.state.write_lock = threading.Lock()
    app.state.upload_dir = (
        Path(upload_dir) if upload_dir else store.path.resolve().parent / "uploads"
    )
    errors.install(app)
    for module in (
        routes_system,
        routes_events,
        routes_regions,
        routes_forecasts,
        routes_alerts,
        routes_actors,
    ):
        app.include_router(module.router)
    static.mount(app)
    # Added last = outermost: security headers go on replayed answers too.
    app.add_middleware(CachedResponses, cache=app.state.cache if cache_responses else None)
    app.add_middleware(StoreChanges, store=store, cache=app.state.cache)
    app.add_middleware(SecurityMiddleware, upload_limit=upload_limit, upload_paths=("/api/ingest",))
    return app


class StoreChanges:
    """ASGI middleware: clears the response cache when another process has written the store
    (its file changed), and answers 503 when the store is busy outside a route (a token check
    in front of the cache)."""

    def __init__(self, app: ASGIApp, *, store: Store | SharedStore, cache: ResponseCache) -> None:
        self.app = app
        self.store = store
        self.path = str(store.path)
        self.cache = cache
        self.seen = file_version(self.path)

    def _takes(self) -> int:
        return self.store.take_count if isinstance(self.store, SharedStore) else -1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        before = file_version(self.path)
        if before != self.seen:
            self.cache.clear()
            self.seen = before
        takes = self._takes()
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except StoreBusy as exc:
            if started:
                raise
            response = error_response(503, str(exc.detail), headers=dict(exc.headers or {}))
            await response(scope, receive, send)
        finally:
            # A write that ended while this request ran may have come after its data was
            # read and before its answer was cached: drop that answer too. (Not needed when
            # no request read the store meanwhile: replays only.)
            if takes < 0 or self._takes() != takes:
                after = file_version(self.path)
                if after != before:
                    self.cache.clear()
                    self.seen = after
