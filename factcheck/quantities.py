"""Find quantities in news text: each one an interval with its qualifier and counted noun.

quantulum3 is good at physical units but misses how news writes counts ("tens of
thousands", "a quarter of a million", "17-nation", "more than", "some") and is slow. So this
module reads text with a grammar of its own (factcheck.grammar: one module per form of
figure) and calls quantulum3 only for the rare figure followed by a physical unit that the
grammar's unit table does not know. pint names the units.

Reading one figure is a short pipeline over a working record (_Reading):
  core form (digits, words, scales, fractions, ratios) -> what is glued after it (percent,
  pence, "-year", "-nation") -> a range or change joined to a second figure -> currency ->
  unit -> counted noun -> qualifier before it -> numbers that are not amounts are dropped.

Interval conventions (docs/semantics.md has the full table):
  exact N            -> [N, N]
  more than N        -> low N (exclusive), high None      bound "more_than"
  at least N         -> [N, None]                          bound "at_least"
  less than N        -> [None, N] (exclusive)              bound "less_than"
  up to / at most N  -> [None, N]                          bound "at_most"
  about/some N       -> [N*(1-10%), N*(1+10%)]             bound "approx"
  nearly/almost N    -> [N*(1-10%), N]                     bound "approx"
  between N and M    -> [N, M]                             bound "range"
  vague numerals     -> the decade they name ("tens of thousands" [20000, 99999]), vague=True
  round fractions of a scale ("a quarter of a million", "half a million") are approx;
  shares of a whole ("two-thirds of", "one in five") are percentages.
Dates, years used as dates, times of day and clock widgets are never quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.grammar import currencies, fractions, nonquantities, ranges, scales, units
from factcheck.grammar.digits import EXPONENT, exponent_value, parse_number
from factcheck.grammar.nouns import find_noun, looks_plural, next_words, noun_after_duration, singular
from factcheck.grammar.qualifiers import APPROX_TOLERANCE, QUALIFIER_BEFORE, QUAL_BOUND, approx, qualifier_interval
from factcheck.grammar.words import NUMWORD, WORDNUM, words_value
from factcheck.model import Quantity

__all__ = ["extract_quantities", "parse_number", "APPROX_TOLERANCE", "singular"]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d:])|\d+)(?:\.\d+|[¼½¾])?|\.\d+"


def _core_pattern(free: str, phrases: bool = True) -> str:
    """The core pattern; free is what may not sit right before a bare digit string (a lookbehind).
    Without phrases, only plain numbers (digits, words) are read."""
    phrase_forms = (
        rf"(?P<vague>{scales.VAGUE_PATTERN})"
        rf"|(?P<few>{scales.FEW_PATTERN})"
        rf"|(?P<frac>{fractions.FRACTION_OF_SCALE})"
        rf"|(?P<share>{fractions.SHARE})"
        rf"|(?P<ratio>{fractions.RATIO})"
        r"|(?P<dozen>\b(?:a|one|half\s+a|two|three)\s+dozen\b)"
        r"|(?P<ascale>\ba\s+(?P<ascale_scale>hundred|thousand|million|billion|trillion)\b(?!\s+and\b))|"
    )
    return (
        (phrase_forms if phrases else "")
        + rf"(?:(?P<cur>{currencies.PREFIX_PATTERN})[\s\u00a0]?|{free})"
        rf"(?P<sign>(?<=[\s(\[$€£])[-−])?(?P<digits>{_NUM})(?P<exp>{EXPONENT})?"
        rf"(?:(?P<scale_sp>\s*-?\s*(?:{scales.SCALEWORD})\b)|(?P<scale_short>{scales.SHORT_SCALE}))?"
        rf"|(?P<words>\b{WORDNUM}\b)"
    )


#: what may not sit right before bare digits (ids like "F-16"), except a sign, "magnitude-7.5" and "4-by-40-meter"
_FREE = r"(?:(?<=minus-)|(?<=magnitude-)|(?<=-by-)|(?<![\w.,:/])(?<![\w.,:/)]-))"
_CORE = re.compile(_core_pattern(_FREE), re.IGNORECASE)
#: plain numbers only: what is left to read where a phrase form read nothing ("34 out of 42 seats")
_PLAIN = re.compile(_core_pattern(_FREE, phrases=False), re.IGNORECASE)
#: the second figure of a range, right after its join ("10-20": the dash before is expected)
_SECOND = re.compile(_core_pattern(""), re.IGNORECASE)
_FORMS = ("vague", "few", "frac", "share", "ratio", "dozen", "ascale", "digits", "words")
_AFTER = re.compile(
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pc\b|pct\b))"
    r"|(?P<hyphen>-(?P<hword>[A-Za-z]+)(?P<old>-old\b)?)"
    r"|(?P<or_more>\s+(?:or|and)\s+(?P<older>older|over|above)\b|\s+or\s+(?:more|greater|higher|above)\b|\s*-?plus\b|\+)",
    re.IGNORECASE,
)
_MINUS_BEFORE = re.compile(r"\bminus[\s-]$", re.IGNORECASE)


@dataclass
class _Reading:
    """One figure while it is being read; frozen into a Quantity at the end."""

    start: int
    end: int
    value: float | None
    form: str
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None
    noun: str | None = None
    dimension: str = "count"
    vague: bool = False
    scale: float | None = None  # the scale word's factor, when one was written
    number_end: int = 0  # end of the digits or words (before any scale), for the name/date tests
    bare_dollar: bool = False  # "$5", "50 cents": USD unless the text names its dollar

    def __post_init__(self):
        if self.low is None and self.high is None and self.bound == "exact":
            self.low = self.high = self.value
        self.number_end = self.number_end or self.end

    def freeze(self, text: str) -> Quantity:
        return Quantity(start=self.start, end=self.end, surface=text[self.start:self.end], value=self.value,
                        low=self.low, high=self.high, bound=self.bound, unit=self.unit, noun=self.noun,
                        dimension=self.dimension, vague=self.vague)


#: Every figure has a digit or one of these words in it: a text with neither is not searched at all (a long text
#: without figures, sentence after sentence, is the common case, and the full grammar costs tens of microseconds).
_ANY_FIGURE = re.compile(r"\d|\b(?:" + NUMWORD + "|" + scales.SCALEWORD + r"|dozen|score|half|halves|third|quarter|"
                         r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|several|few|couple|handful|nil)", re.IGNORECASE)


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, in order of appearance, each an interval with its bound and noun."""
    if not _ANY_FIGURE.search(text):
        return []
    found: list[_Reading] = []
    pos = 0
    while (m := _CORE.search(text, pos)) is not None:
        readings = _read(text, m)
        if not readings and not (m.group("digits") or m.group("words")) and (plain := _PLAIN.match(text, m.start())):
            readings = _read(text, plain)  # a phrase that reads as nothing ("34 out of 42" is no share)
        for r in readings:
            _conversion_keeps_bound(text, found[-1] if found else None, r)
            _gapped_keeps_bound(text, found, r)
            found.append(r)
        pos = readings[-1].end if readings else m.end()
    dollar = currencies.local_dollar(text)
    for r in found:
        if dollar and r.unit == "USD" and r.bare_dollar:
            r.unit = dollar  # "$" in a text that writes its dollars "A$" elsewhere
    return [r.freeze(text) for r in found]


def _conversion_keeps_bound(text: str, prev: _Reading | None, r: _Reading) -> None:
    """"more than 3,000 acres (1,214 hectares)": a conversion in brackets has the bound of the figure before."""
    if prev is None or r.bound != "exact" or prev.bound in ("exact", "range") or r.value is None \
            or not re.fullmatch(r"\s*\(\s*", text[prev.end:r.start]) or r.unit is None \
            or r.dimension not in ("physical", "currency") or prev.dimension != r.dimension or prev.unit == r.unit:
        return
    _take_bound(r, prev)


def _take_bound(r: _Reading, source: _Reading) -> None:
    """r read with the qualifier of the figure it restates or borrows its words from."""
    r.bound = source.bound
    if source.bound == "approx":
        r.low, r.high = approx(r.value, below_only=source.high == source.value)
    elif source.bound in ("more_than", "at_least"):
        r.low, r.high = r.value, None
    else:
        r.low, r.high = None, r.value


_GAP_BEFORE = re.compile(r"[^.;:()]*?(?:,|\band)\s+")
_GAP_AFTER = re.compile(r"\s+(?:in|on|at|from|among|across|inside|outside)\s+[A-Z]|\s*(?:[.;]|$)")


def _gapped_keeps_bound(text: str, found: list[_Reading], r: _Reading) -> None:
    """"At least 53 people have died in Mozambique and 225 in Malawi": a figure whose noun and verb are left out
    (gapped) shares the qualifier of the figure whose words it borrows. "At least 10 died and 14 were wounded"
    has its own verb, so keeps its own reading."""
    head = next((p for p in reversed(found) if p.noun is not None), None)
    if head is None or r.bound != "exact" or r.noun is not None or r.value is None or r.vague \
            or head.bound not in ("approx", "more_than", "at_least", "at_most", "less_than") \
            or (head.dimension, head.unit) != (r.dimension, r.unit) or r.dimension != "count" \
            or any(p.noun is None and p.bound == "exact" and p is not found[-1] for p in found[found.index(head) + 1:]) \
            or not _GAP_BEFORE.fullmatch(text, found[-1].end, r.start) or not _GAP_AFTER.match(text, r.end):
        return
    _take_bound(r, head)


#: ... unless a status follows it: "Seven others were wounded", "six were killed and nine injured".
_BARE_STATUS = re.compile(r"\s+(?:others?\s+|more\s+)?(?:(?:were|are|was|have been|had been|remain|remained|remain)\s+"
                          r"(?:also\s+|still\s+|later\s+)?)?(?:killed|dead|died|injured|wounded|hurt|missing|rescued|"
                          r"arrested|detained|hospitali[sz]ed|evacuated|identified)\b", re.I)


def _read(text: str, m: re.Match) -> list[_Reading]:
    """The figure (or, for a change "from X to Y", the two figures) that starts at match m."""
    r = _read_core(text, m)
    if r is None:
        return []
    if r.form in ("digits", "words") and not _attach_after(text, r):
        return []
    second = _read_joined(text, r)
    if second is None:
        _attach_rest(text, r)
        second = _read_joined(text, r)  # "rose from 21 mpg to 23", "$5 million to $10 million"
    if second == "drop":
        return []
    if r.form == "words" and r.dimension == "count" and r.noun is None and not r.vague \
            and not re.match(r"\s+(?:of\s|times\b)|-fold\b", text[r.end:r.end + 7]) \
            and not _BARE_STATUS.match(text, r.end):
        return []  # a bare spelled number ("two of them", "at six") is rarely a reported figure
    _apply_qualifier(text, r)
    return [r] if not isinstance(second, _Reading) else [r, second]


def _attach_rest(text: str, r: _Reading) -> None:
    """Currency, unit, counted noun, and an "or more" after them ("100 runs or more")."""
    _attach_currency(text, r)
    _attach_unit(text, r)
    if r.dimension == "count" and r.noun is None and r.form not in ("share", "ratio"):
        r.noun, r.end = find_noun(text, r.end, r.value)
        _poll_points(text, r)
    more = _OR_MORE_AFTER.match(text, r.end)
    if more and r.bound == "exact":
        r.bound, r.high, r.end = "at_least", None, more.end()


def _poll_points(text: str, r: _Reading) -> None:
    """"down 29 points", "a 30 point gap" in a story about polls or votes: percentage points."""
    point = re.match(r"\s*-?\s*points?\b", text[r.number_end:r.number_end + 10], re.IGNORECASE)
    if point is None or r.value is None or r.value > 100 or r.noun not in (None, "point") \
            or not _PERCENT_NEARBY.search(text, max(0, r.start - 150), r.end + 150):
        return
    r.noun, r.unit, r.dimension = None, "percentage point", "percentage"
    r.end = r.number_end + point.end()


_OR_MORE_AFTER = re.compile(r"\s+or\s+(?:more|greater|higher|above)\b", re.IGNORECASE)
_PERCENT_NEARBY = re.compile(r"\bpoll|\bvot(?:e|es|ers|ing)\b|\bpercentage\b|\bapproval|\bsupport\b|\bsurvey",
                             re.IGNORECASE)


# ---------------------------------------------------------------- core forms
def _read_core(text: str, m: re.Match) -> _Reading | None:
    groups = m.groupdict()
    form = next(f for f in _FORMS if groups.get(f) is not None)
    return _CORE_READERS[form](text, m)


def _read_vague(text: str, m: re.Match) -> _Reading:
    low, high = scales.vague_range(m.group("vague"))
    return _Reading(m.start(), m.end(), float(low), "vague", low=low, high=high, bound="range", vague=True)


def _read_few(text: str, m: re.Match) -> _Reading:
    low, high = scales.few_range(m.group("few"), m.group("few_scale"))
    return _Reading(m.start(), m.end(), low, "few", low=low, high=high, bound="range", vague=True)


def _read_fraction_of_scale(text: str, m: re.Match) -> _Reading:
    scale_word = m.group("frac_scale").lower()
    value = fractions.fraction_value(m.group("frac_words")) * (12 if scale_word == "dozen" else scales.scale_factor(scale_word))
    if scale_word == "dozen":
        return _Reading(m.start(), m.end(), value, "frac")
    low, high = approx(value)
    return _Reading(m.start(), m.end(), value, "frac", low=low, high=high, bound="approx")


def _read_share(text: str, m: re.Match) -> _Reading:
    value = fractions.share_percent(m.group("share_words") or m.group("share_hyph") or m.group("share_slash")
                                    or m.group("by_words"))
    return _Reading(m.start(), m.end(), value, "share", unit="percent", dimension="percentage")


def _read_ratio(text: str, m: re.Match) -> _Reading | None:
    value = fractions.ratio_percent(m.group("ratio_num"), m.group("ratio_den"), m.group("ratio_join"))
    if value is None:
        return None
    return _Reading(m.start(), m.end(), value, "ratio", unit="percent", dimension="percentage")


def _read_dozen(text: str, m: re.Match) -> _Reading:
    n = {"a": 1, "one": 1, "half a": 0.5, "two": 2, "three": 3}[re.sub(r"\s+", " ", m.group("dozen").lower().rsplit(" ", 1)[0])]
    return _Reading(m.start(), m.end(), 12.0 * n, "dozen")


def _read_a_scale(text: str, m: re.Match) -> _Reading:
    return _Reading(m.start(), m.end(), float(scales.scale_factor(m.group("ascale_scale"))), "ascale")


def _read_words(text: str, m: re.Match) -> _Reading | None:
    words = m.group("words")
    if words.lower() == "one" and not _one_is_a_count(text, m):
        return None
    # "seven and ten" is two figures: "and" joins a spelled number only after a scale word
    split = re.search(r"(?<!hundred)(?<!thousand)(?<!million)(?<!billion)\s+and\s", words, re.IGNORECASE)
    if split:
        words = words[:split.start()]
    value = words_value(words)
    if value is None:
        return None
    end = m.start() + len(words)
    half = re.match(r"\s+and\s+(?:a\s+)?half\b", text[end:end + 14], re.IGNORECASE)
    if half:  # "three and a half minutes"
        value, end = value + 0.5, end + half.end()
    return _Reading(m.start(), end, value, "words")


def _one_is_a_count(text: str, m: re.Match) -> bool:
    """"one" alone is an article or pronoun far more often than a count."""
    nxt = next_words(text, m.end(), 1)
    if not nxt or nxt[0].group().lower() in ("of", "another", "side", "thing", "way", "day", "hand"):
        return False
    if QUALIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return True  # "at least one swimmer"
    if text[m.end():m.end() + 1] == "-":
        return True
    nw = nxt[0].group().lower()
    if m.group("words") == "one" and nxt[0].group().islower() and nw not in _ONE_NOT_A_COUNT \
            and not nw.endswith(("ly", "ing", "ed")) and nxt[0].start() == m.end() + 1:
        return True  # "one assist", "one member of the House": a count of one thing
    sentence_start = re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, m.start() - 3):m.start()])
    return nw in units.TIME_UNITS or bool(re.match(r"(?:person|man|woman|child|dead|killed)$", nw)) \
        or bool(sentence_start and m.group("words")[:1] == "O" and nw.isalpha()
                and nw not in ("of", "in", "on", "at", "to", "for", "the", "a", "an"))


#: words after "one" that make it a pronoun, an article or an idiom, not a count
_ONE_NOT_A_COUNT = {
    "of", "another", "side", "thing", "way", "day", "hand", "time", "the", "a", "an", "and", "or", "but", "to", "in",
    "on", "at", "for", "by", "with", "from", "is", "was", "will", "would", "could", "can", "may", "might", "should",
    "must", "has", "had", "have", "who", "which", "that", "this", "thing", "point", "year", "week", "month", "morning",
    "evening", "night", "afternoon", "moment", "last", "more", "less", "too", "as", "than", "else", "such", "what",
    "where", "when", "if", "else", "again", "apiece", "each", "per", "would", "does", "did", "gets", "got",
    "says", "said", "thinks", "knows", "hopes", "wonders", "feels", "sees", "another", "another's", "s",
}


_CORE_READERS = {"vague": _read_vague, "few": _read_few, "frac": _read_fraction_of_scale, "share": _read_share,
                 "ratio": _read_ratio, "dozen": _read_dozen, "ascale": _read_a_scale, "words": _read_words}


def _read_digits(text: str, m: re.Match, joined: bool = False) -> _Reading | None:
    """A figure in digits, with its currency prefix, sign, exponent and scale ("US$4.2m", "−3.5", "1.99×10−30")."""
    digits, cur = m.group("digits"), m.group("cur")
    scale_txt = (m.group("scale_sp") or m.group("scale_short") or "").strip().lstrip("-").strip()
    number_end = m.end("exp") if m.group("exp") else m.end("digits")
    end = m.end()
    if nonquantities.is_date_or_time(text, m.start("digits"), number_end, digits, bool(scale_txt or cur), joined):
        return None
    if scale_txt.lower() in ("m", "b", "k") and not cur:
        # "1.9m people", "8 B people": a scale; "100m sprint": metres (left to the unit path)
        nxt = next_words(text, end, 1)
        money_after = currencies.NATIONAL_DOLLAR.match(text, end) or (nxt and currencies.currency_of_word(nxt[0].group()))
        if not (nxt and looks_plural(nxt[0].group())) and not money_after:
            end, scale_txt = number_end, ""
    value = parse_number(digits + (" " + scale_txt if scale_txt else ""))
    if value is not None and m.group("exp"):
        value = exponent_value(value, m.group("exp_e") or m.group("eexp"))
    if value is None or (not scale_txt and not cur and _is_not_an_amount(text, m.start("digits"), number_end, value)):
        return None
    start = m.start()
    if m.group("sign"):
        value = -value  # "fell -3.5%", "(-2)"
    r = _Reading(start, end, value, "digits", scale=scales.scale_factor(scale_txt) if scale_txt else None,
                 number_end=number_end)
    if cur:
        r.unit, r.dimension, r.bare_dollar = currencies.currency_of_prefix(cur), "currency", cur == "$"
    return r


def _is_not_an_amount(text: str, s: int, e: int, value: float) -> bool:
    return (nonquantities.is_part_of_name(text, s, e) or nonquantities.is_index_or_product(text, s, e)
            or nonquantities.is_address(text, e) or nonquantities.is_era_year(text, s, e)
            or nonquantities.is_age_after_name(text, s, e, value))


_CORE_READERS["digits"] = _read_digits


# ---------------------------------------------------------------- what is glued after the figure
def _attach_after(text: str, r: _Reading) -> bool:
    """Percent, pence, "-year"/"-nation" compounds, "or more". False: the figure is not an amount."""
    after = _AFTER.match(text, r.end)
    if after is None:
        if r.form == "digits" and r.dimension == "count" and currencies.PENCE_AFTER.match(text, r.end):
            r.unit, r.dimension, r.end = "GBX", "currency", r.end + 1  # "118.5p"
        elif r.dimension == "count" and r.value is not None and (
                text[r.end:r.end + 1] == "¢" or re.match(r"c(?![\w°])", text[r.end:r.end + 2])):
            r.value = r.low = r.high = round(r.value / 100, 10)  # "1.71¢", "3.2c": cents, in dollars
            r.unit, r.dimension, r.end, r.bare_dollar = "USD", "currency", r.end + 1, True
        return True
    if after.group("pct") and r.dimension == "count":
        r.end = after.end()
        r.unit = "percentage point" if "point" in after.group("pct").lower() else "percent"
        r.dimension = "percentage"
    elif after.group("hyphen"):
        return _attach_hyphen_word(text, r, after)
    elif after.group("or_more") and r.bound == "exact":
        r.bound, r.high, r.end = "at_least", None, after.end()
        if after.group("older") and after.group("older").lower() == "older":
            r.unit, r.dimension = "year", "duration"  # "12 and older": an age
    return True


def _attach_hyphen_word(text: str, r: _Reading, after: re.Match) -> bool:
    """"four-year-old war", "17-nation group", "6.1-inch screen"; "six-speed gearbox" is no amount."""
    hword = after.group("hword").lower()
    join = ranges.JOIN.match(text, r.end)
    if join and _SECOND.match(text, join.end()):
        return True  # "Rs. 17,000-Rs. 20,000": a range, read next
    if hword in units.TIME_UNITS:
        r.unit, r.dimension = units.TIME_UNITS[hword], "duration"
        r.noun, r.end = noun_after_duration(text, after.end())
        if r.noun is None:
            r.end = max(r.end, after.end())
        return True
    if hword.isdigit() or scales.scale_factor(hword) or r.value is None:
        return True  # "2015-16", "hundreds-thousand": nothing to attach
    if hword in ("for", "to", "of", "and", "or", "by", "in", "on", "at") or nonquantities.is_attribute(hword):
        return False  # "3-for-1 split", "six-speed gearbox": a ratio or an attribute, not a count
    if hword == "magnitude" or (hword in ("quake", "earthquake", "tremor", "temblor") and 1 <= r.value < 10):
        r.unit, r.dimension, r.end = "magnitude", "physical", after.end()  # "a 7.5-magnitude quake"
        return True
    unit = units.read_unit(text, r.end)
    if unit is not None:
        r.unit, r.dimension, r.end = unit[0], "physical", unit[1]
    elif hword == "strong":
        r.end = after.end()
        noun, end = find_noun(text, r.end, r.value)
        if noun:
            r.noun, r.end = noun, end
    elif hword == "plus" and r.bound == "exact":
        r.bound, r.high, r.end = "at_least", None, after.end()  # "£3 billion-plus"
    elif hword not in ("old", "based", "odd", "plus", "year-old"):
        r.noun, r.end = singular(hword), after.end()  # "17-nation contact group" counts nations
    return True


# ---------------------------------------------------------------- ranges and changes
def _read_joined(text: str, r: _Reading):
    """A second figure joined to r: None (none), "drop" (a score), "range" (r now spans both) or the second _Reading."""
    if r.form not in ("digits", "words") or r.bound != "exact":
        return None
    join = ranges.JOIN.match(text, r.end)
    m2 = _SECOND.match(text, join.end()) if join else None
    if m2 is None or not (m2.group("digits") or m2.group("words")):
        return None
    r2 = _read_digits(text, m2, joined=True) if m2.group("digits") else _read_words(text, m2)
    dash = join.group("join").strip() in ("-", "–", "—")
    if r2 is None or not _attach_after(text, r2):
        return "drop" if dash and r.form == "digits" else None
    _attach_rest(text, r2)
    if r.unit and r2.unit and r.unit != r2.unit or "count" != r.dimension != r2.dimension != "count":
        return None  # "fell 3% to $24.16 billion": two different figures, read one at a time
    v1 = r.value
    if r.scale is None and r2.scale and r.value is not None and r2.value is not None:
        v1 = ranges.shared_scale(r.value, r2.value, r2.scale)
    kind = ranges.join_kind(text, r.start, join.group("join"), v1, r2.value)
    between = ranges.BETWEEN_BEFORE.search(text, max(0, r.start - 40), r.start)
    decimals = bool(re.search(r"\d[.,]\d", text[r.start:r2.end]))  # scores are never "9.4–9.6" or "1,635-1,645"
    if kind == "range" and dash and not (r2.noun or r2.unit or r.unit or between or decimals):
        kind = None  # "2-3" alone: a score, an id or a record, not a range
    if kind is None:
        return "drop" if dash and r.form == "digits" else None
    r.value = r.low = r.high = v1
    if kind == "two":
        _attach_rest(text, r)
        if r2.unit is None and r2.noun is None and between:
            r2.unit, r2.dimension = r.unit, r.dimension  # "rose from 21 mpg to 23"
        if r.unit is None and r.noun is None and r2.dimension == "count":
            r.noun = r2.noun  # "34 out of 42 seats"
        return r2
    r.high, r.bound, r.end = r2.high if r2.high is not None else r2.value, "range", r2.end
    if r.unit is None:
        r.unit, r.dimension, r.bare_dollar = r2.unit, r2.dimension, r2.bare_dollar
    r.noun = r2.noun
    if between:
        r.start = between.start()
    return "range"


# ---------------------------------------------------------------- currency, unit, qualifier
def _attach_currency(text: str, r: _Reading) -> None:
    """A currency word or code after the figure ("3 billion euros", "1.5 million USD", "50 cents"), or a time unit."""
    if r.dimension != "count" or r.noun is not None:
        return
    national = currencies.NATIONAL_DOLLAR.match(text, r.end)
    if national:  # "10 million Australian dollars"
        nation = re.sub(r"\s+", " ", national.group("nation").lower())
        r.unit, r.dimension, r.end = currencies.NATIONAL_DOLLARS[nation], "currency", national.end()
        return
    nxt = next_words(text, r.end, 2)
    if not nxt:
        return
    word = nxt[0]
    if word.group().lower() == "of" and len(nxt) > 1 and currencies.currency_of_word(nxt[1].group()):
        word = nxt[1]  # "millions of dollars"
    code = currencies.currency_of_word(word.group())
    if code == "GBP" and word.group().lower().startswith("pound") and not _pounds_are_money(text, r):
        code = None  # "lost 29.8 pounds": weight, left to the unit table
    subunit = currencies.SUBUNITS.get(word.group().lower())
    if subunit:  # "50 cents", "14.41 sen": hundredths of the currency, given in the currency
        if r.value is not None:
            r.value, r.low, r.high = (None if x is None else round(x / 100, 10) for x in (r.value, r.low, r.high))
        r.unit, r.dimension, r.end, r.bare_dollar = subunit, "currency", word.end(), subunit == "USD"
    elif code:
        r.unit, r.dimension, r.end = code, "currency", word.end()
    elif not r.vague and (unit := _time_unit_after(nxt)) is not None:
        r.unit, r.dimension, r.end = units.TIME_UNITS[unit.group().lower()], "duration", unit.end()
        of = next_words(text, unit.end(), 1)
        if of and of[0].group().lower() == "of":
            r.noun = find_noun(text, of[0].start(), 2)[0]  # "five years of war"


def _pounds_are_money(text: str, r: _Reading) -> bool:
    """"8 million pounds", "£" or "sterling" in the text: money; "29.8 pounds" of body weight: a weight."""
    return r.scale is not None or "£" in text or bool(re.search(r"\bsterling\b|\bGBP\b", text))


_DURATION_ADJECTIVES = {"straight", "consecutive", "successive", "full", "long", "more", "additional", "extra",
                        "further", "previous", "past", "next", "last", "whole", "entire", "calendar"}


def _time_unit_after(words: list[re.Match]) -> re.Match | None:
    """The time unit of "two years", "16 straight days"."""
    if words and words[0].group().lower() in units.TIME_UNITS:
        return words[0]
    if len(words) > 1 and words[0].group().lower() in _DURATION_ADJECTIVES and words[1].group().lower() in units.TIME_UNITS:
        return words[1]
    return None


def _attach_unit(text: str, r: _Reading) -> None:
    """A physical unit after the figure: by table, else (rarely) by quantulum3."""
    if r.dimension != "count" or r.value is None:
        return
    if r.noun in (None, "magnitude") and (re.search(r"\bmagnitude[\s-]*$", text[max(0, r.start - 12):r.start], re.I)
                                         or re.match(r"[\s-]magnitudes?\b", text[r.end:r.end + 12], re.I)):
        r.unit, r.dimension, r.noun = "magnitude", "physical", None  # "7.8 magnitude", "7.7 magnitudes"
        return
    if r.noun is not None:
        return
    found = units.read_unit(text, r.end)
    if found is None and not r.vague and units.PHYSICAL_HINT.match(text, r.end + (text[r.end:r.end + 1] == " ")):
        found = _quantulum_unit(text, r)
    if found is not None:
        r.unit, r.end = found[0], found[1]
        r.dimension = found[2] if len(found) > 2 else "physical"
        minus = _MINUS_BEFORE.search(text, max(0, r.start - 7), r.start)
        if minus and r.value is not None and r.value > 0:  # "minus-130 degrees Fahrenheit"
            r.value, r.low, r.high, r.start = -r.value, -r.high, -r.low, minus.start()


def _quantulum_unit(text: str, r: _Reading) -> tuple[str, int, str] | None:
    from factcheck.units import canonical_unit, quantulum_unit

    hint = units.PHYSICAL_HINT.match(text, r.end + (text[r.end:r.end + 1] == " "))
    found = quantulum_unit(text, r.start, hint.end(), r.value)
    if found is None:
        return None
    name, dimension, q_end = found
    return canonical_unit(name), max(q_end, hint.end()), dimension


def _apply_qualifier(text: str, r: _Reading) -> None:
    """"more than", "about", "up to" before the figure set its bound; a range or vague figure keeps its own."""
    qual = QUALIFIER_BEFORE.search(text, max(0, r.start - 30), r.start)
    if qual is None or (r.dimension == "duration" and qual.group("q").lower() == "over"):
        return  # "over two years" means during, not more than
    r.start = qual.start()
    word = re.sub(r"\s+", " ", qual.group("q").lower())
    if r.bound == "range" and not r.vague:
        return  # "about 20-25 people": the range already says how loose it is
    if r.vague:
        if QUAL_BOUND.get(word) in ("more_than", "at_least"):
            r.high, r.bound = None, "at_least"
        return
    if r.bound in ("exact", "approx") and r.value is not None:
        r.bound, r.low, r.high = qualifier_interval(word, r.value)
