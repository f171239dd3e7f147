"""Shape of the real-news quantity corpus (tests/data/news_quantities_real.yaml).

The corpus is hand-annotated gold for issue 8; a mistake in it (a surface that is not in its
sentence, a range whose high is below its low, a missing source) would silently skew every
accuracy figure computed from it, so each rule of its header is checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "data" / "news_quantities_real.yaml"
BOUNDS = {"exact", "more_than", "at_least", "less_than", "at_most", "approx", "range"}
SECTIONS = {"business", "sport", "science", "technology", "politics", "disasters", "other"}
ITEM_KEYS = {"text", "section", "url", "outlet", "date", "quantities"}
QUANTITY_KEYS = {"surface", "value", "unit", "bound", "high", "vague"}
MIN_ITEMS = 320
ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _items() -> list[dict]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["items"]


ITEMS = _items()


def _ids(items):
    return [f"{i}:{item['text'][:40]}" for i, item in enumerate(items)]


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_has_source_and_section(item):
    assert set(item) == ITEM_KEYS, f"keys {sorted(set(item) ^ ITEM_KEYS)} wrong"
    assert isinstance(item["text"], str) and item["text"].strip() == item["text"] and item["text"]
    assert item["section"] in SECTIONS
    assert re.match(r"^https?://\S+$", item["url"]), item["url"]
    assert isinstance(item["outlet"], str) and item["outlet"].strip()
    date = item["date"]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    assert isinstance(date, dt.date)
    assert dt.date(2018, 1, 1) <= date <= dt.date(2026, 12, 31), "stories must be from 2018 or later"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_quantities_are_well_formed(item):
    text = item["text"]
    used: list[tuple[int, int]] = []
    for q in item["quantities"] or []:
        assert set(q) <= QUANTITY_KEYS and {"surface", "value", "unit", "bound"} <= set(q), q
        surface = q["surface"]
        assert isinstance(surface, str) and surface and surface.strip() == surface, q
        start = text.find(surface)
        # the same surface twice in one sentence is two quantities: each takes a free occurrence
        while start >= 0 and any(start < e and s < start + len(surface) for s, e in used):
            start = text.find(surface, start + 1)
        assert start >= 0, f"surface {surface!r} is not a free substring of the text"
        used.append((start, start + len(surface)))
        assert isinstance(q["value"], (int, float)) and not isinstance(q["value"], bool), q
        assert q["bound"] in BOUNDS, q
        if q["bound"] == "range":
            assert q.get("high") is not None and q["high"] > q["value"], q
        if q.get("high") is not None:
            assert q["high"] >= q["value"], q
            assert q["bound"] == "range", "a high end belongs to a range"
        if q.get("vague"):
            assert q["bound"] == "range" and q.get("high") is not None, q
        unit = q["unit"]
        assert unit is None or (isinstance(unit, str) and unit.strip() == unit and unit), q
        if unit is not None and unit.isupper():
            assert ISO_CURRENCY.match(unit), f"currency {unit!r} is not an ISO 4217-style code"


def test_corpus_size_sections_and_negatives():
    assert len(ITEMS) >= MIN_ITEMS
    texts = [i["text"] for i in ITEMS]
    assert len(texts) == len(set(texts)), [t for t, n in Counter(texts).items() if n > 1]
    sections = Counter(i["section"] for i in ITEMS)
    for section in SECTIONS - {"other"}:
        assert sections[section] >= len(ITEMS) // 10, f"section {section} has only {sections[section]}"
    negatives = sum(1 for i in ITEMS if not i["quantities"])
    assert 0.05 <= negatives / len(ITEMS) <= 0.15, f"{negatives} sentences without quantities"


def test_hard_forms_are_covered():
    """The forms issue 8 names must each be present, or the corpus cannot measure them."""
    quantities = [q for i in ITEMS for q in i["quantities"] or []]
    units = Counter(q["unit"] for q in quantities)
    assert sum(1 for q in quantities if q["bound"] == "range" and not q.get("vague")) >= 15
    assert sum(n for u, n in units.items() if u and ISO_CURRENCY.match(u) and u != "USD") >= 20
    assert units["percent"] >= 30
    fraction_words = re.compile(r"\b(half|third|thirds|quarter|quarters|fifth|fifths|in (four|five|ten|three))\b", re.I)
    assert sum(1 for q in quantities if q["unit"] == "percent" and fraction_words.search(q["surface"])) >= 8
