"""The command line: every command's help, outputs, exit codes and the one error renderer."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import click
import pandas as pd
import pytest
from test_ingest_small import write_ged

import signalfire
from signalfire.cli import cli, main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, [*prefix, name])
        else:
            found.append([*prefix, name])
    return found


@pytest.mark.parametrize("path", _commands(cli, []), ids=lambda p: " ".join(p) or "signalfire")
def test_help_everywhere(path: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*path, "--help"], capsys)
    assert code == 0
    assert "Usage:" in out


def test_ingest_then_query_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.duckdb")
    ged = write_ged(tmp_path / "ged.csv", [{"id": "1"}, {"id": "2", "best": "-5"}, {"id": "3"}])
    code, out, _ = run(["ingest", "ucdp-ged", str(ged), "--db", db], capsys)
    assert code == 0
    assert "read 3" in out and "stored 2" in out and "quarantined 1" in out

    code, out, _ = run(["events", "--db", db, "--format", "csv"], capsys)
    frame = pd.read_csv(io.StringIO(out))
    assert frame["event_id"].tolist() == ["ucdp-ged:1", "ucdp-ged:3"]
    assert frame["date_start"].tolist() == ["2019-05-01", "2019-05-01"]

    code, out, _ = run(["events", "--db", db, "--format", "jsonl", "--actor", "ttp"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["source_event_id"] for r in lines] == ["1", "3"]
    assert lines[0]["quality_flags"] == []

    code, out, _ = run(["events", "--db", db, "--format", "geojson"], capsys)
    collection = json.loads(out)
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [71.5, 34.0]}

    target = tmp_path / "e.parquet"
    code, _, _ = run(["events", "--db", db, "--format", "parquet", "--out", str(target)], capsys)
    assert code == 0 and len(pd.read_parquet(target)) == 2

    code, out, _ = run(["events", "--db", db], capsys)
    assert code == 0 and "2 events" in out

    code, out, _ = run(["quarantine", "--db", db, "--format", "csv"], capsys)
    bad = pd.read_csv(io.StringIO(out))
    assert bad["row_number"].tolist() == [2]
    assert "negative deaths" in bad["reason"].iloc[0]
    assert json.loads(bad["raw_row"].iloc[0])["best"] == "-5"

    code, out, _ = run(["sources", "--db", db, "--format", "jsonl"], capsys)
    assert json.loads(out)["rows_quarantined"] == 1

    code, out, _ = run(["ingest", "ucdp-ged", str(ged), "--db", db], capsys)
    assert "already ingested" in out


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["ingest", "ucdp-ged", "{tmp}/absent.csv"], 3, "no such file"),
        (["ingest", "ucdp-country-month", "{ged}"], 3, "missing columns"),
        (["events", "--since", "last week"], 2, "since"),
        (["events", "--country", "pak,xx"], 2, "alpha-3"),
        (["events", "--format", "parquet"], 2, "--out"),
        (["data", "fetch", "ucdp-ged", "--from", "{tmp}", "--version", "1.0"], 5, "ged10-csv.zip"),
        (["ingest", "nonsense", "x.csv"], 2, "nonsense"),
    ],
)
def test_errors_have_clear_messages_and_exit_codes(
    argv: list[str], code: int, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ged = write_ged(tmp_path / "ged.csv", [{"id": "1"}])
    db = str(tmp_path / "s.duckdb")
    run(["ingest", "ucdp-ged", str(ged), "--db", db], capsys)
    argv = [a.format(tmp=tmp_path, ged=ged) for a in argv]
    if argv[0] in ("ingest", "events"):
        argv += ["--db", db]
    got, out, err = run(argv, capsys)
    assert got == code, out + err
    assert words in err
    assert "Traceback" not in err


def test_query_on_a_missing_store_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["events", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert code == 4
    assert "no store here" in err


def test_db_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIGNALFIRE_DB", str(tmp_path / "env.duckdb"))
    ged = write_ged(tmp_path / "ged.csv", [{"id": "1"}])
    assert run(["ingest", "ucdp-ged", str(ged)], capsys)[0] == 0
    assert (tmp_path / "env.duckdb").is_file()


def test_settings_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["settings"], capsys)
    assert code == 0
    for name in ("db", "data_dir", "cache_dir", "snap_km"):
        assert name in out


def test_fetch_from_a_local_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    with zipfile.ZipFile(mirror / "ged251-csv.zip", "w") as archive:
        archive.writestr("ged.csv", "id,country\n1,Pakistan\n2,Chad\n")
    code, out, _ = run(
        [
            "data",
            "fetch",
            "ucdp-ged",
            "--country",
            "PAK",
            "--from",
            str(mirror),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        capsys,
    )
    assert code == 0
    assert Path(out.strip()).read_text().splitlines() == ["id,country", "1,Pakistan"]


def test_regions_and_demo_on_the_shared_data(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.duckdb")
    out_dir = tmp_path / "demo-output"
    code, out, err = run(
        [
            "demo",
            "--db",
            db,
            "--data-dir",
            str(shared_data),
            "--out-dir",
            str(out_dir),
            "--backtest-origins",
            "2",
        ],
        capsys,
    )
    assert code == 0, err
    assert "read 6,082" in out and "stored 6,082" in out
    assert "Deadliest districts" in out and "TTP" in out
    assert "Highest expected fatalities next month" in out
    forecast = pd.read_csv(out_dir / "forecast_adm2_fatalities.csv")
    assert forecast["month"].min() == "2020-01"
    assert len(forecast) == 126 * 6
    assert (out_dir / "backtest" / "report.html").is_file()
    brief = (out_dir / "brief-2019-12.html").read_text(encoding="utf-8")
    assert "December 2019" in brief
    with signalfire.open(db, read_only=True) as store:
        relations = store.query("SELECT count(*) AS n FROM relations")["n"][0]
        alerts = store.query("SELECT count(*) AS n FROM alerts")["n"][0]
    assert f"actor graph: {relations:,} relations" in out and relations > 0
    assert f"alerts open at the end of 2019-12: {alerts}" in out
    code, out, _ = run(
        ["regions", "--db", db, "--level", "adm1", "--iso3", "PAK", "--format", "csv"], capsys
    )
    provinces = pd.read_csv(io.StringIO(out))
    assert sorted(provinces["region_id"]) == [
        "PK-BA",
        "PK-GB",
        "PK-IS",
        "PK-JK",
        "PK-KP",
        "PK-PB",
        "PK-SD",
    ]
    code, out, _ = run(
        ["regions", "--db", db, "--level", "adm1", "--iso3", "PAK", "--format", "geojson"], capsys
    )
    assert json.loads(out)["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # The demo is repeatable: a second run adds nothing.
    code, out, _ = run(
        ["demo", "--db", db, "--data-dir", str(shared_data), "--no-forecast"], capsys
    )
    assert code == 0 and "already ingested" in out


def test_regions_load(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "r.duckdb")
    code, out, _ = run(
        [
            "regions",
            "load",
            str(shared_data / "geo" / "afg_adm1.geojson"),
            "--level",
            "adm1",
            "--db",
            db,
        ],
        capsys,
    )
    assert code == 0 and "34 adm1 regions loaded" in out
