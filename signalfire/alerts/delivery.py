"""Delivering alerts: a signed webhook POST (behind a transport seam) and an Atom feed."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import pandas as pd

from .. import output
from .records import Alert

SIGNATURE_HEADER = "X-Signalfire-Signature"
ATOM = "http://www.w3.org/2005/Atom"
# Worth another try: the server may be busy or restarting. Other 4xx answers will not change.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class PostTransport(Protocol):
    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        """Send `body`; return the HTTP status, or raise OSError/httpx.HTTPError when the
        request did not get an answer."""


class HttpxTransport:
    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout

    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        response = httpx.post(url, content=body, headers=dict(headers), timeout=self.timeout)
        return response.status_code


@dataclass(frozen=True)
class Delivery:
    alert_id: str
    delivered: bool
    attempts: int
    status: int | None
    error: str | None = None


def signature(body: bytes, secret: str) -> str:
    """'sha256=' + hex HMAC-SHA256 of the exact body, as GitHub-style receivers verify it."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _records(alerts: Iterable[Alert] | pd.DataFrame) -> list[dict[str, Any]]:
    if isinstance(alerts, pd.DataFrame):
        return output.records(alerts)
    return [a.record() for a in alerts]


def deliver_webhook(
    alerts: Iterable[Alert] | pd.DataFrame,
    url: str,
    *,
    secret: str | None = None,
    transport: PostTransport | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    on_result: Callable[[Delivery], None] | None = None,
) -> list[Delivery]:
    """POST each alert as one JSON object; retry `retries` times on 5xx/429/timeouts with
    exponential backoff, then give up on that alert (reported, not raised) and go on.
    `on_result` is called after each alert, so a caller interrupted midway knows what went."""
    transport = transport or HttpxTransport()
    results = []
    for record in _records(alerts):
        body = json.dumps(record, sort_keys=True, default=str).encode()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "signalfire",
            "X-Signalfire-Alert": str(record["alert_id"]),
        }
        if secret:
            headers[SIGNATURE_HEADER] = signature(body, secret)
        status: int | None = None
        error: str | None = None
        attempts = 0
        for attempt in range(retries + 1):
            attempts = attempt + 1
            try:
                status = transport.post(url, body, headers)
                error = None if 200 <= status < 300 else f"HTTP {status}"
            except (OSError, httpx.HTTPError) as exc:
                status, error = None, f"{type(exc).__name__}: {exc}"
            if error is None or (status is not None and status not in RETRY_STATUSES):
                break
            if attempt < retries:
                sleep(backoff * 2**attempt)
        result = Delivery(str(record["alert_id"]), error is None, attempts, status, error)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def atom_feed(
    frame: pd.DataFrame | Iterable[Alert],
    *,
    title: str = "signalfire alerts",
    feed_id: str = "urn:signalfire:alerts",
    link: str | None = None,
    updated: dt.datetime | None = None,
) -> str:
    """An Atom 1.0 feed, one entry per alert (id urn:signalfire:alert:<alert_id>)."""
    records = _records(frame)
    now = (updated or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(now)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "signalfire"
    if link:
        ET.SubElement(feed, f"{{{ATOM}}}link", href=link, rel="self")
    for record in records:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:signalfire:alert:{record['alert_id']}"
        region = record["region_id"] + (f" / {record['actor_id']}" if record["actor_id"] else "")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = (
            f"[{record['severity']}] {record['kind'].replace('_', ' ')}: {region} "
            f"({record['period_start']}..{record['period_end']})"
        )
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(_month_end(record["period_end"]))
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = record["message"]
        ET.SubElement(entry, f"{{{ATOM}}}category", term=record["kind"])
        ET.SubElement(entry, f"{{{ATOM}}}category", term=f"severity:{record['severity']}")
        content = ET.SubElement(entry, f"{{{ATOM}}}content", type="text")
        content.text = json.dumps(record, sort_keys=True, default=str)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)


def _month_end(month: str) -> dt.datetime:
    period = pd.Period(month, freq="M")
    return period.end_time.to_pydatetime().replace(microsecond=0, tzinfo=dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat().replace("+00:00", "Z")
