"""Event types and places the ninth review found wrong, in wordings of our own: a soldier's
home district, the "fighting season", relief operations and a crash, a bodyguard's fire,
passengers pulled off a bus, fire on a patrol, seized vests and a bunker's contents, attackers
disguised as a force, and a Kabul neighbourhood that GeoNames also puts in Laghman."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers

DAY = dt.date(2024, 8, 28)  # a Wednesday


def _events(extractor: Extractor, text: str) -> list[tuple[str, str | None, int | None]]:
    return [(e.event_type, e.adm1, e.deaths) for e in extractor.extract(Document("t", text, DAY))]


def _kinds(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence)}


def test_a_soldiers_home_district_does_not_start_another_event(extractor: Extractor) -> None:
    text = (
        "Security forces conducted an operation in Bannu District. In the exchange of fire, "
        "three khwarij were sent to hell, while Naik Zahid Iqbal (age 31, resident of District "
        "Jhelum) embraced shahadat."
    )
    assert _events(extractor, text) == [("armed_clash", "PK-KP", 4)]


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The ministers discussed preparations for the coming fighting season.", "armed_clash"),
        ("Troops were deployed for flood relief operations in Dadu.", "security_operation"),
        ("The recovery operation at the collapsed building continued.", "security_operation"),
        ("Two suicide vests were seized from the suspects.", "suicide_bombing"),
        ("Suicide vests and explosives were found in his possession.", "suicide_bombing"),
        ("The force searched a compound containing weapons and explosives.", "ied_bombing"),
    ],
)
def test_words_that_are_no_trigger_here(sentence: str, absent: str) -> None:
    assert absent not in _kinds(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The district governor was killed when one of his bodyguards opened fire after a "
         "meeting.", "targeted_killing"),
        ("Militants stopped the coach, pulled out 16 passengers and shot them.",
         "attack_on_civilians"),
        ("The patrol pursued the insurgents after they fired on the patrol from a compound.",
         "armed_clash"),
        ("Militants stormed a government-run college in Charsadda, killing 20 students.",
         "attack_on_civilians"),
        ("Gunmen stormed the hotel and held guests for hours.", "attack_on_civilians"),
    ],
)  # fmt: skip
def test_triggers_review9(sentence: str, expected: str) -> None:
    assert expected in _kinds(sentence)


def test_a_guard_firing_on_the_attackers_is_no_targeted_killing() -> None:
    assert "targeted_killing" not in _kinds(
        "The attackers stormed the gate as a bodyguard opened fire on the attackers."
    )


def test_a_helicopter_crash_in_relief_work_is_no_event(extractor: Extractor) -> None:
    text = (
        "An army helicopter on flood relief operations crashed in Khuzdar, the ISPR said. All "
        "four crew members embraced shahadat."
    )
    assert _events(extractor, text) == []


def test_attackers_disguised_as_police_are_not_the_police(extractor: Extractor) -> None:
    text = "Gunmen dressed as police killed eight tourists at a hotel in Swat district."
    [event] = extractor.extract(Document("t", text, DAY))
    assert event.event_type == "attack_on_civilians"
    assert not any(a.kind == "state_force" for a in event.actors)


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        ("KABUL - A shopkeeper was shot dead in the Deh Mazang area of the capital.", "AF-KAB"),
        ("A grenade wounded two men in Deh Mazang, Laghman province.", "AF-LAG"),
    ],
)
def test_deh_mazang(extractor: Extractor, text: str, adm1: str) -> None:
    assert [a for _, a, _ in _events(extractor, text)][:1] == [adm1]


@pytest.mark.parametrize(
    "text",
    [
        "Police said a commander wanted for the killing of a judge last month was shot dead in a "
        "raid in Bannu today.",
        "A militant involved in the bombing of a school on Monday was killed in Tank today.",
    ],
)
def test_a_past_deeds_date_is_not_the_events(extractor: Extractor, text: str) -> None:
    assert [e.date for e in extractor.extract(Document("t", text, DAY))] == [DAY]


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Police are investigating the killing of a prominent cleric in Quetta.",
         "targeted_killing", ""),
        ("Three kidnappers were arrested and a boy they had abducted was recovered.", "arrest",
         "abduction"),
        ("The engineers had been abducted from a dam site and were freed on Sunday.", "",
         "abduction"),
    ],
)  # fmt: skip
def test_a_killing_of_a_named_role_and_an_abduction_told_as_done_before(
    sentence: str, expected: str, absent: str
) -> None:
    kinds = _kinds(sentence)
    assert (not expected or expected in kinds) and absent not in kinds
