"""Kill counts for the classes of reviews 20 and 21 (sentences written for these tests in the
wordings of wire reports and Pakistani statements, not taken from the review cases): items of a
list of victims that were dropped ("four soldiers and at least 15 militants were killed", "13
U.S. marines and 60 civilians", "the deputy governor ..., and his secretary", "along with all
six attackers", "150 Taliban and allied fighters", a shaheed with two asides), the same dead
told twice ("Two members of the same family were martyred", "... were also killed"), an
earlier event's toll ("in that fighting", "the May 2018 bombing at ... that killed 16"), and a
period's dead ("have been executed since then", "between June and September", "between 2011
and 2016", "have killed hundreds of soldiers since the agreement")."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, P, Q, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2024, 3, 14)


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured) as the evaluation sums them."""
    return document_counts(extractor, text, PUB)


# 1: every item of a list of victims counts.
LISTS = [
    # (a qualifier on the second item of a passive subject)
    (
        K + "Taliban fighters attacked police posts in Ghazni on Wednesday; a provincial "
        "spokesman said four policemen and at least 15 militants were killed.",
        (0, 19, 0),
    ),
    (
        K + "Fighting raged in Faryab on Wednesday. Two soldiers and more than 30 insurgents "
        "were killed, officials said.",
        (0, 33, 0),
    ),
    # (an abbreviation in the first item)
    (
        K + "A suicide bomber struck a convoy in Kabul on Wednesday, killing 13 U.S. marines "
        "and 60 civilians, officials said.",
        (0, 73, 0),
    ),
    # (the first one's title runs on before his name in commas)
    (
        K + "A magnetic bomb attached to a car killed the deputy governor of Herat, Abdul "
        "Karim Noori, and his secretary on Wednesday, police said.",
        (0, 2, 0),
    ),
    (
        W + "A roadside bomb killed the head of the district peace committee, Malik Noor Khan, "
        "and two of his guards in Bajaur on Wednesday, police said.",
        (0, 3, 0),
    ),
    # (all of the attackers along with the victims)
    (
        W + "Gunmen stormed a hotel in Peshawar overnight. Eleven people, including two guards, "
        "were killed along with all six attackers, officials said.",
        (0, 17, 0),
    ),
    # (a plural with an adjective of its own after "and")
    (
        W + "Pakistan said 12 soldiers were martyred and 150 Taliban and allied fighters were "
        "killed in clashes along the border on Wednesday.",
        (0, 162, 0),
    ),
    # (a shaheed with an age and "having fought gallantly", both in commas)
    (
        P + "An exchange of fire took place between own troops and khwarij in general area "
        "Datta Khel, North Waziristan District. As a result, two khwarij were sent to hell, "
        "while Naik Abdul Rehman, age 31 years, having fought gallantly, embraced shahadat.",
        (0, 3, 0),
    ),
]

# 2: the same dead told again in a quote or with "also" are not more.
RETOLD = [
    (
        K + "Two civilians, including a woman, were killed and four others wounded when "
        "mortar shells landed in the Sarkano district of Kunar on Wednesday, officials said. "
        '"The shells hit a house. Two members of the same family were martyred and four '
        'others were injured," a local official said.',
        (0, 2, 4),
    ),
    (
        K + "Six civilians were killed in an airstrike in the Nawa district of Helmand on "
        'Wednesday, officials said. "Unfortunately, six civilians who were inside the house '
        'were also killed," a spokesman said.',
        (0, 6, 0),
    ),
]

# ... but a force's "also killed" tells more of its deeds.
RETOLD.append(
    (
        K + "Security forces killed two insurgents in a raid in Nawa district of Helmand on "
        "Wednesday. The force also killed two insurgents who tried to flee, officials said.",
        (0, 4, 0),
    )
)

# ... and an earlier event's list, its qualifier on the first item, stays its toll.
EARLIER = [
    (
        K + "Afghan commandos killed nine Taliban fighters in a raid in Andar district of "
        "Ghazni on Wednesday, the defence ministry said.\n\nIn August 2018, the Taliban "
        "stormed Ghazni city from surrounding districts including Andar. More than 100 "
        "policemen and at least 30 civilians were killed in that fighting, officials said at "
        "the time.",
        (0, 9, 0),
    ),
    (
        K + "Fighting raged in Faryab on Wednesday. Over 20 soldiers, more than 10 policemen "
        "and three civilians were killed, officials said.",
        (0, 35, 0),
    ),
    # (an attack of another year named at length before "that killed")
    (
        Q + "A bomb planted on a motorcycle exploded near a bus stop in Quetta on Wednesday, "
        "killing two people and wounding seven, police said. Quetta has seen many deadly "
        "attacks, including the May 2018 bombing at the Kuchlak fruit market that killed 16 "
        "people.",
        (0, 2, 7),
    ),
]

# 3: a period's dead are no event's: executions since a time, a span of months or years.
PERIOD = [
    (
        W + "An anti-terrorism court in Karachi on Wednesday sentenced three men to death. "
        "More than 300 convicts have been executed since then, rights groups said.",
        (0, 0, 0),
    ),
    (
        W + "Gunmen shot dead two Shia passengers in Parachinar in Kurram on Wednesday, police "
        "said. A rights group said at least 50 people had been killed in sectarian violence in "
        "Kurram between June and September.",
        (0, 2, 0),
    ),
    (
        K + "Gunmen shot dead a tribal elder in Kandahar on Wednesday, police said. Officials "
        "say more than 200 elders were killed across the country between 2011 and 2016.",
        (0, 1, 0),
    ),
    (
        K + "A car bomb killed six soldiers at a base in Khost on Wednesday, officials said. The "
        "government says Taliban attacks have killed hundreds of soldiers since the agreement.",
        (0, 6, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    LISTS + RETOLD + EARLIER + PERIOD,
    ids=[f"list{i}" for i in range(len(LISTS))]
    + [f"retold{i}" for i in range(len(RETOLD))]
    + [f"earlier{i}" for i in range(len(EARLIER))]
    + [f"period{i}" for i in range(len(PERIOD))],
)
def test_round13_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
