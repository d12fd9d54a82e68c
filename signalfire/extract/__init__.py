"""News text to structured events: actors, event type, place, date and casualties, with the
character spans each came from. See `pipeline.Extractor`."""

from __future__ import annotations

from .model import ActorRole, Document, Evidence, ExtractedEvent
from .pipeline import Extractor

__all__ = ["ActorRole", "Document", "Evidence", "ExtractedEvent", "Extractor"]
