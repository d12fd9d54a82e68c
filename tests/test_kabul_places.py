"""Kabul neighbourhoods news names (place_variants.csv): each resolves to Kabul province and, where
a published point for it was checked against the district shapes, to the district holding it and
to that point (the table's lat/lon), so that maps show the neighbourhood, not the district's
centre."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from signalfire.errors import SchemaError
from signalfire.extract import Document, Extractor
from signalfire.extract.gazetteer import Gazetteer, build_gazetteer, load_gazetteer

# Published coordinates (Wikipedia's infoboxes; the Microrayons: a point on the Massoud road
# beside them). The district is NOT written here: the test finds it in the boundary file.
POINTS = {
    "Pul-e-Charkhi": (34.5196, 69.3476),
    "Ahmad Shah Baba Mina": (34.511948, 69.329138),
    "Shahr-e-Naw": (34.53333, 69.16833),
    "Kart-e-Seh": (34.500, 69.133),
    "Dasht-e-Barchi": (34.49467, 69.09422),
    "Khair Khana": (34.576996, 69.130620),
    "Wazir Akbar Khan": (34.536116, 69.183869),
    "Darulaman": (34.464953, 69.119430),
    "Macroyan": (34.54238, 69.19709),
    "Kabul airport": (34.56583, 69.21306),
}
# Spellings news uses, each with the name of POINTS it stands for.
SPELLINGS = {
    "Pul-i-Charkhi": "Pul-e-Charkhi",
    "Pule Charkhi": "Pul-e-Charkhi",
    "Puli Charkhi": "Pul-e-Charkhi",
    "Pol-e-Charkhi": "Pul-e-Charkhi",
    "Pul-e-Charki": "Pul-e-Charkhi",
    "Arzan Qimat": "Ahmad Shah Baba Mina",
    "Shahr-i-Naw": "Shahr-e-Naw",
    "Shar-e-Now": "Shahr-e-Naw",
    "Shahr-e Naw": "Shahr-e-Naw",
    "Karte Se": "Kart-e-Seh",
    "Karte Seh": "Kart-e-Seh",
    "Dashte Barchi": "Dasht-e-Barchi",
    "Dasht-i-Barchi": "Dasht-e-Barchi",
    "Khairkhana": "Khair Khana",
    "Dar-ul-Aman": "Darulaman",
    "Darul Aman": "Darulaman",
    "Makroyan": "Macroyan",
    "Microrayon": "Macroyan",
    "Kabul International Airport": "Kabul airport",
    "Hamid Karzai International Airport": "Kabul airport",
    "KAIA": "Kabul airport",
}
# Named in news, but no published point was found to check: Kabul province only.
PROVINCE_ONLY = ("Shah Shaheed", "Shah-e-Shahid", "Qala-e-Fatullah", "Qala-i-Fathullah")


@pytest.fixture(scope="module")
def gazetteer(shared_data: Path) -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def district_of(shared_data: Path) -> dict[str, str]:
    """gb_shapeID of the Afghan district polygon holding each point of POINTS."""
    features = json.loads((shared_data / "geo" / "afg_adm2.geojson").read_text())["features"]
    shapes = [(f["properties"]["gb_shapeID"], shape(f["geometry"])) for f in features]
    out = {}
    for name, (lat, lon) in POINTS.items():
        holding = [sid for sid, geom in shapes if geom.contains(Point(lon, lat))]
        assert len(holding) == 1, (name, holding)
        out[name] = holding[0]
    return out


@pytest.mark.parametrize("name", [*POINTS, *SPELLINGS])
def test_neighbourhoods_resolve_to_the_district_holding_them(
    gazetteer: Gazetteer, district_of: dict[str, str], name: str
) -> None:
    first = gazetteer.lookup(name)[0]
    assert first.adm1 == "AF-KAB"
    assert first.adm2 == district_of[SPELLINGS.get(name, name)]


@pytest.mark.parametrize("name", [*POINTS, *SPELLINGS])
def test_neighbourhoods_carry_their_own_point(gazetteer: Gazetteer, name: str) -> None:
    first = gazetteer.lookup(name)[0]
    assert first.level == "place"
    assert (first.lat, first.lon) == pytest.approx(POINTS[SPELLINGS.get(name, name)], abs=1e-4)


def test_a_variant_point_outside_its_district_is_refused(shared_data: Path, tmp_path: Path) -> None:
    table = tmp_path / "variants.csv"
    table.write_text(
        "variant,iso3,level,target,lat,lon,note\n"
        "Dashte Barchi,AFG,adm2,Kabul,34.49467,69.09422,\n"
        "Khair Khana,AFG,adm2,Bagrami,34.576996,69.130620,wrong district\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError, match=r"row 3, column 'lat/lon': expected a point inside Bag"):
        build_gazetteer(shared_data / "geo", table)


def test_pul_e_charkhi_is_outside_kabul_district(
    gazetteer: Gazetteer, district_of: dict[str, str]
) -> None:
    # The prison is "in Kabul" in news, but east of the Kabul district polygon.
    assert gazetteer.adm2_names[district_of["Pul-e-Charkhi"]] == "Bagrami"
    assert gazetteer.adm2_names[district_of["Dasht-e-Barchi"]] == "Kabul"


@pytest.mark.parametrize("name", PROVINCE_ONLY)
def test_unchecked_areas_resolve_to_the_province_only(gazetteer: Gazetteer, name: str) -> None:
    first = gazetteer.lookup(name)[0]
    assert (first.level, first.adm1, first.adm2) == ("adm1", "AF-KAB", "")


@pytest.mark.parametrize(
    ("text", "district_name"),
    [
        ("A bomb exploded in Dasht-e-Barchi, killing 5 people.", "Kabul"),
        ("A suicide bomber killed 12 people in Dashte Barchi on Friday.", "Kabul"),
        ("Two rockets landed near Kabul airport, wounding three civilians.", "Kabul"),
        ("Gunmen killed a police officer in Khair Khana on Monday.", "Kabul"),
        ("Prisoners rioted at Pul-i-Charkhi prison; four inmates were killed.", "Bagrami"),
        ("A magnetic bomb killed two people in Shar-e-Now on Tuesday.", "Kabul"),
        ("An explosion in Shah Shaheed area killed three people.", None),
    ],
)
def test_events_in_kabul_neighbourhoods_are_placed(
    extractor: Extractor, text: str, district_name: str | None
) -> None:
    events = extractor.extract(Document("k1", text, dt.date(2019, 5, 3)))
    located = [e for e in events if e.adm1]
    assert located and located[0].adm1 == "AF-KAB"
    district = extractor.gazetteer.adm2_names.get(located[0].adm2 or "")
    assert district == district_name
    named = [name for name in (*POINTS, *SPELLINGS) if name.lower() in text.lower()]
    if named:  # mapped at the neighbourhood's point
        point = POINTS[SPELLINGS.get(named[0], named[0])]
        assert (located[0].lat, located[0].lon) == pytest.approx(point, abs=1e-4)
