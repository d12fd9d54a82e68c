"""Phrasings around an actor's name that decide its role before the verb-position rules of
`roles.role_of` do: membership ("members of the TTP"), a stance taken on the event
("condemned", "blamed", "said"), a description of another actor ("a TTP splinter group"),
a background event ("a day after Taliban attacks"), the two sides of a clash ("clashes between
the TTP and ..."), and attributions said of the actor ("ISKP was behind the attack").

All patterns here run on case-folded text (`textcase.fold`) at a given offset: cheap, anchored
matches, no scan of the whole sentence.
"""

from __future__ import annotations

import re

# "members of the banned TTP", "linked to the BLA", "belonging to the outlawed ...": said of a
# noun before them, who may be the attackers ("gunmen affiliated with the LeJ killed") or the
# victims and arrestees ("killed six members of the Pakistan Army", "arrested three members of
# the TTP", "four people linked to the BLA were killed"), which `roles` tells apart.
MEMBER_BEFORE = re.compile(
    r"\b(?:members?\s+of|linked\s+to|affiliated\s+with|affiliated\s+to|associated\s+with|"
    r"loyal\s+to|belong(?:s|ed|ing)?\s+to)\s+(?:the\s+)?(?:(?:banned|outlawed|proscribed|"
    r"defunct|militant|terrorist|little-known|so-called)\s+){0,2}$"
)
# What may stand between a group's name and its victims' verb: "members of the Levies force
# were shot dead", "men linked to the Haqqani network were detained".
_NAME_TAIL = r"(?:\s+(?:force|forces|group|network|faction|outfit|organi[sz]ation|militants?|men))?"
MEMBER_VICTIMS_AFTER = re.compile(
    _NAME_TAIL + r"(?:,[^,;.]{1,40},)?"
    r"\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+|are\s+|being\s+)?(?:killed|arrested|"
    r"detained|captured|held|nabbed|shot\s+dead|gunned\s+down|injured|wounded|rounded\s+up|"
    r"martyred|died|slain|abducted|kidnapped|taken\s+into\s+custody)\b"
    r"(?!\s+(?:a|an|the|his|her|their|its|him|them|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|dozens|scores|at\s+least|more\s+than)\b)"
)

# A stance on the event, not a part in it: "The Afghan government condemned the attack", "Police
# blamed the LeJ for ...", "Afghan Taliban spokesman Zabihullah Mujahid said Pakistani warplanes
# bombed ...", "officials claimed that ...": the subject of these verbs is no perpetrator, even
# before the first violent verb. Up to three words of the subject may follow the name
# ("spokesman", "army chief", a spokesman's name).
_STANCE_VERBS = (
    r"(?:strongly\s+|also\s+|later\s+|on\s+\w+day\s+)?(?:condemn(?:ed|s|ing)?|denounc(?:ed|es)|"
    r"deplor(?:ed|es)|criticis(?:ed|es)|criticiz(?:ed|es)|blam(?:ed|es)|accus(?:ed|es)(?!\s+of\b)|"
    r"claim(?:ed|s)\s+that|said|says|told|added|confirm(?:ed|s)?|reported|announced|warned|vowed|"
    r"urged|demanded|mourned|expressed|protested|welcomed|stated|insisted|tweeted|wrote)\b"
    # not a report of the actor's own fate: "a Taliban commander reported killed", "said to be"
    r"(?!\s+(?:to|killed|dead|injured|wounded|arrested|detained|captured|missing|among)\b)"
)
STANCE_AFTER = re.compile(
    # (then maybe an appositive: "Jundullah Pakistan, a little-known group, said it ...")
    r"(?:'s?|\u2019s?)?(?:\s+(?!said\b|says\b|told\b|and\b|or\b|who\b|which\b|that\b|was\b|"
    r"were\b|is\b|are\b|had\b|has\b|have\b|(?:rejected|rejects|denied|denies|dismissed)\b)"
    r"[\w.-]+){0,3}?(?:,[^,;.]{1,50},)?\s+" + _STANCE_VERBS
)


# Any stance verb at all (cheap substring tests before STANCE_AFTER; "urged", not "urge",
# which "insurgents" holds)
STANCE_CUES = (
    "condemn", "denounc", "deplor", "critici", "blame", "accuse", "claim", "said", "says", "told",
    "added", "confirm", "report", "announc", "warn", "vow", "urged", "demand", "mourn", "express",
    "protest", "welcom", "stated", "insist", "tweet", "wrote",
)  # fmt: skip
CONDEMNATION = re.compile(r"condemn|denounc|deplor|criticis|criticiz")
# "ISAF today confirmed the capture of a Taliban facilitator": its own operation.
OWN_OPERATION_REST = re.compile(
    r"\s+(?:the\s+)?(?:capture|arrest|death|killing|detention|detainment)\s+of\b"
)
# "ISAF Confirms Taliban Leader Killed": a state force confirms its own operation's result
# (`roles.role_of`: a group that confirms it tells of the other side's).
CONFIRMED_FATE = re.compile(
    r"\s+(?:[\w'-]+\s+){1,4}?(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:killed|captured|"
    r"detained|arrested|dead)\b"
)
# ... unless what the speaker says is its own side's act: "the TTP said its fighters attacked",
# "the army said it had killed 10 terrorists", "the group claimed that its men carried out".
SELF_REPORT_REST = re.compile(
    r"\s+(?:in\s+a\s+statement\s+)?(?:that\s+)?(?:it|they|we|its|their|our|the\s+group|"
    r"the\s+organi[sz]ation|his\s+(?:group|fighters|men))\s+(?:\w+\s+)?(?:had|have|has|was|"
    r"were)?\s*(?:\w+\s+)?(?:killed|detained|arrested|captured|carried\s+out|attacked|targeted|"
    r"shot|bombed|conducted|launched|destroyed|claimed|responsible|behind|torched|set|blown|blew|"
    r"damaged|sabotaged)\b"
)

# A claim after an appositive: "BRAS, an alliance of Baloch separatist groups, claimed ...".
APPOSITIVE = re.compile(r"(?:'s?|\u2019s?)?,[^,;.]{1,50},\s*$")

# A description of another group: "Jamaat-ul-Ahrar, a TTP splinter group, claimed ...", "the
# Haqqani network, allied with the Taliban, carried out ...": the named one is no party.
DESCRIBES_AFTER = re.compile(r"(?:-|\s+)(?:splinter|breakaway|offshoot|rival)\b")
DESCRIBES_BEFORE = re.compile(
    r"\b(?:allied\s+with|allies?\s+of|an?\s+ally\s+of|offshoot\s+of|(?:splinter|breakaway)\s+"
    r"(?:group|faction|outfit)\s+of|broke\s+away\s+from|split\s+from|splintered\s+from|"
    r"parted\s+ways\s+with|rivals?\s+of)\s+(?:the\s+)?$"
)

# Another, earlier or later event named as background: "..., a day after Taliban attacks in
# Kandahar killed six", "two weeks before TTP militants stormed ...".
BACKGROUND_BEFORE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|\d+|several|few|the|many)\s+(?:hours?|days?|"
    r"weeks?|months?|years?)\s+(?:after|before|since)\s+(?:[\w'-]+\s+){0,3}$"
)

# The two sides of a fight: "clashes between the TTP and the Lashkar-e-Islam": the first named
# is side A (actor1), the one after "and" side B (a target, like ACLED's actor2).
CLASH_BETWEEN_BEFORE = re.compile(
    r"\b(?:clash(?:es|ed)?|fighting|fight|gun\s*battles?|battles?|firefights?|skirmish(?:es)?|"
    r"exchange\s+of\s+fire|hostilities)\s+(?:\w+\s+){0,2}?between\s+(?:the\s+)?(?:rival\s+)?$"
)

# Said of the actor after its name: "ISKP was behind the attack", "the LeJ was likely
# responsible for", "whether the TTP was involved in", "the TTP is suspected".
ATTRIBUTED_AFTER = re.compile(
    # (not a person of the group: "the Taliban leader is responsible for" is ISAF's account of
    # a man it detained; nor a relative clause: "an insurgent who is responsible")
    r"\W*(?:(?!(?:and|or|but|who|which|that|leader|commander|facilitator|financier|chief|emir|member|"
    r"operative|insurgent|militant)s?\b)[\w-]+\s+){0,2}?(?:is|are|was|were|had\s+been|has\s+been|have\s+been|may\s+have\s+been|"
    r"might\s+have\s+been|could\s+have\s+been)\s+(?:(?:likely|probably|possibly|most\s+likely|"
    r"also|allegedly|reportedly|almost\s+certainly|believed\s+to\s+(?:be|have\s+been)|"
    r"thought\s+to\s+(?:be|have\s+been)|suspected\s+to\s+(?:be|have\s+been))\s+)?"
    r"(?:suspected|believed|blamed|behind|responsible|involved)\b"
)
# "bore the hallmarks of the Islamic State", "suspicion fell on the TTP", "blamed on the TTP".
ATTRIBUTED_BEFORE = re.compile(
    r"\b(?:hallmarks?\s+of|signature\s+of|suspicion\s+(?:fell|falls)\s+on|blamed\s+on|"
    r"the\s+work\s+of)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$"
)
# A later clause in which the actor does something that is no attack: "..., adding that the TTP
# had threatened him earlier", "the Taliban had warned of ...".
OTHER_ACT_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+)?(?:earlier\s+|also\s+|previously\s+|repeatedly\s+)?"
    r"(?:threatened|warned|vowed|pledged|demanded|issued|sent|written|wrote|announced)\b"
)

# Who fends off an attack, or finds a bomb, is no perpetrator: "Security forces repulsed a
# Taliban attack on a checkpost" (the forces were attacked: a target), "police defused a bomb",
# "foiled a terror bid" (no side in it). Up to three words of the subject may follow the name.
DEFENDED_AFTER = re.compile(
    r"(?:\s+(?!and\b|or\b|who\b|which\b|that\b)[\w'-]+){0,3}?\s+(?:(?:had|have|has)\s+)?"
    r"(?:successfully\s+|effectively\s+|also\s+|later\s+)?(?:"
    r"(?P<fended>repuls(?:ed|es|ing)|repell?(?:ed|s|ing)?|beat\s+back|fought\s+off|warded\s+off|"
    # foiled an attack on their own post: attacked; any other foiled attack: no side in it
    r"pushed\s+back|(?:foil|thwart)(?:ed|s|ing)?(?=\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:attacks?|assaults?|raids?)\s+on\s+(?:their|its|our|an?|the)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:check-?\s?posts?|posts?|outposts?|camps?|checkpoints?|stations?|convoys?|patrols?)\b))|"
    r"(?P<found>defus(?:ed|es|ing)|diffus(?:ed|es|ing)|(?:recovered|found)\s+and\s+defused|"
    r"foil(?:ed|s|ing)|thwart(?:ed|s|ing)|averted))\b"
)
# What a defender does after fending off an attack that makes it a perpetrator again ("troops
# repulse attacks, kill 40 militants"): the start of a violent verb after DEFENDED_AFTER.
DEFENDERS_ACT = ("kill", "shot", "shoot", "arrest", "detain", "captur", "gunned", "wound", "injur")
# Victims named before their toll: "FC man among three killed in Quetta blast", "two soldiers
# among 12 dead" (the headline form, with no verb of their own before "killed").
AMONG_VICTIMS_AFTER = re.compile(
    r"(?:\s+[\w'-]+){0,2}?\s+among\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:killed|dead|injured|"
    r"wounded|victims|casualties|martyred|hurt)\b"
)
# ... and in the passive: "the attack was repulsed by Afghan soldiers".
DEFENDED_BY = re.compile(
    r"\b(?:repulsed|repelled|beaten\s+back|fought\s+off|warded\s+off|pushed\s+back|foiled|"
    r"thwarted|defused)\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$"
)
# Property of a side, not the side: "NATO supply trucks", "NATO oil tankers", "fuel for NATO
# forces" (the contractors' vehicles that are attacked; the coalition is no party to it).
SUPPLIES_AFTER = re.compile(
    r"(?:-|\s+)(?:(?:supply|supplies|oil|fuel|cargo|logistics)\s+)?(?:tankers?|trucks?|"
    r"lorr(?:y|ies)|containers?|convoys?\s+of\s+(?:tankers|trucks))\b|"
    r"(?:-|\s+)suppl(?:y|ies)\b"
)
SUPPLIES_BEFORE = re.compile(
    r"\b(?:(?:suppl(?:y|ies)|fuel|oil|goods|cargo|equipment)\s+(?:meant\s+|bound\s+)?(?:for|to)|"
    r"supplying)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
)

# Substrings every match of the rarer patterns above holds (`DESCRIBES_*`, `DEFENDED_*`,
# `SUPPLIES_*`): where a sentence holds none, `roles.role_of` skips them for each mention.
SENTENCE_CUES = {
    "describes": (
        "allie", "ally", "offshoot", "splinter", "breakaway", "broke", "split", "parted", "rival",
    ),
    "defended": (
        "repul", "repel", "beat", "fought", "warded", "pushed", "foil", "thwart", "defus",
        "diffus", "avert",
    ),
    "supplies": (
        "suppl", "tanker", "truck", "lorr", "container", "fuel", "oil", "goods", "cargo",
        "equipment",
    ),
}  # fmt: skip


class SentenceCues:
    """Which kinds of `SENTENCE_CUES` a folded sentence holds: each kind tested on first use
    and kept for the sentence's other mentions (`roles.role_of` runs once per mention)."""

    def __init__(self, cues: dict[str, tuple[str, ...]]) -> None:
        self.cues = cues
        # (the sentence and its results as one tuple, replaced at once: safe across threads)
        self.last: tuple[str, dict[str, bool]] = ("", {})

    def has(self, low: str, kind: str) -> bool:
        last = self.last
        if last[0] is not low:
            last = self.last = (low, {})
        found = last[1].get(kind)
        if found is None:
            found = last[1][kind] = False
            for cue in self.cues[kind]:  # (a loop: 2x faster than any() of a generator)
                if cue in low:
                    found = last[1][kind] = True
                    break
        return found


# -- generic words for state forces, for roles only (see generic_actors.py) --------------
# More state words, for roles only (screening uses STATE_WORDS): "an ISAF service member",
# "Pakistani helicopters fired on villages".
MORE_STATE = r"\b(?:service\s*members?|servicem[ae]n|helicopters?)\b"
# The coalition by that word only before what is military and no state word itself ("coalition
# troops", "coalition service member" are state words, the coalition's where the story names it):
# "a coalition air strike", "coalition-supported force" (not "the coalition government").
COALITION = (
    r"\bcoalition(?=[\s-]+(?:air|aircraft|strikes?|airstrikes?|partners?|units?|supported|led|"
    r"planes?|advis[eo]rs|casualty|casualties|patrols?|convoys?|bases?|force)\b)"
)
# "Afghan and coalition forces", "an Afghan-led ... force": the Afghan side as well.
AFGHAN_ALLY = (
    r"\bafghan(?=-led\b|\s+and\s+(?:coalition|international|isaf|nato|u\.s\.|us|american|"
    r"foreign)\s+(?:forces?|troops|soldiers|security)\b)"
)
# A state's attack named by its nation: "Pakistani airstrikes killed", "in Afghan shelling"
# (the nation word itself stands for the state; see generic_actors).
NATION_ATTACK = (
    r"\b(?:air\s*strikes?|drone\s+strikes?|shelling|bombardments?|strikes|firing|raids|"
    r"artillery|rockets|mortars|fire(?!\s+(?:brigade|service|department|fighters?|engines?|"
    r"tenders?|station)))\b"
)
