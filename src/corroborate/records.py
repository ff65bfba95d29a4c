"""Typed records that the pipeline stages pass to each other.

Each stage reads one kind of record and produces another; nothing travels between stages as a bare dict.
The brief records (``Brief`` and what it holds) are the JSON contract: ``docs/brief.md`` explains each field.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html"]
ClaimStatus = Literal["corroborated", "single_source", "contradicted"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from an input, before extraction.

    ``origin`` says where it came from: a file path, ``path#record-N`` for a WARC record or a JSONL line,
    or a URL. The metadata fields hold only what the input itself states (JSONL fields, WARC target URI).
    """

    origin: str
    kind: InputKind
    content: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input, or a part of one, that could not be read, and why."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """Text taken out of an article as page junk, kept with the reason it was removed."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What extraction finds in one document: main text plus metadata, before junk removal."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    removed: tuple[RemovedSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article, as stored.

    ``id`` is a content hash of the raw input, so the same input ingested twice is one article.
    ``text_hash`` hashes the clean text, so copies of one article from different pages can be found.
    """

    id: str
    origin: str
    source: str
    title: str | None
    author: str | None
    published: str | None
    text: str
    raw: str
    url: str | None = None
    text_hash: str = ""
    removed: tuple[RemovedSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article; ``index`` is its position, ``start`` its character offset in the text."""

    article_id: str
    index: int
    start: int
    text: str


@dataclass(slots=True)
class Story:
    """Articles that tell one event; ``sources`` are their outlets, dates span their publication dates."""

    id: str
    title: str
    article_ids: list[str]
    sources: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None


# ---- The brief: the JSON contract -------------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    article: str
    quote: str
    source: str = ""
    start: int | None = None


@dataclass(slots=True)
class Claim:
    text: str
    status: ClaimStatus
    sources: list[str]
    evidence: list[Evidence]
    outlets: list[str] = field(default_factory=list)
    independent_origins: int = 0
    cited_origins: list[str] = field(default_factory=list)
    #: For a single-source claim whose sentence also states what other outlets say: the names and numbers that
    #: only it gives, which are what rests on this one outlet.
    details: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Position:
    value: str
    sources: list[str]
    evidence: list[Evidence]


@dataclass(slots=True)
class Contradiction:
    subject: str
    positions: list[Position]
    kind: str = ""


@dataclass(slots=True)
class Entity:
    name: str
    type: str
    aliases: list[str]
    sources: list[str]
    #: For a person, what the articles say the person is ("Secretary of State"), one position per role, the
    #: roles most outlets give first.
    roles: list[Position] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEvent:
    """A dated event: ``date`` is the day (YYYY-MM-DD) when the text gives one; ``period`` is what the text
    dates it to at whatever precision it has (a day, YYYY-Www, YYYY-MM, or YYYY), and orders the timeline."""

    date: str | None
    when: str
    event: str
    sources: list[str]
    resolution: str = ""
    period: str | None = None


@dataclass(slots=True)
class ArticleRef:
    id: str
    origin: str
    source: str
    title: str | None
    published: str | None
    url: str | None = None


@dataclass(slots=True)
class SourceSignal:
    """What one outlet contributes to a story; every figure is shown with its parts, never as one score."""

    source: str
    articles: list[str]
    statements: int
    corroborated: int
    contradictions_alone: int = 0
    attributed: int = 0
    junk_chars: int = 0
    total_chars: int = 0

    @property
    def corroborated_share(self) -> float:
        return self.corroborated / self.statements if self.statements else 0.0

    @property
    def junk_share(self) -> float:
        return self.junk_chars / self.total_chars if self.total_chars else 0.0

    @property
    def attribution_rate(self) -> float:
        return self.attributed / self.statements if self.statements else 0.0


@dataclass(slots=True)
class RemovedRef:
    article: str
    text: str
    reason: str


@dataclass(slots=True)
class CopyGroup:
    """Articles that are copies of one text (wire copy, re-publications): together they are one voice."""

    canonical: str
    copies: list[str]


@dataclass(slots=True)
class StoryInfo:
    title: str
    id: str | None = None
    other_stories: int = 0


@dataclass(slots=True)
class Brief:
    story: StoryInfo
    articles: list[ArticleRef]
    claims: list[Claim]
    contradictions: list[Contradiction] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    removed: list[RemovedRef] = field(default_factory=list)
    sources: list[SourceSignal] = field(default_factory=list)
    duplicates: list[CopyGroup] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for signal, raw in zip(self.sources, data["sources"], strict=True):
            raw["corroborated_share"] = round(signal.corroborated_share, 3)
            raw["junk_share"] = round(signal.junk_share, 3)
            raw["attribution_rate"] = round(signal.attribution_rate, 3)
        return data


# ---- Claims: what one article says about people and who said what -----------------------------------------


@dataclass(frozen=True, slots=True)
class RoleMention:
    """What one article says a person is: ``role`` as written, ``normalised`` to compare across outlets.

    ``start`` is the character offset of ``sentence`` (the exact evidence sentence) in the article text.
    """

    article: str
    source: str
    person: str
    role: str
    normalised: str
    sentence: str
    start: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who an article says said something.

    ``speaker`` is a canonical entity name when ``named``, else the description as written ("a ministry
    official"). ``cue`` is the speech verb's lemma or the phrase that attributes ("according to").
    ``pronoun`` is the pronoun the speaker was resolved from, so a reader can judge the resolution.
    """

    speaker: str
    named: bool
    cue: str
    pronoun: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (``direct``) or reported speech in one article, with its speaker when one is given.

    ``text`` is the quoted words, or for reported speech the clause that reports them. ``origins`` are the
    outlets the sentence cites as its original reporting ("told Reuters", "according to the AP").
    """

    article: str
    source: str
    text: str
    direct: bool
    attribution: Attribution | None
    sentence: str
    start: int
    origins: tuple[str, ...] = ()
