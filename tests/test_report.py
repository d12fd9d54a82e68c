"""The situation report on the shared Pakistan GED data, checked against the store's own SQL."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from test_cli import run

import signalfire
from signalfire.errors import ConfigError
from signalfire.report import Brief, BriefRequest, brief_html, compute_brief, render
from signalfire.report.compute import parse_sources
from signalfire.report.text import count, month_name, number

AS_OF = "2019-12"
# Pages of the sample brief go here for a visual check (git-ignored; CI may keep them).
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def ged(ged_store_path: Path) -> Iterator[signalfire.Store]:
    with signalfire.open(ged_store_path, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def brief(ged: signalfire.Store) -> Brief:
    return compute_brief(ged, BriefRequest(as_of=AS_OF, level="adm2"))


@pytest.fixture(scope="module")
def page(brief: Brief) -> str:
    return brief_html(brief)


def one(store: signalfire.Store, sql: str, params: list[object] | None = None) -> tuple:  # type: ignore[type-arg]
    row = store.con.execute(sql, params or []).fetchone()
    assert row is not None
    return tuple(row)


def month_sql(store: signalfire.Store, month: str) -> tuple[int, int]:
    events, deaths = one(
        store,
        """SELECT count(*), coalesce(sum(deaths_best), 0) FROM events
           WHERE country_iso3 = 'PAK' AND strftime(date_start, '%Y-%m') = ?""",
        [month],
    )
    return int(events), int(deaths)


def test_headline_numbers_match_sql(brief: Brief, ged: signalfire.Store, page: str) -> None:
    for figures, month in (
        (brief.this_month, "2019-12"),
        (brief.last_month, "2019-11"),
        (brief.year_ago, "2018-12"),
    ):
        events, deaths = month_sql(ged, month)
        assert (figures.month, figures.events, figures.deaths) == (month, events, deaths)
    events, deaths = month_sql(ged, "2019-12")
    assert events > 0
    sentence = f"The store holds {count(events, 'event')} in Pakistan in December 2019, with "
    sentence += f"{count(deaths, 'fatality')} (best estimate)"
    assert sentence in page
    monthly = brief.monthly.set_index("month")
    assert len(monthly) == 36 and monthly.index[-1] == AS_OF
    for month in ("2017-01", "2018-07", "2019-12"):
        assert tuple(monthly.loc[month, ["events", "deaths"]]) == month_sql(ged, month)


def test_top_regions_match_sql(brief: Brief, ged: signalfire.Store, page: str) -> None:
    top = brief.top_regions
    assert len(top) == 10
    assert list(top["rank"]) == list(range(1, 11))
    assert top["mean"].is_monotonic_decreasing
    # Every district of Pakistan was forecast, and none ranked lower beats the 10th.
    districts = one(ged, "SELECT count(*) FROM regions WHERE level = 'adm2' AND iso3 = 'PAK'")[0]
    first = brief.forecast[brief.forecast["month"] == "2020-01"]
    assert len(first) == districts
    assert first["mean"].nlargest(10).min() == pytest.approx(top["mean"].min())
    for r in top.itertuples():
        month, last12 = one(
            ged,
            """SELECT coalesce(sum(deaths_best) FILTER (date_start >= '2019-12-01'), 0),
                      coalesce(sum(deaths_best), 0)
               FROM events
               WHERE adm2_id = ? AND date_start BETWEEN '2019-01-01' AND '2019-12-31'""",
            [r.region_id],
        )
        assert (r.deaths_month, r.deaths_12m) == (month, last12)
        assert (
            int(brief.history[r.region_id].sum())
            == one(
                ged,
                """SELECT coalesce(sum(deaths_best), 0) FROM events WHERE adm2_id = ?
               AND date_start BETWEEN '2018-01-01' AND '2019-12-31'""",
                [r.region_id],
            )[0]
        )
        # The brief's model draws from the district's last 12 months: its mean is theirs.
        assert brief.forecast_info["model"] == "conflictology"
        assert r.mean == pytest.approx(last12 / 12, rel=0.2, abs=0.3)
        assert f"<td>{r.name}</td>" in page
    name = one(ged, "SELECT name FROM regions WHERE region_id = ?", [top["region_id"][0]])[0]
    assert brief.top_regions["name"][0] == name


def test_gaps_and_notable_events_match_sql(brief: Brief, ged: signalfire.Store, page: str) -> None:
    unlocated, unlocated_deaths = one(
        ged,
        """SELECT count(*), coalesce(sum(deaths_best), 0) FROM events
           WHERE adm2_id IS NULL AND strftime(date_start, '%Y-%m') = ?""",
        [AS_OF],
    )
    assert unlocated > 0
    assert brief.methods["unlocated_month"] == unlocated
    assert brief.methods["unlocated_month_deaths"] == unlocated_deaths
    total = one(ged, "SELECT count(*) FILTER (adm2_id IS NULL), count(*) FROM events")
    assert (brief.methods["unlocated_total"], brief.methods["events_total"]) == total
    assert f"{number(unlocated)} events of December 2019" in page or unlocated == 1
    assert brief.methods["latest_event"] == str(
        one(ged, "SELECT max(date_start)::DATE FROM events WHERE date_start <= '2019-12-31'")[0]
    )
    deadliest = ged.query(
        """SELECT event_id, deaths_best FROM events WHERE strftime(date_start, '%Y-%m') = ?
           ORDER BY deaths_best DESC, date_start, event_id LIMIT 5""",
        [AS_OF],
    )
    assert list(brief.notable["event_id"]) == list(deadliest["event_id"])
    assert list(brief.notable["deaths"]) == list(deadliest["deaths_best"])
    # Each notable event names the reports it was coded from.
    assert all(len(s) >= 1 for s in brief.notable["sources"])
    first = brief.notable["sources"][0][0]
    assert f"{first['publisher']}, {first['date']}" in page
    assert "UCDP Georeferenced Event Dataset" in page and "Sundberg" in page
    origin, n = one(
        ged,
        "SELECT origin, count(*) FROM regions WHERE level = 'adm2' AND iso3 = 'PAK' GROUP BY 1",
    )
    assert f"{origin} ({count(n, 'district')})" in page


def test_alerts_and_actors(brief: Brief, ged: signalfire.Store) -> None:
    from signalfire.alerts import compute_alerts

    found = compute_alerts(ged, AS_OF, level="adm2", detectors=["surge", "new_actor"])
    expected = {(a.kind, a.region_id) for a in found}
    shown = {(k, r) for k, r in zip(brief.alerts["kind"], brief.alerts["region_id"], strict=True)}
    assert expected <= shown
    assert brief.alerts_origin == "computed"
    # Most active: events per actor this month, either side, counted by SQL.
    per_actor = ged.query(
        """SELECT actor, count(*) AS n FROM (
             SELECT actor1 AS actor FROM events WHERE strftime(date_start, '%Y-%m') = ?
             UNION ALL SELECT actor2 FROM events WHERE strftime(date_start, '%Y-%m') = ?)
           WHERE actor IS NOT NULL AND actor <> 'Civilians' GROUP BY actor""",
        [AS_OF, AS_OF],
    )
    assert sorted(brief.most_active["events"]) == sorted(per_actor["n"])
    # New areas: each group really had no event in that district in the year before.
    for r in brief.new_areas.itertuples():
        assert r.first_date >= "2019-10-01"
        if isinstance(r.previous, str):
            assert r.previous < "2018-10"
    for r in brief.relations_changed.itertuples():
        assert r.change in ("began", "stopped")
        assert (r.recent == 0) == (r.change == "stopped")


def test_pdf_pages(brief: Brief, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    path = tmp_path / "brief.pdf"
    render(brief, path)
    assert path.read_bytes().startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("brief-2019-12-p*.png"):
        old.unlink()
    shutil.copy(path, ARTIFACTS / "brief-2019-12.pdf")
    subprocess.run(
        [pdftoppm, "-r", "70", "-png", str(path), str(ARTIFACTS / "brief-2019-12-p")], check=True
    )
    pages = sorted(ARTIFACTS.glob("brief-2019-12-p*.png"))
    assert 2 <= len(pages) <= 4
    pdffonts = shutil.which("pdffonts")
    if pdffonts is not None:
        listing = subprocess.run([pdffonts, str(path)], capture_output=True, text=True).stdout
        fonts = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        # Only the brief's own @font-face fonts (matplotlib's DejaVu files), no system font.
        assert fonts and all("Brief-" in f[0] for f in fonts), listing
        # Columns end with: emb sub uni object-number generation. Every font is embedded.
        assert all(f[-5] == "yes" for f in fonts), listing


def test_html_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    images = re.findall(r'<img[^>]+src="([^"]+)"', page)
    assert len(images) >= 12  # monthly chart, map, ten sparklines
    assert all(src.startswith("data:image/") for src in images)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")


@pytest.fixture
def hostile_store(ged_store_path: Path, tmp_path: Path) -> Iterator[signalfire.Store]:
    """A copy of the GED store whose deadliest event of the month has markup in its text."""
    path = tmp_path / "hostile.duckdb"
    shutil.copy(ged_store_path, path)
    with signalfire.open(path) as store:
        store.con.execute(
            """UPDATE events SET headline = '<script>alert(1)</script> & co',
                 notes = '"<b>Wire</b>,2019-12-20,<img src=x onerror=alert(2)>"',
                 actor2 = '<i>Group</i> & "Friends"'
               WHERE event_id = (SELECT event_id FROM events
                 WHERE strftime(date_start, '%Y-%m') = '2019-12'
                 ORDER BY deaths_best DESC, date_start, event_id LIMIT 1)"""
        )
        yield store


def test_text_from_sources_is_escaped(hostile_store: signalfire.Store) -> None:
    brief = compute_brief(hostile_store, BriefRequest(as_of=AS_OF, top=3, horizon=1))
    page = brief_html(brief)
    assert "<script>" not in page and "<img src=x" not in page and "<i>Group" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;b&gt;Wire&lt;/b&gt;" in page
    assert "&lt;i&gt;Group&lt;/i&gt; &amp; &quot;Friends&quot;" in page


def test_month_without_events(ged: signalfire.Store) -> None:
    """1989-02: no events; the month before had exactly one."""
    assert month_sql(ged, "1989-02") == (0, 0)
    assert month_sql(ged, "1989-01")[0] == 1
    brief = compute_brief(ged, BriefRequest(as_of="1989-02", level="adm1", horizon=2))
    page = brief_html(brief)
    assert "The store holds no events in Pakistan in February 1989" in page
    assert "the previous month had 1 event and" in page
    assert "No events in February 1989." in page
    assert f"No actor took part in an event in {month_name('1989-02')}." in page
    assert brief.notable.empty and brief.most_active.empty
    assert len(brief.top_regions) == 7  # Pakistan has 7 provinces: fewer than 10 to rank


def test_request_validation() -> None:
    for bad in ("2019-13", "2019/12", "12-2019", "2019-1"):
        with pytest.raises(ConfigError):
            BriefRequest(as_of=bad)
    with pytest.raises(ConfigError):
        BriefRequest(as_of=AS_OF, level="adm3")
    with pytest.raises(ConfigError):
        BriefRequest(as_of=AS_OF, countries=("pak",))
    with pytest.raises(ConfigError, match="conflictology"):
        BriefRequest(as_of=AS_OF, model="oracle")


def test_parse_sources() -> None:
    notes = '"Reuters News,1997-08-23,Three killed; more feared.";"AP,1997-08-24,Trade fire, ire"'
    found = parse_sources(notes, "ignored")
    assert [s["publisher"] for s in found] == ["Reuters News", "AP"]
    assert found[1]["title"] == "Trade fire, ire"
    assert parse_sources(None, "One;Two") == [
        {"publisher": "", "date": "", "title": "One"},
        {"publisher": "", "date": "", "title": "Two"},
    ]
    assert parse_sources("", None) == []
    # Older GED rows: free-text notes, no headline.
    assert parse_sources("AP 31/10,  Dawn 1/11", None) == [
        {"publisher": "", "date": "", "title": "AP 31/10, Dawn 1/11", "note": "1"}
    ]


def test_cli_report(
    ged_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.html"
    code, _, err = run(
        [
            "report",
            "--db",
            str(ged_store_path),
            "--as-of",
            AS_OF,
            "--level",
            "adm1",
            "--country",
            "PAK",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Situation report: Pakistan, December 2019" in text
    assert "The 7 highest-risk provinces" in text
    code, _, err = run(
        ["report", "--db", str(ged_store_path), "--as-of", AS_OF, "--out", str(tmp_path / "b.doc")],
        capsys,
    )
    assert code == 2 and ".html or .pdf" in err
    code, _, err = run(
        ["report", "--db", str(ged_store_path), "--as-of", "2019-13", "--out", str(out)], capsys
    )
    assert code == 2 and "YYYY-MM" in err


def test_stored_forecast_is_used(ged_store_path: Path, tmp_path: Path) -> None:
    from signalfire.forecasting import ForecastRequest, make_forecast, save_forecast

    path = tmp_path / "with_forecast.duckdb"
    shutil.copy(ged_store_path, path)
    with signalfire.open(path) as store:
        request = ForecastRequest(level="adm1", as_of=AS_OF, horizon=2, draws=200, model="poisson")
        run_id = save_forecast(store, request, make_forecast(store, request))
        brief = compute_brief(store, BriefRequest(as_of=AS_OF, level="adm1"))
        stored = pd.DataFrame(
            store.query(
                "SELECT region_id, mean FROM forecast_values WHERE run_id = ? AND period = ?",
                [run_id, "2020-01"],
            )
        ).set_index("region_id")["mean"]
    assert brief.forecast_info["run_id"] == run_id
    assert brief.forecast_info["model"] == "poisson"
    for r in brief.top_regions.itertuples():
        assert r.mean == pytest.approx(stored[r.region_id])


@pytest.fixture(scope="module")
def enriched_path(
    ged_store_path: Path, shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The GED store plus the UCDP country-month series (Afghanistan has no events), a stored
    district backtest (origins before 2019-12) and the alerts of 2019-12 with feedback."""
    from signalfire.alerts import acknowledge, compute_alerts, save_alerts
    from signalfire.backtest import run_backtest
    from signalfire.forecasting import save_backtest

    path = tmp_path_factory.mktemp("enriched") / "enriched.duckdb"
    shutil.copy(ged_store_path, path)
    with signalfire.open(path) as store:
        series = next((shared_data / "ucdp").glob("country_month_*.csv"))
        signalfire.ingest(store, "ucdp-country-month", series)
        result = run_backtest(
            store,
            level="adm2",
            models=["conflictology", "poisson"],
            start="2018-10",
            end="2019-03",
            step=3,
            horizon=2,
            draws=200,
            n_boot=100,
        )
        save_backtest(store, result)
        found = compute_alerts(store, AS_OF, level="adm2", detectors=["surge", "new_actor"])
        assert len(found) >= 2, "the fixture needs two alerts to acknowledge and dismiss"
        save_alerts(store, found, as_of=AS_OF)
        ids = sorted(a.alert_id for a in found)
        acknowledge(store, ids[0], user="ana", action="acknowledge", reason="known")
        acknowledge(store, ids[1], user="ana", action="dismiss", reason="duplicate")
    return path


def test_enriched_store(enriched_path: Path) -> None:
    with signalfire.open(enriched_path, read_only=True) as store:
        brief = compute_brief(
            store, BriefRequest(as_of=AS_OF, countries=("PAK", "AFG"), level="adm2")
        )
        districts = one(store, "SELECT count(*) FROM regions WHERE level = 'adm2' AND iso3 = 'PAK'")
        afg = {
            m: int(f)
            for m, f in store.con.execute(
                "SELECT month, fatalities FROM country_months WHERE iso3 = 'AFG'"
            ).fetchall()
        }
        stored = store.query("SELECT alert_id, status FROM alerts WHERE level = 'adm2'")
        # The backtest scored months up to its last origin + horizon: a brief as of the month
        # before could not have known it.
        from signalfire.report.compute import _backtest

        end, horizon = store.con.execute("SELECT end_origin, horizon FROM backtest_runs").fetchone()  # type: ignore[misc]
        last = pd.Period(end, freq="M") + horizon
        before = BriefRequest(as_of=str(last - 1))
        assert _backtest(store, before, "conflictology") is None
        assert _backtest(store, BriefRequest(as_of=str(last)), "conflictology") is not None
        backtest = store.query("SELECT * FROM backtest_runs")
    page = brief_html(brief)
    # Afghanistan: no events, so no forecast or ranking; its country-month series is quoted.
    assert brief.countries == ("PAK",) and brief.countries_without_events == ("AFG",)
    assert brief.forecast.groupby("month").size().eq(districts[0]).all()
    assert set(brief.geometries["iso3"]) == {"PAK"}
    for month in ("2019-12", "2019-11", "2018-12"):
        assert f"{count(afg[month], 'fatality')} in {month_name(month)}" in page
    assert "Afghanistan is left out of the map" in page
    assert "Situation report: Pakistan, December 2019" in page
    # Alerts: ids and analysts' status from the store; the dismissed one is not shown.
    status = dict(zip(stored["alert_id"], stored["status"], strict=True))
    dismissed = [a for a, s in status.items() if s == "dismissed"]
    acknowledged = [a for a, s in status.items() if s == "acknowledged"]
    assert brief.alerts_origin == "stored"
    assert not set(dismissed) & set(brief.alerts["alert_id"])
    assert set(acknowledged) <= set(brief.alerts["alert_id"])
    assert "acknowledged" in page
    # Skill: the stored backtest's numbers for the brief's model.
    assert brief.methods["backtest"]["run_id"] == int(backtest["run_id"].iloc[0])
    metrics = json.loads(backtest["metrics"].iloc[0])["windows"]["all"]["models"]
    model = brief.forecast_info["model"]
    assert brief.methods["backtest"]["crps"] == pytest.approx(metrics[model]["crps"])
    assert f"mean CRPS {metrics[model]['crps']:.3f}" in page


def test_pdf_without_weasyprint_says_what_to_install(
    brief: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A None entry in sys.modules makes `import weasyprint` raise ImportError.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(signalfire.SignalfireError, match=r"pip install weasyprint.*libpango"):
        render(brief, tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()
