"""The Spark job: the single-machine stages, run over a crawl spread across Spark tasks, into a new store or one
that earlier runs (Spark or ``corroborate ingest``) filled.

1. read: one task per local input (a WARC file, say), each reading its documents with ``ingest.iter_documents``;
   remote inputs (``hdfs://``, ``s3a://``, ``file://``) through Spark's own binary-file reader, a task per file;
   a shuffle by content id keeps the same page met twice once, at its first place, and spreads the documents
   over every core, where ``pipeline.build_article`` extracts and cleans them; a page the store holds already is
   not built again, only its new origins kept;
2. duplicates: MinHash signatures per partition (``dedup.signatures``), joined with the stored signatures; LSH
   band values and text hashes are the join keys that bring candidate copies together; the driver joins
   candidates into components, and each component holding a new article is confirmed in its own task by
   ``dedup.DuplicateIndex``, fed the stored signatures first, then the new ones in input order;
3. stories: clustering features per partition (``cluster.article_features``, the model-heavy part); the
   publication days, the run's and the store's, split into windows that can never share a story, and each
   window is clustered in its own task by ``cluster.load_story_index`` over its stored members (read back as
   kept, no pair compared), extended with its new articles in input order; the driver merges the windows'
   stories;
4. output: Parquet tables describing this run (articles, removed spans, skipped inputs, articles found again,
   duplicate groups and stories holding new articles), and the store, written in input order, that
   ``corroborate`` and the web app read like any other: its story rows (the new articles' and the stored ones
   the run moved) marked one whole clustering, as ``cluster.save_story_index`` marks them, so that reading the
   stories back compares no pairs.

Input order is the order the single-machine ingest meets documents, the store's rows come before it, and every
replay follows that order, so the job finds the same articles, duplicate groups and stories as
``corroborate ingest`` of the same inputs into the same store (``pipeline.ingest_documents`` + ``organise``).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from py4j.protocol import Py4JJavaError
from pyspark import RDD, SparkContext, StorageLevel
from pyspark.errors import PySparkException
from pyspark.sql import SparkSession

from corroborate import dedup
from corroborate.cluster import ArticleFeatures, CopyMember, Story, clustering_rules, copy_of_row, placed_originals
from corroborate.dedup import DuplicateGroup, Signature
from corroborate.errors import NothingReadError, StoreError
from corroborate.pipeline import organise
from corroborate.records import Article, Skipped
from corroborate.settings import DEFAULT_SETTINGS, Settings, SparkSettings
from corroborate.spark.tasks import (
    INPUT_BITS,
    ReadItem,
    WindowResult,
    build_item,
    components,
    day_of,
    duplicate_groups,
    earlier,
    feature_rows,
    found_again,
    join_keys,
    merge_stories,
    publication_day,
    read_file_bytes,
    read_input,
    signature_row,
    signature_rows,
    skipped_rows,
    star_edges,
    stored_signature,
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
FOUND_AGAIN_SCHEMA = "position LONG, origin STRING, article_id STRING"
DUPLICATES_SCHEMA = "group_id STRING, article_id STRING, canonical BOOLEAN, kind STRING"
STORIES_SCHEMA = "story_id STRING, article_id STRING, rank INT, window INT"
# A URI Spark's Hadoop file systems read (hdfs://, s3a://, file://, ...); web addresses are the readers' to refuse.
REMOTE = re.compile(r"^(?!https?://)[a-z][a-z0-9+.-]*://", re.IGNORECASE)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SparkReport:
    """What a Spark run did (articles added, articles already stored, inputs skipped; the duplicate groups and
    stories that hold its new articles), and where it put it."""

    articles: int
    existing: int
    skipped: int
    duplicate_groups: tuple[DuplicateGroup, ...]
    stories: tuple[Story, ...]
    windows: int
    stored: int
    out: str
    store: Path

    def summary(self) -> str:
        copies = sum(len(group.copies) for group in self.duplicate_groups)
        return (
            f"{self.articles} articles added, {self.existing} already stored, {self.skipped} inputs skipped;"
            f" {len(self.duplicate_groups)} duplicate groups ({copies} copies) and {len(self.stories)} stories"
            f" hold the new articles, in {self.windows} time windows; Parquet in {self.out},"
            f" store {self.store} ({self.stored} articles)"
        )


@dataclass(frozen=True, slots=True)
class _Inputs:
    """The run's inputs, numbered in order: local paths read by corroborate, files Spark's readers fetch, and
    remote inputs that could not be listed."""

    local: tuple[tuple[int, str], ...]
    remote: tuple[tuple[int, str], ...]
    unlisted: tuple[tuple[int, Skipped], ...]

    @property
    def count(self) -> int:
        return len(self.local) + len(self.remote) + len(self.unlisted)


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
    """``corroborate spark``: run the job on the active session (a notebook's, say), else on a session of its
    own on ``master``, stopped at the end."""
    _store_path(out, db, settings)  # before the session starts: a refusal should not cost a JVM
    active = SparkSession.getActiveSession()
    session = active or spark_session(master, settings.spark)
    try:
        return run_job(session, inputs, out, db=db, settings=settings)
    finally:
        if active is None:
            session.stop()


def run_job(
    spark: SparkSession,
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    db: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> SparkReport:
    """Read, dedup and cluster ``inputs`` on ``spark`` into the store at ``db`` (default ``out/corroborate.db``),
    new or filled by earlier runs, as ``corroborate ingest`` would; write this run's Parquet tables under ``out``
    (a local folder, or any URI Spark writes to)."""
    db_path = _store_path(out, db, settings)
    kept: list[RDD[Any]] = []
    with Store(db_path) as store:
        _finish_earlier_run(store, settings)
        try:
            return _run(spark, [str(path) for path in inputs], str(out), store, settings, kept)
        finally:
            for rdd in kept:
                rdd.unpersist()


def _run(spark: SparkSession, inputs: list[str], out: str, store: Store, settings: Settings,
         kept: list[RDD[Any]]) -> SparkReport:
    def keep(rdd: RDD[T]) -> RDD[T]:
        # Each of these feeds several steps; without persisting, Spark would recompute it (models and all).
        kept.append(rdd.persist(StorageLevel.MEMORY_AND_DISK))
        return rdd

    context = spark.sparkContext
    numbered = _number_inputs(spark, inputs)
    items = keep(_read(spark, numbered, store, settings))
    articles = items.filter(lambda item: item.article is not None).map(lambda item: (item.position, item.article))
    skipped = items.flatMap(skipped_rows)
    # Pages read before (stored by an earlier run, or met earlier in this one): more places they were found.
    again = items.flatMap(found_again)
    # One pass over the read items for all three counts.
    count, existing, skips = items.map(
        lambda item: (int(item.article is not None), len(found_again(item)), len(skipped_rows(item)))
    ).fold((0, 0, 0), lambda one, other: (one[0] + other[0], one[1] + other[1], one[2] + other[2]))
    if not count and not existing:
        raise NothingReadError(f"nothing could be read from {', '.join(inputs)}")
    signatures = keep(articles.mapPartitions(partial(signature_rows, settings=settings)))
    groups, originals = _duplicate_groups(context, signatures, store, settings) if count else ([], {})
    # As ``pipeline.organise``: only originals get features (the model-heavy part); a copy joins its original.
    original_of = context.broadcast(originals)
    features = keep(articles.filter(lambda row: row[1].id not in original_of.value)
                    .mapPartitions(partial(feature_rows, settings=settings)))
    copies = articles.filter(lambda row: row[1].id in original_of.value).map(
        lambda row: (row[0], CopyMember(row[1].id, original_of.value[row[1].id], row[1].source, row[1].published)))
    windows = keep(_story_windows(context, features, copies, originals, store, settings) if count
                   else context.emptyRDD())
    # Every new article gets a story row; stored members keep theirs, some with a new story or component.
    members = len(store.story_assignments()) + count
    _write_parquet(spark, out, articles, skipped, again, groups, windows)
    _write_store(store, articles, again, skipped, signatures, windows, numbered.count, settings)
    if members:  # no rows are no clustering: cluster.save_story_index never marks them one
        store.save_story_members([], members, clustering_rules(settings.cluster))
    # Only the stories come back: the member rows, embeddings and all, went into the store as a stream.
    stories = windows.map(lambda result: result.stories).collect()
    return SparkReport(
        articles=count, existing=existing, skipped=skips, duplicate_groups=tuple(groups),
        stories=tuple(merge_stories(stories)), windows=len(stories), stored=store.count_articles(), out=out,
        store=Path(store.path),
    )


def _store_path(out: str | Path, db: str | Path | None, settings: Settings) -> Path:
    if db is not None:
        return Path(db)
    if REMOTE.match(str(out)):
        raise StoreError(f"the store is a SQLite file on this machine, not under {out}: give --db PATH")
    Path(out).mkdir(parents=True, exist_ok=True)
    return Path(out) / settings.spark.store_name


def _finish_earlier_run(store: Store, settings: Settings) -> None:
    """An earlier run killed between storing articles and placing them is finished first, as the next
    ``corroborate ingest`` would, so that the stored rows this run builds on are complete; stored stories that are
    not one whole clustering under these settings (an older version's, or another run's cut short) are clustered
    again, once, as the next reader would: the windows then read their stored members back as kept, and the
    rows this run adds to them make one whole clustering again."""
    placed = store.story_assignments()
    whole = (store.story_members_whole(clustering_rules(settings.cluster))
             and all(component is not None for _, component in placed.values()))
    if (placed and not whole) or any(article_id not in placed for article_id in store.article_ids()):
        organise(store, settings)


def _number_inputs(spark: SparkSession, inputs: Sequence[str]) -> _Inputs:
    """Each input its number in command-line order; a remote folder or glob is its files, each numbered, in name
    order (as a local folder is read), listed by Spark's binary-file source without reading their content."""
    local: list[tuple[int, str]] = []
    remote: list[tuple[int, str]] = []
    unlisted: list[tuple[int, Skipped]] = []
    for given in inputs:
        if not REMOTE.match(given):
            local.append((len(local) + len(remote) + len(unlisted), given))
            continue
        try:
            files = sorted(row.path for row in _binary_files(spark, given).select("path").collect())
        except (PySparkException, Py4JJavaError) as error:
            # As a local input that cannot be read: skipped with its reason, and the crawl goes on.
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            unlisted.append((len(local) + len(remote) + len(unlisted), Skipped(given, f"cannot be read: {reason}")))
            continue
        for path in files:
            remote.append((len(local) + len(remote) + len(unlisted), path))
    return _Inputs(tuple(local), tuple(remote), tuple(unlisted))


def _binary_files(spark: SparkSession, paths: str | list[str]) -> Any:
    return spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(paths)


def _read(spark: SparkSession, inputs: _Inputs, store: Store, settings: Settings) -> RDD[ReadItem]:
    """Every input's documents, read one task per input, then built into articles wherever the shuffle put them
    (so one large file is extracted by every core); a page met again (same content) is built once, at its first
    place, and a page the store holds is not built. An item without content (a skipped record) is keyed by its
    own position, so it is always kept."""
    context = spark.sparkContext
    parts = [context.parallelize(list(inputs.local), max(len(inputs.local), 1))
             .flatMap(partial(read_input, settings=settings))]
    if inputs.remote:
        number_of = dict((path, number) for number, path in inputs.remote)
        files = _binary_files(spark, list(number_of)).select("path", "content").rdd
        parts.append(files.flatMap(
            lambda row: read_file_bytes(number_of[row.path], row.path, bytes(row.content), settings)))
    if inputs.unlisted:
        parts.append(context.parallelize([ReadItem(number << INPUT_BITS, None, skipped.origin, skipped=skipped)
                                          for number, skipped in inputs.unlisted]))
    stored = context.broadcast(frozenset(store.article_ids()))
    keyed = context.union(parts).keyBy(lambda item: item.key if item.key is not None else item.position)
    return keyed.reduceByKey(earlier).values().map(lambda item: build_item(item, settings, stored.value))


def _duplicate_groups(context: SparkContext, signatures: RDD[tuple[int, Signature]], store: Store,
                      settings: Settings) -> tuple[list[DuplicateGroup], dict[str, str]]:
    """Band values and text hashes as join keys over the new and the stored signatures; the components holding a
    new article confirmed one task each. Returns the groups, and each new copy's original (``dedup.originals``)."""
    rows = store.signatures()
    stored = context.parallelize([(position - len(rows), row) for position, row in enumerate(rows)],
                                 context.defaultParallelism).map(stored_signature)
    every = signatures.union(stored)
    edges = (
        every.mapPartitions(partial(join_keys, settings=settings))
        .groupByKey()
        .flatMap(lambda pair: star_edges(pair[1]))
        .collect()
    )
    found_in = components(edges)
    wanted = {root for position, root in found_in.items() if position >= 0}
    component_of = context.broadcast({position: root for position, root in found_in.items() if root in wanted})
    found = (
        every.filter(lambda row: row[0] in component_of.value)
        .keyBy(lambda row: component_of.value[row[0]])
        .groupByKey()
        .flatMap(lambda pair: duplicate_groups(pair[1], settings))
        .collect()
    )
    component_of.unpersist()
    ordered = sorted(found, key=lambda item: (-len(item[1].members), item[0]))
    # As ``pipeline.find_copies``: a copy takes the original of the first article it copies, a stored copy's as
    # the store placed it. A copy and the article it copies share a group, so each group is followed on its own.
    placed = placed_originals(store)
    return [group for _, group, _ in ordered], {copy: original for *_, copied in found
                                                  for copy, original in dedup.originals(copied, placed).items()}


def _story_windows(context: SparkContext, features: RDD[tuple[int, ArticleFeatures]],
                   copies: RDD[tuple[int, CopyMember]], originals: dict[str, str], store: Store,
                   settings: Settings) -> RDD[WindowResult]:
    """Each time window's stories, clustered in a task of its own over the window's new and stored articles.
    A copy, new or stored, goes to its original's window, whatever its own date: it is never compared, only
    joined to its original."""
    days = features.mapPartitions(lambda rows: {publication_day(item) for _, item in rows}).collect()
    members = store.story_members()
    published = {row.article_id: row.published for row in store.signatures()}
    wanted = context.broadcast(set(originals.values()))
    day_of_original = {original: day_of(published.get(original)) for original in wanted.value}
    day_of_original.update(features.filter(lambda row: row[1].article_id in wanted.value)
                           .map(lambda row: (row[1].article_id, publication_day(row[1]))).collect())
    wanted.unpersist()
    days += [day_of_original[original] for original in originals.values()]
    # A stored member without a signature is taken as undated: one window then, which is exact whatever its day.
    stored_days = [day_of(published.get(copy.original if copy else row.article_id))
                   for row, copy in ((row, copy_of_row(row)) for row in members)]
    window_of = time_windows(days, settings.cluster.max_gap_days, stored_days)
    stored = [(window_of[day], (position - len(members), row))
              for position, (day, row) in enumerate(zip(stored_days, members, strict=True)) if day in window_of]
    return (
        features.keyBy(lambda row: window_of[publication_day(row[1])])
        .union(copies.keyBy(lambda row: window_of[day_of_original[row[1].original]]))
        .union(context.parallelize(stored, context.defaultParallelism))
        .groupByKey()
        .map(lambda pair: window_stories(pair[0], pair[1], settings))
    )


# ---- output ---------------------------------------------------------------------------------------------------


def _write_parquet(
    spark: SparkSession,
    out: str,
    articles: RDD[tuple[int, Article]],
    skipped: RDD[tuple[int, Skipped]],
    again: RDD[tuple[int, tuple[str, str]]],
    groups: Sequence[DuplicateGroup],
    windows: RDD[WindowResult],
) -> None:
    """This run's tables: its new articles, skips and pages found again, and the groups and stories, whole,
    that hold its new articles."""
    tables = {
        "articles": spark.createDataFrame(articles.map(_article_row), ARTICLES_SCHEMA),
        "removed": spark.createDataFrame(articles.flatMap(_removed_rows), REMOVED_SCHEMA),
        "skipped": spark.createDataFrame(skipped.map(lambda row: (row[0], row[1].origin, row[1].reason)),
                                         SKIPPED_SCHEMA),
        "found_again": spark.createDataFrame(again.map(lambda row: (row[0], *row[1])), FOUND_AGAIN_SCHEMA),
        "duplicates": spark.createDataFrame(
            [(group.canonical, member, member == group.canonical, group.kind)
             for group in groups for member in group.members],
            DUPLICATES_SCHEMA,
        ),
        "stories": spark.createDataFrame(windows.flatMap(_story_rows), STORIES_SCHEMA),
    }
    for name, frame in tables.items():
        frame.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{name}.parquet")


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
    again: RDD[tuple[int, tuple[str, str]]],
    skipped: RDD[tuple[int, Skipped]],
    signatures: RDD[tuple[int, Signature]],
    windows: RDD[WindowResult],
    inputs: int,
    settings: Settings,
) -> None:
    """This run's rows in input order, in batches: what the single-machine ingest, dedup and clustering would add
    (stored members whose story the run changed first: they keep their place, only their story is replaced).

    One sorted stream carries all five tables, so the driver makes one pass over the crawl, not four."""
    writers: dict[int, Callable[[list[Any]], object]] = {
        0: store.add_articles, 1: lambda found: [store.add_origin(*place) for place in found],
        2: store.record_skipped, 3: store.add_signatures, 4: store.add_story_members,
    }
    context = articles.context
    rows = context.union([
        articles.map(lambda row: ((row[0], 0), row[1])),
        again.map(lambda row: ((row[0], 1), row[1])),
        skipped.map(lambda row: ((row[0], 2), row[1])),
        signatures.map(lambda row: ((row[0], 3), signature_row(row[1]))),
        windows.flatMap(lambda result: result.members).map(lambda row: ((row[0], 4), row[1])),
    ]).coalesce(context.defaultParallelism)
    pending: dict[int, list[Any]] = {kind: [] for kind in writers}
    # Sorted by ranges of inputs, whose numbers the driver knows, rather than by sampling the keys first; one
    # partition per core, each fetched while the driver writes the one before.
    partitions = context.defaultParallelism
    ordered = rows.repartitionAndSortWithinPartitions(
        partitions, partitionFunc=lambda key: max(key[0] >> INPUT_BITS, 0) * partitions // inputs)
    for (_, kind), value in ordered.toLocalIterator(prefetchPartitions=True):
        pending[kind].append(value)
        if len(pending[kind]) >= settings.ingest.commit_every:
            writers[kind](pending[kind])
            pending[kind] = []
    for kind, values in pending.items():
        if values:
            writers[kind](values)
