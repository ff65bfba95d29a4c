"""Extraction: HTML through trafilatura, scraped text with its header chrome read and removed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import shared_path

from corroborate.errors import InputError
from corroborate.extract import extract, iso_date
from corroborate.records import RawDocument

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council approves harbour bridge repairs | The Coastal Herald</title>
<meta property="og:title" content="Council approves harbour bridge repairs">
<meta property="og:site_name" content="The Coastal Herald">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Council approves harbour bridge repairs</h1>
<p class="byline">By Maria Lopez</p>
<p>The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been closed
to lorries since engineers found corroded steel cables in its northern span last winter.</p>
<p>The repairs will cost 4.2 million euros and take about eight months, the council said. Traffic will be
diverted over the old ferry road while the bridge is shut to all vehicles during the summer.</p>
<p>Engineers told councillors that without the work the bridge would have to close completely within two
years, cutting the fishing port off from the motorway and the regional hospital.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Festival crowds break record</a></li><li><a href="/b">School roof fixed at last</a></li>
</ul></aside>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>About time! That bridge has been a disgrace for years and everyone knew it.</p></div>
</section></main>
<footer><p>Copyright 2024 The Coastal Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body></html>
"""

SCRAPED = """Home » Local » Council approves harbour bridge repairs

Council approves harbour bridge repairs

Tuesday, March 5, 2024

Categories: Local

Council approves harbour bridge repairs

Eight months of work on the northern span, with lorries diverted over the ferry road

By Maria Lopez | Staff reporter
2 comments 3 min read
bridge works

What the Council Decided

The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been closed to \
lorries since engineers found corroded steel cables in its northern span last winter.

The repairs will cost 4.2 million euros and take about eight months, the council said.
"""


def page_of(text: str, **metadata: str) -> RawDocument:
    return RawDocument(origin="test", kind="text", content=text, **metadata)


# ---- HTML ----------------------------------------------------------------------------------------------


def test_html_main_text_without_page_furniture() -> None:
    page = extract(RawDocument(origin="test.html", kind="html", content=NEWS_PAGE))
    assert "corroded steel cables" in page.text
    assert "regional hospital" in page.text
    for furniture in ("Accept all cookies", "Festival crowds", "disgrace", "Privacy policy", "Sport"):
        assert furniture not in page.text


def test_html_paragraphs_are_lines_and_headline_is_not_repeated() -> None:
    page = extract(RawDocument(origin="test.html", kind="html", content=NEWS_PAGE))
    lines = [line for line in page.text.splitlines() if line.strip()]
    assert lines[0].startswith("The city council voted")
    assert lines[-1].startswith("Engineers told councillors")
    assert page.title == "Council approves harbour bridge repairs"


def test_html_hover_card_of_a_linked_name_is_no_part_of_the_sentence() -> None:
    card = (
        '<span class="person"><a href="/people/lopez">Maria Lopez</a><span class="card"><span>'
        '<img src="/lopez.jpg" alt=""><a href="/people/lopez">Maria Elena Lopez</a>'
        '<a href="/a">Mayor opens new library</a> <a href="/b">Budget passes council</a>'
        '<a href="/people/lopez">MORE</a></span></span></span>'
    )
    html = NEWS_PAGE.replace("The city council voted", f"Councillor {card} said the city council voted")
    page = extract(RawDocument(origin="test.html", kind="html", content=html))
    assert "Councillor Maria Lopez said the city council voted" in page.text
    assert "MORE" not in page.text and "new library" not in page.text


def test_html_metadata_from_the_page() -> None:
    page = extract(RawDocument(origin="test.html", kind="html", content=NEWS_PAGE))
    assert page.author == "Maria Lopez"
    assert page.published == "2024-03-05"
    assert page.source == "The Coastal Herald"


def test_a_site_name_given_as_an_address_names_the_outlet_by_its_host() -> None:
    addressed = NEWS_PAGE.replace('content="The Coastal Herald"', 'content="https://www.coastal-herald.example/"')
    page = extract(RawDocument(origin="test.html", kind="html", content=addressed))
    assert page.source == "coastal-herald.example"


def test_stated_metadata_wins_over_the_page() -> None:
    doc = RawDocument(
        origin="feed.jsonl#record-3",
        kind="html",
        content=NEWS_PAGE,
        url="https://herald.example/bridge",
        title="Bridge repairs approved",
        published="2024-03-06T07:00:00Z",
        source="herald.example",
        author="Desk",
    )
    page = extract(doc)
    assert (page.title, page.published, page.source, page.author, page.url) == (
        "Bridge repairs approved",
        "2024-03-06",
        "herald.example",
        "Desk",
        "https://herald.example/bridge",
    )


@pytest.mark.parametrize(
    ("kind", "content"),
    [
        ("html", "<html><body><nav>Home</nav></body></html>"),
        ("html", "<html><body></body></html>"),
        ("text", "Home » Local\n\nBridge repairs\n"),
    ],
)
def test_document_without_an_article_is_an_input_error(kind: str, content: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(RawDocument(origin="empty", kind=kind, content=content))
    assert caught.value.origin == "empty"


# ---- Scraped text ----------------------------------------------------------------------------------------


def test_text_header_chrome_is_removed_with_reasons() -> None:
    page = extract(page_of(SCRAPED))
    reasons = {span.text: span.reason for span in page.removed}
    assert reasons == {
        "Home » Local » Council approves harbour bridge repairs": "breadcrumb",
        "Tuesday, March 5, 2024": "dateline",
        "Categories: Local": "category tags",
        "By Maria Lopez | Staff reporter": "byline",
        "2 comments 3 min read": "reading time",
        "bridge works": "category tags",
    }


def test_text_metadata_from_the_header() -> None:
    page = extract(page_of(SCRAPED))
    assert page.title == "Council approves harbour bridge repairs"
    assert page.author == "Maria Lopez"
    assert page.published == "2024-03-05"


def test_text_keeps_standfirst_subheading_and_body_but_not_the_title() -> None:
    page = extract(page_of(SCRAPED))
    lines = [line for line in page.text.splitlines() if line.strip()]
    assert lines[0].startswith("Eight months of work")
    assert lines[1] == "What the Council Decided"
    assert lines[-1] == "The repairs will cost 4.2 million euros and take about eight months, the council said."
    assert "Council approves harbour bridge repairs" not in page.text


def test_text_starting_with_the_body_has_no_title() -> None:
    body = (
        "The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been "
        "closed to lorries since engineers found corroded steel cables in its northern span.\n"
        "The repairs will cost 4.2 million euros.\n"
    )
    page = extract(page_of(body))
    assert page.title is None
    assert page.text == body.strip()
    assert page.removed == ()


def test_byline_label_on_its_own_line() -> None:
    body = "The council voted on Tuesday to fund repairs to the harbour bridge."
    page = extract(page_of(f"Bridge repairs approved\n\nPublished by\nMaria Lopez\n\n{body}\n"))
    assert page.author == "Maria Lopez"
    assert [span.reason for span in page.removed] == ["byline", "byline"]
    assert page.text == body


def test_site_dateline_prefix_names_the_outlet_and_date() -> None:
    text = "Harbour Post (31/03/2024): The council voted on Tuesday to fund repairs to the bridge.\n"
    page = extract(page_of(text))
    assert page.source == "Harbour Post"
    assert page.published == "2024-03-31"
    assert page.text == "The council voted on Tuesday to fund repairs to the bridge."
    assert [(span.text, span.reason) for span in page.removed] == [("Harbour Post (31/03/2024):", "dateline")]


def test_trailing_domain_signature_names_the_outlet() -> None:
    text = "The council voted on Tuesday to fund repairs to the bridge.\n\nHarbourPost.Net\n"
    page = extract(page_of(text))
    assert page.source == "HarbourPost.Net"


def test_parenthesis_that_is_not_a_date_is_left_alone() -> None:
    text = "Senator Jane Roe (D-Ore.): the bill will pass this week, her office said on Monday.\n"
    page = extract(page_of(text))
    assert page.source is None
    assert page.text == text.strip()


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "Bridge works\n\nBy the time the vote was held, the bridge had been shut for a year.\n"
    page = extract(page_of(text))
    assert page.author is None
    assert "By the time the vote was held" in page.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T09:30:00+00:00", "2024-03-05"),
        ("31/10/2025", "2025-10-31"),
        ("Friday, October 31, 2025", "2025-10-31"),
        ("October 2025", None),  # no day: unknown, not today's day filled in
        ("not a date at all", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


# ---- The example corpus ------------------------------------------------------------------------------------


def corpus_pages(folder: Path) -> dict[str, object]:
    return {
        path.name[:3]: extract(RawDocument(origin=str(path), kind="text", content=path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.txt"))
    }


def test_budapest_titles(budapest_corpus: Path) -> None:
    pages = corpus_pages(budapest_corpus)
    assert pages["000"].title == "U.S. Cancels Planned Trump-Putin Summit in Budapest After Moscow Memo"
    assert pages["003"].title.startswith("Trump Abruptly Scraps Budapest Summit with Putin")
    assert pages["004"].title == "Was the Trump–Putin Peace Summit in Budapest Ever Meant to Succeed?"
    assert pages["001"].title is None
    assert pages["002"].title is None


def test_budapest_metadata(budapest_corpus: Path) -> None:
    pages = corpus_pages(budapest_corpus)
    assert pages["003"].published == "2025-10-31"
    assert pages["003"].source == "CaliToday"
    assert pages["000"].author == "Henry"
    assert pages["004"].author == "Nisha Srivastava"
    assert not pages["003"].text.startswith("CaliToday")


# ---- Quality floor on the Article Extraction Benchmark -----------------------------------------------------

# The first 90 of the 181 pages (by id) keep this test to a few seconds. Measured on them: F1 0.9728
# (trafilatura's defaults 0.9552); on all 181 pages F1 0.9661 (trafilatura's defaults 0.9525).
BENCHMARK_PAGES = 90
F1_FLOOR = 0.97


def load_bench_module() -> object:
    path = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"
    spec = importlib.util.spec_from_file_location("bench_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_metric_counts_shingles() -> None:
    bench = load_bench_module()
    assert bench.page_counts("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    tp, fp, fn = bench.page_counts("one two three four five", "one two three four six")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert bench.page_counts("one two three four", "") == (0.0, 0.0, 1.0)


@pytest.mark.slow
def test_extraction_f1_floor_on_benchmark() -> None:
    folder = shared_path("data", "article-extraction-benchmark")
    bench = load_bench_module()
    pages = bench.load_pages(folder, limit=BENCHMARK_PAGES)
    result = bench.score(bench.corroborate_text, pages)
    assert result.f1 >= F1_FLOOR, result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: November 11, 2011 20: 09 IST", "2011-11-11"),
        ("Sat Nov 12 2011, 01: 19 hrs", "2011-11-12"),
        ("Published on Friday, 27 September 2013", "2013-09-27"),
    ],
)
def test_dateline_with_time_and_zone_gives_the_date(line: str, expected: str) -> None:
    body = "The council voted on Tuesday to fund repairs to the harbour bridge after a long debate."
    page = extract(page_of(f"Bridge repairs approved\n{line}\n\n{body}\n"))
    assert page.published == expected
    assert [(span.text, span.reason) for span in page.removed] == [(line, "dateline")]
    assert page.text == body


def test_place_dateline_is_not_a_title() -> None:
    body = "The council voted on Tuesday to fund repairs to the harbour bridge after a long debate."
    page = extract(page_of(f"PORT ELLEN, Scotland —\n\n{body}\n"))
    assert page.title is None
    assert [(span.text, span.reason) for span in page.removed] == [("PORT ELLEN, Scotland —", "dateline")]


def test_headline_only_document_keeps_the_headline_as_text() -> None:
    page = extract(page_of("Harbour bridge to close for eight months of repairs\n"))
    assert page.title == "Harbour bridge to close for eight months of repairs"
    assert page.text == page.title


def test_a_short_sentence_standing_alone_first_is_the_title_and_stays_in_the_text() -> None:
    body = "The city council voted on Tuesday to fund urgent repairs to the harbour bridge."
    page = extract(page_of(f"Council approves harbour bridge repairs.\n\n{body}\n"))
    assert page.title == "Council approves harbour bridge repairs."
    assert page.text == f"Council approves harbour bridge repairs.\n\n{body}"


def test_a_first_line_of_two_sentences_is_not_a_title() -> None:
    body = "The repairs will cost 4.2 million euros and take eight months."
    page = extract(page_of(f"The council voted on Tuesday. The bridge will close.\n\n{body}\n"))
    assert page.title is None


# ---- A saved page's own address in its header --------------------------------------------------------------

SAVED_BODY = (
    "The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been closed to "
    "lorries since engineers found corroded steel cables in its northern span."
)


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("https://www.harbourpost.example.com/local/2024/03/05/bridge-repairs.html",
         "https://www.harbourpost.example.com/local/2024/03/05/bridge-repairs.html"),
        # Tokenised copies (as in ECB+) put spaces around the address's punctuation.
        ("http: / / news. harbourpost. co. uk / local / council - approves - bridge - repairs - 416271. html",
         "http://news.harbourpost.co.uk/local/council-approves-bridge-repairs-416271.html"),
        ("URL: https://harbourpost.example.org/story?id=42&ref=rss",
         "https://harbourpost.example.org/story?id=42&ref=rss"),
    ],
)
def test_address_line_is_the_pages_url_not_its_title(line: str, url: str) -> None:
    page = extract(page_of(f"{line}\n\nMarch 5, 2024\n\nCouncil approves harbour bridge repairs\n\n{SAVED_BODY}\n"))
    assert page.title == "Council approves harbour bridge repairs"
    assert page.url == url
    assert page.published == "2024-03-05"
    assert page.text == SAVED_BODY
    assert [(span.text, span.reason) for span in page.removed] == [(line, "page URL"), ("March 5, 2024", "dateline")]


def test_address_line_names_the_outlet_by_its_host_only_when_the_page_names_none() -> None:
    address = "http: / / www. harbourpost. com / local / bridge. html"
    assert extract(page_of(f"{address}\n\nBridge repairs approved\n\n{SAVED_BODY}\n")).source == "harbourpost.com"
    signed = extract(page_of(f"{address}\n\nBridge repairs approved\n\n{SAVED_BODY}\n\nHarbourPost.Net\n"))
    assert signed.source == "HarbourPost.Net"
    stated = extract(page_of(f"{address}\n\nBridge repairs approved\n\n{SAVED_BODY}\n", source="Harbour Post"))
    assert stated.source == "Harbour Post"


def test_address_stated_by_the_input_wins_over_the_line() -> None:
    page = extract(page_of(f"https://mirror.example.net/copy\n\n{SAVED_BODY}\n", url="https://harbourpost.com/a"))
    assert page.url == "https://harbourpost.com/a"
    assert page.text == SAVED_BODY


def test_address_alone_is_no_article() -> None:
    with pytest.raises(InputError):
        extract(page_of("http: / / www. harbourpost. com / local / council - approves - bridge - repairs. html\n"))


def test_body_line_that_contains_an_address_stays() -> None:
    mention = "The full report is online at https://harbourpost.com/report.pdf for anyone to read."
    text = f"Bridge repairs approved\n\n{SAVED_BODY}\n{mention}\n"
    page = extract(page_of(text))
    assert page.url is None
    assert mention in page.text.splitlines()
    assert page.removed == ()


def test_address_line_after_the_body_begins_stays() -> None:
    # Past the header an address on its own line is something the story points readers to.
    text = f"{SAVED_BODY}\nDonations can be made at:\nhttps://harbourpost.com/bridge-fund\n"
    page = extract(page_of(text))
    assert page.url is None
    assert "https://harbourpost.com/bridge-fund" in page.text


def test_ecbplus_addresses_are_urls_not_titles() -> None:
    folder = shared_path("data", "ecbplus-train-dev")
    pages = [extract(RawDocument(str(path), "text", path.read_text(encoding="utf-8")))
             for path in sorted(folder.glob("*ecbplus.txt"))]
    assert not [page.title for page in pages if page.title and page.title.lower().startswith("http")]
    assert not [page.text[:80] for page in pages if page.text.lower().startswith("http")]
    assert all(page.url and " " not in page.url for page in pages)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # Tokenised copies put spaces inside times ("8: 41 p. m.").
        ("updated 8: 41 p. m. EST, Tue March 3, 2009", "2009-03-03"),
        # A dateline without its year dates nothing, but it is no headline either.
        ("APR 28", None),
    ],
)
def test_dateline_with_spaced_time_or_without_year_is_chrome(line: str, published: str | None) -> None:
    page = extract(page_of(f"{line}\n\nCouncil approves harbour bridge repairs\n\n{SAVED_BODY}\n"))
    assert page.title == "Council approves harbour bridge repairs"
    assert page.published == published
    assert [(span.text, span.reason) for span in page.removed] == [(line, "dateline")]
