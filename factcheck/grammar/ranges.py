"""Ranges and changes: "between 7 and 10 years", "33-35 billion euros", "5% to 10%",
"from $10 to $15 billion" (one range), and "rose from 21 mpg to 23" (two figures).

The scale, currency, unit and noun written once belong to both ends; a range's low is
never above its high (a reversed pair is a score or a change, never a range).
"""

from __future__ import annotations

import math
import re

__all__ = ["JOIN", "BETWEEN_BEFORE", "CHANGE_BEFORE", "join_kind", "shared_scale"]

#: what joins two figures: a dash, "to", "and", "or" (the second figure starts right after)
JOIN = re.compile(r"(?P<join>\s*(?:-|–|—|(?:[-–]\s*)?(?:to|and|or))\s*|\s+(?:out\s+)?of\s+(?:the\s+)?)(?=[\d$€£¥₹]|[A-Z]{1,3}\$|Rs\.?\s?\d|(?-i:[A-Z]{3})\s?\d|"
                  r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                  r"forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b)", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\b(?P<w>between|from)\s+(?:an?\s+estimated\s+|some\s+|about\s+|roughly\s+)?$",
                            re.IGNORECASE)
#: a verb of change right before a figure: "rose 12.5% to 20%" / "fell from 21 to 18" are two figures
CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|dropped|drops?|dropping|increased?|increases|"
    r"increasing|decreased?|decreases|declined?|declines|declining|grew|grows?|growing|grown|climbed|climbs?|"
    r"jumped|jumps?|slipped|slid|soared|surged|plunged|plummeted|tumbled|sank|raised?|raising|cut|cuts|lowered|"
    r"boosted|gained|lost|losing|widened|narrowed|shrank|shrunk|expanded|went|moved|changed|upgraded|downgraded|"
    r"revised|swelled|doubled|tripled|halved|slumped|dipped|eased|edged|ticked|spiked|up|down|higher|lower|by)"
    r"\s+(?:(?:by|from|sharply|slightly|about|some|nearly|almost|around|roughly|just|only|more\s+than|"
    r"less\s+than|over|under|on\s+average)\s+)*$",
    re.IGNORECASE,
)


#: a word of change earlier in the clause: "revenue fell from $37,066 to $14,950" is two figures
_CHANGE_IN_CLAUSE = re.compile(
    r"\b(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|increas(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|gr(?:ew|ow|ows|owing|own|owth)|climb(?:s|ed|ing)?|"
    r"jump(?:s|ed|ing)?|cut(?:s|ting)?|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|boost(?:s|ed|ing)?|"
    r"gain(?:s|ed|ing)?|loss|lost|los(?:e|es|ing)|chang(?:e|es|ed|ing)|shift(?:s|ed|ing)?|mov(?:e|es|ed|ing)|"
    r"swung|improv(?:e|es|ed|ing)|slash(?:es|ed|ing)?|expand(?:s|ed|ing)?|shr(?:ank|unk|ink|inks)|"
    r"widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|revis(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing))\b"
    r"[^.;:!?]{0,60}\bfrom\s+(?:an?\s+estimated\s+|some\s+|about\s+|roughly\s+|an?\s+)?$",
    re.IGNORECASE,
)


def join_kind(text: str, start: int, join: str, v1: float | None, v2: float | None) -> str | None:
    """How two joined figures read: "range", "two" (a change: two figures) or None (not joined: a score, a list).

    start is where the first figure (with its currency) begins; join the words between the figures.
    """
    if v1 is None or v2 is None:
        return None
    word = join.strip().lower()
    if word.endswith(("of", "of the")):
        return "two"  # "282 of the 543 seats", "34 out of 42 seats": two counts of one noun
    before = text[max(0, start - 40):start]
    between = BETWEEN_BEFORE.search(before)
    change = CHANGE_BEFORE.search(before)
    if word in ("and", "or"):
        return "range" if (between and between.group("w").lower() == "between" and v2 > v1) else None
    if change and word == "to":
        return "two"
    if between and between.group("w").lower() == "from" and word == "to":
        changed = _CHANGE_IN_CLAUSE.search(text, max(0, start - 100), start)
        return "range" if v2 > v1 and not changed else "two"
    return "range" if v2 > v1 else None


def shared_scale(v1: float, v2: float, factor: float) -> float:
    """The first figure of "10 to 20 million" with the second's scale, when that reads closer to the second."""
    if v1 <= 0 or v2 <= 0:
        return v1
    scaled = v1 * factor
    return scaled if abs(math.log(scaled / v2)) < abs(math.log(v1 / v2)) else v1
