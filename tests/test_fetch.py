"""Downloads go through the Transport seam: no test touches the network."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

import signalfire
from signalfire.fetch import Fetcher, RemoteFile, extract_country


def _ged_zip(rows: list[tuple[str, str]]) -> bytes:
    text = "id,country,best\n" + "".join(f"{i},{c},1\n" for i, c in rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("GEDEvent_v25_1.csv", text)
    return buffer.getvalue()


def test_download_is_cached_and_its_checksum_pinned(tmp_path: Path) -> None:
    payload = _ged_zip([("1", "Pakistan")])
    transport = signalfire.MockTransport(lambda url: payload)
    fetcher = Fetcher(tmp_path, transport)
    first = fetcher.ucdp_ged("25.1")
    assert first.read_bytes() == payload
    assert transport.requests == ["https://ucdp.uu.se/downloads/ged/ged251-csv.zip"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest == {"ged251-csv.zip": hashlib.sha256(payload).hexdigest()}
    assert fetcher.ucdp_ged("25.1") == first
    assert len(transport.requests) == 1  # served from the cache


def test_a_changed_file_fails_the_pinned_checksum(tmp_path: Path) -> None:
    Fetcher(tmp_path, signalfire.MockTransport(lambda url: b"first")).get(
        RemoteFile("https://example.org/a.csv", "a.csv", None, "")
    )
    (tmp_path / "a.csv").unlink()
    with pytest.raises(signalfire.FetchError, match="checksum"):
        Fetcher(tmp_path, signalfire.MockTransport(lambda url: b"second")).get(
            RemoteFile("https://example.org/a.csv", "a.csv", None, "")
        )


def test_known_checksum_is_enforced(tmp_path: Path) -> None:
    remote = RemoteFile("https://example.org/b.csv", "b.csv", "0" * 64, "")
    with pytest.raises(signalfire.FetchError, match="checksum"):
        Fetcher(tmp_path, signalfire.MockTransport(lambda url: b"data")).get(remote)


def test_country_extract_streams_one_country(tmp_path: Path) -> None:
    archive = tmp_path / "ged.zip"
    archive.write_bytes(_ged_zip([("1", "Pakistan"), ("2", "Afghanistan"), ("3", "Pakistan")]))
    kept = extract_country(archive, "PAK", tmp_path / "pak.csv")
    assert kept == 2
    lines = (tmp_path / "pak.csv").read_text().splitlines()
    assert lines == ["id,country,best", "1,Pakistan,1", "3,Pakistan,1"]


def test_local_folder_stands_in_for_the_network(tmp_path: Path) -> None:
    folder = tmp_path / "mirror"
    folder.mkdir()
    (folder / "ged251-csv.zip").write_bytes(_ged_zip([("1", "Pakistan"), ("2", "India")]))
    fetcher = Fetcher(tmp_path / "cache", signalfire.LocalDirTransport(folder))
    path = fetcher.ucdp_ged("25.1", country="PAK")
    assert path.name == "ged251_pak.csv"
    assert path.read_text().count("\n") == 2


def test_missing_local_copy_says_which_file(tmp_path: Path) -> None:
    fetcher = Fetcher(tmp_path / "cache", signalfire.LocalDirTransport(tmp_path))
    with pytest.raises(signalfire.FetchError, match=r"ged241-csv\.zip"):
        fetcher.ucdp_ged("24.1")


def test_geoboundaries_follows_the_api_answer(tmp_path: Path) -> None:
    geojson = json.dumps({"type": "FeatureCollection", "features": []}).encode()

    def serve(url: str) -> bytes:
        if url.endswith("/PAK/ADM2/"):
            return json.dumps(
                {"simplifiedGeometryGeoJSON": "https://files.example/pak2.geojson"}
            ).encode()
        assert url == "https://files.example/pak2.geojson"
        return geojson

    transport = signalfire.MockTransport(serve)
    path = Fetcher(tmp_path, transport).geoboundaries("pak", "adm2")
    assert path.read_bytes() == geojson
    assert len(transport.requests) == 2
