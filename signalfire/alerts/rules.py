"""Alert rules the user writes in a TOML file.

[[rule]]
name = "TTP in Khyber Pakhtunkhwa"
level = "adm1"             # adm0, adm1 or adm2 (default adm2)
regions = ["PK-KP"]        # region ids at that level; omit for every region
actor = "TTP"              # actor1 or actor2 contains this, any case; optional
violence_type = "state-based"   # optional: state-based, non-state, one-sided
target = "fatalities"      # or "events" (default fatalities)
threshold = 20             # alert when the sum over `months` reaches this
months = 1                 # months summed, ending at as_of (default 1)
severity = "high"          # default medium
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ..store import Store
from .history import AlertData
from .records import LEVELS, SEVERITIES, Alert, month_label

_COLUMN = {"adm0": "iso3", "adm1": "adm1_id", "adm2": "adm2_id"}
VIOLENCE_TYPES = ("state-based", "non-state", "one-sided")
_FIELDS = {
    "name",
    "level",
    "regions",
    "actor",
    "violence_type",
    "target",
    "threshold",
    "months",
    "severity",
}


@dataclass(frozen=True)
class Rule:
    name: str
    threshold: float
    level: str = "adm2"
    regions: tuple[str, ...] = ()
    actor: str | None = None
    violence_type: str | None = None
    target: str = "fatalities"
    months: int = 1
    severity: str = "medium"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("rule name must not be empty")
        if self.level not in LEVELS:
            raise ValueError(
                f"rule {self.name!r}: level must be one of {LEVELS}, got {self.level!r}"
            )
        if self.target not in ("fatalities", "events"):
            raise ValueError(
                f"rule {self.name!r}: target must be fatalities or events, got {self.target!r}"
            )
        if not self.threshold > 0:
            raise ValueError(f"rule {self.name!r}: threshold must be > 0, got {self.threshold}")
        if self.months < 1:
            raise ValueError(f"rule {self.name!r}: months must be >= 1, got {self.months}")
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"rule {self.name!r}: severity must be one of {SEVERITIES}, got {self.severity!r}"
            )
        if self.violence_type is not None and self.violence_type not in VIOLENCE_TYPES:
            raise ValueError(
                f"rule {self.name!r}: violence_type must be one of {VIOLENCE_TYPES}, "
                f"got {self.violence_type!r}"
            )


def load_rules(path: str | Path) -> list[Rule]:
    """Rules from a TOML file of [[rule]] tables; errors name the file, rule and field."""
    path = Path(path)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such rules file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a valid TOML file: {exc}") from None
    tables = doc.get("rule", [])
    if not isinstance(tables, list):
        raise InputError(path, "expected [[rule]] tables")
    rules = []
    for number, table in enumerate(tables, 1):
        if "name" not in table or "threshold" not in table:
            raise InputError(path, f"rule {number}: needs a name and a threshold")
        try:
            rules.append(rule_from_fields(table))
        except (TypeError, ValueError) as exc:
            raise InputError(path, f"rule {number}: {exc}") from None
    return rules


def rule_from_fields(table: dict[str, Any]) -> Rule:
    """A Rule from the fields of one [[rule]] table (or its JSON form); ValueError names the
    bad field."""
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; expected {sorted(_FIELDS)}")
    fields: dict[str, Any] = dict(table)
    if "regions" in fields:
        regions = fields["regions"]
        fields["regions"] = (regions,) if isinstance(regions, str) else tuple(regions)
    return Rule(**fields)


def stored_rules(store: Store) -> list[Rule]:
    """The rules kept in the store (edited through the API), by name."""
    found = store.con.execute("SELECT rule FROM alert_rules ORDER BY name").fetchall()
    return [rule_from_fields(json.loads(row[0])) for row in found]


def save_rule(store: Store, rule: Rule, *, user: str) -> None:
    """Insert or replace the rule of that name, recording who changed it and when."""
    body = json.dumps({**dataclasses.asdict(rule), "regions": list(rule.regions)})
    with store.transaction() as con:
        con.execute("DELETE FROM alert_rules WHERE name = ?", [rule.name])
        con.execute(
            "INSERT INTO alert_rules VALUES (?, ?, ?, ?)",
            [rule.name, body, dt.datetime.now(), user],
        )


def delete_rule(store: Store, name: str) -> bool:
    """Remove a stored rule; False when there was none of that name."""
    with store.transaction() as con:
        found = con.execute("SELECT 1 FROM alert_rules WHERE name = ?", [name]).fetchone()
        con.execute("DELETE FROM alert_rules WHERE name = ?", [name])
    return found is not None


def _searchable(actors: pd.Series) -> pd.Series:
    """Lower-case text to find a rule's actor in: the value as written, and for a text
    event's actor id ("isis_k", "pak_military", "unidentified_armed_group") also its name and
    aliases in the actor table (or its words), so that "Islamic State" finds it as it finds a
    dataset's "IS"."""
    from .detectors import _actor_table

    table = _actor_table()
    texts: dict[str, str] = {}
    for value in actors.dropna().unique():
        text = str(value)
        if text in table:
            actor = table.get(text)
            text = " | ".join([text, actor.name, *actor.aliases])
        texts[str(value)] = (text + " | " + text.replace("_", " ")).lower()
    return actors.map(lambda v: texts.get(str(v), "") if isinstance(v, str) else "")


def rule_alerts(data: AlertData, rule: Rule) -> list[Alert]:
    """The regions where `rule` holds at `data.as_of`."""
    rows = data.events
    first = data.as_of - (rule.months - 1)
    rows = rows[rows["period"] >= first]
    if rule.actor:
        needle = rule.actor.lower()
        hit = _searchable(rows["actor1"]).str.contains(needle, regex=False) | _searchable(
            rows["actor2"]
        ).str.contains(needle, regex=False)
        rows = rows[hit]
    if rule.violence_type:
        rows = rows[rows["violence_type"] == rule.violence_type]
    column = _COLUMN[rule.level]
    rows = rows.dropna(subset=[column])
    if rule.regions:
        rows = rows[rows[column].isin(rule.regions)]
    alerts = []
    as_of = month_label(data.as_of)
    span = "in " + as_of if rule.months == 1 else f"in the {rule.months} months to {as_of}"
    for region, group in rows.groupby(column, sort=True):
        value = float(group["deaths"].sum() if rule.target == "fatalities" else len(group))
        if value < rule.threshold:
            continue
        alerts.append(
            Alert(
                kind="rule",
                level=rule.level,
                region_id=str(region),
                actor_id=rule.actor,
                period_start=as_of,
                period_end=as_of,
                score=round(value / rule.threshold, 4),
                severity=rule.severity,
                message=(
                    f"Rule {rule.name!r}: {value:g} {rule.target} in {region} {span} "
                    f"(threshold {rule.threshold:g})."
                ),
                evidence={
                    "rule": rule.name,
                    "value": value,
                    "threshold": rule.threshold,
                    "event_ids": [str(e) for e in group["event_id"].head(50)],
                },
            )
        )
    return alerts
