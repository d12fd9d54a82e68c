"""The figures the extraction evaluation sums per document, for the count test files."""

from __future__ import annotations

import datetime as dt

from signalfire.extract import Document, Extractor

# Datelines the count tests' wire, ISPR and Taliban-government wordings open with.
W = "PESHAWAR (Reuters) - "
Q = "QUETTA (Reuters) - "
K = "KABUL (AP) - "
T = "KABUL (Bakhtar) - "
P = "RAWALPINDI (ISPR) - "


def document_counts(
    extractor: Extractor, text: str, published: dt.date, *, abducted: bool = False
) -> tuple[int, ...]:
    """(arrested, deaths, injured[, abducted]) summed over the document's events."""
    events = extractor.extract(Document("t", text, published))
    fields = ("arrested", "deaths", "injured") + (("abducted",) if abducted else ())
    return tuple(sum(getattr(e, f) or 0 for e in events) for f in fields)
