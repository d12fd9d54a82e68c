"""Place mentions to provinces, districts and coordinates.

A name can denote several places ("Bara": a Khyber town and villages elsewhere; "Kabul": a
province, a district and a city). Each mention's candidates are scored by

  * the document's country focus: the share of country words ("Pakistan", "Afghan"),
    unambiguous places and actors' home countries that point to the candidate's country (x3);
  * agreement with the other places of the document: a candidate inside a province or district
    that is itself mentioned (+2), or shared by another mention's candidates (+1);
  * the level: provinces and districts named in text are usually meant as such (+0.5/+0.4);
  * population, as a last tie-break only (log scale, at most +0.3).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .gazetteer import Gazetteer, Place, key
from .trigger_words import RECORD_CUES

LEVEL_RANK = {"place": 3, "adm2": 2, "adm1": 1}
LEVEL_BONUS = {"adm1": 0.5, "adm2": 0.4, "place": 0.0}
# GED where_prec for the level a location is known to.
LEVEL_PRECISION = {"place": 2, "adm2": 3, "adm1": 4}
# Words before a place name that make it part of a person's name ("Maulana Bannu", "Commander
# Mohmand"), in lower case without a full stop.
PERSON_TITLES = frozenset([
    "mr", "mrs", "ms", "dr", "maulana", "mullah", "mulla", "sheikh", "general", "gen", "commander",
    "minister", "senator", "haji", "qari", "hafiz", "mufti", "syed", "sayed", "imam", "colonel",
    "col", "major", "maj", "captain", "capt", "lt", "brigadier", "president", "spokesman", "mna",
    "mpa", "justice", "judge", "sardar", "nawab", "khan",
])  # fmt: skip


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True)
class Resolved:
    mention: PlaceMention
    place: Place
    score: float


def country_focus(
    country_mentions: list[str], mentions: list[PlaceMention], gazetteer: Gazetteer,
    actor_countries: list[str],
) -> dict[str, float]:  # fmt: skip
    """Shares (summing to 1) of the document's attention per country (ISO3)."""
    votes: dict[str, float] = {}
    for iso3 in country_mentions:
        votes[iso3] = votes.get(iso3, 0.0) + 1.0
    for m in mentions:
        countries = {p.iso3 for p in gazetteer.by_key.get(m.key, [])}
        if len(countries) == 1:
            only = next(iter(countries))
            votes[only] = votes.get(only, 0.0) + 1.0
    for iso3 in actor_countries:
        votes[iso3] = votes.get(iso3, 0.0) + 0.5
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total else {}


_DIRECTION = re.compile(
    r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?", re.IGNORECASE
)


def resolve_mentions(
    mentions: list[PlaceMention], gazetteer: Gazetteer, focus: dict[str, float]
) -> list[Resolved]:
    """The best candidate for every mention that has one."""
    # A bare direction before another place is that place's part ("in southwestern Kabul"), not
    # the region the word names alone in Pakistani news (Balochistan).
    starts = {m.start for m in mentions}
    mentions = [
        m
        for m in mentions
        if not (_DIRECTION.fullmatch(m.text) and any(m.end < s <= m.end + 2 for s in starts))
    ]
    candidates = {m: gazetteer.by_key.get(m.key, []) for m in mentions}
    # Regions that the document names unambiguously.
    named_adm1: set[str] = set()
    named_adm2: set[str] = set()
    for cands in candidates.values():
        adm1s = {p.adm1 for p in cands}
        if len(adm1s) == 1:
            named_adm1 |= adm1s
        adm2s = {p.adm2 for p in cands if p.level != "adm1"}
        if len(adm2s) == 1 and all(p.level != "adm1" for p in cands):
            named_adm2 |= adm2s
    # (countries the document's places lie in: "Indian proxy" is no story on India's places)
    placed = {p.iso3 for cands in candidates.values() for p in cands}
    top_country = max(focus, key=lambda c: focus[c], default="")
    adm1_support: Counter[str] = Counter()
    for cands in candidates.values():
        for a in {p.adm1 for p in cands}:
            adm1_support[a] += 1
    out = []
    for m, cands in candidates.items():
        best: tuple[float, Place] | None = None
        tied: list[Place] = []  # the candidates that share the best score
        for p in cands:
            score = 3.0 * focus.get(p.iso3, 0.0)
            if p.adm1 in named_adm1 and len({c.adm1 for c in cands}) > 1:
                score += 2.0
            if p.adm2 and p.adm2 in named_adm2 and p.level == "place":
                score += 2.0
            if adm1_support[p.adm1] > 1:
                score += 1.0
            score += LEVEL_BONUS[p.level]
            score += min(math.log10(p.population + 1) / 20.0, 0.3)
            if best is None or score > best[0]:
                best, tied = (score, p), [p]
            elif score == best[0]:
                tied.append(p)
        # Places of the mention's own name in two countries and nothing to choose between
        # them ("Gunmen kill 3 in Kohistan": Pakistan's district or Faryab's): left unplaced,
        # not guessed. (A curated variant's order still decides: Torkham is Khyber's.)
        if len(tied) > 1 and len({p.iso3 for p in tied if key(p.name) == m.key}) > 1:
            continue
        if best is not None:
            # A name that exists only in a country the document is not about ("northwest" in
            # a story on Afghanistan) is dropped rather than placed abroad.
            top_share = focus.get(top_country, 0.0)
            if top_share >= 0.6 and top_country in placed and focus.get(best[1].iso3, 0.0) < 0.2:
                continue
            out.append(Resolved(m, best[1], best[0]))
    return out


def most_specific(resolved: list[Resolved]) -> Resolved | None:
    """The location of an event from its mentions, in text order: the first mention, refined by
    any later one that lies inside it ("Helmand province's Nad Ali district" -> Nad Ali;
    "Khyber Agency ... officials in Peshawar" stays Khyber). When the sentences name a province,
    places outside it are not taken ("Khugyani district, Nangarhar province": a homonym of
    Khugyani in Kandahar loses to Nangarhar)."""
    if not resolved:
        return None
    ordered = sorted(resolved, key=lambda r: r.mention.start)
    provinces = {r.place.adm1 for r in ordered if r.place.level == "adm1"}
    if provinces:
        ordered = [r for r in ordered if r.place.adm1 in provinces]
    if len(provinces) > 1:
        # "Operations in Helmand, Kandahar, Ghazni ... In Ghazni last night": the province
        # named again (itself or by a place inside it) is the event's; a tie keeps text order.
        per: Counter[str] = Counter(r.place.adm1 for r in ordered)
        (top, n_top), *rest = per.most_common()
        if not rest or n_top > rest[0][1]:
            ordered = [r for r in ordered if r.place.adm1 == top]
        elif len(provinces) > 2 and n_top == 1:
            return None  # "in Kabul, Nangarhar and Kunar provinces": none is the event's
    best = ordered[0]
    if provinces and best.place.level == "adm1":
        # "In Kajaki district, Helmand province": the district came first but is inside.
        finer = [r for r in ordered if r.place.adm1 == best.place.adm1 and r.place.level != "adm1"]
        if finer:
            best = finer[0]
    for r in ordered[1:]:
        if LEVEL_RANK[r.place.level] <= LEVEL_RANK[best.place.level]:
            continue
        inside = (best.place.level == "adm1" and r.place.adm1 == best.place.adm1) or (
            best.place.level == "adm2" and r.place.adm2 == best.place.adm2
        )
        if inside:
            best = r
    return best


_ATTRIBUTION = re.compile(
    r"^[^.;]{0,30}?\b(?:said|told|reported|added|confirmed|quoted)\b", re.IGNORECASE
)
_ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:officials?|spokesm[ae]n|sources|police|reporters|hospital|journalists)\s+in\s+$",
    re.IGNORECASE,
)


# "...: Islamabad." / "... - Kabul" closing a headline: the source, not the scene.
_SOURCE_BEFORE = re.compile(r"\w\s*(?::|\s-|\s–)\s*$")
_SOURCE_AFTER = re.compile(r"\s*(?:\.\s*)?(?:\n|$)")
_ATTACK_LABEL = re.compile(
    r"\s+(?:suicide\s+)?(?:bomb\s+)?(?:attack|bombing|blast|massacre|siege|raid)\s+"
    r"(?:suspects?|mastermind|masterminds|planners?|accused|convicts?|plotters?|facilitators?)\b",
    re.IGNORECASE,
)


def drop_attributions(mentions: list[Resolved], text: str) -> list[Resolved]:
    """Without places that only say where a source spoke ("officials in Peshawar said"; kept
    if nothing else is left), a headline's closing source ("Indian firing kills soldier:
    Islamabad.") and a place naming the attack that suspects are tied to ("Wagah attack
    suspects among those killed")."""
    mentions = [
        r
        for r in mentions
        if not (
            _SOURCE_BEFORE.search(text[max(0, r.mention.start - 4) : r.mention.start])
            and _SOURCE_AFTER.match(text[r.mention.end : r.mention.end + 4])
        )
        and not _ATTACK_LABEL.match(text[r.mention.end : r.mention.end + 60])
    ]
    kept = [
        r
        for r in mentions
        if not (
            _ATTRIBUTION_BEFORE.search(text[max(0, r.mention.start - 30) : r.mention.start])
            and _ATTRIBUTION.match(text[r.mention.end : r.mention.end + 40])
        )
    ]
    return kept or mentions


def dominant_province(mentions: list[Resolved]) -> list[Resolved]:
    """The mentions of the most mentioned province (used when the event sentences name none)."""
    if not mentions:
        return []
    counts: dict[str, int] = {}
    for r in mentions:
        counts[r.place.adm1] = counts.get(r.place.adm1, 0) + 1
    top = max(counts, key=lambda k: counts[k])
    return [r for r in mentions if r.place.adm1 == top]


# Where a person, group, convoy or supply comes from or goes to, whom an official serves, or
# the towns a road is named for, is not the scene: "a native of Swat ... shot dead in
# Peshawar", "a convoy travelling from Peshawar to Kohat was ambushed in Darra Adam Khel",
# "Hangu police chief Nasir Khan ... in Kohat", "gas supply to Punjab", "the Kabul-Kandahar
# highway in Zabul".
_ORIGIN_BEFORE = re.compile(
    r"\b(?:natives?\s+of|residents?\s+of|inhabitants?\s+of|elders?\s+of|"
    r"hail(?:s|ed|ing)\s+from|belong(?:s|ed|ing)?\s+to|(?P<from>from)|"
    # an official's seat ("the governor of Punjab province ... shot dead in Islamabad")
    r"(?:governor|chief\s+minister|mayor|commissioner|inspector[\s-]+general|chief\s+secretary|"
    r"police\s+chief|home\s+minister|advocate[\s-]+general)\s+of|"
    r"(?:way|travell?(?:ing|ed|s)?|head(?:ed|ing|s)|bound|returning|going|en\s+route)\s+"
    r"(?:back\s+)?(?:to|for|towards)|"
    r"suppl(?:y|ies|ied|ying)(?:\s+(?:of\s+)?(?:gas|water|electricity|power|oil|fuel))?\s+to)"
    # (and the next of a list: "gas supply to Punjab and Sindh")
    r"\s+(?:the\s+|neighbou?ring\s+)?(?:district\s+)?(?:(?-i:[A-Z])[\w'-]*\s+and\s+)?$",
    re.IGNORECASE,
)
# ... but "kidnapped from Dera Bugti" and "10 km from Peshawar" are (or are near) the scene.
_FROM_SCENE = re.compile(
    r"\b(?:\d+\s*(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?)|away|far|abduct\w*|"
    r"kidnap\w*|snatch\w*|escap\w*|recover\w*|picked\s+up|taken|seized|stolen)\s+from\s+"
    r"(?:the\s+)?$|"
    # ("arrested four suspected members of the Sindhudesh Revolutionary Army from Hyderabad")
    r"\b(?:arrest\w*|apprehend\w*|detain\w*|nabbed|rounded\s+up)\s+"
    r"(?:(?!who\b|had\b|arrived\b|came\b|returned\b|fled\b|travell?ed\b)[\w'-]+\s+){0,9}?from\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# The second place of a route: "from Quetta to Taftan", "from Swat to Dir".
_ROUTE_TO = re.compile(
    r"\bfrom\s+(?:the\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’.-]*){0,3}\s+to\s+(?:the\s+)?$"
)
_ORIGIN_AFTER = re.compile(
    r"(?:-|\s+)(?:based|born|bound|natives?|residents?)\b|"
    # A road named for its towns: "on the Kabul-Kandahar highway in Zabul".
    r"(?:\s*[-–]\s*(?-i:[A-Z])[\w'’.]*)?\s+(?:highway|road|motorway|expressway)\b|"
    r"\s+(?:district\s+|provincial\s+|city\s+|deputy\s+)?(?:police\s+(?:chief|officer|commander|"
    r"spokes(?:man|woman|person))|(?:governor['’]s\s+)?spokes(?:man|woman|person)|"
    r"DPO|SHO|governor|deputy\s+commissioner|commissioner|mayor|MNA|MPA|senator|lawmaker|"
    r"legislator|elders?)\b(?!['’]s)",
    re.IGNORECASE,
)


# Where a target's past deed was done: "a Taliban commander responsible for bomb attacks in
# Ghazni city, in a raid in Deh Yak district".
_DEED_PLACE_BEFORE = re.compile(
    rf"\b{RECORD_CUES}\s+(?:[\w'-]+\s+){{0,3}}?(?:attacks?|bombings?|"
    r"blasts?|killings?|assassinations?|kidnappings?|abductions?|murders?)\s+(?:in|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Where the wounded were taken: "evacuated to the Combined Military Hospital in Bannu".
_HOSPITAL_BEFORE = re.compile(
    r"\b(?:taken|evacuated|shifted|rushed|moved|airlifted|flown|brought|referred|admitted)\s+"
    r"(?:to\s+)?(?:the\s+|a\s+)?(?:[A-Z][\w'-]*\s+){0,5}?(?:[Hh]ospital|CMH|[Tt]rauma\s+"
    r"[Cc]ent(?:re|er)|[Cc]linic|[Mm]edical\s+[Cc]omplex)\s+(?:in|at)\s+(?:the\s+)?$"
)
# The word right before every `_ORIGIN_BEFORE` or `_ROUTE_TO` place (after "the"): a cheap
# test that spares the searches for most places.
_ORIGIN_LAST_WORDS = frozenset(["of", "from", "to", "for", "towards", "and"])
# (ISPR's "resident of District Chakwal")
_SKIPPED_WORDS = frozenset(["the", "neighbouring", "neighboring", "district"])


# A paramilitary unit named for its home ("Gilgit Scouts", "Khyber Rifles", "Kurram Militia"):
# where its men are from, the scene only when the text names no other place.
_UNIT_AFTER = re.compile(
    # ... and a dam or river named for a place upstream ("the Gomal Zam dam in Tank district")
    r"\s+(?:Scouts|Rifles|Militia|(?:[A-Z][a-z]+\s+)?(?:[Dd]am|[Rr]iver|[Bb]arrage)|"
    # ... and a hospital named for its town ("taken to the Saidu Sharif Teaching Hospital")
    r"(?:[A-Z][a-z]+\s+){0,2}(?:Hospital|Medical\s+Complex))\b"
)


def origin_place(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] says where someone is from, is going to or serves,
    where a past deed of theirs was done, where the wounded were taken, names a road, or names
    a unit (`_UNIT_AFTER`)."""
    if _UNIT_AFTER.match(text, end):
        return True
    words = text[max(0, start - 30) : start].lower().split()[-2:]
    if words and words[-1] in _SKIPPED_WORDS:
        words.pop()
    if words and words[-1] in _ORIGIN_LAST_WORDS:
        before = max(0, start - 60)
        m = _ORIGIN_BEFORE.search(text, before, start)
        if m is not None:
            return m.group("from") is None or not _FROM_SCENE.search(
                text, max(0, start - 100), start
            )
        if words[-1] == "to" and _ROUTE_TO.search(text, before, start):
            return True
    elif (
        words
        and words[-1] in ("in", "at")
        and (
            _DEED_PLACE_BEFORE.search(text, max(0, start - 70), start)
            or _HOSPITAL_BEFORE.search(text, max(0, start - 90), start)
        )
    ):
        return True
    return bool(_ORIGIN_AFTER.match(text, end, end + 40))


def drop_origins(mentions: list[Resolved], text: str) -> list[Resolved]:
    """Without places of origin, destination or office (see `origin_place`); all of them if
    nothing else is left ("A native of Swat, the policeman was shot dead")."""
    if len(mentions) < 2:
        return mentions  # (all of them would be kept)
    kept = [r for r in mentions if not origin_place(text, r.mention.start, r.mention.end)]
    return kept or mentions


# A place named only to say where another lies: "the Bagram air base north of Kabul",
# "30 km south of Quetta".
REFERENCE_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?$|\b(?:km|kms|kilometres|kilometers|miles)\s+(?:from|of|outside)\s+$|"
    # a line crossed on the way ("crossed the Line of Control and dropped bombs near Balakot")
    r"\b(?:crossed|crossing|across)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def drop_references(mentions: list[Resolved], text: str) -> list[Resolved]:
    """Without places named as reference points ("north of Kabul") in another province than
    the places named otherwise; one in the same province still gives the district ("an
    operation west of Nad-e Ali, Helmand Province")."""
    if len(mentions) < 2:
        return mentions
    references = [
        r
        for r in mentions
        if REFERENCE_BEFORE.search(text, max(0, r.mention.start - 40), r.mention.start)
    ]
    if not references:
        return mentions
    others = [r for r in mentions if r not in references]
    provinces = {r.place.adm1 for r in others}
    kept = [r for r in mentions if r in others or r.place.adm1 in provinces]
    return kept if others else mentions


# A locality told as lying inside a named place ("the Chamkani area of Peshawar", "Jani Khel
# area of Bannu") is there, whatever homonym the gazetteer knows in another province.
_INSIDE_OF = re.compile(
    r"\s+(?:area|areas|locality|village|town|neighbou?rhood|suburbs?|outskirts|tehsil|"
    r"sub-?division|bazaar|market|police\s+station|check-?\s?post|district\s+cent(?:re|er))\s+"
    r"(?:of|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def drop_outside_homonyms(mentions: list[Resolved], text: str) -> list[Resolved]:
    """Without a locality whose place lies in another province than the place the text puts it
    inside (see `_INSIDE_OF`)."""
    if len(mentions) < 2:
        return mentions
    starts = {r.mention.start: r for r in mentions}
    dropped = set()
    for r in mentions:
        inside = _INSIDE_OF.match(text, r.mention.end)
        outer = starts.get(inside.end()) if inside else None
        if outer is not None and outer.place.adm1 != r.place.adm1:
            dropped.add(id(r))
    return [r for r in mentions if id(r) not in dropped] if dropped else mentions


ACROSS_BORDER = {"AFG": "PAK", "PAK": "AFG"}
# "near the Afghan border": a border named for one country lies on its neighbour's side as
# often as not, and AP's and Reuters' "near the Afghan border" locates Pakistani events. A
# border of two ("the Pak-Afghan border", "India-Pakistan border firing") votes for both as any
# country word does, and a force named for the border is its country's ("Afghan border police").
_BORDER_AFTER = re.compile(
    r"\s+(?:border|frontier)\b(?!\s+(?:police|policem[ae]n|forces?|"
    r"guards?|troops|personnel|security|officials?|units?|ministry|brigade|posts?))",
    re.IGNORECASE,
)
_PAIR_BEFORE = re.compile(r"[A-Za-z]\s*[-–/]\s*$")
_BORDER_BEFORE = re.compile(r"\b(?:border|frontier)\s+with\s+(?:neighbou?ring\s+)?$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:neighbou?ring\s+)?$", re.IGNORECASE)


# Other neighbours of Afghanistan or Pakistan: a border named with one of them in the story may
# be that country's.
_NEIGHBOURS = frozenset(["IRN", "IND", "CHN", "TJK", "UZB", "TKM"])


def country_votes(
    mentions: list[PlaceMention], text: str, actor_countries: Iterable[str] = ()
) -> list[str]:
    """The countries (ISO3) that country words ("country:<ISO3>" mentions) vote for in
    `country_focus`: a border of Afghanistan votes for Pakistan and the reverse, unless another
    neighbour is named, by a country word or an actor ("Iranian border guards ... near the
    Pakistani border": Iran's side); another country's border votes for none; "from
    Afghanistan" (where someone came from) not at all."""
    votes = []
    named = {m.key.removeprefix("country:") for m in mentions} | set(actor_countries)
    third = not named.isdisjoint(_NEIGHBOURS)
    # Cheap tests first: most documents name no border, most country words follow no "from".
    border = any(w in text for w in ("border", "Border", "BORDER", "frontier", "Frontier"))
    for m in mentions:
        iso3 = m.key.removeprefix("country:")
        before = max(0, m.start - 30)
        if border and (
            (_BORDER_AFTER.match(text, m.end) and not _PAIR_BEFORE.search(text, before, m.start))
            or _BORDER_BEFORE.search(text, before, m.start)
        ):
            if iso3 in ACROSS_BORDER and not third:
                votes.append(ACROSS_BORDER[iso3])
        elif (
            text.find("from", before, m.start) < 0 and text.find("From", before, m.start) < 0
        ) or not _FROM_BEFORE.search(text, before, m.start):
            votes.append(iso3)
    return votes


# Names that hold a place's name but name no place: an organisation ("Kabul Bank", "215
# Maiwand Corps", "the Kabul Attack Network"), a capital standing for its government ("what
# Islamabad said were hideouts"), a person named after a role ("a journalist, Malala Maiwand").
_ORGANISATION_AFTER = re.compile(r"\s+(?:Bank|Corps|Attack\s+Network)\b")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|of|from)\s+$")
_GOVERNMENT_AFTER = re.compile(
    r"\s+(?:said|says|accused|blamed|denied|claimed|alleged|insists?|wants?|warned)\b"
)
_CAPITALS = frozenset(["Islamabad", "Kabul", "Tehran", "New Delhi", "Delhi"])
_NAMED_PERSON_BEFORE = re.compile(
    r"\b(?:journalist|reporter|activist|anchor|presenter|student|teacher|doctor|lawyer|singer|"
    r"poet|writer|named|called),?\s+[A-Z][a-z]+\s+$"
)


def names_no_place(text: str, start: int, end: int) -> bool:
    """Whether the place name at text[start:end] is part of another name (see above)."""
    return bool(
        _ORGANISATION_AFTER.match(text, end)
        or (
            text[start:end] in _CAPITALS
            and _GOVERNMENT_AFTER.match(text, end)
            and not _PLACE_PREPOSITION.search(text, max(0, start - 10), start)
        )
        or _NAMED_PERSON_BEFORE.search(text, max(0, start - 40), start)
    )


# "Islamabad's" is a country word (the government: "Islamabad's support for ..."), but before
# a sector or a landmark it is the city: "Islamabad's F-8 sector", "Islamabad's Aabpara market".
_CAPITAL_AREA = re.compile(
    r"\s+(?:[A-Z]-\d{1,2}\b|(?:[A-Z][\w'-]*\s+){0,2}(?:sector|markaz|market|area|road|chowk|"
    r"mosque|masjid|hotel|courts?|suburbs?|outskirts|neighbou?rhood|enclave|colony|village|"
    r"police\s+station)\b)",
    re.IGNORECASE,
)


def capital_area(m: PlaceMention, text: str) -> PlaceMention:
    """The mention, or the city Islamabad where "Islamabad's" names a part of it."""
    if m.text == "Islamabad's" and _CAPITAL_AREA.match(text, m.end, m.end + 40):
        return PlaceMention(m.start, m.start + 9, "Islamabad", "islamabad")
    return m
