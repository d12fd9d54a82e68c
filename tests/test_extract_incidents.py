"""Two incidents in one sentence become two events, told apart by their places."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.casualties import Count
from signalfire.extract.geoparse import PlaceMention
from signalfire.extract.incidents import split_incidents
from signalfire.extract.sentences import Sentence

DAY = dt.date(2019, 5, 14)


def _events(extractor: Extractor, text: str) -> list[tuple[str | None, int | None, int | None]]:
    events = extractor.extract(Document("i1", text, DAY))
    return sorted((e.adm1, e.deaths, e.injured) for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A suicide bomber killed 12 people in Kabul on Tuesday, while in Jalalabad a "
            "roadside bomb killed four soldiers.",
            [("AF-KAB", 12, None), ("AF-NAN", 4, None)],
        ),
        (
            "Gunmen shot dead two policemen in Quetta; a bomb killed three soldiers in Peshawar.",
            [("PK-BA", 2, None), ("PK-KP", 3, None)],
        ),
        (
            "In separate incidents, a roadside bomb killed two soldiers in Kurram while gunmen "
            "shot dead a policeman in Bannu on Sunday.",
            [("PK-KP", 1, None), ("PK-KP", 2, None)],
        ),
    ],
)
def test_two_incidents_in_one_sentence(extractor: Extractor, text: str, expected: list) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one operation: the clauses share their place
        (
            "Militants killed three soldiers in Mir Ali while five militants died in the "
            "retaliatory fire in Mir Ali.",
            [("PK-KP", 8, None)],
        ),
        # one operation: no place after the join
        (
            "KABUL, Afghanistan (April 25, 2011) - A combined force killed a Taliban leader and "
            "one insurgent while detaining several others in Alisheng district, Laghman province.",
            [("AF-LAG", 2, None)],
        ),
    ],
)
def test_one_incident_stays_one_event(extractor: Extractor, text: str, expected: list) -> None:
    assert _events(extractor, text) == expected


def _count(start: int, end: int) -> Count:
    return Count("killed", 2, 2, start, end, "x")


def test_the_parts_keep_absolute_offsets_and_their_own_mentions() -> None:
    text = "Two died in Kurram, while two died in Bannu."
    s = Sentence(100, 100 + len(text), text, is_event=True)
    s.counts = [_count(100, 103), _count(126, 129)]
    s.places = [
        PlaceMention(112, 118, "Kurram", "kurram"),
        PlaceMention(137, 142, "Bannu", "bannu"),
    ]
    first, second = split_incidents(s)
    assert (first.start, first.end, second.end) == (100, 118, s.end)
    assert text[second.start - 100 :].startswith(", while")
    assert [p.text for p in first.places] == ["Kurram"]
    assert [p.text for p in second.places] == ["Bannu"]
    assert [c.start for c in second.counts] == [126]


def test_a_country_is_no_incident_place() -> None:
    text = "Two died in Afghanistan, while two died in Bannu."
    s = Sentence(0, len(text), text, is_event=True)
    s.counts = [_count(0, 3), _count(31, 34)]
    s.places = [
        PlaceMention(12, 23, "Afghanistan", "country:AFG"),
        PlaceMention(43, 48, "Bannu", "bannu"),
    ]
    assert split_incidents(s) == [s]


def _places(extractor: Extractor, text: str) -> list[tuple[str, int | None]]:
    events = extractor.extract(Document("i2", text, DAY))
    return [(extractor.gazetteer.adm2_names.get(e.adm2 or "", ""), e.arrested) for e in events]


def test_a_figure_in_another_district_than_the_opening_sentence_is_another_event(
    extractor: Extractor,
) -> None:
    text = (
        "Security forces repulsed a terrorist attack on a check post in North Waziristan. "
        "Two suspects were held in Bannu, bringing the total to five."
    )
    assert _places(extractor, text) == [("North Waziristan", None), ("Bannu", 5)]


def test_a_later_background_sentence_does_not_split_the_event(extractor: Extractor) -> None:
    # The district of a figure-less sentence after the opening one is background, not a scene.
    text = (
        "Afghan and coalition forces detained a Taliban assassin in Helmand province yesterday. "
        "The man planned assassinations of officials in Kandahar city. "
        "Forces detained the attack coordinator at a compound in Marjah district."
    )
    assert [arrested for _, arrested in _places(extractor, text)] == [1]


def test_a_force_acting_in_another_province_after_a_toll_is_another_event(
    extractor: Extractor,
) -> None:
    # Joined to the Quetta bombing, the repulsed attack made the state forces its target.
    text = (
        "A bomb killed three people in Quetta, a police officer told reporters. "
        "Security forces repulsed a terrorist attack on a check post in North Waziristan."
    )
    events = extractor.extract(Document("i3", text, DAY))
    assert [(e.adm1, e.deaths) for e in events] == [("PK-BA", 3), ("PK-KP", None)]
    assert all(a.role != "target" for a in events[0].actors)


def test_what_the_dead_had_done_elsewhere_stays_with_the_event(extractor: Extractor) -> None:
    text = (
        "Afghan and coalition forces killed two insurgents in Kandahar. "
        "The insurgents were responsible for attacks in Helmand."
    )
    assert _events(extractor, text) == [("AF-KAN", 2, None)]


def test_generic_forces_are_the_events_countrys_in_a_round_up(extractor: Extractor) -> None:
    # The coalition's words ("Afghan and coalition security force") stand for its forces in
    # Afghanistan only; "Security forces" in North Waziristan stay Pakistan's.
    text = (
        "Security forces repulsed a terrorist attack on a check post in North Waziristan. "
        "An Afghan and coalition security force detained an insurgent in Kandahar."
    )
    events = extractor.extract(Document("i4", text, DAY))
    forces = {e.adm1: {a.actor_id for a in e.actors if a.role != "other"} for e in events}
    assert "pak_military" in forces["PK-KP"] and "nato_isaf" not in forces["PK-KP"]
    assert "nato_isaf" in forces["AF-KAN"]
