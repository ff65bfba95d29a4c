"""Claim alignment: statements across articles that assert the same thing become one claim.

Every statement (a sentence that asserts something, see ``sentences.is_statement``) is embedded; statements
are grouped by average-linkage clustering on cosine similarity, so the same fact in different words lands in
one group while a chain of loosely related sentences does not. A group stated by two or more independent
voices is corroborated; copies of one article (``duplicate_of``) count as one voice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from corroborate.nlp import embed
from corroborate.records import Article, Claim, Contradiction, Evidence, Position, Sentence
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
    sentences: Sequence[Sentence],
    settings: Settings = DEFAULT_SETTINGS,
    docs: Mapping[str, Doc] | None = None,
    anchors: Sequence[Sequence[int]] = (),
) -> list[StatementGroup]:
    """Group statements that say the same thing (average linkage over ``statement_similarity``).

    With ``docs`` (the articles' parses) a sentence is also compared clause by clause; ``anchors`` are sets of
    statement indices known to carry the same content (the same quote relayed by several outlets).
    """
    if not sentences:
        return []
    similarity = statement_similarity(sentences, settings, docs)
    threshold = settings.align.same_statement_similarity
    for anchor in anchors:
        for a in anchor:
            for b in anchor:
                if sentences[a].article_id != sentences[b].article_id:
                    similarity[a, b] = max(similarity[a, b], threshold + settings.align.anchor_margin)
    labels = _average_linkage(similarity, threshold)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    result = []
    for members in groups.values():
        block = similarity[np.ix_(members, members)]
        central = members[int(np.argmax(block.sum(axis=1)))]
        result.append(StatementGroup(tuple(sentences[i] for i in members), sentences[central]))
    return result


def statement_similarity(
    sentences: Sequence[Sentence], settings: Settings = DEFAULT_SETTINGS, docs: Mapping[str, Doc] | None = None
) -> np.ndarray:
    """Embedding cosine plus a weighted share of the story-specific words two statements have in common.

    Sentence embeddings place any two sentences of one story close together (same people, same event), so on
    their own they merge different facts about it. The lexical term rewards words that are rare within the
    story (a place, a number, an unusual verb) and ignores those every sentence shares. Long sentences carry
    several facts and their embedding blurs them, so each clause is compared too (less a small penalty, since
    a clause match is weaker evidence than a whole-sentence match); a pair scores its best unit match.
    """
    texts = [sentence.text for sentence in sentences]
    units, owners, penalties = list(texts), list(range(len(texts))), [0.0] * len(texts)  # penalty > 0: a clause
    for index, sentence in enumerate(sentences):
        doc = docs.get(sentence.article_id) if docs else None
        for clause in clause_units(sentence, doc, settings):
            units.append(clause)
            owners.append(index)
            penalties.append(settings.align.clause_penalty)
    vectors = embed(units)
    lexical = _story_tfidf_cosine(units, fit_on=texts)
    unit_similarity = np.clip(vectors @ vectors.T, -1.0, 1.0) + settings.align.lexical_weight * lexical
    is_clause = np.asarray(penalties) > 0
    clause_pair = np.logical_or.outer(is_clause, is_clause)
    unit_similarity -= np.where(clause_pair, settings.align.clause_penalty, 0.0)
    # A clause match must also share the story's rarer words: two clauses about the same people and place
    # embed close whatever they say.
    unit_similarity[clause_pair & (lexical < settings.align.clause_min_lexical)] = -np.inf
    return _best_pair_per_sentence(unit_similarity, np.asarray(owners), len(texts))


def _best_pair_per_sentence(unit_similarity: np.ndarray, owners: np.ndarray, count: int) -> np.ndarray:
    by_row = np.full((count, unit_similarity.shape[1]), -np.inf)
    np.maximum.at(by_row, owners, unit_similarity)
    by_both = np.full((count, count), -np.inf)
    np.maximum.at(by_both, owners, by_row.T)
    return by_both.T


#: Dependency labels of verbs that head a clause of their own inside a sentence (not xcomp or acl: those
#: complete the main clause, which without them says nothing).
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis"})


def clause_units(sentence: Sentence, doc: Doc | None, settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """The sentence's clauses that could stand as statements: each subordinate or coordinated clause, and
    the main clause without them."""
    if doc is None:
        return []
    span = doc.char_span(sentence.start, sentence.start + len(sentence.text), alignment_mode="expand")
    if span is None:
        return []
    heads = [t for t in span if t.dep_ in _CLAUSE_HEADS and t.pos_ in {"VERB", "AUX"} and t.i != span.root.i]
    nested = {t.i for head in heads for t in head.subtree}
    candidates = [doc[head.left_edge.i: head.right_edge.i + 1].text for head in heads]
    candidates.append("".join(t.text_with_ws for t in span if t.i not in nested).strip())
    units = []
    for text in dict.fromkeys(candidates):
        if text != sentence.text and len(content_terms(text)) >= settings.align.min_clause_terms:
            units.append(text)
    return units


def _story_tfidf_cosine(texts: Sequence[str], fit_on: Sequence[str]) -> np.ndarray:
    """TF-IDF cosine of ``texts``, with word rarity learnt from ``fit_on`` (the story's statements)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(tokenizer=content_terms, lowercase=False, token_pattern=None)
    try:
        vectorizer.fit(fit_on)
    except ValueError:  # no content word in any statement
        return np.zeros((len(texts), len(texts)))
    matrix = vectorizer.transform(texts)
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


# ---- independence ---------------------------------------------------------------------------------------------


def independent_origins(
    evidence: Sequence[Evidence],
    duplicate_of: Mapping[str, str],
    cited_origins: Callable[[str], list[str]] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[int, list[str]]:
    """How many independent origins stand behind the evidence, and the original reporting it cites.

    Copies of one article are one origin; so are outlets whose sentences cite the same original ("according
    to the Financial Times") and outlets whose sentences are near-verbatim copies of each other.
    """
    from rapidfuzz import fuzz

    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    cited: list[str] = []
    for item in evidence:
        union(item.article, duplicate_of.get(item.article, item.article))
        for origin in cited_origins(item.quote) if cited_origins else []:
            cited.append(origin)
            union(item.article, f"cited:{origin}")
    for i, first in enumerate(evidence):
        for second in evidence[i + 1:]:
            if fuzz.ratio(first.quote, second.quote) >= settings.align.copied_sentence_similarity:
                union(first.article, second.article)
    return len({find(item.article) for item in evidence}), list(dict.fromkeys(cited))


# ---- negation -------------------------------------------------------------------------------------------------

_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def negation_contradictions(
    groups: Sequence[StatementGroup],
    docs: Mapping[str, Doc],
    outlet_of: Mapping[str, str],
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Contradiction]:
    """Statements of one group that say the same words, one outlet with a negation and another without.

    Only near-identical wording counts (the content lemmas, negation aside, overlap almost entirely), since
    paraphrases move negation around freely ("will not join" / "would be barred from joining").
    """
    found = []
    for group in groups:
        readings = [(sentence, *_negation_reading(sentence, docs)) for sentence in group.sentences]
        negated = [r for r in readings if r[1]]
        affirmed = [r for r in readings if not r[1]]
        pairs = [
            (yes, no) for yes in affirmed for no in negated
            if outlet_of[yes[0].article_id] != outlet_of[no[0].article_id]
            and _jaccard(yes[2], no[2]) >= settings.align.negation_same_words
        ]
        if not pairs:
            continue
        sides = [list(dict.fromkeys(pair[k][0] for pair in pairs)) for k in (0, 1)]
        found.append(Contradiction(
            subject=group.representative.text,
            kind="negation",
            positions=[_sentences_position(side, outlet_of) for side in sides],
        ))
    return found


def _negation_reading(sentence: Sentence, docs: Mapping[str, Doc]) -> tuple[bool, frozenset[str]]:
    doc = docs.get(sentence.article_id)
    span = doc.char_span(sentence.start, sentence.start + len(sentence.text), alignment_mode="expand") if doc else None
    if span is None:
        return False, frozenset(content_terms(sentence.text))
    # Any negation in the sentence, not just on its root: two wordings of one statement parse differently.
    negated = any(token.dep_ == "neg" or token.lower_ in _NEGATIONS for token in span)
    lemmas = frozenset(
        token.lemma_.lower() for token in span
        if token.is_alpha and not token.is_stop and token.lower_ not in _NEGATIONS and token.dep_ != "neg"
    )
    return negated, lemmas


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


def _sentences_position(sentences: Sequence[Sentence], outlet_of: Mapping[str, str]) -> Position:
    return Position(
        value=sentences[0].text,
        sources=list(dict.fromkeys(s.article_id for s in sentences)),
        evidence=[Evidence(s.article_id, s.text, outlet_of[s.article_id], s.start) for s in sentences],
    )


# ---- settling each claim's status -----------------------------------------------------------------------------

#: Contradiction kinds that dispute what a statement asserts; a disputed title describes a person, not the event.
_DISPUTING_KINDS = frozenset({"characterisation", "negation", "number", "date", "speaker"})


def settle(
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    duplicate_of: Mapping[str, str],
    cited_origins: Callable[[str], list[str]] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> None:
    """Count each claim's independent origins and mark the claims a contradiction disputes."""
    disputed = {
        (evidence.article, evidence.quote)
        for contradiction in contradictions if contradiction.kind in _DISPUTING_KINDS
        for position in contradiction.positions for evidence in position.evidence
    }
    for claim in claims:
        claim.independent_origins, claim.cited_origins = independent_origins(
            claim.evidence, duplicate_of, cited_origins, settings
        )
        if any((evidence.article, evidence.quote) in disputed for evidence in claim.evidence):
            claim.status = "contradicted"
