"""Dates: normalised, relative dates resolved near month and year ends, the timeline, date contradictions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corroborate.claims.when import (
    DateMention,
    StoryDate,
    _one_event_word,
    build_timeline,
    date_contradictions,
    extract_dates,
    period_of,
    stamped_date,
    story_anchor,
)
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


def _article(text: str, published: str | None, source: str = "outlet") -> Article:
    return Article(
        id=f"{source}-1",
        origin=f"{source}.txt",
        source=source,
        title=None,
        author=None,
        published=published,
        text=text,
        raw=text,
    )


def _dates(  # type: ignore[no-untyped-def]
    nlp, text: str, published: str | None, anchor: date | StoryDate | None = None, source: str = "outlet"
) -> list[DateMention]:
    return extract_dates(_article(text, published, source), nlp(text), anchor)


def _one(nlp, text: str, published: str | None, anchor: date | None = None) -> DateMention:  # type: ignore[no-untyped-def]
    found = _dates(nlp, text, published, anchor)
    assert len(found) == 1, found
    return found[0]


# 2025-10-31 is a Friday, 2025-10-30 a Thursday, 2025-11-03 a Monday.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("published", "expected"),
    [("2025-10-31", "2025-10-23"), ("2025-10-30", "2025-10-23"), ("2025-11-03", "2025-10-30")],
)
def test_last_weekday_is_in_the_previous_week(nlp, published: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The ministers spoke by phone last Thursday.", published)
    assert (mention.iso, mention.granularity, mention.basis, mention.exact) == (expected, "day", "published", True)
    assert mention.resolution == f"'last Thursday' before {published} (published) -> {expected}"


@pytest.mark.slow
def test_bare_weekday_follows_the_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "The ministers met on Thursday.", "2025-10-31").iso == "2025-10-30"
    assert _one(nlp, "The ministers will meet on Thursday.", "2025-10-31").iso == "2025-11-06"
    assert _one(nlp, "The ministers met on Friday.", "2025-10-31").iso == "2025-10-31"


@pytest.mark.slow
def test_yesterday_across_a_year_end(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The parliament passed the budget yesterday.", "2026-01-01")
    assert mention.iso == "2025-12-31"
    assert "before 2026-01-01 (published)" in mention.resolution


@pytest.mark.slow
def test_last_month_name_reaches_into_the_previous_year(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The company filed for bankruptcy last December.", "2026-01-15")
    assert (mention.iso, mention.granularity) == ("2025-12", "month")
    assert _one(nlp, "The plant will reopen next January.", "2025-12-20").iso == "2026-01"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders will meet on January 3.", "2026-01-03"),
        ("The deadline for the talks is January 3.", "2026-01-03"),
        ("The leaders met on January 3.", "2025-01-03"),
    ],
)
def test_yearless_date_near_a_year_end_takes_its_year_from_the_tense(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2025-12-30")
    assert (mention.iso, mention.granularity, mention.exact) == (expected, "day", True)


@pytest.mark.slow
def test_yearless_date_in_the_past(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The president had a productive call with his counterpart on October 16.", "2025-10-31")
    assert mention.iso == "2025-10-16"
    assert mention.resolution == "'October 16' before 2025-10-31 (published) -> 2025-10-16"
    assert "call with his counterpart" in mention.event


@pytest.mark.slow
def test_counted_back_and_within_periods(nlp) -> None:  # type: ignore[no-untyped-def]
    ago = _one(nlp, "The two leaders held a summit in the capital two months ago.", "2025-10-31")
    assert (ago.iso, ago.granularity, ago.exact) == ("2025-08", "month", False)
    assert "summit" in ago.event
    days = _one(nlp, "The strike hit the port three days ago.", "2025-03-02")
    assert (days.iso, days.exact) == ("2025-02-27", True)
    year = _one(nlp, "The factory closed a year ago.", "2025-03-02")
    assert (year.iso, year.granularity) == ("2024", "year")
    earlier = _one(nlp, "The president repeated this stance earlier this month.", "2025-10-31")
    assert (earlier.iso, earlier.granularity, earlier.exact) == ("2025-10", "month", False)
    week = _one(nlp, "The delegation will travel to the region next week.", "2025-12-29")
    assert (week.iso, week.granularity) == ("2026-W02", "week")
    assert period_of(week.iso, week.granularity) == (date(2026, 1, 5), date(2026, 1, 11))


@pytest.mark.slow
def test_stated_dates_stand_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _dates(nlp, "The treaty was signed on 16 October 2025 and the war began in March 2014.", None)
    assert [(m.iso, m.granularity, m.basis) for m in found] == [
        ("2025-10-16", "day", "stated"),
        ("2014-03", "month", "stated"),
    ]
    assert found[0].resolution == "'16 October 2025' stated -> 2025-10-16"


@pytest.mark.slow
def test_story_date_is_the_fallback_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "The ministers spoke by phone yesterday.", None, anchor=date(2025, 11, 1))
    assert (mention.iso, mention.basis) == ("2025-10-31", "story")
    assert "(story date)" in mention.resolution
    unanchored = _one(nlp, "The ministers spoke by phone yesterday.", None)
    assert (unanchored.iso, unanchored.basis) == (None, "unresolved")


@pytest.mark.slow
def test_spans_of_time_and_datelines_are_not_dates(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Friday, October 31, 2025\n\nThe war, now entering its fourth year, has lasted for two weeks of talks."
    assert _dates(nlp, text, "2025-10-31") == []


@pytest.mark.slow
def test_weekdays_and_periods_across_a_year_end(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2025-12-29 is a Monday, 2026-01-01 a Thursday.
    assert _one(nlp, "The minister said on Sunday that talks would resume.", "2025-12-29").iso == "2025-12-28"
    assert _one(nlp, "The minister spoke to reporters last Sunday.", "2026-01-01").iso == "2025-12-28"
    week = _one(nlp, "The minister resigned earlier this week.", "2026-01-01")
    assert (week.iso, week.granularity, week.exact) == ("2026-W01", "week", False)
    month = _one(nlp, "The minister resigned earlier this month.", "2026-01-02")
    assert (month.iso, month.granularity, month.exact) == ("2026-01", "month", False)


@pytest.mark.slow
def test_date_closing_an_opening_clause_dates_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "in November" on "has had"; the comma says the main clause begins after it.
    text = "Since the rebels last fired a rocket – or any shell – in November, the town has had months of calm."
    mention = _one(nlp, text, "2026-03-10")
    assert (mention.iso, mention.event) == ("2025-11", "the rebels fired a rocket – or any shell")
    opening = _one(nlp, "After the council approved the plan earlier this year, the mayor hired staff.", "2025-06-01")
    assert opening.event == "the council approved the plan"


@pytest.mark.slow
def test_event_keeps_its_action_and_drops_the_date_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    vowed = _one(nlp, "In August, the union vowed to strike against the railway operator.", "2025-10-01")
    assert (vowed.iso, vowed.event) == ("2025-08", "the union vowed to strike against the railway operator")
    expected = _one(nlp, "The president is expected to make a decision on May 12.", "2018-04-24")
    assert (expected.iso, expected.event) == ("2018-05-12", "The president is expected to make a decision")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The judge has scheduled a May 17 hearing on the motions to dismiss.", "2018-04-20", "2018-05-17"),
        ("The court scheduled the hearing for January 5.", "2025-12-20", "2026-01-05"),
        ("The court held the hearing on January 5.", "2025-12-20", "2025-01-05"),
        ("The governor has given the agency a May 10 deadline to respond.", "2018-04-20", "2018-05-10"),
        ("The governor gave the agency a deadline of May 10 to respond.", "2018-04-20", "2018-05-10"),
        ("The agency attended the May 10 meeting.", "2018-04-20", "2017-05-10"),
        ("Voters are focused on the economy ahead of November's elections.", "2018-04-20", "2018-11"),
        ("Voters were focused on the economy in November.", "2018-04-20", "2017-11"),
    ],
)
def test_scheduled_and_awaited_dates_look_ahead(nlp, text: str, published: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, published).iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders may play a round of golf on Wednesday.", "2018-04-18"),
        ("The two leaders may have played a round of golf on Wednesday.", "2018-04-11"),
        ("The chancellor is to repeat that message Friday, diplomats said.", "2018-04-20"),
        ("The chancellor repeated that message Friday, diplomats said.", "2018-04-13"),
        ("After the talks ended on Monday, the leaders will meet again.", "2018-04-16"),
        ("After the talks ended on Monday, the leaders may meet again.", "2018-04-16"),
    ],
)
def test_possible_and_arranged_events_look_ahead(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-17").iso == expected  # a Tuesday


@pytest.mark.slow
def test_the_last_year_is_a_span_not_last_calendar_year(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, "The friendship we have developed over the last year is strong, he said.", "2018-04-24") == []
    assert _one(nlp, "The two countries developed their friendship last year.", "2018-04-24").iso == "2017"


@pytest.mark.slow
def test_a_date_heading_its_sentence_alone_gives_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse makes "later" the sentence's root: the date's own phrase holds no word but the date and the
    # paragraph break after it.
    text = (
        "Two years later, the cooperative signed over to the Loan Fund its property and assets to settle a $5. 3 "
        "million debt.\n\n"
    )
    assert _one(nlp, text, "2018-04-20").event.startswith("Two years later, the cooperative signed over")


@pytest.mark.slow
def test_editors_notes_date_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The minister met the envoy on Tuesday.\n\n"
        "This story has been updated to note that the minister confirmed the meeting in a tweet Wednesday morning."
    )
    assert [m.text for m in _dates(nlp, text, "2018-04-17")] == ["Tuesday"]
    stamped = "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: 23:10 GMT, 7 July 2012\n\nThe club sacked its coach."
    assert _dates(nlp, stamped, None) == []


@pytest.mark.slow
def test_weekday_in_local_time_may_be_the_day_after_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2018-04-20 is a Friday: a Saturday told in local time may be the next day, abroad.
    local = _one(nlp, "The agency reported the launch Saturday morning local time.", "2018-04-20")
    assert local.iso == "2018-04-21"
    assert local.resolution == "'Saturday' after 2018-04-20 (published) -> 2018-04-21"
    bracketed = _one(nlp, "The agency's announcement Saturday (local time) may be a ploy.", "2018-04-20")
    assert bracketed.iso == "2018-04-21"
    assert _one(nlp, "The agency reported the launch on Saturday.", "2018-04-20").iso == "2018-04-14"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("The country fired 23 missiles between February and December 2017, a count showed.", "2017-02", "month"),
        ("Prices rose from December to February 2018, the agency said.", "2017-12", "month"),
        ("Prices rose from Dec. 28 to Jan. 3, 2026, the agency said.", "2025-12-28", "day"),
        ("The talks ran October 16-18, 2025, in Geneva.", "2025-10-16", "day"),
        ("The coach led the team to the playoffs in 2006-07, the club said.", "2006", "year"),
    ],
)
def test_range_is_dated_by_its_start_in_the_ends_year(nlp, text: str, expected: str, granularity: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2026-02-20")
    assert (mention.iso, mention.granularity, mention.basis, mention.exact) == (expected, granularity, "stated", False)


@pytest.mark.slow
def test_range_split_in_two_dates_gives_its_start_the_ends_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The regime carried out 16 tests between February and December 2017, according to a count."
    found = _dates(nlp, text, "2018-04-20")
    assert [(m.text, m.iso, m.basis) for m in found] == [
        ("February", "2017-02", "stated"),
        ("December 2017", "2017-12", "stated"),
    ]
    # Two dates that only share a sentence are no range: the first keeps the publication year.
    apart = _dates(nlp, "The regime tested missiles in February and again in December 2017.", "2018-04-20")
    assert [(m.iso, m.basis) for m in apart] == [("2018-02", "published"), ("2017-12", "stated")]


def test_story_anchor_is_the_median_publication_day() -> None:
    articles = [
        _article("a", "2025-10-20"),
        _article("b", None),
        _article("c", "2025-10-22T10:00:00"),
        _article("d", "2025-11-30"),
    ]
    # The stray copy five weeks on sets neither the day nor the span the reports came out in.
    assert story_anchor(articles) == StoryDate(date(2025, 10, 22), date(2025, 10, 20), date(2025, 10, 22))
    near = [*articles, _article("e", "2025-10-27")]
    assert story_anchor(near) == StoryDate(date(2025, 10, 22), date(2025, 10, 20), date(2025, 10, 27))
    assert story_anchor([_article("b", None)]) is None


@pytest.mark.slow
def test_undated_weekday_stays_unresolved_when_the_story_was_reported_over_days(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The council approved the new budget on Tuesday."
    # Reported from a Monday to the Thursday of the week after: "Tuesday" may be either week's, so it is not guessed,
    # and the resolution shows both readings.
    spread = StoryDate(date(2025, 10, 22), date(2025, 10, 20), date(2025, 10, 30))
    (mention,) = _dates(nlp, text, None, spread)
    assert (mention.iso, mention.exact, mention.basis) == (None, False, "unresolved")
    assert "uncertain: 2025-10-14 if told on 2025-10-20, 2025-10-28 if told on 2025-10-30" in mention.resolution
    assert build_timeline({mention.article_id: [mention]}) == []
    # Hard case: reported on a Wednesday and a Thursday, the Tuesday is that week's whichever day it was told.
    close = StoryDate(date(2025, 10, 22), date(2025, 10, 22), date(2025, 10, 23))
    (sure,) = _dates(nlp, text, None, close)
    assert (sure.iso, sure.exact, "uncertain" in sure.resolution) == ("2025-10-21", True, False)
    # Nor is a dated article's weekday, which its own date fixes.
    (dated,) = _dates(nlp, text, "2025-10-23", spread)
    assert (dated.iso, dated.basis, "uncertain" in dated.resolution) == ("2025-10-21", "published", False)


@pytest.mark.slow
def test_page_stamp_of_posting_dates_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, "Posted: Oct 20, 2025 7:40 PM ET", "2025-10-20") == []
    assert _dates(nlp, "Posted 1 year, 12 days ago", "2025-10-20") == []
    # Hard case: a participle of being sent somewhere opens a sentence that dates its events.
    kept = _dates(nlp, "Posted abroad in 2019, the diplomat returned home on Monday.", "2025-10-22")
    assert [m.iso for m in kept] == ["2019", "2025-10-20"]


# ---- Timeline and contradictions ----------------------------------------------------------------------------


@pytest.mark.slow
def test_timeline_merges_one_event_told_by_several_outlets(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": ("The president held a phone call with the chancellor on October 16.", "2025-10-31"),
        "right": ("The president's phone call with the chancellor took place last Thursday.", "2025-10-22"),
        "centre": ("Parliament approved the budget on October 20, after a long debate.", "2025-10-31"),
    }
    mentions = {
        f"{source}-1": _dates(nlp, text, published, source=source) for source, (text, published) in texts.items()
    }
    timeline = build_timeline(mentions)
    assert [(event.date, event.sources) for event in timeline] == [
        ("2025-10-16", ["left-1", "right-1"]),
        ("2025-10-20", ["centre-1"]),
    ]
    assert "last Thursday" in timeline[0].resolution and "October 16" in timeline[0].resolution


@pytest.mark.slow
def test_yearless_day_takes_the_year_the_story_states_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "left": ("The envoy confronted the minister about the dossier on Feb. 8, 2017.", None),
        "right": ("In a Feb. 8 meeting with the minister, the envoy raised the dossier.", "2018-04-19"),
        "centre": ("Parliament approved the budget on March 2.", "2018-04-19"),
    }
    mentions = {
        f"{source}-1": _dates(nlp, text, published, source=source) for source, (text, published) in texts.items()
    }
    assert mentions["right-1"][0].iso == "2018-02-08"  # alone, the publication year
    timeline = build_timeline(mentions)
    right = next(event for event in timeline if "right-1" in event.sources)
    assert right.date == "2017-02-08"
    assert "'Feb. 8' in the year the story states for that day -> 2017-02-08" in right.resolution
    # A day the story states no year for keeps the publication year.
    assert next(event for event in timeline if event.sources == ["centre-1"]).date == "2018-03-02"


_THREAD = (
    "Among the disclosures in the memos is a Feb. 8, 2017, encounter in which the president confronted the "
    "director about the dossier."
)


def _thread_timeline(nlp, told: str, published: str, stated: str = _THREAD):  # type: ignore[no-untyped-def]
    mentions = {
        "left-1": _dates(nlp, stated, "2018-04-19", source="left"),
        "right-1": _dates(nlp, told, published, source="right"),
    }
    return [event for event in build_timeline(mentions) if event.sources == ["right-1"]]


@pytest.mark.slow
def test_yearless_days_of_an_account_take_the_year_the_story_states_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    told = (
        "During their Jan. 27 dinner, the director wrote that the president asked him about the dossier. "
        "On March 30, the director wrote that the president had called him about the dossier. "
        "The president told the director during their March 30 conversation that the dossier was a lie."
    )
    timeline = _thread_timeline(nlp, told, "2018-04-20")
    # The two March 30 sentences tell one conversation: the director's note of the call and what was said in it.
    assert [event.date for event in timeline] == ["2017-01-27", "2017-03-30"]
    assert (
        "'Jan. 27' in the year of the account the story dates by 'Feb. 8, 2017' -> 2017-01-27" in timeline[0].resolution
    )
    # Alone, March 30 lies nearer the publication than the account (see the jury case below): it moves because
    # its article tells the account's Jan. 27 in the year before.
    assert (
        "'March 30' in the year of the account the story dates by 'Feb. 8, 2017' -> 2017-03-30"
        in timeline[1].resolution
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("told", "published", "stated", "expected"),
    [
        # Near a year's turn the thread runs on into the new year: Jan. 3 is the one after Dec. 28, 2017.
        (
            "On Jan. 3, police again fired tear gas at protesters in the capital.",
            "2018-01-05",
            "Police fired tear gas at protesters in the capital on Dec. 28, 2017.",
            "2018-01-03",
        ),
        # A later event of the thread, told alone, lies nearer the publication than the thread's stated day.
        (
            "On March 30, a jury convicted the gunman who killed 17 people at the school.",
            "2018-04-20",
            "A gunman killed 17 people at the school on Feb. 14, 2017.",
            "2018-03-30",
        ),
        # Another matter of the story keeps the publication's year.
        ("On March 30, parliament approved the budget for the coming year.", "2018-04-20", _THREAD, "2018-03-30"),
        # An article that writes years where needed means the current year where it writes none.
        (
            "The director first met the president on Feb. 8, 2017. On March 30, the president called the director"
            " about the dossier.",
            "2018-04-20",
            _THREAD,
            "2018-03-30",
        ),
        # A narrative jumping the year: the account's Jan. 3 follows its Dec. 28, 2016, not the publication.
        (
            "On Jan. 3, the president called the director about the dossier again.",
            "2018-04-20",
            _THREAD.replace("Feb. 8, 2017", "Dec. 28, 2016"),
            "2017-01-03",
        ),
        # February 29 has no day in the year before.
        (
            "On Feb. 29, the president called the director about the dossier.",
            "2024-03-10",
            _THREAD.replace("2017", "2023"),
            "2024-02-29",
        ),
    ],
)
def test_yearless_days_take_the_year_nearest_their_account(  # type: ignore[no-untyped-def]
    nlp, told: str, published: str, stated: str, expected: str
) -> None:
    assert expected in [event.date for event in _thread_timeline(nlp, told, published, stated)]


@pytest.mark.slow
def test_same_event_dated_differently_is_a_contradiction(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [
        *_dates(nlp, "The two foreign ministers met in Geneva on October 16.", "2025-10-31", source="left"),
        *_dates(nlp, "The two foreign ministers met in Geneva on October 18.", "2025-10-31", source="right"),
        *_dates(nlp, "Parliament approved the budget on October 20.", "2025-10-31", source="centre"),
    ]
    [contradiction] = date_contradictions(found)
    assert contradiction.kind == "date"
    assert {p.value: p.sources for p in contradiction.positions} == {
        "2025-10-16": ["left-1"],
        "2025-10-18": ["right-1"],
    }


@pytest.mark.slow
def test_guessed_and_nested_dates_do_not_contradict(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [
        *_dates(nlp, "The two foreign ministers met in Geneva on October 16.", "2025-10-31", source="left"),
        *_dates(nlp, "The two foreign ministers met in Geneva last Thursday.", None, date(2025, 10, 31), "right"),
        *_dates(nlp, "The two foreign ministers met in Geneva in October 2025.", None, source="centre"),
    ]
    assert date_contradictions(found) == []


@pytest.mark.slow
def test_a_verb_and_its_noun_date_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [
        *_dates(nlp, "The two foreign ministers met in Geneva on March 6.", "2025-03-10", source="left"),
        *_dates(nlp, "The ministers' meeting in Geneva was on March 7.", "2025-03-10", source="right"),
    ]
    assert [(m.head, m.bound) for m in found] == [("meet", ""), ("meeting", "")]
    [contradiction] = date_contradictions(found)
    assert {p.value for p in contradiction.positions} == {"2025-03-06", "2025-03-07"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second"),
    [
        # What was announced is not the announcement.
        (
            "The power outage beginning March 3 left thousands of homes without electricity.",
            "The utility announced on March 5 that the power outage left thousands of homes without electricity.",
        ),
        # The start of a period is no day of a thing done at once, in words however like.
        ("Since March 2 the strike has closed every school.", "The strike closed every school on March 4."),
    ],
)
def test_dates_of_two_events_told_in_like_words_do_not_contradict(nlp, first: str, second: str) -> None:  # type: ignore[no-untyped-def]
    found = [*_dates(nlp, first, "2025-03-10", source="left"), *_dates(nlp, second, "2025-03-10", source="right")]
    assert len({m.iso for m in found}) == 2
    assert date_contradictions(found) == []


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ("meet", "meeting", True),
        ("rule", "ruling", True),
        ("arrive", "arrival", True),
        ("kill", "kill", True),
        ("announce", "leave", False),
        ("die", "dinner", False),
        ("close", "start", False),
    ],
)
def test_a_verb_and_its_noun_are_one_event_word(first: str, second: str, one: bool) -> None:
    assert _one_event_word(first, second) is one


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "head", "bound"),
    [
        ("Calls to the firm were not answered Monday afternoon.", "answer", ""),
        ("The vote was on Friday.", "vote", ""),
        ("Prices rise starting Monday.", "rise", "start"),
        ("Talks will run until March 12.", "run", "until"),
        ("Officials said the bridge had been closed from March 1.", "close", "from"),
    ],
)
def test_a_date_keeps_its_event_word_and_the_bound_it_sets(nlp, text: str, head: str, bound: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2025-03-10")
    assert (mention.head, mention.bound) == (head, bound)


@pytest.mark.slow
def test_budapest_corpus_timeline(nlp, budapest_corpus: Path) -> None:  # type: ignore[no-untyped-def]
    anchor = date(2025, 10, 31)  # the one dated copy's dateline
    mentions = {}
    for path in sorted(budapest_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions[path.stem] = extract_dates(_article(text, None, path.stem), nlp(text), anchor)
    timeline = build_timeline(mentions)
    call = next(event for event in timeline if event.date == "2025-10-16")
    assert "call" in call.event
    assert {name[:3] for name in call.sources} == {"002", "004"}
    anchorage = next(event for event in timeline if event.period == "2025-08")
    assert "summit" in anchorage.event and [name[:3] for name in anchorage.sources] == ["004"]
    assert [event.period for event in timeline] == sorted(event.period or "" for event in timeline)
    assert date_contradictions([m for found in mentions.values() for m in found]) == []


# ---- Years that name a thing -------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Investigators looked into Russian interference in the 2016 election, the report said.",
        'The suit alleged that the campaign "welcomed the help" in the 2016 election.',  # a quote mark between
        "Under a 2006 law, the agency must report its spending.",
        "The campaign manager for his 2020 re-election bid called the suit a sham.",
        "Russia will try to meddle in the 2020 election, officials warned.",  # the event told lies ahead
        "The 2018 budget was passed on Friday.",  # the event told has its own date
        "The troops stayed after the 1950-53 Korean War.",
    ],
)
def test_year_naming_a_thing_is_a_reference(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    years = [m for m in _dates(nlp, text, "2018-04-20") if m.granularity == "year"]
    assert len(years) == 1 and years[0].reference, years
    assert all(event.period is None or len(event.period) > 4 for event in build_timeline({"outlet-1": years}))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("In 2016, he founded the company.", "he founded the company"),
        ("The party used a similar tactic during the scandal in 1972.", "used a similar tactic"),
        ("During the 2016 presidential campaign, Russia launched an all-out assault.", "Russia launched an all-out"),
        ('The chair said in a statement: "During the 2016 campaign, Russia launched an assault."', "Russia launched"),
        ("The 2008 financial crisis wiped out millions of jobs.", "crisis wiped out millions of jobs"),
        ("Russia interfered in the 2016 election, officials said.", "Russia interfered"),
        ("Trump beat Clinton in the 2016 election.", "Trump beat Clinton"),
    ],
)
def test_year_dating_a_past_event_is_kept(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2018-04-20")
    assert (mention.granularity, mention.reference) == ("year", False)
    assert event in mention.event
    [entry] = build_timeline({"outlet-1": [mention]})
    assert event in entry.event


@pytest.mark.slow
def test_date_closing_a_range_opens_no_entry(nlp) -> None:  # type: ignore[no-untyped-def]
    pair = _dates(nlp, "In 2015 and 2016, agents hacked the party's servers.", "2018-04-20")
    assert [(m.iso, m.reference) for m in pair] == [("2015", False), ("2016", True)]
    assert [event.period for event in build_timeline({"outlet-1": pair})] == ["2015"]
    text = "The regime carried out 16 tests between February and December 2017, according to a count."
    ranged = _dates(nlp, text, "2018-04-20")
    assert [event.period for event in build_timeline({"outlet-1": ranged})] == ["2017-02"]
    # Dates of two clauses are no range: each opens its entry.
    apart = _dates(nlp, "The House passed the bill in 2015 and the Senate passed it in 2016.", "2018-04-20")
    assert [m.reference for m in apart] == [False, False]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "unspecified"),
    [
        ("Democrats want a judge to investigate what happened in 2016.", True),
        ("Remember the reality of what we witnessed back in 2017.", True),
        ("That's exactly what we're doing today, the chair said.", True),
        ("The report found no collusion with Russia in 2016, the senator said.", True),  # a thing denied
        ("Investigators found no collusion with the campaign in 2016, the senator said.", True),
        ("Reporters asked what the minister said on Friday about the deal.", False),  # a named doer
        ("The council approved what the mayor proposed in March.", False),
    ],
)
def test_what_happened_opens_no_entry(nlp, text: str, unspecified: bool) -> None:  # type: ignore[no-untyped-def]
    [mention] = _dates(nlp, text, "2018-04-20")
    assert mention.reference == unspecified
    assert bool(build_timeline({"outlet-1": [mention]})) != unspecified


@pytest.mark.slow
def test_reference_joins_the_entry_of_its_event(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = {
        "left-1": _dates(nlp, "The leaders held a summit in Geneva on October 16, 2025.", None, source="left"),
        "right-1": _dates(nlp, "Critics have mocked the 2025 summit in Geneva.", None, source="right"),
    }
    assert mentions["right-1"][0].reference
    [entry] = build_timeline(mentions)
    assert (entry.date, entry.sources) == ("2025-10-16", ["left-1", "right-1"])


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Inflation soared in the 1990s, officials said.",
        "He moved to Paris in the early 2000s.",
        "In the '90s, the firm grew.",
    ],
)
def test_decades_are_not_dates(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, text, "2018-04-20") == []


@pytest.mark.slow
def test_date_after_a_joined_preposition_dates_the_same_action(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, "Britain and France discussed it in the 1980s and again in 2009.", "2018-04-20")
    assert mention.iso == "2009"
    assert "Britain and France discussed it" in mention.event


def test_sentence_vectors_embed_each_text_once() -> None:
    """The store gives the vectors ``nlp.embed`` gives, embeds a text it holds no more, and keeps every text
    of the story (the timeline reuses what the contradictions embedded)."""
    import numpy as np

    from corroborate.claims.when import SentenceVectors
    from corroborate.nlp import embed

    vectors = SentenceVectors()
    first = vectors.matrix(["The talks ended on Monday.", "The ministers met.", "The ministers met."])
    assert len(vectors) == 2 and np.array_equal(first[1], first[2])
    again = vectors.matrix(["The ministers met.", "The vote was delayed."])
    assert np.array_equal(again[0], first[1])  # the kept vector, not a new embedding
    assert np.allclose(again, embed(["The ministers met.", "The vote was delayed."]), atol=1e-5)
    assert len(vectors) == 3
    assert vectors.matrix([]).shape == (0, first.shape[1])


@pytest.mark.slow
def test_dates_no_outlet_writes_out_or_apart_by_an_unsaid_year_are_no_contradiction(nlp) -> None:  # type: ignore[no-untyped-def]
    # Two weekdays read against two publication dates (2010-05-04 and 2010-04-27, both Tuesdays).
    weekdays = [
        *_dates(nlp, "Unionists marched on parliament, where a vote on the cuts will be held Thursday.", "2010-05-04",
                source="left"),
        *_dates(nlp, "Unionists marched on parliament, where a vote on the cuts was held Thursday.", "2010-04-30",
                source="right"),
    ]
    assert len({m.iso for m in weekdays}) == 2
    assert date_contradictions(weekdays) == []
    # A report a year on gives the day without its year.
    year_on = [
        *_dates(nlp, "The deputy was killed on June 24 while investigating an attack.", "2006-07-10", source="left"),
        *_dates(nlp, "The deputy was killed Friday while investigating an attack.", "2005-06-25", source="right"),
    ]
    assert {m.iso for m in year_on} == {"2006-06-24", "2005-06-24"}
    assert date_contradictions(year_on) == []


@pytest.mark.slow
def test_timeline_and_contradictions_share_one_store(nlp) -> None:  # type: ignore[no-untyped-def]
    from corroborate.claims.when import SentenceVectors

    found = [
        *_dates(nlp, "The two foreign ministers met in Geneva on October 16.", "2025-10-31", source="left"),
        *_dates(nlp, "The two foreign ministers met in Geneva on October 18.", "2025-10-31", source="right"),
    ]
    vectors = SentenceVectors()
    assert len(date_contradictions(found, vectors=vectors)) == 1
    kept = len(vectors)
    assert kept == 2  # the one event phrase and the one date-masked sentence both outlets write
    timeline = build_timeline({"left-1": found[:1], "right-1": found[1:]}, vectors=vectors)
    assert len(vectors) == kept  # nothing embedded twice
    assert [event.date for event in timeline] == ["2025-10-16", "2025-10-18"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The DNC blames Russia for breaches of its computer systems in 2015.", "breaches of its computer systems"),
        ("The senator criticises the minister over cuts to the budget in 2014.", "cuts to the budget"),
    ],
)
def test_past_date_on_a_present_verb_dates_the_thing_before_it(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-20").event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("A driver has admitted dangerous driving after a crash on the motorway late on Friday.", "a crash on the"),
        ("The islanders are haunted by harrowing memories of the world's worst tsunami in December 2004.", "harrowing"),
    ],
)
def test_past_day_on_a_present_perfect_or_passive_dates_the_thing_before_it(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2021-04-20")
    assert mention.event.startswith(event), mention.event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The club has held the trophy since 2006.", "The club has held the trophy"),  # a bound: the perfect takes it
        ("Police have arrested a teenager on Sunday.", "Police have arrested a teenager"),  # its own object: the act
        ("The museum has reopened its east wing this week.", "The museum has reopened its east wing"),  # not gone by
    ],
)
def test_present_perfect_keeps_its_date_otherwise(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2021-04-20").event.startswith(event)


@pytest.mark.slow
def test_perfect_participle_is_its_own_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The striker scored twice in the final, having joined the club in March."
    event = _one(nlp, text, "2021-06-20").event
    assert "having joined the club" in event and "scored" not in event, event
    # A participle of the main clause's own time keeps the main clause's event.
    text = "Speaking to reporters on Monday, the coach praised the striker."
    assert "the coach praised" in _one(nlp, text, "2021-06-20").event


@pytest.mark.slow
def test_second_object_with_a_date_of_its_own_is_told_with_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _dates(nlp, "The team won the league title in 2001 and the national cup in 2005.", "2021-06-20")
    assert [m.event for m in found] == ["The team won the league title", "The team won the national cup"]
    # A second verb has a clause of its own.
    found = _dates(nlp, "The firm bought a mill in 1990 and sold it in 1995.", "2021-06-20")
    assert [m.event for m in found] == ["The firm bought a mill", "The firm sold it"]


@pytest.mark.slow
def test_dated_noun_keeps_a_possessor_that_is_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks stalled three weeks before the new bridge's May 3 opening."
    assert _one(nlp, text, "2021-06-20").event == "the new bridge's opening"


# 2021-05-05 is a Wednesday.
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The aim is a signed deal by Friday.", "The mayor wrote to the board, urging it to approve the budget by Friday."],
)
def test_deadline_day_lies_ahead(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2021-05-05").iso == "2021-05-07"


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The rebels had taken the town by Friday.", "The repairs were finished by Friday."])
def test_deadline_day_told_in_the_past_is_past(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2021-05-05").iso == "2021-04-30"


@pytest.mark.slow
def test_ed_form_with_its_own_subject_is_past(nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger takes "ended" after a hyphen for a participle; with a subject and no auxiliary it is the simple past.
    text = (
        "Her new contract comes after Jones rear - ended a bus with her car on the ring road on June 8, and then left."
    )
    assert _one(nlp, text, "2021-05-03").iso == "2020-06-08"
    # A participle with no doer of its own keeps the reading by nearness: "due ... June 8" lies ahead.
    assert _one(nlp, "The report, expected on June 8, is late.", "2021-05-03").iso == "2021-06-08"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The striker scored for the first time since 2015 and celebrated.",
        "The navy foiled the raid, its fourth successful operation since September.",
        "The town has had the worst floods since 1998.",
    ],
)
def test_date_bounding_a_count_or_record_is_a_reference(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    mention = _one(nlp, text, "2021-11-20")
    assert mention.reference, mention


@pytest.mark.slow
def test_date_bounding_a_count_in_a_phrase_of_its_own_is_a_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It was the first death during a protest in the country since 1989."
    assert _one(nlp, text, "2021-11-20").reference


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["The club has won the league every year since 2006.", "Sales have grown since the launch in March."]
)
def test_date_bounding_no_count_stays_an_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not _one(nlp, text, "2021-11-20").reference


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The DNC blamed Russia for breaches of its computer systems in 2015.", "The DNC blamed Russia"),  # past verb
        ("The company plans a merger with its rival in 2019.", "The company plans a merger"),  # date ahead
        ("The party blames Russia in 2015.", "The party blames Russia"),  # a name is no thing that happened
    ],
)
def test_date_stays_on_its_verb_otherwise(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-20").event.startswith(event)


@pytest.mark.slow
def test_an_event_phrase_keeps_no_scraps_of_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    midterms = _one(nlp, "Democrats will campaign on it ahead of November's midterm elections.", "2018-04-20")
    assert midterms.event.startswith("midterm elections")
    lawsuit = _one(nlp, "Friday's lawsuit opens another legal challenge to the council.", "2018-04-20")
    assert not lawsuit.event.startswith("'s") and "lawsuit" in lawsuit.event
    analysis = _one(nlp, "A 2018 analysis of the data found evidence of plumes of water vapour.", "2019-11-18")
    assert analysis.event.startswith("A 2018 analysis of the data found")  # never "A analysis"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A day naming the noun of a clause: the clause, with its date, never "a interview" or "their conversation".
        (
            "Discussing the plan in a Thursday interview with the network, the mayor said he favored openness.",
            "the mayor said he favored openness",
        ),
        (
            "The mayor told the chief during their March 30 conversation that he had done nothing.",
            "The mayor told the chief during their March 30 conversation that he had done nothing",
        ),
        (
            "During their March 30 dinner, the mayor told the chief that he had done nothing.",
            "During their March 30 dinner, the mayor told the chief that he had done nothing",
        ),
        # A time word after the date is part of it: the event is the clause, not "Friday evening" or "night".
        ("Friday evening, the rebels withdrew from the town.", "the rebels withdrew from the town"),
        (
            "The chairmen issued a joint statement Thursday night attacking the mayor.",
            "The chairmen issued a joint statement",
        ),
        # The date between subject and verb leaves no gap; a relative pronoun stands for its noun; a verb joined
        # by "and" shares its subject; a verb completing another is told with that one's subject.
        ("The party on Friday filed a federal lawsuit against the campaign.", "The party filed a federal lawsuit"),
        (
            "The envoy, who will meet the minister next Friday in the capital, arrived.",
            "The envoy will meet the minister",
        ),
        (
            "The ministry relented and is expected to deliver the files via a secure transfer on Friday.",
            "The ministry is expected to deliver the files via a secure transfer",
        ),
        (
            "The governor had asked for more time to review the documents on Monday.",
            "The governor had asked for more time to review the documents",
        ),
        # A quote before its speaker is cut short in the quote, not before the speaker.
        (
            '"There is a bright path open to the country when it accepts a complete and verifiable settlement,"'
            " the mayor said Wednesday.",
            '"There is a bright path open to the country when it accepts …" the mayor said',
        ),
        (
            '"The plan will work," the mayor told the network Thursday night.',
            '"The plan will work," the mayor told the network',
        ),
        # A bare noun keeps the aside that tells it.
        ("The files, sent to the committee on Thursday, detail a dozen meetings.", "The files, sent to the committee"),
        # A clause as subject is who did it, also where the parser took a name for one ("Protect" a verb).
        (
            "In a statement, Protect Democracy on Friday noted that the new lawsuit is separate.",
            "Protect Democracy noted that the new lawsuit is separate",
        ),
    ],
)
def test_an_event_phrase_tells_who_did_what(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-20").event == event


@pytest.mark.slow
def test_a_weekday_ahead_told_on_that_weekday_is_not_exact(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2018-04-20 is a Friday: "will meet on Friday" may be later that day or a week on.
    same_day = _one(nlp, "The leaders will meet on Friday.", "2018-04-20")
    assert (same_day.iso, same_day.exact) == ("2018-04-20", False)
    ahead = _one(nlp, "The leaders will meet on Monday.", "2018-04-20")
    assert (ahead.iso, ahead.exact) == ("2018-04-23", True)
    told = {
        "left-1": _dates(nlp, "The two leaders will meet on Friday in the border town.", "2018-04-20", source="left"),
        "right-1": _dates(
            nlp, "The two leaders will meet next Friday in the border town.", "2018-04-20", source="right"
        ),
    }
    assert date_contradictions([m for found in told.values() for m in found]) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The survey, conducted in March, showed support for the plan falling.",
        "A report published in March shows support for the plan falling.",
        "Support for the plan is falling, according to a poll taken in March.",
    ],
)
def test_a_participle_of_a_thing_done_dates_it_in_the_past(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2019-11-20").iso == "2019-03"


@pytest.mark.slow
def test_a_participle_that_looks_ahead_stays_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "A vote expected in March will settle the matter.", "2019-11-20").iso == "2020-03"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected", "told_in"),
    [
        ("In November 2016, the firm agreed to sell the unit by December.", "2016-12", "November 2016"),
        ("The minister said in March 2019 that she would resign by June.", "2019-06", "March 2019"),
        ("In 2016, the painter moved to the coast in March.", "2016-03", "2016"),
    ],
)
def test_a_yearless_date_is_read_in_the_time_its_sentence_states(nlp, text: str, expected: str, told_in: str) -> None:  # type: ignore[no-untyped-def]
    mention = _dates(nlp, text, "2019-11-20")[-1]
    assert mention.iso == expected
    assert mention.resolution == f"'{mention.text}' in the time of '{told_in}' -> {expected}"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The singer, who was born in May 1970, died on March 3.",
        "The singer was born in May 1970 and died on March 3.",
        "After the 2016 election, the senator resigned on March 3.",
    ],
)
def test_a_year_of_another_clause_or_a_named_thing_sets_no_time(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    mention = _dates(nlp, text, "2019-11-20")[-1]
    assert mention.iso == "2019-03-03"
    assert "(published)" in mention.resolution


@pytest.mark.slow
def test_a_year_naming_a_thing_sets_no_time_for_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    mention = _dates(nlp, "The museum's Class of 2020 will be honored at a gala on March 3.", "2019-11-20")[-1]
    assert mention.resolution == "'March 3' after 2019-11-20 (published) -> 2020-03-03"


@pytest.mark.slow
def test_what_lay_ahead_of_a_past_time_may_lie_behind_the_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, "The prisoner was due to be released in September.", "2019-11-19").iso == "2019-09"
    assert _one(nlp, "The prisoner is due to be released in September.", "2019-11-19").iso == "2020-09"


@pytest.mark.slow
def test_an_undated_article_may_tell_of_days_just_after_the_story_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The fugitive was at large until Dec. 7, when he was found at a warehouse."
    assert _dates(nlp, text, None, anchor=date(2009, 11, 30))[0].iso == "2009-12-07"
    assert _dates(nlp, text, "2009-11-30")[0].iso == "2008-12-07"
    assert _dates(nlp, text, None, anchor=date(2009, 11, 20))[0].iso == "2008-12-07"


@pytest.mark.slow
def test_a_timetable_in_a_present_relative_clause_lies_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # Published 2025-11-20: July 22 is nearer in the past, but the exhibition's schedule is ahead.
    text = "The paper described the exhibition, which opens in Lyon on July 22."
    assert _one(nlp, text, "2025-11-20").iso == "2026-07-22"
    text = "The paper described the exhibition, which opens in Lyon on March 3 and closes in Nice on July 22."
    assert {m.iso for m in _dates(nlp, text, "2025-11-20")} == {"2026-03-03", "2026-07-22"}
    # A main clause in the present is no timetable: it may be a headline telling the past.
    assert _one(nlp, "Museum opens new wing on July 22", "2025-11-20").iso == "2025-07-22"


@pytest.mark.slow
def test_a_verb_joined_to_a_future_one_shares_its_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    # Published 2025-11-20: July 22 is nearer in the past, but "will ... and closes" lies ahead.
    text = "The troupe will perform in Lyon on March 3 and closes its season in Nice on July 22."
    assert {m.iso for m in _dates(nlp, text, "2025-11-20")} == {"2026-03-03", "2026-07-22"}
    # Joined to a past verb, a date keeps the nearest reading.
    text = "The troupe performed in Lyon in March and closed its season in Nice on July 22."
    assert "2025-07-22" in {m.iso for m in _dates(nlp, text, "2025-11-20")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A relative clause with a subject of its own keeps the noun it tells of, never "that the city opened".
        ("The mayor praised the bridge that the city opened last month.", "the bridge that the city opened"),
        ("The band recorded a song it plans to release next year.", "a song it plans to release"),
        # A subject relative stands for its noun as before.
        ("The mayor praised the engineers who opened the bridge last month.", "the engineers opened the bridge"),
        # A participle after a noun dates that noun, not the clause the noun is in.
        ("The lawyers asked the judge to review the contract signed on Friday.", "the contract signed"),
        ("The report released on Monday shows a rise in prices.", "The report released"),
        # The whole phrase a participle's noun sits in, but not past a word opening examples of the noun before.
        (
            "The group has a record of attacks on its members, including the killing of a cousin poisoned in March.",
            "the killing of a cousin poisoned",
        ),
        ("The agency listed attacks on officials, such as the shooting of a guard wounded in May.",
         "the shooting of a guard wounded"),
        # A whole clause telling a noun's content is no relative clause of it; one with a relative pronoun, or one
        # with a gap the noun fills, is.
        ("He repeated his claim he visited the factory in May.", "he visited the factory"),
        ("He repeated the claim that he made in May.", "the claim that he made"),
        ("He repeated the claim he made in May.", "the claim he made"),
        # Set off as an aside, the participle is left out as before.
        ("The ministers met at the summit in Geneva, held two months ago.", "the summit in Geneva"),
        # A "when" clause after "since X" tells X's event; the main clause tells of the time after it.
        (
            "Since 1989, when the army crushed the protests, the party has avoided open force.",
            "the army crushed the protests",
        ),
        # "In 2009, when ...": the main clause happened then.
        ("In 2009, when the plant closed, the town lost a third of its jobs.", "the town lost a third of its jobs"),
    ],
)
def test_an_event_phrase_names_what_the_date_dates(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-20").event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A dated subject of a present, modal or copular clause is the event: the clause is a view of it.
        ("Tuesday's ruling leaves the law in place.", "Tuesday's ruling"),
        ("The governor's speech on Monday was a disappointment.", "The governor's speech"),
        # A noun too bare alone keeps the date naming it, not the sentence around it.
        ("The coach refused to comment on Thursday's fight.", "Thursday's fight"),
        # In the past tense, the clause tells what the thing did at its time.
        ("Tuesday's ruling ended the strike.", "Tuesday's ruling ended the strike"),
        # A date between a subject and its verb dates the verb, whatever its tense.
        ("The ministry on Friday will publish the list.", "The ministry will publish the list"),
    ],
)
def test_a_dated_thing_is_the_event_of_a_clause_telling_what_it_is(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2018-04-20").event == event


@pytest.mark.slow
def test_a_weekday_before_its_calendar_day_is_not_read_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    # Published Friday 2018-04-20: "Friday" alone would be that day, not December 7.
    found = _dates(nlp, "Tickets, which go on sale Friday, Dec. 7 at noon, sold out.", "2018-04-20")
    assert [m.text for m in found] == ["Dec. 7"]
    # A weekday of its own clause stays.
    found = _dates(nlp, "The shop opens on Friday, and the market opens on Dec. 7.", "2018-04-20")
    assert [m.text for m in found] == ["Friday", "Dec. 7"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A verb the parse hung on a noun as if it described it, past or saying something, is the noun's predicate.
        (
            "The agency, which has faced criticism for months, confirmed on Monday that it had received the letter.",
            "The agency confirmed that it had received the letter",
        ),
        (
            "The bakery's owner, Anna Lind, announced on Friday that the shop would close.",
            "The bakery's owner announced that the shop would close",
        ),
        # A copula with nothing but the date to say: its subject is the event.
        ("The festival's opening day is Tuesday.", "The festival's opening day"),
        ("The vote was a farce on Friday.", "The vote was a farce"),  # it says more than the date
        # A named possessor stays with the noun a date names; a possessive pronoun goes as before.
        (
            "Despite Mr. Lind's Oct. 11 announcement that the firms had agreed, no deal was signed.",
            "Mr. Lind's announcement that the firms had agreed",
        ),
        # A participle in a phrase dates the whole phrase.
        (
            "While the mayor canceled an increase in fares planned for Oct. 15, he kept the new routes.",
            "an increase in fares planned",
        ),
        # The thing a clause counts from ("since its founding in 1998") is the event of the date, not the clause.
        ("The club has grown steadily since its founding in 1998.", "its founding"),
        ("The club has grown steadily since 1998.", "The club has grown"),  # the date alone: the clause it opens
    ],
)
def test_an_event_phrase_names_the_thing_or_predicate_the_date_dates(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, text, "2018-04-20")[0].event == event


@pytest.mark.slow
def test_a_year_naming_the_subject_of_a_copula_is_a_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    [model] = _dates(nlp, "The 2018 model was a very hot machine.", "2019-11-18")
    assert model.reference  # a state of the thing, no event of the year
    [crisis] = _dates(nlp, "The 2008 crisis wiped out jobs.", "2019-11-18")
    assert not crisis.reference  # what the thing did


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # A relative clause the parse hangs on its noun as describing it still keeps the noun.
        (
            "The museum will show its new telescope that the foundation unveiled in May, capable of seeing galaxies.",
            "its new telescope that the foundation unveiled",
        ),
        # A clause on a time tells that time itself.
        ("He had been ill for months by the time he visited his doctor in November 2016.", "he visited his doctor"),
        # "before" also places: the clause, not the noun after it.
        (
            "The witnesses testified before the House committee on Tuesday about the events.",
            "The witnesses testified before the House committee",
        ),
    ],
)
def test_a_relative_clause_keeps_its_noun_unless_a_time(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, text, "2018-04-20")[0].event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "year", "names_thing"),
    [
        # A year closing a title, a year with an article, a year with a possessive before a title: a thing's name.
        ("The studio shipped Racing Legends 2017 to stores.", "2017", True),
        ("The new phone is heavier than the 2017, but its battery lasts longer.", "2017", True),
        ("The reviewer compared it with the 2015 through 2017 models.", "2015", True),
        ("The set featured full performances of 1977’s Silver Lanterns and 1979’s Night Ferry.", "1977", True),
        # A year standing as the time of its clause stays a date.
        ("The studio released the game in 2017.", "2017", False),
        ("The studio released the game in March 2017.", "March 2017", False),
        ("In 2017 Critics Circle members voted for the film.", "2017", False),
        ("The 2008 crisis wiped out jobs.", "2008", False),
    ],
)
def test_a_year_in_a_things_name_dates_no_event(nlp, text: str, year: str, names_thing: bool) -> None:  # type: ignore[no-untyped-def]
    [mention] = [m for m in _dates(nlp, text, "2019-11-18") if m.text == year]
    assert mention.reference is names_thing


@pytest.mark.slow
def test_a_year_after_the_anchor_in_a_past_clause_is_a_number(nlp) -> None:  # type: ignore[no-untyped-def]
    [score] = _dates(nlp, "The older chip earned a total score of 2350 in the test.", "2019-11-18")
    assert score.reference
    # A past act may reach forward to a later time: the year is read, as the end of the lease (``_ends_period``).
    [lease] = _dates(nlp, "The council signed a lease on the hall until 2035.", "2019-11-18")
    assert lease.iso == "2035" and lease.bound == "until"
    [deliveries] = _dates(nlp, "The maker promised deliveries from March 2020.", "2019-11-18")
    assert not deliveries.reference


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "when", "event"),
    [
        # A participle of sequence, or a passive with its agent set off after the main clause: an event of its own.
        (
            "Sales began with laptops in January 2018, followed by phones in March 2018.",
            "March 2018",
            "followed by phones",
        ),
        (
            "After opening its first store two months ago, the chain has hired ten managers.",
            "two months ago",
            "the chain opening its first store",
        ),
        ("The startup has hired ten engineers after launching the app in May.", "May", "The startup launching the app"),
        # A participle opening the sentence alone shares the main clause's time; so does the main clause's date.
        (
            "Discussing the budget in an interview on Monday, the mayor said it would pass.",
            "Monday",
            "the mayor said it would pass",
        ),
        (
            "Sales began with laptops in January 2018, followed by phones in March 2018.",
            "January 2018",
            "Sales began with laptops",
        ),
    ],
)
def test_a_participle_of_what_came_before_or_next_is_its_own_event(nlp, text: str, when: str, event: str) -> None:  # type: ignore[no-untyped-def]
    [mention] = [m for m in _dates(nlp, text, "2019-11-18") if m.text == when]
    assert mention.event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The chief executive is stepping down in June 2026.", "The chief executive is stepping down"),
        ("Half of the albums came out this year.", "Half of the albums came out"),
        # A preposition left without its object still goes.
        ("The minister he met with on Friday resigned.", "The minister he met"),
    ],
)
def test_a_verbs_particle_stays_in_its_event(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _dates(nlp, text, "2019-11-20")[0].event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # What was once ahead lies on either side of the anchor: the nearest month.
        ("The bridge, once expected to open in June, is still closed.", "2019-08-01", "2019-06"),
        ("The bridge is expected to open in June.", "2019-08-01", "2020-06"),
        # A clause in the past telling what the act followed sets it in the past.
        ("Prosecutors decided to reopen the case in May after the witness was found.", "2019-11-20", "2019-05"),
        ("Prosecutors will reopen the case in May after the witness testifies.", "2019-11-20", "2020-05"),
        # An act a past verb's preposition takes came before that verb's time.
        ("The man pleaded guilty on Monday to threatening to burn the office in March.", "2019-11-20", "2019-03"),
        ("The man admits to planning to visit the office in March.", "2019-11-20", "2020-03"),
    ],
)
def test_a_verb_without_tense_takes_the_time_its_clause_sets(nlp, text: str, published: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    [month] = [m for m in _dates(nlp, text, published) if m.granularity == "month"]
    assert month.iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The unions will sign the deal on Friday in the coming week.", "2019-11-18", "2019-11-22"),
        ("The unions will sign the deal on Friday in the coming week.", "2018-04-20", "2018-04-27"),
        ("The leaders will meet on Friday of next week.", "2019-11-18", "2019-11-29"),
        # A weekday with no week after it is the first one ahead, the anchor's own day left open.
        ("The leaders will meet on Friday.", "2018-04-20", "2018-04-20"),
        ("The leaders met on Friday, and next week they will sign.", "2019-11-18", "2019-11-15"),
    ],
)
def test_a_weekday_in_a_week_ahead_is_of_that_week(nlp, text: str, published: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    [day] = [m for m in _dates(nlp, text, published) if m.text.startswith("Friday")]
    assert day.iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2019-11-20 is a Wednesday. A timetable in the simple present lies ahead.
        ("The fair opens to visitors on Friday.", "2019-11-22"),
        ("The team's first match is Saturday.", "2019-11-23"),
        # A headline's present tells what happened; a verb of saying's present is now.
        ("Shares fall on Monday as traders sell banks", "2019-11-18"),
        ("The minister says on Monday that the plan will pass.", "2019-11-18"),
    ],
)
def test_a_weekday_of_a_present_timetable_lies_ahead(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    [day] = _dates(nlp, text, "2019-11-20")
    assert day.iso == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "iso", "event"),
    [
        # "beginning"/"starting" with the date alone is the date's preposition: the clause's act is the event.
        (
            "The mill, which plans to cut hundreds of jobs beginning this week, confirmed the losses.",
            "2019-W47",
            "The mill plans to cut hundreds of jobs",
        ),
        ("The bakery has raised its prices, starting in May.", "2019-05", "The bakery has raised its prices"),
        # A participle of beginning with an object of its own is the act; one on a noun in a phrase dates that noun.
        ("The firm began talks in May.", "2019-05", "The firm began talks"),
        ("The lander will be ready for missions starting in 2021.", "2021", "The lander will be ready for missions"),
    ],
)
def test_a_participle_of_beginning_is_the_dates_preposition(nlp, text: str, iso: str, event: str) -> None:  # type: ignore[no-untyped-def]
    [mention] = [m for m in _dates(nlp, text, "2019-11-18") if m.iso == iso]
    assert mention.event == event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # A noun's age: no event of that year.
        ("The museum lent a painting from 1890 to the gallery.", True),
        ("The new tablet is lighter than the model from earlier in 2019.", True),
        # A range, a time ahead, or the start of what the perfect tells: dates.
        ("Prices of the model rose from 2015 to 2017.", False),
        ("The rule has applied to every firm from 2015.", False),
        ("The maker promised deliveries from March 2020.", False),
    ],
)
def test_a_time_a_thing_comes_from_dates_no_event(nlp, text: str, reference: bool) -> None:  # type: ignore[no-untyped-def]
    [mention] = _dates(nlp, text, "2019-11-18")
    assert mention.reference is reference


@pytest.mark.slow
def test_a_date_the_parse_made_a_subject_after_its_preposition_bounds_the_clause_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two hostages who had been held by rebels since 2016 were released on Tuesday in an exchange."
    held, released = _dates(nlp, text, "2019-11-20")
    assert (held.iso, held.bound, held.event) == ("2016", "since", "Two hostages had been held by rebels")
    assert (released.iso, released.event) == ("2019-11-19", "Two hostages were released in an exchange")
    # A conjunction's clause may have a date for its subject.
    busiest = _one(nlp, "Since May was the busiest month, the shop hired more staff.", "2019-11-20")
    assert (busiest.bound, busiest.event) == ("", "May was the busiest month")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The rail strike, starting on March 4, closed the network.", "The rail strike closed the network"),
        ('It is bigger than the modest pact" signed in October, one analyst said.', "the modest pact signed"),
        # Marks the phrase holds both ends of stay, as does one comma where the date stood.
        ('"The plan will work," the mayor said on Friday.', '"The plan will work," the mayor said'),
        ('The mayor said on Friday that the "plan" will work.', 'The mayor said that the "plan" will work'),
    ],
)
def test_an_event_phrase_keeps_no_marks_whose_partner_it_lost(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2019-11-20").event == event


@pytest.mark.slow
def test_a_year_far_past_the_anchor_is_a_number(nlp) -> None:  # type: ignore[no-untyped-def]
    scores = _dates(nlp, "In the benchmark, scores jumped from 2395 to 2623.", "2019-11-20")
    assert [m.reference for m in scores] == [True, True]
    assert build_timeline({"outlet-1": scores}) == []
    # A forecast's horizon is a date.
    forecast = _dates(nlp, "Sea levels could rise a metre by 2100, the panel said in May.", "2019-11-20")
    assert [(m.iso, m.reference) for m in forecast] == [("2100", False), ("2019-05", False)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        # The parse took the subject of what the tenants allege for its object and cut the rest away.
        (
            'The firm called the suit a "rehash" of a complaint filed last year by tenants alleging their rights were '
            "violated during the dispute.",
            'a "rehash" of a complaint filed by tenants',
        ),
        # An object that is all the verb says stays.
        (
            "The suit is a copy of a complaint filed last year by tenants denying the claims.",
            "a copy of a complaint filed by tenants denying the claims",
        ),
    ],
)
def test_an_event_phrase_ends_before_a_report_whose_clause_the_parse_cut(nlp, text: str, event: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2019-11-20").event == event


@pytest.mark.slow
def test_dates_joined_by_a_conjunction_leave_no_scraps_in_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    first, second = _dates(nlp, "I think 2021 and 2022 will see a bigger push by the large firms.", "2019-11-20")
    # The dates are the clause's subject: they stay in it, without the conjunction's scraps.
    assert first.event == second.event == "2021 and 2022 will see a bigger push by the large firms"
    assert (first.reference, second.reference) == (False, True)
    closed = _dates(nlp, "The plant was closed in 2015 and 2016 by the owners.", "2019-11-20")
    assert [m.event for m in closed] == ["The plant was closed by the owners"] * 2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Across a year end, the narrative's next month is in the next year.
        (
            "The patient first saw his doctor in December 2016. At first, the doctor thought it was an infection. "
            "But by February, his symptoms worsened.",
            "2020-01-15",
            "2017-02",
        ),
        ("The firm was founded in March 2015. It hired its first engineer in December.", "2019-11-20", "2015-12"),
        # A month of the publication's year: news writes no year for it.
        ("The firm was founded in March 2015. It hired its first engineer in June.", "2019-11-20", "2019-06"),
        ("The patient saw his doctor in December 2016. By January, he was worse.", "2019-11-20", "2019-01"),
        # Not a clause that looks ahead or back, nor one further on than the reach, nor one after another date.
        ("The firm was founded in March 2015. It had been registered in December.", "2019-11-20", "2018-12"),
        ("The firm was founded in March 2015. It now plans to open a plant in December.", "2019-11-20", "2019-12"),
        (
            "The firm was founded in March 2015. Its owners were brothers. They sold farm tools. It hired an engineer "
            "in December.",
            "2019-11-20",
            "2018-12",
        ),
        ("The firm was founded in March 2015. On Monday it said it hired an engineer in December.", "2019-11-20",
         "2018-12"),
    ],
)
def test_a_yearless_past_date_is_read_in_the_time_the_narrative_last_set(  # type: ignore[no-untyped-def]
    nlp, text: str, published: str, expected: str
) -> None:
    assert _dates(nlp, text, published)[-1].iso == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated: June 3, 2014, 4:12 PM ET\n\nThe board met on Monday.", "2014-06-03"),
        ("LISBON, Portugal, March 12, 2016\n\nThe minister resigned today.", "2016-03-12"),
        ("09 / 14 / 15 06: 20 PM ET\n\nA storm hit the coast on Monday.", "2015-09-14"),
        ("8:15pm BST, Friday 02 June 2017\n\nThe talks ended.", "2017-06-02"),
        ("The Harbour Tribune\nPosted: Oct 05, 2018 9: 10 AM\n\nThe ferry sank.", "2018-10-05"),
        # Not a sentence, a headline or a note of another time, nor a date with no year.
        ("The plant was opened on April 2, 2011 by the mayor.\n\nIt closed today.", None),
        ("Council Approves Budget On May 5, 2012\n\nThe council voted today.", None),
        ("Posted 2 years ago [saved on 4 May 2019]\n\nThe ferry sank.", None),
        ("LISBON, March 12 -\n\nThe minister resigned today.", None),  # a year-less dateline: with no story date
        ("The ferry sank.\nIts crew was saved.\nThe port closed.\nUpdated: June 3, 2014", None),
    ],
)
def test_a_pages_stamp_above_the_story_dates_it(text: str, expected: str | None) -> None:
    stamp = stamped_date(text)
    assert (stamp.isoformat() if stamp else None) == expected


@pytest.mark.slow
def test_an_undated_article_reads_its_relative_dates_from_its_stamp(nlp) -> None:  # type: ignore[no-untyped-def]
    # The story's dated reports came out a week after this one: its stamp, not the story's date, grounds "Monday".
    text = "Updated: June 3, 2014, 4:12 PM ET\n\nThe regulator fined the bank on Monday, officials said."
    story = StoryDate(date(2014, 6, 10), date(2014, 6, 9), date(2014, 6, 11))
    [fine] = _dates(nlp, text, None, anchor=story)
    assert (fine.iso, fine.basis, fine.exact) == ("2014-06-02", "stamped", True)
    assert "the page's stamp" in fine.resolution
    # Without a stamp the story's date is the anchor.
    [guess] = _dates(nlp, text.split("\n\n")[1], None, anchor=story)
    assert (guess.iso, guess.basis) == ("2014-06-09", "story")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Unions say the cuts aim to save 30 billion euros through 2016.", True),
        ("The estate included, until Tuesday, an old mill and a row of cottages.", True),
        ("The agency will keep the office open until March 12.", True),
        # A "when" clause tells what happened then; a time limit "have" gives is the date of the act.
        ("The fugitive was at large until Dec. 7, when he was found in a barn.", False),
        ("Bidders had until May 1 to submit proposals.", False),
        # A denied act happens at that time; a past tally through a day was the tally at that day.
        ("The new features won't reach other phones until 2016.", False),
        ("Fees from the levy have totaled about $6 billion through March 31, 2015.", False),
        ("The agency will close the office on March 12.", False),
    ],
)
def test_a_date_ending_a_period_dates_no_event(nlp, text: str, ends: bool) -> None:  # type: ignore[no-untyped-def]
    [mention] = _dates(nlp, text, "2015-04-20")
    assert mention.reference is ends


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2019-11-18 is a Monday: a report naming no day but the next and its own, telling its own as done or the next
        # more than once, was written on the next.
        ("The ministry on Monday renewed the permit. Markets abroad were mixed early on Tuesday.", "2019-11-19"),
        ("The panel heard the case on Tuesday. On Tuesday the judge also set bail.", "2019-11-19"),
        # Not a day named once alone, nor beside another day of a week gone by, nor for "last".
        ("Markets abroad were mixed in early trading Tuesday.", "2019-11-12"),
        ("The clerk, who quit on Tuesday, returned on Saturday.", "2019-11-12"),
        (
            "The clerk, who quit on Tuesday, returned on Saturday. The ministry on Monday renewed the permit.",
            "2019-11-12",
        ),
        ("The ministry on Monday renewed the permit. Markets abroad fell last Tuesday.", "2019-11-12"),
    ],
)
def test_a_past_weekday_the_day_after_the_articles_date_when_it_names_no_other(  # type: ignore[no-untyped-def]
    nlp, text: str, expected: str
) -> None:
    tuesday = next(m for m in _dates(nlp, text, "2019-11-18") if "tuesday" in m.text.lower())
    assert tuesday.iso == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LISBON, March 12 -\n\nThe minister resigned today.", "2016-03-12"),
        ("OSLO - Dec 30 -\n\nThe ferry sank.", "2015-12-30"),  # the year nearest the story's date
        # Not a day without its dateline's place, nor a headline's.
        ("March 12\n\nThe minister resigned today.", None),
        ("Ministers Must Decide By March 12\n\nThe minister resigned today.", None),
    ],
)
def test_a_datelines_day_without_its_year_takes_the_storys(text: str, expected: str | None) -> None:
    stamp = stamped_date(text, date(2016, 2, 20))
    assert (stamp.isoformat() if stamp else None) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2010-05-05 is a Wednesday: a thing to be done lies ahead.
        ("Unions rallied against the reforms to be debated Thursday in the senate.", "2010-05-06"),
        ("The treaty to be signed on Friday drew protests.", "2010-05-07"),
        # Not the first or only one to do a thing, which is done.
        ("She became the first rider to finish the course on Thursday.", "2010-04-29"),
    ],
)
def test_a_thing_to_be_done_lies_ahead(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(nlp, text, "2010-05-05").iso == expected
