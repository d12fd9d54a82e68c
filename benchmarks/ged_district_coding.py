"""How often GED's point lies in another district polygon than the district UCDP codes.

    python benchmarks/ged_district_coding.py

For every GED event with where_prec <= 3 whose point lies in a district polygon of the shared
boundaries (data_dir()/geo/pak_adm2.geojson), compares the polygon's district with the one
UCDP's `adm_2` column names (resolved through the gazetteer, so "Orakzai agency" and "FR Kohat"
count as their districts). Prints the counts (same / another district within 11 km of the
point / farther / `adm_2` not a district name) and the commonest pairs.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_eval import ADM2_SUFFIX  # noqa: E402

from signalfire import settings  # noqa: E402
from signalfire.extract.gazetteer import load_gazetteer  # noqa: E402

NEAR_DEG = 0.1  # ~11 km


def main() -> None:
    from shapely import STRtree
    from shapely.geometry import Point, shape

    data = settings.data_dir()
    gazetteer = load_gazetteer()
    features = json.loads((data / "geo" / "pak_adm2.geojson").read_text())["features"]
    polygons = [shape(f["geometry"]) for f in features]
    ids = [f["properties"]["gb_shapeID"] for f in features]
    polygon_of = dict(zip(ids, polygons, strict=True))
    tree = STRtree(polygons)
    tally: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    with (data / "ucdp" / "ged221_pak_1989-2019.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["where_prec"]) > 3 or not row["adm_2"]:
                continue
            point = Point(float(row["longitude"]), float(row["latitude"]))
            hits = tree.query(point, predicate="within")
            if len(hits) == 0:
                continue
            held = ids[int(hits[0])]
            name = ADM2_SUFFIX.sub("", row["adm_2"].strip())
            coded = {
                p.adm2 for p in gazetteer.lookup(name) if p.level == "adm2" and p.iso3 == "PAK"
            }
            if not coded:
                tally["adm_2 not a district name"] += 1
            elif held in coded:
                tally["same district"] += 1
            elif min(polygon_of[c].distance(point) for c in coded) <= NEAR_DEG:
                tally["another district, coded one within 11 km"] += 1
                pairs[(name, gazetteer.adm2_names[held])] += 1
            else:
                tally["another district, farther"] += 1
    total = sum(tally.values())
    print(f"{total} GED events (where_prec <= 3) inside a district polygon")
    for what, n in tally.most_common():
        print(f"  {what}: {n} ({n / total:.1%})")
    print("commonest (UCDP's adm_2, polygon holding the point):")
    for (coded_name, held_name), n in pairs.most_common(8):
        print(f"  {coded_name} -> {held_name}: {n}")


if __name__ == "__main__":
    main()
