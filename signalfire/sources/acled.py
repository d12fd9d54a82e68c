"""ACLED (Armed Conflict Location & Event Data) exports, as the public codebook names the columns.

Columns read: event_id_cnty, event_date, year, time_precision, event_type, sub_event_type,
actor1, inter1, actor2, inter2, civilian_targeting, iso, country, location, latitude,
longitude, geo_precision, notes, fatalities. Other codebook columns (disorder_type,
assoc_actor_*, interaction, region, admin1-3, source, source_scale, tags, timestamp) are
allowed and ignored. `event_date` is "YYYY-MM-DD" (current exports) or "DD Month YYYY"
(older exports, e.g. "04 October 2019"). `inter1`/`inter2` are the numeric actor-type codes
(1-8, 0 or empty for no actor) or, as newer API exports give them, their labels
("State forces", "Rebel group", ...).

Mapping onto the canonical columns:

- event_id = "acled:" + event_id_cnty.
- date_start = date_end = event_date. ACLED codes an uncertain date to one day (the middle of
  the week or month) and says how uncertain it is in time_precision, which maps onto the GED
  date_prec scale: 1 (day known) -> 1, 2 (week known) -> 3 "within a week",
  3 (month known) -> 4 "within a month". The day is kept as ACLED coded it, so the event counts
  in the month ACLED put it in. No wider date_start..date_end range is stored: panels (monthly
  and weekly), the Hawkes features and first-seen dates all read date_start, so a range
  starting before the coded day would move events between weeks (and, near a month's start,
  months); date_precision keeps the uncertainty instead.
- location_precision from geo_precision, onto GED's where_prec scale:
  1 (the town itself; town coordinates) -> 1 "exact place": GED codes an event in a town as
  where_prec 1 with the town's coordinates too, so the two mean the same;
  2 (near a town or part of a small area; coordinates of the nearest town) -> 2 "within about
  25 km of a named place";
  3 (only a larger region; a provincial capital or a landmark stands in) -> 4 "province only":
  the point says nothing reliable about the district, so no district is assigned.
- country_iso3 from the country name (countries.iso3_from_names); where the name is not
  recognised, from the numeric ISO 3166-1 code in `iso`. A row whose name and code give two
  different countries is quarantined.
- violence_type onto UCDP's typology:
  Battles -> "state-based" when either actor is state forces (inter 1), else "non-state";
  Violence against civilians -> "one-sided";
  Explosions/Remote violence -> "one-sided" when actor2 is civilians (inter2 7) or ACLED marks
  the event as civilian targeting, else state-based/non-state as for battles (an explosion
  with no second actor is "non-state" unless actor1 is state forces);
  Protests, Riots, Strategic developments -> "other".
  External/other forces (inter 8: foreign militaries, international forces, private security)
  do not count as state forces: UCDP would need the government they fight for.
- event_type = "event_type: sub_event_type"; actor1, actor2 as given; location_name = location;
  notes = notes; headline empty.
- deaths_best = fatalities; deaths_low/high empty (ACLED gives one figure);
  deaths_civilians = fatalities for civilian-targeting events and Violence against civilians,
  else empty (unknown, not zero).

Quarantined, with the reason: missing event_id_cnty; an event_date that is no date, or in the
future, or whose `year` disagrees; time/geo precision outside 1-3; an unknown event_type or
actor type; missing or out-of-range coordinates, or (0, 0); missing, fractional, negative or
absurd (over 1,000,000) fatalities; an unknown country, or a name and `iso` code that disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
import pycountry

from ..countries import iso3_from_names
from .base import (
    MAX_DEATHS,
    Adapter,
    NormalizedChunk,
    Problems,
    RawChunk,
    event_frame,
    int_column,
)

# ACLED time_precision -> canonical date precision (domain.DATE_PRECISION).
TIME_PRECISION = {1: 1, 2: 3, 3: 4}
# ACLED geo_precision -> canonical location precision (domain.LOCATION_PRECISION).
GEO_PRECISION = {1: 1, 2: 2, 3: 4}

BATTLES = "Battles"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
EXPLOSIONS = "Explosions/Remote violence"
EVENT_TYPES = (
    BATTLES,
    VIOLENCE_AGAINST_CIVILIANS,
    EXPLOSIONS,
    "Protests",
    "Riots",
    "Strategic developments",
)
_EVENT_TYPE_BY_KEY = {t.lower(): t for t in EVENT_TYPES}

# More deaths than this in one event is a data error (the store's death counts are INTEGER).

STATE_FORCES = 1
CIVILIANS = 7
# Actor-type labels (newer exports) -> the codebook's numeric inter codes.
ACTOR_TYPES = {
    "state forces": 1,
    "rebel groups": 2,
    "rebel group": 2,
    "political militias": 3,
    "political militia": 3,
    "identity militias": 4,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}


def event_types(raw: pd.Series) -> pd.Series:
    """Canonical spelling of each event type (any case); "" where it is not an ACLED type."""
    return raw.str.strip().str.lower().map(_EVENT_TYPE_BY_KEY).fillna("").astype(object)


def actor_type_codes(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """inter1/inter2 as float codes 0-8 (empty -> 0) and a mask of values that are neither."""
    text = raw.str.strip()
    codes = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
    by_label = text.str.lower().map(ACTOR_TYPES).astype("float64")
    codes = codes.fillna(by_label)
    codes = codes.where(text != "", 0.0)
    valid = codes.isin([float(c) for c in range(9)])
    return codes.where(valid), ~valid.to_numpy()


def violence_types(
    event_type: pd.Series, inter1: pd.Series, inter2: pd.Series, civilian_targeting: pd.Series
) -> pd.Series:
    """UCDP violence type of each event (see the module docstring); "other" where none fits."""
    state = ((inter1 == STATE_FORCES) | (inter2 == STATE_FORCES)).to_numpy()
    armed = np.where(state, "state-based", "non-state")
    on_civilians = ((inter2 == CIVILIANS) | civilian_targeting).to_numpy()
    kind = event_type.to_numpy()
    result = np.select(
        [kind == BATTLES, kind == VIOLENCE_AGAINST_CIVILIANS, kind == EXPLOSIONS],
        [armed, "one-sided", np.where(on_civilians, "one-sided", armed)],
        default="other",
    )
    return pd.Series(result, index=event_type.index, dtype=object)


def _not_an_actor_type(column: str, raw: pd.Series) -> Callable[[int], str]:
    return lambda i: f"{column} {raw.iloc[i]!r} is not an ACLED actor type (0-8)"


def _iso3_from_numeric(raw: pd.Series) -> pd.Series:
    def lookup(code: str) -> str:
        if not (code.isascii() and code.isdigit()) or len(code) > 3:
            return ""
        country = pycountry.countries.get(numeric=code.zfill(3))
        return str(country.alpha_3) if country is not None else ""

    distinct = {code: lookup(code) for code in raw.unique()}
    return raw.map(distinct)


class AcledAdapter(Adapter):
    name = "acled"
    title = "ACLED export"
    required_columns = (
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "actor1",
        "inter1",
        "inter2",
        "country",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
    )
    # Read when present, and the codebook's other columns, so that raw rows keep its spelling.
    optional_columns = (
        "year",
        "sub_event_type",
        "actor2",
        "civilian_targeting",
        "iso",
        "location",
        "notes",
        "event_id_no_cnty",
        "disorder_type",
        "assoc_actor_1",
        "assoc_actor_2",
        "interaction",
        "region",
        "admin1",
        "admin2",
        "admin3",
        "source",
        "source_scale",
        "tags",
        "timestamp",
    )

    def normalize(self, chunk: RawChunk) -> NormalizedChunk:
        p = Problems(chunk)
        ids = p.required_text("event_id_cnty")

        date = p.date("event_date", formats=("%d %B %Y",))
        today = pd.Timestamp(dt.date.today())
        p.flag(
            (date > today).to_numpy(),
            lambda i: f"event_date {date.iloc[i].date()} is in the future",
        )
        year = p.number("year", integer=True)
        p.flag(
            (year.notna() & date.notna() & (year != date.dt.year)).to_numpy(),
            lambda i: f"year {year.iloc[i]:g} does not match event_date {date.iloc[i].date()}",
        )
        time_precision = p.number("time_precision", required=True, integer=True, low=1, high=3)

        raw_type = p.required_text("event_type")
        kind = event_types(raw_type)
        p.flag(
            ((kind == "") & (raw_type != "")).to_numpy(),
            lambda i: (
                f"event_type {raw_type.iloc[i]!r} is not an ACLED event type "
                f"({', '.join(EVENT_TYPES)})"
            ),
        )
        sub_type = p.text("sub_event_type")
        actor1 = p.required_text("actor1")
        inter = {}
        for column in ("inter1", "inter2"):
            raw = p.text(column)
            codes, bad = actor_type_codes(raw)
            p.flag(bad, _not_an_actor_type(column, raw))
            inter[column] = codes
        civilian_targeting = p.text("civilian_targeting").str.lower() == "civilian targeting"

        lat = p.number("latitude", required=True, low=-90, high=90)
        lon = p.number("longitude", required=True, low=-180, high=180)
        p.flag(
            ((lat == 0) & (lon == 0)).to_numpy(),
            "coordinates (0, 0) are a placeholder, not a place",
        )
        geo_precision = p.number("geo_precision", required=True, integer=True, low=1, high=3)

        fatalities = p.number(
            "fatalities",
            required=True,
            integer=True,
            low=0,
            high=MAX_DEATHS,
            what="negative deaths in fatalities",
        )

        country = p.text("country")
        iso_code = p.text("iso")
        by_name = iso3_from_names(country)
        by_code = _iso3_from_numeric(iso_code)
        p.flag(
            ((by_name != "") & (by_code != "") & (by_name != by_code)).to_numpy(),
            lambda i: (
                f"country {country.iloc[i]!r} ({by_name.iloc[i]}) disagrees with "
                f"iso {iso_code.iloc[i]} ({by_code.iloc[i]})"
            ),
        )
        iso3 = by_name.where(by_name != "", by_code)
        p.flag(
            (iso3 == "").to_numpy(),
            lambda i: f"unknown country {country.iloc[i]!r} (iso {iso_code.iloc[i]!r})",
        )

        on_civilians = civilian_targeting | (kind == VIOLENCE_AGAINST_CIVILIANS)
        event_type = kind.where(sub_type == "", kind + ": " + sub_type)
        frame = event_frame(
            self.name,
            ids,
            chunk.rows,
            date_start=date,
            date_end=date,
            date_precision=time_precision.map(TIME_PRECISION).astype("Int64"),
            country_iso3=iso3,
            lat=lat,
            lon=lon,
            location_precision=geo_precision.map(GEO_PRECISION).astype("Int64"),
            location_name=p.text("location"),
            violence_type=violence_types(
                kind, inter["inter1"], inter["inter2"], civilian_targeting
            ),
            event_type=event_type,
            actor1=actor1,
            actor2=p.text("actor2"),
            deaths_best=int_column(fatalities),
            deaths_low=pd.array([pd.NA] * len(ids), dtype="Int64"),
            deaths_high=pd.array([pd.NA] * len(ids), dtype="Int64"),
            deaths_civilians=int_column(fatalities.where(on_civilians)),
            headline="",
            notes=p.text("notes"),
        )
        return p.finish(frame)
