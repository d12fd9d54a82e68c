"""Debian's Chromium driven by Playwright: the one launch the browser tests and
benchmarks/api_load.py share (it never downloads a browser; .ci/run installs `chromium`)."""

from __future__ import annotations

import shutil
from typing import Any

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


def launch(driver: Any) -> Any:
    """A headless browser from a started `sync_playwright()` driver."""
    return driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
