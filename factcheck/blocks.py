"""Which claim pairs of a block are worth judging: pairs whose articles can be about one story.

``compare._judge_block`` used to form every pair of a block and ask ``same_story`` of each,
so a block of a whole archive cost the square of the archive. Here the pairs are found
through inverted lists of the articles' proper names (a set-similarity join with prefix
filtering): two articles are the same story only when they share at least ``need(s)`` names,
``s`` the smaller name list, so they must share one of the ``s - need(s) + 1`` rarest names of
the smaller article. Articles that may report one incident without sharing names (same kind
of event, same country or weeks apart: ``compare.same_incident``) are found through incident
buckets the same way. ``same_story`` still decides each pair, so below the timeline threshold
the findings are exactly those of the all-pairs loop, in the same order: the finder is a filter
that never drops a pair the story judge would keep.

No set of partners is ever built per article (ten thousand articles that all name Syria made
10^8 of them): each article reads the sorted claim lists of its own names and buckets. A claim
whose article has more than ``timeline_above`` candidate partner claims in the block (a running
total quoted in thousands of articles) is compared through its timeline instead: with the
``timeline_window`` nearest later figures of its own story, found by walking those lists
lazily in block (time) order. One list longer than the threshold tells it without reading the
list, so such a block costs n x window pairs, not n².
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from factcheck.model import Claim

__all__ = ["pair_finder", "min_shared_for", "TIMELINE_ABOVE", "TIMELINE_WINDOW", "FORK_FROM"]

#: block (sorted claims) -> (claim, the later claims of the block to pair it with), in block order
Pairs = Callable[[Sequence[Claim]], Iterator[tuple[Claim, Sequence[Claim]]]]
#: (article id, article id) -> are they about one story (``compare._story_judge``)
Story = Callable[[str, str], bool]

#: A claim with more candidate partners than this in its block is compared through the timeline
#: (rule pack setting ``timeline_above``): with the ``timeline_window`` figures of its story that follow it
#: in time, so it meets as many before it (the latest before it first): at most twice that many pairs each.
TIMELINE_ABOVE = 400
TIMELINE_WINDOW = 4

#: A block of this many claims or more has its pairs found by a forked process (``parallel.forked_stream``) while
#: this one judges them: finding a huge block's pairs takes about a quarter of judging them, on a core that
#: would otherwise wait. Below it, the fork would cost more than it saves.
FORK_FROM = 2_000


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


def _every_pair(group: Sequence[Claim], above: int, window: int) -> Iterator[tuple[Claim, Sequence[Claim]]]:
    """No names to go by: every pair may be one story, through the timeline when the block is huge."""
    huge = len(group) - 1 > above
    for i, a in enumerate(group):
        yield a, (group[i + 1:i + 1 + window] if huge else group[i + 1:])


#: how a list's members qualify as partners of an article of name-list size s: None (all), +1 (size >= s),
#: -1 (size <= s)
_ANY, _LARGER, _SMALLER = 0, 1, -1


class _BlockLists:
    """Inverted lists of one block, as sorted claim positions: per name (its articles, and the articles that
    have it among their rarest names) and per incident bucket (event and country, event and week)."""

    def __init__(self, group: Sequence[Claim], names: dict[str, frozenset[str]], min_shared: int,
                 min_overlap: float, incidents: dict[str, tuple], countries: dict[str | None, str | None]):
        self.claims_of: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(group):
            self.claims_of[c.article].append(i)
        articles = list(self.claims_of)
        self.names = {a: names.get(a, frozenset()) for a in articles}
        self.size = {a: len(self.names[a]) for a in articles}
        self.article_at = [c.article for c in group]
        self.size_at = [self.size[a] for a in self.article_at]
        having: dict[str, list[str]] = defaultdict(list)  # name -> articles that have it
        for a in articles:
            for n in self.names[a]:
                having[n].append(a)
        self.prefix: dict[str, list[str]] = {}
        leading: dict[str, list[str]] = defaultdict(list)  # name -> articles that have it among their rarest
        for a in articles:
            own = self.names[a]
            need = min_shared_for(len(own), min_shared, min_overlap) if own else None
            if need is None:
                continue
            self.prefix[a] = sorted(own, key=lambda n: (len(having[n]), n))[: len(own) - need + 1]
            for n in self.prefix[a]:
                leading[n].append(a)
        self.having = {n: self._positions(arts) for n, arts in having.items()}
        self.leading = {n: self._positions(arts) for n, arts in leading.items()}
        self.by_size = {n: self._by_size(pos) for n, pos in self.having.items()}
        self.leading_by_size = {n: self._by_size(pos) for n, pos in self.leading.items()}
        self.buckets, self.bucket_keys = _incident_buckets(articles, incidents, countries)
        self.buckets = {k: self._positions(arts) for k, arts in self.buckets.items()}

    def _positions(self, articles: list[str]) -> list[int]:
        return sorted(j for a in articles for j in self.claims_of[a])

    def _by_size(self, pos: list[int]) -> tuple[list[int], list[int]]:
        """(sizes ascending, the positions in that order): the members of a given size range are one slice."""
        order = sorted(pos, key=self.size_at.__getitem__)
        return [self.size_at[j] for j in order], order

    def lists(self, a: str) -> list[tuple[list[int], int]]:
        """The claim lists whose qualifying members are the candidate partners of article ``a`` (and itself)."""
        out = [(self.having[n], _LARGER) for n in self.prefix.get(a, ())]
        out += [(self.leading[n], _SMALLER) for n in self.names[a] if n in self.leading]
        out += [(self.buckets[k], _ANY) for k in self.bucket_keys.get(a, ()) if k in self.buckets]
        return out

    def slices(self, a: str) -> Iterator[tuple[list[int], int, int]]:
        """The qualifying members of each of ``lists(a)`` as (list, lo, hi): one slice each, in no order (own
        claims included)."""
        s = self.size[a]
        for n in self.prefix.get(a, ()):
            sizes, pos = self.by_size[n]
            yield pos, bisect_left(sizes, s), len(pos)
        for n in self.names[a]:
            if n in self.leading_by_size:
                sizes, pos = self.leading_by_size[n]
                yield pos, 0, bisect_right(sizes, s)
        for k in self.bucket_keys.get(a, ()):
            if k in self.buckets:
                yield self.buckets[k], 0, len(self.buckets[k])

    def qualifying(self, part: Sequence[int], mode: int, a: str) -> list[int]:
        """The members of ``part`` (a piece of one of ``lists(a)``) that qualify as partners of ``a``."""
        article_at = self.article_at
        if mode == _ANY:
            return [j for j in part if article_at[j] != a]
        s, size_at = self.size[a], self.size_at
        if mode == _LARGER:
            return [j for j in part if article_at[j] != a and size_at[j] >= s]
        return [j for j in part if article_at[j] != a and size_at[j] <= s]

    def partners(self, a: str, most: int) -> list[int] | None:
        """The sorted candidate partner claims of ``a`` (its own excluded), or None when there are more than ``most``.

        One list longer than ``most`` (besides the article's own claims) answers without reading any."""
        mine = len(self.claims_of[a])
        found: set[int] = set()
        for pos, lo, hi in sorted(self.slices(a), key=lambda p: p[2] - p[1], reverse=True):
            if hi - lo - mine > most:
                return None
            found.update(pos[lo:hi])
            if len(found) - mine > most:
                return None
        found.difference_update(self.claims_of[a])
        return None if len(found) > most else sorted(found)

    def nearest_later(self, a: str, i: int, k: int, story: Story | None = None) -> list[int]:
        """The first ``k`` candidate partner claims of ``a`` after position ``i``, in block order (with ``story``,
        only those of articles the story judge takes for the same story).

        The lists are read a piece at a time (a few more than ``k`` of each, from a bisection, not a walk over
        what comes before: a huge block's lists hold every claim): a piece's members up to the first unfinished
        list's last read position are complete, in order."""
        walks = [(pos, bisect_right(pos, i), mode) for pos, mode in self.lists(a)]
        out: list[int] = []
        judged, same = None, True  # an article's claims come one after another: judge it once
        article_at, step = self.article_at, 2 * k + 8
        while walks:
            found: set[int] = set()
            upto = None  # above this, a list not read to its end may still hold partners
            for pos, lo, mode in walks:
                part = pos[lo:lo + step]
                found.update(self.qualifying(part, mode, a))
                if lo + step < len(pos) and (upto is None or part[-1] < upto):
                    upto = part[-1]
            for j in sorted(found if upto is None else [j for j in found if j <= upto]):
                if story is not None and article_at[j] != judged:
                    judged = article_at[j]
                    same = story(a, judged)
                if same:
                    out.append(j)
                    if len(out) >= k:
                        return out
            if upto is None:
                break
            walks = [(pos, bisect_right(pos, upto, lo), mode) for pos, lo, mode in walks]
            walks = [w for w in walks if w[1] < len(w[0])]
        return out


def _weeks_apart(days: int) -> int:
    """The most calendar weeks (ordinal // 7) two days at most ``days`` apart can be apart."""
    return days // 7 + 1


def _incident_buckets(articles: Sequence[str], incidents: dict[str, tuple],
                      country: dict[str | None, str | None]) -> tuple[dict[tuple, list[str]], dict[str, list[tuple]]]:
    """Articles that may report one incident without sharing names (``compare.same_incident`` decides each pair):
    the same kind of event in the same country within weeks, or (no place to go by) within days.
    Returns (bucket -> its articles, article -> the buckets its partners are in); ``country`` (place -> its
    country) is filled as places are looked up, for the next block."""
    from factcheck.compare import SAME_INCIDENT_DAYS, UNPLACED_INCIDENT_DAYS
    from factcheck.places import lookup

    unplaced, placed = _weeks_apart(UNPLACED_INCIDENT_DAYS), _weeks_apart(SAME_INCIDENT_DAYS)
    members: dict[tuple, list[str]] = defaultdict(list)
    wanted: dict[str, list[tuple]] = {}
    for art in articles:
        place, event, day = incidents.get(art, (None, None, None))
        if not event or event == "talks" or day is None:
            continue
        if place not in country:
            found = lookup(place)
            country[place] = found.country if found is not None else None
        week = day.toordinal() // 7
        keys = [("week", event, w) for w in range(week - unplaced, week + unplaced + 1)]
        members[("week", event, week)].append(art)
        if country[place] is not None:
            members[("country", event, country[place], week)].append(art)
            keys += [("country", event, country[place], w) for w in range(week - placed, week + placed + 1)]
        wanted[art] = keys
    return members, wanted


def _story_pairs(group: Sequence[Claim], lists: _BlockLists, above: int, window: int,
                 story: Story | None) -> Iterator[tuple[Claim, Sequence[Claim]]]:
    """Each claim with its later candidate partners: all of them, or through the timeline in a huge block
    (the ``window`` nearest later figures of its own story, when ``story`` is given)."""
    for c, js in zip(group, _story_partners(group, lists, above, window, story)):
        yield c, [group[j] for j in js]


def _story_partners(group: Sequence[Claim], lists: _BlockLists, above: int, window: int,
                    story: Story | None) -> Iterator[list[int]]:
    """``_story_pairs`` as positions: for each claim of the block, in order, its partners' positions."""
    plans: dict[str, tuple[bool, list[int]]] = {}  # article -> (huge, its partners: all, or the nearest later)
    left = {a: len(pos) for a, pos in lists.claims_of.items()}
    for i, c in enumerate(group):
        a = c.article
        own = lists.claims_of[a]
        if a not in plans:
            partners = lists.partners(a, above - (len(own) - 1))
            if partners is None:  # enough to serve each of its claims its own window
                plans[a] = True, lists.nearest_later(a, own[0], window + own[-1] - own[0], story)
            else:
                plans[a] = False, partners
        huge, partners = plans[a]
        own_later = own[bisect_right(own, i):]
        later = partners[bisect_right(partners, i):]
        js = sorted(own_later[:window] + later[:window])[:window] if huge else sorted(own_later + later)
        left[a] -= 1
        if not left[a]:
            del plans[a]
        yield js


def pair_finder(names: dict[str, frozenset[str]] | None, drafts: frozenset[str], min_shared: int,
                min_overlap: float, above: int = TIMELINE_ABOVE, window: int = TIMELINE_WINDOW,
                incidents: dict[str, tuple] | None = None, story: Story | None = None) -> Pairs:
    """A function block -> its candidate pairs (a superset of the same-story pairs), in all-pairs order.

    A claim whose article has more than ``above`` candidate partner claims is paired through the timeline:
    with the ``window`` nearest later candidates (of its own story when the judge ``story`` is given).
    """
    if drafts:
        return lambda group: _draft_pairs(group, drafts)
    if names is None or min_shared <= 0:  # every pair may be one story: nothing to filter
        return lambda group: _every_pair(group, above, window)

    countries: dict[str | None, str | None] = {}

    def partners(group: Sequence[Claim]) -> Iterator[list[int]]:
        lists = _BlockLists(group, names, min_shared, min_overlap, incidents or {}, countries)
        return _story_partners(group, lists, above, window, story)

    def pairs(group: Sequence[Claim]) -> Iterator[tuple[Claim, Sequence[Claim]]]:
        if len(group) < FORK_FROM:
            found = partners(group)
        else:  # found by a forked process while this one judges the pairs found so far
            from factcheck.parallel import forked_stream

            found = forked_stream(lambda: partners(group))
        return ((c, [group[j] for j in js]) for c, js in zip(group, found))

    return pairs
