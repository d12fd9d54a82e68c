"""Where one ingest spends its time and memory: per pipeline stage and per SQL statement.

    python benchmarks/ingest.py --rows 1000000 --workdir /tmp/bench --keep   # makes the CSV
    python benchmarks/ingest_stages.py /tmp/bench/ged_synthetic_1000000.csv

A diagnostic, not a benchmark: it wraps signalfire.ingest's internal functions (by name, so it
follows their current names) and the store's connection with timers, runs one ingest into a new
store holding the shared boundaries, and prints, per stage, the seconds spent (inclusive: a
stage's time contains the SQL and helpers it calls), the share of the whole ingest, and how much
the stage raised the process's peak RSS (VmHWM). The wrappers cost well under 1% of the time.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

_SECONDS: dict[str, float] = defaultdict(float)
_CALLS: dict[str, int] = defaultdict(int)
_PEAK_RAISE: dict[str, float] = defaultdict(float)


def _status_mib(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _record(name: str, started: float, peak_before: float) -> None:
    _SECONDS[name] += time.perf_counter() - started
    _CALLS[name] += 1
    _PEAK_RAISE[name] += _status_mib("VmHWM") - peak_before


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started, peak = time.perf_counter(), _status_mib("VmHWM")
        try:
            return function(*args, **kwargs)
        finally:
            _record(name, started, peak)

    return wrapper


def _timed_iterator(name: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = function(*args, **kwargs)
        while True:
            started, peak = time.perf_counter(), _status_mib("VmHWM")
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                _record(name, started, peak)
            yield item

    return wrapper


class _TimedConnection:
    """Times every execute() of the store's DuckDB connection, by the statement's start."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def execute(self, sql: str, parameters: Any = None) -> Any:
        name = "SQL " + re.sub(r"\s+", " ", sql.strip())[:60]
        started, peak = time.perf_counter(), _status_mib("VmHWM")
        try:
            return self._con.execute(sql, parameters or [])
        finally:
            _record(name, started, peak)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _instrument() -> None:
    ingest_module = importlib.import_module("signalfire.ingest")
    regions = importlib.import_module("signalfire.regions")
    sources = importlib.import_module("signalfire.sources")
    wrapped = {
        "sha256_file": "sha256 of the file",
        "_stage_events": "_stage_events (assign + row hash + INSERT into staging)",
        "_merge_events": "_merge_events (staging -> events)",
        "_row_hash": "_row_hash",
    }
    for attribute, label in wrapped.items():
        if hasattr(ingest_module, attribute):
            setattr(ingest_module, attribute, _timed(label, getattr(ingest_module, attribute)))
    ingest_module.read_chunks = _timed_iterator(
        "read_chunks (CSV -> pandas batches)", ingest_module.read_chunks
    )
    run_class = ingest_module._Run
    run_class.drop_duplicates = _timed("_Run.drop_duplicates", run_class.drop_duplicates)
    regions.RegionIndex.assign = _timed("RegionIndex.assign", regions.RegionIndex.assign)
    adapter_class = type(sources.get_adapter("ucdp-ged"))
    adapter_class.normalize = _timed(f"{adapter_class.__name__}.normalize", adapter_class.normalize)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", type=Path, help="a GED CSV (make one with benchmarks/ingest.py)")
    parser.add_argument("--store", type=Path, help="store file to create (default: temporary)")
    parser.add_argument("--data-dir", help="reference data folder (default: settings.data_dir())")
    args = parser.parse_args()

    _instrument()
    from signalfire import settings
    from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions
    from signalfire.store import Store

    ingest_module = importlib.import_module("signalfire.ingest")
    data = settings.data_dir(args.data_dir)
    if data is None:
        parser.error("no reference data folder: pass --data-dir or set SIGNALFIRE_DATA_DIR")
    folder = None if args.store else tempfile.TemporaryDirectory(prefix="signalfire-stages-")
    store_path = args.store or Path(folder.name) / "store.duckdb"  # type: ignore[union-attr]
    for suffix in ("", ".wal"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    store = Store(store_path)
    for relative, level in DEFAULT_BOUNDARIES:
        load_regions(store, data / relative, level)
    _SECONDS.clear(), _CALLS.clear(), _PEAK_RAISE.clear()
    store.con = _TimedConnection(store.con)  # type: ignore[assignment]
    peak_before = _status_mib("VmHWM")
    started = time.perf_counter()
    report = ingest_module.ingest(store, "ucdp-ged", args.csv)
    total = time.perf_counter() - started
    store.close()
    if folder is not None:
        folder.cleanup()

    print(
        f"{report.rows_read:,} rows read, {report.rows_stored:,} stored in {total:.1f} s; "
        f"peak RSS {_status_mib('VmHWM'):,.0f} MiB (before the ingest: {peak_before:,.0f} MiB)"
    )
    print(f"{'seconds':>8} {'share':>6} {'calls':>6} {'peak +MiB':>9}  stage")
    for name, seconds in sorted(_SECONDS.items(), key=lambda item: -item[1]):
        if seconds >= 0.05 or _PEAK_RAISE[name] >= 10:
            print(
                f"{seconds:8.2f} {100 * seconds / total:5.1f}% {_CALLS[name]:6d} "
                f"{_PEAK_RAISE[name]:9.0f}  {name}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
