"""Claim context read from the sentence: predicate, place, attribution, dates, entity, modality, repeats."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.claims import extract_claims, split_sentences
from factcheck.model import Article


def claims_of(text, published=date(2016, 2, 11)):
    return [c for c in extract_claims(Article(id="a", path="a.txt", text=text, published=published, source="S"))]


def only(text, **kw):
    found = claims_of(text, **kw)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize("text, predicate", [
    ("The earthquake killed more than 8,000 people.", "killed"),
    ("At least 18 civilians died in the offensive.", "killed"),
    ("The war has claimed hundreds of thousands of lives.", "killed"),
    ("Some 40 people were wounded in the blast.", "wounded"),
    ("Tens of thousands of civilians have fled.", "fled"),
    ("More than one million people are living under siege.", "under siege"),
    ("Some 300,000 people are at risk of being placed under siege.", "at risk of siege"),
    ("Police arrested 45 protesters.", "arrested"),
    ("The flood displaced 2 million people.", "displaced"),
])
def test_predicate(text, predicate):
    assert only(text).predicate == predicate


@pytest.mark.parametrize("text, place", [
    ("The war in Syria has killed 250,000 people.", "Syria"),
    ("Some 300,000 people are at risk in Aleppo.", "Aleppo"),
    ("More than 260,000 people have been killed since Syria's conflict began.", "Syria"),
    ("More than one million Syrians are living under siege.", "Syria"),
    ("Fighting in northern Idlib killed 40 people.", "Idlib"),
])
def test_place(text, place):
    assert only(text).place == place


@pytest.mark.parametrize("text, who", [
    ("At least 18 civilians died, according to the Syrian Observatory for Human Rights.", "the Syrian Observatory for Human Rights"),
    ("The United Nations said today that some 300,000 people are at risk.", "The United Nations"),
    ("More than one million Syrians are living under siege an NGO report says", "an NGO report"),
    ("In Aleppo, observers say at least 500 people have been killed.", "observers"),
    ("The war has killed 250,000 people.", None),
])
def test_attribution(text, who):
    assert only(text).attribution == who


def test_since_a_day_takes_the_publication_year():
    c = only("At least 500 people have been killed since the offensive began on February 1.")
    assert c.since == date(2016, 2, 1) and c.as_of is None


def test_since_a_day_written_in_january_is_last_year():
    c = only("At least 500 people have been killed since December 20.", published=date(2016, 1, 10))
    assert c.since == date(2015, 12, 20)


def test_since_the_war_began_is_the_whole_war():
    toll = claims_of("More than 260,000 people have been killed since the conflict began in 2011.")[0]
    assert toll.text == "More than 260,000 people" and toll.since is None


def test_since_a_year():
    assert only("Some 4 million people have fled since 2011.").since == date(2011, 1, 1)


@pytest.mark.parametrize("text, as_of", [
    ("The death toll reached 312 on Tuesday.", date(2016, 2, 9)),  # published Thursday 2016-02-11
    ("The United Nations said today that 300,000 people are at risk.", date(2016, 2, 11)),
    ("Officials said yesterday that 300 people died.", date(2016, 2, 10)),
    ("On February 9, 2016, officials said 40 people had died.", date(2016, 2, 9)),
    # a day named only by the deaths is when people died (the incident's day), not when they were counted
    ("On February 9, 2016, 40 people died.", None),
])
def test_as_of(text, as_of):
    assert only(text).as_of == as_of


def test_weekday_equal_to_publication_day_is_that_day():
    assert only("Late Thursday officials said 40 people died.").as_of == date(2016, 2, 11)


def test_hypothetical_and_asserted():
    assert only("A failure would mean more death for thousands of people.").modality == "hypothetical"
    assert only("Ministers from the 17-nation group will meet.").modality == "asserted"


def test_entity_of_a_group():
    assert only("Ministers from the 17-nation Syria contact group met in Munich.").entity == "Syria contact group"
    assert only("The ISSG is a group of about 20 countries.").entity == "ISSG"
    assert only("The Paris Agreement was signed by 195 countries.").entity == "Paris Agreement"
    assert only("The war killed 40 people.").entity is None


def test_start_year_is_a_date_claim_not_a_count():
    found = claims_of("The civil war broke out in 2011 and has killed 250,000 people.")
    dates = [c for c in found if c.dimension == "date"]
    counts = [c for c in found if c.dimension == "count"]
    assert len(dates) == 1 and dates[0].value == 2011 and dates[0].predicate == "began" and dates[0].noun == "war"
    assert len(counts) == 1 and counts[0].value == 250_000


def test_exact_repeat_is_a_duplicate_with_curly_quotes():
    text = ("Kerry said \"at least 500 people\" died in Aleppo.\n\n"
            "Kerry said \u201cat least 500 people\u201d died in Aleppo.\n")
    first, second = claims_of(text)
    assert first.duplicate_of is None and second.duplicate_of == first.id


def test_same_figure_in_different_words_is_not_a_duplicate():
    first, second = claims_of("At least 500 people died in Aleppo.\n\nIn Homs, at least 500 people fled.\n")
    assert second.duplicate_of is None


def test_sentences_do_not_break_at_abbreviations():
    text = "The U.S. and the U.N. met on Feb. 11 in Munich. Then 17 countries agreed."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["The U.S. and the U.N. met on Feb. 11 in Munich.", "Then 17 countries agreed."]


def test_extract_claims_is_pure():
    art = Article(id="a", path="a.txt", text="At least 18 civilians died.", published=date(2016, 2, 3))
    assert extract_claims(art) == extract_claims(art)


def test_agreement_names_are_canonical_and_generic_mentions_resolved():
    text = ("Nearly 200 countries adopted the Paris climate accord on Saturday.\n\n"
            "The accord, backed by 150 countries, aims to limit warming.\n")
    first, second = [c for c in claims_of(text) if c.noun == "country"]
    assert first.entity == second.entity == "Paris Agreement"


def test_a_generic_mention_with_no_named_agreement_stays_unnamed():
    (c,) = claims_of("The deal was backed by 150 countries.")
    assert c.entity is None


@pytest.mark.parametrize("text, as_of", [
    ("Last year, a similar attack killed 30 people.", date(2015, 2, 11)),
    ("A month ago the toll was 300 people.", date(2016, 1, 12)),
    ("In 2014 the war had killed 190,000 people.", date(2014, 12, 31)),
    ("The war began in 2011 and has killed 250,000 people.", None),
    ("Some 30 people were killed in a year of fighting.", None),
])
def test_past_anchors(text, as_of):
    counts = [c for c in claims_of(text) if c.dimension == "count"]
    assert counts[0].as_of == as_of
