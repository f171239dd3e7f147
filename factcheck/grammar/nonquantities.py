"""Numbers that are not amounts: dates, years, times, ids, names, addresses, eras, attributes, ages.

Each test takes the text and the span of the digits and answers "this is not a quantity";
factcheck.quantities drops a figure when any of them says so.
"""

from __future__ import annotations

import re

from factcheck.grammar.currencies import ISO_CODES, NATIONAL_DOLLAR
from factcheck.grammar.nouns import looks_plural, next_words
from factcheck.grammar.units import read_unit

__all__ = ["MONTHS", "is_date_or_time", "is_part_of_name", "is_address", "is_era_year", "is_attribute",
           "is_age_after_name", "is_index_or_product"]

MONTHS = (r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
           r"Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?")
_DATE_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b|^(?:st|nd|rd|th)\b|^s\b|^'s\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|BST|EST|CET)|^(?:[:/.]\d)|^-\d{{2}}-\d",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d|21\d\d)$")


_NAME_BEFORE = re.compile(r"(?:^|[^.!?]\s)(?P<name>[A-Z][\w&.’']*|[a-z]+[A-Z]\w*)\s$")
_NOT_NAME_WORDS = {
    "The", "A", "An", "About", "Some", "Nearly", "Almost", "Around", "Roughly", "Over", "Under", "Only", "Just",
    "More", "Less", "Fewer", "At", "In", "On", "By", "Of", "For", "To", "From", "Since", "With", "And", "But",
    "Up", "Another", "All", "Last", "Next", "Top", "Page", "No", "Day", "Week", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Today", "Yesterday",
    # a headline in Title Case ("Missile Strike Kills 24", "Death Toll Tops 2,000", "At Least 60 Dead"): its
    # verbs and little words are no names
    "Kills", "Kill", "Killed", "Killing", "Injures", "Injured", "Injuring", "Wounds", "Wounded", "Leaves", "Left",
    "Claims", "Toll", "Tops", "Hits", "Reaches", "Rises", "Rose", "Climbs", "Jumps", "Passes", "Past", "Nears",
    "Surpasses", "Exceeds", "Now", "Than", "Least", "Dead", "Dies", "Died", "Missing", "Rescued", "Evacuated",
    "Displaced", "As", "Is", "Are", "Was", "Were", "Reach", "Rise", "Hit", "Top", "Soars", "Mounts", "Stands",
}


_NATION_ABBREVIATIONS = frozenset({"US", "UK", "UN", "EU", "UAE", "USA"})


def is_part_of_name(text: str, s: int, e: int) -> bool:
    """'S&P 500', 'Fortune 500', 'iPhone 12', '737 MAX': digits that belong to a name, not a figure."""
    m = _NAME_BEFORE.search(text, max(0, s - 25), s)
    if m and m.group("name") not in _NOT_NAME_WORDS and m.start("name") > 0 \
            and not re.match(r"\s?(?:%|per\s?cent|percent|(?!series)[a-z]+s\b|[A-Z][a-z]+s\b)", text[e:e + 12]) \
            and not read_unit(text, e):
        return True
    after = re.match(r"\s([A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*|Plus|Pro|Max|Ultra|Lite|Mini|Edition|Series)\b", text[e:e + 12])
    if after and not read_unit(text, e) and after.group(1) not in ("GMT", "UTC", "BST", "EST", "CET") \
            and after.group(1) not in ISO_CODES and not NATIONAL_DOLLAR.match(text, e) \
            and not (after.group(1) in _NATION_ABBREVIATIONS and re.match(r"\s+[a-z]", text[e + len(after.group()):])):
        return True  # "737 MAX", "iPhone 12 Pro"; but "13 US troops" counts troops
    return False


_MASKED = re.compile(r",?[Xx]{2,}")
_GLUED_OK = re.compile(r"(?:k|m|b|bn|mn|mln|bln|tn|trn|pc|p|s|x)\b|[CF]\b", re.IGNORECASE)
_PHONE_BEFORE = re.compile(r"\b0\d+[ \u00a0](?:\d+[ \u00a0])*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\s*$", re.IGNORECASE)
_MONTH_DAY_TO_BEFORE = re.compile(rf"\b(?:{MONTHS})\s*\d{{1,2}}\s*(?:-|–|to|and)\s*$", re.IGNORECASE)
_MONTH_DAY_BEFORE = re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}},?\s*$", re.IGNORECASE)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|of|from|by|until|before|after|during)\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*[:/]\s*\d")
_CLOCK_BEFORE = re.compile(r"\d\s*[:/]\s*$")
_ID_BEFORE = re.compile(
    r"(?:\bno\.|#|\bpage|\bp\.|\broom|\bflight|\broute|\bchapter|\bsection|\barticle|\bresolution|\bgrade|"
    r"\blevel|\bphase|\bseason|\bepisode|\bday|\bweek|\bnumber|\bversion|\bv\.|\btype)\s*$",
    re.IGNORECASE,
)
_DASH_BEFORE = re.compile(r"\d\s*[-–]\s*$")
_RANGE_WORD = re.compile(r"\b(?:between|from)\b", re.IGNORECASE)


def is_date_or_time(text: str, s: int, e: int, digits: str, scaled: bool, joined: bool = False) -> bool:
    """Digits that write a date, a year, a time or an id rather than a figure.

    joined: the digits are the second figure of a range being read ("10-20"), so a dash before is fine.
    """
    if _MASKED.match(text, e, e + 4):
        return True  # "Rs. 6,XXX": a masked price
    if scaled:
        return False
    before = text[max(0, s - 30):s]
    after = text[e:e + 12]
    if text[e:e + 1].isalpha() and not read_unit(text, e) and not _GLUED_OK.match(text, e, e + 4):
        return True  # "A320neo", "2nd", "5G"
    if _DATE_AFTER.match(after) or _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
        return True  # "5th", "12 March", "10:30", "3/4"
    if len(digits) > 1 and digits.startswith("0") and "." not in digits:
        return True  # "0800", "02": phone numbers, ids and clock digits, not figures
    if _PHONE_BEFORE.search(before) or _ID_BEFORE.search(before):
        return True  # a later group of a phone number ("0800 123 4567"); "No. 5", "flight 370"
    if after.startswith((". ", ".\n")) and _LINE_START.search(before) and len(digits) <= 2:
        return True  # a numbered list item ("  1. Inhalt")
    if _MONTH_BEFORE.search(before) and (len(digits) <= 2 or len(digits) == 4) and digits.isdigit():
        return True
    if len(digits) <= 2 and _MONTH_DAY_TO_BEFORE.search(before):
        return True  # "Dec. 16 to 18"
    if _YEAR.match(digits) and (_MONTH_DAY_BEFORE.search(before) or _is_a_year(text, e, before)):
        return True
    if not joined and _DASH_BEFORE.search(before) and not _RANGE_WORD.search(before):
        return True  # the second half of "3-1" or of a range we already read
    return False


def _is_a_year(text: str, e: int, before: str) -> bool:
    """"in 2011", "2019 was": a year; "1500 people" (a lower-case plural noun after it): a count."""
    nxt = next_words(text, e, 1)
    counted = nxt and looks_plural(nxt[0].group()) and nxt[0].group()[:1].islower() \
        and nxt[0].group().lower() != "years"
    return not counted or bool(_YEAR_PREPOSITION.search(before))




_INDEX_NAMES = re.compile(
    r"(?:S&P|S&amp;P|FTSE|Nasdaq|NASDAQ|Dow|DAX|CAC|Nikkei|Russell|Stoxx|STOXX|ASX|Nifty|NIFTY|Sensex|Hang\s+Seng|"
    r"KOSPI|Kospi|TSX|IBEX|Ibex|MSCI|Fortune|Forbes|Global|Inc\.?|Top|Formula|F|Windows|iOS|Android|PlayStation|"
    r"Xbox|iPhone|Galaxy|Pixel|Boeing|Airbus|COVID|Covid|Apollo|Artemis|Falcon|Model|Series|Class|Category|Level|"
    r"Pro|Mark|Mk|Gen|Version|Type|Tier|Grade|Stage|Article|Section|Chapter|Title|Highway|Route|Interstate|Road|"
    r"Gate|Terminal|Platform|Channel|Studio|Room|Suite|Unit|Building|Block|Lot|Pier|Berth|Bay|Flight|Bus|"
    r"Bundesliga|Ligue|Serie|Liga|Premier\s+League|G|P|Q|H|FY|No\.|Nos\.|Number)[\s-]?$"
)


#: A number of three or more digits before a singular vehicle noun is a model: "the 737 passenger jet".
_MODEL_AFTER = re.compile(r"\s*(?:-?(?:MAX|ER|\d{2,3})\b\s*)?(?:passenger\s+|cargo\s+|twin-engine\s+)?"
                          r"(?:jet|jetliner|airliner|plane|airplane|helicopter|series|model)\b(?!s)")


def is_index_or_product(text: str, s: int, e: int | None = None) -> bool:
    """'S&P 500', 'the FTSE 100', 'Nikkei 225', 'Windows 11', 'G20', 'the 737 passenger jet': a number that is
    part of a name."""
    if _INDEX_NAMES.search(text, max(0, s - 16), s):
        return True
    return e is not None and e - s >= 3 and text[s:e].isdigit() and bool(_MODEL_AFTER.match(text, e))


_STREET = re.compile(
    r"\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z0-9][\w.'’]*\s+){0,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|"
    r"Terrace|Parkway|Pkwy|Highway|Hwy|Broadway)\b"
)


def is_address(text: str, e: int) -> bool:
    """'9 E 71st St', '10 Downing Street', '1600 Pennsylvania Avenue': a house number."""
    return bool(_STREET.match(text, e))


_ERA_BEFORE = re.compile(r"\b(?:A\.\s?D\.|AD|anno\s+domini|C\.\s?E\.|CE|B\.\s?C\.)\s*$", re.IGNORECASE)
_ERA_AFTER = re.compile(r"\s*(?:B\.\s?C\.(?:\s?E\.)?|BCE?|A\.\s?D\.|AD|C\.\s?E\.|CE)(?![A-Za-z])")


def is_era_year(text: str, s: int, e: int) -> bool:
    """'A.D. 1260', '44 BC', '1200 CE': a year with its era marker."""
    return bool(_ERA_BEFORE.search(text, max(0, s - 14), s) or _ERA_AFTER.match(text, e))


#: compound modifiers that name a configuration, not an amount ("six-speed gearbox")
ATTRIBUTE_WORDS = frozenset({
    "speed", "cylinder", "door", "core", "seater", "row", "wheel", "valve", "blade", "stroke", "lane",
    "storey", "story", "bedroom", "bed", "bath", "bathroom", "star", "piece", "ply", "track", "string",
    "camera", "lens", "engine", "rotor", "axle", "berth", "spoke",
})


def is_attribute(hyphen_word: str) -> bool:
    """'six-speed', 'four-cylinder', 'two-door', '12-core': a configuration, not a count."""
    return hyphen_word.lower() in ATTRIBUTE_WORDS


_NAME_COMMA = re.compile(r"[A-Z][\w'’\-]+,\s$")


def is_age_after_name(text: str, s: int, e: int, value: float | None) -> bool:
    """'Jane Doe, 25, said': an age set off by commas after a name."""
    if value is None or value != int(value) or not 0 < value < 120:
        return False
    if re.search(r"\b(?:was|were|is|are)\s+$", text[max(0, s - 8):s]) \
            and re.match(r"\s+(?:at\s+the\s+time|when)\b", text[e:e + 14]):
        return True  # "who was 14 at the time"
    return bool(_NAME_COMMA.search(text, max(0, s - 30), s) and re.match(r",\s", text[e:e + 2]))
