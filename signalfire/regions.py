"""Province and district boundaries: reading GeoJSON, and locating events in them.

Region ids: a country is its ISO 3166-1 alpha-3 code, a province its ISO 3166-2 code
(`PK-BA`), a district its geoBoundaries shapeID (`gb_shapeID`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree

from .domain import DISTRICT_PRECISION_MAX, PROVINCE_PRECISION_MAX, REGION_LEVELS
from .errors import FormatError, InputError

EARTH_RADIUS_KM = 6371.0088

# Property names tried in order, per level (ours, then geoBoundaries', then common others).
_ID_FIELDS = {
    "adm0": ("iso3", "shapeGroup", "ISO_A3", "ADM0_A3"),
    "adm1": ("adm1_iso", "shapeISO", "iso_3166_2", "ISO"),
    "adm2": ("gb_shapeID", "shapeID"),
}
_NAME_FIELDS = {
    "adm0": ("name", "shapeName", "NAME", "ADMIN"),
    "adm1": ("adm1_name", "shapeName", "name"),
    "adm2": ("adm2_name", "shapeName", "name"),
}
_PARENT_FIELDS = {"adm0": (), "adm1": ("iso3", "shapeGroup"), "adm2": ("adm1_iso",)}
_ISO3_FIELDS = ("iso3", "shapeGroup", "ISO_A3", "ADM0_A3")


def _pick(props: dict[str, Any], names: Sequence[str]) -> str:
    for name in names:
        value = props.get(name)
        if value not in (None, ""):
            return str(value)
    return ""


def read_geojson(path: Path, level: str, iso3: str | None = None) -> pd.DataFrame:
    """Regions from a GeoJSON FeatureCollection: region_id, level, name, parent_id, iso3, geometry.

    geometry holds shapely objects; parent_id may be empty when the file does not give it
    (the store then finds it by location).
    """
    if level not in REGION_LEVELS:
        raise InputError(path, f"level must be one of {REGION_LEVELS}, got {level!r}")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(path, "GeoJSON", hint=str(exc)) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise FormatError(path, "GeoJSON FeatureCollection")
    records = []
    for number, feature in enumerate(data.get("features", []), start=1):
        props = feature.get("properties") or {}
        region_id = _pick(props, _ID_FIELDS[level])
        country = (iso3 or _pick(props, _ISO3_FIELDS)).upper()
        if level == "adm0":
            region_id = region_id or country
        elif level == "adm1" and not region_id and country:
            region_id = iso3166_2_code(country, _pick(props, _NAME_FIELDS[level]))
        if not region_id:
            raise FormatError(
                path,
                f"{level} boundaries",
                missing=[" or ".join(_ID_FIELDS[level])],
                found=sorted(props),
                hint=f"feature {number} has no region id",
            )
        if not country:
            raise FormatError(
                path,
                f"{level} boundaries",
                missing=["iso3"],
                found=sorted(props),
                hint=f"feature {number}: pass --iso3 for files without it",
            )
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(path, f"feature {number} ({region_id}): bad geometry: {exc}") from None
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        parent = _pick(props, _PARENT_FIELDS[level]) if level != "adm1" else country
        records.append(
            {
                "region_id": region_id,
                "level": level,
                "name": _pick(props, _NAME_FIELDS[level]) or region_id,
                "parent_id": None if level == "adm0" else (parent or None),
                "iso3": country,
                "geometry": geometry,
            }
        )
    if not records:
        raise FormatError(path, "GeoJSON FeatureCollection", hint="it has no features")
    frame = pd.DataFrame.from_records(records)
    dupes = frame["region_id"][frame["region_id"].duplicated()].unique().tolist()
    if dupes:
        raise InputError(path, f"repeated region ids: {dupes[:5]}")
    return frame


def iso3166_2_code(iso3: str, name: str) -> str:
    """The ISO 3166-2 code of a province from its name ("" when unknown or ambiguous)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    if country is None or not name:
        return ""
    wanted = _fold(name)
    matches = [
        sub.code
        for sub in pycountry.subdivisions.get(country_code=country.alpha_2) or []
        if _fold(sub.name) == wanted
    ]
    return matches[0] if len(matches) == 1 else ""


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).lower()


def haversine_km(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> np.ndarray:
    lon1, lat1, lon2, lat2 = (
        np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)))


@dataclass
class _Layer:
    ids: np.ndarray
    parents: np.ndarray
    geometries: np.ndarray
    tree: STRtree = field(init=False)

    def __post_init__(self) -> None:
        self.tree = STRtree(self.geometries)

    def locate(self, points: np.ndarray, snap_km: float) -> tuple[np.ndarray, np.ndarray]:
        """Index of the polygon holding each point (-1: none within snap_km) and snap distance.

        A point on several polygons (boundary slivers) takes the first in id order.
        """
        found = np.full(len(points), -1, dtype=np.int64)
        distance = np.full(len(points), np.nan)
        if len(points) == 0:
            return found, distance
        point_idx, poly_idx = self.tree.query(points, predicate="intersects")
        order = np.lexsort((poly_idx, point_idx))
        point_idx, poly_idx = point_idx[order], poly_idx[order]
        first = np.unique(point_idx, return_index=True)[1]
        found[point_idx[first]] = poly_idx[first]
        distance[point_idx[first]] = 0.0
        outside = np.flatnonzero(found < 0)
        if len(outside) and snap_km > 0:
            # Degrees of longitude shrink with latitude; this bound is generous up to ~70°.
            max_degrees = snap_km / 111.0 / np.cos(np.radians(70))
            near_pt, near_poly = self.tree.query_nearest(
                points[outside], max_distance=max_degrees, all_matches=False
            )
            if len(near_pt):
                candidates = outside[near_pt]
                lines = shapely.shortest_line(points[candidates], self.geometries[near_poly])
                coords = shapely.get_coordinates(lines).reshape(-1, 2, 2)
                km = haversine_km(
                    coords[:, 0, 0], coords[:, 0, 1], coords[:, 1, 0], coords[:, 1, 1]
                )
                close = km <= snap_km
                found[candidates[close]] = near_poly[close]
                distance[candidates[close]] = km[close]
        return found, distance


class RegionIndex:
    """Point-in-polygon lookup over the store's regions, per country."""

    def __init__(self, regions: pd.DataFrame) -> None:
        self._layers: dict[tuple[str, str], _Layer] = {}
        for (iso3, level), group in regions.groupby(["iso3", "level"]):
            group = group.sort_values("region_id")
            self._layers[(str(iso3), str(level))] = _Layer(
                group["region_id"].to_numpy(dtype=object),
                group["parent_id"].to_numpy(dtype=object),
                np.asarray(group["geometry"].tolist(), dtype=object),
            )

    def countries(self) -> set[str]:
        return {iso3 for iso3, _ in self._layers}

    def assign(self, events: pd.DataFrame, snap_km: float) -> pd.DataFrame:
        """adm1_id, adm2_id, location_method, snap_km and `outside` for each event row.

        `outside` marks events whose country has boundaries but whose point lies further than
        snap_km from all of them: the caller quarantines those. Each distinct place is looked up
        once (many events share a town's coordinates).
        """
        precision = events["location_precision"].astype("float64").fillna(1).to_numpy()
        places = pd.DataFrame(
            {
                "iso3": events["country_iso3"].fillna("").to_numpy(dtype=object),
                # NaN does not factorise as a value; no real coordinate is 999.
                "lat": events["lat"].astype("float64").fillna(999.0).to_numpy(),
                "lon": events["lon"].astype("float64").fillna(999.0).to_numpy(),
                "precision": np.select(
                    [
                        precision <= DISTRICT_PRECISION_MAX,
                        precision <= PROVINCE_PRECISION_MAX,
                        precision < 7,
                    ],
                    [0, 1, 2],
                    3,
                ),
            }
        )
        groups = places.groupby(list(places.columns), sort=False)
        # With sort=False both number the places in order of first appearance.
        codes = groups.ngroup().to_numpy()
        unique = groups.head(1)
        located = self._assign_distinct(
            unique["iso3"].to_numpy(dtype=object),
            unique["lat"].to_numpy(dtype=float),
            unique["lon"].to_numpy(dtype=float),
            unique["precision"].to_numpy(dtype=int),
            snap_km,
        )
        # dtype kept as given: pandas would otherwise turn the ids' None into NaN.
        return pd.DataFrame(
            {name: pd.Series(values[codes], dtype=values.dtype) for name, values in located.items()}
        )

    def _assign_distinct(
        self, iso3: np.ndarray, lat: np.ndarray, lon: np.ndarray, kind: np.ndarray, snap_km: float
    ) -> dict[str, np.ndarray]:
        """kind: 0 district precision, 1 province only, 2 country only, 3 not on land."""
        n = len(iso3)
        out = {
            "adm1_id": np.full(n, None, dtype=object),
            "adm2_id": np.full(n, None, dtype=object),
            "location_method": np.full(n, "no-boundaries", dtype=object),
            "snap_km": np.full(n, np.nan),
            "outside": np.zeros(n, dtype=bool),
        }
        has_coords = (lat != 999.0) & (lon != 999.0)
        for country in pd.unique(iso3):
            adm2 = self._layers.get((country, "adm2"))
            adm1 = self._layers.get((country, "adm1"))
            if adm2 is None and adm1 is None:
                continue
            mine = iso3 == country
            located = mine & has_coords
            self._place(
                out,
                np.flatnonzero(located & (kind == 0)),
                lon,
                lat,
                adm2 or adm1,
                snap_km,
                district=adm2 is not None,
            )
            self._place(
                out,
                np.flatnonzero(located & (kind == 1)),
                lon,
                lat,
                adm1 or adm2,
                snap_km,
                district=False,
                method="province-only",
                parent_of_district=adm1 is None,
            )
            self._place(
                out,
                np.flatnonzero(located & (kind == 2)),
                lon,
                lat,
                adm1 or adm2,
                snap_km,
                district=False,
                method="country-only",
                keep_ids=False,
            )
            # No coordinates, or international waters (7): nothing to check against.
            out["location_method"][mine & (~has_coords | (kind == 3))] = "country-only"
        return out

    @staticmethod
    def _place(
        out: dict[str, np.ndarray],
        rows: np.ndarray,
        lon: np.ndarray,
        lat: np.ndarray,
        layer: _Layer | None,
        snap_km: float,
        *,
        district: bool,
        method: str | None = None,
        parent_of_district: bool = False,
        keep_ids: bool = True,
    ) -> None:
        if layer is None or len(rows) == 0:
            return
        found, distance = layer.locate(shapely.points(lon[rows], lat[rows]), snap_km)
        ok = found >= 0
        located, idx = rows[ok], found[ok]
        out["outside"][rows[~ok]] = True
        out["snap_km"][located] = distance[ok]
        if method is None:
            out["location_method"][located] = np.where(distance[ok] > 0, "nearest", "within")
        else:
            out["location_method"][located] = method
        if not keep_ids:
            return
        if district:
            out["adm2_id"][located] = layer.ids[idx]
            out["adm1_id"][located] = layer.parents[idx]
        elif parent_of_district:
            out["adm1_id"][located] = layer.parents[idx]
        else:
            out["adm1_id"][located] = layer.ids[idx]
