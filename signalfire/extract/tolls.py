"""An event's casualty figures over its sentences (`casualties.find_counts` gives each
sentence's): within a sentence the distinct figures of a category add up; across sentences the
largest figure wins, because reports repeat and update a toll, unless a sentence says its
victims are more ("also detained two", "two additional suspects", "another three", "a third
man"). A toll ("bringing the death toll to three") is a total, not more victims; a claimed or
earlier event's toll stands only where nothing else gives one of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .casualties import Count
from .numbers import _EXACT, NUMBER, parse_number
from .scanning import holds
from .tally_patterns import (
    _ADDITIONAL,
    _DEFINITE,
    _NTH,
    _NTH_VALUE,
    _TOLL_BEFORE,
    _TOLL_WORDS,
)
from .textcase import twin_applies


def sentence_totals(counts: list[Count]) -> dict[str, int]:
    """Per category, the sum of the distinct figures of one sentence."""
    totals: dict[str, int] = {}
    for c in counts:
        totals[c.category] = totals.get(c.category, 0) + c.value
    return totals


class Counted(Protocol):
    """A sentence with its figures (`sentences.Sentence`)."""

    start: int
    end: int
    counts: list[Count]


def event_figures(
    sentences: Iterable[Counted], text: str, release: bool = False
) -> tuple[dict[str, int], dict[str, int], dict[str, list[Count]]]:
    """Per category, the figure of some sentences of one event, its high and its counts: the
    largest sentence's figure, or the sum where a sentence says its victims are more. In a
    military press `release` (its lead sums up, its body retells), a vague capture figure
    in the lead stands over the body's retelling (`_figures`)."""
    parts = [(s.start, s.end, s.counts) for s in sentences]
    totals, highs, best_counts = _figures(
        [(a, b, [c for c in cs if c.note not in _FALLBACKS]) for a, b, cs in parts], text, release
    )
    # A bare plural's two, then a claimed or earlier event's toll, only where nothing else
    # gives one of its kind.
    for note in _FALLBACKS:
        if not any(c.note == note for _, _, cs in parts for c in cs):
            continue
        fallback = _figures(
            [(a, b, [c for c in cs if c.note == note]) for a, b, cs in parts], text, release
        )
        for cat, value in fallback[0].items():
            # (an arrest story's earlier toll is the captives' crime: "Police arrested a
            # facilitator ... At least 84 people were killed in the January 30 attack")
            if note == "background" and cat in _SIDE_CATEGORIES and "arrested" in totals:
                continue
            if cat not in totals:
                totals[cat], highs[cat] = value, fallback[1][cat]
                best_counts[cat] = fallback[2][cat]
    _died_of_wounds(totals, highs, best_counts)
    return totals, highs, best_counts


def _died_of_wounds(
    totals: dict[str, int], highs: dict[str, int], best_counts: dict[str, list[Count]]
) -> None:
    """Take the deaths among the wounded ("Two of the wounded later died", "He later died of
    his wounds") out of a wounded figure told before them: the same person is not both."""
    died = [c for c in best_counts.get("killed", []) if c.note == "wounded"]
    hurt = best_counts.get("injured", [])
    if not died or not hurt or min(c.start for c in hurt) > died[0].start:
        return
    n = sum(c.value for c in died)
    totals["injured"] = max(0, totals["injured"] - n)
    highs["injured"] = max(0, highs["injured"] - n)
    if not totals["injured"]:
        del totals["injured"], highs["injured"], best_counts["injured"]


_FALLBACKS = ("plural", "background")


def _toll_before(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` ends on a toll word and its words (`_TOLL_BEFORE`)."""
    window = text[start:end]
    # Every match holds a toll word in some case, which `lower` finds where no letter matches
    # one case-insensitively without lower-casing to it (`twin_applies`: no dotless i, long s).
    if twin_applies(window) and not holds(window.lower(), _TOLL_WORDS):
        return False
    return _TOLL_BEFORE.search(text, start, end) is not None


def _figures(
    sentences: list[tuple[int, int, list[Count]]], text: str, release: bool = False
) -> tuple[dict[str, int], dict[str, int], dict[str, list[Count]]]:
    totals: dict[str, int] = {}
    highs: dict[str, int] = {}
    best_counts: dict[str, list[Count]] = {}
    hurt: dict[str, list[Count]] = {}  # the deaths and wounded told so far
    told_end = 0  # where the last figure told so far ends
    told = (0, 0)  # the last sentence with a figure
    first_start = sentences[0][0] if sentences else 0
    for s_start, s_end, s_counts in sentences:
        gap_start, told_end = told_end, max((c.end for c in s_counts), default=told_end)
        before, told = told, ((s_start, s_end) if s_counts else told)
        additive = False  # set per category below, when a figure is already held
        for cat, value in sentence_totals(s_counts).items():
            counts = [c for c in s_counts if c.category == cat]
            held_hurt = hurt.get(cat, [])
            if cat in _SIDE_CATEGORIES:
                hurt[cat] = held_hurt + counts
            # "One more soldier died ..., bringing the death toll to three": the toll is the
            # sentence's figure, and a total, not more victims; so are the deaths among the
            # wounded that raised it, not a toll however near ("the toll rose to 63 after two
            # more of the injured died" is 63).
            tolls = [
                c for c in counts if c.note != "wounded" and _toll_before(text, s_start, c.start)
            ]
            if (
                cat == "arrested"
                and tolls
                and (own := [c for c in counts if c not in tolls])
                and tolls[-1].value > 4 * sum(c.value for c in own)
            ):
                # A campaign's running total, not this event's: "Police arrested 14 more
                # suspects, bringing the total number of arrests to 160".
                tolls, counts, value = [], own, sum(c.value for c in own)
            if tolls:
                counts = tolls[-1:]
                value = counts[0].value
                if cat == "killed" and cat in totals:
                    # a toll of one side's dead updates that side's figure only: "killing 12
                    # militants and three soldiers ... the toll rose to 15 militants" is 18
                    kept = _other_parts(counts[0], best_counts[cat], text)
                    if kept:
                        counts, value = counts + kept, value + sum(c.value for c in kept)
            high = sum(c.high for c in counts)
            if (
                cat == "arrested"
                and not totals
                and not tolls
                and value == 1
                and (nth := _NTH.search(text, max(s_start, counts[0].start - 4), counts[0].end))
                and nth.group(0)[0] in "aA"
                and nth.group(1).lower() == "second"
                and _CAPTURE_WORD.search(text, first_start, s_start) is not None
            ):
                # "The security force also detained a second man" with no figure before it, after
                # an earlier sentence of the event tells a capture in words no pattern reads: two.
                # (Not a later ordinal: "the arrest of a third leader" may count the killed told
                # in another event.)
                value = high = 2
            if (
                cat in totals
                and not tolls
                and value == 1
                # (from the article before a singular's match: "the second suspect")
                and (nth := _NTH.search(text, max(s_start, counts[0].start - 4), counts[0].end))
                is not None
            ):
                # "A fourth insurgent was detained": one more, where fewer than four are held
                # (the ordinal counts the killed too: "killed two insurgents and detained a
                # third. A fourth was detained" is two captures); as many or more are held
                # when the sentence retells one of them.
                if _NTH_VALUE[nth.group(1).lower()] > totals[cat]:
                    totals[cat], highs[cat] = totals[cat] + 1, highs[cat] + 1
                    best_counts[cat] = best_counts[cat] + counts
                continue
            if cat in totals and not tolls:
                # The word before the figure or just after it ("also detained two", "two
                # additional"), not later on ("two detained while targeting an additional
                # leader"), nor one that sets a list's later item beside its first ("detained
                # the leader and one additional suspect": a detail of the same capture); a
                # later item's own word adds when the first is no such detail ("three soldiers
                # and two more militants were killed").
                stop = [counts[1].start] if len(counts) > 1 else []
                end = min(s_end, counts[0].end + 25, *stop)
                if stop and not _DEFINITE.search(counts[0].text):
                    end = min(s_end, max(counts[0].end + 25, counts[-1].end))
                word = _ADDITIONAL.search(text, s_start, end)
                additive = bool(word) or all(c.note == "wounded" for c in counts)
                if (
                    word is not None
                    and word.group(0).lower().startswith(("additionally", "in addition"))
                    and _same_words(text, counts, best_counts[cat])
                ) or (
                    word is not None
                    and word.group(0).lower() == "also"
                    # (in the figure's passive, "... were also killed"; not a force's "also
                    # killed two insurgents", more of its deeds)
                    and word.start() > counts[0].start
                    and cat in _SIDE_CATEGORIES
                    and value == totals[cat]
                    # (exact figures: two vague ones are equal by their word alone)
                    and all(_EXACT.match(c.text.lower()) for c in counts)
                    and (side := _sides(counts, text))
                    and side == _sides(best_counts[cat], text)
                ):
                    # the lead's words again ("detained one suspected insurgent ...
                    # Additionally, the security force detained one suspected insurgent
                    # after the airstrike"): the same capture retold; or the same dead of the
                    # same side, "also" beside someone else ("Eight civilians were killed ...
                    # 'eight civilians who were inside the house were also killed'")
                    additive = False
                # The rest of a toll of people whose aside named some of them: "At least five
                # people, including two policemen, were killed ... Three passers-by were also
                # killed" is five, whoever they are (not the attackers: "... Five attackers were
                # also killed" adds). Otherwise "also" adds, after a toll of others ("Two
                # soldiers were killed ... Three civilians were also killed") and of people
                # ("killing at least 39 people, including 23 passengers ... Fourteen soldiers
                # and police were also killed" is 53).
                rest = (
                    word is not None
                    and word.group(0).lower() == "also"
                    and word.start() > counts[0].start
                    and cat in _SIDE_CATEGORIES
                    and len(best_counts[cat]) == 1
                    and _people_aside(best_counts[cat][0], text) == totals[cat] - value
                    and _sides(counts, text) != {"militant"}
                )
                # The other side's dead in the same fight, told apart: "Two soldiers were
                # martyred. Three terrorists were killed in the exchange of fire" (every figure
                # so far names its side, and none this one's; the fight is named in this
                # sentence or the one of the figure before; in a military release too, as the
                # reviews count every side's dead: "A police officer was killed in the initial
                # attack"; not in a list of headlines of other reports, a line each: "Pak army
                # kills 15 militants.\n3 die in clash").
                additive = additive or (
                    cat in _SIDE_CATEGORIES
                    and (
                        _SAME_FIGHT.search(text, s_start, s_end) is not None
                        or _SAME_FIGHT.search(text, *before) is not None
                    )
                    and _other_side(counts, held_hurt, text)
                    and _no_line_between(text, gap_start, counts[0].start)
                )
                # (the killer told dead after his victims: "The bodyguard was killed"; a second
                # deed after one victim: "Gunmen shot dead X. Hours later a suicide bomber struck
                # lawyers gathered at the hospital, killing 70")
                additive = additive or (
                    cat == "killed"
                    and (
                        _killer_killed(counts, text, first_start, s_start)
                        or (totals[cat] == 1 and _LATER_LEAD.match(text, s_start) is not None)
                    )
                )
                # After a vague capture figure ("detained several suspected insurgents"), "also"
                # and "other" retell the same captures in detail (the ISAF coders' reading:
                # "... The force also detained four suspected insurgents" is 3); "more",
                # "additional" and "another" still add.
                if (
                    release
                    and cat == "arrested"
                    and word is not None
                    and _RETOLD.fullmatch(word.group(0).lower())
                    and _vague(best_counts[cat])
                ):
                    additive = False
                additive = additive and not rest
            if cat in totals and additive:
                totals[cat] += value
                highs[cat] += high
                best_counts[cat] = best_counts[cat] + counts
            elif value > totals.get(cat, -1) and not (
                release
                and cat == "arrested"
                and cat in totals
                and _vague(best_counts[cat])
                # ("detained several ... The five suspected insurgents were detained": exact)
                and not _THE_BEFORE.search(text, max(0, counts[0].start - 8), counts[0].start)
            ):
                totals[cat], highs[cat], best_counts[cat] = value, high, counts
    return totals, highs, best_counts


# The categories whose victims on each side add up (the wounded as the dead: "A constable was
# injured ... Police retaliated and injured one attacker").
_SIDE_CATEGORIES = ("killed", "injured")
# The dead of each side, by the noun of their figure ("two soldiers", "the attacker"); a figure
# of people, or of both sides at once, names none ("five people", "a soldier and a militant").
_SIDE_NOUN = (
    r"\b(?:(?P<force>soldiers?|troops|troopers?|policem[ae]n|police|policewoman|personnel|"
    r"jawans?|constables?|commandos?|rangers?|levies|sepoys?|servicem[ae]n|service\s+members?|"
    r"marines?|cops?|"
    r"naiks?|havildars?|subedars?|sowars?|captains?|majors?|lieutenants?|officers?|"
    # ("Two ALP members were killed in the initial attack")
    r"alp|anp|ana|anbp|ancop|afghan\s+local\s+police)|"
    r"(?P<militant>militants?|insurgents?|terrorists?|attackers?|assailants?|gunm[ae]n|shooters?|"
    r"bombers?|fighters?|rebels?|miscreants|extremists?|khawarij|khwarij|kharijis?|taliban|daesh|"
    r"kidnappers?)|"
    # (the victims of the militants' attack: "Two civilians were killed in the initial attack")
    # (a family's members are civilians, "martyred" or not: "Three members of the same family
    # were martyred" retells "Three civilians were killed")
    r"(?P<civilian>civilians?|hostages?|passengers?|family\s+members|"
    r"members\s+of\s+(?:the\s+same\s+|an?\s+|one\s+|his\s+|their\s+)?family))\b"
)
_SIDE_NOUNS = re.compile(_SIDE_NOUN, re.IGNORECASE)
# The noun after a verb's figure ("killing two soldiers": the figure's text is "two").
_SIDE_AFTER = re.compile(rf"\s+(?:[a-z'’-]+\s+){{0,3}}?{_SIDE_NOUN}", re.IGNORECASE)
# ... and in an aside after it: "killing 10 people, including two attackers".
_INCLUDING = re.compile(
    rf"[^.;]{{0,40}}?\b(?:including|among\s+(?:them|whom|the\s+dead))\s+(?:[a-z'’-]+\s+){{0,3}}?"
    rf"{_SIDE_NOUN}",
    re.IGNORECASE,
)
# ... and the noun of the figure before, left out after "and": "11 Taliban were killed and 4",
# "Three policemen were martyred and two were wounded", "killing five insurgents and wounding
# two others".
_ELLIPSIS_BEFORE = re.compile(
    rf"{_SIDE_NOUN}\s+(?:(?:were|have\s+been)\s+(?:killed|martyred|wounded|injured)\s+)?"
    # ("killed three insurgents and wounded one")
    r"(?:and|while)\s+(?:(?:wounding|injuring|killing|wounded|injured|killed)\s+)?$",
    re.IGNORECASE,
)


# The men of an attack, by their noun or as all of a group told before: "All four attackers
# were killed", "shot dead the bomber", "All six terrorists were killed".
_ATTACKERS = re.compile(
    r"\b(?:attackers?|assailants?|bombers?|gunm[ae]n|shooters?|raiders|all\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:terrorists|militants|khwarij|khawarij|insurgents))\b",
    re.IGNORECASE,
)
_MARTYR = re.compile(r"martyr|shahadat", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")


def _no_line_between(text: str, start: int, end: int) -> bool:
    """Whether no line break lies between `start` and `end`, or a blank line does (paragraphs
    of one story, not a list of headlines)."""
    return text.find("\n", start, end) < 0 or _BLANK_LINE.search(text, start, end) is not None


# What ties a later sentence's dead to the fight told before.
_SAME_FIGHT = re.compile(
    r"\b(?:exchange\s+of\s+fire|cross-?fire|gun-?fights?|gun\s+battles?|fire-?fights?|"
    r"shoot-?outs?|retaliat\w+|return(?:ed|ing)?\s+fire|ensuing|encounter|clash(?:es)?|"
    r"embraced\s+(?:shahadat|martyrdom)|martyred|(?:in|during)\s+the\s+fighting|"
    r"the\s+(?:suicide\s+)?(?:attackers?|bombers?|assailants?|gunm[ae]n|shooters?)|"
    # the victims of the attack the fight began with ("A police officer was killed in the
    # initial attack")
    r"(?:in|during)\s+the\s+(?:initial\s+|first\s+|insurgents?['’]?\s+)?attack|"
    # the attack's own men, whoever told the attack ("Gunmen stormed a hotel, killing nine
    # people ... All four attackers were killed", "Twenty-three soldiers were martyred when six
    # terrorists attacked ... All six terrorists were killed")
    r"(?:suicide\s+)?(?:attackers|assailants|bombers)|"
    # (the attack told with its attackers: "Insurgents attacked Camp Bastion ..., killing two
    # coalition service members. Fourteen insurgents were killed")
    r"(?:insurgents|militants|terrorists|gunmen|khwarij|khawarij)\s+(?:had\s+)?attacked|"
    r"all\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,2}?(?:terrorists|militants|khwarij|khawarij|gunmen|"
    r"insurgents|attackers))\b",
    re.IGNORECASE,
)


def _other_side(counts: list[Count], held: list[Count], text: str) -> bool:
    """Whether `counts` and `held` each name the dead of one side, and not the same one; or
    `counts` name the attackers (`_ATTACKERS`) and `held` names no militants (the victims of
    their attack: "killing nine people ... All four attackers were killed"; but "Five people
    were killed in a clash. Three militants were killed" is five)."""
    own = _sides(counts, text)
    if not own:
        return False
    if own == {"militant"} and all(
        _ATTACKERS.search(text, max(0, c.start - 12), c.end + (40 if _ends_at_number(c) else 0))
        for c in counts
    ):
        return not any(_tells_militants(c, text) for c in held)
    before = _sides(held, text)
    return bool(before and own.isdisjoint(before))


def _other_parts(toll: Count, held: list[Count], text: str) -> list[Count]:
    """The held figures of the other side, where a later `toll` names one side and the held
    figures name one side each, the toll's side among them (else none)."""
    side = _named(toll, text)
    named = [_named(c, text) for c in held]
    if len(side) != 1 or len(held) < 2 or any(len(n) != 1 for n in named) or side not in named:
        return []
    return [c for c, n in zip(held, named, strict=True) if n != side]


def _sides(counts: list[Count], text: str) -> set[str] | None:
    """The sides whose dead a sentence's figures name, one each; None where one names none or
    both."""
    found: set[str] = set()
    before: tuple[Count, set[str]] | None = None
    for c in counts:
        named = _named(c, text)
        if (
            not named
            and before is not None
            and _PER_PLACE_GAP.fullmatch(text, before[0].end, c.start)
        ):
            named = before[1]  # "killing nine terrorists in Panjgur and four in Noshki"
        if len(named) != 1:
            return None
        found |= named
        before = (c, named)
    return found


# Between two figures of a per-place list, the first's noun and place: " terrorists in Panjgur
# and " (the second figure's noun left out).
_PER_PLACE_GAP = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:in|at|near|from)\s+[^.;,]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)"
)


def _named(c: Count, text: str) -> set[str]:
    """The sides a figure's noun names (`_SIDE_NOUN`), after it where the figure ends at its
    number ("killing two soldiers"; not past its verb: "four people were killed when the
    attackers stormed")."""
    # (the head before an aside: "The gunman, a former soldier, was shot dead" is the gunman)
    head = c.text.split(",", 1)[0]
    named = {m.lastgroup or "" for m in _SIDE_NOUNS.finditer(head)}
    if not named and len(head) < len(c.text):
        named = {m.lastgroup or "" for m in _SIDE_NOUNS.finditer(c.text)}
    if not named and _ends_at_number(c) and (after := _SIDE_AFTER.match(text, c.end)):
        named = {after.lastgroup or ""}
    # (a martyr is the speaker's own side: "One member of the special forces was martyred")
    if not named and _MARTYR.search(c.text):
        named = {"force"}
    # (the noun of the figure before, left out: "11 Taliban were killed and 4 wounded")
    if not named and (before := _ELLIPSIS_BEFORE.search(text, max(0, c.start - 60), c.start)):
        named = {before.lastgroup or ""}
    # (people of whom an aside names some: "killing 18 people, including five soldiers")
    if not named and _ends_at_number(c) and (aside := _INCLUDING.match(text, c.end)):
        named = {aside.lastgroup or ""}
    return named


# A figure of people, whoever they are ("five people", "at least 12 persons"), and the figure
# of its aside ("..., including two policemen", "..., two of them policemen").
_PEOPLE = re.compile(r"(?:\s*[a-z'’-]+){0,2}?\s+(?:people|persons|individuals)\b", re.IGNORECASE)
_ASIDE_FIGURE = re.compile(
    rf"[^.;]{{0,40}}?\b(?:(?:including|among\s+(?:them|whom|the\s+dead))\s+(?:at\s+least\s+)?|"
    rf"(?=(?:{NUMBER})\s+of\s+(?:them|whom)\b))(?P<n>{NUMBER})\b",
    re.IGNORECASE,
)


def _people_aside(c: Count, text: str) -> int | None:
    """The figure of the aside of a figure of people (`_PEOPLE`, in its own words or just after
    its number: "killing five people, including two policemen"): 2; None where it has none."""
    head = c.text.split(",", 1)[0].split(None, 1)
    if not (
        (len(head) == 2 and _PEOPLE.match(" " + head[1]) is not None)
        or (_ends_at_number(c) and _PEOPLE.match(text, c.end) is not None)
    ):
        return None
    at = c.start + len(c.text.split(",", 1)[0])
    aside = _ASIDE_FIGURE.match(text, at)
    return parse_number(aside.group("n")) if aside is not None else None


def _tells_militants(c: Count, text: str) -> bool:
    """Whether a figure, or an aside after it, names militants among its dead ("killing 10
    people, including two attackers")."""
    if "militant" in _named(c, text):
        return True
    aside = _INCLUDING.match(text, c.end)
    return aside is not None and aside.lastgroup == "militant"


def _ends_at_number(c: Count) -> bool:
    """Whether a figure's text ends at its number ("killing two": "two")."""
    return parse_number(c.text.split()[-1] if c.text.split() else "") is not None


def _same_words(text: str, counts: list[Count], held: list[Count]) -> bool:
    """Whether each figure is told in the words of one already held: the figure and the
    two words after it ("one suspected insurgent")."""

    def words(c: Count) -> tuple[str, ...]:
        return tuple(text[c.start : c.end + 60].lower().split()[:3])

    said = {words(c) for c in held}
    return all(words(c) in said for c in counts)


# The killer taken up by "the" and his noun: "X was shot dead by a trusted bodyguard ... The
# bodyguard was killed by other guards" (two dead, not the same one told again).
_THE_ONE_KILLED = re.compile(r"(?<=\bthe\s)([a-z'’-]+)\s+(?:was|had\s+been|has\s+been)\s", re.I)


# A sentence that opens on a later deed the same day.
_LATER_LEAD = re.compile(
    r"\W*(?:(?:hours|minutes|moments)\s+later|later\s+(?:that|the\s+same)\s+(?:day|night|"
    r"evening|morning|afternoon))\b",
    re.IGNORECASE,
)


def _killer_killed(counts: list[Count], text: str, first: int, start: int) -> bool:
    """Whether a sentence's one death is the killer an earlier sentence of the event told by
    "by a/his <noun>" (`_THE_ONE_KILLED`)."""
    one = _THE_ONE_KILLED.match(text, counts[0].start) if len(counts) == 1 else None
    if one is None or counts[0].value != 1:
        return False
    by = r"\bby\s+(?:an?|his|her|their|its|one\s+of\s+(?:his|her|their|its))\s+(?:[a-z'’-]+\s+)?"
    return re.search(by + re.escape(one.group(1)) + r"s?\b", text[first:start], re.I) is not None


_CAPTURE_WORD = re.compile(r"\b(?:detain|arrest|captur|apprehend)", re.IGNORECASE)
_RETOLD = re.compile(r"also|\w+(?:\s+\w+)?\s+other")
_THE_BEFORE = re.compile(r"\b(?:the|all|these|those)\s+$", re.IGNORECASE)


def _vague(counts: list[Count]) -> bool:
    """Whether a capture figure is vague ("several", "a few", "other militants"): the ISAF
    coders keep it over a later sentence's larger exact figure, which tells the same captures
    in detail ("detained several insurgents ... The force detained four men" is 3)."""
    return any(
        (_EXACT.fullmatch(t := c.text.lower()) is None and parse_number(t)) or t.startswith("other")
        for c in counts
    )


# The categories whose lead total may be told again in detail.
_LEAD_CATEGORIES = ("arrested", "killed")


def drop_lead_totals(groups: Sequence[Sequence[Counted]], text: str, release: bool = False) -> None:
    """Take out a lead's total that later sentences tell again in detail, when those fall in
    other events: "forces detained 11 suspected insurgents across Afghanistan yesterday. In
    Kandahar, the force detained six ... In Helmand, three ... In Zabul, two" is 11 in all,
    not 11 + 3 + 2. Only where the details' figures add up to the total exactly and the events'
    figures then do too (details that add up to no lead figure are events of their own, and
    details in the lead's own event already give its largest figure)."""
    for cat in _LEAD_CATEGORIES:
        told = sorted(
            (s for g in groups for s in g if any(c.category == cat for c in s.counts)),
            key=lambda s: s.start,
        )
        if len(told) < 3:
            continue  # (a lead and at least two details)
        figures = [sum(c.value for c in s.counts if c.category == cat and not c.note) for s in told]
        for i in range(min(2, len(told) - 2)):
            # (the headline's figure may come first: the body's lead repeats it)
            lead = [c for c in told[i].counts if c.category == cat]
            if (
                len(lead) != 1
                or lead[0].note
                or _EXACT.fullmatch(lead[0].text.split()[0].lower()) is None
                or sum(figures[i + 1 :]) != figures[i]
            ):
                continue
            total = figures[i]
            if _events_sum(groups, cat, text, release) == total:
                break  # the details already fall in the lead's event
            kept = [list(s.counts) for s in told[: i + 1]]
            for s in told[: i + 1]:
                s.counts = [c for c in s.counts if c.category != cat or c.value != total]
            if _events_sum(groups, cat, text, release) != total:
                for s, counts in zip(told[: i + 1], kept, strict=True):
                    s.counts = counts
            break


def _events_sum(groups: Sequence[Sequence[Counted]], cat: str, text: str, release: bool) -> int:
    """The figures of one category summed over the events of `groups`."""
    return sum(event_figures(g, text, release)[0].get(cat, 0) for g in groups)
