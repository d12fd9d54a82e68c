"""Sentences that report nothing (questions, editors' notes) and one that does without a
figure: "The airstrike targeted ..." places the event told before it."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.sentences import is_aside

DAY = dt.date(2019, 11, 5)


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("Why were two airstrikes called in on one night?", True),
        ("[N.B. a similar raid took place in Paktika on the same day.]", True),
        ("Was the commander among the dead?)", True),
        ("Al Qaeda No. 3 dead, but how?", False),  # a headline that tells, then asks
        ("Two soldiers were killed in Kunar.", False),
    ],
)
def test_questions_and_notes_are_asides(text: str, aside: bool) -> None:
    assert is_aside(text) is aside


def test_an_editors_question_makes_no_event(extractor: Extractor) -> None:
    text = (
        "Why did the force call in two airstrikes in Paktika in one night?\n\n"
        "A coalition force killed two insurgents in Archi district, Kunduz province, yesterday."
    )
    events = extractor.extract(Document("t", text, DAY))
    assert [e.adm1 for e in events] == ["AF-KDZ"]


def test_an_airstrike_told_later_places_the_event(extractor: Extractor) -> None:
    text = (
        "At least nine Taliban fighters were killed in an airstrike in Kunduz province on "
        "Monday. The airstrike targeted a gathering in Chahar Dara district."
    )
    (event,) = extractor.extract(Document("t", text, DAY))
    assert (event.event_type, event.place) == ("airstrike", "Chahar Dara")
