"""A natural or accidental death is no event's toll (casualties.find_counts)."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.casualties import find_counts


@pytest.mark.parametrize(
    "text",
    [
        "Former governor dies of heart attack.",
        "Jailed Taliban leader dies after long illness.",
        "Two prisoners died of natural causes in Peshawar jail.",
        "Taliban commander died a natural death, group says.",
        "Three soldiers died in a road accident near Quetta.",
        "Two policemen killed in a traffic accident.",
        "The detained cleric died of cardiac arrest in custody.",
    ],
)
def test_natural_and_accidental_deaths_are_not_counted(text: str) -> None:
    assert [c for c in find_counts(text) if c.category == "killed"] == []


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Five soldiers died of their wounds.", 5),
        ("Two soldiers died in an attack on a checkpost.", 2),
        ("12 killed as helicopter crashes in Helmand.", 12),
        ("Three dead after suicide attack in Quetta.", 3),
        ("A gunman killed a man who had survived a heart attack.", 1),
    ],
)
def test_violent_deaths_still_count(text: str, deaths: int) -> None:
    assert sum(c.value for c in find_counts(text) if c.category == "killed") == deaths


@pytest.mark.parametrize(
    "text",
    [
        "Two prisoners died of natural causes in Peshawar jail.",
        "Three soldiers died in a road accident near Quetta.",
    ],
)
def test_a_natural_death_is_no_event(extractor: Extractor, text: str) -> None:
    assert extractor.extract(Document("d", text, dt.date(2019, 5, 2))) == []
