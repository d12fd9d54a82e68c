"""The actor table: file validation, coverage of the shared GED actors, alias resolution."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signalfire.actors import (
    ACTOR_KINDS,
    Actor,
    ActorTable,
    country_iso3,
    is_acronym,
    normalize_name,
)
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
        # Added in 2026.11.2 (gaps found by the relation work).
        ("Qatar", "qat_state"),
        ("Government of Qatar", "qat_state"),
        ("Turkey", "tur_state"),
        ("Türkiye", "tur_state"),
        ("Government of Turkey", "tur_state"),
        ("India", "ind_military"),
        ("Iran", "irn_military"),
        ("China", "chn_military"),
        ("United States", "usa_military"),
        ("the United States", "usa_military"),
        ("Pakistani state", "pak_military"),
        ("the Pakistani state", "pak_military"),
        ("Balochistan government", "pak_military"),
        ("the Balochistan government", "pak_military"),
        ("Haqqani", "haqqani"),
        ("Hizb-i Islami", "hia"),
        ("Hezb-e-Islami Gulbuddin", "hia"),
        ("Hezb-e Islami", "hia"),
        ("Khorasan Chapter of the Islamic State", "isis_k"),
        ("Lashkar-e-Jhangvi al-Alami", "lej_a"),
        ("LeJ-A", "lej_a"),
        ("LeJ al-Alami", "lej_a"),
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


def test_lej_a_is_its_own_actor_with_lej_as_parent(table: ActorTable) -> None:
    lej_a = table.get("lej_a")
    assert lej_a.parent == "lej" and table.get("lej").parent == ""
    assert table.resolve("Lashkar-e-Jhangvi").actor_id == "lej"  # type: ignore[union-attr]
    # Not one letter from LeJ: the acronym stays case-sensitive in text.
    pats = [p for p in table.patterns() if p["id"] == "lej_a"]
    assert [{"ORTH": "LeJ"}, {"ORTH": "-"}, {"ORTH": "A"}] in [p["pattern"] for p in pats]


def test_new_states_have_every_field(table: ActorTable) -> None:
    for actor_id, iso3 in (("qat_state", "QAT"), ("tur_state", "TUR")):
        actor = table.get(actor_id)
        assert (actor.kind, actor.country) == ("state_force", iso3)
        assert actor.name and actor.aliases


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Military Forces of Pakistan (2018-)", "pak_military"),
        ("Military Forces of Pakistan (2008-2018)", "pak_military"),
        ("Police Forces of Pakistan (2018-)", "pak_military"),
        ("police forces of pakistan ( 2018 - )", "pak_military"),
        ("Military Forces of Afghanistan (2014-2021)", "afg_military"),
        ("Military Forces of Afghanistan (2021-)", "afg_military"),
        ("Military Forces of the United States", "usa_military"),
        ("Military Forces of United States (2021-)", "usa_military"),
        ("Military Forces of India (2014-)", "ind_military"),
        ("Police Forces of India (2014-) Border Security Force", "ind_military"),
        ("Military Forces of Iran (1989-)", "irn_military"),
        ("Military Forces of Turkey (2016-)", "tur_state"),
        ("Military Forces of Qatar (1995-)", "qat_state"),
        ("Government of Pakistan (2018-)", "pak_military"),
    ],
)
def test_acled_state_forces_of_any_regime(table: ActorTable, name: str, actor_id: str) -> None:
    actor = table.resolve(name, fuzzy=False)
    assert actor is not None and actor.actor_id == actor_id


def test_acled_state_forces_of_a_country_without_a_state_actor(table: ActorTable) -> None:
    assert table.resolve("Military Forces of Russia (2000-)", fuzzy=False) is None
    assert table.resolve("Military Forces of Atlantis (2018-)", fuzzy=False) is None
    assert table.state_of("Forces of Momin Afridi") is None  # a militia, not a state


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Islamic State (Afghanistan)", "isis_k"),  # ACLED: group (country)
        ("Civilians (Pakistan)", "civilians"),
        ("Baloch Republican Army (BRA)", "bra"),  # GTD: name (acronym)
        ("Sipah-e-Sahaba Pakistan (SSP)", "ssp"),
        ("TTP: Tehreek-i-Taliban Pakistan", "ttp"),  # ACLED: acronym: name
        ("BLA: Baloch Liberation Army", "bla"),
        ("Jamaat-ul-Ahrar (Pakistan) (2018-)", "jua"),
    ],
)
def test_dataset_qualifiers_are_peeled(table: ActorTable, name: str, actor_id: str) -> None:
    actor = table.resolve(name, fuzzy=False)
    assert actor is not None and actor.actor_id == actor_id


def test_dataset_qualifiers_that_say_something_else_are_kept(table: ActorTable) -> None:
    # A faction in parentheses is not a qualifier to drop: Khalis's Hizb-i Islami is not HIG.
    assert table.dataset_forms("Hizb-i-Islami (Khalis)") == []
    assert table.resolve("Hizb-i-Islami (Khalis)", fuzzy=False) is None
    # An acronym naming another actor than the rest does is a contradiction, not a qualifier.
    assert table.dataset_forms("Baloch Republican Army (BLA)") == []
    assert table.resolve("Baloch Republican Army (BLA)", fuzzy=False) is None
    assert table.resolve("Unidentified Armed Group (Pakistan)", fuzzy=False) is None


def test_country_names_resolve_but_are_not_text_patterns(table: ActorTable) -> None:
    shown = {p["pattern"] for p in table.patterns() if isinstance(p["pattern"], str)}
    for country in ("India", "Iran", "China", "United States", "Qatar", "Turkey", "Pakistan"):
        assert table.resolve(country) is not None
        assert country not in shown and country.lower() not in {s.lower() for s in shown}
    assert "Government of Qatar" in shown and "Pakistani state" in shown
    assert country_iso3("the United States") == "USA" and country_iso3("Türkiye") == "TUR"
    assert country_iso3("Pakistani state") == ""


@given(
    st.sampled_from(["Military", "Police"]),
    st.sampled_from(["Pakistan", "Afghanistan", "India", "the United States"]),
    st.integers(1950, 2030),
    st.one_of(st.none(), st.integers(1950, 2030)),
)
def test_acled_year_ranges_never_matter(kind: str, country: str, start: int, end: int | None):
    years = f"({start}-{'' if end is None else end})"
    plain = _TABLE.state_of(f"{kind} Forces of {country}")
    dated = _TABLE.resolve(f"{kind} Forces of {country} {years}", fuzzy=False)
    assert plain is not None and dated == plain


def test_curated_lej_a_split_is_not_a_self_relation() -> None:
    from signalfire.graph.curated import load_curated

    facts = [(r, s) for r, s in load_curated() if r.subject_id == "lej_a"]
    assert [(r.relation, r.object_id) for r, _ in facts] == [("splinter_of", "lej")]
    assert all("https://" in s.reference for _, s in facts)
    # The mediator of the Doha talks is now a table actor, not a `new_` one.
    mediators = {r.subject_id for r, _ in load_curated() if r.relation == "mediates"}
    assert "qat_state" in mediators and not any(m.startswith("new_") for m in mediators)


def test_every_actor_has_every_field(table: ActorTable) -> None:
    # Country "" is only for transnational actors: coalitions, global jihadist groups, civilians.
    transnational = {"nato_isaf", "isis_k", "al_qaida", "aqis", "imu", "etim", "civilians"}
    for actor in table:
        assert actor.actor_id and actor.name.strip() and actor.kind in ACTOR_KINDS
        assert actor.aliases, actor.actor_id
        assert actor.country or actor.actor_id in transnational, actor.actor_id
        # Each actor is found by its own name and every alias.
        for alias in (actor.name, *actor.aliases):
            found = table.resolve(alias, fuzzy=False)
            assert found is not None and found.actor_id == actor.actor_id, (alias, found)


_PIECE = st.sampled_from(
    ["TTP", "BLA", "Khalis", "Pakistan", "2018-", "2014-2021", "Islamic State", "Taliban", "x", ""]
)


@given(st.lists(st.tuples(st.sampled_from(["({})", "{}: ", " {} "]), _PIECE), max_size=5))
def test_dataset_forms_only_shorten_and_never_fail(parts: list[tuple[str, str]]) -> None:
    name = "".join(template.format(piece) for template, piece in parts)
    forms = _TABLE.dataset_forms(name)
    lengths = [len(" ".join(name.split())), *map(len, forms)]
    assert lengths == sorted(lengths, reverse=True) and len(set(lengths)) == len(lengths)
    found = _TABLE.resolve(name)
    assert found is None or found.actor_id in _TABLE


def test_a_group_that_governs_acts_as_the_state_from_that_day(
    table: ActorTable, tmp_path: Path
) -> None:
    assert table.on("afg_taliban", dt.date(2021, 8, 14)) == "afg_taliban"
    assert table.on("afg_taliban", dt.date(2021, 8, 15)) == "afg_military"
    assert table.on("afg_taliban", None) == "afg_taliban"  # undated: as itself
    assert table.on("ttp", dt.date(2024, 1, 1)) == "ttp"
    assert table.on("not_in_table", dt.date(2024, 1, 1)) == "not_in_table"
    head = 'version = "1"\n[[actor]]\nid = "g"\nname = "G"\nkind = "rebel_group"\n'
    bad_day = tmp_path / "bad_day.toml"
    bad_day.write_text(head + 'country = "AFG"\ngoverns_from = "15 August 2021"\n')
    with pytest.raises(InputError, match="governs_from '15 August 2021': expected a date"):
        ActorTable.load(bad_day)
    no_state = tmp_path / "no_state.toml"
    no_state.write_text(head + 'country = "AFG"\ngoverns_from = "2021-08-15"\n')
    with pytest.raises(InputError, match="no state force of AFG"):
        ActorTable.load(no_state)
    no_country = tmp_path / "no_country.toml"
    no_country.write_text(head + 'governs_from = "2021-08-15"\n')
    with pytest.raises(InputError, match="governs_from needs a country"):
        ActorTable.load(no_country)


def test_a_known_acronym_before_an_unknown_name_resolves(table: ActorTable) -> None:
    # ACLED writes "NATO: North Atlantic Treaty Organization"; the table knows "NATO" only.
    actor = table.resolve("NATO: North Atlantic Treaty Organization", fuzzy=False)
    assert actor is not None and actor.actor_id == "nato_isaf"
    assert table.resolve("XYZQ: Some Unknown Front", fuzzy=False) is None
