"""Fractions and ratios: "a quarter of a million" (a scale), "two-thirds of the residents",
"half of all homes", "one in five children", "nine out of 10" (shares of a whole, as percentages).
"""

from __future__ import annotations

import re

from factcheck.grammar.scales import SCALEWORD
from factcheck.grammar.words import UNITS_WORDS

__all__ = ["DENOMINATORS", "FRACTION_OF_SCALE", "SHARE", "RATIO", "fraction_value", "share_percent",
           "ratio_percent"]

DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, **{w: v for w, v in UNITS_WORDS.items() if 2 <= v <= 9}}
_NUMERATOR = "|".join(sorted(_NUMERATORS, key=len, reverse=True))
_DENOMINATOR = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_FRACTION = rf"(?:(?:{_NUMERATOR})[\s-]+)?(?:{_DENOMINATOR})"

#: "a quarter of a million", "half a million", "two-thirds of a billion": a round share of a scale
FRACTION_OF_SCALE = rf"\b(?P<frac_words>{_FRACTION})\s+(?:of\s+)?(?:a\s+|an\s+)?(?P<frac_scale>dozen|{SCALEWORD})\b"
#: "two-thirds of the residents", "half of all homes", "a third of", "cut by a quarter": a share
SHARE = (r"(?:\b(?=[aotfsenh])(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\blast\s)(?<!\bother\s)(?<!\bthe\s)(?<!\band\s)"
         rf"\b(?P<share_words>{_FRACTION})\b"
         r"(?=\s+(?:of\s+(?![\d$€£])|the\b|its\b|their\b|all\b))"
         rf"|\b(?P<share_hyph>(?:{_NUMERATOR})-(?:{_DENOMINATOR}))\b(?!-)"
         r"|(?<![\d/])(?<!\bon\s)(?P<share_slash>[1-9]/(?:[2-9]|10))(?![\d/])(?=\s+(?:of|the)\b)"
         r"|(?<=\bby\s)(?P<by_words>(?:a|an|one)[\s-](?:third|quarter|fifth|tenth)|half)\b)")
_RATIO_NUM = rf"\d{{1,3}}|{'|'.join(w for w, v in UNITS_WORDS.items() if 1 <= v)}"
_RATIO_DEN = (rf"\d{{1,3}}(?:,\d{{3}})*|a\s+(?:hundred|thousand|million)|"
              rf"{'|'.join(w for w, v in UNITS_WORDS.items() if 2 <= v)}|twenty|thirty|forty|fifty|hundred")
#: "one in five", "three in four", "nine out of 10", "1 in every 8"
RATIO = (rf"\b(?P<ratio_num>{_RATIO_NUM})\s+(?P<ratio_join>in|out\s+of)\s+(?:every\s+)?(?P<ratio_den>{_RATIO_DEN})\b"
         r"(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?|games?|matches|races|starts|attempts|tries|"
         r"seconds?|innings|at-bats|appearances)\b)(?![.,]\d)")
_DEN_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
              "a thousand": 1000, "a million": 1_000_000}


def fraction_value(words: str) -> float:
    """The value of fraction words ("two-thirds" -> 0.667, "half" -> 0.5, "three quarters" -> 0.75, "1/4")."""
    if "/" in words:
        numerator, denominator = words.split("/")
        return int(numerator) / int(denominator)
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p]
    numerator = _NUMERATORS[parts[0]] if len(parts) > 1 else 1
    return numerator / DENOMINATORS[parts[-1]]


def share_percent(words: str) -> float:
    """A share of a whole as a percentage, rounded to 2 decimals ("two-thirds" -> 66.67)."""
    return round(100 * fraction_value(words), 2)


def _count(token: str) -> float | None:
    t = re.sub(r"\s+", " ", token.lower()).replace(",", "")
    if t.isdigit():
        return float(t)
    if t in UNITS_WORDS:
        return float(UNITS_WORDS[t])
    return float(_DEN_WORDS[t]) if t in _DEN_WORDS else None


def ratio_percent(numerator: str, denominator: str, join: str = "in") -> float | None:
    """"one in five" -> 20.0; None when it is not a share (denominator not above numerator, or a year).

    "34 out of 42 seats" is two counts, not a share: "out of" makes a share only with a spelled
    number or a round 10 or 100 ("nine out of 10", "four out of five").
    """
    if join.lower().startswith("out") and denominator.replace(",", "").isdigit() and denominator not in ("10", "100"):
        return None
    n, d = _count(numerator), _count(denominator)
    if n is None or d is None or d <= n or n <= 0 or re.fullmatch(r"1[5-9]\d\d|20\d\d", denominator):
        return None
    return round(100 * n / d, 2)
