"""The ingest's bounded-memory parts: the in-file duplicate index and the Parquet spill."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from broken import sample_rows, write_csv
from hypothesis import given
from hypothesis import strategies as st

import signalfire
from signalfire.errors import FormatError

ingest_module = __import__("signalfire.ingest", fromlist=["_SeenKeys"])
_SeenKeys = ingest_module._SeenKeys
_key_digest = ingest_module._key_digest


def _spills(store: signalfire.Store) -> list[Path]:
    return sorted(Path(store.path).parent.glob("signalfire-ingest-*"))


@given(
    batches=st.lists(
        st.lists(st.text(alphabet="abc123", min_size=1, max_size=3), max_size=12), max_size=6
    )
)
def test_seen_keys_gives_the_first_row_of_every_key_seen_in_earlier_batches(
    batches: list[list[str]],
) -> None:
    seen = _SeenKeys()
    reference: dict[str, int] = {}
    row = 0
    for batch in batches:
        rows = np.arange(row, row + len(batch), dtype=np.int64)
        row += len(batch)
        digest = _key_digest(pd.DataFrame({"event_id": batch}))
        found = seen.first_rows(digest)
        assert found.tolist() == [reference.get(key, -1) for key in batch]
        # As the ingest does: a key goes in once, at its first row in the file.
        first_here: dict[str, int] = {}
        for key, at in zip(batch, rows.tolist(), strict=True):
            first_here.setdefault(key, at)
        new = [
            i for i, key in enumerate(batch) if key not in reference and first_here[key] == rows[i]
        ]
        seen.add(digest[new], rows[new])
        for i in new:
            reference[batch[i]] = int(rows[i])


def test_duplicates_across_batches_name_the_first_row(
    store: signalfire.Store, tmp_path: Path
) -> None:
    rows = sample_rows(400)
    rows[390]["id"] = rows[3]["id"]  # far apart: different batches at 16 kB
    rows[391]["id"] = rows[390]["id"]
    path = write_csv(tmp_path / "dups.csv", rows)
    report = signalfire.ingest(store, "ucdp-ged", path, batch_bytes=16 << 10)
    assert (report.rows_read, report.rows_stored, report.rows_quarantined) == (400, 398, 2)
    reasons = store.quarantine().sort_values("row_number")[["row_number", "reason"]]
    assert reasons["row_number"].tolist() == [391, 392]
    assert reasons["reason"].str.endswith("(first at row 4)").all(), reasons["reason"].tolist()
    assert _spills(store) == []


def test_spill_files_are_removed_when_a_file_fails(store: signalfire.Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "late.csv", sample_rows(300))

    def fail_late(rows_so_far: int) -> None:
        if rows_so_far >= 200:
            raise FormatError(path, "UCDP GED", hint="simulated failure in a late chunk")

    with pytest.raises(FormatError):
        signalfire.ingest(store, "ucdp-ged", path, batch_bytes=16 << 10, on_chunk=fail_late)
    assert store.counts()["events"] == 0
    assert _spills(store) == []
