"""The brief's images, drawn with matplotlib's Agg backend (no display, no tiles, offline).

Each function returns PNG bytes; `render` embeds them as data URIs.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import shapely
from matplotlib.collections import PatchCollection
from matplotlib.colors import BoundaryNorm
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from .text import month_name

# Expected fatalities per region-month: most are well under one, a few are tens.
MAP_BINS = (0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 1e9)
MAP_CMAP = "YlOrRd"
INK = "#222222"
ACCENT = "#b2182b"
MUTED = "#9e9e9e"
_FONT: Any = {"font.family": "DejaVu Sans", "font.size": 7}


def _png(fig: Figure, dpi: int = 200, tight: bool = True) -> bytes:
    buffer = io.BytesIO()
    if tight:
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=0.02)
    else:
        fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    return buffer.getvalue()


def _path(geometry: Any) -> MplPath | None:
    """A compound path (exteriors and holes) for a polygon or multipolygon."""
    polygons = getattr(geometry, "geoms", [geometry])
    paths = []
    for polygon in polygons:
        if not isinstance(polygon, shapely.Polygon) or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
            codes[0] = MplPath.MOVETO
            codes[-1] = MplPath.CLOSEPOLY
            paths.append(MplPath(coords, codes))
    return MplPath.make_compound_path(*paths) if paths else None


def _outline(ax: Any, geometries: Sequence[Any], width: float, color: str = INK) -> None:
    patches = [PathPatch(p) for p in (_path(g) for g in geometries) if p is not None]
    ax.add_collection(
        PatchCollection(patches, facecolor="none", edgecolor=color, linewidth=width, zorder=3)
    )


def spread(points: np.ndarray, min_dist: float, iterations: int = 100) -> np.ndarray:
    """Label positions near `points`, pushed apart until about `min_dist` from each other."""
    pos = np.asarray(points, dtype=float).copy()
    for step in range(iterations):
        moved = False
        for i in range(len(pos)):
            for j in range(i + 1, len(pos)):
                d = pos[j] - pos[i]
                dist = float(np.hypot(*d))
                if dist >= min_dist:
                    continue
                if dist < 1e-9:  # same spot: push apart in a direction fixed by the pair
                    angle = (i * 7 + j * 3 + step) % 12 * np.pi / 6
                    unit, dist = np.array([np.cos(angle), np.sin(angle)]), 0.0
                else:
                    unit = d / dist
                push = (min_dist - dist) / 2 * unit
                pos[i] -= push
                pos[j] += push
                moved = True
        if not moved:
            break
    return pos


def _rank_labels(
    ax: Any, areas: pd.DataFrame, labels: Sequence[tuple[int, str]], bounds: np.ndarray
) -> None:
    """Rank numbers at the regions, spread apart where they crowd, with a leader line."""
    chosen = [(rank, rid) for rank, rid in labels if rid in areas.index]
    if not chosen:
        return
    points = []
    for _, rid in chosen:
        geometry: Any = areas.at[rid, "geometry"]
        point = geometry.representative_point()
        points.append((point.x, point.y))
    anchors = np.asarray(points)
    width = float(bounds[2] - bounds[0])
    placed = spread(anchors, min_dist=0.06 * width)
    for (rank, _), (x0, y0), (x1, y1) in zip(chosen, anchors, placed, strict=True):
        if np.hypot(x1 - x0, y1 - y0) > 0.01 * width:
            ax.plot([x0, x1], [y0, y1], color=INK, linewidth=0.3, zorder=4)
            ax.plot([x0], [y0], "o", color=INK, markersize=0.8, zorder=4)
        ax.annotate(
            str(rank),
            (x1, y1),
            ha="center",
            va="center",
            fontsize=5,
            fontweight="bold",
            color=INK,
            bbox={"boxstyle": "circle,pad=0.15", "fc": "white", "ec": INK, "lw": 0.3},
            zorder=5,
        )


def forecast_map(
    regions: pd.DataFrame,
    forecast: pd.DataFrame,
    level: str,
    labels: Sequence[tuple[int, str]] = (),
) -> bytes:
    """One small map per forecast month: expected fatalities per region (mean of the draws),
    on the store's own polygons; `labels` (rank, region_id) are numbered on the first map."""
    # At this scale (a country in 2.4 inches) 0.01 degrees is under a tenth of a point: the
    # simplified outlines look the same and draw several times faster.
    regions = regions.assign(geometry=shapely.simplify(regions["geometry"].to_numpy(), 0.01))
    areas = regions[regions["level"] == level].set_index("region_id")
    months = sorted(forecast["month"].unique())
    norm = BoundaryNorm([*MAP_BINS[:-1], MAP_BINS[-2] * 2], plt.get_cmap(MAP_CMAP).N)
    cmap = plt.get_cmap(MAP_CMAP)
    paths = {rid: _path(g) for rid, g in areas["geometry"].items()}
    bounds = shapely.total_bounds(areas["geometry"].to_numpy())
    with plt.rc_context(_FONT):
        fig, axes = plt.subplots(
            1, len(months), figsize=(2.4 * len(months), 2.6), squeeze=False, layout="constrained"
        )
        for ax, month in zip(axes[0], months, strict=True):
            values = forecast[forecast["month"] == month].set_index("region_id")["mean"]
            patches, colours = [], []
            for rid, path in paths.items():
                if path is None:
                    continue
                patches.append(PathPatch(path))
                value = values.get(rid)
                colours.append(
                    "#eeeeee" if value is None or pd.isna(value) else cmap(norm(min(value, 40)))
                )
            ax.add_collection(
                PatchCollection(
                    patches, facecolor=colours, edgecolor="#ffffff", linewidth=0.15, zorder=1
                )
            )
            if level == "adm2":
                _outline(
                    ax, list(regions.loc[regions["level"] == "adm1", "geometry"]), 0.35, "#555555"
                )
            _outline(ax, list(regions.loc[regions["level"] == "adm0", "geometry"]), 0.6)
            if month == months[0]:
                _rank_labels(ax, areas, labels, bounds)
            ax.set_xlim(bounds[0] - 0.2, bounds[2] + 0.2)
            ax.set_ylim(bounds[1] - 0.2, bounds[3] + 0.2)
            ax.set_aspect(1 / np.cos(np.radians((bounds[1] + bounds[3]) / 2)))
            ax.set_axis_off()
            ax.set_title(month_name(str(month)), fontsize=7.5)
        mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
        bar = fig.colorbar(
            mappable,
            ax=axes[0].tolist(),
            orientation="horizontal",
            shrink=0.5,
            aspect=40,
            pad=0.02,
            ticks=list(MAP_BINS[:-1]),
        )
        bar.ax.set_xticklabels([f"{b:g}" for b in MAP_BINS[:-2]] + [f"{MAP_BINS[-2]:g}+"])
        bar.set_label("expected fatalities (mean of the forecast draws)", fontsize=6.5)
        bar.ax.tick_params(labelsize=6)
        return _png(fig, dpi=170, tight=False)


def sparkline(history: Sequence[float], forecast: Sequence[float] = ()) -> bytes:
    """Monthly fatalities as bars (the last month dark), then the forecast means as dots after
    a thin rule: a small SVG written directly (ten of them cost nothing to draw)."""
    values = [max(float(v), 0.0) for v in history]
    ahead = [max(float(v), 0.0) for v in forecast]
    width, height = 96.0, 20.0
    top = max([*values, *ahead, 1.0])
    scale = (height - 1.0) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}">'
    ]
    slot = width / (len(values) + len(ahead) + 1.5)
    for i, v in enumerate(values):
        h = v * scale
        colour = INK if i == len(values) - 1 else MUTED
        if h > 0:
            parts.append(
                f'<rect x="{i * slot:.2f}" y="{height - h:.2f}" width="{slot * 0.8:.2f}" '
                f'height="{h:.2f}" fill="{colour}"/>'
            )
    parts.append(
        f'<line x1="0" y1="{height - 0.25:g}" x2="{len(values) * slot:.2f}" '
        f'y2="{height - 0.25:g}" stroke="{MUTED}" stroke-width="0.5"/>'
    )
    if ahead:
        rule = (len(values) + 0.4) * slot
        parts.append(
            f'<line x1="{rule:.2f}" y1="0" x2="{rule:.2f}" y2="{height:g}" stroke="{MUTED}" '
            'stroke-width="0.4"/>'
        )
        for k, v in enumerate(ahead):
            cx = (len(values) + 1.0 + k) * slot + slot * 0.4
            cy = height - v * scale
            parts.append(
                f'<circle cx="{cx:.2f}" cy="{min(cy, height - 1.2):.2f}" r="1.2" fill="{ACCENT}"/>'
            )
    parts.append("</svg>")
    return "".join(parts).encode()


def monthly_chart(monthly: pd.DataFrame) -> bytes:
    """Fatalities per month (bars, the report month dark) and events (line), 36 months."""
    with plt.rc_context(_FONT):
        fig, ax = plt.subplots(figsize=(6.6, 1.45))
        x = np.arange(len(monthly))
        colours = [MUTED] * (len(monthly) - 1) + [ACCENT]
        ax.bar(x, monthly["deaths"], color=colours, width=0.75, label="fatalities")
        ax.set_ylabel("fatalities")
        twin = ax.twinx()
        twin.plot(x, monthly["events"], color=INK, linewidth=0.9, label="events")
        twin.set_ylabel("events")
        twin.set_ylim(0, max(int(monthly["events"].max()), 1) * 1.15)
        ax.set_ylim(0, max(int(monthly["deaths"].max()), 1) * 1.15)
        ticks = [i for i, m in enumerate(monthly["month"]) if str(m).endswith(("-01", "-07"))]
        ax.set_xticks(
            ticks,
            [
                month_name(str(monthly["month"].iloc[i]))[:3]
                + " "
                + str(monthly["month"].iloc[i])[:4]
                for i in ticks
            ],
        )
        ax.set_xlim(-0.6, len(monthly) - 0.4)
        for spine in ("top",):
            ax.spines[spine].set_visible(False)
            twin.spines[spine].set_visible(False)
        handles: list[Any] = [ax.containers[0], twin.get_lines()[0]]
        ax.legend(handles, ["fatalities", "events"], loc="upper left", frameon=False, ncols=2)
        return _png(fig)
