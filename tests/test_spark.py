"""The Spark job: on a small crawl of WARC files, `corroborate spark` in local[2] mode finds the same articles,
skipped records, duplicate groups and stories as the single-machine ingest, dedup and clustering, into a new
store or one an earlier ingest filled; it reads file:// URIs through Spark's own reader; it writes Parquet tables
and a store that the rest of corroborate reads; and its window and component steps are exact.

One SparkSession serves the whole module: the CLI runs on it too, as it does on any active session."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate import cli, pipeline
from corroborate.cluster import ArticleFeatures, Story, clustering_rules, load_story_index
from corroborate.dedup import DuplicateGroup, load_duplicate_index
from corroborate.records import Article, Skipped
from corroborate.settings import DEFAULT_SETTINGS
from corroborate.spark import SparkReport, run_job, spark_session
from corroborate.spark.tasks import components, star_edges, time_windows
from corroborate.store import Store

# ---- the crawl ------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}T09:30:00Z">
<meta name="author" content="{author}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/weather">Weather</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">{aside}</a></li></ul></aside></main>
<footer><p>Sign up for our newsletter to get the day's headlines.</p>
<p>&copy; 2024 {outlet}. All rights reserved.</p></footer>
</body></html>"""

TRAM_VOTE = [
    "The Halden city council voted 31 to 12 on Monday night to approve a new light rail line linking the "
    "harbour district to the university campus, ending a decade of debate over the project.",
    "The 14-kilometre line will cost an estimated 2.3 billion crowns and is due to open in 2029, Mayor "
    "Ingrid Solberg told reporters after the vote.",
    "Opponents on the council argued that buses could serve the same route for a fraction of the price, and a "
    "local business group said it would consider a legal challenge against the decision.",
    "Construction is expected to begin next spring, starting with a depot near the old freight yard, and "
    "the city will publish a timetable for the roadworks in the autumn.",
]
TRAM_WIRE = [
    "Councillors in Halden have backed plans for a tram line between the harbour and the university after "
    "a late-night vote on Monday that split the governing coalition.",
    "Mayor Ingrid Solberg called the decision historic and said the first trams would run by 2029. The "
    "project is budgeted at 2.3 billion crowns, most of it from the national transport fund.",
    "Twelve councillors voted against the line, warning that its costs could rise as they did on similar "
    "projects in other cities, where budgets doubled during construction.",
    "The city will now seek bids from contractors, with work on a depot planned for next year and the "
    "first track to be laid along the harbour front.",
]
TRAM_REACTION = [
    "A day after Halden's council approved its first tram line, residents of the harbour district were "
    "divided over what the project would mean for their streets.",
    "Shop owners on Quay Street said they feared two years of roadworks would keep customers away, while "
    "students welcomed a faster link to the campus from the city centre.",
    "Mayor Ingrid Solberg said the 14-kilometre route would be built in stages to limit disruption, and "
    "that businesses along the route could apply for compensation.",
    "The council's vote, 31 to 12, followed a decade of studies and two earlier proposals that were "
    "rejected over their cost.",
]
FIRE = [
    "A wildfire that broke out on Thursday afternoon near Pine Valley had burned more than 4,000 hectares "
    "by Friday morning, forcing the evacuation of about 2,500 residents, fire officials said.",
    "Fire chief Marcus Ortega said strong winds and temperatures above 38 degrees had driven the flames "
    "toward the eastern edge of the town overnight.",
    "Two firefighters were treated for heat exhaustion. No homes had been destroyed, but power lines were "
    "cut to several farms north of the highway.",
    "An evacuation centre has opened at the Pine Valley high school gymnasium, where volunteers are "
    "handing out water, blankets and meals to families.",
]
FIRE_STATE = [
    "Around 2,500 people have been told to leave their homes in Pine Valley as a fast-moving wildfire spread "
    "across dry grassland and forest on Friday.",
    "Aircraft dropped water on the fire front through the morning, and crews from three neighbouring "
    "counties joined local firefighters, chief Marcus Ortega said.",
    "The fire service warned that the wind was expected to turn in the evening, which could push the "
    "flames back toward the valley's western farms.",
    "The highway between Pine Valley and the coast remains closed, and residents were asked not to return "
    "until officials give the all-clear.",
]

BRIDGE = [
    "The Kessel river bridge in Marrow Bay was closed to all traffic on Tuesday after engineers found cracks in "
    "two of its steel supports during a routine inspection, the regional roads authority said.",
    "About 18,000 vehicles cross the bridge each day. Drivers face a detour of up to 40 minutes through the "
    "inland towns while repairs are planned, and ferry services will run every half hour.",
    "The authority's chief engineer, Lena Varga, said the structure was not at risk of collapse but that "
    "closing it was the only safe choice until the supports had been reinforced.",
]
BRIDGE_WIRE = [
    "Engineers have shut the Kessel river bridge at Marrow Bay after discovering cracked steel supports, "
    "forcing thousands of commuters onto long detours from Tuesday.",
    "Chief engineer Lena Varga said repairs could take several weeks, and that extra ferries would carry "
    "foot passengers and cyclists across the river in the meantime.",
    "Local businesses on the southern bank warned that the closure could cut trade during the busiest "
    "shopping weeks of the year.",
]


@dataclass(frozen=True)
class Page:
    url: str
    outlet: str
    title: str
    published: str
    author: str
    paragraphs: list[str]
    aside: str = "Celebrity chef opens a new restaurant downtown"

    def html(self) -> bytes:
        paragraphs = "\n".join(f"<p>{text}</p>" for text in self.paragraphs)
        return PAGE.format(title=self.title, outlet=self.outlet, published=self.published, author=self.author,
                           paragraphs=paragraphs, aside=self.aside).encode()


TRAM_GAZETTE = Page("https://gazette.example/tram-vote", "Halden Gazette", "Council approves harbour tram line",
                    "2024-03-05", "Kari Lunde", TRAM_VOTE)
PAGES_ONE = [
    TRAM_GAZETTE,
    Page("https://wire.example/halden-tram", "Nordic Wire", "Halden backs tram plan after late vote",
         "2024-03-05", "Per Aas", TRAM_WIRE),
    Page("https://courier.example/fire", "Valley Courier", "Wildfire forces 2,500 from homes in Pine Valley",
         "2024-07-19", "Dana Reyes", FIRE),
]
PAGES_TWO = [
    Page("https://radio-east.example/tram-reaction", "Radio East", "Harbour residents split over tram line",
         "2024-03-06", "Ola Berg", TRAM_REACTION),
    # Wire copy re-published under a new headline, its last paragraph cut: a near duplicate.
    Page("https://coastal.example/tram", "Coastal Times", "Trams to run in Halden by 2029",
         "2024-03-05", "Per Aas", TRAM_WIRE[:3]),
    # The same article on a partner site, with other page furniture around it: an exact copy of the text.
    Page("https://partner.example/tram", "Partner News", TRAM_GAZETTE.title, "2024-03-05", "Kari Lunde",
         TRAM_VOTE, aside="Five walks to take this weekend"),
    Page("https://state-news.example/pine-valley", "State News Service", "Thousands flee Pine Valley wildfire",
         "2024-07-19", "Sam Ito", FIRE_STATE),
    Page("https://herald.example/fire", "Mountain Herald", "Pine Valley fire grows to 4,000 hectares",
         "2024-07-19", "Dana Reyes", FIRE[:3]),
]

# A later day's crawl: a new event, months after the others, that no stored story is near.
PAGES_LATER = [
    Page("https://bay-post.example/bridge", "Bay Post", "Kessel river bridge closed after cracks found",
         "2024-11-12", "Ana Moll", BRIDGE),
    Page("https://wire.example/kessel-bridge", "Nordic Wire", "Cracked supports shut Marrow Bay bridge",
         "2024-11-12", "Per Aas", BRIDGE_WIRE),
]


def response(page: Page) -> tuple[str, str, bytes, str]:
    return (page.url, "200 OK", page.html(), "text/html; charset=utf-8")


def warc_bytes(responses: list[tuple[str, str, bytes, str]], compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
    for url, status, payload, content_type in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


def write_crawl(folder: Path) -> list[Path]:
    """Three WARC files: two stories with copies, an image, a page met twice, and a file cut off mid-record."""
    folder.mkdir()
    logo = ("https://gazette.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    first = folder / "crawl-1.warc.gz"
    first.write_bytes(warc_bytes([*map(response, PAGES_ONE), logo], compress=True))
    again = (TRAM_GAZETTE.url + "?ref=rss", "200 OK", TRAM_GAZETTE.html(), "text/html; charset=utf-8")
    second = folder / "crawl-2.warc"
    second.write_bytes(warc_bytes([*map(response, PAGES_TWO), again], compress=False))
    cut = warc_bytes([response(PAGES_TWO[0]), response(PAGES_ONE[2])], compress=False)
    third = folder / "crawl-3.warc"
    third.write_bytes(cut[: len(cut) - 2000])
    return [first, second, third]


# ---- one single-machine run and one Spark run of the same crawl --------------------------------------------


@dataclass(frozen=True)
class Run:
    articles: list[Article]
    skipped: list[Skipped]
    groups: list[DuplicateGroup]
    stories: list[Story]
    #: Which article each WARC record's origin names, for every record of the crawl (a page met twice included).
    origins: dict[str, list[str]]


def stored_run(store: Store, crawl: list[Path]) -> Run:
    origins = [f"{path}#record-{number}" for path in crawl for number in range(8)]
    return Run(list(store.iter_articles(with_raw=True)), store.skipped(), load_duplicate_index(store).groups(),
               load_story_index(store).stories(),
               {origin: store.article_ids_for_origins([origin]) for origin in origins})


def read_back_as_kept(store: Store, watch_clustering: Callable[[], list[ArticleFeatures]]) -> list[Story]:
    """The stories the next reader of ``store`` loads, having checked that it compares no pairs: the rows are
    marked one whole clustering under the current rules, and loading them clusters none again."""
    assert store.story_members_whole(clustering_rules(DEFAULT_SETTINGS.cluster))
    clustered = watch_clustering()
    stories = load_story_index(store).stories()
    assert clustered == []
    return stories


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_crawl(tmp_path_factory.mktemp("spark") / "crawl")


@pytest.fixture(scope="module")
def single_machine(crawl: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Run:
    # `corroborate ingest`: extraction, then duplicates and stories kept in the store.
    with Store(tmp_path_factory.mktemp("single") / "single.db") as store:
        pipeline.ingest(crawl, store)
        return stored_run(store, crawl)


@pytest.fixture(scope="module")
def session() -> Iterator[SparkSession]:
    spark = spark_session("local[2]")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def spark_cli(session: SparkSession, crawl: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Where `corroborate spark` put its output, and what it printed."""
    out = tmp_path_factory.mktemp("spark-out")
    printed = io.StringIO()
    with redirect_stdout(printed):
        assert cli.main(["spark", *map(str, crawl), "--out", str(out), "--master", "local[2]"]) == 0
    return out, printed.getvalue()


@pytest.fixture(scope="module")
def spark_out(spark_cli: tuple[Path, str]) -> Path:
    return spark_cli[0]


@pytest.fixture(scope="module")
def spark_run(spark_out: Path, crawl: list[Path]) -> Run:
    with Store(spark_out / "corroborate.db", readonly=True) as store:
        return stored_run(store, crawl)


# ---- day by day: a store filled by `corroborate ingest`, then a later crawl added by Spark ------------------------


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("later") / "crawl-4.warc.gz"
    path.write_bytes(warc_bytes(list(map(response, PAGES_LATER)), compress=True))
    return path


@pytest.fixture(scope="module")
def days(crawl: list[Path], later: Path) -> tuple[list[Path], list[Path]]:
    """Day one: the tram vote, its wire story and the fire. Day two: copies of all three (one exact, two near, one
    the very page again), more articles on both events, a page met twice that day (once in the cut file, which
    Spark reads by URI), and a new event."""
    return crawl[:1], [*crawl[1:], later]


@pytest.fixture(scope="module")
def single_machine_days(days: tuple[list[Path], list[Path]], tmp_path_factory: pytest.TempPathFactory) -> Run:
    with Store(tmp_path_factory.mktemp("single-days") / "single.db") as store:
        for crawl in days:
            pipeline.ingest(crawl, store)
        return stored_run(store, [*days[0], *days[1]])


@pytest.fixture(scope="module")
def spark_days(session: SparkSession, days: tuple[list[Path], list[Path]],
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SparkReport]:
    """Day one through `corroborate ingest`, day two through Spark into the same store: its output folder and
    report."""
    out = tmp_path_factory.mktemp("spark-days")
    with redirect_stdout(io.StringIO()):
        assert cli.main(["ingest", *map(str, days[0]), "--db", str(out / "corroborate.db")]) == 0
    # The cut file through Spark's own file systems (a file:// URI), and a URI to nothing; the Parquet tables too.
    cut, later = days[1][1:]
    inputs = [str(days[1][0]), cut.as_uri(), str(later), (out / "missing.warc").as_uri()]
    return out, run_job(session, inputs, out.as_uri(), db=out / "corroborate.db")


@pytest.fixture(scope="module")
def spark_days_run(spark_days: tuple[Path, SparkReport], days: tuple[list[Path], list[Path]]) -> Run:
    """The store after day two, origins of the file read by URI named as the single machine names them."""
    cut = str(days[1][1])
    with Store(spark_days[0] / "corroborate.db", readonly=True) as store:
        run = stored_run(store, [*days[0], *days[1]])
        origins = {origin: store.article_ids_for_origins([f"file:{origin}" if origin.startswith(cut) else origin])
                   for origin in run.origins}
    skipped = [Skipped(item.origin.removeprefix("file:"), item.reason) for item in run.skipped
               if not item.origin.endswith("missing.warc")]
    return Run(run.articles, skipped, run.groups, run.stories, origins)


# ---- the crawl is what the test says it is ---------------------------------------------------------------------


@pytest.mark.slow
def test_the_single_machine_run_finds_two_stories_copies_and_skips(single_machine: Run) -> None:
    # Otherwise the equality below would prove little: a crawl with nothing to group groups the same anywhere.
    assert len(single_machine.articles) == 8
    assert sorted(len(story.article_ids) for story in single_machine.stories) == [3, 5]
    assert {group.kind for group in single_machine.groups} == {"exact", "near"}
    reasons = " ".join(item.reason for item in single_machine.skipped)
    assert "image/png" in reasons and "damaged" in reasons


# ---- Spark equals the single machine ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.spark
def test_spark_finds_the_same_articles_in_the_same_order(single_machine: Run, spark_run: Run) -> None:
    assert spark_run.articles == single_machine.articles


@pytest.mark.slow
@pytest.mark.spark
def test_spark_keeps_every_place_an_article_was_found(single_machine: Run, spark_run: Run) -> None:
    # The gazette's page is in the crawl twice and the radio's once more in the cut file: both later origins kept.
    assert sum(len(ids) for ids in single_machine.origins.values()) == len(single_machine.articles) + 2
    assert spark_run.origins == single_machine.origins


@pytest.mark.slow
@pytest.mark.spark
def test_spark_skips_the_same_records_for_the_same_reasons(single_machine: Run, spark_run: Run) -> None:
    assert sorted(spark_run.skipped, key=repr) == sorted(single_machine.skipped, key=repr)


@pytest.mark.slow
@pytest.mark.spark
def test_spark_finds_the_same_duplicate_groups(single_machine: Run, spark_run: Run) -> None:
    assert spark_run.groups == single_machine.groups


@pytest.mark.slow
@pytest.mark.spark
def test_spark_finds_the_same_stories(single_machine: Run, spark_run: Run, spark_out: Path,
                                      watch_clustering: Callable[[], list[ArticleFeatures]]) -> None:
    assert spark_run.stories == single_machine.stories
    # The story each row names must be the windows' own result, and the rows one whole clustering, read back
    # as kept by the next reader, as a store `corroborate ingest` wrote is.
    with Store(spark_out / "corroborate.db", readonly=True) as store:
        kept = {row.article_id: row.story_id for row in store.story_members()}
        assert read_back_as_kept(store, watch_clustering) == single_machine.stories
    assert kept == {article_id: story.id for story in single_machine.stories for article_id in story.article_ids}


@pytest.mark.slow
@pytest.mark.spark
def test_spark_reports_what_it_found(single_machine: Run, spark_cli: tuple[Path, str]) -> None:
    copies = sum(len(group.copies) for group in single_machine.groups)
    # Two pages found again: the gazette's page met twice, and the radio's again in the cut file.
    assert (f"{len(single_machine.articles)} articles added, 2 already stored,"
            f" {len(single_machine.skipped)} inputs skipped; {len(single_machine.groups)} duplicate groups"
            f" ({copies} copies) and {len(single_machine.stories)} stories hold the new articles,"
            " in 2 time windows") in spark_cli[1]


# ---- Parquet -----------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.spark
def test_parquet_tables_hold_articles_copies_and_stories(single_machine: Run, spark_out: Path) -> None:
    articles = pq.read_table(spark_out / "articles.parquet").to_pylist()
    by_position = [row["id"] for row in sorted(articles, key=lambda row: row["position"])]
    assert by_position == [article.id for article in single_machine.articles]
    assert {row["id"]: row["text_hash"] for row in articles} == {
        article.id: article.text_hash for article in single_machine.articles}

    removed = pq.read_table(spark_out / "removed.parquet").to_pylist()
    assert len(removed) == sum(len(article.removed) for article in single_machine.articles)

    duplicates = pq.read_table(spark_out / "duplicates.parquet").to_pylist()
    assert {(row["group_id"], row["article_id"]) for row in duplicates} == {
        (group.canonical, member) for group in single_machine.groups for member in group.members}

    stories = pq.read_table(spark_out / "stories.parquet").to_pylist()
    partition = {frozenset(row["article_id"] for row in stories if row["story_id"] == story_id)
                 for story_id in {row["story_id"] for row in stories}}
    assert partition == {frozenset(story.article_ids) for story in single_machine.stories}
    # The two stories lie months apart: two time windows, clustered in parallel.
    assert len({row["window"] for row in stories}) == 2

    skipped = pq.read_table(spark_out / "skipped.parquet").to_pylist()
    assert len(skipped) == len(single_machine.skipped)


@pytest.mark.slow
@pytest.mark.spark
def test_the_cli_lists_the_spark_stores_stories(single_machine: Run, spark_out: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["stories", "--db", str(spark_out / "corroborate.db"), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [[item["id"] for item in story["articles"]] for story in listed] == [
        list(story.article_ids) for story in single_machine.stories]


# ---- day by day --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_second_day_joins_stored_copies_and_stories_and_opens_a_new_one(
        days: tuple[list[Path], list[Path]], single_machine_days: Run) -> None:
    # Otherwise the equality below would prove little: a day that touches nothing stored adds alike anywhere.
    with Store(":memory:") as store:
        pipeline.ingest(days[0], store)
        first_day = set(store.article_ids())
    assert len(first_day) == 3 and len(single_machine_days.articles) == 10
    assert all(set(group.members) & first_day and set(group.members) - first_day
               for group in single_machine_days.groups)
    assert {group.kind for group in single_machine_days.groups} == {"exact", "near"}
    sizes = {len(story.article_ids): bool(set(story.article_ids) & first_day) for story in single_machine_days.stories}
    assert sizes == {5: True, 3: True, 2: False}


@pytest.mark.slow
@pytest.mark.spark
def test_spark_adds_a_day_to_a_stored_crawl_as_the_single_machine_does(single_machine_days: Run,
                                                                        spark_days_run: Run) -> None:
    assert spark_days_run.articles == single_machine_days.articles
    assert spark_days_run.groups == single_machine_days.groups
    assert spark_days_run.stories == single_machine_days.stories
    assert spark_days_run.origins == single_machine_days.origins
    assert sorted(spark_days_run.skipped, key=repr) == sorted(single_machine_days.skipped, key=repr)


@pytest.mark.slow
@pytest.mark.spark
def test_spark_keeps_each_new_articles_story_as_the_single_machine_does(
        single_machine_days: Run, spark_days: tuple[Path, SparkReport],
        watch_clustering: Callable[[], list[ArticleFeatures]]) -> None:
    # Stored members whose story the new day changed are rewritten with it, and the store is whole again.
    with Store(spark_days[0] / "corroborate.db", readonly=True) as store:
        kept = {row.article_id: row.story_id for row in store.story_members()}
        assert read_back_as_kept(store, watch_clustering) == single_machine_days.stories
    assert kept == {article_id: story.id for story in single_machine_days.stories for article_id in story.article_ids}


@pytest.mark.slow
@pytest.mark.spark
def test_the_second_days_report_and_parquet_describe_that_day(
        days: tuple[list[Path], list[Path]], single_machine_days: Run, spark_days: tuple[Path, SparkReport]) -> None:
    out, report = spark_days
    new = [article.id for article in single_machine_days.articles[3:]]
    assert (report.articles, report.existing, report.stored) == (7, 2, 10)
    # The radio's page read again from the URI is found again: Spark's reader read it byte for byte.
    with Store(out / "corroborate.db", readonly=True) as store:
        assert store.article_ids_for_origins([f"{days[1][1].as_uri().replace('file://', 'file:')}#record-1"])
        assert any(item.reason.startswith("cannot be read:") for item in store.skipped()
                   if item.origin.endswith("missing.warc"))
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [row["id"] for row in sorted(articles, key=lambda row: row["position"])] == new
    # The gazette's page again (stored the day before), and the radio's page met twice that day.
    again = pq.read_table(out / "found_again.parquet").to_pylist()
    assert {row["origin"] for row in again} == {f"{days[1][0]}#record-6", f"file:{days[1][1]}#record-1"}
    # Every group and story holds a new article; stored members are listed with them, the groups whole.
    assert list(report.duplicate_groups) == single_machine_days.groups
    duplicates = pq.read_table(out / "duplicates.parquet").to_pylist()
    assert {row["article_id"] for row in duplicates} == {
        member for group in single_machine_days.groups for member in group.members}
    assert list(report.stories) == single_machine_days.stories
    assert report.windows == 3


# ---- the exact decompositions the job rests on ----------------------------------------------------------------


def test_days_further_apart_than_the_gap_are_separate_windows() -> None:
    days = [date(2024, 3, 5), date(2024, 3, 9), date(2024, 3, 14), date(2024, 3, 5), date(2024, 7, 19)]
    windows = time_windows(days, max_gap_days=4.0)
    assert windows == {date(2024, 3, 5): 0, date(2024, 3, 9): 0, date(2024, 3, 14): 1, date(2024, 7, 19): 2}


def test_stored_days_join_the_windows_they_bridge_and_far_ones_are_left_out() -> None:
    new = [date(2024, 3, 5), date(2024, 3, 12), date(2024, 9, 1)]
    stored = [date(2024, 3, 8), date(2024, 7, 19), date(2024, 3, 1)]
    windows = time_windows(new, max_gap_days=4.0, stored=stored)
    assert windows == {date(2024, 3, 1): 0, date(2024, 3, 5): 0, date(2024, 3, 8): 0, date(2024, 3, 12): 0,
                       date(2024, 9, 1): 1}


def test_an_undated_stored_article_makes_one_window() -> None:
    windows = time_windows([date(2024, 3, 5), date(2024, 7, 19)], max_gap_days=4.0, stored=[None])
    assert set(windows.values()) == {0}


def test_an_undated_article_makes_one_window() -> None:
    # It may join any story, so no two parts of the crawl are safely apart.
    windows = time_windows([date(2024, 3, 5), None, date(2024, 7, 19)], max_gap_days=4.0)
    assert set(windows.values()) == {0}


def test_candidate_edges_join_into_components_named_by_their_earliest_member() -> None:
    edges = [*star_edges([7, 3, 9]), *star_edges([12, 9]), *star_edges([20, 21]), *star_edges([5])]
    assert components(edges) == {3: 3, 7: 3, 9: 3, 12: 3, 20: 20, 21: 20}


# ---- a round-up linking two stored groups of copies --------------------------------------------------------------

# Day one: the bridge report, the fire report and a copy of it. Day two: a round-up printing both reports (a copy
# of each, linking their groups into one) and another copy of the fire report alone.
LINKED_DAY_ONE = [
    PAGES_LATER[0], PAGES_ONE[2],
    Page("https://herald.example/fire", "Mountain Herald", "Pine Valley fire grows to 4,000 hectares",
         "2024-07-19", "Dana Reyes", FIRE[:3]),
]
LINKED_DAY_TWO = [
    Page("https://digest.example/week", "Weekly Digest", "The week's news in brief", "2024-11-13", "Ira Holm",
         BRIDGE + FIRE),
    Page("https://plains.example/fire", "Plains Daily", "Wildfire drives families from Pine Valley",
         "2024-07-20", "Lou Park", FIRE[:2]),
]


@pytest.fixture(scope="module")
def linked_days(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("linked")
    paths = [folder / "day-1.warc", folder / "day-2.warc"]
    for path, pages in zip(paths, (LINKED_DAY_ONE, LINKED_DAY_TWO), strict=True):
        path.write_bytes(warc_bytes(list(map(response, pages)), compress=False))
    return paths


@pytest.mark.slow
@pytest.mark.spark
def test_spark_places_copies_of_linked_groups_as_the_single_machine_does(
        session: SparkSession, linked_days: list[Path], tmp_path: Path) -> None:
    with Store(tmp_path / "single.db") as store:
        for day in linked_days:
            pipeline.ingest([day], store)
        single = stored_run(store, linked_days)
    with redirect_stdout(io.StringIO()):
        assert cli.main(["ingest", str(linked_days[0]), "--db", str(tmp_path / "spark.db")]) == 0
    run_job(session, [str(linked_days[1])], (tmp_path / "out").as_uri(), db=tmp_path / "spark.db")
    with Store(tmp_path / "spark.db", readonly=True) as store:
        spark = stored_run(store, linked_days)
    assert spark.groups == single.groups
    assert spark.stories == single.stories
    # One group of copies; the fire report and every copy of it alone in one story, the round-up with the bridge.
    [group] = single.groups
    assert len(group.members) == len(LINKED_DAY_ONE) + len(LINKED_DAY_TWO)
    ids = [article.id for article in single.articles]
    story_of = {article_id: story.id for story in single.stories for article_id in story.article_ids}
    assert story_of[ids[1]] == story_of[ids[2]] == story_of[ids[4]] != story_of[ids[0]] == story_of[ids[3]]
