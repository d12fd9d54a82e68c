"""Speed shortcuts of round 11 give what the slow ways gave.

- the NER's window Doc made from two columns (`RuleDoc.window`) is the Doc `Span.as_doc` made
  from every column of the article: the same bytes, with and without sentence starts.
"""

from __future__ import annotations

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


# -- `sentences.past`: `PAST.search` in two case-sensitive parts ------------------------------
PAST_WORDS = [
    "last", "previous", "year", "years", "ago", "in", "2009", "1999", "2011-05-s-084", "20",
    "19", "two", "12", "a", "the", "attack", "killed", "yearly", "inyears", "laſt", "yearſ",
    "ın", "ago.", "-", ",", "\n", "  ", "\u2013", "2o11", "years,", "agony",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PAST_WORDS), max_size=12), st.sampled_from(["", " ", "\n"]))
def test_past_is_past_search(words: list[str], edge: str) -> None:
    from signalfire.extract.sentences import PAST, past

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
    from signalfire.extract.sentences import PAST, past

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
