"""The store file: schema versions and migrations, atomic ingest under interruption."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

import signalfire
from signalfire.schema import MIGRATIONS, SCHEMA_VERSION
from signalfire.store import Store


def test_new_store_is_at_the_current_version(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    assert store.migrated_from == 0
    assert store.counts() == dict.fromkeys(
        ("events", "sources", "quarantine", "regions", "country_months", "forecast_runs"), 0
    )


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    signalfire.open(tmp_path / "s.duckdb").close()
    with signalfire.open(tmp_path / "s.duckdb") as again:
        assert again.migrated_from is None


class NextStore(Store):
    """The store as a later release with one more migration would open it."""

    migrations = (*MIGRATIONS, "ALTER TABLE country_months ADD COLUMN note VARCHAR")


def test_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with signalfire.open(path) as old:
        old.con.execute("INSERT INTO country_months VALUES ('PAK', '2019-01', 3, NULL, 1)")
    with NextStore(path) as store:
        assert store.migrated_from == SCHEMA_VERSION
        assert store.schema_version() == SCHEMA_VERSION + 1
        kept = store.query("SELECT fatalities, note FROM country_months").iloc[0]
        assert kept["fatalities"] == 3
        assert kept["note"] is None


def test_store_from_a_newer_signalfire_says_how(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    NextStore(path).close()
    with pytest.raises(signalfire.SchemaVersionError, match="upgrade") as info:
        signalfire.open(path)
    assert info.value.found == SCHEMA_VERSION + 1
    assert info.value.supported == SCHEMA_VERSION


def test_read_only_open_of_an_old_store_says_how_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    signalfire.open(path).close()
    with pytest.raises(signalfire.SchemaVersionError, match="Open it once for writing"):
        NextStore(path, read_only=True)
    with NextStore(path) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION + 1


def test_a_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE whatever (x INTEGER)")
    con.close()
    with pytest.raises(signalfire.StoreError, match="not a signalfire store"):
        signalfire.open(path)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(signalfire.StoreError, match="no store here"):
        signalfire.open(tmp_path / "absent.duckdb", read_only=True)


def test_a_file_that_is_not_duckdb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.duckdb"
    path.write_text("hello, I am not a database\n" * 100)
    with pytest.raises(signalfire.StoreError, match="cannot open"):
        signalfire.open(path)


def test_db_path_from_flag_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from signalfire import settings

    assert settings.db_path() == Path("signalfire.duckdb")
    monkeypatch.setenv("SIGNALFIRE_DB", str(tmp_path / "env.duckdb"))
    assert settings.db_path() == tmp_path / "env.duckdb"
    assert settings.db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"


def test_ctrl_c_during_ingest_leaves_the_store_as_it_was(
    bounded_store: Store, ged_path: Path
) -> None:
    before = bounded_store.counts()

    def interrupt(rows: int) -> None:
        if rows > 1000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        signalfire.ingest(
            bounded_store, "ucdp-ged", ged_path, batch_bytes=256 << 10, on_chunk=interrupt
        )
    assert bounded_store.counts() == before
    # And the same file then goes in whole.
    report = signalfire.ingest(bounded_store, "ucdp-ged", ged_path)
    assert report.rows_stored == 6082


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import signalfire

    store = signalfire.open(sys.argv[1])
    def die(rows):
        if rows > 2000:
            os.kill(os.getpid(), signal.SIGKILL)
    signalfire.ingest(store, "ucdp-ged", sys.argv[2], batch_bytes=256 << 10, on_chunk=die)
    """
)


def test_kill_9_during_ingest_leaves_the_store_as_it_was(
    tmp_path: Path, ged_path: Path, shared_data: Path
) -> None:
    path = tmp_path / "killed.duckdb"
    with signalfire.open(path) as store:
        from conftest import load_boundaries

        load_boundaries(store, shared_data)
        signalfire.ingest(
            store, "ucdp-country-month", next((shared_data / "ucdp").glob("country_month*.csv"))
        )
        before = store.counts()
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(path), str(ged_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    with signalfire.open(path) as store:
        assert store.counts() == before
        report = signalfire.ingest(store, "ucdp-ged", ged_path)
        assert report.rows_stored == 6082


class FirstReleaseStore(Store):
    """The store as signalfire's first schema wrote it (events only, no forecast tables)."""

    migrations = MIGRATIONS[:1]


def test_a_first_release_store_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    with FirstReleaseStore(path) as old:
        old.con.execute("INSERT INTO country_months VALUES ('PAK', '2019-01', 3, NULL, 1)")
        tables = {
            r[0] for r in old.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        assert "forecast_runs" not in tables
    with signalfire.open(path) as store:
        assert store.migrated_from == 1
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["forecast_runs"] == 0
        assert store.country_months()["fatalities"].tolist() == [3]
