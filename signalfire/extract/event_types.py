"""The event taxonomy and its trigger lexicon.

| event_type              | meaning                                                              |
|-------------------------|----------------------------------------------------------------------|
| armed_clash             | two armed sides fight: clash, gun battle, ambush, attack on a post,  |
|                         | a base, a headquarters or an airport (also one that is repulsed, or  |
|                         | fire at a post that hurts no one), forces attacked who return fire   |
| suicide_bombing         | a suicide bomber or suicide attack (vest, vehicle)                   |
| ied_bombing             | bomb, IED, roadside or remote bomb, grenade, blast, "blew up"        |
| targeted_killing        | a named or specific person shot dead, assassination                  |
| abduction               | people kidnapped, abducted, taken hostage                            |
| attack_on_civilians     | armed attack whose victims are civilians (massacre, attack on a bus, |
|                         | gunmen at a gathering, several civilians shot)                       |
| property_attack         | arson, sabotage, fire or rockets at property or infrastructure, or   |
|                         | an attack on it by means not said: a pipeline, pylon, mobile tower,  |
|                         | railway track, bridge, school, supply tankers (GTD's "Facility/      |
|                         | Infrastructure Attack"); one blown up by a bomb is an ied_bombing    |
| security_operation      | operation, raid, search, crackdown by state or coalition forces      |
| airstrike               | air or drone strike, missile strike, helicopter gunships             |
| cross_border_shelling   | shelling or firing across a border or the Line of Control            |
| arrest                  | people arrested, detained, captured, with no one killed              |
| ceasefire_negotiation   | ceasefire, truce, peace talks or deal                                |
| other                   | political violence that fits none of the above                       |

A bomb that is defused or found planted is an attempted bombing (ied_bombing; GTD keeps failed
bombings, ACLED calls them disrupted weapons use).

Civilians among the dead make a clash an attack on civilians unless the forces were hit too
(an assault on a police headquarters that also kills a passer-by stays a clash); three or more
civilians shot dead are an attack on civilians, not a targeted killing.

When several types' triggers occur in one event the more specific wins, in the order of
`PRIORITY` (a suicide bombing is also a bombing and an attack). Confidence grows with the number
of distinct triggers and the presence of a casualty figure (see `classify`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .alternation import by_first_letter, regroup
from .scanning import holds
from .textcase import Scanner, fold, letter_first

EVENT_TYPES = (
    "armed_clash",
    "suicide_bombing",
    "ied_bombing",
    "targeted_killing",
    "abduction",
    "attack_on_civilians",
    "property_attack",
    "security_operation",
    "airstrike",
    "cross_border_shelling",
    "arrest",
    "ceasefire_negotiation",
    "other",
)

PRIORITY = (
    "suicide_bombing",
    "airstrike",
    "cross_border_shelling",
    "ied_bombing",
    "targeted_killing",
    "abduction",
    "attack_on_civilians",
    "armed_clash",
    "property_attack",
    "security_operation",
    "arrest",
    "ceasefire_negotiation",
    "other",
)

# What a property attack hits: infrastructure, schools, supply vehicles (not "houses" or
# "vehicles" as such: troops destroy militants' houses in operations).
_PROPERTY_NOUN_WORDS = (
    r"pipelines?|pylons?|(?:transmission|power|electricity|mobile|phone|"
    r"cellular|cell|telecom\w*|communications?)\s+(?:towers?|masts?|lines?)|towers?|masts?|"
    r"railway\s+(?:tracks?|lines?|bridges?|stations?)|tracks?|bridges?|culverts?|schools?|"
    r"colleges?|grid\s+stations?|power\s+(?:stations?|plants?|houses?)|transformers?|"
    r"gas\s+(?:wells?|fields?|installations?)|tankers?|containers?|(?:supply|oil)\s+trucks?|"
    r"telephone\s+exchanges?|dams?|water\s+supply|health\s+(?:centres?|centers?|units?)|"
    r"churches|temples|gurdwaras"
)
# (regrouped by first letter: `re` tries them after each of up to three words, at every
# "attack", "hit", "destroyed" ...; see alternation.py)
_PROPERTY_NOUNS = "(?:" + by_first_letter(_PROPERTY_NOUN_WORDS) + r")\b"
_PROPERTY = r"(?:[a-z0-9'-]+\s+){0,3}?" + _PROPERTY_NOUNS
# Arson and sabotage ("torched six NATO oil tankers", "set a school on fire", "removed the
# fish plates"), and an attack on property by means not said or not a bomb ("claimed the
# attack on a gas pipeline", "fired rockets at a grid station", "destroyed electricity pylons").
_PROPERTY_ATTACK = (
    r"torch(?:ed|es|ing)?\b|set(?:s|ting)?\s+(?:on\s+)?fire\s+to|set(?:s|ting)?\s+(?:on\s+fire|"
    r"ablaze|alight)|set(?:s|ting)?\s+(?:[a-z'-]+\s+){1,4}?(?:on\s+fire|ablaze|alight)|(?:burnt|burned)\s+down|"
    r"sabotag\w+|fish\s*-?plates|"
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|target(?:s|ed|ing)?|struck|hit|destroy(?:s|ed|ing)?|"
    r"burn(?:ed|t|s|ing)|"
    r"damag(?:es|ed|ing)|razed|(?:fired|firing)\s+(?:rockets?\s+|shots\s+|mortars?\s+)?(?:at|on)|"
    r"open(?:s|ed|ing)\s+fire\s+(?:at|on))\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    + _PROPERTY
    # in the passive: "a gas well in Sui was damaged in a rocket attack"
    + r"|"
    + _PROPERTY_NOUNS
    + r"(?:\s+[a-z'-]+){0,3}?\s+(?:was|were|(?:had|has|have)\s+been)\s+"
    r"(?:partially\s+|completely\s+|badly\s+)?(?:damaged|destroyed|targeted|attacked|razed)\b"
)

_TRIGGERS = {
    "suicide_bombing": r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|blast|vest|"
    r"car\s+bomb|bomb\s+attack)|blew\s+(?:him|her|them)sel(?:f|ves)\s+up|fidayeen|"
    r"self-detonat\w*|suicide\s+car|"
    # a bomber's own vest, without the word "suicide"
    r"explosives?(?:-laden|-packed|-filled)?\s+(?:vest|jacket|belt)s?|"
    r"detonated\s+(?:him|her)self|detonated\s+(?:his|her)\s+(?:[a-z-]+\s+)?(?:vest|jacket|belt)",
    "airstrike": r"air\s*-?strikes?|air\s+raids?|aerial\s+(?:strikes?|bombardment|attack)|"
    r"drone\s+(?:strikes?|attacks?)|drones?\s+(?:fired|struck|hit)|missile\s+(?:strikes?|attacks?)|"
    r"u\.?s\.?\s+missile|jets?\s+(?:bombed|pounded|struck|targeted|hit)|fighter\s+(?:jets|planes)|"
    r"jet\s+fighters|war\s*planes|"
    r"helicopter\s+gunships?|gunships?|precision\s+(?:air\s*)?strikes?|bombing\s+raids?|"
    # aircraft that bomb or strike ("planes bombed": not an IED), an air force that strikes,
    # a missile from a pilotless plane (the 2000s wire name for a drone)
    r"(?:air\s*)?(?:planes|plane|aircraft|jets)\s+(?:bombed|struck|pounded|strafed)|"
    r"air\s+force\s+(?:(?:jets|planes|aircraft)\s+)?(?:struck|bombed|pounded|targeted|"
    r"carried\s+out)|pilotless\s+(?:planes?|aircraft|drones?)|unmanned\s+(?:aerial|aircraft)|"
    # "An ISAF aircraft conducted a strike", "Pakistani jets carried out strikes in Kabul"
    r"(?:aircraft|planes?|jets|drones?)\s+(?:conducted|carried\s+out|launched)\s+(?:an?\s+|"
    r"several\s+|multiple\s+|\d+\s+)?(?:[a-z-]+\s+)?strikes?",
    "cross_border_shelling": r"cross-border\s+(?:firing|fire|shelling|attack|rocket)|"
    r"unprovoked\s+firing|ceasefire\s+violations?|violat\w+\s+(?:the\s+)?ceasefire|"
    r"along\s+the\s+(?:line\s+of\s+control|loc|border|durand\s+line|working\s+boundary)|"
    r"across\s+the\s+(?:line\s+of\s+control|loc|border|durand\s+line|working\s+boundary)|"
    r"firing\s+across|fired\s+across|"
    # fire from the other side: "rockets fired from Pakistan landed in Kunar"
    r"fired\s+from\s+(?:across|the\s+other\s+side|(?:the\s+)?(?:pakistani?|afghan(?:istan)?|"
    r"iran(?:ian)?|india)\b)|"
    r"(?:pakistani|afghan|iranian|indian)\s+(?:artillery\s+|mortar\s+|rocket\s+)?(?:shells|"
    r"rockets|mortars)\s+(?:landed|fell|hit|struck)|"
    # the other army's fire ("killed in Indian firing", "Indian fire kills a labourer"); an
    # Afghan or Pakistani force's fire only across a border (the "shelling" marker)
    r"(?:indian|india['’]s|iranian|iran['’]s)\s+(?:[a-z]+\s+)?(?:fire|firing|shelling)\b",
    "ied_bombing": r"bomb(?:s|ing|ings|ed)?\b|blasts?|explosions?|explosive(?:s)?|ieds?\b|"
    # a mine that a vehicle or a person sets off ("their vehicle struck a mine"; "a mine
    # exploded"), not a coal mine
    r"(?:struck|hit|stepped\s+on|triggered|ran\s+over)\s+(?:an?\s+)?(?:[a-z-]+\s+)?mines?\b|"
    r"mines?\s+(?:exploded|went\s+off)|"
    r"improvised\s+explosive|land\s*-?mines?|grenades?|roadside\s+bomb|car\s+bomb|"
    r"remote(?:-|\s)controlled|magnetic\s+bomb|planted\s+(?:a\s+)?bomb|detonat\w+|"
    r"bl(?:ew|owing)\s+up\s+(?:an?|the|their|his|her|its|two|three|four|five|six|several|"
    r"\d+)\b|w(?:as|ere)\s+blown\s+up|been\s+blown\s+up|(?:had|have|has)\s+blown\s+up|dynamit\w+",
    "targeted_killing": r"shot\s+dead|gunned\s+down|guns?\s+down|gunning\s+down|assassinat\w+|"
    r"targeted\s+(?:killing|attack)|"
    r"target\s+killing|unidentified\s+gunmen|unknown\s+gunmen|motorcycle-borne|"
    r"armed\s+men\s+on\s+(?:a\s+)?motorcycle|shot\s+and\s+killed|murder(?:ed|ing)\b|"
    # gunmen who kill one person ("Gunmen killed a journalist"), as "shot dead" says
    r"(?:gunmen|gunman|assailants|armed\s+men)\s+(?:on\s+(?:a\s+)?motorcycles?\s+)?"
    r"(?:killed|shot)\s+(?:a|an)\s+(?!(?:number|group|total|dozen|couple|few|score)\b)|"
    r"was\s+(?:killed|shot)\s+by\s+(?:unidentified\s+|unknown\s+|armed\s+)?(?:gunmen|gunman|"
    r"assailants)",
    # (not a gang's trade: "arrested three members of a kidnapping gang")
    "abduction": r"abduct\w*|kidnap(?!\w*\s+(?:gangs?|rings?|rackets?|networks?|cells?)\b)\w*|"
    r"taken\s+hostage|held\s+hostage|hostages?",
    "attack_on_civilians": r"massacre\w*|(?:attack\w*\s+(?:on\s+)?|(?:fired|opened\s+fire)\s+"
    r"(?:on|at)\s+)(?:a\s+|the\s+)?(?:(?:team|group|crowd|convoy)\s+of\s+)?(?:worshippers|mosque|"
    r"school|market|bazaar|bus|passengers|shrine|church|imambargah|procession|wedding|funeral|"
    r"rally|polio\s+(?:workers|team)|(?:[a-z-]+\s+)?ceremony|gathering|memorial|hotel|guest\s*house|"
    r"restaurant|university|deminers)|civilians\s+(?:were\s+)?killed|sectarian|"
    # travellers taken off their buses ("pulled 22 passengers off buses ... and shot them")
    r"off\s+(?:the\s+|a\s+)?(?:buses|bus|coaches|vans|vehicles)|checked\s+(?:their\s+)?identity\s+cards|"
    # armed men in a place of care or of children ("gunmen stormed a maternity ward"), fire on
    # a vehicle of civilians ("opened fire on a van carrying schoolchildren")
    r"(?:stormed|attacked|raided|opened\s+fire\s+(?:on|at|in|inside))\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:hospital|maternity|clinic|schoolchildren|school\s+bus)|"
    r"(?:van|bus|vehicle|coach|wagon)\s+carrying\s+(?:[a-z-]+\s+){0,2}?(?:schoolchildren|"
    r"children|students|pupils|passengers|pilgrims|worshippers|women|mourners|wedding)",
    "property_attack": _PROPERTY_ATTACK,
    "armed_clash": r"clash\w*|gun\s*-?battles?|gun\s*-?fights?|fire\s*-?fights?|"
    r"exchange\s+of\s+fire|fighting|fought|ambush\w*|skirmish\w*|encounter|attacked\s+(?:a\s+)?(?:security|check|"
    r"police|army|military|border)|stormed|raided\s+(?:a\s+)?(?:check|post)|engaged|"
    r"attempted\s+to\s+engage|insurgents?(?=\s+attack)|militants?(?=\s+attack)|attack\w*\s+on\s+"
    r"(?:a\s+)?(?:security|check|police|army|military|convoy)|"
    # an attack on a post or fire at it, which may hurt no one ("fired rockets at a checkpost,
    # but no one was hurt", "attacked an FC camp"), and one that is repulsed
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|fired\s+(?:rockets?\s+|mortars?\s+|shots\s+)?(?:at|on|upon)|"
    r"open(?:s|ed|ing)\s+fire\s+(?:at|on|upon))\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:check-?\s?posts?|checkpoints?|posts?|outposts?|police\s+stations?|"
    r"camps?|forts?|district\s+(?:headquarters|centres?|centers?))\b|"
    # (not a foiled attack: a plot stopped in time, by an arrest or a bomb defused)
    r"(?:repuls\w+|repell?(?:ed|ing|s)?|beat(?:en)?\s+back|fought\s+off)\s+(?:an?\s+|the\s+|"
    r"their\s+)?(?:(?!to\s)[a-z'-]+\s+){0,3}?(?:attacks?|assaults?|raids?|onslaught|attackers)\b|"
    r"(?:was|were|been)\s+(?:successfully\s+)?(?:repulsed|repelled|beaten\s+back)|"
    # forces attacked, and fighting back ("A patrol was attacked by insurgents ... The patrol
    # returned fire", "came under small-arms fire", "opened fire on the force"); a siege's
    # battle ("after a five-hour battle"), not a "non-battle" death
    r"returned\s+fire|came\s+under\s+(?:[a-z-]+\s+){0,2}?(?:fire|attack)|"
    r"(?:was|were)\s+attacked\s+by\s+(?:[a-z-]+\s+)?(?:insurgents|militants|taliban|"
    r"terrorists|gunmen|attackers|fighters)|"
    r"open(?:s|ed|ing)\s+fire\s+(?:on|at|upon)\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?(?:force|forces|"
    r"patrol|troops|soldiers|convoy|policemen|police)\b|"
    r"(?<!non-)(?<!non\s)battle\b|"
    # an assault on a headquarters, a base or an airport ("stormed the police headquarters")
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|stormed|assault(?:ed)?(?:\s+on)?)\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z'-]+\s+){0,3}?(?:headquarters|air\s+bases?|bases?|airports?|airfields?|"
    r"cantonments?|garrisons?)\b",
    "security_operation": r"operations?|ibos?\b|raids?|crackdown|search(?:es)?|cordon\w*|offensive|"
    r"security\s+forces\s+killed|troops\s+killed|clearance|combing|sweep|patrol",
    "arrest": r"arrest\w*|detain\w*|detention|(?:re)?captur\w+|apprehend\w*|in\s+custody|"
    # ("took two suspects into custody", "took custody of four", "took three detainees")
    r"(?:taken\s+)?into\s+custody|custody\s+of|took\s+(?:[a-z0-9-]+\s+){1,3}?detainees|"
    r"nabbed|rounded\s+up|"
    # ("two suspects were held in Bannu"; not "held talks", "held hostage")
    r"(?:suspects?|militants?|terrorists?|insurgents?|men)\s+(?:were|was|have\s+been|"
    r"had\s+been)\s+(?:also\s+)?held\b(?!\s+hostage)",
    "ceasefire_negotiation": r"cease\s*-?fire|truce|peace\s+(?:talks?|deal|agreement|accord|"
    r"process|negotiations?)|negotiations?|talks\s+with|jirga|reduction\s+in\s+violence|"
    r"(?:signed|sign|signing|reached|struck)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:agreement|accord|deal)\b",
}
# Words that type an event only in context (`find_triggers`), after the types in the alternation:
# shelling is cross-border fire only with a border in the sentence ("militants fired mortar
# shells at a fort in Kurram" is no border shelling); protesters' "clashes" are a riot, not an
# armed clash; bodies found are no abduction ("the bodies of four abducted Levies men").
_MARKERS = {
    "shelling": r"shelled\b|mortars?\b|artillery|rockets?\b|"
    r"(?:pakistani|afghan)\s+(?:forces['’]?\s+|troops['’]?\s+|army['’]?\s+)?(?:fire|firing)\b",
    # "killed in shelling": shelling as such is what armies do across a border, unless the
    # sentence names a group or its positions as what is shelled
    "shelling_noun": r"shelling\b",
    "protest": r"protest\w*|demonstrators|rioters?|riot(?:s|ing)?\b|mob\b",
    # what damages property without anyone's violence ("a storm damaged school buildings")
    "hazard": r"floods?\b|flooding|storms?\b|earthquakes?|quake\b|heavy\s+rains?|landslides?|"
    r"avalanches?|cyclones?|lightning|short[\s-]+circuit|caught\s+fire|fire\s+broke\s+out|"
    r"accident(?:s|al|ally)?\b",
    "bodies": r"found\s+dumped|dumped|bod(?:y|ies)\s+(?:[a-z'-]+\s+){0,6}?(?:w(?:as|ere)\s+)?"
    r"(?:found|recovered|discovered)",
}
# A border the fire crosses: the Line of Control, the Durand Line, India or Iran, "into
# Pakistan", "from across", border posts or villages (not "near the Afghan border").
_BORDER = re.compile(
    r"\b(?:loc\b|line\s+of\s+control|durand\s+line|working\s+boundary|cross-border|kashmir\w*|"
    r"indian?\b|iranian?\b|(?:into|from|inside)\s+(?:pakistan|afghanistan|iran|india)\b|"
    r"from\s+across|across\s+the\s+border|border\s+(?:guards?|forces|police|troops|posts?|"
    r"villages?|areas?|towns?|check-?posts?|security|shelling|firing|fire))"
)
# What troops shell at home: a group or its positions ("shelling of militant hideouts").
_INTERNAL_TARGET = re.compile(
    r"\b(?:militants?|insurgents?|terrorists?|taliban|ttp|hideouts?|positions|strongholds?|"
    r"miscreants)\b"
)
# Both countries named: one fires into the other ("Afghan forces shelled Pakistani posts").
_AFGHAN, _PAKISTANI = re.compile(r"\bafghan"), re.compile(r"\bpakistan")
# A violent word naming the past deed of whom the event is about, not the event: "detained the
# alleged mastermind of the Quetta bombing", "militants planning an attack on a church".
_DEED_OF = re.compile(
    r"\b(?:mastermind(?:s|ed)?|planners?|facilitators?|involved|wanted|accused|charged|"
    r"(?:plott|plann)(?:ing|ed)|plot(?:s|ted)?|plans?|prepar(?:e|ed|ing)|"
    # a target's record ("had coordinated rocket attacks on Forward Operating Base Sharana")
    r"coordinat(?:ed|es|ing)|orchestrat(?:ed|es|ing)|direct(?:ed|s|ing))\s+"
    r"(?:(?:in|of|for|with|to|behind|carry\s+out|carrying\s+out)\s+)?(?:(?:the|a|an|an?other|last\s+[a-z]+'s|several|recent|"
    r"series\s+of|two|three|\d+)\s+)*(?:[a-z'-]+\s+){0,2}$"
)
# (substrings every match of `_DEED_OF` holds: where a sentence holds none, its `$`-anchored
# search, tried at each of 60 positions, is skipped for every trigger)
_DEED_CUES = (
    "mastermind", "plan", "facilitator", "involved", "wanted", "accused", "charged", "plot",
    "prepar", "coordinat", "orchestrat", "direct",
)  # fmt: skip

# Bombs as a trade, not as this event: what a target's work or a seizure was ("responsible for
# directing roadside bomb attacks", "provides weapons and IEDs to insurgents", "seized several
# weapons and a grenade"), and bomb words naming a role or material ("an IED facilitator", "a
# Taliban improvised explosive device (IED) commander", "explosive components"). In ISAF's
# releases these made 150 of 161 raids and detentions bombings.
_BOMB_TRADE_BEFORE = re.compile(
    r"(?:\b(?:responsible\s+for|suspected\s+of|speciali[sz]\w*|direct(?:s|ed|ing)|"
    r"coordinat\w+|conduct(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|provid\w+|facilitat\w+|"
    r"deliver\w*|transport\w*|smuggl\w+|distribut\w+|emplac\w+|manag\w+|oversaw|oversee\w*|"
    r"support\w*|traffick\w+|procur\w+|purchas\w+|acquir\w+|stockpil\w+|stor(?:e|ed|es|ing|"
    r"age)|seiz\w+|confiscat\w+|caches?\s+of|consist\w*\s+of|armed\s+with|equipped\s+with|"
    r"movement\s+of|transfer\s+of|expert\s+in|training\s+in|involved\s+in|participat\w+\s+in|"
    r"assist\w*|associat\w+\s+with|linked\s+(?:[a-z]+\s+)?to|command(?:s|ed|ing)?|used\s+(?:in|to\s+"
    r"make)|potential|possible|future|rocket[\s-]+propelled|(?:kilo)?grams?|kgs?|pounds|lbs\.?|"
    # what a detainee had or did before ("detained ... along with a suicide vest", "arrested
    # carrying explosives", "They were behind the recent bombing")
    r"along\s+with|in\s+possession\s+of|possess\w*|carr(?:y|ying|ied)(?!\s+out)|behind|"
    r"accused\s+of|blamed\s+for|wanted\s+for)\s+"
    r"(?:(?:of|in|for|with|to|and|the|a|an|both|several|multiple|other|\d+)\s+)*"
    r"(?:[a-z0-9'()-]+,?\s+(?:and\s+)?){0,5}"
    # an inventory of what was found: "found 1,000 rounds, a machine gun, 20 grenades"
    r"|\b(?:found|recovered|discovered|uncovered)\b[^.;]*,\s+(?:and\s+)?(?:[a-z0-9'-]+\s+){0,3})"
    r"\(?$"
)
_BOMB_TRADE_CUES = (
    "responsible", "suspected", "speciali", "direct", "coordinat", "conduct", "suppl", "provid",
    "facilitat", "deliver", "transport", "smuggl", "distribut", "emplac", "manag", "overs",
    "support", "traffick", "procur", "purchas", "acquir", "stockpil", "stor", "seiz",
    "confiscat", "cache", "consist", "armed with", "equipped", "movement", "transfer", "expert",
    "training", "involved", "participat", "assist", "associat", "linked", "command", "used",
    "potential", "possible", "future", "propelled", "found", "recovered", "discovered",
    "uncovered", "gram", "kg", "pounds", "lbs", "along with", "possess", "carr", "behind",
    "accused", "blamed", "wanted",
)  # fmt: skip
_BOMB_THING_AFTER = re.compile(
    r"\)?(?:\s+devices?)?(?:\s*\([a-z]+\))?,?[\s-]+(?:and\s+[a-z]+\s+)?(?:facilitat\w+|"
    r"commanders?|cells?|leaders?|experts?|emplace\w*|makers?|making|materials?|components?|"
    r"networks?|supplies|suppliers?|parts|instructors?|specialists?|factor(?:y|ies)|labs?|"
    r"laborator\w+|caches?|charges|precursors?|expertise|production|training|trainers?|"
    r"equipment|placement|construction|builders?|building|smuggl\w+|distribut\w+|manufactur\w+|"
    r"operations|detonators|fuzes|fuses)\b"
    # a seizure told after the material ("Sticky bombs and a pistol were seized from them",
    # "arms, ammunition and explosives was recovered"); not a bomb "found" or "defused", which
    # is an attempted bombing
    r"|(?:,?\s+(?:and\s+)?[a-z0-9'-]+){0,10}?\s+(?:was|were|had\s+been|"
    r"have\s+been|has\s+been)\s+(?:also\s+)?(?:seized|recovered|confiscated)\b"
)


# One alternation, most specific type first: at any position the first type that matches wins
# ("suicide bomb" is a suicide bombing there, not also an IED trigger).
# (Regrouped by first letter, `alternation.regroup`: `re` then skips, in one test per letter,
# the alternatives that cannot start where it is; 3x faster than named groups behind
# look-aheads, same matches. The look-ahead says what every trigger starts with; triggers start
# with a letter, not "\b" or a group, where they can.)
_ALTERNATION, _KIND_OF = regroup(
    [(t, _TRIGGERS[t]) for t in PRIORITY if t in _TRIGGERS] + list(_MARKERS.items())
)
_ALL = re.compile(r"\b(?=[a-z])(?:" + _ALTERNATION + ")")

# A violent verb: an event sentence needs one (or a casualty figure) to count.
_VIOLENCE_WORDS = (
    r"(?:kill\w*|dead|died|die|wound\w*|injur\w*|hurt|attack\w*|bomb\w*|blast\w*|explo\w+|"
    r"shot|shoot\w*|fir(?:ed|ing)|gunned|clash\w*|ambush\w*|abduct\w*|kidnap\w*|arrest\w*|"
    r"detain\w*|(?:re)?captur\w+|strike\w*|struck|raid\w*|shell\w*|operation\w*|assassinat\w+|"
    r"militants?|insurgents?|ceasefire|truce|peace\s+talks|slain|martyred|beheaded|seized|"
    r"massacre\w*|offensive|killing\w*|deaths?|toll|casualt\w+|gunmen|detention|murder\w*|"
    r"dumped|bullet-riddled|dynamit\w+|lobbed|hurled|repuls\w+|repell(?:ed|ing)|fought\s+off|"
    r"beat(?:en)?\s+back|hostages?|ibos?|"
    r"bl(?:ew|owing)\s+up\s+(?:an?|the|their|his|her|its|two|three|four|five|six|"
    r"several|\d+)\b|w(?:as|ere)\s+blown\s+up|been\s+blown\s+up|(?:had|have|has)\s+blown\s+up|"
    + _PROPERTY_ATTACK
    + r")\b"
)
VIOLENCE = re.compile(letter_first(by_first_letter(_VIOLENCE_WORDS)))  # (see alternation.py)


def char_before(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The twin of a `letter_first` pattern that starts a match at the character before it
    ("[^\\w]" for its "\\b"): `re` skips to a non-word character in a quick class loop, where
    the "\\b" made it enter its matcher at every character (scans 10-25% faster). Run it over
    " " + text (the space is the character before a match at 0): a match `m` is then
    text[m.start() : m.end() - 1], and the twin finds what `pattern` finds where no match ends
    with a non-word character (which the next match may start after: see `scan`)."""
    assert pattern.pattern.startswith(r"\b(?=[a-z])")
    return re.compile(r"[^\w]" + pattern.pattern.removeprefix(r"\b"), pattern.flags)


def scan(twin: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    """(lastgroup, start, end) of each match of the pattern whose `char_before` twin is `twin`
    in `text`, as the pattern's `finditer` finds them."""
    spaced, found, at = " " + text, [], 0
    while True:
        for m in twin.finditer(spaced, at):
            end = m.end()
            found.append((m.lastgroup, m.start(), end - 1))
            if not (spaced[end - 1].isalnum() or spaced[end - 1] == "_"):
                # ("gunmen killed a ", then "suicide bomber": its character before is this
                # match's last)
                at = end - 1
                break
        else:
            return found


_ALL_SCAN, _VIOLENCE_SCAN = Scanner(char_before(_ALL)), Scanner(char_before(VIOLENCE))


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    text: str


# Sentences without a trigger or a figure that still plainly report violence or a security
# action ("Police foil terrorist attack in Karachi", "Military pounds militant hideouts"):
# a violent word other than the bare "militants" and words of other senses ("strike",
# "fired", "heart attack", "Bombay", "pounds" of money), and no negation or denial ("No soldier
# killed across LoC", "Army denies killing of 15"). Type from the few words that say one.
_WEAK_VIOLENCE_WORDS = (
    r"(?:kill\w*|dead|died|wound\w*|injur\w*|(?<!heart\s)attack\w*|bomb(?:s|ed|ing|ings|"
    r"ers?)?|blast\w*|shot|shoot\w*|firing|gunned|gunmen|gunfire|clash\w*|ambush\w*|"
    r"abduct\w*|kidnap\w*|arrest\w*|detain\w*|captur\w+|raid\w*|shells?|shelling|"
    r"pound(?:ed|ing)|pounds\s+(?:[a-z'-]+\s+){0,2}?(?:hideouts?|positions?|targets?|bases?|"
    r"posts?|camps?|strongholds?)|hideouts?|assassinat\w+|slain|martyred|beheaded|"
    r"massacre\w*|offensive|siege|curfew|murder\w*|dumped|bullet-riddled|"
    # "Taliban claim deadly assault on university", "Gunmen storm a hotel": an assault of a
    # kind or on a place, and a storming by armed men; not a crime ("sexually assaulted",
    # "assaulted by her husband"), a weapon ("assault rifles") or the weather.
    r"(?:deadly|armed|militant|terrorist|suicide|complex|coordinated|ground|fresh|major)\s+"
    r"assaults?|assaults?\s+on\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?(?:university|school|"
    r"college|base|post|check-?post|checkpoint|prison|jail|hotel|compound|camp|airport|"
    r"hospital|mosque|shrine|police|army|military|security|convoy)|"
    r"(?:militants|gunmen|attackers|insurgents|terrorists|fighters|taliban)\s+"
    r"storm(?:s|ed|ing)?)\b"
)
_WEAK_VIOLENCE = re.compile(
    letter_first(by_first_letter(_WEAK_VIOLENCE_WORDS))
)  # (see alternation.py)
_WEAK_NEGATED = re.compile(
    letter_first(
        r"\b(?:no(?!\.\s*\d)|not|never|den(?:y|ies|ied|ying)|rejects?|rejected|would|will)\b"
    )
)
_WEAK_TYPES = (
    ("cross_border_shelling", re.compile(r"\bshells?\b")),  # with a border (`weak_event`)
    ("security_operation", re.compile(r"\bhideouts?\b|\bsiege\b|\bcurfew\b")),
)
WEAK_CONFIDENCE = 0.25


def weak_event(text: str, offset: int = 0) -> Trigger | None:
    """The word that makes a sentence without triggers an event, typed where a word says how
    ("shells fly": shelling; "hideouts", "siege", "curfew": an operation), else "other"."""
    low = fold(text)
    hit = _WEAK_VIOLENCE.search(low)
    if hit is None or _WEAK_NEGATED.search(low):
        return None
    for event_type, pattern in _WEAK_TYPES:
        typed = pattern.search(low)
        if typed and (event_type != "cross_border_shelling" or _across_border(low)):
            return Trigger(event_type, typed.start() + offset, typed.end() + offset, typed.group())
    return Trigger("other", hit.start() + offset, hit.end() + offset, hit.group())


# "Militants captured two district headquarters", "troops recaptured the town": ground taken
# in fighting, not people arrested.
_CAPTURED_GROUND = re.compile(
    r"(?:re)?captur(?:e|es|ed|ing)\s+(?:(?:the|a|an|two|three|four|five|several|\d+|its|their|"
    r"control\s+of(?:\s+the)?)\s+)?(?:(?!(?:in|on|at|of|near|from|by|with|during|after|and)\b)"
    r"[a-z'-]+\s+){0,2}?(?:district\s+(?:headquarters|centres?|centers?)|headquarters|towns?|"
    r"villages?|cit(?:y|ies)|bases?|check-?posts?|outposts?|posts?|checkpoints?|territory|hills?|"
    r"hilltops?|bridges?|districts?|areas?)"
    # the head of its noun phrase: not "a Taliban district commander"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|of|from|and|near|after|during|following|before|which|"
    r"that|with|for|to|late|early|last|this|yesterday|today)\b)"
)


def _across_border(low: str) -> bool:
    return bool(_BORDER.search(low)) or bool(_AFGHAN.search(low) and _PAKISTANI.search(low))


# The verb after an armed-clash trigger that matched its subject only ("militants attacked").
_SUBJECT_VERB = re.compile(r"\s+attack\w*")
# A determiner before "damaged"/"destroyed": an adjective ("the damaged pylons").
_DAMAGED_THING = re.compile(r"\b(?:the|a|an|its|their|of)\s+$")
_SUBJECTS = frozenset({"militant", "militants", "insurgent", "insurgents"})


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    low = fold(text)
    pattern, scanned = _ALL_SCAN.on(low)
    kind_of = _KIND_OF  # (the group of each alternative -> its type)
    matches = [(kind_of[group or ""], start, end) for group, start, end in scan(pattern, scanned)]
    if not matches:
        return []
    markers = {kind for kind, _, _ in matches if kind in _MARKERS}
    found = []
    deeds = None  # (whether the sentence holds a cue of `_DEED_OF`: tested on first need)
    for kind, start, end in matches:
        if kind == "shelling" or kind == "shelling_noun":
            if not _across_border(low) and (kind == "shelling" or _INTERNAL_TARGET.search(low)):
                continue
            kind = "cross_border_shelling"
        elif kind in _MARKERS:
            continue
        elif kind == "arrest" and _CAPTURED_GROUND.match(low, start):
            kind = "armed_clash"
        elif (
            (kind == "armed_clash" and "protest" in markers)
            or (kind == "property_attack" and markers & {"protest", "hazard"})
        ) or (kind == "abduction" and "bodies" in markers):
            continue
        if kind not in {"arrest", "security_operation"}:
            if deeds is None:
                deeds = holds(low, _DEED_CUES)
            if deeds and _DEED_OF.search(low, max(0, start - 60), start):
                continue
            if kind in {"ied_bombing", "suicide_bombing"} and _bomb_trade(low, start, end):
                continue
        if (
            kind == "property_attack"
            and low.startswith(("damaged", "destroyed"), start)
            and _DAMAGED_THING.search(low, max(0, start - 8), start)
        ):
            continue  # "replacing the damaged pylons": what is damaged, not an attack
        if (
            kind == "armed_clash"
            and low[start:end] in _SUBJECTS
            and (verb := _SUBJECT_VERB.match(low, end)) is not None
        ):
            # "Militants attacked" as its evidence, though a property trigger may start at the
            # verb ("attacked a gas pipeline": the alternation leaves the verb to it)
            end = verb.end()
        found.append(Trigger(kind, start + offset, end + offset, text[start:end]))
    return found


def _bomb_trade(low: str, start: int, end: int) -> bool:
    if _BOMB_THING_AFTER.match(low, end):
        return True
    before = low[max(0, start - 80) : start]
    return holds(before, _BOMB_TRADE_CUES) and _BOMB_TRADE_BEFORE.search(before) is not None


def is_violent(text: str) -> bool:
    pattern, scanned = _VIOLENCE_SCAN.on(fold(text))
    return pattern.search(" " + scanned) is not None  # (see `char_before`)


# Trigger words that name the attackers only (see `classify`).
_WHO_ONLY = re.compile(
    r"(?:unidentified|unknown)\s+gunmen|motorcycle-borne|armed\s+men\s+on|"
    r"(?:insurgents?|militants?)\s+attack\w*"
)


def classify(
    triggers: list[Trigger],
    killed: int,
    arrested: int,
    civilian_target: bool,
    abducted: int = 0,
    forces_target: bool = False,
) -> tuple[str, float, list[Trigger]]:
    """The event type, a confidence in [0, 1] and the triggers that decided it."""
    by_type: dict[str, list[Trigger]] = {}
    for t in triggers:
        by_type.setdefault(t.event_type, []).append(t)
    # "Insurgents captured two soldiers": a capture word, but an abduction (its figure says so).
    if "arrest" in by_type and abducted > 0 and not arrested:
        by_type.setdefault("abduction", by_type.pop("arrest"))
    # A ceasefire that is violated is shelling, not a negotiation.
    if "ceasefire_negotiation" in by_type and "cross_border_shelling" in by_type:
        del by_type["ceasefire_negotiation"]
    # Arrests alongside deaths are an operation; arrests alone are arrests.
    if "arrest" in by_type and killed > 0 and "security_operation" not in by_type:
        by_type["security_operation"] = by_type["arrest"]
    if "arrest" in by_type and killed == 0 and arrested > 0:
        # "during a security operation, the force detained three": the detention is the event.
        by_type.pop("security_operation", None)
        by_type.pop("armed_clash", None)
        # "arrested two men who torched a school"; but not "A mob burned 21 churches ... Police
        # arrested more than 100 people", where the arrests follow the attack
        if "property_attack" in by_type and by_type["arrest"][0].start < (
            by_type["property_attack"][0].start
        ):
            del by_type["property_attack"]
    if not killed:
        # Words that say who attacked, not what was done ("Unidentified gunmen torched six
        # NATO oil tankers", "Militants attacked a gas pipeline"): with no one killed they
        # yield to a type that says what was hit or done.
        for weak in ("targeted_killing", "armed_clash"):
            if (
                weak in by_type
                and len(by_type) > 1
                and all(_WHO_ONLY.fullmatch(fold(t.text)) for t in by_type[weak])
                and (weak == "targeted_killing" or "property_attack" in by_type)
            ):
                del by_type[weak]
    if civilian_target and killed > 1:
        # Civilians among the dead make a clash an attack on civilians, unless the forces were
        # hit too (an assault on a police headquarters or an airport); several civilians shot
        # are an attack on them, not a targeted killing ("shot dead 23 passengers").
        if "armed_clash" in by_type and not forces_target:
            by_type.setdefault("attack_on_civilians", by_type["armed_clash"][:1])
        if "targeted_killing" in by_type and killed > 2:
            by_type.setdefault("attack_on_civilians", by_type.pop("targeted_killing")[:1])
            if abducted <= killed:  # "Gunmen kill 14 after kidnapping them from buses"
                by_type.pop("abduction", None)
    chosen = next((t for t in PRIORITY if by_type.get(t)), "other")
    evidence = by_type.get(chosen, [])
    distinct = len(by_type)
    confidence = 0.4 + 0.15 * min(len(evidence), 2) + (0.15 if killed or arrested else 0.0)
    if distinct > 3:
        confidence -= 0.1
    if chosen == "other":
        confidence = 0.3
    return chosen, round(min(confidence, 0.95), 2), evidence
