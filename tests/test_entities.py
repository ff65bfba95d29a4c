"""Entities: spelling variants, initials and bare surnames merge; different people sharing a surname do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import labelled_doc
from spacy.language import Language
from spacy.tokens import Doc, Span

from corroborate.claims.entities import EntityResolver, _of_a_person, clean_name, extract_entities, person_referred
from corroborate.nlp import spacy_pipeline
from corroborate.pipeline import find_claims
from corroborate.records import Article, Entity


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy_pipeline()


def article(ident: str, text: str, source: str | None = None) -> Article:
    return Article(ident, f"{ident}.txt", source or ident, None, None, None, text, text)


def entities_of(nlp: Language, *texts: str) -> list[Entity]:
    docs = [(article(f"a{i}", text), nlp(text)) for i, text in enumerate(texts)]
    return extract_entities(docs)


def named(entities: list[Entity], name: str) -> Entity:
    return next(entity for entity in entities if entity.name == name)


def test_transliterations_and_bare_surname_are_one_person(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Foreign Minister Sergei Lavrov met the envoy in Geneva on Monday.",
        "Russian Foreign Minister Sergey Lavrov spoke to reporters in Moscow.",
        "Officials said Sergei Lavrov would travel again. Lavrov added that talks would continue.",
    )
    people = [entity for entity in entities if entity.type == "person"]
    assert [entity.name for entity in people] == ["Sergei Lavrov"]
    assert set(people[0].aliases) == {"Sergey Lavrov", "Lavrov"}
    assert people[0].sources == ["a0", "a1", "a2"]


def test_initial_resolves_to_the_full_name(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "John Smith, the mayor, opened the new bridge on Tuesday.",
        "The bridge was opened by J. Smith after years of delays.",
    )
    smith = named(entities, "John Smith")
    assert "J. Smith" in smith.aliases
    assert smith.sources == ["a0", "a1"]


def test_people_sharing_a_surname_stay_apart_and_the_bare_surname_goes_to_the_nearest(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Donald Trump spoke in Ohio on Monday. His wife Melania Trump visited a hospital in Texas. "
        "Melania Trump said the staff were brave.",
        "Donald Trump said the talks would resume. Trump told reporters he was hopeful.",
    )
    names = {entity.name for entity in entities if entity.type == "person"}
    assert {"Donald Trump", "Melania Trump"} <= names
    assert "Trump" in named(entities, "Donald Trump").aliases
    assert named(entities, "Melania Trump").sources == ["a0"]


def test_titles_and_possessives_are_stripped(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "President Vladimir Putin's spokesman rejected the claim.",
        "Vladimir Putin met the delegation in the Kremlin.",
    )
    putin = named(entities, "Vladimir Putin")
    assert putin.type == "person"
    assert all("'" not in alias and "President" not in alias for alias in putin.aliases)


def test_resolver_maps_variants_titles_and_acronyms(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "According to the Financial Times, Sergei Lavrov rejected the plan.",
        "Sergey Lavrov spoke in Moscow about the plan.",
    )
    resolver = EntityResolver(entities)
    assert resolver.canonical("Lavrov's") == "Sergei Lavrov"
    assert resolver.canonical("Mr. Lavrov") == "Sergei Lavrov"
    assert resolver.canonical("S. Lavrov") == "Sergei Lavrov"
    assert resolver.canonical("the FT") == "Financial Times"
    assert resolver.canonical("Angela Merkel") is None


def test_budapest_corpus_merges_the_cast(nlp: Language, budapest_corpus: Path) -> None:
    docs = []
    for path in sorted(budapest_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append((article(path.stem, text), nlp(text)))
    entities = extract_entities(docs)
    everyone = [doc.id for doc, _ in docs]
    lavrov = named(entities, "Sergei Lavrov")
    assert {"Sergey Lavrov", "Lavrov"} <= set(lavrov.aliases) and lavrov.sources == everyone
    rubio = named(entities, "Marco Rubio")
    assert rubio.type == "person" and "Rubio" in rubio.aliases and sorted(rubio.sources) == everyone
    assert named(entities, "Budapest").type == "place"
    people = [entity.name for entity in entities if entity.type == "person"]
    assert not any(name in {"Rubio", "Lavrov", "Putin", "Trump"} for name in people)


def test_a_short_form_of_a_given_name_is_the_same_person(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Representative Robert W. Goodlatte chairs the House Judiciary Committee.",
        "Bob Goodlatte said the committee would review the memos on Friday.",
    )
    goodlatte = named(entities, "Robert W. Goodlatte")
    assert "Bob Goodlatte" in goodlatte.aliases and goodlatte.sources == ["a0", "a1"]


def test_a_short_form_does_not_merge_different_surnames(nlp: Language) -> None:
    entities = entities_of(nlp, "Robert Allen met Bob Carter in Denver on Monday to discuss the merger.")
    people = {entity.name for entity in entities if entity.type == "person"}
    assert {"Robert Allen", "Bob Carter"} <= people


def test_an_acronym_joins_its_organisation(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "According to the Financial Times, the deal was signed in London on Monday.",
        "Sources told the FT that the deal had been delayed twice before it was signed.",
    )
    paper = named(entities, "Financial Times")
    assert "FT" in paper.aliases and paper.sources == ["a0", "a1"]


def test_department_of_x_is_the_x_department(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The Justice Department released the documents to Congress on Thursday.",
        "The Department of Justice said the release would not harm any investigation.",
    )
    department = next(entity for entity in entities if "Justice" in entity.name)
    assert {department.name, *department.aliases} == {"Justice Department", "Department of Justice"}
    assert department.sources == ["a0", "a1"]


def test_a_generational_suffix_left_out_is_the_same_person(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The adviser Roger J. Stone Jr. denied any wrongdoing on Friday.",
        "Campaign adviser Roger Stone was named in the complaint on Friday.",
    )
    spellings = [{entity.name, *entity.aliases} for entity in entities if entity.type == "person"]
    assert any(forms >= {"Roger J. Stone Jr.", "Roger Stone"} for forms in spellings), spellings


def test_father_and_son_named_apart_in_one_article_are_two_people(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Senator Adam Hollis Jr. met reporters in Denver. His father, Adam Hollis, a retired judge, stayed home.",
        "Adam Hollis Jr. spoke to voters in Boulder on Monday.",
    )
    son = named(entities, "Adam Hollis Jr.")
    assert "Adam Hollis" not in son.aliases
    assert son.sources == ["a0", "a1"]
    assert named(entities, "Adam Hollis").sources == ["a0"]


def test_one_article_leaving_out_the_suffix_once_speaks_of_one_man(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Walter K. Brennan Jr., 61, of Millbrook, admitted the fraud on Tuesday. The judge set sentencing for May. "
        "A neighbour said Walter K. Brennan kept to himself.",
        "Walter K. Brennan Jr. faces up to five years in prison.",
    )
    spellings = [{entity.name, *entity.aliases} for entity in entities if entity.type == "person"]
    assert any(forms >= {"Walter K. Brennan Jr.", "Walter K. Brennan"} for forms in spellings), spellings


def test_an_acronym_with_its_small_words_names_the_body(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The Department of Justice released the report on Thursday.",
        "The Justice Department said the report was final. A DOJ spokesman declined to comment.",
    )
    body = next(entity for entity in entities if "Department of Justice" in {entity.name, *entity.aliases})
    assert {body.name, *body.aliases} >= {"Department of Justice", "Justice Department", "DOJ"}


def test_a_full_name_the_tagger_missed_in_one_sentence_still_counts(nlp: Language) -> None:
    texts = (
        "Rep. Marian Okonkwo of Ohio asked for the memos on Monday.",
        "The memos were requested by Representative Marian Okonkwo and two other members of the committee.",
    )
    docs = [(article(f"a{i}", text), nlp(text)) for i, text in enumerate(texts)]
    missed = docs[1][1]
    missed.ents = [ent for ent in missed.ents if ent.label_ != "PERSON"]  # the small model's miss, reproduced
    okonkwo = next(entity for entity in extract_entities(docs) if entity.name == "Marian Okonkwo")
    assert okonkwo.sources == ["a0", "a1"]


def test_an_unlabelled_capitalised_phrase_that_names_no_known_person_is_not_added(nlp: Language) -> None:
    texts = ("Marian Okonkwo spoke on Monday.", "Crowds gathered at Liberty Plaza on Tuesday.")
    docs = [(article(f"a{i}", text), nlp(text)) for i, text in enumerate(texts)]
    docs[1][1].ents = []
    assert [entity.name for entity in extract_entities(docs)] == ["Marian Okonkwo"]


def test_a_given_name_cut_at_its_hyphen_is_taken_in_whole(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "South Korean President Moon Jae-in met the envoys on Monday.",
        "President Moon Jae-in said talks would go on. Moon added that he was hopeful.",
    )
    moon = named(entities, "Moon Jae-in")
    assert moon.aliases == ["Moon"] and moon.sources == ["a0", "a1"]


def test_a_name_made_a_modifier_by_a_hyphen_is_the_plain_name(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Officials said they would restore Barack Obama-era rules on coal.",
        "Critics attacked the Donald Trump-backed plan. Donald Trump-era tariffs remain.",
    )
    people = {entity.name: entity.aliases for entity in entities if entity.type == "person"}
    assert people == {"Barack Obama": [], "Donald Trump": []}


def test_a_name_cut_one_word_short_joins_the_only_person_it_was_cut_from(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Officials met South Korean President Moon Jae In on Friday.",  # the tagger stops at "Jae"
        "President Moon Jae-in of South Korea will host the summit.",
    )
    moon = named(entities, "Moon Jae-in")
    assert moon.aliases == ["Moon Jae"] and moon.sources == ["a0", "a1"]


def test_a_name_cut_short_from_two_people_joins_neither(nlp: Language) -> None:
    texts = (
        "Kim Jong-un succeeded his father Kim Jong-il in 2011.",
        "Analysts compared Kim Jong-un with Kim Jong-il on Monday.",
        "A portrait of Kim Jong hung in the hall.",
    )
    docs = [(article(f"a{i}", text), nlp(text)) for i, text in enumerate(texts)]
    third = docs[2][1]
    third.ents = [third.char_span(14, 22, label="PERSON")]  # "Kim Jong": a cut name, whose is unknown
    people = {entity.name: entity.sources for entity in extract_entities(docs) if entity.type == "person"}
    assert people["Kim Jong"] == ["a2"]
    assert people["Kim Jong-un"] == people["Kim Jong-il"] == ["a0", "a1"]


def test_a_misspelt_surname_the_tagger_left_unlabelled_joins_the_person(nlp: Language) -> None:
    text = (
        "Prosecutors charged former adviser George Papadopoulos and Richard Gates in the inquiry.\n\n"
        "Papadopoulous and Gates pleaded guilty to making a false statement to a federal agent."
    )
    entities = entities_of(nlp, text)
    assert "Papadopoulous" in named(entities, "George Papadopoulos").aliases
    assert "Gates" in named(entities, "Richard Gates").aliases


def test_an_unlabelled_surname_that_is_also_an_ordinary_word_is_not_taken(nlp: Language) -> None:
    text = "Roger Stone spoke to reporters in Miami on Monday. Stone walls surround the building, and the stone is old."
    docs = [(article("a0", text), nlp(text))]
    stone = named(extract_entities(docs), "Roger Stone")
    assert stone.aliases == []


def test_an_unlabelled_surname_before_the_person_is_named_is_not_taken(nlp: Language) -> None:
    text = "Kowalczyk arrived late.\n\nLater, Senator Anna Kowalczyk spoke about the budget."
    docs = [(article("a0", text), nlp(text))]
    doc = docs[0][1]
    doc.ents = [ent for ent in doc.ents if ent.start > 0]  # the opening surname left unlabelled
    kowalczyk = named(extract_entities(docs), "Anna Kowalczyk")
    assert kowalczyk.aliases == []


def test_a_country_and_its_official_acronym_are_one_place(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "North Korea said it would halt its tests. \"The DPRK will join international efforts,\" it said.",
        "North Korea announced the move on Saturday.",
    )
    country = named(entities, "North Korea")
    assert country.type == "place" and country.aliases == ["DPRK"] and country.sources == ["a0", "a1"]


def test_a_country_acronym_that_names_an_organisation_in_the_story_stays_with_it(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The Irish Republican Army (IRA) said it had disarmed. An IRA statement was read in Belfast.",
        "Troops left Afghanistan in August.",
    )
    assert "IRA" in named(entities, "Irish Republican Army").aliases
    assert named(entities, "Afghanistan").aliases == []


def test_an_organisation_named_after_a_place_stays_apart_from_it(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The New York Times reported on Monday that the mayor of New York would resign.",
        "The Washington Post said Washington had not been told.",
    )
    names = {entity.name: entity.type for entity in entities}
    assert names["New York Times"] == "organisation" and names["New York"] == "place"
    assert names["Washington Post"] == "organisation" and names["Washington"] == "place"


def test_a_given_name_syllable_that_looks_like_a_word_stays_in_the_name(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The line worked for four minutes, said Youn Kun-young, director for the government situation room.",
    )
    assert any(entity.name == "Youn Kun-young" for entity in entities)


def test_a_word_that_cannot_open_a_name_is_left_out_of_it(nlp: Language) -> None:
    text = (
        "The deal was achieved by Barack Obama.\n\nThe voters hated Obama.\n\n"
        "Anything Obama did, therefore, was by definition bad and had to be undone."
    )
    entities = entities_of(nlp, text)
    assert [entity.name for entity in entities if entity.type == "person"] == ["Barack Obama"]
    assert named(entities, "Barack Obama").aliases == ["Obama"]


def test_a_hyphened_given_name_alone_is_the_only_person_so_named(nlp: Language) -> None:
    texts = (
        "North Korean leader Kim Jong-un met the envoys. He denied personally speaking to Jong-un on Monday.",
        "Kim Jong-un and his late father Kim Jong-il ruled for decades.",
    )
    docs = [(article(f"a{i}", text), nlp(text)) for i, text in enumerate(texts)]
    first = docs[0][1]
    alone = first.char_span(texts[0].rindex("Jong-un"), texts[0].rindex("Jong-un") + 7, label="PERSON")
    first.ents = [ent for ent in first.ents if ent.end <= alone.start] + [alone]  # as the tagger finds it in news
    people = {entity.name: entity for entity in extract_entities(docs) if entity.type == "person"}
    assert "Jong-un" not in people and "Jong-un" in people["Kim Jong-un"].aliases
    assert people["Kim Jong-il"].aliases == []


def test_a_title_case_heading_makes_no_name_of_words_the_story_writes_in_lower_case(nlp: Language) -> None:
    heading = "The Council Budget and the Shift in Stance"
    body = "The mayor changed her stance on the budget. Council members met in Harlow to discuss the shift."
    found = {entity.name for entity in entities_of(nlp, f"{heading}\n{body}")}
    assert "Stance" not in found and "Shift in Stance" not in found
    kept = {entity.name for entity in entities_of(nlp, f"Budget Vote in Sheffield Delayed\n{body}")}
    assert "Sheffield" in kept  # a heading's name the story never writes in lower case stays a name


def labelled(nlp: Language, ident: str, text: str, *ents: tuple[str, str]) -> tuple[Article, Doc]:
    """An article of ``text`` with its parse, the named entities set to ``ents`` (``labelled_doc``)."""
    return article(ident, text), labelled_doc(nlp, text, *ents)


def test_a_known_place_the_model_calls_a_person_is_a_place(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "Officials said Montevideo had rejected the proposal.", ("Montevideo", "PERSON"))]
    assert named(extract_entities(docs), "Montevideo").type == "place"


def test_a_person_label_loses_a_tie_with_a_place_label(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "The envoys met at Velmora on Friday.", ("Velmora", "PERSON")),
        labelled(nlp, "a1", "Talks in the border town of Velmora ended.", ("Velmora", "GPE")),
    ]
    assert named(extract_entities(docs), "Velmora").type == "place"


def test_a_one_word_person_keeps_its_type(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "Critics said Okonkwo had misled the board.", ("Okonkwo", "PERSON"))]
    assert named(extract_entities(docs), "Okonkwo").type == "person"


def test_a_name_run_on_into_a_common_word_is_the_name(nlp: Language) -> None:
    text = (
        "Senator Ann Smith spoke on Monday. The Ann Smith Files were released later. "
        "Smith said the files were old."
    )
    docs = [labelled(nlp, "a0", text, ("Ann Smith", "PERSON"), ("Ann Smith Files", "PERSON"), ("Smith", "PERSON"))]
    entities = extract_entities(docs)
    assert "Ann Smith Files" not in {entity.name for entity in entities}
    assert named(entities, "Ann Smith").aliases == ["Smith"]


def test_an_acronym_run_on_into_a_common_word_is_the_organisation(nlp: Language) -> None:
    text = (
        "The Acme Widget Corporation filed suit. The AWC Server was seized by agents. "
        "Agents said the server held records of the AWC."
    )
    docs = [labelled(
        nlp, "a0", text, ("Acme Widget Corporation", "ORG"), ("AWC Server", "ORG"), ("AWC", "ORG")
    )]
    entities = extract_entities(docs)
    assert [entity.name for entity in entities] == ["Acme Widget Corporation"]
    assert entities[0].aliases == ["AWC"]


def test_a_surname_that_is_a_common_word_stays_in_the_name(nlp: Language) -> None:
    text = "Maya Stone met the donors. Maya said the stone wall would stay."
    docs = [labelled(nlp, "a0", text, ("Maya Stone", "PERSON"), ("Maya", "PERSON"))]
    assert named(extract_entities(docs), "Maya Stone").type == "person"


def test_an_organisation_named_by_a_place_and_a_common_word_stays_whole(nlp: Language) -> None:
    text = "The Springfield Gazette reported that Springfield would vote. The gazette said so."
    docs = [labelled(nlp, "a0", text, ("Springfield Gazette", "ORG"), ("Springfield", "GPE"))]
    names = {entity.name for entity in extract_entities(docs)}
    assert {"Springfield Gazette", "Springfield"} <= names


def test_the_last_word_of_an_organisation_after_its_full_name_is_that_organisation(nlp: Language) -> None:
    docs = [
        labelled(
            nlp, "a0", "The Daily Planet reported the deal first. According to the Planet, talks lasted a week.",
            ("Daily Planet", "ORG"), ("Planet", "ORG"),
        ),
        labelled(nlp, "a1", "The Planet was not named by the second outlet.", ("Planet", "ORG")),
    ]
    entities = extract_entities(docs)
    assert named(entities, "Daily Planet").aliases == ["Planet"] and named(entities, "Planet").sources == ["a1"]


def test_the_place_a_body_is_of_is_no_short_form_of_it(nlp: Language) -> None:
    docs = [
        labelled(
            nlp, "a0", "Two lecturers at the University of Lyon were freed. They met the Lyon council later.",
            ("University of Lyon", "ORG"), ("Lyon", "GPE"),
        ),
    ]
    entities = extract_entities(docs)
    assert named(entities, "University of Lyon").aliases == [] and named(entities, "Lyon").type == "place"


def test_a_short_form_stays_apart_when_the_word_begins_or_ends_other_names(nlp: Language) -> None:
    heads = labelled(
        nlp, "a0", "The Town Hall said the Hall Budget Committee would meet. Later the Hall voted.",
        ("Town Hall", "ORG"), ("Hall Budget Committee", "ORG"), ("Hall", "ORG"),
    )
    two_ends = labelled(
        nlp, "a1", "The Town Hall and the River Hall spoke. Then the Hall replied.",
        ("Town Hall", "ORG"), ("River Hall", "ORG"), ("Hall", "ORG"),
    )
    for docs in ([heads], [two_ends]):
        entities = extract_entities(docs)
        assert named(entities, "Hall").aliases == [] and named(entities, "Town Hall").aliases == []


def test_a_name_cut_to_one_word_and_its_suffix_is_the_suffixed_person(nlp: Language) -> None:
    text = (
        "Henry Calloway Jr. and his father Henry Calloway were named. Lawyers for Calloway Jr. declined to comment. "
        "His son, Henry Jr., was not in court."
    )
    docs = [labelled(
        nlp, "a0", text, ("Henry Calloway Jr.", "PERSON"), ("Henry Calloway", "PERSON"), ("Calloway Jr.", "PERSON"),
        ("Henry Jr.", "PERSON"),
    )]
    entities = extract_entities(docs)
    assert set(named(entities, "Henry Calloway Jr.").aliases) == {"Calloway Jr.", "Henry Jr."}
    assert named(entities, "Henry Calloway").aliases == []


def test_a_surname_taken_for_a_place_is_the_person_unless_it_is_a_place(nlp: Language) -> None:
    text = "Senator Dana Ferreira met the envoy Paul Jordan in Amman. Later Ferreira said Jordan would help."
    docs = [labelled(
        nlp, "a0", text, ("Dana Ferreira", "PERSON"), ("Paul Jordan", "PERSON"), ("Amman", "GPE"),
        ("Ferreira", "GPE"), ("Jordan", "GPE"),
    )]
    entities = extract_entities(docs)
    assert named(entities, "Dana Ferreira").aliases == ["Ferreira"]
    assert named(entities, "Jordan").type == "place" and named(entities, "Paul Jordan").aliases == []


def test_two_names_joined_by_a_hyphen_are_no_third_entity(nlp: Language) -> None:
    text = "Acme and Globex met in Oslo. The Acme-Globex talks ended. Hewlett-Packard watched."
    docs = [labelled(
        nlp, "a0", text, ("Acme", "ORG"), ("Globex", "ORG"), ("Oslo", "GPE"), ("Acme-Globex", "ORG"),
        ("Hewlett-Packard", "ORG"),
    )]
    names = {entity.name for entity in extract_entities(docs)}
    assert "Acme-Globex" not in names and {"Acme", "Globex", "Hewlett-Packard"} <= names


def test_a_first_name_cut_off_by_the_model_is_given_back_when_the_story_writes_it(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "Mayor Lena Van Houten spoke on Monday.", ("Lena Van Houten", "PERSON")),
        labelled(nlp, "a1", "Critics of Lena Van Houten protested.", ("Van Houten", "PERSON")),
    ]
    entities = extract_entities(docs)
    assert named(entities, "Lena Van Houten").sources == ["a0", "a1"]
    assert "Van Houten" not in {entity.name for entity in entities}


def test_a_name_the_model_calls_a_product_elsewhere_is_no_person(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "She posted the video on Chirpr.", ("Chirpr", "PERSON")),
        labelled(nlp, "a1", "He wrote in a Chirpr message that he was fine.", ("Chirpr", "PRODUCT")),
    ]
    assert named(extract_entities(docs), "Chirpr").type == "organisation"


def test_a_name_beside_an_institution_noun_is_an_organisation(nlp: Language) -> None:
    text = (
        "The party hired a law firm, Hollis Brandt, to draft the complaint. "
        "Its founder, Maria Okafor, declined to comment."
    )
    docs = [labelled(nlp, "a0", text, ("Hollis Brandt", "PERSON"), ("Maria Okafor", "PERSON"))]
    entities = extract_entities(docs)
    assert named(entities, "Hollis Brandt").type == "organisation"
    assert named(entities, "Maria Okafor").type == "person"


def test_a_lower_case_word_after_a_known_name_is_no_part_of_it(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "The Teapot Dome affair was recalled.", ("Teapot Dome", "EVENT")),
        labelled(nlp, "a1", "Critics recalled the Teapot Dome scandal.", ("Teapot Dome scandal", "EVENT")),
    ]
    entities = extract_entities(docs)
    assert [(entity.name, entity.sources) for entity in entities] == [("Teapot Dome", ["a0", "a1"])]


def test_a_legislators_state_tag_is_no_acronym_and_no_place(nlp: Language) -> None:
    text = (
        "The Security Council met. Senator Sam Lee, D-S.C., and Representative Tom Ray, R-Ore., said the "
        "Security Council erred."
    )
    docs = [labelled(
        nlp, "a0", text, ("Security Council", "ORG"), ("Sam Lee", "PERSON"), ("Tom Ray", "PERSON"),
        ("Ore.", "GPE"), ("Security Council", "ORG"),
    )]
    entities = extract_entities(docs)
    assert named(entities, "Security Council").aliases == []
    assert "Ore." not in {entity.name for entity in entities}


def test_two_names_joined_by_and_are_no_third_entity_unless_one_name(nlp: Language) -> None:
    text = (
        "East Fooland and West Fooland talked. East and West Fooland agreed. "
        "Trinidad and Tobago, Trinidad and Tobago's islands, watched."
    )
    docs = [labelled(
        nlp, "a0", text, ("East Fooland", "GPE"), ("West Fooland", "GPE"), ("East and West Fooland", "GPE"),
        ("Trinidad and Tobago", "GPE"), ("Trinidad", "GPE"), ("Tobago", "GPE"),
    )]
    names = {entity.name for entity in extract_entities(docs)}
    assert "East and West Fooland" not in names and "Trinidad and Tobago" in names


def names_of(entities: list[Entity]) -> set[str]:
    return {entity.name for entity in entities}


def aliases_of(entities: list[Entity]) -> set[str]:
    return {alias for entity in entities for alias in entity.aliases}


def test_a_common_plural_capitalised_in_a_title_is_no_name_but_a_plural_country_is(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "The senator wrote a memoir, Courage: Truth, Lies, and Leadership, which sold well.",
        "Christians caught within the vicinity of Bibles are imprisoned, the report said.",
        "The ministers met in the Philippines on Monday. Trade with the Netherlands grew.",
    )
    names = names_of(entities)
    assert not names & {"Lies", "Bibles"}
    assert {"Philippines", "Netherlands"} <= names


def test_a_surname_in_the_plural_stays_the_persons(nlp: Language) -> None:
    entities = entities_of(nlp, "Serena Williams won the final. Williams said she was happy.")
    assert "Williams" in named(entities, "Serena Williams").aliases


def test_capitalised_common_words_of_a_tweet_quote_or_adjectives_are_no_names(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        '"Great news for everyone! Look forward to our Summit."',
        "He posted on the network.\n\nWOW!\n\nWill it continue?",
        "The president brought up the 'Big Ugly Thing' and said it bothered him.",
        "The memos were released by Republican Congressional intelligence officials on Thursday.",
    )
    assert not names_of(entities) & {"Summit", "WOW", "Big Ugly Thing", "Republican Congressional"}


def test_a_place_after_a_possessive_that_qualifies_a_noun_stays(nlp: Language) -> None:
    entities = entities_of(nlp, "Trump welcomed the prime minister to his Florida resort on Tuesday.")
    assert "Florida" in names_of(entities)


def test_a_pronoun_in_a_heading_in_capitals_is_no_country(nlp: Language) -> None:
    entities = entities_of(nlp, "HELP US NOW\n\nThe United States said it would help.")
    assert "US" not in aliases_of(entities) | names_of(entities)
    assert "United States" in names_of(entities)


def test_an_iso_code_and_an_informal_name_are_the_country(nlp: Language) -> None:
    entities = entities_of(nlp, "Trade between the U.S. and China fell. America will respond, officials said.")
    places = [entity for entity in entities if {entity.name, *entity.aliases} >= {"U.S.", "America"}]
    assert len(places) == 1 and places[0].type == "place"


def test_an_informal_country_name_stays_apart_when_the_story_names_another(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Trade between the U.S. and China fell.",
        "Officials in Latin America said America had not called.",
    )
    america = next(entity for entity in entities if "America" in {entity.name, *entity.aliases})
    assert "U.S." not in {america.name, *america.aliases}


def test_a_name_cut_before_its_last_word_is_the_longer_name(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "He said so in an interview with USA TODAY. In the USA TODAY interview he repeated it. The U.S. agreed.",
    )
    usa_today = named(entities, "USA TODAY")
    assert usa_today.type == "organisation"
    assert "USA" not in names_of(entities) | aliases_of(entities)


def test_parts_of_committee_names_join_the_committee_or_go_when_ambiguous(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "Sam Lee of the House Judiciary Committee spoke. A statement from Judiciary Chairman Sam Lee followed.",
        "Tom Ruiz, the Intelligence Chairman, said the Senate Intelligence Committee and the House Intelligence "
        "Committee disagreed.",
    )
    assert "Judiciary" in named(entities, "House Judiciary Committee").aliases
    assert "Intelligence" not in names_of(entities) | aliases_of(entities)


def test_a_one_word_organisation_before_its_committees_stays_a_body_of_its_own(nlp: Language) -> None:
    entities = entities_of(nlp, "The bill passed the Senate. The Senate Finance Committee met on Monday.")
    assert named(entities, "Senate").aliases == []
    assert "Senate" not in named(entities, "Senate Finance Committee").aliases


def test_a_side_of_a_divided_country_is_that_country_and_a_city_stays_whole(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        'North Korea fired a missile on Friday. "We view the North\'s decision as a significant step," the '
        "ministry said. Seoul, the South's capital, welcomed it. South Korea agreed.",
        "She flew from New York to Boston. New York City police were told.",
    )
    assert "North" in named(entities, "North Korea").aliases
    assert "South" in named(entities, "South Korea").aliases
    assert {"New York", "New York City"} <= names_of(entities)


def test_an_outlet_told_a_story_or_a_network_written_on_is_no_person(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "A White House official told Pravdin that the talks were over.",
        "Responding on Twitter, the group said the lawsuit was a stunt.",
    )
    assert named(entities, "Pravdin").type == "organisation"
    assert named(entities, "Twitter").type == "organisation"


def test_a_surname_after_told_stays_the_persons(nlp: Language) -> None:
    entities = entities_of(nlp, "Ann Kowalski arrived late. The president told Kowalski to wait.")
    assert "Kowalski" in named(entities, "Ann Kowalski").aliases


def test_a_person_joined_by_a_hyphen_to_another_name_is_no_organisation(nlp: Language) -> None:
    entities = entities_of(
        nlp, "Relations sank under the Trump-Vance administration, analysts said. Donald Trump disagreed."
    )
    assert "Trump-Vance" not in names_of(entities) | aliases_of(entities)


def test_a_persons_name_run_on_into_a_plural_is_the_person(nlp: Language) -> None:
    entities = entities_of(
        nlp,
        "We will now counter for the DNC Server, the Wendy Wasserman Schultz Servers and Documents held by the "
        "mystery man.",
        'He referred to her as "Wendy Wasserman Schultz." The servers were seized.',
    )
    assert "Wendy Wasserman Schultz Servers" not in names_of(entities) | aliases_of(entities)
    assert named(entities, "Wendy Wasserman Schultz").type == "person"


def test_a_name_the_tagger_ran_on_into_a_function_word_is_named_without_it(nlp: Language) -> None:
    text = "An aide told the Daily Ledger that the plan was dead."
    doc = nlp(text)
    doc.ents = [Span(doc, 3, 7, label="ORG")]  # "the Daily Ledger that"
    found = extract_entities([(article("a", text), doc)])
    assert [entity.name for entity in found] == ["Daily Ledger"]


def test_a_romanised_name_keeps_its_hyphened_syllable(nlp: Language) -> None:
    text = "President Moon Jae-in met the envoy."
    doc = nlp(text)
    doc.ents = [Span(doc, 1, 5, label="PERSON")]  # "Moon Jae - in": "in" is no function word here
    assert [entity.name for entity in extract_entities([(article("a", text), doc)])] == ["Moon Jae-in"]


def test_a_company_with_or_without_its_legal_form_is_one_organisation(nlp: Language) -> None:
    texts = {
        "Orvane Aerospace Corp.": "Orvane Aerospace Corp. won the lander contract on Monday.",
        "Orvane Aerospace Corporation": "The agency picked Orvane Aerospace Corporation to build the lander.",
        "Orvane Aerospace": "Orvane Aerospace said the lander would fly in two years.",
    }
    docs = []
    for i, (name, text) in enumerate(texts.items()):
        doc = nlp(text)
        start = text.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label="ORG")]  # the tagger's reading of it varies
        docs.append((article(f"a{i}", text), doc))
    found = extract_entities(docs)
    assert [(entity.type, len(entity.sources)) for entity in found] == [("organisation", 3)]


def test_a_name_ending_in_a_word_only_institutions_end_in_is_an_organisation(nlp: Language) -> None:
    text = "Orbit Launch Systems won the contract, said Dana Carter, who leads the review board."
    docs = [labelled(nlp, "a0", text, ("Orbit Launch Systems", "PERSON"), ("Dana Carter", "PERSON"))]
    entities = extract_entities(docs)
    assert named(entities, "Orbit Launch Systems").type == "organisation"
    assert named(entities, "Dana Carter").type == "person"


def test_a_full_name_the_model_calls_an_organisation_is_a_person_by_its_office_and_title(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "Eva-Lotta Brandt, the finance minister, said the budget would pass.",
                 ("Eva-Lotta Brandt", "ORG")),
        labelled(nlp, "a1", "Ms. Brandt told reporters the vote was close.", ("Brandt", "ORG")),
    ]
    entities = extract_entities(docs)
    assert [(entity.name, entity.type, entity.aliases) for entity in entities] == [
        ("Eva-Lotta Brandt", "person", ["Brandt"])
    ]


def test_a_surname_the_model_calls_a_place_is_a_person_by_saying_something(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "Okuda said on Thursday the talks would go on.", ("Okuda", "GPE"))]
    assert named(extract_entities(docs), "Okuda").type == "person"


def test_a_firm_named_after_a_person_that_says_something_stays_an_organisation(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "Halvorsen said the firm would recall 20,000 trucks.", ("Halvorsen", "ORG"))]
    assert named(extract_entities(docs), "Halvorsen").type == "organisation"


def test_a_place_the_story_puts_something_in_stays_a_place_when_it_speaks(nlp: Language) -> None:
    text = (
        "The envoys met in Velmora on Friday. Velmora said the talks would go on. Velmora added that more would come."
    )
    docs = [labelled(nlp, "a0", text, ("Velmora", "GPE"), ("Velmora", "GPE"), ("Velmora", "GPE"))]
    assert named(extract_entities(docs), "Velmora").type == "place"


def test_a_place_after_of_keeps_its_type_before_an_office_of_the_person_named_first(nlp: Language) -> None:
    text = "Rep. Tom Becker (D) of Velmora, the chairman of the House Water Committee, says that he will call a vote."
    docs = [labelled(nlp, "a0", text, ("Tom Becker", "PERSON"), ("Velmora", "GPE"))]
    assert named(extract_entities(docs), "Velmora").type == "place"


def test_a_body_qualifying_an_office_after_it_is_no_person(nlp: Language) -> None:
    # As the small model parses "Ann Cole, Velmora Society senior vice president, said": the office hung on the
    # body's name, with no comma between them.
    words = ["Ann", "Cole", ",", "Velmora", "Society", "senior", "vice", "president", ",", "said", "."]
    heads = [1, 9, 1, 4, 1, 7, 7, 4, 1, 9, 9]
    deps = ["compound", "nsubj", "punct", "compound", "appos", "amod", "amod", "appos", "punct", "ROOT", "punct"]
    lemmas = ["Ann", "Cole", ",", "Velmora", "Society", "senior", "vice", "president", ",", "say", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG")]
    assert not _of_a_person(doc.ents[1])
    comma = Doc(nlp.vocab, words=["Velmora", "Jones", ",", "the", "president", ",", "said", "."],
                heads=[1, 6, 1, 4, 1, 1, 6, 6], deps=["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT",
                                                      "punct"],
                lemmas=["Velmora", "Jones", ",", "the", "president", ",", "say", "."])
    comma.ents = [Span(comma, 0, 2, label="ORG")]
    assert _of_a_person(comma.ents[0])


def test_a_title_in_capitals_is_an_abbreviation_of_something_else(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "The cruise ship MS Corvina ran aground near the port.", ("Corvina", "ORG"))]
    assert named(extract_entities(docs), "Corvina").type == "organisation"


def test_a_place_whose_name_opens_with_a_title_stays_a_place(nlp: Language) -> None:
    text = "Crews in Prince Halden County and at the Judge Marlow Center cleared the roads."
    docs = [labelled(nlp, "a0", text, ("Halden County", "GPE"), ("Judge Marlow Center", "FAC"))]
    entities = extract_entities(docs)
    assert named(entities, "Halden County").type == "place"
    assert named(entities, "Judge Marlow Center").type == "place"


def referred(nlp: Language, text: str, pronoun: str, lookback: int = 3) -> str | None:
    """Whom the last ``pronoun`` of ``text`` stands for, by ``person_referred``."""
    doc = nlp(text)
    token = [token for token in doc if token.lower_ == pronoun][-1]
    person = person_referred(token, lookback)
    return clean_name(person.text) if person is not None else None


def test_a_reported_clauses_pronoun_is_its_reporter_before_or_after_it(nlp: Language) -> None:
    assert referred(nlp, "Tom Baker met the board. Sam Lee said he would resign.", "he") == "Sam Lee"
    assert referred(nlp, "Tom Baker met the board. He would resign, Sam Lee said.", "he") == "Sam Lee"
    # Hard case: in quoted words a speaker says "I" of themself, so "he" is someone else.
    assert referred(nlp, 'Tom Baker met the board. "He will resign," Sam Lee said.', "he") == "Tom Baker"


def test_a_subject_named_before_the_pronoun_beats_a_nearer_name(nlp: Language) -> None:
    text = "Tom Baker was arrested for a call to Sam Lee's office in which he made threats."
    assert referred(nlp, text, "he") == "Tom Baker"


def test_a_subject_after_a_quote_closed_from_an_earlier_sentence_is_outside_it(nlp: Language) -> None:
    text = 'Tom Baker ran the meeting. Nobody expected the talks to end so soon," Sam Lee said as he left the room.'
    assert referred(nlp, text, "he") == "Sam Lee"


def test_the_last_person_of_the_sentences_before_and_no_further_than_the_lookback(nlp: Language) -> None:
    text = "Sam Silva scored 20 points. He also had 11 rebounds."
    assert referred(nlp, text, "he") == "Sam Silva"
    assert referred(nlp, text, "he", lookback=0) is None
    # Hard case: a name its own sentence gives before it as no subject is seldom whom it means.
    assert referred(nlp, "Tom Baker spoke after the vote. Asked about Sam Lee, he said the budget was sound.",
                    "he") == "Tom Baker"


def test_a_subjects_owner_or_name_in_apposition_is_the_antecedent_of_a_possessive(nlp: Language) -> None:
    text = "Sam Lee chaired the panel. Tom Baker's decision to close his shop surprised the town."
    assert referred(nlp, text, "his") == "Tom Baker"
    text = "Sam Lee chaired the panel. The club's new owner, Tom Baker, announced that his stadium would close."
    assert referred(nlp, text, "his") == "Tom Baker"
    # Hard case: a pronoun and its reporter within one partial quote are one voice.
    text = 'Sam Lee chaired the panel. She noted that Tom Baker "never wrote that he felt threatened."'
    assert referred(nlp, text, "he") == "Tom Baker"


def test_a_name_after_a_rank_only_a_person_holds_is_a_person_but_not_after_a_word_opening_names(
    nlp: Language,
) -> None:
    docs = [labelled(nlp, "a0", "Admiral Tove Maren inspected the fleet at dawn.", ("Tove Maren", "ORG"))]
    assert named(extract_entities(docs), "Tove Maren").type == "person"
    # Hard case: "General" opens names of firms as often as it titles an officer.
    docs = [labelled(nlp, "a0", "General Halvard Freight cut its prices at dawn.", ("Halvard Freight", "ORG"))]
    assert named(extract_entities(docs), "Halvard Freight").type == "organisation"


def test_a_subject_pronoun_goes_on_with_the_subject_of_the_sentence_before(nlp: Language) -> None:
    text = "Tom Baker will meet Sam Lee in May. He has said he hopes to settle the dispute."
    assert referred(nlp, text, "he") == "Tom Baker"
    # Hard case: with no person as its subject, the sentence before gives its last person.
    text = "The court fined Tom Baker on Monday. He said he would appeal the ruling."
    assert referred(nlp, text, "he") == "Tom Baker"


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Acme Rockets, Orbital Works", "ORG", "Orbital Works"),
        ("Widget Holdings, Inc.", "ORG", "Widget Holdings, Inc."),
        ("Widget Holdings, LLC", "ORG", "Widget Holdings, LLC"),
        ("Gamma, 2019", "ORG", "Gamma, 2019"),
        ("Brennan, Walter", "PERSON", "Brennan, Walter"),
        ("CO @ Red Rocks Amphitheatre", "FAC", "Red Rocks Amphitheatre"),
        ("the Harbour Pavilion", "FAC", "Harbour Pavilion"),
    ],
)
def test_clean_name_cuts_listing_junk_and_keeps_legal_forms(text: str, label: str, name: str) -> None:
    assert clean_name(text, label) == name


def test_a_name_opening_with_an_acronym_is_not_that_acronym(nlp: Language) -> None:
    docs = [
        labelled(
            nlp, "a0", "The bill went to the US Senate on Monday. The US said it would wait.",
            ("US Senate", "ORG"), ("US", "ORG"),
        ),
    ]
    senate = named(extract_entities(docs), "US Senate")
    assert "US" not in senate.aliases


def test_a_tagged_run_of_lower_case_words_is_no_name(nlp: Language) -> None:
    docs = [
        labelled(
            nlp, "a0", "The commerce ministry said the Harbour Works board would meet.",
            ("commerce ministry", "ORG"), ("Harbour Works", "ORG"),
        ),
    ]
    names = {entity.name for entity in extract_entities(docs)}
    assert "Harbour Works" in names and "commerce ministry" not in names


def test_a_given_name_before_a_surname_the_story_calls_a_person_is_a_person(nlp: Language) -> None:
    first = "The club signed forward Tobias Hartwell on Monday."
    second = "Hartwell said he was pleased. Coaches praised Hartwell."
    docs = [
        labelled(nlp, "a0", first, ("Tobias Hartwell", "ORG")),
        labelled(nlp, "a1", second, ("Hartwell", "PERSON"), ("Hartwell", "ORG")),
    ]
    entity = named(extract_entities(docs), "Tobias Hartwell")
    assert entity.type == "person" and "Hartwell" in entity.aliases


def test_a_surname_followed_by_who_makes_the_name_a_persons(nlp: Language) -> None:
    text = "The board named Miriam Ostrander chair. The move was backed by Ostrander, who joined in 2019."
    docs = [labelled(nlp, "a0", text, ("Miriam Ostrander", "ORG"), ("Ostrander", "GPE"))]
    assert named(extract_entities(docs), "Miriam Ostrander").type == "person"


def test_an_organisation_opening_with_a_given_name_stays_one_without_a_person_beside_it(nlp: Language) -> None:
    text = "Analysts at Piper Quillfeather cut their forecast. Quillfeather expects slower sales."
    docs = [labelled(nlp, "a0", text, ("Piper Quillfeather", "ORG"), ("Quillfeather", "ORG"))]
    assert named(extract_entities(docs), "Piper Quillfeather").type == "organisation"


def test_a_surname_the_model_took_for_a_place_stays_the_persons(nlp: Language) -> None:
    text = (
        "Ambassador Walter Brisbrook testified on Tuesday. Lawmakers pressed Brisbrook on the call. "
        "The plan came from Brisbrook, aides said."
    )
    docs = [labelled(nlp, "a0", text, ("Walter Brisbrook", "PERSON"), ("Brisbrook", "GPE"), ("Brisbrook", "GPE"))]
    entity = named(extract_entities(docs), "Walter Brisbrook")
    assert entity.type == "person" and "Brisbrook" in entity.aliases


def test_a_name_ending_in_a_venue_word_is_a_place(nlp: Language) -> None:
    text = "The band plays Lakemont Amphitheatre in June, then Harbor Pavilion."
    docs = [labelled(nlp, "a0", text, ("Lakemont Amphitheatre", "PERSON"), ("Harbor Pavilion", "PERSON"))]
    entities = extract_entities(docs)
    assert named(entities, "Lakemont Amphitheatre").type == "place"
    assert named(entities, "Harbor Pavilion").type == "place"


def test_a_name_ending_in_a_word_that_is_also_a_surname_stays_a_person(nlp: Language) -> None:
    text = "Senator Dorothy Hall said the bill would pass."
    docs = [labelled(nlp, "a0", text, ("Dorothy Hall", "PERSON"))]
    assert named(extract_entities(docs), "Dorothy Hall").type == "person"


def test_a_plural_after_the_is_a_team_not_a_person(nlp: Language) -> None:
    text = "The Ravens beat the Falconers 21-7. Falconers coach Dana Pike blamed the rain."
    docs = [labelled(nlp, "a0", text, ("Falconers", "PERSON"), ("Falconers", "PERSON"), ("Dana Pike", "PERSON"))]
    entities = extract_entities(docs)
    assert named(entities, "Falconers").type == "organisation"
    assert named(entities, "Dana Pike").type == "person"


def test_a_surname_ending_in_s_after_the_still_joins_its_person(nlp: Language) -> None:
    text = "Investor Carla Simmons spoke first. The fund, the Simmons said, would grow."
    docs = [labelled(nlp, "a0", text, ("Carla Simmons", "PERSON"), ("Simmons", "PERSON"))]
    assert [(entity.name, entity.type) for entity in extract_entities(docs)] == [("Carla Simmons", "person")]


@pytest.mark.parametrize(("mention", "name"), [
    ("Ravens DL Marcus Obi", "Marcus Obi"),
    ("Acme CEO Jane Roe", "Jane Roe"),
    ("Jane B. Roe", "Jane B. Roe"),
    ("Jane Roe", "Jane Roe"),
    ("JR Smith", "JR Smith"),
])
def test_a_team_and_a_position_in_capitals_before_a_name_are_cut(mention: str, name: str) -> None:
    assert clean_name(mention) == name


def test_a_town_and_its_state_code_in_a_listing_are_places(nlp: Language) -> None:
    text = "Tour dates: June 3 - Lakemont, TX. June 5 - Harbor Point, NJ."
    docs = [labelled(nlp, "a0", text, ("Lakemont", "ORG"), ("TX", "ORG"), ("Harbor Point", "ORG"), ("NJ", "ORG"))]
    entities = extract_entities(docs)
    assert {named(entities, name).type for name in ("Lakemont", "TX", "Harbor Point", "NJ")} == {"place"}


def test_where_a_person_named_with_an_age_lives_is_a_place(nlp: Language) -> None:
    text = "Police arrested Dale Morrow, 41, of Brightwater, on Friday. Brightwater officials declined to comment."
    docs = [labelled(nlp, "a0", text, ("Dale Morrow", "PERSON"), ("Brightwater", "ORG"), ("Brightwater", "ORG"))]
    assert named(extract_entities(docs), "Brightwater").type == "place"


def test_an_organisation_before_a_comma_and_a_word_in_capitals_stays_one(nlp: Language) -> None:
    text = "Shares of Corvana, the maker of the XR phone, rose. Corvana, CEO Ann Lee said, will grow."
    docs = [labelled(nlp, "a0", text, ("Corvana", "ORG"), ("Corvana", "ORG"))]
    assert named(extract_entities(docs), "Corvana").type == "organisation"


def test_a_product_name_with_a_number_or_after_an_article_is_no_person(nlp: Language) -> None:
    text = "Reviewers liked the Pixelray Go. The Vantor 2 ships in May, said designer Ada Quint."
    docs = [labelled(nlp, "a0", text, ("Pixelray Go", "PERSON"), ("Vantor 2", "PERSON"), ("Ada Quint", "PERSON"))]
    assert [(entity.name, entity.type) for entity in extract_entities(docs)] == [("Ada Quint", "person")]


def test_a_name_the_model_mostly_calls_an_organisation_is_not_made_a_person_by_one_label(nlp: Language) -> None:
    text = "Sales of Zentrix Ultra rose. Zentrix Ultra owners praised it. Zentrix Ultra sold out."
    docs = [labelled(
        nlp, "a0", text, ("Zentrix Ultra", "ORG"), ("Zentrix Ultra", "PERSON"), ("Zentrix Ultra", "ORG"),
    )]
    assert named(extract_entities(docs), "Zentrix Ultra").type == "organisation"


def test_a_person_the_model_mostly_mislabels_keeps_a_given_name(nlp: Language) -> None:
    text = "Critics faulted Nadia Okafor. Nadia Okafor replied on Monday. Nadia Okafor resigned."
    docs = [labelled(
        nlp, "a0", text, ("Nadia Okafor", "ORG"), ("Nadia Okafor", "PERSON"), ("Nadia Okafor", "ORG"),
    )]
    assert named(extract_entities(docs), "Nadia Okafor").type == "person"


def test_the_late_and_a_name_before_its_noun_stay_people(nlp: Language) -> None:
    text = "Mourners honoured the late Ruth Galloway. A Galloway biography is planned, Ruth Galloway's son said."
    docs = [labelled(nlp, "a0", text, ("Ruth Galloway", "PERSON"), ("Galloway", "PERSON"), ("Ruth Galloway", "PERSON"))]
    assert named(extract_entities(docs), "Ruth Galloway").type == "person"


def test_a_rank_cut_off_its_name_is_no_name() -> None:
    assert clean_name("Lt Col") == ""
    assert clean_name("Col Ann Lee") == "Ann Lee"
    assert clean_name("King") == "King"


@pytest.mark.parametrize(("name", "kind"), [
    ("RocketX", "organisation"), ("eReader", "organisation"), ("MacArthur", "person"), ("DeSantis", "person"),
    ("McAllister", "person"),
])
def test_a_capital_inside_a_word_marks_a_brand_unless_a_name_prefix_explains_it(
    nlp: Language, name: str, kind: str
) -> None:
    text = f"Officials said {name} would decide soon."
    docs = [labelled(nlp, "a0", text, (name, "PERSON"))]
    assert named(extract_entities(docs), name).type == kind


def test_a_common_word_tagged_a_person_is_no_name_when_the_story_writes_it_in_lower_case(nlp: Language) -> None:
    text = "Lava. That was all the sign said. The lava reached the road by noon, Mayor Tom Reyes said."
    docs = [labelled(nlp, "a0", text, ("Lava", "PERSON"), ("Tom Reyes", "PERSON"))]
    assert [entity.name for entity in extract_entities(docs)] == ["Tom Reyes"]


def test_a_surname_that_is_a_common_word_stays_after_a_title(nlp: Language) -> None:
    text = "Ms. Baker said the baker on Main Street had closed. Baker declined to say more."
    docs = [labelled(nlp, "a0", text, ("Baker", "PERSON"), ("Baker", "PERSON"))]
    assert named(extract_entities(docs), "Baker").type == "person"


def test_a_given_name_written_with_an_inner_capital_inside_a_full_name_stays_a_person(nlp: Language) -> None:
    text = "Analyst Li JiaWen Chen said demand would slow."
    docs = [labelled(nlp, "a0", text, ("Li JiaWen Chen", "PERSON"))]
    assert named(extract_entities(docs), "Li JiaWen Chen").type == "person"


def test_an_outlet_the_model_took_for_a_person_is_an_organisation(nlp: Language) -> None:
    text = "The mayor will resign in March, Kestrel reported on Monday. Kestrel cited two aides."
    docs = {"a0": labelled_doc(nlp, text, ("Kestrel", "PERSON"), ("Kestrel", "PERSON"))}
    findings, _ = find_claims([article("a0", text)], docs)
    assert named(findings.entities, "Kestrel").type == "organisation"


def test_a_person_reporting_on_himself_stays_a_person(nlp: Language) -> None:
    text = "Haldane reported that he had sold the shares. Haldane declined to comment further."
    docs = {"a0": labelled_doc(nlp, text, ("Haldane", "PERSON"), ("Haldane", "PERSON"))}
    findings, _ = find_claims([article("a0", text)], docs)
    assert named(findings.entities, "Haldane").type == "person"


def test_a_network_people_are_on_or_a_reaction_spreads_across_is_no_person(nlp: Language) -> None:
    docs = [
        labelled(nlp, "a0", "Many users on Chirpr mocked the slogan.", ("Chirpr", "PERSON")),
        labelled(nlp, "a1", "The clip spread across Chirpr within hours.", ("Chirpr", "PERSON")),
    ]
    assert named(extract_entities(docs), "Chirpr").type == "organisation"


def test_pressure_on_a_person_named_in_full_stays_on_the_person(nlp: Language) -> None:
    text = "Senator Ann Kowalski faced questions. The pressure on Kowalski grew after the vote."
    docs = [labelled(nlp, "a0", text, ("Ann Kowalski", "PERSON"), ("Kowalski", "PERSON"))]
    assert "Kowalski" in named(extract_entities(docs), "Ann Kowalski").aliases


def test_a_common_word_dropped_as_a_person_is_no_place_either(nlp: Language) -> None:
    text = "Lava. That was the sign's one word. While the Lava sign stood, the lava reached the road."
    docs = [labelled(nlp, "a0", text, ("Lava", "PERSON"), ("Lava", "GPE"))]
    assert extract_entities(docs) == []


def test_a_known_place_written_in_lower_case_too_stays_a_place(nlp: Language) -> None:
    text = "Bath. The city was quiet. Officials in Bath said the bath house would reopen."
    docs = [labelled(nlp, "a0", text, ("Bath", "PERSON"), ("Bath", "GPE"))]
    assert named(extract_entities(docs), "Bath").type == "place"


def test_a_lower_case_word_opening_a_name_is_left_out(nlp: Language) -> None:
    text = "Owners of the older Acme Pro were offered a repair. The Acme Pro sold well."
    docs = [labelled(nlp, "a0", text, ("older Acme Pro", "ORG"), ("Acme Pro", "ORG"))]
    entities = extract_entities(docs)
    assert [(entity.name, entity.aliases) for entity in entities] == [("Acme Pro", [])]


def test_a_particle_opening_a_name_stays(nlp: Language) -> None:
    text = "Critics of de Villiers met on Monday."
    docs = [labelled(nlp, "a0", text, ("de Villiers", "PERSON"))]
    assert "de Villiers" in names_of(extract_entities(docs))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The tour adds guests Ann Corwell and the Rovers.", "Ann Corwell", "person"),
        ("Flights to Victoria Falls resumed.", "Victoria Falls", "place"),  # a gazetteer's town
        ("The plant near Elizabeth Ridge closed.", "Elizabeth Ridge", "place"),  # put somewhere
        ("Crews cleared Mary Square overnight.", "Mary Square", "place"),  # a place's last word
        ("Later, Grace Hill police officers found the car.", "Grace Hill", "place"),  # qualifies a noun
    ],
)
def test_a_given_name_and_a_word_under_a_place_label_is_a_person_unless_a_place(
    nlp: Language, text: str, name: str, kind: str
) -> None:
    docs = [labelled(nlp, "a0", text, (name, "GPE"))]
    assert named(extract_entities(docs), name).type == kind


@pytest.mark.parametrize(
    "text",
    [
        "Analyst Nealy Brown said demand would slow. Brown expects cuts.",  # the surname stands alone
        "Vice Premier Liu He met the delegation.",  # a short romanised given name
        "Officials said Moon Jae-in would attend.",  # no common last word
    ],
)
def test_people_whose_names_end_in_a_common_word_or_a_short_one_stay_people(nlp: Language, text: str) -> None:
    name = next(candidate for candidate in ("Nealy Brown", "Liu He", "Moon Jae-in") if candidate in text)
    extra = [("Brown", "PERSON")] if "Brown expects" in text else []
    docs = [labelled(nlp, "a0", text, (name, "PERSON"), *extra)]
    assert named(extract_entities(docs), name).type == "person"


def test_a_one_word_name_opening_a_bodys_name_is_the_body(nlp: Language) -> None:
    text = "Scientists at the Halvorsen Research Center found the plume. Data from Halvorsen confirmed it."
    docs = [labelled(nlp, "a0", text, ("Halvorsen Research Center", "ORG"), ("Halvorsen", "PERSON"))]
    assert named(extract_entities(docs), "Halvorsen").type == "organisation"


def test_a_person_a_body_is_named_after_stays_a_person_when_speaking(nlp: Language) -> None:
    text = "The Halvorsen Foundation gave the grant. Halvorsen said the money would go to schools."
    docs = [labelled(nlp, "a0", text, ("Halvorsen Foundation", "ORG"), ("Halvorsen", "PERSON"))]
    assert named(extract_entities(docs), "Halvorsen").type == "person"


def test_a_headings_verb_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = "Questioning Kowalski\n\nLawyers pressed Ann Kowalski on the timeline."
    docs = [labelled(nlp, "a0", text, ("Questioning Kowalski", "PERSON"), ("Ann Kowalski", "PERSON"))]
    assert [(entity.name, entity.aliases) for entity in extract_entities(docs)] == [("Ann Kowalski", ["Kowalski"])]


@pytest.mark.parametrize("name", ["Sterling Okafor", "Fleming Dahl", "Browning Lutz"])
def test_a_name_opening_with_an_ing_word_that_is_a_name_stays_whole(nlp: Language, name: str) -> None:
    docs = [labelled(nlp, "a0", f"Officials said {name} would decide soon.", (name, "PERSON"))]
    assert named(extract_entities(docs), name).type == "person"


def test_a_persons_name_run_on_into_a_common_plural_stays_the_persons(nlp: Language) -> None:
    docs = [
        labelled(
            nlp, "a0", "Lena Oyelaran Whitcombe denied it. Oyelaran Whitcombe said nothing more.",
            ("Lena Oyelaran Whitcombe", "PERSON"), ("Oyelaran Whitcombe", "PERSON"),
        ),
        labelled(
            nlp, "a1", "Critics want the Lena Oyelaran Whitcombe Servers, and the servers stay.",
            ("Oyelaran Whitcombe Servers", "PERSON"),
        ),
    ]
    assert named(extract_entities(docs), "Lena Oyelaran Whitcombe").sources == ["a0", "a1"]


def test_a_thing_opening_a_bodys_name_is_no_body(nlp: Language) -> None:
    text = "Lunar Works flew to the Moon. Moon Freight Corp will fly there next."
    docs = [labelled(nlp, "a0", text, ("Moon", "PERSON"), ("Moon Freight Corp", "ORG"))]
    assert "Moon" not in names_of(extract_entities(docs))


def test_a_romanised_given_name_ending_in_ing_stays(nlp: Language) -> None:
    docs = [labelled(nlp, "a0", "Analyst Ming-Chi Kuo said demand would slow.", ("Ming-Chi Kuo", "PERSON"))]
    assert "Ming-Chi Kuo" in names_of(extract_entities(docs))


def test_a_name_qualifying_a_product_noun_is_no_person(nlp: Language) -> None:
    text = "Ravi Menon closed his Chirpr account. Chirpr users complained on Monday."
    docs = [labelled(nlp, "a0", text, ("Ravi Menon", "PERSON"), ("Chirpr", "PERSON"), ("Chirpr", "PERSON"))]
    assert named(extract_entities(docs), "Chirpr").type == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Okafor supporters rallied outside the court on Monday.", "Okafor"),  # people, not a product
        ("Fans downloaded the Nadia Okafor app on Monday.", "Nadia Okafor"),  # a given name: named after her
    ],
)
def test_a_persons_name_qualifying_people_or_named_in_full_stays_a_person(
    nlp: Language, text: str, name: str
) -> None:
    docs = [labelled(nlp, "a0", text, (name, "PERSON"))]
    assert named(extract_entities(docs), name).type == "person"


def test_a_name_listed_among_organisations_is_an_organisation(nlp: Language) -> None:
    text = "The buyers include Corvana, Lintel and Pravdin, filings show."
    docs = [labelled(nlp, "a0", text, ("Corvana", "ORG"), ("Lintel", "PERSON"), ("Pravdin", "ORG"))]
    assert named(extract_entities(docs), "Lintel").type == "organisation"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a list of topics of any kind: common words in it
        ("The talks covered Okonkwo, the budget, Velmora and Lintel.",
         (("Okonkwo", "PERSON"), ("Velmora", "GPE"), ("Lintel", "ORG"))),
        # a given name
        ("The buyers include Corvana, Nadia Okafor and Pravdin.",
         (("Corvana", "ORG"), ("Nadia Okafor", "PERSON"), ("Pravdin", "ORG"))),
        # a title
        ("The buyers include Corvana, Dr. Okonkwo and Pravdin.",
         (("Corvana", "ORG"), ("Okonkwo", "PERSON"), ("Pravdin", "ORG"))),
    ],
)
def test_a_person_listed_with_other_kinds_of_names_stays_a_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    person = next(name for name, label in ents if label == "PERSON")
    docs = [labelled(nlp, "a0", text, *ents)]
    found = [entity for entity in extract_entities(docs) if person in (entity.name, *entity.aliases)]
    assert [entity.type for entity in found] == ["person"]


def test_a_name_the_model_mostly_labels_a_product_is_not_made_a_person_by_one_label(nlp: Language) -> None:
    text = "Buyers get a Zentrix Ultra. The Zentrix Ultra ships in May. Plug in Zentrix Ultra and play."
    docs = [labelled(
        nlp, "a0", text, ("Zentrix Ultra", "PRODUCT"), ("Zentrix Ultra", "NORP"), ("Zentrix Ultra", "PERSON"),
    )]
    assert [entity.type for entity in extract_entities(docs) if entity.name == "Zentrix Ultra"] != ["person"]


def test_a_given_name_after_a_person_noun_in_lower_case_is_a_person(nlp: Language) -> None:
    text = "The remarks echoed radio host Marta Quell's comments on the vote."
    docs = [labelled(nlp, "a0", text, ("Marta Quell", "ORG"))]
    assert named(extract_entities(docs), "Marta Quell").type == "person"


def test_a_body_after_a_person_noun_in_lower_case_stays_a_body(nlp: Language) -> None:
    text = "The deal helps rival Corvana Logistics more than anyone."
    docs = [labelled(nlp, "a0", text, ("Corvana Logistics", "ORG"))]
    assert named(extract_entities(docs), "Corvana Logistics").type == "organisation"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a noun for a work before the name
        ("The studio shipped the game Korrin Vale in May.", (("Korrin Vale", "PERSON"),)),
        # a noun for a product in apposition after it
        ("Critics praised Velmont Arc, a console with a bright screen.", (("Velmont Arc", "PERSON"),)),
        # the name is a work, by the verb "be"
        ("Players waited for years. Korrin Vale is a game about a lost city.", (("Korrin Vale", "PERSON"),)),
        # adjectives of a model between an article and the name
        ("Buyers chose the smaller, more portable Velmont Arc over the desktop.", (("Velmont Arc", "PERSON"),)),
        # or after a maker's possessive
        ("It beats Corvana's standalone Velmont Arc on price.", (("Corvana", "ORG"), ("Velmont Arc", "PERSON"))),
        # a last word that names a kind of product, as no one's surname does
        ("Buyers of the console also get Korrin Vale Edition free.", (("Korrin Vale Edition", "PERSON"),)),
        # a longer name opening with the whole name of a product the story describes
        ("Buyers chose the smaller Velmont Arc. Velmont Arc Mini costs less.",
         (("Velmont Arc", "PERSON"), ("Velmont Arc Mini", "PERSON"))),
        # or its last word alone
        ("Buyers chose the smaller Velmont Arc. Arc sold out by noon.", (("Velmont Arc", "PERSON"), ("Arc", "PERSON"))),
    ],
)
def test_a_name_the_story_describes_as_a_product_or_a_work_is_no_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert [entity.name for entity in extract_entities(docs) if entity.type == "person"] == []


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a role noun, not a work, is what the verb "be" says the person is
        ("Torvik Okonkwo is a game designer from the coast.", (("Torvik Okonkwo", "PERSON"),), "Torvik Okonkwo"),
        # a given name: the film is what the person starred in
        ("The film Nadia Okafor starred in opened on Monday.", (("Nadia Okafor", "PERSON"),), "Nadia Okafor"),
        # a surname of a person the story names in full
        ("Chidi Okonkwo spoke first. The book Okonkwo wrote sold well.",
         (("Chidi Okonkwo", "PERSON"), ("Okonkwo", "PERSON")), "Chidi Okonkwo"),
        # a name that says something is someone's, whatever the story sets beside it
        ("The new Okonkwo Adebayo said on Monday he would stay.", (("Okonkwo Adebayo", "PERSON"),), "Okonkwo Adebayo"),
        # the last word of a product's name that is a person's surname in the story
        ("Buyers chose the smaller Velmont Arc. Chidi Arc sold it. Arc said it sold out.",
         (("Velmont Arc", "PERSON"), ("Chidi Arc", "PERSON"), ("Arc", "PERSON")), "Chidi Arc"),
        # a person's possessive and a word of praise, not of a model
        ("Corvana's powerful Okonkwo Adebayo resigned.", (("Corvana", "ORG"), ("Okonkwo Adebayo", "PERSON")),
         "Okonkwo Adebayo"),
    ],
)
def test_a_person_beside_a_noun_for_a_work_or_after_adjectives_stays_a_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...], name: str
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), name).type == "person"


def test_a_persons_name_run_on_past_a_possessive_into_what_they_own_is_cut_there(nlp: Language) -> None:
    text = "The agency hired Orbex founder Tom Vakil’s Harlan Lander on Monday. Tom Vakil said he was pleased."
    docs = [labelled(nlp, "a0", text, ("Tom Vakil’s Harlan Lander", "PERSON"), ("Tom Vakil", "PERSON"))]
    people = [(entity.name, entity.aliases) for entity in extract_entities(docs) if entity.type == "person"]
    assert people == [("Tom Vakil", [])]


def test_a_body_the_story_names_alone_joins_no_person_whose_name_opens_with_it(nlp: Language) -> None:
    text = "Try Velmora Tarrin now. Velmora is a streaming service. Velmora launched on Monday. Velmora costs less."
    docs = [labelled(
        nlp, "a0", text, ("Velmora Tarrin", "PERSON"), ("Velmora", "ORG"), ("Velmora", "ORG"), ("Velmora", "ORG"),
    )]
    assert named(extract_entities(docs), "Velmora").type == "organisation"


def test_a_family_name_written_first_still_finds_its_person(nlp: Language) -> None:
    text = "Park Jiwon met the envoy on Monday. Later Park said the talks had gone well."
    docs = [labelled(nlp, "a0", text, ("Park Jiwon", "PERSON"), ("Park", "ORG"))]
    assert named(extract_entities(docs), "Park Jiwon").aliases == ["Park"]
    # Hard case: a given name the model labels an organisation more often is still the person's.
    text = "Her brother Dale Tarrow agreed to talk. Dale wrote to us. Dale said more. Dale left."
    docs = [labelled(nlp, "a0", text, ("Dale Tarrow", "PERSON"), ("Dale", "ORG"), ("Dale", "ORG"), ("Dale", "ORG"))]
    assert named(extract_entities(docs), "Dale Tarrow").aliases == ["Dale"]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a name alone between quote marks is a title ("the song called “X”"), not someone's name
        ("Everyone was humming “Kestrel” after the show. Critics called “Kestrel,” the best track.",
         (("Kestrel", "PERSON"), ("Kestrel", "PERSON"))),
        ("Fans hum “Kestrel.” The radio plays Kestrel every hour.",
         (("Kestrel", "PERSON"), ("Kestrel", "PERSON"))),
    ],
)
def test_a_name_quoted_alone_as_a_title_is_no_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert [entity.name for entity in extract_entities(docs) if entity.type == "person"] == []


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a nickname inside a person's name
        ("Boxer Tom “Kestrel” Vakil won the bout. Kestrel won again on Friday.",
         (("Kestrel", "PERSON"), ("Kestrel", "PERSON"))),
        # a name that says something
        ("“Kestrel,” Kestrel said when asked for her name.", (("Kestrel", "PERSON"), ("Kestrel", "PERSON"))),
    ],
)
def test_a_person_quoted_as_a_nickname_or_saying_stays_a_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), "Kestrel").type == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Fans can watch the Streamora documentary from Friday.",
        "Her upcoming Streamora special was shot in May.",
        "A viral Streamora post said the show was cancelled.",
    ],
)
def test_a_place_label_on_a_name_qualifying_a_programme_or_post_is_an_organisation(nlp: Language, text: str) -> None:
    docs = [labelled(nlp, "a0", text, ("Streamora", "GPE"))]
    assert named(extract_entities(docs), "Streamora").type == "organisation"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a place the story locates things in, whatever it qualifies
        ("The Harrowgate documentary was filmed in Harrowgate last spring.",
         (("Harrowgate", "GPE"), ("Harrowgate", "GPE"))),
        # a website's own section: no service's page
        ("Every shop needs a Harrowgate page.", (("Harrowgate", "GPE"),)),
    ],
)
def test_a_place_label_beside_a_page_or_on_a_located_name_stays_a_place(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), "Harrowgate").type == "place"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # "took to X to" do something: a network someone posts on
        ("Mira Sandoval took to Chirpr to thank her fans.", (("Mira Sandoval", "PERSON"), ("Chirpr", "PERSON"))),
        # a network's name between a possessive and what was posted there
        ("In her first Chirpr announcement, Mira Sandoval thanked her fans.",
         (("Chirpr", "PERSON"), ("Mira Sandoval", "PERSON"))),
    ],
)
def test_a_person_label_on_a_network_someone_posts_on_is_an_organisation(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    entities = extract_entities([labelled(nlp, "a0", text, *ents)])
    assert (named(entities, "Chirpr").type, named(entities, "Mira Sandoval").type) == ("organisation", "person")


def test_a_person_someone_took_to_stays_a_person(nlp: Language) -> None:
    text = "The new coach took to Okafor at once and played him every week."
    docs = [labelled(nlp, "a0", text, ("Okafor", "PERSON"))]
    assert named(extract_entities(docs), "Okafor").type == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Mira Sandoval turned to Chirpr to post a photo of the dog.",
        "Mira Sandoval turned to Chirpr on Sunday to share the news.",
    ],
)
def test_a_network_someone_turned_to_to_post_is_an_organisation(nlp: Language, text: str) -> None:
    entities = extract_entities([labelled(nlp, "a0", text, ("Mira Sandoval", "PERSON"), ("Chirpr", "PERSON"))])
    assert (named(entities, "Chirpr").type, named(entities, "Mira Sandoval").type) == ("organisation", "person")


def test_a_person_someone_turned_to_for_help_stays_a_person(nlp: Language) -> None:
    text = "The new coach turned to Okafor when the team was losing."
    docs = [labelled(nlp, "a0", text, ("Okafor", "PERSON"))]
    assert named(extract_entities(docs), "Okafor").type == "person"


@pytest.mark.parametrize(
    "text",
    [
        "The second season of the drama will air on Streamora in June.",
        "Fans can stream every episode on Streamora from Friday.",
        "One user on Streamora called the ending a disgrace.",
        "The ministry posted the clip on Streamora, a video site.",
    ],
)
def test_a_place_label_on_a_service_something_is_shown_on_is_an_organisation(nlp: Language, text: str) -> None:
    docs = [labelled(nlp, "a0", text, ("Streamora", "GPE"))]
    assert named(extract_entities(docs), "Streamora").type == "organisation"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a target of pressure or an attack
        ("The allies kept up the pressure on Harrowgate.", (("Harrowgate", "GPE"),)),
        # a world things happen on
        ("The probe found lakes on Harrowgate and landed on Harrowgate in June.",
         (("Harrowgate", "GPE"), ("Harrowgate", "GPE"))),
        # a place the story locates things in
        ("The film premiered on Harrowgate before its run in Harrowgate.",
         (("Harrowgate", "GPE"), ("Harrowgate", "GPE"))),
    ],
)
def test_a_place_label_after_on_stays_a_place_unless_something_is_shown_there(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), "Harrowgate").type == "place"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Tova Brask, who represents the driver, said his client was innocent.", (("Tova Brask", "ORG"),)),
        ("Dario — who goes by his first name online — retired early.", (("Dario", "GPE"),)),
        ("Okafor, who founded the firm in 2001, said she would stay.", (("Okafor", "ORG"),)),
    ],
)
def test_a_name_someone_writes_who_and_a_personal_pronoun_after_is_a_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    name = ents[0][0]
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), name).type == "person"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a team is "who" in British English, with a plural verb
        ("Harrowgate, who have won the cup twice, sacked their manager.", (("Harrowgate", "ORG"),)),
        # "who" of someone else named after the body
        ("Corvana said the driver, who lost his job, would be paid.", (("Corvana", "ORG"),)),
    ],
)
def test_a_body_with_who_of_a_team_or_of_someone_else_stays_a_body(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    name = ents[0][0]
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), name).type == "organisation"


def test_a_person_someone_turned_to_to_do_something_stays_a_person(nlp: Language) -> None:
    text = "The coach turned to Okafor to lead the attack."
    docs = [labelled(nlp, "a0", text, ("Okafor", "PERSON"))]
    assert named(extract_entities(docs), "Okafor").type == "person"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Rival Brantley's was also lower after the results.", (("Brantley's", "PERSON"),)),
        ("Shares of Brantley’s fell, and Brantley’s reports earnings on Wednesday.",
         (("Brantley’s", "PERSON"), ("Brantley’s", "PERSON"))),
    ],
)
def test_a_name_always_written_with_a_possessive_that_owns_nothing_is_a_firm(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), "Brantley").type == "organisation"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # a possessive that owns something, and the name written bare
        ("Brantley's plan failed. Brantley said he would try again.", (("Brantley", "PERSON"), ("Brantley", "PERSON"))),
        # a bare mention elsewhere makes a person of an elliptical possessive
        ("Her answer was short, but Brantley's was long. Brantley later resigned.",
         (("Brantley", "PERSON"), ("Brantley", "PERSON"))),
    ],
)
def test_a_person_written_with_a_possessive_stays_a_person(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), "Brantley").type == "person"


def test_a_speaker_labelled_a_body_whom_the_next_sentence_calls_he_is_a_person(nlp: Language) -> None:
    text = "The repairs were late, Brask said on Monday. He said the crew would return in May."
    docs = [labelled(nlp, "a0", text, ("Brask", "ORG"))]
    assert named(extract_entities(docs), "Brask").type == "person"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # "he" has a person to stand for before the body spoke
        ("Ann Lee runs the firm. Corvana said the repairs were late. She said the crew would return.",
         (("Ann Lee", "PERSON"), ("Corvana", "ORG"))),
        # an acronym is a body's
        ("The launch slipped, NASDA said on Monday. He said the crew would return in May.", (("NASDA", "ORG"),)),
        # no person's pronoun after it
        ("The repairs were late, Corvana said on Monday. It said the crew would return in May.", (("Corvana", "ORG"),)),
    ],
)
def test_a_speaking_body_keeps_its_kind_when_a_pronoun_has_another_person_or_none(
    nlp: Language, text: str, ents: tuple[tuple[str, str], ...]
) -> None:
    name = ents[-1][0]
    docs = [labelled(nlp, "a0", text, *ents)]
    assert named(extract_entities(docs), name).type == "organisation"


def test_a_name_listed_among_numbered_titles_is_no_person(nlp: Language) -> None:
    text = "The bundle includes Dustfall 2, Grimhold, Quarry Rush 2020, Vantorr and Pale Sky 3."
    docs = [labelled(nlp, "a0", text, ("Grimhold", "PERSON"), ("Vantorr", "PERSON"))]
    assert not [entity.name for entity in extract_entities(docs) if entity.type == "person"]


@pytest.mark.parametrize(
    "text",
    [
        # a line of scores names players in clauses, not titles
        "Rovers 4, Harriers 1: Okafor scored twice, Brask made 30 saves and Lakeside beat Elmwood.",
        # a person's name in a list of numbered things opens with a given name
        "The panel included Dustfall 2, Quarry Rush 2020, Pale Sky 3 and Ann Okafor.",
    ],
)
def test_a_person_in_a_line_with_numbers_stays_a_person(nlp: Language, text: str) -> None:
    name = "Okafor" if "Ann" not in text else "Ann Okafor"
    docs = [labelled(nlp, "a0", text, (name, "PERSON"))]
    assert named(extract_entities(docs), name).type == "person"
