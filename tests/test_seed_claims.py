"""Acceptance on the seeds: the figures the issue names are read right, nothing else becomes a count."""

from __future__ import annotations

import pytest


def _find(claims, text):
    found = [c for c in claims if c.text == text and c.duplicate_of is None]
    assert found, f"no first-mention claim {text!r} in {[c.text for c in claims]}"
    return found[0]


def test_seventeen_nation_group_counts_seventeen_nations(seed_claims):
    c = _find(seed_claims["001"], "17-nation")
    assert (c.value, c.low, c.high, c.bound, c.noun) == (17, 17, 17, "exact", "nation")
    assert c.entity == "Syria contact group"


def test_about_twenty_countries_is_an_interval_that_excludes_seventeen(seed_claims):
    c = _find(seed_claims["000"], "about 20 countries")
    assert c.bound == "approx" and c.noun == "country" and c.value == 20
    assert c.low < 20 < c.high
    assert not (c.low <= 17 <= c.high)
    assert c.entity == "ISSG"


def test_quarter_of_a_million_is_one_quantity(seed_claims):
    c = _find(seed_claims["000"], "a quarter of a million people")
    assert c.value == 250_000 and c.noun == "person" and c.predicate == "killed"
    assert c.low <= 250_000 <= c.high
    assert "Syria" in c.place


@pytest.mark.parametrize("surface", ["More than 260 000 people", "More than 260,000 people"])
def test_more_than_260000_is_open_above(seed_claims, surface):
    c = [c for c in seed_claims["001"] if c.text == surface][0]
    assert (c.low, c.high, c.bound, c.noun) == (260_000, None, "more_than", "person")


def test_both_spellings_of_260000_are_the_same_claim(seed_claims):
    spaced = [c for c in seed_claims["001"] if c.text == "More than 260 000 people"]
    commas = [c for c in seed_claims["001"] if c.text == "More than 260,000 people"]
    first = [c for c in spaced + commas if c.duplicate_of is None]
    assert len(first) == 1, "the truncated caption and its full form are one claim"
    assert all(c.duplicate_of == first[0].id for c in spaced + commas if c is not first[0])
    assert first[0].place == "Syria" and first[0].event == "war"  # filled from the full caption


@pytest.mark.parametrize("key, surface, low, high, noun", [
    ("000", "Tens of thousands of civilians", 20_000, 99_999, "civilian"),
    ("001", "Tens of thousands of Syrians", 20_000, 99_999, "syrian"),
    ("000", "hundreds of thousands", 200_000, 999_999, None),
    ("004", "hundreds of thousands of civilians", 200_000, 999_999, "civilian"),
])
def test_vague_numerals_give_their_decade(seed_claims, key, surface, low, high, noun):
    c = _find(seed_claims[key], surface)
    assert (c.low, c.high, c.noun) == (low, high, noun) and c.vague


@pytest.mark.parametrize("key, surface, bound, low, high, noun", [
    ("001", "at least 500 people", "at_least", 500, None, "person"),
    ("004", "At least 18 civilians", "at_least", 18, None, "civilian"),
    ("000", "some 300,000 people", "approx", 270_000, 330_000, "person"),
    ("004", "more than 200 people", "more_than", 200, None, "person"),
    ("002", "some 100 opposition and rebel delegates", "approx", 90, 110, "delegate"),
])
def test_bounded_counts(seed_claims, key, surface, bound, low, high, noun):
    c = _find(seed_claims[key], surface)
    assert c.bound == bound and c.noun == noun
    assert c.low == pytest.approx(low) and (c.high == pytest.approx(high) if high else c.high is None)


def test_no_date_time_or_widget_becomes_a_count(seed_claims):
    values = {c.value for claims in seed_claims.values() for c in claims if c.dimension == "count"}
    # Feb. 25, February 1, 2011, 2016, 2013, © 2024, Copyright 2021, 30 Languages, September 30,
    # February 9, 7:30PM, 02:49, 00:32, 0:00, Feb. 8, Feb. 11
    for not_a_count in (25, 2011, 2016, 2013, 2021, 2024, 30, 9, 7, 49, 32, 0, 8, 11):
        assert not_a_count not in values, f"{not_a_count} became a count"
    texts = [c.text for claims in seed_claims.values() for c in claims]
    assert not any(":" in t for t in texts)
    assert not any(t.split()[-1] in ("1", "25", "2016") for t in texts), "a date's day or year became a claim"


def test_page_furniture_yields_no_claims(seed_claims):
    # "With 2,400 staff ..." is the agency's author box, "Choose from 30 Languages" navigation
    texts = {c.text for claims in seed_claims.values() for c in claims}
    assert "2,400 staff" not in texts and "30 Languages" not in texts


def test_repeated_body_yields_each_claim_once(seed_claims):
    claims = seed_claims["001"]
    firsts = [c for c in claims if c.duplicate_of is None]
    repeats = [c for c in claims if c.duplicate_of is not None]
    assert repeats, "seed 001 carries its body twice"
    first_ids = {c.id for c in firsts}
    assert all(c.duplicate_of in first_ids for c in repeats)
    keys = [(c.value, c.bound, c.noun, c.dimension) for c in firsts]
    assert len(keys) == len(set(keys)), f"a repeated claim was counted twice: {keys}"
    under_siege = [c for c in claims if c.text == "More than one million Syrians"]
    assert len(under_siege) == 4 and sum(c.duplicate_of is None for c in under_siege) == 1


def test_war_durations_and_start_year(seed_claims):
    four = _find(seed_claims["000"], "four-year-old civil war")
    assert (four.value, four.unit, four.dimension, four.noun) == (4, "year", "duration", "war")
    six = _find(seed_claims["003"], "six-year civil war")
    assert (six.value, six.unit, six.noun) == (6, "year", "war")
    began = _find(seed_claims["001"], "began in 2011")
    assert (began.value, began.dimension, began.predicate) == (2011, "date", "began")
    five = _find(seed_claims["002"], "five years")
    assert five.unit == "year" and five.event == "war"


def test_scope_fields_of_the_siege_claims(seed_claims):
    million = _find(seed_claims["001"], "More than one million Syrians")
    assert million.predicate == "under siege" and million.attribution == "an NGO report" and million.place == "Syria"
    at_risk = _find(seed_claims["000"], "some 300,000 people")
    assert at_risk.predicate == "at risk of siege" and at_risk.place == "Aleppo"
    assert at_risk.attribution == "The United Nations" and str(at_risk.as_of) == "2016-02-11"


def test_window_and_attribution_of_the_aleppo_toll(seed_claims):
    c = _find(seed_claims["001"], "at least 500 people")
    assert str(c.since) == "2016-02-01" and c.attribution == "observers" and "Aleppo" in c.place
    fp = _find(seed_claims["004"], "At least 18 civilians")
    assert fp.attribution == "the Syrian Observatory for Human Rights" and fp.event == "offensive"


def test_hypothetical_figures_are_marked(seed_claims):
    c = _find(seed_claims["000"], "thousands of people")
    assert c.modality == "hypothetical"


def test_offsets_lines_and_columns_point_into_the_file(seed_articles, seed_claims):
    for key, claims in seed_claims.items():
        text = seed_articles[key].text
        lines = text.split("\n")
        for c in claims:
            assert text[c.start:c.end] == c.text
            assert lines[c.line - 1][c.column - 1:].startswith(c.text.split("\n")[0])
