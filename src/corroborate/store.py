"""The article store: SQLite behind a small interface. No SQL lives outside this module.

The store runs in WAL mode so that readers (the web app) never block the writer (an ingest), and every
batch of articles is one transaction: a crash or kill loses at most the batch in flight, never anything
committed before it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from corroborate.errors import StoreError
from corroborate.records import Article, RemovedSpan, Skipped

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id         TEXT PRIMARY KEY,
    origin     TEXT NOT NULL,
    source     TEXT NOT NULL,
    title      TEXT,
    author     TEXT,
    published  TEXT,
    url        TEXT,
    text       TEXT NOT NULL,
    text_hash  TEXT NOT NULL,
    raw        TEXT NOT NULL,
    ingested   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS origins (
    origin     TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX IF NOT EXISTS origins_article ON origins(article_id);
CREATE TABLE IF NOT EXISTS removed (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE IF NOT EXISTS skipped (
    origin     TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    at         REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated    REAL NOT NULL,
    PRIMARY KEY (kind, key)
);
"""

# Stories: what dedup and clustering keep per article, so that a new ingest extends them without re-reading
# stored articles. Rows are appended in the order the articles were indexed; replaying them in that order
# rebuilds the same duplicate groups and stories.
STORIES_SCHEMA = """
CREATE TABLE IF NOT EXISTS minhashes (
    position   INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL UNIQUE,
    text_hash  TEXT NOT NULL,
    published  TEXT,
    shingles   INTEGER NOT NULL,
    hashvalues BLOB NOT NULL
);
-- A member's story and linked component (NULL when kept by an older version) are rewritten when a later batch
-- re-clusters its component; the cover says the rows are one whole clustering (how many members, with which
-- rules), so that a reader takes the stories from the rows instead of clustering again.
CREATE TABLE IF NOT EXISTS story_members (
    position   INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL UNIQUE,
    story_id   TEXT NOT NULL,
    component  TEXT,
    embedding  BLOB NOT NULL,
    features   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_members_cover (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    members    INTEGER NOT NULL,
    settings   TEXT NOT NULL
);
-- Duplicate groups kept whole (largest first, copies a JSON list), with the number of signatures they were found
-- among and the dedup settings they were found with: when signatures were kept since without their groups, or
-- the settings changed, the groups are found again.
CREATE TABLE IF NOT EXISTS duplicate_groups (
    canonical  TEXT PRIMARY KEY,
    copies     TEXT NOT NULL,
    kind       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS duplicate_groups_cover (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    signatures INTEGER NOT NULL,
    settings   TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class SignatureRow:
    """One article's MinHash signature as stored (``hashvalues`` little-endian 32-bit)."""

    article_id: str
    text_hash: str
    published: str | None
    shingles: int
    hashvalues: bytes


@dataclass(frozen=True, slots=True)
class DuplicateGroupRow:
    """One group of copies as stored: the canonical article and its copies, ``exact`` or ``near``."""

    canonical: str
    copies: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class StoryMemberRow:
    """One article's story, linked component and clustering features as stored (``features`` JSON,
    ``embedding`` float32); ``component`` is None in rows kept by an older version."""

    article_id: str
    story_id: str
    embedding: bytes
    features: str
    component: str | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add_articles`` call did: ids newly stored and ids that were there already."""

    added: tuple[str, ...]
    existing: tuple[str, ...]


class Store:
    """SQLite-backed article store. One instance per thread; open as many readers as needed."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            else:
                self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(SCHEMA)
                self._db.executescript(STORIES_SCHEMA)
                self._add_story_component_column()
                self._db.commit()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open the store ({error})") from error
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise

    # ---- articles -----------------------------------------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction; articles already stored (same id) are not stored twice."""
        added: list[str] = []
        existing: list[str] = []
        now = time.time()
        with self.transaction() as db:
            for article in articles:
                cursor = db.execute(
                    # ON CONFLICT, not OR IGNORE: only a repeated id is skipped; a broken row still fails.
                    "INSERT INTO articles"
                    " (id, origin, source, title, author, published, url, text, text_hash, raw, ingested)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                    (
                        article.id, article.origin, article.source, article.title, article.author,
                        article.published, article.url, article.text, article.text_hash, article.raw, now,
                    ),
                )
                db.execute(
                    "INSERT OR REPLACE INTO origins (origin, article_id) VALUES (?, ?)",
                    (article.origin, article.id),
                )
                if cursor.rowcount == 0:
                    existing.append(article.id)
                    continue
                added.append(article.id)
                db.executemany(
                    "INSERT INTO removed (article_id, position, text, reason) VALUES (?, ?, ?, ?)",
                    [(article.id, n, span.text, span.reason) for n, span in enumerate(article.removed)],
                )
                db.execute("DELETE FROM skipped WHERE origin = ?", (article.origin,))
        return AddResult(tuple(added), tuple(existing))

    def add_origin(self, origin: str, article_id: str) -> None:
        """Record one more place an already-read article was found (a duplicate input)."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO origins (origin, article_id) VALUES (?, ?)", (origin, article_id))
            db.execute("DELETE FROM skipped WHERE origin = ?", (origin,))

    def record_skipped(self, skipped: Iterable[Skipped]) -> None:
        now = time.time()
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO skipped (origin, reason, at) VALUES (?, ?, ?)",
                [(item.origin, item.reason, now) for item in skipped],
            )

    def has_origin(self, origin: str) -> bool:
        row = self._db.execute("SELECT 1 FROM origins WHERE origin = ?", (origin,)).fetchone()
        return row is not None

    def article_ids_for_origins(self, origins: Iterable[str]) -> list[str]:
        ids: list[str] = []
        for origin in origins:
            row = self._db.execute("SELECT article_id FROM origins WHERE origin = ?", (origin,)).fetchone()
            if row is not None and row[0] not in ids:
                ids.append(row[0])
        return ids

    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article_from_row(row) if row is not None else None

    def get_articles(self, article_ids: Iterable[str]) -> list[Article]:
        found = (self.get_article(article_id) for article_id in article_ids)
        return [article for article in found if article is not None]

    def iter_articles(self, *, with_raw: bool = False) -> Iterator[Article]:
        """All articles in ingest order; ``raw`` is left empty unless asked for, since it is the bulk."""
        columns = "*" if with_raw else (
            "id, origin, source, title, author, published, url, text, text_hash, '' AS raw, ingested"
        )
        for row in self._db.execute(f"SELECT {columns} FROM articles ORDER BY ingested, rowid"):
            yield self._article_from_row(row)

    def article_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY ingested, rowid")]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def skipped(self) -> list[Skipped]:
        rows = self._db.execute("SELECT origin, reason FROM skipped ORDER BY at, origin")
        return [Skipped(row[0], row[1]) for row in rows]

    def _removed_spans(self, article_id: str) -> tuple[RemovedSpan, ...]:
        rows = self._db.execute(
            "SELECT text, reason FROM removed WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return tuple(RemovedSpan(row[0], row[1]) for row in rows)

    def _article_from_row(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"], origin=row["origin"], source=row["source"], title=row["title"],
            author=row["author"], published=row["published"], text=row["text"], raw=row["raw"],
            url=row["url"], text_hash=row["text_hash"], removed=self._removed_spans(row["id"]),
        )

    # ---- derived documents (briefs, stories, ...) ---------------------------------------------------------

    def put_document(self, kind: str, key: str, body: object) -> None:
        """Keep a derived JSON document (a story, a brief) so readers need not recompute it."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO documents (kind, key, body, updated) VALUES (?, ?, ?, ?)",
                (kind, key, json.dumps(body), time.time()),
            )

    def get_document(self, kind: str, key: str) -> object | None:
        row = self._db.execute(
            "SELECT body FROM documents WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        return json.loads(row[0]) if row is not None else None

    def documents(self, kind: str) -> list[tuple[str, object]]:
        rows = self._db.execute(
            "SELECT key, body FROM documents WHERE kind = ? ORDER BY updated DESC", (kind,)
        )
        return [(row[0], json.loads(row[1])) for row in rows]

    # ---- stories: dedup signatures and story members (bench/clustering.py, cluster.py, dedup.py) ------------

    def add_signatures(self, rows: Iterable[SignatureRow]) -> None:
        """Keep MinHash signatures; an article already kept keeps its first signature."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO minhashes (article_id, text_hash, published, shingles, hashvalues)"
                " VALUES (?, ?, ?, ?, ?)",
                [(r.article_id, r.text_hash, r.published, r.shingles, r.hashvalues) for r in rows],
            )

    def signatures(self) -> list[SignatureRow]:
        rows = self._db.execute(
            "SELECT article_id, text_hash, published, shingles, hashvalues FROM minhashes ORDER BY position"
        )
        return [SignatureRow(row[0], row[1], row[2], row[3], bytes(row[4])) for row in rows]

    def save_duplicates(self, rows: Iterable[SignatureRow], groups: Sequence[DuplicateGroupRow], settings: str) -> None:
        """Keep new signatures and replace the duplicate groups found among all of them with ``settings``, in one
        transaction: the groups always cover exactly the signatures they were found among."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO minhashes (article_id, text_hash, published, shingles, hashvalues)"
                " VALUES (?, ?, ?, ?, ?)",
                [(r.article_id, r.text_hash, r.published, r.shingles, r.hashvalues) for r in rows],
            )
            db.execute("DELETE FROM duplicate_groups")
            db.executemany(
                "INSERT INTO duplicate_groups (canonical, copies, kind) VALUES (?, ?, ?)",
                [(g.canonical, json.dumps(g.copies), g.kind) for g in groups],
            )
            db.execute(
                "INSERT OR REPLACE INTO duplicate_groups_cover (id, signatures, settings)"
                " VALUES (1, (SELECT COUNT(*) FROM minhashes), ?)",
                (settings,),
            )

    def duplicate_groups(self, settings: str) -> list[DuplicateGroupRow] | None:
        """The kept duplicate groups, largest first; None when they were not found among every kept signature
        (kept by an older version, or signatures added without their groups) or not with ``settings``."""
        if not self._covers("duplicate_groups_cover", "signatures", "minhashes", settings):
            return None
        rows = self._db.execute("SELECT canonical, copies, kind FROM duplicate_groups ORDER BY rowid")
        return [DuplicateGroupRow(row[0], tuple(json.loads(row[1])), row[2]) for row in rows]

    _UPSERT_STORY_MEMBER = (
        "INSERT INTO story_members (article_id, story_id, component, embedding, features) VALUES (?, ?, ?, ?, ?)"
        # Not OR REPLACE: that would delete the row and append it again, losing its place in the order.
        " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, component = excluded.component"
    )

    def add_story_members(self, rows: Iterable[StoryMemberRow]) -> None:
        """Keep articles' stories: a new article's row is added, a kept article's story and component replaced
        (its features stay). The rows are not taken for one whole clustering until ``save_story_members``."""
        with self.transaction() as db:
            db.executemany(self._UPSERT_STORY_MEMBER, [_member_values(row) for row in rows])
            db.execute("DELETE FROM story_members_cover")

    def replace_story_members(self, rows: Iterable[StoryMemberRow]) -> None:
        """Replace kept articles' rows whole, features too (derived again under other rules), in their places.
        The rows are not taken for one whole clustering until ``save_story_members``."""
        with self.transaction() as db:
            db.executemany("UPDATE story_members SET story_id = ?, component = ?, embedding = ?, features = ?"
                           " WHERE article_id = ?",
                           [(row.story_id, row.component, row.embedding, row.features, row.article_id)
                            for row in rows])
            db.execute("DELETE FROM story_members_cover")

    def save_story_members(self, rows: Iterable[StoryMemberRow], members: int, settings: str) -> None:
        """Keep the changed rows of a whole clustering of ``members`` articles found with ``settings``, in one
        transaction with the cover that says so."""
        with self.transaction() as db:
            db.executemany(self._UPSERT_STORY_MEMBER, [_member_values(row) for row in rows])
            db.execute("INSERT OR REPLACE INTO story_members_cover (id, members, settings) VALUES (1, ?, ?)",
                       (members, settings))

    def story_members_whole(self, settings: str) -> bool:
        """Whether the kept rows are one whole clustering with ``settings``: saved together, every article of
        it kept, and no row added or changed since by ``add_story_members`` or an older version."""
        return self._covers("story_members_cover", "members", "story_members", settings)

    def _covers(self, cover: str, counted: str, table: str, settings: str) -> bool:
        """Whether the one-row ``cover`` table (absent in older stores) says it was written with ``settings``
        when ``table`` held the rows it counts in ``counted``, and still does. Names are this module's own."""
        if self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (cover,)).fetchone() is None:
            return False
        row = self._db.execute(
            f"SELECT {counted} = (SELECT COUNT(*) FROM {table}) AND settings = ? FROM {cover}", (settings,)
        ).fetchone()
        return row is not None and bool(row[0])

    def story_members(self) -> list[StoryMemberRow]:
        return self._story_member_rows("")

    def story_copies(self) -> list[StoryMemberRow]:
        """The kept rows without an embedding: copies that joined their original's story without being clustered,
        in the order kept; read without the clustered articles' features."""
        return self._story_member_rows(" WHERE length(embedding) = 0")

    def _story_member_rows(self, where: str) -> list[StoryMemberRow]:
        rows = self._db.execute(
            f"SELECT article_id, story_id, embedding, features, {self._story_component()} FROM story_members"
            f"{where} ORDER BY position"
        )
        return [StoryMemberRow(row[0], row[1], bytes(row[2]), row[3], row[4]) for row in rows]

    def story_assignments(self) -> dict[str, tuple[str, str | None]]:
        """Each kept article's story and component, without its features."""
        rows = self._db.execute(f"SELECT article_id, story_id, {self._story_component()} FROM story_members")
        return {row[0]: (row[1], row[2]) for row in rows}

    def _story_component(self) -> str:
        """The component column, or NULL in a store an older version wrote and this one opened read-only."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(story_members)")}
        return "component" if "component" in columns else "NULL"

    def _add_story_component_column(self) -> None:
        if self._story_component() == "NULL":
            self._db.execute("ALTER TABLE story_members ADD COLUMN component TEXT")

    # ---- search (web UI): full text over story titles and claims, SQLite FTS5 ----------------------------------
    # The index is derived data: it is rebuilt from a story's brief whenever that brief is recomputed, so it
    # lives in its own table, created on first use, and a store without it simply finds nothing.

    def ensure_search_index(self) -> None:
        with self.transaction() as db:
            db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_index"
                " USING fts5(story_id UNINDEXED, field UNINDEXED, text, tokenize='porter unicode61')"
            )

    def index_story(self, story_id: str, title: str, claims: Sequence[str]) -> None:
        """Replace what the search index holds for one story: its title and the text of its claims."""
        self.ensure_search_index()
        with self.transaction() as db:
            db.execute("DELETE FROM search_index WHERE story_id = ?", (story_id,))
            db.execute(
                "INSERT INTO search_index (story_id, field, text) VALUES (?, 'title', ?)", (story_id, title)
            )
            db.executemany(
                "INSERT INTO search_index (story_id, field, text) VALUES (?, 'claim', ?)",
                [(story_id, claim) for claim in claims],
            )

    def indexed_story_ids(self) -> set[str]:
        if not self._has_search_index():
            return set()
        return {row[0] for row in self._db.execute("SELECT DISTINCT story_id FROM search_index")}

    def drop_from_search(self, story_ids: Iterable[str]) -> None:
        """Forget stories that no longer exist (clustering may regroup articles under new story ids)."""
        if not self._has_search_index():
            return
        with self.transaction() as db:
            db.executemany("DELETE FROM search_index WHERE story_id = ?", [(story_id,) for story_id in story_ids])

    def search_stories(self, query: str, limit: int) -> list[SearchHit]:
        """Stories whose title or claims hold every word of ``query`` (prefixes match), best first.

        Each story comes once, with the snippet of its best-matching text; the matched words in the snippet
        are wrapped in ``SearchHit.MARK_START`` / ``MARK_END`` so a caller can highlight them safely.
        """
        match = fts_query(query)
        if not match or not self._has_search_index():
            return []
        rows = self._db.execute(
            "SELECT story_id, field, snippet(search_index, 2, ?, ?, '…', 16) AS snippet"
            " FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index)",
            (SearchHit.MARK_START, SearchHit.MARK_END, match),
        )
        hits: dict[str, SearchHit] = {}
        for row in rows:
            if row["story_id"] not in hits:
                hits[row["story_id"]] = SearchHit(row["story_id"], row["field"], row["snippet"])
                if len(hits) >= limit:
                    break
        return list(hits.values())

    def _has_search_index(self) -> bool:
        row = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
        return row is not None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A story found by a search: which field matched (``title`` or ``claim``) and a marked snippet of it."""

    MARK_START: ClassVar[str] = "\x02"
    MARK_END: ClassVar[str] = "\x03"

    story_id: str
    field: str
    snippet: str


def _member_values(row: StoryMemberRow) -> tuple[str, str, str | None, bytes, str]:
    return (row.article_id, row.story_id, row.component, row.embedding, row.features)


def fts_query(text: str) -> str:
    """An FTS5 query that matches every word of ``text`` as a prefix; user syntax is never passed through."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"*' for word in words)
