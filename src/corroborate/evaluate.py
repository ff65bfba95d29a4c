"""Scoring a brief against expected findings: a careful human reading of the same articles.

A findings file (``tests/fixtures/findings/*.json``) names outlets by labels: a label stands for an article
when it is a substring of the article's ``origin`` or equals its ``source``. Every expected item carries a
case-insensitive regular expression that the sentence stating it matches, so the score checks the brief's
exact sentences, not its wording of them. The brief is read as its JSON contract (``Brief.to_json()``).
An optional ``distinct`` list names pairs of sentences (two regexes, with a ``why``) that state different
facts: a claim of two or more outlets giving both as evidence is a false corroboration.

Everything here is a pure function of the brief and the findings; the only I/O is ``load_findings``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import permutations
from pathlib import Path
from typing import Any

JsonDict = dict[str, Any]

_CATEGORIES = ("corroborated", "single_source", "contradictions", "not_contradictions", "entities", "timeline")


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """How many expected items of one kind the brief shows, and which ones it misses."""

    found: int
    expected: int
    missed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage:
    """For one expected corroborated fact: how many of its outlets the best matching claim covers."""

    fact: str
    covered: int
    expected: int


@dataclass(frozen=True, slots=True)
class FalseContradiction:
    subject: str
    reason: str


@dataclass(frozen=True, slots=True)
class FalseCorroboration:
    """A claim of two or more outlets whose evidence holds two sentences that state different facts."""

    claim: str
    why: str


@dataclass(frozen=True, slots=True)
class FindingsScore:
    corroborated: CategoryScore
    single_source: CategoryScore
    contradictions: CategoryScore
    entities: CategoryScore
    timeline: CategoryScore
    coverage: tuple[Coverage, ...] = ()
    #: Every contradiction the brief shows, right or wrong: the denominator of the false rate.
    brief_contradictions: int = 0
    false_contradictions: tuple[FalseContradiction, ...] = field(default=())
    #: One per ``distinct`` pair of the findings that some multi-outlet claim gives as evidence together.
    false_corroborations: tuple[FalseCorroboration, ...] = field(default=())

    @property
    def false_contradiction_rate(self) -> float:
        """Share of the brief's contradictions that are false; 0 when it shows none."""
        return len(self.false_contradictions) / self.brief_contradictions if self.brief_contradictions else 0.0

    def categories(self) -> dict[str, CategoryScore]:
        return {
            "corroborated": self.corroborated,
            "single_source": self.single_source,
            "contradictions": self.contradictions,
            "entities": self.entities,
            "timeline": self.timeline,
        }


# ---- reading the findings ------------------------------------------------------------------------------------


def load_findings(path: str | Path) -> JsonDict:
    """Read a findings file and check it: every category present, every regex compiles."""
    findings = json.loads(Path(path).read_text(encoding="utf-8"))
    validate_findings(findings)
    return findings


def validate_findings(findings: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` naming the first malformed part, so a broken fixture fails loudly, not as a miss."""
    missing = [key for key in ("corpus", *_CATEGORIES) if key not in findings]
    if missing:
        raise ValueError(f"findings lack {', '.join(missing)}")
    for pattern in _patterns(findings):
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"bad regex {pattern!r}: {error}") from error
    for item in findings.get("distinct", []):
        if len(item["match"]) != 2:
            raise ValueError(f"distinct pair without two regexes: {item['why']!r}")
    for item in findings["corroborated"]:
        if len(item["outlets"]) < 2:
            raise ValueError(f"corroborated fact with fewer than two outlets: {item['fact']!r}")
    for item in findings["contradictions"]:
        if len(item["positions"]) < 2:
            raise ValueError(f"contradiction with fewer than two positions: {item['subject']!r}")


def _patterns(findings: Mapping[str, Any]) -> Iterable[str]:
    for key in ("corroborated", "single_source", "timeline"):
        yield from (item["match"] for item in findings[key])
    for item in findings["contradictions"]:
        yield from (position["match"] for position in item["positions"])
    for key in ("not_contradictions", "distinct"):
        for item in findings.get(key, []):
            yield from item["match"]


def findings_labels(findings: Mapping[str, Any]) -> set[str]:
    """Every outlet label the findings use."""
    labels = {label for item in findings["corroborated"] for label in item["outlets"]}
    labels |= {item["outlet"] for item in findings["single_source"]}
    labels |= {label for item in findings["contradictions"] for p in item["positions"] for label in p["outlets"]}
    return labels


def label_articles(articles: Sequence[Mapping[str, Any]], labels: Iterable[str]) -> dict[str, set[str]]:
    """Article id -> the labels that name it (substring of its origin, or its outlet name exactly)."""
    named: dict[str, set[str]] = {}
    for article in articles:
        origin, source = article.get("origin") or "", article.get("source") or ""
        named[article["id"]] = {label for label in labels if label in origin or label == source}
    return named


# ---- matching ------------------------------------------------------------------------------------------------


def _matches(pattern: str, text: str | None) -> bool:
    return bool(text) and re.search(pattern, text, re.IGNORECASE) is not None


def _outlets_stating(
    evidence: Iterable[Mapping[str, Any]], pattern: str, outlets: Iterable[str], named: Mapping[str, set[str]]
) -> set[str]:
    """The expected outlets that have a quote in ``evidence`` matching ``pattern``."""
    wanted = set(outlets)
    return {
        label
        for item in evidence
        if _matches(pattern, item.get("quote"))
        for label in named.get(item.get("article", ""), set()) & wanted
    }


def _corroborated(brief: JsonDict, findings: Mapping[str, Any], named: Mapping[str, set[str]]) -> tuple[
    CategoryScore, tuple[Coverage, ...]
]:
    found, missed, coverage = 0, [], []
    shared = [claim for claim in brief.get("claims", []) if claim.get("status") != "single_source"]
    for fact in findings["corroborated"]:
        stating = (_outlets_stating(c.get("evidence", []), fact["match"], fact["outlets"], named) for c in shared)
        covered = max(map(len, stating), default=0)
        coverage.append(Coverage(fact["fact"], covered, len(fact["outlets"])))
        if covered >= 2:
            found += 1
        else:
            missed.append(fact["fact"])
    return CategoryScore(found, len(findings["corroborated"]), tuple(missed)), tuple(coverage)


def _single_source(brief: JsonDict, findings: Mapping[str, Any], named: Mapping[str, set[str]]) -> CategoryScore:
    alone = [claim for claim in brief.get("claims", []) if claim.get("status") == "single_source"]
    def stated(fact: Mapping[str, Any]) -> bool:
        return any(_outlets_stating(c.get("evidence", []), fact["match"], [fact["outlet"]], named) for c in alone)

    missed = [fact["fact"] for fact in findings["single_source"] if not stated(fact)]
    return CategoryScore(len(findings["single_source"]) - len(missed), len(findings["single_source"]), tuple(missed))


def _position_holds(position: Mapping[str, Any], expected: Mapping[str, Any], named: Mapping[str, set[str]]) -> bool:
    """A brief position stands for an expected one when it quotes one of its outlets stating it."""
    return bool(_outlets_stating(position.get("evidence", []), expected["match"], expected["outlets"], named))


def matches_contradiction(
    contradiction: Mapping[str, Any], expected: Mapping[str, Any], named: Mapping[str, set[str]]
) -> bool:
    """True when distinct positions of the brief's contradiction stand for every expected position."""
    positions = contradiction.get("positions", [])
    wanted = expected["positions"]
    return any(
        all(_position_holds(mine, theirs, named) for mine, theirs in zip(chosen, wanted, strict=True))
        for chosen in permutations(positions, len(wanted))
    )


def matches_pair(contradiction: Mapping[str, Any], pair: Sequence[str]) -> bool:
    """True when one position quotes a sentence matching the pair's first regex and another the second's."""
    def quotes(position: Mapping[str, Any], pattern: str) -> bool:
        return any(_matches(pattern, item.get("quote")) for item in position.get("evidence", []))

    first, second = pair
    return any(
        quotes(a, first) and quotes(b, second) for a, b in permutations(contradiction.get("positions", []), 2)
    )


def _contradictions(brief: JsonDict, findings: Mapping[str, Any], named: Mapping[str, set[str]]) -> tuple[
    CategoryScore, tuple[FalseContradiction, ...]
]:
    false: list[FalseContradiction] = []
    sound: list[Mapping[str, Any]] = []
    for contradiction in brief.get("contradictions", []):
        subject = contradiction.get("subject", "")
        # An expected contradiction is judged on its positions first: a long sentence may also hold the words of
        # a tempting pair about another subject, which does not make this finding false.
        if any(matches_contradiction(contradiction, e, named) for e in findings["contradictions"]):
            sound.append(contradiction)
            continue
        tempting = [n["why"] for n in findings["not_contradictions"] if matches_pair(contradiction, n["match"])]
        reason = f"a tempting non-contradiction: {tempting[0]}" if tempting else "matches no expected contradiction"
        false.append(FalseContradiction(subject, reason))
    missed = [
        expected["subject"]
        for expected in findings["contradictions"]
        if not any(matches_contradiction(c, expected, named) for c in sound)
    ]
    expected_count = len(findings["contradictions"])
    return CategoryScore(expected_count - len(missed), expected_count, tuple(missed)), tuple(false)


def _outlet(item: Mapping[str, Any]) -> str:
    """An evidence item's outlet; its article when the brief names none."""
    return item.get("source") or item.get("article", "")


def gives_both(claim: Mapping[str, Any], pair: Sequence[str]) -> bool:
    """True when two outlets' evidence of ``claim`` match the pair's regexes, one each. A sentence matching both
    states both facts and so shows neither grouped with the other."""
    first, second = pair

    def only(pattern: str, other: str) -> list[Mapping[str, Any]]:
        return [
            item for item in claim.get("evidence", [])
            if _matches(pattern, item.get("quote")) and not _matches(other, item.get("quote"))
        ]

    return any(_outlet(a) != _outlet(b) for a in only(first, second) for b in only(second, first))


def false_corroborations(brief: JsonDict, findings: Mapping[str, Any]) -> tuple[FalseCorroboration, ...]:
    """Each ``distinct`` pair of the findings that a claim of two or more outlets gives as evidence together,
    with the first such claim: sentences stating different facts shown as one corroborated claim."""
    shared = [claim for claim in brief.get("claims", []) if len({_outlet(e) for e in claim.get("evidence", [])}) > 1]
    found = []
    for pair in findings.get("distinct", []):
        claim = next((claim for claim in shared if gives_both(claim, pair["match"])), None)
        if claim is not None:
            found.append(FalseCorroboration(claim.get("text", ""), pair["why"]))
    return tuple(found)


def _spellings(names: Iterable[str]) -> set[str]:
    return {" ".join(name.split()).casefold() for name in names if name}


def _entities(brief: JsonDict, findings: Mapping[str, Any]) -> CategoryScore:
    shown = [_spellings([entity.get("name", ""), *entity.get("aliases", [])]) for entity in brief.get("entities", [])]
    missed = [
        expected["name"]
        for expected in findings["entities"]
        if not any(_spellings(expected["aliases"]) <= spellings for spellings in shown)
    ]
    return CategoryScore(len(findings["entities"]) - len(missed), len(findings["entities"]), tuple(missed))


def _timeline(brief: JsonDict, findings: Mapping[str, Any]) -> CategoryScore:
    def states(event: Mapping[str, Any], pattern: str) -> bool:
        texts = [event.get("event"), *(item.get("quote") for item in event.get("evidence", []))]
        return any(_matches(pattern, text) for text in texts)

    events = brief.get("timeline", [])
    missed = [
        expected["event"]
        for expected in findings["timeline"]
        if not any(expected["date"] in (event.get("date"), event.get("period")) and states(event, expected["match"])
                   for event in events)
    ]
    return CategoryScore(len(findings["timeline"]) - len(missed), len(findings["timeline"]), tuple(missed))


def score(brief_json: JsonDict, findings: JsonDict) -> FindingsScore:
    """How much of the expected reading the brief shows, and which of its contradictions are false."""
    validate_findings(findings)
    named = label_articles(brief_json.get("articles", []), findings_labels(findings))
    corroborated, coverage = _corroborated(brief_json, findings, named)
    contradictions, false = _contradictions(brief_json, findings, named)
    return FindingsScore(
        corroborated=corroborated,
        single_source=_single_source(brief_json, findings, named),
        contradictions=contradictions,
        entities=_entities(brief_json, findings),
        timeline=_timeline(brief_json, findings),
        coverage=coverage,
        brief_contradictions=len(brief_json.get("contradictions", [])),
        false_contradictions=false,
        false_corroborations=false_corroborations(brief_json, findings),
    )
