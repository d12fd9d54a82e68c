"""Casualty figures a review found wrong (invented news sentences, each with the figure a reader
takes from it): attackers and non-people numbers before an active verb, a second clause's
figure, asides between a figure and its verb, deaths among the wounded, missing vocabulary,
toll updates, number words, hypotheticals, and background or claimed tolls beside an event's."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, ExtractedEvent, Extractor
from signalfire.extract.casualties import find_counts
from signalfire.extract.tolls import sentence_totals

DAY = dt.date(2012, 5, 9)


def events(extractor: Extractor, text: str) -> list[ExtractedEvent]:
    return extractor.extract(Document("d", text, DAY))


def totals(text: str) -> dict[str, int]:
    return sentence_totals(find_counts(text))


def deaths(extractor: Extractor, text: str) -> int | None:
    found = [e.deaths for e in events(extractor, text) if e.deaths is not None]
    return sum(found) if found else None


def injured(extractor: Extractor, text: str) -> int | None:
    found = [e.injured for e in events(extractor, text) if e.injured is not None]
    return sum(found) if found else None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the attackers are the subject, not victims
        ("Two gunmen killed three policemen in Quetta on Tuesday.", 3),
        ("Three suicide bombers killed 20 people at a mosque in Peshawar.", 20),
        ("Dozens of militants killed three soldiers in Bajaur.", 3),
        ("Hundreds of Taliban fighters killed 12 policemen in Kunduz.", 12),
        ("Four gunmen on two motorcycles killed 3 people in Karachi.", 3),
        ("Four gunmen riding motorcycles shot dead three people in Karachi.", 3),
        ("Two suicide attackers killed 15 people in Kabul.", 15),
        ("A suicide bomber killed at least 25 people in Kabul on Tuesday.", 25),
        ("A suicide bomber killed more than 20 people in Quetta.", 21),
        ("A gunman killed at least three people in Karachi.", 3),
        ("A militant killed about 10 villagers in Kunar.", 10),
        ("An Afghan policeman killed at least nine of his colleagues in Uruzgan.", 9),
        ("A Taliban gunman shot dead at least four policemen in Quetta.", 4),
        ("KABUL (Reuters) - A suicide bomber killed at least 25 people and wounded 50.", 25),
        # numbers that are not people
        ("A blast on Route 1 killed 12 people in Zabul.", 12),
        ("A roadside bomb on Highway 1 killed 12 civilians.", 12),
        ("A bomb near Gate 3 killed 15 people.", 15),
        ("A blast in Sector G-9 killed 3 people in Islamabad.", 3),
        ("The TTP's 313 Brigade killed 3 soldiers in Bannu.", 3),
        ("Gunmen with AK-47 killed 3 people in Karachi.", 3),
        ("A bomb weighing 25 kilograms killed 3 people in Quetta.", 3),
        ("A car packed with 25 kilograms of explosives killed 3 soldiers.", 3),
        ("The blast at 10 killed 3 people.", 3),
        ("The 9/11 mastermind's nephew was killed in a drone strike.", 1),
        # passives and headlines stay as they were
        ("Three soldiers were killed 12 km from Miranshah.", 3),
        ("3 killed, 4 injured in Quetta blast", 3),
        ("Three people died the next day in hospital.", 3),
        ("A suicide bomber killed 25 people in Kabul.", 25),
    ],
)
def test_the_subject_of_an_active_verb_is_no_victim(text: str, killed: int) -> None:
    assert totals(text).get("killed") == killed


def test_a_wounding_attacker_is_no_victim() -> None:
    assert totals("A teenage suicide bomber wounded at least 15 people in Kabul.") == {
        "injured": 15
    }


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three soldiers were killed and five militants died in the clash in Bajaur.", 8),
        ("Three soldiers were martyred while five militants were killed in Bajaur.", 8),
        ("Three soldiers were martyred, while five terrorists were also killed.", 8),
        ("Five militants were killed and three soldiers were martyred in the clash.", 8),
        (
            "In the ensuing exchange of fire, six terrorists were killed while two soldiers "
            "embraced martyrdom.",
            8,
        ),
        ("Six terrorists were killed whereas two soldiers were martyred in Khyber.", 8),
        # an object of the first verb is not counted again at the second
        ("Troops killed 13 militants who had killed 5 soldiers last year.", 13),
    ],
)
def test_a_second_clause_adds_its_figure(text: str, killed: int) -> None:
    assert totals(text).get("killed") == killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 11 people, mostly civilians, were killed in a blast in Kandahar.", 11),
        ("At least 11 people, most of them civilians, were killed in Kandahar.", 11),
        ("Five people, all members of one family, were killed in the attack.", 5),
        ("Six policemen, two of them officers, were killed in Quetta.", 6),
        ("Two children, aged 7 and 9, were killed in the blast.", 2),
        ("29 militants, including 4 foreigners, were killed in Kunduz.", 29),
        ("Nine people (seven policemen and two civilians) were killed in the attack.", 9),
        ("Nine people - seven policemen and two civilians - were killed in Quetta.", 9),
        ("Seven members of the Afghan Local Police (ALP) were killed in Kunduz.", 7),
        ("Seven Afghan Local Police (ALP) members were killed in Kunduz.", 7),
        ("Five personnel of the Frontier Corps (FC) were martyred in Turbat.", 5),
        ("Five Frontier Corps (FC) personnel were martyred in Turbat.", 5),
        ("Five soldiers of the Afghan National Army (ANA) were killed in Helmand.", 5),
        ("A total of 29 militants including 4 foreigners were killed in Kunduz.", 29),
        ("Twelve people including 3 children were killed in the blast.", 12),
        ("The blast killed 12 people, 3 of them children.", 12),
        # a list before the verb is still summed
        ("Two soldiers and a civilian were killed in the blast.", 3),
    ],
)
def test_an_aside_keeps_the_figure(text: str, expected: int) -> None:
    assert totals(text).get("killed") == expected


def test_an_aside_keeps_the_injured_figure() -> None:
    assert totals("Four people, three of whom were women, were wounded in the blast.") == {
        "injured": 4
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two of the wounded died in hospital in Peshawar on Tuesday.", {"killed": 2}),
        ("Two more wounded died in hospital in Peshawar.", {"killed": 2}),
        (
            "Two soldiers who were wounded in Monday's attack died in hospital on Tuesday.",
            {"killed": 2},
        ),
        ("Three of the injured later succumbed to their wounds in Peshawar.", {"killed": 3}),
        ("Three injured persons succumbed to their injuries in Peshawar.", {"killed": 3}),
        ("An injured policeman succumbed to his injuries in Peshawar.", {"killed": 1}),
        # the wounded who live stay wounded
        ("Five people were injured and two died in the blast.", {"injured": 5, "killed": 2}),
        (
            "Five people were injured when a bomb went off near a school where two children "
            "died last year.",
            {"injured": 5},
        ),
    ],
)
def test_deaths_among_the_wounded_are_deaths(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


def test_deaths_among_the_wounded_add_to_the_toll(extractor: Extractor) -> None:
    text = (
        "A bomb killed four people in Peshawar on Monday. Two of the wounded died in hospital "
        "on Tuesday."
    )
    assert deaths(extractor, text) == 6
    text = (
        "A bomb killed four people and wounded 20 in Peshawar on Monday. Two of the wounded "
        "died later, officials said."
    )
    # (the two who died are no longer among the wounded: the same person is not both)
    assert (deaths(extractor, text), injured(extractor, text)) == (6, 18)
    # a toll given with them is the total
    text = (
        "A bomb killed four people in Peshawar on Monday. Two of the injured later succumbed "
        "to their wounds, raising the toll to six."
    )
    assert deaths(extractor, text) == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two FC jawans embraced shahadat in Kech on Tuesday.", {"killed": 2}),
        (
            "Four terrorists were killed, while two soldiers embraced shahadat in Tirah.",
            {"killed": 6},
        ),
        ("A Shia scholar was target-killed in Karachi on Tuesday.", {"killed": 1}),
        ("Two activists of the MQM were target killed in Karachi.", {"killed": 2}),
        ("A policeman was stabbed to death in Peshawar on Tuesday.", {"killed": 1}),
        ("Two men were burnt alive in their car in Quetta.", {"killed": 2}),
        ("A man was lynched by a mob in Nowshera.", {"killed": 1}),
        (
            "Gunmen opened fire on a van in Karachi, killing two polio workers and injuring a "
            "third.",
            {"killed": 2, "injured": 1},
        ),
        (
            "An Afghan National Army soldier was killed and another was wounded in Kandahar.",
            {"killed": 1, "injured": 1},
        ),
        ("One soldier was killed and another injured in the blast.", {"killed": 1, "injured": 1}),
        (
            "A policeman was martyred while another sustained injuries in Lakki Marwat.",
            {"killed": 1, "injured": 1},
        ),
        (
            "Eleven people were killed and as many injured in a bomb blast in Hangu.",
            {"killed": 11, "injured": 11},
        ),
    ],
)
def test_more_death_and_injury_words(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peshawar blast: death toll climbs to 11",
        "Peshawar blast toll climbs to 11",
        "The death toll jumped to 11 in Peshawar on Tuesday.",
        "The death toll increased to 11 on Tuesday.",
        "The death toll went up to 11 on Tuesday.",
        "The death toll mounted to 11 on Tuesday.",
        "The death toll is now 11.",
        "The death toll has now reached 11.",
        "Fatalities rose to 11 on Tuesday.",
        "The death toll of the Peshawar blast rose to 11.",
        "The number of people killed in the Peshawar blast rose to 11.",
        "The number of those killed rose to 11.",
        "The death toll from Monday's suicide bombing in Kohat rose to 11.",
        "The death toll from Monday's suicide bombing near a mosque rose to 11.",
        "The death toll in Monday's twin blasts in Parachinar has climbed to 11.",
        "The death toll of Monday's bombing in Kohat reached 11.",
    ],
)
def test_toll_updates_are_read(text: str) -> None:
    assert totals(text) == {"killed": 11}


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Half a dozen militants were killed in Tirah.", 6),
        ("Security forces killed half a dozen militants in Tirah.", 6),
        ("The attack killed several dozen people in Peshawar.", 24),
        ("A hundred people were killed in the attack in Peshawar.", 100),
        ("The attack killed over a hundred people in Peshawar.", 101),
        ("The attack killed more than a hundred people in Peshawar.", 101),
        ("A bomb killed one thousand people.", 1000),
        ("Three 12-year-old boys were killed in the blast.", 3),
        ("Two hundred militants were killed in the operation.", 200),
    ],
)
def test_number_words(text: str, killed: int) -> None:
    assert totals(text).get("killed") == killed


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban said they could kill hundreds of soldiers if the army entered the valley.",
        "The bomb could have killed dozens of people had it exploded, police said.",
        "The device would have killed scores of worshippers.",
    ],
)
def test_what_could_have_happened_is_no_toll(text: str) -> None:
    assert totals(text) == {}


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # an earlier event's toll in a sentence of its own
        (
            "Militants killed four soldiers in Bajaur on Tuesday. The group killed 12 people in "
            "a similar attack last year.",
            4,
        ),
        (
            "Militants killed four soldiers in Bajaur on Tuesday. In 2009, a similar attack "
            "killed 12 soldiers in the area.",
            4,
        ),
        (
            "Militants killed four soldiers in Bajaur on Tuesday. Last month, militants killed "
            "12 soldiers in the same area.",
            4,
        ),
        (
            "A bomb killed four people in Quetta on Tuesday. Quetta has seen several attacks "
            "this year, including a January bombing that killed 92 people.",
            4,
        ),
        (
            "Gunmen killed 3 people in Karachi on Tuesday. Over 3,000 people were killed in "
            "Karachi in 2013.",
            3,
        ),
        # ... and in the same sentence
        (
            "The TTP, which killed 12 soldiers in Swat last year, claimed the attack in Peshawar "
            "on Tuesday that killed three policemen.",
            3,
        ),
        (
            "The group, responsible for the deaths of more than 100 people, claimed Tuesday's "
            "attack in Quetta which killed six.",
            6,
        ),
        (
            "A bomb killed three people in Quetta on Tuesday, a week after a similar attack on "
            "May 1 killed 10 people.",
            3,
        ),
        # a claimed toll gives way to the reported one
        (
            "Officials said two soldiers were killed in the attack in Kunar. Taliban spokesman "
            "Zabihullah Mujahid claimed that 30 soldiers were killed.",
            2,
        ),
        (
            "Officials said two soldiers were killed in the attack in Kunar. The Taliban claimed "
            "to have killed 30.",
            2,
        ),
        (
            "The Taliban claimed to have killed 30 soldiers in the attack on Tuesday, but the "
            "army said two soldiers were martyred.",
            2,
        ),
        (
            "The TTP claimed responsibility for the attack in Bannu that killed two soldiers, "
            "saying its fighters had killed 20.",
            2,
        ),
        # alone, a claim or a past toll is still the story's figure
        ("The Taliban claimed to have killed 30 soldiers in Kunar.", 30),
        ("Over 3,000 people were killed in Karachi in 2013.", 3001),
    ],
)
def test_background_and_claimed_tolls_give_way(
    extractor: Extractor, text: str, killed: int
) -> None:
    assert deaths(extractor, text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a part of a toll told before
        (
            "14 killed in Quetta blast\nQUETTA: Two of the dead were children, police said "
            "after a bomb exploded in a market on Tuesday.",
            14,
        ),
        # a tally is no toll update
        (
            "Gunmen killed 3 people in Karachi's Lyari area on Tuesday, bringing the number of "
            "people killed in Karachi this year to 1,200.",
            3,
        ),
        (
            "On Tuesday, the bodies of three policemen who were abducted last week were found "
            "in Kunduz.",
            3,
        ),
    ],
)
def test_what_the_second_clause_rule_must_not_read(
    extractor: Extractor, text: str, killed: int
) -> None:
    assert deaths(extractor, text) == killed


def test_a_claimed_deed_is_no_claimed_figure(extractor: Extractor) -> None:
    text = (
        "Unknown gunmen shot dead labourer in Pakistan's Quetta.\n"
        "IS claims killing two Shias in Pakistan's Quetta."
    )
    assert deaths(extractor, text) == 2


def test_a_third_victim_and_a_long_toll_phrase() -> None:
    assert totals("Two polio workers were shot dead and a third was injured in Karachi.") == {
        "killed": 2,
        "injured": 1,
    }
    text = (
        "The death toll from Monday's suicide attack on a police training centre in Quetta "
        "rose to 61 on Tuesday."
    )
    assert totals(text) == {"killed": 61}


def test_taliban_as_listed_victims_and_took_hostage() -> None:
    text = (
        "Taliban fighters and Afghan forces clashed in Farah, leaving 10 Taliban and three "
        "soldiers dead."
    )
    assert totals(text) == {"killed": 13}
    assert totals("Afghan forces killed two commanders and 10 Taliban in Kunar.") == {"killed": 12}
    assert totals("Militants took hostage four FC personnel in Kharan.") == {"abducted": 4}
