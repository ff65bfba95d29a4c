"""Quotes and attributions: who each article says said what, the outlets it cites, and where outlets credit
one quote to different speakers.

Per sentence of an article's ``Doc``:
1. direct quotes are the text between straight or curly double quotes (or curly single quotes);
2. the speaker is the subject of a speech verb outside the quote ("'...,' Okafor added"), the object of
   "according to", or, for a pronoun, the nearest named person before it in the article;
3. reported speech ("X said that ...", "according to X, ...") is kept as an indirect quote;
4. the outlets the sentence cites as its original reporting ("told Reuters", "sources told the AP") are its
   origins, under their canonical names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from corroborate.claims.entities import TITLES, EntityResolver, clean_name, sentences_with_entities
from corroborate.records import Article, Attribution, Contradiction, Evidence, Position, Quote
from corroborate.settings import DEFAULT_SETTINGS, ClaimsSettings, Settings

#: Verbs whose subject is the source of the words reported.
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "note", "write", "tweet", "claim", "insist", "argue", "warn", "explain",
        "declare", "announce", "confirm", "deny", "reply", "respond", "acknowledge", "admit", "stress",
        "emphasize", "emphasise", "predict", "vow", "describe", "advise", "brief", "report", "suggest",
        "conclude", "reiterate", "assert", "allege", "complain", "recall", "remark", "testify", "quip", "ask",
        "urge", "caution", "contend", "mention", "observe", "signal", "accuse", "promise", "threaten",
    }
)
_PRONOUNS = frozenset({"he", "she"})
_QUOTE_SPANS = (
    re.compile(r"“([^“”]+)”"),
    re.compile(r'"([^"]+)"'),
    re.compile(r"‘([^‘’]+)’(?!\w)"),
)
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&.\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.\-]*)*"
_AFTER_NAME = r"(?=['’]s\b|\s*[,.;:)]|\s+(?:that|which|who|in|on|last|this|earlier|about|as)\b|\s*$)"
_REPORT = r"(?:report|reporting|story|article|analysis|investigation|interview)s?"
#: Phrases that cite another outlet's reporting; each captures the outlet's name as "o".
_ORIGIN_CUES = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b[Aa]ccording to (?:an? |the )?(?:\w+ )?{_REPORT} (?:from|by|in|with) (?P<o>{_NAME})",
        rf"\b[Aa]ccording to (?P<o>{_NAME}){_AFTER_NAME}",
        rf"\btold (?P<o>{_NAME}){_AFTER_NAME}",
        rf"\b(?:interview with|speaking to|quoted by|reported by|cited by|first reported by) (?P<o>{_NAME})",
        rf"(?P<o>{_NAME})['’]s (?:sources|reporting|report|reporters|correspondents?)\b",
    )
)
#: Last words of a publication's name; a named thing that "reported" is an outlet only with one of these.
_PUBLICATION_WORDS = frozenset(
    {"times", "post", "journal", "news", "press", "herald", "tribune", "guardian", "telegraph", "gazette",
     "agency", "radio", "tv", "television", "network", "wire", "daily", "weekly", "magazine", "review"}
)
_REPORTED_BY_PUBLICATION = re.compile(rf"(?P<o>{_NAME}) (?:first |has |had )?report(?:ed|s)\b")


@dataclass(slots=True)
class RelayedQuote:
    """One quote as several outlets relay it; it counts once per outlet."""

    text: str
    quotes: list[Quote]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(quote.source for quote in self.quotes))


def cited_origins(sentence_text: str, resolver: EntityResolver | None = None) -> list[str]:
    """The outlets a sentence cites as its original reporting, by canonical name ("the AP" and "Associated
    Press" are one origin when ``resolver`` knows the story's entities); people it names are not outlets."""
    names = [match.group("o") for cue in _ORIGIN_CUES for match in cue.finditer(sentence_text)]
    names += [
        match.group("o")
        for match in _REPORTED_BY_PUBLICATION.finditer(sentence_text)
        if match.group("o").split()[-1].lower() in _PUBLICATION_WORDS
    ]
    found: list[str] = []
    for name in names:
        origin = _origin_name(name, resolver)
        if origin and origin not in found:
            found.append(origin)
    return found


def _origin_name(name: str, resolver: EntityResolver | None) -> str | None:
    cleaned = clean_name(name, "ORG")
    first = cleaned.split()[0].lower().rstrip(".") if cleaned else ""
    if not cleaned or first in TITLES:
        return None
    if resolver is None:
        return cleaned
    canonical = resolver.canonical(cleaned)
    kind = resolver.type_of(canonical) if canonical else None
    # NER tags a one-word outlet ("told Axios") as a person; a person has a full name somewhere.
    if kind == "place" or (kind == "person" and canonical is not None and " " in canonical):
        return None
    return canonical or cleaned


def _speech_verbs(sentence: Span, outside: Sequence[tuple[int, int]]) -> list[Token]:
    """The sentence's speech verbs that stand outside every quote, nearest the sentence root first."""
    verbs = [
        token
        for token in sentence
        if token.lemma_.lower() in SPEECH_VERBS
        and token.pos_ == "VERB"
        and not any(start <= token.idx < end for start, end in outside)
    ]
    return sorted(verbs, key=lambda token: len(list(token.ancestors)))


def _subject(verb: Token) -> Token | None:
    """Who speaks: the verb's subject, the agent of a passive ("was told by X"), or for a verb without a
    subject ("..., telling reporters") its governing verb's; the subject of a passive is the hearer."""
    current: Token | None = verb
    while current is not None:
        if any(child.dep_ in {"nsubjpass", "auxpass"} for child in current.children):
            agent = next((child for child in current.children if child.dep_ == "agent"), None)
            return next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None
        subject = next((child for child in current.children if child.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if current.dep_ not in {"advcl", "conj", "xcomp", "ccomp"} or current.head is current:
            return None
        current = current.head
    return None


def _according_to(sentence: Span) -> Token | None:
    for token in sentence:
        if token.lower_ == "according":
            to = next((child for child in token.children if child.lower_ == "to"), None)
            if to is not None:
                return next((child for child in to.children if child.dep_ == "pobj"), None)
    return None


class _Speakers:
    """Names speakers in one article, remembering the named people met so far for pronouns."""

    def __init__(self, article: Article, resolver: EntityResolver, settings: ClaimsSettings) -> None:
        self._article = article
        self._resolver = resolver
        self._settings = settings
        self._recent: list[tuple[int, str]] = []

    def see(self, index: int, ents: Sequence[Span]) -> None:
        for ent in ents:
            name = self._resolver.canonical(ent.text, self._article.id)
            if name and self._resolver.type_of(name) == "person":
                self._recent.append((index, name))

    def is_person(self, name: str) -> bool:
        return self._resolver.type_of(name) == "person"

    def attribution(self, head: Token, cue: str, index: int) -> Attribution | None:
        if head.lower_ in _PRONOUNS:
            earlier = [name for seen, name in self._recent if index - seen <= self._settings.pronoun_lookback_sentences]
            return Attribution(earlier[-1], True, cue, head.text) if earlier else None
        if head.pos_ == "PRON":
            return None
        named = self._named(head)
        if named:
            return Attribution(named, True, cue)
        return Attribution(_description(head), False, cue)

    def _named(self, head: Token) -> str | None:
        """The entity the phrase's head belongs to: "Okafor", "the ministry", "President Okafor"."""
        if not head.ent_type_:
            return None
        doc = head.doc
        start, end = head.i, head.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return self._resolver.canonical(doc[start:end].text, self._article.id)


def _description(head: Token) -> str:
    """A speaker phrase as written, without the clauses that hang on it ("a ministry official")."""
    tokens = [token for token in head.subtree if token.i <= head.i or token.dep_ in {"prep", "pobj", "amod",
                                                                                       "compound", "acl"}]
    phrase = head.doc[tokens[0].i : head.i + 1] if tokens else head.doc[head.i : head.i + 1]
    right = [token for token in head.subtree if token.i > head.i]
    stop = next((token.i for token in right if token.text in {",", "“", '"'} or token.lower_ in {"who", "which"}),
                None)
    end = stop if stop is not None else (right[-1].i + 1 if right else head.i + 1)
    return head.doc[phrase.start : end].text.strip()


def _quote_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (in the doc) of the quoted words of a sentence."""
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTE_SPANS:
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start_char + match.start(1), sentence.start_char + match.end(1)
            if not any(s <= start < e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def _reported(verb: Token) -> str | None:
    clause = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = list(clause.subtree)
    return verb.doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def extract_quotes(
    docs: Sequence[tuple[Article, Doc]], resolver: EntityResolver, settings: Settings = DEFAULT_SETTINGS
) -> list[Quote]:
    """Every direct quote and reported statement of every article, with its speaker and cited origins."""
    found: list[Quote] = []
    for article, doc in docs:
        found.extend(_article_quotes(article, doc, resolver, settings.claims))
    return found


def _article_quotes(article: Article, doc: Doc, resolver: EntityResolver, settings: ClaimsSettings) -> list[Quote]:
    speakers = _Speakers(article, resolver, settings)
    found: list[Quote] = []
    for index, (sentence, ents) in enumerate(sentences_with_entities(doc)):
        text = sentence.text.strip()
        start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        origins = tuple(cited_origins(text, resolver))
        spans = _quote_spans(sentence)
        verbs = _speech_verbs(sentence, spans)
        for quote_start, quote_end in spans:
            words = sentence.text[quote_start - sentence.start_char : quote_end - sentence.start_char]
            words = words.strip().rstrip(",.;:").strip()
            attribution = _attribute(sentence, _governing(verbs, quote_start), spans, speakers, index)
            if words and (attribution is not None or len(words.split()) >= settings.min_quote_words):
                found.append(Quote(article.id, article.source, words, True, attribution, text, start, origins))
        if not spans:
            verb = verbs[0] if verbs else None
            attribution = _attribute(sentence, verb, spans, speakers, index)
            reported = (_reported(verb) if verb is not None else _without_cue(text)) if attribution else None
            if reported:
                found.append(Quote(article.id, article.source, reported, False, attribution, text, start, origins))
        speakers.see(index, ents)
    return found


def _governing(verbs: Sequence[Token], char: int) -> Token | None:
    """The deepest speech verb whose clause holds the quote: in "X said Y told him '...'" Y speaks."""
    holding = [verb for verb in verbs if any(token.idx <= char < token.idx + len(token) + 1 for token in verb.subtree)]
    return holding[-1] if holding else None


def _attribute(
    sentence: Span, verb: Token | None, spans: Sequence[tuple[int, int]], speakers: _Speakers, index: int
) -> Attribution | None:
    source = _according_to(sentence)
    according = speakers.attribution(source, "according to", index) if source is not None else None
    # "A wire service added that ..., according to Okafor": the person named after "according to" said the words,
    # the subject of the verb only relays them.
    if according is not None and according.named and speakers.is_person(according.speaker):
        return according
    subject = _subject(verb) if verb is not None else None
    if verb is not None and subject is not None and not any(s <= subject.idx < e for s, e in spans):
        return speakers.attribution(subject, verb.lemma_.lower(), index)
    return according


_ACCORDING = re.compile(r"^(.*?)\b[Aa]ccording to [^,]+,\s*|,?\s*according to [^,.]+")


def _without_cue(text: str) -> str:
    return _ACCORDING.sub(lambda match: match.group(1) or "", text, count=1).strip()


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'")).split())


def relayed_quotes(quotes: Iterable[Quote], settings: Settings = DEFAULT_SETTINGS) -> list[RelayedQuote]:
    """Direct quotes grouped by their words (fuzzily: outlets trim and retype quotes), each group once."""
    config = settings.claims
    groups: list[RelayedQuote] = []
    keys: list[str] = []
    for quote in quotes:
        key = _normalised(quote.text)
        if not quote.direct or len(key.split()) < config.min_matched_quote_words:
            continue
        match = next(
            (i for i, other in enumerate(keys) if fuzz.partial_ratio(key, other) >= config.same_quote_similarity),
            None,
        )
        if match is None:
            groups.append(RelayedQuote(quote.text, [quote]))
            keys.append(key)
        else:
            groups[match].quotes.append(quote)
            if len(key) > len(keys[match]):
                keys[match], groups[match].text = key, quote.text
    return groups


def quote_contradictions(quotes: Iterable[Quote], settings: Settings = DEFAULT_SETTINGS) -> list[Contradiction]:
    """Quotes that different outlets credit to different named speakers.

    Only speakers named in the sentence count: a resolved pronoun or a description ("an official") may well
    be the same person under another name, and a false contradiction costs more than a missed one.
    """
    found = []
    for group in relayed_quotes(quotes, settings):
        by_outlet: dict[str, set[str]] = defaultdict(set)
        for quote in group.quotes:
            attribution = quote.attribution
            if attribution is not None and attribution.named and attribution.pronoun is None:
                by_outlet[quote.source].add(attribution.speaker)
        # An outlet crediting two speakers (one quoting the other) takes no side.
        sides = {outlet: next(iter(names)) for outlet, names in by_outlet.items() if len(names) == 1}
        if len(set(sides.values())) > 1:
            found.append(_speaker_contradiction(group, sides))
    return found


def _speaker_contradiction(group: RelayedQuote, sides: dict[str, str]) -> Contradiction:
    positions = []
    for speaker in dict.fromkeys(sides.values()):
        quotes = [
            quote
            for quote in group.quotes
            if sides.get(quote.source) == speaker and quote.attribution and quote.attribution.speaker == speaker
        ]
        positions.append(
            Position(
                value=speaker,
                sources=list(dict.fromkeys(quote.article for quote in quotes)),
                evidence=[Evidence(quote.article, quote.sentence, quote.source, quote.start) for quote in quotes],
            )
        )
    return Contradiction(subject=f"speaker of “{group.text}”", positions=positions, kind="speaker")
