"""A place named only as a reference point ("north of Kabul") does not locate the event when
another province's place is named; one in the same province still gives the district."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2013, 6, 10)


@pytest.mark.parametrize(
    ("text", "adm1", "district"),
    [
        ("Rockets hit the Bagram air base, 50 km north of Kabul, wounding two soldiers.",
         "AF-PAR", "Bagram"),
        ("Militants ambushed a convoy in Charikar, north of Kabul, killing three policemen.",
         "AF-PAR", "Chaharikar"),
        ("Security forces killed four militants west of Nad-e Ali, Helmand province.",
         "AF-HEL", "Nad Ali"),
        ("A roadside bomb killed two soldiers 30 km south of Quetta.", "PK-BA", "Quetta"),
    ],
)  # fmt: skip
def test_reference_points(extractor: Extractor, text: str, adm1: str, district: str) -> None:
    [event] = extractor.extract(Document("t", text, DAY))
    assert event.adm1 == adm1
    assert extractor.gazetteer.adm2_names.get(event.adm2 or "") == district


def test_a_list_of_three_provinces_places_no_single_one(extractor: Extractor) -> None:
    text = "Security forces arrested 14 Daesh members in Kabul, Herat and Balkh provinces."
    [event] = extractor.extract(Document("t", text, DAY))
    assert (event.country, event.adm1) == ("AFG", None)
    named_again = "Forces raided compounds in Kabul, Herat and Balkh. In Herat, four were killed."
    assert [e.adm1 for e in extractor.extract(Document("t", named_again, DAY))][:1] == ["AF-HER"]
