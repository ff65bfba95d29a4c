"""Story clustering's story-level name conflict: two stories of one kind whose coverage each agrees on names the
other never mentions stay two stories, where their mean pair similarity alone would merge them; two halves of one
event, or stories too small to agree on anything, still merge."""

from __future__ import annotations

import dataclasses

import numpy as np

from corroborate.cluster import ArticleFeatures, StoryIndex, feature_rules
from corroborate.settings import DEFAULT_SETTINGS, ClusterSettings

SETTINGS = DEFAULT_SETTINGS.cluster
# Every article of both stories names the harbour; each story's articles name their own two people and places.
SHARED = "north harbour"
FIRST_NAMES = ("ann osei", "port ellery")
SECOND_NAMES = ("tomas brandt", "kestrel bay")
# The cosine of the two stories' leads: with one of three entity keys shared, the stories' pairs score just over
# join_similarity, and under it once story_conflict_penalty is taken off.
LEAD_COSINE = 0.64


def article(article_id: str, lead_angle: float, names: tuple[str, ...]) -> ArticleFeatures:
    lead = np.zeros(8, dtype=np.float32)
    lead[0], lead[1] = np.cos(lead_angle), np.sin(lead_angle)
    weight = 1.0 / np.sqrt(len(names))
    return ArticleFeatures(article_id, "example.com", article_id, None, None, lead, dict.fromkeys(names, weight),
                           {}, feature_rules(SETTINGS))


def two_events(size: int, second_extra: tuple[str, ...] = ()) -> list[ArticleFeatures]:
    """``size`` reports of each of two events; the first report of the second event also gives ``second_extra``."""
    angle = float(np.arccos(LEAD_COSINE))
    first = [article(f"first-{n}", 0.0, (SHARED, *FIRST_NAMES)) for n in range(size)]
    second = [article(f"second-{n}", angle, (SHARED, *SECOND_NAMES, *(second_extra if n == 0 else ())))
              for n in range(size)]
    return first + second


def story_count(features: list[ArticleFeatures], settings: ClusterSettings) -> int:
    index = StoryIndex(settings)
    index.add_features(features)
    return len(index.stories())


def test_the_case_is_a_merge_without_the_conflict_and_a_split_only_by_it() -> None:
    cross = SETTINGS.embedding_weight * LEAD_COSINE + SETTINGS.entity_weight / 3
    assert SETTINGS.join_similarity <= cross < SETTINGS.join_similarity + SETTINGS.story_conflict_penalty


def test_two_stories_each_agreeing_on_names_the_other_never_mentions_stay_apart() -> None:
    features = two_events(SETTINGS.story_conflict_min_articles)
    assert story_count(features, dataclasses.replace(SETTINGS, story_conflict_penalty=0.0)) == 1
    assert story_count(features, SETTINGS) == 2


def test_stories_too_small_to_agree_on_names_merge() -> None:
    features = two_events(SETTINGS.story_conflict_min_articles - 1)
    assert story_count(features, SETTINGS) == 1


def test_a_story_mentioning_the_others_names_merges_with_it_and_a_shorter_name_is_a_mention() -> None:
    # One report of the second event names the first event's person by surname and its place in full: the first
    # story's typical names are all mentioned, so only one side conflicts, which is no conflict.
    assert story_count(two_events(SETTINGS.story_conflict_min_articles, ("osei", "port ellery")), SETTINGS) == 1
    # Naming only one of them leaves the first story one typical name unmentioned, under story_conflict_min_names.
    assert SETTINGS.story_conflict_min_names == 2
    assert story_count(two_events(SETTINGS.story_conflict_min_articles, ("osei",)), SETTINGS) == 1


def test_stories_do_not_depend_on_the_order_or_batches_articles_come_in_with_the_conflict() -> None:
    features = two_events(SETTINGS.story_conflict_min_articles + 1)
    whole = StoryIndex(SETTINGS)
    whole.add_features(features)
    expected = {frozenset(story.article_ids) for story in whole.stories()}
    assert len(expected) == 2
    for order in (features[::-1], features[1::2] + features[::2]):
        index = StoryIndex(SETTINGS)
        for start in range(0, len(order), 3):
            index.add_features(order[start:start + 3])
        assert {frozenset(story.article_ids) for story in index.stories()} == expected
