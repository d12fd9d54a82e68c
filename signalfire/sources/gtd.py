"""Global Terrorism Database (GTD) exports, CSV or XLSX, with the GTD codebook's column names.

Columns read: eventid, iyear, imonth, iday, extended, resolution, country_txt, provstate,
city, latitude, longitude, specificity, vicinity, summary, attacktype1_txt, targtype1
(or targtype1_txt), targtype1_txt, gname, nkill. The other codebook columns (approxdate,
country, region_txt, gname2, nkillter, nwound, weaptype1_txt, ...) are allowed and ignored;
`approxdate` is free text and is not parsed.

Mapping onto the canonical columns:

- event_id = "gtd:" + eventid.
- Dates from iyear/imonth/iday, where 0 means unknown (an empty imonth or iday counts as 0):
  day known -> that day, date_precision 1; iday 0 -> the whole month (first to last day),
  precision 4 "within a month"; imonth 0 -> the whole year, precision 5 "more than a month"
  (iday is then ignored). An `extended` incident (1: lasted more than 24 hours) with a
  `resolution` date ends on that date; without one it ends as above. Precision describes the
  start, which is what GTD codes. `resolution` is read as YYYY-MM-DD (XLSX date cells give
  this) or M/D/YYYY.
- location_precision from specificity, onto GED's where_prec scale:
  1 (coordinates of the city/village where it happened) -> 1 "exact place", or 2 "within about
  25 km" when `vicinity` is 1 (in the city's immediate vicinity, not in it);
  2 (in a known city whose coordinates were not found: centroid of the smallest administrative
  unit known, in practice the district) -> 3 "district only": the point is a district centroid,
  not the city, so precision 1 or 2 would overstate it;
  3 (not in a city: centroid of the smallest administrative unit known) -> 3;
  4 (only the province known: province centroid) -> 4;
  5 (only the country known: country centroid) -> 6 "country only".
  A row without coordinates is kept at precision 6: it counts for its country, not a region.
- country_iso3 from country_txt (countries.iso3_from_names; GTD's own `country` codes are not
  ISO codes).
- violence_type: GTD has no actor-dyad typology, so this is an approximation: attacks on
  police (targtype1 3) or the military (targtype1 4) -> "state-based" (a non-state group
  against the state), every other target -> "one-sided" (a group against civilians or
  civilian property). Events by state actors or between non-state groups are not told apart.
- event_type = attacktype1_txt; actor1 = gname; actor2 = targtype1_txt (the target type, as GTD
  names no target actor); location_name = "city, provstate" (GTD's "Unknown" city dropped);
  notes = summary; headline empty.
- deaths_best = nkill (all deaths, perpetrators included; empty stays empty: unknown);
  deaths_low/high/civilians empty.

Quarantined, with the reason: missing eventid; iyear missing or outside 1900..this year;
imonth outside 0-12; iday outside 0-31; a date that does not exist (2019-02-30); an
unparsable resolution, or one before the start; specificity outside 1-5; out-of-range
coordinates, only one of the two, or (0, 0); fractional, negative or absurd nkill; an
unknown country.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

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

FIRST_YEAR = 1900  # GTD begins in 1970; a year before 1900 is a typing error

# GTD specificity -> canonical location precision (domain.LOCATION_PRECISION).
SPECIFICITY = {1: 1, 2: 3, 3: 3, 4: 4, 5: 6}
NEAR_PLACE = 2  # specificity 1 with vicinity 1
NO_COORDINATES = 6

# GTD target types that are the state's armed forces.
STATE_TARGETS = {3: "Police", 4: "Military"}

DAY_KNOWN, MONTH_ONLY, YEAR_ONLY = 1, 4, 5


def _whole(values: pd.Series) -> np.ndarray:
    """True where a float is finite and integral."""
    array = values.to_numpy(dtype="float64")
    with np.errstate(invalid="ignore"):
        return np.isfinite(array) & (np.mod(array, 1) == 0)


def gtd_dates(
    year: pd.Series, month: pd.Series, day: pd.Series, *, last_year: int | None = None
) -> pd.DataFrame:
    """Start, end and precision of each date given as GTD's iyear/imonth/iday (floats).

    Returns date_start and date_end (NaT where the date is bad), date_precision (Int64) and
    reason ("" when the date is good, else why not). imonth/iday 0 mean unknown; NaN is bad.
    """
    last = dt.date.today().year if last_year is None else last_year
    y, m, d = (s.astype("float64").reset_index(drop=True) for s in (year, month, day))
    reason = np.full(len(y), "", dtype=object)

    def fail(mask: np.ndarray, message: str, values: pd.Series) -> None:
        for pos in np.flatnonzero(mask & (reason == "")):
            reason[pos] = message.format(value=_show(values.iloc[pos]))

    y_ok = _whole(y) & (y >= FIRST_YEAR).to_numpy() & (y <= last).to_numpy()
    fail(~y_ok, f"iyear {{value}} is not a year in {FIRST_YEAR}..{last}", y)
    m_ok = _whole(m) & (m >= 0).to_numpy() & (m <= 12).to_numpy()
    fail(~m_ok, "imonth {value} is not a month (1-12, or 0 for unknown)", m)
    d_ok = _whole(d) & (d >= 0).to_numpy() & (d <= 31).to_numpy()
    fail(~d_ok, "iday {value} is not a day (1-31, or 0 for unknown)", d)

    fine = reason == ""
    month_known = fine & (m > 0).to_numpy()
    day_known = month_known & (d > 0).to_numpy()
    parts = pd.DataFrame(
        {
            "year": np.where(fine, y, 2000).astype(np.int64),
            "month": np.where(month_known, m, 1).astype(np.int64),
            "day": np.where(day_known, d, 1).astype(np.int64),
        }
    )
    start = pd.to_datetime(parts, errors="coerce")
    no_such_day = fine & start.isna().to_numpy()
    for pos in np.flatnonzero(no_such_day):
        reason[pos] = (
            f"no such date: iyear {_show(y.iloc[pos])}, imonth {_show(m.iloc[pos])}, "
            f"iday {_show(d.iloc[pos])}"
        )
    good = reason == ""
    month_end = start + pd.to_timedelta(start.dt.days_in_month - 1, unit="D")
    year_end = pd.to_datetime(parts.assign(month=12, day=31), errors="coerce")
    end = start.where(day_known, month_end.where(month_known, year_end))
    precision = np.select([day_known, month_known], [DAY_KNOWN, MONTH_ONLY], YEAR_ONLY)
    return pd.DataFrame(
        {
            "date_start": start.where(good),
            "date_end": end.where(good),
            "date_precision": pd.Series(precision, dtype="Int64").where(good),
            "reason": reason,
        }
    )


def _show(value: float) -> str:
    return "empty" if np.isnan(value) else f"{value:g}"


def location_precision(
    specificity: pd.Series, vicinity: pd.Series, has_coordinates: pd.Series
) -> pd.Series:
    """Canonical location precision from GTD's specificity (see the module docstring)."""
    mapped = specificity.map(SPECIFICITY).astype("Float64")
    near = (specificity == 1) & (vicinity == 1)
    mapped = mapped.mask(near, NEAR_PLACE).mask(~has_coordinates, NO_COORDINATES)
    return mapped.astype("Int64")


def violence_types(target_types: pd.Series) -> pd.Series:
    """ "state-based" for attacks on police or military, "one-sided" otherwise (approximate)."""
    state = target_types.isin(list(STATE_TARGETS)).to_numpy()
    return pd.Series(
        np.where(state, "state-based", "one-sided"), index=target_types.index, dtype=object
    )


def _location_names(city: pd.Series, province: pd.Series) -> pd.Series:
    city = city.where(city.str.lower() != "unknown", "")
    province = province.where(province.str.lower() != "unknown", "")
    both = (city != "") & (province != "")
    joined = city + ", " + province
    return joined.where(both, city.where(city != "", province))


class GtdAdapter(Adapter):
    name = "gtd"
    title = "GTD export"
    required_columns = (
        "eventid",
        "iyear",
        "imonth",
        "iday",
        "country_txt",
        "latitude",
        "longitude",
        "specificity",
        "attacktype1_txt",
        "targtype1|targtype1_txt",
        "gname",
        "nkill",
    )
    optional_columns = (
        "extended",
        "resolution",
        "provstate",
        "city",
        "vicinity",
        "summary",
        "approxdate",
        "country",
        "region_txt",
    )

    def source_version(self, path: Path) -> str | None:
        """GTD release from names like globalterrorismdb_0522dist.xlsx: '2022-05'."""
        match = re.search(r"globalterrorismdb_(\d{2})(\d{2})", path.name.lower())
        return f"20{match.group(2)}-{match.group(1)}" if match else None

    def normalize(self, chunk: RawChunk) -> NormalizedChunk:
        p = Problems(chunk)
        ids = p.required_text("eventid")

        year = p.number("iyear", required=True, integer=True)
        month = p.number("imonth", integer=True).where(p.text("imonth") != "", 0.0)
        day = p.number("iday", integer=True).where(p.text("iday") != "", 0.0)
        dates = gtd_dates(year, month, day)
        parsed = pd.Series(_whole(year) & _whole(month) & _whole(day))
        # Unparsable or empty fields are already flagged by p.number; report the rest.
        p.flag(parsed & (dates["reason"] != ""), lambda i: str(dates["reason"].iloc[i]))
        start = dates["date_start"]
        end = dates["date_end"]

        extended = p.number("extended", integer=True, low=0, high=1)
        resolution = p.date("resolution", required=False, formats=("%m/%d/%Y",))
        resolved = ((extended == 1) & resolution.notna()).reset_index(drop=True)
        resolution = resolution.reset_index(drop=True)
        p.flag(
            (resolved & (resolution < start)).to_numpy(),
            lambda i: (
                f"resolution {resolution.iloc[i].date()} before the incident "
                f"({start.iloc[i].date()})"
            ),
        )
        end = end.where(~resolved, resolution)

        lat = p.number("latitude", low=-90, high=90)
        lon = p.number("longitude", low=-180, high=180)
        p.flag(
            ((p.text("latitude") == "") != (p.text("longitude") == "")).to_numpy(),
            "latitude and longitude must both be given or both be empty",
        )
        p.flag(
            ((lat == 0) & (lon == 0)).to_numpy(),
            "coordinates (0, 0) are a placeholder, not a place",
        )
        specificity = p.number("specificity", required=True, integer=True, low=1, high=5)
        vicinity = p.number("vicinity", integer=True)
        has_coordinates = lat.notna() & lon.notna()

        nkill = p.number(
            "nkill", integer=True, low=0, high=MAX_DEATHS, what="negative deaths in nkill"
        )

        country = p.text("country_txt")
        iso3 = iso3_from_names(country)
        p.flag((iso3 == "").to_numpy(), lambda i: f"unknown country {country.iloc[i]!r}")

        target_text = p.text("targtype1_txt")
        target = p.number("targtype1", integer=True)
        by_text = target_text.str.lower().map({v.lower(): k for k, v in STATE_TARGETS.items()})
        target = target.fillna(by_text.astype("float64"))

        frame = event_frame(
            self.name,
            ids,
            chunk.rows,
            date_start=start,
            date_end=end,
            date_precision=dates["date_precision"],
            country_iso3=iso3,
            lat=lat,
            lon=lon,
            location_precision=location_precision(specificity, vicinity, has_coordinates),
            location_name=_location_names(p.text("city"), p.text("provstate")),
            violence_type=violence_types(target),
            event_type=p.text("attacktype1_txt"),
            actor1=p.text("gname"),
            actor2=target_text,
            deaths_best=int_column(nkill),
            deaths_low=pd.array([pd.NA] * len(ids), dtype="Int64"),
            deaths_high=pd.array([pd.NA] * len(ids), dtype="Int64"),
            deaths_civilians=pd.array([pd.NA] * len(ids), dtype="Int64"),
            headline="",
            notes=p.text("summary"),
        )
        return p.finish(frame)
