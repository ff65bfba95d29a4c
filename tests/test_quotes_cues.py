"""Quotes: speakers given by cues other than a plain verb of speech — a verb that goes with a quote only ("Lee
continued", "As Lee related", "As Lee put it", "Lee laughed"), a verb with its particle ("weighed in"), and whose
words a sentence says it gives ("in the words of Lee", "in Lee's words", "Lee's words:")."""

from __future__ import annotations

import pytest
from conftest import quotes_of, speaker_of
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.quotes import _named_after_verb, _Speakers
from corroborate.records import Article, Attribution
from corroborate.settings import DEFAULT_SETTINGS

OPENING = "Ann Okafor runs the harbour at Velmont. "
QUOTE = "the ferry ran late every day for a month in the winter"


@pytest.mark.parametrize(
    "sentence",
    [
        f'"{QUOTE.capitalize()}," Okafor continued.',
        f'As Okafor related, "{QUOTE}."',
        f'As Okafor put it, "{QUOTE}."',
        f'"{QUOTE.capitalize()}," Okafor weighed in.',
        f'"{QUOTE.capitalize()}," Okafor laughed.',
    ],
)
def test_a_verb_going_with_a_quote_gives_its_subject_as_speaker(nlp: Language, sentence: str) -> None:
    quotes = quotes_of(nlp, OPENING + sentence)
    assert speaker_of(quotes, "ferry ran late") == "Ann Okafor"


@pytest.mark.parametrize(
    "sentence",
    [
        'The court case over the "ferry that ran late every day for a month" continued.',
        'Okafor laughed at the "ferry that ran late every day for a month in winter."',
        'Okafor put it on the "ferry that ran late every day for a month" at noon.',
        'The talks continued for a week after the "ferry that ran late every day for a month" was sold.',
    ],
)
def test_a_verb_with_its_own_object_or_subject_says_no_quote(nlp: Language, sentence: str) -> None:
    quotes = quotes_of(nlp, OPENING + sentence)
    assert speaker_of(quotes, "ferry that ran late") is None


def test_words_going_on_after_continued_keep_their_speaker(nlp: Language) -> None:
    text = OPENING + '"We will rebuild the pier by spring," Okafor said. "The money is there," she continued.'
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "The money is there") == "Ann Okafor"


@pytest.mark.parametrize(
    "sentence",
    [
        f'In the words of Okafor: "{QUOTE.capitalize()}."',
        f'In Okafor\'s words, "{QUOTE}."',
        f'Okafor\'s words: "{QUOTE.capitalize()}."',
        f'Here is how bad it got, in the words of Okafor: "{QUOTE.capitalize()}."',
    ],
)
def test_words_said_to_be_someones_are_theirs(nlp: Language, sentence: str) -> None:
    quotes = quotes_of(nlp, OPENING + sentence)
    assert speaker_of(quotes, "ferry ran late") == "Ann Okafor"


def test_words_of_a_description_are_its(nlp: Language) -> None:
    quotes = quotes_of(nlp, f'The pier was closed. In the words of the harbour master, "{QUOTE}."')
    assert speaker_of(quotes, "ferry ran late") == "the harbour master"


def test_in_other_words_names_no_speaker(nlp: Language) -> None:
    quotes = quotes_of(nlp, f'The pier was closed. In other words, "{QUOTE}."')
    assert speaker_of(quotes, "ferry ran late") is None


def test_according_to_a_name_before_a_quote_gives_the_speaker(nlp: Language) -> None:
    quotes = quotes_of(nlp, OPENING + f'According to Okafor, "{QUOTE}."')
    assert speaker_of(quotes, "ferry ran late") == "Ann Okafor"


def test_a_pronoun_of_the_other_sex_than_a_speakers_earlier_pronouns_is_not_theirs(nlp: Language) -> None:
    text = (
        '"The mill will close in May," Jordan Vale said. "We tried everything to save it," he added.\n\n'
        '"It was my whole life," she said.'
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "We tried everything") == "Jordan Vale"
    assert speaker_of(quotes, "my whole life") is None



def test_a_name_inside_the_quoted_words_does_not_end_the_speakers_turn(nlp: Language) -> None:
    text = "“I wrote songs every night,” Ann Okafor said.\n\n“Mary Lind never heard them,” she said."
    doc = nlp(text)
    article = Article("a0", "a0.txt", "outlet0", None, None, None, text, text)
    resolver = EntityResolver(extract_entities([(article, doc)]))
    speakers = _Speakers(article, resolver, DEFAULT_SETTINGS.claims, frozenset())
    first, second = [sentence for sentence in doc.sents if sentence.text.strip()]
    speaker = resolver.canonical("Ann Okafor", "a0")
    assert speaker is not None
    speakers.sentence_index = 1
    speakers.spoke(first, Attribution(speaker, True, "say"), [token for token in first if token.lemma_ == "say"])
    speakers.sentence_index = 2
    turn = speakers._last_turn(next(token for token in second if token.lower_ == "she"))
    assert turn is not None and turn.speaker == speaker



def test_a_name_after_the_verb_before_a_phrase_of_the_verbs_is_the_speaker(nlp: Language) -> None:
    # "Ports close," wrote Okafor in a report.  (The parser took the name for the verb's object.)
    rows = [
        ('"', 5, "punct", False), ("Ports", 2, "nsubj", True), ("close", 5, "ccomp", False), (",", 5, "punct", False),
        ('"', 5, "punct", True), ("wrote", 5, "ROOT", True), ("Okafor", 5, "dobj", True), ("in", 5, "prep", True),
        ("a", 9, "det", True), ("report", 7, "pobj", False), (".", 5, "punct", False),
    ]
    words, heads, deps, spaces = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, spaces=spaces)
    quoted = [(doc[1].idx, doc[2].idx + len("close"))]
    named = _named_after_verb(doc[5], quoted)
    assert named is not None and named.i == 6


def test_words_a_persons_clause_brings_in_after_a_colon_are_theirs(nlp: Language) -> None:
    text = OPENING + f'Okafor, who once worked on "Harbour Lights," had a similar view: "{QUOTE.capitalize()}."'
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "ferry ran late") == "Ann Okafor"
    assert all(quote.attribution is None for quote in quotes if quote.text == "Harbour Lights")


@pytest.mark.parametrize(
    "sentence",
    [
        f'Okafor quoted Sam Park: "{QUOTE.capitalize()}."',
        f'The harbour report had one conclusion: "{QUOTE.capitalize()}."',
        f'Okafor agreed: "{QUOTE.capitalize()}," the mayor said.',
        f'Okafor met the woman who ran the mill: "{QUOTE.capitalize()}."',
    ],
)
def test_a_colon_brings_in_no_words_of_someone_else_nor_of_a_thing(nlp: Language, sentence: str) -> None:
    quotes = quotes_of(nlp, OPENING + sentence)
    assert speaker_of(quotes, "ferry ran late") in {None, "the mayor"}


def test_a_straight_mark_closing_a_curly_quote_opens_no_quote_of_the_writers_words(nlp: Language) -> None:
    text = (
        "“The port is busy in the spring months and every berth is taken,\" Ann Okafor, the harbour master, said in "
        'a statement.\n\n"Ships wait for days before they can dock at the pier."'
    )
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "every berth is taken") == "Ann Okafor"
    assert not any("said in a statement" in quote.text for quote in quotes)
