"""Run one atheris fuzz target: ``python fuzz/run.py TARGET [libFuzzer options]``.

TARGET is load, quantities or rules (see fuzz/targets.py). The corpus folder
fuzz/corpus/TARGET is used and grown; copy it first if you want to keep the seeds only.
Examples:
    python fuzz/run.py rules -max_total_time=60          # a minute, as CI would
    python fuzz/run.py load -max_total_time=3600 -jobs=2 # an hour on two cores
A crash writes crash-<hash> in the working folder: add it to tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["factcheck"]):
    import factcheck.claims  # noqa: F401
    import factcheck.html  # noqa: F401
    import factcheck.load  # noqa: F401
    import factcheck.quantities  # noqa: F401
    import factcheck.rules  # noqa: F401
    import factcheck.safeyaml  # noqa: F401

from targets import TARGETS  # noqa: E402


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    name = sys.argv.pop(1)
    corpus = Path(__file__).resolve().parent / "corpus" / name
    args = [sys.argv[0], *sys.argv[1:]]
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(corpus))
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=10")
    if not any(a.startswith("-rss_limit_mb=") for a in args):
        args.append("-rss_limit_mb=3072")
    atheris.Setup(args, TARGETS[name])
    # quantulum3 loads its unit tables on first use (seconds): once here, so -timeout measures the work per input
    TARGETS["quantities"](b"The river rose 3 m and 12 km of road, 40 kg of aid and 3L of water were lost.")
    atheris.Fuzz()


if __name__ == "__main__":
    main()
