"""Places and dates from the fifth and fourth reviews (review5 findings 4, 5, 6 and 10; review4
D1 and D2): where a person or convoy came from is not where the event happened, "near the
Afghan border" is Pakistan's side, datelines (title case, day first) name where the report was
filed and are only a fallback, capital phrases and missing places, and a date that says when a
source spoke is not the event's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from signalfire.extract import Document, ExtractedEvent, Extractor
from signalfire.extract.datelines import dateline_span, reporting_date
from signalfire.extract.dates import find_dates
from signalfire.extract.geoparse import PlaceMention, country_votes, origin_place

DAY = dt.date(2012, 5, 9)  # a Wednesday: Monday is 05-07, Sunday 05-06


def first(extractor: Extractor, text: str, day: dt.date | None = DAY) -> ExtractedEvent:
    events = extractor.extract(Document("d", text, day))
    assert events, text
    return events[0]


def where(extractor: Extractor, text: str) -> tuple[str | None, str | None, str | None]:
    """(country, province, district name) of the first event."""
    e = first(extractor, text)
    district = extractor.gazetteer.adm2_names.get(e.adm2, e.adm2) if e.adm2 else None
    return e.country, e.adm1, district


# -- finding 4: origins, routes and posts are not the scene ------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Quetta-based militant group claimed responsibility for the killing of two "
            "soldiers in Zhob.",
            ("PAK", "PK-BA", "Zhob"),
        ),
        (
            "A native of Swat, the policeman was shot dead outside his home in Peshawar on Sunday.",
            ("PAK", "PK-KP", "Peshawar"),
        ),
        (
            "The slain journalist, who hailed from Bannu, was killed in Karachi's Orangi Town.",
            ("PAK", "PK-SD", "Karachi"),
        ),
        (
            "Police said the bomber, a resident of North Waziristan, blew himself up at a "
            "checkpoint in Rawalpindi, killing six.",
            ("PAK", "PK-PB", "Rawalpindi"),
        ),
        (
            "Militants who fled from Swat to Dir attacked a police post in Lower Dir, killing "
            "three policemen.",
            ("PAK", "PK-KP", "Lower Dir"),
        ),
        (
            "A convoy travelling from Peshawar to Kohat was ambushed in Darra Adam Khel, killing "
            "two soldiers.",
            ("PAK", "PK-KP", "Kohat"),
        ),
        (
            "A bus heading from Quetta to Taftan was stopped near Mastung and 14 passengers were "
            "shot dead.",
            ("PAK", "PK-BA", "Mastung"),
        ),
        (
            "A bus travelling from Gilgit to Rawalpindi was attacked in Kohistan, killing 9.",
            ("PAK", "PK-KP", "Kohistan"),
        ),
        (
            "Militants killed Malik Jalal Khan, an elder of Kurram, in Hangu district.",
            ("PAK", "PK-KP", "Hangu"),
        ),
        ("A Peshawar-based journalist was shot dead in Charsadda.", ("PAK", "PK-KP", "Charsadda")),
        (
            "Three people from Swat were killed in a blast in Peshawar.",
            ("PAK", "PK-KP", "Peshawar"),
        ),
        (
            "The victims, who belonged to Kurram, were killed in a bomb blast in Kohat.",
            ("PAK", "PK-KP", "Kohat"),
        ),
        # ... and the origin in the other country
        ("Gunmen shot dead Khost resident Ali Khan in Peshawar.", ("PAK", "PK-KP", "Peshawar")),
        ("Gunmen killed a Kandahar-born shopkeeper in Quetta.", ("PAK", "PK-BA", "Quetta")),
        (
            "Afghan refugees from Kunar were killed in a blast in Peshawar's Board Bazaar, "
            "killing 6.",
            ("PAK", "PK-KP", "Peshawar"),
        ),
        # a post's place names whom the victim served, not where he died
        ("Gunmen shot dead Hangu police chief Nasir Khan in Kohat.", ("PAK", "PK-KP", "Kohat")),
        # the only place named stays, origin or not
        ("A native of Swat, the policeman was shot dead on Sunday.", ("PAK", "PK-KP", "Swat")),
        # kidnapped from: the scene; a distance from a town: the scene is near it
        (
            "Two engineers were kidnapped from Dera Bugti on their way to Quetta.",
            ("PAK", "PK-BA", "Dera Bugti"),
        ),
        (
            "Gunmen from Khyber killed two policemen 10 km from Peshawar on Sunday.",
            ("PAK", "PK-KP", "Peshawar"),
        ),
    ],
)
def test_origins_routes_and_posts_do_not_place_the_event(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert where(extractor, text) == expected


# -- finding 5: "near the Afghan border" is the Pakistani side ----------------------------------
@pytest.mark.parametrize(
    ("text", "country", "state"),
    [
        ("Two soldiers were killed in an attack near the Afghan border, the army said.", "PAK",
         "pak_military"),
        ("Four Pakistani soldiers were killed near the Afghan border.", "PAK", "pak_military"),
        ("Militants attacked a post near the border with Afghanistan, killing two soldiers, the "
         "ISPR said.", "PAK", "pak_military"),
        ("Two soldiers were killed in an attack near the Pakistani border on Monday.", "AFG",
         "afg_military"),
        ("Insurgents attacked a checkpoint along the border with Pakistan, killing three "
         "soldiers.", "AFG", "afg_military"),
        # a border between two countries, or a third country's side
        ("Death toll rises to 17 in India-Pakistan border firing.", "PAK", None),
        ("Jaish al-Adl claimed the killing of 10 Iranian border guards near the Pakistani "
         "border.", "IRN", None),
        # a force named for the border is its country's
        ("Four Afghan border policemen were killed in an ambush on Monday.", "AFG",
         "afg_military"),
    ],
)  # fmt: skip
def test_a_border_phrase_names_the_other_side(
    extractor: Extractor, text: str, country: str, state: str | None
) -> None:
    e = first(extractor, text)
    assert e.country == country
    assert state is None or state in {a.actor_id for a in e.actors}


def test_islamabads_policy_is_no_place(extractor: Extractor) -> None:
    e = first(extractor, "Militants killed two soldiers in Kurram, testing Islamabad's resolve.")
    assert (e.country, e.adm1) == ("PAK", "PK-KP")
    e = first(extractor, "Islamabad's policy was blamed after militants killed two soldiers.")
    assert (e.country, e.adm1) == ("PAK", None)


def test_rockets_from_the_other_country_land_where_they_land(extractor: Extractor) -> None:
    e = first(
        extractor,
        "Rockets fired from Pakistan landed in Dangam district of Kunar, wounding two children.",
    )
    assert (e.country, e.adm1) == ("AFG", "AF-KNR")


# -- finding 6: datelines and capital phrases ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quetta (AFP) - Gunmen killed 3 soldiers in Kech.", ("PAK", "PK-BA", "Kech")),
        ("Kabul (AFP) - Gunmen killed 3 soldiers in Kandahar.", ("AFG", "AF-KAN", None)),
        ("Kabul, Afghanistan (AP) — Gunmen killed 3 soldiers in Kandahar.",
         ("AFG", "AF-KAN", None)),
        ("Islamabad, Pakistan - Gunmen killed 3 soldiers in Kech.", ("PAK", "PK-BA", "Kech")),
        ("Peshawar, May 8 (PTI) Two policemen were shot dead in Mardan.",
         ("PAK", "PK-KP", "Mardan")),
        # capital phrases
        ("A bomb killed three people in the Pakistani capital on Monday.",
         ("PAK", "PK-IS", "Islamabad Capital Territory")),
        ("A suicide bomber blew himself up in the Afghan capital, killing 14 people.",
         ("AFG", "AF-KAB", "Kabul")),
        ("KABUL, Afghanistan (AP) — Gunmen stormed a guesthouse in the Afghan capital on "
         "Wednesday, killing four foreigners.", ("AFG", "AF-KAB", "Kabul")),
        # a dateline is the fallback when the body names no place
        ("KABUL (Reuters) - A suicide bomber killed six people outside a ministry on Tuesday.",
         ("AFG", "AF-KAB", None)),
        # (its province: reporters file from a provincial capital on the whole province)
        ("QUETTA, Pakistan (AP) — Gunmen killed three policemen on Saturday, police said.",
         ("PAK", "PK-BA", None)),
        ("Peshawar (AFP) - A suicide bomber killed at least 40 people at a crowded vegetable "
         "market, officials said.", ("PAK", "PK-KP", None)),
        # ... but not a press release's, filed from the headquarters
        ("KABUL, Afghanistan (May 24, 2011) - An Afghan and coalition security force detained "
         "two suspected insurgents yesterday.", ("AFG", None, None)),
        # a headline's place above the dateline is the event's
        (
            "14 killed in Quetta blast\nQUETTA: Two of the dead were children, police said after "
            "a bomb exploded in a market on Tuesday.",
            ("PAK", "PK-BA", "Quetta"),
        ),
        # ... and not otherwise
        ("QUETTA: Gunmen killed three Levies personnel in Kech on Monday.",
         ("PAK", "PK-BA", "Kech")),
        # a headline that opens with its place is no dateline
        ("North Waziristan: 19 killed as US steps up drone strikes.",
         ("PAK", "PK-KP", "North Waziristan")),
    ],
)  # fmt: skip
def test_datelines_and_capitals(
    extractor: Extractor, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert where(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("QUETTA, 8 May: Five Levies personnel were martyred.", "QUETTA, 8 May"),
        ("KABUL, 8 May 2012 (AFP) - Taliban insurgents killed", "KABUL, 8 May 2012"),
        ("Kabul, Afghanistan (AP) — Gunmen killed", "Kabul, Afghanistan (AP)"),
        ("Quetta (AFP) - Gunmen", "Quetta (AFP)"),
        ("Blast kills 5\nPeshawar, Jul 3 (PTI) Two personnel", "Peshawar, Jul 3"),
        ("North Waziristan: 19 killed as US steps up drone strikes.", None),
        ("Kabul is calm after the attack, officials said.", None),
        # a sentence opening with its date
        ("On May 8, 12 people were killed in a blast in Kabul.", None),
        ("On 8 May 12 people were killed in a blast in Kabul.", None),
        ("Monday, May 7 - A blast killed two.", None),
    ],
)
def test_dateline_span(text: str, dateline: str | None) -> None:
    span = dateline_span(text)
    assert (text[span[0] : span[1]] if span else None) == dateline


# -- finding 10: gazetteer gaps -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Pakistani soldier was killed in cross-border firing from Afghanistan near the "
         "Torkham border crossing.", ("PAK", "PK-KP", "Khyber")),
        ("Pakistani and Afghan forces exchanged fire at Torkham, leaving one soldier dead.",
         ("PAK", "PK-KP", "Khyber")),
        ("A blast at the Torkham border killed two.", ("PAK", "PK-KP", "Khyber")),
        ("Taliban attacked a border post in Nangarhar's Torkham area, killing 2 Afghan "
         "policemen.", ("AFG", "AF-NAN", "Muhmand Dara")),
        ("Gunmen attacked a Sikh temple in Karte Parwan, Kabul, killing one.",
         ("AFG", "AF-KAB", "Kabul")),
        ("LAHORE: A suicide bomber killed 70 people in Gulshan-e-Iqbal Park on Sunday.",
         ("PAK", "PK-PB", "Lahore")),
        ("A Daesh attack in Haska Mina district killed four Afghan soldiers.",
         ("AFG", "AF-NAN", "Deh Bala")),
        ("A suicide bomber attacked Bagram Airfield, killing two US soldiers.",
         ("AFG", "AF-PAR", "Bagram")),
        ("Two soldiers were killed in Mirali.", ("PAK", "PK-KP", "North Waziristan")),
        ("A mine killed three children in Nawa district of Helmand.",
         ("AFG", "AF-HEL", "Nawa-I- Barak Zayi")),
        ("Taliban fighters attacked a US outpost in the Pech valley, killing two soldiers.",
         ("AFG", "AF-KNR", "Dara-I-Pech")),
        ("Security forces killed 12 militants in Shaktoi on Monday.",
         ("PAK", "PK-KP", "South Waziristan")),
        ("A suicide attack in Mardan's Shergarh area killed 26 people at a funeral.",
         ("PAK", "PK-KP", "Mardan")),
        ("Militants attacked the political agent's office in Ghalanai, killing two.",
         ("PAK", "PK-KP", "Mohmand")),
        # (the city, as "in Islamabad" is placed: the capital territory, its one district)
        ("Gunmen killed two policemen in Islamabad's F-8 sector.",
         ("PAK", "PK-IS", "Islamabad Capital Territory")),
        ("A suicide bomber struck Islamabad's Aabpara market, killing four.",
         ("PAK", "PK-IS", "Islamabad Capital Territory")),
        # Karachi's Gulshan-e-Iqbal stays Karachi's
        ("Gunmen killed two men in Gulshan-e-Iqbal on Monday.", ("PAK", "PK-SD", "Karachi")),
        # Ghazni's Nawa when Ghazni is named
        ("Taliban killed four policemen in Nawa district of Ghazni.",
         ("AFG", "AF-GHA", "Nawa")),
    ],
)  # fmt: skip
def test_places_missing_from_the_gazetteer(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert where(extractor, text) == expected


# Published points of the new variant rows (Wikipedia; the park from the map), each checked to
# lie in the district its row names: (ISO 3166-2 province, district, lat, lon).
POINTS = {
    "Torkham": ("PK-KP", "Khyber", 34.1011, 71.0933),
    "Gulshan-e-Iqbal Park": ("PK-PB", "Lahore", 31.512, 74.288),
    "Karte Parwan": ("AF-KAB", "Kabul", 34.535, 69.160),
    "Bagram Airfield": ("AF-PAR", "Bagram", 34.9461, 69.2650),
}


@pytest.fixture(scope="module")
def districts_holding(shared_data: Path) -> dict[str, list[tuple[str, str]]]:
    """The districts (province, name) whose polygons hold each point of POINTS."""
    from shapely.geometry import Point, shape

    out: dict[str, list[tuple[str, str]]] = {name: [] for name in POINTS}
    for fname in ("afg_adm2.geojson", "pak_adm2.geojson"):
        for f in json.loads((shared_data / "geo" / fname).read_text())["features"]:
            geom = shape(f["geometry"])
            for name, (_, _, lat, lon) in POINTS.items():
                if geom.contains(Point(lon, lat)):
                    out[name].append((f["properties"]["adm1_iso"], f["properties"]["adm2_name"]))
    return out


@pytest.mark.parametrize("name", sorted(POINTS))
def test_new_rows_lie_in_their_districts(
    districts_holding: dict[str, list[tuple[str, str]]], name: str
) -> None:
    province, district, _, _ = POINTS[name]
    assert districts_holding[name] == [(province, district)]


# -- review4 D1, D2: the event's date, not the report's -----------------------------------------
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Police said on Monday that a bomb had killed three people in Quetta on Sunday.",
         "2012-05-06"),
        ("A Taliban spokesman said on Tuesday that the group carried out Monday's attack in "
         "Quetta that killed three people.", "2012-05-07"),
        ("In a statement issued on Tuesday, the ISPR said five soldiers were martyred in North "
         "Waziristan on Sunday.", "2012-05-06"),
        ("On Tuesday, officials said a bomb had killed three people in Quetta on Sunday.",
         "2012-05-06"),
        ("Officials on Tuesday confirmed that a bomb killed three people in Quetta on Sunday.",
         "2012-05-06"),
        ("A bomb killed three people in Quetta, officials said on Tuesday. The blast took place "
         "on Sunday evening.", "2012-05-06"),
        # the event's date first: kept
        ("A bomb killed three people in Quetta on Sunday, officials said on Tuesday.",
         "2012-05-06"),
        ("Militants attacked a checkpost in Bannu on Sunday, police said.", "2012-05-06"),
        # only a reporting date: it stands
        ("Officials said on Tuesday that five soldiers were martyred in North Waziristan.",
         "2012-05-08"),
        # a date naming another attack gives way to the event's own day; alone, it stands
        ("Officials confirmed today that a commander who supplied the Quetta bomb attack May 3, "
         "was killed in an airstrike in Kurram yesterday.", "2012-05-08"),
        ("Police said on Tuesday that Sunday's attack on a checkpost in Bannu killed three "
         "soldiers.", "2012-05-06"),
        # a later date is never the event's before the report
        ("Police said on Monday that the suspects would be tried on Friday for the blast that "
         "killed three in Quetta.", "2012-05-07"),
        # day-first datelines: their date is the filing's
        ("QUETTA, 8 May: Five Levies personnel were martyred in Mastung on Monday.",
         "2012-05-07"),
        ("KABUL, 8 May 2012 (AFP) - Taliban insurgents killed five policemen in Helmand on "
         "Monday.", "2012-05-07"),
    ],
)  # fmt: skip
def test_the_event_date_is_not_the_reports(extractor: Extractor, text: str, date: str) -> None:
    assert first(extractor, text).date == dt.date.fromisoformat(date)


def test_yesterday_counts_from_the_datelines_day_not_a_later_published_day(
    extractor: Extractor,
) -> None:
    # a feed republished the release two days after it was filed
    text = (
        "KABUL, Afghanistan (May 7, 2012) - Afghan and coalition forces detained two suspected "
        "insurgents in Khost province yesterday."
    )
    assert first(extractor, text, day=dt.date(2012, 5, 9)).date == dt.date(2012, 5, 6)


def test_a_day_first_dateline_dates_a_report_without_a_published_date(
    extractor: Extractor,
) -> None:
    text = (
        "KABUL, 8 May 2012 (AFP) - Taliban insurgents killed five policemen in Helmand on Monday."
    )
    assert first(extractor, text, day=None).date == dt.date(2012, 5, 7)


@pytest.mark.parametrize(
    ("text", "reporting"),
    [
        ("Police said on Monday that a bomb", [True]),
        ("Officials on Tuesday confirmed the toll", [True]),
        ("On Tuesday, the ISPR said", [True]),
        ("told reporters on Tuesday that", [True]),
        ("A bomb killed three on Sunday, police said", [False]),
        ("On Sunday, militants attacked a post", [False]),
    ],
)
def test_reporting_date(text: str, reporting: list[bool]) -> None:
    found = find_dates(text, DAY)
    assert [reporting_date(text, d.start, d.end, 0) for d in found] == reporting


# -- pure functions on any text -----------------------------------------------------------------
_PIECES = st.sampled_from(
    ["KABUL", "Quetta", " (AFP) ", ", ", "8 May", " May 8", ":", " - ", "\n", "from ", " to ",
     "-based", " border", "Afghan", "said on Monday", " the ", "x"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_dateline_span_lies_in_the_opening(text: str) -> None:
    span = dateline_span(text)
    if span is not None:
        assert 0 <= span[0] < span[1] <= min(len(text), 300)


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 200), st.integers(0, 20))
def test_origin_and_border_tests_take_any_span(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert origin_place(text, start, end) in (True, False)
    votes = country_votes([PlaceMention(start, end, text[start:end], "country:AFG")], text)
    assert votes in ([], ["AFG"], ["PAK"])


_SPOKEN = st.sampled_from(
    ["said", "SAYS", "ſaid", "told", "told reporters", "added", "confirmed", "announced",
     "reported", "stated", "Claimed", "statement", "release", "disclosed", " issued", " late",
     " on", ",", " ", "x", "police", "\n"]
)  # fmt: skip


@given(st.lists(_SPOKEN, max_size=12).map("".join), st.integers(0, 60))
@example("Police said", 0)
@example("in a release", 0)
@example("the statement issued late on", 0)
@example("officials disclosed,", 0)
@example("Police told reporters", 0)
@example("It was reported", 0)
@example("He added", 0)
@example("the ISPR stated", 0)
def test_reporting_date_cue_test_changes_nothing(before: str, sentence_start: int) -> None:
    from signalfire.extract import datelines

    text = before + " Monday"
    start = len(before) + 1
    lo = max(min(sentence_start, start), start - 50)
    slow = bool(datelines._SAID_BEFORE.search(text, lo, start))
    assert (datelines._said_cue(text[lo:start]) and slow) == slow
