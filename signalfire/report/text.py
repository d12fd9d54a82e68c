"""The brief's sentences, from templates: counts with the right noun form, no invented claims.

Every function takes numbers the brief computed and returns plain text (not HTML): the
renderer escapes it. Nothing here guesses causes or trends the numbers do not show.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from ..wording import count, number, plural


def month_name(month: str) -> str:
    """'2019-12' -> 'December 2019'."""
    year, mon = month.split("-")
    return f"{calendar.month_name[int(mon)]} {year}"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [n for n in names if n]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def comparison(now: int, before: int, when: str) -> str:
    """How `now` compares with `before` (`when` names the earlier month), without adjectives."""
    if before == 0 and now == 0:
        return f"none in {when} either"
    if before == 0:
        return f"none in {when}"
    if now == before:
        return f"the same as in {when}"
    direction = "up" if now > before else "down"
    return f"{direction} from {number(before)} in {when}"


def headline(
    place: str,
    month: str,
    events: int,
    deaths: int,
    prev: tuple[str, int, int],
    year_ago: tuple[str, int, int],
) -> str:
    """The brief's first sentence: events and fatalities this month against two earlier ones.

    `prev` and `year_ago` are (month, events, deaths).
    """
    when = month_name(month)
    if events == 0:
        lead = f"The store holds no events in {place} in {when}"
    else:
        lead = (
            f"The store holds {count(events, 'event')} in {place} in {when}, "
            f"with {count(deaths, 'fatality')} (best estimate)"
        )
    parts = []
    for label, (m, e, d) in (("previous month", prev), ("same month a year earlier", year_ago)):
        name = month_name(m)
        if e == 0:
            parts.append(f"the {label} had none ({name})")
        else:
            parts.append(f"the {label} had {count(e, 'event')} and {count(d, 'fatality')} ({name})")
    return f"{lead}; {parts[0]}, and {parts[1]}."


def change_sentence(word: str, now: int, prev: int, year_ago: int, months: tuple[str, str]) -> str:
    """'Fatalities: 51, down from 80 in November 2019 and up from 20 in December 2018.'"""
    first = comparison(now, prev, month_name(months[0]))
    second = comparison(now, year_ago, month_name(months[1]))
    return f"{plural(word).capitalize()}: {number(now)}, {first}; {second}."


def alerts_sentence(by_kind: dict[str, int]) -> str:
    """'3 alerts are open at the end of the month (2 surges and 1 new actor).' The keys are
    kinds as nouns ('surge', 'new actor')."""
    n = sum(by_kind.values())
    if n == 0:
        return "No alerts are open at the end of the month."
    kinds = join_names([count(k, name) for name, k in by_kind.items() if k])
    verb = "is" if n == 1 else "are"
    return f"{count(n, 'alert').capitalize()} {verb} open at the end of the month ({kinds})."


def forecast_sentence(
    level_word: str, top: Sequence[tuple[str, float]], period: str, model: str
) -> str:
    """Which regions the forecast puts highest for `period` (names with expected fatalities)."""
    if not top or top[0][1] <= 0:
        return (
            f"The {model} forecast expects no fatalities in any {level_word} in "
            f"{month_name(period)}."
        )
    named = join_names([f"{name} ({value:,.1f})" for name, value in top])
    return (
        f"For {month_name(period)} the {model} forecast expects the most fatalities in "
        f"{named} (mean of the predictive draws)."
    )


def unlocated_sentence(n: int, deaths: int, level_word: str, month: str) -> str:
    """Events of the month without a region at the brief's level: said, never hidden."""
    when = month_name(month)
    if n == 0:
        return f"Every event of {when} has a known {level_word}."
    toll = count(deaths, "fatality")
    if n == 1:
        return (
            f"1 event of {when} ({toll}) has no known {level_word} and is left out of "
            f"the {level_word} figures."
        )
    return (
        f"{number(n)} events of {when} ({toll}) have no known {level_word} and are left "
        f"out of the {level_word} figures."
    )


def missing_country_sentence(
    name: str, month: str, series: Sequence[tuple[str, int | None]]
) -> str:
    """A requested country without events: what the store has instead (a country-month
    series, as (month, fatalities) pairs) and what the brief leaves out because of it."""
    left_out = f"{name} is left out of the map, the ranking and the actor figures."
    known = [(m, f) for m, f in series if f is not None]
    if not known:
        return f"The store holds no events for {name} up to {month_name(month)}. {left_out}"
    figures = join_names([f"{count(f, 'fatality')} in {month_name(m)}" for m, f in known])
    return (
        f"The store holds no events for {name}, only a country-month series: {figures}. {left_out}"
    )
