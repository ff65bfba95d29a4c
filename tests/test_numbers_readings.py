"""What a number is read as: an age told by "be", what an empty measure counts, and numbers that are no count."""

from __future__ import annotations

import pytest
from conftest import quantities_of

from corroborate.claims.numbers import extract_quantities, number_contradictions
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _read(nlp, text: str) -> list[tuple[str, float, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (q.kind, q.value, q.unit, q.counted) for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal"
    ]


def _contradicted(nlp, texts: dict[str, str]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [
        tuple(sorted(position.value for position in contradiction.positions))
        for contradiction in number_contradictions(quantities_of(nlp, texts))
    ]


# ---- Ages told by "be" or beside a noun for one person --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "counted"),
    [
        ("The cyclist was 23, the coroner said.", 23, "cyclist"),
        ("The hostage was 61 when she was freed.", 61, "hostage"),
        ("The suspect, 29, was held overnight.", 29, "suspect"),
    ],
)
def test_a_bare_number_told_of_one_person_is_an_age(nlp, text: str, age: int, counted: str) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, text) == [("age", age, "year", counted)]


@pytest.mark.parametrize(
    "text",
    [
        "The toll was 23, the coroner said.",  # a thing's level, which it counts
        "The hostages were 23, the coroner said.",  # several people: a count of them
        "The cyclist was 23 metres from the kerb.",  # a number with a unit of its own
        "The cyclist was one of 23 riders in the race.",  # a part
    ],
)
def test_a_number_told_of_a_thing_or_of_several_or_with_a_unit_is_no_age(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(kind != "age" for kind, *_ in _read(nlp, text))


def test_ages_of_different_people_are_no_dispute_but_one_persons_are(nlp) -> None:  # type: ignore[no-untyped-def]
    people = {
        "a": "The cyclist was 23, the coroner said on Monday.",
        "b": "The driver was 41, the coroner said on Monday.",
    }
    assert _contradicted(nlp, people) == []
    one = {
        "a": "The cyclist was 23, the coroner said on Monday.",
        "b": "The cyclist was 25, the coroner said on Monday.",
    }
    assert _contradicted(nlp, one) == [("23 year", "25 year")]


def test_an_age_of_one_of_several_people_is_no_dispute(nlp) -> None:  # type: ignore[no-untyped-def]
    several = {
        "a": "One cyclist was 23, the coroner said on Monday.",
        "b": "The cyclist was 25, the coroner said on Monday.",
    }
    assert _contradicted(nlp, several) == []
    assert _read(nlp, "One cyclist was 23.")[-1] == ("age", 23, "year", "cyclist")


def test_figures_of_different_people_named_by_different_nouns_are_no_dispute(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "A man was jailed for 6 years at the crown court on Friday.",
        "b": "The suspect was jailed for 9 years at the crown court on Friday.",
    }
    assert _contradicted(nlp, texts) == []
    texts = {
        "a": "The suspect was jailed for 6 years at the crown court on Friday.",
        "b": "The suspect was jailed for 9 years at the crown court on Friday.",
    }
    assert _contradicted(nlp, texts) == [("6 year", "9 year")]


# ---- What an empty measure or a changing level counts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "counted", "predicate"),
    [
        ("The number of dead was 31.", "dead", "dead", "be"),
        ("The number of people injured stands at 31.", "people", "people", "injure"),
        ("The death toll climbed to 31 overnight.", "toll", "death toll", "climb to"),
    ],
)
def test_an_empty_measure_counts_its_of_noun_and_a_changing_toll_counts_itself(  # type: ignore[no-untyped-def]
    nlp, text: str, unit: str, counted: str, predicate: str
) -> None:
    (quantity,) = [q for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal"]
    assert (quantity.value, quantity.unit, quantity.counted, quantity.predicate, quantity.actor) == (
        31, unit, counted, predicate, ""
    )


def test_a_tally_of_people_hurt_disputes_a_count_of_people_hurt(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "The number of people injured in the blast stands at 31, officials said.",
        "b": "Forty people were injured in the blast, officials said.",
    }
    assert _contradicted(nlp, texts) == [("31 people", "40 people")]


def test_an_empty_measure_of_nothing_named_counts_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The total was 31.") == [("count", 31, "", "")]


def test_a_percentage_counts_the_noun_not_its_own_sign(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The council scrapped the 12% levy on imports.") == [("percent", 12, "percent", "levy")]
    texts = {
        "a": "The council scrapped the 12% levy on imports on Monday.",
        "b": "The council scrapped the 15 percent levy on imports on Monday.",
    }
    assert _contradicted(nlp, texts) == [("12 percent", "15 percent")]
    # A share of what an empty measure is of.
    assert _read(nlp, "The number of adults who smoke was 9 percent.")[0][3] == "adults"


# ---- Numbers that are no count of their noun -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Safety features are also available on the 2021 Civic.",  # the model year of one car
        "Reviewers had the same failure rate with the 2018 keyboard.",
    ],
)
def test_a_year_before_one_thing_is_no_count_whatever_the_recogniser_says(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    doc.ents = []  # the recogniser often misses such a year in a long sentence
    article = Article(
        id="a-1", origin="a.txt", source="a", title=None, author=None, published=None, text=text, raw=text
    )
    assert [q.text for q in extract_quantities(article, doc) if q.kind == "count"] == []


@pytest.mark.parametrize(
    "text",
    [
        "It was the worst attack since the August 7, 1998 bombings.",  # the year of a date
        "Multi-core scores increased from 5425 to 5641.",  # "scores" of a test
        "The laptop earned a total score of 87.",
    ],
)
def test_years_of_dates_and_scores_are_no_counts(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _read(nlp, text) if q[1] in {20, 1998}] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Some 2000 volunteers were deployed.", 2000, "volunteer"),  # a year-like count of a plural
        ("Scores of villagers were hurt.", 20, "villager"),
        ("Four score soldiers marched.", 80, "soldier"),
    ],
)
def test_counts_that_look_like_years_or_scores_stay_counts(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(v, u) for kind, v, u, _ in _read(nlp, text) if kind == "count"] == [(value, unit)]


def test_a_letter_k_scales_a_sum_but_not_a_resolution(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The city spends $310K on the campaign.")[0][:3] == ("money", 310000, "dollar")
    assert all(v < 1000 for _, v, _, _ in _read(nlp, "The console streams at 4K."))


def test_pounds_of_a_substance_are_a_weight_not_a_sum(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The ship spilled 3,400 pounds of oil.")[0][:3] == ("count", 3400, "pound")
    assert _read(nlp, "The club paid 3 million pounds for the striker.")[0][:3] == ("money", 3e6, "pound")


@pytest.mark.parametrize(
    "text",
    [
        "Lightning 2 cables start at $19 retail.",  # a product's designation
        "The Apollo 11 crew landed on the moon.",
        "It is a step down from the Xbox One X version.",
    ],
)
def test_a_number_ending_a_name_is_a_designation_not_a_count(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _read(nlp, text) if q[0] == "count"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The UN 15-member council voted.", 15, "member"),  # a measure of the council beside a name
        ("Apollo's 11 engineers were thanked.", 11, "engineer"),  # the name's own count
        ("On Monday 16 people died.", 16, "people"),  # a day, then a count
    ],
)
def test_a_count_beside_a_name_stays_a_count(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(v, u) for kind, v, u, _ in _read(nlp, text) if kind == "count"] == [(value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "To test the chip, we ran the Speedbench 5 Compute test.",  # between two capitalised words
        "The new lens is in the Lumo 9 and 9 Max phones.",  # the second model of a line
    ],
)
def test_a_number_inside_a_name_is_a_designation_not_a_count(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _read(nlp, text) if q[0] == "count"] == []


def test_a_count_after_a_list_link_without_a_designation_stays_a_count(nlp) -> None:  # type: ignore[no-untyped-def]
    read = _read(nlp, "The shop sold 40 Lite models and 9 Max models.")
    counts = [(v, u) for kind, v, u, _ in read if kind == "count"]
    assert (9, "model") in counts


@pytest.mark.parametrize(
    "text",
    [
        "The mayor held a one-on-one meeting with the council leader.",
        "Staff give one-to-one lessons to the pupils.",
        "At one point the queue reached the station.",
        "One day the bridge will be rebuilt.",
    ],
)
def test_an_idiom_of_one_is_no_figure(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The strike lasted one day.", 1, "day"),
        ("The ruling came one day after the vote.", 1, "day"),
        ("The team won by one point.", 1, "point"),
    ],
)
def test_one_of_a_length_or_a_margin_stays_a_figure(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(v, u) for _, v, u, _ in _read(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bank raised $2bn from investors.", 2e9, "dollar"),
        ("The stadium cost £3.5bn to build.", 3.5e9, "pound"),
        ("The club paid €40m for the striker.", 4e7, "euro"),
    ],
)
def test_a_sum_with_its_scale_glued_on_is_money(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    assert [(kind, v, u) for kind, v, u, _ in _read(nlp, text)] == [("money", value, unit)]


def test_glued_scale_letters_without_a_currency_sign_are_no_sum(nlp) -> None:  # type: ignore[no-untyped-def]
    assert all(kind != "money" and v < 1e6 for kind, v, _, _ in _read(nlp, "The code 4bn was printed on the box."))


# ---- Margins and metres ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_m_glued_to_digits_is_metres_unless_it_counts_things_or_money(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The leading runner was 5m ahead at the bell.") == [("count", 5.0, "metre", "")]
    assert _read(nlp, "The valley has 5m residents.") == [("count", 5e6, "resident", "residents")]
    assert _read(nlp, "The firm paid £5m for the site.") == [("money", 5e6, "pound", "")]


@pytest.mark.slow
def test_a_margin_is_compared_only_with_margins(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "The Greens finished the count 5 points ahead of the Liberals.",
        "b": "The Greens finished the count with 40 points.",
    }
    assert _contradicted(nlp, texts) == []
    margins = {
        "a": "The Greens finished the count 5 points ahead of the Liberals.",
        "b": "The Greens finished the count 9 points ahead of the Liberals.",
    }
    assert _contradicted(nlp, margins) == [("5 point", "9 point")]


@pytest.mark.slow
def test_a_capital_letter_glued_to_a_number_names_a_model(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _read(nlp, "The laptop drives a 4K screen with its 7700M chip.") == []
    # A capital that scales a count of things, or a sum, is a scale.
    assert _read(nlp, "The service now has 5M subscribers.") == [("count", 5e6, "subscriber", "subscribers")]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The new motor is 20% more powerful than the old one.", "more"),
        ("The sedan is now two inches wider than before.", "wider"),
        # Not a margin: a modifier of the figure's own noun, a time word of its clause, a hedge of the next figure.
        ("Her 40-year-old younger brother spoke first.", ""),
        ("The chain opened 13 stores earlier this year.", ""),
        ("The ship sailed one more than three weeks later.", ""),
    ],
)
@pytest.mark.slow
def test_the_margin_word_governs_the_figure(nlp, text: str, scope: str) -> None:  # type: ignore[no-untyped-def]
    first = next(q for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal")
    assert first.scope == scope


@pytest.mark.slow
def test_a_multiple_of_a_figure_unsaid_is_a_ratio(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "The clinic saw 10 times as many patients this winter.",
        "b": "The clinic saw 400 patients this winter.",
    }
    assert [q.caveat for q in quantities_of(nlp, {"a": texts["a"]})] == ["ratio"]
    assert _contradicted(nlp, texts) == []
    assert [q.caveat for q in quantities_of(nlp, {"a": "The plant now makes three times more chips."})] == ["ratio"]
    # "Times" of a count of occasions are counted.
    assert [q.caveat for q in quantities_of(nlp, {"a": "The guard was struck four times on the arm."})] == [""]
