"""Actor-level inputs for forecasting: events by actor and region-month, and relation features.

Plain functions returning pandas frames; the forecasting models decide whether to use them.
Both only look at events and relations dated up to each month, so a feature for month m uses
nothing after m.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..panel import neighbour_pairs
from ..store import Store
from .derive import actor_sides
from .model import relations, resolve_actor

_REGION_COLUMN = {"adm0": "country_iso3", "adm1": "adm1_id", "adm2": "adm2_id"}


def actor_panel(store: Store, level: str = "adm1", *, balanced: bool = False) -> pd.DataFrame:
    """Events and best-estimate deaths per actor, region and month (either side of a dyad).

    Columns: actor_id, region_id, month (YYYY-MM), events, deaths. With `balanced`, every
    actor-region pair that ever had an event gets every month from its first to the last month
    in the store, zeros included.
    """
    if level not in _REGION_COLUMN:
        raise ValueError(f"level must be one of {tuple(_REGION_COLUMN)}, got {level!r}")
    column = _REGION_COLUMN[level]
    events = store.query(
        f"""SELECT source, {column} AS region_id, strftime(date_start, '%Y-%m') AS month,
                   actor1, actor2, coalesce(deaths_best, 0) AS deaths
            FROM counted_events WHERE {column} IS NOT NULL AND actor1 IS NOT NULL"""
    )
    columns = ["actor_id", "region_id", "month", "events", "deaths"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    sides = actor_sides(events)
    if sides.empty:
        return pd.DataFrame(columns=columns)
    ids = {n: resolve_actor(str(n)).actor_id for n in sides["name"].unique()}
    sides["actor_id"] = sides["name"].map(ids)
    panel = (
        sides.groupby(["actor_id", "region_id", "month"])
        .agg(events=("deaths", "size"), deaths=("deaths", "sum"))
        .reset_index()
    )
    if balanced:
        ordinal = pd.PeriodIndex(panel["month"], freq="M").asi8
        panel["ordinal"] = ordinal
        last = int(ordinal.max())
        spans = panel.groupby(["actor_id", "region_id"])["ordinal"].min().reset_index()
        lengths = (last - spans["ordinal"] + 1).to_numpy()
        full = spans.loc[spans.index.repeat(lengths)].reset_index(drop=True)
        # Offsets 0..n-1 within each pair, without a Python loop.
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        full["ordinal"] = full["ordinal"].to_numpy() + np.arange(len(full)) - starts
        panel = full.merge(
            panel.drop(columns="month"), on=["actor_id", "region_id", "ordinal"], how="left"
        ).fillna({"events": 0, "deaths": 0})
        months = pd.PeriodIndex.from_ordinals(panel["ordinal"], freq="M")  # type: ignore[attr-defined]
        panel["month"] = months.strftime("%Y-%m")
    panel = panel.astype({"events": "int64", "deaths": "int64"})
    return panel[columns].sort_values(columns[:3], ignore_index=True)


def allied_activity(
    store: Store,
    level: str = "adm1",
    *,
    relation: str = "allied_with",
    neighbours: bool = True,
) -> pd.DataFrame:
    """Events of an actor's partners (by `relation`) in the same region or its neighbours.

    For each actor, region and month in which at least one partner was active: `partner_events`
    and `partner_deaths` of every actor linked to it by a non-negated `relation` whose period
    covers the month (open ends count as covering), in the region itself and, with
    `neighbours`, in the regions bordering it. Columns: actor_id, region_id, month,
    partner_events, partner_deaths, partners (comma-separated ids).
    """
    columns = ["actor_id", "region_id", "month", "partner_events", "partner_deaths", "partners"]
    links = relations(store, relation=relation)
    links = links[~links["negated"] & (links["object_kind"] == "actor")]
    panel = actor_panel(store, level)
    if links.empty or panel.empty:
        return pd.DataFrame(columns=columns)
    # Both directions: a symmetric relation is stored once.
    pairs = pd.concat(
        [
            links[["subject_id", "object_id", "start_date", "end_date"]].rename(
                columns={"subject_id": "actor_id", "object_id": "partner_id"}
            ),
            links[["object_id", "subject_id", "start_date", "end_date"]].rename(
                columns={"object_id": "actor_id", "subject_id": "partner_id"}
            ),
        ]
    ).drop_duplicates()
    activity = panel.rename(columns={"actor_id": "partner_id"})
    if neighbours:
        regions = store.regions(level, geometry="shapely").set_index("region_id")
        near = neighbour_pairs(regions)[["region_id", "neighbour_id"]]
        self_pairs = pd.DataFrame({"region_id": regions.index, "neighbour_id": regions.index})
        near = pd.concat([near, self_pairs])
        activity = activity.rename(columns={"region_id": "neighbour_id"}).merge(
            near, on="neighbour_id"
        )
    merged = pairs.merge(activity, on="partner_id")
    month_start = merged["month"]
    # Partial dates compare as text: '2014' <= '2014-06'; an end year covers its months.
    starts = merged["start_date"].fillna("").str.slice(0, 7)
    ends = merged["end_date"].fillna("9999").str.slice(0, 7)
    covered = (starts <= month_start) & ((ends >= month_start) | (month_start.str[:4] == ends))
    merged = merged[covered]
    if merged.empty:
        return pd.DataFrame(columns=columns)
    out = (
        merged.groupby(["actor_id", "region_id", "month"])
        .agg(
            partner_events=("events", "sum"),
            partner_deaths=("deaths", "sum"),
            partners=("partner_id", lambda s: ",".join(sorted(set(s)))),
        )
        .reset_index()
    )
    return out[columns].sort_values(columns[:3], ignore_index=True)
