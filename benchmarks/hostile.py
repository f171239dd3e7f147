"""Time every row of the hostile-input table (issue 9) through the command line.

    python benchmarks/hostile.py            # each row: seconds, peak memory, exit code, first line of stderr
    python benchmarks/hostile.py --scale    # also 10,000 small files in one folder
    python benchmarks/hostile.py --scale --only "10,000"   # only the rows whose name contains this
    python benchmarks/hostile.py --repeat 3  # each row three times: min / median seconds, judged by the median
    python benchmarks/hostile.py --wait-idle 60   # each run starts once the machine has been idle for a second

The last column, "others", is the processor time other programs took while the command ran, in processors
(from /proc/stat, Linux only): on a shared machine a run with others near 1 of 2 processors is not a quiet figure.

Each case is a folder with a good article beside the bad input, made in a temporary folder.
A row passes when it ends within its budget (5 s; 60 s for the 50 MB articles) without a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

GOOD = "---\nsource: Good\npublished: 2016-02-11\n---\nMore than 260,000 people have been killed in Syria.\n"
BODY = "At least 250,000 people have been killed in Syria since the war began.\n"


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 9)}]")
    return "\n".join(lines) + "\n"


def _rules(n: int) -> str:
    return "rules:\n" + "".join(f"  - id: r{i}\n    message: m\n    level: info\n    nouns: [thing{i}]\n" for i in range(n))


def cases(scale: bool) -> dict[str, tuple[dict[str, str | bytes], list[str], float]]:
    """name -> (files beside good.md, extra command-line arguments, budget in seconds)."""
    deep = "/".join(["d"] * 1000)
    para = "The siege went on and the talks stalled again in Geneva, officials said on the day. "
    news = "At least 250,000 people have been killed in Syria since 2011, the observatory said on Tuesday. "
    out = {
        "impossible date (front matter)": ({"bad.md": f"---\npublished: 2024-02-30\n---\n{BODY}"}, [], 5),
        "impossible date (sources.yaml)": ({"bad.md": BODY, "sources.yaml": "bad.md:\n  published: 2016-13-45\n"}, [], 5),
        "alias bomb (front matter)": ({"bad.md": f"---\n{_bomb()}---\n{BODY}"}, [], 5),
        "alias bomb (sources.yaml)": ({"bad.md": BODY, "sources.yaml": _bomb()}, [], 5),
        "alias bomb (rule file)": ({"rules/bomb.yaml": _bomb()}, ["--rules", "rules"], 5),
        "figure of 1e309": ({"bad.md": "At least 1" + "0" * 309 + " people died.\n"}, [], 5),
        "folders 1,000 deep": ({f"{deep}/x.md": BODY}, [], 5),
        "200,000-character sentence": ({"bad.md": " ".join(["siege"] * 33_000) + "\n"}, [], 5),
        "5 MB line without punctuation": ({"bad.md": " ".join(["word"] * 1_000_000) + "\n"}, [], 5),
        "100,000 numbers in a sentence": ({"bad.md": " ".join(str(i) for i in range(100_000)) + " people.\n"}, [], 5),
        "20 MB rule file": ({"rules/big.yaml": _rules(285_000)}, ["--rules", "rules"], 5),
        "8,000 rules (800 KB)": ({"rules/big.yaml": _rules(8_000)}, ["--rules", "rules"], 5),
        "when: 4000000**4000000": ({"rules/r.yaml": "rules:\n  - id: x\n    message: m\n    level: info\n"
                                                    "    when: value > 4000000**4000000\n"}, ["--rules", "rules"], 5),
        "unclosed front matter": ({"bad.md": f"---\nsource: X\n{BODY}"}, [], 5),
        "NUL byte after 8 KB": ({"bad.md": (BODY * 200).encode() + b"\x00"}, [], 5),
        "50 MB article (news, figures)": ({"bad.md": (news * 8 + "\n\n") * 65_000}, [], 60),
        "50 MB article (no figures)": ({"bad.md": (para * 12 + "\n\n") * 50_000}, [], 60),
    }
    if scale:
        out["10,000 small files"] = ({f"f{i}.md": f"{i + 5} people were killed in Syria.\n" for i in range(10_000)}, [], 5)
    return out


def _mkdirs(root: Path, folder: Path) -> None:
    """mkdir -p without recursion (pathlib's recurses once per level)."""
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if not current.is_dir():
            os.mkdir(current)


#: Runs a command and prints [seconds, its peak resident MB, exit code, stderr, processor seconds]: the peak of
#: that command alone (and of the workers it waits for), not of this script; the processor time of both.
_WRAPPER = ("import json,resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],capture_output=True,text=True,timeout=900);"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);s=resource.getrusage(resource.RUSAGE_SELF);"
            "print(json.dumps([time.perf_counter()-t,u.ru_maxrss/1024,r.returncode,r.stderr,"
            "u.ru_utime+u.ru_stime+s.ru_utime+s.ru_stime]))")


def _busy() -> tuple[float, float] | None:
    """(busy, total) processor seconds of the whole machine so far (/proc/stat), or None where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [float(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    return (sum(fields) - idle) / tick, sum(fields) / tick


def wait_idle(limit: float) -> None:
    """Wait (at most ``limit`` seconds) for a second in which the machine was at least 90 % idle."""
    import time

    end = time.monotonic() + limit
    while time.monotonic() < end:
        before = _busy()
        time.sleep(1)
        after = _busy()
        if before is None or after is None or after[0] - before[0] <= 0.1 * max(after[1] - before[1], 1e-9):
            return


def run_case(root: Path, files: dict, extra: list[str], idle: float = 0
             ) -> tuple[float, float, int, str, float | None]:
    """(seconds, peak MB, exit code, first stderr line or TRACEBACK, processors other programs used meanwhile)
    of ``factcheck report`` on the case."""
    arts = root / "arts"
    arts.mkdir(parents=True)
    (arts / "good.md").write_text(GOOD, encoding="utf-8")
    for name, data in files.items():
        p = (root / name) if name.startswith("rules/") else arts / name
        _mkdirs(root, p.parent)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    cmd = [sys.executable, "-m", "factcheck", "report", "arts", "--isolated", "-o", os.devnull, *extra]
    if idle:
        wait_idle(idle)
    before = _busy()
    r = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], cwd=root, capture_output=True, text=True, timeout=960)
    after = _busy()
    took, peak, code, stderr, own = json.loads(r.stdout)
    others = None if before is None or after is None else max(0.0, (after[0] - before[0] - own) / max(took, 1e-9))
    lines = [line for line in stderr.splitlines() if "% read" not in line]
    first = "TRACEBACK" if "Traceback" in stderr else (lines[0] if lines else "")
    return took, peak, code, first.replace(str(root), "")[:110], others


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", action="store_true", help="include 10,000 small files")
    ap.add_argument("--only", metavar="TEXT", default=None, help="only the rows whose name contains TEXT")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run each row N times: seconds as min / median, the median judged (the machine is shared)")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="S",
                    help="before each run, wait up to S seconds for the machine to be idle for a second")
    args = ap.parse_args()
    failed = 0
    seconds = "seconds" if args.repeat <= 1 else f"seconds (min / median of {args.repeat})"
    print(f"| input | {seconds} | budget | peak MB | exit | first message | others |\n|---|---|---|---|---|---|---|")
    for name, (files, extra, budget) in cases(args.scale).items():
        if args.only and args.only not in name:
            continue
        runs = []
        for _ in range(max(1, args.repeat)):
            tmp = tempfile.mkdtemp(prefix="factcheck-hostile-")
            try:
                runs.append(run_case(Path(tmp), files, extra, args.wait_idle))
            finally:
                subprocess.run(["rm", "-rf", tmp], check=False)  # shutil.rmtree recurses once per level
        times = sorted(r[0] for r in runs)
        median = times[len(times) // 2]
        peak, code, first = max(r[1] for r in runs), runs[0][2], runs[0][3]
        ok = median <= budget and all(r[3] != "TRACEBACK" for r in runs)
        failed += not ok
        shown = f"{median:.1f}" if len(runs) == 1 else f"{times[0]:.1f} / {median:.1f}"
        others = [r[4] for r in runs if r[4] is not None]
        busy = " / ".join(f"{o:.1f}" for o in others) if others else "?"
        print(f"| {name} | {shown} | {budget:.0f} | {peak:.0f} | {code} | {first}{'' if ok else '  **OVER**'} | {busy} |",
              flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
