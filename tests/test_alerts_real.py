"""Alerts on the shared GED data: no look-ahead, the CLI, rules, new actors, spillover."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_alerts import synthetic
from test_cli import run

import signalfire
from signalfire.alerts import compute_alerts, list_alerts, load_rules, rule_alerts
from signalfire.alerts.detectors import NewActorConfig, SpilloverConfig, new_actor, spillover
from signalfire.alerts.evaluate import score, surge_onsets
from signalfire.alerts.history import load
from signalfire.errors import InputError

AS_OF = "2013-06"
FAST = ["surge", "forecast_threshold", "new_actor", "spillover"]


@pytest.fixture
def store_copy(ged_store_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(ged_store_path, path)
    return path


def test_as_of_uses_no_later_data(ged_store: signalfire.Store, store_copy: Path) -> None:
    with_future = compute_alerts(ged_store, AS_OF, detectors=FAST)
    with signalfire.open(store_copy) as cut:
        cut.con.execute("DELETE FROM events WHERE date_start > DATE '2013-06-30'")
        without_future = compute_alerts(cut, AS_OF, detectors=FAST)
    assert with_future, "expected some alerts in mid-2013"
    assert [a.record() for a in with_future] == [a.record() for a in without_future]
    assert {a.period_end for a in with_future} == {AS_OF}
    used = {e for a in with_future for e in a.evidence.get("event_ids", [])}
    dates = ged_store.query(
        "SELECT max(date_start) AS last FROM events WHERE list_contains(?, event_id)",
        [sorted(used)],
    )
    assert pd.Timestamp(dates["last"].iloc[0]) <= pd.Timestamp("2013-06-30")


def test_cli_lists_saves_and_takes_feedback(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(store_copy), "--detectors", "surge,new_actor"]
    code, out, err = run(["alerts", *db, "--as-of", AS_OF, "--format", "json"], capsys)
    assert code == 0, err
    records = json.loads(out)
    assert records and {r["period_end"] for r in records} >= {AS_OF}
    assert set(records[0]) >= {"alert_id", "kind", "region_id", "evidence", "message"}
    # The next month updates ongoing alerts instead of repeating them.
    code, _, err = run(["alerts", *db, "--as-of", "2013-07", "--format", "csv"], capsys)
    assert code == 0, err
    with signalfire.open(store_copy, read_only=True) as store:
        stored = list_alerts(store)
    assert stored["alert_id"].is_unique
    keys = stored[["kind", "region_id", "actor_id", "period_start"]].astype(str)
    assert not keys.duplicated().any()
    # Listing an earlier month again shows what was known then, under the stored ids.
    code, out, err = run(["alerts", *db, "--as-of", AS_OF, "--format", "json"], capsys)
    again = json.loads(out)
    assert {r["period_end"] for r in again} == {AS_OF}
    assert {r["alert_id"] for r in again} <= set(stored["alert_id"])
    assert sorted(r["alert_id"] for r in again) == sorted(r["alert_id"] for r in records)
    alert_id = records[0]["alert_id"]
    db = db[:2]
    code, out, err = run(
        ["alerts", "dismiss", *db, alert_id, "--user", "ana", "--reason", "known operation"],
        capsys,
    )
    assert code == 0, err
    code, out, _ = run(["alerts", "feedback", *db, alert_id], capsys)
    assert "known operation" in out and "ana" in out
    code, _, err = run(["alerts", "ack", *db, "nope", "--user", "a", "--reason", "b"], capsys)
    assert code == 6 and "nope" in err
    code, out, _ = run(["alerts", "feed", *db, "--as-of", AS_OF], capsys)
    assert code == 0 and out.count("<entry>") == len(records)
    code, _, err = run(["alerts", *db, "--as-of", "2013-13"], capsys)
    assert code == 2 and "YYYY-MM" in err


def test_cli_evaluate_scores_a_short_replay(
    ged_store_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "eval.json"
    argv = ["alerts", "evaluate", "--db", str(ged_store_path), "--start", "2013-01"]
    argv += ["--end", "2013-06", "--detectors", "surge", "--out", str(out_path)]
    code, _, err = run(argv, capsys)
    assert code == 0, err
    result = json.loads(out_path.read_text())
    names = [row["detector"] for row in result["detectors"]]
    assert names[0] == "surge" and names[-1].startswith("naive")
    assert result["detectors"][0]["surges"] == result["detectors"][-1]["surges"]


def test_real_surge_definition_and_scoring() -> None:
    data = synthetic({"R1": [0.0] * 14 + [12.0, 0.0, 30.0, 0.0, 0.0, 0.0, 0.0, 40.0]})
    onsets = surge_onsets(data.fatalities, data.counts)
    # 12 (mean before 0) starts a surge; 30 two months later continues it; 40 after 4 quiet
    # months starts another.
    assert onsets["month"].tolist() == ["2011-03", "2011-10"]
    raised = dataclasses.replace(
        rule_alert_like(), period_start="2011-01", period_end="2011-01", region_id="R1"
    )
    result = score("x", [raised], onsets, "2010-01", "2011-12", regions=1)
    assert (result.alerts, result.caught_by, result.caught, result.leads) == (1, 1, 1, [2])


def rule_alert_like() -> signalfire.Alert:
    return signalfire.Alert(
        kind="surge",
        level="adm2",
        region_id="R1",
        period_start="2011-01",
        period_end="2011-01",
        score=1.0,
        severity="low",
        message="m",
    )


def test_rules_from_toml(ged_store: signalfire.Store, tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        """
[[rule]]
name = "TTP in KP"
level = "adm1"
regions = ["PK-KP"]
actor = "ttp"
target = "events"
threshold = 3
months = 2
severity = "high"
"""
    )
    rules = load_rules(path)
    assert rules[0].regions == ("PK-KP",) and rules[0].months == 2
    data = load(ged_store, AS_OF, "adm2")
    found = rule_alerts(data, rules[0])
    assert [(a.kind, a.region_id, a.severity) for a in found] == [("rule", "PK-KP", "high")]
    assert found[0].evidence["value"] >= 3
    path.write_text('[[rule]]\nname = "x"\nthreshold = 1\ncolour = "red"\n')
    with pytest.raises(InputError, match="colour"):
        load_rules(path)
    path.write_text('[[rule]]\nname = "x"\nthreshold = -1\n')
    with pytest.raises(InputError, match="threshold"):
        load_rules(path)


def test_new_actor_after_a_long_gap() -> None:
    data = synthetic({"R1": [5.0] * 40, "R2": [0.0] * 40})
    events = data.events.copy()
    extra = events.iloc[[0]].copy()
    extra["region_id"] = "R2"
    extra["period"] = data.months[-1]
    extra["event_id"] = "new-1"
    extra["actor2"] = "Group B"
    found = new_actor(dataclasses.replace(data, events=pd.concat([events, extra])))
    assert [(a.region_id, a.actor_id) for a in found] == [("R2", "new_group_b")]
    assert found[0].evidence["actor_names"] == ["Group B"]
    assert found[0].message.startswith("Group B active in R2")
    # Group A has been in R1 every month: not new. With too little history, nothing is new.
    assert not new_actor(dataclasses.replace(data, events=events))
    short = data.until(data.months[10])
    assert not new_actor(short, NewActorConfig(gap=24))


def test_spillover_needs_a_surge_across_the_border() -> None:
    rising = [0.0] * 30 + [10.0, 12.0, 15.0]
    data = synthetic({"P1": rising})
    border = pd.DataFrame({"region_id": ["P1"], "neighbour_id": ["A1"], "neighbour_iso3": ["AFG"]})
    calm = pd.DataFrame({"AFG": [500.0] * 33}, index=data.months)
    surging = calm.copy()
    surging.iloc[-3:, 0] = [1500.0, 2500.0, 3000.0]
    with_border = dataclasses.replace(data, cross_border=border)
    assert not spillover(dataclasses.replace(with_border, country_months=calm))
    found = spillover(dataclasses.replace(with_border, country_months=surging))
    assert [(a.kind, a.region_id) for a in found] == [("spillover", "P1")]
    assert "AFG" in found[0].message
    assert found[0].evidence["countries"]["AFG"]["source"] == "country_months"
    # No border: no spillover, whatever happens next door.
    assert not spillover(dataclasses.replace(data, country_months=surging), SpilloverConfig())
    assert np.isfinite(found[0].score)


def test_forecast_threshold_reads_probabilities_from_draws() -> None:
    from signalfire.alerts.detectors import ThresholdConfig, forecast_threshold
    from signalfire.models import Forecast

    data = synthetic({"R1": [0.0] * 24, "R2": [0.0] * 24})
    nxt = data.as_of + 1
    draws = np.zeros((2, 2, 10))
    draws[0, 0, :6] = 12.0  # R1: P(>= 10) = 0.6 next month
    draws[1, 1, :2] = 50.0  # R2: 0.2 in the second month only
    forecast = Forecast("test", ("R1", "R2"), (nxt, nxt + 1), draws)
    cfg = ThresholdConfig(fatalities=10.0, relative=None, level=0.5, horizon=2)
    found = forecast_threshold(data, forecast, cfg, run_id=7)
    assert [(a.region_id, a.score) for a in found] == [("R1", 0.6)]
    assert found[0].evidence["run_id"] == 7
    assert [row["p"] for row in found[0].evidence["forecast"]] == [0.6, 0.0]
    loose = forecast_threshold(data, forecast, dataclasses.replace(cfg, level=0.2))
    assert [a.region_id for a in loose] == ["R1", "R2"]
    with pytest.raises(ValueError, match="month after"):
        forecast_threshold(data.until(data.months[-2]), forecast, cfg)


def test_forecast_alerts_use_a_stored_run(store_copy: Path) -> None:
    from signalfire.forecasting import ForecastRequest, make_forecast, save_forecast

    with signalfire.open(store_copy) as store:
        request = ForecastRequest(as_of=AS_OF, horizon=2, draws=50, model="conflictology")
        run_id = save_forecast(store, request, make_forecast(store, request))
        found = compute_alerts(store, AS_OF, detectors=["forecast_threshold"])
    assert found, "conflictology gives some district a high chance in mid-2013"
    assert {a.evidence["run_id"] for a in found} == {run_id}
    assert {a.evidence["model"] for a in found} == {"conflictology"}


def test_rules_kept_in_the_store_are_used_by_default(store_copy: Path) -> None:
    from signalfire.alerts import Rule, delete_rule, save_rule, stored_rules

    rule = Rule(name="TTP in KP", level="adm1", regions=("PK-KP",), actor="ttp", threshold=3)
    with signalfire.open(store_copy) as store:
        assert not [a for a in compute_alerts(store, AS_OF) if a.kind == "rule"]
        save_rule(store, rule, user="analyst-1")
        save_rule(store, dataclasses.replace(rule, severity="high"), user="analyst-2")
        assert stored_rules(store) == [dataclasses.replace(rule, severity="high")]
        who = store.query("SELECT updated_by FROM alert_rules")["updated_by"].tolist()
        assert who == ["analyst-2"]
        found = [a for a in compute_alerts(store, AS_OF) if a.kind == "rule"]
        assert [(a.region_id, a.severity) for a in found] == [("PK-KP", "high")]
        # Rules passed explicitly replace the stored ones.
        assert not [a for a in compute_alerts(store, AS_OF, rules=[]) if a.kind == "rule"]
        assert delete_rule(store, "TTP in KP") and not delete_rule(store, "TTP in KP")
        assert stored_rules(store) == []
