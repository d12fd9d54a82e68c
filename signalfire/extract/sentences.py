"""Sentences of an article: splitting details, background, and where NER is needed (grouping
into events: `grouping`).

Kept apart from `pipeline` so that each module stays small; `pipeline.Extractor` fills the
`Sentence` fields and calls these helpers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .casualties import Count
from .event_types import Trigger, is_violent
from .geoparse import PlaceMention
from .roles import ActorMention
from .scanning import holds

# Background sentences: history, not the reported event.
BACKGROUND = re.compile(
    # (not a day's tally: "Over the past 24 hours, security forces killed 12")
    r"^\W*(?:since\s+\d{4}|in\s+\d{4}|last\s+year|"
    r"over\s+the\s+past(?!\s+(?:24|48|72|twenty-four|forty-eight)\s+hours)|"
    r"in\s+recent\s+(?:years|months)"
    r"|the\s+(?:group|area|region|province)\s+has\s+(?:long|been)"
    # a sentence that dates the report by an earlier event ("The statement came a day after a
    # suicide car bomb in Kandahar killed 12 people")
    r"|(?:the|this|that|it|which|[a-z]+day's)\s+(?:[a-z]+\s+){0,2}?(?:came|comes|follows|followed|"
    # ("Saturday's attack came 10 days after ...", "The advisory was updated a week after ...")
    r"was\s+(?:updated|issued|announced|released|made|held|approved))\s+"
    r"(?:just\s+|only\s+|less\s+than\s+|more\s+than\s+|barely\s+|nearly\s+|about\s+|almost\s+)?"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
    r"(?:hours?|days?|weeks?|months?)\s+after)",
    re.IGNORECASE,
)
# After the lead, a sentence opening with an earlier time tells an earlier event ("A week
# earlier, at least 46 people were killed in a similar attack in Kunduz").
EARLIER_LEAD = re.compile(
    r"^\W*(?:(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?)\s+"
    r"(?:earlier|ago|before)|earlier\s+(?:this|that|in\s+the)\s+(?:week|month|year)|"
    r"last\s+(?:week|month))\b",
    re.IGNORECASE,
)


# A sentence of mourning or protest over an attack ("Hundreds of mourners buried victims of
# the school bombing", "Protesters marched in Kabul a day after ... was killed by a suicide
# bomber"): the attack is its cause, an event told elsewhere; unless the protest itself is hit.
REACTION = re.compile(
    # the mourners or protesters are the subject, with no violence told before them
    r"\W*(?:(?:hundreds|thousands|dozens|scores|members|relatives|families)\s+of\s+(?:the\s+)?)?"
    r"(?:[\w'-]+\s+){0,3}?(?:mourners|protesters|demonstrators|relatives|residents|members|"
    r"people|students|activists|lawyers|traders|hundreds|thousands)\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:buried|marched|staged|protested|rallied|attended|mourned|condemned|(?:held|continued)\s+"
    r"(?:an?\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:protest|rally|vigil|sit-in|funeral)s?)\b",
    re.IGNORECASE,
)
_PROTEST_HIT = re.compile(
    r"\b(?:fired|firing|opened\s+fire|shot|clash\w*|attack\w*|tear\s*gas|baton|injur\w*|"
    r"wound\w*|explo\w+|blast|struck|kill\w*|blew|bomb\w*|stormed|gunm[ae]n|suicide|died)\b",
    re.IGNORECASE,
)


def is_aside(text: str) -> bool:
    """Whether a sentence asks rather than tells ("Why were they calling in two airstrikes in
    one night?") or is an editor's note in brackets ("[N.B. this is similar to ...]"): no
    report of an event. A headline that tells and then asks ("Al Qaeda No. 3 dead, but how?")
    still tells."""
    bare = text.strip()
    if bare.startswith("[") and bare.endswith("]"):
        return True
    return bare.rstrip(")]\"'’”").endswith("?") and _ASKS.match(bare) is not None


_ASKS = re.compile(
    r"\W*(?:why|how|what|who|whom|whose|which|when|where|did|do|does|is|are|was|were|can|"
    r"could|should|will|would|has|have|had)\b",
    re.IGNORECASE,
)


_CAUSE = re.compile(
    r"\b(?:after|following|against|over|victims?\s+of|killed\s+in|for\s+the)\b", re.IGNORECASE
)


# A place's or a group's record ("the city has a history of devastating bombings").
_HISTORY_OF = re.compile(r"\b(?:has|have|had)\s+(?:a\s+)?(?:long\s+)?history\s+of\b", re.I)


def background(text: str, lead: bool) -> bool:
    """Whether a sentence tells history or an earlier event rather than the report's."""
    return (
        BACKGROUND.match(text) is not None
        or ("history" in text and _HISTORY_OF.search(text) is not None)
        or (not lead and EARLIER_LEAD.match(text) is not None)
        or is_reaction(text)
    )


# A dateline before a sentence's subject ("QUETTA: Members of the Hazara community ...",
# "KABUL, Afghanistan (AP) - ..."); one spelling for every rule that skips it.
DATELINE_OPENING = r"(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w ]*)?\s*(?:\([^)]{0,30}\))?\s*[:—–-]\s*)"
_DATELINE_PREFIX = re.compile(r"\W*" + DATELINE_OPENING)


def is_reaction(text: str) -> bool:
    """Whether mourners or protesters are the sentence's subject, and no violence hits them."""
    opening = _DATELINE_PREFIX.match(text)
    return (
        (m := REACTION.match(text, opening.end() if opening else 0)) is not None
        and _PROTEST_HIT.search(text, 0, m.end()) is None
        and not _protest_hit(text, m.end())
    )


def _protest_hit(text: str, start: int) -> bool:
    """Whether violence hits the mourners or protesters themselves: a violent word after
    their verb and before what they react to ("... a day after X was shot dead")."""
    cause = _CAUSE.search(text, start)
    return _PROTEST_HIT.search(text, start, cause.start() if cause else len(text)) is not None


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A line of its own without a full stop, then a line break: a headline when most of its words
# are capitalised ("Forces Detain Two Insurgents in Kandahar").
_LINE = re.compile(r"[^\n\u2028]+[\n\u2028]")
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()


def letter_counts(sample: str) -> tuple[int, int]:
    """The numbers of ASCII letters, all and capitals, in `sample`, counted by deleting them
    from its bytes (`findall` lists made a string of each)."""
    data = sample.encode("latin-1", "ignore")  # (other characters are no ASCII letter)
    return (
        len(data) - len(data.translate(None, _ASCII_LETTERS)),
        len(data) - len(data.translate(None, _ASCII_UPPER)),
    )


_UPPER_RATIO = 0.6


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    is_event: bool = False
    triggers: list[Trigger] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    joined: bool = False  # (a later incident's clause of one sentence: `incidents`)


_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Z][a-z]+)\b")
# Capitalised words next to a place name that do not make it part of a person's name.
_NOT_NAME_WORDS = frozenset(
    [
        "In",
        "On",
        "At",
        "The",
        "From",
        "Near",
        "Of",
        "And",
        "For",
        "To",
        "A",
        "An",
        "By",
        "Into",
        "Across",
        "Outside",
        "Inside",
        "Province",
        "District",
        "City",
        "Agency",
        "Valley",
        "Area",
        "Region",
        "Village",
        "Town",
        "Afghan",
        "Afghanistan",
        "Pakistani",
        "Pakistan",
        "Provincial",
        "Capital",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Upper",
        "Lower",
        "Police",
        "Army",
        "Tribal",
        # a base or site named for its town ("in Zhob Garrison", "Quetta Cantonment")
        "Garrison",
        "Cantonment",
        "Cantt",
        "Airport",
        "Camp",
        "Fort",
        "Bazaar",
        "Division",
        "Tehsil",
        "Today",
        "Yesterday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Also",
        "During",
        "After",
        "Before",
        "Meanwhile",
        "Separately",
    ]
)
_GROUP_HINT_WORDS = frozenset(
    [
        "Lashkar",
        "Jaish",
        "Tehreek",
        "Tehrik",
        "Jamaat",
        "Jamat",
        "Harkat",
        "Hizb",
        "Jund",
        "Ansar",
        "Tanzeem",
        "Sipah",
        "Brigade",
        "Front",
        "Movement",
        "Liberation",
    ]
)
# Words starting with one of their first letters, filtered by `_GROUP_HINT_WORDS`: the same
# matches as a `\b(?:Lashkar|...)\b` alternation, but a leading character class lets `re` skip
# ahead to candidates (2-3x faster).
_CAPITALISED_WORD = re.compile(r"[LJTHABSFM](?<!\w.)\w*")
_GROUP_HINTS = tuple(sorted(_GROUP_HINT_WORDS))

# Characters of context either side of what NER is asked about. NER costs ~0.1 ms a token;
# 20 instead of 60 gave the same events on all 2,313 evaluation documents, a third less NER.
_NER_CONTEXT = 20


def ner_windows(s: Sentence) -> list[tuple[int, int]]:
    """The parts of a sentence where the statistical NER can change anything: around a place
    name touching another capitalised word (it may be part of a person's name: "Rustam Shah
    Mohmand"), and around a group-like word the actor table does not cover (an unknown group).
    Everything else skips NER, which is what makes the pipeline fast."""
    spots: list[tuple[int, int]] = []
    for m in s.places:
        if m.key.startswith("country:"):
            continue
        a, b = m.start - s.start, m.end - s.start
        before = _WORD_BEFORE.search(s.text[max(0, a - 20) : a])
        after = _WORD_AFTER.match(s.text[b : b + 20])
        if any(w is not None and w.group(1) not in _NOT_NAME_WORDS for w in (before, after)):
            spots.append((m.start, m.end))
    # (each hint word is in the text: substring tests spare most sentences the scan)
    hinted = holds(s.text, _GROUP_HINTS)
    hints = (m for m in _CAPITALISED_WORD.finditer(s.text) if m.group() in _GROUP_HINT_WORDS)
    for hint in hints if hinted else ():
        at = s.start + hint.start()
        covered = [(x.start, x.end) for x in s.actors] + [(x.start, x.end) for x in s.places]
        if not any(x0 <= at < x1 for x0, x1 in covered):
            spots.append((at, s.start + hint.end()))
    windows: list[tuple[int, int]] = []
    for a, b in sorted(spots):
        a, b = max(s.start, a - _NER_CONTEXT), min(s.end, b + _NER_CONTEXT)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    return windows


_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]+")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+\s+)+$")
_NAME_AFTER = re.compile(r"^(?:\s+[A-Z][a-z]+\b)+")


def widen_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A PERSON span grown over the capitalised words touching it: NER often drops a first
    name ("Rustam [Shah Mohmand]") that may itself be a place name."""
    before = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if before:
        # Not over common words that open a sentence or stand before a name ("Several
        # Kunduz officials", "In Bannu"): only from the first word that may be a name on.
        from spacy.lang.en.stop_words import STOP_WORDS  # (spaCy is loaded: NER ran)

        names = [
            w for w in _TITLE_CASE_WORD.finditer(before.group(0))
            if w.group() not in _NOT_NAME_WORDS and w.group().lower() not in STOP_WORDS
        ]  # fmt: skip
        if names:
            start -= len(before.group(0)) - names[0].start()
    after = _NAME_AFTER.match(text[end : end + 40])
    if after:
        end += len(after.group(0))
    return start, end


def headline_ends(chunk: str) -> list[int]:
    """Where a title-case headline line ends inside a chunk of text: the sentence splitter
    runs a headline without a full stop into the next line, and the figures of both ("Forces
    Detain Two Insurgents ... detained two suspected insurgents") would add up."""
    ends = []
    for m in _LINE.finditer(chunk):
        line = m.group().strip()
        if not line or line[-1] in ".!?:;,":
            continue
        words = [w.group() for w in _TITLE_WORD.finditer(line)]
        if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            ends.append(m.end())
    return ends


def for_processing(text: str) -> str:
    """All-caps headlines title-cased (same length) so case-sensitive place names match."""
    letters, upper = letter_counts(text[:400])
    if letters and upper / letters > _UPPER_RATIO:
        titled = text.title()
        if len(titled) == len(text):
            return titled
    return text


# "Al Qaeda No. 3": the rule pass ends a sentence at the full stop of "No." before a figure.
_RANK_END = re.compile(r"\b(?:No|Nos|no|nos)\.$")
# After a place token that kept its full stop ("near the LoC. Two soldiers"), a new sentence.
_NEXT_SENTENCE = re.compile(r"\s+(?=[A-Z0-9\"“])")


def adjust_sentences(
    text: str, spans: list[tuple[int, int]], dotted_ends: list[int]
) -> list[tuple[int, int]]:
    """Sentence spans with two splitting errors of the rule pass undone: a break after "No."
    before a figure is joined, and a sentence ending inside a place token ("LoC.", which the
    sentencizer does not see as a full stop) is cut there."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[a : a + 1].isdigit() and _RANK_END.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], b)
            continue
        for cut in dotted_ends:
            gap = _NEXT_SENTENCE.match(text, cut, b) if a < cut < b else None
            if gap is not None:
                out.append((a, cut))
                a = gap.end()
        out.append((a, b))
    return out


def floor_start(starts: list[int], value: int) -> int:
    """The largest start <= value (the sentence a character offset falls in)."""
    return starts[bisect.bisect_right(starts, value) - 1]


_ADMIN_WORD_AFTER = re.compile(r"\s+(?:district|province|tehsil|agency)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def place_like(
    text: str, start: int, end: int, place_spans: list[tuple[int, int]], at: int | None = None
) -> bool:
    """Whether a PERSON span names a place: "Dara Noor district", "Wali Muhammad Shahid
    Khugyani district" (an administrative word follows), or "Kandahar Ghazni" (a list without
    its comma: every word lies in a place mention). With `at` (where the place mention starts):
    also a title-case headline's verb and the place, when the verb comes before the place
    ("Force Captures Chaman-based Leader", "Mehsud Killed In North Waziristan") or the place
    opens the span ("Kohat Raid Kills 5"); "Mangal Bagh Attack Kills 5" is a man's name."""
    if _ADMIN_WORD_AFTER.match(text, end):
        return True
    if (
        at is not None
        and is_violent(text[start:end])
        and (is_violent(text[start:at]) or not _NAME_WORD.search(text, start, at))
    ):
        return True
    words = [w.span() for w in _NAME_WORD.finditer(text, start, end)]
    return all(any(x <= w0 and w1 <= y for x, y in place_spans) for w0, w1 in words)
