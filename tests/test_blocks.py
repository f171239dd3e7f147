"""The pair finder of a block keeps every pair the story judge would keep, in the all-pairs order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.blocks import min_shared_for, pair_finder
from factcheck.compare import same_story
from factcheck.model import Claim

NAMES = [f"n{i}" for i in range(12)]


def _claim(article: str, n: int) -> Claim:
    return Claim(id=f"{article}#{n}", article=article, start=0, end=1, line=1, column=1, text="1", low=1, high=1,
                 value=1, bound="exact", unit=None, noun=None)


def _flat(pairs):
    return [(a.id, b.id) for a, bs in pairs for b in bs]


articles = st.dictionaries(st.sampled_from([f"a{i}" for i in range(8)]),
                           st.frozensets(st.sampled_from(NAMES), max_size=10), min_size=1)


@settings(max_examples=150, deadline=None)
@given(articles, st.lists(st.integers(0, 7), min_size=1, max_size=25), st.integers(1, 5), st.sampled_from([0.15, 0.5]))
def test_finder_keeps_every_same_story_pair_in_order(names, picks, min_shared, overlap):
    ids = sorted(names)
    group = [_claim(ids[p % len(ids)], k) for k, p in enumerate(picks)]
    every = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
    kept = [(a.id, b.id) for a, b in every
            if a.article == b.article or same_story(names[a.article], names[b.article], min_shared, overlap)]
    found = _flat(pair_finder(names, frozenset(), min_shared, overlap)(group))
    assert set(kept) <= set(found), "a same-story pair was dropped"
    order = {p: i for i, p in enumerate((a.id, b.id) for a, b in every)}
    assert [order[p] for p in found] == sorted(order[p] for p in found), "pairs come in all-pairs order"


def test_finder_skips_articles_with_nothing_in_common():
    names = {"a": frozenset({"x", "y", "z"}), "b": frozenset({"p", "q", "r"})}
    group = [_claim("a", 1), _claim("b", 1), _claim("a", 2)]
    assert _flat(pair_finder(names, frozenset(), 4, 0.15)(group)) == [("a#1", "a#2")]


def test_draft_pairs_always_involve_the_draft():
    group = [_claim("x", 1), _claim("d", 1), _claim("y", 1)]
    found = _flat(pair_finder({}, frozenset({"d"}), 4, 0.15)(group))
    assert found == [("x#1", "d#1"), ("d#1", "y#1")]


def test_min_shared_matches_same_story():
    for s in range(1, 41):
        k = min_shared_for(s, 4, 0.15)
        a = frozenset(f"a{i}" for i in range(s))
        assert same_story(a, frozenset(f"a{i}" for i in range(k)) | {"zz"}, 4, 0.15) or s <= 2
        if k > 1:
            assert not same_story(a, frozenset(f"a{i}" for i in range(k - 1)) | frozenset(f"b{i}" for i in range(s)), 4, 0.15)


def test_a_huge_block_is_compared_through_its_timeline():
    names = {f"a{i}": frozenset({"kathmandu", "nepal", "quake", "toll"}) for i in range(10)}
    group = [_claim(f"a{i}", 1) for i in range(10)]  # one story, in time order
    found = _flat(pair_finder(names, frozenset(), 4, 0.15, above=3, window=2)(group))
    assert ("a0#1", "a1#1") in found and ("a0#1", "a2#1") in found, "the nearest later figures"
    assert ("a0#1", "a3#1") not in found, "not every pair"
    assert all(("a%d#1" % (i - 1), "a%d#1" % i) in found for i in range(1, 10)), "each figure meets the latest before it"
    small = _flat(pair_finder(names, frozenset(), 4, 0.15, above=100, window=2)(group))
    assert len(small) == 45, "below the threshold every pair is judged"
