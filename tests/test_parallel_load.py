"""Files read by the forked workers (``parallel.classified`` over ``load.iter_inputs``) give what one process gives:
the same articles and ids, claims, problems in the same order, the date order of the command line."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from factcheck import parallel
from factcheck.load import ArticleIds, date_order, iter_articles

GOOD = "At least {n} people were killed in the earthquake near Pokhara, Nepal, officials said.\n"


def _forked(monkeypatch, head: int = 3, batch: int = 2) -> list:
    """Fork after ``head`` articles, ``batch`` items a task; the returned list is non-empty once workers ran."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", head)
    monkeypatch.setattr(parallel, "BATCH", batch)
    used: list = []
    monkeypatch.setattr(parallel, "_classified_forked",
                        lambda *a, _real=parallel._classified_forked: used.append(1) or _real(*a))
    return used


def _extract(folder, jobs: int, **kw):
    from factcheck.pipeline import extract
    from factcheck.rules import load_rules

    return extract([str(folder)], rules=load_rules([]), jobs=jobs, **kw)


def _same(one, two) -> None:
    assert [a.id for a in two[0]] == [a.id for a in one[0]]
    assert two[0] == one[0]
    assert [c.to_dict() for c in two[1]] == [c.to_dict() for c in one[1]]
    assert two[2] == one[2] and two[3] == one[3]


def test_a_stem_taken_by_a_file_that_is_no_article_is_free_again(tmp_path, monkeypatch):
    """a/x.md is empty, so b/x.md is 'x' and c/x.md its path: the workers guessed otherwise and are corrected."""
    arts = tmp_path / "arts"
    for i in range(6):  # read first (sorted before a/), so a/, b/, c/ go to the workers
        (arts / f"0f{i}.md").parent.mkdir(parents=True, exist_ok=True)
        (arts / f"0f{i}.md").write_text(GOOD.format(n=100 + i), encoding="utf-8")
    for sub, text in (("a", "  \n"), ("b", GOOD.format(n=7)), ("c", GOOD.format(n=9)), ("d", GOOD.format(n=11))):
        (arts / sub).mkdir()
        (arts / sub / "x.md").write_text(text, encoding="utf-8")
    one = _extract(arts, jobs=1)
    used = _forked(monkeypatch)
    two = _extract(arts, jobs=2)
    assert used, "the workers read the files"
    _same(one, two)
    ids = {a.path.rpartition("arts/")[2]: a.id for a in two[0]}
    assert ids["b/x.md"] == "x"
    assert ids["c/x.md"].endswith("arts/c/x.md") and ids["d/x.md"].endswith("arts/d/x.md")
    assert [c.article for c in two[1] if c.value == 9] == [ids["c/x.md"]]
    assert [p.path.rpartition("arts/")[2] for p in two[2]] == ["a/x.md"]


def test_problems_come_in_walk_order_from_the_workers(tmp_path, monkeypatch):
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(12):
        text = GOOD.format(n=100 + i)
        if i % 4 == 1:
            text = f"---\npublished: 2024-02-3{i % 2}\n---\n{text}"  # an impossible date: a problem, still an article
        elif i % 4 == 2:
            text = "\x00binary"
        (arts / f"a{i:02d}.md").write_text(text, encoding="utf-8")
    (arts / "sources.yaml").write_text("a05.md:\n  published: 2016-13-45\n", encoding="utf-8")
    one = _extract(arts, jobs=1)
    _forked(monkeypatch)
    two = _extract(arts, jobs=2)
    _same(one, two)
    assert len(two[2]) == 1 + 3 + 3  # sources.yaml, three bad dates, three binary files


def test_the_date_order_reaches_the_workers(tmp_path, monkeypatch):
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(10):
        (arts / f"a{i}.md").write_text(f"---\npublished: 04/03/2024\n---\n{GOOD.format(n=10 + i)}", encoding="utf-8")
    used = _forked(monkeypatch)
    with date_order("DMY"):
        articles, _, problems, _ = _extract(arts, jobs=2)
    assert used and not problems
    assert {a.published for a in articles} == {datetime.date(2024, 3, 4)}
    _, _, problems, _ = _extract(arts, jobs=2)
    assert len(problems) == 10 and all("ambiguous" in p.message for p in problems)


def test_workers_send_the_text_back_only_when_asked(tmp_path, monkeypatch):
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(8):
        (arts / f"a{i}.md").write_text(GOOD.format(n=10 + i), encoding="utf-8")
    _forked(monkeypatch)
    kept = _extract(arts, jobs=2, keep_text=True)
    assert [a.text for a in kept[0]] == [GOOD.format(n=10 + i) for i in range(8)]
    dropped = _extract(arts, jobs=2)
    assert {a.text for a in dropped[0]} == {""}
    assert [c.to_dict() for c in dropped[1]] == [c.to_dict() for c in kept[1]]


def test_iter_articles_names_files_as_before(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.md").write_text(GOOD.format(n=5), encoding="utf-8")
    (tmp_path / "a" / "y.md").write_text("", encoding="utf-8")
    (tmp_path / "b" / "y.md").write_text(GOOD.format(n=6), encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    ids = [getattr(i, "id", None) for i in items]
    assert ids == ["x", None, (tmp_path / "b" / "x.md").as_posix(), "y"]


# ------------------------------------------------------------------ ArticleIds
def _old_rule(files: list[tuple[str, str, bool]]) -> list[str | None]:
    """iter_articles' rule before the workers: an article's id is its stem unless an earlier article has it."""
    ids: set[str] = set()
    out: list[str | None] = []
    for stem, path, loads in files:
        if not loads:
            out.append(None)
            continue
        got = path if stem in ids else stem
        ids.add(got)
        out.append(got)
    return out


_files = st.lists(st.tuples(st.sampled_from(["x", "y", "z", "d/x"]), st.booleans()), max_size=12).map(
    lambda fs: [(stem, f"d{i}/{stem}.md", loads) for i, (stem, loads) in enumerate(fs)])


@given(_files, st.integers(0, 12))
def test_settled_ids_follow_the_old_rule_and_guesses_miss_only_after_a_failure(files, head):
    """The first ``head`` files are settled as they are read; the rest are guessed first, then settled in order."""
    ids = ArticleIds()
    settled: list[str | None] = []
    for stem, path, loads in files[:head]:
        settled.append(ids.settle(stem, path) if loads else None)
    guesses = [ids.guess(stem, path) for stem, path, _ in files[head:]]
    for (stem, path, loads), guess in zip(files[head:], guesses):
        got = ids.settle(stem, path) if loads else None
        settled.append(got)
        earlier_failed = any(not ok for _, _, ok in files[:len(settled) - 1])
        if loads and not earlier_failed:
            assert got == guess
    assert settled == _old_rule(files)


def test_only_an_archive_longer_than_parallel_from_forks_after_warming_up(tmp_path, monkeypatch):
    """The walk is looked ahead (nothing read): five files stay here; six fork after two articles read here."""
    arts = tmp_path / "arts"
    arts.mkdir()
    for i in range(5):
        (arts / f"a{i}.md").write_text(GOOD.format(n=10 + i), encoding="utf-8")
    used = _forked(monkeypatch, head=5)
    monkeypatch.setattr(parallel, "WARM_UP", 2)
    here: list = []
    monkeypatch.setattr(parallel, "_here", lambda item, *a, _real=parallel._here: here.append(item) or _real(item, *a))
    one = _extract(arts, jobs=2)
    assert not used and len(here) == 5
    (arts / "a5.md").write_text(GOOD.format(n=15), encoding="utf-8")
    here.clear()
    two = _extract(arts, jobs=2)
    assert used and len(here) == 2
    assert [c.to_dict() for c in two[1]][:len(one[1])] == [c.to_dict() for c in one[1]] and len(two[0]) == 6
