"""Casualty wordings found missing in a fourth review: victims named in an aside, "martyring",
"all four", a lone victim's companions, more victim nouns, deaths that are no violence, and a
detainee's alleged crime."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.casualties import find_counts

DAY = dt.date(2012, 3, 8)


def _figures(text: str) -> list[tuple[str, int]]:
    return sorted((c.category, c.value) for c in find_counts(text) if c.note != "background")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside that names soldiers ("soldiers" holds "die", which stopped the aside)
        ("At least 26 people, including 14 soldiers, were killed in Kabul.", [("killed", 26)]),
        ("At least 26 people, mostly soldiers, were killed in Kabul.", [("killed", 26)]),
        ("Militants attacked a convoy, martyring 13 soldiers.", [("killed", 13)]),
        (
            "Terrorists opened fire on a check post, martyring two soldiers and injuring three.",
            [("injured", 3), ("killed", 2)],
        ),
        ("Militants shot down a helicopter, killing all four soldiers on board.", [("killed", 4)]),
        ("The blast killed all five passengers.", [("killed", 5)]),
        ("The commander, along with two of his accomplices, was killed.", [("killed", 3)]),
        (
            "Ringleader Abdul Karim, along with two of his accomplices, was sent to hell.",
            [("killed", 3)],
        ),
        ("The leader Mullah Omar, together with his deputy, was arrested.", [("arrested", 2)]),
        ("The attack killed 60 Afghans and 13 U.S. troops.", [("killed", 13), ("killed", 60)]),
        ("The blast killed two embassy staff and four Afghans.", [("killed", 2), ("killed", 4)]),
        (
            "An American contractor was shot dead along with five Afghan colleagues.",
            [("killed", 1), ("killed", 5)],
        ),
        ("The pilot was killed along with three crew members.", [("killed", 1), ("killed", 3)]),
    ],
)
def test_victims_are_read(text: str, expected: list[tuple[str, int]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested two men suspected of killing a policeman.", [("arrested", 2)]),
        (
            "Police arrested two men accused of involvement in the killing of a policeman.",
            [("arrested", 2)],
        ),
        ("Police arrested a man wanted in the killing of 12 people.", [("arrested", 1)]),
        (
            "The detainee is suspected of involvement in the killing of four policemen in January.",
            [],
        ),
        (
            "Police arrested two suspects in connection with the bombing that killed 20 people.",
            [("arrested", 2)],
        ),
        # what they are suspected of is no crime with a casualty verb: still the dead
        ("Two men suspected of militancy were killed in a raid.", [("killed", 2)]),
        ("Two suspected insurgents were killed.", [("killed", 2)]),
    ],
)
def test_a_detainees_alleged_crime_is_no_toll(text: str, expected: list[tuple[str, int]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A coalition service member died following a non-battle related injury in southern "
        "Afghanistan today.",
        "An ISAF service member died as a result of a non-hostile incident in Kandahar.",
        "Two ISAF soldiers died in a helicopter crash in eastern Afghanistan.",
        "Three Afghan soldiers were killed in a vehicle accident in Helmand.",
    ],
)
def test_deaths_without_violence_are_no_toll(extractor: Extractor, text: str) -> None:
    events = extractor.extract(Document("n1", text, DAY))
    assert all(e.deaths is None for e in events)


def test_a_helicopter_brought_down_by_fire_is_a_toll(extractor: Extractor) -> None:
    text = "Five soldiers were killed when their helicopter crashed after being hit by a rocket."
    assert [e.deaths for e in extractor.extract(Document("n2", text, DAY))] == [5]
