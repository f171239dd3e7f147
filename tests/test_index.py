"""The claims index: same findings with and without it, incremental re-indexing, same bytes however it was built."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.index import Index, build, index_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _scale():
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated archive of 120 articles (several story kinds) and three drafts of its stories."""
    scale = _scale()
    base = tmp_path_factory.mktemp("gen")
    stories = scale.generate(base / "archive", 120, seed=5)
    drafts = scale.write_drafts(base / "drafts", stories, 3, seed=3)
    return base / "archive", drafts


@pytest.fixture
def multistory(tmp_path):
    from tests.test_multistory import _corpus

    folder = tmp_path / "multi"
    folder.mkdir()
    return _corpus(folder)


def _run(argv, capsys) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _report_both(archive: Path, idx: Path, capsys) -> tuple[str, str, str]:
    code, without, err = _run(["report", str(archive), "--isolated", "--format", "json", "--index", str(idx)], capsys)
    assert "claims index" not in err
    assert _run(["index", str(archive), "--isolated", "-q", "--index", str(idx)], capsys)[0] in (0, 2)
    code2, with_, err2 = _run(["report", str(archive), "--isolated", "--format", "json", "--index", str(idx)], capsys)
    assert code == code2
    return without, with_, err2


@pytest.mark.parametrize("which", ["seeds", "multistory", "generated"])
def test_report_is_the_same_with_and_without_the_index(which, tmp_path, capsys, multistory, generated):
    archive = {"seeds": SEEDS, "multistory": multistory, "generated": generated[0]}[which]
    without, with_, err = _report_both(archive, tmp_path / "idx", capsys)
    assert "using the claims index" in err
    assert with_ == without
    assert '"findings"' in with_


def test_drafts_are_the_same_with_and_without_the_index(tmp_path, capsys, generated):
    archive, drafts = generated
    idx = tmp_path / "idx"
    args = ["draft", *map(str, drafts), "--against", str(archive), "--isolated", "--format", "json", "--index", str(idx)]
    code, without, err = _run(args, capsys)
    assert "claims index" not in err
    _run(["index", str(archive), "--isolated", "-q", "--index", str(idx)], capsys)
    code2, with_, err2 = _run(args, capsys)
    assert "using the claims index" in err2
    assert (code2, with_) == (code, without)
    assert '"findings": [\n    {' in with_ or '"findings": [{' in with_.replace("\n", "").replace(" ", "") or code == 0


def test_draft_on_the_seeds_is_the_same_with_and_without_the_index(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2016-02-12\n---\nThe war in Syria has killed 100,000 people, the United Nations "
                     "said. Lavrov and Kerry met in Munich with the International Syria Support Group.\n", encoding="utf-8")
    idx = tmp_path / "idx"
    args = ["draft", str(draft), "--against", str(SEEDS), "--isolated", "--format", "json", "--index", str(idx)]
    code, without, _ = _run(args, capsys)
    _run(["index", str(SEEDS), "--isolated", "-q", "--index", str(idx)], capsys)
    code2, with_, err = _run(args, capsys)
    assert "using the claims index" in err
    assert code == code2 == 1, "the draft's toll is below the published ones"
    assert with_ == without


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


def test_second_run_extracts_only_what_changed(tmp_path):
    archive = _copy(SEEDS, tmp_path / "a")
    where = index_path(tmp_path / "idx", tmp_path)
    first = build([archive], where)
    assert (first.articles, first.extracted, first.rebuilt) == (5, 5, "new index")
    again = build([archive], where)
    assert (again.articles, again.extracted, again.removed, again.rebuilt) == (5, 0, 0, None)
    changed = sorted(archive.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said 17 people were injured.\n", encoding="utf-8")
    sorted(archive.glob("*.txt"))[2].unlink()
    (archive / "new.md").write_text("---\nsource: X\npublished: 2016-03-01\n---\nSome 40 people were killed in Aleppo.\n",
                                    encoding="utf-8")
    third = build([archive], where)
    assert (third.articles, third.extracted, third.removed) == (5, 2, 1)
    fresh = build([archive], index_path(tmp_path / "fresh", tmp_path))
    assert fresh.extracted == 5
    a, b = Index(where).archive(), Index(index_path(tmp_path / "fresh", tmp_path)).archive()
    assert a == b, "an updated index reads back the same as a fresh one"


def test_touched_but_unchanged_file_is_not_extracted_again(tmp_path):
    archive = _copy(SEEDS, tmp_path / "a")
    where = index_path(tmp_path / "idx", tmp_path)
    build([archive], where)
    f = sorted(archive.glob("*.txt"))[0]
    f.write_bytes(f.read_bytes())  # new mtime, same bytes
    assert build([archive], where).extracted == 0


def test_a_change_of_rules_rebuilds(tmp_path):
    where = index_path(tmp_path / "idx", tmp_path)
    build([SEEDS], where)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "groups.yaml").write_text((ROOT / "rules" / "groups.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    stats = build([SEEDS], where, rules_dirs=[rules])
    assert stats.rebuilt == "the rules or factcheck changed" and stats.extracted == 5


def test_index_bytes_do_not_depend_on_the_number_of_processes(tmp_path, generated):
    archive = generated[0]
    one = build([archive], index_path(tmp_path / "one", tmp_path), jobs=1)
    two = build([archive], index_path(tmp_path / "two", tmp_path), jobs=2)
    assert one.extracted == two.extracted == 120
    assert (tmp_path / "one" / "index.sqlite").read_bytes() == (tmp_path / "two" / "index.sqlite").read_bytes()


def test_dask_local_cluster_writes_the_same_index(tmp_path, generated, monkeypatch):
    distributed = pytest.importorskip("distributed")
    import factcheck.parallel as parallel

    monkeypatch.setattr(parallel, "DASK_BATCH", 16)  # 8 tasks: more than the window in flight, in order
    archive = generated[0]
    build([archive], index_path(tmp_path / "one", tmp_path))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            clients = client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.clients))
            with distributed.get_task_stream(client) as tasks:
                # the scheduler's address, as the command line passes it: build opens its own client and closes it
                stats = build([archive], index_path(tmp_path / "dask", tmp_path), dask=cluster.scheduler_address)
            assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.clients)) == clients
            workers = set(client.scheduler_info()["workers"])
            assert len(workers) == 2
            ran = [(t["key"].partition("-")[0], t["worker"]) for t in tasks.data]
            assert {w for k, w in ran if k == "warm_up"} == workers  # every worker warmed up, whatever it then got
            assert sum(k == "extract_packed" for k, _ in ran) == 8
    assert stats.extracted == 120
    assert (tmp_path / "one" / "index.sqlite").read_bytes() == (tmp_path / "dask" / "index.sqlite").read_bytes()


def test_a_dask_task_carries_one_pickle_each_way(generated):
    """What a Dask task gets and returns is one bytes object (Dask ships it as it is), and it unpacks to
    what ``extract_batch`` returns for the same files."""
    import pickle

    from factcheck.index import _meta_json, archive_files
    from factcheck.parallel import _packed, extract_batch, extract_packed

    files = [f for f in archive_files([generated[0]]) if hasattr(f, "shown")][:5]
    jobs = [(f.shown, f.path.read_bytes(), f.meta, _meta_json(f), f.id) for f in files]
    packed = extract_packed(_packed(jobs), ())
    assert isinstance(packed, bytes)
    got = pickle.loads(packed)
    assert got == extract_batch(jobs, ()) and any(rows for *_, rows in got)


def test_index_command_reports_progress_and_problems(tmp_path, capsys):
    archive = _copy(SEEDS, tmp_path / "a")
    (archive / "broken.md").write_bytes(b"\xff\xfe not text")
    code, _, err = _run(["index", str(archive), "--isolated", "--index", str(tmp_path / "idx")], capsys)
    assert code == 2
    assert "indexed 6/6 articles" in err  # every file new or changed on disk, the unreadable one too
    assert "broken.md" in err and "not UTF-8" in err
    assert "5 articles, 6 extracted" in err


def test_a_file_that_is_not_an_index_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "idx" / "index.sqlite"
    bad.parent.mkdir()
    bad.write_text("not a database", encoding="utf-8")
    code, _, err = _run(["index", str(SEEDS), "--isolated", "--index", str(tmp_path / "idx")], capsys)
    assert code == 2 and "cannot use as a claims index" in err and "Traceback" not in err


def test_the_index_stores_blocks_and_names_for_lookup(tmp_path):
    where = index_path(tmp_path / "idx", tmp_path)
    build([SEEDS], where)
    conn = sqlite3.connect(where)
    blocks = {b for (b,) in conn.execute("SELECT DISTINCT block FROM claims WHERE block IS NOT NULL")}
    assert '["deaths", "*"]' in blocks
    assert conn.execute("SELECT count(*) FROM names WHERE name='lavrov'").fetchone()[0] >= 1


def test_judging_without_pandas_gives_what_the_frames_give(generated):
    """pipeline.judge passes claims as a list and articles as an ArticleTable: the same findings as the frames."""
    from factcheck.compare import compare_claims
    from factcheck.pipeline import ArticleTable, articles_frame, claims_frame, extract
    from factcheck.rules import load_rules

    rules = load_rules()
    for archive in (SEEDS, generated[0]):
        articles, claims, _, names = extract([str(archive)], rules=rules)
        framed = compare_claims(claims_frame(claims), rules, articles_frame(articles, names), with_subjects=True)
        listed = compare_claims(list(claims), rules, ArticleTable.of(articles, names), with_subjects=True)
        assert framed == listed and framed[0]


def test_ids_and_order_follow_the_loader(tmp_path):
    """Files with one stem in two folders, a binary file and a sources.yaml: the same articles, ids and problems."""
    from factcheck.pipeline import extract

    for sub in ("a", "b"):
        (tmp_path / "arch" / sub).mkdir(parents=True)
        (tmp_path / "arch" / sub / "x.md").write_text(f"In {sub}, 12 people were killed in Kabul.\n", encoding="utf-8")
    (tmp_path / "arch" / "a" / "bin.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "arch" / "b" / "sources.yaml").write_text("x.md: [not, a, mapping]\n", encoding="utf-8")
    where = index_path(tmp_path / "idx", tmp_path)
    build([tmp_path / "arch"], where)
    articles, claims, problems, names = Index(where).archive()
    e_articles, e_claims, e_problems, e_names = extract([str(tmp_path / "arch")])
    assert [a.id for a in articles] == [a.id for a in e_articles] == ["x", (tmp_path / "arch" / "b" / "x.md").as_posix()]
    assert [str(p) for p in problems] == [str(p) for p in e_problems] and len(problems) == 2
    assert [c.id for c in claims] == [c.id for c in e_claims]


def test_index_bytes_do_not_depend_on_string_hashing(tmp_path):
    """Two processes with different hash seeds (as two machines, or Dask workers and the writer) write one file."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        where = tmp_path / f"idx{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "factcheck", "index", str(SEEDS), "--index", str(where), "-q", "--isolated"],
                       check=True, env=env, capture_output=True)
        outs.append((where / "index.sqlite").read_bytes())
    assert outs[0] == outs[1]
