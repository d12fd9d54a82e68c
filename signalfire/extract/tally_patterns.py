"""What is not one event's own figure, and how figures add up across sentences: tallies over a
period ("have detained 35 leaders since January"), totals over several operations, a
detainee's past, an earlier event's or a claimed toll (read by `casualties`), and the words
that make a later sentence's figure a toll or more victims (read by `tolls`)."""

from __future__ import annotations

import re

# A span of months or years, not of days ("between March 3 and 5").
_MONTH_OR_YEAR = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:19|20)\d\d)(?!\s+\d)"
)
_SPAN = rf"between\s+{_MONTH_OR_YEAR}\s+and\s+{_MONTH_OR_YEAR}\b"
# Tallies over a period: "have captured or killed more than 80 leaders since January".
# "had" with captures only ("had been arrested since August 2021"; a news story's "had killed"
# tells the attack's own dead), and a nominal ("have led to the capture of 17 since March").
_PERFECT = re.compile(
    # ("more than 400 people have been executed since then": a period's executions)
    r"\b(?:(?:have|has)\s+(?:now\s+)?(?:been\s+)?(?:[a-z]+\s+){0,2}?(?:killed|executed|hanged)|"
    # (a span of months or years, in any tense: "were killed across the country between 2010
    # and 2015", "had been killed in sectarian violence in Kurram between July and October")
    rf"(?:killed|died)\s+(?:[\w'’-]+\s+){{0,6}}?{_SPAN}|"
    r"(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:[a-z]+\s+){0,2}?(?:captured|detained|"
    r"arrested|led\s+to\s+the\s+(?:capture|arrest|detention)\s+of)|"
    # ("had carried out 1,146 operations across the province this year and arrested 329")
    r"(?:have|has|had)\s+(?:carried\s+out|conducted)\s+(?:[\w,'’-]+\s+){1,10}?and\s+(?:captured|"
    r"detained|arrested))\b"
)
_PERIOD = re.compile(
    r"\bsince\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4}|the\s+(?:start|beginning|first)|last\s+year|early|late)\b|"
    # ("since the Peshawar school massacre": a named earlier event, not "since the attack")
    r"\bsince\s+the\s+(?:[a-z'’-]+\s+){1,3}?(?:massacre|bombings?|attacks?|blasts?|assaults?|"
    r"takeover|offensive|operation|uprising)\b|"
    # (an accord: "Taliban attacks have killed hundreds of soldiers since the deal")
    r"\bsince\s+the\s+(?:[a-z'’-]+\s+){0,3}?(?:deal|agreement|accord|ceasefire|truce|"
    r"withdrawal)\b|"
    # (executions since a time, whatever it is: "have been executed since then")
    r"\b(?:executed|hanged)\s+since\b|"
    rf"\b{_SPAN}|"
    r"\bso\s+far\s+this\b|\bto\s+date\b|\bthis\s+(?:year|month|week)\b|"
    # ("has detained 30 insurgents in the past month"; months or years over which: "have
    # killed hundreds of soldiers over the past two years", not "arrested 14 members of a gang
    # over the past week", one operation's)
    r"\bin\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:months?|years?|weeks?)\b|"
    r"\b(?:over|during|within)\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:months?|years?|"
    r"decades?)\b"
)
_PERIOD_CUES = (
    "since",
    "far",
    "date",
    "year",
    "month",
    "week",
    "between",
    "decade",
)  # one is in every match of it

# A detainee's past: "He is accused of ... the killing of several ISAF soldiers in 2010".
_BACKGROUND = re.compile(
    r"^(?:he|she|they)\s+(?:is|was|were|are|had|has)\s+(?:also\s+)?(?:been\s+)?(?:accused|"
    r"suspected|believed|involved|responsible|allegedly|implicated|linked)\b"
)
# A total over several operations or a day's reporting: "detained more than 10 suspected
# insurgents during four operations", "killed ... in separate operations over the last 24
# hours". The figures of each operation follow; the total is not one event's.
_SUMMARY = re.compile(
    r"\b(?:during|in|conducted|conducting|from)\s+(?:the\s+)?(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+|separate|different)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:operations|raids|missions|incidents)\b|"
    # "during operations across Afghanistan", "in several operations throughout the east"
    r"\b(?:during|in)\s+(?:several\s+|multiple\s+|a\s+series\s+of\s+)?(?:[a-z-]+\s+)?"
    # ("killed more than 100 suspected militants in raids across the country")
    r"(?:operations|raids)\s+(?:across|throughout)\b|"
    r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:24|48|72|twenty-four)\s+hours\b"
)
# Words one of which every match of it holds: a text without any needs no search.
_SUMMARY_CUES = ("operations", "raids", "missions", "incidents", "hours")

# A figure of an earlier event, in a clause about it: "two months after the attack which
# killed 20", "since the 2009 bombing in which 40 died", "a similar attack that killed 12".
_EARLIER_EVENT = re.compile(
    r"(?:\b(?:since|like|than|recalling|reminiscent\s+of|anniversary\s+of|(?:days?|weeks?|"
    r"months?|years?)\s+(?:after|since)|"
    # ("a ceasefire following days of border clashes that killed dozens": a period's toll)
    r"(?:following|after)\s+(?:several\s+|two\s+|three\s+)?(?:days|weeks|months|years)\s+of)"
    r"\s+(?:[\w'’-]+\s+){0,5}?|\b(?:similar|previous|earlier|"
    # ("including a January bombing that killed 92")
    # ("the April 2019 bombing at the Hazarganji vegetable market that killed 20 people")
    r"(?:19|20)\d\d|an?\s+(?:january|february|march|april|june|july|august|"
    r"september|october|november|december))\s+(?:[\w'’-]+,?\s+){0,7}?|"
    # ("last month's attack on the Intercontinental Hotel, in which 22 people were killed")
    r"\blast\s+\w+['’]s\s+(?:[\w'’-]+,?\s+){0,6}?|"
    # ("The strikes followed a militant attack in Mir Ali that killed seven soldiers")
    # ("In a follow-up operation to an attack that killed two ISAF service members")
    r"\b(?:followed|follows|came\s+after|in\s+(?:response|retaliation)\s+(?:to|for)|"
    r"follow-?up\s+(?:[\w'’-]+\s+){0,2}?(?:to|after|for))\s+"
    r"(?:[\w'’-]+,?\s+){0,7}?)"
    r"(?:which|that|in\s+which|when|where)\s+(?:had\s+)?(?:also\s+)?(?:[\w'’-]+\s+){0,3}?$|"
    # "..., a day after militants killed 4 soldiers there", "The attack came a week after a
    # suicide bombing killed 30": a clause about the day before.
    # (or no number: "..., days after a suicide attack on a police post nearby killed 23")
    r"(?:,|\b(?:came|comes|occurred|happened))\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|four|"
    r"five|six|seven|\d+|a\s+few|several)\s+)?(?:days?|weeks?|months?)\s+after\s+"
    r"(?:[\w'’-]+\s+){0,8}?$|"
    # A target's past: "the leader was responsible for an attack on a district center that
    # killed six policemen", "believed to have planned the bombing which killed 12".
    r"\b(?:responsible\s+for|plann(?:ed|ing)|plotted|orchestrat(?:ed|ing)|coordinat(?:ed|ing)|"
    r"mastermind(?:ed|ing)?|organi[sz](?:ed|ing)|facilitat(?:ed|ing)|involved\s+in|"
    r"direct(?:ed|ing)|suspected\s+of|wanted\s+(?:in|for)|accused\s+of|"
    r"charged\s+(?:with|in|over)|in\s+connection\s+with|"
    # the cause of an arrest: "arrested three men on Tuesday over a suicide bombing that killed
    # 12", "a suspect involved in the blast at a market in April that killed 20"
    r"(?:arrested|detained|held|nabbed|apprehended)\s+(?:[\w'’-]+\s+){0,4}?(?:over|for|of|"
    r"behind))\s+(?:[\w'’-]+,?\s+){0,10}?(?:which|that|in\s+which)\s+(?:had\s+)?(?:also\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?$|"
    # ... and a captive's part in it, to a longer name: "arrested ... a planner of the 2014 Army
    # Public School attack in Peshawar, in which more than 140 people were killed", "three
    # facilitators of the suicide bombing at a mosque in Peshawar's Kocha Risaldar area, in which"
    r"\b(?:planner|facilitator|perpetrator|organi[sz]er|architect)s?\s+(?:of|behind)\s+"
    r"(?:[\w'’-]+,?\s+){0,12}?(?:which|that|in\s+which)\s+(?:had\s+)?(?:also\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?$|"
    # a detainee's alleged crime: "suspected of involvement in the killing of four policemen",
    # "a man wanted in the killing of 12"
    r"\b(?:suspected\s+of|involve(?:d|ment)\s+in|wanted\s+(?:in|for)|accused\s+of|"
    r"charged\s+(?:with|in|over)|in\s+connection\s+with|arrested\s+(?:for|over)|"
    # ("detained two men on charges of kidnapping a shopkeeper")
    r"(?:charges|accusations?|allegations?|suspicion)\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:the\s+)?(?:(?:killings?|murders?|deaths?|assassinations?|"
    r"massacre)\s+of\s+(?:[\w'’-]+\s+)?)?$|"
    # ("a militant responsible for murdering two policemen was killed": his deed, not the toll)
    r"\bresponsible\s+for\s+(?:[a-z]+ing\s+)?$|"
    # a period's tally: "2023 was the deadliest year for its police in a decade, with more than
    # 200 personnel killed"
    r"\b(?:deadliest|bloodiest)\s+(?:year|month|week|decade)\b[^.;]{0,60}?\bwith\s+$|"
    # the dead whose families are paid or consoled: "compensation for the families of the 11
    # labourers killed in an attack last week"
    r"\b(?:compensation|cheques?|checks|relief|aid|assistance|condolences?|sympathies)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:for|to)\s+(?:the\s+)?(?:bereaved\s+)?(?:families|heirs|relatives)\s+"
    r"of\s+(?:the\s+|all\s+)?$"
)
# one is in every match of it
_EARLIER_EVENT_CUES = (
    "which", "that", "when", "where", "after", "suspected", "involve", "wanted", "accused",
    "charged", "connection", "arrested", "families", "heirs", "relatives",
    "charges", "accusation", "allegation", "suspicion", "responsible", "deadliest", "bloodiest",
)  # fmt: skip
# A truce told after the fighting it ends: "brokered a ceasefire ... after clashes that left at
# least 40 people dead over the past week", "a ceasefire had been agreed ..., following clashes
# that killed 130 people": the fighting's toll, over days, is not the truce's.
_TRUCE_CAUSE = re.compile(
    r"\b(?:after|following)\s+(?:[\w'’-]+\s+){0,5}?(?:clashes|fighting|violence|battles|"
    r"skirmishes|hostilities|firing|shelling)\s+(?:[\w'’-]+\s+){0,4}?(?:which|that)\s+"
    r"(?:had\s+)?(?:[\w'’-]+\s+){0,2}?$"
)
_TRUCE_CUES = ("ceasefire", "cease-fire", "truce")


def truce_cause(text: str, start: int) -> bool:
    """Whether the figure at `start` of folded sentence `text` is the toll of the fighting a
    truce told in it ends (`_TRUCE_CAUSE`)."""
    return (
        any(cue in text for cue in _TRUCE_CUES)
        and _TRUCE_CAUSE.search(text, max(0, start - 90), start) is not None
    )


# (where the claim was told: "claimed in a statement that", "said on its website that")
_CLAIM_SOURCE = (
    r"(?:(?:in\s+a\s+(?:statement|message|video)|on\s+(?:its|their)\s+(?:website|channel)|"
    r"on\s+(?:telegram|twitter|x)),?\s+)?"
)
# (the claimant: "it", "they", "its fighters", "the group")
_CLAIMANT = (
    r"(?:(?:it|they|the\s+group)\s+|(?:its|their)\s+(?:[a-z]+\s+){1,2}?)(?:(?:have|had)\s+)?"
)
# A figure told as a claim ("claimed that 30 soldiers were killed", "claimed to have killed
# 30", "saying its fighters had killed 20") or as a group's past ("responsible for the deaths of
# more than 100"): the event's figure only where no other is told (`Count.note`).
_CLAIMED_BEFORE = re.compile(
    # (a claimed deed is not a claimed figure: "IS claims killing two Shias")
    rf"\bclaim(?:ed|s|ing)?\s+{_CLAIM_SOURCE}(?:that\s+(?:(?!(?:attacks?|bombings?|blasts?|assaults?|"
    r"responsibility|for|which|in|on)\b)[a-z'’-]+\s+){0,3}?(?:(?:have|had)\s+)?|to\s+have\s+)$|"
    r"\bsaying\s+(?:that\s+)?(?:its|their)\s+(?:[a-z]+\s+){1,2}?(?:had|have)\s+$|"
    # ("the BLA claimed it killed 90 soldiers", "claimed they had killed")
    rf"\bclaim(?:ed|s)?\s+{_CLAIM_SOURCE}(?:that\s+)?{_CLAIMANT}$|"
    # a group's word ("The TTP said it killed 20 soldiers", "claimed responsibility and said
    # they had killed ten policemen", "TTP spokesman X said its fighters killed"), not the
    # army's or police's own toll
    r"\b(?:ttp|bla|blf|militants|insurgents|rebels|group|outfit|responsibility)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?sa(?:id|ys|ying)\s+{_CLAIM_SOURCE}(?:that\s+)?{_CLAIMANT}$|"
    # ("claimed the attack, saying 20 soldiers were killed")
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|the\s+(?:attack|bombing|blast|ambush|assault|"
    r"raid))\b[^.;]{0,40}?\bsaying\s+(?:that\s+)?$|"
    r"\bresponsible\s+for\s+(?:the\s+)?$"
)
# A sentence that opens on an earlier time: "In 2009, a similar attack killed 12", "Last
# month, militants killed 12 soldiers in the same area".
_EARLIER_LEAD = re.compile(
    r"(?:in\s+(?:19|20)\d\d|last\s+(?:year|month|week|summer|winter|spring|autumn)|"
    # ("In April, security forces detained 20 ...": an earlier month, told as background; "In
    # October 2021, suicide bombers attacked ..., killing more than 60": with its year)
    r"in\s+(?:early\s+|late\s+|mid-)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)(?=,|\s+(?:19|20)\d\d\b)|"
    r"earlier\s+this\s+(?:year|month)|(?:\w+\s+)(?:years?|months?)\s+ago)\b"
)
# "... where an attack killed 12 last year": a figure dated before the reported event, in a
# clause after that event's own figure.
_EARLIER_TIME_AFTER = re.compile(
    # (not a captive's crime: "detained three men linked to last month's bombing")
    r"(?!(?:\s+[a-z'’-]+){0,3}?\s+(?:linked|involved|connection|over|behind|suspected|accused|"
    r"wanted|for|in\s+(?:the\s+)?(?:killing|murder|deaths?|attack|bombing|blast|assassination))\b)"
    r"\s+(?:[a-z'’-]+\s+){0,8}?(?:last\s+(?:year|month|summer|winter|spring|autumn)|"
    r"in\s+(?:19|20)\d\d|(?:\w+\s+)(?:years?|months?)\s+ago|earlier\s+this\s+year)\b"
)
# ... and for the dead and wounded, whose "in the attack" is no crime of theirs: "Forty-five
# Ismailis were killed in the attack last month".
_EARLIER_TIME_HURT = re.compile(
    r"(?!(?:\s+[a-z'’-]+){0,3}?\s+(?:linked|involved|connection|over|behind|suspected|accused|"
    r"wanted|for)\b)"
    r"\s+(?:[a-z'’-]+\s+){0,8}?(?:last\s+(?:year|month|summer|winter|spring|autumn)|"
    r"in\s+(?:19|20)\d\d|(?:\w+\s+)(?:years?|months?)\s+ago|earlier\s+this\s+year)\b"
)
_EARLIER_TIME_CUES = ("last", "19", "20", "ago", "earlier")  # one is in every match of it
# An attack dated by its day ("the January 30 attack", "the April 12 blast"), which a report
# of the day's event calls "Friday's attack": its toll is another event's, a fallback only
# (`Count.note` "background"), as the figure's place ("were killed in the January 30 attack")
# or its subject ("The April 12 blast killed 20 people").
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_DAY = rf"(?:{'|'.join(_MONTHS)})\s+\d{{1,2}}(?:st|nd|rd|th)?"
_ATTACK_NOUN = r"(?:attacks?|bombings?|blasts?|assault|explosions?|massacre|raid|ambush|shooting)\b"
# ("the January 30 attack", "the attack on January 30", "the blast of April 12")
# ("the bombing last Friday", "the attack last week")
_LAST_DAY = r"last\s+(?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DATED_ATTACK = (
    rf"the\s+(?:{_DAY}\s+(?:[a-z'’-]+\s+){{0,2}}?{_ATTACK_NOUN}|"
    rf"(?:[a-z'’-]+\s+){{0,2}}?{_ATTACK_NOUN}\s+(?:(?:on|of)\s+{_DAY}\b|{_LAST_DAY}))"
)
# (one is in every match of it)
_DATED_CUES = (*_MONTHS, "last", "that")
# (or an event told before, taken up by "that": "were killed in that fighting")
_DATED_AFTER = re.compile(
    rf"(?:\s+[a-z'’-]+){{0,3}}?\s+(?:in|during|of)\s+(?:{_DATED_ATTACK}|that\s+(?:fighting|"
    rf"offensive|siege|battle|violence|{_ATTACK_NOUN}))"
)
# (past its place, before the clause that tells its toll: "the March 22 attack on a concert
# hall near Moscow that killed more than 140", "the March 4 attack on the Bannu cantonment, in
# which 18 people were killed")
_DATED_BEFORE = re.compile(
    rf"\b{_DATED_ATTACK}(?:\s+(?:(?:that|which|has|had|also)\s+){{0,2}}|"
    r"\s+(?:on|at|in|near|outside|inside)\s+(?:[\w'’-]+,?\s+){1,8}?(?:that|which|in\s+which)\s+"
    r"(?:(?:has|had|also)\s+)?)$"
)
# ... and as the sentence's subject, for each of its figures: "The August 17 bombing killed 63
# people and wounded nearly 200".
_DATED_LEAD = re.compile(rf"\s*{_DATED_ATTACK}")

# The words between a toll and its figure after the event it names: "... has risen to ",
# "... stood at ", "... rose from 10 to " (the new toll). Shared by the toll pattern
# (`casualty_patterns`) and `_TOLL_BEFORE`.
TOLL_RISE = (
    r"(?:(?:later|since|now|then|subsequently)\s+)?(?:has\s+|had\s+|have\s+)?"
    r"(?:(?:now|since|further)\s+)?"
    r"(?:rose|risen|rises|climbed|climbs|jumped|jumps|increased|increases|mounted|"
    r"mounts|soared|soars|(?:went|goes|gone)\s+up|reached|reaches|"
    r"stood\s+at|stands\s+at|was|is|of|at|to)\s+(?:now\s+)?(?:from\s+[\w,-]+\s+)?"
    r"(?:to\s+)?"
)

# Across the sentences of one event (`tolls.event_figures`):
# "bringing the death toll to three": the figure just after a toll word.
# (the toll of a named event too: "raising the toll from Monday's blast in Kohat to 31")
_TOLL_BEFORE = re.compile(
    r"\b(?:(?:toll|fatalities)\s+(?:[a-z'’-]+\s+){0,8}|casualties\s+(?:[a-z]+\s+){0,3}|"
    # (the toll pattern's number: "the number of people killed rose to 20")
    r"number\s+of\s+(?:dead|deaths|(?:people|those|persons)\s+killed)\s+(?:[a-z'’-]+\s+){0,8}|"
    # (a named event's toll, however long its name, as the toll pattern reads it: "the death
    # toll from Sunday's suicide bombing at a political rally in Bajaur rose to 63")
    rf"(?:toll|fatalities)\s+(?:from|in|of)\s+(?:[\w'’-]+,?\s+){{1,16}}?{TOLL_RISE}|"
    # (the update of an old toll: "raising the toll from 26 to 32")
    r"(?:toll|fatalities|number\s+of\s+[a-z]+)\s+(?:[\w'’-]+,?\s+){0,10}?from\s+[\w,-]+\s+to\s+|"
    # ("two more were arrested, bringing the total to five": `capture_patterns.RUNNING_TOTAL`)
    r"(?:bringing|taking|raising|pushing)\s+(?:the\s+)?(?:total|number)\s+(?:[a-z'’-]+\s+){0,6})$",
    re.IGNORECASE,
)
# (one is in every match of it, in some case)
_TOLL_WORDS = (
    "toll",
    "fatalities",
    "casualties",
    "number",
    "bringing",
    "taking",
    "raising",
    "pushing",
)
# "A third man was detained at a checkpoint", "the second suspect was arrested": one more where
# fewer than the ordinal's number are held, none more where as many are (a retelling).
_NTH = re.compile(r"\b(?:a|the)\s+(second|third|fourth|fifth)\b", re.IGNORECASE)
_NTH_VALUE = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
_DEFINITE = re.compile(r"\b(?:the|his|her|their)\b", re.IGNORECASE)
# Not behind `letter_first`: "2 more" starts with a digit.
_ADDITIONAL = re.compile(
    r"\b(?:also|additional|additionally|another|in\s+addition|(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|a\s+few|multiple)\s+(?:other|more))\b",
    re.IGNORECASE,
)
