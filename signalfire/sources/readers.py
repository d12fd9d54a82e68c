"""Reading event files (CSV/TSV in any encoding, a zip holding one, or XLSX) in bounded batches.

Text is parsed by pyarrow's streaming CSV reader, one block of `batch_bytes` at a time, every
column kept as raw bytes: decoding is checked per value, so one bad byte quarantines one row,
not the file. Records whose field count is wrong are reported with their record numbers.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import EmptyFileError, FormatError, InputError
from .base import Adapter, BadRow, ProgressFn, RawChunk, raw_json

_DELIMITERS = (",", ";", "\t", "|")
_XLSX_ROWS_PER_CHUNK = 20_000
# A record longer than a block makes pyarrow give up; blocks grow up to this to hold one.
_MAX_BLOCK_BYTES = 1 << 30
_UTF8 = ("utf8", "utf-8", "utf_8", "utf-8-sig", "utf8sig", "utf_8_sig")


def _is_utf8(encoding: str) -> bool:
    return encoding.lower() in _UTF8


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


class _Utf8Transcoder(io.RawIOBase):
    """Bytes in `encoding` in, UTF-8 bytes out, streaming: the parser only ever sees UTF-8."""

    def __init__(self, inner: io.RawIOBase, encoding: str, path: Path) -> None:
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        self.inner = inner
        self.path = path
        self.encoding = encoding
        self.pending = b""
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            raw = self.inner.read(1 << 16)
            try:
                text = self.decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as exc:
                raise InputError(
                    self.path,
                    f"not valid {self.encoding} near byte {self.consumed + exc.start}",
                ) from None
            self.consumed += len(raw)
            self.pending = text.encode("utf-8")
            if not raw:
                break
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def sniff_kind(path: Path, encoding: str = "utf-8") -> str:
    """'xlsx', 'zip' or 'text' from the file's first bytes; rejects empty and binary files."""
    if not path.exists():
        raise InputError(path, "no such file")
    if not path.is_file():
        raise InputError(path, "not a file")
    with path.open("rb") as stream:
        head = stream.read(8192)
    if not head:
        raise EmptyFileError(path)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile as exc:
            raise FormatError(path, "zip or XLSX", hint=f"the archive is damaged: {exc}") from None
        return "xlsx" if "xl/workbook.xml" in names else "zip"
    if encoding.lower().replace("_", "-").startswith("utf-16"):
        return "text"
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
            "zip holding one CSV",
            hint=f"found {len(members)} CSV members: {', '.join(members[:5]) or 'none'}",
        )
    return members[0]


def _split_header(line: str, adapter: Adapter, path: Path) -> tuple[list[str], str]:
    """Pick the delimiter under which the header has the adapter's columns; names in the
    adapter's spelling (`Adapter.header`: case and surrounding spaces do not matter)."""
    best: tuple[int, str, list[str]] | None = None
    for delimiter in _DELIMITERS:
        columns = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        score = adapter.header_score(columns)
        if best is None or score > best[0]:
            best = (score, delimiter, columns)
    assert best is not None
    score, delimiter, columns = best
    if score < len(adapter.required_columns):
        comma_columns = [c.strip() for c in next(csv.reader([line]))]
        adapter.check_columns(path, columns if score else comma_columns)
    return adapter.header(path, columns), delimiter


def _decode_column(values: pa.Array, column: str, reasons: dict[int, list[str]]) -> pa.Array:
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


class _RecordTooLong(Exception):
    """A record does not fit in one parse block: start over with bigger blocks."""


@dataclass
class _Progress:
    """What has been handed out so far, across restarts of the parse."""

    resume_at: int = 1  # the first record number not yet yielded
    reported: set[int] = field(default_factory=set)  # bad records already yielded


def _text_pass(
    open_stream: Callable[[], AbstractContextManager[IO[bytes]]],
    path: Path,
    total: int,
    adapter: Adapter,
    encoding: str,
    block_bytes: int,
    progress: ProgressFn | None,
    state: _Progress,
) -> Iterator[RawChunk]:
    """One parse of the file from its start; records before state.resume_at are skipped."""
    with open_stream() as raw_stream:
        stream: io.RawIOBase = _CountingReader(raw_stream, total, progress)
        if not _is_utf8(encoding):
            stream = _Utf8Transcoder(stream, encoding, path)
        buffered = io.BufferedReader(stream, buffer_size=1 << 16)
        first = buffered.readline()
        while first and not first.strip():
            first = buffered.readline()
        if not first.strip():
            raise EmptyFileError(path, "the file has no header line")
        try:
            header_line = first.decode("utf-8").lstrip("\ufeff").rstrip("\r\n")
        except UnicodeDecodeError:
            raise FormatError(
                path, f"{encoding} text", hint="the header is not valid text in that encoding"
            ) from None
        columns, delimiter = _split_header(header_line, adapter, path)
        invalid: dict[int, BadRow] = {}

        def on_invalid(row: Any) -> str:
            # With one thread, pyarrow numbers records from 1 after the lines we consumed.
            number = int(row.number) if row.number is not None else -1
            invalid[number] = BadRow(
                number,
                row.text,
                f"expected {row.expected_columns} fields, found {row.actual_columns}",
            )
            return "skip"

        try:
            reader = pacsv.open_csv(
                buffered,
                read_options=pacsv.ReadOptions(
                    column_names=columns, block_size=block_bytes, use_threads=False
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={c: pa.binary() for c in columns}, strings_can_be_null=False
                ),
            )
        except pa.ArrowInvalid as exc:
            _raise_parse_error(path, exc, 0)
        next_record = 1
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as exc:
                _raise_parse_error(path, exc, next_record - 1)
            rows, next_record = _number_rows(batch.num_rows, next_record, invalid)
            reasons: dict[int, list[str]] = {}
            arrays = [_decode_column(batch.column(i), c, reasons) for i, c in enumerate(columns)]
            frame = pa.Table.from_arrays(arrays, names=columns).to_pandas()
            keep = rows >= state.resume_at
            for pos in sorted(reasons):
                keep[pos] = False
            bad = [
                invalid[k]
                for k in sorted(invalid)
                if state.resume_at <= k < next_record and k not in state.reported
            ]
            bad.extend(
                BadRow(
                    int(rows[p]), raw_json(columns, frame.iloc[p].tolist()), "; ".join(reasons[p])
                )
                for p in sorted(reasons)
                if rows[p] >= state.resume_at
            )
            state.reported.update(b.row_number for b in bad)
            state.resume_at = max(state.resume_at, next_record)
            if not keep.all():
                frame, rows = frame.loc[keep].reset_index(drop=True), rows[keep]
            yield RawChunk(frame, rows, bad)
        tail = [invalid[k] for k in sorted(invalid) if k not in state.reported]
        if tail:
            state.reported.update(b.row_number for b in tail)
            empty = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
            yield RawChunk(empty, np.empty(0, dtype=np.int64), tail)


def _number_rows(n: int, next_record: int, invalid: dict[int, BadRow]) -> tuple[np.ndarray, int]:
    """Record numbers of a batch's n rows: the next ones not taken by skipped bad records."""
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
    while next_record in invalid:
        next_record += 1
    return rows, next_record


def _raise_parse_error(path: Path, exc: pa.ArrowInvalid, after: int) -> None:
    message = str(exc)
    if "straddling" in message or "straddles" in message:
        raise _RecordTooLong() from None
    if "Empty CSV file" in message:
        raise EmptyFileError(path, "the file has a header but no records") from None
    raise InputError(path, f"cannot parse after record {after}: {message}") from None


def _read_text(
    open_stream: Callable[[], AbstractContextManager[IO[bytes]]],
    path: Path,
    total: int,
    adapter: Adapter,
    encoding: str,
    batch_bytes: int,
    progress: ProgressFn | None,
) -> Iterator[RawChunk]:
    state = _Progress()
    block = batch_bytes
    while True:
        try:
            yield from _text_pass(
                open_stream, path, total, adapter, encoding, block, progress, state
            )
            return
        except _RecordTooLong:
            if block >= _MAX_BLOCK_BYTES:
                raise InputError(
                    path,
                    f"a record after record {state.resume_at - 1} is "
                    f"longer than {_MAX_BLOCK_BYTES} bytes",
                ) from None
            block = min(block * 4, _MAX_BLOCK_BYTES)


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
        columns = adapter.header(path, columns)
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


@contextlib.contextmanager
def _zip_stream(path: Path, member: str) -> Iterator[IO[bytes]]:
    with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
        yield stream


def read_chunks(
    path: Path,
    adapter: Adapter,
    *,
    encoding: str = "utf-8",
    batch_bytes: int = 16 << 20,
    progress: ProgressFn | None = None,
) -> Iterator[RawChunk]:
    """Stream a file as RawChunks; fails fast (FormatError) when its header is not `adapter`'s."""
    kind = sniff_kind(path, encoding)
    if kind == "xlsx":
        yield from _read_xlsx(path, adapter, progress)
        return
    if kind == "zip":
        member = _zip_member(path)
        with zipfile.ZipFile(path) as archive:
            size = archive.getinfo(member).file_size
        yield from _read_text(
            lambda: _zip_stream(path, member), path, size, adapter, encoding, batch_bytes, progress
        )
        return
    yield from _read_text(
        lambda: path.open("rb"), path, path.stat().st_size, adapter, encoding, batch_bytes, progress
    )
