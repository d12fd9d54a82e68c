"""The contract every source adapter meets, and the vectorised row checks adapters use.

A reader (readers.py) turns a file into `RawChunk`s: string columns, the 1-based record number
of every row, and the records that could not even be split into fields. An adapter maps a chunk
onto the canonical columns and says, per row, why a row cannot be kept. Nothing here touches
the store.

Column names are matched ignoring case and surrounding whitespace (`column_key`): a header
saying `EVENT_ID_CNTY`, `Event_Date` or ` latitude ` is read as the codebook's `event_id_cnty`,
`event_date` and `latitude`. `Adapter.header` renames a file's columns to the adapter's
spelling once, where the header is read, so adapters only ever see their own names.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import FormatError

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class BadRow:
    row_number: int
    raw_row: str
    reason: str


@dataclass
class RawChunk:
    frame: pd.DataFrame  # every column str, "" where empty
    rows: np.ndarray  # record number of each frame row (1 = first record after the header)
    bad: list[BadRow] = field(default_factory=list)


@dataclass
class NormalizedChunk:
    frame: pd.DataFrame  # canonical columns (schema.EVENT_SOURCE_COLUMNS or the series columns)
    bad: list[BadRow]


# A date, optionally followed by a time (GED writes "2019-05-01 00:00:00.000").
_ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"

# Deaths above this are typing errors, and would not fit the store's INTEGER columns.
MAX_DEATHS = 1_000_000


def int_column(values: pd.Series) -> pd.Series:
    """Float counts as nullable integers; values no INTEGER column holds (inf, 1e30) become NA.

    Such values are always flagged by the checks, so their rows never reach the store; this
    only keeps the conversion from failing before the flagged rows are dropped.
    """
    fits = values.abs() <= np.iinfo(np.int32).max
    return values.where(fits).round().astype("Int64")


def event_frame(source: str, ids: pd.Series, rows: np.ndarray, **columns: Any) -> pd.DataFrame:
    """The canonical event columns, in schema order, for one chunk of one source."""
    frame = pd.DataFrame(
        {
            "event_id": source + ":" + ids.astype(str),
            "source": source,
            "source_event_id": ids.astype(str),
            "source_row": rows,
        }
    )
    for name, values in columns.items():
        frame[name] = values.to_numpy() if isinstance(values, pd.Series) else values
    return frame


def column_key(name: str) -> str:
    """How two column names are compared: surrounding whitespace dropped, case folded."""
    return name.strip().casefold()


def raw_json(columns: Sequence[str], values: Sequence[Any]) -> str:
    return json.dumps(dict(zip(columns, values, strict=False)), ensure_ascii=False, default=str)


class Problems:
    """Collects per-row reasons to quarantine, from vectorized checks over one chunk."""

    def __init__(self, chunk: RawChunk) -> None:
        self.chunk = chunk
        self.frame = chunk.frame
        self._reasons: dict[int, list[str]] = {}

    def flag(self, mask: Any, message: str | Callable[[int], str]) -> None:
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        for pos in positions:
            text = message(int(pos)) if callable(message) else message
            self._reasons.setdefault(int(pos), []).append(text)

    def text(self, column: str) -> pd.Series:
        if column not in self.frame.columns:
            return pd.Series([""] * len(self.frame), index=self.frame.index, dtype=object)
        return self.frame[column].str.strip()

    def required_text(self, column: str) -> pd.Series:
        values = self.text(column)
        self.flag(values == "", f"missing {column}")
        return values

    def number(
        self,
        column: str,
        *,
        required: bool = False,
        integer: bool = False,
        low: float | None = None,
        high: float | None = None,
        what: str = "",
    ) -> pd.Series:
        """Parse a numeric column; empty gives NaN. Out-of-range or unparsable rows are flagged."""
        raw = self.text(column)
        empty = (raw == "").to_numpy()
        try:
            # Fast path: Arrow's parser, when every non-empty value is a plain number.
            arrow = pa.array(raw.to_numpy(dtype=object), type=pa.string())
            arrow = pc.if_else(pc.equal(arrow, ""), pa.scalar(None, pa.string()), arrow)
            values = pd.Series(
                arrow.cast(pa.float64()).to_numpy(zero_copy_only=False), index=raw.index
            )
        except pa.ArrowInvalid:
            values = pd.to_numeric(raw.where(raw != ""), errors="coerce").astype("float64")
        bad_parse = values.isna().to_numpy() & ~empty
        kind = "an integer" if integer else "a number"
        self.flag(bad_parse, lambda i: f"{column} {raw.iloc[i]!r} is not {kind}")
        if integer:
            fractional = (values.notna() & (values % 1 != 0)).to_numpy()
            self.flag(fractional, lambda i: f"{column} {raw.iloc[i]!r} is not {kind}")
        if required:
            self.flag(empty, f"missing {column}")
        if low is not None:
            below = (values < low).to_numpy()
            label = what or f"{column} below {low:g}"
            self.flag(below, lambda i: f"{label}: {column}={raw.iloc[i]}")
        if high is not None:
            above = (values > high).to_numpy()
            self.flag(above, lambda i: f"{column} {raw.iloc[i]} above {high:g}")
        return values

    def date(self, column: str, *, required: bool = True, formats: Sequence[str] = ()) -> pd.Series:
        """Parse dates given as ISO text (time part ignored) or one of `formats`."""
        raw = self.text(column)
        iso = raw.str.fullmatch(_ISO_DATE)
        parsed = pd.to_datetime(raw.str.slice(0, 10).where(iso), format="%Y-%m-%d", errors="coerce")
        for fmt in formats:
            missing = parsed.isna() & (raw != "")
            if not missing.any():
                break
            parsed = parsed.fillna(pd.to_datetime(raw, format=fmt, errors="coerce"))
        empty = (raw == "").to_numpy()
        expected = " or ".join(["YYYY-MM-DD", *formats])
        self.flag(
            parsed.isna().to_numpy() & ~empty,
            lambda i: f"{column} {raw.iloc[i]!r} is not a date (expected {expected})",
        )
        if required:
            self.flag(empty, f"missing {column}")
        return parsed

    def choice(self, column: str, allowed: Sequence[str], *, required: bool = True) -> pd.Series:
        values = self.text(column)
        empty = (values == "").to_numpy()
        wrong = ~values.isin(list(allowed)).to_numpy() & ~empty
        self.flag(wrong, lambda i: f"{column} {values.iloc[i]!r} not one of {', '.join(allowed)}")
        if required:
            self.flag(empty, f"missing {column}")
        return values

    def finish(self, canonical: pd.DataFrame) -> NormalizedChunk:
        """Drop flagged rows from `canonical` and turn them into BadRows with their raw values."""
        bad = list(self.chunk.bad)
        if self._reasons:
            positions = sorted(self._reasons)
            columns = list(self.frame.columns)
            for pos in positions:
                bad.append(
                    BadRow(
                        int(self.chunk.rows[pos]),
                        raw_json(columns, self.frame.iloc[pos].tolist()),
                        "; ".join(self._reasons[pos]),
                    )
                )
            keep = np.ones(len(canonical), dtype=bool)
            keep[positions] = False
            canonical = canonical.loc[keep]
        return NormalizedChunk(canonical.reset_index(drop=True), bad)


class Adapter(ABC):
    """Maps one source format onto the canonical columns."""

    name: ClassVar[str]
    title: ClassVar[str]
    table: ClassVar[str] = "events"
    # Each entry is a column, or alternatives separated by "|" of which one must be present.
    required_columns: ClassVar[tuple[str, ...]]
    # Other columns the adapter reads when present (spelled as the adapter reads them).
    optional_columns: ClassVar[tuple[str, ...]] = ()

    def known_columns(self) -> dict[str, str]:
        """column_key -> the adapter's spelling, for every column it reads."""
        names = [n for alt in self.required_columns for n in alt.split("|")]
        return {column_key(n): n for n in (*names, *self.optional_columns)}

    def header(self, path: Path, columns: Sequence[str]) -> list[str]:
        """A file's column names, stripped and in the adapter's spelling where it knows them.

        A blank name (a spreadsheet's trailing separators) becomes `unnamed_<position>`: no
        adapter reads it, and its values stay in quarantined raw rows. Raises FormatError when
        two names are the same under `column_key` (" best" and "BEST"): which one holds the
        data would be a guess.
        """
        known = self.known_columns()
        renamed = [
            known.get(column_key(c), c.strip()) if c.strip() else f"unnamed_{n}"
            for n, c in enumerate(columns, start=1)
        ]
        groups: dict[str, list[str]] = {}
        for raw, name in zip(columns, renamed, strict=True):
            groups.setdefault(column_key(name), []).append(raw)
        repeated = [names for names in groups.values() if len(names) > 1]
        if repeated:
            shown = "; ".join(" and ".join(repr(n) for n in names) for names in repeated)
            raise FormatError(
                path,
                self.title,
                found=[c.strip() for c in columns],
                hint=f"repeated columns (names are compared ignoring case and spaces): {shown}",
            )
        return renamed

    def check_columns(self, path: Path, columns: Sequence[str]) -> None:
        """FormatError naming every required column (or set of alternatives) the file lacks."""
        present = {column_key(c) for c in columns}
        missing = [
            alt
            for alt in self.required_columns
            if not present & {column_key(n) for n in alt.split("|")}
        ]
        if missing:
            raise FormatError(path, self.title, missing=missing, found=list(columns))

    def header_score(self, columns: Sequence[str]) -> int:
        """How many required columns (or alternatives) a candidate header has."""
        present = {column_key(c) for c in columns}
        return sum(
            bool(present & {column_key(n) for n in alt.split("|")}) for alt in self.required_columns
        )

    def source_version(self, path: Path) -> str | None:
        return None

    @abstractmethod
    def normalize(self, chunk: RawChunk) -> NormalizedChunk: ...
