"""Alignment recall: short lines two outlets relay word for word are statements, and the statements of a quote two
outlets relay stay one claim when average linkage parts them; neither lets alike but different words group."""

from __future__ import annotations

import numpy as np

from corroborate import align
from corroborate.records import Article, Sentence


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


def sentence(article_id: str, index: int, text: str) -> Sentence:
    return Sentence(article_id, index, index * 100, text)


def claims_of(articles: dict[str, list[str]]) -> list:
    by_article = {a: [sentence(a, i, text) for i, text in enumerate(texts)] for a, texts in articles.items()}
    groups = align.group_statements(align.statements(by_article))
    return align.claims_from_groups(groups, {a: article(a, " ".join(texts)) for a, texts in articles.items()})


LONG_A = ["The mayor posted three messages on Friday night about the audit of the transit fund."]
LONG_B = ["Late on Friday the mayor wrote a series of posts attacking the auditors of the transit fund."]


def test_a_short_line_two_outlets_relay_word_for_word_is_a_corroborated_claim() -> None:
    claims = claims_of({
        "a": [*LONG_A, "Also, he leaked classified information."],
        "b": [*LONG_B, '"Also, he leaked classified information.'],
    })
    relayed = [claim for claim in claims if "leaked classified information" in claim.text]
    assert len(relayed) == 1
    assert relayed[0].status == "corroborated" and set(relayed[0].sources) == {"a", "b"}


def test_a_short_line_only_one_outlet_gives_is_no_statement() -> None:
    by_article = {
        "a": [sentence("a", 0, LONG_A[0]), sentence("a", 1, "Also, he leaked classified information.")],
        "b": [sentence("b", 0, LONG_B[0]), sentence("b", 1, "Also, he shared classified information.")],
    }
    assert [s.text for s in align.statements(by_article)] == [LONG_A[0], LONG_B[0]]


def test_short_lines_sharing_a_rare_word_but_saying_different_things_are_no_statements() -> None:
    by_article = {
        "a": [sentence("a", 0, "The new hotline failed twice.")],
        "b": [sentence("b", 0, "The new hotline worked twice.")],
    }
    assert align.statements(by_article) == []


def test_stock_lines_questions_and_lines_of_copies_are_no_relayed_statements() -> None:
    stock, question = "He declined to comment.", "Will the hunt continue?"
    by_article = {
        "a": [sentence("a", 0, stock), sentence("a", 1, question)],
        "b": [sentence("b", 0, stock), sentence("b", 1, question)],
    }
    assert align.statements(by_article) == []
    # Two copies of one article share every line: what they share is not relayed by two voices.
    copy = [*LONG_A, "Also, he leaked classified information.", "The fund lost money twice last year."]
    by_article = {a: [sentence(a, i, text) for i, text in enumerate(copy)] for a in ("a", "b")}
    assert all(s.text != copy[1] for s in align.statements(by_article))


def anchored(texts: list[tuple[str, str]], groups: list[tuple[set[int], int]], anchors: list[list[int]]) -> list:
    sentences = [sentence(a, i, text) for i, (a, text) in enumerate(texts)]
    # Each statement's best match with each other: close within the groups given, far apart otherwise.
    similarity = np.full((len(texts), len(texts)), 0.2)
    for members, _ in groups:
        for first in members:
            for second in members:
                similarity[first, second] = 0.95
    best = align.HeldSimilarity(similarity, np.arange(len(texts)))
    return align._with_anchor_groups(list(groups), anchors, sentences, best, align.DEFAULT_SETTINGS)


QUOTING = [
    ("a", 'The mayor told the auditor that he doubted the treasurer: "The man has terrible instincts with money."'),
    ("a", "The auditors, they said, show the mayor was blind with bias and had bad instincts."),
    ("b", 'Telling the story, the mayor tapped his head and said "the man has terrible instincts with money."'),
    ("b", "At one point the auditor wrote that the mayor had grave doubts about the treasurer."),
]


def test_statements_relaying_one_quote_that_linkage_parts_become_one_claim() -> None:
    groups = [({0, 3}, 0), ({1, 2}, 1)]  # the quote's two statements each joined something else
    result = anchored(QUOTING, groups, [[0, 2]])
    assert result[:2] == groups and [members for members, _ in result[2:]] == [{0, 2}]


def test_a_relayed_quote_held_by_one_group_adds_none() -> None:
    groups = [({0, 2, 3}, 0)]
    assert anchored(QUOTING, groups, [[0, 2]]) == groups


def test_an_anchor_on_statements_not_sharing_the_quote_words_adds_none() -> None:
    # The anchor names the statement before a quote that starts in a short line: the words are not in it.
    texts = [
        ("a", "Hosting the visiting president, the mayor again called the transit agreement ridiculous and insane."),
        ("b", 'He said he would see "whether or not it will be possible to do a new deal with solid foundations."'),
    ]
    assert anchored(texts, [], [[0, 1]]) == []
    # Sharing a rare word is not sharing the quote.
    texts = [
        ("a", 'Officials said the new "hotline" between the two leaders was installed on Friday in the palace.'),
        ("b", 'The two governments ran a "hotline" at the border village for years before it was cut off.'),
    ]
    assert anchored(texts, [], [[0, 1]]) == []


def test_the_lead_in_of_a_list_closed_by_a_colon_is_a_statement() -> None:
    lead_in = sentence("a", 0, "Instead, the council repeated its long-standing conditions, which reportedly include:")
    assert align.statements({"a": [lead_in]}) == [lead_in]


def test_a_short_label_or_an_unclosed_line_before_a_list_is_no_statement() -> None:
    label = sentence("a", 0, "Key points of the plan:")
    unclosed = sentence("a", 1, "The council repeated its long-standing conditions, which reportedly include")
    assert align.statements({"a": [label, unclosed]}) == []


def test_a_heading_before_a_list_is_no_statement() -> None:
    headings = [
        sentence("a", 0, "The orchestra's spring tour 2026 dates and venues:"),
        sentence("a", 1, "Here are some of the highlights of the plan:"),
    ]
    assert align.statements({"a": headings}) == []
