"""Precision of corroboration: sentences stating different facts are not told as one claim of several outlets,
and the findings score counts the pairs that are (``evaluate.false_corroborations``)."""

from __future__ import annotations

from typing import Any

import pytest

from corroborate import align, evaluate
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Sentence
from corroborate.sentences import parse_articles, quoted_words, split_sentences


def article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", f"outlet-{article_id}", None, None, None, text, text)


def corroborated(*articles: Article) -> list[list[str]]:
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    claims = align.claims_from_groups(align.group_statements(statements, docs=docs), {a.id: a for a in articles})
    return sorted(claim.sources for claim in claims if claim.status == "corroborated")


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


# ---- alignment ------------------------------------------------------------------------------------------------


def test_stopping_and_resuming_one_activity_are_not_one_claim() -> None:
    assert corroborated(
        article("a", "The Riverton water utility already had stopped testing its wells for lead."),
        article("b", "Once the governor gives the word, the Riverton water utility can resume testing its wells for "
                     "lead."),
    ) == []


@pytest.mark.parametrize(("text", "turn"), [
    ("The Riverton water utility will stop testing its wells for lead.", -1),
    ("The Riverton water utility will not continue testing its wells for lead.", -1),
    ("The Riverton water utility will resume testing its wells for lead.", 1),
    ("The Riverton water utility will test its wells for lead.", 0),
])
def test_which_way_a_statement_turns_an_activity(nlp, text: str, turn: int) -> None:
    whole = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})[0]
    assert whole.aspect == turn


@pytest.mark.parametrize(("first", "second"), [
    ("The Lindale transit board raised the price of monthly bus passes on Tuesday.",
     "The Lindale transit board cut the price of monthly bus passes on Tuesday."),
    ("The Lindale transit board raised the price of monthly bus passes on Tuesday.",
     "On Tuesday the Lindale transit board lowered the price of its monthly bus passes."),
    ("Ticket sales at the Harwick Arena rose sharply in the second quarter of the year.",
     "Ticket sales at the Harwick Arena fell sharply in the second quarter of the year."),
])
def test_moving_one_amount_up_and_down_are_not_one_claim(first: str, second: str) -> None:
    assert corroborated(article("a", first), article("b", second)) == []


def test_moving_one_amount_the_same_way_in_other_words_is_one_claim() -> None:
    assert corroborated(
        article("a", "The Lindale transit board raised the price of monthly bus passes on Tuesday."),
        article("b", "On Tuesday the Lindale transit board increased the price of its monthly bus passes."),
    ) == [["a", "b"]]


def test_what_a_thing_is_and_a_finding_consistent_with_a_thing_called_so_are_not_one_claim() -> None:
    claims = align.claims_from_groups(*_grouped(
        article("a", "Doctors in Harlow treated a farmer for months before they found the cause. HX, as the Harlow "
                     "Tribune explained last month, is a complex and rare condition. The farmer had kept pigeons at "
                     "his home in Harlow for years."),
        article("b", "A farmer from Harlow was short of breath for months. These findings were consistent with a "
                     "condition called HX. He has since recovered after his doctors in Harlow treated him."),
    ))
    corroborated_quotes = [e.quote for claim in claims if claim.status == "corroborated" for e in claim.evidence]
    assert not any("called HX" in quote for quote in corroborated_quotes)


def test_two_statements_sharing_only_a_noun_of_degree_are_not_one_claim() -> None:
    claims = align.claims_from_groups(*_grouped(
        article("e", "The Orbis Pro went on sale in Lindale on Monday. The new Orbis Pro is a heck of a lot like the "
                     "old Orbis Air, except for a couple of handy extra ports. Shoppers in Lindale queued for the "
                     "Orbis Pro from early morning."),
        article("f", "Orbis released the Orbis Pro in Lindale this week. Just as the Orbis Air was, the Orbis Pro is a "
                     "dependable machine, quicker than any other Orbis computer built so far, if not by a lot. The "
                     "Orbis Pro sells for more than the Orbis Air did."),
    ))
    corroborated_quotes = [e.quote for claim in claims if claim.status == "corroborated" for e in claim.evidence]
    assert not any("a lot" in quote for quote in corroborated_quotes)


def _grouped(*articles: Article) -> tuple[list[align.StatementGroup], dict[str, Article]]:
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    return align.group_statements(statements, docs=docs), {a.id: a for a in articles}


@pytest.mark.parametrize(("text", "direction"), [
    ("The Lindale transit board will raise the price of bus passes.", 1),
    ("The Lindale transit board will not cut the price of bus passes.", 1),
    ("The Lindale transit board will slash the price of bus passes.", -1),
    ("The Lindale transit board will review the price of bus passes.", 0),
])
def test_which_way_a_statement_moves_an_amount(nlp, text: str, direction: int) -> None:
    whole = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})[0]
    assert whole.direction == direction


def test_a_thing_named_by_who_made_it_is_no_clause_but_what_was_done_to_it_is(nlp) -> None:
    def clauses(text: str) -> list[str]:
        return [clause for clause, _ in align.clause_units(Sentence("a", 0, 0, text), nlp(text))]

    carried = clauses('"The old mine has done its job," Governor Tom Becker said in a statement carried by the '
                      "state broadcaster of Riverton.")
    assert not any(clause.startswith("a statement carried") for clause in carried)
    stationed = clauses("The council voted on Monday to withdraw the 300 police officers stationed in the "
                        "eastern district of Riverton.")
    assert any("officers stationed in the eastern district" in clause for clause in stationed)


def test_a_quote_and_an_agency_described_as_its_carrier_are_not_one_claim() -> None:
    assert corroborated(
        article("a", '"The old mine has done its job," Governor Tom Becker said in a statement carried by the '
                     "state broadcaster of Riverton."),
        article("b", "The Riverton Broadcasting Agency, which is the state broadcaster of Riverton, made the "
                     "announcement as the governor is in ongoing talks with the unions."),
    ) == []


def test_two_quotes_of_one_speaker_sharing_a_word_of_their_matter_are_two_claims() -> None:
    assert corroborated(
        article("a", '"The council ran a reckless campaign to sell off public land and it found willing partners in '
                     'the ministry," Mayor Ana Ruiz of Riverton said in a statement on Friday.'),
        article("b", '"This was a betrayal of the voters: a council in league with a private developer to sell the '
                     'park to the highest bidder," Mayor Ana Ruiz of Riverton said in a statement on Friday.'),
    ) == []


def test_a_quote_and_a_shorter_excerpt_of_it_stay_one_claim() -> None:
    assert corroborated(
        article("a", '"The council ran a reckless campaign against our schools and sold off public land," said '
                     "Mayor Ana Ruiz of Riverton."),
        article("b", 'Mayor Ana Ruiz of Riverton said the council "ran a reckless campaign against our schools".'),
    ) == [["a", "b"]]


def test_a_quote_left_open_at_the_end_of_its_sentence_is_quoted_words() -> None:
    assert quoted_words('Mayor Ana Ruiz said in a statement: "The council ran a reckless campaign.') == (
        "The council ran a reckless campaign."
    )
    assert quoted_words('He said the plan was “very good news.') == "very good news."


def test_the_end_of_a_quote_closed_in_its_sentence_opens_no_quote() -> None:
    assert quoted_words('the rest of the plan," she said.') == ""
    assert quoted_words('"Done," he said, calling it "a relief."') == "Done, a relief."


def test_a_closing_mark_spaced_off_its_quote_before_the_speaker_opens_no_quote() -> None:
    assert quoted_words('the crowds were bigger than ever before, "Mayor Ana Ruiz said at the rally.') == ""
    assert quoted_words('the crowds were bigger than ever, "she said.') == ""
    assert quoted_words('Ruiz said at the rally, "Crowds came from all over the county.') == (
        "Crowds came from all over the county."
    )


def clauses_of(nlp, text: str) -> list[str]:
    return [clause for clause, _ in align.clause_units(Sentence("a", 0, 0, text), nlp(text))]


def test_a_clause_ends_without_the_coordinator_of_the_clause_taken_out_of_it(nlp) -> None:
    clauses = clauses_of(nlp, "The mayor said that the union was willing to meet the council and would stop the "
                              "strike during the talks.")
    assert any(clause.endswith("willing to meet the council") for clause in clauses)
    assert not any(clause.endswith((" and", ",")) or clause.startswith(("and ", ", ")) for clause in clauses)


def test_a_coordinator_inside_a_clause_stays(nlp) -> None:
    clauses = clauses_of(nlp, "The mayor said that the union and the council met on Monday, and the strike ended "
                              "after the talks.")
    assert any("the union and the council met on Monday" in clause for clause in clauses)


def test_what_an_act_was_done_for_is_no_clause_of_its_own(nlp) -> None:
    clauses = clauses_of(nlp, "Hackers broke into the servers of the Riverton council to hurt the reelection "
                              "campaign of Mayor Ana Ruiz.")
    assert not any(clause.startswith("to hurt") for clause in clauses)


def test_a_clause_telling_when_an_act_was_done_stays(nlp) -> None:
    clauses = clauses_of(nlp, "The bridge to Riverton closed after the river flooded the eastern district of the "
                              "city.")
    assert any(clause.startswith("after the river flooded") for clause in clauses)


@pytest.mark.parametrize("text", [
    "The council is pressing the union to accept a deal before the mayor agrees to sell the old depot.",
    "The council will sign the contract if the union agrees to sell the old depot.",
    "The council will keep the depot closed until the union agrees to sell the old depot.",
])
def test_a_condition_or_an_event_yet_to_come_is_no_clause_of_its_own(nlp, text: str) -> None:
    assert not any("agrees to sell" in clause and "council" not in clause for clause in clauses_of(nlp, text))


def test_an_event_that_came_before_another_stays_a_clause(nlp) -> None:
    clauses = clauses_of(nlp, "The council signed the contract before the union agreed to sell the old depot.")
    assert any(clause.startswith("before the union agreed") for clause in clauses)


def test_two_outlets_supposing_one_event_under_different_facts_are_not_one_claim() -> None:
    assert corroborated(
        article("a", "By extending an olive branch, city officials said, the transit board is putting pressure on the "
                     "council to accept a deal before Mayor Ruiz agrees to give up the city's old tram depots."),
        article("b", "For example, the council should insist on a timetable whereby Ruiz lays out how he will give up "
                     "the city's old tram depots for good – before any vote on the Riverton budget."),
    ) == []


# ---- the score's false corroborations -------------------------------------------------------------------------

FINDINGS: dict[str, Any] = {
    "corpus": "corpora/example",
    "corroborated": [],
    "single_source": [],
    "contradictions": [],
    "not_contradictions": [],
    "entities": [],
    "timeline": [],
    "distinct": [{"why": "stopping is not resuming", "match": [r"had stopped testing", r"resume testing"]}],
}


def test_one_relative_clause_said_of_two_people_is_no_claim_of_both() -> None:
    assert corroborated(
        article("a", "Tom Becker, who was named as a defendant in the fraud suit, resigned from the hospital board "
                     "on Monday."),
        article("b", "Ana Ruiz, who was named as a defendant in the fraud suit, said she would fight the charges "
                     "in court."),
    ) == []


def test_one_relative_clause_said_of_one_person_is_still_their_claim() -> None:
    assert corroborated(
        article("a", "Tom Becker, who was named as a defendant in the fraud suit, resigned from the hospital board "
                     "on Monday."),
        article("b", "Tom Becker, who was named as a defendant in the fraud suit, has hired a lawyer from the "
                     "capital."),
    ) == [["a", "b"]]


def test_one_description_of_a_person_is_no_claim_of_two_things_they_did() -> None:
    assert corroborated(
        article("a", "Maria Lopez, a former finance director of the Riverton port authority, testified before the "
                     "state senate committee on Tuesday."),
        article("b", "Maria Lopez, a former finance director of the Riverton port authority, was fined by the state "
                     "ethics board last year."),
    ) == []


@pytest.mark.parametrize("other", [
    "Maria Lopez resigned from the board of the Riverton port authority on Monday.",
    "Maria Lopez, the port authority's former finance director, stepped down from its board on Monday.",
])
def test_one_thing_a_described_person_did_is_still_one_claim(other: str) -> None:
    assert corroborated(
        article("a", "Maria Lopez, a former finance director of the Riverton port authority, resigned from the board "
                     "on Monday."),
        article("b", other),
    ) == [["a", "b"]]


def test_a_list_of_names_and_roles_is_counted_whole(nlp) -> None:
    text = "The suit names the mayor's son, Tom Becker, son-in-law Carl Diaz, and his deputy, Ana Ruiz, as defendants."
    described = "Ana Ruiz, a deputy mayor since 2019, was named as a defendant in the suit."
    listed, = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    told, = align.statement_units([Sentence("a", 0, 0, described)], {"a": nlp(described)})
    assert listed.worded is not None and "son-in-law" in listed.worded
    assert told.worded is not None and "deputy mayor" not in told.worded and "named as a defendant" in told.worded


def claim(*quotes: tuple[str, str]) -> dict[str, Any]:
    return {"text": quotes[0][1], "status": "corroborated",
            "evidence": [{"article": source, "source": source, "quote": quote} for source, quote in quotes]}


def false_corroborations(*claims: dict[str, Any]) -> tuple[evaluate.FalseCorroboration, ...]:
    return evaluate.score({"articles": [], "claims": list(claims)}, FINDINGS).false_corroborations


STOPPED = "The utility already had stopped testing its wells."
RESUMED = "The utility can resume testing its wells again."


def test_a_distinct_pair_told_as_one_claim_of_two_outlets_is_a_false_corroboration() -> None:
    assert false_corroborations(claim(("A", STOPPED), ("B", RESUMED))) == (
        evaluate.FalseCorroboration(STOPPED, "stopping is not resuming"),
    )


def test_a_distinct_pair_apart_in_one_outlet_or_in_one_sentence_is_none() -> None:
    assert false_corroborations(claim(("A", STOPPED), ("C", "Testing stopped.")), claim(("B", RESUMED))) == ()
    assert false_corroborations(claim(("A", STOPPED), ("A", RESUMED))) == ()
    both = "It had stopped testing its wells, and can resume testing them again."
    assert false_corroborations(claim(("A", both), ("B", RESUMED))) == ()


def test_a_distinct_pair_needs_two_regexes() -> None:
    with pytest.raises(ValueError, match="two regexes"):
        evaluate.validate_findings({**FINDINGS, "distinct": [{"why": "one", "match": ["stopped"]}]})


def test_a_sentence_an_article_gives_twice_stands_alone_once() -> None:
    repeated = ("Governor Tom Becker said the state will join regional efforts to clean the Riverton reservoir, a "
                "project that will cost four million dollars over six years.")
    articles = [
        article("a", f"{repeated} The mayor of Riverton spoke at length about the plan on Monday. {repeated}"),
        article("b", "The state will join regional efforts to clean the Riverton reservoir, Governor Tom Becker said "
                     "on Monday."),
    ]
    docs = parse_articles(articles)
    groups = align.group_statements(align.statements(split_sentences(articles, docs=docs)), docs=docs)
    alone = [group for group in groups if group.representative.text == repeated and len(group.sentences) == 1]
    assert len(alone) == 1  # the rest of the sentence (the cost) once, beside the corroborated claim
    assert [len(group.sentences) for group in groups if group.representative.text == repeated] == [3, 1]


# ---- negated predicates ---------------------------------------------------------------------------------------


def _predicate_disputes(said: str, other: str) -> list[str]:
    articles = [article("a", said), article("b", other)]
    docs = parse_articles(articles)
    statements = [s for ss in split_sentences(articles, docs=docs).values() for s in ss]
    groups = [align.StatementGroup((s,), s) for s in statements]
    return [c.kind for c in align.negation_contradictions(groups, docs, {"a": "A", "b": "B"})]


@pytest.mark.parametrize("supposed", [
    "Okafor would not have won the Harbor Cup if Lee had not fallen on the last lap.",
    "Without the penalty, Okafor could not have won the Harbor Cup.",
    "Okafor would not win the Harbor Cup unless Lee fell on the last lap.",
])
def test_what_would_have_been_asserts_nothing_against_what_was(supposed: str) -> None:
    assert _predicate_disputes("Okafor won the Harbor Cup on Sunday.", supposed) == []


def test_a_plain_denial_of_what_was_is_still_a_contradiction() -> None:
    denied = "Okafor did not win the Harbor Cup, the organisers said."
    assert _predicate_disputes("Okafor won the Harbor Cup on Sunday.", denied) == ["predicate"]


@pytest.mark.parametrize(("text", "asserted"), [
    ("Okafor would not have signed with the Rovers if the club had not paid.", False),
    ("Okafor could have signed with the Rovers last year.", False),
    ("Okafor might not have signed with the Rovers without the bonus.", False),
    # A modal of what someone will do, with no condition, still says it.
    ("Okafor would not sign with the Rovers, the agent told reporters.", True),
    ("Okafor did not sign with the Rovers.", True),
])
def test_a_counterfactual_clause_makes_no_predication(nlp, text: str, asserted: bool) -> None:
    said = [p for p in align.predications(nlp(text)[:]) if p.predicate.startswith("sign")]
    assert bool(said) is asserted


def test_a_negation_of_what_would_have_been_denies_nothing_said_in_the_same_words() -> None:
    said = "The two leaders signed the trade agreement during the summit in Geneva."

    def disputes(other: str) -> list[str]:
        articles = [article("a", said), article("b", other)]
        docs = parse_articles(articles)
        statements = [s for ss in split_sentences(articles, docs=docs).values() for s in ss]
        group = align.StatementGroup(tuple(statements), statements[0])
        return [c.kind for c in align.negation_contradictions([group], docs, {"a": "A", "b": "B"})]

    assert disputes("The two leaders could not have signed the trade agreement during the summit in Geneva.") == []
    assert disputes("The two leaders did not sign the trade agreement during the summit in Geneva.") == ["negation"]


# ---- days of the week -----------------------------------------------------------------------------------------

ASKED_FRIDAY = "The three Riverton council chairmen asked the water utility last Friday for its audit papers."


def test_one_body_asking_on_different_days_is_two_claims() -> None:
    assert corroborated(
        article("a", ASKED_FRIDAY),
        article("b", "The three Riverton council chairmen asked the water utility on Tuesday for its audit papers."),
    ) == []


@pytest.mark.parametrize("other", [
    "On Friday, the three Riverton council chairmen asked the water utility for its audit papers.",
    "The three Riverton council chairmen asked the water utility for its audit papers.",
])
def test_one_body_asking_on_one_day_or_an_undated_one_stays_one_claim(other: str) -> None:
    assert corroborated(article("a", ASKED_FRIDAY), article("b", other)) == [["a", "b"]]


# ---- one speaking of another ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "tellers"), [
    ('"The clerk showed bad judgment," Tom Becker wrote.', {"becker"}),
    ("Tom Becker wrote that the clerk showed bad judgment.", set()),  # a paraphrase may retell his own act
    ('"The clerk has serious judgment issues," Tom Becker wrote.', {"becker"}),
    ("Tom Becker wrote that he had shown bad judgment.", set()),  # he may be the speaker
    ("Tom Becker has repeatedly denied his office misused the grant.", set()),  # her own side
    ("Tom Becker showed bad judgment.", set()),  # no speech
])
def test_who_speaks_of_another(nlp, text: str, tellers: set[str]) -> None:
    whole = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})[0]
    assert whole.tellers == tellers


def whole_pair_similarity(first: str, second: str) -> float:
    articles = [article("a", first), article("b", second)]
    docs = parse_articles(articles)
    sentences = align.statements(split_sentences(articles, docs=docs))
    units = align.statement_units(sentences, docs)
    wholes = [index for index, unit in enumerate(units) if unit.whole]
    return float(align.unit_similarity(units, [s.text for s in sentences]).block(wholes[:1], wholes[1:])[0, 0])


def test_what_one_did_and_what_they_said_of_another_are_apart() -> None:
    assert whole_pair_similarity(
        "Tom Becker showed bad judgment in the grant affair.",
        '"The clerk showed bad judgment in the grant affair," Tom Becker wrote.',
    ) == align._APART


def test_what_one_did_and_what_they_said_of_it_themselves_are_not() -> None:
    assert whole_pair_similarity(
        "Tom Becker showed bad judgment in the grant affair.",
        "Tom Becker wrote that he had shown bad judgment in the grant affair.",
    ) > align.DEFAULT_SETTINGS.align.same_statement_similarity



# ---- what a speaker said, taken out of a reporting clause -----------------------------------------------------


def test_a_reporting_clause_without_what_was_said_tells_only_who_spoke(nlp) -> None:
    text = "Governor Tom Becker told reporters on Monday that the bridge would reopen in June."
    units = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    assert [unit.text for unit in units if unit.frame] == ["Governor Tom Becker told reporters on Monday ."]
    assert {unit.voice for unit in units if unit.frame} == {frozenset({"becker"})}


def test_a_clause_of_another_verb_taking_a_clause_is_no_mere_frame(nlp) -> None:
    text = "The long storm convinced the council that the bridge had to be closed for the winter."
    units = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    assert not any(unit.frame for unit in units)


def test_what_two_speakers_said_at_one_meeting_is_two_claims() -> None:
    assert corroborated(
        article("a", "After a meeting with Governor Becker in May, union leaders said that he was willing to hold "
                     "talks about the mine and would pause the closures during the talks."),
        article("b", "Governor Becker reportedly told union leaders in a May meeting that saving the mine was his late "
                     "father's dying wish."),
    ) == []


@pytest.mark.parametrize(("first", "second"), [
    ("On Tuesday, Mayor Ana Ruiz said the city would no longer insist on closing the old bus depot.",
     "On Tuesday, Mayor Ana Ruiz said the city has dropped its long-held demand that the old bus depot be closed."),
    ("Senator Lee, the top Democrat on the budget panel, argued that the audit was the work of a careful official "
     "alarmed by the waste.",
     "Sen. Mark Lee of Ohio, the senior Democrat on the budget committee, said late Monday that the audit gives strong "
     "evidence of the waste."),
    ("In his statement on the ruling, Governor Becker said that if the appeal proceeds, the state would seek the "
     "court records of the mining company.",
     '"This is a reckless ruling written by a court that ignores the law," Governor Becker said in a statement.'),
])
def test_one_speaker_on_one_occasion_stays_one_claim(first: str, second: str) -> None:
    assert corroborated(article("a", first), article("b", second)) == [["a", "b"]]


# ---- a phrase borrowed from a quote ---------------------------------------------------------------------------

_HART = ('"We see the council\'s vote as a bold step toward the protection of the northern wetlands the region has '
         'long hoped for," said Lena Hart, a spokeswoman for Governor Ortiz.')
_BORROWED = ('Farmers fear the "protection of the northern wetlands," a phrase the council will read as a ban on '
             "new farms, will hurt them.")
_DESCRIBED = ('Governor Ortiz\'s spokeswoman called the vote "a bold step toward the protection of the northern '
              'wetlands."')


def test_a_phrase_of_a_quote_in_quotation_marks_is_not_what_its_speaker_said(nlp) -> None:
    units = align.statement_units([Sentence("b", 0, 0, _BORROWED)], {"b": nlp(_BORROWED)})
    assert all("protection" not in unit.unquoted for unit in units if unit.unquoted is not None)
    assert corroborated(article("a", _HART), article("b", _BORROWED)) == []


def test_a_quoted_phrase_relayed_as_a_description_stays_one_claim() -> None:
    assert corroborated(article("a", _HART), article("c", _DESCRIBED)) == [["a", "c"]]


def anchored(first: Article, second: Article) -> list[list[str]]:
    """Corroborated claims of two one-sentence articles given as relaying one quote."""
    docs = parse_articles([first, second])
    statements = align.statements(split_sentences([first, second], docs=docs))
    groups = align.group_statements(statements, docs=docs, anchors=[[0, 1]])
    claims = align.claims_from_groups(groups, {first.id: first, second.id: second})
    return sorted(claim.sources for claim in claims if claim.status == "corroborated")


def test_a_sentence_borrowing_a_phrase_of_a_quote_does_not_relay_it() -> None:
    borrowed = ('The two agencies agreed to a public hearing on the plan, which officials have said would cover the '
                'cost of the dam and the "protection of the northern wetlands," a phrase that some have suspected the '
                "council will read as a ban on new farms.")
    assert anchored(article("a", _HART), article("b", borrowed)) == []


def test_a_quoted_description_still_relays_its_quote() -> None:
    assert anchored(article("a", _HART), article("c", _DESCRIBED)) == [["a", "c"]]


def test_a_quoted_title_is_a_name_not_a_borrowed_phrase(nlp) -> None:
    text = 'The singer came back on stage during the encore to perform the band\'s old single "Open Roads Tonight."'
    units = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    assert all(unit.unquoted is None for unit in units)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Police searched five locations in the harbour district on Monday.", ["#5 location"]),
        ("In all, 28 passengers were kept in quarantine at the port.", ["#28 passenger"]),
        ("The new 14-inch Corvane Tablet looks like a fine machine for its price.", []),
        ("Ms. Halvorsen filed a 15-page complaint with three exhibits.", ["#3 exhibit"]),
    ],
)
def test_a_measure_telling_which_thing_is_meant_counts_nothing(nlp, text: str, keys: list[str]) -> None:
    # "14-inch" tells which tablet, as a name would: two statements about it may say anything of it, so it is no
    # quantity two retellings share (``align._specific_anchors``); "five locations" counts what was searched.
    sentence = Sentence("a", 0, 0, text)
    assert align._specifics([sentence], {"a": nlp(text)}, None) == [keys]


def test_a_quantity_is_keyed_by_its_whole_value(nlp) -> None:
    # "$125 billion worth" and "$360 billion worth" count different sums, though they share the word "billion";
    # "five" and "5" are one count.
    texts = ["Vandor wants the levy on $125 billion worth of imported steel lifted.",
             "Vandor keeps the levy on $360 billion worth of imported steel.",
             "Police searched five locations on Monday.", "Police searched 5 locations on Monday."]
    first, second, words, digits = (
        align._specifics([Sentence("a", 0, 0, text)], {"a": nlp(text)}, None)[0] for text in texts
    )
    assert not set(first) & set(second)
    assert words == digits != []
