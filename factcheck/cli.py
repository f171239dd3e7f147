"""The ``factcheck`` command: extract, report, draft.

Conventions follow ruff: ``--format``, ``-o FILE``, ``--exit-zero``, ``--config`` and
``--isolated``; settings in ``[tool.factcheck]`` of the closest pyproject.toml (or a
factcheck.toml). Exit codes: 0 clean, 1 findings, 2 usage or input error. Input
problems are printed to stderr naming the file (and line) and never hide the output
for the other files. Everything heavy is imported inside the command that needs it,
so ``factcheck --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
REPORT_FORMATS = ("markdown", "json", "line", "github", "sarif", "html")
EXTRACT_FORMATS = ("csv", "json", "markdown")


class UsageError(Exception):
    """A problem with how factcheck was called or configured: exit code 2."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--rules", metavar="DIR", action="append", default=[],
                   help="a folder of YAML rules that extend the default pack (repeatable)")
    p.add_argument("--config", metavar="FILE", help="read settings from FILE instead of the closest pyproject.toml/factcheck.toml")
    p.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    p.add_argument("--date-order", choices=("DMY", "MDY", "YMD"), default=None,
                   help="how numeric dates such as 04/03/2024 are read (default: refused when ambiguous)")


def _checking(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=REPORT_FORMATS, default=None, help="output format (default: markdown)")
    p.add_argument("--fail-on", choices=("error", "warning"), default=None,
                   help="lowest finding severity that gives exit code 1 (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar on standard error")


def _fetching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--save", metavar="DIR", default=None,
                   help="keep every page fetched from a URL in DIR (with its url in DIR/sources.yaml), to re-run offline")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find the figures in news articles, work out what they count, and report where sources disagree.",
        epilog="Exit codes: 0 clean, 1 findings, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="print the table of numeric claims found in articles",
                        description="Print every numeric claim found in the articles, one row each.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.txt, .md)")
    ex.add_argument("--format", choices=EXTRACT_FORMATS, default=None, help="output format (default: csv)")
    _common(ex)

    rep = sub.add_parser("report", help="report where sources disagree (Markdown by default)",
                         description="Compare the claims of all articles and report conflicts, tensions and what was not compared.")
    rep.add_argument("paths", nargs="*", metavar="PATH",
                     help="article files, folders or http(s) URLs (default: archive from config)")
    _checking(rep)
    _fetching(rep)
    _common(rep)

    dr = sub.add_parser("draft", help="check drafts against published articles before publication",
                        description="Report only findings that involve the drafts, pointing at their lines.")
    dr.add_argument("drafts", nargs="+", metavar="DRAFT", help="draft files, or - for standard input")
    dr.add_argument("--against", action="append", metavar="PATH", default=None,
                    help="published articles, a file, folder or URL (repeatable; default: archive from config)")
    dr.add_argument("--stdin-filename", metavar="NAME", default=None, help="the draft's name when it is read from standard input")
    _checking(dr)
    _fetching(dr)
    _common(dr)

    su = sub.add_parser("subjects", help="list every subject of the articles with its timeline of figures",
                        description="Every subject (one figure of a story: measure, population, place, event) with all "
                                    "its figures in time order and its verdict.")
    su.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: archive from config)")
    su.add_argument("--format", choices=("markdown", "json", "csv"), default="markdown", help="output format (default: markdown)")
    su.add_argument("-q", "--quiet", action="store_true", help="no progress bar on standard error")
    _common(su)
    for p in (rep, dr):
        p.add_argument("--index", metavar="PATH", default=None,
                       help="the claims index folder to use when it holds this archive (default: .factcheck beside the configuration)")
    _index_parser(sub)
    return parser


def _index_parser(sub) -> None:
    ix = sub.add_parser("index", help="write the claims of an archive to an on-disk index (re-extracts only what changed)",
                        description="Extract the claims of an archive into a claims index that report and draft then read.")
    ix.add_argument("paths", nargs="*", metavar="ARCHIVE", help="article files or folders (default: archive from config)")
    ix.add_argument("--index", metavar="PATH", default=None, help="index folder (default: .factcheck beside the configuration)")
    ix.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="extract in N processes (default: 1)")
    ix.add_argument("--dask", metavar="ADDRESS", default=None, help="extract on the Dask scheduler at ADDRESS")
    ix.add_argument("--quiet", "-q", action="store_true", help="no progress on standard error")
    ix.add_argument("--rules", metavar="DIR", action="append", default=[],
                    help="a folder of YAML rules that extend the default pack (repeatable)")
    ix.add_argument("--config", metavar="FILE", help="read settings from FILE instead of the closest pyproject.toml/factcheck.toml")
    ix.add_argument("--isolated", action="store_true", help="ignore all configuration files")


def _version() -> str:
    from factcheck import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    import contextvars

    from factcheck import limits

    parser = build_parser()
    args = parser.parse_args(argv)
    limits.set_progress(limits.stderr_sink)  # only articles of 2 MB or more report progress
    try:
        command = {"extract": _cmd_extract, "report": _cmd_report, "draft": _cmd_draft,
                   "subjects": _cmd_subjects, "index": _cmd_index}[args.command]
        return contextvars.copy_context().run(command, args)  # settings such as date_order stay in this run
    except UsageError as e:
        print(f"factcheck: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


def _settings(args):
    """The configuration in force, with command-line options winning over it."""
    from factcheck.config import ConfigError, load_config

    try:
        cfg = load_config(Path.cwd(), explicit=Path(args.config) if args.config else None, isolated=args.isolated)
    except ConfigError as e:
        raise UsageError(str(e)) from e
    from factcheck.load import set_date_order

    set_date_order(getattr(args, "date_order", None) or cfg.date_order)
    if getattr(args, "save", None):
        from factcheck.fetch import SAVE_DIR

        SAVE_DIR.set(Path(args.save))
    return cfg


def _cfg(cfg, name: str, default=None):
    value = getattr(cfg, name, None)
    return default if value in (None, [], ()) else value


def _rules(args, cfg):
    from factcheck.rules import RuleError, load_rules

    dirs = [Path(d) for d in args.rules] + [Path(d) for d in _cfg(cfg, "rules", [])]
    for d in dirs:
        if not _exists(str(d)) or not d.is_dir():
            raise UsageError(f"{d}: rules folder not found")
    try:
        return load_rules(dirs)
    except RuleError as e:
        raise UsageError(str(e)) from e


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise UsageError(f"{output}: cannot write: {e.strerror or e}") from e
    else:
        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
        stream.write(text)
        stream.flush()


def _show(text: str, fmt: str, args) -> None:
    """Write a report; verdicts in colour when standard output is a terminal (and NO_COLOR is unset)."""
    from factcheck.terminal import PLAIN_FORMATS, paint, wants_colour

    if not args.output and fmt not in PLAIN_FORMATS and wants_colour(sys.stdout):
        text = paint(text)
    _emit(text, args.output)


def _print_problems(problems) -> None:
    for p in problems:
        print(f"{p}", file=sys.stderr)


def _errors(problems) -> list:
    """The input errors among the problems (warnings do not change the exit code)."""
    from factcheck.limits import InputWarning

    return [p for p in problems if not isinstance(p, InputWarning)]


def _exit_code(report, args, fail_on: str) -> int:
    if _errors(report.problems):
        return EXIT_INPUT
    if args.exit_zero:
        return EXIT_CLEAN
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    return EXIT_FINDINGS if any(f.severity in levels for f in report.findings) else EXIT_CLEAN


def _cmd_extract(args) -> int:
    from factcheck.formats import render_claims
    from factcheck.model import Report
    from factcheck.pipeline import extract

    cfg = _settings(args)
    rules = _rules(args, cfg)
    articles, claims, problems, _ = extract(args.paths, rules=rules)
    report = Report(articles=articles, claims=claims, problems=problems)
    _emit(render_claims(report, args.format or "csv"), args.output)
    _print_problems(problems)
    return EXIT_INPUT if _errors(problems) else EXIT_CLEAN


def _cmd_report(args) -> int:
    from factcheck.formats import render
    from factcheck.pipeline import run

    cfg = _settings(args)
    paths = args.paths or [str(p) for p in _cfg(cfg, "archive", [])]
    if not paths:
        raise UsageError("no articles given (pass PATH..., or set archive in [tool.factcheck])")
    rules = _rules(args, cfg)
    from factcheck.terminal import with_progress

    report = _report_from_index(args, cfg, paths, rules)
    if report is None:
        report = run(with_progress(paths, quiet=args.quiet), rules=rules)
    fmt = args.format or _cfg(cfg, "format", "markdown")
    _show(render(report, fmt), fmt, args)
    _print_problems(report.problems)
    return _exit_code(report, args, args.fail_on or _cfg(cfg, "fail_on", "error"))


def _cmd_draft(args) -> int:
    from factcheck.draft import check_drafts
    from factcheck.formats import render
    from factcheck.load import load_draft

    cfg = _settings(args)
    against = args.against or [str(p) for p in _cfg(cfg, "archive", [])]
    if not against:
        raise UsageError("nothing to check the drafts against (pass --against PATH, or set archive in [tool.factcheck])")
    for p in against:
        if not _exists(p) and not p.lower().startswith(("http://", "https://")):
            raise UsageError(f"{p}: no such file or folder (given to --against)")
    drafts, problems = [], []
    for given in args.drafts:
        if given == "-":
            name = args.stdin_filename or "<stdin>"
            data = sys.stdin.buffer.read()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as e:
                raise UsageError(f"{name}: standard input is not UTF-8 text (byte offset {e.start})") from e
            draft, found = load_draft(Path(name), text=text)
        else:
            path = Path(given)
            if not _exists(given, file=True):
                raise UsageError(f"{path}: draft not found")
            draft, found = load_draft(path)
        drafts += [draft] if draft is not None else []
        problems += found
    if not drafts:
        _print_problems(problems)
        return EXIT_INPUT
    fail_on = args.fail_on or _cfg(cfg, "fail_on", "error")
    rules = _rules(args, cfg)
    report, code = check_drafts(drafts, against, fail_on=fail_on, rules=rules, index=_draft_index(args, cfg, against))
    report.problems[:0] = problems
    fmt = args.format or _cfg(cfg, "format", "markdown")
    _show(render(report, fmt), fmt, args)
    _print_problems(report.problems)
    if _errors(report.problems):
        return EXIT_INPUT
    return EXIT_CLEAN if args.exit_zero else code


def _cmd_subjects(args) -> int:
    from factcheck.pipeline import run
    from factcheck.subject_formats import render_subjects
    from factcheck.terminal import with_progress

    cfg = _settings(args)
    paths = args.paths or [str(p) for p in _cfg(cfg, "archive", [])]
    if not paths:
        raise UsageError("no articles given (pass PATH..., or set archive in [tool.factcheck])")
    report = run(with_progress(paths, quiet=args.quiet), rules=_rules(args, cfg))
    _show(render_subjects(report, args.format), args.format, args)
    _print_problems(report.problems)
    return EXIT_INPUT if report.problems else EXIT_CLEAN


# ---------------------------------------------------------------- the claims index (factcheck.index)
def _rules_dirs(args, cfg) -> list[str]:
    return [str(d) for d in list(args.rules) + list(_cfg(cfg, "rules", []))]


def _index_location(args, cfg) -> Path:
    from factcheck.index import index_path

    base = cfg.source.resolve().parent if getattr(cfg, "source", None) else Path.cwd()
    return index_path(args.index or _cfg(cfg, "index"), base)


def _build_index(paths, location, dirs, jobs=1, dask=None, quiet=False):
    from factcheck.index import IndexFileError, build

    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    try:
        return build(paths, location, dirs, jobs=jobs, dask=dask, progress=None if quiet else sys.stderr)
    except IndexFileError as e:
        raise UsageError(str(e)) from e
    except OSError as e:
        raise UsageError(f"{location}: cannot write the claims index: {e.strerror or e}") from e


def _cmd_index(args) -> int:
    cfg = _settings(args)
    paths = args.paths or [str(p) for p in _cfg(cfg, "archive", [])]
    if not paths:
        raise UsageError("no articles given (pass ARCHIVE..., or set archive in [tool.factcheck])")
    dirs = _rules_dirs(args, cfg)
    _rules(args, cfg)  # a bad rule folder is a usage error before any work
    location = _index_location(args, cfg)
    stats = _build_index(paths, location, dirs, jobs=args.jobs, dask=args.dask or _cfg(cfg, "dask"), quiet=args.quiet)
    why = f" (rebuilt: {stats.rebuilt})" if stats.rebuilt and stats.rebuilt != "new index" else ""
    print(f"factcheck: claims index {location}: {stats.articles:,} articles, {stats.extracted:,} extracted, "
          f"{stats.removed:,} removed{why}", file=sys.stderr)
    _print_problems(stats.problems)
    return EXIT_INPUT if stats.problems else EXIT_CLEAN


def _report_from_index(args, cfg, paths, rules):
    """The report from the claims index when one exists for this archive (brought up to date first), else None."""
    from factcheck.index import Index, open_index
    from factcheck.pipeline import judge

    location = _index_location(args, cfg)
    dirs = _rules_dirs(args, cfg)
    idx, why = open_index(location, paths, dirs)
    if idx is None:
        return None
    idx.close()
    stats = _build_index(paths, location, dirs, quiet=True)
    note = "rebuilt for the current rules" if why == "stale" else f"{stats.extracted:,} re-extracted"
    print(f"factcheck: using the claims index {location} ({stats.articles:,} articles, {note})", file=sys.stderr)
    idx = Index(location)
    try:
        return judge(*idx.archive(), rules)
    finally:
        idx.close()


def _draft_index(args, cfg, against):
    """The claims index of the archive ``against`` when one exists and fits the rules, else None (with a note)."""
    from factcheck.index import open_index

    location = _index_location(args, cfg)
    idx, why = open_index(location, against, _rules_dirs(args, cfg))
    if idx is not None and why == "stale":
        print(f"factcheck: the claims index {location} was built with other rules or another factcheck: "
              "reading the archive instead (run factcheck index to rebuild it)", file=sys.stderr)
        idx.close()
        return None
    if idx is not None:
        idx.use_gazetteer()
        print(f"factcheck: using the claims index {location} ({idx.count():,} articles, as of its last "
              "factcheck index or report)", file=sys.stderr)
    return idx


def _exists(path: str, file: bool = False) -> bool:
    """Whether a path given on the command line is there (a path the OS cannot even look up is not)."""
    try:
        return Path(path).is_file() if file else Path(path).exists()
    except (OSError, ValueError):
        return False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
