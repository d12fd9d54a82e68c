"""The actor graph on the shared UCDP GED Pakistan file: derived spells traceable to event ids,
first appearances, evidence that accumulates, exports and forecasting features."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run

import signalfire
from signalfire.graph.curated import load_curated
from signalfire.graph.derive import (
    _spells,
    derive_relations,
    first_appearances,
    operating_areas,
)
from signalfire.graph.export import build_graph, to_graphml, to_html
from signalfire.graph.features import actor_panel, allied_activity
from signalfire.graph.model import (
    Relation,
    Source,
    relation_sources,
    relations,
    save_relations,
)


@pytest.fixture(scope="module")
def graph_path(ged_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the GED store with derived and curated relations."""
    path = tmp_path_factory.mktemp("graph") / "graph.duckdb"
    shutil.copy(ged_store_path, path)
    with signalfire.open(path) as store:
        save_relations(store, derive_relations(store) + load_curated())
    return path


@pytest.fixture(scope="module")
def graph(graph_path: Path) -> Iterator[signalfire.Store]:
    with signalfire.open(graph_path, read_only=True) as store:
        yield store


def _events(store: signalfire.Store, ids: list[str]) -> pd.DataFrame:
    placeholders = ", ".join("?" * len(ids))
    return store.query(f"SELECT * FROM events WHERE event_id IN ({placeholders})", ids)


def _spell_events(store: signalfire.Store, relation_id: int) -> pd.DataFrame:
    sources = relation_sources(store, [relation_id])
    ids = [e for ids in sources.loc[sources["kind"] == "dataset", "event_ids"] for e in ids]
    return _events(store, ids)


def test_ttp_districts_by_period_trace_to_its_events(graph: signalfire.Store) -> None:
    areas = operating_areas(graph, actor_id="ttp", level="adm2")
    assert areas["region_id"].nunique() >= 30
    # Periods: at least one district where the TTP was active in separate spells.
    assert (areas.groupby("region_id").size() > 1).any()
    names = {"TTP"}
    for row in areas.sort_values("events", ascending=False).head(5).itertuples():
        events = _spell_events(graph, row.relation_id)
        assert len(events) == row.events
        assert (events["adm2_id"] == row.region_id).all()
        assert (events["actor1"].isin(names) | events["actor2"].isin(names)).all()
        assert str(events["date_start"].min().date()) == row.start_date
        assert str(events["date_end"].max().date()) == row.end_date
        first = events.sort_values(["date_start", "event_id"]).iloc[0]
        assert first["event_id"] == row.first_event_id


def test_baloch_groups_operate_in_balochistan(graph: signalfire.Store) -> None:
    for actor in ("bla", "blf", "bra"):
        areas = operating_areas(graph, actor_id=actor, level="adm1")
        by_province = areas.groupby("region_id")["events"].sum()
        assert by_province.idxmax() == "PK-BA", actor
        assert by_province["PK-BA"] / by_province.sum() > 0.8
        districts = operating_areas(graph, actor_id=actor, level="adm2")
        assert len(districts) >= 3
        traced = _spell_events(graph, int(districts["relation_id"].iloc[0]))
        assert (traced["adm1_id"] == "PK-BA").all()


def test_first_appearance_of_the_islamic_state_in_pakistan(graph: signalfire.Store) -> None:
    firsts = first_appearances(graph, actor_id="isis_k", level="adm0")
    row = firsts[firsts["region_id"] == "PAK"].iloc[0]
    # Independent check straight from the events table.
    direct = graph.query(
        """SELECT event_id, date_start FROM events WHERE actor1 = 'IS' OR actor2 = 'IS'
           ORDER BY date_start, event_id LIMIT 1"""
    ).iloc[0]
    assert row["first_date"] == str(direct["date_start"].date())
    assert row["first_event_id"] == direct["event_id"]
    assert row["first_date"].startswith("2015")


def test_fights_are_one_relation_whichever_side_ucdp_lists_first(
    graph: signalfire.Store,
) -> None:
    fights = relations(graph, relation="fights", actor_id="ttp")
    pair = fights[{"pak_military", "ttp"} == fights[["subject_id", "object_id"]].apply(set, axis=1)]
    assert len(pair) >= 1
    assert pair["events"].sum() == len(
        graph.query(
            """SELECT event_id FROM events WHERE (actor1 = 'Government of Pakistan'
               AND actor2 = 'TTP') OR (actor1 = 'TTP' AND actor2 = 'Government of Pakistan')"""
        )
    )


def test_new_source_adds_evidence_and_rerun_adds_nothing(graph_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    shutil.copy(graph_path, path)
    with signalfire.open(path) as store:
        before = relation_sources(store)
        again = save_relations(store, derive_relations(store) + load_curated())
        assert again == {"relations_new": 0, "sources_new": 0}
        claim = Relation("jua", "Jamaat-ul-Ahrar", "splinter_of", "ttp", "TTP", start="2014-08")
        text = Source("text", "doc-1", 0.8, span_start=0, span_end=10, evidence="JuA split")
        assert save_relations(store, [(claim, text)]) == {"relations_new": 0, "sources_new": 1}
        after = relation_sources(store)
        assert len(after) == len(before) + 1
        # Every earlier row is still there, unchanged.
        as_text = [after.astype(str), before.astype(str)]
        kept = as_text[0].merge(as_text[1], how="inner")
        assert len(kept) == len(before)
        row = relations(store, relation="splinter_of", actor_id="jua")
        row = row[row["object_id"] == "ttp"]
        assert row["n_sources"].iloc[0] == 2
        assert row["source_kinds"].iloc[0] == "curated,text"
        assert row["confidence"].iloc[0] > 0.95  # two independent sources beat either


def test_actors_show_every_relation_has_a_source(
    graph_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["actors", "show", "TTP", "--db", str(graph_path), "--format", "json"], capsys
    )
    assert code == 0, err
    shown = json.loads(out)
    assert shown["actor_id"] == "ttp" and "Pakistani Taliban" in shown["aliases"]
    assert len(shown["relations"]) > 10
    for relation in shown["relations"]:
        assert relation["n_sources"] >= 1 and relation["sources"]
        if "dataset" in relation["sources"] or relation["events"]:
            assert relation["event_ids"]
    kinds = {r["relation"] for r in shown["relations"]}
    assert {"fights", "allied_with", "splinter_of", "targets"} <= kinds
    assert shown["regions"] and all(r["first_event_id"] for r in shown["regions"])

    code, out, _ = run(["actors", "show", "ttp", "--db", str(graph_path)], capsys)
    assert code == 0 and "PK-KP" in out and "relations over time" in out
    code, _, err = run(["actors", "show", "no such group", "--db", str(graph_path)], capsys)
    assert code == 6 and "not an id or a known name" in err


def test_actors_list_counts_events(graph_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["actors", "list", "--db", str(graph_path), "--format", "jsonl"], capsys)
    assert code == 0
    rows = {r["actor_id"]: r for r in map(json.loads, out.splitlines())}
    assert rows["ttp"]["events"] > 3000 and rows["ttp"]["relations"] > 10
    assert rows["ttp"]["first_seen"] == "2007-02-03"


def test_graph_exports(graph: signalfire.Store, tmp_path: Path) -> None:
    built = build_graph(graph)
    ids = {n["id"] for n in built.nodes}
    assert {"ttp", "pak_military", "bla", "isis_k"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in built.edges)
    assert all(e["sources"] >= 1 for e in built.edges)
    root = ET.fromstring(to_graphml(built))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(built.nodes)
    assert len(root.findall(".//g:edge", ns)) == len(built.edges)

    at = build_graph(graph, at="2010-06")
    assert 0 < len(at.edges) < len(built.edges)
    for edge in at.edges:
        assert (edge["start"] or "0") <= "2010-06-30"
        assert (edge["end"] or "9999") >= "2010-06"


def test_graph_html_is_self_contained(graph: signalfire.Store) -> None:
    page = to_html(build_graph(graph))
    lowered = page.lower()
    assert "<script src" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert "cdn" not in lowered
    # The only URLs are XML namespaces, never fetched.
    for url in set(re.findall(r"https?://[^\s\"'<>]+", page)):
        assert url.startswith("http://www.w3.org/"), url


def test_graph_html_renders_offline(
    graph: signalfire.Store, tmp_path: Path, chromium_browser: Any
) -> None:
    built = build_graph(graph)
    page_path = tmp_path / "graph.html"
    page_path.write_text(to_html(built), encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    context = chromium_browser.new_context(offline=True)
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    circles = page.locator("svg circle").count()
    lines = page.locator("svg line").count()
    page.uncheck("#all-years")
    page.fill("#year", "2009")
    page.dispatch_event("#year", "input")
    shown_2009 = page.locator("svg line:visible").count()
    context.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file://")] == []

    # One line per edge, and a second one from a mediator to the other party.
    def drawn(edges: list[dict[str, object]]) -> int:
        return len(edges) + sum(1 for e in edges if e["third"])

    assert circles == len(built.nodes) and lines == drawn(built.edges)
    in_2009 = [
        e
        for e in built.edges
        if any((a or "0") <= "2009-12-31" and (b or "9999") >= "2009" for a, b in e["periods"])
    ]
    assert 0 < shown_2009 == drawn(in_2009) < lines


def test_actor_panel_counts_each_side(graph: signalfire.Store) -> None:
    panel = actor_panel(graph, "adm1")
    ttp = panel[panel["actor_id"] == "ttp"]
    direct = graph.query(
        """SELECT count(*) AS n FROM events WHERE adm1_id IS NOT NULL
           AND (actor1 = 'TTP' OR actor2 = 'TTP')"""
    )["n"].iloc[0]
    assert ttp["events"].sum() == direct
    assert set(panel.columns) == {"actor_id", "region_id", "month", "events", "deaths"}
    balanced = actor_panel(graph, "adm1", balanced=True)
    assert balanced["events"].sum() == panel["events"].sum()
    one = balanced[(balanced["actor_id"] == "ttp") & (balanced["region_id"] == "PK-KP")]
    months = pd.PeriodIndex(one["month"], freq="M")
    assert (months[1:] - months[:-1] == months.freq).all()  # no gaps


def test_allied_activity_uses_only_covering_relations(graph: signalfire.Store) -> None:
    allied = allied_activity(graph, "adm1")
    assert not allied.empty
    ttp = allied[allied["actor_id"] == "ttp"]
    assert not ttp.empty and ttp["partners"].str.contains("al_qaida|lej|afg_taliban").any()
    # The IMU alliance ends 2015-08 (curated): no IMU activity credited to the TTP after it.
    imu = ttp[ttp["partners"].str.contains("imu")]
    assert (imu["month"] <= "2015-08").all()
    no_neighbours = allied_activity(graph, "adm1", neighbours=False)
    assert no_neighbours["partner_events"].sum() <= allied["partner_events"].sum()


def test_relation_validation() -> None:
    with pytest.raises(ValueError, match="relation='friends_with'"):
        Relation("a", "A", "friends_with", "b", "B")
    with pytest.raises(ValueError, match="third_id is required"):
        Relation("a", "A", "mediates", "b", "B")
    with pytest.raises(ValueError, match="after end"):
        Relation("a", "A", "fights", "b", "B", start="2015-03", end="2014")
    with pytest.raises(ValueError, match="YYYY"):
        Relation("a", "A", "fights", "b", "B", start="2015-13")
    with pytest.raises(ValueError, match="event id"):
        Source("dataset", "ucdp-ged", 0.9)


_ids = st.from_regex(r"[a-z]{1,6}", fullmatch=True)


@given(_ids, _ids, _ids, st.sampled_from(["fights", "allied_with", "rival_of", "splinter_of"]))
def test_symmetric_relations_have_one_key(a: str, b: str, c: str, kind: str) -> None:
    forward = Relation(a, a, kind, b, b)
    backward = Relation(b, b, kind, a, a)
    assert (forward.key() == backward.key()) == (kind != "splinter_of" or a == b)
    mediated = Relation(c, c, "mediates", a, a, third_id=b, third_name=b)
    swapped = Relation(c, c, "mediates", b, b, third_id=a, third_name=a)
    assert mediated.key() == swapped.key()


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3000), st.integers(0, 40), st.sampled_from(["a", "b"])),
        min_size=1,
        max_size=40,
    ),
    st.integers(1, 400),
)
def test_spells_split_exactly_at_long_gaps(rows: list[tuple[int, int, str]], gap_days: int) -> None:
    start = pd.Timestamp("2000-01-01")
    frame = pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(len(rows))],
            "date_start": [start + pd.Timedelta(days=d) for d, _, _ in rows],
            "date_end": [start + pd.Timedelta(days=d + n) for d, n, _ in rows],
            "actor": [a for _, _, a in rows],
            "deaths": [1] * len(rows),
            "source": ["test"] * len(rows),
        }
    )
    spells = _spells(frame, ["actor"], gap_days)
    assert spells["events"].sum() == len(rows)
    assert sorted(e for ids in spells["event_ids"] for e in ids) == sorted(frame["event_id"])
    for actor, group in spells.sort_values("start").groupby("actor"):
        # Consecutive spells of one actor are separated by more than the gap...
        ends = group["end"].cummax().shift()
        gaps = (group["start"] - ends).dt.days.dropna()
        assert (gaps > gap_days).all(), actor
        # ...and within a spell no gap is longer than it.
        for ids in group["event_ids"]:
            inside = frame.set_index("event_id").loc[ids].sort_values("date_start")
            reach = inside["date_end"].cummax().shift()
            assert ((inside["date_start"] - reach).dt.days.dropna() <= gap_days).all()


def test_a_longer_spell_from_new_data_supersedes_the_old_one(tmp_path: Path) -> None:
    with signalfire.open(tmp_path / "s.duckdb") as store:
        old = Relation("a", "A", "fights", "b", "B", start="2008-01-05", end="2009-01-01")
        save_relations(store, [(old, Source("dataset", "ucdp-ged", 0.95, ("e1", "e2")))])
        newer = Relation("a", "A", "fights", "b", "B", start="2008-01-05", end="2010-06-01")
        source = Source("dataset", "ucdp-ged", 0.95, ("e1", "e2", "e3"))
        save_relations(store, [(newer, source)])
        shown = relations(store)
        assert shown["end_date"].tolist() == ["2010-06-01"]
        history = relations(store, superseded=True)
        assert sorted(history["end_date"]) == ["2009-01-01", "2010-06-01"]
        # A claim with other evidence (text, curated) is never hidden.
        save_relations(store, [(old, Source("text", "doc", 0.8, span_start=0, span_end=3))])
        assert len(relations(store)) == 2


def test_acled_and_gtd_events_give_sound_relations(bounded_store: signalfire.Store) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    signalfire.ingest(bounded_store, "acled", fixtures / "acled" / "acled_pak_sample.csv")
    signalfire.ingest(bounded_store, "gtd", fixtures / "gtd" / "gtd_pak_sample.csv")
    items = derive_relations(bounded_store)
    ids = {r.subject_id for r, _ in items} | {
        r.object_id for r, _ in items if r.object_kind == "actor"
    }
    # GTD's target types and unnamed perpetrators are never actors.
    assert not ids & {"new_police", "new_private_citizens_property", "new_unknown", "new_unnamed"}
    assert not any("unidentified" in i or i.startswith("new_civilians") for i in ids)
    relations_found = {(r.subject_id, r.relation, r.object_id) for r, _ in items}
    assert ("ttp", "targets", "target:police") in relations_found  # GTD: TTP, Police
    assert ("bra", "targets", "target:infrastructure") in relations_found  # GTD: BRA, Utilities
    assert any(  # ACLED: TTP against Lashkar-e-Islam, either order
        {s, o} == {"ttp", "lashkar_e_islam"} for s, k, o in relations_found if k == "fights"
    )
    for _, source in items:
        assert source.event_ids and all(e.startswith(("acled:", "gtd:")) for e in source.event_ids)
    panel = actor_panel(bounded_store, "adm1")
    assert not panel["actor_id"].isin(["new_police", "new_unknown", "new_unnamed"]).any()
    assert not panel["actor_id"].str.contains("unidentified|civilians").any()


def test_relations_list_filters(graph_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(graph_path), "--format", "jsonl"]
    code, out, _ = run(["relations", "list", "--actor", "BLA", "--type", "fights", *db], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["relation"] == "fights" for r in rows)
    assert all("bla" in (r["subject_id"], r["object_id"]) for r in rows)
    code, out, _ = run(["relations", "list", "--source-kind", "curated", *db], capsys)
    curated = [json.loads(line) for line in out.splitlines()]
    assert len(curated) == len(load_curated()) and all(
        "curated" in r["source_kinds"] for r in curated
    )
    code, _, err = run(["relations", "list", "--type", "likes", *db], capsys)
    assert code == 2 and "likes" in err


def test_derive_and_graph_commands(
    ged_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.duckdb"
    shutil.copy(ged_store_path, db)
    code, out, err = run(["actors", "derive", "--db", str(db)], capsys)
    assert code == 0, err
    assert "new sources" in out
    code, out, _ = run(["actors", "derive", "--db", str(db)], capsys)
    assert code == 0 and ": 0 new, 0 new sources" in out
    page = tmp_path / "g.html"
    code, _, err = run(["actors", "graph", "--db", str(db), "--out", str(page)], capsys)
    assert code == 0 and "actors" in err and page.read_text().startswith("<!DOCTYPE html>")
    code, out, _ = run(
        ["actors", "graph", "--db", str(db), "--format", "json", "--at", "2016"], capsys
    )
    assert code == 0 and json.loads(out)["at"] == "2016"
    code, _, err = run(["actors", "graph", "--db", str(db), "--at", "2016-13"], capsys)
    assert code == 2 and "YYYY" in err
