"""The patterns of named victims (see casualties.py): a person named after "death of" or
"arrest of", names with an honorific after a verb or as the subject of a passive capture, and
the appositive after a name. Split from `casualty_patterns` by topic."""

from __future__ import annotations

import re

# A victim named after "death of"/"arrest of": "the arrest of Mullah Abdul Rahman in".
_NAMED = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+(?=\s*[,.;(]|\s*$|\s+(?:in|on|at|during|"
    r"following|who|was|from|near)\b)"
)
# A person named with an honorific straight after a verb: "arrested Mullah Abdul Karim",
# "detained Qari Zia and Haji Rahim" (each one victim; not places: "captured Musa Qala",
# "Sayed Karam district", "Sheikh Baba Ziarat", "Commander Khalid's hideout"; on one line).
_PLACE_WORD = (
    r"(?i:district|area|village|ziarat|valley|camp|town|city|province|agency|tehsil|bazaar|"
    r"market|road|bridge|mosque|madrassa|hideout|compound|hospital|school|chowk|mandi|colony)\b"
)
_TITLED = re.compile(
    r"(?P<join>[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)?[ \t]*(?P<name>(?i:mullah|mulla|"
    r"maulawi|mawlawi|maulvi|molvi|maulana|qari|haji|hajji|mufti|sheikh|shaikh|hafiz|sayed|syed|"
    # ("arrested former Prime Minister Imran Khan")
    r"commander|dr|(?:former[ \t]+)?(?:prime|chief)[ \t]+minister|(?:former[ \t]+)?president)"
    rf"\.?[ \t]+(?:(?!{_PLACE_WORD})[A-Z][\w’-]*[ \t]+){{0,3}}(?!{_PLACE_WORD})"
    rf"[A-Z][\w’-]*\b(?!['’]|[ \t]+(?:[A-Z]|{_PLACE_WORD})))"
    # then punctuation or a word that can follow a name, not a noun ("Hafiz Abad residents")
    r"(?=[ \t]*(?:[,.;:()\n\u2028]|$)|[ \t]+(?:in|on|at|and|from|near|during|after|before|for|who|"
    r"along|together|as|with|was|were|over|under|by|while|when|following|late|early|last|"
    r"this|yesterday|today|alias|also)\b)"
)
# Titled names as the subject of a passive capture: "Mullah Nasir and Mullah Rauf were
# detained", "The Taliban leader, Mullah Hakim, was arrested" (one victim each title).
_TITLE = (
    r"(?i:mullah|mulla|maulawi|mawlawi|maulvi|molvi|maulana|qari|haji|hajji|mufti|sheikh|shaikh|"
    r"hafiz|sayed|syed|commander|dr)\.?[ \t]+"
)
_TITLE_RE = re.compile(rf"\b{_TITLE}")
_TITLED_NAME = rf"\b{_TITLE}(?:[A-Z][\w’-]*[ \t]+){{0,2}}[A-Z][\w’-]*"
_TITLED_PASSIVE = re.compile(
    rf"(?P<names>{_TITLED_NAME}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+){_TITLED_NAME})"
    r"{0,5}),?[ \t]+(?:were|was|had[ \t]+been|has[ \t]+been|have[ \t]+been)[ \t]+(?:also[ \t]+)?"
    # ("Haji Bashir, Qari Shafiq and Mawlawi Rahim were among those detained")
    r"(?:among[ \t]+(?:those|the[ \t]+\w+)[ \t]+)?$"
)
_PASSIVE_END = re.compile(r"\b(?:were|was|been)\s+(?:also\s+)?(?:among\s+(?:those|the\s+\w+)\s+)?$")
# (to the sentence's end too: "detained Haji Gul, a known weapons supplier." is one)
_APPOSITIVE = re.compile(r"\s*,\s*(?:an?|the)\s+[^,.;]{1,60}?(?=[,.;]|$|\s+(?:in|on|at|during)\b)")
_NAMED_VERB = re.compile(r"\b(?:death|killing|capture|arrest|detention|detainment)\s+of$")
_NAMED_VERB_END = "of"  # how a verb phrase it matches in ends
