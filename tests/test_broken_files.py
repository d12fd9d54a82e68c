"""The broken-files corpus: every broken input gets a clear error or a quarantine, and nothing
that was readable is lost.

The corpus is built at test time in tmp_path from small GED-shaped rows (tests/broken.py).
Failing files must raise the exact signalfire error, name the file and say what was expected or
found, and leave the store exactly as it was. Files with bad rows must keep the invariant
rows_read == rows_stored + rows_quarantined, store exactly the good rows, and quarantine each bad
row with its record number (1 = first record after the header), a reason and its original
values. Tests that need boundaries (the outside-Pakistan check) or the real GED file skip
without the shared reference data; the rest run anywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import random
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from broken import (
    FAR_OUTSIDE,
    GED_COLUMNS,
    csv_text,
    raw_values,
    real_ged_rows,
    sample_rows,
    shared_ged_path,
    write_csv,
    write_xlsx,
    write_zip,
)

import signalfire
from signalfire import settings
from signalfire.domain import IngestReport
from signalfire.errors import EmptyFileError, FormatError, InputError
from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions
from signalfire.sources.readers import read_chunks
from signalfire.sources.ucdp import GedAdapter
from signalfire.store import Store

GED = "ucdp-ged"


# --- fixtures --------------------------------------------------------------------------------


def _boundary_files() -> list[tuple[Path, str]] | None:
    data = settings.data_dir()
    if data is None:
        return None
    files = [(data / rel, level) for rel, level in DEFAULT_BOUNDARIES]
    return files if all(path.is_file() for path, _ in files) else None


SEED_FIRST_ID = 9100001  # above every id of the real GED file


@dataclass
class Shared:
    store: Store
    has_boundaries: bool
    seed_source_id: int
    seeded: dict[str, object]


@pytest.fixture(scope="module")
def shared() -> Iterator[Shared]:
    """One store per module (opening one costs ~0.7 s), with the boundaries when available,
    holding one earlier ingest (4 events) so that "the store is unchanged" means something."""
    with tempfile.TemporaryDirectory(prefix="broken-store") as name:
        folder = Path(name)
        store = signalfire.open(folder / "store.duckdb")
        files = _boundary_files()
        for path, level in files or ():
            load_regions(store, path, level)
        seed = write_csv(folder / "seed.csv", sample_rows(4, first_id=SEED_FIRST_ID))
        report = signalfire.ingest(store, GED, seed)
        assert report.rows_stored == 4 and report.source_id is not None
        yield Shared(store, files is not None, report.source_id, snapshot(store))
        store.close()


@pytest.fixture
def store(shared: Shared) -> Store:
    """The shared store as it was after the seed ingest: whatever a test added is removed."""
    con = shared.store.con
    con.execute("DROP TABLE IF EXISTS _ingest_staging")
    con.execute("DELETE FROM country_months")
    for table in ("quarantine", "events", "sources"):
        con.execute(f"DELETE FROM {table} WHERE source_id <> ?", [shared.seed_source_id])
    assert snapshot(shared.store) == shared.seeded, "a test changed the seed rows"
    return shared.store


@pytest.fixture
def located_store(store: Store, shared: Shared) -> Store:
    if not shared.has_boundaries:
        pytest.skip("shared boundaries (data_dir()/geo, DEFAULT_BOUNDARIES) not found")
    return store


# --- helpers ---------------------------------------------------------------------------------


def snapshot(store: Store) -> dict[str, object]:
    counts: dict[str, object] = dict(store.counts())
    events = store.query("SELECT event_id, row_hash FROM events ORDER BY event_id")
    counts["events_rows"] = list(zip(events["event_id"], events["row_hash"], strict=True))
    counts["source_ids"] = sorted(store.query("SELECT source_id FROM sources")["source_id"])
    return counts


def assert_fails(
    store: Store,
    path: Path,
    error: type[Exception],
    *words: str,
    kind: str = GED,
    **kwargs: object,
) -> Exception:
    """Ingesting `path` raises exactly `error`, naming the file and `words`; store unchanged."""
    before = snapshot(store)
    with pytest.raises(error) as caught:
        signalfire.ingest(store, kind, path, **kwargs)  # type: ignore[arg-type]
    exc = caught.value
    assert type(exc) is error, f"expected {error.__name__}, got {type(exc).__name__}: {exc}"
    message = str(exc)
    assert str(path) in message, message
    if isinstance(exc, InputError):
        assert exc.path == path
    for word in words:
        assert word.lower() in message.lower(), f"{word!r} not in {message!r}"
    assert snapshot(store) == before
    assert_store_usable(store)
    # Drop the traceback (it holds the reader's frames in a cycle through this frame): the
    # reader's files close now rather than at some later garbage collection.
    exc.__traceback__ = None
    del caught
    return exc


def assert_store_usable(store: Store) -> None:
    """No transaction left open or aborted, no staging table left behind."""
    store.con.execute("BEGIN TRANSACTION")
    store.con.execute("ROLLBACK")
    staging = store.query(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '_ingest_staging'"
    )
    assert staging["n"][0] == 0


def assert_takes_a_good_file(store: Store, folder: Path) -> None:
    """A good file goes in after a failure; then it is removed again."""
    probe = write_csv(folder / "probe.csv", sample_rows(2, 800001))
    before = snapshot(store)
    report = signalfire.ingest(store, GED, probe)
    assert report.rows_stored == 2 and not report.already_ingested, report
    for table in ("events", "sources"):
        store.con.execute(f"DELETE FROM {table} WHERE source_id = ?", [report.source_id])
    assert snapshot(store) == before


def ingest_checked(
    store: Store,
    path: Path,
    written: Sequence[dict[str, str]],
    bad: dict[int, Sequence[str]],
    *,
    raw_lines: dict[int, str] | None = None,
    original_raw: bool = True,
    kind: str = GED,
    skip_columns: Sequence[str] = (),
    **kwargs: object,
) -> IngestReport:
    """Ingest `path`, whose records are `written` (record k is written[k-1]), and check that
    exactly the records in `bad` are quarantined, each with a reason holding the given words,
    and every other record is stored under its record number.

    raw_lines: records whose raw_row must be this exact text (rows that could not be split into
    fields); for the others raw_row must hold the original values (JSON object), except for the
    columns in skip_columns.
    """
    raw_lines = raw_lines or {}
    before = store.counts()
    report = signalfire.ingest(store, kind, path, **kwargs)  # type: ignore[arg-type]
    assert not report.already_ingested
    good = [k for k in range(1, len(written) + 1) if k not in bad]

    assert report.rows_read == len(written)
    assert report.rows_read == report.rows_stored + report.rows_quarantined
    assert report.rows_stored == len(good)
    assert report.rows_quarantined == len(bad)

    stored = store.query(
        "SELECT source_event_id, source_row FROM events WHERE source_id = ? ORDER BY source_row",
        [report.source_id],
    )
    assert list(stored["source_event_id"]) == [written[k - 1]["id"] for k in good]
    assert list(stored["source_row"]) == good
    after = store.counts()
    assert after["events"] == before["events"] + len(good)
    assert after["quarantine"] == before["quarantine"] + len(bad)
    assert after["sources"] == before["sources"] + 1

    quarantined = store.quarantine(report.source_id)
    assert list(quarantined["row_number"]) == sorted(bad)
    for row in quarantined.itertuples():
        number = int(row.row_number)
        for word in bad[number]:
            assert word.lower() in row.reason.lower(), (
                f"row {number}: {word!r} not in {row.reason!r}"
            )
        if number in raw_lines:
            assert row.raw_row == raw_lines[number], f"row {number}"
        elif original_raw:
            values = raw_values(row.raw_row)
            original = written[number - 1]
            for column, value in original.items():
                if column not in skip_columns:
                    assert values.get(column) == value, (number, column, values.get(column))
        else:
            assert written[number - 1]["id"] in row.raw_row
    return report


def lines_of(text: str) -> list[str]:
    """Record lines of a CSV text without embedded newlines: index k is record k (0: header)."""
    return text.split("\n")


def rows_with(changes: dict[int, dict[str, str]], n: int = 8) -> list[dict[str, str]]:
    """sample_rows(n) with the given values replaced in record k (1-based)."""
    rows = sample_rows(n)
    for record, values in changes.items():
        rows[record - 1].update(values)
    return rows


# --- files that must fail ----------------------------------------------------------------------


def test_empty_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert_fails(store, path, EmptyFileError, "empty", "0 bytes")


@pytest.mark.parametrize("newline", ["\n", ""], ids=["header-only", "header-without-newline"])
def test_header_only(store: Store, tmp_path: Path, newline: str) -> None:
    path = tmp_path / "header.csv"
    path.write_text(",".join(GED_COLUMNS) + newline, encoding="utf-8")
    exc = assert_fails(store, path, EmptyFileError)
    assert any(w in str(exc).lower() for w in ("header", "no rows", "no records")), str(exc)


def test_blank_lines_only(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\n\r\n\n")
    assert_fails(store, path, EmptyFileError, "header")


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        bytes(random.Random(7).randrange(256) for _ in range(4000)) + b"\x00",
    ],
    ids=["png", "random-bytes"],
)
def test_binary_file(store: Store, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    assert_fails(store, path, FormatError, "not a text (CSV/TSV) file", "binary")


def test_utf16_with_bom(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "utf16.csv", sample_rows(4), encoding="utf-16")
    exc = assert_fails(store, path, FormatError, "UTF-16", "--encoding")
    assert isinstance(exc, FormatError) and exc.claimed == "UTF-8 text"


def test_utf16_without_bom(store: Store, tmp_path: Path) -> None:
    # Without a byte order mark UTF-16 is only recognisable by its NUL bytes.
    path = write_csv(tmp_path / "utf16le.csv", sample_rows(4), encoding="utf-16-le")
    assert_fails(store, path, FormatError, "binary")


def test_utf16_with_encoding_is_read(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(4)
    path = write_csv(tmp_path / "utf16.csv", rows, encoding="utf-16")
    ingest_checked(store, path, rows, {}, encoding="utf-16")


def test_header_not_in_the_encoding(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(3)
    header, body = csv_text(rows).split("\n", 1)
    path = tmp_path / "latin1-header.csv"
    path.write_bytes((header + ",d\xe9tails\n").encode("latin-1") + body.encode("utf-8"))
    assert_fails(store, path, FormatError, "utf-8 text", "header")


def test_no_delimiter_matches_the_header(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(3)
    path = tmp_path / "spaces.csv"
    path.write_text(csv_text(rows, delimiter=" "), encoding="utf-8")
    exc = assert_fails(store, path, FormatError, "UCDP GED", "missing columns", "found columns")
    assert isinstance(exc, FormatError)
    assert "latitude" in exc.missing and exc.found, exc


def test_missing_required_columns(store: Store, tmp_path: Path) -> None:
    columns = [c for c in GED_COLUMNS if c not in ("latitude", "date_end")]
    path = write_csv(tmp_path / "missing.csv", sample_rows(4), columns=columns)
    exc = assert_fails(
        store, path, FormatError, "UCDP GED", "missing columns: latitude, date_end", "found columns"
    )
    assert isinstance(exc, FormatError)
    assert exc.missing == ["latitude", "date_end"]
    assert exc.found == columns


def test_country_alternatives_missing(store: Store, tmp_path: Path) -> None:
    columns = [c for c in GED_COLUMNS if c not in ("country", "iso3")]
    path = write_csv(tmp_path / "no-country.csv", sample_rows(2), columns=columns)
    assert_fails(store, path, FormatError, "missing columns: country|iso3")


def test_repeated_columns(store: Store, tmp_path: Path) -> None:
    columns = [*GED_COLUMNS, "best"]
    path = write_csv(tmp_path / "repeated.csv", sample_rows(2), columns=columns)
    assert_fails(store, path, FormatError, "repeated columns", "best")


def test_ged_file_as_country_month(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ged.csv", sample_rows(4))
    assert_fails(
        store,
        path,
        FormatError,
        "UCDP country-month",
        "missing columns: isocode, period, fatalities_UCDP",
        "found columns: id, relid",
        kind="ucdp-country-month",
    )


def test_country_month_file_as_ged(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "country_month.csv"
    path.write_text(
        "isocode,period,fatalities_UCDP,population\nPAK,201001,100,180000000\n", encoding="utf-8"
    )
    assert_fails(
        store, path, FormatError, "UCDP GED", "missing columns: id", "found columns: isocode"
    )


def test_zip_with_two_csvs(store: Store, tmp_path: Path) -> None:
    text = csv_text(sample_rows(3)).encode()
    path = write_zip(tmp_path / "two.zip", {"a.csv": text, "b.csv": text})
    assert_fails(store, path, FormatError, "zip holding one CSV", "found 2", "a.csv", "b.csv")


def test_zip_without_csv(store: Store, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "none.zip", {"README.md": b"read me"})
    assert_fails(store, path, FormatError, "zip holding one CSV", "found 0")


def test_xlsx_missing_columns(store: Store, tmp_path: Path) -> None:
    columns = [c for c in GED_COLUMNS if c != "best"]
    path = write_xlsx(tmp_path / "ged.xlsx", sample_rows(3), columns)
    assert_fails(store, path, FormatError, "missing columns: best", "found columns")


def test_xlsx_error_closes_the_file(tmp_path: Path) -> None:
    """A reader that fails leaves no file open for the garbage collector to complain about."""
    columns = [c for c in GED_COLUMNS if c != "best"]
    path = write_xlsx(tmp_path / "ged.xlsx", sample_rows(3), columns)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")

        def read() -> FormatError | None:
            try:
                list(read_chunks(path, GedAdapter()))
            except FormatError as exc:
                return exc
            return None

        exc = read()
        assert exc is not None
        holder: list[object] = [exc]
        holder.append(holder)  # a reference cycle, as error reports and loggers make
        del exc, holder
        gc.collect()
    assert [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)] == []


def test_xlsx_empty_sheet(store: Store, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    assert_fails(store, path, EmptyFileError, "sheet is empty")


@pytest.mark.parametrize("suffix", ["zip", "xlsx"])
def test_truncated_archive(store: Store, tmp_path: Path, suffix: str) -> None:
    whole = tmp_path / f"whole.{suffix}"
    if suffix == "zip":
        write_zip(whole, {"ged.csv": csv_text(sample_rows(50)).encode()})
    else:
        write_xlsx(whole, sample_rows(50), GED_COLUMNS)
    data = whole.read_bytes()
    path = tmp_path / f"cut.{suffix}"
    path.write_bytes(data[: len(data) // 2])
    assert_fails(store, path, FormatError, suffix)


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_not_a_file(store: Store, tmp_path: Path, what: str) -> None:
    path = tmp_path / "nowhere.csv"
    if what == "folder":
        path.mkdir()
    assert_fails(store, path, InputError, "no such file" if what == "missing" else "not a file")


# --- files that are fine -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "suffix"),
    [("\t", "tsv"), (";", "csv"), ("|", "txt")],
    ids=["tab", "semicolon", "pipe"],
)
def test_other_delimiters_are_read(
    store: Store, tmp_path: Path, delimiter: str, suffix: str
) -> None:
    # The headlines hold ";" and "," : the delimiter comes from the header, not the rows.
    rows = sample_rows(8)
    path = write_csv(tmp_path / f"ged.{suffix}", rows, delimiter=delimiter)
    ingest_checked(store, path, rows, {})


def test_extra_unknown_columns_are_fine(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(6)
    for i, row in enumerate(rows):
        row["my_notes"] = f"note {i}, with a comma"
        row["zz"] = ""
    path = write_csv(tmp_path / "extra.csv", rows)
    ingest_checked(store, path, rows, {})


def test_crlf_and_utf8_bom(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(6)
    rows[2]["where_description"] = "Pêshāwar — ‘city’"
    path = tmp_path / "excel.csv"
    path.write_bytes(csv_text(rows, lineterminator="\r\n").encode("utf-8-sig"))
    ingest_checked(store, path, rows, {})
    names = store.query(
        "SELECT location_name FROM events WHERE source_event_id = ?", [rows[2]["id"]]
    )
    assert list(names["location_name"]) == ["Pêshāwar — ‘city’"]


def test_required_columns_only(store: Store, tmp_path: Path) -> None:
    columns = [
        "id", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude",
        "date_start", "date_end", "best", "low", "high", "iso3",
    ]  # fmt: skip
    rows = [{c: r[c] for c in columns} for r in sample_rows(5)]
    path = write_csv(tmp_path / "minimal.csv", rows, columns=columns)
    ingest_checked(store, path, rows, {})


def test_zip_of_one_csv(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(8)
    path = write_zip(
        tmp_path / "ged.zip",
        {"__MACOSX/._ged.csv": b"\x00junk", "ged.csv": csv_text(rows).encode()},
    )
    ingest_checked(store, path, rows, {})


def test_xlsx_of_ged_rows(store: Store, tmp_path: Path) -> None:
    """Cells typed as a spreadsheet would type them (numbers, datetimes), read as text."""
    rows = sample_rows(6)
    typed = []
    for row in rows:
        cells = dict(row)
        for column in ("id", "type_of_violence", "where_prec", "best", "low", "high", "year"):
            cells[column] = int(row[column])  # type: ignore[assignment]
        for column in ("latitude", "longitude"):
            cells[column] = float(row[column])  # type: ignore[assignment]
        for column in ("date_start", "date_end"):
            cells[column] = dt.datetime.fromisoformat(row[column][:10])  # type: ignore[assignment]
        typed.append(cells)
    path = write_xlsx(tmp_path / "ged.xlsx", typed, GED_COLUMNS)
    report = signalfire.ingest(store, GED, path)
    assert (report.rows_read, report.rows_stored, report.rows_quarantined) == (6, 6, 0)
    stored = store.query(
        "SELECT source_event_id, source_row, lat, lon, date_start, deaths_best FROM events "
        "WHERE source_id = ? ORDER BY source_row",
        [report.source_id],
    )
    assert list(stored["source_event_id"]) == [r["id"] for r in rows]
    assert list(stored["source_row"]) == [1, 2, 3, 4, 5, 6]
    assert list(stored["lat"]) == [float(r["latitude"]) for r in rows]
    assert [d.date().isoformat() for d in stored["date_start"]] == [
        r["date_start"][:10] for r in rows
    ]
    assert list(stored["deaths_best"]) == [int(r["best"]) for r in rows]


def test_latin1_with_its_encoding(store: Store, tmp_path: Path) -> None:
    rows = rows_with({2: {"where_description": "Pèshawar, Khyber"}, 4: {"side_b": "Ghâzî"}}, 6)
    path = write_csv(tmp_path / "latin1.csv", rows, encoding="latin-1")
    report = ingest_checked(store, path, rows, {}, encoding="latin-1")
    stored = store.query(
        "SELECT location_name, actor2 FROM events WHERE source_id = ? ORDER BY source_row",
        [report.source_id],
    )
    assert stored["location_name"][1] == "Pèshawar, Khyber"
    assert stored["actor2"][3] == "Ghâzî"


# --- files with bad rows: quarantine -----------------------------------------------------------


def test_latin1_rows_are_quarantined_naming_the_column(store: Store, tmp_path: Path) -> None:
    rows = rows_with({2: {"where_description": "Pèshawar, Khyber"}, 5: {"side_b": "Ghâzî"}})
    path = write_csv(tmp_path / "latin1.csv", rows, encoding="latin-1")
    report = ingest_checked(
        store,
        path,
        rows,
        {2: ("where_description", "UTF-8", "0xe8", "--encoding"), 5: ("side_b", "UTF-8", "0xe2")},
        skip_columns=("where_description", "side_b"),
    )
    quarantined = store.quarantine(report.source_id).set_index("row_number")
    # The undecodable value is kept with its readable part.
    assert "shawar, Khyber" in raw_values(quarantined.loc[2, "raw_row"])["where_description"]
    assert "Gh" in raw_values(quarantined.loc[5, "raw_row"])["side_b"]


def test_truncated_mid_row(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(8)
    text = csv_text(rows)
    last = text.rindex("\n", 0, len(text) - 1) + 1
    cut = text[: last + 40]
    path = tmp_path / "truncated.csv"
    path.write_text(cut, encoding="utf-8")
    ingest_checked(
        store, path, rows, {8: ("expected 50 fields", "found")}, raw_lines={8: cut[last:]}
    )


def test_truncated_inside_quoted_field(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(8)
    text = csv_text(rows)
    last = text.rindex("\n", 0, len(text) - 1) + 1
    quote = text.index('"', last)
    cut = text[: quote + 12]  # inside the quoted source_article
    path = tmp_path / "truncated.csv"
    path.write_text(cut, encoding="utf-8")
    ingest_checked(
        store, path, rows, {8: ("expected 50 fields", "found")}, raw_lines={8: cut[last:]}
    )


def test_rows_with_wrong_number_of_fields(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(8)
    lines = lines_of(csv_text(rows))
    lines[1] += ",surplus"  # the first record: must be row 1, not 0
    lines[4] += ",one,two"
    lines[6] = lines[6].rsplit(",", 3)[0]  # three fields short
    path = tmp_path / "fields.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    ingest_checked(
        store,
        path,
        rows,
        {1: ("expected 50 fields, found 51",), 4: ("found 52",), 6: ("found 47",)},
        raw_lines={1: lines[1], 4: lines[4], 6: lines[6]},
    )


def test_rows_not_in_the_header_delimiter(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(4)
    header, body = csv_text(rows).split("\n", 1)
    path = tmp_path / "mixed.csv"
    path.write_text(header.replace(",", ";") + "\n" + body, encoding="utf-8")
    lines = body.split("\n")
    ingest_checked(
        store,
        path,
        rows,
        {k: ("expected 50 fields",) for k in range(1, 5)},
        raw_lines={k: lines[k - 1] for k in range(1, 5)},
    )


def test_bad_dates(store: Store, tmp_path: Path) -> None:
    rows = rows_with(
        {
            1: {"date_start": "2019-02-30 00:00:00.000"},
            3: {"date_start": "yesterday"},
            4: {"date_end": ""},
            6: {"date_end": "30/03/2015"},
        }
    )
    ingest_checked(
        store,
        write_csv(tmp_path / "dates.csv", rows),
        rows,
        {
            1: ("date_start", "2019-02-30", "not a date"),
            3: ("date_start", "yesterday", "not a date"),
            4: ("missing date_end",),
            6: ("date_end", "30/03/2015", "not a date"),
        },
    )


def test_date_end_before_date_start(store: Store, tmp_path: Path) -> None:
    rows = rows_with({2: {"date_start": "2015-03-10", "date_end": "2015-03-09 23:59:59.000"}})
    ingest_checked(
        store,
        write_csv(tmp_path / "order.csv", rows),
        rows,
        {2: ("date_end 2015-03-09 before date_start 2015-03-10",)},
    )


def test_out_of_range_coordinates(store: Store, tmp_path: Path) -> None:
    rows = rows_with(
        {
            1: {"latitude": "95"},
            2: {"longitude": "200"},
            4: {"latitude": "-90.5", "longitude": "-181"},
            5: {"latitude": ""},
            7: {"longitude": "71,5"},
        }
    )
    ingest_checked(
        store,
        write_csv(tmp_path / "coords.csv", rows),
        rows,
        {
            1: ("latitude 95 above 90",),
            2: ("longitude 200 above 180",),
            4: ("latitude", "below -90", "longitude", "below -180"),
            5: ("missing latitude",),
            7: ("longitude '71,5' is not a number",),
        },
    )


@pytest.mark.parametrize(("label", "lat", "lon"), FAR_OUTSIDE, ids=["atlantic", "delhi", "nagpur"])
def test_coordinates_far_outside_pakistan(
    located_store: Store, tmp_path: Path, label: str, lat: str, lon: str
) -> None:
    rows = rows_with(
        {3: {"latitude": lat, "longitude": lon}, 6: {"latitude": lat, "longitude": lon}}
    )
    report = ingest_checked(
        located_store,
        write_csv(tmp_path / "outside.csv", rows),
        rows,
        {3: ("outside PAK", lat, lon), 6: ("outside PAK",)},
        original_raw=False,
    )
    assert report.quarantine_reasons, report


def test_sample_places_are_inside_their_districts(located_store: Store, tmp_path: Path) -> None:
    rows = sample_rows(8)
    report = ingest_checked(located_store, write_csv(tmp_path / "inside.csv", rows), rows, {})
    assert report.location_methods == {"within": 8}


def test_negative_deaths(store: Store, tmp_path: Path) -> None:
    rows = rows_with(
        {
            1: {"best": "-3"},
            3: {"low": "-1"},
            5: {"high": "-2", "deaths_civilians": "-1"},
        }
    )
    ingest_checked(
        store,
        write_csv(tmp_path / "negative.csv", rows),
        rows,
        {
            1: ("negative deaths in best", "-3"),
            3: ("negative deaths in low",),
            5: ("negative deaths in high", "negative deaths in deaths_civilians"),
        },
    )


def test_non_numeric_deaths(store: Store, tmp_path: Path) -> None:
    rows = rows_with(
        {
            2: {"best": "many"},
            3: {"best": "2.5"},
            4: {"best": ""},
            7: {"low": "1 or 2"},
            8: {"high": "NaN"},
        }
    )
    ingest_checked(
        store,
        write_csv(tmp_path / "deaths.csv", rows),
        rows,
        {
            2: ("best 'many' is not an integer",),
            3: ("best '2.5' is not an integer",),
            4: ("missing best",),
            7: ("low '1 or 2' is not an integer",),
            8: ("high 'NaN' is not an integer",),
        },
    )


@pytest.mark.parametrize("value", ["inf", "1e30", "-inf"])
def test_non_finite_or_huge_deaths(store: Store, tmp_path: Path, value: str) -> None:
    rows = rows_with({2: {"best": value}, 5: {"where_prec": value}})
    ingest_checked(
        store,
        write_csv(tmp_path / "huge.csv", rows),
        rows,
        {2: ("best", value), 5: ("where_prec", value)},
    )


def test_deaths_beyond_the_integer_column(store: Store, tmp_path: Path) -> None:
    """Deaths that the store's INTEGER columns cannot hold are quarantined, not an error."""
    rows = rows_with({3: {"best": "3000000000", "high": "3000000000"}})
    ingest_checked(store, write_csv(tmp_path / "big.csv", rows), rows, {3: ("best", "3000000000")})


def test_other_bad_fields(store: Store, tmp_path: Path) -> None:
    rows = rows_with(
        {
            1: {"type_of_violence": "4"},
            2: {"where_prec": "9"},
            3: {"country": "Atlantis", "iso3": ""},
            4: {"id": ""},
            6: {"type_of_violence": "state-based", "date_prec": "0"},
        }
    )
    ingest_checked(
        store,
        write_csv(tmp_path / "fields.csv", rows),
        rows,
        {
            1: ("type_of_violence '4' not one of 1, 2, 3",),
            2: ("where_prec 9 above 7",),
            3: ("unknown country 'Atlantis'",),
            4: ("missing id",),
            6: ("type_of_violence 'state-based'", "date_prec"),
        },
    )


@pytest.mark.parametrize("batch_bytes", [1 << 20, 3000], ids=["one-chunk", "many-chunks"])
def test_duplicate_ids(store: Store, tmp_path: Path, batch_bytes: int) -> None:
    rows = sample_rows(10)
    rows[3]["id"] = rows[0]["id"]
    rows[6]["id"] = rows[0]["id"]
    rows[9]["id"] = rows[1]["id"]
    ingest_checked(
        store,
        write_csv(tmp_path / "dupes.csv", rows),
        rows,
        {
            4: ("duplicate id", rows[0]["id"], "first at row 1"),
            7: ("duplicate id", rows[0]["id"], "first at row 1"),
            10: ("duplicate id", rows[1]["id"], "first at row 2"),
        },
        original_raw=False,
        batch_bytes=batch_bytes,
    )


def test_duplicate_of_a_bad_row_is_kept(store: Store, tmp_path: Path) -> None:
    """The first row with an id is bad: the later good one is stored, not called a duplicate."""
    rows = sample_rows(5)
    rows[3]["id"] = rows[1]["id"]
    rows[1]["best"] = "-1"
    ingest_checked(
        store, write_csv(tmp_path / "dupes.csv", rows), rows, {2: ("negative deaths in best",)}
    )


def test_duplicate_raw_row_holds_the_original_values(store: Store, tmp_path: Path) -> None:
    rows = sample_rows(4)
    rows[2]["id"] = rows[0]["id"]
    ingest_checked(
        store,
        write_csv(tmp_path / "dupes.csv", rows),
        rows,
        {3: ("duplicate id",)},
    )


def test_outside_raw_row_holds_the_original_values(located_store: Store, tmp_path: Path) -> None:
    _, lat, lon = FAR_OUTSIDE[0]
    rows = rows_with({2: {"latitude": lat, "longitude": lon}}, 4)
    ingest_checked(
        located_store, write_csv(tmp_path / "outside.csv", rows), rows, {2: ("outside PAK",)}
    )


def test_mixed_corpus_over_many_chunks(store: Store, tmp_path: Path) -> None:
    """Every kind of row-level damage in one file read in many small chunks."""
    rows = sample_rows(60)
    changes = {
        5: ({"best": "-4"}, ("negative deaths in best",)),
        17: ({"date_start": "2015-02-29"}, ("date_start", "not a date")),
        18: ({"latitude": "91"}, ("latitude 91 above 90",)),
        40: ({"id": rows[9]["id"]}, ("duplicate id", "first at row 10")),
        44: ({"date_end": "2015-01-01"}, ("before date_start",)),
        51: ({"best": "seven"}, ("not an integer",)),
        60: ({"type_of_violence": ""}, ("missing type_of_violence",)),
    }
    bad: dict[int, Sequence[str]] = {}
    for record, (values, words) in changes.items():
        rows[record - 1].update(values)
        bad[record] = words
    lines = lines_of(csv_text(rows))
    lines[30] += ",surplus"
    place = rows[56]["where_coordinates"]
    lines[57] = lines[57].replace(place, "Caf\udce9 " + place, 1)  # a latin-1 byte, 0xe9
    bad[30] = ("expected 50 fields",)
    bad[57] = ("source_headline: not valid UTF-8",)  # the headline names the place first
    path = tmp_path / "mixed.csv"
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape"))
    duplicates = {40}
    report = ingest_checked(
        store,
        path,
        rows,
        bad,
        raw_lines={30: lines[30]},
        original_raw=False,
        batch_bytes=8000,
    )
    quarantined = store.quarantine(report.source_id).set_index("row_number")
    for record in set(bad) - duplicates - {30, 57}:
        values = raw_values(quarantined.loc[record, "raw_row"])
        assert values == {c: rows[record - 1][c] for c in GED_COLUMNS}


# --- transactions ------------------------------------------------------------------------------


def test_keyboard_interrupt_rolls_back(store: Store, tmp_path: Path) -> None:
    # ~290 kB in 64 kB batches: several chunks, even if the reader gets a minimum block size.
    rows = sample_rows(600)
    rows[7]["best"] = "-1"  # something for the quarantine table too
    rows[225]["id"] = rows[0]["id"]
    path = write_csv(tmp_path / "big.csv", rows)
    before = snapshot(store)
    calls: list[int] = []

    def interrupt(rows_so_far: int) -> None:
        calls.append(rows_so_far)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        signalfire.ingest(store, GED, path, batch_bytes=1 << 16, on_chunk=interrupt)
    assert len(calls) == 3 and 0 < calls[-1] < len(rows), calls
    assert snapshot(store) == before
    assert (
        store.query(
            "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '_ingest_staging'"
        )["n"][0]
        == 0
    )

    # Nothing was recorded: the same file is not "already ingested" and now goes in whole.
    report = signalfire.ingest(store, GED, path, batch_bytes=1 << 16)
    assert not report.already_ingested
    assert (report.rows_read, report.rows_stored, report.rows_quarantined) == (600, 598, 2)


def test_failing_file_after_good_rows_leaves_store_unchanged(store: Store, tmp_path: Path) -> None:
    """A file that fails in its last chunk (after good rows were staged) stores nothing."""
    rows = sample_rows(30)
    path = write_csv(tmp_path / "late.csv", rows)
    before = snapshot(store)

    def fail_late(rows_so_far: int) -> None:
        if rows_so_far >= 20:
            raise FormatError(path, "UCDP GED", hint="simulated failure in a late chunk")

    with pytest.raises(FormatError):
        signalfire.ingest(store, GED, path, batch_bytes=6000, on_chunk=fail_late)
    assert snapshot(store) == before
    assert_store_usable(store)
    assert_takes_a_good_file(store, tmp_path)


# --- the real GED file -------------------------------------------------------------------------


def _real_rows(n: int) -> list[dict[str, str]]:
    rows = real_ged_rows(n)
    if rows is None:
        pytest.skip("shared GED file (data_dir()/ucdp/ged221_pak_1989-2019.csv) not found")
    return rows


def test_real_ged_truncated_inside_a_quoted_field(store: Store, tmp_path: Path) -> None:
    source = shared_ged_path()
    if source is None:
        pytest.skip("shared GED file (data_dir()/ucdp/ged221_pak_1989-2019.csv) not found")
    data = source.read_bytes()
    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    # Cut inside the last record's first quoted field (after its opening quote).
    last = data.rindex(b"\n", 0, len(data) - 1) + 1
    quote = data.find(b'"', last)
    assert quote > 0, "the last record of the shared GED file has no quoted field"
    path = tmp_path / source.name
    path.write_bytes(data[: quote + 5])
    n = len(rows)
    report = ingest_checked(
        store,
        path,
        rows,
        {n: ("expected", "fields")},
        raw_lines={n: data[last : quote + 5].decode()},
    )
    assert report.rows_read == n


def test_real_ged_rows_as_tsv_zip_and_xlsx(store: Store, tmp_path: Path) -> None:
    rows = _real_rows(60)
    columns = list(rows[0])
    csv_path = write_csv(tmp_path / "real.csv", rows, columns=columns)
    by_format = {}
    for path in (
        csv_path,
        write_csv(tmp_path / "real.tsv", rows, columns=columns, delimiter="\t"),
        write_zip(tmp_path / "real.zip", {"real.csv": csv_path.read_bytes()}),
        write_xlsx(tmp_path / "real.xlsx", rows, columns),
    ):
        report = ingest_checked(store, path, rows, {})
        by_format[path.suffix] = store.query(
            "SELECT * EXCLUDE (source_id, ingested_at, updated_at) FROM events "
            "WHERE source_id = ? ORDER BY event_id",
            [report.source_id],
        )
        # Gone again, so that the next format's rows are new rather than unchanged.
        store.con.execute("DELETE FROM events WHERE source_id = ?", [report.source_id])
    reference = by_format.pop(".csv")
    for suffix, frame in by_format.items():
        assert frame.equals(reference), suffix
    assert report.rows_stored == len(rows)


def test_real_ged_rows_with_damage(store: Store, tmp_path: Path) -> None:
    rows = _real_rows(150)
    columns = list(rows[0])
    rng = random.Random(2024)
    damage = {
        "best": ("-1", "negative deaths in best"),
        "date_start": ("2019-13-01", "not a date"),
        "latitude": ("123", "above 90"),
        "type_of_violence": ("9", "not one of"),
        "date_end": ("1900-01-01", "before date_start"),
    }
    records = rng.sample(range(2, len(rows) + 1), len(damage) + 2)
    bad: dict[int, Sequence[str]] = {}
    for record, (column, (value, words)) in zip(records, damage.items(), strict=False):
        rows[record - 1][column] = value
        bad[record] = (words,)
    dup_record, short_record = records[-2:]
    rows[dup_record - 1]["id"] = rows[0]["id"]
    bad[dup_record] = ("duplicate id", "first at row 1")
    text = csv_text(rows, columns=columns)
    # Records of the real file have no embedded newlines: line k is record k.
    lines = lines_of(text)
    assert len(lines) == len(rows) + 2
    lines[short_record] = lines[short_record].rsplit(",", 1)[0]
    bad[short_record] = ("expected 50 fields, found 49",)
    path = tmp_path / "damaged.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    ingest_checked(
        store,
        path,
        rows,
        bad,
        raw_lines={short_record: lines[short_record]},
        original_raw=False,
        batch_bytes=40_000,
    )
