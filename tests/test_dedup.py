"""Duplicates: exact copies, near copies (new headline, trimmed ending, edited words), and what is not a copy."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import shared_path

from corroborate.dedup import (
    DuplicateIndex,
    load_duplicate_index,
    near_duplicate_groups,
    save_signatures,
    signatures,
)
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS
from corroborate.store import Store


def make_article(article_id: str, text: str, *, title: str | None = None, published: str | None = None,
                 source: str = "example.com") -> Article:
    normalised = " ".join(re.findall(r"\w+", text.lower()))
    return Article(
        id=article_id, origin=f"{article_id}.txt", source=source, title=title, author=None,
        published=published, text=text, raw=text,
        text_hash=hashlib.sha256(normalised.encode()).hexdigest()[:16],
    )


def ecb_text(name: str) -> str:
    return shared_path("data", "ecbplus-train-dev", name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wire_story() -> str:
    return ecb_text("1_8ecbplus.txt")


def trimmed(text: str, share: float) -> str:
    paragraphs = [part for part in text.split("\n\n") if part.strip()]
    return "\n\n".join(paragraphs[: max(1, round(len(paragraphs) * share))])


def test_exact_copies_are_one_group_whatever_their_headline(wire_story: str) -> None:
    articles = [
        make_article("original", wire_story, title="Lohan checks into rehab", published="2013-05-03"),
        make_article("copy", wire_story, title="Star enters Betty Ford", published="2013-05-04"),
        make_article("other", ecb_text("1_10ecbplus.txt")),
    ]
    groups = near_duplicate_groups(articles, DEFAULT_SETTINGS)
    assert [(group.canonical, group.copies, group.kind) for group in groups] == [
        ("original", ("copy",), "exact")
    ]


def test_syndicated_copy_with_new_headline_trimmed_end_and_edits_is_a_near_copy(wire_story: str) -> None:
    edited = trimmed(wire_story, 0.75).replace("Lohan", "Ms. Lohan", 1)
    articles = [
        make_article("syndicated", edited, title="Actress back in rehab", published="2013-05-04"),
        make_article("wire", wire_story, title="Lohan checks into Betty Ford Center", published="2013-05-03"),
    ]
    groups = near_duplicate_groups(articles, DEFAULT_SETTINGS)
    assert [(group.canonical, group.copies, group.kind) for group in groups] == [
        ("wire", ("syndicated",), "near")
    ]


def test_articles_of_one_story_from_different_outlets_are_not_copies(budapest_corpus: Path) -> None:
    articles = [make_article(path.stem, path.read_text(encoding="utf-8"))
                for path in sorted(budapest_corpus.glob("*.txt"))]
    assert len(articles) == 5
    assert near_duplicate_groups(articles, DEFAULT_SETTINGS) == []


def test_same_event_from_many_outlets_in_ecb_plus_has_no_copies() -> None:
    names = ["1_10ecbplus.txt", "1_11ecbplus.txt", "1_12ecbplus.txt", "1_13ecbplus.txt", "1_14ecbplus.txt"]
    articles = [make_article(name, ecb_text(name)) for name in names]
    assert near_duplicate_groups(articles, DEFAULT_SETTINGS) == []


def test_incremental_index_equals_batch_and_survives_the_store(wire_story: str, db_path: Path) -> None:
    other = ecb_text("1_11ecbplus.txt")
    articles = [
        make_article("a", wire_story, published="2013-05-03"),
        make_article("b", other),
        make_article("c", trimmed(wire_story, 0.8)),
        make_article("d", other.replace("Lohan", "Lindsay Lohan", 1)),
        make_article("e", wire_story),
    ]
    batch = near_duplicate_groups(articles, DEFAULT_SETTINGS)
    assert {group.members for group in batch} == {("a", "c", "e"), ("b", "d")}

    first = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    first.add(articles[:2])
    with Store(db_path) as store:
        save_signatures(first, store)
    with Store(db_path) as store:
        resumed = load_duplicate_index(store, DEFAULT_SETTINGS)
    touched = resumed.add(articles[2:])
    assert resumed.groups() == batch
    assert {group.members for group in touched} == {("a", "c", "e"), ("b", "d")}


def test_short_texts_are_matched_only_exactly() -> None:
    short = make_article("short", "Police said two people were hurt.")
    longer = make_article("longer", "Police said two people were hurt on Monday.")
    [signature] = signatures([short], DEFAULT_SETTINGS.dedup)
    assert signature.shingles == 0
    assert near_duplicate_groups([short, longer], DEFAULT_SETTINGS) == []


def test_a_text_syndicated_many_times_is_one_group_beyond_the_bucket_size(wire_story: str) -> None:
    # More copies than a bucket keeps: later copies are found through the copies the buckets kept.
    count = 3 * DEFAULT_SETTINGS.dedup.bucket_members
    articles = [make_article(f"copy-{number:02d}", trimmed(wire_story, 1.0 - number / (2 * count))
                             + f"\n\nDistributed to subscriber number {number} of the wire service.")
                for number in range(count)]
    assert len({article.text_hash for article in articles}) == count
    [group] = near_duplicate_groups(articles, DEFAULT_SETTINGS)
    assert group.members == tuple(article.id for article in articles)
