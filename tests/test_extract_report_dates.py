"""The day an event happened, told apart from the days a report was released or a claim made
(`dates`, `datelines.event_date`)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, Extractor
from signalfire.extract.dates import find_dates, resolve_relative

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip


@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 12))
def test_last_month_name_is_the_latest_such_month_before_this_one(
    published: dt.date, month: int
) -> None:
    found = resolve_relative(f"last {MONTHS[month - 1]}", published)
    assert found is not None
    day, precision = found
    assert (day.month, precision) == (month, 4)
    assert day < published.replace(day=1)  # strictly before this month
    assert (published.year - day.year) * 12 + published.month - day.month <= 12


def test_last_december_is_found_in_a_sentence() -> None:
    found = find_dates("Last December, 16 soldiers were killed in Makeen.", dt.date(2025, 1, 2))
    assert [(d.text, d.date) for d in found] == [("Last December", dt.date(2024, 12, 15))]


def _date(extractor: Extractor, text: str, day: dt.date) -> dt.date | None:
    (event,) = extractor.extract(Document("t", text, day))
    return event.date


TUESDAY = dt.date(2011, 5, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the claim's day is not the attack's
        (
            "The Pakistani Taliban claimed responsibility on Sunday for Saturday's suicide "
            "bombing in Bannu that killed 12 soldiers.",
            dt.date(2011, 5, 21),
        ),
        (
            "A report published on Friday said gunmen killed four policemen in Quetta on Thursday.",
            dt.date(2011, 5, 19),
        ),
        # the toll's update is not the attack
        (
            "The death toll from a suicide bombing at a mosque in Kabul rose to 55 on Monday, "
            "officials said. The bomber struck during prayers on Friday.",
            dt.date(2011, 5, 20),
        ),
    ],
)
def test_the_event_keeps_its_own_day(extractor: Extractor, text: str, expected: dt.date) -> None:
    assert _date(extractor, text, TUESDAY) == expected


def test_an_attack_told_last_december_makes_no_event_in_january(extractor: Extractor) -> None:
    text = (
        "Gunmen shot dead two policemen in Peshawar on Monday.\n\n"
        "Last December, 16 soldiers were killed when militants attacked a checkpost in Makeen."
    )
    events = extractor.extract(Document("t", text, dt.date(2025, 2, 4)))
    assert [(e.deaths, e.adm1) for e in events] == [(2, "PK-KP")]
