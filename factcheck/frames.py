"""Subject frames: what a figure counts (measure), whose (population), where, about which event.

Two claims are compared only when their frames unify, and sameness must be shown,
not assumed. ``assign`` fills a classified claim's frame; ``frame_key`` is the block
key that comparison (and the on-disk index) groups claims by: measure, population,
the country the place lies in, and the event. Inside a block, ``place_reasons`` still
tells a district from another district of the same country.
"""

from __future__ import annotations

import re

import dataclasses

from factcheck.model import Claim

__all__ = ["assign", "frame_key", "population_of", "place_reasons", "subject_name"]


def population_of(claim: Claim, rule) -> str:
    """Who is counted, as the rule's noun class ("person", "child"), with a part's qualifier ("person:Kenya")."""
    if not claim.noun:
        base = rule.unstated_noun or "unstated"
    else:
        n = claim.noun.lower()
        base = rule.noun_class.get(n, n)
    part = part_of(claim, by_place="place" in rule.scope)
    if part and part not in ("part", "increase"):
        from factcheck.quantities import singular

        named = rule.noun_class.get(singular(part.lower()))
        if named == base:
            return base  # "including four children": the noun already says which part
        if named and base == rule.unstated_noun:
            return named  # "5 of them were children" counts children, like "four children"
    if part == "part" and rule.unstated_noun and base != rule.unstated_noun:
        part = None  # "the dead included 19 foreigners": the noun already says which part, and meets "26 foreigners"
    return f"{base}:{part}" if part else base


def part_of(claim: Claim, by_place: bool = True) -> str | None:
    """The qualifier that makes a figure a part of the story's total, or None for the total itself.

    A nationality ("32 Kenyans"), a marker in the sentence ("including 12 children", "Of the 67
    dead, 31 ..."), or a country's figure where the article gives the same measure for several
    countries ("Kenya has reported 32 deaths", factcheck.claims).
    """
    from factcheck.places import country_of_demonym

    if claim.noun:
        nation = country_of_demonym(claim.noun)
        if nation is not None:
            return nation.name
    if claim.part:
        nation = country_of_demonym(claim.part)
        if nation is None:
            return claim.part
        return nation.name if by_place else None  # a nationality qualifies people, not a count of countries
    return None


def frame_key(measure: str | None, population: str | None, place_root: str | None, event: str | None) -> str:
    """The block key: 'deaths|person|ID|earthquake'; '*' where the frame says nothing."""
    return "|".join(x or "*" for x in (measure, population, place_root, event))


def assign(claim: Claim, rules) -> Claim:
    """The claim with measure, population and frame filled from its rule (unchanged when no rule applies)."""
    rule = rules.rule_for(claim.kind) if claim.kind else None
    if rule is None:
        if claim.frame is None and claim.measure is None:
            return claim
        return dataclasses.replace(claim, measure=None, population=None, frame=None)
    population = population_of(claim, rule)
    frame = frame_key(rule.kind, population, claim.place_root, claim.event)
    if (claim.measure, claim.population, claim.frame) == (rule.kind, population, frame):
        return claim
    return dataclasses.replace(claim, measure=rule.kind, population=population, frame=frame)


def _resolved(claim: Claim):
    from factcheck.places import lookup

    out = []
    for name in (claim.place or "").split(";"):
        place = lookup(name.strip(), prefer=claim.place_root)
        if place is not None:
            out.append(place)
    return out


#: Incidents with one site: a figure for the town and one for its country count the same people. (An earthquake
#: or a storm covers an area: there a town's figure is a part.)
SITE_EVENTS = frozenset({"crash", "fire", "attack", "crush", "collapse"})


def place_reasons(a: Claim, b: Claim) -> list[str]:
    """[] when a's and b's places are the same or one lies inside the other; else why not."""
    from factcheck.places import contains, lookup

    pa, pb = _resolved(a), _resolved(b)
    several = several_countries(pa, pb)
    if several:
        return [several]
    if set(pa) & set(pb):
        return []
    story = [p for p in (lookup(a.story_place), lookup(b.story_place)) if p is not None]
    for x in pa:
        for y in pb:
            inner = y if contains(x, y) else x if contains(y, x) else None
            # "in Indonesia" and "in Palu" name one place when the story is about Palu; when the
            # story is about the country, the town's figure is a part of it
            if inner is not None and any(contains(inner, s) for s in story):
                return []
            if inner is not None and a.story_event in SITE_EVENTS and b.story_event == a.story_event:
                return []  # one crash has one site: "in Larissa" and "in Greece" name the same toll
    if _unknown_site_in_country(a, pb) or _unknown_site_in_country(b, pa):
        return []
    return [f"different places: {a.place} vs {b.place}"]


def _wide(places: list) -> bool:
    """Places that span several countries: two countries or more, or a part of the world ("East Africa")."""
    return len({p.country for p in places if p.kind == "country"}) > 1 or any(p.kind == "area" for p in places)


def several_countries(pa: list, pb: list) -> str | None:
    """'750 in Mozambique, Zimbabwe and Malawi' is a total over three countries, and '602 in Mozambique' one of its
    parts: figures over different numbers of countries never count the same people."""
    ca, cb = {p.country for p in pa}, {p.country for p in pb}
    if ca and cb and ca != cb and (len(ca) > 1 or len(cb) > 1 or _wide(pa) or _wide(pb)):
        return f"different countries: {', '.join(sorted(ca))} vs {', '.join(sorted(cb))}"
    return None


def several_countries_of(a: Claim, b: Claim) -> str | None:
    return several_countries(_resolved(a), _resolved(b))


def spans_countries(c: Claim) -> bool:
    """Whether the claim's own places span several countries (then it is never compared with an unplaced figure)."""
    return _wide(_resolved(c))


def wide_article(c: Claim) -> bool:
    """An article about a part of the world ("More than 400 people have died in East Africa"): a figure in it that
    names no place may be any of its countries', so it is never compared with one country's figure."""
    return (c.place_root or "").startswith("area:")


def unplaced_in_wide_article(a: Claim, b: Claim, placed_a: bool, placed_b: bool) -> str | None:
    """Why an unplaced figure of an article about a part of the world is not compared: with one country's figure,
    or with an unplaced figure of an article about one country. None when neither applies."""
    if placed_a != placed_b:
        unplaced, placed = (b, a) if placed_a else (a, b)
        if wide_article(unplaced):
            return f"a figure with no place in an article about {unplaced.story_place} vs one for {placed.place}"
    elif not placed_a and wide_article(a) != wide_article(b):
        wide = a if wide_article(a) else b
        return f"a figure with no place in an article about {wide.story_place} vs one in an article about one country"
    return None


def outside_story(c: Claim, other: Claim) -> str | None:
    """'That Lion Air flight crashed in Indonesia, killing 189' in a story set in Ethiopia: a figure whose every
    place lies in another country than the one both articles are about is about somewhere else, even when the
    other claim names no place. Nationality parts are told apart by their population, not here."""
    if other.place_root is None or other.place_root != c.place_root or (c.population or "").partition(":")[2]:
        return None  # only where both articles agree on where the story is
    places = _resolved(c)
    if places and all(p.country != other.place_root for p in places):
        return f"different places: {c.place} vs the story's {other.story_place or other.place_root}"
    return None


#: Incidents that cover an area: there a named town's or province's figure is a part of the toll.
AREA_EVENTS = frozenset({"earthquake", "storm"})


def area_part(c: Claim, other: Claim) -> str | None:
    """'In neighbouring Toyama Prefecture, 36 people were injured' in a story of an earthquake about Ishikawa: a
    figure for one place of the stricken area, when that place is neither the country nor the place either article
    is about, is a part of the toll an unplaced figure gives."""
    from factcheck.places import contains, lookup

    if c.event not in AREA_EVENTS or c.story_event not in AREA_EVENTS:
        return None
    stories = [p for s in (c.story_place, other.story_place) if (p := lookup(s, prefer=c.place_root)) is not None]
    names = [n.strip() for n in (c.place or "").split(";") if n.strip()]
    if not names or any(n in (c.story_place, other.story_place) for n in names):
        return None
    for name in names:
        place = lookup(name, prefer=c.place_root)
        if place is not None and (place.kind in ("country", "area") or place.country != c.place_root):
            return None  # a country's figure is the whole toll; one abroad is told apart elsewhere
        if place is not None and any(contains(place, s) or contains(s, place) for s in stories):
            return None  # "in Derna" in a story about Derna
    return f"a figure for {c.place}, one part of the {c.event}'s area, vs one for the whole"


def _unknown_site_in_country(c: Claim, other: list) -> bool:
    """'79 died off Pylos' against '78 died in Greece': a site the gazetteer does not know (a small town, a
    coast) in a story set in that country is taken to lie inside it, so the figures meet."""
    names = [n.strip() for n in (c.place or "").split(";") if n.strip()]
    return bool(names) and not _resolved(c) and any(p.kind == "country" and p.country == c.place_root for p in other)


def subject_name(rule, claims) -> str:
    """'deaths in Palu': the rule's subject, plus the place every claim shares."""
    places = [frozenset(p.strip() for p in (c.place or "").split(";") if p.strip()) for c in claims]
    common = frozenset.intersection(*places) if places and all(places) else frozenset()
    return f"{rule.subject} in {sorted(common)[0]}" if common else rule.subject


def multi_site_articles(group) -> frozenset[str]:
    """Articles that give one measure's figures for two places or more, neither inside the other ("22 killed in
    Kyiv ... 10 in Kryvyi Rih"): their incident struck several sites (a wave of strikes), so the one-site rule
    (a town's figure is its country's toll) does not hold for their story. Parts and repeats do not count."""
    from factcheck.places import contains

    seen: dict[str, list] = {}
    named_with: dict[frozenset, set[str]] = {}  # places one figure names together, and in which articles
    for c in group:
        if c.duplicate_of or c.dimension != "count" or c.part or _another_incident(c):
            continue
        local = [p for p in _resolved(c) if p.kind in ("city", "region")]
        for i, p in enumerate(local):
            for q in local[i + 1:]:
                named_with.setdefault(frozenset((p, q)), set()).add(c.article)
        seen.setdefault(c.article, []).extend(local)
    # "141 dead in Morbi, Gujarat" in several articles: one place inside the other (the gazetteer's own
    # containment misses a town's state when their codes come from two data sets)
    together = {pair for pair, articles in named_with.items() if len(articles) > 1}
    out = set()
    for article, places in seen.items():
        if any(p != q and frozenset((p, q)) not in together and not contains(p, q) and not contains(q, p)
               for i, p in enumerate(places) for q in places[i + 1:]):
            out.add(article)
    return frozenset(out)


#: "another mass shooting in Dayton", "trailing only the 2012 shooting at Sandy Hook": a figure of another incident.
_ANOTHER = re.compile(r"\b(?:another|previous|earlier|deadliest|second-deadliest|trailing|since)\b", re.I)


def _another_incident(c: Claim) -> bool:
    """A figure told of an earlier incident (its day weeks before the article, or the sentence says so)."""
    if c.as_of and c.published and (c.published - c.as_of).days > 7:
        return True
    return bool(_ANOTHER.search(c.sentence or ""))


def site_of_several(c: Claim, other: Claim, several) -> str | None:
    """'33 killed in Kyiv' against '44 killed' in a story of strikes on several cities: the town's figure is one
    site's part of the toll, not the toll. None unless an article of their story names several sites
    (``several(article)``, from multi_site_articles)."""
    from factcheck.places import contains

    if c.story_event not in SITE_EVENTS | AREA_EVENTS or not several(c.article):
        return None
    inner = [p for p in _resolved(c) if p.kind in ("city", "region")]
    outer = _resolved(other)
    if not inner or any(p.kind in ("city", "region") for p in outer):
        return None
    if outer and not all(contains(o, i) for o in outer for i in inner):
        return None
    return f"a figure for {c.place}, one of the places struck, vs one for the whole"
