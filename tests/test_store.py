"""The SQLite store: idempotent adds, removed spans kept, batches atomic, readers beside a writer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corroborate.errors import StoreError
from corroborate.records import Article, RemovedSpan, Skipped
from corroborate.store import Store, StoryMemberRow


def make_article(number: int, **changes: object) -> Article:
    fields: dict[str, object] = {
        "id": f"id{number:04d}", "origin": f"file{number}.txt", "source": f"outlet{number % 3}",
        "title": f"Title {number}", "author": None, "published": "2025-10-31",
        "text": f"Body of article {number}.", "raw": f"raw {number}", "text_hash": f"h{number}",
        "removed": (RemovedSpan("Accept cookies", "cookie notice"),),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_add_then_read_back_keeps_every_field(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_articles([make_article(1)])
        article = store.get_article("id0001")
    assert article == make_article(1)


def test_adding_the_same_article_twice_stores_it_once(db_path: Path) -> None:
    with Store(db_path) as store:
        first = store.add_articles([make_article(1), make_article(2)])
        second = store.add_articles([make_article(1)])
        assert first.added == ("id0001", "id0002")
        assert second.added == () and second.existing == ("id0001",)
        assert store.count_articles() == 2
        assert len(store.get_article("id0001").removed) == 1  # type: ignore[union-attr]


def test_a_failed_batch_leaves_earlier_batches_intact(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_articles([make_article(1)])
        broken = make_article(2, text=None)  # NOT NULL column: the whole batch must roll back
        with pytest.raises(sqlite3.IntegrityError):
            store.add_articles([make_article(3), broken])
        assert store.article_ids() == ["id0001"]


def test_skipped_inputs_are_recorded_and_cleared_once_read(db_path: Path) -> None:
    with Store(db_path) as store:
        store.record_skipped([Skipped("file1.txt", "empty file")])
        assert store.skipped() == [Skipped("file1.txt", "empty file")]
        store.add_articles([make_article(1)])
        assert store.skipped() == []


def test_a_reader_sees_committed_articles_while_a_writer_holds_the_store(db_path: Path) -> None:
    with Store(db_path) as writer:
        writer.add_articles([make_article(1)])
        with Store(db_path, readonly=True) as reader:
            assert reader.article_ids() == ["id0001"]
            writer.add_articles([make_article(2)])
            assert reader.count_articles() == 2


def test_documents_round_trip(db_path: Path) -> None:
    with Store(db_path) as store:
        store.put_document("brief", "s1", {"story": {"title": "T"}})
        assert store.get_document("brief", "s1") == {"story": {"title": "T"}}
        assert store.get_document("brief", "missing") is None


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not.db"):
        Store(path)


def test_story_copies_are_the_rows_kept_without_an_embedding_in_their_order(db_path: Path) -> None:
    rows = [
        StoryMemberRow("first", "story-first", b"\x00\x00\x80\x3f", '{"title": "clustered"}', "first"),
        StoryMemberRow("copy-b", "story-first", b"", '{"copy_of": "first"}', "first"),
        StoryMemberRow("second", "story-second", b"\x00\x00\x00\x40", '{"title": "clustered"}', "second"),
        StoryMemberRow("copy-a", "story-second", b"", '{"copy_of": "second"}', "second"),
    ]
    with Store(db_path) as store:
        store.save_story_members(rows, len(rows), "rules")
        assert store.story_copies() == [rows[1], rows[3]]
        assert store.story_members() == rows
