"""Sentences of a report that tell history, not one of its events.

A full article retells earlier attacks and quotes statistics beside the event it reports ("In
July 2018, a suicide bomber killed 149 people at a rally in Mastung", "1,659 civilians were
killed in the first six months of 2021", "38 policemen had been killed in January alone"). Such
a sentence neither makes an event of its own nor lends its figures, type or place to the
report's event. Told apart by:

  * its dates: every date the sentence gives lies more than `HISTORY_DAYS` before the report
    (a news report's own events are days old, a press release's up to weeks; a month is
    dated by its first day, so "in January" is history in mid-February);
  * an earlier year named near its start or naming an attack, with no date ("In 2019, ...",
    "a case relating to the 2016 bombing"), or
    a period's tally ("in the first six months", "so far this year", "in January alone",
    "across the province this year") or a share ("38 percent of all casualties"); not a claim
    of today's attack, and not "since 2019" ("the deadliest attack since 2019" is today's).

  * an earlier attack named by its day ("The January 30 attack killed 84", "He also referred
    to the February 28 bombing"), three days old or more.

The report's first event sentence is never history: it is what the report is about, whatever
its dates (an old headline given a wrong publication date), unless it frames the report
(`_framing`): an anniversary, "ten days after", a verdict or a named earlier attack ("recall":
later events must be dated within `_QUIET_DAYS`); statistics ("2024 was the deadliest year"),
or mourners and protesters opening the report ("strict": every attack told is one counted or
mourned, unless opened as news, "Meanwhile, ..."); a decision or a plan ("The cabinet approved
a campaign"), or no event in the first `_LEAD_SENTENCES` sentences ("quiet": attacks told are
context unless dated within the week, told with place and toll, or opened as news). A dateline
inside the text ("KABUL, Afghanistan (Aug. 30, 2011) - ...") starts another report, with its
own date and first sentence (press releases pasted one after another).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .dates import DateMention, parse_absolute
from .grouping import NEW_EVENT
from .sentences import Sentence, is_reaction
from .trigger_words import RECORD_CUES

HISTORY_DAYS = 21
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

# An earlier year that governs the sentence: near its start ("In 2019, ...", "Memories of the
# 2014 attack ..."), not in an aside ("The Taliban, ousted in 2001, claimed the attack"); and
# not "since 2019" ("the deadliest attack since 2019" is today's).
_EARLIER_YEAR = re.compile(
    r"\b(?:in|of|during|the)\s+(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+)?((?:19|20)\d\d)\b(?!\s*-)"
)
_YEAR_REACH = 40
# ... or that names an attack ("a case relating to the 2016 bombing at Quetta's Civil Hospital")
_YEAR_ATTACK = re.compile(
    rf"\bthe\s+(?:{_MONTH_NAME}\s+)?((?:19|20)\d\d)\s+(?:[A-Za-z'-]+\s+)?(?:attacks?|bombings?|"
    r"blasts?|massacre|assault|siege|killings?|explosions?)\b"
)
_PERIOD_TALLY = re.compile(
    r"\b(?:in|during)\s+the\s+(?:first|past|last|previous)\s+(?:half|quarter|"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|few|several)\s+)?"
    r"(?:months|years|year))\b|"
    r"\bso\s+far\s+this\s+(?:year|month)\b|"
    r"\b(?:in|during)\s+[A-Z][a-z]+\s+alone\b|"
    # a body's record ("carried out 1,146 operations across the province this year and
    # arrested 329"), a share ("IEDs caused 38 percent of all casualties")
    r"\b(?:across|throughout)\s+the\s+(?:province|country|region)\s+(?:this|last)\s+year\b|"
    r"\b\d[\d,]*\s+(?:attacks|incidents)\s+in\s+which\b|"
    # a count over months or the whole country ("79 people had been killed in the district
    # between July and October", "more than 300 elders were killed across the country")
    rf"\bbetween\s+{_MONTH_NAME}\b[^.;]{{0,12}}?\band\s+{_MONTH_NAME}\b|"
    r"\b(?:across|throughout)\s+the\s+country\b|\bnationwide\b|"
    r"\b\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)\s+of\s+(?:the\s+|all\s+)?(?:[a-z0-9,]+\s+)?"
    r"(?:casualties|deaths|victims|attacks|incidents|those\s+killed)\b|"
    # "14 of 24 suicide bombings", "in recent weeks", "have captured dozens of districts since
    # May": a count or a course over weeks, not one deed
    r"\b\d+\s+of\s+(?:the\s+)?\d+\s+(?:[a-z-]+\s+)?(?:attacks|bombings|incidents)\b|"
    r"\bin\s+recent\s+(?:weeks|months|years)\b|"
    rf"\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en|ing)\b[^.;]{{0,80}}?\bsince\s+{_MONTH_NAME}\b|"
    # a year's record ("2024 was the deadliest year", "recorded 1,166 attacks during the year",
    # "suicide attacks had nearly doubled")
    r"\b(?:deadliest|bloodiest|worst|most\s+violent)\s+year\b|\bduring\s+the\s+year\b|"
    r"\brecorded\s+[\d,]+\s+(?:[a-z-]+\s+)?(?:attacks|incidents)\b|"
    r"\b(?:attacks|casualties|deaths|violence|killings)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:nearly\s+|almost\s+|more\s+than\s+)?(?:doubled|tripled|rose\s+by|increased\s+by|fell\s+by)",
)
_CUES = ("first", "past", "last", "previous", "so far", "alone", "year", "%", "cent", "which",
         "between", "country", "nationwide", " of ", "recent", "since", "recorded", "led",
         "by")  # fmt: skip
# Today's attack claimed ("claimed responsibility for the attack"): never history by a cue.
_CLAIM = re.compile(r"\bclaimed\s+(?:responsibility|the\s+attack|the\s+bombing)\b")
# A dateline inside the text: an upper-case city, its country, the date in brackets.
_FILED = re.compile(
    r"\b[A-Z][A-Z'.-]{2,}(?:\s+[A-Z][A-Z'.-]{2,})*,\s+[A-Z][a-z]+\s*\((?P<date>[^()]{6,22})\)"
)


def is_history(s: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether the event sentence `s` (with its `dates`) tells history (see the module)."""
    if dates:
        return all((published - d.date).days > HISTORY_DAYS for d in dates)
    if _CLAIM.search(s.text):
        return False
    years = [int(m.group(1)) for m in _EARLIER_YEAR.finditer(s.text, 0, _YEAR_REACH)]
    years += [int(m.group(1)) for m in _YEAR_ATTACK.finditer(s.text)]
    if years and all(y < published.year for y in years):
        return True
    return any(cue in s.text for cue in _CUES) and _PERIOD_TALLY.search(s.text) is not None


# A lead that opens on an anniversary of an earlier attack.
# (after a dateline: "ISLAMABAD: A year after ...") A verdict on an attack is no attack.
_FRAMING = re.compile(
    r"^\W*(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w ]*)?\s*(?:\([^)]{0,30}\))?\s*[:—–-]\s*)?"
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|weeks?|"
    r"days?)\s+(?:after|since)|on\s+the\s+(?:[a-z]+\s+)?anniversary\s+of|(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?court\b[^.;]{0,60}?\b(?:sentenced|convicted|acquitted|indicted|"
    r"upheld|awarded))\b",
    re.IGNORECASE,
)
_RECORD = re.compile(rf"\b{RECORD_CUES}\b")
# A report's own event is told in its headline or its first sentences.
_LEAD_SENTENCES = 3
# A comparison is no tally: "the deadliest attack in the past six months", "the third such
# attack in recent weeks".
_COMPARED = re.compile(
    r"\b(?:deadliest|worst|biggest|largest|bloodiest|first|second|third|fourth|fifth|latest|"
    r"most|highest|lowest|such)\b[^.;]{0,50}$"
)


def _statistics_lead(text: str) -> bool:
    """Whether a report's first event sentence gives a period's tally ("Civilian casualties
    rose by nearly half in the first six months of the year"), not compared with one (the
    caller asks only of a sentence without a toll of its own: "Five soldiers were killed ...
    as violence continued across the country")."""
    if not any(cue in text for cue in _CUES):
        return False
    return any(
        # (a scope is no period: "ordered its fighters to resume attacks across the country")
        not found.group(0).startswith(("across", "throughout", "nationwide"))
        and _COMPARED.search(text, 0, found.start()) is None
        for found in _PERIOD_TALLY.finditer(text)
    )


# A lead about a decision, talks or a plan, not an attack ("The federal government on Saturday
# approved a counter-terrorism campaign", "Delegations resumed talks in Istanbul").
_POLICY = re.compile(
    r"^\W*(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w ]*)?\s*(?:\([^)]{0,30}\))?\s*[:—–-]\s*)?"
    r"(?:[\w'-]+,?\s+){1,10}?(?:(?:on|late\s+on)\s+[A-Z][a-z]+\s+)?(?:has\s+|have\s+)?(?:approved|"
    r"announced|unveiled|extended|reissued|decided|agreed|pledged|vowed|resumed\s+(?:peace\s+)?"
    r"talks|held\s+(?:peace\s+)?talks|signed)\b"
)
_QUIET_DAYS = 7
# An attack named by its day ("the January 30 attack", "the February 28 suicide bombing"),
# and how old that day must be to make it another's.
_DATE_NAMED = re.compile(
    rf"\b[Tt]he\s+({_MONTH_NAME}\s+\d{{1,2}})(?:,\s+\d{{4}},?)?\s+(?:[a-z-]+\s+){{0,2}}?(?:attacks?|"
    r"bombings?|blasts?|massacre|assault|siege|killings?|explosions?|ambush|raid|strikes?)\b"
)
_NAMED_DAYS = 3
# ... as the sentence's subject, or recalled ("He also referred to the February 28 bombing").
_RECALLED = re.compile(
    r"(?:^\W*(?:in\s+[A-Z][\w ]{0,30},\s*)?|\b(?:referred|pointed|recalled|cited|mentioned|"
    r"remembered|including|such\s+as|and|like|claimed|since)\s+(?:to\s+)?)$"
)
# A sentence that reports, not narrates ("police said", "according to officials"): today's.
_REPORTING = re.compile(r"\b(?:said|says|told|according\s+to|confirmed)\b")


def drop_history(
    sentences: list[Sentence],
    dates_of: Callable[[Sentence], list[DateMention]],
    published: dt.date | None,
    text: str,
) -> None:
    """Unmark the event sentences that tell history (`is_history`), in place; and the one
    undated sentence right after one (not a person's record), in the same paragraph, that goes
    on telling it ("In September 2015, the Taliban captured Kunduz. During the fighting that
    followed, a US airstrike hit a hospital, killing 42"), unless it reports ("police said"),
    names a place or opens another incident ("In a separate incident").
    """
    if published is None:
        return
    lead = True
    telling = False  # (the event sentence before was history, in this paragraph)
    framing = ""  # how the report opens: "recall", "strict" or "quiet" (see below)
    reacting = False  # (a mourners' or protesters' sentence opened the report)
    told = 0  # sentences of the report so far
    end = 0
    for s in sentences:
        if "\n" in text[end : s.start]:
            telling = False
        end = s.end
        if (
            "(" in s.text
            and (filed := _FILED.search(s.text)) is not None
            and (day := parse_absolute(filed.group("date"), None)) is not None
        ):
            # another release in the same text ("KABUL, Afghanistan (Aug. 30, 2011) - ..."):
            # a report of its own, dated by its own dateline
            published, lead, telling, framing, reacting, told = day, True, False, "", False, 0
        told += 1
        if not s.is_event:
            reacting = reacting or (lead and told <= _LEAD_SENTENCES and is_reaction(s.text))
            continue
        if lead:
            lead = False
            framing = _framing(s, told, reacting, dates_of(s), published)
            if framing in ("recall", "strict"):
                # "A year after a suicide bomber killed 84 people in Peshawar, ...", "A court
                # sentenced five men for the 2015 attack ...", "Civilian casualties rose by
                # half in the first six months": the report recalls attacks
                s.is_event = False
            if framing != "quiet" or told <= _LEAD_SENTENCES:
                # (a decision or a plan is no event; talks are: "resumed talks on Saturday")
                if framing == "quiet" and not any(
                    t.event_type == "ceasefire_negotiation" for t in s.triggers
                ):
                    s.is_event = False
                continue
        dates = dates_of(s)
        opened = NEW_EVENT.match(s.text) is not None
        if framing == "strict" and not opened:
            # A report of statistics or of a protest retells the attacks it counts or
            # mourns, whatever their dates; only one opened as news ("Meanwhile, ...") is new.
            s.is_event = False
            continue
        sequel = (
            (framing == "recall" and (not dates or _older(dates, published, _QUIET_DAYS)))
            or (framing == "quiet" and telling and not dates and not opened)
            or (
                telling
                and not dates
                and not s.places
                and not _REPORTING.search(s.text)
                and not opened
            )
        )
        # A report that opens on no event (a policy, talks, a deadline) mentions attacks as
        # context: each must be dated within the week, or told as an incident with its place and
        # toll, or opened as one ("Meanwhile, ...").
        aside = (
            framing == "quiet"
            and not opened
            and (
                _older(dates, published, _QUIET_DAYS) or (not dates and not (s.counts and s.places))
            )
        )
        past = is_history(s, dates, published) or _dated_attack(s, dates, published)
        if past or sequel or aside:
            s.is_event = False
        # (a narrative goes on in the next sentence: "In September 2015, the Taliban captured
        # Kunduz. During the fighting that followed, ..."; not a leader's record: "responsible
        # for a kidnapping last month. The force also detained one other suspect")
        telling = (past or aside) and _RECORD.search(s.text) is None


def _framing(
    lead: Sentence, told: int, reacting: bool, dates: list[DateMention], published: dt.date
) -> str:
    """How a report's first event sentence (its `told`-th sentence) frames the rest: "recall"
    (an anniversary or a verdict: later events must be dated recently), "strict" (statistics,
    or a protest or funeral told first: the attacks told are those counted or mourned), "quiet"
    (no event in the first sentences, or a policy or talks lead), or "" (the lead is the
    report's event). `dates`: the lead's."""
    if reacting:
        return "strict"
    if told > _LEAD_SENTENCES or (not lead.counts and _POLICY.match(lead.text) is not None):
        return "quiet"
    if _FRAMING.match(lead.text) or _dated_attack(lead, dates, published):
        return "recall"
    if not lead.counts and _statistics_lead(lead.text):
        return "strict"
    return ""


def _older(dates: list[DateMention], published: dt.date, days: int) -> bool:
    return any((published - d.date).days > days for d in dates)


def _dated_attack(s: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether the sentence names an earlier attack by its date ("the January 30 attack killed
    84", "referred to the February 28 suicide bombing"): a report's own event is not named so."""
    if not dates or "the " not in s.text:
        return False
    for m in _DATE_NAMED.finditer(s.text):
        if not _RECALLED.search(s.text, max(0, m.start() - 30), m.start()):
            continue  # ("a strike on a commander connected to the July 2 attack": today's)
        start, end = s.start + m.start(1), s.start + m.end(1)
        if any(
            d.start < end and start < d.end and (published - d.date).days >= _NAMED_DAYS
            for d in dates
        ):
            return True
    return False
