"""Report sizes on N copies of the seed articles (the issue's scale check): bytes and lines per format.

    python benchmarks/report_size.py --copies 300

Copies go to a temporary folder (one sub-folder per copy, each with its sources.yaml), are
read and compared once, then rendered in every human format and in JSON.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    args = parser.parse_args()

    from factcheck.formats import render
    from factcheck.pipeline import run

    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.copies):
            shutil.copytree(args.seeds, Path(tmp) / f"copy{k:04}")
        start = time.perf_counter()
        report = run([tmp])
        print(f"{args.copies} copies: {len(report.articles)} articles, {len(report.claims)} claims, "
              f"{len(report.findings)} findings, {len(report.subjects)} subjects ({time.perf_counter() - start:.1f} s)")
        for fmt in ("markdown", "html", "json"):
            start = time.perf_counter()
            text = render(report, fmt)
            print(f"{fmt:9} {len(text.encode()):>12,} bytes {text.count(chr(10)):>9,} lines "
                  f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
