"""The casualty verbs of each category ("killed", "wounded", "kidnapped", "detained" and their
other forms and phrases), the words of a toll, and the finders that scan a sentence for them
(see casualty_patterns.py for the figure patterns built on them)."""

from __future__ import annotations

import re

from .alternation import by_first_letter
from .victims import _CAPTORS

# A few, as a short word list (`NUMBER` in each verb would make the patterns slow to compile).
_FEW = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|both)"
_KILLED_VERB = (
    r"killed|killing|kills|kill|dead|died|dies|die|slain|slaughtered|massacred|martyred|martyring|"
    r"perished|shot\s+dead|shot\s+and\s+killed|gunned\s+down|guns?\s+down|gunning\s+down|mow(?:s|ed|ing)?\s+down|"
    r"beheaded|beheads?|beheading|embraced?\s+(?:martyrdom|shahadat)|executed|"
    # (Karachi's "target killing"; "stabbed to death" is one verb, not the noun "death")
    r"target[-\s]killed|target[-\s]killing|(?:stabbed|hacked|beaten|tortured|stoned)\s+to\s+death|"
    # ("hacked a schoolteacher to death", "stabbed two men to death")
    r"(?:stabbed|hacked|beat|clubbed|stoned|tortured|strangled)(?=\s+(?:[a-z'’-]+\s+){1,4}?to\s+death\b)|"
    r"(?:burnt|burned)\s+(?:alive|to\s+death)|lynched|"
    # (an execution: "nine passengers were lined up and shot")
    r"lined\s+up\s+and\s+shot(?:\s+dead)?(?!\s+at\b)|"
    r"succumbed|lost\s+their\s+lives|"
    # ("troops killed 15 militants and lost five soldiers")
    rf"lost(?=\s+(?:at\s+least\s+)?{_FEW}\s+(?:[a-z]+\s+)?(?:soldiers|men|troops|fighters|"
    r"policemen|personnel|comrades|officers|commandos)\b)|"
    # (ISPR's noun: "resulting in the shahadat of one soldier")
    r"lost\s+(?:his|her)\s+life|lives|death\s+of|(?:shahadat|martyrdom)\s+of|"
    # (a sentence is no killing: "sentenced to death four men")
    r"deaths?(?<!sentenced\sto\sdeath)(?<!condemned\sto\sdeath)|fatalities|"
    r"bodies|neutralized|"
    r"neutralised|eliminated|sent\s+to\s+hell|"
    # ISPR in the active: "security forces sent 5 khwarij to hell", "..., sending seven khwarij
    # to hell"
    rf"(?:sent|sending|sends)(?=\s+(?:at\s+least\s+)?{_FEW}\s+(?:[a-z-]+\s+){{0,2}}to\s+hell\b)"
)
_INJURED_VERB = (
    r"wounded|wounding|wounds|injured|injuring|injures|"
    # ("was shot and critically wounded")
    r"shot\s+and\s+(?:(?:critically|seriously|severely|badly|gravely|slightly)\s+)?(?:wounded|injured)|"
    # ("and injuries to two others")
    r"injuries\s+to(?=\s+(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|"
    r"injuries|hurt|hurting|hurts|maimed"
)
# "seized two suspects", "held four suspects": a figure and people after "seized" or "held"
# (not "seized two Kalashnikovs", "held two meetings with militants", "held two men hostage").
_SEIZED_PEOPLE = rf"\s+{_FEW}\s+(?:suspects|suspected|alleged)\b"
_HELD_PEOPLE = (
    rf"\s+{_FEW}\s+(?:suspected\s+|alleged\s+)?(?:suspects|militants|terrorists|insurgents|"
    r"criminals|culprits|accused|men|people|persons)\b(?!\s+(?:hostage|captive)\b)"
)
_ABDUCTED_VERB = (
    r"abducted|abducting|abducts|kidnapped|kidnapping|kidnaps|taken\s+hostage|held\s+hostage|"
    r"took\s+hostage|"
    r"hostages|"
    # (not "police seized two suspects": an arrest, `_ARRESTED_VERB`)
    rf"seized(?!{_SEIZED_PEOPLE})"
)
_ARRESTED_VERB = (
    r"arrested|arresting|arrests|detained|detaining|detains|captured|capturing|captures|"
    r"apprehended|rounded\s+up|rounding\s+up|rounds?\s+up|taken\s+into\s+custody|into\s+custody|"
    # ("remain in coalition custody", "are in NDS custody"; "took custody of three suspects",
    # "nabbed two", "netted four suspects", "rearrested 12")
    r"in\s+(?:(?:coalition|police|afghan|government|military|isaf|their|its|nds|ctd|army|"
    r"security)\s+)?custody|netted|re-?arrested|detentions|"
    # ("took two insurgents prisoner", "were taken prisoner")
    # (not "took hostage", an abduction, before "prisoners")
    r"took(?!\s+hostage)(?=\s+(?:[\w'’-]+\s+){1,4}?prisoners?\b)|taken\s+prisoners?|"
    r"(?:took|taken|takes|taking)\s+custody\s+of|nabbed|nabbing|nabs|"
    # ("took him into custody": one, read as "took him")
    r"(?:took|takes|taking)(?=\s+(?:him|her)\s+into\s+custody\b)|"
    # people only (`_ROUND_UP`): "picked up four suspects", "caught three insurgents", "four
    # suspects were held" (not "caught in the crossfire", "held hostage", "a rally was held")
    r"picked\s+up|picking\s+up|caught(?!\s+(?:in|up|between|on|fire|off|unaware)\b)|"
    r"(?:were|was|being|been|are|is)\s+held(?!\s+(?:hostage|captive|responsible|"
    r"accountable)\b)|"
    rf"held(?={_HELD_PEOPLE})|seized(?={_SEIZED_PEOPLE})|"
    # ("Two suspects held over Quetta blast": a Pakistani headline's arrest)
    # (the look-behind after the word: an alternative that starts with a letter is skipped in
    # one test where another letter stands)
    r"held(?<=suspects\sheld)(?!\s+(?:hostage|captive|responsible|accountable)\b)|"
    r"detainees|suspects\s+detained|"
    r"(?:capture|arrest|detention|detainment)\s+of|"  # "confirmed the capture of a leader"
    r"capture|arrest|detain"
)
# A surrender is custody: "three surrendered and seven were arrested", "turned himself in"; not
# to an armed group (an abduction), nor where the capture is told ("surrendered to the force and
# was detained"; also where a search stops at that verb: `clause_victims`).
_SURRENDERED = (
    r"(?:surrendered|turned\s+(?:himself|themselves)\s+in|gave\s+(?:himself|themselves)\s+up|"
    r"handed\s+(?:himself|themselves)\s+over)"
    rf"(?!\s+to\s+(?:the\s+)?(?:[a-z-]+\s+)?{_CAPTORS})(?![^\.;]{{0,60}}?\band\s+"
    r"(?:was|were|had\s+been)\s+(?:later\s+|then\s+)?(?:detained|arrested|taken|captured|$))"
)
_VERBS = {
    "killed": _KILLED_VERB,
    "injured": _INJURED_VERB,
    "abducted": _ABDUCTED_VERB,
    "arrested": f"{_ARRESTED_VERB}|{_SURRENDERED}",
}
# (as alternations that branch on their first letter: the same matches, fewer tests)
_BRANCHED_VERBS = {cat: by_first_letter(verb) for cat, verb in _VERBS.items()}
# (without the surrenders, whose look-aheads in every filler's copy cost a tenth of the import;
# a filler may run past one: "Two insurgents surrendered to the force and were detained")
_ANY_VERB = by_first_letter("|".join([*list(_VERBS.values())[:3], _ARRESTED_VERB]))
# A casualty verb as a whole word: the asides stop at one ("soldiers" holds "die").
_OPEN_VERB = rf"\b(?:{_ANY_VERB})"
_TOLL = (
    r"(?:death\s+toll|toll|casualties|number\s+of\s+(?:dead|deaths|(?:people|those|persons)\s+"
    r"killed))"
)


# Run over case-folded text: case-sensitive matching is several times faster in `re`.
_FINDS = {**_VERBS, "killed": rf"{_KILLED_VERB}|{_TOLL}"}
_VERB_FINDERS = {cat: re.compile(rf"\b(?:{verb})\b") for cat, verb in _FINDS.items()}
# The four in one pass, a named group per category, behind a first-letter look-ahead (half the
# time of four passes; the same matches, as no phrase of one category overlaps one of another:
# tests/test_extract_speed.py).
_VERB_FINDER = re.compile(
    r"\b(?=[a-z])(?:" + "|".join(f"(?P<{cat}>{verb})" for cat, verb in _FINDS.items()) + r")\b"
)


# Where `_VERB_FINDER` can match, one character early: at the non-word character before a
# verb (or at the start, which the caller tries on its own). Starting at a character class, the
# search skips the other characters in a quick loop, and the letter branches make each try
# cheap (under half the one-pass finder's instructions; tests/test_extract_speed_figures.py).
_VERB_STARTS = re.compile(r"\W(?:" + by_first_letter("|".join(_FINDS.values())) + r")\b")
