"""Spelled-out numbers: "seven", "twenty-five", "two hundred and five thousand"."""

from __future__ import annotations

import re

from factcheck.grammar.scales import SCALES, SCALEWORD

__all__ = ["UNITS_WORDS", "TENS_WORDS", "NUMWORD", "WORDNUM", "words_value"]

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMWORD = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
#: a spelled number: number words joined by spaces, hyphens and "and", scale words inside
WORDNUM = rf"(?:(?:{NUMWORD})(?:[\s-]+(?:and\s+)?(?:{NUMWORD}|{SCALEWORD}))*)"


def words_value(s: str) -> float | None:
    """The value of a spelled number ("two hundred and five" -> 205); None if a word is not a number."""
    tokens = [t for t in re.split(r"[\s-]+", s.strip().lower()) if t and t != "and"]
    if not tokens:
        return None
    total, current = 0, 0
    for t in tokens:
        if t in UNITS_WORDS:
            current += UNITS_WORDS[t]
        elif t in TENS_WORDS:
            current += TENS_WORDS[t]
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in SCALES:
            total += (current or 1) * SCALES[t]
            current = 0
        else:
            return None
    return float(total + current)
