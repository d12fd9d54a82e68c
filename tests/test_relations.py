"""Relation extraction from text: one test text per construction the rules must handle, the
JSONL command, input readers and the curated file. These texts are not in the benchmark set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

import signalfire
from signalfire.graph.curated import load_curated
from signalfire.graph.model import SYMMETRIC, relations, save_relations
from signalfire.graph.text import CONFIDENCE, RelationExtractor, TextRelation, store_items


@pytest.fixture(scope="module")
def extractor() -> RelationExtractor:
    return RelationExtractor()


def triples(found: list[TextRelation]) -> set[tuple[str, str, str, bool]]:
    """(subject, relation, object, negated); symmetric relations with the pair sorted."""
    out = set()
    for r in found:
        a, b = r.subject.id, r.object.id
        if r.relation in SYMMETRIC:
            a, b = sorted((a, b))
        out.add((a, r.relation, b, r.negated))
    return out


def one(found: list[TextRelation], relation: str) -> TextRelation:
    matches = [r for r in found if r.relation == relation]
    assert len(matches) == 1, found
    return matches[0]


def test_relative_clause_and_main_clause(extractor: RelationExtractor) -> None:
    found = extractor.extract(
        "The BLF, which has ambushed Pakistani troops in Awaran, claimed the attack.", "a"
    )
    assert ("blf", "fights", "pak_military", False) in triples(found)
    assert one(found, "claims").subject.id == "blf"


def test_defectors_and_participial_clause(extractor: RelationExtractor) -> None:
    found = extractor.extract(
        "Created in 2017 by dissidents from Jamaat-ul-Ahrar, Hizbul Ahrar operates in Mohmand.",
        "b",
    )
    splinter = one(found, "splinter_of")
    assert (splinter.subject.id, splinter.object.id) == ("hizbul_ahrar", "jua")
    assert splinter.start == "2017"


def test_hyphenated_modifier(extractor: RelationExtractor) -> None:
    found = extractor.extract("The Taliban-aligned Haqqani network ran camps in Khost.", "c")
    allied = one(found, "allied_with")
    assert {allied.subject.id, allied.object.id} == {"haqqani", "afg_taliban"}


def test_noun_relation_and_possessive(extractor: RelationExtractor) -> None:
    found = extractor.extract("Jaish al-Adl is an offshoot of Jundallah.", "d")
    assert ("jaish_al_adl", "splinter_of", "jundallah", False) in triples(found)
    found = extractor.extract("The BRA, the BLA's ally, bombed a gas pipeline.", "d2")
    assert {"bra", "bla"} == {
        one(found, "allied_with").subject.id,
        one(found, "allied_with").object.id,
    }
    assert one(found, "targets").object.id == "target:infrastructure"


def test_coordination_gives_every_pair(extractor: RelationExtractor) -> None:
    found = extractor.extract(
        "The BLA, the BLF and the BRA have all attacked Chinese workers in Gwadar.", "e"
    )
    subjects = {r.subject.id for r in found if r.relation == "targets"}
    assert subjects == {"bla", "blf", "bra"}


def test_pronoun_and_the_group_point_back(extractor: RelationExtractor) -> None:
    text = (
        "Lashkar-e-Islam was strongest in the Tirah valley. "
        "The group fought Ansar ul-Islam for years, and it later joined the TTP."
    )
    found = extractor.extract(text, "f")
    assert ("ansar_ul_islam", "fights", "lashkar_e_islam", False) in triples(found)
    faction = one(found, "faction_of")
    assert (faction.subject.id, faction.object.id) == ("lashkar_e_islam", "ttp")
    # The evidence names both sentences: the antecedent and the clause that states it.
    assert len(faction.evidence) == 2


def test_passive_voice(extractor: RelationExtractor) -> None:
    found = extractor.extract("Afghan soldiers were attacked by the Taliban near Kandahar.", "g")
    fights = one(found, "fights")
    assert {fights.subject.id, fights.object.id} == {"afg_military", "afg_taliban"}


def test_negation(extractor: RelationExtractor) -> None:
    found = extractor.extract("The TNSM has never been allied with the BLA.", "h")
    assert triples(found) == {("bla", "allied_with", "tnsm", True)}


def test_hedge_lowers_confidence(extractor: RelationExtractor) -> None:
    plain = one(extractor.extract("The IMU cooperated with al-Qaeda.", "i"), "allied_with")
    hedged = one(
        extractor.extract("The IMU allegedly cooperated with al-Qaeda.", "i2"), "allied_with"
    )
    assert plain.confidence == CONFIDENCE and hedged.confidence < plain.confidence


def test_speculation_is_not_a_statement(extractor: RelationExtractor) -> None:
    for text in (
        "Officials fear that the TTP could ally with ISKP.",
        "Whether the BLA will negotiate with the Pakistani government remains unclear.",
        "The BLF might one day join the BLA.",
    ):
        assert extractor.extract(text, "j") == [], text


def test_date_ranges(extractor: RelationExtractor) -> None:
    found = extractor.extract(
        "The Afghan Taliban held talks with the United States from 2018 until 2020.", "k"
    )
    talks = one(found, "negotiates_with")
    assert (talks.start, talks.end) == ("2018", "2020")
    found = extractor.extract("The MQM fought the MQM-Haqiqi between 1992 and 1999.", "k2")
    assert (one(found, "fights").start, one(found, "fights").end) == ("1992", "1999")
    found = extractor.extract("The TTP has attacked polio teams since March 2012.", "k3")
    assert one(found, "targets").start == "2012-03"


def test_mediation_has_a_third_party(extractor: RelationExtractor) -> None:
    found = extractor.extract(
        "Qatar mediated a truce between the Afghan Taliban and Afghan forces.", "l"
    )
    mediated = one(found, "mediates")
    assert mediated.subject.id == "qat_state"
    assert {mediated.object.id, mediated.third.id if mediated.third else None} == {
        "afg_taliban",
        "afg_military",
    }
    assert ("afg_military", "ceasefire_with", "afg_taliban", False) in triples(found)


def test_evidence_spans_point_into_the_text(extractor: RelationExtractor) -> None:
    text = "Some context first. The TTP and al-Qaeda formed an alliance. More text."
    found = extractor.extract(text, "m")
    assert found
    for relation in found:
        for start, end, quoted in relation.evidence:
            assert text[start:end] == quoted
            assert "alliance" in quoted


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "the TTP",
                "attacked",
                "allied with",
                "al-Qaeda",
                "and",
                "not",
                "reportedly",
                "it",
                "in 2014",
                "a splinter of",
                ",",
                "which",
                "the BLA",
                ".",
                "talks between",
                "Qatar-brokered",
                "ceasefire",
                "zzz",
                "€",
            ]
        ),
        max_size=25,
    )
)
def test_any_text_gives_valid_relations(extractor: RelationExtractor, words: list[str]) -> None:
    text = " ".join(words)
    for relation in extractor.extract(text, "x"):
        record = relation.as_json()
        assert record["subject"]["id"] != record["object"]["id"]
        for span in record["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert 0 < record["confidence"] <= 1


def test_extract_command_writes_the_jsonl_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text(
        json.dumps(
            {"id": "r1", "text": "The TTP is allied with al-Qaeda.", "published": "2015-03-01"}
        )
        + "\n"
        + json.dumps({"id": "r2", "text": "Nothing here."})
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    db = tmp_path / "s.duckdb"
    code, _, err = run(
        ["relations", "extract", str(source), "--out", str(target), "--save", "--db", str(db)],
        capsys,
    )
    assert code == 0, err
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(lines) == 1
    record = lines[0]
    keys = {"doc_id", "subject", "relation", "object", "third", "start", "end", "negated"}
    assert keys | {"evidence", "confidence"} == set(record)
    assert record["doc_id"] == "r1" and record["third"] is None
    assert set(record["subject"]) == {"id", "name"}
    assert record["evidence"][0]["text"] == "The TTP is allied with al-Qaeda."
    with signalfire.open(db, read_only=True) as store:
        stored = relations(store)
    assert stored["source_kinds"].tolist() == ["text"]

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("Jundallah fought Iranian forces.", encoding="utf-8")
    code, out, _ = run(["relations", "extract", str(folder)], capsys)
    assert code == 0 and json.loads(out)["doc_id"] == "a"


def test_extract_command_names_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(["relations", "extract", str(empty)], capsys)
    assert code == 3 and "empty" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "The TTP fought the BLA."}\n{not json\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, _, err = run(["relations", "extract", str(bad), "--out", str(target)], capsys)
    assert code == 3 and "row 2" in err
    # What was read before the bad line is already written.
    assert json.loads(target.read_text().splitlines()[0])["doc_id"] == "1"


def test_text_evidence_joins_curated_claims(extractor: RelationExtractor, tmp_path: Path) -> None:
    found = extractor.extract("Jamaat-ul-Ahrar was formed in 2014 by defectors from the TTP.", "n")
    with signalfire.open(tmp_path / "s.duckdb") as store:
        save_relations(store, load_curated())
        save_relations(store, store_items(found))
        splinter = relations(store, relation="splinter_of", actor_id="jua")
    # The text's date (2014) differs from the curated one (2014-08): two claims, each sourced.
    assert set(splinter["source_kinds"]) == {"curated", "text"}
    assert (splinter["n_sources"] >= 1).all()


def test_curated_file_is_cited_and_marked() -> None:
    items = load_curated()
    assert len(items) >= 15
    for relation, source in items:
        assert source.kind == "curated"
        assert source.reference and len(source.reference) > 20
        assert not relation.subject_id.startswith("new_") or "government" in relation.subject_id


def test_long_documents_are_read_in_chunks_with_true_offsets(
    extractor: RelationExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from signalfire.graph import text as text_module

    monkeypatch.setattr(text_module, "CHUNK_CHARS", 200)
    filler = "Nothing of note happened in the valley that week. " * 6
    text = (
        filler
        + "\n\nThe TTP and al-Qaeda formed an alliance.\n\n"
        + filler
        + "\n\nThe BLA fought the BLF in Kech."
    )
    found = extractor.extract(text, "long")
    assert triples(found) >= {
        ("al_qaida", "allied_with", "ttp", False),
        ("bla", "fights", "blf", False),
    }
    for relation in found:
        for start, end, quoted in relation.evidence:
            assert text[start:end] == quoted


def test_words_of_others_are_hedged_a_groups_own_are_not(extractor: RelationExtractor) -> None:
    others = one(
        extractor.extract("Indian officials say that Pakistan supports the Afghan Taliban.", "o"),
        "allied_with",
    )
    assert others.confidence < CONFIDENCE
    own = one(extractor.extract("The BLF said it targets Chinese engineers.", "o2"), "targets")
    assert own.confidence == CONFIDENCE
    backed = one(
        extractor.extract("The TTP, which is backed by al-Qaeda, bombed a school.", "o3"),
        "allied_with",
    )
    assert {backed.subject.id, backed.object.id} == {"ttp", "al_qaida"}
