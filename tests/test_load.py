"""Article loading: metadata, furniture, and bad input reported per file without losing the others."""

from __future__ import annotations

from datetime import date

from factcheck.load import body_spans, load_articles
from factcheck.model import Article


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_sources_yaml_supplies_metadata(tmp_path):
    _write(tmp_path, "a.txt", "At least 18 civilians died in the offensive.\n")
    _write(tmp_path, "sources.yaml", "a.txt:\n  source: Foreign Policy\n  published: 2016-02-03\n  title: T\n  url: https://x\n")
    (a,), problems = load_articles([tmp_path])
    assert problems == []
    assert (a.id, a.source, a.published, a.title, a.url) == ("a", "Foreign Policy", date(2016, 2, 3), "T", "https://x")


def test_front_matter_wins_over_sources_yaml(tmp_path):
    _write(tmp_path, "a.md", "---\nsource: AFP\npublished: 2016-02-11\n---\nMore than 260,000 people have been killed.\n")
    _write(tmp_path, "sources.yaml", "a.md:\n  source: Other\n  published: 2015-01-01\n")
    (a,), _ = load_articles([tmp_path])
    assert a.source == "AFP" and a.published == date(2016, 2, 11)
    assert a.text.startswith("---\n"), "the text is the file's own, so offsets index the file"


def test_bad_files_are_reported_and_the_rest_still_load(tmp_path):
    _write(tmp_path, "good.txt", "Some 300,000 people are at risk.\n")
    _write(tmp_path, "empty.txt", "   \n")
    _write(tmp_path, "binary.txt", b"\x00\x01\x02abc")
    _write(tmp_path, "latin1.txt", "caf\xe9 200 people".encode("latin-1"))
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    by_file = {p.path.rsplit("/", 1)[-1]: p for p in problems}
    assert set(by_file) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert "empty" in by_file["empty.txt"].message
    assert "binary" in by_file["binary.txt"].message
    assert "UTF-8" in by_file["latin1.txt"].message and by_file["latin1.txt"].line == 1


def test_malformed_front_matter_names_the_line(tmp_path):
    _write(tmp_path, "a.md", "---\nsource: AFP\npublished: [2016\n---\nText with 5 people.\n")
    articles, problems = load_articles([tmp_path])
    assert len(articles) == 1, "the article is still read"
    assert len(problems) == 1 and problems[0].path.endswith("a.md") and problems[0].line and problems[0].line >= 2
    assert str(problems[0]).startswith(problems[0].path + ":")


def test_missing_path_is_a_problem(tmp_path):
    _, problems = load_articles([tmp_path / "nope"])
    assert problems and "no such file" in problems[0].message


def test_invalid_published_date_is_reported(tmp_path):
    _write(tmp_path, "a.md", "---\npublished: someday\n---\n5 people.\n")
    (a,), problems = load_articles([tmp_path])
    assert a.published is None and "not a date" in problems[0].message


def test_input_files_are_not_modified(tmp_path):
    p = _write(tmp_path, "a.txt", "More than 260 000 people have been killed.\n")
    before = p.read_bytes(), p.stat().st_mtime_ns
    load_articles([tmp_path])
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_furniture_is_not_article_text():
    text = ("© 2024 WOSU Public Media\nPlay Live Radio\n0:00 0:00\n  1. Inhalt\n  2. Navigation\n"
            "Real sentence with 17 countries.\nWatch video 02:49\nYou may also like:\nUnrelated 500 people.\n")
    kept = [text[s:e] for s, e in body_spans(text)]
    assert kept == ["Real sentence with 17 countries."]


def test_a_single_numbered_line_is_kept():
    text = "1. The first point: 40 people died.\nNext paragraph.\n"
    kept = [text[s:e] for s, e in body_spans(text)]
    assert kept[0].startswith("1. The first point")


def test_seed_metadata(seed_articles):
    assert seed_articles["000"].source == "NPR (via WOSU)" and seed_articles["000"].published == date(2016, 2, 11)
    assert seed_articles["002"].published == date(2015, 12, 15)
    assert all(isinstance(a, Article) and a.published for a in seed_articles.values())


def test_files_sharing_a_stem_get_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "story.txt", "At least 18 civilians died.\n")
    articles, _ = load_articles([tmp_path])
    assert [a.id for a in articles] == ["story", (tmp_path / "b" / "story.txt").as_posix()]


# ---------------------------------------------------------------- dates (issue 9)
import os  # noqa: E402

import pytest  # noqa: E402

from factcheck.load import date_order, parse_date  # noqa: E402
from factcheck.safeyaml import BadScalar  # noqa: E402


@pytest.mark.parametrize("value, order, expected", [
    ("2016-02-11", None, date(2016, 2, 11)),
    ("2016-02-11T10:00:00Z", None, date(2016, 2, 11)),
    ("13/03/2024", None, date(2024, 3, 13)),
    ("03/13/2024", None, date(2024, 3, 13)),
    ("04/03/2024", "DMY", date(2024, 3, 4)),
    ("04/03/2024", "MDY", date(2024, 4, 3)),
    ("05/05/2024", None, date(2024, 5, 5)),
    ("2024/03/04", None, date(2024, 3, 4)),
    ("11 February 2016", None, date(2016, 2, 11)),
])
def test_parse_date(value, order, expected):
    assert parse_date(value, order) == (expected, None)


@pytest.mark.parametrize("value, order, why", [
    ("04/03/2024", None, "ambiguous"),
    ("31/02/2024", "DMY", "not a real date"),
    ("2024-02-30", None, "day is out of range"),
    ("13/13/2024", None, "not a real date"),
    ("04/03/24", "DMY", "four digits"),
    ("someday", None, "not a date"),
    (BadScalar("2016-13-45", 3, "month must be in 1..12"), None, "month must be in 1..12"),
])
def test_parse_date_refuses(value, order, why):
    parsed, reason = parse_date(value, order)
    assert parsed is None and why in reason


def test_date_order_applies_to_front_matter_and_sources(tmp_path):
    _write(tmp_path, "a.md", "---\npublished: 04/03/2024\n---\n5 people.\n")
    _write(tmp_path, "b.md", "6 people.\n")
    _write(tmp_path, "sources.yaml", "b.md:\n  published: 05/03/2024\n")
    articles, problems = load_articles([tmp_path])
    assert [a.published for a in articles] == [None, None]
    assert sorted((p.path.rsplit("/", 1)[-1], p.line) for p in problems) == [("a.md", 2), ("sources.yaml", 2)]
    with date_order("MDY"):
        articles, problems = load_articles([tmp_path])
    assert problems == [] and [a.published for a in articles] == [date(2024, 4, 3), date(2024, 5, 3)]


def test_a_valid_date_time_is_read_as_its_date(tmp_path):
    _write(tmp_path, "a.md", "---\npublished: 2016-02-11 10:30:00\n---\n5 people.\n")
    (a,), problems = load_articles([tmp_path])
    assert problems == [] and a.published == date(2016, 2, 11)


# ---------------------------------------------------------------- folders (issue 9)
def test_an_unreadable_subfolder_is_named_and_the_rest_loaded(tmp_path, monkeypatch):
    _write(tmp_path, "good.md", "At least 18 civilians died.\n")
    (tmp_path / "locked").mkdir()
    _write(tmp_path / "locked", "x.md", "5 people.\n")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert [(p.path, p.message) for p in problems] == [
        ((tmp_path / "locked").as_posix(), "cannot search this folder (Permission denied): skipped")]


def test_a_readable_but_not_searchable_folder_is_named(tmp_path, monkeypatch):
    _write(tmp_path, "good.md", "At least 18 civilians died.\n")
    (tmp_path / "noexec").mkdir()
    _write(tmp_path / "noexec", "x.md", "5 people.\n")
    real = os.scandir

    class Entry:
        def __init__(self, e):
            self.name, self.path = e.name, e.path

        def is_dir(self, follow_symlinks=True):
            raise PermissionError(13, "Permission denied")

        is_file = is_dir

    class Listing:
        def __init__(self, path):
            self.entries = [Entry(e) for e in real(path)]

        def __enter__(self):
            return iter(self.entries)

        def __exit__(self, *a):
            return False

    monkeypatch.setattr(os, "scandir", lambda p: Listing(p) if str(p).endswith("noexec") else real(p))
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert len(problems) == 1 and problems[0].path.endswith("noexec") and "cannot be read" in problems[0].message


def test_a_symlink_loop_is_not_followed(tmp_path):
    _write(tmp_path, "good.md", "At least 18 civilians died.\n")
    (tmp_path / "loop").symlink_to(tmp_path)
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["good"] and problems == []


def test_a_device_named_explicitly_is_refused(tmp_path):
    articles, problems = load_articles(["/dev/zero"])
    assert articles == [] and "not a regular file" in problems[0].message
