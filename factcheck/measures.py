"""What a figure counts, read from its clause: the measure, whether it is a part, whether it was superseded.

News packs several figures into one sentence ("Rescuers pulled 120 people from the
water, and 58 are still missing"; "the toll rose from 42 to 67"; "Of the 67 dead, 31
were from Norte province"). Reading the word nearest a figure across the whole
sentence gives one figure the other's measure, so the sentence is first cut into
clauses and each figure is read inside its own clause; the sentence is only a
fallback. Everything here is a pure function of one sentence (and, for "the toll"
said earlier, of the paragraph's previous measure), so extraction stays per article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _sre, _parser as _sre_parse

__all__ = ["PREDICATES", "clause_bounds", "money_purpose", "physical_measure", "feared", "increment", "nationality_in_clause", "nearest", "part_marker", "pattern_spans", "spans_of_each",
           "predicate", "refers_back", "revision", "timeline_step"]

#: (measure label, pattern). Order breaks ties: the earlier label wins at equal distance.
PREDICATES: list[tuple[str, re.Pattern]] = [
    # "nearly 100 dead or missing": one count of two measures, neither the toll nor the missing (listed first: it
    # masks the "dead" and the "missing" inside it)
    ("dead or missing", re.compile(r"\b(?:dead|killed|deaths?) (?:or|and|and/or) (?:missing|unaccounted for)\b|"
                                   r"\bmissing (?:or|and|and/or) (?:dead|presumed dead|killed)\b", re.I)),
    ("at risk of siege", re.compile(r"\bat risk of (?:being )?(?:placed |put )?(?:under siege|besieged)\b|\brisk (?:of )?siege\b", re.I)),
    ("under siege", re.compile(r"\bunder siege\b|\bbesieged\b|\bsieges?\s+of\b|\bencircled\b", re.I)),
    ("missing", re.compile(r"\b(?:missing|unaccounted for|unaccounted|disappeared|still lost|trapped|"
                           r"(?:not|never)\s+(?:been\s+)?(?:able\s+to\s+)?account(?:ed)?\s+for|"
                           r"(?:cannot|can't|unable to)\s+account\s+for)\b", re.I)),
    ("accounted for", re.compile(r"(?<!un)\baccounted for\b", re.I)),  # found safe: no rule counts it
    ("rescued", re.compile(r"\b(?:rescued|rescuing|saved|pulled (?:out )?alive|plucked|brought to safety|were rescued|"
                           r"pulled\b[^,;.]{0,40}\bfrom (?:the )?(?:water|sea|rubble|debris|wreckage|river|lake|mud))\b", re.I)),
    ("survived", re.compile(r"\b(?:survivors?|survived)\b", re.I)),
    ("bodies handled", re.compile(r"\b(?:were|was|have been|had been|been|are being|being) (?:\w+ly )?(?:buried|laid to rest|identified|"
                                  r"handed over|repatriated|sent (?:home|back|to their)|flown (?:home|back)|returned (?:home|to their))\b(?!\s+(?:under|beneath|alive|as|in (?:the )?(?:rubble|mud|debris)))",
                                  re.I)),
    # "260 victims identified -- 254 through DNA tests and 6 through facial identification": bodies identified, a
    # count of the morgue's work, not the toll
    ("bodies handled", re.compile(r"\b(?:through|by|via|using) (?:DNA|fingerprints?|facial (?:recognition|identification)|"
                                  r"dental records)\b|\bDNA (?:tests?|matching|matches|samples?|profiling)\b", re.I)),
    ("killed", re.compile(r"\b(?:killed|killing|kills|kill|dead|deaths?|death toll|toll|died|dying|die|fatalities|perished|"
                          r"drowned|massacred|slain|executed|lost their lives|lives (?:lost|claimed)|bodies|corpses|remains|"
                          r"deceased|martyred|martyring|martyrs|buried|"
                          r"(?:claim(?:ed|ing|s)?|t(?:ook|aken?|akes|aking)|cost(?:ing|s)?) the lives of|"
                          r"lost(?=\s+(?:at least\s+|more than\s+|about\s+|nearly\s+|over\s+|some\s+|up to\s+)?(?:\d|one\b|"
                          r"two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens\b|hundreds\b|thousands\b))|"
                          r"claimed\b[^.]{0,60}\blives)\b", re.I)),
    ("in hospital", re.compile(r"\b(?:(?:in|at) (?:the )?hospitals?|hospitali[sz]ed|admitted to hospitals?|in (?:a )?(?:critical|serious) "
                               r"condition|discharged)\b", re.I)),
    ("wounded", re.compile(r"\b(?:wounded|wounding|injured|injuring|injures|injure|injuries|hurt|treated for)\b", re.I)),
    ("on board", re.compile(r"\b(?:on board|onboard|aboard|carrying|carried|passengers? and crew|manifest|passenger list|"
                            r"number of passengers|passenger count|packed|crammed|overcrowded with|passengers on|"
                            r"(?:on|in) (?:the|that|this|a|its) (?:ship|boat|vessel|ferry|plane|flight|aircraft|bus|"
                            r"train|jet|trawler|dinghy)(?:['’]s hold)?|(?:all|the|its) (?:the )?passengers)\b", re.I)),
    ("destroyed", re.compile(r"\b(?:destroyed|collapsed|flattened|razed|damaged|washed away|reduced to rubble)\b", re.I)),
    ("displaced", re.compile(r"\b(?:displaced|displacing|displacements?|homeless|forced from their homes|uprooted)\b", re.I)),
    ("evacuated", re.compile(r"\b(?:evacuated|evacuation|evacuating)\b", re.I)),
    ("fled", re.compile(r"\b(?:fled|fleeing|flee|escaped|have left the country)\b", re.I)),
    # a crowd is no toll: "Thousands had gathered there to commemorate the anniversary of his death"
    ("gathered", re.compile(r"\b(?:gathered|had gathered|attended|assembled|rallied|marched|thronged|flocked|"
                            r"turned out|attending)\b", re.I)),
    # "5.7 million people affected by floods", "affected over 33 million": no rule counts it, so it is no toll
    ("affected", re.compile(r"\b(?:affected|impacted)\b(?!\s+(?:areas?|villages?|districts?|regions?|provinces?|"
                            r"communities|families|households|people|persons|towns?|parts?|zones?|countries|states?)\b)", re.I)),
    ("refugees", re.compile(r"\brefugees?\b|\basylum\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrested|detained|detention|jailed|imprisoned|in custody|suspects? held)\b", re.I)),
    ("population", re.compile(r"\b(?:home to|population of|populations? (?:is|was|of)|inhabitants|a (?:city|town|village|district|"
                              r"region|province|country|community) of|(?:city|town|village) of some)\b", re.I)),
    ("capacity", re.compile(r"\b(?:capacity|designed to carry|licensed to carry|allowed to carry|permitted to carry|built to carry|"
                            r"meant to carry|certified to carry|built for|can carry|could carry|seats?|maximum of)\b", re.I)),
    ("in need", re.compile(r"\b(?:in need of|need(?:s)? (?:humanitarian )?(?:aid|assistance|help))\b", re.I)),
    ("member", re.compile(r"\b(?:members?|member states|-nation|-member|-country|group of|coalition of|alliance of|"
                          r"made up of|comprising|consists? of|signed by|signatories|representatives? of|delegates?)\b", re.I)),
]

#: Where one clause ends and the next begins, inside a sentence.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:—–]\s*|\s+-\s+|\((?=[^)]*\d)|\)|,\s*(?=\d)(?!(?:1[89]|20)\d\d\b)"
    r"|,\s*(?=(?:more than|at least|about|around|nearly|over|some|up to|almost|another)\s+\d)"  # ", more than 600 injured"
    r"|,\s*(?=(?:while|whereas|but|and|with|as|although|though|which|who|where|after|before|when|including|"
    r"among them|of whom|of which|out of (?:which|whom|them|those)|plus|bringing|taking|up from|down from|from|"
    r"compared|the (?:number|death toll|toll|tally|count|total) of|the (?:death )?toll\b|death toll\b)\b)"
    r"|\s+(?=(?:while|whereas|but|although|though)\b)"
    r"|\s+(?=as\s+(?!many\b|much\b|few\b|high\b|low\b|well\b|of\b|a\s+result\b|to\b|long\b|soon\b)[a-z]+\s)"
    r"|\s+(?=and\s+(?:\w+\s+){0,3}(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens?\b|"
    r"hundreds?\b|thousands?\b|scores?\b|several\b|some\b|about\b|at least\b|more than\b|nearly\b))",
    re.I)

#: Nouns that say the measure themselves, whatever verb is near.
NOUN_MEASURES = {"body": "killed", "corpse": "killed", "death": "killed", "fatality": "killed", "casualty": None,
                 "martyr": "killed",  # "the confirmed number of martyrs stood at 84"
                 "survivor": "survived", "passenger": None, "injury": "wounded", "life": "killed", "victim": None,
                 "arrest": "arrested", "suspect": None}
#: Nouns that say who is counted, and the measure only when their clause names none: "carrying 400 refugees"
#: counts people on board, "400 refugees were killed" the dead, "hosts 3.6 million refugees" refugees.
NOUN_FALLBACK = {"refugee": "refugees", "evacuee": "evacuated"}
#: Who carried out an attack: a group size, unless the clause says what happened to them ("two attackers were shot").
_ATTACKERS = {"bomber", "suicide bomber", "attacker", "assailant", "hijacker", "perpetrator", "shooter", "gunman"}
_DONE_TO = re.compile(r"\s*(?:\w+\s+){0,2}?(?:were|was|have been|had been|are|being)\s+(?:\w+\s+)?(?:killed|shot|"
                      r"arrested|detained|captured|wounded|injured|caught|identified|held)\b", re.I)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause holding the figure at sentence[start:end]."""
    lo, hi = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start and b_end > lo:
            lo = b_end
        elif b_start >= end and b_start < hi:
            hi = b_start
            break
    return lo, hi


@lru_cache(maxsize=64)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where _CLAUSE_BREAK matches in the sentence, found once: every figure of a sentence asks for its clause
    several times (measure, part, revision, fear, place)."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def nearest(text: str, start: int, end: int, patterns, lo: int = 0, hi: int | None = None) -> str | None:
    """The label whose pattern matches nearest the figure inside text[lo:hi] (after the figure counts less)."""
    hi = len(text) if hi is None else hi
    best, best_dist = None, None
    masked: list[tuple[int, int]] = []
    index = _boundary_index(text)
    for label, pat in patterns:
        for m_start, m_end in _spans(pat, _openings_of(pat), text, index, lo, hi):
            if any(m_start < e and s < m_end for s, e in masked):
                continue
            masked.append((m_start, m_end))
            if start <= m_start < end or start < m_end <= end:
                dist = 0.0
            elif m_start >= end:
                dist = float(m_start - end)
            else:
                dist = (start - m_end) * 1.5  # words after the figure usually say what happened to it
            if best_dist is None or dist < best_dist:
                best, best_dist = label, dist
    return best


# ---------------------------------------------------------------- scanning a sentence for many word patterns
# ``nearest`` asks each of some 25 patterns where it matches, three times or more per figure. Python's regex
# engine tries a case-insensitive ``\b(?:word|word|...)`` at every position of the text, so most of the time
# went to positions where no match can start. A match of such a pattern starts at a word boundary with one of
# a few three-letter openings ("kil" for killed, "dea" for dead ...): the text's word boundaries are indexed once
# by their opening, and a pattern is only tried (``Pattern.match``, at those positions, as finditer would) where
# one of its openings stands. The spans are exactly ``Pattern.finditer``'s (tests/test_measure_scan.py).

#: Characters of a match's opening that the index keys on.
_OPENING = 3
_BOUNDARY = re.compile(r"\b")
_LOOKS = (_sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def pattern_spans(pat: re.Pattern, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The (start, end) of each match of ``pat.finditer(text, lo, hi)``, trying ``pat`` only where a match can
    start (``openings``); the whole window for a pattern whose openings cannot be told."""
    heads = _openings_of(pat)
    return _spans(pat, heads, text, _boundary_index(text) if heads is not None else None, lo, hi)


def spans_of_each(patterns, text: str) -> list[list[tuple[int, int]]]:
    """``pattern_spans`` over the whole text for each of ``(label, pattern)`` pairs, the text indexed once."""
    index = _boundary_index(text)
    return [_spans(pat, _openings_of(pat), text, index, 0, len(text)) for _, pat in patterns]


def _spans(pat: re.Pattern, heads: frozenset[str] | None, text: str, index, lo: int, hi: int) -> list[tuple[int, int]]:
    """``pattern_spans`` given the pattern's openings and the text's ``_boundary_index`` (no match at all when
    none of the pattern's openings stands in the text)."""
    if heads is None or index is None:
        return [m.span() for m in pat.finditer(text, lo, hi)]
    by_opening, unsure, openers = index
    if not unsure and heads.isdisjoint(openers):
        return []  # no match can start anywhere in the text (the common case: answered without a new set)
    keys = heads & openers
    starts = sorted([p for k in keys for p in by_opening[k]] + unsure) if len(keys) != 1 or unsure \
        else by_opening[next(iter(keys))]
    out: list[tuple[int, int]] = []
    pos = lo
    for p in starts:  # finditer's search, from ``pos`` on, only where a match can start; matches are never empty
        if p < pos:
            continue
        if p >= hi:
            break
        m = pat.match(text, p, hi)
        if m is not None:
            out.append(m.span())
            pos = m.end()
    return out


#: id(pattern) -> (pattern, its openings or None). Keyed by id, not by the pattern: hashing a compiled pattern hashes
#: its code, and ``nearest`` asks for some 25 patterns' openings three times per figure.
_OPENINGS: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}


def _openings_of(pat: re.Pattern) -> frozenset[str] | None:
    """``openings(pat)``, worked out once per pattern."""
    known = _OPENINGS.get(id(pat))
    if known is None or known[0] is not pat:
        known = _OPENINGS[id(pat)] = (pat, openings(pat))
    return known[1]


@lru_cache(maxsize=16)
def _boundary_index(text: str) -> tuple[dict[str, list[int]], list[int], frozenset[str]] | None:
    """The text's word boundaries by their lowercased opening (ASCII), those whose opening is not ASCII (tried
    for every pattern: 'ſ' and 'ı' match 's' and 'i' when case is ignored), and the set of openings; None when
    lowercasing changes the text's length (its offsets would not be the text's)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    by_opening: dict[str, list[int]] = {}
    unsure: list[int] = []
    for m in _BOUNDARY.finditer(text):
        p = m.start()
        key = low[p:p + _OPENING]
        if key.isascii():
            by_opening.setdefault(key, []).append(p)
        else:
            unsure.append(p)
    return by_opening, unsure, frozenset(by_opening)


def openings(pat: re.Pattern) -> frozenset[str] | None:
    """The lowercased first ``_OPENING`` (three) characters of every possible match of ``pat``, when every match
    starts at a word boundary (``\\b``, perhaps after lookbehinds) and is at least that long; None when the pattern
    does not say (it is then scanned everywhere)."""
    if pat.flags & re.ASCII or not isinstance(pat.pattern, str):
        return None
    try:
        items = list(_sre_parse.parse(pat.pattern, pat.flags))
    except Exception:  # noqa: BLE001 -- a pattern this reader does not follow is scanned as it is
        return None
    if not _starts_at_boundary(items):
        return None
    found = _starts(items)
    if found is None or any(len(s) < _OPENING for s in found):
        return None
    return frozenset(found)


def _starts_at_boundary(items) -> bool:
    """Whether a match of these parsed items can only start at a word boundary."""
    for op, av in items:
        if op in _LOOKS and av[0] == -1:
            continue  # a lookbehind: zero width
        if op is _sre.AT:
            return av is _sre.AT_BOUNDARY
        if op is _sre.SUBPATTERN:
            return not (av[1] | av[2]) & re.ASCII and _starts_at_boundary(av[3])
        if op is _sre.BRANCH:
            return all(_starts_at_boundary(alt) for alt in av[1])
        return False
    return False


def _starts(items) -> set[str] | None:
    """Every possible opening (first ``_OPENING`` characters, lowercased) of a match of these parsed items;
    shorter strings where the items end sooner; None when an item can match characters not listed."""
    out = {""}
    for op, av in items:
        if all(len(s) >= _OPENING for s in out):
            break
        more = _item_starts(op, av)
        if more is None:
            return None
        out = {s if len(s) >= _OPENING else (s + m)[:_OPENING] for s in out for m in more}
    return out


def _item_starts(op, av) -> set[str] | None:
    if op is _sre.LITERAL:
        return {chr(av).lower()} if chr(av).isascii() else None
    if op is _sre.IN:
        return _class_chars(av)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            more = _starts(alt)
            if more is None:
                return None
            found |= more
        return found
    if op is _sre.SUBPATTERN:
        return None if (av[1] | av[2]) & re.ASCII else _starts(av[3])
    if op is _sre.ATOMIC_GROUP:
        return _starts(av)
    if op in _REPEATS:
        low, high, sub = av
        once = _starts(sub)
        if once is None or (low, high) == (0, 1):
            return None if once is None else once | {""}  # "deaths?", "(?:the )?"
        if "" in once:
            return None  # a repeat of something that may be empty: its openings are not worked out here
        # each time adds a character or more, so the opening of n >= _OPENING times is one of _OPENING times
        found = set()
        for times in range(min(low, _OPENING), min(high, _OPENING) + 1):
            found |= _starts(list(sub) * times)
        return found
    if op is _sre.AT or op in _LOOKS:
        return {""}  # zero width: a boundary or a look around only narrows where a match stands
    return None


def _class_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= 128:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category (\w, \s), a wide range: any character
    if not all(c.isascii() for c in chars):
        return None
    return {c.lower() for c in chars}


#: "The death toll, which was earlier put at 125, has now risen to 131": the toll's verb and its figure.
_TOLL_RISEN_TO = re.compile(r"\b(?:death toll|toll of the dead|number of (?:the )?(?:dead|deaths|fatalities|victims)|"
                            r"body count|number of (?:\w+ )?bodies|fatality count)\b(?:[^.;]|\.(?=\d)){0,120}?"
                            r"\b(?:(?:rose|risen|rising|rises|climbed|climbs|jumped|jumps|increased|increases|reached|reaches|"
                            r"stands?|stood|hit|hits|passed|passes|topped|tops|mounted|mounts|soared|soars|surged|surges|"
                            r"(?:was |been |is )?(?:put|revised|lowered|raised|updated|corrected))\s+(?:\w+\s+){0,2}?"
                            r"(?:to|at)|(?:reached|reaches|hit|hits|passed|passes|topped|tops|surpassed|surpasses|exceeded|"
                            r"exceeds|crossed|crosses))\s+(?:at least\s+|about\s+|some\s+|more than\s+|nearly\s+|over\s+)?$"
                            r"|^\W*(?:the\s+)?death toll\b[^.;,]{0,60}?\bat\s+(?:at least\s+|about\s+|some\s+|more than\s+|"
                            r"nearly\s+|over\s+)?$", re.I)  # a headline's "Death toll of weekend quake at 2,053"


def predicate(sentence: str, start: int, end: int, noun: str | None, patterns=PREDICATES,
              others: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The measure of the figure at sentence[start:end]: its noun's, else its clause's verb, else the nearest
    verb of a clause that holds no other figure ("Rescuers pulled 120 people ..., and 58 are still missing":
    'missing' belongs to 58, never to 120)."""
    lo, hi = clause_bounds(sentence, start, end)
    if _AGE_BEFORE.search(sentence, max(0, start - 40), start):
        return "age"  # "a woman between the age of 10 and 19": how old, not how many
    bodies = noun in ("body", "corpse") or _BODIES_OF.search(sentence, max(0, start - 30), start)
    if bodies and _HANDLED.search(sentence, lo, hi):
        return "bodies handled"  # "30 bodies were loaded onto trucks": a part of the dead, moved, not a toll
    status = _NUMBER_OF_STATUS.search(sentence, max(lo - 60, 0), start)
    if status:
        word = status.group("status")
        label = nearest(word, len(word), len(word), patterns)
        if label is not None:
            return label  # "the number of persons rescued remains at 104": the status after the noun is the measure
    by_noun = _noun_measure(sentence, start, noun)
    if by_noun:
        return by_noun
    if noun in (None, "person", "victim", "casualty") and _TOLL_RISEN_TO.search(sentence, max(0, start - 160), start):
        return "killed"  # "the death toll ... has now risen to 131 after six more succumbed to their injuries"
    if noun in _ATTACKERS and not _DONE_TO.match(sentence, end):
        return "attackers"  # "seven bombers blew themselves up", "Nine bombers co-ordinated blasts"
    own = [(label, pat) for label, pat in patterns if label != NOUN_FALLBACK.get(noun or "")]
    label = nearest(sentence, start, end, own, lo, hi)
    if label is not None:
        return label
    if noun in NOUN_FALLBACK:
        return NOUN_FALLBACK[noun]
    if _OWN_VERB.match(sentence, end):
        return None  # "as hundreds of people pressed near the water's edge": its own verb, not a neighbour's measure
    free = list(sentence)
    for s, e in others:
        if (s, e) != (start, end):
            c_lo, c_hi = clause_bounds(sentence, s, e)
            free[c_lo:c_hi] = " " * (c_hi - c_lo)  # another figure's clause: its verb is that figure's
    return nearest("".join(free), start, end, patterns)


#: "passengers from 33 countries", "citizens of 35 nations": countries counted as where people came from.
_FROM_COUNTRIES = re.compile(r"\b(?:from|hail(?:s|ed|ing)? from|citizens of|nationals of|natives of|representing)\s*$", re.I)
_PEOPLE_WORD = re.compile(r"\b(?:victims?|passengers?|people|dead|killed|died|aboard|on board|onboard|survivors?|nationals|"
                          r"citizens|tourists|migrants|travell?ers|crew|casualties|lives)\b", re.I)


#: A past-tense verb right after the figure: the clause says what the counted did ("pressed", "gathered").
_OWN_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|stood|took part|turned out|lined up|came out|went)\s+(?!by\b)",
                       re.I)


def _noun_measure(sentence: str, start: int, noun: str | None) -> str | None:
    """The measure a counted noun says itself: '94 bodies' (killed), '33 nationalities', 'people from 35 countries'."""
    if noun == "nationality":
        return "nationalities"
    if noun in ("country", "nation") and _FROM_COUNTRIES.search(sentence[max(0, start - 30):start]) \
            and _PEOPLE_WORD.search(sentence):
        return "nationalities"
    return NOUN_MEASURES.get(noun or "")


#: Length units: a figure in one of them is a distance, a width, a length, a depth or a height.
_LENGTH_UNITS = {"meter", "kilometer", "mile", "nautical mile", "yard", "foot", "centimeter", "inch", "millimeter"}
_DIRECTION = r"(?:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?)"
_SIZE_AFTER = [("width", re.compile(r"[\s-]*(?:wide|broad|in width)\b|-by-", re.I)),
               ("length", re.compile(r"[\s-]*(?:long|in length)\b", re.I)),
               ("depth", re.compile(r"[\s-]*(?:deep|in depth|below the (?:surface|seabed|sea))\b", re.I)),
               ("height", re.compile(r"[\s-]*(?:high|tall|in height)\b", re.I)),
               ("distance", re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:" + _DIRECTION + r"\s+of|from|off|away|outside|"
                                       r"short of|inland|offshore)\b", re.I))]


_SPEED_UNITS = {"kilometer per hour", "mile per hour", "knot", "meter per second"}
_WIND = re.compile(r"\b(?:winds?|gusts?|gusting|sustained)\b", re.I)
_GUSTS = re.compile(r"\bgust(?:s|ing)?\b[^,;]*$", re.I)  # gusts named before the figure, in its phrase
#: "195 kilometres (120 miles) per hour": the speed unit comes after the bracketed conversion.
_PER_HOUR = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:per hour|an hour|/h)\b|\)\s*(?:per hour|an hour)\b", re.I)


def physical_measure(sentence: str, start: int, end: int, unit: str | None) -> str | None:
    """What a physical figure measures: 'a 7.5-magnitude quake' (magnitude), 'a 3.2-meter-wide alley' (width),
    '60km southeast of the capital' (distance). Never a casualty verb of its sentence: 60km is not 'on board'."""
    if unit == "magnitude":
        return "magnitude"
    if unit in _SPEED_UNITS or (unit in ("kilometer", "mile") and _PER_HOUR.match(sentence, end)):
        lo, hi = clause_bounds(sentence, start, end)
        if not _WIND.search(sentence, max(0, lo - 40), hi):
            return None  # a train's or a car's speed: no storm's
        return "wind gusts" if _GUSTS.search(sentence, max(0, start - 40), start) else "wind speed"
    if unit not in _LENGTH_UNITS:
        return None
    if sentence[max(0, start - 4):start].lower() == "-by-":
        return "length"  # "a 4-meter-by-40-meter path": width by length
    closing = re.match(r"[^()]{0,3}\)", sentence[end:end + 4])
    if closing and re.search(r"\(\s*(?:about|around|some|roughly|approximately|or)?\s*$", sentence[:start]):
        end += closing.end()  # "42 miles (67 km) north-east of": the conversion measures what the first figure does
    for label, pat in _SIZE_AFTER:
        if pat.match(sentence, end):
            return label
    if re.search(r"\bat (?:a|the) depth of\s+(?:about\s+|some\s+|around\s+)?$", sentence[max(0, start - 30):start], re.I):
        return "depth"  # "at a depth of 2000 metres"
    return None


_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+)?(?:between\s+)?(?:\d+\s+(?:and|to|-)\s+)?$|"
                         r"\bage of\s+\d+\s+(?:and|to)\s+$", re.I)
_BODIES_OF = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s+(?:the\s+)?$", re.I)
_NUMBER_OF_STATUS = re.compile(r"\b(?:number|toll|count|tally|total)\s+of\s+(?:the\s+)?(?:(?![\d,.]+\s)\w+\s+)?(?P<status>killed|dead|"
                               r"missing|injured|wounded|rescued|evacuated|displaced|arrested|detained|"
                               r"survivors|injuries|deaths|fatalities)\b[^,;]{0,30}$", re.I)


_HANDLED = re.compile(r"\b(?:loaded|transported|taken to|moved|identified|unidentified|buried|repatriated|sent|handed over|flown|"
                      r"released|returned|examined|autopsied|awaiting identification|unclaimed|brought to|laid out)\b", re.I)
_REFERS_BACK = re.compile(r"\b(?:the|this|that|its|their)\s+(?:new\s+|latest\s+|official\s+|overall\s+|total\s+)?"
                          r"(?:figure|number|tally|total|count|toll)\b", re.I)


def refers_back(sentence: str, start: int, end: int) -> bool:
    """'the figure rose to 90', 'put the number at 52,300': the measure was named earlier in the paragraph."""
    lo, hi = clause_bounds(sentence, start, end)
    return bool(_REFERS_BACK.search(sentence, lo, hi))


_PART_BEFORE = re.compile(r"\b(?:including|includ(?:es|ed|e)|among them|among whom|among those|among the dead|of whom|of them|"
                          r"of which|of those|amongst them)\b[^.;]{0,40}$", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:out of|of)\s+(?:the|all|a total of)\s+$", re.I)
_OF_THE_TOTAL = re.compile(r"\b[Oo]f the\s+(?:\S+\s+){0,2}?\d[\d,.]*\b(?![-\s]*(?:magnitude|percent|per cent|%|km\b|"
                           r"kilomet|miles?\b|met(?:er|re)s?\b|years?\b|days?\b|hours?\b|storey|story))")  # "of the 7 magnitude quake"
_PART_AFTER = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:were|are|was|is|came|come)?\s*(?:from|in)\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


_PART_OF_AFTER = re.compile(r"^\s*(?!(?:in|at|on|during|from|to)\s)(?:\w+\s+){0,3}?(?:out\s+)?of\s+"
                            r"(?:those|them|the|whom|which|these|all)\b(?!\s+\w+est\b|\s+most\b)", re.I)
# "602 in one of the deadliest earthquakes": where, not of whom
_WHO_AFTER = re.compile(r"^\s*(?:of\s+(?:them|whom)\s+)?(?:are|were|was|is)\s+(?P<who>female|male|women|men|girls|boys|"
                        r"children|minors|teenagers|foreigners|foreign nationals|students|tourists|soldiers|civilians)\b",
                        re.I)
_OF_THOSE_OPENING = re.compile(r"^\W*(?:out of|of|among|amongst)\s+(?:the|those)\b[^,;]{0,40},", re.I)
_REGIONAL = re.compile(r"\b(?:African|European|Asian|Arab|Latin American|South American|North American|Middle Eastern|"
                       r"Western|Gulf|Nordic|Scandinavian|Balkan|Caribbean|Pacific)\b")
_REGIONAL_FROM = re.compile(r"\b(" + _REGIONAL.pattern[2:-2] + r")s?\s+(?:\w+\s+){0,2}?from\s+$")
_NATIONALS = re.compile(r"\b(?P<d>[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ch|sh))(?:s\b|\s+(?:nationals?|citizens?|passengers?|"
                        r"victims?|people|tourists?|workers?|dead|among|were|are|was|civilians?|soldiers?|troops|"
                        r"servicemen|service members|fighters|pilgrims|migrants|refugees|fans|students|children|"
                        r"women|men|residents)\b)"  # "41 Azerbaijani civilians": one side's part of a war's toll
                        r"|\b(?P<d2>U\.?S\.?|U\.?K\.?|UAE)\s+(?:\w+\s+)?(?:troops|soldiers|service ?members|servicemen|"
                        r"personnel|citizens|nationals|marines|military|civilians|sailors|airmen)\b")  # "13 US troops"


def nationality_in_clause(sentence: str, start: int, end: int) -> str | None:
    """'18 Canadians', 'Kenyan passengers', 'followed by Canadians with 18': a nationality qualifying the figure."""
    from factcheck.places import country_of_demonym

    lo, hi = clause_bounds(sentence, start, end)
    inside = _REGIONAL.search(sentence, start, end)
    if inside:
        return inside.group(0)  # "12 African nations", "five European passengers": a part by region
    before = _REGIONAL_FROM.search(sentence, lo, start)
    if before:
        return before.group(1)  # "Africans from 12 nations": the region's people only
    adjacent = re.match(r"\s*([A-Z][a-z]+)\b", sentence[end:end + 20])
    if adjacent and country_of_demonym(adjacent.group(1)) is not None:
        return adjacent.group(1)  # "8 Chinese, 7 French": the nationality right after the figure
    near = [m for m in _NATIONALS.finditer(sentence, max(lo, start - 30), min(hi, end + 30))
            if country_of_demonym(m.group("d") or m.group("d2")) is not None]
    if not near:
        return None  # in a list ("32 Kenyans, 18 Canadians, ...") only the nationality next to the figure is its own
    best = min(near, key=lambda m: min(abs(m.start() - end), abs(start - m.end())))
    return best.group("d") or best.group("d2")


_SEVERITY = re.compile(r"\b(?P<how>minor|light|slight|serious|severe|critical|life-threatening|grave)\s+(?:injur(?:y|ies)|"
                       r"wounds?|condition|burns)\b"
                       r"|\b(?P<how_adv>badly|seriously|severely|critically|gravely|lightly|slightly|mildly|moderately)\s+"
                       r"(?:injured|wounded|hurt|burned|burnt)\b"
                       r"|\b(?:injured|wounded|hurt)\s+(?P<how_after>badly|seriously|severely|critically|gravely|lightly|"
                       r"slightly|mildly|moderately)\b", re.I)


#: "badly injured" and "serious injuries" name one part: the adverb is read as its adjective.
_SEVERITY_WORD = {"badly": "serious", "seriously": "serious", "severely": "severe", "critically": "critical",
                  "gravely": "grave", "lightly": "light", "slightly": "slight", "mildly": "minor", "moderately": "moderate"}


def _named_part(sentence: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """A part that names itself: by severity, by sex or group after the figure, or 'the other ...' before it."""
    severity = _SEVERITY.search(sentence, lo, hi)
    if severity:
        how = severity.group("how") or severity.group("how_adv") or severity.group("how_after")
        return _SEVERITY_WORD.get(how.lower(), how.lower())  # "116 others sustained minor injuries": the lightly hurt
    who = _WHO_AFTER.match(sentence[end:end + 40])
    if who:
        return who.group("who").lower()  # "Of the dead, 101 are female and 55 are male": parts by sex or group
    if _OTHER_BEFORE.search(sentence, max(lo, start - 40), start):
        return "others"  # "The other nationalities had one or two passengers on board": the remainder
    return None


_TOTAL_BEFORE = re.compile(r"\b(?:out of|of)\s+(?:the|a total of|all|all the)\s+$", re.I)
_OTHER_BEFORE = re.compile(r"\b(?:the|all|every)\s+other\s+(?:\w+\s+){0,4}?(?:had|have|has|with|were|are|numbered)?\s*$|"
                           r"\bthe\s+other\s*$", re.I)


def part_marker(sentence: str, start: int, end: int) -> str | None:
    """Why the figure is a part of a total stated nearby ("including 12 children", "Of the 67 dead, 31 ..."), else None.

    Returns the place the part is qualified by when the sentence says it ("31 were from Norte
    province"), else "part".
    """
    if _TOTAL_BEFORE.search(sentence, max(0, start - 20), start):
        return None  # "32 passengers out of the 149": the figure after "out of the" is the total
    lo, hi = clause_bounds(sentence, start, end)
    head = sentence[max(0, lo - 60):start]
    if _TOTAL_BEFORE.search(sentence, max(0, start - 25), start):
        return None  # "32 passengers on board out of the 149 passengers": the figure after 'out of' is the total
    named = _named_part(sentence, start, end, lo, hi)
    if named:
        return named
    if _PART_BEFORE.search(sentence[lo:start]) or _PART_BEFORE.search(head[-45:]):
        return _place_after(sentence, end) or "part"
    m = _OF_THE_TOTAL.search(sentence, 0, start)
    if m is not None and m.end() <= start:
        return _place_after(sentence, end) or "part"
    if _PART_OF_AFTER.match(sentence[end:end + 40]):
        return "part"  # "32 passengers out of the 149", "Four of those on board"
    opening = _OF_THOSE_OPENING.match(sentence)
    if opening and start >= opening.end():
        return "part"  # "Of those killed, at least 97 were female"; "Among the 151 dead, 97 ..."
    return None


def _place_after(sentence: str, end: int) -> str | None:
    m = _PART_AFTER.match(sentence[end:end + 80])
    return m.group("place") if m else None


_EARLIER_BEFORE = re.compile(
    r"(?:\b(?:rose|rising|risen|increased|climbed|jumped|soared|grew|went up|fell|dropped|decreased|declined|revised|"
    r"lowered|raised|corrected|changed|updated|upped)\s+(?:[\w,.]+\s+){0,3}from"
    r"|\bup from|\bdown from"
    r"|^\W*(?:the\s+)?(?:previous|earlier|initial|original|first|old|last)\s+(?:death\s+)?(?:toll|figure|count|tally|"
    r"estimate|report)s?\b[^;]*"
    r"|\b(?:initially|originally|previously|first)\b(?:\s+(?:put|reported|given|estimated|said|stood|set|at|as|of|was|were|"
    r"announced|confirmed|stated|gave|counted|recorded|indicated|listed|"
    r"had|been|the|toll|figure|number|death|that|it|they|officials|authorities|estimates?|figures?|counts?|tolls?|"
    r"our|its|their)){0,7}"
    r"|\bearlier\s+(?:put|reported|gave|said|estimated|counted)\b(?:\s+(?:the|toll|figure|number|at|as|that|death)){0,4}"
    r"|\b(?:reported|put|given|said|announced|stated|estimated)\s+earlier(?:\s+(?:that|at|as|the|toll|figure|death)){0,4}"
    r"|\bhad\s+(?:already\s+)?(?:raised|put|lifted|increased|revised|given|reported|stood|risen|climbed)\s+"
    r"(?:the\s+)?(?:death\s+)?(?:toll\s+|figure\s+|number\s+)?(?:to|at)"
    r"|\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:\w+\s+){0,2}?(?:reported|given|put|announced|stated|"
    r"counted)(?:\s+(?:earlier|that|at|as|the|toll|figure|death)){0,4}"
    r"|\bearlier\s+(?:reports?|figures?|estimates?|tolls?|counts?)\s+(?:of|had|said|put|gave)(?:\s+\w+){0,3}?"
    r"|\b(?:an?|the)\s+(?:earlier|previous|initial|original|first)\s+(?:\w+\s+){0,2}?(?:of|at)"
    r"|\bfrom(?=\s+(?:an?\s+)?(?:earlier|previous|initial)\b)(?:\s+\w+){0,3}?(?:\s+of)?)\s*$", re.I)
_FROM_TO = re.compile(r"\bfrom\s*$", re.I)
_TO_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:to|up to)\s+(?:at least\s+|about\s+|more than\s+|some\s+)?\d", re.I)
_CORRECTION = re.compile(r"\b(?:revised (?:down|downward)|lowered|corrected|reduced|cut|scaled back|revised the (?:death )?toll down|"
                         r"overcounted|double[- ]counted|downgraded)\b", re.I)


#: A status that is only feared ("hundreds are feared dead", "believed missing"), wherever it stands in the clause.
_FEARED_STATUS = re.compile(r"\b(?:feared|fear|fears|believed|presumed|thought|likely)\b[^,;]{0,20}\b(?:dead|killed|died|"
                            r"drowned|lost|missing|trapped|buried)\b", re.I)
#: A forecast governs the figure it stands before ("could reach 20,000"), not one it follows ("passes 1,200, could rise").
_FORECAST = re.compile(r"\b(?:can|could|may|might|would|will|expect|expects|expected(?: to)?|projected(?: to)?|likely to|"
                       r"set to|warned)\b(?!\s+have\b)[^,;]{0,30}\b(?:rise|reach|climb|top|exceed|hit|surpass|go)\b"
                       r"(?:[^,;]|,\s*(?=(?:possibly|perhaps|maybe|likely|potentially)\b)){0,40}$"
                       r"|\b(?:possibly|perhaps|potentially)\s+(?:in\s+the\s+|as many as\s+|as high as\s+)?$", re.I)


def feared(sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> bool:
    """'Hundreds are feared dead', 'the toll could reach 20,000': a fear or forecast, not a count. A fear that
    another figure stands nearer to is that figure's ("revised to 85 and the number believed missing dropped to 11")."""
    lo, hi = clause_bounds(sentence, start, end)
    for m in _FEARED_STATUS.finditer(sentence, lo, hi):
        gap = min(abs(m.start() - end), abs(start - m.end()))
        if not any(min(abs(m.start() - e), abs(s - m.end())) < gap for s, e in others if s != start):
            return True
    return bool(_FORECAST.search(sentence[lo:start]))


_INCREMENT = re.compile(r"\b(?:additional|another|further|more|extra|new)\s*$|\b(?:an?\s+)?(?:increase|rise|jump)\s+of\s*$|"
                        r"\b(?:increased|rose|risen|grew|climbed|jumped|"
                        r"went up|fell|dropped|decreased|reduced|lowered|cut|slashed|raised|revised(?: down| up)?|up|down)"
                        r"\s+by\s*$|^\s*(?:\w+\s+)?(?:more|additional|others|new)\b",
                        re.I)


#: "24 people were killed in the last 24 hours": a day's increase, not the toll ("rose to 1,136 in the past day" is one)
_LAST_DAY = re.compile(r"\b(?:in|within|over|during)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+(?:24|48|72|twenty-four|"
                       r"forty-eight)\s+hours\b|\b(?:in|over|during)\s+the\s+(?:past|last)\s+day\b", re.I)
_TO_TOTAL = re.compile(r"\b(?:to|at|of|reached|reaching|hit|passed|exceeded|topped)\s+(?:\w+\s+){0,2}$", re.I)


_SUCCUMBED_AFTER = re.compile(r"\b(?:after|as|when|with)\s+$", re.I)
_FOUND_AFTER = re.compile(r"\bafter\s+$", re.I)
_FOUND = re.compile(r"[^.;]{0,30}?\b(?:were|was|had been|have been) (?:recovered|found|pulled out|retrieved|discovered)\b")
_SUCCUMBED = re.compile(r"[^.;]{0,50}?\b(?:succumbed|died (?:of|from) (?:their|his|her) (?:wounds|injuries)|later died|"
                        r"died in hospital)\b", re.I)


def increment(sentence: str, start: int, end: int) -> bool:
    """'three additional bodies', 'another 20', '25 more', '24 killed in the last 24 hours': an increase, never a total."""
    if _SUCCUMBED_AFTER.search(sentence, max(0, start - 12), start) and _SUCCUMBED.match(sentence, end, end + 80) \
            or _FOUND_AFTER.search(sentence, max(0, start - 8), start) and _FOUND.match(sentence, end, end + 60):
        return True  # "the toll rose to 60 after two bodies were recovered", "as two more succumbed": the rise
    if _INCREMENT.search(sentence[max(0, start - 30):start]) \
            or re.search(r"\b(?:more(?!\s+than)|additional|extra|further)\b", sentence[start:end], re.I) \
            or re.match(r"^\s*(?:\w+\s+)?(?:more|additional)\b", sentence[end:end + 25], re.I):
        return True
    lo, hi = clause_bounds(sentence, start, end)
    return bool(_LAST_DAY.search(sentence, lo, hi)) and not _TO_TOTAL.search(sentence, max(0, start - 30), start) \
        and not re.search(r"\b(?:toll|total|tally|overall|cumulative)\b", sentence[lo:hi], re.I)


_PREVIOUS_SUBJECT = re.compile(r"^\W*(?:(?:the|an|a)\s+)?(?:previous|earlier|initial|original|first|old)\s+(?:death\s+)?"
                               r"(?:toll|figure|count|tally|estimate|report)s?\b", re.I)
_NOW_AGAIN = re.compile(r"\b(?:but|now|while|whereas|however|since then|later|currently|today|has since|have since)\b",
                        re.I)  # after an opening "Earlier,", a figure after these words is the current one
_EARLIER_OPENING = re.compile(r"^\W*(?:earlier|previously|initially|at first|originally)\b", re.I)
_TIME_CUE = re.compile(r"\b(?:initial(?:ly)?|after that|later|then|morning|midday|noon|afternoon|evening|night|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|hours?|moments)\b", re.I)


def timeline_step(line: str) -> bool:
    """A list item that tells one step of how a figure changed ("- Early Saturday, 296 were killed")."""
    return bool(re.match(r"^\s*[-•*]\s", line)) and bool(_TIME_CUE.search(line))


def revision(sentence: str, start: int, end: int) -> str | None:
    """'earlier' when the sentence gives the figure as superseded ("up from 42", "initially 42", "from 42 to 67");
    'correction' for the new figure of a stated downward revision; else None."""
    if _PREVIOUS_SUBJECT.match(sentence):
        return "earlier"  # "The previous toll announced on Saturday night indicated 2,012 dead"
    if _EARLIER_OPENING.match(sentence) and (clause_bounds(sentence, start, end)[0] == 0
                                             or not _NOW_AGAIN.search(sentence, 0, start)):
        return "earlier"  # "Earlier Saturday, state TV had put the toll at 151, but ..."; "Previously, 102 ... and 99"
    before = sentence[max(0, start - 70):start]
    if _EARLIER_BEFORE.search(before):
        return "earlier"
    if _FROM_TO.search(before) and _TO_AFTER.match(sentence[end:end + 40]):
        return "earlier"  # "from 42 to 67": the first figure is the old one
    lo, hi = clause_bounds(sentence, start, end)
    if _CORRECTION.search(sentence, max(0, lo - 40), min(len(sentence), hi + 40)):
        return "correction"
    return None


_DEGREE = re.compile(r"\b(?P<total>totally|completely|fully|entirely|wholly)\b|\b(?P<partial>partially|partly|"
                     r"half)\b", re.I)
_HOMES = re.compile(r"\b(?:houses?|homes?|buildings?|dwellings?|structures?|residences?|housing units?)\b", re.I)
_HOUSEHOLDS = re.compile(r"\b(?:families|family|households?)\b", re.I)


def money_purpose(window: str) -> str | None:
    """What an amount is paid for, from the words after it up to the next amount: 'aid per household', 'aid per
    totally collapsed home' ('140,000 dirhams ... for totally collapsed houses, and 80,000 for partially ...')."""
    each = _EACH.search(window)  # "to each household", "per family": an amount per unit, not a lump sum
    homes = _HOMES.search(window)
    if homes:
        degree = _DEGREE.search(window)
        if degree is None:
            return "per home" if each else None
        return "per totally destroyed home" if degree.group("total") else "per partly destroyed home"
    if _HOUSEHOLDS.search(window) and each:
        return "per household"
    return None  # "the EU pledged $35 million to help households": a donor's lump sum, named by no purpose


_EACH = re.compile(r"\b(?:each|every|per|a|apiece)\s+(?:affected\s+)?(?:families|family|households?|houses?|homes?)\b"
                   r"|\bapiece\b", re.I)
