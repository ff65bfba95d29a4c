"""How outlets characterise an event: "a tense call", "the talks were productive", "described it as hostile".

Two outlets that call the same event (same kind of event, same named participants) by opposite characters
contradict each other. Precision comes first: an event is "the same" only when its kind matches and at least
two named participants are shared (or the single named participant, when each side names exactly one and the
event kind is identical), and only adjectives of a known polarity count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from corroborate.records import Article, Contradiction, Evidence, Position
from corroborate.settings import DEFAULT_SETTINGS, Settings

Polarity = Literal["positive", "negative"]

#: Nouns that name an exchange between parties, grouped by the kind of event they name.
EVENT_KINDS: Mapping[str, str] = {
    "call": "call", "phone": "call", "conversation": "call", "phonecall": "call",
    "talk": "talks", "negotiation": "talks", "discussion": "talks", "dialogue": "talks", "exchange": "talks",
    "meeting": "meeting", "summit": "meeting", "encounter": "meeting", "session": "meeting",
}

#: Characterisations with a clear direction; adjectives of size, time or place are not here.
_POSITIVE = (
    "productive", "constructive", "cordial", "friendly", "warm", "positive", "successful", "fruitful", "good",
    "great", "excellent", "substantive", "useful", "helpful", "amicable", "respectful", "encouraging",
)
_NEGATIVE = (
    "tense", "hostile", "heated", "confrontational", "acrimonious", "difficult", "tough", "frosty",
    "unproductive", "bitter", "angry", "testy", "contentious", "fruitless", "failed", "unsuccessful", "stormy",
    "combative", "adversarial", "icy", "rancorous",
)
POLARITY: Mapping[str, Polarity] = {**dict.fromkeys(_POSITIVE, "positive"), **dict.fromkeys(_NEGATIVE, "negative")}


@dataclass(frozen=True, slots=True)
class Characterisation:
    """One article's character for one event: ``adjective`` of ``event`` among ``participants``."""

    article_id: str
    sentence: str
    start: int
    event: str
    adjective: str
    polarity: Polarity
    participants: frozenset[str]


def extract_characterisations(
    article: Article, doc: Doc, canonical: Callable[[str], str | None] | None = None
) -> list[Characterisation]:
    """Every characterised event in one parsed article."""
    found = []
    for sentence in doc.sents:
        participants = _participants(sentence, canonical)
        for token in sentence:
            kind = EVENT_KINDS.get(token.lemma_.lower())
            if kind is None or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            for adjective in _characterising_adjectives(token):
                polarity = _polarity(adjective)
                if polarity is not None:
                    found.append(Characterisation(
                        article.id, sentence.text.strip(), sentence.start_char, kind, adjective.lower_, polarity,
                        participants,
                    ))
    return found


def _characterising_adjectives(noun: Token) -> Iterable[Token]:
    """Adjectives said of ``noun``: attributive, predicative ("was tense"), or "described ... as tense"."""
    for child in noun.children:
        if child.dep_ == "amod":
            yield child
    head = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        for child in head.children:
            if child.dep_ in {"acomp", "attr", "oprd"} and child.pos_ == "ADJ":
                yield child
    if noun.dep_ in {"dobj", "nsubjpass"}:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                yield from (c for c in prep.subtree if c.pos_ == "ADJ" and c.lower_ in POLARITY)


def _polarity(adjective: Token) -> Polarity | None:
    polarity = POLARITY.get(adjective.lower_)
    if polarity is None:
        return None
    negated = any(child.dep_ == "neg" for child in (*adjective.children, *adjective.head.children))
    if negated:
        return "negative" if polarity == "positive" else None
    return polarity


def _participants(sentence: Span, canonical: Callable[[str], str | None] | None) -> frozenset[str]:
    """Named people and bodies in the sentence, by surname or canonical name.

    Proper-noun chunks are used rather than NER labels alone, since the small model often labels a
    surname as an organisation; places and nationalities are left out because they are settings, not parties.
    """
    names = set()
    for chunk in _proper_noun_chunks(sentence):
        if chunk.ent_type_ in {"GPE", "NORP", "LOC", "DATE", "TIME"}:
            continue
        text = chunk.text
        resolved = canonical(text) if canonical is not None else None
        names.add((resolved or text).split()[-1].lower())
    return frozenset(names)


def _proper_noun_chunks(sentence: Span) -> Iterable[Token]:
    """The last token of each run of proper nouns (a name's head, usually the surname)."""
    for token in sentence:
        if token.pos_ == "PROPN" and (token.i + 1 >= sentence.end or token.doc[token.i + 1].pos_ != "PROPN"):
            yield token


def same_event(a: Characterisation, b: Characterisation, settings: Settings = DEFAULT_SETTINGS) -> bool:
    if a.event != b.event:
        return False
    shared = a.participants & b.participants
    if len(shared) >= settings.claims.characterisation_min_shared:
        return True
    return len(a.participants) == len(b.participants) == 1 and bool(shared)


def characterisation_contradictions(
    items: Sequence[Characterisation], outlet_of: Mapping[str, str], settings: Settings = DEFAULT_SETTINGS
) -> list[Contradiction]:
    """Events that some outlets characterise positively and others negatively."""
    contradictions = []
    used: set[int] = set()
    for i, seed in enumerate(items):
        if i in used:
            continue
        members = [j for j, other in enumerate(items) if j not in used and same_event(seed, other, settings)]
        sides = {p: [items[j] for j in members if items[j].polarity == p] for p in ("positive", "negative")}
        outlets = {p: {outlet_of[c.article_id] for c in side} for p, side in sides.items()}
        if not sides["positive"] or not sides["negative"] or outlets["positive"] == outlets["negative"]:
            continue
        used.update(members)
        shared = sorted(set.intersection(*(set(c.participants) for c in sides["positive"] + sides["negative"])))
        subject = f"the {seed.event} of {', '.join(name.title() for name in shared)}" if shared else f"the {seed.event}"
        contradictions.append(Contradiction(
            subject=subject,
            kind="characterisation",
            positions=[_position(side, outlet_of) for side in (sides["negative"], sides["positive"])],
        ))
    return contradictions


def _position(side: Sequence[Characterisation], outlet_of: Mapping[str, str]) -> Position:
    evidence = list({(c.article_id, c.sentence): Evidence(c.article_id, c.sentence, outlet_of[c.article_id], c.start)
                     for c in side}.values())
    return Position(
        value=", ".join(dict.fromkeys(c.adjective for c in side)),
        sources=list(dict.fromkeys(c.article_id for c in side)),
        evidence=evidence,
    )
