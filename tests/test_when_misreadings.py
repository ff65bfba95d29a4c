"""Timeline misreadings found by reading timelines by hand: clock times read as years, a length of time read as a
date, a dated noun's clause that has a time of its own, a stranded preposition, an adjective hung on a day."""

from __future__ import annotations

import pytest
from test_when import _dates

from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


@pytest.mark.slow
def test_a_time_on_the_24_hour_clock_is_no_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "at 1230 hours" read 1999-11-10 (the parser counted 1230 hours back).
    assert _dates(nlp, "Troops boarded the vessel at 1230 hours and seized the rifles.", "2020-03-05") == []
    # A stated day with a count of hours beside it stays a date.
    kept = _dates(nlp, "The talks ended on May 3, 2017, after 14 hours of debate.", "2020-03-05")
    assert [m.iso for m in kept] == ["2017-05-03"]


@pytest.mark.slow
def test_a_four_figure_time_after_at_is_no_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "struck at 1353" opened an entry of the year 1353.
    struck = _dates(nlp, "The quake, which struck at 1353 (1023 GMT), was felt in the gulf states.", "2020-03-05")
    assert all(m.reference for m in struck)
    # A year after "in", or one that is no time of day, stays a year.
    assert [m.iso for m in _dates(nlp, "The bridge opened in 1953 after years of work.", "2020-03-05")] == ["1953"]


@pytest.mark.slow
def test_a_length_of_time_within_a_year_is_dated_by_the_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "for six months in 2001" read as the six months before 2001 (2000-07).
    held = _dates(nlp, "She was champion for six months in 2001 after winning the final.", "2020-03-05")
    assert [m.iso for m in held] == ["2001"]
    # Not a length counted back from the publication.
    ago = _dates(nlp, "The plant closed six months ago.", "2020-03-05")
    assert [m.iso for m in ago] == ["2019-09"]


@pytest.mark.slow
def test_a_dated_noun_in_a_clause_with_its_own_time_dates_only_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: the verdict of last month was dated March 2016 ("in the March 2016 attack").
    text = "The driver was convicted last month of two counts of murder in the March 2016 attack on a market."
    attack = next(m for m in _dates(nlp, text, "2020-03-05") if m.iso == "2016-03")
    assert attack.event.startswith("attack on a market")
    # With no other time in its clause, a noun the clause happens within gives that clause.
    told = "During their March 30 call, the minister told the mayor that the plant would close."
    call = _dates(nlp, told, "2020-05-05")
    assert call[0].event.startswith("During their March 30 call, the minister told the mayor")
    # A date naming a thing of the clause does not time it.
    closing = "The band announced the 30-date tour while closing out their November 18th concert."
    tour = _dates(nlp, closing, "2020-03-05")
    assert tour[-1].event == "The band announced the 30-date tour"


@pytest.mark.slow
def test_a_stranded_preposition_stays_with_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "which the city had done" and "that the board relied".
    fee = _dates(nlp, "The fee, which the city had done away with back in 2015, is back.", "2020-03-05")
    assert fee[0].event == "The fee, which the city had done away with"
    rule = _dates(nlp, "It was the rule that the board relied on in 2015.", "2020-03-05")
    assert rule[0].event == "the rule that the board relied on"
    # A preposition with its own object after it is no stranded one.
    plan = _dates(nlp, "The plan, which the board approved in 2015 with changes, is back.", "2020-03-05")
    assert plan[0].event == "The plan, which the board approved"


@pytest.mark.slow
def test_an_adjective_the_parse_hung_on_a_day_completes_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "A man pleaded to threatening a judge", "The company went in a listing".
    plea = _dates(nlp, "A man pleaded guilty Monday to threatening a judge.", "2020-03-05")
    assert plea[0].event == "A man pleaded guilty to threatening a judge"
    listing = _dates(nlp, "The company went public Wednesday in a listing.", "2020-03-05")
    assert listing[0].event == "The company went public in a listing"
    # A word of time before the day is the date's own.
    late = _dates(nlp, "The minister answered late Monday in a letter.", "2020-03-05")
    assert all("late" not in m.event for m in late)


@pytest.mark.slow
def test_today_takes_the_next_day_the_article_names_for_the_same_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2021-03-01 is a Monday. Before: the service's launch was dated both Monday ("today") and Tuesday.
    text = "The company launches its streaming service today. The service's launch day is Tuesday."
    launch = next(m for m in _dates(nlp, text, "2021-03-01") if m.text == "today")
    assert launch.iso == "2021-03-02"
    assert "dated 'Tuesday' in the article" in launch.resolution
    # Another thing on the next day leaves "today" alone.
    other = "The company opens its new plant today. The company opens a second line on Tuesday."
    assert next(m for m in _dates(nlp, other, "2021-03-01") if m.text == "today").iso == "2021-03-01"


@pytest.mark.slow
def test_today_takes_the_day_before_the_article_names_for_the_same_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2021-03-02 is a Tuesday: a report written on Monday and dated a day late.
    text = "The company launched its streaming service today. The service's launch day was Monday."
    launch = next(m for m in _dates(nlp, text, "2021-03-02") if m.text == "today")
    assert launch.iso == "2021-03-01"
    assert "dated 'Monday' in the article" in launch.resolution
    # Hard case: "yesterday" is read from the same date as "today", so it tells another day, not a late date.
    told = "The company launched its streaming service today. The service's launch began yesterday in Asia."
    assert next(m for m in _dates(nlp, told, "2021-03-02") if m.text == "today").iso == "2021-03-02"


@pytest.mark.slow
def test_a_copula_keeps_the_place_it_puts_its_subject_in(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "The director" and "he will be".
    away = _dates(nlp, "The director was away on leave last week.", "2012-04-04")
    assert away[0].event == "The director was away on leave"
    table = _dates(nlp, "It seems the envoy will be back at the negotiating table this week.", "2012-04-04")
    assert table[-1].event == "the envoy will be back at the negotiating table"
    # A copula with only the date is still its subject's event; an adverb of manner is no place.
    assert _dates(nlp, "The vote was finally on Friday.", "2012-04-04")[0].event == "The vote"


@pytest.mark.slow
def test_a_gerund_of_what_an_act_is_about_shares_its_future(nlp) -> None:  # type: ignore[no-untyped-def]
    # 2012-04-04 is a Wednesday. Before: Monday read as the Monday before (2012-04-02).
    text = "The director will resume talks with the studio about returning for the sequel on Monday."
    assert _dates(nlp, text, "2012-04-04")[0].iso == "2012-04-09"
    # A charge's gerund tells an earlier act.
    tried = _dates(nlp, "She will be tried for stealing a car on Monday.", "2012-04-04")
    assert tried[0].iso == "2012-04-02"


@pytest.mark.slow
def test_a_passive_participle_after_a_set_in_date_is_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "The driver" (the parse hung "named" on "last night").
    named = _dates(nlp, "The driver was last night named by police as a local man.", "2013-07-21")
    assert named[0].event == "The driver was named by police as a local man"
    text = "Police officers from Kent were this morning called in to help."
    assert _dates(nlp, text, "2013-07-21")[0].event == "Police officers from Kent were called in to help"
    # A copula with only the date stays its subject's event.
    assert _dates(nlp, "The hearing was last week.", "2013-07-21")[0].event == "The hearing"


@pytest.mark.slow
def test_a_preposition_whose_object_is_the_date_is_not_stranded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police said the gunman was a former worker who might have been fired as recently as a week ago."
    assert _dates(nlp, text, "2020-03-05")[0].event.endswith("might have been fired")
