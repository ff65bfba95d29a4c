"""Roles: what each article says a person is, and which differences between outlets are contradictions."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import labelled_doc
from spacy.language import Language

from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.roles import (
    _part_of_role,
    compatible,
    extract_leaderships,
    extract_roles,
    leadership_contradictions,
    person_roles,
    role_contradictions,
)
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Contradiction, RoleMention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def roles_of(nlp: Language, *texts: str) -> list[RoleMention]:
    docs = [
        (Article(f"a{i}", f"a{i}.txt", f"outlet{i}", None, None, None, text, text), nlp(text))
        for i, text in enumerate(texts)
    ]
    return extract_roles(docs, EntityResolver(extract_entities(docs)))


def contradictions_of(nlp: Language, *texts: str) -> list[Contradiction]:
    return role_contradictions(roles_of(nlp, *texts))


def test_title_before_the_name(nlp: Language) -> None:
    roles = roles_of(nlp, "The call between U.S. Secretary of State Marco Rubio and the envoy was tense.")
    assert [(r.person, r.role, r.normalised) for r in roles] == [
        ("Marco Rubio", "U.S. Secretary of State", "secretary of state")
    ]
    assert roles[0].sentence.startswith("The call between") and roles[0].start == 0


def test_appositives_after_and_before_the_name(nlp: Language) -> None:
    roles = roles_of(
        nlp,
        "Tom Perez, the chairman of the Democratic Party, spoke in Atlanta. "
        "Officials met the country's defense minister, Itsunori Onodera, in Tokyo.",
    )
    found = {(r.person, r.normalised) for r in roles}
    assert ("Tom Perez", "chairman of democratic party") in found
    assert ("Itsunori Onodera", "defense minister") in found


def test_each_persons_roles_are_listed_with_the_outlets_giving_them(nlp: Language) -> None:
    roles = person_roles(roles_of(
        nlp,
        "The talks between Foreign Minister Maria Castillo and the envoy ended on Monday.",
        "Maria Castillo, the foreign minister, defended the deal.",
        "Former governor Maria Castillo, a veteran negotiator, spoke first.",
    ))
    first, *others = roles["Maria Castillo"]
    assert (first.value, first.sources) == ("Foreign Minister", ["a0", "a1"]), first
    assert first.evidence[1].quote == "Maria Castillo, the foreign minister, defended the deal."
    assert {role.value for role in others} == {"Former governor", "a veteran negotiator"}


def test_different_offices_across_outlets_are_a_contradiction(nlp: Language) -> None:
    found = contradictions_of(
        nlp,
        "A tense call between U.S. Secretary of State Marco Rubio and the Russian side ended the plan.",
        "The call between Russian officials and senior U.S. Senator Marco Rubio ended the plan.",
    )
    assert len(found) == 1 and found[0].kind == "role"
    assert [position.sources for position in found[0].positions] == [["a0"], ["a1"]]
    assert found[0].positions[1].evidence[0].quote.startswith("The call between Russian officials")


@pytest.mark.parametrize(
    "first, second",
    [
        # former vs current
        ("Former FBI Director James Comey testified on Monday.", "Senator James Comey testified on Monday."),
        # a role and an epithet
        ("Senator Marco Rubio spoke on Monday.", "Marco Rubio, a long-time foreign policy hawk, spoke on Monday."),
        # more and less specific forms of one office
        ("President Emmanuel Macron arrived on Monday.", "French President Emmanuel Macron arrived on Monday."),
        # synonyms of one office
        ("Secretary of State Marco Rubio flew on Monday.", "Top diplomat Marco Rubio flew on Monday."),
        # a nominee for an office beside the office held
        ("CIA Director Mike Pompeo met Kim on Monday.",
         "Mike Pompeo, Trump's secretary of State pick, met Kim on Monday."),
        # a deputy beside another office
        ("Deputy Prime Minister Anna Berg spoke on Monday.", "Finance Minister Anna Berg spoke on Monday."),
        # a role in quoted words of another time
        ("President Anna Berg announced the plan on Tuesday.",
         'A spokesman said then: "As president, Senator Anna Berg will fight to keep the protections."'),
    ],
)
def test_roles_that_can_both_be_true_are_no_contradiction(nlp: Language, first: str, second: str) -> None:
    assert contradictions_of(nlp, first, second) == []


def test_compatibility_rules() -> None:
    assert compatible("president", "us president")
    assert compatible("secretary of state", "top diplomat")
    assert compatible("former senator", "secretary of state")
    assert compatible("press secretary", "senator")
    assert not compatible("senator", "secretary of state")
    assert not compatible("senator", "representative")
    assert not compatible("governor", "president")


def test_budapest_senator_versus_secretary_of_state(nlp: Language, budapest_corpus: Path) -> None:
    paths = sorted(budapest_corpus.glob("*.txt"))
    docs = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        docs.append((Article(path.stem, str(path), path.stem, None, None, None, text, text), nlp(text)))
    roles = extract_roles(docs, EntityResolver(extract_entities(docs)))
    found = role_contradictions(roles)
    assert [c.subject for c in found] == ["Marco Rubio: role"]
    senator = next(p for p in found[0].positions if "Senator" in p.value)
    secretary = next(p for p in found[0].positions if "Secretary of State" in p.value)
    assert senator.sources == [paths[3].stem]
    assert len(secretary.sources) == 4
    assert any("hawk" in r.role for r in roles if r.person == "Marco Rubio")
    assert not any("hawk" in p.value for p in found[0].positions)


# ---- leadership: one person of a kind or several running a named organisation --------------------------------


def leadership_of(nlp: Language, *texts: str) -> list[Contradiction]:
    docs = [
        (Article(f"a{i}", f"a{i}.txt", f"outlet{i}", None, None, None, text, text), nlp(text))
        for i, text in enumerate(texts)
    ]
    return leadership_contradictions(extract_leaderships(docs, EntityResolver(extract_entities(docs))))


def test_one_leader_against_several_of_the_same_kind_is_a_contradiction(nlp: Language) -> None:
    found = leadership_of(
        nlp,
        "The case was organized by Protect Democracy, a watchdog group run by former Obama administration lawyers.",
        "The case was brought by Protect Democracy, a watchdog group run by a former Obama administration lawyer.",
    )
    assert len(found) == 1 and found[0].kind == "leadership"
    assert found[0].subject == "who runs Protect Democracy: one lawyer or several"
    assert [(p.value, p.sources) for p in found[0].positions] == [
        ("a former Obama administration lawyer", ["a1"]),
        ("former Obama administration lawyers", ["a0"]),
    ]
    assert found[0].positions[0].evidence[0].quote.startswith("The case was brought by")


def test_passive_and_relative_clauses_are_read(nlp: Language) -> None:
    found = leadership_of(
        nlp, "Oak Trust is led by two former prosecutors.", "Oak Trust, which is run by a former prosecutor, sued."
    )
    assert [c.subject for c in found] == ["who runs Oak Trust: one prosecutor or several"]


@pytest.mark.parametrize(
    "first, second",
    [
        # a different kind of leader: a lawyer may head a board of volunteers
        ("Oak Trust, a charity run by a former lawyer, sued.", "Oak Trust, a charity run by volunteers, sued."),
        # another organisation
        ("Oak Trust, a charity run by a former lawyer, sued.", "Elm Fund, a charity run by former lawyers, sued."),
        # another time: run by one then, by several now
        ("Oak Trust, then run by a former judge, sued.", "Oak Trust, a charity run by former judges, sued."),
        ("Oak Trust was led by a former judge.", "Oak Trust is led by former judges."),
        # co-leading and shared running say nothing of one or several
        ("Oak Trust is co-led by a former judge.", "Oak Trust is led by former judges."),
        ("Oak Trust is largely run by a volunteer.", "Oak Trust is run by volunteers."),
        # founders are often several: naming one denies no other
        ("Oak Trust, founded by a former judge, sued.", "Oak Trust, founded by former judges, sued."),
        # one of the leaders is not the sole leader
        ("Oak Trust is led by one of the judges.", "Oak Trust is led by former judges."),
        # a coordinated pair is neither one nor several of either kind
        ("Oak Trust is run by a judge and a lawyer.", "Oak Trust is run by judges."),
        # an unnamed organisation cannot be matched across outlets
        ("The charity, run by a former judge, sued.", "The charity, run by former judges, sued."),
    ],
)
def test_leadership_that_can_both_be_true_is_no_contradiction(nlp: Language, first: str, second: str) -> None:
    assert leadership_of(nlp, first, second) == []


def test_an_outlet_saying_both_takes_no_side(nlp: Language) -> None:
    both = "Oak Trust is led by a former judge. Oak Trust is run by former judges."
    assert leadership_of(nlp, both, "Oak Trust is run by former judges.") == []


def test_a_name_after_a_role_and_of_is_not_its_holder(nlp: Language) -> None:
    roles = roles_of(
        nlp,
        "The mayor praised the deputy, Ann Lee, and mentioned a large gift made to the museum by an ally of "
        "Maria Lopez.",
    )
    assert ("Maria Lopez", "ally") not in {(r.person, r.normalised) for r in roles}
    # A first name the tagger left out of the name is still cut from the title before it.
    [role] = roles_of(nlp, "Officials met Representative Mary Ann Lopez on Monday.")
    assert role.role == "Representative"


def test_a_list_item_after_a_name_is_not_its_appositive(nlp: Language) -> None:
    text = (
        "Other defendants include the former manager Paul Stone, former adviser Tom Reed, and Stone's business "
        "partner, Richard Gale, who were all charged."
    )
    assert {r.role for r in roles_of(nlp, text) if r.person == "Tom Reed"} == {"former adviser"}
    [role] = roles_of(nlp, "Tom Reed, a former adviser and donor, spoke at the rally.")
    assert role.role == "a former adviser and donor"


def test_an_appositive_cut_at_an_honorific_keeps_the_role_before_it(nlp: Language) -> None:
    [role] = roles_of(nlp, "Ann Lee, a spokeswoman for Ms. Park, said the talks would resume.")
    assert role.role == "a spokeswoman" and role.normalised == "spokeswoman"
    [role] = roles_of(nlp, "Ann Lee, a spokeswoman for the ministry, said the talks would resume.")
    assert role.role == "a spokeswoman for the ministry"


def test_a_possessor_after_the_roles_head_is_not_its_owner(nlp: Language) -> None:
    [role] = roles_of(nlp, "Tom Lee, a professor at the city's law school, said the ruling was narrow.")
    assert role.normalised == "professor at city law school"
    [role] = roles_of(nlp, "Officials met the country's defense minister, Ana Silva, in Lisbon.")
    assert role.normalised == "defense minister"


def test_a_jurisdiction_cut_from_the_end_takes_its_preposition_along(nlp: Language) -> None:
    [role] = roles_of(nlp, "Ann Park, the former special envoy to Spain, testified on Tuesday.")
    assert role.normalised == "former special envoy"
    [role] = roles_of(nlp, "Ann Park, the former special envoy to the talks, testified on Tuesday.")
    assert role.normalised == "former special envoy to talks"


def test_a_phrase_before_a_name_that_belongs_elsewhere_is_not_its_role(nlp: Language) -> None:
    roles = roles_of(
        nlp,
        "In a letter to the governor in March, Anna Berg, the head of the farmers' union, said prices had fallen. "
        "The freed prisoners included Omar Nadir, the younger brother of the group's deputy leader, Karim Nadir, "
        "who runs its finances.",
    )
    found = {(r.person, r.role) for r in roles}
    assert ("Anna Berg", "the head of the farmers' union") in found
    assert ("Karim Nadir", "the group's deputy leader") in found
    assert not any(r.person == "Anna Berg" and "governor" in r.role for r in roles)
    assert not any(r.person == "Karim Nadir" and "brother" in r.role for r in roles)
    # A phrase after an opening adverbial set off by its comma, or after a clause, is still an appositive.
    text = "Among the questions the board weighs is whether the firm's founder, Dan Cole, misused funds."
    assert [r.role for r in roles_of(nlp, text)] == ["the firm's founder"]
    [role] = roles_of(nlp, "In March, the country's defense minister, Ana Silva, said prices had fallen.")
    assert role.normalised == "defense minister"


def test_a_hyphenated_prefix_is_part_of_the_title(nlp: Language) -> None:
    [role] = roles_of(nlp, "The deal was signed by vice-premier Wang Li and the minister.")
    assert role.role == "vice-premier"
    [role] = roles_of(nlp, "The deal was signed by Premier Wang Li and the minister.")
    assert role.role == "Premier"


def test_an_occupation_before_a_name_is_a_role_but_a_part_in_one_event_is_not(nlp: Language) -> None:
    roles = roles_of(nlp, "The book was praised by historian Ann Lee at the launch in Leeds.")
    assert [(r.person, r.normalised) for r in roles] == [("Ann Lee", "historian")]
    # Hard case: a witness is what someone was in this event, not what they are.
    assert roles_of(nlp, "The court heard from witness Ann Lee on Monday morning.") == []


def test_offices_shortened_before_a_name_are_roles_written_out(nlp: Language) -> None:
    roles = roles_of(nlp, "Rep. Maria Castillo spoke on Monday.", "Sen. Maria Castillo spoke on Tuesday.")
    assert [(role.role, role.normalised) for role in roles] == [("Rep.", "representative"), ("Sen.", "senator")]
    (contradiction,) = role_contradictions(roles)
    assert [position.value for position in contradiction.positions] == ["Representative", "Senator"]
    same = roles_of(nlp, "Rep. Maria Castillo spoke on Monday.", "Representative Maria Castillo spoke later.")
    assert {role.normalised for role in same} == {"representative"} and not role_contradictions(same)


def test_a_possessor_the_model_ran_into_a_name_still_owns_the_role(nlp: Language) -> None:
    roles = roles_of(nlp, "Sonya A. Whitfield, Carlucci’s attorney, told reporters her client was innocent.")
    assert [(role.person, role.normalised) for role in roles] == [("Sonya A. Whitfield", "attorney")]


def test_a_role_written_shorter_is_the_same_role_but_a_qualified_one_is_not(nlp: Language) -> None:
    roles = person_roles(roles_of(
        nlp,
        "House Budget Committee Chairman Maria Castillo opened the hearing.",
        "Budget Chairman Maria Castillo asked the first question.",
        "Former mayor Maria Castillo was there. Vice Chairman Tom Reyes sat beside Mayor Ana Lobo.",
    ))
    assert [(role.value, role.sources) for role in roles["Maria Castillo"]] == [
        ("House Budget Committee Chairman", ["a0", "a1"]), ("Former mayor", ["a2"]),
    ]
    assert _part_of_role("chairman", "house budget committee chairman")
    assert not _part_of_role("chairman", "vice chairman") and not _part_of_role("mayor", "former mayor")


def test_a_full_name_the_model_labelled_a_body_keeps_its_role(nlp: Language) -> None:
    text = "Radio host Marta Quell said the vote was rigged."
    docs = [(Article("a0", "a0.txt", "outlet0", None, None, None, text, text),
             labelled_doc(nlp, text, ("Marta Quell", "ORG")))]
    roles = extract_roles(docs, EntityResolver(extract_entities(docs)))
    assert [(role.person, role.normalised) for role in roles] == [("Marta Quell", "host")]


def test_a_bodys_name_holding_a_persons_name_gives_that_person_no_role(nlp: Language) -> None:
    text = "Senator Marta Quell spoke. Chairman Dale Ruiz praised the Marta Quell Foundation."
    docs = [(Article("a0", "a0.txt", "outlet0", None, None, None, text, text), labelled_doc(
        nlp, text, ("Marta Quell", "PERSON"), ("Dale Ruiz", "PERSON"), ("Marta Quell Foundation", "ORG")))]
    roles = extract_roles(docs, EntityResolver(extract_entities(docs)))
    assert sorted((role.person, role.normalised) for role in roles) == [
        ("Dale Ruiz", "chairman"), ("Marta Quell", "senator")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Orbex editor-in-chief Ann Lee said the story would run.", "editor-in-chief"),
        ("Q-Vantor CEO Ann Lee said the plant would close.", "Q-Vantor CEO"),
        ("The chat was with Orbex founder and co-CEO Ann Lee on Monday.", "co-CEO"),
    ],
)
def test_a_title_holding_a_hyphened_word_is_read_whole(nlp: Language, text: str, role: str) -> None:
    assert [(r.person, r.role) for r in roles_of(nlp, text)] == [("Ann Lee", role)]


@pytest.mark.parametrize(
    ("text", "role", "normalised"),
    [
        ("White House press secretary Ann Lee said the trip was routine.", "White House press secretary",
         "white house press secretary"),
        ("At the hearing, retired aerospace executive Ann Lee backed the plan.", "retired aerospace executive",
         "retired aerospace executive"),
        # an adjective qualifying the title too, and the prefix that scopes over it all
        ("The inquiry into former national security adviser Ann Lee was closed.", "former national security adviser",
         "former national security adviser"),
    ],
)
def test_words_in_lower_case_that_qualify_a_title_are_part_of_it(
    nlp: Language, text: str, role: str, normalised: str
) -> None:
    assert [(r.person, r.role, r.normalised) for r in roles_of(nlp, text)] == [("Ann Lee", role, normalised)]


def test_a_role_held_then_is_no_current_office(nlp: Language) -> None:
    [role] = roles_of(nlp, "Reporters asked about then-national security adviser Ann Lee on Monday.")
    assert (role.role, role.normalised) == ("then-national security adviser", "then national security adviser")
    roles = roles_of(nlp, "Then-Governor Ann Lee signed the bill.", "Senator Ann Lee voted on Monday.")
    assert not role_contradictions(roles)


@pytest.mark.parametrize(
    "text",
    [
        "The award went to Tom Wexley, the founder of Ann B. Crane Media, in 2019.",
        "The actor returns as Ned Kirk, the father of Ann Vale’s Captain Tom B. Kirk, in the film.",
        "The study was led by Ann Okafor, a microbiologist at Lakeview University in St. Ames, and her team.",
    ],
)
def test_an_appositive_is_not_cut_at_an_initial_or_a_saint_of_a_name_in_it(nlp: Language, text: str) -> None:
    assert not any(role.role.endswith((" B.", " St.")) for role in roles_of(nlp, text))


def test_an_appositive_still_ends_at_a_sentence_break(nlp: Language) -> None:
    roles = roles_of(nlp, "The rally was led by Tom Wexley, a veteran organizer. The crowd was large.")
    assert [(role.person, role.role) for role in roles] == [("Tom Wexley", "a veteran organizer")]
