"""Victims told in clause shapes the figure patterns of `casualties` (the verb close after the
noun, or a few words between) do not reach, read by `casualties`:

- a clause of their own before a passive verb: "An armed insurgent opened fire on the force and
  was killed" (one), "a suspected insurgent attempted to flee the compound and was detained"
  (one; by an armed group, an abduction) (`and_passive`);
- a second verb sharing a passive's auxiliary: "23 passengers were offloaded from the buses and
  shot dead", "three men were kidnapped and later killed" (`were_and`);
- a relative clause longer than the figure patterns reach: "all 33 terrorists who hijacked the
  Jaffar Express in Bolan were sent to hell" (`who_were`);
- a wounded victim's later death: "He later died of his wounds", "The soldier later succumbed to
  his injuries", "one of the wounded died in hospital" (`wounded_died`);
- a group's rank: "Al Qaeda's No. 2 was killed", "kills the Taliban's No. 3" (`ranked`);

and what is no toll: a captive's deed in a relative clause ("a man who killed three people in
Herat was arrested": `captive_deed`, `in_deed`) and an earlier killing that dates the event, a
fallback only ("lawyers who had gathered after the killing of the head of the Bar Association":
`after_the_killing`)."""

from __future__ import annotations

import re

from .captors import captor_category
from .casualty_verbs import _ANY_VERB, _BRANCHED_VERBS
from .figure_guards import _NEGATION, _OBJECT_AFTER, _TRANSITIVE
from .figure_values import _value
from .natural_deaths import not_violent
from .numbers import _QUALIFIER, QUANTITY
from .victims import _ONE, _PLURAL_VICTIMS

_MODS = rf"(?:(?!(?:and|or|the|{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,3}}?"
# The clause: up to eight words, no clause word and no other casualty verb, then "and".
_CLAUSE_AND = (
    r"(?:(?!(?:and|or|but|while|when|where|who|which|after|before|as|because|said|says|told|"
    rf"{_ANY_VERB})\b)[a-z0-9'’-]+,?\s+){{1,8}}?and\s+"
)
_ADVERB = r"(?:(?:later|subsequently|then|also|eventually)\s+)?$"
_ONE_AND_PASSIVE = re.compile(
    # ("The guard, Mumtaz Qadri, surrendered and was arrested")
    rf"\b(?:an?|one|the)\s+{_MODS}{_ONE}(?:,\s+[^,;:.]{{1,40}}?,)?\s+{_CLAUSE_AND}"
    rf"(?:was|has\s+been|had\s+been)\s+{_ADVERB}"
)
_SOME_AND_PASSIVE = re.compile(
    rf"\b{QUANTITY}\s+{_MODS}(?:{_PLURAL_VICTIMS})\s+{_CLAUSE_AND}"
    rf"(?:were|have\s+been|had\s+been)\s+{_ADVERB}"
)
AND_PASSIVE_CUES = (" and was ", " and were ", " and ha")  # one is in every match of either
# How every match of either ends (a cheap test before them).
_AND_PASSIVE_TAIL = re.compile(
    r"\band\s+(?:was|were|ha(?:s|ve|d)\s+been)\s+(?:(?:later|subsequently|then|also|"
    r"eventually)\s+)?$"
)


def and_passive(
    text: str, verbs: dict[str, list[re.Match[str]]], ruling: frozenset[str]
) -> list[tuple[str, int, int, int, int]]:
    """(category, low, high, start, end) of each such figure in folded sentence `text`, whose
    casualty verbs are `verbs`; `ruling`: the captor words of groups governing by then."""
    out = []
    for category in ("killed", "injured", "arrested"):
        for v in verbs.get(category, []):
            if not _AND_PASSIVE_TAIL.search(text, max(0, v.start() - 40), v.start()):
                continue
            lo = max(0, v.start() - 120)
            cat = captor_category(category, text, v.start(), v.end(), ruling)
            if (one := _ONE_AND_PASSIVE.search(text, lo, v.start())) is not None:
                if not _NEGATION.search(text, max(0, one.start() - 12), one.start()):
                    out.append((cat, 1, 1, one.start(), v.end()))
            elif (some := _SOME_AND_PASSIVE.search(text, lo, v.start())) is not None and (
                value := _value(some, text)
            ):
                out.append((cat, value[0], value[1], some.start("n1"), v.end()))
    return out


# "N victims were <verb> ... and <casualty verb>": the second verb shares the first's
# auxiliary and subject. The first verb is no death or wound ("were killed and wounded" tells
# casualties, not two deeds); the words between may run past "after" and "and" ("were offloaded
# from trucks and buses after their cards were checked and shot dead"), not past a clause word
# that brings a new subject, a speech verb or another casualty verb.
_HARM = f"{_BRANCHED_VERBS['killed']}|{_BRANCHED_VERBS['injured']}"
_SHARED_CLAUSE = (
    r"(?:(?!(?:or|but|while|when|where|who|which|whom|as|because|said|says|told|"
    rf"{_ANY_VERB})\b)[a-z0-9'’-]+,?\s+){{0,14}}?and\s+"
)
_SHARED_AUXILIARY = (
    rf"(?!(?:{_HARM})\b)[a-z'’-]+\s+{_SHARED_CLAUSE}"
    r"(?:(?:later|subsequently|then|eventually|also|summarily)\s+)?$"
)
_ONE_WAS_AND = re.compile(
    rf"\b(?:an?|one)\s+{_MODS}{_ONE}\s+(?:was|had\s+been|has\s+been)\s+{_SHARED_AUXILIARY}"
)
_SOME_WERE_AND = re.compile(
    rf"\b{QUANTITY}\s+{_MODS}(?:{_PLURAL_VICTIMS})\s+"
    # ("Three employees of a mobile phone company were kidnapped and later killed", "Nine
    # labourers belonging to the Hazara community were abducted and shot dead")
    rf"(?:(?:of|from|belonging\s+to|hailing\s+from)\s+(?:(?!(?:and|or|{_ANY_VERB})\b)[a-z'’.-]+\s+){{1,4}}?)?"
    r"(?:were|had\s+been|have\s+been)\s+"
    rf"{_SHARED_AUXILIARY}"
)
# How every match of either ends (a cheap test before them).
_AND_TAIL = re.compile(r"\band\s+(?:(?:later|subsequently|then|eventually|also|summarily)\s+)?$")


def were_and(
    text: str, verbs: dict[str, list[re.Match[str]]]
) -> list[tuple[str, int, int, int, int]]:
    """(category, low, high, start, end) of each figure whose verb shares a passive's
    auxiliary (`_SOME_WERE_AND`) in folded sentence `text`; the span is the verb's own (the
    first verb may hold a figure of its own over the same words: "kidnapped and killed")."""
    out = []
    # (deaths and wounds only: a capture's retold list is its own figure, "the leader, the
    # facilitator and several additional individuals were identified and taken into custody")
    for category in ("killed", "injured"):
        for v in verbs.get(category, []):
            if not _AND_TAIL.search(text, max(0, v.start() - 30), v.start()) or (
                _OBJECT_AFTER.match(text, v.end())  # "and killed two": a new subject's deed
            ):
                continue
            lo = max(0, v.start() - 160)
            if (one := _ONE_WAS_AND.search(text, lo, v.start())) is not None:
                if not _NEGATION.search(text, max(0, one.start() - 12), one.start()):
                    out.append((category, 1, 1, v.start(), v.end()))
            elif (some := _SOME_WERE_AND.search(text, lo, v.start())) is not None and (
                value := _value(some, text)
            ):
                out.append((category, value[0], value[1], v.start(), v.end()))
    return out


# A wounded victim's death: the subject (a pronoun, a definite noun, "one of the wounded",
# "who"), then a word that says it came after the wounding ("later", "succumbed", "of his
# wounds", "in hospital"); one death among the wounded told before (`tolls`: the same person
# is not both).
_DIED_SUBJECT = re.compile(
    r"(?:\b(?:he|she|who)|\bthe\s+(?:[a-z'’-]+\s+){0,2}?(?:" + _ONE + r")"
    r"|\bone\s+of\s+(?:them|whom|the\s+(?:[a-z'’-]+\s+)?(?:wounded|injured)(?:\s+[a-z'’-]+)?)"
    # ("Sepoy Ali, who was injured in the exchange of fire, later embraced shahadat")
    r"|\bwho\s+(?:was|were|had\s+been)\s+(?:[a-z]+\s+)?(?:injured|wounded)\b[^,;.]{0,60},)\s+"
    r"(?P<later>(?:later|subsequently|eventually)\s+)?$"
)
# ... and a figure of them: "Two of them later died in hospital" (between its number and verb)
# (with "later", or after a wounded figure: "injured 12 people, two of whom died")
OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\s+(?P<later>(?:later|subsequently|eventually)\s+)?")
_DIED_VERB = re.compile(r"died|succumbed|passed\s+away|embraced\s+(?:shahadat|martyrdom)")
_OF_WOUNDS = re.compile(
    r"\s+(?:later|subsequently)\b|\s+(?:to|of|from)\s+(?:his|her|their)\s+(?:[a-z]+\s+)?(?:wounds|injuries)\b|"
    r"\s+(?:in|at)\s+(?:a\s+|the\s+)?(?:[a-z]+\s+)?hospital\b"
)


def wounded_died(text: str, verbs: dict[str, list[re.Match[str]]]) -> list[tuple[int, int]]:
    """(start, end) of each wounded victim's later death in folded sentence `text`
    (`_DIED_SUBJECT`)."""
    out = []
    for v in verbs.get("killed", []):
        if _DIED_VERB.fullmatch(v.group(0)) is None:
            continue
        subject = _DIED_SUBJECT.search(text, max(0, v.start() - 100), v.start())
        if subject is None or not_violent(text, v.start(), v.end()):
            continue
        if (
            subject.group("later")
            or v.group(0) == "succumbed"
            # ("one of the wounded died"; not "one of them died": of the dead, maybe)
            or subject.group(0).startswith(("one of the ", "one of whom"))
            or _OF_WOUNDS.match(text, v.end())
        ):
            out.append((v.start(), v.end()))  # (the subject may hold a wounded figure)
    return out


# A relative clause's deed: "a man who killed three people", "the gunman who had shot dead".
_WHO_BEFORE = re.compile(r"\bwho\s+(?:(?:had|has|allegedly|reportedly|earlier)\s+){0,2}$")


# ... and a figure that is the deed's doer or its object, not the victims of the verb after:
# "two men who shot dead a shopkeeper", "a man who killed three people in Herat was arrested".
_WHO_DEED_BEFORE = re.compile(
    rf"\bwho\s+(?:(?:had|has|allegedly|reportedly|earlier)\s+){{0,2}}(?:{_ANY_VERB})\s+"
    rf"(?:{_QUALIFIER})?$"
)


def in_deed(text: str, start: int, verb_start: int) -> bool:
    """Whether a number-first figure (its number at `start`, its verb at `verb_start`) is a
    relative clause's: its people did the deed ("two men who shot dead") or suffered an earlier
    one ("who killed three people ... was arrested")."""
    return (
        # (a deed done to others: not "five people who died in the blast")
        _TRANSITIVE.match(text, verb_start) is not None
        and _WHO_BEFORE.search(text, max(0, verb_start - 30), verb_start) is not None
    ) or _WHO_DEED_BEFORE.search(text, max(0, start - 60), start) is not None


def captive_deed(text: str, start: int, verbs: dict[str, list[re.Match[str]]]) -> bool:
    """Whether the casualty verb at `start` tells a deed in a relative clause beside a capture
    ("Police said a man who killed three people was arrested", "arrested two men who shot dead a
    shopkeeper"): the captives' crime, not the report's toll."""
    return _WHO_BEFORE.search(text, max(0, start - 30), start) is not None and any(
        -100 < v.start() - start < 100 for v in verbs.get("arrested", [])
    )


# "after the killing of X": the killing dates something else, an earlier event's toll (not
# "condemns the killing of", "over the killing of": the event itself).
_AFTER_THE = re.compile(r"\b(?:after|following|since)\s+(?:the\s+)?$")
_KILLING_OF = re.compile(r"(?:killing|death|murder|assassination|martyrdom)\s+of\b")


def after_the_killing(text: str, start: int) -> bool:
    """Whether the killing noun at `start` ("killing of", "death of") follows a word that makes
    it the time or cause of another deed (`_AFTER_THE`)."""
    return (
        _KILLING_OF.match(text, start) is not None
        and _AFTER_THE.search(text, max(0, start - 20), start) is not None
    )


# A group's rank ("al Qaeda's No. 2", "the Taliban's number three"): one person.
_RANK = r"['’]s\s+(?:no\.\s*|number\s+)(?:\d{1,2}|one|two|three|four|five)\b"
_RANK_BEFORE = re.compile(
    rf"{_RANK}(?:,\s+[^,;:]{{1,60}}?,)?\s+(?:(?:was|has\s+been|had\s+been)\s+)?(?:also\s+)?$"
)
_RANK_AFTER = re.compile(rf"\s+(?:the\s+)?(?:[a-z'’-]+\s+){{0,2}}?[a-z'’-]+{_RANK}")
RANK_CUES = ("no.", "number")  # one is in every match of either


def ranked(
    text: str, verbs: dict[str, list[re.Match[str]]], ruling: frozenset[str]
) -> list[tuple[str, int, int]]:
    """(category, start, end) of each group's rank told as the victim of a casualty verb
    (`_RANK_BEFORE`, `_RANK_AFTER`) in folded sentence `text`: one victim each."""
    out = []
    for category in ("killed", "injured", "arrested"):
        for v in verbs.get(category, []):
            cat = captor_category(category, text, v.start(), v.end(), ruling)
            if (before := _RANK_BEFORE.search(text, max(0, v.start() - 90), v.start())) is not None:
                out.append((cat, before.start(), v.end()))
            elif (after := _RANK_AFTER.match(text, v.end())) is not None:
                out.append((cat, v.start(), after.end()))
    return out


# "N <victims> who <clause> were <verb>": up to ten words of a clause with no other verb of a
# passive, no casualty verb and no clause word.
_WHO_WERE = re.compile(
    rf"\b{QUANTITY}\s+{_MODS}(?:{_PLURAL_VICTIMS})\s+who\s+"
    # ("two men who were riding a motorcycle on the ring road were shot dead")
    r"(?:(?:were|was)\s+(?=[a-z]+ing\s))?(?:(?!(?:and|or|but|while|when|where|which|who|were|was|are|is|said|says|told|"
    rf"{_ANY_VERB})\b)[a-z0-9'’.-]+,?\s+){{1,10}}?"
    r"(?:were|have\s+been|had\s+been)\s+(?:(?:later|also|all|subsequently)\s+)?$"
)


def who_were(
    text: str, verbs: dict[str, list[re.Match[str]]]
) -> list[tuple[str, int, int, int, int]]:
    """(category, low, high, start, end) of each figure told with a relative clause before its
    passive verb (`_WHO_WERE`) in folded sentence `text`."""
    out = []
    for category in ("killed", "injured"):
        for v in verbs.get(category, []):
            lo = max(0, v.start() - 140)
            if (some := _WHO_WERE.search(text, lo, v.start())) is not None and (
                value := _value(some, text)
            ):
                out.append((category, value[0], value[1], some.start("n1"), v.end()))
    return out
