"""Alerts: detectors on synthetic series, records, dedup, the store, feedback."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import signalfire
from signalfire.alerts import (
    Alert,
    AlertData,
    SurgeConfig,
    acknowledge,
    alert_feedback,
    list_alerts,
    save_alerts,
)
from signalfire.alerts.detectors import surge, surge_state
from signalfire.alerts.records import merge
from signalfire.errors import NotFoundError


def synthetic(values: dict[str, list[float]], start: str = "2010-01") -> AlertData:
    """AlertData whose fatalities (and event counts) are the given monthly series."""
    n = len(next(iter(values.values())))
    months = pd.period_range(start, periods=n, freq="M", name="period")
    table = pd.DataFrame(values, index=months, dtype=float)
    rows = []
    for region, series in values.items():
        for month, deaths in zip(months, series, strict=True):
            if deaths:
                rows.append(
                    {
                        "event_id": f"e-{region}-{month}",
                        "region_id": region,
                        "period": month,
                        "deaths": deaths,
                        "actor1": "Government of X",
                        "actor2": "Group A",
                        "violence_type": "state-based",
                        "iso3": "XXX",
                        "adm1_id": "XX-1",
                        "adm2_id": region,
                    }
                )
    events = pd.DataFrame(
        rows,
        columns=[
            "event_id",
            "region_id",
            "period",
            "deaths",
            "actor1",
            "actor2",
            "violence_type",
            "iso3",
            "adm1_id",
            "adm2_id",
        ],
    )
    regions = pd.DataFrame({"name": list(values), "iso3": "XXX"}, index=list(values))
    cross = pd.DataFrame({"region_id": [], "neighbour_id": [], "neighbour_iso3": []})
    return AlertData(
        "adm2",
        months[-1],
        table,
        np.ceil(table / 3.0),  # about one event per 3 deaths
        events,
        regions,
        cross,
        pd.DataFrame(index=pd.PeriodIndex([], freq="M", name="month")),
    )


def first_alarm(data: AlertData, cfg: SurgeConfig | None = None) -> int | None:
    """The first month index at which the surge detector, run as of each month, alerts."""
    for t in range(len(data.months)):
        if surge(data.until(data.months[t]), cfg):
            return t
    return None


def test_known_change_point_is_detected_within_two_months() -> None:
    rng = np.random.default_rng(7)
    change = 40
    # A region at about 2 deaths a month jumps to about 12 (negative binomial noise).
    before = rng.negative_binomial(2, 2 / (2 + 2.0), size=change)
    after = rng.negative_binomial(2, 2 / (2 + 12.0), size=20)
    data = synthetic({"R1": [*before, *after]})
    t = first_alarm(data)
    assert t is not None
    assert change <= t <= change + 2


@pytest.mark.parametrize("level", [0.0, 1.0, 3.0, 20.0])
def test_no_alert_on_a_flat_series(level: float) -> None:
    data = synthetic({"R1": [level] * 72})
    assert first_alarm(data) is None


def test_no_alert_on_a_stationary_noisy_series() -> None:
    rng = np.random.default_rng(3)
    series = rng.poisson(4.0, size=96).astype(float)
    assert first_alarm(synthetic({"R1": list(series)})) is None


def alert(start: str, end: str, score: float = 1.0, region: str = "R1") -> Alert:
    return Alert(
        kind="surge",
        level="adm2",
        region_id=region,
        period_start=start,
        period_end=end,
        score=score,
        severity="medium",
        message="test",
        evidence={"event_ids": ["e1"]},
    )


def test_alert_validates_its_fields() -> None:
    with pytest.raises(ValueError, match="kind"):
        dataclasses.replace(alert("2010-01", "2010-01"), kind="nope")
    with pytest.raises(ValueError, match="before period_start"):
        alert("2010-05", "2010-01")
    with pytest.raises(ValueError, match="YYYY-MM"):
        alert("2010-1", "2010-01")


def test_an_ongoing_surge_is_one_alert_updated() -> None:
    first = alert("2010-01", "2010-01")
    same = merge([first], [alert("2010-02", "2010-02", score=2.0)])
    assert len(same) == 1
    assert same[0].alert_id == first.alert_id
    assert (same[0].period_start, same[0].period_end, same[0].score) == ("2010-01", "2010-02", 2.0)
    # After a pause longer than the gap it is a new alert; another region is another alert.
    later = merge(same, [alert("2010-06", "2010-06"), alert("2010-02", "2010-02", region="R2")])
    assert len(later) == 3


def test_save_updates_the_stored_alert_and_keeps_feedback(store: signalfire.Store) -> None:
    assert save_alerts(store, [alert("2010-01", "2010-01")], as_of="2010-01") == 1
    alert_id = list_alerts(store)["alert_id"].iloc[0]
    acknowledge(store, alert_id, user="ana", action="acknowledge", reason="seen, watching")
    save_alerts(store, [alert("2010-02", "2010-02", score=3.0)], as_of="2010-02")
    frame = list_alerts(store)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["alert_id"], row["period_end"], row["score"]) == (alert_id, "2010-02", 3.0)
    assert row["status"] == "acknowledged"
    assert row["evidence"] == {"event_ids": ["e1"]}
    acknowledge(store, alert_id, user="bo", action="dismiss", reason="known operation")
    feedback = alert_feedback(store, alert_id)
    assert list(feedback["user"]) == ["ana", "bo"]
    assert list(feedback["action"]) == ["acknowledge", "dismiss"]
    assert list(feedback["reason"]) == ["seen, watching", "known operation"]
    assert feedback["at"].notna().all()
    assert list_alerts(store, status="dismissed")["alert_id"].tolist() == [alert_id]


def test_stale_alerts_close_and_as_of_lists_open_ones(store: signalfire.Store) -> None:
    save_alerts(store, [alert("2010-01", "2010-02")], as_of="2010-02")
    save_alerts(store, [alert("2010-05", "2010-05", region="R2")], as_of="2010-05")
    statuses = dict(zip(*(list_alerts(store)[c] for c in ("region_id", "status")), strict=True))
    assert statuses == {"R1": "closed", "R2": "open"}
    assert list_alerts(store, as_of="2010-02")["region_id"].tolist() == ["R1"]
    assert list_alerts(store, as_of="2010-05")["region_id"].tolist() == ["R2"]
    assert list_alerts(store, as_of="2010-04").empty


def test_feedback_on_an_unknown_alert_is_not_found(store: signalfire.Store) -> None:
    with pytest.raises(NotFoundError, match="no-such"):
        acknowledge(store, "no-such", user="ana", action="dismiss", reason="x")
    with pytest.raises(ValueError, match="action"):
        acknowledge(store, "no-such", user="ana", action="delete", reason="x")


series = st.lists(st.integers(0, 60).map(float), min_size=20, max_size=60)


@settings(max_examples=40, deadline=None)
@given(values=series, cut=st.integers(8, 19), noise=st.lists(st.integers(0, 200), max_size=40))
def test_surge_at_a_month_ignores_every_later_month(
    values: list[float], cut: int, noise: list[int]
) -> None:
    """Whatever happens after month `cut`, the alerts as of `cut` are the same."""
    changed = values[: cut + 1] + [float(n) for n in noise[: len(values) - cut - 1]]
    changed += values[len(changed) :]
    a = synthetic({"R1": values})
    b = synthetic({"R1": changed})
    month = a.months[cut]
    assert [x.record() for x in surge(a.until(month))] == [
        x.record() for x in surge(b.until(month))
    ]


@settings(max_examples=60, deadline=None)
@given(values=series)
def test_cusum_statistic_stays_within_zero_and_its_cap(values: list[float]) -> None:
    cfg = SurgeConfig()
    opened, stat, baseline = surge_state(np.asarray(values)[:, None], cfg)
    assert (stat >= 0).all() and (stat <= 2 * cfg.threshold).all()
    assert (baseline >= cfg.floor).all()
    assert not (opened & (stat < cfg.threshold)).any()


@settings(max_examples=60, deadline=None)
@given(months=st.lists(st.integers(0, 40), min_size=1, max_size=25))
def test_merge_gives_one_alert_per_run_of_months(months: list[int]) -> None:
    """Findings in consecutive months (gaps of at most one month) fold into one alert."""
    labels = [str(pd.Period("2010-01", freq="M") + m) for m in sorted(set(months))]
    merged: list[Alert] = []
    for label in labels:
        merged = merge(merged, [alert(label, label)])
    ordered = sorted(set(months))
    runs = 1 + sum(1 for a, b in itertools.pairwise(ordered) if b - a > 2)
    assert len(merged) == runs
    assert len({a.alert_id for a in merged}) == runs


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [
        (0, "event", "0 events"),
        (1, "event", "1 event"),
        (2, "event", "2 events"),
        (1, "fatality", "1 fatality"),
        (1.5, "fatality", "1.5 fatalities"),
    ],
)
def test_alert_messages_count_in_singular_and_plural(n: float, word: str, expected: str) -> None:
    from signalfire.wording import count

    assert count(n, word, zero="0") == expected
