"""Pronouns: a name the tagger left untagged or mislabelled, standing as a subject, is an antecedent when the
article knows it as a person; an organisation or a name qualifying a noun is not."""

from __future__ import annotations

import pytest
from conftest import labelled_doc
from spacy.language import Language

from corroborate.claims.entities import clean_name, person_referred
from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def referred(nlp: Language, text: str, *ents: tuple[str, str], pronoun: str = "he", lookback: int = 3) -> str | None:
    """Whom the last ``pronoun`` of ``text`` stands for, with the named entities set to ``ents`` (``labelled_doc``)."""
    doc = labelled_doc(nlp, text, *ents)
    token = [token for token in doc if token.lower_ == pronoun][-1]
    person = person_referred(token, lookback)
    return clean_name(person.text) if person is not None else None


def test_an_untagged_speaker_is_whom_his_reported_pronoun_means(nlp: Language) -> None:
    text = "Sam Brody met the board on Monday. Tarlow said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Tarlow"
    # Hard case: a body speaks through someone, so "he" is no body's.
    text = "Sam Brody met the board on Monday. Halvex said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON"), ("Halvex", "ORG")) == "Sam Brody"


def test_a_surname_labelled_an_organisation_is_a_person_when_the_article_names_him_in_full(nlp: Language) -> None:
    text = "Mark Tarlow arrived on Monday. Sam Brody spoke first. Tarlow criticised Brody, and he left early."
    ents = (("Mark Tarlow", "PERSON"), ("Sam Brody", "PERSON"), ("Tarlow", "ORG"), ("Brody", "PERSON"))
    assert referred(nlp, text, *ents) == "Tarlow"
    # Hard case: an organisation whose words end no person's name is no antecedent.
    text = "Mark Tarlow arrived on Monday. Sam Brody spoke first. Halvex criticised Brody, and he left early."
    ents = (("Mark Tarlow", "PERSON"), ("Sam Brody", "PERSON"), ("Halvex", "ORG"), ("Brody", "PERSON"))
    assert referred(nlp, text, *ents) == "Sam Brody"


def test_a_name_after_a_persons_title_is_a_person_whatever_its_label(nlp: Language) -> None:
    text = "Sam Brody spoke first. Governor Tarlow criticised Brody, and he left early."
    assert referred(nlp, text, ("Sam Brody", "PERSON"), ("Tarlow", "GPE"), ("Brody", "PERSON")) == "Tarlow"


def test_a_name_qualifying_a_noun_or_a_capitalised_body_noun_is_no_antecedent(nlp: Language) -> None:
    text = "Sam Brody met the board on Monday. The Tarlow report said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Sam Brody"
    text = "Sam Brody met the board on Monday. The Ministry said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Sam Brody"


def test_an_untagged_name_is_no_antecedent_of_a_possessive(nlp: Language) -> None:
    text = "Sam Brody met the board on Monday. Tarlow said he would call the man about his symptoms."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Tarlow"
    # Hard case: "his" after an untagged subject as often means someone its clause names.
    text = "Tarlow called the man on Monday about his symptoms."
    assert referred(nlp, text, pronoun="his", lookback=0) is None


def test_a_capitalised_opening_word_the_article_writes_in_lower_case_is_no_name(nlp: Language) -> None:
    text = "Sam Brody met the board on Monday. Tarlow said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Tarlow"
    # Hard case: "Leadership" opens its sentence, and the article writes it in lower case before.
    text = "Sam Brody met the leadership on Monday. Leadership said he would resign."
    assert referred(nlp, text, ("Sam Brody", "PERSON")) == "Sam Brody"


def test_a_pronoun_of_the_other_gender_than_the_article_gives_its_person_is_refused(nlp: Language) -> None:
    # The article's own word for the person: "Mr." makes a man, whom "she" cannot mean.
    text = "Mr. Tarlow inspected the dam on Monday. She said the repairs were late."
    assert referred(nlp, text, ("Tarlow", "PERSON"), pronoun="she") is None
    # Hard case: the same words with a woman's honorific keep the reading.
    text = "Ms. Tarlow inspected the dam on Monday. She said the repairs were late."
    assert referred(nlp, text, ("Tarlow", "PERSON"), pronoun="she") == "Tarlow"


def test_a_first_name_the_dictionary_gives_one_gender_refuses_the_other_pronoun(nlp: Language) -> None:
    text = "Patrick Tarlow inspected the dam on Monday. She said the repairs were late."
    assert referred(nlp, text, ("Patrick Tarlow", "PERSON"), pronoun="she") is None
    text = "Patrick Tarlow inspected the dam on Monday. He said the repairs were late."
    assert referred(nlp, text, ("Patrick Tarlow", "PERSON")) == "Patrick Tarlow"
    # Hard case: a first name worn by men and women alike, or one the dictionary doubts in English-language
    # countries, refuses nothing.
    text = "Jan Tarlow inspected the dam on Monday. She said the repairs were late."
    assert referred(nlp, text, ("Jan Tarlow", "PERSON"), pronoun="she") == "Jan Tarlow"
    # Hard case: the article's honorific outweighs the dictionary.
    text = "Ms. Patrick Tarlow inspected the dam on Monday. She said the repairs were late."
    assert referred(nlp, text, ("Patrick Tarlow", "PERSON"), pronoun="she") == "Patrick Tarlow"


def test_a_subject_pronoun_goes_on_with_the_same_pronoun_subject_before_it(nlp: Language) -> None:
    text = "Tom Lee arrived on Monday. He called Peter Wong about the deal. He said the talks had failed."
    ents = (("Tom Lee", "PERSON"), ("Peter Wong", "PERSON"))
    assert referred(nlp, text, *ents) == "Tom Lee"
    # Hard case: a named subject in the sentence before is whom the pronoun goes on with.
    text = "Tom Lee arrived on Monday. Peter Wong called him about the deal. He said the talks had failed."
    assert referred(nlp, text, *ents) == "Peter Wong"


def test_a_sentence_of_only_quote_marks_or_punctuation_uses_up_no_sentence_of_the_lookback(nlp: Language) -> None:
    # A quote's closing mark left on a line of its own is parsed as a sentence, but says nothing.
    text = "Sam Brody inspected the dam on Monday.\n”\nHe said the repairs were late."
    assert referred(nlp, text, ("Sam Brody", "PERSON"), lookback=1) == "Sam Brody"
    text = "Sam Brody inspected the dam on Monday.\n\"\n.\nHe said the repairs were late."
    assert referred(nlp, text, ("Sam Brody", "PERSON"), lookback=1) == "Sam Brody"
    # Hard case: a sentence with words in it still counts, so the person is out of reach.
    text = "Sam Brody inspected the dam on Monday.\nThe water rose.\nHe said the repairs were late."
    assert referred(nlp, text, ("Sam Brody", "PERSON"), lookback=1) is None
