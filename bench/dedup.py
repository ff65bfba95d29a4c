"""Dedup index beside datasketch's MinHashLSH, on the same signatures of the same synthetic crawl, in one run.

corroborate indexes a batch of signatures at once in numpy; datasketch (the field's library) inserts and queries
one MinHash at a time. Both get the signatures already computed (hashing is timed on its own line), use the same
bands and rows, confirm candidates at the same Jaccard threshold and join copies into groups; the script prints
articles/s for each, their ratio, and whether both found the same groups.

    .venv/bin/python bench/dedup.py --size 20000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from crawl import SHARED, load_events, synthetic_crawl
from datasketch import LeanMinHash, MinHashLSH

from corroborate.dedup import DuplicateIndex, Signature, signatures
from corroborate.pipeline import build_article
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, DedupSettings


def corroborate_groups(hashed: Sequence[Signature], settings: DedupSettings) -> set[frozenset[str]]:
    index = DuplicateIndex(settings)
    index.add_signatures(hashed)
    return {frozenset(group.members) for group in index.groups()}


def datasketch_groups(hashed: Sequence[Signature], settings: DedupSettings) -> set[frozenset[str]]:
    """datasketch's index: insert and query each article, confirm by Jaccard, join copies (union-find)."""
    index = MinHashLSH(num_perm=settings.num_perm, params=(settings.lsh_bands, settings.lsh_rows))
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for signature in hashed:
        sketch = LeanMinHash(seed=1, hashvalues=signature.hashvalues.astype(np.uint64), scheme="legacy")
        for other in index.query(sketch):
            same_text = signature.text_hash == by_id[other][0].text_hash
            if same_text or sketch.jaccard(by_id[other][1]) >= settings.near_duplicate_jaccard:
                parent[root(signature.article_id)] = root(other)
        index.insert(signature.article_id, sketch, check_duplication=False)
        by_id[signature.article_id] = (signature, sketch)
    members: dict[str, set[str]] = {}
    for key in parent:
        members.setdefault(root(key), set()).add(key)
    return {frozenset(group | {top}) for top, group in members.items()}


by_id: dict[str, tuple[Signature, LeanMinHash]] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    settings = DEFAULT_SETTINGS.dedup
    articles: list[Article] = [build_article(doc) for doc in synthetic_crawl(load_events(args.shared), args.size,
                                                                               0.35, seed=7)]
    started = time.perf_counter()
    hashed = signatures(articles, settings)
    hashing = time.perf_counter() - started
    print(f"{len(articles)} articles; MinHash signatures: {len(articles) / hashing:,.0f} articles/s")
    started = time.perf_counter()
    ours = corroborate_groups(hashed, settings)
    ours_time = time.perf_counter() - started
    started = time.perf_counter()
    theirs = datasketch_groups(hashed, settings)
    theirs_time = time.perf_counter() - started
    print(f"  corroborate index : {len(articles) / ours_time:>9,.0f} articles/s, {len(ours)} groups")
    print(f"  datasketch LSH    : {len(articles) / theirs_time:>9,.0f} articles/s, {len(theirs)} groups")
    print(f"  ratio             : {theirs_time / ours_time:.1f}x; same groups: {ours == theirs} "
          f"({len(ours & theirs)} in common; ours also confirms trimmed copies by containment)")


if __name__ == "__main__":
    main()
