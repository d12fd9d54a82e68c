"""`ingest text` read again: the undatable events of the articles read replace their earlier
quarantine rows instead of piling up (one copy per daily re-read), and nothing else goes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import run
from test_extract_store import fail_text_writes, table_rows, write

import signalfire
from signalfire.extract.pipeline import Extractor
from signalfire.extract.store import ingest_text

UNDATED = {"id": "undated", "text": "A suicide bomber killed 12 people at a market in Quetta."}
# The same bombing, undated too: merged with UNDATED into one quarantine row of both articles.
UNDATED_TWIN = {
    "id": "undated-2",
    "text": "A suicide bomber killed 12 people at a crowded market in Quetta, police said.",
}
OTHER = {"id": "other", "text": "Gunmen abducted three engineers in Peshawar."}
MONDAY = {
    "id": "mon",
    "published": "2014-06-09",
    "text": "A roadside bomb killed five soldiers in Bannu on Monday. The TTP claimed it.",
}


def _quarantined(store: signalfire.Store) -> list[tuple[int, list[str]]]:
    """(source_id, the articles of the event) of each quarantine row of a text run."""
    rows = store.query(
        """SELECT q.source_id, q.raw_row FROM quarantine q JOIN sources s USING (source_id)
           WHERE s.format = 'text' ORDER BY q.source_id, q.row_number"""
    )
    return [(int(s), sorted(json.loads(r)["sources"])) for s, r in rows.itertuples(index=False)]


def _dataset_quarantine(store: signalfire.Store) -> int:
    """A GED file's source with two quarantine rows, one of them naming an article's id."""
    source_id = store.con.execute(
        """INSERT INTO sources (path, sha256, size_bytes, format, rows_read, rows_stored,
             rows_new, rows_updated, rows_quarantined, rows_unlocated, started_at, finished_at)
           VALUES ('ged.csv', 'x', 1, 'ucdp-ged', 2, 0, 0, 0, 2, 0, now(), now())
           RETURNING source_id"""
    ).fetchone()[0]  # type: ignore[index]
    store.con.execute(
        "INSERT INTO quarantine VALUES (?, 1, ?, 'bad date'), (?, 2, 'not json, a CSV line', 'x')",
        [source_id, json.dumps({"doc_id": "undated", "sources": ["undated"]}), source_id],
    )
    return int(source_id)


def test_reading_a_file_three_times_keeps_one_row_per_undatable_event(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    src = write(tmp_path / "day.jsonl", [UNDATED, UNDATED_TWIN, OTHER, MONDAY])
    first = ingest_text(store, src, extractor=extractor)
    assert (first.quarantined, first.quarantine_replaced) == (2, 0)
    before = _quarantined(store)
    assert [docs for _, docs in before] == [["undated", "undated-2"], ["other"]]
    for _ in range(3):
        again = ingest_text(store, src, extractor=extractor)
        assert (again.quarantined, again.quarantine_replaced) == (2, 2)
        # The rows of the latest read, one per event.
        assert _quarantined(store) == [(again.source_id, docs) for _, docs in before]
    assert int(store.query("SELECT count(*) FROM events").iloc[0, 0]) == 1


def test_the_cli_says_how_many_earlier_rows_were_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    src = write(tmp_path / "day.jsonl", [UNDATED, MONDAY])
    db = tmp_path / "q.duckdb"
    code, out, err = run(["ingest", "text", str(src), "--db", str(db)], capsys)
    assert code == 0, err
    assert "1 quarantined (not stored) ·" in out
    code, out, err = run(["ingest", "text", str(src), "--db", str(db)], capsys)
    assert code == 0, err
    assert "1 quarantined (not stored; replacing 1 row quarantined before)" in out
    with signalfire.open(db, read_only=True) as store:
        assert len(store.quarantine()) == 1


def test_an_article_now_datable_leaves_the_quarantine(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    src = write(tmp_path / "day.jsonl", [UNDATED, OTHER])
    ingest_text(store, src, extractor=extractor)
    assert len(_quarantined(store)) == 2
    dated = ingest_text(store, src, extractor=extractor, published=dt.date(2014, 6, 10))
    assert (dated.quarantined, dated.quarantine_replaced, dated.events_new) == (0, 2, 2)
    assert _quarantined(store) == []
    events = store.query("SELECT source_event_id, date_start FROM events ORDER BY 1")
    assert list(events["source_event_id"]) == ["other", "undated"]


def test_dataset_rows_and_articles_not_read_again_keep_their_rows(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    ged = _dataset_quarantine(store)
    first = ingest_text(
        store, write(tmp_path / "a.jsonl", [UNDATED, UNDATED_TWIN, OTHER]), extractor=extractor
    )
    # Only one of the two articles of the merged row: that row also stands for the other
    # article, so it stays beside the new row of the one read; OTHER was not read at all.
    again = ingest_text(store, write(tmp_path / "b.jsonl", [UNDATED]), extractor=extractor)
    assert (again.quarantined, again.quarantine_replaced) == (1, 0)
    assert _quarantined(store) == [
        (first.source_id, ["undated", "undated-2"]),
        (first.source_id, ["other"]),
        (again.source_id, ["undated"]),
    ]
    # Both articles read again: the merged row and the one-article row are both replaced.
    both = ingest_text(
        store, write(tmp_path / "c.jsonl", [UNDATED, UNDATED_TWIN]), extractor=extractor
    )
    assert (both.quarantined, both.quarantine_replaced) == (1, 2)
    assert _quarantined(store) == [
        (first.source_id, ["other"]),
        (both.source_id, ["undated", "undated-2"]),
    ]
    kept = store.quarantine(ged)
    assert list(kept["row_number"]) == [1, 2]
    assert json.loads(kept["raw_row"][0])["doc_id"] == "undated"


def test_a_failed_re_read_loses_no_quarantine_row(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dataset_quarantine(store)
    src = write(tmp_path / "day.jsonl", [UNDATED, OTHER, MONDAY])
    ingest_text(store, src, extractor=extractor)
    tables = ("quarantine", "sources", "events", "text_reports")

    before = table_rows(store, tables)
    # (A bad line in the input is quarantined, not a failure: test_text_unread_records.py.)
    # A failure while writing, after the earlier rows were dropped: all rolled back.
    fail_text_writes(monkeypatch)
    with pytest.raises(OSError):
        ingest_text(store, src, extractor=extractor, published=dt.date(2014, 6, 10))
    assert table_rows(store, tables) == before
