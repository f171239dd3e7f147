"""Units: quantulum3 reads physical units, pint names and converts them.

Both libraries are slow to load (quantulum3 about 2.5 s on first parse, pint about
0.5 s), so both load lazily, once per process, and only when a text needs them:
most news sentences never do.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

__all__ = ["quantulum_unit", "canonical_unit", "duration_in_days"]

# Names as news writes them -> the name pint knows
_ALIASES = {"kilometre": "kilometer", "metre": "meter", "litre": "liter", "tonne": "metric_ton",
            "mile per hour": "mile_per_hour", "kilometre per hour": "kilometer_per_hour",
            "degree celsius": "degree_Celsius", "degree fahrenheit": "degree_Fahrenheit",
            "decade": "decade", "century": "century"}


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def canonical_unit(name: str) -> str:
    """pint's canonical name for a unit name ("kilometre" -> "kilometer"); unknown names are returned as given."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key).replace(" ", "_")
    try:
        unit = _registry().Unit(key)
    except Exception:  # pint raises several error types for unknown names
        return name
    return str(unit).replace("_", " ")


def duration_in_days(value: float, unit: str) -> float:
    """A duration in days, through pint ("4 year" -> 1461.0)."""
    ureg = _registry()
    return float((value * ureg(canonical_unit(unit).replace(" ", "_"))).to("day").magnitude)


@lru_cache(maxsize=1)
def _quantulum_parse():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return parser.parse


def quantulum_unit(text: str, start: int, end: int, value: float) -> tuple[str, str, int] | None:
    """quantulum3's reading of the unit in text[start:end+]: (unit name, dimension, end offset) or None."""
    lo = max(0, start - 10)
    window = text[lo:min(len(text), end + 20)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = _quantulum_parse()(window)
    except Exception:  # quantulum3 raises on some odd inputs; a missed unit is not worth a crash
        return None
    for q in found:
        q_start, q_end = q.span
        if lo + q_start <= start + 3 and lo + q_end >= end - 1 and q.unit.name != "dimensionless":
            name = q.unit.name.split(" ampere")[0]  # quantulum3 sometimes glues on a following word
            entity = q.unit.entity.name
            dimension = "percentage" if name == "percentage" else "physical"
            return name, dimension if entity != "time" else "duration", lo + q_end
    return None
