"""Alignment precision rules over relative clauses and descriptions (issue #3): each rule with a case it must
catch and a hard case it must leave alone."""

from __future__ import annotations

import pytest

from corroborate import align
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Sentence
from corroborate.sentences import parse_articles, split_sentences


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


def corroborated(*articles: Article) -> list[list[str]]:
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    claims = align.claims_from_groups(align.group_statements(statements, docs=docs), {a.id: a for a in articles})
    return sorted(claim.sources for claim in claims if claim.status == "corroborated")


def test_one_relative_clause_said_of_two_people_is_no_claim_of_both() -> None:
    assert corroborated(
        article("a", "Tom Becker, who was named as a defendant in the fraud suit, resigned from the hospital board "
                     "on Monday."),
        article("b", "Ana Ruiz, who was named as a defendant in the fraud suit, said she would fight the charges "
                     "in court."),
    ) == []


def test_one_relative_clause_said_of_one_person_is_still_their_claim() -> None:
    assert corroborated(
        article("a", "Tom Becker, who was named as a defendant in the fraud suit, resigned from the hospital board "
                     "on Monday."),
        article("b", "Tom Becker, who was named as a defendant in the fraud suit, has hired a lawyer from the "
                     "capital."),
    ) == [["a", "b"]]


def test_one_description_of_a_person_is_no_claim_of_two_things_they_did() -> None:
    assert corroborated(
        article("a", "Maria Lopez, a former finance director of the Riverton port authority, testified before the "
                     "state senate committee on Tuesday."),
        article("b", "Maria Lopez, a former finance director of the Riverton port authority, was fined by the state "
                     "ethics board last year."),
    ) == []


@pytest.mark.parametrize("other", [
    "Maria Lopez resigned from the board of the Riverton port authority on Monday.",
    "Maria Lopez, the port authority's former finance director, stepped down from its board on Monday.",
])
def test_one_thing_a_described_person_did_is_still_one_claim(other: str) -> None:
    assert corroborated(
        article("a", "Maria Lopez, a former finance director of the Riverton port authority, resigned from the board "
                     "on Monday."),
        article("b", other),
    ) == [["a", "b"]]


def test_a_list_of_names_and_roles_is_counted_whole(nlp) -> None:
    text = "The suit names the mayor's son, Tom Becker, son-in-law Carl Diaz, and his deputy, Ana Ruiz, as defendants."
    described = "Ana Ruiz, a deputy mayor since 2019, was named as a defendant in the suit."
    listed, = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    told, = align.statement_units([Sentence("a", 0, 0, described)], {"a": nlp(described)})
    assert listed.worded is not None and "son-in-law" in listed.worded
    assert told.worded is not None and "deputy mayor" not in told.worded and "named as a defendant" in told.worded
