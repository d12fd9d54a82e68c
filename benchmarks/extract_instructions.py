"""Instructions the extractor executes on the distinct-article pass, counted by valgrind.

Timings on a shared machine move by a third from minute to minute; instruction counts do not,
so speed changes of a few percent can be compared with them. Two runs under valgrind's
callgrind: the model load and warm-up alone, then the same plus the pass over the 69 distinct
500-word articles of `extract_eval.py --throughput --distinct`; the difference is the pass.

    python benchmarks/extract_instructions.py            # needs valgrind; ~3 minutes
    python benchmarks/extract_instructions.py --inner 1  # the workload itself (what is counted)

Both runs read the gazetteer from its cache, which is filled first: the cache is keyed by the
inputs' paths and modification times, so a fresh checkout builds it once, and that build
(1.45 G instructions) would otherwise be counted in the first run only (as model load, and taken
off the pass). The hash seed is 0 unless PYTHONHASHSEED is set, so that runs compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def workload(with_pass: bool) -> None:
    from extract_throughput import articles as throughput_articles

    from signalfire import settings
    from signalfire.extract import Document, Extractor

    articles = throughput_articles(settings.data_dir(), distinct=True)
    extractor = Extractor()
    warm_up = [Document("w", "Two soldiers were killed in Kandahar on Monday.", None)]
    list(extractor.extract_many(warm_up))
    if with_pass:
        docs = [Document(f"a{k}", t, dt.date(2011, 5, 24)) for k, t in enumerate(articles)]
        list(extractor.extract_many(docs))


def count(with_pass: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={tmp}/callgrind.out",
                sys.executable,
                __file__,
                "--inner",
                "1" if with_pass else "0",
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")},
        )
    found = re.search(r"Collected\s*:\s*([\d,]+)", out.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inner", choices=["0", "1"], help="run the workload (1: with the pass)")
    args = ap.parse_args()
    if args.inner is not None:
        workload(args.inner == "1")
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    from signalfire.extract.gazetteer import load_gazetteer

    load_gazetteer()  # (builds and caches it if this checkout has not yet: see above)
    base, full = count(False), count(True)
    print(
        json.dumps(
            {
                "instructions_load_and_warm_up": base,
                "instructions_with_pass": full,
                "instructions_pass": full - base,
                "articles": 69,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
