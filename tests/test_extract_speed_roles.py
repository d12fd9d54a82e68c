"""The substring gates of `roles.role_of` change no role: every match of a gated pattern holds
one of its cues, and `role_of` with the gates open (every cue "") gives what it gives with them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract import attribution, roles
from signalfire.extract.roles import ActorMention, role_of

WORDS = [
    "TTP", "Taliban", "militants", "troops", "police", "army", "by", "the", "a", "and", "of",
    "on", "in", "after", "when", "killed", "attacked", "were", "was", "been", "got", "being",
    "died", "dies", "martyred", "slain", "claimed", "claims", "claim", "responsibility",
    "attack", "credit", "it", "accepted", "owned", "denied", "denies", "deny", "rejected",
    "distanced", "itself", "has", "had", "no", "hand", "role", "not", "involved", "carrying",
    "out", "suspected", "suspect", "blamed", "believed", "alleged", "allegedly", "accused",
    "suspicion", "said", "that", "which", "who", "combined", "Afghan", "coalition", "force",
    "Suspected", "By", "Claimed", "operating", "were", "said", "condemned", "tweeted", "wrote",
    "accused", "reported", "told", "added", "denounced", "welcomed", "vowed", "says",
    "against", "targeting", "targeted", "hideouts", "positions", "at", "Pakistani", "Indian",
    "US", "us", "u.s.", "U.S.", "American", "Iranian", "Afghan", "pak", "shelling", "airstrikes",
    "air", "strikes", "firing", "helicopters", "fighter", "jets", "soldiers", "former", "border",
    "\u0130", "\u212a",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", "; ", ". ", "  ", "\n", "\xa0"]
GATED = [
    *((roles._TWINS[name], cues) for name, cues in roles._CUES.items()),
    (roles._CLAIMED_BY, ("claimed",)),
    (roles._PASSIVE, roles._PASSIVE_CUES),
    (roles._DIED, roles._DIED_CUES),
    (roles._NATION_BEFORE, roles._NATION_CUES),
    (roles._NATION_ATTACK, roles._ATTACK_CUES),
]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=25
).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_match_holds_a_cue(text: str) -> None:
    _assert_cues(text)


def _assert_cues(text: str) -> None:
    low = text.lower()
    for pattern, cues in GATED:
        for subject in (text, low):
            for m in pattern.finditer(subject):
                assert any(cue in m.group() for cue in cues), (pattern.pattern, m.group())


def test_every_match_in_sentences_holds_a_cue() -> None:
    matched = 0
    for text in SENTENCES:
        _assert_cues(text)
        matched += sum(bool(p.search(text.lower())) for p, _ in GATED)
    assert matched >= len(GATED)  # (the sentences exercise the patterns)


def _roles_of(text: str) -> list[tuple[str, str]]:
    mentions = [
        ActorMention("x", m.start(), m.end(), m.group(), named=m.group()[0].isupper())
        for m in re.finditer(r"TTP|Taliban|militants|troops|police|army", text)
    ]
    return [role_of(m, text, 0, []) for m in mentions]


SENTENCES = [
    "Three policemen were killed when TTP militants attacked a checkpost.",
    "The TTP claimed responsibility for the attack.",
    "Five soldiers killed in Bannu, TTP claims responsibility.",
    "The Taliban denied any involvement in the bombing.",
    "Police blamed the TTP, which denied carrying out the attack.",
    "Two civilians were killed by suspected militants in Swat.",
    "The attack was claimed by the TTP.",
    "Troops were killed in an ambush; the Taliban claimed it.",
    "Militants died when troops raided the compound.",
    "The army, which was operating in the area, killed six militants.",
    "The TTP, an outlawed group, claimed the attack.",
    "The Taliban said they had no hand in the attack and the TTP was not involved.",
    "Jundullah rejected claims of a role; the LeJ distanced itself from the killing.",
    "The TTP accepted responsibility; the group owned the bombing, police alleged.",
    "The army, which accused the TTP, blamed the attack on militants believed to be Afghan.",
    "Pakistani fighter jets and US helicopters hit the hideouts of the TTP in Indian shelling.",
    "An attack targeting the positions of the army, against the police at the checkpost.",
]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_gates_change_no_role(text: str) -> None:
    gated = _roles_of(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(roles, "_CUES", {name: ("",) for name in roles._CUES})
        mp.setattr(roles, "_PASSIVE_CUES", ("",))
        mp.setattr(roles, "_DIED_CUES", ("",))
        assert _roles_of(text) == gated


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["PAK", "AFG", None]), st.booleans())
def test_gates_change_no_generic_actor(text: str, country: str | None, coalition: bool) -> None:
    gated = roles.generic_actors(text, 7, country, coalition)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(roles, "_NATION_CUES", ("",))
        mp.setattr(roles, "_ATTACK_CUES", ("",))
        assert roles.generic_actors(text, 7, country, coalition) == gated


def test_gates_change_no_role_in_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [_roles_of(s) for s in SENTENCES]
    assert any(r for r in gated)  # the sentences have mentions
    monkeypatch.setattr(roles, "_CUES", {name: ("",) for name in roles._CUES})
    monkeypatch.setattr(roles, "_PASSIVE_CUES", ("",))
    monkeypatch.setattr(roles, "_DIED_CUES", ("",))
    assert [_roles_of(s) for s in SENTENCES] == gated


# -- the stance cues as a trie --------------------------------------------------------------
words = st.text(alphabet="abcs.", min_size=0, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=8), st.lists(words, max_size=6))
def test_trie_matches_what_the_alternation_matches(stems: list[str], probes: list[str]) -> None:
    grouped = re.compile(attribution.trie(tuple(stems)))
    flat = re.compile("|".join(re.escape(w) for w in stems))
    for probe in [*stems, *probes]:
        assert bool(grouped.fullmatch(probe)) == bool(flat.fullmatch(probe)), probe
        assert bool(grouped.search(probe)) == bool(flat.search(probe)), probe


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 40))
def test_stance_hint_finds_what_the_cue_list_finds(text: str, at: int) -> None:
    flat = re.compile("|".join(attribution.STANCE_CUES))
    low = text.lower()
    found = attribution.STANCE_HINT.search(low, at, at + 80)
    assert bool(found) == bool(flat.search(low, at, at + 80))
