"""Downloads from data publishers, behind one seam (`Transport`), checked and cached with pooch.

Tests and offline users never touch the network: `LocalDirTransport` serves files from a folder
(`--from DIR`), `MockTransport` from a function.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlparse

import pooch

from .countries import iso3_from_name
from .errors import FetchError


class Transport(Protocol):
    def fetch(self, url: str, dest: Path) -> None:
        """Write the bytes at `url` to `dest`, or raise FetchError."""


class HttpTransport:
    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout

    def fetch(self, url: str, dest: Path) -> None:
        request = urllib.request.Request(url, headers={"User-Agent": "signalfire"})
        try:
            with (
                urllib.request.urlopen(request, timeout=self.timeout) as response,
                dest.open("wb") as out,
            ):
                shutil.copyfileobj(response, out, 1 << 20)
        except (urllib.error.URLError, OSError) as exc:
            raise FetchError(url, f"download failed: {exc}") from None


class LocalDirTransport:
    """Serves each URL from DIR/<last part of the URL's path>."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def fetch(self, url: str, dest: Path) -> None:
        name = Path(urlparse(url).path.rstrip("/")).name
        source = self.folder / name
        if not source.is_file():
            raise FetchError(url, f"--from {self.folder}: expected a local copy named {name!r}")
        shutil.copyfile(source, dest)


class MockTransport:
    """Answers with `handler(url)`; for tests."""

    def __init__(self, handler: Callable[[str], bytes]) -> None:
        self.handler = handler
        self.requests: list[str] = []

    def fetch(self, url: str, dest: Path) -> None:
        self.requests.append(url)
        dest.write_bytes(self.handler(url))


@dataclass(frozen=True)
class RemoteFile:
    url: str
    filename: str
    sha256: str | None  # None: unknown in advance; pinned in the cache manifest on first download
    citation: str


def ged_file(version: str) -> RemoteFile:
    compact = version.replace(".", "")
    return RemoteFile(
        url=f"https://ucdp.uu.se/downloads/ged/ged{compact}-csv.zip",
        filename=f"ged{compact}-csv.zip",
        sha256=None,
        citation="Sundberg & Melander (2013), JPR 50(4); Davies, Pettersson & Öberg (2022), "
        "JPR 59(4). UCDP GED, CC BY 4.0.",
    )


def geoboundaries_meta(iso3: str, level: str) -> RemoteFile:
    adm = level.upper()
    return RemoteFile(
        url=f"https://www.geoboundaries.org/api/current/gbOpen/{iso3.upper()}/{adm}/",
        filename=f"geoboundaries-{iso3.upper()}-{adm}.json",
        sha256=None,
        citation="Runfola et al. (2020), geoBoundaries, PLOS ONE 15(4). Public domain.",
    )


class Fetcher:
    """Downloads into `cache`, verifying a known sha256 or pinning the one first seen."""

    def __init__(self, cache: Path, transport: Transport | None = None) -> None:
        self.cache = Path(cache)
        self.transport = transport or HttpTransport()
        self.manifest_path = self.cache / "manifest.json"

    def _manifest(self) -> dict[str, str]:
        if self.manifest_path.is_file():
            return dict(json.loads(self.manifest_path.read_text()))
        return {}

    def get(self, remote: RemoteFile) -> Path:
        self.cache.mkdir(parents=True, exist_ok=True)
        manifest = self._manifest()
        known = remote.sha256 or manifest.get(remote.filename)

        def download(url: str, output_file: str, _pooch: object) -> None:
            self.transport.fetch(url, Path(output_file))

        try:
            path = Path(
                pooch.retrieve(
                    remote.url,
                    known_hash=f"sha256:{known}" if known else None,
                    fname=remote.filename,
                    path=self.cache,
                    downloader=download,
                    progressbar=False,
                )
            )
        except ValueError as exc:  # pooch's checksum mismatch
            raise FetchError(remote.url, f"checksum mismatch: {exc}") from None
        if not known:
            manifest[remote.filename] = sha256_of(path)
            self.manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True))
        return path

    def ucdp_ged(self, version: str = "25.1", country: str | None = None) -> Path:
        """The GED CSV (zipped as published); with `country` (ISO3), a per-country CSV extract."""
        archive = self.get(ged_file(version))
        if not country:
            return archive
        country = country.upper()
        out = self.cache / f"ged{version.replace('.', '')}_{country.lower()}.csv"
        if out.is_file():
            return out
        extract_country(archive, country, out)
        return out

    def geoboundaries(self, iso3: str, level: str) -> Path:
        meta_path = self.get(geoboundaries_meta(iso3, level))
        try:
            meta = json.loads(meta_path.read_text())
            url = meta.get("simplifiedGeometryGeoJSON") or meta["gjDownloadURL"]
        except (json.JSONDecodeError, KeyError, AttributeError):
            raise FetchError(str(meta_path), "geoBoundaries answer without a GeoJSON URL") from None
        name = f"geoBoundaries-{iso3.upper()}-{level.upper()}.geojson"
        return self.get(RemoteFile(url=url, filename=name, sha256=None, citation=""))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_country(archive: Path, iso3: str, out: Path) -> int:
    """Stream the rows of one country out of a GED zip (or CSV) into `out`; returns rows kept."""
    kept = 0
    partial = out.with_suffix(".partial")
    with _open_text(archive) as text, partial.open("w", newline="", encoding="utf-8") as dest:
        reader = csv.DictReader(text)
        writer = csv.DictWriter(dest, fieldnames=list(reader.fieldnames or []))
        writer.writeheader()
        for row in reader:
            code = (row.get("iso3") or "").upper() or iso3_from_name(row.get("country", ""))
            if code == iso3:
                writer.writerow(row)
                kept += 1
    partial.replace(out)
    return kept


def _open_text(path: Path) -> io.TextIOWrapper:
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
        if len(members) != 1:
            raise FetchError(str(path), f"expected one CSV in the zip, found {members}")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", newline="")
    return path.open("r", encoding="utf-8", newline="")
