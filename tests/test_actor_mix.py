"""actor_mix over events of every source: GED names, ACLED names and text events' actor ids."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_features import panel_from_events

from signalfire.actor_mix import actor_mix, neighbour_actor_mix, resolve_side
from signalfire.actors import ActorTable
from signalfire.panel import Panel

TABLE = ActorTable.load()
SPELLINGS = [(a.actor_id, name) for a in TABLE for name in (a.actor_id, a.name, *a.aliases)]

# test_features' regions: A1-A3, B1, B2 in Pakistan, C1 in Afghanistan.
PERIODS = pd.period_range("2022-01", periods=6, freq="M", name="period")


def make_panel(rows: list[tuple[str, str, str, str]]) -> Panel:
    """Events (region_id, day, actor1, actor2), one death each."""
    events = pd.DataFrame(rows, columns=["region_id", "date_start", "actor1", "actor2"])
    events["date_start"] = pd.to_datetime(events["date_start"])
    events["deaths"] = np.int32(1)
    events["period"] = pd.PeriodIndex(events["date_start"], freq="M")
    return panel_from_events(events, PERIODS, "fatalities")


def cell(panel: Panel, feature: dict[str, np.ndarray], name: str, region: str) -> float:
    """The value at the panel's last period."""
    return float(feature[name][-1, panel.region_ids.index(region)])


def test_state_forces_of_every_source_are_foreign_outside_their_country() -> None:
    panel = make_panel(
        [
            ("C1", "2022-03-02", "Government of Pakistan", "Civilians"),  # GED
            ("C1", "2022-03-05", "pak_military", "civilians"),  # text
            ("C1", "2022-04-01", "Military Forces of Pakistan (2018-)", "TTP"),  # ACLED
            ("C1", "2022-04-09", "Military Forces of Afghanistan (2021-)", "ttp"),
            ("A1", "2022-04-10", "Military Forces of Afghanistan (2021-)", "pak_military"),
        ]
    )
    mix = actor_mix(panel)
    # Three of C1's four events involve Pakistan's forces; Afghanistan's own are not foreign.
    assert cell(panel, mix, "actor_foreign_state_share", "C1") == pytest.approx(3 / 4)
    assert cell(panel, mix, "actor_foreign_state_share", "A1") == 1.0
    # State forces are not among the region's actors: civilians and the TTP are.
    assert cell(panel, mix, "actor_distinct", "C1") == 2.0
    assert cell(panel, mix, "actor_distinct", "A1") == 0.0


def test_spellings_of_one_group_are_one_actor() -> None:
    panel = make_panel(
        [
            ("A1", "2022-02-01", "Government of Pakistan", "TTP"),  # GED
            ("A1", "2022-03-01", "pak_military", "ttp"),  # text
            ("A1", "2022-04-01", "TTP: Tehreek-i-Taliban Pakistan", "Civilians (Pakistan)"),
            ("A1", "2022-05-01", "Tehreek-e-Taliban Pakistan", "Civilians"),
        ]
    )
    mix = actor_mix(panel)
    assert cell(panel, mix, "actor_distinct", "A1") == 2.0  # the TTP and civilians
    assert cell(panel, mix, "actor_top1_share", "A1") == 1.0  # the TTP, in all four events
    assert cell(panel, mix, "actor_top2_share", "A1") == 0.5
    assert cell(panel, mix, "actor_foreign_state_share", "A1") == 0.0


def test_unidentified_perpetrators_are_no_actor() -> None:
    panel = make_panel(
        [
            ("B1", "2022-05-01", "unidentified_armed_group", "civilians"),
            ("B1", "2022-05-03", "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)"),
            ("B1", "2022-05-04", "unidentified_baloch_group", "pak_military"),
            ("B1", "2022-05-06", "BLA", "Unknown"),
        ]
    )
    mix = actor_mix(panel)
    assert cell(panel, mix, "actor_distinct", "B1") == 2.0  # civilians and the BLA
    # Their events still count in the denominators: civilians in 2 of 4 events.
    assert cell(panel, mix, "actor_top1_share", "B1") == 0.5
    assert resolve_side("unidentified_armed_group") is None
    assert resolve_side("Unknown") is None


def test_a_group_that_came_to_govern_is_its_state_from_that_day() -> None:
    # The Taliban govern Afghanistan from 2021-08-15 (actors.toml: governs_from).
    before = pd.period_range("2021-07", periods=3, freq="M", name="period")
    rows = [
        ("B2", "2021-07-20", "afg_taliban", "pak_military"),  # before: a non-state group
        ("B2", "2021-09-03", "afg_taliban", "pak_military"),  # after: Afghanistan's forces
        ("C1", "2021-09-10", "Taleban", "Civilians"),  # GED's spelling, in Afghanistan
    ]
    events = pd.DataFrame(rows, columns=["region_id", "date_start", "actor1", "actor2"])
    events["date_start"] = pd.to_datetime(events["date_start"])
    events["deaths"] = np.int32(1)
    events["period"] = pd.PeriodIndex(events["date_start"], freq="M")
    panel = panel_from_events(events, before, "fatalities")
    mix = actor_mix(panel)
    b2, c1 = panel.region_ids.index("B2"), panel.region_ids.index("C1")
    assert mix["actor_foreign_state_share"][0, b2] == 0.0
    assert mix["actor_distinct"][0, b2] == 1.0
    assert mix["actor_foreign_state_share"][2, b2] == pytest.approx(1 / 2)
    assert mix["actor_distinct"][2, b2] == 1.0  # the July event's Taliban, still in window
    assert mix["actor_new3"][2, b2] == 1.0
    assert mix["actor_foreign_state_share"][2, c1] == 0.0  # at home
    assert mix["actor_distinct"][2, c1] == 1.0  # civilians only


GED_NAMES = {
    "Government of Pakistan": "pak_military",
    "TTP": "ttp",
    "BLA": "bla",
    "Government of Afghanistan": "afg_military",
    "LeJ": "lej",
}


@pytest.mark.parametrize("seed", [0, 1])
def test_writing_names_as_table_ids_changes_no_feature(seed: int) -> None:
    """A text event naming the same actors as a GED event adds to the same actors."""
    rng = np.random.default_rng(seed)
    names = list(GED_NAMES)
    rows = []
    for k in range(400):
        region = ["A1", "A2", "A3", "B1", "B2", "C1"][k % 6]
        day = PERIODS[0].start_time + pd.Timedelta(days=int(rng.integers(0, 180)))
        side_a = names[0] if region != "C1" else names[3]
        rows.append((region, str(day.date()), side_a, names[int(rng.choice([1, 2, 4]))]))
    ged = make_panel(rows)
    mixed = make_panel(
        [
            (r, d, GED_NAMES[a] if k % 3 == 0 else a, GED_NAMES[b] if k % 2 == 0 else b)
            for k, (r, d, a, b) in enumerate(rows)
        ]
    )
    one, other = actor_mix(ged), actor_mix(mixed)
    one.update(neighbour_actor_mix(ged, one))
    other.update(neighbour_actor_mix(mixed, other))
    assert one["actor_distinct"].max() == 3.0  # the check can fail
    for name, values in one.items():
        np.testing.assert_array_equal(values, other[name], err_msg=name)


def test_ged_names_stay_distinct_actors(ged_path: Path) -> None:
    """GED-only features are those of the raw names (BENCHMARKS' backtests were measured on
    them): every GED side name must resolve to its own key, and exactly the "Government of"
    names to state forces."""
    ged = pd.read_csv(ged_path, usecols=["side_a", "side_b"])
    names = sorted(set(ged["side_a"]) | set(ged["side_b"]))
    sides = {name: resolve_side(name) for name in names}
    assert all(side is not None for side in sides.values())
    keys = pd.Series({name: side.key for name, side in sides.items() if side is not None})
    merged = keys[keys.duplicated(keep=False)]
    assert merged.empty, f"GED names that would count as one actor: {merged.to_dict()}"
    states = {name for name, side in sides.items() if side is not None and side.state}
    assert states == {name for name in names if name.startswith("Government of ")}


def test_every_spelling_in_the_table_is_its_actor() -> None:
    wrong = []
    for actor_id, name in SPELLINGS:
        side, actor = resolve_side(name), TABLE.get(actor_id)
        expected = (actor_id, actor.kind == "state_force", actor.country)
        if side is None or (side.key, side.state, side.country) != expected:
            wrong.append((name, side, expected))
    assert len(SPELLINGS) > 500 and not wrong
