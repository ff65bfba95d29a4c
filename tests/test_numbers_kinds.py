"""What kind of figure a number is, or whether it is one: sizes told by an inch mark, the terms that name a kind of
bond, sums in a currency named with its country, versions of software, and whom an age is told of."""

from __future__ import annotations

import pytest
from conftest import quantities_of

from corroborate.claims.numbers import Quantity
from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _found(nlp, text: str) -> list[Quantity]:  # type: ignore[no-untyped-def]
    return [q for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal"]


# ---- Inches told by an inch mark ------------------------------------------------------------------------------


def test_an_inch_mark_makes_a_size_in_inches_of_the_thing_it_measures(nlp) -> None:  # type: ignore[no-untyped-def]
    [size] = _found(nlp, 'Dana Wick bought a 65" television for the den.')
    assert (size.value, size.unit, size.measured) == (65, "inch", "television")


def test_a_size_by_inch_mark_reads_as_the_same_size_written_in_words(nlp) -> None:  # type: ignore[no-untyped-def]
    [marked] = _found(nlp, 'The shop cut the price of its 55" television.')
    [worded] = _found(nlp, "The shop cut the price of its 55-inch television.")
    assert (marked.unit, marked.counted, marked.measured) == (worded.unit, worded.counted, worded.measured)


def test_an_inch_mark_with_no_noun_after_it_is_still_inches(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [(q.value, q.unit) for q in _found(nlp, 'The lamp stands 22" tall on its base.')] == [(22, "inch")]


def test_a_quote_closed_after_a_number_is_no_inch_mark(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, 'Bo Lund wrote "we sold 40" in the note.')
    assert [q.unit for q in found] != ["inch"]


# ---- Terms that name a kind of bond -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The state sold a 30-year bond to pension funds last week.",
        "Yields on the 10-year Treasury rose on Tuesday.",
        "Traders sold 10-year notes after the report.",
        "The 30-year mortgage rate averaged 3.7 percent.",
    ],
)
def test_the_term_of_a_kind_of_bond_or_loan_is_no_duration(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _found(nlp, text) if q.kind == "duration"] == []


def test_a_term_of_something_else_stays_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    [term] = _found(nlp, "The court gave Ray Kolt a 10-year sentence.")
    assert (term.kind, term.value, term.unit) == ("duration", 10, "year")


# ---- Currencies named with their country -----------------------------------------------------------------------


def test_pounds_with_their_country_are_money_even_before_of(nlp) -> None:  # type: ignore[no-untyped-def]
    [fine] = _found(nlp, "She was fined 5,200 British pounds of her savings.")
    assert (fine.kind, fine.value, fine.unit) == ("money", 5200, "british pound")


def test_pounds_of_a_substance_stay_a_weight(nlp) -> None:  # type: ignore[no-untyped-def]
    [load] = _found(nlp, "The boat carried 5,200 pounds of fish.")
    assert load.kind == "count"


# ---- Versions of software ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Phones need iOS 12 or later.",
        "Phones running Android 10 will get the patch.",
        "Windows 11 is free for users of Windows 10.",
        "The update to iOS 13.1 arrives today.",
        "The firm shipped version 10 of its browser.",
        "Version 3 of the app is out.",
        "The team shipped version 2.4 on Monday.",
    ],
)
def test_a_version_is_no_amount(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == []


def test_a_count_after_a_version_still_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [(q.value, q.unit) for q in _found(nlp, "The firm has 300 versions of the form.")] == [(300, "version")]


# ---- Whom an age is told of ------------------------------------------------------------------------------------


def test_an_age_beside_a_name_is_that_person_s(nlp) -> None:  # type: ignore[no-untyped-def]
    [age] = _found(nlp, "Tam Orrin, 61, said the plan had failed.")
    assert (age.kind, age.aged) == ("age", "tam orrin")


def test_an_age_in_apposition_to_a_noun_is_that_noun_s(nlp) -> None:  # type: ignore[no-untyped-def]
    [age] = _found(nlp, "The driver, a 61-year-old from Dunmore, was hurt.")
    assert (age.kind, age.aged) == ("age", "the driver")


def test_an_age_told_of_a_noun_is_the_one_person_the_article_names_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A 61-year-old man was charged with two counts. Tam Orrin, 61, is due in court on Monday."
    ages = [q for q in _found(nlp, text) if q.kind == "age"]
    counts = [q for q in _found(nlp, text) if q.kind == "count"]
    assert [age.aged for age in ages] == ["tam orrin", "tam orrin"]
    assert [count.holder for count in counts] == ["tam orrin"]


def test_an_age_told_of_a_noun_stays_so_when_two_people_have_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A 61-year-old man was hurt. Tam Orrin, 61, and Lia Mott, 61, were held."
    [first, *_] = [q for q in _found(nlp, text) if q.kind == "age"]
    assert first.aged == "the man"


def test_an_age_in_months_is_an_age_not_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    [age] = _found(nlp, "A 9-month-old baby was found unhurt.")
    assert (age.kind, age.value, age.unit, age.aged) == ("age", 9, "month", "the baby")


def test_a_place_before_the_noun_of_an_age_is_not_whom_it_is_told_of(nlp) -> None:  # type: ignore[no-untyped-def]
    [age] = _found(nlp, "The 8-year-old Dunmore girl was found on Sunday.")
    assert age.aged == "the girl"


def test_the_points_of_a_tie_break_after_a_score_are_no_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    # Read alone, the "(5)" beside a player was taken for their age or a count of theirs.
    assert _found(nlp, "Ivo Lund edged Tam Okafor 7-6 (5), 6-4 on Friday.") == []


# ---- Scores and marks -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Lund beat Tam Okafor 3-6, 6-3, 7-6 (5) on Friday.",
        "The Hawks earned a 2-1 win over the Owls.",
        "The Hawks beat the Owls 3-0 on Sunday.",
        "The series is level at 1-1.",
    ],
)
def test_a_score_is_no_range(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _found(nlp, text) if q.kind != "duration"] == []


def test_a_range_of_a_count_is_still_a_range(nlp) -> None:  # type: ignore[no-untyped-def]
    [games] = _found(nlp, "The Hawks hope to win 3-6 games this year.")
    assert (games.value, games.upper, games.unit) == (3, 6, "game")


def test_a_note_number_in_square_brackets_and_a_list_item_number_count_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [q.value for q in _found(nlp, "Alarms ring 1,000 times per shift [1].")] == [1000]
    assert [q.value for q in _found(nlp, "Bring these:\n4) Water for 5 days")] == [5]


# ---- Scales -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "upper"),
    [
        ("Rebuilding will cost $40-50 billion.", 4e10, 5e10),
        ("The plan will hire 5 to 10 million workers.", 5e6, 1e7),
        ("The plan will hire between 500 and 1 million workers.", 500, 1e6),
    ],
)
def test_a_scale_written_after_a_range_scales_its_bottom_too(nlp, text: str, value: float, upper: float) -> None:  # type: ignore[no-untyped-def]
    [found] = _found(nlp, text)
    assert (found.value, found.upper) == (value, upper)


def test_a_scale_hyphenated_to_digits_scales_them(nlp) -> None:  # type: ignore[no-untyped-def]
    [gift] = _found(nlp, "Bo Lund gave a $5-million gift to the school.")
    assert (gift.value, gift.upper, gift.qualifier) == (5e6, None, "exact")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Half a million people fled the floods.", 5e5),
        ("A half million people fled the floods.", 5e5),
        ("Bo Lund bought half a dozen eggs.", 6),
    ],
)
def test_half_a_scale_is_half_of_it(nlp, text: str, value: float) -> None:  # type: ignore[no-untyped-def]
    assert [q.value for q in _found(nlp, text)] == [value]


def test_lakh_and_rupees_abbreviated_are_read(nlp) -> None:  # type: ignore[no-untyped-def]
    [masks] = _found(nlp, "The state gave out 50 lakh masks.")
    [fare] = _found(nlp, "Bo Lund paid Rs 300 for the ride.")
    assert (masks.value, masks.unit) == (5e6, "mask")
    assert (fare.kind, fare.value, fare.unit) == ("money", 300, "rupee")


def test_horsepower_abbreviated_is_the_unit_of_an_engine(nlp) -> None:  # type: ignore[no-untyped-def]
    [power] = _found(nlp, "The 176 hp engine is new.")
    assert (power.value, power.unit) == (176, "hp")


# ---- Units the parser finds no noun for -------------------------------------------------------------------------


def test_horsepower_before_the_noun_it_measures_is_the_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    [power] = _found(nlp, "The 275 horsepower electric motor sits at the rear.")
    assert (power.value, power.unit, power.measured) == (275, "horsepower", "electric motor")


def test_two_unit_symbols_joined_by_a_hyphen_are_one_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    [torque] = _found(nlp, "The motor makes 406 lb-ft of torque.")
    assert (torque.value, torque.unit, torque.measured) == (406, "lb-ft", "torque")


def test_light_years_are_a_distance_not_a_duration(nlp) -> None:  # type: ignore[no-untyped-def]
    [width] = _found(nlp, "The galaxy is 230 million light-years wide.")
    assert (width.kind, width.value, width.unit) == ("count", 2.3e8, "light-year")


@pytest.mark.parametrize("text", ["Why would anyone quit at age 54?", "He fell into a coma at the age of 9."])
def test_an_age_told_by_the_noun_age_is_no_noun_s_above_it(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    [age] = _found(nlp, text)
    assert (age.kind, age.aged) == ("age", "")


# ---- A year that names an event ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["She won gold at the 2008 London Olympics.", "She won a medal at the 2012 London Games."]
)
def test_a_year_before_an_events_plural_name_counts_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == []


def test_a_number_before_a_plural_name_of_people_still_counts_them(nlp) -> None:  # type: ignore[no-untyped-def]
    [count] = _found(nlp, "About 1800 Texans signed the petition.")
    assert count.value == 1800
