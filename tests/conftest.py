"""Shared fixtures: the reference data folder, stores built from it, and the extractor."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser import chromium_path, launch
from hypothesis import settings as hypothesis_settings

import signalfire
from signalfire import settings
from signalfire.ingest import DEFAULT_BOUNDARIES, load_regions

if TYPE_CHECKING:
    from signalfire.extract import Extractor

GED_NAME = "ged221_pak_1989-2019.csv"

# No per-example deadline: on a loaded 2-core machine a first call into spaCy or dateparser can
# take longer than hypothesis's 200 ms, which would fail a test for its timing, not its logic.
# In CI (`.ci/run` sets CI=1) the examples are derandomized, so that a run lands or fails on the
# code alone; local runs keep exploring new examples (and keep failures in .hypothesis/).
hypothesis_settings.register_profile("signalfire", deadline=None)
hypothesis_settings.register_profile("signalfire-ci", deadline=None, derandomize=True)
hypothesis_settings.load_profile("signalfire-ci" if os.environ.get("CI") else "signalfire")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's SIGNALFIRE_* settings or writes to their cache."""
    for setting in settings.SETTINGS:
        monkeypatch.delenv(setting.env_var, raising=False)
    monkeypatch.setenv("SIGNALFIRE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    folder = settings.data_dir()
    if folder is None or not (folder / "ucdp" / GED_NAME).is_file():
        pytest.skip("the shared reference data (../shared/data) is not beside the project")
    return folder


@pytest.fixture(scope="session")
def extractor(shared_data: Path) -> Extractor:
    """The packaged extractor over the reference gazetteer (imported here, not at collection:
    it loads spaCy)."""
    from signalfire.extract.pipeline import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def ged_path(shared_data: Path) -> Path:
    return shared_data / "ucdp" / GED_NAME


def load_boundaries(store: signalfire.Store, shared: Path) -> None:
    for relative, level in DEFAULT_BOUNDARIES:
        load_regions(store, shared / relative, level)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[signalfire.Store]:
    with signalfire.open(tmp_path / "store.duckdb") as opened:
        yield opened


@pytest.fixture
def bounded_store(store: signalfire.Store, shared_data: Path) -> signalfire.Store:
    """An empty store with the shared province and district boundaries."""
    load_boundaries(store, shared_data)
    return store


@pytest.fixture(scope="session")
def ged_store_path(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, ged_path: Path
) -> Path:
    """A store file holding the boundaries and the real GED file; open it read-only."""
    path = tmp_path_factory.mktemp("ged") / "ged.duckdb"
    with signalfire.open(path) as fresh:
        load_boundaries(fresh, shared_data)
        signalfire.ingest(fresh, "ucdp-ged", ged_path)
    return path


@pytest.fixture
def ged_store(ged_store_path: Path) -> Iterator[signalfire.Store]:
    with signalfire.open(ged_store_path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per test session.

    Playwright's sync API allows one driver per process at a time, so every browser test
    shares this one. It never downloads a browser: .ci/run installs Debian's `chromium`.
    """
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(chromium_path()).is_file():
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    with playwright_api.sync_playwright() as driver:
        browser = launch(driver)
        yield browser
        browser.close()
