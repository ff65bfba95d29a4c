"""Figures about someone or something: whose sentence, whose level, which change, which group of people."""

from __future__ import annotations

import pytest
from conftest import quantities_of

from corroborate.claims.numbers import Quantity, number_contradictions
from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _contradicted(nlp, texts: dict[str, str]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [
        tuple(sorted(position.value for position in contradiction.positions))
        for contradiction in number_contradictions(quantities_of(nlp, texts))
    ]


def _one(nlp, text: str) -> Quantity:  # type: ignore[no-untyped-def]
    found = [q for q in quantities_of(nlp, {"outlet": text}) if q.kind != "ordinal" and q.unit]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.slow
def test_a_passive_subject_or_the_object_beside_a_figure_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "Daniel Okoro was sentenced to nine years in prison.").holder == "daniel okoro"
    assert _one(nlp, "A judge sentenced Daniel Okoro to nine years in prison.").holder == "daniel okoro"
    assert _one(nlp, "Jones, 41, was sentenced to nine years in prison.").holder == "jones"
    # A figure that is itself the subject is what is done to, not held by another.
    assert _one(nlp, "Forty villagers were evacuated from the valley.").holder == ""


@pytest.mark.slow
def test_sentences_of_two_people_do_not_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Daniel Okoro was sentenced to nine years in prison on Tuesday.",
        "b": "Priya Menon was sentenced to 14 years in prison on Tuesday.",
    }
    assert _contradicted(nlp, texts) == []
    # An unnamed figure beside both must not link them into one dispute.
    texts["c"] = "The accountant was sentenced to 14 years in prison on Tuesday."
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_one_persons_sentence_told_two_ways_still_contradicts(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Daniel Okoro was sentenced to nine years in prison on Tuesday.",
        "b": "A judge on Tuesday sentenced Okoro to 14 years in prison.",
    }
    assert _contradicted(nlp, texts) == [("14 year", "9 year")]


@pytest.mark.slow
def test_a_level_told_by_a_passive_at_is_its_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    toll = _one(nlp, "The death toll was put at 30 by local officials.")
    assert (toll.unit, toll.counted, toll.predicate) == ("toll", "death toll", "be")
    texts = {
        "a": "The death toll from the landslide was put at 30 on Sunday.",
        "b": "The death toll from the landslide was 60 on Sunday.",
    }
    assert _contradicted(nlp, texts) == [("30 toll", "60 toll")]
    bail = {"a": "The bail for the driver was set at $2 million.", "b": "The bail for the driver is $400,000."}
    assert _contradicted(nlp, bail) == [("2000000 dollar", "400000 dollar")]


@pytest.mark.slow
def test_an_at_of_a_time_or_a_count_of_a_changing_level_is_no_level(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [q.unit for q in quantities_of(nlp, {"a": "The ferry was boarded at 6 on Sunday."})] == [""]
    # The toll rising to a figure is a later level, not the one another outlet gives.
    texts = {"a": "The death toll rose to 45 on Sunday.", "b": "The death toll was 30 on Sunday."}
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_an_estimate_at_is_approximate(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "The damage was estimated at $40 million.").qualifier == "approximate"
    texts = {"a": "The damage was estimated at $40 million.", "b": "The damage was $45 million."}
    assert _contradicted(nlp, texts) == []


@pytest.mark.slow
def test_a_change_from_one_level_to_another_is_no_range(nlp) -> None:  # type: ignore[no-untyped-def]
    changed = [q for q in quantities_of(nlp, {"a": "The firm cut its staff from 40 to 25 workers."}) if q.unit]
    assert [(q.value, q.upper, q.predicate) for q in changed] == [(25.0, None, "cut to")]
    ranged = _one(nlp, "The ministry deployed from 1,500 to 2,000 troops to the border.")
    assert (ranged.value, ranged.upper, ranged.qualifier) == (1500.0, 2000.0, "range")
    texts = {
        "a": "The firm cut its staff from 40 to 25 workers last year.",
        "b": "The firm cut its staff from 40 to 32 workers last year.",
    }
    assert _contradicted(nlp, texts) == [("25 worker", "32 worker")]


@pytest.mark.slow
def test_other_things_are_not_the_things_told_before(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Three miners died in the collapse of the shaft.",
        "b": "Five other miners were rescued from the collapse of the shaft.",
    }
    assert _contradicted(nlp, texts) == []
    alike = {
        "a": "Police seized four pistols and two other rifles from the house.",
        "b": "Police seized four pistols and three other rifles from the house.",
    }
    assert _contradicted(nlp, alike) == [("2 rifle", "3 rifle")]


@pytest.mark.slow
def test_people_with_a_verb_are_not_people_without_one(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "The storm hit the port town, home to 9,000 people, on Friday.",
        "b": "The storm forced 2,000 people out of the port town on Friday.",
    }
    assert _contradicted(nlp, texts) == []
    hurt = {
        "a": "The storm injured 40 people in the port town on Friday.",
        "b": "The storm injured 75 people in the port town on Friday.",
    }
    assert _contradicted(nlp, hurt) == [("40 people", "75 people")]


@pytest.mark.slow
def test_a_hedge_before_a_currency_sign_hedges_the_sum(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "The repairs cost about $40 million.").qualifier == "approximate"
    assert _one(nlp, "The repairs cost more than $40 million.").qualifier == "at_least"
    assert _one(nlp, "The repairs cost $40 million.").qualifier == "exact"


@pytest.mark.slow
def test_the_of_of_a_level_names_whose_level_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "The bail of Daniel Okoro was set at $2 million.").actor == "daniel okoro"
    texts = {
        "a": "The bail of Daniel Okoro was set at $2 million on Monday.",
        "b": "Priya Menon's bail was set at $400,000 on Monday.",
    }
    assert _contradicted(nlp, texts) == []
    same = {
        "a": "The bail of Daniel Okoro was set at $2 million on Monday.",
        "b": "Okoro's bail was set at $400,000 on Monday.",
    }
    assert _contradicted(nlp, same) == [("2000000 dollar", "400000 dollar")]


@pytest.mark.slow
def test_ages_of_people_things_happened_to_differently_are_two_people(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "A 45-year-old cyclist was killed in the collision on the bridge.",
        "b": "A 38-year-old cyclist was injured in the collision on the bridge.",
    }
    assert _contradicted(nlp, texts) == []
    same = {
        "a": "A 45-year-old cyclist was killed in the collision on the bridge.",
        "b": "A 38-year-old cyclist was killed in the collision on the bridge.",
    }
    assert _contradicted(nlp, same) == [("38 year", "45 year")]
    # A named person is the one person whatever each outlet says happened to them.
    named = {
        "a": "Tomas Berg, 45, was killed in the collision on the bridge on Monday.",
        "b": "Tomas Berg, 38, died after the collision on the bridge on Monday.",
    }
    assert _contradicted(nlp, named) == [("38 year", "45 year")]


@pytest.mark.slow
def test_a_named_persons_figure_and_an_unnamed_persons_are_no_dispute(nlp) -> None:  # type: ignore[no-untyped-def]
    named = "Marta Quinlan was sentenced to nine years in prison on Tuesday."
    # Nothing in the second article makes its woman Marta Quinlan: she may be someone else sentenced that day.
    assert _contradicted(nlp, {"a": named, "b": "The woman was sentenced to 14 years in prison on Tuesday."}) == []


@pytest.mark.parametrize(
    "tied",
    [
        "The woman, identified as Marta Quinlan, was sentenced to 14 years in prison on Tuesday.",
        "Police identified the woman as Marta Quinlan. The woman was sentenced to 14 years in prison on Tuesday.",
        "Marta Quinlan, a teacher from the valley, denied the charge. The teacher was sentenced to 14 years in "
        "prison on Tuesday.",
        "Teacher Marta Quinlan stood still. The teacher was sentenced to 14 years in prison on Tuesday.",
    ],
)
@pytest.mark.slow
def test_a_common_noun_the_article_names_is_that_persons(nlp, tied: str) -> None:  # type: ignore[no-untyped-def]
    named = "Marta Quinlan was sentenced to nine years in prison on Tuesday."
    assert _contradicted(nlp, {"a": named, "b": tied}) == [("14 year", "9 year")]


@pytest.mark.slow
def test_a_noun_the_article_ties_to_two_people_names_neither(nlp) -> None:  # type: ignore[no-untyped-def]
    named = "Marta Quinlan was sentenced to nine years in prison on Tuesday."
    two = (
        "The woman, identified as Marta Quinlan, was charged. Another woman, identified as Helen Ward, was also "
        "charged. The woman was sentenced to 14 years in prison on Tuesday."
    )
    assert _contradicted(nlp, {"a": named, "b": two}) == []


@pytest.mark.slow
def test_a_common_noun_for_no_person_may_stand_for_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # "The country" is no person the rule asks a name of.
    texts = {
        "a": "Norland fired 12 missiles during the drills last month.",
        "b": "The country fired 20 missiles during the drills last month.",
    }
    assert _contradicted(nlp, texts) == [("12 missile", "20 missile")]


@pytest.mark.slow
def test_an_age_read_as_a_date_sets_no_time_frame(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a": "Marta Quinlan, 41, was sentenced to nine years in prison on Tuesday.",
        "b": "A judge on Tuesday sentenced Quinlan to 14 years in prison.",
    }
    frames = {q.frame for q in quantities_of(nlp, texts) if q.unit == "year" and q.kind == "duration"}
    assert frames == {"tuesday"}
    assert _contradicted(nlp, texts) == [("14 year", "9 year")]
    # An age after a preposition is a time of life, which scopes what the sentence tells then.
    fine = [q for q in quantities_of(nlp, {"a": "At 16, he went to college, where he ran up a $3,000 fine."})]
    assert [q.frame for q in fine if q.kind == "money"] == ["16"]
