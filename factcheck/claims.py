"""Turn one article into claims: each quantity with what, where, when and according to whom.

``extract_claims(article)`` is a pure function of one Article: no global state, no
other article needed, so it can run on millions of articles in parallel. The
subject ``kind`` stays None here; the rules fill it in (factcheck.rules).

What is read from the sentence, by small patterns rather than a language model
(none may be downloaded at run time, and they would be slow):
- predicate: what happened to the counted thing ("killed", "fled", "under siege",
  "at risk of siege", "member"), the one nearest the figure;
- place: names after "in/near/across/throughout..." or "siege/bombardment of",
  else a possessive before "war/conflict", else the demonym the figure counts;
- attribution: "according to X", "X said/says/reported", "an NGO report says";
- as_of: a stated date, or a weekday/"today" resolved against the publication date (factcheck.dates);
- since: the start of a counted window ("since February 1"); "since the war began"
  is the whole conflict and leaves it empty;
- event: the war, offensive, earthquake... the figure belongs to;
- modality: "hypothetical" when a would/could/might/if clause governs the figure;
- entity: the named group a size belongs to ("17-nation Syria contact group").
A repeated paragraph or caption (same figure, same words around it) is marked
``duplicate_of`` its first mention, so it is never counted twice.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from datetime import date, datetime, timedelta
from functools import lru_cache

from factcheck.dates import _STARTED_IN, _as_of, _since
from factcheck.limits import bounded_sentences
from factcheck.load import body_spans
from factcheck.model import Article, Claim, Quantity
from factcheck.measures import (clause_bounds, feared, increment, money_purpose, nationality_in_clause, nearest,
                                part_marker, physical_measure, predicate, refers_back, revision,
                                spans_of_each, timeline_step)
from factcheck.places import DEMONYMS, lookup
from factcheck.places import _index as places_index
from factcheck.quantities import extract_quantities

__all__ = ["extract_claims", "split_sentences", "article_names", "DEMONYMS"]

# ---------------------------------------------------------------- sentences
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|Prof|No|Nos|vs|etc|Inc|Ltd|Co|Corp|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|al|ca|fig|p|pp)|\b[A-Z](?:\.[A-Z])*)\.$"
)
_SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets inside text[start:end], one paragraph; abbreviations do not end a sentence."""
    out = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        head = text[s:m.start() + 1]
        if _ABBREV.search(head.rstrip()):
            continue
        out.append((s, m.start() + len(m.group().rstrip())))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


# ---------------------------------------------------------------- predicates
_EVENTS: list[tuple[str, re.Pattern]] = [
    ("war", re.compile(r"\b(?:civil war|war|conflict|fighting|insurgency|uprising|crisis)\b", re.I)),
    ("offensive", re.compile(r"\b(?:offensives?|assaults?|onslaught|bombardments?|bombing campaign|air campaign|military campaign|military operations?|ground operations?)\b", re.I)),
    ("attack", re.compile(r"\b(?:attacks?|bombings?|blasts?|explosions?|shootings?|massacres?|airstrikes?|air strikes?|strikes?)\b", re.I)),
    ("earthquake", re.compile(r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|tsunamis?)\b", re.I)),
    ("storm", re.compile(r"\b(?:hurricane|typhoon|cyclone|storm|tornado|flood(?:s|ing)?|landslides?|mudslides?|monsoon)\b", re.I)),
    ("fire", re.compile(r"(?<!\bopened )(?<!\bopen )(?<!\bopening )(?<!\breturned )(?<!\bcease-)(?<!\bcease)(?<!\bcross)"
                        r"(?<!\bcross-)(?<!\bgun)\b(?:fires?(?!\s+(?:department|service|brigade|authorit\w*|officials?|chief|"
                        r"fighters?|station|trucks?|engines?|rescue|crews?|on|at|into|upon)\b)|wildfires?|blazes?|"
                        r"bushfires?)\b", re.I)),
    ("crash", re.compile(r"\b(?:crash(?:es)?|airliner|plane|derailment|collision|sinking|capsized|capsizing|shipwrecks?)\b", re.I)),
    ("crush", re.compile(r"\b(?:crowd crush|crush|stampede|crowd surge|crowd collapse|riots?|rioting)\b", re.I)),
    ("collapse", re.compile(r"\b(?:(?:building|bridge|condo|condominium|tower|partial|roof|mine|dam|stadium|apartment|"
                            r"structural)\s+collapse|collapsed (?:building|tower|bridge|condo|structure)|collapse of|"
                            r"(?:building|tower|bridge|block|condo|complex|structure|roof|dam|mine)\s+(?:\w+\s+)?"
                            r"(?:collapsed|caved in|came down))\b", re.I)),
    ("epidemic", re.compile(r"\b(?:epidemic|pandemic|outbreak|virus|disease|cholera|ebola|covid(?:-19)?)\b", re.I)),
    ("famine", re.compile(r"\b(?:famine|drought|starvation)\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiations|meeting|summit|(?<!news )(?<!press )conference)\b", re.I)),
]

_MODAL = re.compile(r"\b(?:would|could|might|may|if|unless|threatens? to|stands? to|risks?|feared|fears?|projected|forecast|"
                    r"expected to)\b(?!\s+have\b)[^,;:.]*$", re.I)  # "may have carried 700": an estimate, not a hypothesis

# ---------------------------------------------------------------- places
_PLACE_PREP = re.compile(
    r"\b(?i:in|near|off|across|throughout|inside|outside|around|at|from|to|over|into|within|toward|towards|"
    r"off the coast of|(?:coast|shores?) of|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"(?:city|town|province|region|district|siege|bombardment|shelling|capital|village|governorate|state|county|suburbs?) of)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|northwest|northeast|southwest|"
    r"southeast|rebel-held|besieged|neighbouring|neighboring|nearby|coastal|rural|impoverished|flood-hit|quake-hit|"
    r"storm-hit|hard-hit|war-torn)\s+)?"
    r"(?P<place>[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,2})"
)
_POSSESSIVE_PLACE = re.compile(r"\b(?P<place>[A-Z][a-z]+)['’]s\s+(?:civil war|war|conflict|capital|largest city|north|south|east|west|border|crisis)\b")
_NOT_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An",
    "This", "That", "These", "Those", "His", "Her", "Their", "Its", "It", "He", "She", "They", "We", "I", "Feb",
    "Jan", "Dec", "Nov", "Oct", "Sept", "Sep", "Aug", "Apr", "Mar", "Day", "Power", "Europe's", "Secretary",
    "President", "Minister", "Foreign", "State", "Islamic", "Reuters", "AFP", "AP", "UN", "U.N", "ISIS", "IS",
}

# ---------------------------------------------------------------- attribution, dates
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"()]{3,90})", re.I)
_SAID = re.compile(r"\b(?P<verb>said|says|say|reported|reports|report says|estimated|estimates|told|announced|stated)\b")
_SAID_AFTER = re.compile(r"^[,\s]*[\"”’']*[,\s]*(?P<who>(?:the |an? )?[A-Za-z][\w.’'-]*(?: [A-Za-z][\w.’'-]*){0,5}?)\s+(?:said|says|reported|estimated)\b")
_TABLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TABLE_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*")

# ---------------------------------------------------------------- entities
_GROUP_HEAD = r"(?:[Gg]roup|[Cc]oalition|[Aa]lliance|[Bb]loc|[Cc]ouncil|[Uu]nion|[Aa]greement|[Aa]ccord|[Tt]reaty|[Pp]act|[Cc]onvention|[Pp]rotocol|[Cc]ommittee|[Oo]rgani[sz]ation|[Ff]orum|[Ss]ummit|[Pp]artnership|[Cc]ommission)"
_ENTITY_AFTER = re.compile(r"^\s+(?P<name>(?:[A-Z][\w-]*\s+){0,4}(?:[a-z]+\s+)?" + _GROUP_HEAD + r")\b")
_ENTITY_COPULA = re.compile(r"(?P<name>\b(?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,5})\s+(?:is|was|are|were|,)\s+(?:now\s+)?(?:a|an)\s+(?:\w+\s+)?(?:group|coalition|alliance|bloc|grouping|club|union|body)\s+of\s*$")
_ENTITY_NAMED = re.compile(r"(?P<name>\b(?:[A-Z][\w-]*\s+){1,4}(?:[a-z]+\s+){0,2}" + _GROUP_HEAD + r"|\b(?:[A-Z][\w-]*\s+){0,4}" + _GROUP_HEAD + r")\b|\b(?P<acronym>[A-Z]{2,6})\b")
_GROUP_NOUNS = {"country", "nation", "member", "state", "delegate", "delegation", "party", "signatory", "government"}

_WORD_NORM = re.compile(r"[a-z0-9]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " ", "\u202f": " "})


def extract_claims(article: Article) -> list[Claim]:
    """All claims in one article, in text order, repeats marked as duplicates of their first mention."""
    text = article.text
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    claims: list[Claim] = []
    fingerprints: list[tuple[tuple, list[str], list[str], str]] = []
    index: dict[str, int] = {}
    agreements: list[str] = []  # named agreements so far, so "the accord" can be resolved
    spans = body_spans(text)
    all_agreements: list[str] | None = None  # the article's named agreements, read when a figure needs them
    story = _story_context(article, spans)
    spans_start = spans[0][0] if spans else len(text)
    n = 0
    last_measure: str | None = None  # "the toll rose to 90": the measure named last, in the paragraph or before
    for p_start, p_end in spans + _title_span(text):  # the headline last: it usually repeats a figure of the body
        para_places: set[str] = set()
        for s_start, s_end in bounded_sentences(text, p_start, p_end):  # windows and caps: factcheck.limits
            sentence = text[s_start:s_end]
            for m in _ENTITY_NAMED.finditer(sentence):
                named = _canonical_entity(m.group("name"))
                if named and named.endswith("Agreement"):
                    agreements.append(named)
            read = _read_sentence(article, sentence, s_start, line_starts, n, last_measure)
            read, para_places = _paragraph_place(sentence, read, para_places, story)
            for q, claim in read:
                n += 1
                if claim.predicate and claim.dimension == "count":
                    last_measure = claim.predicate
                if claim.entity is None and q.noun in _GROUP_NOUNS and _generic_head(sentence):
                    if all_agreements is None:
                        all_agreements = sorted({name for s, e in spans for m in _ENTITY_NAMED.finditer(text[s:e]) if
                                                 (name := _canonical_entity(m.group("name"))) and name.endswith("Agreement")})
                    named = agreements[-1] if agreements else (all_agreements[0] if len(all_agreements) == 1 else None)
                    if named:
                        claim = _replace(claim, entity=named)
                key = (claim.value, claim.low, claim.high, claim.bound, claim.unit, claim.noun, claim.dimension)
                left, right = _context_words(sentence, q.start, q.end)
                dup_of = None
                for prev_key, prev_left, prev_right, prev_id in fingerprints:
                    if prev_key == key and prev_left == left and _prefix_match(prev_right, right):
                        dup_of = prev_id
                        break
                if dup_of is None and p_end <= spans_start:
                    dup_of = _headline_repeat(claim, claims)
                if dup_of is None:
                    fingerprints.append((key, left, right, claim.id))
                    index[claim.id] = len(claims)
                else:
                    first = claims[index[dup_of]]
                    claims[index[dup_of]] = _fill_missing(first, claim)
                    claim = _replace(claim, duplicate_of=dup_of)
                claims.append(claim)
    claims = _dated_by_first_mention(_country_breakdown(_timeline_lists(text, _fact_box(text, claims), article.published)))
    return [_local_currency(_in_story(c, story)) for c in claims]  # after repeats filled in what a cut-short first
    # mention lacked


def _dated_by_first_mention(claims: list[Claim]) -> list[Claim]:
    """'Officials on Saturday raised the toll to 39. ... the cause of death for the 39 was drowning': a figure the
    article gives again, with no day of its own, is the one it dated at first mention (headline included)."""
    dated: dict[tuple, date] = {}
    out = []
    for c in claims:
        key = (c.value, c.low, c.high, c.bound, c.predicate)
        if c.dimension != "count" or c.value is None or c.revision or c.predicate is None:
            out.append(c)
            continue
        if c.as_of is None and key in dated:
            c = _replace(c, as_of=dated[key])
        elif c.as_of is not None:
            dated.setdefault(key, c.as_of)
        out.append(c)
    return out


_WHOLE = re.compile(r"\b(?:national|nationwide|countrywide|across the country|the country|overall|in all|altogether|total|"
                    r"cumulative)\b", re.I)


def _paragraph_place(sentence: str, read: list[tuple[Quantity, Claim]], before: set[str],
                     story: tuple[str | None, str | None, str | None]) -> tuple[list[tuple[Quantity, Claim]], set[str]]:
    """'With 244 deaths ... Balochistan is the worst-hit province. Out of 61,488 houses damaged, 17,528 ...': a
    sentence that names no place goes on about the one place its paragraph named, when that place lies inside
    the story's country (the country itself is every unplaced figure's default) and the sentence does not speak
    of the whole ("the national toll")."""
    here = {c.place for _, c in read if c.place}
    if here or not read:
        return read, (before | here) if here else before
    if len(before) != 1 or _WHOLE.search(sentence):
        return read, before
    (place,) = before
    found = lookup(place)
    if found is None or found.kind == "country" or story[0] is None or found.country != story[0]:
        return read, before
    return [(q, _replace(c, place=place) if c.dimension == "count" else c) for q, c in read], before


def _country_breakdown(claims: list[Claim]) -> list[Claim]:
    """'Mozambique has reported 417 deaths ... Zimbabwe 259, Malawi 56': where an article gives one measure for
    several countries, each country's figure is a part of the story's total."""
    countries: dict[str, set[str]] = {}
    own: dict[str, str] = {}
    for c in claims:
        places = [p for name in (c.place or "").split(";") if (p := lookup(name.strip())) is not None]
        if c.dimension == "count" and c.predicate and len(places) == 1 and places[0].kind == "country":
            countries.setdefault(c.predicate, set()).add(places[0].name)
            own[c.id] = places[0].name
    return [_replace(c, part=own[c.id]) if c.id in own and c.part is None and len(countries[c.predicate]) >= 2 else c
            for c in claims]


def _timeline_lists(text: str, claims: list[Claim], published: date | None) -> list[Claim]:
    """A bulleted run of two or more timed steps ("- Early Saturday: 296", "- In the evening: 1,037") tells how a
    figure grew before the article's own latest figure: its undated figures are earlier ones."""
    lines = text.splitlines()
    steps = {i + 1 for i, line in enumerate(lines) if timeline_step(line)}
    runs = {n for n in steps if n - 1 in steps or n + 1 in steps or n - 2 in steps or n + 2 in steps}
    if not runs or published is None:
        return claims
    out = []
    for c in claims:
        if c.line in runs and c.dimension == "count" and c.revision is None:
            c = _superseded(c)
        out.append(c)
    return out


def _story_context(article: Article, spans) -> tuple[str | None, str | None, str | None]:
    """(main country code, main place, main event) of the article: what a figure is about when its sentence does not say."""
    countries: Counter[str] = Counter()
    places: Counter[str] = Counter()
    events: Counter[str] = Counter()
    chunks = [(article.title or "", 3)] + [(article.text[s:e], 1) for s, e in _leading(spans, STORY_CONTEXT_CHARS)]
    dateline = _DATELINE.match(article.text[spans[0][0]:spans[0][1]]) if spans else None
    if dateline:  # "COLOMBO, Sri Lanka —": where the story was filed from, usually where it happened
        chunks.append((" in ".join([""] + [w.strip().title() for w in dateline.group("where").split(",")]), 2))
    first: dict[str, tuple[int, int]] = {}  # event label -> (chunk, offset) of its first mention
    for i, (chunk, weight) in enumerate(chunks):
        if not chunk:
            continue  # no title: nothing named
        sites, hits = _event_mentions(chunk)
        for name, strength in _place_mentions(chunk) + _named_places(chunk) + sites + _authorities(chunk):
            place = lookup(name)
            if place is not None:
                countries[place.country] += weight * strength
                places[place.name] += weight * strength
        for label, n, at in hits:
            events[label] += weight * n
            first.setdefault(label, (i, at))
    incidents = {k: v for k, v in events.items() if k != "talks"} or events  # an incident over the talks about it
    countries, places = _corroborated(countries, places, chunks)
    country = _top(countries)
    local = {k: v for k, v in places.items() if (p := lookup(k)) is not None and p.country == country}
    event = _top_event(incidents, first)
    inner = {k: v for k, v in local.items() if lookup(k).kind != "country"}
    if event == "attack" and inner and max(inner.values()) >= INNER_SITE_SHARE * max(local.values()):
        local = inner  # a strike "in Kramatorsk" is about Kramatorsk, however often the article names Ukraine
    return country, _top(local or places), event  # "Tempe" (Arizona) is never a Greek story's place


def _corroborated(countries: Counter, places: Counter, chunks) -> tuple[Counter, Counter]:
    """'Mati' in a story of Attica's wildfire is a Greek village, not Mati in the Philippines: a town whose country the
    article never names (nor a region, another town or a demonym of it) is a namesake abroad, when the named countries
    weigh at least NAMESAKE_SHARE of such towns and the town has fewer than NAMESAKE_POPULATION people."""
    if len(countries) < 2:
        return countries, places  # one country: nothing to doubt (and nothing to scan)
    from factcheck.places import country_of_demonym

    resolved = {name: lookup(name) for name in places}
    named = Counter({p.country: countries[p.country] for p in resolved.values() if p is not None and p.kind != "city"})
    towns = Counter(p.country for p in resolved.values() if p is not None and p.kind == "city")
    named.update({c: countries[c] for c, n in towns.items() if n > 1})
    for chunk, _ in chunks:  # "Greece declared ...", "Greek officials": the country named outside a place phrase
        for words in _CAPITALISED.findall(chunk):
            for word in words.split():  # "Ukrainian Armed Forces": the demonym alone
                p = country_of_demonym(word) or lookup(word)
                if p is not None and p.kind == "country":
                    named[p.country] += 1
    alone = {name for name, p in resolved.items() if p is not None and p.country not in named
             and p.population < NAMESAKE_POPULATION}
    if not named or sum(named.values()) < NAMESAKE_SHARE * sum(places[k] for k in alone):
        return countries, places  # "firefighters from Spain" once beside Athens and Mati: no reason to doubt them
    return (Counter({c: v for c, v in countries.items() if c in named}),
            Counter({k: v for k, v in places.items() if k not in alone}))


#: Towns of an unnamed country are namesakes when the named countries weigh at least this share of them ...
NAMESAKE_SHARE = 0.5
#: ... and the town is smaller than this: a city such as Sumy is itself, even where its country goes unnamed.
NAMESAKE_POPULATION = 200_000


#: An attack's article is about its town when the town is named at least this share as often as the top place.
INNER_SITE_SHARE = 0.3


#: What an article is about is read off its first this many characters (a news story says it early; a 5 MB text
#: would otherwise be read once per incident pattern).
STORY_CONTEXT_CHARS = 50_000


def _leading(spans, limit: int) -> list[tuple[int, int]]:
    out, left = [], limit
    for s, e in spans:
        if left <= 0:
            break
        out.append((s, min(e, s + left)))
        left -= e - s
    return out


def _event_mentions(chunk: str) -> tuple[list[tuple[str, float]], list[tuple[str, int, int]]]:
    """(event sites, each event label with how often the chunk names it and where first), from one scan per event
    pattern.

    Where the incident happened ("the plane crashed near Bishoftu", "capsized off Ukara Island") names the
    story's place more surely than the victims' home countries or an outlet's dateline: triple weight."""
    sites: list[tuple[str, float]] = []
    hits: list[tuple[str, int, int]] = []
    for i, ((label, _), spans) in enumerate(zip(_EVENTS, spans_of_each(_EVENTS, chunk))):  # each pat.finditer(chunk)
        n = 0
        for _, m_end in spans:
            n += 1
            if i == len(_EVENTS) - 1:
                continue  # not "talks"
            tail = re.split(r"[.;!?]", chunk[m_end:m_end + 80], maxsplit=1)[0]
            target = _STRUCK.match(tail) if label in ("attack", "offensive") else None
            if target and lookup(target.group("place")) is not None:
                sites.append((target.group("place"), 3.0))  # "missile strike on Sumy": the place struck
                continue
            sites += [(name, 3 * strength) for name, strength in _place_mentions(tail)[:1] if strength >= 1]
        if n:
            hits.append((label, n, spans[0][0]))
    return sites, hits


#: "strike on Sumy", "attack against Dnipro": the place an attack struck, named right after it.
_STRUCK = re.compile(r"\s+(?:on|against|in)\s+(?:the\s+(?:city|town|village)\s+of\s+|(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?"
                     r"(?:in|at|of|near)\s+)?(?:[A-Z][\w-]+['’]s\s+)?(?P<place>[A-Z][\w'’-]+)")  # "on a train station in Ukraine’s Kramatorsk"


_AUTHORITY = re.compile(r"\b(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??)\s+(?i:authorities|government|officials?|police|army|"
                        r"military|president|prime minister|ministry|navy|coast ?guard|rescuers|health ministry|"
                        r"disaster agency|state media|state television|fire service|fire brigade|civil protection|"
                        r"rescue services?|emergency services?|red crescent|red cross|railways?)\b")


def _authorities(chunk: str) -> list[tuple[str, float]]:
    """'Sri Lankan authorities', 'a Tanzanian government spokesman': the country whose officials speak is the
    story's more often than the victims' home countries are."""
    from factcheck.places import country_of_demonym

    out = []
    for m in _AUTHORITY.finditer(chunk):
        words = m.group("adj").split()
        place = country_of_demonym(" ".join(words)) or country_of_demonym(words[0])  # "Moroccan Interior"
        if place is not None:
            out.append((place.name, 1.0))
    return out


_DATELINE = re.compile(r"^\W*(?P<where>[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z .'’-]+)?)\s*(?:[—–-]+|:|\()")
_CAPITALISED = re.compile(r"\b[A-Z][a-z-]+(?:['’](?!s\b)[a-z-]+)*(?:\s+[A-Z][a-z'’-]+){0,2}\b")  # "Tanzania’s": Tanzania


def _named_places(chunk: str) -> list[tuple[str, float]]:
    """Countries and large towns named anywhere ("Sri Lanka's president", "Colombo police"), at half weight."""
    out = []
    for m in _CAPITALISED.finditer(chunk):
        place = lookup(m.group())
        if place is not None and (place.kind == "country" or place.population >= 100_000):
            out.append((m.group(), 0.5))
    return out


def _top_event(incidents: dict[str, float], first: dict[str, tuple[int, int]]) -> str | None:
    """The incident named most; of incidents named equally often, the one named first (``first``: where each label
    was first named, headline first) — "the bridge collapsed ... a check dam was demolished by a limited blast":
    a collapse, not a blast."""
    if not incidents:
        return None
    best = max(incidents.values())
    return min((k for k, v in incidents.items() if v == best), key=lambda k: (first.get(k, (len(first), 0)), k))


def _top(counts) -> str | None:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def _in_story(claim: Claim, story: tuple[str | None, str | None, str | None]) -> Claim:
    """The claim placed in its story: the article's country and main place, its event if the sentence names none."""
    country, place, event = story
    return _replace(claim, place_root=country, story_place=place, story_event=event, event=claim.event or event)


def _local_currency(claim: Claim) -> Claim:
    """'30,000 dirhams' in a story about Morocco is MAD, not AED: a bare currency name that several countries use
    (dirham, dinar, riyal, pound, peso, rupee, shilling ...) takes the story's country's currency of that name."""
    from factcheck.grammar.currencies import currency_named

    if claim.dimension != "currency" or not claim.place_root:
        return claim
    words = re.findall(r"[a-z]+", claim.text.lower())
    local = next((code for w in words if (code := currency_named(w, claim.place_root))), None)
    if local is None or local == claim.unit:
        return claim
    entity = claim.entity.replace(f" {claim.unit}", f" {local}") if claim.entity and claim.unit else claim.entity
    return _replace(claim, unit=local, entity=entity)


def _headline_repeat(claim: Claim, body: list[Claim]) -> str | None:
    """The body claim a headline figure repeats (same figure, same or unstated noun), or None. A body figure
    with the headline's own bound is the one repeated ("79 dead" repeats "the toll is 79", not "at least 79");
    failing that, a headline drops the qualifier ("Toll rises to 5,200" over "more than 5,200")."""
    same = [c for c in body if (c.value, c.dimension, c.predicate) == (claim.value, claim.dimension, claim.predicate)
            and not c.duplicate_of and (c.noun == claim.noun or None in (c.noun, claim.noun))]
    exact = [c for c in same if c.bound == claim.bound]
    return exact[0].id if exact else None


def _read_sentence(article: Article, sentence: str, s_start: int, line_starts: list[int], n: int,
                   last_measure: str | None) -> list[tuple[Quantity, Claim]]:
    """The claims of one sentence, numbered from n + 1, each read in its clause and against its neighbours."""
    found = _split_changes(sentence, extract_quantities(sentence)) + _start_year_quantities(sentence)
    found.sort(key=lambda q: q.start)
    listed = _listed_places(sentence, found)
    out: list[tuple[Quantity, Claim]] = []
    spans = tuple((q.start, q.end) for q in found)
    stated: set[int] = set()  # superseded figures whose sentence names a day
    for i, q in enumerate(found, n + 1):
        claim = _claim(article, q, s_start, sentence, s_start, line_starts, i, spans)
        previous = out[-1] if out else None
        claim = _part_in_sentence(claim, q, sentence, previous, last_measure, listed)
        if claim.part and claim.predicate is None and previous and previous[1].predicate:
            claim = _replace(claim, predicate=previous[1].predicate)  # "Of the 42 dead, 31 ... and 22 from Bohol"
        claim = _own_population(claim, previous[1].predicate if previous else last_measure, q.noun or claim.noun,
                                sentence, q)
        if claim.revision == "earlier" and claim.as_of is not None:
            stated.add(q.start)
        claim = _measure_in_sentence(claim, q, sentence)
        if claim.predicate in ("wind speed", "wind gusts"):
            claim = _wind(claim)
        claim = _in_paragraph(claim, sentence, q, last_measure)  # only what its own sentence did not say
        out.append((q, claim))
    out = _superseded_by_rise(sentence, _old_takes_new_measure(sentence, _day_of_change(sentence, out, stated)))
    out = _money_purposes(sentence, _restated_amounts(sentence, _listed_populations(sentence, _list_shares_measure(sentence, out))))
    return _table_cells(sentence, _shared_verb(sentence, out))


def _wind(claim: Claim) -> Claim:
    """'winds of up to 195 kilometres (120 miles) per hour': the storm's top speed, in a speed unit."""
    changes = {}
    if claim.unit in ("kilometer", "mile"):
        changes["unit"] = f"{claim.unit} per hour"
    if claim.bound == "at_most" and claim.high is not None:
        changes.update(bound="exact", low=claim.high, value=claim.high)  # "up to" names the top speed, not a cap
    return _replace(claim, **changes) if changes else claim


_JOINED = re.compile(r"\s*,?\s*(?:and|as well as|plus)\s+$", re.I)


def _shared_verb(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'At least 77 Afghans and 13 US soldiers were killed': two subjects joined by 'and' share the verb after
    the second."""
    out = list(read)
    for i in range(len(out) - 2, -1, -1):
        (q, c), (nq, nc) = out[i], out[i + 1]
        if c.predicate is None and nc.predicate and c.dimension == nc.dimension == "count" \
                and _JOINED.fullmatch(sentence, q.end, nq.start):
            out[i] = (q, _replace(c, predicate=nc.predicate))
    return out


#: A "sentence" with this many figures and fewer than WORDS_PER_FIGURE words a figure is a flattened table.
TABLE_FIGURES = 6
WORDS_PER_FIGURE = 3


def _table_cells(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'Province Injuries Deaths AJK 21 37 Balochistan 102 234 ... Total 1,456 982': a table flattened into text
    pairs its figures with row and column names that the sentence reader cannot see, so each cell is a part of
    something unnamed, never set against a toll."""
    numbers = len(_TABLE_NUMBER.findall(sentence))  # "21 37 ... 102 234": cells the grammar may read as one figure
    if not read or numbers < TABLE_FIGURES or len(_TABLE_WORD.findall(sentence)) >= WORDS_PER_FIGURE * numbers:
        return read
    return [(q, _replace(c, part="part") if c.dimension == "count" else c) for q, c in read]


_RESTATED = re.compile(r"\s*\(\s*(?:about|around|some|roughly|approximately|nearly|almost|or|approx\.|ca\.)?\s*$", re.I)


def _restated_amounts(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'30,000 dirhams (€7,600)': the amount in brackets restates the one before it in another currency, so what it
    is the value of is that amount; two outlets converting one amount differently can then be compared."""
    out = list(read)
    for i in range(1, len(read)):
        (q0, c0), (q, c) = read[i - 1], read[i]
        if c0.dimension == c.dimension == "currency" and _RESTATED.fullmatch(sentence[q0.end:q.start]):
            out[i] = (q, _replace(c, entity=f"{' '.join(q0.surface.split())} converted"))
    return out


#: A verb that governs the figure and counts something else than a measure: the figure has no measure.
_OTHER_VERB_BEFORE = re.compile(r"\b(?:affected|affecting|affects|impacted|impacting|housed|housing|sheltered|sheltering|"
                                r"hosted|hosting|attended|fed|feeding|helped|helping|assisted|supported|served|serving|"
                                r"employed|vaccinated|screened|tested|registered|visited|reached out to|welcomed)\s+"
                                r"(?:(?:over|more than|some|about|around|nearly|almost|at least|up to|an estimated|roughly)\s+)?$",
                                re.I)
_INSERTED_PART = re.compile(r"\s*,\s*(?:including|among them|of whom|mostly|many of them)\b[^,;.]{0,60},", re.I)
_PLACE_OF_BEFORE = re.compile(r"(?:\b(?:nation|country|island|city|town|village|state|region|province|capital|metropolis|"
                              r"community|district)\s+of|\b(?:inhabited|populated|peopled) by|\bhome to|"
                              r"\bwith a population of)\s+(?:about\s+|some\s+|more than\s+|nearly\s+|around\s+|"
                              r"roughly\s+|over\s+|almost\s+|approximately\s+|an estimated\s+)?$", re.I)
_AND_NEXT = re.compile(r"^[^.;]{0,80}?\b(?:and|plus|as well as)\s+(?:\w+\s+){0,2}$", re.I)
_PLACE_COUNT_NOUNS = {"country", "nation", "nationality", "state", "region", "province", "city", "town", "village"}
_AMONG_AFTER = re.compile(r"[^.;]{0,60}?\b(?:were|are|was|is|being)\s+(?:also\s+)?among\s+(?:the\s+)?(?:[a-z]+\s+)?"
                          r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                          r"thousands)", re.I)  # "four people directly involved were among 11 detained"
_ONE_OF_THE = re.compile(r"[^.;]{0,40}?\b(?:in|on|at|inside|near) one of the\b"
                         r"(?!\s+(?:\w+est|most|worst|biggest|greatest|deadliest|largest|bloodiest)\b)", re.I)  # not "one of the worst"
_OTHER_AFTER = re.compile(r"\s+other\b", re.I)
_OTHER_NOUN = re.compile(r"\s+[a-z]+s\b")
#: "risen to 131 after six more succumbed to their injuries while undergoing treatment": the treatment is the six's.
_DIED_BETWEEN = re.compile(r"\b(?:after|succumb\w*|died|dying|perished)\b", re.I)
_STILL_IN_HOSPITAL = re.compile(r"[^.;]{0,60}?\b(?:(?:remain|remains|remained|are still|were still|still|are being|were being)"
                                r"\s+(?:in (?:the )?hospitals?|hospitali[sz]ed|treated in)"
                                r"|(?:have been|has been|were|are|had been)\s+admitted to\s+(?:\w+\s+)?hospitals?"
                                r"|(?:(?:are|were)\s+)?(?:still\s+)?(?:receiving|undergoing|under)\s+(?:medical\s+)?treatment)\b",
                                re.I)  # a count of patients now, not of everyone hurt
_HARDEST_HIT = re.compile(r"\b(?:hardest|worst|most (?:badly |severely )?)[- ](?:hit|affected|damaged)\b", re.I)
_PLACE_WITH = re.compile(r"\b(?:the\s+)?(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})(?:\s+[a-z]+){0,2}\s+with\s+"
                         r"(?:about\s+|around\s+|some\s+|at least\s+)?$")


def _place_with(sentence: str, start: int) -> str | None:
    """'Kenya coming next with 19', 'Canada with 18': a figure a country or region has 'with' is that place's part
    of a total (also when the rest of the list is in words)."""
    m = _PLACE_WITH.search(sentence, max(0, start - 60), start)
    if m is None:
        return None
    place = lookup(m.group("place"))
    return place.name if place is not None and place.kind in ("country", "region") else None


_REMAINDER = re.compile(r"^\W*(?:the\s+)?(?:other|remaining|rest of the)\s+(?!(?:reports?|sources?|media|outlets?|"
                        r"estimates?|officials?|accounts?|figures?|counts?|tallies|agencies|witnesses|studies)\b)[a-z]+",
                        re.I)  # "The other nationalities had one or two", not "Other reports said 40"
_EACH_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:each|apiece|per\s+\w+)\b", re.I)


#: "47 reports of missing persons (18 of whom were identified as dead": the 18 are some of the dead, not the toll.
_OF_WHOM_AFTER = re.compile(r"\s+of\s+(?:whom|them|those)\b", re.I)


#: "The Valencia region alone recorded 155 deaths": one place's (or group's) share of the toll.
_ALONE_BEFORE = re.compile(r"\b(?P<who>[A-Z][\w'’-]+(?:\s+[A-Za-z][\w'’-]+){0,2})\s+alone\b[^.;]*$")
_ALONE_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:in|at|from)\s+(?:the\s+)?(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                          r"\s+alone\b")


def _part_in_sentence(claim: Claim, q: Quantity, sentence: str, previous: tuple[Quantity, Claim] | None,
                      last_measure: str | None, listed: dict[int, str]) -> Claim:
    """A figure the sentence shows to be a part of a total (a listed place, "in one of the restrooms", "were among
    11 detained", "fourteen other bodies", "Kenya coming next with 19"); a part of another measure's total is
    none ("183 traced, of whom 79 died")."""
    if claim.dimension != "count":
        return claim
    if claim.part is None:
        part = _part_here(claim, q, sentence, previous, last_measure, listed)
        return _replace(claim, part=part) if part else claim
    if claim.part == "part" and previous and previous[1].predicate not in (None, claim.predicate) \
            and not _OF_WHOM_AFTER.match(sentence, q.end):
        return _replace(claim, part=None)
    return claim


def _part_here(claim: Claim, q: Quantity, sentence: str, previous: tuple[Quantity, Claim] | None,
               last_measure: str | None, listed: dict[int, str]) -> str | None:
    if q.start in listed:
        return listed[q.start]
    same_measure = (previous[1].predicate if previous else last_measure) == claim.predicate
    other = _OTHER_AFTER.match(sentence, q.end) or _OTHER_AFTER.search(sentence, q.start, q.end)
    if other and _OTHER_NOUN.match(sentence, other.end()):
        return "others"  # "157 other passengers": the rest of those on board, after the ones named before
    if _ONE_OF_THE.match(sentence, q.end) or (same_measure and other) or (
            _AMONG_AFTER.match(sentence, q.end) and (claim.noun or q.noun) not in _PLACE_COUNT_NOUNS):
        return "part"  # "28 bodies were found in one of the restrooms. 14 other bodies ..."
    if previous and previous[1].part == "part" and _AND_NEXT.search(sentence, previous[0].end, q.start):
        return "part"  # "including 97 recovered from the rubble and one who died in hospital"
    if claim.place and _HARDEST_HIT.search(sentence):
        return claim.place.split(";")[0].strip()  # "in Derna, the hardest hit, 6,000"
    with_place = _place_with(sentence, q.start)
    if with_place:
        return with_place  # "Kenya coming next with 19", "Canada with 18"
    alone = _ALONE_BEFORE.search(sentence, max(0, q.start - 60), q.start) or _ALONE_AFTER.match(sentence, q.end)
    if alone:
        return alone.group("who")  # "The Valencia region alone recorded 155 deaths", "54 in Lee County alone"
    if _REMAINDER.match(sentence) or _EACH_AFTER.match(sentence, q.end):
        return "part"  # "The other nationalities had one or two", "seven each"
    return None


def _measure_in_sentence(claim: Claim, q: Quantity, sentence: str) -> Claim:
    """What the words around a figure say it counts, over its clause's nearest measure: nothing for "affected 2
    million"; the subject's verb past an "including ..." insertion; a place's population; a hospital count."""
    if claim.dimension != "count":
        return claim
    if _OTHER_VERB_BEFORE.search(sentence, max(0, q.start - 40), q.start):
        claim = _replace(claim, predicate=None)  # "affected over 2 million people and displaced half a million"
    if claim.predicate is None and (ins := _INSERTED_PART.match(sentence, q.end)):
        # "At least 39 people, including four children, have been killed": the verb after the insertion
        rest = sentence[:q.end] + " " + sentence[ins.end():]
        claim = _replace(claim, predicate=predicate(rest, q.start, q.end, claim.noun or q.noun))
    if _PLACE_OF_BEFORE.search(sentence, max(0, q.start - 60), q.start):
        claim = _replace(claim, predicate="population")  # "the island nation of 21 million people"
    hospital = _STILL_IN_HOSPITAL.match(sentence, q.end)
    if hospital and not _DIED_BETWEEN.search(sentence, q.end, hospital.end()):
        claim = _replace(claim, predicate="in hospital")  # "80 people injured in the attack remained in hospital"
    return claim


#: "with 30 people reported dead but the government since stated the toll increased to 100": the later rise
#: supersedes the figure before it.
_RISE_AFTER = re.compile(r"\b(?:but|since|later|now|then|has since|had since)\b[^.;]*?\b(?:increased|rose|risen|climbed|"
                         r"jumped|grew|went up|reached|hit|topped|passed)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:at least\s+|"
                         r"more than\s+|over\s+|about\s+|nearly\s+|some\s+)?$", re.I)


def _superseded(c: Claim) -> Claim:
    """The claim as a figure its text gives as superseded: with no day of its own, it is dated a day before its
    article (it was current before the article's figure)."""
    day = c.as_of or (c.published - timedelta(days=1) if c.published else None)
    return _replace(c, revision="earlier", as_of=day)


def _superseded_by_rise(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """A figure followed in its sentence by the same measure's rise ("30 reported dead, but the toll has since
    increased to 100") is the earlier figure, dated before the rise."""
    out = list(read)
    for i in range(len(out) - 1):
        (q, c), (nq, nc) = out[i], out[i + 1]
        if c.dimension == nc.dimension == "count" and c.predicate and c.predicate == nc.predicate \
                and c.revision is None and nc.revision is None and _RISE_AFTER.search(sentence, q.end, nq.start):
            out[i] = (q, _superseded(c))
    return out


def _day_of_change(sentence: str, read: list[tuple[Quantity, Claim]],
                   stated: set[int]) -> list[tuple[Quantity, Claim]]:
    """'issued the correction on Thursday, lowering the total from 359 to 253': the day is the change's, and the
    old figure came before it. With no current figure in its clause ("the previous toll, announced on Saturday
    night, was 2,012"; "Earlier Saturday, TV had put the toll at 151, but ...") the day is the old figure's own."""
    if not stated:
        return read
    out = []
    for q, c in read:
        if q.start in stated:
            lo, hi = clause_bounds(sentence, q.start, q.end)
            if any(c2.revision != "earlier" and c2.dimension == "count" and lo <= q2.start < hi for q2, c2 in read):
                c = _replace(c, as_of=c.as_of - timedelta(days=1))
        out.append((q, c))
    return out


_FROM_TO_CHANGE = re.compile(r"\W*(?:\w+\s+){0,2}?(?:to|up to)\s", re.I)  # "from 290 to 310"
_TO_FROM_CHANGE = re.compile(r"[^.;]{0,80}?\b(?:from|up from|down from)\s+(?:\w+\s+){0,3}?$", re.I)  # "to 310 ... from 290"


_FIGURE_ALONE = re.compile(r"[\W_]*")
_CAPTION_NOUN = re.compile(r"\b(?:number|toll|count|tally|total)\s+of\s+(?:the\s+)?(?P<noun>[a-z]+)\b", re.I)


def _fact_box(text: str, claims: list[Claim]) -> list[Claim]:
    """'– 2,073 –' alone on its line, then 'The total number of bodies recovered ...': a figure set as a heading
    takes its measure (and noun) from the caption paragraph that follows it."""
    from factcheck.quantities import singular

    out = []
    for c in claims:
        line_end = text.find("\n", c.end)
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = len(text) if line_end < 0 else line_end
        if c.predicate is not None or c.dimension != "count" or not _FIGURE_ALONE.fullmatch(
                text[line_start:c.start] + text[c.end:line_end]):
            out.append(c)
            continue
        caption = re.match(r"\s*(?P<p>[^\n]+)", text[line_end:])
        if caption is None:
            out.append(c)
            continue
        first = caption.group("p")[:300]
        m = _CAPTION_NOUN.search(first)
        noun = c.noun or (singular(m.group("noun").lower()) if m else None)
        measure = predicate(first, 0, 0, noun)
        out.append(_replace(c, predicate=measure, noun=noun) if measure else c)
    return out


#: Counted nouns that already name the part they count: "The dead included 19 foreigners" is every foreigner.
_QUALIFIED_NOUNS = {"foreigner", "tourist", "child", "kid", "minor", "boy", "girl", "baby", "infant", "woman", "man",
                    "civilian", "student", "pupil", "soldier", "troop", "officer", "policeman", "fighter", "militant",
                    "rebel", "worker", "journalist", "doctor", "medic", "nurse", "crew", "crew member", "expatriate",
                    "adult", "teacher"}


_OTHERS_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:more|others)\b", re.I)
_OTHERS_BEFORE = re.compile(r"\b(?:another|a further|further|additional)\s*$", re.I)


def _own_population(claim: Claim, previous_measure: str | None, noun: str | None, sentence: str,
                    q: Quantity) -> Claim:
    """'At least 120 were killed and 100 more injured', 'a further 10,100 are missing' after a toll: 'more' and
    'further' after another measure's figure mean others, not an increase ('increased by 400' stays one);
    'The dead included 19 foreigners': a part marker on a noun that names the part adds nothing."""
    if claim.part == "increase" and previous_measure and claim.predicate and previous_measure != claim.predicate \
            and (_OTHERS_AFTER.match(sentence, q.end) or _OTHERS_BEFORE.search(sentence, 0, q.start)):
        return _replace(claim, part=None)
    if claim.part == "part" and noun in _QUALIFIED_NOUNS:
        return _replace(claim, part=None)
    return claim


def _money_purposes(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """What an amount is paid for names it ('140,000 dirhams (€35,800) for totally collapsed houses' and 'around
    12,800 euros for completely collapsed buildings' are the same aid): the words after the amount, up to the next
    amount that is not its restatement in brackets."""
    out = list(read)
    for i, (q, c) in enumerate(read):
        if c.dimension != "currency":
            continue
        nxt = next((read[j][0].start for j in range(i + 1, len(read))
                    if not _RESTATED.fullmatch(sentence[read[j - 1][0].end:read[j][0].start])), len(sentence))
        purpose = money_purpose(sentence[q.end:nxt])
        if purpose and (c.entity is None or c.entity.endswith(" converted")):
            out[i] = (q, _replace(c, entity=f"aid {purpose}"))
    return out


def _old_takes_new_measure(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'the toll rose to 310 from 290 ... as the injured succumbed': the old figure of a change counts what the
    new one counts, whatever word stands next to it; only the new figure of its own change, not the next figure
    of the sentence ("had previously said the toll was 2,946 and the injured 6,125")."""
    out = list(read)
    for i, (q, c) in enumerate(read):
        if c.revision != "earlier" or c.dimension != "count":
            continue
        near = [r for j, r in enumerate(read) if j != i and r[1].revision != "earlier" and r[1].dimension == "count"
                and r[1].predicate and (_FROM_TO_CHANGE.match(sentence, q.end, r[0].start)
                                        or _TO_FROM_CHANGE.match(sentence, r[0].end, q.start))]
        if near:
            new = min(near, key=lambda r: abs(r[0].start - q.start))[1]
            out[i] = (q, _replace(c, predicate=new.predicate))
    return out


def _listed_populations(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'149 passengers and eight crew members' died: figures of one measure listed with different counted nouns are
    parts of a total, never the total."""
    out = list(read)
    for i in range(len(read) - 1):
        (q, c), (q2, c2) = read[i], read[i + 1]
        if c.dimension != "count" or c2.dimension != "count" or not q.noun or not q2.noun or q.noun == q2.noun:
            continue
        if c.predicate != c2.predicate or not _COORDINATED.fullmatch(sentence[q.end:q2.start]):
            continue
        for j in (i, i + 1):
            qq, cc = out[j]
            if cc.part is None:
                out[j] = (qq, _replace(cc, part=qq.noun))
    return out


def _list_shares_measure(sentence: str, read: list[tuple[Quantity, Claim]]) -> list[tuple[Quantity, Claim]]:
    """'the floods have killed 116 men, 55 women and 73 children': a list item that is only a figure and its noun
    counts what the item before it counts (then _listed_populations makes each a part)."""
    out = list(read)
    for i in range(1, len(out)):
        (pq, pc), (q, c) = out[i - 1], out[i]
        if c.predicate is None and pc.predicate and c.dimension == pc.dimension == "count" and q.noun and pq.noun \
                and _LIST_GAP.fullmatch(sentence[pq.end:q.start]) and _LIST_ITEM_END.match(sentence, q.end):
            out[i] = (q, _replace(c, predicate=pc.predicate))
    return out


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")  # nothing but the list's commas ("including" is no list)
_LIST_ITEM_END = re.compile(r"\s*(?:,|;|\.|\)|and\b|$)")


#: Only coordination joins two figures into a list: "149 passengers and eight crew", "12 soldiers, 3 police".
_COORDINATED = re.compile(r"\s*(?:,|and|plus|as well as|, and|&)\s*(?:\w+\s+)?", re.I)


_CHANGE_VERB = re.compile(r"\b(?:rose|rising|risen|rises|increased|increasing|climbed|jumped|soared|grew|went up|fell|"
                          r"dropped|decreased|declined|revised|lowered|raised|raising|corrected|changed|updated|up|down|"
                          r"bringing|brought|brings|pushing|pushed|taking|took|lifting|lifted)\s+(?:\w+\s+){0,2}$"
                          r"|\b(?:toll|tally|count|figure|number|total)\s+(?:of\s+(?:the\s+)?\w+\s+)?$", re.I)
_FROM_A_TO_B = re.compile(r"(?P<a_pre>from\s+)(?P<a>.+?)(?P<mid>\s+to\s+)(?P<b>.+)$", re.I)


def _split_changes(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """'the toll rose from 42 to 67' is two figures, the old and the new, not the range 42-67."""
    out = []
    for q in quantities:
        m = _FROM_A_TO_B.match(q.surface) if q.bound == "range" else None
        if m is None or not _CHANGE_VERB.search(sentence[:q.start]):
            out.append(q)
            continue
        for part in ("a", "b"):
            sub = extract_quantities(m.group(part))
            if not sub:
                continue
            first = sub[0]
            shift = q.start + m.start(part)
            out.append(Quantity(start=first.start + shift, end=first.end + shift, surface=first.surface,
                                value=first.value, low=first.low, high=first.high, bound=first.bound,
                                unit=first.unit or q.unit, noun=first.noun or q.noun, dimension=first.dimension,
                                vague=first.vague))
    return out


#: In a list of figures each with its place, the list itself says the names are places ("452 in Taroudant").
_LOOSE_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


#: "Canada with 18, China with eight": in a list, the name right before "with" is the figure's own.
def _listed_places(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """'1,293 deaths in Al Haouz, 452 in Taroudant, 41 in Ouarzazate': figures listed each with a place of
    its own clause are parts (by place) of a total, never the total. Start offset -> place."""
    counts = [q for q in quantities if q.dimension == "count"]
    if len(counts) < 2:
        return {}
    own = {}
    for q in counts:
        lo, hi = clause_bounds(sentence, q.start, q.end)
        with_place = _PLACE_WITH.search(sentence, max(0, q.start - 60), q.start)
        names = ([with_place.group("place")] if with_place else []) or _place_names(sentence[q.end:hi]) \
            or _LOOSE_PLACE.findall(sentence[q.end:hi]) \
            or _place_names(sentence[lo:q.start])  # the place after the figure is its own: "1,293 in Al Haouz"
        names = [n for n in names if n.split()[0] not in _NOT_PLACES]
        if names:
            own[q.start] = names[0]
    return own if len(set(own.values())) >= 2 else {}


#: "triple the initial U.N. estimates of 670": an estimate of what the paragraph counts.
_ESTIMATE_OF = re.compile(r"\b(?:estimates?|projections?|forecasts?)\s+(?:of|at)\s+(?:about\s+|around\s+|some\s+|"
                          r"more than\s+|greater than\s+|over\s+|nearly\s+|up to\s+)?$", re.I)


def _in_paragraph(claim: Claim, sentence: str, q: Quantity, last_measure: str | None) -> Claim:
    """A figure the text gives as superseded, with no day of its own, is dated a day before the article; 'the
    figure' takes the paragraph's measure. A superseded figure whose day the text names keeps that day ("the
    previous toll, announced on Saturday night")."""
    changes = {}
    if claim.revision == "earlier" and claim.as_of is None and claim.published is not None:
        changes["as_of"] = claim.published - timedelta(days=1)
    if last_measure and claim.predicate in (None, "member") and claim.dimension == "count" \
            and (refers_back(sentence, q.start, q.end) or claim.part
                 or (q.noun is None and _ESTIMATE_OF.search(sentence, max(0, q.start - 40), q.start))):
        changes["predicate"] = last_measure  # "the figure rose to 90"; "They included 32 Kenyans, 18 Canadians"
    return _replace(claim, **changes) if changes else claim


_TITLE_LINE = re.compile(r"^title:[ \t]*(?P<q>[\"']?)(?P<title>[^\n]*?)(?P=q)[ \t]*$", re.M)


def _title_span(text: str) -> list[tuple[int, int]]:
    """The headline in the front matter: headlines carry figures too ("Ferry toll passes 200")."""
    fm = re.match(r"---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.S)
    if not fm:
        return []
    m = _TITLE_LINE.search(text, fm.start("body"), fm.end("body"))
    return [(m.start("title"), m.end("title"))] if m and m.group("title").strip() else []


_FILLABLE = ("place", "attribution", "as_of", "since", "entity", "event", "predicate")


def _fill_missing(first: Claim, repeat: Claim) -> Claim:
    """A first mention cut short ("... since Syria's confl...") takes what its full repeat says."""
    if not re.search(r"(?:\.\.\.|…)\s*$", first.sentence):
        return first
    changes = {f: getattr(repeat, f) for f in _FILLABLE if getattr(first, f) is None and getattr(repeat, f) is not None}
    return _replace(first, **changes) if changes else first


def _replace(claim: Claim, **changes) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)


def _norm_words(s: str) -> list[str]:
    return _WORD_NORM.findall(s.translate(_QUOTES).lower())


def _context_words(sentence: str, start: int, end: int) -> tuple[list[str], list[str]]:
    return _norm_words(sentence[:start])[-5:], _norm_words(sentence[end:].replace("...", " "))[:4]


def _prefix_match(a: list[str], b: list[str]) -> bool:
    """Right contexts match when one is a prefix of the other; a truncated caption ("confl...") still matches."""
    k = min(len(a), len(b))
    if k == 0:
        return True
    if a[:k - 1] != b[:k - 1]:
        return False
    return a[k - 1].startswith(b[k - 1]) or b[k - 1].startswith(a[k - 1])


def _start_year_quantities(sentence: str) -> list[Quantity]:
    """'began in 2011', 'broke out in 2011': the year an event started, kept as a date claim, never a count."""
    out = []
    for m in _STARTED_IN.finditer(sentence):
        year = float(m.group("year"))
        out.append(Quantity(start=m.start("verb"), end=m.end("year"), surface=m.group(), value=year, low=year,
                            high=year, bound="exact", unit="year", noun=None, dimension="date"))
    return out


def _claim(article: Article, q: Quantity, base: int, sentence: str, s_start: int, line_starts: list[int], n: int,
           others: tuple[tuple[int, int], ...] = ()) -> Claim:
    start, end = base + q.start, base + q.end
    line_idx = bisect.bisect_right(line_starts, start) - 1
    published = article.published
    before, after = sentence[:q.start], sentence[q.end:]
    event = _event(sentence, q)
    noun = q.noun or (_noun_of_number(sentence, q) if q.dimension == "count" else None)
    if q.dimension in ("duration", "date") and noun is None and event:
        noun = event
    return Claim(
        id=f"{article.id}#{n}",
        article=article.id,
        start=start,
        end=end,
        line=line_idx + 1,
        column=start - line_starts[line_idx] + 1,
        text=q.surface,
        low=q.low,
        high=q.high,
        value=q.value,
        bound=q.bound,
        unit=q.unit,
        noun=noun,
        kind=None,
        place=_places(sentence, q),
        attribution=_attribution(sentence, q),
        as_of=_as_of(sentence, published, (q.start, q.end), others),
        duplicate_of=None,
        sentence=" ".join(sentence.split()),
        published=published,
        source=article.source,
        predicate=("began" if q.dimension == "date" else None if q.dimension == "duration"
                   else _predicate(sentence, q, others, noun)),
        since=_since(after if "since" in after else sentence, published),
        entity=_entity(sentence, q),
        event=event,
        modality=("hypothetical" if q.dimension != "date" and (_MODAL.search(before[-90:]) or (
                      q.dimension == "count" and feared(sentence, q.start, q.end, others)))  # "feared dead" is not a magnitude's
                  else "asserted"),
        part=(("increase" if increment(sentence, q.start, q.end) else None) or part_marker(sentence, q.start, q.end)
              or nationality_in_clause(sentence, q.start, q.end)) if q.dimension == "count" else None,
        revision=revision(sentence, q.start, q.end) if q.dimension in ("count", "currency") else None,
        dimension=q.dimension,
        vague=q.vague,
        context=" ".join(_norm_words(before)[-8:] + ["<q>"] + _norm_words(after)[:8]),
    )


_NUMBER_OF = re.compile(r"\b(?:number|toll|count|tally|total)\s+of\s+(?P<foreign>foreign\s+)?(?:the\s+|those\s+)?"
                        r"(?:(?-i:[a-z]+ed)\s+(?=(?!(?:at|to|in|on|by|from|of|was|is|were|has|had|have|stood|stands|rose|"
                        r"reached|and|or)\b)(?-i:[a-z]+)\b))?"  # "the number of exhumed bodies": the noun after a participle
                        r"(?P<noun>(?!(?:the|a|an|this|that|these|those|its|their|crash|disaster|earthquake|quake|"
                        r"floods?|flooding|storm|attacks?|collision|collapse|fire|explosion|blast|tragedy|accident|"
                        r"war|conflict|shipwreck|sinking|cyclone|hurricane|typhoon|incident|bombings?|tsunami|"
                        r"landslide|derailment|violence|fighting|pandemic|outbreak|massacre|stampede|crush)\b)"
                        r"(?-i:[a-z]+))\b[^,;]{0,40}$", re.I)  # "the toll of the Tempi crash": no counted noun
#: "the number of missing people", "the number of injured at 2,501": a status word names people, not a noun.
_STATUS_NOUNS = {"dead", "injured", "wounded", "missing", "displaced", "deceased", "killed", "evacuated", "rescued",
                 "detained", "arrested", "homeless", "affected"}


def _noun_of_number(sentence: str, q: Quantity) -> str | None:
    """'put the number of foreign casualties at 20': the counted noun stands before the figure."""
    from factcheck.quantities import singular

    m = _NUMBER_OF.search(sentence[:q.start])
    if not m:
        return None
    if m.group("foreign"):
        return "foreigner"
    word = m.group("noun").lower()
    return "person" if word in _STATUS_NOUNS else singular(word)


def _nearest(sentence: str, q: Quantity, patterns: list[tuple[str, re.Pattern]]) -> str | None:
    """The label whose pattern matches nearest the quantity (factcheck.measures.nearest)."""
    return nearest(sentence, q.start, q.end, patterns)


def _predicate(sentence: str, q: Quantity, others: tuple[tuple[int, int], ...] = (),
               noun: str | None = None) -> str | None:
    """The figure's measure; noun is its counted noun, also when read from 'the number of bodies ... was 78'."""
    if q.dimension == "physical":
        return physical_measure(sentence, q.start, q.end, q.unit)
    if q.dimension == "count" and (_RICHTER.match(sentence, q.end) or (
            _MEASURING.search(sentence, 0, q.start) and q.value is not None and 1 <= q.value < 10
            and _QUAKE.search(sentence))):
        return "magnitude"  # "7.5 on the Richter scale", "an earthquake ..., measuring 6.1, kills"
    noun = q.noun or noun
    label = predicate(sentence, q.start, q.end, noun, others=others)
    if noun == "life" and label in (None, "member"):
        return "killed"
    if noun == "refugee" and label == "member":
        return "refugees"
    if label == "attackers" and q.value == 1:
        return None  # "One suicide bomber reportedly educated in the UK": one of them, not how many there were
    if label == "affected" and q.dimension != "count":
        return None  # "aid of 30,000 dirhams for households affected by the quake": who it is for, not the amount's
    if noun in _HOME_NOUNS and label in ("killed", "missing", "bodies handled"):
        return "destroyed"  # "150 homes were buried", "houses washed away and missing": homes lost, not people
    return label


_HOME_NOUNS = {"house", "home", "dwelling", "residence", "housing unit", "building", "structure"}


_RICHTER = re.compile(r"\s+(?:on the\s+)?Richter\b", re.I)
_MEASURING = re.compile(r"\bmeasur(?:ing|ed)\s+(?:at\s+)?(?:a\s+)?$", re.I)
_QUAKE = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|temblors?|aftershocks?|seismic)\b", re.I)
_INCIDENTS = [(label, pat) for label, pat in _EVENTS if label != "talks"]
_TALKS = [(label, pat) for label, pat in _EVENTS if label == "talks"]


def _event(sentence: str, q: Quantity) -> str | None:
    """The incident nearest the figure; talks and meetings only when the sentence names no incident (then no other
    pattern of _EVENTS matches it: only the talks are looked for again)."""
    return _nearest(sentence, q, _INCIDENTS) or _nearest(sentence, q, _TALKS)


def _places(sentence: str, q: Quantity) -> str | None:
    """The figure's places: those of its own clause ("452 in Taroudant"), else the sentence's; a country whose toll
    it is ("Malawi's death toll rose to 326", "Malawi, where the toll rose to 438"); every country of "in three
    countries – Malawi, Mozambique and Madagascar"."""
    if q.dimension == "physical" and (ref := _MEASURED_FROM.match(sentence, q.end)) and lookup(ref.group("place")):
        return ref.group("place")  # "about 40km from Kaya": a distance is measured from its place
    lo, hi = clause_bounds(sentence, q.start, q.end)
    several = _several_countries(sentence)
    if several:
        return "; ".join(several)
    own = _TOLL_OF_PLACE.search(sentence, 0, q.start) or _OPENING_PLACE_WITH.match(sentence, 0, q.start)
    if own and lookup(own.group("place")) is not None:
        return own.group("place")
    found = _place_names(sentence[lo:hi]) or _place_names(sentence)
    if not found:
        for m in _POSSESSIVE_PLACE.finditer(sentence):
            if m.group("place") not in _NOT_PLACES and m.group("place") not in found:
                found.append(m.group("place"))
    if not found and q.noun and q.noun in DEMONYMS:
        found.append(DEMONYMS[q.noun])
    return "; ".join(found) or None


#: "Malawi's death toll", "Malawi, where the death toll rose", "Malawi bore the brunt, counting": whose toll it is.
_TOLL_OF_PLACE = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:['’]s\s+(?:(?:official|overall|total|own)\s+)?"
                            r"(?:death toll|toll|tally|dead|deaths|casualties|victims|injured|missing|displaced)\b"
                            r"|,\s+where\b|\s+(?:bore the brunt|was hardest hit|was the hardest hit)\b"
                            r"|\s+(?:recorded|reported|counted|registered|confirmed|has recorded|has reported)\s+$)"
                            r"[^.;]{0,60}$")
#: "about 40km from Kaya": the place a distance is measured from.
_MEASURED_FROM = re.compile(r"\s*(?:\w+\s+){0,2}?(?:from|of)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
#: "Sindh with 401 deaths, 1,055 injuries": a place that opens its sentence and holds the figures after it.
_OPENING_PLACE_WITH = re.compile(r"^\W*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s+(?:was\s+(?:the\s+)?\w+(?:\s+\w+)?\s+)?with\s"
                                 r"[^.;]{0,80}$")
_N_COUNTRIES = re.compile(r"\b(?:in|across|from)\s+(?:two|three|four|five|six|several|\d+)\s+(?:\w+\s+)?countries\b", re.I)


def _several_countries(sentence: str) -> list[str]:
    """'in three countries in southeastern Africa – Malawi, Mozambique and Madagascar': the countries named."""
    if not _N_COUNTRIES.search(sentence):
        return []
    out = []
    for m in _CAPITALISED.finditer(sentence):
        place = lookup(m.group())
        if place is not None and place.kind == "country" and m.group() not in out:
            out.append(m.group())
    return out if len(out) >= 2 else []


_PLACE_TAIL = re.compile(r"\s(?:Province|District|Region|County|State|Governorate|Prefecture|Municipality|Island|Islands|"
                         r"Regency|Department|Oblast|Canton|Parish|Borough|Township|Village|City)$")
_PLACE_HEAD = re.compile(r"(?:city|town|province|region|district|siege|bombardment|shelling|capital|village|governorate|state|county|suburbs?) of\b", re.I)


def _place_names(sentence: str) -> list[str]:
    """Where figures are: place names after a preposition ("in Palu", "city of Derna"), demonyms read as their
    country; not where a journey began or ended ("a jet from Addis Ababa to Nairobi")."""
    found: list[str] = []
    for place, strength in _place_mentions(sentence):
        if strength == 1.0 and place not in found:
            found.append(place)
    return found


#: Where a journey began or ended is not where the incident happened: such places weigh less in the story's place.
_MOTION = re.compile(r"(?:from|to|into|toward|towards)\s", re.I)
_ORG_WORDS = re.compile(r"\b(?:Minister|Secretary|President|Foreign|Security|Council|Committee|Observatory|University|"
                        r"Foundation|Group|Nations|Front|Army|Party|Ministry|Department|Agency|Office|Hotel|Club|Times|"
                        r"Post|News|Institute|Centre|Center|Organi[sz]ation|Association|Society|Company|Bank)\b")


_ATTACKER_NOUN = re.compile(r"\s+(?:missile\s+|air\s+|drone\s+|rocket\s+|military\s+)?(?:strikes?|attacks?|missiles?|"
                            r"airstrikes?|forces|army|troops|shelling|bombardment|drones?|offensive|military|soldiers|"
                            r"invasion|occupation|rockets?|bombs?|bombing)\b", re.I)


def _place_mentions(sentence: str) -> list[tuple[str, float]]:
    """Every place mention with its weight for the story's place (1, or 0.3 after from/to)."""
    return list(_place_mentions_in(sentence, id(places_index())))


@lru_cache(maxsize=256)
def _place_mentions_in(sentence: str, _gazetteer: int) -> tuple[tuple[str, float], ...]:
    """``_place_mentions``, read once per text and gazetteer: a one-sentence paragraph is read for the story's
    place and again for each of its figures."""
    out = []
    for m in _PLACE_PREP.finditer(sentence):
        place = re.sub(r"['’]s$", "", m.group("place"))
        if place.split()[0] in _NOT_PLACES or place in _NOT_PLACES or _ORG_WORDS.search(place):
            continue  # an organisation ("the Centre for Disaster Research") is not a place
        after = sentence[m.end("place"):m.end("place") + 12]
        if re.match(r"-based\b|\s+(?:said|says|told)\b", after):
            continue  # "the Geneva-based monitor": an attribution, not where the figure is
        if place.lower() in DEMONYMS and _ATTACKER_NOUN.match(sentence, m.end("place")):
            continue  # "killed in the Russian strike": whose strike, not where the dead were
        place = DEMONYMS.get(place.lower(), place)
        if lookup(place) is None and not _PLACE_HEAD.match(m.group()) and not _PLACE_TAIL.search(place):
            continue  # a word the gazetteer does not know is not a place, unless the text says it is one
        weight = 0.3 if _MOTION.match(m.group()) else 1.0
        out.append((place, weight))
        out += [(more, weight) for more in _listed_after(sentence, m.end("place"))]
    return tuple(out)


_LIST_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _listed_after(sentence: str, end: int) -> list[str]:
    """'in Mozambique, Zimbabwe and Malawi': the places listed after the first one are the figure's too (only
    names the gazetteer knows, so 'in Beira, officials said' adds nothing)."""
    out = []
    while (m := _LIST_NEXT.match(sentence, end)) is not None and lookup(m.group("place")) is not None:
        out.append(m.group("place"))
        end = m.end()
    return out


def _attribution(sentence: str, q: Quantity) -> str | None:
    m = _ACCORDING.search(sentence)
    if m:
        return _trim_who(m.group("who"))
    m = re.search(r"(?P<who>\b(?:an?|the)\s+(?:[A-Za-z-]+\s+){0,3}(?:report|study|survey|estimate|count|tally|statement))\s+(?:says|said|shows|showed|found)\b", sentence)
    if m:
        return _trim_who(m.group("who"))
    for m in _SAID.finditer(sentence):
        if m.start() < q.start:
            # "observers say at least 500 ...", "The United Nations said today that some 300,000 ..."
            head = sentence[:m.start()]
            head = re.split(r"[,;:“”\"]|\b(?:where|that|which|while|and|but|as|when|after|because)\b", head)[-1]
            words = head.split()[-6:]
            if words:
                return _trim_who(" ".join(words))
        else:
            tail = _SAID_AFTER.match(sentence[q.end:])
            if tail and m.start() - q.end < 60:
                return _trim_who(tail.group("who"))
    return None


_NOT_WHO = {"has", "have", "had", "is", "was", "it", "he", "she", "they", "we", "i", "you", "who", "also", "been", "be"}


def _trim_who(who: str) -> str | None:
    who = " ".join(who.split()).strip(" .,'\"’”“")
    who = re.sub(r"\s+(?:today|yesterday|on \w+|this week|last week|on Monday|late \w+)$", "", who)
    who = re.sub(r"(?:\s+(?:also|had|has|have|previously|earlier|initially|later|now|then|further|again))+$", "", who)
    if not who or all(w.lower() in _NOT_WHO for w in who.split()):
        return None
    return who


_AGREEMENT_HEADS = {"agreement", "accord", "accords", "deal", "pact", "treaty", "convention", "protocol"}


def _canonical_entity(name: str | None) -> str | None:
    """One name for one group: 'the Paris climate accord' and 'Paris Agreement' are both 'Paris Agreement'.

    Agreements are named by their proper words; a bare 'the accord' has none and is left for
    the article's earlier mentions to resolve (None here).
    """
    if not name:
        return None
    words = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", " ".join(name.split())).split()
    if not words:
        return None
    if words[-1].lower() in _AGREEMENT_HEADS:
        proper = [w for w in words[:-1] if w[:1].isupper()]
        return " ".join(proper + ["Agreement"]) if proper else None
    return " ".join(words)


def _generic_head(sentence: str) -> str | None:
    """'the accord', 'the deal': an agreement named earlier in the article."""
    m = re.search(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?(agreement|accord|deal|pact|treaty)\b", sentence)
    return "Agreement" if m else None


def _entity(sentence: str, q: Quantity) -> str | None:
    """The named group a count of countries/members belongs to; None for other counts."""
    if q.noun not in _GROUP_NOUNS:
        return None
    return _canonical_entity(_entity_name(sentence, q))


def _entity_name(sentence: str, q: Quantity) -> str | None:
    m = _ENTITY_AFTER.match(sentence[q.end:])
    if m:
        return " ".join(m.group("name").split())
    m = _ENTITY_COPULA.search(sentence[:q.start])
    if m:
        return re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
    best, best_dist = None, None
    for m in _ENTITY_NAMED.finditer(sentence):
        name = m.group("name") or m.group("acronym")
        if name in ("US", "UN", "EU", "AFP", "AP", "IS", "NPR", "TV") or name.split()[0] in ("The", "A", "An"):
            if name.split()[0] in ("The", "A", "An") and len(name.split()) > 1:
                name = " ".join(name.split()[1:])
            else:
                continue
        dist = abs(m.start() - q.start)
        if best_dist is None or dist < best_dist:
            best, best_dist = name, dist
    return best


_COMMON_CAPITALISED = {
    "The", "And", "But", "For", "With", "From", "After", "Before", "When", "While", "This", "That", "These", "Those",
    "Some", "More", "Many", "Most", "Meanwhile", "However", "Still", "Also", "Officials", "Other", "Both", "Such",
    "Its", "Their", "His", "Her", "They", "She", "There", "Here", "What", "Who", "Why", "How", "Where", "Which",
    "Our", "Your", "Then", "Now", "Last", "Next", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
    "Nine", "Ten", "More", "Less", "Nearly", "About", "Around", "Some", "Late", "Early", "Even",
    "Only", "Just", "All", "Any", "Each", "Every", "According", "Speaking", "During", "Since", "Until", "Despite",
    "Although", "Because", "Regardless", "Nonetheless", "Photo", "Copyright", "Watch", "Read", "Share",
}


def article_names(article: Article, limit: int = 40) -> tuple[str, ...]:
    """The proper names an article mentions most (title included), to tell stories apart."""
    counts: Counter[str] = Counter()
    chunks = [article.title or ""] + [article.text[s:e] for s, e in body_spans(article.text)]
    for chunk in chunks:
        for m in re.finditer(r"\b([A-Z][a-z]{2,}|[A-Z]{2,6})\b", chunk):
            w = m.group(1)
            if w not in _NOT_PLACES and w not in _COMMON_CAPITALISED:
                counts[w] += 1
    return tuple(sorted(w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]))
