"""The actor table: file validation, coverage of the shared GED actors, alias resolution."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.actors import ACTOR_KINDS, Actor, ActorTable, is_acronym, normalize_name
from signalfire.errors import InputError, NotFoundError

_TABLE = ActorTable.load()


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return _TABLE


def test_packaged_table_loads_with_version(table: ActorTable) -> None:
    assert table.version
    assert len(table) == len(list(table)) > 50
    assert all(a.kind in ACTOR_KINDS for a in table)


def test_every_ged_actor_resolves_exactly(table: ActorTable, ged_path: Path) -> None:
    with ged_path.open(encoding="utf-8") as f:
        names = {n for row in csv.DictReader(f) for n in (row["side_a"], row["side_b"])}
    missing = sorted(n for n in names if table.resolve(n, fuzzy=False) is None)
    assert missing == []


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("ISIS-K", "isis_k"),
        ("ISKP", "isis_k"),
        ("IS-K", "isis_k"),
        ("Islamic State Khorasan Province", "isis_k"),
        ("Wilayat Khorasan", "isis_k"),
        ("Daesh", "isis_k"),
        ("IS", "isis_k"),
        ("TTP", "ttp"),
        ("Tehreek-e-Taliban Pakistan", "ttp"),
        ("Tehrik-i-Taliban", "ttp"),
        ("Pakistani Taliban", "ttp"),
        ("Tehreek Taliban Pakistan", "ttp"),  # loose: connector dropped
        ("Jamaat-ul-Ahrar", "jua"),
        ("Jamat ul Ahrar", "jua"),
        ("Hizbul Ahrar", "hizbul_ahrar"),
        ("Hizb-ul-Ahrar", "hizbul_ahrar"),
        ("Afghan Taliban", "afg_taliban"),
        ("Islamic Emirate", "afg_taliban"),
        ("Taleban", "afg_taliban"),
        ("Haqqani Network", "haqqani"),
        ("BLA", "bla"),
        ("Baloch Liberation Army", "bla"),
        ("BLF", "blf"),
        ("BRA", "bra"),
        ("BRAS", "bras"),
        ("Lashkar-e-Jhangvi", "lej"),
        ("Lashkar-i-Jhangvi", "lej"),
        ("Lashkar-e-Islam", "lashkar_e_islam"),
        ("al-Qaeda", "al_qaida"),
        ("Al Qa'ida", "al_qaida"),
        ("AQIS", "aqis"),
        ("Government of Pakistan", "pak_military"),
        ("Pakistan Army", "pak_military"),
        ("Government of Afghanistan", "afg_military"),
        ("Afghan National Army", "afg_military"),
        ("ÀL-QÂIDA", "al_qaida"),  # case and diacritics
    ],
)
def test_aliases_resolve(table: ActorTable, name: str, actor_id: str) -> None:
    actor = table.resolve(name)
    assert actor is not None and actor.actor_id == actor_id


def test_fuzzy_matches_long_variants_not_short_acronyms(table: ActorTable) -> None:
    hit = table.resolve("Balochistan Liberation Armi")
    assert hit is not None and hit.actor_id == "bla"
    assert table.resolve("Balochistan Liberation Armi", fuzzy=False) is None
    assert table.resolve("BLX") is None  # one letter from BLA/BLF, never guessed
    assert table.resolve("Manchester United") is None


def test_unknown_group_is_kept_as_new_actor(table: ActorTable) -> None:
    new = table.resolve_or_new("Lashkar-e-Khorasan Tigers")
    assert new.actor_id == "new_lashkar_e_khorasan_tigers"
    assert new.kind == "other" and new.is_new
    assert table.resolve_or_new("TTP").actor_id == "ttp"


def test_get_unknown_raises(table: ActorTable) -> None:
    assert table.get("ttp").name.startswith("Tehrik")
    with pytest.raises(NotFoundError, match="nope"):
        table.get("nope")


def test_patterns_keep_acronyms_case_sensitive(table: ActorTable) -> None:
    pats = table.patterns()
    assert all(p["label"] == "ACTOR" and p["id"] in table for p in pats)
    is_pat = [p for p in pats if p["pattern"] == [{"ORTH": "IS"}]]
    assert len(is_pat) == 1 and is_pat[0]["id"] == "isis_k"
    assert {"label": "ACTOR", "pattern": "Haqqani Network", "id": "haqqani"} in pats


def test_actor_validates() -> None:
    with pytest.raises(ValueError, match="Bad Id"):
        Actor("Bad Id", "x", "other", "", ())
    with pytest.raises(ValueError, match="gang"):
        Actor("x", "x", "gang", "", ())
    with pytest.raises(ValueError, match="PK"):
        Actor("x", "x", "other", "PK", ())


def test_bad_table_files(tmp_path: Path) -> None:
    dup = tmp_path / "dup.toml"
    dup.write_text(
        'version = "1"\n[[actor]]\nid = "a"\nname = "A"\nkind = "other"\naliases = ["X"]\n'
        '[[actor]]\nid = "b"\nname = "B"\nkind = "other"\naliases = ["x"]\n'
    )
    with pytest.raises(InputError, match="already an alias"):
        ActorTable.load(dup)
    nover = tmp_path / "nover.toml"
    nover.write_text('[[actor]]\nid = "a"\nname = "A"\nkind = "other"\n')
    with pytest.raises(InputError, match="version"):
        ActorTable.load(nover)
    missing = tmp_path / "missing.toml"
    missing.write_text('version = "1"\n[[actor]]\nid = "a"\nkind = "other"\n')
    with pytest.raises(InputError, match="missing field 'name'"):
        ActorTable.load(missing)


@given(st.text(max_size=40))
def test_normalize_is_idempotent_and_resolve_never_crashes(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip()
    _TABLE.resolve(text)


def test_is_acronym() -> None:
    assert is_acronym("IS") and is_acronym("LeJ") and is_acronym("IS-K")
    assert not is_acronym("Daesh") and not is_acronym("Pakistan Army")
