"""Ingest throughput and memory on a large synthetic UCDP GED file.

    python benchmarks/ingest.py                         # 1,000,000 rows
    python benchmarks/ingest.py --rows 250000 1000000   # how time and memory scale
    python benchmarks/ingest.py --rows 200000 --cprofile ingest.pstats   # where time goes

For each size this writes a GED-shaped CSV (all 50 columns of UCDP GED v22.1 in their order and
formats) into a temporary folder (or --workdir), then runs, each in a fresh Python process so that
peak memory is measured apart:

  read_csv  pandas.read_csv(path) with default options: the reference;
  ingest    signalfire.ingest.ingest(store, "ucdp-ged", path) into a new store that holds the
            shared boundaries (DEFAULT_BOUNDARIES, loaded before the clock starts).

It reports wall time, rows/s, peak RSS (getrusage ru_maxrss of the child) and ingest/read_csv
time, checks them against the targets (ingest within 2x read_csv's time, peak RSS < 1 GiB),
prints a table and writes JSON (--out).

The synthetic rows are drawn from the real GED file (data_dir()/ucdp/ged221_pak_1989-2019.csv,
read at run time, never copied): each row takes a real event as its template (conflict, dyad,
actors, place names, deaths, source text with its commas, quotes and newlines) and gets a new
unique id and relid, a new date in the template's year (keeping its start..end span and
date_prec), and coordinates jittered by up to 0.01 degrees around the template's point (inside
Pakistan), with geom_wkt matching them.
"""

from __future__ import annotations

import argparse
import csv
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

GED_COLUMNS = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
    "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
    "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
    "source_date,source_headline,source_original,where_prec,where_coordinates,"
    "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,iso3,"
    "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
    "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob"
).split(",")
TEMPLATE_NAME = "ucdp/ged221_pak_1989-2019.csv"
TARGET_RATIO = 2.0
TARGET_PEAK_MIB = 1024.0
_CHUNK_ROWS = 100_000


# --- measuring -------------------------------------------------------------------------------


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- the synthetic file ----------------------------------------------------------------------


def _fmt_coord(values: Any) -> Any:
    import numpy as np

    return np.char.mod("%.6f", values)


def _wkt_number(text: Any) -> Any:
    """'34.570000' -> '34.57' (GED's geom_wkt has no trailing zeros)."""
    return text.str.rstrip("0").str.rstrip(".")


def generate(template: Path, path: Path, rows: int, seed: int = 20221) -> dict[str, Any]:
    """Write `rows` synthetic GED events to `path`; returns a few facts about what was written."""
    import numpy as np
    import pandas as pd

    real = pd.read_csv(template, dtype=str, keep_default_na=False)
    if list(real.columns) != GED_COLUMNS:
        raise SystemExit(f"{template}: not the 50-column GED layout this benchmark expects")
    rng = np.random.default_rng(seed)
    start = pd.to_datetime(real["date_start"].str.slice(0, 10))
    span = (pd.to_datetime(real["date_end"].str.slice(0, 10)) - start).dt.days.to_numpy()
    real_year = start.dt.year.to_numpy()
    real_lat = real["latitude"].astype(float).to_numpy()
    real_lon = real["longitude"].astype(float).to_numpy()
    relid_prefix = real["relid"].str.split("-").str[0].to_numpy(dtype=object)
    # Unique ids, in no particular order (like the real file), from GED's id range upwards.
    ids = rng.permutation(rows) + 1
    started = time.perf_counter()
    with_newline = with_comma = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(GED_COLUMNS) + "\r\n")
        for first in range(0, rows, _CHUNK_ROWS):
            n = min(_CHUNK_ROWS, rows - first)
            pick = rng.integers(0, len(real), n)
            chunk = real.iloc[pick].reset_index(drop=True)
            year = real_year[pick]
            day = rng.integers(0, 365, n)
            begin = (pd.to_datetime(year.astype(str), format="%Y")
                     + pd.to_timedelta(day, unit="D"))
            end = begin + pd.to_timedelta(span[pick], unit="D")
            chunk["id"] = ids[first : first + n].astype(str)
            chunk["year"] = begin.year.astype(str)
            chunk["relid"] = (
                relid_prefix[pick] + "-" + chunk["year"] + "-" + chunk["type_of_violence"] + "-"
                + chunk["dyad_new_id"] + "-" + chunk["id"]
            )
            chunk["date_start"] = begin.strftime("%Y-%m-%d 00:00:00.000")
            chunk["date_end"] = end.strftime("%Y-%m-%d 00:00:00.000")
            lat = real_lat[pick] + rng.uniform(-0.01, 0.01, n)
            lon = real_lon[pick] + rng.uniform(-0.01, 0.01, n)
            chunk["latitude"] = _fmt_coord(lat)
            chunk["longitude"] = _fmt_coord(lon)
            chunk["geom_wkt"] = (
                "POINT (" + _wkt_number(chunk["longitude"]) + " "
                + _wkt_number(chunk["latitude"]) + ")"
            )
            text = chunk["source_article"] + chunk["source_headline"]
            with_newline += int(text.str.contains("\n", regex=False).sum())
            with_comma += int(text.str.contains(",", regex=False).sum())
            chunk.to_csv(out, header=False, index=False, lineterminator="\r\n",
                         quoting=csv.QUOTE_MINIMAL)
    return {
        "rows": rows,
        "bytes": path.stat().st_size,
        "rows_with_newline_in_source_text": with_newline,
        "rows_with_comma_in_source_text": with_comma,
        "seconds": round(time.perf_counter() - started, 2),
        "seed": seed,
    }


# --- the two measured steps, each run in its own process -------------------------------------


def child_read_csv(csv_path: Path) -> dict[str, Any]:
    import pandas as pd

    baseline = peak_rss_mib()
    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    seconds = time.perf_counter() - started
    return {
        "step": "read_csv",
        "rows": len(frame),
        "columns": frame.shape[1],
        "seconds": seconds,
        "rss_before_mib": baseline,
        "peak_rss_mib": peak_rss_mib(),
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
        trace.append((rows_so_far, round(time.perf_counter() - started, 2),
                      round(current_rss_mib(), 1)))

    profiler = None
    if cprofile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    report = ingest(store, "ucdp-ged", csv_path, batch_bytes=batch_bytes, on_chunk=on_chunk)
    seconds = time.perf_counter() - started
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(cprofile))
    rss_after = current_rss_mib()
    stored = store.counts()["events"]
    store.close()
    return {
        "step": "ingest",
        "rows": report.rows_read,
        "rows_stored": report.rows_stored,
        "rows_quarantined": report.rows_quarantined,
        "events_in_store": stored,
        "location_methods": report.location_methods,
        "seconds": seconds,
        "regions_seconds": regions_seconds,
        "rss_before_mib": baseline,
        "rss_after_mib": rss_after,
        "peak_rss_mib": peak_rss_mib(),
        "store_bytes": store_path.stat().st_size,
        "rss_by_batch": trace,  # (rows read so far, seconds since start, RSS MiB) per batch
    }


def run_child(args: list[str]) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "_child", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"child {' '.join(args[:1])} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- driver -------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import duckdb
    import numpy
    import pandas
    import pyarrow

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
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "pyarrow": pyarrow.__version__,
        "numpy": numpy.__version__,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000],
                        help="row counts to measure, one synthetic file each (default 1000000)")
    parser.add_argument("--workdir", type=Path, help="folder for the CSVs and stores "
                        "(default: a temporary folder, removed afterwards)")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--data-dir", help="reference data folder (default: settings.data_dir())")
    parser.add_argument("--template", type=Path,
                        help=f"real GED CSV to draw rows from (default: DATA/{TEMPLATE_NAME})")
    parser.add_argument("--seed", type=int, default=20221)
    parser.add_argument("--batch-bytes", type=int,
                        help="passed to ingest (default: the batch_bytes setting)")
    parser.add_argument("--cprofile", type=Path,
                        help="profile the ingest (of the last --rows) with cProfile into this "
                        "file; its timing then includes the profiler's overhead")
    parser.add_argument("--skip-read-csv", action="store_true",
                        help="measure the ingest only")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)

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
            generated = generate(template, csv_path, rows, args.seed)
            run: dict[str, Any] = {"rows": rows, "file": generated}
            if not args.skip_read_csv:
                print(f"[{rows:,} rows] pandas.read_csv ...", file=sys.stderr, flush=True)
                run["read_csv"] = run_child(["read_csv", str(csv_path)])
            print(f"[{rows:,} rows] signalfire ingest ...", file=sys.stderr, flush=True)
            child = ["ingest", str(csv_path), str(workdir / f"store_{rows}.duckdb")]
            if args.batch_bytes:
                child += ["--batch-bytes", str(args.batch_bytes)]
            if args.cprofile and index == len(args.rows) - 1:
                child += ["--cprofile", str(args.cprofile.resolve())]
            run["ingest"] = run_child(child)
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
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print_table(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
        print(f"results written to {args.out}")
    return 0


def print_table(results: dict[str, Any]) -> None:
    header = ("rows", "file MB", "step", "wall s", "rows/s", "peak RSS MiB", "ingest/read_csv",
              "targets")
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
            lines.append((
                f"{run['rows']:,}", f"{run['file']['bytes'] / 1e6:.0f}", step,
                f"{r['seconds']:.1f}", f"{r['rows_per_second']:,.0f}",
                f"{r['peak_rss_mib']:,.0f}", ratio, targets,
            ))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    m = results["machine"]
    print(f"\n{m['nproc']} cores, {m['ram_gib']} GiB, Python {m['python']}, duckdb {m['duckdb']}, "
          f"pandas {m['pandas']}, pyarrow {m['pyarrow']}; targets: ingest <= "
          f"{TARGET_RATIO:g}x read_csv, peak RSS < {TARGET_PEAK_MIB:,.0f} MiB")


def child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("read_csv", "ingest"))
    parser.add_argument("csv", type=Path)
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("--batch-bytes", type=int)
    parser.add_argument("--cprofile", type=Path)
    args = parser.parse_args(argv)
    if args.step == "read_csv":
        result = child_read_csv(args.csv)
    else:
        result = child_ingest(args.csv, args.store, args.batch_bytes, args.cprofile)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        sys.exit(child_main(sys.argv[2:]))
    sys.exit(main())
