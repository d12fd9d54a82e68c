"""Reading tabular event files in bounded batches, and the contract every adapter meets.

A reader turns a file (CSV/TSV, a zip holding one, or XLSX) into `RawChunk`s: string columns,
the 1-based record number of every row, and the records that could not even be split into
fields. An adapter then maps a chunk onto the canonical columns and says, per row, why a row
cannot be kept. Nothing here touches the store.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import EmptyFileError, FormatError, InputError

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
        values = pd.to_numeric(raw.where(raw != ""), errors="coerce").astype("float64")
        empty = (raw == "").to_numpy()
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
        parsed = pd.to_datetime(raw.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
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

    def check_columns(self, path: Path, columns: Sequence[str]) -> None:
        present = set(columns)
        missing = [alt for alt in self.required_columns if not present & set(alt.split("|"))]
        if missing:
            raise FormatError(path, self.title, missing=missing, found=list(columns))

    def source_version(self, path: Path) -> str | None:
        return None

    @abstractmethod
    def normalize(self, chunk: RawChunk) -> NormalizedChunk: ...


# --- readers -------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")
_XLSX_ROWS_PER_CHUNK = 20_000


class _CountingReader(io.RawIOBase):
    """A binary stream that reports how many bytes have been read from it."""

    def __init__(self, inner: IO[bytes], total: int, progress: ProgressFn | None) -> None:
        self.inner = inner
        self.total = total
        self.done = 0
        self.progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)
        return n


def sniff_kind(path: Path) -> str:
    """'xlsx', 'zip' or 'text' from the file's first bytes; rejects empty and binary files."""
    if not path.is_file():
        raise InputError(path, "no such file")
    with path.open("rb") as stream:
        head = stream.read(8192)
    if not head:
        raise EmptyFileError(path)
    if head.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        return "xlsx" if "xl/workbook.xml" in names else "zip"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FormatError(
            path,
            "UTF-8 text",
            hint="the file is UTF-16 encoded: pass --encoding utf-16 or save it as UTF-8",
        )
    if b"\x00" in head:
        raise FormatError(path, "text (CSV/TSV)", hint="the file holds binary data")
    return "text"


def _zip_member(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        members = [
            n
            for n in archive.namelist()
            if n.lower().endswith((".csv", ".tsv", ".txt")) and not n.startswith("__MACOSX")
        ]
    if len(members) != 1:
        raise FormatError(
            path,
            "zip holding one CSV file",
            hint=f"found {len(members)} CSV members: {', '.join(members[:5]) or 'none'}",
        )
    return members[0]


def _split_header(line: str, adapter: Adapter, path: Path) -> tuple[list[str], str]:
    """Pick the delimiter under which the header has the adapter's columns."""
    best: tuple[int, str, list[str]] | None = None
    for delimiter in _DELIMITERS:
        columns = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        score = sum(bool(set(columns) & set(alt.split("|"))) for alt in adapter.required_columns)
        if best is None or score > best[0]:
            best = (score, delimiter, columns)
    assert best is not None
    score, delimiter, columns = best
    if score < len(adapter.required_columns):
        comma_columns = [c.strip() for c in next(csv.reader([line]))]
        hint = ""
        if delimiter != ",":
            hint = f"the header looks {delimiter!r}-delimited"
        adapter.check_columns(path, columns if score else comma_columns)
        raise FormatError(path, adapter.title, found=columns, hint=hint)  # pragma: no cover
    return columns, delimiter


def _decode_column(
    values: pa.Array, column: str, rows: np.ndarray, reasons: dict[int, list[str]]
) -> pa.Array:
    try:
        return values.cast(pa.string())
    except (pa.ArrowInvalid, UnicodeDecodeError):
        decoded = []
        for pos, item in enumerate(values.to_pylist()):
            raw = item or b""
            try:
                decoded.append(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                reasons.setdefault(pos, []).append(
                    f"{column}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at {exc.start}); "
                    "pass --encoding if the file uses another encoding"
                )
                decoded.append(raw.decode("utf-8", errors="replace"))
        return pa.array(decoded, type=pa.string())


def _read_text(
    stream: IO[bytes],
    path: Path,
    total: int,
    adapter: Adapter,
    encoding: str,
    batch_bytes: int,
    progress: ProgressFn | None,
) -> Iterator[RawChunk]:
    counting = _CountingReader(stream, total, progress)
    buffered = io.BufferedReader(counting, buffer_size=1 << 16)
    first = buffered.readline()
    if not first.strip():
        raise EmptyFileError(path, "the file has no header line")
    try:
        header_line = first.decode(encoding).lstrip("\ufeff").rstrip("\r\n")
    except UnicodeDecodeError:
        raise FormatError(
            path, f"{encoding} text", hint="the header is not valid text in that encoding"
        ) from None
    columns, delimiter = _split_header(header_line, adapter, path)
    if len(set(columns)) != len(columns):
        dupes = sorted({c for c in columns if columns.count(c) > 1})
        raise FormatError(path, adapter.title, found=columns, hint=f"repeated columns: {dupes}")

    invalid: dict[int, BadRow] = {}

    def on_invalid(row: Any) -> str:
        number = int(row.number) - 1 if row.number is not None else -1
        invalid[number] = BadRow(
            number,
            row.text,
            f"expected {row.expected_columns} fields, found {row.actual_columns}",
        )
        return "skip"

    plain_utf8 = encoding.replace("-", "").lower() in ("utf8", "utf8sig")
    reader = pacsv.open_csv(
        buffered,
        read_options=pacsv.ReadOptions(
            column_names=columns,
            block_size=batch_bytes,
            # Single-threaded so that skipped rows carry their record numbers.
            use_threads=False,
            encoding="utf8" if plain_utf8 else encoding,
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.binary() for c in columns}, strings_can_be_null=False
        ),
    )
    next_record = 1
    reported: set[int] = set()
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except pa.ArrowInvalid as exc:
            raise InputError(path, f"cannot parse after record {next_record - 1}: {exc}") from exc
        n = batch.num_rows
        rows = np.empty(n, dtype=np.int64)
        filled = 0
        while filled < n:
            if next_record in invalid:
                next_record += 1
                continue
            stop = min((k for k in invalid if k > next_record), default=None)
            take = n - filled if stop is None else min(n - filled, stop - next_record)
            rows[filled : filled + take] = np.arange(next_record, next_record + take)
            filled += take
            next_record += take
        reasons: dict[int, list[str]] = {}
        arrays = [
            _decode_column(batch.column(i), columns[i], rows, reasons) for i in range(len(columns))
        ]
        frame = pa.Table.from_arrays(arrays, names=columns).to_pandas()
        bad = [invalid[k] for k in sorted(invalid) if k < next_record and k not in reported]
        reported.update(b.row_number for b in bad)
        if reasons:
            positions = sorted(reasons)
            bad.extend(
                BadRow(
                    int(rows[p]), raw_json(columns, frame.iloc[p].tolist()), "; ".join(reasons[p])
                )
                for p in positions
            )
            keep = np.ones(n, dtype=bool)
            keep[positions] = False
            frame, rows = frame.loc[keep].reset_index(drop=True), rows[keep]
        yield RawChunk(frame, rows, bad)
    tail = [invalid[k] for k in sorted(invalid) if k not in reported]
    if tail:
        yield RawChunk(
            pd.DataFrame({c: pd.Series(dtype=object) for c in columns}),
            np.empty(0, dtype=np.int64),
            tail,
        )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _read_xlsx(path: Path, adapter: Adapter, progress: ProgressFn | None) -> Iterator[RawChunk]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header_cells = next(rows_iter, None)
        if header_cells is None:
            raise EmptyFileError(path, "the first sheet is empty")
        columns = [_cell_text(c).strip() for c in header_cells]
        while columns and columns[-1] == "":
            columns.pop()
        adapter.check_columns(path, columns)
        width = len(columns)
        total = sheet.max_row or 0
        buffer: list[list[str]] = []
        numbers: list[int] = []
        bad: list[BadRow] = []
        record = 0
        for cells in rows_iter:
            texts = [_cell_text(c) for c in cells]
            if not any(t.strip() for t in texts):
                continue
            record += 1
            if any(t.strip() for t in texts[width:]):
                bad.append(
                    BadRow(
                        record,
                        json.dumps(texts, ensure_ascii=False),
                        f"expected {width} fields, found {len(texts)}",
                    )
                )
            else:
                buffer.append((texts + [""] * width)[:width])
                numbers.append(record)
            if len(buffer) >= _XLSX_ROWS_PER_CHUNK:
                yield RawChunk(
                    pd.DataFrame(buffer, columns=columns, dtype=object),
                    np.asarray(numbers, dtype=np.int64),
                    bad,
                )
                buffer, numbers, bad = [], [], []
                if progress:
                    progress(record, total)
        yield RawChunk(
            pd.DataFrame(buffer, columns=columns, dtype=object),
            np.asarray(numbers, dtype=np.int64),
            bad,
        )
        if progress:
            progress(total, total)
    finally:
        # The sheet's row generator holds the file open until it is closed itself.
        rows_iter.close()
        workbook.close()


def read_chunks(
    path: Path,
    adapter: Adapter,
    *,
    encoding: str = "utf-8",
    batch_bytes: int = 16 << 20,
    progress: ProgressFn | None = None,
) -> Iterator[RawChunk]:
    """Stream a file as RawChunks; fails fast (FormatError) when its header is not `adapter`'s."""
    kind = sniff_kind(path)
    if kind == "xlsx":
        yield from _read_xlsx(path, adapter, progress)
        return
    if kind == "zip":
        member = _zip_member(path)
        with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
            size = archive.getinfo(member).file_size
            yield from _read_text(stream, path, size, adapter, encoding, batch_bytes, progress)
        return
    with path.open("rb") as stream:
        yield from _read_text(
            stream, path, path.stat().st_size, adapter, encoding, batch_bytes, progress
        )
