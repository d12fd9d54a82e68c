"""Ingest on small GED-shaped files written here: contract details without the shared data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import signalfire
from signalfire.sources.ucdp import GED_COLUMNS

BASE = {
    "type_of_violence": "1",
    "side_a": "Government of Pakistan",
    "side_b": "TTP",
    "where_prec": "1",
    "latitude": "34.0",
    "longitude": "71.5",
    "country": "Pakistan",
    "iso3": "PAK",
    "date_prec": "1",
    "date_start": "2019-05-01 00:00:00.000",
    "date_end": "2019-05-01 00:00:00.000",
    "best": "3",
    "low": "2",
    "high": "4",
    "deaths_civilians": "0",
    "source_headline": 'Clash, "near" Peshawar;\nsecond line',
}


def write_ged(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=GED_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({**dict.fromkeys(GED_COLUMNS, ""), **BASE, **row})
    return path


def test_ged_without_iso3_maps_country_names(store: signalfire.Store, tmp_path: Path) -> None:
    path = write_ged(
        tmp_path / "g.csv",
        [
            {"id": "1", "iso3": ""},
            {"id": "2", "iso3": "", "country": "DR Congo (Zaire)"},
            {"id": "3", "iso3": "", "country": "Russia (Soviet Union)"},
            {"id": "4", "iso3": "", "country": "Narnia"},
        ],
    )
    report = signalfire.ingest(store, "ucdp-ged", path)
    assert report.rows_stored == 3
    assert store.events().set_index("source_event_id")["country_iso3"].to_dict() == {
        "1": "PAK",
        "2": "COD",
        "3": "RUS",
    }
    reason = store.quarantine()["reason"].tolist()
    assert reason == ["unknown country 'Narnia'"]


def test_absurd_death_counts_are_quarantined_not_crashed(
    store: signalfire.Store, tmp_path: Path
) -> None:
    path = write_ged(
        tmp_path / "g.csv",
        [
            {"id": "1", "best": "inf"},
            {"id": "2", "best": "1e30"},
            {"id": "3"},
        ],
    )
    report = signalfire.ingest(store, "ucdp-ged", path)
    assert (report.rows_stored, report.rows_quarantined) == (1, 2)
    reasons = store.quarantine()["reason"].tolist()
    assert all("best" in r for r in reasons)


def test_canonical_values(store: signalfire.Store, tmp_path: Path) -> None:
    path = write_ged(
        tmp_path / "g.csv",
        [
            {
                "id": "7",
                "type_of_violence": "3",
                "best": "5",
                "low": "6",
                "high": "9",
                "date_end": "2019-06-02 00:00:00.000",
                "where_prec": "2",
            },
        ],
    )
    signalfire.ingest(store, "ucdp-ged", path)
    event = store.events().iloc[0]
    assert event["event_id"] == "ucdp-ged:7"
    assert event["violence_type"] == "one-sided"
    assert event["source_row"] == 1
    assert str(event["date_start"].date()) == "2019-05-01"
    assert str(event["date_end"].date()) == "2019-06-02"
    assert sorted(event["quality_flags"]) == ["best_outside_low_high", "spans_months"]
    assert event["headline"] == 'Clash, "near" Peshawar;\nsecond line'
    assert event["location_method"] == "no-boundaries"


def test_stored_plus_quarantined_is_rows_read(store: signalfire.Store, tmp_path: Path) -> None:
    rows = [{"id": str(i)} for i in range(50)]
    rows[3]["best"] = "-1"
    rows[9]["date_start"] = "2019-13-01"
    rows[20]["id"] = "5"
    path = write_ged(tmp_path / "g.csv", rows)
    report = signalfire.ingest(store, "ucdp-ged", path, batch_bytes=2048)
    assert report.rows_read == 50
    assert (report.rows_stored, report.rows_quarantined) == (47, 3)
    quarantined = store.quarantine().set_index("row_number")["reason"].to_dict()
    assert quarantined[4] == "negative deaths in best: best=-1"
    assert quarantined[10].startswith("date_start '2019-13-01' is not a date")
    assert quarantined[21] == "duplicate id ucdp-ged:5 (first at row 6)"
    sources = store.sources().iloc[0]
    assert (sources["rows_read"], sources["rows_stored"], sources["rows_quarantined"]) == (
        50,
        47,
        3,
    )


@pytest.mark.parametrize("kind", ["acled", "gtd", "ucdp-country-month"])
def test_ged_file_is_not_another_format(store: signalfire.Store, tmp_path: Path, kind: str) -> None:
    path = write_ged(tmp_path / "g.csv", [{"id": "1"}])
    with pytest.raises(signalfire.FormatError, match="missing columns") as info:
        signalfire.ingest(store, kind, path)
    assert info.value.missing
    assert "id" in info.value.found
