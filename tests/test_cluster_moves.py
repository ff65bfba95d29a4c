"""Story clustering's last pass: an article average linkage left in one story moves to another story of its
component only when its mean pair similarity and its most similar article both put it there."""

from __future__ import annotations

import dataclasses

import numpy as np

from corroborate.cluster import _move_misplaced
from corroborate.settings import ClusterSettings

SETTINGS = ClusterSettings()
# Two stories of three reports each, and a seventh report that average linkage left in the first.
FIRST, SECOND, LATE = [0, 1, 2], [3, 4, 5], 6
WITHIN = 0.7
ACROSS = 0.2


def component(with_first: tuple[float, ...], with_second: tuple[float, ...]) -> np.ndarray:
    """Pair scores of the seven reports: each story tight, the two apart, the late report's as given."""
    scores = np.full((7, 7), ACROSS)
    for story in (FIRST, SECOND):
        scores[np.ix_(story, story)] = WITHIN
    scores[LATE, FIRST] = scores[FIRST, LATE] = with_first
    scores[LATE, SECOND] = scores[SECOND, LATE] = with_second
    np.fill_diagonal(scores, 1.0)
    return scores


def stories(scores: np.ndarray, days: np.ndarray | None = None,
            settings: ClusterSettings = SETTINGS) -> set[frozenset[int]]:
    days = np.full(len(scores), np.nan) if days is None else days
    return {frozenset(group) for group in _move_misplaced(scores, days, [FIRST + [LATE], SECOND], settings)}


def test_a_report_closer_to_another_story_by_its_mean_and_its_nearest_report_moves_there() -> None:
    assert stories(component((0.42, 0.40, 0.40), (0.45, 0.50, 0.48))) == {frozenset(FIRST),
                                                                        frozenset(SECOND + [LATE])}


def test_a_report_whose_nearest_report_is_in_its_own_story_stays_however_the_means_compare() -> None:
    # Its mean with the second story (0.477) is still higher than with its own (0.467).
    scores = component((0.60, 0.40, 0.40), (0.45, 0.50, 0.48))
    assert stories(scores) == {frozenset(FIRST + [LATE]), frozenset(SECOND)}


def test_a_report_whose_mean_with_the_other_story_stays_under_the_join_threshold_stays() -> None:
    scores = component((0.40, 0.40, 0.39), (0.38, 0.45, 0.38))
    assert np.mean([0.38, 0.45, 0.38]) < SETTINGS.join_similarity
    assert stories(scores) == {frozenset(FIRST + [LATE]), frozenset(SECOND)}


def test_a_report_dated_too_far_from_the_other_story_stays() -> None:
    scores = component((0.42, 0.40, 0.40), (0.45, 0.50, 0.48))
    days = np.array([0.0, 1.0, 2.0, 100.0, 101.0, 102.0, 2.0 - SETTINGS.max_gap_days])
    assert 100.0 - days[LATE] > SETTINGS.max_gap_days
    assert stories(scores, days) == {frozenset(FIRST + [LATE]), frozenset(SECOND)}


def test_no_report_moves_when_the_pass_is_off() -> None:
    scores = component((0.42, 0.40, 0.40), (0.45, 0.50, 0.48))
    off = dataclasses.replace(SETTINGS, move_to_nearest_story=False)
    assert stories(scores, settings=off) == {frozenset(FIRST + [LATE]), frozenset(SECOND)}
