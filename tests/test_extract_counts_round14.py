"""Kill counts for the toll classes of review 22 (sentences written for these tests in the
wordings of wire reports and Pakistani and Afghan papers, not taken from the review cases): a
toll update and the deaths among the wounded that raised it ("rose to 41 after three more of the
injured died", "raising the toll from 17 to 21", "had risen to five after two of the wounded
... died"), the rest of a toll of people whose aside named some of them ("At least seven
people, including three policemen, were killed ... Four passers-by were also killed"), and
figures that are no victims: a sum of money ("Rs2.5 billion for the families of the policemen
killed", "$3 million", "PKR 5 million"), a period's dead ("over the past three years", "over
the last decade") and an earlier, dated event's ("the March 2 attack on a market in Kunduz city
that killed", "In October 2021, ...")."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, Q, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2024, 3, 14)


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured) as the evaluation sums them."""
    return document_counts(extractor, text, PUB)


# 1: the toll a sentence states wins over the deaths among the wounded that raised it.
TOLL_UPDATES = [
    # (a named event's toll, its name longer than the toll words reached)
    (
        W + "The death toll from Monday's suicide bombing at a wedding party in Lakki Marwat "
        "rose to 41 on Thursday after three more of the injured died in hospital, officials said.",
        (0, 41, 0),
    ),
    # (the update from the old toll, the deaths told first)
    (
        Q + "A bomb exploded at a bus stand in Turbat on Monday. Doctors said four of the wounded "
        "had died overnight, raising the toll from the bus stand bombing from 17 to 21.",
        (0, 21, 0),
    ),
    (
        Q + "A bomb exploded at a bus stand in Turbat on Monday. Doctors said four of the "
        "wounded had died overnight, raising the toll from 17 to 21.",
        (0, 21, 0),
    ),
    # (the deaths after the toll: the toll, not the deaths, stands for the event)
    (
        K + "Three villagers were killed in a clash with Taliban forces in the Jurm district of "
        "Badakhshan on Wednesday. Residents said later that the death toll from the clash had "
        "risen to five after two of the wounded villagers died of their injuries.",
        (0, 5, 0),
    ),
    # (the toll as "the number of people killed"; the toll "from" its old figure)
    (
        W + "A suicide bomber killed 11 people at a cattle market in Kohat on Monday. The number "
        "of people killed rose to 19 on Wednesday after two more of the injured died.",
        (0, 19, 0),
    ),
    (
        W + "A bomb killed nine people at a bus terminal in Kohat on Monday. The toll rose from "
        "nine to 14 on Wednesday after three of the wounded died.",
        (0, 14, 0),
    ),
    (
        W + "A suicide bomber killed 44 people at a rally in Khar in Bajaur on Sunday. The death "
        "toll from Sunday's suicide bombing at the party's workers' convention in Khar stood at "
        "47 on Wednesday after three more of the injured died.",
        (0, 47, 0),
    ),
]

# 2: "also killed" after a toll of people whose aside named some of them is the rest of them;
# after a toll of others, or of people with no such aside, it adds.
ALSO = [
    (
        Q + "At least seven people, including three policemen, were killed when a bomb went "
        "off near a police van in Kalat on Wednesday. Four passers-by, among them a student, "
        "were also killed, the deputy commissioner said.",
        (0, 7, 0),
    ),
    (
        W + "A roadside bomb killed six people, including two Levies personnel, in Bajaur on "
        "Wednesday. Four members of a peace committee were also killed, police said.",
        (0, 6, 0),
    ),
    (
        Q + "Nine people, four of them Levies personnel, were killed when gunmen attacked a "
        "checkpost in Zhob on Wednesday. Five passengers of a passing bus were also killed.",
        (0, 9, 0),
    ),
    # (the attackers are no rest of their victims)
    (
        Q + "Nine people, including four policemen, were killed when gunmen attacked a "
        "checkpost in Zhob on Wednesday. Five attackers were also killed.",
        (0, 14, 0),
    ),
    # (the rest does not make up the toll: more victims)
    (
        Q + "Militants attacked vehicles on the highway in Bolan on Wednesday, killing at least "
        "20 people, including 11 truck drivers. Six soldiers were also killed.",
        (0, 26, 0),
    ),
    (
        Q + "Three soldiers were killed when militants attacked a checkpost in Kech on "
        "Wednesday. Two civilians were also killed in the attack.",
        (0, 5, 0),
    ),
]

# 3: figures that are no victims.
NOT_VICTIMS = [
    (
        W + "A suicide bomber killed two policemen at a checkpost in Bannu on Wednesday. The "
        "provincial government announced a package of Rs2.5 billion for the families of the "
        "policemen killed in the attack.",
        (0, 2, 0),
    ),
    (
        W + "A suicide bomber killed three policemen at a checkpost in Bannu on Wednesday. The "
        "government announced PKR 5 million for the families of the policemen killed.",
        (0, 3, 0),
    ),
    (
        K + "A bomb killed two worshippers at a mosque in Kunduz on Wednesday. A charity "
        "pledged $3 million to the families of those killed.",
        (0, 2, 0),
    ),
    (
        K + "A bomb killed two shopkeepers at a market in Herat on Wednesday. The government "
        "said it would pay 1,000 US dollars to the family of each person killed.",
        (0, 2, 0),
    ),
    # (a sum before the figure of victims it is given for: the victims count)
    (
        W + "A suicide bomber struck a checkpost in Bannu on Wednesday. The government "
        "announced Rs 10 million for the families of the four policemen killed.",
        (0, 4, 0),
    ),
    (
        K + "Pakistani shells landed on houses in Dangam in Kunar on Wednesday, killing two "
        "children. Kabul says Pakistani shelling has killed hundreds of Afghan civilians over "
        "the past three years.",
        (0, 2, 0),
    ),
    (
        W + "A roadside bomb killed four soldiers in North Waziristan on Wednesday. The TTP has "
        "killed scores of soldiers in the tribal districts over the last decade.",
        (0, 4, 0),
    ),
]

# 4: an earlier, dated event's toll, past its place ("the March 2 attack on a market in Kunduz
# city that killed", "the March 4 attack on the Bannu cantonment, in which 18 people were
# killed") or after a month and year ("In October 2021, ..."), stands only where the event has
# no toll of its own (and an arrest's never).
EARLIER = [
    (
        K + "Taliban intelligence said on Wednesday it had arrested four members of Islamic "
        "State in Kandahar city. The suspects belonged to the group that claimed the March 2 "
        "attack on a concert hall near Moscow that killed more than 140 people.",
        (4, 0, 0),
    ),
    (
        K + "A suicide bomber killed three Taliban guards outside a mosque in Kunduz on "
        "Wednesday, officials said. Islamic State also claimed the March 2 attack on a market "
        "in Kunduz city that killed more than 40 people.",
        (0, 3, 0),
    ),
    (
        W + "A suicide bomber killed four policemen at a checkpost in Bannu on Wednesday, police "
        "said. Police believe the same group carried out the March 4 attack on the Bannu "
        "cantonment, in which 18 people were killed.",
        (0, 4, 0),
    ),
    (
        K + "A suicide bomber killed three Taliban guards outside a mosque in Kunduz on Friday, "
        "officials said. In October 2021, suicide bombers attacked a Shia mosque in the city "
        "during Friday prayers, killing more than 60 worshippers.",
        (0, 3, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    TOLL_UPDATES + ALSO + NOT_VICTIMS + EARLIER,
    ids=[f"toll{i}" for i in range(len(TOLL_UPDATES))]
    + [f"also{i}" for i in range(len(ALSO))]
    + [f"money_period{i}" for i in range(len(NOT_VICTIMS))]
    + [f"earlier{i}" for i in range(len(EARLIER))],
)
def test_round14_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
