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
