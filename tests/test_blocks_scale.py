"""Huge blocks stay linear: the timeline pairs each figure with the nearest later figures of its own story,
incident buckets find every same-incident pair, and a long archive read by forked workers gives what one
process gives."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import parallel
from factcheck.blocks import pair_finder
from factcheck.compare import same_incident, same_story
from factcheck.model import Claim

NAMES = [f"n{i}" for i in range(8)]
PLACES = [None, "Kathmandu", "Pokhara", "Lima", "Nowhere-in-particular"]
EVENTS = [None, "earthquake", "flood", "talks"]


def _claim(article: str, n: int) -> Claim:
    return Claim(id=f"{article}#{n}", article=article, start=0, end=1, line=1, column=1, text="1", low=1, high=1,
                 value=1, bound="exact", unit=None, noun=None)


def _flat(pairs):
    return [(a.id, b.id) for a, bs in pairs for b in bs]


def _story(names, min_shared, overlap):
    return lambda a, b: a == b or same_story(names[a], names[b], min_shared, overlap)


blocks = st.tuples(st.dictionaries(st.sampled_from([f"a{i}" for i in range(10)]),
                                   st.frozensets(st.sampled_from(NAMES), max_size=6), min_size=1),
                   st.lists(st.integers(0, 9), min_size=1, max_size=40), st.integers(1, 4), st.sampled_from([0.15, 0.5]),
                   st.integers(1, 5))


@settings(max_examples=150, deadline=None)
@given(blocks)
def test_timeline_pairs_each_figure_with_the_nearest_later_figures_of_its_story(block):
    """With ``above=0`` every claim is on the timeline: its partners are exactly the first ``window`` later claims
    of its own article or of a same-story article, whatever the candidate lists hold."""
    names, picks, min_shared, overlap, window = block
    ids = sorted(names)
    group = [_claim(ids[p % len(ids)], k) for k, p in enumerate(picks)]
    story = _story(names, min_shared, overlap)
    found = {a.id: [b.id for b in bs] for a, bs in
             pair_finder(names, frozenset(), min_shared, overlap, above=0, window=window, story=story)(group)}
    for i, a in enumerate(group):
        expected = [b.id for b in group[i + 1:] if story(a.article, b.article)][:window]
        assert found[a.id] == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(EVENTS), st.integers(0, 90)), min_size=1, max_size=30))
def test_incident_buckets_find_every_same_incident_pair(rows):
    """Articles that share no names are still paired when ``same_incident`` may hold (same event, same country
    within weeks, or within days when a place is unknown)."""
    start = date(2023, 1, 1)
    incidents = {f"a{i}": (place, event, start + timedelta(days=d)) for i, (place, event, d) in enumerate(rows)}
    names = {a: frozenset({f"only-{a}"}) for a in incidents}  # no shared names: only incidents pair them
    group = [_claim(a, 1) for a in incidents]
    found = set(_flat(pair_finder(names, frozenset(), 4, 0.15, incidents=incidents)(group)))
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if same_incident(incidents[a.article], incidents[b.article]):
                assert (a.id, b.id) in found


def test_ten_thousand_articles_sharing_one_name_cost_n_times_window_pairs():
    """The hostile case of issue 9 in miniature: every article names Syria, so every pair is one story. The tail
    of the block is on the timeline too (it used to be paired all-pairs below the threshold)."""
    n, above, window = 10_000, 400, 12
    names = {f"f{i:05d}": frozenset({"syria"}) for i in range(n)}
    group = [_claim(a, 1) for a in sorted(names)]
    counts = [len(bs) for _, bs in pair_finder(names, frozenset(), 4, 0.15, above=above, window=window)(group)]
    assert len(counts) == n
    assert max(counts) == window
    assert counts[-window - 1:] == list(range(window, -1, -1)), "the last figures meet only those left after them"
    assert sum(counts) == n * window - window * (window + 1) // 2


def test_a_small_story_inside_a_huge_block_is_still_compared_all_pairs():
    """Below the threshold nothing changes: a story of a few articles beside a huge one keeps every pair."""
    names = {f"big{i:04d}": frozenset({"syria"}) for i in range(600)}
    names.update({f"s{i}": frozenset({"kathmandu", "nepal", "quake", "toll"}) for i in range(5)})
    group = [_claim(a, k) for a in sorted(names) for k in (1, 2)]
    pairs = _flat(pair_finder(names, frozenset(), 4, 0.15, above=400, window=3)(group))
    small = [p for p in pairs if p[0].startswith("s")]
    assert len(small) == 10 * 9 // 2, "all pairs of the 10 claims of the small story"
    assert all(p[1].startswith("s") for p in small)


def _articles(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.md").write_text(
            f"---\nsource: Outlet {i % 3}\npublished: 2023-0{1 + i % 9}-1{i % 10}\n---\n"
            f"At least {100 + i} people were killed in the earthquake near Pokhara, Nepal, officials said.\n\n"
            f"Some {20 + i} people are missing.\n", encoding="utf-8")
    (folder / "bad.md").write_text("---\npublished: 2024-02-30\n---\nAt least 3 people died.\n", encoding="utf-8")


def test_forked_workers_give_what_one_process_gives(tmp_path, monkeypatch):
    from factcheck.pipeline import extract
    from factcheck.rules import load_rules

    _articles(tmp_path / "arts", 40)
    rules = load_rules([])
    one = extract([str(tmp_path / "arts")], rules=rules, jobs=1)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 3)
    monkeypatch.setattr(parallel, "BATCH", 4)
    forked = []
    monkeypatch.setattr(parallel, "_classified_forked",
                        lambda *a, _real=parallel._classified_forked: forked.append(1) or _real(*a))
    two = extract([str(tmp_path / "arts")], rules=rules, jobs=2)
    assert forked, "the workers were used"
    assert [c.to_dict() for c in two[1]] == [c.to_dict() for c in one[1]]
    assert two[0] == one[0] and two[2] == one[2] and two[3] == one[3]
    assert len(one[1]) >= 80 and len(one[2]) == 1
