"""`ingest text` across runs: a follow-up article merges into the event stored from an
earlier run, re-reading articles replaces their reports, and no event is dropped silently
(undatable ones are quarantined, unplaced ones stored and counted)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run
from test_extract_store import write

import signalfire
from signalfire.extract.model import CLAIMS, ROLES, ActorRole, ExtractedEvent
from signalfire.extract.pipeline import Extractor
from signalfire.extract.store import ingest_text
from signalfire.schema import MIGRATIONS

MONDAY = [
    {"id": "mon", "published": "2014-06-09",
     "text": "A roadside bomb killed five soldiers in Bannu on Monday. The TTP claimed "
             "responsibility."},
]  # fmt: skip
TUESDAY = [
    {"id": "tue", "published": "2014-06-10",
     "text": "Seven soldiers were killed when a roadside bomb struck their convoy in Bannu on "
             "Monday, officials said."},
    {"id": "tue-quetta", "published": "2014-06-10",
     "text": "A roadside bomb killed four soldiers in Quetta on Monday."},
]  # fmt: skip


def _counts(store: signalfire.Store) -> tuple[int, ...]:
    return tuple(
        int(store.query(f"SELECT count(*) FROM {table}").iloc[0, 0])
        for table in ("events", "text_event_sources", "text_evidence", "text_reports")
    )


def _bannu(store: signalfire.Store) -> dict[str, object]:
    rows = store.query("SELECT * FROM events WHERE location_name = 'Bannu'")
    assert len(rows) == 1, rows
    return dict(rows.iloc[0])


def test_follow_up_merges_into_the_stored_event(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    mon = write(tmp_path / "mon.jsonl", MONDAY)
    tue = write(tmp_path / "tue.jsonl", TUESDAY)
    first = ingest_text(store, mon, extractor=extractor)
    assert (first.events_stored, first.events_new, first.merged_with_stored) == (1, 1, 0)
    before = _bannu(store)
    assert before["deaths_best"] == 5

    second = ingest_text(store, tue, extractor=extractor)
    # The Bannu follow-up joins Monday's event; the Quetta bombing is a new one.
    assert (second.events_stored, second.events_new, second.events_updated) == (2, 1, 1)
    assert second.merged_with_stored == 1
    after = _bannu(store)
    assert after["event_id"] == before["event_id"]
    assert after["ingested_at"] == before["ingested_at"]
    assert after["deaths_best"] == 7  # the larger, updated toll
    assert after["actor1"] == "ttp"  # Monday's claim kept
    docs = store.query(
        "SELECT doc_id FROM text_event_sources WHERE event_id = ? ORDER BY doc_id",
        [after["event_id"]],
    )
    assert list(docs["doc_id"]) == ["mon", "tue"]
    evidence = store.query(
        "SELECT DISTINCT doc_id FROM text_evidence WHERE event_id = ? ORDER BY doc_id",
        [after["event_id"]],
    )
    assert list(evidence["doc_id"]) == ["mon", "tue"]
    assert json.loads(str(after["notes"]))["sources"] == ["mon", "tue"]
    counts = _counts(store)
    assert counts[0] == 2

    # Re-reading either day's articles replaces their reports: nothing is added.
    for path, updated in ((tue, 2), (mon, 1), (tue, 2)):
        again = ingest_text(store, path, extractor=extractor)
        assert (again.events_new, again.events_updated, again.merged_with_stored) == (0, updated, 0)
        assert again.documents_reread == again.documents
        assert _counts(store) == counts
        assert _bannu(store)["event_id"] == before["event_id"]
        assert _bannu(store)["deaths_best"] == 7


def test_one_run_and_two_runs_store_the_same_event(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    both = write(tmp_path / "both.jsonl", MONDAY + TUESDAY)
    ingest_text(store, both, extractor=extractor)
    at_once = _bannu(store)
    with signalfire.open(tmp_path / "daily.duckdb") as daily:
        for records in (MONDAY, TUESDAY):
            ingest_text(daily, write(tmp_path / "day.jsonl", records), extractor=extractor)
        daily_event = _bannu(daily)
        assert _counts(daily) == _counts(store)
    same = ("event_id", "deaths_best", "actor1", "adm2_id", "date_start", "event_type")
    assert {k: at_once[k] for k in same} == {k: daily_event[k] for k in same}


def test_undatable_event_is_quarantined_not_dropped(
    tmp_path: Path, extractor: Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": "undated", "text": "A suicide bomber killed 12 people at a market in Quetta."},
        *MONDAY,
    ]
    src = write(tmp_path / "undated.jsonl", records)
    db = tmp_path / "q.duckdb"
    code, out, err = run(["ingest", "text", str(src), "--db", str(db)], capsys)
    assert code == 0, err
    assert "1 stored" in out and "1 quarantined" in out
    assert "no date" in out
    with signalfire.open(db) as store:
        assert int(store.query("SELECT count(*) FROM events").iloc[0, 0]) == 1
        quarantined = store.quarantine()
        assert len(quarantined) == 1
        row = quarantined.iloc[0]
        assert "no date" in row["reason"] and "publication date" in row["reason"]
        raw = json.loads(row["raw_row"])
        assert raw["doc_id"] == "undated" and raw["deaths"] == 12
        source = store.sources().iloc[-1]
        assert (source["rows_stored"], source["rows_quarantined"]) == (1, 1)
        # Read again, it is quarantined again under the new source (replacing the earlier
        # row), still not stored.
        again = ingest_text(store, src, extractor=extractor)
        assert (again.events_stored, again.quarantined) == (1, 1)
        assert int(store.query("SELECT count(*) FROM events").iloc[0, 0]) == 1
        assert list(store.quarantine()["source_id"]) == [again.source_id]


def test_unplaced_event_is_stored_and_counted(
    tmp_path: Path, extractor: Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": "nowhere", "published": "2014-06-11",
         "text": "A bomb killed five people on Tuesday."},
        {"id": "country", "published": "2014-06-11",
         "text": "A suicide bomber killed 12 people in Pakistan yesterday."},
        *MONDAY,
    ]  # fmt: skip
    src = write(tmp_path / "vague.jsonl", records)
    db = tmp_path / "v.duckdb"
    code, out, err = run(["ingest", "text", str(src), "--db", str(db)], capsys)
    assert code == 0, err
    assert "district 1, province only 0, country only 1, no place 1" in out
    with signalfire.open(db) as store:
        rows = store.con.execute(
            "SELECT source_event_id, country_iso3, adm1_id, location_method, quality_flags "
            "FROM events"
        ).fetchall()
        by_doc = {r[0]: r[1:] for r in rows}
        assert set(by_doc) == {"nowhere", "country", "mon"}
        assert by_doc["nowhere"] == (None, None, "unlocated", ["text-derived", "no-place"])
        assert by_doc["country"] == ("PAK", None, "country-only", ["text-derived"])
        assert store.sources().iloc[-1]["rows_unlocated"] == 2


def test_text_events_of_an_older_store_become_reports(tmp_path: Path, extractor: Extractor) -> None:
    """A store written before reports were kept: its text events can still be merged into."""
    path = tmp_path / "old.duckdb"
    old = MIGRATIONS[: MIGRATIONS.index(next(m for m in MIGRATIONS if "text_reports" in m))]

    class OldStore(signalfire.Store):
        migrations = old

    with OldStore(path) as legacy:
        legacy.con.execute(
            """INSERT INTO sources (path, sha256, size_bytes, format, rows_read, rows_stored,
                 rows_new, rows_updated, rows_quarantined, rows_unlocated, started_at,
                 finished_at)
               VALUES ('mon.jsonl', 'x', 1, 'text', 1, 1, 1, 0, 0, 0, now(), now())"""
        )
        legacy.con.execute(
            """INSERT INTO events (event_id, source, source_event_id, source_id, source_row,
                 date_start, date_end, country_iso3, adm1_id, adm2_id, location_method,
                 location_name, violence_type, event_type, actor1, deaths_best, headline, notes,
                 quality_flags, row_hash, ingested_at, updated_at)
               VALUES ('text:old', 'text', 'mon', 1, 0, DATE '2014-06-09', DATE '2014-06-09',
                 'PAK', 'PK-KP', '60131773B17299889022075', 'within', 'Bannu', 'state-based',
                 'ied_bombing', 'ttp', 5,
                 'A roadside bomb killed five soldiers in Bannu on Monday.',
                 '{"confidence": 0.7, "actors": [["ttp", "perpetrator", "claimed"]]}',
                 ['text-derived'], 'h', now(), now())"""
        )
    with signalfire.open(path) as store:
        report = ingest_text(store, write(tmp_path / "tue.jsonl", TUESDAY[:1]), extractor=extractor)
        assert report.merged_with_stored == 1
        event = _bannu(store)
        assert (event["event_id"], event["deaths_best"], event["actor1"]) == ("text:old", 7, "ttp")


def test_an_article_read_again_with_other_text_replaces_its_event(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    ingest_text(store, write(tmp_path / "a.jsonl", MONDAY + TUESDAY[:1]), extractor=extractor)
    assert _counts(store) == (1, 2, _counts(store)[2], 2)
    # An article updated with a higher toll stays in its event, with the new toll.
    updated = [{**MONDAY[0], "text": MONDAY[0]["text"].replace("five", "twenty")}]
    event_id = _bannu(store)["event_id"]
    report = ingest_text(store, write(tmp_path / "u.jsonl", updated), extractor=extractor)
    assert (report.events_new, report.events_updated) == (0, 1)
    assert (_bannu(store)["event_id"], _bannu(store)["deaths_best"]) == (event_id, 20)
    ingest_text(store, write(tmp_path / "m.jsonl", MONDAY), extractor=extractor)
    assert (_bannu(store)["event_id"], _bannu(store)["deaths_best"]) == (event_id, 7)
    # The corrected Tuesday article now tells of a Quetta abduction: the Bannu event loses it.
    fixed = [{"id": "tue", "published": "2014-06-10",
              "text": "Gunmen abducted three engineers in Quetta on Tuesday."}]  # fmt: skip
    report = ingest_text(store, write(tmp_path / "b.jsonl", fixed), extractor=extractor)
    assert (report.events_new, report.events_updated, report.events_removed) == (1, 1, 0)
    bannu = _bannu(store)
    assert bannu["deaths_best"] == 5 and json.loads(str(bannu["notes"]))["sources"] == ["mon"]
    # And an article that no longer reports any event removes the event only it reported.
    empty = [{"id": "tue", "published": "2014-06-10", "text": "The weather was fine."}]
    report = ingest_text(store, write(tmp_path / "c.jsonl", empty), extractor=extractor)
    assert (report.events_stored, report.events_removed) == (0, 1)
    assert _counts(store)[0] == 1
    orphans = store.query(
        """SELECT count(*) AS n FROM (SELECT event_id FROM text_event_sources UNION ALL
             SELECT event_id FROM text_evidence UNION ALL SELECT event_id FROM text_reports)
           WHERE event_id NOT IN (SELECT event_id FROM events)"""
    )
    assert orphans["n"][0] == 0


def test_merged_event_takes_a_date_its_base_report_lacks() -> None:
    from signalfire.extract.dedup import combine

    undated = ExtractedEvent("a", "ied_bombing", adm1="PK-BA", confidence=0.9, deaths=4)
    dated = ExtractedEvent(
        "b", "ied_bombing", country="PAK", adm1="PK-BA", adm2="q", place="Quetta",
        date=dt.date(2014, 6, 9), date_precision=1, confidence=0.5, deaths=6,
    )  # fmt: skip
    merged = combine([undated, dated])
    assert merged.doc_id == "a" and merged.confidence == 0.95
    assert (merged.date, merged.adm2, merged.place, merged.deaths) == (
        dt.date(2014, 6, 9), "q", "Quetta", 6,
    )  # fmt: skip
    assert merged.sources == ["a", "b"]


_words = st.text(alphabet="abcxyz ", min_size=0, max_size=12)
_actor = st.builds(
    ActorRole,
    actor_id=st.sampled_from(["ttp", "iskp", "civilians", "new_group"]),
    name=_words,
    role=st.sampled_from(ROLES),
    kind=st.sampled_from(["state_force", "rebel_group", "civilians", "other"]),
    claim=st.sampled_from(CLAIMS),
    named=st.booleans(),
)
_count = st.none() | st.integers(0, 500)


@given(
    st.builds(
        ExtractedEvent,
        doc_id=st.text(min_size=1, max_size=8),
        event_type=st.sampled_from(["ied_bombing", "arrest", "other"]),
        actors=st.lists(_actor, max_size=3),
        country=st.none() | st.just("PAK"),
        adm1=st.none() | st.just("PK-BA"),
        place=st.none() | _words,
        lat=st.none() | st.floats(-90, 90),
        location_precision=st.none() | st.integers(1, 7),
        date=st.none() | st.dates(),
        date_precision=st.none() | st.integers(1, 5),
        deaths=_count,
        deaths_high=_count,
        injured=_count,
        abducted=_count,
        arrested=_count,
        confidence=st.floats(0, 1),
        text=st.text(max_size=40),
    )
)
def test_a_stored_report_reads_back_as_it_was(event: ExtractedEvent) -> None:
    from signalfire.extract.store import _from_record, _record

    back = _from_record(_record(event), event.text, actors=None)
    assert back == replace(event, sources=[event.doc_id], evidence=[])


def test_published_flag_dates_documents_that_carry_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_data: Path
) -> None:
    # (the gazetteer reads the reference data's geo/ folder)
    src = write(
        tmp_path / "undated.jsonl",
        [{"id": "u", "text": "A suicide bomber killed 12 people at a market in Quetta yesterday."}],
    )
    db = tmp_path / "p.duckdb"
    code, out, err = run(
        ["ingest", "text", str(src), "--db", str(db), "--published", "2014-06-10"], capsys
    )
    assert code == 0, err
    assert "1 stored" in out and "0 quarantined" in out
    with signalfire.open(db, read_only=True) as store:
        day = store.query("SELECT date_start FROM events").iloc[0, 0]
        assert str(day)[:10] == "2014-06-09"  # "yesterday" of the given publication date
    code, out, err = run(
        ["ingest", "text", str(src), "--db", str(db), "--published", "10/06/2014"], capsys
    )
    assert code == 2 and "published" in err and "YYYY-MM-DD" in err
    ged = tmp_path / "x.csv"
    ged.write_text("id\n1\n")
    code, out, err = run(
        ["ingest", "ucdp-ged", str(ged), "--db", str(db), "--published", "2014-06-10"], capsys
    )
    assert code == 2 and "text only" in err
