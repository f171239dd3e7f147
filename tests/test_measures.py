"""Every figure about a story gets its measure (issue 7): one test per category of figure that used to get
none, each on made-up sentences of that category, and hypothesis properties where parsing is involved."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import extract_claims
from factcheck.model import Article
from factcheck.rules import load_rules

RULES = load_rules()


def _claims(text: str, published: str = "2024-03-04"):
    art = Article(id="a", path="a.md", text=text, source="S", published=date.fromisoformat(published))
    return [RULES.classify(c) for c in extract_claims(art)]


def _kind(text: str, surface: str, published: str = "2024-03-04"):
    """The claim whose text is `surface` in `text`, classified."""
    found = [c for c in _claims(text, published) if c.text == surface]
    assert found, f"{surface!r} not extracted from {text!r}: {[c.text for c in _claims(text, published)]}"
    return found[0]


# ---------------------------------------------------------------- nationalities among the victims
def test_nationalities_are_counted_by_their_own_noun_or_by_where_people_came_from():
    assert _kind("According to the carrier, there were 41 different nationalities on the plane.",
                 "41 different nationalities").kind == "nationalities"
    assert _kind("We can confirm that there were at least 22 nationalities on the list.",
                 "at least 22 nationalities").kind == "nationalities"
    assert _kind("The dead, aboard the bus with six crew members, came from 14 countries.",
                 "14 countries").kind == "nationalities"
    assert _kind("The passengers were citizens of 9 nations, the ministry said.", "9 nations").kind == "nationalities"


def test_countries_of_a_group_are_not_nationalities():
    c = _kind("Ministers from the 12-nation contact group met in Oslo.", "12-nation")
    assert c.kind != "nationalities"
    c = _kind("Envoys from 30 countries attended the summit in Oslo.", "30 countries")
    assert c.kind != "nationalities"  # no victims or passengers: where delegates came from is not a nationality count


def test_a_region_before_from_makes_the_figure_a_part():
    c = _kind("Europeans from 9 nations were listed among the passengers.", "9 nations")
    assert c.kind == "nationalities" and c.part == "European"
