"""Casualty and date parsers: examples and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract.casualties import find_counts, parse_number
from signalfire.extract.dates import find_dateline, find_dates, resolve_relative

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    rest = n % 100
    return _ONES[n // 100] + " hundred" + (" and " + words(rest) if rest else "")


def counts(text: str) -> dict[str, tuple[int, int]]:
    return {c.category: (c.value, c.high) for c in find_counts(text)}


@given(st.integers(min_value=1, max_value=999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(words(n)) == n
    assert parse_number(words(n).capitalize()) == n


@given(
    st.integers(min_value=1, max_value=5000),
    st.sampled_from(["militants", "soldiers", "people", "suspected Taliban fighters"]),
    st.sampled_from(["were killed", "killed", "died", "were wounded", "were abducted"]),
    st.booleans(),
)
def test_number_victim_verb(n: int, victims: str, verb: str, as_words: bool) -> None:
    number = words(n) if as_words and n < 1000 else f"{n:,}"
    found = counts(f"At least {number} {victims} {verb} in the attack on Monday.")
    category = {"killed": "killed", "died": "killed", "wounded": "injured"}.get(
        verb.split()[-1], "abducted"
    )
    assert found == {category: (n, n)}


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=50))
def test_ranges_give_the_lower_bound(low: int, extra: int) -> None:
    found = counts(f"{low} to {low + extra} people were killed")
    assert found["killed"] == (low, low + extra)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops kill 26 militants in Orakzai", {"killed": (26, 26)}),
        (
            "Indian firing kills 2, hurts 5 in Pakistan Kashmir",
            {"killed": (2, 2), "injured": (5, 5)},
        ),
        ("dozens were injured in the blast", {"injured": (24, 24)}),
        ("the death toll rose to 45", {"killed": (45, 45)}),
        ("13 killed and 20 others wounded", {"killed": (13, 13), "injured": (20, 20)}),
        ("a 25-year-old man was shot dead", {"killed": (1, 1)}),
        ("the force detained a Taliban facilitator", {"arrested": (1, 1)}),
        ("seized 353 pounds of opium", {}),
        ("gunmen kidnapped 10-12 passengers", {"abducted": (10, 12)}),
        # (a death among the wounded: `tolls` takes it out of their figure)
        ("one of the wounded died later", {"killed": (1, 1)}),
    ],
)
def test_casualty_examples(text: str, expected: dict[str, tuple[int, int]]) -> None:
    assert counts(text) == expected


@given(st.text(max_size=200))
def test_find_counts_never_crashes_and_spans_are_exact(text: str) -> None:
    for c in find_counts(text):
        assert text[c.start : c.end] == c.text
        assert 0 <= c.value <= c.high


def total(text: str, category: str = "killed") -> int:
    return sum(c.value for c in find_counts(text) if c.category == category)


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # lists of victims, before or after the verb, add up
        ("Six rebels, two policemen killed in Kohat clash", "killed", 8),
        ("Nurse, guard shot dead at clinic", "killed", 2),
        ("Three guards and a driver were killed in the ambush", "killed", 4),
        ("the ambush killed three guards, five villagers in Tank", "killed", 8),
        ("police arrested a smuggler, a courier and several of their helpers", "arrested", 5),
        # singular victims without a number or an article
        ("Bomb kills ferryman in Swat", "killed", 0),  # not a listed victim noun
        ("Bomb kills teacher in Swat", "killed", 1),
        ("Gunmen kill vaccinator in Charsadda", "killed", 1),
        ("Forces capture Taliban deputy governor", "arrested", 1),
        ("Raid Captures Senior Commander Near Gardez", "arrested", 0),  # title case: no article
        ("the detained courier told police", "arrested", 0),  # an adjective, not an arrest
        ("officials confirmed the death of Mullah Akhtar Jan in the raid", "killed", 1),
        # "more than N" is at least N + 1; "at least N" is N
        ("more than 20 people were killed", "killed", 21),
        ("killing more than a dozen fighters", "killed", 13),
        ("over 100 militants killed", "killed", 101),
        ("at least 20 people were killed", "killed", 20),
        ("more than several people were hurt", "injured", 3),
        ("troops detained multiple suspects", "arrested", 3),
        ("troops detained a number of suspects", "arrested", 3),
        ("also killed in the raid were five gunmen", "killed", 5),
        # not victims: negation, ranks, wire versions, things, tallies, pronouns, ordinals
        ("No Afghan soldier was killed in the exchange", "killed", 0),
        ("Qaeda's No. 2 dead, officials say", "killed", 1),  # a rank: one person, not two
        ("UPDATE 2-Five die in Quetta blast", "killed", 5),
        ("forces carried out three raids detaining dozens of suspects", "arrested", 24),
        ("soldiers have detained more than 40 commanders since March", "arrested", 0),
        ("He was also involved in a bombing that killed six pilgrims.", "killed", 0),
        ("troops captured a gunman and questioned him", "arrested", 1),
        ("troops captured him at dawn", "arrested", 1),
        ("He is the fourth commander captured this month", "arrested", 0),
        ("Rising civilian deaths anger residents", "killed", 0),
        ("Eight border guards killed or wounded", "killed", 0),
        ("Gunman kills two in Mardan", "killed", 2),
        ("a raid to arrest a smuggler near Chaman", "arrested", 0),  # an aim, not a deed
        ("a plot to kill the governor was foiled", "killed", 0),
        ("Five killed three wounded in Bajaur blast", "killed", 5),
        ("Five killed three wounded in Bajaur blast", "injured", 3),
        ("Army denies killing of 40 villagers", "killed", 0),
        ("Coalition Confirms Militia Commander Killed In Raid", "killed", 0),  # a title
        ("three dozen suspects were detained", "arrested", 36),
        ("Guard escorting bank van shot dead in Quetta", "killed", 1),
        ("Head of local peace committee killed in blast", "killed", 1),
        ("protest over shopkeeper's killing in Kohat", "killed", 1),
        ("The leader of the gang killed a policeman", "killed", 1),
        (
            "police arrested a courier for arms, cash and vehicles, along with 7 helpers",
            "arrested",
            8,
        ),
        ("police arrested a courier and other suspects", "arrested", 3),
        # totals over several operations are not one event's figure
        ("troops detained 12 suspects during three separate operations", "arrested", 0),
        ("forces killed nine militants in the east over the past 24 hours", "killed", 0),
        ("forces killed nine militants during an operation in Paktika", "killed", 9),
        ("forces have detained 60 suspects since the start of the year", "arrested", 0),
        ("the spokesman denied that 12 civilians died", "killed", 0),
    ],
)
def test_casualty_rules(text: str, category: str, expected: int) -> None:
    assert total(text, category) == expected


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=2, max_value=99),
            st.sampled_from(["soldiers", "militants", "civilians", "policemen"]),
        ),
        min_size=2,
        max_size=4,
    ),
    st.sampled_from(["killed", "were killed", "died", "dead"]),
)
def test_comma_lists_before_the_verb_add_up(items: list[tuple[int, str]], verb: str) -> None:
    listed = ", ".join(f"{n} {who}" for n, who in items)
    assert total(f"{listed} {verb} in the clash") == sum(n for n, _ in items)


@given(
    st.integers(min_value=1, max_value=500),
    st.sampled_from(["more than", "over"]),
    st.booleans(),
)
def test_more_than_is_one_more(n: int, qualifier: str, as_words: bool) -> None:
    number = words(n) if as_words else str(n)
    assert total(f"{qualifier} {number} militants were killed") == n + 1
    assert total(f"troops killed {qualifier} {number} militants") == n + 1


@given(
    st.sampled_from(["no", "not a single", "no other"]), st.sampled_from(["soldier", "civilian"])
)
def test_negated_single_victims_are_not_counted(neg: str, who: str) -> None:
    assert total(f"{neg} {who} was killed in the attack") == 0


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_latest_on_or_before_publication(published: dt.date, wd: int) -> None:
    day, precision = resolve_relative(WEEKDAYS[wd], published) or (None, None)
    assert day is not None and precision == 1
    assert day.weekday() == wd and 0 <= (published - day).days <= 6
    last = resolve_relative("last " + WEEKDAYS[wd], published)
    assert last is not None and 1 <= (published - last[0]).days <= 7


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_relative_words(published: dt.date) -> None:
    text = "Militants attacked the post yesterday; three days ago a bomb went off; last week too."
    found = find_dates(text, published)
    assert [d.date for d in found] == [
        published - dt.timedelta(days=1),
        published - dt.timedelta(days=3),
        published - dt.timedelta(days=7),
    ]
    assert [d.precision for d in found] == [1, 1, 3]
    for d in found:
        assert text[d.start : d.end] == d.text


def test_absolute_dates_and_datelines() -> None:
    pub = dt.date(2011, 5, 24)
    assert [d.date for d in find_dates("the raid on May 20", pub)] == [dt.date(2011, 5, 20)]
    # A year-less date after publication is last year's.
    assert [d.date for d in find_dates("on December 30", pub)] == [dt.date(2010, 12, 30)]
    assert [d.date for d in find_dates("on 3 March 2010", pub)] == [dt.date(2010, 3, 3)]
    assert find_dateline("KABUL, Afghanistan (May 24, 2011) In Kajaki") == pub
    assert find_dateline("KABUL, Afghanistan (Dec. 28) - More") is None
