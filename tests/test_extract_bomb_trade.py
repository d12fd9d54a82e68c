"""Bomb words that describe a target's trade or a seizure do not make a raid a bombing."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers

DAY = dt.date(2011, 5, 24)


def _bomb_triggers(sentence: str) -> list[str]:
    bombing = {"ied_bombing", "suicide_bombing"}
    return [t.text for t in find_triggers(sentence) if t.event_type in bombing]


@pytest.mark.parametrize(
    "sentence",
    [
        "The force detained an improvised explosive device facilitator.",
        "The force captured a Taliban improvised explosive device (IED) commander.",
        "The leader was responsible for conducting, coordinating, and directing roadside bomb "
        "attacks against Afghan and coalition forces.",
        "The facilitator provides weapons, ammunition and roadside bombs to insurgents.",
        "He supplies insurgents with improvised explosive devices, explosives and weapons.",
        "The security force seized several weapons and a grenade.",
        "The insurgents fired rocket-propelled grenades at the patrol.",
        "The force found 1,000 rounds of ammunition, a machine gun, 20 fragmentation grenades.",
        "The operation aimed to disrupt potential suicide attacks on the base.",
        "The security force confiscated multiple improvised explosive device components.",
        "He was believed to have been acquiring and stockpiling several IEDs for future attacks.",
        "The team destroyed 400 pounds of explosives.",
    ],
)
def test_a_bomb_as_trade_or_seizure_is_no_bombing_trigger(sentence: str) -> None:
    assert _bomb_triggers(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A roadside bomb killed three soldiers in Kandahar.",
        "A coalition patrol struck an improvised explosive device.",
        "A suicide bomber blew himself up at a police checkpoint.",
        "Militants carried out bomb attacks against security forces in Quetta, killing five.",
        "An IED exploded near a market in Peshawar.",
        "Following the IED explosion, coalition forces were engaged.",
        "Police defused a bomb planted near the school.",
    ],
)
def test_a_bombing_keeps_its_trigger(sentence: str) -> None:
    assert _bomb_triggers(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Afghan and coalition forces detained two suspected insurgents during an operation "
            "targeting a Taliban improvised explosive device facilitator in Kandahar province. "
            "The facilitator provides weapons and roadside bombs to insurgents in the district.",
            "arrest",
        ),
        (
            "An Afghan and coalition security force killed a Taliban leader in Helmand province. "
            "The leader was responsible for directing IED attacks against Afghan forces.",
            "security_operation",
        ),
        ("Pakistani jets hit militant bomb factory.", "airstrike"),
    ],
)
def test_raids_on_bomb_makers_are_typed_as_raids(
    extractor: Extractor, text: str, expected: str
) -> None:
    events = extractor.extract(Document("b1", text, DAY))
    assert [e.event_type for e in events] == [expected]
