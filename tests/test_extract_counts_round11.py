"""Kill, wound and capture counts for the classes of reviews 15 and 16 (sentences written for
these tests in the wordings of wire reports and Afghan and Pakistani statements, not taken from
the review cases): a capture lost after an ordinal's wound ("a fifth was wounded and
captured"), after a deed told as a gerund ("involved in kidnapping foreigners") or past an age
("The bomber, 22, was arrested"); a death lost after "belonging to" or told as "had died" of
hostages, or of the killer in a later sentence ("The bodyguard was killed"); a vehicle after
a victim's noun ("seized a passenger bus": no captive); a wounded list that opens with an age
and a name; one victim, then a second deed "hours later"; and, from review 15, a toll over two
sentences ("The bomber and a boy with him were also killed", "killed four insurgents and
wounded one ... Three soldiers were wounded"), a list past "of the <party>", and a rank in a
tally ("the fourth killing of a journalist ... this year": no more victims)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, Q, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2024, 3, 14)


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: a capture lost.
CAPTURES = [
    (
        W + "Militants stormed a police training centre near Peshawar, killing five recruits. "
        "Three of the attackers were killed and a fourth was wounded and captured, police said.",
        (1, 8, 1, 0),
    ),
    (
        K + "Troops killed two insurgents in Kunar and a third was injured and later detained, "
        "the ministry said.",
        (1, 2, 1, 0),
    ),
    (
        K + "Intelligence officials said a Taliban commander involved in kidnapping aid workers "
        "was arrested in Kunduz city during a night raid.",
        (1, 0, 0, 0),
    ),
    (
        Q + "Police said a militant wanted for killing two traders was arrested in Quetta.",
        (1, 0, 0, 0),
    ),
    (
        Q + "A suicide bomber struck a rally in Quetta, killing four people. His handler, 24, "
        "was arrested hours later.",
        (1, 4, 0, 0),
    ),
    (
        W + "Police said the gunman, aged 19, was arrested at the scene.",
        (1, 0, 0, 0),
    ),
]

# 2: a death lost after an inserted phrase or told as "had died".
DEATHS = [
    (
        Q + "Seven labourers belonging to the Hazara community were kidnapped and shot dead "
        "near Mastung, officials said.",
        (0, 7, 0, 7),
    ),
    (
        K + "Four engineers hailing from Turkey were abducted and later killed in Zabul, "
        "officials said.",
        (0, 4, 0, 4),
    ),
    (
        Q + "Gunmen seized a passenger bus near Sibi. Security forces said 12 militants were "
        "killed and 9 hostages had died.",
        (0, 21, 0, 0),
    ),
    # (the killer told dead in a later sentence)
    (
        K + "A district police chief was shot dead by one of his bodyguards at his office in "
        "Helmand on Sunday. The bodyguard was killed by other policemen.",
        (0, 2, 0, 0),
    ),
    (
        K + "A provincial council member was gunned down by his driver in Ghazni city on "
        "Monday. The driver was later shot dead by police.",
        (0, 2, 0, 0),
    ),
]

# 3: a wounded list that opens with an age and a name.
NAMED = [
    (
        W + "Gunmen opened fire on a school van in Swat, wounding 14-year-old Ayesha Bibi and "
        "two of her classmates.",
        (0, 0, 3, 0),
    ),
    (
        W + "Unknown assailants fired on a car in Charsadda, killing 60-year-old Gul Rahman and "
        "his son.",
        (0, 2, 0, 0),
    ),
]


# 4: one victim, then a second deed the same day.
LATER_DEED = [
    (
        Q + "Gunmen shot dead Abdul Hameed, a senior lawyer, outside his home in Quetta on "
        "Tuesday. Hours later a bomb exploded among mourners at the hospital, killing 12.",
        (0, 13, 0, 0),
    ),
    (
        W + "Gunmen shot dead a police officer in Peshawar on Friday. Later that day, a "
        "roadside bomb killed four soldiers nearby.",
        (0, 5, 0, 0),
    ),
]


# 5 (review 15): a toll over two sentences or past a long post-modifier, and a rank in a tally.
REVIEW15 = [
    (
        W + "A suicide bomber blew himself up at a police checkpoint in Peshawar, killing a "
        "constable and wounding three others. The bomber and a boy with him were also killed.",
        (0, 3, 3, 0),
    ),
    (
        K + "Afghan commandos killed four insurgents and wounded one in a gun battle in "
        "Kandahar province yesterday. Three Afghan soldiers were slightly wounded.",
        (0, 4, 4, 0),
    ),
    (
        W + "Unknown gunmen shot dead a district leader of the Pakistan Peoples Party and his "
        "son in Bannu on Sunday, police said.",
        (0, 2, 0, 0),
    ),
    (
        Q + "Gunmen shot dead a local reporter near his home in Khuzdar on Friday, police said, "
        "the fourth killing of a journalist in the province this year.",
        (0, 1, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CAPTURES + DEATHS + NAMED + LATER_DEED + REVIEW15)
def test_round11_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
