"""Start-up: `import signalfire` and the CLI's assembly load no heavy library (PEP 562 lazy
names in the package, imports inside the commands), and every public name still resolves."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

import signalfire

HEAVY = ("spacy", "lightgbm", "matplotlib", "weasyprint", "fastapi")


def _modules_after(code: str) -> set[str]:
    """The modules loaded by `code` in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import signalfire",
        "import signalfire.cli",
        # Assembling the group and rendering the top-level help, as `signalfire --help` does.
        "from click.testing import CliRunner\n"
        "from signalfire.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0",
    ],
)
def test_startup_loads_no_heavy_library(code: str) -> None:
    loaded = _modules_after(code)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, f"{code!r} imported {heavy[:10]}"


def test_cli_help_loads_no_data_library() -> None:
    # Stricter than the brief's list: the help needs neither pandas nor DuckDB.
    loaded = _modules_after("import signalfire.cli")
    assert not {"pandas", "numpy", "duckdb"} & loaded


def test_a_public_name_loads_only_what_it_needs() -> None:
    loaded = _modules_after("import signalfire\nsignalfire.Month\nsignalfire.ConfigError")
    assert not {"pandas", "duckdb", *HEAVY} & loaded


def test_every_public_name_resolves() -> None:
    assert signalfire.__all__ == sorted(signalfire.__all__)
    for name in signalfire.__all__:
        assert getattr(signalfire, name) is not None, name
    assert set(signalfire.__all__) <= set(dir(signalfire))
    assert signalfire.render_brief.__name__ == "render"
    with pytest.raises(AttributeError, match="no_such_name"):
        signalfire.no_such_name  # noqa: B018


def test_submodule_of_the_same_name_does_not_hide_the_function() -> None:
    # `signalfire.ingest` is both a submodule and the public function.
    code = (
        "import signalfire.ingest, signalfire\n"
        "print(callable(signalfire.ingest) and signalfire.ingest.__module__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "signalfire.ingest"
    assert not isinstance(signalfire.ingest, types.ModuleType)
    from signalfire.ingest import DEFAULT_BOUNDARIES  # the submodule is still importable

    assert DEFAULT_BOUNDARIES


def test_lazy_choices_still_check_values() -> None:
    from click.testing import CliRunner

    from signalfire.cli import cli

    result = CliRunner().invoke(cli, ["ingest", "no-such-format", "x.csv"])
    assert result.exit_code == 2
    assert "ucdp-ged" in result.output
    result = CliRunner().invoke(cli, ["events", "--format", "xml"])
    assert result.exit_code == 2
    assert "geojson" in result.output
