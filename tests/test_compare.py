"""Comparison: verdicts, rule features, scope keys, stories, and the interval logic's properties."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import (compare_claims, compare_pair, describe_interval, loose_interval, start_interval,
                               strict_interval)
from factcheck.model import CLAIM_FIELDS, Claim
from factcheck.rules import load_rules

D = date(2016, 2, 11)
_n = [0]


def mk(**kw) -> Claim:
    """A Claim with defaults: an asserted exact count of people killed in Syria's war."""
    _n[0] += 1
    art = kw.pop("article", "a")
    base = dict(id=f"{art}#{_n[0]}", article=art, start=0, end=1, line=1, column=1, text=kw.pop("text", "x"),
                low=None, high=None, value=None, bound="exact", unit=None, noun="person", kind="deaths",
                predicate="killed", place="Syria", event="war", published=D, source=f"Outlet {art}",
                sentence=f"Sentence {_n[0]}.")
    v = kw.get("value")
    bound = kw.get("bound", "exact")
    if v is not None and "low" not in kw and "high" not in kw:
        if bound == "exact":
            kw["low"] = kw["high"] = v
        elif bound == "approx":
            kw["low"], kw["high"] = v * 0.9, v * 1.1
        elif bound in ("more_than", "at_least"):
            kw["low"] = v
        elif bound in ("less_than", "at_most"):
            kw["high"] = v
    base.update(kw)
    return Claim(**base)


def frame(claims) -> pd.DataFrame:
    return pd.DataFrame([dataclasses.asdict(c) for c in claims], columns=list(CLAIM_FIELDS))


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def run(rules, *claims, articles=None):
    return compare_claims(frame(claims), rules, articles)


def verdicts(findings):
    return [f.verdict for f in findings]


# ---------------------------------------------------------------- verdicts
def test_conflict_group_size_with_aliases(rules):
    a = mk(article="afp", text="17-nation", value=17, noun="nation", kind="group_size", predicate="member",
           entity="Syria contact group", source="AFP (via Digital Journal)", place="Munich")
    b = mk(article="npr", text="about 20 countries", value=20, bound="approx", noun="country", kind="group_size",
           predicate="member", entity="ISSG", source="NPR (via WOSU)", place="Syria")
    [f] = run(rules, b, a)
    assert f.verdict == "conflict" and f.severity == "error" and f.rule == "group_size" and f.id == "F1"
    assert f.claims == (a.id, b.id)
    assert f.message == ('AFP (via Digital Journal) (2016-02-11) says "17-nation" but NPR (via WOSU) (2016-02-11) '
                         'says "about 20 countries" (18–22): a group\'s size cannot be both.')


def test_tension_when_only_tolerance_explains(rules):
    a = mk(text="a quarter of a million people", value=250_000, bound="approx", article="npr")
    b = mk(text="More than 260,000 people", value=260_000, bound="more_than", article="afp")
    fs = run(rules, a, b)
    assert verdicts(fs) == ["tension"]
    assert "a quarter of a million people" in fs[0].message and "More than 260,000 people" in fs[0].message
    assert fs[0].severity == "warning"


def test_compatible_summary_per_subject(rules):
    a = mk(value=250_000, bound="approx", article="a")
    b = mk(value=240_000, bound="more_than", article="b")
    c = mk(value=200_000, high=999_999, low=200_000, bound="range", vague=True, article="c", published=date(2017, 1, 24))
    fs = run(rules, a, b, c)
    assert verdicts(fs) == ["compatible"]
    assert set(fs[0].claims) == {a.id, b.id, c.id} and fs[0].subject == "deaths in Syria"
    assert fs[0].message.startswith("3 figures agree")


def test_attribution_does_not_excuse_but_is_named(rules):
    a = mk(value=100, attribution="the United Nations", article="a")
    b = mk(value=400, attribution="an NGO", article="b")
    [f] = run(rules, a, b)
    assert f.verdict == "conflict"
    assert "citing the United Nations" in f.message and "citing an NGO" in f.message


@pytest.mark.parametrize("change, why", [
    (dict(place="Aleppo"), "different places: Syria vs Aleppo"),
    (dict(noun="civilian"), "people vs civilians"),
    (dict(since=date(2016, 2, 1)), "different time windows: whole conflict vs since 2016-02-01"),
    (dict(event="offensive"), "different events: war vs offensive"),
])
def test_different_scope_says_why(rules, change, why):
    a = mk(value=250_000, article="a")
    b = mk(value=500, article="b", published=date(2016, 3, 1), **change)
    [f] = run(rules, a, b)
    assert f.verdict == "different_scope" and f.severity == "info"
    assert why in f.message, f.message


def test_predicate_scope(rules):
    a = mk(value=1_000_000, bound="more_than", noun="syrian", kind="besieged", predicate="under siege", place="Syria",
           event=None, article="afp")
    b = mk(value=300_000, bound="approx", kind="besieged", predicate="at risk of siege", place="Syria", event=None,
           article="npr")
    [f] = run(rules, a, b)
    assert f.verdict == "different_scope" and "'under siege' is not 'at risk of siege'" in f.message


def test_entity_scope_and_required_entity(rules):
    kw = dict(noun="country", kind="group_size", predicate="member", place=None)
    a, b = mk(value=17, entity="ISSG", **kw), mk(value=22, entity="Arab League", article="b", **kw)
    [f] = run(rules, a, b)
    assert f.verdict == "different_scope" and "different groups: ISSG vs Arab League" in f.message
    assert run(rules, mk(value=2, **kw), mk(value=3, article="b", **kw)) == []
    assert run(rules, mk(value=2, entity="ISSG", **kw), mk(value=3, article="b", **kw)) == []


def test_places_match_demonyms_and_overlap(rules):
    a = mk(value=100, place="Syrian")
    b = mk(value=100, place="Geneva; Syria", article="b")
    assert verdicts(run(rules, a, b)) == ["compatible"]
    c = mk(value=300, place=None, article="c")
    assert verdicts(run(rules, a, c)) == ["conflict"]  # place unstated on one side: still the same subject


def test_noun_classes_person_and_demonyms(rules):
    a = mk(value=100, noun="victim")
    b = mk(value=100, noun="life", article="b")
    assert verdicts(run(rules, a, b)) == ["compatible"]
    # a nationality qualifies the count: "32 Kenyans" is a part of the toll, never the toll itself
    kenyans, total = mk(value=32, noun="kenyan"), mk(value=157, noun="person", article="b")
    assert "conflict" not in verdicts(run(rules, kenyans, total))
    assert any("Kenya only" in f.message for f in run(rules, kenyans, total))


# ---------------------------------------------------------------- rule features
def test_cumulative_earlier_lower_later_higher_is_compatible(rules):
    a = mk(value=18, bound="at_least", published=date(2016, 2, 3))
    b = mk(value=500, bound="at_least", published=date(2016, 2, 11), article="b")
    assert verdicts(run(rules, a, b)) == ["compatible"]
    c = mk(value=250_000, published=date(2015, 1, 1), article="c")
    d = mk(value=470_000, published=date(2017, 1, 1), article="d")
    assert verdicts(run(rules, c, d)) == ["compatible"]


def test_cumulative_later_clearly_lower_is_conflict(rules):
    a = mk(value=470_000, published=date(2016, 2, 11))
    b = mk(value=250_000, published=date(2017, 1, 1), article="b")
    [f] = run(rules, b, a)
    assert f.verdict == "conflict" and "later figure is below the earlier one" in f.message
    assert f.claims == (a.id, b.id)  # earliest article first


def test_cumulative_later_lower_within_rounding_is_tension(rules):
    a = mk(value=260_000, published=date(2016, 2, 11))
    b = mk(value=256_000, published=date(2016, 3, 1), article="b")
    assert verdicts(run(rules, a, b)) == ["tension"]


def test_tolerance_per_bound_and_rounding(rules):
    r = rules.by_id["deaths"]
    assert loose_interval(mk(value=17), r).lo == pytest.approx(17 * 0.98)
    iv = loose_interval(mk(value=260_000, bound="more_than"), r)
    assert iv.lo == 255_000 and iv.lo_closed
    assert loose_interval(mk(value=17), rules.by_id["group_size"]).lo == 17


def test_user_tolerance_turns_conflict_into_tension(rules, tmp_path):
    (tmp_path / "t.yaml").write_text("rules:\n  - id: group_size\n    extends: deaths\n    kind: group_size\n"
                                     "    compare: static\n    scope: []\n    tolerance: {exact: 0.2, approx: 0.0}\n")
    loose = load_rules([tmp_path])
    a = mk(value=17, kind="group_size")
    b = mk(value=20, bound="approx", kind="group_size", article="b")
    assert verdicts(run(rules, a, b)) == []  # no entity: the default rule does not compare
    assert verdicts(run(loose, a, b)) == ["tension"]


def test_static_with_stale_figure_is_tension(rules):
    kw = dict(noun="country", kind="group_size", predicate="member", entity="ISSG")
    a = mk(value=17, published=date(2015, 11, 14), **kw)
    b = mk(value=20, published=date(2016, 9, 1), article="b", **kw)
    [f] = run(rules, a, b)
    assert f.verdict == "tension" and "stale" in f.message
    c = dataclasses.replace(b, published=date(2015, 11, 20))
    assert verdicts(run(rules, a, c)) == ["conflict"]


def dur(value, published, **kw):
    return mk(value=value, unit="year", noun="war", dimension="duration", kind="war_duration", predicate=None,
              published=published, **kw)


def began(year, published, **kw):
    return mk(value=year, unit="year", noun="war", dimension="date", kind="war_duration", predicate="began",
              published=published, **kw)


def test_durations_as_start_dates_seeds_are_compatible(rules):
    claims = [dur(4, date(2016, 2, 11), article="npr", place=None), dur(5, date(2015, 12, 15), article="dw", place=None),
              dur(6, date(2017, 1, 24), article="vice", place="Syria; Aleppo"), began(2011, date(2016, 2, 11), article="afp"),
              began(2011, date(2017, 1, 24), article="vice", place=None)]
    fs = run(rules, *claims)
    assert verdicts(fs) == ["compatible"] and len(fs[0].claims) == 5


def test_duration_conflict_with_start_year(rules):
    r = rules.by_id["war_duration"]
    s, _ = start_interval(dur(4, date(2016, 2, 11)), r)
    assert (date.fromordinal(int(s.lo)), date.fromordinal(int(s.hi))) == (date(2011, 2, 11), date(2012, 8, 11))
    [f] = run(rules, dur(10, date(2016, 2, 11)), began(2011, date(2016, 2, 11), article="b"))
    assert f.verdict == "conflict" and "began in 2011" in f.message
    assert describe_interval(began(2011, D), r) == "began in 2011"


# ---------------------------------------------------------------- what is skipped
def test_skips_duplicates_hypotheticals_and_unclassified(rules):
    a = mk(value=100)
    assert run(rules, a, mk(value=300, article="b", duplicate_of="x#1")) == []
    assert run(rules, a, mk(value=300, article="b", modality="hypothetical")) == []
    assert run(rules, a, mk(value=300, article="b", kind=None)) == []


def test_claims_in_one_article_are_compared(rules):
    assert verdicts(run(rules, mk(value=100), mk(value=300))) == ["conflict"]


def test_different_stories_are_never_compared(rules):
    a, b = mk(value=100, article="a"), mk(value=300, article="b")
    arts = pd.DataFrame([
        {"id": "a", "source": "A", "published": D, "title": "t", "names": ("Aleppo", "Assad", "Kerry", "Lavrov", "Syria", "Geneva")},
        {"id": "b", "source": "B", "published": D, "title": "t", "names": ("Haiti", "Port-au-Prince", "Moise", "Syria", "UN")},
    ])
    assert run(rules, a, b, articles=arts) == []
    arts.at[1, "names"] = ("Aleppo", "Assad", "Kerry", "Lavrov", "Homs")
    assert verdicts(run(rules, a, b, articles=arts)) == ["conflict"]


def test_order_and_ids_are_deterministic(rules):
    claims = [mk(value=100, article="a"), mk(value=300, article="b"), mk(value=150, article="c", noun="civilian"),
              mk(value=17, kind="group_size", noun="country", predicate="member", entity="ISSG", article="d"),
              mk(value=20, bound="approx", kind="group_size", noun="country", predicate="member", entity="ISSG", article="e")]
    one = run(rules, *claims)
    two = run(rules, *reversed(claims))
    assert one == two
    assert [f.id for f in one] == [f"F{i}" for i in range(1, len(one) + 1)]
    order = ["conflict", "tension", "compatible", "different_scope"]
    assert [order.index(f.verdict) for f in one] == sorted(order.index(f.verdict) for f in one)


def test_frame_with_nan_and_missing_values(rules):
    a, b = mk(value=100), mk(value=300, bound="at_least", article="b")
    df = frame([a, b])
    assert df["high"].isna().any()
    assert verdicts(compare_claims(df, rules)) == ["conflict"]


# ---------------------------------------------------------------- properties of the interval logic
BOUND = st.sampled_from(["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"])


@st.composite
def claims_st(draw, article="a"):
    bound = draw(BOUND)
    v = draw(st.integers(min_value=1, max_value=2_000_000))
    kw = dict(value=float(v), bound=bound, article=article,
              published=draw(st.sampled_from([date(2016, 1, 1), date(2016, 6, 1), date(2017, 1, 1)])))
    if bound == "range":
        kw.update(low=float(v), high=float(v + draw(st.integers(0, 100_000))))
    return mk(**kw)


KINDS = st.sampled_from(["deaths", "group_size", "displaced", "airstrikes"])


@settings(max_examples=200, deadline=None)
@given(c=claims_st(), kind=KINDS)
def test_a_claim_never_conflicts_with_itself(rules, c, kind):
    assert compare_pair(c, c, rules.by_id[kind])[0] == "compatible"


@settings(max_examples=300, deadline=None)
@given(a=claims_st("a"), b=claims_st("b"), kind=KINDS)
def test_verdict_does_not_depend_on_argument_order(rules, a, b, kind):
    r = rules.by_id[kind]
    assert compare_pair(a, b, r)[0] == compare_pair(b, a, r)[0]


@settings(max_examples=300, deadline=None)
@given(a=claims_st("a"), b=claims_st("b"), kind=KINDS, grow=st.integers(0, 500_000))
def test_widening_never_turns_compatible_into_conflict(rules, a, b, kind, grow):
    r = rules.by_id[kind]
    before = compare_pair(a, b, r)[0]
    lo = a.low if a.low is not None else a.value
    hi = a.high if a.high is not None else a.value
    # an approximate figure widened stays approximate (its hedge reaches past its interval)
    wide = dataclasses.replace(a, bound="approx" if a.bound == "approx" else "range", low=max(lo - grow, 0),
                               high=hi + grow, value=max(lo - grow, 0))
    if a.bound in ("more_than", "at_least"):
        wide = dataclasses.replace(a, bound="at_least", low=max(lo - grow, 0), value=max(lo - grow, 0))
    if a.bound in ("less_than", "at_most"):
        wide = dataclasses.replace(a, bound="at_most", high=hi + grow, value=hi + grow)
    if before == "compatible":
        assert compare_pair(wide, b, r)[0] != "conflict"


@given(c=claims_st())
def test_strict_inside_loose(rules, c):
    s, lo = strict_interval(c), loose_interval(c, rules.by_id["deaths"])
    assert lo.lo <= s.lo and s.hi <= lo.hi


# ---------------------------------------------------------------- the seeds, end to end
def test_seed_acceptance():
    from factcheck.pipeline import run as run_pipeline

    report = run_pipeline(["seeds"])
    claims = {c.id: c for c in report.claims}

    def texts(f):
        return {claims[i].text for i in f.claims}

    conflicts = [f for f in report.findings if f.verdict == "conflict"]
    group = [f for f in conflicts if texts(f) == {"17-nation", "about 20 countries"}]
    assert len(group) == 1
    tolls = [f for f in report.findings if f.verdict in ("conflict", "tension")
             and {"a quarter of a million people"} <= texts(f) and any("260" in t for t in texts(f))]
    assert tolls and "a quarter of a million people" in tolls[0].message and "260" in tolls[0].message
    for f in conflicts:
        t = texts(f)
        assert not ({"More than one million Syrians", "some 300,000 people"} <= t)
        assert not ({"at least 500 people", "At least 18 civilians"} <= t)
        assert not any(claims[i].kind == "war_duration" for i in f.claims)
        assert not ({"Tens of thousands of civilians", "Tens of thousands of Syrians"} <= t)
    for f in report.findings:
        assert not any(claims[i].duplicate_of for i in f.claims)
    siege = [f for f in report.findings if f.verdict == "different_scope"
             and {"More than one million Syrians", "some 300,000 people"} <= texts(f)]
    assert siege and "'under siege' is not 'at risk of siege'" in siege[0].message
    wars = [f for f in report.findings if f.kind == "war_duration"]
    assert [f.verdict for f in wars] == ["compatible"] and len(wars[0].claims) == 5


def test_two_hedged_figures_whose_margins_meet_are_compatible(rules):
    a = mk(article="a", value=40_000, bound="approx", kind="besieged", predicate="under siege", place="Madaya")
    b = mk(article="b", value=42_000, bound="approx", kind="besieged", predicate="under siege", place="Madaya")
    verdict, why = compare_pair(a, b, rules.rule_for("besieged"))
    assert verdict == "compatible" and "approximate" in why


def test_a_round_figure_against_a_floor_above_it_is_still_a_tension(rules):
    a = mk(article="a", value=250_000, bound="approx")
    b = mk(article="b", value=260_000, bound="more_than")
    assert compare_pair(a, b, rules.rule_for("deaths"))[0] == "tension"


def test_with_a_draft_only_pairs_involving_it_are_compared(rules):
    a = mk(article="pub1", value=100)
    b = mk(article="pub2", value=300)  # the archive disagrees with itself
    d = mk(article="draft", value=100)
    arts = pd.DataFrame([{"id": x, "names": ("Syria",), "draft": x == "draft"} for x in ("pub1", "pub2", "draft")])
    findings = run(rules, a, b, d, articles=arts)
    assert findings and all("draft" in {cid.split("#")[0] for cid in f.claims} for f in findings)
