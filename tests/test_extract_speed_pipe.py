"""Speed shortcuts of the pipeline plumbing give what the slow ways gave.

- the tokenizer's prefix, suffix and infix searches behind look-aheads (`textcase.start_hint`)
  find the same affixes, so the tokenizer splits as spaCy's own, with the same special cases;
- hyphenated words go through the tokenizer together with the plain ones (`_plain_chunk`), and
  the article is still split as spaCy splits it;
- new words get the attributes only the NER reads when they go to the NER
  (`nlp.defer_lexeme_attributes`): then the values spaCy gives them, and the same entities.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract.nlp import Pipelines, _plain_chunk, defer_lexeme_attributes, rule_pass
from signalfire.extract.textcase import start_hint

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def english() -> Any:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def hinted() -> Any:
    nlp = spacy.blank("en")
    rule_pass(nlp)
    return nlp


# Pieces that meet the suffix alternatives: units after digits, abbreviations, quotes, symbols.
PIECES = [
    "5", "12", "km", "kg", "m", "t", "in", "ft", "mph", "%", "$", "US$", "€", "°", "C", "F", "c",
    ".", "..", "…", ",", "'s", "’s", "'", '"', ")", "(", "]", "—", "–", "+", "!", "?", ":", ";",
    "U", "S", "N", "A", "Kabul", "Mr", "co", "op", "é", "É", "ß", "™", "☺", "🙂", "،", "۔", "a",
]  # fmt: skip
WORDS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


@pytest.fixture(scope="module")
def affixes(english: Any) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """spaCy's English affix patterns, each with its hinted twin."""
    t = english.tokenizer
    pairs = []
    for pattern in [t.suffix_search.__self__, t.prefix_search.__self__, t.infix_finditer.__self__]:
        hint = start_hint(pattern)
        assert hint, pattern.pattern[:40]
        pairs.append((pattern, re.compile(hint + "(?:" + pattern.pattern + ")", pattern.flags)))
    return pairs


@settings(max_examples=150, deadline=None)
@given(word=WORDS)
def test_start_hint_changes_no_affix_match(
    affixes: list[tuple[re.Pattern[str], re.Pattern[str]]], word: str
) -> None:
    for pattern, fast in affixes:
        for i in range(len(word) + 1):
            a, b = pattern.match(word, i), fast.match(word, i)
            assert (a and a.span()) == (b and b.span()), (word, i)
        a, b = pattern.search(word), fast.search(word)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_start_hint_on_look_behinds(data: st.DataObject) -> None:
    pattern = re.compile(r"(?<=[0-9])k[mg]$|(?<=ab)c|(?<=[^x])d|(?<!y)e|(?<=(?:qq|rs))f|é\.|x$")
    hint = start_hint(pattern)
    fast = re.compile(hint + "(?:" + pattern.pattern + ")")
    text = "".join(data.draw(st.lists(st.sampled_from(list("0123kmgabcdexyqrsfé.")), max_size=15)))
    for i in range(len(text) + 1):
        a, b = pattern.match(text, i), fast.match(text, i)
        assert (a and a.span()) == (b and b.span())


def test_start_hint_uses_single_character_look_behinds_only() -> None:
    hint = start_hint(re.compile(r"(?<=[0-9])km$|(?<=ab)c|(?<=(?:qq|rs))f|,"))
    assert "(?<=[0123456789])(?=[k])" in hint  # letters only after a digit
    assert "(?<=[b])(?=[c])" in hint  # the last character of the look-behind
    assert "(?=[,f])" in hint  # a group ends the look-behind: no constraint
    assert hint.startswith("(?=[,cfk])(?:")  # one class test before the others
    assert start_hint(re.compile(r"é|x")) == r"(?=[x\x80-\U0010ffff])"


def test_start_hint_gives_none_where_it_cannot() -> None:
    assert start_hint(re.compile("abc|d", re.IGNORECASE)) == ""
    assert start_hint(re.compile(r"\w+|x")) == ""
    assert start_hint(re.compile(r"a?|x")) == ""  # can match nothing


def _tokens(doc: Any) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", "  ", "\n", ""])), max_size=12))
def test_hinted_tokenizer_splits_as_spacy(
    english: Any, hinted: Any, parts: list[tuple[str, str]]
) -> None:
    for name in ("prefix_search", "suffix_search", "infix_finditer"):
        assert getattr(hinted.tokenizer, name) != getattr(english.tokenizer, name)
    assert hinted.tokenizer.rules == english.tokenizer.rules
    text = "".join(w + sep for w, sep in parts)
    assert _tokens(hinted.make_doc(text)) == _tokens(english.make_doc(text))


def test_hinted_tokenizer_on_a_release(english: Any, hinted: Any) -> None:
    text = (
        "KABUL, Afghanistan (Oct. 3, 2011) — U.S.-led forces killed 3 insurgents 5km east of "
        "Kandahar city; the 25kg. bomb, 'two rockets' and $5,000 (Rs.) were seized at 10:30a.m. "
        "Mr. Khan's men fled.…"
    )
    assert _tokens(hinted.make_doc(text)) == _tokens(english.make_doc(text))


# -- hyphenated words pre-tokenized together -------------------------------------------------
def test_hyphenated_words_are_plain_chunks() -> None:
    specials = {"Jan.": [], "e.g.": []}
    assert _plain_chunk("four-day,", specials) and _plain_chunk("(2011-05-S-084)", specials)
    assert _plain_chunk("al-Qaida", specials) and _plain_chunk("AK-47", specials)
    for chunk in ["Command-", "-", "a--b", "-day", "U.S.-led", "Taliban's-men", "e.g.", "Jan."]:
        assert not _plain_chunk(chunk, specials), chunk


@pytest.fixture(scope="module")
def fast_blank() -> Pipelines:
    return rule_pass(spacy.blank("en"))


HYPHENATED = st.lists(
    st.sampled_from(["four", "day", "2011", "05", "S", "084", "AK", "47", "al", "Qaida", "e",
                     "Jan", "U.S.", "s", "'s", "Oct.", "(", ")", ",", "."]),
    min_size=1, max_size=4,
).map("-".join)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(HYPHENATED, st.sampled_from([" ", ". ", ", ", "\n"])), max_size=12))
def test_tokenize_with_hyphenated_words_splits_as_spacy(
    fast_blank: Pipelines, english: Any, parts: list[tuple[str, str]]
) -> None:
    text = "".join(w + sep for w, sep in parts)
    english.tokenizer._flush_cache()
    expected = _tokens(english.make_doc(text))
    assert _tokens(fast_blank.tokenize(text)) == expected
    assert _tokens(fast_blank.tokenize(text)) == expected  # now from the cache


# -- attributes only the NER reads, set when a word goes to the NER ----------------------------
@pytest.fixture(scope="module")
def deferred() -> tuple[Pipelines, Any]:
    """The extractor's tokenizer and NER (lexical attributes trimmed, then deferred), and the
    NER model as spaCy loads it."""
    from signalfire.extract.nlp import MODEL, _trim_lexeme_attributes, load_model

    pytest.importorskip(MODEL)
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
    nlp = load_model(MODEL, [*exclude, "tok2vec"])
    _trim_lexeme_attributes(nlp, "ner")
    pipes = rule_pass(nlp)
    defer_lexeme_attributes(pipes)
    pipes.ner_pipes = ("ner",)
    return pipes, spacy.load(MODEL, exclude=[*exclude, "tok2vec"])


NER_ATTRIBUTES = ["norm_", "shape_", "prefix_", "suffix_"]
RULE_ATTRIBUTES = ["lower_", "is_space", "is_punct", "lang_"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_deferred_attributes_are_spacys_once_the_word_goes_to_the_ner(
    deferred: tuple[Pipelines, Any], word: str
) -> None:
    pipes, usual = deferred
    assert pipes.deferred and not set(pipes.deferred) & set(pipes.nlp.vocab.lex_attr_getters)
    doc = pipes.tokenize(word)
    words = [t.text for t in doc]
    for w in words:  # what the rule pass reads is there at once
        got, expected = pipes.nlp.vocab[w], usual.vocab[w]
        assert [getattr(got, a) for a in RULE_ATTRIBUTES] == [
            getattr(expected, a) for a in RULE_ATTRIBUTES
        ]
    pipes.ner([doc])
    for w in words:
        got, expected = pipes.nlp.vocab[w], usual.vocab[w]
        assert [getattr(got, a) for a in NER_ATTRIBUTES] == [
            getattr(expected, a) for a in NER_ATTRIBUTES
        ]


def test_deferred_attributes_unset_until_the_ner(deferred: tuple[Pipelines, Any]) -> None:
    pipes, _ = deferred
    lexeme = pipes.tokenize("Qwertzabadkhel")[0].lex
    assert (lexeme.shape, lexeme.norm, lexeme.prefix, lexeme.suffix) == (0, 0, 0, 0)
    pipes.ner([pipes.tokenize("Qwertzabadkhel")])
    assert (lexeme.shape_, lexeme.norm_, lexeme.suffix_) == ("Xxxxx", "qwertzabadkhel", "hel")


def test_deferred_attributes_give_the_same_entities(deferred: tuple[Pipelines, Any]) -> None:
    pipes, usual = deferred
    texts = [
        "KABUL, Afghanistan (Oct. 3, 2011) - Zabihullah Mujahidov said Qari Fasihuddinzai's men "
        "ambushed a convoy near Khanabadkhel in Kunduz province, killing 12 people.",
        "Gen. Xavierton Petraeusby and Pakistani officials in Peshawarabad condemned the attack "
        "by Lashkar-e-Zarqawiyya on the Mirgulzai tribe.",
    ]
    for text in texts:
        got = pipes.ner([pipes.tokenize(text)])[0]
        assert [(e.text, e.label_) for e in got.ents] == [
            (e.text, e.label_) for e in usual(text).ents
        ]
        assert got.ents
