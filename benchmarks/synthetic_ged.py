"""A large synthetic UCDP GED file for the ingest benchmarks (`generate`).

The synthetic rows are drawn from the real GED file (data_dir()/ucdp/ged221_pak_1989-2019.csv,
read at run time, never copied): each row takes a real event as its template (conflict, dyad,
actors, place names, deaths, source text with its commas, quotes and newlines) and gets a new
unique id and relid, a new date in the template's year (keeping its start..end span and
date_prec), and coordinates jittered by up to 0.01 degrees around the template's point (inside
Pakistan), with geom_wkt matching them. Quoting is QUOTE_MINIMAL with CRLF line ends, as in the
real file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from signalfire.sources.ucdp import GED_COLUMNS as GED_COLUMN_NAMES

GED_COLUMNS = list(GED_COLUMN_NAMES)
_CHUNK_ROWS = 100_000


def _csv_field(values: Any) -> Any:
    """QUOTE_MINIMAL as csv and pandas write it: quote a field holding , " CR or LF."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()
    quote, empty = pa.scalar('"', text), pa.scalar("", text)
    needs = pc.match_substring_regex(values, '[",\r\n]')
    quoted = pc.binary_join_element_wise(
        quote, pc.replace_substring(values, '"', '""'), quote, empty
    )
    return pc.if_else(needs, quoted, values)


def _decimal6(values: Any) -> tuple[Any, Any]:
    """Positive floats as GED writes them: '%.6f' text, and the same without trailing zeros."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    micro = np.rint(np.asarray(values) * 1e6).astype(np.int64)
    whole = pa.array(micro // 1_000_000).cast(pa.large_string())
    fraction = pc.utf8_lpad(pa.array(micro % 1_000_000).cast(pa.large_string()), 6, "0")
    fixed = pc.binary_join_element_wise(whole, fraction, pa.scalar(".", pa.large_string()))
    trimmed = pc.utf8_rtrim(pc.utf8_rtrim(fixed, "0"), ".")
    return fixed, trimmed


def generate(template: Path, path: Path, rows: int, seed: int = 20221) -> dict[str, Any]:
    """Write `rows` synthetic GED events to `path`; returns a few facts about what was written."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    started = time.perf_counter()
    text = pa.large_string()
    real = pacsv.read_csv(
        template,
        convert_options=pacsv.ConvertOptions(
            column_types={c: text for c in GED_COLUMNS}, strings_can_be_null=False
        ),
    )
    if real.column_names != GED_COLUMNS:
        raise SystemExit(f"{template}: not the 50-column GED layout this benchmark expects")
    column = {c: real.column(c).combine_chunks() for c in GED_COLUMNS}
    rng = np.random.default_rng(seed)

    def days(name: str) -> Any:
        return np.array(column[name].to_pylist(), dtype="U10").astype("datetime64[D]")

    start = days("date_start")
    span = (days("date_end") - start).astype(np.int64)
    real_year = start.astype("datetime64[Y]")
    real_lat = np.asarray(column["latitude"].cast(pa.float64()))
    real_lon = np.asarray(column["longitude"].cast(pa.float64()))
    relid_prefix = pa.array([r.split("-")[0] for r in column["relid"].to_pylist()], text)
    # Template values never change within a chunk: quote them once.
    quoted = {c: _csv_field(column[c]) for c in GED_COLUMNS}
    text_has = {
        sign: pc.or_(
            pc.match_substring(column["source_article"], sign),
            pc.match_substring(column["source_headline"], sign),
        ).to_numpy(zero_copy_only=False)
        for sign in ("\n", ",")
    }
    with_newline = with_comma = 0
    # Unique ids, in no particular order (like the real file).
    ids = rng.permutation(rows) + 1
    comma, crlf, empty = pa.scalar(",", text), pa.scalar("\r\n", text), pa.scalar("", text)
    with path.open("wb") as out:
        out.write((",".join(GED_COLUMNS) + "\r\n").encode())
        for first in range(0, rows, _CHUNK_ROWS):
            n = min(_CHUNK_ROWS, rows - first)
            pick = rng.integers(0, len(column["id"]), n)
            take = pa.array(pick)
            columns = {c: quoted[c].take(take) for c in GED_COLUMNS}
            # A new date in the template's year, keeping its start..end span (so its date_prec).
            begin = real_year[pick].astype("datetime64[D]") + rng.integers(0, 365, n)
            end = begin + span[pick]
            year = pa.array(begin.astype("datetime64[Y]").astype(np.int64) + 1970).cast(text)
            midnight = pa.scalar(" 00:00:00.000", text)
            columns["date_start"] = pc.binary_join_element_wise(
                pa.array(np.datetime_as_string(begin, unit="D"), text), midnight, empty
            )
            columns["date_end"] = pc.binary_join_element_wise(
                pa.array(np.datetime_as_string(end, unit="D"), text), midnight, empty
            )
            columns["year"] = year
            columns["id"] = pa.array(ids[first : first + n]).cast(text)
            columns["relid"] = pc.binary_join_element_wise(
                relid_prefix.take(take),
                year,
                column["type_of_violence"].take(take),
                column["dyad_new_id"].take(take),
                columns["id"],
                pa.scalar("-", text),
            )
            # Within ~1 km of the template's point: inside Pakistan like it.
            lat, lat_wkt = _decimal6(real_lat[pick] + rng.uniform(-0.01, 0.01, n))
            lon, lon_wkt = _decimal6(real_lon[pick] + rng.uniform(-0.01, 0.01, n))
            columns["latitude"], columns["longitude"] = lat, lon
            columns["geom_wkt"] = pc.binary_join_element_wise(
                pa.scalar("POINT (", text),
                lon_wkt,
                pa.scalar(" ", text),
                lat_wkt,
                pa.scalar(")", text),
                empty,
            )
            lines = pc.binary_join_element_wise(*(columns[c] for c in GED_COLUMNS), comma)
            lines = pc.binary_join_element_wise(lines, crlf, empty)
            offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)
            offsets = offsets[lines.offset : lines.offset + len(lines) + 1]
            out.write(memoryview(lines.buffers()[2])[offsets[0] : offsets[-1]])
            with_newline += int(text_has["\n"][pick].sum())
            with_comma += int(text_has[","][pick].sum())
    return {
        "rows": rows,
        "bytes": path.stat().st_size,
        "rows_with_newline_in_source_text": with_newline,
        "rows_with_comma_in_source_text": with_comma,
        "seconds": round(time.perf_counter() - started, 2),
        "seed": seed,
    }
