"""Writing query results as csv, jsonl, parquet or GeoJSON, to a file or stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from .errors import ConfigError

FORMATS = ("table", "csv", "jsonl", "parquet", "geojson")


def _plain(value: Any) -> Any:
    """A JSON-ready value: NaN/NaT to null, numpy scalars and arrays to Python."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            if column.startswith("date"):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d")
            else:
                frame[column] = frame[column].dt.strftime("%Y-%m-%dT%H:%M:%S")
    return frame


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    frame = _dates_as_text(frame)
    columns = list(frame.columns)
    return [
        {c: _plain(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def geojson(frame: pd.DataFrame, geometry: str = "points") -> dict[str, Any]:
    """Events as Point features (from lat/lon), or regions from a 'geometry' GeoJSON column."""
    features = []
    for row in records(frame):
        if geometry == "points":
            lat, lon = row.pop("lat", None), row.pop("lon", None)
            geom = (
                None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
            )
        else:
            text = row.pop("geometry", None)
            geom = json.loads(text) if text else None
        features.append({"type": "Feature", "properties": row, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def write(
    frame: pd.DataFrame,
    fmt: str,
    out: Path | None,
    *,
    geometry: str = "points",
    stdout: TextIO | None = None,
) -> None:
    """Write `frame` as `fmt` to `out` (stdout when None; parquet needs a file)."""
    stream = stdout or sys.stdout
    if fmt not in FORMATS or fmt == "table":
        raise ConfigError("format", fmt, f"one of {', '.join(FORMATS[1:])}")
    if fmt == "parquet":
        if out is None:
            raise ConfigError("out", None, "a file path: parquet is binary, use --out FILE")
        frame.to_parquet(out, index=False)
        return
    if fmt == "csv":
        text = _dates_as_text(frame).to_csv(index=False)
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(frame))
    else:
        text = json.dumps(geojson(frame, geometry), ensure_ascii=False)
    if out is None:
        stream.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
