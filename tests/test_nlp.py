"""Sentence boundaries of news text: line breaks end sentences, except where a scrape cut one in two."""

from __future__ import annotations

import numpy as np

from corroborate import nlp
from corroborate.nlp import ENTITY_PIPES, PARSE_PIPES, spacy_pipeline
from corroborate.records import Sentence
from corroborate.sentences import is_statement, sentences_of


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


def test_a_word_opening_a_paragraph_stays_with_its_verb() -> None:
    # The parser alone cuts "Ottawa" off as a sentence of its own here, leaving "officially ..." with no subject.
    text = ("Government Confirms Closure\n\nOttawa officially\u00a0closed both the embassy and the consulate in "
            "the capital. The minister told reporters that he is not interested at all.\n\nPresident Smith earlier "
            "appeared open to talks. She said so twice.")
    assert sentences(text) == [
        "Government Confirms Closure",
        "Ottawa officially\u00a0closed both the embassy and the consulate in the capital.",
        "The minister told reporters that he is not interested at all.",
        "President Smith earlier appeared open to talks.",
        "She said so twice.",
    ]


def test_a_title_whose_full_stop_the_tokeniser_split_off_goes_on_with_its_name() -> None:
    # spaCy keeps "Mr." whole but splits "Sgt." into "Sgt" and ".": the quote's speaker is then "Sgt" alone.
    text = '"She was calm," said Sgt. Dana Whitfield of the county police. Capt. Ruiz agreed. Then he left.'
    assert sentences(text) == [
        '"She was calm," said Sgt. Dana Whitfield of the county police.',
        "Capt. Ruiz agreed.",
        "Then he left.",
    ]
    # Hard case: a full stop after a lower-case word is a sentence's end.
    assert sentences("The patrol was led by a sgt. Later that day it rained.") == [
        "The patrol was led by a sgt.",
        "Later that day it rained.",
    ]


def test_embeddings_batched_by_token_length_are_each_text_s_own_in_the_order_given() -> None:
    texts = [
        "The council approved the budget.",
        "Protesters gathered outside the hall on Tuesday morning, chanting slogans about rents and transit fares.",
        "The council approved the budget.",
        "Rain.",
        *(f"Item {k} of the agenda was postponed until the next session of the council." for k in range(20)),
    ]
    vectors = nlp.embed(texts)
    alone = np.vstack([nlp.embed([text]) for text in texts])
    assert vectors.shape == (len(texts), 384) and np.array_equal(vectors[0], vectors[2])
    assert np.allclose(vectors, alone, rtol=0, atol=1e-5)  # batch-mates move a vector in its last bits only
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    batches = nlp._batches_by_length(texts, 16)
    assert sorted(k for batch in batches for k in batch) == list(range(len(texts)))
    assert [len(batch) for batch in batches] == [16, len(texts) - 16] and 1 in batches[0] and 3 in batches[-1]


def test_a_statement_may_close_with_a_spaced_quote_mark_but_a_heading_is_no_statement() -> None:
    def statement(text: str) -> bool:
        return is_statement(Sentence("a", 0, 0, text))

    assert statement("\"The mayor said ' the bridge thing ' is nonsense but that the council had doubts. '\"")
    assert statement("He replied, ' you will get that from me, and soon enough. '")
    assert not statement("The Mayor's Memo Demands and Why They Matter Now")
    assert not statement("Mayor said the council would vote on the bridge repairs ' next")


def test_the_entity_pipeline_leaves_out_the_shared_token_vectors_and_finds_the_same_entities() -> None:
    # The shared tok2vec feeds the tagger and the parser only: the recogniser alone finds what it finds beside it.
    text = ("Harbor Board Names New Chair\n\nThe Harbor Board of Port Alder named Mina Okafor its chair on "
            "Tuesday, two weeks after the Alder County council voted to expand the North Pier terminal.\n\n"
            "Okafor, who ran the Lakeside Freight Company for 12 years, said the board would meet in March.")
    entities = spacy_pipeline(ENTITY_PIPES)(text).ents
    beside_token_vectors = spacy_pipeline(("tok2vec", "ner"))(text).ents
    assert "tok2vec" not in spacy_pipeline(ENTITY_PIPES).pipe_names
    assert len(entities) >= 5
    assert [(ent.start_char, ent.end_char, ent.label_) for ent in entities] == [
        (ent.start_char, ent.end_char, ent.label_) for ent in beside_token_vectors]
