"""Copies in stories: a copy, exact or near, joins the story of its group's first stored article and costs no
model time; only originals are clustered. It does so whether its original came in the same ingest or an earlier
one, whether the copy is dated earlier (its group's canonical article changes, its story does not), and a copy
of a copy follows the same original; ingesting in two runs gives the stories of one run; copies are kept as
story members, read back without clustering, and listed by `corroborate stories`."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from corroborate import cli, cluster, pipeline
from corroborate.cluster import ArticleFeatures, load_story_index
from corroborate.records import Article, RawDocument
from corroborate.settings import ClusterSettings
from corroborate.store import Store

pytestmark = pytest.mark.slow

FERRY = [
    "Harbour officials in Port Aldwin suspended the evening ferry service to Kestrel Island on Monday after a "
    "crack was found in the hull of the ferry Margarethe during a routine inspection.",
    "The operator, Aldwin Sound Lines, said the vessel would stay in dry dock for at least two weeks while "
    "engineers assess the damage, and that morning crossings would run on a smaller boat.",
    "Islanders who commute to the mainland for work said the cut left them with one crossing a day, and the "
    "island's school asked parents to expect late arrivals for the rest of the month.",
    "Harbour master Ines Drummond said no passengers had been at risk, because the crack lay above the waterline "
    "and the ship had been taken out of service as soon as inspectors reported it.",
]
FERRY_OTHER = [
    "Ferry passengers bound for Kestrel Island faced long queues in Port Aldwin on Tuesday, a day after the "
    "Margarethe was withdrawn from service with a cracked hull.",
    "Aldwin Sound Lines chartered a smaller boat that carries sixty people, a third of the Margarethe's load, "
    "and said it hoped to hire a second vessel before the weekend.",
    "Harbour master Ines Drummond repeated that the fault was found in good time, and said inspectors would check "
    "the operator's two other ships as a precaution before the summer timetable starts.",
]
ORCHARD = [
    "A late frost destroyed most of the apple blossom in the Tillbrook valley overnight on Thursday, growers said, "
    "warning that this year's harvest could be the smallest in two decades.",
    "Temperatures fell to four degrees below freezing in the lower orchards, where smudge pots and wind machines "
    "could not keep the cold air from settling among the trees.",
    "The Tillbrook Growers Cooperative said it would ask the regional government for emergency support, and that "
    "seasonal pickers hired for the autumn might have to be turned away.",
    "Older growers compared the damage with the frost of a generation ago, when many small family orchards in the "
    "valley were sold or turned over to grazing.",
]


def document(name: str, title: str, paragraphs: Sequence[str], published: str, source: str) -> RawDocument:
    body = "\n\n".join(paragraphs)
    return RawDocument(origin=f"{name}.txt", kind="text", content=f"{title}\n\n{body}\n", title=title,
                       published=published, source=source)


# Originals of two events, near copies (new headline, ending trimmed), an exact copy, and a copy of a copy, in
# the order a crawl meets them.
FERRY_FIRST = document("ferry-first", "Ferry to Kestrel Island suspended after hull crack", FERRY,
                       "2024-04-08", "harbourwatch.example")
FERRY_LATER = document("ferry-later", "Queues at Port Aldwin as stand-in ferry runs", FERRY_OTHER,
                       "2024-04-09", "islandpost.example")
ORCHARD_FIRST = document("orchard-first", "Late frost wipes out Tillbrook apple blossom", ORCHARD,
                         "2024-04-12", "valleytimes.example")
FERRY_COPY = document("ferry-copy", "Cracked hull halts Kestrel ferry", FERRY[:3], "2024-04-08",
                      "wiredesk.example")
ORCHARD_EXACT = document("orchard-exact", "Frost ruins Tillbrook blossom", ORCHARD, "2024-04-12",
                         "farmnews.example")
FERRY_COPY_OF_COPY = document("ferry-copy-of-copy", "Kestrel Island ferry halted", FERRY[:3], "2024-04-09",
                              "coastradio.example")
CRAWL = [FERRY_FIRST, ORCHARD_FIRST, FERRY_COPY, FERRY_LATER, ORCHARD_EXACT, FERRY_COPY_OF_COPY]
ORIGINALS = [FERRY_FIRST, ORCHARD_FIRST, FERRY_LATER]


@pytest.fixture
def featurised(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The origins of the articles clustering derives features of: the real function, watched."""
    seen: list[str] = []
    derive = cluster.article_features

    def watched(articles: Sequence[Article], settings: ClusterSettings) -> list[ArticleFeatures]:
        seen.extend(article.origin for article in articles)
        return derive(articles, settings)

    monkeypatch.setattr(cluster, "article_features", watched)
    return seen


def ingest(store: Store, documents: Iterable[RawDocument]) -> None:
    pipeline.ingest_documents(list(documents), store)


def story_by_origin(store: Store) -> dict[str, str]:
    """Each stored article's story, by the origin it was ingested from."""
    story_of = {article_id: story.id for story in pipeline.list_stories(store) for article_id in story.article_ids}
    return {article.origin: story_of[article.id] for article in store.iter_articles()}


def test_copies_in_one_ingest_join_their_original_and_only_originals_get_features(
        db_path: Path, featurised: list[str]) -> None:
    with Store(db_path) as store:
        ingest(store, CRAWL)
        stories = story_by_origin(store)
        duplicates = pipeline.duplicates_of(store)
    assert sorted(featurised) == sorted(doc.origin for doc in ORIGINALS)
    # Near copy, exact copy, and a copy of a copy: all with the first article of their group.
    assert len(duplicates) == 3
    assert stories["ferry-copy.txt"] == stories["ferry-first.txt"]
    assert stories["ferry-copy-of-copy.txt"] == stories["ferry-first.txt"]
    assert stories["orchard-exact.txt"] == stories["orchard-first.txt"]
    # An article of the same event that copies nothing is clustered on its own features, and its story found.
    assert stories["ferry-later.txt"] == stories["ferry-first.txt"] != stories["orchard-first.txt"]


def test_a_story_lists_its_copies_outlets_and_dates(db_path: Path) -> None:
    with Store(db_path) as store:
        ingest(store, CRAWL)
        ids = {article.origin: article.id for article in store.iter_articles()}
        [ferry] = [story for story in pipeline.list_stories(store) if ids["ferry-first.txt"] in story.article_ids]
    # Clustered articles first (the founder leads), then each one's copies in the order they came.
    assert ferry.article_ids == [ids[name] for name in
                                 ("ferry-first.txt", "ferry-later.txt", "ferry-copy.txt", "ferry-copy-of-copy.txt")]
    assert set(ferry.sources) == {"harbourwatch.example", "islandpost.example", "wiredesk.example",
                                  "coastradio.example"}
    assert (ferry.first_published, ferry.last_published) == ("2024-04-08", "2024-04-09")


def test_a_copy_in_a_later_ingest_joins_the_stored_story_with_no_model_time(
        db_path: Path, featurised: list[str]) -> None:
    with Store(db_path) as store:
        ingest(store, ORIGINALS)
        before = story_by_origin(store)
        featurised.clear()
        ingest(store, [FERRY_COPY, ORCHARD_EXACT])
        after = story_by_origin(store)
    assert featurised == []
    assert after == {**before, "ferry-copy.txt": before["ferry-first.txt"],
                     "orchard-exact.txt": before["orchard-first.txt"]}


def test_an_earlier_dated_copy_arriving_later_becomes_canonical_but_moves_no_story(db_path: Path) -> None:
    earlier = document("ferry-earlier", "Kestrel ferry withdrawn", FERRY[:3], "2024-04-07", "earlybird.example")
    with Store(db_path) as store:
        ingest(store, ORIGINALS)
        before = story_by_origin(store)
        ids_before = {story.id for story in pipeline.list_stories(store)}
        ingest(store, [earlier])
        after = story_by_origin(store)
        ids = {article.origin: article.id for article in store.iter_articles()}
        duplicates = pipeline.duplicates_of(store)
        ids_after = {story.id for story in pipeline.list_stories(store)}
        ferry = next(story for story in pipeline.list_stories(store) if ids["ferry-first.txt"] in story.article_ids)
    # The dedup group's canonical article is now the earlier dated copy: one voice, named by its first report.
    assert duplicates == {ids["ferry-first.txt"]: ids["ferry-earlier.txt"]}
    # Its story is the original's, under the same id, and no other article moved.
    assert after == {**before, "ferry-earlier.txt": before["ferry-first.txt"]}
    assert ids_after == ids_before
    assert ferry.first_published == "2024-04-07"


@pytest.mark.parametrize("cut", [2, 3, 5])
def test_ingesting_in_two_runs_gives_the_stories_of_one(db_path: Path, tmp_path: Path, cut: int) -> None:
    # Cut 2: copies and their originals apart; 3: a copy with its original, another copy after; 5: the copy of
    # a copy alone in the second run.
    with Store(tmp_path / "once.db") as store:
        ingest(store, CRAWL)
        once = pipeline.list_stories(store)
        rows_once = {row.article_id: row.story_id for row in store.story_members()}
    with Store(db_path) as store:
        ingest(store, CRAWL[:cut])
        ingest(store, CRAWL[cut:])
        twice = pipeline.list_stories(store)
        rows_twice = {row.article_id: row.story_id for row in store.story_members()}
    assert twice == once
    assert rows_twice == rows_once
    assert len(rows_once) == len(CRAWL)


def test_stored_copies_are_read_back_without_clustering(
        db_path: Path, watch_clustering: Callable[[], list[ArticleFeatures]]) -> None:
    with Store(db_path) as store:
        ingest(store, CRAWL)
        written = pipeline.list_stories(store)
    clustered = watch_clustering()
    with Store(db_path, readonly=True) as store:
        read = load_story_index(store)
        assert pipeline.list_stories(store) == written
    assert clustered == []
    assert sum(len(story.article_ids) for story in read.stories()) == len(CRAWL)


def test_the_cli_lists_copies_with_their_story(db_path: Path) -> None:
    with Store(db_path) as store:
        ingest(store, CRAWL)
    printed = io.StringIO()
    with redirect_stdout(printed):
        assert cli.main(["stories", "--db", str(db_path), "--format", "json"]) == 0
    listed = {article["origin"]: story["id"] for story in json.loads(printed.getvalue())
              for article in story["articles"]}
    assert set(listed) == {doc.origin for doc in CRAWL}
    assert listed["ferry-copy-of-copy.txt"] == listed["ferry-first.txt"]
    assert listed["orchard-exact.txt"] == listed["orchard-first.txt"]
