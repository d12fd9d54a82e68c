"""The REST API and the offline dashboard (FastAPI): `create_app(db_path)`."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
