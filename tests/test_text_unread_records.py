"""A bad record in the input loses nothing: `read_documents(on_error=...)` reports it and reads
on, `signalfire extract` writes the events of the good records and exits 3 naming the bad rows,
`ingest text` stores the good documents and quarantines the bad records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run

import signalfire
from signalfire.errors import InputError, SchemaError
from signalfire.extract.inputs import read_documents
from signalfire.extract.pipeline import Extractor
from signalfire.extract.store import UNREAD, ingest_text

GOOD = {"id": "a", "published": "2014-06-09", "text": "A bomb killed five soldiers in Bannu."}
LATER = {"id": "c", "published": "2014-06-10", "text": "Gunmen abducted three men in Peshawar."}


def _lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _read(path: Path) -> tuple[list[str], list[tuple[InputError, str]]]:
    errors: list[tuple[InputError, str]] = []
    docs = [d.doc_id for d in read_documents(path, on_error=lambda e, raw: errors.append((e, raw)))]
    return docs, errors


def test_bad_lines_are_reported_with_their_row_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_lines(GOOD, "{not json", {"id": "b", "text": 5}, LATER), encoding="utf-8")
    docs, errors = _read(path)
    assert docs == ["a", "c"]
    assert [(type(e), getattr(e, "row", None)) for e, _ in errors] == [
        (SchemaError, 2),
        (SchemaError, 3),
    ]
    assert [raw for _, raw in errors] == ["{not json", '{"id": "b", "text": 5}']
    # Without on_error the first bad line still ends the read, as before.
    with pytest.raises(SchemaError, match="row 2"):
        list(read_documents(path))


def test_a_bad_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Two soldiers were killed in Quetta.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.xml").write_text("<rss><channel><item>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(_lines(LATER), encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert docs == ["a", "c"]
    assert sorted(e.path.name for e, _ in errors) == ["b.txt", "c.xml"]


@given(
    st.lists(
        st.one_of(
            st.builds(lambda t: json.dumps({"id": "d", "text": t}), st.text()),
            st.text(alphabet=st.characters(blacklist_characters="\n\r")),
        ),
        max_size=12,
    )
)
def test_every_line_is_either_a_document_or_an_error(lines: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text("\n".join(["{}", *lines]) + "\n", encoding="utf-8")  # never empty
        errors: list[tuple[InputError, str]] = []
        docs = list(read_documents(path, on_error=lambda e, raw: errors.append((e, raw))))
    non_blank = 1 + sum(1 for line in lines if line.strip())
    assert len(docs) + len(errors) == non_blank


def test_extract_writes_the_good_records_and_exits_3(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_lines(GOOD, "{not json", LATER), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    code, _, err = run(["extract", str(path), "--out", str(out)], capsys)
    assert code == 3
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e["doc_id"] for e in written} == {"a", "c"}
    assert "row 2, column '(line)': expected a JSON object" in err
    assert "1 record not read" in err and "2 documents read" in err


def _unread_rows(store: signalfire.Store) -> list[tuple[int, int | None, str, str]]:
    rows = store.con.execute(
        "SELECT source_id, raw_row, reason FROM quarantine WHERE reason LIKE ? ORDER BY ALL",
        [f"{UNREAD}%"],
    ).fetchall()
    return [(s, json.loads(r)["row"], json.loads(r)["raw"], why) for s, r, why in rows]


def test_ingest_stores_the_good_documents_and_quarantines_the_bad_lines(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_lines(GOOD, "{not json", LATER), encoding="utf-8")
    report = ingest_text(store, path, extractor=extractor)
    assert (report.documents, report.unread, report.quarantined) == (2, 1, 1)
    assert report.quarantine_reasons == {UNREAD: 1}
    stored = store.con.execute("SELECT count(*) FROM text_event_sources").fetchone()
    assert stored is not None and stored[0] == 2
    [(source_id, row, raw, reason)] = _unread_rows(store)
    assert (source_id, row, raw) == (report.source_id, 2, "{not json")
    assert "day.jsonl: row 2, column '(line)': expected a JSON object" in reason

    # Read again: the bad line is quarantined once, under the new run.
    again = ingest_text(store, path, extractor=extractor)
    assert [(s, r) for s, r, _, _ in _unread_rows(store)] == [(again.source_id, 2)]
    assert again.quarantine_replaced == 1
    # Mended: it leaves the quarantine and its document is stored.
    path.write_text(_lines(GOOD, {"id": "b", "text": "x", "published": "2014-06-09"}, LATER))
    mended = ingest_text(store, path, extractor=extractor, published=dt.date(2014, 6, 9))
    assert (mended.unread, _unread_rows(store)) == (0, [])
    assert mended.documents == 3


def test_the_cli_lists_the_unread_records(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_lines(GOOD, '{"id": "b"}'), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, out, _ = run(["ingest", "text", str(path), "--db", str(db)], capsys)
    assert code == 0
    assert "1 × unreadable input record" in out.replace("\n", " ")


def test_relations_extract_reads_past_a_bad_line(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.jsonl"
    said = "Jaish al-Adl is an offshoot of Jundallah."
    path.write_text(_lines("[1, 2]", {"id": "r", "text": said}), encoding="utf-8")
    out = tmp_path / "relations.jsonl"
    code, _, err = run(["relations", "extract", str(path), "--out", str(out)], capsys)
    assert code == 3
    assert "row 1, column '(line)'" in err
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["r"]
