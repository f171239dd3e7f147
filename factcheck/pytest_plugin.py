"""pytest plugin: a newsroom's test suite checks every new article against its archive.

Registered through the ``pytest11`` entry point, so installing factcheck is enough.

- ini option ``factcheck_archive`` (or ``archive`` in ``[tool.factcheck]``): published articles;
- fixture ``factcheck_archive``: the archive's claims, extracted once per session;
- fixture ``factcheck``: a callable, text or path in, a ``CheckResult`` out
  (``.findings``, ``.claims``, ``.conflicts``, ``.to_dict()``, ``.markdown()``);
- ``assert_no_conflicts(result)``: fails with the Markdown of the conflicts;
- ``*.factcheck.yaml`` files are collected as tests: each names an ``article`` and what must
  hold of it: ``expect: no_conflicts`` against the archive, and/or ``claims`` it must contain.
Nothing heavy is imported until a fixture or item is used.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

__all__ = ["CheckResult", "assert_no_conflicts", "ExpectationError"]

_SUFFIX = ".factcheck.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("factcheck_archive", type="paths", default=[],
                  help="published articles (files or folders) that factcheck checks new articles against")


@dataclasses.dataclass
class CheckResult:
    """What factcheck says about one article checked against the archive.

    ``claims`` are the article's own figures; ``findings`` the findings that involve it (each
    quoting the published figures it disagrees with); ``report`` the whole Report, published
    claims included.
    """

    report: Any  # factcheck.model.Report
    exit_code: int = 0
    article: str | None = None  # the checked article's id (its path relative to the rootdir)

    @property
    def findings(self):
        return self.report.findings

    @property
    def claims(self):
        return [c for c in self.report.claims if self.article is None or c.article == self.article]

    @property
    def conflicts(self):
        return self.report.conflicts

    @property
    def suppressed(self):
        return self.report.suppressed

    def to_dict(self) -> dict:
        """Deterministic dict for snapshot tools: the article's claims, findings, suppressed, problems.

        Published claims the findings rest on are listed under "published"; the wide
        ``context`` field is left out.
        """
        from factcheck.formats import claim_dict

        def slim(c):
            d = claim_dict(c)
            d.pop("context", None)
            return d

        mine = self.claims
        ids = {c.id for c in mine}
        return {
            "article": self.article,
            "claims": [slim(c) for c in mine],
            "findings": [f.to_dict() for f in self.report.findings],
            "suppressed": [f.to_dict() for f in self.report.suppressed],
            "published": [slim(c) for c in self.report.claims if c.id not in ids],
            "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in self.report.problems],
        }

    def markdown(self) -> str:
        from factcheck.report import render_markdown

        return render_markdown(self.report)


def _conflicts_markdown(report) -> str:
    from factcheck.model import Report
    from factcheck.report import render_markdown

    whole = getattr(report, "report", report)  # a CheckResult wraps the Report
    return render_markdown(Report(articles=whole.articles, claims=whole.claims, findings=report.conflicts,
                                  rules=whole.rules))


def assert_no_conflicts(result) -> None:
    """Fail with the Markdown of the conflicts, if there are any (a CheckResult or a Report)."""
    __tracebackhide__ = True
    report = getattr(result, "report", result)
    if report.conflicts:
        pytest.fail(f"factcheck found {len(report.conflicts)} conflict(s):\n\n" + _conflicts_markdown(report),
                    pytrace=False)


def _settings(config: pytest.Config) -> tuple[list[Path], list[Path]]:
    """(archive paths, rule folders): the ini option first, else [tool.factcheck] of the closest config file."""
    from factcheck.config import ConfigError, load_config

    try:
        cfg = load_config(Path(str(config.rootpath)))
    except ConfigError as e:
        raise pytest.UsageError(f"factcheck: {e}") from e
    paths = [Path(p) for p in config.getini("factcheck_archive")] or list(cfg.archive)
    return paths, list(cfg.rules)


class _Archive:
    """The archive extracted once: checking an article reuses its claims."""

    def __init__(self, paths: list[Path], root: Path, rules_dirs: list[Path] = ()):
        from factcheck.pipeline import extract
        from factcheck.rules import load_rules

        missing = [p for p in paths if not p.exists()]
        if missing:
            raise pytest.UsageError(f"factcheck_archive: {missing[0]}: no such file or folder")
        self.paths = paths
        self.root = root
        from factcheck.rules import RuleError

        try:
            self.rules = load_rules(list(rules_dirs))
        except RuleError as e:
            raise pytest.UsageError(f"factcheck rules: {e}") from e
        self.extracted = extract([str(p) for p in paths], rules=self.rules)

    def _without(self, path: Path | None):
        """The archive less the checked file itself, when it is one of the published articles."""
        if path is None:
            return self.extracted
        articles, claims, problems, names = self.extracted
        same = {a.id for a in articles if Path(a.path).resolve() == path.resolve()}
        if not same:
            return self.extracted
        return ([a for a in articles if a.id not in same], [c for c in claims if c.article not in same],
                problems, {k: v for k, v in names.items() if k not in same})

    def check(self, target: str | Path, name: str = "article.md", fail_on: str = "error") -> CheckResult:
        """Check an article (a path, or its text) against the archive."""
        import dataclasses as dc

        from factcheck.draft import check_draft
        from factcheck.load import load_draft

        path = None
        if isinstance(target, Path) or ("\n" not in target and len(target) < 4096 and Path(target).is_file()):
            path = Path(target)
            loaded, problems = load_draft(path)
        else:
            loaded, problems = load_draft(Path(name), text=str(target))
        drafts = [loaded] if loaded is not None else []
        if not drafts:
            raise ExpectationError("; ".join(str(i) for i in problems) or f"{target}: nothing to check")
        draft = drafts[0]
        if path is not None:  # ids and paths relative to the rootdir: the same on every machine
            try:
                shown = path.resolve().relative_to(self.root.resolve()).as_posix()
                draft = dc.replace(draft, path=shown, id=shown)
            except ValueError:
                pass
        report, code = check_draft(draft, [], rules=self.rules, fail_on=fail_on, archive=self._without(path))
        return CheckResult(report=report, exit_code=code, article=draft.path)


_ARCHIVE_KEY = pytest.StashKey[_Archive]()


def _get_archive(config: pytest.Config) -> _Archive:
    if _ARCHIVE_KEY not in config.stash:
        paths, rules_dirs = _settings(config)
        config.stash[_ARCHIVE_KEY] = _Archive(paths, Path(str(config.rootpath)), rules_dirs)
    return config.stash[_ARCHIVE_KEY]


@pytest.fixture(scope="session")
def factcheck_archive(pytestconfig: pytest.Config):
    """The archive's claims (a factcheck Report without findings), extracted once per session."""
    from factcheck.model import Report

    articles, claims, problems, _ = _get_archive(pytestconfig).extracted
    return Report(articles=articles, claims=claims, problems=problems)


@pytest.fixture
def factcheck(pytestconfig: pytest.Config):
    """Check an article (text, or a path) against the archive: ``factcheck("...").conflicts``."""
    archive = _get_archive(pytestconfig)
    return archive.check


# ---------------------------------------------------------------- *.factcheck.yaml items
class ExpectationError(Exception):
    """An expectations file that cannot be used; names the file and line."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.name.endswith(_SUFFIX):
        return ExpectationsFile.from_parent(parent, path=file_path)
    return None


_KEYS = {"article", "expect", "claims"}
_CLAIM_KEYS = {"text", "value", "low", "high", "bound", "noun", "unit", "kind"}


def _load_expectations(path: Path) -> dict:
    """The expectations in a *.factcheck.yaml, validated; errors name path:line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except UnicodeDecodeError as e:
        raise ExpectationError(f"{path}: not UTF-8 text") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ExpectationError(f"{where}: not valid YAML: {getattr(e, 'problem', e)}") from e
    if root is None or not isinstance(root, yaml.MappingNode):
        raise ExpectationError(f"{path}:1: expected a mapping with 'article' and 'expect' and/or 'claims'")
    data = yaml.safe_load(text)
    lines = {k.value: k.start_mark.line + 1 for k, _ in root.value}
    for key in data:
        if key not in _KEYS:
            raise ExpectationError(f"{path}:{lines.get(key, 1)}: unknown key '{key}' (expected one of: {', '.join(sorted(_KEYS))})")
    if not isinstance(data.get("article"), str):
        raise ExpectationError(f"{path}:{lines.get('article', 1)}: 'article' must name the article file (relative to this file)")
    if "expect" not in data and "claims" not in data:
        raise ExpectationError(f"{path}:1: nothing to check: give 'expect: no_conflicts' and/or 'claims'")
    if "expect" in data and data["expect"] not in ("no_conflicts", "conflicts"):
        raise ExpectationError(f"{path}:{lines['expect']}: 'expect' must be no_conflicts or conflicts, not {data['expect']!r}")
    claims = data.get("claims", [])
    if not isinstance(claims, list):
        raise ExpectationError(f"{path}:{lines.get('claims', 1)}: 'claims' must be a list of {{text, value, noun, ...}}")
    claim_nodes = next((v for k, v in root.value if k.value == "claims"), None)
    for n, want in enumerate(claims):
        line = claim_nodes.value[n].start_mark.line + 1 if claim_nodes is not None else 1
        if not isinstance(want, dict) or not want:
            raise ExpectationError(f"{path}:{line}: each claim must be a mapping such as {{text: '17-nation', value: 17}}")
        unknown = set(want) - _CLAIM_KEYS
        if unknown:
            raise ExpectationError(f"{path}:{line}: unknown claim key '{sorted(unknown)[0]}' (expected: {', '.join(sorted(_CLAIM_KEYS))})")
        for key, value in want.items():
            numeric = key in ("value", "low", "high")
            ok = (value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))) if numeric \
                else isinstance(value, str)
            if not ok:
                kind = "a number (or null)" if numeric else "a string"
                raise ExpectationError(f"{path}:{line}: claim '{key}' must be {kind}, not {value!r}")
        want["_line"] = line
    article = (path.parent / data["article"])
    if not article.is_file():
        raise ExpectationError(f"{path}:{lines['article']}: article not found: {data['article']}")
    data["article_path"] = article
    return data


class ExpectationsFile(pytest.File):
    def collect(self):
        try:
            data = _load_expectations(Path(self.path))
        except ExpectationError as e:
            raise self.CollectError(str(e)) from e
        yield ExpectationsItem.from_parent(self, name=data["article"], data=data)


class ExpectationFailed(Exception):
    """What the article did not meet, in words."""


class ExpectationsItem(pytest.Item):
    def __init__(self, *, data: dict, **kwargs):
        super().__init__(**kwargs)
        self.data = data

    def runtest(self) -> None:
        result = _get_archive(self.config).check(self.data["article_path"])
        problems: list[str] = []
        expect = self.data.get("expect")
        if expect == "no_conflicts" and result.conflicts:
            problems.append(f"{len(result.conflicts)} conflict(s) with the archive:\n\n"
                            + _conflicts_markdown(result.report))
        if expect == "conflicts" and not result.conflicts:
            problems.append("expected a conflict with the archive, found none")
        mine = result.claims
        for want in self.data.get("claims", []):
            if not any(_matches(c, want) for c in mine):
                shown = {k: v for k, v in want.items() if k != "_line"}
                found = ", ".join(f'"{c.text}" ({c.value:g} {c.noun or c.unit or ""})'.strip() for c in mine if c.value is not None)
                problems.append(f"line {want['_line']}: no claim matches {shown}; found: {found or 'none'}")
        if problems:
            raise ExpectationFailed("\n".join(problems))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ExpectationFailed):
            return f"{self.path}: {self.data['article']}:\n{excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, 0, f"factcheck: {self.data['article']}"


def _matches(c, want: dict) -> bool:
    for key, value in want.items():
        if key == "_line":
            continue
        have = getattr(c, key)
        if key in ("value", "low", "high"):
            if have is None or value is None:
                if have is not value:
                    return False
            elif abs(float(have) - float(value)) > 1e-6 * max(1.0, abs(float(value))):
                return False
        elif key == "text":
            if str(value).lower() not in (have or "").lower():
                return False
        elif str(have) != str(value):
            return False
    return True
