"""A served store stays writable by other processes: the app attaches the file per burst of
requests (web.db.SharedStore), answers 503 + Retry-After while another process writes, and
sees that process's data afterwards (the response cache follows the file's changes)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from test_api import LiveServer
from test_ingest_small import write_ged

import signalfire
from signalfire.errors import StoreError
from signalfire.web import create_app
from signalfire.web.db import SharedCursor, SharedStore, StoreBusy, writer_sign

CLI = "from signalfire.cli import main; main()"
# Holds the file the way a writing process does, until its stdin is closed.
HOLDER = "import duckdb, sys\ncon = duckdb.connect(sys.argv[1])\nprint('held', flush=True)\n"
HOLDER += "sys.stdin.read()\ncon.close()\n"
# Polls for the file as a writer does (the CLI's open_store) and reports how long it took.
WRITER = "import duckdb, sys, time\nstarted = time.monotonic()\nwhile True:\n"
WRITER += "    try:\n        duckdb.connect(sys.argv[1]).close()\n        break\n"
WRITER += "    except duckdb.IOException:\n        time.sleep(0.02)\n"
WRITER += "print(time.monotonic() - started)\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve-lock")
    with signalfire.open(folder / "store.duckdb") as store:
        signalfire.ingest(store, "ucdp-ged", write_ged(folder / "first.csv", [{"id": "1"}]))
    return folder / "store.duckdb"


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    """A store with one event, this test's own copy (opening a store costs a second here)."""
    return Path(shutil.copy(template, tmp_path / "store.duckdb"))


@contextmanager
def held(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store's file while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
        holder.wait(timeout=30)


def _acquire(shared: SharedStore) -> SharedCursor:
    """A request's (pooled) cursor, taken on an event loop of its own thread (the session may
    have a loop running in this one, e.g. Playwright's)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, shared.acquire()).result()


def _event_ids(client: httpx.Client) -> list[str]:
    response = client.get("/api/events", params={"limit": 100})
    assert response.status_code == 200, response.text
    return sorted(e["event_id"] for e in response.json()["items"])


def test_another_process_ingests_while_serving_and_the_app_sees_it(
    db: Path, tmp_path: Path
) -> None:
    with (
        LiveServer(create_app(db)) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        assert _event_ids(client) == ["ucdp-ged:1"]
        assert _event_ids(client) == ["ucdp-ged:1"]  # now a replay from the response cache
        more = write_ged(tmp_path / "more.csv", [{"id": "2"}, {"id": "3"}])
        done = subprocess.run(
            [sys.executable, "-c", CLI, "ingest", "ucdp-ged", str(more), "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "stored 2" in done.stdout
        assert _event_ids(client) == ["ucdp-ged:1", "ucdp-ged:2", "ucdp-ged:3"]
        assert client.get("/api/health").json()["counts"]["events"] == 3


def test_busy_store_answers_503_with_retry_after_then_recovers(db: Path) -> None:
    shared = SharedStore(db, wait=0.3, linger=0.0)
    try:
        with (
            LiveServer(create_app(shared)) as server,
            httpx.Client(base_url=server.url, timeout=30) as client,
        ):
            time.sleep(0.1)  # the app lets go of the file once idle
            with held(db):
                busy = client.get("/api/events", params={"limit": 5})
                assert busy.status_code == 503
                assert busy.headers["retry-after"].isdigit()
                error = busy.json()["error"]
                assert error["code"] == "unavailable"
                assert "another process" in error["message"]
            assert _event_ids(client) == ["ucdp-ged:1"]
    finally:
        shared.close()


def test_file_is_let_go_between_bursts(db: Path) -> None:
    shared = SharedStore(db, linger=0.05)
    try:
        cursor = shared.cursor()
        nested = cursor.cursor()  # a token check inside a request: never waits
        assert nested.execute("SELECT count(*) FROM events").fetchone() == (1,)
        nested.close()
        cursor.close()
        assert shared.attached  # lingering for the next request of the burst
        again = shared.cursor()
        again.close()
        # A request's cursor goes back to a pool for the next request (no USE statement).
        first = _acquire(shared)
        first.close()
        second = _acquire(shared)
        assert second._con is first._con
        assert second.execute("SELECT count(*) FROM events").fetchone() == (1,)
        second.close()
        assert shared.attach_count == 1
        deadline = time.monotonic() + 5
        while shared.attached and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not shared.attached
        # Another process can have it now; the app waits, then gives up.
        with held(db), pytest.raises(StoreBusy):
            shared.cursor(wait=0.1)
        with shared.cursor() as cursor:
            assert cursor.execute("SELECT count(*) FROM events").fetchone() == (1,)
        pooled = _acquire(shared)  # the pool was emptied when the file was let go
        assert pooled._con is not second._con
        pooled.close()
    finally:
        shared.close()


# A writer as the CLI is one: open_store waits, touching the sign that it is waiting.
CLI_WRITER = "import sys, time\nfrom pathlib import Path\nstarted = time.monotonic()\n"
CLI_WRITER += (
    "from signalfire.cli.common import open_store\nopen_store(Path(sys.argv[1])).close()\n"
)
CLI_WRITER += "print(time.monotonic() - started)\n"


@pytest.mark.parametrize(
    ("writer", "max_hold"),
    [(WRITER, 0.3), (CLI_WRITER, 300.0)],
    ids=["retrying writer, app lets go after max_hold", "CLI writer signals it waits"],
)
def test_a_writer_gets_in_under_continuous_reads(db: Path, writer: str, max_hold: float) -> None:
    """Requests without a pause would keep the file forever. The app lets go once the
    requests in flight are done when a writer says it waits, or after `max_hold`."""
    shared = SharedStore(db, linger=0.5, max_hold=max_hold, pause=0.2)
    stop = threading.Event()
    busy: list[int] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                cursor = shared.cursor(wait=60)
            except StoreBusy:
                busy.append(1)
                continue
            try:
                cursor.execute("SELECT count(*) FROM events").fetchone()
                time.sleep(0.01)
            finally:
                cursor.close()

    threads = [threading.Thread(target=reader) for _ in range(3)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(0.2)
        assert shared.attached
        done = subprocess.run(
            [sys.executable, "-c", writer, str(db)], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        # Well before max_hold in the CLI case: the app let go because the writer said so.
        assert float(done.stdout.strip().splitlines()[-1]) < 20
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
        shared.close()
    assert shared.attach_count >= 2  # let go and taken again while reading
    assert not busy
    assert not writer_sign(db).exists()


def test_the_store_and_the_app_agree_on_the_sign() -> None:
    from signalfire.store import WRITER_WAITING

    assert writer_sign(Path("/x/s.duckdb")) == Path("/x/s.duckdb" + WRITER_WAITING)


def test_starting_on_a_store_another_process_writes_is_a_clear_error(db: Path) -> None:
    with held(db), pytest.raises(StoreError, match="in use by another process"):
        SharedStore(db)


def test_open_waits_for_a_held_store_and_then_opens_it(db: Path) -> None:
    calls: list[float] = []
    with held(db) as holder:
        # The holder lets go 0.5 s after open() starts waiting.
        def release() -> None:
            time.sleep(0.5)
            assert holder.stdin is not None
            holder.stdin.close()

        def on_wait(path: Path, limit: float) -> None:
            assert path == db and writer_sign(db).exists() is False  # touched after this call
            calls.append(limit)
            threading.Thread(target=release).start()

        with signalfire.open(db, wait=20, on_wait=on_wait) as store:
            assert store.query("SELECT count(*) AS n FROM events")["n"].iloc[0] == 1
    assert calls == [20.0]
    assert not writer_sign(db).exists()


def test_open_gives_up_after_the_wait_with_the_sign_removed(db: Path) -> None:
    with held(db):
        started = time.monotonic()
        with pytest.raises(StoreError, match="lock"):
            signalfire.open(db, wait=0.3)
        assert time.monotonic() - started >= 0.3
        assert not writer_sign(db).exists()
