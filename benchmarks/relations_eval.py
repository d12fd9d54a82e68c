"""Precision and recall of relation extraction on the hand-written sentence set.

    python benchmarks/relations_eval.py --split test
    python benchmarks/relations_eval.py --split dev --errors

The set (`benchmarks/data/relation_sentences.jsonl`) was written, and each item assigned to
`dev` or `test`, before any rule was written; rules are tuned on `dev` only. A relation counts
as found when subject, relation, object (and the third party of `mediates`) and negation match;
symmetric relations match in either order. `claims` objects are event descriptions: only the
subject is compared. Names in the gold set resolve through the actor table, as the extractor's
do; a gold relation whose two sides resolve to the same actor (the table merges them) cannot be
stated and is counted apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from signalfire.graph.model import SYMMETRIC, resolve_actor
from signalfire.graph.text import CONFIDENCE, RelationExtractor, TextRelation

SENTENCES = Path(__file__).parent / "data" / "relation_sentences.jsonl"


def _id(name: str | None) -> str | None:
    if name is None:
        return None
    if name.startswith("target:") or name == "event":
        return name
    return resolve_actor(name).actor_id


def _key(subject: str, relation: str, obj: str, third: str | None, negated: bool) -> tuple:
    if relation == "claims":
        obj = "event"
    if relation in SYMMETRIC:
        subject, obj = sorted((subject, obj))
    if relation == "mediates" and third is not None:
        obj, third = sorted((obj, third))
    return (subject, relation, obj, third, negated)


def gold_keys(item: dict[str, Any]) -> tuple[dict[tuple, dict[str, Any]], int]:
    keys: dict[tuple, dict[str, Any]] = {}
    collapsed = 0
    for g in item["relations"]:
        subject, obj = _id(g["subject"]), _id(g["object"])
        assert subject is not None and obj is not None
        if subject == obj:
            collapsed += 1
            continue
        third = _id(g.get("third"))
        keys[_key(subject, g["relation"], obj, third, bool(g.get("negated")))] = g
    return keys, collapsed


def found_keys(found: list[TextRelation]) -> dict[tuple, TextRelation]:
    return {
        _key(
            r.subject.id,
            r.relation,
            "event" if r.relation == "claims" else r.object.id,
            r.third.id if r.third else None,
            r.negated,
        ): r
        for r in found
    }


def evaluate(split: str, show_errors: bool) -> dict[str, Any]:
    items = [json.loads(line) for line in SENTENCES.read_text().splitlines() if line.strip()]
    items = [i for i in items if split == "all" or i["split"] == split]
    started = time.perf_counter()
    extractor = RelationExtractor()
    loaded = time.perf_counter() - started
    tp = fp = fn = collapsed = 0
    hedge_ok = hedge_total = date_ok = date_total = 0
    errors: list[str] = []
    started = time.perf_counter()
    for item in items:
        gold, lost = gold_keys(item)
        collapsed += lost
        found = found_keys(extractor.extract(item["text"], item["id"]))
        for key, relation in found.items():
            if key in gold:
                tp += 1
                g = gold[key]
                hedge_total += 1
                hedge_ok += bool(g.get("hedged")) == (relation.confidence < CONFIDENCE)
                for part, value in (("start", relation.start), ("end", relation.end)):
                    if g.get(part):
                        date_total += 1
                        date_ok += g[part] == value
            else:
                fp += 1
                errors.append(f"{item['id']} FALSE POSITIVE {key}: {item['text']}")
        for key in gold:
            if key not in found:
                fn += 1
                errors.append(f"{item['id']} MISSED {key}: {item['text']}")
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    result = {
        "split": split,
        "sentences": len(items),
        "gold_relations": tp + fn,
        "gold_collapsed_by_actor_table": collapsed,
        "found": tp + fp,
        "true_positives": tp,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if tp else 0.0,
        "hedge_agreement": f"{hedge_ok}/{hedge_total}",
        "dates_exact": f"{date_ok}/{date_total}",
        "model_load_s": round(loaded, 2),
        "ms_per_sentence": round(1000 * elapsed / max(len(items), 1), 1),
    }
    if show_errors:
        for line in errors:
            print(line, file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="test")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.split, args.errors), indent=2))


if __name__ == "__main__":
    main()
