"""Column names are matched ignoring case and surrounding whitespace, in one place.

Old ACLED exports write `EVENT_ID_CNTY`, spreadsheets add stray spaces, some tools title-case
headers: each file must read exactly as its codebook-spelled twin, a truly missing column must
still be named, and two names that become one after normalising must be refused.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import signalfire
from signalfire.errors import FormatError
from signalfire.sources import get_adapter
from signalfire.sources.acled import AcledAdapter
from signalfire.sources.base import Adapter, Problems, column_key
from signalfire.sources.gtd import GtdAdapter
from signalfire.sources.readers import read_chunks
from signalfire.sources.ucdp import CountryMonthAdapter, GedAdapter

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {
    "acled": FIXTURES / "acled" / "acled_pak_sample.csv",
    "gtd": FIXTURES / "gtd" / "gtd_pak_sample.csv",
}
ADAPTERS: list[Adapter] = [GedAdapter(), CountryMonthAdapter(), AcledAdapter(), GtdAdapter()]

_MANGLERS = {
    "upper": str.upper,
    "title": lambda c: c.title(),
    "spaces": lambda c: f"  {c}\t ",
    "mixed": lambda c: f" {c[:1].upper()}{c[1:]} " if len(c) % 2 else c.upper(),
}


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _renamed(source: Path, target: Path, rename: Any) -> Path:
    rows = _rows(source)
    return _write(target, [[rename(c) for c in rows[0]], *rows[1:]])


def _read(path: Path, adapter: Adapter) -> tuple[pd.DataFrame, list[tuple[int, str, dict]]]:
    """What the adapter makes of a file: canonical rows, and (row, reason, raw) of bad ones."""
    frames, bad = [], []
    for chunk in read_chunks(path, adapter):
        normalized = adapter.normalize(chunk)
        frames.append(normalized.frame)
        for row in normalized.bad:
            raw = {column_key(k): v for k, v in json.loads(row.raw_row).items()}
            bad.append((row.row_number, row.reason, raw))
    return pd.concat(frames, ignore_index=True), bad


# --- the normaliser --------------------------------------------------------------------------

# Codebook column names are ASCII; Unicode case is not a round trip ("ı".upper() is "I").
_NAME = st.text(
    alphabet=st.characters(
        whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters="_-", max_codepoint=127
    ),
    min_size=1,
    max_size=20,
)
_SPACE = st.text(alphabet=" \t\u00a0", max_size=3)


@given(_NAME, _SPACE, _SPACE, st.sampled_from(sorted(_MANGLERS)))
def test_column_key_ignores_case_and_surrounding_spaces(
    name: str, before: str, after: str, how: str
) -> None:
    variant = before + _MANGLERS[how](name) + after
    assert column_key(variant) == column_key(name)
    assert column_key(column_key(variant)) == column_key(variant)  # idempotent
    assert column_key(variant) == column_key(variant).strip()


@given(_NAME, _NAME)
def test_column_key_keeps_inner_differences(a: str, b: str) -> None:
    # Only case and the ends are forgiven: "event date" is not "event_date".
    if a.casefold() != b.casefold():
        assert column_key(a) != column_key(b)
    assert column_key(f"{a} {b}") != column_key(f"{a}{b}")


@given(
    st.sampled_from(ADAPTERS),
    st.data(),
)
def test_header_gives_the_adapters_spelling(adapter: Adapter, data: st.DataObject) -> None:
    spelled = sorted(set(adapter.known_columns().values()))
    chosen = data.draw(st.lists(st.sampled_from(spelled), min_size=1, unique=True))
    extra = data.draw(
        st.lists(
            _NAME.filter(lambda n: column_key(n) not in {column_key(c) for c in spelled}),
            max_size=3,
            unique_by=column_key,
        )
    )
    mangled = [
        data.draw(_SPACE)
        + _MANGLERS[data.draw(st.sampled_from(sorted(_MANGLERS)))](c)
        + data.draw(_SPACE)
        for c in chosen
    ]
    header = adapter.header(Path("x.csv"), [*mangled, *extra])
    assert header[: len(chosen)] == chosen
    assert header[len(chosen) :] == [e.strip() for e in extra]
    assert adapter.header(Path("x.csv"), header) == header  # idempotent


@given(st.sampled_from(ADAPTERS), st.data())
def test_names_that_collide_are_refused(adapter: Adapter, data: st.DataObject) -> None:
    column = data.draw(st.sampled_from(sorted(adapter.known_columns().values())))
    twin = data.draw(_SPACE) + _MANGLERS[data.draw(st.sampled_from(sorted(_MANGLERS)))](column)
    columns = [column, "other", twin]
    with pytest.raises(FormatError, match="repeated columns") as caught:
        adapter.header(Path("f.csv"), columns)
    assert repr(column) in caught.value.message and repr(twin) in caught.value.message
    assert "f.csv" in caught.value.message


def test_every_column_an_adapter_reads_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """A column read but not declared would be missed when a file spells it in capitals."""
    read: list[str] = []
    original = Problems.text

    def spy(self: Problems, column: str) -> pd.Series:
        read.append(column)
        return original(self, column)

    monkeypatch.setattr(Problems, "text", spy)
    from signalfire.sources.base import RawChunk

    for adapter in ADAPTERS:
        read.clear()
        adapter.normalize(RawChunk(pd.DataFrame({"x": ["1"]}), rows=pd.Series([1]).to_numpy()))
        known = set(adapter.known_columns().values())
        assert read and set(read) <= known, (adapter.name, sorted(set(read) - known))


# --- files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", sorted(_MANGLERS))
@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_mangled_header_reads_like_the_codebooks(tmp_path: Path, kind: str, how: str) -> None:
    adapter = get_adapter(kind)
    expected_frame, expected_bad = _read(SAMPLES[kind], adapter)
    mangled = _renamed(SAMPLES[kind], tmp_path / f"{kind}.csv", _MANGLERS[how])
    frame, bad = _read(mangled, adapter)
    pd.testing.assert_frame_equal(frame, expected_frame)
    assert bad == expected_bad
    assert len(frame) > 5 and len(bad) > 3  # the samples hold good and bad rows


def test_old_acled_headers_in_capitals(tmp_path: Path) -> None:
    # The issue's own examples: EVENT_ID_CNTY, Event_Date, and a stray space.
    rows = _rows(SAMPLES["acled"])
    spelled = {
        "event_id_cnty": "EVENT_ID_CNTY",
        "event_date": "Event_Date",
        "latitude": " LATITUDE",
    }
    path = _write(tmp_path / "old.csv", [[spelled.get(c, c) for c in rows[0]], *rows[1:]])
    frame, _ = _read(path, AcledAdapter())
    assert "acled:PAK80001" in set(frame["event_id"])
    assert frame.loc[frame["event_id"] == "acled:PAK80001", "date_start"].iloc[0] == pd.Timestamp(
        "2021-03-15"
    )


def test_ged_upper_case_header_and_tab_delimiter(tmp_path: Path) -> None:
    from test_acled_gtd import _ged_file

    source = _ged_file(tmp_path)
    rows = _rows(source)
    path = tmp_path / "ged221_upper.tsv"
    path.write_text(
        "\n".join("\t".join(r) for r in [[c.upper() for c in rows[0]], *rows[1:]]) + "\n",
        encoding="utf-8",
    )
    frame, bad = _read(path, GedAdapter())
    assert bad == [] and frame["event_id"].tolist() == ["ucdp-ged:1"]
    assert frame["actor1"].tolist() == ["Government of Pakistan"]


def test_a_truly_missing_column_is_still_named(tmp_path: Path) -> None:
    rows = _rows(SAMPLES["acled"])
    drop = rows[0].index("fatalities")
    rows = [[c for i, c in enumerate(r) if i != drop] for r in rows]
    path = _write(tmp_path / "nofatal.csv", [[c.upper() for c in rows[0]], *rows[1:]])
    with pytest.raises(FormatError) as caught:
        list(read_chunks(path, AcledAdapter()))
    assert caught.value.missing == ["fatalities"]
    assert str(path) in caught.value.message and "EVENT_ID_CNTY" in caught.value.message


def test_a_collision_in_a_file_is_refused_before_anything_is_stored(
    store: signalfire.Store, tmp_path: Path
) -> None:
    rows = _rows(SAMPLES["acled"])
    at = rows[0].index("event_date")
    header = [*rows[0], " Event_Date"]
    path = _write(tmp_path / "twice.csv", [header, *[[*r, r[at]] for r in rows[1:]]])
    with pytest.raises(FormatError, match="repeated columns") as caught:
        signalfire.ingest(store, "acled", path)
    assert "'event_date' and 'Event_Date'" in caught.value.message
    assert str(path) in caught.value.message
    assert not any(store.counts().values())


def test_xlsx_headers_are_matched_the_same_way(tmp_path: Path) -> None:
    rows = _rows(SAMPLES["gtd"])
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append([f" {c.upper()} " for c in rows[0]])
    for row in rows[1:]:
        sheet.append(row)
    path = tmp_path / "gtd_upper.xlsx"
    workbook.save(path)
    frame, _ = _read(path, GtdAdapter())
    expected, _ = _read(SAMPLES["gtd"], GtdAdapter())
    assert frame["event_id"].tolist() == expected["event_id"].tolist()
    assert frame["actor1"].tolist() == expected["actor1"].tolist()


def test_blank_header_names_from_trailing_separators(tmp_path: Path) -> None:
    from test_acled_gtd import _ged_file

    lines = _ged_file(tmp_path).read_text(encoding="utf-8").splitlines()
    path = tmp_path / "trailing.csv"
    path.write_text("\n".join(line + ",,," for line in lines) + "\n", encoding="utf-8")
    frame, bad = _read(path, GedAdapter())
    assert bad == [] and frame["event_id"].tolist() == ["ucdp-ged:1"]
    width = len(lines[0].split(","))
    header = GedAdapter().header(path, [*lines[0].split(","), "", " ", ""])
    assert header[width:] == [f"unnamed_{width + n}" for n in (1, 2, 3)]
