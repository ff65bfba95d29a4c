"""Duplicates: exact copies, near copies (new headline, trimmed ending, edited words), and what is not a copy."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import shared_path

from corroborate.dedup import (
    DuplicateIndex,
    load_duplicate_groups,
    load_duplicate_index,
    near_duplicate_groups,
    originals,
    save_signatures,
    signatures,
)
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS
from corroborate.store import SignatureRow, Store


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


def test_a_copys_original_is_its_groups_first_article_even_when_a_later_one_is_canonical(
        wire_story: str, db_path: Path) -> None:
    other = ecb_text("1_11ecbplus.txt")
    first = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    first.add([make_article("a", wire_story, published="2013-05-03"), make_article("b", other)])
    with Store(db_path) as store:
        save_signatures(first, store)
    with Store(db_path) as store:
        resumed = load_duplicate_index(store, DEFAULT_SETTINGS)
    # "c" is dated before "a": the group's canonical changes, the article whose story copies take does not.
    [group] = resumed.add([make_article("c", trimmed(wire_story, 0.8), published="2013-05-02"),
                           make_article("d", wire_story), make_article("e", ecb_text("1_10ecbplus.txt"))])
    assert group.canonical == "c"
    assert resumed.copied(["a", "b", "c", "d", "e"]) == {"c": "a", "d": "a"}


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


def test_signatures_are_the_ones_earlier_versions_stored() -> None:
    # The store keeps signatures across versions: a new ingest must hash a text exactly as the stored ones were
    # hashed (ASCII or not), or copies of stored articles would go unfound. Values from the first numpy version.
    texts = [
        "The minister said on Tuesday that talks would resume next week, after two days of meetings in the "
        "capital ended without an agreement on the border, the budget or the timetable for elections.",
        "Café owners in Zürich told reporters the \u201cnew rules\u201d cost them 1,200 francs a month \u2014 a naïve "
        "estimate, officials said, since most of them had not yet filed the forms required by the city.",
        "Too short to hash.",
    ]
    found = signatures([make_article(f"text-{n}", text) for n, text in enumerate(texts)], DEFAULT_SETTINGS.dedup)
    assert [(item.shingles, item.hashvalues[:6].tolist(), int(item.hashvalues.astype(np.uint64).sum()))
            for item in found] == [
        (29, [429776423, 2070307958, 3710839493, 1056403732, 375487412, 2016018947], 135724302017),
        (32, [1200921171, 2841452706, 187016945, 2052155589, 3692687124, 3189162994], 132837866267),
        (0, [0, 0, 0, 0, 0, 0], 0),
    ]


@pytest.fixture(scope="module")
def chain() -> list[Article]:
    """Three overlapping windows of one long text: each a copy of the next, the first and last too far apart."""
    words = " ".join(ecb_text(name) for name in ["1_8ecbplus.txt", "1_12ecbplus.txt", "1_10ecbplus.txt"]).split()
    assert len(words) >= 450
    return [make_article(name, " ".join(words[start:start + 300]), published=f"2013-05-0{day}")
            for name, start, day in [("first", 0, 3), ("middle", 75, 4), ("last", 150, 2)]]


def test_a_chain_of_copies_is_one_group_at_once_or_joined_by_its_middle(chain: list[Article]) -> None:
    first, middle, last = chain
    assert near_duplicate_groups([first, last], DEFAULT_SETTINGS) == []
    [group] = near_duplicate_groups(chain, DEFAULT_SETTINGS)
    assert (group.canonical, group.copies, group.kind) == ("last", ("first", "middle"), "near")

    # Two groups of one, then the middle copy joins them: the groups it touches come back as one.
    index = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    assert index.add([first]) == [] and index.add([last]) == []
    assert index.add([middle]) == [group]
    assert index.groups() == [group]
    assert index.group_of("last") == ("first", "last", "middle")


def test_groups_kept_in_the_store_are_read_without_replaying_signatures(chain: list[Article], db_path: Path) -> None:
    other = ecb_text("1_11ecbplus.txt")
    articles = [*chain, make_article("wire", other), make_article("reprint", other)]
    index = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    index.add(articles)
    with Store(db_path) as store:
        save_signatures(index, store)
        kept = store.duplicate_groups(repr(DEFAULT_SETTINGS.dedup))
        assert kept is not None
        assert [(row.canonical, row.copies, row.kind) for row in kept] == [
            ("last", ("first", "middle"), "near"), ("wire", ("reprint",), "exact")
        ]
        assert load_duplicate_groups(store, DEFAULT_SETTINGS) == index.groups()
        # Groups found with other settings are not taken for these: stricter thresholds leave the exact copies.
        strict = replace(DEFAULT_SETTINGS, dedup=replace(DEFAULT_SETTINGS.dedup, near_duplicate_jaccard=0.99,
                                                         near_duplicate_containment=0.99))
        assert [group.members for group in load_duplicate_groups(store, strict)] == [("wire", "reprint")]


def test_signatures_kept_without_their_groups_are_grouped_again(chain: list[Article], db_path: Path) -> None:
    # A Spark run, or an older version, keeps signatures only: the groups are then found from the signatures.
    index = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    index.add(chain[:2])
    with Store(db_path) as store:
        save_signatures(index, store)
        [late] = signatures(chain[2:], DEFAULT_SETTINGS.dedup)
        store.add_signatures([SignatureRow(late.article_id, late.text_hash, late.published, late.shingles,
                                           late.to_bytes())])
        assert store.duplicate_groups(repr(DEFAULT_SETTINGS.dedup)) is None
        assert load_duplicate_groups(store, DEFAULT_SETTINGS) == near_duplicate_groups(chain, DEFAULT_SETTINGS)
        assert load_duplicate_index(store, DEFAULT_SETTINGS).groups() == near_duplicate_groups(chain, DEFAULT_SETTINGS)


def test_every_copy_datasketch_lsh_finds_on_the_same_signatures_is_grouped() -> None:
    """datasketch's MinHashLSH is the field's reference index; ours is a batched numpy index for speed (see
    bench/crawl.py). On the same signatures, every candidate pair datasketch finds at the copy threshold must be in
    one of our groups, and every pair we group must be one of its candidates or joined through one."""
    from datasketch import LeanMinHash, MinHashLSH

    settings = DEFAULT_SETTINGS.dedup
    names = sorted(path.name for path in shared_path("data", "ecbplus-train-dev").glob("1_*ecbplus.txt"))[:12]
    articles = []
    for number, name in enumerate(names):
        text = ecb_text(name)
        articles.append(make_article(name, text))
        articles.append(make_article(f"{name}-trimmed", trimmed(text, 0.7)))
        if number % 3 == 0:
            articles.append(make_article(f"{name}-edited", text.replace(" the ", " a ", 3)))
    hashed = {signature.article_id: signature for signature in signatures(articles, settings)}
    sketches = {
        article_id: LeanMinHash(seed=1, hashvalues=signature.hashvalues.astype(np.uint64), scheme="legacy")
        for article_id, signature in hashed.items()
    }
    reference = MinHashLSH(num_perm=settings.num_perm, params=(settings.lsh_bands, settings.lsh_rows))
    for article_id, sketch in sketches.items():
        reference.insert(article_id, sketch)
    candidates = {
        frozenset((article_id, other))
        for article_id, sketch in sketches.items() for other in reference.query(sketch) if other != article_id
    }
    copies = {pair for pair in candidates if sketches[min(pair)].jaccard(sketches[max(pair)]) >= 0.5}

    index = DuplicateIndex(settings)
    index.add(articles)
    group_of = {member: group.canonical for group in index.groups() for member in group.members}
    assert len(copies) >= len(names), "the test corpus must hold copies"
    assert all(group_of.get(one) is not None and group_of.get(one) == group_of.get(two) for one, two in copies)
    linked: dict[str, set[str]] = {}
    for one, two in candidates:
        linked.setdefault(one, set()).add(two)
        linked.setdefault(two, set()).add(one)
    for group in index.groups():
        assert all(linked.get(copy, set()) & set(group.members) for copy in group.members)


# Two unrelated reports, and a round-up that prints both one after the other: it copies each of them.
BRIDGE = ("Engineers closed the Vantor river bridge to lorries on Wednesday after sensors fitted to its steel "
          "cables recorded movements well beyond the limits set when the crossing opened thirty years ago. Cars "
          "and buses may still cross at walking pace while divers inspect the piers, the county roads department "
          "said, adding that a full closure could follow if the inspection finds corrosion below the waterline.")
LIBRARY = ("The town library in Elmsworth will open on Sundays from next month, its trustees announced, after "
           "volunteers offered to staff the reading rooms and a local bakery agreed to fund the heating bill. The "
           "trustees said the extra day was the most requested change in a survey of members last winter, and "
           "that the children's section would host a storytelling hour every week during the school holidays.")


def test_a_copy_of_two_texts_links_their_groups_but_each_copy_keeps_the_text_it_copies(tmp_path: Path) -> None:
    articles = [
        make_article("bridge", BRIDGE),
        make_article("bridge-wire", BRIDGE.rsplit(". ", 1)[0] + "."),
        make_article("library", LIBRARY),
        make_article("roundup", f"{BRIDGE}\n\n{LIBRARY}"),
        make_article("library-again", LIBRARY),
        make_article("library-wire", LIBRARY.rsplit(". ", 1)[0] + "."),
    ]
    ids = [article.id for article in articles]
    once = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    once.add(articles)
    # One group: the round-up joins both texts' copies into one voice.
    assert [group.members for group in once.groups()] == [tuple(ids)]
    # Yet the library report copied nothing when it came, and its copies copy it, not the bridge report.
    expected = {"bridge-wire": "bridge", "roundup": "bridge", "library-again": "library", "library-wire": "library"}
    assert once.copied(ids) == expected
    # The same from any cut, the first part read back from the store.
    for cut in range(1, len(articles)):
        first = DuplicateIndex(DEFAULT_SETTINGS.dedup)
        first.add(articles[:cut])
        with Store(tmp_path / f"cut-{cut}.db") as store:
            save_signatures(first, store)
        with Store(tmp_path / f"cut-{cut}.db") as store:
            resumed = load_duplicate_index(store, DEFAULT_SETTINGS)
        resumed.add(articles[cut:])
        assert resumed.copied(ids) == expected, cut


def test_each_copy_takes_the_original_of_the_article_it_copies() -> None:
    # "c" copies "b", a copy placed with "a" before; "d" copies "c", new; "e" copies "f", which copied nothing.
    copied = {"c": "b", "d": "c", "e": "f"}
    assert originals(copied, {"b": "a"}) == {"c": "a", "d": "a", "e": "f"}
    # Without what the store placed, a copy's original is the article it copies.
    assert originals(copied, {}) == {"c": "b", "d": "b", "e": "f"}
