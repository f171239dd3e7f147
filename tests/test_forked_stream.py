"""``parallel.forked_stream`` (issue 9, speed): a huge block's pairs are found by a forked process while the judge
works: the same items in the same order as in one process, the rest worked out here when the process dies,
the process stopped when the items are no longer wanted."""

from __future__ import annotations

import itertools
import os
import threading

import pytest

from factcheck import blocks
from factcheck.blocks import pair_finder
from factcheck.compare import same_story
from factcheck.model import Claim
from factcheck.parallel import forked_stream

CAN_FORK = hasattr(os, "fork")


def _claim(article: str, n: int) -> Claim:
    return Claim(id=f"{article}#{n}", article=article, start=0, end=1, line=1, column=1, text="1", low=1, high=1,
                 value=1, bound="exact", unit=None, noun=None)


@pytest.mark.skipif(not CAN_FORK, reason="no fork")
def test_items_come_in_order_from_another_process():
    here = os.getpid()
    got = list(forked_stream(lambda: ((i, os.getpid()) for i in range(1000)), chunk=7))
    assert [i for i, _ in got] == list(range(1000))
    assert threading.active_count() > 1 or {pid for _, pid in got} != {here}


@pytest.mark.skipif(not CAN_FORK, reason="no fork")
def test_what_a_dying_process_did_not_send_is_worked_out_here():
    here = os.getpid()

    def produce():
        for i in range(100):
            if i == 50 and os.getpid() != here:
                raise RuntimeError("the forked process fails half way")
            yield i

    assert list(forked_stream(produce, chunk=8)) == list(range(100))


@pytest.mark.skipif(not CAN_FORK, reason="no fork")
def test_the_process_is_stopped_when_no_more_is_wanted():
    stream = forked_stream(lambda: ((i, os.getpid()) for i in itertools.count()), chunk=4)
    first, pid = next(stream)
    assert first == 0
    stream.close()
    if pid != os.getpid():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # stopped and collected: no such process


def test_other_threads_keep_it_in_this_process():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        got = list(forked_stream(lambda: (os.getpid() for _ in range(3))))
    finally:
        stop.set()
        t.join()
    assert got == [os.getpid()] * 3


def test_a_huge_block_gives_the_same_pairs_found_in_another_process(monkeypatch):
    """Above FORK_FROM claims the pairs are found by a forked process: the same pairs, in the same order."""
    n = blocks.FORK_FROM + 300
    names = {f"x{i:05d}": frozenset({"n0", f"own{i % 7}"}) for i in range(n)}
    group = [_claim(f"x{i:05d}", i) for i in range(n)]
    story = lambda a, b: a == b or same_story(names[a], names[b], 2, 0.15)  # noqa: E731
    finder = pair_finder(names, frozenset(), 2, 0.15, story=story)
    forked = [(a.id, [b.id for b in bs]) for a, bs in finder(group)]
    monkeypatch.setattr(blocks, "FORK_FROM", n + 1)
    here = [(a.id, [b.id for b in bs]) for a, bs in pair_finder(names, frozenset(), 2, 0.15, story=story)(group)]
    assert forked == here
    assert sum(len(bs) for _, bs in here) > n  # the block was paired, through its timeline


def _articles(n: int):
    from factcheck.model import Article

    return [Article(id=f"a{i}", path=f"a{i}.md", text=f"{i + 5} people were killed in Lima, Peru.\n") for i in range(n)]


@pytest.mark.skipif(not CAN_FORK, reason="no fork")
def test_the_forked_read_leaves_the_collector_as_it_found_it():
    """Reading a long archive in forked workers freezes what they inherit for the run, and only for the run; a
    freeze made before it is left alone."""
    import gc

    from factcheck import parallel
    from factcheck.rules import load_rules

    rules = load_rules()
    arts = _articles(parallel.PARALLEL_FROM + 20)
    seen = []
    for _ in parallel.classified(arts, rules, jobs=2):
        seen.append(gc.get_freeze_count())
    assert max(seen) > 0 and gc.get_freeze_count() == 0 and gc.isenabled()
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        assert len(list(parallel.classified(arts, rules, jobs=2))) == len(arts)
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not CAN_FORK, reason="no fork")
def test_a_stream_never_read_stops_its_process(tmp_path):
    """The process is forked when the stream is made (it works while the caller gets ready); a stream dropped
    unread still stops and collects it."""
    import gc
    import time

    where = tmp_path / "pid"

    def produce():
        where.write_text(str(os.getpid()))
        return itertools.count()

    stream = forked_stream(produce)
    for _ in range(200):
        if where.exists() and where.read_text():
            break
        time.sleep(0.01)
    pid = int(where.read_text())
    assert pid != os.getpid()  # forked before anything was read
    del stream
    gc.collect()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
