"""End to end on several stories at once: real conflicts found, nothing compared across stories."""

from __future__ import annotations

from factcheck.pipeline import run

ARTICLES = {
    "nepal1.md": ("Reuters", "2015-04-26", "A magnitude 7.8 earthquake struck Nepal on Saturday, killing more than 2,500 "
                  "people, officials said.\n\nRescue teams in Kathmandu searched for survivors."),
    "nepal2.md": ("AP", "2015-05-10", "The death toll from the Nepal earthquake rose to 8,000 on Sunday, according to "
                  "Nepal's Home Ministry.\n\nRescuers in Kathmandu kept searching."),
    "nepal3.md": ("Daily Example", "2015-05-12", "The earthquake in Nepal killed 5,000 people, officials in Kathmandu said."),
    "nepal2023.md": ("Kathmandu Post", "2023-11-05", "An earthquake in western Nepal killed 150 people on Friday, "
                     "officials in Kathmandu said."),
    "paris1.md": ("BBC", "2016-04-22", "The Paris Agreement was signed by 175 countries at the United Nations in New York."),
    "paris2.md": ("Guardian", "2016-04-22", "A record 171 countries signed the Paris Agreement in New York, the United Nations said."),
    "flood.md": ("AFP", "2015-05-11", "Floods in Pakistan have killed 300 people and displaced 100,000, officials said."),
}


def _corpus(tmp_path):
    for name, (source, published, body) in ARTICLES.items():
        (tmp_path / name).write_text(f"---\nsource: {source}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return tmp_path


def _pairs(report, verdict):
    by_id = {c.id: c for c in report.claims}
    return [{by_id[i].article for i in f.claims} for f in report.findings if f.verdict == verdict]


def test_conflicts_are_found_within_stories_only(tmp_path):
    report = run([str(_corpus(tmp_path))])
    conflicts = _pairs(report, "conflict")
    assert {"nepal2", "nepal3"} in conflicts, "a later toll below an earlier one is a conflict"
    assert {"paris1", "paris2"} in conflicts, "two sizes of one group at one time"
    for articles in conflicts + _pairs(report, "tension"):
        stories = {a.rstrip("0123456789") for a in articles}
        assert len(stories) == 1 or stories == {"nepal"}, articles
        assert "flood" not in articles and "nepal2023" not in articles


def test_a_quake_years_later_is_another_event(tmp_path):
    report = run([str(_corpus(tmp_path))])
    involved = {c for f in report.findings if f.verdict in ("conflict", "tension") for c in f.claims}
    assert not any(cid.startswith("nepal2023") for cid in involved)


def test_same_input_same_findings(tmp_path):
    corpus = str(_corpus(tmp_path))
    first, second = run([corpus]), run([corpus])
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]


def test_agreement_sizes_compare_across_wordings(tmp_path):
    texts = {
        "a1.md": ("BBC", "2015-12-12", "Nearly 200 countries adopted the Paris climate accord on Saturday in Paris."),
        "a2.md": ("Reuters", "2015-12-13", "The Paris Agreement was adopted by 195 nations in Paris."),
        "a3.md": ("Example", "2015-12-13", "World leaders in Paris cheered. The accord, backed by 150 countries, "
                  "aims to limit warming. The Paris Agreement is historic."),
    }
    for name, (source, published, body) in texts.items():
        (tmp_path / name).write_text(f"---\nsource: {source}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    report = run([str(tmp_path)])
    by_id = {c.id: c for c in report.claims}
    pairs = {frozenset(by_id[i].article for i in f.claims): f.verdict for f in report.findings if len(f.claims) == 2}
    assert pairs.get(frozenset({"a1", "a2"})) in (None, "compatible"), "nearly 200 and 195 agree"
    assert pairs[frozenset({"a2", "a3"})] == "conflict" and pairs[frozenset({"a1", "a3"})] == "conflict"


def test_an_earlier_attack_named_in_the_same_article_is_another_event(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2016-02-11\nsource: X\n---\nThe attack in Kabul killed 20 people on "
                                   "Monday. Last year, a similar attack in Kabul killed 30 people.\n", encoding="utf-8")
    report = run([str(tmp_path)])
    assert not [f for f in report.findings if f.verdict in ("conflict", "tension")]
