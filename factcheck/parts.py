"""Parts and their total: figures by place or nationality, stated by one source on one date, must not add
up to more than the total that source gives for that day ("Of the 42 dead, 31 were from Cebu and 11
from Bohol" is fine; 31 and 22 of 42 is not).

Only named parts are added up (a place, a nationality: they cannot overlap); "including 12 children"
and "five women" may overlap, so they are never summed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from factcheck.model import Claim

__all__ = ["parts_exceed_total"]


def _lowest(c: Claim) -> float | None:
    """The least the figure can be, as written."""
    for v in (c.low, c.value):
        if v is not None and not (isinstance(v, float) and math.isnan(v)):
            return float(v)
    return None


def _highest(c: Claim) -> float:
    if c.bound in ("more_than", "at_least") or c.vague:
        return math.inf if c.bound != "range" else float(c.high or math.inf)
    for v in (c.high, c.value):
        if v is not None and not (isinstance(v, float) and math.isnan(v)):
            return float(v)
    return math.inf


def _named(part: str | None) -> bool:
    return bool(part) and part[:1].isupper()


def _covers(total: Claim, parts) -> bool:
    """A figure placed somewhere ('85 deaths in Blantyre') is the total of parts only where its place holds theirs:
    the toll of one town is not the total of two countries' tolls."""
    from factcheck.places import contains, lookup

    if not total.place:
        return True
    outer = [n.strip() for n in total.place.split(";") if n.strip()]
    places = [lookup(n) for n in outer]

    def inside(name: str) -> bool:
        inner = lookup(name)
        return name in outer or (inner is not None and any(o is not None and contains(o, inner) for o in places))

    return all((where := p.place or p.part) and all(inside(n.strip()) for n in where.split(";") if n.strip())
               for p in parts)


def parts_exceed_total(live: Sequence[Claim]) -> list[tuple[str, tuple[str, ...], str]]:
    """(rule kind, claim ids: total first then parts, message) for each total its named parts exceed."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in live:
        if c.dimension == "count" and c.revision is None and c.kind:
            groups[(c.article, c.kind, c.as_of or c.published)].append(c)
    out = []
    for (_, kind, _), claims in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))):
        parts: dict[str, Claim] = {}
        for c in claims:
            if _named(c.part) and (c.part not in parts or (_lowest(c) or 0) > (_lowest(parts[c.part]) or 0)):
                parts[c.part] = c
        totals = [c for c in claims if not c.part and _covers(c, parts.values())]
        if len(parts) < 2 or not totals:
            continue
        added = sum(_lowest(c) or 0 for c in parts.values())
        biggest = max(_lowest(c) or 0 for c in parts.values())
        totals = [c for c in totals if _highest(c) >= biggest]  # "three men" is no total of "110 Rohingya"
        if not totals:
            continue
        total = min(totals, key=_highest)
        if added > _highest(total):
            members = sorted(parts.values(), key=lambda c: c.start)
            listed = ", ".join(f'"{c.text}" ({c.part})' for c in members)
            msg = (f"{total.source or total.article} gives parts that add up to {added:,.0f}, more than its own total "
                   f'"{total.text}": {listed}.')
            out.append((kind, (total.id, *(c.id for c in members)), msg))
    return out
