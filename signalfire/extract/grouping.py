"""Which sentences of an article tell one event: grouping by place, day and incident words.

A sentence joins the event told before it unless it opens another incident ("In a separate
attack", "Meanwhile"), gives a figure in another district or province, opens on another
weekday, or names another incident ("another drone strike"); one that names the district of an
incident told earlier goes back to it ("In the second incident, ..."). A tally over the
incidents that later sentences tell one by one is left out (`is_tally`).
"""

from __future__ import annotations

import re

from .geoparse import PlaceMention, Resolved, origin_place
from .sentences import Sentence
from .textcase import twin_applies

# A sentence starting with one of these reports another incident.
NEW_EVENT = re.compile(
    r"^\W*(?:in\s+(?:a|another)\s+(?:separate|similar|different|related)?\s*(?:incident|attack|"
    r"development|operation|raid)|separately|elsewhere|meanwhile|in\s+other\s+(?:violence|"
    r"incidents?|news)|also\s+(?:in|on)\b|earlier\b|in\s+a\s+separate|on\s+(?:the\s+)?(?:same|"
    r"previous)\s+day|(?:in\s+)?(?:a|the)\s+(?:second|third|further)\s+(?:operation|raid|strike)\b|"
    r"a\s+separate\s+(?:[\w-]+\s+){0,4}?(?:force|patrol|unit|team)\b)",
    re.IGNORECASE,
)


def _earlier_incident(
    s: Sentence,
    named: set[str],
    adm1s: set[str],
    days: set[str],
    fresh: bool,
    groups: list[list[Sentence]],
    seen: list[tuple[set[str], set[str], set[str]]],
    cur: int,
    split_root: dict[int, int],
) -> int | None:
    """The incident told before that a sentence naming another place than the current
    incident's goes on with, if any: by an explicit reference ("In the second incident"), or
    unless it opens another incident (`fresh`; "In a separate incident" may still take up one
    of a lead's incidents); a sentence with a figure or opening another incident only to one of
    the lead's incidents (`split_root`); and only on its day and of its kind."""
    if fresh and not (_BACK_REFERENCE.match(s.text) or split_root):
        return None
    lead_incidents = set(split_root) | set(split_root.values())
    back = _told_before(
        named,
        adm1s if not s.counts or split_root else set(),
        seen,
        cur,
        lead_incidents if s.counts or fresh else None,
    )
    if back is None:
        return None
    if back in lead_incidents and _OPENS_ON_PLACE.match(s.text):
        # "In Bannu, militants attacked the police station late on Wednesday night": the
        # detail paragraph of a lead's incident, whose day the lead may not have given (its
        # "officials said on Thursday" is the report's)
        return back
    if not _same_incident(s, days, groups[back], seen[back][2]):
        return None
    return back


def _told_before(
    named: set[str],
    adm1s: set[str],
    seen: list[tuple[set[str], set[str], set[str]]],
    cur: int,
    among: set[int] | None = None,
) -> int | None:
    """The earlier incident a sentence's places name: one in the same district, else one in its
    province ("a member of the Kunduz provincial council said"; `adm1s` is empty for a sentence
    with a figure, which may be another operation in the province, as in a release's round of
    them, unless the lead told its incidents in one sentence); `among`: the incidents it may be."""
    ok = [i for i in range(len(seen)) if i != cur and (among is None or i in among)]
    by_district = next((i for i in ok if named & seen[i][1]), None)
    if by_district is not None or named:
        if by_district is not None:
            return by_district
        return next((i for i in ok if not seen[i][1] and adm1s & seen[i][0]), None)
    return next((i for i in ok if adm1s & seen[i][0]), None)


def _has_place(
    s: Sentence, resolved: dict[PlaceMention, Resolved], origins: set[PlaceMention]
) -> bool:
    return any(m in resolved and m not in origins for m in s.places)


def _same_incident(
    s: Sentence, days: set[str], group: list[Sentence], group_days: set[str]
) -> bool:
    """Whether a sentence naming an earlier incident's district may be more of it: no other
    weekday, and no other kind of violence (a Monday killing in Bannu is not Tuesday's suicide
    bombing there), unless it refers back ("In the second incident")."""
    if _BACK_REFERENCE.match(s.text):
        return True
    if days and group_days and not days & group_days:
        return False
    if RETOLD.match(s.text):
        return True  # "The attack on the polio team took place in Orangi Town"
    kinds = {_KIN.get(t.event_type, t.event_type) for t in s.triggers}
    told = {_KIN.get(t.event_type, t.event_type) for x in group for t in x.triggers}
    return not kinds or bool(kinds & told)


def _other_kind(s: Sentence, group: list[Sentence]) -> bool:
    """Whether `s` tells another kind of violence than the group (an operation's fighting is
    one kind: "killed 25 militants in Peochar, while two soldiers died in an exchange of fire
    in Matta")."""
    kinds = {_FIGHT_KIN.get(t.event_type, t.event_type) for t in s.triggers}
    told = {_FIGHT_KIN.get(t.event_type, t.event_type) for x in group for t in x.triggers}
    return bool(kinds and told) and not kinds & told


def _same_place(
    s: Sentence, groups: list[list[Sentence]], cur: int, split_root: dict[int, int]
) -> int | None:
    """The lead's incident (`split_root`) other than the current one whose place a paragraph
    opens on ("In Lyari, unidentified men hurled a grenade ..."), in a district the current
    incident shares."""
    if not s.places or _OPENS_ON_PLACE.match(s.text) is None:
        return None
    key = min(s.places, key=lambda m: m.start).key
    lead = set(split_root) | set(split_root.values())
    if any(m.key == key for x in groups[cur] for m in x.places):
        return None
    return next(
        (i for i in sorted(lead) if i != cur and any(m.key == key for m in groups[i][0].places)),
        None,
    )


# Kinds one incident is told as: a suicide bombing is also "the convoy bombing", "the blast".
_KIN = {"suicide_bombing": "ied_bombing"}
_FIGHT_KIN = {**_KIN, "security_operation": "armed_clash"}


# A sentence opening on a place ("In Bannu, ...", "In Khyber's Bara tehsil, ...", "Meanwhile,
# in Uruzgan, ...").
_OPENS_ON_PLACE = re.compile(
    r"^\W*(?:(?:[Mm]eanwhile|[Ss]eparately|[Ee]lsewhere),?\s+)?(?:[Ii]n|IN)\s+[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,2}(?:\s+(?:district|province|agency))?\s*(?:,|['’]s\s)"
)


# A reference back to an incident told before ("In the second incident, ...").
_BACK_REFERENCE = re.compile(
    r"^\W*in\s+the\s+(?:first|second|third|fourth|latter|former|other)\s+(?:incident|attack|"
    r"case|blast|shooting)\b",
    re.IGNORECASE,
)
# Another incident named inside a sentence ("Hours later, another drone strike in Mir Ali killed
# three", "Four more died in Kurram in a second attack"), not a comparison ("It was the second
# attack this week", "marked another attack on"), nor a second blast of the same bombing.
ANOTHER_EVENT = re.compile(
    r"\b(?:another|a\s+(?:second|third|fourth|fresh|new|separate))\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|airstrikes?|ambush|raids?|incidents?|assaults?|operations?|clash)\b"
)
_COMPARISON = re.compile(r"\b(?:was|is|as|marks?|marked|been|be|of|like)\s+$")
# A sentence that opens with a day ("On Monday, a suicide bomber attacked his funeral"):
# another event when the sentences before named another day.
_OPENING_DAY = re.compile(
    r"^\W*(?:(?:on|late|early|by)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b"
)
# What tells of the same event again: a toll update, victims dying later, "the attack".
_FOLLOW_UP = re.compile(
    r"\b(?:toll|rose|risen|climbed|succumbed|later\s+died|died\s+of|more\s+(?:victims|people|"
    r"bodies|of\s+the)|the\s+(?:attack|blast|bombing|killing|explosion|incident|strike|raid|"
    r"assault|ambush|victims|wounded|injured|dead))\b"
)
# A sentence opening on an attack told before ("The attack on the polio team took place in
# Orangi Town"): more of that incident (`_same_incident`), or a retelling (`history`).
RETOLD = re.compile(
    r"^\W*the\s+(?:[a-z-]+\s+){0,2}?(?:attack|blast|bombing|explosion|ambush|assault|"
    r"incident|raid|shooting|massacre|siege)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# "It was the third attack in Balochistan this week after assaults in Kalat killed 10": a
# comparison with earlier events, which are no event of this report.
RECAP = re.compile(
    r"^\W*(?:it|this|the\s+(?:attack|blast|bombing|assault|incident))\s+(?:was|is|marks|marked)"
    # a rank among attacks, not what the attack was ("The blast was a suicide attack")
    r"\s+(?:another|the\s+(?:[a-z-]+\s+){0,2}?(?:second|third|fourth|fifth|sixth|latest|"
    r"[a-z]+est))\s+(?:[a-z-]+\s+){0,3}?(?:attacks?|blasts?|bombings?|incidents?|assaults?|"
    r"strikes?)\b",
    re.IGNORECASE,
)

# A later sentence about another year ("The group killed 12 people in a similar attack last
# year"): history, whose figures are not this event's.
PAST = re.compile(
    r"\b(?:(?:last|previous)\s+year|(?:[a-z]+|\d+)\s+years\s+ago|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def another_event(text: str, low: str | None = None) -> bool:
    low = text.lower() if low is None else low
    if not any(word in low for word in _ANOTHER_WORDS):
        return False  # (substring tests: far cheaper than the scan, which needs one of them)
    return any(not _COMPARISON.search(low, max(0, m.start() - 12), m.start())
               for m in ANOTHER_EVENT.finditer(low))  # fmt: skip


_ANOTHER_WORDS = ("another", "second", "third", "fourth", "fresh", "new", "separate")
# Every `PAST` match holds one of these.
_PAST_WORDS = ("year", "19", "20")
# `PAST` in two parts, case-sensitive, for lower-cased text: the years' (every match holds
# "year"; `[a-z]++` gives back no letter, which \s+ could not take) and the dates' ("19", "20").
_PAST_YEAR = re.compile(r"\b(?:(?:last|previous)\s+year|(?:[a-z]++|\d++)\s+years\s+ago)\b")
_PAST_IN = re.compile(r"\bin\s+(?:19|20)\d\d\b")


def past(low: str) -> bool:
    """Whether `PAST` finds a match in the lower-cased text `low`: its parts behind the
    substrings their matches hold, run case-sensitively where that is the same (`twin_applies`);
    3x faster than `PAST.search`, which tried every alternative at each word's edge."""
    if not twin_applies(low):
        return PAST.search(low) is not None
    return ("year" in low and _PAST_YEAR.search(low) is not None) or (
        ("19" in low or "20" in low) and _PAST_IN.search(low) is not None
    )


# Every `TALLY` match holds one of these.
_TALLY_WORDS = ("countr", "nationwide", "provinces", "attacks", "incidents", "districts")


# A total over several incidents or the whole country ("Taliban attacks killed 14 members of
# the security forces across the country. In Kandahar, six ... In Ghazni, eight ...").
TALLY = re.compile(
    r"\b(?:across\s+the\s+country|nationwide|across\s+(?:several|[a-z]+)\s+provinces|"
    r"in\s+(?:several|separate|a\s+series\s+of|two|three|four|five|six|\d+)\s+(?:separate\s+)?"
    r"(?:attacks|incidents|provinces|districts))\b",
    re.IGNORECASE,
)


# A headline line over several incidents: "Attacks kill 12 in northwest Pakistan".
HEADLINE_TALLY = re.compile(
    r"\b(?:attacks|blasts|bombings|explosions|clashes|raids|strikes|incidents|violence)\b",
    re.IGNORECASE,
)


def is_tally(s: Sentence, text: str, opens: bool) -> bool:
    """Whether an event sentence with figures totals several incidents (`TALLY`), or, when
    it `opens` the document as a headline line of `text`, names them (`HEADLINE_TALLY`)."""
    if not (s.is_event and s.counts):
        return False
    low = s.text.lower()  # (once: inside the generator it was lowered again for each word)
    if any(word in low for word in _TALLY_WORDS) and TALLY.search(low):
        return True
    return (
        opens
        and "\n" in text[max(0, s.end - 3) : s.end + 2]
        and HEADLINE_TALLY.search(s.text) is not None
    )


def group_sentences(
    sentences: list[Sentence], resolved: dict[PlaceMention, Resolved], text: str = ""
) -> list[list[Sentence]]:
    """The sentences of each event, in order. A tally over incidents that later sentences
    report one by one, each with its figure, is left out (`is_tally`; `text` is the
    document's, to tell a headline line): its total would land on the first incident's place
    (kept when fewer than two such incidents follow)."""
    tallies = [s for i, s in enumerate(sentences) if is_tally(s, text, i == 0)]
    # (not where someone is from: "Sepoy X (resident of District Chakwal) embraced shahadat")
    origins = {
        m
        for s in sentences
        if s.is_event
        for m in s.places
        if m in resolved and origin_place(text, m.start, m.end)
    }
    groups = _group(sentences, resolved, set(), origins, text)
    if tallies:
        ids = {id(s) for s in tallies}
        alone = _group(sentences, resolved, ids, origins, text)
        rest = [g for g in alone if not all(id(s) in ids for s in g)]
        if sum(any(s.counts for s in g) for g in rest) >= 2:
            groups = rest
    return _fold_provinces(groups, resolved, origins) if len(groups) > 1 else groups


def _fold_provinces(
    groups: list[list[Sentence]],
    resolved: dict[PlaceMention, Resolved],
    origins: set[PlaceMention],
) -> list[list[Sentence]]:
    """Groups without figures that name provinces only and tell a kind ("Pakistani aircraft
    bombed homes in Khost and Paktika provinces") joined to the first later incident in one of
    them told with figures but no kind of its own ("in the Spira district of Khost, a house was
    hit, killing five"): the same strike, told first in outline."""
    counted = [any(s.counts for s in g) for g in groups]
    if all(counted[:-1]):
        return groups  # (no outline to fold: most reports)
    out: list[list[Sentence]] = []
    pending: list[tuple[set[str], list[Sentence]]] = []
    for g, has_counts in zip(groups, counted, strict=True):
        if has_counts and not pending:
            out.append(g)
            continue
        places = [
            resolved[m].place for s in g for m in s.places if m in resolved and m not in origins
        ]
        kinds = any(s.triggers for s in g)
        if places and kinds and not has_counts and all(p.level == "adm1" for p in places):
            pending.append(({p.adm1 for p in places}, g))
            continue
        adm1s = {p.adm1 for p in places}
        for k, (provinces, outline) in enumerate(pending):
            if not kinds and has_counts and adm1s and adm1s <= provinces:
                g = sorted(outline + g, key=lambda s: s.start)
                del pending[k]
                break
        out.append(g)
    return sorted(out + [g for _, g in pending], key=lambda g: g[0].start)


# A force or group opening the sentence and acting in the past tense: "Security forces repulsed
# an attack on a check post in North Waziristan" reports an action of its own, unlike "The
# insurgent was responsible for attacks in Helmand".
_ACTOR_OPENS = re.compile(
    r"^\W*(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:forces|troops|police|policemen|soldiers|army|"
    r"militants|insurgents|terrorists|gunmen|fighters|personnel|rangers|levies)\s+(?:also\s+)?$",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"[a-z]+ed\b", re.IGNORECASE)


def _acts_anew(s: Sentence) -> bool:
    if not s.triggers:
        return False
    first = min(s.triggers, key=lambda t: t.start)
    return bool(
        _PAST_VERB.match(first.text) and _ACTOR_OPENS.match(s.text[: first.start - s.start])
    )


# What comes before the place of a sentence opening on it ("In Panjgur, ...").
_IN_BEFORE_PLACE = re.compile(r"\W*in\s+(?:the\s+)?", re.IGNORECASE)


def _opens_on_place(
    s: Sentence, resolved: dict[PlaceMention, Resolved], origins: set[PlaceMention]
) -> bool:
    """Whether the sentence's first place opens it ("In Panjgur, militants attacked ...")."""
    first = min(
        (m for m in s.places if m in resolved and m not in origins),
        key=lambda m: m.start,
        default=None,
    )
    if first is None or first.start - s.start > 12:
        return False
    return _IN_BEFORE_PLACE.fullmatch(s.text[: first.start - s.start]) is not None


def _group(
    sentences: list[Sentence],
    resolved: dict[PlaceMention, Resolved],
    alone: set[int],
    origins: set[PlaceMention],
    text: str = "",
) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    # (per group: its provinces, districts and weekdays; `cur` is the group sentences join)
    seen: list[tuple[set[str], set[str], set[str]]] = []
    cur = -1
    # Incidents told in one sentence ("X in Kabul, while four died in Logar"): each later
    # incident's group -> the first one's. A new paragraph that names no place tells the first
    # ("Kabul police said the sticky bomb went off ..."), as reports are written.
    split_root: dict[int, int] = {}
    last_end = -1
    paragraphs = 0  # (paragraph breaks passed)
    told = False
    for s in sentences:
        if not s.is_event:
            continue
        paragraph = last_end >= 0 and "\n" in text[last_end : s.start]
        paragraphs += paragraph
        told = bool(s.counts) or (told and not paragraph)  # (a figure in this paragraph)
        last_end = s.end
        if paragraph and cur in split_root and not _has_place(s, resolved, origins):
            cur = split_root[cur]
        current = groups[cur] if groups else []
        current_adm1, current_adm2, current_days = seen[cur] if seen else (set(), set(), set())
        low = s.text.lower()
        if current and s.counts and (RECAP.match(s.text) or past(low)):
            continue  # (without a figure it may still say who: "It was the third ... the TTP")
        days = set(_WEEKDAY.findall(low)) if "day" in low else set()
        opening = _OPENING_DAY.match(low) if days else None
        if opening is not None and _FOLLOW_UP.search(low):
            opening = None  # "On Monday, the death toll rose to 20": the same event
        places = [resolved[m].place for m in s.places if m in resolved and m not in origins]
        adm1s = {p.adm1 for p in places}
        named = {p.adm2 for p in places if p.adm2 and p.level != "adm1"}
        new_event = NEW_EVENT.match(s.text) is not None
        another = bool(s.counts) and another_event(s.text, low)
        elsewhere = (named and current_adm2 and not named & current_adm2) or (
            adm1s and current_adm1 and not adm1s & current_adm1
        )
        fresh = new_event or another
        back = (
            _earlier_incident(s, named, adm1s, days, fresh, groups, seen, cur, split_root)
            if elsewhere
            else _same_place(s, groups, cur, split_root)
            if paragraph and split_root
            else None
        )
        if back is not None:
            # More of an incident told before, in its district ("Two policemen were killed in
            # Lakki Marwat, while in a separate incident gunmen shot dead an official in D.I.
            # Khan. The bomb exploded as a police van passed through Pezu, Lakki Marwat ...
            # In the second incident, ... in Dera Ismail Khan city"): back to it.
            cur = back
            groups[cur].append(s)
            seen[cur][2].update(days)
            continue
        # A figure in another district than the figures before it, or than the figure-less
        # sentence that opened the event ("repulsed an attack in North Waziristan. Two suspects
        # were held in Bannu"): another operation. Later figure-less sentences are background.
        opens_there = (
            paragraph
            and bool(named)
            and bool(current_adm2)
            and not named & current_adm2
            and _opens_on_place(s, resolved, origins)
            and any(x.counts for x in current)
            and bool(s.triggers and days)
        )
        # (a later incident's clause of a sentence names its own place: `incidents`)
        located = bool(s.counts) or not current or opens_there or s.joined
        adm2s = named if located else set()
        starts_new = bool(current) and (
            (new_event and bool(s.counts or s.triggers))
            # another province: a figure, or an actor acting anew after the event's toll
            or (
                bool(adm1s)
                and bool(current_adm1)
                and not adm1s & current_adm1
                and (bool(s.counts) or (_acts_anew(s) and any(x.counts for x in current)))
            )
            or (bool(adm2s) and bool(current_adm2) and not adm2s & current_adm2)
            or another
            # a lead's later clause of another kind in the same district ("shot dead in Orangi
            # Town, while five were injured in a grenade attack in Lyari")
            or (s.joined and bool(adm2s & current_adm2) and _other_kind(s, current))
            # a paragraph opening on another district's incident of a given day, its toll told
            # next ("In Panjgur, militants attacked an FC camp late on Friday. In the exchange
            # of fire, three ..."; not "In Darzab, IS fighters have clashed with the Taliban")
            or opens_there
            or (
                opening is not None
                and bool(current_days)
                and opening.group(1) not in current_days
                and bool(s.counts or s.triggers)
            )
            or id(s) in alone
            or id(current[-1]) in alone
        )
        if (
            paragraphs
            and not (starts_new or s.counts or told)
            and adm1s
            and current_adm1
            and not adm1s & current_adm1
        ):
            # A paragraph without figures naming only another incident's province ("Independent
            # confirmation of the figures from Panjshir was not possible"; "On Monday, the
            # insurgents pushed into Lashkar Gah, the capital of Helmand") goes on with that
            # incident: the province named would rule out this one's places (`most_specific`).
            other = next((i for i in range(len(seen)) if i != cur and adm1s & seen[i][0]), None)
            if other is not None and adm1s <= seen[other][0]:
                cur = other
                groups[cur].append(s)
                continue
        if starts_new or not groups:
            # (an incident the lead's paragraph opens anew, "Separately, gunmen killed a
            # policeman in Lakki Marwat", is one of the lead's incidents as a clause is)
            if starts_new and (s.joined or (fresh and not paragraphs)):
                split_root[len(groups)] = split_root.get(cur, cur)
            groups.append([])
            seen.append((set(), set(), set()))
            cur = len(groups) - 1
        groups[cur].append(s)
        seen[cur][0].update(adm1s)
        seen[cur][1].update(adm2s)
        seen[cur][2].update(days)
    return groups
