"""The real pages in headless Chromium, against ``corroborate.web.serve`` running in its own process on loopback
with a store built from the example corpus. The run saves screenshots under docs/screenshots/.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_path

from corroborate import pipeline
from corroborate.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
READY_SECONDS = 180
SERVE = "import sys; from corroborate.web import serve; serve(sys.argv[1], port=int(sys.argv[2]))"

UPLOAD_TITLE = "Harbour authority opens new ferry terminal"
UPLOAD_PAGE = f"""<!doctype html><html><head><title>{UPLOAD_TITLE}</title></head><body><article>
<h1>{UPLOAD_TITLE}</h1>
<p>The harbour authority of Port Ellis opened its new ferry terminal on Monday after two years of construction.</p>
<p>The terminal can handle four ferries at once and doubles the number of daily crossings to the islands.</p>
<p>Officials said the project cost 120 million dollars and was finished three months ahead of schedule.</p>
</article></body></html>"""

HOSTILE = {
    "title": "<script>window.__pwned = 'title'; alert('title')</script> Council budget vote",
    "text": (
        "The council approved the budget on Tuesday. <img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
        " The vote was nine to two.\n"
        "<a href=\"javascript:window.__pwned = 'link'; alert('link')\">Read more about the council budget</a> "
        "<script>window.__pwned = 'text'</script> The mayor welcomed the council budget vote."
    ),
    "source": "<b onmouseover=\"window.__pwned = 'source'\">Hostile Times</b>",
    "url": "javascript:window.__pwned = 'url'",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as answer:  # loopback only: the test's own server
        return json.load(answer)


def wait_until_briefed(base: str) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        try:
            stories = get_json(base + "api/stories")["stories"]
            if stories and all(story["brief_ready"] for story in stories):
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{base} did not brief its stories within {READY_SECONDS} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    corpus = shared_path("corpora", "budapest-2025")
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is missing: apt-get install -y chromium chromium-driver")
    folder = tmp_path_factory.mktemp("web")
    db_path = folder / "stories.db"
    with Store(db_path) as store:
        pipeline.ingest([corpus], store)
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(db_path), str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_briefed(base)
        assert base in (folder / "server.log").read_text(), "serve() prints the URL it listens on"
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []
    tab.console_lines = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("console", lambda message: tab.console_lines.append(message.text))
    yield tab
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_stories_page_lists_the_example_story(server: str, page) -> None:
    page.goto(server)
    row = page.locator(".story-row").first
    assert "5 outlets" in row.inner_text() and "5 articles" in row.inner_text()
    assert "corroborated" in row.inner_text()
    screenshot(page, "stories.png")


def test_search_narrows_the_stories(server: str, page) -> None:
    page.goto(server)
    page.fill("#search", "summit cancelled")
    page.press("#search", "Enter")
    page.wait_for_url(re.compile(r"q=summit"))
    assert page.locator(".story-row").count() == 1
    marked = [text.lower() for text in page.locator(".snippet mark").all_inner_texts()]
    assert any("summit" in text for text in marked), marked
    page.fill("#search", "xylophone quagmire")
    page.press("#search", "Enter")
    page.wait_for_url(re.compile(r"q=xylophone"))
    assert page.locator(".story-row").count() == 0 and "No story matches" in page.inner_text("main")


def test_a_citation_opens_the_highlighted_sentence(server: str, page) -> None:
    page.goto(server)
    page.locator(".story-title").first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator("#corroborated .claim").count() >= 3
    screenshot(page, "story.png")
    badge = page.locator("#corroborated .badge-link").first
    outlet = badge.inner_text()
    badge.click()
    page.wait_for_url(re.compile(r"/articles/.*#s-\d+"))
    target = page.locator("mark.target")
    assert target.count() == 1 and target.is_visible()
    assert target.get_attribute("id") == page.url.rsplit("#", 1)[1]
    assert outlet in page.inner_text(".metadata")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the cited sentence is scrolled into view"
    screenshot(page, "article.png")


def test_sources_page_draws_each_outlet(server: str, page) -> None:
    page.goto(server + "sources")
    assert page.locator(".source-card").count() == 5
    assert page.locator(".source-chart .bar-agree").count() == 5
    screenshot(page, "sources.png")


def test_an_uploaded_file_appears(server: str, page, tmp_path: Path) -> None:
    page.goto(server + "upload")
    page.set_input_files("#files", files=[{"name": "ferry.html", "mimeType": "text/html",
                                           "buffer": UPLOAD_PAGE.encode()}])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/jobs/"))
    page.wait_for_selector("#stored", timeout=READY_SECONDS * 1000)
    link = page.locator("#stored a", has_text=UPLOAD_TITLE)
    assert link.count() == 1
    link.click()
    assert page.inner_text("h1") == UPLOAD_TITLE
    story_link = page.locator(".story-head a[href^='/stories/']").last
    story_title = story_link.inner_text()
    page.goto(server)
    assert story_title in page.inner_text(".story-list")


def test_a_hostile_article_runs_no_script(server: str, page) -> None:
    request = urllib.request.Request(
        server + "api/ingest?wait=true", data=json.dumps([HOSTILE]).encode(),
        headers={"content-type": "application/json"}, method="POST",
    )
    with urllib.request.urlopen(request, timeout=READY_SECONDS) as answer:
        job = json.load(answer)
    article_id = job["stored"][0]["id"]
    wait_until_briefed(server)
    page.goto(server + f"articles/{article_id}")
    assert "<script>window.__pwned" in page.inner_text("h1")
    shown = page.inner_text("main")
    assert "<img src=x onerror" in shown and "javascript:window.__pwned" in shown
    page.get_by_text("Read more about the council budget").first.click()
    assert page.url.endswith(f"articles/{article_id}") and page.evaluate("typeof window.__pwned") == "undefined"
    page.goto(server + "?q=council+budget")
    story_href = page.locator(".story-title").first.get_attribute("href")
    for path in (story_href, "/?q=council+budget", f"/jobs/{job['id']}", "/sources", "/"):
        page.goto(server.rstrip("/") + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert page.dialogs == []
    blocked = [line for line in page.console_lines if "Content Security Policy" in line]
    assert blocked == [], "no markup from the article reached the page as script"
