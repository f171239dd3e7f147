"""Compare claims about the same subject and judge them: conflict, tension, compatible, different_scope.

A figure is an interval (docs/semantics.md). Two figures disagree only when their
intervals cannot overlap (statcheck's rule):

- strict interval: what the words say exactly ("about 20" is the point 20,
  "more than 260,000" is (260,000, inf));
- loose interval: the extraction's low/high ("about 20" is 18-22), widened by the
  rule's tolerance for that bound and, for round figures, by half their rounding unit.

Strict overlap -> compatible; only loose overlap -> tension; no loose overlap -> conflict.
Cumulative subjects (death tolls) may only grow, so an earlier lower figure and a
later higher one agree; durations ("a four-year-old war") become start-date
intervals and are compared with start years ("began in 2011").

Claims are compared only within one kind, one story (articles sharing enough
proper names) and one scope (noun class, place, time window, predicate, entity,
event, as the rule says); pairs that differ in scope are reported as
``different_scope`` with the reason when their figures would otherwise disagree.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from factcheck.frames import (SITE_EVENTS, area_part, assign, multi_site_articles, site_of_several, outside_story, place_reasons, population_of, several_countries_of, spans_countries,
                              subject_name, unplaced_in_wide_article)
from factcheck.parts import parts_exceed_total
from factcheck.model import CLAIM_FIELDS, SEVERITY_OF_VERDICT, VERDICTS, Claim, Finding, Subject
from factcheck.rules import Rule, RuleSet, norm_place

__all__ = ["compare_claims", "compare_pair", "Interval", "strict_interval", "loose_interval",
           "interval_verdict", "start_interval", "describe_interval", "same_story", "claim_sort_key"]

INF = math.inf
YEAR_DAYS = 365.25
UNIT_DAYS = {"year": YEAR_DAYS, "month": YEAR_DAYS / 12, "week": 7.0, "day": 1.0}


# ---------------------------------------------------------------- intervals
@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float
    lo_closed: bool = True
    hi_closed: bool = True

    def widen(self, below: float, above: float) -> Interval:
        if below == 0 and above == 0:
            return self
        return Interval(self.lo - below, self.hi + above,
                        self.lo_closed or below > 0, self.hi_closed or above > 0)


def overlaps(a: Interval, b: Interval) -> bool:
    if a.lo > b.lo:
        lo, lc = a.lo, a.lo_closed
    elif b.lo > a.lo:
        lo, lc = b.lo, b.lo_closed
    else:
        lo, lc = a.lo, a.lo_closed and b.lo_closed
    if a.hi < b.hi:
        hi, hc = a.hi, a.hi_closed
    elif b.hi < a.hi:
        hi, hc = b.hi, b.hi_closed
    else:
        hi, hc = a.hi, a.hi_closed and b.hi_closed
    if lo < hi:
        return True
    return lo == hi and lc and hc and math.isfinite(lo)


def below(a: Interval, b: Interval) -> bool:
    """Every value of a is below every value of b."""
    return a.hi < b.lo or (a.hi == b.lo and not (a.hi_closed and b.lo_closed))


def _num(x) -> float | None:
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


_HEDGED = re.compile(r"\s*(?:about|around|some|roughly|approximately|approx\.|nearly|almost|close to|an estimated|estimated|circa|ca\.|c\.|~|≈)\b", re.I)


def strict_interval(c: Claim) -> Interval:
    """What the words say exactly; approximate figures are their point."""
    v, lo, hi = _num(c.value), _num(c.low), _num(c.high)
    if v is None:
        v = lo if lo is not None else hi
    if c.vague or c.bound == "range":
        return Interval(lo if lo is not None else -INF, hi if hi is not None else INF)
    if c.bound == "approx" and lo is not None and hi is not None and _HEDGED.match(c.text or ""):
        return Interval(lo, hi)  # "about 20", "nearly 200": the writer's own hedge is part of the claim
    if c.bound in ("exact", "approx"):
        return Interval(v, v) if v is not None else Interval(-INF, INF)  # "a quarter of a million" reads as 250,000
    if c.bound == "more_than":
        return Interval(v, INF, False, True)
    if c.bound == "at_least":
        return Interval(v, INF)
    if c.bound == "less_than":
        return Interval(-INF, v, True, False)
    if c.bound == "at_most":
        return Interval(-INF, v)
    return Interval(lo if lo is not None else -INF, hi if hi is not None else INF)


def rounding_slack(v: float | None) -> float:
    """Half the rounding unit of a round figure (260,000 -> 5,000), at most 10 % of it; 0 for 17."""
    if v is None or not math.isfinite(v) or v == 0 or abs(v) < 100 or v != int(v):
        return 0.0
    n, k = int(abs(v)), 0
    while n % 10 == 0:
        n //= 10
        k += 1
    if k < 2:
        return 0.0
    return min(0.5 * 10 ** k, 0.1 * abs(v))


def loose_interval(c: Claim, rule: Rule | None) -> Interval:
    """The extraction's low/high widened by the rule's tolerance (and rounding of round figures)."""
    v, lo, hi = _num(c.value), _num(c.low), _num(c.high)
    if c.bound == "more_than":
        base = Interval(lo if lo is not None else v, INF, False, True)
    elif c.bound == "less_than":
        base = Interval(-INF, hi if hi is not None else v, True, False)
    else:
        if lo is None and hi is None and v is not None and c.bound in ("exact", "approx"):
            lo = hi = v
        base = Interval(lo if lo is not None else -INF, hi if hi is not None else INF)
    if rule is None:
        return base
    t = rule.tol(c.bound, bool(c.vague))
    r = rounding_slack(v) if (rule.rounding and not c.vague and c.bound not in ("approx", "range")) else 0.0
    below_ = abs(base.lo) * t + r if math.isfinite(base.lo) else 0.0
    above_ = abs(base.hi) * t + r if math.isfinite(base.hi) else 0.0
    return base.widen(below_, above_)


def interval_verdict(a_strict: Interval, a_loose: Interval, b_strict: Interval, b_loose: Interval) -> str:
    if overlaps(a_strict, b_strict):
        return "compatible"
    if overlaps(a_loose, b_loose) or overlaps(a_strict, b_loose) or overlaps(a_loose, b_strict):
        return "tension"
    return "conflict"


def claim_date(c: Claim) -> date | None:
    return c.as_of or c.published


def _back(d: date, n: float, unit: str | None) -> float:
    """The ordinal day n units before d; calendar months for years and months."""
    months = {"year": 12, "month": 1}.get(unit or "")
    if months is not None and abs(n * months - round(n * months)) < 1e-9:
        try:
            return (d - relativedelta(months=int(round(n * months)))).toordinal()
        except (ValueError, OverflowError):
            return -INF
    return d.toordinal() - n * UNIT_DAYS[unit or "day"]


def start_interval(c: Claim, rule: Rule | None = None) -> tuple[Interval, Interval] | None:
    """(strict, loose) start-date intervals in ordinal days, or None when the claim cannot say.

    "N-year(-old) war" on date D: the war is N-0.5 to N+1 years old (news rounds), so it
    began in [D-(N+1)y, D-(N-0.5)y]. "began in 2011": [2011-01-01, 2011-12-31].
    """
    v = _num(c.value)
    if v is None:
        return None
    if c.dimension == "date":
        lo, hi = _num(c.low), _num(c.high)
        lo = lo if lo is not None else v
        hi = hi if hi is not None else v
        if c.unit in (None, "year") and 1 <= lo <= 9999 and 1 <= hi <= 9999:
            strict = Interval(date(int(lo), 1, 1).toordinal(), date(int(hi), 12, 31).toordinal())
        else:
            return None
    elif c.dimension == "duration":
        d = claim_date(c)
        days = UNIT_DAYS.get(c.unit or "")
        if d is None or days is None:
            return None
        n_lo = _num(c.low) if _num(c.low) is not None else v
        n_hi = _num(c.high) if _num(c.high) is not None else v
        if c.bound in ("more_than", "at_least"):
            n_hi = INF
        if c.bound in ("less_than", "at_most"):
            n_lo = 0
        oldest = _back(d, n_hi + 1, c.unit) if math.isfinite(n_hi) else -INF
        newest = _back(d, max(n_lo - 0.5, 0), c.unit)
        strict = Interval(oldest, newest)
    else:
        return None
    t = rule.tol(c.bound, bool(c.vague)) * YEAR_DAYS if rule else 0.0
    return strict, strict.widen(t, t)


def _fmt_num(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _fmt_day(o: float) -> str:
    if not math.isfinite(o):
        return "any time"
    return date.fromordinal(int(round(o))).isoformat()


def describe_interval(c: Claim, rule: Rule | None = None) -> str:
    """The normalised interval for people: '≥ 260,000', '225,000–275,000', '= 17', 'began 2011-02-11 – 2012-08-11'."""
    if rule is not None and rule.compare == "start_date":
        iv = start_interval(c, rule)
        if iv is None:
            return "?"
        s = iv[0]
        if c.dimension == "date":
            lo, hi = date.fromordinal(int(s.lo)).year, date.fromordinal(int(s.hi)).year
            return f"began in {lo}" if lo == hi else f"began {lo}–{hi}"
        return f"began {_fmt_day(s.lo)} – {_fmt_day(s.hi)}"
    unit = ""
    if c.dimension == "percentage" or c.unit == "percent":
        unit = "%"
    elif c.dimension in ("currency",) and c.unit:
        unit = f" {c.unit}"
    elif c.dimension in ("duration", "physical") and c.unit:
        unit = f" {c.unit}s" if _num(c.value) != 1 else f" {c.unit}"
    v, lo, hi = _num(c.value), _num(c.low), _num(c.high)
    if c.vague or c.bound in ("range", "approx"):
        if lo is not None and hi is not None:
            return f"{_fmt_num(lo)}–{_fmt_num(hi)}{unit}"
    if c.bound == "more_than":
        return f"> {_fmt_num(lo if lo is not None else v)}{unit}"
    if c.bound == "at_least":
        return f"≥ {_fmt_num(lo if lo is not None else v)}{unit}"
    if c.bound == "less_than":
        return f"< {_fmt_num(hi if hi is not None else v)}{unit}"
    if c.bound == "at_most":
        return f"≤ {_fmt_num(hi if hi is not None else v)}{unit}"
    if v is not None:
        return f"= {_fmt_num(v)}{unit}"
    return "?"


# ---------------------------------------------------------------- scope
def _plural(word: str) -> str:
    irregular = {"person": "people", "child": "children", "woman": "women", "man": "men", "unstated": "unstated nouns"}
    if word in irregular:
        return irregular[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _describe_population(population: str) -> str:
    """'person:Kenya' -> 'people (Kenya only)': a part says what it is a part by."""
    base, _, part = population.partition(":")
    return f"{_plural(base)} ({part} only)" if part else _plural(base)


def _places(c: Claim, rules: RuleSet) -> frozenset[str]:
    if not c.place:
        return frozenset()
    return _place_set(c.place, rules)


@functools.lru_cache(maxsize=4096)
def _place_set(place: str, rules: RuleSet) -> frozenset[str]:
    """The canonical names of a claim's places (asked once per pair: a pure function of the text and the rules)."""
    return frozenset(norm_place(rules.canonical(p) or p) for p in place.split(";") if p.strip())


def _window(c: Claim) -> str:
    if c.since is not None:
        return f"since {c.since.isoformat()}"
    return "whole conflict" if c.event in (None, "war") else f"the whole {c.event}"


#: Events that happen at one time: figures about them published far apart are about different events.
POINT_EVENTS = frozenset({"earthquake", "storm", "fire", "crash", "attack", "crush", "collapse"})
POINT_EVENT_DAYS = 120
#: Incidents of their own that last: a cholera outbreak named in a cyclone story is another incident.
LONG_EVENTS = frozenset({"epidemic", "famine"})


#: A war, an offensive in it and one attack are different windows of one conflict.
WAR_EVENTS = frozenset({"war", "offensive", "attack"})


def _different_events(a: Claim, b: Claim) -> bool:
    """Two claims of one story are about different events only when that is stated: an offensive against the
    whole war, or both sentences naming another incident than their articles are about. An unstated event is
    the story's, and a stray word ("the fire department") does not make a crowd crush a fire."""
    ea, eb = a.event, b.event
    if not ea or not eb or ea == eb:
        return False
    in_war = "war" in (ea, eb, a.story_event, b.story_event)  # "the deadliest assault" in a story of one attack: it
    if {ea, eb} & LONG_EVENTS and {ea, eb} <= POINT_EVENTS | LONG_EVENTS:
        return True  # a cholera outbreak and a cyclone are two incidents, whatever their articles are about
    # in a war, an offensive is a window of its own; "attacks" in a sentence about the war's toll are the war
    return ({ea, eb} <= WAR_EVENTS and in_war and "offensive" in (ea, eb)) or _other_incident(a) or _other_incident(b)


def _other_incident(c: Claim) -> bool:
    """The sentence names a one-off incident that is not the one its article is about ("the airliner downed over
    the Sinai last year, killing more than 200" in a story about a war)."""
    if c.event == "attack" and c.story_event in WAR_EVENTS:
        return False  # "the attacks have killed more than 400" in a story of a war: the war's attacks
    return c.event in POINT_EVENTS | LONG_EVENTS and c.story_event is not None and c.event != c.story_event


def scope_reasons(a: Claim, b: Claim, rule: Rule, rules: RuleSet, population=None) -> list[str]:
    """Why a and b do not speak about the same thing, per the rule's scope keys; [] when they do.

    ``population`` (a claim -> ``population_of(claim, rule)``) lets a block ask it once per claim.
    """
    out = []
    wild = rule.wildcard
    for key in rule.scope:
        if key == "noun":
            na, nb = (population(a), population(b)) if population else (population_of(a, rule), population_of(b, rule))
            if na != nb:
                out.append(f"{_describe_population(na)} vs {_describe_population(nb)}")
            elif na.endswith(":part"):  # "Four of those on board" and "32 out of the 149": which parts is unknown
                out.append(f"two parts of a total that do not say which: {_describe_population(na)}")
            elif na.endswith(":increase") and (claim_date(a) is None or claim_date(a) != claim_date(b)):
                # "59 more deaths" on Monday and "22 more" a fortnight later: each day's increase is its own count
                out.append("increases over different periods")
        elif key == "place":
            pa, pb = _places(a, rules), _places(b, rules)
            if pa and pb and not (pa & pb):
                out.extend(place_reasons(a, b))
            elif pa and pb and (len(pa) > 1 or len(pb) > 1) and (several := several_countries_of(a, b)):
                out.append(several)
            elif bool(pa) != bool(pb) and spans_countries(a if pa else b):
                out.append(f"a total over several countries vs a figure with no place: {a.place or b.place}")
            elif wide := unplaced_in_wide_article(a, b, bool(pa), bool(pb)):
                out.append(wide)
            elif bool(pa) != bool(pb):
                away = (outside_story(a, b) or area_part(a, b)) if pa else (outside_story(b, a) or area_part(b, a))
                if away:
                    out.append(away)
                elif "place" not in wild:
                    out.append(f"place stated for only one: {a.place or 'none'} vs {b.place or 'none'}")
        elif key == "since":
            if a.since != b.since:
                out.append(f"different time windows: {_window(a)} vs {_window(b)}")
        elif key == "predicate":
            pa, pb = (a.predicate or "").lower(), (b.predicate or "").lower()
            if pa != pb and not ((not pa or not pb) and "predicate" in wild):
                out.append(f"'{a.predicate or 'unstated'}' is not '{b.predicate or 'unstated'}'")
        elif key == "entity":
            ea, eb = rules.canonical(a.entity), rules.canonical(b.entity)
            if ea and eb:
                if ea.lower() != eb.lower():
                    out.append(f"different groups: {ea} vs {eb}")
            elif (ea or eb) and "entity" not in wild and not rule.require_entity:
                out.append(f"group named for only one: {ea or 'none'} vs {eb or 'none'}")
        elif key == "event":
            ea, eb = a.event, b.event
            if _different_events(a, b):
                out.append(f"different events: {ea or 'none stated'} vs {eb or 'none stated'}")
            elif ea and ea == eb and ea in POINT_EVENTS and claim_date(a) and claim_date(b) \
                    and abs((claim_date(a) - claim_date(b)).days) > POINT_EVENT_DAYS:
                # two earthquakes in one country years apart are two events, not one toll revised
                out.append(f"too far apart for one {ea}: {claim_date(a).isoformat()} vs {claim_date(b).isoformat()}")
        elif key == "unit":
            if (a.unit or "") != (b.unit or ""):
                out.append(f"different units: {a.unit or 'none'} vs {b.unit or 'none'}")
        elif key == "attribution":
            if (a.attribution or "").lower() != (b.attribution or "").lower():
                out.append(f"different sources: {a.attribution or 'none'} vs {b.attribution or 'none'}")
    return out


# ---------------------------------------------------------------- one pair
def claim_sort_key(c: Claim) -> tuple:
    """Earliest article first; then outlet, article and claim number."""
    d = c.published or date.max
    head, _, n = c.id.rpartition("#")
    return (d, c.source or "", c.article, int(n) if n.isdigit() else 0, c.id)


def _id_key(cid: str) -> tuple:
    head, _, n = cid.rpartition("#")
    return (head, int(n) if n.isdigit() else 0, cid)


def _updates_itself(a: Claim, b: Claim, rule: Rule) -> bool:
    """One article that tells a growing total in order ("296 ... later 632 ... by evening 1,037") updates itself."""
    if a.article != b.article or rule.compare != "cumulative":
        return False
    first, then = (a, b) if a.start < b.start else (b, a)
    lo_then = then.low if then.low is not None else then.value
    hi_first = first.high if first.high is not None else first.value
    return lo_then is not None and hi_first is not None and lo_then >= hi_first


#: A superseded figure dated only by its article is not shown to come after a figure this many days before it.
UNSURE_DAYS = 2


def _own_history(a: Claim, b: Claim) -> bool:
    """One article that itself marks a figure as superseded ("the previous toll", "initially", "revised down from")
    says which of its figures is current: its earlier figures never contradict its others (a correction shows
    against the other articles' figures, not against its own)."""
    return a.article == b.article and "earlier" in (a.revision, b.revision)


_PASSENGER = frozenset({"passenger", "passengers", "traveller", "travellers", "traveler", "travelers"})


def _crew_difference(passengers: Claim, everyone: Claim) -> bool:
    """'149 passengers' and '157 people' on board: the passengers are a part of those on board, and a crew of up
    to a tenth (or a few people) more is no contradiction."""
    if (passengers.noun or "").lower() not in _PASSENGER or (everyone.noun or "").lower() in _PASSENGER:
        return False
    p, e = passengers.value, everyone.value
    return p is not None and e is not None and p <= e <= p * 1.1 + 5 and passengers.kind == "on_board"


def _round_covers(a: Claim, b: Claim, rule: Rule, sa: Interval, sb: Interval) -> bool:
    """A round figure ("100", "200") stands for anything its last digits could round from: when the other figure
    falls inside that rounding alone (no tolerance), the two agree. Two precise figures (151 and 153) still differ.
    ``sa`` and ``sb`` are their strict intervals."""
    if not rule.rounding or a.vague or b.vague:
        return False  # "thousands" names its own range: 10,000 is not in it
    ra, rb = rounding_slack(_num(a.value)), rounding_slack(_num(b.value))
    if not (ra or rb) or (a.bound not in ("exact",) and b.bound not in ("exact",)):
        return False
    return overlaps(sa.widen(ra, ra) if a.bound == "exact" else sa, sb.widen(rb, rb) if b.bound == "exact" else sb)


def compare_pair(a: Claim, b: Claim, rule: Rule, intervals=None) -> tuple[str, str]:
    """(verdict, why) for two claims in one scope: conflict, tension or compatible.

    ``intervals`` (a claim -> its (strict, loose) intervals under ``rule``) lets a block work them out once per claim.
    """
    if _updates_itself(a, b, rule):
        return "compatible", "the article gives the total as it grew"
    if _own_history(a, b):
        return "compatible", "the article itself gives one of the figures as an earlier one"
    if _crew_difference(a, b) or _crew_difference(b, a):
        return "compatible", "the passengers are not everyone on board: the crew make up the difference"
    if a.revision == b.revision == "earlier" and rule.compare == "cumulative":
        return "compatible", "both are figures their articles give as superseded, in no known order"
    if rule.compare == "start_date":
        ia, ib = start_interval(a, rule), start_interval(b, rule)
        if ia is None or ib is None:
            return "compatible", "no start date can be worked out"
        v = interval_verdict(ia[0], ia[1], ib[0], ib[1])
        return v, ("the start dates overlap" if v == "compatible" else
                   "the start dates differ, but only within the tolerance" if v == "tension" else rule.message)
    (sa, la), (sb, lb) = (intervals(a), intervals(b)) if intervals else \
        ((strict_interval(a), loose_interval(a, rule)), (strict_interval(b), loose_interval(b, rule)))
    da, db = claim_date(a), claim_date(b)
    if rule.moves_after_days is not None and da and db and abs((da - db).days) > rule.moves_after_days:
        return "compatible", f"the count moves both ways, and the figures are {abs((da - db).days)} days apart"
    # on one day, a figure the text gives as superseded came before the day's current one
    ka, kb = (da, a.revision != "earlier") if da else None, (db, b.revision != "earlier") if db else None
    if rule.compare == "cumulative" and ka and kb and ka != kb:
        early, late = ((a, sa, la), (b, sb, lb)) if ka < kb else ((b, sb, lb), (a, sa, la))
        if late[0].revision == "earlier" and late[0].article != early[0].article \
                and (claim_date(late[0]) - claim_date(early[0])).days <= UNSURE_DAYS:
            # a superseded figure is only known to precede its article: it cannot be shown to come after a
            # figure of the days just before
            return "compatible", "the superseded figure's own day is not known, only that it came before its article"
        if below(late[2], early[2]) and late[0].revision == "correction":
            return "tension", "a correction: the figure was revised down, as the later article says"
        if below(late[2], early[2]):
            return "conflict", f"{rule.message}: the later figure is below the earlier one"
        if below(late[1], early[1]):
            return "tension", "the later figure is below the earlier one, but only within rounding"
        return "compatible", "a total may only grow, and the later figure is not below the earlier one"
    v = interval_verdict(sa, la, sb, lb)
    if v == "tension" and a.bound == "approx" and b.bound == "approx" and overlaps(la, lb):
        # "some 40,000" and "about 42,000": both writers hedged, and their hedges meet
        return "compatible", "two approximate figures whose margins overlap"
    if v == "compatible":
        return v, "the figures overlap"
    if rule.stale_days is not None and da and db and abs((da - db).days) > rule.stale_days:
        return "tension", f"the figures are {abs((da - db).days)} days apart, so the earlier one may be stale"
    if v == "tension":
        if _round_covers(a, b, rule, sa, sb):
            return "compatible", "a round figure covers the other"  # "100 injured" and "98", "200" and "at least 207"
        return v, "they differ on a strict reading but agree within rounding or approximation"
    return v, rule.message


# ---------------------------------------------------------------- stories
def _names_index(articles) -> dict[str, frozenset[str]] | None:
    if articles is None:
        return None
    out = {}
    for row in articles.itertuples(index=False):
        names = getattr(row, "names", ()) or ()
        if isinstance(names, float):  # NaN
            names = ()
        out[str(row.id)] = frozenset(str(n).lower() for n in names)
    return out


def _drafts_index(articles) -> frozenset[str]:
    if articles is None or "draft" not in getattr(articles, "columns", ()):
        return frozenset()
    return frozenset(str(r.id) for r in articles.itertuples(index=False) if bool(r.draft))


def same_story(names_a: frozenset[str], names_b: frozenset[str], min_shared: int = 4, min_overlap: float = 0.15) -> bool:
    """Two articles are about the same story when they share enough proper names."""
    if not names_a or not names_b:
        return False
    shared = len(names_a & names_b)
    smaller = min(len(names_a), len(names_b))
    if shared >= min_shared and shared / smaller >= min_overlap:
        return True
    # short articles name few things: half of the shorter list, and at least two names, is enough;
    # a draft of a sentence or two naming one or two things must share one of them
    if smaller <= 2:
        return shared >= 1
    return shared >= 2 and shared / smaller >= 0.5


# ---------------------------------------------------------------- the frame
def _row_claims(frame) -> list[Claim]:
    cols = [c for c in CLAIM_FIELDS if c in frame.columns]
    out = []
    for rec in frame[cols].to_dict("records"):
        clean: dict[str, Any] = {}
        for k, v in rec.items():
            if v is None:
                clean[k] = None
                continue
            try:
                if not isinstance(v, (str, tuple, list)) and v != v:  # NaN / NaT
                    clean[k] = None
                    continue
            except (TypeError, ValueError):
                pass
            if hasattr(v, "to_pydatetime"):  # pandas Timestamp
                v = v.to_pydatetime().date()
            elif k in ("as_of", "since", "published") and hasattr(v, "date") and not isinstance(v, date):
                v = v.date()
            elif k in ("as_of", "since", "published") and type(v).__name__ == "datetime":
                v = v.date()
            clean[k] = v
        for k in ("start", "end", "line", "column"):
            if clean.get(k) is not None:
                clean[k] = int(clean[k])
        clean.setdefault("modality", "asserted")
        if clean.get("modality") is None:
            clean["modality"] = "asserted"
        for k in ("sentence", "context"):
            if clean.get(k) is None:
                clean[k] = ""
        clean["vague"] = bool(clean.get("vague") or False)
        clean["dimension"] = clean.get("dimension") or "count"
        defaults = {"kind": None, "place": None, "attribution": None, "as_of": None, "duplicate_of": None,
                    "published": None, "source": None, "predicate": None, "since": None, "entity": None,
                    "event": None, "unit": None, "noun": None, "text": "", "start": 0, "end": 0, "line": 0, "column": 0}
        for k, d in defaults.items():
            clean.setdefault(k, d)
        out.append(Claim(**clean))
    return out


def _who(c: Claim) -> str:
    src = c.source or c.article
    when = c.published.isoformat() if c.published else "undated"
    s = f"{src} ({when})"
    if c.attribution:
        s += f", citing {c.attribution},"
    return s


def _quote(c: Claim, rule: Rule, show_interval: bool = True) -> str:
    q = f"\u201c{c.text}\u201d".replace("\u201c", '"').replace("\u201d", '"')
    iv = describe_interval(c, rule)
    if show_interval and (rule.compare == "start_date" or not iv.startswith("= ")):
        q += f" ({iv})"
    return q


def _says(c: Claim, rule: Rule) -> str:
    return f"{_who(c)} says {_quote(c, rule)}"


def _pair_message(a: Claim, b: Claim, rule: Rule, verdict: str, why: str, says=None) -> str:
    """'X (date) says "…" but Y (date) says "…": why.'; ``says`` (a claim -> ``_says(claim, rule)``) may be cached."""
    joiner = "but" if verdict == "conflict" else "while"
    why = why.rstrip(".")
    sa, sb = (says(a), says(b)) if says else (_says(a, rule), _says(b, rule))
    return f"{sa} {joiner} {sb}: {why}."


_LEVEL_RANK = {"error": 0, "warning": 1, "info": 2}


def _severity(verdict: str, rule: Rule | None) -> str:
    """The verdict's severity (model.SEVERITY_OF_VERDICT), never above the rule's level."""
    sev = SEVERITY_OF_VERDICT[verdict]
    if rule is not None and _LEVEL_RANK.get(rule.level, 0) > _LEVEL_RANK[sev]:
        return rule.level
    return sev


#: Two articles about one kind of incident in one place, published this close, are one story.
SAME_INCIDENT_DAYS = 30
UNPLACED_INCIDENT_DAYS = 7
#: Articles further apart than this are never one story, whatever names they share.
STORY_DAYS = 540


def _incidents(claims: Sequence[Claim]) -> dict[str, tuple[str | None, str | None, date | None]]:
    """Article id -> (story place, story event, published), read off its claims."""
    out: dict[str, tuple[str | None, str | None, date | None]] = {}
    for c in claims:
        if c.article not in out:
            out[c.article] = (_story_place_in_country(c), c.story_event, c.published)
    return out


def _story_place_in_country(c: Claim) -> str | None:
    """The article's place, as a name that resolves inside its country: 'Mati' (a Greek village the gazetteer knows
    only in the Philippines) in a story set in Greece is told by its country's name."""
    from factcheck.places import country_place, lookup

    place = lookup(c.story_place, prefer=c.place_root) if c.story_place else None
    if place is None or not c.place_root or place.country == c.place_root:
        return c.story_place
    country = country_place(c.place_root)
    return country.name if country is not None else c.story_place


def one_time_frame(a: tuple, b: tuple) -> bool:
    """False when two articles cannot be about one incident, whatever names they share: both are about
    one-off events, of different kinds or published months apart."""
    (_, event_a, day_a), (_, event_b, day_b) = a, b
    days = abs((day_a - day_b).days) if day_a and day_b else 0
    if event_a not in POINT_EVENTS and event_b not in POINT_EVENTS:
        return days <= STORY_DAYS  # a war or a crisis goes on for years, but not for ever
    if event_a not in POINT_EVENTS or event_b not in POINT_EVENTS:
        return days <= POINT_EVENT_DAYS  # a one-off strike's article and a war's ten months later: two stories
    if event_a != event_b or _two_sites(a, b):
        return False
    return not (day_a and day_b and abs((day_a - day_b).days) > POINT_EVENT_DAYS)


def _two_sites(a: tuple, b: tuple) -> bool:
    """A strike on Mariupol's theatre and one on Kramatorsk's station: incidents with one site each, in two towns
    neither of which holds the other, are two incidents (of one war, perhaps, and sharing all its names)."""
    from factcheck.places import contains, lookup

    (place_a, event_a, _), (place_b, event_b, _) = a, b
    if event_a not in SITE_EVENTS or event_b not in SITE_EVENTS:
        return False
    pa, pb = lookup(place_a), lookup(place_b)
    if pa is None or pb is None or pa == pb:
        return False
    if pa.kind in ("city", "region") and pb.kind in ("city", "region") and pa.country and pb.country \
            and pa.country != pb.country:
        return True  # a concert hall near Moscow and a hospital in Kyiv: two countries, two incidents
    return pa.kind == pb.kind == "city" and not (contains(pa, pb) or contains(pb, pa))


def same_incident(a: tuple, b: tuple) -> bool:
    """One incident: the same kind of event, in one place (or one inside the other), days apart at most."""
    from factcheck.places import lookup

    (place_a, event_a, day_a), (place_b, event_b, day_b) = a, b
    if not event_a or event_a != event_b or event_a == "talks" or not day_a or not day_b:
        return False
    days = abs((day_a - day_b).days)
    pa, pb = lookup(place_a), lookup(place_b)
    if pa is None or pb is None:
        return days <= UNPLACED_INCIDENT_DAYS  # no place to go by: the same kind of event within days
    if _two_sites(a, b):
        return False
    return days <= SAME_INCIDENT_DAYS and pa.country == pb.country


def _story_judge(articles, rules: RuleSet, incidents: dict[str, tuple] | None = None, names=False):
    """A function (article a, article b) -> bool: are they about the same story?

    Shared proper names, or one incident (``_incidents``): the same kind of event in one place within days.
    ``names`` is ``_names_index(articles)`` when the caller has it.
    """
    incidents = incidents or {}
    names = _names_index(articles) if names is False else names
    drafts = _drafts_index(articles)
    min_shared = int(rules.settings.get("min_shared_names", 4))
    min_overlap = float(rules.settings.get("min_name_overlap", 0.15))
    cache: dict[tuple[str, str], bool] = {}

    def story(a: str, b: str) -> bool:
        if a == b or names is None:
            return True
        if a in drafts or b in drafts:
            # a draft is checked against the archive its editor chose: one shared name (or none
            # named at all) is enough; the frames still keep other subjects apart
            na, nb = names.get(a, frozenset()), names.get(b, frozenset())
            return not na or not nb or bool(na & nb)
        key = (a, b) if a < b else (b, a)
        if key not in cache:
            ia, ib = incidents.get(a), incidents.get(b)
            if ia and ib and not one_time_frame(ia, ib):
                cache[key] = False
            else:
                cache[key] = (same_story(names.get(a, frozenset()), names.get(b, frozenset()), min_shared, min_overlap)
                              or (ia is not None and ib is not None and same_incident(ia, ib)))
        return cache[key]

    return story, drafts


def _pair_finder(articles, drafts: frozenset[str], rules: RuleSet, incidents: dict[str, tuple] | None = None,
                 story=None, names=False):
    """Candidate pairs of a block (factcheck.blocks): only articles that can be one story are paired; in a huge
    block, each figure with the nearest later figures of its own story (``story``). ``names`` as in _story_judge."""
    from factcheck.blocks import TIMELINE_ABOVE, TIMELINE_WINDOW, pair_finder

    names = _names_index(articles) if names is False else names
    return pair_finder(names, drafts, int(rules.settings.get("min_shared_names", 4)),
                       float(rules.settings.get("min_name_overlap", 0.15)),
                       int(rules.settings.get("timeline_above", TIMELINE_ABOVE)),
                       int(rules.settings.get("timeline_window", TIMELINE_WINDOW)), incidents=incidents,
                       story=story)


def block_key(c: Claim, rules: RuleSet) -> tuple[str, str]:
    """Claims are compared only inside one block: one measure (the rule's kind).

    Places are not part of the key: a figure's place is often missing or a meeting's venue, so
    places are judged pair by pair (``frames.place_reasons``), stories by names or one incident.
    """
    return (c.kind or "", "*")


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.article == b.article and a.sentence == b.sentence


class _Judged:
    """What the pairs of one block said: findings, compatible edges, scope groups, compared edges."""

    def __init__(self):
        self.raw: list[tuple] = []  # verdict, rule id, subject, claim ids, message, kind
        self.compatible: list[tuple[Claim, Claim]] = []
        self.scope_groups: dict[tuple, dict[str, Any]] = {}
        self.compared: list[tuple[Claim, Claim, str]] = []  # pairs judged in one frame, with their verdict


#: A figure at most this share of a larger one its own article gives for the same frame and day is a part of it.
OWN_PART_SHARE = 0.5


def body_lines(group: list[Claim]) -> dict[str, int]:
    """Article -> the line of its body's first claim (claims are numbered body first, headline last)."""
    first: dict[str, Claim] = {}
    for c in group:
        if c.article not in first or _id_key(c.id) < _id_key(first[c.article].id):
            first[c.article] = c
    return {k: c.line for k, c in first.items()}


def _in_headline(c: Claim, first_line: dict[str, int]) -> bool:
    """The headline is read after the body, so its claims come after the body's first one yet stand above it."""
    return c.line < first_line.get(c.article, 0)


_TOTAL_WORDS = re.compile(r"\b(?:toll|total|in all|overall|altogether|tally)\b", re.I)


def _worded_apart(small: Claim, big: Claim) -> bool:
    """The smaller figure is told in other words (its own noun, verb or place: "recovered nine bodies in
    Chilobwe") and does not call itself the total: the same words for both would be a slip, an internal conflict."""
    if _TOTAL_WORDS.search(small.sentence or ""):
        return False
    return any((getattr(small, f) or "").lower() != (getattr(big, f) or "").lower() for f in ("noun", "predicate", "place"))


def _two_sources(a: Claim, b: Claim) -> bool:
    """'94, the Red Cross said' and '86, the regional commissioner said': one article quoting two counts."""
    return bool(a.attribution and b.attribution and a.attribution.lower() != b.attribution.lower())


def own_parts(group: list[Claim], rule: Rule, rules: RuleSet, lines: dict[str, int] | None = None) -> dict[str, Claim]:
    """Figures their own article shows to be parts: a writer who gives "438 dead" and then "nine bodies recovered in
    Chilobwe" for the same day, place and people (not two sources named apart) is counting a part of the 438 (a search
    team's finds, one district), not contradicting it. Headline figures, vague ones ("hundreds") and figures the
    text gives as superseded keep their own reading. Returns each such claim's id -> the larger figure."""
    if rule.compare != "cumulative":
        return {}
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in group:
        by_article[c.article].append(c)
    lines = body_lines(group) if lines is None else lines
    out: dict[str, Claim] = {}
    for claims in by_article.values():
        if len(claims) < 2:
            continue
        for small in claims:
            if small.vague or small.revision or _in_headline(small, lines) or _num(small.high) is None:
                continue
            for big in claims:
                lo = _num(big.low if big.low is not None else big.value)
                if big is small or lo is None or big.revision or _num(small.high) > OWN_PART_SHARE * lo:
                    continue
                if claim_date(big) != claim_date(small) or _two_sources(small, big):
                    continue
                if _worded_apart(small, big) and not scope_reasons(small, big, rule, rules):
                    out[small.id] = big
                    break
    return out


#: Two counts of one frame this many times apart or more are read as counting different things, not as a
#: disagreement (rule pack setting ``max_figure_ratio``).
MAX_FIGURE_RATIO = 5.0


def _far_apart(a: Claim, b: Claim, max_ratio: float, intervals=None) -> str | None:
    """'two victims' against a toll of 91, 'thousands' against 84: outlets that disagree on one count rarely differ
    by a factor of five or more, while a figure misread as the toll (a day's rise, a part, a crowd) often does. Such
    a pair is shown as counting different things, with the factor, not as a contradiction."""
    if a.dimension != "count" or b.dimension != "count" or max_ratio <= 0:
        return None
    sa, sb = (intervals(a)[0], intervals(b)[0]) if intervals else (strict_interval(a), strict_interval(b))
    small, big = (sa, sb) if sa.hi <= sb.hi else (sb, sa)
    if not math.isfinite(small.hi) or small.hi <= 0 or not math.isfinite(big.lo) or big.lo / small.hi < max_ratio:
        return None
    return f"one figure is {big.lo / small.hi:,.0f} times the other, so they most likely count different things"


def _apart_by(a: Claim, b: Claim, rule: Rule) -> str | None:
    """'a 6.1 quake' against 'a 4.2 aftershock': on a scale where the rule's ``apart_by`` (1.0 for magnitudes: ten
    times the shaking) separates two things measured, such a pair is two of them, not a disagreement. Closer readings
    stay a disagreement ('7' by one agency, '6.8' by another). The counterpart, for counts, of ``_far_apart``."""
    va, vb = _num(a.value), _num(b.value)
    if rule.apart_by is None or va is None or vb is None or abs(va - vb) < rule.apart_by:
        return None
    return (f"{min(va, vb):g} and {max(va, vb):g} are {abs(va - vb):.1f} apart (the {rule.id} rule's limit is "
            f"{rule.apart_by:g}): most likely two different events measured")


class _PerClaim:
    """What the pairs of one block ask of each claim (its intervals, population, quote; the subject of two places),
    worked out once per claim: a claim meets many others, up to twice the timeline window in a huge block and
    every other claim in a small one. Keyed by ``id``: one block's claims, alive while it is judged."""

    def __init__(self, rule: Rule):
        self.rule = rule
        self._intervals: dict[int, tuple[Interval, Interval]] = {}
        self._populations: dict[int, str] = {}
        self._says: dict[int, str] = {}
        self._subjects: dict[tuple, str] = {}

    def intervals(self, c: Claim) -> tuple[Interval, Interval]:
        return _memo(self._intervals, id(c), lambda: (strict_interval(c), loose_interval(c, self.rule)))

    def population(self, c: Claim) -> str:
        return _memo(self._populations, id(c), lambda: population_of(c, self.rule))

    def says(self, c: Claim) -> str:
        return _memo(self._says, id(c), lambda: _says(c, self.rule))

    def subject(self, a: Claim, b: Claim) -> str:
        """``subject_name`` of a pair: it reads only their places."""
        return _memo(self._subjects, (a.place, b.place), lambda: subject_name(self.rule, (a, b)))


def _memo(store: dict, key, make):
    """store[key], made by ``make()`` the first time it is asked for."""
    got = store.get(key)
    if got is None:
        got = store[key] = make()
    return got


#: Claim-id pair -> what the judge made of it, filled only when a caller (benchmarks/stories.py --show) sets a dict.
TRACE: dict | None = None


class _Block:
    """What one block's pairs share: the rule, the block's headline lines, its articles' own parts and several-site
    articles, the far-apart ratio, and each claim's memoised work (``_PerClaim``)."""

    def __init__(self, group: list[Claim], rule: Rule, rules: RuleSet, story):
        self.rule, self.rules, self.story = rule, rules, story
        self.lines = body_lines(group)  # a claim above its article's first body claim is in the headline
        self.parts = own_parts(group, rule, rules, self.lines)
        self.multi = multi_site_articles(group) if rule.compare == "cumulative" else frozenset()
        self.max_ratio = float(rules.settings.get("max_figure_ratio", MAX_FIGURE_RATIO))
        self.memo = _PerClaim(rule)
        self._several: dict[str, bool] = {}

    def several(self, article: str) -> bool:
        """Whether an article of this article's story names several sites (``multi_site_articles``)."""
        if article not in self._several:
            self._several[article] = any(self.story(article, m) for m in self.multi)
        return self._several[article]

    def scope(self, a: Claim, b: Claim) -> list[str]:
        """Why a and b count different things, before their figures are weighed: the rule's scope keys, one site
        of several, a part its own article shows."""
        reasons = scope_reasons(a, b, self.rule, self.rules, self.memo.population)
        if not reasons and self.multi:
            site = site_of_several(a, b, self.several) or site_of_several(b, a, self.several)
            reasons = [site] if site else []
        for c in (a, b):
            if c.id in self.parts and not reasons:
                reasons = [f"its own article gives \"{c.text}\" beside a total of \"{self.parts[c.id].text}\": a part"]
        return reasons

    def headline_repeat(self, a: Claim, b: Claim) -> bool:
        """'Toll rises to 5,200' over 'more than 5,200': a headline that drops its body's qualifier."""
        return a.article == b.article and a.value == b.value and \
            (_in_headline(a, self.lines) or _in_headline(b, self.lines))

    def apart(self, a: Claim, b: Claim) -> list[str]:
        """Why two figures that disagree most likely count different things: far apart, or one article's two
        figures in different words."""
        far = _far_apart(a, b, self.max_ratio, self.memo.intervals) or _apart_by(a, b, self.rule)
        if far:
            return [far]
        if a.article == b.article and not _two_sources(a, b) \
                and _worded_apart(*sorted((a, b), key=lambda c: self.memo.intervals(c)[0].hi)):
            return ["one article gives both figures in different words, most likely for different things"]
        return []


def _judge_block(group: list[Claim], rule: Rule, rules: RuleSet, story, drafts, out: _Judged, pairs=None) -> None:
    """Every pair of one block (or the candidate ``pairs(group)``, factcheck.blocks): different_scope with reasons, or a verdict."""
    candidates = pairs(group) if pairs is not None else ((a, group[i + 1:]) for i, a in enumerate(group))
    block, trace = _Block(group, rule, rules, story), TRACE
    for a, partners in candidates:
        for b in partners:
            if drafts and a.article not in drafts and b.article not in drafts:
                continue  # checking drafts: the archive was judged already, only pairs with a draft matter
            if _same_sentence(a, b) or not story(a.article, b.article):
                if trace is not None:
                    trace[frozenset((a.id, b.id))] = "same sentence" if _same_sentence(a, b) else "not one story"
                continue
            if rule.require_entity and not (a.entity and b.entity):
                continue
            reasons = block.scope(a, b)
            verdict, why = compare_pair(a, b, rule, block.memo.intervals)
            if verdict != "compatible" and block.headline_repeat(a, b):
                if trace is not None:
                    trace[frozenset((a.id, b.id))] = "headline repeat"
                continue
            if not reasons and verdict != "compatible":
                reasons = block.apart(a, b)
            if trace is not None:
                trace[frozenset((a.id, b.id))] = f"{verdict}: {reasons[0]}" if reasons else verdict
            if reasons:
                if verdict != "compatible":
                    g = out.scope_groups.setdefault((rule.kind, tuple(reasons)), {"claims": [], "pairs": []})
                    g["claims"].extend([a, b])
                    g["pairs"].append((a, b))
                continue
            out.compared.append((a, b, verdict))
            if verdict == "compatible":
                out.compatible.append((a, b))
                continue
            kind = "internal" if a.article == b.article else rule.kind  # one article, two figures for one thing
            out.raw.append((verdict, rule.id, block.memo.subject(a, b), (a.id, b.id),
                            _pair_message(a, b, rule, verdict, why, block.memo.says), kind))


def _components(ids: list[str], edges) -> list[list[str]]:
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        comps[find(i)].append(i)
    return list(comps.values())


def _compatible_findings(group: list[Claim], rule: Rule, judged: _Judged) -> None:
    """One compatible finding per connected group of agreeing claims."""
    by_id = {c.id: c for c in group}
    ids = sorted({x.id for e in judged.compatible for x in e if x.id in by_id}, key=_id_key)
    edges = [(a.id, b.id) for a, b in judged.compatible if a.id in by_id]
    comps = _components(ids, edges)
    comp_of = {i: n for n, comp in enumerate(comps) for i in comp}
    disputed_in: dict[int, int] = defaultdict(int)  # component -> discrepancies between its own figures
    for r in judged.raw:
        if r[0] in ("conflict", "tension"):
            found = {comp_of.get(x) for x in r[3]}
            if len(found) == 1 and None not in found:
                disputed_in[found.pop()] += 1
    for n, comp in enumerate(comps):
        if len(comp) < 2:
            continue
        members = sorted((by_id[i] for i in comp), key=claim_sort_key)
        quoted = "; ".join(f"\"{c.text}\" ({describe_interval(c, rule)}; {c.source or c.article}, "
                           f"{c.published.isoformat() if c.published else 'undated'})" for c in members[:6])
        more = f" and {len(members) - 6} more" if len(members) > 6 else ""
        disputed = disputed_in[n]
        if disputed:
            msg = (f"{len(members)} figures were compared; apart from the {disputed} "
                   f"discrepanc{'y' if disputed == 1 else 'ies'} reported above, they agree: {quoted}{more}.")
        else:
            msg = f"{len(members)} figures agree: {quoted}{more}."
        judged.raw.append(("compatible", rule.id, subject_name(rule, members), tuple(c.id for c in members), msg,
                           rule.kind))


def _scope_findings(rule: Rule, judged: _Judged) -> None:
    for (_, reasons), g in judged.scope_groups.items():
        seen: dict[str, Claim] = {}
        for c in g["claims"]:
            seen.setdefault(c.id, c)
        members = sorted(seen.values(), key=claim_sort_key)
        a, b = g["pairs"][0]
        extra = len(g["pairs"]) - 1
        msg = (f"{_quote(a, rule)} ({a.source or a.article}) and {_quote(b, rule)} ({b.source or b.article}) "
               f"were not compared: {'; '.join(reasons)}"
               + (f" ({extra} more such pair{'s' if extra > 1 else ''})" if extra else "") + ".")
        judged.raw.append(("different_scope", rule.id, rule.subject, tuple(c.id for c in members), msg, rule.kind))


_SUBJECT_ORDER = {"conflict": 0, "tension": 1, "compatible": 2, "single": 3}


def _subjects(blocks: dict, rules: RuleSet, compared: list[tuple[Claim, Claim, str]]) -> list[Subject]:
    """Subjects: claims of one frame joined by a judged pair (or alone), in time order, with their worst verdict."""
    worst: dict[str, str] = {}
    for a, b, verdict in compared:
        for c in (a, b):
            if _SUBJECT_ORDER[verdict] < _SUBJECT_ORDER.get(worst.get(c.id, "single"), 3):
                worst[c.id] = verdict
    edges = [(a.id, b.id) for a, b, _ in compared]
    out = []
    for (kind, _), group in blocks.items():
        rule = rules.rule_for(kind)
        by_id = {c.id: c for c in group}
        for comp in _components(sorted(by_id, key=_id_key), [e for e in edges if e[0] in by_id]):
            members = sorted((by_id[i] for i in comp), key=lambda c: (claim_date(c) or date.max, claim_sort_key(c)))
            verdicts = [worst.get(c.id, "single") for c in members]
            verdict = min(verdicts, key=_SUBJECT_ORDER.__getitem__)
            head = members[0]
            out.append(Subject(id="", rule=rule.id, measure=head.measure or kind, population=head.population,
                               place=head.place_root, event=head.event, claims=tuple(c.id for c in members),
                               verdict=verdict, name=subject_name(rule, members)))
    out.sort(key=lambda s: (_SUBJECT_ORDER[s.verdict], s.name, [_id_key(x) for x in s.claims]))
    return [dataclasses.replace(s, id=f"S{n}") for n, s in enumerate(out, 1)]


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off while judging: judging builds objects that stay (pairs, messages, findings),
    and each full collection would walk them and every claim again (a fifth of the time of a 10,000-article
    block); judging makes next to no cycles, and the collector runs again afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compare_claims(claims, rules: RuleSet, articles=None, with_subjects: bool = False):
    """Findings for a claims table (one column per Claim field) under the rules.

    ``articles`` (columns id, source, published, title, names) tells which articles are
    about the same story; without it every article is taken to be about one story.
    Claims are compared only inside a block (``block_key``), so the cost grows with the
    blocks, not with the square of the whole table. With ``with_subjects`` the result is
    (findings, subjects).
    """
    with _collector_paused():
        return _compare_claims(claims, rules, articles, with_subjects)


def _compare_claims(claims, rules: RuleSet, articles, with_subjects: bool):
    all_claims = _row_claims(claims) if not isinstance(claims, list) else list(claims)
    live = [assign(c, rules) for c in all_claims
            if c.kind and not c.duplicate_of and (c.modality or "asserted") == "asserted" and rules.rule_for(c.kind)]
    incidents = _incidents(live)
    names = _names_index(articles)
    story, drafts = _story_judge(articles, rules, incidents, names)
    pairs = _pair_finder(articles, drafts, rules, incidents, story, names)
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in live:
        blocks[block_key(c, rules)].append(c)
    raw: list[tuple] = []
    compared: list[tuple[Claim, Claim, str]] = []
    for key in sorted(blocks):
        rule = rules.rule_for(key[0])
        group = sorted(blocks[key], key=claim_sort_key)
        blocks[key] = group
        judged = _Judged()
        _judge_block(group, rule, rules, story, drafts, judged, pairs)
        _compatible_findings(group, rule, judged)
        _scope_findings(rule, judged)
        raw.extend(judged.raw)
        compared.extend(judged.compared)
    for kind, ids, msg in parts_exceed_total(live):
        rule = rules.rule_for(kind)
        raw.append(("conflict", rule.id, rule.subject, ids, msg, "parts_exceed_total"))
    subjects = _subjects(blocks, rules, compared)
    subject_of = {cid: s.id for s in subjects for cid in s.claims}
    order = {v: i for i, v in enumerate(VERDICTS)}
    # claims in ``_id_key`` order, as ranks: a claim is in many findings, and ints compare faster than its key
    rank = {cid: n for n, cid in enumerate(sorted({x for r in raw for x in r[3]}, key=_id_key))}
    raw.sort(key=lambda r: (order[r[0]], r[2], r[1], tuple(map(rank.__getitem__, r[3])), r[4]))
    findings = [Finding(id=f"F{n}", rule=rid, kind=kind, subject=subject, verdict=verdict,
                        severity=_severity(verdict, rules.by_id.get(rid)), claims=ids, message=msg,
                        subject_id=subject_of.get(ids[0]))
                for n, (verdict, rid, subject, ids, msg, kind) in enumerate(raw, 1)]
    return (findings, subjects) if with_subjects else findings
