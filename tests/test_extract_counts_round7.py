"""Kill, wound and capture counts for the classes of review 9 (sentences written for these
tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements and wire
reports, not taken from the review cases): an abbreviation's full stop inside a count's span, a
victim joined or named beside a figure, an aside before a later victim sentence, wounded
captives, and seized material that is no person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.pipeline import default_extractor

PUB = dt.date(2016, 3, 14)
H = "KABUL, Afghanistan (March 14, 2011) - "
W = "PESHAWAR (Reuters) - "
K = "KABUL (AP) - "
T = "KABUL (Bakhtar) - "
P = "RAWALPINDI (ISPR) - "


@pytest.fixture(scope="module")
def extractor(shared_data: Path) -> Extractor:
    return default_extractor()


def counts(extractor: Extractor, text: str) -> tuple[int, int, int, int]:
    """(arrested, deaths, injured, abducted) summed over the document's events, as the
    evaluation sums them."""
    events = extractor.extract(Document("r7", text, PUB))
    return (
        sum(e.arrested or 0 for e in events),
        sum(e.deaths or 0 for e in events),
        sum(e.injured or 0 for e in events),
        sum(e.abducted or 0 for e in events),
    )


# 1: an abbreviation's full stops ("U.S.", "U.N.", "U.K.") inside an aside or a list's span.
ABBREVIATIONS = [
    (
        K + "At least 60 people, including four U.S. Marines, were killed in the bombing at "
        "the Kabul airport gate on Thursday, officials said.",
        (0, 60, 0, 0),
    ),
    (
        W + "A senior Taliban commander was killed in a U.S. drone strike in North Waziristan "
        "on Saturday, along with two of his guards, officials said.",
        (0, 3, 0, 0),
    ),
    (
        H + "Eleven insurgents, including a U.N.-designated Haqqani facilitator, were detained "
        "by Afghan and coalition forces in Khost province.",
        (11, 0, 0, 0),
    ),
    (
        T + "The district chief, along with two U.N. staff members, was abducted by gunmen on "
        "the Kabul-Kandahar highway on Monday.",
        (0, 0, 0, 3),
    ),
    (
        P + "Five soldiers, among them a U.K.-trained officer, embraced shahadat when terrorists "
        "attacked a check post in Zhob.",
        (0, 5, 0, 0),
    ),
    (
        K + "Two policemen, including a guard at the U.S. embassy, were wounded when a "
        "roadside bomb exploded in Kabul on Tuesday.",
        (0, 0, 2, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviation_dot_inside_span(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected
