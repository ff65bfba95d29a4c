"""Quotes: sources other than a person saying the words in the writer's sentence — a review or a letter signed
on the line after it ("– Ann Okafor, Velmont"), a writing that gives its words ('"...," the lawsuit states', 'the
complaint reads'), a verb of speech with its particle read as an adverb ("weighed in, telling ..."), and whom
"they" stands for when several people or one are named before it."""

from __future__ import annotations

import pytest
from conftest import quotes_of, speaker_of
from spacy.language import Language

LETTERS = "Velmont residents wrote to the paper about the harbour.\n\n"


def test_a_quoted_paragraph_signed_on_the_next_line_is_the_signers(nlp: Language) -> None:
    text = LETTERS + (
        "“The ferry ran late every day for a month in the winter. Nobody at the harbour told us why.”\n\n"
        "– Ann Okafor, Velmont\n\n"
        "“The harbour is a disgrace and the council does nothing about it at all.”\n\n"
        "– Jo** Ma***\n\n"
        "“The new pier is the best thing the council has built in years, and the ferry is on time now.”\n\n"
        "– Ann***\n"
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "ferry ran late") == "Ann Okafor"
    assert speaker_of(quotes, "Nobody at the harbour") == "Ann Okafor"
    # A name the site masked is the signer's as printed; it names no one the story knows.
    signed = next(quote for quote in quotes if "disgrace" in quote.text)
    assert signed.attribution is not None
    assert (signed.attribution.speaker, signed.attribution.named) == ("Jo** Ma***", False)
    # A masked name is no known person's, even where its letters begin one's name.
    assert speaker_of(quotes, "new pier") == "Ann***"


@pytest.mark.parametrize(
    "line",
    [
        "– Updated on Monday at noon",  # a note of the page, not a signature
        "- Free parking near the harbour",  # an item of a list
        "– Velmont Harbour Times",  # no person the story knows, no masked name
    ],
)
def test_a_dash_line_that_signs_no_one_names_no_speaker(nlp: Language, line: str) -> None:
    text = LETTERS + f"“The ferry ran late every day for a month in the winter.”\n\n{line}\n"
    assert speaker_of(quotes_of(nlp, text), "ferry ran late") is None


def test_a_signature_goes_only_to_the_quoted_paragraph_right_above_it(nlp: Language) -> None:
    text = LETTERS + (
        "“The ferry ran late every day for a month in the winter.”\n\n"
        "The council met on Tuesday to discuss the ferry and its late runs.\n\n"
        "– Ann Okafor, Velmont\n"
    )
    assert speaker_of(quotes_of(nlp, text), "ferry ran late") is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"The company let the ferry run late every day for a month," the lawsuit states.', "the lawsuit"),
        ('"The company let the ferry run late every day for a month," the complaint reads.', "the complaint"),
        # A verb before the quote that the parser also hung on its words is not the one attributing it.
        (
            "Rather than report Velmont's intentions to close the harbour, “the company and its agents gleefully"
            " welcomed Velmont's help,” the lawsuit states.",
            "the lawsuit",
        ),
    ],
)
def test_a_writing_that_gives_the_words_is_their_source(nlp: Language, sentence: str, speaker: str) -> None:
    quotes = quotes_of(nlp, "The town of Velmont sued the ferry company in March. " + sentence)
    assert speaker_of(quotes, "company") == speaker


def test_a_particle_read_as_an_adverb_still_makes_a_verb_of_speech(nlp: Language) -> None:
    text = (
        "Ann Okafor runs the harbour at Velmont. "
        '"We all miss the old ferry so much," Okafor weighed in, telling Lee, "since it sank, the town is quiet."'
    )
    assert speaker_of(quotes_of(nlp, text), "miss the old ferry") == "Ann Okafor"


def test_they_for_two_people_named_before_names_no_one_of_them(nlp: Language) -> None:
    # One speaker a quote: either name alone would be wrong, so the quote names none.
    text = (
        "Ann Okafor and Ben Lutz, who run the harbour, said on Monday that the ferry would run. "
        '"We will run the ferry every day from Monday," they said.'
    )
    assert speaker_of(quotes_of(nlp, text), "run the ferry every day") is None


def test_a_name_described_between_commas_after_a_quote_speaks(nlp: Language) -> None:
    # The parser hangs the name on the quote's last noun phrase; the verb after the description has no subject.
    text = (
        "Ann Okafor runs the harbour. "
        '"We can now look at the harbour files, the Ferry Records and Documents held by the clerk," Okafor, a'
        " Liberal, wrote."
    )
    assert speaker_of(quotes_of(nlp, text), "harbour files") == "Ann Okafor"


def test_a_verb_of_speech_read_as_a_participle_after_a_quote_attributes_it(nlp: Language) -> None:
    text = (
        'The man was taken to hospital. "Going upstairs to bed was a 30 minute activity as I could only manage two'
        ' stairs at a time," the patient described in the case report.'
    )
    assert speaker_of(quotes_of(nlp, text), "Going upstairs") == "the patient"


def test_a_participle_in_a_sentence_going_on_after_it_attributes_nothing(nlp: Language) -> None:
    # The phrase is the subject of another verb: the passengers are described, not saying the words.
    text = (
        'The ferry broke down in March. "We were stuck at sea for hours and nobody at the harbour told us why," the'
        " passengers described in the report were later paid back."
    )
    assert speaker_of(quotes_of(nlp, text), "stuck at sea") is None
