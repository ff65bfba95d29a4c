"""Story clustering: every article joins the story of its event, or opens a new one.

1. ``article_features``: for a batch of articles at once, embed title + lead (MiniLM), find the named
   entities of title + lead (spaCy NER) as canonical keys, and note the date and the year the text speaks of;
2. ``StoryIndex.assign``: in input order, each article joins the story with the highest average-linkage
   similarity (lead embeddings, entity profiles, and for an undated article the same year spoken of) if it
   reaches ``join_similarity`` and its date lies near the story's dates; otherwise it opens a new story.

Each story keeps sums of its members' vectors, so average linkage costs one dot product per story and a new
batch never re-clusters what is stored. Because articles are taken one by one in order, assigning a sequence
in several batches gives exactly the stories of assigning it at once.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from corroborate import nlp
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, ClusterSettings, Settings
from corroborate.store import Store, StoryMemberRow

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NON_WORD = re.compile(r"[^\w]+")
_ARTICLES = frozenset({"the", "a", "an"})


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
class ArticleFeatures:
    """What clustering reads of one article; kept in the store so that stored articles are never re-read."""

    article_id: str
    source: str
    title: str
    published: str | None
    year: str | None
    embedding: np.ndarray
    entities: dict[str, float]


@dataclass(slots=True)
class _StoryState:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None


def cluster(articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS) -> list[Story]:
    """The stories of ``articles``, largest first."""
    index = StoryIndex(settings.cluster)
    index.assign(articles)
    return index.stories()


def article_features(articles: Sequence[Article], settings: ClusterSettings) -> list[ArticleFeatures]:
    """Features of a batch: one embedding call and one spaCy pass over the whole batch."""
    titles = [_title(article) for article in articles]
    leads = [_lead(article, settings.lead_chars) for article in articles]
    embeddings = nlp.embed([f"{title}. {lead}" for title, lead in zip(titles, leads, strict=True)])
    entity_texts = [f"{title}.\n{_lead(article, settings.entity_chars)}" for title, article in
                    zip(titles, articles, strict=True)]
    pipeline = nlp.spacy_pipeline(nlp.ENTITY_PIPES)
    docs = pipeline.pipe(entity_texts, batch_size=DEFAULT_SETTINGS.models.spacy_batch_size)
    labels = frozenset(settings.entity_labels)
    features = []
    for article, title, text, doc, embedding in zip(articles, titles, entity_texts, docs, embeddings,
                                                   strict=True):
        keys = [_entity_key(ent.text) for ent in doc.ents if ent.label_ in labels]
        features.append(ArticleFeatures(
            article_id=article.id, source=article.source, title=title, published=article.published,
            year=_year(article.published, text), embedding=embedding,
            entities=_unit_weights(Counter(key for key in keys if key)),
        ))
    return features


class StoryIndex:
    """Stories so far, with the sums that make average linkage cheap; ``assign`` grows it in place."""

    def __init__(self, settings: ClusterSettings = DEFAULT_SETTINGS.cluster) -> None:
        self.settings = settings
        self._stories: list[_StoryState] = []
        self._embedding_sums = np.zeros((0, 0), dtype=np.float32)
        self._story_of: dict[str, int] = {}
        self._stories_with_entity: dict[str, set[int]] = {}
        self._features: list[ArticleFeatures] = []

    def __len__(self) -> int:
        return len(self._stories)

    def assign(self, articles: Sequence[Article]) -> dict[str, str]:
        """Put each new article in a story; returns article id -> story id for every article given."""
        fresh = list({a.id: a for a in articles if a.id not in self._story_of}.values())
        self.add_features(article_features(fresh, self.settings) if fresh else [])
        return {article.id: self._stories[self._story_of[article.id]].id for article in articles}

    def add_features(self, features: Iterable[ArticleFeatures]) -> None:
        """Assign articles whose features are known already (read back from the store), in order."""
        for item in features:
            if item.article_id not in self._story_of:
                self._place(item)

    def features(self) -> list[ArticleFeatures]:
        """Every article's features in the order they were assigned: replaying them rebuilds this index."""
        return list(self._features)

    def story_of(self, article_id: str) -> str | None:
        position = self._story_of.get(article_id)
        return self._stories[position].id if position is not None else None

    def stories(self) -> list[Story]:
        """Every story, largest first, then in the order they were opened."""
        ordered = sorted(enumerate(self._stories), key=lambda item: (-len(item[1].article_ids), item[0]))
        return [_story(state) for _, state in ordered]

    def _place(self, item: ArticleFeatures) -> None:
        day = _day(item.published)
        scores = self._similarities(item, day)
        best = int(np.argmax(scores)) if len(scores) else -1
        if best < 0 or scores[best] < self.settings.join_similarity:
            best = self._open(item)
        self._join(best, item, day)

    def _similarities(self, item: ArticleFeatures, day: date | None) -> np.ndarray:
        """Average-linkage similarity of one article to every story (-inf where its date rules it out)."""
        count = len(self._stories)
        if count == 0:
            return np.zeros(0, dtype=np.float32)
        sizes = np.array([len(state.article_ids) for state in self._stories], dtype=np.float32)
        entity_dots = np.zeros(count, dtype=np.float32)
        for key, weight in item.entities.items():
            for position in self._stories_with_entity.get(key, ()):
                entity_dots[position] += weight * self._stories[position].entities[key]
        embedding_dots = self._embedding_sums[:count] @ item.embedding
        settings = self.settings
        scores = (settings.embedding_weight * embedding_dots + settings.entity_weight * entity_dots) / sizes
        if day is not None:
            scores[self._too_far(day)] = -np.inf
        elif item.year is not None:
            # An undated article's only time evidence is the year it speaks of. A dated one is already kept
            # inside its story's days, and a same-year bonus on top would join two events of the same days
            # about the same people (a memo released, a lawsuit filed) on their shared names alone.
            scores += self._year_agreement(item.year) / sizes
        return scores

    def _year_agreement(self, year: str) -> np.ndarray:
        same = np.array([state.years[year] for state in self._stories], dtype=np.float32)
        return self.settings.same_year_bonus * same

    def _too_far(self, day: date) -> np.ndarray:
        gap = self.settings.max_gap_days
        return np.array([
            state.first is not None and state.last is not None
            and ((state.first - day).days > gap or (day - state.last).days > gap)
            for state in self._stories
        ], dtype=bool)

    def _open(self, item: ArticleFeatures) -> int:
        position = len(self._stories)
        self._stories.append(_StoryState(id=f"story-{item.article_id}", title=item.title))
        if position >= len(self._embedding_sums):
            grown = np.zeros((max(16, 2 * position), len(item.embedding)), dtype=np.float32)
            if position:
                grown[:position] = self._embedding_sums[:position]
            self._embedding_sums = grown
        return position

    def _join(self, position: int, item: ArticleFeatures, day: date | None) -> None:
        state = self._stories[position]
        state.article_ids.append(item.article_id)
        if item.source not in state.sources:
            state.sources.append(item.source)
        self._embedding_sums[position] += item.embedding
        for key, weight in item.entities.items():
            state.entities[key] += weight
            self._stories_with_entity.setdefault(key, set()).add(position)
        if item.year is not None:
            state.years[item.year] += 1
        if day is not None:
            state.first = min(state.first or day, day)
            state.last = max(state.last or day, day)
        self._story_of[item.article_id] = position
        self._features.append(item)


def save_story_index(index: StoryIndex, store: Store) -> None:
    """Keep every article's story and features, so the next ingest extends the stories without re-reading."""
    store.add_story_members(
        StoryMemberRow(
            article_id=item.article_id,
            story_id=index.story_of(item.article_id) or "",
            embedding=np.asarray(item.embedding, dtype="<f4").tobytes(),
            features=json.dumps({
                "source": item.source, "title": item.title, "published": item.published,
                "year": item.year, "entities": item.entities,
            }),
        )
        for item in index.features()
    )


def load_story_index(store: Store, settings: Settings = DEFAULT_SETTINGS) -> StoryIndex:
    """The stories kept in the store, rebuilt by replaying their members' features in order."""
    index = StoryIndex(settings.cluster)
    index.add_features(_features_from_row(row) for row in store.story_members())
    return index


def _features_from_row(row: StoryMemberRow) -> ArticleFeatures:
    data = json.loads(row.features)
    return ArticleFeatures(
        article_id=row.article_id, source=data["source"], title=data["title"], published=data["published"],
        year=data["year"], embedding=np.frombuffer(row.embedding, dtype="<f4").astype(np.float32),
        entities={key: float(value) for key, value in data["entities"].items()},
    )


def _story(state: _StoryState) -> Story:
    return Story(
        id=state.id, title=state.title, article_ids=tuple(state.article_ids), sources=tuple(state.sources),
        first=state.first.isoformat() if state.first else None,
        last=state.last.isoformat() if state.last else None,
    )


def _title(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title.strip()
    first_line = article.text.strip().split("\n", 1)[0]
    return first_line[:200].strip()


def _lead(article: Article, chars: int) -> str:
    """The opening of the text, cut at a word boundary."""
    text = " ".join(article.text.split())
    if len(text) <= chars:
        return text
    return text[:chars].rsplit(" ", 1)[0]


def _entity_key(text: str) -> str:
    """A canonical entity key: case, punctuation, possessives and leading articles do not matter."""
    words = _NON_WORD.sub(" ", text.lower().replace("'s", "").replace("\u2019s", "")).split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


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
