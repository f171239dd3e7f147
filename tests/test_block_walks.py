"""``_BlockLists.nearest_later`` reads its lists a piece at a time (issue 9, speed): the same partners, in the same
order, as merging the whole lists (the walk it replaced), with and without a story judge, over many pieces."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.blocks import _ANY, _LARGER, _BlockLists
from factcheck.model import Claim

NAMES = [f"n{i}" for i in range(6)]
ARTICLES = [f"a{i}" for i in range(12)]


def _claim(article: str, n: int) -> Claim:
    return Claim(id=f"{article}#{n}", article=article, start=0, end=1, line=1, column=1, text="1", low=1, high=1,
                 value=1, bound="exact", unit=None, noun=None)


def reference_nearest_later(lists: _BlockLists, a, i, k, story=None):
    """The merge of the whole lists, as nearest_later did before it read them in pieces."""
    def walk(pos, mode):
        s = lists.size[a]
        for j in islice(pos, bisect_right(pos, i), None):
            if lists.article_at[j] != a and (mode == _ANY or (lists.size_at[j] >= s if mode == _LARGER
                                                               else lists.size_at[j] <= s)):
                yield j

    out, last, judged, same = [], -1, None, True
    for j in heapq.merge(*[walk(pos, mode) for pos, mode in lists.lists(a)]):
        if j == last:
            continue
        last = j
        if story is not None and lists.article_at[j] != judged:
            judged = lists.article_at[j]
            same = story(a, judged)
        if same:
            out.append(j)
            if len(out) >= k:
                break
    return out


block = st.tuples(st.dictionaries(st.sampled_from(ARTICLES), st.frozensets(st.sampled_from(NAMES), max_size=5),
                                  min_size=1),
                  st.lists(st.integers(0, len(ARTICLES) - 1), min_size=1, max_size=250),
                  st.integers(1, 3), st.sampled_from([0.15, 0.5]),
                  st.frozensets(st.tuples(st.sampled_from(ARTICLES), st.sampled_from(ARTICLES)), max_size=40))


@settings(max_examples=120, deadline=None)
@given(block, st.integers(1, 6), st.booleans())
def test_pieces_give_the_merged_walk(blk, k, judged):
    names, picks, min_shared, overlap, apart = blk
    ids = sorted(names)
    group = [_claim(ids[p % len(ids)], n) for n, p in enumerate(picks)]
    lists = _BlockLists(group, names, min_shared, overlap, {}, {})
    calls: list[tuple[str, str]] = []

    def story(x, y):
        calls.append((x, y))
        return (x, y) not in apart and (y, x) not in apart

    for a in sorted(lists.claims_of):
        for i in sorted({-1, *lists.claims_of[a], len(group) // 2, len(group) - 1}):
            want = reference_nearest_later(lists, a, i, k, story if judged else None)
            assert lists.nearest_later(a, i, k, story if judged else None) == want, (a, i, k)


def test_a_list_longer_than_a_piece_is_read_on():
    """One name shared by 300 articles: partners far down the list (past many pieces) are still found."""
    names = {f"x{n:03d}": frozenset({"n0"}) for n in range(300)}
    group = [_claim(f"x{n:03d}", n) for n in range(300)]
    lists = _BlockLists(group, names, 1, 0.15, {}, {})
    only_last = {"x000", "x299"}
    story = lambda x, y: {x, y} == only_last  # noqa: E731 -- the last article is the first's only story partner
    assert lists.nearest_later("x000", 0, 3, story) == [299]
    assert lists.nearest_later("x000", 0, 3) == [1, 2, 3]


def test_a_short_list_read_to_its_end_waits_for_the_long_one():
    """The short list's last member (c, far down the block) must not come before a partner the long list holds
    further on than one piece (b050)."""
    names = {"a": frozenset({"n0", "n1"}), "c": frozenset({"n0", "n1"})} | {f"b{n:03d}": frozenset({"n0"})
                                                                               for n in range(1, 101)}
    group = [_claim("a", 0)] + [_claim(f"b{n:03d}", n) for n in range(1, 101)] + [_claim("c", 101)]
    lists = _BlockLists(group, names, 1, 0.15, {}, {})
    assert len(lists.lists("a")) > 1
    story = lambda x, y: {x, y} in ({"a", "c"}, {"a", "b050"})  # noqa: E731
    assert lists.nearest_later("a", 0, 1, story) == [50] == reference_nearest_later(lists, "a", 0, 1, story)
    assert lists.nearest_later("a", 0, 2, story) == [50, 101]
