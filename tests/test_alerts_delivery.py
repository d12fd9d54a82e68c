"""Alert delivery: the webhook against a local test server (no network), and the Atom feed."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_cli import run

import signalfire
from signalfire.alerts import Alert, atom_feed, deliver_webhook, list_alerts, save_alerts
from signalfire.alerts.delivery import SIGNATURE_HEADER, Delivery, HttpxTransport
from signalfire.alerts.store import deliveries_due, delivery_log, record_deliveries

ATOM = "{http://www.w3.org/2005/Atom}"


class Recorder:
    """What the test server answers (a list of statuses, the last one repeated) and got."""

    def __init__(self) -> None:
        self.statuses: list[int] = [200]
        self.bodies: list[bytes] = []
        self.headers: list[dict[str, str]] = []


@pytest.fixture
def server() -> Iterator[tuple[str, Recorder]]:
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            recorder.bodies.append(body)
            recorder.headers.append(dict(self.headers))
            index = min(len(recorder.bodies), len(recorder.statuses)) - 1
            self.send_response(recorder.statuses[index])
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/hook", recorder
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def alert(region: str = "R1", **changes: object) -> Alert:
    fields: dict[str, object] = {
        "kind": "surge",
        "level": "adm2",
        "region_id": region,
        "period_start": "2013-03",
        "period_end": "2013-06",
        "score": 2.0,
        "severity": "high",
        "message": "Karachi: 127 fatalities since 2013-03 <& more>.",
        "evidence": {"event_ids": ["ucdp-ged:1"]},
    }
    fields.update(changes)
    return Alert(**fields)  # type: ignore[arg-type]


def test_webhook_posts_signed_json(server: tuple[str, Recorder]) -> None:
    url, recorder = server
    sent = alert()
    results = deliver_webhook([sent], url, secret="s3cret", sleep=lambda _: None)
    assert [(r.delivered, r.attempts, r.status) for r in results] == [(True, 1, 200)]
    body = recorder.bodies[0]
    assert json.loads(body) == sent.record()
    expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert recorder.headers[0][SIGNATURE_HEADER] == expected
    assert recorder.headers[0]["Content-Type"] == "application/json"


def test_webhook_retries_on_500_then_succeeds(server: tuple[str, Recorder]) -> None:
    url, recorder = server
    recorder.statuses = [500, 503, 200]
    waits: list[float] = []
    results = deliver_webhook([alert()], url, retries=3, backoff=0.5, sleep=waits.append)
    assert [(r.delivered, r.attempts, r.status) for r in results] == [(True, 3, 200)]
    assert waits == [0.5, 1.0]
    assert len(recorder.bodies) == 3


def test_webhook_gives_up_cleanly_and_goes_on(server: tuple[str, Recorder]) -> None:
    url, recorder = server
    recorder.statuses = [500]
    results = deliver_webhook([alert("R1"), alert("R2")], url, retries=2, sleep=lambda _: None)
    assert [(r.delivered, r.attempts, r.status, r.error) for r in results] == [
        (False, 3, 500, "HTTP 500"),
        (False, 3, 500, "HTTP 500"),
    ]
    assert len(recorder.bodies) == 6


def test_webhook_does_not_retry_a_client_error(server: tuple[str, Recorder]) -> None:
    url, recorder = server
    recorder.statuses = [404]
    results = deliver_webhook([alert()], url, retries=3, sleep=lambda _: None)
    assert [(r.delivered, r.attempts) for r in results] == [(False, 1)]


def test_webhook_unreachable_server_gives_up_without_raising() -> None:
    # A port that was free a moment ago and that nobody listens on: refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    results = deliver_webhook(
        [alert()],
        f"http://127.0.0.1:{port}/hook",
        retries=1,
        transport=HttpxTransport(timeout=2.0),
        sleep=lambda _: None,
    )
    assert not results[0].delivered
    assert results[0].attempts == 2
    assert results[0].status is None
    assert results[0].error


def test_atom_feed_is_valid_xml_with_one_entry_per_alert() -> None:
    text = atom_feed([alert("R1"), alert("R2", kind="new_actor", actor_id="TTP")])
    root = ET.fromstring(text)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids == [f"urn:signalfire:alert:{alert('R1').alert_id}", ids[1]]
    assert entries[0].findtext(f"{ATOM}summary") == alert().message
    assert "TTP" in (entries[1].findtext(f"{ATOM}title") or "")
    assert entries[0].findtext(f"{ATOM}updated") == "2013-06-30T23:59:59Z"


def test_cli_deliver_signs_with_the_secret_and_reports_failures(
    server: tuple[str, Recorder],
    store: signalfire.Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, recorder = server
    save_alerts(store, [alert("R1"), alert("R2")], as_of="2013-06")
    path = str(store.path)
    store.close()
    monkeypatch.setenv("SIGNALFIRE_WEBHOOK_SECRET", "k")
    code, out, err = run(["alerts", "deliver", "--db", path, "--url", url], capsys)
    assert code == 0, err
    assert "2 of 2 alerts delivered" in out
    for body, headers in zip(recorder.bodies, recorder.headers, strict=True):
        assert headers[SIGNATURE_HEADER] == "sha256=" + hmac.new(b"k", body, "sha256").hexdigest()
    recorder.statuses = [503]
    argv = ["alerts", "deliver", "--db", path, "--url", url, "--retries", "0", "--resend"]
    code, out, err = run(argv, capsys)
    assert code == 5
    assert "2 alerts not delivered" in err and "HTTP 503" in err


def _deliver(path: str, url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code, out, err = run(["alerts", "deliver", "--db", path, "--url", url, *extra], capsys)
    assert code == 0, err
    return out


def _posted(recorder: Recorder) -> list[str]:
    return [h["X-Signalfire-Alert"] for h in recorder.headers]


def test_cli_deliver_posts_each_alert_once_until_it_changes(
    server: tuple[str, Recorder], store: signalfire.Store, capsys: pytest.CaptureFixture[str]
) -> None:
    url, recorder = server
    save_alerts(store, [alert("R1"), alert("R2")], as_of="2013-06")
    path = str(store.path)
    store.close()
    assert "2 of 2 alerts delivered" in _deliver(path, url, capsys)
    assert len(recorder.bodies) == 2
    out = _deliver(path, url, capsys)
    assert "0 of 0 alerts delivered" in out and "2 already delivered" in out
    assert len(recorder.bodies) == 2  # nothing re-posted
    # R1 goes on a month later: updated, so delivered again; R2 unchanged, not re-posted.
    with signalfire.open(path) as again:
        assert save_alerts(again, [alert("R1", period_end="2013-07", score=3.0)]) == 1
    assert "1 of 1 alerts delivered" in _deliver(path, url, capsys)
    assert _posted(recorder)[2:] == [alert("R1").alert_id]
    assert json.loads(recorder.bodies[2])["period_end"] == "2013-07"
    # --resend posts every matching alert; another URL has had nothing yet.
    assert "2 of 2 alerts delivered" in _deliver(path, url, capsys, "--resend")
    assert "2 of 2 alerts delivered" in _deliver(path, url + "?other", capsys)
    assert len(recorder.bodies) == 7
    with signalfire.open(path) as again:
        log = delivery_log(again, url)
    assert len(log) == 5
    assert set(log["status"]) == {"delivered"}
    assert set(log["http_status"]) == {200}
    r1 = log[log["alert_id"] == alert("R1").alert_id].sort_values("delivered_at")
    assert r1["alert_updated_at"].is_monotonic_increasing
    assert r1["alert_updated_at"].iloc[0] < r1["alert_updated_at"].iloc[-1]


def test_cli_deliver_retries_only_the_failed_alerts_on_the_next_run(
    server: tuple[str, Recorder], store: signalfire.Store, capsys: pytest.CaptureFixture[str]
) -> None:
    url, recorder = server
    save_alerts(store, [alert("R1"), alert("R2")], as_of="2013-06")
    path = str(store.path)
    store.close()
    recorder.statuses = [200, 500]  # the first POST goes through, every later one fails
    argv = ["alerts", "deliver", "--db", path, "--url", url, "--retries", "0"]
    code, out, err = run(argv, capsys)
    assert "1 of 2 alerts delivered" in out
    assert code == 5
    assert "1 alerts not delivered" in err and "retried on the next run" in err
    first, second = _posted(recorder)
    with signalfire.open(path) as again:
        log = delivery_log(again, url).set_index("alert_id")
    assert log.loc[first, "status"] == "delivered"
    assert (log.loc[second, "status"], log.loc[second, "http_status"]) == ("failed", 500)
    assert log.loc[second, "error"] == "HTTP 500"
    recorder.statuses = [200]
    recorder.bodies.clear()
    recorder.headers.clear()
    assert "1 of 1 alerts delivered" in _deliver(path, url, capsys)
    assert _posted(recorder) == [second]


def test_deliveries_due_without_alerts_or_log(store: signalfire.Store) -> None:
    frame = list_alerts(store)
    due, versions = deliveries_due(store, frame, "http://127.0.0.1:9/hook")
    assert due.empty and versions == {}
    save_alerts(store, [alert("R1")])
    due, versions = deliveries_due(store, list_alerts(store), "http://127.0.0.1:9/hook")
    assert list(due["alert_id"]) == [alert("R1").alert_id] == list(versions)
    written = record_deliveries(
        store, "http://127.0.0.1:9/hook", [Delivery(alert("R1").alert_id, True, 1, 204)], versions
    )
    assert written == 1
    due, _ = deliveries_due(store, list_alerts(store), "http://127.0.0.1:9/hook")
    assert due.empty
    due, _ = deliveries_due(store, list_alerts(store), "http://127.0.0.1:9/hook", resend=True)
    assert len(due) == 1
