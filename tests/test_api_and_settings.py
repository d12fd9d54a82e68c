"""The public import surface, settings precedence and domain values."""

from __future__ import annotations

import datetime as dt

import pytest

import signalfire
from signalfire import settings
from signalfire.domain import EventFilter, Month, parse_day


def test_all_is_sorted_and_importable() -> None:
    assert signalfire.__all__ == sorted(signalfire.__all__)
    for name in signalfire.__all__:
        assert getattr(signalfire, name) is not None
    assert {"open", "ingest", "Store", "SignalfireError"} <= set(signalfire.__all__)


def test_every_error_descends_from_the_root() -> None:
    errors = [getattr(signalfire, n) for n in signalfire.__all__ if n.endswith("Error")]
    assert all(issubclass(e, signalfire.SignalfireError) for e in errors)
    assert len({e.exit_code for e in errors if e is not signalfire.SignalfireError}) >= 5


def test_schema_error_carries_its_fields() -> None:
    exc = signalfire.SchemaError("f.csv", 12, "best", "an integer >= 0", "-3")
    assert (exc.row, exc.column, exc.expected, exc.got) == (12, "best", "an integer >= 0", "-3")
    assert str(exc) == "f.csv: row 12, column 'best': expected an integer >= 0, got '-3'"


def test_setting_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.get("snap_km") == 25.0
    monkeypatch.setenv("SIGNALFIRE_SNAP_KM", "10")
    assert settings.get("snap_km") == 10.0
    assert settings.get("snap_km", 3.0) == 3.0
    monkeypatch.setenv("SIGNALFIRE_SNAP_KM", "-4")
    with pytest.raises(signalfire.ConfigError, match="SIGNALFIRE_SNAP_KM"):
        settings.get("snap_km")


def test_data_dir_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("SIGNALFIRE_DATA_DIR", str(tmp_path / "absent"))
    with pytest.raises(signalfire.ConfigError, match="absent"):
        settings.data_dir()


def test_month_values() -> None:
    assert str(Month.parse("2019-12") + 1) == "2020-01"
    assert str(Month(2020, 1) - 13) == "2018-12"
    assert Month.parse("2019-02").last_day() == dt.date(2019, 2, 28)
    with pytest.raises(ValueError, match="13"):
        Month(2019, 13)
    with pytest.raises(ValueError, match="'2019/12'"):
        Month.parse("2019/12")


def test_parse_day_and_filters() -> None:
    assert parse_day("2019-07") == dt.date(2019, 7, 1)
    with pytest.raises(ValueError, match="'July'"):
        parse_day("July")
    with pytest.raises(ValueError, match="'pak'"):
        EventFilter(country=("pak",))
    with pytest.raises(ValueError, match="'riots'"):
        EventFilter(violence_type=("riots",))
    with pytest.raises(ValueError, match="after"):
        EventFilter(since=dt.date(2020, 1, 1), until=dt.date(2019, 1, 1))
