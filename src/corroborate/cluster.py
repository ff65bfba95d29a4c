"""Story clustering: every article joins the story of its event, or opens a new one.

1. ``article_features``: for a batch of articles at once, embed title + lead (MiniLM), find the named
   entities of title + lead (spaCy NER) as canonical keys (however an outlet spells them: "Mt"/"Mount",
   "U.S."/"US", with or without a title before a name, a count in words or digits; by fixed rules, from the
   article's own text), weigh the rare words of title + lead by how rare they are in English at large (wordfreq:
   a fixed list, so a word's weight never depends on which articles the store holds), note the date and the year
   the text speaks of, its actors (the organisation its lead's first sentence says did what it reports, from a
   parse of that opening, else the organisations its opening names), the people, places and facilities it
   names, and the holders of offices it names ("Interior Secretary Ann Lee");
2. ``StoryIndex.add_features``: link each new article to every article, stored or new, whose pair similarity
   (lead embeddings, entity profiles, rare words, when either is undated the same year spoken of, less a
   penalty when both openings name organisations and none the same, another when each opening names a
   person (or place, or facility) the other article names nowhere, another when they name different holders of
   one office and neither names the other's, and another, growing with the gap, when both
   are dated more than ``gap_grace_days`` apart) reaches ``join_similarity`` and whose date lies within
   ``max_gap_days`` of its own. Only the articles that rule leaves possible are compared: a dated article with
   those dated within ``max_gap_days`` of its day (looked up in the articles sorted by day) and with the
   undated ones; an undated article with those that share an entity key with it, speak of its year, or share
   enough rare words with it, when the weights leave no other pair able to reach the threshold;
3. re-cluster only the connected components of those links that the new articles touched, by average linkage
   over the component's own articles (two clusters of several articles each agreeing on names the other never
   mentions, or on a doer of the reported act the other never gives as its doer, lose ``story_conflict_penalty``
   from their mean), after which each small story of the component (a
   lone report, or two) joins the story whose pooled profile (its members' features summed) is similar enough to
   its own, and then each small story still apart joins the larger story with which its mean pair similarity is
   highest, if that mean is high enough; last, an article whose mean pair similarity and most similar article both
   put it in another story of its component moves there: stories of other components are not looked at again.

The store keeps each article's story and component beside its features (``save_story_index``), so reading the
stories back (``load_story_index``, on every ingest and stored-story brief) compares no pairs: its cost grows
with the number of articles, not their square. Only a store whose rows are not one whole clustering with the
current rules (written by an older version, by a writer that adds rows one by one, or with other settings) is
clustered again from its features, once, until the next save. Each article's features carry the rules they
were derived with (``feature_rules``): those derived under other rules (another lead length or entity types)
are derived again from the stored article before clustering.

Copies (``StoryIndex.assign``'s ``copy_of``: the articles dedup found to copy an article before them) are not
clustered and cost no model time: each joins its original's story, follows it when a later batch moves it, and is
kept in the store as a member row without features (``copy_of_row``), read back without any comparison.

A component's stories depend only on its set of articles, so the order articles come in and the batches they
come in change nothing: assigning a sequence in several batches gives exactly the stories of assigning it at
once. A story is named after its earliest article, so a story keeps its id while it keeps its first article
and no earlier one joins it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import metadata

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from wordfreq import tokenize, zipf_frequency

from corroborate import nlp
from corroborate.brief import central_title
from corroborate.claims.numbers import parse_number
from corroborate.claims.speech import SPEECH_VERBS
from corroborate.extract import page_address
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, ClusterSettings, Settings
from corroborate.store import Store, StoryMemberRow

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NON_WORD = re.compile(r"[^\w]+")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")
# Words that put the name after them as the source of a report, not an actor in it ("her rep told People",
# "according to the Daily Telegraph"), matched right before the name.
_CITING = re.compile(
    r"\b(?:told|according to|(?:confirmed|said|spoke|speaking|talked|talking|wrote) to|interview with|"
    r"(?:reported|quoted|cited) by|(?:reported|reports|report) (?:in|on))\s+(?:the\s+|this\s+|a\s+)?$",
    re.IGNORECASE)
_ARTICLES = frozenset({"the", "a", "an"})
# Abbreviations news writes either way ("Mt Cook", "Mount Cook"; "U.S.", "the United States"), spelled out so
# that both give one entity key. A fixed table: a key depends only on its own article's text.
_ABBREVIATIONS = {
    "mt": "mount", "st": "saint", "ft": "fort",
    "us": "united states", "usa": "united states", "uk": "united kingdom", "un": "united nations",
    "eu": "european union",
}
# Titles and honorifics leading a person's name, and suffixes ending it: one outlet writes "Insp Dave Gaskin",
# another "Dave Gaskin", a third "Senator Smith Jr.". Dropped from PERSON keys only: "General Motors" is a name.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "president", "vice", "prime", "minister", "senator", "sen", "rep", "representative", "gov", "governor",
    "mayor", "judge", "justice", "gen", "general", "col", "colonel", "lt", "lieutenant", "capt", "captain",
    "sgt", "sergeant", "cpl", "officer", "insp", "inspector", "det", "detective", "chief", "king", "queen",
    "prince", "princess", "pope", "father", "saint", "coach", "secretary", "chancellor", "ambassador",
})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that put an office's holder in another time than the event's ("former Interior Secretary X", "President-
# elect X", "acting governor X"): one event's coverage names past and future holders beside the present one.
_NOT_NOW = frozenset({"former", "ex", "then", "late", "acting", "interim", "incoming", "outgoing", "elect", "new",
                      "previous", "future", "deputy", "assistant"})
# Words an office's title holds right before the name, at most: "U.S. Interior Secretary", "Marrow Governor"; and
# tokens of one set off by a comma: "the governor of Marrow Island", "Marrow's governor".
_OFFICE_WORDS = 5
_OFFICE_PHRASE_TOKENS = 8
_OFFICE_JOINS = frozenset({"of", "the", "a", "an", "'s", "\u2019s"})
# Zipf frequency is log10 of uses per billion words: 9 - zipf is -log10 of a word's frequency.
_ZIPF_OF_ONE = 9.0
# Entity types whose key is the number they say, however written.
_COUNT_LABELS = frozenset({"CARDINAL"})
# Rare-word weights are kept to this many decimals: the store keeps them as text, and a fresh clustering
# rounds them alike, so both compare the same numbers.
_WEIGHT_DECIMALS = 4
# Raised whenever ``article_features`` derives features differently: stored features are then derived again.
_FEATURES_VERSION = 9


@dataclass(frozen=True, slots=True)
class Story:
    """One event's articles: ``id`` is stable (named after the article that opened the story)."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class CopyMember:
    """A copy of an article the index clustered (``original``): it joins the original's story, and brings its
    outlet and date to it, without features of its own."""

    article_id: str
    original: str
    source: str
    published: str | None


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What clustering reads of one article; kept in the store so that stored articles are never re-read."""

    article_id: str
    source: str
    title: str
    published: str | None
    year: str | None
    embedding: np.ndarray
    entities: dict[str, float]
    words: dict[str, float]
    # ``feature_rules`` of the settings these were derived with.
    rules: str
    # Entity keys of the organisations (``actor_labels``) that are the subject of the main act of the text's first
    # sentence (``_agents``); when it names none, those the title and the first ``actor_chars`` of the text name,
    # and title and text name ``actor_min_mentions`` times: none when the opening names none.
    actors: tuple[str, ...] = ()
    # For each group of entity types of ``distinct_groups`` (people, places, facilities), the keys of the
    # entities of that group the title and the first ``distinct_chars`` of the text name, and title and text
    # name ``actor_min_mentions`` times.
    named: tuple[tuple[str, ...], ...] = ()
    # (office, holder) for each person the text names right after a qualified title ("Interior Secretary Ann
    # Lee": office "secretary|interior", holder "ann lee"): see ``_office_holders``.
    holders: tuple[tuple[str, str], ...] = ()


def cluster(articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS) -> list[Story]:
    """The stories of ``articles``, largest first."""
    index = StoryIndex(settings.cluster)
    index.assign(articles)
    return index.stories()


def article_features(articles: Sequence[Article], settings: ClusterSettings) -> list[ArticleFeatures]:
    """Features of a batch: one embedding call and one spaCy pass over the whole batch, side by side: spaCy in
    a thread on one core, the embedding on ``feature_embedding_threads`` (both release the GIL as they compute)."""
    titles = [_title(article) for article in articles]
    leads = [_lead(article, settings.lead_chars) for article in articles]
    lead_texts = [f"{title}. {lead}" for title, lead in zip(titles, leads, strict=True)]
    entity_texts = [f"{title}.\n{_lead(article, settings.entity_chars)}" for title, article in
                    zip(titles, articles, strict=True)]
    with ThreadPoolExecutor(max_workers=1) as spacy_thread:
        parsing = spacy_thread.submit(_entity_features, titles, entity_texts, settings)
        with nlp.torch_threads(DEFAULT_SETTINGS.models.feature_embedding_threads):
            embeddings = nlp.embed(lead_texts)
        entities = parsing.result()
    rules = feature_rules(settings)
    return [
        ArticleFeatures(
            article_id=article.id, source=article.source, title=title, published=article.published,
            year=_year(article.published, text), embedding=embedding, entities=found.entities,
            words=_rare_words(lead_text, settings.rare_word_zipf), rules=rules, actors=found.actors,
            named=found.named, holders=found.holders,
        )
        for article, title, text, lead_text, found, embedding in zip(articles, titles, entity_texts, lead_texts,
                                                                    entities, embeddings, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class _EntityFeatures:
    """The features of one article that its named entities give (``ArticleFeatures``' fields of those names)."""

    entities: dict[str, float]
    actors: tuple[str, ...]
    named: tuple[tuple[str, ...], ...]
    holders: tuple[tuple[str, str], ...]


def _entity_features(titles: Sequence[str], texts: Sequence[str],
                     settings: ClusterSettings) -> list[_EntityFeatures]:
    """The entity features of each text (a title, ".\\n", then the text), from one spaCy pass; only these are
    kept, not the docs, so a batch holds one spaCy batch of docs at a time."""
    pipeline = nlp.spacy_pipeline(nlp.ENTITY_PIPES)
    labels = frozenset(settings.entity_labels)
    actor_labels = frozenset(settings.actor_labels)
    batch = DEFAULT_SETTINGS.models.spacy_batch_size
    docs = pipeline.pipe(texts, batch_size=batch)
    # Only the opening of each text is parsed: its first sentence says who acted, and a parse costs more than the
    # recogniser's pass per word.
    openings = nlp.spacy_pipeline(nlp.ACT_PIPES).pipe(
        (_cut(text[len(title) + 2:], settings.actor_chars) for title, text in zip(titles, texts, strict=True)),
        batch_size=batch)
    found = []
    for title, text, doc, opening in zip(titles, texts, docs, openings, strict=True):
        keys = [_entity_key(ent.text, ent.label_) for ent in doc.ents if ent.label_ in labels]
        found.append(_EntityFeatures(
            entities=_unit_weights(Counter(key for key in keys if key)),
            actors=_agents(text, doc.ents, actor_labels, opening, len(title) + 2) or _actors(
                text, doc.ents, actor_labels, len(title) + 2 + settings.actor_chars, settings.actor_min_mentions),
            named=_named(text, doc.ents, settings.distinct_groups, len(title) + 2 + settings.distinct_chars,
                         settings.actor_min_mentions),
            holders=_office_holders(doc),
        ))
    return found


def feature_rules(settings: ClusterSettings) -> str:
    """A fingerprint of what ``article_features`` derives features with: the settings it reads and the models
    and word list behind them. Features kept under another fingerprint are derived again."""
    models = DEFAULT_SETTINGS.models
    return hashlib.sha256(json.dumps({
        "version": _FEATURES_VERSION, "lead_chars": settings.lead_chars, "entity_chars": settings.entity_chars,
        "entity_labels": sorted(settings.entity_labels), "rare_word_zipf": settings.rare_word_zipf,
        "actor_labels": sorted(settings.actor_labels), "actor_chars": settings.actor_chars,
        "actor_min_mentions": settings.actor_min_mentions,
        "distinct_groups": [sorted(group) for group in settings.distinct_groups],
        "distinct_chars": settings.distinct_chars,
        "packages": {name: _package_version(name) for name in
                     (models.spacy_model, models.embedding_package, "wordfreq")},
    }, sort_keys=True).encode()).hexdigest()[:16]


def _word_runs(keys: Iterable[str]) -> set[str]:
    """Every run of consecutive words of each key, the whole key included."""
    runs = set()
    for key in keys:
        words = key.split()
        runs.update(" ".join(words[start:end]) for start in range(len(words))
                    for end in range(start + 1, len(words) + 1))
    return runs


def _agents(text: str, entities: Sequence[Span], labels: frozenset[str], opening: Doc, start: int) -> tuple[str, ...]:
    """The keys of the ``labels`` entities of ``text`` (its title, then from ``start`` on its lead, of which
    ``opening`` is the beginning, parsed) that are the subject of the main act of the lead's first sentence and that
    the title names too, in full or in part, sorted: "Acme Corp. bought the mill", and in a passive the doer ("the
    mill was bought by Acme Corp."). The act a report reports, not the report: in "the Post reported that Acme
    Corp. bought the mill", Acme Corp.; and never an outlet the text cites ("told the Post"). Two bidders for one
    player, two buyers of one firm: each report names both, but only one as the doer of the act it reports. A
    subject the headline never names is left out: a page's furniture or a dateline opening the text has one, and
    the tagger calls a person or a word at a sentence's start an organisation now and then."""
    sentence = next(iter(opening.sents), None)
    if sentence is None:
        return ()
    verb = sentence.root
    while verb.lemma_.lower() in SPEECH_VERBS:
        clause = next((child for child in verb.children if child.dep_ == "ccomp"), None)
        if clause is None:
            break
        verb = clause
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    subjects += [doer for child in verb.children if child.dep_ == "agent" for doer in child.children
                 if doer.dep_ == "pobj"]
    starts = {start + word.idx for subject in subjects for word in (subject, *subject.conjuncts)}
    keys = (_entity_key(ent.text, ent.label_) for ent in entities
            if ent.label_ in labels and any(ent.start_char <= at < ent.end_char for at in starts)
            and not _cited(text, ent.start_char, ent.end_char))
    headline = _word_runs([_entity_key(text[:start], "")])
    return tuple(sorted({key for key in keys if key and any(
        run in headline and not STOP_WORDS.issuperset(run.split()) for run in _word_runs([key]))}))


def _actors(text: str, entities: Sequence[Span], labels: frozenset[str], opening: int,
            min_mentions: int) -> tuple[str, ...]:
    """The keys of the ``labels`` entities that start within the first ``opening`` characters of ``text`` and
    that ``text`` names at least ``min_mentions`` times, sorted, but for the outlets the text cites ("her rep
    told People", "(Reuters)"): those report the event."""
    mentions = Counter(_entity_key(ent.text, ent.label_) for ent in entities if ent.label_ in labels)
    keys = (_entity_key(ent.text, ent.label_) for ent in entities
            if ent.label_ in labels and ent.start_char < opening and not _cited(text, ent.start_char, ent.end_char))
    return tuple(sorted({key for key in keys if key and mentions[key] >= min_mentions}))


def _named(text: str, entities: Sequence[Span], groups: Sequence[Sequence[str]], opening: int,
           min_mentions: int) -> tuple[tuple[str, ...], ...]:
    """The keys of the entities of ``groups``' types that start within the first ``opening`` characters of
    ``text`` and that ``text`` names at least ``min_mentions`` times (as ``_actors``), one tuple per group: a key
    belongs to the group of the type the tagger gives most of its mentions (it may call a name a person once
    and a place the next time)."""
    group_of = {label: number for number, group in enumerate(groups) for label in group}
    keys = _actors(text, entities, frozenset(group_of), opening, min_mentions)
    labels: dict[str, Counter[str]] = {key: Counter() for key in keys}
    for ent in entities:
        key = _entity_key(ent.text, ent.label_)
        if key in labels and ent.label_ in group_of:
            labels[key][ent.label_] += 1
    found: list[list[str]] = [[] for _ in groups]
    for key in keys:
        found[group_of[labels[key].most_common(1)[0][0]]].append(key)
    return tuple(tuple(group) for group in found)


def _office_holders(doc: Doc) -> tuple[tuple[str, str], ...]:
    """(office, holder) for each person the text names with a title that says of what it is the title, sorted:
    right before the name ("Interior Secretary Ann Lee", "Marrow Governor Ed Hale") or set off by
    a comma ("Ed Hale, the governor of Marrow Island,"; "the governor of Marrow Island, Jo Park"). The office is
    the title words and the qualifying words ("governor|marrow"), the holder the person's entity key. A bare title
    ("President X", "Gov. X") says of nothing which office it is, and one said as past or future ("former",
    "-elect") is no present holder: both are left out."""
    found = set()
    for ent in doc.ents:
        holder = _entity_key(ent.text, ent.label_) if ent.label_ == "PERSON" else ""
        if not holder:
            continue
        phrases = [doc[_phrase_start(doc, ent.start, _OFFICE_WORDS):ent.start]]
        if ent.start > 1 and doc[ent.start - 1].text == ",":
            phrases.append(doc[_phrase_start(doc, ent.start - 1, _OFFICE_PHRASE_TOKENS):ent.start - 1])
        if ent.end < len(doc) and doc[ent.end].text == ",":
            phrases.append(doc[ent.end + 1:_phrase_end(doc, ent.end + 1)])
        for phrase in phrases:
            office = _office(phrase)
            if office:
                found.add((office, holder))
    return tuple(sorted(found))


def _office_token(token: Token) -> bool:
    """A token a title may hold: a title word, a word of time ("former"), a capitalised word that is no stop word,
    an initialism ("U.S."), a hyphen, and the joining words of "the governor of Marrow" and "Marrow's governor"."""
    lower = token.lower_
    return (lower in _TITLES or lower in _NOT_NOW or lower in _OFFICE_JOINS or token.text == "-"
            or (not token.is_stop and token.is_alpha and token.text[0].isupper())
            or bool(_INITIALISM.fullmatch(token.text)))


def _phrase_start(doc: Doc, end: int, limit: int) -> int:
    """Where the run of at most ``limit`` title tokens ending right before ``end`` starts."""
    start = end
    while start > 0 and end - start < limit and _office_token(doc[start - 1]):
        start -= 1
    return start


def _phrase_end(doc: Doc, start: int) -> int:
    """Where the run of at most ``_OFFICE_PHRASE_TOKENS`` title tokens from ``start`` ends."""
    end = start
    while end < len(doc) and end - start < _OFFICE_PHRASE_TOKENS and _office_token(doc[end]):
        end += 1
    return end


def _office(phrase: Span) -> str | None:
    """The office a title phrase names ("governor|marrow"): its title words, then those qualifying them (before
    them, or after "of"). None unless its last word before any "of" is a title and it names what of, or when it
    says the holder is past or future ("former", "-elect")."""
    words = [token.lower_ for token in phrase if token.text != "-"]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    head, _, of = " ".join(words).partition(" of ")
    head_words, of_words = head.split(), of.split()
    if not head_words or head_words[-1] not in _TITLES or _NOT_NOW.intersection(words):
        return None
    if any(word in _OFFICE_JOINS for word in head_words if word not in ("'s", "\u2019s")):
        return None
    titles = sorted({word for word in head_words if word in _TITLES})
    qualifiers = sorted({_entity_key(word, "") for word in (*head_words, *of_words)
                         if word not in _TITLES and word not in _OFFICE_JOINS} - {""})
    return f"{' '.join(titles)}|{' '.join(qualifiers)}" if qualifiers else None


def _cited(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is cited as a source: after "told", "according to" and the like,
    or alone in parentheses (a dateline's news agency)."""
    return bool(_CITING.search(text, max(0, start - 40), start)) or (
        text[start - 1:start] == "(" and text[end:end + 1] == ")")


@cache
def _package_version(name: str) -> str:
    return metadata.version(name)


def _rare_words(text: str, max_zipf: float) -> dict[str, float]:
    """The words of ``text`` rarer than ``max_zipf``, each weighted by -log10 of its frequency in English at
    large (sublinear in its count), scaled to unit length."""
    counts = Counter(word for word in tokenize(text, "en") if zipf_frequency(word, "en") < max_zipf)
    weights = {word: (1.0 + math.log(count)) * (_ZIPF_OF_ONE - zipf_frequency(word, "en"))
               for word, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    return {word: round(weight / norm, _WEIGHT_DECIMALS) for word, weight in weights.items()} if norm else {}


class StoryIndex:
    """Stories so far and the similarity graph behind them; ``add_features`` grows it in place.

    Two articles are linked when their pair similarity reaches ``join_similarity`` and their dates lie within
    ``max_gap_days``. A batch links its new articles to every stored one, and only the connected components it
    touches are clustered again, each by ``_average_linkage`` over its own articles, then
    ``_join_small_stories``, ``_join_lone_stories`` and ``_move_misplaced`` over its stories.
    """

    def __init__(self, settings: ClusterSettings = DEFAULT_SETTINGS.cluster) -> None:
        self.settings = settings
        self._features: list[ArticleFeatures] = []
        self._position: dict[str, int] = {}
        self._embeddings = np.zeros((0, 0), dtype=np.float32)
        self._days: list[float] = []
        self._years: list[int] = []
        # The lists above as arrays, refreshed once per batch: pair scores read them for every chunk.
        self._day_array = np.zeros(0)
        self._year_array = np.zeros(0, dtype=np.int64)
        self._entities = _Profiles()
        self._words = _Profiles()
        # Each article's actors, and every run of words within them: "rovers" is the actor "blackburn rovers".
        self._actors = _Profiles()
        self._actor_parts = _Profiles(self._actors.columns)
        # Every name an article gives (entity keys, actors, people and places named), each with every run of its
        # words, and the names its opening gives of each of ``distinct_groups``. Another article mentions a
        # name when it gives the name, a run of its words, or a longer name holding it.
        self._mentions = _Profiles()
        self._mention_runs = _Profiles(self._mentions.columns)
        self._named = [_Names(self._mentions.columns) for _ in settings.distinct_groups]
        # The offices each article names a holder of, its holders of each, and the words of every name it gives.
        self._offices = _Profiles()
        self._holders_of: list[dict[str, frozenset[str]]] = []
        self._name_words: list[frozenset[str]] = []
        self._component_of: list[int] = []
        self._components: dict[int, list[int]] = {}
        self._founder_of: list[int] = []
        self._stories: dict[int, Story] = {}
        # Copies, in the order attached, each under its original's position: they follow its story.
        self._copies_of: dict[int, list[CopyMember]] = defaultdict(list)
        self._copy_of: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._stories)

    def assign(self, articles: Sequence[Article], copy_of: Mapping[str, str] | None = None) -> dict[str, str]:
        """Put each new article in a story; returns article id -> story id for every article given.

        An article ``copy_of`` names the original of (an article this index holds, or one of ``articles`` that
        is no copy) is not clustered and costs no model time: a group of copies is one voice, so it joins its
        original's story, and follows it wherever later batches move it."""
        copy_of = copy_of or {}
        fresh = list({a.id: a for a in articles if self.story_of(a.id) is None}.values())
        originals = [article for article in fresh if article.id not in copy_of]
        self.add_features(article_features(originals, self.settings) if originals else [])
        self.attach(CopyMember(article.id, copy_of[article.id], article.source, article.published)
                    for article in fresh if article.id in copy_of)
        return {article.id: self.story_of(article.id) or "" for article in articles}

    def attach(self, copies: Iterable[CopyMember]) -> None:
        """Add copies of articles the index holds to their originals' stories; no pair is compared."""
        for copy in copies:
            if self.story_of(copy.article_id) is None:
                original = self._position[copy.original]
                self._copies_of[original].append(copy)
                self._copy_of[copy.article_id] = original

    def add_features(self, features: Iterable[ArticleFeatures]) -> None:
        """Add articles whose features are known already (read back from the store), in order, and re-cluster
        the components they touch; components they do not touch keep their stories untouched."""
        start = len(self._features)
        for item in features:
            if item.article_id not in self._position:
                self._add(item)
                self._stories[self._founder_of[-1]] = _story_of(self._features, [len(self._features) - 1])
        if start == len(self._features):
            return
        self._refresh()
        self._link(start)
        touched = {self._component_of[position] for position in range(start, len(self._features))}
        for component in sorted(touched):
            self._recluster(self._components[component])

    @classmethod
    def restored(cls, features: Sequence[ArticleFeatures], story_ids: Sequence[str], components: Sequence[str],
                 settings: ClusterSettings = DEFAULT_SETTINGS.cluster) -> StoryIndex | None:
        """The index whose articles, in order, are ``features``, each in the story and linked component it was
        saved with (``save_story_index``): no pair compared. None when those do not fit together (a story
        across components, or not named after its first article), as when they come from different runs."""
        index = cls(settings)
        for item in features:
            index._add(item)
        if len(index._position) != len(features):
            return None
        index._refresh()
        index._components = {}
        for members in _groups(components):
            for member in members:
                index._component_of[member] = members[0]
            index._components[members[0]] = members
        for ordered in _groups(story_ids):
            founder = ordered[0]
            if story_ids[founder] != _story_id(features[founder]) or any(
                    index._component_of[member] != index._component_of[founder] for member in ordered):
                return None
            for member in ordered:
                index._founder_of[member] = founder
            index._stories[founder] = _story_of(index._features, ordered)
        return index

    def memberships(self) -> list[tuple[ArticleFeatures, str, str]]:
        """Every article in the order added, with its story id and its linked component (named after the
        component's first article): what the store keeps so that reading the stories back compares no pairs."""
        name = {root: self._features[min(members)].article_id for root, members in self._components.items()}
        return [(item, self._stories[self._founder_of[position]].id, name[self._component_of[position]])
                for position, item in enumerate(self._features)]

    def copy_memberships(self) -> list[tuple[CopyMember, str, str]]:
        """Every copy (by original, each original's in the order attached), with its original's story id and
        linked component."""
        name = {root: self._features[min(members)].article_id for root, members in self._components.items()}
        return [(copy, self._stories[self._founder_of[original]].id, name[self._component_of[original]])
                for original, copies in self._copies_of.items() for copy in copies]

    def features(self) -> list[ArticleFeatures]:
        """Every article's features in the order they were added: replaying them rebuilds this index."""
        return list(self._features)

    def story_of(self, article_id: str) -> str | None:
        position = self._position.get(article_id, self._copy_of.get(article_id))
        return self._stories[self._founder_of[position]].id if position is not None else None

    def stories(self) -> list[Story]:
        """Every story, copies included, largest first, then in the order their first articles came."""
        found = [(founder, self._with_copies(story)) for founder, story in self._stories.items()]
        return [story for _, story in sorted(found, key=lambda item: (-len(item[1].article_ids), item[0]))]

    def _with_copies(self, story: Story) -> Story:
        """The story with its members' copies after its clustered articles: their outlets and dates count, their
        headlines do not (a headline copied ten times is still one outlet's)."""
        copies = [copy for article_id in story.article_ids
                  for copy in self._copies_of.get(self._position[article_id], ())]
        if not copies:
            return story
        days = [day for day in (_day(value) for value in (story.first, story.last, *(c.published for c in copies)))
                if day is not None]
        return Story(
            id=story.id, title=story.title, article_ids=(*story.article_ids, *(copy.article_id for copy in copies)),
            sources=tuple(dict.fromkeys((*story.sources, *(copy.source for copy in copies)))),
            first=min(days).isoformat() if days else None, last=max(days).isoformat() if days else None,
        )

    def similarity_terms(self, first: Sequence[str], second: Sequence[str]) -> dict[str, np.ndarray]:
        """What each term adds to the pair similarity of articles ``first`` x ``second`` (ids), signed, by name:
        their sum is the similarity clustering compares with its thresholds. For reading why articles are apart."""
        rows = np.asarray([self._position[article_id] for article_id in first], dtype=np.int64)
        columns = np.asarray([self._position[article_id] for article_id in second], dtype=np.int64)
        settings = self.settings
        return {
            "embedding": settings.embedding_weight * (self._embeddings[rows] @ self._embeddings[columns].T),
            "entities": settings.entity_weight * self._entities.cosines(rows, columns),
            "rare words": settings.rare_word_weight * self._words.cosines(rows, columns),
            "same year": self._year_bonus(rows, columns),
            "actor conflict": -self._actor_conflict(rows, columns),
            "people/place conflict": -self._named_conflict(rows, columns),
            "office conflict": -self._office_conflict(rows, columns),
            "days apart": -self._gap_decay(rows, columns),
        }

    def _add(self, item: ArticleFeatures) -> None:
        position = len(self._features)
        self._features.append(item)
        self._position[item.article_id] = position
        if position >= len(self._embeddings):
            grown = np.zeros((max(64, 2 * position), len(item.embedding)), dtype=np.float32)
            if position:
                grown[:position] = self._embeddings[:position]
            self._embeddings = grown
        self._embeddings[position] = item.embedding
        day = _day(item.published)
        self._days.append(float(day.toordinal()) if day is not None else math.nan)
        self._years.append(int(item.year) if item.year is not None else -1)
        self._entities.add(item.entities)
        self._words.add(item.words)
        self._actors.add(dict.fromkeys(item.actors, 1.0))
        self._actor_parts.add(dict.fromkeys(_word_runs(item.actors), 1.0))
        named = item.named or ((),) * len(self._named)
        names = {*item.entities, *item.actors, *(name for group in named for name in group)}
        self._name_words.append(frozenset(_name_words(" ".join([*names, *(holder for _, holder in item.holders)]))))
        self._mentions.add(dict.fromkeys(names, 1.0))
        self._mention_runs.add(dict.fromkeys(_word_runs(names), 1.0))
        for names_of_group, group in zip(self._named, named, strict=True):
            names_of_group.add(group)
        self._offices.add(dict.fromkeys((office for office, _ in item.holders), 1.0))
        holders_of: dict[str, set[str]] = defaultdict(set)
        for office, holder in item.holders:
            holders_of[office].add(holder)
        self._holders_of.append({office: frozenset(holders) for office, holders in holders_of.items()})
        self._component_of.append(position)
        self._components[position] = [position]
        self._founder_of.append(position)

    def _refresh(self) -> None:
        """Arrays of every article's entity and rare-word profiles, day and year, after a batch was added."""
        self._entities.refresh()
        self._words.refresh()
        self._actors.refresh()
        self._actor_parts.refresh()
        self._mentions.refresh()
        self._mention_runs.refresh()
        for group in self._named:
            group.refresh()
        self._offices.refresh()
        self._day_array = np.asarray(self._days)
        self._year_array = np.asarray(self._years, dtype=np.int64)

    def _link(self, start: int) -> None:
        """Join the components of every new article and the articles it is similar enough to. A dated article
        is compared only with the articles dated within ``max_gap_days`` of its day and the undated ones: no
        other pair can be linked, so the links are those of comparing all pairs."""
        count = len(self._features)
        days, gap = self._day_array, self.settings.max_gap_days
        undated = np.isnan(days)
        new = np.arange(start, count)
        dated = np.flatnonzero(~undated)
        by_day = dated[np.argsort(days[dated], kind="stable")]
        sorted_days = days[by_day]
        every_undated = np.flatnonzero(undated)
        for rows in self._day_chunks(by_day[by_day >= start]):
            first = np.searchsorted(sorted_days, days[rows[0]] - gap, side="left")
            last = np.searchsorted(sorted_days, days[rows[-1]] + gap, side="right")
            self._join(rows, np.concatenate([by_day[first:last], every_undated]))
        undated_new = new[undated[new]]
        chunk = self.settings.similarity_chunk
        for first in range(0, len(undated_new), chunk):
            rows = undated_new[first:first + chunk]
            self._join(rows, self._undated_candidates(rows))

    def _undated_candidates(self, rows: np.ndarray) -> np.ndarray:
        """The articles undated ``rows`` can be linked to, whatever their days: when lead embeddings alone cannot
        lift a pair to ``join_similarity``, only a pair that shares an entity key, speaks of the same year where
        that bonus could lift it, or shares rare words enough to lift it (with that bonus where they speak of
        the same year) can reach it. Any other pair stays under it (the conflict penalties only lower a pair),
        so the links are those of comparing every pair."""
        settings = self.settings
        # A cosine of unit vectors is at most 1; the margin covers its rounding.
        ceiling = abs(settings.embedding_weight) * (1 + 1e-6)
        if ceiling >= settings.join_similarity:
            return np.arange(len(self._features))
        entities = self._entities.matrix
        found = [np.unique((entities[rows] @ entities.T).indices)]
        if ceiling + settings.same_year_bonus >= settings.join_similarity:
            years = self._year_array[rows]
            found.append(np.flatnonzero(np.isin(self._year_array, years[years >= 0])))
        words = (self._words.matrix[rows] @ self._words.matrix.T).tocoo()
        row_years, column_years = self._year_array[rows][words.row], self._year_array[words.col]
        same_year = (row_years == column_years) & (row_years >= 0)
        reach = ceiling + settings.rare_word_weight * words.data + settings.same_year_bonus * same_year
        found.append(np.unique(words.col[reach >= settings.join_similarity]))
        return np.unique(np.concatenate(found))

    def _day_chunks(self, rows: np.ndarray) -> Iterable[np.ndarray]:
        """Runs of ``rows`` (sorted by day) at most ``similarity_chunk`` long and ``max_gap_days`` wide, so that
        each run's candidates are the articles of a few days, not of the whole store."""
        days, gap, chunk = self._day_array, self.settings.max_gap_days, self.settings.similarity_chunk
        start = 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or end - start >= chunk or days[rows[end]] - days[rows[start]] > gap:
                yield rows[start:end]
                start = end

    def _join(self, rows: np.ndarray, columns: np.ndarray) -> None:
        """Join the components of each of ``rows`` and each of ``columns`` its pair is linked with."""
        linked = (self._pair_scores(rows, columns) >= self.settings.join_similarity) & self._near(rows, columns)
        linked &= rows[:, None] != columns[None, :]
        for row, column in zip(*np.nonzero(linked), strict=True):
            self._union(int(rows[row]), int(columns[column]))

    def _pair_scores(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Pair similarity of articles ``rows`` x ``columns``: lead embeddings, entity profiles, rare words, and
        the terms of ``_pair_terms``."""
        settings = self.settings
        embedding = self._embeddings[rows] @ self._embeddings[columns].T
        entity = self._entities.cosines(rows, columns)
        words = self._words.cosines(rows, columns)
        scores = (settings.embedding_weight * embedding + settings.entity_weight * entity
                  + settings.rare_word_weight * words)
        return scores + self._pair_terms(rows, columns)

    def _pair_terms(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The pair similarity's terms beyond the profiles' cosines: the year spoken of, conflicting actors, people
        and places, and the days between two dated articles."""
        return self._year_bonus(rows, columns) - self._conflicts(rows, columns) - self._gap_decay(rows, columns)

    def _gap_decay(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """What two dated articles lose for lying more than ``gap_grace_days`` apart: ``gap_decay`` per doubling of
        the gap beyond it. Coverage of one event runs on for weeks; the same people months later are mostly
        another event."""
        days, settings = self._day_array, self.settings
        gaps = np.abs(days[rows][:, None] - days[columns][None, :])
        # An undated article's gap is NaN: the comparison is False, so it loses nothing.
        beyond = gaps > settings.gap_grace_days
        return np.where(beyond, settings.gap_decay * np.log2(np.where(beyond, gaps, 1.0) / settings.gap_grace_days),
                        0.0)

    def _year_bonus(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The same-year part of the pair similarity of articles ``rows`` x ``columns``."""
        days, years = self._day_array, self._year_array
        row_days, column_days = days[rows][:, None], days[columns][None, :]
        row_years, column_years = years[rows][:, None], years[columns][None, :]
        # An undated article's only time evidence is the year it speaks of. Two dated ones are held to each
        # other's days instead, and a same-year bonus on top would join two events of the same days about the
        # same people (a memo released, a lawsuit filed) on their shared names alone.
        undated = np.isnan(row_days) | np.isnan(column_days)
        return self.settings.same_year_bonus * (undated & (row_years == column_years) & (row_years >= 0))

    def _conflicts(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The penalties of the pair similarity of articles ``rows`` x ``columns``: conflicting actors, and
        people or places only one of them names."""
        return (self._actor_conflict(rows, columns) + self._named_conflict(rows, columns)
                + self._office_conflict(rows, columns))

    def _office_conflict(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The penalty where two articles name different holders of one office ("Interior Secretary Ann
        Lee", "Interior Secretary Ben Ortiz"): one office has one holder at a time, so they report
        events of different times, however alike. Not when either names the other's holder anywhere: an event of
        two foreign ministers may call each "Foreign Minister", and an article naming both conflicts with neither."""
        conflict = np.zeros((len(rows), len(columns)), dtype=bool)
        offices = self._offices.matrix
        in_rows, in_columns = offices[rows], offices[columns]
        # Few offices are named in a block, and a day of news names one holder of each in thousands of articles:
        # each office's articles are compared by the holders they name, each article with each set of holders
        # once, never pair by pair.
        for column in np.intersect1d(in_rows.indices, in_columns.indices):
            office = self._offices.key_of(int(column))
            at_rows, at_columns = in_rows[:, column].nonzero()[0], in_columns[:, column].nonzero()[0]
            row_sets = [self._holders_of[rows[k]][office] for k in at_rows]
            column_sets = [self._holders_of[columns[k]][office] for k in at_columns]
            sets = list(dict.fromkeys([*row_sets, *column_sets]))
            number = {holders: k for k, holders in enumerate(sets)}
            gives_rows = self._gives([rows[k] for k in at_rows], sets)
            gives_columns = self._gives([columns[k] for k in at_columns], sets)
            row_numbers = np.asarray([number[h] for h in row_sets])
            column_numbers = np.asarray([number[h] for h in column_sets])
            # Neither names the other's holder: the row's names give none of the column's set, and the other way.
            apart = ~gives_rows[:, column_numbers] & ~gives_columns[:, row_numbers].T
            conflict[np.ix_(at_rows, at_columns)] |= apart
        return self.settings.office_conflict_penalty * conflict

    def _gives(self, articles: Sequence[int], holder_sets: Sequence[frozenset[str]]) -> np.ndarray:
        """Articles x sets of holders: whether the article gives a name of one of the set's holders, a word of it
        (of two letters or more) at least ``same_holder_similarity`` alike (normalised edit similarity) to a word
        of a name the article gives. Outlets give a name in part ("Lee", "Ann B. Lee"), transliterate it
        differently ("Hosseini", "Husseini") and split it differently ("Park Min-jun", "Park Min")."""
        words = [[word for holder in holders for word in _name_words(holder)] for holders in holder_sets]
        threshold = self.settings.same_holder_similarity
        return np.asarray([
            [any(Levenshtein.normalized_similarity(word, name) >= threshold
                 for word in holder_words for name in self._name_words[article]) for holder_words in words]
            for article in articles
        ], dtype=bool).reshape(len(articles), len(holder_sets))

    def _named_conflict(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The penalty where each of two articles' openings names a person (or a place, or a facility) that the
        other names nowhere: two fights of one boxer against different opponents, in different cities. A name
        the other gives in part or in full, anywhere, is no conflict ("Cheeks" and "Maurice Cheeks", a city and
        the country the other names beside it), nor are names of different groups: one outlet names the
        arena, another the city."""
        conflict = np.zeros((len(rows), len(columns)), dtype=bool)
        for group in self._named:
            conflict |= group.unmentioned(rows, columns, self._mentions, self._mention_runs) & group.unmentioned(
                columns, rows, self._mentions, self._mention_runs).T
        return self.settings.distinct_conflict_penalty * conflict

    def _actor_conflict(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The actor part of the pair similarity of articles ``rows`` x ``columns``: the penalty where both
        openings name organisations and none of them the same (one's name a run of the other's words counts as
        the same: "Rovers", "Ashby Rovers"). Where either names none, nothing conflicts: a lead may name
        only the people and places of its event."""
        actors, parts = self._actors.matrix, self._actor_parts.matrix
        named = np.diff(actors.indptr) > 0
        shared = ((actors[rows] @ parts[columns].T).toarray() > 0) | ((parts[rows] @ actors[columns].T).toarray() > 0)
        conflict = named[rows][:, None] & named[columns][None, :] & ~shared
        return self.settings.actor_conflict_penalty * conflict

    def _near(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Whether two articles' days allow them in one story (an undated article's always do)."""
        days = self._day_array
        return ~(np.abs(days[rows][:, None] - days[columns][None, :]) > self.settings.max_gap_days)

    def _union(self, first: int, second: int) -> None:
        a, b = self._component_of[first], self._component_of[second]
        if a == b:
            return
        if len(self._components[a]) < len(self._components[b]):
            a, b = b, a
        moved = self._components.pop(b)
        for position in moved:
            self._component_of[position] = a
        self._components[a].extend(moved)

    def _recluster(self, members: list[int]) -> None:
        """The stories of one component, from its articles alone: the same whichever came first."""
        canonical = sorted(members, key=lambda position: self._features[position].article_id)
        positions = np.asarray(canonical)
        scores = self._pair_scores(positions, positions)
        linked = (scores >= self.settings.join_similarity) & self._near(positions, positions)
        days = self._day_array[positions]
        groups = _average_linkage(scores, linked, days, self.settings, self._story_names(positions))
        groups = _join_lone_stories(scores, days, self._join_small_stories(positions, groups), self.settings)
        groups = _move_misplaced(scores, days, groups, self.settings)
        for position in members:
            self._stories.pop(position, None)
        for group in groups:
            ordered = sorted(int(positions[member]) for member in group)
            for position in ordered:
                self._founder_of[position] = ordered[0]
            self._stories[ordered[0]] = _story_of(self._features, ordered)

    def _story_names(self, positions: np.ndarray) -> list[_StoryNames]:
        """The names and the doers the articles at ``positions`` give and mention, for the story-level conflicts of
        ``_average_linkage``: two stories conflict when their coverage agrees on people, places or counts the other
        never mentions (``story_conflict_min_names`` each way), or on doers of the reported act the other never
        gives as its doer (``story_conflict_min_actors`` each way: two bidders each making their own offer for one
        player, whose reports all name both bidders)."""
        settings = self.settings
        return [
            _StoryNames(*_given_and_mentioned(self._mentions, self._mention_runs, positions), settings,
                        settings.story_conflict_min_names),
            _StoryNames(*_given_and_mentioned(self._actors, self._actor_parts, positions), settings,
                        settings.story_conflict_min_actors),
        ]

    def _join_small_stories(self, positions: np.ndarray, groups: list[list[int]]) -> list[list[int]]:
        """The average-linkage ``groups`` of one component (indices into ``positions``) after each small story
        (at most ``pooled_join_max_articles``) joined the story whose pooled profile is most similar to its
        own, the most similar pair first, while that similarity reaches ``pooled_join_similarity`` and the two
        stories' spans of days lie within ``max_gap_days``.

        Average linkage holds a lone report to the mean of its pair scores with a story's members: one that
        names only some of the event's people and places scores low against each member, but against the
        story's pooled profile (its members' embeddings, entity and rare-word profiles summed, each scaled to
        unit length, in the pair similarity's weighted sum) it meets all of them at once. Two larger stories are
        not joined so: the pooled profiles of two events of one kind converge on what the kind has in common,
        and on ECB+ two such events' pooled profiles are more alike than two halves of one event's.
        """
        settings = self.settings
        groups = [list(group) for group in groups]
        if not any(len(group) <= settings.pooled_join_max_articles for group in groups):
            return groups
        pair_terms = self._pair_terms(positions, positions)
        pooled = _Pooled(self._embeddings[positions], self._entities.matrix[positions],
                         self._words.matrix[positions], pair_terms, settings)
        stories = _JoinedStories(groups, self._day_array[positions])
        scores = pooled.scores(groups, groups)
        while True:
            allowed = np.minimum.outer(stories.sizes, stories.sizes) <= settings.pooled_join_max_articles
            allowed &= stories.joinable(settings.max_gap_days)
            pair = _best_pair(scores, allowed, settings.pooled_join_similarity)
            if pair is None:
                return stories.remaining()
            a, b = pair
            stories.join(a, b)
            scores[a] = scores[:, a] = pooled.scores([stories.groups[a]], stories.groups)[0]


def _given_and_mentioned(given: _Profiles, runs: _Profiles, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Articles at ``positions`` x keys (``given``'s, whose runs of words ``runs`` holds in the same columns): whether
    the article gives the key, and whether it mentions it: gives it, a run of its words, or a longer key holding one
    it gives ("ann lee" holds "lee"). Only the columns of the articles' own keys: dense rows of those are cheap to
    merge and compare."""
    keys = given.matrix[positions]
    own = np.unique(keys.indices)
    columns = given.columns
    pairs = [(column, columns[run]) for column in own for run in _word_runs([given.key_of(int(column))])
             if run in columns]
    holds = sparse.csr_matrix((np.ones(len(pairs)), ([row for row, _ in pairs], [run for _, run in pairs])),
                              shape=(keys.shape[1], keys.shape[1]))
    mentioned = (runs.matrix[positions] + keys + (holds @ keys.T).T).tocsr()
    local = np.union1d(own, mentioned.indices)
    return keys[:, local].toarray() > 0, mentioned[:, local].toarray() > 0


def _name_words(name: str) -> list[str]:
    return [word for word in name.split() if len(word) > 1]


def _best_pair(scores: np.ndarray, allowed: np.ndarray, threshold: float) -> tuple[int, int] | None:
    """The two different stories with the highest score among the ``allowed`` pairs, when it reaches
    ``threshold``."""
    masked = np.where(allowed, scores, -np.inf)
    np.fill_diagonal(masked, -np.inf)
    first, second = np.unravel_index(int(np.argmax(masked)), masked.shape)
    return (int(first), int(second)) if masked[first, second] >= threshold else None


class _JoinedStories:
    """The stories of one component as a greedy join merges them: each one's members (indices into ``days``),
    whether it remains, its size and its span of days (NaN when undated)."""

    def __init__(self, groups: Sequence[Sequence[int]], days: np.ndarray) -> None:
        self.groups = [list(group) for group in groups]
        self.active = np.ones(len(self.groups), dtype=bool)
        self.sizes = np.array([len(group) for group in self.groups])
        self.first = np.array([np.fmin.reduce(days[group]) for group in self.groups])
        self.last = np.array([np.fmax.reduce(days[group]) for group in self.groups])

    def joinable(self, max_gap_days: float) -> np.ndarray:
        """Stories x stories: both remain, and neither one's first day comes more than ``max_gap_days`` after
        the other's last (undated stories are within any gap)."""
        first, last = self.first, self.last
        within = ~((first[None, :] - last[:, None]) > max_gap_days) & ~((first[:, None] - last[None, :]) > max_gap_days)
        return np.outer(self.active, self.active) & within

    def join(self, into: int, joining: int) -> None:
        self.groups[into].extend(self.groups[joining])
        self.active[joining] = False
        self.sizes[into] += self.sizes[joining]
        self.first[into] = np.fmin(self.first[into], self.first[joining])
        self.last[into] = np.fmax(self.last[into], self.last[joining])

    def remaining(self) -> list[list[int]]:
        return [group for group, kept in zip(self.groups, self.active, strict=True) if kept]


def _join_lone_stories(scores: np.ndarray, days: np.ndarray, groups: list[list[int]],
                       settings: ClusterSettings) -> list[list[int]]:
    """``groups`` (indices into the component's pair ``scores``) after each small story (at most
    ``lone_join_max_articles``) joined the larger story with which its mean pair similarity is highest, the
    highest first, while that mean reaches ``lone_join_similarity`` and the two stories' spans of days lie within
    ``max_gap_days``. A short report, or one whose headline is a page's furniture, scores low with every story
    of its component, yet highest with its own event's. Two small stories never join each other so: on a mean
    this low, two lone reports of one kind of event would."""
    if len(groups) < 2 or not any(len(group) <= settings.lone_join_max_articles for group in groups):
        return [list(group) for group in groups]
    indicator = np.zeros((len(groups), len(scores)))
    for number, group in enumerate(groups):
        indicator[number, group] = 1.0
    # Pair scores need not be exactly symmetric: the mean of both ways makes a story's mean with another one.
    sums = indicator @ ((scores + scores.T) / 2) @ indicator.T
    stories = _JoinedStories(groups, days)
    while True:
        small = stories.sizes <= settings.lone_join_max_articles
        allowed = small[:, None] & ~small[None, :] & stories.joinable(settings.max_gap_days)
        pair = _best_pair(sums / np.outer(stories.sizes, stories.sizes), allowed, settings.lone_join_similarity)
        if pair is None:
            return stories.remaining()
        lone, story = pair
        stories.join(story, lone)
        sums[story] += sums[lone]
        sums[:, story] += sums[:, lone]


def _move_misplaced(scores: np.ndarray, days: np.ndarray, groups: list[list[int]],
                    settings: ClusterSettings) -> list[list[int]]:
    """``groups`` (indices into the component's pair ``scores``) after each article of a story of two or more
    moved to another story of its component when both its mean pair similarity and its most similar article put it
    there: its mean with that story is its highest with any other, reaches ``join_similarity`` and beats its mean
    with the rest of its own story, that story holds the article it is most similar to, and its days lie within
    ``max_gap_days`` of the story's span. All moves are decided on the stories as average linkage and the joins
    left them, so the order of articles changes nothing.

    Average linkage merges greedily: an article that joined one story early, on a few close pairs, stays there
    when the story of its own event grows apart from it under the story-level conflict. The mean alone moves
    articles out of their event as well as into it (one with a mean well higher elsewhere has its nearest report in
    its own story); the two agreeing is what average and single linkage would both decide."""
    if len(groups) < 2 or not settings.move_to_nearest_story:
        return [list(group) for group in groups]
    symmetric = (scores + scores.T) / 2
    story_of = np.zeros(len(scores), dtype=np.int64)
    for number, group in enumerate(groups):
        story_of[group] = number
    stories = _JoinedStories(groups, days)
    everyone = np.arange(len(scores))
    # Articles x stories, sparse: a dense one would cost the cube of a large component's size.
    indicator = sparse.csr_matrix((np.ones(len(scores)), (everyone, story_of)), shape=(len(scores), len(groups)))
    sums = np.asarray((indicator.T @ symmetric).T)
    own_size = stories.sizes[story_of]
    own_means = (sums[everyone, story_of] - symmetric[everyone, everyone]) / np.maximum(own_size - 1, 1)
    means = sums / stories.sizes
    means[everyone, story_of] = -np.inf
    best = np.argmax(means, axis=1)
    np.fill_diagonal(symmetric, -np.inf)
    nearest = story_of[np.argmax(symmetric, axis=1)]
    # An undated article or story compares False, so it is within any gap.
    gap = settings.max_gap_days
    too_far = ((stories.first[best] - days) > gap) | ((days - stories.last[best]) > gap)
    moving = ((own_size >= 2) & (nearest == best) & ~too_far & (means[everyone, best] > own_means)
              & (means[everyone, best] >= settings.join_similarity))
    if not moving.any():
        return [list(group) for group in groups]
    story_of[moving] = best[moving]
    return [group for group in (sorted(np.flatnonzero(story_of == number).tolist()) for number in range(len(groups)))
            if group]


class _Pooled:
    """Pooled profiles of groups of one component's articles: the pair similarity's terms on their summed
    embeddings and profiles (each scaled to unit length), plus the mean of their pairs' other terms (``pair_terms``:
    same-year bonus, penalties, days apart)."""

    def __init__(self, embeddings: np.ndarray, entities: sparse.csr_matrix, words: sparse.csr_matrix,
                 pair_terms: np.ndarray, settings: ClusterSettings) -> None:
        self._embeddings = embeddings.astype(np.float64)
        self._profiles = ((settings.entity_weight, entities), (settings.rare_word_weight, words))
        self._pair_terms = pair_terms
        self._settings = settings

    def scores(self, rows: list[list[int]], columns: list[list[int]]) -> np.ndarray:
        left, right = self._indicator(rows), self._indicator(columns)
        scores = self._settings.embedding_weight * (
            _unit_rows(left @ self._embeddings) @ _unit_rows(right @ self._embeddings).T)
        for weight, profiles in self._profiles:
            scores += weight * (_unit_sparse_rows(left @ profiles) @ _unit_sparse_rows(right @ profiles).T).toarray()
        terms = np.asarray(left @ (right @ self._pair_terms.T).T)
        sizes = np.outer(left.sum(axis=1), right.sum(axis=1))
        return scores + terms / sizes

    def _indicator(self, groups: list[list[int]]) -> sparse.csr_matrix:
        """One row per group with a 1 in each member's column."""
        lengths = [len(group) for group in groups]
        return sparse.csr_matrix(
            (np.ones(sum(lengths)), np.concatenate(groups), np.concatenate([[0], np.cumsum(lengths)])),
            shape=(len(groups), len(self._embeddings)),
        )


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _unit_sparse_rows(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ vectors)


class _Names:
    """The names of one group (people, places) each article's opening gives: one row per name, the name and every
    run of its words, article i's rows running from offsets[i] to offsets[i + 1]."""

    def __init__(self, columns: dict[str, int]) -> None:
        self._names = _Profiles(columns)
        self._runs = _Profiles(columns)
        self._offsets = [0]

    def add(self, names: Iterable[str]) -> None:
        count = 0
        for name in names:
            self._names.add({name: 1.0})
            self._runs.add(dict.fromkeys(_word_runs([name]), 1.0))
            count += 1
        self._offsets.append(self._offsets[-1] + count)

    def refresh(self) -> None:
        self._names.refresh()
        self._runs.refresh()

    def unmentioned(self, rows: np.ndarray, columns: np.ndarray, mentions: _Profiles,
                    mention_runs: _Profiles) -> np.ndarray:
        """Whether the opening of each of articles ``rows`` names one of this group that each of ``columns``
        does not mention (``mentions``: the names each gives; ``mention_runs``: every run of their words)."""
        offsets = np.asarray(self._offsets)
        starts, counts = offsets[rows], offsets[rows + 1] - offsets[rows]
        total = int(counts.sum())
        if not total:
            return np.zeros((len(rows), len(columns)), dtype=bool)
        # The rows of every name of ``rows``, article after article.
        items = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        hits = (self._names.matrix[items] @ mention_runs.matrix[columns].T
                + self._runs.matrix[items] @ mentions.matrix[columns].T)
        owner = sparse.csr_matrix((np.ones(total), (np.repeat(np.arange(len(rows)), counts), np.arange(total))),
                                  shape=(len(rows), total))
        mentioned = np.asarray((owner @ (hits > 0).astype(np.float64)).todense())
        return mentioned < counts[:, None]


class _Profiles:
    """Every article's weighted keys (entity keys, rare words) as one sparse row each, so that profile cosines
    are one sparse product; ``matrix`` is refreshed once per batch. Profiles given one ``columns`` table share
    their columns, so that a product of the two matches the same key."""

    def __init__(self, columns: dict[str, int] | None = None) -> None:
        self.columns: dict[str, int] = {} if columns is None else columns
        self._rows: list[tuple[np.ndarray, np.ndarray]] = []
        self._keys: list[str] = []
        self.matrix = sparse.csr_matrix((0, 0), dtype=np.float32)

    def add(self, weights: dict[str, float]) -> None:
        columns = [self.columns.setdefault(key, len(self.columns)) for key in weights]
        self._rows.append((np.asarray(columns, dtype=np.int64),
                           np.fromiter(weights.values(), dtype=np.float32, count=len(columns))))

    def refresh(self) -> None:
        lengths = [len(columns) for columns, _ in self._rows]
        # Empty arrays first: a profile may hold no rows (no opening names a person or place).
        self.matrix = sparse.csr_matrix(
            (np.concatenate([np.zeros(0, dtype=np.float32), *(weights for _, weights in self._rows)]),
             np.concatenate([np.zeros(0, dtype=np.int64), *(columns for columns, _ in self._rows)]),
             np.concatenate([[0], np.cumsum(lengths)])),
            shape=(len(self._rows), max(1, len(self.columns))),
        )

    def cosines(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return (self.matrix[rows] @ self.matrix[columns].T).toarray()

    def key_of(self, column: int) -> str:
        """The key of a column (columns are numbered in the order their keys came)."""
        if len(self._keys) < len(self.columns):
            self._keys = list(self.columns)
        return self._keys[column]


def _average_linkage(
    scores: np.ndarray, linked: np.ndarray, days: np.ndarray, settings: ClusterSettings,
    names: Sequence[_StoryNames] = (),
) -> list[list[int]]:
    """Average-linkage clusters of one component: the two clusters with the highest mean pair similarity (less
    ``story_conflict_penalty`` where any of ``names`` says they conflict: ``_StoryNames``) merge while it
    reaches ``join_similarity``, if some pair between them is linked and their spans of days lie within
    ``max_gap_days`` of each other (one story is one event: the same people months later is another). Ties go to
    the first pair in row-major order."""
    table = _LinkageTable(scores, linked, days, names, settings)
    while True:
        a, b, mean = table.best_pair()
        if not mean >= settings.join_similarity:
            return table.clusters()
        table.merge(a, b)


class _LinkageTable:
    """The mean pair similarity of every two active clusters (-inf where they may not merge), with each row's
    best column kept: a merge recomputes only the merged cluster's row and column and finds the best again only
    in the rows whose best it was, where rescanning the whole matrix at every merge costs the cube of a
    component's size (minutes for a few thousand near-identical articles)."""

    def __init__(self, scores: np.ndarray, linked: np.ndarray, days: np.ndarray, names: Sequence[_StoryNames],
                 settings: ClusterSettings) -> None:
        self._sums = scores.astype(np.float64)
        self._linked = linked.copy()
        self._sizes = np.ones(len(scores))
        self._first, self._last = days.astype(np.float64), days.astype(np.float64)
        self._active = np.ones(len(scores), dtype=bool)
        self._members = [[position] for position in range(len(scores))]
        self._max_gap_days = settings.max_gap_days
        self._names = names
        self._penalty = settings.story_conflict_penalty
        everyone = np.arange(len(scores))
        self._table = self._means(everyone, everyone)
        self._best_column = np.argmax(self._table, axis=1)
        self._best_mean = self._table[everyone, self._best_column]

    def best_pair(self) -> tuple[int, int, float]:
        row = int(np.argmax(self._best_mean))
        return row, int(self._best_column[row]), float(self._best_mean[row])

    def merge(self, a: int, b: int) -> None:
        self._sums[a] += self._sums[b]
        self._sums[:, a] += self._sums[:, b]
        self._linked[a] |= self._linked[b]
        self._linked[:, a] |= self._linked[:, b]
        self._sizes[a] += self._sizes[b]
        self._first[a], self._last[a] = np.fmin(self._first[a], self._first[b]), np.fmax(self._last[a], self._last[b])
        self._members[a].extend(self._members[b])
        self._active[b] = False
        everyone, merged = np.arange(len(self._sums)), np.array([a])
        self._table[b], self._table[:, b] = -np.inf, -np.inf
        # Only the merged cluster's names changed: its conflicts are the only ones to find again.
        conflicts = [names.merge(a, b, self._active) for names in self._names]
        conflict = self._penalty * np.logical_or.reduce(conflicts) if conflicts else 0.0
        self._table[a] = self._means(merged, everyone)[0] - conflict
        column = self._table[:, a] = self._means(everyone, merged)[:, 0] - conflict
        self._best_mean[b] = -np.inf
        # In the other rows only columns a and b changed: a row whose best was a or b looks for its best again,
        # any other row only compares its best with its new mean to a.
        stale = np.flatnonzero(self._active & ((self._best_column == a) | (self._best_column == b)) | (everyone == a))
        better = self._active & ((column > self._best_mean) | ((column == self._best_mean) & (a < self._best_column)))
        self._best_mean[better], self._best_column[better] = column[better], a
        self._best_column[stale] = np.argmax(self._table[stale], axis=1)
        self._best_mean[stale] = self._table[stale, self._best_column[stale]]

    def clusters(self) -> list[list[int]]:
        return [group for group, kept in zip(self._members, self._active, strict=True) if kept]

    def _means(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The mean pair similarity of clusters ``rows`` with clusters ``columns``, -inf where they may not merge
        (pair scores need not be exactly symmetric, so a column is not read off a row)."""
        sizes, first, last = self._sizes, self._first, self._last
        block = np.ix_(rows, columns)
        means = np.where(self._linked[block], self._sums[block] / np.outer(sizes[rows], sizes[columns]), -np.inf)
        means[rows[:, None] == columns[None, :]] = -np.inf
        means[~(self._active[rows, None] & self._active[None, columns])] = -np.inf
        means[(first[None, columns] - last[rows, None]) > self._max_gap_days] = -np.inf
        means[(first[rows, None] - last[None, columns]) > self._max_gap_days] = -np.inf
        return means


class _StoryNames:
    """The names (or doers) each cluster of an average linkage gives, for its story-level conflict: two clusters of at
    least ``story_conflict_min_articles`` articles conflict when each has ``least`` typical names (given by at least
    ``story_typical_share`` of its articles) that no article of the other mentions (gives, gives a run of the words
    of, or gives a longer name holding). A pair's conflict penalties weigh one article against another, and averaged
    over two stories a few noisy openings dilute them; a story's typical names are what its coverage agrees on: two
    events of one kind keep their own people, places, numbers and doers, two halves of one event do not."""

    def __init__(self, given: np.ndarray, mentioned: np.ndarray, settings: ClusterSettings, least: int) -> None:
        # Clusters x names, one row per article to begin with: how many of its articles give each name, whether
        # one of them mentions it, and (for clusters of story_conflict_min_articles or more) its typical names.
        self._counts = given.astype(np.int32)
        self._mentioned = mentioned.copy()
        self._typical = np.zeros_like(mentioned)
        self._sizes = np.ones(len(given))
        self._large = np.zeros(len(given), dtype=bool)
        self._settings = settings
        self._least = least

    def merge(self, a: int, b: int, active: np.ndarray) -> np.ndarray:
        """Merge cluster ``b`` into ``a``; whether ``a`` now conflicts with each cluster (False for inactive ones)."""
        settings = self._settings
        self._counts[a] += self._counts[b]
        self._mentioned[a] |= self._mentioned[b]
        self._sizes[a] += self._sizes[b]
        self._large[b] = False
        conflict = np.zeros(len(self._sizes), dtype=bool)
        if self._sizes[a] < settings.story_conflict_min_articles:
            return conflict
        self._typical[a] = self._counts[a] >= settings.story_typical_share * self._sizes[a]
        self._large[a] = True
        others = np.flatnonzero(self._large & active)
        others = others[others != a]
        if not len(others):
            return conflict
        # Typical names of one that no article of the other mentions, each way.
        unmentioned_mine = (~self._mentioned[np.ix_(others, np.flatnonzero(self._typical[a]))]).sum(axis=1)
        unmentioned_theirs = (self._typical[others] & ~self._mentioned[a]).sum(axis=1)
        conflict[others] = (unmentioned_mine >= self._least) & (unmentioned_theirs >= self._least)
        return conflict


def _story_of(features: Sequence[ArticleFeatures], positions: Sequence[int]) -> Story:
    """A story of the articles at ``positions`` (in order): named after the first of them, titled by the
    headline closest to the others (as its brief is)."""
    founder = features[positions[0]]
    titles = [features[position].title for position in positions if features[position].title]
    days = [day for day in (_day(features[position].published) for position in positions) if day is not None]
    first, last = min(days, default=None), max(days, default=None)
    return Story(
        id=_story_id(founder), title=central_title(titles) if titles else founder.title,
        article_ids=tuple(features[position].article_id for position in positions),
        sources=tuple(dict.fromkeys(features[position].source for position in positions)),
        first=first.isoformat() if first else None, last=last.isoformat() if last else None,
    )


def _story_id(founder: ArticleFeatures) -> str:
    return f"story-{founder.article_id}"


def _groups(labels: Sequence[str]) -> list[list[int]]:
    """Positions that share a label, each group in ascending order, groups in the order they first appear."""
    found: dict[str, list[int]] = {}
    for position, label in enumerate(labels):
        found.setdefault(label, []).append(position)
    return list(found.values())


def clustering_rules(settings: ClusterSettings) -> str:
    """The settings stored stories were clustered with: stories kept under other rules are clustered again."""
    return json.dumps({
        "embedding_weight": settings.embedding_weight, "entity_weight": settings.entity_weight,
        "rare_word_weight": settings.rare_word_weight, "same_year_bonus": settings.same_year_bonus,
        "actor_conflict_penalty": settings.actor_conflict_penalty,
        "distinct_conflict_penalty": settings.distinct_conflict_penalty,
        "office_conflict_penalty": settings.office_conflict_penalty,
        "same_holder_similarity": settings.same_holder_similarity,
        "story_conflict_penalty": settings.story_conflict_penalty,
        "story_conflict_min_articles": settings.story_conflict_min_articles,
        "story_conflict_min_names": settings.story_conflict_min_names,
        "story_conflict_min_actors": settings.story_conflict_min_actors,
        "story_typical_share": settings.story_typical_share,
        "join_similarity": settings.join_similarity,
        "max_gap_days": settings.max_gap_days, "gap_grace_days": settings.gap_grace_days,
        "gap_decay": settings.gap_decay,
        "pooled_join_similarity": settings.pooled_join_similarity,
        "pooled_join_max_articles": settings.pooled_join_max_articles,
        "lone_join_similarity": settings.lone_join_similarity,
        "lone_join_max_articles": settings.lone_join_max_articles,
        "move_to_nearest_story": settings.move_to_nearest_story,
        "features": feature_rules(settings),
    }, sort_keys=True)


def save_story_index(index: StoryIndex, store: Store) -> None:
    """Keep every article's story, linked component and features, so the next ingest or brief reads the stories
    back without clustering again and extends them without re-reading articles. Only the rows that are new or
    whose story or component changed are written."""
    kept = store.story_assignments()
    memberships = index.memberships()
    copies = index.copy_memberships()
    rows = [_member_row(item, story, component) for item, story, component in memberships
            if kept.get(item.article_id) != (story, component)]
    rows += [_copy_row(copy, story, component) for copy, story, component in copies
             if kept.get(copy.article_id) != (story, component)]
    store.save_story_members(rows, len(memberships) + len(copies), clustering_rules(index.settings))


def _copy_row(copy: CopyMember, story: str, component: str) -> StoryMemberRow:
    # No embedding: a copy has no features, which is how a reader tells its row from a clustered article's.
    features = {"copy_of": copy.original, "source": copy.source, "published": copy.published}
    return StoryMemberRow(copy.article_id, story, b"", json.dumps(features), component)


def placed_originals(store: Store) -> dict[str, str]:
    """Each stored copy's original, as the store placed it (its copy row)."""
    return {copy.article_id: copy.original for copy in map(copy_of_row, store.story_copies()) if copy is not None}


def copy_of_row(row: StoryMemberRow) -> CopyMember | None:
    """The copy a stored row keeps, or None when the row is a clustered article's."""
    if row.embedding:
        return None
    data = json.loads(row.features)
    return CopyMember(row.article_id, data["copy_of"], data["source"], data["published"])


def _member_row(item: ArticleFeatures, story: str, component: str) -> StoryMemberRow:
    return StoryMemberRow(
        article_id=item.article_id,
        story_id=story,
        embedding=np.asarray(item.embedding, dtype="<f4").tobytes(),
        features=json.dumps({
            "source": item.source, "title": item.title, "published": item.published,
            "year": item.year, "entities": item.entities, "words": item.words, "rules": item.rules,
            "actors": list(item.actors), "named": [list(group) for group in item.named],
            "holders": [list(pair) for pair in item.holders],
        }),
        component=component,
    )


def load_story_index(store: Store, settings: Settings = DEFAULT_SETTINGS) -> StoryIndex:
    """The stories kept in the store, read from their members' rows in order. Only when the rows are not one
    whole clustering under the current settings, or some were derived under other feature rules, are they
    clustered again from their features (those derived again from their stored articles), and (unless the
    store is open read-only) kept so, so that the next reader reads them."""
    every = store.story_members()
    copies = [copy for copy in map(copy_of_row, every) if copy is not None]
    rows = [row for row in every if row.embedding]
    features = [_features_from_row(row) for row in rows]
    derived = _derived_again(features, store, settings.cluster)
    if rows and not derived and store.story_members_whole(clustering_rules(settings.cluster)):
        components = [row.component for row in rows]
        if None not in components:
            index = StoryIndex.restored(features, [row.story_id for row in rows], components, settings.cluster)
            if index is not None:
                index.attach(copies)
                return index
    index = StoryIndex(settings.cluster)
    index.add_features([derived.get(item.article_id, item) for item in features])
    index.attach(copies)
    if rows and not store.readonly:
        if derived:
            store.replace_story_members([_member_row(item, story, component)
                                         for item, story, component in index.memberships()
                                         if item.article_id in derived])
        save_story_index(index, store)
    return index


def _derived_again(features: Sequence[ArticleFeatures], store: Store,
                   settings: ClusterSettings) -> dict[str, ArticleFeatures]:
    """Features derived anew from the stored articles of those kept under other rules than ``settings``' (by
    article id). An article the store no longer holds keeps its features as they are."""
    rules = feature_rules(settings)
    articles = store.get_articles(item.article_id for item in features if item.rules != rules)
    return {item.article_id: item for item in (article_features(articles, settings) if articles else [])}


def _features_from_row(row: StoryMemberRow) -> ArticleFeatures:
    data = json.loads(row.features)
    return ArticleFeatures(
        article_id=row.article_id, source=data["source"], title=data["title"], published=data["published"],
        year=data["year"], embedding=np.frombuffer(row.embedding, dtype="<f4").astype(np.float32),
        entities={key: float(value) for key, value in data["entities"].items()},
        # Rows of an older version have neither: their rules match no current ones, so they are derived again.
        words={key: float(value) for key, value in data.get("words", {}).items()}, rules=data.get("rules", ""),
        actors=tuple(data.get("actors", ())), named=tuple(tuple(group) for group in data.get("named", ())),
        holders=tuple((office, holder) for office, holder in data.get("holders", ())),
    )


def _title(article: Article) -> str:
    """The article's title, else its first line that is not a web address (a saved page's own URL)."""
    if article.title and article.title.strip():
        return article.title.strip()
    lines = (line.strip() for line in article.text.split("\n"))
    return next((line for line in lines if line and page_address(line) is None), "")[:200].strip()


def _lead(article: Article, chars: int) -> str:
    """The opening of the text, cut at a word boundary."""
    return _cut(" ".join(article.text.split()), chars)


def _cut(text: str, chars: int) -> str:
    """The first ``chars`` characters of ``text``, cut at a word boundary."""
    if len(text) <= chars:
        return text
    return text[:chars].rsplit(" ", 1)[0]


def _entity_key(text: str, label: str) -> str:
    """A canonical entity key: case, punctuation, possessives, leading articles, the dots of an initialism
    ("U.S."), common abbreviations ("Mt") and, in a person's name, titles and suffixes do not matter; a count is
    its value, in words or digits ("two", "2"; "1,000", "one thousand")."""
    if label in _COUNT_LABELS:
        value = parse_number(text.split())
        if value is not None:
            return f"{value:.12g}"
    words = _NON_WORD.sub(" ", text.lower().replace("'s", "").replace("\u2019s", "")).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    words = " ".join(_ABBREVIATIONS.get(word, word) for word in _join_initials(words)).split()
    if label == "PERSON":
        while len(words) > 1 and words[0] in _TITLES:
            words = words[1:]
        while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
            words = words[:-1]
    return " ".join(words)


def _join_initials(words: list[str]) -> list[str]:
    """Runs of single letters joined into one word: "u s" (from "U.S.") is "us", as "US" is."""
    joined: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    return [*joined, run] if run else joined


def _unit_weights(counts: Counter[str]) -> dict[str, float]:
    """Sublinear term weights scaled to unit length, so that a dot product is a cosine."""
    weights = {key: 1.0 + math.log(count) for key, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    return {key: weight / norm for key, weight in weights.items()} if norm else {}


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None


def _year(published: str | None, text: str) -> str | None:
    """The year an article speaks of: its publication year, else the year its lead names most often."""
    day = _day(published)
    if day is not None:
        return str(day.year)
    years = Counter(_YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None
