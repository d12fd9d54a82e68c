"""Event dates from news text, resolved against the article's publication date.

Relative expressions ("yesterday", "on Tuesday", "last night", "last week", "two days ago") are
computed here directly: they are the common case and dateparser is slow per call. Absolute ones
("May 23", "23 May 2011", "2011-05-23") go to dateparser with RELATIVE_BASE = publication date
and PREFER_DATES_FROM = past, because news reports what has happened.

Precision follows GED's date_prec scale (1 exact day, 3 within a week, 4 within a month).

Every date of a sentence is returned, a source's day of speaking included ("police said on
Monday"): which one is the event's is decided in one place, `datelines.event_date`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass
from typing import Any

from .alternation import by_first_letter
from .textcase import fold

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}

# (`(?=[a-z\d])` after `\b`: what every expression starts with, so `re` rejects most positions
# without trying each alternative; the same matches, ~25% faster. The alternatives regrouped by
# their first letter (`alternation.by_first_letter`): a third faster again.)
_RELATIVE_EXPRESSIONS = (
    r"yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|"
    r"(?:over|at|during|on)\s+the\s+weekend|(?:last|this)\s+weekend|overnight|"
    r"the\s+previous\s+(?:night|day|evening)|a\s+fortnight\s+ago|"
    r"the\s+day\s+before\s+yesterday|"
    # (a feast's name is no weekday of this week: "the park on Easter Sunday" in 2016)
    r"(?:on\s+|late\s+|early\s+|last\s+)?(?<!easter\s)(?<!good\s)(?<!palm\s)(?<!black\s)"
    r"(?<!bloody\s)(?<!holy\s)(?<!ash\s)(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)(?:\s+(?:night|morning|evening|afternoon))?|"
    r"last\s+week|earlier\s+this\s+week|this\s+week|last\s+month|earlier\s+this\s+month|"
    r"(?:\d+|one|two|three|four|five|six|seven|a)\s+(?:days?|weeks?)\s+ago|"
    r"the\s+day\s+before|"
    # ("Last December, 16 soldiers were killed": the latest such month before this one)
    r"last\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_RELATIVE = re.compile(
    r"\b(?=[a-z\d])(?P<rel>" + by_first_letter(_RELATIVE_EXPRESSIONS) + r")\b"
)  # run on case-folded text (see textcase)
# Every `_RELATIVE` expression holds one of these words, every `_ABSOLUTE` one a digit: cheap
# tests that skip the slow alternations in most sentences.
_RELATIVE_WORDS = ("day", "night", "morning", "evening", "week", "month", "ago", "last")


def _may_be_relative(low: str) -> bool:
    return (
        "day" in low
        or "night" in low
        or "morning" in low
        or "evening" in low
        or "week" in low
        or "month" in low
        or "ago" in low
        or ("last" in low and _LAST_WORD.search(low) is not None)  # (not "blast")
    )  # `_RELATIVE_WORDS` unrolled: twice as fast as any() over them


_LAST_WORD = re.compile(r"\blast\b")
_DIGIT = re.compile(r"\d")
_ABSOLUTE = re.compile(
    rf"\b(?=[a-z\d])(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{4})\b",
)
# The first night or day of a range ("on the night of 3-4 May" is May 3).
_DAY_RANGE = re.compile(
    rf"\b(?=\d)(\d{{1,2}})(?:st|nd|rd|th)?\s*[-\u2013/]\s*\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?((?:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?)"
)
# Before a day-first date, the first day of a range: "3-" of "3-4 May", "3rd/" of "3rd/4th May".
# (`_DAY_RANGE` then matches from there: a search over the sentence only where one can start)
_RANGE_BEFORE = re.compile(r"(?<!\w)\d{1,2}(?:st|nd|rd|th)?\s*[-\u2013/]\s*$")
_MONTH_FULL_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# A month without a day: "in April", "in early May", "in April 2011" (precision 4, the 1st).
_MONTH_ONLY = re.compile(
    r"\bin\s+(?:(?:early|mid|late|the\s+(?:middle|beginning|end)\s+of)\s*-?\s*)?"
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b(?!\s*\d{1,2}\b)(?:,?\s+(?P<year>\d{4})\b)?"
)
# A dateline: "KABUL, Afghanistan (May 24, 2011)" or "PESHAWAR, Pakistan, March 3, 2014 -".
_DATELINE = re.compile(
    rf"(?:\(|,\s*|—\s*|-\s*)(?P<date>(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: int  # GED date_prec: 1 day, 2 within 2-6 days, 3 week, 4 month
    start: int
    end: int
    text: str


def resolve_relative(expr: str, published: dt.date) -> tuple[dt.date, int] | None:
    """The day a relative expression means for an article published on `published`."""
    e = " ".join(expr.lower().split())
    if e in {"today", "tonight", "this morning", "this evening"}:
        return published, 1
    if e in {"yesterday", "last night", "the day before", "overnight"} or e.startswith(
        "the previous"
    ):
        return published - dt.timedelta(days=1), 1
    if e == "the day before yesterday":
        return published - dt.timedelta(days=2), 1
    if e.endswith("weekend"):
        # the Saturday of the latest weekend (precision 2: two days)
        return published - dt.timedelta(days=(published.weekday() - 5) % 7), 2
    if e == "a fortnight ago":
        return published - dt.timedelta(days=14), 3
    if e in {"last week"}:
        return published - dt.timedelta(days=7), 3
    if e in {"this week", "earlier this week"}:
        return published - dt.timedelta(days=published.weekday() // 2), 3
    if e in {"last month"}:
        first = published.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=15), 4
    if e == "earlier this month":
        return published.replace(day=1), 4
    if e.startswith("last ") and (month := _MONTH_NUMBER.get(e[5:])) is not None:
        year = published.year - (1 if month >= published.month else 0)
        return dt.date(year, month, 15), 4
    m = _AGO.match(e)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        days = n * (7 if m.group(2).startswith("week") else 1)
        return published - dt.timedelta(days=days), 1 if days < 7 else 3
    for i, name in enumerate(_WEEKDAYS):
        if name in e:
            # The most recent such weekday on or before publication ("on Tuesday" in a Tuesday
            # paper is the same day; "last Tuesday" is strictly before).
            back = (published.weekday() - i) % 7
            if back == 0 and e.startswith("last"):
                back = 7
            return published - dt.timedelta(days=back), 1
    return None


_AGO = re.compile(r"(\d+|one|two|three|four|five|six|seven|a)\s+(days?|weeks?)\s+ago")
_parser_settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}


_MONTH_NUMBER = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
# (also with no space after the comma: "May 31,2011" in a release's dateline had the pass
# import dateparser, 1.2 G instructions, for that one date)
_SIMPLE = re.compile(
    r"^(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(?P<y1>\d{4}))?|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]+)\.?(?:(?:,\s*|\s+)(?P<y2>\d{4}))?|"
    r"(?P<iso>\d{4}-\d{2}-\d{2})|"
    r"(?P<n1>\d{1,2})[/.-](?P<n2>\d{1,2})[/.-](?P<ny>\d{4}))$",
    re.IGNORECASE,
)


def _parse_simple(expr: str, published: dt.date | None) -> dt.date | bool | None:
    """The common shapes ("May 24, 2011", "3 March", "2011-05-24") without dateparser;
    False when the shape is not one of them."""
    m = _SIMPLE.match(expr.strip())
    if m is None:
        return False
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        if m.group("ny"):
            # "28/12/2011": day first, as the region's press writes it, unless the second
            # number cannot be a month ("12/28/2011")
            first, second = int(m.group("n1")), int(m.group("n2"))
            if second > 12:
                return dt.date(int(m.group("ny")), first, second)
            return dt.date(int(m.group("ny")), second, first)
        month = _MONTH_NUMBER.get((m.group("m1") or m.group("m2")).lower())
        if month is None:
            return False
        day = int(m.group("d1") or m.group("d2"))
        year_text = m.group("y1") or m.group("y2")
        if year_text:
            return dt.date(int(year_text), month, day)
        if published is None:
            return None  # a year-less date without a publication date to anchor it
        guess = dt.date(published.year, month, day)
        return guess if guess <= published else dt.date(published.year - 1, month, day)
    except ValueError:
        return None  # "February 30"


def parse_absolute(expr: str, published: dt.date | None) -> dt.date | None:
    """An absolute date expression; a year-less one is taken in the year before publication."""
    simple = _parse_simple(expr, published)
    if simple is None or (isinstance(simple, dt.date) and not isinstance(simple, bool)):
        return simple
    import dateparser  # slow import and slow calls: only for the shapes we do not parse

    settings = dict(_parser_settings)
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    with warnings.catch_warnings():
        # dateparser and its regex dependency emit deprecation warnings on some Pythons.
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if published is None and not re.search(r"\d{4}", expr):
        return None  # a year-less date without a publication date to anchor it
    if published is not None and day > published and not re.search(r"\d{4}", expr):
        day = day.replace(year=day.year - 1)
    return day


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Dates mentioned in `text` (spans shifted by `offset`), in text order."""
    found: list[DateMention] = []
    low = fold(text)
    if published is not None and _may_be_relative(low):
        for m in _RELATIVE.finditer(low):
            rel = m.group("rel")
            if (
                rel.startswith("last ")
                and rel[5:] in _MONTH_NUMBER
                and text[m.start() + 5 : m.start() + 6].islower()
            ):
                continue  # "their last march": a month is a name ("Last March")
            resolved = resolve_relative(rel.removeprefix("on ").strip(), published)
            if resolved is not None:
                found.append(
                    DateMention(resolved[0], resolved[1], m.start() + offset, m.end() + offset,
                                text[m.start() : m.end()])
                )  # fmt: skip
    relative = len(found)
    digits = _DIGIT.search(low) is not None
    for m in _ABSOLUTE.finditer(low) if digits else ():
        if any(f.start - offset < m.end() and m.start() < f.end - offset for f in found):
            continue
        start = m.start()
        # the first night or day of a range ends at a day-first date: "the night of 3-4 May"
        if (
            low[start].isdigit()
            and (ranged := _RANGE_BEFORE.search(low, max(0, start - 12), start)) is not None
            and (r := _DAY_RANGE.match(low, ranged.start())) is not None
        ):
            day = parse_absolute(r.group(1) + " " + text[r.start(2) : r.end(2)], published)
            if day is not None:
                found.append(DateMention(day, 1, r.start() + offset, r.end() + offset,
                                         text[r.start() : r.end()]))  # fmt: skip
                continue
        original = text[start : m.end()]
        day = parse_absolute(original, published)
        if day is not None:
            found.append(DateMention(day, 1, start + offset, m.end() + offset, original))
    # (every month-only date names a month in full: substring tests are far cheaper than a scan)
    for m in (
        _MONTH_ONLY.finditer(low)
        if "in " in low and any(name in low for name in _MONTH_FULL_NAMES)
        else ()
    ):
        if any(f.start - offset < m.end() and m.start() < f.end - offset for f in found):
            continue
        first = _month_start(m.group("month"), m.group("year"), published)
        if first is not None:
            found.append(
                DateMention(
                    first, 4, m.start() + offset, m.end() + offset, text[m.start() : m.end()]
                )
            )
    if relative and len(found) > relative:
        # "on Tuesday, May 1": the date the weekday stands next to, not the weekday's own
        absolute = {f.start for f in found[relative:]}
        found = [
            f
            for f in found[:relative]
            if not any(_BESIDE.fullmatch(text, f.end - offset, a - offset) for a in absolute)
        ] + found[relative:]
    if len(found) > 1:
        # "during an overnight operation in Khost Thursday": the day named wins; so does a day
        # over a month alone ("the second attack since a bombing in April killed 5 on Monday")
        found = [f for f in found if fold(f.text) != "overnight"] or found
        if any(f.precision < 4 for f in found):
            found = [f for f in found if not (f.precision == 4 and f.text[:3].lower() == "in ")]
    found.sort(key=lambda d: d.start)
    for i in range(1, len(found)):
        if fold(found[i].text).startswith("the previous") and _SAID.search(
            low, 0, found[i].start - offset
        ):
            # "The ISPR said on Tuesday that five soldiers were martyred the previous night":
            # the night before the day the report names, not before publication
            anchor = found[i - 1]
            previous = anchor.date - dt.timedelta(days=1)
            found[i] = DateMention(previous, anchor.precision, found[i].start, found[i].end,
                                   found[i].text)  # fmt: skip
            del found[i - 1]
            break
    return found


# A report's own verb: the day next to it is when it was said.
_SAID = re.compile(r"\b(?:said|told|reported|announced|confirmed|stated|added)\b")
_BESIDE = re.compile(r",?\s{1,2}")


def _month_start(month: str, year: str | None, published: dt.date | None) -> dt.date | None:
    """The first day of a month named without a day: in the publication's year, or the year
    before when that month is still to come."""
    number = _MONTH_NUMBER[month]
    if year:
        return dt.date(int(year), number, 1)
    if published is None:
        return None
    return dt.date(published.year - (number > published.month), number, 1)


def find_dateline(text: str) -> dt.date | None:
    """The publication date of a dateline in the first 300 characters, if there is one."""
    m = _DATELINE.search(text[:300])
    if m is None:
        return None
    return parse_absolute(m.group("date"), None)
