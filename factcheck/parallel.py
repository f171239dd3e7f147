"""Claim extraction for the index, in one process, in N processes (``--jobs``) or on a Dask cluster (``--dask``).

Whatever runs the work, the main process reads the files, sends Articles in batches and
writes the results in archive order, so the index is the same, byte for byte, however many
workers made it. A worker returns each article's proper names and its claims already
serialised (JSON and block key), so the writer only inserts rows.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence

from factcheck.model import Article

__all__ = ["extract_batch", "run_batches", "Progress", "BATCH"]

#: Articles per task: large enough to hide the cost of sending them, small enough to keep memory flat.
BATCH = 64

_RULES: dict[tuple[str, ...], object] = {}

#: (names, [(claim number, block key or None, claim JSON)]) for one article
ArticleResult = tuple[tuple[str, ...], list[tuple[int, str | None, str]]]


def _rules(rules_dirs: tuple[str, ...]):
    """The RuleSet for these folders, loaded once per process (a RuleSet cannot be pickled)."""
    if rules_dirs not in _RULES:
        from pathlib import Path

        from factcheck.rules import load_rules

        _RULES[rules_dirs] = load_rules([Path(d) for d in rules_dirs])
    return _RULES[rules_dirs]


def claim_row(claim, rules) -> tuple[int, str | None, str]:
    """(claim number, block key, JSON) of one classified claim; the block is None when it is never compared."""
    from factcheck.compare import block_key

    live = claim.kind and not claim.duplicate_of and (claim.modality or "asserted") == "asserted" \
        and rules.rule_for(claim.kind)
    block = json.dumps(list(block_key(claim, rules)), ensure_ascii=False) if live else None
    n = int(claim.id.rpartition("#")[2])
    return n, block, json.dumps(claim.to_dict(), ensure_ascii=False, separators=(",", ":"))


def extract_batch(articles: Sequence[Article], rules_dirs: tuple[str, ...]) -> list[ArticleResult]:
    """Names and claim rows of each article, as ``pipeline.extract`` would find them."""
    from factcheck.claims import article_names, extract_claims
    from factcheck.frames import assign

    rules = _rules(tuple(rules_dirs))
    out = []
    for art in articles:
        found = [assign(rules.classify(c), rules) for c in extract_claims(art)]
        out.append((article_names(art), [claim_row(c, rules) for c in found]))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pool_worker(args):
    batch, rules_dirs = args
    return extract_batch(batch, rules_dirs)


def run_batches(articles: Iterable[Article], rules_dirs: Sequence[str], jobs: int = 1,
                dask: str | None = None) -> Iterator[ArticleResult]:
    """Results in the order of ``articles``: here, in ``jobs`` processes, or on the Dask scheduler at ``dask``."""
    dirs = tuple(str(d) for d in rules_dirs)
    if dask:
        yield from _on_dask(articles, dirs, dask)
    elif jobs > 1:
        import multiprocessing

        from collections import deque

        with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
            pending: deque = deque()  # a bounded window (Pool.imap would read every batch ahead)
            for batch in _batches(articles, BATCH):
                pending.append(pool.apply_async(_pool_worker, ((batch, dirs),)))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    else:
        for batch in _batches(articles, BATCH):
            yield from extract_batch(batch, dirs)


def _on_dask(articles: Iterable[Article], dirs: tuple[str, ...], address) -> Iterator[ArticleResult]:
    """Batches as futures on a dask.distributed cluster, a bounded window in flight, collected in order.

    ``address`` is a scheduler address or a ``distributed.Client``/cluster object (tests pass a
    LocalCluster). Workers need factcheck installed and the rules folders at the same paths.
    """
    from collections import deque

    from distributed import Client

    client = address if isinstance(address, Client) else Client(address)
    own = client is not address
    try:
        window = max(4, 4 * max(1, len(client.scheduler_info().get("workers", {}))))
        pending: deque = deque()
        for batch in _batches(articles, BATCH):
            pending.append(client.submit(extract_batch, batch, dirs, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if own:
            client.close()


class Progress:
    """'indexed 1,200/10,000 articles, 95/s, 92 s left' on stderr, at most once a second, and at the end."""

    def __init__(self, total: int, stream=None, every: float = 1.0):
        self.total, self.done, self.every = total, 0, every
        self.stream = stream if stream is not None else sys.stderr
        self.start = self.last = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._print(now)

    def finish(self) -> None:
        if self.total:
            self._print(time.monotonic())

    def _print(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        left = (self.total - self.done) / rate if rate > 0 else float("inf")
        print(f"factcheck: indexed {self.done:,}/{self.total:,} articles, {rate:,.0f}/s, {left:,.0f} s left",
              file=self.stream, flush=True)
