"""Claim alignment: statements across articles that assert the same thing become one claim.

Every statement (a sentence that asserts something, see ``sentences.is_statement``, or a short line two articles
relay word for word) and each of its clauses is embedded; statements are grouped by average-linkage clustering
on cosine similarity plus shared story words, so the same fact in different words lands in one group while a
chain of loosely related sentences does not. Clauses are grouped too, so a long sentence supports the claim of
each fact it carries. A group stated by two or more independent voices is corroborated; copies of one article
(``duplicate_of``) count as one voice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from fractions import Fraction
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from corroborate.capitals import country_code
from corroborate.claims.entities import person_referred, run_on_word
from corroborate.claims.numbers import CONDITIONS, PERFECT_AUXILIARIES, UNREAL_MODALS, parse_number
from corroborate.claims.speech import SPEECH_VERBS
from corroborate.claims.when import WEEKDAYS
from corroborate.nlp import SUBJECT_DEPS, embed
from corroborate.records import Article, Claim, Contradiction, Evidence, Position, Sentence
from corroborate.sentences import is_statement, quoted_spans, quoted_words
from corroborate.settings import DEFAULT_SETTINGS, AlignSettings, Settings

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

_TERM = re.compile(r"[a-z0-9][a-z0-9'-]*")
#: What may close a sentence after its last word's punctuation: spaces, quotation marks, a bracket.
_CLOSING = " \"'”’)"
#: Thousands separators: "3,248" and "3248" are one number.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@dataclass(frozen=True, slots=True)
class StatementGroup:
    """Sentences of one or more articles that state the same thing; ``representative`` reads best alone.
    ``label`` names the claim when what the sentences share is less than the representative says."""

    sentences: tuple[Sentence, ...]
    representative: Sentence
    label: str | None = None
    #: The names and numbers only its one statement gives, when it stands for those alone (``_own_details``): a
    #: contradiction of how its sentence characterises the event does not dispute them.
    own_details: tuple[str, ...] = ()


def statements(
    sentences_by_article: Mapping[str, Sequence[Sentence]], settings: Settings = DEFAULT_SETTINGS
) -> list[Sentence]:
    """The sentences that make checkable statements, first by article then in text order: those long enough
    (``sentences.is_statement``), and the shorter ones another article relays word for word (``_relayed``). A
    question (``_asks``) states nothing, however long: a heading asking what a section tells, a rhetorical
    question, which another outlet's statement on its topic would otherwise seem to corroborate."""
    relayed = _relayed(sentences_by_article, settings)
    return [
        s for sentences in sentences_by_article.values() for s in sentences
        if (is_statement(s, settings) or _words(s.text) in relayed) and not _asks(s.text)
    ]


def _relayed(sentences_by_article: Mapping[str, Sequence[Sentence]], settings: Settings) -> set[tuple[str, ...]]:
    """The wordings of sentences too short to pass for statements that two articles, not copies of one another,
    both give word for word: a line of a post or a quote that outlets relay ("Also, the bridge stays
    closed."), which asserts what it says however short (a question asserts nothing: ``statements`` drops it). A
    sentence of fewer than ``min_relayed_statement_terms`` content words ("He declined to comment.") may be anyone's."""
    align = settings.align
    # Closed like a sentence and long enough for a relayed line; is_statement's own test, with the lower floor.
    short = replace(settings, align=replace(align, min_statement_words=align.min_relayed_statement_words))
    wordings: dict[tuple[str, ...], set[str]] = {}
    for article_id, sentences in sentences_by_article.items():
        for sentence in sentences:
            if (
                not is_statement(sentence, settings) and is_statement(sentence, short)
                and len(content_terms(sentence.text)) >= align.min_relayed_statement_terms
            ):
                wordings.setdefault(_words(sentence.text), set()).add(article_id)
    texts = {
        article_id: {_words(s.text) for s in sentences if is_statement(s, settings)}
        for article_id, sentences in sentences_by_article.items()
    }
    return {
        wording for wording, articles in wordings.items()
        if any(not _copies(texts[a], texts[b], align) for a, b in combinations(sorted(articles), 2))
    }


def _words(text: str) -> tuple[str, ...]:
    """A sentence's words, lower-cased, without its punctuation and quotation marks."""
    return tuple(_TERM.findall(text.lower().replace("’", "'")))


def _copies(first: set[tuple[str, ...]], second: set[tuple[str, ...]], align: AlignSettings) -> bool:
    """Whether two articles (the wordings of their full statements) are copies of one text: most of them shared.
    Articles relaying one post share only its lines."""
    return len(first & second) >= align.copied_article_share * min(len(first), len(second))


def group_statements(
    sentences: Sequence[Sentence],
    settings: Settings = DEFAULT_SETTINGS,
    docs: Mapping[str, Doc] | None = None,
    anchors: Sequence[Sequence[int]] = (),
    canonical: Callable[[str, str], str | None] | None = None,
    disputes: Sequence[Contradiction] = (),
    cited_origins: Callable[[str], list[str]] | None = None,
) -> list[StatementGroup]:
    """Group statements that say the same thing (average linkage over ``unit_similarity``).

    Statements are grouped as wholes, two statements scoring their best unit match (with ``docs``, the
    articles' parses, a sentence's clauses are units too). A long sentence carries several facts but sits in
    one such group, so the units are then grouped on their own: a group of units that links statements no
    statement group links is a claim too, and the long sentence supports each. ``anchors`` are sets of
    statement indices known to carry the same content (the same quote relayed by several outlets: those of them
    giving its words are a claim even where average linkage parts them, ``_with_anchor_groups``; not one only
    borrowing a phrase of it, ``_unborrowed``); so are two
    outlets' statements that cite the same original reporting (``cited_origins``: a sentence's cited outlets) or
    count the same quantity of a thing, and nearly match (``_specific_anchors``). A statement
    told with others that names something no other article says stands alone too, for that (``_own_details``);
    ``canonical`` (a mention and its article to the entity's canonical name, or None) makes an alias of a name
    another article says ("NTSB" for "National Transportation Safety Board") no such thing. So does a statement
    that one of ``disputes`` (the story's contradictions) holds as a characterisation of the event: its claim is
    contradicted, and what only it names would otherwise be shown nowhere as single-source.

    A big story's units x units similarities are never held whole (100 articles have some 10,000 units): they
    are computed a block at a time, once to find the pairs close enough to ever join, then where needed. Nor
    are its statements x statements best matches (400 articles have some 12,000 statements): the pairs close
    enough to join are those of the close unit pairs, and the rest are computed from unit blocks where needed.
    """
    if not sentences:
        return []
    threshold = settings.align.same_statement_similarity
    limit = 1.0 - threshold  # average linkage's distance limit
    units = statement_units(sentences, docs, settings, canonical)
    by_owner: list[list[int]] = [[] for _ in sentences]  # each statement's units, the whole statement first
    for index, unit in enumerate(units):
        by_owner[unit.owner].append(index)
    # Word rarity is learnt from the full statements: a relayed short line repeats its story's words.
    rarity = [s.text for s in sentences if is_statement(s, settings)] or [s.text for s in sentences]
    computed = unit_similarity(units, rarity, settings)
    anchors = _unborrowed(anchors, units, sentences, computed, by_owner, settings)
    computed = replace(computed, floors=_anchor_floors(units, sentences, anchors, settings))
    specific = _specific_anchors(sentences, _specifics(sentences, docs, cited_origins), computed, by_owner, settings)
    if specific:
        computed = replace(computed, floors=_anchor_floors(units, sentences, anchors, settings, specific))
    similarity: Similarities = computed
    if len(units) ** 2 <= _BLOCK_CELLS:  # held whole in no more memory than one block: blocks then cost nothing
        similarity = HeldSimilarity(similarity.block(range(len(units)), range(len(units))), similarity.owners)
    best: Similarities = BestMatches(similarity, by_owner)
    if len(sentences) ** 2 <= _BLOCK_CELLS:  # as the units: few statements' best matches are held whole
        best = HeldSimilarity(best.block(range(len(sentences)), range(len(sentences))), np.arange(len(sentences)))
    unit_edges = _scan(similarity, limit)
    groups = [
        (set(members), _central(members, best.block(members, members), members))
        for members in average_linkage(
            len(sentences), statement_edges(unit_edges, similarity.owners), _summed(best), limit
        )
    ]
    unit_clusters = average_linkage(len(units), unit_edges, _summed(similarity), limit)
    groups = _with_clause_groups(groups, unit_clusters, units, sentences, similarity, best, threshold)
    groups = _distinct_representatives(_with_anchor_groups(groups, anchors, sentences, best, settings), best)
    joined = _carrying_units([members for members, _ in groups], by_owner, similarity, threshold)
    # A statement that reads as a group of its own article's statements (heads it, or repeats its head word for
    # word) already stands as that one outlet's claim.
    shown = {
        m for members, k in groups if {sentences[m].article_id for m in members} == {sentences[k].article_id}
        for m in members if sentences[m].text == sentences[k].text
    }
    # An article giving one sentence twice word for word (a lead repeated lower down) states it once.
    first_of: dict[tuple[str, str], int] = {}
    repeats = {i for i, s in enumerate(sentences) if first_of.setdefault((s.article_id, s.text), i) != i}
    hidden = shown | repeats
    alone = [
        i for i in range(len(sentences))
        if i not in hidden and not _covered([units[k] for k in by_owner[i]], by_owner[i], joined)
    ]
    return [
        *(StatementGroup(tuple(sentences[i] for i in sorted(members)), sentences[k]) for members, k in groups),
        *(StatementGroup((sentences[i],), sentences[i]) for i in alone),
        *_own_details(
            [members for members, _ in groups], {*alone, *repeats}, sentences, docs, canonical,
            _described(sentences, disputes) - repeats,
        ),
    ]


def _described(sentences: Sequence[Sentence], disputes: Sequence[Contradiction]) -> frozenset[int]:
    """The statements that contradictions of how an event is characterised hold as positions."""
    held = _evidence_of(disputes, _DESCRIBING_KINDS)
    return frozenset(i for i, sentence in enumerate(sentences) if (sentence.article_id, sentence.text) in held)


def _own_details(
    groups: Sequence[set[int]],
    alone: set[int],
    sentences: Sequence[Sentence],
    docs: Mapping[str, Doc] | None,
    canonical: Callable[[str, str], str | None] | None = None,
    described: frozenset[int] = frozenset(),
) -> list[StatementGroup]:
    """A single-source group for each statement told with another article's (and not ``alone`` already), or
    ``described`` (a position of a characterisation contradiction), that also names something, a proper name or
    a number, no other article's statement says, in a clause of its own:
    what the others share with it is corroborated, the detail only it gives is not ("concessions, including
    control of <region>"). The claim reads as the whole statement: a clause of it taken alone may drop who said
    it ("X denied that ...") and so assert what the outlet only reports. With ``canonical``, a name is said by
    every article naming its entity in any form (an acronym, another spelling)."""
    if not docs:
        return []
    spans = [_span(sentence, docs) for sentence in sentences]
    said: dict[str, set[str]] = {}
    for sentence in sentences:
        # Hyphens split too: "X-Y" and "X Y" spell one name.
        for term in {*content_terms(sentence.text), *content_terms(sentence.text.replace("-", " "))}:
            said.setdefault(term, set()).add(sentence.article_id)
    entity_of = _entity_names(sentences, spans, canonical)
    for (article_id, _), name in entity_of.items():
        said.setdefault(name, set()).add(article_id)
    told = {
        member for members in groups if len({sentences[k].article_id for k in members}) > 1 for member in members
    }
    found = []
    for index in sorted((told - alone) | described):
        sentence, span = sentences[index], spans[index]
        details = [
            _named(token, span)
            for token in span or ()
            if _is_detail(token)
            and said.get(entity_of.get((sentence.article_id, token.i), ""), set()) <= {sentence.article_id}
            and any(said.get(term) == {sentence.article_id} for term in content_terms(token.text))
        ]
        if details:
            found.append(StatementGroup((sentence,), sentence, own_details=tuple(dict.fromkeys(details))))
    return found


def _named(token: Token, span: Span) -> str:
    """The whole name or number ``token`` is part of, as the sentence writes it."""
    doc = token.doc
    entity = next((entity for entity in span.ents if entity.start <= token.i < entity.end), None)
    if entity is None:  # a name the tagger missed: the proper nouns compounded into it ("Acme Widget")
        start = min((t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), default=token.i)
        return doc[start:token.i + 1].text
    end = entity.end
    while end - 1 > token.i and run_on_word(doc[end - 1]):
        end -= 1
    return doc[entity.start:end].text


def _entity_names(
    sentences: Sequence[Sentence], spans: Sequence[Span | None], canonical: Callable[[str, str], str | None] | None
) -> dict[tuple[str, int], str]:
    """The canonical name of each statement token inside a named entity, by (article, token index); keyed
    apart from content terms (a leading space no term has) so a name never reads as a word."""
    if canonical is None:
        return {}
    names = {}
    for sentence, span in zip(sentences, spans, strict=True):
        for entity in span.ents if span is not None else ():
            name = canonical(entity.text, sentence.article_id)
            for token in entity if name else ():
                names[sentence.article_id, token.i] = f" {name}"
    return names


#: Entity types of the words that date a statement: the timeline compares those, not the claims.
_WHEN = frozenset({"DATE", "TIME", "ORDINAL"})
#: Dependency labels of a verb's subjects and objects (of itself or of a preposition-like participle).
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"})


def _is_detail(token: Token) -> bool:
    """A proper name or number, not a date nor a person's title ("Mr.", "Senator"), said in a real clause: its
    nearest verb has a subject or object (a heading's bare noun phrase is no statement of its own)."""
    if not (token.pos_ == "PROPN" or token.like_num) or token.ent_type_ in _WHEN:
        return False
    if _is_title(token):
        return False
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and any(child.dep_ in _ARGUMENTS for child in verb.children)


def _is_title(token: Token) -> bool:
    """A word before a name that is no part of it: outside any entity, or outside the name's ("Mr.", "Senator",
    "Mr. President"), whereas "New" in "New York" and a first name share their name's entity."""
    if token.dep_ != "compound" or token.head.pos_ != "PROPN":
        return False
    return not token.ent_type_ or token.ent_type_ != token.head.ent_type_


def _central(members: Sequence[int], block: np.ndarray, candidates: Sequence[int]) -> int:
    """The one of ``candidates`` closest to all ``members`` (``block``: their similarities, members x members).
    The block is made exactly symmetric first: best matches computed over unit blocks of other shapes differ in the
    last bit, which would otherwise pick between two equally close statements."""
    block = (block + block.T) / 2
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
    #: The proper names and numbers it mentions, lower-cased (empty without a parse).
    names: frozenset[str] = frozenset()
    #: Who does what its main verb says, by name (empty when unnamed: a pronoun, a common noun, no parse).
    agents: frozenset[str] = frozenset()
    #: For a unit that reports what someone said, whether what was said is in it or taken out ("X, a minister,
    #: told reporters on Monday ..."), what it says beyond the speaker ("told reporters on Monday ..."); None for
    #: any other unit.
    beyond_speaker: str | None = None
    #: Which way its main verb turns an activity: 1 on (start, resume), -1 off (stop, suspend), 0 neither
    #: (``_aspect``).
    aspect: int = 0
    #: Which way its main verb moves an amount: 1 up (raise, rise), -1 down (cut, fall), 0 neither (``_direction``).
    direction: int = 0
    #: For a unit reporting what someone said of another ("X wrote that the adviser ..."), the speaker by name (in
    #: the words ``agents`` holds); empty for any other unit (``_telling_of_another``).
    tellers: frozenset[str] = frozenset()
    #: The text its shared story words are counted in: for a whole statement, without what it says in passing of
    #: whom or what it names (``_in_passing``); None for its text.
    worded: str | None = None
    #: It reports what someone said with what was said taken out (``Clause.frame``).
    frame: bool = False
    #: For a unit reporting what someone said, who spoke, by name (in the words ``names`` holds); empty for any
    #: other unit, or an unnamed speaker ("officials", "an aide").
    voice: frozenset[str] = frozenset()
    #: Its text without the phrases its sentence quotes (``_quoted_phrases``); None when it holds none.
    unquoted: str | None = None
    #: The lemmas of the words it asserts something with (``_asserted``); None without a parse.
    asserted: frozenset[str] | None = None


def statement_units(
    sentences: Sequence[Sentence],
    docs: Mapping[str, Doc] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    canonical: Callable[[str, str], str | None] | None = None,
) -> list[Unit]:
    """Every statement as a unit, followed by each statement's clause units (when parses are given);
    ``canonical`` (a mention and its article to its entity's canonical name) names a body or place one way
    whatever each outlet writes (an acronym, an official or short name)."""
    names = [_mentioned_names(sentence, docs, canonical) for sentence in sentences]
    spans = [_span(sentence, docs) if docs else None for sentence in sentences]
    units = [
        Unit(i, sentence.text, True, names=names[i](sentence.text)) if span is None
        else replace(
            _unit(i, sentence.text, True, False, names[i], span.root, _beyond_speaker(span.root, list(span))),
            worded=_text([token for token in span if token.i not in _in_passing(span)]),
            asserted=_asserted(list(span)),
        )
        for i, (sentence, span) in enumerate(zip(sentences, spans, strict=True))
    ]
    for index, (sentence, span) in enumerate(zip(sentences, spans, strict=True)):
        units += [
            replace(
                _unit(index, c.text, False, c.piece, names[index], c.head, c.beyond_speaker),
                frame=c.frame, asserted=_asserted(c.tokens),
            )
            for c in _clauses(sentence, span, settings)
        ]
    phrases = [
        _quoted_phrases(sentence, span) if span is not None else []
        for sentence, span in zip(sentences, spans, strict=True)
    ]
    return [replace(unit, unquoted=_without(unit.text, phrases[unit.owner])) for unit in units]


def _quoted_phrases(sentence: Sentence, span: Span) -> list[str]:
    """The words a sentence puts in quotation marks as a phrase, not a clause: no verb among them ("the 'open
    door'"). A phrase in quotation marks is borrowed: what a sentence says of it is not what its speaker said. Not a
    title, whose content words are all capitalised ("the song 'Open Door'"): a name of a work, not words borrowed."""
    phrases = []
    for start, end in quoted_spans(sentence.text):
        tokens = [token for token in span if start <= token.idx - sentence.start < end]
        if not any(token.pos_ in {"VERB", "AUX"} for token in tokens) and any(
            token.is_alpha and not token.is_stop and token.text[0].islower() for token in tokens
        ):
            phrases.append(sentence.text[start:end])
    return phrases


def _without(text: str, phrases: Sequence[str]) -> str | None:
    """``text`` without the ``phrases`` it holds; None when it holds none."""
    held = [phrase for phrase in phrases if phrase in text]
    for phrase in held:
        text = text.replace(phrase, " ")
    return text if held else None


def _in_passing(span: Span) -> set[int]:
    """The tokens of what a sentence says in passing of someone or something it names: an apposition describing
    a name, a noun phrase set off by a comma with an article or possessive of its own ("X, a former adviser to Y,",
    "X, his deputy,"; not the name itself: "the director, X,"). Two statements about one person share it whatever
    else each says. Not a list the parser reads as appositions ("Y, son-in-law X", "Russia, the campaign and X"),
    nor a relative clause set off by a comma ("X, who has been charged,"): the fact a statement tells may be in
    those."""
    return {
        t.i for token in span
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN"
        and token.left_edge.tag_ in _DETERMINERS and token.left_edge.nbor(-1).text == ","
        and not any(child.dep_ == "conj" for child in (*token.children, *token.head.children))
        for t in token.subtree
    }


def _asserted(tokens: Sequence[Token]) -> frozenset[str]:
    """The lemmas of the content words a unit says something with. Not the names it is about, nor the words before a
    name that tell which one is meant ("the new 16-inch" of a product's name), nor a date: two statements about
    one thing share those whatever each says of it. Not a verb of speech or thought, which asserts only that
    someone spoke. Not what a condition or an awaited event supposes ("... if it had a spare key"), which neither
    statement asserts. Not a noun and the participle naming it ("a condition called X", ``_naming_participle``): they
    tell which thing is meant, as the words before a name do. Not a noun of degree ("a lot like", "by a lot",
    ``_is_degree``), which tells how much of whatever is said."""
    supposed = {t.i for token in tokens if _supposes(token) for t in token.subtree}
    naming = {
        t.i for token in tokens if _is_named(token) and token.dep_ != "ROOT" for t in token.subtree if t.i <= token.i
    }
    naming |= {t.i for token in tokens if _naming_participle(token) for t in (token, token.head)}
    return frozenset(
        _lemma(token) for token in tokens
        if token.i not in supposed and token.i not in naming and token.is_alpha
        and (token.pos_ in _ASSERTING or token.pos_ == "PROPN" and not _is_named(token))
        and not _reports(token) and not _is_function_word(token) and not _is_degree(token)
    )


#: Verbs that give a thing its name ("a condition called X", "a town named X", "a drug known as X").
_NAMING_VERBS = frozenset({"call", "name", "dub", "know", "title", "label", "nickname"})


def _naming_participle(token: Token) -> bool:
    """A participle after a noun giving the noun's name: "called X", "known as X" (X a name the recogniser found). Not
    one the parser hung on a sentence's main verb taken for a noun ("The board named X ..."), which asserts."""
    if token.dep_ != "acl" or token.lemma_.lower() not in _NAMING_VERBS or token.head.dep_ == "ROOT":
        return False
    objects = [child for child in token.children if child.dep_ in {"oprd", "attr", "dobj"}]
    objects += [noun for child in token.children if child.dep_ == "prep" for noun in child.children]
    return any(_is_named(word) for noun in objects for word in noun.subtree)


#: Nouns that after "a" tell how much ("a lot like", "a bit faster", "by a lot").
_DEGREE_NOUNS = frozenset({"lot", "bit"})


def _is_degree(token: Token) -> bool:
    """A noun of degree: "a lot", "a bit", no word telling what kind ("a parking lot", "a drill bit" are things)."""
    return token.lower_ in _DEGREE_NOUNS and any(child.lower_ == "a" for child in token.children) and not any(
        child.dep_ in {"compound", "amod", "nmod"} for child in token.children
    )


def _is_function_word(token: Token) -> bool:
    """A stop word, but for a verb that says something of its own ("named", "shows", "called"): only a light verb
    ("take", "make", "go") leaves what it says to its object ("took shelter" / "was taken into custody")."""
    if token.pos_ == "VERB":
        return token.lemma_.lower() in _LIGHT_VERBS
    return token.is_stop or _lemma(token) in STOP_WORDS


#: Verbs whose meaning is their object's or complement's: shared, they say nothing shared.
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "go", "make", "take", "give", "put", "keep", "let", "come"})


def _is_named(token: Token) -> bool:
    """A word of a name or date the recogniser found. A capitalised word of no entity is a heading's common noun
    ("Territorial Concessions: ...") that a tagger took for a name."""
    return token.ent_type_ in _NAMING_ENTITIES


def _lemma(token: Token) -> str:
    """A word's lemma; for a capitalised common noun taken for a name, its plural folded as ``content_terms`` does."""
    if token.pos_ == "PROPN":
        return next(iter(content_terms(token.text)), token.lower_)
    return token.lemma_.lower()


def _supposes(verb: Token) -> bool:
    """A clause telling what is supposed under a modal ("... would like it more if it had X"), or an event awaited
    (``_is_supposed_event``); not an open question ("the questions include if X did Y"), which tells what is asked."""
    if verb.dep_ != "advcl" or not _is_supposed_event(verb):
        return False
    marks = {child.lower_ for child in verb.children if child.dep_ == "mark"}
    modal = any(child.dep_ == "aux" and child.lower_ in _SUPPOSING_MODALS for child in verb.head.children)
    return modal or not marks & CONDITIONS


#: Modals of a clause whose condition supposes ("would", "will", "can" ... "if"): an "if" under no modal may open a
#: question.
_SUPPOSING_MODALS = UNREAL_MODALS | {"will", "can", "'d", "'ll"}


def _reports(verb: Token) -> bool:
    """A verb of speech or thought reporting what was said or thought ("said that ..."), not one telling an act
    ("called the police")."""
    return verb.lemma_.lower() in _REPORTING and any(child.dep_ in _CLAUSAL_OBJECTS for child in verb.children)


#: Parts of speech that say something of what a statement is about.
_ASSERTING = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
#: Entity types of words that name or date what a statement is about rather than say something of it.
_NAMING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", *_WHEN})


#: Tags of the words a described noun phrase opens with: an article ("a", "the") or a possessive ("his").
_DETERMINERS = frozenset({"DT", "PRP$"})


def _unit(
    owner: int, text: str, whole: bool, piece: bool, names: Callable[[str], frozenset[str]], verb: Token,
    beyond_speaker: str | None,
) -> Unit:
    """A unit headed by ``verb``. A speaker is not who did what they are reported to have said: a unit reporting
    speech has no agents (``UnitSimilarity`` compares such units on what they say beyond the speaker)."""
    agents = _agents(verb) if beyond_speaker is None else frozenset()
    tellers = frozenset() if beyond_speaker is None else _telling_of_another(verb)
    voice = frozenset() if beyond_speaker is None else _voice(verb)
    return Unit(
        owner, text, whole, piece, names(text), agents, beyond_speaker, aspect=_aspect(verb), tellers=tellers,
        voice=voice, direction=_direction(verb),
    )


def _voice(verb: Token) -> frozenset[str]:
    """Who speaks when ``verb`` reports what was said, by name: the names of its subject ("he" as far as its own
    sentence tells, ``_reporter``), a person, a body or a place."""
    named = _names([_reporter(child) for child in verb.children if child.dep_ in SUBJECT_DEPS])
    return frozenset(term for name in named for term in _TERM.findall(name))


#: Verbs that turn an activity on or keep it going, and verbs that turn it off: "stopped testing" and "can resume
#: testing" say opposite things of one activity, in the same words otherwise.
_TURNING_ON = frozenset({"start", "begin", "resume", "restart", "continue", "renew"})
_TURNING_OFF = frozenset({"stop", "halt", "end", "cease", "suspend", "quit", "freeze", "pause", "discontinue"})


#: Verbs that move an amount up, and verbs that move it down: "raised the fare" and "cut the fare" say opposite things
#: of one amount, in the same words otherwise. Not a verb as often ending something as lowering it ("lifted the ban",
#: "dropped the charges"), nor one that more often tells of speech or refusal than of an amount ("added", "declined").
_RAISING = frozenset({
    "raise", "increase", "rise", "grow", "boost", "hike", "expand", "climb", "jump", "soar", "surge", "double",
    "triple", "escalate", "strengthen", "widen", "heighten", "intensify", "accelerate", "tighten",
})
_LOWERING = frozenset({
    "cut", "lower", "reduce", "decrease", "fall", "shrink", "slash", "sink", "plunge", "dip", "slump", "tumble",
    "halve", "trim", "lessen", "diminish", "weaken", "narrow", "slow", "ease", "loosen", "relax",
})


def _aspect(verb: Token) -> int:
    """1 when ``verb`` turns an activity on, -1 when off, 0 for any other verb; a negation turns it round."""
    return _turn(verb, _TURNING_ON, _TURNING_OFF)


def _direction(verb: Token) -> int:
    """1 when ``verb`` moves an amount up, -1 when down, 0 for any other verb; a negation turns it round."""
    return _turn(verb, _RAISING, _LOWERING)


def _turn(verb: Token, one_way: frozenset[str], other_way: frozenset[str]) -> int:
    """1 when ``verb``'s lemma is in ``one_way``, -1 when in ``other_way``, else 0; turned round when negated."""
    lemma = verb.lemma_.lower()
    turn = 1 if lemma in one_way else -1 if lemma in other_way else 0
    return -turn if _is_negated(verb) else turn


def _agents(verb: Token) -> frozenset[str]:
    """The people who do what ``verb`` says, by name: its subject, the "by" phrase of a passive, or for a clause
    without a subject of its own the one it shares (the noun a relative clause hangs on, the subject of the
    verb a coordinated verb joins); in the words ``Unit.names`` holds."""
    doers = [child for child in verb.children if child.dep_ == "nsubj"]
    doers += [noun for child in verb.children if child.dep_ == "agent" for noun in child.children]
    if not doers and not any(child.dep_ == "nsubjpass" for child in verb.children):
        if verb.dep_ in {"relcl", "acl"}:
            doers = [verb.head]
        elif verb.dep_ == "conj":
            doers = [child for child in verb.head.children if child.dep_ == "nsubj"]
    named = _names([_reporter(_antecedent(doer)) for doer in doers], _is_person)
    return frozenset(term for name in named for term in _TERM.findall(name))


def _telling_of_another(verb: Token) -> frozenset[str]:
    """The named person who speaks when ``verb`` reports them saying something of another in their own words:
    what they said, in quotation marks, has a subject of its own that holds no pronoun ("he", "we", "there", "his
    campaign": the speaker or their own side may be meant) and names none of them ('"The adviser has ...," X
    wrote'). Speaking of another is no act of one's own: "X showed bad judgment" is not told by it. A paraphrase
    ("X said the memos show ...") may retell what the speaker did by speaking ("X issued a statement"), so only
    their quoted words count."""
    speakers = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    named = _names(speakers, _is_person)
    said = [child for child in verb.children if child.dep_ in _CLAUSAL_OBJECTS]
    subjects = [subject for clause in said for subject in clause.children if subject.dep_ in SUBJECT_DEPS]
    sentence = verb.sent
    quoted = quoted_spans(sentence.text)
    if not subjects or any(
        any(token.pos_ == "PRON" for token in subject.subtree) or _names([subject]) & named
        or not any(start <= subject.idx - sentence.start_char < end for start, end in quoted)
        for subject in subjects
    ):
        return frozenset()
    return frozenset(term for name in named for term in _TERM.findall(name))


def _reporter(subject: Token) -> Token:
    """Who "he" or "she" is, as far as its own sentence tells (``entities.person_referred`` looking back no further:
    a unit is compared with others out of its article): the speaker in what someone is reported to have said ("X
    said he would ..."), a person named as a subject before it; any other subject as it is."""
    person = person_referred(subject, lookback=0)
    return person.root if person is not None else subject


def _is_person(token: Token) -> bool:
    """A person's name (a tagger may take it for a common noun, not the entity). Organisations and places are
    not agents here: they stand for each other and for their leaders ("the White House" / "the United States")."""
    return token.ent_type_ == "PERSON" and not any(child.dep_ == "case" for child in token.children)


def _mentioned_names(
    sentence: Sentence, docs: Mapping[str, Doc] | None, canonical: Callable[[str, str], str | None] | None = None
) -> Callable[[str], frozenset[str]]:
    """A function giving the names and numbers of the sentence that a part of it (a text) mentions: its proper
    names lower-cased, each named body or place also by its canonical name (``canonical``: "UAE" and "United Arab
    Emirates", "NTSB" and its name spelled out are one), a country or its capital also by the country's code
    (``capitals``), and each number by its value, a span of time in days (``_number_keys``)."""
    span = _span(sentence, docs) if docs else None
    if span is None:
        return lambda text: frozenset()
    keys: dict[str, set[str]] = {}
    numbers = _number_keys(span)
    for token in span:
        if token.i in numbers:
            keys.setdefault(token.lower_, set()).add(numbers[token.i])
        elif token.pos_ == "PROPN" or token.like_num:
            keys.setdefault(token.lower_, set()).add(token.lower_)
    for entity in span.ents if canonical is not None else ():
        name = canonical(entity.text, sentence.article_id) if entity.label_ in _CANONICAL_TYPES else None
        for token in entity if name else ():
            keys.setdefault(token.lower_, set()).add(f" {name}")  # a leading space no word has
        # A capital stands for its country's government ("Ottawa rejected ..."): both name the country.
        country = country_code(name or entity.text, entity.text) if entity.label_ == "GPE" else None
        for token in entity if country else ():
            keys.setdefault(token.lower_, set()).add(f" country {country}")
    return lambda text: frozenset(key for term in _TERM.findall(text.lower()) for key in _keys_of(term, keys))


def _keys_of(term: str, keys: Mapping[str, set[str]]) -> set[str]:
    """The keys of a word of a text; a hyphenated word ("60-year") holds the numbers of its parts too."""
    found = set(keys.get(term, ()))
    for part in term.split("-") if "-" in term else ():
        found |= {key for key in keys.get(part, ()) if key.startswith("#")}
    return found


#: Entity types keyed by canonical name: bodies and places, which outlets name by acronym, official or short
#: name ("UAE", "United Arab Emirates"). Not people: a surname already keys them, and a speaker's name is no sign two
#: statements say one thing (``_other_words_spoken``), so it should not lift the veto where a tagger missed it.
_CANONICAL_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
#: Days in each unit of time: "six decades" and "60 years" are one span, "60 years" and "six months" are not.
_DAYS = {
    "second": Fraction(1, 86400), "minute": Fraction(1, 1440), "hour": Fraction(1, 24), "day": Fraction(1),
    "night": Fraction(1), "week": Fraction(7), "fortnight": Fraction(14), "month": Fraction(1461, 48),
    "year": Fraction(1461, 4), "decade": Fraction(14610, 4), "century": Fraction(146100, 4),
}
#: Each day of the week's bit in ``UnitSimilarity.weekdays``, by its name as ``Unit.names`` holds it.
_WEEKDAY_BITS = {day: 1 << number for number, day in enumerate(WEEKDAYS)}
#: Number words that are no digits nor spaCy's number words ("a dozen").
_COUNTING_WORDS = frozenset({"dozen"})


def _number_keys(span: Span) -> dict[int, str]:
    """Each number token's key, by token index: the value of the number it is part of ("a dozen" 12, "sixty"
    60), in days when a unit of time follows ("six decades", "60-year"), so one quantity written two ways
    is not two different things. A run of number words that is not one number keys nothing."""
    keys: dict[int, str] = {}
    for run in _number_runs(span):
        value = parse_number([token.text for token in run])
        if value is None:
            continue
        after = span.doc[run[-1].i + 1] if run[-1].i + 1 < len(span.doc) else None
        if after is not None and after.text == "-" and after.i + 1 < len(span.doc):
            after = span.doc[after.i + 1]
        days = _DAYS.get(after.lemma_.lower()) if after is not None else None
        number = Fraction(value).limit_denominator(1000)
        key = f"#{number * days} days" if days is not None else f"#{number}"
        keys.update((token.i, key) for token in run if token.like_num or token.lower_ in _COUNTING_WORDS)
    return keys


def _number_runs(span: Span) -> list[list[Token]]:
    """Runs of number words ("twenty - five", "two hundred and five", "a dozen"), with a leading "a" or "an"
    before a counting word."""
    runs: list[list[Token]] = []
    for token in span:
        numeric = token.like_num or token.lower_ in _COUNTING_WORDS
        joining = token.text in {"-", "and"} and bool(runs) and runs[-1][-1].i == token.i - 1
        if (numeric or joining) and runs and runs[-1][-1].i == token.i - 1 and (numeric or _continues(token)):
            runs[-1].append(token)
        elif numeric:
            article = token.i > span.start and span.doc[token.i - 1].lower_ in {"a", "an"}
            runs.append([span.doc[token.i - 1], token] if article and not token.like_num else [token])
    return [run[: max(i for i, t in enumerate(run) if t.text not in {"-", "and"}) + 1] for run in runs]


def _continues(joiner: Token) -> bool:
    """Whether a hyphen or "and" joins the number before it to a number word after it."""
    following = joiner.doc[joiner.i + 1] if joiner.i + 1 < len(joiner.doc) else None
    return following is not None and (following.like_num or following.lower_ in _COUNTING_WORDS)


def _unborrowed(
    anchors: Sequence[Sequence[int]],
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    similarity: UnitSimilarity,
    by_owner: Sequence[Sequence[int]],
    settings: Settings,
) -> list[list[int]]:
    """The ``anchors`` without the statements that relay the quote with no other article's but by borrowing a
    phrase of it (``_borrowing``)."""
    return [
        [
            k for k in anchor
            if any(
                sentences[k].article_id != sentences[other].article_id
                and not _borrowing(k, other, units, sentences, similarity, by_owner, settings)
                for other in anchor
            )
        ]
        for anchor in anchors
    ]


def _borrowing(
    first: int,
    second: int,
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    similarity: UnitSimilarity,
    by_owner: Sequence[Sequence[int]],
    settings: Settings,
) -> bool:
    """Whether two statements share a quote only as a phrase one of them puts in quotation marks (``Unit.unquoted``:
    without it they share a shorter run of words) and, that aside, match no closer than ``anchor_margin`` below the
    threshold: a sentence borrowing a phrase of a quote ("the 'open door', a phrase critics read as ...") may say
    anything of it. Quoting it as a description ("called it 'an open door'") keeps what the speaker said of it."""
    wholes = units[by_owner[first][0]], units[by_owner[second][0]]
    if all(unit.unquoted is None for unit in wholes):
        return False
    quoted = _longest_run(_words(sentences[first].text), _words(sentences[second].text))
    bare = _longest_run(*(_words(unit.text if unit.unquoted is None else unit.unquoted) for unit in wholes))
    floor = settings.align.same_statement_similarity - settings.align.anchor_margin
    return bare < quoted and float(similarity.block(by_owner[first], by_owner[second]).max()) < floor


def _anchor_floors(
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    anchors: Sequence[Sequence[int]],
    settings: Settings,
    unit_pairs: Sequence[tuple[int, int]] = (),
) -> csr_matrix:
    """Statements relaying one quote score at least this (units x units, sparse), whole statement to whole
    statement: above the threshold; so do ``unit_pairs`` (unit indices), either way round."""
    floor = settings.align.same_statement_similarity + settings.align.anchor_margin
    whole = {unit.owner: index for index, unit in enumerate(units) if unit.whole}
    pairs = {
        (whole[a], whole[b]) for anchor in anchors for a in anchor for b in anchor
        if sentences[a].article_id != sentences[b].article_id
    }
    pairs |= {*unit_pairs, *((b, a) for a, b in unit_pairs)}
    rows, columns = (list(side) for side in zip(*pairs, strict=True)) if pairs else ([], [])
    return csr_matrix((np.full(len(rows), floor), (rows, columns)), shape=(len(units), len(units)))


def _specific_anchors(
    sentences: Sequence[Sentence],
    keys: Sequence[Sequence[str]],
    similarity: UnitSimilarity,
    by_owner: Sequence[Sequence[int]],
    settings: Settings,
) -> list[tuple[int, int]]:
    """For each pair of statements of two articles that share one of their ``keys`` (something specific they
    give: the original reporting they cite, a quantity of a thing they count) and that match as whole
    statements within ``anchor_margin`` below the threshold, their best matching pair of units (``by_owner``:
    each statement's units, the whole first): two retellings of one finding or one figure, worded apart as
    outlets reword what they relay. The key alone is not enough (a report tells several things, a story counts
    one thing in several statements), nor is a match this loose between statements sharing none, or between a
    clause of each. The units, not the wholes, are tied: what else a long sentence says stands on its own."""
    floor = settings.align.same_statement_similarity - settings.align.anchor_margin
    # A cited report or a denial of one subject is what the two assert in common, in whatever other words
    # (``Unit.asserted``): "made no mention of selling X" / "gave no sign of disposing of X". Not a quantity: one
    # may only tell which thing is meant ("the 16-inch model").
    asserting = replace(similarity, parsed=np.zeros_like(similarity.parsed))
    by_key: dict[str, list[int]] = {}
    for index, own in enumerate(keys):
        for key in dict.fromkeys(own):
            by_key.setdefault(key, []).append(index)
    statements: dict[tuple[int, int], UnitSimilarity] = {}
    for key, members in by_key.items():
        # One block per key: a wire story may cite one agency in many sentences.
        compared = asserting if key.startswith(_ASSERTING_KEYS) else similarity
        scores = compared.block([by_owner[m][0] for m in members], [by_owner[m][0] for m in members])
        for i, j in combinations(range(len(members)), 2):
            if sentences[members[i]].article_id != sentences[members[j]].article_id and scores[i, j] >= floor:
                statements.setdefault((members[i], members[j]), compared)
    pairs = []
    for (first, second), compared in sorted(statements.items(), key=lambda item: item[0]):
        block = compared.block(by_owner[first], by_owner[second])
        row, column = np.unravel_index(int(np.argmax(block)), block.shape)
        pairs.append((by_owner[first][row], by_owner[second][column]))
    return pairs


#: The keys of ``_specifics`` that tell something the statements assert, not only which thing they speak of.
_ASSERTING_KEYS = ("cites ", "denial of ")


def _specifics(
    sentences: Sequence[Sentence],
    docs: Mapping[str, Doc] | None,
    cited_origins: Callable[[str], list[str]] | None,
) -> list[list[str]]:
    """Each statement's keys for ``_specific_anchors``: the reporting it cites ("cites <origin>") and, with a
    parse, each quantity it counts ("#15 page" for "15 pages", "#5 location" for "five locations"; not a date,
    time or rank, which the timeline compares, nor a measure telling which thing is meant, ``_measures_a_noun``) and
    whom it says something is not so of (``_denials``)."""
    keys: list[list[str]] = [[] for _ in sentences]
    for index, sentence in enumerate(sentences):
        keys[index] += [f"cites {origin}" for origin in (cited_origins(sentence.text) if cited_origins else [])]
        span = _span(sentence, docs) if docs else None
        # By the whole number's value: "$125 billion" and "$360 billion" share the word "billion", not the sum.
        values = _number_keys(span) if span is not None else {}
        keys[index] += [
            f"{values.get(token.i, token.lower_.replace(',', ''))} {token.head.lemma_.lower()}" for token in span or ()
            if token.like_num and token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.ent_type_ not in _WHEN
            and not _measures_a_noun(token.head)
        ]
        keys[index] += [f"denial of {name}" for name in _denials(span)] if span is not None else []
    return keys


def _measures_a_noun(counted: Token) -> bool:
    """Whether a counted noun is a measure qualifying another noun ("16-inch" of "the 16-inch laptop", "15-page" of
    "a 15-page complaint"): it tells which thing is meant, as a name does, and two statements about that thing may
    say anything else of it. A count standing on its own ("15 pages", "five locations") is what they tell."""
    return counted.dep_ in _NOUN_MODIFIERS and counted.head.pos_ in {"NOUN", "PROPN"}


#: Dependency labels of a word qualifying the noun it hangs on.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def _denials(span: Span) -> frozenset[str]:
    """The named people or bodies a sentence's asserted clause denies something of: its main verb, or the clause a
    verb of speech reports, negated ("X did not ...", "X never ...") or with a "no" object ("X made no mention of
    ...", "X gave no sign of ..."), not hedged (``_hedged``). Outlets word a denial many ways ("no sign" / "no
    indication"), and what is said not to be so of one named subject is rarer than what is: two retellings of one."""
    verbs = [span.root]
    if span.root.lemma_.lower() in _REPORTING:
        verbs = [child for child in span.root.children if child.dep_ in _CLAUSAL_OBJECTS]
    denied = [
        verb for verb in verbs
        if not _hedged(verb) and (
            _is_negated(verb) or any(_denied_noun(child) for child in verb.children if child.dep_ in _OBJECTS)
        )
    ]
    return _names([_reporter(child) for verb in denied for child in verb.children if child.dep_ in SUBJECT_DEPS])


def _distinct_representatives(groups: Sequence[tuple[set[int], int]], best: Similarities) -> list[tuple[set[int], int]]:
    """The groups, each represented by a statement no larger group is represented by: two claims told in the
    words of one long sentence (each resting on another clause of it) would read as one claim twice."""
    taken: set[int] = set()
    chosen = {}
    for position in sorted(range(len(groups)), key=lambda position: -len(groups[position][0])):
        members, representative = groups[position]
        free = sorted(members - taken)
        if representative in taken and free:
            ordered = sorted(members)
            representative = _central(ordered, best.block(ordered, ordered), free)
        taken.add(representative)
        chosen[position] = representative
    return [(members, chosen[position]) for position, (members, _) in enumerate(groups)]


def _with_clause_groups(
    groups: Sequence[tuple[set[int], int]],
    unit_clusters: Sequence[Sequence[int]],
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    similarity: Similarities,
    best: Similarities,
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
            if members & owners and _holds(members, owners, best, threshold)
        ]
        if fits:
            members = max(fits, key=lambda members: len(members & owners))
            members.update(owners)
        else:
            # A whole statement reads best alone; a clause's statement stands for the group only failing one.
            candidates = [i for i in cluster if units[i].whole] or list(cluster)
            members = owners
            result.append((members, units[_central(cluster, similarity.block(cluster, cluster), candidates)].owner))
        linked.update(combinations(sorted(members), 2))
    # A group whose statements all sit in a larger one shows no evidence the larger one does not.
    return [(members, k) for members, k in result if not any(members < other for other, _ in result)]


def _with_anchor_groups(
    groups: list[tuple[set[int], int]],
    anchors: Sequence[Sequence[int]],
    sentences: Sequence[Sentence],
    best: Similarities,
    settings: Settings,
) -> list[tuple[set[int], int]]:
    """The groups, with a group of its own for each quote relayed by two or more articles (``anchors``: the
    statements carrying it) that no group holds for two of them. Average linkage can part such statements: one
    of them may be kept apart from the rest of the group the other joins (a clause of it, a speaker saying
    something else), and it then joins what it is closest to among the rest. Whatever else either says, the
    same quote relayed by two outlets is one statement they corroborate. Only the statements of it that share a
    run of its words with another article's (``_quoting``) count: an anchor names the statements holding the
    quote's sentence, which may relay little of its words."""
    result = list(groups)
    for anchor in anchors:
        members = _quoting(anchor, sentences, settings.align.anchor_shared_words)
        if len({sentences[k].article_id for k in members}) < 2 or any(
            len({sentences[k].article_id for k in members & group}) >= 2 for group, _ in result
        ):
            continue
        ordered = sorted(members)
        result.append((members, _central(ordered, best.block(ordered, ordered), ordered)))
    return result


def _quoting(anchor: Sequence[int], sentences: Sequence[Sentence], words: int) -> set[int]:
    """The statements of an anchor that share a run of at least ``words`` words with one of another article."""
    wordings = {k: _words(sentences[k].text) for k in anchor}
    return {
        k for k in anchor for other in anchor
        if sentences[k].article_id != sentences[other].article_id
        and _longest_run(wordings[k], wordings[other]) >= words
    }


def _longest_run(first: Sequence[str], second: Sequence[str]) -> int:
    """The length of the longest run of words two texts share."""
    return SequenceMatcher(None, first, second, autojunk=False).find_longest_match().size


def _carrying_units(
    groups: Sequence[set[int]], by_owner: Sequence[Sequence[int]], similarity: Similarities, threshold: float
) -> set[int]:
    """For each statement of each group, the unit the group rests on: the whole statement when it matches the
    others as a whole (average best match above ``threshold``), else its clause matching them best."""
    carrying = set()
    for group in groups:
        members = sorted(group)
        indices = [index for member in members for index in by_owner[member]]
        starts = np.cumsum([0, *(len(by_owner[member]) for member in members[:-1])])
        # Each of the group's units against each of its statements: the unit's best match among its units.
        to_statement = np.maximum.reduceat(similarity.block(indices, indices), starts, axis=1)
        for position, statement in enumerate(members):
            mine = by_owner[statement]
            others = [k for k in range(len(members)) if k != position]
            scores = to_statement[starts[position]:starts[position] + len(mine)][:, others].mean(axis=1)
            if scores[0] < threshold and len(mine) > 1:  # scores[0]: the whole statement
                scores[0] = -np.inf
            carrying.add(mine[int(np.argmax(scores))])
    return carrying


def _holds(members: set[int], joining: set[int], best: Similarities, threshold: float) -> bool:
    """Average linkage's test for merging: the statements ``joining`` a group match its ``members`` on average
    (``best``: the best unit match of each pair of statements) above ``threshold``."""
    new, old = sorted(joining - members), sorted(members - joining)
    return bool(new and old) and float(best.block(new, old).mean()) >= threshold


def _covered(units: Sequence[Unit], indices: Sequence[int], joined: set[int]) -> bool:
    """Whether what a statement says (its ``units``, at ``indices``) is all in groups: the statement itself, or
    every piece of it, carries one.

    A long sentence of which one clause is told elsewhere still stands as a claim of its own for the rest.
    """
    if any(unit.whole and index in joined for unit, index in zip(units, indices, strict=True)):
        return True
    pieces = [index for unit, index in zip(units, indices, strict=True) if unit.piece]
    return bool(pieces) and all(index in joined for index in pieces)


@dataclass(frozen=True, slots=True)
class UnitSimilarity:
    """``unit_similarity`` of the units of one story, computed for any block of unit pairs on demand."""

    #: Unit-length embeddings, one row per unit.
    vectors: np.ndarray
    #: Story TF-IDF rows (unit length, so a row product is their cosine).
    terms: csr_matrix
    #: Units x names and numbers mentioned.
    mentions: csr_matrix
    #: Units x the names of their agents (``Unit.agents``), in the columns of ``mentions``.
    agents: csr_matrix
    #: Units x the names of who speaks in them of another (``Unit.tellers``), in the same columns.
    tellers: csr_matrix
    #: Units x the names of who speaks in them (``Unit.voice``), in the same columns.
    voices: csr_matrix
    #: Units x units floors of the pairs known to say the same (``_anchor_floors``).
    floors: csr_matrix
    owners: np.ndarray
    is_clause: np.ndarray
    #: Whether each unit mentions any name or number.
    named: np.ndarray
    #: Whether each unit's agent is named.
    acted: np.ndarray
    #: Whether each unit reports what someone said (``Unit.beyond_speaker``).
    speaker: np.ndarray
    #: Whether each unit is a reporting clause with what was said taken out (``Unit.frame``).
    frame: np.ndarray
    #: Story TF-IDF rows of each unit without the phrases it quotes (``Unit.unquoted``), and which units quote one.
    unquoted: csr_matrix
    quotes_some: np.ndarray
    #: Story TF-IDF rows of what each unit says beyond who spoke (its text, for units not in ``speaker``).
    beyond_speaker: csr_matrix
    #: Which way each unit's main verb turns an activity (``Unit.aspect``) and moves an amount (``Unit.direction``).
    aspect: np.ndarray
    direction: np.ndarray
    #: Units x the story words each unit quotes (1 for each), and whether it quotes enough of them to compare.
    quoted: csr_matrix
    quoting: np.ndarray
    #: Each unit's statement's whole unit.
    wholes: np.ndarray
    settings: Settings
    #: The days of the week each unit names, one bit a day.
    weekdays: np.ndarray
    #: Story TF-IDF rows of each unit without the words of the names it mentions (``Unit.names``): what it says of
    #: whom and where.
    unnamed: csr_matrix
    #: Units x the lemmas of the words each asserts something with (``Unit.asserted``), and which units have them
    #: (a parse).
    asserted: csr_matrix
    parsed: np.ndarray

    def block(self, rows: Sequence[int] | np.ndarray, columns: Sequence[int] | np.ndarray) -> np.ndarray:
        """The similarities of ``rows`` x ``columns`` (unit indices)."""
        rows, columns = np.asarray(rows, dtype=np.intp), np.asarray(columns, dtype=np.intp)
        align = self.settings.align
        lexical = (self.terms[rows] @ self.terms[columns].T).toarray()
        block = np.clip(self.vectors[rows] @ self.vectors[columns].T, -1.0, 1.0) + align.lexical_weight * lexical
        block[np.logical_or.outer(self.is_clause[rows], self.is_clause[columns])] -= align.clause_penalty
        block[self.apart_by_words(rows, columns, lexical)] = _APART
        block[self._other_words_spoken(rows, columns)] = _APART
        if self.floors.nnz:  # most stories relay no quote: spare the sparse indexing
            floors = self.floors[rows][:, columns].tocoo()
            block[floors.row, floors.col] = np.maximum(block[floors.row, floors.col], floors.data)
        # Units of one sentence never merge: together they would only restate the sentence.
        block[self.owners[rows][:, None] == self.owners[columns][None, :]] = _APART
        return block

    def apart_by_words(
        self, rows: np.ndarray, columns: np.ndarray, lexical: np.ndarray | None = None
    ) -> np.ndarray:
        """The pairs of ``rows`` x ``columns`` kept apart whatever their embeddings (``lexical``: their story
        TF-IDF cosines, when known): the vetoes that read only words, names and agents."""
        if lexical is None:
            lexical = (self.terms[rows] @ self.terms[columns].T).toarray()
        # Two clauses about the same people and place embed close whatever they say.
        clauses = np.logical_or.outer(self.is_clause[rows], self.is_clause[columns])
        apart = clauses & (lexical < self.settings.align.clause_min_lexical)
        # ... besides a phrase one of them quotes (``_quoted_phrases``): what a clause says of a borrowed phrase
        # ("the 'open door', a phrase critics read as ...") is not what its speaker said with it.
        quoting = np.logical_or.outer(self.quotes_some[rows], self.quotes_some[columns])
        if quoting.any():
            unquoted = (self.unquoted[rows] @ self.unquoted[columns].T).toarray()
            apart |= clauses & quoting & (unquoted < self.settings.align.clause_min_lexical)
        # Two clauses must share a word besides names: two clauses of one person and place sharing no other word tell
        # two things done there ("took refuge in the embassy" / "was carried out of the embassy"). Not two reports of
        # speech: a speaker's name is what they are matched on (``_other_words_spoken``).
        # Nor where one relays a quote, which the quote's own words match (a tweet's capitalised words read as names).
        telling = np.logical_and.outer(self.speaker[rows], self.speaker[columns])
        telling |= np.logical_or.outer(self.quoting[rows], self.quoting[columns])
        unnamed = (self.unnamed[rows] @ self.unnamed[columns].T).toarray()
        apart |= clauses & ~telling & (unnamed <= 0)
        # Nor do two statements sharing only what they are about: the names, the words telling which one is meant,
        # the dates ("Welcome to the new X" / "The new X is much like the old one"); a word of what they say of it
        # must be shared (``Unit.asserted``). Lemmas, so "launches" and "launched" are one word. Not two naming many of
        # the same rare names: a list told with two verbs ("names X, Y and Z as defendants" / "is targeting X, Y, Z").
        said = (self.asserted[rows] @ self.asserted[columns].T).toarray() > 0
        listing = lexical >= self.settings.align.unasserted_max_lexical
        apart |= np.logical_and.outer(self.parsed[rows], self.parsed[columns]) & ~telling & ~said & ~listing
        # Statements naming different people, places or numbers and none in common are about different things,
        # however alike their wording ("China has long favoured a treaty" / "X has long sought a treaty").
        shared = (self.mentions[rows] @ self.mentions[columns].T).toarray() > 0
        apart |= np.logical_and.outer(self.named[rows], self.named[columns]) & ~shared
        apart |= self._other_agents(rows, columns)
        # One tells what someone did, the other only that they spoke of another: two things.
        apart |= (self.agents[rows] @ self.tellers[columns].T).toarray() > 0
        apart |= (self.tellers[rows] @ self.agents[columns].T).toarray() > 0
        # One turning an activity on and the other off say opposite things, however alike their other words.
        apart |= np.multiply.outer(self.aspect[rows], self.aspect[columns]) < 0
        # So do one moving an amount up and the other down ("raised the fare" / "cut the fare").
        apart |= np.multiply.outer(self.direction[rows], self.direction[columns]) < 0
        # Told of different days of the week and no day in common, they tell two occasions ("asked on Friday" /
        # "said late Thursday"), however alike who acted and what about.
        days = np.bitwise_and.outer(self.weekdays[rows], self.weekdays[columns]) == 0
        apart |= days & np.logical_and.outer(self.weekdays[rows] > 0, self.weekdays[columns] > 0)
        # Quotes sharing little of their words are different words spoken, whatever else the units share.
        quoting = np.logical_and.outer(self.quoting[rows], self.quoting[columns])
        if quoting.any():
            apart |= quoting & (self._shared_quoted(rows, columns) < self.settings.align.same_quote_min_shared)
        return apart

    def _shared_quoted(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The share of the shorter quote's words the other quote gives too, for each pair of ``rows`` x
        ``columns``: an excerpt of a longer relay of one quote gives only its words."""
        shared = (self.quoted[rows] @ self.quoted[columns].T).toarray()
        sizes = np.asarray(self.quoted.sum(axis=1)).ravel()
        shorter = np.minimum.outer(sizes[rows], sizes[columns])
        return shared / np.maximum(shorter, 1.0)

    def _other_words_spoken(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Pairs involving a unit that reports what someone said, whose statements are not on one point (what
        was said included) and which beyond the speaker share few story words: they match on who spoke and how
        they are described, and one speaker saying two things is two claims. What they share besides the speaker
        keeps a pair: what was said, or the occasion ("at a party meeting", "in a statement", "in court"); but not
        the occasion alone, for a unit telling no more (``Unit.frame``) and another's speaker by another name."""
        align = self.settings.align

        def apart(first: np.ndarray, second: np.ndarray) -> np.ndarray:
            said = self.vectors[self.wholes[first]] @ self.vectors[self.wholes[second]].T
            beyond = (self.beyond_speaker[first] @ self.beyond_speaker[second].T).toarray()
            # A unit telling only who spoke and where (``Unit.frame``) shares nothing but the occasion with another
            # telling what someone else said there ("officials said after meeting X" / "X told officials at the
            # meeting"); one speaker on one occasion is one claim.
            framed = np.logical_and.outer(self.frame[first], self.speaker[second])
            framed |= np.logical_and.outer(self.speaker[first], self.frame[second])
            framed &= (self.voices[first] @ self.voices[second].T).toarray() == 0
            return (said < align.speaker_same_point_similarity) & ((beyond < align.clause_min_lexical) | framed)

        # Computed only where a speaker is: most units report no speech.
        result = np.zeros((len(rows), len(columns)), dtype=bool)
        speaking_rows, speaking_columns = np.flatnonzero(self.speaker[rows]), np.flatnonzero(self.speaker[columns])
        if len(speaking_rows):
            result[speaking_rows] = apart(rows[speaking_rows], columns)
        if len(speaking_columns):
            result[:, speaking_columns] = apart(rows, columns[speaking_columns])
        return result

    def _other_agents(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Pairs whose main verbs are done by different named people, neither of whom the other unit names at all
        ("X warned Y" / "Z warned W"): two acts, whatever the verb and topic they share. Naming the other's agent
        anywhere keeps a pair (a passive, a swapped subject: "X met Y" / "Y met with X")."""
        result = np.zeros((len(rows), len(columns)), dtype=bool)
        acting_rows, acting_columns = np.flatnonzero(self.acted[rows]), np.flatnonzero(self.acted[columns])
        if not len(acting_rows) or not len(acting_columns):  # computed only where both have agents
            return result
        first, second = rows[acting_rows], columns[acting_columns]
        # An agent is named by its own unit even where the tagger took the name for a common noun.
        mine_named = (self.agents[first] @ (self.mentions[second] + self.agents[second]).T).toarray() > 0
        theirs_named = ((self.mentions[first] + self.agents[first]) @ self.agents[second].T).toarray() > 0
        result[np.ix_(acting_rows, acting_columns)] = ~mine_named & ~theirs_named
        return result


@dataclass(frozen=True, slots=True)
class HeldSimilarity:
    """The similarities of a story small enough to hold them whole (``matrix``, units x units)."""

    matrix: np.ndarray
    owners: np.ndarray

    def block(self, rows: Sequence[int] | np.ndarray, columns: Sequence[int] | np.ndarray) -> np.ndarray:
        return self.matrix[np.ix_(rows, columns)]


@dataclass(frozen=True, slots=True)
class BestMatches:
    """Each pair of statements' best unit match (the statement or a clause of it against the other's), for
    any block of statement pairs on demand, from blocks of unit similarities of bounded size."""

    units: UnitSimilarity | HeldSimilarity
    #: Each statement's units.
    by_owner: Sequence[Sequence[int]]

    def block(self, rows: Sequence[int] | np.ndarray, columns: Sequence[int] | np.ndarray) -> np.ndarray:
        """The best matches of ``rows`` x ``columns`` (statement indices)."""
        columns_units, column_starts = self._units_of(columns)
        result = np.empty((len(rows), len(columns)))
        start = 0
        while start < len(rows):
            stop, cells = start + 1, len(self.by_owner[rows[start]]) * len(columns_units)
            while stop < len(rows) and cells + len(self.by_owner[rows[stop]]) * len(columns_units) <= _BLOCK_CELLS:
                cells += len(self.by_owner[rows[stop]]) * len(columns_units)
                stop += 1
            rows_units, row_starts = self._units_of(rows[start:stop])
            block = self.units.block(rows_units, columns_units)
            result[start:stop] = np.maximum.reduceat(
                np.maximum.reduceat(block, column_starts, axis=1), row_starts, axis=0
            )
            start = stop
        return result

    def _units_of(self, statements: Sequence[int] | np.ndarray) -> tuple[list[int], np.ndarray]:
        """The units of ``statements`` one statement after another, and where each statement's units start."""
        units = [self.by_owner[statement] for statement in statements]
        return [index for own in units for index in own], np.cumsum([0, *(len(own) for own in units[:-1])])


Similarities = UnitSimilarity | HeldSimilarity | BestMatches


def unit_similarity(
    units: Sequence[Unit],
    statement_texts: Sequence[str],
    settings: Settings = DEFAULT_SETTINGS,
    floors: csr_matrix | None = None,
) -> UnitSimilarity:
    """Embedding cosine plus a weighted share of the story-specific words two units have in common.

    Sentence embeddings place any two sentences of one story close together (same people, same event), so on
    their own they merge different facts about it. The lexical term rewards words that are rare within the
    story (a place, a number, an unusual verb) and ignores those every sentence shares; word rarity is learnt
    from ``statement_texts``. A pair involving a clause scores a small penalty below a whole-sentence pair of
    the same strength (a clause is shorter, so a chance match is likelier) and must share rare words. Pairs
    naming different things, and units of one statement, are kept apart; ``floors`` raise known pairs.
    """
    texts = [unit.text for unit in units]
    mentions, agents, tellers, voices = _mentions(units)
    whole = {unit.owner: index for index, unit in enumerate(units) if unit.whole}
    # Every unit is compared on what its statement quotes, the quote taken out of it or not ("the man wrote in the
    # report", "a note accompanying the report"): two statements of different quotes tell two things said.
    quotes = [quoted_words(texts[whole[unit.owner]]) for unit in units]
    vectorizer = _story_vectorizer(statement_texts)
    unembedded = UnitSimilarity(
        vectors=np.zeros((len(units), 0), dtype=np.float32),
        terms=_story_tfidf(vectorizer, [unit.text if unit.worded is None else unit.worded for unit in units]),
        mentions=mentions,
        agents=agents,
        tellers=tellers,
        voices=voices,
        floors=floors if floors is not None else csr_matrix((len(units), len(units))),
        owners=np.asarray([unit.owner for unit in units]),
        is_clause=np.asarray([not unit.whole for unit in units]),
        named=np.asarray([bool(unit.names) for unit in units]),
        acted=np.asarray([bool(unit.agents) for unit in units]),
        speaker=np.asarray([unit.beyond_speaker is not None for unit in units]),
        frame=np.asarray([unit.frame for unit in units]),
        unquoted=_story_tfidf(vectorizer, [unit.text if unit.unquoted is None else unit.unquoted for unit in units]),
        quotes_some=np.asarray([unit.unquoted is not None for unit in units]),
        beyond_speaker=_story_tfidf(
            vectorizer, [unit.text if unit.beyond_speaker is None else unit.beyond_speaker for unit in units]
        ),
        wholes=np.asarray([whole[unit.owner] for unit in units]),
        aspect=np.asarray([unit.aspect for unit in units], dtype=np.int8),
        direction=np.asarray([unit.direction for unit in units], dtype=np.int8),
        quoted=_story_tfidf(vectorizer, quotes).sign(),
        quoting=np.asarray([len(content_terms(quote)) >= settings.align.distinct_quote_min_terms for quote in quotes]),
        settings=settings,
        weekdays=np.asarray([sum(bit for day, bit in _WEEKDAY_BITS.items() if day in unit.names) for unit in units]),
        unnamed=_story_tfidf(vectorizer, [_unnamed(unit) for unit in units]),
        asserted=_incidence([unit.asserted or frozenset() for unit in units]),
        parsed=np.asarray([unit.asserted is not None for unit in units]),
    )
    return replace(unembedded, vectors=_embedded(texts, _needing_vectors(unembedded)))


def _incidence(sets: Sequence[frozenset[str]]) -> csr_matrix:
    """Rows x the words of ``sets`` (1 where a row holds a word), in a vocabulary of their own."""
    vocabulary: dict[str, int] = {}
    rows = [row for row, words in enumerate(sets) for _ in words]
    columns = [vocabulary.setdefault(word, len(vocabulary)) for words in sets for word in sorted(words)]
    return csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(sets), max(len(vocabulary), 1)))


def _unnamed(unit: Unit) -> str:
    """A unit's words without those of the proper names it mentions."""
    return " ".join(word for word in _TERM.findall(unit.text.lower()) if word not in unit.names)


def _asks(text: str) -> bool:
    """Whether a statement is a question: it ends with a question mark, closing quotation marks aside."""
    return text.rstrip(_CLOSING).endswith("?")


def _needing_vectors(similarity: UnitSimilarity) -> np.ndarray:
    """The units whose embeddings a similarity can read: those with a pair of another statement that no word
    veto keeps apart, and their statements' whole units (the speaker check compares those). Embedding is most
    of the stage's cost, and a clause sharing too few story words with anything never needs one."""
    count = len(similarity.owners)
    needed = np.zeros(count, dtype=bool)
    # Statements sharing something specific are compared whatever words they assert it with (``_specific_anchors``).
    similarity = replace(similarity, parsed=np.zeros_like(similarity.parsed))
    step = max(1, _BLOCK_CELLS // max(count, 1))
    for start in range(0, count, step):
        rows, columns = np.arange(start, min(start + step, count)), np.arange(start, count)
        live = ~similarity.apart_by_words(rows, columns)
        live &= similarity.owners[rows][:, None] != similarity.owners[columns][None, :]
        needed[rows[live.any(axis=1)]] = True
        needed[columns[live.any(axis=0)]] = True
    needed[similarity.wholes[needed]] = True
    return needed


def _embedded(texts: Sequence[str], needed: np.ndarray) -> np.ndarray:
    """Embeddings of the ``needed`` texts, zero rows for the others (which no similarity reads)."""
    found = embed([text for text, wanted in zip(texts, needed, strict=True) if wanted])
    vectors = np.zeros((len(texts), found.shape[1]), dtype=np.float32)
    vectors[needed] = found
    return vectors


def _mentions(units: Sequence[Unit]) -> tuple[csr_matrix, csr_matrix, csr_matrix, csr_matrix]:
    """Units x the names and numbers they mention, units x the names of their agents, units x the names of who
    speaks in them of another, and units x the names of who speaks in them (one vocabulary)."""
    vocabulary: dict[str, int] = {}
    matrices = []
    for part in ("names", "agents", "tellers", "voice"):
        rows, columns = [], []
        for row, unit in enumerate(units):
            for name in getattr(unit, part):
                rows.append(row)
                columns.append(vocabulary.setdefault(name, len(vocabulary)))
        matrices.append((rows, columns))
    shape = (len(units), max(len(vocabulary), 1))
    mentions, agents, tellers, voices = (
        csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape) for rows, columns in matrices
    )
    return mentions, agents, tellers, voices


#: Unit pairs compared at a time (a block of rows against all units): bounds the memory the comparison takes,
#: some ten arrays of this many cells (8 MB each), whatever the story's size.
_BLOCK_CELLS = 1 << 20


def _scan(similarity: UnitSimilarity | HeldSimilarity, limit: float) -> Edges:
    """The unit pairs closer than ``limit``, the only ones that can start a group: one pass over all unit
    pairs, a block of rows at a time, each pair visited once (the upper triangle; the similarity is symmetric).
    """
    count = len(similarity.owners)
    firsts, seconds, distances = [], [], []
    step = max(1, _BLOCK_CELLS // count)
    for start in range(0, count, step):
        rows, columns = np.arange(start, min(start + step, count)), np.arange(start, count)
        distance = _distance(similarity.block(rows, columns))
        row, column = np.nonzero((distance < limit) & (columns[None, :] > rows[:, None]))
        firsts.append(rows[row])
        seconds.append(columns[column])
        distances.append(distance[row, column])
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(distances)


def statement_edges(unit_edges: Edges, owners: np.ndarray) -> Edges:
    """The statement pairs closer than the limit, given the unit pairs closer than it (``unit_edges``):
    a statement pair's best match is its best unit pair's, so each pair owning a close unit pair, at the
    least distance of its unit pairs."""
    first, second, distance = unit_edges
    low, high = np.minimum(owners[first], owners[second]), np.maximum(owners[first], owners[second])
    order = np.lexsort((distance, high, low))  # by statement pair, the closest unit pair first
    low, high, distance = low[order], high[order], distance[order]
    first_of_pair = np.ones(len(low), dtype=bool)
    first_of_pair[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return low[first_of_pair], high[first_of_pair], distance[first_of_pair]


#: Dependency labels of words that head a clause of their own inside a sentence (not xcomp: it completes the
#: main clause, which without it says nothing).
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"})
#: Clauses that are the object of the verb above them: what was said, thought or found ("said that ...").
_CLAUSAL_OBJECTS = frozenset({"ccomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence that could stand as a statement, headed by ``head`` (its verb); ``piece``: whether
    it is one of the pieces that together make up the sentence."""

    text: str
    piece: bool
    head: Token
    #: When it reports what someone said ("X told reporters on Monday that ..."), what it says beyond who spoke.
    beyond_speaker: str | None = None
    #: It reports what someone said with what was said taken out ("X told reporters on Monday"): who spoke, no more.
    frame: bool = False
    #: Its own words: without the subject it shares with the clause it hangs on (``_shared_subject``).
    tokens: tuple[Token, ...] = ()


def clause_units(
    sentence: Sentence, doc: Doc | None, settings: Settings = DEFAULT_SETTINGS
) -> list[tuple[str, bool]]:
    """The sentence's clauses that could stand as statements, each with whether it is a piece (``_clauses``)."""
    span = _span(sentence, {sentence.article_id: doc}) if doc is not None else None
    return [(clause.text, clause.piece) for clause in _clauses(sentence, span, settings)]


def _clauses(sentence: Sentence, span: Span | None, settings: Settings = DEFAULT_SETTINGS) -> list[Clause]:
    """Each subordinate, relative, participial or coordinated clause (with the subject it shares, when it has
    none of its own), the same clause without the clauses nested in it, and the main clause without them all;
    the pieces are the clauses without their nested clauses, and the main clause.

    """
    if span is None:
        return []
    heads = [t for t in span if t.i != span.root.i and _heads_clause(t)]
    candidates: dict[str, Clause] = {}
    for head in [*heads, span.root]:
        inner = [other for other in heads if other.i != head.i and head.is_ancestor(other)]
        removed = {t.i for other in inner for t in other.subtree}
        subject = _shared_subject(head) if head.i != span.root.i else ""
        tokens = list(head.subtree) if head.i != span.root.i else list(span)
        kept = [t for t in tokens if t.i not in removed]
        text = subject + _text(_trimmed(kept))
        frame = head.lemma_.lower() in _REPORTING and any(
            child.dep_ in _CLAUSAL_OBJECTS and child.i in removed for child in head.children
        )
        counted = _counted_noun(head) if subject else []
        candidates[text] = Clause(text, True, head, _beyond_speaker(head, kept), frame, (*counted, *kept))
        text = subject + _text(_trimmed(tokens))
        candidates.setdefault(
            text, Clause(text, False, head, _beyond_speaker(head, tokens), tokens=(*counted, *tokens))
        )
    return [
        clause for clause in candidates.values()
        if clause.text != sentence.text and len(content_terms(clause.text)) >= settings.align.min_clause_terms
    ]


#: Entity types of those who speak for themselves: people, organisations, places standing for their governments.
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _beyond_speaker(verb: Token, tokens: Sequence[Token]) -> str | None:
    """When ``verb`` reports what someone said, thought or found (it has a clausal object, in ``tokens`` or
    not), the text of ``tokens`` without the verb and the speaker: the verb's subject when it names someone or
    is a pronoun, with all it holds (a title, an apposition). A common noun ("a statement from X") is part of
    what is said. None for a verb reporting nothing."""
    if not any(child.dep_ in _CLAUSAL_OBJECTS for child in verb.children):
        return None
    speakers = [
        child for child in verb.children
        if child.dep_ in SUBJECT_DEPS and (child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in _SPEAKER_ENTITIES)
    ]
    out = {verb.i, *(t.i for speaker in speakers for t in speaker.subtree)}  # "said" is no shared content
    return _text([t for t in tokens if t.i not in out])


def _heads_clause(token: Token) -> bool:
    """A verb heading a clause, or a predicate adjective with its own subject ("X was not impressed")."""
    if token.dep_ not in _CLAUSE_HEADS:
        return False
    if token.dep_ == "acl":  # participial phrases only: "a memo outlining ...", not "the decision to ..."
        return token.pos_ == "VERB" and token.tag_ in {"VBG", "VBN"} and not _names_its_maker(token)
    if token.dep_ == "advcl" and (_is_purpose(token) or _is_supposed_event(token)):
        return False
    return token.pos_ in {"VERB", "AUX"} or any(child.dep_ in SUBJECT_DEPS for child in token.children)


def _is_purpose(verb: Token) -> bool:
    """An infinitive without a subject of its own saying what something was done for ("... hacked the servers to
    hurt the candidate"): it tells an aim, not what happened, and two different acts of one aim match on it."""
    return verb.tag_ == "VB" and not any(child.dep_ in SUBJECT_DEPS for child in verb.children) and any(
        child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children
    )


#: Subordinators of a clause telling an event yet to come that another waits on ("before X agrees", "until X pays").
_AWAITING = frozenset({"before", "until", "till", "once"})


def _is_supposed_event(verb: Token) -> bool:
    """A subordinate clause that asserts nothing: a condition ("if the case proceeds", "unless X signs") or an event
    yet to come that the main clause waits on, in the present tense ("... before X agrees to give up Y"). Two such
    clauses of different facts match on what was supposed, which neither outlet says happened."""
    marks = {child.lower_ for child in verb.children if child.dep_ == "mark"}
    return bool(marks & CONDITIONS) or bool(marks & _AWAITING) and verb.tag_ in {"VB", "VBP", "VBZ"}


def _names_its_maker(participle: Token) -> bool:
    """A passive participle that tells which thing is meant by who made it ("the memos written by X", "a statement
    carried by Y"): no news of its own, and alike in two reports of different facts, which it matched. Set off by
    a comma it tells what happened ("The audit, released by X on Friday, found ...")."""
    before = participle.doc[participle.left_edge.i - 1] if participle.left_edge.i > 0 else None
    restrictive = before is None or before.text not in {",", "(", "—", "–"}
    return participle.tag_ == "VBN" and restrictive and any(child.dep_ == "agent" for child in participle.children)


#: Tags of the relative pronouns ("who", "which", "that") a relative clause opens with.
_RELATIVE_PRONOUNS = frozenset({"WDT", "WP"})


def _shared_subject(head: Token) -> str:
    """What a clause without a subject of its own is about: the noun a relative or participial clause hangs
    on, or the subject of the verb a coordinated verb joins. A relative clause whose subject is its relative
    pronoun ("who is named as a defendant", "that sought to ...") is about the noun too: without it, it would
    match the same words said of anyone or anything else."""
    subjects = [child for child in head.children if child.dep_ in SUBJECT_DEPS]
    if any(subject.tag_ not in _RELATIVE_PRONOUNS for subject in subjects) or subjects and head.dep_ != "relcl":
        return ""
    if head.dep_ in {"acl", "relcl"}:
        noun = head.head
        return _text([t for t in noun.subtree if t.i <= noun.i]) + " "
    if head.dep_ == "conj":
        subjects = [child for child in head.head.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            return _text(list(subjects[0].subtree)) + " "
    return ""


def _counted_noun(head: Token) -> list[Token]:
    """The words of the noun a relative or participial clause hangs on when a number counts it ("28 crew members
    stationed at the base"): the count of what it tells of is part of what the clause tells. Any other noun it
    hangs on is what the clause is about, shared with whatever else is said of it."""
    noun = head.head
    if head.dep_ not in {"acl", "relcl"} or not any(child.dep_ == "nummod" for child in noun.children):
        return []
    return [t for t in noun.subtree if t.i <= noun.i]


#: Coordinators and separators a clause is left ending or starting with once the clauses joined to it are taken
#: out ("X was willing to talk and" of "X was willing to talk and would stop").
_DANGLING = frozenset({",", ";", "—", "–", "and", "but", "or"})


def _trimmed(tokens: Sequence[Token]) -> list[Token]:
    """A clause's tokens without the coordinators and separators left dangling at either end: words of no
    clause, which only make two clauses of different facts look alike."""
    start, end = 0, len(tokens)
    while start < end and _dangles(tokens[end - 1]):
        end -= 1
    while start < end and _dangles(tokens[start]):
        start += 1
    return list(tokens[start:end])


def _dangles(token: Token) -> bool:
    return token.dep_ in {"cc", "punct"} and token.lower_ in _DANGLING


def _text(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _story_vectorizer(fit_on: Sequence[str]) -> TfidfVectorizer | None:
    """Story TF-IDF, word rarity learnt from ``fit_on`` (the story's statements); None when they hold no content
    word."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(tokenizer=content_terms, lowercase=False, token_pattern=None)
    try:
        return vectorizer.fit(fit_on)
    except ValueError:  # no content word in any statement
        return None


def _story_tfidf(vectorizer: TfidfVectorizer | None, texts: Sequence[str]) -> csr_matrix:
    """TF-IDF rows of ``texts`` (unit length) in the story's ``vectorizer``."""
    if vectorizer is None:
        return csr_matrix((len(texts), 1))
    return vectorizer.transform(texts).tocsr()


def content_terms(text: str) -> list[str]:
    """Lower-cased content words with possessives and plural endings folded, stop words out."""
    terms = []
    for word in _TERM.findall(_THOUSANDS.sub("", text.lower().replace("’", "'"))):
        word = word.removesuffix("'s")
        if word in STOP_WORDS or len(word) < 2:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        terms.append(word)
    return terms


#: Pairs of items with their distance: (first indices, second indices, distances).
Edges = tuple[np.ndarray, np.ndarray, np.ndarray]


def _distance(similarity: np.ndarray) -> np.ndarray:
    """Linkage distance of a similarity; a pair counts at most as a perfect match (the lexical bonus above 1
    adds no more evidence to an average)."""
    return np.maximum(1.0 - similarity, 0.0)


def _summed(similarity: Similarities) -> Callable[[Sequence[int], Sequence[int]], float]:
    """The distance sum of two sets of items, for ``average_linkage``."""
    return lambda first, second: float(_distance(similarity.block(first, second)).sum())


def average_linkage(
    count: int, edges: Edges, distance_sum: Callable[[Sequence[int], Sequence[int]], float], limit: float
) -> list[list[int]]:
    """Average-linkage clusters of items ``0 .. count - 1``: clusters merge while their mean distance (over all
    their pairs of items) is below ``limit``. Clusters in order of their first item, each in item order.

    Exact without the full distance matrix: a mean below the limit needs a pair below it, so only clusters
    that ``edges`` (every pair closer than ``limit``) join can merge. The distance sum of each such pair of
    clusters is kept as they merge; for the items no edge joins, ``distance_sum(first items, second items)``
    supplies it once.

    Merges follow the nearest-neighbour chain, as the usual dense implementation (scipy's, under sklearn's)
    does: from the first cluster that can still merge, step to its nearest neighbour (on a tie the one it came
    from, else the first) until two are each other's nearest, and merge them into the later one's place.
    Without ties any order gives the same clusters; ties are common (every pair above a perfect match is at
    distance 0), and this order settles them as the dense one does, short of its chains that start from a
    cluster never to merge.
    """
    members: dict[int, list[int]] = {item: [item] for item in range(count)}
    sums: dict[int, dict[int, float]] = {item: {} for item in range(count)}  # cluster -> neighbour -> distance sum
    for first, second, distance in zip(*(part.tolist() for part in edges), strict=True):
        sums[first][second] = sums[second][first] = distance
    settled: set[int] = set()  # no neighbour closer than the limit: never merges again
    chain: list[int] = []
    start = 0
    while True:
        if not chain:
            start = next((k for k in range(start, count) if k in members and k not in settled), count)
            if start == count:
                break
            chain.append(start)
        nearest, distance = _nearest(chain, members, sums)
        if distance >= limit:  # only a chain's start: each later link is closer than the one before
            settled.add(chain.pop())
        elif len(chain) > 1 and nearest == chain[-2]:
            _merge(chain.pop(), chain.pop(), members, sums, distance_sum)
        else:
            chain.append(nearest)
    return sorted(members.values())


def _nearest(
    chain: Sequence[int], members: Mapping[int, list[int]], sums: Mapping[int, dict[int, float]]
) -> tuple[int, float]:
    """The nearest neighbour of the chain's last cluster and their mean distance: the cluster before it in the
    chain on a tie, else the first in order."""
    last = chain[-1]

    def mean(other: int) -> float:
        return sums[last][other] / (len(members[last]) * len(members[other]))

    nearest, least = (chain[-2], mean(chain[-2])) if len(chain) > 1 else (-1, np.inf)
    for other in sorted(sums[last]):
        if mean(other) < least:
            nearest, least = other, mean(other)
    return nearest, least


def _merge(
    first: int,
    second: int,
    members: dict[int, list[int]],
    sums: dict[int, dict[int, float]],
    distance_sum: Callable[[Sequence[int], Sequence[int]], float],
) -> None:
    """Merge two clusters into the later one's place, with its distance sum to each neighbour of either."""
    near = _merged_sums(first, second, members, sums, distance_sum)
    merged = max(first, second)
    members[merged] = sorted(members.pop(first) + members.pop(second))
    sums[merged] = near
    for neighbour, total in near.items():
        sums[neighbour][merged] = total


def _merged_sums(
    first: int,
    second: int,
    members: Mapping[int, list[int]],
    sums: dict[int, dict[int, float]],
    distance_sum: Callable[[Sequence[int], Sequence[int]], float],
) -> dict[int, float]:
    """The distance sums of the union of two clusters to each neighbour of either: the sum of theirs, the one
    a neighbour of only one of them lacks computed from its items."""
    near_first, near_second = sums.pop(first), sums.pop(second)
    result = {}
    for neighbour in (near_first.keys() | near_second.keys()) - {first, second}:
        others = members[neighbour]
        result[neighbour] = (
            near_first[neighbour] if neighbour in near_first else distance_sum(members[first], others)
        ) + (near_second[neighbour] if neighbour in near_second else distance_sum(members[second], others))
        sums[neighbour].pop(first, None)
        sums[neighbour].pop(second, None)
    return result


def voices(article_ids: Sequence[str], duplicate_of: Mapping[str, str]) -> set[str]:
    """Distinct voices among ``article_ids``: an article and its copies speak once."""
    return {duplicate_of.get(article_id, article_id) for article_id in article_ids}


def claims_from_groups(
    groups: Sequence[StatementGroup],
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str] | None = None,
    contradictions: Sequence[Contradiction] = (),
) -> list[Claim]:
    """One claim per group: corroborated when two or more voices make it, single-source otherwise, and
    contradicted when one of ``contradictions`` disputes one of its sentences (``_contradicted``).

    Its independent origins are counted by ``settle``, which also knows the reporting each sentence cites.
    """
    duplicate_of = duplicate_of or {}
    disputed = _evidence_of(contradictions, _DISPUTING_KINDS)
    detail_disputed = _evidence_of(contradictions, _DISPUTING_KINDS - _DESCRIBING_KINDS)
    claims = []
    for group in groups:
        article_ids = list(dict.fromkeys(sentence.article_id for sentence in group.sentences))
        evidence = [
            Evidence(s.article_id, s.text, articles[s.article_id].source, s.start) for s in group.sentences
        ]
        outlets = list(dict.fromkeys(articles[article_id].source for article_id in article_ids))
        speakers = voices(article_ids, duplicate_of)
        status = "corroborated" if len(speakers) >= 2 and len(outlets) >= 2 else "single_source"
        if _contradicted(evidence, detail_disputed if group.own_details else disputed):
            status = "contradicted"
        claims.append(
            Claim(
                text=group.label or group.representative.text,
                status=status,
                sources=article_ids,
                evidence=evidence,
                outlets=outlets,
                details=list(group.own_details),
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
    """Statements of one group that say the same words, one outlet with a negation and another without; then,
    across groups, the ``predicate_contradictions`` of all their statements.

    Only near-identical wording counts within a group (the content lemmas, negation aside, overlap almost
    entirely, and the negated word is said by the other), since paraphrases move negation around freely ("will
    not join" / "would be barred from joining").
    """
    found = []
    flagged: set[tuple[Sentence, Sentence]] = set()
    for group in groups:
        readings = [(sentence, _negation_reading(sentence, docs)) for sentence in group.sentences]
        negated = [(sentence, reading) for sentence, reading in readings if reading.negated]
        affirmed = [(sentence, reading) for sentence, reading in readings if not reading.negated]
        pairs = [
            (yes, no) for yes, yes_reading in affirmed for no, no_reading in negated
            if outlet_of[yes.article_id] != outlet_of[no.article_id] and _denies(no_reading, yes_reading, settings)
        ]
        if not pairs:
            continue
        flagged.update(pairs)
        sides = [list(dict.fromkeys(pair[k] for pair in pairs)) for k in (0, 1)]
        found.append(Contradiction(
            subject=group.representative.text,
            kind="negation",
            positions=[_sentences_position(side, outlet_of) for side in sides],
        ))
    statements = list(dict.fromkeys(sentence for group in groups for sentence in group.sentences))
    found += [
        contradiction for contradiction in predicate_contradictions(statements, docs, outlet_of)
        if (contradiction.positions[0].evidence[0].quote, contradiction.positions[1].evidence[0].quote)
        not in {(yes.text, no.text) for yes, no in flagged}
    ]
    return found


@dataclass(frozen=True, slots=True)
class Predication:
    """What a clause says of named things: ``predicate`` (a verb's lemma, or the role noun it gives them, as in
    "named X as a defendant") holds of ``arguments`` (the proper names among its subjects and objects)."""

    predicate: str
    arguments: frozenset[str]
    negated: bool
    #: The predicate is a role noun given them, not a verb.
    role: bool = False


def predicate_contradictions(
    statements: Sequence[Sentence], docs: Mapping[str, Doc], outlet_of: Mapping[str, str]
) -> list[Contradiction]:
    """Statements of two outlets saying the same predicate of the same named things, one negated and one not,
    whether or not their sentences are alike ("a list of defendants that includes X" / "does not name X as a
    defendant"). Its kind is "predicate": it disputes one clause of sentences that may say more, so unlike a
    negation of a whole statement it does not mark their claims contradicted."""
    said: dict[tuple[str, frozenset[str], bool], dict[bool, list[Sentence]]] = {}
    for sentence in statements:
        span = _span(sentence, docs)
        if span is None or sentence.text.rstrip().endswith("?"):
            continue
        for predication in dict.fromkeys(predications(span)):
            sides = said.setdefault((predication.predicate, predication.arguments, predication.role), {})
            sides.setdefault(predication.negated, []).append(sentence)
    found = []
    for (predicate, arguments, role), sides in said.items():
        affirmed, negated = sides.get(False, []), sides.get(True, [])
        yes = [s for s in affirmed if any(outlet_of[s.article_id] != outlet_of[n.article_id] for n in negated)]
        no = [s for s in negated if any(outlet_of[s.article_id] != outlet_of[a.article_id] for a in affirmed)]
        if yes and no:
            names = ", ".join(sorted(_as_written(name, no[0].text) for name in arguments))
            positions = [_sentences_position(list(dict.fromkeys(side)), outlet_of) for side in (yes, no)]
            positions[0].value, positions[1].value = "says so", "says not"
            found.append(Contradiction(
                subject=f"{names} as {predicate}" if role else f"{names}: {predicate}",
                kind="predicate",
                positions=positions,
            ))
    return found


def _as_written(name: str, text: str) -> str:
    """A name keyed in lower case, as ``text`` writes it."""
    written = re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)
    return written.group(0) if written else name


_OBJECTS = frozenset({"dobj", "attr"})
#: Verbs that say their object is one of their subject ("the defendants include X").
_MEMBERSHIP = frozenset({"include"})
#: Verbs of thought, which report a clause as verbs of speech do ("X believes Y won"); not in ``claims.speech``,
#: whose verbs are those whose subject is the source of words reported.
_THINKING = frozenset({"think", "believe"})
#: Verbs of speech and thought: what they predicate is the clause they introduce, not their subject.
_REPORTING = SPEECH_VERBS | _THINKING


def predications(span: Span) -> list[Predication]:
    """The predications of a sentence's clauses that are not hedged ("if", "whether") nor under a negation of
    a clause above them (which would flip them back)."""
    found = []
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _REPORTING or _hedged(verb):
            continue
        negated = _is_negated(verb)
        subjects = [_antecedent(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if any(subject.tag_ in {"WDT", "WP"} for subject in subjects):
            continue  # a relative pronoun left unresolved: who the clause is about is unknown
        objects = [c for c in verb.children if c.dep_ in _OBJECTS]
        # "has no government" denies as "has not had a government" does; "barely landed a punch" as "did not".
        negated = negated or any(_denied_noun(obj) for obj in objects) or _barely(verb)
        named = _names([*subjects, *objects])
        # Who does it must be named: "he will not host the show" and "she will host the show" are two people.
        if _names(subjects) and verb.lemma_.lower() != "be":
            found.append(Predication(_predicate(verb, objects), named, negated))
        for role, members in _roles(verb, subjects, objects):
            found += [Predication(role, frozenset({member}), negated, role=True) for member in members]
    return found


def _predicate(verb: Token, objects: Sequence[Token]) -> str:
    """The verb with what it says of its named things beyond them: its common-noun objects and the verbs it
    takes as complements ("get help" is not "get attention"; "failed to confirm" is not "fail in the effort")."""
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]  # "went down" is not "went"
    complements = [obj.lemma_.lower() for obj in objects if not _is_name(obj)]
    complements += [child.lemma_.lower() for child in verb.children if child.dep_ in {"xcomp", "ccomp"}]
    return " ".join([verb.lemma_.lower(), *particles, *complements])


def _barely(verb: Token) -> bool:
    return any(child.dep_ == "advmod" and child.lower_ in {"barely", "hardly", "scarcely"} for child in verb.children)


def _denied_noun(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children)


def _roles(verb: Token, subjects: Sequence[Token], objects: Sequence[Token]) -> list[tuple[str, frozenset[str]]]:
    """Role nouns the clause gives named things: "named X as a N", "X was named as a N", "the Ns include X",
    "X is a N"."""
    roles = []
    given = objects or [s for s in subjects if s.dep_ == "nsubjpass"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            roles += [(noun.lemma_.lower(), _names(given)) for noun in prep.children if noun.pos_ == "NOUN"]
    if verb.lemma_.lower() in _MEMBERSHIP:
        roles += [(noun.lemma_.lower(), _names(objects)) for noun in subjects if noun.pos_ == "NOUN"]
    if verb.lemma_.lower() == "be":
        roles += [(noun.lemma_.lower(), _names(subjects)) for noun in objects if noun.pos_ == "NOUN"]
    return [(role, members) for role, members in roles if members]


def _antecedent(subject: Token) -> Token:
    """A relative pronoun's common noun ("defendants that include X": defendants). A relative clause after a
    name is often attached to the wrong one ("an adviser to X who is ..."), so a name is not resolved to."""
    if subject.tag_ in {"WDT", "WP"} and subject.head.dep_ == "relcl" and subject.head.head.pos_ == "NOUN":
        return subject.head.head
    return subject


#: Name suffixes that tell two people of one family apart.
_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})


def _names(tokens: Sequence[Token], is_name: Callable[[Token], bool] | None = None) -> frozenset[str]:
    """The proper names among ``tokens`` and the words coordinated with them, each by its surname (with a
    generation suffix: "X Jr." is not X); possessors are not named things ("X's son")."""
    names = set()
    for part in (part for token in tokens for part in (token, *token.conjuncts) if (is_name or _is_name)(part)):
        words = [t.lower_ for t in part.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [part.lower_]
        if words[-1] in _GENERATIONS and len(words) > 1:
            names.add(" ".join(words[-2:]))
        else:
            names.add(words[-1])
    return frozenset(names)


def _is_name(token: Token) -> bool:
    """A proper noun standing for itself, not a possessor ("X's son")."""
    return token.pos_ == "PROPN" and not any(child.dep_ == "case" for child in token.children)


def _is_negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ == "never" for child in verb.children)


#: Verbs whose infinitive complement is an aim, not a deed: "tried to sign X" says nothing of whether X signed.
_AIMING = frozenset({"want", "try", "seek", "hope", "plan", "aim", "intend", "attempt", "wish", "expect", "vow"})


def _hedged(verb: Token) -> bool:
    """Under a condition or an open question, an aim ("their quest to sign X", "tried to sign X"), a
    counterfactual or conditional main clause ("X would not have won", "X could win if ..."), or beneath a
    negated clause (a double negation reads either way)."""
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    if infinitive and (verb.dep_ == "acl" or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AIMING):
        return True
    for token in [verb, *verb.ancestors]:
        if any(child.dep_ == "mark" and child.lower_ in CONDITIONS for child in token.children):
            return True
        if _supposed(token):
            return True
        if token is not verb and _is_negated(token):
            return True
    return False


def _supposed(verb: Token) -> bool:
    """A modal clause that tells what would have been ("would not have won", "could have signed") or what would be
    under a condition it holds ("would not win unless ..."): it asserts nothing that happened, unlike a plain
    modal of what someone will do ("he said he would not run")."""
    auxiliaries = {child.lemma_.lower() for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if not auxiliaries & UNREAL_MODALS:
        return False
    conditions = (
        mark for clause in verb.children if clause.dep_ == "advcl"
        for mark in clause.children if mark.dep_ == "mark"
    )
    return bool(auxiliaries & PERFECT_AUXILIARIES) or any(mark.lower_ in CONDITIONS for mark in conditions)


def _span(sentence: Sentence, docs: Mapping[str, Doc]) -> Span | None:
    doc = docs.get(sentence.article_id)
    return doc.char_span(sentence.start, sentence.start + len(sentence.text), alignment_mode="expand") if doc else None


@dataclass(frozen=True, slots=True)
class _Reading:
    negated: bool
    #: Content lemmas, negation aside.
    lemmas: frozenset[str]
    #: Every word's lemma, and the lemmas of the words a negation applies to.
    words: frozenset[str]
    denied: frozenset[str]


def _negation_reading(sentence: Sentence, docs: Mapping[str, Doc]) -> _Reading:
    span = _span(sentence, docs)
    if span is None:
        terms = frozenset(content_terms(sentence.text))
        return _Reading(False, terms, terms, frozenset())
    # Any negation in the sentence, not just on its root: two wordings of one statement parse differently. A
    # negation of what would have been ("could not have signed") denies nothing that happened.
    negations = [
        token for token in span if _is_negation(token) and not _corrective(token) and not _supposed(token.head)
    ]
    lemmas = frozenset(
        token.lemma_.lower() for token in span
        if token.is_alpha and not token.is_stop and token.lower_ not in _NEGATIONS and token.dep_ != "neg"
    )
    words = frozenset(token.lemma_.lower() for token in span if token.is_alpha)
    return _Reading(bool(negations), lemmas, words, frozenset(token.head.lemma_.lower() for token in negations))


def _is_negation(token: Token) -> bool:
    """A negating word; not "No." abbreviating a number ("the No. 1 team"), which the tagger reads as a noun."""
    return token.dep_ == "neg" or (token.lower_ in _NEGATIONS and token.pos_ not in {"NOUN", "PROPN"})


def _corrective(negation: Token) -> bool:
    """A "not A, but B" that puts B in the place of A: it affirms B ("was not one person, but several")."""
    return any(
        grandchild.dep_ == "cc" and grandchild.lower_ == "but"
        for child in negation.head.children if child.dep_ in _OBJECTS | {"acomp", "prep"}
        for grandchild in child.children
    )


def _denies(no: _Reading, yes: _Reading, settings: Settings) -> bool:
    """Whether a negated reading denies an affirmed one: nearly the same words, and what the negation applies
    to is said in the affirmed one (not a negation of some other clause of the sentence)."""
    return _jaccard(yes.lemmas, no.lemmas) >= settings.align.negation_same_words and bool(no.denied & yes.words)


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


def _sentences_position(sentences: Sequence[Sentence], outlet_of: Mapping[str, str]) -> Position:
    return Position(
        value=sentences[0].text,
        sources=list(dict.fromkeys(s.article_id for s in sentences)),
        evidence=[Evidence(s.article_id, s.text, outlet_of[s.article_id], s.start) for s in sentences],
    )


# ---- settling each claim's status -----------------------------------------------------------------------------

#: Contradiction kinds that dispute what a statement asserts; a disputed title describes a person, not the event,
#: and a negated predicate ("predicate") one clause of sentences that may say more.
_DISPUTING_KINDS = frozenset({"characterisation", "negation", "number", "date", "speaker"})
#: Those of them that dispute how an event is described (a word such as "tense"), not the names and numbers a
#: statement gives: a claim standing for only those (``StatementGroup.own_details``) is not disputed by them.
_DESCRIBING_KINDS = frozenset({"characterisation"})


def _evidence_of(contradictions: Sequence[Contradiction], kinds: frozenset[str]) -> set[tuple[str, str]]:
    """(article, sentence) of every position of the ``contradictions`` of ``kinds``."""
    return {
        (evidence.article, evidence.quote)
        for contradiction in contradictions if contradiction.kind in kinds
        for position in contradiction.positions for evidence in position.evidence
    }


def _contradicted(evidence: Sequence[Evidence], disputed: set[tuple[str, str]]) -> bool:
    return any((item.article, item.quote) in disputed for item in evidence)


def settle(
    claims: Sequence[Claim],
    duplicate_of: Mapping[str, str] | None = None,
    cited_origins: Callable[[str], list[str]] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> None:
    """Count each claim's independent origins (``claims_from_groups`` has marked the contradicted ones)."""
    for claim in claims:
        claim.independent_origins, claim.cited_origins = independent_origins(
            claim.evidence, duplicate_of or {}, cited_origins, settings
        )
