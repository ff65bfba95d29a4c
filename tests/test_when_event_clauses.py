"""Event phrases of dates the parse hangs on the wrong word, found by reading timelines by hand: a day after a
clock time written with spaces, a particle taken for the day's preposition, verbs sharing one object, a day after
a subordinate clause of a verb in the present perfect, and a month word that is the common noun of the story."""

from __future__ import annotations

import pytest
from test_when import _dates

from corroborate.nlp import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return spacy_pipeline()


@pytest.mark.slow
def test_a_day_after_a_spaced_clock_time_dates_the_clause_of_that_time(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "3: 30 a. m. that the old barn was on fire" (the clock's words as the event).
    text = "Dispatchers got a call shortly after 3: 30 a. m. Tuesday that the old barn was on fire."
    call = next(m for m in _dates(nlp, text, "2020-03-13") if m.text == "Tuesday")
    assert call.iso == "2020-03-10"
    assert call.event.startswith("Dispatchers got a call")
    assert "a. m." not in call.event
    # Before: "30 a. m. the singer checked into a clinic in Denver".
    early = "Around 1: 30 a. m. Thursday the singer checked into a clinic in Denver."
    checked = next(m for m in _dates(nlp, early, "2020-03-13") if m.text == "Thursday")
    assert checked.event == "the singer checked into a clinic in Denver"


@pytest.mark.slow
def test_a_particle_before_a_day_is_no_preposition_of_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "The actress checked at the clinic" ("in" taken for the preposition of "late Thursday night").
    text = "The actress checked in late Thursday night at the clinic."
    assert _dates(nlp, text, "2020-03-13")[0].event == "The actress checked in at the clinic"
    # A month or year takes "in" as its preposition.
    month = "The actress checked into a clinic in late March."
    assert _dates(nlp, month, "2020-05-13")[0].event == "The actress checked into a clinic"


@pytest.mark.slow
def test_verbs_sharing_one_object_are_told_together(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "killed two guards" (the first verb, read as a noun, and its subject lost).
    killed = _dates(nlp, "The sniper shot and killed two guards on Monday.", "2020-03-13")
    assert killed[0].event == "The sniper shot and killed two guards"
    # Before: "Two men wounded in Riverton" (the first verb and its auxiliary lost).
    wounded = _dates(nlp, "Two men were shot and wounded in Riverton on June 20.", "2020-07-13")
    assert wounded[0].event == "Two men were shot and wounded in Riverton"
    # Before: "a gunman shot" (the date on the first verb, the object on the second).
    fronted = "In early March, a gunman shot and wounded three people at a bakery near Dover, before killing himself."
    assert _dates(nlp, fronted, "2020-05-13")[0].event.startswith("a gunman shot and wounded three people")
    # A first verb with a complement of its own is a clause of its own.
    apart = _dates(nlp, "The firm closed its plant and opened a shop on Monday.", "2020-03-13")
    assert apart[0].event == "The firm opened a shop"


@pytest.mark.slow
def test_a_day_after_the_clause_of_a_perfect_is_that_clause_s(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "A series of tremors have hit the town" (a perfect takes no day gone by).
    text = "A series of tremors have hit the town since it was first rocked by a magnitude - 5. 9 quake early Sunday."
    rocked = _dates(nlp, text, "2020-03-13")[0]
    assert rocked.iso == "2020-03-08"
    assert "rocked" in rocked.event
    assert "have hit" not in rocked.event


@pytest.mark.slow
def test_a_month_word_opening_a_sentence_is_the_story_s_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "March" (the walk the story tells of) read as the month.
    text = "Hundreds joined a march through the town on Sunday. March participants chanted slogans outside the hall."
    assert [m.text for m in _dates(nlp, text, "2020-03-13")] == ["Sunday"]
    # Where the story has no such noun, the month stays a month.
    sales = "March sales rose by a tenth, the firm said on Friday."
    assert [m.text for m in _dates(nlp, sales, "2020-05-13")] == ["March", "Friday"]


@pytest.mark.slow
def test_a_since_date_of_a_denied_act_is_a_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: an entry of 2005 for "the 36-year old Miller hasn't scored a notable win".
    text = "That should end the career of the 36-year old Miller, who hasn't scored a notable win since 2005."
    assert [m.reference for m in _dates(nlp, text, "2020-03-13")] == [True]
    never = _dates(nlp, "The club has never lost a final since 1998.", "2020-03-13")
    assert [m.reference for m in never] == [True]
    # An act told as done since a date still dates nothing new, but one told at the date stays an event.
    done = _dates(nlp, "The club did not lose a final in 1998.", "2020-03-13")
    assert [m.reference for m in done] == [False]


@pytest.mark.slow
def test_a_when_clause_tells_the_event_of_a_date_a_bare_time_clause_stands_on(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "the gala" (the clause says only when the last time was).
    text = "The last time a Canadian hosted the gala was in 1987, when a famous actor shared the stage with a singer."
    assert _dates(nlp, text, "2020-03-13")[0].event == "a famous actor shared the stage"
    # A clause that tells an act keeps it.
    acted = "The band played in Oslo in 1987, when the singer was still a teenager."
    assert _dates(nlp, acted, "2020-03-13")[0].event == "The band played in Oslo"


@pytest.mark.slow
def test_adverbs_completing_a_verb_stay_in_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "Jensen finished in the league's best player voting" (the rank lost).
    ranked = _dates(nlp, "Jensen finished third in the league's best player voting in November.", "2020-03-13")
    assert ranked[0].event == "Jensen finished third in the league's best player voting"
    # Before: "she put the festival" (where she put it lost).
    put = "In 2007, she put the festival back on an even keel after poor reviews for the previous host."
    assert _dates(nlp, put, "2020-03-13")[0].event == "she put the festival back on an even keel"


@pytest.mark.slow
def test_a_participle_in_brackets_tells_an_act_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: the main clause, brackets and all, for the date of the aside.
    text = "The popular singer also fronted the awards in 2001 and 2005 (co-hosting them in 2003)."
    aside = next(m for m in _dates(nlp, text, "2020-03-13") if m.text == "2003")
    assert "fronted" not in aside.event
    assert "hosting them" in aside.event


@pytest.mark.slow
def test_doing_so_is_the_act_it_stands_for(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "Jensen doing".
    text = "Jensen, who has hosted the gala several times and won a prize for doing so in 2005, knows the stage."
    assert _dates(nlp, text, "2020-03-13")[0].event == "Jensen won a prize for doing so"
    # A gerund telling an act of its own after a charge still dates that act.
    charged = _dates(nlp, "He pleaded guilty to threatening to burn the office in March.", "2020-05-13")
    assert "threatening to burn the office" in charged[0].event


@pytest.mark.slow
def test_a_day_cut_from_its_time_noun_reads_as_the_whole_time(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "The singer checked" ("late Thursday" and "night" read apart; the particle lost).
    text = "The singer, 26, checked in late Thursday night, the site reports, barely making the deadline."
    assert _dates(nlp, text, "2013-05-03")[0].event == "The singer checked in"


@pytest.mark.slow
def test_a_clock_time_set_off_after_a_day_is_no_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "around 1: 30 a. m. checked into a clinic in Denver" (the subject lost to the time of day).
    text = "Early Friday morning, around 1: 30 a. m., the young singer checked into a clinic in Denver."
    assert _dates(nlp, text, "2013-05-03")[0].event == "the young singer checked into a clinic in Denver"


@pytest.mark.slow
def test_a_day_on_the_time_within_which_a_clause_happened_gives_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # Guards the day cut from its time noun ("Thursday" | "morning"): not the hearing and a clause hung on it.
    text = "The lawyer told a judge during a hearing Thursday morning that the singer had checked in to the clinic."
    assert _dates(nlp, text, "2013-05-03")[0].event == "The lawyer told a judge"


@pytest.mark.slow
def test_back_before_the_date_s_in_tells_how_long_ago(nlp) -> None:  # type: ignore[no-untyped-def]
    # Before: "The design team was messing up back" (the place adverb rule took the "back" of "back in 2015").
    text = "The design team was messing up back in 2015, the critic wrote."
    assert _dates(nlp, text, "2020-03-13")[0].event == "The design team was messing up"
