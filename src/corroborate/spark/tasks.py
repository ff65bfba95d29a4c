"""What runs inside Spark tasks, and the small driver-side steps between them: plain Python over records.

Every function here calls the single-machine stage functions (ingest, pipeline, dedup, cluster) on the part of
the data one task holds; none of them knows about Spark, so each can be tested, and reasoned about, alone.
Positions order everything: ``input number << 32 | document number`` is the order in which the single-machine
ingest would have met each document, and every replay below follows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import TypeVar

from corroborate import cluster, dedup
from corroborate.ingest import iter_documents
from corroborate.pipeline import article_or_skip, content_id
from corroborate.records import Article, RawDocument, Skipped
from corroborate.settings import Settings
from corroborate.store import SignatureRow, Store, StoryMemberRow

# Documents one input may hold before their positions would run into the next input's.
INPUT_BITS = 32
# Join keys of the dedup candidate search: an LSH band value, or the hash of a clean text (exact copies).
BAND, TEXT = "band", "text"
JoinKey = tuple[str, int | str]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReadItem:
    """One document of one input: as read, then built into an article or skipped with its reason; ``key`` is its
    content id when it had content, so that the same page met twice is built once, as the single-machine ingest
    does; ``also`` holds the origins of its later copies, which the store keeps as more places it was found."""

    position: int
    key: str | None
    document: RawDocument | None = None
    article: Article | None = None
    skipped: Skipped | None = None
    also: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        found = self.document or self.article or self.skipped
        return found.origin if found is not None else ""


@dataclass(frozen=True, slots=True)
class WindowResult:
    """The stories of one time window, and the store rows of its members, each at its article's position."""

    stories: tuple[tuple[int, cluster.Story], ...]
    members: tuple[tuple[int, StoryMemberRow], ...]
    window: int


# ---- extraction -----------------------------------------------------------------------------------------------


def read_input(task: tuple[int, str], settings: Settings) -> Iterator[ReadItem]:
    """Every document of one input (a file, or a folder read whole), as read."""
    number, path = task
    for index, document in enumerate(iter_documents([path], settings)):
        position = (number << INPUT_BITS) | index
        if isinstance(document, Skipped):
            yield ReadItem(position, None, skipped=document)
        else:
            yield ReadItem(position, content_id(document.content), document=document)


def build_item(item: ReadItem, settings: Settings) -> ReadItem:
    """The article a read document holds, or why it holds none."""
    document = item.document
    if document is None:
        return item
    result = article_or_skip(document, settings)
    if isinstance(result, Skipped):
        return replace(item, document=None, skipped=result)
    return replace(item, document=None, article=result)


def earlier(one: ReadItem, other: ReadItem) -> ReadItem:
    """The first of two reads of the same content, with the other's origins among its copies'."""
    first, later = (one, other) if one.position < other.position else (other, one)
    return replace(first, also=(*first.also, later.origin, *later.also))


# ---- duplicates -----------------------------------------------------------------------------------------------


def signature_rows(rows: Iterable[tuple[int, Article]], settings: Settings) -> Iterator[tuple[int, dedup.Signature]]:
    """MinHash signatures of one partition's articles, hashed in batches."""
    for batch in batched(rows, settings.spark.feature_batch):
        positions = [position for position, _ in batch]
        found = dedup.signatures([article for _, article in batch], settings.dedup)
        yield from zip(positions, found, strict=True)


def join_keys(rows: Iterable[tuple[int, dedup.Signature]], settings: Settings) -> Iterator[tuple[JoinKey, int]]:
    """Each signature's LSH band values and its text hash: articles sharing one are candidate copies.

    A signature of no shingles (a text too short for MinHash) gets no band keys, as the index never buckets it.
    """
    for batch in batched(rows, settings.spark.feature_batch):
        for position, signature in batch:
            yield (TEXT, signature.text_hash), position
        hashed = [(position, signature) for position, signature in batch if signature.shingles > 0]
        if not hashed:
            continue
        keys = dedup.band_keys([signature.hashvalues for _, signature in hashed], settings.dedup).tolist()
        for (position, _), signature_keys in zip(hashed, keys, strict=True):
            yield from (((BAND, key), position) for key in signature_keys)


def star_edges(members: Iterable[int]) -> list[tuple[int, int]]:
    """Edges that connect every article of one join key: each to the earliest."""
    ordered = sorted(set(members))
    return [(ordered[0], other) for other in ordered[1:]]


def components(edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Connected components of candidate edges: each position mapped to the earliest position of its part."""
    parent: dict[int, int] = {}

    def find(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for one, other in edges:
        first, second = sorted((find(one), find(other)))
        parent[second] = first
    return {node: find(node) for node in parent}


def duplicate_groups(
    signatures: Iterable[tuple[int, dedup.Signature]], settings: Settings
) -> list[tuple[int, dedup.DuplicateGroup]]:
    """The groups among one component of candidates, by the single-machine index fed in input order.

    Every comparison the index makes is between articles sharing a band or a text hash, so they all lie in
    one component: replaying a component alone finds exactly the groups the whole crawl's index finds there.
    """
    ordered = sorted(signatures, key=lambda item: item[0])
    position_of = {signature.article_id: position for position, signature in ordered}
    index = dedup.DuplicateIndex(settings.dedup)
    index.add_signatures(signature for _, signature in ordered)
    return [(position_of[group.canonical], group) for group in index.groups()]


def signature_row(signature: dedup.Signature) -> SignatureRow:
    return SignatureRow(signature.article_id, signature.text_hash, signature.published, signature.shingles,
                        signature.to_bytes())


# ---- stories --------------------------------------------------------------------------------------------------


def feature_rows(
    rows: Iterable[tuple[int, Article]], settings: Settings
) -> Iterator[tuple[int, cluster.ArticleFeatures]]:
    """Clustering features (lead embedding, entities, dates) of one partition's articles, in model batches."""
    for batch in batched(rows, settings.spark.feature_batch):
        found = cluster.article_features([article for _, article in batch], settings.cluster)
        yield from zip((position for position, _ in batch), found, strict=True)


def publication_day(features: cluster.ArticleFeatures) -> date | None:
    # The day clustering itself reads off the publication date: windows must split where its date rule does.
    return cluster._day(features.published)


def time_windows(days: Iterable[date | None], max_gap_days: float) -> dict[date | None, int]:
    """Number the publication days into windows that can never share a story.

    A dated article never joins a story whose dates lie more than ``max_gap_days`` away, so where the crawl's
    days leave a wider gap, the stories before it and after it are apart for good. An undated article may join
    any story, and may open one any article joins: with one in the crawl, everything is one window.
    """
    distinct = set(days)
    if None in distinct:
        return dict.fromkeys(distinct, 0)
    windows: dict[date | None, int] = {}
    window, previous = 0, None
    for day in sorted(d for d in distinct if d is not None):
        if previous is not None and (day - previous).days > max_gap_days:
            window += 1
        windows[day] = window
        previous = day
    return windows


def window_stories(
    window: int, features: Iterable[tuple[int, cluster.ArticleFeatures]], settings: Settings
) -> WindowResult:
    """The stories of one window: its articles placed by the single-machine story index, in input order."""
    ordered = sorted(features, key=lambda item: item[0])
    position_of = {item.article_id: position for position, item in ordered}
    index = cluster.StoryIndex(settings.cluster)
    index.add_features(item for _, item in ordered)
    stories = tuple((position_of[story.article_ids[0]], story) for story in index.stories())
    return WindowResult(stories, _member_rows(index, position_of), window)


def _member_rows(index: cluster.StoryIndex, position_of: dict[str, int]) -> tuple[tuple[int, StoryMemberRow], ...]:
    # The rows exactly as cluster.save_story_index writes them, through a store that lives only in this task.
    with Store(":memory:") as scratch:
        cluster.save_story_index(index, scratch)
        return tuple((position_of[row.article_id], row) for row in scratch.story_members())


def merge_stories(windows: Iterable[Iterable[tuple[int, cluster.Story]]]) -> list[cluster.Story]:
    """All windows' stories in the single-machine order: largest first, then by when each was opened."""
    found = [item for stories in windows for item in stories]
    return [story for _, story in sorted(found, key=lambda item: (-len(item[1].article_ids), item[0]))]


# ---- helpers --------------------------------------------------------------------------------------------------


def batched(items: Iterable[T], size: int) -> Iterator[Sequence[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
