"""Event types, dates and event splitting from the fifth review's findings (7, 8, 9, 11) and
the fourth review's date expressions (D3): shelling is cross-border only with a border, the
lexicon's gaps ("murdered", an explosives vest, a vehicle striking a mine, planes that bomb),
crime and accidents are no political violence, and several incidents in one article split on
sentence-level markers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, ExtractedEvent, Extractor
from signalfire.extract.datelines import event_date
from signalfire.extract.dates import find_dates

DAY = dt.date(2012, 5, 9)  # a Wednesday


def events(extractor: Extractor, text: str, day: dt.date = DAY) -> list[ExtractedEvent]:
    return extractor.extract(Document("d", text, day))


def only_type(extractor: Extractor, text: str) -> str:
    (e,) = events(extractor, text)
    return e.event_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mortars, artillery and shelling at home are no border shelling
        (
            "Militants fired mortar shells at a Frontier Corps fort in Kurram, wounding four "
            "soldiers.",
            "armed_clash",
        ),
        (
            "Security forces shelled militant positions in Tirah with artillery, killing 12.",
            "security_operation",
        ),
        ("Four people were killed when an old mortar shell exploded in a scrapyard in Peshawar.",
         "other"),
        # fire across a border is
        (
            "Rockets fired from Pakistan landed in Dangam district of Kunar, wounding two "
            "children.",
            "cross_border_shelling",
        ),
        (
            "Afghan forces fired across the Durand Line into Bajaur, killing two civilians.",
            "cross_border_shelling",
        ),
        ("Indian troops shelled villages in Kotli, killing 2 civilians.", "cross_border_shelling"),
        ("Pakistani artillery shells landed in Kunar's Dangam district, killing a woman.",
         "cross_border_shelling"),
        ("Six Pakistani soldiers were killed in shelling.", "cross_border_shelling"),
        ("A soldier and his wife died in border shelling in Bajaur.", "cross_border_shelling"),
    ],
)  # fmt: skip
def test_shelling_is_cross_border_only_across_a_border(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert only_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Afghan Air Force planes bombed Taliban positions in Helmand, killing 25 insurgents.",
         "airstrike"),
        ("The Pakistan Air Force struck hideouts of the TTP in Khost province, killing 8.",
         "airstrike"),
        ("A missile fired from a pilotless plane struck a compound in Datta Khel, killing 5.",
         "airstrike"),
        # a bomb that men carry stays a bombing
        ("Militants bombed a girls' school in Khyber.", "ied_bombing"),
    ],
)  # fmt: skip
def test_aircraft_that_bomb_or_strike_are_airstrikes(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert only_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants murdered two teachers in Kech.", "targeted_killing"),
        ("A blogger was murdered in Karachi.", "targeted_killing"),
        (
            "A teenage bomber wearing an explosives-laden vest detonated himself at a mosque in "
            "Quetta, killing 15.",
            "suicide_bombing",
        ),
        ("A bomber detonated his explosives vest at a mosque in Quetta, killing 15.",
         "suicide_bombing"),
        ("Three soldiers died when their vehicle struck a mine in Farah.", "ied_bombing"),
        ("Two deminers were killed when a mine exploded in Herat.", "ied_bombing"),
        ("Gunmen killed a journalist outside his home in Khuzdar.", "targeted_killing"),
        ("Gunmen killed a prosecutor in Faryab's Maimana city.", "targeted_killing"),
        ("A tribal elder was killed by gunmen in Bajaur.", "targeted_killing"),
        # gunmen who kill many are no targeted killing
        ("Gunmen killed 12 bus passengers in Mastung.", "attack_on_civilians"),
        ("Gunmen stormed a hospital in Kabul, killing 24 including newborns and mothers.",
         "attack_on_civilians"),
        ("Gunmen stormed a maternity ward in Kabul on Tuesday, killing 16 people.",
         "attack_on_civilians"),
        ("Gunmen opened fire on a van carrying schoolchildren in Swat, wounding 3 girls.",
         "attack_on_civilians"),
        # a riot is no armed clash
        ("Protesters clashed with police in Quetta; two were killed.", "other"),
        # the arrest is the event, not the bombing its suspect planned
        ("CTD detained the alleged mastermind of the Quetta bombing.", "arrest"),
        # bodies found are no abduction
        ("The bodies of four abducted Levies men were found in Mastung.", "other"),
        ("The body of a missing journalist was found dumped in Khuzdar.", "other"),
    ],
)  # fmt: skip
def test_lexicon_gaps(extractor: Extractor, text: str, expected: str) -> None:
    assert only_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed when a gas cylinder exploded at a restaurant in Quetta.",
        "Five people died when a gas cylinder exploded in a hotel in Lahore.",
        "A man was killed in a family feud in Mardan.",
        "Robbers shot dead a shopkeeper in Karachi.",
        "Two brothers were shot dead over an old enmity in Charsadda.",
    ],
)
def test_accidents_and_crime_are_no_political_violence(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []


def test_a_crime_word_does_not_drop_an_armed_groups_attack(extractor: Extractor) -> None:
    (e,) = events(extractor, "TTP militants killed two policemen during a robbery in Bannu.")
    assert e.deaths == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A drone strike killed five militants in Datta Khel on Tuesday. Hours later, another "
            "drone strike in Mir Ali killed three.",
            [5, 3],
        ),
        (
            "Two soldiers were killed in Kurram. Four more died in Kurram on Tuesday in a second "
            "attack.",
            [2, 4],
        ),
        (
            "Gunmen killed a tribal elder in Bajaur on Sunday. On Monday, a suicide bomber "
            "attacked his funeral, killing 20 mourners.",
            [1, 20],
        ),
        # the same day again, or a comparison with earlier attacks, is the same event
        (
            "A bomb killed six people in Quetta on Monday. On Monday night, the toll rose to 8.",
            [8],
        ),
        (
            "Militants attacked an army post in Zhob, killing four soldiers. It was the third "
            "attack in Balochistan this week after assaults in Kalat and Noshki killed 10.",
            [4],
        ),
        # a later day's news of the same event is no other event
        (
            "A suicide bomber killed 12 people at a market in Quetta on Sunday. On Monday, the "
            "death toll rose to 20 after eight of the wounded died.",
            [20],
        ),
        # another year's attack is history
        (
            "Militants killed four soldiers in North Waziristan on Tuesday. The group killed 12 "
            "people in a similar attack last year.",
            [4],
        ),
        # a tally over incidents that follow one by one is left out
        (
            "Taliban attacks killed 14 members of the Afghan security forces across the "
            "country. In Kandahar, six policemen died when insurgents stormed a checkpoint. In "
            "Ghazni, a roadside bomb killed eight soldiers.",
            [6, 8],
        ),
        # and kept when they do not follow
        ("Militants killed 9 people in separate attacks in Quetta on Monday.", [9]),
    ],
)
def test_sentence_level_markers_split_events(
    extractor: Extractor, text: str, expected: list[int]
) -> None:
    assert [e.deaths for e in events(extractor, text)] == expected


def test_what_the_attack_was_is_no_recap(extractor: Extractor) -> None:
    (e,) = events(
        extractor,
        "A blast killed 12 people in Quetta. The blast was a suicide attack, police said.",
    )
    assert (e.event_type, e.deaths) == ("suicide_bombing", 12)


def test_a_history_sentence_without_figures_still_names_the_group(extractor: Extractor) -> None:
    (e,) = events(
        extractor,
        "A bomb killed 12 people in Quetta on Tuesday. It was the third attack this week "
        "claimed by Lashkar-e-Jhangvi.",
    )
    assert any(a.actor_id == "lej" for a in e.actors)


def test_the_second_event_takes_its_own_day(extractor: Extractor) -> None:
    first, second = events(
        extractor,
        "Gunmen killed a tribal elder in Bajaur on Sunday. On Monday, a suicide bomber attacked "
        "his funeral, killing 20 mourners.",
    )
    assert (first.date, second.date) == (dt.date(2012, 5, 6), dt.date(2012, 5, 7))
    assert (first.event_type, second.event_type) == ("targeted_killing", "suicide_bombing")


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("killed over the weekend", dt.date(2012, 5, 5), 2),
        ("killed at the weekend", dt.date(2012, 5, 5), 2),
        ("attacked overnight", dt.date(2012, 5, 8), 1),
        ("the previous night", dt.date(2012, 5, 8), 1),
        ("the previous day", dt.date(2012, 5, 8), 1),
        ("a fortnight ago", dt.date(2012, 4, 25), 3),
        ("the day before yesterday", dt.date(2012, 5, 7), 1),
        ("in April", dt.date(2012, 4, 1), 4),
        ("in April 2011", dt.date(2011, 4, 1), 4),
        ("in early May", dt.date(2012, 5, 1), 4),
        ("in June", dt.date(2011, 6, 1), 4),  # still to come: last year's
        ("on 28/12/2011", dt.date(2011, 12, 28), 1),
        ("on 12/28/2011", dt.date(2011, 12, 28), 1),
        ("on 3.4.2011", dt.date(2011, 4, 3), 1),
        ("on the night of 3-4 May", dt.date(2012, 5, 3), 1),
        ("on Tuesday, May 1", dt.date(2012, 5, 1), 1),
        # the night before the day a report names
        (
            "The ISPR said on Tuesday that five soldiers were martyred the previous night.",
            dt.date(2012, 5, 7),
            1,
        ),
        ("Police said on Monday that three people were killed.", dt.date(2012, 5, 7), 1),
        # a dateline's date is no other day (the pipeline drops it)
        (
            "RAWALPINDI, May 8: Five terrorists were killed, the ISPR said on Tuesday.",
            None,
            1,
        ),
        # a day beats a month alone
        ("the second attack since a bombing in April killed 5 on Monday", dt.date(2012, 5, 7), 1),
        # a day named beside an overnight raid is its day
        ("during an overnight operation in Khost on Monday", dt.date(2012, 5, 7), 1),
    ],
)
def test_date_expressions(text: str, day: dt.date | None, precision: int) -> None:
    found = find_dates(text, DAY)
    if day is None:  # a dateline and the day of the statement: both kept
        assert [d.date for d in found] == [dt.date(2012, 5, 8)] * 2
    else:
        assert [(d.date, d.precision) for d in found] == [(day, precision)]
    assert all(text[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "Police said on Monday that a bomb had killed three people in Quetta on Sunday.",
        "In a statement issued on Tuesday, the ISPR said five soldiers were martyred in "
        "North Waziristan on Sunday.",
    ],
)
def test_find_dates_keeps_the_day_of_the_statement_for_event_date_to_judge(text: str) -> None:
    # One rule decides between a statement's day and the event's: `datelines.event_date`.
    found = find_dates(text, DAY)
    assert dt.date(2012, 5, 6) in [d.date for d in found] and len(found) == 2
    chosen = event_date(iter([(0, found)]), text)
    assert chosen is not None and chosen.date == dt.date(2012, 5, 6)


def test_a_dateline_does_not_hide_the_day_of_the_statement(extractor: Extractor) -> None:
    (e,) = events(
        extractor,
        "RAWALPINDI, May 8: Five terrorists were killed in North Waziristan, the ISPR said on "
        "Tuesday.",
    )
    assert (e.date, e.date_precision) == (dt.date(2012, 5, 8), 1)


@pytest.mark.parametrize(
    "text",
    [
        "in May 12 people were killed",  # a day after the month: not the month alone
        "since April",
        "by May 2013",
        "on 10.30 pm",
        "Section 144 was imposed on 12-13",
    ],
)
def test_no_month_only_date_where_it_is_not_one(text: str) -> None:
    assert all(d.precision != 4 for d in find_dates(text, DAY))


def test_a_month_alone_dates_the_event(extractor: Extractor) -> None:
    (e,) = events(extractor, "A bomb killed three people in Quetta in April.")
    assert (e.date, e.date_precision) == (dt.date(2012, 4, 1), 4)


_DATE_WORDS = [
    "in April", "in early May", "in June 2011", "28/12/2011", "31/02/2011", "12/28/2011",
    "3-4 May", "on the night of 30-31 February", "over the weekend", "overnight",
    "the previous night", "the day before yesterday", "a fortnight ago", "said on Monday",
    "on Tuesday,", "May 1", "RAWALPINDI, May 8:",
    "killed", "in", "May", "12", "people", ",", ".", "on",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_DATE_WORDS), max_size=12),
    st.dates(dt.date(2001, 1, 1), dt.date(2030, 12, 31)),
)
def test_find_dates_never_fails_and_its_spans_are_the_text(words: list[str], day: dt.date) -> None:
    text = " ".join(words)
    found = find_dates(text, day)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert text[d.start : d.end] == d.text
        assert d.precision in {1, 2, 3, 4}
