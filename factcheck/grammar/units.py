"""Units written after a figure, read by table: physical units news uses, and time units.

The table covers what news writes ("GHz", "hp", "mpg", "rpm", "mAh", "ppb", "µm", "pound-feet",
"km/h", "°C"), so quantulum3 is needed only for a unit that is not here. Names are pint's
(with spaces for underscores), so claims compare and convert through pint.
"""

from __future__ import annotations

import re

__all__ = ["TIME_UNITS", "read_unit", "PHYSICAL_HINT", "TEMPERATURE"]

TIME_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour",
    "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
}

# Abbreviations: case matters ("mW" is not "MW"; "G" alone is not a unit).
_SYMBOLS = {
    "km": "kilometer", "cm": "centimeter", "mm": "millimeter", "µm": "micrometer", "μm": "micrometer",
    "nm": "nanometer", "m": "meter", "mi": "mile", "ft": "foot", "in": "inch", "yd": "yard",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound", "lbs": "pound", "oz": "ounce",
    "t": "metric ton", "l": "liter", "L": "liter", "ml": "milliliter", "mL": "milliliter",
    "mph": "mile per hour", "km/h": "kilometer per hour", "kph": "kilometer per hour", "kmh": "kilometer per hour",
    "m/s": "meter per second", "kt": "knot", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz",
    "GHz": "gigahertz", "hp": "horsepower", "bhp": "horsepower", "PS": "horsepower", "mpg": "mile per gallon",
    "rpm": "revolution per minute", "mAh": "milliampere hour", "Ah": "ampere hour", "ppm": "part per million",
    "ppb": "part per billion", "lb-ft": "pound force foot", "lb ft": "pound force foot", "lb.-ft.": "pound force foot",
    "lb.-ft": "pound force foot", "lb.ft": "pound force foot", "Nm": "newton meter",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt",
    "Wh": "watt hour", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "V": "volt", "kV": "kilovolt", "mA": "milliampere", "A": "ampere",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "PB": "petabyte",
    "Mbps": "megabit per second", "Gbps": "gigabit per second", "Kbps": "kilobit per second",
    "MP": "megapixel", "kcal": "kilocalorie", "cc": "cubic centimeter", "ha": "hectare", "mb": "millibar",
    "hPa": "hectopascal", "psi": "pound force per square inch", "dB": "decibel", "sq km": "square kilometer",
    "sq mi": "square mile", "sq ft": "square foot", "sq m": "square meter", "km2": "square kilometer",
    "km²": "square kilometer", "m2": "square meter", "m²": "square meter", "bpd": "barrel per day",
    "mcg": "microgram", "µg": "microgram", "nmi": "nautical mile", "AU": "astronomical unit",
}
# Words: any case, plural or singular, British or US spelling.
_WORDS = {
    "kilometre": "kilometer", "kilometer": "kilometer", "metre": "meter", "meter": "meter",
    "centimetre": "centimeter", "centimeter": "centimeter", "millimetre": "millimeter", "millimeter": "millimeter",
    "micrometre": "micrometer", "micrometer": "micrometer", "micron": "micrometer", "nanometre": "nanometer",
    "nanometer": "nanometer", "mile": "mile", "foot": "foot", "feet": "foot", "inch": "inch", "inche": "inch",
    "yard": "yard", "kilogram": "kilogram", "kilogramme": "kilogram", "kilo": "kilogram", "gram": "gram",
    "gramme": "gram", "milligram": "milligram", "microgram": "microgram", "tonne": "metric ton",
    "metric ton": "metric ton", "ton": "ton", "pound": "pound", "ounce": "ounce", "litre": "liter",
    "liter": "liter", "millilitre": "milliliter", "milliliter": "milliliter", "gallon": "gallon",
    "barrel": "barrel", "knot": "knot", "hertz": "hertz", "kilohertz": "kilohertz", "megahertz": "megahertz",
    "gigahertz": "gigahertz", "horsepower": "horsepower", "mile per hour": "mile per hour",
    "kilometre per hour": "kilometer per hour", "kilometer per hour": "kilometer per hour",
    "miles an hour": "mile per hour", "mile per gallon": "mile per gallon", "miles a gallon": "mile per gallon",
    "pound-feet": "pound force foot", "pound-foot": "pound force foot", "pound feet": "pound force foot",
    "newton-metre": "newton meter", "newton metre": "newton meter", "newton-meter": "newton meter",
    "watt": "watt", "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt",
    "kilowatt-hour": "kilowatt hour", "kilowatt hour": "kilowatt hour", "megawatt-hour": "megawatt hour",
    "megawatt hour": "megawatt hour", "gigawatt-hour": "gigawatt hour", "terawatt-hour": "terawatt hour",
    "volt": "volt", "kilovolt": "kilovolt", "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte",
    "gigabyte": "gigabyte", "terabyte": "terabyte", "petabyte": "petabyte", "megapixel": "megapixel",
    "calorie": "calorie", "kilocalorie": "kilocalorie", "acre": "acre", "hectare": "hectare",
    "square kilometre": "square kilometer", "square kilometer": "square kilometer", "square mile": "square mile",
    "square metre": "square meter", "square meter": "square meter", "square foot": "square foot",
    "square feet": "square foot", "cubic metre": "cubic meter", "cubic meter": "cubic meter",
    "cubic kilometre": "cubic kilometer", "cubic kilometer": "cubic kilometer", "cubic mile": "cubic mile",
    "cubic foot": "cubic foot", "cubic feet": "cubic foot", "light-year": "light year", "light year": "light year",
    "part per million": "part per million", "parts per million": "part per million",
    "part per billion": "part per billion", "parts per billion": "part per billion",
    "decibel": "decibel", "nautical mile": "nautical mile", "sea mile": "nautical mile", "astronomical unit": "astronomical unit",
    "millibar": "millibar", "hectopascal": "hectopascal",
}
TEMPERATURE = re.compile(
    r"(?:°\s?|º\s?|degrees?\s+|deg\.?\s+)(?P<scale>C|F|K|celsius|centigrade|fahrenheit|kelvin)\b|(?P<glued>°|º)\s?(?P<s2>[CFK])?(?![A-Za-z])"
    r"|(?P<bare>degrees?)\b",
    re.IGNORECASE,
)
_TEMPERATURE_NAMES = {"c": "degree Celsius", "celsius": "degree Celsius", "centigrade": "degree Celsius",
                      "f": "degree Fahrenheit", "fahrenheit": "degree Fahrenheit", "k": "kelvin", "kelvin": "kelvin"}


def _norm(surface: str) -> str:
    return re.sub(r"s?[\s-]+", " ", surface.lower())


def _alternation(keys) -> str:
    return "|".join(re.sub(r"\\[ -]", r"s?[\\s-]", re.escape(k)) for k in sorted(keys, key=len, reverse=True))


_WORDS_NORM = {_norm(k): v for k, v in _WORDS.items()}
_SYMBOLS_NORM = {re.sub(r"[\s-]+", " ", k): v for k, v in _SYMBOLS.items()}
_WORD_RE = re.compile(rf"(?P<w>{_alternation(_WORDS)})(?:e?s)?(?![A-Za-z])", re.IGNORECASE)
_SYMBOL_RE = re.compile(rf"(?P<s>{_alternation(_SYMBOLS)})(?![A-Za-z0-9²/])")
#: one-letter and ambiguous symbols need the figure glued to them ("100m", "5g", "4in")
_GLUED_ONLY = {"g", "t", "l", "L", "in", "A", "V", "W", "mi", "ha", "mb", "cc", "kt", "AU", "PS", "MP", "yd"}


_PER = re.compile(r"\s*(?:/|\s(?:per|a|an)\s)\s*", re.IGNORECASE)
_PER_TIME = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
             "year": "year", "annum": "year", "s": "second", "h": "hour", "hr": "hour", "d": "day", "yr": "year"}


def read_unit(text: str, end: int) -> tuple[str, int] | None:
    """The unit after a figure ending at ``end``, with its "per" part ("barrels per day", "µg/m3"):
    (pint name, end of the unit) or None."""
    first = _read_simple_unit(text, end)
    if first is None or " per " in first[0]:
        return first
    per = _PER.match(text, first[1])
    if per is None:
        return first
    word = re.match(r"[A-Za-z]+", text[per.end():per.end() + 12])
    if word and word.group().lower() in _PER_TIME:
        return f"{first[0]} per {_PER_TIME[word.group().lower()]}", per.end() + word.end()
    if "per" in per.group().lower() or "/" in per.group():
        second = _read_simple_unit(text, per.end() - 1) if text[per.end() - 1:per.end()] == " " else None
        if second is not None:
            return f"{first[0]} per {second[0]}", second[1]
    return first


def _read_simple_unit(text: str, end: int) -> tuple[str, int] | None:
    glued = text[end:end + 1] not in (" ", "\u00a0", "-")
    pos = end if glued else end + 1
    temp = TEMPERATURE.match(text, pos)
    if temp and not temp.group("bare"):
        scale = (temp.group("scale") or temp.group("s2") or "C").lower()
        return _TEMPERATURE_NAMES[scale], temp.end()
    if glued and re.match(r"[CF](?![\w°])", text[pos:pos + 2]):
        return _TEMPERATURE_NAMES[text[pos].lower()], pos + 1  # "-15C", "104F"
    if temp:
        return None  # "30 degrees" alone may be an angle or a temperature: left to the caller
    w = _WORD_RE.match(text, pos)
    if w and _norm(w.group("w")) in _WORDS_NORM:
        return _WORDS_NORM[_norm(w.group("w"))], w.end()
    s = _SYMBOL_RE.match(text, pos)
    if s and (glued or s.group("s") not in _GLUED_ONLY):
        name = _SYMBOLS_NORM.get(re.sub(r"[\s-]+", " ", s.group("s")))
        if name:
            return name, s.end()
    upper = re.match(r"(MPH|KPH|KM|KG|LBS|MPG|RPM|HP|FT)(?![A-Za-z])", text[pos:pos + 4])
    if upper:
        return _SYMBOLS[upper.group(1).lower()], pos + upper.end()  # headlines: "185 MPH"
    return None


#: what looks like a physical unit after a figure but is not in the table: worth asking quantulum3
PHYSICAL_HINT = re.compile(
    r"(?:[a-zµμ]{1,4}/[a-z]{1,4}|(?:sq(?:uare)?|cubic)\s+\w+|[a-z]*(?:metre|meter|gram|litre|liter|watt|volt|"
    r"joule|pascal|ampere|hertz|tesla|sievert|becquerel)s?)\b",
    re.IGNORECASE,
)
