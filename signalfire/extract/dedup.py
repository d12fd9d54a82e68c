"""One event, many reports: merge text-derived events and match them to dataset events.

Two extracted events are the same event when all of these agree:
  * dates within `window_days` (default 2: reports trail the event by a day or two);
  * place: same province, and same district when both know one (an unknown side agrees);
  * type: the same, or both in the same family (bombings; fighting; detentions);
and, as evidence that they describe the same incident rather than two alike, one of:
  * a mass-casualty attack (`ONE_OFF`: a bombing, an attack on civilians) of the same type, or
    a bombing of either kind, in the same district or named place on the same day, whatever
    the tolls (they rise while reports update: "at least 5 killed", then "the toll rose to 23");
  * a suicide bombing (`RARE`) on the same day in the same province with tolls within 20%,
    when one report names only the province;
  * deaths within 20% or 2 of each other when both report a figure, and either near-duplicate
    texts (MinHash Jaccard of word 3-shingles >= `text_threshold`, default 0.3) or a shared
    district or named place at most a day apart with both tolls reported and within 20%.
Targeted killings, clashes, abductions, airstrikes, operations and arrests are not `ONE_OFF`: a
city such as Karachi (one district) sees several a day, forces run several operations in one
district on one day (ISPR's releases tell each apart), drones strike one agency day after day.
Attacks of different families are one event only when one complex attack is told as a bombing
in one report and a clash in another: one district, one day, tolls of 3 or more within 20%.
A group never holds reports of two districts (single linkage through a report that names only
the province would chain two bombings of one province).

Merged events keep the most confident report as their base, the actors of every report (one
role each, the strongest: a claim in one article and a bare mention in another make a claimed
perpetrator), the largest death and injury figures of any report (tolls rise as reports
update), and every report's doc_id in `sources`; what the base lacks (a date, a district or
province) comes from the most confident report that has it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from typing import Any

from .model import ExtractedEvent
from .roles import merge_roles

FAMILIES = {
    "suicide_bombing": "bombing",
    "ied_bombing": "bombing",
    # a pipeline "blown up" in one report is "attacked" in another
    "property_attack": "bombing",
    "airstrike": "strike",
    "cross_border_shelling": "strike",
    "armed_clash": "fighting",
    "security_operation": "fighting",
    "attack_on_civilians": "fighting",
    "targeted_killing": "fighting",
    "arrest": "detention",
    "abduction": "detention",
}
NUM_PERM = 64
# Mass-casualty attacks that a district rarely sees twice of one type on one day: reports of
# one in one district or named place on one day are one attack, whatever their tolls (a
# bombing may be a suicide attack in one report, an IED in another).
ONE_OFF = frozenset(["suicide_bombing", "ied_bombing", "attack_on_civilians"])
_BOMBINGS = frozenset(["suicide_bombing", "ied_bombing"])
# ... of which a province rarely sees two on one day: a report naming only the province is the
# same as one naming the district when their tolls agree.
RARE = frozenset(["suicide_bombing"])
# The types one complex attack is told as.
_COMPLEX = frozenset(["suicide_bombing", "ied_bombing", "armed_clash", "attack_on_civilians"])


def _shingles(text: str, n: int = 3) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def minhash(text: str) -> Any:
    from datasketch import MinHash

    # The permutations depend only on (NUM_PERM, seed): made once, not per text (that took
    # most of the time of a signature).
    permutations, scheme = _permutations()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=permutations, scheme=scheme)
    m.update_batch([s.encode("utf-8") for s in _shingles(text)])
    return m


@cache
def _permutations() -> Any:
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=1)
    return template.permutations, template.scheme


def _agree_count(a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= max(2, 0.2 * max(a, b))


def same_event(
    a: ExtractedEvent,
    b: ExtractedEvent,
    similarity: float,
    window_days: int = 2,
    text_threshold: float = 0.3,
) -> bool:
    if a.date and b.date and abs((a.date - b.date).days) > window_days:
        return False
    if a.adm1 and b.adm1 and a.adm1 != b.adm1:
        return False
    if a.adm2 and b.adm2 and a.adm2 != b.adm2:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    same_day = a.date is not None and a.date == b.date
    shared_place = bool(a.adm2 and a.adm2 == b.adm2) or bool(
        a.place and b.place and a.place.lower() == b.place.lower()
    )
    kinds = {a.event_type, b.event_type}
    if FAMILIES.get(a.event_type, a.event_type) != FAMILIES.get(b.event_type, b.event_type):
        # One complex attack typed two ways ("gunmen and suicide bombers stormed ...": a
        # bombing in one report, a clash in another): one district, one day, one toll.
        return (
            kinds <= _COMPLEX
            and bool(a.adm2 and a.adm2 == b.adm2)
            and same_day
            and min(a.deaths or 0, b.deaths or 0) >= 3
            and _agree_toll(a.deaths, b.deaths)
        )
    if same_day and kinds <= ONE_OFF and (len(kinds) == 1 or kinds == _BOMBINGS):
        if shared_place:
            return True  # one attack, its toll told as it rose
        if (
            kinds <= RARE
            and a.adm1 is not None
            and a.adm1 == b.adm1
            and (a.adm2 is None or b.adm2 is None)
            and _agree_toll(a.deaths, b.deaths)
        ):
            return True  # a report that names only the province
    if not _agree_count(a.deaths, b.deaths):
        return False
    if similarity >= text_threshold:
        return True
    # A shared place with tolls of both reports within 20% (a margin of 2 made any two small
    # tolls agree: two killings in Quetta, one district, a day apart) and at most a day apart.
    return (
        shared_place
        and a.deaths is not None
        and b.deaths is not None
        and _agree_toll(a.deaths, b.deaths)
        and a.date is not None
        and b.date is not None
        and abs((a.date - b.date).days) <= 1
    )


def _agree_toll(a: int | None, b: int | None) -> bool:
    """Tolls within 20% of each other (either unknown agrees): stricter than `_agree_count`,
    whose margin of 2 lets any two small tolls agree."""
    return a is None or b is None or abs(a - b) <= 0.2 * max(a, b)


def group_events(
    events: list[ExtractedEvent], window_days: int = 2, text_threshold: float = 0.3
) -> list[list[int]]:
    """Indices of `events` grouped into one list per event (single link: a report joins a
    group when it is the same event as any report in it); order: by date, then first
    appearance."""
    hashes = [minhash(e.text or "") for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # (the districts of each group, by its root: two districts never join)
    districts = [{e.adm2} if e.adm2 else set() for e in events]
    order = sorted(range(len(events)), key=lambda i: events[i].date or dt.date.min)
    for pos, i in enumerate(order):
        for j in order[pos + 1 :]:
            di, dj = events[i].date, events[j].date
            if di and dj and (dj - di).days > window_days:
                break
            if events[i].doc_id == events[j].doc_id:
                continue  # one article's events were already told apart by the pipeline
            ri, rj = find(i), find(j)
            if ri == rj or (districts[ri] and districts[rj] and districts[ri] != districts[rj]):
                continue
            sim = hashes[i].jaccard(hashes[j])
            if same_event(events[i], events[j], sim, window_days, text_threshold):
                parent[rj] = ri
                districts[ri] |= districts[rj]
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def base_report(reports: list[ExtractedEvent]) -> int:
    """Index of the report a merged event is built on: the most confident, then located."""
    return max(
        range(len(reports)),
        key=lambda i: (reports[i].confidence, reports[i].location_precision is not None),
    )


def combine(reports: list[ExtractedEvent]) -> ExtractedEvent:
    """One event from its reports (a copy of the base report with every report's actors,
    sources and the largest tolls). A base without a date or province takes them from the
    most confident report that has one, so that merging never loses what a report knew."""
    base = reports[base_report(reports)]
    deaths = [e.deaths for e in reports if e.deaths is not None]
    injured = [e.injured for e in reports if e.injured is not None]
    # A high toll (a range's top) is the largest figure of any report once one gives a range:
    # never below the (largest) best.
    tops = [e.deaths if e.deaths_high is None else e.deaths_high for e in reports]
    highs = [h for h in tops if h is not None]
    ranged = any(e.deaths_high is not None for e in reports)
    sources: list[str] = []
    for e in reports:
        for s in e.sources or [e.doc_id]:
            if s not in sources:
                sources.append(s)
    merged = replace(
        base,
        actors=merge_roles([a for e in reports for a in e.actors]),
        deaths=max(deaths) if deaths else None,
        deaths_high=max(highs) if ranged and highs else None,
        injured=max(injured) if injured else None,
        sources=sources,
        confidence=round(min(0.95, base.confidence + 0.05 * (len(reports) - 1)), 2),
    )
    if merged.date is None:
        dated = [e for e in reports if e.date is not None]
        if dated:
            best = max(dated, key=lambda e: e.confidence)
            merged = replace(merged, date=best.date, date_precision=best.date_precision)
    for level in ("adm2", "adm1", "country"):
        if getattr(merged, level) is not None:
            break
        placed = [e for e in reports if getattr(e, level) is not None]
        if placed:
            best = max(placed, key=lambda e: e.confidence)
            merged = replace(merged, **{k: getattr(best, k) for k in _PLACE_FIELDS})
            break
    return merged


_PLACE_FIELDS = ("country", "adm1", "adm2", "place", "lat", "lon", "location_precision")


def merge_events(
    events: list[ExtractedEvent], window_days: int = 2, text_threshold: float = 0.3
) -> list[ExtractedEvent]:
    """Events with duplicates merged; order: by date, then first appearance."""
    return [
        combine([events[i] for i in group])
        for group in group_events(events, window_days, text_threshold)
    ]
