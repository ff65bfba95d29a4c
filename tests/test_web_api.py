"""The HTTP API and the server-rendered pages, driven through FastAPI's TestClient on real stores.

The example store (the five-outlet corpus, briefed once) is built once for the module; tests that ingest
use their own small stores so that the example's figures stay fixed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import shared_path
from fastapi.testclient import TestClient

from corroborate import pipeline
from corroborate.records import (
    ArticleRef,
    Brief,
    Claim,
    Contradiction,
    Entity,
    Evidence,
    Position,
    SourceSignal,
    StoryInfo,
    TimelineEvent,
)
from corroborate.settings import DEFAULT_SETTINGS, WebSettings
from corroborate.store import SearchHit, Store
from corroborate.web import create_app, views
from corroborate.web.intake import safe_name
from corroborate.web.service import Citation, brief_from_json

HTML = {"accept": "text/html"}
BRIEF_WAIT = 120


def open_client(db_path: Path, settings=DEFAULT_SETTINGS, **kwargs) -> Iterator[TestClient]:
    app = create_app(str(db_path), settings)
    with TestClient(app, **kwargs) as client:
        assert app.state.jobs.idle(BRIEF_WAIT), "the startup refresh did not finish"
        yield client


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    corpus = shared_path("corpora", "budapest-2025")
    db_path = tmp_path_factory.mktemp("example") / "stories.db"
    with Store(db_path) as store:
        pipeline.ingest([corpus], store)
    yield from open_client(db_path)


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[TestClient]:
    yield from open_client(tmp_path / "stories.db")


def example_story(client: TestClient) -> dict:
    stories = client.get("/api/stories").json()["stories"]
    return max(stories, key=lambda story: story["articles"])


def wait_job(client: TestClient, job: dict) -> dict:
    assert client.app.state.jobs.wait(client.app.state.jobs.get(job["id"]), BRIEF_WAIT)
    return client.get(job["status_url"]).json()


# ---- stories -------------------------------------------------------------------------------------------------


def test_stories_list_the_example_story_with_its_counts(example: TestClient) -> None:
    answer = example.get("/api/stories")
    assert answer.status_code == 200
    story = example_story(example)
    assert story["articles"] == 5 and len(story["sources"]) == 5
    assert story["brief_ready"] and story["corroborated"] >= 3
    assert story["contradictions"] is not None
    dates = [s["last_published"] for s in answer.json()["stories"] if s["last_published"]]
    assert dates == sorted(dates, reverse=True)
    past_the_end = example.get("/api/stories", params={"offset": answer.json()["count"]}).json()
    assert past_the_end["stories"] == [] and past_the_end["count"] == answer.json()["count"]
    assert example.get("/api/stories", params={"limit": 0}).status_code == 422


def test_search_finds_the_story_by_a_claim_word_and_not_by_nonsense(example: TestClient) -> None:
    found = example.get("/api/stories", params={"q": "summit cancel"}).json()
    assert found["count"] == 1
    assert "summit" in found["stories"][0]["match"]["snippet"].lower()
    assert example.get("/api/stories", params={"q": "xylophone quagmire"}).json()["count"] == 0


@pytest.mark.parametrize("query", ['"', "summit OR", "NEAR(a b)", "*", "a:b", "') DROP TABLE articles --"])
def test_search_syntax_from_the_user_is_never_an_error(example: TestClient, query: str) -> None:
    assert example.get("/api/stories", params={"q": query}).status_code == 200


def test_stories_filter_by_date_and_outlet(example: TestClient) -> None:
    story = example_story(example)
    day = story["last_published"]
    outlet = story["sources"][0]
    assert example.get("/api/stories", params={"since": day, "until": day}).json()["count"] >= 1
    assert example.get("/api/stories", params={"since": "2999-01-01"}).json()["count"] == 0
    assert example.get("/api/stories", params={"until": "1900-01-01"}).json()["count"] == 0
    assert example.get("/api/stories", params={"outlet": outlet}).json()["count"] >= 1
    assert example.get("/api/stories", params={"outlet": "no such outlet"}).json()["count"] == 0


def test_a_bad_date_is_a_json_error_with_status_and_message(example: TestClient) -> None:
    answer = example.get("/api/stories", params={"since": "last tuesday"})
    assert answer.status_code == 400
    assert answer.json()["status"] == 400 and "YYYY-MM-DD" in answer.json()["message"]


def test_story_brief_keeps_the_json_contract(example: TestClient) -> None:
    story = example_story(example)
    brief = example.get(f"/api/stories/{story['id']}").json()
    assert set(brief) >= {"story", "articles", "claims", "contradictions", "entities", "timeline", "removed"}
    assert brief["story"]["title"] == story["title"]
    assert {article["source"] for article in brief["articles"]} == set(story["sources"])
    statuses = {claim["status"] for claim in brief["claims"]}
    assert statuses <= {"corroborated", "single_source", "contradicted"} and "corroborated" in statuses
    top = brief["claims"][0]
    assert len(top["sources"]) >= 2 and all(e["article"] in top["sources"] for e in top["evidence"])


def test_unknown_story_is_404_json_without_a_trace(example: TestClient) -> None:
    answer = example.get("/api/stories/no-such-story")
    assert answer.status_code == 404
    assert answer.json() == {"status": 404, "message": "no story with id 'no-such-story'"}


# ---- articles ------------------------------------------------------------------------------------------------


def test_article_has_clean_text_metadata_removed_junk_and_cited_sentences(example: TestClient) -> None:
    brief = example.get(f"/api/stories/{example_story(example)['id']}").json()
    evidence = brief["claims"][0]["evidence"][0]
    article = example.get(f"/api/articles/{evidence['article']}").json()
    assert article["source"] == evidence["source"] and article["text"]
    cited = {c["start"]: c for c in article["cited"]}
    assert evidence["start"] in cited
    span = cited[evidence["start"]]
    assert article["text"][span["start"]:span["end"]] == evidence["quote"]
    junk = [r for r in brief["removed"] if r["article"] == article["id"]]
    assert [r["text"] for r in article["removed"]] == [r["text"] for r in junk]
    assert all(r["reason"] for r in article["removed"])


def test_unknown_article_is_404_json(example: TestClient) -> None:
    answer = example.get("/api/articles/0000")
    assert answer.status_code == 404 and answer.json()["message"] == "no article with id '0000'"


# ---- sources -------------------------------------------------------------------------------------------------


def test_sources_sum_each_outlets_signals(example: TestClient) -> None:
    answer = example.get("/api/sources").json()
    assert answer["stories_pending"] == 0
    assert len(answer["sources"]) == 5
    for source in answer["sources"]:
        assert source["stories"] == 1 and source["articles"] == 1
        assert 0 < source["corroborated"] <= source["statements"]
        assert 0.0 <= source["junk_share"] <= 1.0
        assert source["corroborated_share"] == round(source["corroborated"] / source["statements"], 3)


# ---- ingest --------------------------------------------------------------------------------------------------

ARTICLE_TEXT = (
    "The city council of Northbridge approved a new budget of 40 million dollars on Tuesday evening. "
    "The budget funds two new libraries and repairs to the old river bridge, council members said.\n"
    "Mayor Ellen Park said the vote came after three months of public hearings across the city."
)


def test_json_ingest_answers_what_was_stored_and_what_was_refused(empty: TestClient) -> None:
    records = [
        {"title": "Northbridge approves budget", "text": ARTICLE_TEXT, "source": "Northbridge Herald",
         "published": "2025-03-04", "url": "https://herald.example/budget"},
        {"title": "No body at all", "source": "Nowhere"},
    ]
    answer = empty.post("/api/ingest", params={"wait": "true"}, json=records)
    assert answer.status_code == 200
    job = answer.json()
    assert [item["source"] for item in job["stored"]] == ["Northbridge Herald"] and job["stored"][0]["new"]
    assert len(job["refused"]) == 1 and "text" in job["refused"][0]["reason"]
    done = wait_job(empty, job)
    assert done["state"] == "done" and done["briefs_done"] == done["briefs_total"] >= 1
    stories = empty.get("/api/stories").json()["stories"]
    assert [story["title"] for story in stories] == ["Northbridge approves budget"]
    again = empty.post("/api/ingest", params={"wait": "true"}, json=records[:1]).json()
    assert not again["stored"][0]["new"]


def test_ingest_without_wait_answers_202_with_a_job_to_poll(empty: TestClient) -> None:
    answer = empty.post("/api/ingest", json=[{"text": ARTICLE_TEXT, "source": "Herald"}])
    assert answer.status_code in (200, 202)
    job = answer.json()
    assert empty.get(job["status_url"]).status_code == 200
    assert wait_job(empty, job)["state"] == "done"
    assert any(listed["id"] == job["id"] for listed in empty.get("/api/jobs").json()["jobs"])


def test_multipart_files_are_stored_and_empty_ones_refused(empty: TestClient) -> None:
    page = (
        "<!doctype html><html><head><title>Bridge repairs begin</title></head><body><article>"
        f"<h1>Bridge repairs begin</h1><p>{ARTICLE_TEXT}</p></article></body></html>"
    )
    files = [
        ("files", ("../../outside/page.html", page.encode(), "text/html")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    job = empty.post("/api/ingest", params={"wait": "true"}, files=files).json()
    assert [item["origin"] for item in job["stored"]] == ["upload:page.html"]
    assert job["refused"] == [{"origin": "upload:empty.txt", "reason": "the file is empty"}]


def test_pasted_text_is_stored_with_its_metadata(empty: TestClient) -> None:
    form = {"text": ARTICLE_TEXT, "title": "Pasted budget story", "source": "Paste Daily", "url": ""}
    no_file = {"files": ("", b"", "application/octet-stream")}  # what a browser sends for an empty file field
    job = empty.post("/api/ingest", params={"wait": "true"}, data=form, files=no_file).json()
    assert job["refused"] == [] and len(job["stored"]) == 1
    article = empty.get(f"/api/articles/{job['stored'][0]['id']}").json()
    assert (article["title"], article["source"], article["url"]) == ("Pasted budget story", "Paste Daily", None)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        (b"{not json", "application/json", 400, "not valid JSON"),
        (b'{"text": "an object, not a list"}', "application/json", 400, "JSON list"),
        (b"[]", "application/json", 400, "empty"),
        (b"plain words", "text/plain", 415, "multipart/form-data"),
    ],
)
def test_malformed_ingest_bodies_are_refused_with_a_reason(
    empty: TestClient, body: bytes, content_type: str, status: int, words: str
) -> None:
    answer = empty.post("/api/ingest", content=body, headers={"content-type": content_type})
    assert answer.status_code == status
    assert answer.json()["status"] == status and words in answer.json()["message"]


def test_multipart_without_files_or_text_is_refused(empty: TestClient) -> None:
    answer = empty.post("/api/ingest", data={"title": "only a title"})
    assert answer.status_code == 400 and "nothing to ingest" in answer.json()["message"]


def test_a_binary_upload_is_refused_with_its_reason(empty: TestClient) -> None:
    files = {"files": ("blob.bin", bytes(range(256)) * 64, "application/octet-stream")}
    job = empty.post("/api/ingest", params={"wait": "true"}, files=files).json()
    assert job["stored"] == [] and job["refused"][0]["origin"] == "upload:blob.bin"
    assert job["refused"][0]["reason"]


@pytest.fixture
def small_limit(tmp_path: Path) -> Iterator[TestClient]:
    settings = replace(DEFAULT_SETTINGS, web=WebSettings(max_request_bytes=2048))
    yield from open_client(tmp_path / "stories.db", settings)


def test_oversized_uploads_are_refused_with_413_and_a_clear_message(small_limit: TestClient) -> None:
    big = {"files": ("big.txt", b"word " * 2000, "text/plain")}
    answer = small_limit.post("/api/ingest", files=big)
    assert answer.status_code == 413
    assert "larger than the limit" in answer.json()["message"]
    page = small_limit.post("/upload", files=big, headers=HTML)
    assert page.status_code == 413 and "larger than the limit" in page.text and "<html" in page.text


def test_an_undeclared_oversized_body_is_cut_off_while_streaming(small_limit: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"["
        for _ in range(100):
            yield json.dumps({"text": "word " * 20}).encode() + b","
        yield b"{}]"

    answer = small_limit.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_unknown_job_is_404(empty: TestClient) -> None:
    assert empty.get("/api/jobs/1-nope").status_code == 404


def test_cross_site_posts_are_refused(empty: TestClient) -> None:
    answer = empty.post("/api/ingest", json=[{"text": ARTICLE_TEXT}], headers={"origin": "http://evil.example"})
    assert answer.status_code == 403
    assert empty.get("/api/stories").json()["count"] == 0


def test_an_internal_failure_answers_500_json_without_a_trace(tmp_path: Path) -> None:
    db_path = tmp_path / "stories.db"
    for client in open_client(db_path, raise_server_exceptions=False):
        # A store broken under the running app: its articles table lost every column but the id.
        with sqlite3.connect(db_path) as db:
            db.executescript("DROP TABLE articles; CREATE TABLE articles (id TEXT); INSERT INTO articles VALUES ('x');")
        job = wait_job(client, client.post("/api/ingest", json=[{"text": ARTICLE_TEXT}]).json())
        assert job["state"] == "failed" and job["error"]
        broken = client.get("/api/stories")
        assert broken.status_code == 500
        assert broken.json() == {"status": 500, "message": "internal error; the server log has the details"}


# ---- pages ---------------------------------------------------------------------------------------------------


def test_every_response_carries_a_strict_content_security_policy(example: TestClient) -> None:
    for url in ("/", "/api/stories", "/docs", "/static/style.css"):
        policy = example.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "style-src 'self'" in policy


def test_pages_render(example: TestClient) -> None:
    story = example_story(example)
    for url in ("/", "/sources", "/upload", "/docs", f"/stories/{story['id']}", "/?q=summit&since=&until=&outlet="):
        answer = example.get(url, headers=HTML)
        assert answer.status_code == 200, url
        assert "style=" not in answer.text and "<script>" not in answer.text and "onclick" not in answer.text


def test_docs_work_offline_and_describe_every_endpoint(example: TestClient) -> None:
    spec = example.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/sources",
            "/api/ingest", "/api/jobs/{job_id}"} <= set(spec["paths"])
    page = example.get("/docs").text
    assert "cdn" not in page.lower() and "/api/ingest" in page and "multipart/form-data" in page


def test_story_page_citations_open_the_highlighted_sentence(example: TestClient) -> None:
    story = example_story(example)
    brief = example.get(f"/api/stories/{story['id']}").json()
    evidence = brief["claims"][0]["evidence"][1]
    page = example.get(f"/stories/{story['id']}", headers=HTML).text
    href = views.article_href(evidence["article"], story["id"], evidence["start"])
    assert f'href="{href.replace("&", "&amp;")}"' in page
    article = example.get(href.split("#")[0], headers=HTML).text
    assert f'id="s-{evidence["start"]}"' in article and "cited-corroborated target" in article


def test_story_page_counts_outlets_in_the_right_number(example: TestClient) -> None:
    story = example_story(example)
    brief = example.get(f"/api/stories/{story['id']}").json()
    page = example.get(f"/stories/{story['id']}", headers=HTML).text
    assert any(len(claim["outlets"]) == 1 and claim["status"] != "single_source" for claim in brief["claims"])
    assert "1 outlet · " in page and "1 outlets" not in page and "5 outlets · " in page


def test_unknown_pages_are_html_errors(example: TestClient) -> None:
    answer = example.get("/stories/nope", headers=HTML)
    assert answer.status_code == 404 and "no story with id" in answer.text and "<html" in answer.text
    assert example.get("/articles/nope", headers=HTML).status_code == 404
    assert example.get("/jobs/nope", headers=HTML).status_code == 404


def test_upload_form_redirects_to_the_job_page(empty: TestClient) -> None:
    answer = empty.post("/upload", data={"text": ARTICLE_TEXT, "source": "Form Post"}, headers=HTML,
                        follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/jobs/")
    job_id = answer.headers["location"].rsplit("/", 1)[1]
    wait_job(empty, {"id": job_id, "status_url": f"/api/jobs/{job_id}"})
    page = empty.get(answer.headers["location"], headers=HTML).text
    assert "Form Post" in page and "Stored" in page


HOSTILE_TITLE = '<script>window.__pwned = 1</script> Council "vote" <b>ends</b>'
HOSTILE_TEXT = (
    'The council voted on Tuesday. <img src=x onerror="window.__pwned = 2"> The budget passed by nine votes.\n'
    '<a href="javascript:window.__pwned = 3">Read more about the council budget vote</a> and the bridge repairs.'
)


def test_hostile_article_text_is_escaped_and_its_links_are_not_followed(empty: TestClient) -> None:
    record = {"title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "source": "<i>Evil</i>", "url": "javascript:alert(1)"}
    job = empty.post("/api/ingest", params={"wait": "true"}, json=[record]).json()
    article_id = job["stored"][0]["id"]
    wait_job(empty, job)
    story = empty.get("/api/stories").json()["stories"][0]
    for url in (f"/articles/{article_id}", f"/stories/{story['id']}", "/", "/?q=council", "/sources",
                f"/jobs/{job['id']}"):
        page = empty.get(url, headers=HTML).text
        assert "<script>window" not in page and "<img src=x" not in page and "<i>Evil" not in page, url
        assert 'href="javascript:' not in page, url
    article_page = empty.get(f"/articles/{article_id}", headers=HTML).text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article_page
    assert "not a web address, not linked" in article_page


# ---- the rendering of findings the example does not have (contradictions, timeline, entities) ------------------


def test_story_page_draws_contradictions_timeline_entities_and_matrix(empty: TestClient) -> None:
    records = [{"title": "Budget vote", "text": ARTICLE_TEXT, "source": name} for name in ("Herald", "Gazette")]
    records[1]["text"] = ARTICLE_TEXT.replace("40 million", "45 million")
    job = wait_job(empty, empty.post("/api/ingest", params={"wait": "true"}, json=records).json())
    story = empty.get("/api/stories").json()["stories"][0]
    first, second = (item["id"] for item in job["stored"])
    synthetic = findings_brief(story["id"], first, second)
    told = Evidence(first, "The council of Northbridge approved a budget drafted by Ellen Park.", "Herald", 0)
    synthetic.claims.append(Claim(told.quote, "single_source", [first], [told], ["Herald"], 1, details=["Ellen Park"]))
    library = empty.app.state.library
    cache_key = library.store().get_document("brief", story["id"])["key"]
    library.store().put_document("brief", story["id"], {"key": cache_key, "brief": synthetic.to_json()})
    page = empty.get(f"/stories/{story['id']}", headers=HTML).text
    assert page.count('class="position"') == 2 and "40 million dollars" in page and "45 million dollars" in page
    assert page.count("<circle") == 2 and "2025-03-04" in page
    assert "Ellen Park" in page and "Mayor Park" in page
    assert '<span class="entity-role" title="Herald, Gazette">Mayor <span class="muted">(2 outlets)</span>' in page
    assert '<span class="details">only here: Ellen Park</span>' in page
    assert 'class="cell contradicts"' in page and 'class="cell agree"' in page


def findings_brief(story_id: str, first: str, second: str) -> Brief:
    one = Evidence(first, "The city council of Northbridge approved a new budget.", "Herald", 0)
    two = Evidence(second, "The city council of Northbridge approved a new budget.", "Gazette", 0)
    return Brief(
        story=StoryInfo("Budget vote", story_id),
        articles=[ArticleRef(first, "api#record-0", "Herald", "Budget vote", None),
                  ArticleRef(second, "api#record-1", "Gazette", "Budget vote", None)],
        claims=[Claim("The council approved a budget.", "corroborated", [first, second], [one, two],
                      ["Herald", "Gazette"], 2)],
        contradictions=[Contradiction("budget", [Position("40 million dollars", [first], [one]),
                                                 Position("45 million dollars", [second], [two])], "number")],
        entities=[Entity("Ellen Park", "PERSON", ["Ellen Park", "Mayor Park"], [first, second],
                         [Position("Mayor", [first, second], [one, two])])],
        timeline=[TimelineEvent("2025-03-04", "Tuesday", "council approves budget", [first, second]),
                  TimelineEvent("2024-12-01", "three months ago", "public hearings begin", [first]),
                  TimelineEvent(None, "soon", "bridge repairs", [second])],
        sources=[SourceSignal("Gazette", [second], 1, 1), SourceSignal("Herald", [first], 1, 1)],
    )


# ---- view helpers --------------------------------------------------------------------------------------------


def test_cached_briefs_read_back_as_the_same_records() -> None:
    brief = findings_brief("s", "a", "b")
    assert brief_from_json(json.loads(json.dumps(brief.to_json()))) == brief


def test_article_paragraphs_keep_every_character_and_mark_the_target() -> None:
    text = "First sentence here. Second one.\n\nThird paragraph, cited too."
    citations = [Citation(21, 32, "corroborated", "c", "s"), Citation(34, 61, "single_source", "d", "s")]
    paragraphs = views.article_paragraphs(text, citations, target=34)
    assert ["".join(segment.text for segment in p) for p in paragraphs] == [text[:32], text[34:]]
    cited = [segment for p in paragraphs for segment in p if segment.citation]
    assert [(s.text, s.anchor, s.target) for s in cited] == [("Second one.", "s-21", False),
                                                             ("Third paragraph, cited too.", "s-34", True)]


def test_timeline_chart_orders_dots_by_date_and_stacks_same_day_events() -> None:
    events = [TimelineEvent("2025-10-21", "", "b", []), TimelineEvent("2025-10-01", "", "a", []),
              TimelineEvent("2025-10-21", "", "c", []), TimelineEvent(None, "", "d", []),
              TimelineEvent("not a date", "", "e", [])]
    chart = views.timeline_chart(events)
    by_number = {dot.number: dot for dot in chart.dots}
    assert set(by_number) == {1, 2, 3}
    assert by_number[2].x == chart.axis_start and by_number[1].x == by_number[3].x == chart.axis_end
    assert by_number[1].y != by_number[3].y
    assert [number for number, _ in chart.events] == [1, 2, 3, 4, 5]


def test_timeline_chart_draws_month_and_year_dates_hollow_at_their_middle() -> None:
    events = [TimelineEvent(None, "", "a", [], period="2025-08"), TimelineEvent("2025-10-27", "", "b", []),
              TimelineEvent(None, "", "c", [], period="2024")]
    chart = views.timeline_chart(events)
    approximate = {dot.number: dot.approximate for dot in chart.dots}
    assert approximate == {1: True, 2: False, 3: True}
    assert [label for _, label in chart.ticks][0] == "2024" and chart.ticks[-1][1] == "2025-10-27"


def test_matrix_marks_positions_agreement_and_lone_claims() -> None:
    brief = findings_brief("s", "a", "b")
    brief.claims.append(Claim("Only the Gazette says this.", "single_source", ["b"], [], ["Gazette"], 1))
    matrix = views.claims_matrix(brief, max_rows=10)
    assert matrix.outlets == ["Gazette", "Herald"]
    states = [[cell.state for cell in row.cells] for row in matrix.rows]
    assert states == [["contradicts", "contradicts"], ["agree", "agree"], ["alone", "silent"]]
    assert [cell.mark for cell in matrix.rows[0].cells] == ["B", "A"]
    assert views.claims_matrix(brief, max_rows=1).hidden == 2


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.org/a", True), ("http://x.example", True), ("javascript:alert(1)", False),
     ("JaVaScRiPt:alert(1)", False), ("data:text/html,hi", False), ("//evil.example", False), (None, False)],
)
def test_only_web_addresses_become_links(url: str | None, linked: bool) -> None:
    assert (views.external_url(url) is not None) is linked


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/passwd", "passwd"), ("C:\\Users\\me\\page.html", "page.html"), ("", "upload"), ("..", "upload"),
     ("a<b>.html", "a_b_.html")],
)
def test_client_file_names_are_labels_never_paths(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_snippets_split_on_match_markers() -> None:
    hit = SearchHit("s", "claim", f"the {SearchHit.MARK_START}summit{SearchHit.MARK_END} was off")
    assert views.snippet_parts(hit) == [("the ", False), ("summit", True), (" was off", False)]
