"""Tolls: an attack a target planned or was responsible for is the target's past, not the
reported event's; ISPR's idioms for deaths ("sent to hell", "embraced shahadat") are deaths."""

from __future__ import annotations

import pytest

from signalfire.extract.casualties import find_counts


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Mansur was responsible for an attack on a district center that killed six Afghan "
            "policemen in May.",
            0,
        ),
        ("The leader is believed to have planned the bombing which killed 12 people.", 0),
        ("He coordinated the ambush in which four soldiers were killed.", 0),
        # the reported event itself
        ("Militants carried out an attack on a checkpost that killed three soldiers.", 3),
        ("A suicide bomber attacked a police station which killed five people.", 5),
    ],
)
def test_a_targets_past_toll_is_not_counted(text: str, killed: int) -> None:
    assert sum(c.value for c in find_counts(text) if c.category == "killed") == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four terrorists were sent to hell in an exchange of fire in North Waziristan.", 4),
        ("Three khwarij were sent to hell while two soldiers embraced shahadat.", 5),
    ],
)
def test_ispr_idioms_for_deaths(text: str, killed: int) -> None:
    assert sum(c.value for c in find_counts(text) if c.category == "killed") == killed
