"""Sentence splitting: each clean article becomes a list of ``Sentence`` records with character offsets.

Paragraphs (lines of the clean text) are split separately, since a line break in a clean article always ends a
sentence; each sentence keeps its offset into the article text so a citation can point at it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from corroborate.nlp import sentencizer
from corroborate.records import Article, Sentence
from corroborate.settings import DEFAULT_SETTINGS, Settings

# List markers carry no meaning of their own; a bullet item is a statement once they are gone.
_BULLET = re.compile(r"^[\s\u2022\u25cf\u25aa\u2023\u2043*\-–—·]+")
# A statement ends as a sentence does; lines that do not are headings, captions or labels.
_CLOSING = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"\w+")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            marker = _BULLET.match(line)
            start = marker.end() if marker else len(line) - len(line.lstrip())
            yield offset + start, line[start:].rstrip()
        offset += len(line) + 1


def split_sentences(
    articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS
) -> dict[str, list[Sentence]]:
    """Every sentence of every article, keyed by article id, in text order (one ``nlp.pipe`` pass)."""
    nlp = sentencizer()
    spans = [(article.id, start, paragraph) for article in articles for start, paragraph in _paragraphs(article.text)]
    result: dict[str, list[Sentence]] = {article.id: [] for article in articles}
    docs = nlp.pipe((paragraph for _, _, paragraph in spans), batch_size=settings.models.spacy_batch_size)
    for (article_id, start, _), doc in zip(spans, docs, strict=True):
        sentences = result[article_id]
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                offset = start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                sentences.append(Sentence(article_id, len(sentences), offset, text))
    return result


def is_statement(sentence: Sentence, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """Whether a sentence asserts something checkable: long enough and closed like a sentence."""
    words = _WORD.findall(sentence.text)
    return len(words) >= settings.align.min_statement_words and bool(_CLOSING.search(sentence.text))
