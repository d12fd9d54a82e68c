"""Victims that `casualties.find_counts` reads after its figure patterns, in wordings those
leave out: a wounded captive is both wounded and captured ("two were arrested injured", "two
suspects, one of whom was wounded", "injured one attacker, who was later arrested", "detained a
wounded insurgent"), and a victim told by name ("Japanese doctor Tetsu Nakamura was shot dead
along with five Afghan colleagues": six; "shot and wounded Malala Yousafzai"; "ringleader Abdul
Basit alias Saqib, along with two of his accomplices, was sent to hell": three).

Each rule runs only where the sentence has a verb of its kind, and counts only where no figure
already holds its span (the caller's `add`) or, for a wounded captive, where the sentence tells
no other wounded (or captured) figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .casualty_patterns import _ALONG_WITH, _ALONG_WITH_CUES, _CONTINUATION
from .figure_values import _continued, aside_victims
from .numbers import parse_number
from .scanning import holds
from .tally_patterns import _EARLIER_TIME_AFTER
from .victims import no_stop

_ASIDE_CHAR = no_stop(",;:", cased=True)  # past "U.S."
_APPOSITIVE_CHAR = no_stop(";:()", cased=True)


class Figure(Protocol):
    """A figure already found (`casualties.Count`, frozen: read-only members)."""

    @property
    def category(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


_HURT = r"(?:wounded|injured)"
_HELD = r"(?:arrested|detained|apprehended|captured|nabbed|taken\s+into\s+custody)"
_LATER = r"(?:(?:later|subsequently|then|also)\s+)?"
# A passive capture's figure, then the captives' state: "two were arrested injured", "one
# terrorist was apprehended in injured condition" (not "arrested injured two": an object).
_HELD_HURT = re.compile(
    rf"\s+(?:{_HURT}|in\s+(?:an?\s+)?{_HURT}\s+(?:condition|state))\b(?!\s+(?:\d|an?\b|the\b))"
)
# A part of the captives hurt: "detained two suspects, one of whom was wounded", "One of the
# detained insurgents had been wounded in the operation" (searched back from the verb).
_PART_HURT = re.compile(
    r"\b(?P<n1>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+"
    r"(?:whom|them|the\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+s)\s+"
    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?:(?:critically|seriously|slightly|badly|lightly)\s+)?$"
)
# The wounded then held: "injured one attacker, who was later arrested" (after the figure).
_THEN_HELD = re.compile(rf"(?:\s+[a-z'’-]+){{0,3}}?,?\s+who\s+(?:was|were)\s+{_LATER}{_HELD}\b")
# A capture verb before a wounded figure: "arrested two injured militants".
_HELD_BEFORE = re.compile(rf"\b(?P<verb>{_HELD})\s+(?:the\s+)?$")
# The held wounded: "detained another insurgent who was wounded in the engagement" (after the
# figure), "detained a wounded insurgent" (inside it).
_WHO_HURT = re.compile(rf"\s+who\s+(?:was|were|had\s+been|has\s+been)\s+(?:also\s+)?{_HURT}\b")
_HURT_INSIDE = re.compile(rf"\b{_HURT}\s+[a-z]")
# A name (two to five words in capitals, with the particles of names) before a passive verb,
# with an aside: "Tetsu Nakamura was shot dead", "Osama bin Laden was killed", "Abdul Basit alias
# Saqib, along with two of his accomplices, was sent to hell", "Malala Yousafzai, 14, was shot".
_PARTICLE = r"(?:bin|ibn|al|ul|ud|din|de|alias|aka|urf)"
# (a particle joined by a hyphen: "Abu Yahya al-Libi")
_NAME = rf"[A-Z][\w'’-]*(?:\s+(?:{_PARTICLE}\s+)?(?:(?:al|el|ul|ud|ur|bin)-)?[A-Z][\w'’-]*){{1,4}}"
_NAME_PASSIVE = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<name>{_NAME})(?:,\s+\d{{1,3}},)?"
    # (an appositive, commas and all: "Mullah Abdul Rahim, a senior Taliban commander
    # responsible for IED attacks in Sangin district, Helmand province, was killed")
    rf"(?:,\s+(?:an?|the)\s+{_APPOSITIVE_CHAR}{{1,100}}?(?=,\s+(?:was|has|had)\s))?"
    # (the comma closing an appositive: "The minister for refugees, Khalil Haqqani, was killed")
    rf"(?P<aside>,\s+(?:along|together)\s+with\s+{_ASIDE_CHAR}{{1,60}}?,)?,?\s+"
    # (a relative clause: "the assassination of Haji Abdul Ghani, who was shot dead"; not "who
    # was also martyred", one already among a toll told before)
    r"(?:who\s+(?:was|has\s+been|had\s+been)\s+|(?:was|has\s+been|had\s+been)\s+(?:also\s+)?)"
    r"(?:found\s+)?$"
)
# ... and before "embraced shahadat", past an aside: "Sepoy Muhammad Asif (age 24 years,
# resident of District Khanewal), having fought gallantly, embraced shahadat", or two asides
# in commas: "Sepoy X, age 24 years, having fought gallantly, embraced shahadat".
# (and a list of them: "Captain Muhammad Asim and Sepoy Nawaz embraced shahadat", two)
_NAME_MARTYR = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<more>(?:{_NAME}(?:\s*\([^()]{{1,80}}\))?(?:,\s+(?:and\s+)?|\s+and\s+))"
    rf"{{0,5}})(?P<name>{_NAME})(?:\s*\([^()]{{1,80}}\))?(?:(?:,\s+[^,;:.()]{{1,60}}?){{1,2}},)?\s+$"
)
_NAMES_JOIN = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_PARENTHESIS = re.compile(r"\([^()]*\)")
# ... and after an active verb: "shot and wounded Malala Yousafzai, 14, on her school bus",
# "wounding 15-year-old Malala Yousafzai".
_NAME_OBJECT = re.compile(
    rf"\s+(?:\d{{1,2}}-year-old\s+)?(?P<name>{_NAME})(?=\s*[,.;]|\s+(?:in|on|at|and|along|together|as|while|near|during|"
    r"outside|inside|after|before)\b)"
)
# Words in capitals that are no person's name: groups, forces and the start of a sentence.
_NOT_NAME = re.compile(
    r"\b(?:The|A|An|Taliban|Police|Army|Forces?|Security|Afghan|Pakistani|National|Local|"
    r"Province|District|Islamic|State|Daesh|ISIS|Al|Qaeda|Government|Ministry|Embassy|Marines|"
    r"Soldiers|Troops|Rangers|Levies|Commandos|Americans|Afghans|Pakistanis|Frontier|Corps|"
    r"Guards?|Militants|Fighters|Forces)\b"
)
_PASSIVE_CATEGORIES = ("killed", "injured")
_AND = re.compile(r"\band\b")  # (a word: not the "and" of "commander")
# A name's appositive, up to its closing comma: ", the deputy governor of Badakhshan province".
_NAME_ASIDE = re.compile(r",\s+(?:an?|the|his|her)\s+[^,.;()]{1,60}?(?=,)")
# People told by number, then killed as "them": "offloaded nine passengers ... and shot them
# dead", "abducted nine passengers from a bus and later shot them dead".
_THEM_DEAD = re.compile(
    r"\b(?:shot|gunned\s+down)\s+(?:all\s+(?:of\s+)?)?them\s+(?:all\s+)?dead\b|"
    r"\b(?:killed|executed|beheaded|slaughtered|massacred)\s+(?:all\s+(?:of\s+)?)?them\b"
)
_THEM = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:[a-z'’-]+\s+){0,3}?(?:passengers|"
    r"people|men|labou?rers|workers|travell?ers|civilians|persons|villagers|hostages|soldiers|"
    r"policemen|pilgrims|miners|employees|tourists|"
    # ("dragged 22 Shia Muslims off buses", "kidnapped 7 Sikhs ... and later shot them dead")
    r"muslims|shias|shiites|sikhs|hindus|christians|ahmadis|hazaras|tribesmen|students|"
    r"teachers|doctors|drivers|traders|shopkeepers|farmers|officials|guards|boys|youths|"
    r"women|children|relatives|colleagues|contractors|engineers|journalists|levies|troops)\b"
)
# A figure told per side: "with one soldier from each side killed" (two), "two were killed on
# either side" (four); not "on both sides" (a total).
_EACH_SIDE = re.compile(r"\s(?:from|on)\s+(?:each|either)\s+side\b")
_EACH_SIDE_CUES = ("each side", "either side")
# The killer's own death after his victims': "killing four soldiers before he was shot dead".
_HE_AFTER = re.compile(r"\bbefore\s+(?:he|she)\s+(?:was|himself\s+was)\s+(?:also\s+)?$")
# ... and the attackers' told as the sentence's subject: "Three gunmen attacked the consulate,
# killing four people before being killed by security forces" (seven).
_THEY_AFTER = re.compile(r"\bbefore\s+(?:being|they\s+were)\s+(?:also\s+)?$")
_ATTACKER_SUBJECT = re.compile(
    r"[^.;]{0,40}?\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z'’-]+\s+)?"
    r"(?:gunmen|attackers|assailants|militants|terrorists|insurgents|bombers|fighters)\b"
)


def more_victims(
    text: str,
    original: str,
    verbs: dict[str, list[re.Match[str]]],
    found: Sequence[Figure],
    offset: int,
) -> list[tuple[str, int, int, int, bool]]:
    """(category, value, start, end, whether inside a figure's span) of the victims of the
    wordings above, spans relative to `text` (the folded sentence; `original` its own case;
    `found` the figures so far, shifted by `offset`)."""
    out: list[tuple[str, int, int, int, bool]] = []
    has = {c.category for c in found}
    if "injured" in verbs and "injured" not in has:
        out += _hurt_captives(text, verbs, found, offset)
    if "injured" in verbs and "arrested" in verbs and "arrested" not in has:
        for c in found:
            if c.category != "injured":
                continue
            if held := _THEN_HELD.match(text, c.end - offset):
                out.append(("arrested", c.value, c.end - offset, held.end(), False))
            elif held := _HELD_BEFORE.search(text, max(0, c.start - offset - 30), c.start - offset):
                out.append(("arrested", c.value, *held.span("verb"), False))
    if (
        "killed" in verbs
        and (them := _THEM_DEAD.search(text))
        # (a toll told only after them is others: "... and shot them dead; two other people
        # were killed in a car")
        and not any(c.category == "killed" and c.start - offset < them.end() for c in found)
    ):
        told = list(_THEM.finditer(text, 0, them.start()))
        if told and (n := parse_number(told[-1].group("n"))) is not None:
            out.append(("killed", n, them.start(), them.end(), False))
    if holds(text, _EACH_SIDE_CUES):
        for c in found:
            lo, hi = c.start - offset, c.end - offset
            if c.category in _PASSIVE_CATEGORIES and (side := _EACH_SIDE.search(text, lo, hi + 20)):
                out.append((c.category, c.value, side.start() + 1, side.end(), True))
    for v in verbs.get("killed", []):
        if not any(c.category == "killed" and c.end - offset <= v.start() for c in found):
            continue
        if _HE_AFTER.search(text, max(0, v.start() - 30), v.start()):
            out.append(("killed", 1, v.start(), v.end(), False))
        elif (
            _THEY_AFTER.search(text, max(0, v.start() - 30), v.start())
            and (subject := _ATTACKER_SUBJECT.match(text)) is not None
            and (n := parse_number(subject.group("n"))) is not None
        ):
            out.append(("killed", n, v.start(), v.end(), False))
    for cat in _PASSIVE_CATEGORIES:
        for v in verbs.get(cat, []):
            if original[v.start()].isupper() or any(
                c.start - offset <= v.start() < c.end - offset for c in found
            ):
                continue  # (a headline's title case, or a verb a figure already reads)
            named = _named_victims(text, original, v)
            if named is not None:
                out.append((cat, *named, False))
    return out


def _hurt_captives(
    text: str, verbs: dict[str, list[re.Match[str]]], found: Sequence[Figure], offset: int
) -> list[tuple[str, int, int, int, bool]]:
    """The wounded among the captives (or a part of some people: "One of the suspects was
    wounded") of a sentence that tells no wounded figure."""
    for c in found:
        if c.category != "arrested":
            continue
        end = c.end - offset
        if (m := _HELD_HURT.match(text, end)) or (m := _WHO_HURT.match(text, end)):
            return [("injured", c.value, end, m.end(), False)]
        if hurt := _HURT_INSIDE.search(text, c.start - offset, end):
            return [("injured", c.value, hurt.start(), hurt.start() + 7, True)]
    for v in verbs["injured"]:
        part = _PART_HURT.search(text, max(0, v.start() - 80), v.start())
        if part is not None and (n := parse_number(part.group("n1"))) is not None:
            return [("injured", n, part.start(), v.end(), False)]
    return []


def _named_victims(text: str, original: str, v: re.Match[str]) -> tuple[int, int, int] | None:
    """(value, start, end) of a named victim of verb `v`: one, and the victims of an aside
    ("along with five colleagues"); none for an earlier event ("was killed in 2007")."""
    lo = max(0, v.start() - 160)
    if v.group(0).startswith("embraced") and (m := _NAME_MARTYR.search(original, lo, v.start())):
        start, name, value = m.start("name"), m.group("name"), 1
        listed = _PARENTHESIS.sub("", m.group("more"))
        if listed and not _NOT_NAME.search(listed):
            start, value = m.start(), 1 + len(_NAMES_JOIN.findall(listed))
    elif (m := _NAME_PASSIVE.search(original, lo, v.start())) is not None:
        start, name, aside = m.start(), m.group("name"), m.group("aside")
        value = 1 + (aside_victims(_ALONG_WITH.match(text, m.end("name"))) if aside else 0)
    elif original[v.start() - 1 : v.start()] == " " and (
        m := _NAME_OBJECT.match(original, v.end())
    ):
        start, name, value = v.start(), m.group("name"), 1
    else:
        return None
    if _NOT_NAME.search(name):
        return None
    end = max(v.end(), m.end())
    if _EARLIER_TIME_AFTER.match(text, end):
        return None  # a past death: "Benazir Bhutto was killed in 2007"
    # "shot dead along with five Afghan colleagues", "killed Khalid Ahmad and his son"
    more = _CONTINUATION.match(text, end) if m.re is _NAME_OBJECT else None
    if (
        more is not None
        and more.group("one") in ("a", "an", "the")
        and not _AND.search(more.group(0))
    ):
        # an appositive: "shot dead Mohammad Ismail, a former district governor", "killed
        # Mohammad Hashim, the district governor"
        more = None
    if more is None and m.re is _NAME_OBJECT and (aside := _NAME_ASIDE.match(text, end)):
        # past the name's appositive: "killed Nisar Ahmadi, the deputy governor of Badakhshan
        # province, and his driver" (two)
        more = _CONTINUATION.match(text, aside.end())
        if more is not None and not _AND.search(more.group(0)):
            more = None
    if more is None and holds(text[end : end + 100], _ALONG_WITH_CUES):
        more = _ALONG_WITH.match(text, end)
    if more is not None and (more_value := _continued(more)) is not None:
        value, end = value + more_value, more.end()
    return value, start, end
