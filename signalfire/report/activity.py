"""Actor activity as of a month: who was most active where, groups in areas new to them, and
pairs of actors whose fighting began or stopped. Computed from the store's events up to the
month (the stored actor graph spans all the data, so it is not used for an as-of view)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..actors import UNIDENTIFIED_NAMES
from ..store import Store

CHANGE_WINDOW = 3  # months: "recent" for new areas and relations that began or stopped
LOOKBACK = 12  # months before the recent window that count as "before"
# Names of the targeted, not of an armed actor: kept out of "who was active".
CIVILIANS = "Civilians"


# --- actors ----------------------------------------------------------------------------------


class ActorNames:
    """Display names (and kinds) from the actor table, so that spellings of one group count
    together; a name the table does not know is shown as written."""

    def __init__(self) -> None:
        from ..actors import ActorTable

        self.table = ActorTable.load()
        self.names: dict[str, str] = {}
        self.kinds: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self.names:
            # Text events store actor ids ("afg_military"), which are no alias of their actor.
            actor = self.table.get(name) if name in self.table else self.table.resolve(name)
            shown = UNIDENTIFIED_NAMES.get(name) or (
                actor.name if actor is not None else " ".join(name.split())
            )
            self.names[name] = shown
            self.kinds[shown] = actor.kind if actor is not None else "other"
        return self.names[name]


def _sides(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event and armed actor taking part (actor1 and actor2, civilians left out)."""
    first = events.assign(actor=events["actor1"])
    second = events.assign(actor=events["actor2"])
    sides = pd.concat([first, second], ignore_index=True)
    return sides[sides["actor"].notna() & (sides["actor"] != CIVILIANS)]


def _month_numbers(dates: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(dates)
    return stamps.dt.year * 12 + stamps.dt.month - 1


def _month_label(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def actor_activity(
    store: Store, month: pd.Period, column: str, countries: Sequence[str], names: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(most active, new areas, relations changed) as of the end of `month`; regions are the
    values of the events' `column` (adm1_id or adm2_id), named from `names` (index region_id).
    """
    now = month.year * 12 + month.month - 1
    end = month.end_time.date()
    events = store.query(
        f"""SELECT event_id, date_start, {column} AS region_id, actor1, actor2,
                   coalesce(deaths_best, 0) AS deaths
            FROM counted_events WHERE country_iso3 IN ({", ".join("?" * len(countries))})
              AND date_start <= ?
            ORDER BY date_start, event_id""",
        [*countries, end],
    )
    display = ActorNames()
    for side in ("actor1", "actor2"):
        events[side] = events[side].map(lambda n: display(n) if isinstance(n, str) else None)
    events["month"] = _month_numbers(events["date_start"])
    region_name = names["name"]

    # Who was most active where, this month.
    this = _sides(events[events["month"] == now])
    rows = []
    for actor, group in this.groupby("actor"):
        where = group.dropna(subset=["region_id"]).groupby("region_id").size()
        where = where.sort_values(ascending=False, kind="stable")
        places = [f"{region_name.get(r, r)} ({n})" for r, n in where.head(3).items()]
        rows.append(
            {
                "actor": str(actor),
                "events": len(group),
                "deaths": int(group["deaths"].sum()),
                "regions": places,
                "other_regions": max(len(where) - 3, 0),
                "unlocated": int(group["region_id"].isna().sum()),
            }
        )
    most_active = pd.DataFrame(
        rows, columns=["actor", "events", "deaths", "regions", "other_regions", "unlocated"]
    )
    most_active = most_active.sort_values(
        ["events", "deaths", "actor"], ascending=[False, False, True]
    ).head(8)

    # Non-state groups in areas new to them: their first event there, or the first for
    # LOOKBACK months. State forces are everywhere; their moves are not news here.
    recent_start = now - (CHANGE_WINDOW - 1)
    located = _sides(events.dropna(subset=["region_id"]))
    located = located[located["actor"].map(display.kinds).ne("state_force")]
    keys = ["actor", "region_id"]
    recent = located[located["month"] >= recent_start]
    new_areas = recent.groupby(keys).agg(
        first_date=("date_start", "min"),
        events=("event_id", "size"),
        deaths=("deaths", "sum"),
        event_id=("event_id", "first"),
    )
    previous = located[located["month"] < recent_start].groupby(keys)["month"].max()
    new_areas = new_areas.join(previous.rename("previous")).reset_index()
    new_areas = new_areas[
        new_areas["previous"].isna() | (new_areas["previous"] < recent_start - LOOKBACK)
    ].copy()
    new_areas["region_name"] = (
        new_areas["region_id"].map(region_name).fillna(new_areas["region_id"])
    )
    new_areas["first_date"] = [str(pd.Timestamp(d).date()) for d in new_areas["first_date"]]
    new_areas["previous"] = [
        None if pd.isna(p) else _month_label(int(p)) for p in new_areas["previous"]
    ]
    new_areas["deaths"] = new_areas["deaths"].astype("int64")
    new_areas = new_areas[
        [
            "actor",
            "region_id",
            "region_name",
            "first_date",
            "events",
            "deaths",
            "previous",
            "event_id",
        ]
    ].sort_values(["first_date", "actor", "region_id"], ascending=[False, True, True])

    # Pairs (one-sided violence against civilians included) that began or stopped: events in
    # the recent window and none in the LOOKBACK months before, or the reverse (2+ before).
    pairs = events.dropna(subset=["actor1", "actor2"])
    pairs = pairs[pairs["month"] >= recent_start - LOOKBACK].copy()
    swap = (pairs["actor1"] > pairs["actor2"]) & (pairs["actor2"] != CIVILIANS)
    pairs.loc[swap, ["actor1", "actor2"]] = pairs.loc[swap, ["actor2", "actor1"]].to_numpy()
    pairs["is_recent"] = pairs["month"] >= recent_start
    changed = pairs.groupby(["actor1", "actor2"]).agg(
        recent=("is_recent", "sum"),
        total=("event_id", "size"),
        deaths=("deaths", "sum"),
        last_date=("date_start", "max"),
        event_id=("event_id", "last"),
    )
    changed["before"] = changed["total"] - changed["recent"]
    began = (changed["recent"] > 0) & (changed["before"] == 0)
    stopped = (changed["recent"] == 0) & (changed["before"] >= 2)
    changed = changed[began | stopped].reset_index()
    changed["change"] = np.where(changed["recent"] > 0, "began", "stopped")
    changed = changed.rename(columns={"actor1": "side_a", "actor2": "side_b"})
    changed["last_date"] = [str(pd.Timestamp(d).date()) for d in changed["last_date"]]
    changed = changed.astype({"recent": "int64", "before": "int64", "deaths": "int64"})
    changed = changed[
        ["side_a", "side_b", "change", "recent", "before", "deaths", "last_date", "event_id"]
    ].sort_values(["change", "before", "recent", "side_a"], ascending=[True, False, False, True])
    return (
        most_active.reset_index(drop=True),
        new_areas.reset_index(drop=True),
        changed.reset_index(drop=True),
    )
