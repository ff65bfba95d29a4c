"""The story brief: assembled from aligned claims, rendered as Markdown (terminal) or the JSON contract."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from corroborate.records import (
    Article,
    ArticleRef,
    Brief,
    Claim,
    Contradiction,
    CopyGroup,
    Entity,
    Evidence,
    Position,
    RemovedRef,
    SourceSignal,
    StoryInfo,
    TimelineEvent,
)
from corroborate.settings import DEFAULT_SETTINGS

# Words of a headline, without punctuation ("tests:" = "tests").
_TITLE_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class StoryFindings:
    """What the claims stage adds to the aligned statements; empty until it runs."""

    contradictions: list[Contradiction] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    #: Article id -> character offsets of its attributed sentences (a named speaker or "according to ...").
    attributed: dict[str, list[int]] = field(default_factory=dict)
    #: The original reporting a sentence cites ("according to the Financial Times" -> Financial Times).
    cited_origins: Callable[[str], list[str]] | None = None
    #: An entity mention's canonical name, given the mention and its article ("NTSB" -> National Transportation
    #: Safety Board).
    canonical: Callable[[str, str], str | None] | None = None


def story_title(articles: Sequence[Article], claims: Sequence[Claim]) -> str:
    """The headline most outlets would recognise (see ``central_title``), else the first claim."""
    titles = [article.title for article in articles if article.title]
    if titles:
        return central_title(titles)
    if claims:
        return claims[0].text
    return "Untitled story"


def central_title(
    titles: Sequence[str], headline_words: int = DEFAULT_SETTINGS.extract.max_sentence_title_words
) -> str:
    """The title closest on average to the others (word-set Jaccard): the plain headline of the event, not the
    longest one, which shares many words with everything by its length alone (an opinion piece's headline).
    Headline-length titles are preferred to longer ones (an untitled article's opening line standing in)."""
    short = [title for title in titles if len(title.split()) <= headline_words]
    titles = short or list(titles)
    words = [set(_TITLE_WORD.findall(title.lower())) for title in titles]

    def closeness(index: int) -> float:
        mine = words[index]
        return sum(len(mine & other) / len(mine | other) for other in words if other is not mine and mine | other)

    return titles[max(range(len(titles)), key=lambda index: (closeness(index), -index))]


def assemble(
    articles: Sequence[Article],
    claims: list[Claim],
    findings: StoryFindings | None = None,
    duplicate_of: Mapping[str, str] | None = None,
) -> Brief:
    """The brief of ``articles``; the caller names the story (``story.id``, ``other_stories``) when it knows it."""
    findings = findings or StoryFindings()
    ids = {article.id for article in articles}
    copies: dict[str, list[str]] = {}
    for copy, canonical in (duplicate_of or {}).items():
        if copy in ids:
            copies.setdefault(canonical, []).append(copy)
    return Brief(
        story=StoryInfo(title=story_title(articles, claims)),
        articles=[ArticleRef(a.id, a.origin, a.source, a.title, a.published, a.url) for a in articles],
        claims=claims,
        contradictions=findings.contradictions,
        entities=findings.entities,
        timeline=findings.timeline,
        removed=[RemovedRef(a.id, span.text, span.reason) for a in articles for span in a.removed],
        sources=source_signals(articles, claims, findings),
        duplicates=[CopyGroup(canonical, sorted(group)) for canonical, group in copies.items()],
    )


def source_signals(
    articles: Sequence[Article], claims: Sequence[Claim], findings: StoryFindings
) -> list[SourceSignal]:
    """Per outlet: its statements, how many others corroborate, where it stands alone, its junk share."""
    signals: dict[str, SourceSignal] = {}
    outlet_of = {article.id: article.source for article in articles}
    for article in articles:
        signal = signals.setdefault(article.source, SourceSignal(article.source, [], 0, 0))
        signal.articles.append(article.id)
        signal.junk_chars += sum(len(span.text) for span in article.removed)
        signal.total_chars += len(article.text) + sum(len(span.text) for span in article.removed)
    for claim in claims:
        for outlet in dict.fromkeys(outlet_of[article_id] for article_id in claim.sources):
            signal = signals[outlet]
            signal.statements += 1
            # A claim several voices make is corroborated for each of them, even where another outlet disputes it.
            signal.corroborated += len(claim.outlets) >= 2 and claim.independent_origins >= 2
            own = [e for e in claim.evidence if outlet_of[e.article] == outlet]
            signal.attributed += any(_is_attributed(e, findings.attributed) for e in own)
    for contradiction in findings.contradictions:
        for outlet in _lone_dissenters(contradiction, outlet_of):
            signals[outlet].contradictions_alone += 1
    return sorted(signals.values(), key=lambda signal: signal.source)


def _is_attributed(evidence: Evidence, attributed: Mapping[str, list[int]]) -> bool:
    start = evidence.start or 0
    return any(start <= offset < start + len(evidence.quote) for offset in attributed.get(evidence.article, []))


def _lone_dissenters(contradiction: Contradiction, outlet_of: Mapping[str, str]) -> list[str]:
    """Outlets that hold a position alone while another position has two or more outlets behind it."""
    outlets = [{outlet_of[s] for s in position.sources if s in outlet_of} for position in contradiction.positions]
    majority = max((len(group) for group in outlets), default=0)
    if majority < 2:
        return []
    return [next(iter(group)) for group in outlets if len(group) == 1]


# ---- rendering ----------------------------------------------------------------------------------------------


def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_json(), ensure_ascii=False, indent=2)


def to_markdown(brief: Brief, width: int = 100) -> str:
    outlet_of = {article.id: article.source for article in brief.articles}
    lines = [f"# {brief.story.title}", ""]
    dates = sorted(a.published for a in brief.articles if a.published)
    span = f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (f", {dates[0]}" if dates else "")
    outlets = sorted({a.source for a in brief.articles})
    lines.append(f"{_counted(len(brief.articles), 'article')} from {_counted(len(outlets), 'outlet')}{span}: "
                 f"{', '.join(outlets)}.")
    origin_of = {article.id: article.origin for article in brief.articles}
    for group in brief.duplicates:
        copies = ", ".join(origin_of.get(copy, copy) for copy in group.copies)
        lines.append(f"Copies of {origin_of.get(group.canonical, group.canonical)} (one voice): {copies}.")
    if brief.story.other_stories:
        lines.append(f"These inputs hold {brief.story.other_stories} other stories; `corroborate stories` lists them.")
    lines.append("")
    corroborated = [c for c in brief.claims if c.status == "corroborated"]
    contested = [c for c in brief.claims if c.status == "contradicted"]
    single = [c for c in brief.claims if c.status == "single_source"]
    lines += _claims_section("Corroborated", corroborated, outlet_of, width)
    lines += _contradictions_section(brief.contradictions, outlet_of, width)
    lines += _claims_section("Contested statements", contested, outlet_of, width)
    told_in = _numbered_sentences({"Corroborated": corroborated, "Contested statements": contested})
    lines += _single_source_section(single, outlet_of, told_in, width)
    lines += _entities_section(brief.entities, outlet_of)
    lines += _timeline_section(brief.timeline, outlet_of, width)
    lines += _sources_section(brief.sources)
    lines += _removed_section(brief, outlet_of, width)
    return "\n".join(lines).rstrip() + "\n"


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _claims_section(title: str, claims: Sequence[Claim], outlet_of: Mapping[str, str], width: int) -> list[str]:
    if not claims:
        return []
    lines = [f"## {title} ({len(claims)})", ""]
    for number, claim in enumerate(claims, 1):
        origins = f", {claim.independent_origins} independent" if claim.independent_origins else ""
        lines += _wrap(f"{number}. {claim.text} [{_counted(len(claim.outlets), 'outlet')}{origins}]", width, "")
        for evidence in claim.evidence:
            lines += _wrap(f"- {outlet_of.get(evidence.article, evidence.article)}: “{evidence.quote}”", width, "   ")
        lines.append("")
    return lines


#: A cited sentence, by article and offset, to the numbered claims citing it: section name to claim numbers.
_ToldIn = Mapping[tuple[str, int | None], Mapping[str, list[int]]]


def _numbered_sentences(sections: Mapping[str, Sequence[Claim]]) -> _ToldIn:
    told_in: dict[tuple[str, int | None], dict[str, list[int]]] = {}
    for section, claims in sections.items():
        for number, claim in enumerate(claims, 1):
            for evidence in claim.evidence:
                numbers = told_in.setdefault((evidence.article, evidence.start), {}).setdefault(section, [])
                if number not in numbers:
                    numbers.append(number)
    return told_in


def _single_source_section(
    claims: Sequence[Claim],
    outlet_of: Mapping[str, str],
    told_in: _ToldIn,
    width: int,
) -> list[str]:
    if not claims:
        return []
    lines = [f"## Single-source ({len(claims)})", ""]
    by_outlet: dict[str, list[Claim]] = {}
    for claim in claims:
        by_outlet.setdefault(outlet_of.get(claim.sources[0], claim.sources[0]), []).append(claim)
    for outlet in sorted(by_outlet):
        lines.append(f"### {outlet} alone")
        for claim in by_outlet[outlet]:
            lines += _wrap(f"- {claim.text}{_what_is_alone(claim, told_in)}", width, "")
        lines.append("")
    return lines


def _what_is_alone(claim: Claim, told_in: _ToldIn) -> str:
    """For a sentence that other outlets partly share, which part rests on this outlet: the names and numbers
    only it gives, and where the rest is told, so the sentence listed twice does not read as unshared."""
    evidence = claim.evidence[0] if claim.evidence else None
    shared = told_in.get((evidence.article, evidence.start), {}) if evidence is not None else {}
    notes = [f"only here: {', '.join(claim.details)}"] if claim.details else []
    if shared:
        where = " and ".join(f"{section} {', '.join(map(str, numbers))}" for section, numbers in shared.items())
        notes.append(f"{'the rest' if claim.details else 'part'} under {where}")
    return f" [{'; '.join(notes)}]" if notes else ""


def _contradictions_section(
    contradictions: Sequence[Contradiction], outlet_of: Mapping[str, str], width: int
) -> list[str]:
    if not contradictions:
        return []
    lines = [f"## Contradictions ({len(contradictions)})", ""]
    for number, contradiction in enumerate(contradictions, 1):
        # A subject naming its kind already ("X: role") reads it once.
        told = not contradiction.kind or contradiction.subject.endswith(contradiction.kind)
        kind = "" if told else f" ({contradiction.kind})"
        lines.append(f"{number}. {contradiction.subject}{kind}")
        for position in contradiction.positions:
            names = ", ".join(dict.fromkeys(outlet_of.get(s, s) for s in position.sources))
            lines += _wrap(f"- “{position.value}”: {names}", width, "   ")
            for evidence in position.evidence:
                lines += _wrap(f"> {evidence.quote}", width, "     ")
        lines.append("")
    return lines


def _entities_section(entities: Sequence[Entity], outlet_of: Mapping[str, str]) -> list[str]:
    if not entities:
        return []
    lines = [f"## Entities ({len(entities)})", ""]
    for entity in entities:
        aliases = [alias for alias in entity.aliases if alias != entity.name]
        also = f" (also: {', '.join(aliases)})" if aliases else ""
        count = len({outlet_of.get(s, s) for s in entity.sources})
        lines.append(f"- {entity.name} [{entity.type}]{also}: {_counted(count, 'outlet')}")
        if entity.roles:
            lines.append(f"  - roles: {'; '.join(_role_line(role, outlet_of) for role in entity.roles)}")
    lines.append("")
    return lines


def _role_line(role: Position, outlet_of: Mapping[str, str]) -> str:
    """A role with who gives it: the outlet's name when one does, else how many."""
    outlets = list(dict.fromkeys(outlet_of.get(s, s) for s in role.sources))
    return f"{role.value} ({outlets[0] if len(outlets) == 1 else _counted(len(outlets), 'outlet')})"


def _timeline_section(timeline: Sequence[TimelineEvent], outlet_of: Mapping[str, str], width: int) -> list[str]:
    if not timeline:
        return []
    lines = [f"## Timeline ({len(timeline)})", ""]
    for event in timeline:
        names = ", ".join(dict.fromkeys(outlet_of.get(s, s) for s in event.sources))
        resolution = f" ({event.resolution})" if event.resolution else ""
        when = event.date or event.period or "undated"
        lines += _wrap(f"- {when} “{event.when}”{resolution}: {event.event} [{names}]", width, "")
    lines.append("")
    return lines


def _sources_section(signals: Sequence[SourceSignal]) -> list[str]:
    if not signals:
        return []
    lines = [
        "## Sources",
        "",
        "| outlet | articles | statements | corroborated by others | alone against majority | attributed | junk |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in signals:
        lines.append(
            f"| {s.source} | {len(s.articles)} | {s.statements} | {s.corroborated} ({s.corroborated_share:.0%})"
            f" | {s.contradictions_alone} | {s.attributed} ({s.attribution_rate:.0%}) | {s.junk_share:.0%} |"
        )
    lines.append("")
    return lines


def _removed_section(brief: Brief, outlet_of: Mapping[str, str], width: int) -> list[str]:
    if not brief.removed:
        return []
    lines = [f"## Page junk removed ({len(brief.removed)})", ""]
    for removed in brief.removed:
        text = " ".join(removed.text.split())
        text = text if len(text) <= 120 else text[:117] + "..."
        lines += _wrap(f"- {outlet_of.get(removed.article, removed.article)} [{removed.reason}]: {text}", width, "")
    lines.append("")
    return lines
