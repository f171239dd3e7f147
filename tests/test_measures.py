"""Every figure about a story gets its measure (issue 7): one test per category of figure that used to get
none, each on made-up sentences of that category, and hypothesis properties where parsing is involved."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import extract_claims
from factcheck.model import Article
from factcheck.rules import load_rules

RULES = load_rules()


def _claims(text: str, published: str = "2024-03-04"):
    art = Article(id="a", path="a.md", text=text, source="S", published=date.fromisoformat(published))
    return [RULES.classify(c) for c in extract_claims(art)]


def _story_places(text: str, title: str, published: str) -> set[str | None]:
    """The story places an article with this headline gives its claims."""
    art = Article(id="a", path="a.md", text=text, source="S", published=date.fromisoformat(published), title=title)
    return {RULES.classify(c).story_place for c in extract_claims(art)}


def _kind(text: str, surface: str, published: str = "2024-03-04"):
    """The claim whose text is `surface` in `text`, classified."""
    found = [c for c in _claims(text, published) if c.text == surface]
    assert found, f"{surface!r} not extracted from {text!r}: {[c.text for c in _claims(text, published)]}"
    return found[0]


# ---------------------------------------------------------------- nationalities among the victims
def test_nationalities_are_counted_by_their_own_noun_or_by_where_people_came_from():
    assert _kind("According to the carrier, there were 41 different nationalities on the plane.",
                 "41 different nationalities").kind == "nationalities"
    assert _kind("We can confirm that there were at least 22 nationalities on the list.",
                 "at least 22 nationalities").kind == "nationalities"
    assert _kind("The dead, aboard the bus with six crew members, came from 14 countries.",
                 "14 countries").kind == "nationalities"
    assert _kind("The passengers were citizens of 9 nations, the ministry said.", "9 nations").kind == "nationalities"


def test_countries_of_a_group_are_not_nationalities():
    c = _kind("Ministers from the 12-nation contact group met in Oslo.", "12-nation")
    assert c.kind != "nationalities"
    c = _kind("Envoys from 30 countries attended the summit in Oslo.", "30 countries")
    assert c.kind != "nationalities"  # no victims or passengers: where delegates came from is not a nationality count


def test_a_region_before_from_makes_the_figure_a_part():
    c = _kind("Europeans from 9 nations were listed among the passengers.", "9 nations")
    assert c.kind == "nationalities" and c.part == "European"


# ---------------------------------------------------------------- compound modifiers and physical figures
def test_compound_magnitude_is_a_magnitude_never_a_toll():
    for text, surface in [("A 6.9-magnitude earthquake killed 40 people in Aldor.", "6.9-magnitude"),
                          ("The magnitude-6.2 earthquake hit Aldor on Friday.", "6.2"),
                          ("A 5.8-quake shook Aldor, injuring 12.", "5.8-quake"),
                          ("The tremor measured 6.1 on the Richter scale, killing 9.", "6.1")]:
        c = _kind(text, surface)
        assert c.kind == "magnitude" and c.predicate == "magnitude", (text, c.kind, c.predicate)


def test_an_aftershock_magnitude_is_not_the_quake_magnitude():
    c = _kind("A 5.1-magnitude aftershock hit Aldor on Sunday after the earthquake.", "5.1-magnitude")
    assert c.kind != "magnitude"


def test_a_feared_toll_beside_a_magnitude_does_not_make_the_magnitude_hypothetical():
    c = _kind("Rescuers searched for hundreds believed to be missing since a 6.4-magnitude earthquake hit Aldor.",
              "6.4-magnitude")
    assert c.kind == "magnitude" and c.modality == "asserted"


def test_lengths_say_what_they_measure():
    assert _kind("The crowd packed a narrow 2.8-meter-wide lane in Aldor.", "2.8-meter").predicate == "width"
    path = _claims("The lane is a steep 5-meter-by-60-meter passage.")
    assert [(c.text, c.predicate) for c in path] == [("5-meter", "width"), ("60-meter", "length")]
    c = _kind("The bus plunged into a gorge 45km north of the capital, killing 20.", "45km")
    assert c.kind == "distance" and c.predicate == "distance"
    c = _kind("The boat sank about 30 miles (48 km) off the coast.", "about 30 miles")
    assert c.predicate == "distance"
    assert _kind("Temperatures reached 45 degrees Celsius in Aldor.", "45 degrees Celsius").kind is None


def test_two_distances_in_one_unit_conflict_in_different_units_are_not_compared(tmp_path):
    from tests.test_frames import _write
    from factcheck.pipeline import run

    _write(tmp_path, "a.md", "Wire A", "2024-03-04", "A bus crashed 45km north of Aldor, killing 20 people.")
    _write(tmp_path, "b.md", "Wire B", "2024-03-04", "A bus crashed 60km north of Aldor, killing 20 people.")
    _write(tmp_path, "c.md", "Wire C", "2024-03-04", "A bus crashed 28 miles north of Aldor, killing 20 people.")
    report = run([str(tmp_path)], rules=RULES)
    by_id = {c.id: c for c in report.claims}
    flagged = [{by_id[i].text for i in f.claims} for f in report.findings if f.verdict in ("conflict", "tension")]
    assert {"45km", "60km"} in flagged
    assert not any("28 miles" in pair for pair in flagged)


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(min_value=1, max_value=9), tenth=st.integers(min_value=0, max_value=9),
       hyphen_first=st.booleans())
def test_property_any_written_magnitude_is_read_as_one(whole, tenth, hyphen_first):
    figure = f"{whole}.{tenth}"
    text = (f"The magnitude-{figure} earthquake struck Aldor." if hyphen_first
            else f"A {figure}-magnitude earthquake struck Aldor.")
    found = [c for c in _claims(text) if c.unit == "magnitude"]
    assert len(found) == 1 and found[0].value == float(figure) and found[0].kind == "magnitude"


@settings(max_examples=60, deadline=None)
@given(width=st.integers(min_value=1, max_value=99), length=st.integers(min_value=1, max_value=999))
def test_property_width_by_length_reads_both_figures(width, length):
    found = _claims(f"The alley is a {width}-meter-by-{length}-meter path.")
    assert [(c.value, c.unit, c.predicate) for c in found] == [(width, "meter", "width"), (length, "meter", "length")]


# ---------------------------------------------------------------- nouns of 'the number of ...'
def test_the_number_of_a_status_counts_people():
    c = _kind("The ministry put the number of dead at 2,100 and the number of injured at 2,421.", "2,421")
    assert c.kind == "wounded" and c.noun == "person"
    c = _kind("Officials said the number of injuries was 6,100.", "6,100")
    assert c.kind == "wounded"
    c = _kind("The death toll of the 6 magnitude earthquake has risen to 2,960.", "2,960")
    assert c.kind == "deaths" and c.noun is None and c.part is None


def test_bodies_buried_are_handled_not_a_toll():
    c = _kind("The toll rose to 2,600 deaths, 2,400 of them were buried, officials said.", "2,400")
    assert c.kind is None or c.kind != "deaths"


def test_previously_announced_is_an_earlier_figure():
    c = _kind("Authorities had previously announced that the death toll was 2,946.", "2,946")
    assert c.revision == "earlier"


def test_injuries_of_one_severity_are_a_part_of_the_wounded():
    c = _kind("A total of 48 others sustained minor injuries, officials said.", "48 others sustained minor injuries")
    assert c.kind == "wounded" and c.part == "minor"
    c = _kind("Nine people are in critical condition, the hospital said.", "Nine people")
    assert c.part == "critical"
    assert _kind("The blast wounded 120 people, officials said.", "120 people").part is None


# ---------------------------------------------------------------- people on board, refugees, attackers
def test_people_on_the_ship_are_on_board():
    c = _kind("A local portal cites statements rescued that there were 640 people on the boat.", "640 people")
    assert c.kind == "on_board"
    text = "All the passengers – some sources speak of 300 people, others 500 – ended up in the sea."
    assert [c.kind for c in _claims(text)] == ["on_board", "on_board"]


def test_refugees_say_who_is_counted_and_the_verb_says_the_measure():
    assert _kind("The boat, reportedly carrying 300 to 500 refugees, sank.", "300 to 500 refugees").kind == "on_board"
    assert _kind("At least 40 refugees were killed in the fire.", "At least 40 refugees").kind == "deaths"
    assert _kind("The country hosts 3.6 million refugees, the UN says.", "3.6 million refugees").kind == "refugees"


def test_the_noun_of_the_number_of_gives_the_measure():
    c = _kind("It amended the count, saying the number of bodies recovered was 61 and not 62.", "62")
    assert c.kind == "deaths"


def test_attackers_are_a_group_size_unless_something_was_done_to_them():
    assert _kind("Police released images of the six bombers who blew themselves up.", "six bombers").kind == "attackers"
    assert _kind("Eight attackers co-ordinated blasts at hotels, injuring hundreds.", "Eight attackers").kind == "attackers"
    assert _kind("Two attackers were shot dead by police.", "Two attackers").kind != "attackers"
    assert _kind("One suicide bomber studied abroad, his sister said.", "One suicide bomber").kind != "attackers"


@settings(max_examples=60, deadline=None)
@given(low=st.integers(min_value=1, max_value=400), span=st.integers(min_value=1, max_value=400),
       join=st.sampled_from(["- to ", "- or ", "– to ", " to "]), unit=st.sampled_from(["meter", "foot", "mile"]))
def test_property_a_suspended_hyphen_range_is_one_range_in_the_second_figure_unit(low, span, join, unit):
    from factcheck import extract_quantities

    high = low + span
    found = extract_quantities(f"The {low}{join}{high}-{unit}-long vessel sank.")
    assert [(q.low, q.high, q.unit, q.dimension) for q in found] == [(low, high, unit, "physical")]


# ---------------------------------------------------------------- the measure is in a neighbouring clause or line
def test_the_old_figure_of_risen_to_from_takes_the_new_figure_measure():
    text = "The confirmed death toll from the quake in Aldor has risen to 1,402, from 911, the agency said."
    old = _kind(text, "911")
    assert old.kind == "deaths" and old.revision == "earlier"


def test_a_figure_set_as_a_heading_takes_the_measure_of_its_caption():
    text = ("The search in Aldor was called off. Here are the figures.\n\n– 3,114 –\n\n"
            "The total number of bodies recovered by rescue teams, the agency said.\n\n– 4,000 –\n\n"
            "Those still missing beneath two districts.\n")
    assert _kind(text, "3,114").kind == "deaths"
    assert _kind(text, "4,000").kind == "missing"


def test_more_after_another_measure_means_others_not_an_increase():
    c = _kind("At least 75 people were killed and 60 more injured in the crush, officials said.", "60")
    assert c.kind == "wounded" and c.part is None
    c = _kind("Three bodies were found on Monday. 25 more were injured in Aldor.", "25")
    assert c.part is None
    c = _kind("The toll increased by 80 victims, while the number of injured people increased by 300 people.",
              "300 people")
    assert c.part == "increase"
    c = _kind("Rescuers found 40 bodies on Monday and 12 more on Tuesday.", "12")
    assert c.part == "increase"


def test_a_noun_that_names_the_part_is_the_whole_of_that_part():
    c = _kind("The dead included 14 foreigners, he said.", "14 foreigners")
    assert c.kind == "deaths" and c.part is None and c.noun == "foreigner"
    c = _kind("The dead included 14 people from Aldor, he said.", "14 people")
    assert c.part is not None


# ---------------------------------------------------------------- populations, rankings
def test_a_place_population_is_a_measure_of_its_own():
    c = _kind("In Aldor, which has an estimated population of at least 90,000, whole streets were swept away.",
              "at least 90,000")
    assert c.kind == "population"
    assert _kind("The flood hit the heart of the city, home to about 70,000 people.", "about 70,000 people").kind \
        == "population"
    assert _kind("The quake flattened a village of 3,000 people near Aldor.", "3,000 people").kind != "population"


def test_deadliest_since_a_year_ranks_the_event_and_opens_no_window():
    c = _kind("The quake killed 2,100 people, making it the country's deadliest since 1960.", "2,100 people")
    assert c.kind == "deaths" and c.since is None
    c = _kind("Some 40,000 people have been killed since 2011, the monitor said.", "Some 40,000 people")
    assert c.since is not None and c.since.year == 2011


# ---------------------------------------------------------------- wrong measures and parts seen on real text
def test_the_status_after_the_number_of_is_the_measure():
    c = _kind("The search went on, as the number of persons rescued remains at 61 and no new dead bodies were found.",
              "61")
    assert c.kind == "rescued"


def test_a_total_traced_is_not_the_dead_among_them():
    found = {c.text: c for c in _claims("So far, 140 people have been traced, out of which 52 have died.")}
    assert found["140 people"].kind != "deaths"
    assert found["52"].kind == "deaths"


def test_a_possible_figure_after_a_forecast_is_not_a_count():
    c = _kind("So the death toll will undoubtedly rise further, possibly in the hundreds.", "hundreds")
    assert c.modality == "hypothetical"


def test_sea_miles_are_a_distance():
    c = _kind("Survivors were picked up 39 sea miles southwest of Aldor.", "39 sea miles")
    assert c.unit == "nautical mile" and c.kind == "distance"


def test_parts_named_by_sex_or_as_the_others():
    text = "Of the dead, 88 are female and 41 are male."
    assert [(c.text, c.part) for c in _claims(text)] == [("88", "female"), ("41", "male")]
    c = _kind("The other nationalities had one or two passengers on board, he said.", "two passengers")
    assert c.part == "others"
    c = _kind("Kenya had about 30 passengers on board out of the 140 passengers.", "140 passengers")
    assert c.part is None


def test_bodies_sent_home_are_handled_and_ages_are_not_counts():
    c = _kind("The bodies of 21 foreign nationals have been sent to their home countries, it said.",
              "21 foreign nationals")
    assert c.kind != "deaths"
    c = _kind("A woman between the age of 10 and 19 was also confirmed to have died.", "19")
    assert c.kind is None and c.predicate == "age"


def test_a_country_with_its_figure_is_a_part():
    c = _kind("Other nationalities on the flight were Canada with 14, China with eight and Peru with two.", "14")
    assert c.part == "Canada"


# ---------------------------------------------------------------- money: local currency names, conversions, purpose
def test_a_shared_currency_name_takes_the_story_country():
    text = ("---\ntitle: Morocco earthquake aid\n---\nMorocco will pay 25,000 dirhams to each family in Marrakesh, "
            "Morocco, after the earthquake.\n")
    c = _kind(text, "25,000 dirhams")
    assert c.unit == "MAD"
    assert _kind("Dubai will pay 25,000 dirhams to each family in Dubai.", "25,000 dirhams").unit == "AED"


def test_a_conversion_in_brackets_and_what_the_money_is_for_name_the_amount(tmp_path):
    from tests.test_frames import _write
    from factcheck.pipeline import run

    _write(tmp_path, "a.md", "Wire A", "2024-03-04",
           "After the earthquake in Marrakesh, Morocco, the palace said 50,000 dirhams (€4,600) would be paid for "
           "totally collapsed houses and 20,000 dirhams (€1,800) for partially collapsed houses.")
    _write(tmp_path, "b.md", "Wire B", "2024-03-04",
           "After the earthquake in Marrakesh, Morocco, around 12,000 euros will go to completely collapsed homes "
           "and around 1,850 euros to partially destroyed homes, the palace said.")
    report = run([str(tmp_path)], rules=RULES)
    by_id = {c.id: c for c in report.claims}
    purposes = {c.text: c.entity for c in report.claims if c.dimension == "currency"}
    assert purposes["€4,600"] == purposes["around 12,000 euros"] == "aid per totally destroyed home"
    assert purposes["€1,800"] == purposes["around 1,850 euros"] == "aid per partly destroyed home"
    flagged = [{by_id[i].text for i in f.claims} for f in report.findings if f.verdict in ("conflict", "tension")]
    assert {"€4,600", "around 12,000 euros"} in flagged
    assert not any("€1,800" in pair and "around 1,850 euros" in pair for pair in flagged)
    assert not any("€4,600" in pair and "€1,800" in pair for pair in flagged)


def test_magnitude_written_other_ways_seen_on_real_text():
    assert _kind("The second quake was measured at 6.6 magnitudes, officials said.", "6.6").kind == "magnitude"
    c = _kind("Another earthquake in the north of Aldor, measuring 5.9, kills 300 people.", "5.9")
    assert c.kind == "magnitude"
    c = _kind("At least 40 aftershocks measuring 4.2 or greater had been recorded.", "4.2 or greater")
    assert c.kind != "magnitude"  # aftershocks are other quakes


def test_a_converted_distance_in_brackets_measures_what_the_first_does():
    found = _claims("The quake was 30 miles (48 km) north-east of Aldor, officials said.")
    assert [(c.text, c.predicate) for c in found] == [("30 miles", "distance"), ("48 km", "distance")]


def test_the_dead_also_include_a_part():
    c = _kind("The fatalities also include two female passengers who were found unconscious.", "two female passengers")
    assert c.kind == "deaths" and c.part is not None


def test_a_figure_with_its_own_verb_does_not_borrow_a_neighbour_clause_measure():
    text = "Bodies were laid out on the quay as hundreds of people gathered near the water, watching the search."
    assert _kind(text, "hundreds of people").kind is None
    text = "Rescuers pulled 120 people from the water, and 58 are still missing, the coast guard said."
    assert _kind(text, "58").kind == "missing" and _kind(text, "120 people").kind == "rescued"


def test_an_opening_previously_dates_every_figure_until_a_contrast():
    text = "Previously, there were 80 people accounted for from the building and 75 people unaccounted for, she said."
    assert _kind(text, "75 people").revision == "earlier"
    text = "Earlier on Saturday, state TV had put the toll at 120, but officials now say 151 people died."
    assert _kind(text, "120").revision == "earlier"
    assert _kind(text, "151 people").revision != "earlier"


# ---------------------------------------------------------------- measures read on flood and crowd stories
def test_people_affected_are_no_toll_and_a_days_increase_is_no_total():
    head = _kind("More than 5.7 million people affected by floods in Karvia, over 1000 killed.",
                 "More than 5.7 million people")
    assert head.kind is None and head.predicate == "affected"
    day = _kind("According to the agency, 24 people were killed in the last 24 hours, which increased the overall toll.",
                "24 people")
    assert day.kind == "deaths" and day.part == "increase"
    total = _kind("The toll rose to 1,136 in the past 24 hours.", "1,136")
    assert total.part is None


def test_livestock_and_population_words_are_no_people():
    assert _kind("The floods have also killed 500,000 livestock.", "500,000 livestock").noun == "livestock"
    village = _kind("Ten villages, inhabited by approximately a thousand people, were flattened.",
                    "approximately a thousand people")
    assert village.predicate == "population" and village.kind != "deaths"
    feared = _kind("Authorities fear that hundreds of people have died.", "hundreds of people")
    assert feared.modality == "hypothetical"


def test_the_toll_that_rose_to_a_figure_counts_deaths_whatever_follows():
    c = _kind("The death toll, which was earlier put at 125 by officials, has now risen to 131 after six more "
              "succumbed to their injuries.", "131")
    assert c.kind == "deaths" and c.part is None
    old = _kind("Officials put the toll at 125, after it was incorrectly reported earlier that 174 people were killed, "
                "in one of the worst stadium disasters ever.", "174 people")
    assert old.revision == "earlier" and old.part is None  # "one of the worst" is no place of a part


def test_badly_injured_is_a_part_by_severity():
    c = _kind("219 people were injured mildly to moderately and 68 people were badly injured in the incident.",
              "68 people")
    assert c.kind == "wounded" and c.part == "serious"


def test_a_flattened_table_gives_parts_and_a_province_opening_places_its_figures():
    cells = _claims("Province Injuries Deaths Alpha 21 37 Beta 102 234 Gamma 4 9 Delta 250 195 Total 1,456 982")
    assert cells and all(c.part == "part" for c in cells if c.dimension == "count")
    sindh = _kind("Sindh with 401 deaths, 1,055 injuries and 884,597 destroyed houses is the second worst-hit province.",
                  "1,055 injuries")
    assert sindh.place == "Sindh"


def test_a_day_that_names_the_incident_does_not_date_the_count():
    quake = _kind("The UN said 1,023 people lost their lives in Saturday's quakes.", "1,023 people", "2023-10-10")
    assert quake.as_of is None
    report = _kind("The Red Crescent gave 11,300 dead in Saturday's report.", "11,300", "2023-09-19")
    assert report.as_of == date(2023, 9, 16)


def test_a_fear_or_a_past_time_belongs_to_the_figure_nearest_it():
    text = ("The death toll was revised downward to 85 and the number of people believed missing dropped again to 11, "
            "down from a high of more than 1,200 about two weeks ago, officials said Monday.")
    toll = _kind(text, "85", "2018-12-03")
    assert toll.modality == "asserted" and toll.as_of == date(2018, 12, 3)
    assert _kind(text, "11", "2018-12-03").modality == "hypothetical"  # "believed missing" is the 11's
    assert _kind(text, "more than 1,200", "2018-12-03").as_of == date(2018, 11, 19)
    breach = _kind("The death toll in the flooding caused by a dam breach last week has risen to 18, the governor "
                   "said on Thursday.", "18", "2023-06-15")
    assert breach.as_of == date(2023, 6, 15)  # the week dates the breach
    old = _kind("Over 1,000 people were killed in a 5.9-magnitude earthquake near Pakistan last year.",
                "Over 1,000 people", "2023-10-07")
    assert old.as_of == date(2022, 10, 7)  # a year back dates the incident and its toll alike


def test_a_nationality_before_civilians_or_soldiers_makes_a_part():
    c = _kind("Armenian shelling has killed 41 Azerbaijani civilians, officials said.", "41 Azerbaijani civilians")
    assert c.part == "Azerbaijani" and c.kind == "deaths"
    assert _kind("Shelling has killed 41 civilians, officials said.", "41 civilians").part is None


def test_victims_who_succumbed_raise_the_toll_and_a_crowd_or_patients_are_no_toll():
    rise = _kind("State media said the toll rose to 91 after two victims had succumbed to their wounds.", "two victims")
    assert rise.part == "increase"
    crowd = _kind("Thousands had gathered there to mark the anniversary of his death.", "Thousands")
    assert crowd.kind is None and crowd.predicate == "gathered"
    patients = _kind("A total of 220 injured individuals have been admitted to various hospitals.",
                     "220 injured individuals")
    assert patients.predicate == "in hospital" and patients.kind != "wounded"


def test_a_countrys_abbreviation_before_troops_makes_a_part_and_two_joined_subjects_share_the_verb():
    both = {c.text: c for c in _claims("At least 77 Afghans and 13 US military soldiers were killed on Thursday.",
                                       "2021-08-27")}
    assert both["13 US military soldiers"].part == "US" and both["13 US military soldiers"].kind == "deaths"
    assert both["At least 77 Afghans"].kind == "deaths" and both["At least 77 Afghans"].part == "Afghan"
    from factcheck.quantities import extract_quantities

    assert [q.surface for q in extract_quantities("Boeing grounded its 737 MAX jets.")] == []


def test_an_incident_of_years_before_dates_its_own_figures():
    c = _kind("The attack happened where a truck bomb blew up on October 14, 2017, killing 512 people.", "512 people",
              "2022-10-30")
    assert c.as_of == date(2017, 10, 14)


def test_some_of_whom_died_are_a_part_of_the_dead():
    c = _kind("Officials received 47 reports of missing persons (18 of whom were identified as dead, 25 people are "
              "still missing).", "18", "2023-01-17")
    assert c.part == "part"


def test_an_increase_of_patients_under_treatment_and_bodies_identified_are_no_toll():
    assert _kind("The new death toll was an increase of 12 from the tally of 27.", "12", "2023-10-29").part == "increase"
    assert _kind("About 100 injured people under treatment.", "About 100 injured people").predicate == "in hospital"
    assert _kind("So far 195 have been fully identified.", "195").predicate == "bodies handled"


def test_dead_or_missing_is_neither_the_toll_nor_the_missing():
    assert _kind("Nearly 100 people are dead or missing after the hurricane.", "Nearly 100 people").kind is None
    assert _kind("The storm killed 45 people and 47 are missing.", "47").kind == "missing"


def test_a_place_alone_and_an_earlier_toll_that_had_stood_are_not_the_toll():
    assert _kind("The Valencia region alone recorded 155 deaths.", "155 deaths", "2024-11-01").part == "The Valencia region"
    assert _kind("An earlier toll from rescuers had stood at 30.", "30", "2023-01-16").revision == "earlier"
    assert _kind("That came after authorities had raised the toll to 39 on Saturday.", "39", "2023-10-29").revision \
        == "earlier"


def test_the_attackers_nationality_is_no_place_of_the_dead():
    c = _kind("There were two children among the 36 people who were killed in the Russian strike.", "36 people",
              "2023-01-16")
    assert c.place is None and c.part is None
    assert _kind("Five people were killed in the Kenyan capital.", "Five people").place == "Kenya"


# ---------------------------------------------------------------- the toll's own words (session 4)
def test_a_toll_that_rises_or_stands_at_a_figure_gives_it_the_dead_in_any_tense():
    assert _kind("Death toll from mosque blast rises to 87, another 57 in critical condition", "87").kind == "deaths"
    assert _kind("Death toll in Afghan quakes at 2,053, officials say", "2,053").kind == "deaths"
    assert _kind("The number of exhumed bodies climbed to 90 after the discovery of 17 more.", "90").kind == "deaths"
    assert _kind("Gunmen kill 40 in attack at concert hall.", "40").kind == "deaths"
    assert _kind("The fire was contained after claiming the lives of at least 85 people.",
                 "at least 85 people").kind == "deaths"
    assert _kind("The Red Crescent lost four of its volunteers while helping.", "four of its volunteers").kind == "deaths"
    assert _kind("The landslide buried more than 300 people.", "more than 300 people").kind == "deaths"


def test_buried_homes_are_homes_destroyed_and_trapped_people_are_missing():
    assert _kind("More than 150 homes were buried by the landslide.", "More than 150 homes").kind == "homes_destroyed"
    assert _kind("Twenty people remain trapped under the rubble.", "Twenty people").kind == "missing"
    assert _kind("They lost their homes, and 12 people died.", "12 people").kind == "deaths"


def test_a_bare_list_item_counts_what_the_item_before_it_counts_and_each_is_a_part():
    claims = {c.text: c for c in _claims("The floods have killed 116 men, 55 women and 73 children, the agency said.")}
    assert {claims[t].kind for t in ("116 men", "55 women", "73 children")} == {"deaths"}
    assert all(claims[t].part for t in ("116 men", "55 women", "73 children"))
    # "including" opens a part, not a list: the total stays the total
    claims = {c.text: c for c in _claims("The crash killed 157 people, including 32 Kenyans.")}
    assert claims["157 people"].part is None


def test_an_estimate_of_a_figure_counts_what_the_paragraph_counts():
    c = _kind("More than 2,000 people died, the government said. That is triple the initial U.N. estimates of 670.",
              "670")
    assert c.kind == "deaths"


def test_a_figure_given_again_keeps_the_day_of_its_first_mention():
    claims = [c for c in _claims("Officials on Saturday raised the death toll to 39. The cause of death for the 39 "
                                 "was drowning.", "2024-03-04") if c.text == "39"]
    assert len(claims) == 2 and {c.as_of for c in claims} == {date(2024, 3, 2)}


def test_a_second_figure_after_a_toll_of_keeps_its_own_status():
    assert _kind("The strike left a toll of 31 killed and 84 wounded, officials said.", "84").kind == "wounded"


def test_the_place_an_attack_struck_is_the_story_place_over_places_named_in_passing():
    text = ("Ukrainian authorities said the toll from the Russian missile strike on the center of Sumy has risen to "
            "31.\n\nSumy had largely remained away from the intense fighting in the south, particularly in the "
            "Donetsk region.")
    assert _story_places(text, "Death toll from Russian missile strike on Sumy rises to 31", "2025-04-13") == {"Sumy"}


def test_adults_and_teachers_of_a_school_are_a_population_of_their_own():
    from factcheck.frames import population_of

    c = _kind("At least 19 children and two adults have been confirmed dead after the shooting.", "two adults")
    assert c.kind == "deaths" and population_of(c, RULES.rule_for(c.kind)) == "adult"
    t = _kind("The gunman killed one teacher, police said.", "one teacher")
    assert t.kind == "deaths" and population_of(t, RULES.rule_for(t.kind)) == "adult"


def test_a_storms_winds_are_its_wind_speed_in_a_speed_unit_and_up_to_names_the_top_speed():
    c = _kind("Mocha made landfall with winds of up to 195 kilometres (120 miles) per hour.", "up to 195 kilometres")
    assert (c.kind, c.unit, c.bound, c.low, c.high) == ("wind_speed", "kilometer per hour", "exact", 195, 195)
    assert _kind("The cyclone brought winds of 250km per hour and gusts of up to 300 km/h.",
                 "up to 300 km/h").predicate == "wind gusts"
    assert _kind("The train was travelling at 160 km/h when it derailed.", "160 km/h").kind is None


def test_a_magnitude_is_a_reading_in_digits_and_a_months_old_quake_does_not_date_its_new_toll():
    assert _kind("Strong earthquakes of magnitude six or seven are relatively common in Indonesia.", "six").kind is None
    c = _kind("After a new count, the death toll jumped to 602 in the earthquake that hit Java last month, an "
              "official said on Friday.", "602", published="2022-12-16")
    assert c.kind == "deaths" and c.as_of != date(2022, 11, 16)


def test_where_a_toll_stands_is_no_part_and_people_not_accounted_for_are_missing():
    c = _kind("The death toll jumped to 602 in one of the deadliest earthquakes to hit Java, an official said.", "602")
    assert c.kind == "deaths" and c.part is None
    assert _kind("Officials have not been able to account for 41 people in various parts of the state.",
                 "41 people").kind == "missing"


def test_a_schools_students_are_its_children():
    from factcheck.frames import population_of

    c = _kind("The gunman killed 19 students at the elementary school.", "19 students")
    assert population_of(c, RULES.rule_for(c.kind)) == "child"


def test_a_quake_of_another_year_is_another_incident():
    for text, surface in (("It is the worst quake since 1912, when a 7.9-magnitude quake hit.", "7.9-magnitude"),
                          ("The 2015 earthquake in Nepal killed nearly 9,000 people.", "nearly 9,000 people")):
        c = _kind(text, surface, published="2025-03-29")
        assert c.as_of is not None and c.as_of.year < 2025, (text, c.as_of)


def test_an_attack_by_someone_on_a_day_is_the_incidents_day_and_the_report_dates_the_toll():
    c = _kind("A massive rocket attack by Russian troops on Ukrainian cities on July 8 killed 42 people.", "42 people",
              published="2024-07-09")
    assert c.as_of is None  # the toll as the article knows it, not the attack's day
    assert _kind("By Friday the death toll had risen to 90.", "90", published="2024-07-13").as_of == date(2024, 7, 12)


def test_a_toll_that_reaches_victims_or_casualties_is_the_dead():
    assert _kind("Number of victims reaches 950, more than 600 people injured", "950").kind == "deaths"
    assert _kind("The death toll of the magnitude 6.1 quake soared to 920 casualties, with 600 injured.",
                 "920 casualties").kind == "deaths"


def test_treatment_of_those_who_later_died_is_not_a_hospital_count():
    assert _kind("The death toll has now risen to 131 after six more succumbed to their injuries while undergoing "
                 "treatment at a hospital.", "131").kind == "deaths"
    assert _kind("Some 80 people injured in the attack remained in hospital on Sunday.",
                 "Some 80 people").predicate == "in hospital"


def test_a_title_case_headline_gives_its_figures():
    assert _kind("Russian Missile Strike Kills 24 in Sumy Amid Palm Sunday Observance", "24").kind == "deaths"
    assert _kind("Suicide Blast Kills 60, Injures 150", "150").kind == "wounded"
    assert _kind("Forest Tragedy: Missing Persons Reach 212, Death Toll Climbs to 90", "212").kind == "missing"


def test_the_town_a_strike_on_a_site_struck_is_the_story_place():
    text = ("The number of civilians killed in the Russian missile strike on a train station in Ukraine’s Kramatorsk "
            "has increased to 57.\n\nThe military head of the Donetsk region, where Kramatorsk is, confirmed the toll. "
            "Troops in the Luhansk region fired the missile, Ukraine said. Ukraine called it a war crime.")
    assert _story_places(text, "Death toll in Ukraine train station attack rises to 57", "2022-04-11") == {"Kramatorsk"}


def test_a_figure_the_same_sentence_says_has_since_risen_is_the_earlier_one():
    claims = {c.text: c for c in _claims("The bombings occurred on Saturday with 30 people reported dead but the "
                                         "government since stated the death toll increased to 100.")}
    assert claims["30 people"].revision == "earlier" and claims["100"].revision is None


def test_unidentified_bodies_are_bodies_handled_not_the_toll():
    assert _kind("The court said 62 unidentified bodies remained at the morgue.", "62 unidentified bodies").predicate \
        == "bodies handled"
