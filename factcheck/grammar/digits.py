"""Digit strings: "260,000", "260 000" (thin and no-break spaces too), ".5", "1.99×10−30", "1.2e9"."""

from __future__ import annotations

import re

from factcheck.grammar.scales import scale_factor
from factcheck.grammar.words import words_value

__all__ = ["SEP_NUM", "SECOND_NUM", "EXPONENT", "parse_number", "exponent_value"]

_GROUPED = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d:])|\d+"
#: a figure in digits, not glued to a word, an id, a time, a path or the end of a range
SEP_NUM = (
    r"(?<![\w.,:/])(?<![\w.,:/)]-)"
    rf"(?:{_GROUPED})(?:\.\d+)?"
    r"|(?<![\w.,:/\-])\.\d+"
)
#: the second figure of a range ("10 to 20 million")
SECOND_NUM = rf"(?:{_GROUPED})(?:\.\d+)?"
#: scientific notation after the mantissa: "×10−30", " x 10^9", "e-5"
EXPONENT = r"(?:\s?(?:×\s?10\s?\^?|[x\*]\s?10\s?\^)\s?(?P<exp_e>[-−–]?\d{1,3})(?![\d,.]\d)|[eE](?P<eexp>[-+]?\d{1,3})\b)"

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


_VULGAR = {"¼": 0.25, "½": 0.5, "¾": 0.75}


def parse_number(surface: str) -> float | None:
    """The value of a number written with digits and/or words ("1.9 million", "260 000", "twenty-five", "102½")."""
    s = surface.strip().lower().translate(_SPACES)
    vulgar = re.search(r"(?<=\d)[¼½¾]", s)
    if vulgar:  # "359¼p": a whole number and a vulgar fraction
        whole = parse_number(s[:vulgar.start()] + s[vulgar.end():])
        return None if whole is None else whole + _VULGAR[vulgar.group()]
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*-?\s*([a-z]+)?", s)
    if m:
        base = float(m.group(1).replace(",", "").replace(" ", ""))
        if m.group(2) is None:
            return base
        factor = scale_factor(m.group(2))
        return None if factor is None else base * factor
    return words_value(s)


def exponent_value(mantissa: float, exp: str) -> float | None:
    """mantissa × 10^exp, or None when it would overflow a float."""
    e = int(exp.replace("−", "-").replace("–", "-"))
    if abs(e) > 300:
        return None
    return mantissa * 10.0 ** e
