"""Alerts in the store: save (updating ongoing ones), list, acknowledge or dismiss."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import NotFoundError
from ..store import Store
from .records import COLUMNS, Alert, merge, month_index, parse_month

if TYPE_CHECKING:
    from .delivery import Delivery

ACTIONS = {"acknowledge": "acknowledged", "dismiss": "dismissed"}


def stored_alerts(store: Store, where: str = "", params: list[Any] | None = None) -> list[Alert]:
    frame = store.query(f"SELECT * FROM alerts {where}", params)
    return [
        Alert.from_record({str(k): v for k, v in row.items()}) for row in frame.to_dict("records")
    ]


def save_alerts(
    store: Store, alerts: Iterable[Alert], *, as_of: str | None = None, gap: int = 1
) -> int:
    """Store alerts; one that continues a stored alert (same kind, region, actor and rule, at
    most `gap` months apart) updates it and keeps its id and feedback. With `as_of`, stored
    open alerts not seen for more than `gap` months by then are closed. Returns the number of
    alerts written (new or updated)."""
    found = list(alerts)
    keys = {a.key for a in found}
    existing = [a for a in stored_alerts(store) if a.key in keys]
    merged = merge(existing, found, gap)
    before = {a.alert_id: a for a in existing}
    changed = [a for a in merged if before.get(a.alert_id) != a]
    now = dt.datetime.now()
    with store.transaction() as con:
        for alert in changed:
            row = alert.record()
            row["evidence"] = json.dumps(row["evidence"], sort_keys=True, default=str)
            if alert.alert_id in before:
                con.execute(
                    """UPDATE alerts SET period_start = ?, period_end = ?, score = ?,
                         severity = ?, message = ?, evidence = ?, status = ?, updated_at = ?
                       WHERE alert_id = ?""",
                    [
                        row["period_start"],
                        row["period_end"],
                        row["score"],
                        row["severity"],
                        row["message"],
                        row["evidence"],
                        row["status"],
                        now,
                        alert.alert_id,
                    ],
                )
            else:
                con.execute(
                    f"""INSERT OR REPLACE INTO alerts ({", ".join(COLUMNS)}, created_at,
                         updated_at) VALUES ({", ".join("?" * (len(COLUMNS) + 2))})""",
                    [row[c] for c in COLUMNS] + [now, now],
                )
        if as_of is not None:
            cutoff = month_index(as_of) - gap
            stale = [
                a.alert_id
                for a in stored_alerts(store, "WHERE status = 'open'")
                if month_index(a.period_end) < cutoff
            ]
            for alert_id in stale:
                con.execute(
                    "UPDATE alerts SET status = 'closed', updated_at = ? WHERE alert_id = ?",
                    [now, alert_id],
                )
    return len(changed)


def as_stored(store: Store, alerts: Iterable[Alert]) -> list[Alert]:
    """`alerts` (computed as of a month) with the id, start and status of the stored alert each
    one belongs to; scores, messages and evidence stay the computed ones, so nothing learned
    later (when the store was updated for a later month) shows."""
    found = list(alerts)
    keys = {a.key for a in found}
    stored = [a for a in stored_alerts(store) if a.key in keys]
    out = []
    for alert in found:
        month = month_index(alert.period_end)
        match = [
            s
            for s in stored
            if s.key == alert.key
            and month_index(s.period_start) <= month
            and month_index(s.period_end) >= month
        ]
        if match:
            home = match[0]
            alert = replace(
                alert,
                alert_id=home.alert_id,
                period_start=min(home.period_start, alert.period_start, key=month_index),
                status=home.status if home.status != "closed" else "open",
            )
        out.append(alert)
    return out


def list_alerts(
    store: Store,
    *,
    as_of: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    region_id: str | None = None,
) -> pd.DataFrame:
    """Stored alerts (the record's columns; evidence as a dict), newest first. `as_of`: those
    open at the end of that month (started by then, last seen then or later)."""
    clauses, params = [], []
    if as_of is not None:
        parse_month(as_of)
        clauses.append("period_start <= ? AND period_end >= ?")
        params += [as_of, as_of]
    for column, value in (("status", status), ("kind", kind), ("region_id", region_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    frame = store.query(
        f"SELECT {', '.join(COLUMNS)} FROM alerts {where} "
        "ORDER BY period_end DESC, score DESC, alert_id",
        params,
    )
    frame["evidence"] = [json.loads(e) for e in frame["evidence"]]
    frame["actor_id"] = frame["actor_id"].astype(object).where(frame["actor_id"].notna(), None)
    return frame


def acknowledge(store: Store, alert_id: str, *, user: str, action: str, reason: str) -> None:
    """Record an analyst's acknowledgement or dismissal (who, when, why); the history is kept."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {tuple(ACTIONS)}, got {action!r}")
    if not user.strip():
        raise ValueError("user must not be empty")
    row = store.con.execute("SELECT 1 FROM alerts WHERE alert_id = ?", [alert_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no alert with id {alert_id!r}")
    now = dt.datetime.now()
    with store.transaction() as con:
        con.execute(
            "INSERT INTO alert_feedback VALUES (?, ?, ?, ?, ?)",
            [alert_id, action, user, reason, now],
        )
        con.execute(
            "UPDATE alerts SET status = ?, updated_at = ? WHERE alert_id = ?",
            [ACTIONS[action], now, alert_id],
        )


def alert_feedback(store: Store, alert_id: str) -> pd.DataFrame:
    """Every acknowledgement and dismissal of an alert, oldest first: user, action, reason, at."""
    return store.query(
        """SELECT alert_id, action, user_name AS user, reason, acted_at AS at
           FROM alert_feedback WHERE alert_id = ? ORDER BY acted_at""",
        [alert_id],
    )


def deliveries_due(
    store: Store, frame: pd.DataFrame, url: str, *, resend: bool = False
) -> tuple[pd.DataFrame, dict[str, dt.datetime]]:
    """The rows of `frame` (alerts from list_alerts) to POST to `url`: those never delivered
    there, changed since their last successful delivery there (a later updated_at) or last
    failed; every row with `resend`. Also each alert's updated_at, to record with the result."""
    ids = [str(a) for a in frame["alert_id"]] if len(frame) else []
    if not ids:
        return frame, {}
    found = store.con.execute(
        """SELECT a.alert_id, a.updated_at,
                  EXISTS (SELECT 1 FROM alert_deliveries d
                          WHERE d.alert_id = a.alert_id AND d.url = ? AND d.status = 'delivered'
                            AND d.alert_updated_at >= a.updated_at) AS done
           FROM alerts a WHERE list_contains(?, a.alert_id)""",
        [url, ids],
    ).fetchall()
    versions = {str(alert_id): updated for alert_id, updated, _ in found}
    done = {str(alert_id) for alert_id, _, delivered in found if delivered}
    keep = [resend or str(a) not in done for a in frame["alert_id"]]
    return frame[keep].reset_index(drop=True), versions


def record_deliveries(
    store: Store, url: str, results: Iterable[Delivery], versions: dict[str, dt.datetime]
) -> int:
    """Keep the outcome of each delivery to `url`, sent at the
    alert's updated_at in `versions`. Returns the number of rows written."""
    now = dt.datetime.now()
    rows = [
        [
            r.alert_id,
            url,
            versions[r.alert_id],
            "delivered" if r.delivered else "failed",
            r.status,
            r.attempts,
            r.error,
            now,
        ]
        for r in results
        if r.alert_id in versions
    ]
    if rows:
        with store.transaction() as con:
            con.executemany("INSERT INTO alert_deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def delivery_log(store: Store, url: str | None = None) -> pd.DataFrame:
    """Every delivery tried, newest first (optionally to one URL)."""
    where, params = ("WHERE url = ?", [url]) if url else ("", [])
    return store.query(
        f"SELECT * FROM alert_deliveries {where} ORDER BY delivered_at DESC, alert_id", params
    )
