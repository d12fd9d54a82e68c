"""Sentences of a report that tell history, not one of its events.

A full article retells earlier attacks and quotes statistics beside the event it reports ("In
July 2018, a suicide bomber killed 149 people at a rally in Mastung", "1,659 civilians were
killed in the first six months of 2021", "38 policemen had been killed in January alone"). Such
a sentence neither makes an event of its own nor lends its figures, type or place to the
report's event. Told apart by:

  * its dates: every date the sentence gives lies more than `HISTORY_DAYS` before the report
    (a news report's own events are days old, a press release's up to weeks; a month is
    dated by its first day, so "in January" is history in mid-February);
  * an earlier year named with no date ("in 2019", "the 2016 bombing"), or a period's tally
    ("in the first six months", "so far this year", "in January alone", "over the past year",
    "since March", "across the province this year") or a share ("38 percent of casualties");
    not "since 2019" ("the deadliest attack since 2019" is today's).

The report's first event sentence is never history: it is what the report is about, whatever
its dates (an old headline given a wrong publication date, an anniversary's lead). A dateline
inside the text ("KABUL, Afghanistan (Aug. 30, 2011) - ...") starts another report, with its
own date and first sentence (press releases pasted one after another).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .dates import DateMention, find_dateline
from .sentences import Sentence

HISTORY_DAYS = 21

# (not "since 2019": "the deadliest attack since 2019" is today's)
_EARLIER_YEAR = re.compile(r"\b(?:in|of|during|the)\s+((?:19|20)\d\d)\b(?!\s*-)")
_PERIOD_TALLY = re.compile(
    r"\b(?:in|during|over)\s+the\s+(?:first|past|last|previous)\s+(?:half|quarter|"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|few|several)\s+)?"
    r"(?:months|years|year|decades?))\b|"
    r"\bso\s+far\s+this\s+(?:year|month)\b|"
    r"\b(?:in|during)\s+[A-Z][a-z]+\s+alone\b|"
    # a body's record ("carried out 1,146 operations across the province this year and
    # arrested 329"), a count since a month, a share ("IEDs caused 38 percent of casualties")
    r"\b(?:across|in|throughout)\s+the\s+(?:province|country|region)\s+(?:this|last)\s+year\b|"
    r"\bsince\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|the\s+(?:start|beginning)\s+of)\b|"
    r"\b\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)",
)
_CUES = ("19", "20", "first", "past", "last", "previous", "so far", "alone", "year", "since",
         "%", "cent")  # fmt: skip


def is_history(s: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether the event sentence `s` (with its `dates`) tells history (see the module)."""
    if dates:
        return all((published - d.date).days > HISTORY_DAYS for d in dates)
    if not any(cue in s.text for cue in _CUES):
        return False
    if _PERIOD_TALLY.search(s.text):
        return True
    years = [int(m.group(1)) for m in _EARLIER_YEAR.finditer(s.text)]
    return bool(years) and all(y < published.year for y in years)


# A sentence that reports, not narrates ("police said", "according to officials"): today's.
_REPORTING = re.compile(r"\b(?:said|says|told|according\s+to|confirmed)\b")


def drop_history(
    sentences: list[Sentence],
    dates_of: Callable[[Sentence], list[DateMention]],
    published: dt.date | None,
    text: str,
) -> None:
    """Unmark the event sentences that tell history (`is_history`), in place; and, in the
    same paragraph, the undated sentences that go on telling it ("The Taliban captured Kunduz
    in September 2015. During the fighting that followed, a US airstrike hit a hospital,
    killing 42"), unless they report ("police said").
    """
    if published is None:
        return
    lead = True
    telling = False  # (a history sentence came before, in this paragraph)
    end = 0
    for s in sentences:
        if "\n" in text[end : s.start]:
            telling = False
        end = s.end
        if ")" in s.text and (filed := find_dateline(s.text)) is not None:
            # another release in the same text ("KABUL, Afghanistan (Aug. 30, 2011) - ..."):
            # a report of its own, dated by its own dateline
            published, lead, telling = filed, True, False
        if not s.is_event:
            continue
        if lead:
            lead = False
            continue
        dates = dates_of(s)
        if is_history(s, dates, published) or (
            telling and not dates and not _REPORTING.search(s.text)
        ):
            s.is_event, telling = False, True
        elif dates:
            telling = False
