"""Duplicates: exact copies (same clean text) and near copies (wire copy re-published, re-headlined, trimmed).

1. ``signatures``: hash each text's word shingles and reduce them to a MinHash signature, for a whole batch
   at once in numpy (one-permutation hashing: one hash per shingle, not one per shingle and permutation);
2. ``band_keys``: cut each signature into LSH bands and hash each band to one integer, again for the whole
   batch in numpy; the keys are join keys, for the in-memory index here as for a distributed join;
3. ``DuplicateIndex.add``: articles sharing a band key are candidates; each is confirmed by its estimated
   Jaccard similarity (or containment, for a trimmed copy), and copies are joined into groups. A band's bucket
   keeps its first few members only, so a text copied a thousand times costs a new copy a few comparisons.
   A batch is indexed at once: its band keys are merged into the sorted buckets, its candidate pairs read off
   the merged order and compared together in numpy, so no Python code runs per candidate.

The index persists across calls and, through the store, across processes: the store keeps the signatures (so a
new ingest hashes only its own articles) and the groups found (so a reader learns which articles are copies
without replaying any signature). A group of copies is one voice in corroboration. Which story a copy joins is
told by the first article it copies (``DuplicateIndex.copied``, found again from the buckets at any time, so
nothing more is stored) and that article's own original (``originals``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

import numpy as np

from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS, DedupSettings, Settings
from corroborate.store import DuplicateGroupRow, SignatureRow, Store

DuplicateKind = Literal["exact", "near"]

_MASK32 = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint64(1 << 32)
# Odd multipliers of the polynomial hashes; odd, so that they are invertible modulo 2**64.
_BYTE_BASE = np.uint64(0x100000001B3)
_WORD_BASE = np.uint64(0x9E3779B97F4A7C15)
# Texts hashed per numpy pass: few enough that a pass's per-byte arrays (8 bytes per byte of text) stay in the
# processor's cache, enough that numpy's per-call cost is spread over many texts (128: fastest measured).
_TEXTS_PER_PASS = 128
# Candidate pairs compared per numpy pass: bounds the gathered signature rows (pairs x bins x 4 bytes, twice).
_PAIRS_PER_PASS = 1 << 15


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
    batch = _Batch.of_articles(articles, settings)
    return [Signature(*row) for row in zip(batch.ids, batch.text_hashes, batch.published, batch.shingles.tolist(),
                                           batch.values, strict=True)]


@dataclass(frozen=True, slots=True)
class _Batch:
    """Signatures side by side: one list or array per field, one row per article."""

    ids: list[str]
    text_hashes: list[str]
    published: list[str | None]
    shingles: np.ndarray
    values: np.ndarray

    @staticmethod
    def of_articles(articles: Sequence[Article], settings: DedupSettings) -> _Batch:
        passes = [_batch_hashvalues([article.text for article in articles[start:start + _TEXTS_PER_PASS]], settings)
                  for start in range(0, len(articles), _TEXTS_PER_PASS)]
        return _Batch(
            [article.id for article in articles], [article.text_hash for article in articles],
            [article.published for article in articles],
            np.concatenate([np.empty(0, dtype=np.int64)] + [counts for _, counts in passes]),
            np.concatenate([np.empty((0, settings.num_perm), dtype=np.uint32)] + [values for values, _ in passes]),
        )

    @staticmethod
    def of_signatures(kept: Sequence[Signature], settings: DedupSettings) -> _Batch:
        return _Batch(
            [item.article_id for item in kept], [item.text_hash for item in kept], [item.published for item in kept],
            np.array([item.shingles for item in kept], dtype=np.int64),
            np.stack([item.hashvalues for item in kept]) if kept else np.empty((0, settings.num_perm), np.uint32),
        )

    @staticmethod
    def of_rows(rows: Sequence[SignatureRow], settings: DedupSettings) -> _Batch:
        values = np.frombuffer(b"".join(row.hashvalues for row in rows), dtype="<u4").astype(np.uint32)
        return _Batch(
            [row.article_id for row in rows], [row.text_hash for row in rows], [row.published for row in rows],
            np.array([row.shingles for row in rows], dtype=np.int64), values.reshape(len(rows), settings.num_perm),
        )

    def rows(self, start: int) -> list[SignatureRow]:
        """The signatures from ``start`` on, as the store keeps them."""
        blob = self.values[start:].astype("<u4").tobytes()
        width = self.values.shape[1] * 4
        fields = zip(self.ids[start:], self.text_hashes[start:], self.published[start:],
                     self.shingles[start:].tolist(), strict=True)
        return [SignatureRow(article_id, text_hash, published, shingles, blob[row * width:(row + 1) * width])
                for row, (article_id, text_hash, published, shingles) in enumerate(fields)]


class DuplicateIndex:
    """An LSH index of signatures that grows with each ``add`` and remembers every group it has found.

    Articles are numbered in the order they were added; ties for the canonical copy go to the first added.
    It is built for batches: each ``add`` merges its band keys into the buckets in one pass over them.
    """

    def __init__(self, settings: DedupSettings = DEFAULT_SETTINGS.dedup) -> None:
        self.settings = settings
        self._kept = _Batch([], [], [], np.empty(0, dtype=np.int64), np.empty((0, settings.num_perm), np.uint32))
        self._order: dict[str, int] = {}
        self._by_text_hash: dict[str, int] = {}
        # Each article's group, named by its first-added member (its root); every article points at its root.
        self._root = np.empty(0, dtype=np.int64)
        # The buckets, as the members each keeps: band keys sorted, each key's members in the order added.
        self._bucket_keys = np.empty(0, dtype=np.uint64)
        self._bucket_members = np.empty(0, dtype=np.int64)
        self._groups: list[DuplicateGroup] | None = None
        # How many of the signatures, the first ones, the store already keeps.
        self._saved = 0

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def add(self, articles: Sequence[Article]) -> list[DuplicateGroup]:
        """Index new articles; returns the groups that now hold any of them."""
        fresh = [article for article in _unique(articles) if article.id not in self._order]
        return self._add(_Batch.of_articles(fresh, self.settings))

    def add_signatures(self, new: Iterable[Signature]) -> list[DuplicateGroup]:
        """Index signatures computed before (read back from the store); returns the groups they join."""
        fresh: dict[str, Signature] = {}
        for item in new:
            if item.article_id not in self._order:
                fresh.setdefault(item.article_id, item)
        return self._add(_Batch.of_signatures(list(fresh.values()), self.settings))

    def groups(self) -> list[DuplicateGroup]:
        """Every group of two or more copies, largest first."""
        if self._groups is None:
            root = self._root
            in_groups = np.flatnonzero(np.bincount(root, minlength=len(root))[root] > 1)
            ordered = in_groups[np.argsort(root[in_groups], kind="stable")]
            cuts = np.flatnonzero(np.diff(root[ordered])) + 1
            groups = [self._group(members.tolist()) for members in np.split(ordered, cuts) if len(members)]
            self._groups = sorted(groups, key=lambda group: (-len(group.members), self._order[group.canonical]))
        return list(self._groups)

    def group_of(self, article_id: str) -> tuple[str, ...]:
        """The ids of every copy of ``article_id``, itself included."""
        members = np.flatnonzero(self._root == self._root[self._order[article_id]])
        return tuple(self._kept.ids[position] for position in members.tolist())

    def copied(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Each of ``article_ids`` that copies an article added before it, with the first-added article it copies
        (the first of its text, for an exact copy), in the order added.

        Found from the buckets as they are now, which keep the members an article met when it was added: the
        first ones of each bucket, so those before it are the same. The answer is thus the same whether the
        earlier articles came in the same batch, an earlier one, or were read back from the store; unlike the
        group's first article, it never changes when a later article links this group to another."""
        positions = np.array(sorted({self._order[article_id] for article_id in article_ids}), dtype=np.int64)
        first = np.array([self._by_text_hash[self._kept.text_hashes[position]] for position in positions.tolist()],
                         dtype=np.int64)
        # An exact copy met its text's first article only; any other text met its buckets' earlier members.
        hashed = positions[(first == positions) & (self._kept.shingles[positions] > 0)]
        one, other = self._copies(*self._met(hashed))
        first = np.where(first < positions, first, len(self))
        found = np.full(len(self), len(self), dtype=np.int64)
        np.minimum.at(found, one, other)
        first = np.minimum(first, found[positions])
        return {self._kept.ids[position]: self._kept.ids[earliest]
                for position, earliest in zip(positions.tolist(), first.tolist(), strict=True) if earliest < len(self)}

    def _met(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidate pairs (article, earlier member) of articles already filed: each with its buckets' kept
        members added before it."""
        keys = _band_keys(self._kept.values[positions], self.settings).ravel()
        owner = np.repeat(positions, self.settings.lsh_bands)
        start = np.searchsorted(self._bucket_keys, keys, side="left")
        count = np.searchsorted(self._bucket_keys, keys, side="right") - start
        offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        owner, member = np.repeat(owner, count), self._bucket_members[np.repeat(start, count) + offset]
        earlier = member < owner
        pairs = _distinct(owner[earlier] * len(self) + member[earlier])
        return pairs // len(self), pairs % len(self)

    def _add(self, batch: _Batch) -> list[DuplicateGroup]:
        start = len(self)
        bucketed, twins = self._append(batch)
        copies = self._copies(*self._file(bucketed))
        self._join(np.concatenate([twins[0], copies[0]]), np.concatenate([twins[1], copies[1]]))
        roots = set(self._root[start:].tolist())
        return [group for group in self.groups() if self._root[self._order[group.canonical]] in roots]

    def _append(self, batch: _Batch) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """Number a batch of new, distinct articles; returns the positions that go into buckets, and the exact
        copies found, each paired with the first article of its text."""
        start = len(self)
        positions = range(start, start + len(batch.ids))
        self._order.update(zip(batch.ids, positions, strict=True))
        twins = [self._by_text_hash.setdefault(text_hash, position)
                 for text_hash, position in zip(batch.text_hashes, positions, strict=True)]
        kept = self._kept
        self._kept = _Batch(kept.ids + batch.ids, kept.text_hashes + batch.text_hashes,
                            kept.published + batch.published, np.concatenate([kept.shingles, batch.shingles]),
                            np.concatenate([kept.values, batch.values]))
        self._root = np.concatenate([self._root, np.arange(start, len(self))])
        self._groups = None
        twin = np.array(twins, dtype=np.int64)
        new = np.arange(start, len(self))
        copy = twin != new
        # An exact copy goes into no bucket (its twin stands for it), nor does a text too short to hash.
        return new[~copy & (batch.shingles > 0)], (twin[copy], new[copy])

    def _file(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """File new articles (``positions``, in the order added) in the buckets of their band keys; returns
        their candidate pairs (new article, earlier member): each with the members its buckets kept before it."""
        if not len(positions):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        members, run_start, rank = self._merge(positions)
        # A newcomer meets the first `limit` members of its bucket that came before it.
        meets = np.where(members >= positions[0], np.minimum(rank, self.settings.bucket_members), 0)
        newcomer = np.repeat(np.arange(len(members)), meets)
        offset = np.arange(len(newcomer)) - np.repeat(np.cumsum(meets) - meets, meets)
        pairs = _distinct(members[newcomer] * len(self) + members[run_start[newcomer] + offset])
        return pairs // len(self), pairs % len(self)

    def _merge(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Merge new articles' band keys into the buckets and keep each bucket's first members; returns, before
        that trim, every bucket's members (by key, then in the order added), where its bucket starts among them,
        and its rank in its bucket."""
        bands = self.settings.lsh_bands
        keys = np.concatenate([self._bucket_keys, _band_keys(self._kept.values[positions], self.settings).ravel()])
        members = np.concatenate([self._bucket_members, np.repeat(positions, bands)])
        order = np.argsort(keys)
        keys = keys[order]
        opens = np.concatenate([[True], keys[1:] != keys[:-1]])
        # Within a key, members in the order added: one sort of (the key's rank, position) packed in an integer
        # (positions stay below 2**32), cheaper than a stable sort of the keys.
        bucket = np.cumsum(opens) - 1
        members = np.sort((bucket << 32) | members[order]) & 0xFFFFFFFF
        run_start = np.flatnonzero(opens)[bucket]
        rank = np.arange(len(keys)) - run_start
        kept = rank < self.settings.bucket_members
        self._bucket_keys, self._bucket_members = keys[kept], members[kept]
        return members, run_start, rank

    def _copies(self, one: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidate pairs that are copies: estimated Jaccard similarity, or containment of the shorter."""
        values, shingles = self._kept.values, self._kept.shingles
        found = [np.empty(0, dtype=bool)]
        for start in range(0, len(one), _PAIRS_PER_PASS):
            chunk = slice(start, start + _PAIRS_PER_PASS)
            equal = np.count_nonzero(values[one[chunk]] == values[other[chunk]], axis=1)
            jaccard = equal / values.shape[1]
            first, second = shingles[one[chunk]], shingles[other[chunk]]
            shared = jaccard * (first + second) / (1.0 + jaccard)
            found.append((jaccard >= self.settings.near_duplicate_jaccard)
                         | (shared / np.minimum(first, second) >= self.settings.near_duplicate_containment))
        copy = np.concatenate(found)
        return one[copy], other[copy]

    def _group(self, members: list[int]) -> DuplicateGroup:
        ordered = sorted(members, key=self._canonical_key)
        ids = [self._kept.ids[position] for position in ordered]
        hashes = {self._kept.text_hashes[position] for position in members}
        kind: DuplicateKind = "exact" if len(hashes) == 1 else "near"
        return DuplicateGroup(ids[0], tuple(ids[1:]), kind)

    def _canonical_key(self, position: int) -> tuple[bool, str, int]:
        published = self._kept.published[position]
        return (published is None, published or "", position)

    def _join(self, one: np.ndarray, other: np.ndarray) -> None:
        """Join the groups of each pair (one[i], other[i]), for all pairs at once: each group whose root is
        paired with a lower one points at the lowest, then every article follows roots to its own root, until
        no pair is left in two groups. A group's root is thus always its first-added article."""
        root = self._root
        while True:
            first, second = root[one], root[other]
            apart = first != second
            if not apart.any():
                break
            first, second = first[apart], second[apart]
            lower = np.minimum(first, second)
            np.minimum.at(root, first, lower)
            np.minimum.at(root, second, lower)
            onward = root[root]
            while not np.array_equal(onward, root):
                root, onward = onward, onward[onward]
        self._root = root

    def _restore(self, kept: _Batch, groups: Iterable[DuplicateGroupRow]) -> None:
        """Index signatures whose groups were found before: buckets filled, groups joined, nothing compared."""
        bucketed, _ = self._append(kept)
        if len(bucketed):
            self._merge(bucketed)
        pairs = [(self._order[row.canonical], self._order[copy]) for row in groups for copy in row.copies]
        joined = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        self._join(joined[:, 0], joined[:, 1])


def save_signatures(index: DuplicateIndex, store: Store) -> None:
    """Keep the index in the store: the signatures it added since it was loaded (so the next ingest hashes only
    its new articles) and every group (so a reader need not replay the signatures to learn them)."""
    groups = [DuplicateGroupRow(group.canonical, group.copies, group.kind) for group in index.groups()]
    store.save_duplicates(index._kept.rows(index._saved), groups, repr(index.settings))
    index._saved = len(index)


def load_duplicate_index(store: Store, settings: Settings = DEFAULT_SETTINGS) -> DuplicateIndex:
    """The index of every signature kept in the store, rebuilt without re-reading any text, and without
    comparing any signature when the store's groups are up to date."""
    kept = _Batch.of_rows(store.signatures(), settings.dedup)
    index = DuplicateIndex(settings.dedup)
    groups = store.duplicate_groups(repr(settings.dedup))
    if groups is None:
        index._add(kept)
    else:
        index._restore(kept, groups)
    index._saved = len(index)
    return index


def originals(copied: Mapping[str, str], placed: Mapping[str, str]) -> dict[str, str]:
    """Each copy's original, whose story it joins: that of the article it copies (``copied``, in the order added,
    as ``DuplicateIndex.copied`` gives it), which is that article itself when it copies none, or, when it is a
    copy placed before, the original it was placed with (``placed``).

    So a copy goes where the text it copies went, and an article that copied nothing when it came stays an
    original for good: a later article copying two texts links their groups (one voice in a brief) but moves
    neither text, nor their copies, out of the story it was placed in."""
    found: dict[str, str] = {}
    for copy, source in copied.items():
        found[copy] = found.get(source) or placed.get(source, source)
    return found


def load_duplicate_groups(store: Store, settings: Settings = DEFAULT_SETTINGS) -> list[DuplicateGroup]:
    """Every group of copies among the stored articles, largest first; read as kept when the store's groups
    are up to date (found among every stored signature, with these settings), else found again."""
    rows = store.duplicate_groups(repr(settings.dedup))
    if rows is None:
        return load_duplicate_index(store, settings).groups()
    return [DuplicateGroup(row.canonical, row.copies, cast(DuplicateKind, row.kind)) for row in rows]


def _unique(articles: Sequence[Article]) -> list[Article]:
    return list({article.id: article for article in articles}.values())


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted; numpy's ``unique`` costs several times a sort for 64-bit integers."""
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first]


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
    values *= np.uint64(0xBF58476D1CE4E5B9)
    values ^= values >> np.uint64(27)
    values *= np.uint64(0x94D049BB133111EB)
    values ^= values >> np.uint64(31)
    return values


def _token_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A hash per word of every text (ASCII case-folded, punctuation dropped), and the number of words per text."""
    # Case folds in C on the encoded bytes (non-ASCII letters are compared as written); str.lower costs more.
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    joined = np.frombuffer((b" " + b" ".join(encoded) + b" ").translate(_fold_table()), dtype=np.uint8)
    # The text is framed by separators, so the places where a word starts or ends alternate: the separator
    # before a word, then the word's last byte.
    is_word = joined != 0
    before = np.flatnonzero(is_word[1:] ^ is_word[:-1])[0::2]
    # sum(byte[j] * base**(j-start)) over a word = sum(byte[j] * base**-j) * base**start: one product per byte,
    # summed from each word's start to the next word's (separators add zero), gives every word's hash at once.
    with np.errstate(over="ignore"):
        scaled = np.multiply(joined, _powers(_inverse(_BYTE_BASE), len(joined)), dtype=np.uint64)
        words = np.add.reduceat(scaled, before + 1)
        words *= _powers(_BYTE_BASE, len(joined) + 1)[1:][before]
    bounds = np.cumsum([len(text) + 1 for text in encoded])
    return words, np.diff(np.searchsorted(before, bounds), prepend=0)


def _batch_hashvalues(texts: list[str], settings: DedupSettings) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash of each text's word shingles: (signatures, number of shingles per text)."""
    width, bins = settings.shingle_words, settings.num_perm
    words, words_per_text = _token_hashes(texts)
    count = max(len(words) - width + 1, 0)
    shingles_per_text = np.maximum(words_per_text - width + 1, 0)
    shingles_per_text[shingles_per_text < settings.min_words - width + 1] = 0
    # The shingle starting at each word: kept when all its words lie in one text, long enough to hash.
    text_of_word = np.repeat(np.arange(len(texts)), words_per_text)
    text_of_shingle = text_of_word[:count]
    kept = (text_of_shingle == text_of_word[width - 1:]) & (shingles_per_text > 0)[text_of_shingle]
    with np.errstate(over="ignore"):
        # The first word's factor is base**0 = 1.
        shingles = words[:count].copy()
        for offset, factor in enumerate(_powers(_WORD_BASE, width)[1:], start=1):
            shingles += words[offset:offset + count] * factor
        hashed = _mix(shingles[kept])
    slots = text_of_shingle[kept] * bins + _bin_of(hashed >> np.uint64(32), bins)
    signature = np.full(len(texts) * bins, _EMPTY, dtype=np.uint64)
    np.minimum.at(signature, slots, hashed & _MASK32)
    values = signature.reshape(len(texts), bins)
    # Most texts fill every bin; only those with an empty one need densifying.
    sparse = np.flatnonzero((values == _EMPTY).any(axis=1))
    values[sparse] = _densify(values[sparse])
    values[shingles_per_text == 0] = 0
    return values.astype(np.uint32), shingles_per_text


def _bin_of(values: np.ndarray, bins: int) -> np.ndarray:
    """``values % bins``; a mask when ``bins`` is a power of two, as it usually is, since division costs more."""
    if bins & (bins - 1) == 0:
        return (values & np.uint64(bins - 1)).astype(np.int64)
    return (values % np.uint64(bins)).astype(np.int64)


def band_keys(hashvalues: Sequence[np.ndarray], settings: DedupSettings) -> np.ndarray:
    """One 64-bit key per LSH band of each signature (rows: signatures, columns: bands); two signatures share
    a key where every row of that band agrees. The band's number is part of its key, so equal rows in two
    different bands do not make a candidate."""
    return _band_keys(np.stack(hashvalues), settings)


def _band_keys(values: np.ndarray, settings: DedupSettings) -> np.ndarray:
    bands, rows = settings.lsh_bands, settings.lsh_rows
    banded = values[:, : bands * rows].astype(np.uint64).reshape(len(values), bands, rows)
    with np.errstate(over="ignore"):
        keys = np.zeros((len(values), bands), dtype=np.uint64)
        for row, factor in enumerate(_powers(_WORD_BASE, rows)):
            keys += banded[:, :, row] * factor
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
