"""Loading boundaries after text events were stored locates them again without relabelling
the ones that name no place."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import load_boundaries

import signalfire
from signalfire.extract.store import ingest_text


def test_boundaries_loaded_later_keep_text_events_unlocated_or_placed(
    store: signalfire.Store, shared_data: Path, tmp_path: Path
) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        "\n".join(
            json.dumps({"id": i, "published": "2014-06-10", "text": t})
            for i, t in [
                ("nowhere", "A bomb killed five people on Tuesday."),
                ("bannu", "A roadside bomb killed five soldiers in Bannu on Monday."),
                ("province", "Militants killed three policemen in Balochistan province."),
            ]
        )
    )
    ingest_text(store, articles)
    before = store.query("SELECT source_event_id, adm1_id, location_method FROM events")
    load_boundaries(store, shared_data)
    after = store.query("SELECT source_event_id, adm1_id, adm2_id, location_method FROM events")
    methods = dict(zip(after["source_event_id"], after["location_method"], strict=True))
    assert methods == {"nowhere": "unlocated", "bannu": "within", "province": "province-only"}
    adm1 = dict(zip(after["source_event_id"], after["adm1_id"], strict=True))
    assert adm1["bannu"] == "PK-KP" and adm1["province"] == "PK-BA"
    assert len(before) == len(after) == 3
