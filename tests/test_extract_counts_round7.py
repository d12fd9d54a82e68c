"""Kill, wound and capture counts for the classes of review 9 (sentences written for these
tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements and wire
reports, not taken from the review cases): an abbreviation's full stop inside a count's span, a
victim joined or named beside a figure, an aside before a later victim sentence, wounded
captives, and seized material that is no person."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, P, T, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2016, 3, 14)
H = "KABUL, Afghanistan (March 14, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: an abbreviation's full stops ("U.S.", "U.N.", "U.K.") inside an aside or a list's span.
ABBREVIATIONS = [
    (
        K + "At least 60 people, including four U.S. Marines, were killed in the bombing at "
        "the Kabul airport gate on Thursday, officials said.",
        (0, 60, 0, 0),
    ),
    (
        W + "A senior Taliban commander was killed in a U.S. drone strike in North Waziristan "
        "on Saturday, along with two of his guards, officials said.",
        (0, 3, 0, 0),
    ),
    (
        H + "Eleven insurgents, including a U.N.-designated Haqqani facilitator, were detained "
        "by Afghan and coalition forces in Khost province.",
        (11, 0, 0, 0),
    ),
    (
        T + "The district chief, along with two U.N. staff members, was abducted by gunmen on "
        "the Kabul-Kandahar highway on Monday.",
        (0, 0, 0, 3),
    ),
    (
        P + "Five soldiers, among them a U.K.-trained officer, embraced shahadat when terrorists "
        "attacked a check post in Zhob.",
        (0, 5, 0, 0),
    ),
    (
        K + "Two policemen, including a guard at the U.S. embassy, were wounded when a "
        "roadside bomb exploded in Kabul on Tuesday.",
        (0, 0, 2, 0),
    ),
    (
        K + "Five people, including two contractors from the U.S., were killed in the attack "
        "on a guesthouse in Kabul on Monday.",
        (0, 5, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviation_dot_inside_span(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 2: a victim joined to a figure or named beside it: a civilian noun after "and", a name in a
# relative clause, an item with a post-modifier and a name, an aside before "also died", and
# a deed held against the victim (its own victims are background).
JOINED_VICTIMS = [
    (
        W + "Gunmen killed nine foreign trekkers and a local porter at a camp in the Diamer "
        "district overnight, officials said.",
        (0, 10, 0, 0),
    ),
    (
        K + "A suicide bomber killed 14 mourners and a tourist at a funeral in Nangarhar "
        "province on Sunday.",
        (0, 15, 0, 0),
    ),
    (
        H + "ISAF condemns the murder of Mohammad Nabi Khan, who was shot dead by insurgents "
        "outside his home in Helmand province yesterday.",
        (0, 1, 0, 0),
    ),
    (
        T + "Police said a respected tribal elder of Nad Ali, who was gunned down by unknown "
        "men on Sunday, had received threats from the group.",
        (0, 1, 0, 0),
    ),
    (
        T + "The police chief of Kunduz province, General Abdul Rahman, and three of his "
        "bodyguards were killed in a blast in Kunduz city on Tuesday.",
        (0, 4, 0, 0),
    ),
    (
        K + "The head of the provincial council, Haji Gul Agha, and two other people were "
        "wounded when a bomb exploded in Kandahar on Monday.",
        (0, 0, 3, 0),
    ),
    (
        W + "A Taliban commander was killed in a raid in Kunar province on Sunday. Three other "
        "militants, including his deputy, also died in the operation, officials said.",
        (0, 4, 0, 0),
    ),
    (
        P + "A terrorist wanted for the killing of three policemen was killed during an "
        "intelligence based operation in Tank district, the ISPR said.",
        (0, 1, 0, 0),
    ),
    (
        H + "An insurgent involved in the kidnapping of two engineers was detained by Afghan "
        "forces in Ghazni province.",
        (1, 0, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_VICTIMS)
def test_joined_or_named_victim_counted(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# A relative clause with "also" tells one already among a toll: not added.
def test_also_martyred_relative_clause_not_added(extractor: Extractor) -> None:
    text = (
        "QUETTA (Dawn) - At least 30 people were killed when a suicide bomber blew himself up "
        "near a rally in Mastung. The bomber struck near the car of DSP Ahmad Raza, who was "
        "also martyred."
    )
    assert counts(extractor, text)[1] == 30


# 3: an "including" aside in the toll sentence does not stop a later sentence's bomber from
# being added (he is counted only where the text says he died).
BOMBER_AFTER_ASIDE = [
    (
        K + "A suicide bomber struck a NATO convoy in Kabul on Monday, killing two civilians and "
        "wounding 12 others, including four U.S. soldiers. The attacker also died in the blast.",
        (0, 3, 12, 0),
    ),
    (
        W + "A suicide bomber attacked a police checkpoint in Peshawar, killing three policemen "
        "and wounding eight people, among them two children. The bomber was killed on the spot.",
        (0, 4, 8, 0),
    ),
    (
        H + "A suicide bomber on foot attacked a coalition patrol in Khost province today, "
        "killing one Afghan civilian and wounding six others, including two coalition service "
        "members. The bomber blew himself up.",
        (0, 1, 6, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), BOMBER_AFTER_ASIDE)
def test_bomber_after_including_aside(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 4: wounded captives are captured and wounded, not only wounded.
WOUNDED_CAPTIVES = [
    (
        P + "Security forces conducted an intelligence based operation in North Waziristan. "
        "After an intense exchange of fire, four khwarij were sent to hell, while three injured "
        "khwarij were apprehended.",
        (3, 4, 3, 0),
    ),
    (
        T + "Two wounded Daesh fighters were arrested by the Islamic Emirate's forces after a "
        "clash in Nangarhar province.",
        (2, 0, 2, 0),
    ),
    (
        W + "Police said five injured suspects were later arrested at a hospital in Peshawar "
        "after the shootout.",
        (5, 0, 5, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), WOUNDED_CAPTIVES)
def test_wounded_captives_are_captured(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 5: seized material is never people.
SEIZED_MATERIAL = [
    (
        P + "Security forces apprehended three terrorists in Khyber district. Weapons, "
        "ammunition and three suicide jackets were seized from their possession.",
        (3, 0, 0, 0),
    ),
    (
        T + "The Islamic Emirate's forces detained four Daesh members in Kabul; four pistols and "
        "two laptops were seized.",
        (4, 0, 0, 0),
    ),
    (
        "JALALABAD (Pajhwok) - NDS forces arrested two members of a Daesh cell in Jalalabad "
        "city. Explosives and two suicide vests were seized from the suspects.",
        (2, 0, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEIZED_MATERIAL)
def test_seized_material_is_no_abduction(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 2 (wider): a named victim as the item before a figure, not a place after a preposition.
NAMED_ITEMS = [
    (
        W + "Major General Sanaullah Niazi and two soldiers were killed when a roadside bomb "
        "hit their vehicle in Upper Dir on Sunday.",
        (0, 3, 0, 0),
    ),
    (
        T + "Mawlawi Abdul Rahim Haqqani and three of his guards were martyred in an explosion "
        "at a religious school in Kabul.",
        (0, 4, 0, 0),
    ),
    (
        K + "Fighting raged in Nad Ali and two Afghan soldiers were killed, officials said.",
        (0, 2, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_ITEMS)
def test_named_item_before_figure(
    extractor: Extractor, text: str, expected: tuple[int, int, int, int]
) -> None:
    assert counts(extractor, text) == expected
