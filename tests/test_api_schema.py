"""Schemathesis against the live server's /openapi.json: no generated request gets a 500.

Examples are bounded per operation to keep the suite quick. The token is sent so the write
endpoints are exercised past authentication too (on a private copy of the store).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from test_api import LiveServer, WebData, live, web_data, web_template  # noqa: F401

from signalfire.web import create_app

# Examples per operation: enough to hit bad and edge values, few enough to stay quick.
EXAMPLES = 15


@pytest.fixture(scope="module")
def schema_server(web_data: WebData, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:  # noqa: F811
    app = create_app(web_data.path, upload_dir=tmp_path_factory.mktemp("fuzz-uploads"))
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="module")
def api_schema(schema_server: LiveServer) -> Any:
    return schemathesis.openapi.from_url(schema_server.url + "/openapi.json")


def test_no_server_errors(api_schema: Any, web_data: WebData) -> None:  # noqa: F811
    headers = {"Authorization": f"Bearer {web_data.token}"}
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            phases=[Phase.explicit, Phase.generate],
        )
        def check(case: Any) -> None:
            response = case.call(headers=headers, timeout=30)
            where = f"{case.method} {case.formatted_path} {case.query}"
            assert response.status_code < 500, (where, response.text[:500])
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["status"] == response.status_code and error["message"], where

        check()
        checked.append(operation.label)
    assert len(checked) >= 20


def test_the_schema_lists_every_family(api_schema: Any) -> None:
    paths = set(api_schema.raw_schema["paths"])
    for path in (
        "/api/events",
        "/api/regions",
        "/api/forecasts/latest",
        "/api/backtests/latest",
        "/api/alerts",
        "/api/alerts/{alert_id}/feedback",
        "/api/actors",
        "/api/relations",
        "/api/sources",
        "/api/quarantine",
        "/api/health",
        "/api/ingest",
    ):
        assert path in paths
