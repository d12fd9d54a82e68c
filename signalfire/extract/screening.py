"""Which sentences and events are political violence at all, beyond the trigger lexicon.

A sentence with a violent word but no trigger or figure (`event_types.weak_event`) reports an
event only when it names who, or where together with a word or party that means violence
(`weak_report`); natural deaths do not. An event with no perpetrator that tells of a disaster
or an accident is none (`mishap`). Fire from India is recognised here too: it places an event
on Pakistan's side of the Line of Control when no place is named. A killing that no trigger
word types takes its type from the roles (`type_from_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import ActorRole
from .natural_deaths import natural_death
from .roles import CIVILIAN_WORDS, NONSTATE_WORDS, STATE_WORDS
from .sentences import Sentence
from .textcase import fold, letter_first

INDIAN_FIRE = re.compile(
    r"\bIndian?\b[^.;]{0,30}?\b(?:shelling|firing|fire|artillery|mortar|troops|forces|army|"
    r"soldiers)\b|\b(?:shelling|firing|fire)\b[^.;]{0,20}?\bby\s+Indian?\b",
    re.IGNORECASE,
)
# Trigger-less violent sentences (`event_types.weak_event`): the words that say violence in
# any story, and the parties that make the other words ("attacked", "raid", "curfew") mean it.
CLEAR_VIOLENCE = re.compile(
    letter_first(
        r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|blasts?|bomb\w*|shell(?:s|ing|ed)|gunmen|"
        r"gunfire|gunned|ambush\w*|abduct\w*|kidnap\w*|martyr\w*|behead\w*|massacre\w*|"
        r"assassinat\w*|slain|victims?|murder\w*|dumped|bullet-riddled)\b"
    )
)
PARTY_WORDS = re.compile(
    letter_first(f"{STATE_WORDS.pattern}|{NONSTATE_WORDS.pattern}|{CIVILIAN_WORDS.pattern}")
)


def weak_report(s: Sentence) -> bool:
    """Whether a trigger-less sentence with a violent word reports an event: it names a group,
    or Indian fire (placed by `inferred_places.kashmir_front`), or a place together with a word
    that means violence in any story ("candidate, supporters killed in Karachi", "victims of
    the attack in X") or with a party ("Military pounds hideouts in Orakzai"; not "bowlers
    attacked early in Lahore", "curfew in Peshawar lifted")."""
    if natural_death(s.text):
        return False  # "Two prisoners died of natural causes in Peshawar jail"
    if s.actors or INDIAN_SHELLING.search(s.text):
        return True
    if not any(not m.key.startswith("country:") for m in s.places):
        return False
    low = fold(s.text)
    return bool(CLEAR_VIOLENCE.search(low) or PARTY_WORDS.search(low))


# Deaths from disasters and accidents: no event unless someone did it ("Floods killed 12 in
# Swat", "a bus fell into a ravine", "a gas cylinder exploded"; not "militants set fire to").
HAZARD = re.compile(
    letter_first(
        r"\b(?:floods?|flooding|flash\s+floods?|earthquakes?|quake|landslides?|landslips?|"
        r"avalanches?|heat\s*-?waves?|heavy\s+rains?|rain-related|storms?|cyclones?|lightning|"
        r"fire\s+broke\s+out|caught\s+fire|ravine|gorge|accident\w*|collaps\w+|drown\w*|"
        r"hard\s+landing|"
        r"stampede|electrocut\w*|food\s+poisoning|outbreak|epidemic|"
        # (not one brought down: "crashed after being hit by a rocket")
        r"crash(?:ed|es)?\b(?![^.;]{0,30}?\b(?:hit|shot|struck|targeted|attacked|fired\s+on)\b))\b"
    )
)
ACCIDENTAL_BLAST = re.compile(
    letter_first(
        r"\b(?:gas\s+cylinder|cylinder|boiler|gas\s+leak\w*|transformer|fireworks|"
        r"gas\s+pipeline\s+leak\w*)\b"
    )
)


# Crime that no party to the conflict commits: a family feud or a domestic dispute, robbers
# ("Robbers shot dead a shopkeeper"), an honour killing. Not a tribal land dispute: those
# clashes are in GED.
CRIME = re.compile(
    letter_first(
        r"\b(?:family\s+feuds?|(?:personal|old|family)\s+enmity|honou?r\s+killings?|"
        r"(?:domestic|marital|family|household)\s+(?:disputes?|quarrels?|rows?)|"
        r"robbers|robbery|dacoits?|dacoity|muggers|mugging|street\s+criminals)\b"
    )
)


def mishap(
    event_type: str,
    group: list[Sentence],
    forces: bool = False,
    document: Sequence[Sentence] = (),
) -> bool:
    """Whether an event with no perpetrator tells of a disaster, an accident or a crime. A
    fight of the state's `forces` with criminals is an event ("an encounter in which two
    dacoits were killed": ACLED codes police battles with gangs). An untyped toll that names
    no place of its own may follow the accident in the last two sentences of the `document`
    before it that report no event ("A helicopter crashed in Wardak. ... Three crew members
    died.")."""
    texts = [fold(s.text) for s in group]
    if any(CRIME.search(t) for t in texts):
        # (a kidnapping is violence whoever does it: ACLED codes gangs' abductions; and so
        # are arrests for one: "detained on charges of kidnapping and armed robbery")
        return not (
            event_type == "abduction"
            or (forces and event_type == "armed_clash")
            or (event_type == "arrest" and any(_KIDNAPPING.search(t) for t in texts))
        )
    if event_type == "other":
        # "a gas cylinder exploded": "exploded" is no bombing trigger, so the type is other
        if not any(s.places for s in group):
            earlier = [s for s in document if s.end <= group[0].start and not s.is_event]
            texts += [fold(s.text) for s in earlier[-2:]]
        return any(HAZARD.search(t) or ACCIDENTAL_BLAST.search(t) for t in texts)
    if event_type == "ied_bombing":
        return any(ACCIDENTAL_BLAST.search(t) for t in texts)
    if event_type == "property_attack":
        # "floods damaged bridges and schools", "a short circuit set the tower on fire"
        return any(HAZARD.search(t) or _ACCIDENTAL_FIRE.search(t) for t in texts)
    return False


_KIDNAPPING = re.compile(r"\b(?:kidnap|abduct)")
_ACCIDENTAL_FIRE = re.compile(
    letter_first(r"\b(?:short[\s-]+circuit\w*|sparks?|overturned|fire\s+brigades?)\b")
)


INDIAN_SHELLING = re.compile(
    r"\bIndian?\s+(?:cross-border\s+|border\s+)?(?:shelling|firing|fire|artillery|mortars?)\b|"
    r"\b(?:shelling|firing|fire)\b[^.;]{0,20}?\bby\s+Indian?\b",
    re.IGNORECASE,
)


# A sentence with actors but no violent word that still belongs to an event: a claim or a
# denial ("The TTP claimed responsibility"), or talks that open a report ("talks with
# representatives of the National Resistance Front ended without agreement").
_CLAIM_SENTENCE = re.compile(
    letter_first(
        r"\b(?:claim\w*|responsibility|suspect\w*|blamed|denied|involvement|behind\s+the)\b"
    ),
    re.IGNORECASE,
)
_TALKS = re.compile(r"\btalks\s+(?:with|between)\b")


def joins_event(text: str, opens_report: bool) -> bool:
    """Whether a sentence with actors and no violent word joins an event (see above)."""
    return bool(_CLAIM_SENTENCE.search(text) or (opens_report and _TALKS.search(text)))


# An attack told without its attacker ("two Levies personnel were martyred in an attack",
# "were attacked", "an attack on"), not a heart attack, one ruled out or a rumour of one.
_ATTACK_TOLD = re.compile(
    r"\b(?:in|during)\s+(?:[a-z'-]+\s+){0,4}?(?<!heart\s)attacks?\b|\b(?:was|were)\s+attacked\b|"
    r"\battacks?\s+(?:on|kills?|killed|left|leaves)\b"
)
_NO_ATTACK_BEFORE = re.compile(
    r"\b(?:ruling\s+out|ruled\s+out|rules\s+out|denied|no|not|fears?\s+of|rumou?rs?\s+of|"
    r"threats?\s+of)\s+(?:an?\s+|any\s+)?(?:[a-z-]+\s+)?$"
)


def attack_told(text: str) -> bool:
    """Whether a sentence tells of an attack (see `_ATTACK_TOLD`), not one denied or feared."""
    low = fold(text)
    return any(
        not _NO_ATTACK_BEFORE.search(low, max(0, m.start() - 30), m.start() + 3)
        for m in _ATTACK_TOLD.finditer(low)
    )


def type_from_roles(
    actors: list[ActorRole], people_killed: bool = False, attack_told: bool = False
) -> str | None:
    """The type of a killing no trigger word types ("Militants killed four soldiers"), from who
    did it to whom: non-state against state forces is a clash (the taxonomy's attack on a post
    or patrol), and so are forces killed "in an attack" by someone not named (`attack_told`);
    state forces against a group an operation, anyone (or an attack told) against civilians an
    attack on civilians (also a group's killing of three or more "people", `people_killed`,
    with no force hit); None when the roles do not say."""
    perpetrators = {a.kind for a in actors if a.role == "perpetrator"}
    targets = {a.kind for a in actors if a.role == "target"}
    nonstate = {k for k in perpetrators | targets if k not in {"state_force", "civilians"}}
    if "civilians" in targets and (perpetrators or attack_told):
        return "attack_on_civilians"
    if "state_force" in targets and (nonstate & perpetrators or (attack_told and not perpetrators)):
        return "armed_clash"
    if "state_force" in perpetrators and nonstate & targets:
        return "security_operation"
    if people_killed and nonstate & perpetrators and "state_force" not in targets | perpetrators:
        return "attack_on_civilians"  # "Gunmen kill 3 people": three or more, no force hit
    return None


def talks_only(group: list[Sentence]) -> bool:
    """Whether the sentences report talks or a truce and nothing violent (such an event takes
    no place from the dateline: talks reported from a capital are not held there for that)."""
    kinds = {t.event_type for s in group for t in s.triggers}
    return kinds == {"ceasefire_negotiation"} and not any(s.counts for s in group)
