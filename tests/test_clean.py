"""Junk removal: chrome lines leave the text with their reason; on-topic lines, however short, stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.clean import clean, content_words, junk_reason
from corroborate.extract import extract
from corroborate.records import ExtractedPage, RawDocument, RemovedSpan

PARAGRAPHS = [
    "The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been closed "
    "to lorries since engineers found corroded steel cables in its northern span last winter.",
    "The repairs will cost 4.2 million euros and take about eight months, the council said. Traffic will be "
    "diverted over the old ferry road while the bridge is shut to all vehicles.",
    "Engineers told councillors that without the work the bridge would have to close completely within two "
    "years, cutting the fishing port off from the motorway and the regional hospital.",
]


def cleaned(*lines: str, author: str | None = None) -> ExtractedPage:
    return clean(ExtractedPage(text="\n".join(lines), author=author))


def reasons(page: ExtractedPage) -> dict[str, str]:
    return {span.text: span.reason for span in page.removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This website uses cookies to improve your experience. Accept Read More", "cookie notice"),
        ("We value your privacy", "cookie notice"),
        ("Privacy & Cookies Policy", "cookie notice"),
        ("Share this article", "share/comment prompt"),
        ("Share on Facebook Twitter WhatsApp Email", "share/comment prompt"),
        ("Leave a Comment", "share/comment prompt"),
        ("12 comments", "share/comment prompt"),
        ("Sign up for our daily newsletter", "subscribe prompt"),
        ("Follow us on Instagram", "subscribe prompt"),
        ("Also Read: Ten things to know before the ferry strike", "related-links teaser"),
        ("You may also like", "related-links teaser"),
        ("READ MORE: Festival crowds break record", "related-links teaser"),
        ("Related Stories", "related-links teaser"),
        ("Home » News » Local", "breadcrumb"),
        ("By Maria Lopez", "byline"),
        ("By Maria Lopez and John Smith, Staff reporters", "byline"),
        ("Tags: bridge, council, transport", "category tags"),
        ("Filed under: Local news", "category tags"),
        ("5 min read", "reading time"),
        ("Updated: March 5, 2024 10:30 am", "dateline"),
        ("Friday, Sep 10, 2010 | Updated 8: 52 PM EDT", "dateline"),
        ("WASHINGTON —", "dateline"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("© 2024 Coastal Herald Media. All rights reserved.", "copyright notice"),
    ],
)
def test_chrome_patterns(line: str, reason: str) -> None:
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "By the time the vote was held, the bridge had been shut for a year.",
        "By Friday, Traffic Had Returned To The Ferry Road.",
        "By Monday, prices fell.",
        "Related to the closure, the ferry company added two crossings a day.",
        "Share prices of the construction firm rose after the vote.",
        "Comments from residents were mostly in favour of the repairs.",
        "Readers can sign a petition at the town hall until Friday.",
        "What the Council Decided",
        # A paragraph that is about cookies is content; notices are short.
        "The regulator said on Monday that websites which use cookies to track visitors must ask first, and "
        "that the banners many sites show, which say the site uses cookies and offer only an Accept button, "
        "break the rules because refusing must be as easy as accepting, a finding that affects thousands of "
        "news sites across the country.",
    ],
)
def test_content_lines_match_no_pattern(line: str) -> None:
    assert junk_reason(line) is None


def test_pattern_lines_leave_the_text_with_reasons() -> None:
    page = cleaned(PARAGRAPHS[0], "Advertisement", PARAGRAPHS[1], "You may also like", "Leave a Comment")
    assert page.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    assert reasons(page) == {
        "Advertisement": "advertisement",
        "You may also like": "related-links teaser",
        "Leave a Comment": "share/comment prompt",
    }


def test_pasted_unrelated_headline_is_off_topic() -> None:
    page = cleaned(*PARAGRAPHS, "Footage Shows Volcano Erupting Over Remote Island", "Volcano Erupting Over Island")
    assert page.text == "\n".join(PARAGRAPHS)
    assert reasons(page) == {
        "Footage Shows Volcano Erupting Over Remote Island": "off-topic line",
        "Volcano Erupting Over Island": "off-topic line",
    }


def test_pasted_headline_before_the_article_is_off_topic() -> None:
    page = cleaned("Pop Star Announces Surprise Stadium Tour", *PARAGRAPHS)
    assert reasons(page) == {"Pop Star Announces Surprise Stadium Tour": "off-topic line"}


@pytest.mark.parametrize(
    "line",
    [
        "Ferry Road Diversion Explained",  # a sub-heading sharing one subject word
        "What Happens Next",  # too few content words to judge
        "- Northern span cables replaced",  # a list item
        "“We cannot wait another winter,” the mayor told reporters.",  # a quote, closed like a sentence
        "Source: Municipal press office",  # a labelled field
    ],
)
def test_short_on_topic_and_content_lines_stay(line: str) -> None:
    page = cleaned(PARAGRAPHS[0], line, PARAGRAPHS[1], PARAGRAPHS[2])
    assert line in page.text.splitlines()
    assert page.removed == ()


def test_sentence_broken_over_lines_is_not_a_headline() -> None:
    lines = [
        PARAGRAPHS[0],
        "Residents of the old quarter, who have petitioned for the work since",
        "Autumn Festival Organisers Praised",
        "last year, welcomed the vote.",
        PARAGRAPHS[1],
    ]
    assert cleaned(*lines).removed == ()


def test_signature_lines_after_the_body() -> None:
    page = cleaned(*PARAGRAPHS, "", "Anna Kowalska", "", "HarbourPost.net")
    assert page.text == "\n".join(PARAGRAPHS)
    assert reasons(page) == {"Anna Kowalska": "author box", "HarbourPost.net": "site signature"}


def test_trailing_byline_is_an_author_box() -> None:
    page = cleaned(*PARAGRAPHS, "Maria Lopez", "Published by Maria Lopez", author="Maria Lopez")
    assert reasons(page) == {"Maria Lopez": "author box", "Published by Maria Lopez": "author box"}


def test_single_word_after_the_body_is_a_signature_only_when_it_is_the_author() -> None:
    assert reasons(cleaned(*PARAGRAPHS, "Henrik", author="Henrik")) == {"Henrik": "author box"}
    assert cleaned(*PARAGRAPHS, "Contact").removed == ()


def test_closing_list_is_not_a_signature() -> None:
    page = cleaned(*PARAGRAPHS, "- Ferry Road", "- Harbour Street")
    assert page.removed == ()


def test_earlier_removals_are_kept_and_blank_runs_close_up() -> None:
    earlier = RemovedSpan("Home » Local", "breadcrumb")
    page = clean(ExtractedPage(text=f"{PARAGRAPHS[0]}\n\nShare this article\n\n{PARAGRAPHS[1]}", removed=(earlier,)))
    assert page.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert page.removed == (earlier, RemovedSpan("Share this article", "share/comment prompt"))


def test_content_words_ignore_function_words_and_meet_across_inflections() -> None:
    assert content_words("The talks were cancelled") & content_words("talking about cancellations")
    assert content_words("It was and is for them") == set()
    assert content_words("forward-looking") == content_words("looking forward")


# ---- The example corpus ------------------------------------------------------------------------------------


def clean_corpus(folder: Path) -> dict[str, tuple[str, ExtractedPage]]:
    pages = {}
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        pages[path.name[:3]] = (raw, clean(extract(RawDocument(origin=str(path), kind="text", content=raw))))
    return pages


def test_budapest_junk_is_removed_with_reasons(budapest_corpus: Path) -> None:
    pages = clean_corpus(budapest_corpus)
    expected = {
        "000": {
            "You may also like": "related-links teaser",
            "Leave a Comment": "share/comment prompt",
            "Privacy & Cookies Policy": "cookie notice",
            "by Henry": "byline",
            "0 comments 4 minutes read": "reading time",
        },
        "002": {
            "Footage Charlie Kirk has been shot": "off-topic line",
            "Charlie Kirk has been shot": "off-topic line",
        },
        "003": {"Thế Anh": "author box", "CaliToday.Net": "site signature", "Friday, October 31, 2025": "dateline"},
        "004": {"Published by Nisha Srivastava": "author box", "Categories: World": "category tags"},
    }
    for name, spans in expected.items():
        _, page = pages[name]
        for text, reason in spans.items():
            assert reasons(page).get(text) == reason, (name, text)
            assert text not in page.text, (name, text)
    cookie = [s for s in pages["000"][1].removed if s.text.startswith("This website uses cookies")]
    assert [s.reason for s in cookie] == ["cookie notice"]
    also_read = [s for s in pages["004"][1].removed if s.text.startswith("Also Read:")]
    assert [s.reason for s in also_read] == ["related-links teaser"]
    assert "Nisha Srivastava" not in pages["004"][1].text
    assert pages["001"][1].removed == ()


def test_budapest_no_body_paragraph_is_lost(budapest_corpus: Path) -> None:
    for name, (raw, page) in clean_corpus(budapest_corpus).items():
        kept = [line.strip() for line in page.text.splitlines()]
        for paragraph in (line.strip() for line in raw.splitlines()):
            if len(paragraph.split()) < 15 or paragraph.startswith("This website uses cookies"):
                continue
            # The headline moves to the title; the outlet's "Name (date):" prefix leaves the first paragraph.
            found = paragraph == page.title or any(line and paragraph.endswith(line) for line in kept)
            assert found, (name, paragraph[:60])


def test_budapest_subheadings_and_list_items_stay(budapest_corpus: Path) -> None:
    pages = clean_corpus(budapest_corpus)
    lines_000 = [line.strip() for line in pages["000"][1].text.splitlines()]
    assert "Summit Agreement Emerges, Then Collapses" in lines_000
    assert "What’s Next? Forward-Looking Outlook" in lines_000
    assert "• A formal guarantee that Ukraine will not join NATO." in lines_000
    assert "Why Was the Summit Cancelled?" in [line.strip() for line in pages["004"][1].text.splitlines()]
