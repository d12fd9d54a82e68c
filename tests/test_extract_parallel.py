"""`signalfire extract --jobs N`: the same events, in the same order, from N processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run

from signalfire.extract.parallel import extract_parallel

TEXTS = [
    "A roadside bomb killed five soldiers in Bannu on Monday. The TTP claimed responsibility.",
    "Police arrested three suspects in Quetta.",
    "The cabinet met in Islamabad to discuss the budget.",
    "Militants killed two policemen in Peshawar on Sunday.",
    "Coalition forces detained two insurgents in Kandahar province.",
    "Indian shelling killed a woman along the Line of Control.",
    "An airstrike killed 12 militants in North Waziristan.",
]


def test_two_processes_give_what_one_gives(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": f"d{n}", "text": t, "published": "2014-06-10"})
            for n, t in enumerate(TEXTS)
        ),
        encoding="utf-8",
    )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        code, _, err = run(
            ["extract", str(src), "--out", str(out), "--jobs", jobs, "--batch-size", "2"], capsys
        )
        assert code == 0, err
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    doc_ids = [json.loads(line)["doc_id"] for line in outputs[0].splitlines()]
    assert doc_ids == sorted(doc_ids) and len(doc_ids) >= 5  # input order kept


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs must be 1 or more, got 0"):
        list(extract_parallel([], 0))
