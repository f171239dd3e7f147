"""What a person at a terminal sees: verdicts in colour, and a progress bar while many files are read.

Colour only when the stream is a terminal and ``NO_COLOR`` is unset (https://no-color.org),
``TERM`` is not ``dumb``; plain bytes otherwise, so files, pipes and CI logs are unchanged.
The progress bar goes to standard error, only when it is a terminal, the run reads many
files, and ``--quiet`` was not given. Both use rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

__all__ = ["wants_colour", "paint", "with_progress", "expand_paths", "PROGRESS_MIN_FILES", "PLAIN_FORMATS"]

#: Below this many files a run is quick: no progress bar.
PROGRESS_MIN_FILES = 50
#: Formats read by programs, never painted.
PLAIN_FORMATS = ("json", "sarif", "html", "csv", "github")

_STYLES = (
    (r"\b(Conflict|conflicts?|error|contradicts?)\b|✗[^|\n]*", "bold red"),
    (r"\b(Tension|tensions?|warning)\b|~ tension", "yellow"),
    (r"\b([Cc]onsistent|agrees?|compatible)\b|✓", "green"),
    (r"(?m)^#+ .*$", "bold"),
)


def wants_colour(stream: IO | None = None, environ: dict | None = None) -> bool:
    """True when ``stream`` is a terminal, ``NO_COLOR`` is unset (or empty) and ``TERM`` is not dumb."""
    env = os.environ if environ is None else environ
    stream = sys.stdout if stream is None else stream
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str) -> str:
    """``text`` with ANSI colours on verdict words (red conflicts, yellow tensions, green agreement), unwrapped."""
    from rich.console import Console
    from rich.text import Text

    styled = Text(text)
    for pattern, style in _STYLES:
        styled.highlight_regex(pattern, style)
    console = Console(force_terminal=True, color_system="standard", width=1 << 20, no_color=False,
                      highlight=False, emoji=False, markup=False)
    with console.capture() as captured:
        console.print(styled, end="", soft_wrap=True)
    return captured.get()


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Folders replaced by their article files in the order the loader reads them; anything else kept as given.

    A folder with no article file is kept, so the loader still reports it.
    """
    from factcheck.load import ARTICLE_SUFFIXES

    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            out.append(raw)
            continue
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        out += [str(f) for f in files] if files else [raw]
    return out


def with_progress(paths: list[str], quiet: bool = False, stream: IO | None = None,
                  force: bool = False) -> Iterable[str]:
    """``paths`` as given, or (on a terminal, for a run over many files) their files one at a time,
    advancing a progress bar on ``stream`` (standard error) as the loader takes each."""
    stream = sys.stderr if stream is None else stream
    if quiet or not (force or wants_colour(stream, environ={})):  # a bar is not colour: NO_COLOR does not hide it
        return paths
    files = expand_paths(paths)
    if len(files) < PROGRESS_MIN_FILES:
        return paths
    return _tracked(files, stream, force)


def _tracked(files: list[str], stream: IO, force: bool) -> Iterator[str]:
    from rich.console import Console
    from rich.progress import track

    console = Console(file=stream, force_terminal=force or None)
    yield from track(files, description="Reading articles", console=console, transient=True)
