"""Kill, wound and capture counts for the classes of review 14 (sentences written for these
tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements and
wire reports, not taken from the review cases): victims listed together (named soldiers, a
nationality alone, a long title before a name, people killed as "them" before a second toll),
a background toll (a follow-up to an earlier attack, "days after"), and a named captive."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, P, Q, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2023, 5, 9)
H = "KABUL, Afghanistan (May 9, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: victims listed together.
LISTED = [
    (
        P + "Terrorists opened fire on a security forces convoy in North Waziristan. Lance "
        "Naik Sher Ali and Sepoy Imran Khan embraced shahadat.",
        (0, 2, 0, 0),
    ),
    (
        P + "During the exchange of fire, Havildar Gul Zaman, Naik Abdul Qadir and Sepoy "
        "Asif Iqbal embraced shahadat.",
        (0, 3, 0, 0),
    ),
    (
        K + "Gunmen attacked a guesthouse in Herat on Saturday, killing two German aid "
        "workers and an Afghan, police said.",
        (0, 3, 0, 0),
    ),
    (
        Q + "Unknown assailants gunned down Quetta Press Club president Ahmed Raza Baloch "
        "outside his office on Saturday, police said.",
        (0, 1, 0, 0),
    ),
    (
        Q + "Militants stopped two buses near Mastung, offloaded seven passengers and shot "
        "them dead; a driver was killed when the attackers fired on a truck, officials said.",
        (0, 8, 0, 0),
    ),
]

# ... and a first item with a post-modifier before the list's verb.
POST_MODIFIED = [
    (
        K + "Twelve members of the Afghan National Police and three civilians were killed "
        "when insurgents overran a checkpoint in Zabul province, officials said.",
        (0, 15, 0, 0),
    ),
]

# ... and a figure told per side.
PER_SIDE = [
    (
        K + "Afghan and Pakistani border forces traded fire at the Torkham crossing on "
        "Sunday; two soldiers were killed on each side, officials said.",
        (0, 4, 0, 0),
    ),
]

# ... and one more without a noun: "wounded another when", "and the third was killed".
ANOTHER = [
    (
        H + "Afghan and coalition forces killed one insurgent and detained another while "
        "clearing a compound in Nad Ali district, Helmand province, yesterday.",
        (1, 1, 0, 0),
    ),
    (
        Q + "Counter-terrorism police arrested two suspects in a raid on a hideout in "
        "Mastung on Sunday, and the third was killed in the exchange of fire.",
        (2, 1, 0, 0),
    ),
]

# 2: an earlier attack's toll as the event's background.
BACKGROUND = [
    (
        H + "In a follow-up operation to a bombing that killed three Afghan policemen last "
        "week, a combined force detained two suspected insurgents in Zhari district.",
        (2, 0, 0, 0),
    ),
    (
        W + "Security forces killed five militants in an operation in Bannu district on "
        "Sunday, days after a suicide bombing at a checkpost killed 12 soldiers.",
        (0, 5, 0, 0),
    ),
]

# 3: a captive named in an appositive before a passive.
NAMED_CAPTIVE = [
    (
        Q + "A provincial minister was shot dead outside his home in Quetta. The gunman, "
        "Abdul Wahid, was arrested by police nearby.",
        (1, 1, 0, 0),
    ),
]

# 4 (the lead, from review 15): an "including" aside names some of the figure, no more.
INCLUDING = [
    (
        Q + "Militants attacked an army camp, killing seven soldiers including a major and a "
        "captain.",
        (0, 7, 0, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    LISTED + POST_MODIFIED + PER_SIDE + ANOTHER + BACKGROUND + NAMED_CAPTIVE + INCLUDING,
)
def test_round10_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
