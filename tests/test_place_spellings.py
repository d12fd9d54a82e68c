"""Spelling variants of Afghan and Pakistani place names (`extract.place_spellings`): real
spellings met in news, written from knowledge of the region (not from the evaluation data),
each found in a sentence and placed in its province (and district where the name is one)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, Extractor
from signalfire.extract.gazetteer import Gazetteer, Place, _add_variants, key, load_gazetteer
from signalfire.extract.place_spellings import separator_variants, word_variants


@pytest.fixture(scope="module")
def gazetteer(shared_data: Path) -> Gazetteer:
    return load_gazetteer()


# (spelling, province, district name in the boundary file or "" where the name is a province)
SPELLINGS = [
    ("Pul-i-Khumri", "AF-BGL", "Puli Khumri"),
    ("Pul-e-Khumri", "AF-BGL", "Puli Khumri"),
    ("Pul e Khumri", "AF-BGL", "Puli Khumri"),
    ("Pol-i-Khomri", "AF-BGL", "Puli Khumri"),
    ("Pulikhumri", "AF-BGL", "Puli Khumri"),
    ("Qala-i-Naw", "AF-BDG", ""),
    ("Qala-e-Naw", "AF-BDG", ""),
    ("Qala i Naw", "AF-BDG", ""),
    ("Qalay-i-Naw", "AF-BDG", ""),
    ("Qala-ye-Naw", "AF-BDG", ""),
    ("Sheberghan", "AF-JOW", "Shibirghan"),
    ("Shebirghan", "AF-JOW", "Shibirghan"),
    ("Shibirghan", "AF-JOW", "Shibirghan"),
    ("Dasht-e-Archi", "AF-KDZ", ""),
    ("Dasht-i-Archi", "AF-KDZ", ""),
    ("Mazar-i-Sharif", "AF-BAL", ""),
    ("Mazar-e Sharif", "AF-BAL", ""),
    ("Mazari Sharif", "AF-BAL", ""),
    ("Nad-e-Ali", "AF-HEL", ""),
    ("Nad-i-Ali", "AF-HEL", ""),
    ("Pul-i-Alam", "AF-LOG", ""),
    ("Pul-e-Alam", "AF-LOG", ""),
    ("Sar-i-Pul", "AF-SAR", ""),
    ("Sar-e-Pul", "AF-SAR", ""),
    ("Musa Qalah", "AF-HEL", ""),
    ("Musa Kala", "AF-HEL", ""),
    ("Qunduz", "AF-KDZ", ""),
    ("Qandahar", "AF-KAN", ""),
    ("Nooristan", "AF-NUR", ""),
    ("Ningarhar", "AF-NAN", ""),
    ("Lashkargah", "AF-HEL", ""),
    ("Tirinkot", "AF-URU", ""),
    ("Khowst", "AF-KHO", ""),
    ("Dand-o-Patan", "AF-PIA", "Dand Patan"),  # not "Patan" in Pakistan's Kohistan
    ("Kuran-o-Munjan", "AF-BDS", "Kuran Wa Munjan"),
    ("Tarnak-o-Jaldak", "AF-ZAB", "Tarnak Wa Jaldak"),
    ("Nahr-i-Sarraj", "AF-HEL", "Nahri Sarraj"),
    ("Qala-i-Zal", "AF-KDZ", ""),
    ("Kala-i-Zal", "AF-KDZ", ""),
    ("Dasht-i-Barchi", "AF-KAB", "Kabul"),
    ("Dasht e Barchi", "AF-KAB", "Kabul"),
    ("Darul Aman", "AF-KAB", "Kabul"),
    ("Darulaman", "AF-KAB", "Kabul"),
    ("Kajakai", "AF-HEL", "Kajaki"),
    ("Chardara", "AF-KDZ", "Chahar Dara"),
    ("Deh Rawood", "AF-URU", "Dihrawud"),
    ("Qila Saifullah", "PK-BA", "Qilla Saifullah"),
    ("Killa Abdullah", "PK-BA", "Qilla Abdullah"),
    ("Gawadar", "PK-BA", "Gwadar"),
    ("Khuzdar", "PK-BA", "Khuzdar"),
    ("Miranshah", "PK-KP", "North Waziristan"),
    ("Naushahra", "PK-KP", "Nowshera"),
    ("Darra Adam Khel", "PK-KP", ""),
    ("Dera Ismail Khan", "PK-KP", "Dera Ismail Khan"),
    ("Sheikhupura", "PK-PB", "Sheikhpura"),
    ("Jacobabad", "PK-SD", "Jacobabad"),
    ("Landikotal", "PK-KP", "Khyber"),
    ("Panjgoor", "PK-BA", "Panjgur"),
]


@pytest.mark.parametrize(("spelling", "adm1", "district_name"), SPELLINGS)
def test_a_spelling_is_found_and_placed(
    extractor: Extractor, gazetteer: Gazetteer, spelling: str, adm1: str, district_name: str
) -> None:
    text = f"A roadside bomb killed three policemen in {spelling} on Monday."
    [(_, events)] = list(extractor.extract_many([Document("d", text, dt.date(2015, 3, 2))]))
    assert len(events) == 1
    event = events[0]
    assert event.place == spelling  # the whole name is matched, not a part of it
    assert event.adm1 == adm1
    if district_name:
        assert event.adm2 is not None
        assert gazetteer.adm2_names[event.adm2] == district_name


def test_separator_variants_of_a_connector_name() -> None:
    forms = separator_variants("Pul-e Khumri")
    assert {"Pul-e-Khumri", "Pul-i-Khumri", "Pul e Khumri", "Puli Khumri", "Pulikhumri"} <= forms
    assert "Pul-e Khumri" not in forms
    # after a vowel the izafe is "-ye-" or "-i-"
    assert {"Qala-ye-Naw", "Qala-i-Naw"} <= separator_variants("Qala-e Naw")
    # "and" is "wa" or "o"; the Arabic article keeps its assimilated consonant
    assert "Kuran-o-Munjan" in separator_variants("Kuran wa Munjan")
    dar = separator_variants("Dar-ul-Aman")
    assert {"Darul Aman", "Dar ul Aman", "Darulaman"} <= dar
    assert not any("ud" in f for f in dar)


def test_no_variants_without_a_connector_or_hyphen() -> None:
    assert separator_variants("Lashkar Gah") == set()
    assert separator_variants("Kabul") == set()
    # "D-I-Khan" is Dera Ismail Khan: the "I" is an initial, not a connector
    assert separator_variants("D-I-Khan") == {"D I Khan"}


def test_villages_vary_only_their_separators() -> None:
    forms = separator_variants("Qal'eh-ye Wazir", main=False)
    assert forms == {"Qal'eh-ye-Wazir", "Qal'eh ye Wazir"}


def test_word_variants() -> None:
    qala = word_variants("Qala-e-Naw")
    assert {"Kala-e-Naw", "Qalay-e-Naw", "Qalah-e-Naw"} <= qala
    assert "Qila-e-Naw" not in qala  # Qila/Killa is the Pakistani word, Qala/Kala the Afghan
    assert "Killa Abdullah" in word_variants("Qila Abdullah")
    assert "Pol-e Khumri" in word_variants("Pul-e Khumri")
    assert {"Sheberghan", "Shebirghan"} <= word_variants("Shibirghan")
    assert {"Kandahar", "Nurzai"} <= word_variants("Qandahar") | word_variants("Noorzai")
    assert "Qarachi" not in word_variants("Karachi")  # no k to q fold
    assert "Kanpur" not in word_variants("Khanpur")  # no kh to k fold: an Indian city
    # letter folds apply to one-word names of five letters or more only
    assert word_variants("Bela") == set()
    assert word_variants("Frontier Region Kohat") == set()


_WORD = st.text(alphabet="bdghklmnprstz", min_size=1, max_size=3).map(lambda s: "Ka" + s + "an")


@given(
    st.lists(_WORD, min_size=2, max_size=4),
    st.lists(st.sampled_from(["-", " ", "-e-", "-i ", " wa ", "-ul-"]), min_size=3, max_size=3),
)
def test_separator_variants_of_villages_keep_the_key(words: list[str], seps: list[str]) -> None:
    name = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=False))
    for form in separator_variants(name, main=False):
        assert key(form) == key(name)  # only hyphens and spaces change: the same lookup key


@given(st.lists(_WORD, min_size=1, max_size=3), st.sampled_from(["-", " ", "-e-"]))
def test_word_variants_respell_one_word_and_keep_separators(words: list[str], sep: str) -> None:
    name = sep.join(words)
    parts = re.split(r"(\s*-\s*|\s+)", name)
    for form in word_variants(name):
        other = re.split(r"(\s*-\s*|\s+)", form)
        assert len(other) == len(parts)
        assert other[1::2] == parts[1::2]  # the same separators
        assert sum(a != b for a, b in zip(other[::2], parts[::2], strict=True)) == 1


def _place(name: str, adm1: str) -> Place:
    return Place(name, "place", "AFG", adm1, "", 0.0, 0.0, 50_000)


def test_a_variant_that_is_another_places_name_keeps_the_real_place() -> None:
    qala, kala = _place("Qala-e-Naw", "AF-BDG"), _place("Kala-e-Naw", "AF-KAN")
    pul = _place("Pul-e Alam", "AF-LOG")
    entries = {"qala e naw": [qala], "kala e naw": [kala], "pul e alam": [pul]}
    surfaces = {"Qala-e-Naw": "qala e naw", "Kala-e-Naw": "kala e naw", "Pul-e Alam": "pul e alam"}
    counts = _add_variants(entries, surfaces, set())
    # each is the other's respelling (Qala/Kala): neither takes the other's place
    assert entries["kala e naw"] == [kala] and entries["qala e naw"] == [qala]
    assert counts["other_place"] >= 2
    # "Qala-i-Naw" would come from both names (Qala/Kala; e/i): ambiguous, left out
    assert "qala i naw" not in entries and "Qala-i-Naw" not in surfaces
    assert counts["ambiguous"] > 0
    # a variant of one place only is added; a new key takes the place, hyphen/space forms of
    # the same key add only a phrase surface
    assert surfaces["Pul-i-Alam"] == "pul i alam" and entries["pul i alam"] == [pul]
    assert surfaces["Pul e Alam"] == "pul e alam" and entries["pul e alam"] == [pul]
    assert counts["added"] == len(surfaces) - 3
