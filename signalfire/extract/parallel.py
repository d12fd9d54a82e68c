"""Extraction on several processes (`signalfire extract --jobs N`).

Each worker process loads its own extractor once and takes whole batches of `batch_size`
documents, the same batches one process would make, so the events are the same and come back
in the input's order. Workers are spawned, not forked: nothing of the parent (open stores,
threads) is copied into them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from .model import Document, ExtractedEvent

Result = list[tuple[Document, list[ExtractedEvent]]]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def _extract_batch(batch: list[Document]) -> Result:
    from .pipeline import default_extractor  # loaded once per worker (cached)

    return list(default_extractor().extract_many(batch, batch_size=len(batch)))


def extract_parallel(
    documents: Iterable[Document], jobs: int, batch_size: int = 64
) -> Iterator[tuple[Document, list[ExtractedEvent]]]:
    """(document, events) for every document, in order, extracted by `jobs` processes."""
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, got {jobs}")
    if jobs == 1:
        from .pipeline import default_extractor

        yield from default_extractor().extract_many(documents, batch_size=batch_size)
        return
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for result in pool.imap(_extract_batch, _batches(documents, batch_size)):
            yield from result
