"""Deaths that are no violence: natural causes, accidents, crashes, and ISAF's "non-battle" and
"non-hostile" deaths. A figure of them is no event's toll (`casualties`), and a sentence that
tells only of them is no event (`screening`)."""

from __future__ import annotations

import re

# A natural or accidental death is no event's toll: "dies of heart attack", "died of natural
# causes", "died a natural death", "killed in a road accident" (not "crash": aircraft are shot
# down).
_NOT_VIOLENT_AFTER = re.compile(
    r"\s+(?:(?:of|from|after)\s+(?:an?\s+|the\s+)?(?:sudden\s+|massive\s+|suspected\s+)?"
    r"(?:heart\s+attack|cardiac\s+arrest|natural\s+causes|(?:long\s+|brief\s+)?illness|"
    r"old\s+age|cancer|stroke|disease)|"
    r"(?:a\s+)?natural\s+death|in\s+(?:an?\s+|the\s+)?(?:road\s+|traffic\s+|car\s+|vehicle\s+)?"
    r"accident|"
    # ISAF's words for its own deaths not caused by the enemy
    r"(?:(?:following|from|of|after|due\s+to|as\s+a\s+result\s+of)\s+(?:an?\s+|the\s+)?)?"
    r"non[-\s](?:battle|hostile|combat)|"
    # a crash, not a shooting-down ("died in a helicopter crash", "were martyred when an army
    # helicopter crashed during flood relief")
    r"(?:in\s+(?:an?\s+|the\s+)?|when\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:[a-z-]+\s+){0,2}?)"
    r"(?:helicopter|plane|aircraft|aeroplane|airplane|vehicle|truck|bus)\s+(?:crash(?:ed)?|"
    r"overturned|plunged|skidded|rolled\s+over)(?!\s+(?:after|when)\s+(?:being\s+|it\s+was\s+)?"
    r"(?:hit|shot|struck|targeted|fired)))\b"
)
# ... and a crash told before its toll: "Two helicopters crashed in separate incidents on
# Monday, killing 14 Americans" (not one shot down: "... crashed after being hit, killing").
_CRASH_BEFORE = re.compile(
    r"\b(?:helicopters?|planes?|aircraft|aeroplanes?|airplanes?|airliners?|jets?|vehicles?|"
    r"trucks?|bus(?:es)?|cars?|vans?)\s+(?:[a-z-]+\s+){0,2}?(?:crash(?:ed|es)?|overturned|"
    r"plunged|skidded|collided|rolled\s+over)\b"
    r"(?:(?!\b(?:shot|hit|struck|targeted|fired|downed|attack\w*|explo\w+)\b)[^.;]){0,100}?"
    r",\s+(?:(?:killing|leaving)\s+)?$"
)


def not_violent(text: str, start: int, end: int) -> bool:
    """Whether the death figure at `text[start:end]` (folded) is no violence's: a natural or
    accidental cause after it, or a crash before it."""
    return _NOT_VIOLENT_AFTER.match(text, end) is not None or (
        "," in text[max(0, start - 12) : start]
        and _CRASH_BEFORE.search(text, max(0, start - 160), start) is not None
    )


_NATURAL_DEATH = re.compile(
    r"\b(?:die[sd]?|dying|death|killed)" + _NOT_VIOLENT_AFTER.pattern, re.IGNORECASE
)


def natural_death(text: str) -> bool:
    """Whether a sentence tells of a natural or accidental death ("died of natural causes")."""
    return _NATURAL_DEATH.search(text) is not None
