"""Shared test fixtures: where the shared data lies, and temporary stores."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.claims.entities import EntityResolver, extract_entities
from corroborate.claims.numbers import Quantity, extract_quantities
from corroborate.claims.quotes import extract_quotes
from corroborate.cluster import ArticleFeatures, StoryIndex
from corroborate.nlp import spacy_pipeline
from corroborate.records import Article, Quote

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SHARED = Path(os.environ.get("CORROBORATE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when the shared data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set CORROBORATE_SHARED to its folder)")
    return path


def quotes_of(nlp: Language, *texts: str) -> list[Quote]:
    """The quotes of one article per text (outlet0, outlet1, ...), with the speakers the story's entities give."""
    docs = [
        (Article(f"a{i}", f"a{i}.txt", f"outlet{i}", None, None, None, text, text), nlp(text))
        for i, text in enumerate(texts)
    ]
    return extract_quotes(docs, EntityResolver(extract_entities(docs)))


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's spaCy pipeline, loaded once per test module."""
    return spacy_pipeline()


def speaker_of(quotes: list[Quote], words: str) -> str | None:
    """The speaker of the first quote holding ``words``, or None when it names none."""
    quote = next(quote for quote in quotes if words in quote.text)
    return quote.attribution.speaker if quote.attribution else None


def quantities_of(nlp: Language, texts: dict[str, str]) -> list[Quantity]:
    """The quantities of each outlet's one article (``texts``: outlet -> text), published 2024-03-01."""
    found: list[Quantity] = []
    for source, text in texts.items():
        article = Article(
            id=f"{source}-1", origin=f"{source}.txt", source=source, title=None, author=None,
            published="2024-03-01", text=text, raw=text,
        )  # fmt: skip
        found.extend(extract_quantities(article, nlp(text)))
    return found


def labelled_doc(nlp: Language, text: str, *ents: tuple[str, str]) -> Doc:
    """``text`` parsed, with the named entities set to ``ents`` (text, label), found in order: the small model's
    labels vary with the sentence, and tests of what is done with a given label must not."""
    doc, spans, cursor = nlp(text), [], 0
    for name, label in ents:
        start = text.index(name, cursor)
        spans.append(doc.char_span(start, start + len(name), label=label))
        cursor = start + len(name)
    doc.ents = spans
    return doc


@pytest.fixture
def budapest_corpus() -> Path:
    return shared_path("corpora", "budapest-2025")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "stories.db"


@pytest.fixture
def watch_clustering(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[ArticleFeatures]]:
    """Starts watching the real ``StoryIndex.add_features``, the one path that clusters: the list returned fills
    with every article's features it is fed from then on, to the end of the test."""

    def watch() -> list[ArticleFeatures]:
        clustered: list[ArticleFeatures] = []
        add_features = StoryIndex.add_features

        def watched(index: StoryIndex, features: Iterable[ArticleFeatures]) -> None:
            items = list(features)
            clustered.extend(items)
            add_features(index, items)

        monkeypatch.setattr(StoryIndex, "add_features", watched)
        return clustered

    return watch
