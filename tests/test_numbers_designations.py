"""Numbers that name rather than count: models, sequels, titles, telephone numbers, list items and pronouns; and
counts written so that their number is easily misread (European thousands, a count before a model's digits)."""

from __future__ import annotations

import pytest
from conftest import quantities_of

from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _read(nlp, text: str) -> list[tuple[str, float, str]]:  # type: ignore[no-untyped-def]
    return [(q.kind, q.value, q.unit) for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal"]


@pytest.mark.parametrize(
    "text",
    [
        "The neighbour dialed 911 after the fire at the Kell farm.",  # a telephone number, called
        "The agency received 911 calls about smoke near the Olen depot.",  # an emergency number's calls
        "The airline grounded a 737 Max jet after the Tarn incident.",  # a model before a singular noun
        "The 777 program was delayed again at Ardent.",
        "It took bids for the embattled 737 jet from Tarn.",
        "Mara Vell was named to the Varo Weekly 30 Under 30 list.",  # the title of an honour
        "The crewed 2024 moon mission was delayed by Helix Corp.",  # a year, a noun, then its noun
        "Three-month copper rose on the Varo exchange.",  # a market's term, not a span
        "It streams Dark Harbor 11, Rust Road 2 and Iron Vale 2 at launch.",  # sequels' numbers after their names
        "The best phone of the year, the Lumo 10 Plus is well designed.",
        "The gallery in Via Orsa 15 features a light installation.",  # an address
        "The league moved the Week 13 rematch in Tarn.",  # a round's number after a name of time
        "It was not one that ties up every loose end.",  # "one" as a pronoun
        "I personally use one to turn the lights on.",
        "The panels fit to one another.",
    ],
)
def test_a_number_that_names_something_is_no_count(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _read(nlp, text) if q[0] in {"count", "duration"}] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The firm has 25 staff in Lisk.", 25, "staff"),  # a collective noun counts as a plural does
        ("The fleet had 270 aircraft, including 12 freight.", 12, "freight"),  # no determiner opens a name
        ("The band played to 2000 fans in Corr.", 2000, "fan"),  # a year-like count of a plural
        ("The club has 300 members in Tull.", 300, "member"),
        ("He signed a five-year contract with Pell United.", 5, "year"),  # a term that is a span
        ("Nearly one in five voters stayed home.", 1, ""),  # a ratio's "one"
        ("The team played three quarters without a goal.", 3, "quarter"),  # periods of a game, not a fraction
        ("So I called one of my best friends in Tarn.", 1, "friend"),  # a person called, not a number
        ("Add 2 Tbsp. sunflower seeds to the bowl.", 2, "tbsp"),  # an abbreviated unit is no singular noun
    ],
)
def test_counts_beside_such_names_stay_counts(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert (value, unit) in [(v, u) for kind, v, u in _read(nlp, text) if kind in {"count", "duration"}]


@pytest.mark.parametrize("text", ["He won a 1500 metre race in Varn.", "She ran a 1500 metre race."])
def test_a_year_like_number_before_a_unit_is_a_measure(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("count", 1500, "metre") in _read(nlp, text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Pilots flew two 777 planes out of Ardent.", 2, "plane"),  # the digits name the planes' model
        ('The office has two 43" monitors on each desk.', 2, "monitor"),  # the digits measure them
        ("She bought three 500 ml bottles of water.", 3, "bottle"),
        ("It comes after five 787 Skyliner sales this week.", 5, "sale"),  # a model's name before the noun
        ("One small, 2-month study showed the effect.", 1, "study"),  # the unit is the other number's
    ],
)
def test_a_spelled_count_before_digits_counts_the_noun_after_them(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    counts = [(v, u) for kind, v, u in _read(nlp, text) if kind == "count"]
    assert counts[0] == (value, unit)
    assert 777 not in [v for v, _ in counts]


def test_a_point_before_three_digits_is_thousands_in_a_count_of_things(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("count", 1000, "lamp") in _read(nlp, "The shop sold 1.000 lamps last year.")
    # A measure so written is a decimal in English and thousands elsewhere: neither is read.
    assert _read(nlp, "They drove 2.500 km across the plain.") == []


def test_fractions_in_words_are_no_count_of_thirds(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "She won two-thirds of the vote in Tarn.") == []
    assert _read(nlp, "The cable holds three-quarters of the load.") == []


def test_per_second_is_a_unit_not_a_position(nlp) -> None:  # type: ignore[no-untyped-def]
    found = quantities_of(nlp, {"outlet": "Rates reached 3150 megabytes per second on both models."})
    assert [q.kind for q in found] == ["count"]


def test_a_list_item_number_counts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The envoy made seven points.\n\n2. Never urged the council to act.\n\n3. "Not some side channel"'
    assert [v for kind, v, _ in _read(nlp, text)] == [7]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The mayor lost by five-and-a-half points.", 5.5, "point"),  # a fraction joined by hyphens
        ("She stayed in Tarn for a year and a half.", 1.5, "year"),  # one unit and a fraction
    ],
)
def test_a_half_after_a_whole_is_part_of_its_value(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(v, u) for _, v, u in _read(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "Tickets are sold on 02-751-1500 from Monday.",  # a telephone number's leading zero
        "At 4-7, including 2-6 at home, the Varo club needs help.",  # win-loss records count nothing
    ],
)
def test_codes_and_records_are_no_figures(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("The roof closes at speeds of up to 50 km/h in traffic.", "count", 50, "km/h"),  # a speed, not a length
        ("Going upstairs was a 30 min activity for Ana.", "duration", 30, "minute"),  # an abbreviated unit of time
        ("Going upstairs was a 30 min activity as I could only walk.", "duration", 30, "minute"),
    ],
)
def test_abbreviated_units_are_read_whole(nlp, text: str, kind: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, text) == [(kind, value, unit)]
