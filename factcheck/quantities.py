"""Find quantities in news text: each one an interval with its qualifier and counted noun.

quantulum3 is good at physical units but misses how news writes counts ("tens of
thousands", "a quarter of a million", "17-nation", "more than", "some"), and it is slow
(about 0.7 s per 12 KB article). So this module scans the text with one grammar of
its own for numbers, qualifiers, counted nouns, percentages, money and durations,
and calls quantulum3 only for the rare sentence where a number is followed by what
looks like a physical unit ("3.5 km", "40 mph"). pint canonicalises unit names.

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
  round fractions of a scale ("a quarter of a million", "half a million") are approx.
Dates, years used as dates, times of day and clock widgets are never quantities.
"""

from __future__ import annotations

import re

from factcheck.model import Quantity

__all__ = ["extract_quantities", "parse_number", "APPROX_TOLERANCE", "singular"]

#: Relative half-width given to "about N" and to round fractions of a scale.
APPROX_TOLERANCE = 0.10

# ---------------------------------------------------------------- lexicon
_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
           "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                 "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
_FRACTIONS = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25,
              "three quarters": 0.75, "three-quarters": 0.75, "a third": 1 / 3, "two thirds": 2 / 3,
              "two-thirds": 2 / 3}
#: vague numerals -> (low, high) of the decade they name
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999), "billions": (2e9, 9.999e9),
}
_FEW = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "a handful of": (3, 6)}

_NUMWORD = "|".join(sorted(list(_UNITS_WORDS) + list(_TENS_WORDS), key=len, reverse=True))
_SCALEWORD = "hundred|thousand|lakh|million|crore|billion|trillion"
_MONTHS = (r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
           r"Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?")

_TIME_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour",
}
_CURRENCY_SYMBOLS = {"hk$": "HKD", "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                     "¥": "JPY", "jpy": "JPY", "a$": "AUD", "c$": "CAD", "rs": "INR", "rs.": "INR", "₹": "INR",
                     "chf": "CHF", "cny": "CNY", "rmb": "CNY"}
_CURRENCY_WORDS = {"cent": "cent", "cents": "cent", "pence": "penny", "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                   "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                   "rupee": "INR", "rupees": "INR", "francs": "CHF", "franc": "CHF", "roubles": "RUB",
                   "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "lira": "TRY", "liras": "TRY"}

#: Common physical units written after a number; anything here sends the sentence to quantulum3.
_PHYSICAL_HINT = re.compile(
    r"(?:km|kms|kilomet(?:er|re)s?|met(?:er|re)s?|m|cm|mm|miles?|mi|feet|foot|ft|inch(?:es)?|in\.|yards?|"
    r"kg|kilos?|kilograms?|grams?|g|tonnes?|tons?|lbs?|pounds?|ounces?|oz|litres?|liters?|l|gallons?|barrels?|"
    r"mph|km/h|kph|knots?|°\s?[CF]?|[CF](?=\W|$)|degrees?|celsius|fahrenheit|acres?|hectares?|ha|"
    r"(?:sq(?:uare)?|cubic)\s?(?:km|kilomet(?:er|re)s?|miles?|meters?|metres?|feet|foot|ft|yards?|m)|"
    r"mw|gw|kw|kwh|mwh|gwh|watts?|volts?|calories?|mb|gb|tb|mbps|gbps|ppm|magnitude)\b",
    re.IGNORECASE,
)

_IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
    "police": "police", "crew": "crew", "staff": "staff", "personnel": "personnel", "troops": "troop", "lives": "life",
    "wives": "wife", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "cattle": "cattle",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "data": "data", "media": "media", "series": "series",
    "species": "species", "aircraft": "aircraft", "crises": "crisis", "analyses": "analysis",
    "thieves": "thief", "leaves": "leaf", "halves": "half", "shelves": "shelf", "wolves": "wolf",
    "news": "news", "bus": "bus", "buses": "bus", "taxes": "tax", "boxes": "box", "offices": "office",
}
#: plural-looking words that are not counted nouns
_NOT_NOUNS = {
    "is", "was", "has", "as", "this", "its", "his", "hers", "ours", "yours", "theirs", "us", "less", "unless",
    "across", "press", "always", "perhaps", "thus", "plus", "minus", "does", "goes", "says", "whereas",
    "besides", "towards", "afterwards", "sometimes", "nevertheless", "news", "status", "various", "previous",
    "serious", "famous", "numerous", "enormous", "dangerous", "anonymous", "obvious", "ones", "others",
    "yes", "gas", "bias", "chaos", "thanks", "afterwords", "overseas", "whereabouts", "alas", "versus",
    "means", "miles", "thus", "ago", "earlier", "later", "more", "less", "each", "apiece", "respectively",
}
#: words that may sit between a number and its noun ("100 opposition and rebel delegates")
_STOP_BEFORE_NOUN = {
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "that", "which", "who",
    "were", "was", "are", "is", "have", "has", "had", "been", "be", "will", "would", "could", "said", "say",
    "says", "the", "a", "an", "this", "these", "those", "their", "his", "her", "its", "our", "since", "after",
    "before", "during", "when", "while", "as", "than", "per", "each", "percent", "more", "less", "fewer",
    "ago", "earlier", "later", "times", "up", "down", "out", "over", "under", "into", "about", "around",
    "worth", "valued", "costing", "totalling", "totaling",
}


def singular(word: str) -> str:
    """The singular of a (lower-case) English plural noun, by rule and a short exception list."""
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("men") and w not in ("specimen", "regimen", "abdomen"):
        return w[:-3] + "man"
    if len(w) > 4 and w.endswith("is") and w[-3] in "aeiou" + "qkrnltdb" and not w.endswith(("sis", "tis", "ris")):
        return w[:-1]  # yemenis -> yemeni
    if len(w) > 4 and w.endswith("ies") and w[-4] not in "aeiou":
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("s") and len(w) > 2:
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    if len(w) > 4 and w.endswith("men") and w not in ("specimen", "regimen", "abdomen"):
        return True  # gunmen, policemen, fishermen
    if word[:1].isupper() and len(w) > 4 and w.endswith("is") and w not in _NOT_NOUNS:
        return True  # Yemenis, Iraqis, Israelis
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "'s", "’s", "is")) and w not in _NOT_NOUNS


# ---------------------------------------------------------------- the grammar
_SEP_NUM = (
    r"(?<![\w.,:/])(?<![\w.,:/)]-)"  # not glued to a word, an id, a time, a path or the end of a range
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d:])|\d+)(?:\.\d+)?"
    r"|(?<![\w.,:/\-])\.\d+"
)
_WORDNUM = rf"(?:(?:{_NUMWORD})(?:[\s-]+(?:and\s+)?(?:{_NUMWORD}|{_SCALEWORD}))*)"

_CORE = re.compile(
    r"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of)|hundreds|thousands|millions|billions)\b)"
    rf"|(?P<few>\b(?:several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?P<few_scale>{_SCALEWORD}|dozen)\b)"
    rf"|(?P<frac>\b(?:(?:a\s+|three[\s-]|one[\s-])?quarters?|(?:a\s+)?half|(?:a|one|two)[\s-]thirds?)\s+(?:of\s+)?(?:a\s+|an\s+)?(?P<frac_scale>dozen|{_SCALEWORD})\b)"
    r"|(?P<dozen>\b(?:a|one|half\s+a|two|three)\s+dozen\b)"
    rf"|(?P<ascale>\ba\s+(?P<ascale_scale>hundred|thousand|million|billion|trillion)\b(?!\s+and\b))"
    rf"|(?P<sign>(?<=[\s(\[])[-−](?=\d))?(?P<digits>{_SEP_NUM})(?:(?P<scale_sp>\s*-?\s*(?:{_SCALEWORD})\b)|(?P<scale_short>(?:\s?(?:bn|mn|mln|tn|trn)|k|m|b)\b))?"
    rf"|(?P<words>\b{_WORDNUM}\b)",
    re.IGNORECASE,
)

_QUALIFIER_BEFORE = re.compile(
    r"(?P<q>more\s+than|greater\s+than|over|above|in\s+excess\s+of|upwards\s+of|exceeding|"
    r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than|"
    r"less\s+than|fewer\s+than|under|below|just\s+under|just\s+over|"
    r"up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of|as\s+many\s+as|as\s+much\s+as|not\s+more\s+than|"
    r"about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated|nearly|almost|close\s+to|"
    r"circa|ca\.|c\.|just\s+about|~|≈|>|<|≥|≤)\s*(?:an?\s+)?$",
    re.IGNORECASE,
)
_QUAL_BOUND = {
    "more than": "more_than", "greater than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "exceeding": "more_than", "just over": "more_than",
    ">": "more_than", "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least", "≥": "at_least", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "below": "less_than", "just under": "less_than",
    "<": "less_than", "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "a maximum of": "at_most", "as many as": "at_most", "as much as": "at_most", "not more than": "at_most",
    "≤": "at_most",
}
_APPROX_BELOW = {"nearly", "almost", "close to", "just about"}

_CURRENCY_BEFORE = re.compile(r"(?P<cur>(?<![A-Za-z])(?:US\$|A\$|C\$|HK\$)|\$|€|£|¥|₹|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|CHF|CNY|RMB|Rs\.?))\s?$")
_AFTER = re.compile(
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pc\b))"
    r"|(?P<hyphen>-(?P<hword>[A-Za-z]+)(?P<old>-old\b)?)"
    r"|(?P<or_more>\s+or\s+more\b|\s*-?plus\b|\+)"
    r"|(?P<range>\s*(?:-|–|—|to)\s*(?=[\d$€£]))"
    r"|(?P<and_range>\s+and\s+(?=[\d$€£]))",
    re.IGNORECASE,
)
_SECOND_NUM = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d:])|\d+)(?:\.\d+)?(?:\s*(?:hundred|thousand|million|billion|trillion)\b)?", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+(?:an?\s+estimated\s+|some\s+|about\s+)?$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

_DATE_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTHS})\s*$|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*$|"
    r"\b(?:in|since|until|till|by|from|of|during|early|late|mid|before|after|around|summer|winter|spring|autumn|fall|year|fiscal|copyright|©)\s*-?\s*$)",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b|^(?:st|nd|rd|th)\b|^s\b|^'s\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|EST|CET)|^(?:[:/.]\d)|^-\d{{2}}-\d",
    re.IGNORECASE,
)
_TIME_LIKE = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|21\d\d)$")


def parse_number(surface: str) -> float | None:
    """The value of a number written with digits and/or words ("1.9 million", "260 000", "twenty-five")."""
    s = surface.strip().lower().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*-?\s*([a-z]+)?", s)
    if m:
        base = float(m.group(1).replace(",", "").replace(" ", ""))
        scale = m.group(2)
        if scale is None:
            return base
        if scale in _SCALES:
            return base * _SCALES[scale]
        if scale in _SHORT_SCALES:
            return base * _SHORT_SCALES[scale]
        return None
    return _words_value(s)


def _words_value(s: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0, 0, False
    for t in tokens:
        if t in _UNITS_WORDS:
            current += _UNITS_WORDS[t]
        elif t in _TENS_WORDS:
            current += _TENS_WORDS[t]
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in _SCALES:
            total += (current or 1) * _SCALES[t]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _approx(value: float, below_only: bool = False) -> tuple[float, float]:
    low = value * (1 - APPROX_TOLERANCE)
    high = value if below_only else value * (1 + APPROX_TOLERANCE)
    return (min(low, high), max(low, high))


def _next_words(text: str, pos: int, n: int) -> list[re.Match]:
    out = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos:m.start()] if not out else text[out[-1].end():m.start()]
        if re.search(r"[.;:!?()\"“”\[\]\d$€£%]|,\s", gap) or "\n" in gap:
            break
        out.append(m)
        if len(out) >= n:
            break
    return out


def _find_noun(text: str, pos: int, value: float | None) -> tuple[str | None, int]:
    """The counted noun after a number: up to three modifiers may sit between ("100 opposition and rebel delegates")."""
    words = _next_words(text, pos, 5)
    if not words:
        return None, pos
    first = words[0].group().lower()
    if first == "of" and len(words) > 1:  # "tens of thousands of civilians", "millions of dollars"
        words = words[1:]
        if words[0].group().lower() in ("the", "their", "its", "his", "her", "our"):
            return None, pos
    for i, m in enumerate(words[:4]):
        w = m.group()
        lw = w.lower().strip("'’")
        if lw in ("more", "additional", "extra", "new", "other", "fewer") and i == 0:
            continue  # "2.3 million more votes"
        if lw in _STOP_BEFORE_NOUN and i > 0 and lw not in ("and",):
            break
        if lw in _STOP_BEFORE_NOUN and i == 0:
            return None, pos
        if lw in _TIME_UNITS or lw in _CURRENCY_WORDS:
            return None, pos
        if value == 1 and i == 0 and not _looks_plural(lw) and lw not in _NOT_NOUNS and w[0].islower():
            head = m  # "one rebel leader": the last word of the noun phrase
            for nxt in words[1:3]:
                if nxt.group()[0].islower() and nxt.group().lower() not in _STOP_BEFORE_NOUN \
                        and not re.search(r"(?:ed|ing|ly)$", nxt.group()):
                    head = nxt
                else:
                    break
            return head.group().lower(), head.end()
        if _looks_plural(w if w[:1].isupper() else lw):
            if lw in ("police", "staff", "crew", "aid", "health", "security") and i + 1 < len(words) \
                    and _looks_plural(words[i + 1].group()) and words[i + 1].group().lower() not in _STOP_BEFORE_NOUN:
                return singular(words[i + 1].group().lower()), words[i + 1].end()
            return singular(lw), m.end()
        if lw == "and" and i == 0:
            return None, pos
    return None, pos


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, in order of appearance, each an interval with its bound and noun."""
    out: list[Quantity] = []
    consumed_until = 0
    for m in _CORE.finditer(text):
        if m.start() < consumed_until:
            continue
        q = _read_quantity(text, m)
        if q is not None:
            out.append(q)
            consumed_until = q.end
    return out


def _read_quantity(text: str, m: re.Match) -> Quantity | None:
    start, end = m.start(), m.end()
    vague = False
    value: float | None
    low: float | None
    high: float | None
    bound = "exact"
    unit: str | None = None
    dimension = "count"
    g = m.group(0)
    lower = g.lower()
    if m.group("vague"):
        key = re.sub(r"\s+", " ", lower)
        low, high = _VAGUE[key]
        value, vague, bound = float(low), True, "range"
    elif m.group("few"):
        scale_word = m.group("few_scale").lower()
        scale = 12 if scale_word == "dozen" else _SCALES[scale_word]
        few_key = re.sub(r"\s+", " ", lower[: lower.rfind(scale_word)].strip())
        lo, hi = _FEW.get(few_key, (3, 9))
        low, high, value, vague, bound = float(lo * scale), float(hi * scale), float(lo * scale), True, "range"
    elif m.group("frac"):
        scale_word = m.group("frac_scale").lower()
        scale = 12 if scale_word == "dozen" else _SCALES[scale_word]
        frac_text = re.sub(r"\s+of\s+.*$|\s+(?:a|an)\s+\w+$|\s+\w+$", "", re.sub(r"\s+", " ", lower)).strip()
        frac = _FRACTIONS.get(frac_text.replace("-", " ").replace("one ", "a "), None)
        if frac is None:
            frac = 0.5 if "half" in frac_text else 0.25 if "quarter" in frac_text else 1 / 3
            if "three" in frac_text:
                frac = 0.75
            elif "two" in frac_text:
                frac = 2 / 3
        value = frac * scale
        if scale_word == "dozen":
            low = high = value
        else:
            low, high = _approx(value)
            bound = "approx"
    elif m.group("dozen"):
        n = {"a": 1, "one": 1, "half a": 0.5, "two": 2, "three": 3}[re.sub(r"\s+", " ", lower.rsplit(" ", 1)[0])]
        value = low = high = 12 * n
    elif m.group("ascale"):
        value = low = high = float(_SCALES[m.group("ascale_scale").lower()])
    elif m.group("digits"):
        digits = m.group("digits")
        scale_txt = m.group("scale_sp") or m.group("scale_short") or ""
        if _is_date_or_time(text, m.start("digits"), m.end("digits"), digits, bool(scale_txt)):
            return None
        short = scale_txt.strip().lower()
        if short in ("m", "b", "k"):
            # "1.9m people", "$3m": million; "100m sprint": metres (left to the unit path)
            cur = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
            nxt = _next_words(text, m.end(), 1)
            if not cur and not (nxt and _looks_plural(nxt[0].group())):
                end = m.end("digits")
                scale_txt = ""
        value = parse_number(digits + (" " + scale_txt.strip() if scale_txt else ""))
        if value is None:
            return None
        if not scale_txt and _is_part_of_name(text, m.start("digits"), m.end("digits")):
            return None
        if m.group("sign"):
            value = -value  # "fell -3.5%", "(-2)"
        low = high = value
    else:  # words
        words = m.group("words")
        lw = words.lower()
        # "one" alone is an article or pronoun far more often than a count
        if re.fullmatch(r"one", lw):
            nxt = _next_words(text, m.end(), 1)
            if not nxt or nxt[0].group().lower() in ("of", "another", "side", "thing", "way", "day", "hand"):
                return None
            if not re.match(r"-", text[m.end():m.end() + 1]):
                nw = nxt[0].group().lower()
                sentence_start = re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, m.start() - 3):m.start()])
                if nw not in _TIME_UNITS and not re.match(r"(?:person|man|woman|child|dead|killed)$", nw) \
                        and not (sentence_start and words[:1] == "O" and nw.isalpha() and nw not in _STOP_BEFORE_NOUN):
                    return None  # "one" alone is an article or pronoun far more often than a count
        value = _words_value(lw)
        if value is None:
            return None
        low = high = value
    # ------------------------------------------------------------------ what follows
    noun: str | None = None
    after = _AFTER.match(text, end)
    if after and after.group("pct") and not vague:
        end = after.end()
        unit, dimension = "percent" if "point" not in after.group("pct").lower() else "percentage point", "percentage"
        # "between 5% and 8%", "5%-8%", "from 5 to 8 percent" (the first figure's % is implied)
        second = re.match(r"\s*(?:-|–|to|and)\s*(" + _SECOND_NUM.pattern + r")\s?(?:%|per\s?cent\b|percent\b)", text[end:end + 40], re.I)
        if second and value is not None:
            v2 = parse_number(second.group(1))
            joined_by_word = re.match(r"\s*(?:and|to)\b", text[end:end + 6])
            # "rose 12.5 percent to 20 percent" is a change, not a range: a word join needs "between/from"
            if v2 is not None and v2 > value and (not joined_by_word or _BETWEEN_BEFORE.search(text, max(0, start - 30), start)):
                low, high, bound, end = value, v2, "range", end + second.end()
                between = _BETWEEN_BEFORE.search(text, max(0, start - 30), start)
                if between:
                    start = between.start()
    elif after and after.group("hyphen"):
        hword = after.group("hword").lower()
        if hword in _TIME_UNITS and not vague:
            unit, dimension = _TIME_UNITS[hword], "duration"
            end = after.end()
            noun, end = _noun_after_duration(text, end)
        elif hword.isdigit() or hword in _SCALES or hword in _TIME_UNITS:
            pass  # "2015-16", "hundreds-thousand", a vague duration: nothing to attach
        elif hword in _STOP_BEFORE_NOUN:
            return None  # "3-for-1 split", "a 3-to-1 margin": a ratio, not a count
        elif not vague and value is not None and hword not in ("old", "based", "odd", "plus", "strong"):
            noun, end = singular(hword), after.end()
            # "17-nation Syria contact group": the figure counts nations
        elif hword == "strong" and value is not None:
            end = after.end()
            n, e = _find_noun(text, end, value)
            if n:
                noun, end = n, e
    elif after and after.group("or_more") and bound == "exact" and not vague:
        bound, high, end = "at_least", None, after.end()
    elif after and (after.group("range") or (after.group("and_range") and _BETWEEN_BEFORE.search(text, max(0, start - 30), start))) and not vague and m.group("digits"):
        second = _SECOND_NUM.match(text, after.end())
        if second:
            v2 = parse_number(second.group())
            if v2 is not None and value is not None and v2 > value:
                scale_txt = m.group("scale_sp") or ""
                if not scale_txt and re.search(_SCALEWORD, second.group(), re.IGNORECASE):
                    # "10 to 20 million": the scale of the second figure applies to the first
                    scaled = parse_number(m.group("digits") + " " + re.search(_SCALEWORD, second.group(), re.IGNORECASE).group())
                    if scaled is not None and scaled < v2:
                        value = scaled
                # "10-20 people", "from 10 to 20": a range; a score "3-1" has no noun and is dropped
                n, e = _find_noun(text, second.end(), v2)
                tail = _AFTER.match(text, second.end())
                has_pct = bool(tail and tail.group("pct"))
                if n or has_pct or _BETWEEN_BEFORE.search(text, max(0, start - 30), start) or _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
                    low, high, bound, end = value, v2, "range", second.end()
                    between = _BETWEEN_BEFORE.search(text, max(0, start - 30), start)
                    if between:
                        start = between.start()
                    if has_pct:
                        unit, dimension, end = "percent", "percentage", tail.end()
                    elif n:
                        noun, end = n, e
                elif re.search("[-–]", after.group()):
                    return None
            elif re.search("[-–]", after.group()):
                return None  # "3-1": a score or an id, not a figure
    # currency before the number ("$3.5 billion", "US$ 20")
    cur = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    if cur and dimension == "count":
        unit, dimension, start = _CURRENCY_SYMBOLS[cur.group("cur").lower().rstrip(".") if cur.group("cur").lower() != "rs." else "rs."], "currency", cur.start()
    if dimension == "count" and noun is None:
        nxt = _next_words(text, end, 2)
        if nxt:
            w0 = nxt[0].group().lower()
            if w0 in _CURRENCY_WORDS:
                unit, dimension, end = _CURRENCY_WORDS[w0], "currency", nxt[0].end()
            elif w0 == "of" and len(nxt) > 1 and nxt[1].group().lower() in _CURRENCY_WORDS:
                unit, dimension, end = _CURRENCY_WORDS[nxt[1].group().lower()], "currency", nxt[1].end()
            elif w0 in _TIME_UNITS and not vague:
                unit, dimension, end = _TIME_UNITS[w0], "duration", nxt[0].end()
                if len(nxt) > 1 and nxt[1].group().lower() == "of":
                    n2, e2 = _find_noun(text, nxt[1].start(), 2)
                    noun = n2
    if dimension == "count" and (noun == "magnitude" or re.search(r"\bmagnitude[\s-]*$", text[max(0, start - 12):start], re.I)):
        unit, dimension, noun = "magnitude", "physical", None
    if dimension == "count" and noun is None:
        unit_q = _physical_unit(text, start, end, value)
        if unit_q is not None:
            unit, dimension, end = unit_q
            sign = re.search(r"(?:\bminus\s+|(?<![\w\d])[-−])$", text[max(0, start - 7):start], re.I)
            if sign and value is not None:  # "minus 15 degrees Celsius", "-15C"
                value, low, high, start = -value, -high, -low, start - len(sign.group())
    if dimension == "count" and noun is None:
        noun, end = _find_noun(text, end, value)
        if noun is None and m.group("words") and not vague:
            # a bare spelled number ("two of them", "at six") is rarely a reported figure
            if not re.match(r"\s+of\s", text[end:end + 4]):
                return None
    # ------------------------------------------------------------------ what precedes
    qual = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
    if qual and dimension == "duration" and qual.group("q").lower() in ("over", "under", "some"):
        qual = None  # "over two years" means during, not more than
    if qual and bound == "range" and not vague:
        start = qual.start()  # "about 20-25 people": the range already says how loose it is
        qual = None
    if qual and not vague and bound in ("exact", "approx"):
        word = re.sub(r"\s+", " ", qual.group("q").lower())
        start = qual.start()
        if word in _QUAL_BOUND:
            bound = _QUAL_BOUND[word]
            if bound in ("more_than", "at_least"):
                high = None
                low = value
            else:
                low = None
                high = value
        else:
            bound = "approx"
            low, high = _approx(value, below_only=word in _APPROX_BELOW)
    elif qual and vague:
        word = re.sub(r"\s+", " ", qual.group("q").lower())
        start = qual.start()
        if _QUAL_BOUND.get(word) in ("more_than", "at_least"):
            high = None
            bound = "at_least"
    return Quantity(
        start=start, end=end, surface=text[start:end], value=value, low=low, high=high, bound=bound,
        unit=unit, noun=noun, dimension=dimension, vague=vague,
    )


_NAME_BEFORE = re.compile(r"(?:^|[^.!?]\s)(?P<name>[A-Z][\w&.’']*|[a-z]+[A-Z]\w*)\s$")
_NOT_NAME_WORDS = {
    "The", "A", "An", "About", "Some", "Nearly", "Almost", "Around", "Roughly", "Over", "Under", "Only", "Just",
    "More", "Less", "Fewer", "At", "In", "On", "By", "Of", "For", "To", "From", "Since", "With", "And", "But",
    "Up", "Another", "All", "Last", "Next", "Top", "Page", "No", "Day", "Week", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Today", "Yesterday",
}


def _is_part_of_name(text: str, s: int, e: int) -> bool:
    """'S&P 500', 'Fortune 500', 'iPhone 12', '737 MAX': digits that belong to a name, not a figure."""
    m = _NAME_BEFORE.search(text, max(0, s - 25), s)
    if m and m.group("name") not in _NOT_NAME_WORDS and m.start("name") > 0 \
            and not re.match(r"\s?(?:%|per\s?cent|percent|[a-z]+s\b|[A-Z][a-z]+s\b)", text[e:e + 12]):
        return True
    after = re.match(r"\s([A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*)\b", text[e:e + 12])
    if after and not _PHYSICAL_HINT.fullmatch(after.group(1)) and after.group(1) not in ("GMT", "UTC", "BST", "EST", "CET"):
        return True
    return False


def _noun_after_duration(text: str, end: int) -> tuple[str | None, int]:
    """'four-year-old civil war' -> 'war' (the last word before a function word); 'two-day talks' -> 'talk'."""
    if text[end:end + 4] == "-old":
        end += 4
    words = _next_words(text, end, 3)
    head = None
    for w in words:
        lw = w.group().lower()
        if lw in _STOP_BEFORE_NOUN or lw in ("could", "can", "may", "might", "should", "must", "old") or not w.group()[0].islower():
            break
        head = w
    if head is None:
        return None, end
    return singular(head.group().lower()), head.end()


def _is_date_or_time(text: str, s: int, e: int, digits: str, scaled: bool) -> bool:
    """Digits that write a date, a year, a time or an id rather than a figure."""
    if scaled:
        return False
    before = text[max(0, s - 30):s]
    after = text[e:e + 12]
    if e < len(text) and text[e:e + 1].isalpha() and not re.match(r"(?:k|m|b|bn|mn|km|kg|cm|mm|mph|s\b|[CF]\b|g\b|t\b|l\b|ft\b|lb)", text[e:e + 3], re.IGNORECASE):
        return True  # "A320neo", "2nd"
    if _DATE_AFTER.match(after):
        return True
    if len(digits) > 1 and digits.startswith("0") and "." not in digits:
        return True  # "0800", "02": phone numbers, ids and clock digits, not figures
    if re.search(r"\b0\d+[ \u00a0](?:\d+[ \u00a0])*$", before):
        return True  # a later group of a phone number ("0800 123 4567")
    if re.match(r"\.\s", after) and re.search(r"(?:^|\n)[ \t]*$", before) and len(digits) <= 2:
        return True  # a numbered list item ("  1. Inhalt")
    if re.search(rf"\b(?:{_MONTHS})\s*$", before, re.IGNORECASE) and re.fullmatch(r"\d{1,2}|\d{4}", digits):
        return True
    if re.search(rf"\b(?:{_MONTHS})\s+\d{{1,2}},?\s*$", before, re.IGNORECASE) and _YEAR.match(digits):
        return True
    if _YEAR.match(digits):
        nxt = _next_words(text, e, 1)
        if not (nxt and _looks_plural(nxt[0].group()) and nxt[0].group().lower() not in ("years",)) or re.search(r"\b(?:in|since|of|from|by|until|before|after|during)\s*$", before, re.IGNORECASE):
            return True
    if re.match(r"\s*[:/]\s*\d", after) or re.search(r"\d\s*[:/]\s*$", before):
        return True
    if re.search(r"(?:\bno\.|#|\bpage|\bp\.|\broom|\bflight|\broute|\bchapter|\bsection|\barticle|\bresolution|\bgrade|\blevel|\bphase|\bseason|\bepisode|\bday|\bweek|\bnumber|\bversion|\bv\.)\s*$", before, re.IGNORECASE):
        return True
    if re.search(r"\d\s*-\s*$", before) and not re.search(r"\b(?:between|from)\b", before, re.IGNORECASE):
        return True  # the second half of "3-1" or of a range we already read
    return False


def _physical_unit(text: str, start: int, end: int, value: float | None) -> tuple[str, str, int] | None:
    """A physical unit right after the number, read by quantulum3 (only called when one seems to be there)."""
    hint = _PHYSICAL_HINT.match(text, end + (1 if text[end:end + 1] == " " else 0))
    if not hint or value is None:
        return None
    w = hint.group().lower()
    if w in ("pounds", "pound") and _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
        return None
    if w == "in." or w == "m" or w == "g" or w == "l" or w == "ha" or w == "mi":
        # one-letter units are ambiguous in prose; require them glued to the number ("100m", "5g")
        if text[end:end + 1] == " ":
            return None
    temp = re.match(r"(?:°\s?|degrees?\s+)?(?P<scale>[CF]|celsius|fahrenheit)\b", text[hint.start():hint.end() + 12], re.IGNORECASE)
    if temp and (w.startswith("°") or w in ("c", "f") or w.startswith("degree")):
        name = "degree Celsius" if temp.group("scale").lower().startswith("c") else "degree Fahrenheit"
        return name, "physical", hint.start() + temp.end()
    from factcheck.units import canonical_unit, quantulum_unit

    found = quantulum_unit(text, start, hint.end(), value)
    if found is None:
        return None
    unit_name, dimension, q_end = found
    return canonical_unit(unit_name), dimension, max(q_end, hint.end())
