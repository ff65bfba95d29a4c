"""What the pages draw, computed in Python so templates only place it: highlighted article text, the claims ×
outlets matrix, the timeline and source charts (coordinates for server-side SVG), search snippets, links.

Nothing here builds markup: templates render these records with autoescaping, so untrusted article text
only ever reaches the page as escaped text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import quote, urlsplit

from corroborate.records import Brief, Claim, Evidence, TimelineEvent
from corroborate.store import SearchHit
from corroborate.web.service import Citation, OutletOverview

# ---- links -------------------------------------------------------------------------------------------------


def article_href(article_id: str, story_id: str | None = None, start: int | None = None) -> str:
    """The article view, scrolled to and highlighting the sentence at ``start`` when one is given."""
    href = f"/articles/{quote(article_id, safe='')}"
    query = []
    if story_id is not None:
        query.append(f"story={quote(story_id, safe='')}")
    if start is not None:
        query.append(f"s={start}")
    if query:
        href += "?" + "&".join(query)
    return href + (f"#s-{start}" if start is not None else "")


def citation_href(story_id: str | None, evidence: Evidence) -> str:
    return article_href(evidence.article, story_id, evidence.start)


def external_url(url: str | None) -> str | None:
    """``url`` when it is a web address; any other scheme (``javascript:``, ``data:``) is never made a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def date_span(first: str | None, last: str | None) -> str:
    if not first and not last:
        return "undated"
    if not first or not last or first == last:
        return first or last or ""
    return f"{first} – {last}"


# ---- article text with its cited sentences ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    citation: Citation | None = None
    #: The first segment of a citation carries the anchor that citation links point at.
    anchor: str | None = None
    target: bool = False


def article_paragraphs(text: str, citations: Sequence[Citation], target: int | None) -> list[list[Segment]]:
    """The clean text as paragraphs of plain and cited segments; the cited sentence at ``target`` is marked."""
    paragraphs = []
    anchored: set[int] = set()
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        segments: list[Segment] = []
        position = line.start()
        for citation in citations:
            start, end = max(citation.start, position), min(citation.end, line.end())
            if start >= end:
                continue
            if start > position:
                segments.append(Segment(text[position:start]))
            anchor = None if citation.start in anchored else f"s-{citation.start}"
            anchored.add(citation.start)
            segments.append(Segment(text[start:end], citation, anchor, citation.start == target))
            position = end
        if position < line.end():
            segments.append(Segment(text[position:line.end()]))
        paragraphs.append(segments)
    return paragraphs


# ---- search snippets -----------------------------------------------------------------------------------------


def snippet_parts(hit: SearchHit) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) parts, split on the store's match markers."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({re.escape(hit.MARK_START)}.*?{re.escape(hit.MARK_END)})", hit.snippet):
        if piece.startswith(hit.MARK_START):
            parts.append((piece[1:-1], True))
        elif piece:
            parts.append((piece, False))
    return parts


# ---- the claims × outlets matrix -------------------------------------------------------------------------------

CellState = Literal["agree", "alone", "contradicts", "silent"]
CLAIM_CELL: dict[str, CellState] = {"corroborated": "agree", "single_source": "alone", "contradicted": "contradicts"}
CELL_MARK = {"agree": "✓", "alone": "●", "contradicts": "✕", "silent": ""}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    state: CellState
    mark: str
    title: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    label: str
    anchor: str
    cells: list[MatrixCell]


@dataclass(frozen=True, slots=True)
class Matrix:
    outlets: list[str]
    rows: list[MatrixRow]
    hidden: int


def claim_outlets(claim: Claim, outlet_of: dict[str, str]) -> list[str]:
    names = claim.outlets or [outlet_of.get(article, article) for article in claim.sources]
    return list(dict.fromkeys(names))


def claims_matrix(brief: Brief, max_rows: int) -> Matrix:
    """Who says what: contradictions first (each outlet marked with its position), then claims by status."""
    outlet_of = {article.id: article.source for article in brief.articles}
    outlets = sorted(set(outlet_of.values()))
    rows: list[MatrixRow] = []
    for number, contradiction in enumerate(brief.contradictions, 1):
        held: dict[str, str] = {}
        for letter, position in zip(_letters(), contradiction.positions, strict=False):
            for article in position.sources:
                held.setdefault(outlet_of.get(article, article), f"{letter}: {position.value}")
        cells = [
            MatrixCell("contradicts", held[name][0], f"{name} says {held[name]}") if name in held
            else MatrixCell("silent", "", f"{name} takes no position")
            for name in outlets
        ]
        rows.append(MatrixRow(f"Disputed: {contradiction.subject}", f"contradiction-{number}", cells))
    order = {"contradicted": 0, "corroborated": 1, "single_source": 2}
    ranked = sorted(enumerate(brief.claims, 1), key=lambda item: order.get(item[1].status, 3))
    for number, claim in ranked:
        said_by = set(claim_outlets(claim, outlet_of))
        cells = []
        for name in outlets:
            state: CellState = CLAIM_CELL.get(claim.status, "agree") if name in said_by else "silent"
            verb = {"agree": "agrees", "alone": "alone says", "contradicts": "states the contested"}.get(state)
            cells.append(MatrixCell(state, CELL_MARK[state], f"{name} {verb} this" if verb else f"{name}: silent"))
        rows.append(MatrixRow(claim.text, f"claim-{number}", cells))
    return Matrix(outlets, rows[:max_rows], max(0, len(rows) - max_rows))


def _letters() -> list[str]:
    return [chr(code) for code in range(ord("A"), ord("Z") + 1)]


# ---- timeline chart --------------------------------------------------------------------------------------------

CHART_WIDTH = 760
CHART_MARGIN = 40
DOT_RADIUS = 11
AXIS_Y = 36
LANE_HEIGHT = 26


@dataclass(frozen=True, slots=True)
class TimelineDot:
    number: int
    x: float
    y: float
    event: TimelineEvent
    #: Dated to a month or a year only, so drawn hollow.
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    axis_y: int
    axis_start: int
    axis_end: int
    dots: list[TimelineDot]
    ticks: list[tuple[float, str]]
    #: Every event, numbered as on the chart; undated ones have no dot.
    events: list[tuple[int, TimelineEvent]]


def _event_day(event: TimelineEvent) -> tuple[date, bool] | None:
    """The day to draw an event at, and whether it is approximate: a month or a year stands at its middle."""
    value = (event.period or event.date or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            return date.fromisoformat(value[:10]), False
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date.fromisoformat(f"{value}-15"), True
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 7, 1), True
    except ValueError:
        return None
    return None


def timeline_chart(events: Sequence[TimelineEvent]) -> TimelineChart:
    """Dated events as numbered dots on a day axis; dots too close to read are stacked below each other."""
    numbered = list(enumerate(events, 1))
    dated = [(number, event, *found) for number, event in numbered if (found := _event_day(event)) is not None]
    left, right = CHART_MARGIN, CHART_WIDTH - CHART_MARGIN
    dots: list[TimelineDot] = []
    ticks: list[tuple[float, str]] = []
    if dated:
        first = min(item[2] for item in dated)
        last = max(item[2] for item in dated)
        span = (last - first).days

        def x_of(day: date) -> float:
            return (left + right) / 2 if span == 0 else left + (day - first).days / span * (right - left)

        lanes: dict[int, float] = {}
        for number, event, day, approximate in sorted(dated, key=lambda item: item[2]):
            x = x_of(day)
            lane = next(n for n in range(len(dated) + 1) if x - lanes.get(n, -1e9) >= 2 * DOT_RADIUS + 2)
            lanes[lane] = x
            dots.append(TimelineDot(number, x, AXIS_Y + LANE_HEIGHT * (lane + 1), event, approximate))
        # An axis end at an approximate date is labelled as stated ("2025-08"), not as the day it stands at.
        labels = {day: day.isoformat() for day in (first, last)}
        labels.update({
            item[2]: item[1].period or item[1].date or "" for item in dated if item[3] and item[2] in (first, last)
        })
        if span >= 4:
            middle = first + (last - first) / 2
            labels[middle] = middle.isoformat()
        ticks = [(x_of(day), label) for day, label in sorted(labels.items())]
    height = int(max((dot.y for dot in dots), default=AXIS_Y) + LANE_HEIGHT)
    return TimelineChart(CHART_WIDTH, height, AXIS_Y, left, right, dots, ticks, numbered)


# ---- source charts ---------------------------------------------------------------------------------------------

BAR_WIDTH = 220


@dataclass(frozen=True, slots=True)
class SourceBars:
    """Bar lengths in pixels: statements (corroborated part and the rest, scaled to the busiest outlet),
    junk share and attribution rate (each of the full width)."""

    overview: OutletOverview
    corroborated: float
    other: float
    junk: float
    attributed: float
    width: int = BAR_WIDTH


def source_bars(overviews: Sequence[OutletOverview]) -> list[SourceBars]:
    most = max((overview.signal.statements for overview in overviews), default=0) or 1
    bars = []
    for overview in overviews:
        signal = overview.signal
        bars.append(
            SourceBars(
                overview,
                corroborated=BAR_WIDTH * signal.corroborated / most,
                other=BAR_WIDTH * (signal.statements - signal.corroborated) / most,
                junk=BAR_WIDTH * signal.junk_share,
                attributed=BAR_WIDTH * signal.attribution_rate,
            )
        )
    return bars
