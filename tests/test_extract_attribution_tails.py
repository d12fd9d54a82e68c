"""A source named after a figure ("..., an official said") is not one more victim."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2019, 5, 14)


def _totals(extractor: Extractor, text: str) -> tuple[int, int]:
    events = extractor.extract(Document("t1", text, DAY))
    return sum(e.deaths or 0 for e in events), sum(e.arrested or 0 for e in events)


@pytest.mark.parametrize(
    ("text", "deaths", "arrested"),
    [
        ("A bomb killed three people in Quetta, an official said.", 3, 0),
        ("A bomb killed three people in Quetta, a police officer told reporters.", 3, 0),
        ("Soldiers killed five militants in Khyber, two security officials said.", 5, 0),
        ("Police arrested two men in Quetta, a police official said.", 0, 2),
        ("Police arrested two suspects and detained another, a police official said.", 0, 3),
        # A list goes on as before.
        ("Troops killed five soldiers and eight militants in the clash.", 13, 0),
        ("The force detained a Taliban leader and two of his guards in Kandahar.", 0, 3),
    ],
)
def test_a_named_source_after_a_figure_is_not_a_victim(
    extractor: Extractor, text: str, deaths: int, arrested: int
) -> None:
    assert _totals(extractor, text) == (deaths, arrested)
