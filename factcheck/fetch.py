"""Articles from URLs: fetched with a timeout, a size limit and few redirects; optionally saved for offline runs.

A URL that fails (unreachable, an HTTP error, too large, too many redirects, not text)
is one InputProblem naming it; the other inputs are still reported. ``--save DIR``
keeps each fetched page as a file in DIR with its url in DIR/sources.yaml, so
``factcheck report DIR`` gives the same report offline.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from factcheck.model import Article, InputProblem

__all__ = ["is_url", "url_articles", "SAVE_DIR", "TIMEOUT_SECONDS", "MAX_PAGE_BYTES", "MAX_REDIRECTS"]

TIMEOUT_SECONDS = 15.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "factcheck (numeric fact consistency checker)"
#: Where fetched pages are kept (``--save DIR``); None: nowhere.
SAVE_DIR: ContextVar[Path | None] = ContextVar("factcheck_save_dir", default=None)


def is_url(s: str) -> bool:
    return isinstance(s, str) and re.match(r"https?://", s, re.IGNORECASE) is not None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


class FetchError(Exception):
    """A URL that gave no page; the text says why."""


def fetch(url: str) -> tuple[bytes, str, str]:
    """(body, content type, final url). Raises FetchError."""
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain, */*;q=0.1"})
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_PAGE_BYTES:
                raise FetchError(f"the page is {int(length):,} bytes, more than the {MAX_PAGE_BYTES:,} fetched")
            body = response.read(MAX_PAGE_BYTES + 1)
            if len(body) > MAX_PAGE_BYTES:
                raise FetchError(f"the page is more than the {MAX_PAGE_BYTES:,} bytes fetched")
            return body, response.headers.get("Content-Type", ""), response.geturl()
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307, 308):
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        raise FetchError(f"HTTP error {e.code} ({e.reason})") from None
    except urllib.error.URLError as e:
        raise FetchError(f"cannot fetch: {e.reason}") from None
    except (TimeoutError, OSError, ValueError) as e:  # socket timeout, connection reset, a malformed URL
        raise FetchError(f"cannot fetch: {e or type(e).__name__}") from None


def _decode(body: bytes, content_type: str) -> str:
    m = re.search(r"charset=([\w.-]+)", content_type, re.IGNORECASE) or re.search(
        rb"<meta[^>]{0,200}charset=[\"']?([\w.-]+)", body[:4096], re.IGNORECASE)
    charset = m.group(1) if m else "utf-8"
    charset = charset.decode("ascii", "replace") if isinstance(charset, bytes) else charset
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _name(url: str, html: bool) -> str:
    """A file name for a fetched page: its last path segment, with a short hash of the url so names never clash."""
    parts = urlsplit(url)
    stem = Path(parts.path).stem or parts.hostname or "page"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem)[:60].strip("-") or "page"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}{'.html' if html else '.txt'}"


def url_articles(url: str) -> Iterator[Article | InputProblem]:
    """The article at ``url`` (HTML or plain text), or a problem naming the url."""
    from factcheck.html import html_article
    from factcheck.load import text_article

    try:
        body, content_type, final = fetch(url)
    except FetchError as e:
        yield InputProblem(url, str(e))
        return
    kind = content_type.split(";")[0].strip().lower()
    html = kind in ("text/html", "application/xhtml+xml") or (not kind and b"<html" in body[:2048].lower())
    if not html and not kind.startswith("text/"):
        yield InputProblem(url, f"not a web page or text ({kind or 'no content type'}): skipped")
        return
    text = _decode(body, content_type)
    if not text.strip():
        yield InputProblem(url, "empty page: no article text")
        return
    name = _name(url, html)
    save = SAVE_DIR.get()
    if save is not None:
        problem = _save(save, name, body, url)
        if problem:
            yield problem
    page = Path(name)
    meta = {"url": final}
    items = html_article(page, text, {}, url=final) if html else text_article(page, text, meta, article_id=page.stem)
    for item in items:  # named by the url, not the file name it would be saved as
        if isinstance(item, Article):
            item = replace(item, id=page.stem, path=url, url=item.url or final)
        elif isinstance(item, InputProblem) and item.path == page.as_posix():
            item = replace(item, path=url)
        yield item


def _save(folder: Path, name: str, body: bytes, url: str) -> InputProblem | None:
    """Keep the page as folder/name and record its url in folder/sources.yaml."""
    import yaml

    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body)
        index = folder / "sources.yaml"
        entries = {}
        if index.is_file():
            from factcheck.limits import MAX_SOURCES_BYTES
            from factcheck.safeyaml import load

            entries = load(index.read_text(encoding="utf-8"), MAX_SOURCES_BYTES) or {}
        entries[name] = {**(entries.get(name) or {}), "url": url}
        index.write_text(yaml.safe_dump(entries, sort_keys=True, allow_unicode=True), encoding="utf-8")
    except Exception as e:  # noqa: BLE001 - saving is a convenience; the report goes on
        return InputProblem(folder.as_posix(), f"cannot save {url} here: {e}")
    return None
