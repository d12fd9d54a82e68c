"""REST API under load, and the dashboard's first load, on loopback.

    python benchmarks/api_load.py                       # 50 clients, 30 s, then the dashboard
    python benchmarks/api_load.py --clients 10 --seconds 5 --no-browser   # a smoke run
    python benchmarks/api_load.py --db my.duckdb        # an existing store (with forecasts)
    python benchmarks/api_load.py --server-tree /tmp/before   # serve with an older checkout

Without --db it builds a store from the shared reference data (boundaries of Afghanistan and
Pakistan, GED Pakistan 1989-2019) and saves a province and a district forecast run
(conflictology, 1000 draws, 6 months). The server runs in its own process (`signalfire serve`
as a user would start it) so the load generator does not share its interpreter.

Load: `--clients` concurrent keep-alive connections for `--seconds`, each sending its next
request as soon as the last answer is read, half to the events endpoints (pages at random
offsets, filtered by province, date window, actor; CSV export of one province-year) and half
to the forecast endpoints (latest run per level, one month, one region's summary with its
forecast). The client is plain asyncio sockets (HTTP/1.1), cheap enough not to be the
bottleneck. Targets (issue 7): p95 latency < 100 ms and zero errors.

Dashboard: Debian's Chromium (Playwright), a fresh profile (empty cache), from `page.goto`
to the map coloured and the event points drawn (wall clock, Playwright's own overhead
included), and by the page's clock (navigation start to the `signalfire-events-drawn`
performance mark); the total transfer size from the Resource Timing API. Target: < 1.5 s.

Results: printed, and written to benchmarks/out/api_load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import signalfire
from signalfire import settings
from signalfire.forecasting import ForecastRequest, make_forecast, save_forecast
from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import launch

OUT = Path(__file__).parent / "out"


def build_store(path: Path) -> None:
    data = settings.data_dir()
    if data is None:
        sys.exit("no shared reference data found: pass --db STORE")
    with signalfire.open(path) as store:
        for relative, level in DEFAULT_BOUNDARIES:
            load_regions(store, data / relative, level)
        signalfire.ingest(store, "ucdp-ged", data / "ucdp" / "ged221_pak_1989-2019.csv")
        for level in ("adm1", "adm2"):
            request = ForecastRequest(
                level=level, model="conflictology", draws=1000, horizon=6, countries=("PAK",)
            )
            save_forecast(store, request, make_forecast(store, request))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    db: Path, port: int, cache: bool, tree: Path | None = None
) -> subprocess.Popen[bytes]:
    # `tree`: a folder holding another signalfire/ (e.g. `git archive OLD signalfire`), served
    # instead of the installed one (the editable install's import hook is removed first).
    prelude = (
        "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in str(f)]; "
        f"sys.path.insert(0, {str(tree.resolve())!r}); "
        if tree
        else ""
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys; {prelude}from signalfire.cli import main; main(sys.argv[1:])",
            *("serve", "--db", str(db), "--port", str(port)),
            *(() if cache else ("--no-cache",)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            if process.poll() is not None:
                message = process.stderr.read().decode() if process.stderr else "died"
                raise RuntimeError(message) from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start within 60 s")


# --- the request mix -------------------------------------------------------------------------


def request_mix(db: Path) -> tuple[list[str], list[str]]:
    """Event and forecast URLs drawn from the store's own ids (so every one answers 200)."""
    with signalfire.open(db, read_only=True) as store:
        provinces = store.query(
            "SELECT region_id FROM regions WHERE level = 'adm1' AND iso3 = 'PAK'"
        )["region_id"].tolist()
        runs = store.query("SELECT run_id, level FROM forecast_runs ORDER BY run_id")
        periods = store.query("SELECT DISTINCT period FROM forecast_values ORDER BY period")[
            "period"
        ].tolist()
        districts = store.query(
            "SELECT DISTINCT region_id FROM forecast_values v JOIN forecast_runs r USING (run_id)"
            " WHERE r.level = 'adm2'"
        )["region_id"].tolist()
        total = int(store.query("SELECT count(*) FROM events").iloc[0, 0])
    rng = random.Random(0)
    events = []
    for _ in range(200):
        kind = rng.random()
        if kind < 0.4:
            events.append(f"/api/events?limit=100&offset={rng.randrange(0, max(1, total - 100))}")
        elif kind < 0.6:
            events.append(f"/api/events?adm1={rng.choice(provinces)}&limit=100&order=desc")
        elif kind < 0.8:
            year = rng.randrange(2005, 2020)
            events.append(f"/api/events?since={year}-01-01&until={year}-06-30&limit=50")
        elif kind < 0.95:
            events.append("/api/events?actor=TTP&limit=100&offset=" + str(rng.randrange(0, 500)))
        else:
            events.append(f"/api/events?adm1={rng.choice(provinces)}&since=2018-01-01&format=csv")
    forecasts = []
    levels = sorted(set(runs["level"]))
    for _ in range(200):
        kind = rng.random()
        if kind < 0.3:
            forecasts.append(f"/api/forecasts/latest?level={rng.choice(levels)}")
        elif kind < 0.7:
            forecasts.append(
                f"/api/forecasts/latest?level={rng.choice(levels)}&period={rng.choice(periods)}"
            )
        else:
            forecasts.append(f"/api/regions/{rng.choice(districts)}/summary")
    return events, forecasts


# --- the load generator ----------------------------------------------------------------------


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str
) -> tuple[int, int]:
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    body = await reader.readexactly(length)
    return status, len(body)


async def _client(
    port: int,
    urls: list[tuple[str, str]],
    stop_at: float,
    seed: int,
    results: list[tuple[str, float, int]],
    errors: list[str],
) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < stop_at:
            family, path = rng.choice(urls)
            started = time.perf_counter()
            try:
                status, _ = await _request(reader, writer, path)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(f"{path}: {type(exc).__name__}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            elapsed = time.perf_counter() - started
            results.append((family, elapsed, status))
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
    finally:
        writer.close()


async def _prime(port: int, paths: list[str]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for path in paths:
            status, _ = await _request(reader, writer, path)
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status} while warming up")
    finally:
        writer.close()


async def load(
    port: int,
    events: list[str],
    forecasts: list[str],
    clients: int,
    seconds: float,
    warm_up: bool = True,
) -> dict[str, Any]:
    urls = [("events", u) for u in events] + [("forecasts", u) for u in forecasts]
    results: list[tuple[str, float, int]] = []
    errors: list[str] = []
    # Warm up: every URL once (the server's first calls pay for imports, and with the
    # response cache on, the measured window is its steady state; --no-cache measures misses).
    if warm_up:
        await asyncio.gather(*(_prime(port, [u for _, u in urls[i::4]]) for i in range(4)))
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(
        *(_client(port, urls, stop_at, i, results, errors) for i in range(clients))
    )
    wall = time.perf_counter() - started

    def summary(latencies: list[float]) -> dict[str, float]:
        ordered = sorted(latencies)
        if not ordered:
            return {}

        def pct(p: float) -> float:
            return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

        return {
            "requests": len(ordered),
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "max_ms": round(1000 * ordered[-1], 1),
            "mean_ms": round(1000 * statistics.fmean(ordered), 1),
        }

    by_family = {
        family: summary([r[1] for r in results if r[0] == family])
        for family in ("events", "forecasts")
    }
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(results),
        "requests_per_s": round(len(results) / wall, 1),
        "errors": len(errors),
        "error_samples": errors[:5],
        "all": summary([r[1] for r in results]),
        **by_family,
    }


# --- the dashboard's first load --------------------------------------------------------------


def dashboard_first_load(url: str, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    timings: list[float] = []
    page_ms: list[float] = []  # navigation start to the events drawn, by the page's own clock
    transfer: list[int] = []
    decoded: list[int] = []
    with sync_playwright() as driver:
        browser = launch(driver)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1366, "height": 820})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-map-ready]", timeout=30_000)
            page.wait_for_selector("path[data-event-id]", timeout=30_000)
            timings.append(time.perf_counter() - started)
            page_ms.append(
                page.evaluate(
                    "() => performance.getEntriesByName('signalfire-events-drawn')[0].startTime"
                )
            )
            sizes = page.evaluate(
                """() => {
                  const all = [...performance.getEntriesByType('navigation'),
                               ...performance.getEntriesByType('resource')];
                  return [all.reduce((s, e) => s + e.transferSize, 0),
                          all.reduce((s, e) => s + e.decodedBodySize, 0), all.length];
                }"""
            )
            transfer.append(int(sizes[0]))
            decoded.append(int(sizes[1]))
            context.close()
        browser.close()
    return {
        "runs": runs,
        "first_load_s": [round(t, 3) for t in timings],
        "median_s": round(statistics.median(timings), 3),
        "page_clock_s": [round(t / 1000, 3) for t in page_ms],
        "page_clock_median_s": round(statistics.median(page_ms) / 1000, 3),
        "max_s": round(max(timings), 3),
        "transfer_bytes": transfer[0],
        "decoded_bytes": decoded[0],
        "requests": int(sizes[2]),
    }


def run_async(coroutine: Any) -> Any:
    """uvloop when installed (a cheaper client leaves more of the CPU to the server)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: build one)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-cache", action="store_true", help="serve with the response cache off")
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="start measuring at once: every URL's first request (a cache miss) is counted",
    )
    parser.add_argument(
        "--server-tree",
        type=Path,
        help="serve with the signalfire/ in this folder (an older checkout, for before/after)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "bench.duckdb"
            started = time.perf_counter()
            build_store(db)
            print(f"store built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        events, forecasts = request_mix(db)
        port = free_port()
        server = start_server(db, port, cache=not args.no_cache, tree=args.server_tree)
        try:
            result: dict[str, Any] = {
                "response_cache": not args.no_cache,
                "warm_up": not args.no_warm_up,
                "server_tree": str(args.server_tree or "installed"),
                "load_average_before": [round(x, 1) for x in os.getloadavg()],
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
                f"Python {platform.python_version()}",
                "load": run_async(
                    load(
                        port,
                        events,
                        forecasts,
                        args.clients,
                        args.seconds,
                        warm_up=not args.no_warm_up,
                    )
                ),
            }
            if not args.no_browser:
                result["dashboard"] = dashboard_first_load(
                    f"http://127.0.0.1:{port}/", args.browser_runs
                )
        finally:
            server.terminate()
            server.wait(timeout=20)
    result["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    OUT.mkdir(exist_ok=True)
    (OUT / "api_load.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
