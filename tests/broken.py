"""Small GED-shaped rows and writers for the broken-files corpus (built at test time).

Nothing here reads the shared reference data except `real_ged_rows`, which returns None when
the shared GED file is absent so that callers can fall back on `sample_rows()`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from signalfire import settings
from signalfire.sources.ucdp import GED_COLUMNS

# (place, adm_1, latitude, longitude): points well inside Pakistan's districts.
PLACES: tuple[tuple[str, str, str, str], ...] = (
    ("Peshawar city", "Khyber Pakhtunkhwa province", "34.008", "71.578"),
    ("Quetta city", "Balochistan province", "30.183", "67.001"),
    ("Karachi city", "Sindh province", "24.905", "67.080"),
    ("Lahore city", "Punjab province", "31.549", "74.343"),
    ("Islamabad city", "Islamabad Capital Territory", "33.684", "73.048"),
    ("Miran Shah town", "Khyber Pakhtunkhwa province", "33.000", "70.070"),
    ("Athmuqam town", "Azad Jammu & Kashmir", "34.5717", "73.8972"),
    ("Gilgit town", "Gilgit-Baltistan", "35.920", "74.308"),
)

# Points the boundary check must reject: (label, latitude, longitude).
FAR_OUTSIDE: tuple[tuple[str, str, str], ...] = (
    ("Atlantic", "30.0", "-40.0"),
    ("India, Delhi (~350 km from the border)", "28.61", "77.21"),
    ("India, Nagpur (~900 km from the border)", "21.15", "79.09"),
)


def sample_rows(n: int = 8, first_id: int = 900001) -> list[dict[str, str]]:
    """n valid GED rows (every column, as text), ids first_id.., one per place in turn."""
    rows = []
    for i in range(n):
        place, adm1, lat, lon = PLACES[i % len(PLACES)]
        day = 1 + i % 28
        best = str(i % 5)
        rows.append(
            {
                "id": str(first_id + i),
                "relid": f"PAK-2015-1-{first_id + i}",
                "year": "2015",
                "active_year": "1",
                "code_status": "Clear",
                "type_of_violence": str(1 + i % 3),
                "conflict_dset_id": "209",
                "conflict_new_id": "209",
                "conflict_name": "Pakistan: Government",
                "dyad_dset_id": "731",
                "dyad_new_id": "731",
                "dyad_name": "Government of Pakistan - TTP",
                "side_a_dset_id": "142",
                "side_a_new_id": "142",
                "side_a": "Government of Pakistan",
                "side_b_dset_id": "1076",
                "side_b_new_id": "1076",
                "side_b": "TTP",
                "number_of_sources": "1",
                "source_article": f'"Dawn,2015-03-{day:02d},ATTACK NEAR {place.upper()}."',
                "source_office": "Dawn",
                "source_date": f"2015-03-{day:02d}",
                "source_headline": f"Attack near {place}; curfew, then calm",
                "source_original": "police",
                "where_prec": "1",
                "where_coordinates": place,
                "where_description": f"{place}, {adm1}",
                "adm_1": adm1,
                "adm_2": "",
                "latitude": lat,
                "longitude": lon,
                "geom_wkt": f"POINT ({lon} {lat})",
                "priogrid_gid": "179788",
                "country": "Pakistan",
                "iso3": "PAK",
                "country_id": "770",
                "region": "Asia",
                "event_clarity": "1",
                "date_prec": "1",
                "date_start": f"2015-03-{day:02d} 00:00:00.000",
                "date_end": f"2015-03-{day:02d} 00:00:00.000",
                "deaths_a": "0",
                "deaths_b": "0",
                "deaths_civilians": best,
                "deaths_unknown": "0",
                "best": best,
                "high": str(int(best) + 1),
                "low": best,
                "gwnoa": "770",
                "gwnob": "",
            }
        )
    return rows


def shared_ged_path() -> Path | None:
    data = settings.data_dir()
    if data is None:
        return None
    path = data / "ucdp" / "ged221_pak_1989-2019.csv"
    return path if path.is_file() else None


def real_ged_rows(n: int) -> list[dict[str, str]] | None:
    """The first n rows of the shared GED file as dicts of text, or None without it."""
    path = shared_ged_path()
    if path is None:
        return None
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return [dict(row) for _, row in zip(range(n), reader, strict=False)]


def csv_text(
    rows: Sequence[dict[str, str]],
    columns: Sequence[str] | None = None,
    delimiter: str = ",",
    lineterminator: str = "\n",
) -> str:
    columns = list(columns if columns is not None else (rows[0] if rows else GED_COLUMNS))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


def write_csv(
    path: Path, rows: Sequence[dict[str, str]], encoding: str = "utf-8", **kw: str
) -> Path:
    path.write_bytes(csv_text(rows, **kw).encode(encoding))
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def write_xlsx(path: Path, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(columns))
    for row in rows:
        sheet.append([row.get(c, "") for c in columns])
    workbook.save(path)
    return path


def raw_values(raw_row: str) -> dict[str, str]:
    """A quarantined raw_row (JSON object of column -> value) as a dict."""
    value = json.loads(raw_row)
    assert isinstance(value, dict), raw_row
    return value


def ids(rows: Iterable[dict[str, str]]) -> list[str]:
    return [r["id"] for r in rows]
