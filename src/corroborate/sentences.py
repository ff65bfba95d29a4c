"""Sentence splitting: each clean article becomes a list of ``Sentence`` records with character offsets.

A line break in a clean article always ends a sentence (``nlp.paragraph_boundaries``); each sentence keeps its
offset into the article text so a citation can point at it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from corroborate.claims.speech import SPEECH_VERB_FORMS
from corroborate.nlp import sentencizer, spacy_pipeline
from corroborate.records import Article, Sentence
from corroborate.settings import DEFAULT_SETTINGS, Settings

# List markers carry no meaning of their own; a bullet item is a statement once they are gone.
_BULLET = re.compile(r"^[\s\u2022\u25cf\u25aa\u2023\u2043*\-–—·]+")
# A statement ends as a sentence does (some copies space a closing quote mark off); lines that do not are
# headings, captions or labels. A colon ends one too when a clause leads into the list with its verb ("X
# reiterated its demands, which include:", "The conditions are as follows:"): it asserts what it says, and outlets
# often give a fact there that another tells in a full sentence. A heading before a list does not ("Tour dates:",
# "Here are the highlights:"). The example corpus: corroborated 12 -> 13 of 16 (a framing of demands); NewsWCL50
# events 1-3 byte-identical.
_CLOSING = re.compile(r"[.!?…](?:\s*[\"'”’)\]])*$|[\"”’]$|\b(?:include[sd]?|including|are|were|is|was|follows?)\s*:$")
_WORD = re.compile(r"\w+")
#: A straight closing mark: after the quote's last word or its punctuation, with a space before it only after
#: punctuation (some copies space a closing mark off: '... spring . " Lee said').
_CLOSING_MARK = re.compile(r'(?:[\w,.!?…]|(?<=[,.!?…]) )"')
#: A closing double mark: after the quote's last word or its punctuation, and before no word of its own.
_GLUED_CLOSING = re.compile(r'(?<=[\w,.!?…])["”](?!\w)')
#: Double quotation marks, straight and curly, opening or closing.
DOUBLE_MARKS = '"“”'
_DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
#: Punctuation beside a closing mark, inside it or after it.
_PUNCTUATED = re.compile(r"[,.;:!?…\]]")
#: Quotation marks and spaces before a sentence's first quoted word.
LEADING_MARKS = " \t\n\"'“‘"
#: A straight mark that closes no quote a curly one opened: one after punctuation and before a space closes it
#: ('“... at sea," he said, "have ...”': a copy that retyped the inner marks of a quote split by its attribution).
_NOT_CLOSING = r'(?:(?<![,.!?…])"|"(?!\s))'
#: Quoted words: in curly or straight double quotes, or a pair of one of each, or in single curly quotes not
#: closing a possessive.
_QUOTE_SPANS = (
    re.compile(rf"“((?:[^“”\"]|{_NOT_CLOSING})+)”"),
    re.compile(rf'{_NOT_CLOSING}([^"]+)"'),
    # A copy that retyped one mark of a pair: '“... that," she said', '"... that,” she said'.
    re.compile(r'(?:^|(?<=[\s(\[—–]))"([^"“”]+)”'),
    re.compile(r'“([^“”"]+)"(?=[\s,.;:!?)\]—–]|$)'),
    re.compile(r"‘([^‘’]+)’(?!\w)"),
)
#: An opening double quotation mark: a curly one, or a straight one at the start or after a space or bracket, either
#: before a word.
_OPENING = re.compile(r"(?:“|(?:^|(?<=[\s(\[—–]))\")(?=\S)")
#: What follows a closing mark a copy spaced off its quote's last word ('... than ever, "Ann Lee said'), which
#: reads as an opening one: who said it and a verb of saying, where an opening mark is followed by the quote.
_ATTRIBUTION = re.compile(
    r"(?:(?:[A-Z][\w.’'-]*\s+){1,4}|(?:he|she|they|we|I)\s+)"
    rf"(?:{'|'.join(sorted(SPEECH_VERB_FORMS))})\b"
)
_SPEECH_VERB = rf"(?:{'|'.join(sorted(SPEECH_VERB_FORMS))})\b"
#: A name: capitalised words, not a capitalised pronoun, which opens a quoted sentence ('..., "He asked why').
_NAME = r"(?!(?:He|She|They|We|It|I)\s)[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
#: Who said a quote, as news writes it after the quote's closing mark: a name, a lower-case pronoun or a
#: description with its article ('the harbour master').
_SPEAKER = rf"(?:{_NAME}|(?:he|she|they|we|I)|(?:the|a|an|one)(?:\s+[\w’'-]+){{0,3}})"
#: A speaker named with a title or description in lower case and no article before it ('study author Ann Lee').
_TITLED = rf"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,3}}\s+{_NAME}"
#: Who said a quote, after a closing mark spaced off its last word: a speaker and a verb of saying. A mark after
#: a comma and a space opens a quote as often, so only the plainest attributions read as one.
_SAID_AFTER = re.compile(rf"\s*{_SPEAKER}\s+{_SPEECH_VERB}")
#: Who said a quote, after a closing mark beside its last word or punctuation, which opens none: also a titled
#: name, a speaker described between commas, in a description with commas of its own as well ('Ann Lee, of the
#: city council, said'; 'Ann Lee, a biologist at the institute in Leeds, England, said'), or the verb first ('said
#: Ann Lee', 'said the mayor').
_SAID_AFTER_CLOSED = re.compile(
    rf"\s*(?:(?:{_SPEAKER}|{_TITLED})(?:,\s[^\"“”]+?,)?\s+{_SPEECH_VERB}"
    rf"|{_SPEECH_VERB}\s+(?:(?:the|a|an)\s|{_NAME}|{_TITLED}))"
)


def parse_articles(articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS) -> dict[str, Doc]:
    """One full spaCy parse per article (tagger, parser, NER), shared by every claims extractor."""
    docs = spacy_pipeline().pipe((article.text for article in articles), batch_size=settings.models.spacy_batch_size)
    return {article.id: doc for article, doc in zip(articles, docs, strict=True)}


def split_sentences(
    articles: Sequence[Article], settings: Settings = DEFAULT_SETTINGS, docs: Mapping[str, Doc] | None = None
) -> dict[str, list[Sentence]]:
    """Every sentence of every article, keyed by article id, in text order.

    Uses the given parses when there are some, else the cheap statistical sentence splitter alone.
    """
    if docs is None:
        texts = (article.text for article in articles)
        parsed = sentencizer().pipe(texts, batch_size=settings.models.spacy_batch_size)
        docs = {article.id: doc for article, doc in zip(articles, parsed, strict=True)}
    return {article.id: sentences_of(article.id, docs[article.id]) for article in articles}


def sentences_of(article_id: str, doc: Doc) -> list[Sentence]:
    sentences: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text
        marker = _BULLET.match(text)
        lead = marker.end() if marker else 0
        body = text[lead:].rstrip()
        if body:
            sentences.append(Sentence(article_id, len(sentences), sent.start_char + lead, body))
    return sentences


def is_statement(sentence: Sentence, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """Whether a sentence asserts something checkable: long enough and closed like a sentence (or like the
    lead-in of a list, by a colon)."""
    words = _WORD.findall(sentence.text)
    return len(words) >= settings.align.min_statement_words and bool(_CLOSING.search(sentence.text))


def quoted_spans(text: str, *, continued: bool = False) -> list[tuple[int, int]]:
    """Where ``text`` puts words inside quotation marks: (start, end) of each quote's words, in order. The marks
    are paired after the closing mark of a quote begun in an earlier sentence (``closed_from_before``), and with
    ``continued`` the words before that mark are a quote too (the end of the earlier one, for readers of who said
    what; comparing statements reads only the quotes a sentence holds whole)."""
    closing = closed_from_before(text)
    spans: list[tuple[int, int]] = []
    if closing is not None and continued:
        spans.append((len(text) - len(text.lstrip(LEADING_MARKS)), len(text[:closing].rstrip())))
    after = closing + 1 if closing is not None else 0
    for pattern in _QUOTE_SPANS:
        for match in pattern.finditer(text, after):
            if not any(start <= match.start(1) < end for start, end in spans):
                spans.append(match.span(1))
    return sorted(spans)


def closed_from_before(text: str) -> int | None:
    """Where ``text`` closes a quote that an earlier sentence opened, or None: a closing mark with punctuation on
    one side of it ('... by spring,” Lee said', '... suspicious”.'), curly and before any opening one, or straight
    and followed by who said it ('... by spring," Lee said, "and ...', '..., " said Ann Lee, "and ...') or ending
    the sentence ('... by spring."'): paired with the next straight mark, the words between would read as a quote
    (" Lee said, "), and a lone mark at the end would close nothing. A straight mark after a space opens a quote when a
    sentence follows it ('..., "He asked why') or when the next mark closes one ('..., " Lee said we would stay,"
    Ann added': ``_opens_closed_quote``); a curly closing mark after a bare word and before one opening is a copy's
    swapped pair ('their” Ten Best “list')."""
    curly_close, curly_open = text.find("”"), text.find("“")
    straight = text.find('"')
    if curly_close >= 0 and (curly_open < 0 or curly_close < curly_open):
        opened = straight >= 0 and straight < curly_close and _OPENING.match(text, straight)
        closes = _PUNCTUATED.match(text, curly_close - 1) or _PUNCTUATED.match(text, curly_close + 1)
        return curly_close if closes and not opened and text[:curly_close].strip(LEADING_MARKS) else None
    first = straight > 0 and (curly_open < 0 or straight < curly_open)
    if not (first and _CLOSING_MARK.match(text, straight - 1)):
        return None
    if not text[straight + 1 :].strip():
        return straight
    if text[straight - 1].isspace():
        return straight if _SAID_AFTER.match(text, straight + 1) and not _opens_closed_quote(text, straight) else None
    return straight if _SAID_AFTER_CLOSED.match(text, straight + 1) else None


def _opens_closed_quote(text: str, mark: int) -> bool:
    """Whether the next double mark after ``mark`` closes a quote, beside its last word or punctuation and before
    no word ('..., " Lee said the ferry would run," Ann added'): ``mark`` opens that quote, with a speaker and a
    verb at its start, where a spaced closing mark is followed by an opening one or by none ('... by June,
    " Lee said. "The bridge ...')."""
    after = _DOUBLE_MARK.search(text, mark + 1)
    return after is not None and _GLUED_CLOSING.match(text, after.start()) is not None


def quoted_or_open_spans(text: str, *, continued: bool = False) -> list[tuple[int, int]]:
    """``quoted_spans`` and, last, the quote ``text`` opens and does not close, to its end: news prints a quote of
    several sentences with one opening mark per paragraph and one closing mark at its end, so its first sentences
    close none. A mark after the last quote closed in double marks opens one only where an opening mark stands (not
    one closing a quote begun in an earlier sentence: '... in time," Lee said') and the quote's words follow it, not
    who said them (a closing mark spaced off its last word: '... than ever, "Lee said'; a mark that cannot close,
    after a colon or a curly opening one, opens: 'She said: "Lee told me'). Quotes in single marks after the open
    one are quoted inside it ('“... they might think, ‘Why here?’'). ``continued`` as for ``quoted_spans``."""
    spans = quoted_spans(text, continued=continued)
    closing = closed_from_before(text)
    # Past the closing mark of the last quote in double marks, or of the quote begun before.
    ends = [end + 1 for start, end in spans if text[start - 1 : start] != "‘"]
    last_end = max([*ends, closing + 1 if closing is not None else 0, 0])
    unclosed = next(
        (
            mark.end()
            for mark in _OPENING.finditer(text, last_end)
            if not (_ATTRIBUTION.match(text, mark.end()) and _may_close(text, mark.start()))
        ),
        None,
    )
    if unclosed is not None:
        spans = [*(span for span in spans if span[0] < unclosed), (unclosed, len(text))]
    return spans


def _may_close(text: str, mark: int) -> bool:
    """Whether a mark may close a quote: a straight one opening the text, or after a word or punctuation, spaced off
    it only after punctuation."""
    return text[mark] == '"' and (mark == 0 or _CLOSING_MARK.match(text, mark - 1) is not None)


def quoted_words(text: str) -> str:
    """The words ``text`` puts inside quotation marks or leaves in a quote it does not close
    (``quoted_or_open_spans``), each quote's joined by a space ("" when none)."""
    return " ".join(text[start:end] for start, end in quoted_or_open_spans(text))
