"""Spelling variants of Afghan and Pakistani place names, generated when the gazetteer is built.

News writes one name many ways: the Persian izafe connector as "-e-", "-i-", " e ", "i " or
joined ("Pul-e-Khumri", "Pul-i-Khumri", "Pul e Khumri", "Puli Khumri", "Pulikhumri"), "-ye-"
after a vowel ("Qala-ye-Naw"), "wa"/"o" for "and", the Arabic article as "-ul-"/"ul "/joined
("Dar-ul-Aman", "Darul Aman"); a few words have fixed alternatives (Qala/Qalah/Kala/Qalay,
Qila/Qilla/Killa, Pul/Pol); and a few letter folds recur (q to k at the start, ee/i,
oo/u, aa/a, e/i). K to Q is an Afghan habit for a few names only (Qunduz, Qandahar): those are
in the curated variant table, as a fold it gave forms nobody writes ("Qarachi", "Qohat"). Kh to
k is left out too: rare in news, and it made other places' and people's names (Khanpur ->
"Kanpur", an Indian city; Kharan -> "Karan", Khadir -> "Kadir", first names).

The rules are kept small on purpose: every variant is a phrase pattern (model load time), and a
variant can only be added where it is no other place's name (see `gazetteer._add_variants`).
"""

from __future__ import annotations

import itertools
import re

# Connector words between two parts of a name, by class: members of a class may stand for each
# other (izafe e/i; "and" wa/o); the Arabic article's assimilated forms (ul, ud, ur, us...)
# may not (Dar-ul-Aman is never Dar-ud-Aman), so each is a class of its own.
_CLASSES = {"e": "izafe", "i": "izafe", "ye": "izafe", "yi": "izafe", "wa": "and", "o": "and"}
_CLASSES.update({a: a for a in ("ul", "ud", "ur", "us", "un", "ush", "uz", "al", "el")})
# "-ye-" only after a vowel ("Qala-ye-Naw", also "Qala-i-Naw", "Qala-e-Naw").
_CLASS_MEMBERS = {"izafe": ("e", "i", "ye"), "and": ("wa", "o")}
# Connectors written joined to the word before ("Puli Khumri", "Pulikhumri", "Darul Aman").
_JOINABLE = {"i", "ul", "ud", "ur", "us", "un", "ush", "uz", "al", "el"}

# Words with fixed alternative spellings (lower case): a word of a class takes every member.
_WORD_CLASSES = (
    ("qala", "qalay", "qalah", "kala"),  # Afghan: Qala-i-Naw, Qalay-i-Naw, Musa Kala
    ("qila", "qilla", "killa"),  # Pakistani: Qila Saifullah, Killa Abdullah
    ("pul", "pol"),
)
_WORD_ALTERNATIVES = {w: group for group in _WORD_CLASSES for w in group}

# Letter folds of one word, one fold at a time, applied to every occurrence in the word; the
# short vowels e/i between consonants also to each occurrence alone ("Shibirghan" ->
# "Sheberghan", "Shebirghan", "Shiberghan").
_FOLDS: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    (re.compile(r"^q(?=[aeiou])"), "k", False),
    (re.compile(r"ee"), "i", False),
    (re.compile(r"oo"), "u", False),
    (re.compile(r"aa"), "a", False),
    (re.compile(r"(?<=[^aeiou])e(?=[^aeiouy])"), "i", True),
    (re.compile(r"(?<=[^aeiou])i(?=[^aeiouy])"), "e", True),
)
_MIN_FOLD_LENGTH = 5  # shorter words fold into English words and each other too easily

_SPLIT = re.compile(r"\s*-\s*|\s+")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def separator_variants(name: str, main: bool = True, joined: bool = True) -> set[str]:
    """The name with its connectors in every separator style and connector choice, and its
    other hyphens as spaces. Empty for a name with neither a connector nor a hyphen. Unless
    `main`, only the separators vary: connectors are neither swapped (e/i) nor joined to their
    words ("Puli Khumri", "Pulikhumri"); without `joined` they are swapped but not joined."""
    words = _SPLIT.split(name.strip())
    seps = [" - " if "-" in s else " " for s in re.findall(r"\s*-\s*|\s+", name.strip())]
    if len(words) < 2 or len(seps) != len(words) - 1:
        return set()
    # "D-I-Khan" is Dera Ismail Khan: a connector joins words of two letters or more.
    connector_at = {
        i
        for i in range(1, len(words) - 1)
        if words[i].lower() in _CLASSES and len(words[i - 1]) > 1 and len(words[i + 1]) > 1
    }
    if not connector_at and not any("-" in s for s in seps):
        return set()
    # One choice per connector class, the same for every connector of that class in the name.
    classes = sorted({_CLASSES[words[i].lower()] for i in connector_at})
    options = [_CLASS_MEMBERS.get(c, (c,)) if main else ("",) for c in classes]
    out: set[str] = set()
    for choice in itertools.product(*options):
        chosen = dict(zip(classes, choice, strict=True))
        for style in ("h", "hs", "s", "j", "jj") if main and joined else ("h", "hs", "s"):
            if style == "jj" and len(words) != 3:
                continue  # "Pulikhumri": only a three-part name is met fully joined
            if style in ("j", "jj") and not set(choice) <= _JOINABLE:
                continue  # "Puli Khumri", "Darul Aman"; "Pule Khumri", "Kuranwa Munjan" are rare
            for other_hyphen in ("-", " "):
                text = words[0]
                for i in range(1, len(words)):
                    w = words[i]
                    if i in connector_at:
                        c = chosen[_CLASSES[w.lower()]] or w.lower()
                        if main and c == "ye" and words[i - 1][-1:].lower() not in "aeiou":
                            c = "e"
                        w = c  # news writes connectors in lower case ("Qala-i-Naw")
                        text += {"h": "-", "hs": "-", "s": " ", "j": "", "jj": ""}[style] + w
                    elif i - 1 in connector_at:
                        sep = {"h": "-", "hs": " ", "s": " ", "j": " ", "jj": ""}[style]
                        text += sep + (w.lower() if style == "jj" else w)
                    else:
                        text += ("-" if "-" in seps[i - 1] else " ").replace("-", other_hyphen) + w
                out.add(text)
    out.discard(name)
    return out


def word_variants(name: str) -> set[str]:
    """The name with one word respelled: a fixed alternative (Qala/Kala/Qila, Pul/Pol), or for a
    one-word name of at least five letters one letter fold (q to k at the start; ee/i,
    oo/u, aa/a; e/i between consonants; English words in longer names would fold too:
    "Rigion"). Separators are kept."""
    parts = re.split(r"(\s*-\s*|\s+)", name.strip())
    out: set[str] = set()
    for i in range(0, len(parts), 2):
        word = parts[i]
        if not word.isalpha() and "'" not in word:
            continue
        low = word.lower()
        alternatives = set(_WORD_ALTERNATIVES.get(low, ()))
        if len(parts) == 1 and len(low) >= _MIN_FOLD_LENGTH and low.isalpha():
            for pattern, repl, each in _FOLDS:
                alternatives.add(pattern.sub(repl, low))
                if each:
                    alternatives |= {
                        low[: m.start()] + repl + low[m.end() :] for m in pattern.finditer(low)
                    }
        alternatives.discard(low)
        for alt in alternatives:
            new = alt if word.islower() else _cap(alt)
            out.add("".join([*parts[:i], new, *parts[i + 1 :]]))
    return out
