"""What the web app reads: stories, their briefs (cached in the store), articles, search hits, outlet signals.

A brief takes seconds (spaCy and MiniLM), so each story's brief JSON is kept in the store under the story id,
together with the article ids and a fingerprint of the settings it was computed from: when a story gains or
loses articles, or a threshold changes, its cached brief no longer matches and is computed again. Briefs are
computed one at a time under one lock, so a page asking for a brief that the background worker is computing
waits for it instead of computing it twice.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from corroborate import pipeline
from corroborate.errors import UnknownStoryError
from corroborate.records import (
    Article,
    ArticleRef,
    Brief,
    Claim,
    Contradiction,
    Entity,
    Evidence,
    Position,
    RemovedRef,
    SourceSignal,
    Story,
    StoryInfo,
    TimelineEvent,
)
from corroborate.settings import Settings
from corroborate.store import SearchHit, Store

log = logging.getLogger(__name__)

BRIEF_KIND = "brief"


class UnknownArticleError(LookupError):
    """An article id that the store does not hold."""


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """What the stories list is narrowed to: words to search, a date range (ISO dates) and one outlet."""

    text: str = ""
    since: str | None = None
    until: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One row of the stories list; the counts are ``None`` while the story's brief is being computed."""

    story: Story
    claims: int | None = None
    corroborated: int | None = None
    contradictions: int | None = None
    hit: SearchHit | None = None

    def to_json(self) -> dict[str, Any]:
        story = self.story
        return {
            "id": story.id,
            "title": story.title,
            "articles": len(story.article_ids),
            "article_ids": story.article_ids,
            "sources": story.sources,
            "first_published": story.first_published,
            "last_published": story.last_published,
            "brief_ready": self.claims is not None,
            "claims": self.claims,
            "corroborated": self.corroborated,
            "contradictions": self.contradictions,
            "match": None if self.hit is None else {"field": self.hit.field, "snippet": plain_snippet(self.hit)},
        }


@dataclass(frozen=True, slots=True)
class Citation:
    """A cited sentence of an article: its character span, the claim's status and text, and the brief's story."""

    start: int
    end: int
    status: str
    claim: str
    story_id: str


@dataclass(frozen=True, slots=True)
class OutletOverview:
    """One outlet's signals summed over every story whose brief is ready."""

    signal: SourceSignal
    stories: int

    def to_json(self) -> dict[str, Any]:
        signal = self.signal
        return {
            "source": signal.source,
            "stories": self.stories,
            "articles": len(signal.articles),
            "statements": signal.statements,
            "corroborated": signal.corroborated,
            "contradictions_alone": signal.contradictions_alone,
            "attributed": signal.attributed,
            "junk_chars": signal.junk_chars,
            "total_chars": signal.total_chars,
            "corroborated_share": round(signal.corroborated_share, 3),
            "junk_share": round(signal.junk_share, 3),
            "attribution_rate": round(signal.attribution_rate, 3),
        }


class Library:
    """The web app's read side over one store file, one SQLite connection per thread."""

    def __init__(self, db_path: str, settings: Settings) -> None:
        self.db_path = db_path
        self.settings = settings
        self._local = threading.local()
        self._connections: list[Store] = []
        self._connections_lock = threading.Lock()
        self._brief_lock = threading.Lock()
        self._stories_lock = threading.Lock()
        self._stories: tuple[int, list[Story]] | None = None
        self._settings_fingerprint = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]

    # ---- connections --------------------------------------------------------------------------------------

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path)
            self._local.store = store
            with self._connections_lock:
                self._connections.append(store)
        return store

    def close(self) -> None:
        with self._connections_lock:
            for store in self._connections:
                store.close()
            self._connections.clear()

    # ---- stories ------------------------------------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story, newest first; clustering reruns only when the store's article count changes."""
        count = self.store().count_articles()
        with self._stories_lock:
            if self._stories is None or self._stories[0] != count:
                self._stories = (count, _newest_first(pipeline.list_stories(self.store())))
            return list(self._stories[1])

    def forget_stories(self) -> None:
        with self._stories_lock:
            self._stories = None

    def story(self, story_id: str) -> Story:
        for story in self.stories():
            if story.id == story_id:
                return story
        raise UnknownStoryError(f"no story {story_id!r}")

    def outlets(self) -> list[str]:
        return sorted({source for story in self.stories() for source in story.sources})

    def summaries(self, query: StoryQuery, offset: int = 0, limit: int | None = None) -> tuple[int, list[StorySummary]]:
        """How many stories match, and the summaries of those from ``offset`` (search hits best first)."""
        stories = [story for story in self.stories() if _matches_filters(story, query)]
        found: list[tuple[Story, SearchHit | None]] = [(story, None) for story in stories]
        if query.text.strip():
            by_id = {story.id: story for story in stories}
            hits = self.store().search_stories(query.text, self.settings.web.search_limit)
            found = [(by_id[hit.story_id], hit) for hit in hits if hit.story_id in by_id]
        end = None if limit is None else offset + limit
        # Only the page shown is summarised: each summary reads its story's cached brief.
        return len(found), [self._summary(story, hit) for story, hit in found[offset:end]]

    def _summary(self, story: Story, hit: SearchHit | None) -> StorySummary:
        brief = self.cached_brief(story)
        if brief is None:
            return StorySummary(story, hit=hit)
        corroborated = sum(1 for claim in brief.claims if claim.status == "corroborated")
        return StorySummary(story, len(brief.claims), corroborated, len(brief.contradictions), hit)

    # ---- briefs -------------------------------------------------------------------------------------------

    def cached_brief(self, story: Story) -> Brief | None:
        cached = self.store().get_document(BRIEF_KIND, story.id)
        if not isinstance(cached, dict) or cached.get("key") != self._cache_key(story):
            return None
        return brief_from_json(cached["brief"])

    def brief(self, story: Story) -> Brief:
        """The story's brief, from the cache or computed now (and cached and indexed for search)."""
        cached = self.cached_brief(story)
        if cached is not None:
            return cached
        with self._brief_lock:
            cached = self.cached_brief(story)
            if cached is not None:
                return cached
            return self._compute_brief(story)

    def _compute_brief(self, story: Story) -> Brief:
        store = self.store()
        brief = pipeline.story_brief(store, story.id, self.settings)
        store.put_document(
            BRIEF_KIND, story.id, {"key": self._cache_key(story), "brief": brief.to_json()}
        )
        store.index_story(story.id, brief.story.title, [claim.text for claim in brief.claims])
        return brief

    def _cache_key(self, story: Story) -> dict[str, Any]:
        """What a cached brief was computed from: the story's articles and every threshold in the settings."""
        return {"article_ids": sorted(story.article_ids), "settings": self._settings_fingerprint}

    def stale_stories(self) -> list[Story]:
        """Stories whose brief is missing or was computed from other articles; titles are indexed meanwhile."""
        stories = self.stories()
        store = self.store()
        store.drop_from_search(store.indexed_story_ids() - {story.id for story in stories})
        stale = [story for story in stories if self.cached_brief(story) is None]
        for story in stale:
            store.index_story(story.id, story.title, [])
        return stale

    # ---- articles -----------------------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        article = self.store().get_article(article_id)
        if article is None:
            raise UnknownArticleError(f"no article {article_id!r}")
        return article

    def stories_of(self, article_id: str) -> list[Story]:
        return [story for story in self.stories() if article_id in story.article_ids]

    def citations(self, article: Article) -> list[Citation]:
        """Sentences of ``article`` that the ready briefs cite, each located in its clean text."""
        found: dict[int, Citation] = {}
        for story in self.stories_of(article.id):
            brief = self.cached_brief(story)
            if brief is None:
                continue
            for status, claim, evidence in _evidence_of(brief):
                if evidence.article != article.id:
                    continue
                span = locate(article.text, evidence)
                # A sentence both corroborated and contested is shown as contested: the stronger warning.
                if span is not None and (span[0] not in found or status == "contradicted"):
                    found[span[0]] = Citation(span[0], span[1], status, claim, story.id)
        return sorted(found.values(), key=lambda citation: citation.start)

    # ---- outlets ------------------------------------------------------------------------------------------

    def outlet_overviews(self) -> tuple[list[OutletOverview], int]:
        """Each outlet's signals over every story whose brief is ready, and how many briefs are not ready."""
        totals: dict[str, SourceSignal] = {}
        story_counts: dict[str, int] = {}
        pending = 0
        for story in self.stories():
            brief = self.cached_brief(story)
            if brief is None:
                pending += 1
                continue
            for signal in brief.sources:
                total = totals.setdefault(signal.source, SourceSignal(signal.source, [], 0, 0))
                _add_signal(total, signal)
                story_counts[signal.source] = story_counts.get(signal.source, 0) + 1
        overviews = [OutletOverview(totals[name], story_counts[name]) for name in sorted(totals)]
        return overviews, pending


# ---- helpers --------------------------------------------------------------------------------------------------


def _newest_first(stories: Sequence[Story]) -> list[Story]:
    undated = [story for story in stories if not story.last_published]
    dated = sorted((story for story in stories if story.last_published), key=lambda s: s.last_published or "",
                   reverse=True)
    return dated + undated


def _matches_filters(story: Story, query: StoryQuery) -> bool:
    if query.outlet and query.outlet not in story.sources:
        return False
    if query.since and (not story.last_published or story.last_published[:10] < query.since):
        return False
    return not (query.until and (not story.first_published or story.first_published[:10] > query.until))


def _evidence_of(brief: Brief) -> Iterable[tuple[str, str, Evidence]]:
    for claim in brief.claims:
        for evidence in claim.evidence:
            yield claim.status, claim.text, evidence
    for contradiction in brief.contradictions:
        for position in contradiction.positions:
            for evidence in position.evidence:
                yield "contradicted", f"{contradiction.subject}: {position.value}", evidence


def locate(text: str, evidence: Evidence) -> tuple[int, int] | None:
    """The span of the quoted sentence in ``text``: at its stated offset, or found by its text."""
    quote = evidence.quote
    if evidence.start is not None and text[evidence.start:evidence.start + len(quote)] == quote:
        return evidence.start, evidence.start + len(quote)
    found = text.find(quote) if quote else -1
    return (found, found + len(quote)) if found >= 0 else None


def _add_signal(total: SourceSignal, signal: SourceSignal) -> None:
    total.articles.extend(article for article in signal.articles if article not in total.articles)
    total.statements += signal.statements
    total.corroborated += signal.corroborated
    total.contradictions_alone += signal.contradictions_alone
    total.attributed += signal.attributed
    total.junk_chars += signal.junk_chars
    total.total_chars += signal.total_chars


def plain_snippet(hit: SearchHit) -> str:
    return hit.snippet.replace(SearchHit.MARK_START, "").replace(SearchHit.MARK_END, "")


# ---- the cached JSON back into records --------------------------------------------------------------------------

Record = TypeVar("Record")


def _record(cls: type[Record], data: Mapping[str, Any], **nested: Any) -> Record:
    """``cls`` from its JSON, ignoring fields it does not have (derived ones, or ones added later)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {key: value for key, value in data.items() if key in names}
    values.update(nested)
    return cls(**values)


def _evidence(items: Iterable[Mapping[str, Any]]) -> list[Evidence]:
    return [_record(Evidence, item) for item in items]


def _position(data: Mapping[str, Any]) -> Position:
    return _record(Position, data, evidence=_evidence(data.get("evidence", [])))


def brief_from_json(data: Mapping[str, Any]) -> Brief:
    """The ``Brief`` that ``Brief.to_json`` wrote."""
    return Brief(
        story=_record(StoryInfo, data["story"]),
        articles=[_record(ArticleRef, item) for item in data.get("articles", [])],
        claims=[
            _record(Claim, item, evidence=_evidence(item.get("evidence", []))) for item in data.get("claims", [])
        ],
        contradictions=[
            _record(
                Contradiction,
                item,
                positions=[_position(position) for position in item.get("positions", [])],
            )
            for item in data.get("contradictions", [])
        ],
        entities=[
            _record(Entity, item, roles=[_position(position) for position in item.get("roles", [])])
            for item in data.get("entities", [])
        ],
        timeline=[_record(TimelineEvent, item) for item in data.get("timeline", [])],
        removed=[_record(RemovedRef, item) for item in data.get("removed", [])],
        sources=[_record(SourceSignal, item) for item in data.get("sources", [])],
    )
