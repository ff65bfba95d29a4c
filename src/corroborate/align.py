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
from itertools import combinations

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

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
    """Group statements that say the same thing (average linkage over ``unit_similarity``).

    Statements are grouped as wholes, two statements scoring their best unit match (with ``docs``, the
    articles' parses, a sentence's clauses are units too). A long sentence carries several facts but sits in
    one such group, so the units are then grouped on their own: a group of units that links statements no
    statement group links is a claim too, and the long sentence supports each. ``anchors`` are sets of
    statement indices known to carry the same content (the same quote relayed by several outlets).
    """
    if not sentences:
        return []
    threshold = settings.align.same_statement_similarity
    units = statement_units(sentences, docs, settings)
    similarity = unit_similarity(units, [s.text for s in sentences], settings)
    owners = np.asarray([unit.owner for unit in units])
    _apply_anchors(similarity, units, sentences, anchors, settings)
    # Units of one sentence never merge: together they would only restate the sentence.
    similarity[owners[:, None] == owners[None, :]] = _APART
    by_statement = _best_pair_per_statement(similarity, owners, len(sentences))
    groups = [
        (set(members), _central(members, by_statement, members))
        for members in _clusters(_average_linkage(by_statement, threshold))
    ]
    unit_clusters = _clusters(_average_linkage(similarity, threshold))
    groups = _with_clause_groups(groups, unit_clusters, units, sentences, similarity, by_statement, threshold)
    by_owner: list[list[int]] = [[] for _ in sentences]  # each statement's units, the whole statement first
    for index, unit in enumerate(units):
        by_owner[unit.owner].append(index)
    joined = _carrying_units([members for members, _ in groups], by_owner, similarity, threshold)
    alone = [i for i in range(len(sentences)) if not _covered([units[k] for k in by_owner[i]], by_owner[i], joined)]
    return [
        *(StatementGroup(tuple(sentences[i] for i in sorted(members)), sentences[k]) for members, k in groups),
        *(StatementGroup((sentences[i],), sentences[i]) for i in alone),
    ]


def _clusters(labels: np.ndarray) -> list[list[int]]:
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    return list(clusters.values())


def _best_pair_per_statement(similarity: np.ndarray, owners: np.ndarray, count: int) -> np.ndarray:
    by_row = np.full((count, count), -np.inf)
    np.maximum.at(by_row, owners, _best_match_per_statement(similarity, owners, count))
    return by_row


def _central(members: Sequence[int], similarity: np.ndarray, candidates: Sequence[int]) -> int:
    """The one of ``candidates`` closest to all ``members`` (rows of ``similarity``)."""
    block = similarity[np.ix_(members, members)]
    scores = np.where(block > _APART, block, 0.0).sum(axis=1)
    return max(candidates, key=lambda member: scores[list(members).index(member)])


#: Similarity given to units that must stay apart; low enough that one such pair outweighs any average.
_APART = -10.0


@dataclass(frozen=True, slots=True)
class Unit:
    """A statement or one of its clauses: ``owner`` is the statement's index, ``whole`` the statement itself;
    the ``piece`` units of a statement (each clause without the clauses nested in it, and the main clause
    without them all) together make up what it says."""

    owner: int
    text: str
    whole: bool
    piece: bool = False


def statement_units(
    sentences: Sequence[Sentence], docs: Mapping[str, Doc] | None = None, settings: Settings = DEFAULT_SETTINGS
) -> list[Unit]:
    """Every statement as a unit, followed by each statement's clause units (when parses are given)."""
    units = [Unit(index, sentence.text, True) for index, sentence in enumerate(sentences)]
    for index, sentence in enumerate(sentences):
        doc = docs.get(sentence.article_id) if docs else None
        units += [Unit(index, text, False, piece) for text, piece in clause_units(sentence, doc, settings)]
    return units


def _apply_anchors(
    similarity: np.ndarray,
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    anchors: Sequence[Sequence[int]],
    settings: Settings,
) -> None:
    """Statements relaying one quote score above the threshold, whole statement to whole statement."""
    floor = settings.align.same_statement_similarity + settings.align.anchor_margin
    whole = {unit.owner: index for index, unit in enumerate(units) if unit.whole}
    for anchor in anchors:
        for a in anchor:
            for b in anchor:
                if sentences[a].article_id != sentences[b].article_id:
                    i, j = whole[a], whole[b]
                    similarity[i, j] = max(similarity[i, j], floor)


def _with_clause_groups(
    groups: Sequence[tuple[set[int], int]],
    unit_clusters: Sequence[Sequence[int]],
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    similarity: np.ndarray,
    by_statement: np.ndarray,
    threshold: float,
) -> list[tuple[set[int], int]]:
    """The statement groups of two or more (members, representative), with each cluster of units that links
    statements of two or more articles not yet held together either merged into a group it overlaps (when the
    merged group still holds together: its statements' average best match above ``threshold``) or added as a
    group of its own."""
    result = [(set(members), representative) for members, representative in groups if len(members) > 1]
    linked = {pair for members, _ in result for pair in combinations(sorted(members), 2)}
    for cluster in unit_clusters:
        owners = {units[i].owner for i in cluster}
        new = [
            (a, b) for a, b in combinations(sorted(owners), 2)
            if (a, b) not in linked and sentences[a].article_id != sentences[b].article_id
        ]
        if not new:
            continue
        fits = [
            members for members, _ in result
            if members & owners and _holds(members | owners, by_statement, threshold)
        ]
        if fits:
            members = max(fits, key=lambda members: len(members & owners))
            members.update(owners)
        else:
            # A whole statement reads best alone; a clause's statement stands for the group only failing one.
            candidates = [i for i in cluster if units[i].whole] or list(cluster)
            members = owners
            result.append((members, units[_central(cluster, similarity, candidates)].owner))
        linked.update(combinations(sorted(members), 2))
    return result


def _carrying_units(
    groups: Sequence[set[int]], by_owner: Sequence[Sequence[int]], similarity: np.ndarray, threshold: float
) -> set[int]:
    """For each statement of each group, the unit the group rests on: the whole statement when it matches the
    others as a whole (average best match above ``threshold``), else its clause matching them best."""
    owners = np.zeros(len(similarity), dtype=int)
    for owner, indices in enumerate(by_owner):
        owners[indices] = owner
    to_statement = _best_match_per_statement(similarity, owners, len(by_owner))
    carrying = set()
    for group in groups:
        for statement in group:
            mine, others = by_owner[statement], sorted(group - {statement})
            scores = to_statement[np.ix_(mine, others)].mean(axis=1)
            if scores[0] < threshold and len(mine) > 1:  # scores[0]: the whole statement
                scores[0] = -np.inf
            carrying.add(mine[int(np.argmax(scores))])
    return carrying


def _best_match_per_statement(similarity: np.ndarray, owners: np.ndarray, count: int) -> np.ndarray:
    """Units x statements: each unit's best match among a statement's units."""
    by_statement = np.full((count, similarity.shape[0]), -np.inf)
    np.maximum.at(by_statement, owners, similarity)
    return by_statement.T


def _holds(statements: set[int], by_statement: np.ndarray, threshold: float) -> bool:
    """Average linkage's test for one group: the average best match of its statements' pairs."""
    ordered = sorted(statements)
    block = by_statement[np.ix_(ordered, ordered)]
    pairs = block[np.triu_indices(len(ordered), k=1)]
    return bool(pairs.size) and float(pairs.mean()) >= threshold


def _covered(units: Sequence[Unit], indices: Sequence[int], joined: set[int]) -> bool:
    """Whether what a statement says (its ``units``, at ``indices``) is all in groups: the statement itself, or
    every piece of it, carries one.

    A long sentence of which one clause is told elsewhere still stands as a claim of its own for the rest.
    """
    if any(unit.whole and index in joined for unit, index in zip(units, indices, strict=True)):
        return True
    pieces = [index for unit, index in zip(units, indices, strict=True) if unit.piece]
    return bool(pieces) and all(index in joined for index in pieces)


def unit_similarity(
    units: Sequence[Unit], statement_texts: Sequence[str], settings: Settings = DEFAULT_SETTINGS
) -> np.ndarray:
    """Embedding cosine plus a weighted share of the story-specific words two units have in common.

    Sentence embeddings place any two sentences of one story close together (same people, same event), so on
    their own they merge different facts about it. The lexical term rewards words that are rare within the
    story (a place, a number, an unusual verb) and ignores those every sentence shares; word rarity is learnt
    from ``statement_texts``. A pair involving a clause scores a small penalty below a whole-sentence pair of
    the same strength (a clause is shorter, so a chance match is likelier) and must share rare words.
    """
    texts = [unit.text for unit in units]
    vectors = embed(texts)
    lexical = _story_tfidf_cosine(texts, fit_on=statement_texts)
    similarity = np.clip(vectors @ vectors.T, -1.0, 1.0) + settings.align.lexical_weight * lexical
    is_clause = np.asarray([not unit.whole for unit in units])
    clause_pair = np.logical_or.outer(is_clause, is_clause)
    similarity -= np.where(clause_pair, settings.align.clause_penalty, 0.0)
    # Two clauses about the same people and place embed close whatever they say.
    similarity[clause_pair & (lexical < settings.align.clause_min_lexical)] = _APART
    return similarity


#: Dependency labels of words that head a clause of their own inside a sentence (not xcomp: it completes the
#: main clause, which without it says nothing).
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def clause_units(
    sentence: Sentence, doc: Doc | None, settings: Settings = DEFAULT_SETTINGS
) -> list[tuple[str, bool]]:
    """The sentence's clauses that could stand as statements: each subordinate, relative, participial or
    coordinated clause (with the subject it shares, when it has none of its own), the same clause without the
    clauses nested in it, and the main clause without them all; each with whether it is one of the pieces
    (clauses without their nested clauses, and the main clause) that together make up the sentence."""
    if doc is None:
        return []
    span = doc.char_span(sentence.start, sentence.start + len(sentence.text), alignment_mode="expand")
    if span is None:
        return []
    heads = [t for t in span if t.i != span.root.i and _heads_clause(t)]
    candidates: dict[str, bool] = {}  # clause text -> whether it is a piece
    for head in [*heads, span.root]:
        inner = [other for other in heads if other.i != head.i and head.is_ancestor(other)]
        removed = {t.i for other in inner for t in other.subtree}
        subject = _shared_subject(head) if head.i != span.root.i else ""
        tokens = list(head.subtree) if head.i != span.root.i else list(span)
        candidates[subject + _text([t for t in tokens if t.i not in removed])] = True
        candidates.setdefault(subject + _text(tokens), False)
    return [
        (text, piece) for text, piece in candidates.items()
        if text != sentence.text and len(content_terms(text)) >= settings.align.min_clause_terms
    ]


def _heads_clause(token: Token) -> bool:
    """A verb heading a clause, or a predicate adjective with its own subject ("X was not impressed")."""
    if token.dep_ not in _CLAUSE_HEADS:
        return False
    if token.dep_ == "acl":  # participial phrases only: "a memo outlining ...", not "the decision to ..."
        return token.pos_ == "VERB" and token.tag_ in {"VBG", "VBN"}
    return token.pos_ in {"VERB", "AUX"} or any(child.dep_ in _SUBJECTS for child in token.children)


def _shared_subject(head: Token) -> str:
    """What a clause without a subject of its own is about: the noun a relative or participial clause hangs
    on, or the subject of the verb a coordinated verb joins."""
    if any(child.dep_ in _SUBJECTS for child in head.children):
        return ""
    if head.dep_ in {"acl", "relcl"}:
        noun = head.head
        return _text([t for t in noun.subtree if t.i <= noun.i]) + " "
    if head.dep_ == "conj":
        subjects = [child for child in head.head.children if child.dep_ in _SUBJECTS]
        if subjects:
            return _text(list(subjects[0].subtree)) + " "
    return ""


def _text(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


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
