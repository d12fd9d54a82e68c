"""Event types and places the eighth review found wrong, in wordings of our own: forces that
engage (an operation) against insurgents that engage (a fight), fire exchanged, a record of
several past attacks, vehicles of civilians fired on, police fighting a gang, hostages
rescued, and the side of the border that fire across it hit."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers

DAY = dt.date(2024, 3, 18)


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.adm1) for e in extractor.extract(Document("t", text, DAY))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # state forces that engage: their fire in an operation
        ("During the operation in Bajaur District, troops effectively engaged the terrorists' "
         "hideout and six khwarij were sent to hell.", "security_operation"),
        ("After positive identification, the combined force engaged the insurgents, killing two, "
         "in Nad Ali district, Helmand province.", "security_operation"),
        ("An armed man who showed hostile intent was engaged by the security force in Sayed "
         "Abad district, Wardak province, and killed.", "security_operation"),
        # the other side engages, or fire is exchanged: a fight
        ("The patrol was engaged by enemy forces in Sangin district, Helmand province; three "
         "insurgents were killed.", "armed_clash"),
        ("Insurgents engaged an Afghan police patrol in Ghazni province, killing one policeman.",
         "armed_clash"),
        ("Police exchanged fire with militants in Lakki Marwat, killing two of them.",
         "armed_clash"),
        ("Troops conducted an operation in Tank District; the terrorists fired back and two of "
         "them were killed.", "armed_clash"),
        # a record of past deeds, listed, is no fight of today
        ("Security forces killed a wanted commander during an operation in Khyber District. He "
         "was involved in the kidnapping of traders and attacks on police.", "security_operation"),
        # vehicles of civilians fired on
        ("Gunmen fired on a convoy of cars carrying Shiite families in Kurram district, killing "
         "11 people.", "attack_on_civilians"),
        ("Militants opened fire on a bus carrying Hazara labourers near Quetta, killing six.",
         "attack_on_civilians"),
        # police fighting a gang
        ("Two dacoits were killed in an encounter with police in the riverine area of Ghotki.",
         "armed_clash"),
        ("Police recovered two kidnapped traders from a gang in Kashmore after an encounter in "
         "which three dacoits were killed.", "armed_clash"),
    ],
)  # fmt: skip
def test_types_review8(extractor: Extractor, text: str, expected: str) -> None:
    assert [t for t, _ in _events(extractor, text)][:1] == [expected]


def test_crime_without_the_forces_is_still_no_event(extractor: Extractor) -> None:
    assert _events(extractor, "Robbers shot dead a shopkeeper in Hyderabad.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Commandos rescued two abducted engineers in Khyber district.",
        "Police recovered three hostages from kidnappers in Larkana.",
        "The force freed four hostages held by insurgents in Ghazni province.",
    ],
)
def test_hostages_set_free_are_no_abduction(sentence: str) -> None:
    assert "abduction" not in {t.event_type for t in find_triggers(sentence)}


def test_an_abduction_is_still_one() -> None:
    kinds = {t.event_type for t in find_triggers("Gunmen abducted two engineers in Khyber.")}
    assert kinds == {"abduction"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Afghan border forces traded fire with Pakistani troops near the Angoor Adda crossing.",
        "Pakistani soldiers exchanged fire with Afghan forces at Torkham.",
        "Indian troops traded fire with Pakistan in Kashmir.",
    ],
)
def test_two_countries_forces_exchanging_fire_is_fire_across_the_border(sentence: str) -> None:
    assert "cross_border_shelling" in {t.event_type for t in find_triggers(sentence)}


def test_militants_exchanging_fire_with_a_countrys_troops_is_a_fight() -> None:
    kinds = {
        t.event_type
        for t in find_triggers("Militants exchanged fire with Pakistani troops in Mir Ali.")
    }
    assert kinds == {"armed_clash"}


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        # the pair names both sides; the fire landed in Afghanistan
        ("Afghan and Pakistani forces exchanged fire at the Chaman-Spin Boldak crossing after "
         "Pakistani troops fired mortars into Afghan territory. Two Afghan civilians were "
         "wounded.", "AF-KAN"),
        # and here in Pakistan
        ("Afghan and Pakistani forces exchanged fire at the Spin Boldak-Chaman crossing after "
         "Afghan forces fired mortars into Pakistani territory, wounding three Pakistani "
         "civilians.", "PK-BA"),
        # no side said: the first place named
        ("Afghan and Pakistani forces exchanged fire at the Chaman-Spin Boldak crossing.",
         "PK-BA"),
    ],
)  # fmt: skip
def test_fire_across_the_border_is_placed_on_the_side_it_hit(
    extractor: Extractor, text: str, adm1: str
) -> None:
    assert [a for _, a in _events(extractor, text)][:1] == [adm1]
