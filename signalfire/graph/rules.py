"""The rules that read relations off a parsed sentence: one dispatch over trigger words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .lexicon import (
    ALLY_HYPHEN,
    ALLY_NOUNS,
    ALLY_VERBS,
    CEASEFIRE_NOUNS,
    DEFECTOR_NOUNS,
    FACTION_NOUNS,
    FIGHT_NOUNS,
    FIGHT_VERBS,
    FOUND_VERBS,
    JOIN_VERBS,
    MEDIATE_HYPHEN,
    MEDIATE_VERBS,
    PRONOUNS,
    RIVAL_NOUNS,
    SPLINTER_NOUNS,
    SPLIT_VERBS,
    TALK_NOUNS,
    TALK_VERBS,
    TARGET_KEYWORDS,
    TARGET_VERBS,
)
from .model import SYMMETRIC, TARGET_KINDS
from .parse import Mention, ParsedDoc, mention_of


def target_of(token: Any) -> Mention | None:
    text = " ".join(t.lower_ for t in token.subtree)
    for kind, words in TARGET_KEYWORDS:
        if any(re.search(r"\b" + re.escape(w), text) for w in words):
            return Mention("target:" + kind, TARGET_KINDS[kind])
    return None


def pairs(items: list[Any]) -> Iterator[tuple[Any, Any]]:
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            yield a, b


def apply_rules(d: ParsedDoc, token: Any) -> None:
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
            for a, b in pairs(parties):
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
            armed_objects = [a for a in objects if (m := mention_of(a)) and m.id != "civilians"]
            if any(t.lower_ in ("other", "another") for t in targets) or (
                not armed_objects and lemma in ("clash", "fight", "battle") and len(subjects) > 1
            ):
                for a, b in pairs(subjects):
                    d.add("fights", [a], [b], token)
            armed = [a for a in objects if mention_of(a) and mention_of(a).id != "civilians"]  # type: ignore[union-attr]
            if armed:
                d.add("fights", subjects, armed, token)
            elif lemma not in ("kill",):
                kinds = [m for t in targets if (m := target_of(t)) is not None]
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
                for a, b in pairs(subjects):
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
                for a, b in pairs(subjects):
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
                    for a, b in pairs(d.parties(noun)):
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
                d.add("claims", subjects, [Mention("event", event_name(token))], token)
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
            for a, b in pairs(between):
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
            armed = [a for a in objects if mention_of(a) and mention_of(a).id != "civilians"]  # type: ignore[union-attr]
            targets = [p for w in ("against",) for p in prep_objs.get(w, [])]
            if armed:
                d.add("fights", holders, armed, token)
            elif targets:
                kinds = [m for t in targets if (m := target_of(t)) is not None]
                d.add("targets", holders, kinds[:1], token)
            return
        their = any(c.dep_ == "poss" and c.lower_ == "their" for c in children)
        if objects and not holders and their and kind in SYMMETRIC:
            for a, b in pairs(objects):  # "their rivalry"
                d.add(kind, [a], [b], token)
        elif objects:
            d.add(kind, holders, objects, token)
        elif kind in SYMMETRIC and kind != "fights" and len(holders) > 1:
            for a, b in pairs(holders):
                d.add(kind, [a], [b], token)


def event_name(verb: Any) -> str:
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() != "responsibility":
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ == "for":
            return " ".join(t.text for p in c.children for t in p.subtree)
    return "an event"
