"""Which claim pairs of a block are worth judging: pairs whose articles can be about one story.

``compare._judge_block`` used to form every pair of a block and ask ``same_story`` of each,
so a block of a whole archive cost the square of the archive. Here the pairs are found
through an inverted index of the articles' proper names (a set-similarity join with prefix
filtering): two articles are the same story only when they share at least ``need(s)`` names,
``s`` the smaller name list, so they must share one of the ``s - need(s) + 1`` rarest names of
the smaller article. Only the articles found that way are paired, and ``same_story`` still
decides each pair, so the findings are exactly those of the all-pairs loop, in the same order:
the finder is a filter that never drops a pair the story judge would keep.

Only a huge block (one claim with more than ``timeline_above`` same-story partners: a running
total quoted in thousands of articles) is compared through its timeline instead of all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from factcheck.model import Claim

__all__ = ["pair_finder", "min_shared_for"]

#: block (sorted claims) -> (claim, the later claims of the block to pair it with), in block order
Pairs = Callable[[Sequence[Claim]], Iterator[tuple[Claim, Sequence[Claim]]]]


@lru_cache(maxsize=64)
def min_shared_for(smaller: int, min_shared: int, min_overlap: float) -> int | None:
    """The fewest shared names with which ``same_story`` can hold when the smaller list has ``smaller`` names."""
    from factcheck.compare import same_story

    a = frozenset(f"a{i}" for i in range(smaller))
    for k in range(1, smaller + 1):
        b = frozenset(f"a{i}" for i in range(k)) | frozenset(f"b{i}" for i in range(smaller))
        if same_story(a, b, min_shared, min_overlap):
            return k
    return None


def _draft_pairs(group: Sequence[Claim], drafts: frozenset[str]) -> Iterator[tuple[Claim, Sequence[Claim]]]:
    """Only pairs with a draft claim (the archive was judged already), in (i, j) order."""
    mine = [i for i, c in enumerate(group) if c.article in drafts]
    for i, a in enumerate(group):
        if a.article in drafts:
            yield a, group[i + 1:]
        else:
            yield a, [group[j] for j in mine if j > i]


def _story_partners(articles: Sequence[str], names: dict[str, frozenset[str]], min_shared: int,
                    min_overlap: float) -> dict[str, set[str]]:
    """For each article, the other articles of the block it shares enough of its rarest names with."""
    postings: dict[str, list[str]] = defaultdict(list)
    for art in articles:
        for n in names.get(art, ()):
            postings[n].append(art)
    size = {a: len(names.get(a, ())) for a in articles}
    partners: dict[str, set[str]] = {a: set() for a in articles}
    for art in articles:
        own = names.get(art, frozenset())
        need = min_shared_for(len(own), min_shared, min_overlap) if own else None
        if need is None:
            continue
        rarest = sorted(own, key=lambda n: (len(postings[n]), n))[: len(own) - need + 1]
        for n in rarest:
            for other in postings[n]:
                # art is the smaller list (ties both ways): its prefix is exact for this pair
                if other != art and size[other] >= size[art]:
                    partners[art].add(other)
                    partners[other].add(art)
    return partners


#: A claim with more same-story partners than this in its block is compared through the timeline
#: (rule pack setting ``timeline_above``): with the ``timeline_window`` figures that follow it in time.
TIMELINE_ABOVE = 400
TIMELINE_WINDOW = 12


def timeline(later: list[int], above: int = TIMELINE_ABOVE, window: int = TIMELINE_WINDOW) -> list[int]:
    """The partners of a claim in a huge block: the ``window`` nearest later in time (the block is in time order).

    Every claim thus meets the figures nearest in time on both sides, the latest one before it
    included, and a running total quoted in thousands of articles costs n x window pairs, not n².
    """
    return later if len(later) <= above else later[:window]


def _incident_partners(articles: Sequence[str], incidents: dict[str, tuple]) -> dict[str, set[str]]:
    """Articles that may report one incident without sharing names: same kind of event, and the same country or the
    same weeks (``compare.same_incident`` decides each pair)."""
    from factcheck.places import lookup

    buckets: dict[tuple, list[str]] = defaultdict(list)
    for art in articles:
        place, event, day = incidents.get(art, (None, None, None))
        if not event or event == "talks" or day is None:
            continue
        found = lookup(place)
        if found is not None:
            buckets[("country", event, found.country)].append(art)
        week = day.toordinal() // 7
        for w in (week - 1, week, week + 1):
            buckets[("week", event, w)].append(art)
    partners: dict[str, set[str]] = {a: set() for a in articles}
    for members in buckets.values():
        for a in members:
            partners[a].update(m for m in members if m != a)
    return partners


def pair_finder(names: dict[str, frozenset[str]] | None, drafts: frozenset[str], min_shared: int,
                min_overlap: float, above: int = TIMELINE_ABOVE, window: int = TIMELINE_WINDOW,
                incidents: dict[str, tuple] | None = None) -> Pairs:
    """A function block -> its candidate pairs (a superset of the same-story pairs), in all-pairs order.

    A claim with more than ``above`` candidates is paired through the timeline (``timeline``).
    """
    if drafts:
        return lambda group: _draft_pairs(group, drafts)
    if names is None or min_shared <= 0:  # every pair may be one story: nothing to filter
        return lambda group: ((a, group[i + 1:][:window] if len(group) - i - 1 > above else group[i + 1:])
                              for i, a in enumerate(group))

    def pairs(group: Sequence[Claim]) -> Iterator[tuple[Claim, Sequence[Claim]]]:
        by_article: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(group):
            by_article[c.article].append(i)
        partners = _story_partners(list(by_article), names, min_shared, min_overlap)
        if incidents:
            for art, more in _incident_partners(list(by_article), incidents).items():
                partners[art] |= more
        for i, a in enumerate(group):
            js = [j for b in partners[a.article] for j in by_article[b] if j > i]
            js.extend(j for j in by_article[a.article] if j > i)  # one article is always one story
            js.sort()
            yield a, [group[j] for j in timeline(js, above, window)]

    return pairs
