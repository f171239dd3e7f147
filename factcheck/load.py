"""Load articles: plain text or Markdown with YAML front matter, HTML pages, URLs, plus a sources.yaml beside them.

One file becomes one Article; a file that cannot be read becomes an InputProblem
naming the file (and line), and the others are still loaded. Files are opened
read-only and never modified. Offsets of claims index ``Article.text``, the file's
own decoded text, front matter and page furniture included, so an editor can jump
to them; ``body_spans`` says which parts of that text are the article proper.

Hostile input costs bounded work: YAML goes through factcheck.safeyaml (size, nesting
and alias-expansion caps, dates that cannot crash), folders are searched iteratively
with depth and entry caps, and ``bound_text`` applies the caps of factcheck.limits,
saying so with an InputWarning naming the file and line. HTML pages are read by
factcheck.html, URLs by factcheck.fetch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from factcheck import limits
from factcheck.limits import InputWarning
from factcheck.model import Article, InputProblem

__all__ = ["iter_articles", "iter_inputs", "ArticleFile", "Fetched", "ArticleIds", "load_articles", "load_article",
           "load_draft", "body_spans", "read_sources", "ARTICLE_SUFFIXES", "HTML_SUFFIXES", "InputWarning", "date_order",
           "set_date_order", "parse_date", "DATE_ORDERS"]

HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text") + HTML_SUFFIXES
DATE_ORDERS = ("DMY", "MDY", "YMD")
#: Entries (files and folders) searched under one folder given on the command line before giving up.
MAX_FOLDER_ENTRIES = 200_000
#: Folders nested deeper than this under a folder given on the command line are not searched.
MAX_FOLDER_DEPTH = 64
SOURCES_FILE = "sources.yaml"
_META_KEYS = ("source", "published", "url", "title")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

#: Lines that are page furniture, not article text (navigation, players, copyright, widgets).
_FURNITURE_LINE = re.compile(
    r"^\s*(?:"
    r"©.*|copyright\b.*|\(c\)\s*\d{4}.*|all rights reserved.*"
    r"|play live radio|next up:?|available on air stations|listen\s*·?\s*\d+:\d+.*"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)*"
    r"|(?:watch|listen to|play)\s+(?:video|audio|the video)\b.*"
    r"|connect with us|hi, what are you looking for\?|skip to (?:main )?content|advertisement|share this(?: article)?"
    r"|sign up.*newsletter.*|subscribe\b.*|cover:.*|photo credit:.*|image source:.*"
    r"|(?:mon|tue|wed|thu|fri|sat|sun|m-f|m–f)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)\b.*"
    r")\s*$",
    re.IGNORECASE,
)
_NAV_ITEM = re.compile(r"^\s*\d{1,2}\.\s+\S.{0,40}$")
#: A line after which the rest of the page is not the article (related links, author boxes).
_TAIL_START = re.compile(
    r"^\s*(?:you may also like|related (?:stories|articles|content|coverage|topics)|more from\b.*|most (?:read|popular)"
    r"|recommended(?: for you)?|dw recommends|audios and videos on the topic|written by|read next|trending now"
    r"|more stories|also read|see also)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Meta:
    values: dict
    problems: tuple[InputProblem, ...] = ()


_DATE_ORDER: ContextVar[str | None] = ContextVar("factcheck_date_order", default=None)


def set_date_order(order: str | None) -> None:
    """Read numeric dates in this order (DMY, MDY or YMD) from now on in this context (the command line sets it once)."""
    if order is not None and order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    _DATE_ORDER.set(order)


@contextmanager
def date_order(order: str | None):
    """Read numeric dates such as 04/03/2024 in this order (DMY, MDY or YMD) inside the block."""
    if order is not None and order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    token = _DATE_ORDER.set(order)
    try:
        yield
    finally:
        _DATE_ORDER.reset(token)


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article file the walk found (``iter_inputs``), not read yet: read where its claims are read (a worker)."""

    path: str  # as the walk found it
    meta: dict  # its entry in the sources.yaml beside it

    @property
    def shown(self) -> str:
        return self.path if os.sep == "/" else Path(self.path).as_posix()

    @property
    def natural_id(self) -> str:
        """``Path(path).stem``, the id its Article has unless an earlier article took it."""
        name = self.path.rpartition(os.sep)[2]
        i = name.rfind(".")
        return name[:i] if 0 < i < len(name) - 1 else name

    def load(self, article_id: str | None = None) -> list[Article | InputProblem]:
        """``load_article`` of the file: its problems and (when it is one) its Article, named ``article_id``."""
        items = list(load_article(Path(self.path), self.meta))
        if article_id is not None:
            items = [replace(i, id=article_id) if isinstance(i, Article) and i.id != article_id else i for i in items]
        return items


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page the walk fetched from a URL (read already: its fetch needs this process's settings)."""

    article: Article

    @property
    def shown(self) -> str:
        return self.article.path

    @property
    def natural_id(self) -> str:
        return self.article.id

    def load(self, article_id: str | None = None) -> list[Article | InputProblem]:
        a = self.article
        return [a if article_id is None or article_id == a.id else replace(a, id=article_id)]


class ArticleIds:
    """Article ids in walk order: a file's stem (a page's name), or its path when an earlier article has that id.

    ``settle`` gives the id as the articles arrive, in walk order. ``guess`` gives it before the file is read
    (to read it in another process while the files ahead of it are still being read): it takes every earlier
    file to be an article, so it differs from ``settle`` only after a file of the same stem turned out not to
    be one; the caller then reads the file again under its settled id.
    """

    def __init__(self):
        self._taken: set[str] = set()
        self._guessed: set[str] = set()

    def guess(self, natural: str, path: str) -> str:
        got = natural if natural not in self._guessed else path
        self._guessed.add(got)
        return got

    def settle(self, natural: str, path: str) -> str:
        got = natural if natural not in self._taken else path
        self._taken.add(got)
        self._guessed.add(got)
        return got


def iter_articles(paths: Iterable[str | os.PathLike]) -> Iterator[Article | InputProblem]:
    """Articles (and problems) from files and folders, one at a time, in a stable order.

    Folders are searched recursively for text, Markdown and HTML files; files named
    explicitly are read whatever their suffix. Nothing is kept in memory between items
    but their ids: an article's id is its file stem, or its path when an earlier file
    had the same stem (``ArticleIds``).
    """
    ids = ArticleIds()
    for item in iter_inputs(paths):
        if isinstance(item, InputProblem):
            yield item
            continue
        for loaded in item.load():
            if isinstance(loaded, Article):
                settled = ids.settle(loaded.id, loaded.path)
                loaded = loaded if settled == loaded.id else replace(loaded, id=settled)
            yield loaded


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[ArticleFile | Fetched | InputProblem]:
    """What ``iter_articles`` reads, in its order, without reading the files: each file with its metadata
    (sources.yaml, read here), each page fetched from a URL, and the problems met finding them.

    The files are de-duplicated by real path (each folder resolved once, a link on its own), so a file
    named twice, or through a link, is read once. Ids are given later (``ArticleIds``).
    """
    sources_cache: dict[str, _Meta] = {}
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for raw in paths:
        if isinstance(raw, str) and re.match(r"https?://", raw, re.IGNORECASE):
            from factcheck.fetch import url_articles

            for item in url_articles(raw):
                yield Fetched(item) if isinstance(item, Article) else item
            continue
        files, problems = article_files(Path(raw))
        yield from problems
        for f in files:
            folder, _, name = f.rpartition(os.sep)
            try:
                key = _real_path(f, folder, name, folders)
            except (OSError, RuntimeError) as e:
                yield InputProblem(Path(f).as_posix(), f"cannot resolve path: {getattr(e, 'strerror', None) or e}")
                continue
            if key in seen:
                continue
            seen.add(key)
            if folder not in sources_cache:
                sources_cache[folder] = read_sources(Path(f).parent / SOURCES_FILE)
                yield from sources_cache[folder].problems
            yield ArticleFile(f, sources_cache[folder].values.get(name, {}))


def article_files(p: Path) -> tuple[list[str], list[InputProblem]]:
    """The article files a command-line path stands for, as path strings (100,000 files are walked without making
    a Path of each), and the problems met finding them."""
    try:
        is_dir, exists = p.is_dir(), p.exists()
    except (OSError, ValueError) as e:  # ValueError: a NUL character in the path
        return [], [InputProblem(p.as_posix(), f"cannot read: {getattr(e, 'strerror', None) or e}")]
    if not exists:
        return [], [InputProblem(p.as_posix(), "no such file or folder")]
    if not is_dir:
        return [os.fspath(p)], []
    if p.resolve() == Path(p.resolve().anchor):
        return [], [InputProblem(p.as_posix(), "refusing to search the whole file system: name the folder of articles")]
    files, problems = _search_folder(p)
    if not files and not problems:
        problems = [InputProblem(p.as_posix(), "no .txt, .md or .html articles in this folder")]
    return files, problems


def _search_folder(root: Path) -> tuple[list[str], list[InputProblem]]:
    """Article files under ``root`` (hidden entries skipped, symlinked folders not followed), breadth first, bounded."""
    files: list[str] = []
    problems: list[InputProblem] = []
    queue: list[tuple[str, int]] = [(os.fspath(root), 0)]
    visited = 0
    too_deep = False
    while queue:
        folder, depth = queue.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            problems.append(InputProblem(Path(folder).as_posix(), f"cannot search this folder ({e.strerror or e}): skipped"))
            continue
        unreadable = 0
        for entry in entries:
            if entry.name.startswith("."):
                continue
            visited += 1
            if visited > MAX_FOLDER_ENTRIES:
                return [], [InputProblem(root.as_posix(), f"more than {MAX_FOLDER_ENTRIES:,} files and folders under it: "
                                                          "not searched (name a narrower folder)")]
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth + 1 > MAX_FOLDER_DEPTH:
                        too_deep = True
                    else:
                        queue.append((entry.path, depth + 1))
                elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
                    files.append(entry.path)
            except OSError:
                unreadable += 1
        if unreadable:
            problems.append(InputProblem(Path(folder).as_posix(),
                                         f"{unreadable} entries cannot be read (permission denied?): skipped"))
    if too_deep:
        problems.append(InputProblem(root.as_posix(), f"folders nested more than {MAX_FOLDER_DEPTH} levels deep: "
                                                      "the deeper ones are not searched"))
    # in Path order: part by part ('a/b' before 'a-b/c')
    return sorted(files, key=lambda f: f.split(os.sep)), sorted(problems, key=lambda pr: pr.path)


def load_articles(paths: Iterable[str | os.PathLike]) -> tuple[list[Article], list[InputProblem]]:
    """All articles and problems from ``paths`` (see iter_articles)."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_articles(paths):
        (articles if isinstance(item, Article) else problems).append(item)
    return articles, problems


def load_draft(path: Path, text: str | None = None) -> tuple[Article | None, list[InputProblem]]:
    """One draft: from disk (with the sources.yaml beside it), or ``text`` named ``path`` (standard input)."""
    if text is None:
        sources = read_sources(path.parent / SOURCES_FILE)
        meta, problems = sources.values.get(path.name, {}), list(sources.problems)
    else:
        meta, problems = {}, []
    items = list(load_article(path, meta, text=text))
    articles = [i for i in items if isinstance(i, Article)]
    return (articles[0] if articles else None), problems + [i for i in items if isinstance(i, InputProblem)]


def _real_path(f: str, folder: str, name: str, folders: dict[str, str]) -> str:
    """``Path(f).resolve()`` as text, with each folder resolved once: a plain file's real path is its real folder
    plus its name (10,000 files of one folder cost one folder resolution, not 10,000)."""
    if os.path.islink(f):
        return str(Path(f).resolve())
    if folder not in folders:
        folders[folder] = str(Path(folder or (os.sep if f.startswith(os.sep) else ".")).resolve())
    return os.path.join(folders[folder], name)


def load_article(path: Path, meta: dict | None = None, text: str | None = None) -> Iterator[Article | InputProblem]:
    """One file as an Article; problems (unreadable, binary, empty, bad front matter) as InputProblems."""
    shown = path.as_posix()
    if text is None:
        data = yield from read_article_bytes(path, shown)
        if data is not None:
            yield from load_bytes(path, data, meta)
        return
    if not text.strip():
        yield InputProblem(shown, "empty: no article text")
        return
    yield from _article_of(path, text, meta)


def load_bytes(path: Path, data: bytes, meta: dict | None = None) -> Iterator[Article | InputProblem]:
    """``load_article`` of bytes ``read_article_bytes`` read (the claims index reads files in one process
    and loads them in its workers): empty, binary and UTF-8 checks, then the article."""
    shown = path.as_posix()
    data = yield from _check_bytes(data, shown)
    if data is None:
        return
    text = yield from _decode(data, shown)
    if text is not None:
        yield from _article_of(path, text, meta)


def _article_of(path: Path, text: str, meta: dict | None) -> Iterator[Article | InputProblem]:
    if path.suffix.lower() in HTML_SUFFIXES:
        from factcheck.html import html_article

        yield from html_article(path, text, meta or {})
        return
    yield from text_article(path, text, meta or {})


def text_article(path: Path, text: str, meta: dict, article_id: str | None = None) -> Iterator[Article | InputProblem]:
    """An article from decoded text or Markdown (front matter read, figures bounded)."""
    shown = path.as_posix()
    values = dict(meta)
    fm = _FRONT_MATTER.match(text)
    if fm:
        parsed, problem = _parse_front_matter(shown, fm.group(1))
        if problem:
            yield problem
        values.update(parsed)  # front matter wins over sources.yaml
    elif re.match(r"---[ \t]*\r?\n", text):
        yield InputWarning(shown, "front matter opened with '---' is never closed (no second '---' line): "
                                  "its lines are read as article text", 1)
    published, problem = _published(values.get("published"), shown, values.get("_published_line"))
    if problem:
        yield problem
    text, warnings = bound_text(shown, text)
    yield from warnings
    limits.start_progress(shown, len(text))
    yield Article(
        id=article_id or path.stem,
        path=shown,
        text=text,
        source=_opt_str(values.get("source")),
        published=published,
        title=_opt_str(values.get("title")),
        url=_opt_str(values.get("url")),
    )


def read_article_bytes(path: Path, shown: str):
    """The bytes of an article file (a generator: problems; returns the bytes, or None when it cannot be read)."""
    try:
        st = path.stat()
        if not path.is_file():
            yield InputProblem(shown, "not a regular file (a folder, device or pipe): skipped")
            return None
        if st.st_size > limits.MAX_ARTICLE_BYTES:
            yield InputProblem(shown, f"{st.st_size:,} bytes, more than the {limits.MAX_ARTICLE_BYTES:,} an article may have: skipped")
            return None
        return path.read_bytes()
    except OSError as e:
        yield InputProblem(shown, f"cannot read: {e.strerror or e}")
        return None


def _check_bytes(data: bytes, shown: str):
    if not data.strip():
        yield InputProblem(shown, "empty file: no article text")
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        yield InputProblem(shown, "binary file (contains NUL bytes), not an article: skipped", data.count(b"\n", 0, nul) + 1)
        return None
    return data


def _decode(data: bytes, shown: str):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        yield InputProblem(shown, f"not UTF-8 text (undecodable byte 0x{data[e.start]:02x} at offset {e.start}): skipped", line)
        return None


def bound_text(shown: str, text: str) -> tuple[str, list[InputWarning]]:
    """The text cut after the last figure an article may have, and warnings for every cap that applies."""
    spans = body_spans(text)
    warnings: list[InputWarning] = []
    cut = limits.article_figure_cut(text, spans)
    if cut is not None:
        warnings.append(InputWarning(shown, f"more than {limits.MAX_FIGURES_PER_ARTICLE:,} figures: the text from here "
                                            "on is not read", _line_at(text, cut)))
        text = text[:cut]
        spans = [(s, min(e, cut)) for s, e in spans if s < cut]
    counts: dict[str, int] = {}

    def warn(message: str, offset: int) -> None:
        kind = message[:12]
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= 5:
            warnings.append(InputWarning(shown, message, _line_at(text, offset)))

    for s, e in spans:
        if not limits.is_plain(text, s, e):
            for _ in limits.bounded_sentences(text, s, e, warn):
                pass
    warnings += _furniture_warnings(shown, text)
    return text, warnings


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _furniture_warnings(shown: str, text: str) -> list[InputWarning]:
    """Lines left out as page furniture ('Subscribe…', '©…') that carry a figure: say so, never drop them silently."""
    from factcheck.quantities import extract_quantities

    out = []
    for s, e, why in _line_kinds(text):
        if why != "furniture" or not any(ch.isdigit() for ch in text[s:e]):
            continue
        line = text[s:min(e, s + limits.MAX_SENTENCE_CHARS)]
        figures = [q for q in extract_quantities(line) if not _year_like(q)]
        if figures:
            out.append(InputWarning(shown, f"this line looks like page furniture ({line.strip()[:24]!r}...) and is left "
                                           f"out, though it carries a figure ({figures[0].surface!r})", _line_at(text, s)))
    return out[:5]


def _year_like(q) -> bool:
    return q.value is not None and q.value.is_integer() and 1800 <= q.value <= 2100 and q.dimension in ("count", "date")


def _opt_str(v) -> str | None:
    return None if v is None else str(v)[:1000]


def parse_date(value, order: str | None = None) -> tuple[date | None, str | None]:
    """(the date, None) or (None, why it is not one). Numeric dates like 04/03/2024 need ``order`` when ambiguous."""
    from factcheck.safeyaml import BadScalar

    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, BadScalar):
        return None, f"not a real date ({value.reason})"
    s = str(value).strip()
    if len(s) > 64:
        return None, "not a date (too long)"
    m = _NUMERIC_DATE.fullmatch(s)
    if m:
        return _numeric_date(*m.groups(), order=order)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?", s):
        try:
            y, mo, d = (int(x) for x in s[:10].split("-")[:3]) if len(s) >= 10 else (0, 0, 0)
            return date(y, mo, d), None
        except ValueError as e:
            return None, f"not a real date ({e})"
    try:
        from dateutil import parser as dateparser

        return dateparser.parse(s, default=datetime(2000, 1, 1)).date(), None
    except (ValueError, OverflowError, TypeError):
        return None, "not a date (expected YYYY-MM-DD)"


_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})")


def _numeric_date(a: str, b: str, c: str, order: str | None) -> tuple[date | None, str | None]:
    x, y, z = int(a), int(b), int(c)
    if len(a) == 4:
        order = "YMD"
    elif len(c) != 4:
        return None, "not a date (write the year with four digits, or YYYY-MM-DD)"
    elif order in (None, "YMD"):  # day and month first: the numbers decide, or the setting must
        if x <= 12 and y <= 12 and x != y:
            return None, (f"an ambiguous date: {a}/{b}/{c} is {x} {_month(y)} or {_month(x)} {y}; set date_order "
                          "(\"DMY\" or \"MDY\") in [tool.factcheck], or write YYYY-MM-DD")
        order = "MDY" if y > 12 else "DMY"
    year, month, day = {"YMD": (x, y, z), "DMY": (z, y, x), "MDY": (z, x, y)}[order]
    try:
        return date(year, month, day), None
    except ValueError as e:
        return None, f"not a real date ({e}; read as {order})"


def _month(n: int) -> str:
    import calendar

    return calendar.month_name[n] if 1 <= n <= 12 else str(n)


def _published(value, shown: str, line: int | None) -> tuple[date | None, InputProblem | None]:
    if value is None:
        return None, None
    parsed, why = parse_date(value, _DATE_ORDER.get())
    if parsed is None:
        return None, InputProblem(shown, f"published: {str(value)[:40]!r} is {why}; date ignored", getattr(value, "line", None) or line)
    return parsed, None


def _parse_front_matter(shown: str, block: str) -> tuple[dict, InputProblem | None]:
    import yaml

    from factcheck.safeyaml import BadScalar, YAMLLimitError, load

    try:
        data = load(block, limits.MAX_FRONT_MATTER_BYTES)
    except YAMLLimitError as e:
        return {}, InputProblem(shown, f"front matter refused: {e.message}", e.line + 1)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for the opening ---, +1 for 1-based
        return {}, InputProblem(shown, f"front matter is not valid YAML: {getattr(e, 'problem', e)}", line)
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, InputProblem(shown, "front matter must be a mapping of keys (source, published, url, title)", 2)
    out = {k: v for k, v in data.items() if k in _META_KEYS}
    if isinstance(out.get("published"), BadScalar):
        out["published"] = BadScalar(out["published"], out["published"].line + 1, out["published"].reason)
    if "published" in out:
        out["_published_line"] = _key_line(block, "published", offset=1)
    return out, None


def read_sources(path: Path) -> _Meta:
    """Per-file metadata from a sources.yaml: ``{file name: {source, published, url, title}}``; bad dates named by line."""
    try:
        if not path.is_file():
            return _Meta({})
        if path.stat().st_size > limits.MAX_SOURCES_BYTES:
            return _Meta({}, (InputProblem(path.as_posix(), f"larger than {limits.MAX_SOURCES_BYTES:,} bytes: metadata ignored"),))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return _Meta({}, (InputProblem(path.as_posix(), "not UTF-8 text: metadata ignored"),))
    except OSError as e:
        return _Meta({}, (InputProblem(path.as_posix(), f"cannot read: {e.strerror or e}: metadata ignored"),))
    import yaml

    from factcheck.safeyaml import YAMLLimitError, load

    shown = path.as_posix()
    try:
        data = load(text, limits.MAX_SOURCES_BYTES)
    except YAMLLimitError as e:
        return _Meta({}, (InputProblem(shown, f"refused: {e.message}: metadata ignored", e.line),))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return _Meta({}, (InputProblem(shown, f"not valid YAML ({getattr(e, 'problem', e)}): metadata ignored",
                                       mark.line + 1 if mark else None),))
    if data is None:
        return _Meta({})
    if not isinstance(data, dict):
        return _Meta({}, (InputProblem(shown, "expected a mapping of file names to metadata: metadata ignored", 1),))
    return _sources_entries(shown, text, data)


def _sources_entries(shown: str, text: str, data: dict) -> _Meta:
    out, problems = {}, []
    for name, meta in data.items():
        if not isinstance(meta, dict):
            problems.append(InputProblem(shown, f"entry {name!r} must be a mapping (source, published, url, title)",
                                         _key_line(text, str(name))))
            continue
        meta = dict(meta)
        if meta.get("published") is not None:
            published, problem = _published(meta["published"], shown, _key_line(text, "published", after=str(name)))
            if problem:
                problems.append(replace(problem, message=f"{name}: {problem.message}"))
            meta["published"] = published
        out[str(name)] = meta
    return _Meta(out, tuple(problems))


def _key_line(text: str, key: str, offset: int = 0, after: str | None = None) -> int | None:
    """The first line that starts with ``key`` (after the line starting with ``after``), plus ``offset``: for messages."""
    found_after = after is None
    for i, line in enumerate(text.splitlines(), 1):
        if not found_after:
            found_after = line.startswith(after)
        elif line.lstrip().startswith(key):
            return i + offset
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    pos = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        pos = fm.end()
    offsets = []
    for line in text[pos:].splitlines(keepends=True):
        offsets.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return offsets


def _page_paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a page's article text: runs between carriage returns, surrounding blanks trimmed."""
    return [m.span() for m in _PAGE_PARAGRAPH.finditer(text, 1)]


_PAGE_PARAGRAPH = re.compile(r"[^\r\s](?:[^\r]*[^\r\s])?")


def body_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines that are article text: front matter, furniture and page tails left out."""
    return [(s, e) for s, e, why in _line_kinds(text) if why == "text"]


def _line_kinds(text: str) -> Iterator[tuple[int, int, str]]:
    """Every non-blank line after the front matter as (start, end, why): text, furniture, navigation; stops at a page tail.

    A web page's text (factcheck.html) is read by paragraph instead: a paragraph may span lines.
    """
    offsets = _page_paragraphs(text) if text.startswith("\x1f") else _lines(text)
    nav = [bool(_NAV_ITEM.match(text[s:e])) for s, e in offsets]
    for i, (s, e) in enumerate(offsets):
        line = text[s:e].replace("\n", " ")
        if _TAIL_START.match(line):
            return
        if _FURNITURE_LINE.match(line):
            yield s, e, "furniture"
        elif nav[i] and ((i > 0 and nav[i - 1]) or (i + 1 < len(nav) and nav[i + 1])):
            yield s, e, "navigation"  # a run of two or more short numbered lines is a navigation list
        elif line.strip():
            yield s, e, "text"
