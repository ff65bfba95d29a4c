"""Quantities: numbers with what they count, and figures outlets give differently."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from corroborate.claims.numbers import (
    Quantity,
    actors_differ,
    extract_quantities,
    number_contradictions,
    parse_number,
    same_counted,
)
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _article(text: str, source: str = "outlet", article_id: str | None = None, published: str | None = None) -> Article:
    return Article(
        id=article_id or f"{source}-1",
        origin=f"{source}.txt",
        source=source,
        title=None,
        author=None,
        published=published,
        text=text,
        raw=text,
    )


def _quantities(nlp, text: str, source: str = "outlet") -> list[Quantity]:  # type: ignore[no-untyped-def]
    article = _article(text, source)
    return extract_quantities(article, nlp(text))


def _only(nlp, text: str) -> Quantity:  # type: ignore[no-untyped-def]
    found = [q for q in _quantities(nlp, text) if q.kind != "ordinal"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "hundred"], 200),
        (["1.2", "billion"], 1.2e9),
        (["a", "dozen"], 12),
        (["two", "dozen"], 24),
        (["twenty", "-", "five"], 25),
        (["three", "hundred", "and", "twelve"], 312),
        (["2,000"], 2000),
        (["one", "million", "two", "hundred", "thousand"], 1_200_000),
    ],
)
def test_parse_number_reads_digits_and_words(words: list[str], value: float) -> None:
    assert parse_number(words) == pytest.approx(value)


@pytest.mark.parametrize("words", [["3", "4"], ["five", "five"], ["a"], ["hundred", "twenty", "twenty"]])
def test_parse_number_refuses_two_numbers(words: list[str]) -> None:
    assert parse_number(words) is None


@pytest.mark.slow
def test_count_with_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's forces intercepted 130 Ukrainian drones overnight."
    quantity = _only(nlp, text)
    assert (quantity.value, quantity.unit, quantity.counted, quantity.kind) == (
        130,
        "drone",
        "Ukrainian drones",
        "count",
    )
    assert quantity.qualifier == "exact"
    assert quantity.sentence == text
    assert text[quantity.start :].startswith("130")


@pytest.mark.slow
def test_hyphenated_duration_counts_the_noun_it_modifies(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "The statement followed a two-hour phone conversation with the president.")
    assert (quantity.text, quantity.value, quantity.unit, quantity.counted, quantity.kind) == (
        "two-hour",
        2,
        "hour",
        "phone conversation",
        "duration",
    )


@pytest.mark.slow
def test_plus_is_a_lower_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "It restates its conditions for ending the three-plus-year war.")
    assert (quantity.value, quantity.unit, quantity.counted, quantity.qualifier) == (3, "year", "war", "at_least")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Two hundred people attended the rally.", 200, "people"),
        ("Police arrested a dozen protesters on the bridge.", 12, "protester"),
        ("The three ministers left early.", 3, "minister"),
        ("Twenty-five soldiers were wounded in the attack.", 25, "soldier"),
    ],
)
def test_numbers_written_as_words(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, text)
    assert (quantity.value, quantity.unit, quantity.kind) == (value, unit, "count")


@pytest.mark.slow
def test_a_week_is_one_week_but_twice_a_week_is_a_rate(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "Hardly a week after the announcement, the meeting was called off.")
    assert (quantity.text, quantity.value, quantity.unit, quantity.kind) == ("a week", 1, "week", "duration")
    assert [q for q in _quantities(nlp, "They met twice a week.") if q.unit == "week"] == []


@pytest.mark.slow
def test_money_is_normalised_with_its_currency(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "The government approved a $1.2 billion aid package for farmers.")
    assert (quantity.text, quantity.value, quantity.unit, quantity.counted, quantity.kind) == (
        "$1.2 billion",
        1.2e9,
        "dollar",
        "aid package",
        "money",
    )
    assert quantity.step == pytest.approx(1e8)


@pytest.mark.slow
def test_percentages_and_their_hedges(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "About 5% of voters stayed home.")
    assert (quantity.value, quantity.unit, quantity.counted, quantity.qualifier) == (
        5,
        "percent",
        "voters",
        "approximate",
    )
    assert _only(nlp, "Turnout fell by 3 percent.").unit == "percent"


@pytest.mark.slow
def test_years_days_and_clock_times_are_not_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In 2014 the plane, a Boeing 737, left at 10:30 a.m. on October 16, 2025, after the March 3 vote."
    assert [q for q in _quantities(nlp, text) if q.kind != "ordinal"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("A 45-year-old man was arrested.", "man"),
        ("The driver, aged 45, was arrested.", "driver"),
        ("John Smith, 45, was released on bail.", "John Smith"),
    ],
)
def test_ages(nlp, text: str, counted: str) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, text)
    assert (quantity.value, quantity.unit, quantity.kind, quantity.counted) == (45, "year", "age", counted)


@pytest.mark.slow
def test_ordinals_are_positions_not_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _quantities(nlp, "The war is now entering its fourth year.")
    assert [(q.kind, q.value, q.unit) for q in found] == [("ordinal", 4, "year")]


@pytest.mark.slow
def test_ranges_and_hedges(nlp) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, "Between 10 and 20 soldiers died in the attack.")
    assert (quantity.value, quantity.upper, quantity.unit, quantity.qualifier) == (10, 20, "soldier", "range")
    assert _only(nlp, "More than 2,000 shells were fired.").qualifier == "at_least"
    assert _only(nlp, "Dozens of protesters gathered.").qualifier == "vague"


# ---- Contradictions ----------------------------------------------------------------------------------------


def _extract(nlp, texts: dict[str, str], published: str | None = None) -> list[Quantity]:  # type: ignore[no-untyped-def]
    found: list[Quantity] = []
    for source, text in texts.items():
        found.extend(extract_quantities(_article(text, source, published=published), nlp(text)))
    return found


@pytest.mark.slow
def test_different_durations_of_one_call_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    quantities = _extract(
        nlp,
        {
            "left": "The president held a two-hour phone call with his counterpart on Thursday.",
            "right": "The president held a three-hour phone call with his counterpart on Thursday.",
            "centre": "On Thursday the president had a two-hour phone call with his counterpart.",
        },
    )
    [contradiction] = number_contradictions(quantities)
    assert contradiction.kind == "number"
    assert "phone call" in contradiction.subject
    values = {position.value: position.sources for position in contradiction.positions}
    assert values == {"2 hour": ["centre-1", "left-1"], "3 hour": ["right-1"]}
    assert all(evidence.quote for position in contradiction.positions for evidence in position.evidence)


@pytest.mark.slow
def test_approximate_rounded_and_different_things_do_not_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    quantities = _extract(
        nlp,
        {
            "a": "Air defences intercepted 130 drones overnight, the ministry said.",
            "b": "Air defences intercepted about 150 drones overnight, the ministry said.",
            "c": "Air defences intercepted 100 drones overnight, the ministry said.",
            "d": "The army fired 300 shells at the border town last month.",
        },
    )
    assert number_contradictions(quantities) == []


@pytest.mark.slow
def test_tallies_of_different_spans_do_not_contradict_but_one_figure_apart_among_agreeing_ones_does(nlp) -> None:  # type: ignore[no-untyped-def]
    spans = {
        "a": "Playing in a combined 157 games with two clubs, Okafor had 33 homers and 121 RBIs along with a .308 "
        "average.",
        "b": "After his trade, Okafor hit .358 with 13 homers and 43 RBIs in 54 games with the club.",
    }
    assert _contradicted(nlp, spans) == []
    seized = {
        "a": "Seven AK-47s, three other automatic rifles and 13 loaded magazines were found in the boats.",
        "b": "The commandos seized seven AK-47s, two other rifles and 13 fully loaded magazines from the boats.",
    }
    assert _contradicted(nlp, seized) == [("2 rifle", "3 rifle")]


@pytest.mark.slow
def test_sums_and_spans_naming_nothing_they_measure_need_the_same_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Now that the film is a hit with more than $363 million in the till, the question is whether Lee returns.",
        "b": "Allegedly, Lee was paid $3 million to direct the film plus a share of the profits.",
        "c": "The club controls Okafor contractually for the next two years.",
        "d": "The club's preference would be to sign Okafor to a deal between six and eight years.",
    }
    assert _contradicted(nlp, texts) == []
    # A time of day whose text came apart counts nothing.
    assert [q.unit for q in _quantities(nlp, "The page was updated at 4: 08 p. m. on Friday.")] == [""]


@pytest.mark.slow
def test_same_figure_for_different_events_does_not_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    quantities = _extract(
        nlp,
        {
            "a": "The leaders spoke in a two-hour phone call on Thursday.",
            "b": "Their summit in the capital two months ago was a three-hour meeting that ended without a deal.",
        },
    )
    assert number_contradictions(quantities) == []


@pytest.mark.slow
def test_budapest_corpus_quantities(nlp, budapest_corpus: Path) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[Quantity]] = {}
    for path in sorted(budapest_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name[:3]] = extract_quantities(_article(text, path.stem, path.stem), nlp(text))
    drones = [q for q in found["001"] if q.unit == "drone"]
    assert [(q.value, q.counted) for q in drones] == [(130, "Ukrainian drones")]
    durations = {(q.value, q.unit, q.counted) for q in found["004"] if q.kind == "duration"}
    assert {(2, "hour", "phone conversation"), (3, "hour", "discussion"), (1, "week", "")} <= durations
    assert not any(q.value == 2025 for q in found["003"])
    assert number_contradictions([q for quantities in found.values() for q in quantities]) == []


# ---- Bounds, counted things and the guards against false contradictions ------------------------------------

_PUBLISHED = "2018-04-20"


def _figure(value: float, qualifier: str, step: float = 1.0, upper: float | None = None) -> Quantity:
    return Quantity(
        article_id="a", source="a", text=str(value), value=value, unit="test", counted="tests", kind="count",
        qualifier=qualifier, step=step, sentence="", sentence_start=0, start=0, upper=upper,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "qualifier", "step", "upper", "bounds"),
    [
        (16, "exact", 1, None, (15.5, 16.5)),
        (20, "exact", 10, None, (15, 25)),  # a written "20" may be a rounded 16
        (20, "at_least", 10, None, (20, math.inf)),  # "over 20" takes no rounding slack below
        (20, "at_most", 10, None, (-math.inf, 20)),
        (20, "approximate", 10, None, (15, 25)),
        (20, "nearly", 10, None, (15, 20)),
        (20, "just_over", 10, None, (20, 25)),
        (20, "range", 1, 25, (19.5, 25.5)),
        (12, "vague", 12, None, (-math.inf, math.inf)),
    ],
)
def test_bounds_of_each_qualifier(
    value: float, qualifier: str, step: float, upper: float | None, bounds: tuple[float, float]
) -> None:
    assert _figure(value, qualifier, step, upper).bounds(0.25) == pytest.approx(bounds)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("hedge", "qualifier"),
    [
        ("over", "at_least"),
        ("more than", "at_least"),
        ("at least", "at_least"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("just under", "nearly"),  # not "under": the longer hedge wins
        ("about", "approximate"),
        ("some", "approximate"),
        ("fewer than", "at_most"),
        ("up to", "at_most"),
        ("no more than", "at_most"),  # not "more than"
        ("just over", "just_over"),
    ],
)
def test_hedges_bound_the_figure(nlp, hedge: str, qualifier: str) -> None:  # type: ignore[no-untyped-def]
    quantity = _only(nlp, f"The army carried out {hedge} 20 tests.")
    assert (quantity.value, quantity.unit, quantity.qualifier) == (20, "test", qualifier)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("missile tests", "tests", True),
        ("tests", "missile tests", True),
        ("Ukrainian drones", "drones", True),
        ("nuclear tests", "missile tests", False),  # modifiers differ, neither within the other
        ("missiles", "tests", False),
        ("missile tests", "missile test", True),
    ],
)
def test_counted_things_match_by_head_and_modifier_subset(first: str, second: str, same: bool) -> None:
    assert same_counted(first, second) is same


def test_actors_differ_unless_one_name_holds_the_other() -> None:
    assert actors_differ("iran", "north korea")
    assert not actors_differ("kim", "kim jong un")
    assert not actors_differ("", "iran")  # a pronoun or no subject: unknown
    assert not actors_differ("the country", "north korea")  # a common noun may stand for a name
    assert actors_differ("the company", "the state")
    assert not actors_differ("the official", "the official")
    assert actors_differ("he", "she")
    assert not actors_differ("it", "north korea")


def _contradicted(nlp, texts: dict[str, str]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The position values of each number contradiction among ``texts`` (one outlet each)."""
    return [
        tuple(sorted(position.value for position in contradiction.positions))
        for contradiction in number_contradictions(_extract(nlp, texts, _PUBLISHED))
    ]


@pytest.mark.slow
def test_sixteen_tests_contradict_over_twenty_missile_tests(nlp) -> None:  # type: ignore[no-untyped-def]
    """The careful reader's case (NewsWCL50 event 2): a tally of 16 tests in 2017 against "over 20 missile tests
    last year", told in sentences built differently, by "the country" and by its leader; the 23 missiles and
    three ICBMs count other things (and three ICBMs fit within 23 missiles)."""
    texts = {
        "left": "In total, the country fired 23 missiles during 16 tests between February and December 2017, "
        "according to a count by the network.",
        "right": "Kim tested three intercontinental ballistic missiles (ICBMs) - part of a sprint of over 20 "
        "missile tests last year - that showed North Korea had the range to strike as far as New York City.",
    }
    [contradiction] = number_contradictions(_extract(nlp, texts, _PUBLISHED))
    values = {position.value: position.sources for position in contradiction.positions}
    assert values == {"16 test": ["left-1"], "at least 20 test": ["right-1"]}
    assert contradiction.subject == "number of missile tests"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("fewer than 10", "16"),
        ("16", "more than 20"),
        ("between 10 and 12", "over 20"),
    ],
)
def test_bounds_that_cannot_both_hold_contradict(nlp, left: str, right: str) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": f"North Korea conducted {left} missile tests this year, officials said.",
        "right": f"North Korea conducted {right} missile tests this year, officials said.",
    }
    assert len(_contradicted(nlp, texts)) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("about 20", "over 20"),  # about 20 may be 21
        ("nearly 20", "16"),  # nearly allows a margin under the figure
        ("up to 20", "16"),
        ("some 20", "18"),
        ("between 15 and 25", "over 20"),
        ("20", "16"),  # a round 20 may be a rounded 16
    ],
)
def test_bounds_that_overlap_do_not_contradict(nlp, left: str, right: str) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": f"North Korea conducted {left} missile tests this year, officials said.",
        "right": f"North Korea conducted {right} missile tests this year, officials said.",
    }
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "right",
    [
        # Different counted things: missiles are not tests.
        "North Korea fired over 20 missiles this year, officials said.",
        # Different kinds of test: neither modifier set holds the other.
        "North Korea conducted over 20 nuclear tests this year, officials said.",
        # Different time frames.
        "North Korea conducted over 20 missile tests since 2011, officials said.",
        # A time frame against none: the unframed count may be of any period.
        "North Korea conducted over 20 missile tests, officials said.",
        # Different named actors.
        "Iran conducted over 20 missile tests this year, officials said.",
        # A rate, not a total.
        "North Korea conducted over 20 missile tests a month this year, officials said.",
    ],
)
def test_guards_against_false_contradictions(nlp, right: str) -> None:  # type: ignore[no-untyped-def]
    texts = {"left": "North Korea conducted 16 missile tests this year, officials said.", "right": right}
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_a_narrower_count_fits_within_a_broader_one(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": "North Korea fired 23 missiles this year, officials said.",
        "right": "North Korea fired three ballistic missiles this year, officials said.",
    }
    assert _contradicted(nlp, texts) == []
    texts["right"] = "North Korea fired 30 ballistic missiles this year, officials said."
    assert len(_contradicted(nlp, texts)) == 1  # a part larger than the whole cannot hold


@pytest.mark.slow
def test_a_count_within_one_event_is_not_a_total(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": "North Korea fired 23 missiles during 16 tests this year, officials said.",
        "right": "In its third test this year, North Korea fired two missiles, officials said.",
    }
    assert [q.scope for q in _extract(nlp, texts, _PUBLISHED) if q.unit == "missile"] == ["during test", "third test"]
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_ordinals_and_parts_are_not_totals(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": "North Korea conducted 16 missile tests this year, officials said.",
        "right": "North Korea conducted its 25th missile test this year, officials said.",
        "centre": "The launch was one of the missile tests North Korea conducted this year, officials said.",
    }
    found = _extract(nlp, texts, _PUBLISHED)
    assert [q.caveat for q in found if q.source == "centre" and q.kind == "count"] == ["part"]
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_the_same_actor_under_two_names_may_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": "Kim Jong Un has overseen 16 missile tests this year, officials said.",
        "right": "Kim has overseen more than 20 missile tests this year, officials said.",
    }
    assert len(_contradicted(nlp, texts)) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "caveat"),
    [
        ("The army carried out 20 tests a month.", "rate"),
        ("The company paid $5 per share.", "rate"),
        ("The army carried out an average of 20 tests.", "average"),
        ("Police arrested two of the suspects.", "part"),
        ("The army carried out 20 tests.", ""),
        ("The ship (120 metres long) sank.", ""),
        # What would have been, or under a condition, is no figure of what was.
        ("The storm could have killed 100 people.", "supposed"),
        ("If the army had carried out 20 tests, it would know more.", "supposed"),
        ("The storm has killed 100 people.", ""),
        ("The storm, which killed 20 people, could have been worse.", ""),
    ],
)
def test_rates_parts_and_averages_are_not_totals(nlp, text: str, caveat: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(nlp, text).caveat == caveat


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Damage was estimated at $US1 million ($1.52 million), officials said.",
        "The court fined the firm 1 million euros ($1.1 million).",
        "The trail runs 5 miles (8 km) along the coast.",
    ],
)
def test_a_figure_in_brackets_after_another_restates_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    bracketed = [q for q in _quantities(nlp, text) if text[q.start - 1] == "("]
    assert [q.caveat for q in bracketed] == ["conversion"]


@pytest.mark.slow
def test_a_figure_that_fits_both_sides_takes_none(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": "North Korea conducted 16 missile tests this year, officials said.",
        "centre": "North Korea conducted about 20 missile tests this year, officials said.",
        "right": "North Korea conducted over 20 missile tests this year, officials said.",
    }
    [contradiction] = number_contradictions(_extract(nlp, texts, _PUBLISHED))
    assert {position.value: position.sources for position in contradiction.positions} == {
        "16 test": ["left-1"],
        "at least 20 test": ["right-1"],
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right", "contradicts"),
    [
        ("The blast killed 16 people on Monday.", "More than 20 people were wounded in the blast on Monday.", False),
        ("The company cut 16 jobs this year.", "The company created more than 20 jobs this year.", False),
        ("The senator voted for 16 bills this year.", "The senator opposed more than 20 bills this year.", False),
        ("Officials said 16 people had died.", "Officials said over 40 people were missing.", False),
        ("Officials said 16 people had died.", "Officials said nearly 40 people had died.", True),
        # Different doers and places, though no name says so.
        ("The company reported 16 cases on Monday.", "The state reported over 20 cases on Monday.", False),
        ("He has written 16 books.", "She has written more than 20 books.", False),
        ("The storm killed 16 people in Texas.", "The storm killed more than 20 people across the region.", False),
        ("Police said 16 people were arrested on Friday.", "Police said over 20 people were arrested on Friday.", True),
    ],
)
def test_tallies_of_different_happenings_do_not_contradict(  # type: ignore[no-untyped-def]
    nlp, left: str, right: str, contradicts: bool
) -> None:
    assert bool(_contradicted(nlp, {"left": left, "right": right})) is contradicts


def test_dates_the_caller_read_give_the_figures_the_time_frames_the_article_own_date_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from corroborate.claims.when import extract_dates

    text = ("Since March 2019 the agency has hired 40 inspectors. On Tuesday it said 12 of them had resigned, "
            "and last year it spent $3 million on training.")
    dated, undated = _article(text, published="2020-06-10"), _article(text)
    doc = nlp(text)
    for article in (dated, undated):
        alone = extract_quantities(article, doc)
        assert any(quantity.frame for quantity in alone)
        anchored = extract_dates(article, doc, date(2001, 1, 1))
        assert extract_quantities(article, doc, anchored) == alone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A 6. 1 - magnitude quake struck the island.", 6.1, "magnitude"),
        ("The quake killed 1, 150 people.", 1150, "people"),
        ("The storm left 120, 000 people homeless.", 120000, "people"),
        ("Thieves took jewels worth $27. 5 million.", 27.5e6, "dollar"),
        ("The state lent 1, 400, 000 dollars to the farm.", 1.4e6, "dollar"),
    ],
)
def test_numbers_whose_punctuation_was_spaced_apart_are_read_whole(  # type: ignore[no-untyped-def]
    nlp, text: str, value: float, unit: str
) -> None:
    quantity = _only(nlp, text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("On March 1, 150 people died.", [150]),
        ("In 2009, 150 people died.", [150]),
        ("The totals were 100, 110 and 120 points.", [100, 110, 120]),
        ("The guard, 5 - foot - 8, 135 pounds, ran.", [5, 8, 135]),
    ],
)
def test_a_comma_between_a_date_a_list_or_a_height_and_a_number_joins_nothing(  # type: ignore[no-untyped-def]
    nlp, text: str, values: list[float]
) -> None:
    found = [q for q in _quantities(nlp, text) if q.kind != "ordinal"]
    assert sorted(q.value for q in found) == values


@pytest.mark.slow
def test_a_spaced_apart_time_of_day_is_no_decimal(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [q.value for q in _quantities(nlp, "It hit at 9. 25 am when 40 people slept.")] == [40]


@pytest.mark.slow
def test_figures_spaced_apart_contradict_by_their_whole_value(nlp) -> None:  # type: ignore[no-untyped-def]
    told = {
        "a": "The 6. 1 - magnitude quake struck the island, home to 120, 000 people, state media said.",
        "b": "The 5. 9 - magnitude quake struck the island, home to 120, 000 people, state media said.",
        "c": "The 6.1-magnitude quake struck the island, home to 120,000 people, state media said.",
    }
    assert _contradicted(nlp, told) == [("5.9 magnitude", "6.1 magnitude")]
    assert _contradicted(nlp, {key: told[key] for key in ("a", "c")}) == []


@pytest.mark.slow
def test_an_area_is_not_a_length_in_the_same_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    area, length = _quantities(nlp, "The 1,500-square-kilometer island lies 1,150 kilometers from the capital.")
    assert (area.unit, length.unit) == ("square kilometer", "kilometer")
    texts = {
        "a": "The island, a 1,500-square-kilometer strip, lies off the coast, state media said.",
        "b": "The island, 1,150 kilometers from the capital, lies off the coast, state media said.",
    }
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_a_tally_over_a_counted_span_is_compared_only_over_that_span(nlp) -> None:  # type: ignore[no-untyped-def]
    season = "Okafor hit .308 with 33 home runs and 121 RBI."
    month = "Okafor hit .358 with 13 homers and 43 RBIs in 54 games with the club."
    assert [q.scope for q in _quantities(nlp, month) if q.unit == "rbi"] == ["in game"]
    assert _contradicted(nlp, {"a": season, "b": month}) == []
    told = {
        "a": "Okafor drove in 43 runs in 54 games with the club.",
        "b": "Okafor drove in 45 runs in 54 games with the club.",
    }
    assert _contradicted(nlp, told) == [("43 run", "45 run")]


@pytest.mark.slow
def test_wholes_of_parts_that_all_differ_count_different_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    fight = "The final numbers showed the champion landing 178 of 369 punches thrown."
    found = _quantities(nlp, fight)
    assert [(q.value, q.unit, q.caveat) for q in found] == [(178, "punch", "part"), (369, "punch", "")]
    one_round = "In fact, the champion landed 28 of his 68 punches thrown during the round."
    assert _contradicted(nlp, {"a": fight, "b": one_round}) == []
    recounted = "The final numbers showed the champion landing 178 of 341 punches thrown."
    assert _contradicted(nlp, {"a": fight, "b": recounted}) == [("341 punch", "369 punch")]


@pytest.mark.slow
def test_a_span_of_one_thing_is_not_that_of_several(nlp) -> None:  # type: ignore[no-untyped-def]
    offer = "The team made an eight-year offer to the first baseman, the manager said."
    earlier = "The team made seven-year offers to the first baseman, the manager said."
    assert _contradicted(nlp, {"a": offer, "b": earlier}) == []
    other = "The team made a seven-year offer to the first baseman, the manager said."
    assert _contradicted(nlp, {"a": offer, "b": other}) == [("7 year", "8 year")]


@pytest.mark.slow
def test_a_count_before_an_unhyphenated_compound_counts_no_first_word(nlp) -> None:  # type: ignore[no-untyped-def]
    launcher = "The cache included seven AK-47 rifles, one rocket propelled grenade launcher and three other rifles."
    assert "rocket" not in [q.unit for q in _quantities(nlp, launcher)]
    assert [q.unit for q in _quantities(nlp, "One rocket landed near the school on Monday.")] == ["rocket"]
    texts = {"a": launcher, "b": "The cache included a grenade launcher with two rockets and three other rifles."}
    assert _contradicted(nlp, texts) == []


# ---- Whose figure, and of what whole ------------------------------------------------------------------------


def test_the_subject_of_a_relative_clause_is_the_noun_it_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _only(nlp, "The mayor, who ran 20 marathons, retired on Monday.").actor == "the mayor"


@pytest.mark.slow
def test_ages_of_people_named_alike_contradict_but_ages_of_no_one_named_do_not(nlp) -> None:  # type: ignore[no-untyped-def]
    unnamed = {
        "left": "A 32-year-old was arrested at the scene after the crash.",
        "right": "A 36-year-old was arrested at the scene after the crash.",
    }
    assert _contradicted(nlp, unnamed) == []
    named = {
        "left": "Police arrested Ben Okafor, 32, at the scene of the crash.",
        "right": "Police arrested Ben Okafor, 34, at the scene of the crash.",
    }
    assert _contradicted(nlp, named) == [("32 year", "34 year")]


def test_a_sum_worth_of_goods_counts_the_goods(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _only(nlp, "Duties apply to $40 billion worth of steel.").counted == "steel"


@pytest.mark.slow
def test_an_added_sum_is_a_part_and_does_not_contradict_the_total(nlp) -> None:  # type: ignore[no-untyped-def]
    increment = {
        "left": "The government will impose duties on another $125 billion worth of imports next month.",
        "right": "The government will impose duties on $360 billion worth of imports next month.",
    }
    assert _contradicted(nlp, increment) == []
    totals = {
        "left": "The government will impose duties on $250 billion worth of imports next month.",
        "right": "The government will impose duties on $360 billion worth of imports next month.",
    }
    assert _contradicted(nlp, totals) == [("250000000000 dollar", "360000000000 dollar")]
    assert _only(nlp, "The additional duties cover $90 billion worth of imports.").caveat == "part"
    assert _only(nlp, "The new stadium cost $90 million to build.").caveat == ""
    assert _only(nlp, "A tranche of duties on $90 billion worth of imports begins today.").caveat == "part"
    assert _only(nlp, "Duties on $90 billion worth of imports begin today.").caveat == ""


@pytest.mark.slow
def test_spans_counted_from_different_events_do_not_contradict_but_from_one_event_do(nlp) -> None:  # type: ignore[no-untyped-def]
    different = {
        "left": "In the four months since the merger, the firm has cut 200 jobs.",
        "right": "In the two months since the strike, the firm has cut 200 jobs.",
    }
    assert _contradicted(nlp, different) == []
    one = {
        "left": "In the four months since the merger, the firm has cut 200 jobs.",
        "right": "In the two months since the merger, the firm has cut 200 jobs.",
    }
    assert _contradicted(nlp, one) == [("2 month", "4 month")]
    assert _only(nlp, "The bridge reopened three weeks after the flood.").scope == "after flood"
    assert _only(nlp, "The crew spent three weeks at sea.").scope == ""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The trial lasted four and a half months.", 4.5),
        ("The firm lost two and a half million dollars in the fraud.", 2.5e6),
        ("The rebuild took 4 and a quarter years.", 4.25),
    ],
)
def test_a_number_ending_in_a_fraction_is_read_whole(nlp, text: str, value: float) -> None:  # type: ignore[no-untyped-def]
    assert _only(nlp, text).value == value


def test_and_a_after_a_number_that_is_no_fraction_ends_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _only(nlp, "Police arrested two suspects and a man was hurt.").value == 2
    assert parse_number(["two", "and", "a", "half", "people"]) is None


def test_the_whole_of_a_one_in_n_share_is_a_rate(nlp) -> None:  # type: ignore[no-untyped-def]
    shares = [q for q in _quantities(nlp, "About one in 500 users saw the error.") if q.unit == "user"]
    assert [q.caveat for q in shares] == ["rate"]
    spans = [q for q in _quantities(nlp, "The firm hired 30 engineers in 12 days.") if q.unit == "day"]
    assert [q.caveat for q in spans] == [""]


def test_sums_of_a_breakdown_are_parts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The duties cover $120 billion of imports this year and a further list worth $250 billion next year."
    sums = [q for q in _quantities(nlp, text) if q.kind == "money"]
    assert [q.caveat for q in sums] == ["part", "part"]
    assert _only(nlp, "The duties cover $120 billion of imports.").caveat == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The colt won the race by 41 / 2 lengths on Saturday.",  # a lost "½": not 41, nor 2 lengths
        "The colt won the race by 41 /2 lengths on Saturday.",
        "The colt won the race by 41/ 2 lengths on Saturday.",
        "The champion enjoyed a 3 1/2-inch height advantage.",  # the whole of a mixed number is not its value
    ],
)
def test_the_pieces_of_a_fraction_are_no_figures(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in _quantities(nlp, text) if q.kind != "ordinal"] == []


@pytest.mark.slow
def test_numbers_beside_a_slash_only_are_pieces_of_a_fraction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police said 41 people were hurt and 2 died, while 3 / 4 of the homes lost power."
    assert [q.value for q in _quantities(nlp, text)] == [41, 2]
    assert _contradicted(nlp, {
        "a": "The colt won the race by 41 / 2 lengths on Saturday.",
        "b": "The colt won the race by 3 lengths on Saturday.",
    }) == []


@pytest.mark.slow
def test_a_number_and_unit_before_a_noun_measure_that_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    drive = _only(nlp, "The Rovers capped a 73-yard drive with a field goal.")
    assert (drive.value, drive.unit, drive.measured) == (73, "yard", "drive")
    assert _only(nlp, "The Rovers gained 73 yards on the drive.").measured == ""
    # A shot worth three points is no tally of points; a touchdown of 7 yards is not a drive of 73.
    assert _contradicted(nlp, {
        "a": "Mike Carter hit a 3-point shot to win the game for the Rovers.",
        "b": "Mike Carter scored 20 points to win the game for the Rovers.",
    }) == []
    assert _contradicted(nlp, {
        "a": "The Rovers scored on a 7-yard touchdown in the third quarter.",
        "b": "The Rovers scored on a 73-yard drive in the third quarter.",
    }) == []


@pytest.mark.slow
def test_measures_of_one_thing_named_two_ways_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _contradicted(nlp, {
        "a": "The minister began a 12-day trip to the region on Monday.",
        "b": "The minister began an 8-day trip to the region on Monday.",
    }) == [("12 day", "8 day")]
    # The thing measured is what the clause is about, not a doer of its own ("the quake" / "the earthquake").
    assert _contradicted(nlp, {
        "a": "A 5.9-magnitude quake struck the island on Sunday, officials said.",
        "b": "A 6.1-magnitude earthquake struck the island on Sunday, officials said.",
    }) == [("5.9 magnitude", "6.1 magnitude")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right", "contradicts"),
    [
        # Tallies told with different players are theirs, though no clause names them as the doer.
        ("There were 24 points for Mike Carter in the win.", "There were 9 points for Tom Baker in the win.", False),
        ("In the win, 24 points came from the guard Mike Carter.", "In the win, 9 points came from the guard Tom "
         "Baker.", False),
        # "He" is the player named last.
        ("Mike Carter led the Rovers on Sunday. He scored 24 points in the win.", "Tom Baker scored 9 points in "
         "the win.", False),
        # "He" tells who takes part, but as a doer stays a person, whom "they" (a team) is not.
        ("Mike Carter starred for the Rovers on Sunday. He ran for 66 yards.", "The Rovers won on Sunday. They ran "
         "for 440 yards.", False),
        # The same player's points in the same game, told two ways.
        ("Mike Carter led the Rovers on Sunday. He scored 24 points in the win.", "Mike Carter scored 21 points "
         "in the win.", True),
        ("Mike Carter scored 24 points in the win over the Hawks.", "Carter scored 21 points in the win over the "
         "Hawks.", True),
        # Who only tells a figure does not own it.
        ("Coach Ana Lopez said 16 players were injured in the crash.", "Coach Maria Costa said more than 20 "
         "players were injured in the crash.", True),
    ],
)
def test_a_players_tally_is_that_players(nlp, left: str, right: str, contradicts: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(_contradicted(nlp, {"left": left, "right": right})) is contradicts


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right", "contradicts"),
    [
        ("Mike Carter has thrown 40 touchdown passes in his career.", "Mike Carter has thrown 12 touchdown passes.",
         False),
        ("Mike Carter has thrown 12 touchdown passes.", "Mike Carter threw 3 touchdown passes in the game.", False),
        # A win is one game, whatever it is called.
        ("Mike Carter scored 24 points in the loss.", "Mike Carter has scored 300 points.", False),
        ("Mike Carter scored 24 points in the win over the Hawks.", "Carter scored 21 points in the "
         "victory over the Hawks.", True),
        ("Mike Carter has thrown 40 touchdown passes in his career.", "Mike Carter has thrown 52 touchdown passes "
         "in his career.", True),
    ],
)
def test_a_career_a_season_and_a_game_are_different_spans(  # type: ignore[no-untyped-def]
    nlp, left: str, right: str, contradicts: bool
) -> None:
    assert bool(_contradicted(nlp, {"left": left, "right": right})) is contradicts


@pytest.mark.slow
def test_an_article_telling_both_sides_figures_of_one_thing_takes_no_side(nlp) -> None:  # type: ignore[no-untyped-def]
    """A player's 66 yards are set apart from the team's 440 by whose they are, but the article that tells both
    tells the other outlet's 66 too: which of its figures that outlet disputes the parse cannot say."""
    both = "Mike Carter ran for 66 yards in the game. The Rovers ran for 440 yards."
    assert _contradicted(nlp, {"a": both, "b": "The Rovers ran for 66 yards, officials said."}) == []
    assert _contradicted(nlp, {"a": "The Rovers ran for 440 yards.", "b": "The Rovers ran for 66 yards, officials "
                               "said."}) == [("440 yard", "66 yard")]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # "He" in the sentence after a person is named stands for that person.
        ("Mike Carter led the Rovers on Sunday. He scored 24 points in the win.", {"mike", "carter"}),
        # A plural subject before "he" cannot be whom it stands for: the person named before still is.
        ("Mike Carter led the Rovers on Sunday. The fans said he scored 24 points in the win.", {"mike", "carter"}),
        # A singular subject before "he" in its own sentence is the nearer antecedent, a person described or a
        # name the tagger missed (which the resolver finds as the speaker): not the person named the sentence before.
        ("Mike Carter led the Rovers on Sunday. The rookie said he scored 24 points in the win.", set()),
        ("Mike Carter coached the Rovers on Sunday. Okafor said he scored 24 points in the win.", {"okafor"}),
        # Two sentences on, "he" is as often someone else: it is not looked for that far back.
        ("Mike Carter led the Rovers on Sunday. The crowd was loud. He scored 24 points in the win.", set()),
    ],
)
def test_he_of_a_count_is_the_person_just_named(nlp, text: str, participants: set[str]) -> None:  # type: ignore[no-untyped-def]
    points = next(q for q in _quantities(nlp, text) if q.unit == "point")
    assert set(points.participants) == participants


@pytest.mark.slow
def test_a_shared_verb_lets_the_sentences_differ_more(nlp) -> None:  # type: ignore[no-untyped-def]
    """Two outlets' tallies of what was done to the same people ("hurt" / "hurt") are one statement told in
    sentences that differ more than two tallies' without a verb in common; a sentence about another event that
    shares only the verb stays apart."""
    assert _contradicted(nlp, {
        "a": "Officials said 14 people were hurt in the clashes.",
        "b": "Officials said 22 people had been hurt in the unrest and 9 detained for looting.",
    }) == [("14 people", "22 people")]
    assert _contradicted(nlp, {
        "a": "Eight people were killed and about 40 hurt.",
        "b": "The flood killed 300 people and displaced more than 2,000, destroying several bridges.",
    }) == []


@pytest.mark.slow
def test_a_figure_describing_a_place_is_not_set_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Near the island, home to 15,000 people" counts the island's people, whatever the clause says happened
    near it; a figure of the clause itself keeps its place ("killed 12 people in Kesra, a port town")."""
    assert _contradicted(nlp, {
        "a": "The storm hit Lanto Island, home to 9,000 people, officials said.",
        "b": "The storm made landfall near Lanto Island, home to 15,000 people, the weather agency said.",
    }) == [("15000 people", "9000 people")]
    assert _contradicted(nlp, {
        "a": "Floods killed 40 people in Lanto, officials said.",
        "b": "Floods killed 12 people in Kesra, a port town, officials said.",
    }) == []


@pytest.mark.slow
def test_an_open_bound_does_not_tell_the_other_sides_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    """An article whose "at least 10 people" (killed) fits the other outlet's 15,000 does not tell that figure: its
    9,000 island people still dispute the 15,000. An exact figure of people beside it that is the other outlet's
    figure still leaves the article on both sides."""
    assert _contradicted(nlp, {
        "a": "A storm killed at least 10 people on Sunday. It hit Lanto Island, home to 9,000 people, officials said.",
        "b": "The storm made landfall near Lanto Island, home to 15,000 people, the weather agency said.",
    }) == [("15000 people", "9000 people")]
    assert _contradicted(nlp, {
        "a": "A storm left 15,000 people homeless on Sunday. It hit Lanto Island, home to 9,000 people.",
        "b": "The storm made landfall near Lanto Island, home to 15,000 people, the weather agency said.",
    }) == []


@pytest.mark.slow
def test_a_percentage_counts_the_measure_it_is_the_value_of(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "a turnout of 72 percent" is the turnout, not a share of the clause's subject; "per cent" is one percent
    sign, whose "of" names what the share is of."""
    assert _only(nlp, "Observers reported a turnout of seventy-two percent on Sunday.").counted == "turnout"
    assert _only(nlp, "The board said 90 per cent of registered voters had cast ballots.").counted == (
        "registered voters"
    )
    assert _only(nlp, "About 5% of voters stayed home.").counted == "voters"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The jobless rate was twelve percent.", "be"),
        ("The jobless rate reached twelve percent.", "be"),
        ("The jobless rate stood at twelve percent.", "be"),
        ("The jobless rate rose to twelve percent.", "rise to"),
        ("The jobless rate rose by twelve percent.", "rise by"),
        ("The airline ran over twenty flights.", "run"),
        ("She worked there for twelve years.", "work"),
    ],
)
def test_a_level_is_one_predicate_and_to_or_by_tells_it_from_a_change(  # type: ignore[no-untyped-def]
    nlp, text: str, predicate: str
) -> None:
    """Whatever verb tells the level a measure is at, it is one statement ("was", "reached", "stood at"); "rose
    to" a level is not "rose by" a change. A hedge or a span's "for" before a figure is not its verb's."""
    assert _only(nlp, text).predicate == predicate


@pytest.mark.slow
def test_levels_of_one_measure_told_by_different_verbs_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    """Turnout "reached" 71 percent in one outlet and "was almost sixty percent" in another: one level, told in
    sentences too unlike for figures whose verbs differ, and "almost sixty" allows no more than 60. A figure just
    under sixty fits "almost sixty", and a change ("rose by") is no level."""
    level = "Local observers said turnout reached seventy-one percent in the referendum on the mining law."
    almost = "The electoral board said that turnout was almost sixty percent."
    assert _contradicted(nlp, {"a": level, "b": almost}) == [("71 percent", "nearly 60 percent")]
    just_under = "Local observers said turnout reached fifty-eight percent in the referendum on the mining law."
    assert _contradicted(nlp, {"a": just_under, "b": almost}) == []
    change = "Local observers said turnout rose by seventy-one percent in the referendum on the mining law."
    assert _contradicted(nlp, {"a": change, "b": almost}) == []


@pytest.mark.slow
def test_a_level_names_no_sum_it_is_the_level_of(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "It was five thousand dollars" says no more of what the sum is than no verb does: two such sums are not
    one figure, though both are told as a level."""
    texts = {"a": "It was five thousand dollars, the court said.", "b": "It was ten thousand dollars, the court said."}
    assert [q.predicate for q in _extract(nlp, texts, _PUBLISHED)] == ["be", "be"]
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_a_number_ending_a_designation_in_capitals_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "SU-27" (spaced apart or not) names a model: its 27 counts nothing, while the count before it does; a name
    beside a count of another noun ("the UN 15-member council") leaves the count alone."""
    found = _quantities(nlp, "Radar tracked six SU - 27 jets and twelve SU 27 jets on Monday.")
    assert sorted(q.value for q in found if q.unit == "jet") == [6, 12]
    assert [q.value for q in _quantities(nlp, "The UN 15-member council voted.")] == [15]


@pytest.mark.slow
def test_a_count_sharing_its_noun_with_another_takes_only_its_own_modifiers(nlp) -> None:  # type: ignore[no-untyped-def]
    """In "40 wooden and 25 steel bridges" forty are wooden, not wooden and steel (which would make them a narrower
    kind of the 25, and a count above them a dispute)."""
    found = _quantities(nlp, "Inspectors counted 40 wooden and 25 steel bridges.")
    assert {q.value: q.counted for q in found} == {40: "wooden bridges", 25: "steel bridges"}


@pytest.mark.slow
def test_a_span_of_years_is_no_range_of_a_count(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "the 1950-53 war" and "the 2019-2020 season" are dates; "1,500-2,000 troops" and "ten to twelve
    soldiers" are ranges of a count."""
    assert [q for q in _quantities(nlp, "Troops stayed after the 1950-53 war.") if q.kind == "count"] == []
    assert [q.counted for q in _quantities(nlp, "He retired after the 2019-2020 season.")] == []
    troops = _only(nlp, "The 1,500-2,000 troops were sent.")
    assert (troops.value, troops.upper) == (1500, 2000)
    assert _only(nlp, "Ten to twelve soldiers were hurt.").qualifier == "range"


@pytest.mark.slow
def test_a_scale_word_without_a_number_is_an_order_of_magnitude(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "a multi-million dollar suit" is no sum of one million, which "a million dollars" is."""
    assert _only(nlp, "The multi-million dollar suit was filed on Monday.").qualifier == "vague"
    assert _only(nlp, "The firm paid a million dollars.").qualifier == "exact"


@pytest.mark.slow
def test_a_sum_told_as_its_subjects_level_measures_that_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    level = _only(nlp, "The penalty was $4,000, the regulator said on Tuesday.")
    assert (level.kind, level.counted) == ("money", "penalty")
    assert _only(nlp, "The regulator imposed a penalty of $9,000 on Tuesday.").counted == "penalty"
    assert _only(nlp, "The deposit was set at $2 million by the board.").counted == "deposit"
    assert _only(nlp, "The suspension was six months.").counted == "suspension"
    # A pronoun or a noun that names no measure leaves the sum naming nothing.
    assert _only(nlp, "It was $4,000, the regulator said on Tuesday.").counted == ""
    assert _only(nlp, "The total was $4,000, the regulator said on Tuesday.").counted == ""
    told = {
        "a": "The penalty was $4,000, the regulator said on Tuesday.",
        "b": "The regulator imposed a penalty of $9,000 on Tuesday.",
    }
    assert _contradicted(nlp, told) == [("4000 dollar", "9000 dollar")]
    unnamed = {
        "a": "It was $4,000, the regulator said on Tuesday.",
        "b": "It was $9,000, the regulator said on Tuesday.",
    }
    assert _contradicted(nlp, unnamed) == []


def test_a_range_opened_by_between_counts_the_noun_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    crowd = _only(nlp, "Between 3500 and 4000 volunteers joined the search.")
    assert (crowd.value, crowd.upper, crowd.unit) == (3500, 4000, "volunteer")
    # Only the noun right after the upper bound: past a comma it is another phrase's.
    assert _only(nlp, "Between 3500 and 4000, volunteers said, joined the search.").unit == ""
