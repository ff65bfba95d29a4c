"""Loaded models, shared and lazy: spaCy and the sentence-embedding model, each loaded once per process.

Models load from installed packages only; nothing is fetched from a hub at run time.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token

from corroborate.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer

# Offline before any Hugging Face import: the model ships in a package, and a hub lookup would hang offline.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

#: Components each use needs; everything else is disabled, since spaCy's cost grows with each component.
SENTENCE_PIPES = ("senter",)
# The entity recogniser embeds tokens itself: the shared ``tok2vec`` feeds only the tagger and the parser, so
# beside the recogniser alone it would compute a third of the work for a tensor nothing reads (same entities).
ENTITY_PIPES = ("ner",)
PARSE_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")
# Who did what in a sentence: the parser, with the tagger and lemmatizer for its verbs' lemmas; its entities
# come from a pass of the recogniser over a longer text.
ACT_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
#: The parser's labels of a clause's nominal subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Entity labels of a time: a word under one begins a date or a clock time, never a name.
TIME_LABELS = frozenset({"DATE", "TIME"})


# "U.S.", "U.K.", "Sen.", "Gov.": a full stop that ends an abbreviation, not (usually) a sentence.
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$|^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr)\.$")


# A line cut mid-sentence by a scrape is running text; headings are shorter than this.
_MIN_RUNNING_LINE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries the statistical models miss in news text.

    A line break always ends a sentence in clean text, so headings and list items are never run together;
    a name or title after an abbreviation ("U.S. Senator", "Gov. Smith") continues the sentence, and so does
    any word after a word on the same line.
    """
    text = doc.text  # read once: spaCy rebuilds the whole text from its tokens on every read
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            before = doc[token.i - 1] if token.is_space and token.i > 0 else token
            broken = _broken_paragraph(text, before, following)
            following.is_sent_start = not broken
            if broken and token.is_space:
                token.is_sent_start = False
        elif token.is_space and token.i > 0 and not _SENTENCE_END.search(doc[token.i - 1].text):
            # A stray non-breaking or double space inside a sentence is not a boundary.
            following.is_sent_start = False
        elif (_ends_abbreviation(doc, token) and following.is_title and not following.is_stop
              and following.tag_ in {"NNP", "NNPS", ""}):
            following.is_sent_start = False
        elif token.is_alpha and not following.is_space:
            # Within a line a sentence ends at punctuation: the parser otherwise cuts a subject that opens a
            # paragraph ("Ottawa | officially closed ...") from its verb.
            following.is_sent_start = False
    return doc


def _ends_abbreviation(doc: Doc, token: Token) -> bool:
    """An abbreviation with its full stop, or the full stop the tokeniser split from one ("Sgt" + ".", whereas it
    keeps "Mr." whole)."""
    if _ABBREVIATION.match(token.text):
        return True
    before = doc[token.i - 1] if token.i > 0 else None
    return token.text == "." and before is not None and not before.whitespace_ and bool(
        _ABBREVIATION.match(before.text + ".")
    )


def _broken_paragraph(text: str, before: Token, after: Token) -> bool:
    """A line break a scrape put inside a sentence (``text`` is the document's): a line of running text cut
    after a lower-case word, going on with a lower-case word or a bracketed insertion ("it really
    bothered\n\n[him] if ..."). A heading is a short line, and a list item or a sentence ends otherwise."""
    line = text[text.rfind("\n", 0, before.idx) + 1 : before.idx + len(before.text)]
    return (
        before.text.isalpha() and before.text.islower() and (after.text[:1] == "[" or after.text[:1].islower())
        and len(line.split()) >= _MIN_RUNNING_LINE_WORDS
    )


@cache
def spacy_pipeline(components: tuple[str, ...] = PARSE_PIPES) -> Language:
    """The spaCy English model with only ``components`` enabled."""
    import spacy

    nlp = spacy.load(DEFAULT_SETTINGS.models.spacy_model)
    if "senter" in components and "parser" not in components:
        nlp.enable_pipe("senter")
    # After the tagger when there is one, so the boundary rules can tell a name ("U.S. Senator") from "The".
    if "tagger" in components:
        nlp.add_pipe("paragraph_boundaries", after="tagger")
    else:
        nlp.add_pipe("paragraph_boundaries", first=True)
    keep = set(components) | {"paragraph_boundaries"}
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.disable_pipe(name)
    nlp.max_length = 2_000_000
    return nlp


def sentencizer() -> Language:
    """The cheapest pipeline that splits sentences well (the statistical ``senter``, no parser)."""
    return spacy_pipeline(SENTENCE_PIPES)


@cache
def embedding_model() -> SentenceTransformer:
    """The packaged all-MiniLM-L6-v2 sentence-embedding model, on the CPU."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # The weights load from disk in a blink; their progress bar would only clutter the CLI's stderr.
    transformers_logging.disable_progress_bar()
    package = importlib.import_module(DEFAULT_SETTINGS.models.embedding_package)
    if DEFAULT_SETTINGS.models.embedding_threads:
        import torch

        torch.set_num_threads(DEFAULT_SETTINGS.models.embedding_threads)
    return SentenceTransformer(_model_directory(package), device="cpu")


@contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """Within the block the embedding runs on ``count`` torch threads; torch's count is restored after it.
    The vectors are the same on any count."""
    import torch

    embedding_model()  # loading sets the threads ``embedding_threads`` asks for: they are the ones to restore
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _model_directory(package: object) -> str:
    for attribute in ("MODEL_PATH", "model_path", "MODEL_DIR"):
        value = getattr(package, attribute, None)
        if value:
            return str(value)
    package_file = getattr(package, "__file__", None)
    if package_file is None:
        raise RuntimeError(f"{package!r} does not say where its model lies")
    root = Path(package_file).parent
    for config in sorted(root.rglob("config_sentence_transformers.json")):
        return str(config.parent)
    for config in sorted(root.rglob("modules.json")):
        return str(config.parent)
    return str(root)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (one row each), so a dot product is the cosine similarity.

    Each distinct text is embedded once: copies of one article, and sentences relayed word for word, repeat.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    distinct: dict[str, int] = {}
    rows = [distinct.setdefault(text, len(distinct)) for text in texts]
    unique = list(distinct)
    model = embedding_model()
    batches = _batches_by_length(unique, DEFAULT_SETTINGS.models.embedding_batch_size)
    encoded = [
        model.encode(
            [unique[k] for k in batch],
            batch_size=len(batch),
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        for batch in batches
    ]
    vectors = np.empty((len(unique), encoded[0].shape[1]), dtype=np.float32)
    for batch, part in zip(batches, encoded, strict=True):
        vectors[batch] = part
    return vectors[rows]


def _batches_by_length(texts: list[str], size: int) -> list[list[int]]:
    """Indices of ``texts`` in batches of ``size``, longest in tokens first. A batch is padded to its longest
    text; batched by characters (as the model's own ``encode`` does) a quarter of the tokens are padding."""
    model = embedding_model()
    tokens = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)["input_ids"]
    order = sorted(range(len(texts)), key=lambda k: -len(tokens[k]))
    return [order[start : start + size] for start in range(0, len(order), size)]
