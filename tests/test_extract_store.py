"""`ingest text`: extracted events stored with their sources, evidence and GED matches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import run

import signalfire
from signalfire.extract.pipeline import default_extractor
from signalfire.extract.store import ingest_text

REPORTS = [
    {"id": "r1", "published": "2014-06-11",
     "text": "A roadside bomb killed five soldiers in Bannu on Tuesday. The TTP claimed it."},
    {"id": "r2", "published": "2014-06-11",
     "text": "Five Pakistani soldiers were killed when a roadside bomb hit their vehicle in "
             "Bannu district on Tuesday."},
    {"id": "r3", "published": "2014-06-11",
     "text": "Gunmen abducted three engineers in Quetta yesterday."},
]  # fmt: skip


def write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def table_rows(store: signalfire.Store, tables: tuple[str, ...]) -> dict[str, list[object]]:
    """Every row of the tables, sorted: what a rolled-back run must leave as it was."""
    return {
        t: sorted(map(tuple, store.con.execute(f"SELECT * FROM {t}").fetchall()), key=str)
        for t in tables
    }


def fail_text_writes(monkeypatch: pytest.MonkeyPatch, table: str = "text_evidence") -> None:
    """Make `ingest text` fail ("disk full") when it writes `table`, after the tables before."""
    from signalfire.extract import store as text_store

    real = text_store._insert

    def failing(con: object, name: str, rows: list[list[object]]) -> None:
        if name == table:
            raise OSError("disk full")
        real(con, name, rows)

    monkeypatch.setattr(text_store, "_insert", failing)


def test_ingest_text_merges_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    default_extractor()
    src = write(tmp_path / "news.jsonl", REPORTS)
    db = tmp_path / "t.duckdb"
    for _ in range(2):
        code, out, err = run(["ingest", "text", str(src), "--db", str(db)], capsys)
        assert code == 0, err
        assert "3 documents" in out and "2 stored after merging 1 duplicate" in out
    store = signalfire.open(db)
    events = store.query("SELECT * FROM events ORDER BY event_type")
    assert list(events["event_type"]) == ["abduction", "ied_bombing"]
    assert set(events["source"]) == {"text"}
    bomb = events.iloc[1]
    assert bomb["deaths_best"] == 5 and bomb["actor1"] == "ttp"
    assert bomb["violence_type"] == "state-based" and bomb["adm1_id"] == "PK-KP"
    sources = store.query(
        "SELECT doc_id FROM text_event_sources WHERE event_id = ? ORDER BY doc_id",
        [bomb["event_id"]],
    )
    assert list(sources["doc_id"]) == ["r1", "r2"]
    evidence = store.query("SELECT * FROM text_evidence WHERE event_id = ?", [bomb["event_id"]])
    assert {"deaths", "place", "date"} <= set(evidence["field"])


def test_text_event_matched_to_ged(ged_store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ged.duckdb"
    shutil.copyfile(ged_store_path, copy)
    ged_store = signalfire.open(copy)
    target = ged_store.query(
        """SELECT e.event_id, e.date_start, e.deaths_best FROM events e
           JOIN regions r ON r.region_id = e.adm2_id
           WHERE e.source <> 'text' AND r.name = 'Quetta' AND e.date_start = e.date_end
             AND e.deaths_best BETWEEN 3 AND 30 ORDER BY e.date_start LIMIT 1"""
    ).iloc[0]
    day = target["date_start"]
    text = f"A bomb killed {int(target['deaths_best'])} people in Quetta on {day:%B} {day.day}."
    src = write(tmp_path / "q.jsonl", [{"id": "q", "text": text, "published": f"{day:%Y-%m-%d}"}])
    report = ingest_text(ged_store, src, extractor=default_extractor())
    assert report.matched == 1
    matched = ged_store.query("SELECT matched_event_id FROM text_event_sources").iloc[0, 0]
    same_day = ged_store.query(
        """SELECT e.event_id FROM events e JOIN regions r ON r.region_id = e.adm2_id
           WHERE e.source <> 'text' AND r.name = 'Quetta' AND e.date_start <= ?
             AND e.date_end >= ?""",
        [day, day],
    )
    assert matched in set(same_day["event_id"])


def test_ingest_feed_url_through_the_seam(tmp_path: Path, shared_data: Path) -> None:
    from signalfire.fetch import MockTransport

    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Blast in Quetta</title>'
        "<link>https://n.example/q</link><pubDate>Fri, 12 Apr 2019 09:00:00 +0000</pubDate>"
        "<description>A bomb killed 20 people at a market in Quetta today.</description>"
        "</item></channel></rss>"
    )
    transport = MockTransport(lambda url: feed.encode())
    with signalfire.open(tmp_path / "f.duckdb") as store:
        report = ingest_text(
            store, "https://n.example/rss", extractor=default_extractor(), transport=transport
        )
        assert (report.documents, report.events_stored) == (1, 1)
        row = store.query("SELECT date_start, adm1_id, deaths_best FROM events").iloc[0]
        assert str(row["date_start"])[:10] == "2019-04-12" and row["adm1_id"] == "PK-BA"
        assert store.query("SELECT url FROM text_event_sources").iloc[0, 0] == "https://n.example/q"
