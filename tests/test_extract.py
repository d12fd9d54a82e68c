"""Text extraction end to end on sentences written to be tricky; JSONL shape; the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import run

from signalfire.extract import Document, ExtractedEvent, Extractor
from signalfire.extract.model import JSONL_KEYS

PUB = dt.date(2014, 6, 12)  # a Thursday


def one(extractor: Extractor, text: str, published: dt.date | None = PUB) -> ExtractedEvent:
    events = extractor.extract(Document("d1", text, published))
    assert len(events) == 1, [e.to_json() for e in events]
    return events[0]


def roles(event: ExtractedEvent) -> dict[str, tuple[str, str]]:
    return {a.actor_id: (a.role, a.claim) for a in event.actors}


def test_claimed_perpetrator_target_place_date_casualties(extractor: Extractor) -> None:
    text = (
        "Pakistani Taliban militants attacked a checkpost in Khyber Agency on Tuesday, killing "
        "at least 5 soldiers and wounding 7, officials in Peshawar said. The TTP claimed "
        "responsibility for the attack."
    )
    e = one(extractor, text)
    assert roles(e)["ttp"] == ("perpetrator", "claimed")
    assert roles(e)["pak_military"][0] == "target"
    assert (e.country, e.adm1, e.place) == ("PAK", "PK-KP", "Khyber Agency")  # not Peshawar
    assert e.adm2 is not None and e.lat is not None
    assert e.date == dt.date(2014, 6, 10)
    assert (e.deaths, e.injured) == (5, 7)
    assert e.event_type == "armed_clash"


def test_denial_is_not_a_perpetrator_and_suspicion_is_marked(extractor: Extractor) -> None:
    text = (
        "A suicide bomber blew himself up at a mosque in Quetta, killing 12 worshippers. "
        "Jamaat-ul-Ahrar denied responsibility, while police suspected Lashkar-e-Jhangvi."
    )
    e = one(extractor, text)
    r = roles(e)
    assert r["jua"] == ("other", "denied")
    assert r["lej"] == ("perpetrator", "suspected")
    assert r["civilians"][0] == "target"
    assert e.event_type == "suicide_bombing"
    assert e.adm1 == "PK-BA"


def test_denial_alone_leaves_no_perpetrator(extractor: Extractor) -> None:
    e = one(
        extractor,
        "The TTP denied any involvement in the bombing that killed three people in Bannu.",
    )
    assert roles(e)["ttp"] == ("other", "denied")
    assert not [a for a in e.actors if a.role == "perpetrator" and a.named]


def test_two_events_in_one_article(extractor: Extractor) -> None:
    text = (
        "Gunmen shot dead two policemen in Peshawar on Wednesday. In a separate incident, a "
        "roadside bomb killed four soldiers in North Waziristan."
    )
    events = extractor.extract(Document("d2", text, PUB))
    assert [e.event_type for e in events] == ["targeted_killing", "ied_bombing"]
    assert [e.deaths for e in events] == [2, 4]
    assert events[0].adm2 != events[1].adm2
    assert events[0].date == dt.date(2014, 6, 11)


def test_place_name_that_is_a_person_name(extractor: Extractor) -> None:
    # "Mohmand" is a district and a common surname; here it is the speaker's name.
    text = (
        "Rustam Shah Mohmand, a former ambassador, said four soldiers were killed in an "
        "ambush in Bannu."
    )
    e = one(extractor, text)
    assert e.place == "Bannu"
    assert all(ev.text != "Mohmand" for ev in e.evidence if ev.field == "place")


def test_same_name_resolved_by_document_country(extractor: Extractor) -> None:
    e = one(extractor, "Taliban insurgents killed three Afghan soldiers in Kunar province.")
    assert e.country == "AFG" and e.adm1 == "AF-KNR"
    assert roles(e)["afg_taliban"][0] == "perpetrator"
    # Bare "Taliban" in a Pakistani story after 2007 is the TTP.
    e = one(extractor, "Taliban militants killed two Pakistani soldiers in Swat.")
    assert roles(e)["ttp"][0] == "perpetrator" and e.adm1 == "PK-KP"


def test_transliterations_and_old_names(extractor: Extractor) -> None:
    e = one(extractor, "A bomb killed six people in Ningarhar province yesterday.")
    assert e.adm1 == "AF-NAN" and e.date == PUB - dt.timedelta(days=1)
    e = one(extractor, "Militants killed 3 policemen in the NWFP on Monday.", dt.date(2008, 5, 7))
    assert e.adm1 == "PK-KP" and e.date == dt.date(2008, 5, 5)


def test_jsonl_shape_and_evidence_spans(extractor: Extractor) -> None:
    text = "ISKP claimed a suicide attack that killed 14 people in Jalalabad on Sunday."
    e = one(extractor, text)
    record = e.to_json()
    assert tuple(record) == JSONL_KEYS
    assert record["actors"][0] == {
        "id": "isis_k",
        "name": extractor.actors.get("isis_k").name,
        "role": "perpetrator",
    }
    assert record["date"] == "2014-06-08" and record["deaths"] == 14
    assert record["adm1"] == "AF-NAN" and record["country"] == "AFG"
    fields = {ev["field"] for ev in record["evidence"]}
    assert {"deaths", "place", "date", "event_type", "actor:isis_k"} <= fields
    for ev in record["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]
    json.dumps(record)


def test_dateline_publication_date_and_place(extractor: Extractor) -> None:
    text = (
        "KABUL, Afghanistan (May 24, 2011) In Kajaki district, Helmand province, an Afghan and "
        "coalition security force killed two insurgents during a security operation yesterday."
    )
    e = one(extractor, text, published=None)
    assert e.date == dt.date(2011, 5, 23)
    assert e.adm1 == "AF-HEL" and e.place == "Kajaki"  # not the dateline's Kabul


def test_text_without_violence_gives_no_event(extractor: Extractor) -> None:
    assert (
        extractor.extract(Document("x", "The cabinet met in Islamabad to discuss the budget."))
        == []
    )


def test_cli_extract_writes_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  extractor: Extractor) -> None:  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "A roadside bomb killed 3 soldiers in Quetta yesterday.",
                    "published": "2015-02-03"}) + "\n"
        + json.dumps({"id": "b", "text": "Nothing happened."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "events.jsonl"
    code, _, err = run(["extract", str(src), "--out", str(out)], capsys)
    assert code == 0, err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 1 and tuple(lines[0]) == JSONL_KEYS
    assert lines[0]["doc_id"] == "a" and lines[0]["date"] == "2015-02-02"
    assert "2 documents, 1 event ->" in err
    code, _, err = run(["extract", str(tmp_path / "missing.jsonl")], capsys)
    assert code == 3 and "no such file" in err


def test_no_civilians_harmed_is_not_a_civilian_target(extractor: Extractor) -> None:
    e = one(
        extractor,
        "Coalition forces killed three insurgents in Tagab district, Kapisa province, today. "
        "No civilians were harmed and the force took care to avoid civilian casualties.",
    )
    assert e.deaths == 3 and e.adm1 == "AF-KAP"
    assert not any(a.actor_id == "civilians" and a.role == "target" for a in e.actors)


def test_headline_without_full_stop_and_speakers(extractor: Extractor) -> None:
    text = (
        "Two soldiers killed in Bajaur\n\nMilitants ambushed a Frontier Corps patrol in Bajaur "
        "Agency on Monday, killing two soldiers, officials said."
    )
    e = one(extractor, text)
    assert e.deaths == 2  # the headline's figure is the same toll, not two more
    assert roles(e)["unidentified_armed_group"][0] == "perpetrator"
    assert roles(e)["pak_military"][0] == "target"
    e = one(extractor, "A bomb killed 20 people at a market in Quetta, police said.")
    assert roles(e).get("pak_military", ("other", ""))[0] == "other"


def test_district_spelling_not_in_the_gazetteer(extractor: Extractor) -> None:
    e = one(
        extractor,
        "Coalition forces killed two insurgents in Khugyanni district, Nangarhar province.",
    )
    assert e.adm1 == "AF-NAN"
    assert extractor.gazetteer.adm2_names[e.adm2 or ""] == "Khogayani"


def test_homonym_resolved_by_country_focus_not_population(extractor: Extractor) -> None:
    # "Kohistan" is a district of Khyber Pakhtunkhwa, two districts of Afghanistan and an
    # Afghan town (the only candidate with a population).
    pk = one(extractor, "Pakistani troops killed 4 militants in Kohistan.")
    assert (pk.country, pk.adm1) == ("PAK", "PK-KP")
    af = one(extractor, "Afghan forces killed 4 Taliban fighters in Kohistan, Faryab province.")
    assert (af.country, af.adm1) == ("AFG", "AF-FYB")


def test_unnamed_militants_are_an_unidentified_group_not_a_guess(extractor: Extractor) -> None:
    # "Militants" names nobody: no group is credited, in Pakistan or Afghanistan.
    e = one(extractor, "Militants killed three policemen in Bannu on Monday.")
    actor = next(a for a in e.actors if a.role == "perpetrator")
    assert (actor.actor_id, actor.name, actor.named) == (
        "unidentified_armed_group",
        "Unidentified armed group",
        False,
    )
    assert not any(a.actor_id in {"ttp", "afg_taliban"} for a in e.actors)
    e = one(extractor, "Baloch separatists killed four labourers in Turbat on Sunday.")
    assert roles(e)["unidentified_baloch_group"][0] == "perpetrator"
    assert "bla" not in roles(e)
    # A named group makes the unnamed stand-in redundant.
    e = one(extractor, "Militants stormed a checkpoint in Bannu. The TTP claimed responsibility.")
    assert roles(e)["ttp"] == ("perpetrator", "claimed")
    assert "unidentified_armed_group" not in roles(e)


def test_the_taliban_act_as_afghan_state_forces_after_august_2021(extractor: Extractor) -> None:
    text = "Taliban fighters killed five Islamic State militants in Jalalabad, Nangarhar."
    before = one(extractor, text, published=dt.date(2019, 5, 2))
    after = one(extractor, text, published=dt.date(2023, 5, 2))
    assert roles(before)["afg_taliban"][0] == "perpetrator"
    assert roles(after)["afg_military"][0] == "perpetrator" and "afg_taliban" not in roles(after)
    assert roles(after)["isis_k"][0] == "target"
