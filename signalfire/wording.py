"""Numbers with the right noun form, for every sentence signalfire writes (alerts, briefs)."""

from __future__ import annotations

# Irregular plurals in use; anything else takes "s".
_PLURALS = {
    "fatality": "fatalities",
    "province": "provinces",
    "district": "districts",
    "country": "countries",
    "alert": "alerts",
    "group": "groups",
    "pair": "pairs",
    "region": "regions",
}


def plural(word: str) -> str:
    return _PLURALS.get(word, word + "s")


def number(n: float) -> str:
    """Thousands separators; whole numbers without decimals, others with one."""
    if float(n).is_integer():
        return f"{int(n):,}"
    return f"{n:,.1f}"


def count(n: float, word: str, *, zero: str = "no") -> str:
    """'no events', '1 event', '2,310 events' (`zero="0"` gives '0 events')."""
    if n == 0:
        return f"{zero} {plural(word)}"
    return f"{number(n)} {word if n == 1 else plural(word)}"
