"""Reports of no new violent event (a policy, a UN report's statistics) make no event from the
attacks they mention; a report that does open on its event keeps it (`history.drop_history`)."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor

DAY = dt.date(2024, 10, 4)

POLICY = """ISLAMABAD: The federal government on Thursday extended the deadline for the \
repatriation of Afghan refugees until the end of the year, amid pressure from aid agencies.

The interior minister said the decision was taken at a meeting of the cabinet. "The law has \
to be implemented," he said.

More than 700,000 Afghans have left the country since the drive began. Officials have \
justified the policy on security grounds, saying Afghan nationals were involved in several \
suicide attacks.

Traders at the Torkham and Chaman crossings said closures after clashes between border forces \
had badly affected trade."""

UN_REPORT = """KABUL: Civilian casualties in Afghanistan rose by nearly half in the first six \
months of the year, the United Nations said in a report released on Monday.

It said the number of casualties had risen sharply since May, when the Taliban launched a \
major offensive. Improvised explosive devices and ground fighting caused the largest share of \
casualties.

Fighting has been raging around the provincial capitals of Kandahar and Herat in recent weeks."""


def _events(extractor: Extractor, text: str, day: dt.date = DAY) -> list:
    return extractor.extract(Document("t", text, day))


@pytest.mark.parametrize("text", [POLICY, UN_REPORT], ids=["policy", "un-report"])
def test_a_report_of_no_new_attack_makes_no_event(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


def test_a_quiet_report_keeps_an_attack_told_with_its_place_and_toll(
    extractor: Extractor,
) -> None:
    text = POLICY + "\n\nGunmen shot dead two policemen in Peshawar, police said."
    events = _events(extractor, text)
    assert [(e.deaths, e.adm1) for e in events] == [(2, "PK-KP")]


@pytest.mark.parametrize(
    "later",
    [
        "Meanwhile, a bomb exploded near a police van in Quetta.",  # opened as an incident
        "A bomb exploded near a police van in Quetta on Wednesday.",  # dated recently
    ],
)
def test_a_quiet_report_keeps_an_incident_opened_or_dated(extractor: Extractor, later: str) -> None:
    events = _events(extractor, POLICY + "\n\n" + later)
    assert [e.adm1 for e in events] == ["PK-BA"]


@pytest.mark.parametrize(
    "lead",
    [
        # a scope, not a period
        "The Pakistani Taliban ended their ceasefire with the government on Monday and ordered "
        "their fighters to resume attacks across the country.",
        # a toll of its own
        "Five soldiers were killed on Monday when Taliban fighters attacked their outpost in "
        "Arghandab, as violence continued across the country in the first six months of talks.",
        # compared with a period
        "A suicide bomber struck a police station in Quetta on Monday, the deadliest attack in "
        "the city in the past six months.",
    ],
)
def test_a_lead_that_tells_its_event_is_kept(extractor: Extractor, lead: str) -> None:
    assert len(_events(extractor, lead + "\n\nPolice said an inquiry had begun.")) == 1


@pytest.mark.parametrize(
    "background",
    [
        "Kunduz has been the scene of heavy fighting in recent years.",
        "Security forces have detained more than 300 suspects in the province since January.",
        "The ministry said 14 of 24 suicide bombings were carried out by foreigners.",
    ],
)
def test_a_course_over_months_lends_nothing(extractor: Extractor, background: str) -> None:
    lead = "A roadside bomb killed four soldiers in Turbat on Tuesday.\n\n"
    events = _events(extractor, lead + background, dt.date(2022, 5, 18))
    assert [(e.deaths, e.adm1, e.adm2 is not None) for e in events] == [(4, "PK-BA", True)]


BANNU = """PESHAWAR: Militants killed five policemen in an attack on a checkpost in Bannu on \
Monday, officials said.

The attackers used heavy weapons and the exchange of fire lasted two hours, a police official \
said. Three other policemen were injured.

"""


def test_the_event_retold_at_a_finer_place_is_one_event(extractor: Extractor) -> None:
    text = BANNU + (
        "The attack on the Jani Khel checkpost left five policemen dead and three injured, "
        "the district police officer said."
    )
    events = _events(extractor, text, dt.date(2023, 7, 11))
    assert [(e.deaths, e.injured, e.adm1, e.place) for e in events] == [(5, 3, "PK-KP", "Bannu")]


def test_an_attack_told_with_other_figures_elsewhere_is_another(extractor: Extractor) -> None:
    text = BANNU + "The attack in Lakki Marwat on Sunday left two soldiers dead."
    events = _events(extractor, text, dt.date(2023, 7, 11))
    assert [(e.deaths, e.place) for e in events] == [(5, "Bannu"), (2, "Lakki Marwat")]


STATISTICS = """ISLAMABAD: 2022 was the deadliest year for the country's police in a decade, \
according to a report released on Monday by a research institute.

The institute recorded 412 militant attacks during the year. On December 18, 11 policemen \
were killed when militants attacked a checkpost in Lakki Marwat.

The report said the banned TTP was behind most of the attacks."""

SIT_IN = """PARACHINAR: Relatives of the victims continued their sit-in outside the press club \
for a second day on Tuesday with the coffins of the passengers killed in Kurram.

Eight passengers were shot dead when gunmen fired on a convoy near Bagan on Sunday.

The protesters demanded the arrest of the killers."""

AFTER_DAYS = """PESHAWAR: Ten days after a suicide bomber blew himself up in a mosque in the \
police lines, investigators are still searching for his handlers.

The January 30 attack killed 84 people, most of them policemen."""

POLICY_LEAD = """ISLAMABAD: The federal cabinet on Saturday approved a new counter-terrorism \
campaign that will combine intelligence-based operations with legislation.

Residents of the tribal districts fear another operation like the one in North Waziristan \
that displaced a million people."""

PRESS_CONFERENCE = """RAWALPINDI: The military spokesman told a press conference on Friday \
that the militants had links with groups in Afghanistan.

He also referred to the February 28 suicide bombing at a seminary in Akora Khattak, which \
killed eight people."""


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (STATISTICS, dt.date(2023, 1, 2)),
        (SIT_IN, dt.date(2024, 11, 26)),
        (AFTER_DAYS, dt.date(2023, 2, 10)),
        (POLICY_LEAD, dt.date(2024, 6, 23)),
        (PRESS_CONFERENCE, dt.date(2025, 3, 14)),
    ],
    ids=["statistics", "sit-in", "days-after", "policy", "press-conference"],
)
def test_a_report_that_recalls_counts_or_mourns_makes_no_event(
    extractor: Extractor, text: str, day: dt.date
) -> None:
    assert _events(extractor, text, day) == []


def test_talks_agreed_are_an_event(extractor: Extractor) -> None:
    text = (
        "ISLAMABAD: Pakistan and Afghanistan agreed to an immediate ceasefire after talks in "
        "Doha on Sunday.\n\nA week of calm preceded the deal."
    )
    events = _events(extractor, text, dt.date(2025, 10, 19))
    assert [e.event_type for e in events] == ["ceasefire_negotiation"]


def test_a_strike_on_a_man_linked_to_a_dated_attack_is_today_s(extractor: Extractor) -> None:
    text = (
        "Afghan forces killed two insurgents in Kunduz on Monday. In a separate operation, a "
        "precision strike in Baghlan killed a Taliban commander directly connected to the July 2 "
        "attack on an aid office."
    )
    events = _events(extractor, text, dt.date(2012, 7, 21))
    assert [(e.deaths, e.adm1) for e in events] == [(2, "AF-KDZ"), (1, "AF-BGL")]


@pytest.mark.parametrize(
    "background",
    [
        "The attack came less than a week after 16 soldiers were killed in Makeen.",
        "Saturday's attack came 10 days after six policemen were killed in Khuzdar.",
        "In October 2021, suicide bombers attacked a mosque in Kunduz, killing 50 people.",
        "The Quetta shooting came a day after militants stormed a college in Wana, killing five.",
    ],
)
def test_an_earlier_attack_told_beside_the_event_lends_nothing(
    extractor: Extractor, background: str
) -> None:
    lead = "Gunmen shot dead three policemen in Quetta on Saturday.\n\n"
    events = _events(extractor, lead + background, dt.date(2025, 6, 1))
    assert [(e.deaths, e.adm1) for e in events] == [(3, "PK-BA")]


# Guards from the code review of these rules (crev4): news the framings must not drop.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside about the place is no statistics lead
        (
            "A suicide bomber attacked a Shia mosque in Hangu on Tuesday, in a district that has "
            "seen sectarian violence in recent years. Police said nine worshippers were killed.",
            [(9, "PK-KP")],
        ),
        # today's attack after a statistics lead
        (
            "Militant attacks in the northwest have doubled by some counts, a report said. On "
            "Tuesday, a roadside bomb killed four soldiers in South Waziristan, officials said.",
            [(4, "PK-KP")],
        ),
        # "a day after" with a new deed in the main clause
        (
            # (the earlier bombing's 10 are added to today's 6: not fixed, kept out of the test)
            "A day after a bombing in Quetta, gunmen shot dead six passengers near Mastung on "
            "Tuesday, police said.",
            [(6, "PK-BA")],
        ),
        # a bomb at the funeral, and a killing the protest is about
        (
            "Thousands of mourners attended the funeral of a police officer in Mardan on Tuesday. "
            "A bomb went off near the funeral procession, killing seven people.",
            [(7, "PK-KP")],
        ),
        (
            "QUETTA: Relatives staged a protest against the killing of a shopkeeper on Tuesday. "
            "Police said gunmen shot dead the shopkeeper in Quetta on Monday night.",
            [(1, "PK-BA")],
        ),
        # air strikes are no protesters' strike
        (
            "Members of the security forces continued their air strikes on hideouts in Orakzai on "
            "Tuesday. Eleven militants were killed in the strikes, officials said.",
            [(11, "PK-KP")],
        ),
        # a decision verb in a clause, or reporting a deed, is no decision lead
        (
            "Militants ambushed a police convoy in Khyber on Tuesday after the Taliban announced "
            "their spring offensive, killing three policemen.",
            [(3, "PK-KP")],
        ),
        (
            "The army announced on Tuesday that troops had killed nine militants in an operation "
            "in North Waziristan.",
            [(9, "PK-KP")],
        ),
        # a lead compared with a named attack, and the report's own dated follow-up
        (
            "A suicide bomber killed 20 people at a market in Peshawar on Tuesday, the deadliest "
            "attack since the April 30 bombing in Quetta.",
            [(20, "PK-KP")],
        ),
        # the toll sentence of today's attack, with a comparison or a relative clause
        (
            "A suicide bomber struck a police checkpoint in Bannu on Tuesday. Twelve policemen "
            "were killed in the attack, the third in recent weeks, officials said.",
            [(12, "PK-KP")],
        ),
        (
            "Militants attacked a checkpost in Kurram on Tuesday. Five soldiers were killed in the "
            "deadliest attack since last December, officials said.",
            [(5, "PK-KP")],
        ),
        # a late first event sentence with its toll after it
        (
            "KABUL, Afghanistan (AP) - The president met tribal elders on Tuesday. He urged them "
            "to back the peace process. The meeting was held at the palace. Later, a suicide "
            "bomber attacked the police headquarters in Kunduz, officials said. At least 12 "
            "people died in the attack, a spokesman said.",
            [(12, "AF-KDZ")],
        ),
        # second review round (crev5)
        (
            "A suicide bomber struck tribal elders who had agreed to raise a militia in Orakzai "
            "on Tuesday, killing six of them.",
            [(6, "PK-KP")],
        ),
        (
            "The army announced Tuesday that troops had killed seven militants in Khyber.",
            [(7, "PK-KP")],
        ),
        (
            "The federal cabinet approved a military operation in Orakzai Agency on Tuesday. Jets "
            "pounded hideouts in the agency, killing 12 militants.",
            [(12, "PK-KP")],
        ),
        (
            "A year after militants stormed a school in Peshawar, parents gathered at the school "
            "on Tuesday. Meanwhile, gunmen shot dead two policemen in Bannu.",
            [(2, "PK-KP")],
        ),
        (
            "Thousands of mourners attended the funeral of a tribal elder in Bajaur on Tuesday. A "
            "suicide bomber blew himself up in the crowd, killing 15 people.",
            [(15, "PK-KP")],
        ),
        (
            "Two weeks after the Taliban captured the district centre, Afghan forces were still "
            "fighting militants in Kunduz on Tuesday, killing six.",
            [(6, "AF-KDZ")],
        ),
        (
            "A bomb exploded in a market in Parachinar on Tuesday. Five people were killed in the "
            "blast in the town, the scene of sectarian clashes in recent years.",
            [(5, "PK-KP")],
        ),
        (
            "Gunmen attacked a checkpost in Bajaur on Tuesday. Five soldiers were killed in the "
            "attack in the tribal belt where the army has been fighting militants since March.",
            [(5, "PK-KP")],
        ),
    ],
)
def test_news_after_any_opening_is_kept(
    extractor: Extractor, text: str, expected: list[tuple[int, str]]
) -> None:
    events = _events(extractor, text, dt.date(2011, 5, 24))
    assert [(e.deaths, e.adm1) for e in events] == expected


def test_different_attacks_with_one_toll_stay_apart(extractor: Extractor) -> None:
    text = (
        "A bomb killed five people in Peshawar on Tuesday. The Quetta attack also left five dead."
    )
    events = _events(extractor, text, dt.date(2011, 5, 24))
    assert [(e.deaths, e.adm1) for e in events] == [(5, "PK-KP"), (5, "PK-BA")]


def test_a_claim_of_a_named_attack_is_its_news(extractor: Extractor) -> None:
    text = "The Taliban claimed responsibility for the May 20 attack on a checkpost in Bannu."
    events = _events(extractor, text, dt.date(2011, 5, 24))
    assert [(e.date, e.adm1) for e in events] == [(dt.date(2011, 5, 20), "PK-KP")]


def test_a_statistics_lead_keeps_today_s_attack_and_its_wounded(extractor: Extractor) -> None:
    text = (
        "Militant attacks have nearly doubled in the province this year, a report said on Monday. "
        "On Tuesday, a roadside bomb killed four soldiers in South Waziristan. Three other "
        "soldiers were wounded."
    )
    events = _events(extractor, text, dt.date(2011, 5, 24))
    assert [(e.deaths, e.injured) for e in events] == [(4, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A day after a bombing killed 10 people in Quetta, gunmen shot dead six passengers "
            "near Mastung on Tuesday, police said.",
            (6, "Mastung"),
        ),
        (
            "A week after militants stormed a naval base in Karachi, a roadside bomb killed four "
            "soldiers in Khyber Agency.",
            (4, "Khyber Agency"),
        ),
        (
            "A week after militants attacked a naval base in Karachi, killing 10 sailors, police "
            "arrested four suspects in Hyderabad.",
            (None, "Hyderabad"),
        ),
    ],
)
def test_a_lead_s_framing_clause_lends_nothing_to_its_news(
    extractor: Extractor, text: str, expected: tuple[int | None, str]
) -> None:
    events = _events(extractor, text, dt.date(2011, 5, 24))
    assert [(e.deaths, e.place) for e in events] == [expected]
