"""Every API error, rendered in one JSON shape in one place.

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

Handlers cover our own ApiError, signalfire's errors, FastAPI's validation errors, Starlette's
HTTP errors (unknown route, wrong method) and, last, anything unexpected (a 500 whose message
reveals nothing about the server; the traceback goes to the log).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    ConfigError,
    InputError,
    NotFoundError,
    SchemaVersionError,
    SignalfireError,
    StoreError,
)
from .db import JSONBody

log = logging.getLogger("signalfire.web")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    411: "length_required",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API reports on purpose (status, message and optional details)."""

    def __init__(
        self, status: int, message: str, details: list[Any] | None = None, code: str = ""
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.code = code or _CODES.get(status, "error")


def error_response(
    status: int,
    message: str,
    details: list[Any] | None = None,
    code: str = "",
    headers: dict[str, str] | None = None,
) -> JSONBody:
    body = {
        "error": {
            "status": status,
            "code": code or _CODES.get(status, "error"),
            "message": message,
            "details": details,
        }
    }
    return JSONBody(body, status_code=status, headers=headers)


def _status_of(exc: SignalfireError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError | ConfigError):
        return 422
    if isinstance(exc, SchemaVersionError | StoreError):
        return 503
    return 400


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for item in exc.errors():
        location = [str(part) for part in item.get("loc", ())]
        details.append(
            {
                "field": ".".join(location[1:]) or ".".join(location),
                "in": location[0] if location else "",
                "message": str(item.get("msg", "")),
            }
        )
    return details


def install(app: FastAPI) -> None:
    """Register the handlers: the only place errors become responses."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONBody:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.message, exc.details, exc.code, headers)

    @app.exception_handler(SignalfireError)
    async def _signalfire(request: Request, exc: SignalfireError) -> JSONBody:
        return error_response(_status_of(exc), exc.message)

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> JSONBody:
        # Domain dataclasses reject bad values with ValueError naming the field and value.
        return error_response(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONBody:
        details = _validation_details(exc)
        fields = ", ".join(d["field"] for d in details if d["field"]) or "the request"
        return error_response(422, f"invalid value for {fields}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONBody:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path}"
        return error_response(exc.status_code, message, headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONBody:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error: the server log has the details")
