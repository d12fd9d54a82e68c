"""Kill, wound and capture counts for the classes left after reviews 7 and 8 (sentences written
for these tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements
and wire reports, not taken from the review cases): an appositive is the same victim, a second
victim clause adds to the toll, an earlier attack's toll in an arrest story, and captures and
wounded told without a figure of the usual form."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2016, 3, 14)
H = "KABUL, Afghanistan (March 14, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured) as the evaluation sums them."""
    return document_counts(extractor, text, PUB)


# 1: an appositive after a victim noun is the same victim, not a second one.
APPOSITIVES = [
    (
        "QUETTA (AFP) - The death toll from the suicide bombing at a Quetta hospital rose to 41 "
        "on Tuesday, police said. The bomber, a young man from Kuchlak, was also killed.",
        (0, 42, 0),
    ),
    (
        W + "Four policemen were martyred when a terrorist opened fire on a police mobile in "
        "Bannu. The attacker, identified as Abdul Wahab, was killed in retaliatory fire.",
        (0, 5, 0),
    ),
    (
        K + "Gunmen killed three guards at a bank in Kabul on Sunday. The gunman, a former "
        "soldier, was shot dead by police.",
        (0, 4, 0),
    ),
    (
        H + "The suicide bomber, a teenager wearing a police uniform, was killed in the blast "
        "that also killed 12 people in Lashkar Gah.",
        (0, 13, 0),
    ),
    (
        "The NDS said its special forces killed Abdul Wahid Khorasani, a senior commander of the "
        "Islamic State Khorasan, in a raid in Nangarhar province.",
        (0, 1, 0),
    ),
    (
        "QUETTA (AP) - A suicide bomber killed 15 people at an election rally in Mastung on "
        "Friday. The bomber, believed to be a teenager from Afghanistan, also died.",
        (0, 16, 0),
    ),
    (
        K + "A gunman killed four worshippers at a mosque in Herat. The gunman, who was wearing a "
        "police uniform, was shot dead by guards.",
        (0, 5, 0),
    ),
    (
        W + "A suicide bomber killed six soldiers at a checkpoint in Bannu. The bomber, identified "
        "by police as Ahmad Khan, died in the explosion.",
        (0, 7, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPOSITIVES)
def test_appositive_is_one_victim(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 2: a second victim clause adds to the toll: the attack's first victims after the attackers'
# dead, the attacker after his victims (in a release too), a death and "that of" another, and
# the items of a list past a name in apposition.
SECOND_VICTIMS = [
    (
        H + "Afghan and coalition forces killed six insurgents who attacked a checkpoint in "
        "Zhari district, Kandahar province. An Afghan policeman was killed in the initial attack.",
        (0, 7, 0),
    ),
    (
        W + "Security forces killed three terrorists who attacked a check post in Lakki Marwat. "
        "A soldier embraced shahadat during the attack, the ISPR said.",
        (0, 4, 0),
    ),
    (
        H + "An individual in an Afghan police uniform shot and killed two coalition service "
        "members in southern Afghanistan today. The shooter was killed by coalition forces.",
        (0, 3, 0),
    ),
    (
        H + "A coalition service member was killed when insurgents attacked a combat outpost in "
        "Paktika province today. Seven insurgents were killed by coalition forces during the "
        "attack.",
        (0, 8, 0),
    ),
    (
        K + "A man opened fire on worshippers at a mosque in Herat, killing five people. The "
        "shooter was shot dead by guards.",
        (0, 6, 0),
    ),
    (
        H + "Coalition forces killed five insurgents who attacked a patrol in Kandahar province "
        "today. Two Afghan civilians were killed in the initial attack.",
        (0, 7, 0),
    ),
    (
        K + "A bomb killed 10 civilians at a market in Kabul. The civilians were killed in the "
        "attack on the market, the police said.",
        (0, 10, 0),
    ),
    (
        H + "A combined force detained a Haqqani network facilitator in Paktiya province's Zurmat "
        "district. During the operation the force was engaged by an insurgent who was killed.",
        (1, 1, 0),
    ),
    (
        "QUETTA (Reuters) - Militants attacked a police station in Kalat, killing at least 12 "
        "people, officials said. The army said nine soldiers and police were also killed.",
        (0, 21, 0),
    ),
    (
        "BANNU (Dawn) - Commandos stormed a compound in Bannu, killing all 18 militants who had "
        "taken officials hostage. Three commandos were killed in the operation.",
        (0, 21, 0),
    ),
    (
        "QUETTA (Reuters) - The army said it had ended the siege of a hijacked bus in Kalat, "
        "killing all six militants. Nine hostages and two soldiers were killed during the "
        "standoff, a military spokesman said.",
        (0, 17, 0),
    ),
    (
        "The Ministry of Interior of the Islamic Emirate said a Daesh member who attacked a "
        "mosque in Kunduz was killed. Seven worshippers were martyred in the attack.",
        (0, 8, 0),
    ),
    (
        H + "Afghan forces confirmed his death and that of two of his bodyguards.",
        (0, 3, 0),
    ),
    (
        K + "A roadside bomb killed a district governor, Mohammad Nabi Khan, and three of his "
        "guards in Ghazni province on Monday, officials said.",
        (0, 4, 0),
    ),
    (
        "JALALABAD (Reuters) - A gunman opened fire at a wedding, killing the groom's father "
        "and the village elder.",
        (0, 2, 0),
    ),
    (
        "The Islamic Emirate's spokesman said the attack killed a prominent scholar, Sheikh "
        "Rahimullah Haqqani, and four of his students in Kabul.",
        (0, 5, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_VICTIMS)
def test_second_victim_clause_adds(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 3: the toll of an earlier attack dated by its day, told in an arrest story, is the captives'
# crime, not a toll of the day; a toll story keeps it (no other figure of its kind).
DATED_TOLLS = [
    (
        "QUETTA (Dawn) - Police on Saturday arrested two suspected facilitators of the Civil "
        "Hospital bombing, officials said. At least 70 people were killed in the August 8 attack.",
        (2, 0, 0),
    ),
    (
        K + "The National Directorate of Security said it had detained three members of a Daesh "
        "cell behind the wedding hall bombing. The August 17 blast killed 63 people.",
        (3, 0, 0),
    ),
    (
        "QUETTA (Dawn) - The CTD arrested two terrorists involved in the Hazara Town blast. The "
        "blast on April 12 had killed 20 people.",
        (2, 0, 0),
    ),
    (
        K + "The NDS detained three suspects over the wedding hall bombing, officials said. The "
        "August 17 bombing killed 63 people and wounded nearly 200.",
        (3, 0, 0),
    ),
    (
        "QUETTA (AP) - Police arrested two suspects in Quetta on Monday. The bombing last Friday "
        "killed 30 people.",
        (2, 0, 0),
    ),
    (
        "KARACHI (Dawn) - Police arrested a suspect in the Safoora bus massacre. Forty-five "
        "passengers were killed in the attack last month.",
        (1, 0, 0),
    ),
    (
        K + "Afghan intelligence said it had detained four men behind last month's attack on the "
        "Intercontinental Hotel, in which 22 people were killed.",
        (4, 0, 0),
    ),
    (
        W + "The death toll from the January 30 mosque bombing rose to 101 on Thursday.",
        (0, 101, 0),
    ),
    (
        W + "At least 101 people were killed in the January 30 attack, officials said on Thursday.",
        (0, 101, 0),
    ),
    (
        H + "Afghan and coalition forces confirmed the death of the insurgent behind the May 11 "
        "attack that killed two coalition service members. The insurgent was killed in an "
        "airstrike in Kunar province on Saturday. Also killed in the strike were four armed "
        "insurgents.",
        (0, 5, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATED_TOLLS)
def test_dated_attack_toll_in_arrest_story(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 4: captures: one told with a long group name before its noun, then "also detained two other
# suspects"; "also detained a second man" after a first capture no pattern reads is two.
CAPTURES = [
    (
        H + "An Afghan and coalition security force detained a suspected Islamic Jihad Union "
        "explosives facilitator in Kunduz province today. The facilitator supplied bomb "
        "materials to insurgents in Chahar Darah district. The force also detained three other "
        "suspects.",
        (4, 0, 0),
    ),
    (
        H + "A Haqqani network commander responsible for rocket attacks against coalition bases "
        "in the Sabari district of Khost province was detained by a combined force overnight. "
        "The security force also detained a second man for further questioning.",
        (2, 0, 0),
    ),
    (
        K + "The Interior Ministry said police arrested a would-be suicide bomber in Kabul's "
        "Paghman district. A second man was detained at a checkpoint in the city.",
        (2, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CAPTURES)
def test_captures_told_apart(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 5: the wounded: "sustained injuries" after a singular victim, a list of plural servicemen and
# a singular, and no victim in a source's possessive ("the governor's spokesman said").
WOUNDED = [
    (
        W + "Security forces killed four khwarij in an intelligence-based operation in Tank, "
        "the ISPR said. A soldier sustained injuries.",
        (0, 4, 1),
    ),
    (
        K + "A roadside bomb killed two soldiers in Logar on Monday. A passer-by also suffered "
        "injuries.",
        (0, 2, 1),
    ),
    (
        "The Interior Ministry said three Taliban attackers were killed in Kunduz. A police "
        "officer suffered serious injuries in the clash.",
        (0, 3, 1),
    ),
    (
        H + "An improvised explosive device struck a patrol in Kandahar province today. Three "
        "coalition servicemen and an Afghan interpreter were wounded.",
        (0, 0, 4),
    ),
    (
        "JALALABAD (AFP) - A bomb exploded at a cricket match in Nangarhar province on Friday, "
        "killing eight spectators and wounding 45, the provincial governor's spokesman said.",
        (0, 8, 45),
    ),
    (
        W + "A suicide bomber killed 14 people and injured 30 at a market in Parachinar, the "
        "district police chief's office said.",
        (0, 14, 30),
    ),
]


@pytest.mark.parametrize(("text", "expected"), WOUNDED)
def test_wounded_told_apart(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected


# 2 (continued): the own side's dead told apart in ISPR and Taliban-government wordings: a
# martyr is the speaker's side, a per-place list keeps its noun, the nouns "shahadat of" and
# "injuries to".
OWN_DEAD = [
    (
        "The Islamic Emirate's spokesman said its forces killed four Daesh members in a raid in "
        "Nangarhar on Sunday. One member of the Islamic Emirate's special forces was martyred.",
        (0, 5, 0),
    ),
    (
        W + "Terrorists attacked two posts in Zhob and Sherani, the ISPR said. The attacks were "
        "repulsed, killing six terrorists in Zhob and three in Sherani. Two officers and a "
        "soldier embraced shahadat in the exchange of fire.",
        (0, 12, 0),
    ),
    (
        W + "Terrorists fired on a border post in Bajaur, resulting in the shahadat of two "
        "soldiers and injuries to three others, the ISPR said.",
        (0, 2, 3),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_DEAD)
def test_own_dead_told_apart(
    extractor: Extractor, text: str, expected: tuple[int, int, int]
) -> None:
    assert counts(extractor, text) == expected
