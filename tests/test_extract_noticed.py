"""Sentences earlier notes listed as "noticed, not fixed": asides and ranges in tolls, killed
titled persons, a headline's total over two events, captured ground, jet fighters, singular
state words and foreign forces in another country's story."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, ExtractedEvent, Extractor
from signalfire.extract.casualties import find_counts
from signalfire.extract.event_types import find_triggers
from signalfire.extract.grouping import is_tally
from signalfire.extract.sentences import Sentence

DAY = dt.date(2012, 5, 9)


def events(extractor: Extractor, text: str, day: dt.date = DAY) -> list[ExtractedEvent]:
    return extractor.extract(Document("d", text, day))


def figures(text: str) -> list[tuple[str, int, int]]:
    return [(c.category, c.value, c.high) for c in find_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three soldiers, along with a civilian, were killed in the blast.", [("killed", 4, 4)]),
        ("Two soldiers, along with 3 civilians, were killed.", [("killed", 5, 5)]),
        ("Three soldiers along with a civilian were killed.", [("killed", 4, 4)]),
        # "including" names some of them: not more
        ("Two suspects, including a Taliban leader, were detained.", [("arrested", 2, 2)]),
        # things are no victims
        ("Ten militants, along with weapons, were captured.", [("arrested", 10, 10)]),
    ],
)
def test_an_aside_with_more_victims_adds_them(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10 and 15 militants were killed in the clash.", [("killed", 10, 15)]),
        ("Security forces killed between 20 and 25 militants.", [("killed", 20, 25)]),
        ("Ten to 12 militants were killed.", [("killed", 10, 12)]),
        # a bare "and" is two figures, not a range
        (
            "The blast killed two soldiers and three civilians.",
            [("killed", 2, 2), ("killed", 3, 3)],
        ),
    ],
)
def test_between_x_and_y_is_a_range(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistani troops killed Qari Hussain Mehsud in South Waziristan.", [("killed", 1, 1)]),
        ("Gunmen shot dead Maulana Sami in Peshawar.", [("killed", 1, 1)]),
        (
            "The strike killed Commander Ismail, a Taliban leader, and two of his guards.",
            [("killed", 1, 1), ("killed", 2, 2)],
        ),
        ("The blast wounded Haji Gul in Quetta.", [("injured", 1, 1)]),
        # an intent, a place named after a person: no figure
        ("A plot to kill Mullah Fazlullah was foiled.", []),
        ("Two were killed in Haji Camp area.", [("killed", 2, 2)]),
    ],
)
def test_a_titled_person_killed_or_wounded_is_one(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert figures(text) == expected


def test_a_headline_total_over_two_events_is_not_the_first_events(
    extractor: Extractor,
) -> None:
    text = (
        "Attacks kill 12 in northwest Pakistan\n\nEight people were killed in a bomb blast in "
        "Peshawar on Monday. In a separate attack, four policemen were killed in Bannu."
    )
    assert [(e.place, e.deaths) for e in events(extractor, text)] == [
        ("Peshawar", 8),
        ("Bannu", 4),
    ]
    # One event: the headline's figure stands (the body tells part of it).
    text = "Blast kills 14 in Quetta\n\nA bomb exploded at a market. Two of the dead were children."
    assert [e.deaths for e in events(extractor, text)] == [14]


@pytest.mark.parametrize(
    ("text", "opens", "expected"),
    [
        ("Attacks kill 12 in northwest Pakistan\n\nEight died.", True, True),
        # the same words in the body, or a headline about one incident: no tally
        ("Attacks kill 12 in northwest Pakistan\n\nEight died.", False, False),
        ("Blast kills 14 in Quetta\n\nEight died.", True, False),
        # a tally in any sentence
        ("Attacks killed 14 soldiers across the country.", False, True),
    ],
)
def test_one_rule_tells_a_total_over_several_incidents(
    text: str, opens: bool, expected: bool
) -> None:
    first_line = text.split("\n")[0]
    s = Sentence(0, len(first_line), first_line, is_event=True)
    s.counts = find_counts(first_line)
    assert s.counts
    assert is_tally(s, text, opens) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Militants captured two district headquarters in Kunar province.", "armed_clash"),
        ("The Taliban captured the district centre of Kohistan.", "armed_clash"),
        ("Afghan forces recaptured the town of Musa Qala after heavy fighting.", "armed_clash"),
        # people: an arrest, wherever they were
        ("A Taliban commander was captured in the village of Sangin.", "arrest"),
        ("Forces captured a Taliban district commander in Helmand.", "arrest"),
        ("Security forces captured two suspected militants in Kunar.", "arrest"),
    ],
)
def test_captured_ground_is_fighting_not_an_arrest(text: str, kind: str) -> None:
    assert [t.event_type for t in find_triggers(text) if "captur" in t.text.lower()] == [kind]


def test_jet_fighters_are_the_states_air_force(extractor: Extractor) -> None:
    (e,) = events(
        extractor, "Pakistan jet fighters pounded militant hideouts in Orakzai, killing 20."
    )
    assert e.event_type == "airstrike"
    assert {a.actor_id: a.role for a in e.actors}["pak_military"] == "perpetrator"
    assert "unidentified_armed_group" not in {
        a.actor_id for a in e.actors if a.role == "perpetrator"
    }


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was killed when militants attacked a checkpost in Bannu.",
        "A policeman was shot dead in Quetta on Monday.",
        "Cop killed in bomb attack in Peshawar.",
        "Cross-border raid kills 3 jawans in Kotli.",
    ],
)
def test_one_soldier_or_policeman_is_the_state_as_target(extractor: Extractor, text: str) -> None:
    (e,) = events(extractor, text)
    assert {a.actor_id: a.role for a in e.actors}.get("pak_military") == "target"


def test_foreign_forces_are_their_own_states(extractor: Extractor) -> None:
    (e,) = events(extractor, "Pakistan says 2 Indian warplanes downed, pilot captured.")
    assert {a.actor_id for a in e.actors} == {"ind_military"}
    (e,) = events(extractor, "Afghan soldiers killed three Pakistani soldiers near Chaman.")
    assert {a.actor_id: a.role for a in e.actors} == {
        "afg_military": "perpetrator",
        "pak_military": "target",
    }
    (e,) = events(extractor, "US troops killed 5 militants in Kunar.")
    assert {a.actor_id: a.role for a in e.actors}["usa_military"] == "perpetrator"
