"""signalfire: early warning and analysis of political violence from public event data.

>>> import signalfire
>>> store = signalfire.open("signalfire.duckdb")
>>> signalfire.ingest(store, "ucdp-ged", "ged251-csv.zip")
>>> store.events(country=("PAK",), since=datetime.date(2019, 1, 1))

The names below are imported on first use (PEP 562), so `import signalfire` and the CLI's
`--help` do not load pandas, spaCy, LightGBM, matplotlib or FastAPI until a name needs them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .actors import Actor, ActorTable
    from .alerts import Alert, compute_alerts
    from .domain import EventFilter, IngestReport, Month
    from .errors import (
        ConfigError,
        EmptyFileError,
        FetchError,
        FormatError,
        InputError,
        NotFoundError,
        SchemaError,
        SchemaVersionError,
        SignalfireError,
        StoreError,
    )
    from .extract import Document, ExtractedEvent, Extractor
    from .fetch import Fetcher, HttpTransport, LocalDirTransport, MockTransport, Transport
    from .graph.features import actor_panel, allied_activity
    from .graph.text import RelationExtractor
    from .ingest import ingest, load_regions
    from .report import Brief, BriefRequest, compute_brief
    from .report import render as render_brief
    from .store import Store, open

# Public name -> (module, attribute in it). Keep in step with the TYPE_CHECKING imports above
# (tests/test_startup.py checks that every name in __all__ resolves).
_LAZY: dict[str, tuple[str, str]] = {
    **{n: (".actors", n) for n in ("Actor", "ActorTable")},
    **{n: (".alerts", n) for n in ("Alert", "compute_alerts")},
    **{n: (".domain", n) for n in ("EventFilter", "IngestReport", "Month")},
    **{
        n: (".errors", n)
        for n in (
            "ConfigError",
            "EmptyFileError",
            "FetchError",
            "FormatError",
            "InputError",
            "NotFoundError",
            "SchemaError",
            "SchemaVersionError",
            "SignalfireError",
            "StoreError",
        )
    },
    **{n: (".extract", n) for n in ("Document", "ExtractedEvent", "Extractor")},
    **{
        n: (".fetch", n)
        for n in ("Fetcher", "HttpTransport", "LocalDirTransport", "MockTransport", "Transport")
    },
    **{n: (".graph.features", n) for n in ("actor_panel", "allied_activity")},
    "RelationExtractor": (".graph.text", "RelationExtractor"),
    **{n: (".ingest", n) for n in ("ingest", "load_regions")},
    **{n: (".report", n) for n in ("Brief", "BriefRequest", "compute_brief")},
    "render_brief": (".report", "render"),
    **{n: (".store", n) for n in ("Store", "open")},
}

__all__ = [
    "Actor",
    "ActorTable",
    "Alert",
    "Brief",
    "BriefRequest",
    "ConfigError",
    "Document",
    "EmptyFileError",
    "EventFilter",
    "ExtractedEvent",
    "Extractor",
    "FetchError",
    "Fetcher",
    "FormatError",
    "HttpTransport",
    "IngestReport",
    "InputError",
    "LocalDirTransport",
    "MockTransport",
    "Month",
    "NotFoundError",
    "RelationExtractor",
    "SchemaError",
    "SchemaVersionError",
    "SignalfireError",
    "Store",
    "StoreError",
    "Transport",
    "__version__",
    "actor_panel",
    "allied_activity",
    "compute_alerts",
    "compute_brief",
    "ingest",
    "load_regions",
    "open",
    "render_brief",
]


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'signalfire' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name, __name__), attribute)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """Keeps a public name from being hidden by the submodule of the same name.

    Importing the submodule `signalfire.ingest` makes Python set the package attribute
    `ingest` to that module; `signalfire.ingest` must stay the function, as it was when the
    names were imported eagerly (the function was bound after the submodule).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name, ("", ""))[1] == name:
            module_name, _ = _LAZY[name]
            if value.__name__ == f"{__name__}{module_name}":
                value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
