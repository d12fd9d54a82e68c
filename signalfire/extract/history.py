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

The report's first event sentence is what the report is about, whatever its dates (an old
headline given a wrong publication date), unless the opening frames the report (`_framing`):
mourners or protesters first, or statistics ("2024 was the deadliest year", with no day of its
own): the attacks told are those mourned or counted, kept only when opened as news ("Meanwhile,
..."), dated within the week (a day after a protest) or hitting the gathering itself; an
anniversary, "ten days after" an attack or a verdict, with no new deed in the main clause, or a
lead dated only by an earlier attack it names: later events must be dated within the week; a
decision ("the cabinet approved a campaign"; talks stay an event) or no event in the first
three sentences: an attack must be dated within the week, told with its place and toll, go on
telling the event kept before it, or be opened as news. A dateline inside the text ("KABUL,
Afghanistan (Aug. 30, 2011) - ...") starts another report, with its own date and first
sentence (press releases pasted one after another).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from .datelines import reporting_date
from .dates import DateMention, parse_absolute
from .grouping import NEW_EVENT, RETOLD
from .sentences import DATELINE_OPENING, Sentence, is_reaction
from .trigger_words import RECORD_CUES

HISTORY_DAYS = 21
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

# An earlier year that governs the sentence: near its start ("In 2019, ...", "Memories of the
# 2014 attack ..."), not in an aside ("The Taliban, ousted in 2001, claimed the attack"); and
# not "since 2019" ("the deadliest attack since 2019" is today's).
_EARLIER_YEAR = re.compile(
    rf"\b(?:in|of|during|the)\s+(?:{_MONTH_NAME}\s+)?((?:19|20)\d\d)\b(?!\s*-)"
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
         "between", "country", "nationwide", "recent", "since", "recorded", "doubled",
         "tripled", "rose by", "increased by", "fell by", "attacks", "bombings",
         "incidents")  # fmt: skip
# Today's attack claimed ("claimed responsibility for the attack"): never history by a cue.
_CLAIM = re.compile(r"\bclaimed\s+(?:responsibility|the\s+attack|the\s+bombing)\b")
# A dateline inside the text: an upper-case city, its country, the date in brackets.
_FILED = re.compile(
    r"\b[A-Z][A-Z'.-]{2,}(?:\s+[A-Z][A-Z'.-]{2,})*,\s+[A-Z][a-z]+\s*\((?P<date>[^()]{6,22})\)"
)


def is_history(s: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether the event sentence `s` (with its `dates`) tells history (see the module)."""
    dates = _own_dates(s, dates)
    if dates:
        return all((published - d.date).days > HISTORY_DAYS for d in dates)
    if _CLAIM.search(s.text):
        return False
    years = [int(m.group(1)) for m in _EARLIER_YEAR.finditer(s.text, 0, _YEAR_REACH)]
    years += [int(m.group(1)) for m in _YEAR_ATTACK.finditer(s.text)]
    if years and all(y < published.year for y in years):
        return True
    if s.counts and _OF_THE_EVENT.search(s.text):
        return False
    return _tally(s.text)


def _tally(text: str, scope: bool = True) -> bool:
    """Whether `text` gives a period's tally (`_PERIOD_TALLY`) in its own clause: not compared
    with one ("the third attack in recent weeks", "the deadliest attack during the year"), not
    in a clause about a place ("Kohat, which has seen sectarian violence in recent years");
    with `scope` False, a scope ("attacks across the country") is no tally either."""
    if not any(cue in text for cue in _CUES):
        return False
    for found in _PERIOD_TALLY.finditer(text):
        before = text[max(0, found.start() - 60) : found.start()]
        if not scope and found.group(0).startswith(("across", "throughout", "nationwide")):
            continue
        if _COMPARED.search(before) or _RELATIVE_CLAUSE.search(before):
            continue
        return True
    return False


# A lead that opens on an anniversary of an earlier attack, or "ten days after" one, whose main
# clause tells no new deed ("Ten days after a suicide bomber blew himself up ..., questions
# remain unanswered"). A verdict on an attack is no attack.
_FRAMING = re.compile(
    rf"^\W*{DATELINE_OPENING}?"
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|weeks?|"
    r"days?)\s+(?:after|since)|on\s+the\s+(?:[a-z]+\s+)?anniversary\s+of|(?P<court>(?:an?\s+|"
    r"the\s+)?(?:[\w-]+\s+){0,2}?court\b[^.;]{0,60}?\b(?:sentenced|convicted|acquitted|"
    r"indicted|upheld|awarded)))\b",
    re.IGNORECASE,
)
_RECORD = re.compile(rf"\b{RECORD_CUES}\b")
# A report's own event is told in its headline or its first sentences (a line without four
# lower-case words, a headline or a byline, is not counted).
_LEAD_SENTENCES = 3
_WORDS_OF_A_SENTENCE = re.compile(r"(?:\b[a-z]{2,}\b.*?){4}")
# A comparison is no tally: "the deadliest attack in the past six months", "the third such
# attack in recent weeks".
_COMPARED = re.compile(
    r"\b(?:deadliest|worst|biggest|largest|bloodiest|first|second|third|fourth|fifth|latest|"
    r"most|such)\s+(?:(?:[a-z-]+\s+){0,3}?(?:attack|bombing|blast|incident|strike|assault|"
    r"ambush|raid|killing|explosion)\b[^.;]{0,40}|(?:such\s+)?)$"
)
# A toll told of the report's event ("Five soldiers were killed in the attack", "The blast in
# Parachinar ... also wounded 20"): its aside's tally ("the scene of clashes in recent years")
# is not the sentence's.
_OF_THE_EVENT = re.compile(
    r"(?:^\W*the|\b(?:in|by)\s+the)\s+(?:[a-z-]+\s+){0,2}?(?:attack|blast|bombing|explosion|"
    r"ambush|assault|raid|strike|shooting)\b",
    re.IGNORECASE,
)
# A clause about a place or a thing, not the sentence's own: ", which has seen ... in recent
# years", "a region that has seen", "where fighting has intensified"; a running total's
# "bringing to 40 the number killed this year".
_RELATIVE_CLAUSE = re.compile(
    r"(?:,|\b(?:region|area|city|town|province|district|country|belt))\s+(?:which|where|that)\b"
    r"[^,;]*$|\bbringing\b[^;]*$"
)


def _statistics_lead(lead: Sentence, dates: list[DateMention], text: str) -> bool:
    """Whether a report's first event sentence, without a toll of its own, gives a period's
    tally ("Civilian casualties rose by nearly half in the first six months of the year", "2024
    was the deadliest year"), with no day of its own but a source's ("a report released on
    Monday"; "A suicide bomber attacked a mosque in Kohat on Tuesday, in a region that has seen
    violence in recent years" tells its deed)."""
    if lead.counts or not _tally(lead.text, scope=False):
        return False
    return all(reporting_date(text, d.start, d.end, lead.start) for d in dates)


# A lead about a decision, talks or a plan, not an attack ("The federal government on Saturday
# approved a counter-terrorism campaign", "Delegations resumed talks in Istanbul").
_POLICY = re.compile(
    rf"^\W*{DATELINE_OPENING}?"
    r"(?P<subject>(?:[\w'-]+,?\s+){1,10}?)(?:(?:on|late\s+on)\s+[A-Z][a-z]+\s+)?"
    r"(?:has\s+|have\s+)?(?:approved|announced|unveiled|extended|reissued|decided|agreed|"
    r"pledged|vowed|resumed\s+(?:peace\s+)?talks|held\s+(?:peace\s+)?talks|signed)\b"
)
# ... but not a verb of a clause ("Militants attacked a convoy after the Taliban announced ..."),
# nor one that reports a deed ("ISPR announced on Tuesday that forces had destroyed ...").
_SUBORDINATE = re.compile(
    r"\b(?:after|as|when|before|since|until|because|while|following)\b", re.IGNORECASE
)
_REPORTED = re.compile(
    r"\s+(?:(?:late\s+)?(?:on\s+)?[A-Z][a-z]+day\s+|in\s+a\s+statement\s+)?(?:that|they|it|he|she|"
    r"we|its|their|security|troops|forces)\b|\s+the\s+(?:capture|killing|arrest|death|deaths|"
    r"recovery|seizure)\s+of\b"
)


def _policy_lead(lead: Sentence) -> bool:
    """Whether a report's first event sentence, without a toll, tells a decision or talks
    (`_POLICY`) in its main clause: no deed before the verb ("A suicide bomber struck elders
    who had agreed ..."), none reported by it ("ISPR announced that forces had ...") and none
    in a clause after it ("vowed to retaliate after Afghan forces fired mortars")."""
    if lead.counts or (m := _POLICY.match(lead.text)) is None:
        return False
    if _SUBORDINATE.search(m.group("subject")) or _REPORTED.match(lead.text, m.end()):
        return False
    deeds = [t for t in lead.triggers if t.event_type != "ceasefire_negotiation"]
    if any(t.start - lead.start < m.end() for t in deeds):
        return False
    return not any(_SUBORDINATE.search(lead.text, m.end(), t.start - lead.start) for t in deeds)


def _clause_end(text: str, start: int) -> int:
    """Where a framing clause that begins before `start` ends: its first comma, past a
    participle that goes on telling it ("A week after militants attacked the base, killing 10
    sailors, police arrested four"); -1 without a comma."""
    comma = text.find(",", start)
    while comma >= 0 and _GOES_ON.match(text, comma + 1):
        comma = text.find(",", comma + 1)
    return comma


_GOES_ON = re.compile(r"\s*(?:killing|wounding|injuring|leaving|including)\b")


def _framed_until(lead: Sentence) -> int | None:
    """The end (document offset) of a lead's framing clause ("A day after a bombing killed 10
    in Quetta,"); -1 when it has no comma to end it; None when the lead has none (`_FRAMING`,
    a verdict aside)."""
    m = _FRAMING.match(lead.text)
    if m is None or m.group("court"):
        return None
    comma = _clause_end(lead.text, m.end())
    return lead.start + comma if comma >= 0 else -1


def _recalled_tolls(lead: Sentence) -> None:
    """Leave out of the report's event the framing clause of a lead that is not a recall, its
    main clause telling the news ("A day after a bombing killed 10 in Quetta, gunmen shot dead
    six in Mastung"): its tolls become background, its places and attack words are not the
    event's."""
    main = _framed_until(lead)
    if main is None or main < 0:
        return
    lead.counts[:] = [
        dataclasses.replace(c, note="background") if c.end <= main and not c.note else c
        for c in lead.counts
    ]
    if any(p.start > main for p in lead.places):
        lead.places[:] = [p for p in lead.places if p.start > main]
    if any(t.start > main for t in lead.triggers):
        lead.triggers[:] = [t for t in lead.triggers if t.start > main]


def _recall_lead(lead: Sentence) -> bool:
    """Whether a report's first event sentence recalls an earlier attack (`_FRAMING`) and tells
    no new deed in its main clause (after the framing clause's comma): "Two days after a
    suicide bomber killed 30 in Peshawar, another struck a mosque in Kohat" is news."""
    if _FRAMING.match(lead.text) is None:
        return False
    if (main := _framed_until(lead)) is None:
        return True  # (a verdict)
    if main < 0:
        # (no clause to tell apart: only the recalled attack may be told)
        return len(lead.triggers) <= 1 and not lead.counts
    deeds = [
        t
        for t in lead.triggers
        if t.start > main
        # ("investigators are still searching for his handlers": no deed)
        and not _ONGOING.search(lead.text, 0, _word_end(lead.text, t.start - lead.start))
    ]
    return not deeds and not any(c.start > main for c in lead.counts)


def _word_end(text: str, start: int) -> int:
    found = _WORD.match(text, start)
    return found.end() if found else start


_WORD = re.compile(r"[A-Za-z-]+")
_ONGOING = re.compile(
    r"\b(?:are|is|were|was|been)\s+(?:still\s+|now\s+)?(?:searching|investigating|looking|hunting|"
    r"probing|questioning|interrogating)$"
)
_QUIET_DAYS = 7
_LATER = re.compile(r"\W*later\b", re.IGNORECASE)
# After mourners or protesters open a report, news is what happened within a day, or to the
# gathering itself ("a bomb exploded near the funeral procession").
_MOURNED_DAYS = 1
_GATHERING = re.compile(
    r"\b(?:funerals?|mourn\w*|procession|protest(?:ers)?|sit-in|rally|vigil|camp|crowds?|"
    r"graveyard|cemetery|burial|demonstrat\w+|gathering)\b",
    re.IGNORECASE,
)
# An attack named by its day ("the January 30 attack", "the February 28 suicide bombing"),
# and how old that day must be to make it another's.
_DATE_NAMED = re.compile(
    rf"\b[Tt]he\s+({_MONTH_NAME}\s+\d{{1,2}})(?:,\s+\d{{4}},?)?\s+(?:[a-z-]+\s+){{0,2}}?(?:"
    r"attacks?|bombings?|blasts?|massacre|assault|siege|killings?|explosions?|ambush|raid|"
    r"strikes?)\b"
)
_NAMED_DAYS = 3
# ... as the sentence's subject, or recalled ("He also referred to the February 28 bombing").
_RECALLED = re.compile(
    r"(?:^\W*(?:in\s+[A-Z][\w ]{0,30},\s*)?|\b(?:referred|pointed|recalled|cited|mentioned|"
    r"remembered|including|such\s+as|and|like|claimed)\s+(?:to\s+)?)$"
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
    names a place or opens another incident ("In a separate incident"); and what the report's
    opening makes context (`_framing`).
    """
    if published is None:
        return
    lead = True
    telling = False  # (the event sentence before was history, in this paragraph)
    framing = ""  # how the report opens (`_framing`)
    reacting = False  # (a mourners' or protesters' sentence opened the report)
    kept = False  # (the event sentence before is kept)
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
        if _WORDS_OF_A_SENTENCE.search(s.text):
            told += 1
        if not s.is_event:
            reacting = reacting or (lead and told <= _LEAD_SENTENCES and is_reaction(s.text))
            continue
        dates = dates_of(s)
        if lead:
            lead = False
            framing = _framing(s, told, reacting, dates, text, published)
            if framing == "":
                _recalled_tolls(s)
            # (after mourners or protesters, the first event sentence is judged as the rest)
            if not reacting:
                if (
                    framing in ("recall", "strict")
                    # (a decision is no event; talks are: "resumed talks on Saturday")
                    or (
                        framing == "policy"
                        and not any(t.event_type == "ceasefire_negotiation" for t in s.triggers)
                    )
                    # (the first event sentence late in a report: dated within the week, and
                    # telling where or how many)
                    or (
                        framing == "quiet"
                        and (
                            _older(s, dates, published, _QUIET_DAYS) or not (_placed(s) or s.counts)
                        )
                    )
                ):
                    s.is_event = False
                kept = s.is_event
                continue
        opened = NEW_EVENT.match(s.text) is not None
        if framing == "strict":
            # A report of statistics or of a protest retells the attacks it counts or mourns:
            # news is opened as such ("Meanwhile, ..."), dated recently, or hits the gathering.
            # (or it goes on telling the news kept before it: "Three other soldiers were
            # wounded"; a bound "since Sunday" dates it too)
            window = _MOURNED_DAYS if reacting else _QUIET_DAYS
            fresh = any((published - d.date).days <= window for d in dates)
            if not (
                opened
                or fresh
                or _LATER.match(s.text)
                or (reacting and _GATHERING.search(s.text))
                or (kept and not dates and not _placed(s))
            ):
                s.is_event = kept = False
                continue
        sequel = (
            (
                framing == "recall"
                and not opened
                and (
                    _older(s, dates, published, _QUIET_DAYS)
                    # (undated: news goes on from news kept before it, or a new attack is told
                    # with its place and toll, not "The attack killed 149 at a rally")
                    or (
                        not dates
                        and not (kept and not _placed(s))
                        and not (s.counts and _placed(s) and not RETOLD.match(s.text))
                    )
                )
            )
            # (in a report opening on no event, the context told goes on: "Pakistan said it
            # had repulsed an attack near Chaman" after the clashes of October 15)
            or (framing in ("quiet", "policy") and telling and not dates and not opened)
            or (
                telling
                and not dates
                and not s.places
                and not _REPORTING.search(s.text)
                and not opened
            )
        )
        # A report that opens on no event (a policy, talks, a deadline) mentions attacks as
        # context: each must be dated within the week, told as an incident with its place and
        # toll, opened as one ("Meanwhile, ..."), or go on telling the event kept before it.
        aside = (
            framing in ("quiet", "policy")
            and not opened
            and (
                _older(s, dates, published, _QUIET_DAYS)
                # (a toll, even where the place refers back: "Jets pounded hideouts in the
                # agency, killing 12")
                or (not dates and not s.counts and not (kept and not _placed(s)))
            )
        )
        past = is_history(s, dates, published) or _dated_attack(s, dates, published)
        if past or sequel or aside:
            s.is_event = False
        kept = s.is_event
        # (a narrative goes on in the next sentence: "In September 2015, the Taliban captured
        # Kunduz. During the fighting that followed, ..."; not a leader's record: "responsible
        # for a kidnapping last month. The force also detained one other suspect")
        # (in a report opening on no event, context goes on until news is told)
        context = aside or (sequel and framing in ("quiet", "policy"))
        telling = (past or context) and _RECORD.search(s.text) is None


def _framing(
    lead: Sentence,
    told: int,
    reacting: bool,
    dates: list[DateMention],
    text: str,
    published: dt.date,
) -> str:
    """How a report's first event sentence (its `told`-th sentence; `dates` its dates, `text`
    the document's) frames the rest:
    "strict": mourners or protesters open the report, or the lead gives statistics; the attacks
    told are those mourned or counted, unless dated recently or opened as news;
    "quiet": no event in the first `_LEAD_SENTENCES` sentences;
    "policy": the lead tells a decision or talks (kept as an event only when talks);
    "recall": an anniversary, "ten days after" or a verdict, with no new deed; later events
    must be dated within `_QUIET_DAYS`;
    "": the lead is the report's event."""
    if reacting:
        return "strict"
    if told > _LEAD_SENTENCES:
        return "quiet"
    if _policy_lead(lead):
        return "policy"
    if _recall_lead(lead) or _named_lead(lead, dates, published):
        return "recall"
    if _statistics_lead(lead, dates, text):
        return "strict"
    return ""


def _named_lead(lead: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether a report's first event sentence, without a toll, is dated only by the earlier
    attacks it names ("ISKP has drawn attention since the March 22 attack near Moscow"): no
    deed of its own; not "A bomb killed 30 on Tuesday, the deadliest since the May 10 attack"."""
    if lead.counts or not dates or _CLAIM.search(lead.text):
        return False  # ("The Taliban claimed responsibility for the May 20 attack": its news)
    found = list(_DATE_NAMED.finditer(lead.text))
    if _deed_beside(lead, found):
        return False
    named = [(lead.start + m.start(1), lead.start + m.end(1)) for m in found]
    return all(
        any(d.start < e and b < d.end for b, e in named)
        and (published - d.date).days >= _NAMED_DAYS
        for d in dates
    )


def _deed_beside(s: Sentence, named: list[re.Match[str]]) -> bool:
    """Whether the sentence tells a deed of its own beside the attacks it names (a trigger
    outside every name: "again attacked the checkpost hit in the May 15 attack")."""
    spans = [(s.start + m.start(), s.start + m.end()) for m in named]
    return any(all(t.end <= a or t.start >= b for a, b in spans) for t in s.triggers)


def _own_dates(s: Sentence, dates: list[DateMention]) -> list[DateMention]:
    """A sentence's dates but those after "since" ("the first attack since last December"):
    they bound a comparison, they do not date the sentence's deed; unless a clause tells what
    happened then ("the deadliest since August 26, when militants killed 51")."""
    return [
        d
        for d in dates
        if not s.text[: d.start - s.start].rstrip().endswith(("since", "Since"))
        or _WHEN_AFTER.match(s.text, d.end - s.start)
    ]


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")


def _placed(s: Sentence) -> bool:
    """Whether the sentence names a place within a country (not only the country)."""
    return any(not m.key.startswith("country:") for m in s.places)


def _older(s: Sentence, dates: list[DateMention], published: dt.date, days: int) -> bool:
    """Whether every date of the sentence's own (`_own_dates`), if any, is over `days` old."""
    own = _own_dates(s, dates)
    return bool(own) and all((published - d.date).days > days for d in own)


def _dated_attack(s: Sentence, dates: list[DateMention], published: dt.date) -> bool:
    """Whether the sentence names an earlier attack by its date ("the January 30 attack killed
    84", "referred to the February 28 suicide bombing"): a report's own event is not named so."""
    if not dates or "the " not in s.text.lower():
        return False
    found = list(_DATE_NAMED.finditer(s.text))
    if not found or _deed_beside(s, found):
        return False  # ("Militants who claimed the May 15 attack also attacked a police van")
    for m in found:
        if not _RECALLED.search(s.text, max(0, m.start() - 30), m.start()):
            continue  # ("a strike on a commander connected to the July 2 attack": today's)
        start, end = s.start + m.start(1), s.start + m.end(1)
        if any(
            d.start < end and start < d.end and (published - d.date).days >= _NAMED_DAYS
            for d in dates
        ):
            return True
    return False
