"""The actor table: armed groups, state forces and communities, with their spelling variants.

The table is a versioned TOML file (`signalfire/data/actors.toml` by default). Every actor has a
stable lowercase id; text, datasets (UCDP GED's side_a/side_b) and users' spellings all resolve to
it:

>>> table = ActorTable.load()
>>> table.resolve("Tehreek-e-Taliban Pakistan").actor_id
'ttp'
>>> table.resolve("Islamic State Khorasan Province").actor_id
'isis_k'

Resolution order (`ActorTable.resolve`):
1. exact alias after normalisation: lower case, diacritics dropped, every run of punctuation or
   space made one space ("Al-Qa'ida" == "al qa ida");
2. loose alias: the normalised name without Urdu/Arabic connectors (-e-, -i-, ul, ud, al...) and
   with doubled vowels folded ("Tehreek-e-Taliban" == "Tehrik-i-Taliban"), used only when the
   loose form belongs to exactly one actor;
3. dataset forms (`ActorTable.dataset_forms`), each looked up as in 1 and 2:
   - ACLED's state forces, dated by regime and sometimes followed by a unit: "Military Forces of
     Pakistan (2018-)", "Police Forces of India (2014-) Border Security Force", "Military Forces
     of the United States" -> the table's state force of that country (whatever the years);
   - a trailing year range: "Government of Afghanistan (2021-)" -> "Government of Afghanistan";
   - a trailing country: ACLED's "Islamic State (Afghanistan)" -> "Islamic State";
   - a trailing acronym: GTD's "Baloch Republican Army (BRA)" -> "Baloch Republican Army",
     used only when the acronym is unknown or names the same actor;
   - ACLED's acronym prefix: "TTP: Tehreek-i-Taliban Pakistan" -> "Tehreek-i-Taliban Pakistan",
     with the same check on the acronym;
4. fuzzy: rapidfuzz `fuzz.ratio` on the normalised name (and on its dataset forms) against every
   normalised alias, accepted at or above `FUZZY_THRESHOLD` (90 of 100) and only for names of at
   least `FUZZY_MIN_LENGTH` (6) characters, because short acronyms one letter apart are
   different groups (BLA vs BLF).

A bare country name ("India", "Qatar") may be an alias of that country's state: it resolves, but
`ActorTable.patterns` leaves it out, as in prose a country name is mostly a place.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
from rapidfuzz import fuzz, process

from .errors import EmptyFileError, FormatError, InputError, NotFoundError

ACTOR_KINDS = ("state_force", "rebel_group", "terrorist_group", "militia", "civilians", "other")

# rapidfuzz fuzz.ratio score (0-100) a name needs to match an alias it does not equal.
FUZZY_THRESHOLD = 90.0
# Names shorter than this (normalised) never match fuzzily: acronyms differ by one letter.
FUZZY_MIN_LENGTH = 6

NEW_ACTOR_PREFIX = "new_"
# Perpetrators nobody named. Text events store these placeholder ids (extract.roles) where a
# text says only "militants"; like ACLED's "Unidentified Armed Group (...)" and GTD's
# "Unknown", they are not in the table and count for no group (graph, new-actor alerts).
UNIDENTIFIED = "unidentified_armed_group"
UNIDENTIFIED_BALOCH = "unidentified_baloch_group"
UNIDENTIFIED_NAMES = {
    UNIDENTIFIED: "Unidentified armed group",
    UNIDENTIFIED_BALOCH: "Unidentified Baloch armed group",
}
UNNAMED_PREFIXES = ("unknown", "unidentified")

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Connectors of transliterated Urdu, Pashto, Dari and Arabic names, spelled many ways.
_CONNECTORS = frozenset({"e", "i", "ul", "ud", "ut", "al", "el", "ai", "yi", "y", "the", "of"})
_VOWEL_FOLDS = (("ee", "i"), ("oo", "u"), ("aa", "a"), ("ou", "u"))

# ACLED names a state's forces by regime: "Military Forces of Pakistan (2018-)", sometimes with
# a unit after the years ("Police Forces of India (2014-) Border Security Force").
_STATE_FORCES = re.compile(
    r"^(?:military|police|armed|security|naval|air|border|government) forces? of (?:the )?"
    r"(?P<country>[^()]+?)(?:\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)(?:\s+\S.*)?)?$",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"^\d{4}\s*-\s*(?:\d{4})?$")
# "Name (qualifier)" with the qualifier last; "ACR: Name" (ACLED's acronym prefix).
_TRAILING = re.compile(r"^(?P<head>.*?\S)\s*\((?P<inner>[^()]+)\)$")
_PREFIXED = re.compile(r"^(?P<acronym>[^\s:]{2,12}):\s*(?P<rest>\S.*)$")
# English short names pycountry does not give (its name for TUR is "Türkiye").
_COUNTRY_EXTRA = {
    "turkey": "TUR",
    "russia": "RUS",
    "north korea": "PRK",
    "south korea": "KOR",
    "vietnam": "VNM",
    "palestine": "PSE",
    "ivory coast": "CIV",
    "burma": "MMR",
    "usa": "USA",
    "uk": "GBR",
}


def normalize_name(name: str) -> str:
    """Lower case, no diacritics, every run of non-alphanumerics one space, trimmed."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", ascii_only.lower()).strip()


def loose_name(name: str) -> str:
    """`normalize_name` without connector words and with doubled vowels folded."""
    words = [w for w in normalize_name(name).split() if w not in _CONNECTORS]
    text = "".join(words)
    for a, b in _VOWEL_FOLDS:
        text = text.replace(a, b)
    return text


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[normalize_name(value)] = str(country.alpha_3)
    names.update(_COUNTRY_EXTRA)
    return names


def country_iso3(name: str) -> str:
    """ISO3 of a name that is exactly a country's name ("the United States", "Türkiye"), or ""."""
    key = normalize_name(name)
    return _country_names().get(key.removeprefix("the "), "")


def slugify(name: str, max_length: int = 40) -> str:
    """A lowercase id slug from free text ("Lashkar-e-Foo" -> "lashkar_e_foo")."""
    slug = normalize_name(name).replace(" ", "_")[:max_length].strip("_")
    if slug and not slug[0].isalpha():
        slug = "x" + slug
    return slug


# Transliteration particles that join the words of a name by a hyphen or a space at will
# ("Hizb-i Islami", "Hizb i Islami", "Hizb-i-Islami").
_PARTICLES = frozenset({"e", "i", "ul", "ud", "ut", "ur", "us", "al", "el", "ai", "yi", "y", "o"})
_SEPARATOR = re.compile(r"(?<=\w)[- ](?=\w)")
# Up to this many separators every combination is generated; beyond, only the uniform ones.
MAX_SEPARATOR_COMBINATIONS = 4


def separator_variants(alias: str) -> list[str]:
    """The alias with each hyphen between two words, and each space beside a particle, written
    either way (the alias itself first): text matchers see "Tehrik-i-Taliban" and "Tehrik i
    Taliban" as different token sequences, though `normalize_name` makes them one."""
    spots = []
    for m in _SEPARATOR.finditer(alias):
        before = alias[: m.start()].rsplit(None, 1)[-1].rsplit("-", 1)[-1].lower()
        after = re.split(r"[- ]", alias[m.end() :], maxsplit=1)[0].lower()
        if m.group() == "-" or before in _PARTICLES or after in _PARTICLES:
            spots.append(m.start())
    if not spots:
        return [alias]
    if len(spots) <= MAX_SEPARATOR_COMBINATIONS:
        choices = list(itertools.product("- ", repeat=len(spots)))
    else:
        choices = [tuple("-" * len(spots)), tuple(" " * len(spots))]
    out = [alias]
    for choice in choices:
        chars = list(alias)
        for at, sep in zip(spots, choice, strict=True):
            chars[at] = sep
        variant = "".join(chars)
        if variant not in out:
            out.append(variant)
    return out


def is_acronym(alias: str) -> bool:
    """Short, spaceless, two or more capitals (IS, TTP, LeJ, IS-K): matched case-sensitively."""
    return " " not in alias and len(alias) <= 7 and sum(c.isupper() for c in alias) >= 2


@dataclass(frozen=True)
class Actor:
    """One armed group, state force or community; `aliases` includes every known spelling."""

    actor_id: str
    name: str
    kind: str
    country: str
    aliases: tuple[str, ...]
    parent: str = ""
    # The day the group became the government of `country` ("" if never): from then on its
    # forces are that country's state forces, as UCDP and ACLED code them (the Taliban from
    # 2021-08-15 are "Government of Afghanistan" / "Military Forces of Afghanistan (2021-)").
    governs_from: str = ""

    def __post_init__(self) -> None:
        if not _ID.match(self.actor_id):
            raise ValueError(
                f"actor_id {self.actor_id!r}: expected a lowercase slug [a-z][a-z0-9_]*"
            )
        if self.kind not in ACTOR_KINDS:
            raise ValueError(f"actor {self.actor_id}: kind {self.kind!r}, expected {ACTOR_KINDS}")
        if self.country and not _ISO3.match(self.country):
            raise ValueError(
                f"actor {self.actor_id}: country {self.country!r}: expected ISO3 or ''"
            )
        if not self.name.strip():
            raise ValueError(f"actor {self.actor_id}: empty name")
        if self.parent and not _ID.match(self.parent):
            raise ValueError(f"actor {self.actor_id}: parent {self.parent!r} is not an actor id")
        if not isinstance(self.aliases, tuple):
            object.__setattr__(self, "aliases", tuple(self.aliases))
        if self.governs_from:
            try:
                dt.date.fromisoformat(self.governs_from)
            except ValueError:
                raise ValueError(
                    f"actor {self.actor_id}: governs_from {self.governs_from!r}: expected "
                    "a date YYYY-MM-DD"
                ) from None
            if not self.country:
                raise ValueError(f"actor {self.actor_id}: governs_from needs a country")

    @property
    def is_new(self) -> bool:
        """True for actors created from an unknown name (`ActorTable.resolve_or_new`)."""
        return self.actor_id.startswith(NEW_ACTOR_PREFIX)


def _packaged_path() -> Path:
    return Path(str(resources.files("signalfire") / "data" / "actors.toml"))


def _initials(name: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO" (connecting words left out)."""
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _CONNECTORS).upper()


class ActorTable:
    """All actors of one table version, with alias lookup (exact, loose, fuzzy)."""

    def __init__(self, actors: list[Actor], version: str, source: str = "") -> None:
        self.version = version
        self.source = source
        self._actors: dict[str, Actor] = {}
        self._exact: dict[str, str] = {}
        loose: dict[str, set[str]] = {}
        where = source or "actor table"
        for actor in actors:
            if actor.actor_id in self._actors:
                raise InputError(where, f"actor id {actor.actor_id!r} appears twice")
            self._actors[actor.actor_id] = actor
            for alias in (actor.name, *actor.aliases):
                key = normalize_name(alias)
                if not key:
                    continue
                owner = self._exact.get(key)
                if owner is not None and owner != actor.actor_id:
                    raise InputError(
                        where,
                        f"alias {alias!r} of {actor.actor_id!r} is already an alias of {owner!r}",
                    )
                self._exact[key] = actor.actor_id
                loose.setdefault(loose_name(alias), set()).add(actor.actor_id)
        for actor in actors:
            if actor.parent and actor.parent not in self._actors:
                raise InputError(
                    where, f"actor {actor.actor_id!r}: unknown parent {actor.parent!r}"
                )
        # A loose form shared by two actors is ambiguous: left to the fuzzy step.
        self._loose = {k: next(iter(v)) for k, v in loose.items() if k and len(v) == 1}
        self._fuzzy_keys = list(self._exact)
        # Each country's state force (the first in the table), for ACLED's dated state names.
        self._states: dict[str, str] = {}
        for actor in actors:
            if actor.kind == "state_force" and actor.country:
                self._states.setdefault(actor.country, actor.actor_id)
        for actor in actors:
            if actor.governs_from and actor.country not in self._states:
                raise InputError(
                    where,
                    f"actor {actor.actor_id!r} governs {actor.country} from "
                    f"{actor.governs_from}, but the table has no state force of {actor.country}",
                )

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorTable:
        """Read a table file; None reads the packaged default."""
        file = Path(path) if path is not None else _packaged_path()
        try:
            raw = file.read_bytes()
        except OSError as e:
            raise InputError(file, f"cannot read the actor table: {e.strerror or e}") from e
        if not raw.strip():
            raise EmptyFileError(file)
        try:
            doc = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise FormatError(file, "actor table (TOML)", hint=str(e)) from e
        version = doc.get("version")
        if not isinstance(version, str) or not version:
            raise InputError(file, 'expected a top-level version = "..." string')
        entries = doc.get("actor")
        if not isinstance(entries, list) or not entries:
            raise InputError(file, "expected one or more [[actor]] tables")
        actors = []
        for n, entry in enumerate(entries, start=1):
            try:
                aliases = entry.get("aliases", [])
                if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                    raise ValueError("aliases must be a list of strings")
                actors.append(
                    Actor(
                        actor_id=str(entry["id"]),
                        name=str(entry["name"]),
                        kind=str(entry["kind"]),
                        country=str(entry.get("country", "")),
                        aliases=tuple(aliases),
                        parent=str(entry.get("parent", "")),
                        governs_from=str(entry.get("governs_from", "")),
                    )
                )
            except KeyError as e:
                raise InputError(file, f"actor #{n}: missing field {e.args[0]!r}") from e
            except ValueError as e:
                raise InputError(file, f"actor #{n}: {e}") from e
        return cls(actors, version, source=str(file))

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor:
        try:
            return self._actors[actor_id]
        except KeyError:
            raise NotFoundError(
                f"actor {actor_id!r} is not in the actor table (version {self.version})"
            ) from None

    def on(self, actor_id: str, day: dt.date | None) -> str:
        """The actor an event on `day` involves: a group that governs its country by then
        acts as that country's state forces; anything else (and an undated event) as itself."""
        actor = self._actors.get(actor_id)
        if actor is None or not actor.governs_from or day is None:
            return actor_id
        if day >= dt.date.fromisoformat(actor.governs_from):
            return self._states[actor.country]
        return actor_id

    def _lookup(self, name: str) -> str | None:
        """Exact, then loose alias match: an actor id or None."""
        key = normalize_name(name)
        if not key:
            return None
        hit = self._exact.get(key)
        return hit if hit is not None else self._loose.get(loose_name(name))

    def state_of(self, name: str) -> Actor | None:
        """The state force for an ACLED state name ("Military Forces of Pakistan (2018-)")."""
        match = _STATE_FORCES.match(" ".join(name.split()))
        if match is None:
            return None
        state = self._states.get(country_iso3(match.group("country")))
        return self._actors[state] if state is not None else None

    def dataset_forms(self, name: str) -> list[str]:
        """The shorter names a dataset's spelling stands for (module docstring, step 3).

        "Baloch Republican Army (BRA)" -> ["Baloch Republican Army"]; a qualifier that is not
        a year range, a country or a consistent acronym gives nothing.
        """
        forms: list[str] = []
        text = " ".join(name.split())
        for _ in range(3):  # "TTP: Name (Pakistan) (2018-)" peels one layer at a time
            trailing = _TRAILING.match(text)
            prefixed = _PREFIXED.match(text)
            if trailing is not None:
                head, qualifier = trailing.group("head"), trailing.group("inner").strip()
                plain = bool(_YEAR_RANGE.match(qualifier) or country_iso3(qualifier))
            elif prefixed is not None:
                head, qualifier = prefixed.group("rest"), prefixed.group("acronym")
                plain = False
            else:
                break
            if not plain:
                # An acronym must not name another actor than the rest does.
                if not (is_acronym(qualifier) or (qualifier.isupper() and qualifier.isalpha())):
                    break
                said = self._lookup(qualifier)
                meant = self._lookup(head) or next(
                    (h for h in map(self._lookup, self.dataset_forms(head)) if h), None
                )
                if said is not None and meant is not None and said != meant:
                    break
            forms.append(head)
            text = head
        return forms

    def resolve(self, name: str, *, fuzzy: bool = True) -> Actor | None:
        """The actor a name refers to, or None (see the module docstring for the order)."""
        key = normalize_name(name)
        if not key:
            return None
        hit = self._lookup(name)
        forms: list[str] = []
        if hit is None:
            state = self.state_of(name)
            if state is not None:
                return state
            forms = self.dataset_forms(name)
            hit = next((h for h in map(self._lookup, forms) if h is not None), None)
        if hit is None and fuzzy:
            for candidate in (key, *map(normalize_name, forms)):
                if len(candidate) < FUZZY_MIN_LENGTH:
                    continue
                best = process.extractOne(
                    candidate, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
                )
                if best is not None:
                    hit = self._exact[best[0]]
                    break
        if hit is None:
            # "NATO: North Atlantic Treaty Organization": a known acronym before a name the
            # table lacks, when the name spells out just that acronym (so not "MQM: Muttahida
            # Qaumi Movement-Haqiqi", a splinter, nor "LeJ: Lashkar-e-Jhangvi Al-Alami").
            prefixed = _PREFIXED.match(" ".join(name.split()))
            if prefixed is not None and is_acronym(prefixed.group("acronym")):
                acronym = prefixed.group("acronym")
                if _initials(prefixed.group("rest")) == acronym.upper():
                    hit = self._lookup(acronym)
        return self._actors[hit] if hit is not None else None

    def resolve_or_new(self, name: str) -> Actor:
        """`resolve`, else a new actor (kind "other", id "new_<slug>") so no group is dropped."""
        found = self.resolve(name)
        if found is not None:
            return found
        slug = slugify(name) or "unnamed"
        return Actor(
            actor_id=NEW_ACTOR_PREFIX + slug,
            name=" ".join(name.split()) or "unnamed",
            kind="other",
            country="",
            aliases=(name,),
        )

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns, label "ACTOR", "id" = actor_id.

        Phrase (string) patterns are meant for a ruler with `phrase_matcher_attr="LOWER"`
        (case-insensitive); acronyms come as token patterns on ORTH so they stay case-sensitive.
        Aliases that are a bare country name are left out.
        """
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for actor in self:
            for alias in (actor.name, *actor.aliases):
                if country_iso3(alias):
                    continue  # "India" in prose is mostly the place (module docstring)
                if is_acronym(alias):
                    tokens = [t for t in re.split(r"(-|')", alias) if t]
                    key = ("ORTH", alias)
                    pattern: Any = [{"ORTH": t} for t in tokens]
                else:
                    for variant in separator_variants(alias):
                        key = ("LOWER", variant.lower())
                        if key not in seen:
                            seen.add(key)
                            out.append({"label": "ACTOR", "pattern": variant, "id": actor.actor_id})
                    continue
                if key in seen:
                    continue
                seen.add(key)
                out.append({"label": "ACTOR", "pattern": pattern, "id": actor.actor_id})
        return out
