"""Event types the fifth review found wrong, in wordings of our own: aircraft that strike,
forces attacked and firing back, assaults on bases and airports, gunmen at gatherings, many
civilians shot, seizures told after the material, a gang's trade, a record of past attacks,
arson before the arrests, a hostage-taking, and a background sentence that dates the
report by an earlier attack."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import classify, find_triggers

DAY = dt.date(2013, 6, 10)


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.event_type for e in extractor.extract(Document("t", text, DAY))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aircraft that strike
        (
            "A coalition aircraft conducted a precision strike in Nawa district, Helmand province, "
            "killing three insurgents.",
            "airstrike",
        ),
        (
            "Afghan Air Force jets carried out strikes on Taliban positions in Ghazni, killing 20 "
            "fighters.",
            "airstrike",
        ),
        (
            "An unmanned aircraft engaged insurgents planting a bomb in Zhari district, Kandahar "
            "province, killing two.",
            "airstrike",
        ),
        # forces attacked, and fighting back
        (
            "A police patrol was attacked by militants in Bannu on Monday. The police returned "
            "fire, killing two attackers.",
            "armed_clash",
        ),
        (
            "Afghan soldiers came under heavy fire in Sangin district, Helmand province; one "
            "soldier was killed.",
            "armed_clash",
        ),
        (
            "Gunmen stormed the police headquarters in Dera Ismail Khan, killing six policemen and "
            "a civilian before they were killed.",
            "armed_clash",
        ),
        (
            "Militants attacked the Kamra air base in Punjab overnight; two soldiers and a "
            "civilian were killed.",
            "armed_clash",
        ),
        (
            "Insurgents disguised as soldiers attacked Jalalabad airport; nine people were killed "
            "after a three-hour battle.",
            "armed_clash",
        ),
        # gunmen among civilians
        (
            "Gunmen opened fire at a wedding ceremony in Nangarhar, killing 11 guests.",
            "attack_on_civilians",
        ),
        (
            "Gunmen attacked a team of deminers in Herat province, killing six.",
            "attack_on_civilians",
        ),
        (
            "Militants stopped two buses in Kohistan, checked identity cards and shot dead 16 "
            "passengers.",
            "attack_on_civilians",
        ),
        # seizures and arrests
        (
            "Police arrested three suspects in Peshawar. Hand grenades and a suicide jacket were "
            "recovered from them.",
            "arrest",
        ),
        ("The CTD arrested two terrorists carrying explosives near Multan.", "arrest"),
        ("Police in Kabul arrested four members of a kidnapping ring on Monday.", "arrest"),
        (
            "The NDS arrested two men in Jalalabad; they were behind last week's bombing of a "
            "mosque, officials said.",
            "arrest",
        ),
        # arson, then the arrests
        (
            "Militants burned 12 schools in Swat on Sunday night. Police arrested 20 suspects.",
            "property_attack",
        ),
        # a hostage-taking without casualties
        (
            "Prisoners overpowered guards at a jail in Bannu and took six officials hostage.",
            "abduction",
        ),
    ],
)
def test_event_types(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in _types(extractor, text)


def test_an_ibo_is_an_operation(extractor: Extractor) -> None:
    text = (
        "Security forces conducted an IBO in Khyber District. Three terrorists were killed and "
        "arms and explosives were recovered."
    )
    assert _types(extractor, text) == ["security_operation"]


def test_a_record_of_past_attacks_is_no_clash_trigger() -> None:
    sentence = "The commander had coordinated rocket attacks on Forward Operating Base Salerno."
    assert [t.event_type for t in find_triggers(sentence)] == []
    attacked = "Insurgents attacked Forward Operating Base Salerno with rockets."
    assert {t.event_type for t in find_triggers(attacked)} == {"armed_clash"}


def test_a_background_sentence_is_not_the_event(extractor: Extractor) -> None:
    text = (
        "An air strike killed a Taliban commander in Arghandab district, Kandahar province, "
        "NATO said. The announcement came two days after a suicide bomber killed 10 people in "
        "Kandahar city."
    )
    events = extractor.extract(Document("t", text, DAY))
    assert [(e.event_type, e.deaths) for e in events] == [("airstrike", 1)]


def test_a_non_battle_death_starts_no_clash() -> None:
    assert find_triggers("A soldier died of a non-battle injury in eastern Afghanistan.") == []


def test_civilians_among_the_forces_dead_leave_a_clash_a_clash() -> None:
    clash = find_triggers("Militants attacked a check post.")
    assert classify(clash, 5, 0, civilian_target=True)[0] == "attack_on_civilians"
    assert classify(clash, 5, 0, civilian_target=True, forces_target=True)[0] == "armed_clash"


def test_a_mob_attack_yields_to_arrests_told_first() -> None:
    arrested_first = find_triggers("Police arrested two men who torched a school in Swat.")
    assert classify(arrested_first, 0, 2, civilian_target=False)[0] == "arrest"
    attack_first = find_triggers("Militants torched a school in Swat. Police arrested two men.")
    assert classify(attack_first, 0, 2, civilian_target=False)[0] == "property_attack"


def test_the_people_a_victim_guarded_are_not_the_victims(extractor: Extractor) -> None:
    guard = "Gunmen shot dead a policeman guarding polio workers in Karachi."
    [event] = extractor.extract(Document("t", guard, DAY))
    assert "civilians" not in {a.actor_id for a in event.actors}
    workers = "Gunmen shot dead two polio workers in Karachi."
    [event] = extractor.extract(Document("t", workers, DAY))
    assert ("civilians", "target") in {(a.actor_id, a.role) for a in event.actors}


# -- the sixth review's classes, in wordings of our own --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two coalition helicopters engaged insurgents firing on the outpost in Kunar, killing "
         "five.", "airstrike"),
        ("A coalition aircraft conducted an engagement that killed three insurgents in Zabul.",
         "airstrike"),
        ("Gunmen opened fire on a passenger van in Kurram, killing five people.",
         "attack_on_civilians"),
        ("Unidentified gunmen shot dead 12 people in a market in Parachinar.",
         "attack_on_civilians"),
        ("Terrorists opened fire on a police team in Tank, which retaliated, killing two of "
         "the attackers.", "armed_clash"),
        ("Heavy fighting broke out between the Taliban and Afghan forces in Kunduz city.",
         "armed_clash"),
        ("Afghan and Pakistani border forces exchanged fire near the Ghulam Khan crossing.",
         "cross_border_shelling"),
        ("Shells fired by Pakistani forces landed in Asadabad, Kunar province, wounding a child.",
         "cross_border_shelling"),
        ("Pakistani forces shelled villages in Dangam district of Kunar province.",
         "cross_border_shelling"),
        ("The governor was shot dead by one of his own bodyguards in Kandahar.",
         "targeted_killing"),
        ("Police found and defused an IED that had been planted near a school in Khost.",
         "ied_bombing"),
        ("A suicide vehicle-borne IED struck a convoy in Helmand, killing four soldiers.",
         "suicide_bombing"),
        ("Militants seized four Chinese engineers on the road to Gwadar.", "abduction"),
        ("The United States and the Taliban signed a deal in Doha on Saturday.",
         "ceasefire_negotiation"),
        ("Intra-Afghan negotiations opened in Doha on Saturday, though fighting continued in "
         "the provinces.", "ceasefire_negotiation"),
        ("The TTP announced a month-long ceasefire but said it would continue operations if "
         "attacked.", "ceasefire_negotiation"),
    ],
)  # fmt: skip
def test_event_types_review6(extractor: Extractor, text: str, expected: str) -> None:
    assert _types(extractor, text)[:1] == [expected]


def test_police_shooting_militants_dead_is_no_attack_on_civilians(extractor: Extractor) -> None:
    text = "Police shot dead three suspected militants in Karachi."
    assert "attack_on_civilians" not in _types(extractor, text)


def test_an_earlier_arrest_and_a_charge_are_no_triggers() -> None:
    protest = "Protesters set fire to a police station in Lahore after Imran Khan's arrest."
    assert "arrest" not in {t.event_type for t in find_triggers(protest)}
    charged = "Police detained nine men in Herat for kidnapping and robbery."
    assert "abduction" not in {t.event_type for t in find_triggers(charged)}


def test_talks_are_not_placed_at_the_dateline(extractor: Extractor) -> None:
    text = "KABUL (Reuters) - The Taliban and the government agreed to a three-day ceasefire."
    [event] = extractor.extract(Document("t", text, DAY))
    assert (event.event_type, event.adm1) == ("ceasefire_negotiation", None)


def test_a_line_crossed_does_not_place_the_strike(extractor: Extractor) -> None:
    text = (
        "Indian jets crossed the Line of Control and dropped their payload near Balakot in "
        "Khyber Pakhtunkhwa, Pakistan said."
    )
    [event] = extractor.extract(Document("t", text, DAY))
    assert event.adm1 == "PK-KP"


def test_an_assault_on_a_police_headquarters_stays_a_clash(extractor: Extractor) -> None:
    text = (
        "Militants stormed the police headquarters in Quetta, killing three policemen and a "
        "civilian before security forces killed all four attackers."
    )
    assert _types(extractor, text) == ["armed_clash"]


# -- the seventh review's classes, in wordings of our own -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A magnetic mine stuck to a police car went off in Kabul, wounding two officers.",
         "ied_bombing"),
        ("A roadside mine planted by the Taliban in Ghazni exploded under a bus, killing four.",
         "ied_bombing"),
        ("Two soldiers were killed along with three civilians in a suicide blast in Kabul.",
         "suicide_bombing"),
        ("Gunmen killed eight workers of a road construction company in Kunduz overnight.",
         "attack_on_civilians"),
        ("An Afghan Air Force strike killed 12 Taliban fighters in Baghlan, the ministry said.",
         "airstrike"),
        ("The security force killed two insurgents after coming under fire in Logar.",
         "armed_clash"),
        ("Gunmen offloaded six labourers from a van in Kech and shot them dead.",
         "attack_on_civilians"),
    ],
)  # fmt: skip
def test_event_types_review7(extractor: Extractor, text: str, expected: str) -> None:
    assert _types(extractor, text)[:1] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The detained leader is suspected of kidnapping local traders for ransom.",
        "Police arrested 12 kidnappers in Mazar-i-Sharif.",
        "Several weapons were seized, including rifles and hand grenades.",
    ],
)
def test_a_record_an_agent_or_a_seizure_is_no_trigger(sentence: str) -> None:
    kinds = {t.event_type for t in find_triggers(sentence)}
    assert not kinds & {"abduction", "ied_bombing", "suicide_bombing"}


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        ("A bomb killed three people in southwestern Kabul on Monday.", "AF-KAB"),
        ("Forces from both sides exchanged fire at the Chaman crossing, killing a civilian, the "
         "Kandahar police spokesman said.", "PK-BA"),
        ("Terrorists attacked a post in Zhob Garrison; four soldiers were martyred.", "PK-BA"),
    ],
)  # fmt: skip
def test_places_review7(extractor: Extractor, text: str, adm1: str) -> None:
    assert [e.adm1 for e in extractor.extract(Document("t", text, DAY))][:1] == [adm1]


def test_an_earlier_attack_told_after_the_lead_is_no_event(extractor: Extractor) -> None:
    text = (
        "A suicide bomber killed 20 worshippers at a mosque in Kunduz on Friday. Two weeks "
        "earlier, 35 people were killed in a similar attack in Kandahar."
    )
    events = extractor.extract(Document("t", text, DAY))
    assert [(e.event_type, e.deaths, e.adm1) for e in events] == [("suicide_bombing", 20, "AF-KDZ")]


# -- the eighth review's classes, in wordings of our own --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "killed"),
    [
        ("Terrorists attacked the Pakistan Navy Aviation Training Air Base in Turbat at night.",
         "armed_clash", 0),
        ("Gunmen attacked the Chinese consulate in Karachi on Friday, killing two policemen, "
         "before being killed by security forces.", "armed_clash", 2),
        ("Security forces sent 7 terrorists to hell in an IBO in Kech.", "security_operation", 7),
        ("The CTD arrested three men, including a would-be suicide bomber, in Dera Ismail Khan.",
         "arrest", 0),
        ("Police arrested two men after a suicide bomber killed nine people in Quetta.",
         "suicide_bombing", 9),
    ],
)  # fmt: skip
def test_event_types_review8(extractor: Extractor, text: str, expected: str, killed: int) -> None:
    events = extractor.extract(Document("t", text, DAY))
    assert [e.event_type for e in events][:1] == [expected]
    assert sum(e.deaths or 0 for e in events) == killed
