"""Quotes: speakers before and after the quote, pronouns, reported speech, relayed quotes, cited origins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.align import StatementGroup
from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.quotes import (
    SharedTerm,
    cited_origins,
    extract_quotes,
    quote_contradictions,
    relayed_quotes,
    shared_terms,
    with_shared_terms,
    wording_contradictions,
)
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Attribution, Quote, Sentence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def parsed(nlp: Language, *texts: str) -> list[tuple[Article, Doc]]:
    """One article of its own outlet per text, with its parse."""
    return [
        (Article(f"a{i}", f"a{i}.txt", f"outlet{i}", None, None, None, text, text), nlp(text))
        for i, text in enumerate(texts)
    ]


def quotes_of(nlp: Language, *texts: str) -> list[Quote]:
    docs = parsed(nlp, *texts)
    return extract_quotes(docs, EntityResolver(extract_entities(docs)))


def speaker(quote: Quote) -> str | None:
    return quote.attribution.speaker if quote.attribution else None


def test_speaker_after_the_quote(nlp: Language) -> None:
    text = "Sergey Lavrov spoke in Moscow. “We remain entirely committed to this formula,” Lavrov added."
    [quote] = quotes_of(nlp, text)
    assert quote.direct and quote.text == "We remain entirely committed to this formula"
    assert speaker(quote) == "Sergey Lavrov" and quote.attribution.cue == "add"
    assert quote.sentence.startswith("“We remain") and text[quote.start :].startswith(quote.sentence)


def test_straight_quotes_and_speaker_before(nlp: Language) -> None:
    [quote] = quotes_of(nlp, 'At a press conference, Angela Merkel said, "We will not accept these terms."')
    assert speaker(quote) == "Angela Merkel" and quote.text == "We will not accept these terms"


def test_a_title_whose_full_stop_was_split_off_is_not_the_speaker(nlp: Language) -> None:
    # spaCy splits "Sgt." into "Sgt" and ".", and the parser may make both "Sgt" and the name subjects of "said".
    [quote] = quotes_of(nlp, "“She stayed calm the whole time,” said Sgt. Dana Whitfield of the county police.")
    assert speaker(quote) == "Dana Whitfield"
    # Hard case: a name ending its sentence before the next one's subject is no title.
    [quote] = quotes_of(nlp, "Dana Whitfield arrived. “She stayed calm,” Whitfield said.")
    assert speaker(quote) == "Dana Whitfield"


def test_pronoun_speaker_resolves_to_the_nearest_named_person(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Marco Rubio met the delegation on Monday. Donald Trump spoke later in the day. "
        "He described the call as “very productive and full of progress.”",
    )
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "Donald Trump" and quote.attribution.pronoun == "He"


def test_reported_speech_with_descriptions_and_according_to(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "A White House official told Politico that no further meeting was planned. "
        "According to sources familiar with the memo, Moscow rejected the terms.",
    )
    told, according = quotes
    assert not told.direct and speaker(told) == "A White House official" and not told.attribution.named
    assert told.text.endswith("no further meeting was planned") and told.origins == ("Politico",)
    assert speaker(according) == "sources familiar with the memo" and according.attribution.cue == "according to"
    assert according.text == "Moscow rejected the terms."


def test_passive_hearer_is_not_the_speaker(nlp: Language) -> None:
    quotes = quotes_of(nlp, "President Donald Trump was briefed on a memo outlining “non-starter” demands.")
    assert all(speaker(quote) != "Donald Trump" for quote in quotes)


def test_scare_quotes_without_a_speaker_are_not_quotes(nlp: Language) -> None:
    assert quotes_of(nlp, "The “tense” call ended without a deal on Friday.") == []


def terms_of(nlp: Language, *texts: str) -> tuple[list[tuple[str, list[str]]], list[Sentence]]:
    """The shared terms of one article per text, each with the articles of the statements using it."""
    docs = parsed(nlp, *texts)
    statements = [
        Sentence(article.id, index, sentence.start_char, sentence.text)
        for article, doc in docs
        for index, sentence in enumerate(doc.sents)
    ]
    terms = shared_terms(docs, statements)
    return [(t.words, [statements[i].article_id for i in t.statements]) for t in terms], statements


def test_scare_quoted_words_of_several_outlets_are_one_shared_term(nlp: Language) -> None:
    found, _ = terms_of(
        nlp,
        "Moscow sent a memo with “maximalist” demands on Friday.",
        "Officials said the position stayed “maximalist,” and the talks stalled.",
        "Analysts called Moscow's maximalist stance a dead end.",
        "The talks were described as “very productive” by one side.",
    )
    assert found == [("maximalist", ["a0", "a1", "a2"])]


def test_a_negated_term_is_not_the_term(nlp: Language) -> None:
    found, _ = terms_of(
        nlp,
        "The president was “not impressed” with the offer.",
        "Aides were “impressed” by the plan, one said.",
        "Voters were not impressed by either side.",
    )
    # "not impressed" is quoted by one outlet only, and "impressed" is not what the others say.
    assert found == []


def test_names_addresses_whole_quotes_and_everyday_words_are_not_terms(nlp: Language) -> None:
    found, _ = terms_of(
        nlp,
        '"Donald," he said, "you have shown determination on this issue."',
        '"Donald," the prime minister said, "you have shown real determination."',
        "“We will not accept these terms at all,” she said.",
        "“We will not accept these terms at all,” the minister said on Monday.",
        "He said he could agree to “a new deal” with the allies.",
        "The allies want “a new deal” on trade, officials said.",
    )
    assert found == []


def test_a_term_already_held_together_adds_no_group(nlp: Language) -> None:
    texts = ["The demands were “maximalist” in tone.", "Its “maximalist” position held firm."]
    docs = parsed(nlp, *texts)
    statements = [Sentence(article.id, 0, 0, article.text) for article, _ in docs]
    terms = shared_terms(docs, statements)
    [group] = with_shared_terms(terms, statements, [])
    assert group.label == f"The words “maximalist”, as in: {group.representative.text}"
    assert group.representative.text == "Its “maximalist” position held firm."
    held = StatementGroup(tuple(statements), statements[0])
    assert with_shared_terms(terms, statements, [held]) == [held]


def _term_and_headline(nlp: Language) -> tuple[list[SharedTerm], list[Sentence]]:
    """A term said by the first two statements, the shortest of which (the first) the third paraphrases."""
    texts = [
        "She called the talks “fruitful.”",
        "The “fruitful” talks on the border ended on Monday after three long days of meetings in the capital.",
        "She said the talks had gone well.",
    ]
    docs = parsed(nlp, *texts)
    statements = [Sentence(article.id, 0, 0, article.text) for article, _ in docs]
    return shared_terms(docs, statements), statements


def test_a_term_whose_statement_heads_a_group_of_outlets_joins_it(nlp: Language) -> None:
    terms, statements = _term_and_headline(nlp)
    paraphrased = StatementGroup((statements[0], statements[2]), statements[0])
    [group] = with_shared_terms(terms, statements, [paraphrased])
    assert group.representative == statements[0]
    assert group.label is None
    assert set(group.sentences) == set(statements)


def test_a_term_whose_statement_stands_alone_keeps_its_own_group(nlp: Language) -> None:
    terms, statements = _term_and_headline(nlp)
    alone = StatementGroup((statements[0],), statements[0])
    kept, term_group = with_shared_terms(terms, statements, [alone])
    assert kept == alone
    assert term_group.label == f"The words “fruitful”, as in: {statements[0].text}"
    assert set(term_group.sentences) == {statements[0], statements[1]}


def test_a_quote_relayed_by_several_outlets_counts_once_per_outlet(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Marco Rubio advised the president that Moscow was “showing no willingness to negotiate.”",
        "Marco Rubio reportedly briefed the president that Moscow was showing “no willingness to negotiate”.",
        "Marco Rubio said Moscow was “showing no willingness to negotiate,” and later repeated it: "
        "“showing no willingness to negotiate.”",
    )
    [group] = relayed_quotes(quotes)
    assert group.outlets == ["outlet0", "outlet1", "outlet2"] and len(group.quotes) == 4
    assert quote_contradictions(quotes) == []


def test_a_quote_credited_to_different_speakers_is_a_contradiction(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "“We have to get this war done soon,” Donald Trump told aides in Egypt.",
        "“We have to get this war done,” Steve Witkoff told reporters in Egypt.",
        "A senior official said: “We have to get this war done soon.”",
    )
    [found] = quote_contradictions(quotes)
    assert found.kind == "speaker"
    assert {(p.value, tuple(p.sources)) for p in found.positions} == {
        ("Donald Trump", ("a0",)),
        ("Steve Witkoff", ("a1",)),
    }


def test_a_speaker_named_in_full_and_by_surname_is_one_speaker() -> None:
    words = "In the end, the violence that we use is minimal in comparison to the violence of the system"

    def quote(article: str, speaker: str) -> Quote:
        return Quote(article, f"outlet-{article}", words, True, Attribution(speaker, True, "say"), f"“{words}.”", 0)

    assert quote_contradictions([quote("a", "Paris Kyriakou"), quote("b", "Kyriakou")]) == []
    assert quote_contradictions([quote("a", "Ann Boone Lee"), quote("b", "Boone Lee")]) == []
    [found] = quote_contradictions([quote("a", "Paris Kyriakou"), quote("b", "Ann Lee")])
    assert {p.value for p in found.positions} == {"Paris Kyriakou", "Ann Lee"}


def test_a_relayer_of_a_quote_takes_no_side_on_its_speaker(nlp: Language) -> None:
    words = "From April 21, the country will stop all nuclear tests and missile launches"
    quotes = quotes_of(
        nlp,
        f"“{words},” the Central News Agency said, quoting leader Kim Jong Un.",
        f"The newswire Yonhap reports that the agency published the announcement, which read, “{words}.”",
    )
    assert quote_contradictions(quotes) == []


def test_an_outlet_cited_as_the_reporting_takes_no_side_on_a_quote_s_speaker(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Her spokesman said Ann Lee told a pastor she was sorry for the “undeserved negative attention” it got.",
        "The fire caused $1 million in damage, which Lee hoped had nothing to do with the “undeserved negative "
        "attention,” according to the Valley Herald News.",
    )
    assert quote_contradictions(quotes) == []


@pytest.mark.parametrize(
    "sentence, origins",
    [
        ("According to the Financial Times, U.S. officials ended the meeting.", ["Financial Times"]),
        ("According to a bombshell report from the Financial Times, the summit is off.", ["Financial Times"]),
        ("However, sources told the FT that the process was poisoned.", ["FT"]),
        ("A White House official later told Politico that no meeting was planned.", ["Politico"]),
        ("The Washington Post reported that the director met the leader.", ["Washington Post"]),
        ("According to the FT's sources, the call escalated.", ["FT"]),
        ("According to US officials, the reason was Russia's refusal.", []),
        ("Trump told reporters it did not feel right.", []),
        ("The Defence Ministry reported that drones were shot down.", []),
    ],
)
def test_cited_origins(sentence: str, origins: list[str]) -> None:
    assert cited_origins(sentence) == origins


def test_origins_share_a_canonical_name_across_outlets(nlp: Language, budapest_corpus: Path) -> None:
    docs = []
    for path in sorted(budapest_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append((Article(path.stem, str(path), path.stem, None, None, None, text, text), nlp(text)))
    resolver = EntityResolver(extract_entities(docs))
    assert cited_origins("However, sources told the FT that the process was poisoned.", resolver) == [
        "Financial Times"
    ]
    quotes = extract_quotes(docs, resolver)
    lavrov = [q for q in quotes if q.direct and speaker(q) == "Sergei Lavrov" and q.attribution.cue == "add"]
    assert [q.text for q in lavrov] == ["We remain entirely committed to this formula"]
    relayed = [g for g in relayed_quotes(quotes) if len(g.outlets) > 1]
    assert any("no willingness to negotiate" in g.text for g in relayed)
    assert quote_contradictions(quotes) == []


def test_according_to_a_person_names_the_speaker_over_the_relaying_subject(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Kim Jong Un spoke to the party on Friday.",
        'Sputnik, a state site, added that the country will "join international efforts to halt nuclear tests '
        'altogether," according to Kim Jong Un.',
    )
    relayed = [q for q in quotes if q.article == "a1" and q.direct]
    assert [speaker(q) for q in relayed] == ["Kim Jong Un"]


_TWEET = (
    "This can be good news in that we will now counter for the server that they refused to give to the bureau, "
    "the {name} Servers and Documents held by the mystery man"
)


def tweet_quotes(*names: str, outlets: tuple[str, ...] = ()) -> list[Quote]:
    texts = [_TWEET.format(name=name) for name in names]
    outlets = outlets or tuple(f"outlet{i}" for i in range(len(texts)))
    return [Quote(f"a{i}", outlet, text, True, None, f"“{text},” he wrote.", 0)
            for i, (outlet, text) in enumerate(zip(outlets, texts, strict=True))]


def test_a_name_swapped_inside_a_relayed_quote_is_a_contradiction(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        f"“{_TWEET.format(name='Wendy Wasserman Schultz')},” Donald Trump wrote on Twitter.",
        f"“{_TWEET.format(name='Debbie Wasserman Schultz')}.” The president was angry.",
        "He referred to her as “Wendy Wasserman Schultz” in the post, aides said.",
    )
    [found] = wording_contradictions(quotes)
    assert found.kind == "wording" and found.subject == "the words of Donald Trump's quote"
    assert [(p.value, p.sources) for p in found.positions] == [("Wendy", ["a0", "a2"]), ("Debbie", ["a1"])]


def test_a_number_swapped_inside_a_relayed_quote_is_a_contradiction() -> None:
    text = "We lost {} seats in the election last night and it hurts every one of us"
    quotes = [Quote(f"a{i}", f"outlet{i}", text.format(n), True, None, text.format(n), 0) for i, n in enumerate("45")]
    [found] = wording_contradictions(quotes)
    assert [p.value for p in found.positions] == ["4", "5"]


@pytest.mark.parametrize(
    "names",
    [
        # Case, punctuation and inflection are retyping, not different words.
        ("Golden Showers Thing", "golden shower thing"),
        ("Wendy Wasserman-Schultz", "Wendy Wasserman Schultz"),
        # An outlet's cut or its own words in brackets.
        ("... Wasserman Schultz", "Debbie Wasserman Schultz"),
        ("Wendy ... Schultz", "Debbie Wasserman Schultz"),
        ("[Debbie] Wasserman Schultz", "Wendy Wasserman Schultz"),
        # Not a name: a shouted word or a plain one.
        ("WOW Wasserman Schultz", "Wendy Wasserman Schultz"),
        ("fake Wasserman Schultz", "Wendy Wasserman Schultz"),
    ],
)
def test_no_swap(names: tuple[str, str]) -> None:
    assert wording_contradictions(tweet_quotes(*names)) == []


def test_an_excerpt_and_the_whole_quote_are_no_swap() -> None:
    [whole] = tweet_quotes("Wendy Wasserman Schultz")
    excerpt = Quote("a1", "outlet1", "good news in that we will now counter for Debbie", True, None, "", 0)
    assert wording_contradictions([whole, excerpt]) == []


def test_an_outlet_relaying_both_wordings_takes_no_side() -> None:
    names = ("Wendy Wasserman Schultz", "Debbie Wasserman Schultz", "Wendy Wasserman Schultz")
    quotes = tweet_quotes(*names, outlets=("outlet0", "outlet1", "outlet1"))
    assert wording_contradictions(quotes) == []


def test_a_quote_whose_closing_mark_starts_the_next_sentence(nlp: Language) -> None:
    """Fox's relay of the tweet in NewsWCL50 event 3: the splitter leaves its closing quote mark alone on the
    next line, and the quote is still found, with its name set against the other outlets'."""
    lines = shared_path("data", "newswcl50-dev", "event-3.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    docs = [
        (Article(f"a{i}", f"a{i}.txt", r["source"], None, None, None, r["text"], r["text"]), nlp(r["text"]))
        for i, r in enumerate(records)
    ]
    quotes = extract_quotes(docs, EntityResolver(extract_entities(docs)))
    assert any(q.source == "foxnews.com" and "Debbie Wasserman Schultz Servers" in q.text for q in quotes)
    [found] = wording_contradictions(quotes)
    outlets = {p.value: sorted({e.source for e in p.evidence}) for p in found.positions}
    assert outlets == {"Wendy": ["huffingtonpost.com", "usatoday.com"], "Debbie": ["foxnews.com"]}


def test_a_name_inside_quoted_words_is_no_antecedent_for_he_or_she(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        'Council member Anna Berg disagreed, writing that the plan "shows contempt for the budget that Mayor '
        'Paul Keller promised." "The city deserves better," she said.',
    )
    [quote] = [q for q in quotes if q.text == "The city deserves better"]
    assert speaker(quote) == "Anna Berg" and quote.attribution.pronoun == "she"


def test_a_name_outside_quotes_stays_the_antecedent(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        'Anna Berg opened the meeting. Paul Keller answered her questions. "The budget is sound," he said.',
    )
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "Paul Keller"


def test_a_participle_after_a_report_is_the_reporters_not_the_reported_persons(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        'Responding on Twitter, the group said the council was seeking publicity with its lawsuit and defended '
        'its release of the emails, saying "the council rigged its vote."',
    )
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "the group"


def test_a_speaker_inside_the_report_still_speaks_its_quote(nlp: Language) -> None:
    quotes = quotes_of(nlp, 'An aide said Senator Paul Keller told donors "the race is close."')
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "Paul Keller"


def test_a_title_in_quotation_marks_is_not_a_quote(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        'According to the promoter, the band will play its hits, including "Down by the River," '
        '"Morning Train Home" and "Blue Water." The reporter described the memoir, "A Quiet Year," in detail.',
    )
    assert [q.text for q in quotes if q.direct] == []
    # Quoted words in capitals are shouted, and a quoted name is a name: both stay quotes.
    quotes = quotes_of(
        nlp,
        'The senator wrote that there was "NO DEAL and NO VOTE." '
        'The mayor wrote that the winner was "Paul Keller."',
    )
    assert {q.text for q in quotes if q.direct} == {"NO DEAL and NO VOTE", "Paul Keller"}


def test_he_or_she_is_first_the_subject_named_before_it_in_its_own_sentence(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Anna Berg spoke first. Tom Lee was arrested in May for a call he made to Berg's office, in which he said "
        'he would "burn the place down."',
    )
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "Tom Lee" and quote.attribution.pronoun == "he"
    # With no subject named before it in its sentence, the pronoun is the person named last before.
    quotes = quotes_of(nlp, 'Tom Lee opened the hearing. Anna Berg answered him. "The plan is sound," she said.')
    [quote] = [q for q in quotes if q.direct]
    assert speaker(quote) == "Anna Berg"


def test_a_subject_in_a_quote_left_open_is_no_antecedent(nlp: Language) -> None:
    quotes = quotes_of(
        nlp,
        "Anna Berg spoke to reporters. “Today the minister confirmed that Tom Lee signed the order, she said, "
        "adding that the rest was politics.",
    )
    assert {speaker(q) for q in quotes if q.attribution and q.attribution.pronoun} <= {"Anna Berg"}


@pytest.mark.parametrize(
    "text",
    [
        "The data suggest that the plan failed badly.",
        "The move signals that the firm will sell its shares.",
        "The sudden collapse of the talks suggests that the dispute will drag on.",
        # A pick is a person too, but as the subject of what a choice shows it is the choice.
        "The pick signals that the party wants a moderate in the post.",
    ],
)
def test_a_thing_that_suggests_or_signals_is_no_speaker(nlp: Language, text: str) -> None:
    assert [q for q in quotes_of(nlp, text) if q.attribution is not None] == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Analysts suggest that the talks will fail within a week.", "Analysts"),
        ("The ministry argued that the ban was lawful under the treaty.", "The ministry"),
        ("Two farmers and a former mill worker argued that the dam flooded their land.",
         "Two farmers and a former mill worker"),
        ("The lawsuit argued that the dam flooded the valley.", "The lawsuit"),
        ("Tom Baker signaled that he would vote against the budget.", "Tom Baker"),
        ("The chancellor suggested that the talks resume in the spring.", "The chancellor"),
        # A report is cited as a source is, whatever its verb: the brief counts "according to a report" too.
        ("The report said that the river had flooded two villages.", "The report"),
        ("The report suggests that the river will flood again.", "The report"),
    ],
)
def test_people_bodies_and_reports_stay_speakers_of_what_they_suggest_or_say(
    nlp: Language, text: str, who: str
) -> None:
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == who


def test_a_speech_verb_the_parser_hung_on_the_quoted_words_governs_the_quote(nlp: Language) -> None:
    text = (
        "\"The mayor said the plan is dead, but that the council had told him, 'We will build it anyway,'\" "
        "Ann Okafor wrote."
    )
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Ann Okafor"
    # Hard case: a speech verb hung on a verb outside the quote is about other words; the quote is the name the
    # report gives the plan.
    text = 'The report called the plan "a costly blunder for the region," and Ann Okafor said the budget was sound.'
    [quote] = [q for q in quotes_of(nlp, text) if q.direct]
    assert speaker(quote) == "The report"


def test_a_name_the_model_left_unlabelled_is_the_person_the_story_knows(nlp: Language) -> None:
    text = (
        "Ann Okafor chairs the board. \"The council's vote was a grave error, and the mayor was right to oppose it "
        'from the start," Okafor said in a statement.'
    )
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Ann Okafor" and quote.attribution.named
    # Hard case: a capitalised common noun opening the sentence names no one.
    text = 'Ann Okafor chairs the board. Officials said the vote was "a grave error from the start."'
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Officials" and not quote.attribution.named


def test_a_description_speaks_for_the_person_it_names_in_apposition(nlp: Language) -> None:
    text = 'Tom Baker runs the port. The port chief, Tom Baker, said the deal was "a gift to the shipping firms."'
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Tom Baker" and quote.attribution.named
    # Hard case: a name after a preposition is someone the speaker speaks for.
    text = 'Tom Baker runs the port. A spokesman for Tom Baker said the deal was "a gift to the shipping firms."'
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "A spokesman for Tom Baker" and not quote.attribution.named


def test_a_quote_that_quotes_someone_in_turn_takes_no_side_on_the_inner_words_speaker() -> None:
    inner = "the budget is a disgrace and a betrayal of every voter"
    outer = f"At the dinner the mayor leaned over and said ‘{inner},’ and then left"

    def quote(article: str, speaker: str, words: str) -> Quote:
        return Quote(article, f"outlet-{article}", words, True, Attribution(speaker, True, "say"), f"“{words}.”", 0)

    assert quote_contradictions([quote("a", "Ann Okafor", outer), quote("b", "Tom Baker", inner)]) == []
    # Hard case: an apostrophe in the words opens no quote of their own.
    plain = "the mayor's budget is a disgrace and a betrayal of every voter in the '90s style"
    [found] = quote_contradictions([quote("a", "Ann Okafor", plain), quote("b", "Tom Baker", plain)])
    assert {p.value for p in found.positions} == {"Ann Okafor", "Tom Baker"}


def test_a_quote_running_into_the_next_sentence_has_one_speaker(nlp: Language) -> None:
    text = (
        "Nadia Brenner toured the harbour on Monday. “The new pier will open in the spring. "
        "The ferries will follow by the summer,” Brenner said."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, speaker(q)) for q in quotes] == [
        ("The new pier will open in the spring", "Nadia Brenner"),
        ("The ferries will follow by the summer", "Nadia Brenner"),
    ]
    # Hard case: a paragraph break ends the quote; a sentence that opens and closes its own quote names its own
    # speaker, not the earlier one's.
    text = (
        "Nadia Brenner toured the harbour on Monday. “The new pier will open in the spring,” Brenner said.\n"
        "“It is too late for this season,” Omar Field replied."
    )
    assert [speaker(q) for q in quotes_of(nlp, text)] == ["Nadia Brenner", "Omar Field"]


def test_the_end_of_a_quote_begun_before_is_not_its_words_about_others(nlp: Language) -> None:
    # The words before a closing mark the sentence does not open are quoted: a person named there is talked of,
    # neither the speaker nor whom "she" means.
    text = (
        "Nadia Brenner spoke after the vote. “The council acted in time,” she said.\n"
        "Nothing Omar Field has done changes that,” she added."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, speaker(q)) for q in quotes][-1] == ("Nothing Omar Field has done changes that", "Nadia Brenner")


def test_a_pair_of_one_curly_and_one_straight_mark_is_a_quote(nlp: Language) -> None:
    [quote] = quotes_of(nlp, 'Nadia Brenner spoke on Monday. “The pier will open in the spring," Brenner said.')
    assert quote.text == "The pier will open in the spring" and speaker(quote) == "Nadia Brenner"


def test_the_closing_mark_of_a_quote_begun_before_opens_none_when_a_quote_follows(nlp: Language) -> None:
    text = (
        'Nadia Brenner toured the harbour. "The pier is late. We will still finish it by the summer," Brenner said.'
        ' "Nobody here has given up."'
    )
    quotes = quotes_of(nlp, text)
    assert ("We will still finish it by the summer", "Nadia Brenner") in [(q.text, speaker(q)) for q in quotes]


def test_verbs_of_the_say_and_complain_classes_bring_in_a_quote(nlp: Language) -> None:
    [quote] = quotes_of(nlp, "Nadia Brenner spoke on Monday. “We had the money ready,” Brenner recounted.")
    assert speaker(quote) == "Nadia Brenner"
    # Hard case: a verb of another class with quoted words is no act of saying (a verb of naming is, when the quote
    # is the name it gives: test_quotes_turns).
    text = "Nadia Brenner spoke on Monday. Brenner fought the plan, “a costly fantasy that nobody will pay for.”"
    assert [speaker(quote) for quote in quotes_of(nlp, text)] == [None]


def test_a_thing_that_reveals_hands_the_quote_to_the_speaker_above_it(nlp: Language) -> None:
    text = "Nadia Brenner spoke on Monday. Brenner suggested that the accounts would reveal “careless spending.”"
    [quote] = [q for q in quotes_of(nlp, text) if q.direct]
    assert speaker(quote) == "Nadia Brenner"


def test_reported_speech_is_the_clause_a_verb_of_speech_reports(nlp: Language) -> None:
    text = "Nadia Brenner commented on the audit on Monday, insisting that the accounts were in order."
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == "Nadia Brenner" and quote.text == "that the accounts were in order"


def test_it_or_they_speaking_is_the_one_body_or_group_that_spoke_before(nlp: Language) -> None:
    text = (
        "The Harbour Authority said the pier would reopen in May. "
        "“The repairs are ahead of schedule and under budget,” it added."
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.direct]
    assert quote.attribution.pronoun == "it" and "Harbour Authority" in speaker(quote)
    text = "The officials said the pier was safe. “We found no cracks in the main beams at all,” they added."
    [quote] = [q for q in quotes_of(nlp, text) if q.direct]
    assert speaker(quote) == "The officials"
    # Hard cases: a speaker of the other number, or two speakers, leave "it" unresolved.
    text = "The officials said the pier was safe. “We found no cracks in the main beams at all,” it added."
    assert [speaker(q) for q in quotes_of(nlp, text) if q.direct] == [None]
    text = (
        "The Harbour Authority said the pier would reopen in May, and the union said it would not. "
        "“The repairs are ahead of schedule and under budget,” it added."
    )
    assert [speaker(q) for q in quotes_of(nlp, text) if q.direct] == [None]


def test_a_sentence_between_the_parts_of_a_running_quote_is_quoted_by_its_speaker(nlp: Language) -> None:
    text = (
        "Nadia Brenner toured the harbour on Monday. “The new pier will open in the spring. "
        "The old one will be closed for good. The ferries will follow by the summer,” Brenner said."
    )
    quotes = quotes_of(nlp, text)
    assert ("The old one will be closed for good", "Nadia Brenner") in [(q.text, speaker(q)) for q in quotes]
    # Hard case: a sentence after a closed quote is the writer's.
    text = (
        "Nadia Brenner toured the harbour on Monday. “The new pier will open in the spring,” she said. "
        "The old one will be closed for good, according to the plans."
    )
    assert [q.text for q in quotes_of(nlp, text) if q.direct] == ["The new pier will open in the spring"]


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("The city will close three bridges for repairs next month, the Harbor Gazette reported.", "Harbor Gazette"),
        (
            "Officials told the Lakeside Wire last week that the budget was short. According to the Lakeside Wire, "
            "the council will cut library hours in March.",
            "Lakeside Wire",
        ),
    ],
)
def test_an_outlet_that_reports_someone_else_s_news_is_its_origin_not_its_speaker(
    nlp: Language, text: str, outlet: str
) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert speaker(quote) is None and outlet in quote.origins


@pytest.mark.parametrize(
    "text, speaker_name",
    [
        # The outlet reports about itself: it speaks.
        ("The Harbor Gazette reported that it would appeal the ruling against its editor.", "Harbor Gazette"),
        # A body cited by "according to" is a source, not an outlet, unless the story shows it reports news.
        ("The river rose two meters overnight, according to the Water Authority.", "Water Authority"),
        # An outlet that speaks for itself with a verb of speech is its own speaker.
        ("The Harbor Gazette said in a statement that it stands by its editor.", "Harbor Gazette"),
    ],
)
def test_an_outlet_about_itself_or_a_body_cited_for_its_figures_keeps_its_words(
    nlp: Language, text: str, speaker_name: str
) -> None:
    [quote] = quotes_of(nlp, text)
    assert speaker(quote) == speaker_name


def _direct(outlet: str, words: str) -> Quote:
    return Quote(f"{outlet}-1", outlet, words, True, None, f"“{words},” a spokesman said.", 0)


def test_a_phrase_from_deep_inside_a_longer_quote_is_no_relay_of_it() -> None:
    longer = "We see the agreement as a firm step toward lasting peace along the northern border"
    excerpt = "lasting peace along the northern border"
    relayed = relayed_quotes([_direct("outlet0", longer), _direct("outlet1", excerpt)])
    assert all(len(group.outlets) == 1 for group in relayed)


@pytest.mark.parametrize(
    "longer, excerpt",
    [
        # The object of the longer quote's verb, or its complement, is the point a trimmed quote keeps.
        ("The council voted on Tuesday to close the old textile factory by spring", "the old textile factory"),
        ("The attack on the market was an act of reckless cruelty against families", "an act of reckless cruelty"),
        # An excerpt with a verb of its own is a clause cut from the quote.
        ("Officials said the bridge would reopen once the storm passed and inspectors checked it", "the storm passed"),
    ],
)
def test_an_excerpt_holding_the_longer_quote_s_predicate_or_its_object_relays_it(longer: str, excerpt: str) -> None:
    [group] = relayed_quotes([_direct("outlet0", longer), _direct("outlet1", excerpt)])
    assert group.outlets == ["outlet0", "outlet1"]
