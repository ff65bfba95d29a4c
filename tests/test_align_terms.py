"""Shared quoted terms as claims: which outlets single the words out as someone's (``shared_terms``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from corroborate.claims.quotes import shared_terms
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Sentence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def terms_of(nlp: Language, *texts: str) -> list[str]:
    """The shared terms of one article of its own outlet per text."""
    docs = [
        (Article(f"a{i}", f"a{i}.txt", f"outlet{i}", None, None, None, text, text), nlp(text))
        for i, text in enumerate(texts)
    ]
    statements = [
        Sentence(article.id, index, sentence.start_char, sentence.text)
        for article, doc in docs
        for index, sentence in enumerate(doc.sents)
    ]
    return [term.words for term in shared_terms(docs, statements)]


def test_words_inside_a_long_relayed_quote_do_not_corroborate_a_scare_quote(nlp: Language) -> None:
    found = terms_of(
        nlp,
        "The filing describes the company as a rival that tried to obtain the firm's “patent portfolio.”",
        "The judge noted that the “claims concern a breach of the agreement on the part of the buyer, made in"
        " order to obtain the patent portfolio and license it abroad without consent,” she wrote.",
    )
    # One outlet singles the words out; the other relays a whole statement in which they merely occur.
    assert found == []


def test_a_term_opening_a_short_quote_is_still_singled_out(nlp: Language) -> None:
    found = terms_of(
        nlp,
        "An aide said the governor was “unconvinced by their figures.”",
        "The governor was reportedly “unconvinced” by the budget figures.",
    )
    assert found == ["unconvinced"]
