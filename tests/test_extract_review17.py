"""Types and places left by review 17, in wordings of our own: an attempt on one person's life
that wounds, a killing with a blade, one bomb dropped from the air, paramilitary units named for
a place, a division that fixes only its province, a captive set free, arrests denied, a unit
whose bombers blew themselves up, a town overrun, and whose a bombed place was."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2024, 3, 12)


def _events(extractor: Extractor, text: str) -> list:
    return extractor.extract(Document("t", text, DAY))


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.event_type for e in _events(extractor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot and wounded a local journalist outside his home in Dera Ismail Khan.",
        "A tribal elder was shot and critically injured in Bajaur on Sunday.",
        "Unknown assailants shot and injured a prayer leader in Mardan.",
        "A lawyer was stabbed to death in his chamber in Quetta on Monday.",
        "A shopkeeper was hacked to death by unknown men in Swat.",
        "A religious scholar was killed in a knife attack in Charsadda.",
    ],
)
def test_one_person_shot_or_stabbed_is_a_targeted_killing(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["targeted_killing"]


@pytest.mark.parametrize(
    "text",
    [
        "Police shot and wounded a suspected militant during a raid in Quetta.",
        "A suspect was shot and injured by police during a search operation in Quetta.",
    ],
)
def test_forces_who_shoot_and_wound_make_no_targeted_killing(
    extractor: Extractor, text: str
) -> None:
    assert "targeted_killing" not in _types(extractor, text)


def test_fire_on_a_crowd_is_an_attack_on_civilians(extractor: Extractor) -> None:
    text = "Gunmen opened fire on a crowd at a bus stand in Parachinar, wounding six people."
    assert _types(extractor, text) == ["attack_on_civilians"]


@pytest.mark.parametrize(
    "text",
    [
        "American aircraft dropped a 2,000-pound bomb on a Taliban compound in Sangin, killing "
        "seven fighters.",
        "The air force dropped its heaviest bomb on a tunnel complex in Tora Bora.",
    ],
)
def test_one_bomb_dropped_is_an_airstrike(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["airstrike"]


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("Two soldiers of the Tochi Scouts were killed in a blast in Bannu district.", "Bannu"),
        ("A Khyber Rifles patrol was ambushed in Kurram district, killing a sepoy.", "Kurram"),
        ("Militants in Chitral Scouts uniforms killed three guards in Swat district.", "Swat"),
    ],
)
def test_a_unit_named_for_a_place_is_not_the_scene(
    extractor: Extractor, text: str, district: str
) -> None:
    (event,) = _events(extractor, text)
    assert event.place == district, event


@pytest.mark.parametrize(
    "text",
    [
        "Two policemen were shot dead in Malakand division on Friday.",
        "A roadside bomb killed three soldiers somewhere in Kohat Division, police said.",
    ],
)
def test_a_division_fixes_the_province_not_the_district(extractor: Extractor, text: str) -> None:
    (event,) = _events(extractor, text)
    assert (event.adm1, event.adm2) == ("PK-KP", None), event


def test_a_district_of_a_divisions_name_still_gives_it(extractor: Extractor) -> None:
    (event,) = _events(extractor, "Two policemen were shot dead in Kohat on Friday.")
    assert event.adm2 is not None


def test_a_captive_set_free_is_no_abduction(extractor: Extractor) -> None:
    text = "Police in Herat arrested four men. An abducted boy was rescued from their house."
    assert _types(extractor, text) == ["arrest"]
    still = "Gunmen abducted a boy in Herat; the abducted boy's father appealed for help."
    assert "abduction" in _types(extractor, still)


@pytest.mark.parametrize(
    "text",
    [
        "Troops found a cache of rockets in Nad Ali district. No one was detained.",
        "A weapons depot was discovered in Zhari. No arrests were made.",
    ],
)
def test_arrests_denied_make_no_arrest(extractor: Extractor, text: str) -> None:
    assert "arrest" not in _types(extractor, text)


def test_attackers_blowing_themselves_up_are_suicide_bombers(extractor: Extractor) -> None:
    text = (
        "Militants stormed a paramilitary camp in Quetta. Six soldiers were killed; all five "
        "attackers died, two of them blowing themselves up."
    )
    assert _types(extractor, text) == ["suicide_bombing"]


def test_a_town_overrun_is_fought_for(extractor: Extractor) -> None:
    text = "Taliban fighters overran the district centre of Jani Khel, killing nine policemen."
    assert _types(extractor, text) == ["armed_clash"]


def test_the_group_whose_caves_were_bombed_is_their_target(extractor: Extractor) -> None:
    text = "U.S. jets bombed caves used by the Islamic State in Achin, killing 20 militants."
    (event,) = _events(extractor, text)
    roles = {a.actor_id: a.role for a in event.actors}
    assert roles.get("isis_k") == "target" and roles.get("usa_military") == "perpetrator", roles


def test_a_name_followed_by_province_is_the_province(extractor: Extractor) -> None:
    # "Kunduz" is also a city and a district; "Kunduz province" is neither
    text = (
        "KUNDUZ CITY, Afghanistan: Nine Taliban fighters were killed in an airstrike in "
        "northern Kunduz province on Monday. The airstrike targeted a gathering in Chahar Dara "
        "district, west of Kunduz city."
    )
    events = _events(extractor, text)
    assert [(e.adm1, e.place) for e in events] == [("AF-KDZ", "Chahar Dara")], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants stormed a police training school in Quetta, killing 61 cadets.",
         "armed_clash"),
        ("Taliban gunmen stormed an army-run school in Peshawar, killing 132 children.",
         "attack_on_civilians"),
    ],
)  # fmt: skip
def test_a_forces_own_school_is_no_civilian_target(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert _types(extractor, text) == [expected]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Two engineers were kidnapped near the Gomal Zam dam in Tank district.", "Tank"),
        ("A bomb exploded in the west of Kabul, killing four.", "Kabul"),
        ("Five soldiers were killed in Khewa district on Monday.", "Khewa"),
    ],
)
def test_landmarks_city_parts_and_other_names(extractor: Extractor, text: str, place: str) -> None:
    (event,) = _events(extractor, text)
    assert event.place == place and event.adm2 is not None, event
