"""Duplicates: exact copies (same clean text) and near copies (wire copy re-published, re-headlined, trimmed).

1. ``signatures``: hash each text's word shingles and reduce them to a MinHash signature, for a whole batch
   at once in numpy (one-permutation hashing: one hash per shingle, not one per shingle and permutation);
2. ``band_keys``: cut each signature into LSH bands and hash each band to one integer, again for the whole
   batch in numpy; the keys are join keys, for the in-memory index here as for a distributed join;
3. ``DuplicateIndex.add``: articles sharing a band key are candidates; each is confirmed by its estimated
   Jaccard similarity (or containment, for a trimmed copy), and copies are joined into groups. A band's bucket
   keeps its first few members only, so a text copied a thousand times costs a new copy a few comparisons.

The index persists across calls (and, through its signatures, across processes), so a new ingest hashes only
its own articles. A group of copies is one voice in corroboration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from typing import Literal

import numpy as np

from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, DedupSettings, Settings
from corroborate.store import SignatureRow, Store

DuplicateKind = Literal["exact", "near"]

_MASK32 = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint64(1 << 32)
# Odd multipliers of the polynomial hashes; odd, so that they are invertible modulo 2**64.
_BYTE_BASE = np.uint64(0x100000001B3)
_WORD_BASE = np.uint64(0x9E3779B97F4A7C15)
# Texts hashed per numpy pass: the prefix tables grow with the bytes of one pass.
_TEXTS_PER_PASS = 512


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Copies of one text: ``canonical`` is the earliest published (else first seen), ``copies`` the rest."""

    canonical: str
    copies: tuple[str, ...]
    kind: DuplicateKind

    @property
    def members(self) -> tuple[str, ...]:
        return (self.canonical, *self.copies)


@dataclass(frozen=True, slots=True)
class Signature:
    """What dedup keeps of one article: enough to find its copies later without the text."""

    article_id: str
    text_hash: str
    published: str | None
    shingles: int
    hashvalues: np.ndarray

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @staticmethod
    def values_from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def near_duplicate_groups(
    articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS
) -> list[DuplicateGroup]:
    """Every group of two or more copies among ``articles``, exact or near."""
    index = DuplicateIndex(settings.dedup)
    index.add(articles)
    return index.groups()


def signatures(articles: Sequence[Article], settings: DedupSettings) -> list[Signature]:
    """MinHash signatures of a batch of articles, hashed together in numpy passes."""
    result: list[Signature] = []
    for start in range(0, len(articles), _TEXTS_PER_PASS):
        batch = articles[start:start + _TEXTS_PER_PASS]
        values, counts = _batch_hashvalues([article.text for article in batch], settings)
        result.extend(
            Signature(article.id, article.text_hash, article.published, int(count), row)
            for article, row, count in zip(batch, values, counts, strict=True)
        )
    return result


class DuplicateIndex:
    """An LSH index of signatures that grows with each ``add`` and remembers every group it has found."""

    def __init__(self, settings: DedupSettings = DEFAULT_SETTINGS.dedup) -> None:
        self.settings = settings
        self._buckets: dict[int, list[str]] = {}
        self._signatures: dict[str, Signature] = {}
        self._order: dict[str, int] = {}
        self._by_text_hash: dict[str, str] = {}
        self._parent: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def add(self, articles: Sequence[Article]) -> list[DuplicateGroup]:
        """Index new articles; returns the groups that now hold any of them."""
        fresh = [article for article in articles if article.id not in self._signatures]
        return self.add_signatures(signatures(_unique(fresh), self.settings))

    def add_signatures(self, new: Iterable[Signature]) -> list[DuplicateGroup]:
        """Index signatures computed before (read back from the store); returns the groups they join."""
        fresh = [item for item in new if item.article_id not in self._signatures]
        keys = band_keys([item.hashvalues for item in fresh], self.settings).tolist() if fresh else []
        for signature, signature_keys in zip(fresh, keys, strict=True):
            self._insert(signature, signature_keys)
        touched = [item.article_id for item in fresh]
        roots = {self._find(article_id) for article_id in touched}
        return [group for group in self.groups() if self._find(group.canonical) in roots]

    def signatures(self) -> list[Signature]:
        """Every indexed signature, in the order it was added: what the store keeps."""
        return list(self._signatures.values())

    def groups(self) -> list[DuplicateGroup]:
        """Every group of two or more copies, largest first."""
        members: dict[str, list[str]] = {}
        for article_id in self._signatures:
            members.setdefault(self._find(article_id), []).append(article_id)
        groups = [self._group(ids) for ids in members.values() if len(ids) > 1]
        return sorted(groups, key=lambda group: (-len(group.members), self._order[group.canonical]))

    def group_of(self, article_id: str) -> tuple[str, ...]:
        """The ids of every copy of ``article_id``, itself included."""
        root = self._find(article_id)
        return tuple(other for other in self._signatures if self._find(other) == root)

    def _insert(self, signature: Signature, keys: list[int]) -> None:
        article_id = signature.article_id
        self._signatures[article_id] = signature
        self._order[article_id] = len(self._order)
        self._parent[article_id] = article_id
        twin = self._by_text_hash.setdefault(signature.text_hash, article_id)
        if twin != article_id:
            self._union(twin, article_id)
            return
        if signature.shingles == 0:
            return
        for other in dict.fromkeys(chain.from_iterable(map(self._buckets.get, keys, repeat(())))):
            # Already in one group: a copy of a copy needs no comparison.
            if self._find(other) != self._find(article_id) and self._is_copy(signature, self._signatures[other]):
                self._union(other, article_id)
        # A bucket keeps its first few members only: they stand for every later copy of their text, so a new
        # copy is compared with them instead of with every earlier copy of a large group.
        limit, buckets = self.settings.bucket_members, self._buckets
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [article_id]
            elif len(bucket) < limit:
                bucket.append(article_id)

    def _is_copy(self, one: Signature, other: Signature) -> bool:
        jaccard = np.count_nonzero(one.hashvalues == other.hashvalues) / len(one.hashvalues)
        if jaccard >= self.settings.near_duplicate_jaccard:
            return True
        shared = jaccard * (one.shingles + other.shingles) / (1.0 + jaccard)
        return shared / min(one.shingles, other.shingles) >= self.settings.near_duplicate_containment

    def _group(self, ids: list[str]) -> DuplicateGroup:
        ordered = sorted(ids, key=self._canonical_key)
        hashes = {self._signatures[article_id].text_hash for article_id in ids}
        kind: DuplicateKind = "exact" if len(hashes) == 1 else "near"
        return DuplicateGroup(ordered[0], tuple(ordered[1:]), kind)

    def _canonical_key(self, article_id: str) -> tuple[bool, str, int]:
        published = self._signatures[article_id].published
        return (published is None, published or "", self._order[article_id])

    def _find(self, article_id: str) -> str:
        parent = self._parent
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def _union(self, one: str, other: str) -> None:
        first, second = sorted((self._find(one), self._find(other)), key=self._order.__getitem__)
        self._parent[second] = first


def save_signatures(index: DuplicateIndex, store: Store) -> None:
    """Keep the index's signatures in the store, so the next ingest hashes only its new articles."""
    store.add_signatures(
        SignatureRow(item.article_id, item.text_hash, item.published, item.shingles, item.to_bytes())
        for item in index.signatures()
    )


def load_duplicate_index(store: Store, settings: Settings = DEFAULT_SETTINGS) -> DuplicateIndex:
    """The index of every signature kept in the store, rebuilt without re-reading any text."""
    index = DuplicateIndex(settings.dedup)
    index.add_signatures(
        Signature(row.article_id, row.text_hash, row.published, row.shingles,
                  Signature.values_from_bytes(row.hashvalues))
        for row in store.signatures()
    )
    return index


def _unique(articles: Sequence[Article]) -> list[Article]:
    return list({article.id: article for article in articles}.values())


# ---- hashing -------------------------------------------------------------------------------------------------


@cache
def _fold_table() -> bytes:
    """A ``bytes.translate`` table: ASCII letters to lower case, digits and every byte of a non-ASCII character
    kept, any other byte (space, punctuation) to zero, so that zero bytes separate words."""
    table = bytearray(256)
    for char in b"abcdefghijklmnopqrstuvwxyz0123456789":
        table[char] = char
    for char in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[char] = char + 32
    table[128:] = range(128, 256)
    return bytes(table)


def _powers(base: np.uint64, length: int) -> np.ndarray:
    """``base**0 .. base**(length-1)`` modulo 2**64 (numpy's unsigned products wrap around)."""
    table = _power_table(base, 1 << max(length - 1, 1).bit_length())
    return table[:length]


@cache
def _power_table(base: np.uint64, length: int) -> np.ndarray:
    # Cached per power of two in length, so that passes of similar size reuse one table.
    factors = np.full(length, base, dtype=np.uint64)
    factors[0] = 1
    return np.cumprod(factors, dtype=np.uint64)


def _inverse(odd: np.uint64) -> np.uint64:
    return np.uint64(pow(int(odd), -1, 1 << 64))


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads polynomial hashes evenly over all 64 bits."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _token_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A hash per word of every text (ASCII case-folded, punctuation dropped), and the index of its text."""
    # Case folds in C on the encoded bytes (non-ASCII letters are compared as written); str.lower costs more.
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    joined = np.frombuffer((b" " + b" ".join(encoded) + b" ").translate(_fold_table()), dtype=np.uint8)
    is_word = joined.astype(bool)
    starts = np.flatnonzero(is_word[1:] & ~is_word[:-1]) + 1
    ends = np.flatnonzero(is_word[:-1] & ~is_word[1:]) + 1
    # sum(byte[j] * base**(j-start)) over a word = (prefix[end-1] - prefix[start-1]) * base**start, where
    # prefix sums byte[j] * base**-j: one cumulative sum gives every word's hash at once.
    with np.errstate(over="ignore"):
        prefix = np.cumsum(joined.astype(np.uint64) * _powers(_inverse(_BYTE_BASE), len(joined)))
        words = (prefix[ends - 1] - prefix[starts - 1]) * _powers(_BYTE_BASE, len(joined))[starts]
    bounds = np.cumsum([0] + [len(text) + 1 for text in encoded])
    text_of_word = np.searchsorted(bounds, starts, side="right") - 1
    return words, text_of_word


def _batch_hashvalues(texts: list[str], settings: DedupSettings) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash of each text's word shingles: (signatures, number of shingles per text)."""
    width, bins = settings.shingle_words, settings.num_perm
    words, text_of_word = _token_hashes(texts)
    signature = np.full(len(texts) * bins, _EMPTY, dtype=np.uint64)
    count = max(len(words) - width + 1, 0)
    within = text_of_word[:count] == text_of_word[width - 1:width - 1 + count]
    shingle_texts = text_of_word[:count][within]
    shingles_per_text = np.bincount(shingle_texts, minlength=len(texts))
    shingles_per_text[shingles_per_text < settings.min_words - width + 1] = 0
    with np.errstate(over="ignore"):
        shingles = np.zeros(count, dtype=np.uint64)
        for offset, factor in enumerate(_powers(_WORD_BASE, width)):
            shingles += words[offset:offset + count] * factor
        hashed = _mix(shingles[within])
    keep = shingles_per_text[shingle_texts] > 0
    hashed, shingle_texts = hashed[keep], shingle_texts[keep]
    slots = shingle_texts * bins + (hashed >> np.uint64(32)) % np.uint64(bins)
    np.minimum.at(signature, slots.astype(np.int64), hashed & _MASK32)
    values = _densify(signature.reshape(len(texts), bins))
    values[shingles_per_text == 0] = 0
    return values.astype(np.uint32), shingles_per_text


def band_keys(hashvalues: Sequence[np.ndarray], settings: DedupSettings) -> np.ndarray:
    """One 64-bit key per LSH band of each signature (rows: signatures, columns: bands); two signatures share
    a key where every row of that band agrees. The band's number is part of its key, so equal rows in two
    different bands do not make a candidate."""
    bands, rows = settings.lsh_bands, settings.lsh_rows
    values = np.stack(hashvalues)[:, : bands * rows].astype(np.uint64).reshape(len(hashvalues), bands, rows)
    with np.errstate(over="ignore"):
        keys = np.zeros((len(hashvalues), bands), dtype=np.uint64)
        for row, factor in enumerate(_powers(_WORD_BASE, rows)):
            keys += values[:, :, row] * factor
        keys = _mix(keys + np.arange(bands, dtype=np.uint64) * _BYTE_BASE)
    return keys


def _densify(values: np.ndarray) -> np.ndarray:
    """Fill empty bins from the next filled bin to the right (circularly), shifted by the distance travelled,
    so short texts get full signatures that still estimate Jaccard similarity (Shrivastava & Li, 2014)."""
    rows, bins = values.shape
    doubled = np.concatenate([values, values], axis=1)
    position = np.where(doubled != _EMPTY, np.arange(2 * bins), 2 * bins)
    next_filled = np.minimum.accumulate(position[:, ::-1], axis=1)[:, ::-1][:, :bins]
    found = next_filled < 2 * bins
    source = np.minimum(next_filled, 2 * bins - 1)
    borrowed = np.take_along_axis(doubled, source, axis=1)
    distance = (source - np.arange(bins)).astype(np.uint64)
    with np.errstate(over="ignore"):
        filled = (borrowed + distance * np.uint64(0x9E3779B1)) & _MASK32
    return np.where(found, filled, _EMPTY).astype(np.uint64)
