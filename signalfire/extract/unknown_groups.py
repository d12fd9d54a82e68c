"""Armed groups the actor table lacks: organisations the NER finds that look like one.

Kept apart from `pipeline` so that each module stays small; `pipeline.Extractor` calls
`add_unknown_groups` with the NER's organisations of a document.
"""

from __future__ import annotations

import re

from ..actors import Actor, ActorTable
from .roles import ActorMention
from .sentences import Sentence

_GROUP_WORDS = re.compile(
    r"\b(?:lashkar|jaish|tehreek|tehrik|jamaat|jamat|army|front|movement|brigade|harkat|"
    r"hizb|jund|ansar|mujahideen|tanzeem|sipah|liberation|network|faction|militia)\b",
    re.IGNORECASE,
)
# ... but not state bodies or coalition forces that NER also labels ORG.
_NOT_A_GROUP = re.compile(
    r"\b(?:coalition|afghan|pakistan\w*|national|security|isaf|nato|police|government|"
    r"ministry|united|u\.?s\.?|american|indian|frontier|corps)\b",
    re.IGNORECASE,
)


def add_unknown_groups(
    orgs: list[tuple[int, int, str]],
    sentences: list[Sentence],
    actors: ActorTable,
    new_actors: dict[str, Actor],
) -> None:
    """Each NER organisation ((start, end, name), in text order) that looks like an armed group
    and overlaps no actor already named becomes an actor mention of its sentence: the table's
    actor of that name, or a new one (id "new_<slug>"), which is kept in `new_actors`."""
    for a, b, name in orgs:
        if not _GROUP_WORDS.search(name) or _NOT_A_GROUP.search(name):
            continue
        if any(m.start < b and a < m.end for s in sentences for m in s.actors):
            continue
        actor = actors.resolve_or_new(name)
        owner = next((s for s in sentences if s.start <= a < s.end), None)
        if owner is not None:
            owner.actors.append(ActorMention(actor.actor_id, a, b, name))
            if actor.is_new:
                new_actors[actor.actor_id] = actor
