"""The brief's own choices: which headline names the story, and how a claim is counted in Markdown."""

from __future__ import annotations

from corroborate.brief import (
    _claims_section,
    _contradictions_section,
    _numbered_sentences,
    _single_source_section,
    central_title,
)
from corroborate.records import Claim, Contradiction, Evidence, Position


def test_the_plain_headline_names_the_story_not_the_longest_one() -> None:
    titles = [
        "Harbour bridge to close for repairs: council",
        "Council votes to close harbour bridge for eight months of repairs",
        "Why the harbour bridge closure shows the council never plans ahead -- and what the bridge repairs "
        "mean for every commuter in the city this year",
        "Harbour bridge closes for repairs",
    ]
    assert central_title(titles) == "Harbour bridge to close for repairs: council"


def test_one_title_is_its_own_centre_and_ties_go_to_the_first() -> None:
    assert central_title(["Bridge closes"]) == "Bridge closes"
    assert central_title(["Bridge closes", "Bridge closes"]) == "Bridge closes"
    assert central_title(["Bridge closes today", "Road opens tomorrow"]) == "Bridge closes today"


def test_a_headline_is_preferred_to_an_opening_line_standing_in_for_a_missing_title() -> None:
    opening = ("The city council voted on Tuesday to fund urgent repairs to the harbour bridge, which has been closed "
               "to lorries since engineers found corroded steel cables in its northern span")
    titles = [opening, opening.replace("Tuesday", "Wednesday"), "Council funds harbour bridge repairs"]
    assert central_title(titles) == "Council funds harbour bridge repairs"


def test_a_claim_heading_counts_one_outlet_in_the_singular() -> None:
    one = Claim("The port closed.", "contradicted", ["a"], [Evidence("a", "The port closed.", "Gazette")],
                ["Gazette"], 1)
    two = Claim("The port reopened.", "corroborated", ["a", "b"],
                [Evidence("a", "The port reopened.", "Gazette"), Evidence("b", "The port opened again.", "Herald")],
                ["Gazette", "Herald"], 2)
    lines = _claims_section("Contested statements", [one, two], {"a": "Gazette", "b": "Herald"}, 100)
    assert "1. The port closed. [1 outlet, 1 independent]" in lines
    assert "2. The port reopened. [2 outlets, 2 independent]" in lines


def test_a_single_source_sentence_other_outlets_partly_share_says_what_rests_on_it_alone() -> None:
    shared_sentence = Evidence("a", "The memo demanded concessions, including the Marrowdale region.", "Gazette", 0)
    shared = Claim("The memo demanded concessions.", "corroborated", ["a", "b"],
                   [shared_sentence, Evidence("b", "The memo demanded concessions.", "Herald", 0)],
                   ["Gazette", "Herald"], 2)
    detail = Claim(shared_sentence.quote, "single_source", ["a"], [shared_sentence], ["Gazette"], 1,
                   details=["Marrowdale"])
    unshared = Claim("The port closed.", "single_source", ["b"], [Evidence("b", "The port closed.", "Herald", 40)],
                     ["Herald"], 1)
    told_in = _numbered_sentences({"Corroborated": [shared]})
    lines = _single_source_section([detail, unshared], {"a": "Gazette", "b": "Herald"}, told_in, 500)
    expected = "- The memo demanded concessions, including the Marrowdale region."
    assert f"{expected} [only here: Marrowdale; the rest under Corroborated 1]" in lines
    assert "- The port closed." in lines


def test_a_contradiction_heading_names_its_kind_once() -> None:
    positions = [Position("mayor", ["a"], []), Position("governor", ["b"], [])]
    role = Contradiction("Ann Lee: role", positions, "role")
    count = Contradiction("the dead in the fire", positions, "number")
    lines = _contradictions_section([role, count], {"a": "Gazette", "b": "Herald"}, 100)
    assert "1. Ann Lee: role" in lines
    assert "2. the dead in the fire (number)" in lines
