"""Quantities: numbers with what they count, and figures outlets give differently."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.claims.numbers import Quantity, extract_quantities, number_contradictions, parse_number
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _article(text: str, source: str = "outlet", article_id: str | None = None) -> Article:
    return Article(
        id=article_id or f"{source}-1",
        origin=f"{source}.txt",
        source=source,
        title=None,
        author=None,
        published=None,
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


def _extract(nlp, texts: dict[str, str]) -> list[Quantity]:  # type: ignore[no-untyped-def]
    found: list[Quantity] = []
    for source, text in texts.items():
        found.extend(extract_quantities(_article(text, source), nlp(text)))
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
