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
