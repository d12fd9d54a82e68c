"""The cheap tests `casualties.find_counts` runs before costly patterns change no figure.

Each shortcut is a literal every match of a pattern holds (or ends with): where the text lacks
it, the pattern is not searched. Checked two ways: the pattern never matches where its cue is
missing (generated text), and `find_counts` gives the same counts with every cue disabled
(the slow way: an empty cue is in every text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from signalfire.extract import (
    alternation,
    captors,
    casualties,
    casualty_patterns,
    count_passes,
    numbers,
    tolls,
    victim_lists,
    victims,
)
from signalfire.extract.casualties import find_counts
from signalfire.extract.textcase import ascii_form, fold

WORDS = [
    "a", "an", "one", "two", "three", "12", "the", "his", "their", "woman", "woman's", "man’s",
    "soldier", "soldiers", "militants", "insurgents", "taliban", "gunmen", "police", "leader",
    "Mullah", "Haji", "Karim", "Rahim", "Qari", "Zia", "commander", "killing", "killed", "death",
    "deaths", "death of", "capture of", "arrest of", "wounded", "injured", "detained", "arrested",
    "captured", "kidnapped", "abducted", "along with", "together with", "as well as", "and", "&",
    ",", ".", "'s", "denied", "denies", "rejected", "dismissed", "claims", "in", "were", "was",
    "of", "suspects", "guards", "civilians", "over", "after", "said", "on", "Monday", "another",
    "during", "separate", "operations", "raids", "past", "24", "hours", "across", "several",
    "since", "january", "so far this", "to date", "this year", "last", "months", "have", "has",
    "which", "that", "when", "where", "similar", "attack", "2009", "year", "ago", "earlier",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", " and ", "  ", "\n", "\u00a0"]

text_st = st.builds(
    lambda words, seps: "".join(w + s for w, s in zip(words, seps, strict=False)).strip(),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=24),
    st.lists(st.sampled_from(SEPARATORS), min_size=24, max_size=24),
)


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cue disabled: each costly pattern is searched as before the shortcuts."""
    monkeypatch.setattr(casualties, "_POSS_CUE", re.compile(""))
    monkeypatch.setattr(captors, "_CAPTOR_WORDS", ("",))
    monkeypatch.setattr(count_passes, "AND_PASSIVE_CUES", ("",))
    monkeypatch.setattr(casualties, "_ALONG_WITH_CUES", ("",))
    monkeypatch.setattr(casualties, "_DENIED_CUES", ("",))
    monkeypatch.setattr(victim_lists, "_LIST_JOIN_ENDS", ("",))
    monkeypatch.setattr(count_passes, "_NAMED_VERB_END", "")
    monkeypatch.setattr(casualties, "_SUMMARY_CUES", ("",))
    monkeypatch.setattr(casualties, "_PERIOD_CUES", ("",))
    monkeypatch.setattr(casualties, "_EARLIER_EVENT_CUES", ("",))
    monkeypatch.setattr(casualties, "_EARLIER_TIME_CUES", ("",))
    monkeypatch.setattr(tolls, "_TOLL_WORDS", ("",))
    monkeypatch.setattr(
        casualties, "_matches", lambda finder, early, text: [*finder.finditer(text)]
    )
    monkeypatch.setattr(
        casualties,
        "_starts",
        lambda finder, early, text, limit: [
            m.start() for m in finder.finditer(text) if m.start() < limit
        ],
    )


EXAMPLES = [
    "Police said the woman's killing was an honour crime in which two men were arrested.",
    "Three soldiers, along with a civilian, were killed and two others wounded.",
    "Insurgents captured two policemen and a driver in Ghazni.",
    "The Taliban denied killing 15 soldiers, but officials said 12 were killed.",
    "Two soldiers, a policeman and three civilians were killed in the blast.",
    "Security forces confirmed the death of Maulawi Tayeb, a local Taliban leader.",
    "Troops detained Mullah Abdul Karim and 12 of his supporters, together with two guards.",
    "Militants abducted four FC personnel, rejecting claims that 3 were released.",
    "The TTP, which killed 12 soldiers in Swat last year, claimed the attack that killed three.",
    "Two months after the attack which killed 20, gunmen killed 4 policemen in Quetta.",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_examples_same_counts_without_the_shortcuts(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = find_counts(text)
    assert fast  # each example has figures: the comparison says something
    _slow(monkeypatch)
    assert find_counts(text) == fast


@pytest.mark.parametrize(
    "text",
    [
        "Forces killed 12 insurgents during three operations in Helmand; 2 were detained.",
        "Forces have killed 12 insurgents in Helmand since January and detained 30 suspects.",
    ],
)
def test_shortcuts_still_drop_summaries_and_tallies(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert find_counts(text, totals=True) or "since" in text
    assert find_counts(text) == []
    _slow(monkeypatch)
    assert find_counts(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(text_st, min_size=1, max_size=3))
def test_same_counts_without_the_shortcuts(texts: list[str]) -> None:
    fast = [find_counts(t) for t in texts]
    with pytest.MonkeyPatch.context() as monkeypatch:
        _slow(monkeypatch)
        assert [find_counts(t) for t in texts] == fast


@settings(max_examples=300, deadline=None)
@given(text_st)
def test_patterns_match_only_where_their_cue_is(raw: str) -> None:
    text = fold(raw)
    poss = next(p for _, kind, p in casualty_patterns._PATTERNS if kind == "poss")
    for v in casualty_patterns._VERB_FINDERS["killed"].finditer(text):
        if poss.search(text, max(0, v.start() - casualty_patterns._NEAR), v.end()):
            assert casualty_patterns._POSS_CUE.search(text) is not None
        if casualty_patterns._NAMED_VERB.search(text, v.start(), v.end()):
            assert v.group(0).endswith(casualty_patterns._NAMED_VERB_END)
    if casualty_patterns._SUMMARY.search(text):
        assert any(w in text for w in casualty_patterns._SUMMARY_CUES)
    if casualty_patterns._PERIOD.search(text):
        assert any(w in text for w in casualty_patterns._PERIOD_CUES)
    for at in range(len(text) + 1):
        lo = max(0, at - 40)
        if casualty_patterns._CAPTORS_BEFORE.search(text, lo, at):
            assert any(w in text[lo:at] for w in casualty_patterns._CAPTOR_WORDS)
        if casualty_patterns._EARLIER_EVENT.search(text, max(0, at - 80), at):
            assert any(
                w in text[max(0, at - 80) : at] for w in casualty_patterns._EARLIER_EVENT_CUES
            )
        if casualty_patterns._EARLIER_TIME_AFTER.match(text, at):
            assert any(w in text for w in casualty_patterns._EARLIER_TIME_CUES)
        if casualty_patterns._DENIED.search(text, lo, at):
            assert any(w in text for w in casualty_patterns._DENIED_CUES)
        if casualty_patterns._ALONG_WITH.match(text, at):
            assert any(w in text for w in casualty_patterns._ALONG_WITH_CUES)
        if casualty_patterns._LIST_ITEM_BEFORE.search(text, max(0, at - 80), at):
            assert text[max(0, at - 80) : at].rstrip().endswith(casualty_patterns._LIST_JOIN_ENDS)


def test_captor_words_are_the_pattern_words() -> None:
    assert casualty_patterns._CAPTOR_WORDS == (
        "insurgents", "militants", "taliban", "gunmen", "terrorists", "kidnappers", "abductors",
        "rebels",
    )  # fmt: skip
    for word in casualty_patterns._CAPTOR_WORDS:
        assert casualty_patterns._CAPTORS_BEFORE.search(f"two {word} ")


# -- the verb and number scans one character early (`_VERB_STARTS`, `_NUMBER_STARTS`) ---------
SCAN_WORDS = [
    "kill", "killed", "kills", "killedx", "death", "deaths", "death of", "death toll", "toll",
    "fatalities", "lives", "lost his life", "lost their lives", "hostages", "taken hostage",
    "taken into custody", "in custody", "into", "custody", "rounds up", "round up", "capture of",
    "capture", "captures", "arrest", "arrest of", "detain", "detainees", "suspects detained",
    "injuries", "hurt", "hurting", "guns down", "gun", "mowed down", "mow", "embraced martyrdom",
    "embrace shahadat", "target-killing", "target killed", "burnt alive", "burned to death",
    "stabbed to death", "number of people killed", "number of deaths", "seized", "wounds", "re",
    "at least", "more than", "between", "a dozen", "dozens", "twenty-five", "12", "1,200", "one",
    "a", "an", "the", "some", "é", "x", "-", "2", "_", "’",
]  # fmt: skip
SCAN_SEPARATORS = [" ", "", "", "-", ", ", "\xa0", "\u2028", "\n", "é", "_", "(", "'"]

scan_text_st = st.builds(
    lambda words, seps: "".join(w + s for w, s in zip(words, seps, strict=False)),
    st.lists(st.sampled_from(SCAN_WORDS), max_size=16),
    st.lists(st.sampled_from(SCAN_SEPARATORS), min_size=16, max_size=16),
)


@settings(max_examples=500, deadline=None)
@given(scan_text_st, st.integers(min_value=-1, max_value=120))
def test_early_scans_find_what_the_scanning_patterns_find(raw: str, limit: int) -> None:
    text = fold(raw)
    scan = casualty_patterns._SCAN
    plain = ascii_form(text)
    for s, scanned in [(0, text), *([(1, plain)] if plain is not None else [])]:
        verbs = casualties._matches(scan["verbs"][s], scan["verb starts"][s], scanned)
        assert [(m.span(), m.lastgroup) for m in verbs] == [
            (m.span(), m.lastgroup) for m in scan["verbs"][s].finditer(scanned)
        ]
        numbers = casualties._starts(scan["numbers"][s], scan["number starts"][s], scanned, limit)
        assert numbers == [
            m.start() for m in scan["numbers"][s].finditer(scanned) if m.start() < limit
        ]


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("killed two and wounded three", ["killed", "wounded"]),
        ("the death toll rose; deaths of 3", ["death", "toll", "deaths"]),
        ("the death of a leader", ["death of"]),
        ("policemen taken into custody, 2 kidnapped", ["taken into custody", "kidnapped"]),
        ("(killed)-injured_hurt", ["killed"]),  # ("_" is a word character)
        ("é killed", ["killed"]),
    ],
)
def test_early_verb_scan_examples(text: str, verbs: list[str]) -> None:
    scan = casualty_patterns._SCAN
    found = casualties._matches(scan["verbs"][0], scan["verb starts"][0], text)
    assert [m.group(0) for m in found] == verbs


def test_letter_branches_keep_each_alternative_and_its_order() -> None:
    assert alternation._distribute(r"(?:stabbed|(?:hacked|cut)up)\s+to") == [
        r"stabbed\s+to",
        r"hackedup\s+to",
        r"cutup\s+to",
    ]
    # ("die" before "dies": at "dies" the first that ends at a word boundary wins, as before)
    branched = alternation.by_first_letter(r"kill|die|dies|death\s+of|kills?")
    assert branched == r"k(?:ill|ills?)|d(?:ie|ies|eath\s+of)"
    # an alternative that opens with no letter keeps its place between the letter branches
    assert alternation.by_first_letter(r"kill|\s+dead|kin") == r"kill|(?:\s+dead)|kin"
    # a repeated group is left as it is; an optional one is spelled out with and without it
    assert alternation._distribute("(?:a|b)+c") == ["(?:a|b)+c"]
    assert alternation._distribute("(?:a|b)?c") == ["ac", "bc", "c"]


PIECES = ["a", "b", "c", "ab", "s?", r"\s+b", "(?:a|ab)", "(?:b|)", "[ab]"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("ab"), st.lists(st.sampled_from(PIECES), max_size=3)),
        min_size=1,
        max_size=8,
    ),
    st.text(alphabet="abcs ", max_size=14),
    st.sampled_from(["", r"\b", "b", r"\s", "$"]),
)
@example(alternatives=[("a", []), ("b", []), ("a", ["b"])], text="ab", after="")
def test_letter_branches_match_as_the_plain_alternation(
    alternatives: list[tuple[str, list[str]]], text: str, after: str
) -> None:
    words = [first + "".join(rest) for first, rest in alternatives]
    # (as they are, and each in a group, which is spelled out)
    for pattern in ("|".join(words), "|".join(f"(?:{w})" for w in words)):
        branched = re.compile(f"(?:{alternation.by_first_letter(pattern)}){after}")
        slow = re.compile(f"(?:{pattern}){after}")
        for at in range(len(text) + 1):
            got, expected = branched.match(text, at), slow.match(text, at)
            assert (got and got.span()) == (expected and expected.span())


@pytest.mark.parametrize("category", sorted(casualty_patterns._VERBS))
def test_branched_verbs_match_as_the_verbs(category: str) -> None:
    text = fold(" ".join(SCAN_WORDS) + " " + "-".join(reversed(SCAN_WORDS)))
    plain = casualty_patterns._VERBS[category]
    branched = re.compile(rf"(?:{casualty_patterns._BRANCHED_VERBS[category]})\b")
    slow = re.compile(rf"(?:{plain})\b")
    found = [m.span() for at in range(len(text)) if (m := slow.match(text, at))]
    assert found  # the words hold verbs of every category
    got = [m.span() for at in range(len(text)) if (m := branched.match(text, at))]
    assert got == found


def test_branched_word_lists_keep_their_words() -> None:
    number = re.compile(rf"(?:{numbers.NUMBER})")
    for word in [*numbers._UNITS, *numbers._TENS, *numbers._VAGUE, "twenty-five", "2 dozen"]:
        if word not in {"a", "an", "no", "few", "couple", "dozen"}:  # (never figures alone)
            assert number.fullmatch(word), word
    qualifier = re.compile(numbers._QUALIFIER)
    assert qualifier.fullmatch("at least ") and qualifier.fullmatch("an estimated ")
    for words, pattern in [
        ("soldier,solider,policeman,extortionist,labourer,laborer", victims._ONE_VICTIM),
        ("people,taliban,security  forces,labourers", victims._PLURAL_VICTIMS),
        ("operations,among,raid", victims._NOT_VICTIMS),
        ("checkposts,post,ak-47s,rpk47,aircraft", victims._THINGS),
    ]:
        for word in words.split(","):
            assert re.fullmatch(pattern, word), word


TOLL_WORDS = [
    "the", "death", "toll", "TOLL", "Toll", "fatalities", "FATALITIES", "casualties",
    "Casualties", "caſualties", "fatalıties", "FATALİTIES", "rose", "to", "from", "Monday's",
    "blast", "in", "Kohat", "of", "civilian", "tolls", "x",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOLL_WORDS), max_size=12), st.integers(0, 6))
def test_toll_word_test_changes_no_toll(words: list[str], start: int) -> None:
    text = " ".join(words) + " "
    start = min(start, len(text))
    for end in range(start, len(text) + 1):
        expected = casualty_patterns._TOLL_BEFORE.search(text, start, end) is not None
        assert tolls._toll_before(text, start, end) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One more soldier died, bringing the death toll to three.",
        "The TOLL from Monday's blast rose to 31.",
        "Casualties now stand at 12 dead.",
        "The caſualties now 12 killed.",  # (a long s: no toll word lower-cased, but a match)
    ],
)
def test_toll_examples_same_figures_without_the_shortcut(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    @dataclass
    class Sentence:
        start: int
        end: int
        counts: list[casualties.Count]

    first = "Two soldiers were killed and three wounded. "
    doc = first + text
    sentences = [
        Sentence(0, len(first), find_counts(first)),
        Sentence(len(first), len(doc), find_counts(text, len(first))),
    ]
    assert sentences[1].counts  # the toll sentence has a figure, after its toll words
    assert any(tolls._toll_before(doc, len(first), c.start) for c in sentences[1].counts)
    fast = tolls.event_figures(sentences, doc)
    monkeypatch.setattr(tolls, "_TOLL_WORDS", ("",))
    assert tolls.event_figures(sentences, doc) == fast


def test_summary_cue_changes_no_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Forces killed 12 insurgents during three operations.", "Police detained two men."]
    fast = [casualties.is_summary(t) for t in texts]
    assert fast == [True, False]
    monkeypatch.setattr(casualties, "_SUMMARY_CUES", ("",))
    assert [casualties.is_summary(t) for t in texts] == fast
