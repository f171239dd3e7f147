"""Load articles: plain text or Markdown with YAML front matter, plus a sources.yaml beside them.

One file becomes one Article; a file that cannot be read becomes an InputProblem
naming the file (and line), and the others are still loaded. Files are opened
read-only and never modified. Offsets of claims index ``Article.text``, the file's
own decoded text, front matter and page furniture included, so an editor can jump
to them; ``body_spans`` says which parts of that text are the article proper.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from factcheck.model import Article, InputProblem

__all__ = ["iter_articles", "load_articles", "load_article", "load_draft", "body_spans", "read_sources", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
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


def iter_articles(paths: Iterable[str | os.PathLike]) -> Iterator[Article | InputProblem]:
    """Articles (and problems) from files and folders, one at a time, in a stable order.

    Folders are searched recursively for text and Markdown files; files named
    explicitly are read whatever their suffix. Nothing is kept in memory between items
    but their ids: an article's id is its file stem, or its path when an earlier file
    had the same stem.
    """
    sources_cache: dict[Path, _Meta] = {}
    seen: set[Path] = set()
    ids: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
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
            folder = f.parent
            if folder not in sources_cache:
                sources_cache[folder] = read_sources(folder / SOURCES_FILE)
                yield from sources_cache[folder].problems
            for item in load_article(f, sources_cache[folder].values.get(f.name, {})):
                if isinstance(item, Article):
                    if item.id in ids:
                        item = replace(item, id=item.path)
                    ids.add(item.id)
                yield item


def load_articles(paths: Iterable[str | os.PathLike]) -> tuple[list[Article], list[InputProblem]]:
    """All articles and problems from ``paths`` (see iter_articles)."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_articles(paths):
        (articles if isinstance(item, Article) else problems).append(item)
    return articles, problems


def load_draft(path: Path, text: str | None = None) -> tuple[Article | None, list[InputProblem]]:
    """One draft: from disk (with the sources.yaml beside it), or ``text`` named ``path`` (standard input)."""
    meta = read_sources(path.parent / SOURCES_FILE).values.get(path.name, {}) if text is None else {}
    items = list(load_article(path, meta, text=text))
    articles = [i for i in items if isinstance(i, Article)]
    return (articles[0] if articles else None), [i for i in items if isinstance(i, InputProblem)]


def load_article(path: Path, meta: dict | None = None, text: str | None = None) -> Iterator[Article | InputProblem]:
    """One file as an Article; problems (unreadable, binary, empty, bad front matter) as InputProblems."""
    shown = path.as_posix()
    if text is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            yield InputProblem(shown, f"cannot read: {e.strerror or e}")
            return
        if not data.strip():
            yield InputProblem(shown, "empty file: no article text")
            return
        if b"\x00" in data[:8192]:
            yield InputProblem(shown, "binary file (contains NUL bytes), not an article: skipped")
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            yield InputProblem(shown, f"not UTF-8 text (undecodable byte 0x{data[e.start]:02x} at offset {e.start}): skipped", line)
            return
    values = dict(meta or {})
    fm = _FRONT_MATTER.match(text)
    if fm:
        parsed, problem = _parse_front_matter(shown, fm.group(1))
        if problem:
            yield problem
        values.update(parsed)  # front matter wins over sources.yaml
    published = values.get("published")
    if published is not None and not isinstance(published, date):
        parsed_date = _as_date(published)
        if parsed_date is None:
            yield InputProblem(shown, f"published: {published!r} is not a date (expected YYYY-MM-DD); date ignored")
        published = parsed_date
    elif isinstance(published, datetime):
        published = published.date()
    yield Article(
        id=path.stem,
        path=shown,
        text=text,
        source=_opt_str(values.get("source")),
        published=published,
        title=_opt_str(values.get("title")),
        url=_opt_str(values.get("url")),
    )


def _opt_str(v) -> str | None:
    return None if v is None else str(v)


def _as_date(v) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v).strip()[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser as dateparser

        return dateparser.parse(str(v), default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _parse_front_matter(shown: str, block: str) -> tuple[dict, InputProblem | None]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for the opening ---, +1 for 1-based
        return {}, InputProblem(shown, f"front matter is not valid YAML: {getattr(e, 'problem', e)}", line)
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, InputProblem(shown, "front matter must be a mapping of keys (source, published, url, title)", 2)
    return {k: v for k, v in data.items() if k in _META_KEYS}, None


def read_sources(path: Path) -> _Meta:
    """Per-file metadata from a sources.yaml: ``{file name: {source, published, url, title}}``."""
    if not path.is_file():
        return _Meta({})
    import yaml

    shown = path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return _Meta({}, (InputProblem(shown, "not UTF-8 text: metadata ignored"),))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return _Meta({}, (InputProblem(shown, f"not valid YAML ({getattr(e, 'problem', e)}): metadata ignored",
                                       mark.line + 1 if mark else None),))
    if data is None:
        return _Meta({})
    if not isinstance(data, dict):
        return _Meta({}, (InputProblem(shown, "expected a mapping of file names to metadata: metadata ignored", 1),))
    out, problems = {}, []
    for name, meta in data.items():
        if not isinstance(meta, dict):
            problems.append(InputProblem(shown, f"entry {name!r} must be a mapping (source, published, url, title)",
                                         _line_of(path, str(name))))
            continue
        out[str(name)] = meta
    return _Meta(out, tuple(problems))


def _line_of(path: Path, key: str) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(key):
            return i
    return None


def body_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines that are article text: front matter, furniture and page tails left out."""
    spans: list[tuple[int, int]] = []
    pos = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        pos = fm.end()
    lines = text[pos:].splitlines(keepends=True)
    offsets = []
    for line in lines:
        offsets.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    nav = [bool(_NAV_ITEM.match(text[s:e])) for s, e in offsets]
    for i, (s, e) in enumerate(offsets):
        line = text[s:e]
        if _TAIL_START.match(line):
            break
        if _FURNITURE_LINE.match(line):
            continue
        # a run of two or more short numbered lines is a navigation list
        if nav[i] and ((i > 0 and nav[i - 1]) or (i + 1 < len(nav) and nav[i + 1])):
            continue
        if line.strip():
            spans.append((s, e))
    return spans
