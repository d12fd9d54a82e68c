"""Ingest throughput and memory on a large synthetic UCDP GED file.

    python benchmarks/ingest.py                         # 1,000,000 rows
    python benchmarks/ingest.py --rows 250000 1000000   # how time and memory scale
    python benchmarks/ingest.py --rows 200000 --skip-read-csv --cprofile ingest.pstats

For each size this writes a GED-shaped CSV (all 50 columns of UCDP GED v22.1 in their order and
formats) into a temporary folder (or --workdir), then runs, each in a fresh Python process so that
peak memory is measured apart:

  read_csv  pandas.read_csv(path) with default options: the reference;
  ingest    signalfire.ingest.ingest(store, "ucdp-ged", path) into a new store that holds the
            shared boundaries (DEFAULT_BOUNDARIES, loaded before the clock starts).

It reports wall and CPU time, rows/s, peak RSS (VmHWM of the child; ru_maxrss is recorded too),
the load average around each step and ingest/read_csv time, checks them against the targets
(ingest within 2x read_csv's time, peak RSS < 1 GiB), prints a table and writes JSON (--out),
which also holds RSS after every ingest batch. --repeat N runs each step N times and keeps the
fastest; --quiet-load waits for a quiet machine before each step.

The synthetic rows (`synthetic_ged.generate`) are drawn from the real GED file, each with a new
id, date and jittered point; see that module.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from synthetic_ged import generate

TEMPLATE_NAME = "ucdp/ged221_pak_1989-2019.csv"
TARGET_RATIO = 2.0
TARGET_PEAK_MIB = 1024.0


# --- measuring -------------------------------------------------------------------------------


def _proc_status_mib(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB.

    VmHWM from /proc: the high-water mark of this process image only. getrusage's ru_maxrss
    (also recorded) survives fork and exec on Linux, so in a child it can report the parent's
    size instead; the parent here stays small (the CSV is generated in a child too), so the two
    agree, but VmHWM is the figure reported.
    """
    return _proc_status_mib("VmHWM")


def ru_maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mib() -> float:
    return _proc_status_mib("VmRSS")


def cpu_seconds() -> float:
    """User + system CPU time of this process, all its threads (DuckDB runs several)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- the two measured steps, each run in its own process -------------------------------------


def child_read_csv(csv_path: Path) -> dict[str, Any]:
    import pandas as pd

    baseline = peak_rss_mib()
    load = os.getloadavg()[0]
    cpu = cpu_seconds()
    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    seconds = time.perf_counter() - started
    return {
        "step": "read_csv",
        "rows": len(frame),
        "columns": frame.shape[1],
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "loadavg_1min": [load, os.getloadavg()[0]],
        "rss_before_mib": baseline,
        "peak_rss_mib": peak_rss_mib(),
        "ru_maxrss_mib": ru_maxrss_mib(),
    }


def child_ingest(
    csv_path: Path, store_path: Path, batch_bytes: int | None, cprofile: Path | None
) -> dict[str, Any]:
    from signalfire import settings
    from signalfire.ingest import DEFAULT_BOUNDARIES, ingest, load_regions
    from signalfire.store import Store

    data = settings.data_dir()
    if data is None:
        raise SystemExit("no shared data folder (set SIGNALFIRE_DATA_DIR)")
    for suffix in ("", ".wal"):
        Path(str(store_path) + suffix).unlink(missing_ok=True)
    store = Store(store_path)
    started = time.perf_counter()
    for relative, level in DEFAULT_BOUNDARIES:
        load_regions(store, data / relative, level)
    regions_seconds = time.perf_counter() - started
    baseline = peak_rss_mib()
    trace: list[tuple[int, float, float]] = []

    def on_chunk(rows_so_far: int) -> None:
        trace.append(
            (rows_so_far, round(time.perf_counter() - started, 2), round(current_rss_mib(), 1))
        )

    profiler = None
    if cprofile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    load = os.getloadavg()[0]
    cpu = cpu_seconds()
    started = time.perf_counter()
    report = ingest(store, "ucdp-ged", csv_path, batch_bytes=batch_bytes, on_chunk=on_chunk)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    load_after = os.getloadavg()[0]
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(cprofile))
    rss_after = current_rss_mib()
    stored = int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])
    store.close()
    return {
        "step": "ingest",
        "rows": report.rows_read,
        "rows_stored": report.rows_stored,
        "rows_quarantined": report.rows_quarantined,
        "events_in_store": stored,
        "location_methods": report.location_methods,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "loadavg_1min": [load, load_after],
        "regions_seconds": regions_seconds,
        "rss_before_mib": baseline,
        "rss_after_mib": rss_after,
        "peak_rss_mib": peak_rss_mib(),
        "ru_maxrss_mib": ru_maxrss_mib(),
        "store_bytes": store_path.stat().st_size,
        "signalfire": signalfire_version(),
        "rss_by_batch": trace,  # (rows read so far, seconds since start, RSS MiB) per batch
    }


def repeated(args: list[str], times: int) -> dict[str, Any]:
    """Run a step `times` times: the fastest run's figures (the one least disturbed by other
    work on the machine), with the largest peak RSS of all runs and every run's time."""
    runs = [run_child(args) for _ in range(max(1, times))]
    result = dict(min(runs, key=lambda r: r["seconds"]))
    result["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    result["all_seconds"] = [r["seconds"] for r in runs]
    result["all_cpu_seconds"] = [r["cpu_seconds"] for r in runs]
    result["all_peak_rss_mib"] = [r["peak_rss_mib"] for r in runs]
    result["all_loadavg_1min"] = [r["loadavg_1min"] for r in runs]
    return result


_QUIET: tuple[float, float] | None = None  # (load average to wait for, longest wait in s)


def wait_for_quiet() -> None:
    """With --quiet-load, wait until the machine's 1-minute load average falls below it."""
    if _QUIET is None:
        return
    below, longest = _QUIET
    deadline = time.monotonic() + longest
    while os.getloadavg()[0] >= below and time.monotonic() < deadline:
        time.sleep(5)


def run_child(args: list[str]) -> dict[str, Any]:
    wait_for_quiet()
    command = [sys.executable, str(Path(__file__).resolve()), "_child", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"child {' '.join(args[:1])} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- driver -------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    mem_kib = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 1024**2, 1),
        "python": platform.python_version(),
        **{name: version(name) for name in ("duckdb", "pandas", "pyarrow", "numpy", "shapely")},
        "platform": platform.platform(),
    }


def signalfire_version() -> dict[str, Any]:
    """Which signalfire code is measured: its folder, and its git commit if it is in a checkout."""
    import signalfire

    package = Path(signalfire.__file__).resolve().parent
    root = package.parent

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *args],
                capture_output=True,
                text=True,
                check=False,
                timeout=30,
            )
        except OSError:
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "path": str(package),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain", "--", "signalfire")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        default=[1_000_000],
        help="row counts to measure, one synthetic file each (default 1000000)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="folder for the CSVs and stores (default: a temporary folder, removed afterwards)",
    )
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--data-dir", help="reference data folder (default: settings.data_dir())")
    parser.add_argument(
        "--template",
        type=Path,
        help=f"real GED CSV to draw rows from (default: DATA/{TEMPLATE_NAME})",
    )
    parser.add_argument("--seed", type=int, default=20221)
    parser.add_argument(
        "--batch-bytes", type=int, help="passed to ingest (default: the batch_bytes setting)"
    )
    parser.add_argument(
        "--cprofile",
        type=Path,
        help="profile the ingest (of the last --rows) with cProfile into this "
        "file; its timing then includes the profiler's overhead",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each step this many times (fresh processes); the table shows "
        "the fastest time and the largest peak",
    )
    parser.add_argument(
        "--quiet-load",
        type=float,
        metavar="LOAD",
        help="before each measured step, wait (at most --quiet-wait s) until the "
        "1-minute load average is below LOAD, e.g. the number of cores",
    )
    parser.add_argument("--quiet-wait", type=float, default=600.0)
    parser.add_argument("--skip-read-csv", action="store_true", help="measure the ingest only")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)
    global _QUIET
    if args.quiet_load is not None:
        _QUIET = (args.quiet_load, args.quiet_wait)

    from signalfire import settings

    data = settings.data_dir(args.data_dir)
    if data is None:
        parser.error("no reference data folder: pass --data-dir or set SIGNALFIRE_DATA_DIR")
    if args.data_dir:
        os.environ["SIGNALFIRE_DATA_DIR"] = str(Path(args.data_dir).resolve())
    template = args.template or data / TEMPLATE_NAME
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="signalfire-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "benchmark": "ingest",
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "targets": {"ingest_over_read_csv_max": TARGET_RATIO, "peak_rss_mib_max": TARGET_PEAK_MIB},
        "runs": [],
    }
    try:
        for index, rows in enumerate(args.rows):
            csv_path = workdir / f"ged_synthetic_{rows}.csv"
            print(f"[{rows:,} rows] generating {csv_path} ...", file=sys.stderr, flush=True)
            generated = run_child(
                [
                    "generate",
                    str(csv_path),
                    "--rows",
                    str(rows),
                    "--seed",
                    str(args.seed),
                    "--template",
                    str(template),
                ]
            )
            run: dict[str, Any] = {"rows": rows, "file": generated}
            if not args.skip_read_csv:
                print(f"[{rows:,} rows] pandas.read_csv ...", file=sys.stderr, flush=True)
                run["read_csv"] = repeated(["read_csv", str(csv_path)], args.repeat)
            print(f"[{rows:,} rows] signalfire ingest ...", file=sys.stderr, flush=True)
            child = ["ingest", str(csv_path), str(workdir / f"store_{rows}.duckdb")]
            if args.batch_bytes:
                child += ["--batch-bytes", str(args.batch_bytes)]
            run["ingest"] = repeated(child, args.repeat)
            if args.cprofile and index == len(args.rows) - 1:
                print(
                    f"[{rows:,} rows] signalfire ingest under cProfile ...",
                    file=sys.stderr,
                    flush=True,
                )
                profiled = run_child([*child, "--cprofile", str(args.cprofile.resolve())])
                run["ingest_cprofile_seconds"] = profiled["seconds"]
            for step in ("read_csv", "ingest"):
                if step in run:
                    run[step]["rows_per_second"] = run[step]["rows"] / run[step]["seconds"]
            if "read_csv" in run:
                ratio = run["ingest"]["seconds"] / run["read_csv"]["seconds"]
                run["ingest_over_read_csv"] = ratio
                run["ratio_target_met"] = ratio <= TARGET_RATIO
            run["memory_target_met"] = run["ingest"]["peak_rss_mib"] < TARGET_PEAK_MIB
            results["runs"].append(run)
            if not args.keep:
                csv_path.unlink(missing_ok=True)
                for suffix in ("", ".wal"):
                    Path(f"{workdir / f'store_{rows}.duckdb'}{suffix}").unlink(missing_ok=True)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print_table(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
        print(f"results written to {args.out}")
    return 0


def print_table(results: dict[str, Any]) -> None:
    header = (
        "rows",
        "file MB",
        "step",
        "wall s",
        "CPU s",
        "rows/s",
        "peak RSS MiB",
        "ingest/read_csv",
        "load",
        "targets",
    )
    lines = [header]
    for run in results["runs"]:
        for step in ("read_csv", "ingest"):
            if step not in run:
                continue
            r = run[step]
            ratio = targets = ""
            if step == "ingest":
                if "ingest_over_read_csv" in run:
                    ratio = f"{run['ingest_over_read_csv']:.2f}x"
                    targets = "time " + ("met" if run["ratio_target_met"] else "MISSED") + ", "
                targets += "memory " + ("met" if run["memory_target_met"] else "MISSED")
            lines.append(
                (
                    f"{run['rows']:,}",
                    f"{run['file']['bytes'] / 1e6:.0f}",
                    step,
                    f"{r['seconds']:.1f}",
                    f"{r['cpu_seconds']:.1f}",
                    f"{r['rows_per_second']:,.0f}",
                    f"{r['peak_rss_mib']:,.0f}",
                    ratio,
                    f"{max(r['loadavg_1min']):.1f}",
                    targets,
                )
            )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    m = results["machine"]
    print(
        f"\n{m['nproc']} cores, {m['ram_gib']} GiB, Python {m['python']}, duckdb {m['duckdb']}, "
        f"pandas {m['pandas']}, pyarrow {m['pyarrow']}; targets: ingest <= "
        f"{TARGET_RATIO:g}x read_csv, peak RSS < {TARGET_PEAK_MIB:,.0f} MiB"
    )
    versions = {
        (v["path"], v["commit"], v["uncommitted_changes"])
        for v in (run["ingest"]["signalfire"] for run in results["runs"])
    }
    for path, commit, dirty in sorted(versions):
        print(
            f"signalfire measured: {path} at {commit or 'unknown commit'}"
            + (" with uncommitted changes" if dirty else "")
        )
    print(
        "wall s: fastest of --repeat runs; CPU s: user+system of that run, all threads; load: "
        "1-minute load average at its start or end (above the core count, other work on the "
        "machine slowed it)"
    )


def child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("generate", "read_csv", "ingest"))
    parser.add_argument("csv", type=Path)
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("--batch-bytes", type=int)
    parser.add_argument("--cprofile", type=Path)
    parser.add_argument("--rows", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--template", type=Path)
    args = parser.parse_args(argv)
    if args.step == "generate":
        result = generate(args.template, args.csv, args.rows, args.seed)
    elif args.step == "read_csv":
        result = child_read_csv(args.csv)
    else:
        result = child_ingest(args.csv, args.store, args.batch_bytes, args.cprofile)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        sys.exit(child_main(sys.argv[2:]))
    sys.exit(main())
