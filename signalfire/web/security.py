"""Security headers on every response and a cap on every request body.

The dashboard is static files and JSON only, so the policy can be strict: scripts only from
this origin, nothing fetched from anywhere else, no framing. Styles allow 'unsafe-inline'
because Leaflet and Plotly position elements with style attributes and Plotly adds its own
stylesheet at run time; no script can run from a style.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)

# Request bodies: small JSON for everything but uploads.
DEFAULT_BODY_LIMIT = 64 * 1024


class SecurityMiddleware:
    """Adds SECURITY_HEADERS; refuses bodies over the limit for the path (413)."""

    def __init__(
        self, app: ASGIApp, *, upload_limit: int, upload_paths: tuple[str, ...] = ()
    ) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = (
            self.upload_limit
            if any(path.startswith(p) for p in self.upload_paths)
            else DEFAULT_BODY_LIMIT
        )
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise ApiError(413, f"request body over the limit of {limit} bytes")
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name for name, _ in SECURITY_HEADERS}
                ]
                message["headers"] = headers + list(SECURITY_HEADERS)
            await send(message)

        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _too_large(send_with_headers, limit)
                return
        await self.app(scope, limited_receive, send_with_headers)


async def _too_large(send: Send, limit: int) -> None:
    from .errors import error_response

    response = error_response(413, f"request body over the limit of {limit} bytes")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": response.raw_headers,
        }
    )
    await send({"type": "http.response.body", "body": response.body})
