"""Kill, wound and capture counts for the classes of reviews 12 and 13 (sentences written for
these tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements
and wire reports, not taken from the review cases): a background toll in a clause about a
captive's past or a truce's cause, single and named victims, a second clause's or sentence's
toll, and figures of the wrong category (dead captives, places)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, P, Q, T, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2023, 5, 9)
H = "KABUL, Afghanistan (May 9, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: an earlier event's toll in a clause about a captive's past, a truce's cause or a payment.
BACKGROUND = [
    (
        W + "Counter-terrorism police said they had arrested three facilitators of the "
        "suicide bombing at a mosque in Peshawar's Kocha Risaldar area, in which more than 60 "
        "people were killed.",
        (3, 0, 0, 0),
    ),
    (
        K + "Afghan intelligence detained a man it described as a planner of the attack on "
        "the Intercontinental Hotel in Kabul, in which 22 people were killed.",
        (1, 0, 0, 0),
    ),
    (
        Q + "Police arrested a suspected militant who they said was an organiser of the "
        "Mastung rally bombing that killed over 50 people, officials said on Monday.",
        (1, 0, 0, 0),
    ),
    (
        W + "Tribal elders announced a truce between the two clans in Kurram on Sunday "
        "following weeks of fighting that killed at least 40 people.",
        (0, 0, 0, 0),
    ),
    (
        T + "The Islamic Emirate and Pakistan agreed to reopen the Torkham crossing after "
        "several days of clashes which killed dozens on both sides.",
        (0, 0, 0, 0),
    ),
    (
        Q + "The Balochistan government announced compensation of Rs1 million each for the "
        "families of the 14 coal miners killed in Harnai last month.",
        (0, 0, 0, 0),
    ),
    (
        K + "President Karzai sent his condolences to the families of the nine aid workers "
        "killed in Badakhshan, his office said.",
        (0, 0, 0, 0),
    ),
    (
        W + "A jirga brokered a ceasefire between the two tribes and both sides agreed to "
        "exchange bodies and prisoners, officials said.",
        (0, 0, 0, 0),
    ),
    (
        W + "Police in Mardan arrested four men on charges of kidnapping for ransom, a "
        "spokesman said.",
        (4, 0, 0, 0),
    ),
    (
        W + "Elders said a jirga had brokered a ceasefire between the Turi and Bangash tribes "
        "in Kurram on Friday after clashes that left more than 30 people dead over the past "
        "week.",
        (0, 0, 0, 0),
    ),
    (
        Q + "A 10-day truce was agreed between two rival clans in Kalat after talks in "
        "Quetta, following armed clashes that killed 25 people this month.",
        (0, 0, 0, 0),
    ),
    (
        K + "Afghan forces shelled Pakistani border posts in Dand-e Patan on Sunday, officials "
        "said. The shelling came after a Pakistani air strike in Paktika that killed 12 "
        "people, a Taliban spokesman said.",
        (0, 0, 0, 0),
    ),
    (
        T + "Security forces detained two men on charges of kidnapping a shopkeeper in "
        "Herat city, the Ministry of Interior said.",
        (2, 0, 0, 0),
    ),
    (
        W + "Militants who kidnapped three polio workers in Bannu were arrested on Friday, "
        "police said.",
        (2, 0, 0, 0),
    ),
]

# 2: single and named victims.
NAMED = [
    (
        Q + "A schoolteacher was gunned down by unknown men near his home in Kharan on "
        "Thursday, police said.",
        (0, 1, 0, 0),
    ),
    (
        W + "Unidentified gunmen shot dead a sitting MPA, Sardar Ali, and his nephew in Swabi "
        "on Friday, police said.",
        (0, 2, 0, 0),
    ),
    (
        K + "A magnetic bomb killed Abdul Rahim Ayubi, the head of the provincial council, "
        "and his bodyguard in Jalalabad on Monday, officials said.",
        (0, 2, 0, 0),
    ),
    (
        T + "An explosion killed Mohammad Nabi, the district police chief, and two of his "
        "guards in Nahr-e Saraj district, the Ministry of Interior said.",
        (0, 3, 0, 0),
    ),
    (
        K + "Mina Khairi, a former television presenter, was killed along with her father "
        "when a bomb exploded in western Kabul.",
        (0, 2, 0, 0),
    ),
    (
        Q + "Pakistani police arrested former Prime Minister Nawaz Sharif at Lahore airport "
        "on Friday.",
        (1, 0, 0, 0),
    ),
    (
        W + "Police arrested former President Pervez Musharraf at his farmhouse in "
        "Islamabad on Friday.",
        (1, 0, 0, 0),
    ),
    (
        K + "A suicide bomber killed Kunduz police chief Abdul Rahman Aqtash and three of his "
        "bodyguards outside his office on Sunday, officials said.",
        (0, 4, 0, 0),
    ),
    (
        W + "A gunman killed Maulana Sami ul Haq, the head of a seminary, and his guard at "
        "his home in Rawalpindi, police said.",
        (0, 2, 0, 0),
    ),
    (
        H + "An insurgent detonated a suicide vest near a coalition patrol in Zhari district, "
        "killing himself and wounding two Afghan soldiers.",
        (0, 1, 2, 0),
    ),
    (
        Q + "The attacker blew himself up at the gate of the police lines, killing himself "
        "and four policemen.",
        (0, 5, 0, 0),
    ),
    (
        H + "ISAF confirmed today that Mullah Abdul Qayum, a Taliban shadow governor "
        "responsible for attacks in Arghandab district, Kandahar province, was killed in an "
        "air strike yesterday.",
        (0, 1, 0, 0),
    ),
    (
        H + "A man wearing an Afghan police uniform opened fire on coalition soldiers at a "
        "base in Helmand province today, killing two ISAF service members. The shooter was "
        "shot and killed by the soldiers.",
        (0, 3, 0, 0),
    ),
    (
        Q + "A gunman opened fire at a checkpoint on the Sariab road. The suspect was shot "
        "and wounded by police while trying to flee, officials said.",
        (0, 0, 1, 0),
    ),
    (
        T + "The Ministry of Interior said the death toll from Tuesday's attack on the "
        "military hospital in Wazir Akbar Khan, Kabul, had risen to 19.",
        (0, 19, 0, 0),
    ),
]

# 3: a second clause's or sentence's toll of another group.
SECOND_TOLL = [
    (
        T + "Three members of the Islamic Emirate border forces were martyred when "
        "militants attacked a post in Nangarhar. Five attackers were killed in the "
        "fighting, officials said.",
        (0, 8, 0, 0),
    ),
    (
        T + "Nine Daesh fighters were killed and six others were wounded when they attacked "
        "a checkpoint in Kunar, the Ministry of Defense said. Two soldiers were martyred "
        "and three were wounded in the clash.",
        (0, 11, 9, 0),
    ),
    (
        H + "Insurgents attacked an Afghan and coalition patrol in Zhari district. The "
        "patrol returned fire, killing three insurgents and wounding two others. Two "
        "coalition service members were wounded.",
        (0, 3, 4, 0),
    ),
    (
        P + "Terrorists attacked two posts in Zhob and Kalat. The attacks were repulsed; six "
        "terrorists were killed in Zhob and three in Kalat.",
        (0, 9, 0, 0),
    ),
    (
        K + "A blast at a mosque in Kunduz killed at least seven worshippers, police said. "
        "The explosion was set off by a suicide bomber, who was also killed.",
        (0, 8, 0, 0),
    ),
    (
        H + "Insurgents attacked an Afghan National Police checkpoint in Andar district. An "
        "air weapons team engaged the attackers, killing four insurgents. Three ANP members were "
        "killed in the initial attack.",
        (0, 7, 0, 0),
    ),
    (
        K + "Gunmen stormed a passport office in Jalalabad, killing a guard and three visa "
        "applicants, officials said.",
        (0, 4, 0, 0),
    ),
    (
        W + "Militants stormed a security forces compound in Dera Ismail Khan on Tuesday, "
        "killing 12 people, including seven soldiers, officials said. Nine militants were "
        "killed in the ensuing gun battle.",
        (0, 21, 0, 0),
    ),
    (
        H + "An Afghan and coalition security force killed Mullah Zahir, a Taliban commander, "
        "in Nad Ali district. As the force approached his compound, Zahir and three "
        "insurgents fired on it and were killed in the ensuing engagement.",
        (0, 4, 0, 0),
    ),
    (
        T + "When security forces surrounded the house, Jalil and two of his men "
        "opened fire and were killed, the Ministry of Interior said.",
        (0, 3, 0, 0),
    ),
]

# 4: the wrong category: dead captives are dead; places are not people.
CATEGORY = [
    (
        Q + "Levies recovered the bodies of three kidnapped labourers from a ravine in "
        "Washuk on Saturday.",
        (0, 3, 0, 0),
    ),
    (
        T + "The bodies of two abducted aid workers were found in Ghor province, the governor's "
        "spokesman said.",
        (0, 2, 0, 0),
    ),
    (
        Q + "The army said 12 attackers were killed in the rescue operation and four hostages "
        "died.",
        (0, 16, 0, 0),
    ),
    (
        K + "Taliban fighters captured two more district centres in Faryab province on "
        "Sunday, officials said.",
        (0, 0, 0, 0),
    ),
]

# 5: the attackers told dead after their victims, and one victim's own clause before its verb.
ATTACKERS_AND_CLAUSES = [
    (
        W + "Four gunmen stormed a paramilitary training centre in Peshawar on Tuesday, killing "
        "three recruits before being killed by troops, officials said.",
        (0, 7, 0, 0),
    ),
    (
        Q + "The driver, Abdul Ghani, refused to stop at the checkpoint and was shot dead, "
        "police said.",
        (0, 1, 0, 0),
    ),
    (
        W + "The gunman, a former police constable, surrendered at the scene and was arrested, "
        "police said.",
        (1, 0, 0, 0),
    ),
]

# 6: an aside that is a list, before a passive.
OTHER_SIDE = [
    (
        T + "Seven people, including three police officers, a teacher and a shopkeeper, were "
        "martyred in the blast, the Ministry of Interior said.",
        (0, 7, 0, 0),
    ),
    (
        Q + "Two attackers who stormed the Frontier Corps camp in Turbat were killed, the "
        "military said. Three people, including a soldier, a cook and a driver, were martyred "
        "and five were injured.",
        (0, 5, 5, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    BACKGROUND + NAMED + SECOND_TOLL + CATEGORY + ATTACKERS_AND_CLAUSES + OTHER_SIDE,
)
def test_round9_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
