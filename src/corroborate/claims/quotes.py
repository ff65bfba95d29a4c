"""Quotes and attributions: who each article says said what, the outlets it cites, and where outlets credit
one quote to different speakers.

Per sentence of an article's ``Doc``:
1. direct quotes are the text between straight or curly double quotes (or curly single quotes);
2. the speaker is the subject of a speech verb outside the quote ("'...,' Okafor added"), the object of
   "according to", or, for a pronoun, the person it stands for (``entities.person_referred``); the subject of a
   verb that also tells what a thing shows ("suggest", "signal") only when it is someone;
3. reported speech ("X said that ...", "according to X, ...") is kept as an indirect quote;
4. the outlets the sentence cites as its original reporting ("told Reuters", "sources told the AP") are its
   origins, under their canonical names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from corroborate.align import StatementGroup, content_terms
from corroborate.claims.entities import (
    PERSON_PRONOUNS,
    PRONOUN_GENDERS,
    TITLES,
    EntityResolver,
    article_sentences,
    clean_name,
    person_gender,
    person_referred,
)
from corroborate.claims.people import BODY_NOUNS, PERSON_NOUNS
from corroborate.claims.speech import (
    EVIDENTIAL_VERBS,
    ISSUING_VERBS,
    NAMING_VERBS,
    PHRASAL_SPEECH_VERBS,
    POSTING_VERBS,
    QUOTING_VERBS,
    READING_VERBS,
    SPEECH_VERBS,
    WRITINGS,
)
from corroborate.nlp import TIME_LABELS, spacy_pipeline
from corroborate.records import Article, Attribution, Contradiction, Evidence, Position, Quote, Sentence
from corroborate.sentences import DOUBLE_MARKS, LEADING_MARKS, closed_from_before, quoted_or_open_spans
from corroborate.settings import DEFAULT_SETTINGS, ClaimsSettings, Settings

#: Words that negate the word after them, as ``_normalised`` leaves them ("wasn't" -> "wasn t").
_NEGATIONS = frozenset({"not", "no", "never", "nor", "t"})
_MARKS = frozenset('"“”‘’')
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&.\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.\-]*)*"
_AFTER_NAME = r"(?=['’]s\b|\s*[,.;:)]|\s+(?:that|which|who|in|on|last|this|earlier|about|as)\b|\s*$)"
#: Writings whose reporting a sentence may cite, as a speaker may be cited ("according to a report by X", "the
#: report said").
_REPORTS = frozenset({"report", "reporting", "story", "article", "analysis", "investigation", "interview"})
_REPORT = rf"(?:{'|'.join(sorted(_REPORTS))})s?"
#: "According to X": X is cited as the sentence's source, which may be an outlet or any other body.
_ACCORDING_TO_NAME = re.compile(rf"\b[Aa]ccording to (?P<o>{_NAME}){_AFTER_NAME}")
#: Phrases that cite a name as a news outlet, for its reporting; each captures the outlet's name as "o".
_REPORTING_CUES = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b[Aa]ccording to (?:an? |the )?(?:\w+ )?{_REPORT} (?:from|by|in|with) (?P<o>{_NAME})",
        rf"\btold (?P<o>{_NAME}){_AFTER_NAME}",
        rf"\b(?:interview with|speaking to|quoted by|reported by|cited by|first reported by) (?P<o>{_NAME})",
        rf"(?P<o>{_NAME})['’]s (?:sources|reporting|report|reporters|correspondents?)\b",
    )
)
#: Phrases that cite another outlet's reporting, or any source by name.
_ORIGIN_CUES = (_ACCORDING_TO_NAME, *_REPORTING_CUES)
#: Last words of a publication's name; a named thing that "reported" is an outlet only with one of these.
_PUBLICATION_WORDS = frozenset(
    {"times", "post", "journal", "news", "press", "herald", "tribune", "guardian", "telegraph", "gazette",
     "agency", "radio", "tv", "television", "network", "wire", "daily", "weekly", "magazine", "review"}
)
#: Nouns for a news outlet, which name one beside them: "the state news agency X", "X, a newspaper", "the X news
#: agency".
_OUTLET_NOUNS = r"(?:news agency|news service|wire service|newspaper|broadcaster|news outlet|news site|news website)"
#: Phrases that name an outlet by what it is; each captures the outlet's name as "o".
_OUTLET_NAMINGS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?P<o>{_NAME}) {_OUTLET_NOUNS}\b",
        rf"\b{_OUTLET_NOUNS} (?P<o>{_NAME})",
        rf"(?P<o>{_NAME}), (?:a|an|the) (?:[\w-]+ )?{_OUTLET_NOUNS}\b",
    )
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


def story_outlets(docs: Sequence[tuple[Article, Doc]], resolver: EntityResolver) -> frozenset[str]:
    """The names a story shows to be news outlets, by canonical name: the articles' own outlets, names it cites
    for their reporting ("told X", "X's sources"), names it calls outlets ("the news agency X", "X, a newspaper")
    and names of publications ("the Daily Gazette reported"). A bare "according to X" makes no outlet of X: a
    ministry or a survey is cited that way too."""
    names = {article.source for article, _ in docs}
    # The parse has told a reporting outlet from a country; the story's names tell it from a person, who has a
    # full name somewhere (a reporter: "reports Lee"). The model may still read an outlet's name as a place's ("the
    # Daily X" as a region), which ``_origin_name`` turns down.
    reporters = {
        canonical
        for _, doc in docs
        for verb in doc
        if _reports_news(verb)
        and (name := clean_name(_reporter_name(verb), "ORG"))
        and not (resolver.type_of(canonical := resolver.canonical(name) or name) == "person" and " " in canonical)
    }
    for text in (sentence.text for _, doc in docs for sentence in article_sentences(doc)):
        names.update(match.group("o") for cue in (*_REPORTING_CUES, *_OUTLET_NAMINGS) for match in cue.finditer(text))
        names.update(
            match.group("o")
            for cue in (_ACCORDING_TO_NAME, _REPORTED_BY_PUBLICATION)
            for match in cue.finditer(text)
            if match.group("o").split()[-1].lower().rstrip(".") in _PUBLICATION_WORDS
        )
    return frozenset(origin for name in names if (origin := _origin_name(name, resolver))) | reporters


#: Labels of names that are no outlet's: a country or a people speaks for itself. (The model labels an outlet's name
#: as anything else, a one-word one even as a person's, a newspaper's as a place's.)
_NOT_OUTLET_LABELS = frozenset({"GPE", "NORP"})
#: Pronouns by which a reported clause is about its reporter: "X reported that it had ...", "... that its profit".
_OWN_PRONOUNS = frozenset({"it", "its", "they", "their", "we", "our"})


def _reports_news(verb: Token) -> bool:
    """Whether a verb reports someone else's news as an outlet does ("X reported that the mayor would resign", "...,
    X reported"): "report" with a clause whose subject is neither the reporter nor its pronoun, and for reporter a
    name that is no body's (a ministry or a company reports on itself or gives figures: "the Ministry reported that
    30 people died" is its own finding)."""
    if verb.lemma_.lower() != "report" or verb.pos_ != "VERB":
        return False
    reporter = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    clause = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    if reporter is None or clause is None or reporter.pos_ != "PROPN" or reporter.ent_type_ in _NOT_OUTLET_LABELS:
        return False
    name = _reporter_name(verb).lower().split()
    subject = next((child for child in clause.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
    own = subject is not None and (
        subject.lower_ in _OWN_PRONOUNS
        or subject.lower_ in name
        or any(child.dep_ == "poss" and child.lower_ in _OWN_PRONOUNS for child in subject.children)
    )
    return not own and not any(word in BODY_NOUNS for word in name)


def _reporter_name(verb: Token) -> str:
    """The name of the subject of a verb."""
    return _entity_text(next(child for child in verb.children if child.dep_ == "nsubj"))


def _entity_text(head: Token) -> str:
    """The name a token ends: its entity's words, or the capitalised words ending in it."""
    doc = head.doc
    start = head.i
    if head.ent_type_:
        while start > head.sent.start and doc[start].ent_iob_ == "I":
            start -= 1
    else:
        while start > head.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].text[:1].isupper():
            start -= 1
    return doc[start : head.i + 1].text


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
        if (
            token.lemma_.lower() in SPEECH_VERBS
            or _puts_out_words(token, outside)
            or _read_writing(token)
            or _quoted_as(token)
            or _names_in_quote(token, outside)
            or _says_quote(token, outside)
            or _phrasal_speech(token)
        )
        and (token.pos_ == "VERB" or _verb_read_as_noun(token, outside))
        and not any(start <= token.idx < end for start, end in outside)
    ]
    return sorted(verbs, key=lambda token: len(list(token.ancestors)))


#: Dependents that give a verb an object or a complement of its own: a verb with one is not saying the quote beside
#: it ('continued the "review"', 'laughed at the "plan"', 'related to the "merger"').
_OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "prep", "dative", "attr", "acomp", "oprd", "agent"})


def _verb_read_as_noun(token: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a plural noun is a verb of speech the tagger misread, with its speaker between it and a quote it ends
    the sentence after ('"...," the lawsuit states.', "states" read as the plural of "state"): a speaker phrase and
    the verb alone follow the closing mark, where a noun would need a verb of its own."""
    following = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    return (
        token.tag_ == "NNS"
        and token.lemma_.lower() in SPEECH_VERBS | READING_VERBS
        and (following is None or following.is_punct)
        and _named_after_quote(token, quoted) is not None
    )


def _says_quote(verb: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a verb that brings in a quote only as the words it goes with (``QUOTING_VERBS``) does: it has no
    object or complement of its own, and the quote is its clause ('"...," Lee continued') or the parser hung the verb
    on the quoted words ('As Lee related, "..."'); "As Lee put it" is one such, with "it" for the words."""
    lemma = verb.lemma_.lower()
    put_it = lemma == "put" and any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)
    if lemma not in QUOTING_VERBS and not put_it:
        return False
    complements = [child for child in verb.children if child.dep_ in _OWN_COMPLEMENTS]
    if put_it:
        if [child.lower_ for child in complements] != ["it"]:
            return False
    elif complements:
        return False
    clauses = [child for child in verb.children if child.dep_ in {"ccomp", "parataxis"}]
    holds = any(
        any(token.idx <= start < token.idx + len(token) + 1 for token in clause.subtree)
        for clause in clauses
        for start, _ in quoted
    )
    return holds or (verb.head is not verb and any(start <= verb.head.idx < end for start, end in quoted))


def _phrasal_speech(verb: Token) -> bool:
    """Whether a verb and its particle make a verb of speech: "weighed in", "chimed in"; the parser may read the
    particle right after the verb as an adverb ("weighed in, telling Lee")."""
    return any(
        (verb.lemma_.lower(), child.lower_) in PHRASAL_SPEECH_VERBS
        for child in verb.children
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.i == verb.i + 1)
    )


def _names_in_quote(verb: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a verb of naming gives a thing a name in quoted words: a quote opens the object's complement ('called
    the suit "a sham"') or what follows "as" ('dismissed it as "a farce"')."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    names = [child for child in verb.children if child.dep_ == "oprd"]
    names += [part for child in verb.children if child.lower_ == "as" for part in child.children if part.dep_ == "pobj"]
    return any(
        any(token.idx <= start < token.idx + len(token) + 1 for token in name.subtree)
        for name in names
        for start, _ in quoted
    )


def _read_writing(verb: Token) -> Token | None:
    """The writing whose words a verb of reading gives: its subject ('the statement read'), or its object when it has
    none ('read a statement from the board')."""
    if verb.lemma_.lower() not in READING_VERBS:
        return None
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    writing = next(iter(subjects or [child for child in verb.children if child.dep_ == "dobj"]), None)
    return writing if writing is not None and writing.lemma_.lower() in WRITINGS else None


def _puts_out_writing(verb: Token) -> bool:
    """Whether a verb of posting or issuing puts out a writing: its object, if any, is a writing ("posted a
    statement", "issued a response"), not some other thing ("posted bail", "released the hostages"); a verb of
    issuing needs one ("posted online" is enough)."""
    lemma = verb.lemma_.lower()
    objects = [child.lemma_.lower() for child in verb.children if child.dep_ == "dobj"]
    if lemma in ISSUING_VERBS:
        return bool(objects) and all(obj in WRITINGS for obj in objects)
    return lemma in POSTING_VERBS and all(obj in WRITINGS for obj in objects)


def _puts_out_words(verb: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a verb of posting or issuing puts out the words of a sentence: it puts out a writing and reports a
    clause ("posted online that the bridge would reopen") or its clause holds a quote ('posted a statement:
    "..."'), not some other thing's ('posted a loss of "about" ...')."""
    if not _puts_out_writing(verb):
        return False
    return any(child.dep_ == "ccomp" for child in verb.children) or any(
        any(token.idx <= start < token.idx + len(token) + 1 for token in verb.subtree) for start, _ in quoted
    )


def _subject(verb: Token, quoted: Sequence[tuple[int, int]] = ()) -> Token | None:
    """Who speaks: the verb's subject, the agent of a passive ("was told by X"), or for a verb without a
    subject ("..., telling reporters") its governing verb's; the subject of a passive is the hearer. A subject
    inside the ``quoted`` spans is the parser hanging quoted words on the verb, not the speaker. A verb without
    a subject set after what someone is reported to have said ("X noted that Y failed, adding that ...") goes
    on the report, not on the reported clause: X adds, not Y. Nor does it go on a verb of the quoted words the
    parser hung it on ('X noted that Y "failed to act," adding ...'): the search goes on above the quote. A verb of
    speech joined to another in a reported clause ("X said Y asked about Z and said ...") shares that one's subject.
    A verb someone is made to say is the speech of whom it is asked of ("urged the minister to explain", "prompted
    users to argue"), when that is someone, not a time ("spent an hour explaining"). Who "was quoted as saying" is the
    speaker, not a hearer."""
    current: Token | None = verb
    below: Token | None = None
    while current is not None:
        reported = current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_VERBS
        speaking_on = below is not None and below.dep_ == "conj" and current.lemma_.lower() in SPEECH_VERBS
        if current is not verb and reported and not speaking_on:
            below, current = current, current.head
            continue
        if current is not verb and any(start <= current.idx < end for start, end in quoted):
            if current.head.i == current.i:
                return None
            below, current = current, current.head
            continue
        if _passive(current):
            if _quoted_as(current):
                return next((child for child in current.children if child.dep_ == "nsubjpass"), None)
            agent = next((child for child in current.children if child.dep_ == "agent"), None)
            return next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None
        subjects = [c for c in current.children if c.dep_ == "nsubj" and not any(s <= c.idx < e for s, e in quoted)]
        if subjects:
            return _nearest_subject(subjects)
        if current.dep_ == "xcomp":
            asked = next((child for child in current.head.children if child.dep_ == "dobj"), None)
            if asked is not None and (
                _is_agent(asked) or asked.lower_ in _OBJECT_PRONOUNS or current.head.lemma_.lower() in _CAUSING_VERBS
            ):
                return asked
        if current.dep_ == "pcomp" and current.head.lower_ == "as":
            below, current = current.head, current.head.head
            continue
        if current.dep_ not in {"advcl", "conj", "xcomp", "ccomp"} or current.head is current:
            return None
        below, current = current, current.head
    return None


def _passive(verb: Token) -> bool:
    return any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children)


#: Pronouns for someone as the object of a verb: "urged him to explain".
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
#: Verbs that make their object do what follows, whatever the object is called ("prompted some users to argue"),
#: where another verb's object may be a time or a means ("spent an hour explaining", "took pains to stress").
_CAUSING_VERBS = frozenset({"prompt", "lead", "cause", "force", "push", "drive", "spur", "encourage", "invite",
                            "persuade", "press", "urge", "ask", "get"})
#: Verbs whose passive subject is the one who spoke, with the verb of speech after "as": "X was quoted as saying".
_QUOTED_AS_VERBS = frozenset({"quote"})


def _quoted_as(verb: Token) -> bool:
    """Whether a verb is a passive "quoted as" with a verb of speech after it ("X was quoted as telling envoys"): the
    words are its subject's, whichever of the two verbs the parser hung them on."""
    return (
        verb.lemma_.lower() in _QUOTED_AS_VERBS
        and any(child.dep_ == "nsubjpass" for child in verb.children)
        and any(
            child.lower_ == "as" and any(part.dep_ == "pcomp" and part.lemma_.lower() in SPEECH_VERBS
                                         for part in child.children)
            for child in verb.children
        )
    )


def _named_after_quote(verb: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """The speaker of a verb of speech the parser left without a subject, written between a quote and the verb
    ('"...," team manager Ann Lee said', with the name hung on a word of the quote): the noun the phrase ends in,
    when nothing but that phrase, and perhaps a description of it between commas ('"...," Lee, a lawyer, said'),
    stands between the quote's closing mark and the verb."""
    doc = verb.doc
    last = _before_description(verb)
    if last == verb.sent.start or doc[last - 1].pos_ not in {"PROPN", "NOUN"}:
        return None
    start = last - 1
    while start > verb.sent.start and doc[start - 1].pos_ in _SPEAKER_PHRASE_TAGS:
        start -= 1
    before = doc[start - 1] if start > verb.sent.start else None
    if before is None or not before.is_punct:
        return None
    closed = before.idx + len(before.text)
    if before.text not in _MARKS | {","} or not any(0 <= closed - end <= _QUOTE_CLOSE_GAP for _, end in quoted):
        return None
    return doc[last - 1]


def _before_description(verb: Token) -> int:
    """Where the words before a verb end, less a description set off by commas right before it ('Lee, a lawyer at
    the firm, said', 'Lee, 54, said'): the name it describes ends there. A phrase between commas that is neither
    opened by an article or a number nor holds a common noun is as likely a name of its own ('Lee, Park, said')."""
    doc = verb.doc
    if verb.i - 1 <= verb.sent.start or doc[verb.i - 1].text != ",":
        return verb.i
    start = verb.i - 1
    while start > verb.sent.start and doc[start - 1].pos_ in _DESCRIPTION_TAGS:
        start -= 1
    description = doc[start : verb.i - 1]
    described = bool(description) and (
        description[0].pos_ in {"DET", "NUM"} or any(token.pos_ == "NOUN" for token in description)
    )
    return start - 1 if described and start > verb.sent.start and doc[start - 1].text == "," else verb.i


#: Words a description of a speaker is made of: "a lawyer at the firm", "54".
_DESCRIPTION_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "NUM"})


def _named_after_verb(verb: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """The speaker of a verb of speech the parser left without a subject, written after the verb that follows a quote
    ('"...," says Lee', with a name that is also a word read as an adverb; '"...," wrote Lee in a note', with the name
    read as the verb's object): the last of the capitalised words between the verb and the punctuation, the end of
    the sentence or a phrase the verb takes a preposition for, when the verb follows the quote's closing mark."""
    doc = verb.doc
    if verb.i == verb.sent.start or doc[verb.i - 1].text not in _MARKS:
        return None
    if not any(0 <= doc[verb.i - 1].idx + 1 - end <= _QUOTE_CLOSE_GAP for _, end in quoted):
        return None
    end = verb.i + 1
    # A time after the verb is no speaker ('..." said Tuesday').
    while end < verb.sent.end and _name_word(doc[end]):
        end += 1
    closed = end == verb.sent.end or doc[end].is_punct or (doc[end].dep_ == "prep" and doc[end].head.i == verb.i)
    return doc[end - 1] if end > verb.i + 1 and closed else None


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.ent_type_ not in TIME_LABELS


#: Words a speaker phrase between a quote and its verb is made of: "team general manager Ann Lee".
_SPEAKER_PHRASE_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "DET"})
#: Characters from a quote's end to the mark before its speaker: the comma and closing mark ('...,"').
_QUOTE_CLOSE_GAP = 2


def _nearest_subject(subjects: Sequence[Token]) -> Token:
    """The first subject, or a later one that ends the same phrase, which the parser split in two: a title whose full
    stop the tokeniser split off ("said Sgt. Ann Lee": "Sgt" and "Lee"), or a description before the name it is
    written with ("the agency's chief-of-staff Ann Lee said": "agency" and "Lee"). An English noun phrase ends in its
    head; words joined by a comma or a conjunction are two phrases."""
    first = subjects[0]
    for later in subjects[1:]:
        between = first.doc[first.i + 1 : later.left_edge.i]
        split_title = len(between) == 1 and between[0].text == "." and not first.whitespace_
        one_phrase = all(token.dep_ not in {"cc", "appos"} and token.text not in {",", ";"} for token in between)
        if split_title or (one_phrase and later.i < later.head.i and first.i < later.i):
            return later
    return first


def _according_to(sentence: Span) -> Token | None:
    for token in sentence:
        if token.lower_ == "according":
            to = next((child for child in token.children if child.lower_ == "to"), None)
            if to is not None:
                return next((child for child in to.children if child.dep_ == "pobj"), None)
    return None


class _Speakers:
    """Names the speakers of one article: a pronoun the named person it stands for, an entity its canonical name."""

    def __init__(
        self, article: Article, resolver: EntityResolver, settings: ClaimsSettings, outlets: frozenset[str]
    ) -> None:
        self._article = article
        self.resolver = resolver
        self.settings = settings
        self._outlets = outlets
        self.sentence_index = 0  # the place of the sentence being read among the article's sentences with words
        # The last sentence in which someone speaks: its place, where it ends, and whom it names as speaker.
        self._turn: tuple[int, int, Attribution | None] | None = None
        # The sex each speaker's pronouns told so far ("he said" of Lee), where the name alone may tell none.
        self._genders: dict[str, str] = {}

    def spoke(self, sentence: Span, attribution: Attribution | None, verbs: Sequence[Token]) -> None:
        """Note whom the sentence being read names as speaker, or that someone it does not name as a known person
        speaks in it: a verb of speech in the active voice, which has a speaker whether the parse finds one or not
        ("That being said" has none)."""
        active = any(not _passive(verb) for verb in verbs)
        if attribution is not None or active:
            self._turn = (self.sentence_index, sentence.end_char, attribution)

    def _last_turn(self, pronoun: Token) -> Attribution | None:
        """The speaker a pronoun that names no one in its window goes on from: the person named as speaker of the
        last sentence in which someone speaks, when that is at most ``pronoun_lookback_sentences`` back and nobody
        else spoke or was named since ('"...," Lee said. [...] "...," she added'), and the article does not tell that
        person's sex to be another than the pronoun's. A sentence whose speaker is no known person ends the turn: it
        may be someone else's."""
        if self._turn is None:
            return None
        index, end, attribution = self._turn
        if (
            attribution is None
            or not attribution.named
            or not self.is_person(attribution.speaker)
            or not 0 < self.sentence_index - index <= self.settings.pronoun_lookback_sentences
        ):
            return None
        # Someone else named since may be whom the pronoun means, even where the resolver cannot tell ("..., which did
        # not appeal to Ann Lee, she said").
        # A name inside quoted words is the speaker's word, not the writer's naming of someone new.
        named_since = (
            self.resolver.canonical(ent.text, self._article.id)
            for ent in pronoun.doc.ents
            if end <= ent.start_char < pronoun.idx and self._is_person_mention(ent) and not _in_quote(ent)
        )
        if any(name != attribution.speaker for name in named_since):
            return None
        article = self._article.id
        mention = next(
            (ent for ent in pronoun.doc.ents if self.resolver.canonical(ent.text, article) == attribution.speaker), None
        )
        if self._gender_of(attribution.speaker, mention) not in {None, PRONOUN_GENDERS[pronoun.lower_]}:
            return None
        return replace(attribution, pronoun=pronoun.text)

    def carried(
        self, attribution: Attribution | None, words: str, origins: tuple[str, ...]
    ) -> tuple[Attribution | None, tuple[str, ...]]:
        """The speaker and origins of words an outlet is credited with: an outlet that reports them or is cited for
        them ("..., the Gazette reported"; "according to the Gazette, ...") only carries someone else's words, so it
        is their origin, not their speaker, unless they are about the outlet itself ("the Gazette reported that it
        had ...")."""
        if (
            attribution is None
            or not attribution.named
            or attribution.pronoun is not None
            or attribution.cue not in _CARRIER_CUES
            or not any(outlet == attribution.speaker or outlet.startswith(f"{attribution.speaker} ")
                       for outlet in self._outlets)
            or _about(words, attribution.speaker)
        ):
            return attribution, origins
        return None, tuple(dict.fromkeys((*origins, attribution.speaker)))

    def reports_for(self, person: Token) -> bool:
        """Whether a person is named as a reporter of one of the story's outlets: "Ann Lee of the Gazette", "Ann
        Lee for the Gazette"."""
        for preposition in person.children:
            if preposition.dep_ == "prep" and preposition.lower_ in _OF_AN_OUTLET:
                outlet = next((child for child in preposition.children if child.dep_ == "pobj"), None)
                name = clean_name(_entity_text(outlet), "ORG") if outlet is not None else ""
                if name and (self.resolver.canonical(name) or name) in self._outlets:
                    return True
        return False

    def signer(self, name: str) -> Attribution | None:
        """Who signs words with a name: the person the story knows by it, or a name a site masked in part ("Ann
        L**"), as printed; no one for other capitalised words ("Updated on Monday", a publication's name)."""
        if "*" in name:
            # Its letters may begin a known person's name ("Ann**" of "Ann Lee"), which is no evidence it is theirs.
            return Attribution(name, False, _SIGNING_CUE)
        canonical = self.resolver.canonical(name, self._article.id)
        return Attribution(canonical, True, _SIGNING_CUE) if canonical and self.is_person(canonical) else None

    def is_person(self, name: str) -> bool:
        return self.resolver.type_of(name) == "person"

    def named_before(self, verb: Token) -> Token | None:
        """The speaker of a verb of speech the parser left without a subject, named right before it by a surname the
        tagger read as another word ("Hope says", "Young said" with the name taken for an adverb or an adjective):
        a capitalised word inside the sentence that the story knows as a person's name."""
        if verb.i <= verb.sent.start + 1:
            return None
        before = verb.doc[verb.i - 1]
        if not (before.is_alpha and before.text[:1].isupper() and before.pos_ != "PRON"):
            return None
        return before if self._person_ending(before) is not None else None

    def attribution(self, head: Token, cue: str) -> Attribution | None:
        if head.lower_ in PERSON_PRONOUNS:
            person = person_referred(head, self.settings.pronoun_lookback_sentences, self._is_person_mention)
            if person is not None and self._main_subject_besides(head, person):
                return None
            gender = PRONOUN_GENDERS[head.lower_]
            name = self.resolver.canonical(person.text, self._article.id) if person is not None else None
            # A person the article's pronouns have told to be of the other sex is someone else's antecedent.
            if name and self._genders.get(name, gender) != gender:
                name = None
            turn = Attribution(name, True, cue, head.text) if name else self._last_turn(head)
            if turn is None:
                return None
            self._genders.setdefault(turn.speaker, gender)
            return replace(turn, cue=cue)
        if head.lower_ in _GROUP_PRONOUNS:
            body = _body_referred(head)
            found = self.attribution(body, cue) if body is not None else None
            return replace(found, pronoun=head.text) if found is not None else None
        if head.pos_ == "PRON" or (cue in EVIDENTIAL_VERBS and not _is_agent(head)):
            return None
        named = self._named(head) or self._person_beside(head)
        if named:
            return Attribution(named, True, cue)
        return Attribution(_description(head), False, cue)

    def _main_subject_besides(self, pronoun: Token, person: Span) -> bool:
        """Whether an earlier sentence a pronoun was read back into has another person for its main clause's subject
        than the one read ('Lee declined to say whether Park knew. "...," he said'): a pronoun that opens the talk
        again most often goes on with that subject, so the reading of the person in a clause inside it is unsure. Not
        when that subject is known to be of the other sex than the pronoun's. A name the model tags as a person in
        any of its mentions counts as one, where the story's entities may have taken it for another kind."""
        sentence = person.sent
        if sentence == pronoun.sent:
            return False
        subjects = [child for child in sentence.root.children if child.dep_ == "nsubj"]
        tagged = {ent.text for ent in pronoun.doc.ents if ent.label_ == "PERSON"}
        return any(
            ent.start <= subject.i < ent.end
            and not person.start <= subject.i < person.end
            and (self._is_person_mention(ent) or ent.text in tagged)
            and self._may_be(ent, PRONOUN_GENDERS[pronoun.lower_])
            for subject in subjects
            for ent in sentence.ents
        )

    def _may_be(self, mention: Span, gender: str) -> bool:
        """Whether nothing the article tells of a person mentioned makes them of the other sex than ``gender``."""
        return self._gender_of(self.resolver.canonical(mention.text, self._article.id), mention) in {None, gender}

    def _gender_of(self, name: str | None, mention: Span | None) -> str | None:
        """A person's sex as the article tells it: by their mention's title or given name, or by the pronouns already
        read back to them; None when it tells nothing."""
        return (person_gender(mention) if mention is not None else None) or (self._genders.get(name) if name else None)

    def _is_person_mention(self, ent: Span) -> bool:
        name = self.resolver.canonical(ent.text, self._article.id)
        return name is not None and self.is_person(name)

    def _named(self, head: Token) -> str | None:
        """The entity the phrase's head belongs to: "Okafor", "the ministry", "President Okafor"; or the person the
        capitalised words ending in the head name when the model left them unlabelled or labelled them as no name
        the story knows ("Representative Ann Okafor", "Party Chair Ann Okafor" taken for a title of a work)."""
        doc = head.doc
        if head.ent_type_:
            start, end = head.i, head.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            name = self.resolver.canonical(doc[start:end].text, self._article.id)
            if name:
                return name
        return self._person_ending(head)

    def _person_ending(self, head: Token) -> str | None:
        """The longest run of capitalised words that ends in the head and that the story knows as a person's name:
        only a person, since a capitalised common noun opening a sentence ("Officials said") is no name."""
        if not head.text[:1].isupper():
            return None
        doc = head.doc
        start = head.i
        while start > head.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].text[:1].isupper():
            start -= 1
        for first in range(start, head.i + 1):
            name = self.resolver.canonical(doc[first : head.i + 1].text, self._article.id)
            if name and self.is_person(name):
                return name
        return None

    def _person_beside(self, head: Token) -> str | None:
        """The person a description names in apposition ("the defense minister, Ann Okafor,"; "Ann Okafor, director
        of the office", which the parser may hang the other way round); a name after a preposition ("a spokesman for
        Ann Okafor") is someone else."""
        for child in head.children:
            if child.dep_ in {"appos", "nmod"} and child.ent_type_:
                name = self._named(child)
                # A name beside a noun for a person is that person's, whatever label the model gave it.
                if name and (self.is_person(name) or (child.dep_ == "appos" and head.lemma_.lower() in PERSON_NOUNS)):
                    return name
        return None


def _in_quote(span: Span) -> bool:
    """Whether a span stands inside the quoted words of its sentence."""
    sentence = span.sent
    start = span.start_char - sentence.start_char
    return any(begin <= start < end for begin, end in quoted_or_open_spans(sentence.text, continued=True))


#: The cue of words signed on the line after them.
_SIGNING_CUE = "sign"
#: Prepositions joining a reporter to the outlet they report for: "Ann Lee of the Gazette", "for the Gazette".
_OF_AN_OUTLET = frozenset({"of", "for", "at"})
#: Cues under which an outlet passes on what it learnt, rather than speaking for itself ("X said it would appeal").
_CARRIER_CUES = frozenset({"report", "according to"})
#: Words opening a reported clause about the outlet that reports it: "(that) it had", "its own".
_ABOUT_ITSELF = re.compile(r"^(?:that\s+)?(?:it|its)\b", re.IGNORECASE)


def _about(words: str, outlet: str) -> bool:
    """Whether reported words open with the outlet as their subject ("that it would appeal", "the Gazette had")."""
    opening = _normalised(words).removeprefix("that ").removeprefix("the ")
    return bool(_ABOUT_ITSELF.match(words)) or opening.startswith(_normalised(outlet).removeprefix("the "))


#: Pronouns that stand for a body or a group when they speak: "it said", "they added".
_GROUP_PRONOUNS = frozenset({"it", "they"})
#: Labels of names that speak for a body or a group: "it" or "they" may stand for any.
_BODY_LABELS = frozenset({"ORG", "NORP", "GPE"})


def _body_referred(pronoun: Token) -> Token | None:
    """Whom "it" or "they", speaking, stands for: the one speaker of a verb of speech before it in its sentence or,
    failing one, in the sentence before ("The agency said ... It added ..."), outside quoted words, when it is a
    body or a group of its number: a named organisation, people or country, or for "it" a body noun in the
    singular ("the ministry"), for "they" a noun for people or bodies in the plural ("officials"). None when two
    speakers or none fit: only a clear antecedent speaks."""
    sentence = pronoun.sent
    for scope, before in ((sentence, pronoun.i), (_previous(sentence), None)):
        if scope is None:
            return None
        quoted = quoted_or_open_spans(scope.text, continued=True)
        speakers = {
            token.text.lower(): token
            for token in scope
            if (before is None or token.i < before)
            and token.dep_ == "nsubj"
            and token.head.lemma_.lower() in SPEECH_VERBS
            and not any(start <= token.idx - scope.start_char < end for start, end in quoted)
        }
        if speakers:
            fitting = [token for token in speakers.values() if _fits(pronoun, token)]
            return fitting[0] if len(fitting) == len(speakers) == 1 else None
    return None


def _previous(sentence: Span) -> Span | None:
    return sentence.doc[sentence.start - 1].sent if sentence.start > 0 else None


def _fits(pronoun: Token, subject: Token) -> bool:
    if subject.ent_type_:
        return subject.ent_type_ in _BODY_LABELS
    lemma = subject.lemma_.lower()
    if pronoun.lower_ == "it":
        return subject.tag_ == "NN" and lemma in BODY_NOUNS
    return subject.tag_ == "NNS" and lemma in _AGENT_NOUNS


#: Labels of names that speak: people, bodies, the countries and groups standing for their leaders, and the
#: buildings standing for the bodies inside them.
_AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
#: Heads of descriptions of people and of the bodies they speak for ("analysts", "the ministry", "the defense"); not
#: "pick", which also names a choice, and a choice shows what it signals ("The pick signals a shift").
_AGENT_NOUNS = (PERSON_NOUNS | BODY_NOUNS) - {"pick"}


def _is_agent(head: Token) -> bool:
    """Whether a subject is someone who can speak, a person or a body, or a report cited as one is, by its name's
    label (a name the model left unlabelled is most often a person's) or its head noun: not a thing that shows
    something ("The data suggest", "The move signals")."""
    if head.ent_type_:
        return head.ent_type_ in _AGENT_LABELS
    return head.pos_ == "PROPN" or head.lemma_.lower() in _AGENT_NOUNS or head.lemma_.lower() in _REPORTS


def _description(head: Token) -> str:
    """A speaker phrase as written, without the clauses that hang on it ("a ministry official")."""
    # Not a quotation mark the parser hung on the phrase ('..." the deputy director said').
    tokens = [token for token in head.subtree if (token.i <= head.i and not token.is_punct)
              or token.dep_ in {"prep", "pobj", "amod", "compound", "acl"}]
    phrase = head.doc[tokens[0].i : head.i + 1] if tokens else head.doc[head.i : head.i + 1]
    # A speaker read as the compound of a verb taken for a noun ('the lawsuit states') leaves its article to that
    # word: the article opens the phrase all the same.
    before = head.doc[phrase.start - 1] if phrase.start > head.sent.start else None
    if head.dep_ == "compound" and before is not None and before.dep_ == "det" and before.head == head.head:
        phrase = head.doc[before.i : head.i + 1]
    right = [token for token in head.subtree if token.i > head.i]
    # Nor the verb of speech the parser hung on the phrase as a participle ('the patient described in the report.'),
    # where one that leads on to the sentence's verb is the phrase's ('people briefed on the talks said').
    stop = next((token.i for token in right if token.text in {",", "“", '"'} or token.lower_ in {"who", "which"}
                 or (token.head == head and token.lemma_.lower() in SPEECH_VERBS and _ends_sentence(token))), None)
    end = stop if stop is not None else (right[-1].i + 1 if right else head.i + 1)
    return head.doc[phrase.start : end].text.strip()


def quote_spans(sentence: Span, doc_text: str) -> list[tuple[int, int]]:
    """Character spans (in the doc, whose text is ``doc_text``: spaCy rebuilds it on every read) of the quoted
    words of a sentence: closed, left open to its end, or closed from an earlier sentence."""
    within = quoted_or_open_spans(sentence.text, continued=True)
    if within and within[-1][1] == len(sentence.text) and not _runs_on(sentence, doc_text):
        within.pop()
    spans = [(sentence.start_char + start, sentence.start_char + end) for start, end in within]
    left_open = _closed_after(sentence, doc_text)
    if left_open is not None and not any(s <= left_open < e for s, e in spans):
        spans.append((left_open, sentence.start_char + len(sentence.text.rstrip())))
    return sorted(spans)


def _runs_on(sentence: Span, doc_text: str) -> bool:
    """Whether the rest of the sentence's paragraph closes a quote it did not open: the quote the sentence
    leaves open ends there, not at the sentence's end (a paragraph's quote seldom lacks its closing mark). A mark
    right after the sentence, or alone after it at the paragraph's end, is read with its last character: the
    splitter may cut a closing mark off ('... planned.' + '"', '... planned.' + ' "'); a mark after a space and
    before more words opens the next sentence's quote as often."""
    rest = doc_text[sentence.end_char :].split("\n", 1)[0]
    alone = len(rest.strip()) == 1 and rest.strip() in DOUBLE_MARKS
    cut_off = (rest[:1] in DOUBLE_MARKS or alone) and sentence.text[-1:] not in LEADING_MARKS
    return closed_from_before(sentence.text[-1:] + rest if cut_off else rest) is not None


def _closed_after(sentence: Span, doc_text: str) -> int | None:
    """Where a quote opens that the sentence splitter closed in the next sentence (a paragraph of quoted words
    whose closing mark was cut off on its own), or None. A mark closing a quote begun before opens none, nor does a
    straight one right after punctuation, which closes the quote a curly mark opened ('“... by spring," Lee said'):
    the next sentence's opening mark is its own."""
    text, following = sentence.text, doc_text[sentence.end_char :].lstrip(" ")
    before = closed_from_before(text)
    for opening, closing in (("“", "”"), ('"', '"')):
        at = text.rfind(opening)
        unclosed = text.count('"') % 2 == 1 if opening == '"' else at > text.rfind(closing)
        closes = opening == '"' and at > 0 and text[at - 1] in ",.;:!?"
        if at >= 0 and at != before and unclosed and not closes and following.startswith(closing):
            return sentence.start_char + at + 1
    return None


def _reported(verb: Token) -> str | None:
    clause = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = list(clause.subtree)
    return verb.doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def extract_quotes(
    docs: Sequence[tuple[Article, Doc]],
    resolver: EntityResolver,
    settings: Settings = DEFAULT_SETTINGS,
    outlets: frozenset[str] | None = None,
) -> list[Quote]:
    """Every direct quote and reported statement of every article, with its speaker and cited origins;
    ``outlets``, the story's outlets (``story_outlets``) when the caller has them already."""
    found: list[Quote] = []
    outlets = story_outlets(docs, resolver) if outlets is None else outlets
    for article, doc in docs:
        found.extend(_article_quotes(article, doc, _Speakers(article, resolver, settings.claims, outlets)))
    return found


def _article_quotes(article: Article, doc: Doc, speakers: _Speakers) -> list[Quote]:
    resolver, settings = speakers.resolver, speakers.settings
    found: list[Quote] = []
    placed: list[int] = []  # where each found quote's words begin in the doc
    doc_text = doc.text
    long_quotes = _long_quotes(doc_text)
    running = _RunningQuote()
    awaiting = _AwaitingSpeaker()
    handed: Attribution | None = None  # the speaker the sentence before hands on to a quote that follows it
    for sentence in article_sentences(doc):
        text = sentence.text.strip()
        if not any(character.isalnum() for character in text):
            # A mark the splitter cut off on its own ('... by spring?' + '"') hands the speaker on as it stands.
            continue
        speakers.sentence_index += 1
        start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        origins = tuple(cited_origins(text, resolver))
        between = running.enter(sentence, doc_text)
        spans = _with_long_quotes(
            quote_spans(sentence, doc_text) or ([between] if between else []), sentence, long_quotes
        )
        verbs = _speech_verbs(sentence, spans)
        following, handed = handed, None
        named_after = awaiting.named_by(sentence, verbs, speakers, doc_text) if not spans else None
        if named_after is not None:
            for index in awaiting.quotes:
                found[index] = replace(found[index], attribution=named_after)
            following = named_after if named_after.cue not in _QUESTION_CUES else None
        first_found = len(found)
        for quote_start, quote_end in spans:
            if _is_title(doc.char_span(quote_start, quote_end, alignment_mode="expand")):
                continue
            words = sentence.text[quote_start - sentence.start_char : quote_end - sentence.start_char]
            words = words.strip().rstrip(",.;:").strip()
            attribution = _attribute_quote(
                sentence, _governing(verbs, (quote_start, quote_end)), spans, speakers
            ) or _colon_attribution(sentence, (quote_start, quote_end), speakers)
            if attribution is None and _all_quoted(sentence, spans) and not _closing_names_speaker(sentence, doc_text):
                attribution = following
            attribution = running.speaker(sentence, quote_start, attribution, found)
            if words and (attribution is not None or len(words.split()) >= settings.min_quote_words):
                attribution, carriers = speakers.carried(attribution, words, origins)
                found.append(Quote(article.id, article.source, words, True, attribution, text, start, carriers))
                placed.append(quote_start)
                running.leave(sentence, quote_end, len(found) - 1, attribution)
                handed = attribution if attribution is not None and attribution.cue not in _QUESTION_CUES else None
        if spans:
            speakers.spoke(
                sentence, next((q.attribution for q in found[first_found:] if q.attribution is not None), None), verbs
            )
        awaiting.goes_on(sentence, spans, found[first_found:], found, doc_text)
        awaiting.after(sentence, spans, range(first_found, len(found)), found, following, doc_text)
        if named_after is not None:
            handed = following
        if text.endswith(":"):
            handed = _introducer(sentence, spans, speakers)
        elif handed is None and _all_quoted(sentence, spans) and text[-1] not in _MARKS:
            # Quoted words left open go on in the next sentence: its closing part names no speaker of its own.
            handed = following
        if not spans:
            # The verb reporting a clause, nearest the root: "X commented on Y, asserting that ..." reports with
            # "asserting".
            verb = next((verb for verb in verbs if _reported(verb)), verbs[0] if verbs else None)
            attribution = _attribute(sentence, verb, spans, speakers)
            speakers.spoke(sentence, attribution, verbs)
            reported = (_reported(verb) if verb is not None else _without_cue(text)) if attribution else None
            if reported:
                attribution, carriers = speakers.carried(attribution, reported, origins)
                found.append(Quote(article.id, article.source, reported, False, attribution, text, start, carriers))
                placed.append(start)
                if handed is None and _paraphrases(attribution):
                    handed = attribution
    for long_quote in long_quotes:
        _share_speaker(found, placed, long_quote)
    _sign(found, placed, doc_text, speakers)
    return found


#: A line that signs the paragraph above it, as a review or a letter to a paper is signed: a dash, the signer's name
#: (capitalised words, which a site may mask in part: "Ann L**") and perhaps where they write from ("– Ann Lee,
#: Velmont").
_SIGNATURE = re.compile(r"[–—-]\s*(?P<name>[A-Z][\w'’.*-]*(?:\s+[A-Z][\w'’.*-]*){0,3})\s*(?:,[^,\n]{1,40})?")
_CLOSING_MARKS = '"”'


def _sign(found: list[Quote], placed: Sequence[int], doc_text: str, speakers: _Speakers) -> None:
    """Give the quotes of a paragraph quoted whole that name no speaker the signer of the line right after it, when
    that is someone (``_Speakers.signer``): a review or a letter is its signer's words."""
    lines = [match for match in _PARAGRAPH.finditer(doc_text) if match.group().strip()]
    for paragraph, line in zip(lines, lines[1:], strict=False):
        signature = _SIGNATURE.fullmatch(line.group().strip())
        signer = speakers.signer(signature.group("name")) if signature and _quoted_whole(paragraph.group()) else None
        if signer is None:
            continue
        for index, at in enumerate(placed):
            if paragraph.start() <= at < paragraph.end() and found[index].direct and found[index].attribution is None:
                found[index] = replace(found[index], attribution=signer)


def _quoted_whole(paragraph: str) -> bool:
    """Whether a paragraph is one quote and nothing else: it opens and closes with a quotation mark and holds no other
    one."""
    text = paragraph.strip()
    return (
        len(text) > 2
        and text[0] in _OPENING_MARKS
        and text[-1] in _CLOSING_MARKS
        and not any(mark in text[1:-1] for mark in DOUBLE_MARKS)
    )


@dataclass(frozen=True, slots=True)
class _LongQuote:
    """A quote of several paragraphs as the news prints one: each paragraph opens with a quotation mark and only
    the last closes the quote. ``parts`` are its words in each paragraph: from the mark that leaves the quote open
    to the paragraph's end, and in the last from its opening mark to the closing one."""

    parts: tuple[tuple[int, int], ...]

    @property
    def closing(self) -> int:
        """Where the last paragraph's words begin."""
        return self.parts[-1][0]


_PARAGRAPH = re.compile(r"[^\n]+")


def _long_quotes(doc_text: str) -> list[_LongQuote]:
    """The quotes of several paragraphs in a text. A paragraph leaves a quote open when it ends inside quoted
    words that open a sentence (not a stray mark before a phrase: 'called it "a disgrace.'); the quote goes on only
    when the next paragraph opens with a quotation mark, and counts only when a paragraph opening with one closes
    it: an unclosed mark followed by anything else stays a quote of its own paragraph alone."""
    found: list[_LongQuote] = []
    parts: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(doc_text):
        text = match.group().strip()
        if not text:
            continue
        begin = match.start() + len(match.group()) - len(match.group().lstrip())
        spans = quoted_or_open_spans(text)
        opened = spans[-1][0] if spans and spans[-1][1] == len(text) and text[spans[-1][0]].isupper() else None
        opens = text[0] in _OPENING_MARKS
        if parts and opens and opened == 1:
            parts.append((begin + 1, begin + len(text)))
            continue
        if parts and opens and spans and spans[0][0] == 1:
            found.append(_LongQuote((*parts, (begin + 1, begin + spans[0][1]))))
        parts = [(begin + opened, begin + len(text))] if opened is not None else []
    return found


_OPENING_MARKS = '"“'


def _with_long_quotes(
    spans: list[tuple[int, int]], sentence: Span, long_quotes: Sequence[_LongQuote]
) -> list[tuple[int, int]]:
    """A sentence's quote spans with its part of any quote of several paragraphs, in place of the spans the sentence
    alone pairs there (it cannot see the marks of the paragraph around it)."""
    end = sentence.start_char + len(sentence.text.rstrip())
    for long_quote in long_quotes:
        for part_start, part_end in long_quote.parts:
            start, stop = max(part_start, sentence.start_char), min(part_end, end)
            if start < stop:
                spans = sorted([*(s for s in spans if s[1] <= start or s[0] >= stop), (start, stop)])
    return spans


def _share_speaker(found: list[Quote], placed: Sequence[int], long_quote: _LongQuote) -> None:
    """Give every part of a quote of several paragraphs that names no speaker the speaker named after its last
    part ('"...," Lee said') or, failing that, the first one a part names (a speaker before its first words)."""
    parts = [
        index
        for index, at in enumerate(placed)
        if found[index].direct
        and any(start <= at < end for start, end in long_quote.parts)
    ]
    closing = [found[index].attribution for index in parts if placed[index] == long_quote.closing]
    named = [attribution for attribution in closing if attribution is not None] or [
        found[index].attribution for index in parts if found[index].attribution is not None
    ]
    if not named:
        return
    for index in parts:
        if found[index].attribution is None:
            found[index] = replace(found[index], attribution=named[0])


#: Cues of a question: the words after it are an answer, someone else's.
_QUESTION_CUES = frozenset({"ask"})


def _paraphrases(attribution: Attribution | None) -> bool:
    """Whether reported speech hands its speaker to quoted words alone right after it, in its paragraph or opening the
    next ('Lee said the ferry would run. "We are ready."'): the news paraphrases a speaker, then quotes them, often in
    a paragraph of its own. Not a question (the answer is someone else's) nor a source cited or relayed ("according
    to X", "X reported"), which brings in no voice of its own."""
    return (
        attribution is not None
        and attribution.cue in SPEECH_VERBS
        and attribution.cue not in _QUESTION_CUES | _CARRIER_CUES
    )


def _all_quoted(sentence: Span, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence is quoted words alone, nothing outside its quotes but marks: a quote going on from the
    speaker of the quote before it ('"...," Lee said. "We will rebuild."') or of the words introducing it ("Lee
    said:")."""
    outside = sentence.text
    for quote_start, quote_end in sorted(spans, reverse=True):
        begin, end = quote_start - sentence.start_char, quote_end - sentence.start_char
        outside = outside[: max(begin, 0)] + outside[max(end, 0) :]
    return bool(spans) and not any(character.isalnum() for character in outside)


def _closing_names_speaker(sentence: Span, doc_text: str) -> bool:
    """Whether quoted words a sentence leaves open close further on with words of the writer's after them that may
    name their own speaker ('"B. C," Y said'); the closing mark is the first after the sentence that opens no
    paragraph (a paragraph of a quote going on opens with a mark of its own)."""
    if sentence.text.rstrip()[-1:] in _MARKS:
        return False
    rest = doc_text[sentence.end_char :]
    for match in _QUOTE_MARK.finditer(rest):
        if (sentence.text + rest[: match.start()]).rstrip(" \t").endswith("\n"):
            continue
        after = rest[match.end() :].split("\n", 1)[0]
        return any(character.isalpha() for character in after.split(".", 1)[0])
    return False


_QUOTE_MARK = re.compile('[”"]')


def _introducer(sentence: Span, spans: Sequence[tuple[int, int]], speakers: _Speakers) -> Attribution | None:
    """The speaker of words a sentence ending in a colon introduces: the subject of its verb of speech ("Lee said
    in a statement:"), or of a verb putting out a writing ("Lee issued the following statement:"), or whose words it
    says they are ("In the words of Lee:")."""
    verbs = _speech_verbs(sentence, spans) or [
        token for token in sentence if token.pos_ == "VERB" and _puts_out_writing(token)
    ]
    for verb in verbs:
        subject = _subject(verb, spans)
        if subject is not None and not any(s <= subject.idx < e for s, e in spans):
            return speakers.attribution(subject, verb.lemma_.lower())
    return _words_attribution(sentence, spans, speakers)


class _RunningQuote:
    """A quote that runs from one sentence into the next ones of its paragraph (its opening mark in one, its
    closing mark in a later one, the sentences between marked by neither): one speaker says every part, whichever
    sentence names them."""

    def __init__(self) -> None:
        self._speaker: Attribution | None = None
        self._unnamed: list[int] = []  # the found quotes of its earlier parts, when those name no speaker
        self._end = 0

    def enter(self, sentence: Span, doc_text: str) -> tuple[int, int] | None:
        """Forget a quote that the sentence before left open when a paragraph ends between them; else the whole
        sentence when it is a part between the quote's first and last (no quotation mark of its own, a closing
        one later in the paragraph)."""
        if "\n" in doc_text[self._end : sentence.start_char]:
            self._speaker, self._unnamed = None, []
        if not self._running() or any(mark in sentence.text for mark in DOUBLE_MARKS) or not _runs_on(
            sentence, doc_text
        ):
            return None
        return sentence.start_char, sentence.start_char + len(sentence.text.rstrip())

    def _running(self) -> bool:
        return self._speaker is not None or bool(self._unnamed)

    def speaker(
        self, sentence: Span, quote_start: int, attribution: Attribution | None, found: list[Quote]
    ) -> Attribution | None:
        """The speaker of a quote of ``sentence``: when it is a later part of the running quote (the words before
        a closing mark the sentence does not open, or a whole sentence between), the speaker any part names, given
        to the earlier parts too."""
        at_start = not sentence.text[: quote_start - sentence.start_char].strip(LEADING_MARKS)
        between = not any(mark in sentence.text for mark in DOUBLE_MARKS)
        closing = closed_from_before(sentence.text) is not None
        if not (self._running() and at_start and (closing or between)):
            self._speaker, self._unnamed = None, []
            return attribution
        if attribution is None:
            attribution = self._speaker
        else:
            for index in self._unnamed:
                found[index] = replace(found[index], attribution=attribution)
            self._unnamed = []
        if closing:
            self._speaker, self._unnamed = None, []
        return attribution

    def leave(self, sentence: Span, quote_end: int, index: int, attribution: Attribution | None) -> None:
        """Remember a quote the sentence leaves open at its end."""
        if quote_end >= sentence.start_char + len(sentence.text.rstrip()):
            if attribution is None:
                self._unnamed.append(index)
            else:
                self._speaker = attribution
            self._end = sentence.end_char


class _AwaitingSpeaker:
    """Sentences of a paragraph quoted whole, in a row, whose quotes name no speaker of their own, and the sentence of
    the writer's right after them, which may name it: the splitter cuts '"Open the door!" an officer shouted.' and
    '"Is it over?" Lee asked.' after the closing mark."""

    def __init__(self) -> None:
        self.quotes: list[int] = []
        self._end = 0

    def named_by(
        self, sentence: Span, verbs: Sequence[Token], speakers: _Speakers, doc_text: str
    ) -> Attribution | None:
        """The speaker a sentence without quotation marks names for the quotes just before it, when it says only
        who spoke (``_speaker_sentence``) and nothing but marks and spaces stand between them."""
        between = doc_text[self._end : sentence.start_char]
        if not self.quotes or "\n" in between or any(character.isalnum() for character in between):
            return None
        if any(mark in sentence.text for mark in DOUBLE_MARKS):
            return None
        verb = _speaker_sentence(sentence, verbs)
        return _attribute(sentence, verb, (), speakers) if verb is not None else None

    def goes_on(
        self,
        sentence: Span,
        spans: Sequence[tuple[int, int]],
        quotes: Sequence[Quote],
        found: list[Quote],
        doc_text: str,
    ) -> None:
        """Give the waiting quotes that have no speaker at all the speaker of the sentence's first quote when its verb
        says the speaker goes on and a pronoun names them ('"...," she added'), in the next paragraph too: who adds
        words said the ones before. A name adding words is as often someone else's turn ('"...," Ann Lee adds')."""
        between = doc_text[self._end : sentence.start_char]
        if not self.quotes or not quotes or any(character.isalnum() for character in between):
            return
        attribution = quotes[0].attribution
        if (
            attribution is not None
            and attribution.cue in _GOING_ON_CUES
            and attribution.pronoun is not None
            and not _all_quoted(sentence, spans)
        ):
            for index in self.quotes:
                if found[index].attribution is None:
                    found[index] = replace(found[index], attribution=attribution)

    def after(
        self,
        sentence: Span,
        spans: Sequence[tuple[int, int]],
        indices: Iterable[int],
        found: Sequence[Quote],
        following: Attribution | None,
        doc_text: str,
    ) -> None:
        """Remember the quotes of a sentence quoted whole that have no speaker or only the one handed on from before
        (``following``); any other sentence, or a paragraph's end, ends the row. A sentence quoted whole whose words
        are too few to keep ('"We are coming in!"') goes on with the row."""
        if "\n" in doc_text[self._end : sentence.start_char]:
            self.quotes = []
        indices = list(indices)
        waiting = [index for index in indices if found[index].attribution in (None, following)]
        if not (_all_quoted(sentence, spans) and len(waiting) == len(indices) and (waiting or self.quotes)):
            self.quotes = []
            return
        self.quotes += waiting
        self._end = sentence.start_char + len(sentence.text.rstrip())


#: Cues of a speaker going on with words of theirs.
_GOING_ON_CUES = frozenset({"add", "continue"})


def _speaker_sentence(sentence: Span, verbs: Sequence[Token]) -> Token | None:
    """The verb of a sentence that says only who spoke and how ('an officer shouted on the radio.', 'said Ann Lee,
    the harbour master.'): a verb of speech at its root that opens it, or that only its subject comes before, and
    reports no clause of its own ("Lee said the ferry would run" is a statement of its own)."""
    root = sentence.root
    if root not in verbs or _reported(root) is not None:
        return None
    first = next((token for token in sentence if not token.is_punct), None)
    subject = _subject(root)
    opens = first is not None and (
        first.i == root.i or (subject is not None and subject.i < root.i and subject.left_edge.i == first.i)
    )
    return root if opens else None


#: Short words a title leaves in lower case: "Gone with the Wind", "Of Mice and Men".
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "of", "to", "in", "on", "at", "by",
                                "for", "with", "from", "as", "vs"})


def _is_title(span: Span | None) -> bool:
    """Whether quoted words are the title of a work ("a memoir, 'A Long Way Home'"), not words anyone said: two
    or more words, each capitalised but for short function words, neither shouted in capitals nor a name."""
    if span is None:
        return False
    words = [token for token in span if token.is_alpha]
    if len(words) < 2 or any(token.ent_type_ == "PERSON" for token in words):
        return False
    if sum(token.is_upper and len(token) > 1 for token in words) * 2 >= len(words):
        return False
    return words[0].text[:1].isupper() and all(
        token.text[:1].isupper() or token.lower_ in _TITLE_SMALL_WORDS for token in words
    )


def _attribute_quote(
    sentence: Span, governing: Sequence[Token], spans: Sequence[tuple[int, int]], speakers: _Speakers
) -> Attribution | None:
    """The speaker of the deepest verb of speech holding a quote, or of the verb above it where the deepest is one
    that also tells what a thing shows and a thing is its subject ("X suggested the files would reveal '...'") or
    one of naming whose subject the parse lost ('X asked about Y, called Z a "..." and said'), or one in the passive
    that names no one ('That being said, "...," Lee said')."""
    for verb in governing:
        if _passive(verb) and not any(child.dep_ == "agent" for child in verb.children) and not _quoted_as(verb):
            continue
        attribution = _attribute(sentence, verb, spans, speakers)
        if attribution is not None or verb.lemma_.lower() not in EVIDENTIAL_VERBS | NAMING_VERBS:
            return attribution
    return _attribute(sentence, None, spans, speakers) or _words_attribution(sentence, spans, speakers)


#: Verbs whose subject gives someone else's words after a colon: 'Lee quoted the poet: "..."'.
_OTHERS_WORDS_VERBS = frozenset({"quote", "cite", "read", "echo", "repeat", "paraphrase", "borrow", "sing", "hear"})


def _colon_attribution(sentence: Span, quote: tuple[int, int], speakers: _Speakers) -> Attribution | None:
    """The speaker of words a person's clause brings in after a colon and that run to the sentence's end, with no
    verb of speech ('Lee agreed: "..."', 'Lee had a similar experience: "..."'): the subject of the clause, when it is
    a person the story names and the clause names no one else nor anyone's words ('Lee recalled Park's advice:',
    'Lee quoted Park:', 'Lee met the woman who ran the mill:')."""
    doc_text = sentence.doc.text
    start, end = quote
    sentence_end = sentence.start_char + len(sentence.text.rstrip())
    colon = next(
        (token for token in sentence if token.text == ":" and start > token.idx
         and not doc_text[token.idx + 1 : start].strip(' “"')),
        None,
    )
    if colon is None or doc_text[end:sentence_end].strip(' .”"!?'):
        return None
    # The main clause the colon ends, wherever the parser hung the quoted words; not a clause inside a phrase of it
    # ('Lee met the woman who ran the mill:'), whose subject may be anyone's.
    verb = colon.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"relcl", "acl"} or verb.idx >= start:
        return None
    if verb.lemma_.lower() in _OTHERS_WORDS_VERBS:
        return None
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if subject is None or subject.i > colon.i:
        return None
    clause = [token for token in sentence if token.i < colon.i and token.i not in {t.i for t in subject.subtree}]
    # Someone else in the clause, by name, by a noun for a person or by a clause of their own ("met the woman who ran
    # the mill:"), may be whose words follow.
    if any(
        token.ent_type_ == "PERSON"
        or token.text in {"'s", "’s"}
        or token.lemma_.lower() in PERSON_NOUNS
        or token.dep_ in {"relcl", "acl"}
        for token in clause
    ):
        return None
    attribution = speakers.attribution(subject, verb.lemma_.lower())
    if attribution is None or not attribution.named or not speakers.is_person(attribution.speaker):
        return None
    return attribution


def _words_of(sentence: Span, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """Whose words a sentence says it gives, outside the quoted ones: the owner of "words" in "in the words of X",
    "in X's words" or 'X's words: "..."' (and 'repeated the words of X: "..."'); "in other words" names no one."""
    for token in sentence:
        if token.lower_ != "words" or any(start <= token.idx < end for start, end in quoted):
            continue
        owner = next((child for child in token.children if child.dep_ == "poss"), None)
        of = next((child for child in token.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        if owner is None and of is not None:
            owner = next((child for child in of.children if child.dep_ == "pobj"), None)
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        introduces = (token.dep_ == "pobj" and token.head.lower_ == "in") or (
            following is not None and following.text == ":"
        )
        if owner is not None and introduces:
            return owner
    return None


def _words_attribution(
    sentence: Span, quoted: Sequence[tuple[int, int]], speakers: _Speakers
) -> Attribution | None:
    owner = _words_of(sentence, quoted)
    return speakers.attribution(owner, "words") if owner is not None else None


def _governing(verbs: Sequence[Token], quote: tuple[int, int]) -> list[Token]:
    """The speech verbs whose clause holds the quote, deepest first: in "X said Y told him '...'" Y speaks.
    Failing one, a verb the parser hung on the quoted words themselves ('"... was right,"
    X said' read as two clauses joined, or the quote's own verb taking X's as its complement): the verb whose
    head stands inside the quote. Failing that, the verb whose clause follows the quote's closing mark: a quote split
    by its attribution ('“...,” X said, “...”') is one sentence of the speaker's, which the parser may hang on the
    second part alone."""
    start, end = quote
    holding = [
        verb for verb in verbs if any(token.idx <= start < token.idx + len(token) + 1 for token in verb.subtree)
    ]
    if holding:
        return holding[::-1]
    # Of the verbs hung there, one right after the closing mark attributes the quote rather than one before it
    # ('Rather than report X, "...," the lawsuit states').
    hung = sorted(
        (verb for verb in verbs if verb.head is not verb and start <= verb.head.idx < end),
        key=lambda verb: not _follows_closing(verb, end),
    )[:1]
    return hung or [verb for verb in verbs if _follows_closing(verb, end) or _read_as_participle(verb, end)][:1]


def _read_as_participle(verb: Token, end: int) -> bool:
    """Whether a verb of speech the parser read as a participle describing the noun before it attributes a quote that
    ends at ``end`` ('"...," the patient described in the report.'): the noun's phrase opens right after the closing
    mark and the verb's words end the sentence. Not where the phrase goes on to a verb of its own ('the passengers
    described in the report were paid'), nor "described as", which names the noun."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i != verb.i - 1 or any(child.lower_ == "as" for child in verb.children):
        return False
    return _ends_sentence(verb) and _follows_closing(noun, end)


def _ends_sentence(verb: Token) -> bool:
    """Whether a participle's words end its sentence, but for punctuation."""
    rest = verb.doc[max(token.i for token in verb.subtree) + 1 : verb.sent.end]
    return verb.dep_ == "acl" and all(token.is_punct or token.is_space for token in rest)


def _follows_closing(verb: Token, end: int) -> bool:
    """Whether a verb's clause begins right after a quote that ends at ``end``: nothing but its closing mark and
    punctuation between them (the parser may hang those on the verb)."""
    begin = next(token.idx for token in verb.subtree if not token.is_punct)
    return begin >= end and not verb.doc.text[end:begin].strip(' ,"”')


def _attribute(
    sentence: Span, verb: Token | None, spans: Sequence[tuple[int, int]], speakers: _Speakers
) -> Attribution | None:
    source = _according_to(sentence)
    according = speakers.attribution(source, "according to") if source is not None else None
    # "A wire service added that ..., according to Okafor": the person named after "according to" said the words,
    # the subject of the verb only relays them; unless that person is a reporter of an outlet ("according to Ann
    # Lee of the Gazette"), who relays the subject's words.
    if (
        according is not None
        and according.named
        and speakers.is_person(according.speaker)
        and not (source is not None and speakers.reports_for(source))
    ):
        return according
    subject = (
        (
            _subject(verb, spans)
            or _named_after_quote(verb, spans)
            or _named_after_verb(verb, spans)
            or _read_writing(verb)
            or speakers.named_before(verb)
        )
        if verb is not None
        else None
    )
    if verb is not None and subject is not None and not any(s <= subject.idx < e for s, e in spans):
        return speakers.attribution(subject, verb.lemma_.lower())
    return according


_ACCORDING = re.compile(r"^(.*?)\b[Aa]ccording to [^,]+,\s*|,?\s*according to [^,.]+")


def _without_cue(text: str) -> str:
    return _ACCORDING.sub(lambda match: match.group(1) or "", text, count=1).strip()


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'")).split())


def relayed_quotes(quotes: Iterable[Quote], settings: Settings = DEFAULT_SETTINGS) -> list[RelayedQuote]:
    """Direct quotes grouped by their words (fuzzily: outlets trim and retype quotes), each group once. A phrase
    without a verb of its own relays a longer quote only when it holds one of the longer one's predicates or what a
    predicate takes ("an act of treachery" from "This was an act of treachery"); a phrase from deeper in it ("peace
    on the peninsula" from "We see a step toward peace on the peninsula") may be the outlet's own words on another
    statement."""
    config = settings.claims
    groups: list[RelayedQuote] = []
    keys: list[str] = []
    for quote in quotes:
        key = _normalised(quote.text)
        if not quote.direct or len(key.split()) < config.min_matched_quote_words:
            continue
        match = next(
            (
                i
                for i, other in enumerate(keys)
                if fuzz.partial_ratio(key, other) >= config.same_quote_similarity
                and _excerpt_relays(quote.text, groups[i].text)
            ),
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


#: Dependents that complete a predicate: its objects and complements ("said the plan", "was a failure").
_PREDICATE_PARTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "ccomp", "xcomp"})


def _excerpt_relays(text: str, other: str) -> bool:
    """Whether the shorter of two fuzzily matching quotes relays the longer: always when it has a verb of its own (a
    clause cut from the quote), else when it holds one of the longer one's predicates or what a predicate takes
    (its object or complement), which a quote trimmed to its point keeps."""
    shorter, longer = sorted((text, other), key=lambda words: len(words.split()))
    if len(shorter.split()) == len(longer.split()):
        return True
    nlp = spacy_pipeline()
    excerpt = nlp(shorter)
    if any(_is_predicate(token) for token in excerpt):
        return True
    held = {token.lemma_.lower() for token in excerpt if token.is_alpha and not token.is_stop}
    return bool(held & _predicate_lemmas(nlp(longer)))


_VERB_TAGS = frozenset({"VERB", "AUX"})


def _is_predicate(token: Token) -> bool:
    """A verb that heads a clause, not a participle describing a noun ("lasting peace")."""
    return token.pos_ in _VERB_TAGS and token.dep_ not in {"amod", "compound"}


def _predicate_lemmas(doc: Doc) -> set[str]:
    """The lemmas of a quote's predicates (its verbs, and the root of a verbless one) and of their objects and
    complements."""
    heads = [token for token in doc if _is_predicate(token)] + [sentence.root for sentence in doc.sents]
    lemmas: set[str] = set()
    for head in heads:
        lemmas.add(head.lemma_.lower())
        for child in head.children:
            if child.dep_ in _PREDICATE_PARTS:
                lemmas.update(part.lemma_.lower() for part in (child, *child.conjuncts))
    return lemmas


@dataclass(slots=True)
class SharedTerm:
    """Words in quotation marks too short to be a quote of their own ("draconian", "witch hunt") that several
    outlets put in quotation marks: one characterisation relayed by each. ``statements`` are the indices of the
    statements that use the words, quoted or not."""

    words: str
    statements: list[int]


def shared_terms(
    docs: Sequence[tuple[Article, Doc]], statements: Sequence[Sentence], settings: Settings = DEFAULT_SETTINGS
) -> list[SharedTerm]:
    """Scare-quoted words that two or more outlets put in quotation marks (on their own or inside a short
    quote: ``shared_term_max_quote_words``), each with the statements of the story that use them.

    Whole sentences that share such words often differ in everything else, so alignment leaves them apart; the
    words themselves are the fact the outlets corroborate. Matching keeps every word, "not" included ("not
    impressed" is never "impressed"), and folds only plural endings.
    """
    quoted: dict[tuple[str, ...], str] = {}
    quoted_by: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for article, doc in docs:
        doc_text = doc.text
        for sentence in doc.sents:
            for start, end in quote_spans(sentence, doc_text):
                text = doc_text[start:end].strip().strip(",.;:!?").strip()
                key = _term_key(text)
                if len(key) < settings.claims.shared_term_max_quote_words:
                    quoted_by[article.source].append(key)
                if _is_term(doc, doc_text, (start, end), key, settings.claims):
                    quoted.setdefault(key, text)
    statement_keys = [_term_key(statement.text) for statement in statements]
    # Only statements holding every word of a term can say it: a big story has thousands of statements.
    holding: dict[str, set[int]] = defaultdict(set)
    for index, words_of in enumerate(statement_keys):
        for word in words_of:
            holding[word].add(index)
    candidates = []
    for key, words in quoted.items():
        outlets = [source for source, keys in quoted_by.items() if any(_contains(other, key) for other in keys)]
        possible = sorted(set.intersection(*(holding.get(word, set()) for word in key)))
        using = [index for index in possible if _contains(statement_keys[index], key)]
        if len(outlets) >= 2 and len({statements[index].article_id for index in using}) >= 2:
            candidates.append(SharedTerm(words, using))
    # Of terms said in the same statements, the one said most widely stands, then the longest ("witch hunt",
    # not "hunt"): one claim each.
    candidates.sort(key=lambda term: (-len(term.statements), -len(term.words), term.words))
    found: list[SharedTerm] = []
    for term in candidates:
        if not any(set(term.statements) <= set(kept.statements) for kept in found):
            found.append(term)
    return found


def _term_key(text: str) -> tuple[str, ...]:
    return tuple((content_terms(word) or [word])[0] for word in _normalised(text).split())


def _is_term(doc: Doc, doc_text: str, where: tuple[int, int], key: tuple[str, ...], settings: ClaimsSettings) -> bool:
    """Words between two quotation marks that touch them, short enough to be a scare quote, with an uncommon word
    that is not a name or a number: a characterisation, not an address ("Anna," she said) or everyday words."""
    start, end = where
    closed = end < len(doc_text) and doc_text[end] in _MARKS and doc_text[start - 1] in _MARKS
    span = doc.char_span(start, end, alignment_mode="expand")
    if not closed or span is None or doc_text[start:end] != doc_text[start:end].strip():
        return False
    described = any(
        token.pos_ not in {"PROPN", "NUM", "PUNCT"}
        and token.lower_ not in STOP_WORDS
        and zipf_frequency(token.lower_, "en") < settings.shared_term_max_zipf
        for token in span
    )
    return described and 0 < len(key) < settings.min_quote_words


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` is said in ``words``: in order, and not negated ("impressed" is not in "not impressed")."""
    width, part = len(part), tuple(part)
    return any(
        tuple(words[i : i + width]) == part and (i == 0 or words[i - 1] not in _NEGATIONS)
        for i in range(len(words) - width + 1)
    )


def with_shared_terms(
    terms: Sequence[SharedTerm], statements: Sequence[Sentence], groups: Sequence[StatementGroup]
) -> list[StatementGroup]:
    """``groups`` with a group of statements for each shared term that no group already holds, labelled with
    the words and the statement that reads best alone (the shortest).

    A term whose best statement already heads a group of two or more articles joins that group instead: the
    reader would otherwise see one sentence head two claims, each with part of the outlets that say it. A
    single-source group keeps its term apart, lest the words alone make its whole statement corroborated.
    """
    extended = list(groups)
    held = [{_place(s) for s in group.sentences} for group in groups]
    heading: dict[tuple[str, int], int] = {}
    for index, group in enumerate(groups):
        if not group.own_details and len({s.article_id for s in group.sentences}) > 1:
            heading.setdefault(_place(group.representative), index)
    for term in terms:
        sentences = tuple(statements[index] for index in term.statements)
        if any({_place(s) for s in sentences} <= group for group in held):
            continue
        representative = min(sentences, key=lambda sentence: len(sentence.text))
        headed = heading.get(_place(representative))
        if headed is None:
            label = f"The words “{term.words}”, as in: {representative.text}"
            extended.append(StatementGroup(sentences, representative, label))
            continue
        group = extended[headed]
        joining = tuple(s for s in sentences if _place(s) not in held[headed])
        held[headed].update(_place(s) for s in joining)
        extended[headed] = replace(group, sentences=group.sentences + joining)
    return extended


def _place(sentence: Sentence) -> tuple[str, int]:
    return sentence.article_id, sentence.start


def quote_contradictions(quotes: Iterable[Quote], settings: Settings = DEFAULT_SETTINGS) -> list[Contradiction]:
    """Quotes that different outlets credit to different named speakers.

    Only speakers named in the sentence count: a resolved pronoun or a description ("an official") may well
    be the same person under another name, and a false contradiction costs more than a missed one. Nor does a
    relayer count ("the agency said, quoting the leader"; "a wire service reports that the leader wrote").
    """
    found = []
    for group in relayed_quotes(quotes, settings):
        by_outlet: dict[str, set[str]] = defaultdict(set)
        for quote in group.quotes:
            attribution = quote.attribution
            if attribution is not None and attribution.named and attribution.pronoun is None and not _relays(quote):
                by_outlet[quote.source].add(attribution.speaker)
        # An outlet crediting two speakers (one quoting the other) takes no side.
        sides = {outlet: next(iter(names)) for outlet, names in by_outlet.items() if len(names) == 1}
        if _different_people(set(sides.values())):
            found.append(_speaker_contradiction(group, sides))
    return found


def _different_people(speakers: set[str]) -> bool:
    """Whether the speakers are two people at least: a name that is the end of another ("Lee" of "Ann Lee",
    "Boone Lee" of "Ann Boone Lee") is the same person, where the entity merging left a surname apart."""
    return any(not _same_name(first, second) for first in speakers for second in speakers)


def _same_name(first: str, second: str) -> bool:
    shorter, longer = sorted((first.split(), second.split()), key=len)
    return longer[len(longer) - len(shorter) :] == shorter


#: Cues by which a sentence's subject passes on someone else's words: "X reports that Y published ...",
#: "X said, quoting Y".
_RELAY_CUES = frozenset({"report"})
_QUOTING = re.compile(r"\bquoting\b", re.IGNORECASE)


#: A quote inside a quote, in single marks: 'He said ‘the plan is dead,’ and left,' Lee wrote.
_NESTED_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))['‘]\s?\w[^'‘’]*['’](?=[\s,.;:!?)\]]|$)")


def _relays(quote: Quote) -> bool:
    """Whether the credited speaker only passes the words on, so the quote's author is someone else: it reports
    or quotes them, or it is the outlet the sentence cites as its reporting ("..., according to the Gazette"), or
    its words quote someone in turn (another outlet may relay just the inner words, under their own speaker)."""
    attribution = quote.attribution
    if attribution is None:
        return False
    cited = attribution.speaker in quote.origins
    quoting = bool(_QUOTING.search(quote.sentence) or _NESTED_QUOTE.search(quote.text))
    return attribution.cue in _RELAY_CUES or cited or quoting


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


# ---- wording: one quote relayed with different names or numbers in it ---------------------------------------

#: Words, ellipses (an outlet's cut) and square brackets (an outlet's own words inside the quote).
_QUOTE_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\.{3}|…|[\[\]]|[.!?]")


@dataclass(frozen=True, slots=True)
class _Wording:
    """A quote's words as written, case-folded for matching, and the word positions where an outlet's cut or
    own insertion ("...", "[...]") or a sentence boundary lies just before."""

    words: tuple[str, ...]
    keys: tuple[str, ...]
    cuts: frozenset[int]
    sentence_starts: frozenset[int]


def _wording(text: str) -> _Wording:
    words: list[str] = []
    cuts, starts = set(), {0}
    bracketed = False
    for token in _QUOTE_TOKEN.findall(text):
        if token in {"...", "…", "[", "]"}:
            cuts.add(len(words))
            bracketed = token == "[" or (bracketed and token != "]")
        elif token in {".", "!", "?"}:
            starts.add(len(words))
        else:
            words.append(token)
            if bracketed:
                cuts.add(len(words))
    return _Wording(tuple(words), tuple(word.casefold() for word in words), frozenset(cuts), frozenset(starts))


@dataclass(frozen=True, slots=True)
class _Swap:
    """Words one relay of a quote has where another has different ones, with the words either side."""

    variants: tuple[tuple[str, ...], tuple[str, ...]]
    before: str
    after: str


def wording_contradictions(quotes: Iterable[Quote], settings: Settings = DEFAULT_SETTINGS) -> list[Contradiction]:
    """Quotes that outlets relay with a different name or number in otherwise the same words.

    Only a clean swap counts: the rest of the quote matches closely, the words differ as names or numbers (not
    by case, punctuation, an inflection or a misspelling), and no outlet marked a cut or an insertion there.
    """
    quotes = [quote for quote in quotes if quote.direct]
    found = []
    for group in relayed_quotes(quotes, settings):
        if len(group.outlets) < 2:
            continue
        swaps: list[_Swap] = []
        wordings = [(quote, _wording(quote.text)) for quote in group.quotes]
        for i, (first, a) in enumerate(wordings):
            for second, b in wordings[i + 1 :]:
                if first.source != second.source:
                    swaps += [swap for swap in _swaps(a, b, settings.claims) if swap not in swaps]
        for swap in swaps:
            contradiction = _wording_contradiction(group, swap, quotes)
            if contradiction is not None:
                found.append(contradiction)
    return found


def _swaps(a: _Wording, b: _Wording, settings: ClaimsSettings) -> list[_Swap]:
    """The clean swaps between two relays of a quote; none when they differ in anything else."""
    if min(len(a.keys), len(b.keys)) < settings.wording_min_quote_words:
        return []
    opcodes = SequenceMatcher(None, a.keys, b.keys, autojunk=False).get_opcodes()
    # Words before the first match or after the last are where one outlet began or ended its excerpt.
    while opcodes and opcodes[0][0] != "equal":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] != "equal":
        opcodes.pop()
    if not opcodes:
        return []
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    span = min(opcodes[-1][2] - opcodes[0][1], opcodes[-1][4] - opcodes[0][3])
    if matched < settings.wording_min_matched_share * span:
        return []
    swaps = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        if tag != "replace" or not _clean_swap(a, (i1, i2), b, (j1, j2), settings):
            return []
        anchors = (opcodes[index - 1], opcodes[index + 1])
        if any(end - start < settings.wording_min_context_words for _, start, end, _, _ in anchors):
            return []
        swaps.append(_Swap((a.words[i1:i2], b.words[j1:j2]), a.keys[i1 - 1], a.keys[i2]))
    return swaps


def _clean_swap(
    a: _Wording, at_a: tuple[int, int], b: _Wording, at_b: tuple[int, int], settings: ClaimsSettings
) -> bool:
    """Names for names or numbers for numbers, truly different, with no cut, insertion or sentence start there."""
    if any(cut in wording.cuts for wording, (start, end) in ((a, at_a), (b, at_b)) for cut in range(start, end + 1)):
        return False
    mine, theirs = a.words[at_a[0] : at_a[1]], b.words[at_b[0] : at_b[1]]
    if max(len(mine), len(theirs)) > settings.wording_max_swap_words:
        return False
    if all(word.isdigit() for word in (*mine, *theirs)):
        return True
    names = all(_is_name_word(word) for word in (*mine, *theirs))
    starts = at_a[0] in a.sentence_starts or at_b[0] in b.sentence_starts
    return (
        names and not starts
        and fuzz.ratio(" ".join(mine).casefold(), " ".join(theirs).casefold()) < settings.wording_max_name_similarity
    )


def _is_name_word(word: str) -> bool:
    """Capitalised as a name is ("Anna", "McDonald"), not shouted in capitals nor a number."""
    return word[0].isupper() and any(c.islower() for c in word[1:])


def _wording_contradiction(group: RelayedQuote, swap: _Swap, quotes: Sequence[Quote]) -> Contradiction | None:
    """Each outlet's side of one swap: the relays, in the group or elsewhere, that carry either variant in its
    context; an outlet carrying both takes no side."""
    sides: dict[tuple[str, ...], list[Quote]] = {}
    for variant in swap.variants:
        keys = tuple(word.casefold() for word in variant)
        sides[variant] = [quote for quote in quotes if _carries(_wording(quote.text).keys, keys, swap)]
    outlets = [{quote.source for quote in side} for side in sides.values()]
    both = outlets[0] & outlets[1]
    kept = {variant: [q for q in side if q.source not in both] for variant, side in sides.items()}
    if not all(kept.values()):
        return None
    return Contradiction(
        subject=f"the words of {_speaker_of(group)}",
        kind="wording",
        positions=[
            Position(
                value=" ".join(variant),
                sources=list(dict.fromkeys(quote.article for quote in side)),
                evidence=list({(q.article, q.sentence): Evidence(q.article, q.sentence, q.source, q.start)
                               for q in side}.values()),
            )
            for variant, side in kept.items()
        ],
    )


def _carries(keys: Sequence[str], variant: Sequence[str], swap: _Swap) -> bool:
    """Whether a quote holds ``variant`` beside the same words as the swap's relays ("the Anna", "Anna Berg")."""
    width = len(variant)
    for start in range(len(keys) - width + 1):
        if tuple(keys[start : start + width]) == tuple(variant):
            before = start > 0 and keys[start - 1] == swap.before
            after = start + width < len(keys) and keys[start + width] == swap.after
            if before or after:
                return True
    return False


def _speaker_of(group: RelayedQuote) -> str:
    named = [q.attribution.speaker for q in group.quotes if q.attribution and q.attribution.named]
    if named:
        return f"{max(set(named), key=named.count)}'s quote"
    return f"the quote “{group.text}”"
