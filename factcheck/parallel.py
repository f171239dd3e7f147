"""Claim extraction for the index, in one process, in N processes (``--jobs``) or on a Dask cluster (``--dask``).

Whatever runs the work, the main process reads the files, sends their bytes in batches and
writes the results in archive order, so the index is the same, byte for byte, however many
workers made it. A worker loads each file (the loader's checks and limits), hashes it, and
returns the article, its proper names and its claims already serialised (JSON and block key),
so the writer, the one process every result passes through, only reads bytes and inserts rows.
"""

from __future__ import annotations

import itertools
import json
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from factcheck.model import Article, InputProblem

__all__ = ["extract_batch", "index_file", "file_digest", "run_batches", "sorted_gazetteer", "classified",
           "available_cpus", "dask_client", "forked_stream", "Progress", "BATCH", "DASK_BATCH", "PARALLEL_FROM"]

#: Articles per task: large enough to hide the cost of sending them, small enough to keep memory flat.
BATCH = 64

#: Articles per Dask task: fewer, larger tasks than ``BATCH`` (each costs the scheduler and the workers' event
#: loops a few milliseconds), small enough that the last task leaves the other worker idle for under a second.
DASK_BATCH = 128

_RULES: dict[tuple[str, ...], object] = {}

#: One file to index: (shown path, its bytes, its metadata, its metadata's JSON, the article id it gets)
FileJob = tuple[str, bytes, dict, str, str]
#: (digest, article JSON or None when it does not load, problems JSON, names, [(claim number, block, claim JSON)])
FileResult = tuple[str, str | None, str, tuple[str, ...], list[tuple[int, str | None, str]]]


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


def file_digest(data: bytes, meta_json: str) -> str:
    """What keys an article in the index: a hash of its bytes and its metadata."""
    import hashlib

    return hashlib.sha256(data + b"\0" + meta_json.encode()).hexdigest()


def index_file(job: FileJob, rules) -> FileResult:
    """Load one file from its bytes (``load.load_bytes``) and read its claims, as ``pipeline.extract`` would."""
    from dataclasses import replace
    from pathlib import Path

    from factcheck.claims import article_names, extract_claims
    from factcheck.frames import assign
    from factcheck.index import _article_json, _problems_json
    from factcheck.load import load_bytes

    shown, data, meta, meta_json, want = job
    loaded = list(load_bytes(Path(shown), data, meta))
    problems = _problems_json([p for p in loaded if not isinstance(p, Article)])
    article = next((a for a in loaded if isinstance(a, Article)), None)
    if article is None:
        return file_digest(data, meta_json), None, problems, (), []
    article = replace(article, id=want, text=data.decode("utf-8-sig"))  # the text as the loader decodes it
    found = [assign(rules.classify(c), rules) for c in extract_claims(article)]
    return (file_digest(data, meta_json), _article_json(article), problems, article_names(article),
            [claim_row(c, rules) for c in found])


def extract_batch(jobs: Sequence[FileJob], rules_dirs: tuple[str, ...]) -> list[FileResult]:
    """Each file of a batch loaded and its claims read (in a worker: the index's writer only reads and writes)."""
    rules = _rules(tuple(rules_dirs))
    return [index_file(job, rules) for job in jobs]


def _batches(articles: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: ``classified`` forks workers only when more than this many items are to be read (looked ahead in the
#: walk, not read): a small archive never pays for starting them.
PARALLEL_FROM = 256
#: A long archive's first articles are read in this process before the fork, so that the workers inherit
#: what reading builds once (the gazetteer, compiled patterns) instead of each building it again.
WARM_UP = 16

_FORKED: list = []  # [RuleSet, keep_text] a forked worker classifies with (inherited, never pickled)


def available_cpus() -> int:
    """The processors this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def classify_article(article: Article, rules) -> tuple[list, tuple[str, ...]]:
    """The classified claims and the proper names of one article (``pipeline.extract``'s work per article)."""
    from factcheck.claims import article_names, extract_claims
    from factcheck.frames import assign

    found = extract_claims(article)
    if rules is not None:
        found = [assign(rules.classify(c), rules) for c in found]
    return found, article_names(article)


def _source_result(loaded: list, rules, keep_text: bool) -> tuple[list, list | None, tuple | None]:
    """A file (or fetched page) of ``load.iter_inputs``, loaded (``source.load``): (its problems and article, the
    article's claims and names); the text is left out unless ``keep_text`` (the main process drops it anyway)."""
    article = next((a for a in loaded if isinstance(a, Article)), None)
    if article is None:
        return loaded, None, None
    found, names = classify_article(article, rules)
    if not keep_text:
        loaded = [replace(a, text="") if a is article else a for a in loaded]
    return loaded, found, names


def _classify_forked(batch: list) -> list[tuple]:
    """A worker's task: each Article classified, each (source, guessed id) loaded and classified.

    The whole batch is read from disk first, then classified: reading and classifying file by file, each
    file's system calls slow the parsing that follows (about 9 % more time on a 2-core VM).
    """
    rules, keep_text = _FORKED
    loaded = [None if isinstance(t, Article) else t[0].load(t[1]) for t in batch]
    return [classify_article(t, rules) if items is None else _source_result(items, rules, keep_text)
            for t, items in zip(batch, loaded)]


def _here(item, rules, ids) -> Iterator[tuple[object, list | None, tuple | None]]:
    """``classified``'s output for one item, worked out in this process (a source's article named as it comes)."""
    if isinstance(item, InputProblem):
        yield item, None, None
    elif isinstance(item, Article):
        yield (item, *classify_article(item, rules))
    else:
        for loaded in item.load():
            if isinstance(loaded, Article):
                settled = ids.settle(item.natural_id, loaded.path)
                loaded = loaded if settled == loaded.id else replace(loaded, id=settled)
                yield (loaded, *classify_article(loaded, rules))
            else:
                yield loaded, None, None


def _settled(item, result: tuple, rules, ids) -> Iterator[tuple[object, list | None, tuple | None]]:
    """A source a worker read under a guessed id, in walk order: as it came, or (the guess was wrong: an earlier
    file of its stem was no article) read again here under its settled id."""
    loaded, found, names = result
    for x in loaded:
        if not isinstance(x, Article):
            yield x, None, None
            continue
        settled = ids.settle(item.natural_id, x.path)
        if settled == x.id:
            yield x, found, names
            continue
        for again in item.load(settled):
            if isinstance(again, Article):
                yield (again, *classify_article(again, rules))


def classified(items: Iterable, rules, jobs: int | None = None,
               keep_text: bool = True) -> Iterator[tuple[object, list | None, tuple | None]]:
    """(item, claims, names) for each Article of ``items`` in order, (problem, None, None) for anything else.

    ``items`` are Articles and problems, and files and fetched pages (``load.iter_inputs``), which are loaded
    where they are classified and named in walk order (``load.ArticleIds``), with their problems before them.
    Up to ``PARALLEL_FROM`` items are read here; a longer archive (the walk looked ahead, nothing read) is read,
    after ``WARM_UP`` articles here, by ``jobs`` forked processes (default: the processors available), ``BATCH``
    items a task, a bounded window of tasks in flight, results in input order: the same claims as one process,
    byte for byte. This process only walks the folders and sends paths; an article read by a worker comes back
    without its text unless ``keep_text``. Where fork is not available everything runs here.
    """
    from factcheck.load import ArticleIds

    jobs = available_cpus() if jobs is None else jobs
    items = iter(items)
    ahead = list(itertools.islice(items, PARALLEL_FROM + 1))
    fork = len(ahead) > PARALLEL_FROM and jobs > 1 and sys.platform != "win32"
    items = itertools.chain(ahead, items)
    if fork:
        _build_places()
    ids = ArticleIds()
    head = 0
    for item in items:
        for out in _here(item, rules, ids):
            head += isinstance(out[0], Article)
            yield out
        if fork and head >= min(WARM_UP, PARALLEL_FROM):
            break
    else:
        return
    yield from _classified_forked(items, rules, jobs, ids, keep_text)


def _build_places() -> None:
    """The gazetteer the workers inherit, built here before the first article looks a place up, with the cyclic
    collector paused: building some 100,000 places, it would scan the growing table twice over (a tenth of a
    second, while the other processor waits for the fork); the table lives as long as the process."""
    import gc

    from factcheck.places import lookup

    was_on = gc.isenabled()
    gc.disable()
    try:
        lookup("Paris")
    finally:
        if was_on:
            gc.enable()


def _classified_forked(items: Iterator, rules, jobs: int, ids,
                       keep_text: bool) -> Iterator[tuple[object, list | None, tuple | None]]:
    import gc
    import multiprocessing
    from collections import deque

    def task(item):  # what a worker is sent for an item (problems stay here)
        return item if isinstance(item, Article) else (item, ids.guess(item.natural_id, item.shown))

    def flush(entry):
        batch, future = entry
        results = iter(future.get())
        for item in batch:
            if isinstance(item, InputProblem):
                yield item, None, None
            elif isinstance(item, Article):
                yield (item, *next(results))
            else:
                yield from _settled(item, next(results), rules, ids)

    _FORKED[:] = [rules, keep_text]
    frozen = gc.get_freeze_count() == 0  # someone else's freeze is theirs to undo
    if frozen:
        gc.freeze()  # what the workers inherit (places, rules, patterns): no collection here or there scans it again
    try:
        try:
            pool = multiprocessing.get_context("fork").Pool(jobs)
        except OSError:  # no processes to be had (a limit, a sandbox): read the rest here
            for item in items:
                yield from _here(item, rules, ids)
            return
        with pool:
            pending: deque = deque()
            for batch in _batches(items, BATCH):
                tasks = [task(i) for i in batch if not isinstance(i, InputProblem)]
                pending.append((batch, pool.apply_async(_classify_forked, (tasks,))))
                if len(pending) >= 4 * jobs:
                    yield from flush(pending.popleft())
            while pending:
                yield from flush(pending.popleft())
    finally:
        if frozen:
            gc.unfreeze()
        _FORKED.clear()


def forked_stream(produce: Callable[[], Iterable], chunk: int = 256) -> Iterator:
    """The items of ``produce()``, in order, worked out by a process forked now (it works while the caller gets
    ready) and sent in pickled chunks through a pipe as they come. Here instead when fork is not to be had or
    other threads run (a fork copies the locks they hold); when the process fails or is cut short, the rest is
    worked out here; when the items are no longer wanted, the process is stopped."""
    import threading

    if not hasattr(os, "fork") or sys.platform == "win32" or threading.active_count() > 1:
        return iter(produce())
    stream = _forked_items(produce, chunk)
    next(stream)  # fork now
    return stream


def _forked_items(produce: Callable[[], Iterable], chunk: int) -> Iterator:
    """``forked_stream``'s items, after a first None once the process is forked (or found not to be had)."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to be had (a limit, a sandbox)
        os.close(read)
        os.close(write)
        yield None
        yield from produce()
        return
    if pid == 0:
        _produce_into(write, read, produce, chunk)  # never returns
    os.close(write)
    pipe = os.fdopen(read, "rb")
    done = 0
    try:
        yield None
        try:
            while (items := pickle.load(pipe)) is not None:
                for item in items:
                    yield item
                    done += 1
            return
        except (EOFError, pickle.UnpicklingError, OSError):
            pass  # the process died: the rest here
        yield from itertools.islice(produce(), done, None)
    finally:
        pipe.close()
        _reap(pid)


def _produce_into(write: int, read: int, produce: Callable[[], Iterable], chunk: int) -> None:
    """In the forked process: ``produce()`` in pickled chunks into the pipe, then None; exits, never returns."""
    import gc

    gc.disable()  # a short life that ends in os._exit: collecting would only copy the parent's pages
    code = 1
    try:
        os.close(read)
        with os.fdopen(write, "wb") as pipe:
            for items in _batches(produce(), chunk):
                pickle.dump(items, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()
            pickle.dump(None, pipe)
        code = 0
    finally:
        os._exit(code)  # no exit handlers, no flushing of the parent's buffers a second time


def _reap(pid: int) -> None:
    """Stop the forked process if it still runs (its output is no longer wanted) and collect it."""
    import signal

    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _pool_worker(args):
    batch, rules_dirs = args
    return extract_batch(batch, rules_dirs)


def sorted_gazetteer() -> list[list]:
    """The gazetteer's rows, sorted (built from sets, its order would depend on the process's string hashing)."""
    from factcheck.places import gazetteer_rows

    return sorted(gazetteer_rows())


def run_batches(articles: Iterable[FileJob], rules_dirs: Sequence[str], jobs: int = 1,
                dask: str | None = None, gazetteer: list | None = None) -> Iterator[FileResult]:
    """Results in the order of ``articles`` (files to index): here, in ``jobs`` processes, or on the Dask
    scheduler at ``dask``.

    ``gazetteer``, a list, receives the gazetteer's rows at the end from where the claims were read (a Dask
    worker has built it already; forked processes inherit the one this process builds first), so no process
    builds it only to store it.
    """
    dirs = tuple(str(d) for d in rules_dirs)
    if dask:
        yield from _on_dask(articles, dirs, dask, gazetteer)
    elif jobs > 1:
        import multiprocessing

        from collections import deque

        _rules(dirs)  # loaded once here, before the fork: every worker starts with the rules and, below, the places
        if gazetteer is not None:
            gazetteer[:] = sorted_gazetteer()
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
        if gazetteer is not None:
            gazetteer[:] = sorted_gazetteer()


def _packed(obj) -> bytes:
    """``obj`` as one pickle: Dask ships a bytes object as it is, where it would walk a list of thousands of
    tuples and strings element by element (a fifth of a worker's time went to that)."""
    import pickle

    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def extract_packed(packed_jobs: bytes, rules_dirs: tuple[str, ...]) -> bytes:
    """``extract_batch`` with its jobs and results pickled: what a Dask task runs."""
    import pickle

    return _packed(extract_batch(pickle.loads(packed_jobs), rules_dirs))


def packed_gazetteer() -> bytes:
    """``sorted_gazetteer`` pickled (105,000 rows: Dask would serialise them one by one)."""
    return _packed(sorted_gazetteer())


#: A short article that reaches every part of extraction (number grammar, predicates, places, rules).
_WARM_UP: FileJob = ("warm-up.md", b"Floods in Lima, Peru have killed 12 people since Monday, the Red Cross said.\n",
                     {}, "{}", "warm-up")


def warm_up(rules_dirs: tuple[str, ...]) -> None:
    """Load the rules and build the places once, on a short article, before any batch arrives."""
    index_file(_WARM_UP, _rules(tuple(rules_dirs)))


@contextmanager
def dask_client(address, rules_dirs: Sequence[str]):
    """A ``distributed.Client`` for ``address`` (a scheduler address, a cluster, or a Client used as it is),
    each of its workers at once set to load factcheck, the rules and the places (``warm_up``) while this
    process walks the archive; closed at the end when it was opened here."""
    from distributed import Client

    client = address if isinstance(address, Client) else Client(address)
    dirs = tuple(str(d) for d in rules_dirs)
    warming = [client.submit(warm_up, dirs, workers=[w], allow_other_workers=False, pure=False)
               for w in sorted(client.scheduler_info().get("workers", {}))]
    try:
        yield client
    finally:
        client.cancel(warming)
        if client is not address:
            client.close()


def _on_dask(articles: Iterable[FileJob], dirs: tuple[str, ...], address, gazetteer: list | None = None
             ) -> Iterator[FileResult]:
    """Batches as futures on a dask.distributed cluster, a bounded window in flight, collected in order.

    ``address`` is a scheduler address or cluster (a client is opened with ``dask_client``), or a
    ``distributed.Client``, used as it is. Workers need factcheck installed and the rules folders at the
    same paths. Jobs and results travel pickled, one bytes object a task; the gazetteer's rows are asked
    for once the workers are busy, so they are ready when the last batch is.
    """
    import pickle
    from collections import deque
    from contextlib import nullcontext

    from distributed import Client

    with nullcontext(address) if isinstance(address, Client) else dask_client(address, dirs) as client:
        window = max(4, 4 * max(1, len(client.scheduler_info().get("workers", {}))))
        pending: deque = deque()
        places = None
        for batch in _batches(articles, DASK_BATCH):
            pending.append(client.submit(extract_packed, _packed(batch), dirs, pure=False))
            if len(pending) >= window:
                if gazetteer is not None and places is None:
                    places = client.submit(packed_gazetteer, pure=False)
                yield from pickle.loads(pending.popleft().result())
        while pending:
            yield from pickle.loads(pending.popleft().result())
        if gazetteer is not None:
            gazetteer[:] = pickle.loads((places or client.submit(packed_gazetteer, pure=False)).result())


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
