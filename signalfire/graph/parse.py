"""A parsed document for relation extraction: actor mentions merged into single tokens
before parsing, and what every rule asks of the parse (who a word stands for, subjects,
negation, hedges, speculation, dates)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .lexicon import (
    CONFIDENCE,
    COUNTRIES,
    DATE_WORDS,
    END_VERBS,
    GROUP_NOUNS,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    HEDGED_CONFIDENCE,
    MEMBER_NOUNS,
    MODEL,
    MONTHS,
    NEGATING_VERBS,
    RELATIVE_PRONOUNS,
    REPORT_VERBS,
    SPECULATIVE_MODALS,
    SPECULATIVE_VERBS,
    YEAR,
)
from .model import SYMMETRIC, actor_table, resolve_actor


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
def pipeline() -> Any:
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


def mention_of(token: Any) -> Mention | None:
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


class ParsedDoc:
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
                return [a for a in found if (m := mention_of(a)) and m.id != "civilians"]
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
                speakers = {m.id for a in self.subjects(t) if (m := mention_of(a))}
                said = {m.id for a in subjects if (m := mention_of(a))}
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
        years = [t for t in self.clause(token) if YEAR.match(t.text)]
        years.sort(key=lambda t: t.i)
        start: str | None = None
        end: str | None = None
        ending = any(
            t.lemma_.lower() in END_VERBS and not any(c.lower_ == "away" for c in t.children)
            for t in self.chain(token)[:3]
        )
        for n, year in enumerate(years):
            value, decade = YEAR.match(year.text).group(1, 2)  # type: ignore[union-attr]
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
            word = near if near in DATE_WORDS else (prep.lower_ if prep is not None else "")
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
        third_mention = mention_of(third) if third is not None else None
        for s in subjects:
            subject = mention_of(s)
            if subject is None or subject.id == "civilians":
                continue
            for o in objects:
                obj = o if isinstance(o, Mention) else mention_of(o)
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
