"""Sentence boundaries of news text: line breaks end sentences, except where a scrape cut one in two."""

from __future__ import annotations

from corroborate.nlp import PARSE_PIPES, spacy_pipeline
from corroborate.sentences import sentences_of


def sentences(text: str) -> list[str]:
    return [sentence.text for sentence in sentences_of("a", spacy_pipeline(PARSE_PIPES)(text))]


def test_a_sentence_cut_by_a_paragraph_break_stays_one_sentence() -> None:
    text = ('"The mayor brought up the bridge and said it really bothered\n\n[her] that the repairs were late," '
            "the memo says.\n\nThe council met on Monday.")
    assert sentences(text) == [
        '"The mayor brought up the bridge and said it really bothered\n\n[her] that the repairs were late," '
        "the memo says.",
        "The council met on Monday.",
    ]


def test_headings_and_list_lines_still_end_at_their_line_break() -> None:
    text = "Related coverage\n\nthe bridge reopens in May.\nA heading\nAnother line follows."
    assert sentences(text) == ["Related coverage", "the bridge reopens in May.", "A heading", "Another line follows."]
