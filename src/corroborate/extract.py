"""Extraction: a raw document becomes main text plus metadata, with the page's header chrome taken out.

HTML goes through trafilatura (main text without comments, and the page's own metadata). Plain text, as
scraped from a page, often starts with site chrome and the headline; those leading lines are read here:
breadcrumbs, datelines, categories, bylines and reading-time lines go to ``removed`` with their reason, the
headline becomes the title, and the date, author and outlet the page states are kept as metadata.
Metadata stated by the input itself (JSONL fields, WARC target URI) wins over what the page says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlsplit

import trafilatura

from corroborate.clean import CALENDAR_WORD as _CALENDAR_WORD
from corroborate.clean import MONTH, PLACE_DATELINE, dateline_date_text
from corroborate.errors import InputError
from corroborate.records import ExtractedPage, RawDocument, RemovedSpan
from corroborate.settings import DEFAULT_SETTINGS, ExtractSettings, Settings

# The date inside a dateline: "Oct. 31, 2025", "31 October 2025" or "31/10/2025", without the time and zone
# that often follow and can throw a date parser off.
_DATE_PART = re.compile(
    rf"\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
    r"|\b\d{1,4}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{1,4}\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Spaces a tokenised copy puts after the colon of a time or the dots of a date ("8: 41", "08. 07. 2012") and
# inside "p. m.".
_TIME_SPACING = re.compile(r"(\d)([:.])\s+(?=\d)")
_MERIDIEM_SPACING = re.compile(r"\b([ap])\.\s+m\.", re.IGNORECASE)

_BREADCRUMB = re.compile(r"^(?:home|homepage|start)\s*[»›>/|]|[»›].*[»›]", re.IGNORECASE)
_CATEGORY = re.compile(
    r"^(?:categor(?:y|ies)|tags?|topics?|filed under|sections?|posted in|labels?|keywords)\s*[:：]",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"\b\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading)\b|\breading time\b|^\d+\s+(?:comments?|views?|shares?)\b",
    re.IGNORECASE,
)
_BYLINE_LABEL = r"(?:(?:written|posted|published|reported|words|story|text|photos?)\s+)?by"
_BYLINE = re.compile(rf"^(?:{_BYLINE_LABEL}\s*[:\-]?\s+|author\s*[:\-]\s*)(?P<name>\S.*)$", re.IGNORECASE)
_BYLINE_ALONE = re.compile(rf"^(?:{_BYLINE_LABEL}|author)\s*:?$", re.IGNORECASE)
# Where a byline's name ends: a separator before the outlet, a date or a role.
_NAME_END = re.compile(r"\s*(?:[|,;·•–—]|\s-\s|\bon\s+\d|\bupdated\b|\bpublished\b).*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")

# "SiteName (31/10/2025): " at the start of the first paragraph: the page names itself and dates the story.
_SITE_DATELINE = re.compile(r"^(?P<site>[^\W\d_][\w.&'’ -]{0,40}?)\s*\((?P<date>[^()]{4,40})\)\s*[:–—-]\s*")
# A trailing line that is a bare site domain ("Example.Net"): the page's own signature.
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}$")
_QUOTES = "\"'“”‘’()[] "
# Spaces around a web address's punctuation, as tokenised copies write it ("http: / / example. com / a - b").
_URL_SPACING = re.compile(r"\s*([:/.?=&#_~%+,;!*'’-])\s*")
# A line that is nothing but a web address, maybe labelled: a saved page's own address, not its headline.
_URL_LINE = re.compile(r"^(?:(?:url|link|permalink|source)\s*:)?(?P<url>https?://[^\s/]+\.[^\s/]+(?:/\S*)?)$",
                       re.IGNORECASE)
_CLOSING = re.compile(r"[.!?:;,\"'”’)]$")
_SPACE = re.compile(r"\s+")
# Where one sentence ends and another begins inside a line.
_SENTENCE_BREAK = re.compile(r"[a-z0-9)\"'”’][.!?][\"'”’]?\s+[A-Z“\"'‘]")
# Words that title case leaves in lower case ("What the Council Decided" is a heading, not a tag).
_TITLE_CASE_LOWER = frozenset(
    ("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as")
)


@dataclass(slots=True)
class _Header:
    """What the leading lines of a plain-text page say about it, and which of them are chrome."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    chrome: dict[int, str] = field(default_factory=dict)
    # The headline line and its repeats: not junk, but the title, so they leave the text unrecorded.
    repeats: set[int] = field(default_factory=set)


def extract(doc: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> ExtractedPage:
    """Main text and metadata of ``doc``; leading page chrome of plain text goes to ``removed``.

    Raises ``InputError`` when the document holds no main text (fewer than ``min_text_words`` words).
    """
    page = _extract_html(doc, settings.extract) if doc.kind == "html" else _extract_text(doc, settings.extract)
    if len(page.text.split()) < settings.extract.min_text_words:
        raise InputError(doc.origin, f"no article text found ({doc.kind} page with {len(page.text.split())} words)")
    return replace(
        page,
        title=doc.title or page.title,
        author=doc.author or page.author,
        published=iso_date(doc.published) or page.published,
        source=doc.source or page.source,
        url=doc.url or page.url,
    )


def iso_date(value: str | None) -> str | None:
    """``value`` as an ISO date (YYYY-MM-DD), or None when it does not read as a date."""
    if not value or not value.strip():
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        return match.group(0)
    parsed = _parse_date(value.strip())
    return parsed.date().isoformat() if parsed else None


# ---- HTML ------------------------------------------------------------------------------------------------


def _extract_html(doc: RawDocument, settings: ExtractSettings) -> ExtractedPage:
    size = len(doc.content.encode("utf-8", "surrogatepass"))
    if size > settings.max_html_bytes:
        # trafilatura itself gives up on such pages without saying why; the user is told.
        raise InputError(
            doc.origin,
            f"HTML page of {size / 1e6:.1f} MB is over the {settings.max_html_bytes / 1e6:.0f} MB extraction limit",
        )
    result = trafilatura.bare_extraction(
        doc.content,
        url=doc.url,
        with_metadata=True,
        include_comments=False,
        favor_precision=settings.favor_precision,
        prune_xpath=settings.prune_xpath,
    )
    if result is None:
        raise InputError(doc.origin, "no article text found in the HTML page")
    title = _clean_line(result.title) if result.title else None
    lines = [line.rstrip() for line in result.text.splitlines()]
    if title:
        lines = [line for index, line in enumerate(lines) if not _is_title_repeat(line, title, index, settings)]
    return ExtractedPage(
        text=_join(lines),
        title=title or None,
        author=result.author or None,
        published=iso_date(result.date),
        source=_site_name(result.sitename),
        url=result.url or None,
    )


def _is_title_repeat(line: str, title: str, index: int, settings: ExtractSettings) -> bool:
    return index < settings.header_lines and _normal(line) == _normal(title)


# ---- Plain text ------------------------------------------------------------------------------------------


def _extract_text(doc: RawDocument, settings: ExtractSettings) -> ExtractedPage:
    lines = doc.content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _read_header(lines, settings)
    removed = [RemovedSpan(_clean_line(lines[i]), reason) for i, reason in sorted(header.chrome.items())]
    kept = [line.rstrip() for i, line in enumerate(lines) if i not in header.chrome and i not in header.repeats]
    if header.title and not "".join(kept).strip():
        # A headline-only document: its one statement is the headline, so it stays the text too.
        kept = [header.title]
    kept, source, published, prefix = _site_dateline(kept)
    if prefix:
        removed.append(RemovedSpan(prefix, "dateline"))
    return ExtractedPage(
        text=_join(kept),
        title=header.title,
        author=header.author,
        published=header.published or published,
        source=source or _signature_site(kept) or host_outlet(header.url),
        url=header.url,
        removed=tuple(removed),
    )


def _read_header(lines: list[str], settings: ExtractSettings) -> _Header:
    """Classify the first non-empty lines: chrome (with reason), the headline and its repeats."""
    header = _Header()
    indexes = [i for i, line in enumerate(lines) if line.strip()][: settings.header_lines]
    in_header = True
    previous_chrome = False
    for position, index in enumerate(indexes):
        line = _clean_line(lines[index])
        following = _clean_line(lines[indexes[position + 1]]) if position + 1 < len(indexes) else ""
        reason = _address_reason(line, header) if in_header else None
        reason = reason or _chrome_reason(line, following, header)
        after_byline = position > 0 and header.chrome.get(indexes[position - 1]) == "byline"
        if reason is None and after_byline and header.author is None and _looks_like_name(line):
            header.author, reason = line, "byline"
        if reason is not None:
            header.chrome[index] = reason
            previous_chrome = True
            continue
        if header.title is not None and _normal(line) == _normal(header.title):
            header.repeats.add(index)
            continue
        if _is_body(line, settings):
            first_content = position == len(header.chrome)
            if header.title is None and first_content and _is_sentence_headline(lines, index, settings):
                # Kept in the text as well: it reads as a sentence, so it may be the lead rather than a headline.
                header.title = line
            in_header = False
        if not in_header:
            previous_chrome = False
            continue
        if header.title is None and _is_headline(line, settings):
            header.title = line
            header.repeats.add(index)
        elif previous_chrome and _is_tag_line(line, settings):
            header.chrome[index] = "category tags"
            continue
        previous_chrome = False
    return header


def _chrome_reason(line: str, following: str, header: _Header) -> str | None:
    if _BREADCRUMB.search(line):
        return "breadcrumb"
    if _CATEGORY.match(line):
        return "category tags"
    if _READING_TIME.search(line) and len(line.split()) <= 8:
        return "reading time"
    if PLACE_DATELINE.match(line):
        return "dateline"
    bare = dateline_date_text(_closed_up_time(line))
    if bare is not None:
        # A dateline without its year ("APR 28") is chrome too, though it dates nothing.
        header.published = header.published or _dateline_date(bare)
        return "dateline"
    if _BYLINE_ALONE.match(line) and _looks_like_name(following):
        return "byline"
    byline = _BYLINE.match(line)
    if byline and len(line.split()) <= 12:
        name = _NAME_END.sub("", byline.group("name")).strip()
        if _looks_like_name(name):
            header.author = header.author or name
            return "byline"
    return None


def _address_reason(line: str, header: _Header) -> str | None:
    """"page URL" for a line that is nothing but a web address; the first such is the page's URL."""
    address = page_address(line)
    if address is None:
        return None
    header.url = header.url or address
    return "page URL"


def page_address(line: str) -> str | None:
    """The web address a line consists of, with the spaces a tokenised copy puts around its punctuation
    closed up ("http: / / example. com / a - b. html" is "http://example.com/a-b.html"), else None."""
    match = _URL_LINE.match(_URL_SPACING.sub(r"\1", line.strip()))
    return match.group("url") if match else None


def _site_name(name: str | None) -> str | None:
    """The outlet a page's site name gives; some pages put their address there ("https://www.x.com"), which
    reads as its host, as when the page names no site at all."""
    if not name:
        return None
    return host_outlet(name) if urlsplit(name).scheme in {"http", "https"} else name


def host_outlet(url: str | None) -> str | None:
    """The outlet a page's address names: its host without "www."."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _dateline_date(bare: str) -> str | None:
    """The ISO date of the date and time of a dateline (``dateline_date_text``), None when it lacks a part."""
    part = _DATE_PART.search(bare)
    return iso_date(re.sub(r"\s*([/.-])\s*", r"\1", part.group(0))) if part else None


def _closed_up_time(line: str) -> str:
    """``line`` with the spaces tokenised copies put inside times and numeric dates closed up ("8: 41 p. m."
    is "8:41 p.m.", "08. 07. 2012" is "08.07.2012")."""
    return _TIME_SPACING.sub(r"\1\2", _MERIDIEM_SPACING.sub(r"\1.m.", line))


def _is_body(line: str, settings: ExtractSettings) -> bool:
    """A body paragraph: too long for a headline, or a sentence."""
    return len(line.split()) > settings.max_title_words or _ends_sentence(line)


def _ends_sentence(line: str) -> bool:
    """Ends on a full stop after a word (not after an abbreviation such as "U.S."), or on a comma."""
    core = line.rstrip(_QUOTES)
    if core.endswith((",", ";")):
        return True
    if not core.endswith("."):
        return False
    words = core[:-1].split()
    last = words[-1].strip(_QUOTES) if words else ""
    return "." not in last and (not last or any(char.islower() or char.isdigit() for char in last))


def _is_sentence_headline(lines: list[str], index: int, settings: ExtractSettings) -> bool:
    """A first line punctuated like a sentence that stands alone as the headline: one short sentence, set off
    from the body by a blank line (many text copies end their headline with a full stop)."""
    line = _clean_line(lines[index])
    words = line.split()
    return (
        settings.min_title_words <= len(words) <= settings.max_sentence_title_words
        and not _SENTENCE_BREAK.search(line.rstrip(".!?"))
        and index + 2 < len(lines)
        and not lines[index + 1].strip()
        and any(line.strip() for line in lines[index + 2:])
    )


def _is_headline(line: str, settings: ExtractSettings) -> bool:
    words = line.split()
    return (
        settings.min_title_words <= len(words) <= settings.max_title_words
        and not line.endswith(":")
        and any(word[0].isupper() for word in words)
    )


def _is_tag_line(line: str, settings: ExtractSettings) -> bool:
    """A short label right after header chrome, not capitalised like a heading: the story's topic tags."""
    words = line.split()
    return (
        len(words) <= settings.tag_max_words
        and not _CLOSING.search(line)
        and not title_cased(line)
    )


def title_cased(line: str) -> bool:
    """Every word of ``line`` capitalised, but the short words title case leaves in lower case ("What the
    Council Decided"): a heading's case, in which capitals mark no names."""
    return all(word[0].isupper() or not word[0].isalpha() or word in _TITLE_CASE_LOWER for word in line.split())


def _looks_like_name(text: str) -> bool:
    """A capitalised name ("By Friday, ..." is a time, not an author)."""
    words = text.split()
    return (
        1 <= len(words) <= 5
        and all(_NAME_WORD.match(word) and word[0].isupper() for word in words)
        and dateline_date_text(words[0]) is None
        and not _CALENDAR_WORD.fullmatch(words[0].rstrip(".,"))
    )


def _site_dateline(lines: list[str]) -> tuple[list[str], str | None, str | None, str | None]:
    """Strip a "SiteName (date):" prefix from the first paragraph; return the site name and ISO date."""
    for position, line in enumerate(lines):
        if not line.strip():
            continue
        match = _SITE_DATELINE.match(line.strip())
        published = iso_date(match.group("date")) if match else None
        if match is None or published is None:
            return lines, None, None, None
        rest = line.strip()[match.end() :]
        prefix = _clean_line(match.group(0))
        return [*lines[:position], rest, *lines[position + 1 :]], match.group("site").strip(), published, prefix
    return lines, None, None, None


def _signature_site(lines: list[str]) -> str | None:
    """The site name of a last line that is a bare domain ("Example.Net"), which the page signs with."""
    for line in reversed(lines):
        if line.strip():
            bare = line.strip()
            return bare if _DOMAIN.match(bare) else None
    return None


# ---- Helpers ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> datetime | None:
    import dateparser  # lazily: it is slow to load, and most documents never need it

    # A date missing its day or year is unknown, not today's day or year filled in.
    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month", "year"]}
    return dateparser.parse(value, languages=["en"], settings=settings)


def _clean_line(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def _normal(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


def _join(lines: list[str]) -> str:
    """The lines as text, with runs of blank lines closed up to one."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def language_of(text: str) -> str:
    """The ISO 639-1 code of the text's language (py3langid, the identifier trafilatura itself uses)."""
    import py3langid

    language, _ = py3langid.classify(text)
    return str(language)
