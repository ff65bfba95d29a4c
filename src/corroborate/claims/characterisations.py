"""How outlets characterise an event: "a tense call", "the talks were productive", "described it as hostile".

Two outlets that call the same event (same kind of event, same named participants) by opposite characters
contradict each other. Precision comes first: an event is "the same" only when its kind matches and at least
two named participants are shared (or the single named participant, when each side names exactly one and the
event kind is identical), and only adjectives of a known polarity count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from corroborate.nlp import SUBJECT_DEPS
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
    if noun.dep_ in SUBJECT_DEPS:
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
            positions=[_position(side, (c.adjective for c in side), outlet_of)
                       for side in (sides["negative"], sides["positive"])],
        ))
    return contradictions


def _position(
    side: Sequence[Characterisation | NoveltyClaim | StateClaim], values: Iterable[str], outlet_of: Mapping[str, str]
) -> Position:
    """One side of a contradiction: its wordings as the value, each sentence once as evidence."""
    evidence = list({(c.article_id, c.sentence): Evidence(c.article_id, c.sentence, outlet_of[c.article_id], c.start)
                     for c in side}.values())
    return Position(
        value=", ".join(dict.fromkeys(values)),
        sources=list(dict.fromkeys(c.article_id for c in side)),
        evidence=evidence,
    )


# ---- novelty: whether a stance or a document's content is new or unchanged -----------------------------------

Novelty = Literal["new", "unchanged"]

#: Nouns naming a party's stated stance; what is new or unchanged about one is said of its holder.
STANCE_NOUNS = frozenset({"position", "stance", "demand", "condition", "posture"})
#: Nouns naming information that a document or a person holds or offers.
INFORMATION_NOUNS = frozenset({
    "information", "detail", "revelation", "fact", "evidence", "material", "insight", "disclosure", "news",
    "finding", "allegation",
})
#: Verbs by which a subject holds or offers information ("the files include ...").
CONTAINER_VERBS = frozenset({
    "contain", "include", "reveal", "offer", "provide", "add", "show", "hold", "disclose", "present", "yield",
})
#: Adjectives that say a thing was not public before, when "previously" or "hitherto" goes with them;
#: alone ("an undisclosed sum") they mean secret, not new.
_UNPUBLISHED = frozenset({"undisclosed", "unreported", "unpublished", "unreleased", "unseen", "unknown", "unrevealed"})
_BEFORE = frozenset({"previously", "hitherto", "formerly"})
#: Verbs of making public, negated on a noun: "details not included in the report", "facts never reported".
_DISCLOSE_VERBS = frozenset({
    "include", "report", "disclose", "publish", "reveal", "mention", "know", "release", "discuss", "share",
    "detail", "describe", "cover", "see",
})
_ALREADY = frozenset({"already", "previously", "before"})
_NEW = frozenset({"new", "fresh", "novel"})
#: Adjectives that, under "no", deny that anything is new: "no significant information", "no new details".
_NOTEWORTHY = _NEW | {"notable", "noteworthy", "significant", "substantive", "meaningful", "major", "substantial"}
#: Verbs that change a stance; negated ("did not soften") or refused ("refusal to soften"), they keep it.
_CHANGE_VERBS = frozenset({
    "harden", "soften", "shift", "change", "alter", "revise", "reverse", "modify", "toughen", "moderate", "expand",
    "escalate", "broaden", "overhaul", "abandon", "drop", "ease", "relax", "scrap", "withdraw",
})
_CHANGE_NOUNS = frozenset({
    "shift", "change", "departure", "reversal", "softening", "hardening", "escalation", "turnaround", "evolution",
})
#: Verbs under which a change noun is asserted ("made no shift", "marks a shift"), not called for ("urged a shift").
_ASSERTING_VERBS = frozenset({
    "make", "mark", "signal", "represent", "show", "reflect", "indicate", "be", "amount", "see",
})
_REFUSALS = frozenset({"refuse", "refusal", "decline", "fail", "failure", "unwilling", "unwillingness", "reluctance"})
#: Verbs that state a stance again.
_RESTATE_VERBS = frozenset({"reiterate", "restate", "repeat", "reaffirm", "maintain"})
#: Modifiers that call a stance old: "long-standing conditions", "its familiar demands".
_OLD_STANCE = frozenset({"long-held", "longheld", "longstanding", "long-standing", "familiar", "unchanged", "usual"})
#: Predicates of an unchanged stance: "remained largely unchanged".
_UNCHANGED = frozenset({"unchanged", "intact", "unaltered"})
#: Words that place a yardstick in the past: "went beyond its earlier demands".
_PAST = frozenset({"previous", "previously", "earlier", "prior", "past", "initial", "original", "existing"})
_PRONOUN_POSSESSIVES = frozenset({"its", "their", "his", "her"})
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class NoveltyClaim:
    """One article's word on whether a subject is new or unchanged.

    ``kind`` is "stance" for a party's stance (matched across outlets on its ``holders``) or "content" for
    what a thing holds (matched on its nouns, ``keys``, and on its holders when both sides name one).
    """

    article_id: str
    sentence: str
    start: int
    kind: Literal["stance", "content"]
    subject: str
    keys: frozenset[str]
    holders: frozenset[str]
    novelty: Novelty
    expression: str


Marker = tuple[Novelty, str]


def extract_novelty(
    article: Article, doc: Doc, canonical: Callable[[str], str | None] | None = None
) -> list[NoveltyClaim]:
    """Every statement of one parsed article that something is new, or that it is unchanged."""
    found: list[NoveltyClaim] = []
    for text, start, token in _sentence_tokens(doc):
        if _is_stance(token):
            holders = _holders(token, canonical)
            for novelty, expression in _stance_markers(token) if holders else ():
                found.append(NoveltyClaim(
                    article.id, text, start, "stance", token.lemma_.lower(), frozenset({"stance"}), holders,
                    novelty, expression,
                ))
        elif token.lemma_.lower() in CONTAINER_VERBS and token.pos_ == "VERB" and _asserted(token):
            found.extend(_content_claims(article, text, start, token, canonical))
    return found


def _sentence_tokens(doc: Doc) -> Iterator[tuple[str, int, Token]]:
    """Each token with its sentence's text and start: the evidence a claim found at the token cites."""
    for sentence in doc.sents:
        text, start = sentence.text.strip(), sentence.start_char
        for token in sentence:
            yield text, start, token


# -- stances --


def _is_stance(noun: Token) -> bool:
    """A stance noun in its stance sense: not a post or rank ("its position as market leader"), nor a
    patient's condition (a stance's conditions come in the plural)."""
    lemma = noun.lemma_.lower()
    if lemma not in STANCE_NOUNS or noun.pos_ != "NOUN" or (lemma == "condition" and noun.tag_ != "NNS"):
        return False
    return not any(child.dep_ == "prep" and child.lower_ == "as" for child in (*noun.children, *noun.head.children))


def _stance_markers(noun: Token) -> Iterable[Marker]:
    """What the sentence says of the stance ``noun``: new ("went beyond its earlier demands", "a shift in
    its position") or unchanged ("long-standing conditions", "remained unchanged", "restated its demands")."""
    head = noun.head
    # "agreed to drop its long-held demand": a stance being changed is not called old by its epithet.
    changing = noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in _CHANGE_VERBS
    for child in noun.children if not changing else ():
        if child.dep_ == "amod":
            written = _hyphenated(child)
            if written in _OLD_STANCE:
                yield "unchanged", written
            elif child.lower_ in _NEW and not child.ent_type_ and noun.lemma_.lower() != "position":
                # "his new position" is a post far more often than a stance.
                yield "new", child.text
    if noun.dep_ == "nsubj" and _asserted(head):
        yield from _predicate_markers(head)
    if noun.dep_ == "dobj" and _asserted(head, refusal_keeps=True):
        yield from _verb_markers(head)
    if noun.dep_ == "pobj" and head.lower_ in {"in", "of", "from"}:
        yield from _change_noun_markers(head)


def _hyphenated(modifier: Token) -> str:
    """A modifier as written with the words hyphenated to it ("long-held"), lower-cased."""
    tokens = sorted(modifier.subtree, key=lambda token: token.i)
    if len(tokens) > 1 and any(token.text == "-" for token in tokens):
        return modifier.doc[tokens[0].i : modifier.i + 1].text.lower()
    return modifier.lower_


def _predicate_markers(verb: Token) -> Iterable[Marker]:
    """The stance is the subject: "... went beyond its earlier demands", "... remained unchanged"."""
    negated = _negated(verb)
    if verb.lemma_.lower() in {"go", "move"}:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "beyond" and _has_past_yardstick(prep):
                yield ("unchanged" if negated else "new"), _span_text(verb, prep)
    for child in verb.children:
        if child.dep_ != "acomp":
            continue
        written = _with_adverbs(child)
        if child.lower_ in _NEW:
            yield ("unchanged" if negated else "new"), ("not " if negated else "") + written
        elif child.lower_ in _UNCHANGED and not negated:
            yield "unchanged", written


def _has_past_yardstick(prep: Token) -> bool:
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    return any(token.lower_ in _PAST for obj in objects for token in obj.subtree)


def _verb_markers(verb: Token) -> Iterable[Marker]:
    """The stance is the object: "reiterated its demands", "hardened its stance", "refusal to soften its stance"."""
    lemma = verb.lemma_.lower()
    refusal = _refusal(verb)
    if lemma in _RESTATE_VERBS and not _negated(verb) and refusal is None:
        yield "unchanged", verb.text
    elif lemma in _CHANGE_VERBS:
        if refusal is not None:
            yield "unchanged", f"{refusal.text} to {verb.text}"
        elif _negated(verb):
            yield "unchanged", f"not {verb.text}"
        else:
            yield "new", verb.text


def _change_noun_markers(prep: Token) -> Iterable[Marker]:
    """The stance follows a change noun: "a shift in its position", "no shift in its position" (where the parser
    may hang "in ..." on the verb of "made no shift")."""
    head = prep.head
    nouns = [head] if head.pos_ == "NOUN" else [child for child in head.children if child.dep_ in {"dobj", "attr"}]
    for noun in nouns:
        if noun.lemma_.lower() not in _CHANGE_NOUNS:
            continue
        verb = noun.head
        if noun.dep_ in {"dobj", "attr"} and not (verb.lemma_.lower() in _ASSERTING_VERBS and _asserted(verb)):
            continue
        if noun.dep_ not in {"dobj", "attr", "nsubj", "ROOT"}:
            continue
        denied = any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children) or _negated(verb)
        words = ["no"] if denied else []
        yield ("unchanged" if denied else "new"), " ".join([*words, noun.text, prep.text])


# -- content --


def _content_claims(
    article: Article, text: str, start: int, verb: Token, canonical: Callable[[str], str | None] | None
) -> Iterable[NoveltyClaim]:
    subject = _container_subject(verb)
    if subject is None:
        return
    keys, holders = _subject_keys(subject, canonical)
    negated = _negated(verb)
    for obj in _objects(verb):
        marker = _content_marker(obj, negated)
        if marker is not None:
            shown = next((t for t in subject.children if t.dep_ == "prep" and t.lower_ == "of"), None)
            pobj = next((t for t in shown.children if t.dep_ == "pobj"), None) if shown is not None else None
            yield NoveltyClaim(
                article.id, text, start, "content", (pobj or subject).lower_, keys, holders, marker[0], marker[1]
            )


def _container_subject(verb: Token) -> Token | None:
    """The thing that holds the information: the verb's subject, or the noun a "which" clause hangs on."""
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.tag_ == "WDT" and verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ in {"NOUN", "PROPN"} else None
    return subject if subject.pos_ in {"NOUN", "PROPN"} else None


def _subject_keys(
    subject: Token, canonical: Callable[[str], str | None] | None
) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns a subject is matched on ("pages of the files": page, file) and the names holding it."""
    nouns = [subject]
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            nouns += [child for child in prep.children if child.dep_ == "pobj" and child.pos_ in {"NOUN", "PROPN"}]
    keys = frozenset(_name_key(noun, canonical) if noun.pos_ == "PROPN" else noun.lemma_.lower() for noun in nouns)
    holders = frozenset(
        _name_key(child, canonical) for noun in nouns for child in noun.children
        if child.dep_ == "poss" and _is_named(child)
    )
    return keys, holders


def _objects(verb: Token) -> Iterable[Token]:
    for child in verb.children:
        if child.dep_ == "dobj":
            yield child
            yield from (conj for conj in child.children if conj.dep_ == "conj")


def _content_marker(obj: Token, verb_negated: bool) -> Marker | None:
    """Whether the information ``obj`` is said to be new ("previously undisclosed conversations", "details not
    included in the report", "new details") or denied to be ("no significant information", "nothing new")."""
    information = obj.lemma_.lower() in INFORMATION_NOUNS
    strong = _unpublished(obj)
    adjectives = [child for child in obj.children if child.dep_ == "amod" and not child.ent_type_]
    fresh = next((a for a in adjectives if a.lower_ in _NEW), None)
    noteworthy = next((a for a in adjectives if a.lower_ in _NOTEWORTHY), None)
    no = next((child for child in obj.children if child.dep_ == "det" and child.lower_ == "no"), None)
    if obj.lower_ == "nothing" and fresh is not None:
        return "unchanged", _span_text(obj, fresh)
    if (no is not None or verb_negated) and (strong or (information and noteworthy is not None)):
        first = no if no is not None else obj
        return "unchanged", ("not " if no is None else "") + obj.doc[first.i : obj.i + 1].text
    if verb_negated or no is not None:
        return None
    if strong:
        return "new", strong
    if information and fresh is not None:
        return "new", obj.doc[fresh.i : obj.i + 1].text
    return None


def _unpublished(obj: Token) -> str | None:
    """The words calling ``obj`` not public before: "previously undisclosed", "not included in"."""
    for child in obj.children:
        if child.dep_ == "amod" and child.lower_ in _UNPUBLISHED:
            before = [a for a in child.children if a.dep_ == "advmod" and a.lower_ in _BEFORE]
            if before:
                return obj.doc[before[0].i : child.i + 1].text
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
            negation = [a for a in child.children if a.dep_ == "neg"]
            already = [a for a in child.children if a.dep_ == "advmod" and a.lower_ in _ALREADY]
            disclosing = child.lemma_.lower() in _DISCLOSE_VERBS
            # "details not included in ...", or "information that X hasn't already discussed"; not a clause
            # telling the content ("claims that he did not see the dossier").
            reduced = child.dep_ == "acl" and child.tag_ == "VBN" and disclosing
            relative = any(a.lower_ in {"that", "which"} and a.dep_ in {"dobj", "nsubjpass"} for a in child.children)
            if negation and (reduced or (relative and (disclosing or already))):
                prep = next((a for a in child.children if a.dep_ == "prep" and a.i == child.i + 1), None)
                helpers = [a.i for a in child.children if a.dep_ in {"aux", "auxpass", "neg"} and a.i < child.i]
                return obj.doc[min([*helpers, *(a.i for a in already)]) : (prep or child).i + 1].text
    return None


# -- shared --


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _refusal(verb: Token) -> Token | None:
    """The word refusing the change: "refusal to soften", "refused to soften", "failed to change"."""
    head = verb.head
    if verb.dep_ in {"acl", "xcomp"} and head.lemma_.lower() in _REFUSALS:
        return head
    return None


def _asserted(verb: Token, refusal_keeps: bool = False) -> bool:
    """Said to have happened: no modal ("could harden"), not an infinitive called for ("urged it to soften"),
    unless a refusal governs it and ``refusal_keeps``."""
    if any(child.dep_ == "aux" and child.tag_ == "MD" for child in verb.children):
        return False
    if verb.tag_ == "VB" or (verb.tag_ == "VBG" and verb.dep_ not in {"advcl", "ROOT", "conj", "relcl", "acl"}):
        return refusal_keeps and _refusal(verb) is not None
    return verb.pos_ in {"VERB", "AUX"}


def _span_text(first: Token, second: Token) -> str:
    """The words from ``first`` to the end of ``second``'s phrase."""
    end = max(token.i for token in second.subtree) + 1
    return first.doc[min(first.i, second.i) : end].text


def _with_adverbs(adjective: Token) -> str:
    adverbs = [child for child in adjective.children if child.dep_ == "advmod" and child.i < adjective.i]
    return adjective.doc[(adverbs[0] if adverbs else adjective).i : adjective.i + 1].text


def _holders(noun: Token, canonical: Callable[[str], str | None] | None) -> frozenset[str]:
    """Who holds the stance: its possessor ("Freedonia's position", "its position" resolved to the clause's
    named subject), a nationality ("Freedonian demands") or named compound, "of X", or the named subject of the verb
    whose object it is ("Freedonia restated hard-line demands")."""
    holders = _named_owners(noun, canonical)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            holders.update(_name_key(o, canonical) for o in child.children if o.dep_ == "pobj" and _is_named(o))
    if not holders and noun.dep_ == "dobj":
        subject = _clause_subject(noun.head)
        if subject is not None and _is_named(subject):
            holders.add(_name_key(subject, canonical))
    return frozenset(holders)


def _named_owners(noun: Token, canonical: Callable[[str], str | None] | None) -> set[str]:
    """The named possessor ("Freedonia's", or "its" resolved to a named subject) and named modifiers
    ("Freedonian", a named compound) of ``noun``: who holds a stance or a thing, as the noun itself says."""
    owners = set()
    for child in noun.children:
        if child.dep_ == "poss":
            holder = _pronoun_holder(noun) if child.lower_ in _PRONOUN_POSSESSIVES else child
            if holder is not None and _is_named(holder):
                owners.add(_name_key(holder, canonical))
        elif child.dep_ in {"amod", "compound"} and _is_named(child):
            owners.add(_name_key(child, canonical))
    return owners


def _pronoun_holder(noun: Token) -> Token | None:
    """What "its" or "their" stands for: the nearest named subject of a governing verb or possessor of a
    governing noun ("the ministry had made no shift in its position", "the union's refusal to soften its stance")."""
    for ancestor in noun.ancestors:
        for child in ancestor.children:
            if child.dep_ in {"nsubj", "poss"} and child.i != noun.i and child not in noun.ancestors:
                return child if _is_named(child) else None
    return None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb its participle or conjunct hangs on ("the union sent ..., restating")."""
    current = verb
    while True:
        subject = next((child for child in current.children if child.dep_ == "nsubj"), None)
        if subject is not None or current.dep_ not in {"advcl", "conj", "xcomp"} or current.head is current:
            return subject
        current = current.head


def _is_named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED_TYPES


def _name_key(token: Token, canonical: Callable[[str], str | None] | None) -> str:
    """A name's key, its canonical surname or last word; a nationality ("Freedonian") becomes the country the
    article names that it derives from ("Freedonia")."""
    if token.ent_type_ == "NORP":
        country = _country_of(token)
        if country is not None:
            token = country
    if token.ent_type_:
        start, end = token.i, token.i + 1
        while start > 0 and token.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
            end += 1
        text = token.doc[start:end].text
    else:
        text = token.text
    text = text.removesuffix("’s").removesuffix("'s")
    resolved = canonical(text) if canonical is not None else None
    return (resolved or text).split()[-1].lower()


def _country_of(nationality: Token) -> Token | None:
    """The place the article names that a nationality word derives from: Italian/Italy, Brazilian/Brazil,
    Chinese/China, German/Germany; a place ending in a consonant must be a prefix whole (Iranian/Iran, not Iraqi)."""
    word = nationality.lower_
    for ent in nationality.doc.ents:
        place = ent.text.lower()
        if ent.label_ != "GPE" or " " in place or len(place) < 4:
            continue
        stem = place[:-1] if place[-1] in "aeiouy" else place
        if word != place and word.startswith(stem):
            return ent[0]
    return None


def same_novelty_subject(a: NoveltyClaim, b: NoveltyClaim) -> bool:
    """One subject: a stance of the same holder, or the content of the same thing (same noun, no other holder)."""
    if a.kind != b.kind:
        return False
    if a.kind == "stance":
        return bool(a.holders & b.holders)
    return bool(a.keys & b.keys) and (not a.holders or not b.holders or bool(a.holders & b.holders))


def novelty_contradictions(items: Sequence[NoveltyClaim], outlet_of: Mapping[str, str]) -> list[Contradiction]:
    """Subjects that some outlets call new or changed and others unchanged or nothing new.

    An outlet that says both of one subject takes no side: it may be telling what changed and what did not.
    """
    contradictions = []
    used: set[int] = set()
    for i, seed in enumerate(items):
        if i in used:
            continue
        members = [j for j, other in enumerate(items) if j not in used and same_novelty_subject(seed, other)]
        outlets = {n: {outlet_of[items[j].article_id] for j in members if items[j].novelty == n}
                   for n in ("new", "unchanged")}
        both = outlets["new"] & outlets["unchanged"]
        sides = {
            n: [items[j] for j in members if items[j].novelty == n and outlet_of[items[j].article_id] not in both]
            for n in ("new", "unchanged")
        }
        if not sides["new"] or not sides["unchanged"]:
            continue
        used.update(members)
        # Its own kind, outside the kinds that dispute a claim: the outlets differ on how to read the facts
        # each reports, and each sentence's facts keep the status their sources give them.
        contradictions.append(Contradiction(
            subject=_novelty_subject(seed, sides["new"] + sides["unchanged"]),
            kind="novelty",
            positions=[_position(sides[n], (c.expression for c in sides[n]), outlet_of) for n in ("unchanged", "new")],
        ))
    return contradictions


def _novelty_subject(seed: NoveltyClaim, claims: Sequence[NoveltyClaim]) -> str:
    if seed.kind == "stance":
        shared = sorted(frozenset.intersection(*(c.holders for c in claims)) or seed.holders)
        return f"whether the position of {', '.join(name.title() for name in shared)} changed"
    return f"whether the {seed.subject} hold anything new"



# ---- state: whether a holder ended something or still has it -------------------------------------------------

State = Literal["ended", "kept"]

#: Verbs that end a thing its holder had: "shut down its programme", "scrapped the plant".
_END_VERBS = frozenset({
    "dismantle", "scrap", "abandon", "destroy", "eliminate", "terminate", "dissolve", "disband", "end",
    "decommission", "relinquish", "surrender",
})
#: Verbs that end a thing only with their particle: "shut down", "give up", "close down".
_END_PHRASAL = frozenset({("shut", "down"), ("close", "down"), ("give", "up"), ("wind", "down")})
#: Nouns of ending, said of the thing ended: "the programme's shutdown", "dismantling of its arsenal".
_END_NOUNS = frozenset({
    "shutdown", "dismantling", "dismantlement", "abandonment", "elimination", "destruction", "scrapping",
    "termination", "dissolution", "decommissioning", "closure", "end",
})
#: Verbs under which an ending noun is reported as done ("announced the shutdown"), not asked for ("demanded").
_REPORTING_VERBS = frozenset({"announce", "declare", "confirm", "complete", "report", "finish", "proclaim"})
#: Verbs by which a holder keeps a thing: "kept its warheads", "retains its arsenal".
_KEEP_VERBS = frozenset({"keep", "retain"})
#: Nouns whose denial ("no sign of", "no plans to") says an ending has not happened.
_ABSENCE_NOUNS = frozenset({"sign", "indication", "mention", "plan", "intention", "hint", "suggestion", "evidence"})
_REFUSE_VERBS = frozenset({"refuse", "decline", "reject"})
#: Attachments by which an ending is embedded in the clause that may deny it.
_EMBEDDING = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep"})
#: Verbs under which an infinitive "keep" states the holder's intent: "is going to keep them".
_INTENT_VERBS = frozenset({"go", "intend", "plan", "vow", "insist", "want", "pledge"})
#: Nouns of a programme: ending one ends what it builds ("ended its weapons programme" vs "kept its weapons").
_PROGRAMME_NOUNS = frozenset({"program", "programme"})
#: What an arms programme builds: its holdings, matched to the programme on a shared modifier ("nuclear").
_ARMS_NOUNS = frozenset({"weapon", "arsenal", "stockpile", "warhead", "bomb", "armament", "deterrent"})
#: Modifiers that tell nothing about which thing is meant.
_VAGUE_MODIFIERS = frozenset({
    "small", "large", "big", "huge", "vast", "own", "entire", "whole", "late", "latest", "new", "old", "current",
    "existing", "remaining", "devastating", "powerful", "secret", "such", "other", "last", "first", "final",
})
#: Words that place a statement in another time than its neighbours': "until 1990", "once kept".
_ELSEWHEN = frozenset({"once", "formerly", "previously", "until", "then", "originally", "temporarily", "again"})


@dataclass(frozen=True, slots=True)
class StateClaim:
    """One article's word that a holder ended a thing (``ended``) or keeps it (``kept``).

    ``head`` is the thing's noun lemma, ``modifiers`` its telling modifiers (to match it across outlets),
    ``holders`` the names holding it, when the sentence names them.
    """

    article_id: str
    sentence: str
    start: int
    state: State
    head: str
    modifiers: frozenset[str]
    holders: frozenset[str]
    expression: str


def extract_state_changes(
    article: Article, doc: Doc, canonical: Callable[[str], str | None] | None = None
) -> list[StateClaim]:
    """Every statement of one parsed article that a thing was ended, or that its holder keeps it."""
    found: list[StateClaim] = []
    for text, start, token in _sentence_tokens(doc):
        for state, thing, expression in _state_of(token):
            modifiers = _telling_modifiers(thing, token)
            holders = _thing_holders(thing, token, canonical)
            found.append(StateClaim(
                article.id, text, start, state, thing.lemma_.lower(), modifiers, holders, expression
            ))
    return found


def _state_of(token: Token) -> Iterable[tuple[State, Token, str]]:
    """What ``token`` says of a thing: ended ("dismantled its arsenal", "announced the programme's shutdown"),
    or kept ("kept its warheads", "no sign he plans to destroy his arsenal", "refused to give up its arsenal")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (lemma in _END_VERBS or (lemma, _particle(token)) in _END_PHRASAL):
        things = list(_things(token))
        if not things or _elsewhen(token):
            return
        if _denied(token):
            yield from (("kept", thing, f"not {token.text}") for thing in things)
        elif _done(token):
            yield from (("ended", thing, token.text) for thing in things)
    elif token.pos_ == "VERB" and lemma in _KEEP_VERBS and not _elsewhen(token) and not _negated(token):
        if _asserted(token) or (token.dep_ == "xcomp" and token.head.lemma_.lower() in _INTENT_VERBS):
            yield from (("kept", thing, token.text) for thing in _things(token))
    elif token.pos_ == "NOUN" and lemma in _END_NOUNS and _reported(token):
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                yield "ended", child, token.text
            elif child.dep_ == "prep" and child.lower_ == "of":
                yield from (("ended", o, token.text) for o in child.children if o.dep_ == "pobj" and o.pos_ == "NOUN")


def _particle(verb: Token) -> str:
    return next((child.lower_ for child in verb.children if child.dep_ == "prt"), "")


def _things(verb: Token) -> Iterable[Token]:
    """The common nouns ended or kept: the object, its conjuncts, or the passive subject."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and child.pos_ == "NOUN":
            yield child
            yield from (conj for conj in child.children if conj.dep_ == "conj" and conj.pos_ == "NOUN")


def _done(verb: Token) -> bool:
    """An ending that happened: a finite past or perfect verb, not a modal, a plan or a call for one."""
    if any(child.dep_ in {"aux", "auxpass"} and child.tag_ == "MD" for child in verb.children):
        return False
    if any(child.dep_ == "mark" and child.lower_ in {"whether", "if"} for child in verb.children):
        return False
    # "did not say it dismantled ...", "could not confirm it ended ...": the saying is denied, not the ending.
    if verb.dep_ == "ccomp" and (_negated(verb.head) or any(c.tag_ == "MD" for c in verb.head.children)):
        return False
    return verb.tag_ in {"VBD", "VBN"} and verb.dep_ in {"ROOT", "conj", "ccomp", "relcl"}


def _denied(verb: Token) -> bool:
    """An ending said not to happen: "did not dismantle", "refused to give up", "no sign he plans to destroy",
    "no mention of dismantling"; only clauses the ending is embedded in count, not a neighbouring one."""
    if _negated(verb) and not any(child.tag_ == "MD" for child in verb.children):
        return True
    node = verb
    while node.dep_ in _EMBEDDING and node.head is not node:
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in _REFUSE_VERBS or (lemma == "plan" and _negated(node)) or _absence(node):
            return True
        # "made no mention in his remarks of dismantling ...": the absence noun is the governing verb's object.
        if node.pos_ in {"VERB", "AUX"} and any(_absence(c) for c in node.children if c.dep_ in {"dobj", "attr"}):
            return True
    return False


def _absence(noun: Token) -> bool:
    return noun.lemma_.lower() in _ABSENCE_NOUNS and any(
        child.dep_ == "det" and child.lower_ == "no" for child in noun.children
    )


def _reported(noun: Token) -> bool:
    """An ending noun reported as done: the object of "announced", "confirmed", "completed", not negated."""
    verb = noun.head
    return (
        noun.dep_ == "dobj" and verb.lemma_.lower() in _REPORTING_VERBS and verb.tag_ in {"VBD", "VBN", "VBZ"}
        and _asserted(verb) and not _negated(verb)
        and not any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children)
    )


def _elsewhen(verb: Token) -> bool:
    """Placed in another time: an adverb of another time, or a phrase dated by its year ("in 1991"); a day of
    the story's week ("on Monday") is the story's own time."""
    for child in verb.children:
        if child.lower_ in _ELSEWHEN:
            return True
        if child.dep_ == "prep" and any(
            token.ent_type_ == "DATE" and token.like_num and len(token.text) == 4 for token in child.subtree
        ):
            return True
    return False


def _telling_modifiers(thing: Token, ending: Token) -> frozenset[str]:
    """The thing's modifiers that tell which it is ("nuclear", "test"), theirs ("nuclear weapons programme"), and
    those an ending noun carries for it ("nuclear programme shutdown")."""
    carriers = [thing] + ([ending] if thing.head.i == ending.i and thing.dep_ == "compound" else [])
    found: set[str] = set()
    while carriers:
        carrier = carriers.pop()
        for child in carrier.children:
            if child.dep_ in {"amod", "compound"} and child.i != thing.i and child.pos_ in {"ADJ", "NOUN"}:
                carriers.append(child)
                if child.lower_ not in _VAGUE_MODIFIERS and child.lemma_.lower() not in _VAGUE_MODIFIERS:
                    found.add(child.lemma_.lower())
    return frozenset(found)


def _thing_holders(
    thing: Token, verb: Token, canonical: Callable[[str], str | None] | None
) -> frozenset[str]:
    """Who holds the thing: its named possessor or modifier, or the named subject of the verb ending or
    keeping it ("the ministry scrapped its plan"); none when the sentence does not name one."""
    holders = _named_owners(thing, canonical)
    if not holders and verb.pos_ == "VERB":
        subject = _clause_subject(verb)
        if subject is not None and _is_named(subject):
            holders.add(_name_key(subject, canonical))
    return frozenset(holders)


def same_thing(a: StateClaim, b: StateClaim) -> bool:
    """One thing: the same noun, the telling modifiers of one among the other's ("nuclear test site" / "test
    site"), or a programme and the arms of its kind ("nuclear programme" / "nuclear arsenal", not "nuclear power
    programme"); of one holder when both name one, and told apart from others of its noun by a shared modifier or
    holder ("the weapons" of one side and "his weapons" of the other may be anyone's)."""
    if a.holders and b.holders and not a.holders & b.holders:
        return False
    if not (a.modifiers & b.modifiers or a.holders & b.holders):
        return False
    if a.head == b.head:
        return a.modifiers <= b.modifiers or b.modifiers <= a.modifiers
    programme, other = (a, b) if a.head in _PROGRAMME_NOUNS else (b, a)
    return (
        programme.head in _PROGRAMME_NOUNS and other.head in _ARMS_NOUNS
        and bool(programme.modifiers & other.modifiers) and programme.modifiers <= other.modifiers | _ARMS_NOUNS
    )


def state_contradictions(items: Sequence[StateClaim], outlet_of: Mapping[str, str]) -> list[Contradiction]:
    """Things that some outlets say were ended and others that their holder keeps.

    An outlet that says both of one thing takes no side: it may tell of a part ended and a part kept.
    """
    ended = [c for c in items if c.state == "ended"]
    kept = [c for c in items if c.state == "kept"]
    contradictions = []
    used: set[int] = set()
    for seed in ended:
        if id(seed) in used:
            continue
        sides = {
            "ended": [c for c in ended if id(c) not in used and same_thing(seed, c)],
            "kept": [c for c in kept if id(c) not in used and same_thing(seed, c)],
        }
        both = {outlet_of[c.article_id] for c in sides["ended"]} & {outlet_of[c.article_id] for c in sides["kept"]}
        sides = {s: [c for c in side if outlet_of[c.article_id] not in both] for s, side in sides.items()}
        if not sides["ended"] or not sides["kept"]:
            continue
        used.update(id(c) for side in sides.values() for c in side)
        contradictions.append(Contradiction(
            subject=f"whether the {' '.join([*sorted(seed.modifiers), seed.head])} was ended or is kept",
            kind="state",
            positions=[_position(sides[s], (c.expression for c in sides[s]), outlet_of) for s in ("ended", "kept")],
        ))
    return contradictions
