"""The trigger lexicon of the event taxonomy (`event_types`): the words that type an event, the
words that type one only in context (`MARKERS`), and the guards that tell a violent word naming
a trade, a record or a seizure from the event itself (`DEED_OF`, `BOMB_TRADE_BEFORE`,
`BOMB_THING_AFTER`, `BOMB_HELD_BEFORE`), an earlier arrest or a charge (`EARLIER_ARREST`,
`HELD_FOR`) and an arrested bomber (`HELD_BOMBER`). Patterns only;
`event_types.find_triggers` applies them."""

from __future__ import annotations

import re

from .alternation import by_first_letter

# What a property attack hits: infrastructure, schools, supply vehicles (not "houses" or
# "vehicles" as such: troops destroy militants' houses in operations).
PROPERTY_NOUN_WORDS = (
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
PROPERTY_NOUNS = "(?:" + by_first_letter(PROPERTY_NOUN_WORDS) + r")\b"
PROPERTY = r"(?:[a-z0-9'-]+\s+){0,3}?" + PROPERTY_NOUNS
# Arson and sabotage ("torched six NATO oil tankers", "set a school on fire", "removed the
# fish plates"), and an attack on property by means not said or not a bomb ("claimed the
# attack on a gas pipeline", "fired rockets at a grid station", "destroyed electricity pylons").
PROPERTY_ATTACK = (
    r"torch(?:ed|es|ing)?\b|set(?:s|ting)?\s+(?:on\s+)?fire\s+to|set(?:s|ting)?\s+(?:on\s+fire|"
    r"ablaze|alight)|set(?:s|ting)?\s+(?:[a-z'-]+\s+){1,4}?(?:on\s+fire|ablaze|alight)|(?:burnt|burned)\s+down|"
    r"sabotag\w+|fish\s*-?plates|"
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|target(?:s|ed|ing)?|struck|hit|destroy(?:s|ed|ing)?|"
    r"burn(?:ed|t|s|ing)|"
    r"damag(?:es|ed|ing)|razed|(?:fired|firing)\s+(?:rockets?\s+|shots\s+|mortars?\s+)?(?:at|on)|"
    r"open(?:s|ed|ing)\s+fire\s+(?:at|on))\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    + PROPERTY
    # in the passive: "a gas well in Sui was damaged in a rocket attack"
    + r"|"
    + PROPERTY_NOUNS
    + r"(?:\s+[a-z'-]+){0,3}?\s+(?:was|were|(?:had|has|have)\s+been)\s+"
    r"(?:partially\s+|completely\s+|badly\s+)?(?:damaged|destroyed|targeted|attacked|razed)\b"
)

# Gunmen told only as unknown: a targeted killing's words, which yield to a word that says what
# was attacked (`event_types.classify`).
UNIDENTIFIED_GUNMEN = r"(?:unidentified|unknown)\s+(?:gunmen|motorcyclists|assailants)"
# Two sides fighting, whose civilian dead stay a clash's (`event_types.classify`).
CROSSFIRE = (
    r"(?:fighting|clash(?:es)?|battles?)\s+between|cross\s*-?fire|"
    # ("20 civilians had been killed in four days of fighting in Ghazni city")
    r"(?:days?|weeks?|hours?|nights?)\s+of\s+(?:heavy\s+|fierce\s+)?(?:fighting|clashes|battles?)"
)

TRIGGERS = {
    "suicide_bombing": r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|blasts?|"
    r"explosions?|vests?|car\s+bomb|bomb\s+attack)|bl(?:ew|owing)\s+(?:him|her|them)sel(?:f|ves)\s+up|fidayeen|"
    r"self-detonat\w*|suicide\s+car|"
    # "detonated a vehicle-borne suicide device", "a suicide vehicle-borne IED"
    r"vehicle-borne\s+suicide|suicide\s+(?:[a-z-]+\s+){1,2}?(?:devices?|ieds?|vbieds?|bombs?|"
    r"bombers?|bombings?)\b|"
    # a bomber's own vest, without the word "suicide"
    r"explosives?(?:-laden|-packed|-filled)?\s+(?:vest|jacket|belt)s?|"
    # a vehicle of explosives driven into the target
    r"rammed\s+(?:an?\s+|two\s+|three\s+|his\s+|their\s+)?explosives?-(?:laden|packed|filled)|"
    r"detonated\s+(?:him|her)self|detonated\s+(?:his|her)\s+(?:[a-z-]+\s+)?(?:vest|jacket|belt)",
    "airstrike": r"air\s*-?strikes?|air\s+raids?|aerial\s+(?:strikes?|bombardment|attack)|"
    r"(?:drone|quad-?copter)\s+(?:strikes?|attacks?)|missile\s+(?:strikes?|attacks?)|"
    # ("missiles fired from a U.S. drone")
    r"fired\s+(?:from|by)\s+(?:an?\s+|the\s+)?(?:[a-z\.-]+\s+)?(?:drones?|aircraft|helicopters?|"
    r"jets?|war\s*planes?)\b|"
    # militants' quadcopters too ("a quadcopter dropped explosives on a police station")
    r"(?:drones?|quad-?copters?)\s+(?:fired|struck|hit|dropped|attacked|to\s+drop)|"
    r"u\.?s\.?\s+missile|jets?\s+(?:bombed|pounded|struck|targeted|hit)|fighter\s+(?:jets|planes)|"
    r"jet\s+fighters|war\s*planes|"
    # aircraft by name ("an Afghan Air Force A-29 struck a Taliban gathering")
    r"(?:a-29|super\s+tucano|md-530|f-16|jf-17|b-52|mq-9|mq-1|reaper|predator)s?\s+"
    r"(?:(?:aircraft|jets?|planes?|drones?|helicopters?)\s+)?(?:struck|bombed|fired|targeted|"
    r"hit|strikes?|attacked|pounded)\b|"
    r"helicopter\s+gunships?|gunships?|precision\s+(?:air\s*)?strikes?|bombing\s+raids?|"
    # aircraft that bomb or strike ("planes bombed": not an IED), an air force that strikes,
    # a missile from a pilotless plane (the 2000s wire name for a drone)
    r"(?:air\s*)?(?:planes|plane|aircraft|jets)\s+(?:bombed|struck|pounded|strafed)|"
    r"air\s+force\s+(?:strikes?|raids?|bombing)|"
    r"air\s+force\s+(?:(?:jets|planes|aircraft)\s+)?(?:struck|bombed|pounded|targeted|"
    r"carried\s+out)|pilotless\s+(?:planes?|aircraft|drones?)|unmanned\s+(?:aerial|aircraft)|"
    # "An ISAF aircraft conducted a strike", "Pakistani jets carried out strikes in Kabul"
    r"(?:aircraft|planes?|jets|drones?)\s+(?:conducted|carried\s+out|launched)\s+(?:an?\s+|"
    r"several\s+|multiple\s+|\d+\s+)?(?:[a-z-]+\s+)?(?:strikes?|engagements?)|"
    # aircraft and helicopters that engage (an "air weapons team" is left to the ground fight:
    # ISAF's annotators do not call its engagements airstrikes)
    r"(?:aircraft|helicopters|helicopter|planes?|jets|drones?)\s+"
    r"(?:(?!(?:was|were|being|been)\s)[a-z-]+\s+){0,3}?(?:engaged|fired\s+(?:on|at|upon)|strafed|"
    r"attacked(?!\s+by\b)|fired\s+(?:[a-z0-9-]+\s+){0,2}?(?:missiles?|rockets?|bombs?))|"
    # aircraft that cross a line and strike ("jets crossed the Line of Control and dropped bombs")
    r"(?:jets|aircraft|planes|warplanes)\s+(?:[a-z-]+\s+){1,6}?and\s+(?:struck|bombed|pounded|"
    r"dropped\s+(?:[a-z]+\s+)?(?:bombs|payloads?))|dropped\s+(?:[a-z]+\s+)?(?:bombs|payloads?)|"
    # one bomb dropped is from the air too ("dropped its largest non-nuclear bomb on caves")
    r"(?:aircraft|jets?|planes?|warplanes?|drones?|helicopters?|air\s+force|military|"
    r"bombers?)\s+(?:[a-z-]+\s+){0,2}?dropped\s+(?:a|an|its|the|their|one)\s+"
    r"(?:[a-z0-9,-]+\s+){0,4}?bomb\b(?!-)|"
    r"mother\s+of\s+all\s+bombs|gbu-43|moab\b",
    "cross_border_shelling": r"cross-border\s+(?:firing|fire|shelling|attack|rocket)|"
    r"unprovoked\s+firing|ceasefire\s+violations?|violat\w+\s+(?:the\s+)?ceasefire|"
    r"along\s+the\s+(?:line\s+of\s+control|loc|border|durand\s+line|working\s+boundary)|"
    r"across\s+the\s+(?:line\s+of\s+control|loc|border|durand\s+line|working\s+boundary)|"
    r"firing\s+across|fired\s+across|"
    # fire from the other side: "rockets fired from Pakistan landed in Kunar"
    r"fired\s+from\s+(?:across|the\s+other\s+side|(?:the\s+)?(?:pakistani?|afghan(?:istan)?|"
    r"iran(?:ian)?|india)\b)|"
    # attackers from the other country's soil ("terrorists from inside Afghanistan opened fire")
    r"from\s+(?:inside|within)\s+(?:afghanistan|pakistan|iran)\s+(?:opened\s+fire|fired|attacked|"
    r"shelled|targeted)\b|(?:fired|firing|shelled|shelling)\s+(?:[a-z-]+\s+){0,4}?from\s+(?:inside|"
    r"within)\s+(?:afghanistan|pakistan|iran)\b|"
    r"from\s+(?:the\s+)?(?:afghan|pakistani|iranian)\s+(?:side|soil|territory)\b|"
    r"(?:pakistani|afghan|iranian|indian)\s+(?:artillery\s+|mortar\s+|rocket\s+)?(?:shells|"
    r"rockets|mortars)\s+(?:landed|fell|hit|struck)|"
    # the other army's fire ("killed in Indian firing", "Indian fire kills a labourer"); an
    # Afghan or Pakistani force's fire only across a border (the "shelling" marker)
    r"(?:indian|india['’]s|iranian|iran['’]s)\s+(?:[a-z]+\s+)?(?:fire|firing|shelling)\b|"
    # the two countries' forces firing at each other; fire told as the other army's
    r"(?:afghan|pakistani|indian|iranian|taliban)\s*(?:,|and)\s+(?:afghan|pakistani|indian|iranian|"
    r"taliban)\s+(?:border\s+)?(?:forces|troops|guards|soldiers)\s+(?:exchanged?|traded?)\s+"
    r"(?:heavy\s+)?(?:gun\s*)?fire|"
    r"(?:pakistan|india|afghanistan|iran)\s*(?:,|and)\s+(?:pakistan|india|afghanistan|iran)\s+"
    r"(?:exchanged?|traded?)\s+fire|"
    r"(?:rockets?|shells|mortars?|missiles?)\s+fired\s+by\s+(?:the\s+)?(?:pakistani|afghan|iranian|"
    r"indian)\s+(?:forces|troops|army|military|border\s+forces)|"
    # one country's forces firing at the other's ("its border forces exchanged fire with
    # Pakistani forces"; not "militants exchanged fire with Pakistani troops")
    r"(?:afghan|pakistan(?:i)?|india(?:n)?|iran(?:ian)?|taliban|its|their)\s+(?:border\s+)?(?:forces|troops|"
    r"guards|soldiers|police)\s+(?:[a-z]+\s+)?(?:exchanged?|traded?)\s+(?:heavy\s+)?fire\s+with\s+"
    r"(?:(?:the\s+)?(?:afghan|pakistani|indian|iranian)\s+(?:border\s+)?(?:forces|troops|guards|"
    r"soldiers|police|army|military)|india|pakistan|afghanistan|iran)\b",
    "ied_bombing": r"bomb(?:s|ing|ings|ed)?\b|blasts?|explosions?|explosive(?:s)?|ieds?\b|"
    # a mine that a vehicle or a person sets off ("their vehicle struck a mine"; "a mine
    # exploded"), not a coal mine
    r"(?:struck|hit|stepped\s+on|triggered|ran\s+over)\s+(?:an?\s+)?(?:[a-z-]+\s+)?mines?\b|"
    r"mines?\s+(?:exploded|went\s+off)|"
    r"improvised\s+explosive|land\s*-?mines?|grenades?|roadside\s+bomb|car\s+bomb|"
    r"magnetic\s+(?:mines?|devices?|ieds?)|roadside\s+mines?|mines?\s+(?:[a-z-]+\s+){1,7}?exploded|"
    r"remote(?:-|\s)controlled|magnetic\s+bomb|planted\s+(?:a\s+)?bomb|detonat\w+|"
    r"bl(?:ew|owing)\s+up\s+(?:an?|the|their|his|her|its|two|three|four|five|six|several|"
    r"\d+)\b|w(?:as|ere)\s+blown\s+up|been\s+blown\s+up|(?:had|have|has)\s+blown\s+up|dynamit\w+",
    "targeted_killing": r"shot\s+dead|gunned\s+down|guns?\s+down|gunning\s+down|assassinat\w+|"
    r"targeted\s+(?:killing|attack)|"
    r"target\s+(?:killings?|attacks?)|" + UNIDENTIFIED_GUNMEN + "|"
    r"motorcycle-borne|"
    # a named role's killing ("investigating the killing of a religious scholar")
    r"killing\s+of\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?:scholar|cleric|journalist|judge|lawyer|"
    r"activist|politician|elder|teacher|doctor|professor|poet|singer|reporter|imam|prayer\s+leader|"
    r"mayor|lawmaker|legislator)\b|"
    r"armed\s+men\s+on\s+(?:a\s+)?motorcycle|shot\s+and\s+killed|murder(?:ed|ing)\b|"
    # an attempt on one person's life ("shot and wounded a tribal elder"), and a killing
    # with a blade ("was stabbed to death at his home")
    # (not forces' fire: "police shot and wounded a suspect during a raid")
    # (militants who wound soldiers fight a clash)
    r"(?:gunm[ae]n|assailants|attackers|(?:armed|unknown|unidentified)\s+"
    r"(?:men|persons|assailants))\s+(?:on\s+(?:a\s+)?motorcycles?\s+)?shot\s+and\s+"
    r"(?:seriously\s+|critically\s+|severely\s+)?(?:wounded|injured)|"
    r"(?:was|were)\s+shot\s+and\s+(?:seriously\s+|critically\s+|severely\s+)?(?:wounded|"
    r"injured)(?!\s+(?:[a-z]+\s+){0,3}?by\s+(?:the\s+)?(?:police|security|troops|soldiers|"
    r"forces|army|personnel))|"
    # (told of a victim or by unknown assailants; not "a man stabbed his sister to death")
    r"(?:was|were)\s+(?:stabbed|hacked|knifed|axed)\s+to\s+death|(?:gunm[ae]n|assailants|"
    r"attackers|militants|(?:armed|unknown|unidentified)\s+(?:men|persons|assailants))\s+"
    r"(?:stabbed|hacked|knifed|axed)\s+(?:an?\s+|the\s+|two\s+|three\s+)?(?:[a-z-]+\s+){0,2}?"
    r"to\s+death|knife\s+attack|"
    # fire on someone's car ("opened fire on a car in Hayatabad, killing a former MNA"); a
    # police or army vehicle is a fight, several civilians dead an attack (see `classify`)
    r"opened\s+fire\s+on\s+(?:a|the|his|her|their)\s+(?:car|vehicle|motorcycle|motorbike|"
    r"rickshaw|jeep)\b(?!\s+(?:of|carrying|belonging\s+to|that|which)\b)|"
    # gunmen who kill one person ("Gunmen killed a journalist"), as "shot dead" says
    r"(?:gunmen|gunman|assailants|armed\s+men)\s+(?:on\s+(?:a\s+)?motorcycles?\s+)?"
    r"(?:killed|shot)\s+(?:a|an)\s+(?!(?:number|group|total|dozen|couple|few|score)\b)|"
    r"was\s+(?:killed|shot)\s+by\s+(?:unidentified\s+|unknown\s+|armed\s+)?(?:gunmen|gunman|"
    r"assailants)|"
    # killed by one's own guard ("was shot by a member of his own security detail")
    r"(?:was|were)\s+(?:shot|killed|gunned\s+down)\s+(?:dead\s+)?by\s+(?:one\s+of\s+)?(?:his|her|"
    r"their|a|an)\s+(?:own\s+)?(?:bodyguards?|guards?|security\s+guards?|member\s+of\s+(?:his|her|"
    r"their)\s+(?:own\s+)?security)|(?:bodyguard|guard)\s+opened\s+fire\s+on\s+(?:him|her|them)\b|"
    # ("was killed when a bodyguard opened fire"; not a guard firing on the attackers)
    r"(?:when|as|after)\s+(?:a|an|his|her|one\s+of\s+his)\s+(?:own\s+)?(?:body|security\s+)?guards?\s+opened\s+"
    r"fire\b(?!\s+(?:on|at)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:attackers?|assailants?|gunmen|militants|"
    r"bomber))",
    # (not a gang's trade: "arrested three members of a kidnapping gang")
    # (nor the agents: "arrested 12 kidnappers")
    "abduction": r"abduct\w*|kidnap(?!\w*\s+(?:gangs?|rings?|rackets?|networks?|cells?)\b)"
    r"(?!pers?\b)\w*|"
    r"taken\s+hostage|held\s+hostage|hostages?|"
    # people led off ("armed men stopped a van and took away four employees", "took two
    # engineers hostage"), not bodies or weapons taken away
    r"(?:took|taken|whisked|carried|spirited|dragged|bundled)\s+away\s+(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|an?|the|their|his|several)\s+(?:[a-z-]+\s+){0,2}?(?:engineers|"
    r"workers|men|people|passengers|employees|officials|teachers|doctors|tourists|labou?rers|"
    r"contractors|policem[ae]n|soldiers|personnel|students|villagers|(?:[a-z]+\s+)?members|"
    r"engineer|worker|employee|official|teacher|doctor|policeman|soldier|student|journalists?|"
    r"sons?|daughters?|brothers?|relatives|children|child|girls?|boys?)\b|"
    r"took\s+(?:[a-z0-9-]+\s+){1,5}?hostage|"
    # people seized ("Gunmen seized two foreign lecturers"), not weapons
    r"(?:gunmen|militants|insurgents|taliban|kidnappers|armed\s+men)\s+(?:[a-z]+\s+)?seized\s+(?:two|"
    r"three|four|five|six|\d+|an?|the)\s+(?:[a-z-]+\s+){0,2}?(?:engineers|workers|men|people|"
    r"passengers|employees|officials|teachers|lecturers|doctors|tourists|foreigners|nationals|"
    r"professors|journalists)\b",
    "attack_on_civilians": r"massacre\w*|"
    # (an ambushed bus may carry soldiers: only its passengers' kind says)
    r"ambush(?:ed|ing)?\s+(?:an?\s+|the\s+)?(?:(?:convoy|group)\s+of\s+)?(?:passenger\s+(?:vans?|"
    r"bus(?:es)?|coach(?:es)?|vehicles?)|worshippers|pilgrims|passengers|tourists|travell?ers|"
    r"mourners|wedding)\b|(?:attack\w*\s+(?:on\s+)?|"
    r"(?:fired|opened\s+fire)\s+(?:on|at|in|inside)\s+)(?:a\s+|the\s+)?(?:(?:team|group|crowd|"
    r"convoy)\s+of\s+)?(?:(?:foreign|local|chinese|western|shia|shi['’]ite|sunni|hazara|christian|"
    r"sikh|hindu|female|innocent|unarmed)\s+)?(?:worshippers|crowd|"
    r"tourists|pilgrims|travell?ers|visitors|picnickers|shoppers|mourners|students|mosque|"
    r"school|market|bazaar|bus|passengers|shrine|church|imambargah|procession|wedding|funeral|"
    r"rally|polio\s+(?:workers|team)|passenger\s+(?:vans?|bus(?:es)?|coach(?:es)?|vehicles?|trains?)|(?:[a-z-]+\s+)?ceremony|gathering|memorial|hotel|guest\s*house|"
    r"restaurant|university|deminers|coal\s+mines?|mining\s+(?:camps?|sites?))\b|"
    r"civilians\s+(?:were\s+)?killed|"
    # (a group's kind is no attack: "a banned sectarian outfit")
    r"sectarian(?!\s+(?:outfits?|groups?|organi[sz]ations?|part(?:y|ies)|militants?|leaders?|"
    r"members?|wings?))|"
    # travellers taken off their buses ("pulled 22 passengers off buses ... and shot them")
    r"off\s+(?:the\s+|a\s+)?(?:buses|bus|coaches|vans|vehicles)|offloaded|"
    r"(?:pulled|dragged|ordered)\s+(?:off|out)\s+(?:[a-z0-9-]+\s+){0,3}?(?:passengers|"
    r"travell?ers|pilgrims)\b|"
    r"(?:checked|checking)\s+(?:their\s+)?identity\s+cards|"
    # ("nine passengers were lined up and shot", "were dragged out of the bus and killed")
    r"(?:passengers|travell?ers|pilgrims)\s+(?:were\s+)?(?:lined\s+up|dragged\s+out|pulled\s+out|"
    r"taken\s+off)|(?:labou?rers|workers|villagers)\s+(?:were\s+)?lined\s+up|"
    # armed men in a place of care or of children ("gunmen stormed a maternity ward"), fire on
    # a vehicle of civilians ("opened fire on a van carrying schoolchildren")
    r"(?:stormed|attacked|raided|opened\s+fire\s+(?:on|at|in|inside))\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:hospital|maternity|clinic|schoolchildren|school\s+bus)|"
    # an aid agency's office ("stormed the office of Save the Children", "attacked an NGO's
    # compound")
    r"(?:stormed|attacked)\s+(?:an?\s+|the\s+)?(?:(?:[a-z'-]+\s+){0,2}?(?:offices?|"
    r"compound|guest\s*house)\s+of\s+(?:an?\s+|the\s+)?(?:[a-z'-]+\s+){0,3}?)?(?:aid\s+"
    r"(?:agency|group|organi[sz]ation|workers)|charity|ngo|humanitarian|relief\s+agency|"
    r"save\s+the\s+children|red\s+cross|medecins|doctors\s+without)|"
    # gunmen storming a place of study, worship or leisure ("stormed an army-run school in
    # Peshawar", "Gunmen stormed Kabul University")
    # (not a force's own: "a police training school", "a military college")
    r"(?:stormed|attacked)\s+(?:an?\s+|the\s+)?(?:[a-z'-]+\s+){0,2}?(?<!police\s)(?<!training\s)"
    r"(?<!military\s)(?<!cadet\s)(?<!naval\s)(?<!recruitment\s)(?:schools?|university|"
    r"college|hotel|"
    r"guest\s*house|mosque|shrine|church|temple|gurdwara|imambargah|market|bazaar|restaurant|"
    r"wedding)\b|"
    r"(?:vans?|bus(?:es)?|vehicles?|coach(?:es)?|wagons?|cars?)\s+carrying\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:schoolchildren|children|students|pupils|passengers|pilgrims|worshippers|women|mourners|"
    r"wedding|shi['’]?ites?|shias?|muslims|hazaras|travell?ers|commuters|civilians|families|"
    r"workers|labou?rers|teachers|nurses|employees|staff|journalists|tourists)\b",
    "property_attack": PROPERTY_ATTACK,
    "armed_clash": CROSSFIRE + r"|clash\w*|"
    r"gun\s*-?battles?|gun\s*-?fights?|fire\s*-?fights?|shoot\s*-?outs?|"
    # armed men who fire first ("armed insurgents opened fire and were engaged by the force")
    r"(?:insurgents?|militants?|terrorists?|attackers|fighters|khwarij)\s+(?:had\s+)?opened\s+"
    r"fire\b(?!\s+(?:on|at|upon|in|inside)\b)|"
    # ("after the militants opened fire on them during a raid")
    r"(?:insurgents?|militants?|taliban|terrorists?|gunmen|attackers|fighters|khwarij)\s+(?:had\s+)?"
    r"(?:opened\s+fire|fired)\s+(?:on|at|upon)\s+(?:them|the\s+(?:security\s+|joint\s+)?force)\b|"
    # ("killed an insurgent who fired on them")
    r"(?:insurgents?|militants?|terrorists?|gunmen|gunman|attackers?)\s+who\s+(?:had\s+)?"
    r"(?:fired|opened\s+fire|shot)\s+(?:on|at)\b|"
    r"exchange\s+of\s+fire|fighting(?!\s+season)|fought|ambush\w*|overr(?:an|un|unning)\b|"
    # both sides firing ("police exchanged fire with the militants", "the attackers fired back")
    r"(?:exchang(?:ed?|ing)|trad(?:ed?|ing))\s+(?:heavy\s+|intense\s+)?(?:gun\s*)?fire\b|"
    r"fir(?:ed|ing)\s+back\b|skirmish\w*|encounter|attacked\s+(?:an?\s+|two\s+|three\s+|\d+\s+)?"
    r"(?:security|check|"
    r"police|army|military|border)|stormed|raided\s+(?:a\s+)?(?:check|post)|engaged|"
    r"attempted\s+to\s+engage|insurgents?(?=\s+attack)|militants?(?=\s+attack)|attack\w*\s+on\s+"
    r"(?:a\s+)?(?:security|check|police|army|military|convoy)|"
    r"attack(?:ed|ing)\s+(?:a|the)\s+(?:[a-z-]+\s+){0,2}?convoys?\b|"
    # an attack on a post or fire at it, which may hurt no one ("fired rockets at a checkpost,
    # but no one was hurt", "attacked an FC camp"), and one that is repulsed
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|fired\s+(?:rockets?\s+|mortars?\s+|shots\s+)?(?:at|on|upon)|"
    r"open(?:s|ed|ing)\s+fire\s+(?:at|on|upon))\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:check-?\s?posts?|checkpoints?|posts?|outposts?|police\s+stations?|"
    r"camps?|forts?|district\s+(?:headquarters|centres?|centers?)|bases?|air\s*fields?|airports?|"
    r"cantonments?|patrols?)\b|"
    # ("foiled an attack by terrorists on a checkpost")
    r"attacks?\s+by\s+(?:[a-z'-]+\s+){1,3}?on\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
    r"(?:[a-z'-]+\s+){0,2}?(?:check-?\s?posts?|checkpoints?|posts?|outposts?|police\s+stations?|"
    r"camps?|forts?|bases?|convoys?)\b|"
    # an insider's attack ("turned his weapon on ISAF service members")
    r"turned\s+(?:his|her|their)\s+(?:weapons?|guns?|rifles?)\s+(?:on|against)\b|"
    # (not a foiled attack: a plot stopped in time, by an arrest or a bomb defused)
    r"(?:repuls\w+|repell?(?:ed|ing|s)?|beat(?:en)?\s+back|fought\s+off)\s+(?:an?\s+|the\s+|"
    r"their\s+)?(?:(?!to\s)[a-z'-]+\s+){0,3}?(?:attacks?|assaults?|raids?|onslaught|attackers)\b|"
    r"(?:was|were|been)\s+(?:successfully\s+)?(?:repulsed|repelled|beaten\s+back)|"
    # forces attacked, and fighting back ("A patrol was attacked by insurgents ... The patrol
    # returned fire", "came under small-arms fire", "opened fire on the force"); a siege's
    # battle ("after a five-hour battle"), not a "non-battle" death
    r"returned\s+fire|c(?:ame|ome|omes|oming)\s+under\s+(?:[a-z-]+\s+){0,2}?(?:fire|attack)|"
    r"(?:was|were)\s+attacked\s+by\s+(?:[a-z-]+\s+)?(?:insurgents|militants|taliban|"
    r"terrorists|gunmen|attackers|fighters)|"
    r"(?:open(?:s|ed|ing)\s+fire|fired)\s+(?:on|at|upon)\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?(?:force|forces|"
    r"patrol|troops|soldiers|convoy|policemen|team|personnel|party|police(?!\s+(?:chief|commander|"
    r"officer)))\b|retaliat(?:ed|ing)\b|"
    r"(?<!non-)(?<!non\s)battle\b|"
    # an assault on a headquarters, a base or an airport ("stormed the police headquarters")
    r"(?:attack(?:s|ed|ing)?(?:\s+on)?|stormed|assault(?:ed)?(?:\s+on)?)\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z'-]+\s+){0,5}?(?:headquarters|air\s+bases?|bases?|airports?|airfields?|"
    r"cantonments?|garrisons?|consulates?|embass(?:y|ies)|prisons?|jails?)\b",
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
    r"(?:signed|sign|signing|reached|struck|sealed)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:agreement|accord|deal)\b|amnesty|intra-afghan|political\s+office",
}
# Words that type an event only in context (`find_triggers`), after the types in the alternation:
# shelling is cross-border fire only with a border in the sentence ("militants fired mortar
# shells at a fort in Kurram" is no border shelling); protesters' "clashes" are a riot, not an
# armed clash; bodies found are no abduction ("the bodies of four abducted Levies men").
MARKERS = {
    "shelling": r"shelled\b|mortars?\b|artillery|rockets?\b|"
    r"(?:fire|firing)\s+by\s+(?:the\s+)?(?:pakistani|afghan)\s+(?:border\s+)?(?:forces|troops|"
    r"army|military|guards)\b|"
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
BORDER = re.compile(
    r"\b(?:loc\b|line\s+of\s+control|durand\s+line|working\s+boundary|cross-border|kashmir\w*|"
    r"indian?\b|iran(?:ian)?\b|(?:into|from|inside)\s+(?:pakistan|afghanistan|iran|india)\b|"
    r"from\s+across|across\s+the\s+border|border\s+(?:guards?|forces|police|troops|posts?|"
    r"villages?|areas?|towns?|check-?posts?|security|shelling|firing|fire))"
)
# What troops shell at home: a group or its positions ("shelling of militant hideouts").
INTERNAL_TARGET = re.compile(
    r"\b(?:militants?|insurgents?|terrorists?|taliban|ttp|hideouts?|positions|strongholds?|"
    r"miscreants)\b"
)
# Both countries named: one fires into the other ("Afghan forces shelled Pakistani posts").
AFGHAN, PAKISTANI = re.compile(r"\bafghan"), re.compile(r"\bpakistan")
# Places on either side of the Durand Line: one country's forces firing at the other's ("Pakistani
# forces shelled Dangam district of Kunar province").
AFGHAN_SIDE = re.compile(
    r"\b(?:kunar|nangarhar|khost|khowst|paktika|paktiya|paktia|nuristan|dangam|spin\s+boldak)\b"
)
PAKISTANI_SIDE = re.compile(r"\b(?:bajaur|mohmand|kurram|waziristan|chaman|chitral|zhob)\b")
# Words that introduce a person's or a group's record of past deeds ("a commander responsible
# for bomb attacks in Ghazni", "linked to the 2016 bombing"): for the deed's place
# (`geoparse.origin_place`) and for a history sentence's reach (`history.drop_history`).
RECORD_CUES = (
    r"(?:responsible\s+for|involved\s+in|accused\s+of|mastermind(?:ed|s)?(?:\s+of)?|"
    r"blamed\s+for|wanted\s+(?:for|in)|suspected\s+of|linked\s+to|behind)"
)
# A violent word naming the past deed of whom the event is about, not the event: "detained the
# alleged mastermind of the Quetta bombing", "militants planning an attack on a church".
# (The deed's place and date have narrower cues, `RECORD_CUES` above and
# `datelines._DEED_BEFORE`: "planned" alone places nothing, and a date after "responsible for
# the attack" may be a claim's date of this very event.)
DEED_OF = re.compile(
    r"\b(?:mastermind(?:s|ed)?|planners?|facilitators?|involved|"
    # (not a denial: "denied any involvement in the bombing")
    r"(?<!any\s)(?<!denied\s)(?<!denies\s)(?<!deny\s)(?<!no\s)(?<!their\s)(?<!its\s)(?<!his\s)"
    r"(?<!direct\s)involvement|wanted|accused|charge[sd]|"
    r"charge(?=\s+of\b)|"
    r"in\s+connection|"
    r"(?:plott|plann)(?:ing|ed)|plot(?:s|ted)?|plans?|prepar(?:e|ed|ing)|suspected\s+of|"
    # a target's record ("had coordinated rocket attacks on Forward Operating Base Sharana")
    # (not a claim: "the group was responsible for the attack")
    r"coordinat(?:ed|es|ing)|orchestrat(?:ed|es|ing)|direct(?:ed|s|ing)|"
    r"(?<!was\s)(?<!were\s)responsible\s+for)\s+"
    r"(?:(?:in|of|for|with|to|behind|carry\s+out|carrying\s+out)\s+)?(?:(?:the|a|an|an?other|last\s+[a-z]+'s|several|recent|"
    r"series\s+of|two|three|\d+|multiple|numerous|various|many|(?:incidents?|cases?|acts?)\s+of)\s+)*"
    r"(?:[a-z'-]+\s+){0,2}"
    # the second deed of a list ("involved in the killing of civilians and attacks on ...")
    r"(?:(?:of|on|against|in)\s+(?:[a-z'-]+\s+){0,2}?(?:and|or)\s+(?:[a-z'-]+\s+)?)?"
    # ... or a deed it includes ("responsible for recent attacks in Kabul, including the bombing")
    r"(?:(?:in|on|of)\s+[a-z'-]+,?\s+including\s+(?:the\s+|an?\s+)?)?$|"
    # the deed of the one arrested ("arrested a man who allegedly abducted a girl")
    r"\b(?:arrested|detained|apprehended|nabbed|held)\s+(?:[a-z'-]+\s+){0,4}?who\s+(?:had\s+)?"
    r"(?:allegedly\s+|reportedly\s+)?$|"
    # an earlier attack the report follows ("days after a suicide attack on a police post")
    # (set off by a comma: "two soldiers died in hospital days after the attack" are its own)
    r",\s+(?:days|weeks|months|a\s+day|a\s+week|hours)\s+after\s+(?:an?\s+|the\s+)(?:[a-z'-]+\s+)?$"
)
# "Engaged" is a fight when the other side engages; state forces that engage ("own troops
# effectively engaged the khwarij location", "was engaged by the security force") are firing
# on them in an operation, unless a fight is told ("exchange of fire", "returned fire").
FORCES_ENGAGING_BEFORE = re.compile(
    # (not the other side's: "Taliban forces engaged Afghan troops")
    r"(?<!taliban\s)(?<!insurgent\s)(?<!militant\s)(?<!enemy\s)(?<!rebel\s)(?<!terrorist\s)"
    r"\b(?:troops|forces|force|soldiers|personnel|police|policemen|commandos|army|sf)\s+"
    r"(?:(?:effectively|successfully|swiftly|immediately|then|later|also|promptly|precisely)\s+)?$"
)
ENGAGED_BY_FORCES = re.compile(
    r"\s+by\s+(?:the\s+|a\s+|an\s+)?(?:(?!enemy|insurgent|militant|taliban|terrorist|rebel|"
    r"hostile)[a-z-]+\s+){0,3}?(?:force|forces|troops|soldiers|"
    r"personnel|police|commandos)\b"
)
# Hostages set free ("police recovered three hostages from dacoits after an encounter",
# "commandos rescued two abducted engineers"): the abduction is the background of a rescue.
RESCUED_BEFORE = re.compile(
    r"\b(?:recover(?:ed|s|ing)?|rescu(?:ed|es|ing|e)|free(?:d|s|ing)?|liberat(?:ed|es|ing|e)|"
    r"releas(?:ed|es|ing|e)|(?:secured|safe)\s+(?:the\s+)?release\s+of|"
    r"exchang(?:e|ed|ing)|swap(?:ped|ping)?)\s+"
    r"(?:[a-z0-9'-]+\s+){0,3}$"
)
# ... and one told as done before, in a sentence that tells the release ("a child they had
# abducted was freed"; not "Gunmen had abducted two engineers on Sunday")
HAD_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$")
SET_FREE = re.compile(r"\b(?:freed|rescued|recovered|released|set\s+free|liberated)\b")
# (substrings every match of `DEED_OF` holds: where a sentence holds none, its `$`-anchored
# search, tried at each of 60 positions, is skipped for every trigger)
DEED_CUES = (
    "mastermind", "plan", "facilitator", "involve", "wanted", "accused", "charge", "plot", "who",
    "connection", "responsible", "after",
    "prepar", "coordinat", "orchestrat", "direct", "suspected",
)  # fmt: skip

# Bombs as a trade, not as this event: what a target's work or a seizure was ("responsible for
# directing roadside bomb attacks", "provides weapons and IEDs to insurgents", "seized several
# weapons and a grenade"), and bomb words naming a role or material ("an IED facilitator", "a
# Taliban improvised explosive device (IED) commander", "explosive components"). In ISAF's
# releases these made 150 of 161 raids and detentions bombings.
BOMB_TRADE_BEFORE = re.compile(
    r"(?:\b(?:responsible\s+for|suspected\s+of|speciali[sz]\w*|direct(?:s|ed|ing)|"
    r"coordinat\w+|conduct(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|provid\w+|facilitat\w+|"
    r"deliver\w*|transport\w*|smuggl\w+|distribut\w+|emplac\w+|manag\w+|oversaw|oversee\w*|"
    r"support\w*|traffick\w+|procur\w+|purchas\w+|acquir\w+|stockpil\w+|stor(?:e|ed|es|ing|"
    r"age)|seiz\w+,?|confiscat\w+,?|caches?\s+of|consist\w*\s+of|contain\w*|armed\s+with|"
    r"equipped\s+with|"
    r"movement\s+of|transfer\s+of|expert\s+in|training\s+in|involved\s+in|participat\w+\s+in|"
    r"assist\w*|associat\w+\s+with|linked\s+(?:[a-z]+\s+)?to|command(?:s|ed|ing)?|used\s+(?:in|to\s+"
    r"make)|potential|possible|future|rocket[\s-]+propelled|"
    # a weight of material ("20 kilograms of explosives"), not of one device ("a 5-kilogram bomb")
    r"(?<!-)(?:(?:kilo)?grams?|kgs?|pounds|lbs\.?))\s+"
    r"(?:(?:of|in|for|with|to|and|the|a|an|both|several|multiple|other|\d+)\s+)*"
    r"(?:[a-z0-9'()-]+,?\s+(?:and\s+)?){0,5}"
    # an inventory of what was found: "found 1,000 rounds, a machine gun, 20 grenades"
    r"|\b(?:found|recover(?:ed|ing)|discover(?:ed|ing)|uncover(?:ed|ing))\b[^.;]*,\s+(?:and\s+)?"
    r"(?:[a-z0-9'-]+\s+){0,3})"
    r"\(?$"
)
# What a detainee had or did before, right before the bomb word ("detained ... along with a
# suicide vest", "arrested carrying explosives", "They were behind the recent bombing"; not
# "killed along with five others in a suicide blast").
BOMB_HELD_BEFORE = re.compile(
    r"\b(?:along\s+with|in\s+possession\s+of|possess(?:ed|ing)|carr(?:y|ying|ied)(?!\s+out)|behind|"
    r"accused\s+of|blamed\s+for|wanted\s+for)\s+(?:[a-z0-9'-]+\s+){0,2}$"
)
BOMB_TRADE_CUES = (
    "responsible", "suspected", "speciali", "direct", "coordinat", "conduct", "suppl", "provid",
    "facilitat", "deliver", "transport", "smuggl", "distribut", "emplac", "manag", "overs",
    "support", "traffick", "procur", "purchas", "acquir", "stockpil", "stor", "seiz", "confiscat",
    "cache", "consist", "contain", "armed with", "equipped", "movement", "transfer", "expert",
    "training", "involved", "participat", "assist", "associat", "linked", "command", "used",
    "potential", "possible", "future", "propelled", "found", "recover", "discover", "uncover",
    "gram", "kg", "pounds", "lbs", "along with", "possess", "carr", "behind", "accused", "blamed",
    "wanted",
)  # fmt: skip
BOMB_THING_AFTER = re.compile(
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
    r"have\s+been|has\s+been)\s+(?:also\s+)?(?:seized|recovered|confiscated|found\s+(?:in|on|with)\s+"
    r"(?:their|his|her|them|him|the\s+suspects?['’]?)\b)"
)

# An arrest named as what came before ("protests after Imran Khan's arrest") and the charge of
# people held ("detained ... for kidnapping, robbery and links to armed groups").
ARREST_NOUN = re.compile(r"arrests?\b")
EARLIER_ARREST = re.compile(
    r"\b(?:after|following|over|against|since|before|protest\w*)\s+(?:the\s+)?(?:[a-z.'’-]+\s+){0,3}?$"
)
HELD_FOR = re.compile(
    r"\b(?:arrest\w*|detain\w*|held|nabbed|apprehend\w*|charged|jailed|convicted|sentenced)\b"
    r"[^.;]{0,60}?\bfor\s+(?:the\s+)?(?:alleged\s+|their\s+|his\s+|her\s+)?(?:[a-z-]+,\s+)*$"
)
# A bomber who is what was arrested ("arrested four terrorists, including a suicide bomber"),
# not a clause after the arrest ("arrested two men after a suicide bomber killed 12").
HELD_BOMBER = re.compile(
    r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|apprehend(?:ed|ing)?|nabbed|captured|caught)\b"
    r"(?:(?!\b(?:after|before|when|while|following|since|as|who|which|that|but)\b)[^.;]){0,50}$"
)
