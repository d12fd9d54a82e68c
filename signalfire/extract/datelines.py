"""Where and when a report was filed, as against where and when its event happened.

A dateline ("QUETTA, 8 May:", "KABUL, Afghanistan (AP) —", "Quetta (AFP) -") names the place
a report was filed from and the day it was filed: its place is not the event's unless the body
names none (a fallback, see `pipeline`), and its date is never the event's. A date that says
when a source spoke ("police said on Monday that ...", "Officials on Tuesday confirmed ...")
is likewise the report's: the event's own date, when the report gives one, wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .dates import DateMention
from .gazetteer import Gazetteer, key
from .geoparse import PlaceMention, Resolved

_DATELINE_WINDOW = 300  # a dateline opens the article or follows its headline
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"

# Upper case: "KABUL, Afghanistan (May 24, 2011)", "PESHAWAR, Pakistan, June 3 -", "QUETTA:",
# "QUETTA, 8 May:", "KABUL, 8 May 2012 (AFP)"; not a label over a headline ("UPDATE: ...").
_UPPER = re.compile(
    r"\b(?!(?:UPDATED?|BREAKING|URGENT|EXCLUSIVE|CORRECTION|CORRECTED|ANALYSIS)\b)"
    r"[A-Z][A-Z'.-]{2,}(?:\s+[A-Z][A-Z'.-]{2,})*(?:,\s+[A-Z][a-z]+)?"
    r"(?:\s*\([^)]{0,40}\)|,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|"
    rf",?\s+\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?|\s*:)"
)
# Title case, as scraped feeds print wire datelines: at the start of a line, and only with
# what marks a dateline (an agency, a date, or the country then a dash): "Quetta (AFP) -",
# "Kabul, Afghanistan (AP) —", "Peshawar, Jul 3 (PTI)", "Islamabad, Pakistan -". A headline
# that opens with its place ("North Waziristan: 19 killed ...") is none, nor is a sentence
# that opens with its date ("On May 8, 12 people", "Monday, May 7").
_NOT_A_PLACE = (
    r"(?!(?:On|In|At|By|For|From|Since|Until|Till|After|Before|During|Between|Through|Last|"
    r"Next|This|Early|Late|Mid|Of|The|And|Updated|Posted|Published|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b)"
)
_TITLE = re.compile(
    r"(?:^|(?<=[\n\u2028]))[ \t\u2028]*"
    rf"(?P<dl>{_NOT_A_PLACE}[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){{0,2}}"
    r"(?:,\s+(?:Afghanistan|Pakistan)(?=\s*[-–—])|(?:,\s+(?:Afghanistan|Pakistan))?"
    r"(?:\s*\([A-Z][A-Za-z/.]{1,12}(?:\s[A-Z][A-Za-z/.]{1,12})?\)|"
    rf",?\s+{_MONTH}\.?\s+\d{{1,2}}\b(?:,\s+\d{{4}})?|"
    rf",?\s+\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?)))"
)


@dataclass(frozen=True)
class Dateline:
    """The dateline's characters ([start, end); -1 without one) and the places it names."""

    start: int = -1
    end: int = -1
    places: tuple[PlaceMention, ...] = ()


def dateline_span(text: str) -> tuple[int, int] | None:
    """The first dateline in the opening characters of `text`, as (start, end)."""
    head = text[:_DATELINE_WINDOW]
    upper = _UPPER.search(head)
    title = _TITLE.search(head)
    spans = [m.span() for m in (upper,) if m] + [m.span("dl") for m in (title,) if m]
    return min(spans) if spans else None


_NAME = re.compile(r"[A-Za-z'’.-]+(?:[ -][A-Za-z'’.-]+){0,2}")
# "KABUL, Afghanistan (May 24, 2011)": a headquarters' press release (ISAF, the military), filed
# from the capital whatever the place of its operations: no fallback place.
_RELEASE_DATE = re.compile(r"\([^)]*\d[^)]*\)")


def read_dateline(text: str, gazetteer: Gazetteer) -> Dateline:
    """The dateline of `text` and the place it opens with, if the gazetteer knows it (upper-case
    "KABUL" is no phrase-matcher entity: the name is looked up by its key), unless it dates a
    press release in brackets (see `_RELEASE_DATE`)."""
    span = dateline_span(text)
    if span is None:
        return Dateline()
    start, end = span
    name = _NAME.match(text, start, end)
    places: tuple[PlaceMention, ...] = ()
    if name is not None and not _RELEASE_DATE.search(text, start, end):
        k = key(name.group(0).rstrip(".-"))
        if k in gazetteer.by_key:
            places = (
                PlaceMention(start, start + len(name.group(0).rstrip(".-")), name.group(0), k),
            )
    return Dateline(start, end, places)


def is_release(text: str) -> bool:
    """Whether `text` opens like a headquarters' press release: a dateline that dates it in
    brackets ("KABUL, Afghanistan (May 24, 2011)", see `_RELEASE_DATE`)."""
    span = dateline_span(text)
    return span is not None and _RELEASE_DATE.search(text, *span) is not None


def province_of(r: Resolved, gazetteer: Gazetteer) -> Resolved:
    """A dateline's place as its province: reporters file from a provincial capital on events
    anywhere in the province ("PESHAWAR (AP) - ... in a former Taliban stronghold near the Afghan
    border"), so the fallback claims no district."""
    if r.place.level == "adm1":
        return r
    name = gazetteer.adm1_names.get(r.place.adm1, "")
    for p in gazetteer.lookup(name):
        if p.level == "adm1" and p.adm1 == r.place.adm1:
            return Resolved(r.mention, p, r.score)
    return r


# The event in "the city" a dateline names ("KARACHI: ... shot dead in the city's Defence area").
_THE_CITY = re.compile(r"\b(?:in|of)\s+the\s+city(?:['’]s)?\b")


def fallback_place(r: Resolved, scene: str, gazetteer: Gazetteer) -> Resolved:
    """A dateline's place for an event whose text names none: its province (`province_of`), or
    the place itself where the event's sentences (`scene`) put it in "the city"."""
    return r if _THE_CITY.search(scene) else province_of(r, gazetteer)


# A date the source spoke on: "said on Monday", "told reporters on Tuesday", "in a statement
# issued on Tuesday", "said late on Monday".
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+[\w-]+){0,2}|added|confirmed|announced|reported|stated|claimed|"
    r"statement|release|disclosed|released|published|issued|updated)"
    # ("claimed responsibility on Sunday for Saturday's bombing": the claim's day)
    r"(?:\s+(?:issued|released|here|late|early|earlier|later|responsibility))*"
    r"\s*,?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
# Every `_SAID_BEFORE` match holds one of these (lower-cased): a substring test is far cheaper
# than the `$`-anchored search, which is tried at every start in its window.
_SAID_CUES = ("said", "says", "told", "added", "confirmed", "announced", "reported", "stated",
              "claimed", "statement", "release", "disclosed", "published", "issued",
              "updated")  # fmt: skip


def _said_cue(window: str) -> bool:
    if not window.isascii():
        return True  # case-insensitive "ſ" matches "s": let the pattern decide
    low = window.lower()
    return any(cue in low for cue in _SAID_CUES)


# "The death toll ... rose to 55 on Monday": the day of a toll's update, not of the attack.
_TOLL_ROSE_BEFORE = re.compile(
    r"\b(?:rose|risen|climbed|jumped|reached|increased|mounted)\s+to\s+(?:at\s+least\s+)?"
    r"[\w,-]+(?:\s+(?:people|dead|deaths))?\s*,?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
# "Officials on Tuesday confirmed ...": the verb right after the date.
_SAID_RIGHT_AFTER = re.compile(
    r"\s+(?:said|says|confirmed|told|announced|reported|claimed|added)\b", re.IGNORECASE
)
# "On Tuesday, officials said ...": a sentence opening with the date, its verb of speech close.
_SAID_AFTER_OPENING = re.compile(
    r"\s*,?\s*(?:[\w'’-]+\s+){0,3}?(?:said|says|confirmed|told|announced|reported|claimed)\b",
    re.IGNORECASE,
)
_OPENING = re.compile(r"\W*(?:(?:on|late|early)\s*)?$", re.IGNORECASE)


def reporting_date(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the date at text[start:end] says when a source spoke, not when the event was."""
    if text[end : end + 2] in ("'s", "’s"):
        return False  # "claimed Monday's attack": the attack's day
    lo = max(sentence_start, start - 50)
    if _said_cue(text[lo:start]) and _SAID_BEFORE.search(text, lo, start):
        return True
    if _SAID_RIGHT_AFTER.match(text, end, end + 20):
        return True
    if "to " in text[lo:start] and _TOLL_ROSE_BEFORE.search(text, lo, start):
        return True  # "the death toll rose to 55 on Monday": the update's day
    return bool(
        _OPENING.fullmatch(text, sentence_start, start)
        and _SAID_AFTER_OPENING.match(text, end, end + 60)
    )


# "said on Monday that the suspects would be tried on Friday": a plan, not the event.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|to\s+be|scheduled|planned|plans?|(?:is|are)\s+due|expected\s+to)\b",
    re.IGNORECASE,
)


def event_date(dated: Iterator[tuple[int, list[DateMention]]], text: str) -> DateMention | None:
    """The event's date from its sentences' dates ((sentence start, dates), in text order): the
    first date, unless it is the report's ("Police said on Monday that a bomb had killed three
    on Sunday"): then the first other date of that sentence or the next dated one that is not
    later than the report (the event came first) and does not name another attack (see
    `names_an_attack`; such a date only before the report's), else the report's date."""
    first = next(dated, None)
    if first is None or not first[1]:
        return None
    start, dates = first
    said = dates[0]
    if not reporting_date(text, said.start, said.end, start):
        return said
    named: DateMention | None = None  # a date that names another attack: the last resort
    for s_start, ds in (first, next(dated, (0, []))):
        for d in ds:
            if (
                d is not said
                and d.date <= said.date
                and not _FUTURE.search(text, said.end, d.start)
                and not reporting_date(text, d.start, d.end, s_start)
            ):
                if not names_an_attack(text, d.start, d.end):
                    return d
                named = named or d
    return named or said


# "support to the Kabul suicide bomb attack June 28", "the June 28 attack", "Monday's raid": a
# date that names an attack the report refers to, beside the event it reports.
_ATTACK_NOUN = r"(?:attacks?|bombings?|blasts?|raids?|assault|ambush|massacre|explosions?)"
_ATTACK_BEFORE = re.compile(rf"\b{_ATTACK_NOUN}\s*,?\s*(?:of\s+)?$", re.IGNORECASE)
_ATTACK_AFTER = re.compile(
    rf"(?:['’]s)?\s+(?:(?:suicide|bomb|car|terrorist|militant|deadly)\s+)*{_ATTACK_NOUN}\b",
    re.IGNORECASE,
)


def names_an_attack(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is a name for an attack ("the June 28 attack")."""
    return bool(
        _ATTACK_BEFORE.search(text, max(0, start - 20), start)
        or _ATTACK_AFTER.match(text, end, end + 40)
    )


# A date inside the record of whom the event is about: "a wanted terrorist involved in the
# killing of two policemen last month was killed": the deed's date, not the event's ...
_DEED_CUE = r"(?:involved\s+in|wanted\s+(?:in|for)|accused\s+of|in\s+connection\s+with)"
_PERSONAL_DEED = r"(?:killings?|murders?|kidnappings?|abductions?|assassinations?)"
_DEED_BEFORE = re.compile(
    rf"\b(?:{_DEED_CUE}|mastermind(?:ed)?(?:\s+of)?)\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+)?"
    rf"(?:{_PERSONAL_DEED}|attacks?|bombings?|blasts?)\b[^,;.]{{0,40}}$",
    re.IGNORECASE,
)
# ... or one that names the deed: "the IMU leader responsible for the May 22 kidnapping of four
# aid workers"
_DEED_CUE_BEFORE = re.compile(rf"\b(?:{_DEED_CUE}|responsible\s+for)\s+the\s+$", re.IGNORECASE)
_PERSONAL_DEED_AFTER = re.compile(rf"(?:['’]s)?\s+{_PERSONAL_DEED}\b", re.IGNORECASE)


def deed_date(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] dates a past deed of the event's subject."""
    return _DEED_BEFORE.search(text, max(0, start - 80), start) is not None or (
        _DEED_CUE_BEFORE.search(text, max(0, start - 30), start) is not None
        and _PERSONAL_DEED_AFTER.match(text, end) is not None
    )
