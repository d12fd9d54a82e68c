"""The substring gates of `roles.role_of` change no role: every match of a gated pattern holds
one of its cues, and `role_of` with the gates open (every cue "") gives what it gives with them.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.extract import (
    alternation,
    attribution,
    event_types,
    forces,
    generic_actors,
    roles,
    trigger_words,
)
from signalfire.extract.roles import ActorMention, role_of
from signalfire.extract.textcase import _sc, _sp

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
    "\u0130", "\u212a", "NATO", "ISAF", "repulsed", "repelled", "beat", "back", "fought", "off",
    "foiled", "defused", "averted", "oil", "tankers", "supply", "trucks", "fuel", "for",
    "supplying", "splinter", "allied", "with", "rival", "among", "strikes", "rockets", "fire",
    "urged", "urge", "insurgents", "condemned", "spokesman", "confirmed", "captured", "that",
    "mastermind", "planning", "plotted", "wanted", "prepared", "charged", "bombing", "suicide",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", "; ", ". ", "  ", "\n", "\xa0"]
GATED = [
    *((roles._TWINS[name], cues) for name, cues in roles._CUES.items()),
    (roles._CLAIMED_BY, ("claimed",)),
    (roles._PASSIVE, roles._PASSIVE_CUES),
    (roles._DIED, roles._DIED_CUES),
    (forces.NATION_BEFORE, forces.NATION_CUES),
    (forces.NATION_ATTACKS, forces.ATTACK_CUES),
    # (the sentence-wide cues: `attribution.SentenceCues`)
    (forces.OWN_ATTACK, forces.ATTACK_CUES),
    (attribution.DEFENDED_AFTER, attribution.SENTENCE_CUES["defended"]),
    (attribution.DEFENDED_BY, attribution.SENTENCE_CUES["defended"]),
    (attribution.SUPPLIES_AFTER, attribution.SENTENCE_CUES["supplies"]),
    (attribution.SUPPLIES_BEFORE, attribution.SENTENCE_CUES["supplies"]),
    (attribution.DESCRIBES_AFTER, attribution.SENTENCE_CUES["describes"]),
    (attribution.DESCRIBES_BEFORE, attribution.SENTENCE_CUES["describes"]),
    (attribution.STANCE_AFTER, attribution.STANCE_CUES),
    (trigger_words.DEED_OF, trigger_words.DEED_CUES),
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
        ActorMention(
            "nato_isaf" if m.group() in ("NATO", "ISAF") else "x",
            m.start(),
            m.end(),
            m.group(),
            named=m.group()[0].isupper(),
        )
        for m in re.finditer(r"TTP|Taliban|militants|troops|police|army|NATO|ISAF", text)
    ]
    return [role_of(m, text, 0, []) for m in mentions]


def _open_gates(mp: pytest.MonkeyPatch) -> None:
    """Every cue of `role_of` as "": each gated search runs, as it did before the gates."""
    mp.setattr(roles, "_CUES", {name: ("",) for name in roles._CUES})
    mp.setattr(roles, "_PASSIVE_CUES", ("",))
    mp.setattr(roles, "_DIED_CUES", ("",))
    mp.setattr(roles, "STANCE_CUES", ("",))
    opened = attribution.SentenceCues({k: ("",) for k in roles.SENTENCE.cues})
    mp.setattr(roles, "SENTENCE", opened)
    mp.setattr(generic_actors, "SENTENCE", opened)


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
    "Security forces repulsed a Taliban attack on a checkpost, and police defused a bomb.",
    "The attack was repulsed by Afghan soldiers; troops beat back militants and killed 40.",
    "Gunmen torched NATO oil tankers carrying fuel for ISAF troops; supplies for NATO forces.",
    "Jamaat-ul-Ahrar, a TTP splinter group allied with the Taliban, claimed the attack.",
    "An FC man among three killed as militants died in Pakistani shelling and army strikes.",
    "ISAF confirmed the capture of a Taliban leader; the army urged insurgents to surrender.",
    "Insurgents attacked troops, and the Taliban condemned the attack; police reported it.",
    "Police detained the mastermind of the bombing and two men planning a suicide attack.",
]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_gates_change_no_role(text: str) -> None:
    gated = _roles_of(text)
    with pytest.MonkeyPatch.context() as mp:
        _open_gates(mp)
        assert _roles_of(text) == gated


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["PAK", "AFG", None]), st.booleans())
def test_gates_change_no_generic_actor(text: str, country: str | None, coalition: bool) -> None:
    gated = generic_actors.generic_actors(text, 7, country, coalition)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(forces, "NATION_CUES", ("",))
        _open_gates(mp)  # (the nation attacks' cues among them)
        assert generic_actors.generic_actors(text, 7, country, coalition) == gated


def test_gates_change_no_role_in_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [_roles_of(s) for s in SENTENCES]
    assert any(r for r in gated)  # the sentences have mentions
    _open_gates(monkeypatch)
    assert [_roles_of(s) for s in SENTENCES] == gated
    tankers = _roles_of(next(s for s in SENTENCES if "tankers" in s))
    assert tankers[:2] == [("other", ""), ("other", "")]  # (NATO's tankers, fuel for ISAF)


def test_sentence_cues_are_kept_per_sentence() -> None:
    cues = attribution.SentenceCues({"a": ("repul",), "b": ("tanker",)})
    first, second = "troops repulsed an attack", "militants torched oil tankers"
    assert cues.has(first, "a") and not cues.has(first, "b")
    assert not cues.has(second, "a") and cues.has(second, "b")
    assert cues.has(first, "a") and not cues.has(first, "b")  # (not the second's results)
    assert cues.has("".join(["troops ", "repulsed"]), "a")  # an equal text, another object


@settings(max_examples=200, deadline=None)
@given(texts)
def test_the_deed_gate_changes_no_trigger(text: str) -> None:
    gated = event_types.find_triggers(text, 3)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(event_types, "DEED_CUES", ("",))
        assert event_types.find_triggers(text, 3) == gated


def test_the_deed_gate_changes_no_trigger_in_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = [event_types.find_triggers(s) for s in SENTENCES]
    deed = next(s for s in SENTENCES if "mastermind" in s)
    # (the bombing and the planned attack are deeds of the detained, not the event)
    assert [t.text for t in event_types.find_triggers(deed)] == ["detained"]
    monkeypatch.setattr(event_types, "DEED_CUES", ("",))
    assert [event_types.find_triggers(s) for s in SENTENCES] == gated


# -- the stance cues as substring tests ------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 40))
def test_stance_cue_test_finds_what_the_cue_alternation_finds(text: str, at: int) -> None:
    flat = re.compile("|".join(attribution.STANCE_CUES))
    low = text.lower()
    cued = forces.cued(low[at : at + 80], attribution.STANCE_CUES)
    assert cued == bool(flat.search(low, at, at + 80))


# -- alternations regrouped by first letter (alternation.regroup) ----------------------------
def _plain(kinds: list[tuple[str, str]]) -> re.Pattern[str]:
    """The alternation as it was written: one named group per kind, in order."""
    return re.compile(r"\b(?=[a-z])(?:" + "|".join(f"(?P<{k}>{p})" for k, p in kinds) + ")")


def _regrouped(kinds: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    body, kind_of = alternation.regroup(kinds)
    return re.compile(r"\b(?=[a-z])(?:" + body + ")"), kind_of


def _same_matches(kinds: list[tuple[str, str]], texts: list[str]) -> None:
    plain, (grouped, kind_of) = _plain(kinds), _regrouped(kinds)
    unmarked = re.compile(
        r"\b(?=[a-z])(?:" + alternation.by_first_letter("|".join(p for _, p in kinds)) + ")"
    )
    for text in texts:
        expected = [(m.lastgroup, m.span()) for m in plain.finditer(text)]
        assert [(kind_of[m.lastgroup or ""], m.span()) for m in grouped.finditer(text)] == expected
        assert [m.span() for m in unmarked.finditer(text)] == [span for _, span in expected]
        for i in range(len(text) + 1):  # (also where a match starts mid-way)
            a, b = plain.match(text, i), grouped.match(text, i)
            assert (a and a.span()) == (b and b.span()), (text, i)


TRIGGER_KINDS = [
    *((t, trigger_words.TRIGGERS[t]) for t in event_types.PRIORITY if t in trigger_words.TRIGGERS),
    *trigger_words.MARKERS.items(),
]
WORD_LISTS = {
    "triggers": TRIGGER_KINDS,
    "generic": [
        ("state", roles.STATE_WORDS.pattern),
        ("nonstate", roles.NONSTATE_WORDS.pattern),
        ("civ", roles.CIVILIAN_WORDS.pattern),
    ],
    "violence": [("v", event_types._VIOLENCE_WORDS)],
    "weak": [("w", event_types._WEAK_VIOLENCE_WORDS)],
    "verbs": [("v", roles._VIOLENT_VERB_WORDS)],
    # (trigger_words.PROPERTY_NOUNS is these regrouped: the same matches as written)
    "property nouns": [("n", trigger_words.PROPERTY_NOUN_WORDS)],
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_regrouped_word_lists_match_as_written(name: str, data: st.DataObject) -> None:
    kinds = WORD_LISTS[name]
    vocabulary = [
        *sorted({w for _, p in kinds for w in re.findall(r"[a-z]+", p)}),
        "-", "'s", "2011", "a", "the", "heart", "jet", "us", "u.s.",
    ]  # fmt: skip
    words = data.draw(st.lists(st.sampled_from(vocabulary), max_size=14))
    seps = data.draw(st.lists(st.sampled_from([" ", "  ", "-", "\n", ", "]), min_size=14))
    _same_matches(kinds, ["".join(w + s for w, s in zip(words, seps, strict=False))])


def test_the_modules_use_the_regrouped_word_lists() -> None:
    texts = [s.lower() for s in SENTENCES] + [
        "a suicide bomber blew himself up near a police check post; rockets fired from pakistan",
        "gunmen killed a journalist, then the recaptured town was shelled across the border",
    ]
    _same_matches(TRIGGER_KINDS, texts)
    plain = _plain(TRIGGER_KINDS)
    for text in texts:
        got = [
            (event_types._KIND_OF[m.lastgroup or ""], m.span())
            for m in event_types._ALL.finditer(text)
        ]
        assert got == [(m.lastgroup, m.span()) for m in plain.finditer(text)]
        generic = _plain(WORD_LISTS["generic"])
        got = [
            (generic_actors._GENERIC_KIND[m.lastgroup or ""], m.span())
            for m in generic_actors._GENERIC_WORDS.finditer(text)
        ]
        assert got == [(m.lastgroup, m.span()) for m in generic.finditer(text)]
        for pattern, words in (
            (event_types.VIOLENCE, event_types._VIOLENCE_WORDS),
            (event_types._WEAK_VIOLENCE, event_types._WEAK_VIOLENCE_WORDS),
            (roles._VIOLENT_VERB, roles._VIOLENT_VERB_WORDS),
        ):
            written = re.compile(r"\b(?=[a-z])(?:" + words + ")")
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in written.finditer(text)
            ]


# Random alternations of pieces that exercise the rewriting: shared first letters, leading
# groups (optional, nested), a leading look-behind, classes, quantifiers after the first letter.
PIECES = [
    "ab", "ac", "abc", "a", "b", "ba", "bab", "c", "ca", r"a\w*", r"b\s+a", "(?:a|b)c",
    "(?:ab|a)?c", "(?:a(?:b|c))?b", r"(?<!c\s)ab", "[ab]c", "a?b", "ab*", "(?:ca)+b", r"c\b",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4), min_size=1, max_size=4),
    st.lists(st.text(alphabet="abc -", max_size=12), min_size=1, max_size=4),
)
def test_regroup_matches_the_alternation(groups: list[list[str]], texts: list[str]) -> None:
    kinds = [(f"k{i}", "|".join(pieces)) for i, pieces in enumerate(groups)]
    _same_matches(kinds, texts)


def test_regroup_distributes_leading_groups() -> None:
    assert alternation._distribute("(?:a|b)c") == ["ac", "bc"]
    assert alternation._distribute("(?:a)?c") == ["ac", "c"]
    assert alternation._distribute("(?:a|b)+c") == ["(?:a|b)+c"]
    body, kind_of = alternation.regroup([("x", "ab|(?:ac|b)d"), ("y", "ae")])
    assert body == "a(?:b(?P<_0>)|cd(?P<_1>)|e(?P<_3>))|bd(?P<_2>)"
    assert kind_of == {"_0": "x", "_1": "x", "_2": "x", "_3": "y"}


# -- scans from the character before a match (event_types.char_before) -----------------------
def _may_end_off_word(items: Any) -> tuple[bool, bool]:
    """(whether a match of the parsed items may end with a non-word character, whether it may
    be empty), read from the last items back; unknown constructs count as may."""
    for op, av in reversed(list(items)):
        if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            continue  # (zero-width)
        if op is _sc.LITERAL:
            return not re.match(r"\w", chr(av)), False
        if op is _sc.IN:
            word = all(
                (o is _sc.LITERAL and re.match(r"\w", chr(a)))
                or (o is _sc.RANGE and all(re.match(r"\w", chr(c)) for c in range(a[0], a[1] + 1)))
                or (o is _sc.CATEGORY and a in (_sc.CATEGORY_WORD, _sc.CATEGORY_DIGIT))
                for o, a in av
            )
            return not word, False
        if op is _sc.BRANCH:
            ends = [_may_end_off_word(alternative) for alternative in av[1]]
            if any(off for off, _ in ends):
                return True, False
            if not any(empty for _, empty in ends):
                return False, False
            continue
        if op is _sc.SUBPATTERN:
            off, empty = _may_end_off_word(av[-1])
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
            off, empty = _may_end_off_word(av[2])
            empty = empty or av[0] == 0
        else:
            return True, False
        if off:
            return True, False
        if not empty:
            return False, False
    return False, True


def test_the_off_word_reader_reads_last_characters() -> None:
    def off(pattern: str) -> bool:
        return _may_end_off_word(_sp.parse(pattern))[0]

    assert not off(r"\b(?=[a-z])(?:ab|cd\w*|e(?=\s+f)|g(?:\s+h)?)\b")
    assert off(r"ab|u\.s\.") and off(r"a[b-]") and off(r"a\s*") and off(r"a(?:b|\s)?")
    assert off(r"a.") and not off(r"(?:a\s+)?b[0-9]")


SCANS = {
    "triggers": (event_types._ALL, event_types._ALL_SCAN),
    "violence": (event_types.VIOLENCE, event_types._VIOLENCE_SCAN),
    "violent verbs": (roles._VIOLENT_VERB, roles._VIOLENT_VERB_SCAN),
    "generic": (generic_actors._GENERIC_WORDS, generic_actors._GENERIC_SCAN),
}


@pytest.mark.parametrize("name", sorted(SCANS))
def test_the_scans_are_twins(name: str) -> None:
    pattern, scanner = SCANS[name]
    assert scanner.unicode.pattern == event_types.char_before(pattern).pattern


def test_verbs_and_generic_words_end_with_a_word_character() -> None:
    # (so that a plain `finditer` of their twin finds what the pattern finds; the triggers
    # need `scan`: "gunmen killed a " ends with a space; is_violent asks for any match)
    assert not _may_end_off_word(_sp.parse(roles._VIOLENT_VERB.pattern))[0]
    assert not _may_end_off_word(_sp.parse(generic_actors._GENERIC_WORDS.pattern))[0]
    assert _may_end_off_word(_sp.parse(event_types._ALL.pattern))[0]


@pytest.mark.parametrize("name", sorted(SCANS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_scans_from_the_character_before_find_what_the_patterns_find(
    name: str, data: st.DataObject
) -> None:
    pattern, scanner = SCANS[name]
    vocabulary = [
        *sorted(set(re.findall(r"[a-z]+", pattern.pattern)))[:300],
        "2011", "-", "'s", ".", "\xe9", "\u2019", "u.s.", "a", "gunmen killed a",
    ]  # fmt: skip
    words = data.draw(st.lists(st.sampled_from(vocabulary), max_size=16))
    seps = data.draw(
        st.lists(st.sampled_from([" ", "\xa0", "  ", "-", ", ", "", "."]), min_size=16)
    )
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    expected = [(m.lastgroup, m.start(), m.end()) for m in pattern.finditer(text)]
    for twin in (scanner.unicode, scanner.ascii):
        if twin is scanner.ascii and not text.isascii():
            continue
        assert event_types.scan(twin, text) == expected
        assert (twin.search(" " + text) is None) == (pattern.search(text) is None)
        if name in ("violent verbs", "generic"):  # (plain finditer: see above)
            assert [(m.start(), m.end() - 1) for m in twin.finditer(" " + text)] == [
                (a, b) for _, a, b in expected
            ]


def test_the_modules_scan_from_the_character_before() -> None:
    gunmen = "gunmen killed a suicide bomber, gunmen shot an attacker"
    expected = [(m.lastgroup, m.start(), m.end()) for m in event_types._ALL.finditer(gunmen)]
    assert event_types.scan(event_types._ALL_SCAN.ascii, gunmen) == expected
    assert len(expected) == 3  # (the bomber found after "gunmen killed a ")
    assert [t.text for t in event_types.find_triggers(gunmen)][:2] == [
        "gunmen killed a ",
        "suicide bomber",
    ]
    for text in SENTENCES:
        low = text.lower()
        spans = [m.span() for m in roles._VIOLENT_VERB.finditer(low)]
        assert roles.violent_verbs(text) == spans and spans
        assert event_types.is_violent(text) == bool(event_types.VIOLENCE.search(low))
