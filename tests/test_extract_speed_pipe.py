"""Speed shortcuts of the pipeline plumbing give what the slow ways gave.

- the tokenizer's prefix, suffix and infix searches behind look-aheads (`textcase.start_hint`)
  find the same affixes, so the tokenizer splits as spaCy's own, with the same special cases.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract.nlp import rule_pass
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
    assert start_hint(re.compile(r"é|x")) == r"(?:(?=[x\x80-\U0010ffff]))"


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
