"""Death counts the seventh review found missed, in wordings of our own: ISPR's aside before
"embraced shahadat", a long death-toll phrase, a named victim after an appositive, and people
told by number then killed as "them"."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2022, 3, 14)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three soldiers, having fought bravely, embraced shahadat during the operation in Tank.",
         3),
        ("Security forces killed five khwarij in Lakki Marwat. During the exchange of fire, "
         "Naik Imran, having fought gallantly, embraced shahadat.", 6),
        ("The death toll from Friday's twin blasts at a crowded vegetable market in the Kurram "
         "district town of Parachinar rose to 40, officials said.", 40),
        ("The governor of Balkh province, Mohammad Dawood Muzammil, was killed in a blast at his "
         "office.", 1),
        ("Militants stopped a coach near Mastung, took seven labourers off it and shot them dead.",
         7),
        ("Gunmen kidnapped four miners in Harnai and later killed them, police said.", 4),
    ],
)  # fmt: skip
def test_deaths(extractor: Extractor, text: str, killed: int) -> None:
    events = extractor.extract(Document("t", text, DAY))
    assert sum(e.deaths or 0 for e in events) == killed


def test_them_without_a_told_number_counts_nothing(extractor: Extractor) -> None:
    events = extractor.extract(Document("t", "Gunmen stopped a van and shot them dead.", DAY))
    assert sum(e.deaths or 0 for e in events) == 0
