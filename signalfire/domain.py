"""Domain values shared by every layer: months, precisions, filters and ingest reports."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

# Canonical location precision, on UCDP GED's where_prec scale because it is the finest of the
# sources; other sources map onto it (see each adapter).
LOCATION_PRECISION = {
    1: "exact place",
    2: "within about 25 km of a named place",
    3: "district (adm2) only",
    4: "province (adm1) only",
    5: "part of a country larger than a province",
    6: "country only",
    7: "international waters or airspace",
}
# Events at these precisions are known to a district; coarser ones are not pinned to one.
DISTRICT_PRECISION_MAX = 3
PROVINCE_PRECISION_MAX = 4

# Canonical date precision, on GED's date_prec scale.
DATE_PRECISION = {
    1: "exact day",
    2: "within 2-6 days",
    3: "within a week",
    4: "within a month",
    5: "more than a month",
}

# UCDP's typology; ACLED and GTD map onto it where they can, else "other".
VIOLENCE_TYPES = ("state-based", "non-state", "one-sided", "other")

REGION_LEVELS = ("adm0", "adm1", "adm2")

# How an event got its regions.
LOCATION_METHODS = {
    "within": "point inside a district or province polygon",
    "nearest": "point outside every polygon; assigned to the nearest within snap_km",
    "province-only": "source gives only province precision: adm1 set, adm2 left empty",
    "country-only": "source gives only country (or wider) precision: no adm1 or adm2",
    "no-boundaries": "no boundaries loaded for the event's country",
    "outside-boundaries": "stored before boundaries were loaded that lie further than snap_km away",
}

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, written YYYY-MM."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, got {self.month!r} in {self.year}-{self.month}")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year must be 1..9999, got {self.year!r}")

    @classmethod
    def parse(cls, text: str) -> Month:
        match = _MONTH.match(text.strip())
        if not match:
            raise ValueError(f"expected a month as YYYY-MM, got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __add__(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def __sub__(self, months: int) -> Month:
        return self + (-months)


def parse_day(text: str, name: str = "date") -> dt.date:
    """YYYY-MM-DD, or YYYY-MM meaning the month's first day."""
    text = text.strip()
    try:
        if _MONTH.match(text):
            return Month.parse(text).first_day()
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} must be YYYY-MM-DD or YYYY-MM, got {text!r}") from None


@dataclass(frozen=True)
class EventFilter:
    """What `events` queries select; every field is optional."""

    country: tuple[str, ...] = ()
    adm1: tuple[str, ...] = ()
    adm2: tuple[str, ...] = ()
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    violence_type: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    limit: int | None = None

    def __post_init__(self) -> None:
        for code in self.country:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"country must be an ISO 3166-1 alpha-3 code, got {code!r}")
        for kind in self.violence_type:
            if kind not in VIOLENCE_TYPES:
                raise ValueError(f"violence type must be one of {VIOLENCE_TYPES}, got {kind!r}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be >= 0, got {self.limit}")


@dataclass
class IngestReport:
    """What one ingest did; rows_read == rows_stored + rows_quarantined always."""

    path: str
    format: str
    sha256: str
    source_id: int | None = None
    rows_read: int = 0
    rows_new: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    rows_quarantined: int = 0
    already_ingested: bool = False
    location_methods: dict[str, int] = field(default_factory=dict)
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)

    @property
    def rows_stored(self) -> int:
        return self.rows_new + self.rows_updated + self.rows_unchanged

    @property
    def rows_unlocated(self) -> int:
        """Stored rows without a district: coarse precision or no boundaries for the country."""
        return sum(
            n for method, n in self.location_methods.items() if method not in ("within", "nearest")
        )
