"""Per-request store access and JSON rendering for the API.

Served from a path (`signalfire serve`), the app does not keep the store's file open: DuckDB
lets one process write a file, and no other process may even open it while it is held, so an
analyst's `signalfire ingest` or a cron `alerts compute` would fail for as long as the server
ran. `SharedStore` attaches the file to an in-memory DuckDB (the spatial extension loaded
once) for a burst of requests and detaches it when they are done. A request that finds the
file held by another process waits briefly, then gets 503 with Retry-After. Each request gets
its own cursor, so requests in worker threads never share a connection.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import math
import os
import threading
import time
from collections.abc import AsyncIterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import duckdb
import numpy as np
import pandas as pd
from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from .. import settings
from ..errors import StoreError
from ..output import records
from ..store import _CONNECT_CONFIG, Store, spatial_extension_path, writer_sign

# A request waits this long for another process's write before it is answered 503.
LOCK_WAIT = 2.0
RETRY_AFTER = 2
# The file stays attached this long after the last request, so that a client's next request
# (the dashboard sends them one after another) does not attach it again.
LINGER = 0.2
# A writer waiting for the file says so by touching a file beside it (`store.writer_sign`;
# `signalfire.open`, and so the CLI, do); the app then lets go once the requests in flight are
# done and does not take the file again for PAUSE seconds. Without the sign, it lets go after
# MAX_HOLD seconds of continuous requests, for writers that just retry.
WRITER_SIGN_FRESH = 2.0
MAX_HOLD = 30.0
PAUSE = 0.2
# Waiting for the app's own requests to finish is not a busy store; past this, it is.
_DRAIN_LIMIT = 60.0
_POLL = 0.05
_ALIAS = "store"


class StoreBusy(HTTPException):
    """503: another process holds the store's file (a write in progress)."""

    def __init__(self) -> None:
        super().__init__(
            503,
            detail="the store is being written by another process (an ingest or an alert run); "
            f"try again in {RETRY_AFTER} s",
            headers={"Retry-After": str(RETRY_AFTER)},
        )


def file_version(path: Path | str) -> tuple[int, ...]:
    """Changes whenever another process writes the store: the file's and its WAL's identity,
    size and modification time (a DuckDB write ends with a checkpoint into the file).
    Called on every request, hence plain strings and os.stat (7 us here, pathlib's 29 us)."""
    name = os.fspath(path)
    try:
        found = os.stat(name)
    except FileNotFoundError:
        return ()
    try:
        wal = os.stat(name + ".wal")
    except FileNotFoundError:
        return (found.st_ino, found.st_size, found.st_mtime_ns)
    return (
        found.st_ino,
        found.st_size,
        found.st_mtime_ns,
        wal.st_ino,
        wal.st_size,
        wal.st_mtime_ns,
    )


class SharedCursor:
    """A DuckDB cursor on the attached store; `close()` also ends its hold on the file.

    `pooled`: a request's cursor, handed to the next request rather than closed (a fresh one
    needs a `USE` statement, which waits behind running queries: measured 1 ms median and
    up to 75 ms under load, on the event loop).
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, owner: SharedStore, pooled: bool = False
    ) -> None:
        self._con = con
        self._owner = owner
        self._pooled = pooled
        self._closed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def __enter__(self) -> SharedCursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> SharedCursor:
        """Another cursor while this one holds the file (never waits: it is attached)."""
        found = self._owner._cursor(nested=True)
        if found is None:  # unreachable: a nested take does not wait
            raise RuntimeError("the store is not attached")
        return found

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._pooled:
            self._owner._release(self._con)
            return
        try:
            self._con.close()
        finally:
            self._owner._release()


class SharedStore:
    """The store at `path` as the app uses it: attached per burst of requests, not held.

    Store-like where the app needs it: `path`, `read_only`, and `con.cursor()` (a cursor on
    the attached file, waiting up to `wait` seconds while another process writes, then
    raising StoreBusy). Creates or upgrades the store's schema once, when made.
    """

    read_only = False
    migrated_from: int | None = None

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        wait: float = LOCK_WAIT,
        linger: float = LINGER,
        max_hold: float = MAX_HOLD,
        pause: float = PAUSE,
    ) -> None:
        self.path = Path(path)
        self.wait, self.linger, self.max_hold, self.pause = wait, linger, max_hold, pause
        self._sign = writer_sign(self.path)
        self._host = duckdb.connect(":memory:", config=_CONNECT_CONFIG)
        self._host.execute(f"LOAD '{spatial_extension_path()}'")
        self._host.execute("SET memory_limit = ?", [str(settings.get("memory_limit"))])
        self._lock = threading.Lock()
        self._users = 0
        self._attached_at: float | None = None
        self._draining = False
        self._paused_until = 0.0
        self._timer: threading.Timer | None = None
        self._idle: list[duckdb.DuckDBPyConnection] = []  # pooled cursors, while attached
        self.attach_count = 0  # how often the file was attached (tests, benchmarks)
        self.take_count = 0  # how many cursors were taken (the app's cache check)
        # Create or upgrade the schema now, as Store does (without loading the spatial
        # extension a second time: a second here).
        try:
            with self.cursor(wait=LOCK_WAIT) as cursor:
                view = _view(self, cursor)
                view._migrate(view.migrations)
                self.migrated_from = view.migrated_from
        except StoreBusy:
            self.close()
            raise StoreError(
                f"{self.path}: in use by another process (an ingest or alert run?); "
                "try again when it is done"
            ) from None
        except BaseException:
            self.close()
            raise

    @property
    def con(self) -> SharedStore:
        return self  # `store.con.cursor()` is how the app makes a request's connection

    @property
    def attached(self) -> bool:
        return self._attached_at is not None

    def cursor(self, wait: float | None = None) -> SharedCursor:
        """A cursor on the store, waiting up to `wait` (default: self.wait) seconds for
        another process's write."""
        waiting = _Waiting(self.wait if wait is None else wait)
        while True:
            found, theirs = self._attempt()
            if found is not None:
                return found
            waiting.check(theirs)
            time.sleep(_POLL)

    async def acquire(self) -> SharedCursor:
        """`cursor()` for the event loop: waits without blocking it. The cursor is pooled:
        for requests, whose statements end their transactions and leave no temporary state.
        A pooled cursor on the attached file is taken at once; attaching the file or making
        a cursor (DuckDB statements that may wait behind running queries) is done in a
        worker thread, off the event loop."""
        waiting = _Waiting(self.wait)
        while True:
            found = self._quick()
            theirs = False
            if found is None:
                found, theirs = await run_in_threadpool(self._attempt, True)
            if found is not None:
                return found
            waiting.check(theirs)
            await asyncio.sleep(_POLL)

    def close(self) -> None:
        with self._lock:
            self._cancel_timer()
            if self._attached_at is not None:
                self._detach()
        self._host.close()

    # --- the hold on the file ------------------------------------------------------------------

    def _quick(self) -> SharedCursor | None:
        """A pooled cursor when one is idle and the file attached and not being let go."""
        with self._lock:
            if self._attached_at is None or self._draining or not self._idle:
                return None
            if time.monotonic() - self._attached_at >= self.max_hold or self._writer_waiting():
                return None  # the slow path starts letting go
            self._users += 1
            self.take_count += 1
            self._cancel_timer()
            return SharedCursor(self._idle.pop(), self, pooled=True)

    def _attempt(self, pooled: bool = False) -> tuple[SharedCursor | None, bool]:
        """(a cursor, False), or (None, whether another process holds the file)."""
        state = self._take(nested=False)
        if state != "taken":
            return None, state == "theirs"
        return self._open(pooled), False

    def _cursor(self, *, nested: bool) -> SharedCursor | None:
        if self._take(nested) != "taken":
            return None
        return self._open()

    def _open(self, pooled: bool = False) -> SharedCursor:
        if pooled:
            with self._lock:
                if self._idle:
                    return SharedCursor(self._idle.pop(), self, pooled=True)
        try:
            con = self._host.cursor()
            con.execute(f"USE {_ALIAS}")
        except BaseException:
            self._release()
            raise
        return SharedCursor(con, self, pooled)

    def _take(self, nested: bool) -> str:
        """'taken'; 'ours' (the app is letting go: wait); 'theirs' (another process has it)."""
        with self._lock:
            now = time.monotonic()
            if self._attached_at is not None:
                if nested:
                    self._users += 1
                    return "taken"
                if not self._draining and (
                    now - self._attached_at >= self.max_hold or self._writer_waiting()
                ):
                    self._draining = True
                if not self._draining:
                    self._users += 1
                    self.take_count += 1
                    self._cancel_timer()
                    return "taken"
                if self._users == 0:
                    self._cancel_timer()
                    self._detach(pause=True)
                return "ours"
            if nested:
                raise RuntimeError("a nested cursor needs the store attached")
            if now < self._paused_until:
                return "ours"
            if self._writer_waiting():
                return "theirs"  # until it has the file and is done: it may be slow to start
            try:
                self._host.execute(f"ATTACH '{self._quoted_path()}' AS {_ALIAS}")
            except duckdb.IOException as exc:
                if "lock" in str(exc).lower():
                    return "theirs"
                raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
            self.attach_count += 1
            self._attached_at = now
            self._users = 1
            self.take_count += 1
            return "taken"

    def _writer_waiting(self) -> bool:
        try:
            touched = os.stat(self._sign).st_mtime
        except FileNotFoundError:
            return False
        return time.time() - touched < WRITER_SIGN_FRESH  # a stale sign: its writer is gone

    def _release(self, keep: duckdb.DuckDBPyConnection | None = None) -> None:
        with self._lock:
            if keep is not None:
                self._idle.append(keep)  # still attached: this cursor held it
            self._users -= 1
            if self._users > 0 or self._attached_at is None:
                return
            if self._draining:
                self._detach(pause=True)
                return
            self._cancel_timer()
            self._timer = threading.Timer(self.linger, self._detach_if_idle)
            self._timer.daemon = True
            self._timer.start()

    def _detach_if_idle(self) -> None:
        with self._lock:
            if self._users == 0 and self._attached_at is not None:
                self._detach()

    def _detach(self, pause: bool = False) -> None:
        for con in self._idle:
            con.close()
        self._idle.clear()
        self._host.execute(f"DETACH {_ALIAS}")
        self._attached_at = None
        self._draining = False
        if pause:
            self._paused_until = time.monotonic() + self.pause

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _quoted_path(self) -> str:
        return str(self.path).replace("'", "''")


class _Waiting:
    """How long a request has waited: up to `wait` seconds while another process holds the
    file (then StoreBusy), longer while the app's own requests finish."""

    def __init__(self, wait: float) -> None:
        self.wait = wait
        self.started = time.monotonic()
        self.theirs_since: float | None = None

    def check(self, theirs: bool) -> None:
        now = time.monotonic()
        if theirs:
            self.theirs_since = self.theirs_since or now
            if now - self.theirs_since >= self.wait:
                raise StoreBusy()
        if now - self.started >= max(self.wait, _DRAIN_LIMIT):
            raise StoreBusy()


def store_view(store: Store | SharedStore) -> Store:
    """A Store sharing `store`'s database through a fresh cursor; close its `con` after use."""
    return _view(store, store.con.cursor())


def _view(store: Store | SharedStore, con: Any) -> Store:
    view = object.__new__(Store)
    view.path = store.path
    view.read_only = store.read_only
    view.migrated_from = None
    view.con = cast(duckdb.DuckDBPyConnection, con)
    return view


async def request_store(request: Request) -> AsyncIterator[Store]:
    """FastAPI dependency: the request's own view of the app's store (async: opening a
    cursor is quick, and each worker-thread hop costs more than the work)."""
    shared = request.app.state.store
    if isinstance(shared, SharedStore):
        view = _view(shared, await shared.acquire())
    else:
        view = store_view(shared)
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
