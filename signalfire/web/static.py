"""The dashboard's files: served from the package (and Plotly from the plotly package).

Files are read once, gzipped once and revalidated by ETag, so a reload costs a few 304s.
Nothing is fetched from any other origin: the dashboard works with no internet connection.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.responses import Response

from .errors import ApiError

STATIC_DIR = Path(__file__).parent / "static"
PAGES = {"/": "index.html", "/backtest": "backtest.html", "/actors": "actors.html"}
_COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
)


@cache
def plotly_path() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise ApiError(503, f"plotly.min.js is missing from the plotly package ({path})")
    return path


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    etag: str
    media_type: str


_assets: dict[Path, Asset] = {}
_lock = threading.Lock()


def _asset(path: Path) -> Asset:
    with _lock:
        found = _assets.get(path)
    if found is not None:
        return found
    body = path.read_bytes()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type == "application/javascript":
        media_type += "; charset=utf-8"
    asset = make_asset(body, media_type)
    with _lock:
        _assets[path] = asset
    return asset


def make_asset(body: bytes, media_type: str) -> Asset:
    compress = media_type.startswith(_COMPRESSIBLE) and len(body) > 1024
    return Asset(
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0) if compress else None,
        etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        media_type=media_type,
    )


def asset_response(request: Request, asset: Asset, max_age: int = 0) -> Response:
    """The asset, gzipped when the client accepts it; 304 when the client has it already."""
    cache_control = f"public, max-age={max_age}" if max_age else "no-cache"
    headers = {"ETag": asset.etag, "Cache-Control": cache_control, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == asset.etag:
        return Response(status_code=304, headers=headers)
    body = asset.body
    if asset.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = asset.gzipped
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=asset.media_type, headers=headers)


def mount(app: FastAPI) -> None:
    for route, page in PAGES.items():

        def serve_page(request: Request, page: str = page) -> Response:
            return asset_response(request, _asset(STATIC_DIR / page))

        app.add_api_route(route, serve_page, methods=["GET", "HEAD"], include_in_schema=False)

    def serve_plotly(request: Request) -> Response:
        return asset_response(request, _asset(plotly_path()), max_age=86400)

    app.add_api_route(
        "/static/vendor/plotly.min.js", serve_plotly, methods=["GET"], include_in_schema=False
    )

    def serve_static(request: Request, path: str) -> Response:
        target = (STATIC_DIR / path).resolve()
        root = STATIC_DIR.resolve()
        if root not in target.parents or not target.is_file() or target.name.startswith("."):
            raise ApiError(404, f"no static file {path!r}")
        max_age = 86400 if "vendor" in target.relative_to(root).parts else 0
        return asset_response(request, _asset(target), max_age=max_age)

    app.add_api_route("/static/{path:path}", serve_static, methods=["GET"], include_in_schema=False)
