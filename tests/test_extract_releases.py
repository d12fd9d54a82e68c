"""One record holding several press releases: each release is extracted on its own."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from signalfire.extract import Document, Extractor
from signalfire.extract.releases import release_parts

FIRST = (
    "Afghan Force Detains Two Suspects in Ghazni\n"
    "ISAF Joint Command - Afghanistan\u20282011-05-S-101\u2028For Immediate Release\u2028\u2028"
    "KABUL, Afghanistan (May 9, 2011) - An Afghan and coalition security force detained two "
    "suspected insurgents in Andar district, Ghazni province, yesterday. The security force "
    "protected the women and children of the compound throughout the search.\n\n"
)
UPDATE = (
    "---\n\nUPDATE: Coalition Confirms Detentions in Khost\n"
    "ISAF Joint Command - Afghanistan\u20282011-05-S-117\u2028For Immediate Release\u2028\u2028"
    "KABUL, Afghanistan (May 14, 2011) - The International Security Assistance Force "
    "confirmed that a security force detained three more suspected insurgents in Khost "
    "province yesterday.\n"
)


def test_an_appended_release_starts_at_its_header_block() -> None:
    text = FIRST + UPDATE
    assert release_parts(text) == [(0, len(FIRST)), (len(FIRST), len(text))]


def test_a_release_with_one_header_is_one_part() -> None:
    assert release_parts(FIRST) == [(0, len(FIRST))]


def test_a_release_number_cited_in_the_text_starts_nothing() -> None:
    text = FIRST + "This is an update to IJC News Release #2011-05-S-090.\n" + "x. " * 80
    assert release_parts(text) == [(0, len(text))]


def test_a_release_without_a_dateline_is_still_a_release() -> None:
    later = (
        "----\n\nSenior Taliban Commander Captured in Kandahar\n"
        "ISAF Joint Command - Afghanistan\u20282011-05-S-120 \u2028For Immediate Release\n\n"
        "This operation followed yesterday's capture of a Taliban logistics officer. Two other "
        "suspected insurgents were also detained in that operation.\n"
    )
    assert release_parts(FIRST + later)[1][0] == len(FIRST)


@given(st.text(alphabet="ab .\n-#For Immediate Release2011-05-S-1", max_size=400))
def test_parts_cover_the_text_in_order(text: str) -> None:
    parts = release_parts(text)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(parts))


def test_each_release_is_extracted_on_its_own(extractor: Extractor) -> None:
    text = FIRST + UPDATE
    events = extractor.extract(Document("r1", text, dt.date(2011, 5, 14)))
    by_start = sorted(events, key=lambda e: min(x.start for x in e.evidence))
    assert [e.arrested for e in by_start] == [2, 3]
    # each release's "yesterday" counts from its own dateline
    assert [e.date for e in by_start] == [dt.date(2011, 5, 8), dt.date(2011, 5, 13)]
    assert [e.adm1 for e in by_start] == ["AF-GHA", "AF-KHO"]
    # evidence offsets index the whole record, in either release
    for e in events:
        for x in e.evidence:
            assert text[x.start : x.end] == x.text
    assert all(x.start >= len(FIRST) for x in by_start[1].evidence)


def test_an_update_label_is_no_dateline(extractor: Extractor) -> None:
    text = UPDATE[UPDATE.index("UPDATE") :]
    (event,) = extractor.extract(Document("r2", text, dt.date(2011, 5, 20)))
    assert event.date == dt.date(2011, 5, 13)  # "yesterday" from the dateline's May 14
