"""The event taxonomy and how an event's type is decided from its trigger words.

| event_type              | meaning                                                              |
|-------------------------|----------------------------------------------------------------------|
| armed_clash             | two armed sides fight: clash, gun battle, ambush, attack on a post,  |
|                         | a base, a headquarters or an airport (also one that is repulsed, or  |
|                         | fire at a post that hurts no one), forces attacked who return fire,  |
|                         | fire exchanged, a group that engages the forces                      |
| suicide_bombing         | a suicide bomber or suicide attack (vest, vehicle)                   |
| ied_bombing             | bomb, IED, roadside or remote bomb, grenade, blast, "blew up"        |
| targeted_killing        | a named or specific person shot dead, assassination                  |
| abduction               | people kidnapped, abducted, taken hostage                            |
| attack_on_civilians     | armed attack whose victims are civilians (massacre, attack on a bus, |
|                         | gunmen at a gathering, several civilians shot)                       |
| property_attack         | arson, sabotage, fire or rockets at property or infrastructure, or   |
|                         | an attack on it by means not said: a pipeline, pylon, mobile tower,  |
|                         | railway track, bridge, school, supply tankers (GTD's "Facility/      |
|                         | Infrastructure Attack"); one blown up by a bomb is an ied_bombing    |
| security_operation      | operation, raid, search, crackdown by state or coalition forces, and |
|                         | forces that engage a group (one in which the other side fights back  |
|                         | is an armed_clash, as in ACLED)                                      |
| airstrike               | air or drone strike, missile strike, aircraft or helicopters that    |
|                         | strike or engage (an ISAF "air weapons team" is left to the ground   |
|                         | fight: ISAF's annotators do not label its engagements airstrikes)    |
| cross_border_shelling   | shelling or firing across a border or the Line of Control            |
| arrest                  | people arrested, detained, captured, with no one killed              |
| ceasefire_negotiation   | ceasefire, truce, peace talks or deal (with no one hurt, it wins     |
|                         | over the fighting named as its background)                           |
| other                   | political violence that fits none of the above                       |

Hostages set free are a rescue, not an abduction; a fight of the police with a criminal gang
("an encounter in which two dacoits were killed") is a clash, though crime alone is no event.

A bomb that is defused or found planted is an attempted bombing (ied_bombing; GTD keeps failed
bombings, ACLED calls them disrupted weapons use).

Civilians among the dead make a clash an attack on civilians unless the forces were hit too
(an assault on a police headquarters that also kills a passer-by stays a clash); three or more
civilians shot dead ("23 passengers", "12 people") are an attack on civilians, not a targeted
killing. A suicide bomber is counted among the dead only when the text says he died.

When several types' triggers occur in one event the more specific wins, in the order of
`PRIORITY` (a suicide bombing is also a bombing and an attack). Confidence grows with the number
of distinct triggers and the presence of a casualty figure (see `classify`). The trigger words
and their guards are in `trigger_words.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .alternation import by_first_letter, regroup
from .scanning import holds
from .textcase import Scanner, fold, letter_first, on_demand
from .trigger_words import (
    AFGHAN,
    AFGHAN_SIDE,
    ARREST_NOUN,
    BOMB_HELD_BEFORE,
    BOMB_THING_AFTER,
    BOMB_TRADE_BEFORE,
    BOMB_TRADE_CUES,
    BORDER,
    CROSSFIRE,
    DEED_CUES,
    DEED_OF,
    EARLIER_ARREST,
    ENGAGED_BY_FORCES,
    FORCES_ENGAGING_BEFORE,
    HAD_BEFORE,
    HELD_BOMBER,
    HELD_FOR,
    INTERNAL_TARGET,
    MARKERS,
    PAKISTANI,
    PAKISTANI_SIDE,
    PROPERTY_ATTACK,
    RESCUED_BEFORE,
    SET_FREE,
    TRIGGERS,
    UNIDENTIFIED_GUNMEN,
)

EVENT_TYPES = (
    "armed_clash",
    "suicide_bombing",
    "ied_bombing",
    "targeted_killing",
    "abduction",
    "attack_on_civilians",
    "property_attack",
    "security_operation",
    "airstrike",
    "cross_border_shelling",
    "arrest",
    "ceasefire_negotiation",
    "other",
)

PRIORITY = (
    "suicide_bombing",
    "airstrike",
    "cross_border_shelling",
    "ied_bombing",
    "targeted_killing",
    "abduction",
    "attack_on_civilians",
    "armed_clash",
    "property_attack",
    "security_operation",
    "arrest",
    "ceasefire_negotiation",
    "other",
)


# One alternation, most specific type first: at any position the first type that matches wins
# ("suicide bomb" is a suicide bombing there, not also an IED trigger).
# (Regrouped by first letter, `alternation.regroup`: `re` then skips, in one test per letter,
# the alternatives that cannot start where it is; 3x faster than named groups behind
# look-aheads, same matches. The look-ahead says what every trigger starts with; triggers start
# with a letter, not "\b" or a group, where they can.)
_ALTERNATION, _KIND_OF = regroup(
    [(t, TRIGGERS[t]) for t in PRIORITY if t in TRIGGERS] + list(MARKERS.items())
)
_ALL_SOURCE = r"\b(?=[a-z])(?:" + _ALTERNATION + ")"  # (compiled for the tests: `__getattr__`)

# A violent verb: an event sentence needs one (or a casualty figure) to count.
_VIOLENCE_WORDS = (
    r"(?:kill\w*|dead|died|die|wound\w*|injur\w*|hurt|attack\w*|bomb\w*|blast\w*|explo\w+|"
    r"shot|shoot\w*|fir(?:ed|ing)|gunned|clash\w*|ambush\w*|abduct\w*|kidnap\w*|arrest\w*|"
    r"detain\w*|(?:re)?captur\w+|strike\w*|struck|raid\w*|shell\w*|operation\w*|assassinat\w+|"
    r"militants?|insurgents?|ceasefire|truce|peace\s+talks|slain|martyred|beheaded|seized|"
    r"massacre\w*|offensive|killing\w*|deaths?|toll|casualt\w+|gunmen|detention|murder\w*|"
    r"dumped|bullet-riddled|dynamit\w+|lobbed|hurled|repuls\w+|repell(?:ed|ing)|fought\s+off|"
    r"beat(?:en)?\s+back|hostages?|ibos?|fighting|overr(?:an|un)|retaliat(?:ed|ing)|"
    r"(?:exchanged?|traded?)\s+fire|exchanges?\s+of\s+fire|gun\s*-?battles?|shoot\s*-?outs?|"
    r"fire\s*-?fights?|targeted\s+(?:with|by)\b|open(?:ed|s|ing)?\s+fire|dropped\s+(?:[a-z]+\s+)?(?:bombs|payloads?)|"
    r"air\s*-?strikes?|air\s+raids?|"
    # people led off ("took away four employees"; `trigger_words`: an abduction)
    r"(?:took|taken|whisked|spirited|carried|dragged|bundled)\s+away\s+(?:two|three|four|five|"
    r"six|seven|eight|nine|ten|\d+|several)\s+|"
    r"negotiat\w+|amnesty|intra-afghan|reduction\s+in\s+violence|"
    r"(?:signed|sealed|reached|struck)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?(?:agreement|accord|"
    r"deal)|"
    # a planted IED found or defused ("found and defused an IED that had been planted")
    r"(?:defus|diffus|disarm|dismantl|neutrali[sz]|clear)\w*\s+(?:an?\s+|the\s+|two\s+|three\s+|"
    r"\d+\s+)?(?:[a-z\d-]+\s+){0,3}?(?:ieds?|mines?)\b|"
    # ("a roadside mine planted by the enemy was defused by army sappers")
    r"(?:ieds?|mines?|bombs?)\s+(?:[a-z-]+\s+){0,8}?(?:was|were)\s+(?:defused|disarmed|neutrali[sz]ed)|ieds?\s+(?:that\s+had\s+been\s+|was\s+|were\s+)?(?:planted|"
    r"buried|emplaced)|"
    r"bl(?:ew|owing)\s+up\s+(?:an?|the|their|his|her|its|two|three|four|five|six|"
    r"several|\d+)\b|w(?:as|ere)\s+blown\s+up|been\s+blown\s+up|(?:had|have|has)\s+blown\s+up|"
    + PROPERTY_ATTACK
    + r")\b"
)
_VIOLENCE_SOURCE = letter_first(by_first_letter(_VIOLENCE_WORDS))  # (see alternation.py)


def char_before(pattern: re.Pattern[str] | str) -> re.Pattern[str]:
    """The twin of a `letter_first` pattern that starts a match at the character before it
    ("[^\\w]" for its "\\b"): `re` skips to a non-word character in a quick class loop, where
    the "\\b" made it enter its matcher at every character (scans 10-25% faster). Run it over
    " " + text (the space is the character before a match at 0): a match `m` is then
    text[m.start() : m.end() - 1], and the twin finds what `pattern` finds where no match ends
    with a non-word character (which the next match may start after: see `scan`). `pattern`
    may be the source alone (compiled with no flags)."""
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    assert source.startswith(r"\b(?=[a-z])")
    return re.compile(r"[^\w]" + source.removeprefix(r"\b"), flags)


def scan(twin: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    """(lastgroup, start, end) of each match of the pattern whose `char_before` twin is `twin`
    in `text`, as the pattern's `finditer` finds them."""
    spaced, found, at = " " + text, [], 0
    while True:
        for m in twin.finditer(spaced, at):
            end = m.end()
            found.append((m.lastgroup, m.start(), end - 1))
            if not (spaced[end - 1].isalnum() or spaced[end - 1] == "_"):
                # ("gunmen killed a ", then "suicide bomber": its character before is this
                # match's last)
                at = end - 1
                break
        else:
            return found


_ALL_SCAN = Scanner(char_before(_ALL_SOURCE))
_VIOLENCE_SCAN = Scanner(char_before(_VIOLENCE_SOURCE))
# The patterns themselves, `_ALL` and `VIOLENCE`, only the tests search with.
_ON_DEMAND = {"_ALL": _ALL_SOURCE, "VIOLENCE": _VIOLENCE_SOURCE}


def __getattr__(name: str) -> re.Pattern[str]:
    return on_demand(_ON_DEMAND, globals(), name)


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    text: str


# Sentences without a trigger or a figure that still plainly report violence or a security
# action ("Police foil terrorist attack in Karachi", "Military pounds militant hideouts"):
# a violent word other than the bare "militants" and words of other senses ("strike",
# "fired", "heart attack", "Bombay", "pounds" of money), and no negation or denial ("No soldier
# killed across LoC", "Army denies killing of 15"). Type from the few words that say one.
_WEAK_VIOLENCE_WORDS = (
    r"(?:kill\w*|dead|died|wound\w*|injur\w*|(?<!heart\s)attack\w*|bomb(?:s|ed|ing|ings|"
    r"ers?)?|blast\w*|shot|shoot\w*|firing|gunned|gunmen|gunfire|clash\w*|ambush\w*|"
    r"abduct\w*|kidnap\w*|arrest\w*|detain\w*|captur\w+|raid\w*|shells?|shelling|"
    r"pound(?:ed|ing)|pounds\s+(?:[a-z'-]+\s+){0,2}?(?:hideouts?|positions?|targets?|bases?|"
    r"posts?|camps?|strongholds?)|hideouts?|assassinat\w+|slain|martyred|beheaded|"
    r"massacre\w*|offensive|siege|curfew|murder\w*|dumped|bullet-riddled|"
    # "Taliban claim deadly assault on university", "Gunmen storm a hotel": an assault of a
    # kind or on a place, and a storming by armed men; not a crime ("sexually assaulted",
    # "assaulted by her husband"), a weapon ("assault rifles") or the weather.
    r"(?:deadly|armed|militant|terrorist|suicide|complex|coordinated|ground|fresh|major)\s+"
    r"assaults?|assaults?\s+on\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?(?:university|school|"
    r"college|base|post|check-?post|checkpoint|prison|jail|hotel|compound|camp|airport|"
    r"hospital|mosque|shrine|police|army|military|security|convoy)|"
    r"(?:militants|gunmen|attackers|insurgents|terrorists|fighters|taliban)\s+"
    r"storm(?:s|ed|ing)?)\b"
)
_WEAK_VIOLENCE = re.compile(
    letter_first(by_first_letter(_WEAK_VIOLENCE_WORDS))
)  # (see alternation.py)
_WEAK_NEGATED = re.compile(
    letter_first(
        r"\b(?:no(?!\.\s*\d)|not|never|den(?:y|ies|ied|ying)|rejects?|rejected|would|will)\b"
    )
)
_WEAK_TYPES = (
    ("cross_border_shelling", re.compile(r"\bshells?\b")),  # with a border (`weak_event`)
    ("security_operation", re.compile(r"\bhideouts?\b|\bsiege\b|\bcurfew\b")),
)
WEAK_CONFIDENCE = 0.25


def weak_event(text: str, offset: int = 0) -> Trigger | None:
    """The word that makes a sentence without triggers an event, typed where a word says how
    ("shells fly": shelling; "hideouts", "siege", "curfew": an operation), else "other"."""
    low = fold(text)
    hit = _WEAK_VIOLENCE.search(low)
    if hit is None or _WEAK_NEGATED.search(low):
        return None
    for event_type, pattern in _WEAK_TYPES:
        typed = pattern.search(low)
        if typed and (event_type != "cross_border_shelling" or _across_border(low)):
            return Trigger(event_type, typed.start() + offset, typed.end() + offset, typed.group())
    return Trigger("other", hit.start() + offset, hit.end() + offset, hit.group())


# "Militants captured two district headquarters", "troops recaptured the town": ground taken
# in fighting, not people arrested.
_CAPTURED_GROUND = re.compile(
    r"(?:re)?captur(?:e|es|ed|ing)\s+(?:(?:the|a|an|two|three|four|five|several|\d+|its|their|"
    r"control\s+of(?:\s+the)?)\s+)?(?:(?!(?:in|on|at|of|near|from|by|with|during|after|and)\b)"
    r"[a-z'-]+\s+){0,2}?(?:district\s+(?:headquarters|centres?|centers?)|headquarters|towns?|"
    r"villages?|cit(?:y|ies)|bases?|check-?posts?|outposts?|posts?|checkpoints?|territory|hills?|"
    r"hilltops?|bridges?|districts?|areas?)"
    # the head of its noun phrase: not "a Taliban district commander"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|of|from|and|near|after|during|following|before|which|"
    r"that|with|for|to|late|early|last|this|yesterday|today)\b)"
)


def _across_border(low: str) -> bool:
    if BORDER.search(low):
        return True
    afghan, pakistani = AFGHAN.search(low), PAKISTANI.search(low)
    return bool(afghan and pakistani) or bool(
        (pakistani and AFGHAN_SIDE.search(low)) or (afghan and PAKISTANI_SIDE.search(low))
    )


_MATERIAL_FOUND = re.compile(
    r"\b(?:recover\w*|seiz\w*|found|confiscat\w*|discover\w*|uncover\w*|haul\s+of)\b[^.;]{0,30}$"
)
_WHO_BEFORE = re.compile(
    r"\b(?:man|men|suspects?|gunmen|militants?|terrorists?|persons?|people|youths?|woman|women|"
    r"accused|culprits?)\s+who\s+(?:had\s+)?(?:allegedly\s+|reportedly\s+)?$"
)
_NONE_HELD_BEFORE = re.compile(
    r"\b(?:no|nobody|none)\s+(?:one\s+|suspects?\s+|body\s+)?(?:(?:was|were|has|have|had)\s+)?"
    r"(?:been\s+)?(?:yet\s+)?$"
)
# A captive set free ("a kidnapped child was recovered from them"): a rescue, not an abduction.
_CAPTIVE_WORDS = frozenset(["kidnapped", "abducted"])
# (the adjective: "a kidnapped child was recovered", not "kidnapped two engineers who were
# later released")
_CAPTIVE_BEFORE = re.compile(r"\b(?:the|a|an|two|three|four|five|\d+|his|her|their)\s+$")
_FREED_AFTER = re.compile(
    r"(?:\s+[a-z'-]+){1,3}?\s+(?:was|were|has\s+been|have\s+been)\s+(?:safely\s+|later\s+)?"
    r"(?:recovered|rescued|freed|released|set\s+free)\b"
)
# ... or seized, told after it ("Explosives weighing four kilogrammes, two suicide vests and
# detonators were seized from their possession")
_SEIZED_AFTER = re.compile(
    r"[^.;]{0,120}?\b(?:were|was|had\s+been|have\s+been)\s+(?:also\s+)?(?:seized|recovered|"
    r"found|confiscated|discovered)\b"
)
_MATERIAL = ("explosives", "detonator", "grenade", "suicide vest", "suicide jacket")
_PLANTED_AFTER = re.compile(
    r"\s+(?:that\s+had\s+been\s+|were\s+|had\s+been\s+)?(?:planted|placed|"
    r"hidden|buried|fitted|rigged|attached)"
)
_BORDER_FIRE = re.compile(
    r"\b(?:mortars?|rockets?|shells|artillery)\b.*\b(?:pakistani|afghan|indian|iranian|border)\b"
)
_CROSSFIRE = re.compile(CROSSFIRE)
_RELIEF_BEFORE = re.compile(r"\b(?:relief|evacuation|humanitarian|salvage|recovery)\s+$")
# The verb after an armed-clash trigger that matched its subject only ("militants attacked").
_SUBJECT_VERB = re.compile(r"\s+attack\w*")
# A determiner before "damaged"/"destroyed": an adjective ("the damaged pylons").
_DAMAGED_THING = re.compile(r"\b(?:the|a|an|its|their|of)\s+$")
_SUBJECTS = frozenset({"militant", "militants", "insurgent", "insurgents"})


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    low = fold(text)
    pattern, scanned = _ALL_SCAN.on(low)
    kind_of = _KIND_OF  # (the group of each alternative -> its type)
    matches = [(kind_of[group or ""], start, end) for group, start, end in scan(pattern, scanned)]
    if not matches:
        return []
    markers = {kind for kind, _, _ in matches if kind in MARKERS}
    found = []
    deeds = None  # (whether the sentence holds a cue of `DEED_OF`: tested on first need)
    for kind, start, end in matches:
        if kind == "shelling" or kind == "shelling_noun":
            if not _across_border(low) and (kind == "shelling" or INTERNAL_TARGET.search(low)):
                continue
            kind = "cross_border_shelling"
        elif kind in MARKERS:
            continue
        elif kind == "arrest" and _CAPTURED_GROUND.match(low, start):
            kind = "armed_clash"
        elif (
            kind == "arrest"
            and ARREST_NOUN.match(low, start)
            and EARLIER_ARREST.search(low, max(0, start - 50), start)
        ):
            continue  # "protests after Imran Khan's arrest": an earlier arrest, the cause
        elif kind == "arrest" and _NONE_HELD_BEFORE.search(low, max(0, start - 30), start):
            continue  # "No one was detained", "no arrests were made"
        elif (
            (kind == "armed_clash" and "protest" in markers)
            or (kind == "property_attack" and markers & {"protest", "hazard"})
        ) or (kind == "abduction" and "bodies" in markers):
            continue

        if kind not in {"arrest", "security_operation"}:
            if deeds is None:
                deeds = holds(low, DEED_CUES)
            if deeds and DEED_OF.search(low, max(0, start - 60), start):
                continue
            if " for " in low and HELD_FOR.search(low, max(0, start - 90), start):
                continue  # "28 people were detained ... for kidnapping": the charge
            if kind in {"ied_bombing", "suicide_bombing"} and (
                _bomb_trade(low, start, end)
                or (
                    low[start:end].rstrip("s").endswith("bomber")
                    and HELD_BOMBER.search(low, max(0, start - 70), start) is not None
                )
            ):
                continue  # ("arrested four terrorists, including a suicide bomber": an arrest)
        if (
            kind == "armed_clash"
            and low.startswith("engaged", start)
            and (
                FORCES_ENGAGING_BEFORE.search(low, max(0, start - 40), start)
                or ENGAGED_BY_FORCES.match(low, end)
            )
        ):
            kind = "security_operation"  # state forces engaging: an operation's fire
        if kind == "armed_clash" and _BORDER_FIRE.search(low, start, end) and _across_border(low):
            kind = "cross_border_shelling"  # "fired mortars at Pakistani border posts"
        if kind == "security_operation" and _RELIEF_BEFORE.search(low, max(0, start - 25), start):
            continue  # "flood relief operations", "a recovery operation": no security action
        if kind == "abduction" and (
            RESCUED_BEFORE.search(low, max(0, start - 45), start)
            or (HAD_BEFORE.search(low, max(0, start - 12), start) and SET_FREE.search(low))
            or (
                low[start:end] in _CAPTIVE_WORDS
                and _FREED_AFTER.match(low, end)
                and _CAPTIVE_BEFORE.search(low, max(0, start - 12), start)
            )
        ):
            continue  # "rescued two abducted engineers", "a kidnapped child was recovered"
        if (
            kind == "property_attack"
            and low.startswith(("damaged", "destroyed"), start)
            and _DAMAGED_THING.search(low, max(0, start - 8), start)
        ):
            continue  # "replacing the damaged pylons": what is damaged, not an attack
        if (
            kind == "armed_clash"
            and low[start:end] in _SUBJECTS
            and (verb := _SUBJECT_VERB.match(low, end)) is not None
        ):
            # "Militants attacked" as its evidence, though a property trigger may start at the
            # verb ("attacked a gas pipeline": the alternation leaves the verb to it)
            end = verb.end()
        found.append(Trigger(kind, start + offset, end + offset, text[start:end]))
    if len(found) > 1 and " who " in low and any(t.event_type == "arrest" for t in found):
        # "The two men who kidnapped the boy were arrested": the deed of those arrested, when
        # the arrest is the next trigger in the clause (not "Gunmen who stormed a school killed
        # two teachers; police later arrested two suspects")
        found = [
            t
            for i, t in enumerate(found)
            if not (
                i + 1 < len(found)
                and found[i + 1].event_type == "arrest"
                and ";" not in text[t.end - offset : found[i + 1].start - offset]
                and _WHO_BEFORE.search(low, max(0, t.start - offset - 40), t.start - offset)
            )
        ]
    return found


def _bomb_trade(low: str, start: int, end: int) -> bool:
    if BOMB_THING_AFTER.match(low, end):
        return True
    if low.startswith(_MATERIAL, start) and (
        _MATERIAL_FOUND.search(low, max(0, start - 40), start) or _SEIZED_AFTER.match(low, end)
    ):
        # "recovering explosives, detonators and literature", "recovering a hand grenade and a
        # pistol from his possession": material found, not a bomb planted ("found explosives
        # planted under a bridge")
        return _PLANTED_AFTER.match(low, end) is None
    before = low[max(0, start - 80) : start]
    return holds(before, BOMB_TRADE_CUES) and (
        BOMB_TRADE_BEFORE.search(before) is not None or BOMB_HELD_BEFORE.search(before) is not None
    )


def is_violent(text: str) -> bool:
    pattern, scanned = _VIOLENCE_SCAN.on(fold(text))
    return pattern.search(" " + scanned) is not None  # (see `char_before`)


_ALONG = re.compile(r"(?:along|across)\s+the\b")  # (a truce "along the LoC")
# Trigger words that name the attackers only (see `classify`).
_WHO_ONLY = re.compile(
    UNIDENTIFIED_GUNMEN + r"|motorcycle-borne|"
    r"armed\s+men\s+on(?:\s+(?:a\s+)?motorcycles?)?|"
    r"(?:insurgents?|militants?)\s+attack\w*"
)


def classify(
    triggers: list[Trigger],
    killed: int,
    arrested: int,
    civilian_target: bool,
    abducted: int = 0,
    forces_target: bool = False,
    people_dead: bool = False,
) -> tuple[str, float, list[Trigger]]:
    """The event type, a confidence in [0, 1] and the triggers that decided it. `people_dead`:
    the dead are told only as "people" (civilians for the type, see `roles.PEOPLE_WORDS`)."""
    by_type: dict[str, list[Trigger]] = {}
    for t in triggers:
        by_type.setdefault(t.event_type, []).append(t)
    # "Insurgents captured two soldiers": a capture word, but an abduction (its figure says so).
    if "arrest" in by_type and abducted > 0 and not arrested:
        by_type.setdefault("abduction", by_type.pop("arrest"))
    if "ceasefire_negotiation" in by_type and not (killed or arrested or abducted):
        # Talks or a truce with no one hurt: the fighting named is their background ("... but
        # will continue operations", "following a week of border fighting"), and a ceasefire
        # "along the Line of Control" is placed there, not fired across it.
        for background in ("armed_clash", "security_operation", "property_attack"):
            by_type.pop(background, None)
        if all(_ALONG.match(fold(t.text)) for t in by_type.get("cross_border_shelling", [])):
            by_type.pop("cross_border_shelling", None)
    # A ceasefire that is violated is shelling, not a negotiation.
    if "ceasefire_negotiation" in by_type and "cross_border_shelling" in by_type:
        del by_type["ceasefire_negotiation"]
    # Arrests alongside deaths are an operation; arrests alone are arrests.
    if "arrest" in by_type and killed > 0 and "security_operation" not in by_type:
        by_type["security_operation"] = by_type["arrest"]
    if "arrest" in by_type and killed == 0 and arrested > 0:
        # "during a security operation, the force detained three": the detention is the event.
        by_type.pop("security_operation", None)
        by_type.pop("armed_clash", None)
        # "arrested two men who torched a school"; but not "A mob burned 21 churches ... Police
        # arrested more than 100 people", where the arrests follow the attack
        if "property_attack" in by_type and by_type["arrest"][0].start < (
            by_type["property_attack"][0].start
        ):
            del by_type["property_attack"]
    if not killed:
        # Words that say who attacked, not what was done ("Unidentified gunmen torched six
        # NATO oil tankers", "Militants attacked a gas pipeline"): with no one killed they
        # yield to a type that says what was hit or done.
        for weak in ("targeted_killing", "armed_clash"):
            if (
                weak in by_type
                and len(by_type) > 1
                and all(_WHO_ONLY.fullmatch(fold(t.text)) for t in by_type[weak])
                and (weak == "targeted_killing" or "property_attack" in by_type)
            ):
                del by_type[weak]
    # "Unidentified gunmen attacked a passenger van": the words that say who yield to those that
    # say what was attacked, whoever was among the dead; so does a killing of three or more.
    if (
        "targeted_killing" in by_type
        and "attack_on_civilians" in by_type
        and (
            killed > 2
            or all(_WHO_ONLY.fullmatch(fold(t.text)) for t in by_type["targeted_killing"])
        )
    ):
        del by_type["targeted_killing"]  # (three or more shot dead: no one person targeted)
        if killed > 2 and abducted <= killed:  # "offloaded passengers ... shot dead 23"
            by_type.pop("abduction", None)
    # Civilians among the dead make a clash an attack on civilians, unless the forces were hit
    # too (an assault on a police headquarters or an airport).
    if (
        civilian_target
        and killed > 1
        and "armed_clash" in by_type
        and not forces_target
        # (civilians caught in "fighting between Afghan forces and the Taliban")
        and not any(_CROSSFIRE.match(fold(t.text)) for t in by_type["armed_clash"])
    ):
        by_type.setdefault("attack_on_civilians", by_type["armed_clash"][:1])
    # Three or more shot dead are an attack on civilians, not a targeted killing ("shot dead 23
    # passengers", "shot dead 23 people"), unless they were the forces.
    if (
        "targeted_killing" in by_type
        and killed > 2
        and (civilian_target or people_dead)
        and not forces_target
    ):
        by_type.setdefault("attack_on_civilians", by_type.pop("targeted_killing")[:1])
        if abducted <= killed:  # "Gunmen kill 14 after kidnapping them from buses"
            by_type.pop("abduction", None)
    chosen = next((t for t in PRIORITY if by_type.get(t)), "other")
    evidence = by_type.get(chosen, [])
    distinct = len(by_type)
    confidence = 0.4 + 0.15 * min(len(evidence), 2) + (0.15 if killed or arrested else 0.0)
    if distinct > 3:
        confidence -= 0.1
    if chosen == "other":
        confidence = 0.3
    return chosen, round(min(confidence, 0.95), 2), evidence
