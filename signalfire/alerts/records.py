"""The alert record and how an ongoing alert is updated instead of raised again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

KINDS = ("surge", "forecast_threshold", "new_actor", "spillover", "rule")
LEVELS = ("adm0", "adm1", "adm2")
SEVERITIES = ("low", "medium", "high")
STATUSES = ("open", "closed", "acknowledged", "dismissed")
COLUMNS = (
    "alert_id",
    "kind",
    "level",
    "region_id",
    "actor_id",
    "period_start",
    "period_end",
    "score",
    "severity",
    "message",
    "evidence",
    "status",
)


def month_index(month: str) -> int:
    """'YYYY-MM' as a month count, for gaps and lead times."""
    period = parse_month(month)
    return period.year * 12 + period.month - 1


def parse_month(month: str) -> pd.Period:
    if not isinstance(month, str) or len(month) != 7 or month[4] != "-":
        raise ValueError(f"expected a month YYYY-MM, got {month!r}")
    try:
        return pd.Period(month, freq="M")
    except ValueError:
        raise ValueError(f"expected a month YYYY-MM, got {month!r}") from None


def month_label(period: pd.Period) -> str:
    return f"{period.year:04d}-{period.month:02d}"


def severity_for(score: float, medium: float, high: float) -> str:
    return "high" if score >= high else "medium" if score >= medium else "low"


@dataclass(frozen=True)
class Alert:
    """One alert: what, where, who, when, how strong, and the rows behind it.

    `period_start` is the month the condition first held, `period_end` the last month it was
    seen to hold. `evidence` holds event ids, forecast rows and the detector's numbers; its
    `rule` entry (rule alerts) is part of the alert's identity.
    """

    kind: str
    level: str
    region_id: str
    period_start: str
    period_end: str
    score: float
    severity: str
    message: str
    actor_id: str | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    status: str = "open"
    alert_id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"alert kind must be one of {KINDS}, got {self.kind!r}")
        if self.level not in LEVELS:
            raise ValueError(f"alert level must be one of {LEVELS}, got {self.level!r}")
        if not self.region_id:
            raise ValueError("alert region_id must not be empty")
        if month_index(self.period_end) < month_index(self.period_start):
            raise ValueError(
                f"alert period_end {self.period_end} is before period_start {self.period_start}"
            )
        if self.severity not in SEVERITIES:
            raise ValueError(f"alert severity must be one of {SEVERITIES}, got {self.severity!r}")
        if self.status not in STATUSES:
            raise ValueError(f"alert status must be one of {STATUSES}, got {self.status!r}")
        if self.score != self.score:  # NaN
            raise ValueError("alert score must be a number, got NaN")
        if not self.alert_id:
            object.__setattr__(self, "alert_id", self._make_id())

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What makes two findings the same ongoing alert (apart from time)."""
        rule = str(self.evidence.get("rule", "")) if self.evidence else ""
        return (self.kind, self.level, self.region_id, self.actor_id or "", rule)

    def _make_id(self) -> str:
        text = "|".join((*self.key, self.period_start))
        return f"{self.kind}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    def record(self) -> dict[str, Any]:
        """The JSON form: one flat object, evidence as a nested object."""
        return {
            "alert_id": self.alert_id,
            "kind": self.kind,
            "level": self.level,
            "region_id": self.region_id,
            "actor_id": self.actor_id,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "score": float(self.score),
            "severity": self.severity,
            "message": self.message,
            "evidence": dict(self.evidence),
            "status": self.status,
        }

    @classmethod
    def from_record(cls, row: Mapping[str, Any]) -> Alert:
        evidence = row.get("evidence") or {}
        if isinstance(evidence, str):
            evidence = json.loads(evidence)
        actor = row.get("actor_id")
        return cls(
            kind=str(row["kind"]),
            level=str(row["level"]),
            region_id=str(row["region_id"]),
            actor_id=None if actor is None or actor != actor else str(actor),
            period_start=str(row["period_start"]),
            period_end=str(row["period_end"]),
            score=float(row["score"]),
            severity=str(row["severity"]),
            message=str(row["message"]),
            evidence=evidence,
            status=str(row.get("status") or "open"),
            alert_id=str(row.get("alert_id") or ""),
        )


def continues(old: Alert, new: Alert, gap: int = 1) -> bool:
    """True when `new` is the same ongoing alert as `old` (a pause of up to `gap` months)."""
    if old.key != new.key:
        return False
    return month_index(new.period_start) <= month_index(old.period_end) + gap + 1


def update(old: Alert, new: Alert) -> Alert:
    """The ongoing alert `old` carried forward with `new`'s latest figures; id and feedback kept."""
    end = max(old.period_end, new.period_end, key=month_index)
    status = old.status if old.status in ("acknowledged", "dismissed") else "open"
    return replace(
        new,
        alert_id=old.alert_id,
        period_start=min(old.period_start, new.period_start, key=month_index),
        period_end=end,
        status=status,
    )


def merge(existing: Iterable[Alert], found: Iterable[Alert], gap: int = 1) -> list[Alert]:
    """Fold newly found alerts into the existing ones: ongoing alerts are updated, not repeated.

    Returns every alert (updated or new, and the untouched existing ones), one per id.
    """
    latest: dict[tuple[str, ...], Alert] = {}
    result: dict[str, Alert] = {}
    for alert in sorted(existing, key=lambda a: month_index(a.period_end)):
        result[alert.alert_id] = alert
        latest[alert.key] = alert
    for alert in sorted(found, key=lambda a: month_index(a.period_start)):
        previous = latest.get(alert.key)
        if previous is not None and continues(previous, alert, gap):
            merged = update(previous, alert)
        else:
            merged = alert
        result[merged.alert_id] = merged
        latest[alert.key] = merged
    return list(result.values())


def frame(alerts: Iterable[Alert]) -> pd.DataFrame:
    """Alerts as a frame with the JSON-able columns of the record (evidence as a dict)."""
    rows = [a.record() for a in alerts]
    return pd.DataFrame(rows, columns=list(COLUMNS))
