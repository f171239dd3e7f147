"""The interval conventions of docs/semantics.md, one test per row."""

from __future__ import annotations

import pytest

from factcheck import extract_quantities


def one(text):
    found = extract_quantities(text)
    assert len(found) == 1, [q.surface for q in found]
    return found[0]


@pytest.mark.parametrize("text, bound, low, high", [
    ("17 countries took part", "exact", 17, 17),
    ("more than 260,000 people died", "more_than", 260_000, None),
    ("over 40 people died", "more_than", 40, None),
    ("at least 500 people died", "at_least", 500, None),
    ("500 or more people died", "at_least", 500, None),
    ("fewer than 50 people came", "less_than", None, 50),
    ("up to 50 people came", "at_most", None, 50),
    ("as many as 50 people came", "at_most", None, 50),
    ("about 20 countries joined", "approx", 18, 22),
    ("nearly 20 countries joined", "approx", 18, 20),
    ("between 10 and 20 people died", "range", 10, 20),
    ("10-20 people died", "range", 10, 20),
])
def test_bounds(text, bound, low, high):
    q = one(text)
    assert q.bound == bound
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None


@pytest.mark.parametrize("text, value", [
    ("a quarter of a million people", 250_000), ("half a million people", 500_000),
    ("a dozen people", 12), ("one million people", 1_000_000), ("1.9 million people", 1_900_000),
    ("260 000 people", 260_000), ("260,000 people", 260_000), ("twenty-five people", 25),
    ("two hundred and fifty people", 250), ("$3.5 billion", 3.5e9), ("£1.2m", 1.2e6),
])
def test_values(text, value):
    assert one(text).value == pytest.approx(value)


@pytest.mark.parametrize("text, low, high", [
    ("dozens of people", 24, 99), ("hundreds of people", 200, 999), ("thousands of people", 2_000, 9_999),
    ("tens of thousands of people", 20_000, 99_999), ("hundreds of thousands of people", 200_000, 999_999),
    ("millions of people", 2_000_000, 9_999_999), ("several hundred people", 300, 900),
])
def test_vague_numerals(text, low, high):
    q = one(text)
    assert (q.low, q.high, q.vague, q.noun) == (low, high, True, "person")


@pytest.mark.parametrize("text, noun", [
    ("500 people", "person"), ("17-nation group", "nation"), ("some 100 opposition and rebel delegates", "delegate"),
    ("18 civilians", "civilian"), ("several hundred Russian and Syrian airstrikes", "airstrike"),
    ("40 children", "child"), ("12 countries", "country"),
])
def test_counted_nouns(text, noun):
    assert one(text).noun == noun


@pytest.mark.parametrize("text, value, unit, noun", [
    ("the four-year-old civil war", 4, "year", "war"), ("the six-year civil war", 6, "year", "war"),
    ("the two-day talks", 2, "day", "talk"), ("after five years of war", 5, "year", None),
])
def test_durations(text, value, unit, noun):
    q = one(text)
    assert (q.value, q.unit, q.dimension) == (value, unit, "duration")
    if noun:
        assert q.noun == noun


@pytest.mark.parametrize("text, unit, dimension", [
    ("prices rose 5% last year", "percent", "percentage"), ("turnout was 61 percent", "percent", "percentage"),
    ("$3.5 billion in aid", "USD", "currency"), ("20 million euros", "EUR", "currency"),
    ("a 3.5 km stretch", "kilometer", "physical"),
])
def test_units(text, unit, dimension):
    q = one(text)
    assert (q.unit, q.dimension) == (unit, dimension)


@pytest.mark.parametrize("text", [
    "The talks resume Feb. 25.", "They met on January 20, 2016.", "The war began in 2011.", "M-F 7:30PM HBO",
    "0:00 0:00", "Watch video 02:49", "Copyright 2021 NPR.", "It ended 3-1.", "the 2nd round", "an A320 jet",
    "on 15.12.2015", "one of the key weaknesses", "in the 1990s",
])
def test_dates_times_and_ids_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_surface_is_the_text_span():
    text = "Officials said more than 260,000 people have been killed."
    q = one(text)
    assert text[q.start:q.end] == q.surface == "more than 260,000 people"


@pytest.mark.parametrize("text", [
    "The S&P 500 fell sharply.", "The Fortune 500 company grew.", "Apple unveiled the iPhone 12 today.",
    "Boeing said 737 MAX deliveries resume.", "The company announced a 3-for-1 stock split.",
])
def test_numbers_inside_names_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_a_figure_after_a_name_with_its_noun_is_kept():
    (q,) = extract_quantities("Officials in Aleppo said 500 people died.")
    assert q.value == 500 and q.noun == "person"


@pytest.mark.parametrize("text, value, unit", [
    ("growth of -3.5% last year", -3.5, "percent"), ("temperatures of -15C", -15, "degree Celsius"),
    ("minus 15 degrees Celsius", -15, "degree Celsius"), ("Rs 500 crore", 5e9, "INR"),
])
def test_signs_and_regional_scales(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["COVID-19 cases rose", "the 2015-16 season", "F-16 jets flew", "He won 3-1."])
def test_hyphenated_ids_and_scores_are_not_negative_numbers(text):
    assert extract_quantities(text) == []
