"""Casualty counts from English news text: killed, wounded, abducted, arrested.

Numbers come in digits ("13", "1,200"), words ("thirteen", "twenty-five", "a dozen"), vague
quantities ("dozens" = 24, "scores" = 40, "hundreds" = 200: the lower bound a reader can be sure
of, times two; "a few" = 3, "several", "multiple", "a number of" = 3, "numerous" = 4, the
minimum counts the ISAF press-release annotations use), ranges ("10 to 12", "10-12": the
lower bound, as UCDP's `low` and ISAF's `min_killed` do), and qualifiers ("at least",
"nearly": the number itself; "more than 10", "over 10": 11, the least number the words allow).

A count attaches to the category whose verb or noun is nearest in the same clause:
"13 militants killed", "killed 13 militants", "killing at least 13", "death toll rose to 13",
"13 dead", "the bodies of 13", "13 others were injured". Within one sentence counts of different
victims of one category add up ("killed five soldiers and eight militants" = 13, "19 militants,
three soldiers die" = 22, "captured a leader, a facilitator and several associates" = 5);
across the sentences of one event the largest figure wins, because reports repeat and update a
toll (`tolls.event_figures`).

Not counted: figures that are not victims ("four operations", "No. 3", "UPDATE 1-"),
negated victims ("no soldier was killed"), denied ones ("denies killing of 15"), aims ("an
operation to arrest a leader"), ranks in a tally ("the seventh leader captured"), tallies over
months ("have detained more than 35 leaders since January") or over several operations
("during four operations", "over the past 24 hours": the operations' own figures follow), a
detainee's past ("He is accused of ... the killing of several soldiers"), "killed or wounded"
without a death figure of its own, title-case headline victims ("Taliban Leader Killed"), a
pronoun ("detained him") when the sentence already counts that victim, and a headline line
without a full stop whose figure the body's first sentence repeats ("Police arrest 3 in
Herat" over "HERAT - Police arrested three men" is 3). A capture by an armed group ("insurgents
captured two soldiers", "... captured by militants") is an abduction, not an arrest.
"""

from __future__ import annotations

import re

from .captors import by_ruling_group, captor_category
from .capture_patterns import (
    COMPOUND_SIZE,
    HURT_ONE_HELD,
    WOUNDED_AND_HELD,
    dead_captives,
)
from .casualty_patterns import (
    _ACTIVE_OBJECT,
    _ALONG_WITH,
    _ALONG_WITH_CUES,
    _CAPTORS_AFTER,
    _DETAINEES_AFTER,
    _DIED_AFTER,
    _NEAR,
    _PATTERNS,
    _PERSON_AFTER,
    _POSS_CUE,
    _ROUND_UP,
    _SCAN,
    _SUMMARY_SCAN,
    _VERB_FINDERS,
    HURT_HELD,
)
from .clause_victims import (
    OF_THEM,
    after_the_killing,
    captive_deed,
    in_deed,
)
from .count_passes import Count, Reading, later_passes
from .figure_guards import (
    _BARE_VERB,
    _CAPTURE_OBJECT_BEFORE,
    _DENIED,
    _DENIED_CUES,
    _DETERMINER_BEFORE,
    _INTENT_BEFORE,
    _LED_TO_BEFORE,
    _MODAL_BEFORE,
    _NEGATION,
    _NOT_PASSIVE,
    _OBJECT_AFTER,
    _OR_WOUNDED,
    _ORDINAL,
    _PASSIVE_BEFORE,
    _TRANSITIVE,
    released_before,
)
from .figure_values import (
    _ACT_NOUNS,
    _AUXILIARY,
    _NAME_OBJECT_AFTER,
    _TOOK_BEFORE,
    _continued,
    _single_object,
    _value,
    aside_victims,
)
from .natural_deaths import not_violent
from .numbers import parse_number
from .scanning import _matches, _starts, holds
from .tally_patterns import (
    _BACKGROUND,
    _CLAIMED_BEFORE,
    _DATED_AFTER,
    _DATED_BEFORE,
    _DATED_CUES,
    _DATED_LEAD,
    _EARLIER_EVENT,
    _EARLIER_EVENT_CUES,
    _EARLIER_LEAD,
    _EARLIER_TIME_AFTER,
    _EARLIER_TIME_CUES,
    _EARLIER_TIME_HURT,
    _PERIOD_CUES,
    _SUMMARY_CUES,
    truce_cause,
)
from .textcase import ascii_form, fold
from .victim_lists import list_around


def is_summary(text: str) -> bool:
    """Whether a sentence totals several operations or a day's reporting (`_SUMMARY`)."""
    folded = fold(text)
    if not holds(folded, _SUMMARY_CUES):
        return False  # (every match holds one)
    pattern, scanned = _SUMMARY_SCAN.on(folded)
    return pattern.search(scanned) is not None


def find_counts(
    text: str,
    offset: int = 0,
    *,
    totals: bool = False,
    ruling: frozenset[str] = frozenset(),
    opens: bool | None = None,
) -> list[Count]:
    """Every casualty figure in `text`; spans are shifted by `offset`. With `totals`, also the
    figures of a sentence that totals several operations (left out otherwise). `ruling`: the
    captor words (`RULING_CAPTORS`) of groups governing at the text's date, whose captures are
    arrests. `opens`: whether the text opens its document, where a headline line may run into
    the body (by default: when `offset` is 0).

    Patterns are tried only where they can start: at a number, at a casualty verb, or just
    before one. A sentence without a casualty verb costs four quick searches."""
    original, text = text, fold(text)  # lower-case patterns, same offsets
    # The scanning patterns run as their re.ASCII twins where the text has an ASCII form.
    plain = ascii_form(text)
    scan, s = (text, 0) if plain is None else (plain, 1)
    by_category: dict[str, list[re.Match[str]]] = {cat: [] for cat in _VERB_FINDERS}
    for v in _matches(_SCAN["verbs"][s], _SCAN["verb starts"][s], scan):
        by_category[v.lastgroup or ""].append(v)
    verbs = {cat: hits for cat, hits in by_category.items() if hits}
    if not verbs:
        return []
    if (
        holds(scan, _PERIOD_CUES)
        and _SCAN["period"][s].search(scan)
        and _SCAN["perfect"][s].search(scan)
    ):
        return []  # a tally over months, not an event's toll
    if _BACKGROUND.match(text.lstrip()) or (
        not totals and holds(scan, _SUMMARY_CUES) and _SCAN["summary"][s].search(scan)
    ):
        return []
    numbers: list[int] | None = None
    # Cheap substring tests standing for patterns that hold those words (same matches).
    along_cue = holds(text, _ALONG_WITH_CUES)
    denied_cue = holds(text, _DENIED_CUES)
    earlier_time_cue = holds(text, _EARLIER_TIME_CUES)
    earlier_lead = _EARLIER_LEAD.match(text.lstrip()) is not None
    dated_cue: bool | None = None  # (found at the first death or wound figure)
    dated_lead = False
    r = Reading(text, original, offset, verbs, ruling, along_cue, denied_cue)
    found, pronouns, add, follow = r.found, r.pronouns, r.add, r.follow

    for category, kind, pattern in _PATTERNS:
        if category not in verbs:
            continue
        hits = verbs[category]
        capture_object_cue = category != "arrested" and "arrested" in verbs
        matches: list[re.Match[str]] = []
        if kind == "num":
            if numbers is None:
                # Only numbers before a verb are used: the scan stops at the last one.
                limit = max(h[-1].start() for h in verbs.values())
                numbers = _starts(_SCAN["numbers"][s], _SCAN["number starts"][s], scan, limit)
            # (before any verb of its category, not only the first: "three soldiers were
            # killed and five militants died"; a figure already read as an earlier verb's
            # object overlaps and is not read again)
            last_verb = hits[-1].start()
            for pos in numbers:
                if pos < last_verb:  # a number-first figure ends at a later verb
                    m = pattern.match(text, pos, min(len(text), hits[-1].end() + 1))
                    if m:
                        matches.append(m)
        elif kind == "verb":
            matches = [
                m
                for v in hits
                if not (
                    v.group(0) in _BARE_VERB
                    and _INTENT_BEFORE.search(text, max(0, v.start() - 4), v.start())
                    and not _LED_TO_BEFORE.search(text, max(0, v.start() - 40), v.start())
                )
                and (m := pattern.match(text, v.start()))
            ]
        elif kind != "poss" or _POSS_CUE.search(text) is not None:
            for v in hits:
                lo = max(0, v.start() - _NEAR)
                if kind == "near" and _SCAN["one at"][s].search(scan, lo, v.end()) is None:
                    continue
                m = pattern.search(text, lo, v.end())
                if m:
                    matches.append(m)
        single = "n2" not in pattern.groupindex
        for m in matches:
            if single:
                # (a rank in a tally has no auxiliary: not "the third insurgent was detained")
                rank = kind == "near" and (
                    _ORDINAL.search(text[max(0, m.start() - 10) : m.end()]) is not None
                    and _AUXILIARY.search(text, m.start(), m.start("verb")) is None
                )
                if kind == "near" and (
                    (_NOT_PASSIVE.fullmatch(m.group("verb")) and not m.group("sustained"))
                    or _NEGATION.search(text[max(0, m.start() - 10) : m.start()])
                    or _NEGATION.search(m.group(0))
                    or rank
                    # "ISAF Confirms Taliban Leader Killed": a title over the story
                    or original[m.start("verb")].isupper()
                    # "the leader of the gang killed a policeman": active, the noun is the killer
                    or _OBJECT_AFTER.match(text, m.end())
                    or (
                        _NAME_OBJECT_AFTER.match(original, m.end())
                        and not _AUXILIARY.search(text, m.start(), m.start("verb"))
                    )
                    # "arrested the brother of a girl killed": the capture's object
                    or (
                        capture_object_cue
                        and _CAPTURE_OBJECT_BEFORE.search(text, max(0, m.start() - 40), m.start())
                    )
                ):
                    continue
                if kind == "verb" and not _single_object(m, original, text):
                    continue
                low = high = 1
                start = m.start()
                if kind == "near" and along_cue:  # ("X, along with two of his men, was killed")
                    low = high = 1 + aside_victims(
                        _ALONG_WITH.match(text, m.start(), m.start("verb"))
                    )
                # "arrested a five-member Taliban cell", "a four-man team": the size
                if "-" in (whole := m.group(0)) and (size := COMPOUND_SIZE.search(whole)):
                    low = high = parse_number(size.group("size")) or 1
            else:
                value = _value(m, text)
                if value is None:
                    continue
                low, high = value
                start = m.start("n1")
                if kind == "num" and category != "killed" and released_before(text, start):
                    continue  # "released 20 soldiers captured last week": no capture
                if (
                    category == "injured"
                    and kind == "num"
                    and text[m.end("n1") : m.start("verb")].isspace()
                    and HURT_HELD.match(text, m.end())
                ):
                    continue  # "two injured khwarij were apprehended": captives (`_HURT_BEFORE`)
                # "three men over the killing of": a noun, not their verb
                if kind == "num" and m.group("verb").startswith(_ACT_NOUNS):
                    at = m.start("verb")
                    if _DETERMINER_BEFORE.search(text, max(0, at - 22), at):
                        continue
                # an aside adding victims: "three soldiers, along with a civilian, were killed"
                if (
                    kind == "num"
                    and along_cue
                    and (aside := _ALONG_WITH.match(text, m.end("n1"), m.start("verb")))
                    and (value_aside := _continued(aside)) is not None
                ):
                    low, high = low + value_aside, high + value_aside
                if (
                    category == "killed"
                    and kind == "num"
                    and _OR_WOUNDED.match(text[m.end("verb") :])
                ):
                    continue
                if (
                    kind == "num"
                    and _TRANSITIVE.match(m.group("verb"))
                    and _ACTIVE_OBJECT.match(text, m.end())
                    and not _PASSIVE_BEFORE.search(text, m.end("n1"), m.start("verb"))
                ):
                    continue  # "two gunmen killed three policemen": the killers
            if (denied_cue and _DENIED.search(text, max(0, m.start() - 40), m.start())) or (
                "verb" in pattern.groupindex
                and _MODAL_BEFORE.search(text, max(0, m.start("verb") - 30), m.start("verb"))
            ):
                continue  # "denies killing 15", "could have killed dozens"
            if kind == "verb" and "arrested" in verbs and captive_deed(text, m.start(), verbs):
                continue  # "a man who killed three people was arrested": the captive's crime
            if kind == "num" and " who " in text and in_deed(text, m.start(), m.start("verb")):
                continue  # "two men who shot dead a shopkeeper": the killers
            if (
                not single
                and _ROUND_UP.match(m.group("verb"))
                and not _PERSON_AFTER.match(
                    text, m.end("n1"), m.start("verb") if kind == "num" else len(text)
                )
            ):
                continue  # "rounded up 30 cattle", "30 cattle were rounded up by police"
            if (
                m.groupdict().get("verb") == "detainees"
                and not _DETAINEES_AFTER.match(text, m.end("verb"))
                # ("the force took three detainees": taken by the force)
                and not _TOOK_BEFORE.search(text, max(0, m.start() - 30), m.start())
            ):
                continue
            if category == "killed" and not_violent(
                text, m.start(), m.end("verb") if "verb" in pattern.groupindex else m.end()
            ):
                continue
            lo = max(0, m.start() - 110)  # ("planner of the ... attack in ..., in which")
            if (
                holds(text[lo : m.start()], _EARLIER_EVENT_CUES)
                and _EARLIER_EVENT.search(text, lo, m.start())
            ) or truce_cause(text, m.start()):
                continue  # background: another, earlier event's toll
            note = ""
            if earlier_time_cue and (
                _EARLIER_TIME_HURT if category in ("killed", "injured") else _EARLIER_TIME_AFTER
            ).match(text, m.end()):
                # in a clause beside the event's own figure: "the TTP, which killed 12 soldiers
                # in Swat last year, claimed the attack that killed three"; alone, a fallback
                if any(not m.start() <= h.start() < m.end() for hs in verbs.values() for h in hs):
                    continue
                note = "background"
            if (
                earlier_lead
                or _CLAIMED_BEFORE.search(text, max(0, m.start() - 60), m.start())
                # "lawyers gathered after the killing of the head of the Bar Association"
                or (kind == "verb" and category == "killed" and after_the_killing(text, m.start()))
            ):
                note = "background"
            elif category in ("killed", "injured"):
                if dated_cue is None:
                    dated_cue = holds(text, _DATED_CUES)
                    dated_lead = dated_cue and _DATED_LEAD.match(text) is not None
                if dated_cue and (
                    dated_lead
                    or _DATED_AFTER.match(text, m.end())
                    or _DATED_BEFORE.search(text, max(0, m.start() - 110), m.start())
                ):
                    note = "background"  # "84 people were killed in the January 30 attack"
            end = m.end()
            cat = category
            if category == "injured" and kind in ("num", "near") and _DIED_AFTER.match(text, end):
                cat, note = "killed", "wounded"  # "two of the wounded died in hospital"
            elif (
                category == "killed"
                and kind == "num"
                and not note
                and (of := OF_THEM.fullmatch(text, m.end("n1"), m.start("verb"))) is not None
                and (
                    of.group("later") or any(v.end() <= m.start() for v in verbs.get("injured", []))
                )
            ):
                note = "wounded"  # "Two of them later died", "injured 12 people, two of whom died"
            # "Insurgents captured two soldiers", "two soldiers were captured by militants":
            # a capture by an armed group is an abduction.
            if category == "arrested" and kind == "verb":
                cat = captor_category(category, text, m.start(), m.end("verb"), ruling)
            elif category == "arrested" and (
                (agent := _CAPTORS_AFTER.match(text, m.end("verb"))) is not None
                and not by_ruling_group(text, agent, ruling)
            ):
                cat = "abducted"
            if (
                kind == "num"
                and category in ("abducted", "arrested")
                and dead_captives(text, start, end)
            ):
                cat = "killed"  # "the bodies of two abducted employees", "26 hostages died"
            # Overlapping matches of one figure: the earlier pattern (number-verb) wins.
            if not add(cat, low, high, start, end, note):
                continue
            # "two insurgents were wounded and detained": captures too (a passive only, not the
            # force's list "wounded a third and detained 16")
            if cat == "injured" and (
                (
                    text.endswith(("wounded", "injured"), start, end)
                    and (held := WOUNDED_AND_HELD.match(text, end)) is not None
                )
                # "their injured accomplice was arrested"
                or (
                    kind == "verb"
                    and text.startswith(("wounded", "injured"), start)
                    and (held := HURT_ONE_HELD.match(text, end)) is not None
                )
            ):
                add("arrested", low, high, held.start(), held.end(), note)
            if "pronoun" in pattern.groupindex and m.group("pronoun"):
                pronouns.append(found[-1])
            if kind == "verb":
                listed = len(found)
                follow(cat, end)
                if pronouns and pronouns[-1] is found[listed - 1] and len(found) > listed:
                    pronouns.pop()  # "captured him and two others": the head of a list
            else:
                # more items of the list, after it and before it (`victim_lists`)
                list_around(text, verbs, add, cat, start, end, kind, along_cue, original, note)
    later_passes(r, opens)
    found.sort(key=lambda c: c.start)
    return found
