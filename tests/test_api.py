"""The REST API over a live loopback server: reads, exports, errors, tokens, limits, headers.

Fixtures here (a store with forecasts, alerts, relations, a token and hostile text; a live
server) are shared with test_api_schema.py and test_dashboard.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from test_ingest_small import write_ged

import signalfire
from signalfire.alerts.records import Alert
from signalfire.alerts.store import save_alerts
from signalfire.backtest import run_backtest
from signalfire.cli.web import is_loopback
from signalfire.forecasting import ForecastRequest, make_forecast, save_backtest, save_forecast
from signalfire.graph.derive import derive_relations
from signalfire.graph.model import save_relations
from signalfire.web import create_app
from signalfire.web.auth import create_token, token_hash
from signalfire.web.cache import ResponseCache
from signalfire.web.db import store_view
from signalfire.web.errors import ApiError
from signalfire.web.routes_events import _bbox

# Hostile text as a source could carry it: a headline and an actor name.
XSS_HEADLINE = '<script>window.__xss = "script"</script><img src=x onerror="window.__xss=1">'
XSS_ACTOR = '<img src=y onerror="window.__xss=2">Lashkar<svg onload="window.__xss=3">'
XSS_ALERT = '<img src=z onerror="window.__xss=4"> surge'
XSS_EVENT_ID = "ucdp-ged:990001"
PESHAWAR = {"latitude": "34.01", "longitude": "71.58"}


@dataclass
class WebData:
    path: Path
    token: str
    alert_ids: list[str]
    district: str  # a Pakistani district holding the hostile event


def _alerts(district: str, province: str) -> list[Alert]:
    return [
        Alert(
            kind="surge",
            level="adm2",
            region_id=district,
            period_start="2019-11",
            period_end="2019-12",
            score=4.2,
            severity="high",
            message=XSS_ALERT,
            evidence={"event_ids": [XSS_EVENT_ID]},
        ),
        Alert(
            kind="forecast_threshold",
            level="adm1",
            region_id=province,
            period_start="2019-12",
            period_end="2019-12",
            score=0.7,
            severity="medium",
            message="Forecast exceeds the 90th percentile of the last year",
        ),
    ]


@pytest.fixture(scope="session")
def web_template(tmp_path_factory: pytest.TempPathFactory, ged_store_path: Path) -> WebData:
    """A store: GED + boundaries, a hostile event, forecasts, alerts, relations, a token."""
    folder = tmp_path_factory.mktemp("web")
    path = folder / "web.duckdb"
    shutil.copy(ged_store_path, path)
    hostile = write_ged(
        folder / "hostile.csv",
        [
            {
                "id": XSS_EVENT_ID.split(":")[1],
                "source_headline": XSS_HEADLINE,
                "side_b": XSS_ACTOR,
                "date_start": "2019-12-10 00:00:00.000",
                "date_end": "2019-12-10 00:00:00.000",
                "best": "5",
                **PESHAWAR,
            }
        ],
    )
    with signalfire.open(path) as store:
        signalfire.ingest(store, "ucdp-ged", hostile)
        district = str(
            store.query("SELECT adm2_id FROM events WHERE event_id = ?", [XSS_EVENT_ID]).iloc[0, 0]
        )
        province = str(
            store.query("SELECT adm1_id FROM events WHERE event_id = ?", [XSS_EVENT_ID]).iloc[0, 0]
        )
        for level in ("adm1", "adm2"):
            request = ForecastRequest(
                level=level, model="conflictology", draws=100, horizon=6, countries=("PAK",)
            )
            save_forecast(store, request, make_forecast(store, request))
        alerts = _alerts(district, province)
        save_alerts(store, alerts)
        save_relations(store, derive_relations(store))
        backtest = run_backtest(
            store,
            level="adm1",
            models=["poisson"],
            start="2016-01",
            end="2018-12",
            step=3,
            horizon=3,
            draws=100,
            n_boot=100,
            countries=["PAK"],
        )
        save_backtest(store, backtest)
        token = create_token(store, "analyst-1")
    return WebData(path, token, [a.alert_id for a in alerts], district)


@pytest.fixture(scope="module")
def web_data(web_template: WebData, tmp_path_factory: pytest.TempPathFactory) -> WebData:
    """A private copy of the template store for one test module (writes stay there)."""
    path = tmp_path_factory.mktemp("webcopy") / "web.duckdb"
    shutil.copy(web_template.path, path)
    return WebData(path, web_template.token, web_template.alert_ids, web_template.district)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """Uvicorn serving `app` on a free loopback port in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", ws="none", lifespan="on"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live(web_data: WebData, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    app = create_app(web_data.path, upload_dir=tmp_path_factory.mktemp("uploads"))
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as opened:
        yield opened


@contextmanager
def served_store(server: LiveServer) -> Iterator[signalfire.Store]:
    """The live app's store through a cursor of its own (one process holds one connection)."""
    view = store_view(server.app.state.store)
    try:
        yield view
    finally:
        view.con.close()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: httpx.Response, status: int) -> dict[str, object]:
    """Every error has one shape: {"error": {"status", "code", "message", "details"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and error["message"] and error["code"]
    return error


# --- reads ---------------------------------------------------------------------------------


def test_health_counts_the_store(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["events"] > 6000
    assert body["counts"]["forecast_runs"] == 2


def test_events_pages_are_consistent(client: httpx.Client, live: LiveServer) -> None:
    params = {"country": "PAK", "since": "2010-01-01", "until": "2012-12-31", "limit": 50}
    first = client.get("/api/events", params=params).json()
    second = client.get("/api/events", params={**params, "offset": 50}).json()
    with served_store(live) as store:
        expected = store.query(
            """SELECT count(*) FROM events WHERE country_iso3 = 'PAK'
               AND date_end >= DATE '2010-01-01' AND date_start <= DATE '2012-12-31'"""
        ).iloc[0, 0]
    assert first["total"] == second["total"] == expected > 100
    assert len(first["items"]) == len(second["items"]) == 50
    ids = [e["event_id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == 100
    dates = [e["date_start"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates)
    assert all(e["date_end"] >= "2010-01-01" for e in first["items"])
    newest = client.get("/api/events", params={**params, "order": "desc", "limit": 1}).json()
    assert newest["items"][0]["date_start"] >= dates[-1]


def test_event_filters(client: httpx.Client) -> None:
    kp = client.get("/api/events", params={"adm1": "PK-KP", "limit": 1000}).json()
    assert kp["items"] and {e["adm1_id"] for e in kp["items"]} == {"PK-KP"}
    both = client.get("/api/events", params={"adm1": "PK-KP,PK-BA", "limit": 0}).json()
    balochistan = client.get("/api/events", params={"adm1": "PK-BA", "limit": 0}).json()
    assert both["total"] == kp["total"] + balochistan["total"]
    ttp = client.get("/api/events", params={"actor": "TTP", "limit": 200}).json()
    assert ttp["total"] > 0
    assert all("ttp" in f"{e['actor1']} {e['actor2']}".lower() for e in ttp["items"])
    box = client.get("/api/events", params={"bbox": "71,33.5,72,34.5", "limit": 1000}).json()
    assert box["total"] > 0
    assert all(71 <= e["lon"] <= 72 and 33.5 <= e["lat"] <= 34.5 for e in box["items"])


def test_csv_and_geojson_exports_match_the_json(client: httpx.Client) -> None:
    params = {"adm1": "PK-BA", "since": "2015-01-01"}
    listed = client.get("/api/events", params={**params, "limit": 1000}).json()
    csv_response = client.get("/api/events", params={**params, "format": "csv"})
    assert csv_response.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_response.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert [r["event_id"] for r in table] == [e["event_id"] for e in listed["items"]]
    geo = client.get("/api/events", params={**params, "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    assert len(geo["features"]) == listed["total"]
    feature = geo["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 60 < lon < 78 and 23 < lat < 38


def test_one_event_carries_its_provenance(client: httpx.Client) -> None:
    event = client.get(f"/api/events/{XSS_EVENT_ID}").json()
    assert event["headline"] == XSS_HEADLINE  # stored and returned verbatim; escaping is the UI's
    assert event["provenance"]["source"]["file_name"] == "hostile.csv"
    assert event["provenance"]["row"] == 1
    assert_error(client.get("/api/events/ucdp-ged:nope"), 404)


def test_regions_geojson(client: httpx.Client) -> None:
    provinces = client.get("/api/regions", params={"level": "adm1", "iso3": "PAK"}).json()
    ids = sorted(f["properties"]["region_id"] for f in provinces["features"])
    assert ids == ["PK-BA", "PK-GB", "PK-IS", "PK-JK", "PK-KP", "PK-PB", "PK-SD"]
    assert {f["geometry"]["type"] for f in provinces["features"]} <= {"Polygon", "MultiPolygon"}
    full = client.get("/api/regions", params={"level": "adm2", "iso3": "PAK"})
    simple = client.get("/api/regions", params={"level": "adm2", "iso3": "PAK", "simplify": 0.01})
    assert len(simple.json()["features"]) == len(full.json()["features"]) > 100
    assert len(simple.content) < 0.7 * len(full.content)
    # A tolerance too small to change anything is no simplification (not a DuckDB error).
    tiny = client.get("/api/regions", params={"level": "adm2", "simplify": 2.2e-309})
    assert tiny.status_code == 200 and len(tiny.json()["features"]) > 100
    gz = client.get("/api/regions", params={"level": "adm2"}, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"
    again = client.get(
        "/api/regions", params={"level": "adm2"}, headers={"If-None-Match": gz.headers["etag"]}
    )
    assert again.status_code == 304
    listed = client.get("/api/regions", params={"level": "adm1", "format": "json"}).json()
    assert "geometry" not in listed[0] and len(listed) == 41


def test_region_summary_matches_the_events(
    client: httpx.Client, web_data: WebData, live: LiveServer
) -> None:
    body = client.get(f"/api/regions/{web_data.district}/summary", params={"months": 600}).json()
    with served_store(live) as store:
        deaths = store.query(
            "SELECT sum(coalesce(deaths_best, 0)) FROM events WHERE adm2_id = ?",
            [web_data.district],
        ).iloc[0, 0]
    assert sum(p["value"] for p in body["series"]) == deaths
    assert body["forecast"]["run"]["model"] == "conflictology"
    assert [v["period"] for v in body["forecast"]["values"]] == [
        "2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06",
    ]  # fmt: skip
    assert all(v["q05"] <= v["q50"] <= v["q95"] for v in body["forecast"]["values"])
    assert XSS_ACTOR in [a["actor"] for a in body["top_actors"]] or body["top_actors"]
    recent = body["recent_events"][0]
    assert recent["event_id"] == XSS_EVENT_ID and recent["source_file"] == "hostile.csv"
    assert_error(client.get("/api/regions/nowhere/summary"), 404)


def test_latest_forecast_by_level_and_month(client: httpx.Client) -> None:
    body = client.get("/api/forecasts/latest", params={"level": "adm1"}).json()
    assert body["run"]["level"] == "adm1" and len(body["periods"]) == 6
    assert len(body["values"]) == 7 * 6
    month = client.get("/api/forecasts/latest", params={"level": "adm1", "period": "2020-03"})
    assert {v["period"] for v in month.json()["values"]} == {"2020-03"}
    assert_error(client.get("/api/forecasts/latest", params={"period": "2031-01"}), 404)
    missing = assert_error(client.get("/api/forecasts/latest", params={"level": "country"}), 404)
    assert missing["code"] == "no_forecast"
    assert "signalfire forecast --level country" in str(missing["message"])
    runs = client.get("/api/forecasts").json()
    assert [r["level"] for r in runs] == ["adm2", "adm1"]
    assert client.get(f"/api/forecasts/{runs[0]['run_id']}").json()["run"]["level"] == "adm2"


def test_backtest_metrics_and_their_absence(client: httpx.Client) -> None:
    runs = client.get("/api/backtests").json()
    assert [(r["level"], r["horizon"]) for r in runs] == [("adm1", 3)]
    latest = client.get("/api/backtests/latest", params={"level": "adm1"}).json()
    window = latest["metrics"]["windows"]["all"]
    assert set(window["models"]) >= {"poisson", "conflictology", "zero", "last"}
    assert set(window["models"]["poisson"]["by_horizon"]) == {"1", "2", "3"}
    assert client.get(f"/api/backtests/{runs[0]['run_id']}").json() == latest
    error = assert_error(client.get("/api/backtests/latest", params={"level": "adm2"}), 404)
    assert error["code"] == "no_backtest" and "signalfire backtest" in str(error["message"])


def test_sources_and_quarantine(client: httpx.Client) -> None:
    sources = client.get("/api/sources").json()
    assert [s["file_name"] for s in sources] == ["ged221_pak_1989-2019.csv", "hostile.csv"]
    assert all("/" not in s["file_name"] for s in sources)  # no server paths
    quarantine = client.get("/api/quarantine").json()
    assert quarantine["total"] == len(quarantine["items"]) == 0


def test_alerts_list_and_filters(client: httpx.Client, web_data: WebData) -> None:
    body = client.get("/api/alerts").json()
    assert {a["alert_id"] for a in body["items"]} == set(web_data.alert_ids)
    surge = client.get("/api/alerts", params={"kind": "surge"}).json()["items"]
    assert [a["message"] for a in surge] == [XSS_ALERT]
    assert surge[0]["region_name"]
    atom = client.get("/api/alerts.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    assert "&lt;img" in atom.text and "<img" not in atom.text


def test_actors_and_relations(client: httpx.Client) -> None:
    actors = client.get("/api/actors").json()["items"]
    assert actors[0]["relations"] > 0
    ttp = client.get("/api/actors/ttp").json()
    assert ttp["name"].startswith("Tehrik") and ttp["relations"]
    fights = client.get("/api/relations", params={"relation": "fights", "actor_id": "ttp"}).json()
    assert fights["total"] > 0 and all(r["relation"] == "fights" for r in fights["items"])
    first = fights["items"][0]["relation_id"]
    sources = client.get(f"/api/relations/{first}/sources").json()
    assert sources[0]["kind"] == "dataset" and sources[0]["event_ids"]
    assert_error(client.get("/api/relations", params={"relation": "loves"}), 422)
    assert_error(client.get("/api/actors/nobody-at-all"), 404)


# --- errors, headers, limits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/nothing", 404),
        ("/api/events?limit=-1", 422),
        ("/api/events?limit=5000", 422),
        ("/api/events?since=yesterday", 422),
        ("/api/events?since=2020-01-01&until=2019-01-01", 422),
        ("/api/events?country=pakistan", 422),
        ("/api/events?violence_type=war", 422),
        ("/api/events?bbox=1,2,3", 422),
        ("/api/regions?level=adm9", 422),
        ("/api/forecasts/0", 422),
        ("/api/forecasts/999", 404),
        ("/api/forecasts/latest?period=2020-13", 422),
        ("/api/alerts?as_of=2019", 422),
        ("/static/../../etc/passwd", 404),
    ],
)
def test_errors_have_one_shape(client: httpx.Client, path: str, status: int) -> None:
    assert_error(client.get(path), status)


def test_wrong_method_and_validation_details(client: httpx.Client) -> None:
    assert_error(client.delete("/api/events"), 405)
    error = assert_error(client.get("/api/events", params={"offset": "x"}), 422)
    assert error["details"] == [
        {"field": "offset", "in": "query", "message": error["details"][0]["message"]}  # type: ignore[index]
    ]


@pytest.mark.parametrize(
    "path", ["/", "/api/events?limit=1", "/api/nothing", "/static/js/common.js"]
)
def test_security_headers_everywhere(client: httpx.Client, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_dashboard_assets_are_local(client: httpx.Client) -> None:
    page = client.get("/").text
    assert "http://" not in page and "https://" not in page
    for asset in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/plotly.min.js"):
        response = client.get(asset, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
        assert "max-age" in response.headers["cache-control"]
    for _ in range(2):  # computed, then replayed from the cache: both compressed
        answer = client.get("/api/forecasts/latest", headers={"Accept-Encoding": "gzip"})
        assert answer.headers["content-encoding"] == "gzip" and answer.json()["values"]
    plain = client.get("/api/forecasts/latest", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == answer.json()


# --- tokens and writes -----------------------------------------------------------------------


def test_feedback_needs_a_valid_token(client: httpx.Client, web_data: WebData) -> None:
    alert_id = web_data.alert_ids[1]
    body = {"action": "acknowledge", "reason": "seen, tracking"}
    url = f"/api/alerts/{alert_id}/feedback"
    error = assert_error(client.post(url, json=body), 401)
    assert "signalfire token create" in str(error["message"])
    assert client.post(url, json=body).headers["www-authenticate"] == "Bearer"
    assert_error(client.post(url, json=body, headers=auth("sf_not-a-token")), 401)
    assert client.get(f"/api/alerts/{alert_id}").json()["status"] == "open"

    done = client.post(url, json=body, headers=auth(web_data.token))
    assert done.status_code == 200, done.text
    alert = done.json()
    assert alert["status"] == "acknowledged"
    assert [(f["user"], f["action"], f["reason"]) for f in alert["feedback"]] == [
        ("analyst-1", "acknowledge", "seen, tracking")
    ]
    assert_error(
        client.post(url, json={"action": "delete", "reason": "x"}, headers=auth(web_data.token)),
        422,
    )
    assert_error(
        client.post("/api/alerts/none/feedback", json=body, headers=auth(web_data.token)), 404
    )


def test_tokens_are_stored_hashed(web_data: WebData, live: LiveServer) -> None:
    with served_store(live) as store:
        table = store.query("SELECT * FROM api_tokens")
    text = table.to_csv()
    assert web_data.token not in text and web_data.token[3:] not in text
    assert table["token_sha256"].tolist() == [token_hash(web_data.token)]
    assert table["last_used_at"].notna().all()  # by the writes of the tests before


def test_upload_ingests_with_a_token(
    client: httpx.Client, web_data: WebData, tmp_path: Path
) -> None:
    path = write_ged(tmp_path / "new.csv", [{"id": "990101"}, {"id": "990102", "best": "7"}])
    params = {"format": "ucdp-ged", "filename": "../../new.csv"}
    before = client.get("/api/events", params={"limit": 0}).json()["total"]  # now cached
    assert_error(client.post("/api/ingest", params=params, content=path.read_bytes()), 401)
    done = client.post(
        "/api/ingest", params=params, content=path.read_bytes(), headers=auth(web_data.token)
    )
    assert done.status_code == 201, done.text
    report = done.json()
    assert (report["rows_read"], report["rows_new"], report["uploaded_by"]) == (2, 2, "analyst-1")
    assert report["file_name"].endswith("_new.csv") and "/" not in report["file_name"]
    event = client.get("/api/events/ucdp-ged:990102").json()
    assert event["deaths_best"] == 7
    assert client.get("/api/events", params={"limit": 0}).json()["total"] == before + 2
    bad = client.post(
        "/api/ingest",
        params={**params, "format": "nope"},
        content=b"x",
        headers=auth(web_data.token),
    )
    assert_error(bad, 422)
    empty = client.post("/api/ingest", params=params, content=b"", headers=auth(web_data.token))
    assert_error(empty, 422)
    garbage = client.post(
        "/api/ingest", params=params, content=b"a,b\n1,2\n", headers=auth(web_data.token)
    )
    message = str(assert_error(garbage, 422)["message"])
    assert "_new.csv: not a" in message and "/" not in message.split(":")[0]


def test_body_limits(live: LiveServer, web_data: WebData) -> None:
    small = create_app(live.app.state.store, upload_limit=1000)
    with LiveServer(small) as server, httpx.Client(base_url=server.url) as c:
        upload = c.post(
            "/api/ingest",
            params={"format": "ucdp-ged", "filename": "big.csv"},
            content=b"x" * 5000,
            headers=auth(web_data.token),
        )
        assert "over the limit of 1000 bytes" in str(assert_error(upload, 413)["message"])

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            for _ in range(10):
                yield b"y" * 500

        streamed = c.post(
            "/api/ingest",
            params={"format": "ucdp-ged", "filename": "big.csv"},
            content=chunks(),
            headers=auth(web_data.token),
        )
        assert_error(streamed, 413)
        huge_json = json.dumps({"action": "dismiss", "reason": "z" * 100_000})
        feedback = c.post(
            f"/api/alerts/{web_data.alert_ids[0]}/feedback",
            content=huge_json,
            headers={**auth(web_data.token), "Content-Type": "application/json"},
        )
        assert_error(feedback, 413)


def test_reads_can_require_a_token(live: LiveServer, web_data: WebData) -> None:
    guarded = create_app(live.app.state.store, tokens_for_reads=True)
    with LiveServer(guarded) as server, httpx.Client(base_url=server.url) as c:
        assert_error(c.get("/api/events?limit=1"), 401)
        assert c.get("/api/events?limit=1", headers=auth(web_data.token)).status_code == 200
        assert_error(c.get("/api/events?limit=1"), 401)  # the cached answer is not replayed
        assert_error(c.get("/api/events?limit=1", headers=auth("sf_guess")), 401)
        assert c.get("/api/health").status_code == 200
        assert c.get("/").status_code == 200


# --- command line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_dashboard_scripts_build_text_safely() -> None:
    """A static guard beside the browser test: our scripts never parse strings as HTML."""
    scripts = Path(signalfire.__file__).parent / "web" / "static" / "js"
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(")
    for script in sorted(scripts.glob("*.js")):
        code = "\n".join(
            line for line in script.read_text().splitlines() if not line.strip().startswith("//")
        )
        assert not [s for s in sinks if s in code], script.name


def test_serve_and_tokens_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_cli import run

    started: list[tuple[FastAPI, str, int]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, **_: started.append((app, host, port))
    )
    db = str(tmp_path / "s.duckdb")
    code, _, err = run(["serve", "--db", db, "--host", "0.0.0.0"], capsys)
    assert code == 2 and "signalfire token create" in err and not started
    assert run(["serve", "--db", db, "--port", "8123"], capsys)[0] == 0
    code, out, err = run(["token", "create", "--db", db, "--name", "ops"], capsys)
    assert code == 0 and out.strip().startswith("sf_") and "shown once" in err
    with signalfire.open(db, read_only=True) as store:
        assert store.query("SELECT name, token_sha256 FROM api_tokens").values.tolist() == [
            ["ops", token_hash(out.strip())]
        ]
    assert run(["serve", "--db", db, "--host", "0.0.0.0"], capsys)[0] == 0
    assert run(["serve", "--db", db, "--host", "0.0.0.0", "--public-reads"], capsys)[0] == 0
    assert [(host, port) for _, host, port in started] == [
        ("127.0.0.1", 8123), ("0.0.0.0", 8000), ("0.0.0.0", 8000),
    ]  # fmt: skip
    assert [app.state.tokens_for_reads for app, _, _ in started] == [False, True, False]
    code, _, err = run(["token", "revoke", "--db", db, "7"], capsys)
    assert code == 6 and "no live token" in err
    assert run(["token", "revoke", "--db", db, "1"], capsys)[0] == 0
    code, _, err = run(["serve", "--db", db, "--host", "0.0.0.0"], capsys)
    assert code == 2  # the only token is revoked


@given(st.text(max_size=60))
def test_bbox_parser_accepts_or_names_the_problem(text: str) -> None:
    try:
        box = _bbox(text)
    except ApiError as exc:
        assert exc.status == 422 and "bbox" in exc.message
        return
    if box is not None:
        west, south, east, north = box
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90


@given(st.lists(st.integers(0, 20), max_size=80), st.integers(1, 8))
def test_response_cache_keeps_the_most_recent(keys: list[int], size: int) -> None:
    cache = ResponseCache(size=size)
    for key in keys:
        if cache.get(key) is None:
            cache.put(key, f"value {key}")
    recent = list(dict.fromkeys(reversed(keys)))[:size]
    assert all(cache.get(k) == f"value {k}" for k in recent)
    cache.clear()
    assert all(cache.get(k) is None for k in keys)


def test_alert_rules_are_edited_with_a_token_only(client: httpx.Client, web_data: WebData) -> None:
    url = "/api/alert-rules/TTP%20in%20KP"
    body = {"level": "adm1", "regions": ["PK-KP"], "actor": "ttp", "threshold": 3}
    assert_error(client.put(url, json=body), 401)
    assert_error(client.put(url, json=body, headers=auth("sf_not-a-token")), 401)
    assert client.get("/api/alert-rules").json()["items"] == []

    done = client.put(url, json=body, headers=auth(web_data.token))
    assert done.status_code == 200, done.text
    listed = client.get("/api/alert-rules").json()["items"]
    assert [(r["name"], r["updated_by"], r["rule"]["regions"]) for r in listed] == [
        ("TTP in KP", "analyst-1", ["PK-KP"])
    ]
    bad = {**body, "threshold": -1, "severity": "urgent"}
    assert_error(client.put(url, json=bad, headers=auth(web_data.token)), 422)
    assert_error(client.delete(url), 401)
    assert client.delete(url, headers=auth(web_data.token)).status_code == 200
    assert_error(client.delete(url, headers=auth(web_data.token)), 404)
    assert client.get("/api/alert-rules").json()["items"] == []
