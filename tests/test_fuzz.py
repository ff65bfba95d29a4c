"""Property-based tests: generated inputs through ingest, cleaning, claim extraction and brief building.

No exception may escape a stage (a bad input is a ``Skipped`` or an ``InputError`` with a reason), and every
brief must be valid against the JSON contract: the record types of ``corroborate.records`` and the rules of
docs/brief.md. Example counts are small so the suite stays fast; the models load once for the module.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate import pipeline
from corroborate.clean import clean, rejoin_clitics
from corroborate.errors import InputError
from corroborate.extract import extract
from corroborate.ingest import documents_from_bytes
from corroborate.records import Article, Brief, RawDocument, Skipped
from corroborate.sentences import parse_articles
from corroborate.store import Store

# Timeline dates are days, ISO weeks, months or years (claims.when); article dates are days.
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")
STATUSES = {"corroborated", "single_source", "contradicted"}

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODEL = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BRIEF = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---- the JSON contract ---------------------------------------------------------------------------------------


def check_value(value: object, expected: Any, where: str) -> None:
    """``value`` (decoded JSON) is of the annotated type ``expected``; dataclasses are checked field by field."""
    origin = typing.get_origin(expected)
    if expected is Any:
        return
    if dataclasses.is_dataclass(expected):
        check_record(value, expected, where)
    elif origin in (typing.Union, types.UnionType):
        errors = []
        for option in typing.get_args(expected):
            try:
                check_value(value, option, where)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{where}: {value!r} matches none of {expected}: {errors}")
    elif origin is Literal:
        assert value in typing.get_args(expected), f"{where}: {value!r} not one of {typing.get_args(expected)}"
    elif origin is list:
        assert isinstance(value, list), f"{where}: expected a list, got {value!r}"
        (item_type,) = typing.get_args(expected)
        for index, item in enumerate(value):
            check_value(item, item_type, f"{where}[{index}]")
    elif expected is type(None):
        assert value is None, f"{where}: expected null, got {value!r}"
    elif expected is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}: {value!r} is no number"
    elif expected is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r} is no integer"
    else:
        assert isinstance(value, expected), f"{where}: expected {expected}, got {value!r}"


def check_record(value: object, cls: type, where: str) -> None:
    assert isinstance(value, dict), f"{where}: expected an object for {cls.__name__}, got {value!r}"
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        assert field.name in value, f"{where}: {cls.__name__} lacks {field.name!r}"
        check_value(value[field.name], hints[field.name], f"{where}.{field.name}")


def assert_brief_contract(data: Mapping[str, Any]) -> None:
    """``data`` (a brief as JSON) keeps the contract: the record types, and ids that point at its articles."""
    data = json.loads(json.dumps(data))  # exactly what a client reads
    check_record(data, Brief, "brief")
    assert data["story"]["title"].strip(), "the story has no title"
    ids = {article["id"] for article in data["articles"]}
    assert len(ids) == len(data["articles"]), "an article is listed twice"
    for article in data["articles"]:
        assert article["published"] is None or ISO_DAY.match(article["published"]), article["published"]
    cited = [(f"claims[{n}]", c["sources"], c["evidence"]) for n, c in enumerate(data["claims"])]
    cited += [
        (f"contradictions[{n}]", p["sources"], p["evidence"])
        for n, c in enumerate(data["contradictions"])
        for p in c["positions"]
    ]
    for where, sources, evidence in cited:
        assert sources and set(sources) <= ids, f"{where}: sources {sources} are not the brief's articles"
        assert {e["article"] for e in evidence} <= ids, f"{where}: evidence from an unknown article"
        assert all(e["quote"].strip() for e in evidence), f"{where}: an empty quote"
    for claim in data["claims"]:
        assert claim["status"] in STATUSES and claim["text"].strip()
        assert claim["evidence"], f"claim {claim['text']!r} has no evidence"
    for name in ("entities", "timeline"):
        for item in data[name]:
            assert set(item["sources"]) <= ids, f"{name}: {item}"
    for event in data["timeline"]:
        # The contract: a day or nothing; a coarser date is the event's period.
        assert event["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["date"]), event["date"]
        assert event["period"] is None or ISO_PERIOD.match(event["period"]), event["period"]
    assert {item["article"] for item in data["removed"]} <= ids
    for group in data["duplicates"]:
        assert {group["canonical"], *group["copies"]} <= ids


def assert_quotes_are_in_the_articles(brief: Brief, articles: Mapping[str, Article]) -> None:
    """Every evidence quote is the article's own text, at its stated offset when it has one."""
    evidence = [e for claim in brief.claims for e in claim.evidence]
    evidence += [e for c in brief.contradictions for p in c.positions for e in p.evidence]
    for item in evidence:
        text = articles[item.article].text
        if item.start is not None:
            assert text[item.start : item.start + len(item.quote)] == item.quote, item
        else:
            assert item.quote in text, item


# ---- generated articles --------------------------------------------------------------------------------------

FIRST = ("Maria", "John", "Aiko", "Olu", "Sergei", "Ana", "Pierre", "Li")
LAST = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Silva", "Brennan")
PLACES = ("Norland", "the port city of Vell", "Eastbrook", "the capital", "Riverton", "the northern province")
THINGS = ("budget", "bridge", "treaty", "election", "strike", "flood defences", "trade deal", "summit")
TEMPLATES = (
    "{person} said the {thing} would be signed in {place} on {date}.",
    "Officials in {place} confirmed that {number} people attended the {thing} talks.",
    "\u201cWe will not accept this {thing},\u201d {person} told reporters on {date}.",
    "The {thing} did not pass, according to {person}, a spokesperson for {place}.",
    "{person}, the minister of {thing} affairs, met {other} in {place} last week.",
    "About {number} million dollars were set aside for the {thing}, {person} said.",
    "The {thing} was cancelled after {other} called it \"a serious mistake\".",
    "Talks on the {thing} are expected to resume in {place} within {number} days.",
    "{place} reported that the {thing} was approved by {number} votes to {small}.",
)
JUNK = (
    "Share this article", "Also read: Ten things to know about the weekend", "We use cookies to improve your visit.",
    "Subscribe to our newsletter", "Home \u00bb World \u00bb Europe", "Tags: politics, economy", "By Staff Reporter",
    "Advertisement", "Published on 3 March 2024", "Celebrity chef opens seaside restaurant",
)
DATES = ("Monday", "March 3, 2024", "2 May 2023", "last Friday", "October 16", "yesterday", "14/02/2022")

people = st.builds(lambda first, last: f"{first} {last}", st.sampled_from(FIRST), st.sampled_from(LAST))
sentences = st.builds(
    lambda template, person, other, place, thing, date, number, small: template.format(
        person=person, other=other, place=place, thing=thing, date=date, number=number, small=small
    ),
    st.sampled_from(TEMPLATES), people, people, st.sampled_from(PLACES), st.sampled_from(THINGS),
    st.sampled_from(DATES), st.integers(2, 5000), st.integers(0, 40),
)
# Noise a scraped page carries: odd Unicode, stray markup, very long tokens, control characters.
noise = st.one_of(
    st.text(max_size=40),
    st.sampled_from(("<b>", "&amp;", "\u00a0", "\u200b", "\t", "\ufeff", "x" * 300, "\x07", "\u202e", "...")),
)
paragraphs = st.lists(
    st.one_of(sentences, sentences, sentences, st.builds(lambda s, n: f"{s} {n}", sentences, noise)),
    min_size=1, max_size=3,
).map(" ".join)
lines = st.one_of(paragraphs, paragraphs, paragraphs, st.sampled_from(JUNK), noise)
article_texts = st.builds(
    lambda headline, body: headline + "\n\n" + "\n\n".join(body),
    st.one_of(st.sampled_from(THINGS).map(lambda t: f"Leaders clash over {t} plan"), noise),
    st.lists(lines, min_size=1, max_size=10),
)


def html_page(title: str, body: list[str], charset: str) -> str:
    paragraphs_html = "".join(f"<p>{line}</p>\n" for line in body)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs_html}</article>"
        f"<footer>Share this article</footer></body></html>"
    )


html_pages = st.builds(
    html_page, st.sampled_from(THINGS).map(lambda t: f"Leaders clash over {t}"), st.lists(lines, max_size=8),
    st.sampled_from(("utf-8", "iso-8859-1", "windows-1252", "bogus-charset")),
)


# ---- ingest ----------------------------------------------------------------------------------------------------


def jsonl_bytes(records: list[object], broken: list[str]) -> bytes:
    return ("\n".join([json.dumps(r) for r in records] + broken) + "\n").encode("utf-8", "surrogatepass")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
records = st.one_of(
    st.fixed_dictionaries({"text": article_texts}, optional={"title": json_values, "url": json_values,
                                                             "published": json_values, "source": json_values}),
    st.fixed_dictionaries({"html": html_pages}, optional={"text": json_values}),
    json_values,
)
uploads = st.one_of(
    st.tuples(st.sampled_from(("page.html", "page", "page.htm")), html_pages.map(lambda p: p.encode("utf-8"))),
    st.tuples(st.sampled_from(("story.txt", "story", "story.text")), article_texts.map(lambda t: t.encode("utf-8"))),
    st.tuples(
        st.sampled_from(("feed.jsonl", "feed", "feed.ndjson")),
        st.builds(jsonl_bytes, st.lists(records, max_size=4), st.lists(st.text(max_size=20), max_size=2)),
    ),
    st.tuples(st.sampled_from(("crawl.warc", "feed.json", "x.html", "x.txt")), st.binary(max_size=300)),
)


@FAST
@given(upload=uploads, compress=st.booleans())
def test_ingest_yields_documents_or_named_skips_for_any_upload(upload: tuple[str, bytes], compress: bool) -> None:
    name, data = upload
    if compress:
        name, data = name + ".gz", gzip.compress(data)

    for item in documents_from_bytes(name, data):
        assert isinstance(item, RawDocument | Skipped)
        assert item.origin.startswith(name)
        if isinstance(item, Skipped):
            assert item.reason.strip()
        else:
            assert item.content.strip()


# ---- extraction and cleaning ---------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    return " ".join(text.split())


@FAST
@given(text=article_texts)
def test_cleaning_text_loses_nothing_and_raises_only_input_errors(text: str) -> None:
    doc = RawDocument(origin="generated.txt", kind="text", content=text)
    try:
        page = extract(doc)
    except InputError as error:
        assert error.origin == "generated.txt" and error.reason
        return
    cleaned = clean(page)

    kept = {squeeze(line) for line in cleaned.text.split("\n")}
    removed = {squeeze(span.text) for span in cleaned.removed}
    for line in page.text.split("\n"):
        if line.strip():
            assert squeeze(rejoin_clitics(line)) in kept | removed, f"line lost by cleaning: {line!r}"
    assert all(span.reason for span in cleaned.removed)


@FAST
@given(page=html_pages)
def test_extracting_generated_html_gives_an_article_or_a_reason(page: str) -> None:
    doc = RawDocument(origin="generated.html", kind="html", content=page)
    try:
        article = pipeline.build_article(doc)
    except InputError as error:
        assert error.origin == "generated.html" and error.reason
        return
    assert article.text.strip() and "<p>" not in article.text
    assert article.id == pipeline.content_id(page)


# ---- claims ------------------------------------------------------------------------------------------------------


def build_articles(texts: list[str], outlets: list[str]) -> list[Article]:
    articles = []
    for number, (text, outlet) in enumerate(zip(texts, outlets, strict=False)):
        doc = RawDocument(origin=f"gen-{number}.txt", kind="text", content=text, source=outlet)
        try:
            articles.append(pipeline.build_article(doc))
        except InputError:
            continue
    return list({article.id: article for article in articles}.values())


outlet_names = st.lists(st.sampled_from(("Herald", "Gazette", "Wire", "Courier", "Post")), min_size=4, max_size=4)


@MODEL
@given(texts=st.lists(article_texts, min_size=1, max_size=3), outlets=outlet_names)
def test_claims_stage_never_raises_and_cites_the_articles(texts: list[str], outlets: list[str]) -> None:
    articles = build_articles(texts, outlets)
    if not articles:
        return
    docs = parse_articles(articles)

    findings, quotes = pipeline.find_claims(articles, docs)

    by_id = {article.id: article for article in articles}
    for quote in quotes:
        assert quote.article in by_id and quote.sentence in by_id[quote.article].text
        assert by_id[quote.article].text[quote.start : quote.start + len(quote.sentence)] == quote.sentence
    for contradiction in findings.contradictions:
        assert len(contradiction.positions) >= 2 and contradiction.subject
        for position in contradiction.positions:
            assert set(position.sources) <= set(by_id)
            for evidence in position.evidence:
                assert evidence.quote in by_id[evidence.article].text
    for entity in findings.entities:
        assert entity.name.strip() and set(entity.sources) <= set(by_id)


# ---- the brief ----------------------------------------------------------------------------------------------------


@BRIEF
@given(texts=st.lists(article_texts, min_size=1, max_size=4), outlets=outlet_names)
def test_any_brief_keeps_the_json_contract(texts: list[str], outlets: list[str]) -> None:
    articles = build_articles(texts, outlets)
    if not articles:
        return
    with Store(":memory:") as store:
        store.add_articles(articles)
        brief = pipeline.build_brief(store, [article.id for article in articles])

    assert_brief_contract(brief.to_json())
    assert_quotes_are_in_the_articles(brief, {article.id: article for article in articles})
    assert {ref.id for ref in brief.articles} == {article.id for article in articles}


def test_the_contract_check_catches_a_broken_brief() -> None:
    good = {
        "story": {"title": "T", "id": None, "other_stories": 0},
        "articles": [{"id": "a", "origin": "o", "source": "s", "title": None, "published": None, "url": None}],
        "claims": [], "contradictions": [], "entities": [], "timeline": [], "removed": [], "sources": [],
        "duplicates": [],
    }
    assert_brief_contract(good)
    broken = [
        {**good, "claims": [{"text": "x", "status": "maybe", "sources": ["a"], "evidence": []}]},
        {**good, "articles": [{**good["articles"][0], "published": "yesterday"}]},
        {**good, "removed": [{"article": "nope", "text": "x", "reason": "r"}]},
        {key: value for key, value in good.items() if key != "timeline"},
    ]
    for data in broken:
        with pytest.raises(AssertionError):
            assert_brief_contract(data)
