"""Dates in news text: each date normalised to ISO, relative dates resolved, and the story's timeline.

A date is read from spaCy's DATE and TIME entities. Stated dates ("October 16, 2025", "March 2014") are
parsed by dateparser; relative ones are resolved against an anchor: the article's publication date, or,
when its metadata has none, the date its page stamps above the story ("Updated: May 24, 2005, 3:23 PM ET",
"WASHINGTON, DC, April 28, 2009"), or else a date the caller takes from the story's dated articles
(``story_anchor``) when every day the story's dated reports came out reads it alike: an undated report of a
story told over days may come from any of them, so a date that would read otherwise stays unresolved rather than
guessed. Each mention keeps a short resolution a reader can check ("'last Thursday' before 2025-10-31 (published)
-> 2025-10-23").

Rules, chosen to match how news is written:

- "last Thursday" is the Thursday of the previous calendar week (Monday to Sunday): news style calls a day of
  the current week by its name alone, so "last" reaches into the week before. On a Thursday it is seven days
  back. "next Thursday" is the Thursday of the following week, "this Thursday" the one of the current week.
- A bare weekday ("on Thursday") is the latest such day on or before the anchor, or, in a future-tense
  clause ("will meet on Thursday"), the first on or after it (not exact when that is the anchor itself: told
  on a Thursday, it may as well mean a week on); told in "local time", it may be the day after the anchor
  (``publication_slack_days``), since the outlet's date lags behind places east of it. So may a past one in an
  article that names no other day than its own date's, and tells that one as done or names the next day more than
  once ("The government on Monday extended the licence. Markets in Asia were mixed in early trading Tuesday" in a
  Monday-dated report): a report names its latest days, and its date lags by a day more often than it reports only
  a week-old day. One "of next week" is the
  next week's, one "in the coming week" the first after the anchor. A main verb in the simple present tells a
  timetable ("The fair opens on Friday"): future, unless a verb of saying or a headline's.
- A date without a year ("October 16", "in March") takes its year from the tense of its clause: past tense,
  the latest such date not after the anchor (plus ``publication_slack_days``, or ``story_anchor_slack_days``
  when the anchor is the story's date, which an undated article may come days after); future tense, the first
  not before it (less the same slack); otherwise the one nearest the anchor, if within
  ``max_yearless_distance_days``. So "January 3" in a December 30 article is next January unless the clause is
  in the past tense. "ahead of November's vote" is future; a verb of scheduling ("has scheduled a May 17
  hearing") or one acting on a time limit ("has given them a May 10 deadline") gives no tense to its date.
- A participle telling what was done to a thing ("a survey conducted in March") is past; what lay ahead of a
  past time ("was due to be released in September", "once expected to open in June") has no tense of its own. A
  verb with no tense of its own is past when its clause sets it there: taken by a past verb's preposition
  ("pleaded guilty to threatening to burn the office in March") or followed by a past clause of what came first
  ("decided to reopen the case in May after the witness was found").
- A year-less past date a few sentences after a stated day or month with its year ("visited the doctor in November
  2016. [...] By December, his symptoms worsened") is read in that narrative time, the first such date on or after
  it, when the publication's reading falls in another year than the publication's: news leaves out the year of
  the current year only (``narrative_reach_sentences``; not in the past perfect, which steps back).
- A participle opened by a preposition of sequence ("after opening its first store two months ago, the chain has
  ...") or a passive with its agent set off after the main clause ("..., followed by phones in March 2018") tells an
  event apart from its main clause's.
- A year-less date in a clause that a date with its year holds ("In November 2016 the firm agreed to sell the
  unit by December") is read in that date's time, not the anchor's: the year stated, or the one nearest the
  day or month stated. Not a date of a clause beside it ("born in May 1970 and died on March 3") nor a thing's
  year ("the Class of 2020").
- A part of a time ("late Thursday", "early on Monday", "late 2019", "early next year") dates that day, month or year.
- "last December" is the latest December before the anchor's month (in a January article, the December just
  gone); "next March" the first March after it.
- "N days/weeks/months/years ago" counts back from the anchor; only day counts are exact.
- "earlier this month", "later this year" are the anchor's month or year, not exact.
- A range told as one date ("between February and December 2017") is dated by its start, in the end's year;
  a year-less day another outlet states with a year ("Feb. 8, 2017") takes that year in the timeline.
- A year-less past day told like the days other outlets date in the year before (scenes of one account:
  "their Jan. 27 dinner" beside "a Feb. 8, 2017, encounter") takes that year in the timeline when it lies
  nearer those days than the publication-year reading lies to the publication, as a narrative's dates take
  its reference time; the article's other days of that account then follow the account. Not when its own
  article writes years.
- Spans of time ("two weeks", "its fourth year") are not dates (``claims.numbers`` reads them); vague
  references ("days ago", "recently") are kept with no ISO date. Decades ("the 1990s") are not dates either.
- A year written before a noun names a thing ("the 2016 election", "a 2006 law", "his 2020 re-election bid"):
  a reference, not a dated event, unless the article tells a past event whose only date it is ("During the
  2010 campaign, the group launched ...", "The 2008 crisis wiped out jobs"). The date closing a range another
  date opens ("in 2015 and 2016") is part of that date's event. Both are kept as mentions (their periods
  serve ``claims.numbers``) but open no timeline entry. So do years in a thing's name: closing a title ("Racing
  Legends 2017"), with an article ("the 2017" for a phone model), with a possessive ("1977's" album), a noun's age
  ("a painting from 1890"), and numbers read as years, which a past-tense clause places after the anchor without
  reaching forward ("earned a total score of 2350") or which lie ``max_years_ahead`` past it ("rose to 2395").
- "today" that sets a state of things in general in the present ("Today, such infections are rare", "phones that exist
  today") means these days: it dates nothing, so it opens no entry and is no exact day. A range of "years" a verb of
  change in amount goes through ``max_years_back_of_change`` or more before the anchor ("scores increased from 1061
  to 1128") is a range of values.
- The event of a date is that of its clause, with a few repairs of the parse: a passive's doer told doing it ("abducted
  by gunmen wearing uniforms in May") dates the act; a verb joined to another of a different form shares the subject
  of the verb of its own form between them; an act a past verb takes by "to", "of" or "for" ("pleaded guilty to
  threatening ... in March") is the date's event; a bare date closing a dated clause after a comma names the noun
  before it ("..., with Houston hosting the final show, May 10"), as does a subject's date when its clause holds
  another date; a date that is its clause's subject stays in the event ("Next year is the year of ..."); a participle
  with no subject acts with that of the verb taking it ("was jailed after assaulting a guard in 1999": who assaulted).
- More repairs of the parse for the event of a date: a day after a time of day ("at 3: 30 a. m. Tuesday", also spaced
  apart as detokenised text has it) or before one set off by commas ("Early Friday, around 1: 30 a. m., ...") is
  that time's, and the time is the date's, no word of the event; an "in" right after its verb before a day is the
  verb's particle ("checked in late Thursday"), since a day takes no "in"; verbs sharing one object are told together
  ("shot and wounded three people"); a day after a subordinate clause of a verb in the present perfect is that
  clause's ("have hit the town since it was rocked by a quake early Sunday"); a "when" clause tells the event of a
  date a bare time clause stands on ("The last time ... was in 1987, when ..."); "doing so" is the act it stands
  for; a participle in brackets tells an act of its own. A month word opening a sentence alone, which the article
  writes elsewhere as a common noun ("March participants chanted" in a story of a march), is no date.
- A day gone by on a verb in the present perfect or the present passive ("has denied arson following a fire early
  on Sunday", "are still haunted by images of the disaster in 2003") dates the thing of the phrase before it, as
  with a verb in the present: the perfect takes no time gone by, save a bound ("has held it since 2006"). A "-ed" form
  with a subject of its own and no auxiliary is the simple past, whatever the tagger says.
- A "since" date that a count or a record is told over ("the fifth raid since May", "for the first time since 2005")
  is a bound at which nothing the clause tells happened: a reference. So is a date "until" or "through" which the
  clause's state, plan or act lasts ("aim to save $40 billion through 2012"), unless a "when" clause tells what
  happened then, the act is denied ("won't ship until 2020": it ships then) or a past tally runs through it. A
  date "by" which a thing is to be done lies ahead unless told in a past tense ("The aim is a deal by Friday").
- A perfect participle ("..., having left the club in May") tells an act before its main clause's; a second object
  told with a date of its own ("won the title in 2001 and the cup in 2005") is told with its verb.
- Two outlets' dates contradict only when they date one event one way: the same word of the event (a verb or its
  noun, "met" / "meeting") and the same bound, if any ("since May", "beginning March 3": a period's start is
  no date of a thing done at once), besides phrases and sentences that embed close.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from statistics import median_low
from typing import TYPE_CHECKING, Literal

from corroborate.claims.numbers import AMOUNT_CHANGES, connected_groups, parse_number, sentence_of
from corroborate.claims.speech import SPEECH_VERBS
from corroborate.nlp import SUBJECT_DEPS, TIME_LABELS
from corroborate.records import Article, Contradiction, Evidence, Position, TimelineEvent
from corroborate.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    import numpy as np
    from dateparser.date import DateDataParser
    from spacy.tokens import Doc, Span, Token

Granularity = Literal["day", "week", "month", "year"]
#: What a date rests on: stated outright, counted from the article's own date (its metadata's, or the stamp its page
#: shows above the text), from the story's, or nothing.
Basis = Literal["stated", "published", "stamped", "story", "unresolved"]
Tense = Literal["past", "future", "unknown"]

#: The days of the week in calendar order, Monday first (``date.weekday()``).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(_MONTH_NAMES)
_UNIT = r"(?P<unit>day|week|month|year)s?"

_SAME_DAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening))\b")
_DAY_BEFORE = re.compile(r"\b(yesterday|last night)\b")
_DAY_AFTER = re.compile(r"\btomorrow\b")
_AGO = re.compile(rf"(?:^|\s)(?P<count>(?:\S+ )*?)\s*{_UNIT} ago$")
_RELATIVE_WEEKDAY = re.compile(rf"^(?P<rel>last|next|this|this past|this coming) (?P<day>{_WEEKDAY})\b")
_RELATIVE_PERIOD = re.compile(rf"^(?P<rel>last|next|this) {_UNIT}$")
_WITHIN_PERIOD = re.compile(rf"^(?P<rel>earlier|later) (?:this|in the) {_UNIT}$")
_RELATIVE_MONTH = re.compile(rf"^(?P<rel>last|next|this) (?P<month>{_MONTH})$")
_BARE_WEEKDAY = re.compile(rf"^(?P<day>{_WEEKDAY})(?: (?:morning|afternoon|evening|night))?$")
_YEAR = re.compile(r"\b(1\d{3}|2\d{3})\b")
_MONTH_WORD = re.compile(rf"\b({_MONTH}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?")
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
#: A time of day's words as the tokeniser splits them, written with or without spaces ("3:30", "3", ":", "30";
#: "a.m.", "a.", "m.").
_CLOCK_HOUR = re.compile(r"(?:[01]?\d|2[0-3])")
_CLOCK_MINUTES = re.compile(r"[0-5]\d")
_CLOCK_READING = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
_MERIDIEM = re.compile(r"[ap]\.?m\.?", re.IGNORECASE)
#: Words placing a time of day before it: "around 1: 30 a. m.", "shortly after 3 p.m.".
_CLOCK_LEADS = {"at", "around", "about", "approximately", "shortly", "just", "after", "before"}
_CLOCK_UNITS = re.compile(r"\b(?:hours?|hrs|minutes?|mins|seconds?)\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_DAY_NUMBER = re.compile(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b")
_VAGUE = re.compile(r"\b(ago|earlier|later|recent|recently|lately)\b")
# "the next Saturday", "that Friday": counted from a time the story is telling, not from the anchor.
_NARRATIVE = re.compile(r"^(?:the (?:next|following|previous|preceding)|that|the same)\b")
_TRAILING_SPAN = re.compile(r"^(?:(?:over|in|during|for|within|of) )?the (?:last|past)\b")
# Editors' notes date the page, not the story: "This story has been updated to ...", "Originally published ...".
_EDITORIAL_NOTE = re.compile(
    r"^\W*(?:(?:this|the) (?:story|article|report|post|piece)\b.{0,40}?\b(?:updated|corrected|amended)\b"
    r"|(?:originally|first|last) (?:published|updated)\b|(?:updated|corrected)\s*(?:on\b|at\b|:)"
    # A page's stamp of when it went up ("Posted: 3 May", "Posted 2 days ago"), not a participle ("Posted abroad, ...").
    r"|(?:posted|published)\s*(?::|\d))",
    re.IGNORECASE,
)
# A length of time set in a period ("for six months in 2001", "the first weeks of May"): the period is the date.
_LENGTH_IN = re.compile(
    rf"^(?:(?:the|a|an) )?(?:(?:first|last|final|past) )?(?:[\w-]+ )?{_UNIT} (?:in|of|during) (?=\S)"
)
# A page's stamp of when it went up, on a line of its own above the story: "Updated: May 24, 2005, 3:23 PM ET",
# "WASHINGTON, DC, April 28, 2009", "11/30/09 05:40 PM ET", "7:00pm UK, Wednesday 05 May 2010". It sits among the
# first lines (under a headline, a byline or another stamp at most).
_STAMP_LINES = 3
_MONTH_ABBREVIATION = rf"(?:{_MONTH}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_STAMP_DATE = re.compile(
    rf"(?:\b(?:{_WEEKDAY}),?\s*)?(?:\b{_MONTH_ABBREVIATION}\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+{_MONTH_ABBREVIATION},?\s+\d{{4}}\b|\b\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*(?:\d{{4}}|\d\d)\b)",
    re.IGNORECASE,
)
# A dateline's day without its year ("Mumbai, Nov 11 -", "WASHINGTON - April 27 -"), the year of the story's time.
_DATELINE_DAY = re.compile(rf"\b{_MONTH_ABBREVIATION}\s+\d{{1,2}}\b(?!\s*,?\s*\d)", re.IGNORECASE)
_STAMP_CLOCK = re.compile(r"\b\d{1,2}\s*[:.]\s*\d\d(?:\s*[ap]\.?\s?m?\.?(?![a-z]))?", re.IGNORECASE)
# Words a stamp may hold besides its date and time: its label ("Posted:", "Last updated", "on"); any other word in
# lower case makes the line a sentence or a note ("downloaded on 2 October 2013"), while capitals are a dateline's
# place, an agency or a time zone.
_STAMP_LABELS = {"updated", "posted", "published", "last", "on", "at"}
# A dateline's place ends in a mark before its date: "WASHINGTON, DC, April 28, 2009", "Mumbai - Nov 11, 2011".
_DATELINE_END = re.compile(r"[,:\-–—]\s*$")
_LEADING = re.compile(r"^(?:(?:the|on|in|of|since|by|until|from|at|during)\s+)+")
# A part of a time ("late Thursday", "early next year", "late on Monday") lies within that time: it dates the day or
# year itself, at that day's or year's precision.
_PART_OF = re.compile(r"^(?:early|late)\s+(?=\S)")
# An event phrase names at least an actor and an action, or a noun and its modifier.
_MIN_EVENT_WORDS = 2
_FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo"}
# "may meet on Friday" is a possibility, which lies ahead.
_POSSIBILITY_MODALS = {"may", "might"}
# Verbs whose complement lies ahead: "scheduled to meet", "set to sign", "plans to visit".
_FUTURE_GOVERNORS = {"schedule", "plan", "set", "expect", "due", "intend", "aim", "prepare"}
# Verbs that fix the date of something else: their own tense says nothing of the date they name.
_SCHEDULING_VERBS = {"schedule", "reschedule", "slate", "set", "plan", "postpone", "delay"}
# Nouns that name a time by which something is to happen: the verb acting on one dates the act ("has given
# them a May 10 deadline"), not the time the noun names.
_TIME_LIMIT_NOUNS = {"deadline", "ultimatum", "cutoff", "cut-off", "target", "timeline", "timetable"}
# A weekday placed in a week to come: "Friday of next week" is the next calendar week's, "Friday in the coming week"
# the first after the anchor.
_WEEK_AHEAD = re.compile(
    r",?\s+(?:of\s+|in\s+)?(?:(?P<next>next week)|the (?:week ahead|coming week))\b", re.IGNORECASE
)
_LOCAL_TIME = re.compile(r"\W*(?:(?:morning|afternoon|evening|night)\W+)?(?:\(\s*)?local time\b", re.IGNORECASE)
_RANGE = re.compile(r"(?:between |from )?(?P<start>.+?)(?: (?:and|to|through|until|till) |\s*[-–—]\s*)(?P<end>.+)")
_RANGE_LINK = re.compile(r"\s*(?:and|to|through|until|till|-|–|—)\s*", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\bahead of(?: the)?\s*$", re.IGNORECASE)
# How a year hangs on the noun it names a thing with: "the 2016 election", "2016's election".
_NAMING_DEPS = {"nummod", "compound", "amod", "nmod", "poss"}
# Prepositions that set an event within the time of a named thing: "during the 2016 campaign, X launched".
_WITHIN_PREPOSITIONS = {"during", "in", "at", "throughout", "amid", "amidst"}
_PAST_AUXILIARIES = {"did", "had", "has", "have", "was", "were"}
# Prepositions that set a date before or after the event of their clause: "since 1989", "after last week" ("before"
# also places: "testified before the committee").
_SEQUENCE_PREPOSITIONS = {"since", "after", "until", "till"}
# Prepositions by which a past act reaches a time after its own: "agreed a lease until 2030", "vowed to finish by 2030",
# "promised deliveries from March".
_REACHING_PREPOSITIONS = {"until", "till", "through", "by", "for", "to", "into", "before", "from"}
# Adverbs that set a word in a time gone by: "once expected", "originally planned", "initially scheduled".
_FORMER_TIME_ADVERBS = {"once", "originally", "initially", "previously", "formerly"}
# Conjunctions of a clause telling the event its main clause follows or meets: "after the witness was found".
_EARLIER_EVENT_MARKS = {"after", "when", "once"}
# Verbs whose participle sets when an act starts, as a preposition would: "beginning this week", "starting Monday".
_BEGINNING_VERBS = {"begin", "start"}
# Prepositions that make a date a bound of a period ("since Monday", "until May", "by Friday", "after 2015"), not the
# time of its event.
_BOUND_PREPOSITIONS = {"since", "from", "until", "till", "through", "by", "before", "after"}
# Prepositions that make a date the end of the period its clause lasts ("save $40 billion through 2012").
_END_PREPOSITIONS = {"until", "till", "through"}
# Articles: a date takes none, so a year with one names a thing ("the 2017" for a phone model, "a 2015 vintage").
_ARTICLES = {"the", "a", "an"}
# A free relative stands for an unnamed event ("what happened", "what we saw") as its doer or its object.
_FREE_RELATIVE_WORDS = {"what", "whatever"}
_WH_ROLES = {"nsubj", "nsubjpass", "dobj"}
# Nouns that name a part or stretch of time: after a date ("Friday evening", "Thursday night") they belong to it.
#: Verbs whose clause may tell nothing but a time ("it was in 1987", "as it did in 1992", "it happened in May").
_EMPTY_VERBS = {"be", "do", "happen"}
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "noon", "midnight", "weekend", "day", "week", "hour", "time"}
# Adverbs that say where a copula's subject is ("was away", "will be back at the table").
_PLACE_ADVERBS = {"back", "away", "home", "abroad", "here", "there", "out", "ashore", "aboard", "off", "inside"}
# Adjectives that place a time within its day or among days ("late Monday", "the following Friday").
_TIME_ADJECTIVES = {"early", "late", "last", "next", "past", "previous", "following", "same", "whole", "entire"}
# A verb's dependents that say who did what to whom ("expl": the "there" of "there was a fire", where a subject would
# stand); the objects among them, without which a verb's first preposition completes it ("met with the minister").
_CLAUSE_PARTS = {"aux", "auxpass", "neg", "prt", "dobj", "dative", "attr", "acomp", "oprd", "xcomp", "agent", "expl"}
_OBJECT_PARTS = {"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp"}
_RELATIVE_PRONOUNS = {"who", "which", "that"}
# Nouns a whole clause tells the content of ("the claim he visited the plant", "a chance the plan wins support"):
# that clause has no gap the noun fills, so it is no relative clause of the noun.
_CONTENT_NOUNS = {
    "claim", "chance", "fact", "news", "idea", "belief", "hope", "fear", "possibility", "allegation", "assertion",
    "suggestion", "argument", "notion", "view", "statement", "promise", "warning", "assurance", "likelihood",
    "probability", "risk", "doubt", "conclusion", "suspicion", "rumor", "rumour", "report", "sign", "evidence",
    "impression", "expectation", "assumption", "theory", "insistence", "guarantee",
}
# Prepositions that open examples of the noun before them ("attacks on officials, including the shooting of ..."):
# an example is a thing of its own, not a part of that noun's phrase.
_EXAMPLE_PREPOSITIONS = {"including", "excluding"}
# A verb's stem shorter than this ("di" of "die") begins too many other words to tell its noun by.
_MIN_EVENT_STEM = 3
# A quote cut short for its speaker keeps at least this many of its words.
_MIN_QUOTE_WORDS = 4
# Marks that set an aside off from the phrase it interrupts.
_SEPARATORS = {",", "—", "–", "(", ")", ";", ":"}
# Verbs of a state, not an act: told in the present of things in general ("Today, such infections are rare"), "today"
# means these days, not the publication's day.
_STATE_VERBS = {"be", "exist", "remain", "live", "have", "lack", "experience", "face", "need", "know", "own"}
# Verbs of a change in amount: a range they go through ("rose from 1061 to 1128") is a range of values. Not the
# verbs of moving ("went from 1990 to 2000", "edged"), whose range is as often a time.
_CHANGE_VERBS = AMOUNT_CHANGES | {"improve"}
# Prepositions by which a verb takes an act it is about ("pleaded guilty to threatening", "accused of hiding", "arrested
# for stealing"), told as a thing of its own.
_CHARGE_PREPOSITIONS = {"to", "of", "for"}
# Prepositions that place an event at a time ("on Sunday", "in May", "at noon"), as against bounding a period.
_PLACING_PREPOSITIONS = {"on", "in", "at"}
# Auxiliaries of the present progressive ("the conditions we're experiencing today").
_PRESENT_AUXILIARIES = {"am", "is", "are", "'m", "'re", "'s", "’m", "’re", "’s"}
# Modals of what one is able to do: "we can grow the economy today" tells what is possible these days.
_ABILITY_MODALS = {"can", "could"}
# Subjects that stand for people or things in general: "we" and "you" as anyone.
_GENERIC_PRONOUNS = {"we", "you"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date in one article, with what it dates.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY`` by ``granularity``, or None when the
    date cannot be resolved. ``exact`` says the date is as precise as its granularity ("two months ago" is
    not). ``event`` is the phrase the date belongs to ("phone call with the president").
    """

    article_id: str
    source: str
    text: str
    iso: str | None
    granularity: Granularity | None
    resolution: str
    event: str
    sentence: str
    sentence_start: int
    start: int
    basis: Basis
    exact: bool
    #: The date names a thing ("the 2016 election") or closes a range another date opens: it dates no event
    #: of its own, so in the timeline it may join an entry of its event but opens none.
    reference: bool = False
    #: The day relative readings counted from (the publication's or the story's), if any.
    base: date | None = None
    #: The lemma of the word the date dates: the verb ("meet" in "met on Friday") or noun ("call" in "the Friday
    #: call") of its event, or the subject a copula dates ("vote" in "the vote was on Friday").
    head: str = ""
    #: The word that makes the date a bound of a period rather than the time of its event ("since", "until",
    #: "begin" in "beginning Monday"), or empty: a period's start is no date of a thing done at one time.
    bound: str = ""

    @property
    def period(self) -> tuple[date, date] | None:
        """The first and last day the date covers."""
        return period_of(self.iso, self.granularity)


def period_of(iso: str | None, granularity: Granularity | None) -> tuple[date, date] | None:
    """The first and last day of an ISO date, week, month or year."""
    if iso is None or granularity is None:
        return None
    if granularity == "day":
        day = date.fromisoformat(iso)
        return day, day
    if granularity == "week":
        monday = date.fromisocalendar(int(iso[:4]), int(iso[6:]), 1)
        return monday, monday + timedelta(days=6)
    if granularity == "month":
        first = date(int(iso[:4]), int(iso[5:7]), 1)
        return first, _month_shift(first, 1) - timedelta(days=1)
    return date(int(iso), 1, 1), date(int(iso), 12, 31)


def _iso(day: date, granularity: Granularity) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m") if granularity == "month" else str(day.year)


def _month_shift(day: date, months: int) -> date:
    """The first of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# ---- Anchors -----------------------------------------------------------------------------------------------


def publication_date(article: Article) -> date | None:
    """The article's publication day, if its metadata states one that can be read."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        import dateparser

        parsed = dateparser.parse(article.published, languages=["en"])
        return parsed.date() if parsed else None


def stamped_date(text: str, near: date | None = None, settings: Settings = DEFAULT_SETTINGS) -> date | None:
    """The day a page's stamp above the story shows ("Updated: May 24, 2005, 3:23 PM ET", "WASHINGTON, DC, April 28,
    2009"), if one of the text's first lines is one: for an article whose metadata has no date, the date the outlet
    gave it, better grounded than the story's. A dateline's day without its year ("WASHINGTON - April 27 -") takes
    the year that puts it nearest ``near`` (the story's date), within ``max_yearless_distance_days``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_STAMP_LINES]
    for line in lines:
        found = _STAMP_DATE.search(line)
        yearless = None if found is not None or near is None else _DATELINE_DAY.search(line)
        found = found or yearless
        if found is None:
            continue
        before, after = line[: found.start()], line[found.end() :]
        place = _DATELINE_END.search(before) is not None
        if yearless and not (place and before.strip()):  # a year-less day is a stamp only after its dateline's place
            continue
        if not (_stamp_words(before, place) and _stamp_words(after, False)):
            continue
        parsed = _dateparser(re.sub(r"\s*/\s*", "/", found.group(0)))
        if parsed is None or parsed[1] != "day":
            continue
        if yearless and near is not None:
            return _choose_year(parsed[0], "day", near, "unknown", 0, settings)
        return parsed[0]
    return None


def _stamp_words(text: str, place: bool) -> bool:
    """Whether the words of a stamp beside its date are a stamp's: labels, capitals (an agency, a time zone, a
    weekday), and before the date the words of a place ending in a mark ("Mumbai, "): not a headline's ("Talks
    End On May 5, 2010") nor a sentence's."""
    words = re.findall(r"[^\W\d_]+", _STAMP_CLOCK.sub(" ", _STAMP_DATE.sub(" ", text)))
    return all(
        word.lower() in _STAMP_LABELS or word.isupper() or word.lower() in WEEKDAYS or (place and word[0].isupper())
        for word in words
    )


@dataclass(frozen=True, slots=True)
class StoryDate:
    """The date an undated article's relative dates are resolved against, and how sure that is."""

    #: The median publication day of the story's dated articles.
    day: date
    #: The first and last day its dated articles came out: an undated one may have been told on any day between.
    first: date
    last: date


def story_anchor(articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS) -> StoryDate | None:
    """The date to resolve an undated article's relative dates against: the median publication day of the
    story's dated articles (the lower one of an even count), since one story's reports come out within days
    of each other and the median ignores a stray late copy; with the span they came out in, stray copies
    more than ``story_anchor_slack_days`` from the median left out as the median leaves them."""
    days = sorted(day for day in map(publication_date, articles) if day is not None)
    if not days:
        return None
    middle = median_low(days)
    near = [day for day in days if abs((day - middle).days) <= settings.claims.story_anchor_slack_days]
    return StoryDate(middle, near[0], near[-1])


# ---- Reading one date ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    day: date | None
    granularity: Granularity | None
    exact: bool
    relative: bool
    #: The words of the date whose time a year-less one was read in ("November 2016" for "by December").
    told_in: str | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    """What the words around a date tell about it."""

    tense: Tense
    #: The day is given in another time zone ("Saturday (local time)"), up to a day ahead of the outlet's.
    local_time: bool = False
    #: How many days after the anchor a date told in the past tense may lie: the anchor's own uncertainty.
    anchor_slack_days: int = 0
    #: The stated end of a range the date opens ("between February and December 2017"): its year is the date's.
    range_end: date | None = None
    #: A date with its year stated earlier in the sentence, on whose clause this one's hangs ("In November 2016
    #: the firm agreed to sell the unit by December"): the time the sentence tells of, with its words.
    told_in: tuple[_Resolved, str] | None = None
    #: The time a narrative of earlier sentences last set with a stated date (see ``_narrative_time``), with its words.
    narrative: tuple[_Resolved, str] | None = None


def _resolve(text: str, base: date | None, context: _Context, settings: Settings) -> _Resolved | None:
    """The date a normalised mention text names, or None when it names a span of time rather than a date."""
    if _NARRATIVE.match(text):
        return _Resolved(None, None, False, True)
    stated = _stated(text, base, context, settings)
    if stated is not None:
        return stated
    if base is None:
        return _Resolved(None, None, False, True) if _is_relative(text) else None
    ahead = settings.claims.publication_slack_days if context.local_time else 0
    resolved = (
        _resolve_day_words(text, base)
        or _resolve_ago(text, base)
        or _resolve_weekday(text, base, context.tense, ahead)
        or _resolve_period(text, base)
        or _resolve_month(text, base)
    )
    if resolved is not None:
        return resolved
    return _Resolved(None, None, False, True) if _VAGUE.search(text) else None


def _is_relative(text: str) -> bool:
    patterns = (_SAME_DAY, _DAY_BEFORE, _DAY_AFTER, _AGO, _RELATIVE_WEEKDAY, _RELATIVE_PERIOD, _WITHIN_PERIOD)
    return any(pattern.search(text) for pattern in (*patterns, _RELATIVE_MONTH, _BARE_WEEKDAY, _VAGUE))


def _resolve_day_words(text: str, base: date) -> _Resolved | None:
    for pattern, shift in ((_SAME_DAY, 0), (_DAY_BEFORE, -1), (_DAY_AFTER, 1)):
        if pattern.search(text):
            return _Resolved(base + timedelta(days=shift), "day", True, True)
    return None


def _resolve_ago(text: str, base: date) -> _Resolved | None:
    match = _AGO.match(text)
    if match is None:
        return None
    # The entity may start early ("the capital two months ago") or hedge ("some two months ago"): the count
    # is the longest run of number words just before the unit.
    words = ["one" if word in {"a", "an"} else word for word in match.group("count").split()]
    count = next((parse_number(words[k:]) for k in range(len(words)) if parse_number(words[k:]) is not None), None)
    if count is None or count != int(count):
        return _Resolved(None, None, False, True)
    n, unit = int(count), match.group("unit")
    if unit == "day":
        return _Resolved(base - timedelta(days=n), "day", True, True)
    if unit == "week":
        return _Resolved(base - timedelta(weeks=n), "week", False, True)
    if unit == "month":
        return _Resolved(_month_shift(base, -n), "month", False, True)
    return _Resolved(date(base.year - n, 1, 1), "year", False, True)


def _resolve_weekday(text: str, base: date, tense: Tense, ahead: int = 0) -> _Resolved | None:
    """A weekday by the module's rules; a bare one told in local time may also be up to ``ahead`` days after
    ``base``, since the outlet's date can lag a day behind the place where it happened."""
    monday = base - timedelta(days=base.weekday())
    relative = _RELATIVE_WEEKDAY.match(text)
    if relative is not None:
        weekday = WEEKDAYS.index(relative.group("day"))
        rel = relative.group("rel")
        if rel == "this past":
            return _Resolved(base - timedelta(days=(base.weekday() - weekday - 1) % 7 + 1), "day", True, True)
        if rel == "this coming":
            return _Resolved(base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1), "day", True, True)
        weeks = {"last": -1, "this": 0, "next": 1}[rel]
        return _Resolved(monday + timedelta(weeks=weeks, days=weekday), "day", True, True)
    bare = _BARE_WEEKDAY.match(text)
    if bare is None:
        return None
    weekday = WEEKDAYS.index(bare.group("day"))
    if tense == "future":
        # Told on that very weekday, it may be later today or a week on: the day is not certain.
        exact = weekday != base.weekday()
        return _Resolved(base + timedelta(days=(weekday - base.weekday()) % 7), "day", exact, True)
    latest = base + timedelta(days=ahead)
    return _Resolved(latest - timedelta(days=(latest.weekday() - weekday) % 7), "day", True, True)


def _resolve_period(text: str, base: date) -> _Resolved | None:
    relative = _RELATIVE_PERIOD.match(text)
    within = _WITHIN_PERIOD.match(text)
    match = relative or within
    if match is None or match.group("unit") == "day":
        return None
    unit: Granularity = match.group("unit")  # type: ignore[assignment]
    shift = {"last": -1, "next": 1}.get(match.group("rel"), 0) if relative else 0
    if unit == "week":
        day = base + timedelta(weeks=shift)
    elif unit == "month":
        day = _month_shift(base, shift)
    else:
        day = date(base.year + shift, 1, 1)
    return _Resolved(day, unit, relative is not None, True)


def _resolve_month(text: str, base: date) -> _Resolved | None:
    match = _RELATIVE_MONTH.match(text)
    if match is None:
        return None
    month = _MONTH_NAMES.index(match.group("month")) + 1
    rel = match.group("rel")
    if rel == "this":
        return _Resolved(date(base.year, month, 1), "month", True, True)
    step = -1 if rel == "last" else 1
    day = _month_shift(base, step)
    while day.month != month:
        day = _month_shift(day, step)
    return _Resolved(day, "month", True, True)


def _stated(text: str, base: date | None, context: _Context, settings: Settings) -> _Resolved | None:
    """A calendar date written out: with a year it stands alone; without one, the year comes from the range
    it opens, or else from ``base``."""
    has_month = _MONTH_WORD.search(text) is not None
    has_year = _YEAR.search(text) is not None
    if not (has_month or has_year or _NUMERIC_DATE.search(text)):
        return None
    if _RELATIVE_MONTH.match(text) or re.search(r"\b(ago|last|next|earlier|later)\b", text):
        return None
    if _CLOCK_UNITS.search(text):  # "at 1230 hours": a time of day, which the parser counts back as a length
        return None
    ranged = _range_start(text, base, context, settings)
    if ranged is not None:
        return ranged
    parsed = _dateparser(text)
    if parsed is None:
        return None
    day, granularity = parsed
    if has_year or _NUMERIC_DATE.search(text):
        return _Resolved(day, granularity, True, False)
    if context.range_end is not None:
        opening = _year_before(day, context.range_end)
        return _Resolved(opening, granularity, opening is not None, False)
    if context.told_in is not None:
        reference, words = context.told_in
        return _Resolved(_in_time_of(day, reference), granularity, True, True, words)
    if base is None:
        return _Resolved(None, None, False, True)
    chosen = _choose_year(day, granularity, base, context.tense, context.anchor_slack_days, settings)
    if context.narrative is not None and (chosen is None or chosen.year != base.year):
        # News leaves out the year of a date in the current year only; one left out for another year is the
        # narrative's ("visited the doctor in November 2016. [...] By December, ...").
        reference, words = context.narrative
        return _Resolved(_next_after(day, reference), granularity, True, True, words)
    return _Resolved(chosen, granularity, True, True)


def _range_start(text: str, base: date | None, context: _Context, settings: Settings) -> _Resolved | None:
    """A range told as one date ("between February and December 2017", "Dec. 28 to Jan. 3, 2026") dates
    its event by its start, which takes the end's year (and month) when it states none; never exact, since
    the event fills the range rather than its first day."""
    match = _RANGE.fullmatch(text)
    if match is None:
        return None
    start, end = match.group("start"), match.group("end")
    start_month = _MONTH_WORD.search(start)
    if start_month and not _MONTH_WORD.search(end) and _DAY_NUMBER.match(end):  # "october 16-17, 2025"
        end = f"{start_month.group(0)} {end}"
    elif _YEAR.fullmatch(start) and re.fullmatch(r"\d\d", end) and end > start[2:]:  # a season: "2006-07"
        end = start[:2] + end
    closing = _stated(end, base, context, settings)
    if closing is None or closing.day is None or closing.granularity is None:
        return None
    last = period_of(_iso(closing.day, closing.granularity), closing.granularity)[1]  # type: ignore[index]
    opening = _stated(start, base, replace(context, range_end=last), settings)
    if opening is None or opening.day is None:
        return None
    return _Resolved(opening.day, opening.granularity, False, closing.relative)


def _in_time_of(day: date, reference: _Resolved) -> date | None:
    """``day`` in the year of a stated year ("in 2016 ... in March"), else nearest a stated month or day ("in
    November 2016 ... by December", "said in December 2018 that it would close by January"): a sentence
    telling of a past time sets its year-less dates in that time, not in the publication's."""
    stated = reference.day
    assert stated is not None
    years = [stated.year] if reference.granularity == "year" else [stated.year - 1, stated.year, stated.year + 1]
    return min(_in_years(day, years), key=lambda candidate: abs((candidate - stated).days), default=None)


def _next_after(day: date, reference: _Resolved) -> date | None:
    """``day`` in the first year that puts it on or after the start of ``reference``: a narrative moves on."""
    start = reference.day
    assert start is not None
    return next((candidate for candidate in _in_years(day, (start.year, start.year + 1)) if candidate >= start), None)


def _year_before(day: date, end: date) -> date | None:
    """``day`` in the latest year that puts it on or before ``end``: a range runs forward in time."""
    return next((candidate for candidate in _in_years(day, (end.year, end.year - 1)) if candidate <= end), None)


def _in_years(day: date, years: Sequence[int]) -> list[date]:
    """``day`` in each of ``years`` that has it (February 29 only in a leap year)."""
    candidates = []
    for year in years:
        try:
            candidates.append(day.replace(year=year))
        except ValueError:
            continue
    return candidates


@cache
def _calendar_parser() -> DateDataParser:
    """One English date parser for the process: building one loads its language data, which is slow.
    Its base date is fixed, since it parses only calendar dates and the year of a year-less one is ours
    to choose."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": datetime(2000, 1, 1), "DATE_ORDER": "MDY"},
    )


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> tuple[date, Granularity] | None:
    """dateparser's reading of a calendar date and its granularity; the first day of a month or year.
    Kept per text: outlets telling one story repeat their dates, a parse takes milliseconds, and with the
    parser's fixed base date a text always reads the same."""
    data = _calendar_parser().get_date_data(text)
    if data.date_obj is None or data.period not in {"day", "month", "year"}:
        return None
    granularity: Granularity = data.period  # type: ignore[assignment]
    day = data.date_obj.date()
    if granularity == "month":
        day = day.replace(day=1)
    elif granularity == "year":
        day = date(day.year, 1, 1)
    return day, granularity


def _choose_year(
    day: date, granularity: Granularity, base: date, tense: Tense, slack_days: int, settings: Settings
) -> date | None:
    """The year for a year-less date, by the tense of its clause (see the module's rules)."""
    candidates = _in_years(day, (base.year - 1, base.year, base.year + 1))
    slack = timedelta(days=slack_days)
    if tense == "past":
        before = [c for c in candidates if c <= base + slack]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if period_of(_iso(c, granularity), granularity)[1] >= base - slack]  # type: ignore[index]
        return min(after) if after else None

    def distance(candidate: date) -> int:
        first, last = period_of(_iso(candidate, granularity), granularity)  # type: ignore[misc]
        return 0 if first <= base <= last else min(abs((first - base).days), abs((last - base).days))

    nearest = min(candidates, key=lambda candidate: (distance(candidate), candidate > base))
    return nearest if distance(nearest) <= settings.claims.max_yearless_distance_days else None


# ---- Reading the clause a date belongs to ----------------------------------------------------------------


def _attachment(span: Span) -> Token:
    """The word outside the date that the date modifies ("met" in "met on Thursday", "call" in "the
    Thursday call"), or the date's own root when it modifies nothing. A preposition joined to an earlier
    one ("discussed it in the 1990s and again in 2005") modifies what that one does; a day the parse hung on the
    time of day before it ("at 3: 30 a. m. Tuesday") modifies what that time does."""
    clock = _clock_before(span)
    if clock is not None and clock.start <= span.root.head.i < clock.end and clock.root.head.i != clock.root.i:
        return _attachment(clock)
    mark = _misread_preposition(span)
    if mark is not None and mark.head.head.i != mark.head.i:
        return mark.head.head
    named = _apposed_noun(span)
    if named is not None:
        return named
    token = _date_root(span)  # "late Thursday" of "late Thursday night", which the recogniser may cut in two
    preposition = token.head
    while preposition.dep_ == "conj" and preposition.head.pos_ == "ADP":
        preposition = preposition.head
    if token.dep_ == "pobj" and preposition.head.i != preposition.i:
        token = preposition.head
    elif token.head.i != token.i:
        token = token.head
    while span.start <= token.i < span.end and token.head.i != token.i:
        token = token.head
    if _opening_time(token, span) and _acted_on(token.head):
        token = next((verb for verb in token.ancestors if verb.pos_ in {"VERB", "AUX"}), token)
    return _fronted_clause(span, token) or _clause_before_date(span, token) or token


def _clause_before_date(span: Span, verb: Token) -> Token | None:
    """The verb of a subordinate clause between a verb in the present perfect and a day after them, which the parse
    hung on the perfect ("have hit the town since it was first rocked by a quake early Sunday"): the perfect takes no
    time gone by save a bound ("*have hit it on Sunday"), so the day is the clause's."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.i > span.start or not _placed_at(span):
        return None
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if not _present_perfect(verb, auxiliaries):
        return None
    doc = span.doc
    for clause in verb.rights:
        marked = any(child.dep_ == "mark" for child in clause.children)
        before = clause.dep_ == "advcl" and clause.i < span.start and clause.pos_ in {"VERB", "AUX"}
        if before and marked and not any(token.text in {",", ";"} for token in doc[clause.i : span.start]):
            return clause
    return None


def _clock_before(span: Span) -> Span | None:
    """The time of day written right before the date ("3: 30 a. m." in "3: 30 a. m. Tuesday", "9:40 p.m. Friday"),
    whose words, split apart where a text spaces them, the parse takes for nouns of their own; None when there is
    none."""
    doc = span.doc
    start = span.start
    if start > 1 and doc[start - 1].lower_ == "m." and doc[start - 2].lower_ in {"a.", "p."}:
        start -= 2
    elif start > 0 and _MERIDIEM.fullmatch(doc[start - 1].text):
        start -= 1
    meridiem = start < span.start
    if start > 0 and _CLOCK_READING.fullmatch(doc[start - 1].text):
        start -= 1
    elif start > 2 and doc[start - 2].text == ":" and _CLOCK_MINUTES.fullmatch(doc[start - 1].text):
        start = start - 3 if _CLOCK_HOUR.fullmatch(doc[start - 3].text) else start
    elif meridiem and start > 0 and _CLOCK_HOUR.fullmatch(doc[start - 1].text):
        start -= 1  # "9 p.m. Friday"
    if start == span.start or doc[start].text[0].isalpha():  # no hour: a bare "a.m." is no time of day
        return None
    return doc[start : span.start]


def _apposed_noun(span: Span) -> Token | None:
    """The noun a bare date closing its sentence after a comma names, when the parse hung the date on a verb whose
    clause already holds a date ("will play Denver on May 3, with Houston hosting the final show, May 10"): one clause
    has one time, so the second date is the noun's, set beside it."""
    doc = span.doc
    root = span.root
    if span.start < 2 or doc[span.start - 1].text != "," or root.dep_ not in {"npadvmod", "appos"}:
        return None
    if span.end < len(doc) and not doc[span.end].is_punct:
        return None
    verb, noun = root.head, doc[span.start - 2]
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i <= verb.i or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(word.ent_type_ == "DATE" and word.i < noun.i for word in verb.subtree):
        return None
    while noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"} and noun.head.head.i > verb.i:
        noun = noun.head.head  # up the phrase the comma closes: "the final show on the tour"
    return noun


def _misread_preposition(span: Span) -> Token | None:
    """A preposition of sequence the parse took for the conjunction of the clause after it, making the date that
    is its object that clause's subject ("held since 2016 were released Tuesday": no 2016 was released); the date
    then bounds the clause before it."""
    root = span.root
    if span.start == 0 or root.dep_ not in SUBJECT_DEPS:
        return None
    mark = span.doc[span.start - 1]
    verb = root.head
    if mark.dep_ != "mark" or mark.lower_ not in _SEQUENCE_PREPOSITIONS | {"before"} or mark.head != verb:
        return None
    # A clause a conjunction opens may have a date for subject ("since May was the busiest month, ..."); a
    # plural verb does not agree with one, and a clause describing a noun ("held") ends at its preposition.
    plural = verb.tag_ == "VBP" or any(
        child.dep_ in {"aux", "auxpass"} and child.lower_ in {"are", "were"} for child in verb.children
    )
    describing = verb.head.dep_ in {"relcl", "acl"} and verb.head.i < mark.i
    return mark if plural or describing else None


def _fronted_clause(span: Span, verb: Token) -> Token | None:
    """The verb of an opening subordinate clause the date closes, when the parser hung the date on the main
    verb instead: in "Since the firm last raised prices in November, it has had months", the main clause begins
    after the comma, so the date before it belongs to the clause that "since" opens."""
    if verb.i < span.end or verb.pos_ not in {"VERB", "AUX"}:
        return None
    doc = span.doc
    first = span.start - 1 if span.start > 0 and doc[span.start - 1].pos_ == "ADP" else span.start
    if not any(token.text == "," for token in doc[span.end : verb.i]):
        return None
    for clause in verb.children:
        marked = any(child.dep_ == "mark" for child in clause.children)
        if clause.dep_ == "advcl" and marked and clause.i < first:
            between = doc[clause.right_edge.i + 1 : first]
            if all(token.is_punct for token in between):
                return clause
    return None


def _governing_verb(span: Span) -> Token | None:
    if _apposed_noun(span) is not None:  # the noun's time is told in the tense of the clause the date closes
        return span.root.head
    start = _attachment(span)
    for token in [start, *start.ancestors]:
        if token.pos_ in {"VERB", "AUX"} and not (span.start <= token.i < span.end):
            return token
    return None


def _tense(span: Span, text: str) -> Tense:
    """Past, future or unknown, from the verb the date hangs on: its tag and its auxiliaries. A date set
    ahead ("ahead of November's elections") is future; the tense of a verb of scheduling ("has scheduled a
    May 17 hearing"), or of one acting on a time limit ("has given them a May 10 deadline"), dates that act,
    not the date it names, so it leaves the tense unknown. ``text`` is the document's text (spaCy rebuilds
    ``doc.text`` from every token on each access)."""
    if _AHEAD_OF.search(text[max(0, span.start_char - 20) : span.start_char]):
        return "future"
    verb = _governing_verb(span)
    if verb is None:
        return "unknown"
    # A verb in the simple past keeps its own tense whatever governs it ("After the talks ended on Monday,
    # they will meet again"); any other looks up its chain of clauses for what lies ahead.
    for token in [] if _simple_past(verb) else [verb, *verb.ancestors][:4]:
        auxiliaries = {child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass"}}
        if token.lemma_.lower() in _FUTURE_GOVERNORS and token is not verb and _told_as_past(token):
            # Ahead of a past time ("was due to be released in September", "had planned to open it in May"):
            # that time may lie on either side of the anchor.
            return "unknown"
        if auxiliaries & _FUTURE_AUXILIARIES or token.lemma_.lower() in _FUTURE_GOVERNORS and token is not verb:
            return "future"
        if auxiliaries & _POSSIBILITY_MODALS and "have" not in auxiliaries:  # "may meet", not "may have met"
            return "future"
        # A verb joined to another shares its auxiliary: "will meet on Monday and sign on Friday"; so does a gerund
        # telling what the act is about ("will resume talks about returning on Monday"), not one of a charge or an
        # earlier act ("will be tried for stealing a car in March").
        if token.dep_ not in {"xcomp", "acl", "advcl", "relcl", "conj"} and not _gerund_of_topic(token):
            break
    if _is_to_be_done(verb):
        return "future"
    if verb.lemma_.lower() in _SCHEDULING_VERBS or _attachment(span).lemma_.lower() in _TIME_LIMIT_NOUNS:
        return "unknown"
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if _simple_past(verb) or auxiliaries & _PAST_AUXILIARIES or _done_thing(verb) or _told_after_past(verb):
        return "past"
    if _scheduled(verb, auxiliaries) or _timetable_day(span, verb, auxiliaries) or _deadline(span):
        return "future"
    return "unknown"


def _deadline(span: Span) -> bool:
    """Whether a date is a time something is to be done by ("The aim is a deal by Friday", "urged them to pass it by
    Friday"): told in no past tense, that lies ahead."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ == "by"


def _simple_past(verb: Token) -> bool:
    """Whether a verb is in the simple past: tagged so, or an "-ed" form the tagger took for a participle though it
    has a doer of its own and no auxiliary ("after the driver rear-ended a truck"), which no participle has."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = any(child.dep_ in {"aux", "auxpass"} for child in verb.children)
    return verb.tag_ == "VBN" and not auxiliaries and any(child.dep_ == "nsubj" for child in verb.children)


def _gerund_of_topic(token: Token) -> bool:
    """Whether a token is a gerund, or its preposition, telling what an act is about ("talks about returning"):
    not one of a charge, a cause or a sequence ("tried for stealing", "after meeting"), which tells another time."""
    preposition = token.head if token.dep_ == "pcomp" else token
    if preposition.dep_ != "prep" or preposition.pos_ != "ADP":
        return False
    if token.dep_ == "prep" and not any(child.dep_ == "pcomp" for child in token.children):
        return False
    return preposition.lower_ not in _CHARGE_PREPOSITIONS | _SEQUENCE_PREPOSITIONS | _EARLIER_EVENT_MARKS | {"before"}


def _scheduled(verb: Token, auxiliaries: set[str]) -> bool:
    """A relative clause in the simple present that a date ends ("the tour, which opens on May 3 and closes on
    June 9"): a timetable, which lies ahead; a main clause in the present may be a headline's past."""
    if auxiliaries or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    clause = verb.head if verb.dep_ == "conj" and verb.head.tag_ in {"VBZ", "VBP"} else verb
    return clause.dep_ == "relcl"


def _timetable_day(span: Span, verb: Token, auxiliaries: set[str]) -> bool:
    """A weekday on a main verb in the simple present ("The fair opens to visitors on Friday", "The first match is
    Saturday"): a timetable, which lies ahead. Not in a headline, whose present tells what happened ("Shares fall
    on Monday", no full stop), nor on a verb of saying ("the minister says Friday"), whose present is now."""
    if auxiliaries or verb.tag_ not in {"VBZ", "VBP"} or verb.dep_ != "ROOT" or _attachment(span) != verb:
        return False
    if not _BARE_WEEKDAY.match(_normalised(span.text)) or verb.lemma_.lower() in SPEECH_VERBS:
        return False
    return span.sent.text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))


def _done_thing(verb: Token) -> bool:
    """A participle that tells what was done to a thing ("a survey conducted in March", "Published in May,
    the report ..."): passive and complete, so in the past, whatever the tense of the sentence around it. Not
    one that tells what lies ahead ("a vote expected in March"), since those verbs look forward."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"acl", "advcl"} or verb.lemma_.lower() in _FUTURE_GOVERNORS:
        return False
    return not any(child.dep_ in {"aux", "auxpass", "mark"} for child in verb.children)


def _told_as_past(token: Token) -> bool:
    """The word is in a past tense: its own ("planned"), its auxiliary's ("was expected", "had planned"), an adverb's
    of former time ("once expected") or, for a predicate adjective, its verb's ("was due")."""
    if token.tag_ == "VBD":
        return True
    if any(child.dep_ == "advmod" and child.lower_ in _FORMER_TIME_ADVERBS for child in token.children):
        return True
    if any(child.dep_ in {"aux", "auxpass", "cop"} and child.tag_ == "VBD" for child in token.children):
        return True
    return token.dep_ == "acomp" and token.head.tag_ == "VBD"


def _told_after_past(verb: Token) -> bool:
    """Whether a verb tells an act its clause sets in the past though its own form has no tense: a gerund, or an
    infinitive completing one, that a past verb's preposition takes ("pleaded guilty to threatening to burn the office
    in March": the threat came before the plea), or a verb with a clause in the past telling what it followed
    ("decided to reopen the case in May after the witness was found")."""
    earlier = [child for child in verb.children if child.dep_ == "advcl"]
    if any(_past_clause(clause) and _marked(clause, _EARLIER_EVENT_MARKS) for clause in earlier):
        return True
    return _earlier_gerund(verb) is not None


def _earlier_gerund(verb: Token) -> Token | None:
    """The gerund a verb is or completes when a past verb's preposition takes it ("pleaded guilty to threatening to
    burn the office"): an act before that verb's, with a time of its own."""
    gerund = verb
    while gerund.dep_ == "xcomp" and gerund.head.pos_ in {"VERB", "AUX"}:
        gerund = gerund.head
    preposition = gerund.head
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or preposition.lower_ in {"before", "until", "till"}:
        return None
    governor = preposition.head
    return gerund if governor.tag_ == "VBD" and governor.lemma_.lower() not in _FUTURE_GOVERNORS else None


def _past_clause(verb: Token) -> bool:
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBD" or bool(auxiliaries & _PAST_AUXILIARIES)


def _marked(clause: Token, marks: set[str]) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in marks for child in clause.children)


def _is_to_be_done(verb: Token) -> bool:
    """An arrangement ("is to meet", "are to sign") or a thing to be done ("the measures to be voted Thursday"), which
    lies ahead. Not the first or only one to do a thing ("the first woman to win the race in 1990"), which is done."""
    head = verb.head
    infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
    if infinitive and verb.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
        ranked = any(child.ent_type_ == "ORDINAL" or child.tag_ == "JJS" or child.lower_ in {"only", "last"}
                     for child in head.children)  # fmt: skip
        return not ranked
    infinitive = verb.dep_ == "xcomp" and any(child.lower_ == "to" for child in verb.children)
    return infinitive and head.lemma_ == "be" and head.tag_ in {"VBZ", "VBP"}


def _event_head(span: Span) -> Token:
    """The word the date modifies: a verb ("met on Thursday") or a noun ("the call on Thursday")."""
    token = _attachment(span)
    clause = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if clause is not None and _own_participle_clause(clause):
        return clause
    while (
        token.pos_ in {"VERB", "AUX"}
        and token.dep_ in {"xcomp", "acl", "relcl", "csubj"}
        and not _subject(token)
        and not _predicate_of_noun(token)
    ):
        if _doing_agent(token) and not _bound(span):
            # "abducted by gunmen wearing uniforms in May": the doer is told as doing it, so the date is the act's;
            # not a period the doer's doing fills ("conducted by a firm tracking prices since 2015").
            return token.head.head.head
        token = token.head
    if (
        token.tag_ in {"VBN", "VBD"}
        and token.dep_ in {"advcl", "acl"}
        and not _subject(token)
        and not _predicate_of_noun(token)
    ):
        # A reduced relative ("the summit in Alaska, held two months ago") dates the noun before it.
        return next((t for t in reversed(token.doc[token.sent.start : token.i]) if t.pos_ == "NOUN"), token)
    return token


def _doing_agent(participle: Token) -> bool:
    """Whether a present participle describes the doer a passive names ("was abducted by gunmen wearing uniforms"):
    what the doer is told doing then is the act itself, at its time."""
    noun = participle.head
    return participle.dep_ == "acl" and participle.tag_ == "VBG" and noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _opening_time(participle: Token, span: Span) -> bool:
    """Whether a participle of beginning with the date alone sets the time something starts ("plans to cut jobs
    beginning this week", "prices rise starting Monday"): a preposition in all but name, which the parse may hang
    on the noun before it; when that noun is what the clause acts on, the clause's act is what starts."""
    if participle.tag_ != "VBG" or participle.lemma_.lower() not in _BEGINNING_VERBS:
        return False
    date = set(range(span.start, span.end)) | ({span.root.head.i} if span.root.dep_ == "pobj" else set())
    return all(token.i in date for child in participle.children for token in child.subtree)


def _acted_on(word: Token) -> bool:
    """Whether a word is a verb or what its clause acts on: its subject or object, or a noun of one ("thousands
    of jobs"); not a noun in a phrase of its own ("ready for missions starting in 2021")."""
    while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        word = word.head.head
    return word.pos_ in {"VERB", "AUX"} or word.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _own_participle_clause(verb: Token) -> bool:
    """Whether a participle with no subject tells an event apart from its main clause's: one a preposition of
    sequence opens ("after opening its first store in May, the chain has ...", "..., before spreading to every
    branch in 2016"), which the main clause follows or precedes, a perfect one ("having left in May"), one in
    brackets after its main clause ("(co-hosting it in 2003)"), or a passive
    with its agent set off after the main clause ("Sales began with laptops in January, followed by phones in
    March"), which tells what came next. Not one that opens the sentence on its own ("Discussing the plan in an
    interview, the mayor said"): that is the main clause's time."""
    if verb.pos_ not in {"VERB", "AUX"} or _subject(verb) is not None:
        return False
    if verb.dep_ == "pcomp":
        return verb.head.lower_ in _SEQUENCE_PREPOSITIONS | {"before"}
    if verb.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "having" for child in verb.children):
        return True  # "..., having left the club in May": the perfect sets its act before its main clause's
    if verb.dep_ == "advcl" and verb.head.i < verb.i and _bracketed(verb):
        return True  # "fronted the show in 2001 (co-hosting it in 2003)": an aside tells another act
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and _set_off(verb)
        and any(child.dep_ == "agent" for child in verb.children)
    )


def _bracketed(clause: Token) -> bool:
    """Whether a clause stands in brackets: an opening one right before it, a closing one right after it. The parse
    may cut a word joined by a hyphen off its first word ("(co-hosting it)")."""
    doc = clause.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    while first > 0 and (doc[first - 1].text == "-" or doc[first].text == "-" and not doc[first - 1].whitespace_):
        first -= 1
    opened = first > 0 and doc[first - 1].text == "(" or doc[first].text == "("
    return opened and (last + 1 < len(doc) and doc[last + 1].text == ")" or doc[last].text == ")")


def _predicate_of_noun(verb: Token) -> bool:
    """Whether a verb the parse hung on a noun as a clause describing it is the noun's own predicate: one in the
    past tense, not a participle, or one that says something ("The agency, which ..., confirmed on Monday that
    ..."), which no reduced relative does."""
    if verb.dep_ != "acl" or verb.head.pos_ not in {"NOUN", "PROPN"} or verb.head.i > verb.i:
        return False
    return verb.tag_ == "VBD" or any(child.dep_ == "ccomp" for child in verb.children)


def _says_more(verb: Token, date_words: set[int]) -> bool:
    """Whether a verb has a complement besides the date: "was a farce on Friday", not "was on Friday"."""
    return any(
        (child.dep_ in _OBJECT_PARTS | {"prep"} or _place_of_copula(child)) and not _holds(child, date_words)
        for child in verb.children
    )


def _place_of_copula(word: Token) -> bool:
    """Whether a word is the place a copula puts its subject in ("was away on leave", "were back in training")."""
    return word.dep_ == "advmod" and word.head.lemma_ == "be" and word.i > word.head.i and word.lower_ in _PLACE_ADVERBS


def _describes_noun(participle: Token) -> bool:
    """Whether a participle tells what was done to the noun it follows ("the contract signed on Friday")."""
    noun = participle.head
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and noun.pos_ in {"NOUN", "PROPN"}
        and noun.i < participle.i
    )


def _when_clause(span: Span) -> Token | None:
    """The verb of a "when" clause that tells what happened at a date the sentence counts from or to ("Since 1989,
    when the army crushed the protests, the party has ..."), or at one a clause that tells nothing but a time
    stands on ("The last time a local won it was in 1987, when a singer took the prize", "as it did in 1992 when
    ..."): the main clause tells of a time after or before it, or of no event."""
    preposition = span.root.head
    if span.root.dep_ != "pobj":
        return None
    if preposition.lower_ not in _SEQUENCE_PREPOSITIONS and preposition.head.lemma_ not in _EMPTY_VERBS:
        return None
    doc = span.doc
    opening = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
    if opening >= len(doc) or doc[opening].lower_ != "when" or doc[opening].dep_ != "advmod":
        return None
    verb = doc[opening].head
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.dep_ in {"advcl", "relcl"} else None


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)


def _event_phrase(span: Span, max_words: int, head: Token | None = None) -> str:
    """The event the date belongs to, in the article's words, without the date itself; ``head`` is the word
    of that event when the caller knows it better than the parse's attachment does.

    A verb gives its clause: who did what to whom ("the mayor told the council that ..."); a relative clause
    with a subject of its own keeps the noun it tells of ("the bridge that the city opened"). A noun a day or
    month names ("their March 30 talks", "a Thursday interview") gives the clause it is subject or object of,
    or the clause it is the time of ("during their March 30 talks, X told Y ..."), date and all, since cut
    out of the noun's phrase the date leaves scraps ("a interview"); a noun set ahead of or after its clause
    ("ahead of November's elections"), or the subject of a clause that says what it is or does now ("Tuesday's
    ruling leaves the law in place"), is its own event, with its date when it says too little alone ("Thursday's
    fight"). A noun the date follows ("the call with the minister on Friday") gives its phrase when that phrase
    says what the thing was, as does one a participle with the date describes ("the contract signed on Friday")
    or one a clause counts from ("since its launch in 2016"); a bare one, a name, subject or object the parse
    hung the date on give their clause. A "when" clause after a date the sentence counts from ("Since 1989,
    when the army crushed the protests, ...") tells that date's event.
    """
    root = _date_root(span)
    date_words = _date_tokens(span, root)
    drop = set(date_words)
    head, named = _event_word(span, root, head)
    deadline = _time_given(root, head)
    if deadline or _told_of(span, root, head):
        drop -= date_words
    if not deadline:
        # The date's own preposition on the head ("met on Friday"), not the agent whose phrase holds it ("followed by
        # phones in March").
        drop |= {
            token.i
            for token in span.root.ancestors
            if token.pos_ == "ADP"
            and token.head.i == head.i
            and token.dep_ != "agent"
            and not _stranded(token)
            and not _particle_before_day(token)
        }
    kept = set() if deadline else date_words
    words = _without_loose_ends(_phrase_words(head, named, root, drop, kept, max_words), date_words)
    text = _joined(words).strip(",;:–—- ")
    if len(re.findall(r"\w{2,}", text)) >= _MIN_EVENT_WORDS and len(text.split()) > max_words:
        text = _with_its_speaker(words, max_words) or text
    if len(re.findall(r"\w{2,}", text)) < _MIN_EVENT_WORDS:
        # The parse gave no usable phrase ("'s", "evening"): the sentence says what happened. Whole, since cut out
        # of it the date leaves scraps ("Friday's lawsuit": "'s lawsuit"; "on Thursday night": "on night").
        text = sentence_of(span[0])[1].strip()
    cut = text.split()
    return " ".join(cut[:max_words]) + (" …" if len(cut) > max_words else "")


def _time_given(root: Token, head: Token) -> bool:
    """Whether the date is the time limit "have" gives an act ("had until May 1 to submit proposals"): without it the
    clause tells an obligation ("had to submit"), so the date stays in the event."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in {"until", "till", "by"} or preposition.head.i != head.i:
        return False
    infinitives = [child for child in head.children if child.dep_ in {"xcomp", "advcl"} and child.i > preposition.i]
    act = any(part.lower_ == "to" for child in infinitives for part in child.lefts)
    return head.lemma_.lower() == "have" and act


def _told_of(span: Span, root: Token, head: Token) -> bool:
    """Whether the date is what its clause tells of, its subject with something said of it ("Next year will be about
    growth"): without the date that clause has no subject. Not a time that merely comes ("when May rolls around"),
    which tells no event: the sentence does."""
    while root.dep_ == "conj" and root.head.ent_type_ == "DATE":  # one of dates joined as the subject: "2021 and 2022"
        root = root.head
    if root.dep_ not in SUBJECT_DEPS or head.i not in {root.i, root.head.i} or _misread_preposition(span) is not None:
        return False
    return any(child.dep_ in _OBJECT_PARTS | {"prep"} for child in root.head.children)


def _event_word(span: Span, root: Token, head: Token | None) -> tuple[Token, Token | None]:
    """The word of the date's event (``head`` when the caller knows it), and the noun the date names if that is
    it ("conversation" in "their March 30 conversation")."""
    named = _named_noun(span, root) if head is None else None
    return head or named or _when_clause(span) or _event_head(span), named


def _dated_lemma(span: Span, head: Token | None) -> str:
    """The lemma ``DateMention.head`` keeps: of the event's word, or of the subject a bare copula dates ("the vote
    was on Friday": the vote)."""
    root = _date_root(span)
    word, _ = _event_word(span, root, head)
    date_words = _date_tokens(span, root)
    while word.i in date_words and word.head.i != word.i:  # "answered Monday afternoon": the time noun is the date's
        word = word.head
    subject = _subject(word)
    if word.lemma_ == "be" and subject is not None and not _says_more(word, date_words):
        word = subject
    return word.lemma_.lower()


def _bound(span: Span) -> str:
    """The preposition or participle of beginning that makes the date a bound of a period ("since Monday",
    "beginning March 3"), or empty when the date is the time of its event ("on Monday")."""
    first = span[0].lower_
    if first in _BOUND_PREPOSITIONS:  # the recogniser took the preposition into the date: "since last May"
        return first
    root = _date_root(span)
    preposition = root.head if root.dep_ == "pobj" else _misread_preposition(span)
    if preposition is not None and preposition.lower_ in _BOUND_PREPOSITIONS:
        return preposition.lower_
    participle = next((word for word in (root.head, root.head.head) if _opening_time(word, span)), None)
    return participle.lemma_.lower() if participle is not None else ""


def _with_its_speaker(words: list[Token], max_words: int) -> str | None:
    """A quote with its speaker after it ("'...,' the mayor said") cut short in the quote, not before the
    speaker: "'The plan will ... work,' the mayor said" reads "'The plan will …' the mayor said"."""
    if not words[0].is_quote:
        return None
    closing = next((k for k in range(len(words) - 1, 0, -1) if words[k].is_quote), 0)
    speaker = _joined(words[closing:])
    budget = max_words - len(speaker.split())
    if closing < 2 or budget < _MIN_QUOTE_WORDS:
        return None
    quoted = _joined(words[:closing]).rstrip(",;: ").split()
    return " ".join(quoted[:budget]) + " …" + speaker


def _phrase_words(
    head: Token, named: Token | None, root: Token, drop: set[int], date_words: set[int], max_words: int
) -> list[Token]:
    """The words of ``_event_phrase``: of the clause of ``head`` or of the noun phrase it heads."""
    subject = _subject(head)
    participle = _misread_participle(root, head)
    if participle is not None and subject is not None:
        told = {*(token.i for token in participle.subtree), head.i} - drop
        words = {*_noun_words(subject, drop, joined=True, brief=True), *_words(head.doc, told)}
        return sorted(words, key=lambda token: token.i)
    if (
        head.lemma_ == "be"
        and subject is not None
        and subject.pos_ in {"NOUN", "PROPN"}
        and not _says_more(head, date_words)
    ):
        return _noun_words(subject, drop)  # "The vote was on Friday": the vote is the event
    if head.pos_ in {"VERB", "AUX"} or _sharing_verb(head) is not None:
        verb, within = _completed_clause(head)
        return _clause_words(verb, drop, date_words, max_words, within)
    verb = _clause_verb(head)
    if named is not None and _in_its_clause(named) and not _timed_apart(named, verb, drop):
        drop -= set(range(named.left_edge.i, named.i))
        # "Among the findings is a May 3 meeting in which ...", "Tuesday's ruling leaves the law in place": the noun.
        if verb is None or verb.lemma_ == "be" or _states_now(named):
            return _noun_words(named, drop)
        # The time the clause tells of stays in it, since it is the event: "X told Y during their May 3 call that".
        within = named.head if named.dep_ == "pobj" and named.head.head == verb else None
        return _clause_words(verb, drop, date_words, max_words, within)
    if named is not None:
        # Without its article or possessive pronoun ("their conversation"); a possessor named or a noun ("the first
        # film's opening") says whose it was.
        unnamed = {
            token.i for token in named.lefts if token.dep_ == "det" or token.dep_ == "poss" and token.pos_ == "PRON"
        }
        bare = _noun_words(named, drop | unnamed)
        # A common noun that says too little alone keeps the date that names it: "Thursday's fight", not "fight".
        if _word_count(bare) >= _MIN_EVENT_WORDS or named.pos_ != "NOUN":
            return bare
        return _noun_words(named, drop - date_words)
    if verb is not None and _needs_its_clause(head, root, drop):
        if head.dep_ == "conj" and head.head.i == verb.i and head.pos_ == "NOUN":
            # A verb's second object told with a date of its own ("won the title in 2001 and the cup in 2005"), the
            # verb left out: that verb with this object alone.
            told = _clause_words(verb, drop | set(range(verb.i + 1, head.left_edge.i)), date_words, max_words)
            return sorted({*told, *_noun_words(head, drop)}, key=lambda token: token.i)
        return _clause_words(verb, drop, date_words, max_words)
    if any(_describes_noun(child) and _holds(child, drop) and not _set_off(child) for child in head.children):
        # What was done to a thing in a phrase ("an increase in tariffs planned for May"): the whole phrase.
        while (
            head.dep_ == "pobj"
            and head.head.dep_ == "prep"
            and head.head.head.pos_ in {"NOUN", "PROPN"}
            and not _opens_examples(head.head)
        ):
            head = head.head.head
    plain = _noun_words(head, drop)
    # A noun with nothing after it to say what it was ("the files, sent to the board on Friday") keeps the aside
    # that tells it along with the date.
    return plain if any(token.i > head.i for token in plain) else _noun_words(head, drop, dated=date_words)


def _misread_participle(root: Token, head: Token) -> Token | None:
    """The participle of a passive the parse hung on the date set between it and its "was", or on the "was" as a
    clause of its own ("was last night named by police", "were this morning called in"): a day takes no such
    clause, so it is the verb of the event."""
    if head.lemma_ != "be" or root.head.i != head.i or root.i + 1 >= len(root.doc):
        return None
    after = root.doc[root.i + 1]
    hung = (after.dep_ == "acl" and after.head.i == root.i) or (after.dep_ == "advcl" and after.head.i == head.i)
    return after if hung and after.tag_ == "VBN" else None


def _completed_clause(verb: Token) -> tuple[Token, Token | None]:
    """The verb whose clause tells the event of ``verb``, and its dependent holding ``verb`` if that is another:
    a verb with no subject that completes another ("asked for time to review it on Monday") is part of that
    one's clause."""
    if (
        _clause_subject(verb)[0] is not None
        or verb.dep_ not in {"xcomp", "advcl", "pcomp", "acl", "relcl"}
        or _own_participle_clause(verb)
    ):
        return verb, None
    earlier = _earlier_gerund(verb)
    if earlier is not None and earlier.head.lower_ in _CHARGE_PREPOSITIONS and not _pro_form(earlier):
        # "pleaded guilty to threatening to burn the office in March": the threat is the event; not the time or manner
        # of the past act ("typed notes upon leaving the building on May 3"), which is that act's.
        return earlier, None
    completed = _clause_verb(verb)
    if completed is None or _clause_subject(completed)[0] is None:
        return verb, None
    return completed, next((child for child in completed.children if verb in child.subtree), None)


def _pro_form(verb: Token) -> bool:
    """Whether a verb is "do" standing for an act told before it ("won a prize for doing so in 2005"): it tells no
    act of its own, so its time is that of the clause it completes."""
    return verb.lemma_.lower() == "do" and any(child.lower_ in {"so", "it", "this", "that"} for child in verb.children)


def _date_root(span: Span) -> Token:
    """The date's root, or the time noun it is part of: "evening" in "Friday evening" is still the date."""
    root = span.root
    while (
        root.dep_ in _NAMING_DEPS
        and root.head.i >= span.end
        and root.head.pos_ == "NOUN"
        and root.head.lower_ in _TIME_NOUNS
    ):
        root = root.head
    return root


def _date_tokens(span: Span, root: Token) -> set[int]:
    """The date's words with its time noun, its own preposition ("on", "in"), its possessive ("November's")
    and a "(local time)" after it."""
    drop = set(range(span.start, max(span.end, root.i + 1)))
    if root.dep_ == "pobj" and not _particle_before_day(root.head):
        drop.add(root.head.i)
        preposition = root.head
        if preposition.dep_ == "prep" and preposition.head.pos_ == "ADP" and preposition.head.i == preposition.i - 1:
            drop.add(preposition.head.i)  # a preposition of two words: "as of today", "up until May"
    mark = _misread_preposition(span)
    if mark is not None:
        drop.add(mark.i)
    drop |= _clock_words(span, max(span.end, root.i + 1))
    drop |= _joined_dates(root)
    drop.update(token.i for token in (root.head, root.head.head) if _opening_time(token, span))
    end = max(span.end, root.i + 1)
    if end < len(span.doc) and span.doc[end].tag_ == "POS":
        drop.add(end)
    after = [token.lower_ for token in span.doc[end : end + 4]]
    for told in (["local", "time"], ["(", "local", "time", ")"]):
        if after[: len(told)] == told:
            drop.update(range(end, end + len(told)))
    return drop


def _clock_words(span: Span, end: int) -> set[int]:
    """The time of day before the date (``_clock_before``) with its preposition and the adverb on that ("shortly
    after 3: 30 a. m. Tuesday"), or the one set off after it ("Early Friday, around 1: 30 a. m., the singer ...";
    ``end`` is where the date's words end): one time with the date, which the event phrase does not tell."""
    clock = _clock_before(span)
    if clock is None:
        return _clock_after(span.doc, end)
    words = set(range(clock.start, clock.end))
    preposition = clock.root.head
    if clock.root.dep_ == "pobj" and preposition.i == clock.start - 1:
        words.add(preposition.i)
        words.update(child.i for child in preposition.lefts if child.dep_ == "advmod")
    return words


def _clock_after(doc: Doc, end: int) -> set[int]:
    """The words of a time of day set off by commas right after a date, with the words placing it ("Early Friday,
    around 1: 30 a. m., ..."), which the parse may take for the clause's subject; empty when there is none."""
    if end >= len(doc) or doc[end].text != ",":
        return set()
    start = position = end + 1
    while position < len(doc) and doc[position].lower_ in _CLOCK_LEADS:
        position += 1
    hour = position
    if hour + 2 < len(doc) and doc[hour + 1].text == ":" and _CLOCK_MINUTES.fullmatch(doc[hour + 2].text):
        position = hour + 3 if _CLOCK_HOUR.fullmatch(doc[hour].text) else hour
    elif hour < len(doc) and _CLOCK_READING.fullmatch(doc[hour].text):
        position = hour + 1
    if position == hour:
        return set()
    if position + 1 < len(doc) and doc[position].lower_ in {"a.", "p."} and doc[position + 1].lower_ == "m.":
        position += 2
    elif position < len(doc) and _MERIDIEM.fullmatch(doc[position].text):
        position += 1
    if position < len(doc) and doc[position].text != ",":
        return set()
    return set(range(start, position + 1))


def _joined_dates(root: Token) -> set[int]:
    """The dates joined to the date by a conjunction ("2021 and 2022", "May or June"), with the conjunction: one
    time with it, which its event phrase does not tell as a thing."""
    first = root
    while first.dep_ == "conj" and first.head.ent_type_ == "DATE":
        first = first.head
    members = [first, *(word for word in first.conjuncts if word.ent_type_ == "DATE")]
    if len(members) == 1:
        return set()
    doc = root.doc
    between = range(min(m.left_edge.i for m in members), max(m.right_edge.i for m in members) + 1)
    joined = {i for i in between if doc[i].ent_type_ == "DATE" or doc[i].dep_ == "cc" or doc[i].is_punct}
    return joined | ({first.head.i} if first.dep_ == "pobj" else set())  # their preposition: "in 2015 and 2016"


def _named_noun(span: Span, root: Token) -> Token | None:
    """The noun a day or month written before it dates ("conversation" in "their March 30 conversation"); not
    one a year names ("the 2016 election": a thing, see ``_named_thing``)."""
    noun = root.head
    if root.dep_ not in _NAMING_DEPS or noun.i < span.end or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if _YEAR.fullmatch(span.text.strip()):
        return None
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


def _in_its_clause(noun: Token) -> bool:
    """Whether what the noun's clause tells happened at the noun's time: the noun is its subject or object, or
    the time within which it happened ("during their call, X told Y"); not a time before or after it."""
    if noun.dep_ == "pobj":
        return noun.head.lower_ in _WITHIN_PREPOSITIONS
    return noun.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}


def _timed_apart(noun: Token, verb: Token | None, drop: set[int]) -> bool:
    """Whether the clause a dated noun stands in is timed by a date of its own outside the noun's phrase ("was found
    guilty last month of murder in the March 2005 rampage"): one clause has one time, so the noun's date is the
    noun's alone and the clause is no event of that time. Only a date on the verb times it, not one naming a thing
    of the clause ("announced the 30-date tour")."""
    if verb is None:
        return False
    own = {token.i for token in noun.subtree} | drop
    for child in verb.children:
        time = child if child.dep_ in {"npadvmod", "advmod"} else None
        if child.dep_ == "prep":
            time = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
        if time is not None and time.ent_type_ == "DATE" and time.i not in own:
            return True
    return False


def _states_now(noun: Token, copula_only: bool = False) -> bool:
    """Whether the noun is the subject of a clause that says what the thing is, will be or does now, not what
    it did: a copula ("Monday's hearing was a farce"), or, unless ``copula_only``, a modal or a verb in the present
    ("Friday's vote may settle it", "Tuesday's ruling leaves the law in place"). Such a clause is a view of the
    dated thing, which is the event; one in the past ("Friday's vote ended the strike") tells what happened at
    its time."""
    verb = noun.head
    if noun.dep_ not in SUBJECT_DEPS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_ == "be":
        return True
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if copula_only or {child.lower_ for child in auxiliaries} & _PAST_AUXILIARIES:
        return False
    return verb.tag_ in {"VBZ", "VBP"} or any(child.tag_ == "MD" for child in auxiliaries)


def _word_count(words: list[Token]) -> int:
    return len(re.findall(r"\w{2,}", _joined(words)))


def _needs_its_clause(noun: Token, root: Token, drop: set[int]) -> bool:
    """Whether a noun the date follows says too little alone: a bare noun ("the complaint on Friday"), a name,
    subject or object the parse hung the date on ("X on Friday noted", "sued X, Y and Z on Friday"), or the time
    within which a clause happened ("told a judge during a hearing Thursday"). Not one a
    participle holding the date describes, one a clause counts from, nor the subject of a copula."""
    if root.i < noun.i:  # a year naming it ("the 2016 election"): the thing is the event
        return False
    if any(_describes_noun(child) and _holds(child, drop) for child in noun.children):
        return False  # what was done to it at that time ("the contract signed on Friday") is the event
    if noun.dep_ == "pobj" and noun.head.lower_ in _SEQUENCE_PREPOSITIONS:
        return False  # "has grown since its launch in 2016": the clause counts from the thing's time
    if _states_now(noun, copula_only=True):
        return False  # "the vote on Friday was a farce": what the thing is, not a thing done
    within = noun.head.lower_ in _WITHIN_PREPOSITIONS - {"in", "at"}
    if noun.dep_ == "pobj" and within and noun.head.head.pos_ == "VERB":
        return True  # "told a judge during a hearing Thursday that ...": the hearing is when the clause happened
    # What defines the noun: a phrase after it, or a possessor; a clause on it that tells more than the date.
    defining = [
        child
        for child in noun.children
        if child.dep_ in {"prep", "acl", "relcl", "poss"} and child.i not in drop and len(_left(child, drop)) > 1
    ]
    if not defining:
        return True
    direct = root.head.i == noun.i or (root.dep_ == "pobj" and root.head.head.i == noun.i)
    listed = noun
    while listed.dep_ == "conj":  # one of a list ("X, Y and Z") plays the list's part
        listed = listed.head
    if _clause_dated_apart(noun, drop):
        return False  # "the plant's opening in May 2006 doubled output by 2009": one clause has one time, the other's
    return direct and (noun.pos_ == "PROPN" or listed.dep_ in {"nsubj", "nsubjpass", "dobj"})


def _clause_dated_apart(noun: Token, drop: set[int]) -> bool:
    """Whether the clause a noun is subject of holds a date besides the noun's own (the ``drop`` words): the clause's
    time, so the noun's date is the noun's."""
    verb = noun.head
    if noun.dep_ not in SUBJECT_DEPS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    own = {token.i for token in noun.subtree} | drop
    return any(token.ent_type_ == "DATE" and token.i not in own for token in verb.subtree)


def _left(child: Token, drop: set[int]) -> list[Token]:
    """A dependent's words that are not dropped."""
    return [token for token in child.subtree if token.i not in drop and not token.is_punct]


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word is in; for a verb with no subject of its own that opens or completes
    another ("Discussing the plan in an interview, the mayor said ..."), that other one."""
    verb = next((ancestor for ancestor in token.ancestors if ancestor.pos_ in {"VERB", "AUX"}), None)
    while (
        verb is not None
        and _subject(verb) is None
        and verb.dep_ in {"xcomp", "advcl", "pcomp"}
        and verb.head.pos_ in {"VERB", "AUX"}
    ):
        verb = verb.head
    return verb


def _clause_words(
    verb: Token, drop: set[int], date_words: set[int], max_words: int, within: Token | None = None
) -> list[Token]:
    """The verb with its subject, auxiliaries and complements, and the phrase ``within`` if given, without
    ``drop``: who did what to whom. The phrase holding the date (``date_words``) and the subject leave no gap
    in it. Verbs sharing one object ("shot and wounded three people") are told together."""
    second = _sharing_verb(verb)
    if second is not None and second.i > verb.i:
        return _clause_words(second, drop, date_words, max_words)
    complements = [child for child in verb.children if child.dep_ in _CLAUSE_PARTS or child == within]
    complements += [child for child in verb.rights if child.dep_ == "ccomp"]
    if not any(child.dep_ in {"ccomp", "xcomp"} for child in complements):
        # What a verb of saying says may come first: "'The plan will work,' the mayor said".
        complements += [child for child in verb.lefts if child.dep_ == "ccomp" and _quoted(child)][-1:]
    particle = next((child for child in verb.rights if _particle_before_day(child)), None)
    prepositions = [
        child for child in verb.rights if child.dep_ == "prep" and child.i not in drop and child != particle
    ]
    if not any(child.dep_ in _OBJECT_PARTS and child.i not in drop for child in complements):
        # An intransitive verb's first preposition is its complement ("met with the minister"), as is that of a verb
        # whose object the parse took the date for ("concludes October 10 in Houston").
        complements += prepositions[:1]
        if verb.lemma_ == "be" and not prepositions:
            # A copula's place is its complement: "will be back at the table", not "will be".
            complements += [child for child in verb.rights if _place_of_copula(child) and not _holds(child, date_words)]
    complements += _adverb_complements(verb, drop)
    last = max((child.i for child in complements if child.i > verb.i), default=verb.i)
    # A preposition between the verb and its complement is part of the clause: "asked for time to review it".
    complements += [child for child in prepositions if child.i < last and not _holds(child, date_words)]
    predicate = {verb.i}
    for child in complements:
        if child.i not in drop:
            predicate.update(token.i for token in child.subtree)
            opening = child.left_edge.i - 1
            if child.dep_ == "ccomp" and child.i < verb.i and opening >= 0 and verb.doc[opening].is_quote:
                predicate.add(opening)
    for preposition in (child for child in verb.rights if _stranded(child)):
        # "which the firm had done away with": the preposition whose object the relative pronoun took, and the
        # adverb of the verb before it, are the verb's ("do away with"); what the parse hung on it is the date's.
        predicate.add(preposition.i)
        adverbs = (child for child in verb.children if child.dep_ == "advmod" and verb.i < child.i < preposition.i)
        predicate.update(adverb.i for adverb in adverbs)
    complement = _misread_complement(verb, date_words)
    if complement is not None:
        predicate.add(complement.i)
    if particle is not None:
        predicate.add(particle.i)
    if second is not None:
        predicate |= _first_of_shared(second.head)
    subject, own = _clause_subject(verb)
    if subject is not None and subject.i in drop:  # a time of day the parse took for the subject: the other one is
        subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS and child.i not in drop), None)
    subject = subject if subject is not None else _participle_subject(verb)
    skipped = drop | {token.i for child in verb.children if _holds(child, date_words) for token in child.subtree}
    skipped -= {complement.i} if complement is not None else set()
    if own and subject is not None:
        skipped |= {token.i for token in subject.subtree}
    run = _contiguous_around(_words(verb.doc, predicate - drop), verb.i, skipped)
    if subject is None or not run:
        return run
    # A long subject keeps its head and what names it, not the clauses and asides describing it.
    brief = len(_noun_words(subject, drop, joined=True)) > max_words // 2
    if own:
        subject_words = _noun_words(subject, drop, joined=True, brief=brief)
        return sorted({*run, *subject_words, *_antecedent(verb, drop)}, key=lambda token: token.i)
    return [*_noun_words(subject, drop, joined=True, brief=True), *run]


def _adverb_complements(verb: Token, drop: set[int]) -> list[Token]:
    """The adverbs after a verb that complete it like objects, with the phrase a place adverb opens: a rank ("finished
    third in the vote") or where the act puts its object ("put the show back on an even keel", "sent them home to
    their families"); without them the clause tells another act."""
    adverbs = [
        child
        for child in verb.rights
        if child.dep_ == "advmod"
        and child.i not in drop
        and (child.ent_type_ == "ORDINAL" or child.lower_ in _PLACE_ADVERBS)
        and not _back_in_time(child, drop)
    ]
    places = {adverb.i + 1 for adverb in adverbs if adverb.lower_ in _PLACE_ADVERBS}
    return adverbs + [
        child for child in verb.rights if child.dep_ == "prep" and child.i in places and not _holds(child, drop)
    ]


def _back_in_time(adverb: Token, drop: set[int]) -> bool:
    """Whether "back" goes with the date's "in" after it ("was screwing up back in 2015"): how long ago, not where."""
    doc = adverb.doc
    following = adverb.i + 1
    return adverb.lower_ == "back" and following in drop and following < len(doc) and doc[following].lower_ == "in"


def _misread_complement(verb: Token, date_words: set[int]) -> Token | None:
    """The adjective right after the verb that the parse hung on the day after it ("pleaded guilty Monday", "went
    public Wednesday"): a day takes no such adjective, so it completes the verb. Not a word of time ("arrived late
    Monday"), which is the date's."""
    if verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.dep_ != "amod" or word.pos_ != "ADJ" or word.i in date_words or word.head.i not in date_words:
        return None
    return None if word.lower_ in _TIME_ADJECTIVES else word


def _sharing_verb(verb: Token) -> Token | None:
    """The verb joined to ``verb`` by a bare "and" or "or" with which it shares its object and the rest of its clause
    ("shot and wounded three people", "were shot and wounded in the town"): the first of the two has no word of its
    own after it, the second no subject of its own and, when the date is the first's, no date of its own. The parse
    may take the first for a noun ("The sniper shot and killed two guards"), the root of its sentence."""
    first = verb.head if verb.dep_ == "conj" else verb
    second = verb if verb.dep_ == "conj" else next((child for child in verb.rights if child.dep_ == "conj"), None)
    if second is None or second.head != first or second.i != first.i + 2 or second.pos_ != "VERB":
        return None
    joining = first.doc[first.i + 1]
    if joining.dep_ != "cc" or joining.lower_ not in {"and", "or"} or _subject(second) is not None:
        return None
    if not (first.pos_ == "VERB" or first.pos_ == "NOUN" and first.dep_ == "ROOT" and second.tag_ == "VBD"):
        return None
    if any(child.i > first.i and child not in {joining, second} and not child.is_punct for child in first.children):
        return None
    if verb == first and any(token.ent_type_ == "DATE" for token in second.subtree):
        return None
    return second if verb == first else first


def _first_of_shared(first: Token) -> set[int]:
    """The words of the first of verbs sharing their clause (``_sharing_verb``) that the second's clause lacks: the
    verb, the "and", its auxiliaries and, for a verb the parse took for a noun, the subject it took for its words."""
    words = {first.i, first.i + 1}
    parts = {"aux", "auxpass", "neg"}
    if first.pos_ == "NOUN" and _subject(first) is None:
        parts |= {"det", "compound", "amod", "poss"}
    for child in first.lefts:
        if child.dep_ in parts:
            words.update(token.i for token in child.subtree)
    return words


def _particle_before_day(word: Token) -> bool:
    """Whether an "in" right after its verb, taking a day for object, is the verb's particle the parse read as the
    day's preposition ("checked in late Thursday night", "came in Monday"): a day, unlike a month or year, takes no
    "in", so the verb keeps it."""
    verb = word.head
    if word.lower_ != "in" or word.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} or verb.i != word.i - 1:
        return False
    day = [token for child in word.children if child.dep_ == "pobj" for token in child.subtree]
    if any(_MONTH_WORD.fullmatch(token.lower_) or _YEAR.fullmatch(token.text) for token in day):
        return False
    return any(token.lower_ in WEEKDAYS or _SAME_DAY.fullmatch(token.lower_) or token.lower_ == "yesterday"
               for token in day)  # fmt: skip


def _antecedent(verb: Token, drop: set[int]) -> list[Token]:
    """The noun a relative clause with a subject of its own tells of ("the bridge that the city opened", "a song
    it plans to release"; the parse may call it a clause describing the noun): without it the clause reads "that
    the city opened". Not a time ("by the time he arrived"), which the clause itself tells."""
    noun = verb.head
    if verb.dep_ not in {"relcl", "acl"} or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > verb.i:
        return []
    if noun.lower_ in _TIME_NOUNS or noun.lemma_.lower() in _CONTENT_NOUNS and _tells_content(verb, drop):
        return []
    return _noun_words(noun, drop, brief=True)


def _tells_content(verb: Token, drop: set[int]) -> bool:
    """Whether a clause on a noun is whole, so it tells the noun's content ("the claim he visited the plant"),
    not a relative clause the noun fills a gap of: it has no relative pronoun ("the claim that he repeated") and
    its last verb has a complement besides the ``drop`` words ("the news you need to know" has none). A content
    clause with an intransitive verb ("the fear the bridge would collapse") reads as relative: the noun stays."""
    if any(token.lower_ in _RELATIVE_PRONOUNS and token.dep_ != "mark" for token in verb.subtree):
        return False
    last = verb
    while (completing := next((child for child in last.children if child.dep_ == "xcomp"), None)) is not None:
        last = completing
    return any(
        child.dep_ in _OBJECT_PARTS | {"dative"}
        or child.dep_ == "prep" and any(grand.dep_ == "pobj" for grand in child.children)
        for child in last.children
        if not _holds(child, drop)
    )


def _opens_examples(preposition: Token) -> bool:
    """Whether a preposition opens examples of its noun: "including", "such as"."""
    return preposition.lower_ in _EXAMPLE_PREPOSITIONS or preposition.lower_ == "as" and any(
        child.lower_ == "such" for child in preposition.children
    )


def _quoted(clause: Token) -> bool:
    """Whether a clause is a quote: it opens with a quote mark, or one stands right before it."""
    first = clause.left_edge
    return first.is_quote or first.i > 0 and clause.doc[first.i - 1].is_quote


def _holds(child: Token, words: set[int]) -> bool:
    return any(token.i in words for token in child.subtree)


def _clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is its own: a relative pronoun stands for the noun it follows ("the
    envoy, who will meet ..."), a participle describing a noun has it for subject ("the files, sent on
    Friday"), and a verb joined to another by "and" shares that one's subject."""
    subject = _subject(verb)
    if subject is not None and _misread_date(subject) and verb.head.pos_ in {"VERB", "AUX"}:
        # The subject is a date the parse took from the preposition before it: the clause's subject is its head's.
        return _clause_subject(verb.head)[0], False
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return _nearest_conjunct(verb.head, verb), False
    if subject is not None:
        return subject, True
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.tag_ in {"VBN", "VBG", "VBD"}:
        return verb.head, False
    if verb.dep_ == "conj" and (verb.head.pos_ in {"VERB", "AUX"} or _sharing_verb(verb) is not None):
        return _clause_subject(_first_conjunct(verb))[0], False
    return None, False


def _participle_subject(verb: Token) -> Token | None:
    """The subject a participle with none of its own acts with: that of the verb whose preposition or clause takes
    it ("was jailed after assaulting a guard in 1999": the one jailed assaulted), through participles taking
    participles ("after being convicted for assaulting"). Without it the event is a fragment. Not a participle a
    noun's preposition takes ("the risk of flooding in May"), which is that noun's, nor a bare passive one ("Sales
    began with laptops, followed by phones in March"), whose thing acted on is another."""
    if verb.tag_ not in {"VBG", "VBN"} or _subject(verb) is not None:
        return None
    if verb.tag_ == "VBN" and not any(child.dep_ in {"aux", "auxpass"} for child in verb.children):
        return None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head
    elif verb.dep_ == "advcl":
        governor = verb.head
    else:
        return None
    if governor.pos_ not in {"VERB", "AUX"}:
        return None
    return _clause_subject(governor)[0] or _participle_subject(governor)


def _first_conjunct(verb: Token) -> Token:
    """The verb a joined verb shares its subject with: the one the parse joined it to, unless that one's form differs
    and a verb of the joined one's form stands between them, which the parse skipped ("will tour during the trek,
    which kicks off in June and concludes in October": what concludes is what kicks off, not what will tour)."""
    first = verb.head
    if verb.tag_ not in {"VBZ", "VBP", "VBD"} or first.tag_ == verb.tag_:
        return first
    between = verb.doc[first.i + 1 : verb.i]
    same_form = [word for word in between if word.tag_ == verb.tag_ and word.dep_ not in {"aux", "auxpass", "cop"}]
    return same_form[-1] if same_form else first


def _misread_date(word: Token) -> bool:
    """Whether the word is a date the parse made the subject of the clause a preposition before it seemed to open
    (see ``_misread_preposition``)."""
    phrase = word.doc[word.left_edge.i : word.right_edge.i + 1]
    return word.ent_type_ == "DATE" and _misread_preposition(phrase) is not None


def _nearest_conjunct(noun: Token, clause: Token) -> Token:
    """Of nouns joined by "and" ("X and Y, who ..."), the last before the clause, which the clause follows."""
    nearest = noun
    for conjunct in noun.conjuncts:
        if nearest.i < conjunct.i < clause.left_edge.i:
            nearest = conjunct
    return nearest


def _noun_words(
    noun: Token, drop: set[int], joined: bool = False, brief: bool = False, dated: set[int] | None = None
) -> list[Token]:
    """The noun with what defines it, without asides set off by commas or dashes (appositions, "who ..."
    clauses) unless one holds the ``dated`` words and tells more than them ("the files, sent to the board on
    Friday"); ``joined`` keeps the nouns joined to it ("X and Y" as a subject), ``brief`` leaves out every
    clause and apposition on it."""
    keep = {noun.i}
    for child in noun.children:
        if child.dep_ == "punct" and child.text in _SEPARATORS or child.dep_ in {"cc", "conj"} and not joined:
            continue
        # The date and its verb set off as an aside (", held on Friday"); one that follows the noun says what was
        # done to it ("the contract signed on Friday": "the contract signed").
        if _holds(child, drop) and len(_left(child, drop)) < 2 and (_set_off(child) or not _describes_noun(child)):
            continue
        told = dated is not None and _holds(child, dated) and len(_left(child, drop)) > 1
        if child.dep_ in {"appos", "relcl", "acl"} and (brief or _set_off(child) and not told):
            continue
        keep.update(token.i for token in child.subtree)
    return _contiguous_around(_words(noun.doc, keep - drop), noun.i, drop)


def _set_off(child: Token) -> bool:
    """Whether a dependent is an aside: a comma, dash or bracket right before it."""
    before = child.left_edge.i - 1
    return before >= 0 and child.doc[before].text in _SEPARATORS


def _words(doc: Doc, indices: set[int]) -> list[Token]:
    return [doc[i] for i in sorted(indices) if not doc[i].is_space]


def _without_loose_ends(words: list[Token], date_words: set[int]) -> list[Token]:
    """The words with the punctuation that stands between two of them ("the government, the campaign", also
    where the date stood between), up to the last word that can end a phrase: not one that opens what the
    phrase no longer holds ("and", "of")."""
    if not words:  # a date standing alone as its sentence's root ("Two years later, ...") leaves no words
        return []
    filled: list[Token] = []
    for word, following in zip(words, [*words[1:], None], strict=True):
        filled.append(word)
        between = word.doc[word.i + 1 : following.i] if following is not None else []
        if word.lower_ in {"a", "an"} and between and all(token.i in date_words for token in between):
            filled.extend(between)  # the article agrees with the date: without it "a 2018 analysis" reads "a analysis"
        elif all(token.is_punct or token.i in date_words for token in between):
            marks = [token for token in between if token.i not in date_words]
            if len(marks) > 1 and len(marks) < len(between) and all(mark.text in _SEPARATORS for mark in marks):
                marks = []  # marks setting off an aside of the date go with it: "the strike, starting May 4, closed"
            filled.extend(marks)
    filled = [word for word in filled if not _unpaired_quote(word, filled) and not _unopened_bracket(word, filled)]
    filled = _without_cut_report(filled)
    while (
        filled
        and not _particle(filled[-1])
        and not _particle_before_day(filled[-1])
        and not _stranded(filled[-1])
        and (filled[-1].pos_ in {"DET", "ADP", "CCONJ", "SCONJ", "PART"} or filled[-1].tag_ == "PRP$")
    ):
        filled.pop()
    return filled


def _without_cut_report(words: list[Token]) -> list[Token]:
    """The words without a closing verb of saying whose clause the parse cut after its subject, taking that for
    the verb's object ("a complaint alleging their rights | were violated"): what the verb says is lost, so the
    phrase ends before the verb."""
    if not words:
        return words
    last = words[-1]
    verb = last.head
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if last.dep_ != "dobj" or verb.lemma_.lower() not in SPEECH_VERBS or after is None:
        return words
    if after.pos_ not in {"AUX", "VERB"} or after.head.i == verb.i:
        return words
    return [word for word in words if word.i < verb.left_edge.i]


def _unpaired_quote(word: Token, words: list[Token]) -> bool:
    """Whether a closing quote mark comes before any opening one in the phrase ('the deal" announced', the end of
    a quoted name): its quote lies outside. An opening one whose quote runs past the phrase still tells a quote."""
    if not word.is_quote or word.text in {"'", "’", "‘"} or not (word.tag_ == "''" or word.text == "”"):
        return False
    return not any(other.is_quote and other.i < word.i and other.text not in {"'", "’", "‘"} for other in words)


def _unopened_bracket(word: Token, words: list[Token]) -> bool:
    """Whether a closing bracket has no opening one before it in the phrase ("[the firm] said", cut after "["): the
    bracket's aside began outside the phrase."""
    pairs = {")": "(", "]": "["}
    if word.text not in pairs:
        return False
    return not any(other.text == pairs[word.text] and other.i < word.i for other in words)


def _particle(word: Token) -> bool:
    """Whether a word is a verb's particle, which ends its phrase ("sold off", "handed over"): not one of a bare
    verb with no subject or auxiliary, which is as likely a noun the parse took for a verb ("a report out Friday")."""
    verb = word.head
    if word.dep_ != "prt" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.tag_ != "VB" or any(child.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for child in verb.children)


def _stranded(word: Token) -> bool:
    """Whether a word is a preposition of a relative clause's verb whose object is the relative pronoun before it
    ("the rule that the board relied on", "the fee, which the city did away with"): it ends its phrase, which means
    another thing without it. The parse may give it a time adverb after it for object ("with back in 2015")."""
    verb = word.head
    if word.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} or word.i < verb.i:
        return False
    objects = [child for child in word.children if child.dep_ in {"pobj", "pcomp"}]
    if any(child.i < word.i and child.lower_ in _RELATIVE_PRONOUNS for child in objects):
        return True
    relative = verb.dep_ == "relcl" and any(child.lower_ in _RELATIVE_PRONOUNS for child in verb.children)
    return relative and all(child.i > word.i and child.pos_ == "ADV" and not child.ent_type_ for child in objects)


def _joined(words: list[Token]) -> str:
    """The words as the article spaces them, even where a dropped word (a quote mark) held the space; a comma
    or full stop keeps to the word before it, as where the date stood before it ("After the talks in May,")."""
    if not words:
        return ""
    parts = []
    for word, following in zip(words, [*words[1:], None], strict=True):
        parts.append(word.text)
        if following is not None:
            closing = following.text in {",", ".", ";", ":"} and following.i > word.i
            gap = word.doc[following.i - 1 : following.i] if closing else word.doc[word.i : following.i]
            # A word set before one that comes earlier in the text (a subject borrowed from a later clause) is apart.
            spaced = following.i < word.i or any(token.whitespace_ for token in gap)
            parts.append(" " if spaced else "")
    return "".join(parts)


def _contiguous_around(words: list[Token], head: int, skipped: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """The run of words around the head with no gap of more than one dropped word (a clause, not scraps); the
    ``skipped`` words (the date) and punctuation leave no gap."""
    if not words:
        return words

    def gap(low: Token, high: Token) -> int:
        return sum(1 for token in low.doc[low.i + 1 : high.i] if token.i not in skipped and not token.is_punct)

    position = min(range(len(words)), key=lambda k: abs(words[k].i - head))
    low = high = position
    while low > 0 and gap(words[low - 1], words[low]) <= 1:
        low -= 1
    while high + 1 < len(words) and gap(words[high], words[high + 1]) <= 1:
        high += 1
    return words[low : high + 1]


# ---- Extraction ------------------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    stripped = _LEADING.sub("", _LENGTH_IN.sub("", _PART_OF.sub("", _LEADING.sub("", text))))
    if _TRAILING_SPAN.match(text):  # "over the last year": the twelve months to now, not last calendar year
        return text
    return text if _NARRATIVE.match(re.sub(r"^(?:on|in|by|until|from|since) ", "", text)) else stripped


def extract_dates(
    article: Article, doc: Doc, anchor: date | StoryDate | None, settings: Settings = DEFAULT_SETTINGS
) -> list[DateMention]:
    """Every date in ``article`` that dates something, read from ``doc`` (its spaCy parse).

    Relative dates resolve against the article's publication date, else the date its page's stamp shows
    (``stamped_date``), else ``anchor`` (a date of the story, see ``story_anchor``). One that would read
    otherwise told on the first or the last day the story's dated articles came out is not guessed: it stays
    unresolved, and its resolution shows both readings. Datelines and other verbless lines are skipped: they date
    no event.
    """
    published = publication_date(article)
    stamped = None if published else stamped_date(article.text, anchor.day if isinstance(anchor, StoryDate) else anchor)
    own: tuple[date, Basis] | None = (
        (published, "published") if published else (stamped, "stamped") if stamped else None
    )
    story = anchor if isinstance(anchor, StoryDate) and own is None else None
    anchor = anchor.day if isinstance(anchor, StoryDate) else anchor
    base, basis = own or (anchor, "story")
    slack = settings.claims.publication_slack_days if own else settings.claims.story_anchor_slack_days
    # Read once: spaCy joins every token's text each time ``doc.text`` is read.
    doc_text = doc.text
    mentions = []
    spans = list(_date_spans(doc))
    # The dates of the current sentence that state their year and date an act, with the verb each hangs on (not
    # a thing's: "the Class of 2020 will be honored on May 2" sets no time for the sentence).
    stated_times: list[tuple[Span, _Resolved, Token]] = []
    ordinals = {sentence.start: ordinal for ordinal, sentence in enumerate(doc.sents)}
    # The time the text last set with a stated date and the sentence it was last told in (see ``_narrative_time``).
    narrative: tuple[_Resolved, str, int] | None = None
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        sentence_start, sentence = sentence_of(span[0])
        if not _has_verb(doc, sentence_start, sentence) or _EDITORIAL_NOTE.match(sentence):
            continue
        if (following is not None and _weekday_of(span, following, doc_text)) or _clock_time(span):
            continue
        if _story_noun(span):
            continue
        stated_times = [stated for stated in stated_times if stated[0].sent.start == span.sent.start]
        text = _normalised(span.text)
        text = _in_week_ahead(text, doc_text, span.end_char)
        local_time = _in_local_time(span, doc_text)
        verb = _governing_verb(span)
        tense = _tense(span, doc_text)
        ordinal = ordinals[span.sent.start]
        context = _Context(
            tense=tense,
            local_time=local_time,
            anchor_slack_days=slack,
            range_end=_range_end(span, following, doc_text),
            told_in=_told_in(verb, stated_times),
            narrative=_narrative_time(narrative, ordinal, verb, tense, settings),
        )
        resolved = _resolve(text, base, context, settings)
        if resolved is None:
            continue
        previous = spans[index - 1] if index else None
        opening = previous if previous is not None and mentions and mentions[-1].start == previous.start_char else None
        told, reference = _told_or_reference(span, spans, resolved)
        reference = reference or (opening is not None and _closes_range(opening, span, doc_text))
        reference = reference or _unspecified_event(span) or _names_thing(span, resolved) or _bounds_a_record(span)
        reference = reference or _ends_period(span, tense)
        if _these_days(span, text):  # no day at all: no entry of its own, nor a day to contradict
            reference, resolved = True, replace(resolved, exact=False)
        reference = reference or _not_its_clause_time(span, resolved, base, context.tense)
        reference = reference or _thing_from(span, resolved, base) or _too_far_ahead(resolved, base, settings)
        reference = reference or _values_changed(span, resolved, base, settings)
        head = told or _past_thing_of_present_verb(span, resolved, base)
        mention = _mention(article, span, sentence_start, sentence, resolved, base, basis, settings, head)
        mention = _unguessed(mention, text, story, context, settings) if story else mention
        mentions.append(replace(mention, reference=reference))
        if not (resolved.relative or reference) and resolved.day is not None and _attachment(span) == verb:
            stated_times.append((span, resolved, verb))
        if not reference and resolved.day is not None:
            narrative = _next_narrative(narrative, span, resolved, ordinal)
    return _with_own_named_day(_with_lagging_date(mentions, settings), settings)


def _unguessed(
    mention: DateMention, text: str, story: StoryDate, context: _Context, settings: Settings
) -> DateMention:
    """``mention``, left unresolved when its date, counted from the story's date, would read otherwise had its
    undated article been told on the first or the last day the story's dated articles came out ("Tuesday" in a
    story reported over two weeks): the story's date would then be a guess, and a date shown in the timeline is
    never one. Its resolution keeps both readings, for a reader to check."""
    if mention.basis != "story" or mention.iso is None:
        return mention
    ends = (story.first, story.last)
    readings = [_resolve(text, day, context, settings) for day in ends]
    isos = [None if found is None or found.day is None else _iso(found.day, found.granularity) for found in readings]
    if all(iso == mention.iso for iso in isos):
        return mention
    told = mention.resolution.rsplit(" -> ", 1)[0]
    spans = ", ".join(f"{iso or 'no date'} if told on {day.isoformat()}" for iso, day in zip(isos, ends, strict=True))
    resolution = f"{told}, uncertain: {spans}, in an undated article -> no date"
    return replace(mention, iso=None, granularity=None, exact=False, basis="unresolved", resolution=resolution)


def _with_lagging_date(mentions: list[DateMention], settings: Settings) -> list[DateMention]:
    """The mentions, with a past bare weekday read six days back moved to the day after the article's own date when
    the article names no weekday but that one and its own date's, and tells its own date's events as done or names
    that day more than once ("Asian markets were mixed in early trading Tuesday" beside "The government on Monday
    extended the licence" in a report dated Monday; a report of a Tuesday hearing in one dated Monday): a report names
    the latest of what it tells by the day's name, and one about the day after its date, told as done, was written
    then, its date lagging by up to ``publication_slack_days`` (the outlet's time zone, a late metadata date), rather
    than a week late. Not a day named once alone ("reported the launch on Saturday"), which may as well be a week
    old, nor when the article names a day between the two ("fired on Thursday" beside the "Monday" shooting and the
    "Wednesday" hearing): it then tells a week gone by, day by day. Not exact: the lag is read, not stated."""
    own = [m for m in mentions if _own_weekday(m)]
    if not own:
        return mentions
    slack = timedelta(days=settings.claims.publication_slack_days)
    base = own[0].base
    assert base is not None
    if not {(date.fromisoformat(m.iso) - base).days % 7 for m in own} <= set(range(slack.days + 1)):  # type: ignore[arg-type]
        return mentions
    lagging = [m for m in own if base < date.fromisoformat(m.iso) + timedelta(weeks=1) <= base + slack]  # type: ignore[arg-type]
    told_own_day = any(m.exact and m.iso == base.isoformat() for m in own)
    if not lagging or not (told_own_day or len(lagging) > 1):
        return mentions
    moved = []
    for mention in mentions:
        if mention in lagging:
            later = (date.fromisoformat(mention.iso) + timedelta(weeks=1)).isoformat()  # type: ignore[arg-type]
            told = f"'{mention.text}' past, the day after {base.isoformat()}, the only other day the article names"
            mention = replace(mention, iso=later, exact=False, resolution=f"{told} -> {later}")
        moved.append(mention)
    return moved


def _own_weekday(mention: DateMention) -> bool:
    """Whether the mention is a bare weekday ("Tuesday") of a dated event read against its article's own date."""
    if mention.basis not in {"published", "stamped"} or mention.base is None or mention.reference:
        return False
    return mention.granularity == "day" and bool(_BARE_WEEKDAY.match(_normalised(mention.text)))


def _with_own_named_day(mentions: list[DateMention], settings: Settings) -> list[DateMention]:
    """The mentions, with an article's "today" moved to the day next to its publication date that the article names
    for the same thing ("X launches today", "X's launch day is Tuesday" in an article dated Monday; "... is Monday" in
    one dated Tuesday): one article puts one event on one day, and its publication date, in the outlet's time zone
    or a late metadata stamp, may be off the day it was written for by ``publication_slack_days``; the day it names
    is the better grounded."""
    slack = settings.claims.publication_slack_days
    moved = []
    for mention in mentions:
        named = None
        published = mention.basis == "published" and mention.base is not None and not mention.reference
        if published and _SAME_DAY.fullmatch(_normalised(mention.text)):
            named = next((other for other in mentions if _names_near_day(mention, other, slack)), None)
        if named is None or named.iso is None:
            moved.append(mention)
            continue
        told = f"'{mention.text}' at {mention.base.isoformat()} (published), dated '{named.text}' in the article"
        moved.append(replace(mention, iso=named.iso, resolution=f"{told} -> {named.iso}"))
    return moved


def _names_near_day(today: DateMention, other: DateMention, slack: int) -> bool:
    """Whether ``other`` dates the thing ``today`` dates to another day at most ``slack`` days from the publication:
    its phrase holds the word of ``today``'s event, another word of ``today``'s phrase and no word of another thing
    ("X launches its service" and "the service's launch day"; not "X opens a second line"). Not a "yesterday",
    which is read from the same date as "today" and so tells another day, not a date off."""
    if other.reference or other.granularity != "day" or other.iso is None or today.base is None:
        return False
    apart = abs((date.fromisoformat(other.iso) - today.base).days)
    if not 0 < apart <= slack or _DAY_BEFORE.search(other.text.lower()):
        return False
    head = today.head.lower()
    words = set(re.findall(r"[a-z]{4,}", other.event.lower()))
    own = set(re.findall(r"[a-z]{4,}", today.event.lower()))
    told = {word for word in words if word.startswith(head)}
    if len(head) < _MIN_EVENT_STEM or not told:
        return False
    return bool(own & (words - told)) and words - told <= own


def _narrative_time(
    narrative: tuple[_Resolved, str, int] | None, ordinal: int, verb: Token | None, tense: Tense, settings: Settings
) -> tuple[_Resolved, str] | None:
    """The time a past-tense clause tells of when its sentence follows, within ``narrative_reach_sentences``, the
    one where the text last set a time with a stated day or month and its year ("he visited the doctor in November
    2016. ... But by December, his symptoms worsened"): a narrative moves on from its reference time, not from
    the publication's, where the year left out is not the publication's (``_stated``). Not in the past perfect
    ("it had been registered in December"), which steps back from that time."""
    if narrative is None or tense != "past" or verb is None:
        return None
    if any(child.dep_ == "aux" and child.lower_ == "had" for child in verb.children):
        return None
    resolved, words, told = narrative
    if not 0 < ordinal - told <= settings.claims.narrative_reach_sentences:
        return None
    return resolved, words


def _next_narrative(
    narrative: tuple[_Resolved, str, int] | None, span: Span, resolved: _Resolved, ordinal: int
) -> tuple[_Resolved, str, int] | None:
    """The narrative's time after a date: set by a stated day or month with its year, carried on by a date read in
    it, ended by any other."""
    if resolved.told_in is not None and narrative is not None and resolved.told_in == narrative[1]:
        return narrative[0], narrative[1], ordinal
    stated = not resolved.relative and resolved.granularity in {"day", "month"} and _YEAR.search(span.text)
    return (resolved, span.text, ordinal) if stated else None


def _in_week_ahead(text: str, doc_text: str, end: int) -> str:
    """A weekday the date or the words after it place in a week to come ("Friday of next week", "Friday in the
    coming week"), as the relative weekday it is; any other text as it is."""
    weekday = re.match(rf"^(?:{_WEEKDAY})\b", text)
    if weekday is None:
        return text
    rest = text[weekday.end() :]
    ahead = _WEEK_AHEAD.match(rest) if rest else _WEEK_AHEAD.match(doc_text, end)
    if ahead is None or (rest and ahead.end() != len(rest)):
        return text
    return f"{'next' if ahead.group('next') else 'this coming'} {weekday.group(0)}"


def _story_noun(span: Span) -> bool:
    """Whether a month word opening its sentence alone is the common noun the article writes elsewhere in lower case
    ("March participants chanted" in a story of "the march"): at a sentence's start the capital tells nothing, and
    a month alone opening a sentence seldom dates it."""
    word = span[0]
    if len(span) != 1 or word.i != span.sent.start or not _MONTH_WORD.fullmatch(word.lower_):
        return False
    return any(token.text == word.lower_ and token.pos_ == "NOUN" for token in span.doc)


def _clock_time(span: Span) -> bool:
    """Whether a four-figure "year" is a time of day on the 24-hour clock ("struck at 1353"): a year takes "in", a
    moment "at"."""
    text = span.text.strip()
    if not _CLOCK.fullmatch(text) or span.start == 0:
        return False
    return span.doc[span.start - 1].lower_ == "at"


def _weekday_of(span: Span, following: Span, text: str) -> bool:
    """Whether the date is the weekday of the calendar day written right after it ("Friday, Dec. 6"), which the
    recogniser may cut in two: that day dates the event, and the weekday read alone could be another week's.
    ``text`` is the document's."""
    if not _BARE_WEEKDAY.match(_normalised(span.text)) or text[span.end_char : following.start_char].strip() != ",":
        return False
    day = _normalised(following.text)
    return bool(_MONTH_WORD.search(day) and _DAY_NUMBER.search(_MONTH_WORD.sub(" ", day)))


def _told_in(verb: Token | None, stated_times: Sequence[tuple[Span, _Resolved, Token]]) -> tuple[_Resolved, str] | None:
    """The latest stated date of the sentence whose clause holds the clause of ``verb`` (the same verb, or one
    above it: "said in March 2019 that he would resign by June"), with its words. Not a date of a clause beside
    it ("was born in May 1970 and died on March 3"), whose time need not be this one's."""
    if verb is None:
        return None
    holders = [verb]
    while holders[-1].dep_ != "conj" and holders[-1].head.i != holders[-1].i:
        holders.append(holders[-1].head)
    for span, resolved, stated_verb in reversed(stated_times):
        if stated_verb in holders:
            return resolved, span.text
    return None


def _unspecified_event(span: Span) -> bool:
    """Whether the date dates no event a timeline could show: a thing denied ("no collusion in 2016"), or one
    told only as "what happened" or "what we saw", a free relative whose doer is the wh-word itself or a pronoun
    ("investigating what happened in 2016"). One with a named doer ("asked what the minister said on Friday")
    still tells who did what."""
    if _denied(_attachment(span)):
        return True
    verb = _governing_verb(span)
    if verb is None:
        return False
    free = [child for child in verb.children if child.lower_ in _FREE_RELATIVE_WORDS and child.dep_ in _WH_ROLES]
    if not free:
        return False
    subject = _subject(verb)
    return subject is None or subject in free or subject.pos_ == "PRON"


def _these_days(span: Span, text: str) -> bool:
    """Whether "today" means these days rather than the publication's day: it sets a state of things in general in
    the present ("Today, such infections are rare", "the best phones that exist today", "the prices we're facing
    today") or what people in general can do ("we can grow our economy today"), which no timeline dates. Not an act
    told in the present ("The show opens today"), one said to be done ("we can confirm today that ..."), a state of a
    thing named ("The museum is closed today") nor where some are ("Protesters are in the square today"). ``text`` is
    the date's normalised text."""
    root = span.root
    verb = root.head
    if text != "today" or root.dep_ not in {"npadvmod", "advmod"}:
        return False
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    subject = _subject(verb)
    able = auxiliaries & _ABILITY_MODALS and verb.lemma_.lower() not in SPEECH_VERBS
    if able and subject is not None and _generic(subject):
        return True  # what anyone can do these days ("we can grow our economy today"): no act of that day
    if verb.lemma_.lower() not in _STATE_VERBS:
        return False
    present = verb.tag_ in {"VBZ", "VBP"} and not auxiliaries
    progressive = verb.tag_ == "VBG" and bool(auxiliaries) and auxiliaries <= _PRESENT_AUXILIARIES
    # Where things are ("Protesters are in the square today") is a passing state of some of them, not of all.
    placed = verb.lemma_ == "be" and not any(child.dep_ in {"acomp", "attr"} for child in verb.children)
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head
    return (present or progressive) and not placed and subject is not None and _generic(subject)


def _generic(noun: Token) -> bool:
    """Whether a subject stands for things or people in general: a plural noun with no article, possessive or number
    ("infections", "the best consoles" has one), or "we"/"you"."""
    if noun.lower_ in _GENERIC_PRONOUNS:
        return True
    determiners = {"det", "poss", "nummod", "predet"}
    return noun.tag_ == "NNS" and not any(child.dep_ in determiners for child in noun.children)


def _denied(noun: Token) -> bool:
    """Whether ``noun`` is, or hangs by prepositions on, a thing said not to be ("no collusion with the firm")."""
    while noun.pos_ in {"NOUN", "PROPN"}:
        if any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children):
            return True
        preposition = noun.head
        if noun.dep_ != "pobj" or preposition.dep_ != "prep":
            return False
        noun = preposition.head
    return False


def _closes_range(opening: Span, span: Span, text: str) -> bool:
    """Whether ``span`` ends a range or pair the date ``opening`` opens ("in 2015 and 2016", "February to May");
    ``text`` is the document's."""
    return _RANGE_LINK.fullmatch(text[opening.end_char : span.start_char]) is not None


def _told_or_reference(span: Span, spans: Sequence[Span], resolved: _Resolved) -> tuple[Token | None, bool]:
    """For a stated year that names a thing ("the 2016 election"): the verb of the past event it is the only
    date of, if the article tells one, else that it is a reference. Any other date: neither."""
    if resolved.granularity != "year" or resolved.relative:
        return None, False
    noun = _named_thing(span)
    if noun is None:
        return None, False
    verb = _verb_dated_by(noun)
    if verb is None or any(other.start != span.start and _governing_verb(other) == verb for other in spans):
        return None, True
    return verb, False


def _bounds_a_record(span: Span) -> bool:
    """Whether a date is the start of the stretch a count or a record is told over ("the fifth raid since May", "for
    the first time since 2005", "the worst floods since 1974"), or one a denied act has not happened in ("has not won
    since 2005"): a bound, at which nothing the clause tells happened."""
    root = span.root
    preposition = root if root.lower_ == "since" else root.head if root.dep_ == "pobj" else None  # "since 1996" is one
    if preposition is None or preposition.lower_ != "since":
        return False
    verb = preposition.head
    if _denied(verb) or any(child.dep_ == "neg" or child.lower_ == "never" for child in verb.children):
        return True  # "hasn't won a title since 2005": what the clause tells did not happen then, nor since
    # The counted thing may hold the bound in a phrase of its own: "the first deaths during a protest since 1991".
    bounded, ranking = preposition.head, []
    while bounded.pos_ in {"NOUN", "PROPN", "ADJ"}:
        ranking += [token for child in bounded.lefts for token in child.subtree] + [bounded]
        if bounded.dep_ != "pobj" or bounded.head.dep_ != "prep":
            break
        bounded = bounded.head.head
    return any(token.ent_type_ == "ORDINAL" or token.tag_ in {"JJS", "RBS"} for token in ranking)


def _ends_period(span: Span, tense: Tense) -> bool:
    """Whether a date closes the period its clause lasts ("the cuts aim to save $40 billion through 2012", "the site
    included, until Tuesday, the old hall", "a lease until 2035"): what the clause tells held up to that time, not at
    it, so it dates no event of its own. Not when a "when" clause tells what happened then ("was at large until Dec. 7,
    when he was found"), a time limit "have" gives an act ("had until May 1 to submit proposals"), a denied act, which
    happens at that time ("won't ship until 2020"), nor a past tally through a day ("revenues totaled $63 billion
    through June 30"), which it was at that day. ``tense`` is the clause's."""
    bound = _bound(span)
    if bound not in _END_PREPOSITIONS or _when_clause(span) is not None or (bound == "through" and tense == "past"):
        return False
    verb = _governing_verb(span)
    if verb is not None and any(child.dep_ == "neg" for child in verb.children):
        return False
    root = _date_root(span)
    return not _time_given(root, _event_word(span, root, None)[0])


def _names_thing(span: Span, resolved: _Resolved) -> bool:
    """Whether a stated year is part of a thing's name rather than a date: after a name it closes ("Racing Legends
    2017", also in a headline the parse cuts up), with an article ("the 2017" for a phone model, "a 2017 or older
    phone"), or with a possessive before a title ("1977's Silver Lanterns"). A year naming the noun after it ("the
    2016 election") is ``_told_or_reference``'s."""
    if resolved.granularity != "year" or resolved.relative or not _YEAR.search(span.text):
        return False
    year = next((token for token in span if _YEAR.fullmatch(token.text)), None)
    if year is None or _named_thing(span) is not None:
        return False
    doc = span.doc
    name = doc[year.i - 1] if year.i > 0 else None
    if name is not None and name.tag_ in {"NNP", "NNPS"} and not _calendar_word(name.lower_):
        return True  # "Racing Legends 2017": a name the year closes
    start = year.i
    if start > 1 and _RANGE_LINK.fullmatch(doc[start - 1].text) and _YEAR.fullmatch(doc[start - 2].text):
        start -= 2  # the end of a range of them: "the 2015 through 2017 models"
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in _ARTICLES:
        return True
    after = doc[year.i + 1] if year.i + 1 < len(doc) else None
    return after is not None and after.lower_ in {"'s", "’s"}


def _thing_from(span: Span, resolved: _Resolved, base: date | None) -> bool:
    """Whether a stated date, not after the anchor, is the time a noun just before it comes from ("a painting from
    1890", "the model from earlier in 2019", "a recipe from 1950"): a thing's age, no event. Not a range ("from 2015
    to 2017"), a time ahead ("deliveries from March 2026"), when the thing is yet to happen, nor the start of what a
    verb in the perfect has done since ("the rule has applied to every firm from 2015")."""
    if resolved.relative or resolved.day is None or base is None or resolved.day > base:
        return False
    doc = span.doc
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    if preposition is not None and preposition.i > 1 and doc[preposition.i - 1].lower_ in {"earlier", "later"}:
        preposition = doc[preposition.i - 2]  # "from earlier in 2019": the words before the year
    if preposition is None or preposition.lower_ != "from" or preposition.i == 0:
        return False
    if doc[preposition.i - 1].pos_ not in {"NOUN", "PROPN"}:
        return False
    verb = _governing_verb(span)
    if verb is not None and any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children):
        return False
    after = doc[span.end : span.end + 2]
    closing = len(after) == 2 and (_YEAR.fullmatch(after[1].text) or _calendar_word(after[1].lower_))
    return not (closing and _RANGE_LINK.fullmatch(after[0].text))


def _too_far_ahead(resolved: _Resolved, base: date | None, settings: Settings) -> bool:
    """Whether a stated date lies ``max_years_ahead`` or more past the anchor: a number, not a time news tells of."""
    if resolved.relative or resolved.day is None or base is None:
        return False
    return resolved.day.year - base.year >= settings.claims.max_years_ahead


def _values_changed(span: Span, resolved: _Resolved, base: date | None, settings: Settings) -> bool:
    """Whether a range of stated years is the values a verb of change in amount goes through ("single-core scores
    increased from 1061 to 1128"), starting ``max_years_back_of_change`` or more before the anchor: numbers, not a
    time. A range of years that recent ("cases rose from 2015 to 2017") is a time."""
    if resolved.relative or resolved.granularity != "year" or resolved.day is None or base is None:
        return False
    years = _YEAR.findall(span.text)
    if len(years) != 2 or _RANGE.fullmatch(_normalised(span.text)) is None:
        return False
    verb = _governing_verb(span)
    if verb is None or verb.lemma_.lower() not in _CHANGE_VERBS:
        return False
    return base.year - resolved.day.year >= settings.claims.max_years_back_of_change


def _calendar_word(word: str) -> bool:
    return bool(_MONTH_WORD.fullmatch(word) or word in WEEKDAYS)


def _not_its_clause_time(span: Span, resolved: _Resolved, base: date | None, tense: Tense) -> bool:
    """Whether a stated date lies after the anchor in a past-tense clause that does not reach forward to it: no
    time of that clause but a number the recogniser took for a year ("earned a total score of 2350"; against
    "agreed a lease until 2035", "promised deliveries from March")."""
    if tense != "past" or resolved.relative or resolved.day is None or base is None:
        return False
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    return resolved.day > base and (preposition is None or preposition.lower_ not in _REACHING_PREPOSITIONS)


def _named_thing(span: Span) -> Token | None:
    """The noun a year written before it names ("election" in "the 2016 election", "bid" in "his 2020
    re-election bid"), or None when the year stands as a date of its own ("in 2016")."""
    root = span.root
    noun = root.head
    if root.dep_ not in _NAMING_DEPS or noun.i < span.end or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


def _verb_dated_by(noun: Token) -> Token | None:
    """The past-tense verb of an event the named thing dates: its subject ("The 2008 crisis wiped out jobs")
    or the time within which it happened ("During the 2010 campaign, the group launched ..."). A phrase after
    the verb that follows a common noun (quote marks aside) is read as that noun's, whatever the parse says:
    "looked into interference in the 2016 election" tells of no interference in the year it names."""
    preposition = noun.head
    if noun.dep_ in SUBJECT_DEPS:
        verb = noun.head
    elif noun.dep_ == "pobj" and preposition.lower_ in _WITHIN_PREPOSITIONS:
        verb = preposition.head
        before = preposition.i - 1
        while before > verb.i and noun.doc[before].is_quote:
            before -= 1
        if before > verb.i and noun.doc[before].pos_ == "NOUN":
            return None
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ == "be":  # "The 2018 model was a hot machine": a state
        return None
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    return verb if verb.tag_ == "VBD" or auxiliaries & _PAST_AUXILIARIES else None


def _past_thing_of_present_verb(span: Span, resolved: _Resolved, base: date | None) -> Token | None:
    """The noun a past date belongs to when the parse hangs it on a verb in the present tense: in "X blames Y
    for breaches of its systems in 2015" the blaming is now, so 2015 dates the breaches. The noun is the common
    noun whose phrase ends just before the date, object of that verb or of its preposition; None otherwise."""
    if base is None or resolved.day is None or resolved.granularity is None:
        return None
    if period_of(_iso(resolved.day, resolved.granularity), resolved.granularity)[1] >= base:  # type: ignore[index]
        return None
    verb = _attachment(span)
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    perfect = _present_perfect(verb, auxiliaries)
    if perfect:
        # The perfect takes no time gone by ("*has denied it on Sunday"), save a bound ("has held it since 2006").
        if not _placed_at(span):
            return None
    elif not _present(verb, auxiliaries):
        return None
    doc = span.doc
    first = span.start - 1 if span.start > 0 and doc[span.start - 1].pos_ == "ADP" else span.start
    while first > 0 and doc[first - 1].dep_ == "advmod" and doc[first - 1].lower_ in _TIME_ADJECTIVES:
        first -= 1  # "a fire at the depot early on Sunday": the phrase ends before "early"
    if first <= verb.i + 1:
        return None
    noun = doc[first - 1]
    # Up the phrase that ends at the date ("systems" -> "breaches" in "breaches of its computer systems").
    while noun.pos_ in {"NOUN", "PROPN"} and noun.head.i != verb.i:
        parent = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        if parent.i >= first or parent.i <= verb.i or parent.pos_ not in {"NOUN", "PROPN"}:
            break
        if perfect and parent.dep_ == "dobj" and parent.head.i == verb.i:
            # The perfect's object is what it has done ("has admitted careless driving after a crash on Friday"); the
            # time gone by is the thing its phrase tells of.
            return noun if noun.pos_ == "NOUN" and noun.dep_ == "pobj" else None
        noun = parent
    preposition_object = noun.dep_ == "pobj" and noun.head.head.i == verb.i
    # Nor is a time gone by the perfect's own object's ("have arrested a man on Sunday", in a looser English).
    direct_object = noun.dep_ == "dobj" and noun.head.i == verb.i and not perfect
    if noun.pos_ != "NOUN" or not (direct_object or preposition_object):
        return None
    return noun


def _present(verb: Token, auxiliaries: set[str]) -> bool:
    """Whether a verb is in the present, active ("blames") or passive ("are still haunted by")."""
    if auxiliaries & _PAST_AUXILIARIES:
        return False
    passive = verb.tag_ == "VBN" and bool(auxiliaries) and auxiliaries <= _PRESENT_AUXILIARIES
    return verb.tag_ in {"VBZ", "VBP"} or passive


def _present_perfect(verb: Token, auxiliaries: set[str]) -> bool:
    """Whether a verb is in the present perfect ("has denied", "have been charged"), which tells a past act as part
    of now."""
    return verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have"}) and not auxiliaries & {"had", "will", "would"}


def _placed_at(span: Span) -> bool:
    """Whether a date places its event at a time, bare ("Sunday", "yesterday") or after "on", "in" or "at", rather than
    bounding a period ("since May", "by Friday", "over the past year")."""
    root = _date_root(span)
    return root.dep_ in {"npadvmod", "advmod"} or root.dep_ == "pobj" and root.head.lower_ in _PLACING_PREPOSITIONS


def _in_local_time(span: Span, text: str) -> bool:
    return _LOCAL_TIME.match(text, span.end_char) is not None


def _range_end(span: Span, following: Span | None, text: str) -> date | None:
    """The day a stated date closing a range that ``span`` opens ends on ("February and December 2017");
    ``text`` is the document's."""
    if following is None or following.label_ != "DATE" or not _YEAR.search(following.text):
        return None
    if not _RANGE_LINK.fullmatch(text[span.end_char : following.start_char]):
        return None
    parsed = _dateparser(_normalised(following.text))
    if parsed is None:
        return None
    return period_of(_iso(*parsed), parsed[1])[1]  # type: ignore[index]


def _date_spans(doc: Doc) -> Iterator[Span]:
    for span in doc.ents:
        if span.label_ in TIME_LABELS and "\n" not in span.text.strip():
            yield span


def _has_verb(doc: Doc, start: int, sentence: str) -> bool:
    span = doc.char_span(start, start + len(sentence), alignment_mode="expand")
    return span is not None and any(token.pos_ in {"VERB", "AUX"} for token in span)


def _mention(
    article: Article,
    span: Span,
    sentence_start: int,
    sentence: str,
    resolved: _Resolved,
    base: date | None,
    basis: Basis,
    settings: Settings,
    head: Token | None = None,
) -> DateMention:
    iso = _iso(resolved.day, resolved.granularity) if resolved.day and resolved.granularity else None
    used: Basis = "unresolved" if iso is None else (basis if resolved.relative else "stated")
    return DateMention(
        article_id=article.id,
        source=article.source,
        text=span.text,
        iso=iso,
        granularity=resolved.granularity if iso else None,
        resolution=_explain(span.text, iso, base, used, resolved.told_in),
        event=_event_phrase(span, settings.claims.max_event_words, head),
        sentence=sentence,
        sentence_start=sentence_start,
        start=span.start_char,
        basis=used,
        exact=resolved.exact and iso is not None,
        base=base,
        head=_dated_lemma(span, head),
        bound=_bound(span),
    )


def _explain(text: str, iso: str | None, base: date | None, basis: Basis, told_in: str | None = None) -> str:
    if basis == "stated":
        return f"'{text}' stated -> {iso}"
    if iso is None:
        return f"'{text}' names no date that can be fixed"
    if told_in is not None:
        return f"'{text}' in the time of '{told_in}' -> {iso}"
    assert base is not None
    label = {"published": "published", "stamped": "the page's stamp"}.get(basis, "story date")
    first, last = period_of(iso, None if iso is None else _granularity_of(iso))  # type: ignore[misc]
    relation = "before" if last < base else "after" if first > base else "at"
    return f"'{text}' {relation} {base.isoformat()} ({label}) -> {iso}"


def _granularity_of(iso: str) -> Granularity:
    if "W" in iso:
        return "week"
    return {10: "day", 7: "month"}.get(len(iso), "year")  # type: ignore[return-value]


# ---- Across articles: timeline and contradictions ----------------------------------------------------------

_BASIS_RANK = {"stated": 0, "published": 1, "stamped": 2, "story": 3, "unresolved": 4}
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _compatible(first: DateMention, second: DateMention) -> bool:
    """Whether two dates can name the same time: one period lies within the other."""
    a, b = first.period, second.period
    if a is None or b is None:
        return False
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


class SentenceVectors:
    """Texts embedded on demand (``nlp.embed``) and kept, so the date contradictions and the timeline of one
    story, which compare many of the same event phrases and sentences, embed each text once. Make one per
    story and hand it to both; it holds that story's texts only for as long as it lives."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def matrix(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors of ``texts``, one row each; texts not seen before are embedded in one call."""
        import numpy as np

        from corroborate.nlp import embed

        missing = list(dict.fromkeys(text for text in texts if text not in self._vectors))
        self._vectors.update(zip(missing, embed(missing), strict=True))
        return np.stack([self._vectors[text] for text in texts]) if texts else embed([])

    def __len__(self) -> int:
        return len(self._vectors)


def _same_event_pairs(
    mentions: Sequence[DateMention], settings: Settings, vectors: SentenceVectors, *, strict: bool
) -> set[tuple[int, int]]:
    """Pairs of mentions (i < j) of one event: event phrases and date-masked sentences that embed close, or
    event phrases so close that the rest of the sentences does not matter. ``strict`` (for contradictions)
    asks for both the close phrases and the close sentences."""
    events = vectors.matrix([mention.event or mention.sentence for mention in mentions])
    contexts = vectors.matrix([_masked(mention) for mention in mentions])
    event_similarity = events @ events.T
    contexts_similar = contexts @ contexts.T >= settings.claims.same_date_context_similarity
    strong = event_similarity >= settings.claims.same_event_strong_similarity
    if strict:
        same = strong & contexts_similar
    else:
        same = ((event_similarity >= settings.claims.same_event_similarity) & contexts_similar) | strong
    return {(i, j) for i in range(len(mentions)) for j in range(i + 1, len(mentions)) if same[i, j]}


def build_timeline(
    mentions: Mapping[str, Sequence[DateMention]],
    settings: Settings = DEFAULT_SETTINGS,
    vectors: SentenceVectors | None = None,
) -> list[TimelineEvent]:
    """The story's dated events in order, one entry per event however many articles tell it.

    ``mentions`` maps each article id to its ``extract_dates`` result. Mentions of one event (close event
    phrases and sentences) merge when their dates agree, or when one of them was only resolved against the
    story's date and lies within ``story_anchor_slack_days`` of the other: that guess yields to the
    better-grounded date. A reference ("the 2016 election") joins the entry of its event but opens none.
    Each entry lists its articles and the resolution of every date it merged. ``vectors`` keeps the texts
    already embedded for this story (by ``date_contradictions``); without it they are embedded here.
    """
    vectors = SentenceVectors() if vectors is None else vectors
    dated = _with_story_years(
        [mention for found in mentions.values() for mention in found if mention.iso and mention.event],
        vectors,
        settings,
    )
    dated.sort(
        key=lambda m: (m.reference, _BASIS_RANK[m.basis], _GRANULARITY_RANK[m.granularity or "year"], not m.exact)
    )
    same = _same_event_pairs(dated, settings, vectors, strict=False)
    entries: list[list[int]] = []
    for index, mention in enumerate(dated):
        home = next(
            (
                entry
                for entry in entries
                if (entry[0], index) in same and _may_merge(dated[entry[0]], mention, settings)
            ),
            None,
        )
        if home is not None:
            home.append(index)
        elif not mention.reference:
            entries.append([index])
    events = [_timeline_event([dated[i] for i in entry]) for entry in entries]
    return sorted(events, key=_timeline_order)


def _with_story_years(
    mentions: Sequence[DateMention], vectors: SentenceVectors, settings: Settings
) -> list[DateMention]:
    """Year-less days in the year the story states for the very day, else for their thread of events."""
    exact = _with_stated_years(mentions)
    unsettled = {index for index, (read, adjusted) in enumerate(zip(mentions, exact, strict=True)) if read is adjusted}
    return _with_thread_years(exact, unsettled, vectors, settings)


def _with_stated_years(mentions: Sequence[DateMention]) -> list[DateMention]:
    """Year-less days ("the Feb. 8 meeting") given the year the story states for that day ("Feb. 8, 2017"),
    when it states one year only and it is one of the years the tense rules chose between: outlets telling
    one story name the same days, and a stated year beats a guess from the publication date."""
    stated: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.basis == "stated" and mention.granularity == "day" and mention.iso:
            stated.setdefault(mention.iso[5:], set()).add(mention.iso[:4])
    adjusted = []
    for mention in mentions:
        years = stated.get(mention.iso[5:], set()) if mention.iso and mention.granularity == "day" else set()
        if len(years) == 1 and mention.basis in {"published", "stamped", "story"} and _yearless_calendar(mention.text):
            year = next(iter(years))
            if abs(int(year) - int(mention.iso[:4])) == 1:  # type: ignore[index]
                iso = f"{year}{mention.iso[4:]}"  # type: ignore[index]
                resolution = f"'{mention.text}' in the year the story states for that day -> {iso}"
                mention = replace(mention, iso=iso, basis="story", resolution=resolution)
        adjusted.append(mention)
    return adjusted


def _with_thread_years(
    mentions: Sequence[DateMention], unsettled: set[int], vectors: SentenceVectors, settings: Settings
) -> list[DateMention]:
    """Year-less past days (of the ``unsettled`` mentions) set in the year before the publication's, when the
    story dates their thread of events there.

    An outlet retelling what a record or an account says ("During their Jan. 27 dinner, X wrote that ...")
    may leave out a year the other outlets state for days of that account ("a Feb. 8, 2017, encounter"); read
    against the publication date, such a day lands in the wrong year. A thread is told in sentences that
    embed close once their dates are masked (``same_thread_context_similarity``). A day then has two reference
    times, as in a narrative text: its thread's stated days and the publication date. It moves to the year
    before when that reading lies nearer its thread's days than the publication-year reading lies to either
    reference. Once an article is shown to tell the account that way, the account, not the publication, is
    the reference of its other days of the thread ("More than two months later, on March 30"): they move when
    that puts them nearer the thread's days and the article's moved ones. A day the article names again
    ("their March 30 conversation") is the same day. An article that writes the year of some day of its own
    is taken to write it wherever it is not the current one (news style), so its year-less days stay as read.
    """
    stated = [
        i
        for i, mention in enumerate(mentions)
        if mention.basis == "stated" and mention.granularity == "day" and not mention.reference
    ]
    writing_years = {mentions[i].article_id for i in stated}
    guessed = [
        index
        for index, mention in enumerate(mentions)
        if index in unsettled and _guessed_past_day(mention) and mention.article_id not in writing_years
    ]
    if not guessed or not stated:
        return list(mentions)
    contexts = vectors.matrix([_masked(mentions[i]) for i in guessed + stated])
    similar = contexts[: len(guessed)] @ contexts[len(guessed) :].T >= settings.claims.same_thread_context_similarity
    threads = {
        index: [_reference(mentions[stated[k]]) for k in range(len(stated)) if similar[row, k]]
        for row, index in enumerate(guessed)
    }
    moved: dict[tuple[str, str], tuple[date, str]] = {}
    own_words: dict[tuple[str, str], str] = {}
    for index in guessed:
        mention, thread = mentions[index], threads[index]
        publication = (mention.base, "")
        earlier = _earlier_if_nearer(_reference(mention)[0], thread, [*thread, publication])  # type: ignore[list-item]
        if earlier is not None:
            moved[(mention.article_id, mention.iso)] = earlier  # type: ignore[index]
            own_words[(mention.article_id, mention.iso)] = mention.text  # type: ignore[index]
    told_so = {article_id for article_id, _ in moved}
    for index in guessed:
        mention, thread = mentions[index], threads[index]
        if mention.article_id not in told_so or not thread or (mention.article_id, mention.iso) in moved:
            continue
        told = [(day, own_words[key]) for key, (day, _) in moved.items() if key[0] == mention.article_id]
        account = [*thread, *told]
        earlier = _earlier_if_nearer(_reference(mention)[0], account, account)
        if earlier is not None:
            moved[(mention.article_id, mention.iso)] = earlier  # type: ignore[index]
            own_words[(mention.article_id, mention.iso)] = mention.text  # type: ignore[index]
    adjusted = list(mentions)
    for index in guessed:
        mention = mentions[index]
        found = moved.get((mention.article_id, mention.iso))  # type: ignore[arg-type]
        if found is not None:
            iso = found[0].isoformat()
            resolution = f"'{mention.text}' in the year of the account the story dates by '{found[1]}' -> {iso}"
            adjusted[index] = replace(mention, iso=iso, basis="story", resolution=resolution)
    return adjusted


def _reference(mention: DateMention) -> tuple[date, str]:
    """A day mention's day and its words."""
    return date.fromisoformat(mention.iso), mention.text  # type: ignore[arg-type]


def _guessed_past_day(mention: DateMention) -> bool:
    """A year-less day ("March 30") whose year the tense rules took from a date at or after it."""
    if mention.granularity != "day" or mention.basis not in {"published", "stamped", "story"} or mention.base is None:
        return False
    return _yearless_calendar(mention.text) and date.fromisoformat(mention.iso) <= mention.base  # type: ignore[arg-type]


def _earlier_if_nearer(
    day: date, earlier_references: Sequence[tuple[date, str]], references: Sequence[tuple[date, str]]
) -> tuple[date, str] | None:
    """``day`` a year earlier, with the words of the reference day nearest it, when it lies nearer
    ``earlier_references`` than ``day`` lies to ``references``; None otherwise (always for February 29, which
    the year before lacks)."""
    if not earlier_references:
        return None
    try:
        earlier = day.replace(year=day.year - 1)
    except ValueError:
        return None

    def distance(candidate: date, reference: tuple[date, str]) -> int:
        return abs((candidate - reference[0]).days)

    nearest = min(earlier_references, key=lambda reference: distance(earlier, reference))
    if distance(earlier, nearest) < min(distance(day, reference) for reference in references):
        return earlier, nearest[1]
    return None


def _masked(mention: DateMention) -> str:
    """The mention's sentence without its date: what the sentence tells, whenever it happened."""
    return mention.sentence.replace(mention.text, " ", 1)


def _yearless_calendar(text: str) -> bool:
    normalised = _normalised(text)
    relative = re.search(r"\b(ago|last|next|this|earlier|later)\b", normalised)
    return bool(_MONTH_WORD.search(normalised)) and not _YEAR.search(normalised) and not relative


def _may_merge(lead: DateMention, mention: DateMention, settings: Settings) -> bool:
    """Dates of one event agree, or the later-ranked one was guessed from the story's date and lies close."""
    if _compatible(lead, mention):
        return True
    # Only a date counted from the story's date is a guess; a calendar day given its year by the story ("Jan. 3")
    # is stated by its article and stays its own.
    if mention.basis != "story" or _yearless_calendar(mention.text) or lead.period is None or mention.period is None:
        return False
    gap = max(lead.period[0] - mention.period[1], mention.period[0] - lead.period[1])
    return gap.days <= settings.claims.story_anchor_slack_days


def _timeline_event(members: Sequence[DateMention]) -> TimelineEvent:
    lead = members[0]
    return TimelineEvent(
        date=lead.iso if lead.granularity == "day" else None,
        period=lead.iso,
        when=lead.text,
        event=lead.event,
        sources=list(dict.fromkeys(member.article_id for member in members)),
        resolution="; ".join(dict.fromkeys(member.resolution for member in members)),
    )


def _timeline_order(event: TimelineEvent) -> tuple[date, int]:
    granularity = _granularity_of(event.period or "")
    period = period_of(event.period, granularity)
    assert period is not None
    return period[0], _GRANULARITY_RANK[granularity]


def date_contradictions(
    mentions: Sequence[DateMention], settings: Settings = DEFAULT_SETTINGS, vectors: SentenceVectors | None = None
) -> list[Contradiction]:
    """The same event dated differently by different outlets.

    Precision first: only exact days that are stated or resolved against the article's own publication
    date take part (a date guessed from the story's date is no outlet's claim, and a page's stamp may be of its
    last update rather than of when it was written; a year or month is as often a name as a date: "the 2015
    agreement"), the events must match by phrase and sentence, and a group in
    which one article gives two dates is left alone. So is one in which no outlet writes the month out (two
    weekdays or "today"s read against two publication dates part as often by when each was published, or by
    a speaker's "today" in a quote, as by what happened), and one whose days part only by a year one of them
    leaves unsaid ("June 24" in a report a year on). ``vectors``: as for ``build_timeline``, which may then
    reuse what this call embedded.
    """
    firm = [
        m for m in mentions if m.exact and m.granularity == "day" and m.basis in {"stated", "published"} and m.event
    ]
    same = _same_event_pairs(firm, settings, SentenceVectors() if vectors is None else vectors, strict=True)
    pairs = [(i, j) for i, j in same if firm[i].article_id != firm[j].article_id and _one_dating(firm[i], firm[j])]
    contradictions = []
    for group in connected_groups(len(firm), pairs):
        contradiction = _date_contradiction([firm[i] for i in group])
        if contradiction is not None:
            contradictions.append(contradiction)
    return contradictions


def _one_dating(first: DateMention, second: DateMention) -> bool:
    """Whether two dates date one event the same way: the same word of the event ("met" / "meeting"), the date
    its time in both or the same bound of a period in both. Sentences told in like words may still date two
    events ("the outage beginning March 3" / "announced the outage on March 5"): the start of a period is no
    time of a thing done at once, and an announcement is not what it announces."""
    return first.bound == second.bound and _one_event_word(first.head, second.head)


def _one_event_word(first: str, second: str) -> bool:
    """Whether two lemmas are one word or a verb and its noun ("meet" / "meeting", "rule" / "ruling",
    "arrive" / "arrival"): the shorter, less a final "e", begins the longer."""
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    stem = shorter.removesuffix("e")
    return len(stem) >= _MIN_EVENT_STEM and longer.startswith(stem)


def _firmly_apart(positions: Sequence[Sequence[DateMention]]) -> bool:
    """Whether an outlet writes the month of one of the days out, and the days differ by more than a year some
    outlet's words leave out."""
    members = [m for position in positions for m in position]
    if not any(_MONTH_WORD.search(m.text.lower()) for m in members):
        return False
    days = {(m.iso or "")[5:] for m in members}
    return len(days) > 1 or all(_YEAR.search(m.text) for m in members)


def _date_contradiction(members: Sequence[DateMention]) -> Contradiction | None:
    positions: list[list[DateMention]] = []
    for mention in sorted(members, key=lambda m: _GRANULARITY_RANK[m.granularity or "year"]):
        home = next((position for position in positions if _compatible(position[0], mention)), None)
        if home is None:
            positions.append([mention])
        else:
            home.append(mention)
    if len(positions) < 2 or len({m.source for m in members}) < 2 or not _firmly_apart(positions):
        return None
    articles_per_position = [{m.article_id for m in position} for position in positions]
    if sum(len(articles) for articles in articles_per_position) != len(set().union(*articles_per_position)):
        return None
    return Contradiction(
        subject=f"date of {max(members, key=lambda m: len(m.event)).event}",
        positions=[
            Position(
                value=position[0].iso or "",
                sources=sorted({m.article_id for m in position}),
                evidence=[Evidence(m.article_id, m.sentence, m.source, m.sentence_start) for m in position],
            )
            for position in positions
        ],
        kind="date",
    )
