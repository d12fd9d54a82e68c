"""signalfire: early warning and analysis of political violence from public event data.

>>> import signalfire
>>> store = signalfire.open("signalfire.duckdb")
>>> signalfire.ingest(store, "ucdp-ged", "ged251-csv.zip")
>>> store.events(country=("PAK",), since=datetime.date(2019, 1, 1))
"""

from __future__ import annotations

__version__ = "0.1.0"

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
