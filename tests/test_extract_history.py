"""History in full articles: earlier attacks and statistics retold beside the reported event
neither make events of their own nor lend their tolls to it (`history`)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, Extractor
from signalfire.extract.dates import DateMention
from signalfire.extract.history import HISTORY_DAYS, is_history
from signalfire.extract.sentences import Sentence

DAY = dt.date(2022, 5, 18)
# The report's own event, before the paragraphs a test adds.
LEAD = "A roadside bomb killed four soldiers in Turbat on Tuesday.\n\n"

ARTICLE = """QUETTA: Four Frontier Corps soldiers were killed and two wounded when a roadside bomb \
struck their vehicle in Turbat on Tuesday, officials said.

The vehicle was on a routine patrol near the Kech river when the device went off, a Levies \
official said. No group claimed the attack.

Kech has seen repeated violence. In May 2017, gunmen killed ten labourers at a construction \
site in Gwadar district. During the search that followed, troops killed three militants.

According to a rights group, 212 people were killed in attacks in the province in the first \
six months of 2021. In 2019, a bombing in a Quetta market killed 20 people.

Police said an investigation had been launched."""


def _events(extractor: Extractor, text: str, day: dt.date = DAY) -> list:
    return extractor.extract(Document("t", text, day))


def test_an_article_keeps_its_own_event_only(extractor: Extractor) -> None:
    events = _events(extractor, ARTICLE)
    assert [(e.event_type, e.deaths, e.adm1) for e in events] == [("ied_bombing", 4, "PK-BA")]
    assert events[0].injured == 2


@pytest.mark.parametrize(
    "history",
    [
        "In March 2018, a suicide bomber killed 31 people at a rally in Kech.",
        "The province saw 40 attacks in which 120 people were killed in the first half of 2021.",
        "In 2016, a bombing in Turbat killed 15.",
        "The 2015 massacre of 20 labourers in Turbat shocked the country.",
        "Nine soldiers had been killed in the district in January alone.",
    ],
)
def test_a_retold_attack_lends_no_toll(extractor: Extractor, history: str) -> None:
    text = LEAD + history
    assert [(e.deaths, e.adm1) for e in _events(extractor, text)] == [(4, "PK-BA")]


def test_the_undated_sequel_of_a_retold_attack_is_history_too(extractor: Extractor) -> None:
    text = (
        LEAD + "Militants overran Turbat in August 2015. During the fighting that followed, an "
        "airstrike on a school killed 40 people."
    )
    assert [e.deaths for e in _events(extractor, text)] == [4]


@pytest.mark.parametrize(
    "today",
    [
        # a weekday is the report's own day
        "On Sunday, gunmen killed two policemen in Panjgur, police said.",
        # "since" a year: today's attack measured against the past
        "Gunmen killed two policemen in Panjgur, the deadliest attack there since 2019.",
    ],
)
def test_recent_and_comparative_sentences_are_not_history(extractor: Extractor, today: str) -> None:
    text = LEAD + today
    assert sum(e.deaths or 0 for e in _events(extractor, text)) == 6


def test_the_lead_is_never_history(extractor: Extractor) -> None:
    text = "Gunmen killed three policemen in Kech in the worst attack of 2019, police said."
    assert [e.deaths for e in _events(extractor, text)] == [3]
    text = "In May 2020, a bomb killed 12 in Kech.\n\nIn June 2020, a bomb killed 3 in Gwadar."
    assert [e.deaths for e in _events(extractor, text)] == [12]


def test_a_report_without_a_publication_date_keeps_everything(extractor: Extractor) -> None:
    text = "A bomb killed four soldiers in Turbat.\n\nIn May 2017, gunmen killed ten in Gwadar."
    assert sum(e.deaths or 0 for e in extractor.extract(Document("t", text, None))) == 14


@given(age=st.integers(min_value=0, max_value=4000))
def test_dated_sentences_are_history_exactly_when_every_date_is_old(age: int) -> None:
    s = Sentence(0, 10, "x killed y", True)
    mention = DateMention(DAY - dt.timedelta(days=age), 1, 0, 1, "x")  # (a day's precision)
    recent = DateMention(DAY, 1, 2, 3, "y")
    assert is_history(s, [mention], DAY) is (age > HISTORY_DAYS)
    assert is_history(s, [mention, recent], DAY) is False


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of mourners buried the victims of the market bombing in Parachinar on Sunday.",
        "Hundreds of lawyers staged a protest in Quetta on Tuesday, a day after the bar "
        "association's president was shot dead.",
        "Members of the Hazara community held a sit-in in Quetta against Friday's bombing, "
        "refusing to bury their dead.",
    ],
)
def test_mourning_or_protest_over_an_attack_is_no_new_event(
    extractor: Extractor, text: str
) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber struck a funeral in Nangarhar, killing 18 mourners.",
        "Police opened fire on protesters in Karachi, killing two.",
        "Thousands of protesters marched in Karachi; police fired tear gas, wounding six.",
    ],
)
def test_an_attack_on_mourners_or_protesters_is_an_event(extractor: Extractor, text: str) -> None:
    assert len(_events(extractor, text)) == 1


def test_a_roundups_details_go_back_to_their_incident(extractor: Extractor) -> None:
    text = (
        "PESHAWAR: Three policemen were martyred when a roadside bomb hit their van in Lakki "
        "Marwat on Monday, while in a separate incident gunmen shot dead a trader in Tank.\n\n"
        "The bomb went off as the van passed through the Pezu area of Lakki Marwat. Two other "
        "policemen were injured.\n\n"
        "In the second incident, the trader was shot dead outside his shop in Tank city."
    )
    events = {e.place: e for e in _events(extractor, text)}
    assert set(events) == {"Lakki Marwat", "Tank"}, events
    lakki, tank = events["Lakki Marwat"], events["Tank"]
    assert (lakki.event_type, lakki.deaths, lakki.injured) == ("ied_bombing", 3, 2)
    assert (tank.event_type, tank.deaths, tank.injured) == ("targeted_killing", 1, None)


@pytest.mark.parametrize(
    "stat",
    [
        "The CTD said it had carried out 900 operations across the province this year and "
        "arrested 310 suspects in Turbat.",
        "Roadside bombs caused 41 percent of the 512 deaths recorded in Kech.",
        "Some 60 people have been killed in Kech since January.",
    ],
)
def test_a_record_or_a_share_is_no_toll(extractor: Extractor, stat: str) -> None:
    text = LEAD + stat
    events = _events(extractor, text)
    assert [(e.deaths, e.arrested) for e in events] == [(4, None)], events


def test_a_feast_day_is_no_weekday_of_this_week(extractor: Extractor) -> None:
    text = (
        LEAD
        + "In March 2016, a suicide bomber killed 70 people at a park in Lahore on Easter Sunday."
    )
    assert [e.deaths for e in _events(extractor, text)] == [4]


@pytest.mark.parametrize(
    "text",
    [
        "ISLAMABAD: A year after a suicide bomber killed 80 people at a mosque in Peshawar, "
        "officials say the group has grown stronger.\n\nThe January 2021 bombing was followed "
        "by a string of attacks. Gunmen later killed 12 policemen in the city.",
        "KARACHI: An anti-terrorism court on Thursday sentenced four men to death for the 2015 "
        "attack on a bus in Karachi, in which 40 people were killed.\n\nThe gunmen had stopped "
        "the bus and opened fire on the passengers.",
    ],
)
def test_an_anniversary_or_a_verdict_is_no_attack(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "stat",
    [
        "Some 80 people had been killed in Kech between July and October, officials said.",
        "More than 300 tribal elders were killed across the country in such attacks.",
    ],
)
def test_a_count_over_months_or_the_country_is_no_toll(extractor: Extractor, stat: str) -> None:
    text = LEAD + stat
    assert [e.deaths for e in _events(extractor, text)] == [4]


def test_a_day_tally_is_no_history_and_this_years_attack_is(extractor: Extractor) -> None:
    tally = "PESHAWAR: Over the past 24 hours, security forces killed 12 terrorists in Bannu."
    assert [e.deaths for e in _events(extractor, tally)] == [12]
    text = "A bomb killed four soldiers in Turbat on Tuesday. Earlier this year, a bomb killed 13."
    assert [e.deaths for e in _events(extractor, text)] == [4]


def test_the_hospital_the_wounded_reach_is_no_scene(extractor: Extractor) -> None:
    text = (
        "Two soldiers were martyred in an IED blast in North Waziristan on Monday. Three "
        "injured soldiers were evacuated to the Combined Military Hospital in Bannu."
    )
    (event,) = _events(extractor, text)
    assert (event.place, event.deaths, event.injured) == ("North Waziristan", 2, 3)


def test_a_roundups_detail_naming_a_province_goes_back(extractor: Extractor) -> None:
    text = (
        "KABUL: Six policemen were killed in an attack on a checkpoint in Kunduz province on "
        "Monday, while an airstrike killed nine militants in Nad Ali district of Helmand.\n\n"
        "A member of the Kunduz provincial council said the attackers came from Chahar Dara."
    )
    events = {e.adm1: e for e in _events(extractor, text)}
    assert set(events) == {"AF-KDZ", "AF-HEL"}, events
    assert events["AF-HEL"].event_type == "airstrike"


def test_material_seized_and_a_citys_record_type_nothing(extractor: Extractor) -> None:
    text = (
        "LAHORE: The CTD arrested five suspected militants in Lahore on Wednesday.\n\n"
        "Explosives weighing four kilogrammes and two suicide vests were seized from their "
        "possession. The city has a history of devastating bombings."
    )
    assert [(e.event_type, e.arrested) for e in _events(extractor, text)] == [("arrest", 5)]


def test_armed_men_on_motorcycles_who_burn_machinery_attack_property(
    extractor: Extractor,
) -> None:
    text = (
        "Unidentified armed men set fire to a mobile phone tower in Kech district on Sunday "
        "night. No one was hurt. Around 15 armed men on motorcycles arrived at the site and "
        "held the guards at gunpoint."
    )
    assert [e.event_type for e in _events(extractor, text)] == ["property_attack"]


def test_a_two_incident_leads_next_paragraph_tells_the_first(extractor: Extractor) -> None:
    text = (
        "KABUL: A deputy governor was killed when a magnetic bomb attached to his car exploded "
        "in Kabul on Tuesday, while four soldiers died in a Taliban attack in Logar province.\n\n"
        "Police said the sticky bomb went off as the official was travelling to work. Three "
        "passers-by were wounded.\n\n"
        "Meanwhile, in Logar, the Taliban attacked a checkpoint in the Mohammad Agha district "
        "on Tuesday night, killing four soldiers."
    )
    events = {e.adm1: e for e in _events(extractor, text)}
    assert set(events) == {"AF-KAB", "AF-LOG"}, events
    kabul, logar = events["AF-KAB"], events["AF-LOG"]
    assert (kabul.event_type, kabul.injured) == ("ied_bombing", 3), kabul
    assert (logar.event_type, logar.deaths, logar.injured) == ("armed_clash", 4, None), logar


def test_an_attack_named_by_month_and_year_is_history(extractor: Extractor) -> None:
    text = (
        LEAD + "Turbat has seen deadly attacks, including the April 2019 bombing at a market that "
        "killed 20 people."
    )
    assert [e.deaths for e in _events(extractor, text)] == [4]


def test_in_a_separate_incident_takes_up_the_leads_other_incident(
    extractor: Extractor,
) -> None:
    text = (
        "BANNU: Two policemen were killed when a roadside bomb hit a police van in Bannu on "
        "Tuesday, while two soldiers died in an attack in neighbouring Lakki Marwat.\n\n"
        "In the first incident, the bomb exploded near the Domel police station in Bannu. Two "
        "other policemen were injured.\n\n"
        "In a separate incident, militants armed with heavy weapons attacked the Shadi Khel "
        "police post in Lakki Marwat district. Four soldiers were injured."
    )
    events = {e.place: e for e in _events(extractor, text)}
    assert (events["Bannu"].injured, events["Lakki Marwat"].injured) == (2, 4), events


def test_a_leaders_record_does_not_carry_over(extractor: Extractor) -> None:
    text = (
        "KABUL, Afghanistan (April 9, 2012) - An Afghan and coalition security force arrested "
        "a Taliban leader in Qadis district, Badghis province, today. The leader is believed "
        "to be responsible for the kidnapping of two road workers last month. The security "
        "force also detained one other suspected insurgent, who was later released."
    )
    assert [e.arrested for e in _events(extractor, text)] == [2]


def test_a_hospital_named_for_a_town_is_no_scene(extractor: Extractor) -> None:
    text = (
        "A roadside bomb killed a peace committee leader in Kabal tehsil of Swat district on "
        "Wednesday. His nephew was injured and taken to the Saidu Sharif Teaching Hospital."
    )
    (event,) = _events(extractor, text)
    assert event.place != "Saidu Sharif", event
