"""Kill, wound and capture counts for the classes of reviews 9 to 11 left over (sentences written
for these tests in the wordings of ISAF releases, ISPR, Afghan and Taliban-government statements
and wire reports, not taken from the review cases): a second verb sharing a passive's auxiliary,
ISPR's participle, deaths among the wounded, a hyphenated name and a headline's bare list, a
captive's deed, a place or group named as a list's item, and an earlier killing that dates the
event."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_counts import K, P, Q, T, W, document_counts

from signalfire.extract import Extractor

PUB = dt.date(2016, 3, 14)
H = "KABUL, Afghanistan (March 14, 2011) - "


def counts(extractor: Extractor, text: str) -> tuple[int, ...]:
    """(arrested, deaths, injured, abducted) as the evaluation sums them."""
    return document_counts(extractor, text, PUB, abducted=True)


# 1: a second verb that shares the passive's auxiliary and subject.
SHARED_AUXILIARY = [
    (
        Q + "Gunmen stopped two buses on the highway in Musakhel district. Nineteen passengers "
        "were offloaded from the buses after their identity cards were checked and shot dead, "
        "officials said.",
        (0, 19, 0, 0),
    ),
    (
        Q + "Armed men stopped a coach near Mastung on Tuesday. Eleven passengers were pulled "
        "off the coach and gunned down by the roadside, police said.",
        (0, 11, 0, 0),
    ),
    (
        K + "Taliban fighters stopped a minibus in Ghazni province. Seven passengers were "
        "dragged out and killed, a provincial spokesman said.",
        (0, 7, 0, 0),
    ),
    (
        T + "Five laborers were taken from a road construction site in Zabul and later killed "
        "by insurgents, the Ministry of Interior said.",
        (0, 5, 0, 0),
    ),
    (
        Q + "Nine coal miners were lined up and shot after gunmen stormed their camp in the "
        "Mach area of Bolan, officials said.",
        (0, 9, 0, 0),
    ),
    (
        T + "Three employees of a mobile phone company were kidnapped and later killed in "
        "Faryab province, local officials said.",
        (0, 3, 0, 3),
    ),
]

# 1b: a relative clause too long for the figure patterns, before the passive verb.
RELATIVE_CLAUSE = [
    (
        P + "All 12 terrorists who attacked the Frontier Corps camp in Nushki on Sunday were "
        "sent to hell, the ISPR said.",
        (0, 12, 0, 0),
    ),
    (
        K + "Four gunmen who stormed a guesthouse in the Shar-e-Naw area of Kabul were killed "
        "after a six-hour siege, police said.",
        (0, 4, 0, 0),
    ),
    (
        W + "Two men who were riding a motorcycle on the ring road in Peshawar were shot "
        "dead, police said.",
        (0, 2, 0, 0),
    ),
]

# 1c: the attackers' dead beside their victims, the attack told with its attackers.
ATTACKERS_TOLL = [
    (
        H + "Insurgents attacked a district center in Andar district, Ghazni province, "
        "yesterday, killing three Afghan policemen. Eleven insurgents were killed.",
        (0, 14, 0, 0),
    ),
]

# 2: ISPR's participle and active forms of "sent to hell".
ISPR_HELL = [
    (
        P + "Khwarij attempted to infiltrate through the Pak-Afghan border in the Ghulam Khan "
        "area of North Waziristan District. Own troops effectively engaged them, sending "
        "eight khwarij to hell.",
        (0, 8, 0, 0),
    ),
    (
        P + "Security forces conducted an intelligence based operation in Tank District and "
        "sent four terrorists to hell.",
        (0, 4, 0, 0),
    ),
    (
        P + "During an intense exchange of fire in Khyber District, six khwarij were sent to hell.",
        (0, 6, 0, 0),
    ),
]

# 3: a wounded victim who later died is one death, not also one wounded.
DIED_OF_WOUNDS = [
    (
        K + "A roadside bomb struck a police vehicle in Kandahar on Monday, wounding a "
        "policeman. The policeman later succumbed to his injuries, officials said.",
        (0, 1, 0, 0),
    ),
    (
        H + "An ISAF service member was wounded in an insurgent attack in southern "
        "Afghanistan yesterday. He later died of his wounds.",
        (0, 1, 0, 0),
    ),
    (
        K + "A police officer was wounded by a sniper in Kunduz. He died later in hospital, "
        "officials said.",
        (0, 1, 0, 0),
    ),
    (
        W + "A bomb went off near a bus stop in Peshawar on Friday, killing four people and "
        "wounding nine. Two of the wounded later died in hospital, police said.",
        (0, 6, 7, 0),
    ),
    (
        T + "A mine blast in Helmand wounded three civilians on Sunday. One of the wounded "
        "died on Monday, the provincial governor's office said.",
        (0, 1, 2, 0),
    ),
    (
        W + "The blast injured 12 people, two of whom died later, police said.",
        (0, 2, 10, 0),
    ),
    (
        K + "Two Afghan soldiers were wounded in the clash in Kunar and later died in "
        "hospital, the defence ministry said.",
        (0, 2, 0, 0),
    ),
    (
        P + "Sepoy Ali, who was injured in the exchange of fire in Bajaur District, later "
        "embraced shahadat.",
        (0, 1, 0, 0),
    ),
    (
        P + "A soldier was injured when terrorists fired on a check post in Kurram District. "
        "The soldier subsequently embraced shahadat in hospital.",
        (0, 1, 0, 0),
    ),
]

# 4: a name with a hyphenated particle ("al-Libi") after an ordinal title, and a headline's
# list of two bare singulars.
NAMES_AND_HEADLINES = [
    (
        W + "Al Qaeda's No. 2, Abu Yahya al-Libi, was killed in a drone strike in North "
        "Waziristan, U.S. officials said.",
        (0, 1, 0, 0),
    ),
    (
        W + "The group's No. 3, Sheikh Saeed al-Masri, was killed in a missile strike in "
        "North Waziristan, a U.S. official said.",
        (0, 1, 0, 0),
    ),
    ("Pakistani Taliban's No. 2 killed in drone strike", (0, 1, 0, 0)),
    (
        W + "A U.S. drone strike in North Waziristan killed al Qaeda's No. 3, officials said.",
        (0, 1, 0, 0),
    ),
    (
        "KARACHI (Reuters) - The Afghan Taliban's No. 2, Mullah Abdul Ghani Baradar, was "
        "arrested in Karachi, officials said.",
        (1, 0, 0, 0),
    ),
    ("Gunmen kill police officer, minority Ahmadi man in Pakistan", (0, 2, 0, 0)),
    ("Militants kill soldier, civilian in Kurram", (0, 2, 0, 0)),
    ("Taliban kill policeman, official says", (0, 1, 0, 0)),
    ("Drone strike kills four, including Qaeda commander", (0, 4, 0, 0)),
]

# 5: a captive's deed in a relative clause is background, not the report's toll.
CAPTIVE_DEED = [
    (
        T + "Police said a man who killed three people in Herat city was arrested on Sunday.",
        (1, 0, 0, 0),
    ),
    (
        Q + "Police arrested two men who shot dead a shopkeeper in Quetta, a police official said.",
        (2, 0, 0, 0),
    ),
    (
        T + "The National Directorate of Security said it had detained a Taliban commander "
        "who had killed four policemen in Ghazni.",
        (1, 0, 0, 0),
    ),
    (
        K + "Three militants who attacked the checkpoint were killed in Logar, police said.",
        (0, 3, 0, 0),
    ),
]

# 6: a place or an organisation named before "and" is no victim.
NOT_A_PERSON = [
    (
        K + "A roadside bomb struck a convoy in Helmand province. In Lashkar Gah and two "
        "soldiers were killed.",
        (0, 2, 0, 0),
    ),
    (
        K + "Fighting spread across Helmand on Monday. Lashkar Gah and two soldiers were "
        "killed in the fighting, officials said.",
        (0, 2, 0, 0),
    ),
    (
        K + "Mohammad Dawood Muzammil and two other people were killed in a blast in Balkh, "
        "officials said.",
        (0, 3, 0, 0),
    ),
]

# 7: an earlier killing that dates the event adds no death to its toll.
EARLIER_KILLING = [
    (
        Q + "A suicide bomber struck mourners at the Civil Hospital in Quetta on Monday, "
        "killing at least 40 people, many of them lawyers who had gathered after the killing "
        "of the head of the Balochistan Bar Association earlier that day.",
        (0, 40, 0, 0),
    ),
    (
        K + "Protests erupted in Jalalabad following the killing of a tribal elder, officials "
        "said.",
        (0, 1, 0, 0),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    SHARED_AUXILIARY
    + RELATIVE_CLAUSE
    + ATTACKERS_TOLL
    + ISPR_HELL
    + DIED_OF_WOUNDS
    + NAMES_AND_HEADLINES
    + CAPTIVE_DEED
    + NOT_A_PERSON
    + EARLIER_KILLING,
)
def test_round8_counts(extractor: Extractor, text: str, expected: tuple[int, ...]) -> None:
    assert counts(extractor, text) == expected
