"""A claim is shown by one sentence out of its article: an opening "he" or "she" names whom it stands for."""

from __future__ import annotations

import pytest
from conftest import labelled_doc
from spacy.language import Language

from corroborate.claims.entities import EntityResolver, extract_entities, with_opening_subject_named
from corroborate.nlp import spacy_pipeline
from corroborate.pipeline import name_opening_subjects
from corroborate.records import Article, Claim, Evidence
from corroborate.sentences import parse_articles


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def last_sentence(nlp: Language, text: str, *ents: tuple[str, str]) -> str:
    doc = labelled_doc(nlp, text, *ents)
    sentence = list(doc.sents)[-1]
    return with_opening_subject_named(sentence, lambda person: person.text.upper())


def test_an_opening_subject_pronoun_names_its_person(nlp: Language) -> None:
    text = "Mara Quill chaired the hearing on Monday. She said the budget would pass by June."
    assert last_sentence(nlp, text, ("Mara Quill", "PERSON")) == "She [MARA QUILL] said the budget would pass by June."


@pytest.mark.parametrize(
    "text",
    [
        # No person named before: nobody to name.
        "The board met on Monday. He said the budget would pass by June.",
        # The pronoun is inside the sentence, where its own sentence names the person.
        "Mara Quill chaired the hearing on Monday. The budget, she said, would pass by June.",
        # The sentence opens with quoted words, another voice than the writer's.
        'Mara Quill chaired the hearing on Monday. "He will pass it," she said.',
    ],
)
def test_a_sentence_not_opening_with_a_known_subject_pronoun_is_shown_as_written(nlp: Language, text: str) -> None:
    ents = (("Mara Quill", "PERSON"),) if "Mara Quill" in text else ()
    assert last_sentence(nlp, text, *ents) == list(nlp(text).sents)[-1].text


def test_a_claim_shown_by_a_sentence_names_its_person_by_the_story_canonical_name() -> None:
    text = "Senator Mara Quill chaired the hearing on Monday. She said the budget would pass by June."
    article = Article("a1", "a1.txt", "outlet-a", None, None, None, text, text)
    docs = parse_articles([article])
    resolver = EntityResolver(extract_entities([(article, docs["a1"])]))
    shown = "She said the budget would pass by June."
    start = text.index(shown)
    label = "The words “budget”, as in: " + shown
    claims = [
        Claim(shown, "single_source", ["a1"], [Evidence("a1", shown, "outlet-a", start)]),
        # A claim shown by a label rather than one of its sentences keeps its label.
        Claim(label, "single_source", ["a1"], [Evidence("a1", shown, "outlet-a", start)]),
    ]
    name_opening_subjects(claims, docs, resolver.canonical)
    assert [claim.text for claim in claims] == ["She [Mara Quill] said the budget would pass by June.", label]
    assert claims[0].evidence[0].quote == shown
