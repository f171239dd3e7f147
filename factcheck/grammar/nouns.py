"""The counted noun after a figure ("12 Syrian soldiers" -> "soldier") and English singulars."""

from __future__ import annotations

import re

from factcheck.grammar.currencies import WORDS as CURRENCY_WORDS
from factcheck.grammar.units import TIME_UNITS

__all__ = ["singular", "looks_plural", "next_words", "find_noun", "noun_after_duration", "STOP_BEFORE_NOUN"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
    "police": "police", "crew": "crew", "staff": "staff", "personnel": "personnel", "troops": "troop", "lives": "life",
    "wives": "wife", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "cattle": "cattle",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "data": "data", "media": "media", "series": "series",
    "species": "species", "aircraft": "aircraft", "crises": "crisis", "analyses": "analysis",
    "thieves": "thief", "leaves": "leaf", "halves": "half", "shelves": "shelf", "wolves": "wolf",
    "news": "news", "bus": "bus", "buses": "bus", "taxes": "tax", "boxes": "box", "offices": "office",
    "livestock": "livestock", "poultry": "poultry", "swine": "swine",  # "500,000 livestock killed": no people
}
#: plural-looking words that are not counted nouns
NOT_NOUNS = {
    "is", "was", "has", "as", "this", "its", "his", "hers", "ours", "yours", "theirs", "us", "less", "unless",
    "across", "press", "always", "perhaps", "thus", "plus", "minus", "does", "goes", "says", "whereas",
    "besides", "towards", "afterwards", "sometimes", "nevertheless", "news", "status", "various", "previous",
    "serious", "famous", "numerous", "enormous", "dangerous", "anonymous", "obvious", "ones", "others",
    "yes", "gas", "bias", "chaos", "thanks", "afterwords", "overseas", "whereabouts", "alas", "versus",
    "means", "miles", "thus", "ago", "earlier", "later", "more", "less", "each", "apiece", "respectively",
}
#: words that may sit between a number and its noun ("100 opposition and rebel delegates")
STOP_BEFORE_NOUN = {
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
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
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


def looks_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if len(w) > 4 and w.endswith("men") and w not in ("specimen", "regimen", "abdomen"):
        return True  # gunmen, policemen, fishermen
    if word[:1].isupper() and len(w) > 4 and w.endswith("is") and w not in NOT_NOUNS:
        return True  # Yemenis, Iraqis, Israelis
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "'s", "’s", "is")) and w not in NOT_NOUNS



def next_words(text: str, pos: int, n: int) -> list[re.Match]:
    out = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos:m.start()] if not out else text[out[-1].end():m.start()]
        if re.search(r"[.;:!?()\"“”\[\]\d$€£%]|,\s", gap) or "\n" in gap:
            break
        out.append(m)
        if len(out) >= n:
            break
    return out


def find_noun(text: str, pos: int, value: float | None) -> tuple[str | None, int]:
    """The counted noun after a number: up to three modifiers may sit between ("100 opposition and rebel delegates")."""
    words = next_words(text, pos, 5)
    if not words:
        return None, pos
    first = words[0].group().lower()
    if first == "of" and len(words) > 1:  # "tens of thousands of civilians", "millions of dollars"
        words = words[1:]
        if words[0].group().lower() in ("the", "their", "its", "his", "her", "our"):
            if words[0].group().lower() != "the" and len(words) > 1 and looks_plural(words[1].group().lower()) \
                    and words[1].group().lower() not in STOP_BEFORE_NOUN:
                return singular(words[1].group().lower()), words[1].end()  # "20 of its employees": employees
            return None, pos
    for i, m in enumerate(words[:4]):
        w = m.group()
        lw = w.lower().strip("'’")
        if lw in ("more", "additional", "extra", "new", "other", "fewer") and i == 0:
            continue  # "2.3 million more votes"
        if lw in STOP_BEFORE_NOUN and i > 0 and lw not in ("and",):
            break
        if lw in STOP_BEFORE_NOUN and i == 0:
            return None, pos
        if lw in TIME_UNITS or lw in CURRENCY_WORDS:
            return None, pos
        if value == 1 and i == 0 and not looks_plural(lw) and lw not in NOT_NOUNS and w[0].islower():
            head = m  # "one rebel leader": the last word of the noun phrase
            for nxt in words[1:3]:
                if nxt.group()[0].islower() and nxt.group().lower() not in STOP_BEFORE_NOUN \
                        and not re.search(r"(?:ed|ing|ly)$", nxt.group()):
                    head = nxt
                else:
                    break
            return head.group().lower(), head.end()
        if looks_plural(w if w[:1].isupper() else lw):
            if lw in ("police", "staff", "crew", "aid", "health", "security") and i + 1 < len(words) \
                    and looks_plural(words[i + 1].group()) and words[i + 1].group().lower() not in STOP_BEFORE_NOUN:
                return singular(words[i + 1].group().lower()), words[i + 1].end()
            return singular(lw), m.end()
        if lw == "and" and i == 0:
            return None, pos
    return None, pos



def noun_after_duration(text: str, end: int) -> tuple[str | None, int]:
    """'four-year-old civil war' -> 'war' (the last word before a function word); 'two-day talks' -> 'talk'."""
    if text[end:end + 4] == "-old":
        end += 4
    words = next_words(text, end, 3)
    head = None
    for w in words:
        lw = w.group().lower()
        if lw in STOP_BEFORE_NOUN or lw in ("could", "can", "may", "might", "should", "must", "old") or not w.group()[0].islower():
            break
        head = w
    if head is None:
        return None, end
    return singular(head.group().lower()), head.end()


