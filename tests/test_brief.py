"""The brief's own choices: which headline names the story."""

from __future__ import annotations

from corroborate.brief import central_title


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
