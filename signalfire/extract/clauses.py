"""Clause structure around an actor mention, for `roles.role_of`: whether the mention opens a
later clause as the subject of an attack verb or owns the attack ("... killed when TTP militants
attacked", "killed in a TTP attack"), is the object of a violent verb ("killed three suspected
militants"), or names victims ("soldiers killed in", "policemen were martyred").

All run on case-folded text (`textcase.fold`); `verbs` are the spans of the sentence's violent
verbs (`roles.violent_verbs`).
"""

from __future__ import annotations

import re

# A later clause's own subject: "three policemen were killed when TTP militants attacked a
# checkpost", "... killed as forces raid hideouts", "... while troops conduct an operation":
# the subject of an active attack verb after a clause word is a perpetrator, however many
# victims the earlier verb has. Also the owner of the attack in "killed in a TTP attack",
# "during a Taliban assault", "under Taliban fire" (not "anti-TTP", "army camp attack").
_OPENERS = r"when|as|after|while|before|where|whereas|which|in|during|under|amid|following"
_CLAUSE_OPEN = re.compile(
    # The nearest opener (none in the gap); not "such as", "as well as", "as many as".
    rf"\b(?=[wabiduf])(?<!such\s)(?<!well\s)(?<!many\s)(?<!much\s)(?<!soon\s)(?<!same\s)"
    rf"(?P<word>{_OPENERS})\s+(?P<gap>(?:(?!(?:{_OPENERS})\s)[a-z0-9'-]+\s+){{0,3}})$"
)
_CLAUSE_WORDS_BEFORE = frozenset(
    {"when", "as", "after", "while", "before", "where", "whereas", "which"}
)
_OWNER_WORDS_BEFORE = frozenset({"in", "during", "under", "amid", "after", "following"})
_OPENER_WORDS = _CLAUSE_WORDS_BEFORE | _OWNER_WORDS_BEFORE
_NOT_A_SUBJECT = re.compile(
    r"\b(?:by|on|against|at|targeting|with|from|to|into|near|under|and|or|who|which|that|"
    r"said|says|many|much|well|soon|far|long|such|same|if)\b"
)
_ATTACK = (
    r"(?:kill(?:s|ed|ing)?|attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|ambush(?:es|ed|ing)?|"
    r"storm(?:s|ed|ing)?|target(?:s|ed|ing)?|strike|strikes|striking|struck|shell(?:s|ed|ing)?|"
    r"pound(?:s|ed|ing)?|bomb(?:s|ed|ing)?|blew|blow(?:s|ing)?|gun(?:s|ned|ning)?\s+down|shot|"
    r"shoot(?:s|ing)?|fire[ds]?\s+(?:on|at|upon|into|rockets?|mortars?|shells?)|firing\s+on|"
    r"open(?:s|ed|ing)?\s+fire|return(?:s|ed|ing)?\s+fire|hit|hits|hitting|overr[au]n|"
    r"besieg\w+|abduct\w*|kidnap\w*|captur(?:e|es|ed|ing)|arrest(?:s|ed|ing)?|"
    r"detain(?:s|ed|ing)?|seiz(?:e|es|ed|ing)|swoop\w*|lob(?:s|bed|bing)?|hurl\w*|"
    r"plant(?:s|ed|ing)?|detonat\w+|explod\w+|assassinat\w+|behead\w*|execut\w+|"
    r"massacr\w+|torch\w*|set\s+off|"
    r"(?:conduct\w*|launch\w*|carr(?:y|ies|ied|ying)\s+out|mount\w*|stag(?:e|es|ed|ing))"
    r"\s+(?:[a-z-]+\s+){0,3}?(?:operation|raid|attack|offensive|strike|assault|ambush|"
    r"search|crackdown|bombing|airstrike|air\s+strike)s?)\b"
)
# Between the subject and its verb only words of the subject itself ("TTP militants", "a
# Daesh suicide bomber", its weapon: "a Taliban rocket struck"), not other nouns: "after army
# camp attacked" is no army attack, "when an army vehicle hit a mine" no army strike.
_ACTIVE_AFTER = re.compile(
    r"(?:'s?|\u2019s?)?\s+(?:(?:militants?|fighters?|insurgents?|gunmen|men|forces?|troops|"
    r"personnel|commandos?|suicide|bombers?|attackers?|jets?|aircraft|helicopters?|gunships?|"
    r"planes?|drones?|police|policemen|soldiers|members|terrorists?|rebels?|separatists?|"
    r"militiam[ae]n|militias?|cadres?|operatives?|special|security|rockets?|mortars?|shells?|"
    r"missiles?|bombs?|ieds?|grenades?|artillery|allegedly|reportedly|then|"
    r"also|later|again|first|jointly|(?:riding|on)\s+(?:a\s+)?motor(?:cycle|bike)s?)\s+){0,3}?"
    # "were attacking", "had attacked", not a passive "were attacked"
    r"(?:(?:are|is|was|were)\s+(?=[a-z]+ing\b)|(?:had|have|has)\s+)?" + _ATTACK
)
_ATTACK_NOUN_AFTER = re.compile(
    r"(?:'s?|\u2019s?)?\s+(?:(?:suicide|rocket|drone|air|mortar|missile|gun|retaliatory|"
    r"deadly|fresh|latest|major|massive|cross-border|ground|night|bomb|grenade|militant|"
    r"terrorist|insurgent)\s+)?(?:attacks?|assaults?|ambush(?:es)?|raids?|operations?|"
    r"offensive|strikes?|airstrikes?|fire|firing|shelling|bombings?|gunfire|onslaught)\b"
)

_OBJECT_NEXT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|him|them|\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|dozens|scores|at\s+least|more\s+than|over|up\s+to)\b"
)


def later_subject(low: str, start: int, end: int, verbs: list[tuple[int, int]]) -> bool:
    """Whether the mention at `start`-`end` of folded sentence `low` opens a later clause as
    the subject of an active attack verb, or owns the attack a victim died in (see
    `_CLAUSE_OPEN`)."""
    # Cheap gate first (runs for every mention): an opener among the last four words.
    if _OPENER_WORDS.isdisjoint(low[max(0, start - 40) : start].split()[-4:]):
        return False
    opened = _CLAUSE_OPEN.search(low, max(0, start - 40), start)
    if opened is None:
        return False
    gap = opened.group("gap")
    if _NOT_A_SUBJECT.search(gap) or any(opened.start("gap") <= v[0] < start for v in verbs):
        return False
    word = opened.group("word")
    if word in _CLAUSE_WORDS_BEFORE and _ACTIVE_AFTER.match(low, end):
        return True
    if word not in _OWNER_WORDS_BEFORE or _ATTACK_NOUN_AFTER.match(low, end) is None:
        return False
    # "Militants kill 61 in police attack": a killing with its own subject and object names
    # the attack by its target, not its owner.
    prior = next((v for v in reversed(verbs) if v[1] <= opened.start()), None)
    return prior is None or _OBJECT_NEXT.match(low, prior[1]) is None


# "killed three suspected militants", "arrested an alleged TTP commander": the suspicion is
# what the victims are said to be, not who did it.
_SUSPECT_ADJECTIVE = re.compile(r"\b(?:suspected|suspect|alleged)\s+(?:[\w'-]+\s+){0,3}$")
# Up to five words ("detained a total of 11 suspected insurgents") and no clause break (no
# , ; and who which) between a violent verb and its object.
_OBJECT_GAP = re.compile(r"^\s+(?:[\w'-]+\s+){0,5}$")
_COORDINATED_OBJECT = re.compile(
    r"\s+(?!(?:and|but|while|who|which|that|as|by|in|on)\b)(?:[\w'-]+\s+){1,5}and\s+"
    r"(?:[\w'-]+\s+){0,2}$"
)
# ... nor a preposition of the agent: "killed by suspected militants", "an attack by", "blamed
# on" name the suspected perpetrators, who stay suspected.
_CLAUSE_WORDS = re.compile(
    r"\b(?:and|but|while|who|which|that|as|after|before|when|by|on|upon|from|with|in)\b"
)
# "11 suspected militants killed in an operation": the suspected are the victims (passive:
# no object follows, unlike "suspected militants killed two policemen").
_VICTIM_VERB_AFTER = re.compile(
    r"\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|arrested|detained|"
    r"captured|held|nabbed|shot\s+dead|gunned\s+down|injured|wounded|rounded\s+up)\b"
    r"(?!\s+(?:a|an|the|his|her|their|its|him|them|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|dozens|scores|at\s+least|more\s+than)\b)"
)


_DIED_AFTER = re.compile(
    r"\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:martyred|died|dead|slain)\b"
)


def victims_of(low: str, start: int, end: int, verbs: list[tuple[int, int]]) -> bool:
    """Whether the mention at `start`-`end` of folded sentence `low` are victims, so no
    claimant or denier: followed by their own victim verb ("soldiers killed in", "policemen
    were martyred") or the object of a violent verb ("killed five soldiers and claimed")."""
    if _VICTIM_VERB_AFTER.match(low, end) or _DIED_AFTER.match(low, end):
        return True
    return object_of_verb(low, start, verbs)


def object_of_verb(low: str, start: int, verbs: list[tuple[int, int]]) -> bool:
    """Whether the mention at `start` is the object of the nearest violent verb before it, in
    the same clause ("killed three suspected militants", "killed five soldiers and")."""
    verb = next((v for v in reversed(verbs) if v[1] <= start), None)
    if verb is None:
        return False
    gap = low[verb[1] : start]
    return _OBJECT_GAP.match(gap) is not None and _CLAUSE_WORDS.search(gap) is None


def suspect_object(low: str, start: int, end: int, verbs: list[tuple[int, int]]) -> bool:
    """Whether the mention at `start`-`end` of folded sentence `low` is a "suspected ..." noun
    phrase that a violent verb of its clause acts on ("killed three suspected militants",
    "four suspected militants killed"), i.e. the victims, not suspected perpetrators."""
    before = low[max(0, start - 60) : start]
    if not (adjective := _SUSPECT_ADJECTIVE.search(before)):
        return False
    if _VICTIM_VERB_AFTER.match(low, end) is not None or object_of_verb(low, start, verbs):
        return True
    # The second of two objects: "detained a Haqqani network leader and two suspected
    # insurgents" (the suspicion is what the detained are said to be).
    verb = next((v for v in reversed(verbs) if v[1] <= start), None)
    return (
        verb is not None
        and _COORDINATED_OBJECT.match(low, verb[1], max(0, start - 60) + adjective.start())
        is not None
    )
