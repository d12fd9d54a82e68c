"""Types told by what was attacked rather than by who attacked: forces killed "in an attack"
whose attacker is not named fought a clash, an aid agency's office stormed is an attack on
civilians, and a town spelled with an English word ("Hub") is found when the text says it is
a town."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2024, 3, 12)
LASBELA = "Lasbela"


def _events(extractor: Extractor, text: str) -> list:
    return extractor.extract(Document("t", text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "Three Levies personnel were martyred in an attack in Kalat on Sunday.",
        "Two soldiers were killed in attacks in North Waziristan, officials said.",
        "Four FC men lost their lives in an attack near Turbat.",
    ],
)
def test_forces_killed_in_an_attack_by_no_one_named_fought_a_clash(
    extractor: Extractor, text: str
) -> None:
    events = _events(extractor, text)
    assert [e.event_type for e in events] == ["armed_clash"], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no attack told: the roles do not say what happened
        ("Two policemen were killed in Kalat on Sunday.", "other"),
        # an attack on civilians is not turned into a clash
        ("Three villagers were killed in an attack in Kalat on Sunday.", "attack_on_civilians"),
    ],
)
def test_only_forces_hit_in_an_attack_make_it_a_clash(
    extractor: Extractor, text: str, expected: str
) -> None:
    events = _events(extractor, text)
    assert [e.event_type for e in events] == [expected], events


def test_a_heart_attack_is_no_attack(extractor: Extractor) -> None:
    events = _events(extractor, "A policeman on duty in Kalat died of a heart attack on Sunday.")
    assert all(e.event_type != "armed_clash" for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the offices of an international aid agency in Jalalabad; three staff "
        "members were killed.",
        "Militants attacked an NGO compound in Mardan, killing three employees.",
        "Armed men attacked the office of Save the Children in Herat, killing two people.",
    ],
)
def test_an_aid_agency_stormed_is_an_attack_on_civilians(extractor: Extractor, text: str) -> None:
    events = _events(extractor, text)
    assert [e.event_type for e in events] == ["attack_on_civilians"], events


def test_seven_policemen_killed_in_target_attacks_were_targeted(extractor: Extractor) -> None:
    events = _events(extractor, "Seven policemen were killed in target attacks in Karachi.")
    assert [e.event_type for e in events] == ["targeted_killing"], events


@pytest.mark.parametrize(
    "text",
    [
        "Two Levies personnel were martyred in an attack in Hub town on Sunday.",
        "Gunmen shot dead a trader in Hub city on Friday.",
        "Police arrested three suspects in Hub district.",
    ],
)
def test_hub_named_as_a_town_is_in_lasbela(extractor: Extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.adm1 == "PK-BA" and event.place is not None and "Hub" in event.place, event


def test_hub_as_a_word_is_no_place(extractor: Extractor) -> None:
    text = "Kabul is the hub of the trade; two policemen were shot dead there."
    events = _events(extractor, text)
    assert all(e.place is None or "hub" not in e.place.lower() for e in events), events


def test_police_raiding_an_aid_agency_is_no_attack_on_it(extractor: Extractor) -> None:
    text = "Police raided the office of Save the Children in Islamabad on Monday and sealed it."
    assert "attack_on_civilians" not in [e.event_type for e in _events(extractor, text)]
