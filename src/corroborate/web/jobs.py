"""Background work: one worker thread ingests uploads and then brings the stale briefs up to date.

One worker, not a pool: SQLite takes one writer at a time and the models are CPU-bound, so a second worker
would only contend. Each job records its progress where the status endpoint and the job page can read it.
"""

from __future__ import annotations

import itertools
import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from corroborate import pipeline
from corroborate.errors import UnknownStoryError
from corroborate.records import RawDocument, Skipped
from corroborate.web.service import Library

log = logging.getLogger(__name__)

JobKind = Literal["ingest", "refresh"]
JobState = Literal["queued", "running", "done", "failed"]
#: What a running job is doing: reading and storing articles, then computing the briefs they changed.
JobPhase = Literal["waiting", "ingesting", "briefing", "finished"]


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An article an ingest job holds: newly stored (``new``) or already in the store."""

    id: str
    origin: str
    title: str | None
    source: str
    new: bool


@dataclass(slots=True)
class Job:
    id: str
    kind: JobKind
    label: str
    total: int
    state: JobState = "queued"
    phase: JobPhase = "waiting"
    processed: int = 0
    stored: list[StoredItem] = field(default_factory=list)
    refused: list[Skipped] = field(default_factory=list)
    briefs_total: int = 0
    briefs_done: int = 0
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def ingest_settled(self) -> bool:
        """Whether what was stored and what was refused is known (the briefs may still be computing)."""
        return self.state in ("done", "failed") or self.phase in ("briefing", "finished")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "state": self.state,
            "phase": self.phase,
            "total": self.total,
            "processed": self.processed,
            "briefs_total": self.briefs_total,
            "briefs_done": self.briefs_done,
            "stored": [
                {"id": item.id, "origin": item.origin, "title": item.title, "source": item.source, "new": item.new}
                for item in list(self.stored)
            ],
            "refused": [{"origin": item.origin, "reason": item.reason} for item in list(self.refused)],
            "error": self.error,
            "created": self.created,
            "finished": self.finished,
        }


class JobQueue:
    """Jobs run in order on one daemon thread; finished jobs are remembered up to ``jobs_kept``."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._queue: queue.Queue[tuple[Job, list[RawDocument | Skipped]] | None] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._numbers = itertools.count(1)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="corroborate-jobs", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        if self._thread is None:
            return
        self._queue.put(None)
        self._thread.join(timeout)
        self._thread = None

    def submit_ingest(self, documents: list[RawDocument | Skipped], label: str) -> Job:
        return self._submit("ingest", label, documents)

    def submit_refresh(self) -> Job:
        return self._submit("refresh", "bring briefs up to date", [])

    def _submit(self, kind: JobKind, label: str, documents: list[RawDocument | Skipped]) -> Job:
        # Unguessable ids: a job's page lists what was uploaded, and ids should not be enumerable.
        job = Job(id=f"{next(self._numbers)}-{secrets.token_hex(6)}", kind=kind, label=label, total=len(documents))
        with self._changed:
            self._jobs[job.id] = job
            self._forget_old()
        self._queue.put((job, documents))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._changed:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._changed:
            return list(reversed(self._jobs.values()))

    def wait(self, job: Job, timeout: float, *, settled_only: bool = False) -> bool:
        """Wait until ``job`` is done (or, with ``settled_only``, its ingest part is); False on timeout."""
        def ready() -> bool:
            return job.ingest_settled if settled_only else job.state in ("done", "failed")

        with self._changed:
            return self._changed.wait_for(ready, timeout)

    def idle(self, timeout: float) -> bool:
        """Wait until every submitted job has finished; False on timeout."""
        with self._changed:
            return self._changed.wait_for(
                lambda: all(job.state in ("done", "failed") for job in self._jobs.values()), timeout
            )

    def _forget_old(self) -> None:
        finished = [job_id for job_id, job in self._jobs.items() if job.state in ("done", "failed")]
        for job_id in finished[: max(0, len(self._jobs) - self.library.settings.web.jobs_kept)]:
            del self._jobs[job_id]

    def _notify(self) -> None:
        with self._changed:
            self._changed.notify_all()

    # ---- the worker ---------------------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, documents = item
            job.state = "running"
            self._notify()
            try:
                if job.kind == "ingest":
                    self._ingest(job, documents)
                self._refresh_briefs(job)
                job.state = "done"
            except Exception as error:  # a failed job is reported on its page; the worker goes on
                log.exception("job %s failed", job.id)
                job.state = "failed"
                job.error = f"{type(error).__name__}: {error}"
            job.phase = "finished"
            job.finished = time.time()
            self._notify()

    def _ingest(self, job: Job, documents: list[RawDocument | Skipped]) -> None:
        job.phase = "ingesting"
        self._notify()
        store = self.library.store()

        def advance(count: int) -> None:
            job.processed += count
            self._notify()

        report = pipeline.ingest_documents(documents, store, self.library.settings, progress=advance)
        new = set(report.added)
        for article in store.get_articles(report.article_ids):
            job.stored.append(StoredItem(article.id, article.origin, article.title, article.source, article.id in new))
        job.refused.extend(report.skipped)
        self.library.forget_stories()

    def _refresh_briefs(self, job: Job) -> None:
        job.phase = "briefing"
        stale = self.library.stale_stories()
        job.briefs_total = len(stale)
        self._notify()
        for story in stale:
            try:
                self.library.brief(story)
            except UnknownStoryError:
                log.info("story %s was regrouped while its brief waited; the next refresh covers it", story.id)
            job.briefs_done += 1
            self._notify()
