"""The backtest's HTML report: one self-contained file that works offline.

Plotly's JavaScript is embedded once in the page (no CDN, no map tiles): the maps are the
regions' own polygons, from the store's geometries, drawn as filled shapes on lon/lat axes.
Every piece of text that comes from data (model, region and window names, settings) is escaped
for HTML, both in the page and in the figures (Plotly renders some HTML tags in its labels).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.io as pio
import shapely
from plotly.colors import get_colorscale, sample_colorscale
from plotly.offline import get_plotlyjs

PLOT_CONFIG = {"displaylogo": False, "responsive": True}
# Map polygons are simplified to this tolerance (degrees) to keep the file small.
MAP_TOLERANCE = 0.01
SKILL_COLORSCALE = "RdBu"
ERROR_COLORSCALE = "YlOrRd"
# Coverage bars: (metric, nominal level, label). The randomized ones judge calibration.
COVERAGE_BARS = (
    ("coverage50", 0.5, "50% interval, bounds included"),
    ("coverage90", 0.9, "90% interval, bounds included"),
    ("pit_coverage50", 0.5, "randomized 50% (PIT in [0.25, 0.75])"),
    ("pit_coverage90", 0.9, "randomized 90% (PIT in [0.05, 0.95])"),
)
BASE_LAYOUT: dict[str, Any] = {
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "font": {"family": "system-ui, sans-serif", "size": 12},
    "margin": {"l": 60, "r": 20, "t": 50, "b": 45},
    "colorway": [
        "#1f77b4",
        "#ff7f0e",
        "#2ca02c",
        "#d62728",
        "#9467bd",
        "#8c564b",
        "#e377c2",
        "#7f7f7f",
        "#bcbd22",
        "#17becf",
    ],
}
Figure = dict[str, Any]


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: Any, digits: int = 3, percent: bool = False) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if percent:
        return f"{100 * float(value):+.1f}%"
    return f"{float(value):.{digits}f}"


def _skill_text(skill: dict[str, Any] | None) -> str:
    if not skill or skill.get("value") is None:
        return "–"
    return (
        f"{_fmt(skill['value'], percent=True)} "
        f"[{_fmt(skill.get('lo'), percent=True)}, {_fmt(skill.get('hi'), percent=True)}]"
    )


def _figure_html(fig: Figure) -> str:
    """A figure (plain dict: data, layout) as a div; Plotly's JS is in the page head."""
    layout = {**BASE_LAYOUT, **fig.get("layout", {})}
    return str(
        pio.to_html(
            {"data": fig.get("data", []), "layout": layout},
            full_html=False,
            include_plotlyjs=False,
            config=PLOT_CONFIG,
            validate=False,
        )
    )


# --- tables ----------------------------------------------------------------------------------


def metrics_table(window: dict[str, Any]) -> str:
    columns = (
        ("model", None),
        ("CRPS", "crps"),
        ("CRPS skill [95% CI]", "skill"),
        ("log score", "log_score"),
        ("Brier", "brier"),
        ("AP", "average_precision"),
        ("AP − conflictology", "ap_minus_conflictology"),
        ("cov. 50% (bounds incl.)", "coverage50"),
        ("cov. 90% (bounds incl.)", "coverage90"),
        ("randomized cov. 90% (calibration)", "pit_coverage90"),
        ("top-10% share", "top10_share"),
    )
    head = "".join(f"<th>{esc(title)}</th>" for title, _ in columns)
    rows = []
    models = window.get("models", {})
    order = sorted(models, key=lambda n: (models[n].get("crps") is None, models[n].get("crps")))
    for name in order:
        entry = models[name]
        cells = []
        for _title, key in columns:
            if key is None:
                label = esc(name)
                if name == window.get("best_model"):
                    label = f"<b>{label}</b> (best)"
                if name == window.get("baseline"):
                    label += " (baseline)"
                cells.append(f"<td>{label}</td>")
            elif key == "skill":
                cells.append(f"<td>{esc(_skill_text(entry.get('skill')))}</td>")
            else:
                cells.append(f"<td>{esc(_fmt(entry.get(key)))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


# --- figures (plain dicts: Plotly's validation of figure objects is slow) ---------------------


def _hline(y: float, xref: str = "x", yref: str = "y") -> dict[str, Any]:
    return {
        "type": "line",
        "xref": f"{xref} domain",
        "yref": yref,
        "x0": 0,
        "x1": 1,
        "y0": y,
        "y1": y,
        "line": {"dash": "dot", "color": "grey", "width": 1},
    }


def skill_by_horizon(window: dict[str, Any], title: str) -> Figure:
    data = []
    for name, entry in window.get("models", {}).items():
        xs, ys, up, down = [], [], [], []
        for h, h_entry in sorted(entry.get("by_horizon", {}).items(), key=lambda kv: int(kv[0])):
            skill = h_entry.get("skill") or {}
            value = skill.get("value")
            if value is None:
                continue
            lo = skill.get("lo")
            hi = skill.get("hi")
            xs.append(int(h))
            ys.append(value)
            up.append(hi - value if hi is not None else 0.0)
            down.append(value - lo if lo is not None else 0.0)
        data.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "name": esc(name),
                "mode": "lines+markers",
                "error_y": {"type": "data", "array": up, "arrayminus": down, "visible": True},
            }
        )
    layout = {
        "title": {"text": esc(title)},
        "xaxis": {"title": {"text": "horizon (periods after the origin)"}, "dtick": 1},
        "yaxis": {
            "title": {"text": "CRPS skill vs best naive (95% CI)"},
            "tickformat": ".0%",
        },
        "shapes": [_hline(0.0)],
        "height": 420,
    }
    return {"data": data, "layout": layout}


def pit_histograms(window: dict[str, Any], title: str) -> Figure:
    """One small PIT histogram per model, in a grid; the dotted line is a uniform PIT."""
    models = list(window.get("models", {}))
    cols = min(4, max(1, len(models)))
    rows = max(1, math.ceil(len(models) / cols))
    gap_x, gap_y = 0.04, 0.12 / rows
    width, height = (1 - gap_x * (cols - 1)) / cols, (1 - gap_y * (rows - 1)) / rows
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {
        "title": {"text": esc(title)},
        "height": 80 + 220 * rows,
        "showlegend": False,
        "bargap": 0.05,
        "annotations": [],
        "shapes": [],
    }
    for i, name in enumerate(models):
        row, col = divmod(i, cols)
        suffix = "" if i == 0 else str(i + 1)
        x0 = col * (width + gap_x)
        y1 = 1 - row * (height + gap_y)
        layout[f"xaxis{suffix}"] = {
            "domain": [x0, x0 + width],
            "range": [0, 1],
            "anchor": f"y{suffix}",
        }
        layout[f"yaxis{suffix}"] = {"domain": [y1 - height, y1], "anchor": f"x{suffix}"}
        layout["annotations"].append(
            {
                "text": esc(name),
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": x0 + width / 2,
                "y": y1,
                "xanchor": "center",
                "yanchor": "bottom",
            }
        )
        hist = window["models"][name].get("pit_histogram") or []
        bins = len(hist)
        if not bins:
            continue
        data.append(
            {
                "type": "bar",
                "x": [(j + 0.5) / bins for j in range(bins)],
                "y": hist,
                "width": 1 / bins,
                "name": esc(name),
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
            }
        )
        layout["shapes"].append(_hline(1 / bins, f"x{suffix}", f"y{suffix}"))
    return {"data": data, "layout": layout}


def coverage_chart(window: dict[str, Any], title: str) -> Figure:
    models = list(window.get("models", {}))
    data = [
        {
            "type": "bar",
            "x": [esc(m) for m in models],
            "y": [window["models"][m].get(key) for m in models],
            "name": esc(label),
        }
        for key, _nominal, label in COVERAGE_BARS
    ]
    layout = {
        "title": {"text": esc(title)},
        "barmode": "group",
        "yaxis": {"title": {"text": "share of actual values covered"}, "range": [0, 1]},
        "shapes": [_hline(n) for n in sorted({n for _k, n, _l in COVERAGE_BARS})],
        "height": 380,
    }
    return {"data": data, "layout": layout}


def crps_by_origin(scores: pd.DataFrame, title: str) -> Figure:
    pooled = (
        scores.assign(weighted=scores["crps"] * scores["regions"])
        .groupby(["model", "origin"], sort=True)[["weighted", "regions"]]
        .sum()
        .reset_index()
    )
    data = [
        {
            "type": "scatter",
            "x": [esc(o) for o in frame["origin"]],
            "y": (frame["weighted"] / frame["regions"]).tolist(),
            "name": esc(name),
            "mode": "lines",
        }
        for name, frame in pooled.groupby("model", sort=True)
    ]
    layout = {
        "title": {"text": esc(title)},
        "xaxis": {"title": {"text": "origin"}},
        "yaxis": {"title": {"text": "CRPS (pooled over regions and horizons)"}, "type": "log"},
        "height": 400,
    }
    return {"data": data, "layout": layout}


def _rings(geometry: Any) -> tuple[list[float | None], list[float | None]]:
    """Exterior rings of a (multi)polygon as lon/lat lists, parts separated by None."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    if geometry is None or geometry.is_empty:
        return xs, ys
    geometry = shapely.simplify(geometry, MAP_TOLERANCE, preserve_topology=True)
    for polygon in getattr(geometry, "geoms", [geometry]):
        exterior = getattr(polygon, "exterior", None)
        if exterior is None:
            continue
        coords = np.asarray(exterior.coords)
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(np.round(coords[:, 0], 4).tolist())
        ys.extend(np.round(coords[:, 1], 4).tolist())
    return xs, ys


def region_map(
    names: Sequence[str],
    geometries: Sequence[Any],
    values: Sequence[float],
    *,
    title: str,
    colorscale: str,
    value_label: str,
    vmin: float,
    vmax: float,
    percent: bool = False,
    log: bool = False,
    missing: str = "no data",
) -> Figure:
    """Filled region polygons on lon/lat axes coloured by `values` (grey where NaN), no tiles.

    `log`: colours follow log(1 + value) (for skewed errors); the colour bar is labelled in
    the values themselves.
    """
    # The same colour scale, as explicit stops, for the polygons and the colour bar: Plotly.js'
    # built-in scales of the same names run the other way round.
    scale = get_colorscale(colorscale)

    def transform(v: float) -> float:
        return math.log1p(max(v, 0.0)) if log else v

    lo, hi = transform(vmin), transform(vmax)
    span = hi - lo if hi > lo else 1.0
    data: list[dict[str, Any]] = []
    for name, geometry, value in zip(names, geometries, values, strict=True):
        xs, ys = _rings(geometry)
        if not xs:
            continue
        if math.isfinite(value):
            position = min(1.0, max(0.0, (transform(value) - lo) / span))
            color = sample_colorscale(scale, [position])[0]
            shown = f"{100 * value:+.1f}%" if percent else f"{value:.3f}"
        else:
            color, shown = "rgb(220,220,220)", missing
        data.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "fill": "toself",
                "fillcolor": color,
                "mode": "lines",
                "line": {"color": "rgb(90,90,90)", "width": 0.5},
                "hoveron": "fills",
                "hoverinfo": "text",
                "text": f"{esc(name)}<br>{esc(value_label)}: {esc(shown)}",
                "showlegend": False,
            }
        )
    # An invisible trace carries the colour bar.
    colorbar: dict[str, Any] = {"title": {"text": esc(value_label)}}
    if percent:
        colorbar["tickformat"] = ".0%"
    if log:
        ticks = [t for t in (0, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000) if t <= vmax]
        colorbar["tickvals"] = [math.log1p(t) for t in ticks]
        colorbar["ticktext"] = [f"{t:g}" for t in ticks]
    data.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "showlegend": False,
            "hoverinfo": "skip",
            "marker": {
                "colorscale": [[float(p), c] for p, c in scale],
                "cmin": lo,
                "cmax": hi,
                "color": [lo],
                "showscale": True,
                "colorbar": colorbar,
            },
        }
    )
    layout = {
        "title": {"text": esc(title)},
        "xaxis": {"title": {"text": "longitude"}, "showgrid": False, "zeroline": False},
        "yaxis": {
            "title": {"text": "latitude"},
            "showgrid": False,
            "zeroline": False,
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "height": 620,
        "hovermode": "closest",
    }
    return {"data": data, "layout": layout}


def _maps(metrics: dict[str, Any], window_name: str, geometries: Sequence[Any]) -> list[str]:
    window = metrics["windows"][window_name]
    names = metrics["regions"]["names"]
    best = window.get("best_model")
    baseline = window.get("baseline")
    if best is None or len(geometries) != len(names):
        return []
    entry = window["models"][best]
    parts = []
    crps = [v if v is not None else math.nan for v in entry.get("region_crps", [])]
    finite = [v for v in crps if math.isfinite(v)]
    if finite:
        vmax = max(finite) or 1.0
        fig = region_map(
            names,
            geometries,
            crps,
            title=f"Mean CRPS per region: {best} ({window_name} origins; lower is better)",
            colorscale=ERROR_COLORSCALE,
            value_label="CRPS",
            vmin=0.0,
            vmax=vmax,
            log=True,
        )
        parts.append(_figure_html(fig))
    # Skill per region of the best model other than the baseline itself.
    others = {
        n: m["crps"]
        for n, m in window["models"].items()
        if n != baseline and m.get("crps") is not None
    }
    challenger = min(others, key=lambda n: (others[n], n)) if others else None
    region_skill = window["models"][challenger].get("region_skill") if challenger else None
    if region_skill and baseline is not None:
        fig = region_map(
            names,
            geometries,
            [v if v is not None else math.nan for v in region_skill],
            title=f"CRPS skill per region: {challenger} vs {baseline} ({window_name} origins)",
            colorscale=SKILL_COLORSCALE,
            value_label="skill",
            vmin=-0.5,
            vmax=0.5,
            percent=True,
            missing="undefined: the baseline's CRPS is 0 (no events)",
        )
        parts.append(_figure_html(fig))
    return parts


# --- the page --------------------------------------------------------------------------------

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; }
dt { font-weight: 600; }
"""


def render_report(
    metrics: dict[str, Any],
    scores: pd.DataFrame | None = None,
    geometries: Sequence[Any] | None = None,
    *,
    title: str | None = None,
) -> str:
    """The report page for a backtest's metrics (metrics.json), per-origin scores and maps."""
    spec = metrics.get("spec", {})
    heading = title or (
        f"Backtest: {spec.get('level')} {spec.get('target')} per {spec.get('freq')}"
    )
    body = [f"<h1>{esc(heading)}</h1>"]
    settings = {
        "countries": ", ".join(spec.get("countries") or []) or "all",
        "models": ", ".join(metrics.get("models", [])),
        "origins": f"{len(metrics.get('origins', []))} "
        f"({(metrics.get('origins') or ['–'])[0]} .. {(metrics.get('origins') or ['–'])[-1]})",
        "horizon": spec.get("horizon"),
        "draws": spec.get("draws"),
        "seed": spec.get("seed"),
        "panel": f"{spec.get('panel_start')} .. {spec.get('panel_end')}",
        "regions": len(metrics.get("regions", {}).get("ids", [])),
        "run time (s)": (metrics.get("timings") or {}).get("total_seconds"),
    }
    body.append(
        "<dl>"
        + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in settings.items())
        + "</dl>"
    )
    body.append(
        "<p>Skill = 1 − CRPS / CRPS of the best naive baseline (zero, last, conflictology, "
        "poisson: the lowest pooled CRPS on the same cases; per horizon, the best at that "
        "horizon); the 95% CI resamples regions. Log score: −log of the draws' pmf mixed with "
        "0.1% of a heavy-tailed base pmf. AP: average precision of P(≥1). "
        "Top-10% share: share of the actual total in the 10% of region-periods with the "
        "highest predicted mean. Coverage (bounds incl.) counts an actual value on an interval "
        "bound as inside (so for counts with many zeros it exceeds the nominal level). "
        "Calibration is judged by the randomized coverage: the share of randomized PIT values "
        "in [0.05, 0.95] (Czado, Gneiting &amp; Held 2009), 0.9 for a calibrated forecast.</p>"
    )
    windows = metrics.get("windows", {})
    for name, window in windows.items():
        origins = window.get("origins", [])
        span = f"{origins[0]} .. {origins[-1]}" if origins else "no origins"
        body.append(
            f"<h2>Origins: {esc(name)} ({esc(span)}, {len(origins)} origins, "
            f"{esc(window.get('n_cases'))} cases)</h2>"
        )
        body.append(metrics_table(window))
        body.append(_figure_html(skill_by_horizon(window, f"Skill by horizon ({name})")))
        body.append(_figure_html(coverage_chart(window, f"Interval coverage ({name})")))
        body.append(_figure_html(pit_histograms(window, f"PIT histograms ({name})")))
    if scores is not None and len(scores):
        body.append("<h2>Scores by origin</h2>")
        body.append(_figure_html(crps_by_origin(scores, "CRPS by origin")))
    if geometries is not None and windows:
        map_window = "all" if "all" in windows else next(iter(windows))
        maps = _maps(metrics, map_window, geometries)
        if maps:
            body.append("<h2>Error by region</h2>")
            body.extend(maps)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(heading)}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script>'
        "</head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
