"""HTML pages as articles: article text only (no menus, related links, comments, scripts), page metadata,
positions in the HTML file, and the same claims as the same article in Markdown."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from factcheck.claims import extract_claims
from factcheck.load import load_articles
from factcheck.model import Article

PAGE = Path(__file__).parent / "data" / "html" / "toll.html"
MARKDOWN = ("---\nsource: The Paper\npublished: 2016-02-11\n---\n"
            "More than 260,000 people have been killed in Syria since the war began, the observatory said.\n\n"
            "The United Nations says 4.8 million people & more have fled the country.\n")


def _load(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load_articles([tmp_path])


def test_a_folder_of_pages_is_read_with_page_metadata(tmp_path):
    shutil.copy(PAGE, tmp_path / "toll.html")
    (a,), problems = load_articles([tmp_path])
    assert problems == []
    assert (a.id, a.title, a.source, a.published, a.url) == (
        "toll", "Syria toll rises", "The Paper", date(2016, 2, 11), "https://paper.example/syria")


def test_positions_point_into_the_html_file(tmp_path):
    shutil.copy(PAGE, tmp_path / "toll.html")
    (a,), _ = load_articles([tmp_path])
    source = PAGE.read_text(encoding="utf-8")
    lines = source.split("\n")
    assert len(a.text) == len(source) and a.text.count("\n") == source.count("\n")
    claims = extract_claims(a)
    assert claims
    for c in claims:
        assert source[c.start:c.end] == c.text
        assert lines[c.line - 1][c.column - 1:].startswith(c.text)


def test_boilerplate_never_becomes_claims(tmp_path):
    shutil.copy(PAGE, tmp_path / "toll.html")
    (a,), _ = load_articles([tmp_path])
    values = sorted(c.low for c in extract_claims(a))
    assert 900 not in values and 999 not in values and 3_000_000 not in values and 5 not in values
    assert {260_000, 4_800_000} <= set(values)


def test_same_claims_as_the_markdown_article(tmp_path):
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "toll.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "html").mkdir()
    shutil.copy(PAGE, tmp_path / "html" / "toll.html")
    (md,), _ = load_articles([tmp_path / "md"])
    (page,), _ = load_articles([tmp_path / "html"])
    assert (md.source, md.published) == (page.source, page.published)

    def key(c):
        return (c.text, c.low, c.high, c.bound, c.noun, c.predicate, c.place, c.attribution, c.event)

    html_claims = [key(c) for c in extract_claims(page)]
    assert [key(c) for c in extract_claims(md)] == html_claims[:2]


def test_sources_yaml_wins_over_the_page(tmp_path):
    shutil.copy(PAGE, tmp_path / "toll.html")
    (tmp_path / "sources.yaml").write_text("toll.html:\n  source: Wire\n  published: 2016-02-12\n", encoding="utf-8")
    (a,), problems = load_articles([tmp_path])
    assert problems == [] and (a.source, a.published, a.title) == ("Wire", date(2016, 2, 12), "Syria toll rises")


def test_a_page_without_article_text_is_a_problem_naming_it(tmp_path):
    articles, problems = _load(tmp_path, {"empty.html": "<html><head><script>var n = 500;</script></head><body></body></html>"})
    assert articles == [] and len(problems) == 1
    assert problems[0].path.endswith("empty.html") and "no article text" in problems[0].message


def test_hostile_pages_do_not_crash(tmp_path):
    deep = "<div>" * 5000 + "<p>At least 18 civilians died in the offensive on the town, officials said.</p>" + "</div>" * 5000
    broken = "<html><body><p>Over 40 people were hurt &#99999999; &bogus; <b>in the </i>blast</p><script>"
    items, problems = _load(tmp_path, {"deep.html": deep, "broken.html": broken, "bin.htm": "<p>\x01\x02 5 people</p>"})
    for a in items:
        assert isinstance(a, Article)
        extract_claims(a)
    assert all(p.path.endswith((".html", ".htm")) for p in problems)


def test_a_paragraph_wrapped_over_source_lines_is_one_paragraph(tmp_path):
    page = Path(__file__).parent / "data" / "html" / "wrapped.html"
    shutil.copy(page, tmp_path / "wrapped.html")
    (a,), _ = load_articles([tmp_path])
    claims = {c.text: c for c in extract_claims(a)}
    aid = claims["Around 13.5 million people"]
    assert (aid.line, aid.column) == (5, 5)
    assert aid.sentence.endswith("need humanitarian aid, the agency said on Thursday.")
    killed = claims["More than 260,000 people"]
    assert (killed.line, killed.predicate) == (7, "killed")


def test_a_news_page_gives_the_claims_of_its_markdown_and_nothing_from_its_furniture(tmp_path):
    """Sentences from Yale Climate Connections (2022-11-30) in a page with menus, related links, comments, scripts."""
    data = Path(__file__).parent / "data" / "html"
    for name in ("hurricane-season.html", "hurricane-season.md"):
        (tmp_path / name.split(".")[-1]).mkdir()
        shutil.copy(data / name, tmp_path / name.split(".")[-1] / name)
    (page,), problems = load_articles([tmp_path / "html"])
    (md,), _ = load_articles([tmp_path / "md"])
    assert problems == [] and (page.source, page.published) == (md.source, md.published) == (
        "Yale Climate Connections", date(2022, 11, 30))
    assert page.title == "The bizarre and destructive 2022 hurricane season ends"

    def key(c):
        return (c.text, c.low, c.high, c.bound, c.noun, c.predicate, c.dimension)

    page_claims = extract_claims(page)
    assert [key(c) for c in page_claims] == [key(c) for c in extract_claims(md)]
    assert len(page_claims) == 12
    source = (data / "hurricane-season.html").read_text(encoding="utf-8")
    assert all(source[c.start:c.end].split() == c.text.split() for c in page_claims)
    deaths = next(c for c in page_claims if c.text == "at least 145 deaths")
    assert source.split("\n")[deaths.line - 1][deaths.column - 1:].startswith("at least 145 deaths")
