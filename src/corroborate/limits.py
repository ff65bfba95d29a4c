"""Resource limits for extraction: a small pool of worker processes with a deadline per page.

One pathological page (megabytes of text in one article, markup that sends the parser into a slow path) can
take minutes in trafilatura and lxml, which no exception interrupts. ``build_articles`` therefore runs
``pipeline.build_article`` in worker processes: a worker whose page overruns
``settings.limits.page_deadline_seconds`` is killed and replaced, and the page comes back as a ``Skipped``
that says so. Results come back in input order, and at most ``workers * pending_per_worker`` pages are
in flight or waiting to be returned, so memory stays flat however long the input stream is.

Workers come from a forkserver that has imported the pipeline once, so replacing a killed worker costs a
fork, not a fresh import of the extraction libraries.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from corroborate.records import Article, RawDocument, Skipped
from corroborate.settings import DEFAULT_SETTINGS, Settings

Result = Article | Skipped
Task = tuple[int, RawDocument]

# Seconds a worker asked to stop may take before it is killed.
_STOP_GRACE_SECONDS = 2.0


def build_articles(
    docs: Iterable[RawDocument | Skipped], settings: Settings = DEFAULT_SETTINGS, workers: int = 2
) -> Iterator[Result]:
    """An ``Article`` or a ``Skipped`` for each document, in input order; skipped inputs pass through.

    A page whose extraction takes longer than the deadline, or that crashes its worker, is skipped with the
    reason; the other pages are unaffected.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    window = workers * settings.limits.pending_per_worker
    pool = _Pool(settings, workers)
    ready: dict[int, Result] = {}
    stream = enumerate(docs)
    next_out = 0
    next_in = 0
    exhausted = False
    try:
        while True:
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            while not exhausted and next_in - next_out < window and pool.has_idle():
                item = next(stream, None)
                if item is None:
                    exhausted = True
                    break
                next_in = item[0] + 1
                if isinstance(item[1], Skipped):
                    ready[item[0]] = item[1]
                else:
                    pool.submit((item[0], item[1]))
            if not pool.busy():
                if exhausted and not ready:
                    return
                # Only passed-through skips were taken: return them before taking more.
                continue
            ready.update(pool.collect())
    finally:
        pool.close()


def _context() -> BaseContext:
    """A forkserver that has imported the pipeline (forking this process could copy its threads' locks)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["corroborate.pipeline"])
    return context


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    connection: Connection
    task: Task | None = None
    started: float = 0.0


class _Pool:
    """Worker processes, each working on at most one page, with their deadlines watched by the caller."""

    def __init__(self, settings: Settings, size: int) -> None:
        self._settings = settings
        self._context = _context()
        self._workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self._settings), daemon=True)
        process.start()
        # Only the worker holds its end now, so its death reads as end-of-file here.
        child.close()
        return _Worker(process, parent)

    def has_idle(self) -> bool:
        return any(worker.task is None for worker in self._workers)

    def busy(self) -> bool:
        return any(worker.task is not None for worker in self._workers)

    def submit(self, task: Task) -> None:
        worker = next(worker for worker in self._workers if worker.task is None)
        worker.task = task
        worker.started = time.monotonic()
        try:
            worker.connection.send(task)
        except (BrokenPipeError, ConnectionResetError):
            # The worker died while idle; its replacement takes the page.
            self._replace(worker)
            self.submit(task)

    def collect(self) -> dict[int, Result]:
        """Wait for at least one result or one overrun; return what finished, by input index."""
        deadline = self._settings.limits.page_deadline_seconds
        busy = [worker for worker in self._workers if worker.task is not None]
        timeout = max(0.0, min(worker.started + deadline for worker in busy) - time.monotonic())
        answered = set(wait([worker.connection for worker in busy], timeout))
        results: dict[int, Result] = {}
        for worker in busy:
            assert worker.task is not None
            index, doc = worker.task
            if worker.connection in answered:
                results[index] = self._receive(worker, doc)
            elif time.monotonic() - worker.started >= deadline:
                results[index] = Skipped(
                    doc.origin,
                    f"extraction took longer than {deadline:g} s (settings.limits.page_deadline_seconds):"
                    " the page was abandoned so the rest could go on",
                )
                self._replace(worker)
        return results

    def _receive(self, worker: _Worker, doc: RawDocument) -> Result:
        try:
            _, result = worker.connection.recv()
        except (EOFError, ConnectionResetError):
            worker.process.join(_STOP_GRACE_SECONDS)
            code = worker.process.exitcode
            self._replace(worker)
            return Skipped(doc.origin, f"extraction crashed its worker process (exit code {code})")
        worker.task = None
        assert isinstance(result, Article | Skipped)
        return result

    def _replace(self, worker: _Worker) -> None:
        _stop(worker, kill=True)
        position = self._workers.index(worker)
        self._workers[position] = self._start()

    def close(self) -> None:
        for worker in self._workers:
            _stop(worker, kill=worker.task is not None)
        self._workers.clear()


def _stop(worker: _Worker, *, kill: bool) -> None:
    if kill:
        worker.process.kill()
    else:
        try:
            worker.connection.send(None)
        except OSError:
            worker.process.kill()
    worker.process.join(_STOP_GRACE_SECONDS)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.connection.close()


def _serve(connection: Connection, settings: Settings) -> None:
    """A worker: build each page it is sent until told to stop or its parent is gone."""
    from corroborate.pipeline import article_or_skip

    # Ctrl-C reaches the whole process group; the parent decides what to do and stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, doc = task
        connection.send((index, article_or_skip(doc, settings)))
