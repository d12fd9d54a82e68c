"""The extraction shortcuts taken for speed give what the slow ways gave.

- the rule pass on token arrays = spaCy's sentencizer + two EntityRulers (LOWER, then ORTH);
- the tokenizer, its cache filled one chunk at a time, splits as a fresh one; the model loaded
  without building the default tokenizer first has the same tokenizer;
- `cased_twin` over folded text = the case-insensitive patterns over the original;
- the first-letter look-ahead (`letter_first`) changes no match;
- an event's date, looked for sentence by sentence up to the first that has one, is the first
  of all its sentences' dates.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract import (
    casualty_patterns,
    dates,
    event_types,
    generic_actors,
    grouping,
    pipeline,
    roles,
    screening,
    trigger_words,
)
from signalfire.extract.nlp import Pipelines, rule_pass
from signalfire.extract.textcase import (
    Scanner,
    cased_twin,
    first_chars,
    fold,
    letter_first,
    twin_applies,
)

spacy = pytest.importorskip("spacy")

# -- the rule pass --------------------------------------------------------------------------
ACTOR_PATTERNS = [
    {"label": "ACTOR", "pattern": p, "id": i}
    for p, i in [
        ("Pakistan Army", "pak_military"),
        ("Army", "army"),
        ("Tehrik-i-Taliban Pakistan", "ttp"),
        ("Taliban", "afg_taliban"),
        ("Pakistani Taliban", "ttp"),
        ("Islamic State Khorasan", "iskp"),
        ("Islamic State", "is"),
    ]
]
PLACE_PATTERNS = [
    {"label": label, "pattern": p, "id": i}
    for label, p, i in [
        ("ACTOR", "TTP", "ttp"),
        ("ACTOR", "IS-K", "iskp"),
        ("COUNTRY", "Pakistan", "PAK"),
        ("COUNTRY", "Pakistani", "PAK"),
        ("PLACE", "Swat", "swat"),
        ("PLACE", "Swat Valley", "swat valley"),
        ("PLACE", "Khan", "khan"),
        ("PLACE", "Dera Ismail Khan", "dera ismail khan"),
        ("PLACE", "Ismail", "ismail"),
        ("PLACE", "Khyber", "khyber"),
        ("PLACE", "Khyber Pakhtunkhwa", "khyber pakhtunkhwa"),
        ("PLACE", "Pakhtunkhwa", "kp"),
        ("PLACE", "Army", "army_town"),
    ]
]
WORDS = [
    *(p["pattern"] for p in ACTOR_PATTERNS + PLACE_PATTERNS),
    "pakistan army", "TALIBAN", "swat", "Mr.", "U.S.", "Gen.", "Dr", "killed", "in", "the",
    "attack", "3", "12,000", "a.m.", "km", "(", ")", '"', "'s", "—",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ". ", "! ", "? ", "... ", ".", ", ", "\n", "\n\n", " \n \n", "!?"]


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def reference(blank: Any) -> Any:
    """The components the rule pass replaces, on the same tokenizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", name="actors", config={"phrase_matcher_attr": "LOWER"})
    nlp.get_pipe("actors").add_patterns(ACTOR_PATTERNS)
    nlp.add_pipe("entity_ruler", name="places", config={"phrase_matcher_attr": "ORTH"})
    nlp.get_pipe("places").add_patterns(PLACE_PATTERNS)
    return nlp


@pytest.fixture(scope="module")
def fast(blank: Any) -> Pipelines:
    pipes = rule_pass(blank)
    pipes.add_patterns(pipes.actor_matcher, ACTOR_PATTERNS)
    pipes.add_patterns(pipes.place_matcher, PLACE_PATTERNS)
    return pipes


def _same_rule_pass(reference: Any, fast: Pipelines, text: str) -> None:
    from spacy.attrs import SENT_START

    expected = reference(text)
    got = fast.rules([text])[0]
    assert got.sentences == [(s.start_char, s.end_char) for s in expected.sents]
    before = [expected[e.start - 1].lower_ if e.start else "" for e in expected.ents]
    assert got.entities == [
        (e.label_, e.ent_id_, e.start_char, e.end_char, b)
        for e, b in zip(expected.ents, before, strict=True)
    ]
    if len(expected):
        sentenced = got.sentenced()
        assert sentenced.to_array([SENT_START]).tolist() == expected.to_array([SENT_START]).tolist()


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "...",
        "Pakistan Army troops killed 3 TTP militants in Swat Valley. Pakistani Taliban denied it!",
        "Mr. Khan of Dera Ismail Khan said a U.S. strike hit Khyber Pakhtunkhwa.\n\nIS-K did it",
        "The army of Pakistan. Army. ARMY? pakistan army!! Islamic State Khorasan, Islamic State.",
        '?Swat! (Swat.) "Swat." Swat...Khan',
    ],
)
def test_rule_pass_matches_sentencizer_and_entity_rulers(
    reference: Any, fast: Pipelines, text: str
) -> None:
    _same_rule_pass(reference, fast, text)


@settings(max_examples=150)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30))
def test_rule_pass_matches_on_generated_text(
    reference: Any, fast: Pipelines, parts: list[tuple[str, str]]
) -> None:
    _same_rule_pass(reference, fast, "".join(w + sep for w, sep in parts))


# -- the tokenizer cache filled chunk by chunk --------------------------------------------------
CHUNKS = [
    *WORDS, "Oct.", "Kabul,", "(Swat", "killed.", "don't", "we're", "Taliban's", "3-4", "U.S.-led",
    "2011)", '"Swat,"', "e.g.", ":)", "12:30", "co-operation", "Khyber-Pakhtunkhwa", "NWFP.",
    "cannot", "Gonna", "Hes", "Id", "Kandahar", "Nangarhar", "insurgents", "Ningarhar",
    "(Col.", "leader.", "Dont,", "Mr.)", "forces’", "(Hes", "Gonna.", "Qalat-",
]  # fmt: skip


@pytest.fixture(scope="module")
def plain() -> Any:
    return spacy.blank("en")


def _tokens(doc: Any) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(CHUNKS), st.sampled_from(SEPARATORS)), max_size=30))
def test_tokenize_with_filled_cache_splits_as_spacy(
    fast: Pipelines, plain: Any, parts: list[tuple[str, str]]
) -> None:
    text = "".join(w + sep for w, sep in parts)
    plain.tokenizer._flush_cache()  # spaCy's own tokenizer, starting with an empty cache
    expected = _tokens(plain.make_doc(text))
    assert _tokens(fast.tokenize(text)) == expected
    assert _tokens(fast.tokenize(text)) == expected  # now from the cache


def test_tokenize_starts_again_after_many_chunks(
    fast: Pipelines, plain: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from signalfire.extract import nlp

    monkeypatch.setattr(nlp, "_MAX_CHUNKS", 3)
    for text in ["Oct. 3 Qalat, (Zhob killed. we're U.S.-led", "Zhob, (Qalat 4 Nov. they're"]:
        expected = _tokens(plain.make_doc(text))
        for _ in range(2):
            assert _tokens(fast.tokenize(text)) == expected
            assert fast.chunks <= set(text.split())  # the earlier chunks were forgotten


# -- loading: the default tokenizer not built, spaCy's CLI not imported -----------------------
def test_load_model_gives_the_saved_tokenizer() -> None:
    from signalfire.extract.nlp import MODEL, load_model

    pytest.importorskip(MODEL)
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
    exclude += ["tok2vec", "ner"]
    fast, usual = load_model(MODEL, exclude), spacy.load(MODEL, exclude=exclude)
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == usual.tokenizer.to_bytes(exclude=["vocab"])
    text = "KABUL, Afghanistan (Oct. 3, 2011) — We're told U.S.-led forces killed 3 insurgents."
    assert _tokens(fast.make_doc(text)) == _tokens(usual.make_doc(text))


def test_import_spacy_leaves_the_cli_loadable() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    import signalfire

    # A fresh process (spaCy is imported here already), with this checkout's signalfire.
    root = str(Path(signalfire.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    code = (
        "import sys; from signalfire.extract.nlp import import_spacy; spacy = import_spacy(); "
        "assert not [m for m in sys.modules if m.startswith('spacy.cli')]; "
        "assert spacy.Language and spacy.load; "
        "import spacy.cli; assert callable(spacy.cli.download); "
        "assert isinstance(spacy.info(silent=True), dict)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


# -- case-sensitive twins of case-insensitive patterns -------------------------------------
def test_cased_twin_refuses_what_it_cannot_copy() -> None:
    assert cased_twin([re.compile(r"\bKill", re.IGNORECASE)]) is None
    assert cased_twin([re.compile(r"(?i)kill")]) is None
    twin = cased_twin([re.compile(r"\bkill\w*", re.IGNORECASE), re.compile(r"\bdead\b", re.I)])
    assert twin is not None
    for text in ["KILLED two", "Dead: 3", "ſtill", "none"]:
        low = fold(text)
        expected = any(p.search(text) for p in (re.compile(r"\bkill\w*", re.I),))
        expected = expected or re.search(r"\bdead\b", text, re.I) is not None
        if twin_applies(low):
            assert (twin.search(low) is not None) == expected


# -- the first-letter look-ahead --------------------------------------------------------------
_PREFIX = r"\b(?=[a-z])(?:"
HINTED = {
    "VIOLENCE": event_types.VIOLENCE,
    "triggers": event_types._ALL,
    "violent verbs": roles._VIOLENT_VERB,
    "coalition": roles.COALITION_WORDS,
    "generic": generic_actors._GENERIC_WORDS,
    "denial": roles._DENIAL,
    "claim": roles._CLAIM,
    "suspect": roles._SUSPECT,
    "claim sentence": screening._CLAIM_SENTENCE,
}


def test_letter_first_wraps() -> None:
    assert letter_first("a|b") == _PREFIX + "a|b)"
    for name, pattern in HINTED.items():
        assert pattern.pattern.startswith(_PREFIX) and pattern.pattern.endswith(")"), name


@pytest.mark.parametrize("name", sorted(HINTED))
@settings(max_examples=30)
@given(data=st.data())
def test_letter_first_changes_no_match(name: str, data: st.DataObject) -> None:
    hinted = HINTED[name]
    # The same pattern without the look-ahead (alternatives may rely on the leading \b)
    plain = re.compile(r"\b(?:" + hinted.pattern[len(_PREFIX) : -1] + ")", hinted.flags)
    vocabulary = [
        *sorted(set(re.findall(r"[a-z]+", plain.pattern))),
        "2011", "9/11", "-", "'s", ".", "US-led", "U.S.", "Ab", "İ", "ı",
    ]  # fmt: skip
    words = data.draw(st.lists(st.sampled_from(vocabulary), max_size=25))
    seps = data.draw(st.lists(st.sampled_from([" ", "  ", "-", "\n", ", "]), min_size=25))
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    for t in (text, text.title(), text.upper()):
        got = [(m.span(), m.lastgroup) for m in hinted.finditer(t)]
        assert got == [(m.span(), m.lastgroup) for m in plain.finditer(t)]


@settings(max_examples=60)
@given(
    st.lists(
        st.sampled_from(
            ["on", "last", "tuesday", "night", "2", "two", "days", "weeks", "ago", "may", "23",
             "٢٣", "2011", "2011-05-23", "of", "march", "sept.", "the", "day", "before", "1st"]
        ),
        max_size=15,
    )
)  # fmt: skip
def test_date_look_aheads_change_no_match(words: list[str]) -> None:
    text = " ".join(words)
    for hinted in (dates._RELATIVE, dates._ABSOLUTE):
        assert hinted.pattern.startswith(r"\b(?=[a-z\d])")
        plain = re.compile(r"\b" + hinted.pattern[len(r"\b(?=[a-z\d])") :], hinted.flags)
        assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("name", sorted(roles._ANY_CASE))
@settings(max_examples=30)
@given(data=st.data())
def test_role_twins_match_as_the_case_insensitive_patterns(name: str, data: st.DataObject) -> None:
    original, twin = roles._ANY_CASE[name], roles._TWINS[name]
    vocabulary = [*sorted(set(re.findall(r"[a-z]+", original.pattern))), "TTP", "ſ", ".", "ı"]
    words = data.draw(st.lists(st.sampled_from(vocabulary), max_size=15))
    for text in (" ".join(words), " ".join(words).upper(), " ".join(words).title()):
        low = fold(text)
        if twin_applies(low):
            expected = [m.span() for m in original.finditer(text)]
            assert [m.span() for m in twin.finditer(low)] == expected


def test_relative_date_words_cover_the_pattern() -> None:
    assert all(dates._may_be_relative(w) for w in dates._RELATIVE_WORDS)
    assert not dates._may_be_relative("the governor visited the school")
    for text in ["yesterday", "on tuesday night", "two weeks ago", "last month", "tonight"]:
        assert dates._RELATIVE.search(text) and dates._may_be_relative(text)


# -- find_counts: one pass for the four verb finders, cheap tests before costly patterns -------
def _phrases(pattern: str) -> list[str]:
    """The words and multi-word phrases a pattern spells out ("lost their lives")."""
    return sorted({p.replace(r"\s+", " ") for p in re.findall(r"[a-z]+(?:\\s\+[a-z]+)*", pattern)})


VERB_WORDS = [
    *_phrases("|".join(casualty_patterns._FINDS.values())),
    "lost his life", "capture of", "number of deaths", "Killed", "KILLED", "-", "'s", ".", "2",
]  # fmt: skip


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(VERB_WORDS), max_size=20),
    st.lists(st.sampled_from([" ", "  ", ", ", "-", "\n", ""]), min_size=20),
)
def test_one_verb_pass_finds_what_the_four_finders_find(words: list[str], seps: list[str]) -> None:
    text = fold("".join(w + s for w, s in zip(words, seps, strict=False)))
    combined: dict[str, list[tuple[int, int]]] = {
        cat: [] for cat in casualty_patterns._VERB_FINDERS
    }
    for m in casualty_patterns._VERB_FINDER.finditer(text):
        combined[m.lastgroup or ""].append(m.span())
    assert combined == {
        cat: [m.span() for m in finder.finditer(text)]
        for cat, finder in casualty_patterns._VERB_FINDERS.items()
    }


NUMBER_WORDS = [
    *_phrases(casualty_patterns._QUALIFIER + "|" + casualty_patterns.NUMBER),
    "1,200", "13", "٣", "twenty-five", "dozen", "the", "killed", "-", "x1", "a",
]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=15))
def test_number_look_ahead_changes_no_match(words: list[str]) -> None:
    hinted = casualty_patterns._NUMBER_START
    plain = re.compile(hinted.pattern.replace(f"(?=[{casualty_patterns._NUMBER_FIRST}])", "", 1))
    assert plain.pattern != hinted.pattern
    text = " ".join(words)
    assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in plain.finditer(text)]


NEAR_WORDS = [
    "a", "an", "one", "the", "senior", "taliban", "sub-", "soldier", "policeman", "man", "many",
    "sons", "guarding", "polio", "workers", "was", "were", "reportedly", "said", "to", "have",
    "been", "killed", "shot dead", "wounded", "kidnapped", "detained", "and", "of", "chief",
    "'s", "-", "commander", "facilitator",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(NEAR_WORDS), max_size=18))
def test_near_patterns_match_only_where_a_victim_noun_is(words: list[str]) -> None:
    text = " ".join(words)
    for category, kind, pattern in casualty_patterns._PATTERNS:
        if kind != "near":
            continue
        for v in casualty_patterns._VERB_FINDERS[category].finditer(text):
            lo = max(0, v.start() - casualty_patterns._NEAR)
            if pattern.search(text, lo, v.end()) is not None:
                assert casualty_patterns._ONE_AT.search(text, lo, v.end()) is not None


# -- dates looked for only up to the first dated sentence of an event --------------------------
@pytest.mark.parametrize(
    ("text", "date", "evidence"),
    [
        # the dateline's date is not the event's; the first sentence has none, the second two
        (
            "KABUL, Afghanistan (May 24, 2011) — Insurgents attacked a checkpoint in Kandahar "
            "province. Two soldiers were killed on Sunday and one more on Monday in the attack.",
            "2011-05-22",
            "on Sunday",
        ),
        (
            "KABUL, Afghanistan (May 24, 2011) — Two soldiers were killed in Kandahar.",
            "2011-05-24",
            None,
        ),
        # a sentence that is not an event's gives no date
        (
            "Insurgents attacked a checkpoint in Kandahar province. Officials said the weather "
            "was fine on Friday. Two soldiers were killed on May 3 in the attack.",
            "2011-05-03",
            "May 3",
        ),
    ],
)
def test_event_date_is_the_first_of_its_sentences_dates(
    shared_data: Any, text: str, date: str, evidence: str | None
) -> None:
    import datetime as dt

    from signalfire.extract import Document
    from signalfire.extract.dates import find_dates

    extractor = pipeline.default_extractor()
    doc = Document("d1", text, dt.date(2011, 5, 24))
    (event,) = extractor.extract(doc)
    assert event.date is not None and event.date.isoformat() == date
    assert [e.text for e in event.evidence if e.field == "date"] == ([evidence] if evidence else [])
    # The slow way: every event sentence's dates after the dateline, the first one taken.
    prepared, _, _ = extractor._prepare_batch([doc])
    _, sentences, dateline_end = prepared[0]
    every = [
        d.text
        for s in sentences
        if s.is_event
        for d in find_dates(s.text, doc.published, s.start)
        if d.start >= dateline_end
    ]
    assert every[:1] == ([evidence] if evidence else [])


# -- one collector pause per batch ------------------------------------------------------------
def test_batch_yields_the_documents_before_one_that_fails() -> None:
    import gc
    from types import SimpleNamespace

    from signalfire.extract import Document

    docs = [Document(f"d{k}", "text", None) for k in range(3)]

    def events(doc: Document, *_: Any) -> list[Any]:
        assert not gc.isenabled()  # the pause covers event assembly
        if doc.doc_id == "d1":
            raise ValueError("bad d1")
        return []

    fake = SimpleNamespace(
        _prepare_batch=lambda ds: ([(d, [], -1) for d in ds], [[] for _ in ds], [[] for _ in ds]),
        _events=events,
    )
    assert gc.isenabled()
    got = pipeline.Extractor._batch(fake, docs)  # type: ignore[arg-type]
    assert next(got)[0].doc_id == "d0"
    assert gc.isenabled()  # the caller runs with the collector on
    with pytest.raises(ValueError, match="bad d1"):
        next(got)
    assert gc.isenabled()


SCANNED = {
    "triggers": event_types._ALL_SCAN,
    "violence": event_types._VIOLENCE_SCAN,
    "summary": casualty_patterns._SUMMARY_SCAN,
    "generic": generic_actors._GENERIC_SCAN,
    "violent verbs": roles._VIOLENT_VERB_SCAN,
    **{f"casualties {k}": Scanner(v[0]) for k, v in casualty_patterns._SCAN.items()},
}


@pytest.mark.parametrize("name", sorted(SCANNED))
def test_scanned_patterns_have_no_literal_space_or_dot(name: str) -> None:
    # What makes no-break spaces and line separators safe to scan as plain spaces.
    bare = re.sub(r"\\.", "", SCANNED[name].unicode.pattern)
    assert " " not in bare and "." not in bare and "\xa0" not in bare and "\u2028" not in bare


@pytest.mark.parametrize("name", sorted(SCANNED))
@settings(max_examples=40)
@given(data=st.data())
def test_ascii_twins_find_what_the_patterns_find(name: str, data: st.DataObject) -> None:
    scanner = SCANNED[name]
    vocabulary = [
        *sorted(set(re.findall(r"[a-z]+", scanner.unicode.pattern)))[:300],
        "2011", "12", "-", "'s", ".", "é", "ı", "’",
    ]  # fmt: skip
    words = data.draw(st.lists(st.sampled_from(vocabulary), max_size=20))
    seps = data.draw(
        st.lists(st.sampled_from([" ", "\xa0", "\u2028", "  ", "-", ", "]), min_size=20)
    )
    text = fold("".join(w + s for w, s in zip(words, seps, strict=False)))
    pattern, scanned = scanner.on(text)
    assert len(scanned) == len(text)
    got = [(m.span(), m.lastgroup) for m in pattern.finditer(scanned)]
    assert got == [(m.span(), m.lastgroup) for m in scanner.unicode.finditer(text)]
    if text.replace("\xa0", " ").replace("\u2028", " ").isascii():
        assert pattern is scanner.ascii


# -- new words: only the lexical attributes the pipeline reads --------------------------------
@pytest.fixture(scope="module")
def ner_models() -> tuple[Any, Any]:
    """The NER model twice: with the lexical attributes trimmed as the extractor trims them,
    and as spaCy loads it."""
    from signalfire.extract.nlp import MODEL, _trim_lexeme_attributes, load_model

    pytest.importorskip(MODEL)
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
    trimmed = load_model(MODEL, [*exclude, "tok2vec"])
    _trim_lexeme_attributes(trimmed, "ner")
    return trimmed, spacy.load(MODEL, exclude=[*exclude, "tok2vec"])


READ_ATTRIBUTES = ["norm_", "shape_", "prefix_", "suffix_", "lower_", "is_space", "is_punct"]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_trimmed_lexemes_keep_the_attributes_read(ner_models: tuple[Any, Any], word: str) -> None:
    trimmed, usual = ner_models
    got, expected = trimmed.vocab[word], usual.vocab[word]
    assert [getattr(got, a) for a in READ_ATTRIBUTES] == [
        getattr(expected, a) for a in READ_ATTRIBUTES
    ]


def test_trimmed_lexemes_give_the_same_entities(ner_models: tuple[Any, Any]) -> None:
    trimmed, usual = ner_models
    assert len(trimmed.vocab.lex_attr_getters) < len(usual.vocab.lex_attr_getters)
    text = (
        "KABUL, Afghanistan (Oct. 3, 2011) — Zabihullah Mujahid said Qari Fasihuddin's men "
        "ambushed a convoy near Khanabad in Kunduz province; ISAF's Gen. David Petraeus and "
        "Pakistani officials in Peshawar condemned the attack, which killed 12 people."
    )
    ents = [[(e.text, e.label_) for e in nlp(text).ents] for nlp in (trimmed, usual)]
    assert ents[0] == ents[1] and ents[0]


# -- fuzzy district names: only those of a length that can reach the cut-off ------------------
NAME_LETTERS = st.text(alphabet="abdeghiklmnoqrsuwz -'", min_size=1, max_size=20)


@settings(max_examples=300)
@given(NAME_LETTERS, NAME_LETTERS)
def test_ratio_bound_is_never_below_the_ratio(a: str, b: str) -> None:
    from rapidfuzz import fuzz

    from signalfire.extract.inferred_places import _ratio_bound

    assert fuzz.ratio(a, b) <= _ratio_bound(len(a), len(b))


@settings(max_examples=200)
@given(st.lists(NAME_LETTERS, min_size=1, max_size=40, unique=True), NAME_LETTERS)
def test_close_length_names_give_the_same_best_match(names: list[str], name: str) -> None:
    from types import SimpleNamespace

    from rapidfuzz import fuzz, process

    from signalfire.extract.inferred_places import FUZZY_DISTRICT, FuzzyDistricts

    gazetteer: Any = SimpleNamespace(
        adm2_names={f"gb{i}": n for i, n in enumerate(names)}, adm2_parent={}
    )
    districts = FuzzyDistricts(gazetteer)
    every = districts._district_keys
    expected = process.extractOne(name, every, scorer=fuzz.ratio, score_cutoff=FUZZY_DISTRICT)
    got = process.extractOne(
        name, districts._of_close_length(len(name)), scorer=fuzz.ratio, score_cutoff=FUZZY_DISTRICT
    )
    # (name, score): the third item is the index in the list searched
    assert (got and got[:2]) == (expected and expected[:2])


@pytest.mark.parametrize(
    "pattern",
    [
        *trigger_words.TRIGGERS.values(),
        *trigger_words.MARKERS.values(),
        roles.STATE_WORDS.pattern,
        roles.NONSTATE_WORDS.pattern,
        roles.CIVILIAN_WORDS.pattern,
        r"(?:air\s*)?(?:planes|jets)\s+bombed",
        r"[a-c]x|\d+y|(?:no)?z",
    ],
)
@settings(max_examples=25)
@given(data=st.data())
def test_first_chars_look_ahead_changes_no_match(pattern: str, data: st.DataObject) -> None:
    plain = re.compile(pattern)
    hinted = re.compile(first_chars(pattern) + "(?:" + pattern + ")")
    vocabulary = [*sorted(set(re.findall(r"[a-z]+", pattern))), "1", "-", "'", " ", "x", "y"]
    text = " ".join(data.draw(st.lists(st.sampled_from(vocabulary), max_size=20)))
    for i in range(len(text) + 1):
        a, b = plain.match(text, i), hinted.match(text, i)
        assert (a and a.span()) == (b and b.span())


def test_first_chars_gives_no_look_ahead_where_any_character_may_start() -> None:
    assert first_chars(r"\w+") == first_chars(r"a?") == first_chars(r".x") == ""
    assert first_chars(r"bombs?|(?:air\s*)?jets") == "(?=[abj])"


@settings(max_examples=60)
@given(
    st.lists(
        st.sampled_from(
            ["3", "4", "12", "-", "/", "\u2013", " - ", "may", "of", "3rd", "4th", "night", "the",
             "on", ",", "2012", "june", "x3", "killed"]
        ),
        max_size=14,
    )
)  # fmt: skip
def test_day_ranges_found_before_dates_are_those_of_a_full_scan(words: list[str]) -> None:
    text = " ".join(words)
    day = dt.date(2012, 6, 9)
    expected = set()
    for m in dates._DAY_RANGE.finditer(fold(text)):
        if dates.parse_absolute(m.group(1) + " " + text[m.start(2) : m.end(2)], day):
            expected.add(m.span())
    found = {(d.start, d.end) for d in dates.find_dates(text, day)}
    ranges = {span for span in found if dates._DAY_RANGE.fullmatch(fold(text), *span)}
    assert expected <= found and ranges == expected


@settings(max_examples=80)
@given(
    st.lists(
        st.sampled_from(
            ["another", "a", "second", "new", "separate", "attack", "strike", "was", "the",
             "last", "year", "years", "ago", "in", "2009", "1999", "across", "country",
             "nationwide", "several", "provinces", "separate", "incidents", "two", "\n", "  "]
        ),
        max_size=14,
    )
)  # fmt: skip
def test_sentence_scans_are_needed_only_where_their_words_are(words: list[str]) -> None:
    low = " ".join(words)
    slow = any(
        not grouping._COMPARISON.search(low, max(0, m.start() - 12), m.start())
        for m in grouping.ANOTHER_EVENT.finditer(low)
    )
    assert grouping.another_event(low) == slow
    if grouping.PAST.search(low):
        assert any(word in low for word in grouping._PAST_WORDS)
    if grouping.TALLY.search(low):
        assert any(word in low for word in grouping._TALLY_WORDS)
