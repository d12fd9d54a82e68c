"""Groups the actor table does not know are kept as new actors under their full names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, Extractor
from signalfire.extract.sentences import Sentence
from signalfire.extract.unknown_groups import group_names

DAY = dt.date(2012, 5, 9)


@pytest.mark.parametrize(
    ("text", "actor_id", "name"),
    [
        # NER cuts the name at its first hyphen ("Tehreek"), or misses it
        (
            "A previously unknown group, Tehreek-e-Azadi Pakistan, claimed the attack on a "
            "police station in Chitral that killed 3.",
            "new_tehreek_e_azadi_pakistan",
            "Tehreek-e-Azadi Pakistan",
        ),
        (
            "Lashkar-e-Hussaini claimed the bombing in Parachinar that killed 12 people.",
            "new_lashkar_e_hussaini",
            "Lashkar-e-Hussaini",
        ),
        (
            "Militants of the Jaish-e-Mustafa Pakistan killed two policemen in Karachi on Monday.",
            "new_jaish_e_mustafa_pakistan",
            "Jaish-e-Mustafa Pakistan",
        ),
        (
            "Police in Quetta said members of Tehreek-e-Nifaz-e-Aman had attacked the checkpoint, "
            "killing two.",
            "new_tehreek_e_nifaz_e_aman",
            "Tehreek-e-Nifaz-e-Aman",
        ),
    ],
)
def test_an_unknown_group_is_kept_under_its_full_name(
    extractor: Extractor, text: str, actor_id: str, name: str
) -> None:
    (event,) = extractor.extract(Document("d", text, DAY))
    perpetrators = [(a.actor_id, a.name) for a in event.actors if a.role == "perpetrator"]
    assert perpetrators == [(actor_id, name)]


def _event_sentence(text: str) -> Sentence:
    return Sentence(0, len(text), text, is_event=True)


@pytest.mark.parametrize(
    ("text", "orgs", "expected"),
    [
        # an NER organisation widened over the joined rest of its name
        ("Tehreek-e-Jihad Pakistan claimed it.", [(0, 7, "Tehreek")], ["Tehreek-e-Jihad Pakistan"]),
        # a joined name NER did not read
        ("Blast claimed by Ansar-ul-Khilafat Wal-Jihad.", [], ["Ansar-ul-Khilafat Wal-Jihad"]),
        # state bodies are no group, even with a group word
        ("The Pakistan Army said it.", [(4, 17, "Pakistan Army")], []),
        ("The Afghan National Army fought.", [(4, 24, "Afghan National Army")], []),
        # a country word closing a group's name is part of the name
        ("Harkat-ul-Ansar Pakistan claimed it.", [], ["Harkat-ul-Ansar Pakistan"]),
        # no group word, no group
        ("Bank-e-Millat was robbed.", [], []),
    ],
)
def test_group_names(text: str, orgs: list[tuple[int, int, str]], expected: list[str]) -> None:
    assert [n for _, _, n in group_names(text, orgs, [_event_sentence(text)])] == expected


def test_only_event_sentences_are_scanned() -> None:
    text = "Ansar-ul-Khilafat Wal-Jihad held a rally."
    assert group_names(text, [], [Sentence(0, len(text), text, is_event=False)]) == []


_PIECES = st.sampled_from(
    ["Tehreek", "-e-", "-ul-", "Jihad", " Pakistan", " Wal-Jihad", "Lashkar", " ", "army",
     "Afghan", " National", "x", ".", "Front"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join), st.data())
def test_group_names_are_spans_of_the_text(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    found = group_names(text, [(a, b, text[a:b])], [_event_sentence(text)])
    for start, end, name in found:
        assert text[start:end] == name
    # none lies inside another
    spans = [(s, e) for s, e, _ in found]
    assert not any(x <= s and e <= y and (x, y) != (s, e) for s, e in spans for x, y in spans)
