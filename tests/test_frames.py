"""Verdicts on real-story shapes: what a figure counts, parts and totals, updates, places, stories.

Each category of error seen on real multi-outlet stories has a test here; the ferry scenario
is the one a new user tried. Properties: a claim never conflicts with itself or its own
sentence, and verdicts do not depend on the order of the articles.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import extract_claims
from factcheck.model import Article
from factcheck.pipeline import run
from factcheck.rules import load_rules

RULES = load_rules()
FLAGS = ("conflict", "tension")


def _write(folder: Path, name: str, source: str, published: str, body: str, title: str = "") -> None:
    head = f"---\nsource: {source}\npublished: {published}\n" + (f"title: {title}\n" if title else "") + "---\n"
    (folder / name).write_text(head + body + "\n", encoding="utf-8")


def _story_flags(folder: Path, *articles: tuple[str, str, str]) -> list[set[str]]:
    """The flags of a story told by (source, published, body) articles, written as a.md, b.md, ..."""
    for n, (source, published, body) in enumerate(articles):
        _write(folder, f"{chr(ord('a') + n)}.md", source, published, body)
    return _flags(run([str(folder)], rules=RULES))


def _claims(text: str, published: str = "2024-03-04"):
    from datetime import date

    art = Article(id="a", path="a.md", text=text, source="S", published=date.fromisoformat(published))
    return [RULES.classify(c) for c in extract_claims(art)]


def _flags(report) -> list[set[str]]:
    by_id = {c.id: c for c in report.claims}
    return [{by_id[i].text for i in f.claims} for f in report.findings if f.verdict in FLAGS]


# ---------------------------------------------------------------- the ferry scenario
FERRY = {
    "a.md": ("Coastal Wire", "2024-03-03",
             "A passenger ferry capsized off Marivo Island in the Philippines on Sunday. Authorities said 42 people "
             "were killed.\n\nRescuers pulled 120 people from the water, and 58 are still missing, the coast guard "
             "said.\n\nOf the 42 dead, 31 were from Cebu and 11 from Bohol, officials said."),
    "b.md": ("Daily Ledger", "2024-03-04",
             "The death toll from the ferry that capsized off Marivo Island was revised down to 35 from 42 on Monday, "
             "after some victims were counted twice, the coast guard said."),
    "c.md": ("Harbour Times", "2024-03-04",
             "The death toll from Sunday's ferry sinking off Marivo Island in the Philippines has risen to 67, "
             "initially put at 42, provincial officials said on Monday."),
}


def _ferry(tmp_path: Path):
    for name, (source, published, body) in FERRY.items():
        _write(tmp_path, name, source, published, body)
    return run([str(tmp_path)], rules=RULES)


def test_ferry_reports_the_real_disagreement_and_the_correction_and_nothing_else(tmp_path):
    report = _ferry(tmp_path)
    flags = _flags(report)
    assert {"35", "67"} in flags, "35 and 67 on the same day cannot both be right"
    corrections = [f for f in report.findings if f.verdict in FLAGS and "correction" in f.message]
    assert corrections, "the downward revision 42 -> 35 is shown, as a correction"
    for pair in flags:
        assert pair in ({"35", "67"}, {"42", "35"}, {"42 people", "35"}), pair
    kinds = {c.text: c.kind for c in report.claims}
    assert kinds["120 people"] == "rescued" and kinds["58"] == "missing"
    assert kinds["31"] == kinds["11"] == "deaths", "the parts of 'Of the 42 dead' count the dead, not the missing"


def test_ferry_correction_is_a_warning_the_disagreement_an_error(tmp_path):
    report = _ferry(tmp_path)
    by_id = {c.id: c for c in report.claims}
    for f in report.findings:
        texts = {by_id[i].text for i in f.claims}
        if texts == {"35", "67"}:
            assert f.severity == "error"
        if "correction" in f.message:
            assert f.severity == "warning"


# ---------------------------------------------------------------- categories
def test_parts_by_place_are_not_totals_and_may_not_exceed_them():
    ok = _claims("Of the 67 dead, 31 were from Norte province, 22 from Marivo Island, officials said.")
    parts = [c for c in ok if c.part]
    assert [c.text for c in parts] == ["31", "22"] and all(c.kind == "deaths" for c in parts)
    over = run_text("Of the 42 dead, 31 were from Cebu and 22 from Bohol, officials said.")
    exceed = [f for f in over.findings if f.kind == "parts_exceed_total"]
    assert len(exceed) == 1 and "53" in exceed[0].message


def run_text(body: str, tmp: Path | None = None):
    import tempfile

    folder = Path(tmp or tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder, "one.md", "Test", "2024-03-04", body)
    return run([str(folder)], rules=RULES)


def test_nationalities_and_including_are_parts():
    claims = _claims("The crash killed 157 people, including 32 Kenyans and 12 children.")
    by_text = {c.text: c for c in claims}
    assert by_text["157 people"].part is None
    assert by_text["32 Kenyans"].part is not None or by_text["32 Kenyans"].noun == "kenyan"
    assert by_text["12 children"].part is not None


def test_updates_in_the_text_are_earlier_never_contradictions(tmp_path):
    for sentence in ("The toll rose from 42 to 67 on Monday.", "The toll, initially put at 42, has risen to 67.",
                     "The toll stood at 67, up from 42."):
        claims = _claims(sentence)
        old = next(c for c in claims if c.value == 42)
        assert old.revision == "earlier", sentence
        report = run_text(sentence, tmp_path / sentence[:12])
        assert not _flags(report), sentence


def test_wrong_measure_is_not_taken_from_a_neighbouring_clause():
    by_text = {c.text: c.kind for c in _claims("Rescuers pulled 120 people from the water, and 58 are still missing.")}
    assert by_text == {"120 people": "rescued", "58": "missing"}
    village = {c.text: c.kind for c in _claims("The quake killed 12 people in a village of 3,000 people.")}
    assert village["3,000 people"] != "deaths"


def test_measure_named_earlier_or_by_the_toll():
    assert _claims("Reuters puts the toll at 2,310.")[0].kind == "deaths"
    assert _claims("The blast killed over 300 workers.")[0].kind == "deaths"


def test_organisations_and_attribution_modifiers_are_not_places():
    c = _claims("The Geneva-based monitor said 40 people were killed.")[0]
    assert c.place is None
    c = _claims("According to the Centre for Disaster Research, 40 people were killed.")[0]
    assert c.place is None


def test_a_place_word_the_gazetteer_does_not_know_is_not_a_place():
    c = _claims("Officials in Zzyzxville said 40 people were killed.")[0]
    assert c.place is None


def test_feared_and_forecast_figures_are_not_counts():
    c = _claims("Hundreds are feared dead after the ferry sank.")[0]
    assert c.modality != "asserted"


def test_different_stories_sharing_a_country_are_not_compared(tmp_path):
    _write(tmp_path, "quake.md", "A", "2018-09-30", "An earthquake in Indonesia killed 832 people in Palu.")
    _write(tmp_path, "crash.md", "B", "2018-10-29", "A Lion Air plane crashed off Jakarta in Indonesia, killing 189 people.")
    report = run([str(tmp_path)], rules=RULES)
    assert not _flags(report)


def test_one_incident_joins_articles_that_share_few_names(tmp_path):
    _write(tmp_path, "a.md", "A", "2023-06-14", "A fishing boat capsized off Pylos in Greece. At least 79 people died.")
    _write(tmp_path, "b.md", "B", "2023-06-14", "The migrant shipwreck off Greece killed 59 people, the coast guard said.")
    report = run([str(tmp_path)], rules=RULES)
    assert {"At least 79 people", "59 people"} in _flags(report)


def test_place_inside_another_country_is_compared_when_the_story_is_about_it(tmp_path):
    _write(tmp_path, "a.md", "A", "2018-10-01", "The earthquake in Palu killed 844 people, officials in Palu said.")
    _write(tmp_path, "b.md", "B", "2018-10-01", "The earthquake killed 1,234 people in Indonesia, officials in Palu said.")
    report = run([str(tmp_path)], rules=RULES)
    assert {"844 people", "1,234 people"} in _flags(report)


def test_an_article_with_two_figures_for_one_day_gets_an_internal_finding(tmp_path):
    report = run_text("Officials said 40 people were killed. Police later said 25 people were killed.", tmp_path)
    assert any(f.kind == "internal" for f in report.findings if f.verdict in FLAGS)


# ---------------------------------------------------------------- properties
SENTENCES = st.sampled_from([
    "At least 40 people were killed and 120 were injured.",
    "The toll rose from 42 to 67, and 58 are still missing.",
    "Of the 67 dead, 31 were from Norte and 22 from Marivo.",
    "Rescuers pulled 120 people from the water, and 58 are still missing.",
    "The crash killed 157 people, including 32 Kenyans and eight Italians.",
    "More than 300 died while 1,200 were hurt.",
])


@settings(max_examples=30, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=4))
def test_a_claim_never_conflicts_with_itself_or_its_own_sentence(sentences):
    from factcheck.compare import compare_claims

    text = " ".join(sentences)
    claims = _claims(text)
    findings = compare_claims(claims + claims, RULES)
    for f in findings:
        if f.verdict in FLAGS and f.kind != "parts_exceed_total":
            a, b = (next(c for c in claims if c.id == i) for i in f.claims[:2])
            assert a.id != b.id and a.sentence != b.sentence


@settings(max_examples=15, deadline=None)
@given(st.permutations(["a.md", "b.md", "c.md"]))
def test_verdicts_do_not_depend_on_the_order_of_articles(tmp_path_factory, order):
    folder = tmp_path_factory.mktemp("ferry")
    for name, (source, published, body) in FERRY.items():
        _write(folder, name, source, published, body)
    baseline = run([str(folder)], rules=RULES)
    shuffled = run([str(folder / n) for n in order], rules=RULES)
    key = lambda r: sorted((f.verdict, tuple(sorted(f.claims)), f.kind) for f in r.findings)  # noqa: E731
    assert key(baseline) == key(shuffled)


# ---------------------------------------------------------------- an article's own history
def test_an_article_history_of_earlier_figures_never_contradicts_itself(tmp_path):
    """'The previous toll, announced on Saturday night, was 2,012', then a bulleted run of the day's tolls: the
    article says which figure is current, so its earlier figures are not findings against each other."""
    _write(tmp_path, "a.md", "Wire", "2024-09-10",
           "The ministry said the earthquake has killed 2,122 people.\n\n"
           "The previous toll announced by the authorities on Saturday night indicated 2,012 dead.\n\n"
           "- Early Saturday morning, the ministry reported that 296 people were killed.\n"
           "- Television announced later Saturday that 632 people had been killed.\n"
           "- In the evening, state television said that the death toll had reached 1,037.")
    report = run([str(tmp_path)], rules=RULES)
    assert _flags(report) == []
    earlier = {c.text: c.as_of for c in report.claims if c.revision == "earlier"}
    assert earlier["2,012"].isoformat() == "2024-09-07"  # its own day (Saturday), not a day before it


def test_a_downward_correction_in_one_article_stays_visible(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2024-03-03", "The ferry sinking killed 42 people, the coast guard said.")
    _write(tmp_path, "b.md", "Ledger", "2024-03-04",
           "The death toll from the ferry sinking was revised down to 35 from 42, the coast guard said.\n\n"
           "The first toll of 42 was given on Sunday.")
    report = run([str(tmp_path)], rules=RULES)
    assert any("correction" in f.message for f in report.findings if f.verdict in FLAGS)


def test_a_headline_repeats_the_body_figure_with_its_own_bound():
    """'79 dead' in a headline repeats 'the death toll is 79', not 'at least 79' said a line above."""
    text = ("---\nsource: S\npublished: 2024-03-04\ntitle: Ferry toll rises to 79 dead\n---\n"
            "Officials said at least 79 people died when the ferry capsized.\n\n"
            "\"At the moment the death toll is 79,\" the governor said.")
    from datetime import date

    art = Article(id="a", path="a.md", text=text, source="S", published=date(2024, 3, 4))
    claims = extract_claims(art)
    head = next(c for c in claims if c.duplicate_of)
    assert next(c for c in claims if c.id == head.duplicate_of).bound == head.bound == "exact"


def test_a_toll_of_another_country_in_the_story_is_another_incident(tmp_path):
    """'the same model that crashed in Indonesia, killing 189' in two articles about a crash in Ethiopia."""
    for name, source, toll in (("a.md", "Wire", 157), ("b.md", "Ledger", 157)):
        _write(tmp_path, name, source, "2019-03-10",
               f"An Ethiopian Airlines plane crashed near Bishoftu in Ethiopia on Sunday, killing all {toll} people "
               "on board, the airline said.\n\nA plane of the same model crashed in Indonesia in October, killing "
               "189 people." if name == "a.md" else
               f"The Ethiopian Airlines jet crashed in Ethiopia shortly after take-off, killing {toll} people.")
    report = run([str(tmp_path)], rules=RULES)
    assert _flags(report) == []


def test_a_possessive_names_the_place():
    from factcheck.claims import _named_places, _place_mentions

    assert _place_mentions("Over 40 killed in Tanzania’s Lake Victoria ferry capsize") == [("Tanzania", 1.0)]
    assert _named_places("Tanzania's ferry") == [("Tanzania", 0.5)]


def test_a_named_part_meets_the_same_part_of_another_source(tmp_path):
    """'The dead included 19 foreigners' and '26 foreign nationals were killed': both count foreigners."""
    flags = _story_flags(
        tmp_path,
        ("Wire", "2022-10-30",
         "At least 151 people died in the crowd crush in Seoul. The dead included 19 foreigners, officials said."),
        ("Ledger", "2022-10-30",
         "The crowd crush in Seoul killed 151 people. Officials said 26 foreigners died in the crush."),
    )
    assert {"19 foreigners", "26 foreigners"} in flags


def test_a_dated_change_dates_its_old_figure_before_the_day():
    """'issued the correction on Thursday, lowering the total from 359 to 253': 359 came before Thursday; 'Earlier
    Saturday, TV had put the toll at 151, but an MP said over 170 had died': 151 is Saturday's own."""
    by = {c.text: c for c in _claims("Officials issued the correction on Thursday, lowering the death toll from 359 "
                                     "to 253 people.", "2019-04-26")}
    assert by["359"].as_of.isoformat() == "2019-04-24" and by["253 people"].as_of.isoformat() == "2019-04-25"
    by = {c.text: c for c in _claims("Earlier Saturday, state TV had put the death toll at 151, but an MP told AFP "
                                     "that over 170 people had died.", "2018-09-23")}
    assert by["151"].as_of.isoformat() == "2018-09-22"


def test_officials_name_the_story_country():
    from factcheck.claims import _authorities

    assert _authorities("Sri Lankan authorities lowered the toll, a Tanzanian government spokesman said") == [
        ("Sri Lanka", 1.0), ("Tanzania", 1.0)]


def test_a_superseded_figure_is_not_shown_to_follow_the_days_just_before(tmp_path):
    """'our first estimates were 290' (said on the 25th) is not later than '310' of the 23rd: its own day is
    unknown. A superseded figure dated days after another still is ('from 78 to 81' a week after '79')."""
    _write(tmp_path, "a.md", "Wire", "2019-04-23", "The death toll from the Easter bombings rose to 310, police said.")
    _write(tmp_path, "b.md", "Ledger", "2019-04-25",
           "\"Our first estimates were 290 and it will be reduced to 253,\" the director general said of the bombings.")
    report = run([str(tmp_path)], rules=RULES)
    assert {"310", "290"} not in _flags(report)


def test_a_magnitude_is_not_a_total_that_a_figure_is_part_of():
    by = {c.text: c for c in _claims("The death toll of the 7 magnitude earthquake has risen to 2,960.")}
    assert by["2,960"].part is None


def test_previously_announced_is_an_earlier_figure_of_its_own_measure():
    by = {c.text: c for c in _claims("Authorities had previously announced that the death toll was 2,946 and the "
                                     "number of injuries was 6,125.")}
    assert by["2,946"].revision == "earlier" and by["2,946"].kind == "deaths"
    assert by["2,946"].attribution == "Authorities"


def test_more_after_another_measure_means_others_not_an_increase():
    by = {c.text: c for c in _claims("At least 146 people died and at least 150 more were injured, officials said.")}
    assert by["at least 150"].part is None
    by = {c.text: c for c in _claims("The toll increased by 100 victims during the last hours, while the number of "
                                     "injured people increased by 400 people.")}
    assert by["400 people"].part == "increase"


def test_a_change_brought_about_is_two_figures():
    by = {c.text: c for c in _claims("Three more bodies were recovered on Monday, bringing the death toll from 78 to 81.")}
    assert by["78"].revision == "earlier" and by["81"].revision is None


def test_parts_that_do_not_say_which_are_never_compared(tmp_path):
    """'Four of those on board' and '32 passengers out of the 149' are parts of one total, but not the same part."""
    flags = _story_flags(
        tmp_path,
        ("Wire", "2019-03-10",
         "The plane crashed near Bishoftu, killing everyone on board. Kenya had about 32 passengers on board out of "
         "the 149 passengers, officials said."),
        ("Ledger", "2019-03-11",
         "The plane crashed near Bishoftu. Four of those on board were using United Nations passports."),
    )
    assert not any("Four" in pair for pair in flags)
    by = {c.text: c for c in _claims("Kenya had about 32 passengers on board out of the 149 passengers.")}
    assert by["149 passengers"].part is None


def test_passengers_are_not_everyone_on_board(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2019-03-10", "The airliner crashed on Sunday with 149 passengers on board.")
    _write(tmp_path, "b.md", "Ledger", "2019-03-10", "The airliner crashed on Sunday with 157 people on board.")
    assert _flags(run([str(tmp_path)], rules=RULES)) == []
    _write(tmp_path, "b.md", "Ledger", "2019-03-10", "The airliner crashed on Sunday with 400 people on board.")
    assert {"149 passengers", "400 people"} in _flags(run([str(tmp_path)], rules=RULES))


def test_a_country_with_a_figure_and_the_others_are_parts():
    by = {c.text: c for c in _claims("Ethiopia had the most victims, with Kenya coming next with 19, officials said.")}
    assert by["19"].part == "Kenya"
    by = {c.text: c for c in _claims("The other nationalities had one or two passengers on board, he said.")}
    assert by["two passengers"].part is not None  # a part, never the total
    by = {c.text: c for c in _claims("Other reports said 40 people died.")}
    assert by["40 people"].part is None


def test_a_region_from_some_nations_is_a_part_and_a_hedged_forecast_is_no_count():
    by = {c.text: c for c in _claims("Africans from 12 nations were listed as passengers.")}
    assert by["12 nations"].part == "African"
    by = {c.text: c for c in _claims("So the death toll will undoubtedly rise further, possibly in the hundreds.")}
    assert by["hundreds"].modality == "hypothetical"
    by = {c.text: c for c in _claims("The toll rose to 80, officials said.")}
    assert by["80"].modality == "asserted"


def test_since_after_a_superlative_is_no_window():
    by = {c.text: c for c in _claims("The quake killed 2,946 people, making it Morocco's deadliest since 1960.")}
    assert by["2,946 people"].since is None
    by = {c.text: c for c in _claims("The war has killed 400,000 people since 2012.")}
    assert by["400,000 people"].since.year == 2012


def test_two_conversions_of_one_amount_are_compared(tmp_path):
    """'30,000 dirhams (€7,600)' and '30,000 dirhams (around 2,750 euros)': one amount, two conversions."""
    _write(tmp_path, "a.md", "Wire", "2023-09-14",
           "After the earthquake, authorities ordered urgent aid of 30,000 dirhams (€7,600) for affected households.")
    _write(tmp_path, "b.md", "Ledger", "2023-09-15",
           "After the earthquake, authorities ordered emergency aid of 30,000 dirhams (around 2,750 euros) for "
           "households affected by the earthquake.")
    assert {"€7,600", "around 2,750 euros"} in _flags(run([str(tmp_path)], rules=RULES))


def test_the_missing_of_different_days_never_clash_and_the_hardest_hit_place_is_a_part(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2023-09-12", "After the floods in Libya, 10,000 people are missing, the Red Crescent said."),
        ("Ledger", "2023-09-17", "After the floods in Libya, more than 9,000 people are still missing."),
        ("Post", "2023-09-17", "After the floods in Libya, 4,000 people are still missing."),
    )
    assert {"10,000 people", "more than 9,000 people"} not in flags
    assert {"more than 9,000 people", "4,000 people"} in flags  # one day, two counts
    by = {c.text: c for c in _claims("In the eastern town of Derna, which was the hardest hit, up to 6,000 people "
                                     "were missing, the minister said.")}
    assert by["up to 6,000 people"].part == "Derna"


def test_evacuations_are_counted_per_day(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2019-09-01", "Ahead of the hurricane, authorities evacuated 20,000 people from the coast."),
        ("Ledger", "2019-09-01", "Ahead of the hurricane, authorities evacuated 5,000 people from the coast."),
        ("Post", "2019-09-05", "After the hurricane, 1,000 people remained evacuated from the coast."),
    )
    assert {"20,000 people", "5,000 people"} in flags and not any("1,000 people" in f for f in flags)


def test_a_total_over_several_countries_is_not_one_countrys_figure(tmp_path):
    by = {c.text: c for c in _claims("In Zimbabwe, 344 people died.")}
    assert by["344 people"].place == "Zimbabwe"
    by = {c.text: c for c in _claims("The cyclone killed more than 750 people in Mozambique, Zimbabwe and Malawi.")}
    assert by["more than 750 people"].place == "Mozambique; Zimbabwe; Malawi"
    _write(tmp_path, "a.md", "Wire", "2019-03-20",
           "Cyclone Idai killed more than 750 people in Mozambique, Zimbabwe and Malawi, the UN said.")
    _write(tmp_path, "b.md", "Ledger", "2019-03-20", "Cyclone Idai killed 602 people in Mozambique, officials said.")
    _write(tmp_path, "c.md", "Post", "2019-03-20", "Cyclone Idai killed 500 people in Mozambique, officials said.")
    assert _flags(run([str(tmp_path)], rules=RULES)) == [{"500 people", "602 people"}]


def test_bodies_sent_home_are_bodies_handled():
    by = {c.text: c for c in _claims("Funeral procedures have been completed and the bodies of 24 foreign nationals "
                                     "have been sent to their home countries, it said.")}
    assert by["24 foreign nationals"].kind is None


def test_the_toll_of_a_named_crash_counts_people_and_a_town_abroad_is_no_local_place():
    by = {c.text: c for c in _claims("The official death toll of the Tempi rail crash has risen to 57 late on Thursday.")}
    assert by["57"].kind == "deaths"
    from factcheck.places import lookup

    assert lookup("Tempe") is not None and lookup("Tempe", prefer="GR") is None
    assert lookup("Greece", prefer="US").name == "Greece"  # countries are never 'abroad'


def test_bodies_found_in_one_of_the_rooms_and_others_are_parts_and_hospital_is_not_injured():
    by = {c.text: c for c in _claims("Twenty-eight bodies were found in one of the restrooms. Fourteen other bodies "
                                     "were also found on the stairs.")}
    assert by["Twenty-eight bodies"].part == "part" and by["Fourteen other bodies"].part == "others"  # the rest
    by = {c.text: c for c in _claims("By Wednesday, 80 people injured in the attack remained in hospital.")}
    assert by["80 people"].kind is None and by["80 people"].predicate == "in hospital"


def test_opening_fire_is_no_fire_and_an_assault_in_one_attack_is_that_attack(tmp_path):
    by = {c.text: c for c in _claims("At least 40 people were killed when gunmen opened fire on concertgoers.")}
    assert by["At least 40 people"].event != "fire"
    _write(tmp_path, "a.md", "Wire", "2024-03-30",
           "The terrorist attack at the concert hall has now claimed 144 lives, one of the deadliest assaults in years.")
    _write(tmp_path, "b.md", "Ledger", "2024-03-30", "The terrorist attack at the concert hall killed 150 people.")
    assert {"144 lives", "150 people"} in _flags(run([str(tmp_path)], rules=RULES))


def test_whose_toll_it_is_and_what_a_verb_counts():
    by = {c.text: c for c in _claims("Malawi’s death toll has risen from 225 to 326 since Wednesday, the president said.")}
    assert by["326"].place == "Malawi"
    by = {c.text: c for c in _claims("Most affected is impoverished Malawi, where the death toll rose to 438 on Saturday.")}
    assert by["438"].place == "Malawi"
    by = {c.text: c for c in _claims("The storm has led to at least 522 deaths in three countries in southeastern Africa – "
                                     "Malawi, Mozambique and Madagascar.")}
    assert by["at least 522 deaths"].place == "Malawi; Mozambique; Madagascar"
    by = {c.text: c for c in _claims("The storm affected over 2 million people and displaced over half a million.")}
    assert by["over 2 million people"].kind is None and by["over half a million"].kind == "displaced"
    by = {c.text: c for c in _claims("\"The death toll has risen from 225 to 326, the number of people displaced has more "
                                     "than doubled to 183,159,\" he said.")}
    assert by["326"].kind == "deaths" and by["183,159"].kind == "displaced"
    by = {c.text: c for c in _claims("She said the number of people accounted for is 136.")}
    assert by["136"].kind is None


def test_a_cholera_outbreak_in_a_cyclone_story_is_another_incident_and_a_several_country_total_needs_places(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2023-03-13",
         "Cyclone Freddy killed 99 people in Malawi. The country is grappling with the deadliest cholera outbreak in "
         "its history, which has killed more than 1,600 people."),
        ("Ledger", "2023-03-18", "Cyclone Freddy has killed 438 people in Malawi, officials said."),
        ("Post", "2023-03-18",
         "Cyclone Freddy has led to at least 522 deaths in three countries – Malawi, Mozambique and Madagascar."),
        ("Times", "2023-03-18", "The toll from Cyclone Freddy jumped to 438 from 326, officials said."),
    )
    assert not any("more than 1,600 people" in f for f in flags)
    assert not any("at least 522 deaths" in f for f in flags)
    by = {c.text: c for c in _claims("Malawi’s commercial capital Blantyre recorded 85 deaths.")}
    assert by["85 deaths"].place == "Blantyre"


def test_identified_as_injured_is_injured():
    by = {c.text: c for c in _claims("According to the agency, 154 people have been identified as injured.")}
    assert by["154 people"].kind == "wounded"


def test_a_crowd_that_gathers_is_no_toll():
    by = {c.text: c for c in _claims("Bodies were lined up on plastic sheeting as hundreds of people pressed near the "
                                     "water’s edge, watching the search efforts.")}
    assert by["hundreds of people"].kind is None
    by = {c.text: c for c in _claims("Rescuers pulled 120 people from the water.")}
    assert by["120 people"].kind == "rescued"


def test_over_the_weekend_dates_a_figure_to_that_sunday():
    by = {c.text: c for c in _claims("The UN said over the weekend that 11,300 people had died.", "2023-09-18")}
    assert by["11,300 people"].as_of.isoformat() == "2023-09-17"


def test_people_among_a_larger_count_are_a_part_but_countries_among_the_dead_are_not():
    by = {c.text: c for c in _claims("The FSB head said four people directly involved in the attack were among 11 "
                                     "detained.")}
    assert by["four people"].part == "part" and by["11"].part is None
    by = {c.text: c for c in _claims("Citizens of 35 countries are among the 157 people killed in the crash.")}
    assert by["35 countries"].part is None


def test_two_donors_lump_sums_are_not_one_amount(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2020-08-06", "After the blast in Beirut, the EU pledged $35 million to help households.")
    _write(tmp_path, "b.md", "Ledger", "2020-08-06",
           "After the blast in Beirut, the World Bank pledged $100 million to help households.")
    assert _flags(run([str(tmp_path)], rules=RULES)) == []


def test_previously_opening_a_sentence_makes_all_its_figures_earlier():
    by = {c.text: c for c in _claims("Previously, there were 102 people accounted for from the building and 99 people "
                                     "unaccounted for, she said.")}
    assert by["99 people"].revision == "earlier"
    by = {c.text: c for c in _claims("Earlier Saturday, state TV had put the toll at 151, but an MP said that over 170 "
                                     "people had died.")}
    assert by["over 170 people"].revision is None


def test_a_towns_toll_is_not_the_total_of_two_countries():
    from factcheck.parts import parts_exceed_total

    claims = [c for c in _claims("More than 100 people were killed in Malawi and Mozambique. Malawi bore the brunt, "
                                 "counting at least 99 deaths. Malawi’s commercial capital Blantyre recorded 85 deaths. "
                                 "In neighbouring Mozambique, at least 10 people died.") if c.kind]
    assert not any("85 deaths" in msg for _, _, msg in parts_exceed_total(claims))


def test_attacks_in_a_war_toll_are_the_war_and_a_nation_of_millions_is_its_population(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2023-04-20",
           "Since the fighting began in Sudan, the attacks have killed more than 400 people, the WHO said.")
    _write(tmp_path, "b.md", "Ledger", "2023-04-20", "The war in Sudan has killed 300 people, the WHO said.")
    assert {"more than 400 people", "300 people"} in _flags(run([str(tmp_path)], rules=RULES))
    by = {c.text: c for c in _claims("The attacks remain the worst in the island nation of 21 million people.")}
    assert by["21 million people"].kind != "deaths"


def test_a_part_named_by_a_counted_noun_is_that_noun_and_an_insertion_keeps_the_verb():
    by = {c.text: c for c in _claims("At least 39 people, including four children, have been killed and nearly 100 "
                                     "wounded in a rocket attack.")}
    assert by["At least 39 people"].kind == "deaths" and by["nearly 100"].kind == "wounded"
    from factcheck.frames import population_of

    kid = by["four children"]
    assert population_of(kid, RULES.rule_for(kid.kind)) == "child"


def test_a_round_figure_covers_what_it_rounds_but_two_precise_figures_differ(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2022-04-08", "The rocket attack on the station injured 100 people, officials said."),
        ("Ledger", "2022-04-08", "The rocket attack on the station injured 98 people, officials said."),
        ("Post", "2022-04-08", "The rocket attack on the station injured 151 people, officials said."),
        ("Times", "2022-04-08", "The rocket attack on the station injured 153 people, officials said."),
    )
    assert {"100 people", "98 people"} not in flags and {"151 people", "153 people"} in flags


def test_a_figure_for_a_part_of_the_world_is_no_countrys_figure(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2023-03-16",
           "More than 400 people have now died in East Africa as a result of Cyclone Freddy.")
    _write(tmp_path, "b.md", "Ledger", "2023-03-17", "Cyclone Freddy has killed 326 people in Malawi, the president said.")
    assert _flags(run([str(tmp_path)], rules=RULES)) == []
    from factcheck.places import lookup

    assert lookup("East Africa").kind == "area" and lookup("Malawi").kind == "country"


def test_the_gazetteer_cache_gives_the_built_gazetteer(tmp_path, monkeypatch):
    from factcheck import places

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    places._index.cache_clear()
    try:
        built = places._index()  # builds and writes the cache
        assert list(tmp_path.glob("gazetteer-*.json"))
        places._index.cache_clear()
        assert places._index() == built  # read back: the same places
        monkeypatch.setenv("FACTCHECK_CACHE", "off")
        assert places._cache_file() is None
    finally:
        places._index.cache_clear()


def test_a_small_figure_beside_its_own_articles_total_is_a_part(tmp_path):
    """'438 dead' and 'sniffer dogs have recovered nine bodies' in one article count a part, not a second toll: the
    nine is never set against another article's toll. A figure from another source, or a headline, keeps its reading."""
    _write(tmp_path, "a.md", "Wire", "2023-03-18",
           "The death toll from Cyclone Freddy in Malawi has risen to 438. Police say sniffer dogs have so far "
           "recovered nine bodies.")
    _write(tmp_path, "b.md", "Ledger", "2023-03-18", "Cyclone Freddy has killed 430 people in Malawi.")
    _write(tmp_path, "c.md", "Post", "2023-03-19", "Cyclone Freddy has killed 300 people in Malawi.")
    report = run([str(tmp_path)], rules=RULES)
    flags = _flags(report)
    assert not any("nine bodies" in f for f in flags), flags
    assert {"438", "300 people"} in flags and {"430 people", "300 people"} in flags  # the totals still meet
    scope = [f.message for f in report.findings if f.verdict == "different_scope"]
    assert any("a part" in m and "nine bodies" in m for m in scope), scope


def test_an_unplaced_figure_in_an_article_about_a_part_of_the_world_is_no_countrys(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2023-03-16",
           "More than 400 people have now died in East Africa as a result of Cyclone Freddy. More than 183,000 "
           "people have been made homeless by the floods.")
    _write(tmp_path, "b.md", "Ledger", "2023-03-16",
           "In Mozambique, Cyclone Freddy has made 49,000 people homeless, officials said.")
    _write(tmp_path, "c.md", "Post", "2023-03-16", "Cyclone Freddy has made 49,000 people homeless, officials said.")
    report = run([str(tmp_path)], rules=RULES)
    flags = _flags(report)
    assert {"More than 183,000 people", "49,000 people"} not in flags, flags
    assert report.claims[0].place_root == "area:East Africa"


def test_a_province_of_a_quakes_area_is_a_part_but_the_storys_own_place_is_the_toll(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2024-01-04",
         "The earthquake in Ishikawa injured 372 people, officials in Ishikawa said."),
        ("Ledger", "2024-01-04",
         "After the earthquake in Ishikawa, 36 people were injured in neighbouring Toyama, officials said."),
        ("Post", "2024-01-04", "The earthquake in Ishikawa injured 300 people, officials said."),
    )
    assert {"372 people", "36 people"} not in flags and {"372 people", "300 people"} in flags, flags


def test_the_other_passengers_and_a_ministrys_employees_are_parts_of_those_on_board():
    claims = {c.text: c for c in _claims(
        "The plane carried 189 people. The finance ministry said around 20 of its employees were on the plane. "
        "Besides them, 157 other passengers were on the plane.", "2018-10-29")}
    assert claims["around 20 of its employees"].noun == "employee"
    assert claims["157 other passengers"].part == "others"
    assert claims["189 people"].part is None


def test_two_strikes_on_two_towns_of_one_war_are_two_stories(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Wire", "2022-03-25",
         "A Russian airstrike on the theatre in Mariupol killed about 300 people, Mariupol officials said. "
         "Ukraine's president Zelensky condemned the attack in Mariupol on Ukraine's civilians."),
        ("Ledger", "2022-04-08",
         "A Russian missile strike on the railway station in Kramatorsk killed 27 people, Kramatorsk officials said. "
         "Ukraine's president Zelensky condemned the attack in Kramatorsk on Ukraine's civilians."),
    )
    assert flags == [], flags


def test_counts_five_times_apart_count_different_things_and_close_ones_still_clash(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2024-01-06", "The bombing in Kerman has killed 91 people, state media said.")
    _write(tmp_path, "b.md", "Ledger", "2024-01-06", "The bombing in Kerman has killed 12 people, officials said.")
    _write(tmp_path, "c.md", "Post", "2024-01-06", "The bombing in Kerman has killed 84 people, officials said.")
    report = run([str(tmp_path)], rules=RULES)
    flags = _flags(report)
    assert {"91 people", "84 people"} in flags and {"91 people", "12 people"} not in flags, flags
    scope = [f.message for f in report.findings if f.verdict == "different_scope"]
    assert any("times the other" in m for m in scope), scope


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=10, max_value=100_000), st.floats(min_value=1.0, max_value=50.0))
def test_far_apart_is_a_property_of_the_factor_alone(small, factor):
    from factcheck.compare import MAX_FIGURE_RATIO, _far_apart

    a = _claims(f"The quake killed {small:,} people.", "2024-01-06")[0]
    big = int(small * factor) + 1
    b = _claims(f"The quake killed {big:,} people.", "2024-01-06")[0]
    far = _far_apart(a, b, MAX_FIGURE_RATIO)
    assert (far is not None) == (big / small >= MAX_FIGURE_RATIO)
    assert (far is None) == (_far_apart(b, a, MAX_FIGURE_RATIO) is None)  # symmetric


def test_distances_from_different_places_are_not_compared(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2024-08-26", "The attack took place about 40km from Kaya.")
    _write(tmp_path, "b.md", "Ledger", "2024-08-26", "The attack took place 80 kilometres north of Ouagadougou.")
    _write(tmp_path, "c.md", "Post", "2024-08-26", "The attack took place 80 kilometres away.")
    assert _flags(run([str(tmp_path)], rules=RULES)) == []


def test_one_articles_figures_in_different_words_are_no_internal_conflict(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a", "a.md", "Wire", "2022-04-08",
           "The death toll from the strike on the station has risen to 50. In the hall, 38 people died at once, "
           "the governor wrote.")
    _write(tmp_path / "b", "b.md", "Ledger", "2022-04-08",
           "The death toll from the strike on the station has risen to 50. The toll from the strike is 45.")
    assert _flags(run([str(tmp_path / "a")], rules=RULES)) == []
    assert {"50", "45"} in _flags(run([str(tmp_path / "b")], rules=RULES))  # the same words: a slip, internal


def test_a_headline_that_drops_a_qualifier_is_its_own_figure_but_no_internal_conflict(tmp_path):
    _write(tmp_path, "a.md", "Wire", "2023-10-11",
           "The Taliban government downgraded the death toll to over 1,000 on Wednesday.",
           title="Afghanistan lowers quake death toll to 1,000")
    _write(tmp_path, "b.md", "Ledger", "2023-10-11", "The quake has killed 2,053 people, the government said.")
    report = run([str(tmp_path)], rules=RULES)
    heads = [c for c in report.claims if c.text == "1,000" and c.line < 5]
    assert heads and heads[0].duplicate_of is None  # the headline's exact 1,000 is not the body's "over 1,000"
    flags = _flags(report)
    assert {"1,000", "over 1,000"} not in flags and {"1,000", "2,053 people"} in flags, flags


# ---------------------------------------------------------------- magnitudes of a main shock and an aftershock
def test_magnitudes_a_whole_unit_apart_are_two_quakes_but_close_readings_still_disagree(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Kabul Wire", "2022-06-22",
         "A magnitude 6.1 earthquake struck eastern Afghanistan on Wednesday near the Pakistani border, killing "
         "1,000 people in Paktika province."),
        ("Border Times", "2022-06-22",
         "The earthquake in Paktika province, Afghanistan, had a magnitude of 4.2, the Pakistan Meteorological "
         "Department said on Wednesday."),
        ("Valley Post", "2022-06-22",
         "The earthquake in Paktika province, Afghanistan, had a magnitude of 5.9, the European agency said on "
         "Wednesday."),
    )
    assert {"6.1", "4.2"} not in flags and {"5.9", "4.2"} not in flags
    assert any(f == {"5.9", "6.1"} or f == {"5.9", "magnitude 6.1"} for f in flags), flags


# ---------------------------------------------------------------- a wave of strikes on several cities
def test_a_city_figure_in_a_story_of_strikes_on_several_cities_is_a_part_not_the_toll(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Kyiv Wire", "2024-07-08",
         "A Russian missile attack on Ukrainian cities killed 38 people on Monday, officials said.\n\n"
         "In Kyiv, 27 people were killed, and 10 were killed in Kryvyi Rih, officials said."),
        ("Capital Post", "2024-07-08",
         "The Russian missile attack on Monday killed 27 people in Kyiv, the city's mayor said."),
        ("Daily Ledger", "2024-07-08",
         "The Russian missile attack on Ukrainian cities on Monday killed 41 people, officials said."),
    )
    assert not any("27 people" in f and "41 people" in f for f in flags), flags
    assert any(f == {"38 people", "41 people"} for f in flags), flags


def test_another_incident_named_in_passing_makes_no_story_of_several_sites():
    from factcheck.frames import multi_site_articles

    passing = _claims("A mass shooting at a Walmart store in El Paso, Texas, killed 22 people on Saturday.\n\n"
                      "It came hours before another mass shooting in Dayton, Ohio, that killed nine people.")
    assert multi_site_articles(passing) == frozenset()
    wave = _claims("Russian missiles killed 38 people across Ukraine on Monday.\n\n"
                   "In Kyiv, 27 people were killed. In Kryvyi Rih, 10 people were killed.")
    assert multi_site_articles(wave) == frozenset({"a"})


def test_of_two_incidents_named_equally_often_the_article_is_about_the_one_named_first():
    claims = _claims("The suspension bridge collapsed on Sunday evening, killing 135 people.\n\n"
                     "To lower the water, a check dam was demolished by a limited blast, an official said.")
    assert {c.story_event for c in claims} == {"collapse"}


def test_a_town_whose_country_the_article_never_names_is_a_namesake_abroad():
    claims = _claims("A wildfire swept through the seaside village of Mati, east of Athens, killing 74 people.\n\n"
                     "Greece declared three days of mourning. Greek officials said Mati was destroyed. In Mati, "
                     "rescuers searched the burnt homes; in Mati, 26 bodies were found in one yard.")
    assert {c.place_root for c in claims} == {"GR"}


def test_a_war_article_and_a_one_off_strike_ten_months_apart_are_two_stories():
    from datetime import date

    from factcheck.compare import one_time_frame

    war = ("Mariupol", "war", date(2022, 3, 17))
    strike = ("Ukraine", "attack", date(2023, 1, 16))
    assert not one_time_frame(war, strike)
    assert one_time_frame(war, ("Ukraine", "attack", date(2022, 3, 25)))
    assert one_time_frame(war, ("Ukraine", "war", date(2023, 1, 16)))  # a war goes on


def test_a_figure_below_one_of_the_parts_is_no_total_of_them():
    from factcheck.parts import parts_exceed_total

    claims = [c for c in _claims("The storm killed 145 people in Myanmar, including 117 Rohingya in Rakhine and 24 "
                                 "Burmese in Sittwe. Three people also died, officials said.") if c.kind]
    assert not any('"Three people"' in msg for _, _, msg in parts_exceed_total(claims))
    over = [c for c in _claims("Of the 42 dead, 31 were from Cebu and 22 from Bohol, officials said.") if c.kind]
    assert any('"42 dead"' in msg or '"42' in msg for _, _, msg in parts_exceed_total(over))


def test_a_regions_figure_in_a_story_of_a_storm_over_several_regions_is_a_part(tmp_path):
    flags = _story_flags(
        tmp_path,
        ("Storm Wire", "2024-09-30",
         "Hurricane Helene killed at least 100 people across the Southeast, officials said on Monday.\n\n"
         "In North Carolina, 40 people were killed, and 25 were killed in South Carolina."),
        ("Carolina Post", "2024-09-30",
         "Hurricane Helene killed 40 people in North Carolina, the governor of North Carolina said on Monday."),
        ("Evening Ledger", "2024-09-30",
         "Hurricane Helene killed at least 120 people across the Southeast, officials said on Monday."),
    )
    assert not any("40 people" in f and "at least 120 people" in f for f in flags), flags
