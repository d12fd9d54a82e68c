"""Guards on a casualty figure: the words around a number or verb that say it is no victim
figure of the event (a negation, an aim, a denial, a modal, a rank in a tally, the active
verb's subject, a noun after a determiner, a release, a capture verb's object). Split from
casualty_patterns.py, whose figure patterns they check (`casualties.find_counts`)."""

from __future__ import annotations

import re

from .numbers import _DATE_MONTH, _QUALIFIER, NUMBER

# Verb forms after which a preceding singular noun is the victim ("soldier killed"), unlike
# active forms ("gunman kills") and nouns ("civilian deaths" says no number).
_NOT_PASSIVE = re.compile(
    r"\w+ing|kill|kills|injures?|hurts|wounds?|kidnaps?|abducts?|arrests?|detains?|captures?|deaths?|"
    r"fatalities|bodies|lives|casualties|injuries|hostages|detainees|seized|.*\sof"
)
_NEGATION = re.compile(
    r"\b(?:no|not|none|neither|nor|never|without)\s+(?:(?:a|an|one)\s+)?(?:single\s+)?$|"
    r"^(?:no|not)\b"
)
# "the seventh Taliban leader captured", "the 15th Taliban leader detained": a rank in a tally,
# not a new victim (searched from 10 characters before a "near" match: "the 15th " is outside).
_ORDINAL = re.compile(
    r"\bthe\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
)
# "35 Indian troops killed, wounded": casualties, not deaths.
_OR_WOUNDED = re.compile(r"^\s*(?:,|or|and|/|&)\s*(?:wounded|injured|hurt)\b(?!\s+(?:\d|at\b))")
# "could kill hundreds", "could have killed dozens", "would be killed": what might happen.
_MODAL_BEFORE = re.compile(
    r"\b(?:could|would|might|can|will|may\s+have)\s+(?:not\s+)?(?:have\s+)?(?:be\s+|been\s+)?$"
)
# "an operation to arrest a Taliban leader", "a plot to kill the governor": an aim, not a deed.
_INTENT_BEFORE = re.compile(r"\bto\s+$")
# ... but a cause's result is a deed: "questioning of residents led the force to detain five".
_LED_TO_BEFORE = re.compile(r"\bled\s+(?:[a-z'’-]+\s+){1,3}?to\s+$")
_BARE_VERB = frozenset(
    ["kill", "capture", "arrest", "detain", "injure", "wound", "abduct", "kidnap"]
)
# "Army denies killing of 15 soldiers": a figure someone rejects.
_DENIED = re.compile(
    r"\b(?:deny|denies|denied|denying|rejects?|rejected|dismissed)\s+(?:\w+\s+){0,3}$"
)
# Substrings every match of it holds: a text without one needs no search.
_DENIED_CUES = ("den", "reject", "dismissed")
_OBJECT_AFTER = re.compile(
    # (a qualified figure too: "a suicide bomber killed at least 25")
    rf"\s+(?:{_QUALIFIER})?(?:a|an|the|his|her|their|its|him|them|himself|herself|"
    rf"{NUMBER}\b(?!\s*(?:km|kilomet|mile|{_DATE_MONTH})))\b"
)
# A figure before an active verb with an object is its subject, not a victim: "Two gunmen
# killed three policemen", "a blast on Route 1 killed 12", "313 Brigade killed 3 soldiers";
# not "3 killed, 4 injured", "three people died the next day" (no object), nor a passive.
_TRANSITIVE = re.compile(
    r"kill|shot|gun|mow|slaughter|massacre|behead|execut|martyr|neutrali|eliminat|wound|injur|"
    r"hurt|maim|abduct|kidnap|seiz|arrest|detain|captur|apprehend"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|are|is|got|being)\s+(?:[a-z]+\s+)?$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that)\s+$")
# A verb after a determiner is a noun, not a figure's verb: "arrested three men over the killing
# of a shopkeeper", "two brothers for the killing of their sister", "arrested three men on
# charges of kidnapping".
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|an?|his|her|their|(?:charges?|accusations?|allegations?|suspicion)\s+of)\s+$"
)
# Before captives' figure, their release: "released 20 soldiers captured last week".
_RELEASED_BEFORE = re.compile(
    r"\b(?:released|releases|releasing|freed|frees|freeing|set\s+free|swapped|exchanged|"
    r"handed\s+over|repatriated)\s+(?:(?:the|its|their|all|some)\s+)?$"
)


def released_before(text: str, start: int) -> bool:
    """Whether captives' figure at `start` follows their release (`_RELEASED_BEFORE`)."""
    return _RELEASED_BEFORE.search(text, max(0, start - 30), start) is not None


# A capture verb's object before a victim noun: "arrested the brother of a girl killed by her
# relatives", "detained the father and uncle of a woman killed" (the arrested, no dead).
_CAPTURE_OBJECT_BEFORE = re.compile(
    r"\b(?:arrested|detained|captured|apprehended|nabbed|arresting|detaining)\s+(?:(?:the|an?|his|"
    r"her|their)\s+)?(?:(?!(?:after|before|when|while|as|because|since|where|who|which|that|in|"
    # (not a new subject after "and": "detained a facilitator and an insurgent was killed")
    r"on|at|for|over|during|and\s+(?:an?|the))\b)[a-z'’-]+\s+){0,3}?(?<!\band\s)$"
)
