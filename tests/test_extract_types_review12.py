"""Event types the twelfth and thirteenth reviews found wrong, in wordings of our own: fire on a
vehicle of workers or on someone's car, a foiled attack on a post, a bomb of a stated weight,
aircraft by name, attackers firing from the other country, an ambushed passenger convoy, a
group's kind ("sectarian outfit"), past deeds ("involved in incidents of", "responsible for
... including"), hostages exchanged in a truce, material recovered in an arrest, an accident
told before its toll, sentences that tell a fight only as "an exchange of fire" or "opened
fire", a suicide truck bomb, aircraft that attack, and civilians killed in days of fighting."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2023, 10, 5)


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.event_type for e in extractor.extract(Document("t", text, DAY))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen opened fire on a van carrying lady health workers in Mardan, killing two of "
         "them.", "attack_on_civilians"),
        ("Armed men opened fire on a vehicle carrying labourers near Turbat, killing three.",
         "attack_on_civilians"),
        ("Unknown assailants opened fire on his car near Ring Road in Peshawar, killing a former "
         "provincial minister.", "targeted_killing"),
        ("Levies foiled an attack by militants on a checkpost in Zhob, killing one attacker.",
         "armed_clash"),
        ("The bomb squad defused a 10-kilogram bomb planted under a bridge in Khuzdar.",
         "ied_bombing"),
        ("An Afghan Air Force A-29 struck a Taliban hideout in Nad Ali district, killing six "
         "insurgents.", "airstrike"),
        ("Militants firing from inside Afghanistan attacked a border post in Bajaur, killing a "
         "soldier.", "cross_border_shelling"),
        ("Gunmen ambushed a convoy of passenger vehicles near Parachinar, killing 30 people.",
         "attack_on_civilians"),
        ("Attackers rammed an explosives-laden vehicle into the gate of the Bannu cantonment, "
         "killing six soldiers.", "suicide_bombing"),
        ("A suicide truck bomb struck a police compound in Gardez, killing 12 policemen.",
         "suicide_bombing"),
        ("Coalition helicopters and jets attacked an insurgent position in Kunar, killing eight "
         "fighters.", "airstrike"),
        ("Officials said 40 soldiers, 12 civilians and 90 militants had been killed in three days "
         "of fighting in Lashkar Gah.", "armed_clash"),
        # a sentence that tells the fight only as "an exchange of fire" is an event sentence
        ("On 12 May, an exchange of fire took place between own troops and khwarij in Tank "
         "District. As a result, four khwarij were sent to hell.", "armed_clash"),
        ("A convoy of the Frontier Corps was targeted with a vehicle-borne IED near Panjgur. "
         "Three soldiers embraced shahadat.", "ied_bombing"),
    ],
)  # fmt: skip
def test_types_of_review12_and_13(extractor: Extractor, text: str, expected: str) -> None:
    assert _types(extractor, text)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested three members of a banned sectarian outfit in a raid in Karachi.",
        "The CTD apprehended a terrorist involved in multiple incidents of target killing in "
        "Bannu.",
        "Intelligence officials arrested four members of a cell responsible for recent attacks in "
        "Herat, including the bombing of a mosque.",
        "CTD Punjab apprehended a suspect in Lahore, recovering a hand grenade and a pistol from "
        "his possession.",
        "Intelligence officials detained an IS-K member accused of involvement in a bombing in "
        "Kunduz last year.",
        "Police arrested a man who allegedly kidnapped a shopkeeper's son in Sukkur.",
    ],
)
def test_past_deeds_and_seized_material_leave_an_arrest(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == ["arrest"]


def test_hostages_exchanged_under_a_truce_are_no_abduction(extractor: Extractor) -> None:
    text = (
        "Elders said a jirga had brokered a ceasefire between the two tribes in Kurram, and both "
        "sides agreed to exchange hostages."
    )
    assert _types(extractor, text) == ["ceasefire_negotiation"]


def test_an_accident_told_before_its_toll_is_no_event(extractor: Extractor) -> None:
    text = (
        "A coalition helicopter crashed in Logar province on Tuesday. Initial reports indicate "
        "there was no enemy activity in the area. Two crew members died."
    )
    assert _types(extractor, text) == []


def test_an_attack_after_an_accident_is_still_an_event(extractor: Extractor) -> None:
    text = (
        "A police helicopter crashed in Swat on Monday. Taliban militants later attacked the "
        "rescue team, killing two policemen."
    )
    assert _types(extractor, text) == ["armed_clash"]
