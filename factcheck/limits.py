"""Caps that keep the work on hostile text bounded, and the warnings that say when one applied.

Extraction looks at a sentence once per figure, so its cost grows with figures x sentence
length. ``bounded_sentences`` is what ``claims.extract_claims`` iterates: the sentences of
one paragraph, with an over-long sentence cut into windows at whitespace, the figures of a
sentence capped, and a numeral too large to be a real figure left out of every window (kept
as text). The loader runs the same function with a ``warn`` callback to tell the user,
naming the file and line, and caps the figures of a whole article. All of it is one pass
over the text: linear.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from factcheck.model import InputProblem

__all__ = [
    "InputWarning", "bounded_sentences", "article_figure_cut", "set_progress", "progress",
    "MAX_SENTENCE_CHARS", "MAX_FIGURES_PER_SENTENCE", "MAX_FIGURES_PER_ARTICLE", "MAX_FIGURE_DIGITS",
    "MAX_ARTICLE_BYTES", "MAX_FRONT_MATTER_BYTES", "MAX_SOURCES_BYTES", "MAX_RULE_FILE_BYTES", "MAX_YAML_NODES",
]

#: A sentence longer than this is read in windows of at most this many characters.
MAX_SENTENCE_CHARS = 2_000
#: Paragraphs are handed to the sentence splitter in pieces of at most this many characters.
_PIECE_CHARS = 2_000
#: Figures read in one sentence; the rest of the sentence is kept as text.
MAX_FIGURES_PER_SENTENCE = 100
#: Figures read in one article; the text after the last one read is kept as text.
MAX_FIGURES_PER_ARTICLE = 5_000
#: A numeral with more integer digits than this (10^15 and up) is no real count: kept as text.
MAX_FIGURE_DIGITS = 15
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_SOURCES_BYTES = 4 * 1024 * 1024
MAX_RULE_FILE_BYTES = 4 * 1024 * 1024
#: Nodes a YAML document may expand to, aliases counted at every use ("billion laughs").
MAX_YAML_NODES = 200_000
#: Articles at least this long report their progress (when a progress sink is set).
PROGRESS_MIN_CHARS = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class InputWarning(InputProblem):
    """Something in a file was read differently from how it is written (cut, capped, left out).

    Printed with the problems, naming the file and line, but not an input error: the exit code
    stays the one the findings give. The message starts with "warning: " so every output
    format (JSON, SARIF, Markdown) tells it from an error.
    """

    def __post_init__(self) -> None:
        if not self.message.startswith("warning: "):
            object.__setattr__(self, "message", f"warning: {self.message}")


# Things that may be read as a figure: digit runs and number words (an upper bound of what the parser finds).
_FIGURE_LIKE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?=[otfsenhmbdqzlcOTFSENHMBDQZLC])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|lakhs?|crores?|millions?|billions?|trillions?|dozens?|scores?|half|halves|"
    r"quarters?|thirds?|couple|several|few)\b",
    re.IGNORECASE,
)
# A numeral of more than MAX_FIGURE_DIGITS integer digits, as the parser groups digits.
_HUGE_NUMERAL = re.compile(
    r"\d{1,3}(?:,\d{3}){5,}|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){5,}(?![\d:])|\d{%d,}" % (MAX_FIGURE_DIGITS + 1)
)

_DIGIT_RUN = re.compile(r"[0-9][\d, \u00a0\u202f\u2009]{%d,}" % MAX_FIGURE_DIGITS)

Warn = Callable[[str, int], None]  # (message, offset into the text)


def bounded_sentences(text: str, start: int, end: int, warn: Warn | None = None) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) offsets, each at most MAX_SENTENCE_CHARS long.

    A window of an over-long sentence with no digit and no number word is not handed on
    (parsing it costs time and finds nothing). Figures past MAX_FIGURES_PER_SENTENCE in a sentence and numerals too large to be real
    figures are left out of the windows. ``warn(message, offset)`` hears about each cut.
    """
    from factcheck.claims import split_sentences  # claims imports this module

    if warn is None:  # the extraction pass, not the loader's check
        progress(start, len(text))
    if is_plain(text, start, end):
        yield from split_sentences(text, start, end)  # nothing to cut: the sentences as they are
        return
    state = _Sentence(start)
    for a, b, continued in _pieces(text, start, end):
        for i, (s, e) in enumerate(split_sentences(text, a, b)):
            if i > 0 or not continued:
                state = _Sentence(s)
            yield from _sentence_windows(text, s, e, state, warn)


def is_plain(text: str, start: int, end: int) -> bool:
    """Whether no cap can apply to this paragraph: short, few figures, no huge numeral (one quick look)."""
    return (end - start <= MAX_SENTENCE_CHARS and not _DIGIT_RUN.search(text, start, end)
            and _rough_figures(text, start, end) <= MAX_FIGURES_PER_SENTENCE)


_DIGITS = re.compile(r"[0-9]+")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                 "million", "billion", "trillion", "dozen", "half", "quarter")
_WORD_FORMS = tuple(f for w in _NUMBER_WORDS for f in (w, w.capitalize(), w.upper()))


def _rough_figures(text: str, start: int, end: int) -> int:
    """About as many as _FIGURE_LIKE finds (substrings count too), at C speed.

    Not a bound for every spelling ("oNe"): only used where the work is bounded anyway (a
    paragraph of at most MAX_SENTENCE_CHARS); the article cap counts with _FIGURE_LIKE.
    """
    return len(_DIGITS.findall(text, start, end)) + sum(text.count(w, start, end) for w in _WORD_FORMS)


@dataclass
class _Sentence:
    """One sentence as it is read piece by piece: where it began, figures so far, what was said about it."""

    start: int
    figures: int = 0
    long_warned: bool = False
    capped: bool = False


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """A paragraph cut into pieces of at most _PIECE_CHARS (the splitter's work grows faster than its input).

    Cut at a sentence end when one is near, else at a space; the flag says the piece
    continues the previous one's last sentence.
    """
    continued = False
    while end - start > _PIECE_CHARS:
        limit = start + _PIECE_CHARS
        cut = max(text.rfind(". ", start, limit), text.rfind("? ", start, limit), text.rfind("! ", start, limit))
        at_end = cut > start + _PIECE_CHARS // 2
        if not at_end:
            cut = text.rfind(" ", start + _PIECE_CHARS // 2, limit)
        cut = limit if cut <= start else cut + 1
        yield start, cut, continued
        continued = not at_end
        start = cut
    if start < end:
        yield start, end, continued


def _sentence_windows(text: str, s: int, e: int, state: _Sentence, warn: Warn | None) -> Iterator[tuple[int, int]]:
    if state.capped:
        return
    if not state.long_warned and e - state.start > MAX_SENTENCE_CHARS:
        state.long_warned = True
        if warn:
            warn(f"a sentence longer than {MAX_SENTENCE_CHARS:,} characters is read in windows of that size", state.start)
    windowed = state.long_warned or e - s > MAX_SENTENCE_CHARS
    for ws, we in _windows(text, s, e):
        for hs, he in _huge_numerals(text, ws, we, warn):
            stop, seen = None, 0
            for m in _FIGURE_LIKE.finditer(text, hs, he):
                seen += 1
                state.figures += 1
                if state.figures > MAX_FIGURES_PER_SENTENCE:
                    stop = m.start()
                    break
            if windowed and not seen:
                continue  # a window of an over-long sentence with nothing that reads as a figure: not parsed
            if stop is not None:
                state.capped = True
                if stop > hs:
                    yield hs, stop
                if warn:
                    warn(f"more than {MAX_FIGURES_PER_SENTENCE} figures in one sentence: the rest of it is kept as text", stop)
                return
            yield hs, he


def _windows(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, limit)
        cut = limit if cut <= s else cut
        yield s, cut
        s = cut
    if s < e:
        yield s, e


def _huge_numerals(text: str, s: int, e: int, warn: Warn | None) -> Iterator[tuple[int, int]]:
    """The window with each numeral of more than MAX_FIGURE_DIGITS digits cut out."""
    runs = _DIGIT_RUN.finditer(text, s, e)  # a cheap first look, then the exact grouping
    for m in (m for run in runs for m in _HUGE_NUMERAL.finditer(text, run.start(), run.end())):
        if warn:
            digits = sum(ch.isdigit() for ch in m.group())
            warn(f"a numeral of {digits} digits ('{m.group()[:12]}...') is beyond any real figure: kept as text, not compared",
                 m.start())
        if m.start() > s:
            yield s, m.start()
        s = m.end()
    if s < e:
        yield s, e


def article_figure_cut(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The offset after which an article's figures are past MAX_FIGURES_PER_ARTICLE (end of that line), or None."""
    seen = 0
    for s, e in spans:
        for m in _FIGURE_LIKE.finditer(text, s, e):
            seen += 1
            if seen > MAX_FIGURES_PER_ARTICLE:
                return m.start()
    return None


# ---------------------------------------------------------------- progress on large articles
_sink_holder: list[Callable[[str], None] | None] = [None]
_state = {"name": "", "total": 0, "step": -1}


def set_progress(sink: Callable[[str], None] | None) -> None:
    """Where progress lines go (the command line prints them to stderr); None: nowhere."""
    _sink_holder[0] = sink


def start_progress(name: str, total: int) -> None:
    """A large article is about to be read (called by the loader)."""
    _state.update(name=name, total=total, step=-1)
    if _sink_holder[0] and total >= PROGRESS_MIN_CHARS:
        _sink_holder[0](f"factcheck: reading {name} ({total / 1e6:.0f} MB): this takes a while")


def progress(done: int, total: int) -> None:
    """Report every tenth of a large article read."""
    sink = _sink_holder[0]
    if sink is None or total < PROGRESS_MIN_CHARS:
        return
    step = done * 10 // total
    if step != _state["step"] or _state["total"] != total:
        _state.update(step=step, total=total)
        name = _state["name"] or "article"
        sink(f"factcheck: {name}: {step * 10}% read")


def stderr_sink(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
