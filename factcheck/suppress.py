"""Inline suppression: an editor who has checked a figure silences it in the draft itself.

``<!-- factcheck: ignore -->`` on a line silences every finding whose draft claim sits
on that line; ``<!-- factcheck: ignore=deaths,group_size -->`` only those rules.
Suppressed findings are not lost: the JSON output lists them under "suppressed".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.model import Claim, Finding

__all__ = ["ignored_lines", "split_suppressed"]

_IGNORE = re.compile(r"<!--\s*factcheck:\s*ignore(?:\s*=\s*(?P<rules>[\w\-, ]+?))?\s*-->", re.IGNORECASE)


def ignored_lines(text: str) -> dict[int, frozenset[str] | None]:
    """Line number -> rule ids silenced there (None: all rules)."""
    out: dict[int, frozenset[str] | None] = {}
    for n, line in enumerate(text.split("\n"), 1):
        for m in _IGNORE.finditer(line):
            if m.group("rules") is None:
                out[n] = None
            elif out.get(n, frozenset()) is not None:
                rules = frozenset(r.strip() for r in m.group("rules").split(",") if r.strip())
                out[n] = (out.get(n) or frozenset()) | rules
    return out


def split_suppressed(findings: Iterable[Finding], claims_by_id: dict[str, Claim],
                     article_texts: dict[str, str]) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): a finding is suppressed when one of its claims sits on an ignore line for its rule.

    Only the articles in ``article_texts`` are read for comments (the draft: an editor
    cannot silence a finding from a published article). ``ignore=X`` matches the rule id or
    the kind. Order is kept in both lists.
    """
    ignores = {aid: ignored_lines(text) for aid, text in article_texts.items() if text}
    kept, suppressed = [], []
    for f in findings:
        silenced = False
        for cid in f.claims:
            c = claims_by_id.get(cid)
            if c is None or c.article not in ignores:
                continue
            for line in range(c.line, c.line + c.text.count("\n") + 1):  # every line the figure spans
                rules = ignores[c.article].get(line, frozenset())
                if rules is None or f.rule in rules or f.kind in rules:
                    silenced = True
                    break
            if silenced:
                break
        (suppressed if silenced else kept).append(f)
    return kept, suppressed
