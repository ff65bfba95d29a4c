"""What a number is read as: sums with their scale glued on, lengths of races, versions, unit symbols and ages;
and the person a figure is told of, by a noun the article sets beside a name or by an age."""

from __future__ import annotations

import pytest
from conftest import quantities_of

from corroborate.claims.numbers import Quantity, number_contradictions
from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _found(nlp, text: str) -> list[Quantity]:  # type: ignore[no-untyped-def]
    return [q for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal"]


def _read(nlp, text: str) -> list[tuple[str, float, str]]:  # type: ignore[no-untyped-def]
    return [(q.kind, q.value, q.unit) for q in _found(nlp, text)]


def _contradicted(nlp, texts: dict[str, str]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [
        tuple(sorted(position.value for position in contradiction.positions))
        for contradiction in number_contradictions(quantities_of(nlp, texts))
    ]


# ---- Sums with their scale glued on -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The start-up raised $5M.", 5e6),
        ("The start-up raised $5m.", 5e6),
        ("The bridge will cost $1.5B in total.", 1.5e9),
        ("The fund closed at $40MM last spring.", 4e7),
    ],
)
def test_a_scale_glued_to_a_sum_or_to_its_full_stop_scales_it(nlp, text: str, value: float) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, text) == [("money", value, "dollar")]


def test_scale_letters_without_a_currency_sign_are_no_scale(nlp) -> None:  # type: ignore[no-untyped-def]
    # A grade, a length in millimetres and a screen's resolution: no billions, no millions.
    assert _read(nlp, "She fitted a 3.5 mm jack to the 4K screen.") == [("count", 3.5, "mm")]
    assert all(value < 1e6 for _, value, _ in _read(nlp, "He got 2 B grades this term."))


# ---- Metres and millions ---------------------------------------------------------------------------------------


def test_metres_glued_to_a_race_stay_metres(nlp) -> None:  # type: ignore[no-untyped-def]
    [race] = [q for q in _found(nlp, "She won the 100m hurdles in record time.")]
    assert (race.value, race.unit, race.measured) == (100, "metre", "hurdles")


def test_millions_glued_to_a_plural_count_that_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "m" as a noun of its own, the verb's object: the noun after it is still what is counted.
    [count] = _found(nlp, "The virus infected 5m people.")
    assert (count.value, count.unit, count.counted) == (5e6, "people", "people")


# ---- Versions and channel layouts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hubs cost $40, and HDMI 2.1 type A ones cost more.",
        "Owners of the phone can install Android 10.1 now.",
        "The console streams 7.1 surround sound to the television.",
        "The film was mixed in 5.1-channel audio.",
    ],
)
def test_a_decimal_after_a_name_or_before_sound_channels_is_no_amount(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in _found(nlp, text) if "." in q.text] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The firm's 2.5 million users were told on Friday.", 2.5e6, "user"),
        ("The tremor measured 5.1 near the coast.", 5.1, ""),
        ("Sales at the chain rose 5.1 percent.", 5.1, "percent"),
    ],
)
def test_a_decimal_amount_after_a_name_or_before_a_noun_stays(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(v, u) for _, v, u in _read(nlp, text)] == [(value, unit)]


# ---- Unit symbols ----------------------------------------------------------------------------------------------


def test_a_unit_symbol_before_a_noun_is_the_unit_of_a_measure_of_that_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    [noise] = _found(nlp, "The fan was tested in a quiet 42 dBA office at night.")
    assert (noise.value, noise.unit, noise.measured) == (42, "dba", "office")
    # A word between a count and its noun that is no unit is a word of what is counted.
    [drones] = _found(nlp, "The courier bought 130 cargo drones last year.")
    assert (drones.unit, drones.counted, drones.measured) == ("drone", "cargo drones", "")


# ---- Ages ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "qualifier", "counted"),
    [
        ("The survey found 9,000 people age 16 and older smoke daily.", 16, "at_least", "people"),
        ("She retired from the orchestra at the age of 61.", 61, "exact", "She"),
        ("Children under age 5 must wear helmets.", 5, "exact", "Children"),
    ],
)
def test_a_number_after_age_is_an_age(nlp, text: str, age: float, qualifier: str, counted: str) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in _found(nlp, text) if q.kind == "age"]
    assert [(q.value, q.qualifier, q.counted) for q in found] == [(age, qualifier, counted)]


def test_an_age_of_a_span_with_its_own_unit_is_that_span(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The repair took an age of 3 hours.") == [("duration", 3, "hour")]


@pytest.mark.parametrize(
    "text",
    [
        "The survey found that 9,000 people age 16 and older smoke.",
        "A 61-year-old man was sentenced to 12 years in prison.",
    ],
)
def test_an_age_read_as_a_date_is_no_time_frame_of_a_figure(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.frame for q in _found(nlp, text) if q.kind != "age"] == [""]


def test_an_age_after_at_is_a_time_of_life(nlp) -> None:  # type: ignore[no-untyped-def]
    [cars] = [q for q in _found(nlp, "At age 16, he sold 3 cars.") if q.unit == "car"]
    assert cars.frame == "age 16"


# ---- The person a figure is told of ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tied",
    [
        "Marta Quinlan, the bookkeeper of the mill, denied the charge. The bookkeeper was sentenced to 14 years in "
        "prison on Tuesday.",
        "The bookkeeper of the mill, Marta Quinlan, denied the charge. The bookkeeper was sentenced to 14 years in "
        "prison on Tuesday.",
    ],
)
def test_a_noun_set_beside_a_name_is_that_person_in_or_out_of_the_person_nouns(nlp, tied: str) -> None:  # type: ignore[no-untyped-def]
    [sentence] = [q for q in _found(nlp, tied) if q.unit == "year"]
    assert sentence.holder == "marta quinlan"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # A product's name the recogniser may take for a person's, after a word that is no title.
        ("Add 1 jar Marta Quinlan Honey to the pot. Boil the jar for 10 minutes.", "the jar"),
        # A noun for two people, and the same noun said of several.
        ("The duo, Marta Quinlan and Helen Ward, lost. The duo squandered two match points.", "the duo"),
        (
            "Marta Quinlan, the chairman of the board, spoke. The chairmen of the three boards approved 4 budgets.",
            "the chairman",
        ),
    ],
)
def test_a_noun_not_set_beside_one_person_stays_a_noun(nlp, text: str, noun: str) -> None:  # type: ignore[no-untyped-def]
    assert all("quinlan" not in f"{q.actor} {q.holder}" for q in _found(nlp, text))
    assert any(noun in (q.actor, q.holder) for q in _found(nlp, text))


@pytest.mark.slow
def test_a_person_told_by_age_is_the_one_named_person_of_that_age(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Police said Tomas Berg, 61, opened fire at the depot.",
        "b": "The 61-year-old man was sentenced to 12 years in prison on Tuesday.",
        "c": "Tomas Berg was sentenced to nine years in prison on Tuesday.",
    }
    assert _contradicted(nlp, texts) == [("12 year", "9 year")]
    # Two people of that age are named: the man may be either, and a figure of his is no dispute with Berg's.
    two = {**texts, "a": "Police said Tomas Berg, 61, and Ivan Holm, 61, opened fire at the depot."}
    assert _contradicted(nlp, two) == []


# ---- Currencies named with their country -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Investors paid 250 New Zealand dollars a share.", "new zealand dollar"),
        ("The ticket costs 40 Canadian dollars.", "canadian dollar"),
    ],
)
def test_a_currency_named_with_its_country_is_a_sum_in_that_currency(nlp, text: str, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(kind, u) for kind, _, u in _read(nlp, text)] == [("money", unit)]


def test_a_capitalised_noun_before_a_counted_noun_names_no_currency(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "He sold 3 Picasso paintings for 40 euros.") == [("count", 3, "painting"), ("money", 40, "euro")]
