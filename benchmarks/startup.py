"""CLI start-up: wall time of `signalfire --help` and `-X importtime` of `signalfire.cli`.

    python benchmarks/startup.py                          # 5 runs of the working tree
    git archive c660c8d signalfire | tar -x -C /tmp/before
    python benchmarks/startup.py --baseline /tmp/before   # interleaved with an older tree

Each run is a fresh interpreter. With --baseline, the older package (a folder holding
`signalfire/`) is run right before the current one in every round, so both see the same
machine load. The editable install's import hook is removed in the child so that the folder
given is the one imported. Medians and the load average are printed and written to
benchmarks/out/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRELUDE = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in str(f)]; "
    "sys.path.insert(0, {root!r}); "
)


def _help_seconds(root: Path) -> float:
    code = PRELUDE.format(root=str(root)) + "from signalfire.cli import main; main()"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, "--help"], check=True, capture_output=True, cwd="/")
    return time.perf_counter() - started


def _import_seconds(root: Path) -> float:
    """Cumulative import time of signalfire.cli as reported by -X importtime."""
    code = PRELUDE.format(root=str(root)) + "import signalfire.cli"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd="/",
    )
    for line in done.stderr.splitlines():
        fields = [f.strip() for f in line.split("|")]
        if len(fields) == 3 and fields[2] == "signalfire.cli":
            return int(fields[1]) / 1e6
    raise RuntimeError("signalfire.cli not in the -X importtime output")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="A folder holding an older signalfire/.")
    args = parser.parse_args()
    trees = {"current": ROOT}
    if args.baseline:
        trees = {"baseline": args.baseline.resolve(), **trees}
    results: dict[str, dict[str, list[float]]] = {
        name: {"help_s": [], "import_s": []} for name in trees
    }
    load_before = os.getloadavg()[0]
    for root in trees.values():  # compile the .pyc files outside the timed runs
        _help_seconds(root)
    for _ in range(args.runs):
        for name, root in trees.items():
            results[name]["help_s"].append(_help_seconds(root))
            results[name]["import_s"].append(_import_seconds(root))
    load_after = os.getloadavg()[0]
    summary = {
        "load_average": [round(load_before, 2), round(load_after, 2)],
        "runs": args.runs,
        **{
            name: {
                **{k: [round(v, 3) for v in vs] for k, vs in figures.items()},
                **{f"{k}_median": round(statistics.median(vs), 3) for k, vs in figures.items()},
            }
            for name, figures in results.items()
        },
    }
    for name in trees:
        entry = summary[name]
        print(
            f"{name}: --help median {entry['help_s_median']:.2f} s {entry['help_s']}, "
            f"import signalfire.cli median {entry['import_s_median']:.3f} s {entry['import_s']}"
        )
    print(f"load average (1 min) {load_before:.1f} before, {load_after:.1f} after")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "startup.json").write_text(json.dumps(summary, indent=1) + "\n")


if __name__ == "__main__":
    main()
