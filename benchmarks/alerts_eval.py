"""Early-warning alerts on the shared Pakistan GED data: precision, recall, lead time, speed.

    python benchmarks/alerts_eval.py                       # prints the tables, writes JSON
    python benchmarks/alerts_eval.py --db store.duckdb     # an existing store instead

Builds a store from the shared reference data (data_dir(): boundaries, GED Pakistan 1989-2019,
the AFG/PAK country-month series), then replays 2010-01..2019-12 month by month at district
level with every detector at its default settings (each month sees only data up to it; the
forecast-threshold detector fits its model, `history`, at every month), timed: the target is
under 2 minutes. The same replay is then scored on two periods, apart:

  dev       2010-01..2014-12  the detector settings were chosen on this period only;
  held-out  2015-01..2019-12  never used to choose anything.

`--ceiling` also fits, in sample on the dev period (so: optimistic), a logistic model of "a
surge starts in this district in the next 1-3 months" on the district's own, its neighbours'
and the country's recent fatalities, and prints the precision it reaches at a given recall: a
ceiling for what any forecast of these series could add in lead time.

Scoring and the definition of a real surge: signalfire.alerts.evaluate (fixed before any
detector was tuned). Targets (issue 6), for forecast_threshold + surge combined: recall >= 0.70,
median lead time >= 1 month, precision >= 0.50; every detector is compared with the naive rule
(alert when last month > 2x the 12-month mean).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import signalfire  # noqa: E402
from signalfire import settings  # noqa: E402
from signalfire.alerts.evaluate import Replay, evaluate, replay, surge_onsets  # noqa: E402
from signalfire.alerts.history import AlertData  # noqa: E402
from signalfire.demo import load_reference_data  # noqa: E402
from signalfire.panel import neighbour_pairs  # noqa: E402

PERIODS = {"dev": ("2010-01", "2014-12"), "held-out": ("2015-01", "2019-12")}
TARGET_SECONDS = 120.0


def period_view(result: Replay, start: str, end: str) -> Replay:
    """The full replay's alerts, scored on [start, end] only."""
    return Replay(
        start, end, result.level, result.alerts, result.seconds, result.data, result.regions
    )


def _rolling(x: np.ndarray, w: int) -> np.ndarray:
    csum = np.vstack([np.zeros((1, x.shape[1])), np.cumsum(x, axis=0)])
    out = np.full(x.shape, np.nan)
    out[w - 1 :] = (csum[w:] - csum[:-w]) / w
    return out


def ceiling(store: signalfire.Store, data: AlertData, start: str, end: str) -> dict[str, float]:
    """In-sample logistic model of 'a surge starts in the next 1-3 months'; precision at recall."""
    import statsmodels.api as sm
    from sklearn.metrics import precision_recall_curve, roc_auc_score

    f, c = data.fatalities.to_numpy(float), data.counts.to_numpy(float)
    ids = list(data.fatalities.columns)
    at = {r: i for i, r in enumerate(ids)}
    months = [str(m) for m in data.months]
    starts = np.zeros(f.shape, dtype=bool)
    for region, month in surge_onsets(data.fatalities, data.counts).itertuples(index=False):
        starts[months.index(month), at[region]] = True
    soon = np.zeros_like(starts)
    for k in (1, 2, 3):
        soon[:-k] |= starts[k:]
    regions = store.regions("adm2", geometry="shapely").set_index("region_id").loc[ids]
    pairs = neighbour_pairs(regions)
    adjacency = np.zeros((len(ids), len(ids)))
    adjacency[[at[r] for r in pairs["region_id"]], [at[r] for r in pairs["neighbour_id"]]] = 1
    country = np.repeat(f.sum(axis=1, keepdims=True), len(ids), axis=1)
    features = np.stack(
        [
            np.log1p(f),
            np.log1p(_rolling(f, 3)),
            np.log1p(_rolling(f, 12)),
            np.log1p(_rolling(c, 3)),
            np.log1p(_rolling(c, 12)),
            np.log1p(_rolling(f @ adjacency.T, 3)),
            np.log1p(_rolling(country, 3)) - np.log1p(_rolling(country, 12)),
        ],
        axis=-1,
    )
    rows = [i for i, m in enumerate(months) if start <= m <= end]
    x = features[rows].reshape(-1, features.shape[-1])
    y = soon[rows].reshape(-1).astype(float)
    keep = ~np.isnan(x).any(axis=1)
    x, y = sm.add_constant(x[keep]), y[keep]
    p = sm.Logit(y, x).fit(disp=0).predict(x)
    precision, recall, _ = precision_recall_curve(y, p)
    out = {"base_rate": float(y.mean()), "auc_in_sample": float(roc_auc_score(y, p))}
    for target in (0.3, 0.5, 0.7):
        out[f"precision_at_recall_{target}"] = float(precision[recall >= target][-1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="An existing store (default: build one).")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "alerts.json")
    parser.add_argument("--ceiling", action="store_true", help="Also the in-sample ceiling.")
    args = parser.parse_args()
    limit: dict[str, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        if args.db is None:
            path = Path(tmp) / "alerts.duckdb"
            with signalfire.open(path) as store:
                load_reference_data(store, settings.data_dir())
        else:
            path = args.db
        with signalfire.open(path, read_only=True) as store:
            began = time.perf_counter()
            result = replay(store, "2010-01", "2019-12")
            seconds = time.perf_counter() - began
            if args.ceiling:
                limit = ceiling(store, result.data, *PERIODS["dev"])
    report: dict[str, object] = {
        "replay": "2010-01..2019-12",
        "level": "adm2",
        "regions": result.regions,
        "seconds": round(seconds, 1),
        "target_seconds": TARGET_SECONDS,
        "periods": {},
    }
    pd.set_option("display.width", 200)
    print(f"replay 2010-01..2019-12, {result.regions} districts: {seconds:.1f} s")
    for name, (start, end) in PERIODS.items():
        table = evaluate(period_view(result, start, end))
        report["periods"][name] = {  # type: ignore[index]
            "start": start,
            "end": end,
            "detectors": table.to_dict("records"),
        }
        print(f"\n{name} {start}..{end}")
        print(table.to_string(index=False))
    if limit is not None:
        report["ceiling_dev_in_sample"] = limit
        print("\nceiling (dev, in sample):", {k: round(v, 3) for k, v in limit.items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, default=str) + "\n")
    print(f"\n{args.out}: written")


if __name__ == "__main__":
    main()
