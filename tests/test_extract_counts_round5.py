"""Kill, wound and capture counts for the classes left after the fourth review (sentences
written for these tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government
statements and wire reports, not taken from the evaluation data): the attackers' dead after
their victims' toll, a wounded captive, victims told by name or in a list, an attack told as
the cause of an arrest, and captures after a name, a surrender or per charge."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2015, 5, 24)
H = "KABUL, Afghanistan (May 24, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured) as the evaluation sums them."""
    return document_counts(extractor, text, PUB)


# 1: the attackers' dead told after their victims' toll add up; a toll of one side updates
# that side only (in a release too); the same dead told again do not add.
SECOND_TOLLS = [
    (
        K + "Gunmen stormed a guesthouse in Kabul on Tuesday night, killing six people, "
        "including two foreigners. All three attackers were killed, the interior ministry said.",
        (0, 9, 0),
    ),
    (
        W + "Eleven soldiers were martyred when five terrorists attacked a check post in Tank. "
        "All five terrorists were killed, the ISPR said.",
        (0, 16, 0),
    ),
    (
        "QUETTA (Reuters) - Militants attacked a bank in Quetta on Monday, killing eight guards "
        "and wounding 15 people. Two attackers were killed; one of them blew himself up.",
        (0, 10, 15),
    ),
    (
        "QUETTA (Reuters) - A gunman killed three worshippers at a mosque in Quetta on Friday. "
        "Police shot dead the attacker as he tried to flee.",
        (0, 4, 0),
    ),
    (
        W + "Security forces conducted an operation in Mohmand District. Nine khwarij were sent "
        "to hell. During the intense exchange of fire, nine soldiers embraced shahadat.",
        (0, 18, 0),
    ),
    (
        W + "Security forces conducted an IBO in Tank District. During the exchange of fire, "
        "three terrorists were killed. However, Naik Abdul Rehman, having fought gallantly, "
        "embraced shahadat.",
        (0, 4, 0),
    ),
    (
        W + "Troops and militants clashed in Bajaur, killing nine militants and two soldiers, "
        "officials said. Officials later said the toll rose to 11 militants.",
        (0, 13, 0),
    ),
    (
        W + "Afghan forces killed 14 Taliban and arrested three in Ghazni province. Two soldiers "
        "were killed in the fighting, the Defence Ministry said.",
        (3, 16, 0),
    ),
    (
        W + "Troops killed 15 militants and lost five soldiers in clashes in Orakzai, officials "
        "said.",
        (0, 20, 0),
    ),
    (
        "BANNU (Dawn) - A policeman was injured when militants attacked a checkpost. Police "
        "injured one of the attackers and arrested him.",
        (1, 0, 2),
    ),
    (
        "KARACHI (Dawn) - A gunman killed three people at a bank in Karachi. Security guards "
        "killed the assailant.",
        (0, 4, 0),
    ),
    (
        K + "The Ministry of Interior said that 12 Taliban were killed and 3 wounded in Laghman, "
        "and that police arrested 5 Taliban. Three police officers were wounded in the clashes.",
        (5, 12, 6),
    ),
    # the same dead told again
    (
        K + "Gunmen killed four people in an office in Kabul. The four people were killed when "
        "the attackers stormed the building.",
        (0, 4, 0),
    ),
    (
        W + "Nine militants were killed and four wounded in the clash. The four wounded "
        "militants were taken to hospital.",
        (0, 9, 4),
    ),
    (
        K + "Gunmen attacked a hotel in Kabul, killing 10 people, including two attackers. The two "
        "attackers were shot dead by police.",
        (0, 10, 0),
    ),
    (
        W + "Six people were killed in a clash in Kurram. Two militants were killed in the clash.",
        (0, 6, 0),
    ),
    # a release counts its own dead too (reviews 7 and 8 count every side's)
    (
        H + "Afghan and coalition forces killed 12 insurgents in Nad-e Ali district, Helmand "
        "province. One Afghan soldier was killed in the exchange of fire.",
        (0, 13, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_TOLLS)
def test_second_tolls(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


# 2: a wounded captive is both wounded and captured.
WOUNDED_CAPTIVES = [
    (
        W + "ISPR: own troops engaged the terrorists in Tank; two terrorists were killed and one "
        "was arrested injured.",
        (1, 2, 1),
    ),
    (
        W + "As a result, four khwarij were sent to hell, while two khwarij were apprehended in "
        "injured condition.",
        (2, 4, 2),
    ),
    (
        "BANNU (Dawn) - Police returned fire and injured two attackers, who were later arrested.",
        (2, 0, 2),
    ),
    (
        "HERAT (Pajhwok) - Police detained five men in Herat, one of whom was wounded in the "
        "gunfight.",
        (5, 0, 1),
    ),
    (
        H + "The force detained three suspected insurgents in Nawa district, Helmand province. "
        "One of the suspects had been wounded in the engagement.",
        (3, 0, 1),
    ),
    (
        H + "The security force detained a wounded insurgent hiding in a ditch near the compound "
        "in Zhari district, Kandahar province.",
        (1, 0, 1),
    ),
    (
        H + "The security force detained an insurgent who was wounded during the clearance in "
        "Zhari district, Kandahar province.",
        (1, 0, 1),
    ),
    (
        H + "The force found two wounded insurgents and detained them in Gereshk district, "
        "Helmand province.",
        (2, 0, 2),
    ),
    (
        "BANNU (Dawn) - Police arrested two injured militants after the encounter in Bannu.",
        (2, 0, 2),
    ),
]


@pytest.mark.parametrize(("text", "expected"), WOUNDED_CAPTIVES)
def test_wounded_captives(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


# 3: victims told by name, in a list, or after a nationality ("American" is no "am" time).
VICTIM_STRUCTURES = [
    (
        "KHOST (AP) - Afghan journalist Ahmad Shah Hotak was shot dead along with two of his "
        "relatives in Khost on Sunday, police said.",
        (0, 3, 0),
    ),
    (
        W + "As a result, khwarij commander Noor Wali alias Abdullah, along with three of his "
        "accomplices, was sent to hell.",
        (0, 4, 0),
    ),
    (
        K + "Taliban fighters shot down a coalition helicopter in Wardak, killing 30 American "
        "troops.",
        (0, 30, 0),
    ),
    (
        "QUETTA (Reuters) - Three soldiers, a Levies personnel and a civilian were martyred in "
        "the attack in Zhob.",
        (0, 5, 0),
    ),
    (
        "JALALABAD (AP) - The provincial governor and two American advisers were wounded in the "
        "blast.",
        (0, 0, 3),
    ),
    (
        K + "Gunmen shot and wounded Ahmad Zia Rahimi in Kabul on Monday. Two of his guards were "
        "also wounded.",
        (0, 0, 3),
    ),
    (
        "ISLAMABAD (Reuters) - Abdul Rashid Ghazi was killed in the raid on the mosque. Three "
        "other people were killed, including his mother.",
        (0, 4, 0),
    ),
    (
        K + "An Afghan soldier turned his gun on NATO troops in Uruzgan, killing four Australian "
        "soldiers before he was shot dead.",
        (0, 5, 0),
    ),
    (K + "Gunmen killed Khalid Ahmad and his son in Jalalabad on Monday.", (0, 2, 0)),
    (K + "United Nations worker Mohammad Yasin was found shot dead in Kabul.", (0, 1, 0)),
    (
        K + "Gunmen shot dead Mohammad Ismail, a former district governor, in Herat on Monday.",
        (0, 1, 0),
    ),
    (
        "QUETTA (Dawn) - A police officer and his two sons were killed when gunmen opened fire "
        "on their car.",
        (0, 3, 0),
    ),
    # a crash, not a shooting-down; a death years before
    (
        K + "A NATO helicopter crashed in bad weather in Zabul on Monday, killing five American "
        "service members.",
        (0, 0, 0),
    ),
    (
        "RAWALPINDI (Reuters) - Benazir Bhutto was killed in 2007 in a gun and bomb attack.",
        (0, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), VICTIM_STRUCTURES)
def test_victim_structures(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


# 4: the attack an arrest is over is background, not this event's toll.
ARREST_CAUSES = [
    (
        "KARACHI (Dawn) - Police in Karachi arrested two men involved in the attack on a bus in "
        "May that killed 45 people.",
        (2, 0, 0),
    ),
    (
        K + "Afghan police detained four men on Sunday over a bombing that killed 10 people in "
        "Kabul.",
        (4, 0, 0),
    ),
    (
        K + "NDS detained three men linked to last month's bombing in Kabul which killed 20 "
        "people.",
        (3, 0, 0),
    ),
    (
        W + "Police arrested the mastermind of the Army Public School attack, which killed 141 "
        "people.",
        (1, 0, 0),
    ),
]


# ... and an earlier attack told beside the event is background too.
EARLIER_ATTACKS = [
    (
        K + "A roadside bomb killed five civilians in Helmand on Monday. The attack came a week "
        "after a suicide bombing killed 30 people in Kabul.",
        (0, 5, 0),
    ),
    (
        K + "Six people were killed in a blast in Kabul. The Islamic State group, which killed 90 "
        "people in an attack on a wedding last month, claimed responsibility.",
        (0, 6, 0),
    ),
    (
        K + "Police in Zabul province arrested two suspects in the killing of a tribal elder last "
        "month, officials said.",
        (2, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER_ATTACKS)
def test_earlier_attacks(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), ARREST_CAUSES)
def test_arrest_causes(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


# 5: a named first detainee, a group name holding "of", surrenders, and figures per charge.
CAPTURES = [
    (
        H + "The security force detained Mohammad Nabi, a Haqqani network facilitator, and three "
        "suspected insurgents in Sabari district, Khost province.",
        (4, 0, 0),
    ),
    (
        H + "The security force detained Mohammad Nabi and three suspected insurgents in Sabari "
        "district, Khost province.",
        (4, 0, 0),
    ),
    (
        H + "The force detained Sher Ahmad and another suspected insurgent in Paktiya province.",
        (2, 0, 0),
    ),
    (
        "LAHORE (Reuters) - Police arrested Gul Agha along with three of his associates in Lahore.",
        (4, 0, 0),
    ),
    (
        H + "The force detained an Islamic Movement of Uzbekistan financier and two of his "
        "couriers in Kunduz province.",
        (3, 0, 0),
    ),
    (
        H + "The force detained a Taliban leader in Marjah district, Helmand province. The leader "
        "was found hiding in a compound along with three associates, who were also detained.",
        (4, 0, 0),
    ),
    (
        W + "Eight militants were killed, two surrendered and five were arrested, the army said.",
        (7, 8, 0),
    ),
    (
        H + "The targeted Taliban commander surrendered to the force without resistance in Ghazni "
        "province.",
        (1, 0, 0),
    ),
    (
        H + "Two suspected insurgents surrendered to the force and were detained in Ghazni "
        "province.",
        (2, 0, 0),
    ),
    (
        H + "Two suspected insurgents gave themselves up to the force and were detained in "
        "Ghazni province.",
        (2, 0, 0),
    ),
    (
        H + "A Taliban facilitator turned himself in to Afghan forces in Ghazni province today.",
        (1, 0, 0),
    ),
    (
        "HERAT (Tolo) - Six Taliban fighters handed themselves over to government forces in Herat.",
        (6, 0, 0),
    ),
    (
        "KABUL (Tolo) - The Ministry of Interior said police arrested 40 people for theft, 12 for "
        "robbery and five for murder during the last week.",
        (57, 0, 0),
    ),
    (
        "KABUL (Tolo) - Police arrested 57 suspects: 40 for theft, 12 for robbery and five for "
        "murder.",
        (57, 0, 0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CAPTURES)
def test_captures(extractor: Extractor, text: str, expected: tuple[int, int, int]) -> None:
    assert counts(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        K + "Twenty soldiers surrendered to the Taliban in Badghis province on Monday.",
        K + "Ten soldiers gave themselves up to the Taliban in Badghis province.",
    ],
)
def test_surrender_to_an_armed_group_is_no_arrest(extractor: Extractor, text: str) -> None:
    assert counts(extractor, text)[0] == 0
