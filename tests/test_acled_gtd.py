"""ACLED and GTD adapters, end to end on small invented fixtures written from the codebooks.

ACLED and GTD files cannot be redistributed, so tests/fixtures/{acled,gtd} hold invented but
realistic rows for Pakistan and Afghanistan, some deliberately bad (see their READMEs). The
ingest tests load the shared province and district boundaries and skip without them.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import os
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

import signalfire
from signalfire import settings
from signalfire.domain import DATE_PRECISION, LOCATION_PRECISION, VIOLENCE_TYPES, IngestReport
from signalfire.errors import FormatError
from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions
from signalfire.schema import EVENT_SOURCE_COLUMNS
from signalfire.sources import get_adapter
from signalfire.sources.acled import EVENT_TYPES, AcledAdapter, actor_type_codes
from signalfire.sources.acled import violence_types as acled_violence_types
from signalfire.sources.base import RawChunk
from signalfire.sources.gtd import GtdAdapter, gtd_dates, location_precision
from signalfire.sources.readers import read_chunks

FIXTURES = Path(__file__).parent / "fixtures"
ACLED_CSV = FIXTURES / "acled" / "acled_pak_sample.csv"
GTD_CSV = FIXTURES / "gtd" / "gtd_pak_sample.csv"

# Columns that differ between two ingests of the same events.
_PER_INGEST = ["source_id", "ingested_at", "updated_at"]


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def geo_data() -> Path:
    folder = settings.data_dir()
    missing = [
        relative
        for relative, _ in DEFAULT_BOUNDARIES
        if folder is None or not (folder / relative).is_file()
    ]
    if folder is None or missing:
        pytest.skip(
            "the shared boundaries (../shared/data/geo: "
            + ", ".join(missing)
            + ") are not beside the project; set SIGNALFIRE_DATA_DIR to run these tests"
        )
    return folder


@pytest.fixture(scope="module")
def bounded_template(tmp_path_factory: pytest.TempPathFactory, geo_data: Path) -> Path:
    """A closed store file with the shared boundaries loaded, copied by each test."""
    path = tmp_path_factory.mktemp("template") / "s.duckdb"
    with signalfire.open(path) as store:
        for relative, level in DEFAULT_BOUNDARIES:
            load_regions(store, geo_data / relative, level)
    return path


def _fresh_store(template: Path, folder: Path) -> signalfire.Store:
    path = folder / "s.duckdb"
    shutil.copyfile(template, path)
    return signalfire.open(path)


@pytest.fixture
def fresh_store(bounded_template: Path, tmp_path: Path) -> Iterator[signalfire.Store]:
    with _fresh_store(bounded_template, tmp_path) as store:
        yield store


def _ingested(
    template: Path, factory: pytest.TempPathFactory, kind: str, path: Path
) -> Iterator[tuple[signalfire.Store, IngestReport]]:
    with _fresh_store(template, factory.mktemp(kind)) as store:
        yield store, signalfire.ingest(store, kind, path)


@pytest.fixture(scope="module")
def acled(
    bounded_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[signalfire.Store, IngestReport]]:
    yield from _ingested(bounded_template, tmp_path_factory, "acled", ACLED_CSV)


@pytest.fixture(scope="module")
def gtd(
    bounded_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[signalfire.Store, IngestReport]]:
    yield from _ingested(bounded_template, tmp_path_factory, "gtd", GTD_CSV)


# --- helpers -------------------------------------------------------------------------------


def _events(store: signalfire.Store) -> pd.DataFrame:
    return store.query(
        "SELECT * EXCLUDE (source_id, ingested_at, updated_at), date_start::VARCHAR AS start, "
        "date_end::VARCHAR AS end FROM events ORDER BY event_id"
    ).set_index("source_event_id")


def _value(value: Any) -> Any:
    """A stored value as plain Python: NULL/NaN -> None, numpy ints -> int."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    return value


def _quarantined(store: signalfire.Store, report: IngestReport) -> dict[int, tuple[str, str]]:
    """Quarantined rows of one ingest: row number -> (raw row, reason)."""
    frame = store.quarantine(report.source_id)
    records: list[dict[Any, Any]] = frame.to_dict("records")
    return {int(r["row_number"]): (str(r["raw_row"]), str(r["reason"])) for r in records}


def _records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _chunk(rows: list[dict[str, str]], columns: list[str]) -> RawChunk:
    frame = pd.DataFrame(
        [[row.get(c, "") for c in columns] for row in rows], columns=columns, dtype=object
    )
    return RawChunk(frame, np.arange(1, len(rows) + 1, dtype=np.int64))


def _xlsx_cell(column: str, text: str) -> Any:
    """A CSV field as GTD's own XLSX holds it: numbers as numbers, resolution as a date."""
    if text == "":
        return None
    if column == "resolution":
        for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
            try:
                return dt.datetime.strptime(text, fmt)
            except ValueError:
                pass
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _write_xlsx(source: Path, target: Path) -> Path:
    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([_xlsx_cell(c, t) for c, t in zip(rows[0], row, strict=True)])
    workbook.save(target)
    return target


# --- ACLED ---------------------------------------------------------------------------------

# event_id_cnty -> (date_start, date_precision, location_precision, violence_type, iso3,
#                   deaths_best, deaths_civilians, event_type)
ACLED_EXPECTED = {
    "PAK80001": ("2021-03-15", 1, 1, "state-based", "PAK", 5, None, "Battles: Armed clash"),
    # "DD Month YYYY" date of older exports; time_precision 2 (week) -> 3; geo 2 -> 2
    "PAK80002": ("2019-10-04", 3, 2, "non-state", "PAK", 3, None, "Battles: Armed clash"),
    # time_precision 3 (month) -> 4; geo_precision 3 -> 4 (province only)
    "PAK80003": (
        "2022-08-15",
        4,
        4,
        "one-sided",
        "PAK",
        2,
        2,
        "Violence against civilians: Attack",
    ),
    "PAK80004": (
        "2023-01-30",
        1,
        1,
        "one-sided",
        "PAK",
        12,
        12,
        "Explosions/Remote violence: Suicide bomb",
    ),
    "PAK80005": (
        "2022-11-20",
        1,
        1,
        "state-based",
        "PAK",
        3,
        None,
        "Explosions/Remote violence: Remote explosive/landmine/IED",
    ),
    # an explosion with no second actor and no state forces
    "PAK80006": (
        "2020-07-08",
        1,
        2,
        "non-state",
        "PAK",
        0,
        None,
        "Explosions/Remote violence: Remote explosive/landmine/IED",
    ),
    "PAK80007": ("2022-05-26", 1, 1, "other", "PAK", 0, None, "Protests: Peaceful protest"),
    # riots stay "other" even with police involved and a death
    "PAK80008": ("2021-04-13", 1, 1, "other", "PAK", 1, None, "Riots: Violent demonstration"),
    "PAK80009": ("2023-05-09", 1, 1, "other", "PAK", 0, None, "Strategic developments: Arrests"),
    "AFG50001": ("2020-06-02", 1, 2, "state-based", "AFG", 7, None, "Battles: Armed clash"),
    # violence against civilians: civilian deaths known to be zero, not unknown
    "AFG50002": (
        "2021-02-11",
        1,
        1,
        "one-sided",
        "AFG",
        0,
        0,
        "Violence against civilians: Abduction/forced disappearance",
    ),
    "AFG50003": (
        "2022-09-30",
        1,
        1,
        "one-sided",
        "AFG",
        25,
        25,
        "Explosions/Remote violence: Suicide bomb",
    ),
    # inter1/inter2 as labels ("Rebel group", "State forces")
    "AFG50004": ("2019-08-20", 3, 1, "state-based", "AFG", 4, None, "Battles: Armed clash"),
    # external forces (inter 8) are not state forces of the country
    "AFG50005": (
        "2020-01-17",
        1,
        1,
        "non-state",
        "AFG",
        2,
        None,
        "Explosions/Remote violence: Air/drone strike",
    ),
}

# row number -> (event_id_cnty in the raw row, start of the reason)
ACLED_BAD = {
    15: ("PAK80010", "coordinates (28.6139, 77.209) are outside PAK"),
    16: ("BAD: missing event_id_cnty", "missing event_id_cnty"),
    17: ("PAK80011", "event_date '2020-02-30' is not a date"),
    18: ("PAK80012", "latitude 95.2 above 90"),
    19: ("PAK80013", "longitude '71.5E' is not a number"),
    20: ("PAK80014", "negative deaths in fatalities: fatalities=-3"),
    21: ("PAK80015", "unknown country 'Atlantis'"),
    22: ("PAK80016", "event_type 'Peace talks' is not an ACLED event type"),
    23: ("PAK80001", "duplicate id acled:PAK80001 (first at row 1)"),
    24: ("PAK80017", "time_precision 5 above 3"),
    25: ("PAK80018", "year 2018 does not match event_date 2021-07-01"),
    26: ("AFG50006", "country 'Pakistan' (PAK) disagrees with iso 4 (AFG)"),
    27: ("PAK80019", "inter1 'Militia' is not an ACLED actor type"),
}


def test_acled_every_row_is_stored_or_quarantined(acled: tuple[signalfire.Store, IngestReport]):
    store, report = acled
    assert report.rows_read == 27
    assert report.rows_read == report.rows_stored + report.rows_quarantined
    assert (report.rows_new, report.rows_quarantined) == (len(ACLED_EXPECTED), len(ACLED_BAD))
    source = store.sources().iloc[0]
    assert (source["format"], source["rows_read"], source["rows_stored"]) == ("acled", 27, 14)
    assert store.counts()["events"] == len(ACLED_EXPECTED)


def test_acled_bad_rows_are_quarantined_with_their_reason(
    acled: tuple[signalfire.Store, IngestReport],
) -> None:
    store, report = acled
    quarantined = _quarantined(store, report)
    assert sorted(quarantined) == sorted(ACLED_BAD)
    for row_number, (marker, reason) in ACLED_BAD.items():
        raw, got = quarantined[row_number]
        assert got.startswith(reason), (row_number, got)
        assert marker in raw


@pytest.mark.parametrize("event", sorted(ACLED_EXPECTED))
def test_acled_mapped_values(acled: tuple[signalfire.Store, IngestReport], event: str) -> None:
    store, _ = acled
    row = _events(store).loc[event]
    start, date_prec, loc_prec, violence, iso3, deaths, civilians, event_type = ACLED_EXPECTED[
        event
    ]
    assert row["event_id"] == f"acled:{event}"
    assert row["source"] == "acled"
    assert (row["start"], row["end"]) == (start, start)
    assert _value(row["date_precision"]) == date_prec
    assert _value(row["location_precision"]) == loc_prec
    assert row["violence_type"] == violence
    assert row["country_iso3"] == iso3
    assert _value(row["deaths_best"]) == deaths
    assert _value(row["deaths_low"]) is None and _value(row["deaths_high"]) is None
    assert _value(row["deaths_civilians"]) == civilians
    assert row["event_type"] == event_type


def test_acled_text_columns_and_locations(acled: tuple[signalfire.Store, IngestReport]) -> None:
    store, _ = acled
    events = _events(store)
    peshawar = events.loc["PAK80004"]
    assert peshawar["actor1"] == "Islamic State (Pakistan)"
    assert peshawar["actor2"] == "Civilians (Pakistan)"
    assert peshawar["location_name"] == "Peshawar"
    assert peshawar["notes"].startswith("On 30 January 2023, a suicide bomber")
    assert '"Islamic State" claimed' in peshawar["notes"]
    assert peshawar["headline"] == ""
    assert (peshawar["lat"], peshawar["lon"]) == (34.008, 71.5785)
    assert (peshawar["adm1_id"], peshawar["location_method"]) == ("PK-KP", "within")
    assert peshawar["adm2_id"] is not None
    # geo_precision 3: the province, never the district its stand-in point falls in
    quetta = events.loc["PAK80003"]
    assert (quetta["adm1_id"], quetta["location_method"]) == ("PK-BA", "province-only")
    assert _value(quetta["adm2_id"]) is None
    assert events.loc["AFG50003", "adm1_id"] == "AF-KAB"


def test_acled_reingest_adds_nothing(fresh_store: signalfire.Store) -> None:
    first = signalfire.ingest(fresh_store, "acled", ACLED_CSV)
    before = _events(fresh_store)
    again = signalfire.ingest(fresh_store, "acled", ACLED_CSV)
    assert again.already_ingested and again.source_id == first.source_id
    forced = signalfire.ingest(fresh_store, "acled", ACLED_CSV, force=True)
    assert (forced.rows_new, forced.rows_updated, forced.rows_unchanged) == (0, 0, 14)
    assert forced.rows_quarantined == first.rows_quarantined
    pd.testing.assert_frame_equal(_events(fresh_store), before)
    assert fresh_store.counts()["events"] == 14


# --- GTD -----------------------------------------------------------------------------------

# eventid -> (date_start, date_end, date_precision, location_precision, violence_type, iso3,
#             deaths_best, location_name)
GTD_EXPECTED = {
    "201901050012": (
        "2019-01-05",
        "2019-01-05",
        1,
        1,
        "one-sided",
        "PAK",
        3,
        "Peshawar, Khyber Pakhtunkhwa",
    ),
    # iday 0: the whole month; targtype1 3 (police): state-based; empty nkill stays empty
    "201902000003": (
        "2019-02-01",
        "2019-02-28",
        4,
        1,
        "state-based",
        "PAK",
        None,
        "Quetta, Balochistan",
    ),
    # imonth 0: the whole year; specificity 5 (country centroid) -> 6
    "201900000001": ("2019-01-01", "2019-12-31", 5, 6, "one-sided", "PAK", 1, ""),
    # extended, with a resolution date (YYYY-MM-DD)
    "201903140007": (
        "2019-03-14",
        "2019-03-20",
        1,
        1,
        "one-sided",
        "PAK",
        0,
        "Mastung, Balochistan",
    ),
    # specificity 2 (district centroid stands in for the city) -> 3; military target
    "201904220004": (
        "2019-04-22",
        "2019-04-22",
        1,
        3,
        "state-based",
        "PAK",
        2,
        "Bannu, Khyber Pakhtunkhwa",
    ),
    "201905030009": (
        "2019-05-03",
        "2019-05-03",
        1,
        3,
        "one-sided",
        "PAK",
        0,
        "Datta Khel, Federally Administered Tribal Areas",
    ),
    # specificity 4 -> 4; GTD's "Unknown" city is dropped from the name
    "201906110015": ("2019-06-11", "2019-06-11", 1, 4, "one-sided", "PAK", 0, "Sindh"),
    # specificity 1 in the city's vicinity -> 2
    "201907070021": (
        "2019-07-07",
        "2019-07-07",
        1,
        2,
        "state-based",
        "PAK",
        4,
        "Dera Ismail Khan, Khyber Pakhtunkhwa",
    ),
    "201908170029": ("2019-08-17", "2019-08-17", 1, 1, "one-sided", "AFG", 25, "Kabul, Kabul"),
    "201910060011": (
        "2019-10-06",
        "2019-10-06",
        1,
        1,
        "state-based",
        "AFG",
        6,
        "Kandahar, Kandahar",
    ),
    "201911120002": (
        "2019-11-12",
        "2019-11-12",
        1,
        1,
        "one-sided",
        "AFG",
        0,
        "Jalalabad, Nangarhar",
    ),
    "202002290003": (
        "2020-02-29",
        "2020-02-29",
        1,
        1,
        "one-sided",
        "PAK",
        1,
        "Hangu, Khyber Pakhtunkhwa",
    ),
    # no coordinates: kept, country precision
    "201912250008": ("2019-12-25", "2019-12-25", 1, 6, "one-sided", "PAK", 0, "Balochistan"),
    # extended, resolution as M/D/YYYY, into the next year
    "201912300001": (
        "2019-12-30",
        "2020-01-04",
        1,
        1,
        "one-sided",
        "PAK",
        0,
        "Kohat, Khyber Pakhtunkhwa",
    ),
}

GTD_BAD = {
    15: ("BAD: missing eventid", "missing eventid"),
    16: ("201913010001", "imonth 13 is not a month"),
    17: ("201905320001", "iday 32 is not a day"),
    18: ("201902300001", "no such date: iyear 2019, imonth 2, iday 30"),
    19: ("201908010005", "negative deaths in nkill: nkill=-1"),
    20: ("201908020006", "latitude 123.5 above 90"),
    21: ("201908030007", "unknown country 'Atlantis'"),
    22: ("201905100003", "resolution 2019-01-01 before the incident (2019-05-10)"),
    23: ("201901050012", "duplicate id gtd:201901050012 (first at row 1)"),
    24: ("201909090009", "coordinates (35.6892, 51.389) are outside PAK"),
    25: ("209109100001", "iyear 2091 is not a year in 1900.."),
}


def test_gtd_every_row_is_stored_or_quarantined(gtd: tuple[signalfire.Store, IngestReport]):
    store, report = gtd
    assert report.rows_read == 25
    assert report.rows_read == report.rows_stored + report.rows_quarantined
    assert (report.rows_new, report.rows_quarantined) == (len(GTD_EXPECTED), len(GTD_BAD))
    assert store.counts()["events"] == len(GTD_EXPECTED)


def test_gtd_bad_rows_are_quarantined_with_their_reason(
    gtd: tuple[signalfire.Store, IngestReport],
) -> None:
    store, report = gtd
    quarantined = _quarantined(store, report)
    assert sorted(quarantined) == sorted(GTD_BAD)
    for row_number, (marker, reason) in GTD_BAD.items():
        raw, got = quarantined[row_number]
        assert got.startswith(reason), (row_number, got)
        assert marker in raw


@pytest.mark.parametrize("event", sorted(GTD_EXPECTED))
def test_gtd_mapped_values(gtd: tuple[signalfire.Store, IngestReport], event: str) -> None:
    store, _ = gtd
    row = _events(store).loc[event]
    start, end, date_prec, loc_prec, violence, iso3, deaths, place = GTD_EXPECTED[event]
    assert row["event_id"] == f"gtd:{event}"
    assert (row["start"], row["end"]) == (start, end)
    assert _value(row["date_precision"]) == date_prec
    assert _value(row["location_precision"]) == loc_prec
    assert row["violence_type"] == violence
    assert row["country_iso3"] == iso3
    assert _value(row["deaths_best"]) == deaths
    for column in ("deaths_low", "deaths_high", "deaths_civilians"):
        assert _value(row[column]) is None
    assert row["location_name"] == place


def test_gtd_text_columns_and_locations(gtd: tuple[signalfire.Store, IngestReport]) -> None:
    store, _ = gtd
    events = _events(store)
    kabul = events.loc["201908170029"]
    assert kabul["event_type"] == "Bombing/Explosion"
    assert kabul["actor1"] == "Khorasan Chapter of the Islamic State"
    assert kabul["actor2"] == "Private Citizens & Property"
    assert kabul["notes"].startswith("08/17/2019: A suicide bomber")
    assert kabul["adm1_id"] == "AF-KAB"
    # specificity 2 is district precision: still placed in a district
    assert events.loc["201904220004", "adm2_id"] is not None
    sindh = events.loc["201906110015"]
    assert (sindh["adm1_id"], sindh["location_method"]) == ("PK-SD", "province-only")
    for country_only in ("201900000001", "201912250008"):
        row = events.loc[country_only]
        assert row["location_method"] == "country-only"
        assert _value(row["adm1_id"]) is None
    assert _value(events.loc["201912250008", "lat"]) is None


def test_gtd_reingest_adds_nothing(fresh_store: signalfire.Store) -> None:
    first = signalfire.ingest(fresh_store, "gtd", GTD_CSV)
    before = _events(fresh_store)
    assert signalfire.ingest(fresh_store, "gtd", GTD_CSV).already_ingested
    forced = signalfire.ingest(fresh_store, "gtd", GTD_CSV, force=True)
    assert (forced.rows_new, forced.rows_updated, forced.rows_unchanged) == (0, 0, 14)
    assert forced.rows_quarantined == first.rows_quarantined
    pd.testing.assert_frame_equal(_events(fresh_store), before)


def test_gtd_xlsx_gives_the_same_events_as_its_csv(
    gtd: tuple[signalfire.Store, IngestReport], fresh_store: signalfire.Store, tmp_path: Path
) -> None:
    csv_store, csv_report = gtd
    xlsx = _write_xlsx(GTD_CSV, tmp_path / "globalterrorismdb_0522dist.xlsx")
    report = signalfire.ingest(fresh_store, "gtd", xlsx)
    assert (report.rows_read, report.rows_new, report.rows_quarantined) == (
        csv_report.rows_read,
        csv_report.rows_new,
        csv_report.rows_quarantined,
    )
    pd.testing.assert_frame_equal(_events(fresh_store), _events(csv_store))
    xlsx_bad = {n: reason for n, (_, reason) in _quarantined(fresh_store, report).items()}
    csv_bad = {n: reason for n, (_, reason) in _quarantined(csv_store, csv_report).items()}
    assert xlsx_bad == csv_bad
    assert fresh_store.sources().iloc[0]["source_version"] == "2022-05"
    # Into the store that holds the CSV: every event is already there, unchanged.
    signalfire.ingest(fresh_store, "gtd", GTD_CSV)
    again = signalfire.ingest(fresh_store, "gtd", xlsx, force=True)
    assert (again.rows_new, again.rows_updated, again.rows_unchanged) == (0, 0, 14)


# --- wrong formats -------------------------------------------------------------------------

GED_HEADER = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
    "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
    "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
    "source_date,source_headline,source_original,where_prec,where_coordinates,"
    "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,iso3,"
    "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
    "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob"
)


def _ged_file(tmp_path: Path) -> Path:
    values = dict.fromkeys(GED_HEADER.split(","), "")
    values.update(
        id="1",
        type_of_violence="1",
        side_a="Government of Pakistan",
        side_b="TTP",
        where_prec="1",
        latitude="34.0",
        longitude="71.5",
        country="Pakistan",
        date_start="2019-05-01",
        date_end="2019-05-01",
        best="3",
        low="2",
        high="4",
    )
    path = tmp_path / "ged221_pak.csv"
    path.write_text(GED_HEADER + "\n" + ",".join(values.values()) + "\n", encoding="utf-8")
    return path


def _format_error(store: signalfire.Store, kind: str, path: Path) -> tuple[str, list[str], str]:
    """What the FormatError of ingesting `path` as `kind` says.

    Not pytest.raises: an XLSX FormatError's traceback keeps a file open until it is freed
    (see test_xlsx_format_error_closes_the_file), and pytest would hold it past the test.
    """
    try:
        signalfire.ingest(store, kind, path)
    except FormatError as error:
        return error.claimed, error.missing, error.message
    raise AssertionError(f"{path} ingested as {kind} without a FormatError")


@pytest.mark.parametrize(
    ("kind", "make", "expected_missing"),
    [
        ("acled", _ged_file, {"event_id_cnty", "event_date", "event_type", "fatalities"}),
        ("gtd", _ged_file, {"eventid", "iyear", "imonth", "iday", "country_txt", "nkill"}),
        ("gtd", lambda _: ACLED_CSV, {"eventid", "iyear", "country_txt", "nkill"}),
        ("acled", lambda _: GTD_CSV, {"event_id_cnty", "event_date", "fatalities"}),
        (
            "acled",
            lambda tmp: _write_xlsx(GTD_CSV, tmp / "gtd.xlsx"),
            {"event_id_cnty", "event_date", "fatalities"},
        ),
    ],
    ids=["ged-as-acled", "ged-as-gtd", "acled-as-gtd", "gtd-as-acled", "gtd-xlsx-as-acled"],
)
def test_wrong_format_names_the_missing_columns(
    store: signalfire.Store, tmp_path: Path, kind: str, make: Any, expected_missing: set[str]
) -> None:
    path = make(tmp_path)
    claimed, missing, message = _format_error(store, kind, path)
    assert claimed == get_adapter(kind).title
    assert expected_missing <= set(missing)
    assert "missing columns: " in message
    for column in expected_missing:
        assert column in message
    # Nothing written: no source, no event, no quarantined row.
    assert not any(store.counts().values()), store.counts()


def _open_descriptors(path: Path) -> int:
    folder = Path("/proc/self/fd")
    count = 0
    for fd in folder.iterdir():
        with contextlib.suppress(OSError):  # descriptors close while we list them
            count += os.readlink(fd) == str(path)
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
def test_xlsx_format_error_closes_the_file(tmp_path: Path) -> None:
    path = _write_xlsx(GTD_CSV, tmp_path / "gtd.xlsx")
    error: FormatError | None = None
    try:
        list(read_chunks(path, AcledAdapter()))
    except FormatError as caught:
        error = caught
    assert error is not None
    leaked = _open_descriptors(path)
    del error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    assert leaked == 0


def test_adapters_are_registered() -> None:
    assert isinstance(get_adapter("acled"), AcledAdapter)
    assert isinstance(get_adapter("gtd"), GtdAdapter)
    assert get_adapter("acled").title == "ACLED export"
    assert get_adapter("gtd").title == "GTD export"
    assert GtdAdapter().source_version(Path("globalterrorismdb_0718dist.csv")) == "2018-07"
    assert GtdAdapter().source_version(Path("gtd.csv")) is None


# --- properties of the pure pieces ---------------------------------------------------------

_NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=40).map(float),
    st.integers(min_value=1890, max_value=2100).map(float),
    st.floats(allow_nan=True, allow_infinity=True),
)


@hypothesis_settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_NUMBERS, _NUMBERS, _NUMBERS), max_size=12))
def test_gtd_dates_give_an_interval_or_a_reason(rows: list[tuple[float, float, float]]) -> None:
    year, month, day = (pd.Series([r[i] for r in rows], dtype="float64") for i in range(3))
    dates = gtd_dates(year, month, day, last_year=2030)
    assert len(dates) == len(rows)
    for (y, m, d), got in zip(rows, dates.to_dict("records"), strict=True):
        precision: Any = got["date_precision"]
        if got["reason"]:
            assert pd.isna(got["date_start"]) and pd.isna(got["date_end"])
            assert pd.isna(precision)
            continue
        start: dt.date = got["date_start"].date()
        end: dt.date = got["date_end"].date()
        assert start <= end
        assert start.year == y and 1900 <= y <= 2030
        assert precision in DATE_PRECISION
        if m == 0:
            assert (precision, start, end) == (5, dt.date(int(y), 1, 1), dt.date(int(y), 12, 31))
        elif d == 0:
            assert precision == 4
            assert (start.month, start.day, end.month) == (m, 1, m)
            assert (end + dt.timedelta(days=1)).day == 1
        else:
            assert precision == 1
            assert start == end == dt.date(int(y), int(m), int(d))


@hypothesis_settings(max_examples=40, deadline=None)
@given(st.lists(st.dates(dt.date(1997, 1, 1), dt.date(2025, 12, 31)), min_size=1, max_size=20))
def test_acled_reads_both_date_formats(days: list[dt.date]) -> None:
    base = _records(ACLED_CSV)[0]
    rows = [
        {**base, "event_date": text, "year": str(day.year)}
        for day in days
        for text in (day.isoformat(), day.strftime("%d %B %Y"))
    ]
    out = AcledAdapter().normalize(_chunk(rows, list(base)))
    assert out.bad == []
    assert [d.date() for d in out.frame["date_start"]] == [d for d in days for _ in (1, 2)]


def _field(column: str, examples: list[str]) -> st.SearchStrategy[str]:
    """Telling values of a column, or any short text (not for country names: fuzzy country
    matching on random text tests pycountry, slowly, not the adapter)."""
    if column.startswith("country"):
        return st.sampled_from(examples)
    return st.one_of(st.sampled_from(examples), st.text(max_size=6))


_ACLED_FIELDS = {
    "event_date": ["2021-03-15", "15 March 2021", "2021-13-01", "March 2021"],
    "year": ["2021", "", "1999", "x"],
    "time_precision": ["1", "2", "3", "0", "2.5", ""],
    "event_type": [*EVENT_TYPES, "battles", "Peace talks", ""],
    "inter1": [str(i) for i in range(10)] + ["State forces", "civilians", "", "Militia"],
    "inter2": [str(i) for i in range(10)] + ["Rebel group", "", "1.5"],
    "civilian_targeting": ["", "Civilian targeting"],
    "latitude": ["33.0", "-91", "0", "nan", "inf", ""],
    "longitude": ["70.0", "181", "0", "1e400"],
    "geo_precision": ["1", "2", "3", "4", ""],
    "fatalities": ["0", "3", "-1", "2.5", "", "1e30", "inf"],
    "country": ["Pakistan", "Afghanistan", "Narnia", ""],
    "iso": ["586", "4", "", "0", "١٢"],
    "event_id_cnty": ["PAK1", ""],
}


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({k: _field(k, v) for k, v in _ACLED_FIELDS.items()}),
        min_size=0,
        max_size=5,
    )
)
def test_acled_normalize_keeps_or_explains_every_row(rows: list[dict[str, str]]) -> None:
    base = _records(ACLED_CSV)[0]
    out = AcledAdapter().normalize(_chunk([{**base, **r} for r in rows], list(base)))
    assert len(out.frame) + len(out.bad) == len(rows)
    assert list(out.frame.columns) == list(EVENT_SOURCE_COLUMNS)
    assert all(b.reason for b in out.bad)
    frame = out.frame
    assert set(frame["violence_type"]) <= set(VIOLENCE_TYPES)
    assert set(frame["date_precision"]) <= {1, 3, 4}
    assert set(frame["location_precision"]) <= {1, 2, 4}
    assert (frame["deaths_best"] >= 0).all()
    assert (frame["date_start"] == frame["date_end"]).all()
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in frame["country_iso3"])


_GTD_FIELDS = {
    "eventid": ["201901010001", ""],
    "iyear": ["2019", "1969", "2091", "", "19.5"],
    "imonth": ["0", "1", "2", "12", "13", ""],
    "iday": ["0", "1", "29", "30", "31", "32", ""],
    "extended": ["0", "1", "", "2"],
    "resolution": ["", "2019-12-31", "1/4/2020", "2018-01-01", "soon"],
    "latitude": ["34.0", "", "95", "0"],
    "longitude": ["71.5", "", "0", "x"],
    "specificity": ["1", "2", "3", "4", "5", "6", ""],
    "vicinity": ["0", "1", "-9"],
    "targtype1": ["3", "4", "14", ""],
    "nkill": ["0", "", "-1", "4", "1e30"],
    "country_txt": ["Pakistan", "Afghanistan", "Narnia"],
}


@hypothesis_settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({k: _field(k, v) for k, v in _GTD_FIELDS.items()}),
        min_size=0,
        max_size=5,
    )
)
def test_gtd_normalize_keeps_or_explains_every_row(rows: list[dict[str, str]]) -> None:
    base = _records(GTD_CSV)[0]
    out = GtdAdapter().normalize(_chunk([{**base, **r} for r in rows], list(base)))
    assert len(out.frame) + len(out.bad) == len(rows)
    assert list(out.frame.columns) == list(EVENT_SOURCE_COLUMNS)
    assert all(b.reason for b in out.bad)
    frame = out.frame
    assert (frame["date_start"] <= frame["date_end"]).all()
    assert set(frame["date_precision"]) <= {1, 4, 5}
    assert set(frame["location_precision"]) <= set(LOCATION_PRECISION)
    assert set(frame["violence_type"]) <= {"state-based", "one-sided"}
    assert (frame["deaths_best"].dropna() >= 0).all()


@given(
    st.sampled_from(EVENT_TYPES),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=0, max_value=8),
    st.booleans(),
)
def test_acled_violence_type_rules(kind: str, inter1: int, inter2: int, targeting: bool) -> None:
    got = acled_violence_types(
        pd.Series([kind]),
        pd.Series([float(inter1)]),
        pd.Series([float(inter2)]),
        pd.Series([targeting]),
    ).iloc[0]
    armed = "state-based" if 1 in (inter1, inter2) else "non-state"
    expected = {
        "Battles": armed,
        "Violence against civilians": "one-sided",
        "Explosions/Remote violence": "one-sided" if inter2 == 7 or targeting else armed,
    }.get(kind, "other")
    assert got == expected


@given(st.text(max_size=25))
def test_acled_actor_types_are_codes_or_flagged(text: str) -> None:
    codes, bad = actor_type_codes(pd.Series([text], dtype=object))
    if bad[0]:
        assert pd.isna(codes.iloc[0])
    else:
        assert codes.iloc[0] in range(9)


@given(
    st.integers(min_value=1, max_value=5),
    st.sampled_from([-9, 0, 1]),
    st.booleans(),
)
def test_gtd_location_precision(specificity: int, vicinity: int, has_coordinates: bool) -> None:
    got = location_precision(
        pd.Series([float(specificity)]), pd.Series([float(vicinity)]), pd.Series([has_coordinates])
    ).iloc[0]
    assert got in LOCATION_PRECISION
    if not has_coordinates:
        assert got == 6
    elif specificity == 1:
        assert got == (2 if vicinity == 1 else 1)
    else:
        assert got == {2: 3, 3: 3, 4: 4, 5: 6}[specificity]


def test_fixture_rows_are_realistic() -> None:
    """Fixture coordinates that are meant to be good lie in Pakistan or Afghanistan's box."""
    for path, id_column, country_column in (
        (ACLED_CSV, "event_id_cnty", "country"),
        (GTD_CSV, "eventid", "country_txt"),
    ):
        for record in _records(path):
            note = record.get("notes") or record.get("summary") or ""
            if note.startswith("BAD") or record["latitude"] == "":
                continue
            lat, lon = float(record["latitude"]), float(record["longitude"])
            assert 23.5 < lat < 38.5 and 60.5 < lon < 77.9, record[id_column]
            assert record[country_column] in ("Pakistan", "Afghanistan")
