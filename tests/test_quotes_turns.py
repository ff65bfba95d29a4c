"""Quotes: speakers found through the verbs and turns around a quote — verbs of shouting, begging and assuring,
"quoted as saying", subjects the parser splits or joins, a speaker made to speak, paraphrases and quotes that
follow them, and pronouns that go on from the last speaker."""

from __future__ import annotations

from conftest import quotes_of, speaker_of
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.quotes import (
    _attribute_quote,
    _governing,
    _nearest_subject,
    _Speakers,
    _speech_verbs,
    _subject,
)
from corroborate.records import Article
from corroborate.settings import DEFAULT_SETTINGS


def test_a_shouted_quote_is_the_shouters(nlp: Language) -> None:
    quotes = quotes_of(nlp, 'The crew reached the flooded lane.\n"Get to the roof now!" a firefighter shouted.\n')
    assert speaker_of(quotes, "Get to the roof") == "a firefighter"


def test_a_begged_quote_is_the_beggars(nlp: Language) -> None:
    quotes = quotes_of(nlp, 'Mayor Ann Okafor begged the council "not to forget the flooded towns" this winter.')
    assert speaker_of(quotes, "not to forget") == "Ann Okafor"


def test_pleading_guilty_is_no_speech(nlp: Language) -> None:
    quotes = quotes_of(nlp, 'Tom Reed pleaded guilty on Monday to "reckless handling of public funds" in the case.')
    assert all(quote.attribution is None for quote in quotes)


def test_who_was_quoted_as_saying_a_quote_said_it(nlp: Language) -> None:
    text = '"We will finish the bridge before the spring floods," Ann Okafor was quoted as telling the engineers.'
    assert speaker_of(quotes_of(nlp, text), "finish the bridge") == "Ann Okafor"


def test_who_was_told_a_quote_did_not_say_it(nlp: Language) -> None:
    text = 'Ann Okafor was told by the engineers, "The bridge will not be finished before the spring floods."'
    assert speaker_of(quotes_of(nlp, text), "will not be finished") != "Ann Okafor"


def _two_subjects(nlp: Language, words: list[str], heads: list[int]) -> Doc:
    """A parse with two subjects of the last verb, as the model sometimes splits one noun phrase."""
    deps = ["nsubj" if head == len(words) - 1 and i < len(words) - 1 and words[i].isalpha() else "dep"
            for i, head in enumerate(heads)]
    deps[-1] = "ROOT"
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps)


def test_the_subject_ending_a_split_phrase_is_the_speaker(nlp: Language) -> None:
    doc = _two_subjects(nlp, ["Harbours", "chief", "Ann", "Okafor", "said"], [4, 3, 3, 4, 4])
    assert _nearest_subject([doc[0], doc[3]]).text == "Okafor"


def test_two_subjects_apart_by_a_comma_keep_the_first(nlp: Language) -> None:
    doc = _two_subjects(nlp, ["Okafor", ",", "the", "engineers", "said"], [4, 0, 3, 4, 4])
    assert _nearest_subject([doc[0], doc[3]]).text == "Okafor"


def _parsed(nlp: Language, rows: list[tuple[str, int, str, str]]) -> Doc:
    """A parse given word by word as (word, head, dependency, lemma), as the model sometimes gives it."""
    words, heads, deps, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_a_verb_of_speech_joined_in_a_reported_clause_keeps_its_subject(nlp: Language) -> None:
    # Reed asked and said, "stop it," the council said.  (Reed's two verbs reported by the council's.)
    doc = _parsed(nlp, [
        ("Reed", 1, "nsubj", "Reed"), ("asked", 11, "ccomp", "ask"), ("and", 1, "cc", "and"),
        ("said", 1, "conj", "say"), (",", 3, "punct", ","), ('"', 3, "punct", '"'), ("stop", 3, "ccomp", "stop"),
        ("it", 6, "dobj", "it"), (",", 11, "punct", ","), ('"', 11, "punct", '"'), ("council", 11, "nsubj", "council"),
        ("said", 11, "ROOT", "say"),
    ])
    start = doc[6].idx
    subject = _subject(doc[3], [(start, doc[7].idx + 2)])
    assert subject is not None and subject.text == "Reed"


def test_a_verb_added_to_a_reported_clause_is_the_reporters(nlp: Language) -> None:
    # Lee said the plan failed and added, "we appeal."  (The parser joined "added" to "failed".)
    doc = _parsed(nlp, [
        ("Lee", 1, "nsubj", "Lee"), ("said", 1, "ROOT", "say"), ("plan", 3, "nsubj", "plan"),
        ("failed", 1, "ccomp", "fail"), ("and", 3, "cc", "and"), ("added", 3, "conj", "add"), (",", 5, "punct", ","),
        ('"', 5, "punct", '"'), ("we", 9, "nsubj", "we"), ("appeal", 5, "ccomp", "appeal"), ('"', 5, "punct", '"'),
    ])
    subject = _subject(doc[5], [(doc[8].idx, doc[9].idx + len("appeal"))])
    assert subject is not None and subject.text == "Lee"


def test_whom_a_thing_prompts_to_argue_is_the_speaker(nlp: Language) -> None:
    text = "The advert prompted several viewers to argue that the slogan made light of a serious illness."
    quotes = quotes_of(nlp, text)
    assert speaker_of(quotes, "the slogan made light") == "several viewers"


def test_time_spent_explaining_is_no_speaker(nlp: Language) -> None:
    text = "Tom Reed spent an hour explaining that the new timetable would cut the waiting times."
    assert speaker_of(quotes_of(nlp, text), "the new timetable") == "Tom Reed"


def test_a_passive_verb_of_speech_naming_no_one_leaves_the_quote_to_its_speaker(nlp: Language) -> None:
    # That being said, "nobody should panic," Reed said.  (The parser hung the quote on "being said".)
    rows = [
        ("That", 2, "nsubjpass", "that", "PRON"), ("being", 2, "auxpass", "be", "AUX"), ("said", 11, "parataxis", "say",
        "VERB"), (",", 2, "punct", ",", "PUNCT"), ('"', 2, "punct", '"', "PUNCT"), ("nobody", 7, "nsubj", "nobody",
        "PRON"), ("should", 7, "aux", "should", "AUX"), ("panic", 2, "ccomp", "panic", "VERB"), (",", 11, "punct", ",",
        "PUNCT"), ('"', 11, "punct", '"', "PUNCT"), ("Reed", 11, "nsubj", "Reed", "PROPN"), ("said", 11, "ROOT", "say",
        "VERB"),
    ]
    words, heads, deps, lemmas, pos = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)
    quoted = [(doc[5].idx, doc[7].idx + len("panic"))]
    governing = _governing(_speech_verbs(doc[:], quoted), quoted[0])
    speakers = _speakers_of(nlp, "Tom Reed spoke to the council on Monday.")
    attribution = _attribute_quote(doc[:], governing, quoted, speakers)
    assert attribution is not None and attribution.speaker == "Tom Reed"


def test_a_row_of_quoted_sentences_goes_on_past_one_too_short_to_keep(nlp: Language) -> None:
    text = 'The crew reached the lane.\n"Stay where you are and wait! We are coming!" a firefighter shouted.\n'
    assert speaker_of(quotes_of(nlp, text), "Stay where you are") == "a firefighter"


def test_a_paraphrase_hands_its_speaker_to_the_quote_after_it(nlp: Language) -> None:
    text = 'Ann Okafor said the ferry would run again on Monday. "We are ready for the holiday crowds at last."'
    assert speaker_of(quotes_of(nlp, text), "ready for the holiday") == "Ann Okafor"


def test_a_paraphrase_hands_its_speaker_to_quoted_words_opening_the_next_paragraph(nlp: Language) -> None:
    text = 'Ann Okafor said the ferry would run again on Monday.\n\n"We are ready for the holiday crowds at last."\n'
    assert speaker_of(quotes_of(nlp, text), "ready for the holiday") == "Ann Okafor"


def test_a_paraphrase_hands_no_speaker_past_the_paragraph_after_it(nlp: Language) -> None:
    text = (
        "Ann Okafor said the ferry would run again on Monday.\n\nThe harbour was quiet all week.\n\n"
        '"We are ready for the holiday crowds at last."\n'
    )
    assert speaker_of(quotes_of(nlp, text), "ready for the holiday") is None


def test_a_paraphrase_hands_no_speaker_to_a_quote_whose_speaker_follows_it(nlp: Language) -> None:
    text = (
        "Ann Okafor said the ferry would run again on Monday.\n\n"
        '"We are ready for the holiday crowds at last," the mayor, Sam Park, said.\n'
    )
    assert speaker_of(quotes_of(nlp, text), "ready for the holiday") == "Sam Park"


def test_a_cited_source_hands_no_speaker_to_the_quote_after_it(nlp: Language) -> None:
    text = 'According to the council, the ferry would run again on Monday. "We are ready for the holiday crowds."'
    assert speaker_of(quotes_of(nlp, text), "ready for the holiday") is None


_TURN = (
    '"The results are very clear to us," Tom Reed said. "We saw no cases in May. We saw no deaths in June."\n'
    "When nurses see these signs, they may miss the cause, he added.\n"
)


def test_a_pronoun_out_of_reach_goes_on_from_the_last_speaker(nlp: Language) -> None:
    text = _TURN + 'That being said, "families with older boilers should not panic," he said.\n'
    assert speaker_of(quotes_of(nlp, text), "should not panic") == "Tom Reed"


def test_a_pronoun_after_someone_else_is_named_does_not_go_on_from_the_last_speaker(nlp: Language) -> None:
    text = _TURN + "While the campaign did not appeal to Sam Park, of the council, he said it could still work.\n"
    quotes = quotes_of(nlp, text)
    assert all(speaker_of([quote], "") != "Tom Reed" for quote in quotes if "could still work" in quote.sentence)


def test_a_pronoun_of_the_other_sex_does_not_go_on_from_the_last_speaker(nlp: Language) -> None:
    text = _TURN.replace("Tom Reed", "Mr. Tom Reed") + 'That being said, "families should not panic," she said.\n'
    assert speaker_of(quotes_of(nlp, text), "families should not panic") is None


def _speakers_of(nlp: Language, text: str) -> _Speakers:
    docs = [(Article("a0", "a0.txt", "outlet0", None, None, None, text, text), nlp(text))]
    return _Speakers(docs[0][0], EntityResolver(extract_entities(docs)), DEFAULT_SETTINGS.claims, frozenset())


def test_a_surname_read_as_another_word_speaks_its_verb(nlp: Language) -> None:
    text = (
        "Tom Early, a vice president at the studio, spoke on Monday. While the lineup is light on new titles, Early "
        "says there is a chance that future games could be built for the service."
    )
    assert speaker_of(quotes_of(nlp, text), "future games") == "Tom Early"


def test_a_capitalised_word_the_story_knows_as_no_person_does_not_speak(nlp: Language) -> None:
    speakers = _speakers_of(nlp, "Tom Early, a vice president at the studio, spoke on Monday in Leeds.")
    for name, known in (("Early", True), ("Leeds", False), ("Monday", False)):
        words = ["The", "lineup", "is", "light", ",", name, "says", "so"]
        doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
        assert (speakers.named_before(doc[6]) is not None) == known


def test_the_name_someone_gives_a_thing_in_quotes_is_theirs(nlp: Language) -> None:
    text = 'Tom Reed called the new timetable a "careless mess that nobody ever asked for" on Monday.'
    assert speaker_of(quotes_of(nlp, text), "careless mess") == "Tom Reed"


def test_the_thing_named_in_quotes_is_not_the_namers_words(nlp: Language) -> None:
    text = 'Tom Reed called the "harbour renewal plan for the old docks" a failure on Monday.'
    assert speaker_of(quotes_of(nlp, text), "harbour renewal plan") is None
