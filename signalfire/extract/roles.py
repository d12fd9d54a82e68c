"""Who did what to whom: perpetrator and target roles of the actors in an event's sentences.

Rules, applied per sentence, first match wins:
1. denial: "<actor> denied (any) responsibility / involvement", "<actor> rejected claims" ->
   role "other", claim "denied" (a denial never makes a perpetrator);
2. claim: "<actor> claimed responsibility", "claimed by <actor>", "<actor> said it carried out",
   a headline's "<actor> claim (deadly) attack" (not "did not claim", "claim that", "claim to")
   -> perpetrator, claim "claimed"; a claim or denial later in the sentence is not the victims'
   ("five soldiers killed in Bannu, TTP claims responsibility": the soldiers claim nothing);
3. attribution: "suspected <actor>", "blamed <actor>", "<actor> is suspected/believed",
   "alleged <actor>", "killed by suspected <actor>" -> perpetrator, claim "suspected"; but not
   when the suspected are what a violent verb acts on ("police killed three suspected
   militants", "six suspected militants killed", "arrested a suspected TTP commander": the
   suspicion is what the victims are said to be), nor when "suspected" belongs to another noun
   ("two alleged attackers killed by security forces");
4. victims: an actor inside the victim phrase of a casualty figure ("13 TTP militants were
   killed") or after "against/on/targeting" -> target;
5. agency: "by <actor>" -> perpetrator; a later clause's subject doing an attack verb ("three
   policemen were killed when TTP militants attacked", "... killed as forces raid hideouts")
   and the owner of the attack ("killed in a TTP attack", "in a military operation") ->
   perpetrator, before rule 4 (the earlier verb's victims do not reach over them); an actor
   before the sentence's first violent verb in an active clause ("TTP militants attacked") ->
   perpetrator; after it -> target.

Generic words stand in for actors when no group is named: "security forces", "troops",
"police" -> the state forces of the event's country; "militants", "insurgents", "terrorists" ->
an unidentified armed group (a Baloch one when the words say "Baloch"), never a guessed group:
"who is behind it" is what analysts read these events for, and a text that names nobody must
not credit the TTP or the Taliban. Like ACLED's "Unidentified Armed Group (...)", these ids are
not in the actor table, and the actor graph counts them for nobody. All are marked
`named=False`; civilians nouns -> civilians (`generic_actors.py`, which also tells whether an
event's victims are civilians).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .alternation import by_first_letter
from .attribution import (
    AMONG_VICTIMS_AFTER,
    APPOSITIVE,
    ATTRIBUTED_AFTER,
    ATTRIBUTED_BEFORE,
    BACKGROUND_BEFORE,
    CLASH_BETWEEN_BEFORE,
    CONDEMNATION,
    CONFIRMED_FATE,
    DEFENDED_AFTER,
    DEFENDED_BY,
    DEFENDERS_ACT,
    DESCRIBES_AFTER,
    DESCRIBES_BEFORE,
    MEMBER_BEFORE,
    MEMBER_VICTIMS_AFTER,
    OTHER_ACT_AFTER,
    OWN_OPERATION_REST,
    SELF_REPORT_REST,
    SENTENCE_CUES,
    STANCE_AFTER,
    STANCE_CUES,
    SUPPLIES_AFTER,
    SUPPLIES_BEFORE,
    SentenceCues,
)
from .casualties import Count
from .clauses import later_subject, object_of_verb, suspect_object, victims_of
from .event_types import char_before
from .forces import (
    ATTACK_CUES,
    OWN_ATTACK,
    cued,
)
from .model import ActorRole
from .textcase import Scanner, cased_twin, fold, letter_first, on_demand, twin_applies

_DENIAL = re.compile(
    letter_first(
        r"\b(?:denied|denies|deny|denying|rejected|rejects|distanced\s+\w+)\b[^.;]{0,40}?"
        r"\b(?:responsibility|involvement|role|claims?|link|hand)\b|"
        r"\b(?:had|has|have)\s+(?:had\s+)?no\s+(?:hand|role|involvement)\b|\bnot\s+involved\b|"
        # "denied carrying out Friday's blast"
        r"\b(?:denied|denies|deny|denying)\s+(?:carrying\s+out|conducting|staging|launching|"
        r"being\s+behind|any\s+part)\b"
    ),
    re.IGNORECASE,
)
_CLAIM = re.compile(
    letter_first(
        # Not "claims that ...": an assertion ("claims that the army's attack killed ...").
        r"\b(?:claimed|claims|claiming|accepted|owned)\b(?!\s+that\b)[^.;]{0,25}?\b"
        r"(?:responsibility|"
        r"(?:the\s+|an?\s+)?(?:\w+\s+)?(?:attack|bombing|blast|killing|assault|ambush)s?|credit|"
        r"it)\b|\bresponsibility\s+(?:was\s+)?claimed\b|"
        # Headlines' "claim" ("Taliban claim deadly assault"), right before what is claimed and
        # not negated: not "did not claim the attack", "claim to have foiled", "claim such".
        # ("claimed by" after a mention is no claim of its own: "soldiers killed in an attack
        # claimed by the TTP"; the TTP's mention has `_CLAIMED_BY` before it.)
        r"\b(?<!not\s)(?<!never\s)(?<!n't\s)claim\s+(?:responsibility|credit|(?:the\s+|an?\s+)?"
        r"(?!such\b)(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|killing|assault|ambush)s?)\b"
    ),
    re.IGNORECASE,
)
_SUSPECT = re.compile(
    letter_first(
        r"\b(?:suspected|suspect|blamed|blames|blaming|believed|alleged|allegedly|accused|"
        r"suspicion)\b"
    ),
    re.IGNORECASE,
)
_VIOLENT_VERB_WORDS = (
    r"(?:kill\w*|attack\w*|bomb\w*|shot|shoot\w*|fired|ambush\w*|abduct\w*|kidnap\w*|"
    r"arrest\w*|detain\w*|captur\w+|struck|strike\w*|raid\w*|storm(?:ed|ing)?|target\w*|clash\w*|"
    r"blew|hit|pounded|shelled|assassinat\w+|gunned|executed|beheaded|seized|wounded|injured|"
    r"opened(?=\s+fire)|assault(?:ed|ing)|assaults?(?=\s+on\b)|"  # (not "assault rifles")
    # what is done to property: "militants torched a tower", "set a school on fire"
    r"torch\w*|destroy\w*|damag(?:ed|ing|es)|sabotag\w+|blown|lobbed|burnt|burned|"
    r"set(?:s|ting)?(?=\s+(?:(?:[a-z'-]+\s+){0,4}?(?:on\s+fire|ablaze|alight)|fire\b)))\b"
)
# (run on case-folded text; regrouped by first letter: see alternation.py)
_VIOLENT_VERB_SOURCE = letter_first(by_first_letter(_VIOLENT_VERB_WORDS))
_TARGET_PREP = re.compile(
    r"\b(?:against|on|targeting|targeted|at|hideouts?\s+of|positions\s+of)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_SPEAKER = re.compile(
    r"^\s*(?:officials?\s+|sources\s+|spokesm[ae]n\s+)?(?:said|say|says|told|added|confirmed|"
    r"reported|quoted)\b",
    re.IGNORECASE,
)
# "The army said it had killed 10 terrorists", "the TTP said they carried out": a side telling
# of its own act is its perpetrator, not a mere source.
_SELF_REPORT = re.compile(
    r"^\s*(?:said|says|stated|announced|confirmed|reported)\s+(?:in\s+a\s+statement\s+)?"
    r"(?:that\s+)?(?:it|they|its|their)"
    r"\s+(?:\w+\s+)?(?:had|have|has)?\s*(?:\w+\s+)?(?:killed|detained|arrested|captured|"
    r"carried\s+out|attacked|targeted|shot|bombed|conducted|launched|destroyed|responsible|"
    r"behind|torched|set|blown|blew|damaged|sabotaged)\b",
    re.IGNORECASE,
)
# (words that may stand between "by" and a force: "by a combined Afghan and coalition force")
_AGENT_MODIFIERS = (
    r"(?:(?:suspected|alleged|combined|joint|coalition|afghan|pakistani|international|special|"
    r"local|unknown|unidentified|armed|foreign|nato|isaf|us)\s+){0,3}"
)
_BY = re.compile(
    rf"\bby\s+(?:the\s+|an?\s+)?{_AGENT_MODIFIERS}"
    # the second of two agents: "killed by Afghan forces and ISAF"
    r"(?:(?:(?!in\b|at\b|on\b|near\b|during\b|after\b|while\b)[a-z'-]+\s+){1,5}and\s+"
    rf"(?:the\s+)?{_AGENT_MODIFIERS})?$",
    re.IGNORECASE,
)
# Whose a place is, not who acted: "caves used by Islamic State", "a compound run by the
# Haqqanis" (but "a motorcycle used by the attackers" leaves them the attackers).
_HELD_BY = re.compile(
    r"\b(?:caves?|compounds?|hideouts?|houses?|tunnels?|bases?|madrasa[hs]?|seminar(?:y|ies)|"
    r"camps?|positions?|buildings?|cent(?:re|er)s?|networks?\s+of\s+caves)\s+(?:[a-z-]+\s+)?"
    r"(?:used|run|owned|controlled|operated|frequented|occupied|manned)\s+by\s+(?:the\s+|an?\s+)?"
    r"(?:[a-z'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CLAIMED_BY = re.compile(r"\bclaimed\s+by\s+(?:the\s+)?$")
_ANY_CASE = {
    "speaker": _SPEAKER, "denial": _DENIAL, "claim": _CLAIM, "suspect": _SUSPECT, "by": _BY,
    "target_prep": _TARGET_PREP,
}  # fmt: skip
_TWINS = {name: cased_twin([pattern]) or pattern for name, pattern in _ANY_CASE.items()}
# Substrings every match of these patterns holds: a cheap `in` test before the search, which
# runs for every mention. Over folded text only: the case-insensitive originals also match the
# odd characters `fold` keeps (see textcase.twin_applies), so only the twins are gated.
_CUES = {
    "denial": ("den", "reject", "distanced", "hand", "role", "involv"),
    "claim": ("claim", "accepted", "owned"),
    "suspect": ("susp", "blam", "believed", "alleged", "accused"),
    "by": ("by",),
    "target_prep": ("on", "at", "of", "against", "target"),
}
_SAME_CLAUSE = re.compile(r"^[^.;,]{0,40}$")
_PASSIVE = re.compile(r"\b(?:was|were|been|got|being)\b(?!\s+\w+ing\b)")  # not "were operating"
# "An ISAF service member died following an insurgent attack": the dead, not the attackers.
_DIED = re.compile(r"\b(?:died|dies|martyred|slain)\b")
_PASSIVE_CUES, _DIED_CUES = ("was", "were", "been", "got", "being"), ("die", "martyred", "slain")
_RELATIVE = re.compile(r",\s*(?:which|who)\b", re.IGNORECASE)

STATE_WORDS = re.compile(
    r"\b(?:security\s+forces|security\s+personnel|troops|soldiers?|army|military|"
    r"police(?:m[ae]n)?|paramilitar(?:y|ies)|frontier\s+corps|levies|law\s+enforcement\s+agencies|"
    r"commandos|jet\s+fighters|jets|war\s*planes|gunships?|personnel|cops?|jawans?|troopers?|"
    r"forces|security\s+force|fc|"
    # the forces' posts stand for them: "fired rockets at a checkpost"
    r"check-?\s?posts?|checkpoints?|outposts?)\b",
)
NONSTATE_WORDS = re.compile(
    r"\b(?:militants?|insurgents?|terrorists?|rebels?|gunmen|extremists|jihadists|miscreants|"
    r"attackers?|assailants|(?<!jet\s)fighters|bombers?|separatists|outlaws|armed\s+men)\b",
)
CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|villagers?|passengers|worshippers|students|schoolchildren|children|"
    r"pilgrims|bystanders|passers-by|shoppers|mourners|kashmiris|labou?rers?|deminers|"
    r"(?:aid|health|polio|humanitarian)\s+workers|vaccinators|tourists|worshipers|climbers|"
    r"mountaineers|trekkers|teachers|(?:coal\s+)?miners|members\s+of\s+(?:a|one|the\s+same)\s+family|"
    # a faith or community ("kill 4 Shias"), a family, travellers
    r"shias?|shi['’]?ites?|christians|hindus|sikhs|ahmadis|hazaras|family\s+members|relatives|"
    r"members\s+of\s+the\s+(?:hazara|shia|shiite|christian|hindu|sikh|ahmadi)\b|"
    r"commuters|travell?ers|guests|workers|employees|"
    r"members\s+of\s+(?:an?\s+|the\s+)?(?:medical|health|aid|polio|vaccination|demining)\s+"
    r"(?:[a-z]+\s+)?teams?)\b",
)
# The unnamed dead ("Gunmen kill 3 people", "shot dead 23 people from Punjab"): civilians for
# the event's type when a group killed three or more and no force was hit, but not named as
# an actor ("a drone strike kills four people" does not say who they were).
PEOPLE_WORDS = re.compile(r"\b(?:people|persons)\b")
COALITION_WORDS = re.compile(
    letter_first(
        r"\b(?:coalition|isaf|nato|u\.?s\.?[-\s]led|combined\s+force|afghan\s+and\s+coalition|"
        r"international\s+security\s+assistance\s+force)\b"
    ),
)

# State forces, which confirm their own operation's result (see `CONFIRMED_FATE`).
_STATE_IDS = frozenset({"nato_isaf", "usa_military", "afg_military", "pak_military"})
# The coalition, whose supplies contractors truck (see `SUPPLIES_AFTER`).
_SUPPLIED = frozenset({"nato_isaf", "usa_military"})
# (the cues of a nation's attack and of a stance as well: `OWN_ATTACK`'s and `STANCE_AFTER`'s
# matches hold them)
SENTENCE = SentenceCues({**SENTENCE_CUES, "attack": ATTACK_CUES, "stance": STANCE_CUES})

STATE_OF = {"PAK": "pak_military", "AFG": "afg_military", "IND": "ind_military"}


@dataclass(frozen=True)
class ActorMention:
    actor_id: str
    start: int  # absolute character offsets
    end: int
    text: str
    named: bool = True


def _search(p: dict[str, re.Pattern[str]], name: str, text: str) -> re.Match[str] | None:
    """`p[name].search(text)`, skipped where the twins' text holds none of the cues."""
    if p is _TWINS:
        for cue in _CUES[name]:  # (`cued` inline: this runs ~5 times per mention)
            if cue in text:
                return p[name].search(text)
        return None
    return p[name].search(text)


def _others(low_after: str, at: int, attacked: bool, verbs: list[tuple[int, int]], e: int) -> bool:
    """Whether a claim or denial `at` characters into `low_after` (the text after a mention
    ending at `e`) is another's: past a ";", or past a "," or a verb after "the attack on X"."""
    gap = low_after[:at]
    return ";" in gap or (attacked and ("," in gap or any(e < v[0] < e + at for v in verbs)))


def violent_verbs(sentence: str, low: str | None = None) -> list[tuple[int, int]]:
    """Spans of the violent verbs of a sentence (computed once, used for each actor); `low`
    is `fold(sentence)` when the caller has it."""
    pattern, scanned = _VIOLENT_VERB_SCAN.on(fold(sentence) if low is None else low)
    # (its matches end with a word character: a plain `finditer`, see `char_before`)
    return [(m.start(), m.end() - 1) for m in pattern.finditer(" " + scanned)]


def role_of(
    mention: ActorMention,
    sentence: str,
    sent_start: int,
    victims: list[Count],
    verbs: list[tuple[int, int]] | None = None,
    low: str | None = None,
) -> tuple[str, str]:
    """(role, claim) of one actor mention in its sentence (`low`: the sentence folded)."""
    s, e = mention.start - sent_start, mention.end - sent_start
    # The case-insensitive patterns run case-sensitively over folded text where that is the
    # same (see textcase.cased_twin): 2-4x faster.
    low = fold(sentence) if low is None else low
    if twin_applies(low):
        p, low_after, low_before = _TWINS, low[e : e + 80], low[max(0, s - 60) : s]
    else:
        p, low_after, low_before = _ANY_CASE, sentence[e : e + 80], sentence[max(0, s - 60) : s]
    if p["speaker"].match(low_after):
        if _SELF_REPORT.match(sentence[e : e + 80]):
            return "perpetrator", "claimed"
        return "other", ""  # "police said", "officials told": a source, not a side
    if verbs is None:
        verbs = violent_verbs(sentence, low)
    if " among " in low[e : e + 40] and AMONG_VICTIMS_AFTER.match(low, e):
        return "target", ""  # "FC man among three killed in Quetta blast"
    if low.endswith(("according to ", "according to the "), 0, s):
        return "other", ""  # "According to ISPR, terrorists fired on a post": a source
    if (
        mention.actor_id in _SUPPLIED
        and SENTENCE.has(low, "supplies")
        and (SUPPLIES_AFTER.match(low, e) or SUPPLIES_BEFORE.search(low, max(0, s - 40), s))
    ):
        return "other", ""  # "torched NATO oil tankers": a contractor's vehicles, not a side
    defended = DEFENDED_AFTER.match(low, e) if verbs and SENTENCE.has(low, "defended") else None
    if defended is not None and not any(
        v[0] >= defended.end() and low.startswith(DEFENDERS_ACT, v[0]) for v in verbs
    ):
        # "Security forces repulsed a Taliban attack": attacked; "police defused a bomb": no
        # side; but "troops repulse attacks, kill 40 militants" did the killing
        return ("target" if defended.group("fended") else "other"), ""
    if low.startswith("-led", e) or (
        not mention.named and SENTENCE.has(low, "attack") and OWN_ATTACK.match(low, e)
    ):
        # "an Afghan-led operation": who leads it; "as a result of Indian firing": whose it is
        return "perpetrator", ""
    near = max(0, s - 60)
    # (cheap substring gates before the searches of the words before: this runs per mention)
    win = low[near:s]
    of_to_with = " of " in win or " to " in win or "with " in win or "from " in win
    if (
        SENTENCE.has(low, "describes")
        and (
            DESCRIBES_AFTER.match(low, e) or (of_to_with and DESCRIBES_BEFORE.search(low, near, s))
        )
    ) or (
        ("after " in win or "before " in win or "since " in win)
        and BACKGROUND_BEFORE.search(low, near, s)
    ):
        return "other", ""  # "JuA, a TTP splinter group, ...", "a day after Taliban attacks"
    # (the text after the mention, folded where the twins run; sliced only where needed)
    src = low if p is _TWINS else sentence
    # (STANCE_HINT's test as substring tests, 3x cheaper than its search of the window)
    stance = (
        STANCE_AFTER.match(low, e, e + 80)
        if SENTENCE.has(low, "stance") and cued(low[e : e + 80], STANCE_CUES)
        else None
    )
    if (
        stance
        and not any(e <= v[0] < stance.end() for v in verbs)
        and not object_of_verb(low, s, verbs)
    ):
        if SELF_REPORT_REST.match(low, stance.end()):
            return "perpetrator", "claimed"  # "the TTP said its fighters attacked"
        if OWN_OPERATION_REST.match(low, stance.end()) or (
            mention.actor_id in _STATE_IDS
            and "confirm" in stance.group()
            and CONFIRMED_FATE.match(low, stance.end())
        ):
            return "perpetrator", ""  # "ISAF confirmed the capture of", "ISAF Confirms Taliban
            # Leader Killed" (a force confirms its own operation's result)
        if CONDEMNATION.search(stance.group()) and _search(p, "denial", src[e : e + 140]):
            return "other", "denied"  # "condemned the bombing ... and denied any role"
        return "other", ""  # "condemned the attack", "blamed the LeJ", "spokesman ... said"
    member = MEMBER_BEFORE.search(low, max(0, s - 50), s) if of_to_with else None
    if (
        member
        and (
            MEMBER_VICTIMS_AFTER.match(low, e)
            # (a verb, not "bomber": "the bomber belonged to JuA" names his group)
            or object_of_verb(
                low, member.start(), [v for v in verbs if low[v[1] - 2 : v[1]] != "er"]
            )
        )
    ):
        return "target", ""  # "killed six members of the army", "men linked to X were held"
    # A claim or denial after the victims is another's: "five soldiers killed in Bannu, TTP
    # claims responsibility" (so only checked where one is found).
    # "The attack on Afghan forces killed 9 soldiers; the Taliban claimed it": the attacked
    # and the claimant (or denier) are on either side of a verb or clause break.
    attacked = _search(p, "target_prep", low_before[-25:]) is not None  # "the attack on X"

    denial = _search(p, "denial", low_after[:70])
    if (
        denial
        and not _others(low_after, denial.start(), attacked, verbs, e)
        and not victims_of(low, s, e, verbs)
    ):
        return "other", "denied"
    claim = _search(p, "claim", low_after[:60])
    if claim is None and "," in low_after[:50]:
        # further only past an appositive: "BRAS, an alliance of ..., claimed"
        far = src[e : e + 90]
        claim = _search(p, "claim", far)
        if claim and not APPOSITIVE.match(far, 0, claim.start()):
            claim = None
    if claim and not victims_of(low, s, e, verbs):
        if _RELATIVE.search(low_after[: claim.start()]) and _search(
            p, "denial", src[e + claim.end() : e + 140]
        ):
            # "The TTP, which claimed last year's attack, denied carrying out Friday's blast"
            return "other", "denied"
        if not _others(low_after, claim.start(), attacked, verbs, e):
            return "perpetrator", "claimed"
    if sentence.find("claimed", near, s) >= 0 and _CLAIMED_BY.search(sentence[near:s]):
        return "perpetrator", "claimed"
    suspicion = (
        _search(p, "suspect", low_before[-30:]) is not None and not _elsewhere(low, s)
    ) or (
        (" of " in win or " on " in win)
        and ATTRIBUTED_BEFORE.search(low, max(0, s - 40), s) is not None
    )
    next_words = low[e : e + 40]
    attributed = (
        " is " in next_words or " are " in next_words or " was " in next_words
        or " were " in next_words or " been " in next_words
    ) and ATTRIBUTED_AFTER.match(low, e, e + 80) is not None  # fmt: skip
    if (suspicion or member or attributed) and not suspect_object(low, s, e, verbs):
        return "perpetrator", "suspected"
    if "between " in win and CLASH_BETWEEN_BEFORE.search(low, near, s):
        return "perpetrator", ""  # side A of "clashes between A and B" (B is the target)
    by = _search(p, "by", low_before) and not _HELD_BY.search(low_before)
    if not by and later_subject(low, s, e, verbs):
        return "perpetrator", ""
    for c in victims:
        if c.start <= mention.start and mention.end <= c.end + 40 and c.category != "arrested":
            inside_phrase = mention.end <= c.end or _SAME_CLAUSE.match(sentence[
                c.end - sent_start : mention.start - sent_start
            ])  # fmt: skip
            if inside_phrase and not by:
                return "target", ""
    if by:
        fended = (
            DEFENDED_BY.search(low, max(0, s - 60), s) if SENTENCE.has(low, "defended") else None
        )
        if fended is not None:  # "the attack was repulsed by Afghan soldiers"
            return ("other" if fended.group().startswith(("foil", "thwart", "defus")) else
                    "target"), ""  # fmt: skip
        return "perpetrator", ""
    if attacked:
        return "target", ""
    verbs_before = [v for v in verbs if v[1] <= s]
    verb_after = next((v for v in verbs if v[0] >= e), None)
    if verb_after is not None and not verbs_before:
        # Subject position: "TTP militants attacked"; but "militants were killed" is passive.
        between = sentence[e : verb_after[0]]
        # (each gate: a substring all of the pattern's matches hold)
        if (cued(between, _PASSIVE_CUES) and _PASSIVE.search(between)) or (
            cued(between, _DIED_CUES) and _DIED.search(between)
        ):
            return "target", ""
        return "perpetrator", ""
    if verbs_before:
        if OTHER_ACT_AFTER.match(low, e):
            return "other", ""  # "..., adding that the TTP had threatened him"
        return "target", ""
    return "other", ""


# "suspected"/"alleged" as an adjective of another noun: "two alleged attackers killed by
# security forces" says nothing of the security forces.
_ADJECTIVE_AT = re.compile(r"\b(?:suspected|suspect|alleged)\s+((?:[\w'-]+\s+){0,8})$")
_NOT_IN_A_NAME = re.compile(
    rf"\b(?:{_VIOLENT_VERB_SOURCE}|by|in|at|on|of|from|with|and|were|was)\b"
)


def _elsewhere(low: str, start: int) -> bool:
    """Whether the suspicion word just before the mention at `start` is an adjective of
    another noun phrase: a verb or preposition lies between them, or more than two words."""
    before = _ADJECTIVE_AT.search(low, max(0, start - 30), start)
    if before is None:
        return False  # "blamed", "believed", "linked to": said of whatever follows
    gap = before.group(1)
    return len(gap.split()) > 2 or _NOT_IN_A_NAME.search(gap) is not None


_ROLE_RANK = {("perpetrator", "claimed"): 5, ("perpetrator", "suspected"): 4,
              ("perpetrator", ""): 3, ("target", ""): 2, ("other", "denied"): 1,
              ("other", ""): 0}  # fmt: skip


def merge_roles(roles: list[ActorRole]) -> list[ActorRole]:
    """One role per actor: the strongest seen (claimed > suspected > stated > target > other),
    but a denial by a group keeps it off the perpetrator list unless it is also claimed, and
    civilians are nobody's perpetrator ("a plane took off with 150 passengers and crashed")."""
    best: dict[str, ActorRole] = {}
    ranks: dict[str, float] = {}  # (of the best, kept rather than computed again per role)
    denied = {r.actor_id for r in roles if r.claim == "denied"}
    for r in roles:
        if r.actor_id in denied and r.role == "perpetrator" and r.claim != "claimed":
            r = ActorRole(r.actor_id, r.name, "other", r.kind, "denied", r.named)
        elif r.kind == "civilians" and r.role == "perpetrator":  # (as in UCDP and ACLED: only
            r = ActorRole(r.actor_id, r.name, "other", r.kind, "", r.named)  # ever victims)
        rank = _ROLE_RANK.get((r.role, r.claim), 0) + (0.5 if r.named else 0)
        if rank > ranks.get(r.actor_id, -1.0):  # (every rank is >= 0)
            best[r.actor_id], ranks[r.actor_id] = r, rank
    values = list(best.values())
    # A named perpetrator makes a generic one ("the bomber" -> an unidentified group) redundant.
    if any(r.named and r.role == "perpetrator" and r.kind != "state_force" for r in values):
        values = [
            r for r in values if r.named or r.role != "perpetrator" or r.kind == "state_force"
        ]
    return sorted(values, key=lambda r: ("perpetrator", "target", "other").index(r.role))


_VIOLENT_VERB_SCAN = Scanner(char_before(_VIOLENT_VERB_SOURCE))


def __getattr__(name: str) -> re.Pattern[str]:
    # (`_VIOLENT_VERB` itself only the tests search with)
    return on_demand({"_VIOLENT_VERB": _VIOLENT_VERB_SOURCE}, globals(), name)
