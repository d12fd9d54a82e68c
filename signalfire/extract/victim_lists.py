"""The other items of a list of victims around one figure (see casualties.py): after a verb's
figure ("killed a commander and two of his guards", "detained two suspects in Kandahar, three in
Helmand"), and before a figure that ends at its verb ("two soldiers and a civilian were
killed"). Each item is handed to the caller's `add`, which refuses one that overlaps a figure
already read; a refusal ends the list."""

from __future__ import annotations

import re
from typing import Protocol

from .capture_patterns import (
    BARE_ITEM,
    LONG_JOIN,
    LONG_JOIN_CUES,
    OF_HIS_CUES,
    OF_HIS_JOIN,
)
from .casualty_patterns import (
    _ALONG_WITH,
    _CONTINUATION,
    _LIST_ITEM_BEFORE,
    _LIST_JOIN_ENDS,
    _PER_PLACE,
)
from .casualty_verbs import _ANY_VERB
from .figure_values import _BOTH_THE, _OBJECT_GAP, _SOURCE_BEFORE, _continued, _has, item_start
from .gazetteer import load_gazetteer
from .more_victims import _NAME, _NOT_NAME
from .numbers import _EXACT, _MORE_THAN, parse_number
from .scanning import holds
from .victims import _ONE


class Adder(Protocol):
    """`find_counts`'s `add`: whether a figure is new (not overlapping one already read)."""

    def __call__(
        self, category: str, low: int, high: int, start: int, end: int, note: str = ""
    ) -> bool: ...


Verbs = dict[str, list[re.Match[str]]]
# The first victim's name as an aside before the next item: "killing the provincial police
# chief, Gen. Abdul Raziq, and the intelligence chief", "a cleric, Mujib ur Rahman Ansari, and
# 17 others" (words in capitals, run on the text's own case).
# (past the rest of the first one's title: "killed the deputy governor of Herat, Abdul Karim,
# and his secretary", where the figure ends at "deputy"; "the head of the provincial council")
_NAME_ASIDE = re.compile(
    r"(?:[ \t]+(?:[a-z'’-]+|of[ \t]+[A-Z][\w'’-]*)){0,5}?"
    r",[ \t]+(?:[A-Z][\w'’.-]*[ \t]+(?:(?:bin|ibn|al|ul|ur|ud|din|de)[ \t]+)?){0,4}"
    r"[A-Z][\w'’-]*(?=,[ \t]*and[ \t])"
)


# A named victim as the item before a figure (run on the text's own case): "Mohammad Dawood
# Muzammil and two other people were killed"; not a place after a preposition ("fighting in Nad
# Ali and two soldiers were killed") nor a force or group (`_NOT_NAME`).
# (one word after a clause's comma: "When the force entered the compound, Nasim and two armed
# men engaged them ... and were killed")
_NAME_ITEM = re.compile(rf"(?<![\w'’-])(?P<item>{_NAME}|(?<=,[ \t])[A-Z][a-z]{{2,}})\s+and\s+$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|of|from|near|to|into|across|between|and|outside|inside)\s+$"
)
# A name that is an organisation's ("Lashkar-e-Taiba and two soldiers") is no person either.
_ORGANISATION = re.compile(
    r"\b(?:Lashkar|Jaish|Tehreek|Tehrik|Harkat|Sipah|Jamaat|Jamiat|Hizb|Network|Front|Movement|"
    r"Party|League|Brigade|Group|Council|Committee|Organi[sz]ation|Company|Bank|University|"
    r"College|School|Hospital|Agency|Department|Ministry|Office|Corps|Command)\b"
)


def _no_person(name: str) -> bool:
    """Whether a name is a force's, a group's or an organisation's, or a place of the gazetteer
    ("Lashkar Gah and two soldiers were killed")."""
    if _NOT_NAME.search(name) or _ORGANISATION.search(name):
        return True
    try:
        # (the default gazetteer, loaded once: the same the extractor reads by default)
        return bool(load_gazetteer().lookup(name))
    except OSError:
        return False  # (no reference data: the name is taken as a person's)


def _joined_across(
    text: str, verbs: Verbs, pos: int, pattern: re.Pattern[str], cues: tuple[str, ...]
) -> re.Match[str] | None:
    """A join past a long first noun phrase, unless a casualty verb lies in the stretch
    (another clause: "killed a commander in Swat and arrested two of his associates")."""
    if not holds(text[pos : pos + 150], cues):
        return None
    joined = pattern.match(text, pos)
    if joined is None or any(pos <= v.start() < joined.end() for vs in verbs.values() for v in vs):
        return None
    return joined


# A headline's list of bare singulars, no article before either: "Gunmen kill police officer,
# minority Ahmadi man in Pakistan" (two); the next item's noun ends the phrase (not "kill
# soldier, official says").
# (a headline's verbs in the present: "Gunmen kill soldier, wound civilian" is another verb)
_HEADLINE_VERB = (
    r"wound|injure|hurt|arrest|detain|capture|abduct|kidnap|seize|free|rescue|attack|target|"
    r"shoot|behead|hold|nab|release|storm|ambush|hit|torch"
)
# The first item: a singular noun and at most three words before it ("police officer").
_BARE_FIRST = re.compile(rf"\s+(?:[a-z'’-]+\s+){{0,3}}?(?:{_ONE})")
_ARTICLE = re.compile(r"\b(?:an?|one|the|his|her|their|its)\b")
_BARE_SINGULAR = re.compile(
    rf",\s*(?:and\s+)?(?:(?!(?:and|or|the|an?|in|on|at|including|among|mostly|many|most|some|"
    rf"all|both|{_ANY_VERB}|{_HEADLINE_VERB})\b)"
    r"[a-z'’-]+\s+){0,3}?"
    rf"(?P<one>{_ONE})(?=\s+(?:in|on|at|near|during|after)\b|\s*[,.;:]|\s*$)"
)


def _bare_item(text: str, verbs: Verbs, cat: str, pos: int) -> re.Match[str] | None:
    """The next bare singular of a headline's list after `pos` (`_BARE_SINGULAR`), where the
    first item, after its verb, has no article either."""
    verb = max(
        (v for v in verbs.get(cat, []) if v.end() <= pos), key=lambda v: v.end(), default=None
    )
    if (
        verb is None
        or _ARTICLE.search(text, verb.end(), pos)
        or not _BARE_FIRST.fullmatch(text, verb.end(), pos)
    ):
        return None
    return _BARE_SINGULAR.match(text, pos)


_INCLUDING_NEXT = re.compile(r"(?:\s+[a-z'-]+){0,2}?,?\s+(?:including|among\s+(?:them|whom))\b")


def follow_list(
    text: str,
    original: str,
    verbs: Verbs,
    add: Adder,
    cat: str,
    pos: int,
    *,
    along: bool,
    joins: bool,
) -> None:
    """More victims of a list after `pos`: "and two others", "along with his guards" (with
    `along`: the text holds "along" or "together"); with `joins`, also past a long first noun
    phrase. `text` is folded, `original` its own case (same offsets)."""
    if _INCLUDING_NEXT.match(text, pos):
        return  # "six soldiers including a brigadier and a colonel": some of the six, no more
    for k in range(6):
        more = _CONTINUATION.match(text, pos)
        if more is None and (name := _NAME_ASIDE.match(original, pos)):
            more = _CONTINUATION.match(text, name.end())  # past the first one's name
        if more is None and k == 0 and along:
            more = _ALONG_WITH.match(text, pos)
        if more is None and k == 0 and joins:
            if cat == "arrested":
                more = _joined_across(text, verbs, pos, LONG_JOIN, LONG_JOIN_CUES)
            if more is None:
                more = _joined_across(text, verbs, pos, OF_HIS_JOIN, OF_HIS_CUES)
        if more is None:
            more = _PER_PLACE.match(text, pos)
        if more is None and k == 0 and (bare := _bare_item(text, verbs, cat, pos)) is not None:
            add(cat, 1, 1, bare.start("one"), bare.end())
            break
        if more is None:
            # "detained the targeted facilitator and associates": at least two more
            if cat == "arrested" and (bare := BARE_ITEM.match(text, pos)) is not None:
                add(cat, 2, 2, bare.start(), bare.end())
            break
        value_more = _continued(more)
        a = next(more.start(g) for g in ("n1", "one", "other") if _has(more, g))
        if (
            k == 0
            and more.groupdict().get("one") in ("a", "an")
            and text[pos:a].rstrip().endswith(",")
            and _CONTINUATION.match(text, more.end()) is None
        ):
            break  # an appositive: "detained the cell's leader, a weapons facilitator, in"
        if value_more is None or not add(cat, value_more, value_more, a, more.end()):
            break
        pos = more.end()


def list_around(
    text: str,
    verbs: Verbs,
    add: Adder,
    cat: str,
    start: int,
    end: int,
    kind: str,
    along_cue: bool,
    original: str = "",
    note: str = "",
) -> None:
    """The other items of a list around a figure that ends at its verb (`kind` "num" or "near",
    spanning `start` to `end`): one joined by "along with" after it, and the earlier items,
    each with the figure's `note` (the items of an earlier event's toll are its toll too)."""
    if (
        along_cue
        and (more := _ALONG_WITH.match(text, end)) is not None
        and (value_more := _continued(more)) is not None
    ):
        a = next(more.start(g) for g in ("n1", "one") if _has(more, g))
        add(cat, value_more, value_more, a, more.end(), note)
    # Per-place items after it, their noun and verb left out: "four terrorists were killed in
    # Noshki and nine in Panjgur".
    after = end
    while kind == "num" and (per := _PER_PLACE.match(text, after)) is not None:
        value_per = _continued(per)
        if value_per is None or not add(
            cat, value_per, value_per, per.start("n1"), per.end(), note
        ):
            break
        after = per.end()
    # Earlier items of a list that ends at this figure (before its article: "two
    # suspects and the cell's leader were detained").
    pos = item_start(text, start, kind)
    for _ in range(6):
        lo = max(0, pos - 80)
        # (every item ends at a join: ",", "and" or "&" and spaces)
        if not text[lo:pos].rstrip().endswith(_LIST_JOIN_ENDS):
            break
        item = _LIST_ITEM_BEFORE.search(text, lo, pos)
        if item is None and original and (named := _NAME_ITEM.search(original, lo, pos)):
            if _no_person(named.group("item")) or _PLACE_BEFORE.search(
                text, max(0, named.start() - 12), named.start()
            ):
                break
            add(cat, 1, 1, named.start(), named.end("item"), note)
            break
        # (the figure's source is no item: "According to the governor, 7 suspects")
        if item is None or _SOURCE_BEFORE.search(text, max(0, item.start() - 20), item.start()):
            break
        # (another verb's object is no item: "detained a Taliban leader and two of
        # his fighters were killed")
        if any(
            c != cat and _OBJECT_GAP.fullmatch(text, v.end(), item.start())
            for c, vs in verbs.items()
            for v in vs
            if v.end() < item.start()
        ):
            break
        value_item = parse_number(item.group("n1")) if item.group("n1") else 1
        if item.group("n1") == "both" and _BOTH_THE.match(item.group("item")):
            value_item = 1  # "both the commander and his deputy": one each
        # (its qualifier: "more than 100 soldiers and 30 civilians were killed" is 101 and 30)
        pos = item_start(text, item.start(), "num") if item.group("n1") else item.start()
        if (
            value_item is not None
            and pos < item.start()
            and _MORE_THAN.match(text, pos)
            and _EXACT.fullmatch(item.group("n1"))
        ):
            value_item += 1
        if value_item is None or not add(
            cat, value_item, value_item, item.start(), item.end("item"), note
        ):
            break
