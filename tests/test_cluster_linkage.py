"""Story clustering's average linkage against a brute-force rescan of the whole matrix at every merge."""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.cluster import _average_linkage
from corroborate.settings import ClusterSettings

SETTINGS = ClusterSettings()


def rescanning_average_linkage(scores: np.ndarray, linked: np.ndarray, days: np.ndarray,
                               settings: ClusterSettings) -> list[list[int]]:
    """The definition: at each step the first best pair in row-major order of the whole masked mean matrix."""
    count = len(scores)
    linked = linked.copy()
    sums = scores.astype(np.float64)
    sizes = np.ones(count)
    first, last = days.astype(np.float64), days.astype(np.float64)
    active = np.ones(count, dtype=bool)
    members = [[position] for position in range(count)]
    while True:
        mean = np.where(linked, sums / np.outer(sizes, sizes), -np.inf)
        np.fill_diagonal(mean, -np.inf)
        mean[~active] = -np.inf
        mean[:, ~active] = -np.inf
        mean[(first[None, :] - last[:, None]) > settings.max_gap_days] = -np.inf
        mean[(first[:, None] - last[None, :]) > settings.max_gap_days] = -np.inf
        a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if not mean[a, b] >= settings.join_similarity:
            return [group for group, kept in zip(members, active, strict=True) if kept]
        sums[a] += sums[b]
        sums[:, a] += sums[:, b]
        linked[a] |= linked[b]
        linked[:, a] |= linked[:, b]
        sizes[a] += sizes[b]
        first[a], last[a] = np.fmin(first[a], first[b]), np.fmax(last[a], last[b])
        members[a].extend(members[b])
        active[b] = False


def random_component(seed: int, count: int, levels: int | None, symmetric: bool) -> tuple[np.ndarray, ...]:
    """Pair scores around the join threshold; ``levels`` rounds them so that ties are common; days spread over
    three times ``max_gap_days`` with some articles undated."""
    generator = np.random.default_rng(seed)
    scores = generator.uniform(0.1, 0.9, size=(count, count))
    if symmetric:
        scores = (scores + scores.T) / 2
    if levels:
        scores = np.round(scores * levels) / levels
    linked = (scores >= SETTINGS.join_similarity) | (generator.uniform(size=(count, count)) < 0.1)
    if symmetric:
        linked |= linked.T
    days = generator.integers(0, int(3 * SETTINGS.max_gap_days), size=count).astype(np.float64)
    days[generator.uniform(size=count) < 0.2] = np.nan
    return scores, linked, days


@pytest.mark.parametrize("seed", range(40))
def test_average_linkage_equals_rescanning_the_whole_matrix(seed: int) -> None:
    count = 5 + seed * 3
    levels = (None, 4, 10, 50)[seed % 4]
    scores, linked, days = random_component(seed, count, levels, symmetric=seed % 3 != 0)
    assert _average_linkage(scores, linked, days, SETTINGS) == rescanning_average_linkage(
        scores, linked, days, SETTINGS)


def test_one_merge_chain_of_near_identical_articles() -> None:
    scores = np.full((30, 30), 0.95)
    linked = np.ones((30, 30), dtype=bool)
    days = np.zeros(30)
    days[15:] = SETTINGS.max_gap_days + 1
    groups = _average_linkage(scores, linked, days, SETTINGS)
    assert sorted(map(sorted, groups)) == [list(range(15)), list(range(15, 30))]
