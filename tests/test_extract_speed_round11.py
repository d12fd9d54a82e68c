"""Speed shortcuts of round 11 give what the slow ways gave.

- the NER's window Doc made from two columns (`RuleDoc.window`) is the Doc `Span.as_doc` made
  from every column of the article: the same bytes, with and without sentence starts;
- `grouping.past` is `PAST.search`; `letter_counts` the `[A-Za-z]`/`[A-Z]` findall counts;
  `ner_windows` behind its substring gate the same; `dates._RELATIVE` regrouped by first letter
  finds what the plain alternation found; `twin_applies` by substring tests is the class search;
- the fuzzy-district names by length are the names that pass the per-name bound.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract.nlp import Pipelines, rule_pass

spacy = pytest.importorskip("spacy")

# Special cases that set a NORM of their own ("n't", "Oct.", "'s"), a long dash, line breaks.
TEXTS = [
    "Gen. Khan didn't say it. Troops killed 3 militants in Swat on Oct. 5 — police said.",
    "KABUL, Afghanistan (May 24) \u2013 An Afghan and coalition force detained two suspects.\n\n"
    "They're held in Kandahar's jail; ISAF's Col. Smith ain't sure.",
    "  Two soldiers were killed.  Mr. Ali's brother can't walk.",
]


@pytest.fixture(scope="module")
def pipes() -> Pipelines:
    return rule_pass(spacy.blank("en"))


def _old_window(pipes: Pipelines, text: str, a: int, b: int) -> tuple[Any, int]:
    rd = pipes.rules([text])[0]
    span = rd.sentenced().char_span(a, b, alignment_mode="expand")
    return span.as_doc(), span.start_char


def _same_window(pipes: Pipelines, text: str, a: int, b: int) -> None:
    expected, origin = _old_window(pipes, text, a, b)
    got, got_origin = pipes.rules([text])[0].window(a, b)
    assert got_origin == origin
    assert got.to_bytes() == expected.to_bytes()
    expected.ents, got.ents = [], []
    assert got.to_bytes() == expected.to_bytes()


@pytest.mark.parametrize("text", TEXTS)
def test_window_is_the_spans_doc(pipes: Pipelines, text: str) -> None:
    for a in range(0, len(text) - 1, 7):
        for b in range(a + 1, len(text) + 1, 11):
            _same_window(pipes, text, a, b)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(TEXTS),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=1, max_value=80),
)
def test_window_any_span(pipes: Pipelines, text: str, a: int, length: int) -> None:
    a = min(a, len(text) - 1)
    _same_window(pipes, text, a, min(len(text), a + length))


def test_window_differs_where_a_norm_differs(pipes: Pipelines) -> None:
    """The comparison sees a token's own NORM (not only its word's): the check can fail."""
    text = TEXTS[0]
    expected, _ = _old_window(pipes, text, 0, 30)
    got, _ = pipes.rules([text])[0].window(0, 30)
    got[2].norm_ = "something else"  # "did" + "n't"
    assert got.to_bytes() != expected.to_bytes()


# -- `grouping.past`: `PAST.search` in two case-sensitive parts ------------------------------
PAST_WORDS = [
    "last", "previous", "year", "years", "ago", "in", "2009", "1999", "2011-05-s-084", "20",
    "19", "two", "12", "a", "the", "attack", "killed", "yearly", "inyears", "laſt", "yearſ",
    "ın", "ago.", "-", ",", "\n", "  ", "\u2013", "2o11", "years,", "agony",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PAST_WORDS), max_size=12), st.sampled_from(["", " ", "\n"]))
def test_past_is_past_search(words: list[str], edge: str) -> None:
    from signalfire.extract.grouping import PAST, past

    low = edge + " ".join(words) + edge
    assert past(low) == (PAST.search(low) is not None)


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        ("he was killed last year in kabul", True),
        ("the group killed 12 people two years ago.", True),
        ("police said in 2009 that", True),
        ("in 2011-05-s-084", True),  # (a word edge after "2011")
        ("in 20111 releases", False),
        ("a yearly report of 20 attacks", False),
        ("it happened laſt year", True),  # case-insensitive "s": the slow pattern decides
        ("ın 1999 it began", True),  # dotless i
    ],
)
def test_past_cases(low: str, expected: bool) -> None:
    from signalfire.extract.grouping import PAST, past

    assert past(low) is expected
    assert (PAST.search(low) is not None) is expected


# -- `FuzzyDistricts._of_close_length`: the names whose length lets the ratio reach the cut ----
@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text("abcdefghij '-", min_size=1, max_size=24), min_size=1, max_size=60),
    st.integers(min_value=1, max_value=30),
)
def test_close_length_names_by_lengths(names: list[str], length: int) -> None:
    from types import SimpleNamespace

    from signalfire.extract.inferred_places import FUZZY_DISTRICT, FuzzyDistricts, _ratio_bound

    gazetteer: Any = SimpleNamespace(
        adm2_names={f"gb{i}": n for i, n in enumerate(names)}, adm2_parent={}
    )
    districts = FuzzyDistricts(gazetteer)
    expected = [
        k for k in districts._district_keys if _ratio_bound(length, len(k)) >= FUZZY_DISTRICT
    ]
    assert districts._of_close_length(length) == expected
    assert districts._of_close_length(length) == expected  # (kept)


# -- `sentences.letter_counts`: the `[A-Za-z]` and `[A-Z]` matches, counted -----------------
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aZbY zÉé1-\u2013ßſıİKΣ\n.", "\U0001f600"])))
def test_letter_counts_are_the_findall_counts(sample: str) -> None:
    from signalfire.extract.sentences import letter_counts

    # (the regexes for_processing counted with before)
    letter, upper = re.compile(r"[A-Za-z]"), re.compile(r"[A-Z]")
    assert letter_counts(sample) == (len(letter.findall(sample)), len(upper.findall(sample)))


# -- `sentences.ner_windows`: the group-hint scan only where a hint word is in the text --------
HINT_TEXT_WORDS = [
    "Lashkar", "Lashkar-e-Taiba", "Front", "Frontier", "Movement", "Liberation", "Brigade",
    "FRONT", "front", "the", "Taliban", "Swat", "Khan", "attack", "Jaish", "Tehreek-e-Jihad",
    "Hizbul", "Hizb", "Ansar,", "(Jund)", "Sipah.", "a", "\u2013",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HINT_TEXT_WORDS), max_size=14), st.integers(0, 30))
def test_ner_windows_gate_changes_nothing(words: list[str], start: int) -> None:
    from signalfire.extract import sentences
    from signalfire.extract.roles import ActorMention

    text = " ".join(words)
    s = sentences.Sentence(start, start + len(text), text)
    if "Taliban" in text:  # a covered hint: an actor over the first "Taliban"
        at = start + text.index("Taliban")
        s.actors.append(ActorMention("afg_taliban", at, at + 7, "Taliban"))
    got = sentences.ner_windows(s)
    original = sentences.holds
    try:
        sentences.holds = lambda text, words: True  # type: ignore[assignment]
        assert got == sentences.ner_windows(s)
    finally:
        sentences.holds = original


# -- `dates._RELATIVE` regrouped by first letter: the same matches as the plain alternation ----
_RELATIVE_BEFORE = re.compile(
    r"\b(?=[a-z\d])(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+evening|"
    r"(?:over|at|during|on)\s+the\s+weekend|(?:last|this)\s+weekend|overnight|"
    r"the\s+previous\s+(?:night|day|evening)|a\s+fortnight\s+ago|"
    r"the\s+day\s+before\s+yesterday|"
    r"(?:on\s+|late\s+|early\s+|last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)(?:\s+(?:night|morning|evening|afternoon))?|"
    r"last\s+week|earlier\s+this\s+week|this\s+week|last\s+month|earlier\s+this\s+month|"
    r"(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+(?P<unit>days?|weeks?)\s+ago|"
    r"the\s+day\s+before)\b",
)  # (the pattern as it was)
RELATIVE_WORDS = [
    "the", "day", "before", "yesterday", "on", "late", "early", "last", "this", "tuesday",
    "night", "morning", "week", "weeks", "month", "earlier", "2", "12", "two", "a", "days",
    "ago", "over", "weekend", "previous", "fortnight", "tonight", "today", "overnight", ",",
    "the\nday", "sundays", "at",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RELATIVE_WORDS), max_size=12))
def test_relative_regrouped_finds_the_same(words: list[str]) -> None:
    from signalfire.extract.dates import _RELATIVE

    text = " ".join(words)
    assert [(m.span(), m.group("rel")) for m in _RELATIVE.finditer(text)] == [
        (m.span(), m.group("rel")) for m in _RELATIVE_BEFORE.finditer(text)
    ]


# -- `textcase.twin_applies`: substring tests for the odd case-insensitive letters ------------
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab \u2013\xe9\u0130\u0131\u017f\u212a"])))
def test_twin_applies_is_the_class_search(text: str) -> None:
    from signalfire.extract.textcase import _IGNORECASE_ODD, twin_applies

    assert twin_applies(text) == (text.isascii() or _IGNORECASE_ODD.search(text) is None)
    assert not twin_applies(text + "\u212a")
