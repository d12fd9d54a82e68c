"""The real UCDP GED Pakistan file, end to end: counts, locations, flags, idempotence, updates."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import shapely
from shapely.ops import nearest_points

import signalfire
from signalfire.regions import haversine_km


def _ged_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_stores_every_event(ged_store: signalfire.Store, ged_path: Path) -> None:
    sources = ged_store.sources()
    assert len(sources) == 1
    row = sources.iloc[0]
    assert row["rows_read"] == 6082
    assert row["rows_stored"] == 6082
    assert row["rows_quarantined"] == 0
    assert ged_store.counts()["events"] == 6082
    stored = set(ged_store.events()["source_event_id"])
    assert stored == {r["id"] for r in _ged_rows(ged_path)}


def test_every_district_precision_event_has_a_district(ged_store: signalfire.Store) -> None:
    located = ged_store.query(
        """SELECT location_precision <= 3 AS fine, count(*) AS n,
                  count(adm2_id) AS with_adm2, count(adm1_id) AS with_adm1
           FROM events GROUP BY 1"""
    ).set_index("fine")
    assert located.loc[True, "n"] == located.loc[True, "with_adm2"] == 5796
    # Province- or country-level events are never pinned to a district.
    assert located.loc[False, "with_adm2"] == 0
    province_only = ged_store.query(
        "SELECT count(*) AS n, count(adm1_id) AS a FROM events WHERE location_precision = 4"
    ).iloc[0]
    assert province_only["n"] == province_only["a"] == 59


def test_district_parent_is_its_province(ged_store: signalfire.Store) -> None:
    mismatched = ged_store.query(
        """SELECT count(*) AS n FROM events e JOIN regions d ON d.region_id = e.adm2_id
           WHERE d.parent_id <> e.adm1_id"""
    ).iloc[0]["n"]
    assert mismatched == 0


def test_province_counts_match_a_direct_point_in_polygon_count(
    ged_store: signalfire.Store, ged_path: Path, shared_data: Path
) -> None:
    """Recount provinces straight from the CSV and the GeoJSON, without the store's code."""
    provinces = json.loads((shared_data / "geo" / "pak_adm1_derived.geojson").read_text())
    shapes = [
        (f["properties"]["adm1_iso"], shapely.geometry.shape(f["geometry"]))
        for f in provinces["features"]
    ]
    inside: Counter[str] = Counter()
    outside = 0
    for row in _ged_rows(ged_path):
        if int(row["where_prec"]) > 4:
            continue
        point = shapely.Point(float(row["longitude"]), float(row["latitude"]))
        hits = sorted(code for code, polygon in shapes if polygon.intersects(point))
        if hits:
            inside[hits[0]] += 1
        else:
            outside += 1
    stored = ged_store.query(
        """SELECT adm1_id, count(*) AS n FROM events
           WHERE location_precision <= 4 AND location_method IN ('within', 'province-only')
             AND coalesce(snap_km, 0) = 0
           GROUP BY 1"""
    )
    assert dict(zip(stored["adm1_id"], stored["n"], strict=True)) == dict(inside)
    snapped = ged_store.query(
        "SELECT count(*) AS n FROM events WHERE location_precision <= 4 AND snap_km > 0"
    ).iloc[0]["n"]
    assert snapped == outside


def test_snapped_events_are_close_and_flagged(ged_store: signalfire.Store) -> None:
    snapped = ged_store.query(
        "SELECT snap_km, quality_flags FROM events WHERE location_method = 'nearest'"
    )
    assert len(snapped) > 100
    assert snapped["snap_km"].between(0, 25, inclusive="right").all()
    assert all("snapped_to_nearest" in flags for flags in snapped["quality_flags"])


def test_snap_distance_is_geodesic(ged_store: signalfire.Store) -> None:
    """The stored distance is the great-circle distance to the assigned polygon."""
    row = ged_store.query(
        """SELECT e.lat, e.lon, e.snap_km, ST_AsWKB(r.geometry) AS g FROM events e
           JOIN regions r ON r.region_id = e.adm2_id
           WHERE location_method = 'nearest' ORDER BY snap_km DESC LIMIT 1"""
    ).iloc[0]
    polygon = shapely.from_wkb(bytes(row["g"]))
    nearest = nearest_points(polygon, shapely.Point(row["lon"], row["lat"]))[0]
    expected = haversine_km(row["lon"], row["lat"], nearest.x, nearest.y)
    assert abs(float(expected) - row["snap_km"]) < 0.5


def test_odd_rows_are_kept_with_flags(ged_store: signalfire.Store, ged_path: Path) -> None:
    rows = _ged_rows(ged_path)
    outside_range = {r["id"] for r in rows if not int(r["low"]) <= int(r["best"]) <= int(r["high"])}
    spanning = {r["id"] for r in rows if r["date_start"][:7] != r["date_end"][:7]}
    flagged = ged_store.query(
        "SELECT source_event_id, quality_flags FROM events WHERE len(quality_flags) > 0"
    )
    by_flag: dict[str, set[str]] = {}
    for event_id, flags in zip(flagged["source_event_id"], flagged["quality_flags"], strict=True):
        for flag in flags:
            by_flag.setdefault(flag, set()).add(event_id)
    assert by_flag["best_outside_low_high"] == outside_range
    assert by_flag["spans_months"] == spanning
    assert len(outside_range) > 150


def test_same_file_twice_adds_nothing(ged_store_path: Path, ged_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(ged_store_path.read_bytes())
    with signalfire.open(copy) as store:
        before = store.counts()
        again = signalfire.ingest(store, "ucdp-ged", ged_path)
        assert again.already_ingested
        assert store.counts() == before
        forced = signalfire.ingest(store, "ucdp-ged", ged_path, force=True)
        assert (forced.rows_new, forced.rows_updated, forced.rows_unchanged) == (0, 0, 6082)
        assert store.counts()["events"] == before["events"]


def test_newer_version_updates_changed_rows(
    ged_store_path: Path, ged_path: Path, tmp_path: Path
) -> None:
    rows = _ged_rows(ged_path)
    fields = list(rows[0])
    changed_ids = [rows[10]["id"], rows[2000]["id"], rows[5000]["id"]]
    for index in (10, 2000, 5000):
        rows[index]["best"] = str(int(rows[index]["best"]) + 7)
        rows[index]["high"] = str(int(rows[index]["high"]) + 7)
    new_rows = [dict(rows[0], id="9990001"), dict(rows[1], id="9990002")]
    removed = rows.pop(3000)  # a release may drop events; we keep what we had
    newer = tmp_path / "ged231_pak.csv"
    with newer.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows[::-1] + new_rows)  # another order: ids, not positions, match
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(ged_store_path.read_bytes())
    with signalfire.open(copy) as store:
        report = signalfire.ingest(store, "ucdp-ged", newer)
        assert (report.rows_new, report.rows_updated) == (2, 3)
        assert report.rows_unchanged == 6082 - 1 - 3
        events = store.events().set_index("source_event_id")
        assert len(events) == 6084
        assert removed["id"] in events.index
        for event_id, original in zip(changed_ids, (10, 2000, 5000), strict=True):
            assert (
                events.loc[event_id, "deaths_best"]
                == int(_ged_rows(ged_path)[original]["best"]) + 7
            )
            assert events.loc[event_id, "source_id"] == report.source_id
        assert store.sources()["source_version"].tolist() == ["22.1", "23.1"]


def test_zipped_file_gives_the_same_events(
    ged_path: Path, tmp_path: Path, shared_data: Path
) -> None:
    import zipfile

    archive = tmp_path / "ged221-csv.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(ged_path, arcname="GEDEvent_v22_1.csv")
    with signalfire.open(tmp_path / "z.duckdb") as store:
        from conftest import load_boundaries

        load_boundaries(store, shared_data)
        report = signalfire.ingest(store, "ucdp-ged", archive)
        assert report.rows_stored == 6082
        assert report.location_methods["within"] > 5000


def test_events_query_filters(ged_store: signalfire.Store) -> None:
    balochistan = ged_store.events(adm1=("PK-BA",))
    assert len(balochistan) > 100
    assert set(balochistan["adm1_id"]) == {"PK-BA"}
    ttp_2019 = ged_store.events(actor="ttp", since=__import__("datetime").date(2019, 1, 1))
    assert len(ttp_2019) > 0
    assert (ttp_2019["date_end"].dt.year >= 2019).all()
    assert ttp_2019.apply(lambda r: "TTP" in r["actor1"] + r["actor2"], axis=1).all()
    one_sided = ged_store.events(violence_type=("one-sided",))
    assert set(one_sided["violence_type"]) == {"one-sided"}
    assert len(ged_store.events(limit=5)) == 5
