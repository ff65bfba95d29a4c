"""Junk removal: chrome lines leave the text with their reason; on-topic lines, however short, stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from corroborate.clean import clean, content_words, dateline_prefix, junk_reason, rejoin_clitics
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
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright notice"),
        # The newsroom's own lines: credits, captions, video teasers, contact lines, links and prompts.
        ("Associated Press writer Anna Kowalska contributed to this report.", "credit line"),
        ("Associated Press writers Anna Kowalska and Tom Berg contributed.", "credit line"),
        ("Maria Lopez contributed reporting from Lisbon, and Tom Berg from Oslo.", "credit line"),
        ("(Reporting by Anna Kowalska; Editing by Tom Berg)", "credit line"),
        ("Additional reporting by Tom Berg in Oslo", "credit line"),
        ("Contributing: Maria Lopez", "credit line"),
        ("The mayor visits the harbour bridge on Tuesday. (AP Photo/Anna Kowalska)", "image caption"),
        ("Divers inspect the northern span. (Photo by Tom Berg/Getty Images)", "image caption"),
        ("Photo: Reuters", "image caption"),
        ("Lorries queue at the ferry road. Tom Berg/AFP via Getty Images", "image caption"),
        ("Maria Lopez, left, and the harbour master on the bridge in March.", "image caption"),
        (
            "Maria Lopez, the harbour master, during the council's winter meeting in Porthaven last February.",
            "image caption",
        ),
        # Present-tense captions of a past moment: the tenses clash, or the wire dates the picture.
        ("The mayor addresses the press as she met with the harbour engineers at the port.", "image caption"),
        ("Maria Lopez waves to supporters while she walked to the town hall in Porthaven.", "image caption"),
        (
            "Harbour master Tom Berg speaks during a news conference at the port in Porthaven, Tuesday, March 3, 2020.",
            "image caption",
        ),
        ("FILE - In this March 3, 2020, file photo, lorries queue at the ferry road.", "image caption"),
        ("This photo released by the port authority shows the corroded cables.", "image caption"),
        ("Harbour Radio's Tom Berg has that story.", "video teaser"),
        # A programme's segment: guests react on, or join, a show named in quote marks.
        (
            "The bridge closure is debated in parliament; engineer Maria Lopez and mayor Tom Berg react on "
            "' The Evening Show. '",
            "video teaser",
        ),
        ("Former minister Maria Lopez reacts on 'Harbour Tonight.'", "video teaser"),
        ("Former minister Maria Lopez joins “Harbour Today” to discuss the repairs.", "video teaser"),
        ("The bridge has been shut since March; chief correspondent Tom Berg reports from the port.", "video teaser"),
        ("Harbour bridge shut to lorries after cables corrode AP", "video teaser"),
        ("More: Ten things to know about the ferry strike.", "related-links teaser"),
        ("SEE MORE: Ferry strike enters its second week", "related-links teaser"),
        ("Watch: Drone footage of the corroded cables", "related-links teaser"),
        ("[Related: Ferry strike enters its second week]", "related-links teaser"),
        ("Follow our full coverage of the harbour at https://example.com/harbour", "related-links teaser"),
        ("Most read in local news", "related-links teaser"),
        ("Maria Lopez can be reached at mlopez@example.com. Follow her on Twitter @mlopez.", "author box"),
        ("Email Tom Berg at tberg@example.com or follow him @tberg.", "author box"),
        ("mlopez@example.com", "author box"),
        ("Follow the Coastal Herald on Facebook, Twitter and Instagram.", "subscribe prompt"),
        ("Get the day's top stories delivered to your inbox every morning.", "subscribe prompt"),
        ("Like this story? Share it with a friend!", "share/comment prompt"),
        ("This copy is for your personal, non-commercial use only.", "copyright notice"),
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
        # Article sentences worded like the newsroom's own lines.
        "Reporting from the scene, Maria Lopez said the cables had rusted through.",
        "“The cables snapped like string,” a reporter for the Coastal Herald told the inquiry.",
        "He contributed reporting to the council's inquiry into the closure.",
        "The ferry company contributed 2 million euros to the repairs.",
        "The closure was first reported by AP.",
        "Shares in the construction firm fell, a spokesman told AFP.",
        "A council spokesman confirmed the figures to Reuters.",
        "Voters moved to the right, left, and centre of the harbour debate.",
        "Follow the ferry road signs on the way to the port.",
        "More than 200 lorries crossed the bridge every day.",
        "Watch for diversions on the ferry road, the council said.",
        "The island can be reached by ferry from the harbour in 300 minutes.",
        "Photographers were kept away from the bridge on Tuesday.",
        "The photo shows the northern span before the cables corroded.",
        "Maria Lopez, the harbour master, at first refused to comment on the vote.",
        "Maria Lopez, the harbour master, on Tuesday won the vote on the repairs.",
        "Maria Lopez, the harbour master, in a statement calls the vote a disgrace.",
        "Lorry traffic rose 3 percent last year; The Harbour Gazette reports.",
        "More extensive coverage of the strike is planned for next week.",
        # Present-tense leads and sentences about a programme that are no captions.
        "The president addresses the nation tonight as the strike enters its second week.",
        "The president addresses the nation tonight as he faces calls to resign.",
        "The mayor speaks on Friday, a day after she won the vote.",
        "The minister testifies on Thursday as the inquiry enters its final week.",
        "The mayor speaks at the harbour on March 3, 2020, the council said.",
        "Officials said the minister visits the port while she was in office.",
        "The actor said on 'The Evening Show.'",
        "The minister weighs in on 'Harbour First.'",
        "Critics react to 'The Evening Show' with anger.",
        "Maria Lopez joins 'The Evening Show' as its new host.",
        "In this town, the photo shows what the council has not repaired.",
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


def test_dateline_is_cut_from_the_first_paragraph_which_stays() -> None:
    page = cleaned("Harbour Bridge Closed", f"PORTHAVEN, Wales (AP) — {PARAGRAPHS[0]}", PARAGRAPHS[1])
    assert page.text.splitlines() == ["Harbour Bridge Closed", PARAGRAPHS[0], PARAGRAPHS[1]]
    assert page.removed == (RemovedSpan("PORTHAVEN, Wales (AP) —", "dateline"),)


PARIS_LINE = "PARIS — Officials there said the bridge design would be studied by French engineers."


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("WASHINGTON — The council voted on Tuesday to fund the repairs.", "WASHINGTON — "),
        ("ST. JOSEPH, Mich. (AP) — Health officials reported a sixth case.", "ST. JOSEPH, Mich. (AP) — "),
        ("LONDON (Reuters) - Oil prices fell sharply on Tuesday on supply fears.", "LONDON (Reuters) - "),
        ("BERLIN -- The space agency says the tests will resume next year.", "BERLIN -- "),
        ("WEST PALM BEACH, Fla. ― The president said talks would go ahead.", "WEST PALM BEACH, Fla. ― "),
        ("Port Haven (Newswire Business)Shares fell in early trading.", "Port Haven (Newswire Business)"),
        ("Port Haven, Wales (Newswire)“We are open,” the mayor said.", "Port Haven, Wales (Newswire)"),
        # an acronym opening an aside, a hyphenated pair, a heading, a ticker: no datelines
        ("Acme (ACME) Shares fell in early trading.", None),
        ("Acme Corp (ACME) shares fell in early trading.", None),
        ("NATO — the alliance's oldest forum — said on Monday it would meet again.", None),
        ("US - China talks resumed on Monday in Geneva after a long break.", None),
        ("PEPA – Universitätsklinikum Heidelberg (UKHD)", None),
        ("The council voted — narrowly — to fund the repairs.", None),
    ],
)
def test_dateline_prefix(line: str, prefix: str | None) -> None:
    assert dateline_prefix(line) == prefix


def test_dateline_far_into_the_story_stays() -> None:
    aside = "NATO — the alliance's oldest forum — met on Monday to discuss the bridge, officials said."
    assert cleaned(aside, *PARAGRAPHS).removed == ()
    sentences = [sentence for paragraph in PARAGRAPHS for sentence in paragraph.split(". ")]
    lines = [*sentences, "Ferry Road Diversion Explained", "What Happens Next", PARIS_LINE]
    assert cleaned(*lines).removed == ()


QUOTED = (
    '"Without the repairs the port would be cut off from the hospital within two years," said Anna Kowalska, '
    "the council's chief engineer, who inspected the cables in March."
)


def test_pull_quote_with_its_attribution_leaves_the_text() -> None:
    pull = "[The port] would be cut off from the hospital within two years."
    page = cleaned(PARAGRAPHS[0], QUOTED, PARAGRAPHS[1], pull, "Anna Kowalska, chief engineer.", PARAGRAPHS[2])
    assert page.text.splitlines() == [PARAGRAPHS[0], QUOTED, PARAGRAPHS[1], PARAGRAPHS[2]]
    assert reasons(page) == {pull: "pull quote", "Anna Kowalska, chief engineer.": "pull quote"}


@pytest.mark.parametrize(
    "line",
    [
        # a sentence that a longer one restates, outside quote marks, is the article's own
        "The repairs will cost 4.2 million euros and take about eight months.",
        # an equal line: a list's repeated item as well as a repeated quote
        QUOTED,
        # too short to tell a pull quote from a phrase two quotes share
        "The port would be cut off.",
    ],
)
def test_repeated_words_that_are_no_pull_quote_stay(line: str) -> None:
    page = cleaned(PARAGRAPHS[0], QUOTED, PARAGRAPHS[1], line, PARAGRAPHS[2])
    assert page.removed == ()


def test_video_description_above_its_presenter_line_goes_with_it() -> None:
    blurb = "A council vote to shut the harbour bridge, cutting the fishing port off from the motorway."
    page = cleaned("Harbour bridge to close", blurb, "Harbour Radio's Tom Berg has that story.", *PARAGRAPHS)
    assert reasons(page)[blurb] == "video teaser"
    assert page.text.splitlines()[0] == "Harbour bridge to close"
    assert all(paragraph in page.text for paragraph in PARAGRAPHS)


def test_headline_above_a_presenter_line_stays() -> None:
    page = clean(
        ExtractedPage(
            text="\n".join(("Harbour bridge to close", "Harbour Radio's Tom Berg has that story.", *PARAGRAPHS)),
            title="Harbour bridge to close",
        )
    )
    assert page.text.splitlines()[0] == "Harbour bridge to close"


def test_paragraph_above_a_presenter_line_stays() -> None:
    paragraph = " ".join(PARAGRAPHS[:2])
    page = cleaned(PARAGRAPHS[2], paragraph, "Harbour Radio's Tom Berg has that story.")
    assert paragraph in page.text
    assert reasons(page) == {"Harbour Radio's Tom Berg has that story.": "video teaser"}


def test_link_after_a_bare_related_label_goes_with_it() -> None:
    page = cleaned(PARAGRAPHS[0], "Related:", "Mayor opens the new ferry terminal.", PARAGRAPHS[1])
    assert page.text.splitlines() == [PARAGRAPHS[0], PARAGRAPHS[1]]
    assert reasons(page) == {
        "Related:": "related-links teaser",
        "Mayor opens the new ferry terminal.": "related-links teaser",
    }


def test_short_line_between_two_links_is_a_link() -> None:
    links = ["More: Ferry strike enters its second week.", "Harbour Watch: Why the cables rusted.", "Related:"]
    page = cleaned(PARAGRAPHS[0], *links, "Mayor opens the new ferry terminal.", PARAGRAPHS[1])
    assert page.text.splitlines() == [PARAGRAPHS[0], PARAGRAPHS[1]]
    assert set(reasons(page).values()) == {"related-links teaser"}
    # a paragraph after a link is the article going on
    page = cleaned(PARAGRAPHS[0], links[0], PARAGRAPHS[1], PARAGRAPHS[2])
    assert page.text.splitlines() == [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]


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


# ---- NewsWCL50 (development events) ------------------------------------------------------------------------

# The newsroom lines the development events carry, each with the reason it leaves the text.
WCL_JUNK = {
    "Mark Landler contributed reporting from Washington, Motoko Rich from Tokyo and Rick Gladstone from New York.": (
        "credit line"
    ),
    "A photograph released by North Korea's state news agency shows the North's leader, Kim Jong-un, center, at a "
    "ruling party meeting in the capital, Pyongyang, on Friday.": "image caption",
    "Michael T. Flynn, right, the former national security adviser, with Mr. Trump in January 2017.": "image caption",
    "Tom Perez, the chairman of the Democratic Party, during the party's winter meeting in Atlanta last February.": (
        "image caption"
    ),
    "North Korea's Kim suspends nuclear, missile test AP.": "video teaser",
    "Veuer's Nick Cardona has that story.": "video teaser",
    # the video's description above its presenter line
    "A major lawsuit from the Democratic National Committee, targeting the Russians, the Trump campaign and "
    "Wikileaks for conspiring to help the President win the 2016 election.": "video teaser",
    # a show's segment, whose present-tense summary would otherwise read as a claim
    "James Comey's memos regarding interactions with President Trump are released to Congress; Harvard Law "
    "professor Alan Dershowitz and Fox News legal analyst Gregg Jarrett react on ' Hannity. '": "video teaser",
    "More: A minute-by-minute guide to USA TODAY's exclusive interview with James Comey.": "related-links teaser",
    "James Comey on Trump: He tweets at me ' like the breakup he can't get over '.": "related-links teaser",
    "The Bubble: Conservatives and liberals agree James Comey's book didn't do him any favors.": "related-links teaser",
    # set off in quotes before the paragraph that tells it
    "' During the 2016 presidential campaign, Russia launched an all-out assault on our democracy, and it found a "
    "willing and active partner in Donald Trump's campaign. '": "pull quote",
    "SEOUL, South Korea —": "dateline",
}


def wcl_pages(event: int) -> list[tuple[str, ExtractedPage]]:
    path = shared_path("data", "newswcl50-dev", f"event-{event}.jsonl")
    pages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        doc = RawDocument(origin=f"{path}#line-{number}", kind="text", content=record["text"], url=record["url"])
        pages.append((record["text"], clean(extract(doc))))
    return pages


def test_newswcl50_newsroom_lines_leave_with_reasons() -> None:
    removed = {span.text: span.reason for event in (1, 2, 3) for _, page in wcl_pages(event) for span in page.removed}
    for text, reason in WCL_JUNK.items():
        assert removed.get(text) == reason, text


def test_newswcl50_dateline_leaves_its_sentence() -> None:
    nytimes = next(page for raw, page in wcl_pages(2) if "SEOUL, South Korea —" in raw)
    opening = "North Korea's leader, Kim Jong-un, announced early Saturday that his country no longer needed"
    assert any(line.startswith(opening) for line in nytimes.text.splitlines())
    assert "SEOUL" not in nytimes.text


def test_newswcl50_no_article_sentence_is_lost() -> None:
    for event in (1, 2, 3):
        for raw, page in wcl_pages(event):
            kept = {" ".join(line.split()) for line in page.text.splitlines()}
            for line in (" ".join(rejoin_clitics(line).split()) for line in raw.splitlines()):
                if len(line.split()) < 8 or line in WCL_JUNK or line == page.title:
                    continue
                assert line in kept or any(line.endswith(k) for k in kept if k), (event, line[:60])


def test_ecbplus_article_text_loses_no_line_as_caption_or_teaser() -> None:
    """ECB+ holds article text only (its lines naming photos or videos are sentences about them)."""
    folder = shared_path("data", "ecbplus-train-dev")
    for path in sorted(folder.glob("*.txt")):
        page = clean(ExtractedPage(text=path.read_text(encoding="utf-8")))
        assert not [span for span in page.removed if span.reason in ("image caption", "video teaser")], path.name


@pytest.mark.parametrize(
    ("split", "joined"),
    [
        ("The mayor hadn’ t seen the report.", "The mayor hadn’t seen the report."),
        ("She said it’ s over and they’ re leaving; I’ m sure we’ ll see.",
         "She said it’s over and they’re leaving; I’m sure we’ll see."),
        ("The club’ s coach does n’t agree.", "The club’s coach doesn’t agree."),
        ("Ann Lee ’s office said we 've waited.", "Ann Lee’s office said we've waited."),
        ("The Red Sox’ s new pitcher.", "The Red Sox’s new pitcher."),
    ],
)
def test_split_contractions_are_joined(split: str, joined: str) -> None:
    assert cleaned(PARAGRAPHS[0], split).text.endswith(joined)


@pytest.mark.parametrize(
    "line",
    [
        "The players’ t-shirts were sold out, the fans’ d-day came.",
        "Press the 's' key, then the ‘ m ’ one.",
        "The teams’ managers met.",
    ],
)
def test_apostrophes_that_are_no_split_contraction_stay(line: str) -> None:
    assert cleaned(PARAGRAPHS[0], line).text.endswith(line)
