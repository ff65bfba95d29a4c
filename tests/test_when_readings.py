"""Dates near month and year ends, and readings of a date's event: what "today" means, ranges of values, and which
clause a date belongs to when the parse hangs it elsewhere."""

from __future__ import annotations

import pytest
from test_when import _one

from corroborate.claims.when import _unopened_bracket, extract_dates
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _dated(nlp, text: str, published: str, words: str):  # type: ignore[no-untyped-def]
    """The mention of ``words`` in ``text``."""
    article = Article(
        id="outlet-1", origin="outlet.txt", source="outlet", title=None, author=None, published=published,
        text=text, raw=text,
    )  # fmt: skip
    return next(mention for mention in extract_dates(article, nlp(text), None) if mention.text == words)


# 2024-01-01 is a Monday, 2024-01-02 a Tuesday, 2024-12-30 a Monday (in ISO week 2025-W01).
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The ministers met last Thursday.", "2024-01-01", "2023-12-28"),
        ("The ministers met on Thursday.", "2024-01-01", "2023-12-28"),
        ("The ministers met on Dec. 30.", "2024-01-02", "2023-12-30"),
        ("The meeting on Dec. 30 drew a crowd.", "2024-01-02", "2023-12-30"),
        ("The ministers will meet on Jan. 5.", "2024-01-01", "2024-01-05"),
        ("The talks resumed this week.", "2024-12-30", "2025-W01"),
        ("The talks will resume next week.", "2024-12-30", "2025-W02"),
        ("The talks will resume next month.", "2024-12-30", "2025-01"),
        ("The talks resumed last month.", "2024-01-02", "2023-12"),
        ("Sales rose this month.", "2024-12-30", "2024-12"),
    ],
)
def test_relative_dates_across_a_month_or_year_end(nlp, text: str, published: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, published).iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Today, such infections are rare, but they do happen.",
        "The new phone is faster than phones that exist today.",
        "The cost is weighing on the prices we're facing today.",
        "With sound rules, we can grow the economy today and protect the coast.",
    ],
)
def test_today_of_things_in_general_means_these_days(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2019-11-18")
    assert mention.reference and not mention.exact


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The museum is closed today.",
        "Protesters are in the square today.",
        "The show opens today.",
        "We can confirm today that the suspect was arrested.",
        "The crew could leave the port today.",
    ],
)
def test_today_of_a_thing_named_or_an_act_is_the_day(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2019-11-18")
    assert (mention.iso, mention.reference, mention.exact) == ("2019-11-18", False, True)


@pytest.mark.slow
def test_a_range_of_values_a_verb_of_change_goes_through_is_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "We saw that single-core scores increased from 1061 to 1128 on the test.", "2019-11-18").reference
    # A recent range under the same verb is a time, and a range far back under another verb a period of history.
    recent = _one(nlp, "The number of cases increased from 2015 to 2017, the agency said.", "2019-11-18")
    assert (recent.iso, recent.reference) == ("2015", False)
    history = _one(nlp, "The abbey was rebuilt from 1061 to 1128, records show.", "2019-11-18")
    assert (history.iso, history.reference) == ("1061", False)


@pytest.mark.slow
def test_a_doer_told_doing_it_dates_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The two aid workers were kidnapped by men carrying rifles on Friday.", "2019-11-18")
    assert mention.head == "kidnap"
    assert mention.event.startswith("The two aid workers were kidnapped")
    # A period the doer's doing fills is the doing's, not the act's.
    text = "The survey, conducted by a firm tracking prices since 2015, was published on Friday."
    assert _dated(nlp, text, "2019-11-18", "2015").head != "conduct"


@pytest.mark.slow
def test_a_joined_verb_shares_the_subject_of_the_verb_of_its_form(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Singers Ann Lee and Bo Park, pianist Cy Dunn, and drummer Di Fox will tour together for the first time in "
        "nearly 20 years during the trek, which kicks off June 9th in Miami, Florida, and concludes October 10th in "
        "Dallas, Texas."
    )
    mention = _dated(nlp, text, "2019-11-18", "October 10th")
    assert mention.event == "the trek concludes in Dallas, Texas"
    text = "The minister arrived in the city, which was calm, and met the mayor on Friday."
    assert _one(nlp, text, "2019-11-18").event == "The minister met the mayor"


@pytest.mark.slow
def test_an_earlier_act_a_past_verb_takes_is_the_event_of_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The man pleaded guilty on Monday to threatening to burn the office in March."
    threat = _dated(nlp, text, "2019-11-18", "March")
    assert (threat.iso, threat.head, threat.event) == ("2019-03", "threaten", "The man threatening to burn the office")
    assert "pleaded" in _dated(nlp, text, "2019-11-18", "Monday").event
    apology = _one(nlp, "The mayor apologized on Friday for calling the critics liars.", "2019-11-18")
    assert apology.event == "The mayor apologized for calling the critics liars"
    # The time of the past act itself, not an act it is about.
    notes = _one(nlp, "These are notes I typed in the car upon leaving the building on May 3.", "2019-11-18")
    assert "typed" in notes.event


@pytest.mark.slow
def test_a_date_set_beside_a_noun_after_a_dated_clause_is_the_nouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The band will play Denver on May 3, with Houston hosting the final show of the tour, May 10."
    final = _dated(nlp, text, "2019-11-18", "May 10")
    assert (final.iso, final.event) == ("2020-05-10", "the final show of the tour")
    # A clause with no other date: the date after the comma is its own.
    alone = _one(nlp, "The minister met the envoy in the capital, Friday.", "2019-11-18")
    assert alone.event == "The minister met the envoy"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Next year is the year of the census, the minister said.", "Next year is the year of the census"),
        # A time that merely comes tells no event: the sentence does.
        ("When February rolls around, the firm will hire.", "When February rolls around, the firm will hire."),
        # Not a date naming its subject, nor the time of a clause with a subject of its own.
        ("Friday's vote ended the strike.", "Friday's vote ended the strike"),
        ("The firm was sold last year.", "The firm was sold"),
    ],
)
def test_a_date_that_is_its_clauses_subject_stays_in_the_event(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2019-11-18").event == event


@pytest.mark.slow
def test_a_subjects_date_is_its_own_when_the_clause_has_another(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The plant's opening in May 2006 doubled output by 2009."
    assert _dated(nlp, text, "2019-11-18", "May 2006").event == "The plant's opening"
    alone = _one(nlp, "The plant's opening in May 2006 doubled the town's output.", "2019-11-18")
    assert alone.event == "The plant's opening doubled the town's output"


@pytest.mark.slow
def test_a_preposition_of_two_words_goes_with_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The service only includes a single game as of today — a racing game.", "2019-11-18")
    assert " as " not in f" {mention.event} "
    assert mention.event.startswith("The service includes a single game")


@pytest.mark.slow
def test_a_bracket_closing_an_aside_the_phrase_cuts_is_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He said [the firm] won the bid.")
    closing = next(token for token in doc if token.text == "]")
    cut = [token for token in doc if token.text != "["]
    assert _unopened_bracket(closing, cut)
    assert not _unopened_bracket(closing, list(doc))  # a pair stays


@pytest.mark.slow
def test_a_time_limit_have_gives_stays_in_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    limit = _one(nlp, "The bidders had until Nov. 1 to submit detailed plans for the bridge.", "2019-11-18")
    assert limit.event.startswith("The bidders had until Nov. 1")
    # An obligation with its date after the act: the date goes, as for any other event.
    assert _one(nlp, "The bidders had to submit their plans by Friday.", "2019-11-18").event.endswith("their plans")
