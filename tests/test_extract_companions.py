"""'... and two of his bodyguards' after a long first noun phrase: the first one's companions."""

from __future__ import annotations

import pytest

from signalfire.extract.casualties import find_counts


@pytest.mark.parametrize(
    ("text", "category", "total"),
    [
        (
            "Afghan and coalition forces detained the Taliban deputy shadow governor for Baghlan "
            "province and two of his bodyguards during an operation.",
            "arrested",
            3,
        ),
        (
            "Police arrested the leader of a banned sectarian group and 10 of his followers.",
            "arrested",
            11,
        ),
        (
            "Troops killed the Taliban shadow governor for Kunduz province and three of his "
            "fighters.",
            "killed",
            4,
        ),
        # another clause: the companions are not the first verb's
        (
            "Security forces killed a TTP commander in Swat and arrested two of his associates.",
            "killed",
            1,
        ),
        (
            "The force detained a leader of the network in Khost, and two of his men fled.",
            "arrested",
            1,
        ),
    ],
)
def test_companions_after_a_long_noun_phrase(text: str, category: str, total: int) -> None:
    assert sum(c.value for c in find_counts(text) if c.category == category) == total
