"""Attacks that hurt no one: property and infrastructure (pipelines, railway tracks, pylons,
mobile towers, schools, bridges, supply tankers), attacks on posts that are repulsed, and bombs
that are defused. Sentences written for these tests (news, ISPR, police and claim styles)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, ExtractedEvent, Extractor, event_types
from signalfire.extract.event_types import EVENT_TYPES, PRIORITY, classify, find_triggers

DAY = dt.date(2015, 5, 3)


def events(extractor: Extractor, text: str) -> list[ExtractedEvent]:
    return extractor.extract(Document("d", text, DAY))


def roles(event: ExtractedEvent, role: str) -> set[str]:
    return {a.actor_id for a in event.actors if a.role == role}


def test_property_attack_is_in_the_taxonomy() -> None:
    assert "property_attack" in EVENT_TYPES and "property_attack" in PRIORITY
    assert "| property_attack " in (event_types.__doc__ or "")
    # a bomb, a killing or a clash says more than the damage done
    assert PRIORITY.index("ied_bombing") < PRIORITY.index("property_attack")
    assert PRIORITY.index("armed_clash") < PRIORITY.index("property_attack")


@pytest.mark.parametrize(
    ("text", "event_type", "perpetrators", "adm1"),
    [
        # the brief's examples
        (
            "The National Liberation Front of Balochistan claimed the attack on a gas pipeline "
            "in Dera Bugti.",
            "property_attack",
            {"new_"},
            "PK-BA",
        ),
        (
            "Unidentified gunmen torched six NATO oil tankers in Khyber Agency.",
            "property_attack",
            {"unidentified_armed_group"},
            "PK-KP",
        ),
        # arson of towers, schools, machinery
        (
            "Militants torched a mobile phone tower in Panjgur district on Wednesday.",
            "property_attack",
            {"unidentified_armed_group"},
            "PK-BA",
        ),
        (
            "Insurgents set a school on fire in Ghazni province, the education department said.",
            "property_attack",
            {"unidentified_armed_group"},
            "AF-GHA",
        ),
        (
            "The BLA claimed responsibility for setting ablaze two mobile towers in Kharan.",
            "property_attack",
            {"bla"},
            "PK-BA",
        ),
        (
            "The separatist BLA said in a statement its fighters torched three mobile towers in "
            "Noshki.",
            "property_attack",
            {"bla"},
            "PK-BA",
        ),
        # destroyed, damaged, fired at, by means not a bomb
        (
            "The BLF claimed it had destroyed electricity pylons in Kech district.",
            "property_attack",
            {"blf"},
            "PK-BA",
        ),
        (
            "Militants attacked a gas pipeline with rockets in Kohlu on Sunday.",
            "property_attack",
            {"unidentified_armed_group"},
            "PK-BA",
        ),
        (
            "A gas well in Sui was damaged in a rocket attack, but no one was hurt.",
            "property_attack",
            set(),
            "PK-BA",
        ),
        (
            "Unidentified armed men fired at a power pylon in Jaffarabad, damaging it.",
            "property_attack",
            {"unidentified_armed_group"},
            "PK-BA",
        ),
        # blown up: a bombing, as GTD and ACLED type it
        (
            "The Baloch Liberation Army said its men had blown up a railway track in Dhadar.",
            "ied_bombing",
            {"bla"},
            "PK-BA",
        ),
        (
            "Taliban insurgents destroyed a bridge in Kandahar's Arghandab district with "
            "explosives.",
            "ied_bombing",
            {"afg_taliban"},
            "AF-KAN",
        ),
        (
            "Miscreants damaged the railway track near Ghotki by planting explosives.",
            "ied_bombing",
            {"unidentified_armed_group"},
            "PK-SD",
        ),
        (
            "Unknown assailants lobbed a hand grenade at a girls' school in Pishin.",
            "ied_bombing",
            {"unidentified_armed_group"},
            "PK-BA",
        ),
    ],
)
def test_attacks_on_property(
    extractor: Extractor, text: str, event_type: str, perpetrators: set[str], adm1: str
) -> None:
    (e,) = events(extractor, text)
    assert e.event_type == event_type
    got = roles(e, "perpetrator")
    if perpetrators == {"new_"}:
        assert len(got) == 1 and next(iter(got)).startswith("new_")
    else:
        assert got == perpetrators
    assert roles(e, "target") == set()
    assert e.adm1 == adm1


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen torched six NATO oil tankers in Khyber Agency.",
        "The TTP claimed responsibility for the attack on NATO supply trucks in Khyber Agency.",
        "Gunmen set ablaze four tankers carrying fuel for NATO forces near Quetta.",
        "Two NATO oil tankers were set ablaze in an attack near Chaman.",
        "Fuel tankers supplying US-led forces were torched by gunmen in Khyber Agency.",
    ],
)
def test_supply_tankers_do_not_make_nato_a_side(extractor: Extractor, text: str) -> None:
    (e,) = events(extractor, text)
    assert e.event_type == "property_attack"
    assert "nato_isaf" not in roles(e, "perpetrator") | roles(e, "target")


@pytest.mark.parametrize(
    ("text", "attackers", "defenders"),
    [
        (
            "Security forces repulsed a Taliban attack on a checkpost in North Waziristan.",
            {"ttp"},
            {"pak_military"},
        ),
        (
            "Security forces repulsed an attack by militants on a checkpost in Datta Khel, North "
            "Waziristan.",
            {"unidentified_armed_group"},
            {"pak_military"},
        ),
        (
            "Afghan forces repelled a Taliban attack on a checkpoint in Kunduz province.",
            {"afg_taliban"},
            {"afg_military"},
        ),
        (
            "A Taliban attack on a security outpost in Helmand's Sangin district was repulsed by "
            "Afghan soldiers.",
            {"afg_taliban"},
            {"afg_military"},
        ),
        (
            "Levies beat back an attack on their post in Panjgur; no one was hurt.",
            set(),
            {"pak_military"},
        ),
        (
            "Taliban fighters attacked the district headquarters in Paktika, but Afghan forces "
            "repulsed them.",
            {"afg_taliban"},
            {"afg_military"},
        ),
        (
            "Afghan soldiers fought off a Taliban assault on an outpost in Badghis province.",
            {"afg_taliban"},
            {"afg_military"},
        ),
    ],
)
def test_a_repulsed_attack_makes_the_defenders_its_target(
    extractor: Extractor, text: str, attackers: set[str], defenders: set[str]
) -> None:
    (e,) = events(extractor, text)
    assert e.event_type == "armed_clash"
    assert roles(e, "perpetrator") == attackers
    assert roles(e, "target") == defenders


def test_defenders_who_then_kill_are_perpetrators(extractor: Extractor) -> None:
    (e,) = events(extractor, "Troops repulsed a militant attack in Bajaur and killed 12 attackers.")
    assert "pak_military" in roles(e, "perpetrator")


@pytest.mark.parametrize(
    "text",
    [
        "Afghan police defused a roadside bomb in Kandahar city on Saturday.",
        "Police recovered and defused a remote-controlled bomb planted on the roadside in "
        "Peshawar's Badaber area.",
        "The bomb disposal squad defused a 5-kilogram bomb planted near a school in Quetta.",
    ],
)
def test_a_defused_bomb_is_an_attempted_bombing_by_nobody_named(
    extractor: Extractor, text: str
) -> None:
    (e,) = events(extractor, text)
    assert e.event_type == "ied_bombing"
    assert roles(e, "perpetrator") == set()


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # fire at a post that hurts no one is a clash, not a killing by "unknown gunmen"
        (
            "Unknown gunmen opened fire on a police station in Kech; there were no casualties.",
            "armed_clash",
        ),
        (
            "Militants fired rockets at a checkpost in Kurram Agency, but no one was hurt.",
            "armed_clash",
        ),
        (
            "Terrorists fired at a polio team in Bannu, but all team members remained safe.",
            "attack_on_civilians",
        ),
        # a killing stays a killing
        ("Unidentified gunmen shot dead a shopkeeper in Quetta.", "targeted_killing"),
    ],
)
def test_attacks_without_victims_are_typed_by_what_was_hit(
    extractor: Extractor, text: str, event_type: str
) -> None:
    (e,) = events(extractor, text)
    assert e.event_type == event_type


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister inaugurated a new gas pipeline in Gwadar on Monday.",
        "Engineers repaired the gas pipeline in Dera Bugti and supply was restored to Punjab.",
        "The girls' school in Swat reopened after renovation, the education department said.",
        "Protesters torched tyres and blocked the highway in Quetta against gas load-shedding.",
        "An oil tanker overturned on the highway near Khuzdar and caught fire.",
        "Heavy rains damaged two bridges and a school in Swat district.",
        "Wapda said the power pylons in Kohlu would be repaired within two days.",
        "NATO supply trucks resumed crossing at Torkham after a three-day closure.",
        "Engineers restored power after replacing the damaged pylons in Naseerabad.",
    ],
)
def test_no_event_without_an_attack(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []


_WORDS = st.sampled_from(
    [
        *("militants", "torched", "set", "fire", "to", "a", "the", "gas", "pipeline", "school"),
        *("tower", "attacked", "unidentified", "gunmen", "killed", "two", "on", "at", "railway"),
        *("track", "bomb", "blew", "up", "repulsed", "attack", "checkpost", "storm", "NATO"),
        *("protesters", "damaged", "tankers", "were", "was"),
    ]
)


@given(st.lists(_WORDS, max_size=14))
def test_any_sentence_gets_a_known_type(words: list[str]) -> None:
    text = " ".join(words)
    triggers = find_triggers(text)
    assert all(text[t.start : t.end] == t.text for t in triggers)
    for killed in (0, 1):
        chosen, confidence, _ = classify(triggers, killed, 0, False)
        assert chosen in EVENT_TYPES and 0 <= confidence <= 1


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the forces' post stands for them where it is attacked
        (
            "Militants fired rockets at a checkpost in Kurram Agency, but no one was hurt.",
            {"pak_military"},
        ),
        ("An attack on an FC post in Kohlu was repulsed, the ISPR said.", {"pak_military"}),
        # victims named before their toll are no perpetrators
        ("FC man among three killed in Quetta blast.", {"pak_military"}),
        ("Militant commander among seven killed in Bajaur.", {"unidentified_armed_group"}),
    ],
)
def test_posts_and_victims_among_the_dead_are_targets(
    extractor: Extractor, text: str, targets: set[str]
) -> None:
    (e,) = events(extractor, text)
    assert roles(e, "target") == targets
    assert not roles(e, "perpetrator") & targets


def test_a_post_that_is_not_attacked_is_no_actor(extractor: Extractor) -> None:
    (e,) = events(extractor, "New security checkposts to be set up after the Nowshera attack.")
    assert e.actors == []
