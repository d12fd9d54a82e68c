"""Event types and roles left over from earlier reviews, in wordings of our own: a charge that
names a crime is no event of its own, drones and quadcopters that drop bombs are air strikes,
and civilians are never a perpetrator."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers

DAY = dt.date(2024, 3, 12)


def _events(extractor: Extractor, text: str) -> list:
    return extractor.extract(Document("t", text, DAY))


@pytest.mark.parametrize(
    "text",
    [
        "Police in Kabul arrested three men on charges of kidnapping and armed robbery.",
        "Two suspects wanted on charges of murder were detained in Quetta.",
        "The CTD held a man on a charge of bombing a shrine in Lahore.",
    ],
)
def test_a_charge_names_the_crime_not_the_event(text: str) -> None:
    types = {t.event_type for t in find_triggers(text)}
    assert types <= {"arrest"}, types


def test_an_explosive_charge_is_still_a_bomb() -> None:
    # ("charge" alone is a deed cue only as "charges" or "charge of")
    types = {t.event_type for t in find_triggers("An explosive charge killed two soldiers.")}
    assert "ied_bombing" in types


@pytest.mark.parametrize(
    "text",
    [
        "A quadcopter dropped explosives on a police station in Bannu, wounding three policemen.",
        "Militants used a drone to drop a mortar shell on the Mir Ali police station.",
        "A quadcopter attack on a checkpost in Lakki Marwat injured two policemen.",
        "Two children were hurt when a quad-copter struck a house in Bannu.",
    ],
)
def test_drones_and_quadcopters_that_drop_bombs_are_air_strikes(
    extractor: Extractor, text: str
) -> None:
    events = _events(extractor, text)
    assert events and events[0].event_type == "airstrike", [e.event_type for e in events]


def test_a_quadcopter_shot_down_is_no_air_strike(extractor: Extractor) -> None:
    text = "Security forces shot down a quadcopter near a checkpost in Bannu."
    assert all(e.event_type != "airstrike" for e in _events(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Afghan forces raided Monari village in Paktika after information provided by villagers "
        "about insurgent activity; two insurgents were killed.",
        "Thirty pilgrims were killed when their bus was hit by a rocket in Kurram.",
        "Villagers said the Taliban shot dead two policemen in Ghazni on Monday.",
    ],
)
def test_civilians_are_never_a_perpetrator(extractor: Extractor, text: str) -> None:
    events = _events(extractor, text)
    assert events
    for event in events:
        assert all(a.role != "perpetrator" for a in event.actors if a.actor_id == "civilians"), (
            event.actors
        )


def test_an_arrest_for_kidnapping_and_robbery_is_an_event(extractor: Extractor) -> None:
    # (robbery alone is crime, no event; a kidnapping is violence, and so is an arrest for one)
    text = (
        "The ministry said five people were detained in Mazar city on charges of kidnapping and "
        "robbery."
    )
    events = _events(extractor, text)
    assert [(e.event_type, e.arrested) for e in events] == [("arrest", 5)]


def test_a_groups_talks_are_an_event_and_diplomats_talks_none(extractor: Extractor) -> None:
    text = (
        "The Taliban said talks with representatives of the National Resistance Front in Dushanbe "
        "ended without agreement."
    )
    assert [e.event_type for e in _events(extractor, text)] == ["ceasefire_negotiation"]
    text = "Pakistan's foreign minister held talks with his Chinese counterpart in Beijing."
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two men who kidnapped a trader's son in Quetta were arrested on Monday.", "arrest"),
        ("Police detained a suspect who allegedly shot dead a shopkeeper in Mardan.", "arrest"),
        # (no arrest: the kidnapping is the event)
        ("Gunmen who kidnapped two engineers in Dir demanded a ransom.", "abduction"),
        ("Nine passengers were lined up and shot near Mastung.", "attack_on_civilians"),
        ("Five travellers were dragged out of their van and killed in Kurram.",
         "attack_on_civilians"),
    ],
)  # fmt: skip
def test_the_deed_of_those_arrested_and_passengers_taken_out(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert [e.event_type for e in _events(extractor, text)][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Col. Ahmad Khan and two soldiers were killed when militants attacked a post in Zhob.",
        "Maj. Gen. Asif Ghafoor said Capt. Ali and Sgt. Khan were wounded in Bajaur.",
    ],
)
def test_ranks_with_a_full_stop_end_no_sentence(extractor: Extractor, text: str) -> None:
    (doc,) = extractor.pipes.rules([text])
    assert doc.sentences == [(0, len(text))]
