"""A day named by a part of it ("early Friday"); the event of a participle with no subject, and of "there was"."""

from __future__ import annotations

import pytest
from test_when import _dates

from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


# 2024-03-08 is a Friday.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry ran aground late Thursday near the harbour.", "2024-03-07"),
        ("The committee met early on Tuesday to review the bids.", "2024-03-05"),
        ("Early Friday morning, the young driver crashed into a fence in Dunmore.", "2024-03-08"),
        ("The firm expects to open the plant early next year.", "2025"),
        ("The museum closed the wing late last year.", "2023"),
    ],
)
def test_a_part_of_a_day_or_year_dates_that_day_or_year(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    [mention] = _dates(nlp, text, "2024-03-08")
    assert mention.iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle with no subject of its own, opened by a preposition on a verb, tells its act of that verb's
        # subject: without it the phrase is a fragment ("assaulting a guard").
        (
            "Porter was given an extra sentence after being convicted for assaulting a guard in 1999 while in prison.",
            "Porter assaulting a guard",
        ),
        (
            "After leaving the clinic an hour after checking in on Thursday, the singer drove herself to a hospital.",
            "the singer checking in",
        ),
        # Hard case: a gerund a noun's preposition takes is that noun's, not an act of the clause's subject.
        ("The report warned of the risk of flooding in May.", "the risk of flooding"),
    ],
)
def test_a_participles_event_borrows_the_subject_of_its_clause(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    [mention] = _dates(nlp, text, "2024-03-08")
    assert mention.event == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2015 there was a fire at the old mill.", "there was a fire"),
        ("The survey found that in 2019, there were nine thousand complaints about the bridge.", "there were nine"),
    ],
)
def test_a_clause_of_being_keeps_its_there(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    # "there" stands where the subject would: without it the phrase starts with its verb ("was a fire").
    [mention] = _dates(nlp, text, "2024-03-08")
    assert mention.event.startswith(expected)
