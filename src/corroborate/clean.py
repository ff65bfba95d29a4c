"""Junk removal: lines of page chrome leave the article text, each kept with the reason it was removed.

Four passes over the lines of an extracted page, cheapest first, all pure Python so a crawl can run it on
every page:

1. pattern rules: generic English web chrome (cookie notices, share/comment/subscribe prompts, related-links
   teasers and the link after a bare "Related:", breadcrumbs, bylines, category tags, datelines, reading
   times, advertisement markers) and the newsroom's own lines around the story (reporting credits, photo
   captions, present-tense ones of a past moment included, video teasers and a show's segment lines, the
   video's description above its presenter line, author contact lines);
2. the off-topic rule: a line whose content words occur nowhere in the article's paragraphs is a pasted
   unrelated headline, whatever its wording;
3. pull quotes: a sentence found again inside a quotation of a longer paragraph, with its attribution;
4. the page's tail: after the last paragraph, an author's name alone or a bare site domain is a signature.

A dateline opening the story ("LISBON, Portugal — The city council voted ...") is cut from its paragraph,
which stays. Short on-topic lines (sub-headings, one-line paragraphs, list items) match none of these and stay.
Before all of these, contractions and possessives that a detokeniser split ("didn’ t", "do n’t", "Lee ’s")
are joined again, so the parser sees one word where the writer wrote one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TypeGuard

from corroborate.records import ExtractedPage, RemovedSpan
from corroborate.settings import DEFAULT_SETTINGS, CleanSettings, Settings

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
#: A month name or its abbreviation, as a regular expression (case-insensitive use).
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: A weekday or month name, which starts a time ("By Friday, ..."), never a byline's name.
CALENDAR_WORD = re.compile(rf"{_WEEKDAY}|{MONTH}", re.IGNORECASE)
#: A place dateline alone on its line, "CITY, State. —": it ends on a dash, which no headline does.
PLACE_DATELINE = re.compile(r"^[A-Z]{2,}[A-Za-z .,'’()-]{0,60}?\s*[—–-]$")
# One token of a line that is nothing but a date: names, numbers, numeric dates, times, zones, fillers.
_DATE_TOKEN = re.compile(
    rf"(?:{_WEEKDAY}|{MONTH})\.?|\d{{1,4}}(?:st|nd|rd|th|am|pm)?[:.]?|\d{{1,4}}(?:[/.:-]\d{{1,4}}){{1,2}}(?:am|pm)?"
    r"|[/:.-]|[ap]\.?m\.?|hrs|at|on|of|the|[a-z]{2,4}t|utc|gmt|updated|published|posted|edited|modified",
    re.IGNORECASE,
)
_DATE_ANCHOR = re.compile(rf"\b{MONTH}\b|\d{{1,4}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{1,4}}", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^(?:(?:originally |first |last )?(?:published|updated|posted|modified|edited)(?: on)?|date|on)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# A capitalised name of up to five words (case-sensitive inside the case-insensitive rules).
_NAME = r"(?-i:[A-ZÀ-ÞĀ-Ž][\w.'’-]*)(?:\s+(?-i:[A-ZÀ-ÞĀ-Ž][\w.'’-]*)){0,4}"
# A person's full name, two to four capitalised words: a single capitalised word may be a pronoun ("He").
_FULL_NAME = r"(?-i:[A-ZÀ-ÞĀ-Ž][\w.'’-]+)(?:\s+(?-i:[A-ZÀ-ÞĀ-Ž][\w.'’-]+)){1,3}"
# Wire agencies and picture libraries that credit a photo or video (case-sensitive: "ap" is no agency).
_WIRE = r"(?-i:AP|AFP|Reuters|Getty Images|EPA|UPI|Shutterstock|Associated Press)"
# A programme's title in quote marks, maybe with the full stop set inside them: "'The Evening Show.'"
_SHOW = r"['\"‘“]\s*(?-i:[A-Z])[^'\"‘’“”]{0,40}?(?:['’][^'\"‘’“”\s][^'\"‘’“”]{0,20}?)?[.!?]?\s*['\"’”]"
# How a reader reaches someone: an e-mail address (often spaced around "@"), a handle, a link, a phone number.
_CONTACT = r"(?:[\w.+-]+\s?@\s?[\w-]+\.\w|@\w|https?://|\b\d{3}[-. ]\d{3,4}\b)"
# The letters a case-insensitive pattern takes for an ASCII letter that ``str.lower`` leaves apart (dotted and
# dotless i, long s), so a rule's gate words are found in a line wherever its pattern could match.
# Only the clitics English writes after an apostrophe, and only as whole words: "players’ t-shirts" keeps its space.
_CLITIC_END = r"(?=[\s.,;:!?)\]”\"]|$)"
_SPACE_AFTER_APOSTROPHE = re.compile(rf"(?<=[A-Za-z])([’']) (s|t|re|ve|ll|d|m){_CLITIC_END}")
_SPACE_BEFORE_CLITIC = re.compile(rf"(?<=[A-Za-z]) ([’'](?:s|re|ve|ll|d|m)|n[’']t){_CLITIC_END}")
_IGNORECASE_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# Whole-line patterns, each with its reason and its gate: lower-case words one of which a line must hold for
# the pattern to match (so an alternative added to a pattern needs its word in the gate), looked up first since
# most lines hold none and a substring test costs far less than a search; an empty gate, for patterns anchored
# at the line's start that fail fast, searches always. A line longer than ``CleanSettings.pattern_max_words``
# words is a paragraph and is never matched, so an article that merely mentions cookies or newsletters stays.
_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (reason, gate, re.compile(pattern, re.IGNORECASE))
    for reason, gate, pattern in (
        (
            "cookie notice",
            ("cookie", "site", "consent", "privacy"),
            r"\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses? of cookies|accept (?:all )?cookies"
            r"|cookie (?:policy|settings|preferences|consent|notice)|privacy (?:&|and) cookies"
            r"|by (?:continuing to use|using) (?:this|our) (?:web)?site|manage (?:your )?consent"
            r"|we value your privacy)\b",
        ),
        (
            "share/comment prompt",
            (),
            r"^(?:share(?: this| the)?(?: article| story| post| page)?(?: on| via)?|tweet|pin it|e-?mail|print"
            r"|leave a (?:comment|reply)|post a comment|add a comment|(?:view|show|load|read) (?:all )?comments?"
            r"|\d+ comments?|no comments(?: yet)?|comments?|join the (?:conversation|discussion)|reply"
            r"|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|copy link|click to share.*"
            r"|(?:be the )?first to comment.*)"
            r"(?:\W+(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|telegram|print|share"
            r"|copy link|messenger|flipboard))*\W*$",
        ),
        (
            "subscribe prompt",
            (
                "subscribe",
                "sign up",
                "follow us",
                "newsletter",
                "join our",
                "download",
                "journalism",
                "become a",
                "log in to",
                "sign in to",
            ),
            r"^(?:subscribe\b|sign up (?:for|to)\b|follow us\b|get (?:our|the) .{0,40}newsletter|join our"
            r" .{0,30}(?:newsletter|channel|community)|download (?:our|the) app|support (?:our|independent)"
            r" journalism|become a (?:member|subscriber)|already a subscriber|(?:log|sign) in to)"
            r"|\bnewsletter\b.*\b(?:sign up|subscribe|inbox)\b|\b(?:sign up|subscribe)\b.*\bnewsletter\b",
        ),
        (
            "related-links teaser",
            (),
            r"^(?:also read|read also|must read|read more|read next|see also|related(?: articles?| stories"
            r"| posts?| coverage| content| reading| news)?|more from .{1,40}|more (?:stories|news|on this"
            r"(?: story| topic)?)|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?"
            r"(?:like|enjoy|be interested in)|don'?t miss|trending(?: now| stories)?|popular(?: now| stories)?"
            r"|most (?:read|popular|viewed)|what to read next|editor'?s picks|top stories|latest (?:news|stories)"
            r"|previous (?:article|post|story)|next (?:article|post|story))\s*(?:[:|»›\-–—]\s*\S.*)?\W*$",
        ),
        ("breadcrumb", ("home", "»", "›"), r"^(?:home|homepage)\s*[»›>/|]|[»›].*[»›]"),
        (
            "byline",
            (),
            rf"^(?:(?:written|posted|published|reported|words|story|text|reporting|editing)\s+)?by\s*:?"
            rf"(?:\s+(?!{_WEEKDAY}\b|{MONTH}\b){_NAME}(?:\s+(?:and|&)\s+{_NAME})?"
            r"(?:\s*(?:[|,;·]|\s-\s).{0,80})?)?$|^author\s*[:\-]",
        ),
        (
            "category tags",
            (),
            r"^(?:categor(?:y|ies)|tags?|tagged(?: with)?|topics?|filed under|posted in|labels?|keywords)\s*[:：]",
        ),
        (
            "reading time",
            (),
            r"^(?:\d+ comments?\s*)?\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading)\W*$|^reading time\b",
        ),
        # a place dateline alone on its line, "CITY, State. —" (date-only lines: ``dateline_date_text``)
        ("dateline", (), rf"(?-i:{PLACE_DATELINE.pattern})"),
        (
            "advertisement",
            (),
            r"^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below\b.*"
            r"|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\W*$",
        ),
        (
            "copyright notice",
            ("©", "(c)", "copyright", "all rights reserved"),
            r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b",
        ),
        # The rules below name the newsroom's own lines: who reported, who took the photo, what the video is.
        (
            "credit line",
            ("contribut", "reporting", "writing", "editing"),
            # "X and Y contributed reporting", "... writer X contributed to this report", "Reporting by X; Editing by Y"
            rf"^{_FULL_NAME}(?:\s+(?:in|from)\s+{_NAME})?(?:(?:,|,? and)\s+{_FULL_NAME}(?:\s+(?:in|from)\s+{_NAME})?)*"
            r"\s+contributed (?:reporting|research)\b"
            r"|\bcontributed to this (?:report|story|article)\W*$"
            rf"|\b(?:writers?|reporters?|correspondents?)\s+{_FULL_NAME}(?:(?:,|,? and)\s+{_FULL_NAME})*"
            r"\s+contributed\W*$"
            r"|^(?:additional reporting|reporting|writing|editing)(?: by)?\b[^;]{0,80};\s*"
            r"(?:additional reporting|reporting|writing|editing)\b|^additional reporting by\s"
            r"|^\(\s*(?:additional )?(?:reporting|writing|editing) by\s|^contributing\s*:\s*\S",
        ),
        (
            "image caption",
            (
                "photo",
                "image",
                "picture",
                "credit",
                "/",
                "left",
                "right",
                "center",
                "centre",
                "row",
                "ground",
                "file",
                "frame grab",
            ),
            # a photo credit ("(AP Photo/Jane Doe)", "Photo: Reuters", "Jane Doe/Getty Images"), or a person
            # placed in the picture ("Jane Doe, left, and ..."): a caption, whatever else it says
            rf"\((?:[\w.]+\s+)?photo(?:graph)?s?\s*(?:/|:|by\b)[^)]*\)|^(?:photo(?:graph)?s?|image|picture|credit"
            rf"|(?:photo|image) credit)\s*:\s*\S|/\s*{_WIRE}(?:\s+via\s+{_WIRE})?\)?\W*$"
            r"|(?-i:[A-Z][\w.'’-]*|\))\s*,\s(?-i:(?:far |second from |third from )?(?:left|right)|center|centre"
            r"|(?:top|bottom|front|back) row|foreground|background),\s"
            # a wire photo's own label: "FILE - In this Jan. 5 file photo, ...", "This photo released by ..."
            r"|^(?-i:FILE)\s*[-–—]\s|\bin this\b[^,]{0,30}\bfile (?:photo|image|picture)\b"
            r"|\bthis (?:[\w.-]+ )?(?:photo|image|picture|frame grab) (?:taken|released|provided|made available)\b",
        ),
        (
            "video teaser",
            ("has", ";", "react", "discuss", "explain", "join"),
            # "CNN's Jane Doe has that story.", "...; chief correspondent Jane Doe reports from Paris."
            rf"^(?:(?-i:[A-Z][\w.&-]*)(?:'s|’s)\s+)?{_FULL_NAME}\s+has\s+(?:(?:that|this|the) story|more"
            r"|the details|the latest)\W*$"
            rf"|;\s*[\w'’ ]{{0,40}}?\b(?:correspondent|reporter|anchor|host|contributor)\s+{_FULL_NAME}\s+reports"
            rf"(?:\s+from\s+[^.;]{{1,60}})?\W*$|;\s*{_FULL_NAME}\s+reports\s+from\s+[^.;]{{1,60}}\W*$"
            # a show's segment: guests "react on 'The Evening Show.'" or "join 'The Evening Show' to discuss";
            # one reacts to a subject and discusses it, so "react on" or "discuss on" a title names a programme
            rf"|\b(?:reacts?|discuss(?:es)?|explains?)\s+on\s+{_SHOW}\W*$"
            rf"|\bjoins?\s+{_SHOW}\s+to\s+(?:discuss|react|weigh in|explain|break down)\b",
        ),
        (
            "author box",
            ("reach", "mail", "contact", "follow", "@", ".com/"),
            # how to reach the author: "Jane Doe can be reached at ...", "Follow her on Twitter", a bare address
            rf"\b(?:may|can) be reached (?:at|on|by|via)\b.*{_CONTACT}"
            rf"|^(?:e-?mail|contact|reach) (?:the )?(?:author|reporters?|writer|{_FULL_NAME})\b.{{0,40}}\b(?:at|on)\b"
            rf".*{_CONTACT}|\bfollow (?:him|her|them) (?:on (?:twitter|x|facebook|instagram|bluesky|threads)\b|@)"
            r"|^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+|@\w{1,15})$",
        ),
        (
            "related-links teaser",
            (),
            r"^(?:more|see more|watch|video|listen|photos|gallery|\[related)\s*:\s*\S|^more\s*:$"
            r"|^follow [\w'’. ]{1,40}coverage (?:of|at)\b|^more [\w'’. ]{1,40}:\s*https?://"
            r"|^most (?:read|popular|viewed) (?:in|on) [\w ]{1,30}$",
        ),
        (
            "subscribe prompt",
            ("inbox", "newsletter", "follow"),
            r"\bdelivered (?:straight |directly )?to your inbox\b|\bnewsletters\b.*\b(?:sign up|subscribe|inbox)\b"
            r"|\b(?:sign up|subscribe)\b.*\bnewsletters\b"
            r"|^follow (?:us|[\w'’. ]{1,40}?) on (?:twitter|facebook|instagram|youtube|linkedin|tiktok|x)\b",
        ),
        (
            "share/comment prompt",
            ("friend",),
            r"\bshare (?:it|this(?: story| article)?) with (?:a friend|your friends)\b",
        ),
        (
            "copyright notice",
            ("redistributed", "personal"),
            r"\bmay not be (?:published|reproduced), broadcast, rewritten,? (?:or|and) redistributed\b"
            r"|^this copy is for your personal,? non-commercial use\b",
        ),
    )
)
# A dateline opening the story's first paragraph: the place in capitals, maybe its region and the news agency,
# then a dash ("LISBON, Portugal — ", "PARIS (AP) — ", "LONDON (Reuters) - "); a plain hyphen only
# after an agency, since "US - China talks" is no dateline.
_DATELINE_PREFIX = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})(?P<region>,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})?"
    r"(?P<agency>\s*\([A-Z][\w.&'’ ]{0,30}\))?\s*(?P<dash>—|–|―|--|(?<=\))\s*-)\s+(?=[\"“‘'A-Z0-9])"
)
# The same dateline as a web page may print it, the place in title case and the agency glued to the story's first
# word with no dash nor space ("Port Haven (Newswire Business)Shares fell"): the page set them in separate elements;
# no sentence writes a bracket against the next word.
_GLUED_DATELINE_PREFIX = re.compile(
    r"^[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3}(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})?"
    r"\s*\([A-Z][\w.&'’ ]{0,30}\)(?=[\"“‘A-Z])"
)
# A presenter line pointing back at the video's description: "Jane Doe has that story."
_STORY_POINTER = re.compile(r"\bhas (?:that|this|the) story\W*$", re.IGNORECASE)
# A video's title followed by the wire agency that supplied it: "Storm floods coastal town, dozens missing AP".
_WIRE_END = re.compile(r"\s(?:AP|AFP|Reuters)\.?$")
# Words before an agency's name in a sentence about it ("told Reuters", "according to AP").
# fmt: off
_ATTRIBUTION = frozenset((
    "told", "tells", "telling", "informed", "citing", "cited", "quoted", "reported", "reports", "according",
    "confirmed", "wrote", "writes", "said", "says",
))
# fmt: on

# Latin-script words only (the engine reads English); hyphenated compounds count as their parts, so
# "forward-looking" meets "looking forward".
_WORD = re.compile(r"[a-zß-öø-ÿ][a-zß-öø-ÿ']*")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}$")
_CLOSING = re.compile(r"[.!?:;,\"'”’)\]…]$")
_LABEL = re.compile(r"^[^\W\d_][\w .'’-]{0,24}:\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪◦–—]|\d{1,2}[.)])\s")
_QUOTE_WORD = re.compile(r"\w[\w']*")
# A caption's shape: a name, its role between commas, then where and when the photo was taken.
_SCENE_CAPTION = re.compile(
    rf"^{_FULL_NAME}(?:\s+and\s+{_FULL_NAME})?,\s[^,]{{3,80}},\s(?P<scene>(?:during|at|in|on|outside|inside|near"
    r"|after|before|with|arriving|leaving|speaking|walking)\b[^,;:\"“”]{3,120})\.$"
)
# What the person in a picture is doing, in the present tense captions use: "Jane Doe speaks during ...".
_CAPTION_VERB = (
    r"(?:speaks|addresses|arrives|departs|waves|gestures|listens|looks on|walks|stands|sits|smiles|greets|poses"
    r"|attends|delivers|boards|steps|talks|shakes hands|applauds|salutes|testifies|pauses|prays|exits|enters"
    r"|reacts|meets|visits|signs|answers)"
)
_ACTION_CAPTION = re.compile(rf"^(?P<subject>(?-i:[A-Z])[^;:!?\"“”]{{1,100}}?)\s{_CAPTION_VERB}\b(?P<rest>.*)$")
# Past tense forms that are no present tense ("set", "put" and "-eed" words such as "proceed" may be either).
# fmt: off
_PAST_ONLY = frozenset((
    "was", "were", "had", "did", "said", "told", "made", "took", "gave", "went", "came", "won", "lost", "met",
    "got", "saw", "knew", "thought", "began", "ran", "left", "sent", "spent", "built", "held", "kept", "felt",
    "sold", "paid", "led", "spoke", "wrote", "rose", "fell", "chose", "broke", "became", "grew", "threw", "drew",
    "stood", "brought", "bought", "caught", "fought", "sought", "meant", "heard", "found", "struck", "fled",
    "sat", "wore", "swore",
))
# fmt: on
# The moment of the picture: the same moment ("as", "while") told in the past tense, or the photo's date in
# the wire style, set off by a comma ("..., Tuesday, April 24, 2018").
_CAPTION_MOMENT = re.compile(
    rf"\b(?:as|while)\s+(?:he|she|they|{_FULL_NAME}|(?-i:[A-Z][\w.'’-]+))\s+(?P<verb>(?-i:[a-z]+))\b"
    rf"|,\s*(?:{_WEEKDAY},\s*)?{MONTH}\.?\s+\d{{1,2}},\s*\d{{4}}\b",
    re.IGNORECASE,
)
# Finite verb forms no suffix gives away: auxiliaries and the common irregular past tenses.
# fmt: off
_FINITE = frozenset((
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
    "shall", "should", "do", "does", "did", "said", "told", "made", "took", "gave", "went", "came", "won",
    "lost", "met", "got", "saw", "knew", "thought", "began", "ran", "left", "put", "set", "cut", "hit", "sent",
    "spent", "built", "held", "kept", "felt", "sold", "paid", "led", "spoke", "wrote", "rose", "fell", "chose",
    "broke", "became", "grew", "threw", "drew", "stood", "brought", "bought", "caught", "fought", "sought",
    "meant", "heard", "found", "struck", "shot", "fled", "beat", "let", "sat", "wore", "swore",
))
# fmt: on
# A quotation in double quote marks (single ones are too often apostrophes to pair).
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
# A quoted sentence's end: a full stop, question or exclamation mark, maybe inside quote marks.
_CLOSING_SENTENCE = re.compile(r"[.!?][\"'”’]?\s*$|[\"'”’]$")
# The line naming a pull quote's speaker: "Jane Doe, former State Department official."
_ATTRIBUTION_LINE = re.compile(rf"^(?P<name>{_FULL_NAME}),\s[^.!?]{{1,80}}\.?$")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")

# Function words carry no subject matter: a line sharing only these with the article shares nothing.
# fmt: off
_STOP_WORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "let", "me", "more", "most", "my", "myself",
    "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
    "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "yourselves", "new", "says", "said", "say", "one", "two", "three", "many", "much", "may", "might",
    "must", "shall", "still", "yet", "ever", "even", "every", "via", "per"
})
# fmt: on


def clean(page: ExtractedPage, settings: Settings = DEFAULT_SETTINGS) -> ExtractedPage:
    """``page`` with its junk lines out of the text and added, with their reasons, to ``removed``.

    A dateline opening the story leaves its paragraph, which stays, and is added to ``removed`` too.
    """
    page = replace(page, text=rejoin_clitics(page.text), title=page.title and rejoin_clitics(page.title))
    lines = page.text.split("\n")
    verdicts = _pattern_verdicts(lines, settings.clean)
    verdicts.update(_video_blurb_verdicts(lines, verdicts, page.title, settings.clean))
    verdicts.update(_offtopic_verdicts(lines, verdicts, settings.clean))
    verdicts.update(_pull_quote_verdicts(lines, verdicts, settings.clean))
    verdicts.update(_tail_verdicts(lines, verdicts, page.author, settings.clean))
    removed = {i: RemovedSpan(lines[i].strip(), reason) for i, reason in verdicts.items()}
    cut = _dateline_cut(lines, verdicts, settings.clean)
    if cut is not None:
        index, prefix = cut
        removed[index] = RemovedSpan(prefix.strip(), "dateline")
        lines[index] = lines[index].lstrip()[len(prefix) :]
    kept = [line for i, line in enumerate(lines) if i not in verdicts]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return replace(page, text=text, removed=(*page.removed, *(removed[i] for i in sorted(removed))))


def rejoin_clitics(text: str) -> str:
    """``text`` with the contractions and possessives a detokeniser split joined again: "he’ s" -> "he’s"."""
    return _SPACE_BEFORE_CLITIC.sub(r"\1", _SPACE_AFTER_APOSTROPHE.sub(r"\1\2", text))


def junk_reason(line: str, settings: CleanSettings = DEFAULT_SETTINGS.clean) -> str | None:
    """The reason a line is page chrome by the pattern rules alone, or None."""
    stripped = " ".join(line.split())
    if not stripped or len(stripped.split()) > settings.pattern_max_words:
        return None
    folded = stripped.translate(_IGNORECASE_FOLD).lower()
    for reason, gate, pattern in _RULES:
        if (not gate or any(word in folded for word in gate)) and pattern.search(stripped):
            return reason
    if _is_video_title(stripped, settings):
        return "video teaser"
    if _is_scene_caption(stripped) or _is_action_caption(stripped):
        return "image caption"
    return "dateline" if dateline_date_text(stripped) else None


def dateline_prefix(line: str, settings: CleanSettings = DEFAULT_SETTINGS.clean) -> str | None:
    """The dateline a paragraph opens with ("PARIS (AP) — "), or None.

    A place in capitals followed by a dash that comes back later in the sentence opens an aside
    ("NATO — the alliance's ... — said"), not a dateline, unless a region or agency makes it one.
    """
    match = _DATELINE_PREFIX.match(line.lstrip())
    if match is None:
        glued = _GLUED_DATELINE_PREFIX.match(line.lstrip())
        return glued.group(0) if glued is not None else None
    rest = line.lstrip()[match.end() :]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    if len(sentence.split()) < settings.dateline_min_sentence_words:
        return None
    if not (match.group("region") or match.group("agency")) and match.group("dash") in sentence:
        return None
    return match.group(0)


def dateline_date_text(line: str) -> str | None:
    """The date of a line that is nothing but a (labelled) date and time, or None for any other line."""
    bare = _DATE_LABEL.sub("", " ".join(line.split()))
    if not bare or len(bare) > 80 or not _DATE_ANCHOR.search(bare):
        return None
    tokens = [token for token in re.split(r"[\s,|·•]+", bare) if token]
    return bare if all(_DATE_TOKEN.fullmatch(token) for token in tokens) else None


def content_words(text: str) -> set[str]:
    """Stems of the words that carry subject matter (stop words and numbers out)."""
    words = (word.removesuffix("'s") for word in _WORD.findall(text.casefold().replace("’", "'")))
    return {_stem(word) for word in words if word not in _STOP_WORDS and len(word) > 2}


def _pattern_verdicts(lines: list[str], settings: CleanSettings) -> dict[int, str]:
    verdicts = {}
    for index, line in enumerate(lines):
        reason = junk_reason(line, settings)
        if reason is not None:
            verdicts[index] = reason
    for index in sorted(i for i, reason in verdicts.items() if reason == "related-links teaser"):
        following = _next_line(lines, index)
        if not _is_link_line(lines, following, verdicts, settings):
            continue
        after = _next_line(lines, following) if following is not None else None
        # A bare label ("Related:") introduces its link on the next line: a headline, however it is worded; and
        # a short line between two links is one more link of the list ("More: ...", "Column: ...", "Related:").
        if lines[index].strip().endswith(":") or verdicts.get(after) == "related-links teaser":
            verdicts[following] = "related-links teaser"
    return verdicts


def _video_blurb_verdicts(
    lines: list[str], verdicts: dict[int, str], title: str | None, settings: CleanSettings
) -> dict[int, str]:
    """The line a video's presenter line points back to ("A storm floods the coast." / "Jane Doe has that
    story."): the video's description, set right above it, unless that is the page's headline."""
    headline = " ".join(title.split()) if title else None
    found = {}
    for index, reason in verdicts.items():
        if reason != "video teaser" or not _STORY_POINTER.search(lines[index]):
            continue
        previous = _previous_line(lines, index)
        if (
            previous is not None
            and previous not in verdicts
            and len(lines[previous].split()) <= settings.video_blurb_max_words
            and " ".join(lines[previous].split()) != headline
        ):
            found[previous] = "video teaser"
    return found


def _previous_line(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)


def _is_link_line(
    lines: list[str], index: int | None, verdicts: dict[int, str], settings: CleanSettings
) -> TypeGuard[int]:
    return index is not None and index not in verdicts and len(lines[index].split()) <= settings.offtopic_max_words


def _next_line(lines: list[str], index: int) -> int | None:
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


def _pull_quote_verdicts(lines: list[str], verdicts: dict[int, str], settings: CleanSettings) -> dict[int, str]:
    """Sentences whose words the article tells elsewhere: a pull quote set off in large type, with its lead-in
    and its attribution ("Jane Doe, former official."), or a post embedded next to the paragraph quoting it.

    Only a sentence found inside a quotation of a longer line goes, so the words stay once: a sentence that
    a longer one merely restates ("He faces 20 years." ... "He faces 20 years when sentenced.") is the
    article's, and two equal lines may be a list's repeated items as well as a repeated quote.
    """
    words = {i: _quote_words(line) for i, line in enumerate(lines) if i not in verdicts and line.strip()}
    quotations = _Quotations(lines, words)
    found: dict[int, str] = {}
    for i, own in words.items():
        if len(own) < settings.pull_quote_min_words or not _CLOSING_SENTENCE.search(lines[i].strip()):
            continue
        told = quotations.line_quoting(own, longer_than=len(own))
        if told is not None:
            found.update(dict.fromkeys((i, *_pull_quote_frame(lines, words, i, told, settings)), "pull quote"))
    return found


class _Quotations:
    """Every quotation of a page's lines in one string of words, searched once per candidate sentence."""

    def __init__(self, lines: list[str], words: dict[int, tuple[str, ...]]) -> None:
        self._words = words
        self._starts: list[int] = []
        self._lines: list[int] = []
        parts = []
        offset = 0
        for i in words:
            for quote in _QUOTED.findall(lines[i]):
                part = f" {' '.join(_quote_words(quote))} \n"
                self._starts.append(offset)
                self._lines.append(i)
                parts.append(part)
                offset += len(part)
        self._text = "".join(parts)

    def line_quoting(self, own: tuple[str, ...], longer_than: int) -> int | None:
        """The first line longer than ``longer_than`` words with ``own`` inside one of its quotations."""
        run = f" {' '.join(own)} "
        position = self._text.find(run)
        while position >= 0:
            line = self._lines[bisect_right(self._starts, position) - 1]
            if len(self._words[line]) > longer_than:
                return line
            position = self._text.find(run, position + 1)
        return None


def _pull_quote_frame(
    lines: list[str], words: dict[int, tuple[str, ...]], quote: int, told: int, settings: CleanSettings
) -> Iterator[int]:
    """The lines around a pull quote that belong to it: the lead-in it breaks off from ("I strongly doubt"),
    and the attribution after it, naming someone the paragraph that tells the quote names."""
    lead_in = max((i for i in words if i < quote), default=None)
    if (
        lead_in is not None
        and len(words[lead_in]) < settings.pull_quote_min_words
        and not _CLOSING.search(lines[lead_in].strip())
        and _tells(words[told], words[lead_in] + words[quote])
    ):
        yield lead_in
    following = _next_line(lines, quote)
    attribution = _ATTRIBUTION_LINE.match(lines[following].strip()) if following in words else None
    if following is not None and attribution and _tells(words[told], _quote_words(attribution.group("name"))):
        yield following


def _quote_words(line: str) -> tuple[str, ...]:
    """The words of a line for comparing quotes: editors' insertions ("[the president]") and case aside."""
    return tuple(_QUOTE_WORD.findall(re.sub(r"\[[^\]]*\]", " ", line.casefold().replace("’", "'"))))


def _tells(other: tuple[str, ...], own: tuple[str, ...]) -> bool:
    """Whether ``other`` holds ``own`` as a run of words."""
    return f" {' '.join(own)} " in f" {' '.join(other)} "


def _dateline_cut(lines: list[str], verdicts: dict[int, str], settings: CleanSettings) -> tuple[int, str] | None:
    """The line opening with the story's dateline, among the first lines, and that dateline; None if none."""
    for position, index in enumerate(i for i, line in enumerate(lines) if line.strip()):
        if position >= settings.dateline_max_line:
            break
        prefix = None if index in verdicts else dateline_prefix(lines[index], settings)
        if prefix is not None:
            return index, prefix
    return None


def _is_video_title(line: str, settings: CleanSettings) -> bool:
    """A headline-short line ending on the wire agency that supplied its video or photo, not a sentence
    about the agency ("..., a spokesman told Reuters.", "according to AP")."""
    match = _WIRE_END.search(line)
    if match is None:
        return False
    words = line[: match.start()].split()
    last = words[-1].casefold() if words else ""
    return (
        3 <= len(words) <= settings.video_title_max_words
        and not re.search(r"[.!?;:\"“”]", line[: match.start()])
        and not last.endswith(",")
        and last not in _STOP_WORDS
        and not any(word.casefold() in _ATTRIBUTION for word in words)
    )


def _is_scene_caption(line: str) -> bool:
    """A photo caption without a verb: who, their role, and the scene ("Jane Doe, the party's chair, during
    its winter meeting in Paris last February."); a sentence so shaped has a verb in its last part."""
    match = _SCENE_CAPTION.match(line)
    if match is None:
        return False
    words = [word.removesuffix("'s") for word in _QUOTE_WORD.findall(match.group("scene").replace("’", "'"))]
    return not any(word.islower() and _looks_finite(word) for word in words)


def _is_action_caption(line: str) -> bool:
    """A photo caption in the present tense: someone doing what pictures show (speaking, arriving, waving) at a
    moment the same line dates in the past ("Jane Doe speaks as she met ...", "..., Jan. 12, 2018.").

    A sentence in the present tense is about now or the future ("The mayor speaks tonight as the strike
    enters its second week"), so only the clash of tenses, or the wire's dating, makes a line a caption.
    """
    match = _ACTION_CAPTION.match(line)
    if match is None:
        return False
    if any(word.islower() and _looks_finite(word) for word in match.group("subject").split()):
        return False
    for moment in _CAPTION_MOMENT.finditer(match.group("rest")):
        verb = moment.group("verb")
        if verb is None or verb in _PAST_ONLY or (verb.endswith("ed") and not verb.endswith("eed")):
            return True
    return False


def _looks_finite(word: str) -> bool:
    """A word that may be a verb's past or present tense: "-ed", a third person "-s", or a common irregular one."""
    return word in _FINITE or word.endswith("ed") or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _offtopic_verdicts(lines: list[str], verdicts: dict[int, str], settings: CleanSettings) -> dict[int, str]:
    """Headline-shaped lines whose content words the article's paragraphs never use.

    The subject matter is read from the paragraphs (lines of at least ``topic_min_words`` words) so that
    two pasted lines repeating each other's words do not vouch for each other; a page of short lines only
    is judged against all its other lines.
    """
    words = {i: content_words(line) for i, line in enumerate(lines) if i not in verdicts and line.strip()}
    paragraphs = [i for i in words if len(lines[i].split()) >= settings.topic_min_words]
    reference = paragraphs if len(paragraphs) >= settings.topic_min_paragraphs else list(words)
    counts: dict[str, int] = {}
    for i in reference:
        for word in words[i]:
            counts[word] = counts.get(word, 0) + 1
    offtopic = {}
    order = list(words)
    for position, i in enumerate(order):
        line_words = words[i]
        previous = lines[order[position - 1]].strip() if position else ""
        following = lines[order[position + 1]].strip() if position + 1 < len(order) else ""
        if len(line_words) < settings.offtopic_min_words:
            continue
        if not _is_headline_like(" ".join(lines[i].split()), previous, following, settings):
            continue
        own = 1 if i in reference else 0
        shared = sum(1 for word in line_words if counts.get(word, 0) > own)
        if shared / len(line_words) <= settings.offtopic_max_overlap:
            offtopic[i] = "off-topic line"
    return offtopic


def _is_headline_like(line: str, previous: str, following: str, settings: CleanSettings) -> bool:
    """Shaped like a pasted headline: capitalised, short, not closed like a sentence, quote or list item.

    Sentences, quotes, list items, table rows, labelled fields ("Source: ...") and the rest of a sentence
    broken over lines are content whose words may well be new to the article, so they are not judged.
    """
    return (
        len(line.split()) <= settings.offtopic_max_words
        and line[0].isupper()
        and not _CLOSING.search(line)
        and not _LABEL.match(line)
        and not _breaks_off(previous)
        and not following[:1].islower()
    )


def _breaks_off(line: str) -> bool:
    """Whether a line stops mid-sentence (on a comma or a function word), to go on in the next line."""
    words = line.split()
    return bool(words) and (line.endswith(",") or words[-1].casefold() in _STOP_WORDS)


def _tail_verdicts(
    lines: list[str], verdicts: dict[int, str], author: str | None, settings: CleanSettings
) -> dict[int, str]:
    """Signature lines after the last paragraph: the author's name alone, a bare site domain."""
    tail = {}
    for index in range(len(lines) - 1, -1, -1):
        line = " ".join(lines[index].split())
        if not line:
            continue
        if verdicts.get(index) == "byline":
            tail[index] = "author box"
        elif index in verdicts:
            continue
        elif _DOMAIN.match(line):
            tail[index] = "site signature"
        elif _is_signature_name(line, author, settings):
            tail[index] = "author box"
        elif _LIST_ITEM.match(lines[index]) or _CLOSING.search(line) or len(line.split()) > settings.chrome_max_words:
            break
    return tail


def _is_signature_name(line: str, author: str | None, settings: CleanSettings) -> bool:
    if author and line.casefold() == author.casefold():
        return True
    words = line.split()
    return (
        2 <= len(words) <= settings.signature_max_words
        and all(_NAME_WORD.match(word) and word[0].isupper() for word in words)
        and not any(word.strip(".").casefold() in _STOP_WORDS for word in words)
    )


@lru_cache(maxsize=1 << 16)  # a page's words recur across its lines and pages: each is stemmed once
def _stem(word: str) -> str:
    """A crude suffix-stripping stem: enough for "talks"/"talked"/"talking" to meet, and cheap."""
    word = word.strip("'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
