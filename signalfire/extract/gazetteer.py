"""The place gazetteer for geoparsing: provinces, districts and populated places of Afghanistan
and Pakistan, each tied to its province (ISO 3166-2) and district (geoBoundaries gb_shapeID).

Built from the reference data folder (`settings.data_dir()`, the same one ingest uses), never
copied into the repository:
  geo/afg_adm1.geojson, geo/pak_adm1_derived.geojson  provinces (names, ISO codes, polygons)
  geo/afg_adm2.geojson, geo/pak_adm2.geojson          districts (names, gb_shapeID, province)
  geo/iso3166_2_af_pk.csv                             official province names
  geo/geonames_places_af_pk.csv                       places with alternate names; each is put
                                                      in the district whose polygon holds it
plus the packaged curated variant table `signalfire/data/place_variants.csv` (transliterations,
old names such as NWFP, ex-FATA agencies, news conventions such as "northwest Pakistan").
Its columns: variant, iso3, level (adm1|adm2), target (ISO 3166-2 code or district name), lat
and lon (optional: a district-level variant with a point of its own, such as a Kabul
neighbourhood, becomes a place at that point, which must lie in the district), note.
"""

from __future__ import annotations

import csv
import hashlib
import json
import pickle
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import InputError, SchemaError
from .place_spellings import separator_variants, word_variants

LEVELS = ("adm1", "adm2", "place")
ISO2_TO_3 = {"AF": "AFG", "PK": "PAK"}

# Country words: they set the document's focus but are not event locations.
COUNTRY_WORDS = {
    "Pakistan": "PAK",
    "Pakistani": "PAK",
    "Pakistanis": "PAK",
    "Pak": "PAK",
    "Islamabad's": "PAK",
    "Afghanistan": "AFG",
    "Afghan": "AFG",
    "Afghans": "AFG",
    "India": "IND",
    "Indian": "IND",
    "Iran": "IRN",
    # Iran's province across the border from Balochistan (its "Baluchestan" is not PK-BA)
    "Sistan-Baluchestan": "IRN",
    "Sistan and Baluchestan": "IRN",
    "Sistan-Baluchistan": "IRN",
    "Sistan and Baluchistan": "IRN",
    "Sistan-o-Baluchestan": "IRN",
    "Iranian": "IRN",
}

# Names of months and weekdays are dates in English prose, even where a village bears one
# ("March", Badakhshan, placed "killed on March 30" there).
_CALENDAR_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"]
)  # fmt: skip
# GeoNames alternate names that are English words, common personal names or army ranks
# ("Naik", "Sepoy": ISPR names its soldiers by rank): never places.
_STOP_NAMES = frozenset(
    [
        "abdul",
        "about",
        "after",
        "ahmad",
        "ahmed",
        "akbar",
        "ali",
        "also",
        "amin",
        "amir",
        "army",
        "attack",
        "aziz",
        "bashir",
        "batty",
        "bazar",
        "bust",
        "camp",
        "central",
        "chamber",
        "city",
        "colony",
        "district",
        "east",
        "first",
        "football",
        "fora",
        "gala",
        "general",
        "gul",
        "hafiz",
        "haji",
        "hassan",
        "havildar",
        "hawaldar",
        "hospital",
        "hussain",
        "ibis",
        "imran",
        "island",
        "jail",
        "karim",
        "khan",
        "killed",
        "lance",
        "major",
        "malik",
        "mall",
        "market",
        "marsh",
        "meshed",
        "mian",
        "model",
        "mohammad",
        "muhammad",
        "mullah",
        "naik",
        "nawab",
        "nawaz",
        "new",
        "noor",
        "north",
        "nur",
        "office",
        "police",
        "post",
        "province",
        "punch",
        "qazi",
        "rahim",
        "raja",
        "road",
        "said",
        "sardar",
        "sector",
        "sepoy",
        "shah",
        "sipahi",
        "south",
        "station",
        "street",
        "subedar",
        "sultan",
        "titan",
        "town",
        "village",
        "west",
    ]
)


def fold(text: str) -> str:
    """Diacritics dropped (Bāmyān -> Bamyan), whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def key(text: str) -> str:
    """The lookup key of a name: folded, lower case, punctuation as spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text).lower()).split())


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    level: str  # adm1 | adm2 | place
    iso3: str
    adm1: str  # ISO 3166-2
    adm2: str  # gb_shapeID, "" for provinces
    lat: float
    lon: float
    population: int = 0


@dataclass
class Gazetteer:
    """Names (surface forms) to candidate places, plus region display names."""

    by_key: dict[str, list[Place]]
    surfaces: dict[str, str]  # surface form as it appears in text -> key
    adm1_names: dict[str, str]
    adm2_names: dict[str, str]
    adm2_parent: dict[str, str]

    def lookup(self, name: str) -> list[Place]:
        return self.by_key.get(key(name), [])

    @cached_property
    def only_district(self) -> dict[str, str]:
        """Province (ISO 3166-2) -> its district, for the provinces that have one district
        (Islamabad; Azad Kashmir in geoBoundaries). Computed on first use, not pickled before."""
        districts: dict[str, list[str]] = {}
        for adm2, adm1 in self.adm2_parent.items():
            districts.setdefault(adm1, []).append(adm2)
        return {adm1: ids[0] for adm1, ids in districts.items() if len(ids) == 1}


def _rep_point(geometry: dict[str, object]) -> tuple[float, float]:
    from shapely.geometry import shape

    point = shape(geometry).representative_point()
    return point.y, point.x


def _read_json(path: Path) -> dict[str, object]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(path, f"cannot read as GeoJSON: {e}") from e


def default_geo_dir() -> Path:
    root = settings.data_dir()
    if root is None or not (root / "geo").is_dir():
        raise InputError(
            "data_dir",
            "no reference geo/ folder found: set SIGNALFIRE_DATA_DIR to the folder holding geo/ "
            "(boundaries, iso3166_2_af_pk.csv, geonames_places_af_pk.csv)",
        )
    return root / "geo"


def _variants_path() -> Path:
    return Path(str(resources.files("signalfire") / "data" / "place_variants.csv"))


_INPUTS = (
    "afg_adm1.geojson", "pak_adm1_derived.geojson", "afg_adm2.geojson", "pak_adm2.geojson",
    "iso3166_2_af_pk.csv", "geonames_places_af_pk.csv",
)  # fmt: skip
_CACHE_FORMAT = "9"
_MIXED_CASE_END = re.compile(r"[a-z][A-Z]+$")


# How far outside a district's polygon a town named like it may lie and still be put in it (~11 km).
_NAMESAKE_REACH_DEG = 0.1


def _into_named_districts(entries: dict[str, list[Place]], polygons: dict[str, Any]) -> None:
    """Put each town in the district its name stands for (the district's own name or a curated
    variant of it) when the district's polygon lies within a few km, rather than in the polygon
    holding its point. The district polygons are coarse at their edges: Hangu, Bannu and
    Jacobabad, each its district's seat, and Jamrud in Khyber fall just inside a neighbour
    (Orakzai, North Waziristan, Jafarabad, Peshawar). A farther namesake is another town
    (Sahiwal in Sargodha) and stays where it lies."""
    from shapely.geometry import Point

    moved: dict[Place, Place] = {}
    for k, bucket in entries.items():
        districts = [p for p in bucket if p.level == "adm2"]
        if not districts:
            continue
        for town in bucket:
            if town.level != "place" or town in moved or key(town.name) != k:
                continue
            same = [d for d in districts if d.iso3 == town.iso3]
            if not same or any(d.adm2 == town.adm2 for d in same):
                continue
            point = Point(town.lon, town.lat)
            near = [(polygons[d.adm2].distance(point), d) for d in same]
            near = [pair for pair in near if pair[0] <= _NAMESAKE_REACH_DEG]
            if near:
                district = min(near, key=lambda pair: pair[0])[1]
                moved[town] = replace(town, adm1=district.adm1, adm2=district.adm2)
    for k, bucket in entries.items():
        if any(p in moved for p in bucket):
            entries[k] = [moved.get(p, p) for p in bucket]


@lru_cache(maxsize=4)
def load_gazetteer(geo_dir: Path | None = None, variants: Path | None = None) -> Gazetteer:
    """The gazetteer of a geo folder: built once, then read from a pickle in the cache folder
    (keyed by the inputs' names, sizes and modification times)."""
    geo = geo_dir or default_geo_dir()
    variants_path = variants or _variants_path()
    signature = hashlib.sha256(_CACHE_FORMAT.encode())
    for path in (*(geo / n for n in _INPUTS), variants_path):
        if path.is_file():
            st = path.stat()
            signature.update(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    cache_file: Path | None = None
    try:
        cache_file = settings.cache_dir() / f"gazetteer-{signature.hexdigest()[:16]}.pickle"
        if cache_file.is_file():
            cached = pickle.loads(cache_file.read_bytes())
            if isinstance(cached, Gazetteer):
                return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass  # an unreadable cache is rebuilt
    built = build_gazetteer(geo, variants_path)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = cache_file.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(cache_file)
        except OSError:
            pass  # read-only cache: rebuild next time
    return built


def _variant_point(
    row: dict[str, str], district: Place, n: int, path: Path, tree: Any, districts: list[Place]
) -> Place:
    """A variant with its own point (a Kabul neighbourhood): a place of its own inside the
    district, so that the event is mapped there rather than at the district's centre. The point
    must lie in that district's polygon."""
    from shapely.geometry import Point

    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        got = f"{row.get('lat')!r}, {row.get('lon')!r}"
        raise SchemaError(path, n, "lat/lon", "both as decimal degrees", got) from None
    hits = [] if tree is None else tree.query(Point(lon, lat), predicate="within")
    holder = districts[int(hits[0])] if len(hits) else None
    if holder is None or holder.adm2 != district.adm2:
        where = holder.name if holder else "no district"
        raise SchemaError(
            path, n, "lat/lon", f"a point inside {district.name}", f"{lat}, {lon} (in {where})"
        )
    return replace(district, name=fold(row["variant"]), level="place", lat=lat, lon=lon)


def build_gazetteer(geo: Path, variants_path: Path) -> Gazetteer:
    """Build the gazetteer from the reference geo folder and the variant table."""
    from shapely import STRtree
    from shapely.geometry import Point, shape

    entries: dict[str, list[Place]] = {}
    surfaces: dict[str, str] = {}
    adm1_names: dict[str, str] = {}
    adm2_names: dict[str, str] = {}
    adm2_parent: dict[str, str] = {}
    adm1_point: dict[str, tuple[float, float]] = {}
    adm2_by_name: dict[tuple[str, str], list[Place]] = {}

    def add(surface: str, place: Place) -> None:
        surface = fold(surface)
        k = key(surface)
        if not k or k in _CALENDAR_WORDS:
            return
        bucket = entries.setdefault(k, [])
        if place not in bucket:
            bucket.append(place)
        surfaces.setdefault(surface, k)
        if _MIXED_CASE_END.search(surface):
            # spaCy keeps a full stop on a token ending in a capital after a lower-case letter
            # ("near LoC." is one token "LoC."), so the phrase ruler needs that form too.
            surfaces.setdefault(surface + ".", k)

    for fname in ("afg_adm1.geojson", "pak_adm1_derived.geojson"):
        path = geo / fname
        if not path.is_file():
            continue
        for feat in _read_json(path)["features"]:  # type: ignore[attr-defined]
            p = feat["properties"]
            lat, lon = _rep_point(feat["geometry"])
            code = p["adm1_iso"]
            adm1_names[code] = p["adm1_name"]
            adm1_point[code] = (lat, lon)
            add(p["adm1_name"], Place(p["adm1_name"], "adm1", p["iso3"], code, "", lat, lon))
    iso_csv = geo / "iso3166_2_af_pk.csv"
    if iso_csv.is_file():
        with iso_csv.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                code = row["code"]
                if code in adm1_point:
                    lat, lon = adm1_point[code]
                    adm1_names[code] = fold(row["name"])
                    iso3 = ISO2_TO_3.get(row["country"], "")
                    add(row["name"], Place(fold(row["name"]), "adm1", iso3, code, "", lat, lon))

    polygons = []
    polygon_places = []
    for fname in ("afg_adm2.geojson", "pak_adm2.geojson"):
        path = geo / fname
        if not path.is_file():
            continue
        for feat in _read_json(path)["features"]:  # type: ignore[attr-defined]
            p = feat["properties"]
            name = " ".join(str(p["adm2_name"]).split())
            geom = shape(feat["geometry"])
            point = geom.representative_point()
            place = Place(name, "adm2", p["iso3"], p["adm1_iso"], p["gb_shapeID"], point.y, point.x)
            adm2_names[place.adm2] = name
            adm2_parent[place.adm2] = place.adm1
            adm2_by_name.setdefault((place.iso3, key(name)), []).append(place)
            # "Khost(Matun)" is met as "Khost Matun" or "Khost"; keep the bracket-free forms.
            add(name, place)
            bare = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
            if bare and bare != name:
                add(bare, place)
            polygons.append(geom)
            polygon_places.append(place)
    tree = STRtree(polygons) if polygons else None

    places_csv = geo / "geonames_places_af_pk.csv"
    if places_csv.is_file() and tree is not None:
        seen_ids: set[str] = set()
        with places_csv.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["geonameid"] in seen_ids:
                    continue  # the extract repeats places present in two GeoNames dumps
                seen_ids.add(row["geonameid"])
                lat, lon = float(row["lat"]), float(row["lon"])
                hits = tree.query(Point(lon, lat), predicate="within")
                if len(hits) == 0:
                    continue  # outside every district: cannot be tied to a region
                district = polygon_places[int(hits[0])]
                pop = int(float(row["population"])) if row["population"] else 0
                place = Place(
                    fold(row["name"]), "place", district.iso3, district.adm1, district.adm2,
                    lat, lon, pop,
                )  # fmt: skip
                names = {row["name"], *row["alternatenames"].split("|")}
                for alt in names:
                    alt = fold(alt)
                    if not _usable_alternate(alt):
                        continue
                    add(alt, place)

    curated: set[str] = set()
    with variants_path.open(encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            level, iso3, target = row["level"], row["iso3"], row["target"]
            if level == "adm1":
                if target not in adm1_point:
                    continue  # boundaries of that country not in this data folder
                lat, lon = adm1_point[target]
                place = Place(adm1_names[target], "adm1", iso3, target, "", lat, lon)
            elif level == "adm2":
                found = adm2_by_name.get((iso3, key(target)))
                if not found:
                    if any(p.iso3 == iso3 for ps in adm2_by_name.values() for p in ps):
                        raise InputError(
                            variants_path, f"row {n}: no {iso3} district named {target!r}"
                        )
                    continue
                place = found[0]
                if row.get("lat") or row.get("lon"):
                    place = _variant_point(row, place, n, variants_path, tree, polygon_places)
            else:
                raise InputError(variants_path, f"row {n}: level {level!r}, expected adm1|adm2")
            add(row["variant"], place)
            curated.add(fold(row["variant"]))
            # A variant overrides GeoNames homonyms of the same country at a finer level, e.g.
            # the village "Bajaur" vs the district: keep both but the variant's place first.
            bucket = entries[key(row["variant"])]
            bucket.remove(place)
            bucket.insert(0, place)
    _into_named_districts(
        entries, {p.adm2: g for p, g in zip(polygon_places, polygons, strict=True)}
    )
    _add_variants(entries, surfaces, curated)
    return Gazetteer(entries, surfaces, adm1_names, adm2_names, adm2_parent)


# Respelled words (`word_variants`) and connector swaps only for the main names of the places
# analysts locate events by (provinces, districts, towns of this population or more) and the
# curated variants: GeoNames' other alternate names are often other languages' forms
# ("Peszawar"). Other names of populated places (GeoNames gives a population) vary only their
# hyphens and spaces; names of villages without a population not at all. Each variant is a
# phrase pattern (~0.1 ms of model load): generating them for every village added ~1,600.
_RESPELL_MIN_POPULATION = 10_000


def _add_variants(
    entries: dict[str, list[Place]], surfaces: dict[str, str], curated: set[str]
) -> dict[str, int]:
    """Add the spelling variants of names (see `place_spellings`) that are no other place's name.
    A variant whose key is already the name of other places, or that names of different places
    would both give, is left out: the real place is kept and nothing is guessed. Returns counts
    (reported in BENCHMARKS.md): surfaces added (of them with a new key), left out as already
    known, as another place's name, as ambiguous, as unusable (an English word, lower case)."""
    counts = dict.fromkeys(("added", "new_key", "known", "other_place", "ambiguous", "unusable"), 0)
    proposed: dict[str, tuple[str, str]] = {}  # variant surface -> (its key, the source key)
    origins: dict[str, set[frozenset[Place]]] = {}  # variant key -> the places of its sources
    for surface, k in list(surfaces.items()):
        places = frozenset(entries[k])
        forms = {surface}
        main = len(surface.split()) <= 3 and (
            surface in curated
            or any(
                fold(p.name) == surface
                and (p.level != "place" or p.population >= _RESPELL_MIN_POPULATION)
                for p in places
            )
        )
        if main:
            # The name itself in every style; a respelled name's connectors are not joined
            # ("Kalainaw" is nobody's spelling).
            forms |= separator_variants(surface)
            for respelled in word_variants(surface):
                forms |= {respelled, *separator_variants(respelled, joined=False)}
        elif any(p.population > 0 for p in places):
            forms |= separator_variants(surface, main=False)  # hyphens and spaces only
        forms.discard(surface)
        for form in forms:
            vk = key(form)
            if form in surfaces:
                counts["known"] += 1
            elif not vk or not _usable_alternate(form):
                counts["unusable"] += 1
            elif vk in entries and frozenset(entries[vk]) != places:
                counts["other_place"] += 1
            else:
                proposed.setdefault(form, (vk, k))
                origins.setdefault(vk, set()).add(places)
    for form, (vk, k) in proposed.items():
        if len(origins[vk]) > 1:
            counts["ambiguous"] += 1
            continue
        if vk not in entries:
            entries[vk] = list(entries[k])
            counts["new_key"] += 1
        surfaces[form] = vk
        counts["added"] += 1
    return counts


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not an English word or a common personal name."""
    if len(name) < 4 or not name[0].isupper() or not name.isascii():
        return False
    if key(name) in _STOP_NAMES:
        return False
    return not any(ch.isdigit() for ch in name)
