"""Boundaries from GeoJSON, and locating events in them (synthetic squares, no shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import signalfire
from signalfire.regions import haversine_km, iso3166_2_code, read_geojson


def _square(x0: float, y0: float, size: float = 1.0) -> dict:
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


def _write(path: Path, features: list[tuple[dict, dict]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": p, "geometry": g} for p, g in features
                ],
            }
        )
    )
    return path


@pytest.fixture
def toy_country(tmp_path: Path) -> tuple[Path, Path]:
    """Two provinces of country XXA, each of two districts, in geoBoundaries' own columns."""
    provinces = _write(
        tmp_path / "adm1.geojson",
        [
            ({"shapeISO": "XA-01", "shapeName": "West", "shapeGroup": "XXA"}, _square(60, 30, 2)),
            ({"shapeISO": "XA-02", "shapeName": "East", "shapeGroup": "XXA"}, _square(62, 30, 2)),
        ],
    )
    districts = _write(
        tmp_path / "adm2.geojson",
        [
            (
                {"shapeID": f"D{i}", "shapeName": f"District {i}", "shapeGroup": "XXA"},
                _square(60 + i, 30, 1),
            )
            for i in range(4)
        ]
        + [
            (
                {"shapeID": f"D{i + 4}", "shapeName": f"District {i + 4}", "shapeGroup": "XXA"},
                _square(60 + i, 31, 1),
            )
            for i in range(4)
        ],
    )
    return provinces, districts


def _events(rows: list[tuple[float, float, int]], iso3: str = "XXA") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lon": [r[0] for r in rows],
            "lat": [r[1] for r in rows],
            "location_precision": [r[2] for r in rows],
            "country_iso3": iso3,
        }
    )


def test_geoboundaries_columns_are_understood(toy_country: tuple[Path, Path]) -> None:
    provinces = read_geojson(toy_country[0], "adm1")
    assert provinces["region_id"].tolist() == ["XA-01", "XA-02"]
    assert provinces["parent_id"].tolist() == ["XXA", "XXA"]
    districts = read_geojson(toy_country[1], "adm2")
    assert districts["name"].iloc[0] == "District 0"
    assert districts["parent_id"].isna().all()


def test_districts_without_a_province_get_one_by_location(
    store: signalfire.Store, toy_country: tuple[Path, Path]
) -> None:
    signalfire.load_regions(store, toy_country[0], "adm1")
    signalfire.load_regions(store, toy_country[1], "adm2")
    parents = store.regions("adm2", geometry="none").set_index("region_id")["parent_id"]
    assert parents.to_dict() == {
        "D0": "XA-01",
        "D1": "XA-01",
        "D2": "XA-02",
        "D3": "XA-02",
        "D4": "XA-01",
        "D5": "XA-01",
        "D6": "XA-02",
        "D7": "XA-02",
    }


def test_assign_within_nearest_outside_and_coarse(
    store: signalfire.Store, toy_country: tuple[Path, Path]
) -> None:
    signalfire.load_regions(store, toy_country[0], "adm1")
    signalfire.load_regions(store, toy_country[1], "adm2")
    index = store.region_index()
    events = _events(
        [
            (60.5, 30.5, 1),  # inside D0
            (63.5, 31.5, 2),  # inside D7
            (64.05, 30.5, 1),  # ~5 km east of D3: snapped
            (66.0, 30.5, 1),  # ~190 km away: outside
            (62.5, 30.5, 4),  # province-only: XA-02, no district
            (61.0, 31.0, 6),  # country-only
            (70.0, 10.0, 7),  # international waters: not checked
        ]
    )
    located = index.assign(events, snap_km=25)
    assert located["adm2_id"].tolist()[:3] == ["D0", "D7", "D3"]
    assert located["adm1_id"].tolist()[:3] == ["XA-01", "XA-02", "XA-02"]
    assert located["location_method"].tolist() == [
        "within",
        "within",
        "nearest",
        "no-boundaries",
        "province-only",
        "country-only",
        "country-only",
    ]
    assert located["outside"].tolist() == [False, False, False, True, False, False, False]
    assert 4 < located["snap_km"].iloc[2] < 6
    assert located["adm1_id"].iloc[4] == "XA-02" and located["adm2_id"].iloc[4] is None
    assert located["adm1_id"].iloc[5] is None


def test_point_on_a_shared_border_takes_one_district_deterministically(
    store: signalfire.Store, toy_country: tuple[Path, Path]
) -> None:
    signalfire.load_regions(store, toy_country[1], "adm2", iso3="XXA")
    located = store.region_index().assign(_events([(61.0, 30.5, 1)] * 3), snap_km=25)
    assert located["adm2_id"].tolist() == ["D0", "D0", "D0"]


def test_country_without_boundaries_is_left_unlocated(
    store: signalfire.Store, toy_country: tuple[Path, Path]
) -> None:
    signalfire.load_regions(store, toy_country[1], "adm2")
    located = store.region_index().assign(_events([(60.5, 30.5, 1)], iso3="YYY"), snap_km=25)
    assert located["location_method"].tolist() == ["no-boundaries"]
    assert not located["outside"].any()


def test_loading_boundaries_relocates_stored_events(
    store: signalfire.Store, toy_country: tuple[Path, Path], tmp_path: Path
) -> None:
    from test_ingest_small import write_ged

    path = write_ged(
        tmp_path / "ged.csv",
        [
            {"id": "1", "latitude": "30.5", "longitude": "60.5", "country": "XXA", "iso3": "XXA"},
        ],
    )
    report = signalfire.ingest(store, "ucdp-ged", path)
    assert report.location_methods == {"no-boundaries": 1}
    signalfire.load_regions(store, toy_country[1], "adm2")
    assert store.events()["adm2_id"].tolist() == ["D0"]


def test_bad_geojson_names_the_file_and_feature(tmp_path: Path) -> None:
    no_id = _write(tmp_path / "noid.geojson", [({"shapeName": "X"}, _square(0, 0))])
    with pytest.raises(signalfire.FormatError, match=r"noid\.geojson.*feature 1"):
        read_geojson(no_id, "adm2", iso3="XXA")
    not_json = tmp_path / "broken.geojson"
    not_json.write_text("{ nope")
    with pytest.raises(signalfire.FormatError, match=r"broken\.geojson"):
        read_geojson(not_json, "adm1")
    with pytest.raises(signalfire.InputError, match="level must be"):
        read_geojson(no_id, "adm9")


def test_province_code_from_its_name() -> None:
    assert iso3166_2_code("PAK", "Balochistan") == "PK-BA"
    assert iso3166_2_code("AFG", "Nangarhār") == "AF-NAN"
    assert iso3166_2_code("PAK", "Atlantis") == ""


def test_haversine_known_distance() -> None:
    # Peshawar to Kabul is about 230 km.
    km = haversine_km(71.5249, 34.0151, 69.2075, 34.5553)
    assert 200 < float(km) < 240
    assert np.isclose(haversine_km(10, 10, 10, 10), 0)
