"""Turning what a browser or an API client sends into documents for the pipeline, without touching the disk.

Uploaded bytes are read from memory; a client's file name is only ever a label (the article's origin), never
a path: it is cut to its last component and stripped of anything that is not a plain character.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence

from corroborate.ingest import documents_from_bytes, documents_from_records
from corroborate.records import RawDocument, Skipped
from corroborate.settings import Settings

Document = RawDocument | Skipped

MAX_NAME_CHARS = 120


class IntakeError(ValueError):
    """A request whose body cannot be read as articles at all (as opposed to one article being refused)."""


def safe_name(filename: str | None) -> str:
    """A display label from a client's file name: last path component, printable, bounded, never empty."""
    last = re.split(r"[\\/]", filename or "")[-1]
    cleaned = re.sub(r"[^\w.\- ]", "_", last).strip(" .")
    return cleaned[:MAX_NAME_CHARS] or "upload"


def upload_origin(filename: str | None) -> str:
    return f"upload:{safe_name(filename)}"


def from_upload(filename: str | None, data: bytes, settings: Settings) -> list[Document]:
    """The documents in one uploaded file (a page, a text, a WARC or a JSONL file may hold many)."""
    origin = upload_origin(filename)
    if not data:
        return [Skipped(origin, "the file is empty")]
    return list(documents_from_bytes(origin, data, settings))


def from_paste(text: str, title: str | None, source: str | None, url: str | None) -> list[Document]:
    """A pasted article; it is plain text, whatever it looks like, so pasted markup is never parsed."""
    if not text.strip():
        return []
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return [
        RawDocument(
            origin=f"pasted:{digest}",
            kind="text",
            content=text,
            url=_stated(url),
            title=_stated(title),
            source=_stated(source),
        )
    ]


def from_json_body(body: bytes, settings: Settings) -> list[Document]:
    """Articles from a JSON request body: a list of objects with the JSONL fields."""
    try:
        records = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IntakeError(f"the body is not valid JSON ({error})") from error
    except RecursionError as error:
        raise IntakeError("the body is JSON nested too deeply to hold articles") from error
    if not isinstance(records, list):
        raise IntakeError("the body must be a JSON list of articles (objects with the JSONL fields)")
    if not records:
        raise IntakeError("the list of articles is empty")
    limit = settings.web.max_json_articles
    if len(records) > limit:
        raise IntakeError(f"{len(records)} articles in one request, over the limit of {limit}: send a JSONL file")
    return list(documents_from_records(records, "api", settings))


def _stated(value: str | None) -> str | None:
    return value.strip() or None if value else None


def describe(documents: Sequence[Document]) -> str:
    """What a job holds, for its status line."""
    count = len(documents)
    return f"{count} input{'s' if count != 1 else ''}"
