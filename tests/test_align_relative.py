"""Alignment precision rules over relative clauses and descriptions (issue #3): each rule with a case it must
catch and a hard case it must leave alone."""

from __future__ import annotations

from corroborate import align
from corroborate.records import Article
from corroborate.sentences import parse_articles, split_sentences


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


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
