"""Country names as event datasets spell them, to ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import pycountry

# Names that pycountry's fuzzy search misses or gets wrong (UCDP, ACLED and GTD spellings).
_OVERRIDES = {
    "bosnia-herzegovina": "BIH",
    "cambodia (kampuchea)": "KHM",
    "dr congo (zaire)": "COD",
    "democratic republic of congo": "COD",
    "republic of congo": "COG",
    "congo": "COG",
    "ivory coast": "CIV",
    "kingdom of eswatini (swaziland)": "SWZ",
    "eswatini": "SWZ",
    "kosovo": "XKX",
    "laos": "LAO",
    "madagascar (malagasy)": "MDG",
    "myanmar (burma)": "MMR",
    "north korea": "PRK",
    "south korea": "KOR",
    "russia (soviet union)": "RUS",
    "russia": "RUS",
    "serbia (yugoslavia)": "SRB",
    "syria": "SYR",
    "iran": "IRN",
    "turkey": "TUR",
    "vietnam (north vietnam)": "VNM",
    "yemen (north yemen)": "YEM",
    "zimbabwe (rhodesia)": "ZWE",
    "palestine": "PSE",
    "west bank and gaza strip": "PSE",
    "east timor": "TLS",
    "macedonia": "MKD",
    "macedonia, fyr": "MKD",
    "czechoslovakia": "CZE",
    "tanzania": "TZA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "moldova": "MDA",
    "cape verde": "CPV",
}


@lru_cache(maxsize=4096)
def iso3_from_name(name: str) -> str:
    """ISO alpha-3 for a country name, or "" when it is not recognised."""
    key = name.strip().lower()
    if not key:
        return ""
    if key in _OVERRIDES:
        return _OVERRIDES[key]
    if re.fullmatch(r"[a-z]{3}", key) and pycountry.countries.get(alpha_3=key.upper()):
        return key.upper()
    bare = re.sub(r"\s*\(.*\)\s*", "", key)
    for candidate in (key, bare):
        country = pycountry.countries.get(name=candidate) or pycountry.countries.get(
            common_name=candidate
        )
        if country is not None:
            return str(country.alpha_3)
    try:
        matches = pycountry.countries.search_fuzzy(bare)
    except LookupError:
        return ""
    return str(matches[0].alpha_3) if len(matches) == 1 else ""


def iso3_from_names(names: pd.Series) -> pd.Series:
    """Vectorised over the distinct names of a column."""
    distinct = {n: iso3_from_name(n) for n in names.unique()}
    return names.map(distinct)
