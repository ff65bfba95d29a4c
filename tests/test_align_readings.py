"""Alignment reads one thing written two ways as one: a capital standing for its country ("Ottawa rejected ..."),
a word in another inflection ("delayed" / "is delaying"); and a sentence turning an activity off or on through a
verb below its main one."""

from __future__ import annotations

import pytest

from corroborate import align
from corroborate.capitals import country_of_capital
from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Sentence
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


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


# ---- a capital for its country ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "country"), [
    ("Ottawa", "Canada"),
    ("Lisbon", "Portugal"),
    ("Kingston", None),  # the capital of two countries names neither
    ("Toronto", None),  # a city that is no capital
    ("Singapore", None),  # a city-state's own name is its country's, no capital standing for it
])
def test_the_country_a_capital_stands_for(name: str, country: str | None) -> None:
    assert country_of_capital(name) == country


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


# ---- a word in another inflection ------------------------------------------------------------------------------


def test_a_story_reads_its_verbs_nouns_and_adjectives_by_their_lemma(nlp) -> None:
    lemmas = align.story_lemmas({"a": nlp("The board delayed the vote, and it is delaying two other votes.")})
    assert lemmas["delayed"] == "delay" and lemmas["delaying"] == "delay"
    assert "vote" not in lemmas  # a word that is its own lemma (plural endings are folded already)
    assert "board" not in lemmas


def test_a_name_is_no_word_to_lemmatise(nlp) -> None:
    assert "waters" not in align.story_lemmas({"a": nlp("Riverton Waters signed the contract with the city.")})


def test_two_inflections_of_one_verb_are_one_shared_word(nlp) -> None:
    texts = ["The harbour board delayed the dredging contract.", "The harbour board is delaying the dredging contract."]
    docs = {str(i): nlp(text) for i, text in enumerate(texts)}
    units = [align.Unit(i, text, True) for i, text in enumerate(texts)]

    def shared(lemmas: dict[str, str] | None) -> float:
        terms = align.unit_similarity(units, texts, lemmas=lemmas).terms
        return float((terms[0] @ terms[1].T).toarray()[0, 0])

    assert shared(align.story_lemmas(docs)) == pytest.approx(1.0)
    assert shared(None) < 0.9


# ---- which way a sentence turns an activity --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "turn"), [
    ("All it takes is an order from the governor, and the utility can resume testing its wells.", 1),
    ("It is clear that the utility has halted testing of its wells.", -1),
    ("It is likely that the utility halted testing and will resume testing soon.", 0),  # both ways: neither
    ("It is clear that the utility tests its wells every month.", 0),
])
def test_a_sentence_turns_an_activity_the_way_its_verbs_all_do(nlp, text: str, turn: int) -> None:
    whole = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})[0]
    assert whole.aspect == turn
