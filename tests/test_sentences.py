"""Sentences: words in quotation marks, closed or left open, and which marks open a quote."""

from __future__ import annotations

from corroborate.claims.speech import EVIDENTIAL_VERBS, SAYING_VERBS, SPEECH_VERB_FORMS, SPEECH_VERBS
from corroborate.sentences import quoted_or_open_spans, quoted_spans, quoted_words


def spans_text(text: str) -> list[str]:
    return [text[start:end] for start, end in quoted_or_open_spans(text)]


def test_a_quote_left_open_runs_to_the_end_after_the_closed_ones() -> None:
    text = 'She called it "a relief" and went on: "We will rebuild the bridge by spring.'
    assert spans_text(text) == ["a relief", "We will rebuild the bridge by spring."]


def test_the_closing_mark_of_a_quote_begun_in_an_earlier_sentence_opens_none() -> None:
    # Counting marks calls everything after an odd one quoted; a mark after a comma closes, it does not open.
    assert spans_text('Nobody expected the talks to end so soon," Ann Lee said as he left the room.') == []


def test_a_mark_spaced_off_before_any_verb_of_speech_opens_no_quote() -> None:
    assert quoted_words('the bridge would be rebuilt by spring, "she warned.') == ""
    assert quoted_words('the budget was never in danger, "Tom Baker insisted on Monday.') == ""
    # Hard cases: a quote that begins with a name and a verb of another kind, or with a plural noun spelled as a
    # verb of speech is, is still a quote.
    assert quoted_words('He added: "Tom Baker built the bridge in a year.') == "Tom Baker built the bridge in a year."
    assert quoted_words('She said the "Flood claims rose sharply.') == "Flood claims rose sharply."


def test_the_narrower_verb_sets_are_parts_of_the_one_list_of_verbs_of_speech() -> None:
    assert SAYING_VERBS <= SPEECH_VERBS and EVIDENTIAL_VERBS <= SPEECH_VERBS
    assert {"said", "says", "told", "wrote", "denied", "signalled", "signaled"} <= SPEECH_VERB_FORMS
    assert "claims" not in SPEECH_VERB_FORMS


def test_the_words_before_the_closing_mark_of_a_quote_begun_before_are_its_end() -> None:
    text = 'the ferry will run again by June,” the harbour master said.'
    assert [text[a:b] for a, b in quoted_spans(text, continued=True)] == ["the ferry will run again by June,"]
    text = 'the ferry will run again by June," Ann Lee said.'
    assert [text[a:b] for a, b in quoted_spans(text, continued=True)] == ["the ferry will run again by June,"]
    # Comparing statements reads only quotes a sentence holds whole.
    assert quoted_spans(text) == []
    # Hard cases: a straight mark after a space opens a quote, even before a name and a verb of speech; a
    # curly closing mark after a bare word before an opening one is a swapped pair; an opening straight mark
    # before a curly closing one makes a quote of its own.
    assert spans_text('The board met, "He asked why we waited," Ann Lee recalled.') == ["He asked why we waited,"]
    assert quoted_spans("They added it to their” Ten Best “list of parks.", continued=True) == []
    text = '"The ferry will run again by June,” the harbour master said.'
    assert [text[a:b] for a, b in quoted_or_open_spans(text, continued=True)][0].startswith("The ferry")


def test_marks_pair_after_the_closing_mark_of_a_quote_begun_before() -> None:
    # Paired from the first mark, the words between a closing and an opening mark read as a quote.
    text = 'the ferry will run again by June," Ann Lee said, "and the bridge will follow.'
    assert spans_text(text) == ["and the bridge will follow."]
    # Hard case: a sentence whose first mark opens a quote pairs its marks as always.
    text = '"The ferry will run by June," Ann Lee said, "and the bridge will follow."'
    assert spans_text(text) == ["The ferry will run by June,", "and the bridge will follow."]


def test_a_closing_mark_before_a_described_speaker_or_the_verb_pairs_no_quote_from_the_attribution() -> None:
    # Paired from the first mark, the attribution between the closing and the next opening mark reads as a quote.
    text = 'the ferry will run by June," harbour master Ann Lee, of the port authority, said, "and the bridge too.'
    assert spans_text(text) == ["and the bridge too."]
    text = 'the ferry will run by June," said harbour master Ann Lee. "The bridge will follow."'
    assert spans_text(text) == ["The bridge will follow."]
    text = 'the ferry will run by June," said the harbour master, "and the bridge will follow."'
    assert spans_text(text) == ["and the bridge will follow."]
    # Hard case: after a comma and a space a mark opens a quote as often, so a quote that begins with lower-case
    # words, a name and a verb of speech stays one.
    text = 'The board met, "harbour staff in Dover said the ferry would run."'
    assert spans_text(text) == ["harbour staff in Dover said the ferry would run."]


def test_a_lone_mark_ending_a_sentence_closes_a_quote_begun_before() -> None:
    text = "It will take a full year of work."
    assert [text[a:b] for a, b in quoted_spans(f'{text}"', continued=True)] == [text]
    # Hard cases: a mark after a space that ends a quote of the sentence's own, or a sentence's first mark followed
    # by its quote, opens it.
    assert spans_text('She called the plan "bold."') == ["bold."]
    assert spans_text('He said, "We will rebuild."') == ["We will rebuild."]


def test_a_spaced_mark_before_a_speaker_opens_the_quote_a_later_mark_closes() -> None:
    text = 'The mayor paused, " Tom Baker said the ferry would stay," Ann Lee added.'
    assert [span.strip() for span in spans_text(text)] == ["Tom Baker said the ferry would stay,"]
    # Hard cases: a spaced mark before a speaker and a verb, followed by an opening mark or by none, closes a quote
    # begun before.
    assert spans_text('the ferry will run by June. " Ann Lee said. "The bridge will follow."') == [
        "The bridge will follow."
    ]
    assert spans_text('the ferry will run by June, " Ann Lee said.') == []


def test_a_mark_that_cannot_close_opens_a_quote_that_begins_with_a_speaker() -> None:
    quote = "Tom Baker said the ferry would run."
    assert spans_text(f'She told reporters: "{quote}') == [quote]
    assert spans_text(f"She wrote: “{quote}") == [quote]
    # Hard case: after a comma the mark closes a quote begun before ('..., "Tom Baker said').
    assert spans_text('the ferry would run by June, "Tom Baker said.') == []


def test_single_marks_inside_a_quote_left_open_are_part_of_it() -> None:
    text = "“If the ferry fails, people will ask, ‘Why did we wait?’"
    assert spans_text(text) == ["If the ferry fails, people will ask, ‘Why did we wait?’"]
    # Hard case: a quote in single marks before the open one stays a quote of its own.
    assert spans_text("He called it ‘a sham’ and said: “We are done.") == ["a sham", "We are done."]


def test_a_speaker_described_with_commas_of_its_own_after_a_closing_mark_is_no_quote() -> None:
    text = 'the ferry will run by June," Ann Lee, a harbour master in Dover, Kent, said, "and the bridge too.'
    assert spans_text(text) == ["and the bridge too."]


def test_a_straight_mark_after_punctuation_and_before_a_space_closes_a_quote_a_curly_mark_opened() -> None:
    # A copy that retyped the inner marks of a quote split by its attribution: two quotes, not one holding "he said".
    text = '“Nine winters at sea," he said, "have taught me patience.”'
    assert [text[a:b] for a, b in quoted_spans(text)] == ["Nine winters at sea,", "have taught me patience."]
    text = '“Nine winters at sea," Ann Lee said. "They have taught me patience.”'
    assert [text[a:b] for a, b in quoted_spans(text)] == ["Nine winters at sea,", "They have taught me patience."]
    # A straight mark inside curly ones that closes nothing stays a word of the quote.
    text = '“We call it the "long watch" on board,” she said.'
    assert [text[a:b] for a, b in quoted_spans(text)] == ['We call it the "long watch" on board,']
