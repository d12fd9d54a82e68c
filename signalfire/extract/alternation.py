"""Long alternations regrouped by their first letter: the same matches, found with fewer tests.

Python's `re` tries the alternatives of an alternation one by one at every position, but skips
one that starts with a literal character (or a character set) in a single test when that
character is not there. A named group, a non-capturing group or a look-ahead at the start hides
that literal, so each is entered. `regroup` rewrites a list of (kind, pattern) pairs as one
alternation whose alternatives all start with a literal where it can: a leading group is
distributed ("(?:a|b)c" -> "ac|bc", "(?:a)?c" -> "ac|c": the same order of trials), and
consecutive alternatives with the same first letter share it ("s(?:uicide|hot)"; alternatives
with different first letters never match at the same position, so their order does not matter).
Each alternative ends in an empty named group that says its kind (`lastgroup`), so the match
spans are the original alternation's and the kind is that of the first alternative that matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def _scan(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of `pattern` that is neither
    escaped nor inside a character set."""
    depth, in_set, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`."""
    parts, start = [], 0
    for i, c, depth in _scan(pattern):
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int:
    """The index after the parenthesis that closes the group `pattern` opens with."""
    for i, c, depth in _scan(pattern):
        if c == ")" and depth == 0:
            return i + 1
    raise ValueError(f"no closing parenthesis in {pattern!r}")


def _distribute(alternative: str) -> list[str]:
    """`alternative` as alternatives that do not start with a non-capturing group, in the order
    `re` tries them ("(?:a|b)c" -> ["ac", "bc"]; "(?:a)?c" -> ["ac", "c"])."""
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative)
    inner, rest = alternative[3 : end - 1], alternative[end:]
    optional = rest.startswith("?") and not rest.startswith("??")
    if optional:
        rest = rest[1:]
    elif rest[:1] in ("*", "+", "{", "?"):
        return [alternative]  # a repeated group: left as it is
    out = [d for a in _split(inner) for d in _distribute(a + rest)]
    return out + _distribute(rest) if optional else out


def _literal_first(alternative: str) -> bool:
    return (
        alternative[:1].isalnum()
        and alternative[:1].isascii()
        and alternative[1:2] not in ("?", "*", "+", "{")
    )


def regroup(kinds: Iterable[tuple[str, str]], marked: bool = True) -> tuple[str, dict[str, str]]:
    """One alternation of the (kind, pattern) pairs, tried in the order given (see the module
    docstring), and the kind of each of its marker groups (none when not `marked`: for a
    pattern whose matches need no kind). Patterns must hold no named groups."""
    out: list[str] = []
    kind_of: dict[str, str] = {}
    run: dict[str, list[str]] = {}  # first letter -> the rest of consecutive alternatives

    def flush() -> None:
        out.extend(c + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                   for c, rests in run.items())  # fmt: skip
        run.clear()

    for kind, pattern in kinds:
        for alternative in (d for a in _split(pattern) for d in _distribute(a)):
            marker = f"_{len(kind_of)}"
            kind_of[marker] = kind
            end = f"(?P<{marker}>)" if marked else ""
            if _literal_first(alternative):
                run.setdefault(alternative[0], []).append(alternative[1:] + end)
            else:  # (keeps its place in the order)
                flush()
                out.append(f"(?:{alternative}){end}")
    flush()
    return "|".join(out), kind_of if marked else {}


def by_first_letter(pattern: str) -> str:
    """`pattern` regrouped by first letter (see `regroup`), for matches that need no kind."""
    return regroup([("", pattern)], marked=False)[0]
