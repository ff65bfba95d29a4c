"""The HTML pages: stories, a story's brief, an article, outlets, upload and job progress, the API reference."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from corroborate.errors import UnknownStoryError
from corroborate.records import Brief, Claim
from corroborate.web import views
from corroborate.web.api import JobsDep, LibraryDep, story_query, submit
from corroborate.web.service import UnknownArticleError

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    template = request.app.state.templates.get_template(name)
    return HTMLResponse(template.render(request=request, settings=request.app.state.settings, **context), status)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    library: LibraryDep,
    q: Annotated[str, Query(max_length=500)] = "",
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    query = story_query(q, since, until, outlet)
    per_page = library.settings.web.stories_per_page
    matching, summaries = library.summaries(query, (page - 1) * per_page, per_page)
    pages = max(1, -(-matching // per_page))
    return render(
        request, "stories.html", summaries=summaries, matching=matching, query=query, outlets=library.outlets(),
        total=len(library.stories()), page=page, pages=pages,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, library: LibraryDep) -> HTMLResponse:
    try:
        story = library.story(story_id)
        brief = library.brief(story)
    except UnknownStoryError as error:
        raise HTTPException(404, f"no story with id {story_id!r}") from error
    outlet_of = {article.id: article.source for article in brief.articles}
    return render(
        request,
        "story.html",
        story=story,
        brief=brief,
        outlet_of=outlet_of,
        sections=claim_sections(brief),
        single_by_outlet=single_source_by_outlet(brief, outlet_of),
        matrix=views.claims_matrix(brief, request.app.state.settings.web.matrix_max_claims),
        timeline=views.timeline_chart(brief.timeline),
        claim_outlets=lambda claim: views.claim_outlets(claim, outlet_of),
        outlets_of=lambda article_ids: list(dict.fromkeys(outlet_of.get(i, i) for i in article_ids)),
    )


def claim_sections(brief: Brief) -> list[tuple[str, str, list[tuple[int, Claim]]]]:
    """Corroborated and contested claims, each numbered as in the matrix."""
    numbered = list(enumerate(brief.claims, 1))
    return [
        ("corroborated", "Corroborated", [(n, c) for n, c in numbered if c.status == "corroborated"]),
        ("contested", "Contested statements", [(n, c) for n, c in numbered if c.status == "contradicted"]),
    ]


def single_source_by_outlet(brief: Brief, outlet_of: dict[str, str]) -> list[tuple[str, list[tuple[int, Claim]]]]:
    by_outlet: dict[str, list[tuple[int, Claim]]] = {}
    for number, claim in enumerate(brief.claims, 1):
        if claim.status == "single_source":
            outlet = views.claim_outlets(claim, outlet_of)[0]
            by_outlet.setdefault(outlet, []).append((number, claim))
    return sorted(by_outlet.items())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str, library: LibraryDep, story: str | None = None, s: int | None = None
) -> HTMLResponse:
    try:
        article = library.article(article_id)
    except UnknownArticleError as error:
        raise HTTPException(404, f"no article with id {article_id!r}") from error
    citations = library.citations(article)
    return render(
        request,
        "article.html",
        article=article,
        paragraphs=views.article_paragraphs(article.text, citations, s),
        citations=citations,
        stories=library.stories_of(article.id),
        from_story=story,
        original=views.external_url(article.url),
    )


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, library: LibraryDep) -> HTMLResponse:
    overviews, pending = library.outlet_overviews()
    return render(request, "sources.html", bars=views.source_bars(overviews), pending=pending)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, jobs: JobsDep) -> HTMLResponse:
    recent = [job for job in jobs.recent() if job.kind == "ingest"]
    return render(request, "upload.html", jobs=recent)


@router.post("/upload")
async def upload(request: Request, jobs: JobsDep) -> Response:
    job = await submit(request, jobs)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str, jobs: JobsDep) -> HTMLResponse:
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job with id {job_id!r} (finished jobs are kept only for a while)")
    return render(request, "job.html", job=job)


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    """The OpenAPI description, rendered here: Swagger UI would need a CDN and inline script."""
    spec = request.app.openapi()
    operations = [
        (method.upper(), path, operation)
        for path, methods in spec.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return render(request, "docs.html", spec=spec, operations=operations)
