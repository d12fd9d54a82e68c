"""Capture counts for the classes a third review of capture wordings found (sentences written
for these tests, not taken from the evaluation data): tallies over a period, arrest sentences
read as deaths, a second detainee joined after a long first noun phrase, figures inside
compounds ("a five-member cell"), capture wordings ("taken prisoner", "netted"), and a
pronoun's one capture where nothing else counts one."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.numbers import parse_number

PUB = dt.date(2012, 4, 3)
H = "KABUL, Afghanistan (April 3, 2012) - "
W = "KABUL (Reuters) - "


def counts(extractor: Extractor, text: str) -> tuple[int, int]:
    """(arrested, deaths) summed over the document's events, as the evaluation sums them."""
    events = extractor.extract(Document("r3", text, PUB))
    return sum(e.arrested or 0 for e in events), sum(e.deaths or 0 for e in events)


# H: a tally over a period is no operation's captures.
TALLIES = [
    (W + "An official said more than 250 militants had been detained since January 2020.", 0),
    (W + "The governor said that in the past month his police had arrested 31 suspects.", 0),
    (
        H + "The force detained three suspected insurgents in Nad-e Ali district. Operations "
        "against the network have led to the capture of 22 insurgents since February.",
        3,
    ),
    (W + "Police have arrested more than 300 people since the Quetta hospital bombing.", 0),
    # ... but a pluperfect capture without a period stands
    (W + "Police said they had arrested two suspects on Monday.", 2),
    (W + "Police have arrested two suspects since Friday's attack on the checkpoint.", 2),
]


@pytest.mark.parametrize(("text", "expected"), TALLIES)
def test_tallies_over_a_period(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# I: an arrest told with a killing in it: the arrested are no dead.
# (the killing's own victim still counts: "the killing of a shopkeeper" is one)
ARRESTS_NOT_DEATHS = [
    (W + "Police said they had arrested three men over the killing of a shopkeeper.", (3, 1)),
    (W + "Police arrested two brothers for the killing of their sister.", (2, 1)),
    (W + "Police arrested the brother of a girl killed by her relatives in Multan.", (1, 0)),
    (
        H + "The patrol found three wounded insurgents, who were given first aid and detained.",
        (3, 0),
    ),
    (
        W + "Intelligence agents arrested the ringleader of a gang that had kidnapped four "
        "traders. Three gang members were also detained.",
        (4, 0),
    ),
    # ... a killing's own dead still count
    (W + "Three men were killed over a land dispute in Ghazni.", (0, 3)),
    (W + "Gunmen killed a shopkeeper in Kandahar; police arrested two suspects.", (2, 1)),
]


@pytest.mark.parametrize(("text", "expected"), ARRESTS_NOT_DEATHS)
def test_arrests_are_not_deaths(extractor: Extractor, text: str, expected: tuple[int, int]) -> None:
    assert counts(extractor, text) == expected


# A: a second detainee after a long first noun phrase.
LONG_JOINS = [
    (
        H + "The force detained the leader of an insurgent IED cell, as well as six of his "
        "fighters, in Zharay district.",
        7,
    ),
    (
        H + "Afghan commandos detained the district shadow governor, identified as Mawlawi "
        "Karim, together with his three guards, in Paktiya.",
        4,
    ),
    (
        H + "The force detained a man who was seen moving rockets into a truck, as well as "
        "the truck's driver.",
        2,
    ),
    (
        W + "Intelligence agents have arrested the organiser of the attack on a wedding hall, "
        "as well as a dozen of his accomplices.",
        13,
    ),
    (
        W + "The agency said it had detained an Uzbek national, identified as Jamshid, and a "
        "Tajik national, both members of the group.",
        2,
    ),
    (
        W + "Police have detained the owner of the house where the bombers had stayed, along "
        "with the owner's nephew.",
        2,
    ),
    (
        W + "The agency said it had detained a Daesh commander, named as Abu Talha's deputy, "
        "along with three subordinates in Nangarhar.",
        4,
    ),
    (
        H + "Residents led the force to the home of a suspected bomb maker, who was detained "
        "along with his three sons after a search.",
        4,
    ),
    # ... not a later clause's people, nor things, nor a source
    (H + "The force killed two insurgents and detained the third, a spokesman said.", 1),
    (H + "The force detained a facilitator in Khost, and two insurgents fled the area.", 1),
    (
        H + "The force detained a weapons facilitator in Sabari district, as well as two "
        "rifles and a radio.",
        1,
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONG_JOINS)
def test_long_joins(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# C: figures inside compounds and collective nouns.
COMPOUNDS = [
    (W + "The NDS says it has arrested a six-member Taliban cell behind the bombings.", 6),
    (W + "Special forces detained a four-man team of ISIS-K militants in Kabul.", 4),
    (W + "The agency said it had detained a Daesh cell of five people in Herat.", 5),
    (W + "Police captured an ISIS-K cell of three, seizing explosives.", 3),
    (W + "Police arrested a group of nine men who had crossed the border illegally.", 9),
    (H + "The force detained 3 dozen men for questioning.", 36),
    # ... a group of things is none
    (W + "Police detained a man with a group of four vehicles.", 1),
]


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS)
def test_compound_figures(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


def test_digit_dozen() -> None:
    assert parse_number("2 dozen") == 24
    assert parse_number("3 dozen") == 36


# E: capture wordings.
WORDINGS = [
    (H + "The patrol took three insurgents prisoner after a short firefight.", 3),
    (H + "Three insurgents were taken prisoner by Afghan soldiers near the border.", 3),
    (H + "The operation netted five suspected insurgents and a cache of weapons.", 5),
    (H + "The operation resulted in two detentions and the seizure of a rifle.", 2),
    (W + "Two suspects are in NDS custody, a spokesman said.", 2),
    (W + "The government said it had rearrested 15 of the prisoners freed last year.", 15),
    (H + "Information from residents led the force to detain four men.", 4),
    # ... not a capture by militants, nor an aim
    (W + "Two soldiers were taken prisoner by the Taliban.", 0),
    (W + "Police launched an operation to detain four suspects.", 0),
    (W + "Fishermen netted 40 kilograms of fish.", 0),
]


@pytest.mark.parametrize(("text", "expected"), WORDINGS)
def test_capture_wordings(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# F (narrow): one pronoun's capture where nothing else counts one.
PRONOUNS = [
    (
        H + "The force found an insurgent facilitator hiding in a room. He was detained "
        "without incident.",
        1,
    ),
    (
        H + "The insurgents fled and only the commander remained, and he was detained.",
        1,
    ),
    (H + "The force killed two insurgents and detained the third.", 1),
    # ... not a past capture, nor one with a place of its own (the pipeline's event)
    (W + "Police killed a militant commander in Quetta. He had been detained in 2009.", 0),
    (
        H + "ISAF confirmed the capture of two Taliban leaders. The second is a bomb maker. He "
        "was captured during an operation in Shah Joy district, Zabul province.",
        2,
    ),
    # ... no more than the figure told before
    (H + "The force detained two insurgents. He was detained after a search.", 2),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronoun_captures(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# B / M / F: lists without a leading figure, "both X and Y", a figure in an appositive.
LISTS = [
    (
        H + "Detained during the search were the targeted facilitator and three suspected "
        "insurgents.",
        4,
    ),
    (
        H + "The force detained the following people: a Taliban commander, his bodyguard and a "
        "weapons courier.",
        3,
    ),
    (
        H + "A Taliban commander, his deputy and a bomb maker have all been detained by the "
        "security force in Nawa district.",
        3,
    ),
    (H + "Both the targeted leader and his driver were detained.", 2),
    (H + "Both suspects were detained.", 2),
    (
        W + "Police foiled an attack on a school and detained the would-be bombers, two young men "
        "from Kunar.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists_without_a_leading_figure(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# D: a clause between a counted subject and its passive capture verb.
CLAUSES = [
    (W + "NDS says three militants who were involved in the bombing have been arrested.", 3),
    (
        W + "Police detained a cleric accused of inciting violence. The cleric's two sons, who "
        "allegedly attacked a reporter, were also taken into custody.",
        3,
    ),
    (
        H + "Two insurgents were killed after they fired on the force. A third man, who was "
        "wounded, was detained.",
        1,
    ),
    (
        H + "The force detained a Taliban leader. Two passengers in the car were also detained.",
        3,
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_clauses_before_a_passive(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected
