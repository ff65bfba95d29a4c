"""Quantities in news text: each number with what it counts, its normalised value, and where outlets disagree.

A quantity is read off the spaCy parse of its sentence: the number (digits or words, "a dozen",
"two hundred", "$1.2 billion", "three-plus"), the noun it counts or measures ("130 Ukrainian drones",
"a two-hour phone conversation"), a kind (count, duration, money, percent, age, ordinal) and a qualifier
(exact, approximate, at least, at most, range). Years, days of the month, clock times and model numbers
("in 2014", "October 16", "10:30", "Boeing 737") are not quantities: ``claims.when`` reads dates.

``number_contradictions`` compares quantities across outlets. Precision comes first: only exact values of
the same kind and unit, about the same counted thing in sentences that say the same thing, and differing
by more than their written precision allows ("100" may be a rounded 130; "2 hours" is not "3 hours"),
make a contradiction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from corroborate.records import Article, Contradiction, Evidence, Position
from corroborate.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QuantityKind = Literal["count", "duration", "money", "percent", "age", "ordinal"]
Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range"]

_SMALL = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
# "hundred" multiplies what precedes it; the larger scales close a group ("two million three hundred").
_HUNDRED = {"hundred": 100.0, "dozen": 12.0, "score": 20.0}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_ORDINALS = {
    word: i + 1
    for i, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGIT_RANGE = re.compile(r"^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$")
# Plural scale words with no number before them are an order of magnitude, not a value.
_VAGUE_SCALES = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

_CURRENCY_SYMBOLS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₽": "ruble"}
_CURRENCY_WORDS = {
    "dollar",
    "euro",
    "pound",
    "yen",
    "yuan",
    "renminbi",
    "ruble",
    "rouble",
    "rupee",
    "franc",
    "peso",
    "won",
    "lira",
    "shekel",
    "hryvnia",
    "krona",
    "krone",
    "real",
    "rand",
    "ringgit",
    "dirham",
    "riyal",
    "cent",
}
_PERCENT_WORDS = {"%", "percent", "pct", "per cent", "percentage point", "percentage points"}
TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
_CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "et", "est", "edt", "bst", "cet", "o'clock", "hrs"}

# Words before a number that say it is not exact, by what they make of it.
_QUALIFIER_BEFORE: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("more", "than"), "at_least"),
    (("at", "least"), "at_least"),
    (("upwards", "of"), "at_least"),
    (("in", "excess", "of"), "at_least"),
    (("less", "than"), "at_most"),
    (("fewer", "than"), "at_most"),
    (("no", "more", "than"), "at_most"),
    (("at", "most"), "at_most"),
    (("up", "to"), "at_most"),
    (("over",), "at_least"),
    (("above",), "at_least"),
    (("under",), "at_most"),
    (("below",), "at_most"),
    (("about",), "approximate"),
    (("around",), "approximate"),
    (("roughly",), "approximate"),
    (("approximately",), "approximate"),
    (("nearly",), "approximate"),
    (("almost",), "approximate"),
    (("some",), "approximate"),
    (("circa",), "approximate"),
    (("estimated",), "approximate"),
    (("an", "estimated"), "approximate"),
    (("close", "to"), "approximate"),
    (("just", "under"), "approximate"),
    (("just", "over"), "approximate"),
)
_QUALIFIER_AFTER: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("or", "so"), "approximate"),
    (("or", "more"), "at_least"),
    (("-", "plus"), "at_least"),
    (("plus",), "at_least"),
    (("+",), "at_least"),
    (("or", "fewer"), "at_most"),
    (("or", "less"), "at_most"),
)
_RANGE_LINKS = {"to", "-", "–", "—", "or"}
# Tokens that may stand between a number and its unit in one phrase ("three - plus - year").
_MAX_UNIT_GAP = 4


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number in one article, with what it counts.

    ``value`` is normalised (``"$1.2 billion"`` -> 1.2e9, ``"a dozen"`` -> 12); ``upper`` is the top of a
    range. ``unit`` is the lemma of what is counted or the measure ("drone", "hour", "dollar", "percent",
    "year" for ages); ``counted`` the noun phrase the quantity is about ("Ukrainian drones",
    "phone conversation"). ``step`` is the precision the number was written with ("130" -> 10,
    "1.2 billion" -> 1e8), so two roundings of one figure are not told apart. Offsets index the article text.
    """

    article_id: str
    source: str
    text: str
    value: float
    unit: str
    counted: str
    kind: QuantityKind
    qualifier: Qualifier
    step: float
    sentence: str
    sentence_start: int
    start: int
    upper: float | None = None

    @property
    def subject(self) -> str:
        """What the quantity is about, as a reader would name it."""
        thing = self.counted or self.unit or "unnamed quantity"
        labels = {
            "count": "number of",
            "duration": "duration of",
            "money": "amount of",
            "percent": "share of",
            "age": "age of",
            "ordinal": "position of",
        }
        return f"{labels[self.kind]} {thing}"

    @property
    def normalised(self) -> str:
        """The value with its unit, as compared: ``"2 hour"``, ``"1200000000 dollar"``."""
        value = f"{_format(self.value)}-{_format(self.upper)}" if self.upper is not None else _format(self.value)
        return f"{value} {self.unit}".strip()


def _format(value: float) -> str:
    return f"{value:.12g}"


# ---- Reading numbers -----------------------------------------------------------------------------------------


def parse_number(words: Sequence[str]) -> float | None:
    """The value of a number written in digits and/or words, or None when the words are not one number.

    ``["two", "hundred"]`` -> 200, ``["1.2", "billion"]`` -> 1.2e9, ``["a", "dozen"]`` -> 12,
    ``["twenty", "-", "five"]`` -> 25, ``["three"]`` -> 3. Two bare numbers in a row ("3 4") are not one.
    """
    total = 0.0
    current = 0.0
    last = "start"
    for raw in words:
        word = raw.lower()
        kind = _word_kind(word, last)
        if kind is None:
            return None
        if kind == "skip":
            continue
        if kind == "a":
            current = 1.0
        elif kind == "digits":
            current = float(word.replace(",", ""))
        elif kind in {"small", "tens"}:
            current += _SMALL.get(word, _TENS.get(word, 0))
        elif kind == "hundred":
            current = (current or 1.0) * _HUNDRED[word]
        else:
            total += (current or 1.0) * _SCALES[word]
            current = 0.0
        last = kind
    return None if last in {"start", "a"} else total + current


# Which kind of number word may follow which: "twenty five", "two hundred and five", "1.2 billion".
_MAY_FOLLOW = {
    "a": {"hundred", "scale"},
    "digits": {"hundred", "scale"},
    "small": {"hundred", "scale"},
    "tens": {"small", "hundred", "scale"},
    "hundred": {"small", "tens", "scale"},
    "scale": {"small", "tens", "digits"},
}


def _word_kind(word: str, last: str) -> str | None:
    if word in {"-", "and"}:
        return "skip" if last in {"tens", "hundred", "scale"} else None
    if word in {"a", "an"}:
        kind = "a"
    elif _DIGITS.match(word):
        kind = "digits"
    elif word in _SMALL:
        kind = "small"
    elif word in _TENS:
        kind = "tens"
    elif word in _HUNDRED:
        kind = "hundred"
    elif word in _SCALES:
        kind = "scale"
    else:
        return None
    if last == "start":
        return kind
    return kind if kind in _MAY_FOLLOW.get(last, set()) else None


def _step(words: Sequence[str], value: float) -> float:
    """The precision a number was written with: the place of its last significant digit."""
    scale = 1.0
    for word in words:
        scale *= _SCALES.get(word.lower(), 1.0)
    for word in words:
        if _DIGITS.match(word) and "." in word:
            decimals = len(word.split(".")[1])
            return scale * 10.0**-decimals
    step = 1.0
    integer = round(value)
    while integer and integer % 10 == 0 and abs(integer) >= 10:
        integer //= 10
        step *= 10
    return step


def _is_cardinal_word(token: Token) -> bool:
    lower = token.lower_
    if lower in _HUNDRED or (lower in _SCALES and lower not in {"m", "bn"}):
        return True
    if lower in _SMALL or lower in _TENS:
        # "one" is often a pronoun ("the one who"); as a number it is tagged as one.
        return token.tag_ == "CD"
    return bool(_DIGITS.match(lower))


def _number_runs(doc: Doc | Span) -> Iterator[tuple[int, int]]:
    """Token index ranges [start, end) of the numbers written in ``doc`` (digits, words, "a dozen")."""
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        if not _is_cardinal_word(tokens[i]):
            i += 1
            continue
        start = tokens[i].i
        end = i + 1
        while end < len(tokens):
            token = tokens[end]
            if _is_cardinal_word(token) or token.lower_ in {"bn", "m"} and _DIGITS.match(tokens[end - 1].lower_):
                end += 1
            elif token.text in {"-", "and"} and end + 1 < len(tokens) and _joins(tokens[end - 1], tokens[end + 1]):
                end += 2
            else:
                break
        first = tokens[i]
        if first.lower_ in _HUNDRED | _SCALES and i > 0 and tokens[i - 1].lower_ in {"a", "an"}:
            start -= 1
        yield start, tokens[end - 1].i + 1
        i = end


def _joins(before: Token, after: Token) -> bool:
    """Whether a hyphen or "and" between two number words joins them into one number ("twenty-five",
    "two hundred and five"), rather than listing two numbers."""
    if not _is_cardinal_word(after):
        return False
    if before.lower_ in _TENS and after.lower_ in _SMALL:
        return True
    return before.lower_ in _HUNDRED | _SCALES and (after.lower_ in _SMALL or after.lower_ in _TENS)


# ---- Reading what a number counts ----------------------------------------------------------------------------


def sentence_of(token: Token) -> tuple[int, str]:
    """The start offset and text of the sentence holding ``token``, cut at line breaks, since a line break in
    a clean article always ends a sentence (the parser sometimes runs a heading into the next line)."""
    sent = token.sent
    text = sent.text
    offset = token.idx - sent.start_char
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    stripped = line.lstrip()
    return sent.start_char + line_start + len(line) - len(stripped), stripped.rstrip()


def _noun_phrase(noun: Token, exclude: set[int]) -> str:
    """The noun with its compound and adjective modifiers ("Ukrainian drones", "phone conversation")."""
    keep = [
        child
        for child in noun.lefts
        if child.dep_ in {"compound", "amod", "nmod"} and child.i not in exclude and not child.like_num
    ]
    keep = [child for child in keep if all(between.i not in exclude for between in noun.doc[child.i : noun.i])]
    return " ".join([child.text for child in keep] + [noun.text])


def _attached_noun(token: Token) -> Token | None:
    """The noun a number (or its unit) modifies, if it modifies one that follows it."""
    head = token.head
    modifies = token.dep_ in {"nummod", "compound", "quantmod", "amod", "npadvmod", "nmod"}
    if not modifies or head.i <= token.i or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    # The parser sometimes hangs a dateline's year on the headline below it; a line break ends a phrase.
    return None if "\n" in token.doc[token.i : head.i].text else head


def _of_object(token: Token) -> Token | None:
    """The noun after "of" ("two of the suspects", "a dozen of them", "5% of voters")."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _subject_of_clause(token: Token) -> Token | None:
    """The subject of the clause a token belongs to (what a percentage or an age describes)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in {"VERB", "AUX"}:
            for child in ancestor.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.i != token.i:
                    return child
            return None
    return None


@dataclass(frozen=True, slots=True)
class _Reading:
    unit: str
    counted: str
    kind: QuantityKind
    end: int


def _read_unit(doc: Doc, start: int, end: int, head: Token) -> _Reading | None:
    """What the number in ``doc[start:end]`` (with syntactic head ``head``) counts, or None for a number that
    is not a quantity (a year, a day of the month, a clock time, a model number)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    exclude = set(range(start, end))
    if before is not None and before.lower_ in _CURRENCY_SYMBOLS:
        target = _attached_noun(head)
        return _Reading(_CURRENCY_SYMBOLS[before.lower_], _phrase_or_empty(target, exclude), "money", end)
    percent_words = _percent_words(doc, end)
    if after is not None and percent_words:
        target = _of_object(after) or _attached_noun(after) or _subject_of_clause(after)
        unit = "percentage point" if "point" in " ".join(percent_words) else "percent"
        return _Reading(unit, _phrase_or_empty(target, exclude), "percent", end + len(percent_words))
    age = _read_age(doc, start, end, head)
    if age is not None:
        return age
    if _is_date_or_clock(doc, start, end, head):
        return None
    if after is not None and after.lemma_.lower() in _CURRENCY_WORDS and after.pos_ == "NOUN":
        target = _attached_noun(after)
        return _Reading(after.lemma_.lower(), _phrase_or_empty(target, exclude), "money", end + 1)
    unit_token = _attached_noun(head) or _of_object(head)
    if unit_token is None:
        return _Reading("", "", "count", end)
    unit = unit_token.lemma_.lower()
    # The quantity's text runs on to its unit when the unit follows closely ("two-hour", "130 Ukrainian drones").
    text_end = unit_token.i + 1 if 0 <= unit_token.i - end < _MAX_UNIT_GAP else end
    if unit in TIME_UNITS:
        if _next_word(doc, unit_token.i) == "ago":
            return None
        target = _attached_noun(unit_token)
        return _Reading(unit, _phrase_or_empty(target, exclude | {unit_token.i}), "duration", text_end)
    return _Reading(unit, _noun_phrase(unit_token, exclude), "count", text_end)


def _phrase_or_empty(noun: Token | None, exclude: set[int]) -> str:
    return _noun_phrase(noun, exclude) if noun is not None else ""


def _percent_words(doc: Doc, index: int) -> list[str]:
    """The words after a number that make it a percentage ("%", "percent", "per cent", "percentage points")."""
    words = [token.lower_ for token in doc[index : index + 2]]
    for width in (2, 1):
        if " ".join(words[:width]) in _PERCENT_WORDS:
            return words[:width]
    return []


def _next_word(doc: Doc, index: int) -> str:
    return doc[index + 1].lower_ if index + 1 < len(doc) else ""


def _read_age(doc: Doc, start: int, end: int, head: Token) -> _Reading | None:
    """Ages: "a 45-year-old man", "he is 45 years old", "John Smith, 62,", "aged 45"."""
    following = [token.lower_ for token in doc[end : end + 4] if token.text != "-"]
    if following[:2] in (["year", "old"], ["years", "old"]) or following[:1] == ["year-old"]:
        old = next(token for token in doc[end : end + 4] if token.lower_ in {"old", "year-old"})
        target = old.head if old.dep_ == "amod" else _subject_of_clause(old)
        return _Reading("year", _phrase_or_empty(target, set(range(start, old.i + 1))), "age", old.i + 1)
    if start > 0 and doc[start - 1].lower_ == "aged":
        target = doc[start - 1].head if doc[start - 1].dep_ in {"amod", "acl"} else _subject_of_clause(head)
        return _Reading("year", _phrase_or_empty(target, set(range(start - 1, end))), "age", end)
    person = head.head
    if head.dep_ == "appos" and person.ent_type_ == "PERSON" and end - start == 1 and _DIGITS.match(head.text):
        name = next((ent for ent in doc.ents if ent.start <= person.i < ent.end), None)
        return _Reading("year", name.text if name is not None else person.text, "age", end)
    return None


def _is_month(token: Token) -> bool:
    return token.text.rstrip(".").lower() in _MONTHS and token.text[:1].isupper()


def _is_date_or_clock(doc: Doc, start: int, end: int, head: Token) -> bool:
    """Years ("in 2014"), days of the month ("October 16", "16 Oct."), clock times and model numbers."""
    text = doc[start:end].text
    if (start > 0 and _is_month(doc[start - 1])) or (end < len(doc) and _is_month(doc[end])):
        return True
    if ":" in text or (end < len(doc) and doc[end].lower_ in _CLOCK_WORDS):
        return True
    if re.fullmatch(r"1\d{3}|2\d{3}", text) and (_attached_noun(head) is None or head.ent_type_ == "DATE"):
        return True
    return head.dep_ in {"nummod", "compound", "appos"} and head.head.pos_ == "PROPN" and head.head.i < start


def _qualifier(doc: Doc, start: int, *ends: int) -> Qualifier:
    """Exact unless a hedge stands before the number or after it (or after its unit: "5 percent or so")."""
    words_before = [token.lower_ for token in doc[max(0, start - 3) : start]]
    for pattern, qualifier in _QUALIFIER_BEFORE:
        if tuple(words_before[-len(pattern) :]) == pattern:
            return qualifier
    for end in ends:
        words_after = [token.lower_ for token in doc[end : end + 2]]
        for pattern, qualifier in _QUALIFIER_AFTER:
            if tuple(words_after[: len(pattern)]) == pattern:
                return qualifier
    return "exact"


def _run_head(doc: Doc, start: int, end: int) -> Token:
    """The token of a number run whose head lies outside the run: the one that attaches to the sentence."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return doc[end - 1]


# ---- Extraction ---------------------------------------------------------------------------------------------


def extract_quantities(article: Article, doc: Doc) -> list[Quantity]:
    """Every quantity in ``article``, read from ``doc`` (its spaCy parse, tagger and parser enabled)."""
    quantities: list[Quantity] = []
    runs = list(_number_runs(doc))
    used: set[int] = set()
    for position, (start, end) in enumerate(runs):
        if start in used:
            continue
        upper_run = _range_partner(doc, runs, position)
        quantity = _cardinal(article, doc, start, end, upper_run)
        if upper_run is not None:
            used.add(upper_run[0])
        if quantity is not None:
            quantities.append(quantity)
    quantities.extend(_singular_durations(article, doc))
    quantities.extend(_vague_scales(article, doc))
    quantities.extend(_ordinals(article, doc))
    return sorted(quantities, key=lambda quantity: quantity.start)


def _range_partner(doc: Doc, runs: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The run closing a range that opens at ``runs[position]``: "between 10 and 20", "10 to 20", "1-2"."""
    if position + 1 >= len(runs):
        return None
    start, end = runs[position]
    next_start, next_end = runs[position + 1]
    if next_start != end + 1:
        return None
    link = doc[end].lower_
    opened_by_between = start > 0 and doc[start - 1].lower_ in {"between", "from"}
    if link in _RANGE_LINKS or (link == "and" and opened_by_between):
        return next_start, next_end
    return None


def _cardinal(article: Article, doc: Doc, start: int, end: int, upper_run: tuple[int, int] | None) -> Quantity | None:
    words = [token.text for token in doc[start:end]]
    single_range = _DIGIT_RANGE.match(words[0]) if len(words) == 1 else None
    value = float(single_range.group(1)) if single_range else parse_number(words)
    if value is None:
        return None
    upper: float | None = float(single_range.group(2)) if single_range else None
    last = end
    if upper_run is not None:
        upper = parse_number([token.text for token in doc[upper_run[0] : upper_run[1]]])
        last = upper_run[1]
    reading = _read_unit(doc, start, last, _run_head(doc, start, end))
    if upper_run is not None and (reading is None or not reading.unit):
        # In "10 and 20 soldiers" the noun hangs on the first number; in "10 to 20 soldiers", on the second.
        reading = _read_unit(doc, start, last, _run_head(doc, *upper_run)) or reading
    if reading is None:
        return None
    qualifier: Qualifier = "range" if upper is not None else _qualifier(doc, start, end, reading.end)
    return _quantity(article, doc, start, max(last, reading.end), value, upper, reading, qualifier, _step(words, value))


def _quantity(
    article: Article,
    doc: Doc,
    start: int,
    end: int,
    value: float,
    upper: float | None,
    reading: _Reading,
    qualifier: Qualifier,
    step: float,
) -> Quantity:
    if start > 0 and doc[start - 1].lower_ in _CURRENCY_SYMBOLS:
        start -= 1
    span = doc[start:end]
    sentence_start, sentence = sentence_of(span[0])
    return Quantity(
        article_id=article.id,
        source=article.source,
        text=span.text,
        value=value,
        unit=reading.unit,
        counted=reading.counted,
        kind=reading.kind,
        qualifier=qualifier,
        step=step,
        sentence=sentence,
        sentence_start=sentence_start,
        start=span.start_char,
        upper=upper,
    )


def _singular_durations(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "a week", "an hour": one of a time unit, when no rate ("twice a week") or date ("a week ago") is meant."""
    for token in doc:
        if token.lemma_.lower() not in TIME_UNITS or token.tag_ != "NN" or token.i == 0:
            continue
        article_word = doc[token.i - 1]
        if article_word.lower_ not in {"a", "an"}:
            continue
        before = doc[token.i - 2].lower_ if token.i >= 2 else ""
        if before in {"twice", "times", "once", "per"} or _DIGITS.match(before) or _next_word(doc, token.i) == "ago":
            continue
        target = _attached_noun(token)
        reading = _Reading(token.lemma_.lower(), _phrase_or_empty(target, {token.i}), "duration", token.i + 1)
        qualifier = _qualifier(doc, token.i - 1, token.i + 1)
        yield _quantity(article, doc, token.i - 1, token.i + 1, 1.0, None, reading, qualifier, 1.0)


def _vague_scales(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "dozens of protesters", "hundreds of police": an order of magnitude, kept as approximate."""
    for token in doc:
        scale = _VAGUE_SCALES.get(token.lower_)
        if scale is None or (token.i > 0 and _is_cardinal_word(doc[token.i - 1])):
            continue
        target = _of_object(token)
        reading = _Reading(
            target.lemma_.lower() if target is not None else "",
            _phrase_or_empty(target, {token.i}),
            "count",
            token.i + 1,
        )
        yield _quantity(article, doc, token.i, token.i + 1, scale, None, reading, "approximate", scale)


def _ordinals(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "its fourth year", "the 3rd round": a position in a series, never a count of the noun."""
    for token in doc:
        lower = token.lower_
        digits = _ORDINAL_DIGITS.match(lower)
        rank = int(digits.group(1)) if digits else _ORDINALS.get(lower)
        if rank is None or token.pos_ not in {"ADJ", "NUM"} or _neighbours_month(doc, token.i):
            continue
        target = token.head if token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i else None
        reading = _Reading(
            target.lemma_.lower() if target is not None else "",
            _phrase_or_empty(target, {token.i}),
            "ordinal",
            token.i + 1,
        )
        yield _quantity(article, doc, token.i, token.i + 1, float(rank), None, reading, "exact", 1.0)


def _neighbours_month(doc: Doc, index: int) -> bool:
    """ "October 16th", "the 3rd of May": an ordinal that is a day of the month."""
    words = [doc[i].lower_.rstrip(".") for i in (index - 1, index + 1, index + 2) if 0 <= i < len(doc)]
    return any(word in _MONTHS for word in words)


# ---- Contradictions ---------------------------------------------------------------------------------------


def number_contradictions(quantities: Sequence[Quantity], settings: Settings = DEFAULT_SETTINGS) -> list[Contradiction]:
    """Figures outlets give differently for the same counted thing in the same statement.

    Quantities are grouped when they share kind and unit, count the same thing (same head noun, or counted
    phrases that embed close) and sit in sentences that embed close with the numbers masked. A group is a
    contradiction when outlets in it give values further apart than the written precision allows. Only exact
    figures take part (an "about 130" does not contradict a 130; a range does not contradict a point), and a
    group in which one article gives two values is left alone, since the parse cannot tell its two apart.
    """
    candidates = [q for q in quantities if q.qualifier == "exact" and q.unit and q.kind != "ordinal"]
    if len(candidates) < 2:
        return []
    same = _same_subject_pairs(candidates, settings)
    groups = connected_groups(len(candidates), same)
    contradictions = []
    for members in groups:
        contradiction = _group_contradiction([candidates[i] for i in members])
        if contradiction is not None:
            contradictions.append(contradiction)
    return contradictions


def _same_subject_pairs(quantities: Sequence[Quantity], settings: Settings) -> list[tuple[int, int]]:
    from corroborate.nlp import embed

    counted = embed([q.counted or q.unit for q in quantities])
    contexts = embed([_masked(q.sentence, q.text) for q in quantities])
    pairs = []
    for i, first in enumerate(quantities):
        for j in range(i + 1, len(quantities)):
            second = quantities[j]
            if first.article_id == second.article_id or (first.kind, first.unit) != (second.kind, second.unit):
                continue
            same_thing = _head(first.counted) == _head(second.counted) or (
                float(counted[i] @ counted[j]) >= settings.claims.same_counted_similarity
            )
            if same_thing and float(contexts[i] @ contexts[j]) >= settings.claims.same_number_context_similarity:
                pairs.append((i, j))
    return pairs


def _head(phrase: str) -> str:
    words = phrase.lower().split()
    return words[-1].rstrip("s") if words else ""


def _masked(sentence: str, text: str) -> str:
    return sentence.replace(text, " ", 1)


def connected_groups(size: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The groups of two or more items (numbered 0..size-1) that ``pairs`` link, directly or through others."""
    parent = list(range(size))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in pairs:
        parent[find(first)] = find(second)
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(size):
        groups[find(node)].append(node)
    return [members for members in groups.values() if len(members) > 1]


def _agree(first: Quantity, second: Quantity) -> bool:
    """Whether two written figures can be the same value, given the precision each was written with."""
    return abs(first.value - second.value) <= max(first.step, second.step) / 2


def _group_contradiction(members: Sequence[Quantity]) -> Contradiction | None:
    positions: list[list[Quantity]] = []
    for quantity in sorted(members, key=lambda q: q.step):
        home = next((position for position in positions if _agree(position[0], quantity)), None)
        if home is None:
            positions.append([quantity])
        else:
            home.append(quantity)
    if len(positions) < 2:
        return None
    for position in positions:
        articles = {q.article_id for q in position}
        if any(q.article_id in articles for other in positions if other is not position for q in other):
            return None
    if len({q.source for q in members}) < 2:
        return None
    subject = max(members, key=lambda q: len(q.counted)).subject
    return Contradiction(
        subject=subject,
        positions=[
            Position(
                value=position[0].normalised,
                sources=sorted({q.article_id for q in position}),
                evidence=[Evidence(q.article_id, q.sentence, q.source, q.sentence_start) for q in position],
            )
            for position in positions
        ],
        kind="number",
    )
