"""Suspects "held" are arrests; labourers are civilians."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor


@pytest.mark.parametrize(
    ("text", "event_type", "civilian_target"),
    [
        ("Two suspects were held in Bannu on Sunday.", "arrest", False),
        ("Two engineers were held hostage by militants in Bannu.", "abduction", False),
        ("Gunmen killed three labourers in Hoshab.", "attack_on_civilians", True),
        ("Unidentified gunmen shot dead a laborer in Quetta.", "targeted_killing", True),
    ],
)
def test_types_and_civilian_targets(
    extractor: Extractor, text: str, event_type: str, civilian_target: bool
) -> None:
    (event,) = extractor.extract(Document("h1", text, dt.date(2019, 5, 14)))
    assert event.event_type == event_type
    targets = {a.actor_id for a in event.actors if a.role == "target"}
    assert ("civilians" in targets) == civilian_target
