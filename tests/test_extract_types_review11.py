"""Event types the eleventh review found wrong, in wordings of our own: a shootout, a fighter
who fired on the force, a past crime "in connection with" an arrest, Shi'ite travellers, a
university attacked, tourists fired on, a gang's kidnapping, a community's members, civilians
caught between two sides, and mortars fired at the other country's border posts."""

from __future__ import annotations

import datetime as dt

import pytest

from signalfire.extract import Document, Extractor
from signalfire.extract.event_types import find_triggers

DAY = dt.date(2016, 8, 9)


def _first(extractor: Extractor, text: str) -> str | None:
    events = extractor.extract(Document("t", text, DAY))
    return events[0].event_type if events else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police killed a wanted militant in a shootout in Bannu, officials said.", "armed_clash"),
        ("Afghan forces killed two insurgents who fired on them from a rooftop in Ghazni city.",
         "armed_clash"),
        ("Police in Kandahar arrested three men in connection with the kidnapping of a trader "
         "last year.", "arrest"),
        ("Gunmen opened fire on a bus carrying Shi'ite pilgrims in Mastung, killing 11 people.",
         "attack_on_civilians"),
        ("Gunmen attacked Bacha Khan University in Charsadda, killing 20 people, before troops "
         "killed the four attackers.", "attack_on_civilians"),
        ("Gunmen opened fire on a group of tourists in Bamiyan, killing four; two suspects were "
         "arrested.", "attack_on_civilians"),
        ("Dacoits kidnapped four labourers from a village near Ghotki on Monday.", "abduction"),
        ("Gunmen on motorcycles shot dead five members of the Hazara community in Quetta.",
         "attack_on_civilians"),
        ("Fighting between Afghan forces and the Taliban in Kunduz has killed 14 civilians.",
         "armed_clash"),
        ("Afghan forces fired mortars at Pakistani border posts near Angoor Adda, killing two "
         "civilians.", "cross_border_shelling"),
    ],
)  # fmt: skip
def test_types_review11(extractor: Extractor, text: str, expected: str) -> None:
    assert _first(extractor, text) == expected


def test_militants_firing_mortars_at_a_post_at_home_is_a_clash() -> None:
    kinds = {t.event_type for t in find_triggers("Militants fired mortars at a post in Bannu.")}
    assert kinds == {"armed_clash"}


def test_robbery_is_still_no_event(extractor: Extractor) -> None:
    assert _first(extractor, "Robbers shot dead a money changer in Peshawar.") is None


# Guards from the code review of this round's rules: each sentence kept its type before them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A passenger plane took off with 150 passengers from Kabul and crashed in the "
         "mountains, killing all on board.", None),
        ("Taliban forces engaged Afghan troops in Ghazni province, killing four soldiers.",
         "armed_clash"),
        ("Gunmen had abducted two engineers in Nad Ali district of Helmand province on Sunday.",
         "abduction"),
        ("Commandos launched a rescue operation in Ghazni, freeing 12 hostages and killing five "
         "kidnappers.", "security_operation"),
        ("Iran forces exchanged fire with Pakistani forces near Taftan.", "cross_border_shelling"),
        ("The envoy was killed when his bodyguard opened fire on the suicide bomber at the gate "
         "in Kabul.", "suicide_bombing"),
    ],
)  # fmt: skip
def test_rules_of_this_round_do_not_overreach(
    extractor: Extractor, text: str, expected: str | None
) -> None:
    assert _first(extractor, text) == expected


def test_the_events_own_date_survives_a_cue_word(extractor: Extractor) -> None:
    text = "The Taliban said they were behind the attack on Sunday in Kandahar that killed four."
    [event] = extractor.extract(Document("t", text, DAY))
    assert event.date == dt.date(2016, 8, 7)


def test_a_deed_named_by_its_date_does_not_date_the_arrest(extractor: Extractor) -> None:
    text = (
        "Security forces detained the commander responsible for the July 30 kidnapping of "
        "two doctors in an operation in Kunduz province today."
    )
    assert [e.date for e in extractor.extract(Document("t", text, DAY))][:1] == [DAY]
