"""Capture and kill counts for the classes a fourth review found (sentences written for these
tests in the wordings of ISAF releases and Afghan, Pakistani and wire reports, not taken from
the evaluation data): ordinals, a definite wounded detainee, a lead total told again in
detail, possessives, "took ... into custody", one who "opened fire and was killed", a capture
beside its companions' deaths, and force and attacker tolls told in separate sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import document_counts

from signalfire.extract import Document, Extractor

PUB = dt.date(2011, 5, 24)
H = "KABUL, Afghanistan (May 24, 2011) - "
W = "PESHAWAR (Reuters) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured) as the evaluation sums them."""
    return document_counts(extractor, text, PUB)


# 1: an ordinal person is one more, not as many as the ordinal says (it counts the killed too),
# and none more where as many are held already (a retelling).
ORDINALS = [
    (
        "LAHORE (Reuters) - Police arrested a suspect in Lahore on Monday. The second suspect "
        "was arrested on Tuesday.",
        (2, 0),
    ),
    (
        "QUETTA (Reuters) - Police arrested two suspects in Quetta on Monday. Another was "
        "arrested later in the day.",
        (3, 0),
    ),
    (
        H + "Afghan forces killed two insurgents and detained a third in Nad-e Ali district, "
        "Helmand province. A fourth insurgent was detained after he attempted to flee.",
        (2, 2),
    ),
    (
        H + "An Afghan and coalition security force detained two suspected insurgents in "
        "Arghandab district, Kandahar province. A fifth suspect was arrested after the force "
        "searched a nearby compound.",
        (3, 0),
    ),
    (
        H + "The security force detained a Taliban leader in Sabari district, Khost province. "
        "A fourth insurgent was detained at a checkpoint.",
        (2, 0),
    ),
    (
        H + "The security force detained three suspected insurgents in Zurmat district, "
        "Paktiya province. A fourth was detained later at a checkpoint.",
        (4, 0),
    ),
    (
        H + "The security force detained three suspected insurgents in Zurmat district, "
        "Paktiya province. The force found two of them hiding in a compound. A third was "
        "detained after he fled.",
        (3, 0),
    ),
    (
        H + "The security force killed three insurgents and detained one in Zharay district, "
        "Kandahar province. A fifth insurgent was later detained after fleeing the compound.",
        (2, 3),
    ),
    (
        H + "The security force killed one insurgent in Sangin district, Helmand province. A "
        "second armed insurgent was killed after displaying hostile intent.",
        (0, 2),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS)
def test_ordinals_are_one_more(extractor: Extractor, text: str, expected: tuple[int, int]) -> None:
    assert counts(extractor, text)[:2] == expected


# 2: the wounded one told again as a detainee: one capture, one wounded.
WOUNDED_DETAINEES = [
    (
        H + "The security force killed two insurgents in Zharay district, Kandahar province. "
        "The wounded insurgent was treated by the force's medics and taken into custody.",
        (1, 2, 1),
    ),
    (
        H + "Afghan forces killed two insurgents and wounded a third in Zharay district, "
        "Kandahar province. The wounded insurgent was treated by the force's medics and "
        "taken into custody.",
        (1, 2, 1),
    ),
    (W + "The injured militant was later detained by police in Bannu district.", (1, 0, 1)),
    (
        H + "One insurgent was wounded during the operation in Sangin district, Helmand "
        "province. The injured insurgent was subsequently detained.",
        (1, 0, 1),
    ),
    (
        H + "The force killed an insurgent in Sangin district, Helmand province. Two wounded "
        "insurgents were treated by the force and detained.",
        (2, 1, 2),
    ),
    (H + "One wounded insurgent was detained in Zharay district, Kandahar province.", (1, 0, 1)),
    (W + "Police said an injured suspect was arrested in Bannu.", (1, 0, 1)),
    (
        H + "The wounded insurgent received medical treatment from the force and was detained "
        "in Zharay district.",
        (1, 0, 1),
    ),
    (
        "LAHORE (Reuters) - Two terrorists were killed and their injured accomplice was "
        "arrested in an encounter in Lahore.",
        (1, 2, 1),
    ),
    (
        "LAHORE (Reuters) - The injured terrorist, identified as Ahmed, was arrested in Lahore.",
        (1, 0, 1),
    ),
    (
        H + "The force killed two insurgents in Zharay district. A third, who was wounded, was "
        "detained.",
        (1, 2, 0),
    ),
    (
        H + "The force killed two insurgents in Zharay district. The third insurgent was "
        "wounded and detained.",
        (1, 2, 1),
    ),
]


@pytest.mark.parametrize(("text", "expected"), WOUNDED_DETAINEES)
def test_wounded_detainees(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


# 3: a lead total told again in detail, province by province: the total once.
_DETAILS = (
    "In Kandahar province, an Afghan and coalition security force detained six suspected "
    "insurgents while searching for a Taliban leader in Zharay district. In Helmand "
    "province, a security force detained three suspected insurgents in Nad-e Ali district. "
    "In Zabul province, the force detained two suspected insurgents in Qalat district."
)
LEAD_TOTALS = [
    (
        H + "Afghan and coalition forces detained 11 suspected insurgents across Afghanistan "
        "yesterday. " + _DETAILS,
        11,
    ),
    (
        H + "Afghan and coalition forces detained 11 suspected insurgents in southern "
        "Afghanistan yesterday. " + _DETAILS,
        11,
    ),
    (
        "Forces Detain 11 Insurgents in Southern Afghanistan\n" + H + "Afghan and coalition "
        "forces detained 11 suspected insurgents in southern Afghanistan yesterday. " + _DETAILS,
        11,
    ),
    # ... details that add up to no lead figure are events of their own
    (
        H + "Afghan and coalition forces detained 12 suspected insurgents in southern "
        "Afghanistan yesterday. " + _DETAILS,
        17,
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_TOTALS)
def test_lead_totals_told_in_detail(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


def test_lead_total_of_kills_told_in_detail(extractor: Extractor) -> None:
    text = (
        W + "Security forces killed nine militants in operations in the tribal areas on "
        "Monday. In North Waziristan, troops killed five militants near Miranshah. In Khyber "
        "Agency, security forces killed four militants in Bara."
    )
    assert counts(extractor, text)[1] == 9


# 4: possessives as the detainee.
POSSESSIVES = [
    (H + "The force detained two suspects and the cell's leader in Kandahar province.", 3),
    (H + "The force detained the cell's leader and the network's financier in Khost.", 2),
    (H + "Two suspected insurgents and the cell's leader were detained in Khost province.", 3),
    (H + "The force detained the leader's two brothers in Kandahar province.", 2),
    (W + "Police arrested the victim's three cousins in Quetta.", 3),
    (H + "The network's financier surrendered to the force and was detained.", 1),
    (H + "The force detained the cell's second-in-command in Kandahar province.", 1),
    (W + "Police arrested the group's spokesman in Peshawar.", 1),
    (W + "Police arrested two men and the gang's leader in Swat.", 3),
    (
        H + "The security force detained the cell's leader, a known weapons facilitator, in "
        "Kandahar province.",
        1,
    ),
]


def test_owner_with_a_casualty_verb(extractor: Extractor) -> None:
    """The slain one is the owner, the one arrested his brother: one capture, no death."""
    text = W + "Police arrested the slain militant's brother in Swat."
    assert counts(extractor, text)[:2] == (1, 0)


@pytest.mark.parametrize(("text", "expected"), POSSESSIVES)
def test_possessive_detainees(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


# 5: "took ... into custody", "took custody of", "took three detainees".
TOOK = [
    (H + "The force took three detainees in Kandahar province.", 3),
    (H + "The security force took a total of five detainees in Zharay district.", 5),
    (H + "The force took two suspects into custody in Kandahar province.", 2),
    (H + "The force took custody of four insurgents in Kandahar province.", 4),
    (W + "Police took three suspected militants into custody in Mardan.", 3),
    # ... not released detainees
    (W + "Officials released 20 detainees from a prison in Peshawar.", 0),
]


@pytest.mark.parametrize(("text", "expected"), TOOK)
def test_took_into_custody(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        H + "The force took two suspects into custody in Kandahar province.",
        H + "The force took custody of four insurgents in Kandahar province.",
    ],
)
def test_took_into_custody_is_an_arrest(extractor: Extractor, text: str) -> None:
    assert [e.event_type for e in extractor.extract(Document("r4", text, PUB))] == ["arrest"]


# 6: one who "opened fire and was killed"; a capture beside its companions' deaths.
KILLS = [
    (H + "An armed insurgent opened fire on the force and was killed in Kandahar.", (0, 1)),
    (H + "An insurgent fired at the security force and was killed in Zharay district.", (0, 1)),
    (
        H + "An insurgent armed with an AK-47 engaged the security force and was killed in "
        "Zharay district.",
        (0, 1),
    ),
    (
        H + "The force detained two suspected insurgents in Zharay district, Kandahar "
        "province. An armed insurgent opened fire on the force and was killed.",
        (2, 1),
    ),
    (
        H + "After the force detained the leader in Zharay district, one insurgent opened "
        "fire on the force and was killed.",
        (1, 1),
    ),
    (
        H + "While the force detained two suspects in Zharay district, one insurgent opened "
        "fire on the security force and was killed.",
        (2, 1),
    ),
    (
        W + "Three militants attacked the check post in Bannu and were killed in the "
        "exchange of fire.",
        (0, 3),
    ),
    (
        H + "A suspected insurgent attempted to flee, engaged the force and was killed in "
        "Zharay district.",
        (0, 1),
    ),
    (
        H + "An insurgent armed with a rifle was killed when he fired on the force in Zharay.",
        (0, 1),
    ),
    (
        H + "A suspected insurgent attempted to flee the compound in Zharay district and was "
        "detained.",
        (1, 0),
    ),
    (W + "A man tried to escape on a motorcycle and was arrested by police in Mardan.", (1, 0)),
    (
        H + "The force detained a Taliban leader in Kandahar province and two of his fighters "
        "were killed.",
        (1, 2),
    ),
    (
        H + "Afghan and coalition forces detained a Taliban leader and two of his fighters were "
        "killed in Zharay district, Kandahar province.",
        (1, 2),
    ),
    (
        H + "The force detained a Taliban leader in Zharay district, and one of his fighters "
        "was killed.",
        (1, 1),
    ),
    (
        H + "The force detained a facilitator and an insurgent was killed in Zharay district.",
        (1, 1),
    ),
    (
        W + "Police arrested a suspect in Bannu while his accomplice was killed in the exchange "
        "of fire.",
        (1, 1),
    ),
]


@pytest.mark.parametrize(("text", "expected"), KILLS)
def test_kills_beside_captures(extractor: Extractor, text: str, expected: tuple[int, int]) -> None:
    assert counts(extractor, text)[:2] == expected


# 7: the other side's dead in the same fight, told in a sentence of its own, add up (a military
# release's own dead too, as the reviews count every side's); the same dead told again, people
# of no side and a list of headlines of other reports do not.
SIDES = [
    (
        W + "Two soldiers were martyred in North Waziristan on Monday. Three terrorists were "
        "killed in the exchange of fire.",
        5,
    ),
    (
        "QUETTA (Reuters) - A suicide bomber killed four policemen in Quetta on Monday. The "
        "attacker died in the blast.",
        5,
    ),
    (
        W + "Militants attacked a checkpost in North Waziristan, killing two soldiers. "
        "Security forces killed three militants in retaliation.",
        5,
    ),
    (
        W + "Two policemen were killed when gunmen attacked a police station in Bannu. Four "
        "attackers were killed in the gunfight that followed.",
        6,
    ),
    (
        W + "Four policemen were killed in a suicide attack in Peshawar on Monday. The four "
        "policemen were guarding a checkpoint. Two of the policemen were killed in the clash.",
        4,
    ),
    (
        W + "Five people were killed in a clash in North Waziristan. Three militants were "
        "killed in the clash.",
        5,
    ),
    (
        W + "Two soldiers and three militants were killed in North Waziristan. Three militants "
        "died in the clash.",
        5,
    ),
    (
        W + "Security forces conducted an operation in North Waziristan. During an intense "
        "exchange of fire, four terrorists were killed. However, two soldiers embraced shahadat.",
        6,
    ),
    (
        W + "Four soldiers were martyred in the attack on the check post in Bannu. Security "
        "forces killed six terrorists in the retaliatory action.",
        10,
    ),
    # ... not an earlier attack's, nor another incident's
    (
        W + "Security forces killed 10 militants in Khyber on Monday. The militants had killed "
        "two soldiers in an attack on Sunday.",
        10,
    ),
    ("Pak army kills 15 militants.\n3 policemen die in clash with gunmen in Bannu.", 15),
    (
        H + "More than 30 insurgents were killed in the operation in Chak district, Wardak "
        "province. One Afghan soldier was killed in the exchange of fire.",
        32,
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIDES)
def test_each_sides_dead_told_apart(extractor: Extractor, text: str, expected: int) -> None:
    assert counts(extractor, text)[1] == expected
