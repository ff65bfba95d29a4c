"""What runs inside Spark tasks, and the small driver-side steps between them: plain Python over records.

Every function here calls the single-machine stage functions (ingest, pipeline, dedup, cluster) on the part of
the data one task holds; none of them knows about Spark, so each can be tested, and reasoned about, alone.
Positions order everything: ``input number << 32 | document number`` is the order in which the single-machine
ingest would have met each document, and every replay below follows it. What the store already holds comes
before all of it: its rows get negative positions, in the store's own order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import TypeVar

from corroborate import cluster, dedup
from corroborate.ingest import documents_from_bytes, iter_documents
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
    does; ``also`` holds the origins of its later copies, which the store keeps as more places it was found;
    ``stored`` says the store held its article before this run, so it was not built again."""

    position: int
    key: str | None
    origin: str
    document: RawDocument | None = None
    article: Article | None = None
    skipped: Skipped | None = None
    also: tuple[str, ...] = ()
    stored: bool = False


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
    return _read_items(number, iter_documents([path], settings))


def read_file_bytes(number: int, name: str, data: bytes, settings: Settings) -> Iterator[ReadItem]:
    """Every document of one file that Spark's own reader fetched (from HDFS, S3, ...), as read."""
    return _read_items(number, documents_from_bytes(name, data, settings))


def _read_items(number: int, documents: Iterable[RawDocument | Skipped]) -> Iterator[ReadItem]:
    for index, document in enumerate(documents):
        position = (number << INPUT_BITS) | index
        if isinstance(document, Skipped):
            yield ReadItem(position, None, document.origin, skipped=document)
        else:
            yield ReadItem(position, content_id(document.content), document.origin, document=document)


def build_item(item: ReadItem, settings: Settings, stored: Set[str] = frozenset()) -> ReadItem:
    """The article a read document holds, or why it holds none; one the store holds already is not built."""
    document = item.document
    if document is None:
        return item
    if item.key in stored:
        return replace(item, document=None, stored=True)
    result = article_or_skip(document, settings)
    if isinstance(result, Skipped):
        return replace(item, document=None, skipped=result)
    return replace(item, document=None, article=result)


def earlier(one: ReadItem, other: ReadItem) -> ReadItem:
    """The first of two reads of the same content, with the other's origins among its copies'."""
    first, later = (one, other) if one.position < other.position else (other, one)
    return replace(first, also=(*first.also, later.origin, *later.also))


def found_again(item: ReadItem) -> list[tuple[int, tuple[str, str]]]:
    """(origin, article id) of every place this run found an article that was read before, in the store or
    earlier in this run: the store keeps them as more places the article was found."""
    if item.stored and item.key is not None:
        return [(item.position, (origin, item.key)) for origin in (item.origin, *item.also)]
    if item.article is not None:
        return [(item.position, (origin, item.article.id)) for origin in item.also]
    return []


def skipped_rows(item: ReadItem) -> list[tuple[int, Skipped]]:
    """Why this input holds no article: its own reason, and for its later copies the first copy's failure."""
    if item.skipped is None:
        return []
    copies = [Skipped(origin, f"same content as {item.origin}, which could not be read") for origin in item.also]
    return [(item.position, skipped) for skipped in (item.skipped, *copies)]


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
) -> list[tuple[int, dedup.DuplicateGroup, dict[str, str]]]:
    """The groups among one component of candidates, by the single-machine index fed in input order, each with
    the article each of its new copies copies first (``DuplicateIndex.copied``), in input order: the driver follows
    those to the originals whose stories they take (``dedup.originals``).

    Every comparison the index makes is between articles sharing a band or a text hash, so they all lie in
    one component: replaying a component alone (stored signatures first, in the store's order) finds exactly
    the groups the whole store's index finds there. Only groups holding an article of this run come back.
    """
    ordered = sorted(signatures, key=lambda item: item[0])
    position_of = {signature.article_id: position for position, signature in ordered}
    index = dedup.DuplicateIndex(settings.dedup)
    index.add_signatures(signature for _, signature in ordered)
    found = []
    for group in index.groups():
        new = [member for member in group.members if position_of[member] >= 0]
        if new:
            found.append((position_of[group.canonical], group, index.copied(new)))
    return found


def signature_row(signature: dedup.Signature) -> SignatureRow:
    return SignatureRow(signature.article_id, signature.text_hash, signature.published, signature.shingles,
                        signature.to_bytes())


def stored_signature(row: tuple[int, SignatureRow]) -> tuple[int, dedup.Signature]:
    """A stored signature, as ``dedup.load_duplicate_index`` reads it back."""
    position, stored = row
    return position, dedup.Signature(stored.article_id, stored.text_hash, stored.published, stored.shingles,
                                     dedup.Signature.values_from_bytes(stored.hashvalues))


# ---- stories --------------------------------------------------------------------------------------------------


def feature_rows(
    rows: Iterable[tuple[int, Article]], settings: Settings
) -> Iterator[tuple[int, cluster.ArticleFeatures]]:
    """Clustering features (lead embedding, entities, dates) of one partition's articles, in model batches."""
    for batch in batched(rows, settings.spark.feature_batch):
        found = cluster.article_features([article for _, article in batch], settings.cluster)
        yield from zip((position for position, _ in batch), found, strict=True)


def publication_day(features: cluster.ArticleFeatures) -> date | None:
    return day_of(features.published)


def day_of(published: str | None) -> date | None:
    # The day clustering itself reads off the publication date: windows must split where its date rule does.
    return cluster._day(published)


def time_windows(
    days: Iterable[date | None], max_gap_days: float, stored: Iterable[date | None] = ()
) -> dict[date | None, int]:
    """Number the days of this run's articles (``days``) and of stored ones (``stored``) into windows that can
    never share a story; only windows holding a day of this run are numbered.

    A dated article only ever joins a story (or links to an article) within ``max_gap_days`` of its day, so the
    days of one story never leave a wider gap between them: where the days of the run and the store leave a
    wider gap, the stories before it and after it are apart for good. An undated article may share a story with
    any other: with one in the run or in the store, everything is one window.
    """
    new = set(days)
    every = new | set(stored)
    if None in every:
        return dict.fromkeys(every, 0) if new else {}
    windows: dict[date | None, int] = {}
    window, previous = 0, None
    for day in sorted(d for d in every if d is not None):
        if previous is not None and (day - previous).days > max_gap_days:
            window += 1
        windows[day] = window
        previous = day
    number = {window: count for count, window in enumerate(sorted({windows[day] for day in new}))}
    return {day: number[window] for day, window in windows.items() if window in number}


def window_stories(
    window: int, rows: Iterable[tuple[int, cluster.ArticleFeatures | cluster.CopyMember | StoryMemberRow]],
    settings: Settings,
) -> WindowResult:
    """The stories of one window's new articles: the window's stored members read back in the store's order, as
    ``cluster.load_story_index`` reads them, then the new articles placed by the same index, in input order, as
    ``StoryIndex.assign`` places them: the originals clustered, then the copies joined to their originals.

    ``members`` holds the store rows this changes: every new article's, and every stored member's whose story or
    linked component the new articles changed, as ``cluster.save_story_index`` would write them."""
    ordered = sorted(rows, key=lambda item: item[0])
    position_of = {row.article_id: position for position, row in ordered}
    new = [row for _, row in ordered if isinstance(row, cluster.ArticleFeatures)]
    copies = [row for _, row in ordered if isinstance(row, cluster.CopyMember)]
    stored = [row for _, row in ordered if isinstance(row, StoryMemberRow)]
    fresh = {row.article_id for row in [*new, *copies]}
    # The store's own reading and rows, through a store that lives only in this task. The driver made the store
    # one whole clustering, and a window never splits a linked component, so the window's rows are one whole
    # clustering too: read back as kept, no pair compared (rows that do not fit are clustered again, as ever).
    with Store(":memory:") as scratch:
        if stored:  # no rows are no clustering: cluster.save_story_index never marks them one
            scratch.save_story_members(stored, len(stored), cluster.clustering_rules(settings.cluster))
        index = cluster.load_story_index(scratch, settings)
        kept = {row.article_id: (row.story_id, row.component) for row in stored}
        index.add_features(new)
        index.attach(copies)
        cluster.save_story_index(index, scratch)
        members = tuple((position_of[row.article_id], row) for row in scratch.story_members()
                        if kept.get(row.article_id) != (row.story_id, row.component))
    held = {index.story_of(article_id) for article_id in fresh}
    stories = tuple((position_of[story.article_ids[0]], story) for story in index.stories() if story.id in held)
    return WindowResult(stories, members, window)


def merge_stories(windows: Iterable[Iterable[tuple[int, cluster.Story]]]) -> list[cluster.Story]:
    """All windows' stories in the single-machine order: largest first, then by when each was opened."""
    found = [item for stories in windows for item in stories]
    return [story for _, story in sorted(found, key=lambda item: (-len(item[1].article_ids), item[0]))]


# ---- helpers --------------------------------------------------------------------------------------------------


def batched(items: Iterable[T], size: int) -> Iterator[Sequence[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
