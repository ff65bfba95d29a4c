"""Dates: normalised, relative dates resolved near month and year ends, the timeline, date contradictions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corroborate.claims.when import (
    DateMention,
    build_timeline,
    date_contradictions,
    extract_dates,
    period_of,
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
    nlp, text: str, published: str | None, anchor: date | None = None, source: str = "outlet"
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


def test_story_anchor_is_the_median_publication_day() -> None:
    articles = [
        _article("a", "2025-10-20"),
        _article("b", None),
        _article("c", "2025-10-22T10:00:00"),
        _article("d", "2025-11-30"),
    ]
    assert story_anchor(articles) == date(2025, 10, 22)
    assert story_anchor([_article("b", None)]) is None


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
