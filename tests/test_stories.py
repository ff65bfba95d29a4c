"""Stories through the pipeline and CLI: copies are one voice and named, several stories are listed, the
largest is briefed, and a stored story is briefed by id."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from corroborate import pipeline
from corroborate.errors import UnknownStoryError
from corroborate.store import Store


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example story, a re-headlined and trimmed copy of one of its articles, and another event."""
    corpus = shared_path("corpora", "budapest-2025")
    other = shared_path("data", "newswcl50-dev", "event-3.jsonl")
    folder = tmp_path_factory.mktemp("copies")
    original = sorted(corpus.glob("001_*.txt"))[0].read_text(encoding="utf-8")
    paragraphs = original.strip().split("\n")
    copy = "Washington calls off summit with Moscow\n\n" + "\n".join(paragraphs[:-1]) + "\n"
    (folder / "syndicated-copy.txt").write_text(copy, encoding="utf-8")
    return [corpus, folder / "syndicated-copy.txt", other]


@pytest.fixture(scope="module")
def mixed_store(mixed_inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store(db) as store:
        report = pipeline.ingest(mixed_inputs, store)
        return db, report


def test_the_inputs_hold_two_stories(mixed_store: tuple[Path, Any]) -> None:
    db, _ = mixed_store
    with Store(db) as store:
        stories = pipeline.list_stories(store)
    sizes = sorted((len(story.article_ids) for story in stories), reverse=True)
    assert len(stories) == 2, [story.title for story in stories]
    assert sizes == [6, 5]


def test_the_largest_story_is_briefed_and_the_copy_is_one_voice(mixed_store: tuple[Path, Any]) -> None:
    db, report = mixed_store
    with Store(db) as store:
        result = pipeline.brief_inputs(store, report).to_json()
    assert result["story"]["other_stories"] == 1
    assert len(result["articles"]) == 6
    assert len(result["duplicates"]) == 1
    copy_origin = {a["id"]: a["origin"] for a in result["articles"]}[result["duplicates"][0]["copies"][0]]
    assert copy_origin.endswith("syndicated-copy.txt")
    copied = [c for c in result["claims"] if {e["source"] for e in c["evidence"]} >= {"syndicated-copy"}]
    for claim in copied:
        assert claim["independent_origins"] < len(claim["outlets"]) or len(claim["outlets"]) == 1


def test_a_stored_story_is_briefed_by_id(mixed_store: tuple[Path, Any]) -> None:
    db, _ = mixed_store
    with Store(db) as store:
        smaller = min(pipeline.list_stories(store), key=lambda story: len(story.article_ids))
        result = pipeline.story_brief(store, smaller.id)
        assert result.story.id == smaller.id
        assert {a.id for a in result.articles} == set(smaller.article_ids)
        with pytest.raises(UnknownStoryError):
            pipeline.story_brief(store, "story-that-does-not-exist")


def test_cli_lists_stories_as_json(mixed_store: tuple[Path, Any]) -> None:
    db, _ = mixed_store
    done = subprocess.run([sys.executable, "-m", "corroborate", "stories", "--db", str(db), "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    assert len(listing) == 2
    for story in listing:
        assert set(story) == {"id", "title", "articles"}
        assert all(set(article) == {"id", "origin"} for article in story["articles"])


def test_reingest_keeps_the_stories(mixed_inputs: list[Path], mixed_store: tuple[Path, Any]) -> None:
    db, _ = mixed_store
    with Store(db) as store:
        before = {story.id: story.article_ids for story in pipeline.list_stories(store)}
        pipeline.ingest(mixed_inputs, store)
        after = {story.id: story.article_ids for story in pipeline.list_stories(store)}
    assert before == after
