"""Model load: patterns only the tests search with are compiled on demand, not at import; the
instruction benchmark counts both runs with the gazetteer read from its cache."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from signalfire.extract import event_types, generic_actors, roles
from signalfire.extract.textcase import on_demand

ROOT = Path(__file__).resolve().parent.parent

# (module, the name only the tests search with, its source, the scanner run instead)
ON_DEMAND = [
    (event_types, "_ALL", event_types._ALL_SOURCE, event_types._ALL_SCAN),
    (event_types, "VIOLENCE", event_types._VIOLENCE_SOURCE, event_types._VIOLENCE_SCAN),
    (
        generic_actors,
        "_GENERIC_WORDS",
        generic_actors._GENERIC_WORDS_SOURCE,
        generic_actors._GENERIC_SCAN,
    ),
    (roles, "_VIOLENT_VERB", roles._VIOLENT_VERB_SOURCE, roles._VIOLENT_VERB_SCAN),
]


def test_not_compiled_at_import() -> None:
    code = (
        "from signalfire.extract import event_types, generic_actors, roles\n"
        "print(sorted(n for m, n in [(event_types, '_ALL'), (event_types, 'VIOLENCE'),"
        " (generic_actors, '_GENERIC_WORDS'), (roles, '_VIOLENT_VERB')] if n in vars(m)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("module", "name", "source", "scanner"), ON_DEMAND)
def test_compiled_on_first_use(module, name, source, scanner) -> None:
    pattern = getattr(module, name)
    assert isinstance(pattern, re.Pattern)
    assert (pattern.pattern, pattern.flags) == (source, re.compile(source).flags)
    assert getattr(module, name) is pattern  # kept
    # the scan is the twin of the same pattern as before
    twin = event_types.char_before(pattern)
    assert (scanner.unicode.pattern, scanner.unicode.flags) == (twin.pattern, twin.flags)
    assert event_types.char_before(source).flags == twin.flags


def test_unknown_names_are_still_missing() -> None:
    for module in (event_types, generic_actors, roles):
        assert not hasattr(module, "_NO_SUCH_PATTERN")
    with pytest.raises(AttributeError, match="_NO_SUCH"):
        on_demand({"a": "x"}, {"__name__": "m"}, "_NO_SUCH")


def test_on_demand_keeps_the_pattern() -> None:
    namespace: dict[str, object] = {"__name__": "m"}
    pattern = on_demand({"word": r"\bword\b"}, namespace, "word")
    assert namespace["word"] is pattern and pattern.search("a word") is not None


def _benchmark(monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import extract_instructions
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    monkeypatch.setattr(extract_instructions.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(sys, "argv", ["extract_instructions.py"])
    return extract_instructions


def test_benchmark_fills_the_gazetteer_cache_first(monkeypatch, capsys) -> None:
    bench = _benchmark(monkeypatch)
    calls: list[str] = []
    import signalfire.extract.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda: calls.append("gazetteer"))

    def count(with_pass: bool) -> int:
        calls.append(f"count {with_pass}")
        return 1

    monkeypatch.setattr(bench, "count", count)
    bench.main()
    assert calls == ["gazetteer", "count False", "count True"]


def test_benchmark_hash_seed(monkeypatch) -> None:
    bench = _benchmark(monkeypatch)
    seen: list[str | None] = []

    def run(*args, env=None, **kwargs):
        seen.append((env or {}).get("PYTHONHASHSEED"))
        return SimpleNamespace(stderr="==1== Collected : 1,234")

    monkeypatch.setattr(bench.subprocess, "run", run)
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    assert bench.count(False) == 1234
    monkeypatch.setenv("PYTHONHASHSEED", "7")
    bench.count(False)
    assert seen == ["0", "7"]


def test_a_date_with_no_space_after_its_comma_needs_no_dateparser() -> None:
    # (a release's dateline "May 31,2011" had the distinct pass import dateparser: 1.2 G)
    code = (
        "import sys\n"
        "from signalfire.extract.dates import parse_absolute\n"
        "print(parse_absolute('May 31,2011', None), parse_absolute('31 May,2011', None),"
        " 'dateparser' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["2011-05-31", "2011-05-31", "False"]
