"""Claim alignment: statements across articles that assert the same thing become one claim.

Every statement (a sentence that asserts something, see ``sentences.is_statement``) is embedded; statements
are grouped by average-linkage clustering on cosine similarity, so the same fact in different words lands in
one group while a chain of loosely related sentences does not. A group stated by two or more independent
voices is corroborated; copies of one article (``duplicate_of``) count as one voice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from corroborate.nlp import embed
from corroborate.records import Article, Claim, Evidence, Sentence
from corroborate.sentences import is_statement
from corroborate.settings import DEFAULT_SETTINGS, Settings

_TERM = re.compile(r"[a-z0-9][a-z0-9'-]*")


@dataclass(frozen=True, slots=True)
class StatementGroup:
    """Sentences of one or more articles that state the same thing; ``representative`` reads best alone."""

    sentences: tuple[Sentence, ...]
    representative: Sentence


def statements(
    sentences_by_article: Mapping[str, Sequence[Sentence]], settings: Settings = DEFAULT_SETTINGS
) -> list[Sentence]:
    """The sentences that make checkable statements, first by article then in text order."""
    return [s for sentences in sentences_by_article.values() for s in sentences if is_statement(s, settings)]


def group_statements(
    sentences: Sequence[Sentence], settings: Settings = DEFAULT_SETTINGS
) -> list[StatementGroup]:
    """Group statements that say the same thing (average linkage over ``statement_similarity``)."""
    if not sentences:
        return []
    similarity = statement_similarity([sentence.text for sentence in sentences], settings)
    labels = _average_linkage(similarity, settings.align.same_statement_similarity)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    result = []
    for members in groups.values():
        block = similarity[np.ix_(members, members)]
        central = members[int(np.argmax(block.sum(axis=1)))]
        result.append(StatementGroup(tuple(sentences[i] for i in members), sentences[central]))
    return result


def statement_similarity(texts: Sequence[str], settings: Settings = DEFAULT_SETTINGS) -> np.ndarray:
    """Embedding cosine plus a weighted share of the story-specific words two statements have in common.

    Sentence embeddings place any two sentences of one story close together (same people, same event), so on
    their own they merge different facts about it. The lexical term rewards words that are rare within the
    story (a place, a number, an unusual verb) and ignores those every sentence shares.
    """
    vectors = embed(list(texts))
    semantic = np.clip(vectors @ vectors.T, -1.0, 1.0)
    return semantic + settings.align.lexical_weight * _story_tfidf_cosine(texts)


def _story_tfidf_cosine(texts: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(tokenizer=content_terms, lowercase=False, token_pattern=None).fit_transform(texts)
    except ValueError:  # no content word in any statement
        return np.zeros((len(texts), len(texts)))
    return np.asarray((matrix @ matrix.T).todense())


def content_terms(text: str) -> list[str]:
    """Lower-cased content words with possessives and plural endings folded, stop words out."""
    terms = []
    for word in _TERM.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word in STOP_WORDS or len(word) < 2:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        terms.append(word)
    return terms


def _average_linkage(similarity: np.ndarray, threshold: float) -> np.ndarray:
    if len(similarity) == 1:
        return np.zeros(1, dtype=int)
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold,
    )
    return clustering.fit_predict(np.maximum(distance, 0.0))


def voices(article_ids: Sequence[str], duplicate_of: Mapping[str, str]) -> set[str]:
    """Distinct voices among ``article_ids``: an article and its copies speak once."""
    return {duplicate_of.get(article_id, article_id) for article_id in article_ids}


def claims_from_groups(
    groups: Sequence[StatementGroup],
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str] | None = None,
) -> list[Claim]:
    """One claim per group: corroborated when two or more voices make it, single-source otherwise."""
    duplicate_of = duplicate_of or {}
    claims = []
    for group in groups:
        article_ids = list(dict.fromkeys(sentence.article_id for sentence in group.sentences))
        evidence = [
            Evidence(s.article_id, s.text, articles[s.article_id].source, s.start) for s in group.sentences
        ]
        outlets = list(dict.fromkeys(articles[article_id].source for article_id in article_ids))
        speakers = voices(article_ids, duplicate_of)
        status = "corroborated" if len(speakers) >= 2 and len(outlets) >= 2 else "single_source"
        claims.append(
            Claim(
                text=group.representative.text,
                status=status,
                sources=article_ids,
                evidence=evidence,
                outlets=outlets,
                independent_origins=len(speakers),
            )
        )
    # Widest agreement first; within a level, the order the story is told in.
    claims.sort(key=lambda claim: (-len(claim.outlets), min(e.start or 0 for e in claim.evidence)))
    return claims
