"""Alignment reads a capital standing for its country ("Ottawa rejected ...") as the country."""

from __future__ import annotations

import pytest

from corroborate import align
from corroborate.capitals import country_code
from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.records import Article
from corroborate.sentences import parse_articles, split_sentences


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


def corroborated(*articles: Article) -> list[list[str]]:
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    resolver = EntityResolver(extract_entities([(a, docs[a.id]) for a in articles]))
    groups = align.group_statements(statements, docs=docs, canonical=resolver.canonical)
    claims = align.claims_from_groups(groups, {a.id: a for a in articles})
    return sorted(claim.sources for claim in claims if claim.status == "corroborated")


# ---- a capital for its country ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "country"), [
    ("Ottawa", "CA"),
    ("Canada", "CA"),
    ("Lisbon", "PT"),
    ("Kingston", None),  # the capital of two countries names neither
    ("Toronto", None),  # a city that is no capital
    ("Singapore", "SG"),  # a city-state's name is its country's
])
def test_the_country_a_place_stands_for(name: str, country: str | None) -> None:
    assert country_code(name) == country


def test_the_first_name_naming_a_country_gives_it() -> None:
    # A resolver's canonical name may be a person's where a country shares a surname: the name as written decides.
    assert country_code("Pat Jordan", "Amman") == "JO"
    assert country_code("Canada", "Lisbon") == "CA"


def test_a_capital_and_its_country_told_doing_one_thing_are_one_claim() -> None:
    assert corroborated(
        article("a", "Ottawa has firmly rejected the new fishing quotas for its northern coastal waters."),
        article("b", "Canada has firmly rejected new fishing quotas for its northern coastal waters."),
    ) == [["a", "b"]]


@pytest.mark.parametrize("place", ["Lisbon", "Toronto"])
def test_another_country_s_capital_or_a_city_that_is_no_capital_stays_apart(place: str) -> None:
    assert corroborated(
        article("a", f"{place} has firmly rejected the new fishing quotas for its northern coastal waters."),
        article("b", "Canada has firmly rejected new fishing quotas for its northern coastal waters."),
    ) == []
