"""The JSON API: stories (with search), a story's brief in the JSON contract, articles, outlets, ingest, jobs."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from corroborate.errors import UnknownStoryError
from corroborate.records import RawDocument, Skipped
from corroborate.settings import Settings
from corroborate.web import intake
from corroborate.web.jobs import Job, JobQueue
from corroborate.web.service import Library, StoryQuery, UnknownArticleError

router = APIRouter(prefix="/api", tags=["api"])

INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                  "description": "HTML, text, WARC(.gz) or JSONL files"},
                        "text": {"type": "string", "description": "a pasted article, as plain text"},
                        "title": {"type": "string"},
                        "source": {"type": "string", "description": "the outlet of the pasted article"},
                        "url": {"type": "string"},
                    },
                }
            },
            "application/json": {
                "schema": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            name: {"type": "string"}
                            for name in ("url", "title", "text", "html", "published", "source", "author")
                        },
                    },
                }
            },
        },
    }
}

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "no such id: JSON with status and message"}}
BAD_INGEST: dict[int | str, dict[str, Any]] = {
    400: {"description": "the body holds no readable articles: JSON with status and message"},
    403: {"description": "a cross-site request"},
    413: {"description": "the body is over the size limit"},
    415: {"description": "neither multipart/form-data, a form, nor application/json"},
}


def get_library(request: Request) -> Library:
    library: Library = request.app.state.library
    return library


def get_jobs(request: Request) -> JobQueue:
    jobs: JobQueue = request.app.state.jobs
    return jobs


LibraryDep = Annotated[Library, Depends(get_library)]
JobsDep = Annotated[JobQueue, Depends(get_jobs)]


def parse_day(value: str | None, name: str) -> str | None:
    """An ISO date from a query parameter; an empty form field means no bound."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise HTTPException(400, f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}") from error


def story_query(q: str, since: str | None, until: str | None, outlet: str | None) -> StoryQuery:
    return StoryQuery(q, parse_day(since, "since"), parse_day(until, "until"), outlet or None)


@router.get(
    "/stories",
    summary="List stories, newest first; q= searches titles and claims",
    responses={400: {"description": "a date that is not YYYY-MM-DD"}},
)
def list_stories(
    library: LibraryDep,
    q: Annotated[str, Query(max_length=500, description="words that the title or a claim must hold")] = "",
    since: Annotated[str | None, Query(description="only stories with articles on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="only stories with articles on or before (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, Query(description="only stories this outlet reports")] = None,
    offset: Annotated[int, Query(ge=0, description="stories to skip")] = 0,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="stories to return")] = None,
) -> dict[str, Any]:
    page_size = limit or library.settings.web.stories_per_page
    total, summaries = library.summaries(story_query(q, since, until, outlet), offset, page_size)
    return {"count": total, "offset": offset, "stories": [summary.to_json() for summary in summaries]}


@router.get("/stories/{story_id}", summary="A story's brief, in the JSON contract", responses=NOT_FOUND)
def get_story(story_id: str, library: LibraryDep) -> dict[str, Any]:
    try:
        story = library.story(story_id)
        return library.brief(story).to_json()
    except UnknownStoryError as error:
        raise HTTPException(404, f"no story with id {story_id!r}") from error


@router.get(
    "/articles/{article_id}", summary="An article: clean text, metadata and the removed page junk", responses=NOT_FOUND
)
def get_article(article_id: str, library: LibraryDep) -> dict[str, Any]:
    try:
        article = library.article(article_id)
    except UnknownArticleError as error:
        raise HTTPException(404, f"no article with id {article_id!r}") from error
    return {
        "id": article.id,
        "origin": article.origin,
        "source": article.source,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "text": article.text,
        "removed": [{"text": span.text, "reason": span.reason} for span in article.removed],
        "stories": [story.id for story in library.stories_of(article.id)],
        "cited": [
            {"start": c.start, "end": c.end, "status": c.status, "claim": c.claim, "story": c.story_id}
            for c in library.citations(article)
        ],
    }


@router.get("/sources", summary="Each outlet's signals summed over every story whose brief is ready")
def get_sources(library: LibraryDep) -> dict[str, Any]:
    overviews, pending = library.outlet_overviews()
    return {"sources": [overview.to_json() for overview in overviews], "stories_pending": pending}


async def read_submission(request: Request, settings: Settings) -> list[RawDocument | Skipped]:
    """The documents a request carries: a JSON list of articles, or multipart files and pasted text."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        return intake.from_json_body(await request.body(), settings)
    if content_type not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise HTTPException(415, "send multipart/form-data (files, text) or application/json (a list of articles)")
    form = await request.form(
        max_files=settings.web.max_upload_files, max_fields=20, max_part_size=settings.web.max_request_bytes
    )
    documents: list[RawDocument | Skipped] = []
    for upload in form.getlist("files"):
        # A browser sends an empty, nameless part for a file field left empty: that is no file at all.
        if isinstance(upload, UploadFile) and (upload.filename or upload.size):
            documents.extend(intake.from_upload(upload.filename, await upload.read(), settings))
    pasted = form.get("text")
    if isinstance(pasted, str):
        title, source, url = (_text_field(form.get(name)) for name in ("title", "source", "url"))
        documents.extend(intake.from_paste(pasted, title, source, url))
    if not documents:
        raise intake.IntakeError("nothing to ingest: send files in the 'files' field or an article in 'text'")
    return documents


def _text_field(value: object) -> str | None:
    return value if isinstance(value, str) else None


async def submit(request: Request, jobs: JobQueue) -> Job:
    settings: Settings = request.app.state.settings
    try:
        documents = await read_submission(request, settings)
    except intake.IntakeError as error:
        raise HTTPException(400, str(error)) from error
    return jobs.submit_ingest(documents, intake.describe(documents))


def job_json(job: Job) -> dict[str, Any]:
    return {**job.to_json(), "status_url": f"/api/jobs/{job.id}", "page_url": f"/jobs/{job.id}"}


@router.post(
    "/ingest",
    summary="Ingest files or a JSON list of articles in the background",
    description="Answers 202 with the job at once; with wait=true, 200 once it is known what was stored and "
    "what was refused and why (the briefs may still be computing; the job's status says so).",
    openapi_extra=INGEST_BODY,
    status_code=202,
    responses={200: {"description": "stored and refused are known (wait=true)"}, **BAD_INGEST},
)
async def post_ingest(
    request: Request, jobs: JobsDep, wait: Annotated[bool, Query(description="answer once stored")] = False
) -> JSONResponse:
    job = await submit(request, jobs)
    settings: Settings = request.app.state.settings
    if wait:
        await run_in_threadpool(jobs.wait, job, settings.web.max_wait_seconds, settled_only=True)
    return JSONResponse(job_json(job), status_code=200 if job.ingest_settled else 202)


@router.get("/jobs", summary="Recent ingest jobs, newest first")
def list_jobs(jobs: JobsDep) -> dict[str, Any]:
    return {"jobs": [job_json(job) for job in jobs.recent()]}


@router.get("/jobs/{job_id}", summary="One ingest job's progress and results", responses=NOT_FOUND)
def get_job(job_id: str, jobs: JobsDep) -> dict[str, Any]:
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job with id {job_id!r} (finished jobs are kept only for a while)")
    return job_json(job)
