"""Articles to events: the extraction pipeline.

    document -> rule pass (tokens, sentences, actor and place phrase matchers: see `nlp`) ->
    event sentences (a violent word or a casualty figure) -> spaCy NER on the first few of them
    (person names that shadow place names; organisations missing from the actor table) ->
    events: consecutive event sentences belong to one event until a "separate incident" marker,
    or a place in another province, starts a new one -> per event: type, casualties, date,
    place, actors with roles, and the character spans of every field (evidence).

>>> extractor = Extractor()
>>> events = extractor.extract(Document("a1", text, published=datetime.date(2014, 6, 10)))
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from ..actors import UNIDENTIFIED_NAMES, Actor, ActorTable
from .casualties import Count, find_counts, is_summary
from .casualty_patterns import RULING_CAPTORS
from .datelines import (
    dateline_span,
    deed_date,
    event_date,
    fallback_place,
    is_release,
    read_dateline,
)
from .dates import DateMention, find_dateline, find_dates
from .event_place import locate
from .event_types import (
    WEAK_CONFIDENCE,
    classify,
    find_triggers,
    is_violent,
    weak_event,
)
from .gazetteer import Gazetteer, load_gazetteer
from .generic_actors import (
    CIVILIAN_ADJECTIVE,
    NO_BEFORE,
    civilian_victims,
    contextual_actor,
    generic_actors,
)
from .geoparse import (
    LEVEL_PRECISION,
    PERSON_TITLES,
    PlaceMention,
    Resolved,
    capital_area,
    country_focus,
    country_votes,
    names_no_place,
    resolve_mentions,
)
from .grouping import group_sentences
from .history import drop_history
from .incidents import split_incidents
from .inferred_places import FuzzyDistricts
from .model import ActorRole, Document, Evidence, ExtractedEvent
from .nlp import MAX_NER_SENTENCES, MODEL, Pipelines, RuleDoc, build_pipelines
from .releases import shifted, split_releases
from .roles import (
    COALITION_WORDS,
    ActorMention,
    merge_roles,
    role_of,
    violent_verbs,
)
from .screening import attack_told, joins_event, mishap, type_from_roles, weak_report
from .sentences import (
    PARAGRAPH_BREAK,
    Sentence,
    adjust_sentences,
    background,
    floor_start,
    for_processing,
    headline_ends,
    is_aside,
    ner_windows,
    place_like,
    widen_name,
)
from .textcase import fold
from .tolls import drop_lead_totals, event_figures
from .unknown_groups import add_unknown_groups

# "an anti-TTP operation" is against the group: the mention stays (a target).
_OPERATION_AFTER = re.compile(
    r"\s+(?:military\s+|security\s+|army\s+)?(?:operations?|offensive|drive|campaign|"
    r"crackdown|raids?|strikes?)\b",
    re.IGNORECASE,
)
_ANTI = re.compile(r"\b[Aa](?:nti|NTI)[\s-]?$")
# A force whose looks the attackers took: "Gunmen disguised as police killed 10 climbers".
_DISGUISED_BEFORE = re.compile(
    r"\b(?:disguised|dressed|posing|masquerading)\s+as\s+(?:an?\s+)?$|\buniforms?\s+of\s+(?:the\s+)?$"
)


class Extractor:
    """Loads the model, actor table and gazetteer once; extracts events from documents."""

    def __init__(
        self,
        actors: ActorTable | None = None,
        gazetteer: Gazetteer | None = None,
        geo_dir: Path | None = None,
        model: str = MODEL,
        max_ner_sentences: int = MAX_NER_SENTENCES,
    ) -> None:
        self.actors = actors or ActorTable.load()
        self.gazetteer = gazetteer or load_gazetteer(geo_dir)
        self.pipes: Pipelines = build_pipelines(self.actors, self.gazetteer, model)
        self.max_ner_sentences = max_ner_sentences
        # Groups met in text that the table lacks, kept as new actors (id "new_<slug>").
        self._new_actors: dict[str, Actor] = {}
        self._coalition = False
        self._release = False
        self._focus: dict[str, float] = {}
        self._dateline_end = -1
        # (per document, by sentence start and publication date)
        self._sentence_dates: dict[tuple[int, dt.date | None], list[DateMention]] = {}
        self._districts = FuzzyDistricts(self.gazetteer)

    # -- public -------------------------------------------------------------------------------
    def extract(self, document: Document) -> list[ExtractedEvent]:
        return next(iter(self.extract_many([document])))[1]

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 64
    ) -> Iterator[tuple[Document, list[ExtractedEvent]]]:
        batch: list[tuple[Document, list[tuple[int, Document]]]] = []
        size = 0
        for doc in documents:
            parts = split_releases(doc)
            batch.append((doc, parts))
            size += len(parts)
            if size >= batch_size:
                yield from self._joined(batch)
                batch, size = [], 0
        if batch:
            yield from self._joined(batch)

    # -- internals ----------------------------------------------------------------------------
    def _joined(
        self, batch: list[tuple[Document, list[tuple[int, Document]]]]
    ) -> Iterator[tuple[Document, list[ExtractedEvent]]]:
        """Each document's events, its releases' put back together at their offsets."""
        results = self._batch([part for _, parts in batch for _, part in parts])
        for doc, parts in batch:
            events: list[ExtractedEvent] = []
            for offset, _ in parts:
                events += next(results)[1] if not offset else shifted(next(results)[1], offset)
            yield doc, events

    def _batch(self, documents: list[Document]) -> Iterator[tuple[Document, list[ExtractedEvent]]]:
        # One collector pause for the whole batch: re-enabling it after each document cost a
        # collection each time (~4% of the time). The caller still runs with it enabled, and
        # gets the documents before one that fails, as it would one by one.
        done: list[tuple[Document, list[ExtractedEvent]]] = []
        failure: Exception | None = None
        with _no_gc():
            prepared, persons, orgs = self._prepare_batch(documents)
            for i, (doc, sentences, dateline_end) in enumerate(prepared):
                try:
                    events = self._events(doc, sentences, dateline_end, persons[i], orgs[i])
                except Exception as error:
                    failure = error
                    break
                done.append((doc, events))
            del prepared, persons, orgs  # freed before the collector sees them
        yield from done
        if failure is not None:
            raise failure

    def _prepare_batch(
        self, documents: list[Document]
    ) -> tuple[
        list[tuple[Document, list[Sentence], int]],
        list[list[tuple[int, int]]],
        list[list[tuple[int, int, str]]],
    ]:
        texts = [for_processing(d.text) for d in documents]
        rule_docs = self.pipes.rules(texts)
        prepared = [self._prepare(d, rd) for d, rd in zip(documents, rule_docs, strict=True)]
        # NER on the windows where it can change something, for all documents in one batch.
        requests: list[tuple[int, int, int]] = []
        for i, (_, sentences, _) in enumerate(prepared):
            windows = [w for s in sentences if s.is_event for w in ner_windows(s)]
            requests.extend((i, a, b) for a, b in windows[: self.max_ner_sentences])
        persons: list[list[tuple[int, int]]] = [[] for _ in documents]
        orgs: list[list[tuple[int, int, str]]] = [[] for _ in documents]
        if requests:
            sdocs, origins = [], []
            for i, a, b in requests:
                sdoc, origin = rule_docs[i].window(a, b)
                sdoc.ents = []
                sdocs.append(sdoc)
                origins.append((i, origin))
            for (i, origin), sdoc in zip(origins, self.pipes.ner(sdocs), strict=True):
                for ent in sdoc.ents:
                    a, b = origin + ent.start_char, origin + ent.end_char
                    if ent.label_ == "PERSON":
                        persons[i].append(widen_name(documents[i].text, a, b))
                    elif ent.label_ in {"ORG", "NORP"}:
                        orgs[i].append((a, b, documents[i].text[a:b]))
        return prepared, persons, orgs

    def _prepare(self, doc: Document, rd: RuleDoc) -> tuple[Document, list[Sentence], int]:
        text = doc.text
        # A dateline's date is the day the report was filed: "yesterday" counts from it, even
        # where the published date given with the text differs (a feed's or a print day).
        published = find_dateline(text) or doc.published
        if published != doc.published:
            doc = Document(doc.doc_id, doc.text, published, doc.title, doc.url)
        dateline_start, dateline_end = dateline_span(text) or (-1, -1)
        sentences: list[Sentence] = []
        dotted = [
            e_end
            for label, _, _, e_end, _ in rd.entities
            if label == "PLACE" and text[e_end - 1] == "." and text[e_end - 2] != "."
        ]
        for a, b in adjust_sentences(text, rd.sentences, dotted):
            # A headline or paragraph without a full stop ends at a blank line.
            chunk = text[a:b]
            breaks: set[int] = set()
            if "\n" in chunk or "\u2028" in chunk:  # (every PARAGRAPH_BREAK holds a "\n")
                breaks.update(m.end() for m in PARAGRAPH_BREAK.finditer(chunk))
                breaks.update(e for e in headline_ends(chunk) if e < len(chunk))
            bounds = [0, *sorted(breaks), len(chunk)]
            for x, y in itertools.pairwise(bounds):
                if chunk[x:y].strip():
                    s = Sentence(a + x, a + y, chunk[x:y])
                    violent = is_violent(s.text) or weak_event(s.text) is not None
                    s.is_event = (
                        violent and not background(s.text, not sentences) and not is_aside(s.text)
                    )
                    sentences.append(s)
        # Entities from the rule pass, by sentence.
        by_start = {s.start: s for s in sentences}
        starts = sorted(by_start)
        for label, ent_id, e_start, e_end, before in rd.entities:
            owner = by_start[floor_start(starts, e_start)]
            if label == "PLACE" and e_end in dotted and text[e_start : e_end - 1] != "":
                e_end -= 1  # "LoC.": spaCy's token keeps the full stop; the place does not
            etext = text[e_start:e_end]
            if label == "ACTOR":
                if _ANTI.search(text, max(0, e_start - 6), e_start) and not _OPERATION_AFTER.match(
                    text, e_end
                ):
                    continue  # "an anti-Taliban militia": the group's opponents, not the group
                owner.actors.append(ActorMention(ent_id, e_start, e_end, etext))
            elif label in {"PLACE", "COUNTRY"}:
                if dateline_start <= e_start < dateline_end and label == "PLACE":
                    # the dateline names where the report was filed, not the event (a
                    # headline's places above it do name the event's)
                    continue
                if before.rstrip(".") in PERSON_TITLES or names_no_place(text, e_start, e_end):
                    continue  # "Maulana Bannu", "Commander Mohmand": a person; "Kabul Bank"
                key = ("country:" + ent_id) if label == "COUNTRY" else ent_id
                owner.places.append(PlaceMention(e_start, e_end, etext, key))
        summaries: list[Sentence] = []
        ruling = self._ruling(doc.published)
        lead = len(doc.text) - len(doc.text.lstrip())  # blank lines before the headline
        for s in sentences:
            s.places += self._districts.find(s)
            s.counts = find_counts(s.text, s.start, ruling=ruling, opens=s.start <= lead)
            if s.counts and background(s.text, s is sentences[0]):
                s.counts = []  # history or an earlier event's toll, not this report's
            # (a sentence without a casualty verb gets no figure from the totals pass either)
            if not s.counts and s.is_event and is_summary(s.text):
                summaries.append(s)
            if s.counts and not s.is_event:
                s.is_event = True
            if not s.is_event and s.actors and joins_event(s.text, s is sentences[0]):
                s.is_event = True
            if s.is_event:
                s.triggers = find_triggers(s.text, s.start)
        # A total over several operations ("detained two insurgents during two separate
        # operations") stands where no sentence gives a figure of that kind of its own.
        counted = {c.category for s in sentences for c in s.counts}
        for s in summaries:
            s.counts = [
                c
                for c in find_counts(s.text, s.start, totals=True, ruling=ruling)
                if c.category not in counted
            ]
        sentences = [part for s in sentences for part in split_incidents(s)]
        return doc, sentences, dateline_end

    def _ruling(self, day: dt.date | None) -> frozenset[str]:
        """The captor words of groups governing on `day` (the actor table's `governs_from`):
        their captures are arrests, not abductions."""
        words = set()
        for actor_id, word in RULING_CAPTORS.items():
            since = self.actors.get(actor_id).governs_from if actor_id in self.actors else ""
            if day is not None and since and day >= dt.date.fromisoformat(since):
                words.add(word)
        return frozenset(words)

    def _events(
        self,
        doc: Document,
        sentences: list[Sentence],
        dateline_end: int,
        persons: list[tuple[int, int]],
        orgs: list[tuple[int, int, str]],
    ) -> list[ExtractedEvent]:
        place_spans = [(m.start, m.end) for s in sentences for m in s.places]

        def is_person(m: PlaceMention) -> bool:
            span = m.end - m.start
            return any(
                a <= m.start and m.end <= b and (b - a) > span
                and not place_like(doc.text, a, b, place_spans, m.start)
                for a, b in persons
            )  # fmt: skip

        self._dateline_end = dateline_end
        self._sentence_dates = {}
        for s in sentences:
            s.places = [capital_area(m, doc.text) for m in s.places if not is_person(m)]
        all_places = [m for s in sentences for m in s.places if not m.key.startswith("country:")]
        actor_countries = [
            self.actors.get(a.actor_id).country
            for s in sentences
            for a in s.actors
            if a.actor_id in self.actors and self.actors.get(a.actor_id).country
        ]
        countries = country_votes(
            [m for s in sentences for m in s.places if m.key.startswith("country:")],
            doc.text,
            actor_countries,
        )
        focus = country_focus(countries, all_places, self.gazetteer, actor_countries)
        self._focus = focus
        resolved = {r.mention: r for r in resolve_mentions(all_places, self.gazetteer, focus)}
        main_country = max(focus, key=lambda k: focus[k]) if focus else None

        # Unknown groups (`unknown_groups`): kept as new actors, never dropped.
        add_unknown_groups(doc.text, orgs, sentences, self.actors, self._new_actors)

        self._coalition = bool(COALITION_WORDS.search(fold(doc.text[:2000])))
        # A military press release: its lead sums up what its body retells (`tolls`).
        self._release = self._coalition or is_release(doc.text)
        drop_history(sentences, lambda s: self._dates(s, doc.published), doc.published, doc.text)
        groups = group_sentences(sentences, resolved, doc.text)
        drop_lead_totals(groups, doc.text, self._release)  # a lead's total told in detail
        events = []
        for n, group in enumerate(groups):
            event = self._build_event(doc, group, resolved, main_country, first=(n == 0),
                                      all_sentences=sentences)  # fmt: skip
            if event is not None:
                events.append(event)
        return events

    def _dates(self, s: Sentence, published: dt.date | None) -> list[DateMention]:
        """The dates of an event sentence, after the dateline (none for other sentences);
        found once per sentence of the document (`drop_history` asks first)."""
        if not s.is_event:
            return []
        if (known := self._sentence_dates.get((s.start, published))) is not None:
            return known
        found = find_dates(s.text, published, s.start)
        text = s.text
        self._sentence_dates[s.start, published] = dates = [
            d
            for d in found
            if d.start >= self._dateline_end
            and not deed_date(text, d.start - s.start, d.end - s.start)
        ]
        return dates

    def _dateline_place(self, text: str, scene: str) -> Resolved | None:
        """The place a dateline names (`datelines.fallback_place`), for an event whose text
        names none."""
        places = read_dateline(text, self.gazetteer).places
        found = resolve_mentions(list(places), self.gazetteer, self._focus) if places else []
        return fallback_place(found[0], scene, self.gazetteer) if found else None

    def _actor_name(self, actor_id: str) -> tuple[str, str]:
        if actor_id in UNIDENTIFIED_NAMES:
            return UNIDENTIFIED_NAMES[actor_id], "other"
        if actor_id in self.actors:
            a = self.actors.get(actor_id)
            return a.name, a.kind
        new = self._new_actors.get(actor_id)
        return (new.name, new.kind) if new is not None else (actor_id, "other")

    def _build_event(
        self,
        doc: Document,
        group: list[Sentence],
        resolved: dict[PlaceMention, Resolved],
        main_country: str | None,
        first: bool,
        all_sentences: list[Sentence],
    ) -> ExtractedEvent | None:
        evidence: list[Evidence] = []
        text = doc.text

        def ev(field_name: str, start: int, end: int) -> None:
            evidence.append(Evidence(field_name, start, end, text[start:end]))

        # Casualties: summed within a sentence; across sentences the largest figure wins
        # (reports repeat and update a toll), unless a sentence says its victims are more
        # ("also detained two", "two additional suspects", "another three").
        totals: dict[str, int] = {}
        highs: dict[str, int] = {}
        best_counts: dict[str, list[Count]] = {}
        # A headline's figure is the body's told short ("Force Captures Leader, Detains Two"):
        # the body's figure of that kind stands where it is at least as large; a smaller one is
        # a part of the headline's toll ("two of the dead were children") and neither replaces
        # it nor adds to it.
        head = [s for s in group if s.end <= self._dateline_end]
        body = [s for s in group if s.end > self._dateline_end]
        for part in (body, head):
            part_totals, part_highs, part_counts = event_figures(part, text, self._release)
            for cat, value in part_totals.items():
                if value > totals.get(cat, -1):
                    totals[cat], highs[cat] = value, part_highs[cat]
                    best_counts[cat] = part_counts[cat]
        for cat, counts in best_counts.items():
            for c in counts:
                ev({"killed": "deaths", "injured": "injured"}.get(cat, cat), c.start, c.end)

        loc, mentions, inferred = locate(
            group, resolved, all_sentences, first, text, self._focus, self.gazetteer,
            self._dateline_place,
        )  # fmt: skip
        country = loc.place.iso3 if loc else main_country
        if loc and inferred:
            ev("adm1", loc.mention.start, loc.mention.end)
        elif loc:
            ev("place", loc.mention.start, loc.mention.end)
            for r in mentions:
                if r is not loc and r.place.level == "adm1" and r.place.adm1 == loc.place.adm1:
                    ev("adm1", r.mention.start, r.mention.end)

        # Date: the first one of the event's sentences, unless it is the report's ("police said
        # on Monday that ... on Sunday": see `datelines.event_date`).
        published = doc.published

        def dated(ss: list[Sentence]) -> Iterator[tuple[int, list[DateMention]]]:
            return ((s.start, ds) for s in ss if (ds := self._dates(s, published)))

        chosen = event_date(dated(group), text)
        if chosen is None and first:
            chosen = event_date(dated(all_sentences[:2]), text)
        date: dt.date | None
        if chosen is not None:
            date, date_precision = chosen.date, chosen.precision
            ev("date", chosen.start, chosen.end)
        elif doc.published is not None:
            date, date_precision = doc.published, 2
        else:
            date, date_precision = None, None

        # Actors and roles.
        event_country = country or main_country
        # (the coalition's words stand for its forces in Afghanistan only: "Security forces"
        # in Pakistan stay Pakistan's in a round-up that also tells of a coalition raid)
        coalition = self._coalition and event_country in (None, "AFG")
        roles: list[ActorRole] = []
        victims = [c for s in group for c in s.counts]
        for s in group:
            mentions_a = list(s.actors)
            low = fold(s.text)
            for m in generic_actors(s.text, s.start, event_country, coalition, low):
                if not any(a.start < m.end and m.start < a.end for a in mentions_a):
                    mentions_a.append(m)
            verbs = violent_verbs(s.text, low) if mentions_a else []
            for m in mentions_a:
                if _DISGUISED_BEFORE.search(fold(text[max(0, m.start - 25) : m.start])):
                    continue
                if m.actor_id == "civilians" and (
                    NO_BEFORE.search(fold(text[max(0, m.start - 25) : m.start]))
                    or CIVILIAN_ADJECTIVE.match(fold(text[m.end : m.end + 20]))
                ):
                    continue  # "no civilians were harmed", "civilian casualties"
                actor_id = self.actors.on(contextual_actor(m, event_country, date), date)
                role, claim = role_of(m, s.text, s.start, s.counts, verbs, low)
                name, kind = self._actor_name(actor_id)
                roles.append(ActorRole(actor_id, name, role, kind, claim, m.named))
                ev(f"actor:{actor_id}", m.start, m.end)
        civilian_target, people_dead = civilian_victims(text, victims, roles)
        if civilian_target and not any(r.actor_id == "civilians" for r in roles):
            roles.append(ActorRole("civilians", "Civilians", "target", "civilians", "", False))
        actors = merge_roles(roles)

        triggers = [t for s in group for t in s.triggers]
        if not triggers and not totals:
            # No trigger and no figure ("Military pounds militant hideouts in X"): an event
            # of low confidence when a sentence plainly reports violence or security action
            # and names who, or where (see `screening.weak_report`).
            weak = next(
                (w for s in group if (w := weak_event(s.text, s.start)) and weak_report(s)),
                None,
            )
            if weak is None:
                return None
            event_type, confidence, decisive = weak.event_type, WEAK_CONFIDENCE, [weak]
        else:
            event_type, confidence, decisive = classify(
                triggers,
                totals.get("killed", 0),
                totals.get("arrested", 0),
                civilian_target,
                totals.get("abducted", 0),
                # (before merging: forces that fought back are perpetrators there too)
                any(r.role == "target" and r.kind == "state_force" for r in roles),
                people_dead,
            )
        if (
            event_type == "other"
            and (
                typed := type_from_roles(
                    actors,
                    people_dead and totals.get("killed", 0) > 2,
                    any(attack_told(s.text) for s in group if s.counts),
                )
            )
            is not None
        ):
            event_type = typed  # "Militants killed four soldiers": who did it to whom
        forces = any(a.kind == "state_force" for a in actors)
        if not any(a.role == "perpetrator" for a in actors) and mishap(
            event_type, group, forces, all_sentences
        ):
            return None  # a flood, a fire, a crash: deaths, but nobody's violence
        for t in decisive[:2]:
            ev("event_type", t.start, t.end)
        if loc is None:
            confidence -= 0.1
        if not any(a.role == "perpetrator" for a in actors):
            confidence -= 0.05
        place = loc.place if loc else None
        return ExtractedEvent(
            doc_id=doc.doc_id,
            event_type=event_type,
            actors=actors,
            country=country,
            adm1=place.adm1 if place else None,
            adm2=(place.adm2 or None) if place else None,
            place=loc.mention.text if loc and not inferred else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            location_precision=LEVEL_PRECISION[place.level] if place else (6 if country else None),
            date=date,
            date_precision=date_precision,
            deaths=totals.get("killed"),
            deaths_high=highs.get("killed"),
            injured=totals.get("injured"),
            abducted=totals.get("abducted"),
            arrested=totals.get("arrested"),
            confidence=round(max(0.05, min(confidence, 0.95)), 2),
            evidence=sorted(evidence, key=lambda e: (e.start, e.field)),
            sources=[doc.doc_id],
            text=" ".join(s.text for s in group),
        )


@contextmanager
def _no_gc() -> Iterator[None]:
    """Without the cyclic garbage collector: extraction allocates many small objects and no
    cycles, and each collection would walk the loaded model and gazetteer (~5% of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """One extractor per process with the packaged actor table and the reference gazetteer."""
    return Extractor()
