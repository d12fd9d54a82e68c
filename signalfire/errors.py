"""Every error signalfire raises on purpose.

SignalfireError
 ├── ConfigError            a setting or flag has a value we cannot use
 ├── InputError             a file the user gave cannot be read as claimed
 │    ├── EmptyFileError     the file has no bytes or no header
 │    ├── FormatError        the file is not the claimed format (columns, binary, delimiter)
 │    └── SchemaError        one field of one row is not what was expected
 ├── StoreError             the DuckDB store cannot be opened, read or written
 │    └── SchemaVersionError the store was written by another schema version
 ├── FetchError             a download failed or its checksum did not match
 └── NotFoundError          an id the user asked for is not in the store

The CLI renders these in exactly one place (`cli.main`); each class has an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class SignalfireError(Exception):
    """Root of every error signalfire raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(SignalfireError):
    exit_code = 2

    def __init__(self, name: str, value: object, expected: str) -> None:
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(f"setting {name}={value!r}: expected {expected}")


class InputError(SignalfireError):
    exit_code = 3

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


class EmptyFileError(InputError):
    def __init__(self, path: Path | str, detail: str = "the file is empty (0 bytes)") -> None:
        super().__init__(path, detail)


class FormatError(InputError):
    """The file is not the format the user claimed; says what was expected and found."""

    def __init__(
        self,
        path: Path | str,
        claimed: str,
        missing: Sequence[str] = (),
        found: Sequence[str] = (),
        hint: str = "",
    ) -> None:
        self.claimed = claimed
        self.missing = list(missing)
        self.found = list(found)
        self.hint = hint
        parts = [f"not a {claimed} file"]
        if self.missing:
            parts.append(f"missing columns: {', '.join(self.missing)}")
        if self.found:
            shown = ", ".join(self.found[:12]) + (" ..." if len(self.found) > 12 else "")
            parts.append(f"found columns: {shown}")
        if hint:
            parts.append(hint)
        super().__init__(path, "; ".join(parts))


class SchemaError(InputError):
    """One field of one row does not hold what the format requires."""

    def __init__(
        self, path: Path | str, row: int | None, column: str, expected: str, got: object
    ) -> None:
        self.row = row
        self.column = column
        self.expected = expected
        self.got = got
        where = f"row {row}, " if row is not None else ""
        super().__init__(path, f"{where}column {column!r}: expected {expected}, got {got!r}")


class StoreError(SignalfireError):
    exit_code = 4


class SchemaVersionError(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int, how: str) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path}: store schema version {found}, this signalfire supports {supported}. {how}"
        )


class FetchError(SignalfireError):
    exit_code = 5

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(f"{url}: {message}")


class NotFoundError(SignalfireError):
    exit_code = 6
