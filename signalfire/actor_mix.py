"""Actor-mix features of a panel: who is active in a region, and whether they are growing.

For each (period t, region): the share of the region's last ACTOR_WINDOW periods' events
involving the nationally most active non-state actors of those periods, the share involving a
foreign state's forces, the number of distinct actors, how fast the region's own actors are
growing nationally (in events and in deaths), newcomers among them, and (`neighbour_actor_mix`)
the same growth for the actors of its neighbours: is a group active next door escalating? Only
events up to t count at row t.

Actors are counted by the actor table's id (`resolve_side`), so GED's "TTP", ACLED's
"TTP: Tehreek-i-Taliban Pakistan" and a text event's "ttp" are one group, and GED's
"Government of Pakistan", ACLED's "Military Forces of Pakistan (2018-)" and text's
"pak_military" are one state's forces. The shared GED file's names all resolve to distinct
ids, so GED-only features are those of the raw names (tests/test_actor_mix.py checks it).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from .actors import _STATE_FORCES, UNIDENTIFIED_NAMES, UNNAMED_PREFIXES, ActorTable
from .countries import iso3_from_name
from .panel import Panel
from .panel_arrays import event_arrays, neighbour_index, rolling_sum
from .selfexcite import adjacency

ACTOR_WINDOW = 12
TOP_ACTORS = 3


class Side(NamedTuple):
    """What one actor string of the events stands for."""

    key: str  # the actor table's id, else the string as written
    state: bool  # a state's forces (not counted among the region's actors)
    country: str  # ISO3 of that state ("" when unknown or international, e.g. NATO)
    governs_from: dt.date | None = None  # from then on the group is the state's forces...
    as_state: str = ""  # ...with this key (the table's state force of its country)
    as_country: str = ""


@cache
def _table() -> ActorTable:
    return ActorTable.load()


@cache
def resolve_side(name: str) -> Side | None:
    """The actor behind one events' actor string, from the actor table; None for a placeholder.

    Events come with UCDP GED names ("Government of Pakistan", "TTP"), ACLED names ("Military
    Forces of Pakistan (2018-)", "Tehreek-i-Taliban Pakistan") and, from text, actor-table ids
    ("pak_military", "ttp"): all spellings of one group become one key. A name the table does
    not know keeps its own spelling as key; it is a state's forces when it reads like one
    ("Government of X", ACLED's "Military Forces of X (YYYY-)").

    Unidentified perpetrators (text's `unidentified_armed_group`, ACLED's "Unidentified Armed
    Group (Pakistan)", GTD's "Unknown") are no actor: they lump together whoever went unnamed,
    so counting them as one group would make "unidentified" the top actor of many regions and
    a nationally "growing" group whenever reporting gets vaguer. Their events still count in
    the share denominators.

    Cached per string: panels repeat a few thousand strings over hundreds of thousands of rows.
    """
    if name in UNIDENTIFIED_NAMES or name.strip().lower().startswith(UNNAMED_PREFIXES):
        return None
    table = _table()
    government = name.startswith("Government of ")
    # Text events store the table's ids, which are no alias. "Government of X" is never
    # matched fuzzily: "Government of Iraq" is one letter from "Government of Iran".
    actor = table.get(name) if name in table else table.resolve(name, fuzzy=not government)
    if actor is not None and (actor.kind == "state_force" or not government):
        if actor.governs_from:
            state = table.get(table.on(actor.actor_id, dt.date.max))
            return Side(
                actor.actor_id,
                actor.kind == "state_force",
                actor.country,
                dt.date.fromisoformat(actor.governs_from),
                state.actor_id,
                state.country,
            )
        return Side(actor.actor_id, actor.kind == "state_force", actor.country)
    if government:
        return Side(name, True, iso3_from_name(name.removeprefix("Government of ")))
    forces = _STATE_FORCES.match(" ".join(name.split()))
    if forces is not None:
        return Side(name, True, iso3_from_name(forces.group("country")))
    return Side(name, False, "")


def _window_counts(frame: pd.DataFrame, keys: list[str], width: int, n_t: int) -> pd.DataFrame:
    """Counts per keys over the last `width` periods (t - width, t], for every t < n_t."""
    reps = np.repeat(frame.index.to_numpy(), width)
    out = frame.loc[reps, keys].reset_index(drop=True)
    out["t"] = out["t"].to_numpy() + np.tile(np.arange(width), len(frame))
    out = out[out["t"] < n_t]
    return out.groupby(keys, sort=False).size().rename("n").reset_index()


def _window_sums(
    frame: pd.DataFrame, keys: list[str], value: str, width: int, n_t: int
) -> pd.DataFrame:
    """Sums of `value` per keys over the last `width` periods (t - width, t], for every t < n_t."""
    reps = np.repeat(frame.index.to_numpy(), width)
    out = frame.loc[reps, [*keys, value]].reset_index(drop=True)
    out["t"] = out["t"].to_numpy() + np.tile(np.arange(width), len(frame))
    out = out[out["t"] < n_t]
    return out.groupby(keys, sort=False)[value].sum().reset_index()


ACTOR_GROWTH = ("deaths3", "deaths_momentum", "new3")


def actor_mix(panel: Panel) -> dict[str, np.ndarray]:
    """Actor mix of each region's last ACTOR_WINDOW periods, from panel.events."""
    n_t, n_r = panel.values.shape
    out = {f"actor_top{k}_share": np.zeros((n_t, n_r)) for k in range(1, TOP_ACTORS + 1)}
    for name in ("foreign_state_share", "distinct", "national3", "momentum", *ACTOR_GROWTH):
        out[f"actor_{name}"] = np.zeros((n_t, n_r))
    ev = panel.events
    if len(ev) == 0:
        return out
    t = panel.periods.get_indexer(pd.PeriodIndex(ev["period"]))
    r = pd.Index(panel.region_ids).get_indexer(pd.Index(ev["region_id"]))
    ok = (t >= 0) & (r >= 0)
    ev, t, r = ev[ok], t[ok], r[ok]
    iso = panel.regions.reindex(panel.region_ids)["iso3"].to_numpy(object)
    both = pd.DataFrame(
        {
            "t": np.concatenate([t, t]),
            "r": np.concatenate([r, r]),
            "actor": np.concatenate([ev["actor1"].to_numpy(object), ev["actor2"].to_numpy(object)]),
            "event": np.tile(np.arange(len(ev)), 2),
            "deaths": np.tile(ev["deaths"].to_numpy(float), 2),
        }
    )
    both = both[both["actor"].notna()].reset_index(drop=True)
    codes, names = pd.factorize(both["actor"])
    sides = [resolve_side(str(n)) for n in names]
    known = np.array([s is not None for s in sides], dtype=bool)[codes]
    both = both[known].reset_index(drop=True)
    codes = codes[known]
    info = pd.DataFrame(
        [s if s is not None else Side("", False, "") for s in sides], columns=list(Side._fields)
    )
    both["actor"] = info["key"].to_numpy(object)[codes]
    both["gov"] = info["state"].to_numpy(bool)[codes]
    both["country"] = info["country"].to_numpy(object)[codes]
    ruling = info["governs_from"].notna().to_numpy()[codes]
    if ruling.any():
        # A group that became its country's government acts as that state's forces from then
        # on (ActorTable.on), as GED and ACLED code the Taliban after 15 August 2021.
        when = pd.to_datetime(
            ev["date_start"] if "date_start" in ev else ev["period"].dt.start_time
        )
        day = when.to_numpy("datetime64[ns]")[both["event"].to_numpy()]
        since = pd.to_datetime(info["governs_from"]).to_numpy("datetime64[ns]")[codes]
        now = ruling & (day >= since)  # NaT (no governs_from) compares False
        both.loc[now, "actor"] = info["as_state"].to_numpy(object)[codes][now]
        both.loc[now, "gov"] = True
        both.loc[now, "country"] = info["as_country"].to_numpy(object)[codes][now]
    both = both.drop_duplicates(["event", "actor"]).reset_index(drop=True)
    # A state force is foreign when its country is not the region's.
    both["foreign"] = both["gov"] & (both["country"].to_numpy(object) != iso[both["r"].to_numpy()])
    denom = np.maximum(rolling_sum(event_arrays(panel)[0], ACTOR_WINDOW), 1.0)
    foreign = np.zeros((n_t, n_r))
    fl = both[both["foreign"]]
    np.add.at(foreign, (fl["t"].to_numpy(), fl["r"].to_numpy()), 1.0)
    out["actor_foreign_state_share"] = rolling_sum(foreign, ACTOR_WINDOW) / denom
    actors = both.loc[~both["gov"], ["t", "r", "actor", "deaths"]].reset_index(drop=True)
    if actors.empty:
        return out
    codes, _ = pd.factorize(actors["actor"])
    actors["actor"] = codes  # integers: fast grouping; ties broken by first appearance
    window = _window_counts(actors, ["t", "r", "actor"], ACTOR_WINDOW, n_t)
    national = window.groupby(["t", "actor"], sort=False)["n"].sum().rename("national")
    ranked = national.reset_index().sort_values(
        ["t", "national", "actor"], ascending=[True, False, True], kind="stable"
    )
    ranked["rank"] = ranked.groupby("t").cumcount() + 1
    top = ranked[ranked["rank"] <= TOP_ACTORS][["t", "actor", "rank"]]
    shares = window.merge(top, on=["t", "actor"])
    for k in range(1, TOP_ACTORS + 1):
        sel = shares[shares["rank"] == k]
        cells = np.zeros((n_t, n_r))
        cells[sel["t"].to_numpy(), sel["r"].to_numpy()] = sel["n"].to_numpy(float)
        out[f"actor_top{k}_share"] = cells / denom
    distinct = window.groupby(["t", "r"]).size()
    cells = np.zeros((n_t, n_r))
    cells[distinct.index.get_level_values(0), distinct.index.get_level_values(1)] = distinct
    out["actor_distinct"] = cells
    # momentum: national activity of the region's actors, last 3 periods vs their 12-period pace
    recent = _window_counts(actors, ["t", "actor"], 3, n_t).rename(columns={"n": "n3"})
    mix = window.merge(recent, on=["t", "actor"], how="left").merge(
        national.reset_index(), on=["t", "actor"]
    )
    mix["n3"] = mix["n3"].fillna(0.0)
    mix["w"] = mix["n"] / mix.groupby(["t", "r"])["n"].transform("sum")
    mix["a3"] = mix["w"] * mix["n3"]
    mix["a12"] = mix["w"] * mix["national"] * 3.0 / ACTOR_WINDOW
    sums = mix.groupby(["t", "r"])[["a3", "a12"]].sum()
    tt, rr = sums.index.get_level_values(0), sums.index.get_level_values(1)
    out["actor_national3"][tt, rr] = sums["a3"].to_numpy()
    out["actor_momentum"][tt, rr] = np.log1p(sums["a3"].to_numpy()) - np.log1p(
        sums["a12"].to_numpy()
    )
    # The same in deaths: how lethal the region's actors have been nationally in the last 3
    # periods, and against their 12-period pace (an escalating group raises both).
    d3 = _window_sums(actors, ["t", "actor"], "deaths", 3, n_t).rename(columns={"deaths": "d3"})
    d12 = _window_sums(actors, ["t", "actor"], "deaths", ACTOR_WINDOW, n_t)
    mix = mix.merge(d3, on=["t", "actor"], how="left").merge(
        d12.rename(columns={"deaths": "d12"}), on=["t", "actor"], how="left"
    )
    mix["b3"] = mix["w"] * mix["d3"].fillna(0.0)
    mix["b12"] = mix["w"] * mix["d12"].fillna(0.0) * 3.0 / ACTOR_WINDOW
    dsums = mix.groupby(["t", "r"])[["b3", "b12"]].sum()
    tt, rr = dsums.index.get_level_values(0), dsums.index.get_level_values(1)
    out["actor_deaths3"][tt, rr] = dsums["b3"].to_numpy()
    out["actor_deaths_momentum"][tt, rr] = np.log1p(dsums["b3"].to_numpy()) - np.log1p(
        dsums["b12"].to_numpy()
    )
    # Newcomers: actors with events in the region in the last 3 periods and none in the 9
    # before (all of their 12-period count falls in the last 3).
    own3 = _window_counts(actors, ["t", "r", "actor"], 3, n_t).rename(columns={"n": "n3"})
    both_windows = own3.merge(window, on=["t", "r", "actor"])
    fresh = both_windows[both_windows["n3"] == both_windows["n"]].groupby(["t", "r"]).size()
    out["actor_new3"][fresh.index.get_level_values(0), fresh.index.get_level_values(1)] = fresh
    return out


def neighbour_actor_mix(panel: Panel, own: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Whether the groups active next door are growing: the mean over a region's neighbours
    (domestic and across the border) of their actors' national momentum and recent deaths."""
    n_r = own["actor_momentum"].shape[1]
    adj = adjacency(n_r, neighbour_index(panel))
    deg = np.asarray(adj.sum(axis=1)).ravel()
    out: dict[str, np.ndarray] = {}
    for name in ("momentum", "deaths3", "deaths_momentum", "new3"):
        total = np.asarray(adj @ own[f"actor_{name}"].T).T
        out[f"nb_actor_{name}"] = np.divide(total, deg, out=np.zeros_like(total), where=deg > 0)
    return out
