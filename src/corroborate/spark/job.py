"""The Spark job: the single-machine stages, run over a crawl spread across Spark tasks.

1. read: one task per input (a WARC file, say), each reading its documents with ``ingest.iter_documents``;
   a shuffle by content id keeps the same page met twice once, at its first place, and spreads the documents
   over every core, where ``pipeline.build_article`` extracts and cleans them;
2. duplicates: MinHash signatures per partition (``dedup.signatures``); LSH band values and text hashes are the
   join keys that bring candidate copies together; the driver joins candidates into components, and each
   component is confirmed in its own task by ``dedup.DuplicateIndex``, fed in input order;
3. stories: clustering features per partition (``cluster.article_features``, the model-heavy part); the
   publication days split the crawl into windows that can never share a story, and each window is clustered
   in its own task by ``cluster.StoryIndex``, in input order; the driver merges the windows' stories;
4. output: Parquet tables (articles, removed spans, skipped inputs, duplicate groups, story members) and a
   SQLite store, written in input order, that ``corroborate`` and the web app read like any other.

Input order is the order the single-machine ingest meets documents, and every replay follows it, so the job
finds the same articles, duplicate groups and stories as ``pipeline.ingest`` + ``dedup`` + ``cluster``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pyspark import RDD, SparkContext, StorageLevel
from pyspark.sql import SparkSession

from corroborate.cluster import ArticleFeatures, Story
from corroborate.dedup import DuplicateGroup, Signature
from corroborate.errors import NothingReadError, StoreError
from corroborate.records import Article, Skipped
from corroborate.settings import DEFAULT_SETTINGS, Settings, SparkSettings
from corroborate.spark.tasks import (
    INPUT_BITS,
    ReadItem,
    WindowResult,
    build_item,
    components,
    duplicate_groups,
    earlier,
    feature_rows,
    join_keys,
    merge_stories,
    publication_day,
    read_input,
    signature_row,
    signature_rows,
    star_edges,
    time_windows,
    window_stories,
)
from corroborate.store import Store

ARTICLES_SCHEMA = (
    "position LONG, id STRING, origin STRING, source STRING, title STRING, author STRING, published STRING,"
    " url STRING, text STRING, text_hash STRING"
)
REMOVED_SCHEMA = "article_id STRING, position INT, text STRING, reason STRING"
SKIPPED_SCHEMA = "position LONG, origin STRING, reason STRING"
DUPLICATES_SCHEMA = "group_id STRING, article_id STRING, canonical BOOLEAN, kind STRING"
STORIES_SCHEMA = "story_id STRING, article_id STRING, rank INT, window INT"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SparkReport:
    """What a Spark run produced, and where it put it."""

    articles: int
    skipped: int
    duplicate_groups: tuple[DuplicateGroup, ...]
    stories: tuple[Story, ...]
    windows: int
    out: Path
    store: Path

    def summary(self) -> str:
        copies = sum(len(group.copies) for group in self.duplicate_groups)
        return (
            f"{self.articles} articles, {self.skipped} inputs skipped; {len(self.duplicate_groups)} duplicate"
            f" groups ({copies} copies); {len(self.stories)} stories in {self.windows} time windows;"
            f" Parquet in {self.out}, store {self.store}"
        )


def spark_session(master: str | None = None, settings: SparkSettings = DEFAULT_SETTINGS.spark) -> SparkSession:
    """A session on ``master`` (``local[2]``, ``spark://host:7077``, ``yarn``, ``k8s://...``)."""
    master = master or settings.master
    builder = (
        SparkSession.builder.master(master)
        .appName(settings.app_name)
        .config("spark.ui.enabled", "true" if settings.ui_enabled else "false")
        .config("spark.driver.memory", settings.driver_memory)
    )
    if master.startswith("local"):
        # One machine: the workers are this interpreter, which has corroborate and its models (PySpark reads
        # the worker's Python from the environment only). A cluster names its own (PYSPARK_PYTHON).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def run(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    master: str | None = None,
    db: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> SparkReport:
    """``corroborate spark``: start a session on ``master``, run the job, stop the session."""
    with Store(_store_path(out, db, settings)) as store:
        # Before the session starts: a refusal should not cost a JVM.
        _refuse_if_filled(store)
    session = spark_session(master, settings.spark)
    try:
        return run_job(session, inputs, out, db=db, settings=settings)
    finally:
        session.stop()


def run_job(
    spark: SparkSession,
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    db: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> SparkReport:
    """Read, dedup and cluster ``inputs`` on ``spark``; write Parquet under ``out`` and a store at ``db``
    (default ``out/corroborate.db``), which must hold no articles yet."""
    out = Path(out)
    db_path = _store_path(out, db, settings)
    kept: list[RDD[Any]] = []
    with Store(db_path) as store:
        _refuse_if_filled(store)
        try:
            return _run(spark, [str(path) for path in inputs], out, store, settings, kept)
        finally:
            for rdd in kept:
                rdd.unpersist()


def _run(spark: SparkSession, inputs: list[str], out: Path, store: Store, settings: Settings,
         kept: list[RDD[Any]]) -> SparkReport:
    def keep(rdd: RDD[T]) -> RDD[T]:
        # Each of these feeds several steps; without persisting, Spark would recompute it (models and all).
        kept.append(rdd.persist(StorageLevel.MEMORY_AND_DISK))
        return rdd

    items = keep(_read(spark.sparkContext, inputs, settings))
    articles = items.filter(lambda item: item.article is not None).map(lambda item: (item.position, item.article))
    skipped = items.filter(lambda item: item.skipped is not None).map(lambda item: (item.position, item.skipped))
    # Later copies of an article's page: more places it was found, kept as the single-machine ingest keeps them.
    copies = items.filter(lambda item: item.article is not None).flatMap(
        lambda item: [(item.position, (origin, item.article.id)) for origin in item.also])
    count = articles.count()
    if not count:
        raise NothingReadError(f"nothing could be read from {', '.join(inputs)}")
    signatures = keep(articles.mapPartitions(partial(signature_rows, settings=settings)))
    groups = _duplicate_groups(spark.sparkContext, signatures, settings)
    features = keep(articles.mapPartitions(partial(feature_rows, settings=settings)))
    windows = keep(_story_windows(features, settings))
    _write_parquet(spark, out, articles, skipped, groups, windows)
    _write_store(store, articles, copies, skipped, signatures, windows, len(inputs), settings)
    # Only the stories come back: the member rows, embeddings and all, went into the store as a stream.
    stories = windows.map(lambda result: result.stories).collect()
    return SparkReport(
        articles=count, skipped=len(store.skipped()), duplicate_groups=tuple(groups),
        stories=tuple(merge_stories(stories)), windows=len(stories), out=out, store=Path(store.path),
    )


def _store_path(out: str | Path, db: str | Path | None, settings: Settings) -> Path:
    Path(out).mkdir(parents=True, exist_ok=True)
    return Path(db) if db is not None else Path(out) / settings.spark.store_name


def _refuse_if_filled(store: Store) -> None:
    # The job clusters its own crawl from scratch; appending to stored stories is the incremental ingest's work.
    if store.count_articles():
        raise StoreError(f"{store.path} already holds articles; the Spark job writes a new store: give a new --db")


def _read(context: SparkContext, inputs: Sequence[str], settings: Settings) -> RDD[ReadItem]:
    """Every input's documents, read one task per input, then built into articles wherever the shuffle put them
    (so one large file is extracted by every core); a page met again (same content) is built once, at its first
    place. An item without content (a skipped record) is keyed by its own position, so it is always kept."""
    tasks = list(enumerate(inputs))
    items = context.parallelize(tasks, max(len(tasks), 1)).flatMap(partial(read_input, settings=settings))
    keyed = items.keyBy(lambda item: item.key if item.key is not None else item.position)
    return keyed.reduceByKey(earlier).values().map(partial(build_item, settings=settings))


def _duplicate_groups(context: SparkContext, signatures: RDD[tuple[int, Signature]],
                      settings: Settings) -> list[DuplicateGroup]:
    """Band values and text hashes as join keys; components of candidates confirmed one task each."""
    edges = (
        signatures.mapPartitions(partial(join_keys, settings=settings))
        .groupByKey()
        .flatMap(lambda pair: star_edges(pair[1]))
        .collect()
    )
    component_of = context.broadcast(components(edges))
    found = (
        signatures.filter(lambda row: row[0] in component_of.value)
        .keyBy(lambda row: component_of.value[row[0]])
        .groupByKey()
        .flatMap(lambda pair: duplicate_groups(pair[1], settings))
        .collect()
    )
    component_of.unpersist()
    return [group for _, group in sorted(found, key=lambda item: (-len(item[1].members), item[0]))]


def _story_windows(features: RDD[tuple[int, ArticleFeatures]], settings: Settings) -> RDD[WindowResult]:
    """Each time window's stories, clustered in a task of its own."""
    days = features.mapPartitions(lambda rows: {publication_day(item) for _, item in rows}).collect()
    window_of = time_windows(days, settings.cluster.max_gap_days)
    return (
        features.keyBy(lambda row: window_of[publication_day(row[1])])
        .groupByKey()
        .map(lambda pair: window_stories(pair[0], pair[1], settings))
    )


# ---- output ---------------------------------------------------------------------------------------------------


def _write_parquet(
    spark: SparkSession,
    out: Path,
    articles: RDD[tuple[int, Article]],
    skipped: RDD[tuple[int, Skipped]],
    groups: Sequence[DuplicateGroup],
    windows: RDD[WindowResult],
) -> None:
    tables = {
        "articles": spark.createDataFrame(articles.map(_article_row), ARTICLES_SCHEMA),
        "removed": spark.createDataFrame(articles.flatMap(_removed_rows), REMOVED_SCHEMA),
        "skipped": spark.createDataFrame(skipped.map(lambda row: (row[0], row[1].origin, row[1].reason)),
                                         SKIPPED_SCHEMA),
        "duplicates": spark.createDataFrame(
            [(group.canonical, member, member == group.canonical, group.kind)
             for group in groups for member in group.members],
            DUPLICATES_SCHEMA,
        ),
        "stories": spark.createDataFrame(windows.flatMap(_story_rows), STORIES_SCHEMA),
    }
    for name, frame in tables.items():
        frame.write.mode("overwrite").parquet(str(out / f"{name}.parquet"))


def _article_row(row: tuple[int, Article]) -> tuple[Any, ...]:
    position, article = row
    return (position, article.id, article.origin, article.source, article.title, article.author,
            article.published, article.url, article.text, article.text_hash)


def _removed_rows(row: tuple[int, Article]) -> list[tuple[Any, ...]]:
    article = row[1]
    return [(article.id, number, span.text, span.reason) for number, span in enumerate(article.removed)]


def _story_rows(result: WindowResult) -> list[tuple[Any, ...]]:
    return [(story.id, article_id, rank, result.window)
            for _, story in result.stories for rank, article_id in enumerate(story.article_ids)]


def _write_store(
    store: Store,
    articles: RDD[tuple[int, Article]],
    copies: RDD[tuple[int, tuple[str, str]]],
    skipped: RDD[tuple[int, Skipped]],
    signatures: RDD[tuple[int, Signature]],
    windows: RDD[WindowResult],
    inputs: int,
    settings: Settings,
) -> None:
    """Everything in input order, in batches: what the single-machine ingest, dedup and clustering would keep.

    One sorted stream carries all five tables, so the driver makes one pass over the crawl, not four."""
    writers: dict[int, Callable[[list[Any]], object]] = {
        0: store.add_articles, 1: lambda copies: [store.add_origin(*copy) for copy in copies],
        2: store.record_skipped, 3: store.add_signatures, 4: store.add_story_members,
    }
    context = articles.context
    rows = context.union([
        articles.map(lambda row: ((row[0], 0), row[1])),
        copies.map(lambda row: ((row[0], 1), row[1])),
        skipped.map(lambda row: ((row[0], 2), row[1])),
        signatures.map(lambda row: ((row[0], 3), signature_row(row[1]))),
        windows.flatMap(lambda result: result.members).map(lambda row: ((row[0], 4), row[1])),
    ]).coalesce(context.defaultParallelism)
    pending: dict[int, list[Any]] = {kind: [] for kind in writers}
    # Sorted by ranges of inputs, whose numbers the driver knows, rather than by sampling the keys first; one
    # partition per core, each fetched while the driver writes the one before.
    partitions = context.defaultParallelism
    ordered = rows.repartitionAndSortWithinPartitions(
        partitions, partitionFunc=lambda key: (key[0] >> INPUT_BITS) * partitions // inputs)
    for (_, kind), value in ordered.toLocalIterator(prefetchPartitions=True):
        pending[kind].append(value)
        if len(pending[kind]) >= settings.ingest.commit_every:
            writers[kind](pending[kind])
            pending[kind] = []
    for kind, values in pending.items():
        if values:
            writers[kind](values)
