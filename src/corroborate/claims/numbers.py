"""Quantities in news text: each number with what it counts, its normalised value, and where outlets disagree.

A quantity is read off the spaCy parse of its sentence: the number (digits or words, "a dozen",
"two hundred", "$1.2 billion", "three-plus"), the noun it counts or measures ("130 cargo drones",
"a two-hour phone conversation"), a kind (count, duration, money, percent, age, ordinal) and a qualifier
(exact, approximate, nearly, just over, at least, at most, range, vague). Years, days of the month, clock
times and model numbers ("in 2014", "October 16", "10:30", "Boeing 737") are not quantities:
``claims.when`` reads dates.

``number_contradictions`` compares quantities across outlets. Precision comes first: each figure is the
interval of values it allows ("16" give or take its written precision, since "100" may be a rounded 130;
"over 20" anything above 20; "nearly 20" a little under 20), and two figures contradict only when their
intervals cannot both hold, they count the same thing (the same noun, one's modifiers among the other's:
"cargo flights" / "flights"), in sentences that say the same thing, of the same time frame, actor, holder
(whose sentence, whose bail) and event, and neither is a rate, a part ("one of"), an average or an order of
magnitude ("dozens").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from corroborate.claims.entities import PERSON_PRONOUNS, person_referred
from corroborate.claims.people import PERSON_NOUNS
from corroborate.claims.speech import SPEECH_VERBS
from corroborate.nlp import SUBJECT_DEPS, TIME_LABELS
from corroborate.records import Article, Contradiction, Evidence, Position
from corroborate.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span, Token

    from corroborate.claims.when import DateMention

QuantityKind = Literal["count", "duration", "money", "percent", "age", "ordinal"]
#: How a figure bounds the true value: "nearly" is at most the figure and a little under it, "just_over" a
#: little over it, "vague" an order of magnitude ("dozens", "hundreds") that bounds nothing a reader can check.
Qualifier = Literal["exact", "approximate", "nearly", "just_over", "at_least", "at_most", "range", "vague"]

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
# "lakh" and "crore" are the hundred thousand and ten million of South Asian English ("50 lakh masks").
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3, "lakh": 1e5,
    "crore": 1e7,
}  # fmt: skip
# Scales written as letters glued to digits ("$5m", "£2bn", "$449K", "$1.5B", "$5MM"), no number word alone.
# All but "m" and "bn" scale only a sum: "4K" of a screen is a resolution, "3.5 mm" a length, "B" a grade.
_LETTER_SCALES = {"m", "bn", "k", "b", "mn", "mm"}
_SUM_ONLY_SCALES = {"k", "b", "mn", "mm"}
# Other spellings of the scale letters, as the sum is read; kept out of ``_SCALES``, since alone ("5 mm")
# they are no scale to other stages.
_SCALE_SPELLINGS = {"b": "bn", "mn": "m", "mm": "m"}
# Scale letters that are also a unit of length glued to digits, by the unit they then are (written small).
_LENGTH_LETTERS = {"m": "metre"}
_PLURAL_NOUN_TAGS = {"NNS", "NNPS"}
# Plural nouns of races and their rounds, which a length in metres names ("the 110m hurdles", "the 200m heats").
_RACES = {"hurdles", "heats", "finals", "semifinals", "semi-finals", "relays", "races", "sprints"}
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
# A sum's digits and scale letters written as one word ("$2bn", "£3.5m"); after a currency sign only, as
# "5m" alone is as often five metres. The tokeniser leaves it glued to a sentence's full stop ("$5M.").
_GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|mm|m|b|k)\.?$")
_DIGIT_RANGE = re.compile(r"^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$")
# Plural scale words with no number before them are an order of magnitude, not a value.
_VAGUE_SCALES = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

# Signs, abbreviations ("Rs 300") and codes ("USD 5 million") written before a sum.
_CURRENCY_SYMBOLS = {
    "$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₽": "ruble", "rs": "rupee",
    "rs.": "rupee", "usd": "dollar", "eur": "euro", "gbp": "pound", "inr": "rupee",
}  # fmt: skip
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
_DIMENSIONS = {"square", "cubic"}
_CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "et", "est", "edt", "bst", "cet", "o'clock", "hrs"}

# Words before a number that say it is not exact, by what they make of it. The longest pattern that matches
# wins ("just under" before "under", "no more than" before "more than").
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
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("some",), "approximate"),
    (("circa",), "approximate"),
    (("estimated",), "approximate"),
    (("estimated", "at"), "approximate"),
    (("an", "estimated"), "approximate"),
    (("close", "to"), "approximate"),
    (("just", "under"), "nearly"),
    (("just", "shy", "of"), "nearly"),
    (("just", "over"), "just_over"),
    (("as", "many", "as"), "at_most"),
    (("as", "much", "as"), "at_most"),
)
_QUALIFIER_AFTER: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("or", "so"), "approximate"),
    (("or", "more"), "at_least"),
    (("-", "plus"), "at_least"),
    (("plus",), "at_least"),
    (("+",), "at_least"),
    (("or", "fewer"), "at_most"),
    (("or", "less"), "at_most"),
    (("and", "older"), "at_least"),
    (("or", "older"), "at_least"),
    (("and", "over"), "at_least"),
    (("and", "younger"), "at_most"),
    (("or", "younger"), "at_most"),
)
_RANGE_LINKS = {"to", "-", "–", "—", "or"}
# Fractions a number may end in ("four and a half months", "two and a quarter million").
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
# Words before a scale that halve it ("half a million", "a half million", "half a dozen").
_HALF_OF = (["half", "a"], ["half", "an"], ["a", "half"])
# Nouns that say a sum is the value of what follows "of" ("$5 billion worth of goods").
_VALUE_NOUNS = {"worth", "value"}
# Words that make a figure an addition to an earlier one ("another 20 troops", "fresh tariffs on $5 billion of
# goods"): a part of a total, not the total another outlet may give. Not "new": "the new stadium holds 40,000".
_INCREMENT_WORDS = {"another", "additional", "further", "extra", "fresh"}
# Nouns that name no measure of their own, only that a figure is one ("the total was $5,000", "a period of
# two years"): two such figures may be of anything.
_EMPTY_MEASURES = {
    "total", "sum", "amount", "figure", "number", "value", "worth", "level", "tally", "period", "span", "time"
}
# Nouns that make what they hold one part of a series ("a tranche of duties on $5 billion of goods").
_PART_NOUNS = {"tranche", "batch", "instalment", "installment"}
# Tokens that may stand between a number and its unit in one phrase ("three - plus - year").
_MAX_UNIT_GAP = 4


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number in one article, with what it counts.

    ``value`` is normalised (``"$1.2 billion"`` -> 1.2e9, ``"a dozen"`` -> 12); ``upper`` is the top of a
    range. ``unit`` is the lemma of what is counted or the measure ("drone", "hour", "dollar", "percent",
    "year" for ages); ``counted`` the noun phrase the quantity is about ("cargo drones",
    "phone conversation"). ``step`` is the precision the number was written with ("130" -> 10,
    "1.2 billion" -> 1e8), so two roundings of one figure are not told apart. Offsets index the article text.

    What the figure is about beyond its noun: ``actor`` is the doer or owner, by name ("norway" in "Norway
    sent 16 ships") or as "the" and a common noun's lemma ("the company"; empty for a pronoun or when
    the parse finds none; a personal pronoun as written), ``place`` the places its clause sets it in ("in
    texas"), ``frame`` the date words that scope it in its
    clause ("last year", "since 2009") and ``period`` the days they cover when they resolve, ``scope`` the
    single-event markers of its sentence ("third raid", "latest launch": a count within one event, not a
    total), ``predicate`` what is done to or by the counted thing when it is an argument of a verb ("kill" in
    "killed 16 people", "vote for" in "voted for 16 bills"; empty inside a noun phrase), and ``caveat`` why
    the figure is no total to compare ("rate", "part", "average"), if it is not. ``measured`` is the thing a
    number and its unit measure as its modifier ("pass" in "a 7-yard pass"), one of possibly many such in a
    story, and ``participants`` (of a count) the people its sentence names beyond those who tell it, whose tally
    or pass it is ("24 points from Silva" is not "9 points from Moreno"; "a 7-yard pass to Silva" not "a
    42-yard pass to Moreno"). ``holder`` is whom or what the figure's verb does it to, as ``actor`` names it:
    the subject of a passive ("Ann Lee was sentenced to 7 years", "the road was closed for three days") or the
    object beside the figure ("sentenced Ann Lee to 7 years"); one person's sentence is not another's. ``aged``
    (of an age) is the person it is told of, as ``actor`` writes them ("eric lund", "the man").
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
    actor: str = ""
    place: str = ""
    frame: str = ""
    period: tuple[date, date] | None = None
    scope: str = ""
    predicate: str = ""
    caveat: str = ""
    measured: str = ""
    participants: frozenset[str] = frozenset()
    holder: str = ""
    aged: str = ""

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
        """The value with its bound and unit, as compared: ``"2 hour"``, ``"at least 20 flight"``."""
        value = f"{_format(self.value)}-{_format(self.upper)}" if self.upper is not None else _format(self.value)
        return f"{_BOUND_WORDS.get(self.qualifier, '')}{value} {self.unit}".strip()

    def bounds(self, margin: float) -> tuple[float, float]:
        """The values the figure allows, low and high: an exact "16" is 15.5-16.5 (its written precision, whose
        ends are rounding boundaries that no figure holds), "about 20" and "nearly 20" allow ``margin`` (a share
        of the value) around or under it, "over 20" has no top and "up to 20" no bottom."""
        slack = self.step / 2
        hedge = max(margin * abs(self.value), slack)
        top = self.upper if self.upper is not None else self.value
        intervals = {
            "exact": (self.value - slack, self.value + slack),
            "range": (self.value - slack, top + slack),
            "approximate": (self.value - hedge, self.value + hedge),
            "nearly": (self.value - hedge, self.value),
            "just_over": (self.value, self.value + hedge),
            "at_least": (self.value, math.inf),
            "at_most": (-math.inf, self.value),
            "vague": (-math.inf, math.inf),
        }
        return intervals[self.qualifier]


_BOUND_WORDS = {
    "approximate": "about ",
    "nearly": "nearly ",
    "just_over": "just over ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def _format(value: float) -> str:
    return f"{value:.12g}"


# ---- Reading numbers -----------------------------------------------------------------------------------------


def parse_number(words: Sequence[str]) -> float | None:
    """The value of a number written in digits and/or words, or None when the words are not one number.

    ``["two", "hundred"]`` -> 200, ``["1.2", "billion"]`` -> 1.2e9, ``["a", "dozen"]`` -> 12,
    ``["twenty", "-", "five"]`` -> 25, ``["three"]`` -> 3, ``["two", "and", "a", "half", "million"]`` ->
    2.5e6. Two bare numbers in a row ("3 4") are not one.
    """
    lowered = [word.lower() for word in words]
    if lowered[:2] in _HALF_OF:
        scale = _whole_number(words[2:])
        return scale / 2 if scale is not None else None
    # The hyphens of a compound ("five-and-a-half") join what "five and a half" joins by spaces.
    plain = [word for word in words if word != "-"]
    for at in range(1, len(plain) - 2):
        if [word.lower() for word in plain[at : at + 2]] == ["and", "a"] and plain[at + 2].lower() in _FRACTIONS:
            return _with_fraction(plain[:at], _FRACTIONS[plain[at + 2].lower()], plain[at + 3 :])
    return _whole_number(words)


def _with_fraction(whole: Sequence[str], fraction: float, scale: Sequence[str]) -> float | None:
    """"four and a half": the whole and its fraction, times the scale words after them ("million"), if any."""
    value = _whole_number(whole)
    if value is None:
        return None
    if not scale:
        return value + fraction
    factor = _whole_number(scale)
    scales_only = all(word.lower() in _SCALES or word.lower() in _HUNDRED for word in scale)
    return (value + fraction) * factor if factor is not None and scales_only else None


def _whole_number(words: Sequence[str]) -> float | None:
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
        # Digits take a scale word by a hyphen in a compound ("a $5-million gift"), as no other number.
        return "skip" if last in {"tens", "hundred", "scale"} or (word == "-" and last == "digits") else None
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
    if lower in _NOUN_SCALES:
        return _scales_a_number(token)
    if lower in _HUNDRED or (lower in _SCALES and lower not in _LETTER_SCALES):
        return True
    if lower in _SMALL or lower in _TENS:
        # "one" is often a pronoun ("the one who"); as a number it is tagged as one.
        return token.tag_ == "CD"
    if _GLUED_SCALE.match(lower):
        return token.i > 0 and token.doc[token.i - 1].lower_ in _CURRENCY_SYMBOLS
    return bool(_DIGITS.match(lower))


# Number words that are more often nouns of their own ("a total score of 82", "a 2182 score", "test scores").
_NOUN_SCALES = {"score"}
_NOUN_SCALES_PLURAL = {"scores"}


def _scales_a_number(token: Token) -> bool:
    """Whether "score" is the number twenty: after a number word ("four score") or as "a score of" things ("a
    score of villages"), not a score of digits ("a score of 82")."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = [t for t in doc[token.i + 1 : token.i + 3]]
    if before in _SMALL or before in _TENS:
        return True
    return before == "a" and len(after) == 2 and after[0].lower_ == "of" and not after[1].like_num


def _number_runs(doc: Doc | Span) -> Iterator[tuple[int, int]]:
    """Token index ranges [start, end) of the numbers written in ``doc`` (digits, words, "a dozen")."""
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        if not _is_cardinal_word(tokens[i]):
            i += 1
            continue
        start = tokens[i].i
        end = i + spaced_number_length(tokens, i)
        while end < len(tokens):
            token = tokens[end]
            if _spelled_then_digits(tokens[end - 1], token):
                break
            if _is_cardinal_word(token) or _scales_digits(tokens, end):
                end += spaced_number_length(tokens, end)
            elif end + 1 < len(tokens) and _joins(tokens[end - 1], token, tokens[end + 1]):
                end += 2
            elif fraction := _and_a_fraction(tokens, end):
                end += fraction
            else:
                break
        first = tokens[i]
        before = [token.lower_ for token in tokens[max(i - 2, 0) : i]]
        if first.lower_ in _HUNDRED | _SCALES and before in _HALF_OF:
            start -= 2  # "half a million", "a half million"
        elif first.lower_ in _HUNDRED | _SCALES and before[-1:] in (["a"], ["an"]):
            start -= 1
        yield start, tokens[end - 1].i + 1
        i = end


def _spelled_then_digits(before: Token, token: Token) -> bool:
    """Whether digits follow a number spelled in words ("two 43-inch monitors", "three 737 jets"): no number is
    written so, so the words count what the digits measure or name."""
    return (before.lower_ in _SMALL or before.lower_ in _TENS) and bool(_DIGITS.match(token.lower_))


def _scales_digits(tokens: Sequence[Token], at: int) -> bool:
    """Whether ``tokens[at]`` is a scale letter after the digits before it ("5" "m"), one of a sum only after a
    currency sign ("$" "449" "K")."""
    lower = _scale_letters(tokens[at].lower_)
    if lower not in _LETTER_SCALES or at == 0 or not _DIGITS.match(tokens[at - 1].lower_):
        return False
    sum_of_money = at >= 2 and tokens[at - 2].lower_ in _CURRENCY_SYMBOLS
    if lower in _LENGTH_LETTERS:
        # "5m" is as often five metres ("5m ahead", "a 5m wall"): millions when they count things ("5m people"),
        # but for a race, whose name is plural ("the 400m hurdles").
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        counts = following is not None and following.tag_ in _PLURAL_NOUN_TAGS and following.lower_ not in _RACES
        return sum_of_money or counts
    return lower not in _SUM_ONLY_SCALES or sum_of_money


def _and_a_fraction(tokens: Sequence[Token], at: int) -> int:
    """How many words the fraction a spelled number ends in takes at ``at``, 0 for none: "and a half" as "five and
    a half" writes it, or with the hyphens of "five-and-a-half"."""
    for joining in (_AND_A, _HYPHENED_AND_A):
        after = at + len(joining)
        if [token.lower_ for token in tokens[at:after]] == joining and _ends_in_fraction(tokens, after):
            return len(joining) + 1
    return 0


_AND_A = ["and", "a"]
_HYPHENED_AND_A = ["-", "and", "-", "a", "-"]


def _ends_in_fraction(tokens: Sequence[Token], at: int) -> bool:
    return at < len(tokens) and tokens[at].lower_ in _FRACTIONS


_GROUP = re.compile(r"^\d{3}$")
_LEADING_GROUP = re.compile(r"^[1-9]\d{0,2}$")
_SHORT_DIGITS = re.compile(r"^\d{1,3}$")
_FRACTION = re.compile(r"^\d{1,2}$")
# The pieces of a fraction around a number: a slash and digits before it, or after it a slash and digits, or a
# fraction ("1/2", a vulgar fraction glyph) that makes it a mixed number ("6 1/2", "1-1/2").
_SLASH_BEFORE = re.compile(r"\d\s*/\s*$")
_SLASH_OR_FRACTION_AFTER = re.compile(r"\s*/\s*\d|\s*-?\s*(?:\d+/\d+|[½¼¾⅓⅔⅛⅜⅝⅞])")
# How many characters either side of a number hold the rest of a fraction it is a piece of ("1 / 2").
_FRACTION_REACH = 8
_LIST_LINKS = {"and", "or", ","}


def spaced_number_length(tokens: Sequence[Token] | Doc, i: int) -> int:
    """How many tokens from ``tokens[i]`` make one number whose punctuation a tokeniser spaced apart, as text
    re-joined from tokens is ("6. 1" for 6.1, "120, 000" for 120000, "1, 400, 000"): 1 when the digit token
    stands alone.

    A comma joins digits only before groups of exactly three ("1, 150"), after a leading group of one to three
    digits that no hyphen, month or list comes before ("5 - foot - 8, 135 pounds", "March 1, 150 people",
    "6, 7, 8") and when no further number of a list follows ("100, 110 and 120"). A point joins one to three
    digits to a fraction of one or two ("6. 1", "$27. 5 million"), not a year to the next sentence's
    number ("in 2009. 15 people")."""
    if not _spaced(tokens, i, _LEADING_GROUP) and not _spaced(tokens, i, _SHORT_DIGITS, "."):
        return 1
    end = i + 1
    if _grouping_may_start(tokens, i):
        while _spaced(tokens, end - 1, _SHORT_DIGITS) and _GROUP.match(tokens[end + 1].text):
            end += 2
        if end > i + 1 and _lists_on(tokens, end):
            end = i + 1
    if _spaced(tokens, end - 1, _SHORT_DIGITS, ".") and _FRACTION.match(tokens[end + 1].text):
        end += 2
    return end - i


def _spaced(tokens: Sequence[Token] | Doc, i: int, digits: re.Pattern[str], mark: str = ",") -> bool:
    """Whether ``tokens[i]`` is digits of the pattern glued to a ``mark`` that a space follows, then a token."""
    if i + 2 >= len(tokens):
        return False
    token, punct = tokens[i], tokens[i + 1]
    return bool(digits.match(token.text) and not token.whitespace_ and punct.text == mark and punct.whitespace_ == " ")


def _grouping_may_start(tokens: Sequence[Token] | Doc, i: int) -> bool:
    if i == 0:
        return True
    before = tokens[i - 1]
    listed = before.text == "," and i >= 2 and tokens[i - 2].like_num
    return not (before.text in {"-", "–"} or _is_month(before) or listed)


def _lists_on(tokens: Sequence[Token] | Doc, end: int) -> bool:
    """Whether a list of numbers goes on after ``tokens[:end]`` ("100, 110 and 120"): a link, then a bare
    number that does not open a grouping of its own."""
    if end + 1 >= len(tokens) or tokens[end].lower_ not in _LIST_LINKS:
        return False
    after = tokens[end + 1]
    return bool(_LEADING_GROUP.match(after.text)) and not _spaced(tokens, end + 1, _LEADING_GROUP)


def glued_words(doc: Doc, start: int, end: int) -> list[str]:
    """The words of the number run ``doc[start:end]``, a number spaced apart ("1", ",", "150") joined back into
    one ("1,150"), a sum's scale letters glued to its digits ("2bn") split off."""
    words = ["".join(token.text for token in doc[i : i + length]) for i, length in _pieces(doc, start, end)]
    return [part for word in words for part in _split_scale(word)]


def _split_scale(word: str) -> list[str]:
    glued = _GLUED_SCALE.match(word.lower())
    letters = glued.group(2) if glued else _scale_letters(word).lower()
    if letters not in _LETTER_SCALES:
        return [word]
    spelled = _SCALE_SPELLINGS.get(letters, letters)
    return [glued.group(1), spelled] if glued else [spelled]


def _scale_letters(word: str) -> str:
    """Scale letters without the sentence's full stop the tokeniser leaves on them ("$5 m." -> "m")."""
    bare = word.rstrip(".")
    return bare if bare.lower() in _LETTER_SCALES else word


def _pieces(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(first token, token count) of each word of the number run ``doc[start:end]``, a number spaced apart one."""
    i = start
    while i < end:
        length = spaced_number_length(doc, i)
        yield i, length
        i += length


def _joins(before: Token, link: Token, after: Token) -> bool:
    """Whether a hyphen or "and" between two number words joins them into one number ("twenty-five",
    "two hundred and five", digits and their scale: "a $5-million gift"), rather than listing two numbers or
    making a range ("5-10")."""
    if link.text not in {"-", "and"} or not _is_cardinal_word(after):
        return False
    if link.text == "-" and _DIGITS.match(before.lower_):
        return after.lower_ in _SCALES and after.lower_ not in _LETTER_SCALES
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
    """The noun with its compound and adjective modifiers ("cargo drones", "phone conversation"), but those of
    another number that shares the noun ("40 wooden and 25 steel bridges": 40 wooden bridges)."""
    keep = [
        child
        for child in noun.lefts
        if child.dep_ in {"compound", "amod", "nmod"} and child.i not in exclude and not child.like_num
    ]
    keep = [child for child in keep if all(between.i not in exclude for between in noun.doc[child.i : noun.i])]
    others = [token.i for token in noun.doc[max(exclude, default=noun.i) : noun.i] if _is_cardinal_word(token)]
    keep = [child for child in keep if not any(other < child.i for other in others if other not in exclude)]
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


def _value_of(token: Token) -> Token | None:
    """The noun a figure is the value of when it follows that noun's "of" ("a jobless rate of 7 percent"): the
    figure is that measure, not a share of its clause's subject ("officials reported a jobless rate of ...")."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
        return None
    noun = preposition.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and noun.i < token.i else None


def _subject_of_clause(token: Token) -> Token | None:
    """The subject of the clause a token belongs to (what a percentage or an age describes)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in {"VERB", "AUX"}:
            for child in ancestor.children:
                if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                    return child
            return None
    return None


@dataclass(frozen=True, slots=True)
class _Reading:
    unit: str
    counted: str
    kind: QuantityKind
    end: int
    measured: str = ""


def _read_unit(doc: Doc, start: int, end: int, head: Token) -> _Reading | None:
    """What the number in ``doc[start:end]`` (with syntactic head ``head``) counts, or None for a number that
    is not a quantity (a year, a day of the month, a clock time, a model number)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    exclude = set(range(start, end))
    if before is not None and before.lower_ in _CURRENCY_SYMBOLS:
        target = _valued(_attached_noun(head)) or _measure_valued(head)
        return _Reading(_CURRENCY_SYMBOLS[before.lower_], _phrase_or_empty(target, exclude), "money", end)
    percent_words = _percent_words(doc, end)
    if percent_words:
        # The last percent word heads the phrase ("cent" of "per cent", "points" of "percentage points").
        sign = doc[end + len(percent_words) - 1]
        target = _of_object(sign) or _attached_noun(sign) or _value_of(sign) or _subject_of_clause(sign)
        unit = "percentage point" if "point" in " ".join(percent_words) else "percent"
        # The percent words are the figure's, not a modifier of what it is a share of ("15% tariffs").
        signs = exclude | set(range(end, end + len(percent_words)))
        counted = _phrase_or_empty(_past_empty_measure(target), signs)
        return _Reading(unit, counted, "percent", end + len(percent_words))
    age = _read_age(doc, start, end, head)
    if age is not None:
        return age
    if _inch_mark(doc, end):
        # Read as the same size written "a 65-inch screen", whose unit is its counted noun too.
        measured = _phrase_or_empty(_attached_noun(head), exclude | {end})
        return _Reading(_INCH, _INCH, "count", end + 1, measured)
    if _is_date_or_clock(doc, start, end, head) or _idiom(doc, start, end) or _mark(doc, start, end):
        return None
    if after is not None and after.text in _LENGTH_LETTERS and not doc[end - 1].whitespace_:
        measured = _phrase_or_empty(_attached_noun(after), exclude | {after.i})
        return _Reading(_LENGTH_LETTERS[after.text], "", "count", end + 1, measured)
    if after is not None and after.lemma_.lower() in _CURRENCY_WORDS and after.pos_ == "NOUN" and not _weight(after):
        target = _attached_noun(after) or _measure_valued(after)
        return _Reading(after.lemma_.lower(), _phrase_or_empty(target, exclude), "money", end + 1)
    if _paired_symbols(doc, end):
        # "406 lb-ft of torque": the parser finds no noun in a unit of two symbols; what it measures follows "of".
        unit = doc[end : end + 3].text.lower().rstrip(".")
        return _Reading(unit, unit, "count", end + 3, _phrase_or_empty(_of_object(doc[end + 2]), exclude))
    unit_token = (
        _noun_past_digits(doc, end)
        or _attached_noun(head)
        or _of_object(head)
        or _whole_of_part(doc, end)
        or _noun_after_range(doc, start, end)
        or _noun_after_scale_letter(doc, end)
    )
    if unit_token is None or _opens_unhyphenated_compound(unit_token):
        if _pronoun_one(doc, start, end) or _ends_a_name(doc, start, end):
            return None
        return _Reading("", "", "count", end)
    unit_token = _unit_between(doc, end, unit_token) or unit_token
    if _fraction_noun(doc, end, unit_token):
        return None
    currency = _named_currency(doc, end)
    if currency is not None:
        # A currency named with its country ("250 New Zealand dollars"): a sum in that currency, not in dollars.
        target = _attached_noun(currency) or _measure_valued(currency)
        unit = " ".join(token.lower_ for token in doc[end : currency.i + 1]).removesuffix("s")
        return _Reading(unit, _phrase_or_empty(target, exclude), "money", currency.i + 1)
    symbol = doc[end] if end < len(doc) else None
    if symbol is not None and symbol.lower_ in _UNIT_SYMBOLS and symbol.head.i == unit_token.i > symbol.i:
        # The parser hangs a unit's symbol on the noun the measure is of, as a compound ("a 42 dBA office"), and
        # an abbreviation's full stop with it ("12 oz. milk").
        marks = {token.i for token in doc[symbol.i : unit_token.i] if token.is_punct}
        measured = _noun_phrase(unit_token, exclude | marks | {symbol.i})
        return _Reading(symbol.lower_, symbol.text, "count", end + 1, measured)
    unit = unit_token.lemma_.lower()
    unit = _TIME_ABBREVIATIONS.get(unit.rstrip("."), unit)  # "a 30 min drive"
    # The quantity's text runs on to its unit when the unit follows closely ("two-hour", "130 cargo drones").
    text_end = unit_token.i + 1 if 0 <= unit_token.i - end < _MAX_UNIT_GAP else end
    if unit in TIME_UNITS and [token.lower_ for token in doc[unit_token.i - 2 : unit_token.i]] == _LIGHT:
        return _Reading(_LIGHT_YEAR, _LIGHT_YEAR, "count", text_end)  # a distance: "230 million light-years wide"
    if unit in TIME_UNITS:
        if _next_word(doc, unit_token.i) == "ago" or _names_a_security(unit_token):
            return None
        # Not a span's "of" noun ("a sentence of 12 years"): an outlet that tells the span by its verb
        # ("sentenced to 12 years") leaves it unnamed, and the two would no longer count as one figure.
        target = _attached_noun(unit_token)
        return _Reading(unit, _phrase_or_empty(target, exclude | {unit_token.i}), "duration", text_end)
    measured = _measured(unit_token)
    return _Reading(
        _dimension(unit_token) + unit,
        _noun_phrase(unit_token, exclude),
        "count",
        text_end,
        _phrase_or_empty(measured, exclude | {unit_token.i}),
    )


def _unit_between(doc: Doc, end: int, noun: Token) -> Token | None:
    """The unit of measure between a number and the noun the parser hangs it on, which the number counts and
    which modifies that noun ("a 1500 metre race", "a 30 min activity", "a 10 year sentence"), with no other
    number before it, whose unit it is ("one 6-month study")."""
    for token in doc[end : noun.i]:
        if token.like_num:
            return None
        lemma = token.lemma_.lower()
        unit = lemma in _PHYSICAL_UNITS or lemma in TIME_UNITS or lemma.rstrip(".") in _TIME_ABBREVIATIONS
        if unit and token.tag_ == "NN" and token.dep_ == "compound" and token.head.i == noun.i:
            return token
    return None


# Units of physical measure that a number before a noun counts ("a 1500 metre race", "a 2000 acre farm").
_PHYSICAL_UNITS = {
    "metre", "meter", "kilometre", "kilometer", "mile", "foot", "yard", "inch", "acre", "hectare", "ton", "tonne",
    "kilogram", "gram", "litre", "liter", "gallon", "barrel", "calorie", "watt", "kilowatt", "megawatt",
    "horsepower", "volt", "degree", "tbsp", "tsp",
}  # fmt: skip


def _pronoun_one(doc: Doc, start: int, end: int) -> bool:
    """Whether a lone "one" with no noun is a pronoun ("the old one", "you tell me one", "one another"), not a
    count, unless it opens a ratio ("one in five") or a margin ("one more than")."""
    return end - start == 1 and doc[start].lower_ == _ONE and _next_word(doc, start) not in _COUNTING_ONE_WORDS


_COUNTING_ONE_WORDS = {"in", "out", "more", "less", "fewer"}


def _ends_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare number with no noun follows a capitalised name with nothing between ("Vortex 2", "Rally 2
    is out", "the Lumo 10 Plus", "the Week 13 rematch"): a sequel's, a model's, an address's or a round's number,
    which counts nothing. A name of time counts too ("Week", "Day"), though the recogniser reads it as a date."""
    before = doc[start - 1] if start > 0 else None
    if before is None or before.is_sent_start or _is_month(before):
        return False
    return not before.text.islower() and before.pos_ in {"PROPN", "NOUN"}


def _fraction_noun(doc: Doc, end: int, unit: Token) -> bool:
    """Whether the noun after a number is a fraction's ("two-thirds of the voters", "three quarters of the vote"),
    which makes the figure a share, not a count of thirds."""
    fraction = unit.lemma_.lower() in _FRACTION_NOUNS and unit.i <= end + 1
    hyphenated = unit.i == end + 1 and doc[end].text == "-"
    return fraction and (hyphenated or _next_word(doc, unit.i) == "of")


# Nouns of the fractions news writes in words.
_FRACTION_NOUNS = {"half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _mark(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare number marks something rather than counting: a note's number in square brackets ("[1]"), a
    list item's at the start of its line ("4) Bring water", "2. Never again", which the tagger marks as a list
    item), a tie-break's points after a set's score ("7-6 (5)")."""
    if end - start != 1 or end >= len(doc):
        return False
    opening, closing = (doc[start - 1].text if start > 0 else ""), doc[end].text
    if (opening, closing) == ("[", "]"):
        return True
    line_start = start == 0 or doc[start - 1].is_space
    if line_start and (closing == ")" or (closing == "." and _opens_item(doc, start, end))):
        return True
    scored = _SCORE_ENDING.search(doc[max(start - 4, 0) : start - 1].text.replace(" ", ""))
    return (opening, closing) == ("(", ")") and scored is not None


def _opens_item(doc: Doc, start: int, end: int) -> bool:
    """Whether a number and a full stop at a line's start open a list item: the tagger says so, or a capitalised
    word or a quote follows ("6. \"The second problem\"")."""
    following = doc[end + 1] if end + 1 < len(doc) else None
    item = following is not None and (following.text[:1].isupper() or following.is_quote)
    return doc[start].tag_ == _LIST_ITEM_TAG or item


_LIST_ITEM_TAG = "LS"


def _inch_mark(doc: Doc, end: int) -> bool:
    """Whether the mark glued to the number before ``doc[end]`` is an inch mark ('a 65" screen', '22" wide'), not
    the close of a quote ('she wrote "we sold 40" in a note'): no quote is open before it on its line."""
    if end >= len(doc) or doc[end].text not in _INCH_MARKS or doc[end - 1].whitespace_:
        return False
    at = doc[end].idx
    text = doc.text  # read only here: few numbers have a mark glued to them
    return not _quote_open(text[text.rfind("\n", 0, at) + 1 : at])


def _quote_open(line: str) -> bool:
    """Whether a quote is open at the end of ``line``: a straight mark after a space or at the line's start opens
    one, the next closes it, and one glued to a word while none is open is an inch mark of its own."""
    open_ = False
    for at, char in enumerate(line):
        if char == "“":
            open_ = True
        elif char == "”":
            open_ = False
        elif char == '"':
            opens = at == 0 or line[at - 1].isspace() or line[at - 1] in "(["
            open_ = not open_ and opens
    return open_


_INCH = "inch"
# Marks news writes for inches after a number: a straight double quote, a closing curly quote, a double prime.
_INCH_MARKS = {'"', "”", "″"}


_LIGHT = ["light", "-"]
_LIGHT_YEAR = "light-year"


# Symbols of units of measure that news writes apart from the number ("42 dBA", "5 km", "45 W"), which the
# parser takes for a word of the noun the measure is of, and "horsepower", which it reads so too ("a 275
# horsepower electric motor").
_UNIT_SYMBOLS = {
    "db", "dba", "km", "cm", "mm", "kg", "mg", "ml", "lb", "lbs", "oz", "ft", "mph", "kph", "km/h",
    "kb", "mb", "gb", "tb", "hz", "khz", "mhz", "ghz", "w", "kw", "mw", "gw", "kwh", "mwh", "gwh", "v", "mah", "hp",
    "bhp", "horsepower",
}  # fmt: skip


def _paired_symbols(doc: Doc, end: int) -> bool:
    """Whether two unit symbols joined by a hyphen follow a number ("406 lb-ft", "50 kW-h"), or a unit by a slash
    and a letter of time ("50 km/h", "12 m/s"): one unit."""
    words = [token.lower_ for token in doc[end : end + 3]]
    if len(words) < 3 or words[0] not in _UNIT_SYMBOLS:
        return False
    # The letter of time may carry the sentence's full stop ("50 km/h.").
    per_time = words[1] == "/" and words[2].rstrip(".") in _TIME_LETTERS
    return (words[1] == "-" and words[2] in _UNIT_SYMBOLS) or per_time


_TIME_LETTERS = {"h", "hr", "s", "sec", "min"}
# Abbreviations of units of time news writes as a word ("a 30 min drive", "45 mins"); "hrs" is a clock's.
_TIME_ABBREVIATIONS = {"min": "minute", "mins": "minute", "sec": "second", "secs": "second", "hr": "hour"}


def _named_currency(doc: Doc, end: int) -> Token | None:
    """The currency word after a number and its country's words ("dollars" of "250 New Zealand dollars", of "40
    Canadian dollars"), which the parser may take for the number's noun ("Zealand")."""
    for token in doc[end + 1 : min(end + _MAX_UNIT_GAP, len(doc))]:
        if not all(word.pos_ in {"PROPN", "ADJ"} and word.text[:1].isupper() for word in doc[end : token.i]):
            return None
        # The tagger may read a plural after a name as a verb ("Zealand dollars"), which a currency's plural is not.
        plural = token.lower_.endswith("s") and token.lower_[:-1] in _CURRENCY_WORDS
        # No weight is named with a country ("5,200 British pounds of her savings" is a sum).
        if plural or (token.lemma_.lower() in _CURRENCY_WORDS and token.pos_ == "NOUN"):
            return token
    return None


def _weight(unit: Token) -> bool:
    """Whether a currency word is a weight: "pounds of" a substance ("5,200 pounds of water"); a sum in pounds is
    "pounds worth of" goods."""
    return unit.lemma_.lower() in _WEIGHT_CURRENCIES and _next_word(unit.doc, unit.i) == "of"


# Currency words that also name a unit of weight.
_WEIGHT_CURRENCIES = {"pound"}


def _names_a_security(unit: Token) -> bool:
    """Whether a span of time before a noun names a kind of bond or loan ("a 30-year bond", "the 10-year Treasury
    yield", "the 30-year mortgage rate", "three-month copper"): the term is part of the security's name, not a span
    the story tells of."""
    noun = _attached_noun(unit)
    if noun is None:
        return False
    return any(token.lemma_.lower() in _SECURITIES | _FORWARDS for token in unit.doc[unit.i + 1 : noun.i + 1])


# Securities and loans that news names by their term.
_SECURITIES = {"bond", "note", "treasury", "bill", "gilt", "bund", "yield", "mortgage", "swap", "debenture"}
# Contracts and metals that markets price for delivery after a term ("three-month copper", "three-month futures").
_FORWARDS = {"futures", "forward", "forwards", "copper", "aluminum", "aluminium", "zinc", "nickel"}


def _noun_past_digits(doc: Doc, end: int) -> Token | None:
    """The noun a spelled count counts past the digits after it, which name or measure that noun ("two 777 planes",
    "two 43" monitors"), and which the parser may hang the count on instead."""
    if end >= len(doc) or not _spelled_then_digits(doc[end - 1], doc[end]):
        return None
    at = end + 2 if _inch_mark(doc, end + 1) else end + 1
    at += 1 if at < len(doc) and _unit_word(doc[at]) else 0  # "three 500 ml bottles"
    noun = doc[at] if at < len(doc) else None
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    # The model's name may come before the noun counted ("five 787 Skyliner sales").
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


def _unit_word(token: Token) -> bool:
    return token.lower_ in _UNIT_SYMBOLS or token.lemma_.lower() in _MEASURE_UNITS


def _named_after_count(doc: Doc, start: int, end: int) -> bool:
    """Whether digits after a spelled count name what it counts, a model ("two 777 planes", "five 787 Skyliner
    sales"): a noun right after them is counted by the words, so the digits only tell which kind, unless it is a
    unit they measure in ("three 500 ml bottles")."""
    noun = doc[end] if end < len(doc) else None
    spelled = start > 0 and _spelled_then_digits(doc[start - 1], doc[start])
    return spelled and noun is not None and noun.pos_ in {"NOUN", "PROPN"} and not _unit_word(noun)


def _noun_after_range(doc: Doc, start: int, end: int) -> Token | None:
    """The noun right after a range opened by "between" ("between 1,500 and 2,000 troops"), which the parser may
    hang on "between" rather than on either number."""
    opened = start > 0 and doc[start - 1].lower_ == "between"
    closed = any(token.lower_ == "and" for token in doc[start:end])
    noun = doc[end] if end < len(doc) else None
    return noun if opened and closed and noun is not None and noun.pos_ == "NOUN" else None


def _noun_after_scale_letter(doc: Doc, end: int) -> Token | None:
    """The noun right after a scale letter ("5m people"), which the parser may read as a noun of its own, the
    object of the verb beside the noun it scales."""
    noun = doc[end] if end < len(doc) else None
    scaled = _scale_letters(doc[end - 1].lower_) in _LETTER_SCALES
    return noun if scaled and noun is not None and noun.pos_ == "NOUN" else None


def _past_empty_measure(noun: Token | None) -> Token | None:
    """What a noun that names no measure of its own is of ("the number of young people" -> "people"), or the
    noun itself."""
    if noun is None or noun.lemma_.lower() not in _EMPTY_MEASURES:
        return noun
    return next((of for of in _of_objects(noun) if of.pos_ in {"NOUN", "PROPN"}), noun)


def _measure_valued(token: Token) -> Token | None:
    """The noun a sum is the value of when it follows that noun's "of" ("a fine of $8,000"), unless that noun
    names no measure of its own ("a total of $8,000")."""
    noun = _value_of(token)
    return noun if noun is not None and noun.lemma_.lower() not in _EMPTY_MEASURES else None


def _measured(unit: Token) -> Token | None:
    """The noun a number and its unit measure when together they modify it ("a 7-yard pass", "a 5.9-magnitude
    quake"): a singular unit after a number, which only a compound modifier writes. The figure is then of that
    thing (one pass, one quake), not a tally of the unit ("7 yards" gained in all)."""
    return _attached_noun(unit) if unit.tag_ == "NN" else None


def _valued(noun: Token | None) -> Token | None:
    """What a sum is the value of, past "worth" or "value" ("$5 billion worth of goods" -> "goods")."""
    if noun is None or noun.lemma_.lower() not in _VALUE_NOUNS:
        return noun
    return _of_object(noun) or noun


def _dimension(unit: Token) -> str:
    """ "square " or "cubic " when the unit measures an area or a volume ("1,500-square-kilometer island"): no
    length in the same unit ("1,150 kilometers from the capital") tells the same figure."""
    words = {child.lower_ for child in unit.lefts if child.dep_ == "amod"} & _DIMENSIONS
    return f"{min(words)} " if words else ""


def _opens_unhyphenated_compound(noun: Token) -> bool:
    """Whether a noun is the first word of a compound modifier written without hyphens, which the parser reads
    as a clause ("one rocket propelled grenade launcher": "rocket" the subject of "propelled"): a participle
    right after the noun, then a singular common noun with no determiner, which no clause would leave bare.
    What the number counts is then further on, and the parse does not say where."""
    doc = noun.doc
    if noun.i + 2 >= len(doc):
        return False
    participle, following = doc[noun.i + 1], doc[noun.i + 2]
    return (
        noun.dep_ in SUBJECT_DEPS
        and participle.i == noun.head.i
        and participle.tag_ in {"VBD", "VBN"}
        and following.tag_ == "NN"
        and following.head.i == participle.i
    )


def _whole_of_part(doc: Doc, end: int) -> Token | None:
    """The noun a part counts when the whole follows it as a number ("landed 178 of 369 punches")."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not _is_cardinal_word(doc[end + 1]):
        return None
    return _attached_noun(doc[end + 1])


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
    unit = "year" if following[:1] == ["year-old"] else _age_unit(following)
    if unit:
        old = next(token for token in doc[end : end + 4] if token.lower_ in {"old", "year-old"})
        target = old.head if old.dep_ == "amod" else _subject_of_clause(old)
        return _Reading(unit, _phrase_or_empty(target, set(range(start, old.i + 1))), "age", old.i + 1)
    if start > 0 and doc[start - 1].lower_ == "aged":
        target = doc[start - 1].head if doc[start - 1].dep_ in {"amod", "acl"} else _subject_of_clause(head)
        return _Reading("year", _phrase_or_empty(target, set(range(start - 1, end))), "age", end)
    age_word = _age_word_before(doc, start)
    if age_word is not None and _attached_noun(head) is None:
        before = doc[age_word.i - 1] if age_word.i > 0 else None
        # "residents age 18 and over": the people the age is of come right before it; else the clause's subject.
        beside = before is not None and before.pos_ == "NOUN" and before.tag_ in _PLURAL_NOUN_TAGS
        target = before if beside else _subject_of_clause(age_word)
        return _Reading("year", _phrase_or_empty(target, set(range(age_word.i, end))), "age", end)
    person = _person_of_bare_number(doc, start, end, head)
    if person is None:
        return None
    name = next((ent for ent in doc.ents if ent.start <= person.i < ent.end), None)
    if name is not None and person.ent_type_ == "PERSON":
        return _Reading("year", name.text, "age", end)
    return _Reading("year", _noun_phrase(person, set(range(start, end))), "age", end)


def _age_unit(following: Sequence[str]) -> str:
    """The unit of an age written "N years old", "N-month-old": "year", "month", ..., or "" when the words after a
    number are no age."""
    if len(following) < 2 or following[1] != "old":
        return ""
    unit = following[0].removesuffix("s")
    return unit if unit in _AGE_UNITS else ""


# Units a young one's age is told in ("a 9-month-old baby", "a two-week-old foal").
_AGE_UNITS = {"year", "month", "week", "day"}


def _age_word_before(doc: Doc, start: int) -> Token | None:
    """The noun "age" a number is the value of ("age 18 and over", "under age 5", "at the age of 70")."""
    words = [token.lower_ for token in doc[max(start - 2, 0) : start]]
    if words[-1:] and words[-1] in _AGE_NOUNS:
        return doc[start - 1]
    return doc[start - 2] if len(words) == 2 and words[0] in _AGE_NOUNS and words[1] == "of" else None


_AGE_NOUNS = {"age", "ages"}
# Words that make a date entity an age ("age 18", "aged 40", "a 47-year-old").
_AGE_WORDS = _AGE_NOUNS | {"aged", "old", "year-old"}


def _person_of_bare_number(doc: Doc, start: int, end: int, head: Token) -> Token | None:
    """The person a bare whole number is told of as an age: set beside a name or a noun for one person ("John
    Smith, 45,", "the suspect, 32,") or the complement of "be" with such a subject ("the victim was 17", "Lee is
    45"). A number with a noun of its own ("the victim was 17 miles away"), a part ("was one of 12"), a fraction
    or a number word is none, nor a number told of a thing ("the toll was 17") or of several people ("the victims were
    17"), which it may count."""
    # News writes ages in digits: a number word beside a name is a count of something ("three models, one with").
    text = doc[start:end].text
    whole = end - start == 1 and text.isdigit() and 0 < int(text) <= _OLDEST_AGE
    if not whole or _attached_noun(head) is not None or _of_object(head) is not None:
        return None
    if head.dep_ == "appos":
        person = head.head if _right_after(head.head, start) else None
    elif head.dep_ == "attr" and head.head.lemma_.lower() == "be":
        person = next((child for child in head.head.children if child.dep_ == "nsubj"), None)
    else:
        return None
    return person if person is not None and _one_person(person) else None


def _right_after(person: Token, start: int) -> bool:
    """Whether a number follows a person with only punctuation or the rest of their name between ("Ann Lee Jr.,
    45"): one with more between is something else set beside them ("beat Lee 7-6 (5)")."""
    between = person.doc[person.i + 1 : start]
    return person.i < start and all(token.is_punct or token.ent_iob_ == "I" for token in between)


def _one_person(token: Token) -> bool:
    """Whether a token names one person: a person's name, "he" / "she" / "I", or a singular noun for a person."""
    if token.ent_type_ == "PERSON" or token.lower_ in _ONE_PERSON_PRONOUNS:
        return True
    return token.pos_ == "NOUN" and token.tag_ == "NN" and token.lemma_.lower() in _PERSON_NOUNS


# No one is older: a bare number above it beside a person is something else of theirs (a score, a badge).
_OLDEST_AGE = 120
_ONE_PERSON_PRONOUNS = {"he", "she", "i"}
# Nouns for one person that a news story tells an age of: the shared nouns for people who speak, and those for
# the people an event happens to or who do it, by sex, age, kin or part.
_PERSON_NOUNS = PERSON_NOUNS | {
    "man", "woman", "boy", "girl", "child", "teenager", "teen", "youth", "baby", "infant", "toddler", "adult",
    "victim", "suspect", "driver", "passenger", "pilot", "gunman", "shooter", "attacker", "assailant", "killer",
    "soldier", "worker", "student", "patient", "owner", "player", "pedestrian", "cyclist", "motorist", "rider",
    "survivor", "hostage", "prisoner", "inmate", "mother", "father", "son", "daughter", "wife", "husband",
    "brother", "sister", "grandmother", "grandfather", "friend", "neighbour", "neighbor", "tourist", "hiker",
    "climber", "swimmer", "runner", "teacher", "nurse", "firefighter", "policeman", "policewoman", "guard",
}  # fmt: skip


def _is_month(token: Token) -> bool:
    return token.text.rstrip(".").lower() in _MONTHS and token.text[:1].isupper()


def _is_date_or_clock(doc: Doc, start: int, end: int, head: Token) -> bool:
    """Years ("in 2014"), days of the month ("October 16", "16 Oct."), clock times and model numbers."""
    text = doc[start:end].text
    if (start > 0 and _is_month(doc[start - 1])) or (end < len(doc) and _is_month(doc[end])):
        return True
    if ":" in text or (end < len(doc) and doc[end].lower_ in _CLOCK_WORDS) or _spaced_clock(doc, start, end):
        return True
    if _YEAR.fullmatch(text) and (_attached_noun(head) is None or head.ent_type_ == "DATE" or _dates_one(head)):
        return True
    if _YEAR.fullmatch(text) and _after_day_of_month(doc, start):
        return True  # "the September 11, 2001 attacks"
    return (
        _designated(doc, start, head)
        or _lettered(doc, end)
        or (head.dep_ in {"nummod", "compound", "appos"} and head.head.pos_ == "PROPN" and head.head.i < start)
        or _between_names(doc, start, end)
        or _repeats_designation(doc, start, end)
        or _version(doc, start, end)
        or _release(doc, start, end)
        or _names_one(doc, start, end, head)
        or _titled(doc, start, end)
        or _dialled(doc, start, end, head)
        or _named_after_count(doc, start, end)
    )


def _version(doc: Doc, start: int, end: int) -> bool:
    """Whether a decimal number is a version or a layout, not an amount: after a name ("HDMI 2.1", "Android 10.1",
    "Bluetooth 5.3") or before a word of sound channels ("7.1 surround sound", "5.1-channel audio"). A sum, a
    share or a measure after a name has its unit between ("Acme's 2.5 million users", "Acme 2.5%")."""
    if end - start != 1 or not _DECIMAL.fullmatch(doc[start].text):
        return False
    after = doc[end] if end < len(doc) else None
    following = doc[end + 1] if end + 1 < len(doc) and after is not None and after.text == "-" else after
    if following is not None and following.lower_ in _CHANNEL_WORDS:
        return True
    named = start > 0 and _capitalised_name(doc[start - 1]) and doc[start - 1].tag_ != "POS"
    return named and not (after is not None and _scale_letters(after.lower_).lower() in _LETTER_SCALES | _SCALES.keys())


_DECIMAL = re.compile(r"\d+\.\d+")


def _release(doc: Doc, start: int, end: int) -> bool:
    """Whether a number names a release of software, not an amount: after "version" ("version 10 of its browser")
    or after a name written in camel case, as software is ("iOS 12", "macOS 10"), which the tagger may take for
    a number and so for no name."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    return before.lower_.rstrip(".") in _VERSION_WORDS or bool(_CAMEL_CASE.match(before.text))


_VERSION_WORDS = {"version", "ver", "v"}
_CAMEL_CASE = re.compile(r"^[a-z]+[A-Z]")
# Words for sound channels, which a decimal before them lays out ("7.1" is seven speakers and a subwoofer).
_CHANNEL_WORDS = {"surround", "channel", "channels", "sound", "audio", "speaker", "speakers"}


def _lettered(doc: Doc, end: int) -> bool:
    """Whether a number ends in a capital letter glued to it that scales nothing ("the 5500M chip", "a 4K screen",
    "3D printing"): a model's or a standard's name, not a count."""
    letter = doc[end] if end < len(doc) else None
    glued = letter is not None and not doc[end - 1].whitespace_
    return glued and len(letter.text) == 1 and letter.text.isalpha() and letter.text.isupper()


def _capitalised_name(token: Token, tags: frozenset[str] = frozenset({"PROPN", "NOUN"})) -> bool:
    """A word with a capital that is a name or a name's word, not a sentence's first word, a month or a time."""
    # A product's name may start with a small letter before its capital ("eReader").
    return (
        not token.text.islower()
        and token.pos_ in tags
        and not token.is_sent_start
        and not _is_month(token)
        and token.ent_type_ not in TIME_LABELS
    )


def _between_names(doc: Doc, start: int, end: int) -> bool:
    """Whether a number stands between two capitalised words ("Geekbench 5 Compute", "Series 7 Pro"): a
    product's or a test's designation, which a count between a name and a common noun ("Acme's 5 plants") is
    not."""
    return start > 0 and end < len(doc) and _capitalised_name(doc[start - 1]) and _capitalised_name(doc[end])


_MODEL_WORD_TAGS = frozenset({"PROPN", "NOUN", "ADJ"})


def _repeats_designation(doc: Doc, start: int, end: int) -> bool:
    """Whether a number after "and", "or" or a comma repeats the number of a designation earlier in its
    sentence before a capitalised word ("the Pixel 8 and 8 Pro"): the second model of a line, not a count."""
    if start == 0 or doc[start - 1].lower_ not in _LIST_LINKS or end >= len(doc):
        return False
    # A model's word after its number may be tagged an adjective ("8 Pro"); a people's adjective is not one.
    if not _capitalised_name(doc[end], _MODEL_WORD_TAGS) or doc[end].ent_type_ == "NORP":
        return False
    text = doc[start:end].text
    sentence = doc[start].sent
    return any(
        token.text == text and token.i > 0 and _capitalised_name(doc[token.i - 1])
        for token in doc[sentence.start : start - 1]
    )


# Links of a number to itself in a pairing ("one-on-one talks", "one-to-one"), which counts nothing.
_PAIRING_LINKS = {"on", "to"}
# Nouns after "at one" that say when, not how many ("at one point", "at one stage").
_SOME_TIME_NOUNS = {"point", "stage", "time", "moment"}
_SOME_TIME_PREPOSITION = "at"
_ONE = "one"


def _idiom(doc: Doc, start: int, end: int) -> bool:
    """Whether a lone "one" is an idiom, not a count: a pairing ("one-on-one"), "at one point", or "one day"
    before its verb, which means some day ("One day the firm will pay"), not a day's length ("it lasted one
    day", "one day later", "one day after the vote")."""
    if end - start != 1 or doc[start].lower_ != _ONE:
        return False
    pairing = [[t.lower_ for t in doc[max(start - 4, 0) : start]], [t.lower_ for t in doc[end : end + 4]]]
    if any(side in ([_ONE, "-", link, "-"], ["-", link, "-", _ONE]) for side in pairing for link in _PAIRING_LINKS):
        return True
    noun = doc[start].head if doc[start].dep_ == "nummod" else None
    if noun is None:
        return False
    at_some_time = noun.lemma_.lower() in _SOME_TIME_NOUNS and noun.dep_ == "pobj"
    if at_some_time and noun.head.lower_ == _SOME_TIME_PREPOSITION:
        return True
    some_day = noun.lemma_.lower() in TIME_UNITS and noun.dep_ == "npadvmod" and noun.head.pos_ in {"VERB", "AUX"}
    # "one day after the vote" measures from an event, whose verb may follow.
    return some_day and noun.i < noun.head.i and _next_word(doc, noun.i) not in _ANCHOR_WORDS | {"ago"}


def _dates_one(number: Token) -> bool:
    """Whether a year-like number dates the one thing its noun names ("the 2020 sedan", "the 2016 Model S", "the
    crewed 2024 moon mission"): a count above one counts a plural, so before a name or a singular noun it tells
    which one, unless a unit of measure makes it a measure ("a 1500 metre race"). A plural name counts people
    ("2000 Marines") unless a name between them makes it an event's ("the 2008 Beijing Olympics")."""
    noun = _attached_noun(number)
    if noun is None or noun.tag_ not in {"NN", "NNP", "NNPS"}:
        return False
    between = number.doc[number.i + 1 : noun.i]
    if noun.tag_ == "NNPS":
        return any(word.pos_ == "PROPN" for word in between)
    measure = any(word.pos_ == "NOUN" and word.lemma_.lower() in _MEASURE_UNITS for word in [*between, noun])
    return noun.tag_ == "NNP" or not measure


# Units a number before a singular noun measures it in ("a 1500 metre race", "a 2000 acre farm", "a 1000 page
# report"), where a year would date it.
_MEASURE_UNITS = TIME_UNITS | _PHYSICAL_UNITS | {
    "feet", "pound", "page", "word", "seat", "room", "bed", "bedroom", "storey", "point", "piece", "member", "square",
    "cubic", "cup",
}  # fmt: skip


def _names_one(doc: Doc, start: int, end: int, head: Token) -> bool:
    """Whether digits above one name which one thing their singular noun is, a model or a line ("a 737 jet", "the
    777 program", "a 737 Max jet"), not how many: a count above one counts a plural. A singular noun that goes on
    to modify another is a unit of a measure ("a 1500 metre race", "a 10 year sentence"), and a collective noun
    counts as a plural does ("the 25 staff"). A determiner or an owner opens such a name ("its popular 737 jet"):
    with none, the noun may be a count's that the tagger, on a mass noun or a foreign word, reads as singular
    ("including 12 freight")."""
    text = doc[start:end].text
    if end - start != 1 or not text.isdigit() or int(text) <= 1 or not _determined(doc, start):
        return False
    noun = _attached_noun(head)
    if noun is None or noun.tag_ != "NN" or noun.lemma_.lower() in _COLLECTIVE_NOUNS or _unit_word(noun):
        return False
    names_between = all(word.pos_ == "PROPN" and word.text[:1].isupper() for word in doc[end : noun.i])
    return names_between and _attached_noun(noun) is None


def _determined(doc: Doc, start: int) -> bool:
    """Whether a determiner or an owner comes before ``doc[start]``, past its adjectives ("the embattled 737")."""
    at = start - 1
    while at >= 0 and (doc[at].pos_ in {"ADJ", "ADV"} or doc[at].tag_ in _PARTICIPLE_TAGS):
        at -= 1
    return at >= 0 and (doc[at].pos_ == "DET" or doc[at].tag_ in {"PRP$", "POS"})


# Participles that modify a noun as adjectives do ("the embattled 737 jet", "a growing 40 list").
_PARTICIPLE_TAGS = {"VBN", "VBG"}
# Singular nouns that count several ("25 staff", "300 cattle", "40 aircraft").
_COLLECTIVE_NOUNS = {
    "staff", "personnel", "crew", "police", "cattle", "livestock", "aircraft", "fish", "sheep", "deer", "equipment",
    "infantry", "clergy", "offspring", "poultry", "swine", "military", "artillery", "cavalry", "spacecraft",
    "watercraft", "hovercraft", "people",
}  # fmt: skip


def _titled(doc: Doc, start: int, end: int) -> bool:
    """Whether a number is part of a title of two numbers about a capitalised preposition ("the 40 Under 40 list",
    "a 30 Under 30 honoree"), which names an honour, not a count."""

    def titled_preposition(token: Token) -> bool:
        return token.pos_ == "ADP" and token.text[:1].isupper() and not token.is_sent_start

    after = doc[end : end + 2]
    before = doc[max(start - 2, 0) : start]
    return (len(after) == 2 and titled_preposition(after[0]) and _is_cardinal_word(after[1])) or (
        len(before) == 2 and titled_preposition(before[1]) and _is_cardinal_word(before[0])
    )


def _dialled(doc: Doc, start: int, end: int, head: Token) -> bool:
    """Whether a number is a telephone number, not a count: the object of a verb of calling ("called 911", "dial
    999") with no noun of its own, or an emergency number before a noun of its calls ("911 calls", "a 999
    operator")."""
    if not doc[start:end].text.isdigit():
        return False  # "called one of her friends" calls a person
    noun = _attached_noun(head)
    if noun is None and head.dep_ == "dobj" and head.head.lemma_.lower() in _CALLING_VERBS:
        return True
    return doc[start:end].text in _EMERGENCY_NUMBERS and noun is not None and noun.lemma_.lower() in _CALL_NOUNS


_CALLING_VERBS = {"call", "dial", "phone", "ring", "text"}
# The emergency telephone numbers of North America, Britain and the European Union.
_EMERGENCY_NUMBERS = {"911", "999", "112"}
# Nouns of the calls an emergency number takes and of those who answer them.
_CALL_NOUNS = {"call", "caller", "dispatcher", "operator", "center", "centre", "line", "service", "system", "tape"}


def _after_day_of_month(doc: Doc, start: int) -> bool:
    """Whether a number follows a month, a day and a comma ("September 11, 2001"): the year of that date."""
    return start >= 3 and doc[start - 1].text == "," and doc[start - 2].like_num and _is_month(doc[start - 3])


def _designated(doc: Doc, start: int, head: Token) -> bool:
    """Whether a number ends a designation ("SU-27 jets", "SU 27 jets", "the MH 370 flight", "Thunderbolt 3
    docks", "the Apollo 11 crew"): a name or capitalised word before it, a hyphen or nothing between, hangs on the
    number or on the noun it does, which a name beside a count ("the UN 15-member council") does not. A count is
    told of a name by its possessive ("Apollo's 11 engineers")."""
    at = start - 2 if start >= 2 and doc[start - 1].text in {"-", "–"} else start - 1
    if at < 0:
        return False
    letters = doc[at]
    capitals = letters.text.isalpha() and letters.text.isupper()
    named = letters.pos_ in {"PROPN", "NOUN"} and letters.text[:1].isupper() and letters.ent_type_ not in TIME_LABELS
    return (capitals or named) and letters.head.i in {head.i, head.head.i} and letters.dep_ in {"compound", "nmod"}


def _spaced_clock(doc: Doc, start: int, end: int) -> bool:
    """A time of day whose text came apart ("4: 08 p. m."): a colon just before, or "a." / "p." then "m." after."""
    after = [token.lower_ for token in doc[end : end + 2]]
    return (start > 0 and doc[start - 1].text == ":") or (after[:1] in (["a."], ["p."]) and after[1:] == ["m."])


def _qualifier(doc: Doc, start: int, *ends: int) -> Qualifier:
    """Exact unless a hedge stands before the number or after it (or after its unit: "5 percent or so")."""
    words_before = [token.lower_ for token in doc[max(0, start - 3) : start]]
    for pattern, qualifier in sorted(_QUALIFIER_BEFORE, key=lambda item: -len(item[0])):
        if tuple(words_before[-len(pattern) :]) == pattern:
            return qualifier
    for end in ends:
        words_after = [token.lower_ for token in doc[end : end + 2]]
        for pattern, qualifier in _QUALIFIER_AFTER:
            if tuple(words_after[: len(pattern)]) == pattern:
                return qualifier
    return "exact"


def _run_head(doc: Doc, start: int, end: int) -> Token:
    """The token of a number run whose head lies outside the run: the one that attaches to the sentence. Of a
    number spaced apart ("1, 150 people") only its last piece counts, which the parser hangs on the noun; the
    first it reads as a number of its own."""
    inner = _inner_pieces(doc, start, end)
    for token in doc[start:end]:
        if token.i not in inner and (not start <= token.head.i < end or token.head.i == token.i):
            return token
    return doc[end - 1]


def _inner_pieces(doc: Doc, start: int, end: int) -> set[int]:
    """The token indices of a run's spaced-apart numbers but their last piece ("1" and "," of "1, 150")."""
    return {k for i, length in _pieces(doc, start, end) for k in range(i, i + length - 1)}


# ---- Extraction ---------------------------------------------------------------------------------------------


def extract_quantities(article: Article, doc: Doc, dates: Sequence[DateMention] | None = None) -> list[Quantity]:
    """Every quantity in ``article``, read from ``doc`` (its spaCy parse, tagger and parser enabled).

    ``dates``, the article's ``claims.when.extract_dates`` from the same parse when the caller has them, spare
    reading its dates twice (the costliest part): they serve when the article has a publication date, which
    they then resolve against whatever the anchor they were read with.
    """
    quantities: list[Quantity] = []
    runs = list(_number_runs(doc))
    text = doc.text  # read once: spaCy rebuilds the whole text from its tokens on every read
    used: set[int] = set()
    for position, (start, end) in enumerate(runs):
        if start in used or _in_fraction(doc, text, start, end):
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
    spans = _date_spans(article, doc, dates) if quantities else []
    ties = _person_ties(doc) if quantities else {}
    in_context = [_in_context(q, doc, spans, ties) for q in quantities]
    return _breakdowns(sorted(_named_by_age(in_context), key=lambda quantity: quantity.start))


def _in_fraction(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether the number ``doc[start:end]`` is a piece of a fraction, whose value it is not: either side of a
    slash between numbers ("3 / 4", "3/ 4") or the whole before a fraction ("6 1/2 feet", "1-1/2 years"), read in
    ``text``, the doc's text read once. Text extraction that loses a fraction's glyph writes "4½" as "41 / 2", so
    the pieces are no reliable figure."""
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    before, after = text[max(0, first - _FRACTION_REACH) : first], text[last : last + _FRACTION_REACH]
    return bool(_SLASH_BEFORE.search(before) or _SLASH_OR_FRACTION_AFTER.match(after))


def _breakdowns(quantities: list[Quantity]) -> list[Quantity]:
    """Sums a sentence gives several different ones of ("15% tariffs on $125 billion of goods, and 25% on a $250
    billion list") are the parts of a breakdown: none is the total another outlet's sum could contradict."""
    values: dict[tuple[int, str], set[float]] = defaultdict(set)
    for quantity in quantities:
        if quantity.kind == "money":
            values[(quantity.sentence_start, quantity.unit)].add(quantity.value)

    def in_breakdown(quantity: Quantity) -> bool:
        sums = values[(quantity.sentence_start, quantity.unit)]
        return quantity.kind == "money" and not quantity.caveat and len(sums) > 1

    return [replace(quantity, caveat="part") if in_breakdown(quantity) else quantity for quantity in quantities]


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
    if _change_from(doc, start):
        return None
    if link in _RANGE_LINKS or (link == "and" and opened_by_between):
        return next_start, next_end
    return None


def _change_from(doc: Doc, start: int) -> bool:
    """Whether a number opened by "from" is where a change started ("rose from 1,500 to 2,000", "cut the
    staff from 40 to 25"): a verb of change governs the "from". The two figures are then two levels, the one
    before and the one after, not a range of one ("deployed from 1,500 to 2,000 troops")."""
    if start == 0 or doc[start - 1].lower_ != "from":
        return False
    verb = next((token for token in doc[start - 1].ancestors if token.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in _CHANGE_VERBS


#: Verbs of an amount changing by itself ("rose from 20 to 25"): the values it goes through are levels.
AMOUNT_CHANGES = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "climb", "drop", "jump", "soar", "surge", "decline", "plunge",
    "slip", "swell", "shrink", "tumble", "dip",
})  # fmt: skip
# Verbs that tell a change of a level, also by someone ("the company cut jobs from 40 to 25").
_CHANGE_VERBS = AMOUNT_CHANGES | {
    "plummet", "sink", "double", "triple", "raise", "cut", "reduce", "lower", "boost", "lift", "expand", "slide",
    "edge", "balloon", "revise",
}  # fmt: skip


def _cardinal(article: Article, doc: Doc, start: int, end: int, upper_run: tuple[int, int] | None) -> Quantity | None:
    words = glued_words(doc, start, end)
    single_range = _DIGIT_RANGE.match(words[0]) if len(words) == 1 else None
    value = float(single_range.group(1)) if single_range else parse_number(words)
    if value is None:
        return None
    upper: float | None = float(single_range.group(2)) if single_range else None
    upper_words = single_range.group(2) if single_range else ""
    last = end
    if upper_run is not None:
        upper_words = "".join(glued_words(doc, *upper_run))
        upper = parse_number(glued_words(doc, *upper_run))
        last = upper_run[1]
        factor = _shared_scale(words, value, glued_words(doc, *upper_run), upper)
        value *= factor
    else:
        factor = 1.0
    if upper is not None and _year_span(doc[start], single_range.group(1) if single_range else words[0], upper_words):
        return None
    if upper is not None and _score(doc, start, last, value, upper):
        return None
    if _LEADING_ZERO.match(words[0]):
        return None  # "02-751-1500", "007": a telephone number or a code, whose zero no amount is written with
    reading = _read_unit(doc, start, last, _run_head(doc, start, end))
    if upper_run is not None and (reading is None or not reading.unit):
        # In "10 and 20 soldiers" the noun hangs on the first number; in "10 to 20 soldiers", on the second.
        reading = _read_unit(doc, start, last, _run_head(doc, *upper_run)) or reading
    hyphened = single_range is not None or (upper_run is not None and _glued_hyphen(doc, end))
    if reading is None or (hyphened and not reading.unit):
        # A hyphened pair that counts nothing is a record or a score ("At 4-7, the team"), not a range of a count.
        return None
    if reading.kind == "count" and upper is None and len(words) == 1 and _DOTTED_THOUSANDS.fullmatch(words[0]):
        if not _counts_a_plural(doc, end, reading):
            return None
        words = [words[0].replace(".", ",")]
        value = float(words[0].replace(",", ""))
    # A hedge stands before a sum's currency sign ("about $40 million").
    opening = start - 1 if start > 0 and doc[start - 1].lower_ in _CURRENCY_SYMBOLS else start
    qualifier: Qualifier = "range" if upper is not None else _qualifier(doc, opening, end, reading.end)
    if len(words) == 1 and words[0].lower() in _SCALES:
        # A scale word with no number before it ("a multi-million dollar suit", "million-dollar homes") is an
        # order of magnitude, as "millions" is.
        qualifier = "vague"
    step = _step(words, value / factor) * factor
    return _quantity(article, doc, start, max(last, reading.end), value, upper, reading, qualifier, step)


def _counts_a_plural(doc: Doc, end: int, reading: _Reading) -> bool:
    """Whether a count written with a point before three digits ("1.000 lamps") counts a plural noun other than a
    unit: then it is a whole number in thousands, as much of Europe writes it, since no fraction counts lamps. A
    measure so written ("2.500 km") is a decimal in English and thousands elsewhere, and is read as neither."""
    counted = next((token for token in doc[end : reading.end] if token.lemma_.lower() == reading.unit), None)
    return counted is not None and counted.tag_ in _PLURAL_NOUN_TAGS and not _unit_word(counted)


_LEADING_ZERO = re.compile(r"0\d")
# One to three digits, a point and three more: thousands in much of Europe, a decimal in English.
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


def _glued_hyphen(doc: Doc, at: int) -> bool:
    """Whether ``doc[at]`` is a hyphen glued to the numbers either side of it ("4-7")."""
    return doc[at].text in {"-", "–"} and not doc[at - 1].whitespace_ and not doc[at].whitespace_


def _score(doc: Doc, start: int, end: int, value: float, upper: float) -> bool:
    """Whether a pair of whole numbers joined by a hyphen is a score ("beat Lund 6-4, 7-6", "a 2-1 win", "level at
    1-1"), not a range: a range runs upwards, and a score stands before a noun of a result or in a list of scores."""
    if not _SCORE.fullmatch(doc[start:end].text.replace(" ", "")):
        return False
    after = doc[end] if end < len(doc) else None
    if upper <= value or (after is not None and after.lemma_.lower() in _RESULT_NOUNS):
        return True
    before_text, after_text = doc[max(start - _SCORE_REACH, 0) : start].text, doc[end : end + _SCORE_REACH].text
    return bool(_SCORE_BEFORE.search(before_text) or _SCORE_AFTER.match(after_text))


_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
_SCORE_ENDING = re.compile(r"\d{1,3}[-–]\d{1,3}$")
# Another score in a list beside one, with its tie-break's points ("6-4, 7-6 (5)"), within as many tokens.
_SCORE_BEFORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}(?:\s*\(\d{1,2}\))?\s*,$")
_SCORE_AFTER = re.compile(r"^(?:\(\d{1,2}\)\s*)?,\s*\d{1,3}\s?[-–]\s?\d{1,3}(?!\d)")
_SCORE_REACH = 6
# Nouns of a result that a score stands before ("a 2-1 win", "a 3-0 lead").
_RESULT_NOUNS = {
    "win", "victory", "defeat", "loss", "lead", "draw", "tie", "scoreline", "result", "triumph", "rout", "deficit",
}  # fmt: skip


def _shared_scale(words: Sequence[str], value: float, upper_words: Sequence[str], upper: float | None) -> float:
    """The scale a range writes once, after its top, that its bottom shares ("$40-50 billion", "5 to 10 million
    workers"): when the bottom has no scale of its own and is no more than the top's number before its scale
    ("between 500 and 1 million" goes from 500). 1 when there is none."""
    scales = [word.lower() for word in upper_words if word.lower() in _SCALES]
    if upper is None or not scales or any(word.lower() in _SCALES for word in words):
        return 1.0
    factor = math.prod(_SCALES[word] for word in scales)
    return factor if value <= upper / factor else 1.0


_YEAR = re.compile(r"1\d{3}|2\d{3}")


def _year_span(first: Token, lower: str, upper: str) -> bool:
    """Whether a range is a span of years ("the 1950-53 war", "the 2019-2020 season"), which ``claims.when``
    reads, rather than a range of a count: a year, then two digits that go on from it or a year that the
    parser reads as a date with it ("between 1500 and 2000 troops" is a count)."""
    if not _YEAR.fullmatch(lower):
        return False
    return len(upper) == 2 or (_YEAR.fullmatch(upper) is not None and first.ent_type_ == "DATE")


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
        measured=reading.measured,
    )


def _singular_durations(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "a week", "an hour": one of a time unit, when no rate ("twice a week") or date ("a week ago") is meant."""
    for token in doc:
        if token.lemma_.lower() not in TIME_UNITS or token.tag_ != "NN" or token.i == 0:
            continue
        article_word = doc[token.i - 1]
        if article_word.lower_ not in {"a", "an"}:
            continue
        before = doc[token.i - 2] if token.i >= 2 else None
        # "twice a week", "20 flights a month", "$5 a day": the unit of a rate, not a span of time.
        rate = before is not None and (
            before.lower_ in {"twice", "times", "once", "per"} or _DIGITS.match(before.lower_) or before.tag_ == "NNS"
        )
        if rate or _next_word(doc, token.i) == "ago":
            continue
        # "a year and a half": one and the fraction after it.
        fraction = [t.lower_ for t in doc[token.i + 1 : token.i + 3]] == _AND_A and _ends_in_fraction(
            doc, token.i + 3
        )
        value, end = (1.0 + _FRACTIONS[doc[token.i + 3].lower_], token.i + 4) if fraction else (1.0, token.i + 1)
        target = _attached_noun(token)
        reading = _Reading(token.lemma_.lower(), _phrase_or_empty(target, {token.i}), "duration", end)
        qualifier = _qualifier(doc, token.i - 1, end)
        step = value - 1.0 if fraction else 1.0
        yield _quantity(article, doc, token.i - 1, end, value, None, reading, qualifier, step)


def _vague_scales(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "dozens of protesters", "hundreds of police": an order of magnitude, kept as approximate."""
    for token in doc:
        scale = _VAGUE_SCALES.get(token.lower_)
        if scale is None or (token.i > 0 and _is_cardinal_word(doc[token.i - 1])):
            continue
        if token.lower_ in _NOUN_SCALES_PLURAL and _next_word(doc, token.i) != "of":
            continue  # "scores" of a test, not "scores of people"
        target = _of_object(token)
        reading = _Reading(
            target.lemma_.lower() if target is not None else "",
            _phrase_or_empty(target, {token.i}),
            "count",
            token.i + 1,
        )
        yield _quantity(article, doc, token.i, token.i + 1, scale, None, reading, "vague", scale)


def _ordinals(article: Article, doc: Doc) -> Iterator[Quantity]:
    """ "its fourth year", "the 3rd round": a position in a series, never a count of the noun."""
    for token in doc:
        lower = token.lower_
        digits = _ORDINAL_DIGITS.match(lower)
        rank = int(digits.group(1)) if digits else _ORDINALS.get(lower)
        if rank is None or token.pos_ not in {"ADJ", "NUM"} or _neighbours_month(doc, token.i):
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == _PER:
            continue  # "per second" is a unit of time
        target = token.head if token.head.pos_ in {"NOUN", "PROPN"} and token.head.i > token.i else None
        reading = _Reading(
            target.lemma_.lower() if target is not None else "",
            _phrase_or_empty(target, {token.i}),
            "ordinal",
            token.i + 1,
        )
        yield _quantity(article, doc, token.i, token.i + 1, float(rank), None, reading, "exact", 1.0)


_PER = "per"


def _neighbours_month(doc: Doc, index: int) -> bool:
    """ "October 16th", "the 3rd of May": an ordinal that is a day of the month."""
    words = [doc[i].lower_.rstrip(".") for i in (index - 1, index + 1, index + 2) if 0 <= i < len(doc)]
    return any(word in _MONTHS for word in words)


# ---- Reading what a figure is about: who, when, within which event -------------------------------------------

_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Words that single out one event among several ("its latest launch", "a single raid"), beside ordinals.
_SINGLE_EVENT = {"latest", "single", "lone", "last"}
_RATE_AFTER = {"per", "each", "every", "apiece", "annually", "daily", "weekly", "monthly", "yearly"}
_AVERAGE_WORDS = {"average", "averaged", "averaging", "median", "mean"}
_RANGE_OPENERS = {"between", "from"}
_YEAR_WORDS = re.compile(r"\b(1\d{3}|2\d{3})\b")
_MONTH_NUMBERS = {
    name: month
    for month, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _DateSpan:
    span: Span
    period: tuple[date, date] | None


def _in_context(
    quantity: Quantity, doc: Doc, dates: Sequence[_DateSpan], ties: Mapping[str, frozenset[str]]
) -> Quantity:
    span = doc.char_span(quantity.start, quantity.start + len(quantity.text), alignment_mode="expand")
    if span is None:
        return quantity
    root = span.root
    frame, period = _time_frame(root, span, dates)
    aged = _aged(root) if quantity.kind == "age" else None
    # An age told of a person by a common noun: what happened to that person ("a 45-year-old man was killed")
    # tells which. A name tells it already, whatever each outlet says the person did ("Lee, 32, fell" / "died").
    person = aged if aged is not None and aged.pos_ == "NOUN" else None
    predicate = _predicate(person, person.i + 1) if person is not None else _predicate(root, span.start)
    measured_sum = quantity.kind in {"money", "duration"} and not quantity.counted
    bare_count = quantity.kind == "count" and not quantity.unit
    level = _level_of(root, predicate, bare_count) if measured_sum or bare_count else None
    measure = level.subject if level is not None else None
    actor = _actor(root)
    if level is not None:
        # The figure is its subject's level ("the fine was $5,000", "the toll was put at 20"): it measures, or
        # counts, that noun, whose owner or the one who set it is its actor; the subject itself does nothing to
        # the figure. What an empty measure counts is its "of" noun ("the number of dead was 40"), whose owner
        # the "of" does not name.
        unit = level.counted.lemma_.lower() if bare_count else quantity.unit
        quantity = replace(quantity, counted=_noun_phrase(level.counted, set()), unit=unit)
        predicate = level.predicate
        actor = _measure_owner(level.subject) if level.counted is level.subject else _actor(level.subject)
    return replace(
        quantity,
        actor=_tied(actor, ties, root.sent),
        place=_place(root, span),
        frame=frame,
        period=period,
        scope=_scope(root, span),
        predicate=predicate,
        caveat=_caveat(doc, span, quantity.kind),
        participants=_participants(root) if quantity.kind == "count" else frozenset(),
        holder=_tied(_holder(root, measure), ties, root.sent),
        aged=_person_aged(aged) if aged is not None else "",
    )


def _person_aged(person: Token) -> str:
    """Whom an age is told of, as ``_name`` writes them, a common noun as itself: a place, a firm or a person
    before it is not the one of that age ("a 17-year-old Dunmore girl" is "the girl", "Lee's 9-year-old son" "the
    son")."""
    return f"the {person.lemma_.lower()}" if person.pos_ == "NOUN" and not person.ent_type_ else _name(person)


def _aged(root: Token) -> Token | None:
    """The noun an age modifies ("a 45-year-old man"), if the age is one of its modifiers."""
    for token in [root, *root.ancestors]:
        # An age told by the noun "age" ("people age 12", "a coma at the age of 9") modifies no one: the nouns
        # above it are not whose it is.
        if token.pos_ in {"VERB", "AUX"} or token.lemma_.lower() in _AGE_NOUNS:
            return None
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() not in TIME_UNITS:
            return token
    return None


def _measure_owner(measure: Token) -> str:
    """Whose level a figure is: its measure noun's "of" ("the bail of Ann Lee was set at $5,000", "the salary of
    the mayor is $90,000"), else as ``_actor`` finds for that noun ("Lee's bail")."""
    owner = next((child for child in _of_objects(measure) if child.pos_ in {"NOUN", "PROPN"}), None)
    return _name(owner) if owner is not None else _actor(measure)


def _of_objects(noun: Token) -> Iterator[Token]:
    for preposition in noun.rights:
        if preposition.dep_ == "prep" and preposition.lower_ == "of":
            yield from (child for child in preposition.children if child.dep_ == "pobj")


def _caveat(doc: Doc, span: Span, kind: QuantityKind) -> str:
    """Why a figure is not a total that another outlet's figure could contradict, or "" when it is one.

    A rate ("20 flights a year", "$5 per share", "1 in 500 users") counts per something; a part ("two of the
    suspects", "one of 16 flights") counts a subset; an average ("an average of 20") stands for no single count;
    a figure in brackets right after another ("1 million euros ($1.1 million)") restates that one in another
    currency or unit; a supposed one ("could have killed 100") tells what did not happen; a ratio ("three times
    more chips") multiplies a figure unsaid.
    """
    restated = doc[max(0, span.start - 3) : span.start - 1]  # the figure (and its unit) before the bracket
    if span.start and doc[span.start - 1].text == "(" and any(_is_cardinal_word(token) for token in restated):
        return "conversion"
    after = [token.lower_ for token in doc[span.end : span.end + 2]]
    if after[:1] and after[0] in _RATE_AFTER:
        return "rate"
    # "1 in 500 users", "one in five voters": the whole a share is told of, not a count of them ("30 in 12 days"
    # is a count over a span).
    if span.start >= 2 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in {"1", "one"}:
        return "rate"
    if after[:1] in (["a"], ["an"]) and span.end + 1 < len(doc) and doc[span.end + 1].lemma_.lower() in TIME_UNITS:
        return "rate"
    if any(token.lower_ in _AVERAGE_WORDS for token in doc[max(0, span.start - 3) : span.start]):
        return "average"
    if _multiplies(span):
        return "ratio"
    if _added(span):
        return "part"
    if _supposed(span.root):
        return "supposed"
    # "two of the suspects", and "178 of 369 punches" or "28 of his 68 punches", whose part runs on to the whole.
    numbers = [token for token in span if _is_cardinal_word(token)] or [span[-1]]
    if kind == "count" and any(number.i + 1 < len(doc) and doc[number.i + 1].lower_ == "of" for number in numbers):
        return "part"
    return ""


def _multiplies(span: Span) -> bool:
    """Whether a number is a multiple of another figure ("10 times as many cases", "three times more chips"): a
    ratio to a figure unsaid, no count of the noun after it. "Stabbed 10 times" counts times."""
    doc = span.doc
    for token in span:
        if not _is_cardinal_word(token) or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != _TIMES:
            continue
        after = doc[token.i + 2]
        if after.lower_ == _AS or after.tag_ in _COMPARATIVE_TAGS:
            return True
    return False


_TIMES = "times"
_AS = "as"


def _supposed(root: Token) -> bool:
    """Whether a figure is told of what would have been or under a condition, not of what was: its clause has a
    modal with "have" ("could have killed 100 people") or is a condition ("if he had scored 20 points")."""
    verb = next((token for token in [root, *root.ancestors] if token.pos_ in {"VERB", "AUX"}), None)
    if verb is None:  # the figure's own clause only: "the storm, which killed 20, could have been worse"
        return False
    auxiliaries = {child.lemma_.lower() for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    conditional = any(child.dep_ == "mark" and child.lower_ in CONDITIONS for child in verb.children)
    return conditional or bool(auxiliaries & UNREAL_MODALS and auxiliaries & PERFECT_AUXILIARIES)


#: Modal verbs (as lemmas: "'d" is "would") that, with "have" ("could have killed"), tell what did not happen, and
#: "have" as the lemmatiser leaves it.
UNREAL_MODALS = frozenset({"would", "could", "might", "should", "may", "must"})
PERFECT_AUXILIARIES = frozenset({"have", "'ve"})
#: Conjunctions that open a clause asserting nothing: a condition ("if he had scored", "unless X pays") or an open
#: question ("asked whether 20 people died").
CONDITIONS = frozenset({"if", "whether", "unless"})


def _added(span: Span) -> bool:
    """Whether a figure is told as an addition or one part of a series: an increment word just before it
    ("another 20", "an additional $5 billion"), on a noun of the phrase that holds it or on its clause's subject
    ("the additional tariffs cover $5 billion") or told of one of several ("one victim was 17"), or a noun of a part
    of a series holding it ("a tranche of duties on $5 billion of goods")."""
    doc = span.doc
    if any(token.lower_ in _INCREMENT_WORDS for token in doc[max(0, span.start - 2) : span.start]):
        return True
    holders = []
    for token in [span.root, *span.root.ancestors]:
        holders.append(token)
        if token.pos_ in {"VERB", "AUX"}:
            holders += [child for child in token.children if child.dep_ in SUBJECT_DEPS]
            break
    nouns = [holder for holder in holders if holder.pos_ in {"NOUN", "PROPN"}]
    return any(noun.lemma_.lower() in _PART_NOUNS for noun in nouns) or any(
        (child.lower_ in _INCREMENT_WORDS and child.dep_ in {"amod", "det"})
        or (child.lower_ == _ONE_OF_SEVERAL and child.dep_ == "nummod" and not span.start <= child.i < span.end)
        for noun in nouns
        for child in noun.children
    )


# "One victim was 17": a figure told of one of several, which another outlet's figure may be of another.
_ONE_OF_SEVERAL = "one"


def _actor(root: Token) -> str:
    """The named doer or owner of what a figure counts: the possessor ("Peru's 20 flights"), a person the counted
    noun comes from ("20 points from Ana Silva"), the agent ("flights run by Peru"), the subject of the nearest
    clause that has one ("Peru ran 20 flights"), the noun a relative clause describes ("Silva, who ran 20
    flights") or the noun a present participle describes ("with Silva running 20 flights")."""
    owner = next((child for child in root.children if child.dep_ == "poss"), None)
    if owner is not None:
        return _name(owner)
    source = _person_of(root)
    if source is not None:
        return _name(source)
    for token in [root, *root.ancestors]:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        agent = next((child for child in token.children if child.dep_ == "agent"), None)
        doers = [child for child in agent.children if child.dep_ == "pobj"] if agent is not None else []
        doers += [child for child in token.children if child.dep_ == "nsubj"]
        if doers and doers[0].tag_ in _RELATIVE_TAGS and token.dep_ == "relcl":
            return _name(token.head)
        if doers:
            # The figure's own noun, or the thing it measures ("a 6.1-magnitude quake struck"), does nothing to it.
            itself = {root.i} | {measured.i for measured in [_measured(root)] if measured is not None}
            return "" if doers[0].i in itself else _name(doers[0])
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
            return _name(token.head)
        if token.dep_ not in {"conj", "xcomp", "advcl", "acl", "relcl", "pcomp"}:
            return ""
    return ""


def _holder(root: Token, measure: Token | None) -> str:
    """Whom or what the figure's verb does it to, named as ``_actor`` names: the subject of a passive ("Lee was
    sentenced to 7 years"), the noun a relative clause of that passive describes ("Lee, who was sentenced to 7
    years") or, for a figure told through a preposition, the verb's object ("sentenced Lee to 7 years", "fined
    the firm $500" as the object's dative). Not the figure's own noun ("20 people were killed") nor the noun it
    is the level of ("bail was set at $5,000"), which are what it counts or measures."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    through_preposition = root.dep_ == "pobj" and root.head.dep_ == "prep"
    verb = root.head.head if through_preposition else root.head
    # A figure that is a subject itself ("nine rifles and a radio were seized") is what is done to.
    if verb.pos_ not in {"VERB", "AUX"} or not (through_preposition or root.dep_ in _OBJECTS):
        return ""
    itself = {root.i, *(conjunct.i for conjunct in root.conjuncts)} | ({measure.i} if measure is not None else set())
    wanted = {"nsubjpass"} | ({"dobj", "dative"} if through_preposition else {"dative"})
    held = next((child for child in verb.children if child.dep_ in wanted and child.i not in itself), None)
    if held is None:
        return ""
    if held.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        held = verb.head
    return _proper_name(held) if held.pos_ == "PROPN" and not held.ent_type_ else _name(held)


def _proper_name(token: Token) -> str:
    """A name the recogniser missed ("Okoro, 41, was sentenced"), with its compounds, as ``_name`` writes one."""
    return " ".join([*(t.lower_ for t in token.lefts if t.dep_ == "compound"), token.lower_])


def _person_ties(doc: Doc) -> dict[str, frozenset[str]]:
    """The names an article itself gives the common nouns it calls one person by, both as ``_name`` writes them
    ("the accountant" -> {"daniel okoro"}): a noun in apposition to a name ("Okoro, the accountant who ran it",
    "the accountant, Daniel Okoro,"), a title before the name ("accountant Daniel Okoro") or a noun the name is
    given to by a verb of naming ("the man, identified as Okoro", "police named the man as Okoro"). A common
    noun in apposition or named is one for that person, in or out of ``_PERSON_NOUNS``: the article says it is;
    a word before a name is a title only from that list ("1 jar Acme Honey" is a product the recogniser took
    for a person). A noun set beside several names ("the duo, Ann Lee and Bo Park") is none of them."""
    ties: dict[str, set[str]] = defaultdict(set)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(child.dep_ == "conj" for child in ent.root.children):
            continue
        for noun in _nouns_for(ent.root):
            listed = noun.lemma_.lower() in _PERSON_NOUNS
            title = noun.dep_ == "compound" and noun.head.i == ent.root.i
            common = listed or (noun.pos_ == "NOUN" and not title)
            if noun.tag_ in _SINGULAR_NOUN_TAGS and common and not noun.ent_type_:
                ties[f"the {noun.lemma_.lower()}"].add(_name(ent.root))
    return {noun: frozenset(names) for noun, names in ties.items()}


def _nouns_for(name: Token) -> Iterator[Token]:
    """The nouns the parse sets beside a name as the same person: its apposition either way, its title, and the
    noun a verb of naming gives it to."""
    yield from (child for child in name.children if child.dep_ in {"appos", "compound"})
    if name.dep_ == "appos":
        yield name.head
    naming = name.head.head if name.dep_ == "pobj" and name.head.lower_ == _AS else None
    if naming is None or naming.lemma_.lower() not in _NAMING_VERBS:
        return
    if naming.dep_ == "acl":
        yield naming.head
    yield from (child for child in naming.children if child.dep_ in {"nsubjpass", "dobj"})


# Verbs that give a person's name to whom a story called by a common noun ("the man, identified as Okoro").
_NAMING_VERBS = {"identify", "name"}


def _tied(who: str, ties: Mapping[str, frozenset[str]], sentence: Span) -> str:
    """A common noun for one person as the name its article ties it to (``_person_ties``), when it ties it to one
    person only, however often named ("Daniel Okoro", "Okoro"), and the figure's sentence says it as one already
    known ("the man"); else as it was. "His doctor" or "a doctor" may be another than the one named."""
    names = ties.get(who, frozenset())
    if not names or any(actors_differ(first, second) for first, second in combinations(names, 2)):
        return who
    lemma = who.removeprefix("the ")
    mentions = [token for token in sentence if token.pos_ == "NOUN" and token.lemma_.lower() == lemma]
    # "The chairmen" are several, of whom the one named may be one.
    if not all(_definite(mention) and mention.tag_ in _SINGULAR_NOUN_TAGS for mention in mentions):
        return who
    return max(names, key=len)


def _definite(noun: Token) -> bool:
    """Whether a noun is said with "the" and no owner: one the reader already knows ("the man", not "his man")."""
    determiners = {child.lower_ for child in noun.children if child.dep_ in {"det", "poss"}}
    return determiners == {_DEFINITE}


_DEFINITE = "the"


def _named_and_unnamed_person(first: str, second: str) -> bool:
    """Whether one figure is told of a name and the other of a common noun for one person that its article ties
    to no name (``_person_ties``): "Okoro was sentenced to 7 years" and "the man was sentenced to 12 years" may
    be of two people, and nothing the second article says makes its man Okoro."""
    for named, common in ((first, second), (second, first)):
        name = bool(named) and not named.startswith("the ") and named not in _PERSONAL_PRONOUNS
        if name and common.startswith("the ") and common.removeprefix("the ") in _PERSON_NOUNS:
            return True
    return False


# Where a figure stands as the object of its verb, beside the one the verb does it to ("fined the firm $500").
_OBJECTS = {"dobj", "attr", "oprd"}


def _person_of(noun: Token) -> Token | None:
    """The person a counted noun, or a list it is in, comes from or is credited to ("20 points from Ana Silva",
    "20 votes by Silva", "20 points and 11 rebounds from Silva"): a tally of one person is not another's, though
    the clause's subject is a team or a party."""
    for preposition in (child for listed in [noun, *noun.conjuncts] for child in listed.children):
        if preposition.dep_ == "prep" and preposition.lower_ in _SOURCE_PREPOSITIONS:
            for person in preposition.children:
                if person.dep_ == "pobj" and person.ent_type_ == "PERSON":
                    return person
    return None


def _participants(root: Token) -> frozenset[str]:
    """The words of the names of the people the figure's sentence names or refers to by "he" or "she", but for
    those who only tell it ("Silva said", "according to Silva"): a player's tally is told with that player. Every
    word of a name is kept, since one outlet names in full whom another names by surname. "He" counts only here,
    as whom it stands for (``entities.person_referred``): as the actor it stays a pronoun, which "they" or "it"
    is not."""
    own_verb = _clause_verbs(root)[0]
    mentions = [(ent.root, ent) for ent in root.sent.ents if ent.label_ == "PERSON"]
    mentions += [
        (token, person) for token in root.sent if token.lower_ in PERSON_PRONOUNS
        for person in [_person_meant(token)] if person is not None
    ]
    return frozenset(
        word.lower_ for mention, person in mentions if not _tells(mention, own_verb) for word in person if word.is_alpha
    )


def _person_meant(pronoun: Token) -> Span | None:
    """The person "he" or "she" stands for (``entities.person_referred``), looked for in the sentence before its
    own only when its own names no one it could stand for: a subject before it that is a name or a singular noun
    but no person entity ("Okafor said he ...", "The player said his ...", a name the tagger missed) is the
    nearer antecedent, whom a person named sentences back would wrongly replace."""
    lookback = 0 if _nearer_subject(pronoun) else _PRONOUN_LOOKBACK_SENTENCES
    return person_referred(pronoun, lookback=lookback)


def _nearer_subject(pronoun: Token) -> bool:
    return any(
        token.dep_ in SUBJECT_DEPS and token.tag_ in _SINGULAR_NOUN_TAGS
        for token in pronoun.sent[: pronoun.i - pronoun.sent.start]
    )


# How many sentences back "he" of a count is looked for: one. On the dev briefs and the extraction benchmark's
# stories, each sentence further back added more wrong people than right ones (a pronoun two or three sentences
# on is more often a person the parse did not name).
_PRONOUN_LOOKBACK_SENTENCES = 1
# A subject that may be one person: a singular common noun or a name ("the player", "Okafor"), not "players".
_SINGULAR_NOUN_TAGS = {"NN", "NNP"}


def _tells(person: Token, own_verb: int) -> bool:
    """Whether a person only tells what the sentence says: the subject of a verb of speech other than the figure's
    own, or the one it is according to."""
    verb = person.head
    if person.dep_ == "nsubj" and verb.lemma_.lower() in SPEECH_VERBS and verb.i != own_verb:
        return True
    return person.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lower_ == "according"


# Relative pronouns ("who", "which", "that"): the subject they stand for is the noun their clause describes.
_RELATIVE_TAGS = {"WP", "WDT"}
# Prepositions that credit a counted noun to a person ("20 points from Silva", "a goal by Silva").
_SOURCE_PREPOSITIONS = {"from", "by"}
_ARGUMENTS = {*SUBJECT_DEPS, "dobj", "attr", "oprd", "dative"}
_PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}
_PLACES = {"GPE", "LOC", "FAC"}


def _predicate(root: Token, start: int) -> str:
    """The verb the counted noun is an argument of, with its particle or preposition ("carry out", "vote
    for"); a copula stands for its complement ("were missing" -> "missing"). Empty when the noun sits in a
    noun phrase ("part of a wave of 20 raids"), where no verb says what happened to it. A preposition just
    before the figure hedges or frames it ("ran over 20 flights", "between 10 and 12 flights", "worked for 15
    years") and is not the verb's, but for one that tells a level from a change ("rose to 5%" / "rose by
    5%"). A figure told as the level its subject is at ("the rate was 6%", "reached 6%", "stood at 6%") has
    the one predicate ``LEVEL``, whatever verb tells it."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    verb, preposition = root.head, ""
    if root.dep_ == "pobj" and root.head.dep_ in {"prep", "agent"}:
        hedge = root.head.i == start - 1 and (
            root.head.lower_ not in _LEVEL_PREPOSITIONS or _qualifier(root.doc, start) != "exact"
        )
        verb, preposition = root.head.head, "" if hedge else root.head.lower_
        if verb.lower_ == "from" and verb.dep_ == "prep":
            # "rose from 20 to 25": the level reached hangs on the "from" of the level left ...
            verb = verb.head
        elif preposition == "from" and start > 0 and root.doc[start - 1].lower_ == "to":
            # ... or, the two read as one phrase, is the "from"'s object with the level left its modifier.
            preposition = "to"
    elif root.dep_ not in _ARGUMENTS:
        return ""
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == root.i:
        return ""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if verb.lemma_.lower() == "be":
        complement = next((c for c in verb.children if c.dep_ in {"acomp", "attr"} and c.i != root.i), None)
        if complement is not None:
            return complement.lemma_.lower()
        return LEVEL if root.dep_ == "attr" and subjects else ""
    particle = " ".join(child.lower_ for child in verb.children if child.dep_ == "prt")
    predicate = " ".join(word for word in (verb.lemma_.lower(), particle, preposition) if word)
    return LEVEL if predicate in _LEVEL_VERBS and subjects else predicate


@dataclass(frozen=True, slots=True)
class _Level:
    """A figure told as the level of its clause's subject: the subject ("toll", "number"), what the figure
    counts or measures (the subject, or the noun of an empty measure's "of") and what is told of that."""

    subject: Token
    counted: Token
    predicate: str


def _level_of(root: Token, predicate: str, bare_count: bool) -> _Level | None:
    """The common noun whose level a figure tells, told by a copula or a verb of level ("the fine was $5,000",
    "the sentence totalled 10 years"), by a passive verb's "at" ("the bail was set at $1 million") or, for a bare
    count, by a verb of the amount changing ("the death toll rose to 40"), whose verb then stays the predicate: the
    figure measures what that subject names. A noun that names no measure ("the total", "the number") counts the
    noun of its "of" ("the number of dead was 40"), and what that noun's participle tells of it is the
    predicate ("the number of people killed stands at 12": 12 people killed). None for a pronoun ("it was
    $5,000") or an empty measure of nothing named ("the total was $5,000")."""
    passive_at = root.dep_ == "pobj" and root.head.lower_ == "at" and root.head.dep_ == "prep"
    verb = root.head.head if root.dep_ == "pobj" else root.head
    # "updated at 4", "arrested at 20": an "at" of a time or a place, not of a level.
    passive_at = passive_at and verb.lemma_.lower() in _LEVEL_PASSIVES
    changed = bare_count and predicate != LEVEL and verb.lemma_.lower() in AMOUNT_CHANGES
    told = predicate if changed else LEVEL
    if predicate != LEVEL and not changed and not (
        passive_at and any(child.dep_ == "nsubjpass" for child in verb.children)
    ):
        return None
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() not in _EMPTY_MEASURES:
        return _Level(subject, subject, told)
    counted = next((noun for noun in _of_objects(subject) if noun.pos_ == "NOUN"), None) if bare_count else None
    if counted is None:
        return None
    participle = next((c for c in counted.children if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}), None)
    return _Level(subject, counted, participle.lemma_.lower() if participle is not None else told)


# Verbs whose passive with "at" tells the level of their subject ("bail was set at $5,000", "the toll was put at
# 20", "the damage was estimated at $2 million").
_LEVEL_PASSIVES = {"set", "put", "place", "estimate", "value", "peg", "fix", "cap", "assess", "price", "count"}
# Prepositions just before a figure that tell a level reached or held ("rose to", "stood at") from a change
# ("rose by"): the same verb with either says a different thing.
_LEVEL_PREPOSITIONS = {"to", "at", "by"}
#: The predicate of a figure told as the level its subject stands at, by a copula or a verb of level.
LEVEL = "be"
# Verbs (with their preposition) that tell the level their subject is at, as a copula does.
_LEVEL_VERBS = {"reach", "stand at", "total", "amount to", "come to"}


def _name(token: Token) -> str:
    """The named entity a token is or belongs to ("norway"), "the" and the lemma of a common noun ("the
    company"), or "" for a pronoun or an empty measure ("the number")."""
    for candidate in [token, *(child for child in token.children if child.dep_ in {"poss", "compound"})]:
        if candidate.ent_type_ in _NAMED:
            entity = next(ent for ent in candidate.doc.ents if ent.start <= candidate.i < ent.end)
            return re.sub(r"^the |'s$|’s$", "", entity.text.lower()).strip()
    if token.pos_ == "NOUN":
        # "the number", "the total": a noun that names no measure names no one whose figure it is either.
        return "" if token.lemma_.lower() in _EMPTY_MEASURES else f"the {token.lemma_.lower()}"
    return token.lower_ if token.lower_ in _PERSONAL_PRONOUNS else ""


def actors_differ(first: str, second: str) -> bool:
    """Whether two actors are different doers: two names neither of which is part of the other ("silva" / "ana
    silva" are one doer; "peru" / "chile" two), or two different common nouns ("the company" / "the
    state"). A name and a common noun may be one doer ("Chile" / "the country"), and an unknown actor
    differs from none. Two different personal pronouns are two doers ("he" / "she")."""
    if not first or not second or first.startswith("the ") != second.startswith("the "):
        return False
    if first in _PERSONAL_PRONOUNS or second in _PERSONAL_PRONOUNS:
        # "he" / "she" are two doers; "it" may stand for any name, and the same pronoun for either of two.
        return first != second and first in _PERSONAL_PRONOUNS and second in _PERSONAL_PRONOUNS
    a, b = set(first.split()), set(second.split())
    return not (a <= b or b <= a)


def _scope(root: Token, span: Span) -> str:
    """The single-event markers of the figure's sentence ("third raid", "latest launch"): a figure told of one
    event in a series is compared only with figures told of the same event; and the word that makes it a margin
    ("5 points ahead", "3% lower"): a difference between two levels is compared only with differences."""
    markers = set()
    for token in root.sent:
        digits = _ORDINAL_DIGITS.match(token.lower_)
        is_ordinal = bool(digits) or token.lower_ in _ORDINALS
        if not (is_ordinal or token.lower_ in _SINGLE_EVENT) or _neighbours_month(token.doc, token.i):
            continue
        head = token.head
        if head.pos_ == "NOUN" and head.i > token.i and head.lemma_.lower() not in TIME_UNITS:
            markers.add(f"{token.lower_} {head.lemma_.lower()}")
    anchor = _anchor(root)
    margin = _margin(span)
    return ", ".join(sorted(markers | _counted_spans(root) | {word for word in (anchor, margin) if word}))


def _margin(span: Span) -> str:
    """The word right after a figure that makes it the gap between two levels: a comparative ("3% lower", "two
    years older", "20 more than") or a word of a lead ("5 points ahead", "a second behind")."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or not (after.tag_ in _COMPARATIVE_TAGS or after.lower_ in _LEAD_WORDS):
        return ""
    # The comparative governs the figure, or qualifies it or its verb: not a modifier of the figure's noun ("a
    # 60-year-old younger brother") nor a time word of the clause ("13 markets earlier this year").
    governs = root.head.i == after.i or (after.head.i in {root.i, root.head.i} and after.dep_ in _MARGIN_DEPS)
    # "more than three weeks" hedges the figure after it.
    hedges = _next_word(doc, after.i) == "than" and after.i + 2 < len(doc) and _is_cardinal_word(doc[after.i + 2])
    return after.lower_ if governs and not hedges else ""


def _anchor(root: Token) -> str:
    """The event a span of time is counted from ("the four months since the vote" -> "since vote", "two weeks
    after the storm hit" -> "after hit", "a year later" -> "later"): a span from one event is not a span from
    another, nor a duration of its own ("spent two months in hospital")."""
    if root.lemma_.lower() not in TIME_UNITS:
        return ""
    following = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if root.dep_ == "npadvmod" and root.head.lower_ in _ANCHOR_WORDS:
        word = root.head
    elif following is not None and following.lower_ in _ANCHOR_WORDS:
        word = following
    else:
        return ""
    if word.dep_ == "mark":
        return f"{word.lower_} {word.head.lemma_.lower()}"
    event = next((child for child in word.children if child.dep_ in {"pobj", "pcomp"}), None)
    return f"{word.lower_} {event.lemma_.lower()}" if event is not None else word.lower_


_COMPARATIVE_TAGS = {"JJR", "RBR"}
_MARGIN_DEPS = {"advmod", "acomp", "oprd", "npadvmod"}
# Words after a figure that tell a lead or a shortfall, no comparative in form ("5 points clear", "2m short").
_LEAD_WORDS = {"ahead", "behind", "clear", "adrift", "short", "apart"}
# Words that count a span of time from an event ("the two months since the vote", "a year later").
_ANCHOR_WORDS = {"after", "before", "since", "later", "earlier"}
# Prepositions that bound a tally by a span: "43 RBIs in 54 games", "300 yards over three games".
_SPAN_PREPOSITIONS = {"in", "over", "during", "across", "within", "through"}


def _counted_spans(root: Token) -> set[str]:
    """The spans a figure is tallied over when they are counted ("43 RBIs in 54 games" -> "in game"): the
    preposition and noun of a counted object hanging on the figure's noun or a noun it is listed with ("13
    homers and 43 RBIs in 54 games"), a participle of them ("punches thrown in 12 rounds") or its clause's
    verbs. A tally over 54 games is not one over a season or a career."""
    nouns = [root, *root.conjuncts]
    holders = [*nouns, *(child for noun in nouns for child in noun.children if child.dep_ == "acl")]
    holders += [root.doc[i] for i in _clause_verbs(root)]
    spans = set()
    for holder in holders:
        for preposition in holder.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in _SPAN_PREPOSITIONS:
                continue
            for noun in preposition.children:
                counted = any(child.dep_ == "nummod" for child in noun.children)
                if noun.dep_ == "pobj" and noun.i != root.i and counted:
                    spans.add(f"{preposition.lower_} {noun.lemma_.lower()}")
    return spans


def _date_spans(article: Article, doc: Doc, dates: Sequence[DateMention] | None = None) -> list[_DateSpan]:
    """The article's date phrases with the days each covers when it resolves against the publication date;
    "since 2009" runs to the publication date, and "between January and November 2020" gives January the
    year of November. ``dates``: as ``extract_quantities`` takes them."""
    # claims.when reads this module's number words, so it is imported here rather than at the top.
    from corroborate.claims.when import extract_dates, publication_date

    published = publication_date(article)
    if dates is None or published is None:  # without its own date, an article's dates resolve against no anchor
        dates = extract_dates(article, doc, None)
    periods = {mention.start: mention.period for mention in dates}
    spans = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or _bare_number(ent) or _ages_of_people(ent):
            continue
        period = periods.get(ent.start_char)
        if period is not None and _opened_by(ent, {"since"}):
            period = (period[0], published) if published is not None and published >= period[0] else None
        spans.append(_DateSpan(ent, period))
    for position in range(len(spans) - 1):
        opening, closing = spans[position], spans[position + 1]
        if _opened_by(opening.span, _RANGE_OPENERS) and closing.span.start - opening.span.end <= 1:
            spans[position] = _DateSpan(opening.span, _range_start(opening, closing))
    return spans


def _bare_number(ent: Span) -> bool:
    """Whether a date entity is a whole number but no year ("Jones, 41, was jailed"): the recogniser reads an age
    as a date, which scopes no figure of its sentence to a time. An age after a preposition is a time of life ("at
    16, he left home")."""
    number = ent[0]
    return len(ent) == 1 and number.text.isdigit() and not _YEAR.fullmatch(number.text) and number.dep_ != "pobj"


def _ages_of_people(ent: Span) -> bool:
    """Whether a date entity is an age that says whom a figure counts or is told of ("9,000 residents age 18 and
    over", "children under age 5", "a 47-year-old woman was charged"), which the recogniser reads as a date: no
    time. An age after "at" is a time of life ("at age 16, he left home")."""
    return any(token.lower_ in _AGE_WORDS for token in ent) and not _opened_by(ent, {"at"})


def _opened_by(span: Span, words: set[str]) -> bool:
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return span[0].lower_ in words or before in words


def _range_start(opening: _DateSpan, closing: _DateSpan) -> tuple[date, date] | None:
    """The period of a range's first date: a month written without a year takes the year of the range's end."""
    if _YEAR_WORDS.search(opening.span.text) or closing.period is None:
        return opening.period
    words = [token.lower_.rstrip(".") for token in opening.span]
    month = next((_MONTH_NUMBERS[word] for word in words if word in _MONTH_NUMBERS), None)
    if month is None:
        return opening.period
    end = closing.period[1]
    start = date(end.year if month <= end.month else end.year - 1, month, 1)
    return start, end


def _place(root: Token, span: Span) -> str:
    """The places a figure's clause sets it in ("killed 16 people in Texas" -> "in texas"): a tally for one
    place is not one for another, nor one for places unsaid."""
    verbs = _clause_verbs(root)
    places = [
        ent
        for ent in root.sent.ents
        if ent.label_ in _PLACES
        and ent.root.dep_ == "pobj"
        and not (ent.start < span.end and span.start < ent.end)
        and _clause_verbs(ent.root)[0] in verbs
        and not _described(ent, root)
    ]
    return " + ".join(f"{ent.root.head.lower_} {ent.text.lower()}" for ent in places)


def _described(place: Span, root: Token) -> bool:
    """Whether a figure is in an aside that describes the place ("near the island, home to 9,000 people", "the
    town, a port of 9,000 people"): what it counts is in that place, not what the clause says happened there. The
    parse hangs such an aside on the place or, as often, on the verb; either way it opens right after the place's
    comma."""
    ancestors = list(root.ancestors)
    opens_after_comma = place.end + 1 < len(place.doc) and place.doc[place.end].text == ","
    return place.root in ancestors or (opens_after_comma and any(a.i == place.end + 1 for a in ancestors))


def _clause_verbs(token: Token) -> list[int]:
    """The verbs a token's clause hangs from, nearest first (or the sentence's root when it has none)."""
    verbs = [t.i for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}]
    return verbs or [token.sent.root.i]


def _time_frame(root: Token, span: Span, dates: Sequence[_DateSpan]) -> tuple[str, tuple[date, date] | None]:
    """The date words scoping a figure (those attached to its clause or a clause above it) and the days they
    cover together, or None when one of them does not resolve."""
    verbs = _clause_verbs(root)
    own = [
        d
        for d in dates
        if d.span.sent == root.sent
        and not (d.span.start < span.end and span.start < d.span.end)
        and _clause_verbs(d.span.root)[0] in verbs
    ]
    spans = _span_frames(root)
    if not own and not spans:
        return "", None
    frame = " + ".join(dict.fromkeys([*(_frame_words(d.span) for d in own), *spans]))
    periods = [d.period for d in own]
    if spans or any(period is None for period in periods):
        return frame, None
    return frame, (min(p[0] for p in periods if p), max(p[1] for p in periods if p))


def _span_frames(root: Token) -> list[str]:
    """The spans of a career, a season or a contest that scope the tallies of a sentence, no date words or not
    ("40 touchdowns in his career", "this season, he has 12", "had 12 points in the win" -> "career", "this
    season", "game"): a career's tally is not a season's, nor a game's. A span is one the sentence tells of (a
    preposition's object or a time adverb, "this season"), not one it is about ("the campaign said") nor a
    record ("a career-high 31 points", which is one game's)."""
    frames = set()
    for token in root.sent:
        lemma = token.lemma_.lower()
        if token.i == root.i or lemma not in _SPAN_NOUNS | _CONTEST_NOUNS:
            continue
        deictic = [child.lower_ for child in token.children if child.dep_ == "det" and child.lower_ in _DEICTIC]
        adverb = token.dep_ == "npadvmod" and token.head.pos_ in {"VERB", "AUX"}
        if token.dep_ != "pobj" and not adverb and not deictic:
            continue
        frames.add("game" if lemma in _CONTEST_NOUNS else " ".join([*deictic, lemma]))
    return sorted(frames)


# Spans of a career or of a part of it, which a tally may be told over ("in his career", "this season").
_SPAN_NOUNS = {"career", "season", "campaign", "tenure", "term", "stint", "reign", "presidency", "lifetime"}
# One contest, which a tally may be told of ("in the game", "in Sunday's win"): all one span.
_CONTEST_NOUNS = {"game", "match", "win", "victory", "loss", "defeat"}
# Words that pick one span of several ("this season" is not "last season").
_DEICTIC = {"this", "last", "next", "that"}


def _frame_words(span: Span) -> str:
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    words = span.text.lower()
    return f"{before} {words}" if before in {"since", "until", "before", "after"} else words


# ---- Contradictions ---------------------------------------------------------------------------------------


def number_contradictions(quantities: Sequence[Quantity], settings: Settings = DEFAULT_SETTINGS) -> list[Contradiction]:
    """Figures outlets give for the same counted thing in the same statement that cannot both hold.

    Each figure is an interval of the values it allows (``Quantity.bounds``): "16" is 16 give or take its
    written precision, "over 20" anything above 20, "about 20" and "nearly 20" a margin around or under 20.
    Quantities are grouped when they share kind and unit, count the same thing (``same_counted``), have no two
    different named actors or holders, the same time frame and the same single-event scope, and sit in sentences that
    embed close with the numbers masked. A group is a contradiction when its figures fall into positions whose
    intervals are disjoint; a figure that fits two positions takes no side. Vague orders of magnitude, rates,
    parts ("one of"), averages, ordinals and backwards ranges take no part, and a group in which one article
    stands on two sides is left alone, since the parse cannot tell its two figures apart.
    """
    quantities = _named_by_age(quantities)
    candidates = [q for q in quantities if _comparable(q)]
    if len(candidates) < 2:
        return []
    # Parts ("178 of 369 punches") are no totals to compare, but they tell which span a sentence tallies.
    tallies = [q for q in quantities if q.unit and q.kind != "ordinal" and q.qualifier != "vague"]
    same = _same_subject_pairs(candidates, tallies, settings)
    groups = connected_groups(len(candidates), same)
    contradictions = []
    for members in groups:
        contradiction = _group_contradiction([candidates[i] for i in members], candidates, settings)
        if contradiction is not None:
            contradictions.append(contradiction)
    return contradictions


def _named_by_age(quantities: Sequence[Quantity]) -> Sequence[Quantity]:
    """Figures told of a common noun for a person whose sentence gives that person's age ("a 47-year-old woman was
    charged with two counts") as told of the one person the story names with that age ("Ines Vale, 47"), however
    many outlets apart: an outlet that has not yet the name tells the person by age. With two named people of
    that age, or none, the noun stays as it was (``_named_and_unnamed_person``)."""
    names: dict[tuple[float, str], set[str]] = defaultdict(set)
    nouns: dict[tuple[str, int, str], tuple[float, str]] = {}
    for age in (q for q in quantities if q.kind == "age" and q.qualifier == "exact" and q.aged):
        if age.aged.startswith("the "):
            nouns[(age.article_id, age.sentence_start, age.aged)] = (age.value, age.unit)
        elif age.aged not in _PERSONAL_PRONOUNS:
            names[(age.value, age.unit)].add(age.aged)

    def named(who: str, quantity: Quantity) -> str:
        age = nouns.get((quantity.article_id, quantity.sentence_start, who))
        same_age = names.get(age, set()) if age is not None else set()
        if not same_age or any(actors_differ(first, second) for first, second in combinations(same_age, 2)):
            return who
        return max(same_age, key=len)

    def renamed(quantity: Quantity) -> Quantity:
        actor, holder = named(quantity.actor, quantity), named(quantity.holder, quantity)
        aged = named(quantity.aged, quantity) if quantity.kind == "age" else quantity.aged
        # The figures left as they were stay the same objects: a figure's neighbours are told from it by identity.
        if (actor, holder, aged) == (quantity.actor, quantity.holder, quantity.aged):
            return quantity
        return replace(quantity, actor=actor, holder=holder, aged=aged)

    return [renamed(q) for q in quantities] if nouns and names else quantities


# Kinds of figure whose counted phrase names what they are of, which a paraphrase would not match.
_NAMED_KINDS = {"count", "age"}


def _comparable(quantity: Quantity) -> bool:
    backwards = quantity.upper is not None and quantity.upper <= quantity.value
    # An age told of no one, or of a pronoun, may be anyone's: two such ages are no one person's.
    unowned_age = quantity.kind == "age" and quantity.counted.lower() in {"", *_PERSONAL_PRONOUNS}
    return (
        bool(quantity.unit)
        and not unowned_age
        and quantity.kind != "ordinal"
        and quantity.qualifier != "vague"
        and not (quantity.caveat or backwards)
    )


def _same_subject_pairs(
    quantities: Sequence[Quantity], tallies: Sequence[Quantity], settings: Settings
) -> list[tuple[int, int]]:
    possible = [
        (i, j) for i, j in combinations(range(len(quantities)), 2)
        if _may_be_one_figure(quantities[i], quantities[j], settings)
    ]
    # Embedding is the costly part: only the figures some other may be told with are embedded, and a counted
    # phrase only where its words alone do not settle it.
    by_words = {(i, j) for i, j in possible if same_counted(quantities[i].counted, quantities[j].counted)}
    counted = _embedded(
        [q.counted or q.unit for q in quantities],
        {k for i, j in possible if (i, j) not in by_words and quantities[i].kind not in _NAMED_KINDS for k in (i, j)},
    )
    contexts = _embedded([_masked(q.sentence, q.text) for q in quantities], {k for pair in possible for k in pair})
    measured = _embedded(
        [q.measured for q in quantities],
        {k for i, j in possible if not same_counted(quantities[i].measured, quantities[j].measured) for k in (i, j)},
    )
    pairs = []
    for i, j in possible:
        first, second = quantities[i], quantities[j]
        # Durations and sums measure a thing that outlets name freely ("call" / "conversation"); counts
        # name what they count and ages whose age they are, so only that noun or name, more or less
        # qualified, is the same thing ("a 30-year-old man" / "a 34-year-old woman" are two people).
        same_thing = (i, j) in by_words or (
            first.kind not in _NAMED_KINDS
            and float(counted[i] @ counted[j]) >= settings.claims.same_counted_similarity
        )
        # What a measure modifies is named freely ("quake" / "earthquake"), as a duration's thing is.
        same_thing = same_thing and (
            same_counted(first.measured, second.measured)
            or float(measured[i] @ measured[j]) >= settings.claims.same_counted_similarity
        )
        # A shared time frame is evidence of one statement in itself, and so is a shared verb of what happened to
        # the counted thing ("injured" / "injured"): the sentences may differ more.
        needed = (
            settings.claims.same_dated_number_context_similarity
            if (first.frame and second.frame) or (first.predicate and first.predicate == second.predicate)
            else settings.claims.same_number_context_similarity
        )
        if same_thing and float(contexts[i] @ contexts[j]) >= needed and not _other_tallies_differ(
            first, second, tallies, settings.claims.approximate_number_margin
        ):
            pairs.append((i, j))
    return pairs


def _other_tallies_differ(first: Quantity, second: Quantity, quantities: Sequence[Quantity], margin: float) -> bool:
    """Whether two differing figures sit in sentences that tally other things alike and none of those agree
    either: the sentences count different spans ("157 games, 33 homers" of a season, "54 games, 13 homers" of
    a month), not one fact told two ways, where the figures beside the disputed one agree."""
    if _compatible(first, second, margin):
        return False

    def beside(figure: Quantity) -> list[Quantity]:
        where = (figure.article_id, figure.sentence_start)
        return [o for o in quantities if o is not figure and (o.article_id, o.sentence_start) == where]

    alike = [
        (mine, theirs) for mine in beside(first) for theirs in beside(second)
        if (mine.kind, mine.unit) == (theirs.kind, theirs.unit) and same_counted(mine.counted, theirs.counted)
    ]
    return bool(alike) and not any(_compatible(mine, theirs, margin) for mine, theirs in alike)


def _embedded(texts: Sequence[str], wanted: set[int]) -> dict[int, np.ndarray]:
    """Embeddings of the ``wanted`` of ``texts``, by index."""
    from corroborate.nlp import embed

    order = sorted(wanted)
    return dict(zip(order, embed([texts[k] for k in order]), strict=True))


def _may_be_one_figure(first: Quantity, second: Quantity, settings: Settings) -> bool:
    """Whether two figures of different articles can be told of one thing: same kind, unit, scope, actor, place,
    time frame and predicate (16 people "killed" and 20 "wounded" are two tallies); a measure of one thing ("a
    3-point shot") is no tally of its unit ("20 points"), and counts told with different people are different
    people's tallies or measures of different things (two passes of a game, to two receivers)."""
    return (
        first.article_id != second.article_id
        and (first.kind, first.unit, first.scope) == (second.kind, second.unit, second.scope)
        and not _of_different_people(first, second)
        and first.place == second.place
        and _same_predicate(first, second)
        and same_time_frame(first, second, settings)
        and not _one_and_several(first, second)
        and bool(first.measured) == bool(second.measured)
    )


def _of_different_people(first: Quantity, second: Quantity) -> bool:
    """Whether two figures are of different doers, holders or people named with them, or of a name and a person
    its own article never gives that name (``_named_and_unnamed_person``)."""
    return (
        actors_differ(first.actor, second.actor)
        or actors_differ(first.holder, second.holder)
        or _named_and_unnamed_person(first.actor, second.actor)
        or _named_and_unnamed_person(first.holder, second.holder)
        or bool(first.participants and second.participants and first.participants.isdisjoint(second.participants))
    )


def _one_and_several(first: Quantity, second: Quantity) -> bool:
    """Whether a span or sum is told of one thing by one figure and of several by the other ("an eight-year
    offer" / "the seven-year offers"): each of several things is not the one. Counts are left out, where the
    number itself makes the noun plural."""
    if first.kind == "count" or not (first.counted and second.counted):
        return False
    heads = [_words(first.counted)[-1:], _words(second.counted)[-1:]]
    plural = {_singular(head[0]) != head[0] for head in heads if head}
    return len(plural) == 2


def _same_predicate(first: Quantity, second: Quantity) -> bool:
    """Whether the figures' verbs allow one fact: equal, or one unknown. A sum or a span of time that names
    nothing it measures ("$3 million", "two years") says what it is only by its verb, so it needs both verbs,
    alike ("paid $3 million" / "a hit with $363 million"; "control him for two years" / "a deal of six years")."""
    if first.predicate and second.predicate and (first.predicate != second.predicate or first.predicate != LEVEL):
        return first.predicate == second.predicate
    if first.kind == "count" and first.unit in _ANYONE and bool(first.predicate) != bool(second.predicate):
        # "people" says nothing of which people: with a verb ("16 people were hurt"), of one group; without one
        # ("a town of 16,000 people", "16 people on board"), of any other.
        return False
    # A level says no more of what a sum or a span is than no verb does ("the cost was $5 million").
    return first.kind == "count" or bool(first.counted and second.counted)


# Nouns of a count that name no group of people but people ("16 people"): only what happens to them does.
_ANYONE = {"people", "person", "individual"}


def same_counted(first: str, second: str) -> bool:
    """Whether two counted phrases name one thing: the same head noun, with the modifiers of one among those of
    the other ("cargo flights" / "flights"; not "cargo flights" / "passenger flights")."""
    a, b = _words(first), _words(second)
    if not a or not b or _singular(a[-1]) != _singular(b[-1]):
        return not a and not b
    modifiers_a, modifiers_b = set(a[:-1]), set(b[:-1])
    if (modifiers_a ^ modifiers_b) & _SET_APART:
        return False
    return modifiers_a <= modifiers_b or modifiers_b <= modifiers_a


# Modifiers that set what a phrase counts apart from what its sentence told before ("five other workers were
# rescued" after the three who died): no kind of the same things, but others.
_SET_APART = {"other"}


def _narrower(first: str, second: str) -> bool:
    """Whether the first counted phrase names a kind of the second ("armoured vehicles" of "vehicles")."""
    return same_counted(first, second) and set(_words(second)[:-1]) < set(_words(first)[:-1])


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w'-]+", phrase.lower())


def _singular(noun: str) -> str:
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if noun.endswith(plural) and len(noun) > len(plural) + 1:
            return noun[: -len(plural)] + singular
    return noun


def same_time_frame(first: Quantity, second: Quantity, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """Whether two figures are told of one period: no date words for either, periods that mostly coincide
    ("between January and November 2020" / "last year" in 2021), or, unresolved, the same date words."""
    if first.period is not None and second.period is not None:
        (a_start, a_end), (b_start, b_end) = first.period, second.period
        overlap = (min(a_end, b_end) - max(a_start, b_start)).days + 1
        union = (max(a_end, b_end) - min(a_start, b_start)).days + 1
        return overlap / union >= settings.claims.same_time_frame_overlap
    return first.frame == second.frame


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


def _width(interval: tuple[float, float]) -> float:
    return interval[1] - interval[0]


def _overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    # Strict: a written "2" (1.5-2.5) and "3" (2.5-3.5) only touch at the rounding boundary, which neither holds.
    return first[0] < second[1] and second[0] < first[1]


def _compatible(first: Quantity, second: Quantity, margin: float) -> bool:
    """Whether two figures can both hold. A count of a narrower kind is a part of the broader count: "3
    armoured vehicles" fits "23 vehicles", and only a narrower count above the broader one ("over 20 cargo
    flights" / "16 flights") cannot hold."""
    a, b = first.bounds(margin), second.bounds(margin)
    if first.kind == "count" and _narrower(first.counted, second.counted):
        return a[0] < b[1]
    if first.kind == "count" and _narrower(second.counted, first.counted):
        return b[0] < a[1]
    return _overlap(a, b)


def _group_contradiction(
    members: Sequence[Quantity], candidates: Sequence[Quantity], settings: Settings
) -> Contradiction | None:
    margin = settings.claims.approximate_number_margin
    positions = _positions(members, margin)
    if len(positions) < 2 or _of_several(positions):
        return None
    for position in positions:
        articles = {q.article_id for q in position}
        if any(q.article_id in articles for other in positions if other is not position for q in other):
            return None
        # An article that also tells the other side's figure of the same thing, which the finer readings (whose
        # tally, over which span) set apart, tells several such figures: the parse cannot say which is disputed.
        # A bound open on one side ("at least 10 people") fits any figure beyond it without telling it.
        kin = [
            q for q in candidates
            if q.article_id in articles and not any(q is m for m in members) and math.isfinite(_width(q.bounds(margin)))
        ]
        rivals = [other for other in positions if other is not position]
        if any(_kin(q, rival[0]) and all(_compatible(q, r, margin) for r in rival) for q in kin for rival in rivals):
            return None
    if len({q.source for position in positions for q in position}) < 2:
        return None
    subject = max((q for position in positions for q in position), key=lambda q: len(q.counted)).subject
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


def _of_several(positions: Sequence[Sequence[Quantity]]) -> bool:
    """Whether figures on two sides are of different doers, holders or people ("Lee was sentenced to 7 years",
    "Diaz was sentenced to 12 years"), which a figure of no one named ("the man was sentenced to 12 years") may
    have linked into one group: the sides are then two people's figures, not a disagreement."""
    return any(
        _of_different_people(first, second)
        for side, other in combinations(positions, 2)
        for first in side
        for second in other
    )


def _kin(first: Quantity, second: Quantity) -> bool:
    """Whether two figures count the same thing by their words alone, whoever's and whenever they are."""
    return (
        (first.kind, first.unit) == (second.kind, second.unit)
        and same_counted(first.counted, second.counted)
        and same_counted(first.measured, second.measured)
    )


def _positions(members: Sequence[Quantity], margin: float) -> list[list[Quantity]]:
    """The members in sets of figures that can all hold together, no figure of one fitting any of another, or
    no sets when the figures do not split that cleanly.

    A figure that fits every other takes no side ("about 20" beside "16" and "over 20"). The most precise of
    the rest found the positions, and a looser one joins the first it fits entirely.
    """
    sided = [q for q in members if not all(_compatible(q, other, margin) for other in members if other is not q)]
    positions: list[list[Quantity]] = []
    for quantity in sorted(sided, key=lambda q: (_width(q.bounds(margin)), q.start)):
        home = next((p for p in positions if all(_compatible(q, quantity, margin) for q in p)), None)
        if home is None:
            positions.append([quantity])
        else:
            home.append(quantity)
    for position in positions:
        rivals = [other for rival in positions if rival is not position for other in rival]
        if any(_compatible(q, other, margin) for q in position for other in rivals):
            return []
    return positions
