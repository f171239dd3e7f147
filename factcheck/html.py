"""HTML pages as articles: the article text and metadata found by trafilatura, at their places in the file.

trafilatura (a maintained extractor for news pages) decides what is article text and
reads the metadata (title, site name, date, canonical url); menus, related links,
comments and footers are left out. Its text is normalised, so each extracted paragraph
is found again in the page's own text (the text of the HTML source, tags and scripts
left out, entities decoded, each character knowing its offset in the file). The
Article's text is then the file's text with everything but those paragraphs blanked
out, newlines kept: claim offsets, lines and columns point into the HTML file. A
paragraph ends with a carriage return where a tag stood, so paragraphs that share a
source line are still read apart (line numbers count only newlines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from factcheck.limits import InputWarning
from factcheck.model import Article, InputProblem

__all__ = ["html_article", "extract_page", "place_paragraphs", "MAX_HTML_CHARS", "PAGE_MARK", "PARAGRAPH_END"]

#: First character of a page's article text: its paragraphs end at PARAGRAPH_END and may span lines.
PAGE_MARK = "\x1f"
#: Where a paragraph of a page ends (a carriage return is no new line for line numbers).
PARAGRAPH_END = "\r"

MAX_HTML_CHARS = 20 * 1024 * 1024
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
          "article", "section", "header", "footer", "nav", "aside", "blockquote", "figure", "figcaption", "main",
          "dd", "dt", "dl", "hr", "pre", "form", "body", "html"}
_WS = re.compile(r"\s+")


class _Text(HTMLParser):
    """The visible text of a page, whitespace collapsed, with each character's offset in the source."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _add(self, text: str, start: int, one_offset: bool = False) -> None:
        if self.skip:
            return
        for i, ch in enumerate(text):
            if ch.isspace():
                if not self.chars or self.chars[-1] == " ":
                    continue
                ch = " "
            self.chars.append(ch)
            self.offsets.append(start if one_offset else start + i)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self._add(" ", self._pos())

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._add(" ", self._pos())

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self._add(" ", self._pos())

    def handle_data(self, data):
        self._add(data, self._pos())

    def handle_entityref(self, name):
        from html import unescape

        self._add(unescape(f"&{name};"), self._pos(), one_offset=True)

    def handle_charref(self, name):
        from html import unescape

        self._add(unescape(f"&#{name};"), self._pos(), one_offset=True)


def extract_page(source: str, url: str | None = None) -> tuple[str | None, dict]:
    """(article text or None, metadata {title, source, published, url}) as trafilatura reads the page."""
    import trafilatura

    doc = trafilatura.bare_extraction(source, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True, deduplicate=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        return None, {}
    meta = {"title": doc.title, "source": doc.sitename or doc.hostname, "published": doc.date, "url": doc.url or url}
    return doc.text or None, {k: v for k, v in meta.items() if v}


def html_article(path: Path, source: str, meta: dict, url: str | None = None) -> Iterator[Article | InputProblem]:
    """One HTML page as an Article whose text is the page's, blanked but for the article paragraphs."""
    from factcheck.load import text_article

    shown = path.as_posix()
    if len(source) > MAX_HTML_CHARS:
        yield InputProblem(shown, f"a page of {len(source):,} characters, more than the {MAX_HTML_CHARS:,} read: skipped")
        return
    try:
        text, page_meta = extract_page(source, url)
    except Exception as e:  # noqa: BLE001 - a page the extractor cannot read is one bad input, never a crash
        yield InputProblem(shown, f"cannot read this page as HTML ({type(e).__name__}: {e}): skipped")
        return
    if not text:
        yield InputProblem(shown, "no article text found in this page: skipped")
        return
    masked, missing = place_paragraphs(source, text)
    if missing:
        yield InputWarning(shown, f"{missing} paragraph(s) of the extracted article could not be placed in the page: not read")
    values = {**page_meta, **meta}  # sources.yaml wins over the page's own metadata
    yield from text_article(path, masked, values)


def place_paragraphs(source: str, text: str) -> tuple[str, int]:
    """The source with every character blanked (newlines kept) except the paragraphs of ``text``; and how many were not found."""
    parser = _Text(source)
    parser.feed(source)
    parser.close()
    visible, offsets = "".join(parser.chars), parser.offsets
    out = [ch if ch == "\n" else " " for ch in source]
    cursor, missing = 0, 0
    for para in text.split("\n"):
        para = _WS.sub(" ", para).strip()
        if not para:
            continue
        at = visible.find(para, cursor)
        if at < 0:
            at = visible.find(para)
        if at < 0 and para.startswith("- "):
            para = para[2:]
            at = visible.find(para, cursor)
        if at < 0:
            missing += 1
            continue
        for k in range(at, at + len(para)):
            pos = offsets[k]
            if out[pos] != "\n" and source[pos] != "\n":
                out[pos] = visible[k]
        end = offsets[at + len(para) - 1] + 1
        while end < len(source) and source[end].isspace():
            end += 1
        if end < len(source) and source[end] == "<":
            out[end] = PARAGRAPH_END  # a paragraph break that is no line break
        cursor = at + len(para)
    if out and out[0] == " ":
        out[0] = PAGE_MARK  # body_spans: read paragraphs between PARAGRAPH_END marks, not lines
    return "".join(out), missing
