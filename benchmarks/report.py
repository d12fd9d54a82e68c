"""Situation report: how long one brief takes, end to end, as a user runs it.

    python benchmarks/report.py                    # 3 runs of `signalfire report` for 2019-12
    python benchmarks/report.py --runs 1 --as-of 2015-06
    python benchmarks/report.py --db my.duckdb     # an existing store
    python benchmarks/report.py --thumbnail docs/brief-2019-12-p1.png   # also the README image

Without --db it builds a store from the shared reference data (boundaries of Afghanistan and
Pakistan, GED Pakistan 1989-2019), with no stored forecast: the brief fits its own
(conflictology, 1000 draws, 3 months), which is the slowest path.

Each run is `signalfire report --as-of ... --out brief.pdf` (then `.html`) in a fresh process,
so interpreter start-up and imports count. Wall time and the child's CPU time (user + system)
are recorded; on a shared machine wall time depends on the load average, printed beside it.
The stages (compute, HTML with its charts, PDF) are then timed once in this process.
Target (issue 8): a brief in under 20 seconds.

Results: printed, and written to benchmarks/out/report.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import signalfire  # noqa: E402
from signalfire import settings  # noqa: E402
from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions  # noqa: E402

GED = "ucdp/ged221_pak_1989-2019.csv"


def build_store(path: Path) -> None:
    data = settings.data_dir()
    if data is None or not (data / GED).is_file():
        sys.exit("the shared reference data (../shared/data) is not beside the project")
    with signalfire.open(path) as store:
        for relative, level in DEFAULT_BOUNDARIES:
            load_regions(store, data / relative, level)
        signalfire.ingest(store, "ucdp-ged", data / GED)


def timed_cli(args: list[str]) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # The console script a user runs (installed beside this interpreter by `pip install -e .`).
    command = Path(sys.executable).parent / "signalfire"
    subprocess.run([str(command), *args], check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "load_avg": os.getloadavg()[0]}


def stages(db: Path, as_of: str, out: Path) -> dict[str, float]:
    from signalfire.report import BriefRequest, compute_brief
    from signalfire.report.document import brief_html, font_faces, write_pdf

    with signalfire.open(db, read_only=True) as store:
        started = time.perf_counter()
        brief = compute_brief(store, BriefRequest(as_of=as_of))
        computed = time.perf_counter()
    page = brief_html(brief, font_faces=font_faces())
    drawn = time.perf_counter()
    write_pdf(page, out / "stages.pdf")
    done = time.perf_counter()
    return {
        "compute_s": round(computed - started, 2),
        "html_and_charts_s": round(drawn - computed, 2),
        "pdf_s": round(done - drawn, 2),
    }


def thumbnail(pdf: Path, target: Path) -> None:
    """The first page as a small PNG for the README (pdftoppm, 50 dpi)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm (poppler-utils) is needed for --thumbnail")
    target.parent.mkdir(parents=True, exist_ok=True)
    stem = target.with_suffix("")
    subprocess.run(
        [pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    print(f"{target}: {target.stat().st_size / 1024:.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--as-of", default="2019-12")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--thumbnail", type=Path)
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "report.duckdb"
            build_store(db)
        runs = []
        for _ in range(args.runs):
            for suffix in ("pdf", "html"):
                target = out / f"brief-{args.as_of}.{suffix}"
                cli = ["report", "--db", str(db), "--as-of", args.as_of, "--out", str(target)]
                result = {"format": suffix, **timed_cli(cli), "bytes": 0}
                result["bytes"] = target.stat().st_size
                runs.append(result)
                print(json.dumps(result))
        stage_times = stages(db, args.as_of, out)
        print(json.dumps(stage_times))
        if args.thumbnail:
            thumbnail(out / f"brief-{args.as_of}.pdf", args.thumbnail)
    pages = subprocess.run(
        ["pdfinfo", str(out / f"brief-{args.as_of}.pdf")], capture_output=True, text=True
    ).stdout
    n_pages = next((int(x.split()[-1]) for x in pages.splitlines() if x.startswith("Pages")), 0)
    result = {"as_of": args.as_of, "runs": runs, "stages": stage_times, "pdf_pages": n_pages}
    (out / "report.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"PDF pages: {n_pages}")


if __name__ == "__main__":
    main()
