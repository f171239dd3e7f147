"""Entry point for the pre-commit hook: ``factcheck draft`` on each staged file.

pre-commit passes every staged file at once; ``factcheck draft`` takes one draft, so
this runs it per file and exits with the worst code (2 > 1 > 0). Options, written
with ``=`` (``--against=published/``, ``--fail-on=warning``), go to every run; the
other arguments are the staged files.
"""

from __future__ import annotations

import sys
from factcheck.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options = [a for a in args if a.startswith("-")]
    files = [a for a in args if not a.startswith("-")]
    worst = 0
    for f in files:
        code = cli_main(["draft", f, "--format", "line", *options])
        worst = max(worst, code)
    return worst


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
