"""`counted_events`: text events that report what a dataset already holds are not counted a
second time by panels, surges and reports, whichever was ingested first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import signalfire
from signalfire.extract.pipeline import Extractor
from signalfire.extract.store import ingest_text
from signalfire.ingest import ingest
from signalfire.panel import PanelSpec, build_panel

FIXTURE = Path(__file__).parent / "fixtures" / "acled" / "acled_pak_sample.csv"
ARTICLES = [
    # The ACLED fixture's first event (PAK80001: Miran Shah, North Waziristan, 2021-03-15).
    {"id": "dup", "published": "2021-03-16",
     "text": "Five militants were killed in a clash with security forces near Miran Shah, "
             "North Waziristan, on Monday."},
    {"id": "new", "published": "2021-03-16",
     "text": "A roadside bomb killed three soldiers in Quetta on Monday."},
]  # fmt: skip


def _files(tmp_path: Path) -> tuple[Path, Path]:
    acled = tmp_path / "acled.csv"
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    acled.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    text = tmp_path / "news.jsonl"
    text.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return acled, text


def _counted(store: signalfire.Store) -> list[tuple[str, str]]:
    rows = store.con.execute(
        "SELECT source, coalesce(source_event_id, '') FROM counted_events ORDER BY ALL"
    ).fetchall()
    return [(str(a), str(b)) for a, b in rows]


@pytest.mark.parametrize("text_first", [False, True])
def test_a_text_event_a_dataset_holds_is_counted_once(
    bounded_store: signalfire.Store, extractor: Extractor, tmp_path: Path, text_first: bool
) -> None:
    acled, text = _files(tmp_path)
    steps = [
        lambda: ingest(bounded_store, "acled", acled),
        lambda: ingest_text(bounded_store, text, extractor=extractor),
    ]
    for step in reversed(steps) if text_first else steps:
        step()
    all_events = bounded_store.query("SELECT source, adm1_id, adm2_id FROM events")
    assert sorted(all_events["source"]) == ["acled", "text", "text"]  # every row kept
    assert _counted(bounded_store) == [("acled", "PAK80001"), ("text", "new")]
    panel = build_panel(bounded_store, PanelSpec(level="adm1", target="events"))
    by_province = panel.values.sum(axis=0)
    assert by_province[by_province > 0].to_dict() == {"PK-KP": 1.0, "PK-BA": 1.0}
