"""Capture counts after the fourth review: "Additionally" adds a detainee unless it retells the
lead's words, a wounded detainee, a tally "this month", an earlier operation's detainees, a
relative clause before "were also detained", and a campaign's running total."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2011, 6, 14)


def _captured(extractor: Extractor, text: str) -> int:
    return sum(e.arrested or 0 for e in extractor.extract(Document("c4", text, DAY)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An Afghan and coalition security force detained a Taliban leader in Zharay "
            "district, Kandahar province, today. Additionally, the security force detained a "
            "suspected insurgent.",
            2,
        ),
        (
            "A combined Afghan and coalition security force killed two insurgents and detained "
            "one suspected insurgent in Archi district, Kunduz province, yesterday. The airstrike "
            "killed two armed insurgents. Additionally, the security force detained one suspected "
            "insurgent after the airstrike.",
            1,
        ),
        (
            "Afghan and coalition forces killed five insurgents in Kandahar province yesterday. "
            "Later, the force detained a wounded insurgent who had been hiding in a nearby field.",
            1,
        ),
        (
            "Afghan and coalition forces detained two suspected insurgents in Kunduz province "
            "last night. Afghan and coalition forces have detained 12 Taliban leaders in Kunduz "
            "province this month.",
            2,
        ),
        (
            "An Afghan and coalition security force detained a Taliban facilitator in Kabul "
            "yesterday. The facilitator was the target of a previous operation in December, in "
            "which two of his associates were detained.",
            1,
        ),
        (
            "An Afghan and coalition security force detained a Taliban leader in Sangin "
            "district, Helmand province, yesterday. Two suspected insurgents who attempted to "
            "flee were also detained.",
            3,
        ),
        (
            "Police arrested 14 more suspects involved in the torching of churches in "
            "Jaranwala, bringing the total number of arrests to 160.",
            14,
        ),
        # captives released are no capture
        ("The Taliban released 20 Afghan soldiers captured in Badghis last week.", 0),
        ("The force detained 20 insurgents captured in the raid.", 20),
        # a running total that is this event's own stands
        (
            "Three suspects were detained in Kandahar. Two more were detained, bringing the "
            "total to five.",
            5,
        ),
    ],
)
def test_captures(extractor: Extractor, text: str, expected: int) -> None:
    assert _captured(extractor, text) == expected
