"""Quotes: the speaker a sentence of the writer's names right after quoted sentences that name none, where the
splitter cut the attribution off after the closing mark ('"... boat!"' + 'the guards announced.')."""

from __future__ import annotations

import pytest
from conftest import quotes_of
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.claims.quotes import _subject, quote_spans
from corroborate.nlp import spacy_pipeline
from corroborate.records import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def speakers(quotes: list[Quote]) -> dict[str, str | None]:
    return {quote.text: quote.attribution.speaker if quote.attribution else None for quote in quotes if quote.direct}


def test_a_sentence_saying_who_spoke_after_a_quote_names_its_speaker_and_hands_it_on(nlp: Language) -> None:
    text = (
        "The crew searched the bay all night.\n"
        '"We found the boat, we found the boat!" the harbour guards announced on their radios. '
        '"Nobody on board is hurt."'
    )
    assert speakers(quotes_of(nlp, text)) == {
        "We found the boat, we found the boat!": "the harbour guards",
        "Nobody on board is hurt": "the harbour guards",
    }


def test_a_question_named_after_it_hands_no_speaker_to_the_answer(nlp: Language) -> None:
    text = (
        'The crew searched the bay.\n"Is the ferry running today, or is the harbour closed?" Ann Lee asked. '
        '"We need to know."'
    )
    assert speakers(quotes_of(nlp, text)) == {
        "Is the ferry running today, or is the harbour closed?": "Ann Lee",
        "We need to know": None,
    }


def test_a_statement_of_its_own_or_a_new_paragraph_after_a_quote_names_no_speaker(nlp: Language) -> None:
    # A sentence that reports a clause of its own is a statement, not the quote's attribution.
    text = (
        'The crew searched the bay all night.\n"Is the ferry running today, or is the harbour closed?" Ann Lee '
        "said the harbour had closed."
    )
    assert speakers(quotes_of(nlp, text))["Is the ferry running today, or is the harbour closed?"] is None
    # Nor does a sentence of the next paragraph.
    text = (
        'The crew searched the bay all night.\n"We found the boat, we found the boat!"\nThe harbour guards announced '
        "on their radios."
    )
    assert speakers(quotes_of(nlp, text))["We found the boat, we found the boat!"] is None


def test_a_writing_that_reads_gives_its_words(nlp: Language) -> None:
    text = (
        "The board met on Monday.\n"
        '"The ferry will not run again until the spring storms end," read a joint statement from the harbour board.\n'
        '"We regret the delay to every passenger who relies on it," the statement read.'
    )
    found = speakers(quotes_of(nlp, text))
    statement = "a joint statement from the harbour board"
    assert found["The ferry will not run again until the spring storms end"] == statement
    assert found["We regret the delay to every passenger who relies on it"] == "the statement"
    # Hard case: a thing that is no writing reads words, it does not say them.
    text = 'The old sign read "Closed for the winter season until further notice" in red letters.'
    assert speakers(quotes_of(nlp, text)) == {"Closed for the winter season until further notice": None}


def test_a_subjectless_verb_the_parser_hung_on_quoted_words_goes_on_the_report_above_them(nlp: Language) -> None:
    # Ann Lee noted that Tom Baker "never wrote it," adding more.  ("adding" hung on the quoted "wrote".)
    words = ["Ann", "Lee", "noted", "that", "Tom", "Baker", '"', "never", "wrote", "it", ",", '"', "adding", "more",
             "."]
    heads = [1, 2, 2, 8, 5, 8, 8, 8, 2, 8, 8, 8, 8, 12, 2]
    deps = ["compound", "nsubj", "ROOT", "mark", "compound", "nsubj", "punct", "neg", "advcl", "dobj", "punct",
            "punct", "advcl", "dobj", "punct"]
    spaces = [True, True, True, True, True, True, False, True, True, False, False, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps,
              sent_starts=[True] + [False] * (len(words) - 1))
    subject = _subject(doc[12], quote_spans(doc[:], doc.text))
    assert subject is not None and subject.text == "Lee"
    # Hard case: a verb outside the quoted words ('Tom Baker wrote "it," adding more') keeps its subject.
    subject = _subject(doc[12], [(doc[9].idx, doc[10].idx + 1)])
    assert subject is not None and subject.text == "Baker"


def test_a_pronoun_adding_words_after_a_quote_paragraph_names_its_speaker(nlp: Language) -> None:
    opening = (
        "The harbour reopened on Monday after the storm. Harbour master Ann Lee spoke to reporters at the quay.\n"
        '"We will rebuild the old bridge by spring, whatever it costs the town."\n'
    )
    found = speakers(quotes_of(nlp, opening + '"The ferry will run until then," she added.'))
    assert found["We will rebuild the old bridge by spring, whatever it costs the town"] == "Ann Lee"
    # Hard case: a name adding words is as often another speaker's turn.
    found = speakers(quotes_of(nlp, opening + '"The ferry will run until then," Tom Baker adds.'))
    assert found["We will rebuild the old bridge by spring, whatever it costs the town"] is None


def test_spaced_marks_pair_with_the_right_speaker(nlp: Language) -> None:
    text = (
        "The harbour master spoke on Monday.\n"
        'The mayor paused, " Tom Baker said the ferry would stay all winter," Ann Lee added.\n'
        '"The ferry will run again by the end of June, " Tom Baker said, "and the bridge will follow in the autumn."'
    )
    assert speakers(quotes_of(nlp, text)) == {
        "Tom Baker said the ferry would stay all winter": "Ann Lee",
        # Hard case: a spaced closing mark before a speaker and a verb stays a closing one.
        "The ferry will run again by the end of June": "Tom Baker",
        "and the bridge will follow in the autumn": "Tom Baker",
    }
