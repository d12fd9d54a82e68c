"""Types and places the fourteenth (and fifteenth) review found wrong, in wordings of our own:
attackers who fire on a patrol or on the force, tourists of a nationality, dacoits attacking
police vehicles, missiles from a drone, a medical team, insurgents who open fire, an earlier
attack the report follows; places that are names of something else (an army corps, a person, a
capital speaking for its government), a locality's police station put in a district, a country
word with no places of its own, "the city" of a dateline, a name that is a district in two
provinces, and district spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2020, 10, 21)


def _first(extractor: Extractor, text: str) -> tuple[str, str | None, str | None]:
    events = extractor.extract(Document("t", text, DAY))
    assert events, text
    e = events[0]
    name = extractor.gazetteer.adm2_names.get(e.adm2) if e.adm2 else None
    return e.event_type, e.adm1, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Afghan commandos killed two insurgents when they attacked a foot patrol with small-arms "
         "fire in Nad Ali district, Helmand province.", "armed_clash"),
        ("Police killed three militants in Karak after the militants opened fire on them during "
         "a search operation.", "armed_clash"),
        ("Gunmen opened fire on a group of foreign tourists in Swat, killing "
         "two; three suspects were arrested.", "attack_on_civilians"),
        ("Dacoits attacked two police vehicles in the katcha area of Kashmore, killing five "
         "policemen.", "armed_clash"),
        ("Missiles fired from a US drone killed four militants in a compound near Miranshah.",
         "airstrike"),
        ("Gunmen killed eight members of a medical team in Kohat district.",
         "attack_on_civilians"),
        ("As the force approached the compound, armed insurgents opened fire and were engaged "
         "by the force; two insurgents were killed in Zurmat.", "armed_clash"),
        # the earlier attack a raid follows is its background
        ("Troops killed six militants in a raid in Tank district, days after a suicide attack on "
         "a checkpost nearby killed 12 soldiers.", "security_operation"),
    ],
)  # fmt: skip
def test_types_of_review14(extractor: Extractor, text: str, expected: str) -> None:
    assert _first(extractor, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an army corps, a person and a capital speaking are no places
        ("The army's 205 Maiwand Corps said four insurgents were killed in Arghandab district.",
         ("AF-KAN", "Arghandab")),
        ("Gunmen shot dead a journalist, Malala Maiwand, and her driver in Jalalabad on "
         "Thursday.", ("AF-NAN", "Jalalabad")),
        ("Pakistani jets struck what Islamabad said were TTP hideouts in Afghanistan's Khost "
         "province, killing eight people.", ("AF-KHO", None)),
        # a locality's police station put in a district
        ("Militants attacked the Jani Khel police station in Bannu district overnight.",
         ("PK-KP", "Bannu")),
        # "Jani Khel" in Paktia is geoBoundaries' "Jani Khail"
        ("Afghan forces repulsed a Taliban attack on the Jani Khel district centre in Paktia "
         "province, killing 12 insurgents.", ("AF-PIA", "Jani Khail")),
        # a group called an "Indian proxy" does not make the story India's
        ("Security forces killed six terrorists of Indian proxy Fitna al Hindustan in an IBO in "
         "Kalat district.", ("PK-BA", "Kalat")),
        # "the city" of a dateline is the place itself, not only its province
        ("QUETTA: A lawyer was shot dead by gunmen in the city's Satellite Town on Monday.",
         ("PK-BA", "Quetta")),
        ("Gunmen stormed Kabul University on Monday, killing 20 students.", ("AF-KAB", "Kabul")),
    ],
)  # fmt: skip
def test_places_of_review14(
    extractor: Extractor, text: str, expected: tuple[str, str | None]
) -> None:
    assert _first(extractor, text)[1:] == expected


def test_a_hard_landing_with_no_enemy_activity_is_no_event(extractor: Extractor) -> None:
    text = (
        "Three ISAF service members died when their helicopter made a hard landing in Helmand "
        "province today. There was no enemy activity in the area."
    )
    assert extractor.extract(Document("t", text, DAY)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistani forces fired mortar shells into Dand-e-Patan district of Paktia province.",
         ("AF-PIA", "Dand Patan")),
        ("Taliban shot dead the district chief of Dehyak in Ghazni province.",
         ("AF-GHA", "Dih Yak")),
    ],
)  # fmt: skip
def test_district_spellings_of_review15(
    extractor: Extractor, text: str, expected: tuple[str, str | None]
) -> None:
    assert _first(extractor, text)[1:] == expected


def test_a_dateline_without_the_city_gives_its_province_only(extractor: Extractor) -> None:
    # (reporters file from a provincial capital on events anywhere in the province)
    text = "QUETTA: Gunmen shot dead two Levies personnel on Monday, officials said."
    assert _first(extractor, text)[1:] == ("PK-BA", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (review 16) three or more shot dead after a civilians' trigger: no one person targeted
        ("Gunmen offloaded passengers from two buses near Zhob and shot dead 11 of them after "
         "checking their identity cards.", ("attack_on_civilians", "PK-BA", "Zhob")),
        ("Suspected US drone aircraft fired three missiles at a compound in Datta Khel, killing "
         "five militants.", ("airstrike", "PK-KP", "North Waziristan")),
        ("A roadside mine planted by insurgents was defused by army engineers in Pul-e-Alam.",
         ("ied_bombing", "AF-LOG", "Puli Alam")),
        ("An Afghan-led force detained three suspected insurgents in Paktika province's Bermel "
         "district yesterday.", ("arrest", "AF-PKA", "Barmal")),
    ],
)  # fmt: skip
def test_review16(
    extractor: Extractor, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert _first(extractor, text) == expected
