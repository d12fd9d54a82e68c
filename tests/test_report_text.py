"""The brief's sentence templates: singular, plural, zero and "no events" cases."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from signalfire.report import text as t
from signalfire.report.charts import spread


def test_count_zero_one_many() -> None:
    assert t.count(0, "event") == "no events"
    assert t.count(1, "event") == "1 event"
    assert t.count(2, "event") == "2 events"
    assert t.count(2310, "event") == "2,310 events"
    assert t.count(0, "fatality") == "no fatalities"
    assert t.count(1, "fatality") == "1 fatality"
    assert t.count(5, "fatality") == "5 fatalities"
    assert t.count(1, "alert") == "1 alert"
    assert t.count(3, "district") == "3 districts"
    assert t.count(0, "province", zero="none of the") == "none of the provinces"


@given(st.integers(min_value=2, max_value=10**7), st.sampled_from(["event", "fatality", "group"]))
def test_count_plural_for_every_number_above_one(n: int, word: str) -> None:
    text = t.count(n, word)
    assert text.endswith(t.plural(word))
    assert text.replace(",", "").startswith(str(n) + " ")


def test_month_name_and_join() -> None:
    assert t.month_name("2019-12") == "December 2019"
    assert t.month_name("1989-02") == "February 1989"
    assert t.join_names([]) == ""
    assert t.join_names(["Quetta"]) == "Quetta"
    assert t.join_names(["Quetta", "Tank"]) == "Quetta and Tank"
    assert t.join_names(["A", "B", "C"]) == "A, B and C"


def test_comparison() -> None:
    assert t.comparison(5, 3, "May") == "up from 3 in May"
    assert t.comparison(3, 5, "May") == "down from 5 in May"
    assert t.comparison(4, 4, "May") == "the same as in May"
    assert t.comparison(4, 0, "May") == "none in May"
    assert t.comparison(0, 0, "May") == "none in May either"


def test_headline_cases() -> None:
    many = t.headline("Pakistan", "2019-12", 8, 15, ("2019-11", 6, 13), ("2018-12", 1, 1))
    assert many == (
        "The store holds 8 events in Pakistan in December 2019, with 15 fatalities (best "
        "estimate); the previous month had 6 events and 13 fatalities (November 2019), and the "
        "same month a year earlier had 1 event and 1 fatality (December 2018)."
    )
    none = t.headline("Pakistan", "1989-02", 0, 0, ("1989-01", 1, 0), ("1988-02", 0, 0))
    assert none.startswith("The store holds no events in Pakistan in February 1989;")
    assert "had 1 event and no fatalities (January 1989)" in none
    assert none.endswith("the same month a year earlier had none (February 1988).")
    single = t.headline("Pakistan", "2000-01", 1, 0, ("1999-12", 0, 0), ("1999-01", 2, 7))
    assert "holds 1 event in Pakistan in January 2000, with no fatalities" in single


def test_change_sentence() -> None:
    text = t.change_sentence("fatality", 15, 13, 1, ("2019-11", "2018-12"))
    assert text == "Fatalities: 15, up from 13 in November 2019; up from 1 in December 2018."
    text = t.change_sentence("event", 0, 0, 2, ("2019-11", "2018-12"))
    assert text == "Events: 0, none in November 2019 either; down from 2 in December 2018."


def test_alerts_sentence() -> None:
    assert t.alerts_sentence({"new actor": 3}) == (
        "3 alerts are open at the end of the month (3 new actors)."
    )
    assert t.alerts_sentence({}) == "No alerts are open at the end of the month."
    assert t.alerts_sentence({"surge": 0}) == "No alerts are open at the end of the month."
    assert (
        t.alerts_sentence({"new actor": 1})
        == "1 alert is open at the end of the month (1 new actor)."
    )
    assert (
        t.alerts_sentence({"surge": 2, "new actor": 1})
        == "3 alerts are open at the end of the month (2 surges and 1 new actor)."
    )


def test_unlocated_sentence() -> None:
    assert t.unlocated_sentence(0, 0, "district", "2019-12") == (
        "Every event of December 2019 has a known district."
    )
    assert t.unlocated_sentence(1, 3, "district", "2019-12") == (
        "1 event of December 2019 (3 fatalities) has no known district and is left out of the "
        "district figures."
    )
    assert t.unlocated_sentence(3, 1, "province", "2019-12") == (
        "3 events of December 2019 (1 fatality) have no known province and are left out of the "
        "province figures."
    )


def test_forecast_sentence() -> None:
    assert t.forecast_sentence("district", [], "2020-01", "conflictology") == (
        "The conflictology forecast expects no fatalities in any district in January 2020."
    )
    assert t.forecast_sentence("district", [("Quetta", 0.0)], "2020-01", "naive") == (
        "The naive forecast expects no fatalities in any district in January 2020."
    )
    text = t.forecast_sentence("district", [("Quetta", 3.22), ("Tank", 1.0)], "2020-01", "m")
    assert text == (
        "For January 2020 the m forecast expects the most fatalities in Quetta (3.2) and "
        "Tank (1.0) (mean of the predictive draws)."
    )


def test_number() -> None:
    assert t.number(0) == "0"
    assert t.number(1234567) == "1,234,567"
    assert t.number(2.0) == "2"
    assert t.number(2.25) == "2.2" or t.number(2.25) == "2.3"


def test_missing_country_sentence() -> None:
    none = t.missing_country_sentence("Afghanistan", "2019-12", [])
    assert none == (
        "The store holds no events for Afghanistan up to December 2019. Afghanistan is left "
        "out of the map, the ranking and the actor figures."
    )
    assert t.missing_country_sentence("Afghanistan", "2019-12", [("2019-12", None)]) == none
    some = t.missing_country_sentence(
        "Afghanistan", "2019-12", [("2019-12", 1), ("2019-11", None), ("2018-12", 2399)]
    )
    assert some.startswith(
        "The store holds no events for Afghanistan, only a country-month series: 1 fatality in "
        "December 2019 and 2,399 fatalities in December 2018."
    )


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(60, 78, allow_nan=False), st.floats(23, 37, allow_nan=False)),
        min_size=1,
        max_size=10,
    )
)
def test_map_labels_spread_apart(points: list[tuple[float, float]]) -> None:
    anchors = np.asarray(points)
    placed = spread(anchors, min_dist=1.0)
    assert placed.shape == anchors.shape
    for i in range(len(placed)):
        for j in range(i + 1, len(placed)):
            assert np.hypot(*(placed[i] - placed[j])) >= 0.95
    # Labels that did not crowd stay on their region.
    if len(points) == 1:
        assert np.allclose(placed, anchors)
