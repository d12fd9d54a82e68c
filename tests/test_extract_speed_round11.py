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
