"""The other army's fire is cross-border fire: "Indian fire kills Pakistani laborer in Kashmir"
was typed `other` (51 GED headlines of this kind were not cross-border shelling)."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers


def _types(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Indian fire kills Pakistani laborer in Kashmir.",
        "Three killed in fresh Indian firing at LoC.",
        "Elderly woman killed in Indian firing.",
        "Pakistan condemns India's unprovoked firing that killed 7 soldiers.",
        "India says Pakistani firing violates peace pact.",
        "Afghan forces fire killed two Pakistani soldiers across the border.",
    ],
)
def test_the_other_armys_fire_is_cross_border(sentence: str) -> None:
    assert "cross_border_shelling" in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Afghan forces fire killed two militants in Kunar.",
        "Pakistani troops opened fire on militants in Swat.",
    ],
)
def test_a_force_firing_at_home_is_not_cross_border(sentence: str) -> None:
    assert "cross_border_shelling" not in _types(sentence)


def test_the_army_whose_fire_it_is_is_the_perpetrator(extractor: Extractor) -> None:
    text = "Indian fire kills Pakistani laborer in Kashmir."
    (event,) = extractor.extract(Document("f1", text, dt.date(2014, 10, 8)))
    assert event.event_type == "cross_border_shelling"
    assert [(a.actor_id, a.role) for a in event.actors if a.role == "perpetrator"] == [
        ("ind_military", "perpetrator")
    ]
