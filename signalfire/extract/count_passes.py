"""The passes of `casualties.find_counts` after its patterns, and what they share.

`Count` is one figure; `Reading` holds one sentence's figures as they are found (spans taken,
pronoun victims) so that the passes here add to them as the patterns did. The passes read
figures from clause shapes ("one was killed and another wounded", "opened fire and was
killed", "No. 2 was killed"), named and titled victims ("the death of Maulawi X", "troops
killed Qari Y"), captures told without a figure, and wounded captives; then they drop a
headline line's repeated figure and a pronoun counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .captors import captor_category
from .capture_patterns import extra_captures
from .casualty_patterns import _ANOTHER, _ANOTHER_CUES, _THING_OBJECT
from .clause_victims import (
    AND_PASSIVE_CUES,
    RANK_CUES,
    and_passive,
    ranked,
    were_and,
    who_were,
    wounded_died,
)
from .figure_guards import _BARE_VERB, _DENIED, _INTENT_BEFORE, _LED_TO_BEFORE, _NEGATION
from .figure_values import _LOWER_NEXT, _value
from .headline_line import headline_cut
from .more_victims import more_victims
from .named_patterns import (
    _APPOSITIVE,
    _NAMED,
    _NAMED_VERB,
    _NAMED_VERB_END,
    _PASSIVE_END,
    _TITLE_RE,
    _TITLED,
    _TITLED_PASSIVE,
)
from .scanning import holds
from .victim_lists import follow_list, list_around


@dataclass(frozen=True)
class Count:
    """One casualty figure found in text, with its character span (relative to the text given)."""

    category: str
    value: int
    high: int
    start: int
    end: int
    text: str
    # "wounded": deaths among the wounded ("two of the wounded died"), more than a toll told
    # before; "background": an earlier event's or a claimed toll, used only where the event
    # has no other figure of its kind; "plural": a bare plural ("detained suspected
    # insurgents": two), used only where the event has no other figure of its kind
    note: str = ""


_TITLED_CATEGORIES = frozenset({"killed", "injured", "arrested"})


@dataclass
class Reading:
    """One sentence's figures as `find_counts` finds them: `text` is folded (same offsets as
    `original`), spans of `found` are shifted by `offset`."""

    text: str
    original: str
    offset: int
    verbs: dict[str, list[re.Match[str]]]
    ruling: frozenset[str]
    along_cue: bool
    denied_cue: bool
    found: list[Count] = field(default_factory=list)
    pronouns: list[Count] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def add(self, category: str, low: int, high: int, start: int, end: int, note: str = "") -> bool:
        """Keep a figure unless it overlaps one already taken."""
        if any(s < end and start < e for s, e in self.taken):
            return False
        self.taken.append((start, end))
        off = self.offset
        self.found.append(
            Count(category, low, high, start + off, end + off, self.original[start:end], note)
        )
        return True

    def follow(self, cat: str, pos: int, along: bool = True) -> None:
        """More victims of a list after `pos` (`victim_lists.follow_list`)."""
        follow_list(
            self.text,
            self.original,
            self.verbs,
            self.add,
            cat,
            pos,
            along=along and self.along_cue,
            joins=along,
        )


def later_passes(r: Reading, opens: bool | None) -> None:
    """Add the figures of the passes after the patterns to `r`, then drop repeated ones."""
    text, original, offset, verbs, ruling = r.text, r.original, r.offset, r.verbs, r.ruling
    found, taken, pronouns, add, follow = r.found, r.taken, r.pronouns, r.add, r.follow
    along_cue, denied_cue = r.along_cue, r.denied_cue
    # "one was killed and another was wounded", "eleven killed and as many injured"
    if holds(text, _ANOTHER_CUES):
        for m in _ANOTHER.finditer(text):
            cat = next(c for c in ("killed", "injured", "arrested") if m.group(c))
            n_more = 1
            if m.group("w").startswith("as"):
                earlier = [c for c in found if c.start - offset < m.start() and c.category != cat]
                if not earlier:
                    continue
                n_more = max(earlier, key=lambda c: c.start).value
            end = m.end("injured") if m.group("held") else m.end()  # ("... and captured")
            if add(cat, n_more, n_more, m.start("w"), end) and m.group("held"):
                add("arrested", 1, 1, m.start("held"), m.end("held"))
    # "An armed insurgent opened fire on the force and was killed" (`clause_victims`)
    if holds(text, AND_PASSIVE_CUES):
        for cat, low, high, start, end in and_passive(text, verbs, ruling):
            if add(cat, low, high, start, end):  # ("Nasim and two armed men ... and were killed")
                list_around(text, verbs, add, cat, start, end, "num", along_cue, original)
    # "He later died of his wounds": one of the wounded (`clause_victims.wounded_died`)
    if "killed" in verbs:
        for start, end in wounded_died(text, verbs):
            add("killed", 1, 1, start, end, "wounded")
    # "Al Qaeda's No. 2 was killed": one (`clause_victims.ranked`)
    if holds(text, RANK_CUES):
        for cat, start, end in ranked(text, verbs, ruling):
            add(cat, 1, 1, start, end)
    # "23 passengers were offloaded from the buses and shot dead", "all 33 terrorists who
    # hijacked the Jaffar Express in Bolan were sent to hell" (`clause_victims`)
    if " and " in text:
        for cat, low, high, start, end in were_and(text, verbs):
            add(cat, low, high, start, end)
    if " who " in text:
        for cat, low, high, start, end in who_were(text, verbs):
            add(cat, low, high, start, end)
    # "captured 12 guns and 5 suspects": the things are no victims, the people after them are.
    for category in ("arrested", "abducted"):
        for v in verbs.get(category, []):
            if (thing := _THING_OBJECT.match(text, v.end())) is not None:
                cat = captor_category(category, text, v.start(), v.end(), ruling)
                follow(cat, thing.end(), False)
    # "the death of Maulawi Tayeb, a local Taliban leader": one named victim.
    for category, hits in verbs.items():
        for v in hits:
            # (only a verb phrase ending in "of" can: "death of", "capture of")
            if v.group(0).endswith(_NAMED_VERB_END) and _NAMED_VERB.search(
                text, v.start(), v.end()
            ):
                named = _NAMED.match(original, v.end())
                if named is not None:
                    add(category, 1, 1, v.start(), named.end())

    opened: dict[tuple[int, str], bool] = {}

    def open_verb(v: re.Match[str], category: str = "arrested") -> bool:
        """Whether a verb tells a deed of its category: not an arrest by an armed group, a
        title-case headline's (no telling a name from the words after it; a sentence's first
        word before a lower-case one is none: "Detained during the operation were ..."), an
        aim, a denial or a negation."""
        if (v.start(), category) in opened:
            return opened[v.start(), category]
        before = text[max(0, v.start() - 40) : v.start()]
        opened[v.start(), category] = is_open = not (
            (
                category == "arrested"
                and captor_category(category, text, v.start(), v.end(), ruling) != category
            )
            or (original[v.start()].isupper() and not _LOWER_NEXT.match(original, v.end()))
            or (
                v.group(0) in _BARE_VERB
                and _INTENT_BEFORE.search(before)
                and not _LED_TO_BEFORE.search(before)
            )
            or (denied_cue and _DENIED.search(before))
            or _NEGATION.search(before[-12:])
        )
        return is_open

    # Titled names: the killed and wounded ("troops killed Qari Hussain Mehsud"), and arrests by
    # the state only ("The Taliban captured Commander Ismail" is no figure); the rest of their
    # list follows ("Mufti X and 12 of his supporters" = 13).
    for category, hits in verbs.items():
        if category not in _TITLED_CATEGORIES:
            continue
        for v in hits:
            if not open_verb(v, category):
                continue  # "an operation to arrest Mullah X", "did not detain Haji Y"
            pos, first = v.end(), True
            while (t := _TITLED.match(original, pos)) is not None:
                # the first name straight after the verb, the next ones after "and" or a comma
                if first == bool(t.group("join")):
                    break
                if not add(category, 1, 1, v.start() if first else t.start("name"), t.end()):
                    break
                pos, first = t.end(), False
            if not first:
                # past an appositive: "Mullah X, a Taliban commander, and two of his guards"
                aside = _APPOSITIVE.match(text, pos)
                follow(category, aside.end() if aside is not None else pos)
    # Titled names before a passive capture: "Mullah Nasir and Mullah Rauf were detained" (by
    # the state: not "... were captured by militants").
    for v in verbs.get("arrested", []):
        if (
            _PASSIVE_END.search(text, max(0, v.start() - 40), v.start())
            and (named := _TITLED_PASSIVE.search(original, max(0, v.start() - 150), v.start()))
            and captor_category("arrested", text, v.start(), v.end(), ruling) == "arrested"
        ):
            n_names = len(_TITLE_RE.findall(named.group("names")))
            add("arrested", n_names, n_names, named.start(), v.end())
    # Captures told without a figure after the verb: names, "them", a running total, bare
    # plurals (`capture_patterns.extra_captures`).
    if "arrested" in verbs:
        extra = extra_captures(text, original, verbs, open_verb, taken, lambda m: _value(m, text))
        for cat, n, start, end, note, listed in extra:
            if add(cat, n, n, start, end, note) and listed:
                follow(cat, end)  # "... and two of their guards"
    # Wounded captives and named victims (`more_victims`).
    for cat, n, start, end, inside in more_victims(text, original, verbs, found, offset):
        if inside:  # (a capture's own words: "detained a wounded insurgent")
            found.append(Count(cat, n, n, start + offset, end + offset, original[start:end]))
        else:
            add(cat, n, n, start, end)
    # A headline line that runs into the body's first sentence repeats its figure
    # (`headline_line`).
    if len(found) > 1 and (cut := headline_cut(original, offset, opens)) is not None:
        for c in [c for c in found if c.end <= cut]:
            if any(d.category == c.category and d.start > cut for d in found):
                found.remove(c)
    # "captured a suspected militant and detained him": the pronoun is the same victim.
    for p in pronouns:
        if p in found and any(c.category == p.category and c is not p for c in found):
            found.remove(p)
