"""The nouns that name the victims of a casualty figure, one or many, and those that follow a
number without being its victims. Word lists for the patterns of `casualties`."""

from __future__ import annotations

from .alternation import by_first_letter

# Nouns that follow a number without being its victims: "four operations targeting Taliban
# leaders", "two bombs killed 10".
_NOT_VICTIMS = (
    r"operations?|raids?|attacks?|blasts?|bombs?|bombings?|explosions?|strikes?|airstrikes?|"
    r"incidents?|compounds?|provinces?|districts?|villages?|buildings?|vehicles?|weapons?|"
    r"rifles?|times|locations?|sites?|separate|hours?|days?|mortars?|rockets?|shells?|"
    r"drones?|missiles?|among|cases|sides|"
    # (seized material is never people: "two suicide vests were seized from the suspects")
    # (plurals only: a singular may be a modifier, "a car bomber")
    r"vests|jackets|belts|detonators|devices|bullets|cartridges|laptops|computers|packets|"
    r"boxes|containers|kgs|kilograms|litres|liters|pistols|grenades"
)
_NOT_VICTIMS = by_first_letter(_NOT_VICTIMS)
# One unnamed victim: "Pakistani civilian killed", "a policeman was shot dead".
_ONE_VICTIM = (
    r"soldier|solider|policeman|policewoman|civilian|militant|official|man|woman|child|boy|"
    r"girl|cop|officer|trooper|guard|leader|commander|journalist|student|teacher|worker|elder|"
    r"cleric|driver|insurgent|person|chief|tribesman|constable|jawan|member|activist|suspect|"
    r"facilitator|financier|bombmaker|militia|guardsman|sepoy|major|captain|colonel|dealer|"
    r"smuggler|emplacer|manufacturer|maker|assassin|planner|coordinator|operative|courier|"
    r"supplier|recruiter|trainer|instructor|expert|specialist|governor|deputy|emir|associate|"
    r"fighter|gunman|bomber|attacker|assailant|shooter|affiliate|supporter|organizer|organiser|"
    r"lieutenant|target|president|chairman|"
    r"villager|pilot|co-pilot|crewman|"
    r"labou?rer|teenager|teen|daughter|son|wife|husband|father|mother|brother|sister|"
    r"shopkeeper|farmer|engineer|doctor|lawyer|judge|professor|director|trader|politician|"
    r"candidate|minister|legislator|councillor|councilor|lawmaker|spy|informer|informant|"
    r"individual|nurse|helper|aide|bodyguard|servant|passenger|pilgrim|worshipper|priest|"
    r"secretary|clerk|"
    r"singer|artist|poet|musician|actor|cousin|nephew|uncle|mastermind|head|"
    r"schoolteacher|mna|mpa|presenter|anchor|anchorman|newsreader|broadcaster|"
    r"scholar|resident|shepherd|vendor|contractor|employee|translator|interpreter|vaccinator|"
    r"watchman|chowkidar|tailor|barber|mechanic|cook|photographer|reporter|cameraman|"
    r"prosecutor|inspector|superintendent|commissioner|administrator|magistrate|tehsildar|"
    r"nazim|mayor|senator|parliamentarian|imam|pastor|khateeb|headmaster|principal|lecturer|"
    r"surgeon|paramedic|volunteer|cadet|havildar|naik|subedar|militiaman|"
    r"khasadar|ranger|advocate|banker|businessman|industrialist|landlord|accomplice|handler|"
    r"relative|companion|collaborator|accountant|gunrunner|kidnapper|extortionist|terrorist|"
    r"trafficker|propagandist|owner|national|assistant|occupant|ringleader|kingpin|subordinate|"
    r"caretaker|spotter|sniper|spokesman|spokesperson|second-in-command|paymaster|"
    r"serviceman|servicewoman|passer-?by|bystander|"
    # (civilians by what they were doing: "killed 10 foreign climbers and a Pakistani guide")
    r"guide|climber|mountaineer|porter|hiker|trekker|tourist|pedestrian|motorcyclist|cyclist|"
    r"visitor|customer|mourner|protester|protestor|demonstrator|"
    # ("wounding a schoolgirl and two of her classmates")
    r"schoolgirl|schoolboy|pupil|classmate|"
    # (the noun, not "three men accused of ..." )
    r"accused(?!\s+of\b)"
)
_ONE_VICTIM = by_first_letter(_ONE_VICTIM)
# "a Taliban sub-commander"
_ONE = rf"(?:[a-z]+-)?(?:{_ONE_VICTIM})"
# After a singular victim, a noun that makes it a modifier: "militia members".
_NOT_SINGULAR = (
    r"(?![s'’-])(?!\s+(?:members|men|fighters|commanders|leaders|personnel|workers|officials|"
    r"soldiers|troops|forces|groups?|networks?|cells?|"
    # a thing: "captured two insurgent weapons caches", "an insurgent hideout"
    r"weapons?|caches?|hideouts?|compounds?|vehicles?|positions?|bases?|camps?|"
    # a vehicle: "seized a passenger bus"
    r"bus(?:es)?|vans?|trains?|coach(?:es)?)\b)"
)
_PLURAL_VICTIMS = (
    r"people|persons|civilians|militants|insurgents|soldiers|troops|policemen|personnel|police|"
    r"fighters|terrorists|rebels|men|women|children|others|attackers|assailants|gunmen|members|"
    r"workers|villagers|passengers|tribesmen|suspects|officials|guards|commandos|rangers|"
    r"officers|sons|brothers|daughters|leaders|commanders|students|labou?rers|pilgrims|"
    r"worshippers|associates|individuals|facilitators|security\s+forces|accomplices|occupants|"
    r"bodyguards|followers|companions|aides|henchmen|colleagues|comrades|crew|crewmen|relatives|"
    r"employees|staff|staffers|contractors|teachers|journalists|doctors|engineers|traders|"
    r"shopkeepers|farmers|drivers|tourists|foreigners|nationals|jawans|troopers|cops|constables|"
    r"recruits|cadets|militiamen|miners|boys|girls|elders|guests|"
    r"afghans|pakistanis|americans|britons|indians|iranians|kashmiris|hazaras|shias|shiites|"
    r"sikhs|hindus|christians|ahmadis|pashtuns|"
    # ("Two US servicemen and an Afghan interpreter were wounded")
    r"servicemen|servicewomen|marines|airmen|sailors|interpreters|translators|passers-?by|"
    r"bystanders|hostages|"
    r"guides|climbers|mountaineers|porters|hikers|trekkers|pedestrians|motorcyclists|cyclists|"
    r"visitors|customers|mourners|protesters|protestors|demonstrators|shoppers|spectators|"
    r"devotees|applicants|voters|patients|schoolchildren|"
    # ("leaving 10 Taliban and three soldiers dead")
    r"taliban"
)
_PLURAL_VICTIMS = by_first_letter(_PLURAL_VICTIMS)

# Things a force captures besides people ("captured two motorcycles", "three AK-47 rifles"),
# and the words that may not stand between the figure and the thing ("two people in vehicles"
# are people).
_THINGS = (
    r"weapons?|rifles?|vehicles?|mortars?|rockets?|missiles?|(?:ak|pk|rpk)-?47s?|guns?|"
    r"pistols?|grenades?|launchers?|motorcycles?|motorbikes?|cars?|trucks?|caches?|ammunition|"
    r"rounds|explosives|ieds?|mines|magazines|radios|phones|documents|kilograms?|kilos?|tons?|"
    r"bags?|sacks?|barrels?|districts?|checkposts?|posts?|outposts?|checkpoints?|bases?|"
    r"headquarters|stations?|villages?|towns?|compounds?|tanks?|humvees?|helicopters?|aircraft|"
    r"cent(?:re|er)s|"
    # (seized material is never people: "three suicide jackets were seized from them")
    r"vests?|jackets?|belts?|detonators?|devices?|bullets?|cartridges?|shells?|laptops?|"
    r"computers?|drugs|narcotics|heroin|opium|hashish|packets?|boxes|containers?|kgs?|litres?|"
    r"liters?"
)
_THINGS = by_first_letter(_THINGS)
_SKIP_NOT = rf"{_PLURAL_VICTIMS}|in|on|at|of|from|with|by|near|and|or|who|which|that"
# Armed groups that capture people: their captives are abducted, not arrested.
_CAPTORS = r"(?:insurgents|militants|taliban|gunmen|terrorists|kidnappers|abductors|rebels)"

# A full stop inside a sentence that ends no clause: an abbreviation's ("13 U.S. service
# members", "a U.N. official", "Lt. Col. X", "Gen.", "Dr.", "No. 2"), on folded text. The spans of
# asides and lists that stop at a full stop pass it (`no_stop`); the sentence's own end does not
# (a word must follow).
_ABBREVIATION_DOT = (
    r"(?:(?<=\b[a-z])|(?<=\b(?:no|dr|lt|mr|st))|(?<=\b(?:gen|col|maj|sgt|mrs))|(?<=\b(?:capt|brig)))"
    r"\.(?=\s*[\w,-])"
)


# (on text in its own case: "U.S.", "Dr.")
_ABBREVIATION_DOT_CASED = (
    r"(?:(?<=\b[A-Za-z])|(?<=\b(?:No|Dr|Lt|Mr|St))|(?<=\b(?:Gen|Col|Maj|Sgt|Mrs))|"
    r"(?<=\b(?:Capt|Brig)))\.(?=\s*[\w,-])"
)


def no_stop(excluded: str, cased: bool = False) -> str:
    """One character of a span that stops at a full stop and at `excluded` (a character
    class's body): an abbreviation's dot is passed (`cased`: on text in its own case)."""
    dot = _ABBREVIATION_DOT_CASED if cased else _ABBREVIATION_DOT
    return rf"(?:[^.{excluded}]|{dot})"
