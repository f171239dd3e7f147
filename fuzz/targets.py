"""The fuzzed entry points, shared by the atheris harness (fuzz/run.py) and the hypothesis properties.

Each takes bytes and must never raise: bad input becomes an InputProblem (loader) or a
RuleError (rule loader); the quantity parser and claim extraction take any text.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

_WORK = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
atexit.register(shutil.rmtree, _WORK, True)
SUFFIXES = (".md", ".txt", ".html")


def load_target(data: bytes) -> None:
    """The article loader on a file with these bytes (its suffix chosen by the first byte), then claim extraction."""
    from factcheck.claims import extract_claims
    from factcheck.load import load_articles
    from factcheck.model import Article, InputProblem

    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".md"
    path = _WORK / f"article{suffix}"
    path.write_bytes(data[1:])
    articles, problems = load_articles([path])
    for p in problems:
        assert isinstance(p, InputProblem) and p.path and p.message
    for a in articles:
        assert isinstance(a, Article)
        for c in extract_claims(a):
            assert 0 <= c.start <= c.end <= len(a.text) and c.line >= 1 and c.column >= 1


def quantities_target(data: bytes) -> None:
    """The quantity parser on any text; every quantity's offsets and interval make sense."""
    from factcheck.quantities import extract_quantities

    text = data.decode("utf-8", errors="replace")
    for q in extract_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.low is None or q.high is None or q.low <= q.high or q.low != q.low  # NaN never, but tell the case


def rules_target(data: bytes) -> None:
    """The rule loader on one file's text: a RuleSet or a RuleError, nothing else."""
    from factcheck.rules import RuleError, _read_layer

    text = data.decode("utf-8", errors="replace")
    try:
        _read_layer([("fuzz.yaml", text)])
    except RuleError as e:
        assert e.path == "fuzz.yaml" and e.line >= 1


TARGETS = {"load": load_target, "quantities": quantities_target, "rules": rules_target}
