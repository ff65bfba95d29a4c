"""Novelty and continuity characterisations: outlets calling a stance or a document's content new or changed
against outlets calling it unchanged or nothing new; and states: outlets saying a thing was ended against outlets
saying its holder keeps it. (Tense/productive characterisations are in test_align.py.)"""

from __future__ import annotations

import json

import pytest
from conftest import shared_path
from spacy.language import Language

from corroborate.claims.characterisations import (
    NoveltyClaim,
    StateClaim,
    extract_novelty,
    extract_state_changes,
    novelty_contradictions,
    state_contradictions,
)
from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Contradiction


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def article(article_id: str, text: str, source: str | None = None) -> Article:
    return Article(article_id, f"{article_id}.txt", source or article_id.upper(), None, None, None, text, text)


def claims(nlp: Language, *articles: Article) -> list[NoveltyClaim]:
    docs = [(a, nlp(a.text)) for a in articles]
    resolver = EntityResolver(extract_entities(docs))
    return [c for a, doc in docs for c in extract_novelty(a, doc, resolver.canonical)]


def marks(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(c.novelty, c.expression) for c in claims(nlp, article("a", text))]


def outlets_of(*articles: Article) -> dict[str, str]:
    return {a.id: a.source for a in articles}


def test_demands_beyond_earlier_positions_against_an_unchanged_position(nlp: Language) -> None:
    a = article("a", "Russia sent a memo on Monday. Russian demands went beyond previously stated positions.")
    b = article("b", "Officials said Russia's position has remained largely unchanged since the spring.")
    [found] = novelty_contradictions(claims(nlp, a, b), outlets_of(a, b))
    assert found.kind == "novelty" and "Russia" in found.subject
    assert [(p.value, p.sources) for p in found.positions] == [
        ("largely unchanged", ["b"]), ("went beyond previously stated positions", ["a"])
    ]


def test_stances_of_different_holders_do_not_contradict(nlp: Language) -> None:
    a = article("a", "Brazil sent a memo on Monday. Brazil's demands went beyond previously stated positions.")
    b = article("b", "Argentina's position has remained largely unchanged, its minister said.")
    assert novelty_contradictions(claims(nlp, a, b), outlets_of(a, b)) == []


def test_a_stance_without_a_named_holder_is_not_matched(nlp: Language) -> None:
    assert marks(nlp, "The demands went beyond previously stated positions.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow had made no shift in its position.", [("unchanged", "no shift in")]),
        ("The talks marked a shift in Japan's position.", [("new", "shift in")]),
        ("Russia's refusal to soften its stance ended the talks.", [("unchanged", "refusal to soften")]),
        ("The Kremlin hardened its stance on Ukraine.", [("new", "hardened")]),
        ("Russia reiterated its demands on Friday.", [("unchanged", "reiterated")]),
        ("The memos contain information that the bureau did not release.", [("new", "did not release")]),
        ("The memo restates Moscow's long-held conditions.", [("unchanged", "long-held"), ("unchanged", "restates")]),
        ("Russia's demands are not new.", [("unchanged", "not new")]),
        ("Russia's demands are new.", [("new", "new")]),
        ("New Zealand's position has remained unchanged.", [("unchanged", "unchanged")]),
    ],
)
def test_stance_markers(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(marks(nlp, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # Called for or possible, not said to have happened.
        "Western diplomats urged Russia to soften its stance.",
        "Russia could harden its stance next week.",
        # A stance being changed is not called old by its epithet.
        "North Korea has agreed to drop its long-held demand for a withdrawal.",
        # "New" in a name is no novelty.
        "The memos include New York details.",
        "New Jersey's demands went unanswered.",
        # "Undisclosed" alone means secret, not new.
        "The documents include an undisclosed sum.",
        # Information not said to be new or old.
        "The memos contain no information about the budget.",
        "The memo includes claims that he did not see the dossier.",
        # A post, a rank or a patient's condition is no stance.
        "Smith took a new position at the bank.",
        "The company maintained its position as market leader.",
        "Smith's condition remained unchanged overnight.",
    ],
)
def test_no_marker(nlp: Language, text: str) -> None:
    assert marks(nlp, text) == []


def test_memos_with_nothing_notable_against_previously_undisclosed_exchanges(nlp: Language) -> None:
    a = article("a", "The memos, which contain no notable information that Comey hasn't already discussed, leaked.")
    b = article("b", "The memos include other previously undisclosed conversations with the president.")
    c = article("c", "The 15 pages of Comey's memos include details not included in the former director's book.")
    [found] = novelty_contradictions(claims(nlp, a, b, c), outlets_of(a, b, c))
    assert found.subject == "whether the memos hold anything new"
    assert [(p.value, p.sources) for p in found.positions] == [
        ("no notable information", ["a"]), ("previously undisclosed, not included in", ["b", "c"])
    ]


def test_content_of_different_things_does_not_contradict(nlp: Language) -> None:
    a = article("a", "The memos contain no new information, aides said.")
    b = article("b", "The indictment includes previously undisclosed conversations with the president.")
    assert novelty_contradictions(claims(nlp, a, b), outlets_of(a, b)) == []


def test_an_outlet_saying_both_takes_no_side(nlp: Language) -> None:
    a = article("a", "The memos include previously undisclosed exchanges. The memos contain nothing new, aides said.")
    b = article("b", "The memos contain no new information, aides said.")
    assert novelty_contradictions(claims(nlp, a, b), outlets_of(a, b)) == []


def test_one_outlet_alone_cannot_contradict_itself(nlp: Language) -> None:
    a = article("a", "Russian demands went beyond previously stated positions.", "Same")
    b = article("b", "Russia's position has remained largely unchanged.", "Same")
    assert novelty_contradictions(claims(nlp, a, b), outlets_of(a, b)) == []


def test_the_memos_of_newswcl50_event_1(nlp: Language) -> None:
    lines = shared_path("data", "newswcl50-dev", "event-1.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [
        article(f"a{i}", record["text"], record["source"]) for i, record in enumerate(map(json.loads, lines))
    ]
    found = novelty_contradictions(claims(nlp, *articles), outlets_of(*articles))
    assert [
        (c.subject, [sorted(articles[int(s[1:])].source for s in p.sources) for p in c.positions]) for c in found
    ] == [("whether the memos hold anything new", [["huffingtonpost.com"], ["breitbart.com", "nytimes.com"]])]


# ---- states: ended against kept ------------------------------------------------------------------------------


def states(nlp: Language, *articles: Article) -> list[StateClaim]:
    docs = [(a, nlp(a.text)) for a in articles]
    resolver = EntityResolver(extract_entities(docs))
    return [c for a, doc in docs for c in extract_state_changes(a, doc, resolver.canonical)]


def state_marks(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(c.state, c.head) for c in states(nlp, article("a", text))]


def state_conflicts(nlp: Language, *texts: str) -> list[Contradiction]:
    articles = [article(f"a{i}", text) for i, text in enumerate(texts)]
    return state_contradictions(states(nlp, *articles), outlets_of(*articles))


def test_a_programme_shut_down_against_arms_kept(nlp: Language) -> None:
    [found] = state_conflicts(
        nlp,
        "Reports: state media announced nuclear program shutdown.",
        "Kim gave no indication he plans to destroy his small but devastating nuclear arsenal.",
        "Kim made no mention in his latest remarks of dismantling the nuclear weapons the country has built.",
    )
    assert found.kind == "state" and found.subject == "whether the nuclear program was ended or is kept"
    assert [(p.value, p.sources) for p in found.positions] == [
        ("shutdown", ["a0"]), ("not destroy, not dismantling", ["a1", "a2"])
    ]


def test_the_same_thing_of_the_same_holder_ended_and_kept(nlp: Language) -> None:
    [found] = state_conflicts(nlp, "Freedonia dismantled its chemical weapons.", "Freedonia kept its chemical weapons.")
    assert [p.sources for p in found.positions] == [["a0"], ["a1"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freedonia dismantled its chemical weapons.", [("ended", "weapon")]),
        ("The plant was shut down last month.", [("ended", "plant")]),
        ("The ministry announced the closure of the plant.", [("ended", "plant")]),
        ("Freedonia refused to give up its arsenal.", [("kept", "arsenal")]),
        ("Freedonia did not dismantle its arsenal.", [("kept", "arsenal")]),
        ("Freedonia retains its arsenal.", [("kept", "arsenal")]),
        ("He suggested he was going to keep the warheads.", [("kept", "warhead")]),
        # A denial in a neighbouring clause denies nothing of this one.
        ("There is no sign of a truce, and the rebels destroyed the bridge.", [("ended", "bridge")]),
    ],
)
def test_state_markers(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert state_marks(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Promised, possible or called for, not done.
        "Freedonia will dismantle its arsenal.",
        "Freedonia agreed to dismantle its arsenal.",
        "Washington demanded the dismantling of the arsenal.",
        # Asked or left open, not said.
        "Officials did not say whether Freedonia dismantled its arsenal.",
        "Officials could not confirm Freedonia dismantled its arsenal.",
        # Another time than the story's.
        "Freedonia once kept a large arsenal.",
        "Freedonia dismantled its arsenal in 1991.",
    ],
)
def test_no_state_marker(nlp: Language, text: str) -> None:
    assert state_marks(nlp, text) == []


@pytest.mark.parametrize(
    "texts",
    [
        # One outlet's closed site and kept warheads against another's kept warheads: nothing ended is kept.
        ("Freedonia shut down its test site but kept its warheads.", "Freedonia kept its warheads."),
        # Different things: a test site is not the arsenal.
        ("Freedonia shut down its nuclear test site.", "Freedonia keeps its nuclear arsenal."),
        # Different kinds of one thing, and different holders.
        ("Freedonia dismantled its chemical weapons.", "Freedonia kept its nuclear weapons."),
        ("Freedonia dismantled its chemical weapons.", "Ruritania kept its chemical weapons."),
        # A programme covers the arms of its kind, not every thing of its kind.
        ("Freedonia shut down its nuclear power program.", "Freedonia keeps its nuclear power plants."),
        # Past against present.
        ("Freedonia dismantled its arsenal in 1991.", "Freedonia keeps its arsenal."),
        ("Freedonia once kept chemical weapons.", "Freedonia destroyed its chemical weapons."),
        # A promise to end is no ending.
        ("Freedonia agreed to dismantle its arsenal.", "Freedonia keeps its arsenal."),
    ],
)
def test_states_that_can_both_be_true_are_no_contradiction(nlp: Language, texts: tuple[str, str]) -> None:
    assert state_conflicts(nlp, *texts) == []


def test_an_outlet_saying_both_states_takes_no_side(nlp: Language) -> None:
    both = "Freedonia dismantled its chemical weapons. Freedonia kept its chemical weapons, critics said."
    assert state_conflicts(nlp, both, "Freedonia kept its chemical weapons.") == []


def test_the_programme_of_newswcl50_event_2(nlp: Language) -> None:
    lines = shared_path("data", "newswcl50-dev", "event-2.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [
        article(f"a{i}", record["text"], record["source"]) for i, record in enumerate(map(json.loads, lines))
    ]
    found = state_contradictions(states(nlp, *articles), outlets_of(*articles))
    assert [
        (c.subject, [sorted(articles[int(s[1:])].source for s in p.sources) for p in c.positions]) for c in found
    ] == [("whether the nuclear program was ended or is kept", [["breitbart.com"], ["foxnews.com", "nytimes.com"]])]


def test_a_programme_covers_only_arms_of_its_kind(nlp: Language) -> None:
    arsenal = "Freedonia keeps its nuclear arsenal."
    [found] = state_conflicts(nlp, "Freedonia shut down its nuclear weapons program.", arsenal)
    assert found.subject == "whether the nuclear weapon program was ended or is kept"
    assert state_conflicts(nlp, "Freedonia shut down its nuclear power program.", arsenal) == []


def test_things_of_no_named_holder_and_no_telling_modifier_are_not_matched(nlp: Language) -> None:
    assert state_marks(nlp, "Police destroyed the weapons on Monday.") == [("ended", "weapon")]
    assert state_conflicts(nlp, "Police destroyed the weapons on Monday.", "Smith keeps his weapons.") == []
