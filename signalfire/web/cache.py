"""Rendered API responses, kept until the store changes.

Each write endpoint clears the cache, and so does a change of the store file by another
process (the app lets go of the file between bursts of requests, so a CLI ingest can write
meanwhile: see `web.db.SharedStore` and the middleware in `web.app`). A GET of the same URL in
between gets the same bytes.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .access import presented_token
from .auth import verify_token

MAX_ENTRY_BYTES = 2 * 1024 * 1024
UNCACHED_PATHS = ("/api/health", "/api/ingest")
_NOT_MODIFIED_HEADERS = {b"etag", b"cache-control", b"vary"}
_TEXTUAL = (b"application/json", b"application/geo+json", b"text/", b"application/atom+xml")


class ResponseCache:
    """A thread-safe LRU of rendered bodies (and other values), cleared by writes."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Any) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
                self._items.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class CachedResponses:
    """ASGI middleware: a GET under /api/ answered 200 is replayed until the cache is cleared."""

    def __init__(self, app: ASGIApp, *, cache: ResponseCache | None) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            self.cache is None
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or not path.startswith("/api/")
            or path.startswith(UNCACHED_PATHS)
        ):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state if "app" in scope else None
        headers = dict(scope.get("headers", []))
        if state is not None and state.tokens_for_reads:
            # Replays must pass the same gate as the app: a live token.
            from starlette.requests import Request

            token = presented_token(Request(scope))
            if token is None or verify_token(state.store, token) is None:
                await self.app(scope, receive, send)
                return
        gzip_ok = b"gzip" in headers.get(b"accept-encoding", b"")
        key = ("response", path, scope.get("query_string", b""), gzip_ok)
        stored = self.cache.get(key)
        if stored is not None:
            start, body = stored
            etag = dict(start.get("headers", [])).get(b"etag")
            if etag is not None and headers.get(b"if-none-match") == etag:
                kept = [(k, v) for k, v in start["headers"] if k in _NOT_MODIFIED_HEADERS]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        # A miss: hold the (single-message) answer, gzip it if the client accepts that,
        # send it, keep it. A streamed answer is passed on as it comes and not kept.
        held: list[Message] = []
        streaming = False

        async def hold(message: Message) -> None:
            nonlocal streaming
            if streaming:
                await send(message)
            elif message["type"] == "http.response.body" and message.get("more_body", False):
                streaming = True
                for earlier in held:
                    await send(earlier)
                held.clear()
                await send(message)
            else:
                held.append(message)

        await self.app(scope, receive, hold)
        if streaming or len(held) != 2:
            for message in held:
                await send(message)
            return
        start, body = held[0], held[1].get("body", b"")
        if start["status"] == 200 and gzip_ok:
            start, body = _gzipped(start, body)
        await send(start)
        await send({"type": "http.response.body", "body": body})
        if start["status"] == 200 and len(body) <= MAX_ENTRY_BYTES:
            self.cache.put(key, (start, body))


def _gzipped(start: Message, body: bytes) -> tuple[Message, bytes]:
    """The answer gzipped, when it is text worth compressing and not compressed already."""
    headers = dict(start.get("headers", []))
    media = headers.get(b"content-type", b"")
    if len(body) < 1024 or b"content-encoding" in headers or not media.startswith(_TEXTUAL):
        return start, body
    packed = gzip.compress(body, compresslevel=5, mtime=0)
    kept = [(k, v) for k, v in start["headers"] if k not in (b"content-length", b"vary")]
    kept += [
        (b"content-length", str(len(packed)).encode()),
        (b"content-encoding", b"gzip"),
        (b"vary", b"Accept-Encoding"),
    ]
    return {**start, "headers": kept}, packed
