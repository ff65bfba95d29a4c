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
from corroborate.cluster import ArticleFeatures, copy_of_row, load_story_index, save_story_index
from corroborate.dedup import load_duplicate_index, save_signatures
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


# A round-up printing the ferry and the orchard reports one after the other copies both: it links their two
# groups of copies into one, though the two texts tell two events. A later copy of the orchard report alone.
ROUNDUP = document("roundup", "Around the region this week", FERRY + ORCHARD, "2024-04-12", "regiondigest.example")
ORCHARD_COPY = document("orchard-copy", "Growers fear smallest harvest in decades", ORCHARD[:3], "2024-04-13",
                        "agriwire.example")
LINKED = [FERRY_FIRST, FERRY_COPY, ORCHARD_FIRST, ORCHARD_EXACT, ROUNDUP, ORCHARD_COPY]


def test_a_copy_linking_two_groups_moves_neither_and_later_copies_follow_the_text_they_copy(
        db_path: Path, featurised: list[str]) -> None:
    with Store(db_path) as store:
        ingest(store, LINKED)
        stories = story_by_origin(store)
        duplicates = pipeline.duplicates_of(store)
    # Dedup: one group, one voice.
    assert len(duplicates) == len(LINKED) - 1
    # Stories: the orchard report copied nothing when it came, so it is clustered on its own and keeps its story.
    assert sorted(featurised) == ["ferry-first.txt", "orchard-first.txt"]
    assert stories["orchard-first.txt"] != stories["ferry-first.txt"]
    # The round-up joins the first report it copies; the later orchard copy the orchard report's story.
    assert stories["roundup.txt"] == stories["ferry-copy.txt"] == stories["ferry-first.txt"]
    assert stories["orchard-copy.txt"] == stories["orchard-exact.txt"] == stories["orchard-first.txt"]


@pytest.mark.parametrize("cut", [1, 2, 3, 4, 5])
def test_linked_groups_give_the_stories_of_one_run_from_any_cut(db_path: Path, tmp_path: Path, cut: int) -> None:
    with Store(tmp_path / "once.db") as store:
        ingest(store, LINKED)
        once = pipeline.list_stories(store)
        rows_once = {row.article_id: (row.story_id, row.embedding == b"") for row in store.story_members()}
    with Store(db_path) as store:
        ingest(store, LINKED[:cut])
        ingest(store, LINKED[cut:])
        twice = pipeline.list_stories(store)
        rows_twice = {row.article_id: (row.story_id, row.embedding == b"") for row in store.story_members()}
    assert twice == once
    assert rows_twice == rows_once
    assert len(rows_once) == len(LINKED)


def test_an_ingest_stopped_after_dedup_is_placed_as_one_run(db_path: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "once.db") as store:
        ingest(store, LINKED)
        once = pipeline.list_stories(store)
    with Store(db_path) as store:
        articles = [pipeline.build_article(doc) for doc in LINKED]
        store.add_articles(articles)
        # Signatures and groups kept, then stopped before any story was saved: the next run finds the copies again.
        pipeline.find_copies(store, articles)
        assert pipeline.organise(store) == len(LINKED)
        assert pipeline.list_stories(store) == once


def test_a_brief_names_the_copies_it_holds_as_one_voice(db_path: Path) -> None:
    with Store(db_path) as store:
        ingest(store, LINKED)
        ids = {article.origin: article.id for article in store.iter_articles()}
        [orchard] = [story for story in pipeline.list_stories(store) if ids["orchard-first.txt"] in story.article_ids]
        result = pipeline.story_brief(store, orchard.id)
    # The group's canonical article (the ferry report, dated first) is in another story: this brief's copies are
    # named after the earliest of its own articles.
    assert [(group.canonical, sorted(group.copies)) for group in result.duplicates] == [
        (ids["orchard-first.txt"], sorted([ids["orchard-exact.txt"], ids["orchard-copy.txt"]]))]
    assert {article.id for article in result.articles} == set(orchard.article_ids)
    # Three outlets carry one text: no statement is corroborated by copies alone.
    assert all(claim.status != "corroborated" for claim in result.claims)


def ingest_clustering_every_copy(store: Store, documents: Iterable[RawDocument]) -> None:
    """An ingest as versions before copy rows made it: every article clustered on its own features, copies too,
    and kept as a clustered member, embedding and all."""
    articles = [pipeline.build_article(doc) for doc in documents]
    store.add_articles(articles)
    copies = load_duplicate_index(store)
    copies.add(articles)
    save_signatures(copies, store)
    stories = load_story_index(store)
    stories.assign(articles)
    save_story_index(stories, store)


def test_a_store_whose_copies_were_clustered_keeps_its_stories_and_takes_new_copies_as_copies(
        db_path: Path, featurised: list[str], watch_clustering: Callable[[], list[ArticleFeatures]]) -> None:
    with Store(db_path) as store:
        ingest_clustering_every_copy(store, CRAWL[:5])
        written = pipeline.list_stories(store)
        old_rows = store.story_members()
    assert not any(map(copy_of_row, old_rows))
    featurised.clear()
    clustered = watch_clustering()
    # Opened for writing, twice: nothing migrated, the same stories, no pair compared.
    for _ in range(2):
        with Store(db_path) as store:
            assert pipeline.organise(store) == 0
            assert pipeline.list_stories(store) == written
            assert store.story_members() == old_rows
    # New copies of its texts: each joins the story of the text it copies, as a copy row, with no model time.
    again = document("orchard-again", "Tillbrook blossom lost to frost", ORCHARD, "2024-04-13", "agrinews.example")
    with Store(db_path) as store:
        ingest(store, [FERRY_COPY_OF_COPY, again])
        rows = store.story_members()
        stories = story_by_origin(store)
        assert len(pipeline.list_stories(store)) == len(written)
    assert featurised == [] and clustered == []
    # Every row written before is kept as it was, features and all.
    assert rows[:len(old_rows)] == old_rows
    assert [copy.article_id for copy in map(copy_of_row, rows[len(old_rows):]) if copy] == [
        row.article_id for row in rows[len(old_rows):]]
    assert stories["ferry-copy-of-copy.txt"] == stories["ferry-first.txt"]
    assert stories["orchard-again.txt"] == stories["orchard-exact.txt"] == stories["orchard-first.txt"]
