"""Armed groups the actor table does not know: found, named in full, and kept as new actors.

Two sources: the organisations the NER model finds in the windows it reads, when they look like
armed groups ("... Front", "Lashkar-..."), and, in event sentences, the joined Urdu and Arabic
group names NER misses or cuts short ("Tehreek" of "Tehreek-e-Jihad Pakistan"). A name is
widened over the joined parts NER left off, and a country word that closes it is part of the
name ("... Pakistan"), not a sign of a state body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..actors import Actor, ActorTable
from .roles import ActorMention
from .sentences import Sentence

# What an armed group's name holds...
GROUP_WORDS = re.compile(
    r"\b(?:lashkar|jaish|tehreek|tehrik|jamaat|jamat|army|front|movement|brigade|harkat|"
    r"hizb|jund|ansar|mujahideen|tanzeem|sipah|liberation|network|faction|militia)\b",
    re.IGNORECASE,
)
# ... but not state bodies or coalition forces that NER also labels ORG.
NOT_A_GROUP = re.compile(
    # ("national" of a state body, not of a "National Liberation Front")
    r"\b(?:coalition|afghan|pakistan\w*|national(?!\s+liberation)|security|isaf|nato|police|"
    r"government|"
    r"ministry|united|u\.?s\.?|american|indian|frontier|corps)\b",
    re.IGNORECASE,
)
# The joined rest of a name: "-e-Jihad", "-ul-Mujahideen", " Wal-Jihad", " Pakistan".
_NAME_REST = re.compile(
    r"(?:-(?:e|i|ul|ud|us|al|wal|wa|o)-[A-Z][\w']*|\s+(?:[Ww]al|[Ww]a)-[A-Z][\w']*|"
    r"\s+(?:Pakistan|Afghanistan|Khorasan|Hind)\b)*"
)
# A group's name in that form, wherever NER did not read: "Tehreek-e-Jihad Pakistan".
_GROUP_NAME = re.compile(
    r"\b(?:Tehreek|Tehrik|Lashkar|Jaish|Ansar|Ittehad|Ittihad|Harkat|Jamaat|Hizb|Jund|Tanzeem|"
    r"Majlis|Sipah|Junood)-(?:e|i|ul|ud|us|al)-[A-Z][\w']+" + _NAME_REST.pattern
)
_COUNTRY_TAIL = re.compile(r"\s+(?:Pakistan|Afghanistan)$")
# Every `_GROUP_NAME` holds one of these joins: a cheap test before the scan.
_JOINS = ("-e-", "-i-", "-ul-", "-ud-", "-us-", "-al-")


def add_unknown_groups(
    text: str,
    orgs: list[tuple[int, int, str]],
    sentences: list[Sentence],
    actors: ActorTable,
    new_actors: dict[str, Actor],
) -> None:
    """Each group name of `text` (`group_names`) that overlaps no actor already named becomes
    an actor mention of its sentence: the table's actor of that name, or a new one (id
    "new_<slug>"), which is kept in `new_actors`."""
    for a, b, name in group_names(text, orgs, sentences):
        if any(m.start < b and a < m.end for s in sentences for m in s.actors):
            continue
        actor = actors.resolve_or_new(name)
        owner = next((s for s in sentences if s.start <= a < s.end), None)
        if owner is not None:
            owner.actors.append(ActorMention(actor.actor_id, a, b, name))
            if actor.is_new:
                new_actors[actor.actor_id] = actor


def group_names(
    text: str, orgs: Iterable[tuple[int, int, str]], sentences: Iterable[Sentence]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each group-like name in `text`, in order: the NER organisations
    `orgs` ((start, end, text)) widened over their joined rest, and the joined names of event
    sentences; state bodies left out."""
    spans = {(a, _rest_end(text, b)) for a, b, _ in orgs}
    for s in sentences:
        if s.is_event and any(j in s.text for j in _JOINS):
            spans |= {
                (s.start + m.start(), s.start + m.end()) for m in _GROUP_NAME.finditer(s.text)
            }
    found = []
    for a, b in sorted(spans):
        name = text[a:b]
        if GROUP_WORDS.search(name) and not NOT_A_GROUP.search(_COUNTRY_TAIL.sub("", name)):
            found.append((a, b, name))
    # (a name inside a longer one found the other way is the same group)
    return [
        (a, b, n)
        for a, b, n in found
        if not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in found)
    ]


def _rest_end(text: str, end: int) -> int:
    rest = _NAME_REST.match(text, end)
    return rest.end() if rest is not None else end
