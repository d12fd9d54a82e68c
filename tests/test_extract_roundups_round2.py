"""Round-ups of two or three incidents, round 2 (review 22), in wordings of our own: a paragraph
opening on another district's incident whose toll comes in its next sentence, a lead previewing
"separate incidents" that later paragraphs tell, a third incident joined by "and" after
"while", a detail paragraph that names no place going to the lead's incident, a toll update
naming its incident, a lead's trailing ", as ..." clause of other news, and people "taken away"
as an abduction."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2024, 3, 12)


def _events(extractor: Extractor, text: str) -> list:
    return extractor.extract(Document("t", text, DAY))


def _by_place(extractor: Extractor, text: str) -> dict[str, object]:
    return {e.place: e for e in _events(extractor, text)}


@pytest.mark.parametrize(
    ("second", "place", "adm1"),
    [
        (
            "In Khyber, militants attacked a security post in the Tirah valley late on Tuesday, "
            "officials said. In the gun battle that followed, three attackers were killed and a "
            "soldier was martyred.",
            "Khyber",
            "PK-KP",
        ),
        (
            "In Zhob, militants attacked a Frontier Corps post late on Tuesday night, officials "
            "said. In the exchange of fire that followed, three attackers were killed and a "
            "soldier was martyred.",
            "Zhob",
            "PK-BA",
        ),
    ],
)
def test_a_paragraph_opening_on_another_district_whose_toll_comes_next_is_its_own_event(
    extractor: Extractor, second: str, place: str, adm1: str
) -> None:
    text = (
        "PESHAWAR: Four policemen were killed and two injured when militants attacked a "
        "checkpost in Bannu on Tuesday.\n\n" + second
    )
    events = _by_place(extractor, text)
    assert set(events) == {"Bannu", place}
    assert events["Bannu"].deaths == 4
    assert events[place].deaths == 4
    assert events[place].adm1 == adm1
    assert events[place].event_type == "armed_clash"


def test_a_lead_previewing_separate_incidents_keeps_each_and_its_details(
    extractor: Extractor,
) -> None:
    text = (
        "QUETTA: Three Levies men were killed and six people injured when a bomb went off near "
        "their vehicle on Sariab Road in Quetta on Monday, officials said. In separate "
        "incidents, gunmen kidnapped two engineers in Kharan and a shopkeeper was shot dead in "
        "Turbat.\n\nThe bomb had been hidden in a parked motorcycle and went off as the vehicle "
        "passed. The blast damaged several shops nearby.\n\nIn Kharan, armed men stopped the "
        "engineers' car on Monday and took away two engineers of a road company.\n\nIn Turbat, "
        "shopkeeper Naveed Ahmed was shot dead by unknown gunmen near the bazaar on Monday "
        "evening.\n\nThe death toll in the Sariab Road blast rose to four on Monday night when "
        "an injured passer-by died in hospital."
    )
    events = _by_place(extractor, text)
    assert set(events) == {"Quetta", "Kharan", "Turbat"}
    assert events["Quetta"].event_type == "ied_bombing"
    assert events["Quetta"].deaths == 4  # the update naming the Sariab Road blast
    assert events["Kharan"].event_type == "abduction"
    assert events["Turbat"].event_type == "targeted_killing"
    assert events["Turbat"].deaths == 1


def test_a_third_incident_joined_by_and_after_while_is_its_own_event(
    extractor: Extractor,
) -> None:
    text = (
        "PESHAWAR: Five policemen were killed and three injured when militants stormed a police "
        "station in Tank on Monday, while three soldiers died in a roadside bombing in South "
        "Waziristan and a shopkeeper was shot dead in Mardan, officials said."
    )
    events = _by_place(extractor, text)
    assert set(events) == {"Tank", "South Waziristan", "Mardan"}
    assert events["South Waziristan"].deaths == 3
    assert events["Mardan"].deaths == 1
    assert events["Mardan"].event_type == "targeted_killing"


def test_a_detail_paragraph_naming_no_place_goes_to_the_lead_incident(
    extractor: Extractor,
) -> None:
    text = (
        "PESHAWAR: A suicide bomber struck a police convoy in Bannu on Sunday, killing seven "
        "policemen. Separately, gunmen shot dead a teacher in Karak.\n\nThe blast destroyed two "
        "vehicles and injured nine passers-by.\n\nIn Karak, the teacher was shot dead on his way "
        "to school on Sunday morning."
    )
    events = _by_place(extractor, text)
    assert set(events) == {"Bannu", "Karak"}
    assert events["Bannu"].injured == 9
    assert events["Karak"].injured is None
    assert events["Karak"].event_type == "targeted_killing"


def test_a_toll_update_at_a_finer_place_retells_the_lead_incident(extractor: Extractor) -> None:
    text = (
        "PESHAWAR: A suicide bomber rammed a car into an army convoy in North Waziristan on "
        "Saturday, killing ten soldiers. Separately, gunmen killed a policeman in Lakki Marwat."
        "\n\nIn Lakki Marwat, the policeman was shot dead near a polio team on Saturday morning."
        "\n\nOfficials said later that the toll from the convoy bombing in the Mir Ali area had "
        "risen to 12 soldiers."
    )
    events = _by_place(extractor, text)
    assert set(events) == {"North Waziristan", "Lakki Marwat"}
    assert events["North Waziristan"].deaths == 12


def test_a_sentence_opening_on_the_attack_goes_back_to_its_incident(
    extractor: Extractor,
) -> None:
    text = (
        "KARACHI: Three policemen escorting a polio team were shot dead in Korangi on Monday, "
        "while a constable was killed in a clash with dacoits in Shikarpur, police said.\n\n"
        "In Shikarpur, a police constable was killed and another injured in an exchange of fire "
        "with dacoits in the riverine area on Monday.\n\nThe attack on the polio team took place "
        "near a school in Korangi, police said."
    )
    assert set(_by_place(extractor, text)) == {"Korangi", "Shikarpur"}


def test_a_trailing_clause_of_other_news_does_not_move_the_lead_incident(
    extractor: Extractor,
) -> None:
    text = (
        "KABUL: Three Taliban members were killed and five people were wounded when a roadside "
        "bomb hit their vehicle in Jalalabad on Monday, officials said, as clashes with the "
        "National Resistance Front were reported in Panjshir and Taliban intelligence announced "
        "arrests in Herat."
    )
    (event,) = _events(extractor, text)
    assert (event.place, event.adm1, event.deaths) == ("Jalalabad", "AF-NAN", 3)


@pytest.mark.parametrize(
    "text",
    [
        "QUETTA: In Panjgur, armed men stopped a bus on the highway on Sunday and took away "
        "three passengers.",
        "PESHAWAR: Gunmen whisked away two teachers from a school in Khyber district on Monday.",
    ],
)
def test_people_taken_away_are_an_abduction(extractor: Extractor, text: str) -> None:
    assert [e.event_type for e in _events(extractor, text)] == ["abduction"]
    # (bodies taken away are none)
    bodies = "QUETTA: Police took away the bodies of two men found in a ravine in Kalat on Sunday."
    assert _events(extractor, bodies) == []


def test_strikes_told_in_outline_by_province_take_the_kindless_incident_told_later(
    extractor: Extractor,
) -> None:
    text = (
        "KABUL: Pakistani air strikes inside Afghanistan early on Tuesday killed six people, the "
        "Taliban government said.\n\nTaliban spokesman Zabihullah Mujahid said Pakistani jets "
        "bombed civilian homes in Khost and Paktika provinces overnight.\n\nPakistan's foreign "
        "ministry said it had carried out operations against militants of the Hafiz Gul Bahadur "
        "group, which it blamed for an attack on Sunday on an army post in Mir Ali, North "
        "Waziristan, that killed five soldiers.\n\nAccording to local officials, in the Spira "
        "district of Khost, a house was hit, killing four women. In the Barmal district of "
        "Paktika, two more people were killed when another house was struck."
    )
    events = _by_place(extractor, text)
    assert "Khost" not in events
    assert (events["Spira"].event_type, events["Spira"].deaths) == ("airstrike", 4)


def test_a_lead_clause_of_another_kind_in_the_same_district_is_its_own_event(
    extractor: Extractor,
) -> None:
    text = (
        "KARACHI: Two traffic wardens were shot dead in Baldia Town on Sunday, while six people "
        "were injured in a hand grenade attack in Lyari, police said.\n\nPolice said the wardens "
        "were attacked while on duty near a busy intersection.\n\nIn Lyari, unidentified men on "
        "a motorcycle hurled a grenade at a crowded tea stall on Sunday night, injuring six "
        "people."
    )
    events = _by_place(extractor, text)
    assert set(events) == {"Baldia Town", "Lyari"}
    assert (events["Baldia Town"].deaths, events["Baldia Town"].injured) == (2, None)
    assert (events["Lyari"].deaths, events["Lyari"].injured) == (None, 6)
