"""Statement alignment: same fact in other words is one claim, different facts stay apart; independence;
negation and characterisation contradictions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pytest
from spacy.tokens import Span

from corroborate import align
from corroborate.claims.characterisations import characterisation_contradictions, extract_characterisations
from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Contradiction, Evidence, Position, Sentence
from corroborate.sentences import parse_articles, split_sentences


def article(article_id: str, text: str, source: str | None = None) -> Article:
    return Article(article_id, f"{article_id}.txt", source or f"outlet-{article_id}", None, None, None, text, text)


def claims_of(*articles: Article) -> list:
    by_id = {a.id: a for a in articles}
    sentences = split_sentences(list(articles))
    groups = align.group_statements(align.statements(sentences))
    return align.claims_from_groups(groups, by_id)


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


def test_the_same_fact_in_other_words_is_one_corroborated_claim() -> None:
    claims = claims_of(
        article("a", "The city council approved the new transit budget on Tuesday evening after a long debate."),
        article("b", "On Tuesday evening, after a lengthy debate, the council approved the city's new transit budget."),
    )
    assert len(claims) == 1
    assert claims[0].status == "corroborated" and claims[0].sources == ["a", "b"]
    assert {e.article for e in claims[0].evidence} == {"a", "b"}


def test_different_facts_about_the_same_people_stay_apart() -> None:
    claims = claims_of(
        article("a", "The mayor of Riverton met union leaders at city hall to discuss the transit strike."),
        article("b", "The mayor of Riverton announced that she will run for governor of the state next year."),
    )
    assert len(claims) == 2 and all(claim.status == "single_source" for claim in claims)


def test_copies_of_one_article_are_one_voice() -> None:
    text = "The central bank raised its main interest rate by half a percentage point on Thursday."
    claims = claims_of(article("a", text, "Wire"), article("b", text, "Reprint"))
    origins, _ = align.independent_origins(claims[0].evidence, {"b": "a"})
    assert origins == 1


def test_outlets_citing_the_same_original_are_one_origin() -> None:
    evidence = [
        Evidence("a", "According to the Daily Ledger, the minister resigned on Friday.", "A"),
        Evidence("b", "The minister stepped down on Friday, the Daily Ledger reported.", "B"),
        Evidence("c", "The minister resigned on Friday after weeks of pressure.", "C"),
    ]

    def cited(sentence: str) -> list[str]:
        return ["Daily Ledger"] if "Daily Ledger" in sentence else []

    origins, cited_origins = align.independent_origins(evidence, {}, cited)
    assert origins == 2 and cited_origins == ["Daily Ledger"]


def test_near_verbatim_sentences_of_two_outlets_are_one_origin() -> None:
    evidence = [
        Evidence("a", "Officials said the bridge will reopen to traffic on Monday morning.", "A"),
        Evidence("b", "Officials said the bridge will reopen to traffic on Monday morning .", "B"),
    ]
    assert align.independent_origins(evidence, {})[0] == 1


def _groups_and_docs(*articles: Article):
    docs = parse_articles(list(articles))
    sentences = split_sentences(list(articles), docs=docs)
    statements = [s for ss in sentences.values() for s in ss]
    return [align.StatementGroup(tuple(statements), statements[0])], docs


def test_did_and_did_not_in_the_same_words_is_a_negation_contradiction() -> None:
    a = article("a", "The two leaders signed the trade agreement during the summit in Geneva.")
    b = article("b", "The two leaders did not sign the trade agreement during the summit in Geneva.")
    groups, docs = _groups_and_docs(a, b)
    found = align.negation_contradictions(groups, docs, {"a": "A", "b": "B"})
    assert len(found) == 1 and found[0].kind == "negation"
    assert [p.sources for p in found[0].positions] == [["a"], ["b"]]


def test_two_negated_wordings_are_not_a_contradiction() -> None:
    a = article("a", "He never once mentioned whether he felt obstructed in the investigation, they wrote.")
    b = article("b", "While he went to great lengths, he never once mentioned whether he felt obstructed.")
    groups, docs = _groups_and_docs(a, b)
    assert align.negation_contradictions(groups, docs, {"a": "A", "b": "B"}) == []


def test_tense_against_productive_for_the_same_call_is_a_contradiction(nlp) -> None:
    a = article("a", "A tense phone call between Finance Minister Anna Berg and Governor Paul Ortiz ended the talks.")
    b = article("b", "An aide said Berg and Ortiz had held a productive call on Monday.")
    items = [c for x in (a, b) for c in extract_characterisations(x, nlp(x.text))]
    found = characterisation_contradictions(items, {"a": "A", "b": "B"})
    assert len(found) == 1
    assert [p.value for p in found[0].positions] == ["tense", "productive"]
    assert "Berg" in found[0].subject and "Ortiz" in found[0].subject


def test_calls_between_different_people_do_not_contradict(nlp) -> None:
    a = article("a", "A tense phone call between Finance Minister Anna Berg and Governor Paul Ortiz ended the talks.")
    b = article("b", "The president described his phone call with Chancellor Lena Vogt as very productive.")
    items = [c for x in (a, b) for c in extract_characterisations(x, nlp(x.text))]
    assert characterisation_contradictions(items, {"a": "A", "b": "B"}) == []


def test_one_outlet_alone_cannot_contradict_itself(nlp) -> None:
    a = article("a", "Berg and Ortiz held a tense call. Later, Berg and Ortiz held a productive call.")
    items = extract_characterisations(a, nlp(a.text))
    assert characterisation_contradictions(items, {"a": "A"}) == []


def test_evidence_offsets_point_at_the_quoted_sentence() -> None:
    text = "Heading line\nThe first statement of the story is made here today.\nA second statement follows it here."
    sentences = split_sentences([article("a", text)])["a"]
    for sentence in sentences:
        assert text[sentence.start:sentence.start + len(sentence.text)] == sentence.text
    assert not align.statements({"a": [Sentence("a", 0, 0, "Heading line")]})


def parsed_claims(*articles: Article) -> list:
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    groups = align.group_statements(statements, docs=docs)
    return align.claims_from_groups(groups, {a.id: a for a in articles})


def test_a_sentence_carrying_two_facts_supports_the_claim_of_each() -> None:
    claims = parsed_claims(
        article("a", "The council approved the new transit budget on Tuesday, and the mayor announced that she "
                     "will run for governor of the state next year."),
        article("b", "On Tuesday the city council approved the new transit budget after a long debate."),
        article("c", "The mayor announced on Monday that she will run for governor of the state next year."),
    )
    shared = [claim for claim in claims if claim.status == "corroborated"]
    assert sorted(claim.sources for claim in shared) == [["a", "b"], ["a", "c"]]
    assert all(claim.independent_origins == 0 for claim in claims)  # counted once, by settle


def test_a_sentence_told_elsewhere_only_in_part_also_stands_alone_for_the_rest() -> None:
    claims = parsed_claims(
        article("a", "The 40-page audit, released by the state comptroller on Friday, found that the transit "
                     "agency spent four million dollars on consultants it never used."),
        article("b", "The state comptroller released an audit of the transit agency on Friday."),
    )
    a_claims = [claim for claim in claims if "a" in claim.sources]
    assert {claim.status for claim in a_claims} == {"corroborated", "single_source"}


def test_a_detail_only_one_outlet_names_in_a_shared_sentence_also_stands_alone() -> None:
    claims = parsed_claims(
        article("a", "The memo demanded territorial concessions from the government, including full control of "
                     "the Marrowdale region."),
        article("b", "The memo demanded significant territorial concessions from the government."),
    )
    shared = [claim for claim in claims if claim.status == "corroborated"]
    alone = [claim for claim in claims if claim.status == "single_source"]
    assert [claim.sources for claim in shared] == [["a", "b"]]
    assert [claim.sources for claim in alone] == [["a"]] and "Marrowdale" in alone[0].evidence[0].quote
    assert alone[0].details == ["Marrowdale"] and shared[0].details == []


def test_two_quotes_of_one_speaker_on_one_occasion_are_two_claims() -> None:
    claims = parsed_claims(
        article("a", "\u201cIt does not affect me at all now and my life is pretty much as it was before,\u201d the "
                     "man wrote in a patient perspective accompanying the case report."),
        article("b", '"Climbing the stairs to bed took half an hour as I could manage only two steps at a time," '
                     "the patient described in the case report."),
    )
    assert [claim.status for claim in claims] == ["single_source", "single_source"]


def test_a_number_with_or_without_thousands_separators_is_one_term_and_no_detail_of_its_own() -> None:
    assert align.content_terms("3,248 cases and 1,000,000 doses") == align.content_terms("3248 cases and 1000000 doses")
    claims = parsed_claims(
        article("a", "The health agency reported 3,248 plague cases worldwide between 2010 and 2015."),
        article("b", "The health agency reported 3248 plague cases worldwide between 2010 and 2015."),
    )
    assert [claim.status for claim in claims] == ["corroborated"]


def test_a_detail_is_named_without_the_function_word_a_tagger_ran_its_name_on_into(nlp) -> None:
    doc = nlp.make_doc("An aide told The Daily Ledger that the plan was dead.")
    doc.ents = [Span(doc, 3, 7, label="ORG")]  # "The Daily Ledger that", as taggers sometimes mark it
    assert align._named(doc[4], doc[:]) == "The Daily Ledger"
    assert align._named(doc[1], doc[:]) == "aide"
    untagged = nlp("Engineers at Acme Widget built the lander.")
    untagged.ents = []  # a name the tagger missed
    assert align._named(next(t for t in untagged if t.text == "Widget"), untagged[:]) == "Acme Widget"


def test_a_name_another_outlet_gives_spelled_out_is_no_detail_of_its_own_but_another_name_is() -> None:
    text = "The memo, which officials of the {} leaked, demanded significant territorial concessions from the state."
    articles = [article(key, text.format(name)) for key, name in
                (("a", "Central Intelligence Agency"), ("b", "CIA"), ("c", "Orlov Group"))]
    docs = parse_articles(articles)
    statements = align.statements(split_sentences(articles, docs=docs))
    resolver = EntityResolver(extract_entities([(a, docs[a.id]) for a in articles]))

    def alone(canonical: Callable[[str, str], str | None] | None) -> set[str]:
        groups = align.group_statements(statements, docs=docs, canonical=canonical)
        return {g.sentences[0].article_id for g in groups if len(g.sentences) == 1}

    assert alone(None) >= {"b", "c"}
    assert "c" in alone(resolver.canonical) and "b" not in alone(resolver.canonical)


def _disputed_claims(*articles: Article, extra: Sequence[Contradiction] = ()) -> tuple[list, list]:
    """Claims as the pipeline settles them, characterisation contradictions (and ``extra``) given both to the
    grouping and to the claims; and the claims of a grouping not told of them."""
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    items = [c for a in articles for c in extract_characterisations(a, docs[a.id])]
    disputes = [*characterisation_contradictions(items, {a.id: a.source for a in articles}), *extra]
    by_id = {a.id: a for a in articles}
    groups = align.group_statements(statements, docs=docs)
    told = align.group_statements(statements, docs=docs, disputes=disputes)
    return (
        align.claims_from_groups(told, by_id, None, disputes),
        align.claims_from_groups(groups, by_id, None, disputes),
    )


_TENSE_A = "A tense phone call between Finance Minister Anna Berg and Governor Paul Ortiz ended the talks."
_TENSE_B = "Officials said a tense call between Berg and Ortiz ended the talks on the port levy."
_PRODUCTIVE = "An aide told the Harbor Ledger that Berg and Ortiz had held a productive call about the levy."


def test_a_characterisation_position_naming_what_no_other_outlet_says_also_stands_alone() -> None:
    told, untold = _disputed_claims(article("a", _TENSE_A), article("b", _TENSE_B), article("c", _PRODUCTIVE))
    assert sorted(claim.status for claim in told if claim.sources == ["c"]) == ["contradicted", "single_source"]
    assert [claim.status for claim in untold if claim.sources == ["c"]] == ["contradicted"]  # the rule's work


def test_a_number_in_dispute_is_no_undisputed_detail() -> None:
    c = article("c", _PRODUCTIVE)
    quote = Evidence("c", _PRODUCTIVE, c.source)
    number = Contradiction("the levy", [Position("12", ["x"], []), Position("15", ["c"], [quote])], "number")
    told, _ = _disputed_claims(article("a", _TENSE_A), article("b", _TENSE_B), c, extra=[number])
    assert {claim.status for claim in told if claim.sources == ["c"]} == {"contradicted"}


def test_a_shared_statement_naming_its_own_detail_keeps_it_single_source_when_its_call_is_disputed() -> None:
    told, _ = _disputed_claims(
        article("a", _TENSE_A),
        article("b", "A tense call between Berg and Ortiz ended the talks, which the Harbor Ledger reported."),
        article("c", "An aide said Berg and Ortiz had held a productive call on the port levy."),
    )
    assert sorted(claim.status for claim in told if "b" in claim.sources) == ["contradicted", "single_source"]
    assert all(claim.status == "contradicted" for claim in told if claim.sources == ["c"])


_LEDGER = ("According to the Harbor Ledger, city officials halted the bridge project after the contractor sent a "
           "letter to the council restating its cost demands.")


def _grouped(first: str, second: str) -> tuple[bool, bool]:
    """Whether two outlets' statements end in one group, without and with their cited origins known."""
    articles = [article("a", first), article("b", second)]
    docs = parse_articles(articles)
    statements = align.statements(split_sentences(articles, docs=docs))

    def cited(text: str) -> list[str]:
        return ["Harbor Ledger"] if "Harbor Ledger" in text else []

    def together(origins: Callable[[str], list[str]] | None) -> bool:
        groups = align.group_statements(statements, docs=docs, cited_origins=origins)
        return any(len({s.article_id for s in group.sentences}) == 2 for group in groups)

    return together(None), together(cited)


def test_two_retellings_of_one_cited_report_are_one_claim() -> None:
    second = ("The Harbor Ledger reported that the mayor stopped work on the bridge once he read the builder's letter "
              "repeating its price conditions.")
    assert _grouped(_LEDGER, second) == (False, True)


def test_citing_the_same_report_for_another_finding_or_rewording_without_a_citation_is_no_claim() -> None:
    other = "According to the Harbor Ledger, the mayor plans to run for governor next year after two terms in office."
    assert _grouped(_LEDGER, other) == (False, False)
    uncited = "The mayor stopped work on the bridge once he read the builder's letter repeating its price conditions."
    assert _grouped(_LEDGER.removeprefix("According to the Harbor Ledger, "), uncited) == (False, False)


_DONORS = ("Last July, {} local donors and a former clerk filed a privacy lawsuit against the mayor's campaign and his "
           "adviser.", "In that case, {} local donors and a former council clerk have argued the release of the emails "
                       "violated their privacy.")


def test_two_retellings_counting_the_same_quantity_of_a_thing_are_one_claim() -> None:
    assert _grouped(_DONORS[0].format("five"), _DONORS[1].format("five")) == (True, True)


def test_retellings_without_the_same_quantity_stay_apart() -> None:
    assert _grouped(_DONORS[0].format("several"), _DONORS[1].format("several")) == (False, False)
    assert _grouped(_DONORS[0].format("five"), _DONORS[1].format("several")) == (False, False)


def test_a_shared_sentence_naming_nothing_new_or_only_a_day_stands_with_the_others_alone() -> None:
    claims = parsed_claims(
        article("a", "The Marrowdale council approved the new transit budget on Tuesday after a long debate."),
        article("b", "After a long debate, the Marrowdale council approved its new transit budget."),
    )
    assert [claim.status for claim in claims] == ["corroborated"]


@pytest.mark.parametrize(
    ("affirmed", "other"),
    [
        (
            "Okafor scored 20 points to help the top-ranked Rovers remain unbeaten with a 91-73 win on Friday.",
            "Okafor scored 20 on Friday to help the No. 1 Rovers remain unbeaten with a 91-73 win.",
        ),
        (
            "Lee said the source for the reporters was probably a combination of several people.",
            "Lee said the source for the reporters was not one person, but probably a combination of several people.",
        ),
    ],
)
def test_a_number_abbreviation_or_a_correction_is_not_a_denial(affirmed: str, other: str) -> None:
    groups, docs = _groups_and_docs(article("a", affirmed), article("b", other))
    assert align.negation_contradictions(groups, docs, {"a": "A", "b": "B"}) == []


def test_a_different_clause_negated_is_not_a_denial() -> None:
    a = article("a", "We will be talking about it with the ministers next week.")
    b = article("b", "It should never have been made, but we will be talking about it with the ministers next week.")
    groups, docs = _groups_and_docs(a, b)
    assert align.negation_contradictions(groups, docs, {"a": "A", "b": "B"}) == []


def _separate_groups_and_docs(*articles: Article):
    docs = parse_articles(list(articles))
    statements = [s for ss in split_sentences(list(articles), docs=docs).values() for s in ss]
    return [align.StatementGroup((s,), s) for s in statements], docs


def test_a_role_given_by_one_outlet_and_denied_by_another_is_a_contradiction_across_groups() -> None:
    a = article("a", "The complaint names a long list of defendants that includes Mr. Okafor and the city council.")
    b = article("b", "According to the Ledger, the lawsuit does not name Okafor as a defendant, but cites his aides.")
    groups, docs = _separate_groups_and_docs(a, b)
    found = align.negation_contradictions(groups, docs, {"a": "A", "b": "B"})
    assert [c.kind for c in found] == ["predicate"]
    assert [p.sources for p in found[0].positions] == [["a"], ["b"]]
    assert found[0].subject == "Okafor as defendant"
    assert [p.value for p in found[0].positions] == ["says so", "says not"]


def test_other_roles_other_people_or_one_outlet_are_no_contradiction() -> None:
    a = article("a", "The complaint names a long list of defendants that includes Mr. Okafor and the city council.")
    witness = article("b", "The lawsuit does not name Okafor as a witness, the Ledger reported on Friday.")
    other = article("c", "The lawsuit does not name Mensah as a defendant, the Ledger reported on Friday.")
    for second, outlets in ((witness, {"a": "A", "b": "B"}), (other, {"a": "A", "c": "C"})):
        groups, docs = _separate_groups_and_docs(a, second)
        assert align.negation_contradictions(groups, docs, outlets) == []
    same = article("d", "The lawsuit does not name Okafor as a defendant, the Ledger reported on Friday.")
    groups, docs = _separate_groups_and_docs(a, same)
    assert align.negation_contradictions(groups, docs, {"a": "A", "d": "A"}) == []


def test_alike_wording_about_different_named_parties_stays_apart() -> None:
    template = "{} has long favoured a formal peace treaty with its northern neighbours, officials said."
    norway, chile = (article(k, template.format(name)) for k, name in (("a", "Norway"), ("b", "Chile")))
    claims = parsed_claims(norway, chile)
    assert all(claim.status == "single_source" for claim in claims)
    same = parsed_claims(norway, article("c", template.format("Norway").replace("officials", "diplomats")))
    assert [claim.status for claim in same] == ["corroborated"]


def corroborated(claims: list) -> list[list[str]]:
    return sorted(claim.sources for claim in claims if claim.status == "corroborated")


def resolved_claims(*articles: Article) -> list:
    """Claims grouped as the pipeline does, with the story's entity resolver."""
    docs = parse_articles(list(articles))
    statements = align.statements(split_sentences(list(articles), docs=docs))
    resolver = EntityResolver(extract_entities([(a, docs[a.id]) for a in articles]))
    groups = align.group_statements(statements, docs=docs, canonical=resolver.canonical)
    return align.claims_from_groups(groups, {a.id: a for a in articles})


_LASTED = "The border war between the neighbouring states has now lasted for more than {}, officials said."


@pytest.mark.parametrize(
    ("first", "second"),
    [("six decades", "60 years"), ("sixty years", "six decades"), ("two weeks", "14 days"), ("a year", "12 months")],
)
def test_one_span_of_time_in_two_units_is_no_different_number(first: str, second: str) -> None:
    claims = parsed_claims(article("a", _LASTED.format(first)), article("b", _LASTED.format(second)))
    assert corroborated(claims) == [["a", "b"]]


@pytest.mark.parametrize(("first", "second"), [("60 years", "six months"), ("six decades", "six years")])
def test_different_spans_of_time_stay_apart(first: str, second: str) -> None:
    claims = parsed_claims(article("a", _LASTED.format(first)), article("b", _LASTED.format(second)))
    assert corroborated(claims) == []


def test_a_number_in_counting_words_is_its_value(nlp) -> None:
    template = "{} soldiers were wounded in the attack on the border post near {} late on Monday night."
    dozen, twelve, thirteen = (template.format(n, "Riverton") for n in ("A dozen", "Twelve", "Thirteen"))
    names = [
        align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})[0].names
        for text in (dozen, twelve, thirteen, template.format("12", "the town"))
    ]
    assert "#12" in names[0] & names[1] & names[3] and "#12" not in names[2]
    claims = parsed_claims(article("a", dozen), article("b", template.format("12", "the town")))
    assert corroborated(claims) == [["a", "b"]]


_BOARD = "Officials of the {} opened an inquiry into the crash of the cargo plane near the coast last night."


def test_one_body_by_its_acronym_and_its_name_is_no_different_name() -> None:
    spelled = article("a", _BOARD.format("National Transportation Safety Board"))
    acronym = article("b", _BOARD.format("NTSB"))
    assert corroborated(parsed_claims(spelled, acronym)) == []  # without the resolver, two names
    assert corroborated(resolved_claims(spelled, acronym)) == [["a", "b"]]


def test_different_seats_of_government_stay_apart_with_the_resolver() -> None:
    template = "{} refused to soften its position on the ceasefire talks, according to officials."
    claims = resolved_claims(
        article("a", template.format("The Kremlin")), article("b", template.format("The White House"))
    )
    assert corroborated(claims) == []


def test_the_same_verb_done_by_different_people_is_not_one_claim() -> None:
    claims = parsed_claims(
        article("a", "Senator Maria Lopez warned Riverton officials on Monday about the rising flood risk along "
                     "the river."),
        article("b", "Governor Tom Becker warned Riverton residents on Monday about the rising flood risk along "
                     "the river."),
    )
    assert corroborated(claims) == []


def test_the_same_act_by_the_same_person_in_other_words_is_one_claim() -> None:
    claims = parsed_claims(
        article("a", "Governor Tom Becker signed the Riverton flood relief bill into law on Friday afternoon."),
        article("b", "The Riverton flood relief bill was signed into law by Governor Tom Becker on Friday."),
        article("c", "On Friday afternoon Governor Becker approved the Riverton flood relief bill, making it law."),
    )
    assert corroborated(claims) == [["a", "b", "c"]]


def test_a_person_named_by_the_other_sentence_is_no_different_agent() -> None:
    claims = parsed_claims(
        article("a", "Governor Tom Becker met Mayor Ana Ruiz in Riverton on Friday to discuss the flood relief bill."),
        article("b", "Mayor Ana Ruiz met with Governor Tom Becker in Riverton on Friday about the flood relief bill."),
    )
    assert corroborated(claims) == [["a", "b"]]


def test_one_speaker_saying_two_things_is_two_claims() -> None:
    claims = parsed_claims(
        article("a", '"It is all part of a long negotiation," said Anna Weber, the senior adviser for trade at the '
                     "National Economic Council."),
        article("b", "Anna Weber, senior adviser for trade at the National Economic Council, said the minister "
                     "would raise tariffs on imported steel next month."),
    )
    assert corroborated(claims) == []


def test_one_speaker_saying_one_thing_in_other_words_is_one_claim() -> None:
    claims = parsed_claims(
        article("a", '"We will rebuild the Riverton bridge within a year," Governor Tom Becker told reporters on '
                     "Friday."),
        article("b", "Governor Tom Becker said on Friday that the Riverton bridge would be rebuilt within a year."),
    )
    assert corroborated(claims) == [["a", "b"]]


def test_one_speaker_on_one_occasion_is_one_claim_whatever_was_said() -> None:
    claims = parsed_claims(
        article("a", '"The treaty is dead," Chancellor Lena Vogt said at a meeting of the Riverton Workers\' '
                     "Party on Sunday."),
        article("b", "Chancellor Lena Vogt said at a meeting of the Riverton Workers' Party on Sunday that her "
                     "government would cut fuel taxes."),
    )
    assert corroborated(claims) == [["a", "b"]]


def test_who_reported_speech_is_about(nlp) -> None:
    text = "Senator Maria Lopez said she was open to a new transit deal with the unions of the city."
    units = align.statement_units([Sentence("a", 0, 0, text)], {"a": nlp(text)})
    reported = [unit for unit in units if unit.text.startswith("she was open")]
    assert [unit.agents for unit in reported] == [frozenset({"lopez"})]
    assert all(unit.agents == frozenset() for unit in units if unit.whole)  # a speaker is not the doer


def dense_average_linkage(similarity: np.ndarray, limit: float) -> list[list[int]]:
    """Average linkage by brute force over the full matrix, each mean computed afresh from all pairs, in the
    nearest-neighbour chain's order (ties: the cluster the chain came from, else the first), chains starting
    from the first cluster with a neighbour below ``limit``."""
    distance = np.maximum(1.0 - similarity, 0.0)
    members = {i: [i] for i in range(len(similarity))}
    settled: set[int] = set()
    chain: list[int] = []

    def mean(a: int, b: int) -> float:
        return float(distance[np.ix_(members[a], members[b])].mean())

    while True:
        if not chain:
            free = [k for k in sorted(members) if k not in settled]
            if not free:
                return sorted(members.values())
            chain = [free[0]]
        last = chain[-1]
        nearest, least = (chain[-2], mean(last, chain[-2])) if len(chain) > 1 else (-1, np.inf)
        for other in sorted(members):
            if other != last and mean(last, other) < least:
                nearest, least = other, mean(last, other)
        if least >= limit:
            settled.add(chain.pop())
        elif len(chain) > 1 and nearest == chain[-2]:
            first, second = chain.pop(), chain.pop()
            members[max(first, second)] = sorted(members.pop(first) + members.pop(second))
        else:
            chain.append(nearest)


def random_similarity(rng: np.random.Generator, size: int, top: float) -> np.ndarray:
    """A symmetric similarity matrix with some pairs vetoed (``_APART``), as in a story."""
    values = rng.uniform(0.5, top, (size, size))
    values[rng.random((size, size)) < 0.1] = align._APART
    return np.minimum(values, values.T)


def close_pairs(similarity: np.ndarray, limit: float) -> align.Edges:
    """The pairs of a full similarity matrix closer than ``limit``, each once (first < second)."""
    distance = np.maximum(1.0 - similarity, 0.0)
    first, second = np.nonzero(np.triu(distance < limit, 1))
    return first, second, distance[first, second]


def sparse_linkage(similarity: np.ndarray, limit: float) -> list[list[int]]:
    held = align.HeldSimilarity(similarity, np.arange(len(similarity)))
    return align.average_linkage(len(similarity), close_pairs(similarity, limit), align._summed(held), limit)


def test_sparse_average_linkage_equals_brute_force_average_linkage() -> None:
    rng = np.random.default_rng(7)
    merged = 0
    for _ in range(60):
        # Above 1 a pair counts as a perfect match: many pairs at distance 0, ties the order of merges settles.
        similarity = random_similarity(rng, int(rng.integers(1, 20)), top=1.2)
        limit = 1.0 - rng.uniform(0.75, 0.95)
        expected = dense_average_linkage(similarity, limit)
        assert sparse_linkage(similarity, limit) == expected
        merged += len(expected) < len(similarity)
    assert merged > 30  # the cases do exercise merging


def test_sparse_average_linkage_equals_scipy_average_linkage_without_ties() -> None:
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(11)
    for _ in range(40):
        similarity = random_similarity(rng, int(rng.integers(2, 40)), top=1.0)
        distance = np.maximum(1.0 - similarity, 0.0)
        np.fill_diagonal(distance, 0.0)
        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.14
        ).fit_predict(distance)
        expected = sorted(sorted(np.flatnonzero(labels == label).tolist()) for label in set(labels))
        assert sparse_linkage(similarity, 0.14) == expected


def best_unit_matches(full: np.ndarray, owners: np.ndarray, count: int) -> np.ndarray:
    """The dense statements x statements matrix of each pair's best unit match, from the full unit matrix."""
    return np.asarray([[full[np.ix_(owners == a, owners == b)].max() for b in range(count)] for a in range(count)])


def by_owner(owners: np.ndarray, count: int) -> list[list[int]]:
    return [np.flatnonzero(owners == statement).tolist() for statement in range(count)]


def test_block_by_block_scan_sees_every_pair_as_the_full_matrix_does(monkeypatch) -> None:
    articles = [
        article("a", "The council approved the new transit budget on Tuesday, and the mayor announced that she "
                     "will run for governor of the state next year. The budget adds two bus lines."),
        article("b", "On Tuesday the city council approved the new transit budget after a long debate. "
                     "Two new bus lines are part of the budget, the council said."),
        article("c", "The mayor announced on Monday that she will run for governor of the state next year."),
    ]
    docs = parse_articles(articles)
    sentences = align.statements(split_sentences(articles, docs=docs))
    units = align.statement_units(sentences, docs)
    similarity = align.unit_similarity(units, [s.text for s in sentences])
    full = similarity.block(range(len(units)), range(len(units)))
    assert np.array_equal(full, full.T)
    owners = np.asarray([unit.owner for unit in units])
    best = best_unit_matches(full, owners, len(sentences))
    close = np.triu(np.maximum(1.0 - full, 0.0) < 0.3, 1)
    expected = align.group_statements(sentences, docs=docs)
    for rows in (1, 2, 3, 5, len(units)):  # blocks ending inside a statement's units, or one block
        monkeypatch.setattr(align, "_BLOCK_CELLS", rows * len(units))
        first, second, distance = align._scan(similarity, 0.3)
        found = np.zeros_like(close)
        found[np.minimum(first, second), np.maximum(first, second)] = True
        assert len(first) == close.sum() > 0 and np.array_equal(found, close)
        assert np.allclose(distance, np.maximum(1.0 - full[first, second], 0.0))
        matches = align.BestMatches(similarity, by_owner(owners, len(sentences)))
        statements = range(len(sentences))
        assert np.allclose(matches.block(statements, statements), best, rtol=0, atol=1e-6)  # float32 by shape
        assert align.group_statements(sentences, docs=docs) == expected  # held whole only with one block


def random_units(rng: np.random.Generator, size: int, count: int) -> align.UnitSimilarity:
    """Units of ``count`` statements (each one at least), in no particular order, with some pairs vetoed."""
    vectors = rng.normal(size=(size, 8)).astype(np.float32)
    owners = rng.permutation(np.r_[np.arange(count), rng.integers(0, count, size - count)])
    mentions = align.csr_matrix(rng.random((size, 3)) < 0.2, dtype=float)  # units naming different things
    agents = mentions.multiply(rng.random((size, 3)) < 0.5).tocsr()  # some of the named do the main verb's act
    return align.UnitSimilarity(
        vectors=vectors / np.linalg.norm(vectors, axis=1, keepdims=True),
        terms=align.csr_matrix((size, 1)), mentions=mentions, agents=agents, floors=align.csr_matrix((size, size)),
        tellers=mentions.multiply(rng.random((size, 3)) < 0.2).tocsr(),  # some speak of another
        voices=mentions.multiply(rng.random((size, 3)) < 0.3).tocsr(), frame=rng.random(size) < 0.1,
        unquoted=align.csr_matrix((size, 1)), quotes_some=rng.random(size) < 0.1,  # some quote a phrase: apart
        owners=owners, is_clause=np.zeros(size, dtype=bool), named=np.asarray(mentions.sum(axis=1) > 0).ravel(),
        acted=np.asarray(agents.sum(axis=1) > 0).ravel(), speaker=rng.random(size) < 0.2,
        beyond_speaker=align.csr_matrix((size, 1)), aspect=rng.integers(-1, 2, size).astype(np.int8), wholes=owners,
        direction=rng.integers(-1, 2, size).astype(np.int8),
        quoted=align.csr_matrix((size, 1)), quoting=np.zeros(size, dtype=bool), settings=align.DEFAULT_SETTINGS,
        weekdays=rng.integers(0, 4, size),  # some units name a day of the week, two different ones
        unnamed=align.csr_matrix((size, 1)), asserted=align.csr_matrix((size, 1)), parsed=np.zeros(size, dtype=bool),
    )


def test_statement_best_matches_on_demand_equal_the_dense_matrix(monkeypatch) -> None:
    rng = np.random.default_rng(3)
    for _ in range(30):
        count = int(rng.integers(1, 15))
        size = count + int(rng.integers(0, 30))
        similarity = random_units(rng, size, count)
        full = similarity.block(range(size), range(size))
        best = best_unit_matches(full, similarity.owners, count)
        monkeypatch.setattr(align, "_BLOCK_CELLS", int(rng.integers(1, size * size + 1)))
        matches = align.BestMatches(similarity, by_owner(similarity.owners, count))
        rows, columns = rng.permutation(count)[:int(rng.integers(1, count + 1))], rng.permutation(count)
        assert np.allclose(matches.block(rows, columns), best[np.ix_(rows, columns)], rtol=0, atol=1e-6)
        held = align.BestMatches(align.HeldSimilarity(full, similarity.owners), by_owner(similarity.owners, count))
        assert np.array_equal(held.block(rows, columns), best[np.ix_(rows, columns)])  # max is exact


def test_statement_pairs_owning_a_close_unit_pair_are_the_close_statement_pairs() -> None:
    rng = np.random.default_rng(5)
    closes = 0
    for _ in range(30):
        count = int(rng.integers(1, 15))
        size = count + int(rng.integers(0, 30))
        similarity = random_units(rng, size, count)
        full = similarity.block(range(size), range(size))
        limit = float(rng.uniform(0.2, 0.9))
        held = align.HeldSimilarity(full, similarity.owners)
        first, second, distance = align.statement_edges(align._scan(held, limit), similarity.owners)
        expected = close_pairs(best_unit_matches(full, similarity.owners, count), limit)
        assert [first.tolist(), second.tolist()] == [expected[0].tolist(), expected[1].tolist()]
        # The least distance is the best match's; float32 products of blocks of other shapes may round it apart
        # in the last bit, as BLAS kernels differ by shape.
        np.testing.assert_allclose(distance, expected[2], rtol=0, atol=1e-6)
        closes += len(first)
    assert closes > 30


def test_units_left_unembedded_are_only_those_whose_similarities_no_embedding_changes() -> None:
    articles = [
        article("a", "The council approved the new transit budget on Tuesday, while protesters who had gathered "
                     "outside the hall since dawn chanted slogans about rents. The budget adds two bus lines."),
        article("b", "On Tuesday the city council approved the new transit budget after a long debate. "
                     "Two new bus lines are part of the budget, the council said."),
    ]
    docs = parse_articles(articles)
    sentences = align.statements(split_sentences(articles, docs=docs))
    units = align.statement_units(sentences, docs)
    similarity = align.unit_similarity(units, [s.text for s in sentences])
    unembedded = ~similarity.vectors.any(axis=1)
    assert unembedded.any() and not unembedded.all()
    every = range(len(units))
    embedded = replace(similarity, vectors=align.embed([unit.text for unit in units]))
    # Batches of other texts move a vector in its last float bits only.
    assert np.allclose(similarity.block(every, every), embedded.block(every, every), rtol=0, atol=1e-5)
    assert np.array_equal(similarity.block(every, every) == align._APART, embedded.block(every, every) == align._APART)



def test_two_claims_resting_on_one_long_sentence_are_told_in_different_sentences() -> None:
    # Statement 0 holds two facts: one shared with 1 and 2, one with 3; 4 shares nothing.
    similarity = np.array([
        [1.0, 0.9, 0.9, 0.88, 0.1],
        [0.9, 1.0, 0.9, 0.2, 0.1],
        [0.9, 0.9, 1.0, 0.2, 0.1],
        [0.88, 0.2, 0.2, 1.0, 0.1],
        [0.1, 0.1, 0.1, 0.1, 1.0],
    ])
    best = align.HeldSimilarity(similarity, np.arange(5))
    groups = [({0, 1, 2}, 0), ({0, 3}, 0), ({4}, 4)]
    assert align._distinct_representatives(groups, best) == [({0, 1, 2}, 0), ({0, 3}, 3), ({4}, 4)]
    # When every other member already tells a larger claim, the sentence serves twice rather than mislabel one.
    told = [({0, 2, 3}, 0), ({1, 2, 3}, 1), ({0, 1}, 0)]
    assert align._distinct_representatives(told, best) == told


@pytest.mark.parametrize(
    ("said", "denied"),
    [
        # Other objects or complements are other predicates.
        ("The good news is that Ann Lee is getting help.", "When Lee wasn't getting attention, she sang."),
        ("The Rovers have failed to confirm any interest in the player.", "The Rovers will not fail in their effort."),
        # An aim is no deed.
        ("The Rovers are making progress in their quest to sign Okafor.", "The Rovers will not sign Okafor."),
        # Who does it is unnamed on one side: the names are only what is done to.
        ("Ann Lee tweeted she will be hosting the Oscars this year.", "He said he would not host the Oscars again."),
        # "barely" denies much as "not" does; a particle is part of the verb.
        ("Okafor barely landed a punch as Lee dominated.", "In the sixth round Okafor didn't land a clean punch."),
        ("Since that win, Okafor has gone 4-2-1 in his fights.", "Lee dominated though Okafor never went down."),
        # "has no" denies as "has not had" does.
        ("Freedonia has no effective central government.", "Freedonia has not had a functioning government since 1991"),
    ],
)
def test_a_verb_said_and_denied_of_a_name_with_other_content_is_no_contradiction(said: str, denied: str) -> None:
    groups, docs = _separate_groups_and_docs(article("a", said), article("b", denied))
    assert align.negation_contradictions(groups, docs, {"a": "A", "b": "B"}) == []


def test_a_verb_said_and_denied_of_a_name_with_the_same_content_is_a_contradiction() -> None:
    a = article("a", "The Rovers signed Okafor on a three-year deal last week.")
    b = article("b", "The Rovers did not sign Okafor, the club said.")
    groups, docs = _separate_groups_and_docs(a, b)
    found = align.negation_contradictions(groups, docs, {"a": "A", "b": "B"})
    assert [c.kind for c in found] == ["predicate"]


def test_two_clauses_sharing_only_names_are_two_claims() -> None:
    claims = parsed_claims(
        article("a", "The activist always argued that his fear of arrest was why he had taken refuge in the Norwegian "
                     "embassy in Lisbon."),
        article("b", "However, prosecutors reopened the case in May after he was carried out of the Norwegian Embassy "
                     "in Lisbon by police."),
    )
    assert corroborated(claims) == []


def test_two_clauses_sharing_names_and_what_was_done_are_one_claim() -> None:
    claims = parsed_claims(
        article("a", "The activist always argued that his fear of arrest was why he had taken refuge in the Norwegian "
                     "embassy in Lisbon."),
        article("b", "The activist took refuge in the Norwegian embassy in Lisbon in 2012, fearing arrest."),
    )
    assert corroborated(claims) == [["a", "b"]]


@pytest.mark.parametrize(
    "question",
    ['First, "Is remote work the future of the office?"', "Is remote work really the future of the office for most "
                                                           "companies?"],
)
def test_a_question_is_no_claim(question: str) -> None:
    claims = parsed_claims(
        article("a", question), article("b", "Remote work is seen by most companies as the future of the office."),
    )
    assert [claim.sources for claim in claims] == [["b"]]


def test_a_reported_question_is_a_statement_like_any() -> None:
    claims = parsed_claims(
        article("a", 'The mayor asked the council on Tuesday whether the Riverton bridge could reopen by spring.'),
        article("b", 'On Tuesday the mayor asked the council if the Riverton bridge could be reopened by spring.'),
    )
    assert corroborated(claims) == [["a", "b"]]


def test_two_statements_sharing_only_what_they_are_about_are_two_claims() -> None:
    claims = parsed_claims(
        article("a", "Welcome to the new 12-inch Corvane Tablet."),
        article("b", "The new 12-inch Corvane Tablet is a lot like the old 10-inch Corvane Tablet, save for a few "
                     "features."),
        # The story's other reports of the tablet make its name a common word of the story, as it is in the news.
        article("c", "The new 12-inch Corvane Tablet ships with a stylus and a cover. Reviewers praised the new "
                     "12-inch Corvane Tablet for its long battery life. The new 12-inch Corvane Tablet costs more."),
    )
    assert not any({"a", "b"} <= set(sources) for sources in corroborated(claims))


def test_two_statements_saying_one_thing_of_what_they_are_about_are_one_claim() -> None:
    claims = parsed_claims(
        article("a", "The new 12-inch Corvane Tablet goes on sale in stores next month."),
        article("b", "Shoppers can buy the new 12-inch Corvane Tablet in stores next month, when it goes on sale."),
    )
    assert corroborated(claims) == [["a", "b"]]


@pytest.mark.parametrize(
    ("text", "supposed", "asserted"),
    [
        ("I would like the old laptop more if it had a physical escape key.", {"physical", "escape"}, {"like"}),
        ("The new laptop will sell well if the maker cuts its price.", {"cut", "price"}, {"sell"}),
        # An "if" under no modal may open a question: what is asked is what the sentence tells of.
        ("The inspectors' questions include if the builder skipped the safety checks.", set(), {"skip", "check"}),
    ],
)
def test_what_a_condition_supposes_is_no_word_a_statement_asserts(text: str, supposed: set, asserted: set) -> None:
    whole = _units(text)[0]
    assert not supposed & whole.asserted and asserted <= whole.asserted


@pytest.mark.parametrize(
    ("text", "left_out", "kept"),
    [
        # A light verb says what its object says; another verb says something of its own, a stop word or not.
        ("The activist had taken refuge in the embassy for seven years.", {"take"}, {"refuge"}),
        ("The board named three new members and showed the plans to the press.", set(), {"name", "show"}),
        # Who spoke, and the words telling which product is meant, are not what is said of it.
        ("Officials said the new 12-inch Corvane Tablet was recalled.", {"say", "new", "inch"}, {"recall"}),
        # A noun and the participle giving its name tell which thing is meant ...
        ("The findings were consistent with a condition called Halvorsen syndrome.", {"condition", "call"},
         {"consistent", "finding"}),
        # ... but naming someone to a post asserts, even where the parser hangs the verb on its subject as on a noun.
        ("The board named Ana Ruiz its new chair on Monday.", set(), {"name", "chair"}),
        # A noun of degree tells how much, not what; the same noun naming a thing asserts.
        ("The new model is a lot like the old one, if a bit faster.", {"lot", "bit"}, {"fast"}),
        ("The council sold a parking lot near the station.", set(), {"lot", "sell"}),
    ],
)
def test_the_words_a_statement_asserts_with(text: str, left_out: set, kept: set) -> None:
    whole = _units(text)[0]
    assert not left_out & whole.asserted and kept <= whole.asserted


def test_the_same_thing_asserted_without_a_condition_is_one_claim() -> None:
    claims = parsed_claims(
        article("a", "The new laptop from the maker has a physical escape key, its designers said."),
        article("b", "The maker's new laptop comes with a physical escape key, according to its designers."),
    )
    assert corroborated(claims) == [["a", "b"]]


def test_a_clause_on_a_noun_shares_its_own_words_not_the_noun_it_hangs_on() -> None:
    units = _units(
        "The new keypad should prove more reliable than the fragile flat keypads used across the maker's phones.",
        "Reviewers disliked the flat keypad that was introduced with the first folding model in 2016.",
    )
    used = next(i for i, unit in enumerate(units) if unit.text.startswith("the fragile flat keypads used"))
    introduced = next(i for i, unit in enumerate(units) if unit.text.startswith("the flat keypad that"))
    assert "keypad" not in units[used].asserted and "phone" in units[used].asserted
    assert _apart(units, [used], [introduced])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Inspectors closed the old footbridge over the river after finding deep cracks in its deck.",
         "The old footbridge over the river was closed by inspectors who had found deep cracks in its deck."),
        ("Lindqvist told reporters that the paper mill would reopen after the repairs.",
         "The paper mill will reopen after the repairs, Lindqvist said."),
        ("The company fired its chief executive after the accounting scandal came to light.",
         "The board dismissed the company's chief executive over the accounting scandal."),
    ],
)
def test_passive_and_active_reports_and_other_verbs_of_one_fact_share_what_they_assert(
    first: str, second: str
) -> None:
    units = _units(first, second)
    wholes = [i for i, unit in enumerate(units) if unit.whole]
    assert not _apart(units, wholes[:1], wholes[1:])


def _units(*texts: str) -> list[align.Unit]:
    articles = [article(chr(ord("a") + k), text) for k, text in enumerate(texts)]
    docs = parse_articles(articles)
    return align.statement_units(align.statements(split_sentences(articles, docs=docs)), docs)


def _apart(units: list[align.Unit], rows: list[int], columns: list[int]) -> bool:
    similarity = align.unit_similarity(units, [unit.text for unit in units if unit.whole])
    return bool(similarity.apart_by_words(np.asarray(rows), np.asarray(columns)).all())
