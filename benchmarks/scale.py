"""How factcheck grows with a newsroom's archive: index, report and draft on 1,000 to 100,000 articles.

    python benchmarks/scale.py                       # 1,000, 10,000 and 100,000 articles, --jobs 2
    python benchmarks/scale.py --sizes 1000 10000    # a quicker look
    python benchmarks/scale.py --json
    python benchmarks/scale.py --work /tmp/factcheck-scale --dask-only   # Dask (2 workers) against one process

Archives are generated (seeded: the same archive on every run) under a temporary folder,
never in the repository: stories of several kinds (earthquakes, floods, epidemics, protests,
summits, company results, displacement), each with its own places and people, told by several
outlets over days or months, so blocks and stories have realistic sizes; long-running stories
are quoted in hundreds of articles. Figures drift over a story and now and then contradict.

For each size, each step runs in its own subprocess (peak resident memory is its ru_maxrss):
``factcheck index --jobs N`` (time, memory, index size), a re-index after one article changed,
``factcheck report`` from the index (time, memory), and 20 drafts checked against the index
(median and worst latency, peak memory of the draft process). Growth is the ratio to the
previous size. Then ``factcheck index`` of 10,000 articles (``--dask-size``) in one process and
with ``--dask`` on a scheduler and two workers started here as processes, alternately: wall
times and the CPU seconds of every process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = [sys.executable, "-m", "factcheck"]

COUNTRIES = ["Indonesia", "Nepal", "Peru", "Kenya", "Turkey", "Chile", "Mexico", "Pakistan", "Bangladesh",
             "Philippines", "Ecuador", "Ghana", "Nigeria", "Vietnam", "Colombia", "Morocco", "Italy", "Greece",
             "Japan", "India", "Brazil", "Ethiopia", "Tanzania", "Mozambique", "Haiti", "Guatemala"]
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Guardian", "Al Jazeera", "DW", "NPR", "CNN", "Daily Example"]
_SYL = ["ka", "lo", "mi", "ra", "te", "so", "vu", "ne", "da", "ri", "po", "la", "ze", "to", "ma", "ni", "sa", "ku"]

#: Figures that are running totals: they grow as the story goes on
GROWING = frozenset({"deaths", "displaced"})

#: The longest story, in articles: a running story told hundreds of times, as big newsroom archives have
LONGEST_STORY = 400

STORIES = {
    "earthquake": [
        "A magnitude {mag} earthquake struck near {town} in {country} on {day}, killing {deaths} people, officials said.",
        "The death toll from the {town} earthquake rose to {deaths}, {agency} said on {day}.",
        "At least {injured} people were injured and {displaced} people were displaced around {town}.",
        "Rescue teams led by {person} searched the rubble of {district} for survivors.",
        "{person} said {missing} people were still missing in {district}.",
    ],
    "flood": [
        "Floods in {town}, {country} have killed {deaths} people since {day}, {agency} said.",
        "More than {displaced} people have fled their homes along the {river} river.",
        "{person} of {agency} said {missing} people were missing after the {river} burst its banks.",
        "Officials in {district} said {deaths} people had died in the floods.",
    ],
    "epidemic": [
        "The outbreak in {town}, {country} has killed {deaths} people, {agency} said on {day}.",
        "{person} said {injured} people had been treated in hospitals in {district}.",
        "Health workers in {town} reported {deaths} deaths, up from {earlier} a week earlier.",
    ],
    "protest": [
        "Police in {town}, {country} arrested {arrested} protesters on {day}, {person} said.",
        "At least {deaths} people were killed when security forces opened fire in {district}.",
        "{agency} said {arrested} people had been detained since the protests began in {town}.",
        "{person}, a spokesman for {party}, said {injured} people were wounded.",
    ],
    "summit": [
        "Delegations from {members} countries met in {town}, {country} for the {summit} summit on {day}.",
        "The {members}-member {summit} group agreed to send {money} million dollars in aid, {person} said.",
        "{person} told reporters in {town} that {members} nations had signed the {summit} accord.",
    ],
    "company": [
        "{company} reported revenue of {money} million dollars for the quarter, {person} said in {town}.",
        "{company}, based in {town}, {country}, employs {staff} people, according to {person}.",
        "Shares of {company} fell after {person} said profit would reach {money2} million dollars.",
    ],
    "displacement": [
        "Fighting around {town} in {country} has displaced {displaced} people since {day}, {agency} said.",
        "{person} of {agency} said {refugees} refugees had crossed into {district}.",
        "More than {displaced} people have fled {town}, according to {agency}.",
    ],
}
FILLER = [
    "{person} visited {district} on {day} and promised more help.",
    "Aid convoys from {agency} reached {town} late on {day}.",
    "Residents of {district} described scenes of chaos.",
    "The government of {country} declared a state of emergency in {district}.",
]


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(parts)).capitalize()


class Story:
    """One story: its kind, places, people and true figures; each article retells it with drift."""

    def __init__(self, rng: random.Random, n: int):
        self.kind = rng.choice(list(STORIES))
        self.country = rng.choice(COUNTRIES)
        self.names = {"town": _name(rng), "district": _name(rng, 4), "river": _name(rng), "person": f"{_name(rng, 2)} {_name(rng)}",
                      "agency": f"the {_name(rng)} Relief Agency", "party": f"the {_name(rng)} Party",
                      "summit": _name(rng), "company": f"{_name(rng)} Holdings"}
        self.start = date(2018, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        self.base = {k: rng.choice([12, 40, 85, 150, 300, 1200, 4500]) for k in ("deaths", "injured", "missing", "arrested")}
        self.base.update(displaced=rng.choice([2000, 15000, 60000, 250000]), members=rng.choice([7, 12, 20, 27, 40]),
                         money=rng.choice([45, 120, 800, 2500]), staff=rng.choice([900, 4000, 12000]))
        self.n = n

    def article(self, rng: random.Random, k: int) -> tuple[str, str, str]:
        """(outlet, date, text) of the k-th article of the story; tolls grow and sometimes disagree."""
        day = self.start + timedelta(days=k * rng.choice([1, 1, 2, 7]))
        wrong = rng.random() < 0.05  # an outlet gets it wrong now and then
        # running totals (deaths, displaced) grow over the story; the other figures stay what they were
        f = {key: int(v * (1 + 0.15 * k if key in GROWING else 1) * (0.5 if wrong else 1)) for key, v in self.base.items()}
        values = {**self.names, "country": self.country, "day": day.strftime("%A"), "mag": f"{rng.randint(55, 79) / 10}",
                  "earlier": max(1, int(f["deaths"] * 0.8)), "refugees": f["displaced"] // 3, "money2": f["money"] // 5,
                  **{key: f"{v:,}" for key, v in f.items()}}
        lines = rng.sample(STORIES[self.kind], k=min(len(STORIES[self.kind]), rng.randint(2, 4)))
        lines += rng.sample(FILLER, k=rng.randint(1, 3))
        rng.shuffle(lines)
        title = f"{self.names['town']}: {self.kind} update {k + 1}"
        body = "\n\n".join(line.format(**values) for line in lines)
        return rng.choice(OUTLETS), day.isoformat(), f"{title}\n\n{body}\n"


def generate(folder: Path, n: int, seed: int = 11, write: bool = True) -> list[Story]:
    """Write ``n`` articles under ``folder`` (100 per subfolder) with front matter; returns the stories.

    ``write=False`` only returns the stories (the archive of an earlier run, kept with ``--work``):
    the generator is seeded, so they are the stories of the files on disk.
    """
    rng = random.Random(seed)
    stories: list[Story] = []
    written = 0
    while written < n:
        # most stories short, a few running for hundreds of articles (a war, an epidemic)
        size = min(n - written, LONGEST_STORY, max(1, int(rng.paretovariate(1.5) * 3)))
        story = Story(rng, size)
        stories.append(story)
        for k in range(size):
            outlet, day, text = story.article(rng, k)
            if write:
                sub = folder / f"{written // 100:04d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / f"a{written:06d}.md").write_text(f"---\nsource: {outlet}\npublished: {day}\n---\n{text}",
                                                        encoding="utf-8")
            written += 1
    if write:
        (folder / ".complete").write_text(f"{n} {seed}\n", encoding="utf-8")  # a dot file: not an article
    return stories


def archive_of(folder: Path, n: int, seed: int = 11) -> tuple[list[Story], float]:
    """(stories, seconds spent writing): the archive at ``folder``, generated unless a complete one is there."""
    marker = folder / ".complete"
    if marker.is_file() and marker.read_text(encoding="utf-8").split() == [str(n), str(seed)]:
        return generate(folder, n, seed, write=False), 0.0
    shutil.rmtree(folder, ignore_errors=True)
    t = time.perf_counter()
    stories = generate(folder, n, seed)
    return stories, time.perf_counter() - t


def write_drafts(folder: Path, stories: list[Story], count: int = 20, seed: int = 7) -> list[Path]:
    """``count`` drafts, each a new article of an existing story (so it falls in real blocks)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        story = rng.choice(stories)
        _, day, text = story.article(rng, story.n)
        path = folder / f"draft{i:02d}.md"
        path.write_text(f"---\nsource: Our Newsroom\npublished: {day}\n---\n{text}", encoding="utf-8")
        out.append(path)
    return out


# ---------------------------------------------------------------- measuring
def _peak_of(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MB) measured by a wrapper process, so each command's own peak is seen."""
    return _measured(cmd, cwd)[:2]


def _measured(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, peak MB, CPU seconds) of one command, measured by a wrapper process."""
    wrapper = ("import resource,subprocess,sys,time,json;t=time.perf_counter();"
               "r=subprocess.run(sys.argv[1:],capture_output=True);u=resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(json.dumps([time.perf_counter()-t,u.ru_maxrss/1024,u.ru_utime+u.ru_stime,"
               "r.returncode,r.stderr.decode()[-1500:]]))")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, capture_output=True, text=True)
    secs, mb, cpu, code, err = json.loads(out.stdout)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return secs, mb, cpu


STEPS = ("index", "reindex", "report", "draft")


def _reindex_after_one_change(archive: Path, idx: Path, work: Path, repeat: int) -> list[float]:
    """Seconds of ``factcheck index`` after one article changed, ``repeat`` times (changed, then restored, ...)."""
    one = next(iter(sorted((archive / "0000").glob("*.md"))))
    original = one.read_bytes()
    times = []
    try:
        for i in range(repeat):
            if i % 2 == 0:
                one.write_bytes(original + b"\nOfficials said 17 people were injured.\n")
            else:
                one.write_bytes(original)
            times.append(_peak_of([*FACTCHECK, "index", str(archive), "--index", str(idx), "-q", "--isolated"], work)[0])
    finally:
        if one.read_bytes() != original:  # leave the archive as generated, so a kept one can be reused
            one.write_bytes(original)
            _peak_of([*FACTCHECK, "index", str(archive), "--index", str(idx), "-q", "--isolated"], work)
    return times


def measure(n: int, work: Path, jobs: int, drafts: int, report_limit: int, steps=STEPS, repeat: int = 3) -> dict:
    archive = work / f"archive{n}"
    stories, gen = archive_of(archive, n)
    idx = work / f"index{n}"
    row: dict = {"articles": n, "stories": len(stories), "generate_s": round(gen, 1)}
    if "index" in steps or not (idx / "index.sqlite").is_file():
        shutil.rmtree(idx, ignore_errors=True)
        secs, mb = _peak_of([*FACTCHECK, "index", str(archive), "--index", str(idx), "--jobs", str(jobs), "-q",
                             "--isolated"], work)
        row.update(index_s=round(secs, 1), index_mb=round(mb))
    row["index_file_mb"] = round((idx / "index.sqlite").stat().st_size / 2**20, 1)
    if "reindex" in steps:
        times = _reindex_after_one_change(archive, idx, work, repeat)
        row.update(reindex_one_s=round(statistics.median(times), 2), reindex_runs=[round(t, 2) for t in times])
    if "report" in steps and n <= report_limit:
        secs, mb = _peak_of([*FACTCHECK, "report", str(archive), "--index", str(idx), "--isolated", "--format", "json",
                             "-o", str(work / f"report{n}.json")], work)
        row.update(report_s=round(secs, 1), report_mb=round(mb))
    if "draft" in steps:
        times, peaks = [], []
        for d in write_drafts(work / f"drafts{n}", stories, drafts):
            secs, mb = _peak_of([*FACTCHECK, "draft", str(d), "--against", str(archive), "--index", str(idx),
                                 "--isolated", "--format", "json", "-o", str(work / "draft.json")], work)
            times.append(secs)
            peaks.append(mb)
        row.update(draft_median_s=round(statistics.median(times), 2), draft_worst_s=round(max(times), 2),
                   draft_mb=round(max(peaks)))
    return row


#: Dask settings for an indexing cluster (``--dask-config lean``): a worker's statistical profiler samples its
#: task thread's stack every 10 ms and every process checks its event loop every 20 ms, which on a 2-core machine
#: takes CPU and the GIL from extraction; nothing else changes (see docs/archive.md).
LEAN_DASK = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False", "DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL": "1s",
             "DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL": "5s"}


class _Cluster:
    """A Dask scheduler and ``workers`` single-threaded workers started as their own processes, as a newsroom's
    existing cluster would be, so the CPU each of them spends can be read from outside (psutil)."""

    def __init__(self, work: Path, workers: int = 2, env: dict | None = None):
        self.file = work / "scheduler.json"
        self.file.unlink(missing_ok=True)
        env = {**os.environ, **(env or {})}
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
        self.scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                           "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file)], **quiet)
        self._wait(lambda: self.file.is_file())
        self.workers = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file",
                                         str(self.file), "--nworkers", str(workers), "--nthreads", "1",
                                         "--no-dashboard"], **quiet)
        from distributed import Client

        with Client(scheduler_file=str(self.file)) as client:
            client.wait_for_workers(workers, timeout=120)
            self.address = client.scheduler.address

    @staticmethod
    def _wait(ready, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > end:
                raise SystemExit("the Dask scheduler did not start")
            time.sleep(0.2)

    def cpu(self) -> dict[str, float]:
        """CPU seconds so far: the scheduler's, and the workers' (their processes and the one that started them)."""
        import psutil

        def spent(procs):
            total = 0.0
            for p in procs:
                try:
                    t = p.cpu_times()
                    total += t.user + t.system
                except psutil.Error:
                    pass
            return total

        w = psutil.Process(self.workers.pid)
        return {"scheduler": spent([psutil.Process(self.scheduler.pid)]), "workers": spent([w, *w.children(recursive=True)])}

    def close(self) -> None:
        for p in (self.workers, self.scheduler):
            p.terminate()
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


def dask_speedup(n: int, work: Path, repeat: int = 3, lean: bool = True) -> dict:
    """``factcheck index`` of ``n`` articles in one process and with ``--dask`` on a cluster of 2 workers
    (alternately, ``repeat`` times): wall time (min and median), the CPU seconds of every process (the index
    command; with Dask also the scheduler and the workers), the load average, and whether the bytes are the same.

    The Dask side is everything a user waits for: the command starts, imports Dask, connects, warms the
    workers, walks the archive and writes the index. Other processes on the machine slow both sides: the CPU
    seconds say what each side cost, ``cpu_bound_speedup`` the ratio the CPU alone would allow on 2 free cores.
    """
    archive = work / f"archive{n}"
    archive_of(archive, n)
    one, two = work / f"one{n}", work / f"dask{n}"
    runs: dict[str, list] = {"one": [], "dask": []}
    cluster = _Cluster(work, 2, LEAN_DASK if lean else None)
    try:
        for _ in range(repeat):
            for side, where in (("one", one), ("dask", two)):
                shutil.rmtree(where, ignore_errors=True)
                cmd = [*FACTCHECK, "index", str(archive), "--index", str(where), "-q", "--isolated"]
                load, before = os.getloadavg()[0], cluster.cpu()
                secs, _, cpu = _measured(cmd + (["--dask", cluster.address] if side == "dask" else []), work)
                after = cluster.cpu()
                row = {"wall_s": round(secs, 1), "index_cpu_s": round(cpu, 1), "load": round(load, 1)}
                if side == "dask":
                    row.update({f"{k}_cpu_s": round(after[k] - before[k], 1) for k in after})
                row["cpu_s"] = round(cpu + sum(row.get(f"{k}_cpu_s", 0) for k in after), 1)
                runs[side].append(row)
                print(json.dumps({side: row}), file=sys.stderr, flush=True)
    finally:
        cluster.close()
    same = (one / "index.sqlite").read_bytes() == (two / "index.sqlite").read_bytes()
    wall = {k: [r["wall_s"] for r in v] for k, v in runs.items()}
    med = {k: statistics.median(v) for k, v in wall.items()}
    cpu = {k: statistics.median(r["cpu_s"] for r in v) for k, v in runs.items()}
    return {"articles": n, "cluster": "lean" if lean else "default", "one_process_s": med["one"],
            "dask_2_workers_s": med["dask"], "speedup": round(med["one"] / med["dask"], 2),
            "speedup_of_minima": round(min(wall["one"]) / min(wall["dask"]), 2),
            "cpu_one_s": round(cpu["one"], 1), "cpu_dask_s": round(cpu["dask"], 1),
            "cpu_bound_speedup": round(cpu["one"] / (cpu["dask"] / 2), 2), "runs": runs, "same_bytes": same}


def _growth(rows: list[dict]) -> list[dict]:
    keys = ("index_s", "report_s", "draft_median_s", "index_file_mb")
    out = []
    for prev, cur in zip(rows, rows[1:]):
        g = {"from": prev["articles"], "to": cur["articles"]}
        for k in keys:
            if prev.get(k) and cur.get(k):
                g[k] = round(cur[k] / prev[k], 1)
        out.append(g)
    return out


def _markdown(rows: list[dict], growth: list[dict]) -> str:
    cols = ["articles", "stories", "index_s", "index_mb", "index_file_mb", "reindex_one_s", "report_s", "report_mb",
            "draft_median_s", "draft_worst_s", "draft_mb"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(r.get(c, "-")) for c in cols) + " |" for r in rows]
    if growth:
        gcols = ["from", "to", "index_s", "report_s", "draft_median_s", "index_file_mb"]
        lines += ["", "Growth (ratio to the previous size):", "", "| " + " | ".join(gcols) + " |", "|" + "---|" * len(gcols)]
        lines += ["| " + " | ".join(str(g.get(c, "-")) for c in gcols) + " |" for g in growth]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--drafts", type=int, default=20)
    ap.add_argument("--report-limit", type=int, default=100000, help="skip report above this many articles")
    ap.add_argument("--dask-size", type=int, default=10000, help="archive size for Dask vs one process (0: skip)")
    ap.add_argument("--dask-repeat", type=int, default=3, help="one-process and Dask runs, alternately (medians)")
    ap.add_argument("--dask-config", choices=("lean", "default"), default="lean",
                    help="the cluster's Dask settings: lean (no worker profiler, 1 s event-loop checks) or Dask's own")
    ap.add_argument("--dask-only", action="store_true", help="only the Dask comparison (no --sizes)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (printed on stderr)")
    ap.add_argument("--work", type=Path, default=None,
                    help="folder for the archives and indexes (e.g. /tmp/factcheck-scale), kept between runs: "
                         "an archive generated there before is reused, not written again")
    ap.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS),
                    help="what to measure (without index, an index kept in --work is reused)")
    ap.add_argument("--repeat", type=int, default=3, help="re-index runs after one change (median reported)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = []
        for n in [] if args.dask_only else args.sizes:
            rows.append(measure(n, work, args.jobs, args.drafts, args.report_limit, args.steps, args.repeat))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        growth = _growth(rows)
        speed = dask_speedup(args.dask_size, work, args.dask_repeat, args.dask_config == "lean") if args.dask_size else None
        if args.json:
            print(json.dumps({"rows": rows, "growth": growth, "dask": speed}, indent=2))
        else:
            print(_markdown(rows, growth) + (f"\nDask: {json.dumps(speed)}\n" if speed else ""))
    finally:
        if args.keep or args.work:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
