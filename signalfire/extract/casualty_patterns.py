"""The patterns that casualty figures are read with (see casualties.py), built on the verbs of
each category (`casualty_verbs`): what is not a count (negation, aims, natural deaths), the
joins of a list of victims, and the scanning patterns with their `re.ASCII` twins (tallies,
background and the words of tolls across sentences: `tally_patterns`; named victims:
`named_patterns`). Names imported "as" themselves from those modules are read from here by
tests."""

from __future__ import annotations

import re

from .casualty_verbs import (
    _ANY_VERB,
    _BRANCHED_VERBS,
    _OPEN_VERB,
    _TOLL,
    _VERB_FINDER,
    _VERB_STARTS,
)
from .casualty_verbs import _FINDS as _FINDS
from .casualty_verbs import _VERB_FINDERS as _VERB_FINDERS
from .casualty_verbs import _VERBS as _VERBS
from .figure_guards import _DENIED as _DENIED
from .figure_guards import _DENIED_CUES as _DENIED_CUES
from .named_patterns import _NAMED_VERB as _NAMED_VERB
from .named_patterns import _NAMED_VERB_END as _NAMED_VERB_END
from .natural_deaths import _NOT_VIOLENT_AFTER as _NOT_VIOLENT_AFTER
from .numbers import _DATE_MONTH, _QUALIFIER, NUMBER, QUANTITY
from .tally_patterns import _EARLIER_EVENT as _EARLIER_EVENT
from .tally_patterns import _EARLIER_EVENT_CUES as _EARLIER_EVENT_CUES
from .tally_patterns import _EARLIER_TIME_AFTER as _EARLIER_TIME_AFTER
from .tally_patterns import _EARLIER_TIME_CUES as _EARLIER_TIME_CUES
from .tally_patterns import _PERFECT, _PERIOD, _SUMMARY, TOLL_RISE
from .tally_patterns import _PERIOD_CUES as _PERIOD_CUES
from .tally_patterns import _SUMMARY_CUES as _SUMMARY_CUES
from .tally_patterns import _TOLL_BEFORE as _TOLL_BEFORE
from .textcase import Scanner
from .victims import (
    _CAPTORS,
    _NOT_SINGULAR,
    _NOT_VICTIMS,
    _ONE,
    _ONE_VICTIM,
    _PLURAL_VICTIMS,
    _SKIP_NOT,
    _THINGS,
    no_stop,
)

CATEGORIES = ("killed", "injured", "abducted", "arrested")
_ASIDE_CHAR = no_stop(",;:")  # [^,;:.], past "U.S."
_ASIDE_CHAR_P = no_stop(",;:()")
_CLAUSE_CHAR = no_stop(";:")
_CLAUSE_CHAR_S = no_stop(",;")

# The victims between a number and its verb: "13 suspected Taliban militants were killed"; no
# digits, conjunctions or other casualty verbs in between ("13 killed and 20 wounded" is two).
_FILLER = (
    # (not across a speech verb that opens a clause: "Several officials said Taliban fighters
    # killed five" is 5; but "Two said killed", "eight civilians reported killed")
    # (nor across "and", but within one plural's pair: "14 soldiers and police were killed")
    # (or with an adjective of its own: "200 Taliban and affiliated fighters were killed"; not
    # the hurt: "and wounded civilians")
    rf"(?:(?!(?:and(?!\s+(?:(?!(?:wounded|injured)\b)[a-z'’-]+ed\s+)?(?:{_PLURAL_VICTIMS})\s+"
    r"(?:were|have\s+been|had\s+been)\s)|or|but|"
    rf"while|after|before|during|when|as|{_NOT_VICTIMS}|{_ANY_VERB})\b"
    # (not into what they are held for: "arrested two men suspected of killing a policeman")
    r"|(?:suspected|accused|charged|involved|wanted|responsible|blamed)\s+(?:of|in|with|for)\s+"
    rf"(?:(?!(?:were|was|are|is|have|has|had)\b)[a-z'’-]+\s+){{0,3}}?(?:{_ANY_VERB})\b"
    rf"|(?:said|says|say|told|stated|added|according)\b(?!\s+(?:{_ANY_VERB})\b))"
    # (an abbreviation in brackets: "Seven Afghan Local Police (ALP) members")
    # (a post-modifier's "of the" as one word with its noun: "two members of the Islamic
    # Emirate security forces were killed")
    # (not "Two of the wounded later died": a part of the wounded, `_DIED_AFTER`)
    # ("Two women judges working for the Supreme Court were shot dead", "Four members of a
    # local peace committee in Bajaur were killed", "Five labourers working on a road project")
    r"(?:(?:(?:of|to|from|in|for|on|at|with)\s+(?:the|an?)\s+"
    rf"(?!(?:{_NOT_VICTIMS}|{_ANY_VERB})\b))?[A-Za-z'’.-]+|"
    r"\d+-year-old)\s+"
    rf"(?:\([^()]{{1,60}}?\)\s+)?){{0,6}}?"
    # an aside naming some of them: "two suspects, including a Taliban leader, were detained",
    # or more of them: "three soldiers, along with a civilian, were killed" (added by the caller)
    rf"(?:[a-z'’-]+,\s+(?:(?:including|among\s+them)\s+(?:(?!{_OPEN_VERB}\b){_ASIDE_CHAR}){{1,60}}?"
    rf"|(?:(?:along|together)\s+with|as\s+well\s+as)\s+(?:(?!{_OPEN_VERB}\b){_ASIDE_CHAR}){{1,60}}?),\s+"
    # any other aside before a passive: "At least 11 people, mostly civilians, were killed",
    # "Nine people - seven policemen and two civilians - were killed"
    rf"|[a-z'’-]+(?:,\s+(?:(?!{_OPEN_VERB}\b){_ASIDE_CHAR_P}){{1,60}}?,|\s+[-–—]\s+"
    rf"(?:(?!{_OPEN_VERB}\b)[^,;:.()–—-]){{1,60}}?\s+[-–—]|\s+(?:including|among\s+them)\s+"
    rf"(?:(?!{_OPEN_VERB}\b){_ASIDE_CHAR_P}){{1,40}}?"
    # (the aside a list itself: "Four people, including two police personnel, a Rangers soldier
    # and a sanitary worker, were martyred")
    rf"|,\s+(?:including|among\s+them)\s+(?:(?!{_OPEN_VERB}\b){_CLAUSE_CHAR}){{1,90}}?,)"
    r"\s+(?=(?:were|was|have\s+been|had\s+been)\s)"
    # ISPR's aside before the active verb: "two soldiers, having fought gallantly, embraced"
    r"|[a-z'’-]+,\s+having\s+(?:[a-z'’-]+\s+){0,3}?[a-z'’-]+,\s+(?=embrac))?"
    # "two insurgents surrendered to the force and were detained": one subject, two verbs
    r"(?:(?:and\s+(?=were|was))?(?:were|was|have\s+been|had\s+been|are|got|been)\s+"
    # ("Two suspected insurgents who attempted to flee were also detained")
    r"(?:also\s+)?"
    # ("Four other people, including one of his sons, also died")
    r"|also\s+)?"
)
# ("detained for questioning two men", "detained, for further questioning, two men";
# "arrested its two occupants", "detained the three men")
_OBJECT_FILLER = (
    r"(?:,?\s*for\s+(?:further\s+)?questioning,?\s+)?"
    # ("detained - after a brief search - three suspected insurgents")
    r"(?:[-–—]\s+[^-–—,;.]{1,50}?\s+[-–—]\s+)?"
    # ("detained and later released three men", "apprehended and handed over two suspects")
    r"(?:and\s+(?:later\s+)?(?:released|freed|handed\s+over|transferred|questioned)\s+)?"
    r"(?:(?:another|an?\s+other|of|the|its|his|her|their|all(?:\s+the)?)\s+)?"
)
# A thing as the head of a noun phrase ("two AK-47 rifles and", "three trucks carrying", "12
# guns."), not a modifier of a person ("truck drivers", "rocket-firing insurgents", "car
# thieves"): a word that can follow a head noun, or punctuation, comes after it.
_THING_PHRASE = (
    rf"(?:(?:police|army)\s+|(?!(?:{_SKIP_NOT})\b)[a-z'’-]+\s+)?(?:(?:{_THINGS})\s+)*"
    rf"(?:{_THINGS})(?![\w'’-])"
    # ("three rocket firing insurgents": a participle before a person is a modifier)
    rf"(?!\s+[a-z]+ing\s+(?:{_ONE}s?|{_PLURAL_VICTIMS})\b)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|of|from|and|or|with|near|during|after|before|that|"
    r"which|who|for|to|by|as|inside|belonging|along|together|plus|was|were|had|have|has|"
    r"[a-z]+ing|[a-z]+ed)\b)"
)
# The same after its verb: a list's later items may still be people ("captured 12 guns and 5
# suspects").
_THING_OBJECT = re.compile(rf"\s+{_OBJECT_FILLER}(?:{_QUALIFIER})?(?:{NUMBER})\s+{_THING_PHRASE}")
# "detainees" is a capture only where the sentence goes on about it ("the two detainees were
# handed over", "the detainees included"; not "released 20 detainees", "300 detainees at the
# facility", "two detainees escaped").
_DETAINEES_AFTER = re.compile(
    r"\s+(?:(?:were|are|have\s+been|had\s+been)\s+(?:later\s+)?(?:being\s+)?(?:taken|handed|"
    r"transferred|questioned|interrogated|brought|turned|moved)|included?)\b"
)
# "rounded up" counts people only ("rounded up 30 cattle", "rounded up 5,000 rupees" do not).
# The same for the other verbs that take things as well as people ("picked up the bodies",
# "caught 20 fish", "elections were held").
_ROUND_UP = re.compile(r"round(?:ed|ing|s)?\s+up|pick|caught|.*held|netted")
_PERSON_AFTER = re.compile(
    rf"\s+(?:[a-z'’-]+\s+){{0,3}}?(?:{_ONE}s?|{_PLURAL_VICTIMS}|of\s+(?:them|whom)|refugees|"
    r"migrants|protesters|demonstrators|criminals|youths|beggars|afghans|nationals)\b"
)

# (category, where the pattern starts: "num" at a number, "verb" at a casualty verb, "near"
# anywhere shortly before one, pattern)
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = []
# Wounded captives: "two injured khwarij were apprehended" is two captured (and two wounded,
# `more_victims`), not a wounded figure "two injured".
_HURT_BEFORE = r"(?:(?:injured|wounded)\s+(?=[a-z]))?"
_NOT_SENTENCED = r"(?<!sentenced\s)(?<!condemned\s)(?<!sentenced\sthe\s)"
# (the wounds themselves: "received multiple bullet wounds", "three gunshot wounds")
_NOT_WOUNDS = r"(?!(?:(?:bullet|gunshot|stab|shrapnel|knife|head|serious|severe)\s+)*wounds\b)"
# (the caller skips such a wounded figure: the pattern runs on text cut at the verb)
HURT_HELD = re.compile(
    r"\s+(?:(?!(?:and|or)\b)[a-z'’-]+\s+){1,2}?(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:later\s+|also\s+)?(?:arrested|detained|apprehended|captured|nabbed)\b"
)
for _cat, _verb in _BRANCHED_VERBS.items():
    # "13 militants were killed", "13 dead", "13 killed"
    _PATTERNS.append(
        (
            _cat,
            "num",
            re.compile(
                # (not "sentenced four men to death": a sentence, `_KILLED_VERB`)
                rf"\b{_NOT_SENTENCED if _cat == 'killed' else ''}{QUANTITY}\s+"
                rf"{_HURT_BEFORE if _cat == 'arrested' else ''}"
                rf"{_NOT_WOUNDS if _cat == 'injured' else ''}{_FILLER}"
                rf"(?P<verb>{_verb})\b"
            ),
        )
    )
    # "killed 13 militants", "killing at least 13"
    _PATTERNS.append(
        (
            _cat,
            "verb",
            re.compile(
                # ("detained, for further questioning, two men": the comma opens the aside)
                rf"\b(?P<verb>{_verb})(?:\s+|(?=,\s))"
                rf"{_OBJECT_FILLER}{QUANTITY}\b(?!\s*(?:km|kilomet|mile|"
                rf"hours|days|years|pounds|kg|kilograms|percent|%|am\b|pm\b|a\.m|p\.m|{_DATE_MONTH}))"
                # "one killed two wounded": the two are the wounded
                rf"(?!\s+(?:{_ANY_VERB})\b)"
                # "captured two AK-47s", "captured several weapons": things, not people
                rf"(?!\s+{_THING_PHRASE})",
            ),
        )
    )
    # "also killed in the strike were more than a dozen insurgents", "also detained were two"
    _PATTERNS.append(
        (
            _cat,
            "verb",
            re.compile(
                rf"\b(?P<verb>{_verb})\s+(?:(?:in|during)\s+(?:[a-z'’-]+\s+){{1,4}}?)?(?:were|was)\s+"
                rf"{QUANTITY}\b"
            ),
        )
    )
# A toll of arrests: "the number of people arrested has risen to 15".
_PATTERNS.append(
    (
        "arrested",
        "verb",
        re.compile(
            r"\b(?P<verb>arrested|detained)\s+(?:(?:so\s+far|now)\s+)?(?:has\s+|had\s+)?"
            r"(?:now\s+)?(?:risen|rose|climbed|reached|increased|gone\s+up|went\s+up)\s+"
            rf"(?:to\s+)?{QUANTITY}\b"
        ),
    )
)
# "policeman guarding polio workers shot dead", "chief of peace committee killed"
_HARMED = ("killed", "injured")
_POST_MODIFIER = (
    # (a deed held against the victim, whose own victims are background: "a wanted terrorist
    # involved in the killing of two policemen last month was killed during a raid")
    r"(?:\s+(?:involved\s+in|wanted\s+(?:in|for)|accused\s+of|suspected\s+of|responsible\s+for|"
    r"linked\s+to)\s+(?:the\s+)?(?:[a-z'’-]+\s+)?(?:(?:killings?|murders?|kidnappings?|abductions?|"
    # ("a Taliban commander involved in kidnapping foreigners was captured")
    r"assassinations?|deaths?|martyrdom)\s+of|killing|murdering|kidnapping|abducting)\s+"
    rf"(?:(?!(?:and|or|while|when|whereas|{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,4}}?[a-z'’.-]+"
    # ("a suspect involved in the blast had been detained", "Mullah Ahmad, a Taliban leader in
    # Zhari district, was detained", "an insurgent armed with a rifle was killed")
    r"|\s+(?:guarding|escorting|from|of|for|assigned\s+to|belonging\s+to|in|involved\s+in|"
    rf"wanted\s+(?:in|for)|accused\s+of|suspected\s+of|linked\s+to|armed\s+with|carrying)\s+"
    # ("One member of the Islamic Emirate's special forces was martyred")
    rf"(?:(?!(?:and|or|while|when|whereas|{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,4}}?[a-z'’.-]+"
    # ("The attacker and a woman with him were also killed")
    r"|\s+(?:(?:travell?ing|riding|sitting)\s+)?with\s+(?:him|her|them)\b)?"
)
for _cat, _verb in _BRANCHED_VERBS.items():
    _PATTERNS.append(
        (
            _cat,
            "near",
            re.compile(
                # (no clause word among the modifiers: "arrested a suspect while his
                # accomplice was killed")
                rf"\b(?P<n1>(?:an?|one)\s+)?(?:(?!(?:and|or|the|while|when|whereas|{_ANY_VERB})\b)"
                r"[A-Za-z'’.-]+\s+)"
                # (an appositive's closing comma: "Mullah X, a Taliban commander, was captured")
                rf"{{0,3}}?{_ONE}{_POST_MODIFIER}"
                # (a relative clause: "came under fire from an insurgent who was killed", "a
                # Daesh member who attacked a mosque in Kunduz was killed"; after a comma: "the
                # district governor of Arghandab, who was shot dead by gunmen"; not "who was also
                # martyred", one already among a toll told before; captures: `ONE_WHO`)
                r"(?:\s+who(?:\s+(?!(?:was|were|had|and)\b)[a-z'’-]+){0,6}?"
                r"(?=\s+(?:was|had\s+been)\s)"
                + (r"|,\s+who(?=\s+(?:was|had\s+been)\s+(?!also\b))" if _cat in _HARMED else "")
                # (but the attacker of the victims told: "The blast was caused by a suicide
                # bomber, who was also killed")
                + (
                    r"|(?:(?<=bomber)|(?<=attacker)|(?<=gunman)),\s+who(?=\s+was\s+also\s)"
                    if _cat == "killed"
                    else ""
                )
                + r")?"
                # (an aside adding victims: "The commander, along with two of his accomplices,
                # was killed"; counted by the caller)
                # ("Ringleader Abdul Karim, along with two of his accomplices, was sent to hell")
                rf"(?:(?:\s+(?!(?:and|or|{_ANY_VERB})\b)[a-z'’-]+){{0,3}}?"
                rf",\s+(?:along|together)\s+with\s+{_ASIDE_CHAR}{{1,60}}?)?"
                # (an appositive: the same one victim, "The bomber, an Afghan national, was also
                # killed", "The attacker, identified as Abdul Karim, was shot dead", "The
                # gunman, who was wearing a police uniform, was shot dead", "The bomber,
                # believed to be a teenager, also died")
                r"(?:,\s+(?:an?|the|identified|named|believed|thought|said|described|who)\s+"
                # (the search ends at the verb: a word boundary, not the space after it)
                rf"{_ASIDE_CHAR_P}{{1,60}}?(?=,\s+(?:was|has\s+been|had\s+been|also|died)\b)"
                # (a name: "The guard, Mumtaz Qadri, was arrested"; no participle or
                # preposition: "The bomber, dressed in police uniform, was killed" is no name)
                r"|,\s+(?![a-z'’-]+ing\b|(?:dressed|clad|armed|disguised|aged|believed|thought|"
                r"said|reported|described|known|wanted|suspected|accused)\b)"
                rf"(?:(?!(?:and|or|in|of|with|from|as|at|on|by|for|to|{_ANY_VERB})\b)"
                r"[a-z'’.-]+\s+){0,3}[a-z'’.-]+(?=,\s+(?:was|has\s+been|had\s+been)\s)"
                # (an age: "The bomber, 22, was arrested")
                r"|,\s+(?:aged\s+)?\d{1,2}(?=,\s+(?:was|has\s+been|had\s+been)\s))?"
                r"(?:,(?=\s+(?:was|has\s+been|had\s+been|also|died)\b))?\s+"
                # ("A Taliban leader, his deputy and a bomb maker have all been detained")
                # ("A fifth insurgent was later detained")
                r"(?:(?:was|were|is|has\s+been|had\s+been|got|have\s+all\s+been)\s+"
                r"(?:(?:later|subsequently)\s+)?)?"
                rf"(?:(?:said|reported|reportedly|allegedly)\s+(?:to\s+have\s+been\s+)?)?"
                rf"(?:also\s+)?"
                # ("A CTD official sustained injuries": the noun, told as the victim's)
                r"(?P<sustained>(?:sustained|suffered|received)\s+(?:[a-z]+\s+)?(?=inj|wou))?"
                rf"(?P<verb>{_verb})\b",
            ),
        )
    )
    # "detained a Taliban facilitator", "killed a senior Haqqani leader", "kills Pakistani
    # policeman", "killing the insurgent" (singular only: "the insurgents" says no number),
    # "killing him"
    _PATTERNS.append(
        (
            _cat,
            "verb",
            re.compile(
                rf"\b(?P<verb>{_verb})\s+(?:(?:of\s+)?(?:(?P<article>an?|one|the)\s+)?(?:(?!(?:and|or|in|"
                # (a casualty verb may be a modifier of the one noun: "detained a wounded
                # insurgent"; a group's name may hold "of": "an Islamic Movement of Uzbekistan
                # facilitator")
                r"on|at|by|of(?=\s+(?:the|an?|his|her|their|its)\b)|with|"
                rf"(?!(?:wounded|injured)\s)(?:{_ANY_VERB}))\b)[A-Za-z0-9'’.-]+\s+"
                # (an abbreviation: "a Taliban improvised explosive device (IED) commander")
                rf"(?:\([A-Za-z]{{2,8}}\)\s+)?){{0,5}}?(?P<noun>{_ONE})\b"
                rf"{_NOT_SINGULAR}|"
                # ("killing himself and wounding three soldiers": the bomber, told dead)
                r"(?P<pronoun>him|her)\b|himself\b|herself\b|"
                # "killed one insurgent and captured another in ...": one more, no noun
                # ("killing two and injuring a third")
                # ("killing three militants and arresting the fourth"; "wounded another when the
                # pair attacked")
                r"(?:another|(?:a|the)\s+(?:second|third|fourth|fifth))"
                r"(?=\s*(?:[,.;)]|$|(?:in|on|at|near|during|after|before|and|when|while|as)\b)))",
            ),
        )
    )
# "over woman's killing"
_PATTERNS.append(
    (
        "killed",
        "poss",
        re.compile(
            rf"\b(?:an?\s+)?(?:(?!(?:and|or|the|{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,2}}?{_ONE}['’]s\s+"
            r"(?P<verb>killing|death)\b"
        ),
    )
)
# What every match of that pattern ends with: a sentence without it skips the pattern (its
# search before each killing verb cost more than any other casualty pattern).
_POSS_CUE = re.compile(r"['’]s\s+(?:killing|death)\b")
_PATTERNS.append(
    (
        "killed",
        "verb",
        re.compile(
            # "the death toll from Friday's blast rose to 30", "the toll later rose to 11"
            # "the death toll of Monday's bombing in Kohat reached 31", "fatalities rose to 11"
            # (not a tally: "the number of people killed in Karachi this year to 1,200")
            rf"\b(?P<verb>{_TOLL}|fatalities)\s+(?:(?:from|in|of)\s+"
            # ("the death toll from Saturday's bombing ... in Dasht-e Barchi, Kabul, had risen")
            rf"(?:(?!(?:this|since|so)\b)[\w'’-]+,?\s+){{1,16}}?)?"
            rf"{TOLL_RISE}{QUANTITY}\b",
        ),
    )
)
# "confirmed his death and that of one of his associates": one, and the list after it
# (`_CONTINUATION`; the empty group: no noun to check for a title's capital).
_PATTERNS.append(
    (
        "killed",
        "verb",
        re.compile(r"(?:(?<=\bhis\s)|(?<=\bher\s))(?P<verb>death)(?P<noun>)(?=\s+and\s+th)"),
    )
)
# Deaths among the wounded: "two of the wounded died", "three injured persons succumbed",
# "two soldiers who were wounded in Monday's attack died", "were wounded and later died" (not
# across a clause: "injured when a bomb went off near a school where two children died").
_DIED_AFTER = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|when|where|after|as|before|which|that|who)\b)[\w'’-]+){0,6}?"
    r"(?:\s+and)?\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed|passed\s+away)\b"
)
# One more victim without a noun, or as many as the figure before: "killed and another was
# wounded", "another sustained injuries", "eleven killed and as many injured".
# (one is in every match)
_ANOTHER_CUES = ("another", "as many", "second", "third", "fourth", "fifth")
_ANOTHER = re.compile(
    # ("detained two suspected insurgents; a third was detained later"; a sentence of its own:
    # "A fourth was detained after he tried to flee", "Another was arrested later")
    # ("Two attackers blew themselves up and the third was shot dead")
    r"(?:(?:\b(?:and|while|whereas)|;)\s+|^\s*(?=a\s|another\s|the\s))"
    r"(?P<w>another|(?:a|the)\s+(?:second|third|fourth|fifth)|as\s+many)"
    # ("A third, who was wounded, was detained")
    rf"(?:,\s+who\s+{_CLAUSE_CHAR_S}{{1,60}}?,)?\s+"
    r"(?:(?:was|were|got|has\s+been|have\s+been|had\s+been|others?)\s+)?"
    r"(?:(?:sustained|suffered|received)\s+)?"
    # ("one insurgent was killed and another captured")
    rf"(?:(?P<killed>{_BRANCHED_VERBS['killed']})|(?P<injured>{_BRANCHED_VERBS['injured']})|"
    r"(?P<arrested>captured|detained|arrested|apprehended))\b"
    # ("and a fifth was wounded and captured": held too; not the force's "and detained 16")
    r"(?(injured)(?P<held>\s+and\s+(?:later\s+)?(?:captured|detained|arrested|apprehended|taken\s+"
    r"into\s+custody)\b(?!\s+(?:\d|(?:an?|the|his|their|one|two|three|several)\b)))?)"
)
# The object after an active verb: a figure before that verb is its subject, not a victim
# (`figure_guards._TRANSITIVE`).
_ACTIVE_OBJECT = re.compile(
    rf"\s+(?:{_OBJECT_FILLER})?(?:{_QUALIFIER})?(?:{NUMBER})\b"
    rf"(?!\s*(?:km|kilomet|mile|hours|days|years|kg|percent|%|am\b|pm\b|a\.m|p\.m|{_DATE_MONTH}))"
    # ("3 killed 4 injured", "five killed three soldiers martyred": a headline's two figures)
    r"(?!\s+(?:[a-z'’-]+\s+){0,2}?(?:killed|dead|died|martyred|injured|wounded|hurt|arrested|"
    r"detained|captured|abducted|kidnapped)\b)|"
    r"\s+(?:the|his|her|their|him|them)\b"
)
# "along with", "together with", "as well as": one more item of a list of victims.
_WITH = r"(?:(?:along|together)\s+with|as\s+well\s+as|in\s+addition\s+to)"
# "killed 5 soldiers and 8 militants", "captured a leader, a facilitator and several
# associates": more victims of the same verb, each a figure of its own.
# A source's verb: "..., a police officer told reporters" names no victim.
_SPEECH = r"(?:said|says|told|added|stated|confirmed)\b"
# One person told by a nationality alone: "an Afghan", "a Pakistani".
_NATIONAL = (
    r"(?:afghan|pakistani|american|briton|indian|iranian|kashmiri|hazara|spaniard|chinese|"
    r"uzbek|tajik|turkmen|arab|chechen|frenchman|german|italian|canadian|australian|turk)"
)
_CONTINUATION = re.compile(
    # ("shot dead a local leader of the Awami National Party and his nephew"; an abbreviation
    # among the words: "killing 13 U.S. service members and 169 Afghans")
    rf"(?:\s+of\s+the)?(?:\s+(?:[a-z'’-]+|(?:[a-z]\.){{2,3}})){{0,4}}?"
    # (past a relative clause: "a Taliban leader, who was the target of the operation, and two
    # of his guards")
    rf"(?:,\s+who\s+{_ASIDE_CHAR_P}{{1,60}}?(?=,))?"
    # (not an appositive: "X and Y, both members of the group")
    rf"\s*(?:,\s*(?:and\s+|{_WITH}\s+|(?!both\b))|\s+(?:and|{_WITH}|plus)\s+)"
    # ("his death and that of one of his associates")
    r"(?:th(?:at|ose)\s+of\s+)?"
    # (not "12 people, 3 of them children": a part of the first)
    rf"(?:(?:(?:his|her|their)\s+)?(?P<q>{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)"
    rf"(?!\s+of\s+(?:them|whom)\b)|"
    # ("detained two suspects and the cell's leader": a possessive's one)
    rf"(?P<one>an?|one|another|his|her|their|the(?=\s+(?:[a-z'’-]+\s+){{0,2}}?[a-z'’-]+['’]s\s)"
    # (or one victim that ends the clause: "killing the police chief and the intelligence
    # chief."; not a new subject: "and the police recovered")
    rf"|the(?=\s+(?:[a-z'’-]+\s+){{0,2}}?(?:{_ONE})\s*(?:[,.;]|$)))\s+"
    rf"|(?P<other>other)\s+)"
    rf"\s*(?:(?!{_SPEECH})[a-z'’.-]+\s+){{0,3}}?(?:(?:{_ONE}|{_PLURAL_VICTIMS})s?\b"
    # (a nationality as the noun, ending the item: "killing three Spanish nationals and an
    # Afghan"; not "an Afghan interpreter")
    rf"|{_NATIONAL}\b(?=\s*(?:[,.;]|$)|\s+(?:and|in|on|at|near|during|while|when|inside)\b))"
    # (not a later clause's subject: "detained a facilitator, and two insurgents fled", "arresting
    # the fourth, a local official said", "killed three people in Quetta, a police officer told
    # reporters": the noun may match at its first word)
    # ("while the force detained two suspects, one insurgent opened fire on it")
    r"(?!\s+(?:were|was|had|have|fled|escaped|opened|fired|engaged|attacked|tried|attempted|"
    r"managed|surrendered|resisted|threatened|pointed|refused|approached|ran)\b)"
    # ("wounding 68, the provincial governor's spokesman said")
    rf"(?!(?:['’]s)?(?:\s+[a-z'’-]+){{0,2}}?\s+{_SPEECH})"
)
# "captured a facilitator for weapons, fighters and equipment, along with more than 10 of his
# associates", "a commander was detained together with two of his guards": "along with" joins
# victims across a longer clause, after a verb or a passive.
_ALONG_WITH = re.compile(
    # (not across a clause boundary: "killed when terrorists along with their commander
    # attacked", "arrested, police said, while their leader along with two escaped")
    rf"(?:(?!\b(?:when|while|after|before|which|who|whom|whose|where|as|because|since|until|"
    rf"but|said|says|told|according)\b){_CLAUSE_CHAR}){{0,90}}?\b(?:along|together)\s+with\s+"
    # ("were killed along with all ten attackers")
    rf"(?:(?:all\s+)?(?P<q>{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)"
    rf"|(?P<one>an?|one|another|his|her|their)\s+)"
    # (an abbreviation among the words: "along with two U.N. staff members")
    rf"\s*(?:[a-z'’.-]+\s+){{0,3}}?(?:{_ONE}|{_PLURAL_VICTIMS})s?\b"
)
_ALONG_WITH_CUES = ("along", "together")  # substrings every match of it holds
# Per-place items of a list whose first item has a place: "detained two suspects in Kandahar,
# three in Helmand and one in Zabul", "4 insurgents in Kunar and another 3 in Nangarhar" (not
# a part of a total: "killed 12 people, five of them in Kabul").
_PER_PLACE = re.compile(
    r"(?:\s+[a-z'’-]+){0,3}?\s+(?:in|at|from|near|for)\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+"
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:another\s+)?(?P<q>{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)"
    # (or per charge: "arrested 142 people for drug trafficking, 35 for theft")
    r"(?:\s+more)?(?=\s+(?:in|at|from|near|for)\s)"
)
# The same before a figure that ends at its verb: "19 militants, three soldiers die",
# "woman, child killed", "two soldiers and a civilian were killed".
_LIST_ITEM_BEFORE = re.compile(
    # (a dateline's day and dash are no item: "PESHAWAR, March 2 - A policeman, two soldiers")
    rf"(?:^|(?<=[\s(:-]))(?P<item>(?P<n1>{NUMBER})\s+(?:(?!(?:and|or|{_ANY_VERB})\b|[-.]\s)"
    r"[a-z'’.-]+\s+)"
    rf"{{0,3}}?(?:{_PLURAL_VICTIMS}|{_ONE}s?)"
    # (with a post-modifier: "At least 100 members of the Afghan security forces and 20
    # civilians have been killed")
    r"(?:\s+of\s+(?:[a-z'’-]+\s+){0,3}?[a-z'’-]+(?=\s+and\s|,))?"
    rf"|(?:(?:an?|one)\s+)?(?:(?!(?:and|or|the|"
    rf"{_ANY_VERB})\b)[a-z'’.-]+\s+){{0,2}}?{_ONE}"
    # (with a post-modifier and a name in an appositive: "the governor of Balkh province,
    # Mohammad Dawood Muzammil, and two other people were killed")
    r"(?:\s+of\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+(?=\s+and\s|,))?"
    rf"(?:,\s+(?:(?!(?:and|or|the|an?|{NUMBER}|{_ANY_VERB})\b)[a-z'’.-]+\s+){{1,3}}?"
    r"[a-z'’.-]+(?=,\s+and\s))?"
    r"|(?:an?|one)\s+(?:[a-z'’.-]+\s+)?personnel)"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$"
)
# What a stretch that ends in a list item's join ends with, spaces stripped.
_LIST_JOIN_ENDS = (",", "and", "&")
# Behind a look-ahead for the first characters a qualifier or number can start with (the same
# matches, fewer alternatives tried; tests/test_extract_speed.py checks the set).
_NUMBER_FIRST = r"\dabdefhmnorstuz"
_NUMBER_START = re.compile(
    rf"\b(?=[{_NUMBER_FIRST}])(?:{_QUALIFIER})?(?:between\s+)?(?:{NUMBER})\b"
)
# The same one character early, like `_VERB_STARTS`.
_NUMBER_STARTS = re.compile(
    rf"\W(?=[{_NUMBER_FIRST}])(?:{_QUALIFIER})?(?:between\s+)?(?:{NUMBER})\b"
)
# A singular victim noun and a space or comma: every "near" match holds one before its verb,
# so a stretch without one needs no search (a far cheaper pattern than the "near" ones).
_ONE_AT = re.compile(rf"\b(?=(?:{_ONE_VICTIM})[\s,])")
# Each scanning pattern and its re.ASCII twin (`textcase.Scanner`), by name: [0] runs on the
# folded text, [1] on its ASCII form.
_SCAN = {
    name: (p, Scanner(p).ascii)
    for name, p in {
        "verbs": _VERB_FINDER, "period": _PERIOD, "perfect": _PERFECT, "summary": _SUMMARY,
        "numbers": _NUMBER_START, "one at": _ONE_AT, "verb starts": _VERB_STARTS,
        "number starts": _NUMBER_STARTS,
    }.items()
}  # fmt: skip
_SUMMARY_SCAN = Scanner(_SUMMARY)
# An armed group as the subject of a capture verb, or its agent.
# (a participle or preposition governing it makes it an object: "forces battling the Taliban
# captured", "a team chasing the kidnappers arrested")
_CAPTORS_BEFORE = re.compile(
    rf"(?:\b(?P<governor>[a-z]+ing|against|with|on|of|from|by|after)\s+(?:the\s+)?)?\b"
    rf"(?P<captor>{_CAPTORS})"
    # ("the Taliban claimed to have detained 12 government workers")
    r"\s+(?:(?:have|has|had|also|reportedly|claim(?:ed|s)?\s+to\s+have)\s+)?$"
)
_CAPTORS_AFTER = re.compile(rf"\s+by\s+(?:the\s+)?(?:[a-z-]+\s+)?(?P<captor>{_CAPTORS})\b")
# Its words: a window without one needs no `_CAPTORS_BEFORE` search.
_CAPTOR_WORDS = tuple(_CAPTORS.removeprefix("(?:").removesuffix(")").split("|"))
# The captor words naming a group that later governs, by its actor id: from the actor table's
# `governs_from` day on, its captures are arrests ("the Taliban detained two journalists").
RULING_CAPTORS = {"afg_taliban": "taliban"}

# "near" patterns start at most this far before their verb.
_NEAR = 70
