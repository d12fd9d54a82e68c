"""One table of settings: read from flags, then the environment (SIGNALFIRE_*), then defaults."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env_var(self) -> str:
        return "SIGNALFIRE_" + self.name.upper()


def _positive_float(raw: str) -> float:
    value = float(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError(raw)
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "signalfire.duckdb", "Path of the DuckDB store file."),
    Setting(
        "data_dir",
        "",
        "Folder with the reference data (ucdp/, geo/). Empty: look for ../shared/data "
        "beside the working directory and the project, else download into cache_dir.",
    ),
    Setting("cache_dir", "", "Download cache. Empty: the platform's user cache folder."),
    Setting(
        "snap_km",
        25.0,
        "An event outside every polygon of its country but within this many km of one "
        "is assigned to the nearest; further away it is quarantined.",
        _positive_float,
    ),
    Setting(
        "memory_limit",
        "512MB",
        "Most memory DuckDB may use before it spills to disk (DuckDB's memory_limit).",
    ),
    Setting(
        "lock_wait",
        30.0,
        "Seconds `signalfire.open` and the CLI wait for a store file another process holds (a "
        "running `signalfire serve` lets go of it between bursts of requests) before giving up.",
        _positive_float,
    ),
    Setting(
        "webhook_secret",
        "",
        "Key of the HMAC-SHA256 signature (X-Signalfire-Signature) on alert webhooks. "
        "Empty: deliveries are not signed.",
    ),
    Setting(
        "batch_bytes",
        4 << 20,
        "Bytes of input parsed per batch; memory use scales with it, not with file size.",
        _positive_int,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, flag: Any = None, environ: Mapping[str, str] | None = None) -> Any:
    """The value of a setting: the flag if given, else SIGNALFIRE_<NAME>, else the default."""
    setting = _BY_NAME[name]
    if flag is not None:
        return flag
    env = os.environ if environ is None else environ
    raw = env.get(setting.env_var)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        raise ConfigError(setting.env_var, raw, f"a value for {setting.help!r}") from None


def db_path(flag: str | os.PathLike[str] | None = None) -> Path:
    return Path(get("db", flag))


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


def data_dir(flag: str | os.PathLike[str] | None = None) -> Path | None:
    """The reference-data folder if one exists; None means: download instead."""
    configured = get("data_dir", flag)
    if configured:
        path = Path(configured)
        if not path.is_dir():
            raise ConfigError("data_dir", str(path), "an existing folder")
        return path
    for candidate in (
        Path.cwd().parent / "shared" / "data",
        project_root().parent / "shared" / "data",
    ):
        if (candidate / "ucdp").is_dir() or (candidate / "geo").is_dir():
            return candidate
    return None


def cache_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    configured = get("cache_dir", flag)
    if configured:
        return Path(configured)
    import pooch

    return Path(pooch.os_cache("signalfire"))
