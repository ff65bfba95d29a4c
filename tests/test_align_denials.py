"""Alignment of denials: two outlets saying in different words that something is not so of one named subject ("X
made no mention of ...", "X gave no sign of ...") tell one fact, a key of ``align._specific_anchors``."""

from __future__ import annotations

import pytest

from corroborate import align
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article
from corroborate.sentences import parse_articles, split_sentences

OPENING_A = "The city council approved the new budget for the harbour district on Tuesday evening. "
OPENING_B = "On Tuesday evening the council passed the harbour district budget after a long debate. "


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


def corroborated(first: str, second: str) -> list[set[str]]:
    """The texts of the claims two outlets share, the first article opening with OPENING_A, the second with B."""
    articles = [article("a", OPENING_A + first), article("b", OPENING_B + second)]
    docs = parse_articles(articles)
    statements = align.statements(split_sentences(articles, docs=docs))
    groups = align.group_statements(statements, docs=docs)
    return [
        {sentence.text for sentence in group.sentences} for group in groups
        if len({sentence.article_id for sentence in group.sentences}) > 1
    ]


def test_two_outlets_denying_one_thing_of_one_named_subject_in_other_words_are_one_claim() -> None:
    first = "Mayor Ortega made no mention in his speech of selling the old ferry terminal."
    second = "Ortega gave no sign he intends to dispose of the ageing passenger dock."
    assert {first, second} in corroborated(first, second)


def test_the_same_denials_of_an_unnamed_subject_stay_apart() -> None:
    # As close in wording (whole statements 0.80, below the threshold), but "the mayor" may be two people.
    first = "The mayor made no mention in his speech of selling the old ferry terminal."
    second = "The mayor gave no sign he intends to dispose of the ageing passenger dock."
    assert not any(first in texts and second in texts for texts in corroborated(first, second))


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Mayor Ortega made no mention of the ferry terminal.", {"ortega"}),
        ("Officials said Ortega did not sign the lease.", {"ortega"}),
        ("Ortega never signed the lease.", {"ortega"}),
        ("Ortega signed the lease on Monday.", set()),
        ("If Ortega does not sign the lease, the deal collapses.", set()),
        ("He did not sign the lease.", set()),
        ("The mayor did not sign the lease.", set()),
    ],
)
def test_denials_are_negated_asserted_clauses_of_named_subjects(text: str, denied: set[str]) -> None:
    doc = spacy_pipeline()(text)
    assert align._denials(doc[:]) == denied
