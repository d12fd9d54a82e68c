"""The dashboard in Debian's Chromium (Playwright): map, month slider, region panel, alerts
with and without a token, hostile text that must never run, tablet width.

One browser per session, one server per module. Screenshots go to artifacts/dashboard/
(git-ignored). Playwright never downloads a browser here: it drives /usr/bin/chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api import (  # noqa: F401
    XSS_ACTOR,
    XSS_ALERT,
    XSS_EVENT_ID,
    XSS_HEADLINE,
    LiveServer,
    WebData,
    live,
    web_data,
    web_template,
)

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "dashboard"

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def browser(chromium_browser: Any) -> Any:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return chromium_browser


class Page:
    """A page plus everything the browser complained about (errors, CSP reports, dialogs)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        self.allowed: tuple[str, ...] = ()  # console messages a test provokes on purpose
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        text = message.text
        if any(a in text for a in self.allowed):
            return
        if message.type == "error" or "Content Security Policy" in text:
            self.problems.append(f"console {message.type}: {text}")

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def page(browser: Any, live: LiveServer) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 820}, base_url=live.url)
    wrapped = Page(context.new_page())
    wrapped.page.set_default_timeout(15_000)
    yield wrapped
    context.close()
    assert wrapped.problems == []


def open_map(page: Any) -> None:
    page.goto("/")
    page.wait_for_selector("body[data-map-ready]")
    page.wait_for_selector("path[data-event-id]")


def fills(page: Any, selector: str) -> dict[str, str]:
    return dict(
        page.eval_on_selector_all(
            selector, "nodes => nodes.map(n => [n.dataset.regionId, n.getAttribute('fill')])"
        )
    )


def test_map_renders_provinces_and_districts(page: Page) -> None:
    open_map(page.page)
    provinces = fills(page.page, 'path[data-level="adm1"][data-region-id^="PK-"]')
    assert sorted(provinces) == ["PK-BA", "PK-GB", "PK-IS", "PK-JK", "PK-KP", "PK-PB", "PK-SD"]
    districts = fills(page.page, 'path[data-level="adm2"]')
    assert len(districts) == 126  # Pakistan's: the country of the forecast
    coloured = {c for c in districts.values() if c and c != "#d9d9d9"}
    assert len(coloured) > 10  # a real scale, not one colour
    page.page.select_option("#level", "adm1")
    provinces = fills(page.page, 'path[data-level="adm1"][data-region-id^="PK-"]')
    assert len({c for c in provinces.values() if c != "#d9d9d9"}) >= 4
    page.page.screenshot(path=str(ARTIFACTS / "map-provinces.png"))
    page.page.select_option("#level", "adm2")
    page.page.screenshot(path=str(ARTIFACTS / "map-districts.png"))


def test_month_slider_changes_colours(page: Page) -> None:
    open_map(page.page)
    before = fills(page.page, 'path[data-level="adm2"]')
    assert page.page.text_content("#month-label") == "2020-01"
    slider = page.page.locator("#month")
    slider.focus()
    for _ in range(3):
        slider.press("ArrowRight")  # keyboard, as a keyboard user would
    assert page.page.text_content("#month-label") == "2020-04"
    after = fills(page.page, 'path[data-level="adm2"]')
    changed = [r for r in before if before[r] != after[r]]
    assert len(changed) >= 5, changed
    page.page.select_option("#measure", "p_any")
    p_any = fills(page.page, 'path[data-level="adm2"]')
    assert p_any != after
    page.page.screenshot(path=str(ARTIFACTS / "map-april-p-any.png"))


def test_clicking_a_district_opens_its_panel_with_a_chart(page: Page, web_data: WebData) -> None:  # noqa: F811
    open_map(page.page)
    district = page.page.locator(f'path[data-region-id="{web_data.district}"]')
    district.dispatch_event("click")
    panel = page.page.locator("#panel[data-loaded]")
    panel.wait_for()
    assert panel.get_attribute("data-region-id") == web_data.district
    chart = page.page.locator("#panel-chart .main-svg").first
    chart.wait_for()
    traces = page.page.locator("#panel-chart .scatterlayer .trace").count()
    assert traces >= 5  # observed, two bands (two traces each), median, mean
    assert page.page.locator("#panel-actors tbody tr").count() >= 1
    assert page.page.locator("#panel-events li.event").count() >= 1
    page.page.screenshot(path=str(ARTIFACTS / "district-panel.png"))
    # Keyboard: Escape closes; Enter on a focused province opens it.
    page.page.keyboard.press("Escape")
    assert page.page.locator("#panel").is_hidden()
    page.page.select_option("#level", "adm1")
    page.page.locator('path[data-region-id="PK-BA"]').focus()
    page.page.keyboard.press("Enter")
    page.page.wait_for_selector('#panel[data-loaded][data-region-id="PK-BA"]')
    assert page.page.text_content("#panel-title") == "Balochistan"


def test_an_alert_is_acknowledged_with_a_token_and_not_without(
    page: Page,
    web_data: WebData,  # noqa: F811
    live: LiveServer,  # noqa: F811
) -> None:
    alert_id = web_data.alert_ids[0]
    api = httpx.Client(base_url=live.url)
    if api.get(f"/api/alerts/{alert_id}").json()["status"] != "open":
        pytest.fail("the alert must start open")
    page.allowed = ("401 (Unauthorized)",)  # the refused acknowledgement
    open_map(page.page)
    item = page.page.locator(f'li[data-alert-id="{alert_id}"]')
    item.wait_for()
    item.locator("input").fill("checked against local reporting")
    item.locator("button.ack").click()
    message = item.locator(".status-error")
    message.wait_for()
    assert "token" in message.text_content().lower()
    assert api.get(f"/api/alerts/{alert_id}").json()["status"] == "open"
    page.page.screenshot(path=str(ARTIFACTS / "alert-refused-without-token.png"))

    page.page.fill("#token-input", web_data.token)
    page.page.click("#token-form button[type=submit]")
    assert page.page.text_content("#token-state") == "token set"
    item.locator("button.ack").click()
    page.page.wait_for_selector("#alerts-status.status-ok")
    assert page.page.locator(f'li[data-alert-id="{alert_id}"]').count() == 0  # left "open"
    stored = api.get(f"/api/alerts/{alert_id}").json()
    assert stored["status"] == "acknowledged"
    assert stored["feedback"][-1]["reason"] == "checked against local reporting"
    page.page.select_option("#alert-status", "acknowledged")
    page.page.wait_for_selector(f'li[data-alert-id="{alert_id}"][data-status="acknowledged"]')
    page.page.screenshot(path=str(ARTIFACTS / "alert-acknowledged.png"))
    api.close()


NO_INJECTED_NODES = """() => document.querySelectorAll(
    'img[onerror], svg[onload], img[src="x"], img[src="y"], img[src="z"], script:not([src])'
).length"""


def test_hostile_text_is_shown_never_run(page: Page, web_data: WebData) -> None:  # noqa: F811
    p = page.page
    open_map(p)
    # The headline in the event popup.
    p.locator(f'path[data-event-id="{XSS_EVENT_ID}"]').dispatch_event("click")
    popup = p.locator(".leaflet-popup-content .popup")
    popup.wait_for()
    assert XSS_HEADLINE in popup.text_content()
    assert XSS_ACTOR in popup.text_content()
    # The headline and actor name in the region panel; the alert message in the feed.
    p.locator(f'path[data-region-id="{web_data.district}"]').dispatch_event("click")
    p.wait_for_selector("#panel[data-loaded]")
    assert XSS_HEADLINE in p.text_content("#panel-events")
    assert XSS_ACTOR in p.text_content("#panel-actors")
    p.select_option("#alert-status", "")  # every alert (an earlier test acknowledged it)
    p.wait_for_selector(f'li[data-alert-id="{web_data.alert_ids[0]}"]')
    assert XSS_ALERT in p.text_content("#alerts-list")
    p.wait_for_timeout(300)  # let any injected onerror handler fire, if one had been created
    assert p.evaluate("() => typeof window.__xss") == "undefined"
    assert p.evaluate(NO_INJECTED_NODES) == 0
    p.screenshot(path=str(ARTIFACTS / "hostile-text.png"))


def test_tablet_width(browser: Any, live: LiveServer, web_data: WebData) -> None:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 820, "height": 1180}, base_url=live.url, has_touch=True
    )
    p = context.new_page()
    open_map(p)
    map_box = p.locator("#map").bounding_box()
    assert map_box is not None and map_box["width"] > 780  # the map spans the screen
    p.locator(f'path[data-region-id="{web_data.district}"]').dispatch_event("click")
    p.wait_for_selector("#panel[data-loaded]")
    panel_box = p.locator("#panel").bounding_box()
    assert panel_box is not None and panel_box["y"] >= map_box["y"] + map_box["height"] - 1
    p.screenshot(path=str(ARTIFACTS / "tablet.png"), full_page=True)
    context.close()


def test_backtest_page_shows_skill_and_calibration(page: Page) -> None:
    p = page.page
    page.allowed = ("404 (Not Found)",)  # the absent district backtest, reported on the page
    p.goto("/backtest")
    p.wait_for_selector("#bt-status.status-warn")  # no district backtest is stored
    assert "signalfire backtest" in p.text_content("#bt-status")
    p.select_option("#bt-level", "adm1")
    p.wait_for_selector("body[data-charts-ready]")
    skill_traces = p.locator("#bt-skill .scatterlayer .trace").count()
    assert skill_traces >= 3  # poisson and the naive models, skill against the best naive
    assert p.locator("#bt-coverage .barlayer .trace").count() == 2
    assert p.locator("#bt-pit .barlayer .point").count() == 10
    models = p.eval_on_selector_all("#bt-table tbody tr", "rows => rows.map(r => r.dataset.model)")
    assert {"poisson", "conflictology", "zero", "last"} <= set(models)
    p.screenshot(path=str(ARTIFACTS / "backtest.png"), full_page=True)


def test_actor_page_draws_relations_over_time(page: Page) -> None:
    p = page.page
    p.goto("/actors?actor=pak_military")
    p.wait_for_selector('body[data-actor-ready="pak_military"]')
    slider = p.locator("#actor-year")
    assert slider.input_value() == "2019"
    nodes_2019 = p.locator("#actor-graph g[data-node-id]").count()
    assert nodes_2019 > 0
    assert XSS_ACTOR in p.text_content("#actor-graph")  # a fights relation from the event
    assert p.evaluate("() => typeof window.__xss") == "undefined"
    assert p.evaluate(NO_INJECTED_NODES) == 0
    slider.fill("2005")
    assert p.text_content("#actor-year-label") == "2005"
    labels_2005 = p.eval_on_selector_all(
        "#actor-graph g[data-node-id]", "g => g.map(n => n.dataset.nodeId)"
    )
    assert labels_2005
    assert XSS_ACTOR not in p.text_content("#actor-graph")  # that relation is from 2019
    assert (
        p.locator("#relation-table tbody tr").count()
        > p.locator("#relation-table tbody tr.inactive").count()
        > 0
    )
    p.fill("#actor-filter", "tehrik")
    p.wait_for_selector('#actor-list button[data-actor-id="ttp"]')
    assert p.locator("#actor-list li").count() < 5
    p.fill("#actor-filter", "")
    p.screenshot(path=str(ARTIFACTS / "actors.png"))


def test_a_server_that_wants_tokens_for_reads(
    browser: Any,
    live: LiveServer,  # noqa: F811
    web_data: WebData,  # noqa: F811
) -> None:
    from signalfire.web import create_app

    guarded = create_app(live.app.state.store, tokens_for_reads=True)
    with LiveServer(guarded) as server:
        context = browser.new_context(viewport={"width": 1366, "height": 820}, base_url=server.url)
        p = context.new_page()
        p.goto("/")
        p.wait_for_selector("body[data-needs-token]")
        assert "token" in p.text_content("#map-status").lower()
        assert p.locator("path[data-region-id]").count() == 0
        p.fill("#token-input", web_data.token)
        p.click("#token-form button[type=submit]")  # reloads with the token
        p.wait_for_selector("body[data-map-ready]")
        assert p.locator('path[data-level="adm1"][data-region-id^="PK-"]').count() == 7
        context.close()


def test_without_a_forecast_the_map_says_so(browser: Any, bounded_store: Any) -> None:
    from signalfire.web import create_app

    with LiveServer(create_app(bounded_store)) as server:
        context = browser.new_context(viewport={"width": 1366, "height": 820}, base_url=server.url)
        p = context.new_page()
        p.goto("/")
        p.wait_for_selector("body[data-map-ready]")
        assert "signalfire forecast --level adm2" in p.text_content("#map-status")
        assert p.locator("#month").is_disabled()
        colours = set(fills(p, 'path[data-level="adm2"]').values())
        assert colours == {"#d9d9d9"}  # every district: no forecast
        assert p.locator('path[data-level="adm2"]').count() > 500  # both countries drawn
        p.wait_for_selector("#alerts-status:not([hidden])")
        assert p.text_content("#alerts-status") == "No alerts."
        context.close()


def test_the_highest_regions_list_opens_and_shows_a_region(page: Page) -> None:
    p = page.page
    open_map(p)
    p.set_viewport_size({"width": 1366, "height": 820})
    first = p.locator("#top-regions button").first
    region_id = first.get_attribute("data-region-id")
    first.focus()
    p.keyboard.press("Enter")
    p.wait_for_selector(f'#panel[data-loaded][data-region-id="{region_id}"]')
    p.wait_for_timeout(400)  # the map's pan, if any
    shape = p.locator(f'path[data-region-id="{region_id}"]').bounding_box()
    view = p.locator("#map").bounding_box()
    assert shape is not None and view is not None
    assert shape["x"] < view["x"] + view["width"] and shape["x"] + shape["width"] > view["x"]
    assert shape["y"] < view["y"] + view["height"] and shape["y"] + shape["height"] > view["y"]
