"""Quotes: speakers the parse leaves out (a name hung on the quote's words), quotes that are posted, and outlets a
story names as such."""

from __future__ import annotations

import pytest
from conftest import quotes_of
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.quotes import (
    _description,
    _named_after_quote,
    _named_after_verb,
    extract_quotes,
    quote_spans,
)
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def speaker(quote: Quote) -> str | None:
    return quote.attribution.speaker if quote.attribution else None


def _misparsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A parse as the model sometimes gives it, with the speaker's name hung on the quote's last word."""
    spaces = [word not in {"“"} and following not in {",", "”", "."} for word, following in zip(words, [*words[1:], ""],
                                                                                                  strict=True)]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, sent_starts=[True] +
               [False] * (len(words) - 1))


def test_a_name_the_parser_hung_on_the_quote_still_speaks_it(nlp: Language) -> None:
    # “We regret the delay,” club manager Ann Lee said.  ("Lee" made an apposition of "delay", "said" subjectless.)
    words = ["“", "We", "regret", "the", "delay", ",", "”", "club", "manager", "Ann", "Lee", "said", "."]
    heads = [2, 2, 11, 4, 2, 4, 4, 8, 10, 10, 4, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "det", "dobj", "punct", "punct", "compound", "compound", "compound", "appos",
            "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    sentence = doc[:]
    found = _named_after_quote(doc[11], quote_spans(sentence, doc.text))
    assert found is not None and found.text == "Lee"


def test_a_subjectless_verb_after_other_words_than_a_quote_takes_no_speaker(nlp: Language) -> None:
    # “We regret the delay,” and later in the day club Lee said.  (A phrase after other words than the quote.)
    words = ["“", "We", "regret", "the", "delay", ",", "”", "and", "later", "club", "Lee", "said", "."]
    heads = [2, 2, 11, 4, 2, 4, 4, 11, 11, 10, 8, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "det", "dobj", "punct", "punct", "cc", "advmod", "compound", "npadvmod",
            "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "CCONJ", "ADV", "NOUN", "PROPN", "VERB", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    assert _named_after_quote(doc[11], quote_spans(doc[:], doc.text)) is None


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Ann Lee posted on social media: "We will rebuild the bridge by spring."',
        '"We will rebuild the bridge by spring," Mayor Ann Lee posted online.',
        'Mayor Ann Lee posted a statement online: "We will rebuild the bridge by spring."',
        'Mayor Ann Lee issued a statement on Monday: "We will rebuild the bridge by spring."',
        'Mayor Ann Lee released a short response to the news: "We will rebuild the bridge by spring."',
    ],
)
def test_words_someone_posted_or_issued_are_theirs(nlp: Language, text: str) -> None:
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Ann Lee" and quote.attribution.cue in {"post", "issue", "release"}


@pytest.mark.parametrize(
    "text",
    [
        'The rowing club posted a record of "nine straight wins without a single loss" in the autumn league.',
        'The rebels released the hostages after a call for "a humane end to the long standoff at the border."',
    ],
)
def test_posting_or_releasing_something_else_than_words_brings_in_no_quote(nlp: Language, text: str) -> None:
    assert all(quote.attribution is None for quote in quotes_of(nlp, text))


@pytest.mark.parametrize(
    "called",
    [
        "The regional news agency Kestrel said on Monday the pier would stay shut.",
        "Kestrel, a regional newspaper, said on Monday the pier would stay shut.",
        "The Kestrel news agency said on Monday the pier would stay shut.",
    ],
)
def test_an_outlet_the_story_calls_one_is_the_origin_of_what_is_cited_to_it(nlp: Language, called: str) -> None:
    quote = quotes_of(nlp, f"{called} The ferry service will resume on Friday, according to Kestrel.")[-1]
    assert speaker(quote) is None and "Kestrel" in quote.origins


def test_a_body_cited_by_according_to_stays_the_speaker_when_nothing_calls_it_an_outlet(nlp: Language) -> None:
    text = (
        "The Port Authority of Kestrel Bay said on Monday the pier would stay shut. The ferry service will resume on "
        "Friday, according to the Port Authority of Kestrel Bay."
    )
    assert speaker(quotes_of(nlp, text)[-1]) == "Port Authority of Kestrel Bay"


def test_posting_that_reports_a_clause(nlp: Language) -> None:
    [quote] = quotes_of(nlp, "Mayor Ann Lee posted on social media that the bridge would reopen in spring.")
    assert not quote.direct and speaker(quote) == "Ann Lee" and "bridge would reopen" in quote.text


@pytest.mark.parametrize(
    "text",
    [
        # The next sentence of the paragraph, quoted words alone.
        '"We will rebuild the bridge," Mayor Ann Lee said on Monday. "It will take a full year of work."',
        # A new paragraph of quoted words alone.
        "“We will rebuild the bridge,” Mayor Ann Lee said on Monday.\n\n“It will take a full year of work.”",
        # Words a sentence ending in a colon introduces.
        "Mayor Ann Lee issued the following statement on Monday:\n\n“It will take a full year of work.”",
    ],
)
def test_quoted_words_alone_go_on_from_the_speaker_before_them(nlp: Language, text: str) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert quote.text == "It will take a full year of work" and speaker(quote) == "Ann Lee"


@pytest.mark.parametrize(
    "text",
    [
        # An answer to a question is the other person's.
        '"Will the bridge reopen this year?" reporter Tom Wu asked on Monday. "It will take a full year of work."',
        # Words of the writer's own beside the quote: no quote going on.
        '"We will rebuild the bridge," Mayor Ann Lee said. Residents hoped "it will take a full year of work" at most.',
        # A sentence in between.
        '"We will rebuild the bridge," Mayor Ann Lee said. The council met later. "It will take a full year of work."',
    ],
)
def test_quoted_words_after_a_question_or_other_words_take_no_speaker_from_before(nlp: Language, text: str) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert quote.text.endswith("a full year of work") and speaker(quote) is None


def test_quoted_words_left_open_wait_for_the_speaker_their_closing_part_names(nlp: Language) -> None:
    text = (
        "“We are thrilled to have her back,” producer Ann Lee said.\n\n“I am so excited to be hosting the show "
        "again.\n\nThey say the third time is the charm,” said singer Tom Wu."
    )
    opening = next(quote for quote in quotes_of(nlp, text) if quote.text.startswith("I am so excited"))
    assert speaker(opening) != "Ann Lee"


def test_quoted_words_going_on_to_a_closing_part_without_a_speaker_are_the_speaker_s_before(nlp: Language) -> None:
    text = (
        "“We will rebuild the bridge,” Mayor Ann Lee said on Monday. “It will take a full year of work. We already "
        "have most of the money.”"
    )
    quotes = {quote.text: speaker(quote) for quote in quotes_of(nlp, text)}
    assert quotes["It will take a full year of work"] == "Ann Lee"
    assert quotes["We already have most of the money"] == "Ann Lee"


def test_a_quote_of_several_paragraphs_is_the_speaker_s_named_after_its_last(nlp: Language) -> None:
    text = (
        "The council voted on Monday.\n\n\"The bridge will reopen in May. The repairs took longer than planned.\n\n"
        "\"The new deck should last fifty years,\" said Mayor Ann Lee.\n\nThe vote was close."
    )
    quotes = {quote.text: speaker(quote) for quote in quotes_of(nlp, text)}
    assert quotes["The bridge will reopen in May"] == "Ann Lee"
    assert quotes["The repairs took longer than planned"] == "Ann Lee"
    assert quotes["The new deck should last fifty years"] == "Ann Lee"


def test_a_quote_of_several_paragraphs_is_the_speaker_s_named_before_its_first(nlp: Language) -> None:
    text = (
        "Mayor Ann Lee said on Monday:\n\n\"The bridge will reopen in May after long repairs.\n\n"
        "\"The new deck should last fifty years. We are proud of the crews.\"\n\nThe vote was close."
    )
    quotes = {quote.text: speaker(quote) for quote in quotes_of(nlp, text)}
    assert quotes["The bridge will reopen in May after long repairs"] == "Ann Lee"
    assert quotes["The new deck should last fifty years"] == "Ann Lee"
    assert quotes["We are proud of the crews"] == "Ann Lee"


@pytest.mark.parametrize(
    "text",
    [
        # A paragraph that is not a quote's between the unclosed mark and the next quote.
        "\"The bridge will reopen in May after long repairs.\n\nThe council met on Monday to approve the plan.\n\n"
        "\"We are ready for the work,\" said Mayor Ann Lee.",
        # Paragraphs opening with a mark that no paragraph closes.
        "\"The bridge will reopen in May after long repairs.\n\n\"The new deck should last fifty years.\n\n"
        "The council met on Monday to approve the plan.\n\n\"We are ready for the work,\" said Mayor Ann Lee.",
        # A stray mark before a phrase of the writer's own.
        "Critics called the repairs \"a waste of money after long delays.\n\n"
        "\"We are ready for the work,\" said Mayor Ann Lee.",
    ],
)
def test_an_unclosed_mark_not_going_on_in_quoted_paragraphs_takes_no_later_speaker(nlp: Language, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert [quote.text for quote in quotes if speaker(quote) == "Ann Lee"] == ["We are ready for the work"]
    assert not any("council met" in quote.text for quote in quotes if quote.direct)


@pytest.mark.parametrize(
    "reported",
    [
        "The ferry operator cut its timetable, Kestrel reported on Monday.",
        "Kestrel reported on Monday that the ferry operator had cut its timetable.",
        "The ferry operator cut its timetable, reports Kestrel.",
    ],
)
def test_a_name_reporting_someone_else_s_news_is_an_outlet_the_origin_of_what_it_reports(
    nlp: Language, reported: str
) -> None:
    quotes = quotes_of(nlp, f"{reported} The ferry service will resume on Friday, according to Kestrel.")
    assert all(speaker(quote) is None and "Kestrel" in quote.origins for quote in quotes)


@pytest.mark.parametrize(
    ("reported", "body"),
    [
        # A body reporting a finding of its own.
        ("The Harbour Ministry reported that two ferries had sunk.", "Harbour Ministry"),
        # A name reporting news about itself.
        ("Kestrel Shipping reported that its profit fell by half.", "Kestrel Shipping"),
    ],
)
def test_a_body_reporting_its_own_findings_stays_the_speaker(nlp: Language, reported: str, body: str) -> None:
    quote = quotes_of(nlp, f"{reported} The ferry service will resume on Friday, according to {body}.")[-1]
    assert speaker(quote) == body


def test_a_reporter_named_in_full_is_no_outlet(nlp: Language) -> None:
    text = (
        "Reporter Ann Kestrel visited the harbour on Monday. The ferry operator cut its timetable, reports Kestrel. "
        "The ferry service will resume on Friday, according to Kestrel."
    )
    assert speaker(quotes_of(nlp, text)[-1]) == "Ann Kestrel"


def test_a_name_after_a_subjectless_verb_after_a_quote_speaks_it(nlp: Language) -> None:
    # “We won,” says Early.  ("Early" read as an adverb of "says", which is left without a subject.)
    words = ["“", "We", "won", ",", "”", "says", "Early", "."]
    heads = [5, 2, 5, 5, 5, 5, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "advmod", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    found = _named_after_verb(doc[5], quote_spans(doc[:], doc.text))
    assert found is not None and found.text == "Early"


def test_a_word_after_a_subjectless_verb_away_from_a_quote_is_no_speaker(nlp: Language) -> None:
    # The memo says Early.  (No quote before the verb.)
    words = ["The", "memo", "says", "Early", "."]
    heads = [1, 2, 2, 2, 2]
    deps = ["det", "npadvmod", "ROOT", "advmod", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    assert _named_after_verb(doc[2], quote_spans(doc[:], doc.text)) is None


def test_a_speaker_description_leaves_out_a_closing_mark_the_parser_hung_on_it(nlp: Language) -> None:
    # “We won,” the deputy director said.  (The closing mark made a dependent of "director".)
    words = ["“", "We", "won", ",", "”", "the", "deputy", "director", "said", "."]
    heads = [8, 2, 8, 8, 7, 7, 7, 8, 8, 8]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "NOUN", "VERB", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    assert _description(doc[7]) == "the deputy director"


def test_a_name_beside_a_noun_for_a_person_is_the_speaker_whatever_its_label(nlp: Language) -> None:
    # “We won,” the club's director, Ann Berg, said.  (The model labels "Ann Berg" an organisation.)
    words = ["“", "We", "won", ",", "”", "the", "club", "'s", "director", ",", "Ann", "Berg", ",", "said", "."]
    heads = [13, 2, 13, 13, 13, 6, 8, 6, 13, 8, 11, 8, 8, 13, 13]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "det", "poss", "case", "nsubj", "punct", "compound", "appos",
            "punct", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN",
           "PUNCT", "VERB", "PUNCT"]
    doc = _misparsed(nlp, words, heads, deps, pos)
    doc.ents = [doc.char_span(doc[10].idx, doc[11].idx + len("Berg"), label="ORG")]
    for token in doc:
        token.lemma_ = "say" if token.text == "said" else token.lower_
    article = Article("a0", "a0.txt", "outlet0", None, None, None, doc.text, doc.text)
    [quote] = extract_quotes([(article, doc)], EntityResolver(extract_entities([(article, doc)])))
    assert speaker(quote) == "Ann Berg"


@pytest.mark.parametrize(
    ("cited", "expected"),
    [
        # A reporter of an outlet the story shows relays the words of the verb's subject.
        ("Ann Kestrel of the Daily Planet", "The health office"),
        # A person of a body says them.
        ("Tom Berg of the Harbour Ministry", "Tom Berg"),
    ],
)
def test_a_person_cited_by_according_to_says_the_words_unless_a_reporter_of_an_outlet(
    nlp: Language, cited: str, expected: str
) -> None:
    text = (
        "The Daily Planet reported that the mayor would resign. The health office said it had tested everyone in "
        f"the building, according to {cited}."
    )
    assert speaker(quotes_of(nlp, text)[-1]) == expected


def test_a_paragraph_of_a_lone_mark_after_an_unclosed_quote_closes_nothing(nlp: Language) -> None:
    text = (
        "\"The bridge will reopen in May after long repairs.\n\n\"\n\n\"We are ready for the work,\" said Mayor Ann "
        "Lee."
    )
    quotes = quotes_of(nlp, text)
    assert [quote.text for quote in quotes if speaker(quote) == "Ann Lee"] == ["We are ready for the work"]


@pytest.mark.parametrize("closing", ['"', ' "'])
def test_a_paragraph_of_quoted_sentences_naming_no_speaker_is_a_quote(nlp: Language, closing: str) -> None:
    # The splitter cuts the closing mark off the last sentence, spaced off or not.
    text = (
        "The council met on Monday. The mayor spoke first.\n\n\"The bridge will reopen in May. The repairs took "
        f"longer than planned.{closing}\n\nThe vote was close."
    )
    quotes = [quote.text for quote in quotes_of(nlp, text) if quote.direct]
    assert quotes == ["The bridge will reopen in May", "The repairs took longer than planned"]


@pytest.mark.parametrize(
    "quote",
    [
        "“Nine winters at sea,” he said, “have taught me patience.”",
        # A copy that retyped the inner marks straight.
        '“Nine winters at sea," he said, "have taught me patience.”',
    ],
)
def test_both_parts_of_a_quote_split_by_its_attribution_are_the_speakers(nlp: Language, quote: str) -> None:
    text = f"Tom Okoro, a ferry captain in Leith, spoke to the council on Monday. {quote}"
    found = {q.text: speaker(q) for q in quotes_of(nlp, text) if q.direct}
    assert found == {"Nine winters at sea": "Tom Okoro", "have taught me patience": "Tom Okoro"}


def test_a_pronoun_read_back_into_a_clause_under_another_persons_main_subject_names_no_speaker(
    nlp: Language,
) -> None:
    # "he" goes on with the main subject as often as with the nearer name in a clause inside it: no sure speaker.
    text = (
        "Tom Okoro, who represents the crew, spoke on Monday. Tom Okoro declined to say whether Sam Reyes knew of "
        'the leak. "We will show that the hull was sound," he said.'
    )
    assert {q.text: speaker(q) for q in quotes_of(nlp, text) if q.direct} == {
        "We will show that the hull was sound": None
    }
    # A main subject of the other sex than the pronoun's leaves the reading sure.
    text = text.replace("Tom Okoro", "Ann Okoro").replace("crew, spoke", "crew, spoke to her staff")
    assert {q.text: speaker(q) for q in quotes_of(nlp, text) if q.direct} == {
        "We will show that the hull was sound": "Sam Reyes"
    }
