"""The wounded who are then held are captures too; a force's list of acts is not; the cases a
suspect is wanted in are not detainees."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.casualties import find_counts


@pytest.mark.parametrize(
    ("text", "injured", "arrested"),
    [
        ("Two insurgents were wounded and detained in Nad Ali district.", 2, 2),
        ("One other insurgent was wounded and detained.", 1, 1),
        ("A suspect was injured and later taken into custody.", 1, 1),
        # the force's acts, each with its own object
        ("The force killed two insurgents, wounded a third and detained 16 people.", 1, 16),
        ("Three soldiers were wounded and two militants were detained.", 3, 2),
        ("Two civilians were wounded and taken to hospital.", 2, 0),
    ],
)
def test_wounded_then_held(text: str, injured: int, arrested: int) -> None:
    counts = find_counts(text)
    assert sum(c.value for c in counts if c.category == "injured") == injured
    assert sum(c.value for c in counts if c.category == "arrested") == arrested


def test_a_release_counts_the_wounded_detainee(extractor: Extractor) -> None:
    text = (
        "KABUL, Afghanistan (July 5, 2011)\nA Taliban sub-commander was killed along with two of "
        "his fighters when they engaged an Afghan and coalition patrol in Dand district, "
        "Kandahar province, yesterday.\n\nOne other fighter was wounded and detained."
    )
    events = extractor.extract(Document("w1", text, dt.date(2011, 7, 5)))
    assert sum(e.arrested or 0 for e in events) == 1
    assert sum(e.deaths or 0 for e in events) == 3


def test_cases_a_suspect_is_wanted_in_are_not_detainees() -> None:
    counts = find_counts("A man wanted in several cases was arrested in Karachi.")
    assert [(c.category, c.value) for c in counts] == [("arrested", 1)]
