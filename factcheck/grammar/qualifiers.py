"""Qualifiers before a figure ("more than", "about", "up to") and the bound each one gives."""

from __future__ import annotations

import re

__all__ = ["APPROX_TOLERANCE", "QUALIFIER_BEFORE", "QUAL_BOUND", "approx", "qualifier_interval"]

#: Relative half-width given to "about N" and to round fractions of a scale.
APPROX_TOLERANCE = 0.10

QUALIFIER_BEFORE = re.compile(
    r"(?P<q>more\s+than|greater\s+than|over|above|in\s+excess\s+of|upwards\s+of|exceeding|"
    r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than|"
    r"less\s+than|fewer\s+than|under|below|just\s+under|just\s+over|"
    r"up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of|as\s+many\s+as|as\s+much\s+as|not\s+more\s+than|"
    r"about|around|some|roughly|approximately|approx\.?|an\s+estimated|estimated|nearly|almost|close\s+to|"
    r"circa|ca\.|c\.|just\s+about|approaching|barely|roughly\s+equal\s+to|equal\s+to\s+about|"
    r"within|near|as\s+high\s+as|as\s+long\s+as|as\s+few\s+as|as\s+little\s+as|as\s+low\s+as|more\s+then|exceeded|"
    r"exceeds|exceed|tops|topped|topping|surpasses|surpassed|surpassing|crosses|crossed|crossing|nearing|nears|"
    r"(?:(?:climbed|risen|rose|gone|went|passed)\s+)past|(?:a\s+)?minimum\s+(?:term|sentence)\s+of|~|≈|>|<|≥|≤)\s*(?:(?:only|just)\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)
QUAL_BOUND = {
    "more than": "more_than", "greater than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "exceeding": "more_than", "just over": "more_than",
    ">": "more_than", "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least", "≥": "at_least", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "below": "less_than", "just under": "less_than",
    "<": "less_than", "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "a maximum of": "at_most", "as many as": "at_most", "as much as": "at_most", "not more than": "at_most",
    "≤": "at_most", "within": "at_most", "as high as": "at_most", "as long as": "at_most",
    "as few as": "at_least", "as little as": "at_least", "as low as": "at_least", "more then": "more_than",
    "exceeded": "more_than", "climbed past": "more_than", "risen past": "more_than", "rose past": "more_than",
    "gone past": "more_than", "went past": "more_than", "passed past": "more_than", "exceeds": "more_than", "exceed": "more_than", "minimum term of": "at_least", "a minimum term of": "at_least",
    "minimum sentence of": "at_least", "a minimum sentence of": "at_least",
    # "death toll tops 2,000", "crosses 500": beyond the figure; "nearing 5,000": just below it
    "tops": "more_than", "topped": "more_than", "topping": "more_than", "surpasses": "more_than",
    "surpassed": "more_than", "surpassing": "more_than", "crosses": "more_than", "crossed": "more_than",
    "crossing": "more_than",
}
_APPROX_BELOW = {"nearly", "almost", "close to", "just about", "nearing", "nears"}


def approx(value: float, below_only: bool = False) -> tuple[float, float]:
    """The interval of "about value" (or of "nearly value" when below_only)."""
    low = value * (1 - APPROX_TOLERANCE)
    high = value if below_only else value * (1 + APPROX_TOLERANCE)
    return (min(low, high), max(low, high))


def qualifier_interval(word: str, value: float) -> tuple[str, float | None, float | None]:
    """(bound, low, high) that a qualifier word gives an exact figure."""
    word = re.sub(r"\s+", " ", word.lower())
    bound = QUAL_BOUND.get(word)
    if bound is None and word.startswith("the minimum"):
        bound = "at_least"
    if bound in ("more_than", "at_least"):
        return bound, value, None
    if bound is not None:
        return bound, None, value
    low, high = approx(value, below_only=word in _APPROX_BELOW)
    return "approx", low, high
