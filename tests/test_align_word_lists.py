"""The word lists align shares with the claims stage: one list of conditions for both (``numbers.CONDITIONS``), and
the verbs of speech of ``claims.speech`` with the verbs of thought as reporting verbs (``align._REPORTING``)."""

from __future__ import annotations

import pytest

from corroborate import align
from corroborate.claims.numbers import extract_quantities
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article


@pytest.fixture(scope="module")
def nlp():
    return spacy_pipeline()


def _caveats(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    article = Article("a", "a.txt", "outlet", None, None, None, text, text)
    return [q.caveat for q in extract_quantities(article, nlp(text)) if q.kind != "ordinal"]


@pytest.mark.parametrize(("text", "caveat"), [
    # An open question asserts no figure, as a condition does not.
    ("Officials would not say whether 20 people had died in the fire.", "supposed"),
    ("Officials said that 20 people had died in the fire.", ""),
])
def test_a_figure_in_an_open_question_is_no_figure_of_what_was(nlp, text: str, caveat: str) -> None:
    assert _caveats(nlp, text) == [caveat]


@pytest.mark.parametrize(("text", "predicated"), [
    # A verb of speech predicates the clause it introduces, not something of its subject and object.
    ("Okafor warned the Rovers that the deal would collapse.", False),
    ("Okafor believes the Rovers will win the cup.", False),
    ("Okafor signed with the Rovers on Monday.", True),
])
def test_a_verb_of_speech_or_thought_makes_no_predication_of_its_own(nlp, text: str, predicated: bool) -> None:
    verbs = {p.predicate.split()[0] for p in align.predications(nlp(text)[:])}
    assert bool(verbs & {"warn", "believe", "sign"}) is predicated
