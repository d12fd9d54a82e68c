"""`ingest text` edge cases found in review: repeated document ids in one input, stores
written before reports were kept, and the same input giving the same store whatever the order
the database returns rows in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_extract_store import fail_text_writes, table_rows, write

import signalfire
from signalfire.extract.pipeline import Extractor
from signalfire.extract.store import ingest_text

MONDAY = {
    "id": "mon",
    "published": "2014-06-09",
    "text": "A roadside bomb killed five soldiers in Bannu on Monday. The TTP claimed "
    "responsibility.",
}


def _state(store: signalfire.Store) -> list[tuple[object, ...]]:
    return [
        tuple(r)
        for r in store.con.execute(
            """SELECT e.event_id, e.deaths_best, e.notes,
                 (SELECT count(*) FROM text_reports r WHERE r.event_id = e.event_id),
                 (SELECT count(*) FROM text_event_sources s WHERE s.event_id = e.event_id)
               FROM events e ORDER BY e.event_id"""
        ).fetchall()
    ]


def test_a_document_id_given_twice_in_one_input_is_read_once(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store
) -> None:
    """A JSONL file (or folder) holding one article twice: the later copy is the article, as
    when it is read again in a later run; its event is not stored twice."""
    updated = {**MONDAY, "text": MONDAY["text"].replace("five", "seven")}
    src = write(tmp_path / "twice.jsonl", [MONDAY, updated])
    report = ingest_text(store, src, extractor=extractor)
    assert (report.documents, report.documents_repeated) == (1, 1)
    assert (report.events_extracted, report.events_stored, report.events_new) == (1, 1, 1)
    state = _state(store)
    assert len(state) == 1 and state[0][1] == 7 and state[0][3:] == (1, 1)
    assert int(store.query("SELECT count(*) FROM text_reports").iloc[0, 0]) == 1
    # Read again, nothing changes (before, the second run removed one of two events).
    again = ingest_text(store, src, extractor=extractor)
    assert (again.events_new, again.events_updated, again.events_removed) == (0, 1, 0)
    assert _state(store)[0][:2] == state[0][:2] and _state(store)[0][3:] == (1, 1)


def _dataset_event(store: signalfire.Store, event_id: str, day: str, adm1: str, adm2: str | None,
                   deaths: int | None) -> None:  # fmt: skip
    store.con.execute(
        """INSERT INTO events (event_id, source, source_event_id, source_id, source_row,
             date_start, date_end, country_iso3, adm1_id, adm2_id, location_method,
             violence_type, deaths_best, quality_flags, row_hash, ingested_at, updated_at)
           VALUES (?, 'ucdp-ged', ?, 1, 0, ?::DATE, ?::DATE, 'PAK', ?, ?, 'within',
             'state-based', ?, [], 'h', now(), now())""",
        [event_id, event_id, day, day, adm1, adm2, deaths],
    )


def test_dataset_matches_are_found_in_one_query_as_one_per_event(store: signalfire.Store) -> None:
    """All events of a run are matched to dataset events by one query (one per event scanned
    `events` once each: most of a run's store phase on a store holding GED); same rule: same
    days +-1, same province, same district or none, closest toll, then the smallest id."""
    import datetime as dt
    import random

    from signalfire.extract.model import ExtractedEvent
    from signalfire.extract.store import match_dataset_events

    store.con.execute(
        """INSERT INTO sources (path, sha256, size_bytes, format, rows_read, rows_stored,
             rows_new, rows_updated, rows_quarantined, rows_unlocated, started_at, finished_at)
           VALUES ('ged.csv', 'x', 1, 'ucdp-ged', 0, 0, 0, 0, 0, 0, now(), now())"""
    )
    rng = random.Random(5)
    start = dt.date(2014, 6, 1)
    dataset = []
    for n in range(120):
        row = (
            f"ged:{n:03d}",
            start + dt.timedelta(days=rng.randrange(12)),
            rng.choice(["PK-KP", "PK-BA"]),
            rng.choice(["d1", "d2", None]),
            rng.choice([None, 0, 3, 5, 5, 12]),
        )
        dataset.append(row)
        _dataset_event(store, row[0], row[1].isoformat(), row[2], row[3], row[4])
    events = [
        ExtractedEvent(
            f"doc{n}",
            "ied_bombing",
            adm1=rng.choice(["PK-KP", "PK-BA", None]),
            adm2=rng.choice(["d1", "d2", None]),
            date=rng.choice([None, start + dt.timedelta(days=rng.randrange(-2, 14))]),
            deaths=rng.choice([None, 0, 4, 5, 20]),
        )
        for n in range(200)
    ]

    def expected(e: ExtractedEvent) -> str | None:
        if e.date is None or e.adm1 is None:
            return None
        rows = [
            r
            for r in dataset
            if abs((r[1] - e.date).days) <= 1
            and r[2] == e.adm1
            and (e.adm2 is None or r[3] in (e.adm2, None))
        ]
        best = min(rows, key=lambda r: (abs((r[4] or 0) - (e.deaths or 0)), r[0]), default=None)
        return best[0] if best else None

    found = match_dataset_events(store.con, [(str(n), e) for n, e in enumerate(events)])
    assert found == {str(n): expected(e) for n, e in enumerate(events)}
    assert sum(v is not None for v in found.values()) > 50  # the sample does exercise matches


def test_a_reread_report_goes_back_to_the_same_event_whatever_the_row_order() -> None:
    """Two earlier reports of the article tie (same text, neither at the report's position):
    the report goes back to the smaller event id, not to whichever row the database returned
    first."""
    import datetime as dt

    from signalfire.extract.model import ExtractedEvent
    from signalfire.extract.store import _Run

    day = dt.date(2014, 6, 9)
    text = "A roadside bomb killed five soldiers in Bannu on Monday."
    event = ExtractedEvent("mon", "ied_bombing", adm1="PK-KP", date=day, deaths=5, text=text)
    old = [("text:r1", "text:b", event), ("text:r2", "text:a", event)]
    for rows in (old, old[::-1]):
        assert _Run.inherited([("text:new", event)], {"mon": rows}) == "text:a"


def test_text_events_actor_ids_are_known_actors_downstream() -> None:
    """Text events store actor ids (actor1 'afg_military'), datasets names ('Government of
    Afghanistan'): the new-actor detector and the actor graph must read an id as its actor,
    not as a name nobody knows ('new_afg_military' was a "new actor" of every region with a
    text event), and a group nobody named (the unidentified placeholders, ACLED's
    'Unidentified Armed Group (...)') is no new actor."""
    import sys

    import pandas as pd

    sys.path.insert(0, str(Path(__file__).parent))
    from dataclasses import replace

    from test_alerts import synthetic

    from signalfire.alerts.detectors import new_actor
    from signalfire.graph.model import resolve_actor

    data = synthetic({"R1": [1.0] * 40})
    events = data.events.assign(actor1="Government of Afghanistan", actor2="Taleban")
    last = events.iloc[-1]
    extra = [
        {**last.to_dict(), "event_id": f"text:{a1}", "actor1": a1, "actor2": a2}
        for a1, a2 in [
            ("afg_military", "unidentified_armed_group"),
            ("nato_isaf", "afg_taliban"),
            ("haqqani", "afg_military"),
            ("pak_military", "unidentified_baloch_group"),
            ("Unidentified Armed Group (Afghanistan)", "civilians"),
        ]
    ]
    events = pd.concat([events, pd.DataFrame(extra)], ignore_index=True)
    alerts = new_actor(replace(data, events=events))
    # The Haqqani network is new in this region; state forces (ISAF among them) are not "new
    # actors", the Taliban were there (as 'Taleban'), unnamed groups are nobody.
    assert [a.actor_id for a in alerts] == ["haqqani"]
    assert alerts[0].message.startswith("Haqqani Network active in")
    for actor_id in ("afg_military", "afg_taliban", "nato_isaf"):
        assert resolve_actor(actor_id).actor_id == actor_id


def test_the_report_names_text_events_actors() -> None:
    """The situation report shows a text event's actor by its name ('Afghan National Army'),
    not its id ('afg_military'), and the unidentified placeholders by their display names."""
    from signalfire.actors import UNIDENTIFIED_NAMES, ActorTable
    from signalfire.report import activity
    from signalfire.report.activity import ActorNames

    assert activity.UNIDENTIFIED_NAMES is UNIDENTIFIED_NAMES  # one definition, no copy
    names = ActorNames()
    table = ActorTable.load()
    for actor_id in ("afg_military", "afg_taliban", "nato_isaf", "ttp"):
        assert names(actor_id) == table.get(actor_id).name
    for actor_id, shown in UNIDENTIFIED_NAMES.items():
        assert names(actor_id) == shown
    assert names("Tehrik-i-Taliban  Pakistan") == table.get("ttp").name  # names still resolve


def test_a_merged_event_of_an_older_store_keeps_its_other_articles(
    tmp_path: Path, extractor: Extractor
) -> None:
    """A store written before reports were kept holds a merged event as one report (that of its
    base article) standing for every article merged into it. Re-reading the base article alone
    must not lose what the other articles told (the higher toll, their sources)."""
    from signalfire.extract.inputs import read_documents
    from signalfire.extract.store import _event_id
    from signalfire.schema import MIGRATIONS

    old = MIGRATIONS[: MIGRATIONS.index(next(m for m in MIGRATIONS if "text_reports" in m))]

    class OldStore(signalfire.Store):
        migrations = old

    src = write(tmp_path / "mon.jsonl", [MONDAY])
    (_, (event, *_)), *_ = extractor.extract_many(read_documents(src))
    event_id = _event_id(event, 0)  # what the old code named the merged event too
    path = tmp_path / "old.duckdb"
    with OldStore(path) as legacy:
        legacy.con.execute(
            """INSERT INTO sources (path, sha256, size_bytes, format, rows_read, rows_stored,
                 rows_new, rows_updated, rows_quarantined, rows_unlocated, started_at,
                 finished_at)
               VALUES ('both.jsonl', 'x', 1, 'text', 2, 1, 1, 0, 0, 0, now(), now())"""
        )
        legacy.con.execute(
            """INSERT INTO events (event_id, source, source_event_id, source_id, source_row,
                 date_start, date_end, country_iso3, adm1_id, adm2_id, location_method,
                 location_name, violence_type, event_type, actor1, deaths_best, headline, notes,
                 quality_flags, row_hash, ingested_at, updated_at)
               VALUES (?, 'text', 'mon', 1, 0, DATE '2014-06-09', DATE '2014-06-09',
                 'PAK', 'PK-KP', ?, 'within', 'Bannu', 'state-based', 'ied_bombing', 'ttp', 7,
                 'A roadside bomb killed five soldiers in Bannu on Monday.',
                 '{"confidence": 0.75, "sources": ["mon", "tue"],
                   "actors": [["ttp", "perpetrator", "claimed"]]}',
                 ['text-derived'], 'h', now(), now())""",
            [event_id, event.adm2],
        )
        for doc_id in ("mon", "tue"):
            legacy.con.execute(
                "INSERT INTO text_event_sources VALUES (?, ?, NULL, NULL, NULL, NULL, 1)",
                [event_id, doc_id],
            )
    with signalfire.open(path) as store:
        for _ in range(2):  # and again: a kept report stays kept
            report = ingest_text(store, src, extractor=extractor)
            assert (report.events_new, report.events_updated, report.events_removed) == (0, 1, 0)
            rows = store.query("SELECT event_id, deaths_best, notes FROM events")
            assert list(rows["event_id"]) == [event_id]
            assert rows["deaths_best"][0] == 7  # Tuesday's toll, from the older report
            assert json.loads(str(rows["notes"][0]))["sources"] == ["mon", "tue"]
            docs = store.query("SELECT doc_id FROM text_event_sources ORDER BY doc_id")
            assert list(docs["doc_id"]) == ["mon", "tue"]
        # Corrected, the base article tells of another event: the older event keeps its one
        # report (Tuesday's toll), and still lists the articles that report names.
        fixed = {**MONDAY, "text": "Gunmen abducted three engineers in Quetta on Monday."}
        report = ingest_text(store, write(tmp_path / "fixed.jsonl", [fixed]), extractor=extractor)
        assert (report.events_new, report.events_removed) == (1, 0)
        kept = store.query("SELECT deaths_best, notes FROM events WHERE event_id = ?", [event_id])
        assert kept["deaths_best"][0] == 7
        listed = store.query(
            "SELECT doc_id FROM text_event_sources WHERE event_id = ? ORDER BY doc_id", [event_id]
        )
        assert list(listed["doc_id"]) == json.loads(str(kept["notes"][0]))["sources"]


def test_a_run_that_fails_while_writing_leaves_the_store_as_it_was(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from signalfire.extract import store as text_store

    tuesday = {
        "id": "tue",
        "published": "2014-06-10",
        "text": "Seven soldiers were killed when a roadside bomb struck their convoy in Bannu "
        "on Monday, officials said.",
    }
    undated = {"id": "undated", "text": "A suicide bomber killed 12 people at a market in Quetta."}
    ingest_text(store, write(tmp_path / "mon.jsonl", [MONDAY]), extractor=extractor)
    tables = ("events", "text_reports", "text_event_sources", "text_evidence", "quarantine",
              "sources")  # fmt: skip

    before = table_rows(store, tables)
    real = text_store._insert
    fail_text_writes(monkeypatch)
    src = write(tmp_path / "more.jsonl", [MONDAY, tuesday, undated])
    with pytest.raises(OSError):
        ingest_text(store, src, extractor=extractor)
    assert table_rows(store, tables) == before
    monkeypatch.setattr(text_store, "_insert", real)
    report = ingest_text(store, src, extractor=extractor)
    assert (report.events_updated, report.quarantined) == (1, 1)


def test_a_regions_top_actors_name_text_events_actors(store: signalfire.Store) -> None:
    """The dashboard's region panel listed 'pak_military' and 'unidentified_armed_group' (text
    events' ids) beside 'Government of Pakistan', as separate actors."""
    from signalfire.actors import ActorTable
    from signalfire.web.routes_regions import top_actors

    store.con.execute(
        """INSERT INTO sources (path, sha256, size_bytes, format, rows_read, rows_stored,
             rows_new, rows_updated, rows_quarantined, rows_unlocated, started_at, finished_at)
           VALUES ('ged.csv', 'x', 1, 'ucdp-ged', 0, 0, 0, 0, 0, 0, now(), now())"""
    )
    sides = [
        ("Government of Pakistan", "TTP", 3),
        ("Government of Pakistan", "TTP", 2),
        ("pak_military", "unidentified_armed_group", 1),
        ("unidentified_armed_group", "civilians", 4),
    ]
    for n, (a1, a2, deaths) in enumerate(sides):
        _dataset_event(store, f"e{n}", f"2014-06-0{n + 1}", "PK-KP", None, deaths)
        store.con.execute(
            "UPDATE events SET actor1 = ?, actor2 = ? WHERE event_id = ?", [a1, a2, f"e{n}"]
        )
    table = ActorTable.load()
    found = top_actors(store, "adm1_id", "PK-KP")
    assert [(r["actor"], r["events"], r["deaths"]) for r in found] == [
        (table.get("pak_military").name, 3, 6),
        (table.get("ttp").name, 2, 5),
        ("Unidentified armed group", 2, 5),
        ("Civilians", 1, 4),
    ]
    assert found[0]["last_seen"] == "2014-06-03"


def test_stored_reports_are_read_for_the_days_of_the_run_only(
    tmp_path: Path, extractor: Extractor, store: signalfire.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run about March and September must not read every report stored in between."""
    import datetime as dt

    from signalfire.extract import store as text_store

    def bomb(doc_id: str, day: str, place: str) -> dict[str, str]:
        text = f"A roadside bomb killed five soldiers in {place} yesterday."
        return {"id": doc_id, "published": day, "text": text}

    records = [bomb("mar", "2014-03-04", "Bannu"), bomb("jun", "2014-06-10", "Quetta"),
               bomb("sep", "2014-09-02", "Swat")]  # fmt: skip
    ingest_text(store, write(tmp_path / "run1.jsonl", records), extractor=extractor)
    parsed: list[str] = []
    real = text_store._from_record

    def counting(record: str, text: str, actors: object) -> object:
        parsed.append(text)
        return real(record, text, actors)

    monkeypatch.setattr(text_store, "_from_record", counting)
    run = text_store._Run(store, store.con, text_store.TextIngestReport("x", 99), {}, None, None)  # type: ignore[arg-type]
    found = run.stored_reports([dt.date(2014, 3, 3), dt.date(2014, 9, 1)])
    assert sorted(found) == [dt.date(2014, 3, 3), dt.date(2014, 9, 1)]
    assert len(parsed) == 2 and not any("Quetta" in t for t in parsed)


def test_an_alert_rules_actor_matches_text_events_by_their_actors_names() -> None:
    """A rule's `actor` is matched within actor1/actor2 as written: text events hold ids
    ('isis_k', 'pak_military'), so a rule for "Islamic State" or "Pakistan" missed every text
    event while it caught GED's 'IS' and 'Government of Pakistan' rows."""
    import sys
    from dataclasses import replace

    import pandas as pd

    sys.path.insert(0, str(Path(__file__).parent))
    from test_alerts import synthetic

    from signalfire.alerts.rules import Rule, rule_alerts

    data = synthetic({"R1": [1.0] * 12, "R2": [1.0] * 12})
    last = data.events.iloc[-1].to_dict()
    text = [
        {**last, "event_id": "text:a", "region_id": "R1", "adm2_id": "R1", "deaths": 6,
         "actor1": "isis_k", "actor2": "pak_military"},
        {**last, "event_id": "text:b", "region_id": "R2", "adm2_id": "R2", "deaths": 6,
         "actor1": "unidentified_armed_group", "actor2": "civilians"},
    ]  # fmt: skip
    events = pd.concat([data.events, pd.DataFrame(text)], ignore_index=True)
    data = replace(data, events=events)

    def regions(actor: str) -> list[str]:
        rule = Rule("r", threshold=5, actor=actor)
        return [a.region_id for a in rule_alerts(data, rule)]

    assert regions("Islamic State") == ["R1"]
    assert regions("ISKP") == ["R1"]
    assert regions("Pakistan") == ["R1"]
    assert regions("unidentified armed") == ["R2"]
    assert regions("TTP") == []
