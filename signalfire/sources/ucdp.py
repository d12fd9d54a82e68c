"""UCDP GED events (any version, global or per country) and UCDP country-month series.

Column names follow the GED codebook (v20.1 onwards): id, type_of_violence, side_a, side_b,
where_prec, latitude, longitude, date_start, date_end, date_prec, best, low, high,
deaths_civilians, country / country_id, ... Published files carry no ISO code; per-country
extracts sometimes add `iso3`. Without it the country name is mapped (see countries.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..countries import iso3_from_names
from .base import MAX_DEATHS, Adapter, NormalizedChunk, Problems, RawChunk, event_frame, int_column

# UCDP GED's columns in the published order (v22.1; `iso3` appears only in some extracts).
GED_COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "iso3",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)

GED_VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}


class GedAdapter(Adapter):
    name = "ucdp-ged"
    title = "UCDP GED"
    required_columns = (
        "id",
        "type_of_violence",
        "side_a",
        "side_b",
        "where_prec",
        "latitude",
        "longitude",
        "date_start",
        "date_end",
        "best",
        "low",
        "high",
        "country|iso3",
    )
    optional_columns = GED_COLUMNS

    def source_version(self, path: Path) -> str | None:
        match = re.search(r"ged(\d{2})(\d)", path.name.lower())
        return f"{match.group(1)}.{match.group(2)}" if match else None

    def normalize(self, chunk: RawChunk) -> NormalizedChunk:
        p = Problems(chunk)
        ids = p.required_text("id")
        violence = p.choice("type_of_violence", list(GED_VIOLENCE))
        where_prec = p.number("where_prec", required=True, integer=True, low=1, high=7)
        date_prec = p.number("date_prec", integer=True, low=1, high=5)
        lat = p.number("latitude", required=True, low=-90, high=90)
        lon = p.number("longitude", required=True, low=-180, high=180)
        start = p.date("date_start")
        end = p.date("date_end")
        p.flag(
            (end < start).to_numpy(),
            lambda i: f"date_end {end.iloc[i].date()} before date_start {start.iloc[i].date()}",
        )
        deaths = {
            col: p.number(
                col,
                required=col == "best",
                integer=True,
                low=0,
                high=MAX_DEATHS,
                what=f"negative deaths in {col}",
            )
            for col in ("best", "low", "high", "deaths_civilians")
        }
        iso3 = p.text("iso3").str.upper()
        malformed = (iso3 != "") & ~iso3.str.fullmatch(r"[A-Z]{3}")
        p.flag(
            malformed.to_numpy(),
            lambda i: f"iso3 {iso3.iloc[i]!r} is not an ISO 3166-1 alpha-3 code",
        )
        if (iso3 == "").any():
            from_names = iso3_from_names(p.text("country"))
            iso3 = iso3.where(iso3 != "", from_names)
        p.flag((iso3 == "").to_numpy(), lambda i: f"unknown country {p.text('country').iloc[i]!r}")
        frame = event_frame(
            self.name,
            ids,
            chunk.rows,
            date_start=start,
            date_end=end,
            date_precision=int_column(date_prec),
            country_iso3=iso3,
            lat=lat,
            lon=lon,
            location_precision=int_column(where_prec),
            location_name=p.text("where_description"),
            violence_type=violence.map(GED_VIOLENCE),
            event_type=p.text("conflict_name"),
            actor1=p.text("side_a"),
            actor2=p.text("side_b"),
            deaths_best=int_column(deaths["best"]),
            deaths_low=int_column(deaths["low"]),
            deaths_high=int_column(deaths["high"]),
            deaths_civilians=int_column(deaths["deaths_civilians"]),
            headline=p.text("source_headline"),
            notes=p.text("source_article"),
        )
        return p.finish(frame)


class CountryMonthAdapter(Adapter):
    """UCDP fatalities per country-month: isocode, period (YYYYMM), fatalities_UCDP, population."""

    name = "ucdp-country-month"
    title = "UCDP country-month series"
    table = "country_months"
    required_columns = ("isocode", "period", "fatalities_UCDP")
    optional_columns = ("population",)

    def normalize(self, chunk: RawChunk) -> NormalizedChunk:
        p = Problems(chunk)
        iso3 = p.required_text("isocode").str.upper()
        p.flag(
            ~iso3.str.fullmatch(r"[A-Z]{3}").to_numpy() & (iso3 != "").to_numpy(),
            lambda i: f"isocode {iso3.iloc[i]!r} is not an ISO 3166-1 alpha-3 code",
        )
        period = p.required_text("period")
        month = pd.to_datetime(period, format="%Y%m", errors="coerce")
        p.flag(
            month.isna().to_numpy() & (period != "").to_numpy(),
            lambda i: f"period {period.iloc[i]!r} is not a month (expected YYYYMM)",
        )
        fatalities = p.number(
            "fatalities_UCDP", required=True, low=0, what="negative deaths in fatalities_UCDP"
        )
        population = p.number("population", low=0)
        frame = pd.DataFrame(
            {
                "iso3": iso3.to_numpy(),
                "month": month.dt.strftime("%Y-%m").to_numpy(),
                "fatalities": fatalities.to_numpy(),
                "population": population.to_numpy(),
                "source_row": chunk.rows,
            }
        )
        return p.finish(frame)
