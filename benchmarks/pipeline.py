"""Whole-run benchmark: `factcheck report` wall time and peak memory on the seeds and on a
generated archive of N articles (seed articles with their figures and names varied), next
to quantulum3 alone parsing the same text.

    python benchmarks/pipeline.py [--articles 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """n articles made from the seeds, figures and dates varied; returns total characters."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    total = 0
    for i in range(n):
        body = re.sub(r"\d[\d,]*", lambda m: f"{int(m.group().replace(',', '')) * rng.randint(1, 3):,}", texts[i % len(texts)])
        text = f"---\nsource: Outlet {i % 17}\npublished: 2016-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n{body}"
        (folder / f"a{i:05d}.md").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of the child, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024, r.returncode


def quantulum_seconds(folder: Path) -> float:
    code = ("import sys, time, warnings, pathlib; warnings.simplefilter('ignore');"
            "from quantulum3 import parser; t = time.perf_counter();"
            "[parser.parse(p.read_text(encoding='utf-8')) for p in sorted(pathlib.Path(sys.argv[1]).glob('*.*')) if p.suffix in ('.txt', '.md')];"
            "print(time.perf_counter() - t)")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp)
        chars = generate(gen, args.articles)
        for name, folder, size in (("seeds", SEEDS, sum(len(p.read_text()) for p in SEEDS.glob("*.txt"))),
                                   (f"generated ({args.articles} articles)", gen, chars)):
            wall, rss, code = timed([sys.executable, "-m", "factcheck", "report", str(folder), "--format", "json"])
            q = quantulum_seconds(folder)
            rows.append({"corpus": name, "chars": size, "factcheck_report_s": round(wall, 2), "factcheck_peak_rss_mb": round(rss),
                         "quantulum3_parse_only_s": round(q, 2), "ratio": round(q / wall, 1), "exit_code": code})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("| corpus | chars | factcheck report (s, whole run) | peak RSS MB | quantulum3 parse only (s) | quantulum3 / factcheck |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['corpus']} | {r['chars']:,} | {r['factcheck_report_s']} | {r['factcheck_peak_rss_mb']} | "
              f"{r['quantulum3_parse_only_s']} | {r['ratio']}x |")


if __name__ == "__main__":
    main()
