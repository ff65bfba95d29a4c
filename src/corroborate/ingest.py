"""Reading inputs: folders, text, HTML, WARC and JSONL files become ``RawDocument``s; what cannot be read
becomes a ``Skipped`` with a reason a user understands, and reading goes on.

What an input is follows from its name (``.html``, ``.txt``, ``.warc``, ``.jsonl``, ``.json``, each also
``.gz``), and for any other name from its content: WARC by its magic, HTML by a leading ``<!doctype html`` or
``<html``, JSONL when every non-blank line is a JSON object, and plain text otherwise. Gzip is recognised by
its magic bytes, whatever the name. WARC and JSONL files are streamed one record or line at a time, so their
size is bounded only per record; any other file is read whole and bounded as a whole.

Origins: a file's path; ``path#record-N`` for the WARC record (or JSON array item) at index N, counting from
0 as WARC tools do; ``path#line-N`` for JSONL line N, counting from 1 as editors do.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from corroborate.errors import InputError
from corroborate.records import RawDocument, Skipped
from corroborate.settings import DEFAULT_SETTINGS, Settings

logger = logging.getLogger(__name__)

Format = Literal["warc", "jsonl", "json", "html", "text"]
Document = RawDocument | Skipped

_FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}
_HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_METADATA_FIELDS = ("url", "title", "published", "source", "author")
_GZIP_MAGIC = b"\x1f\x8b"
_URL = re.compile(r"https?://", re.IGNORECASE)
_WARC_MAGIC = b"WARC/"
# The store's database and SQLite's side files, met when the store lies inside an input folder.
_STORE_FILE = re.compile(r"\.(db|sqlite3?)(-wal|-shm|-journal)?$", re.IGNORECASE)
# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Pages labelled Latin-1 or ASCII are in practice Windows-1252 (browsers decode them so, per WHATWG), and
# decoding them as true Latin-1 would turn their curly quotes into control characters.
_WINDOWS_1252_LABELS = frozenset({"iso8859-1", "ascii"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(r"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Control characters other than tab, newlines, vertical tab and form feed, which plain text does hold.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# gzip reports a truncated or corrupt stream with any of these, depending on where the damage lies.
_GZIP_DAMAGE = (EOFError, gzip.BadGzipFile, zlib.error)
_DRAIN_CHUNK = 64 * 1024


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without the warning it prints on stderr itself when a record's length looks wrong:
    where that damage breaks a record, it is reported as a ``Skipped`` like any other."""

    INC_RECORD = ""


class _ArchiveDamage(Exception):
    """The compressed layer of an archive ends early or is corrupt."""


class _DamageReporting:
    """The stream warcio reads: an EOFError becomes ``_ArchiveDamage``, and reads may come back short.

    warcio takes any EOFError for the end of the archive, so a truncated .warc.gz would otherwise read as a
    complete, shorter file. Short reads (``read1``) hand over the data decompressed before the damage, where a
    full read would lose it to the error.
    """

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read1(size if size > 0 else _DRAIN_CHUNK)
        except EOFError as error:
            raise _ArchiveDamage(_summary(error)) from error

    def tell(self) -> int:
        return self._stream.tell()


# Reading a record's content reports damage with these: ours from the gzip layer, or gzip's own errors.
_ARCHIVE_DAMAGE = (_ArchiveDamage, OSError, zlib.error)


@dataclass(frozen=True, slots=True)
class _Input:
    """One file or upload: where it came from, its name (for its extension), size and a way to open it."""

    origin: str
    name: str
    size: int
    open: Callable[[], io.BufferedIOBase]


# ---- Public entry points ----------------------------------------------------------------------------------


def iter_documents(inputs: Iterable[str | Path], settings: Settings = DEFAULT_SETTINGS) -> Iterator[Document]:
    """Read files and folders (recursively, in sorted order), one document or skipped input at a time."""
    for item in inputs:
        if isinstance(item, str) and _URL.match(item) and not Path(item).exists():
            yield Skipped(item, "is a URL; corroborate reads saved pages only (no network): save it to a file")
            continue
        yield from _documents_from_path(Path(item), settings)


def documents_from_bytes(name: str, data: bytes, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Document]:
    """Read an uploaded file; its kind follows from its name and content, its origin is ``name``."""
    upload = _Input(origin=name, name=name, size=len(data), open=lambda: io.BytesIO(data))
    yield from _documents_from_input(upload, settings)


def documents_from_records(
    records: Iterable[object], origin: str, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Document]:
    """Read JSON objects with the JSONL fields; item N gets the origin ``origin#record-N``."""
    for index, record in enumerate(records):
        yield _document_from_object(record, f"{origin}#record-{index}", settings)


# ---- Paths and folders ------------------------------------------------------------------------------------


def _documents_from_path(path: Path, settings: Settings) -> Iterator[Document]:
    try:
        status = path.stat()
    except OSError as error:
        yield Skipped(_display(path), _os_reason(error))
        return
    if stat.S_ISDIR(status.st_mode):
        for entry in _walk(path, set()):
            if isinstance(entry, Skipped):
                yield entry
            else:
                yield from _documents_from_file(*entry, settings)
    else:
        yield from _documents_from_file(path, status, settings)


def _walk(folder: Path, seen: set[Path]) -> Iterator[tuple[Path, os.stat_result] | Skipped]:
    """Files under ``folder`` depth first, sorted by name; ``seen`` stops symlink loops."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as error:
        yield Skipped(_display(folder), _os_reason(error))
        return
    for name in names:
        path = folder / name
        if name.startswith(".") or _STORE_FILE.search(name):
            logger.debug("not reading %s: hidden or a store file", path)
            continue
        try:
            status = path.stat()
        except OSError as error:
            reason = "a link to nothing" if path.is_symlink() else _os_reason(error)
            yield Skipped(_display(path), reason)
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _walk(path, seen)
        else:
            yield path, status


def _documents_from_file(path: Path, status: os.stat_result, settings: Settings) -> Iterator[Document]:
    origin = _display(path)
    if not stat.S_ISREG(status.st_mode):
        # Opening a fifo or a device would block or never end.
        yield Skipped(origin, f"not a regular file but {_file_type(status)}")
        return
    file = _Input(origin=origin, name=path.name, size=status.st_size, open=lambda: path.open("rb"))
    yield from _documents_from_input(file, settings)


# ---- One input, whatever its format -----------------------------------------------------------------------


def _documents_from_input(source: _Input, settings: Settings) -> Iterator[Document]:
    try:
        if source.size == 0:
            raise InputError(source.origin, "empty file (0 bytes)")
        file_format = _format_from_name(source.name) or _sniff_format(source, settings)
        if file_format == "warc":
            yield from _warc_documents(source, settings)
        elif file_format == "jsonl":
            yield from _jsonl_documents(source, settings)
        elif file_format == "json":
            yield from _json_documents(source, settings)
        else:
            yield _single_document(source, file_format, settings)
    except InputError as error:
        yield Skipped(error.origin, error.reason)
    except OSError as error:
        yield Skipped(source.origin, _os_reason(error))


def _format_from_name(name: str) -> Format | None:
    lowered = name.lower().removesuffix(".gz")
    return _FORMAT_BY_SUFFIX.get(os.path.splitext(lowered)[1])


def _sniff_format(source: _Input, settings: Settings) -> Format:
    with source.open() as raw:
        head = raw.read(settings.ingest.sniff_bytes)
    if head.startswith(_WARC_MAGIC) or (head.startswith(_GZIP_MAGIC) and _gunzip_head(head).startswith(_WARC_MAGIC)):
        return "warc"
    with _open_content(source) as stream:
        try:
            head = stream.read(settings.ingest.sniff_bytes)
        except _GZIP_DAMAGE as error:
            raise InputError(source.origin, f"damaged gzip file ({_summary(error)})") from error
    if _looks_like_html(head):
        return "html"
    if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{") and _is_jsonl(source, settings):
        return "jsonl"
    return "text"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return b""


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return start.startswith(b"<") and (b"<!doctype html" in start or b"<html" in start)


def _is_jsonl(source: _Input, settings: Settings) -> bool:
    """Whether every non-blank line is a JSON object: one streaming pass that stops at the first that is not."""
    found = False
    with _open_content(source) as stream:
        try:
            for _, line in _numbered_lines(stream, settings.ingest.max_record_bytes):
                if line is None:
                    return False
                if not line.strip():
                    continue
                if not isinstance(json.loads(line.decode("utf-8-sig")), dict):
                    return False
                found = True
        except (ValueError, RecursionError, *_GZIP_DAMAGE):
            return False
    return found


@contextmanager
def _open_content(source: _Input) -> Iterator[io.BufferedIOBase]:
    """The input's bytes, gunzipped when they start with the gzip magic, whatever the name says."""
    with source.open() as raw:
        compressed = raw.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
        raw.seek(0)
        if compressed:
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked
        else:
            yield raw


# ---- Whole files: text, HTML and JSON ---------------------------------------------------------------------


def _single_document(source: _Input, file_format: Format, settings: Settings) -> RawDocument:
    limit = settings.ingest.max_file_bytes
    if source.size > limit:
        raise InputError(
            source.origin,
            f"file is {_size(source.size)}, over the limit of {_size(limit)} (settings.ingest.max_file_bytes)",
        )
    data = _read_whole(source, limit)
    is_html = file_format == "html"
    declared = _meta_charsets(data[: settings.ingest.sniff_bytes]) if is_html else ()
    content = _decode(data, declared, source.origin, settings)
    if not content.strip():
        raise InputError(source.origin, "contains only whitespace")
    return RawDocument(origin=source.origin, kind="html" if is_html else "text", content=content)


def _read_whole(source: _Input, limit: int) -> bytes:
    with _open_content(source) as stream:
        try:
            data = stream.read(limit + 1)
        except _GZIP_DAMAGE as error:
            raise InputError(source.origin, f"damaged gzip file ({_summary(error)})") from error
    if len(data) > limit:
        raise InputError(
            source.origin, f"decompresses to more than {_size(limit)}, the limit (settings.ingest.max_file_bytes)"
        )
    if not data:
        raise InputError(source.origin, "empty file (nothing inside the gzip)")
    return data


def _json_documents(source: _Input, settings: Settings) -> Iterator[Document]:
    limit = settings.ingest.max_file_bytes
    if source.size > limit:
        raise InputError(
            source.origin,
            f"file is {_size(source.size)}, over the limit of {_size(limit)}"
            " (settings.ingest.max_file_bytes); as JSONL it would be streamed",
        )
    try:
        value = json.loads(_read_whole(source, limit).decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(source.origin, "JSON file is not UTF-8 text") from error
    except ValueError as error:
        raise InputError(source.origin, f"not valid JSON ({_summary(error)})") from error
    except RecursionError as error:
        raise InputError(source.origin, "JSON nested too deeply to be an article") from error
    if isinstance(value, list):
        yield from documents_from_records(value, source.origin, settings)
    else:
        yield _document_from_object(value, source.origin, settings)


# ---- Text decoding ----------------------------------------------------------------------------------------


def _decode(data: bytes, declared: tuple[str, ...], origin: str, settings: Settings) -> str:
    """Decode by byte-order mark, else UTF-8, else the declared charsets, else Windows-1252 or Latin-1.

    UTF-8 goes before any declared charset: bytes that are valid UTF-8 and not ASCII are almost never
    anything else, while pages often declare a charset their server assumed.
    """
    marked = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    if marked is not None:
        try:
            text = data.decode(marked)
        except UnicodeDecodeError as error:
            raise InputError(origin, f"starts with a {marked} byte-order mark but is not {marked} text") from error
    elif b"\x00" in data:
        raise InputError(origin, "binary data (contains NUL bytes), not text or HTML")
    else:
        text = _decode_first(data, ("utf-8", *declared, "cp1252", "latin-1"))
    if _control_share(text) > settings.ingest.max_control_char_share:
        raise InputError(origin, "binary data (full of control characters), not text or HTML")
    return text


def _decode_first(data: bytes, labels: tuple[str, ...]) -> str:
    for label in labels:
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            continue
        try:
            return data.decode("cp1252" if codec in _WINDOWS_1252_LABELS else codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0


def _meta_charsets(head: bytes) -> tuple[str, ...]:
    found = _META_CHARSET.search(head.decode("latin-1"))
    return (found.group(1),) if found else ()


def _charset_param(content_type: str | None) -> tuple[str, ...]:
    found = _CHARSET.search(content_type or "")
    return (found.group(1),) if found else ()


# ---- WARC -------------------------------------------------------------------------------------------------


def _warc_documents(source: _Input, settings: Settings) -> Iterator[Document]:
    """HTML responses of a WARC, one record at a time; damage ends the file with one Skipped that names it.

    The gzip layer is undone here rather than by warcio, which stops silently at a truncated gzip member.
    """
    with _open_content(source) as stream:
        try:
            magic = stream.read(len(_WARC_MAGIC))
        except _GZIP_DAMAGE as error:
            raise InputError(source.origin, f"damaged gzip file ({_summary(error)})") from error
    if magic != _WARC_MAGIC:
        # warcio would try the older ARC format next, and read any text as an ARC record.
        raise InputError(source.origin, "not a WARC file: it does not start with 'WARC/'")
    read = 0
    with _open_content(source) as stream:
        try:
            for record in _warc_records(stream):
                origin = f"{source.origin}#record-{read}"
                document = _document_from_warc_record(record, origin, settings)
                _drain(record)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    yield Skipped(
                        origin,
                        f"the file ends inside this record: it is truncated ({read} records before it were read)",
                    )
                    return
                yield document
                read += 1
        except _ARCHIVE_DAMAGE as error:
            yield Skipped(
                f"{source.origin}#record-{read}",
                "the WARC file is damaged here; nothing after it can be"
                f" read ({read} records before it were read; {_summary(error)})",
            )
            return
    if read == 0:
        yield Skipped(source.origin, "WARC file holds no records")


def _warc_records(stream: io.BufferedIOBase) -> Iterator[ArcWarcRecord]:
    """warcio's records, with any failure to parse the next one raised as ``_ArchiveDamage``."""
    records = _QuietArchiveIterator(_DamageReporting(stream))
    while True:
        try:
            record = next(records)
        except StopIteration:
            # warcio also stops quietly at a header block cut short by the end of the file; the bytes after
            # the last whole record give it away.
            if records.offset < stream.tell():
                raise _ArchiveDamage("the file ends inside a record's headers") from None
            return
        except Exception as error:
            # warcio's parser fails on malformed headers with whatever it trips on (ArchiveLoadFailed, a
            # header parse error, AttributeError for a missing header...), and a bad input must never stop
            # the batch. Only parsing runs under this catch, not our own code.
            raise _ArchiveDamage(_parse_failure(error)) from error
        if record.rec_type is None or not (record.rec_headers.get_header("Content-Length") or "").isdigit():
            # Without these the record cannot be told apart or delimited: its header block is cut short.
            raise _ArchiveDamage("a record without its WARC-Type or Content-Length header")
        yield record


def _parse_failure(error: Exception) -> str:
    """What warcio's failure says of the record: its own errors name the fault; a Python error raised inside its
    parser ("'NoneType' object has no attribute ...") means a header it relies on is missing or malformed, which
    its message would not tell a reader."""
    if isinstance(error, ArchiveLoadFailed | StatusAndHeadersParserException):
        return _summary(error)
    return "a record's headers are malformed or lack one a WARC record needs"


def _document_from_warc_record(record: ArcWarcRecord, origin: str, settings: Settings) -> Document:
    if record.rec_type not in ("response", "resource"):
        return Skipped(origin, f"WARC {_printable(record.rec_type)} record, not a response")
    http = record.http_headers
    if http is not None and not http.get_statuscode().startswith("2"):
        return Skipped(origin, f"WARC record is an HTTP {_printable(http.get_statuscode())} response, not a page")
    content_type = http.get_header("Content-Type") if http is not None else record.content_type
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type.startswith("application/http"):
        # A response record without parsed HTTP headers: only its content can tell what it holds.
        media_type = ""
    if media_type and media_type not in _HTML_MEDIA_TYPES:
        return Skipped(origin, f"WARC record is {_printable(media_type)}, not HTML")
    limit = settings.ingest.max_record_bytes
    if record.length and record.length > limit:
        return Skipped(
            origin,
            f"WARC record is {_size(record.length)}, over the per-record limit of"
            f" {_size(limit)} (settings.ingest.max_record_bytes)",
        )
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Skipped(
            origin,
            f"WARC record decompresses to more than {_size(limit)}, the per-record limit"
            " (settings.ingest.max_record_bytes)",
        )
    if not data.strip():
        return Skipped(origin, "WARC record has an empty body")
    if not media_type and not _looks_like_html(data[: settings.ingest.sniff_bytes]):
        return Skipped(origin, "WARC record states no content type and does not look like HTML")
    declared = (*_charset_param(content_type), *_meta_charsets(data[: settings.ingest.sniff_bytes]))
    try:
        content = _decode(data, declared, origin, settings)
    except InputError as error:
        return Skipped(error.origin, error.reason)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(origin=origin, kind="html", content=content, url=url or None)


def _drain(record: ArcWarcRecord) -> None:
    """Read the rest of the record, so that a record cut short by the end of the file shows as such."""
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass


# ---- JSONL and JSON objects -------------------------------------------------------------------------------


def _jsonl_documents(source: _Input, settings: Settings) -> Iterator[Document]:
    limit = settings.ingest.max_record_bytes
    number = 0
    found = False
    with _open_content(source) as stream:
        try:
            for number, line in _numbered_lines(stream, limit):
                origin = f"{source.origin}#line-{number}"
                if line is None:
                    yield Skipped(
                        origin,
                        f"line is longer than {_size(limit)}, the per-record limit (settings.ingest.max_record_bytes)",
                    )
                elif line.strip():
                    found = True
                    yield _document_from_line(line, origin, settings)
        except _GZIP_DAMAGE as error:
            yield Skipped(
                f"{source.origin}#line-{number + 1}",
                f"the compressed file is damaged here; nothing after line {number} can be read ({_summary(error)})",
            )
            return
    if not found:
        yield Skipped(source.origin, "JSONL file holds no lines of JSON")


def _numbered_lines(stream: io.BufferedIOBase, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines numbered from 1, each read with a bound; a line over ``limit`` bytes comes as None."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: io.BufferedIOBase) -> None:
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _document_from_line(line: bytes, origin: str, settings: Settings) -> Document:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Skipped(origin, "line is not UTF-8 text")
    try:
        value = json.loads(text.rstrip("\r\n"))
    except ValueError as error:
        return Skipped(origin, f"not valid JSON ({_summary(error)})")
    except RecursionError:
        return Skipped(origin, "JSON nested too deeply to be an article")
    return _document_from_object(value, origin, settings)


def _document_from_object(value: object, origin: str, settings: Settings) -> Document:
    """One article from a JSON object; ``html`` is preferred to ``text`` since extraction reads more from it."""
    if not isinstance(value, dict):
        return Skipped(origin, f"expected a JSON object with the article, found {_json_type(value)}")
    for name in (*_METADATA_FIELDS, "text", "html"):
        field_value = value.get(name)
        if field_value is not None and not isinstance(field_value, str):
            return Skipped(origin, f"field '{name}' is {_json_type(field_value)}, expected a string")
    html, text = value.get("html"), value.get("text")
    if html is not None and html.strip():
        kind: Literal["html", "text"] = "html"
        content = html
    elif text is not None and text.strip():
        kind, content = "text", text
    elif "html" in value or "text" in value:
        return Skipped(origin, "the article's 'text' or 'html' field is empty")
    else:
        return Skipped(origin, "has neither a 'text' nor an 'html' field")
    size = len(content.encode("utf-8", "surrogatepass"))
    if size > settings.ingest.max_record_bytes:
        return Skipped(
            origin,
            f"article is {_size(size)}, over the per-record limit of"
            f" {_size(settings.ingest.max_record_bytes)} (settings.ingest.max_record_bytes)",
        )
    return RawDocument(
        origin=origin,
        kind=kind,
        content=content,
        url=_stated(value, "url"),
        title=_stated(value, "title"),
        published=_stated(value, "published"),
        source=_stated(value, "source"),
        author=_stated(value, "author"),
    )


def _stated(record: dict[str, object], name: str) -> str | None:
    """A metadata field as the input states it; an empty string states nothing."""
    value = record.get(name)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# ---- Messages ---------------------------------------------------------------------------------------------


def _display(path: Path) -> str:
    """The path as printable text: bytes of a name that are not UTF-8 are shown escaped, not as surrogates."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, PermissionError):
        return "permission denied: cannot read it"
    return f"cannot be read: {error.strerror or error}"


def _file_type(status: os.stat_result) -> str:
    if stat.S_ISFIFO(status.st_mode):
        return "a named pipe (fifo)"
    if stat.S_ISSOCK(status.st_mode):
        return "a socket"
    return "a device"


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


def _summary(error: BaseException) -> str:
    """An exception's message as one short printable line, since archive errors quote binary garbage."""
    message = str(error).strip()
    return _printable(message.splitlines()[0] if message else type(error).__name__)


def _printable(text: str, limit: int = 80) -> str:
    """Text quoted from an input, made safe for a one-line message."""
    printable = "".join(char if char.isprintable() else "?" for char in text)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
