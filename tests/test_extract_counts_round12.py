"""Kill, wound and capture counts for the classes of reviews 17 and 18 (sentences written for
these tests in the wordings of wire reports and Afghan and Pakistani statements, not taken from
the review cases): a group's claimed toll ("the BLA claimed it killed 40 soldiers", "the TTP
said its fighters killed 35", "claimed responsibility and said they had killed 12 policemen",
"claimed the attack, saying 18 soldiers were killed") beside the event's own, and a toll of
raids across the country or a year's tally told after the event's; figures that are no dead
people ("received several bullet wounds and died", "sentenced three men to death"); victims
lost behind a long post-modifier ("two female doctors working for the health department",
"four members of a local peace committee in Bajaur"), before "them" ("abducted 6 Hindus ...
and later shot them dead") or as the object of "hacked ... to death"; a wound told as "shot
and seriously wounded"; and a victim's past deed ("a commander responsible for killing three
soldiers was killed": one)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, Q, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2024, 3, 14)


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: a claimed toll does not compete with the event's own.
CLAIMED = [
    (
        Q + "Militants attacked a Frontier Corps post in Panjgur on Wednesday, killing two "
        "soldiers. The BLA claimed it killed 40 soldiers, a figure the army rejected.",
        (0, 2, 0, 0),
    ),
    (
        W + "A roadside bomb struck a police van in Bannu on Wednesday, killing four policemen. "
        "The TTP claimed it had killed 25 policemen, which officials denied.",
        (0, 4, 0, 0),
    ),
    (
        W + "A bomb killed five people at a market in Orakzai on Wednesday. The TTP said it "
        "killed 30 soldiers in the attack.",
        (0, 5, 0, 0),
    ),
    (
        K + "Seven policemen were killed when insurgents attacked a checkpoint in Zabul province "
        "on Wednesday, officials said. The Taliban claimed responsibility and said they had "
        "killed 12 policemen.",
        (0, 7, 0, 0),
    ),
]

# ... told with the group's fighters, its spokesman or as the attack's claim.
CLAIMED_MORE = [
    (
        W + "A suicide bomber killed six soldiers at a checkpoint in North Waziristan on "
        "Wednesday. In a statement, the TTP said its fighters killed 35 soldiers.",
        (0, 6, 0, 0),
    ),
    (
        Q + "A bomb hidden in a motorcycle killed three policemen in Turbat on Wednesday. BLF "
        "spokesman Gwahram Baloch said the group had killed 15 policemen.",
        (0, 3, 0, 0),
    ),
    (
        W + "A roadside bomb killed two soldiers in Kurram on Wednesday. The TTP claimed the "
        "attack, saying 18 soldiers were killed.",
        (0, 2, 0, 0),
    ),
    (
        W + "Security forces killed 11 militants in a raid in Khyber on Wednesday. The army "
        "said its troops also killed two commanders in the same raid.",
        (0, 13, 0, 0),
    ),
]

# ... told "in a statement".
CLAIMED_SOURCE = [
    (
        K + "A car bomb killed four Afghan soldiers at a base in Helmand province on Wednesday. "
        "The Taliban claimed in a statement that 40 soldiers were killed.",
        (0, 4, 0, 0),
    ),
]

# 1b: a toll of raids across a country is a total of other operations, not the event's.
ACROSS = [
    (
        W + "A suicide bomber struck a crowded shrine in Sehwan on Thursday, killing at least 70 "
        "people. Security forces said the next day they had killed more than 90 suspected "
        "militants in raids across the country.",
        (0, 70, 0, 0),
    ),
]

# ... and a year's tally told after the event: no toll of it.
TALLY = [
    (
        W + "The Counter Terrorism Department arrested four suspected militants in a raid in "
        "Mardan on Wednesday. The CTD said it had carried out 860 operations across the "
        "province this year and arrested 212 suspected terrorists.",
        (4, 0, 0, 0),
    ),
    (
        W + "Gunmen shot dead a policeman in Bannu on Wednesday, police said. The provincial "
        "government said 2023 was the bloodiest year for the force in a decade, with more than "
        "150 officers killed.",
        (0, 1, 0, 0),
    ),
]

# 2: figures that are not dead people.
NOT_DEAD = [
    (
        Q + "Gunmen shot dead a shopkeeper in Turbat on Wednesday. He received several bullet "
        "wounds and died on the way to hospital, police said.",
        (0, 1, 0, 0),
    ),
    (
        W + "An anti-terrorism court in Peshawar on Wednesday sentenced three men to death for a "
        "bombing at a mosque.",
        (0, 0, 0, 0),
    ),
]

# 3: victims lost.
LOST = [
    (
        K + "Two female doctors working for the health department were shot dead in Jalalabad "
        "on Wednesday, officials said.",
        (0, 2, 0, 0),
    ),
    (
        W + "Gunmen abducted 6 Hindus from a village in Khyber on Wednesday and later shot them "
        "dead, police said.",
        (0, 6, 0, 6),
    ),
    (
        Q + "Gunmen stopped a coach in Mastung on Wednesday, pulled 9 Hazara Muslims off it and "
        "shot them dead, police said.",
        (0, 9, 0, 0),
    ),
    (
        W + "Unidentified men hacked a village elder to death in Lakki Marwat on Wednesday, "
        "police said.",
        (0, 1, 0, 0),
    ),
    (
        Q + "A local reporter was shot and seriously wounded in Khuzdar on Wednesday, police said.",
        (0, 0, 1, 0),
    ),
]

# ... past a post-modifier with "of a", "on a" or "for the".
POST_MODIFIER = [
    (
        W + "Four members of a local peace committee in Bajaur were killed when their vehicle "
        "hit a landmine on Wednesday, officials said.",
        (0, 4, 0, 0),
    ),
    (
        Q + "Five labourers working on a road project in Kech were shot dead by gunmen on "
        "Wednesday, police said.",
        (0, 5, 0, 0),
    ),
]

# 4: a victim's past deed is not the toll.
PAST_DEED = [
    (
        W + "A militant commander responsible for killing three soldiers was killed in a "
        "raid in Bajaur on Wednesday, police said.",
        (0, 1, 0, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    CLAIMED
    + CLAIMED_MORE
    + CLAIMED_SOURCE
    + ACROSS
    + TALLY
    + NOT_DEAD
    + LOST
    + POST_MODIFIER
    + PAST_DEED,
)
def test_round12_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
