"""Event types the fifth review found wrong, in wordings of our own: aircraft that strike,
forces attacked and firing back, assaults on bases and airports, gunmen at gatherings, many
civilians shot, seizures told after the material, a gang's trade, a record of past attacks,
arson before the arrests, a hostage-taking, and a background sentence that dates the
report by an earlier attack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import classify, find_triggers
from signalfire.extract.pipeline import default_extractor

DAY = dt.date(2013, 6, 10)


@pytest.fixture(scope="module")
def extractor(shared_data: Path) -> Extractor:
    return default_extractor()


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.event_type for e in extractor.extract(Document("t", text, DAY))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aircraft that strike
        (
            "A coalition aircraft conducted a precision strike in Nawa district, Helmand province, "
            "killing three insurgents.",
            "airstrike",
        ),
        (
            "Afghan Air Force jets carried out strikes on Taliban positions in Ghazni, killing 20 "
            "fighters.",
            "airstrike",
        ),
        (
            "An unmanned aircraft engaged insurgents planting a bomb in Zhari district, Kandahar "
            "province, killing two.",
            "airstrike",
        ),
        # forces attacked, and fighting back
        (
            "A police patrol was attacked by militants in Bannu on Monday. The police returned "
            "fire, killing two attackers.",
            "armed_clash",
        ),
        (
            "Afghan soldiers came under heavy fire in Sangin district, Helmand province; one "
            "soldier was killed.",
            "armed_clash",
        ),
        (
            "Gunmen stormed the police headquarters in Dera Ismail Khan, killing six policemen and "
            "a civilian before they were killed.",
            "armed_clash",
        ),
        (
            "Militants attacked the Kamra air base in Punjab overnight; two soldiers and a "
            "civilian were killed.",
            "armed_clash",
        ),
        (
            "Insurgents disguised as soldiers attacked Jalalabad airport; nine people were killed "
            "after a three-hour battle.",
            "armed_clash",
        ),
        # gunmen among civilians
        (
            "Gunmen opened fire at a wedding ceremony in Nangarhar, killing 11 guests.",
            "attack_on_civilians",
        ),
        (
            "Gunmen attacked a team of deminers in Herat province, killing six.",
            "attack_on_civilians",
        ),
        (
            "Militants stopped two buses in Kohistan, checked identity cards and shot dead 16 "
            "passengers.",
            "attack_on_civilians",
        ),
        # seizures and arrests
        (
            "Police arrested three suspects in Peshawar. Hand grenades and a suicide jacket were "
            "recovered from them.",
            "arrest",
        ),
        ("The CTD arrested two terrorists carrying explosives near Multan.", "arrest"),
        ("Police in Kabul arrested four members of a kidnapping ring on Monday.", "arrest"),
        (
            "The NDS arrested two men in Jalalabad; they were behind last week's bombing of a "
            "mosque, officials said.",
            "arrest",
        ),
        # arson, then the arrests
        (
            "Militants burned 12 schools in Swat on Sunday night. Police arrested 20 suspects.",
            "property_attack",
        ),
        # a hostage-taking without casualties
        (
            "Prisoners overpowered guards at a jail in Bannu and took six officials hostage.",
            "abduction",
        ),
    ],
)
def test_event_types(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in _types(extractor, text)


def test_an_ibo_is_an_operation(extractor: Extractor) -> None:
    text = (
        "Security forces conducted an IBO in Khyber District. Three terrorists were killed and "
        "arms and explosives were recovered."
    )
    assert _types(extractor, text) == ["security_operation"]


def test_a_record_of_past_attacks_is_no_clash_trigger() -> None:
    sentence = "The commander had coordinated rocket attacks on Forward Operating Base Salerno."
    assert [t.event_type for t in find_triggers(sentence)] == []
    attacked = "Insurgents attacked Forward Operating Base Salerno with rockets."
    assert {t.event_type for t in find_triggers(attacked)} == {"armed_clash"}


def test_a_background_sentence_is_not_the_event(extractor: Extractor) -> None:
    text = (
        "An air strike killed a Taliban commander in Arghandab district, Kandahar province, "
        "NATO said. The announcement came two days after a suicide bomber killed 10 people in "
        "Kandahar city."
    )
    events = extractor.extract(Document("t", text, DAY))
    assert [(e.event_type, e.deaths) for e in events] == [("airstrike", 1)]


def test_a_non_battle_death_starts_no_clash() -> None:
    assert find_triggers("A soldier died of a non-battle injury in eastern Afghanistan.") == []


def test_civilians_among_the_forces_dead_leave_a_clash_a_clash() -> None:
    clash = find_triggers("Militants attacked a check post.")
    assert classify(clash, 5, 0, civilian_target=True)[0] == "attack_on_civilians"
    assert classify(clash, 5, 0, civilian_target=True, forces_target=True)[0] == "armed_clash"


def test_a_mob_attack_yields_to_arrests_told_first() -> None:
    arrested_first = find_triggers("Police arrested two men who torched a school in Swat.")
    assert classify(arrested_first, 0, 2, civilian_target=False)[0] == "arrest"
    attack_first = find_triggers("Militants torched a school in Swat. Police arrested two men.")
    assert classify(attack_first, 0, 2, civilian_target=False)[0] == "property_attack"


def test_the_people_a_victim_guarded_are_not_the_victims(extractor: Extractor) -> None:
    guard = "Gunmen shot dead a policeman guarding polio workers in Karachi."
    [event] = extractor.extract(Document("t", guard, DAY))
    assert "civilians" not in {a.actor_id for a in event.actors}
    workers = "Gunmen shot dead two polio workers in Karachi."
    [event] = extractor.extract(Document("t", workers, DAY))
    assert ("civilians", "target") in {(a.actor_id, a.role) for a in event.actors}
