"""Roles and titles: what each article says a person is, and where outlets disagree about it.

A role is read from three constructions around a person's name: a title before it ("U.S. Secretary of State
Jane Doe"), an appositive after it ("Doe, a veteran budget expert,") and one before it ("the
region's governor, Ana Silva"). Roles of one person from different articles contradict only when both are
current public offices that one person cannot hold at once (a senator is not a cabinet secretary); former and
prospective offices, epithets, deputies and more or less specific forms of one office never contradict.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from corroborate.claims.entities import (
    TITLES,
    EntityResolver,
    article_sentences,
    clean_name,
    fold,
    sentences_with_entities,
)
from corroborate.claims.people import PARTICIPANTS, PERSON_NOUNS, SHORT_OFFICES
from corroborate.claims.quotes import quote_spans
from corroborate.records import Article, Contradiction, Evidence, Position, RoleMention
from corroborate.settings import DEFAULT_SETTINGS, Settings

#: Nouns that say what a person is: offices, occupations and common epithets; not the part someone plays in one
#: event ("a witness", "residents"), which says nothing of them elsewhere.
ROLE_NOUNS = PERSON_NOUNS - PARTICIPANTS
#: Words that qualify a role without naming one ("senior", "former"), kept in the role text.
ROLE_MODIFIERS = frozenset(
    {
        "former", "ex", "then", "acting", "interim", "senior", "junior", "top", "chief", "deputy", "vice",
        "assistant", "associate", "longtime", "long-time", "veteran", "outgoing", "incoming", "late",
        "foreign", "defense", "defence", "prime", "attorney", "general", "state", "new", "first", "lead",
        "special", "personal", "his", "her", "their", "its",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "now", "then", "also", "currently"})
#: Words opening a phrase like a determiner that say the role is past: the normalised role keeps them for ``_PAST``.
_PAST_WORDS = frozenset({"then"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
#: A role no longer or not yet held can be true beside any current one.
_PAST = re.compile(r"\b(?:former|ex|then|previous|past|late|onetime|one-time|erstwhile|retired)\b")
_PROSPECTIVE = re.compile(
    r"\b(?:nominee|pick|designate|elect|candidate|hopeful|would-be|incoming|nominated|choice|frontrunner)\b"
)
_SUBORDINATE = re.compile(r"\b(?:vice|deputy|assistant|under|associate|undersecretary|secretary[- ]general)\b")
#: Offices named by a fixed phrase, wherever it stands in the role: (pattern, kind, portfolio).
_OFFICE_PHRASES: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(pattern), kind, portfolio)
    for pattern, kind, portfolio in (
        (r"\b(?:foreign (?:minister|secretary)|(?:top|chief) diplomat|secretary of state(?! for)"
         r"|minister (?:of|for) foreign affairs|foreign affairs minister)$", "cabinet", "foreign"),
        (r"\b(?:secretary|minister) (?:of|for) (?:the )?(\w+)$", "cabinet", None),
        (r"\battorney general$", "cabinet", "justice"),
        (r"\b(?:prime minister|premier)$", "head", None),
        (r"\bmember of (?:parliament|congress)$", "legislator", None),
    )
)
#: Cabinet portfolios: a "secretary" is a cabinet member only with one of these (not a press secretary).
_PORTFOLIOS = frozenset(
    {
        "state", "defense", "defence", "treasury", "commerce", "labor", "labour", "energy", "interior",
        "education", "health", "transportation", "transport", "agriculture", "homeland", "home", "foreign",
        "veterans", "housing", "justice", "war", "finance", "economy", "trade", "environment", "culture",
    }
)
#: Offices named by the role's head noun, its last word before any "of"/"for"/"at" phrase.
_OFFICE_HEADS = {
    "president": ("head", None),
    "chancellor": ("head", None),
    "king": ("head", None),
    "queen": ("head", None),
    "monarch": ("head", None),
    "emperor": ("head", None),
    "minister": ("cabinet", None),
    "senator": ("legislator", "upper"),
    "sen": ("legislator", "upper"),
    "congressman": ("legislator", "lower"),
    "congresswoman": ("legislator", "lower"),
    "congressmember": ("legislator", "lower"),
    "lawmaker": ("legislator", None),
    "legislator": ("legislator", None),
    "mp": ("legislator", None),
    "governor": ("subnational", None),
    "mayor": ("subnational", None),
    "judge": ("judiciary", None),
    "justice": ("judiciary", None),
}
_HEAD_END = re.compile(r" (?:of|for|at|to|in|on|from|with|who|that)\b.*$")


@dataclass(frozen=True, slots=True)
class Office:
    """A role read as an office: its kind ("cabinet", "legislator", ...) and portfolio, when it is one."""

    kind: str
    portfolio: str | None
    current: bool


def office_of(normalised: str) -> Office | None:
    """The office a normalised role names, or None for an epithet or a function that is no public office."""
    if _SUBORDINATE.search(normalised):
        return None
    current = not (_PAST.search(normalised) or _PROSPECTIVE.search(normalised))
    for pattern, kind, portfolio in _OFFICE_PHRASES:
        match = pattern.search(normalised)
        if match:
            return Office(kind, portfolio or next(iter(match.groups()), None), current)
    words = _HEAD_END.sub("", normalised).split()
    if not words or "bank" in words:
        return None
    if words[-1] == "secretary":
        portfolio = words[-2] if len(words) > 1 else None
        return Office("cabinet", portfolio, current) if portfolio in _PORTFOLIOS else None
    if words[-1] == "representative" and len(words) == 1:
        return Office("legislator", "lower", current)
    if words[-1] == "minister" and len(words) > 1:
        return Office("cabinet", "foreign" if words[-2] == "foreign" else words[-2], current)
    kind, portfolio = _OFFICE_HEADS.get(words[-1], (None, None))
    return Office(kind, portfolio, current) if kind else None


def compatible(first: str, second: str) -> bool:
    """Whether two normalised roles can both be true of one person at one time (the precise side: when in
    doubt, they can)."""
    one, other = office_of(first), office_of(second)
    if one is None or other is None or not (one.current and other.current):
        return True
    if one.kind != other.kind:
        return False
    # Two chambers of one legislature exclude each other; other same-kind pairs may be held together.
    return not (one.kind == "legislator" and one.portfolio and other.portfolio and one.portfolio != other.portfolio)


def normalise_role(tokens: Sequence[Token]) -> str:
    """The role without its possessor, jurisdiction or rank words: "France's Foreign Minister" -> "foreign
    minister", "senior U.S. Senator" -> "senator"."""
    # Only a possessor before the role's head is its owner: in "professor at the city's law school" it is not.
    head_part = next((i for i, token in enumerate(tokens) if token.pos_ == "ADP"), len(tokens))
    after_possessor = max(
        (i + 1 for i, token in enumerate(tokens[:head_part]) if token.text in _POSSESSIVE_TOKENS), default=0
    )
    kept = [
        token
        for token in tokens[after_possessor:]
        if token.ent_type_ not in {"GPE", "NORP", "LOC"} and token.lower_ not in _DETERMINERS - _PAST_WORDS
        and token.lower_ not in {"senior", "junior", "longtime", "veteran", "powerful", "new"}
        and token.text not in _POSSESSIVE_TOKENS
    ]
    # A jurisdiction cut from the end leaves its preposition: "envoy to" of "envoy to Spain".
    while kept and kept[-1].pos_ == "ADP":
        kept.pop()
    return " ".join(_SHORTENED_OFFICES.get(word, word) for word in fold(" ".join(token.text for token in kept)).split())


#: Offices shortened before a name, written out, so that "Sen. X" and "Senator X" give one role.
_SHORTENED_OFFICES = {"sen": "senator", "rep": "representative", "gov": "governor"}


def _title_before(ent: Span, sentence: Span) -> list[Token]:
    """The title words right before a name ("U.S. Secretary of State"), or none."""
    doc = ent.doc
    start = ent.start
    while start > sentence.start:
        if _hyphen_joined(doc, start, sentence.start):
            start -= 2
        elif _title_word(doc[start - 1]) or _qualifying_word(doc[start - 1], ent.start):
            start -= 1
        else:
            break
    start = _qualifier_start(doc, start, sentence.start)
    words = list(doc[start : ent.start])
    while words and not (
        _role_anchor(words[0]) or _qualifying_word(words[0], ent.start) or _hyphen_joined(doc, words[0].i + 2, start)
    ):
        words.pop(0)
    # "a cousin of Jane Doe": the name is whose the role is, not who holds it.
    if not words or words[-1].lower_ in {"of", "the", "and"}:
        return []
    # "Representative Mary Ann Lopez" tagged as "Ann Lopez": a first name is no title.
    while len(words) > 1 and words[-2].lower_ in ROLE_NOUNS and not (words[-1].ent_type_ or _role_word(words[-1])):
        words.pop()
    return words if any(_role_noun(token) for token in words) else []


def _hyphen_joined(doc: Doc, start: int, floor: int) -> bool:
    """The word at ``start`` is joined by a hyphen, with no space, to the word before it: one word of a title
    ("editor-in-chief", "T-Mobile"), which a title cut at the hyphen would leave as a fragment ("chief")."""
    return (
        start - 2 >= floor and doc[start - 1].text in {"-", "\u2010"}
        and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and doc[start - 2].is_alpha
    )


def _qualifying_word(token: Token, name_start: int) -> bool:
    """A common noun or an adjective in lower case that qualifies a later word of the title before a name ("press"
    of "press secretary", "national" of "national security adviser"): a title cut before it says less than the
    article does, and loses the "former" that may open it."""
    return (
        (token.pos_, token.dep_) in {("NOUN", "compound"), ("ADJ", "amod")} and token.is_lower
        and token.i < token.head.i <= name_start and token.lower_ not in _DETERMINERS
    )


#: Words joined to a title by a hyphen that change what it is: "vice-premier" is not a premier.
_HYPHEN_PREFIXES = frozenset({"then", "ex", "former", "vice", "co"})


def _qualifier_start(doc: Doc, start: int, floor: int) -> int:
    """Take in a qualifier that scopes over the title from outside it: "then-Acting Attorney General",
    "former prosecutor and New York mayor"."""
    if start - 2 >= floor and doc[start - 1].text == "-" and doc[start - 2].lower_ in _HYPHEN_PREFIXES:
        return start - 2
    if start - 1 > floor and doc[start - 1].lower_ == "and":
        left = doc[max(floor, start - 5) : start - 1]
        if left and left[-1].lower_ in ROLE_NOUNS and _PAST.search(left.text.lower()):
            return left.start + next(i for i, token in enumerate(left) if _PAST.search(token.lower_))
    return start


def _role_word(token: Token) -> bool:
    return _role_noun(token) or token.lower_ in ROLE_MODIFIERS


def _role_noun(token: Token) -> bool:
    """A word naming a role, or an office shortened before a name ("Sen.", "Rep.")."""
    return token.lower_ in ROLE_NOUNS or (token.text.endswith(".") and token.lower_[:-1] in SHORT_OFFICES)


def _title_word(token: Token) -> bool:
    if token.ent_type_ == "PERSON" or token.is_punct or token.text in _POSSESSIVE_TOKENS:
        return False
    return token.lower_ in ROLE_NOUNS | ROLE_MODIFIERS | {"of", "the"} or token.text[:1].isupper()


def _role_anchor(token: Token) -> bool:
    """Where a title may begin: a role word, or a named jurisdiction ("U.S.", "French", "FBI")."""
    if token.lower_ in {"of", "the", "his", "her", "their", "its"}:
        return False
    return _role_word(token) or bool(token.ent_type_) or token.is_upper


#: An appositive after a name runs to a comma, a semicolon or a sentence's end; not to the period of an initial
#: or of "St.", "Mt.", "Ft." inside a name in it ("the father of James T. Kirk", "a professor in St. Louis"), which
#: would leave the name cut. "Mr." ends one: what follows is another person (``_before_honorific``).
_AFTER = re.compile(r"^\s*,\s*([^,;:()\[\]“”\"]+?)\s*(?:,|;|(?<!\b[A-Z])(?<!\b[SMF]t)\.\s|\.$|$)")
_OPENER = re.compile(r"\b(?:the|a|an|his|her|its|their)\s|\b[\w.]+['’]s\s", re.IGNORECASE)
_BEFORE_END = re.compile(r"[^,;:()\[\]“”\"]+?(?=,\s*$)")


def _appositive_after(ent: Span, sentence: Span, max_words: int) -> list[Token]:
    match = _AFTER.match(_between(sentence, ent.end_char, sentence.end_char))
    if not match:
        return []
    words = _tokens_in(ent.doc, ent.end_char + match.start(1), ent.end_char + match.end(1))
    if words and words[0].lower_ in {"and", "or"}:
        return []  # "X, Y, and Z's partner, W": the next item of a list, which describes W
    words = _before_honorific(words)
    return words if _describes(words, max_words) else []


def _before_honorific(words: list[Token]) -> list[Token]:
    """An appositive cut at the period of "Mr." ("a spokesman for Mr. Lee"): the role is what comes before the
    honorific and the preposition that took the name ("a spokesman"), not a phrase ending in "for Mr."."""
    if not words or words[-1].lower_.rstrip(".") not in TITLES or not words[-1].text.endswith("."):
        return words
    kept = words[:-1]
    while kept and kept[-1].pos_ in {"ADP", "DET"}:
        kept.pop()
    return kept


def _appositive_before(ent: Span, sentence: Span, max_words: int) -> list[Token]:
    rest = _between(sentence, ent.end_char, sentence.end_char).lstrip()
    # Only a closed appositive ("the region's governor, Ana Silva, said"): else a list or a clause ends there.
    if rest[:1] not in {",", ".", ""}:
        return []
    left = _between(sentence, sentence.start_char, ent.start_char)
    # The longest phrase opened by a determiner or a possessor that describes: "the country's defense minister".
    for opener in _OPENER.finditer(left):
        match = _BEFORE_END.match(left, opener.start())
        if match and not _not_before_a_name(sentence.start_char + match.start(), sentence):
            words = _tokens_in(ent.doc, sentence.start_char + match.start(), sentence.start_char + match.end())
            if _describes(words, max_words) and any(token.lower_ in ROLE_NOUNS for token in words):
                return words
    return []


def _not_before_a_name(start: int, sentence: Span) -> bool:
    """Whether a phrase closed by a comma before a name belongs elsewhere: it follows another name and a comma
    ("Ann Lee, the sister of the party's leader, Tom Lee": Ann Lee's appositive), or an opening preposition
    ("In a letter to the board, Tom Lee said": where he said it; no clause lies between them)."""
    before = [token for token in sentence if token.idx < start]
    opening = before and before[0].pos_ == "ADP"
    if opening and not any(token.text == "," or token.pos_ in {"VERB", "AUX"} for token in before):
        return True
    return len(before) >= 2 and before[-1].text == "," and before[-2].ent_type_ == "PERSON"


def _between(sentence: Span, start: int, end: int) -> str:
    """Text of the sentence between two document offsets (``Doc.text`` rebuilds the whole text per call)."""
    return sentence.text[start - sentence.start_char : end - sentence.start_char]


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _describes(words: Sequence[Token], max_words: int) -> bool:
    """A noun phrase that describes a person: it opens with a determiner, a possessor or a role word, holds
    no clause and no other person (but a possessor: "Smith's nominee"), and its head noun names a role."""
    if not words or len(words) > max_words:
        return False
    for i, token in enumerate(words):
        following = words[i + 1].text if i + 1 < len(words) else ""
        # The model often takes the possessive into the name ("Lee's"): it is no other person.
        owned = following in _POSSESSIVE_TOKENS or token.text in _POSSESSIVE_TOKENS
        if token.ent_type_ == "PERSON" and not owned and words[i + 1 : i + 2] and (
            words[i + 1].ent_type_ != "PERSON"
        ):
            return False
        if token.pos_ in {"VERB", "AUX"} and (i == 0 or words[i - 1].lower_ != "to"):
            return False
    opener_ok = words[0].lower_ in _DETERMINERS or _role_word(words[0]) or any(
        token.text in _POSSESSIVE_TOKENS for token in words[1:3]
    )
    return opener_ok and _role_head(words)


_AGENTIVE = re.compile(r"(?:er|or|ist|ian|ant|ent)$")


def _role_head(words: Sequence[Token]) -> bool:
    """The phrase's head, its last noun before a preposition or clause, is a role ("expert", "chairman")."""
    head = None
    for token in words:
        if token.pos_ in {"ADP", "SCONJ"} or token.lower_ in {"who", "that", "which"}:
            break
        if token.pos_ in {"NOUN", "PROPN"} and token.text not in _POSSESSIVE_TOKENS:
            head = token
    if head is None:
        return False
    return head.lower_ in ROLE_NOUNS or (head.pos_ == "NOUN" and bool(_AGENTIVE.search(head.lower_)))


def _person_mentions(
    article: Article, doc: Doc, resolver: EntityResolver
) -> Iterator[tuple[Span, Span, str]]:
    for sentence, ents in sentences_with_entities(doc):
        for ent in ents:
            # Whatever the mention's label: the story's entities settle who is a person ("host Ann Lee" labelled
            # an organisation is one; "the Ann Lee Foundation" resolves to the body).
            person = resolver.canonical(ent.text, article.id)
            if person and resolver.type_of(person) == "person":
                yield sentence, ent, person


def extract_roles(
    docs: Sequence[tuple[Article, Doc]], resolver: EntityResolver, settings: Settings = DEFAULT_SETTINGS
) -> list[RoleMention]:
    """Every role each article gives a person, with the exact sentence that gives it. A role in quoted words is
    the speaker's, said when they spoke ("As president, Senator X will fight ..." quoted from a campaign), not
    what the article says the person is."""
    limit = settings.claims.max_role_words
    found: list[RoleMention] = []
    for article, doc in docs:
        seen: set[tuple[str, str, int]] = set()
        doc_text = doc.text
        for sentence, ent, person in _person_mentions(article, doc, resolver):
            if any(start <= ent.start_char < end for start, end in quote_spans(sentence, doc_text)):
                continue
            for words in (
                _title_before(ent, sentence),
                _appositive_after(ent, sentence, limit),
                _appositive_before(ent, sentence, limit),
            ):
                normalised = normalise_role(words) if words else ""
                key = (person, normalised, sentence.start_char)
                if normalised and key not in seen:
                    seen.add(key)
                    role = doc[words[0].i : words[-1].i + 1].text
                    found.append(
                        RoleMention(article.id, article.source, person, role, normalised,
                                    sentence.text.strip(), sentence.start_char + _lead(sentence.text))
                    )
    return found


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _positions(mentions: Sequence[RoleMention]) -> list[list[RoleMention]]:
    """Mentions of current offices grouped so that each group's roles are compatible with each other."""
    groups: list[list[RoleMention]] = []
    for mention in mentions:
        office = office_of(mention.normalised)
        if office is None or not office.current:
            continue
        group = next((g for g in groups if all(compatible(m.normalised, mention.normalised) for m in g)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    return groups


def _position(group: Sequence[RoleMention]) -> Position:
    """The group's role as most of it writes it (on a tie, a title before the name over a phrase opened by
    "the", then the longer form; an office shortened alone, "Gov.", written out), its articles and sentences."""
    counts = Counter(mention.role for mention in group)
    value = max(counts, key=lambda role: (counts[role], role.split()[0].lower() not in _DETERMINERS, len(role)))
    written_out = _SHORTENED_OFFICES.get(fold(value))
    sources = list(dict.fromkeys(mention.article for mention in group))
    evidence = [Evidence(m.article, m.sentence, m.source, m.start) for m in group]
    return Position(value=written_out.capitalize() if written_out else value, sources=sources, evidence=evidence)


def person_roles(mentions: Sequence[RoleMention]) -> dict[str, list[Position]]:
    """Each person's roles as the articles give them, one position per role (former ones and epithets too),
    the roles most articles give first. A role written shorter or longer ("Judiciary Chairman", "House
    Judiciary Committee Chairman") is one role; one that adds a qualifier ("vice", "former") is another."""
    by_person: dict[str, list[RoleMention]] = defaultdict(list)
    for mention in mentions:
        by_person[mention.person].append(mention)
    return {
        person: sorted(
            (_position(group) for group in _same_roles(roles)), key=lambda position: -len(position.sources)
        )
        for person, roles in by_person.items()
    }


def _same_roles(mentions: Sequence[RoleMention]) -> list[list[RoleMention]]:
    """``mentions`` grouped by role, longest roles first, a role joining a longer one it is part of."""
    groups: list[tuple[str, list[RoleMention]]] = []
    for mention in sorted(mentions, key=lambda m: -len(m.normalised.split())):
        group = next((members for role, members in groups if _part_of_role(mention.normalised, role)), None)
        if group is None:
            groups.append((mention.normalised, [mention]))
        else:
            group.append(mention)
    return [members for _, members in groups]


def _part_of_role(short: str, long: str) -> bool:
    """``short`` names the role ``long`` does, in fewer words: same head, and no added word that qualifies it."""
    if short == long:
        return True
    words, longer = short.split(), long.split()
    added = " ".join(word for word in longer if word not in words)
    return (
        bool(words) and words[-1] == longer[-1] and set(words) <= set(longer)
        and not (_PAST.search(added) or _PROSPECTIVE.search(added) or _SUBORDINATE.search(added))
    )


def role_contradictions(mentions: Sequence[RoleMention]) -> list[Contradiction]:
    """Persons given roles by different articles that cannot both be true, each role with its evidence."""
    by_person: dict[str, list[RoleMention]] = defaultdict(list)
    for mention in mentions:
        by_person[mention.person].append(mention)
    found = []
    for person, roles in by_person.items():
        groups = _positions(roles)
        clashing = [
            (a, b)
            for a, b in combinations(range(len(groups)), 2)
            if not compatible(groups[a][0].normalised, groups[b][0].normalised)
            and {m.article for m in groups[a]} != {m.article for m in groups[b]}
        ]
        involved = sorted({index for pair in clashing for index in pair}, key=lambda i: -len(groups[i]))
        if involved:
            positions = [_position(groups[index]) for index in involved]
            found.append(Contradiction(subject=f"{person}: role", positions=positions, kind="role"))
    return found


# ---- leadership: how many people run an organisation ---------------------------------------------------------

#: Verbs of running an organisation; founding is left out, since founders are often several and one outlet
#: naming one of them does not deny the others.
_RUNNING_VERBS = frozenset({"run", "lead", "head", "direct", "chair", "manage", "helm"})
#: Words that put the running in another time than the others' ("then run by", "formerly led by").
_OTHER_TIME = frozenset({
    "then", "formerly", "previously", "once", "originally", "initially", "later", "now", "currently", "until",
    "since", "soon", "briefly",
})
#: Words that share the running with others: "jointly run by a trust", "largely run by volunteers".
_SHARED = frozenset({"jointly", "partly", "largely", "mostly", "mainly", "chiefly", "also", "co"})
#: Determiners of a single leader: "a former lawyer", "the chairman", "one executive" (or a possessor).
_ONE = frozenset({"a", "an", "the", "one"})


@dataclass(frozen=True, slots=True)
class Leadership:
    """One article's word on who runs an organisation: ``leader`` as written, ``kind`` its head noun's lemma
    (the description both outlets must share), and whether it is one person or ``several``."""

    article: str
    source: str
    organisation: str
    leader: str
    kind: str
    several: bool
    sentence: str
    start: int


def extract_leaderships(docs: Sequence[tuple[Article, Doc]], resolver: EntityResolver) -> list[Leadership]:
    """Every "<named organisation>, a group run by <description>" or "<organisation> is led by <description>"."""
    found: list[Leadership] = []
    for article, doc in docs:
        for sentence in article_sentences(doc):
            for verb in sentence:
                if verb.lemma_.lower() in _RUNNING_VERBS and verb.tag_ == "VBN":
                    found.extend(_leadership(article, sentence, verb, resolver))
    return found


def _leadership(article: Article, sentence: Span, verb: Token, resolver: EntityResolver) -> Iterator[Leadership]:
    if not _running_now(verb):
        return
    leader = _leader(verb)
    organisation = _organisation(verb, article, resolver)
    if leader is None or organisation is None:
        return
    several = leader.tag_ in {"NNS", "NNPS"}
    if not several and not _single(leader):
        return
    words = sorted(leader.subtree, key=lambda token: token.i)
    text = sentence.text
    yield Leadership(
        article.id, article.source, organisation, leader.doc[words[0].i : words[-1].i + 1].text,
        leader.lemma_.lower(), several, text.strip(), sentence.start_char + _lead(text),
    )


def _running_now(verb: Token) -> bool:
    """A plain statement of who runs it: not negated, not modal, not past, not co-run, not in another time."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in {"aux", "auxpass"} and (child.tag_ in {"MD", "VBD"}
                                                                          or child.lower_ in {"been", "being"})):
            return False
        if child.dep_ in {"advmod", "npadvmod", "prep", "mark"} and child.lower_ in _OTHER_TIME | _SHARED:
            return False
    # "co-led by": tokenised as "co", "-", "led".
    return not any(token.lower_ in {"co", "co-"} for token in verb.doc[max(verb.i - 2, 0) : verb.i])


def _single(leader: Token) -> bool:
    return any(
        child.dep_ == "poss" or (child.dep_ in {"det", "nummod"} and child.lower_ in _ONE) for child in leader.children
    )


def _leader(verb: Token) -> Token | None:
    """The one description after "by": a common noun with no coordinated second leader ("a lawyer and a
    judge" says nothing of one or several of either)."""
    agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    leader = next((child for child in agent.children if child.dep_ == "pobj"), None) if agent is not None else None
    if leader is None or leader.pos_ != "NOUN" or any(child.dep_ in {"conj", "cc"} for child in leader.children):
        return None
    return leader


def _organisation(verb: Token, article: Article, resolver: EntityResolver) -> str | None:
    """The named organisation being run: the participle's noun or its named apposition ("X, a group run
    by ..."), or the passive subject ("X is led by ..."); an unnamed one cannot be matched across outlets."""
    if verb.dep_ in {"acl", "relcl"}:
        noun = verb.head
        named = noun if noun.pos_ == "PROPN" else (noun.head if noun.dep_ == "appos" else None)
    else:
        named = next((child for child in verb.children if child.dep_ == "nsubjpass"), None)
    if named is None or named.pos_ != "PROPN":
        return None
    span = next((ent for ent in named.doc.ents if ent.start <= named.i < ent.end), None)
    text = span.text if span is not None else named.doc[_compound_start(named) : named.i + 1].text
    name = resolver.canonical(text, article.id) or clean_name(text, "ORG")
    if not name or resolver.type_of(name) in {"person", "place"}:
        return None
    return name


def _compound_start(token: Token) -> int:
    compounds = [child.i for child in token.children if child.dep_ == "compound" and child.i < token.i]
    return min(compounds, default=token.i)


def leadership_contradictions(mentions: Sequence[Leadership]) -> list[Contradiction]:
    """Organisations that some outlets say one person of a kind runs and others several of that kind run.

    An outlet that says both takes no side: it may be telling of the head and of the board.
    """
    groups: dict[tuple[str, str], list[Leadership]] = defaultdict(list)
    for mention in mentions:
        groups[(fold(mention.organisation), mention.kind)].append(mention)
    found = []
    for group in groups.values():
        both = {m.source for m in group if m.several} & {m.source for m in group if not m.several}
        sides = [[m for m in group if m.several == several and m.source not in both] for several in (False, True)]
        if all(sides):
            found.append(Contradiction(
                subject=f"who runs {group[0].organisation}: one {group[0].kind} or several",
                positions=[_leadership_position(side) for side in sides],
                kind="leadership",
            ))
    return found


def _leadership_position(side: Sequence[Leadership]) -> Position:
    return Position(
        value=Counter(m.leader for m in side).most_common(1)[0][0],
        sources=list(dict.fromkeys(m.article for m in side)),
        evidence=[Evidence(m.article, m.sentence, m.source, m.start) for m in side],
    )
