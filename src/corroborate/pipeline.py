"""The one orchestrator: every way in (CLI, web app, Spark job) runs the stages through these functions.

1. ``ingest``: read inputs (``ingest.iter_documents``) into ``RawDocument`` records, streaming;
2. ``build_article``: extract main text and metadata (``extract``), take page junk out and keep it
   (``clean``), name the outlet, hash the content;
3. store each batch of articles in one transaction, so a kill never loses what was committed;
4. ``build_brief``: split sentences, align statements across outlets (``align``), and assemble the brief.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from corroborate import align, brief
from corroborate.claims.characterisations import (
    characterisation_contradictions,
    extract_characterisations,
    extract_novelty,
    extract_state_changes,
    novelty_contradictions,
    state_contradictions,
)
from corroborate.claims.entities import EntityResolver, extract_entities, with_opening_subject_named
from corroborate.claims.numbers import extract_quantities, number_contradictions
from corroborate.claims.quotes import (
    RelayedQuote,
    cited_origins,
    extract_quotes,
    quote_contradictions,
    relayed_quotes,
    shared_terms,
    story_outlets,
    with_shared_terms,
    wording_contradictions,
)
from corroborate.claims.roles import (
    extract_leaderships,
    extract_roles,
    leadership_contradictions,
    person_roles,
    role_contradictions,
)
from corroborate.claims.when import SentenceVectors, build_timeline, date_contradictions, extract_dates, story_anchor
from corroborate.clean import clean
from corroborate.cluster import load_story_index, placed_originals, save_story_index
from corroborate.dedup import load_duplicate_groups, load_duplicate_index, originals, save_signatures
from corroborate.errors import InputError, NothingReadError, UnknownStoryError
from corroborate.extract import extract, host_outlet, language_of
from corroborate.ingest import iter_documents
from corroborate.limits import build_articles
from corroborate.records import Article, Brief, Claim, Quote, RawDocument, Sentence, Skipped, Story
from corroborate.sentences import parse_articles, split_sentences
from corroborate.settings import DEFAULT_SETTINGS, Settings
from corroborate.store import Store

log = logging.getLogger(__name__)

SkipHandler = Callable[[Skipped], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: articles newly stored, articles already stored, inputs skipped and why."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Article ids in input order, each once: the articles these inputs hold, new or not.
    article_ids: list[str] = field(default_factory=list)


def content_id(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of the clean text with case and spacing normalised: same words, same hash."""
    normalised = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def outlet_name(doc: RawDocument, page_source: str | None, url: str | None) -> str:
    """The outlet: as the input states it, else as the page names itself, else the URL's host, else the file."""
    for candidate in (doc.source, page_source):
        if candidate and candidate.strip():
            return candidate.strip()
    return host_outlet(url) or Path(doc.origin.split("#", 1)[0]).stem or doc.origin


def build_article(doc: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """Extract, clean and identify one document; raises ``InputError`` when it holds no article text."""
    page = clean(extract(doc, settings), settings)
    text = page.text.strip()
    if not text:
        raise InputError(doc.origin, "no article text found on the page")
    if len(text.split()) >= settings.extract.language_min_words:
        language = language_of(text)
        if language not in settings.extract.languages:
            raise InputError(doc.origin, f"the article is in {language!r}, not English: corroborate reads English news")
    url = doc.url or page.url
    return Article(
        id=content_id(doc.content),
        origin=doc.origin,
        source=outlet_name(doc, page.source, url),
        title=doc.title or page.title,
        author=doc.author or page.author,
        published=doc.published or page.published,
        text=text,
        raw=doc.content,
        url=url,
        text_hash=text_hash(text),
        removed=page.removed,
    )


def article_or_skip(doc: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Article | Skipped:
    """``build_article``, with any failure turned into a ``Skipped`` that keeps the reason."""
    try:
        return build_article(doc, settings)
    except InputError as error:
        return Skipped(error.origin, error.reason)
    except Exception as error:  # one bad page must never stop a crawl; its reason is kept
        log.debug("extraction failed for %s", doc.origin, exc_info=True)
        return Skipped(doc.origin, f"extraction failed: {type(error).__name__}: {error}")


def ingest_documents(
    items: Iterable[RawDocument | Skipped],
    store: Store,
    settings: Settings = DEFAULT_SETTINGS,
    on_skip: SkipHandler | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Build and store articles from documents, committing every ``commit_every``; skips are recorded."""
    report = IngestReport()
    batch: list[Article] = []
    seen: dict[str, str] = {}  # article id -> origin of its first copy in this run
    copies: list[tuple[str, str]] = []  # (origin, article id) of later copies

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        store.record_skipped([item])
        if on_skip is not None:
            on_skip(item)

    def flush() -> None:
        result = store.add_articles(batch)
        report.added.extend(result.added)
        report.existing.extend(result.existing)
        batch.clear()

    def fresh(stream: Iterable[RawDocument | Skipped]) -> Iterator[RawDocument | Skipped]:
        """The documents that need extracting; those read before are counted here and go no further."""
        for item in stream:
            if progress is not None:
                progress(1)
            if isinstance(item, Skipped):
                yield item
                continue
            article_id = content_id(item.content)
            if article_id in seen:
                # Met earlier in this run: settled once the first copy's extraction is known.
                copies.append((item.origin, article_id))
                continue
            seen[article_id] = item.origin
            if store.has_article(article_id):
                # Stored by an earlier run: never extracted or added twice, but counted, and its origin kept.
                report.existing.append(article_id)
                report.article_ids.append(article_id)
                store.add_origin(item.origin, article_id)
                continue
            yield item

    # Extraction runs in worker processes with a deadline per page: one pathological page cannot stall a crawl.
    for result in build_articles(fresh(items), settings, settings.ingest.workers):
        if isinstance(result, Skipped):
            skip(result)
            continue
        report.article_ids.append(result.id)
        batch.append(result)
        if len(batch) >= settings.ingest.commit_every:
            flush()
    flush()
    read = set(report.article_ids)
    for origin, article_id in copies:
        if article_id in read:
            report.existing.append(article_id)
            store.add_origin(origin, article_id)
        else:
            skip(Skipped(origin, f"same content as {seen[article_id]}, which could not be read"))
    organise(store, settings)
    return report


def organise(store: Store, settings: Settings = DEFAULT_SETTINGS) -> int:
    """Group copies and assign stories for every stored article that has no story yet; returns how many.

    Runs after each ingest, and finds its work from the store itself, so an ingest killed between storing
    articles and clustering them is completed by the next run. Only originals are clustered: a copy joins the
    story of the original of the first article it copies (``find_copies``), whether stored before or new in this
    batch.
    """
    stories = load_story_index(store, settings)
    pending = [article_id for article_id in store.article_ids() if stories.story_of(article_id) is None]
    if not pending:
        return 0
    articles = store.get_articles(pending)
    stories.assign(articles, find_copies(store, articles, settings))
    save_story_index(stories, store)
    return len(articles)


def find_copies(store: Store, articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS) -> dict[str, str]:
    """Dedup ``articles`` against every stored one and keep their signatures and groups; returns each one that
    copies an article stored or met before it, with the original whose story it takes (``dedup.originals``): the
    original of the first article it copies, stored or new.

    The first article it copies, not its group's canonical (earliest published) one nor its group's first article:
    the canonical changes when an earlier dated copy arrives later, and the group's first article when a later
    article copying two texts links their groups; the first article it copies never does, so a story once assigned
    does not move, and ingesting in several runs gives the stories of one run over the same inputs in the same
    order.
    """
    index = load_duplicate_index(store, settings)
    index.add(articles)
    save_signatures(index, store)
    placed = placed_originals(store)
    return originals(index.copied(article.id for article in articles), placed)


def duplicates_of(
    store: Store, settings: Settings = DEFAULT_SETTINGS, among: Collection[str] | None = None
) -> dict[str, str]:
    """Each stored copy's original: the canonical article of its duplicate group. With ``among`` (the articles of
    one brief), only those articles, each group's canonical one among them: a group whose texts went to several
    stories is one voice in each, named by an article the brief holds."""
    found: dict[str, str] = {}
    for group in load_duplicate_groups(store, settings):
        # Members in canonical order: earliest published first.
        members = group.members if among is None else [member for member in group.members if member in among]
        found.update((copy, members[0]) for copy in members[1:])
    return found


def ingest(
    inputs: Sequence[str | Path],
    store: Store,
    settings: Settings = DEFAULT_SETTINGS,
    on_skip: SkipHandler | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read every input (folders recursively, text, HTML, WARC, JSONL) into the store."""
    return ingest_documents(iter_documents(inputs, settings), store, settings, on_skip, progress)


def build_brief(
    store: Store,
    article_ids: Sequence[str],
    settings: Settings = DEFAULT_SETTINGS,
    duplicate_of: Mapping[str, str] | None = None,
) -> Brief:
    """The brief of the story that ``article_ids`` tell; ``duplicate_of`` maps each copy to its original.

    One spaCy parse per article feeds everything: sentences, entities, quotes, roles, numbers, dates. Quotes
    relayed by several outlets anchor the alignment; contradictions then settle each claim's status.
    """
    articles = store.get_articles(article_ids)
    if not articles:
        raise NothingReadError("no articles to brief: every input was skipped or empty")
    duplicate_of = duplicate_of or {}
    docs = parse_articles(articles, settings)
    sentences = split_sentences(articles, settings, docs)
    statements = align.statements(sentences, settings)
    findings, quotes = find_claims(articles, docs, settings)
    anchors = quote_anchors(statements, relayed_quotes(quotes, settings))
    groups = align.group_statements(
        statements, settings, docs, anchors, findings.canonical, findings.contradictions, findings.cited_origins
    )
    outlet_of = {article.id: article.source for article in articles}
    findings.contradictions += align.negation_contradictions(groups, docs, outlet_of, settings)
    # After the negation check: sentences sharing a quoted word share nothing else it could compare.
    terms = shared_terms([(article, docs[article.id]) for article in articles], statements, settings)
    groups = with_shared_terms(terms, statements, groups)
    claims = align.claims_from_groups(
        groups, {article.id: article for article in articles}, duplicate_of, findings.contradictions
    )
    align.settle(claims, duplicate_of=duplicate_of, cited_origins=findings.cited_origins, settings=settings)
    name_opening_subjects(claims, docs, findings.canonical, settings)
    return brief.assemble(articles, claims, findings, duplicate_of)


def find_claims(
    articles: Sequence[Article], docs: Mapping[str, Doc], settings: Settings = DEFAULT_SETTINGS
) -> tuple[brief.StoryFindings, list[Quote]]:
    """The claims stage: entities, roles, quotes, numbers, dates, characterisations, and their contradictions."""
    pairs = [(article, docs[article.id]) for article in articles]
    outlet_of = {article.id: article.source for article in articles}
    entities = extract_entities(pairs, settings)
    resolver = EntityResolver(entities, settings)
    anchor = story_anchor(articles)
    dates = {article.id: extract_dates(article, doc, anchor, settings) for article, doc in pairs}
    quantities = [q for article, doc in pairs for q in extract_quantities(article, doc, dates[article.id])]
    characterisations = [
        c for article, doc in pairs for c in extract_characterisations(article, doc, resolver.canonical)
    ]
    novelty = [c for article, doc in pairs for c in extract_novelty(article, doc, resolver.canonical)]
    states = [c for article, doc in pairs for c in extract_state_changes(article, doc, resolver.canonical)]
    outlets = story_outlets(pairs, resolver)
    quotes = extract_quotes(pairs, resolver, settings, outlets)
    # An outlet the story shows by "X reported" is no person, though the model may take its one word for a surname.
    for entity in entities:
        if entity.type == "person" and entity.name in outlets:
            entity.type = "organisation"
    attributed: dict[str, list[int]] = {}
    for quote in quotes:
        if quote.attribution is not None or quote.origins:
            attributed.setdefault(quote.article, []).append(quote.start)
    roles = extract_roles(pairs, resolver, settings)
    roles_of = person_roles(roles)
    for entity in entities:
        entity.roles = roles_of.get(entity.name, []) if entity.type == "person" else []
    date_vectors = SentenceVectors()  # the date contradictions' texts, reused by the timeline
    contradictions = [
        *role_contradictions(roles),
        *quote_contradictions(quotes, settings),
        *number_contradictions(quantities, settings),
        *date_contradictions([m for mentions in dates.values() for m in mentions], settings, date_vectors),
        *characterisation_contradictions(characterisations, outlet_of, settings),
        *novelty_contradictions(novelty, outlet_of),
        *state_contradictions(states, outlet_of),
        *leadership_contradictions(extract_leaderships(pairs, resolver)),
        *wording_contradictions(quotes, settings),
    ]
    findings = brief.StoryFindings(
        contradictions=contradictions,
        entities=entities,
        timeline=build_timeline(dates, settings, date_vectors),
        attributed=attributed,
        cited_origins=lambda sentence: cited_origins(sentence, resolver),
        canonical=resolver.canonical,
    )
    return findings, quotes


def name_opening_subjects(
    claims: Sequence[Claim],
    docs: Mapping[str, Doc],
    canonical: Callable[[str, str | None], str | None],
    settings: Settings = DEFAULT_SETTINGS,
) -> None:
    """Each claim shown by one of its sentences names whom that sentence's opening "he" or "she" stands for."""
    for claim in claims:
        shown = next((evidence for evidence in claim.evidence if evidence.quote == claim.text), None)
        if shown is None or shown.start is None:
            continue
        sentence = docs[shown.article].char_span(shown.start, shown.start + len(shown.quote))
        if sentence is None or sentence.text != claim.text:
            continue
        claim.text = with_opening_subject_named(
            sentence,
            lambda person, article=shown.article: canonical(person.text, article),
            settings.claims.pronoun_lookback_sentences,
        )


#: Characters a quote's sentence may start before its statement: the opening quotation mark and a space.
_QUOTE_MARK_SLACK = 2


def quote_anchors(statements: Sequence[Sentence], relayed: Sequence[RelayedQuote]) -> list[list[int]]:
    """For each quote that several outlets relay, the statements that carry it."""
    by_article: dict[str, list[int]] = {}
    for index, statement in enumerate(statements):
        by_article.setdefault(statement.article_id, []).append(index)
    anchors = []
    for group in relayed:
        if len(group.outlets) < 2:
            continue
        members = []
        for quote in group.quotes:
            # The statement holding the quote's sentence start (give or take its opening quotation mark); none
            # when that sentence is no statement: the statement before it says something else.
            holding = [
                index for index in by_article.get(quote.article, [])
                if statements[index].start - _QUOTE_MARK_SLACK <= quote.start
                < statements[index].start + len(statements[index].text)
            ]
            if holding:
                members.append(max(holding, key=lambda index: statements[index].start))
        anchors.append(members)
    return anchors


def list_stories(store: Store, settings: Settings = DEFAULT_SETTINGS) -> list[Story]:
    """Every story in the store, largest first."""
    return [
        Story(
            id=story.id, title=story.title, article_ids=list(story.article_ids), sources=sorted(story.sources),
            first_published=story.first, last_published=story.last,
        )
        for story in load_story_index(store, settings).stories()
    ]


def story_brief(store: Store, story_id: str, settings: Settings = DEFAULT_SETTINGS) -> Brief:
    """The brief of one stored story, by id."""
    for story in list_stories(store, settings):
        if story.id == story_id:
            result = build_brief(store, story.article_ids, settings,
                                 duplicates_of(store, settings, set(story.article_ids)))
            # The list's title and the brief's agree, so a reader recognises the story they opened.
            result.story.id, result.story.title = story.id, story.title
            return result
    raise UnknownStoryError(f"no story {story_id!r} in {store.path}; `corroborate stories` lists them")


def brief_inputs(store: Store, report: IngestReport, settings: Settings = DEFAULT_SETTINGS) -> Brief:
    """The brief of the largest story among an ingest's articles, saying how many other stories they hold."""
    index = load_story_index(store, settings)
    by_story: dict[str, list[str]] = {}
    for article_id in report.article_ids:
        by_story.setdefault(index.story_of(article_id) or article_id, []).append(article_id)
    story_id, article_ids = max(by_story.items(), key=lambda item: len(item[1]))
    result = build_brief(store, article_ids, settings, duplicates_of(store, settings, set(article_ids)))
    result.story.id = story_id if story_id not in article_ids else None
    result.story.other_stories = len(by_story) - 1
    return result
