"""The pipeline, in one direction: load -> extract claims -> classify by rules -> compare -> Report.

Each article is loaded, read and classified on its own (a pure function of one
article), and its text is dropped once its claims are out, so memory grows with
the number of claims, not with the size of the texts. Only the comparison sees the
whole claims table. Drafts (factcheck draft) keep their text: suppression comments
are read from it.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

from factcheck.model import Article, Claim, InputProblem, Report

__all__ = ["extract", "run", "judge", "claims_frame", "articles_frame", "ArticleTable"]


def extract(paths: Iterable[str], rules=None, keep_text: bool = False, extra: Sequence[Article] = (),
            jobs: int | None = None) -> tuple[list[Article], list[Claim], list[InputProblem], dict[str, tuple[str, ...]]]:
    """Articles, claims (classified when ``rules`` is given), input problems and each article's proper names.

    A long archive is read by ``jobs`` processes (default: the processors available;
    ``parallel.classified``), with the same result as one: this process walks the folders
    (``load.iter_inputs``), the workers read the files and their claims.
    """
    from factcheck.load import iter_inputs
    from factcheck.parallel import classified

    articles: list[Article] = []
    claims: list[Claim] = []
    problems: list[InputProblem] = []
    names: dict[str, tuple[str, ...]] = {}
    draft_ids = {d.id for d in extra}
    stream = itertools.chain(classified(extra, rules, jobs=1),
                             classified(iter_inputs(paths), rules, jobs=jobs, keep_text=keep_text))
    for item, found, item_names in stream:  # one article's text in memory at a time (a few per worker)
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        claims.extend(found)
        names[item.id] = item_names
        keep = keep_text or item.id in draft_ids or not item.text  # drafts keep their text: suppression comments
        articles.append(item if keep else dataclasses.replace(item, text=""))  # are read from it
    return articles, claims, problems, names


def claims_frame(claims: Sequence[Claim]):
    """The claims table: one row per claim, one column per Claim field."""
    import pandas as pd

    from factcheck.model import CLAIM_FIELDS

    return pd.DataFrame([dataclasses.asdict(c) for c in claims], columns=list(CLAIM_FIELDS))


def articles_frame(articles: Sequence[Article], names: dict[str, tuple[str, ...]], drafts: frozenset[str] = frozenset()):
    """One row per article: id, path, source, published, title, names (its most-mentioned proper names), draft."""
    import pandas as pd

    rows = [{"id": a.id, "path": a.path, "source": a.source, "published": a.published, "title": a.title,
             "names": names.get(a.id, ()), "draft": a.id in drafts} for a in articles]
    return pd.DataFrame(rows, columns=["id", "path", "source", "published", "title", "names", "draft"])


class ArticleTable:
    """The rows of ``articles_frame`` without pandas, as ``compare_claims`` reads them (columns, itertuples).

    Importing pandas costs a draft check about 0.3 s of its one second; the claims go to
    ``compare_claims`` as the list they are, the articles as this table.
    """

    columns = ("id", "path", "source", "published", "title", "names", "draft")

    def __init__(self, rows: list[tuple]):
        self.rows = rows

    @classmethod
    def of(cls, articles: Sequence[Article], names: dict[str, tuple[str, ...]], drafts: frozenset[str] = frozenset()):
        return cls([(a.id, a.path, a.source, a.published, a.title, names.get(a.id, ()), a.id in drafts) for a in articles])

    def __len__(self) -> int:
        return len(self.rows)

    def itertuples(self, index: bool = False, name: str = "Row"):
        row = collections.namedtuple(name, self.columns)
        return (row(*r) for r in self.rows)


def run(paths: Iterable[str], rules_dirs: Sequence[Path] = (), drafts: Sequence[Article] = (), rules=None,
        archive=None) -> Report:
    """Everything for a report: claims of all articles, classified and compared under the rules.

    ``archive`` is a previous ``extract`` result to reuse (the pytest plugin extracts its
    archive once and checks many articles against it).
    """
    from factcheck.rules import load_rules

    if rules is None:
        rules = load_rules(rules_dirs)
    articles, claims, problems, names = extract(paths, rules=rules, extra=drafts)
    return judge(articles, claims, problems, names, rules, drafts, archive)


def judge(articles: list[Article], claims: list[Claim], problems: list[InputProblem], names: dict[str, tuple[str, ...]],
          rules, drafts: Sequence[Article] = (), archive=None) -> Report:
    """The Report on extracted claims (from ``extract``, or read back from the claims index)."""
    from factcheck.compare import compare_claims

    if archive is not None:
        a_articles, a_claims, a_problems, a_names = archive
        articles, claims, problems = articles + list(a_articles), claims + list(a_claims), problems + list(a_problems)
        names = {**a_names, **names}
    draft_ids = frozenset(d.id for d in drafts)
    table = ArticleTable.of(articles, names, draft_ids)
    findings, subjects = compare_claims(list(claims), rules, table, with_subjects=True) if claims else ([], [])
    return Report(articles=articles, claims=claims, findings=findings, problems=problems, rules=rules,
                  subjects=subjects)
