"""Rolling-origin backtests: every model fitted only on data up to each origin, then scored.

    result = run_backtest(store, level="adm2", target="fatalities", countries=("PAK",),
                          windows={"test": ("2017-01", "2018-12")}, horizon=6)
    result.write("out/")        # metrics.json, scores.csv, report.html

For each origin (a period, e.g. a month) and model: the model is fitted on `panel.until(origin)`
(checked: nothing after the origin reaches it), predicts `horizon` periods, and each predicted
period that the panel holds is scored against the actual values of every region. Periods after
the panel's end are skipped, so late origins have fewer horizons.

Scores per case (model, origin, horizon, region): CRPS, log score, Brier score of P(>=1), the
randomized PIT, whether the 50% and 90% central intervals cover the actual value, the predicted
mean and P(>=1). Pooled per model over a set of origins (a named window, and "all"): their means,
average precision of P(>=1), the share of actual values in the top 10% of predicted
region-months, the PIT histogram, and the CRPS skill against the best naive baseline (the one of
zero/last/conflictology/poisson with the lowest pooled CRPS on the same cases) with a bootstrap
CI over regions; the same per horizon (against the best naive baseline at that horizon).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import scoring
from .models import MODELS, NAIVE_MODELS, Forecast, get_model
from .panel import Panel, PanelSpec, build_panel, parse_period, period_label, region_geometry
from .store import Store

ProgressFn = Callable[[int, int], None]  # (fits done, fits total)

# Named origin windows for Pakistan's regimes (see the shared forecasting notes).
REGIME_WINDOWS: dict[str, tuple[str, str]] = {
    "escalation": ("2007-12", "2009-06"),
    "dev": ("2014-01", "2016-12"),
    "test": ("2017-01", "2018-12"),
}
ALL = "all"
# Element-wise scores kept per case, each an array (origins, horizons, regions).
CASE_FIELDS = (
    "obs",
    "mean",
    "p_any",
    "crps",
    "log_score",
    "brier",
    "pit",
    "covered50",
    "covered90",
)
N_PIT_BINS = 10
TOP_FRACTION = 0.1


class LookAheadError(AssertionError):
    """A model was given, or returned, something from after its forecast origin."""


@dataclass
class BacktestResult:
    spec: dict[str, Any]  # level, target, freq, countries, horizon, draws, seed, step, ...
    models: list[str]
    origins: list[str]  # period labels, in order
    windows: dict[str, list[str]]  # name -> origin labels ("all": every origin)
    region_ids: list[str]
    region_names: list[str]
    cases: dict[str, dict[str, np.ndarray]]  # model -> field -> (origins, horizons, regions)
    metrics: dict[str, Any]  # JSON-ready: see `pooled_metrics`
    timings: dict[str, Any]
    geometries: list[Any] | None = field(default=None, repr=False)  # shapely, per region

    def case_frame(self) -> pd.DataFrame:
        """The tidy table: one row per model, origin, horizon and region that was scored."""
        frames = []
        n_o, n_h, n_r = len(self.origins), self.spec["horizon"], len(self.region_ids)
        index = pd.MultiIndex.from_product(
            [self.origins, range(1, n_h + 1), self.region_ids],
            names=["origin", "horizon", "region_id"],
        )
        for name in self.models:
            arrays = self.cases[name]
            frame = pd.DataFrame(
                {k: arrays[k].reshape(n_o * n_h * n_r) for k in CASE_FIELDS}, index=index
            ).reset_index()
            frame.insert(0, "model", name)
            frames.append(frame[np.isfinite(frame["obs"])])
        return pd.concat(frames, ignore_index=True)

    def per_origin(self) -> pd.DataFrame:
        """Scores per model, origin and horizon, pooled over regions (scores.csv)."""
        rows = []
        freq = self.spec["freq"]
        for name in self.models:
            arrays = self.cases[name]
            for i, origin in enumerate(self.origins):
                target_base = parse_period(origin, freq)
                for h in range(self.spec["horizon"]):
                    obs = arrays["obs"][i, h]
                    if not np.isfinite(obs).any():
                        continue
                    rows.append(
                        {
                            "model": name,
                            "origin": origin,
                            "horizon": h + 1,
                            "period": period_label(target_base + h + 1),
                            "regions": int(np.isfinite(obs).sum()),
                            "obs_total": float(np.nansum(obs)),
                            "pred_total": float(np.nansum(arrays["mean"][i, h])),
                            "crps": _mean(arrays["crps"][i, h]),
                            "log_score": _mean(arrays["log_score"][i, h]),
                            "brier": _mean(arrays["brier"][i, h]),
                            "average_precision": scoring.average_precision(
                                arrays["p_any"][i, h], obs
                            ),
                            "coverage50": _mean(arrays["covered50"][i, h]),
                            "coverage90": _mean(arrays["covered90"][i, h]),
                            "top10_share": scoring.top_share(
                                arrays["mean"][i, h], obs, TOP_FRACTION
                            ),
                        }
                    )
        return pd.DataFrame(rows)

    def best_model(self, window: str = ALL) -> str:
        return str(self.metrics["windows"][window]["best_model"])

    def write(self, out_dir: str | Path, *, report: bool = True) -> dict[str, Path]:
        """metrics.json, scores.csv (per model, origin, horizon) and report.html in `out_dir`."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = {"metrics": out / "metrics.json", "scores": out / "scores.csv"}
        paths["metrics"].write_text(
            json.dumps(self.metrics, indent=1, allow_nan=False) + "\n", encoding="utf-8"
        )
        scores = self.per_origin()
        scores.to_csv(paths["scores"], index=False)
        if report:
            from .backtest_report import render_report

            paths["report"] = out / "report.html"
            paths["report"].write_text(
                render_report(self.metrics, scores, self.geometries), encoding="utf-8"
            )
        return paths


# --- running ---------------------------------------------------------------------------------


def origin_range(start: str, end: str, freq: str = "month", step: int = 1) -> list[pd.Period]:
    if step < 1:
        raise ValueError(f"step must be >= 1, got {step}")
    first, last = parse_period(start, freq), parse_period(end, freq)
    if last < first:
        raise ValueError(f"end {end} is before start {start}")
    return list(pd.period_range(first, last, freq=first.freq)[::step])


def _resolve_models(models: Iterable[str] | None) -> list[str]:
    names = list(MODELS) if models is None else list(dict.fromkeys(models))
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        raise ValueError(f"unknown models {unknown}; registered: {sorted(MODELS)}")
    # The naive baselines are always run: skill is measured against the best of them.
    baselines = [n for n in NAIVE_MODELS if n in MODELS and n not in names]
    return names + baselines


def score_draws(
    draws: np.ndarray, obs: np.ndarray, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Element-wise scores of draws (..., n) against obs (...), one array per CASE_FIELDS."""
    ordered = np.sort(np.asarray(draws, dtype="float64"), axis=-1)
    return {
        "obs": obs.astype("float64"),
        "mean": ordered.mean(axis=-1),
        "p_any": scoring.prob_any(ordered),
        "crps": scoring.crps(ordered, obs, is_sorted=True),
        "log_score": scoring.log_score(ordered, obs),
        "brier": scoring.brier(ordered, obs),
        "pit": scoring.randomized_pit(ordered, obs, rng),
        "covered50": scoring.covered(ordered, obs, 0.5, is_sorted=True),
        "covered90": scoring.covered(ordered, obs, 0.9, is_sorted=True),
    }


def _check_truncated(past: Panel, origin: pd.Period) -> None:
    if len(past.values) == 0 or past.last_period != origin:
        raise LookAheadError(f"panel for origin {origin} ends at {past.last_period}")
    if len(past.events) and past.events["period"].max() > origin:
        raise LookAheadError(f"panel for origin {origin} holds events after it")


def forecast_at(
    panel: Panel, name: str, origin: pd.Period, horizon: int, draws: int, seed: int = 0
) -> Forecast:
    """Model `name` fitted on `panel.until(origin)` only, predicting the `horizon` after it.

    Checked: the panel the model is given ends at the origin (values and events), the model
    was fitted on a panel ending there, and its forecast is for the periods right after it.
    """
    past = panel.until(origin)
    _check_truncated(past, origin)
    model = get_model(name, seed=seed)
    model.fit(past)
    if model.panel_.last_period != origin or len(model.panel_.values) != len(past.values):
        raise LookAheadError(f"{name} was fitted on data other than the panel up to {origin}")
    forecast = model.predict(horizon, draws=draws)
    expected = tuple(origin + k for k in range(1, horizon + 1))
    if tuple(forecast.periods) != expected:
        raise LookAheadError(f"{name} predicted {forecast.periods}, expected {expected}")
    if tuple(forecast.region_ids) != tuple(panel.region_ids):
        raise ValueError(f"{name}: forecast regions differ from the panel's")
    return forecast


def _run_origin(
    panel: Panel,
    origin: pd.Period,
    names: Sequence[str],
    horizon: int,
    draws: int,
    seed: int,
    on_fit: Callable[[], None] | None = None,
) -> tuple[dict[str, dict[str, np.ndarray]], dict[str, float]]:
    """Fit every model on the panel up to `origin`, predict and score what can be scored."""
    expected = [origin + k for k in range(1, horizon + 1)]
    available = [p for p in expected if p <= panel.last_period]
    n_ok = len(available)
    actual = np.full((horizon, len(panel.region_ids)), np.nan)
    if n_ok:
        actual[:n_ok] = panel.values.loc[available].to_numpy()
    out: dict[str, dict[str, np.ndarray]] = {}
    seconds: dict[str, float] = {}
    for name in names:
        started = time.perf_counter()
        forecast = forecast_at(panel, name, origin, horizon, draws, seed)
        seconds[name] = time.perf_counter() - started
        scores = {k: np.full(actual.shape, np.nan) for k in CASE_FIELDS}
        if n_ok:
            # The same uniform draws for every model at this origin (common random numbers).
            rng = np.random.default_rng([seed, int(origin.ordinal) + 10**6])
            scored = score_draws(forecast.draws[:n_ok], actual[:n_ok], rng)
            for k in CASE_FIELDS:
                scores[k][:n_ok] = scored[k]
        out[name] = scores
        if on_fit is not None:
            on_fit()
    return out, seconds


def run_backtest(
    source: Store | Panel,
    level: str = "adm2",
    target: str = "fatalities",
    models: Iterable[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    step: int = 1,
    horizon: int = 6,
    draws: int = 1000,
    seed: int = 0,
    *,
    windows: Mapping[str, tuple[str, str]] | None = None,
    countries: Sequence[str] = (),
    freq: str = "month",
    n_boot: int = 1000,
    n_jobs: int = 1,
    progress: ProgressFn | None = None,
) -> BacktestResult:
    """Backtest `models` (default: every registered one) on rolling origins.

    Origins: every `step`-th period from `start` to `end` (inclusive), and those of each named
    window (name -> (start, end)), all run once; metrics come for "all" origins and per window.
    `source` is a store (a panel is built for level/target/countries/freq) or a ready panel.
    The naive baselines are always added to `models`. `progress(done, total)` is called after
    each model fit (with n_jobs > 1: after each origin's fits). `n_jobs` > 1 runs origins in
    that many worker processes (joblib; the models must be importable there, as registered
    ones are); results are the same as with one.
    """
    if horizon < 1 or draws < 1:
        raise ValueError(f"horizon and draws must be >= 1, got {horizon} and {draws}")
    started = time.perf_counter()
    geometries = None
    if isinstance(source, Panel):
        panel = source
    else:
        spec = PanelSpec(level=level, target=target, freq=freq, countries=tuple(countries))
        panel = build_panel(source, spec, with_neighbours=True)
        geometries = region_geometry(source, spec.level, panel.region_ids)
    spec_ = panel.spec
    names = _resolve_models(models)

    window_origins: dict[str, list[pd.Period]] = {}
    if start is not None or end is not None:
        if start is None or end is None:
            raise ValueError("give both start and end, or neither (then give windows)")
        window_origins[ALL] = origin_range(start, end, spec_.freq, step)
    for name, (w_start, w_end) in (windows or {}).items():
        if name == ALL:
            raise ValueError(f"{ALL!r} is reserved for the union of every origin")
        window_origins[name] = origin_range(w_start, w_end, spec_.freq, step)
    if not window_origins:
        raise ValueError("give start and end, or at least one window of origins")
    origins = sorted({o for os_ in window_origins.values() for o in os_})
    if origins[0] < panel.periods[0]:
        raise ValueError(f"origin {origins[0]} is before the panel's start {panel.periods[0]}")
    skipped = [o for o in origins if o >= panel.last_period]
    origins = [o for o in origins if o < panel.last_period]
    if not origins:
        raise ValueError(f"no origin before the panel's last period {panel.last_period}")
    labels = [period_label(o) for o in origins]
    window_labels = {ALL: labels}
    for name, os_ in window_origins.items():
        if name != ALL:
            window_labels[name] = [period_label(o) for o in os_ if o < panel.last_period]

    n_o, n_r = len(origins), len(panel.region_ids)
    cases = {name: {k: np.full((n_o, horizon, n_r), np.nan) for k in CASE_FIELDS} for name in names}
    fit_seconds = dict.fromkeys(names, 0.0)
    total = n_o * len(names)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    def collect(
        i: int, scored: dict[str, dict[str, np.ndarray]], seconds: dict[str, float]
    ) -> None:
        for name in names:
            fit_seconds[name] += seconds[name]
            for k in CASE_FIELDS:
                cases[name][k][i] = scored[name][k]

    if n_jobs == 1:
        for i, origin in enumerate(origins):
            collect(i, *_run_origin(panel, origin, names, horizon, draws, seed, tick))
    else:
        from joblib import Parallel, delayed

        tasks = (
            delayed(_run_origin)(panel, origin, names, horizon, draws, seed) for origin in origins
        )
        runs = Parallel(n_jobs=n_jobs, return_as="generator")(tasks)
        for i, (scored, seconds) in enumerate(runs):
            collect(i, scored, seconds)
            for _ in names:
                tick()

    scoring_started = time.perf_counter()
    region_names = [
        str(panel.regions["name"].get(r, r)) if "name" in panel.regions else r
        for r in panel.region_ids
    ]
    result = BacktestResult(
        spec={
            "level": spec_.level,
            "target": spec_.target,
            "freq": spec_.freq,
            "countries": list(spec_.countries),
            "horizon": horizon,
            "draws": draws,
            "seed": seed,
            "step": step,
            "n_boot": n_boot,
            "n_jobs": n_jobs,
            "panel_start": period_label(panel.periods[0]),
            "panel_end": period_label(panel.last_period),
            "skipped_origins": [period_label(o) for o in skipped],
        },
        models=names,
        origins=labels,
        windows=window_labels,
        region_ids=list(panel.region_ids),
        region_names=region_names,
        cases=cases,
        metrics={},
        timings={},
        geometries=geometries,
    )
    index = {label: i for i, label in enumerate(labels)}
    windows_metrics = {
        name: pooled_metrics(result, [index[o] for o in os_], n_boot=n_boot, seed=seed)
        for name, os_ in window_labels.items()
    }
    result.timings = {
        "fit_predict_seconds": {k: round(v, 3) for k, v in fit_seconds.items()},
        "metrics_seconds": round(time.perf_counter() - scoring_started, 3),
        "total_seconds": round(time.perf_counter() - started, 3),
    }
    result.metrics = _json_ready(
        {
            "spec": result.spec,
            "models": names,
            "origins": labels,
            "regions": {"ids": result.region_ids, "names": region_names},
            "windows": windows_metrics,
            "timings": result.timings,
        }
    )
    return result


# --- pooling ---------------------------------------------------------------------------------


def _mean(values: np.ndarray) -> float:
    """Plain mean (NaN if empty or if any value is NaN: an undefined score stays undefined)."""
    v = np.asarray(values, dtype="float64").reshape(-1)
    return float(v.mean()) if v.size else math.nan


def _summarise(arrays: dict[str, np.ndarray], valid: np.ndarray) -> dict[str, Any]:
    obs = arrays["obs"][valid]
    log = arrays["log_score"][valid]
    return {
        "n_cases": int(valid.sum()),
        "crps": _mean(arrays["crps"][valid]),
        # NaN (null) when the model's draws are not counts: the log score is undefined there.
        "log_score": _mean(log) if np.isfinite(log).all() else math.nan,
        "brier": _mean(arrays["brier"][valid]),
        "average_precision": scoring.average_precision(arrays["p_any"][valid], obs),
        "coverage50": _mean(arrays["covered50"][valid]),
        "coverage90": _mean(arrays["covered90"][valid]),
        # The randomized central intervals (randomized PIT in [0.05, 0.95] for 90%): the
        # figure the calibration target is judged by. The intervals above include their
        # bounds and so over-cover counts (a [0, 0] interval covers every zero); these do not,
        # and are 0.5 and 0.9 in expectation for a calibrated forecast.
        "pit_coverage50": scoring.pit_coverage(arrays["pit"][valid], 0.5),
        "pit_coverage90": scoring.pit_coverage(arrays["pit"][valid], 0.9),
        "top10_share": scoring.top_share(arrays["mean"][valid], obs, TOP_FRACTION),
        "mean_pred": _mean(arrays["mean"][valid]),
        "mean_obs": _mean(obs),
    }


def _best_naive(crps_by_model: Mapping[str, float]) -> str | None:
    naive = {n: v for n, v in crps_by_model.items() if n in NAIVE_MODELS and math.isfinite(v)}
    return min(naive, key=lambda n: (naive[n], n)) if naive else None


def pooled_metrics(
    result: BacktestResult, origin_index: Sequence[int], *, n_boot: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """Every model's pooled scores over the given origins, overall and per horizon.

    {"origins": [...], "n_cases": N, "baseline": best naive name, "baseline_by_horizon":
    {"1": name, ...}, "best_model": lowest CRPS, "models": {name: {n_cases, crps, log_score,
    brier, average_precision, coverage50, coverage90, pit_coverage50, pit_coverage90,
    top10_share, mean_pred, mean_obs, pit_histogram [10 shares], skill {value, lo, hi, level},
    ap_minus_conflictology, region_crps [per region], region_skill [per region],
    by_horizon {"1": {the same scores, baseline, skill}, ...}}}}
    """
    idx = np.asarray(origin_index, dtype=int)
    horizon = result.spec["horizon"]
    sub = {name: {k: result.cases[name][k][idx] for k in CASE_FIELDS} for name in result.models}
    any_model = result.models[0]
    valid = np.isfinite(sub[any_model]["obs"])  # (origins, horizons, regions)
    models: dict[str, dict[str, Any]] = {}
    for name in result.models:
        arrays = sub[name]
        entry = _summarise(arrays, valid)
        entry["pit_histogram"] = scoring.pit_histogram(arrays["pit"][valid], N_PIT_BINS).tolist()
        entry["by_horizon"] = {
            str(h + 1): _summarise({k: v[:, h] for k, v in arrays.items()}, valid[:, h])
            for h in range(horizon)
            if valid[:, h].any()
        }
        region_crps = np.where(valid, arrays["crps"], 0.0).sum(axis=(0, 1))
        region_n = valid.sum(axis=(0, 1))
        with np.errstate(invalid="ignore", divide="ignore"):
            entry["region_crps"] = (region_crps / region_n).tolist()
        models[name] = entry

    baseline = _best_naive({n: m["crps"] for n, m in models.items()})
    horizons = sorted({h for m in models.values() for h in m["by_horizon"]}, key=int)
    baseline_by_h = {
        h: _best_naive({n: m["by_horizon"][h]["crps"] for n, m in models.items()}) for h in horizons
    }
    ap_conflictology = (
        models["conflictology"]["average_precision"] if "conflictology" in models else math.nan
    )
    for name, entry in models.items():
        crps_cases = np.where(valid, sub[name]["crps"], np.nan)
        if baseline is not None:
            ref = np.where(valid, sub[baseline]["crps"], np.nan)
            entry["skill"] = scoring.bootstrap_skill(
                crps_cases, ref, n_boot=n_boot, seed=seed
            ).as_dict()
            region_ref = np.nansum(ref, axis=(0, 1))
            region_model = np.nansum(crps_cases, axis=(0, 1))
            with np.errstate(invalid="ignore", divide="ignore"):
                ratio = region_model / np.where(region_ref > 0, region_ref, np.nan)
            entry["region_skill"] = (1 - ratio).tolist()
        entry["ap_minus_conflictology"] = entry["average_precision"] - ap_conflictology
        for h, h_entry in entry["by_horizon"].items():
            ref_name = baseline_by_h[h]
            if ref_name is None:
                continue
            hi = int(h) - 1
            h_entry["baseline"] = ref_name
            h_entry["skill"] = scoring.bootstrap_skill(
                crps_cases[:, hi],
                np.where(valid[:, hi], sub[ref_name]["crps"][:, hi], np.nan),
                n_boot=n_boot,
                seed=seed,
            ).as_dict()
    best = min(models, key=lambda n: (models[n]["crps"], n)) if models else None
    return {
        "origins": [result.origins[i] for i in idx],
        "n_cases": int(valid.sum()),
        "baseline": baseline,
        "baseline_by_horizon": baseline_by_h,
        "best_model": best,
        "models": models,
    }


def _json_ready(value: Any) -> Any:
    """NaN and infinities become null; numpy scalars plain numbers."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
