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
- as_of: a stated date, or a weekday/"today" resolved against the publication date;
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

from factcheck.limits import bounded_sentences
from factcheck.load import body_spans
from factcheck.model import Article, Claim, Quantity
from factcheck.quantities import extract_quantities

__all__ = ["extract_claims", "split_sentences", "article_names"]

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
_PREDICATES: list[tuple[str, re.Pattern]] = [
    ("at risk of siege", re.compile(r"\bat risk of (?:being )?(?:placed |put )?(?:under siege|besieged)\b|\brisk (?:of )?siege\b", re.I)),
    ("under siege", re.compile(r"\bunder siege\b|\bbesieged\b|\bsieges?\s+of\b|\btrapped\b|\bencircled\b", re.I)),
    ("killed", re.compile(r"\b(?:killed|killing|kills|dead|deaths?|death toll|died|dying|die|fatalities|perished|"
                          r"massacred|slain|executed|lost their lives|lives (?:lost|claimed)|claimed\b[^.]{0,60}\blives)\b", re.I)),
    ("wounded", re.compile(r"\b(?:wounded|wounding|injured|injuring|injuries|hurt)\b", re.I)),
    ("displaced", re.compile(r"\b(?:displaced|displacing|displacements?|homeless|forced from their homes|uprooted)\b", re.I)),
    ("fled", re.compile(r"\b(?:fled|fleeing|flee|escaped|have left the country)\b", re.I)),
    ("refugees", re.compile(r"\brefugees?\b|\basylum\b", re.I)),
    ("missing", re.compile(r"\b(?:missing|unaccounted for|disappeared)\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrested|detained|detention|jailed|imprisoned|in custody)\b", re.I)),
    ("evacuated", re.compile(r"\b(?:evacuated|evacuation|rescued)\b", re.I)),
    ("in need", re.compile(r"\b(?:in need of|need(?:s)? (?:humanitarian )?(?:aid|assistance|help))\b", re.I)),
    ("member", re.compile(r"\b(?:members?|member states|-nation|-member|-country|group of|coalition of|alliance of|"
                          r"made up of|comprising|consists? of|signed by|signatories|includes|including|representatives? of|delegates?)\b", re.I)),
]

_EVENTS: list[tuple[str, re.Pattern]] = [
    ("war", re.compile(r"\b(?:civil war|war|conflict|fighting|insurgency|uprising|crisis)\b", re.I)),
    ("offensive", re.compile(r"\b(?:offensive|assault|onslaught|bombardment|bombing campaign|air campaign|campaign|operation)\b", re.I)),
    ("attack", re.compile(r"\b(?:attack|bombing|blast|explosion|shooting|massacre|airstrikes?|air strikes?|strikes?)\b", re.I)),
    ("earthquake", re.compile(r"\b(?:earthquake|quake|tremor|aftershock|tsunami)\b", re.I)),
    ("storm", re.compile(r"\b(?:hurricane|typhoon|cyclone|storm|tornado|flood(?:s|ing)?|landslides?|mudslides?|monsoon)\b", re.I)),
    ("fire", re.compile(r"\b(?:fire|wildfire|blaze|bushfire)\b", re.I)),
    ("crash", re.compile(r"\b(?:crash|airliner|plane|derailment|collision|sinking|capsized|shipwreck)\b", re.I)),
    ("epidemic", re.compile(r"\b(?:epidemic|pandemic|outbreak|virus|disease|cholera|ebola|covid(?:-19)?)\b", re.I)),
    ("famine", re.compile(r"\b(?:famine|drought|starvation)\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiations|meeting|summit|conference)\b", re.I)),
]

_MODAL = re.compile(r"\b(?:would|could|might|may|if|unless|threatens? to|stands? to|risks?|feared|fears|projected|forecast|expected to)\b[^,;:.]*$", re.I)

# ---------------------------------------------------------------- places
_PLACE_PREP = re.compile(
    r"\b(?:in|near|across|throughout|inside|outside|around|at|from|to|over|into|within|toward|towards|"
    r"(?:city|town|province|region|district|siege|bombardment|shelling|capital|village|governorate|state|county|suburbs?) of)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|northwest|northeast|southwest|southeast|rebel-held|besieged)\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,2})"
)
_POSSESSIVE_PLACE = re.compile(r"\b(?P<place>[A-Z][a-z]+)['’]s\s+(?:civil war|war|conflict|capital|largest city|north|south|east|west|border|crisis)\b")
_NOT_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An",
    "This", "That", "These", "Those", "His", "Her", "Their", "Its", "It", "He", "She", "They", "We", "I", "Feb",
    "Jan", "Dec", "Nov", "Oct", "Sept", "Sep", "Aug", "Apr", "Mar", "Day", "Power", "Europe's", "Secretary",
    "President", "Minister", "Foreign", "State", "Islamic", "Reuters", "AFP", "AP", "UN", "U.N", "ISIS", "IS",
}
_DEMONYMS = {
    "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan", "russian": "Russia", "turkish": "Turkey", "turk": "Turkey",
    "iranian": "Iran", "ukrainian": "Ukraine", "israeli": "Israel", "palestinian": "Palestine", "lebanese": "Lebanon",
    "yemeni": "Yemen", "libyan": "Libya", "egyptian": "Egypt", "american": "United States", "briton": "Britain",
    "british": "Britain", "french": "France", "german": "Germany", "chinese": "China", "indian": "India",
    "pakistani": "Pakistan", "nepali": "Nepal", "nepalese": "Nepal", "japanese": "Japan", "italian": "Italy",
    "spanish": "Spain", "greek": "Greece", "mexican": "Mexico", "haitian": "Haiti", "sudanese": "Sudan",
    "somali": "Somalia", "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "indonesian": "Indonesia",
    "filipino": "Philippines", "rohingya": "Myanmar", "burmese": "Myanmar", "venezuelan": "Venezuela",
    "colombian": "Colombia", "brazilian": "Brazil", "kurd": "Kurdistan", "gazan": "Gaza", "malian": "Mali",
    "congolese": "Congo", "rwandan": "Rwanda", "eritrean": "Eritrea", "bangladeshi": "Bangladesh", "saudi": "Saudi Arabia",
}

# ---------------------------------------------------------------- attribution, dates
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"()]{3,90})", re.I)
_SAID = re.compile(r"\b(?P<verb>said|says|say|reported|reports|report says|estimated|estimates|told|announced|stated)\b")
_SAID_AFTER = re.compile(r"^[,\s]*[\"”’']*[,\s]*(?P<who>(?:the |an? )?[A-Za-z][\w.’'-]*(?: [A-Za-z][\w.’'-]*){0,5}?)\s+(?:said|says|reported|estimated)\b")
_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH_RE = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_DATE_MD = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")
_SINCE = re.compile(r"\bsince\s+(?P<what>[^,;.]{0,80})", re.I)
_SINCE_WHOLE = re.compile(r"^(?:the |\w+['’]s )?(?:start|beginning|outbreak|onset)?\s*(?:of )?(?:the )?(?:\w+['’]s )?(?:civil )?(?:war|conflict|uprising|crisis|fighting)\b", re.I)
_PAST_RE = re.compile(r"\b(?:last|the previous)\s+(?P<unit>year|month|week|decade)\b"
                      r"|\b(?:a|one)\s+(?P<unit_ago>year|month|week|decade)\s+ago\b"
                      r"|\bin\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\b(?:on |late |early |last )?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?P<rel>today|yesterday|tonight)\b", re.I)
_STARTED_IN = re.compile(
    r"\b(?P<verb>began|begun|started|broke out|erupted|start|began in earnest)\s+in\s+(?P<year>(?:1[89]|20)\d\d)\b", re.I)

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
    all_agreements = sorted({name for s, e in spans for m in _ENTITY_NAMED.finditer(text[s:e])
                             if (name := _canonical_entity(m.group("name"))) and name.endswith("Agreement")})
    n = 0
    for p_start, p_end in spans:
        for s_start, s_end in bounded_sentences(text, p_start, p_end):  # windows and caps: factcheck.limits
            sentence = text[s_start:s_end]
            found = [(q, s_start) for q in extract_quantities(sentence)]
            found += [(q, s_start) for q in _start_year_quantities(sentence)]
            found.sort(key=lambda item: item[0].start)
            for m in _ENTITY_NAMED.finditer(sentence):
                named = _canonical_entity(m.group("name"))
                if named and named.endswith("Agreement"):
                    agreements.append(named)
            for q, base in found:
                n += 1
                claim = _claim(article, q, base, sentence, s_start, line_starts, n)
                if claim.entity is None and q.noun in _GROUP_NOUNS and _generic_head(sentence):
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
                if dup_of is None:
                    fingerprints.append((key, left, right, claim.id))
                    index[claim.id] = len(claims)
                else:
                    first = claims[index[dup_of]]
                    claims[index[dup_of]] = _fill_missing(first, claim)
                    claim = _replace(claim, duplicate_of=dup_of)
                claims.append(claim)
    return claims


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


def _claim(article: Article, q: Quantity, base: int, sentence: str, s_start: int, line_starts: list[int], n: int) -> Claim:
    start, end = base + q.start, base + q.end
    line_idx = bisect.bisect_right(line_starts, start) - 1
    published = article.published
    before, after = sentence[:q.start], sentence[q.end:]
    event = _event(sentence, q)
    noun = q.noun
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
        as_of=_as_of(sentence, published),
        duplicate_of=None,
        sentence=" ".join(sentence.split()),
        published=published,
        source=article.source,
        predicate="began" if q.dimension == "date" else None if q.dimension == "duration" else _predicate(sentence, q),
        since=_since(after if "since" in after else sentence, published),
        entity=_entity(sentence, q),
        event=event,
        modality="hypothetical" if _MODAL.search(before[-90:]) and q.dimension != "date" else "asserted",
        dimension=q.dimension,
        vague=q.vague,
        context=" ".join(_norm_words(before)[-8:] + ["<q>"] + _norm_words(after)[:8]),
    )


def _nearest(sentence: str, q: Quantity, patterns: list[tuple[str, re.Pattern]]) -> str | None:
    """The label whose pattern matches nearest the quantity (ties go to the earlier pattern in the list)."""
    best, best_dist = None, None
    masked: list[tuple[int, int]] = []
    for label, pat in patterns:
        for m in pat.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in masked):
                continue
            masked.append((m.start(), m.end()))
            if q.start <= m.start() < q.end or q.start < m.end() <= q.end:
                dist = 0
            elif m.start() >= q.end:
                dist = m.start() - q.end
            else:
                dist = (q.start - m.end()) * 1.5  # words after the figure usually say what happened to it
            if best_dist is None or dist < best_dist:
                best, best_dist = label, dist
    return best


def _predicate(sentence: str, q: Quantity) -> str | None:
    label = _nearest(sentence, q, _PREDICATES)
    if q.noun == "life" and label in (None, "member"):
        return "killed"
    if q.noun in ("refugee",) and label in (None, "member"):
        return "refugees"
    return label


def _event(sentence: str, q: Quantity) -> str | None:
    return _nearest(sentence, q, _EVENTS)


def _places(sentence: str, q: Quantity) -> str | None:
    found: list[str] = []
    for m in _PLACE_PREP.finditer(sentence):
        place = m.group("place")
        place = re.sub(r"['’]s$", "", place)
        first = place.split()[0]
        if first in _NOT_PLACES or place in _NOT_PLACES:
            continue
        if re.search(r"\b(?:Minister|Secretary|President|Foreign|Security|Council|Committee|Observatory|University|Foundation|Group|Nations|Front|Army|Party|Ministry|Department|Agency|Office|Hotel|Club|Times|Post|News)\b", place):
            continue
        place = _DEMONYMS.get(place.lower(), place)
        if place not in found:
            found.append(place)
    if not found:
        for m in _POSSESSIVE_PLACE.finditer(sentence):
            if m.group("place") not in _NOT_PLACES and m.group("place") not in found:
                found.append(m.group("place"))
    if not found and q.noun and q.noun in _DEMONYMS:
        found.append(_DEMONYMS[q.noun])
    return "; ".join(found) or None


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
    if not who or all(w.lower() in _NOT_WHO for w in who.split()):
        return None
    return who


def _resolve_md(month: str, day: int, year: int | None, published: date | None) -> date | None:
    mnum = _MONTH_NUM.get(month.lower()[:3])
    if mnum is None:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            d = date(year, mnum, day)
        except ValueError:
            return None
        if d > published + timedelta(days=31):
            d = date(year - 1, mnum, day)  # "since February 1" written in January means last year's
        return d
    try:
        return date(year, mnum, day)
    except ValueError:
        return None


def _as_of(sentence: str, published: date | None) -> date | None:
    m = _DATE_MD.search(sentence)
    if m:
        before = sentence[max(0, m.start() - 25):m.start()].lower()
        if not re.search(r"\b(?:since|from|until|till|resume|resumes|scheduled|on or after|by|began|begun|started|starts|begins|start)\b[^,]*$", before):
            d = _resolve_md(m.group("month"), int(m.group("day")), int(m.group("year")) if m.group("year") else None, published)
            if d is not None:
                return d
    if published is None:
        return None
    m = _PAST_RE.search(sentence)
    if m:
        # "last year", "in 2014", "a month ago": an earlier figure, not today's
        if m.group("year"):
            year = int(m.group("year"))
            if year < published.year and not re.search(r"\b(?:since|from|began|begun|started|broke out|erupted)\s+(?:in\s+)?$",
                                                        sentence[max(0, m.start() - 25):m.start() + 3], re.I):
                return date(year, 12, 31)
        else:
            unit = (m.group("unit") or m.group("unit_ago")).lower()
            days = {"year": 365, "month": 30, "week": 7, "decade": 3650}[unit]
            return published - timedelta(days=days)
    m = _WEEKDAY_RE.search(sentence)
    if not m:
        return None
    if m.group("rel"):
        rel = m.group("rel").lower()
        return published - timedelta(days=1) if rel == "yesterday" else published
    from dateutil.relativedelta import relativedelta, weekday

    wd = weekday(_WEEKDAYS.index(m.group("day").lower()))
    # news uses a bare weekday for the latest such day up to the publication date
    return (datetime.combine(published, datetime.min.time()) + relativedelta(weekday=wd(-1))).date()


def _since(text: str, published: date | None) -> date | None:
    m = _SINCE.search(text)
    if not m:
        return None
    what = m.group("what").strip()
    if _SINCE_WHOLE.match(what):
        return None  # the whole conflict, not a window
    d = _DATE_MD.search(what)
    if d:
        return _resolve_md(d.group("month"), int(d.group("day")), int(d.group("year")) if d.group("year") else None, published)
    y = re.search(r"\b((?:1[89]|20)\d\d)\b", what)
    if y:
        if re.search(r"\b(?:war|conflict|uprising|crisis)\b[^.]*\b(?:began|started|broke out|erupted)\b", what, re.I):
            return None
        return date(int(y.group(1)), 1, 1)
    m2 = re.match(r"(?:the\s+)?(?:last|past)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", what)
    if m2 and published:
        from dateutil.relativedelta import relativedelta, weekday

        wd = weekday(_WEEKDAYS.index(m2.group("wd").lower()))
        return (datetime.combine(published, datetime.min.time()) + relativedelta(weekday=wd(-1))).date()
    return None


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
