"""Whose forces a generic word names, for `generic_actors.generic_actors`: a nation word before it
("Pakistani fighter jets", "Afghan border police"), a nation's attack ("in Indian shelling"), a
former member ("ex-policemen": civilians now), the Baloch insurgency's militants, and a post
that stands for its forces only where it is attacked ("fired rockets at a checkpost", not "new
checkposts to be set up").

All patterns run on case-folded text (`textcase.fold`).
"""

from __future__ import annotations

import re

from .attribution import NATION_ATTACK
from .textcase import letter_first

NATION_ATTACKS = re.compile(
    letter_first(
        r"(?<![\w.])(?P<nat>indian|afghan|pakistani|pakistan|pak|iranian|american|u\.s\.|us)\s+"
        + NATION_ATTACK
    )
)
# The owner's attack after a nation word or a group's name: "as a result of Indian firing".
OWN_ATTACK = re.compile(r"\s+" + NATION_ATTACK)
# (every match of NATION_ATTACK holds one; `in` tests are faster than a search for any)
ATTACK_CUES = (
    "strike",
    "shelling",
    "bombard",
    "firing",
    "fire",
    "raids",
    "artillery",
    "rockets",
    "mortars",
)
_FORMER = re.compile(r"\b(?:former|ex|retired)[\s-]+(?:[a-z]+\s+)?$")
_NATIONS = {
    "indian": "ind_military", "afghan": "afg_military", "pakistani": "pak_military",
    "pakistan": "pak_military", "pak": "pak_military", "iranian": "irn_military",
    "american": "usa_military", "u.s.": "usa_military", "us": "usa_military",
}  # fmt: skip
NATION_CUES = ("indian", "afghan", "pak", "iranian", "american", "u.s.", "us")
_NATION = r"(?<![\w.])(indian|afghan|pakistani|pakistan|pak|iranian|american|u\.s\.|us)\s+"
# "Pakistani fighter jets", "Afghan border police": one word of the force may come between.
NATION_BEFORE = re.compile(
    _NATION + r"(?:(?:fighter|war|air|border|security|special|army|military|ground|naval|navy|"
    r"paramilitary|helicopter|intelligence|government|state)\s+)?$"
)

# A post of the forces attacked: "attack on a checkpost", "fired rockets at an outpost".
_POST_WORDS = frozenset({"check", "outpo"})
_ATTACKED_POST = re.compile(
    r"\b(?:on|at|upon|attacked|stormed|targeted|targeting|overran|raided|against)\s+(?:an?\s+|"
    r"the\s+|their\s+|its\s+)?(?:[a-z'-]+\s+){0,2}$"
)
_BALOCH = re.compile(
    r"\bbalo?u?ch(?:i|istan)?\s+(?:militants?|separatists?|rebels?|insurgents?|"
    r"nationalists?|militant\s+group|liberation)"
)


def cued(text: str, cues: tuple[str, ...]) -> bool:
    for cue in cues:  # noqa: SIM110 (a loop: 2x faster than any() of a generator)
        if cue in text:
            return True
    return False


def nation_of(text: str, nation: re.Match[str] | None, group: int | str = 1) -> str | None:
    """The state forces of a nation word matched in `text`'s folded twin."""
    # "Indian warplanes" in a Pakistani story are India's ("let us troops" is no nation)
    if nation is None or (
        nation.group(group) == "us" and text[nation.start() : nation.start() + 2] != "US"
    ):
        return None
    return _NATIONS[nation.group(group)]


def force_of(text: str, low: str, at: int, word: str, state: str | None) -> str | None:
    """Whose the state word `word` at `at` of the sentence `text` (folded: `low`) is: a nation
    named before it, else the story's `state`; civilians for a former member; None for a post
    that is not attacked."""
    if (
        low[at] in "co"
        and word[:5] in _POST_WORDS
        and not _ATTACKED_POST.search(low, max(0, at - 40), at)
    ):
        return None  # a post is its forces only where attacked ("new checkposts to be set up")
    # "Former soldiers", "ex-policemen", "retired army officers": no longer the state's forces
    # (after 2021 the Taliban's victims among the Republic's men are civilians).
    if _FORMER.search(low, max(0, at - 20), at):
        return "civilians"
    nation = nation_of(
        text,
        NATION_BEFORE.search(low, max(0, at - 30), at)
        if cued(low[max(0, at - 30) : at], NATION_CUES)  # (cues all its matches hold)
        else None,
    )
    return nation or state


def baloch_militants(low: str) -> bool:
    """Whether the militants of a folded sentence are the Baloch insurgency's ("Baloch
    militants", "Baluch separatists"), not the TTP's."""
    return "bal" in low and _BALOCH.search(low) is not None  # (every match holds "bal")
