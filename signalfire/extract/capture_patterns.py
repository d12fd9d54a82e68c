"""Capture wordings beyond the figure patterns of `casualty_patterns`: a figure after its noun
("four in all", "the pair"), a clause between a figure and its passive verb ("four men
suspected of planting bombs were detained"), bare plurals ("detained suspected insurgents": at
least two, where nothing else counts the captures), untitled name lists ("detained Abdul Wali,
Sher Mohammad and Gul Agha": three; only the count is kept), "detained them" after a counted
antecedent, and a running total ("bringing the total to five"). Read by `casualties`."""

from __future__ import annotations

import re
from collections.abc import Callable

from .alternation import by_first_letter
from .named_patterns import _PLACE_WORD
from .numbers import _QUALIFIER, NUMBER, QUANTITY, parse_number
from .scanning import holds
from .victims import _ONE, _PLURAL_VICTIMS, no_stop

# (the spans below pass an abbreviation's full stop: "a U.S. citizen")
_SPAN_S = no_stop(",;")
_SPAN_P = no_stop(",;:()")

# Verbs that take only people as objects ("captured Musa Qala" is a place), past forms only
# ("vowed to arrest the militants" is an aim).
_PEOPLE_VERB = r"detained|arrested|apprehended|nabbed|captured|rounded\s+up|picked\s+up"
_PLURAL = rf"(?:{_PLURAL_VICTIMS}|{_ONE}s|criminals|extremists|culprits)"
# The people a bare plural counts as captives: fighters and suspects ("arrested Hafiz Abad
# residents protesting" or "students" are no captures of the conflict's).
_BARE_PLURAL = by_first_letter(
    r"insurgents|militants|suspects|terrorists|fighters|men|individuals|associates|"
    r"accomplices|criminals|extremists|culprits|facilitators|gunmen|attackers|assailants|"
    r"kidnappers|commanders|leaders|rebels|operatives|bombers|smugglers|members|"
    r"financiers|couriers|emplacers|planners|affiliates|supporters|taliban"
)
# Words before a bare plural that make it no bare one: a figure, a negation, a determiner that
# counts ("no", "any", "all"), or a clause word.
# (the figure words by their start, not `NUMBER`: a short pattern compiles fast)
_NOT_MODIFIER = (
    "(?:"
    + by_first_letter(
        r"\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
        r"eighty|ninety|hundred|thousand|dozen|several|few|scores|hundreds|thousands|numerous|"
        r"multiple|both|couple|pair|handful|single|"
        r"no|not|none|any|all|some|many|most|other|others|more|and|or|of|in|on|at|to|for|from|"
        r"with|by|near|during|after|before|that|which|who|the|a|an|these|those|them"
    )
    + ")(?![a-z])"
)
_MODIFIERS = rf"(?:(?!{_NOT_MODIFIER})[a-z'’-]+\s+){{0,2}}?"

# A figure after its noun: "The detained insurgents, four in all, were taken to a base" (after
# the verb), "The insurgents who attacked the checkpoint, three in number, were detained" (before
# it); only in a text that says "in all", "in total" or "in number" (`_IN_ALL_CUES`).
IN_ALL_AFTER = re.compile(rf"\s+{_MODIFIERS}[a-z'’-]+s,\s+{QUANTITY}\s+in\s+(?:all|total|number)\b")
IN_ALL_BEFORE = re.compile(
    rf"\b{QUANTITY}\s+in\s+(?:all|total|number),\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:also\s+)?$"
)
_IN_ALL_CUES = ("in all", "in total", "in number")
# A group told by its size: "arrested a five-member cell", "detained a Daesh cell of seven
# people", "captured an ISIS-K cell of four", "arrested a group of seven men" (not "a group of
# four vehicles"); a compound before a person noun is read by `COMPOUND_SIZE`.
_SIZE = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen"
_COLLECTIVE = r"(?:cell|group|team|gang|network|squad|unit|ring|band|module)s?"
COLLECTIVE = re.compile(
    rf"\s+(?:an?|the)\s+(?:[a-z'’-]+\s+){{0,2}}?(?:(?P<size>{_SIZE})-(?:member|man|strong|person)\s+"
    rf"(?:[a-z'’-]+\s+){{0,2}}?{_COLLECTIVE}\b|{_COLLECTIVE}\s+of\s+(?P<of>{_SIZE})\b"
    rf"(?=\s*[,.;)]|\s*$|\s+(?:(?:[a-z'’-]+\s+){{0,2}}?{_PLURAL}\b|who|that|responsible|"
    r"involved|behind|in|from|at|near|during|after)\b))"
)
# "a five-member cell", "a four-man team" inside a one-victim match: the size, not one.
COMPOUND_SIZE = re.compile(rf"\b(?P<size>{_SIZE})-(?:member|man|strong|person)\b")
_HELD = r"(?:detained|captured|arrested|apprehended|taken\s+into\s+custody)\b"
_TREATED_AND = r"(?:(?:treated|given|provided|received)(?:\s+[a-z'’-]+){0,6}?\s+and\s+)"
# The wounded who are then held are captures too: "two insurgents were wounded and detained",
# "a fighter was injured and taken into custody", and after the adjective: "two wounded
# insurgents were treated by the force's medics and detained".
WOUNDED_AND_HELD = re.compile(
    rf"(?:\s+{_MODIFIERS}(?:{_PLURAL}|{_ONE})\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+"
    rf"(?:(?:later|subsequently|then|also)\s+)?{_TREATED_AND}?|"
    r"\s+and\s+(?:later\s+|subsequently\s+|then\s+)?(?:were\s+|was\s+)?)"
    rf"(?:later\s+|subsequently\s+|then\s+)?{_HELD}"
    r"(?!\s+(?:\d|an?\b|the\b|his\b|their\b|one\b|two\b|three\b|four\b|five\b|several\b))"
)
# ... and after a wounded one ("their injured accomplice was arrested").
HURT_ONE_HELD = re.compile(
    rf"(?:,\s+(?:identified|named)\s+as\s+{_SPAN_S}{{1,40}}?,)?\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:(?:later|subsequently|then|also)\s+)?{_HELD}"
)
# The wounded one told again as a detainee: "The wounded insurgent was treated by the force's
# medics and taken into custody", "The injured militant was later detained" (one captured and
# one wounded; searched back from the capture verb).
_TELLING = r"(?:(?!(?:and|but|while|when|where|who|which|after|before|because)\b)[a-z'’-]+\s+)"
WOUNDED_ONE = re.compile(
    rf"\b(?:the|an?)\s+(?P<hurt>wounded|injured)\s+{_MODIFIERS}{_ONE}"
    # ("The injured terrorist, identified as Ahmed, was arrested")
    rf"(?:,\s+(?:identified|named)\s+as\s+{_SPAN_S}{{1,40}}?,)?\s+"
    r"(?:(?:was|has\s+been|had\s+been)\s+(?:(?:later|subsequently|then|also)\s+)?"
    rf"{_TELLING}{{0,10}}?(?:and\s+(?:(?:later|subsequently|then)\s+)?(?:was\s+)?)?|"
    # ("The wounded insurgent received medical treatment from the force and was detained")
    rf"{_TELLING}{{1,10}}?and\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:later|subsequently|then)\s+)?)$"
)
# "The force detained the pair", "the trio"
PAIR = re.compile(r"\s+the\s+(?:pair|trio)\b")

# A bare plural as a capture verb's object: "detained suspected insurgents" (at least two;
# `Count.note` "plural": only where nothing else counts captures). Not after a determiner: "the
# insurgents", "their associates" are people told of before, often counted in a sentence that
# totals several operations, which stands only where no other sentence counts captures.
BARE_OBJECT = re.compile(rf"\s+{_MODIFIERS}(?P<noun>{_BARE_PLURAL})\b(?!['’])(?!\s+(?:of|to)\b)")
# ... or as the subject of a passive one, from a clause's start: "Suspected insurgents were
# detained", "Suspected insurgents surrendered to the force and were detained" (not "The
# network leaders, facilitator and suspected insurgents were detained": a list retold).
BARE_SUBJECT = re.compile(
    rf"(?:^|[,;:(–—-]\s*|\b(?:while|when|after)\s+){_MODIFIERS}"
    rf"(?P<noun>{_BARE_PLURAL})\s+(?:(?:surrendered|gave\s+themselves\s+up|were\s+(?:found|"
    r"caught|stopped|identified|questioned))(?:\s+[a-z'’-]+){0,6}?\s+and\s+|"
    # ("Gunmen who abducted two engineers in Dir were arrested": their deed, `captive_deed`)
    r"who\s+(?!(?:were|was|had|have)\b)(?:[a-z0-9'’-]+\s+){1,8}?)?"
    r"(?:were|have\s+been|had\s+been)\s+(?:(?:also|later|subsequently|then)\s+)?$"
)
# A clause between a figure and its passive verb: "Four men suspected of planting roadside
# bombs were detained", "Two insurgents who had been wounded in the firefight were detained" (the
# figure pattern stops at a thing or another casualty verb; searched back from the verb, whose
# span the count takes: the wounded are counted too).
CLAUSE_SUBJECT = re.compile(
    rf"\b{QUANTITY}\s+{_MODIFIERS}{_PLURAL}\s+(?:(?:who|that)\s+(?:(?:had|have)\s+been|were)|"
    r"suspected\s+of|accused\s+of|involved\s+in|wanted\s+(?:in|for)|linked\s+to|"
    # ("Two passengers in the vehicle were also detained": a thing ends the figure patterns)
    rf"believed\s+to\s+have|in\s+the)\s+{_SPAN_S}{{1,60}}?\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:also\s+)?$"
)
# A relative clause between a figure and its capture verb: "found two wounded insurgents, who
# were treated on scene and detained", "pursued three insurgents who had fled the compound, all
# of whom were later detained" (searched back from the verb, whose span the count takes).
RELATIVE_SUBJECT = re.compile(
    rf"\b{QUANTITY}\s+{_MODIFIERS}{_PLURAL}(?:,?\s+who\s+(?:were|had\s+been)\s+{_SPAN_S}{{1,60}}?"
    r"\s+and|[^;.]{0,60}?,\s+all\s+of\s+whom\s+(?:were|have\s+been|had\s+been)|"
    # ("The teacher's two brothers, who allegedly threatened the family, were also detained")
    rf",\s+who\s+{_SPAN_S}{{1,60}}?,\s+(?:were|have\s+been|had\s+been)|"
    # ("found hiding along with three associates, who were also detained")
    r",?\s+who\s+(?:were|have\s+been|had\s+been))\s+"
    r"(?:(?:later|then|subsequently|also)\s+)?$"
)
# A possessive before the detainee: "the cell's leader", "the Taliban commander's".
_OWNER = r"(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+['’]s"
# ... and before a figure: "detained the leader's two brothers", or before one whose owner
# holds a casualty verb (the singular pattern's words hold none): "arrested the slain
# militant's brother".
OWNED_FIGURE = re.compile(rf"\s+the\s+{_OWNER}\s+{QUANTITY}\s+{_MODIFIERS}{_PLURAL}\b")
OWNED_ONE = re.compile(rf"\s+the\s+{_OWNER}\s+{_MODIFIERS}{_ONE}\b(?![s'’-])")
_OWNER_CUES = ("'s ", "’s ")  # one is in every match of either
# One with a clause before a passive capture (the singular pattern wants its verb close after
# the noun, and no other casualty verb between): "A suspected insurgent surrendered to the force
# and was detained", "The network's financier surrendered ... and was detained", "A key suspect
# in the killing of a police officer was arrested".
ONE_BEFORE = re.compile(
    rf"\b(?:an?|one|the\s+{_OWNER})\s+{_MODIFIERS}{_ONE}\s+"
    r"(?:(?:surrendered|gave\s+(?:himself|herself)\s+up)(?:\s+[a-z'’-]+){0,6}?\s+and|"
    r"(?:in|over)\s+(?:the\s+)?(?:killing|murder|assassination|attack|bombing|blast|kidnapping|"
    rf"abduction)\b{_SPAN_S}{{0,50}}?)\s+(?:was|has\s+been|had\s+been)\s+(?:later\s+|also\s+)?$"
)
# "A Taliban leader was arrested on Oct. 9 and another on Oct. 11": one more, the verb elided.
ANOTHER_ELIDED = re.compile(r"\band\s+another\s+(?=(?:on|in|at|near|during|from)\b)")
# "the arrested men were facilitators": an adjective, the men told of before.
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|these|those|all)\s+$")
# "Detained during the operation were a Taliban leader and two fighters" ("were the targeted
# leader and ..."): one, then the list.
INVERTED_ONE = re.compile(
    r"\s+(?:(?:in|during)\s+(?:[a-z'’-]+\s+){1,4}?)?(?:were|was)\s+(?:an?|one|the)\s+"
    rf"{_MODIFIERS}{_ONE}\b(?![s'’-])"
)
# A colon list: "detained the following individuals: a Taliban sub-commander, his driver and a
# weapons courier" (one, then the list).
COLON_LIST = re.compile(
    rf"\s+the\s+following(?:\s+[a-z'’-]+)?\s*:\s*(?:an?|one|the)\s+{_MODIFIERS}{_ONE}\b(?![s'’-])"
)
# A figure in an appositive after a definite plural: "detained the would-be attackers, three
# teenage boys from Nangarhar".
APPOSITIVE_FIGURE = re.compile(
    rf"\s+the\s+{_MODIFIERS}{_PLURAL},\s+{QUANTITY}\s+{_MODIFIERS}{_PLURAL}\b"
)
# The verbs these two follow ("captured" too: the noun is a person's).
BARE_VERBS = frozenset({"detained", "arrested", "apprehended", "nabbed", "captured"})
# One more item of a list without a figure: "detained the targeted facilitator and associates".
BARE_ITEM = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:suspected|alleged|other)\s+)?(?:{_BARE_PLURAL})\b"
    r"(?!['’])"
)

# Untitled names after a verb that takes only people: two or more ("detained Abdul Wali, Sher
# Mohammad and Gul Agha"), or one with an appositive ("arrested Abdul Wali, a Taliban
# facilitator"); each name two or three capitalised words, none a place word. On the original
# text: case tells a name.
# (a capital first: the place words' look-ahead is the costlier test)
_NAME = (
    rf"(?=[A-Z])(?!{_PLACE_WORD})[A-Z][a-z’'-]+(?:[ \t]+(?=[A-Z])(?!{_PLACE_WORD})[A-Z][a-z’'-]+)"
    r"{1,2}\b"
)
_NAME_JOIN = r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
NAMES_AFTER = re.compile(
    rf"[ \t]+(?P<names>{_NAME}(?:{_NAME_JOIN}{_NAME}){{0,6}})"
    r"(?=[ \t]*[.;:(]|[ \t]*$|[ \t]*,[ \t]+(?:an?|the|two|three|four|five|both|all)\b|"
    r"[ \t]+(?:in|on|at|from|near|during|after|who|were|and|along|together)\b)"
)
NAME_RE = re.compile(_NAME)
NAME_VERBS = frozenset({"detained", "arrested", "apprehended", "nabbed"})
# "The detained individuals are Abdul Wali, ...": the names after the detainees' noun.
NAMES_OF_DETAINED = re.compile(
    rf"\s+{_MODIFIERS}(?:{_PLURAL})\s+(?:are|were|include|included|have\s+been\s+identified\s+as|"
    r"were\s+identified\s+as)(?:[ \t]*:)?"
)

# A second detainee after a long first noun phrase, past its post-modifier and an appositive
# that names it: "detained the leader of a Taliban rocket cell, as well as eight of his
# fighters", "the Taliban leader, identified as Qari X, together with his two bodyguards", "a
# man who was seen moving rockets, as well as the truck's driver" (the caller checks that no
# casualty verb stands in the stretch; not a later clause's subject: "..., and two fled"; not
# past an "and", whose list the join may go on: "suspected of facilitating weapons and suicide
# bombers, as well as a number of fighters").
# ("and" only after such an appositive: every match holds " as " or " with ", `LONG_JOIN_CUES`)
LONG_JOIN = re.compile(
    rf"(?:(?!\band\b){_SPAN_P}){{0,100}}?(?:,\s+(?:identified|named|known|described)\s+as\s+"
    rf"{_SPAN_P}{{1,40}}?,\s+(?:and|(?:along|together)\s+with)|,\s+(?:(?:along|together)\s+with|"
    r"as\s+well\s+as))\s+"
    rf"(?:(?:(?:his|her|their)\s+)?(?P<q>{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)"
    r"(?!\s+of\s+(?:them|whom)\b)|"
    r"(?P<one>an?|his|her|their|the(?=\s+[a-z'’-]+['’]s\s))\s+)"
    rf"\s*(?:[a-z'’-]+\s+){{0,3}}?(?:{_ONE}|{_PLURAL_VICTIMS})s?\b"
    r"(?!\s+(?:were|was|had|have|fled|escaped|said|says|told)\b)"
)
LONG_JOIN_CUES = (" as ", " with ")  # one is within 150 characters of where a match starts
# "detained the Taliban shadow governor for Baghlan province and two of his bodyguards": the
# first one's companions, after a noun phrase of any length in the same clause.
OF_HIS_JOIN = re.compile(
    rf"(?:(?!\b(?:and|who|which|when|while|after|before|during)\b){_SPAN_P}){{0,100}}?\band\s+"
    rf"(?P<q>{_QUALIFIER})?(?P<n1>{NUMBER})(?P<n2>)\s+of\s+(?:his|her|their)\s+"
    rf"(?:[a-z'’-]+\s+){{0,2}}?(?:{_PLURAL_VICTIMS})\b"
    r"(?!\s+(?:were|was|had|have|fled|escaped|said|says|told)\b)"
)
OF_HIS_CUES = (" of his ", " of her ", " of their ")  # one is in every match of it
# "found two men hiding in a room and detained them": the last counted people before the verb,
# in the same clause ("and" just before the verb).
ANTECEDENT = re.compile(rf"\b(?P<n1>{NUMBER})\s+{_MODIFIERS}{_PLURAL}\b")
ANTECEDENT_GAP = re.compile(
    rf"(?:(?!\b(?:but|while|when|who|which|after|before)\b){_SPAN_S}){{0,60}}?\band\s+$"
)
THEM_AFTER = re.compile(r"\s+them\b")
_HURT_WORDS = ("wounded", "injured")
# "... wounded another, who was taken into custody": one more, captured.
ANOTHER_WHO = re.compile(
    r"\banother,\s+who\s+(?:was|had\s+been)\s+(?:(?:later|then|subsequently)\s+)?"
    r"(?P<verb>detained|captured|arrested|apprehended|taken\s+into\s+custody)\b"
)
# "Two more suspects were arrested, bringing the total to five": the captures' total.
_RUNNING_CUES = ("bringing", "taking", "raising", "pushing")  # one is in every match of it
RUNNING_TOTAL = re.compile(
    r",?\s*(?:bringing|taking|raising|pushing)\s+(?:the\s+)?(?:total|number)"
    r"(?:\s+(?:number\s+)?of\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+)?\s+(?:so\s+far\s+)?to\s+"
    rf"{QUANTITY}\b"
)


def _last_verb(verbs: dict[str, list[re.Match[str]]], at: int) -> tuple[int, str] | None:
    """(start, category) of the last casualty verb before `at`."""
    return max(((v.start(), cat) for cat, vs in verbs.items() for v in vs if v.start() < at),
               default=None)  # fmt: skip


def extra_captures(
    text: str,
    original: str,
    verbs: dict[str, list[re.Match[str]]],
    open_verb: Callable[[re.Match[str]], bool],
    taken: list[tuple[int, int]],
    value_of: Callable[[re.Match[str]], tuple[int, int] | None],
) -> list[tuple[str, int, int, int, str, bool]]:
    """(category, value, start, end, note, whether a list may follow) of the captures a
    sentence tells without a figure after its verb: names, an inverted passive's one, "them",
    "another, who was detained", a running total, and bare plurals (last, note "plural").
    `text` is the folded sentence, `original` its own case; `open_verb` says whether a capture
    verb is the state's, asserted, and not an aim; `taken` holds the spans already counted;
    `value_of` reads a figure match (None: no figure, such as a dateline's day)."""
    out: list[tuple[str, int, int, int, str, bool]] = []
    hits = [v for v in verbs.get("arrested", []) if open_verb(v)]
    # The verbs outside the spans already counted: a capture that holds its verb overlaps such
    # a count, and the caller drops it ("detained two suspects" leaves nothing to add).
    free = [v for v in hits if not any(s <= v.start() < e for s, e in taken)]
    if holds(text, _IN_ALL_CUES):
        for v in hits:
            m = IN_ALL_AFTER.match(text, v.end()) or IN_ALL_BEFORE.search(
                text, max(0, v.start() - 40), v.start()
            )
            if m is not None and (value := value_of(m)) is not None:
                out.append(("arrested", value[0], m.start("n1"), m.end(), "", False))
    for v in free:
        if v.group(0) in BARE_VERBS and (m := COLLECTIVE.match(text, v.end())) is not None:
            size = parse_number(m.group("size") or m.group("of"))
            if size is not None:
                out.append(("arrested", size, v.start(), m.end(), "", False))
    if "pair" in text or "trio" in text:
        for v in free:
            if v.group(0) in BARE_VERBS and (m := PAIR.match(text, v.end())) is not None:
                n = 2 if m.group(0).endswith("pair") else 3
                out.append(("arrested", n, v.start(), m.end(), "", False))
    for v in free:
        starts = [v.end()] if v.group(0) in NAME_VERBS else []
        if (detained := NAMES_OF_DETAINED.match(text, v.end())) is not None:
            starts.append(detained.end())
        for at in starts:
            if (named := NAMES_AFTER.match(original, at)) is None:
                continue
            n, end = len(NAME_RE.findall(named.group("names"))), named.end()
            # one name only with an appositive, more victims after it ("detained Abdul Wali
            # and two suspected insurgents") or after "the detained ... are"
            more = _MORE_AFTER.match(original, end)
            if n > 1 or at != v.end() or more or _APPOSITIVE_AFTER.match(original, end):
                # (a list goes on after "and", not after an appositive's comma: "Abdul Rahman
                # and Mohammad Nabi, two suspected financiers" are two), or past the appositive
                # ("Abdul Wali, an al-Qaeda facilitator, and two suspected insurgents": three)
                listed = not original.startswith(",", end)
                if (aside := _APPOSITIVE_MORE.match(original, end)) is not None:
                    listed, end = True, aside.end("aside")
                out.append(("arrested", n, v.start(), end, "", listed))
                break
        if (inverted := INVERTED_ONE.match(text, v.end())) is not None:
            out.append(("arrested", 1, v.start(), inverted.end(), "", True))
        elif "following" in text and (colon := COLON_LIST.match(text, v.end())) is not None:
            out.append(("arrested", 1, v.start(), colon.end(), "", True))
        elif (
            holds(text, _OWNER_CUES)
            and (owned := OWNED_FIGURE.match(text, v.end())) is not None
            and (value := value_of(owned)) is not None
        ):
            out.append(("arrested", value[0], v.start(), owned.end(), "", True))
        elif holds(text, _OWNER_CUES) and (owned := OWNED_ONE.match(text, v.end())) is not None:
            out.append(("arrested", 1, v.start(), owned.end(), "", True))
        elif (
            "," in text
            and (apposed := APPOSITIVE_FIGURE.match(text, v.end())) is not None
            and (value := value_of(apposed)) is not None
        ):
            out.append(("arrested", value[0], v.start(), apposed.end(), "", False))
    for v in hits if "them" in text else ():
        if they := THEM_AFTER.match(text, v.end()):
            lo = max(0, v.start() - 150)
            last = None
            for found in ANTECEDENT.finditer(text, lo, v.start()):
                last = found
            if (
                last is not None
                and ANTECEDENT_GAP.match(text, last.end(), v.start())
                and (them := parse_number(last.group("n1"))) is not None
            ):
                # (the wounded counted already are captured too: "found two wounded insurgents
                # and detained them"; the verb's span then)
                span = last.start(), last.end()
                if any(s < last.end() and last.start() < e for s, e in taken):
                    if not holds(text[max(0, last.start() - 12) : v.start()], _HURT_WORDS):
                        continue
                    span = v.start(), they.end()
                out.append(("arrested", them, *span, "", False))
    if "another," in text:
        # (the verb's span: "wounded another" is counted too)
        out.extend(
            ("arrested", 1, m.start("verb"), m.end(), "", False) for m in ANOTHER_WHO.finditer(text)
        )
    if "another" in text:
        for m in ANOTHER_ELIDED.finditer(text):
            # (the capture verb must be the last verb before it, with its count)
            before = _last_verb(verbs, m.start())
            if (
                before is not None
                and before[1] == "arrested"
                and any(before[0] <= s < m.start() or s <= before[0] < e for s, e in taken)
            ):
                out.append(("arrested", 1, m.start(), m.end(), "", False))
    if holds(text, _RUNNING_CUES):
        for m in RUNNING_TOTAL.finditer(text):
            # (the total of the captures only where a capture verb is the last verb before it)
            before = _last_verb(verbs, m.start())
            if before is not None and before[1] == "arrested" and (value := value_of(m)):
                out.append(("arrested", value[0], m.start("n1"), m.end(), "", False))
    if "wounded" in text or "injured" in text:
        for v in hits:
            if (hurt := WOUNDED_ONE.search(text, max(0, v.start() - 120), v.start())) is None:
                continue
            out.append(("injured", 1, hurt.start("hurt"), hurt.end("hurt"), "", False))
            if v in free:
                out.append(("arrested", 1, v.start(), v.end(), "", False))
    for v in free:
        # (the searches back from a passive verb only: most captures are told actively)
        passive = _PASSIVE_TAIL.search(text, max(0, v.start() - 30), v.start()) is not None
        lo, value = max(0, v.start() - 150), None
        # (past a figure that is none: "PESHAWAR, March 2 - Three men accused of ...")
        while (
            passive
            and value is None
            and holds(text[lo : v.start()], _CLAUSE_CUES)
            and (clause := CLAUSE_SUBJECT.search(text, lo, v.start()))
        ):
            value, lo = value_of(clause), clause.end("n1")
        if (
            value is None
            and text.find("who", lo, v.start()) >= 0
            and (relative := RELATIVE_SUBJECT.search(text, lo, v.start()))
        ):
            value = value_of(relative)
        if value is not None:
            out.append(("arrested", value[0], v.start(), v.end(), "", False))
            continue
        if v.group(0) not in BARE_VERBS:
            continue
        adjective = _ADJECTIVE_BEFORE.search(text, max(0, v.start() - 7), v.start())
        bare = None if adjective or passive else BARE_OBJECT.match(text, v.end())
        if bare is not None:
            out.append(("arrested", 2, v.start(), bare.end(), "plural", False))
        elif not passive:
            continue
        elif text.find("who", max(0, v.start() - 100), v.start()) >= 0 and ONE_WHO.search(
            text, max(0, v.start() - 100), v.start()
        ):
            out.append(("arrested", 1, v.start(), v.end(), "", True))
        elif (
            text.find("he ", max(0, v.start() - 30), v.start()) >= 0
            and PRONOUN_PASSIVE.search(text, max(0, v.start() - 30), v.start())
            and _PRONOUN_END.match(text, v.end())
        ):
            out.append(("arrested", 1, v.start(), v.end(), "plural", False))
        elif (bare := BARE_SUBJECT.search(text, max(0, v.start() - 100), v.start())) is not None:
            out.append(("arrested", 2, bare.start("noun"), v.end(), "plural", False))
        elif ONE_BEFORE.search(text, max(0, v.start() - 100), v.start()):
            # (the verb's span: the clause may hold a counted killing)
            out.append(("arrested", 1, v.start(), v.end(), "", False))
    return out


# Captives told dead: "recovered the bodies of two abducted NADRA employees", "33 attackers were
# killed and 26 hostages died" (the dead, not the abducted).
_DEAD_BEFORE = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains)\s+of\s+(?:the\s+|all\s+)?$")
_DEAD_AFTER = re.compile(
    # ("26 hostages had died")
    r"\s+(?:(?:were|had\s+been|have\s+been|had|have)\s+)?(?:also\s+)?(?:died|killed|dead|executed)\b"
)


def dead_captives(text: str, start: int, end: int) -> bool:
    """Whether a capture figure from `start` to `end` tells dead captives (`_DEAD_BEFORE`)."""
    return (
        _DEAD_BEFORE.search(text, max(0, start - 20), start) is not None
        or _DEAD_AFTER.match(text, end) is not None
    )


# One as the antecedent of a relative clause's capture: "the compound of a suspected insurgent,
# who was detained along with his two brothers" (a list may follow).
ONE_WHO = re.compile(
    rf"\b(?:an?|the)\s+{_MODIFIERS}{_ONE}(?:,?\s+who\s+(?:was|had\s+been)|"
    # ("A third man, who was wounded, was detained")
    rf",\s+who\s+{_SPAN_S}{{1,60}}?,\s+(?:was|has\s+been|had\s+been))\s+"
    r"(?:(?:later|subsequently|also|then)\s+)?$"
)
# "He was detained without incident": one, where nothing else counts the captures (`Count.note`
# "plural"; the pronoun's antecedent is counted in another sentence, if at all); not a past
# capture ("he had been detained before", "he was detained in 2009").
PRONOUN_PASSIVE = re.compile(
    r"\b(?:he|she)\s+(?:was|has\s+been)\s+(?:(?:also|later|subsequently|then|quickly|"
    r"immediately)\s+)?$"
)
# Only where no place or operation follows the verb: "He was captured during an operation in Sha
# Joy district" is an event of its own to the pipeline, often a retelling of one counted before.
_PRONOUN_END = re.compile(
    r"\s*(?:[.;,]|$)|\s+(?:without|after|and|by|at\s+the\s+scene|on\s+the\s+spot|shortly|"
    r"immediately)\b"
)
# A passive verb's auxiliary just before it ("were detained", "had been later detained").
_PASSIVE_TAIL = re.compile(r"\b(?:were|was|been)\s+(?:(?:also|later|subsequently|then)\s+)?$")
# Words one of which every `CLAUSE_SUBJECT` match holds.
_CLAUSE_CUES = (
    "who", "that", "suspected", "accused", "involved", "wanted", "linked", "believed", "in the",
)  # fmt: skip


_APPOSITIVE_AFTER = re.compile(r"[ \t]*,[ \t]+(?:an?|the)\s")
# More victims after a name: " and two suspected insurgents", " along with an associate".
_MORE_AFTER = re.compile(
    r"[ \t]+(?:and|along[ \t]+with|together[ \t]+with)[ \t]+(?:\d|an?\b|one\b|two\b|three\b|"
    r"four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|several\b|his\b|her\b|their\b|"
    r"another\b)"
)
# An appositive with more victims after it: ", an al-Qaeda facilitator, and two".
_APPOSITIVE_MORE = re.compile(
    r"(?P<aside>[ \t]*,[ \t]+(?:an?|the)\s[^,.;]{1,60}?)(?=,?" + _MORE_AFTER.pattern + ")"
)
