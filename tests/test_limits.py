"""The extraction worker pool: per-page deadline, crashed workers replaced, input order, bounded work in flight."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from corroborate import pipeline
from corroborate.limits import build_articles
from corroborate.records import Article, RawDocument, Skipped
from corroborate.settings import DEFAULT_SETTINGS, LimitsSettings, Settings

TOPICS = ("harbour", "library", "railway", "hospital", "school", "bridge", "market", "stadium")


def article_text(number: int) -> str:
    topic = TOPICS[number % len(TOPICS)]
    return (
        f"Council approves {topic} plan number {number}\n\n"
        f"The city council approved plan number {number} for the {topic} on Tuesday after a long debate.\n\n"
        f"Members said the {topic} work would start in spring and cost less than the earlier estimate.\n\n"
        f"Residents near the {topic} asked for quieter building hours, and the council agreed to them."
    )


def text_doc(number: int) -> RawDocument:
    return RawDocument(origin=f"page-{number}.txt", kind="text", content=article_text(number))


def slow_page(megabytes: int) -> RawDocument:
    """One article of several megabytes of distinct paragraphs: trafilatura takes seconds per megabyte."""
    paragraphs = []
    size = 0
    number = 0
    while size < megabytes * 1024 * 1024:
        paragraph = (
            f"<p>Paragraph {number} of the long report says the {TOPICS[number % 8]} board met on day {number} "
            f"and agreed item {number * 7} after members asked question {number * 3}.</p>\n"
        )
        paragraphs.append(paragraph)
        size += len(paragraph)
        number += 1
    html = f"<html><head><title>Long report</title></head><body><article>{''.join(paragraphs)}</article></body></html>"
    return RawDocument(origin="slow.html", kind="html", content=html)


def with_limits(**changes: float | int) -> Settings:
    return replace(DEFAULT_SETTINGS, limits=replace(LimitsSettings(), **changes))


def test_results_match_the_in_process_pipeline_in_input_order() -> None:
    passed = Skipped("unreadable.bin", "binary data")
    empty = RawDocument(origin="nav.html", kind="html", content="<html><body><nav>Home</nav></body></html>")
    docs: list[RawDocument | Skipped] = [text_doc(1), passed, empty, text_doc(2), text_doc(3)]

    results = list(build_articles(docs, workers=2))

    assert [getattr(r, "origin", None) for r in results] == ["page-1.txt", "unreadable.bin", "nav.html",
                                                                  "page-2.txt", "page-3.txt"]
    assert results[1] is passed
    assert isinstance(results[2], Skipped) and "no article text" in results[2].reason
    for result, doc in zip([results[0], *results[3:]], [docs[0], *docs[3:]], strict=True):
        assert isinstance(doc, RawDocument)
        assert result == pipeline.build_article(doc)


def test_a_page_over_the_deadline_is_skipped_and_the_others_go_on() -> None:
    settings = with_limits(page_deadline_seconds=8.0)
    docs = [text_doc(1), slow_page(12), text_doc(2), text_doc(3)]

    started = time.monotonic()
    results = list(build_articles(docs, settings, workers=2))
    elapsed = time.monotonic() - started

    assert [r.origin for r in results] == ["page-1.txt", "slow.html", "page-2.txt", "page-3.txt"]
    slow = results[1]
    assert isinstance(slow, Skipped)
    assert slow.reason.startswith("extraction took longer than 8 s")
    assert all(isinstance(r, Article) for r in (results[0], *results[2:]))
    # Abandoned at the deadline, not run to the end (twelve megabytes take well over a minute).
    assert elapsed < 40


def test_a_tiny_deadline_skips_every_page_with_the_reason_and_never_hangs() -> None:
    results = list(build_articles([text_doc(n) for n in range(3)], with_limits(page_deadline_seconds=0.001)))

    assert [r.origin for r in results] == ["page-0.txt", "page-1.txt", "page-2.txt"]
    assert all(isinstance(r, Skipped) and "took longer than 0.001 s" in r.reason for r in results)


def kill_workers_after(seconds: float) -> threading.Thread:
    def kill() -> None:
        time.sleep(seconds)
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]

    thread = threading.Thread(target=kill, daemon=True)
    thread.start()
    return thread


def test_a_crashed_worker_is_reported_and_replaced() -> None:
    docs = [slow_page(8), text_doc(1)]
    killer = kill_workers_after(3.0)

    results = list(build_articles(docs, with_limits(page_deadline_seconds=120.0), workers=1))
    killer.join()

    assert [r.origin for r in results] == ["slow.html", "page-1.txt"]
    assert isinstance(results[0], Skipped) and "crashed its worker process (exit code -9)" in results[0].reason
    assert isinstance(results[1], Article)


def test_work_in_flight_is_bounded_whatever_the_stream_length() -> None:
    settings = with_limits(pending_per_worker=3)
    pulled = 0
    most_ahead = 0

    def stream() -> Iterator[RawDocument]:
        nonlocal pulled
        for number in range(60):
            pulled += 1
            yield text_doc(number)

    returned = 0
    for result in build_articles(stream(), settings, workers=2):
        returned += 1
        most_ahead = max(most_ahead, pulled - returned)
        assert isinstance(result, Article)

    assert returned == 60
    assert most_ahead <= 2 * 3


def test_stopping_early_leaves_no_worker_behind() -> None:
    results = build_articles((text_doc(n) for n in range(50)), workers=2)
    first = next(results)
    assert isinstance(first, Article)
    results.close()

    assert multiprocessing.active_children() == []


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(build_articles([text_doc(1)], workers=0))


# ---- memory on large inputs, end to end -------------------------------------------------------------------------


def peak_rss_of_ingest(path: Path, db: Path) -> tuple[int, str]:
    """Run ``corroborate ingest`` and return its peak resident memory (bytes, from /proc) and its stdout."""
    process = subprocess.Popen([sys.executable, "-m", "corroborate", "ingest", str(path), "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    status = Path(f"/proc/{process.pid}/status")
    peak = 0
    while process.poll() is None:
        try:
            found = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(), re.M)
        except OSError:
            break
        if found:
            peak = max(peak, int(found[1]) * 1024)
        time.sleep(0.05)
    stdout, _ = process.communicate()
    assert process.returncode == 0
    return peak, stdout


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads peak memory from /proc")
def test_ingest_memory_does_not_grow_with_the_input(tmp_path: Path) -> None:
    # Lines of one article under many URLs: each is read and parsed whole, and extracted once.
    line = json.dumps({"text": article_text(1) + "\n\n" + "More detail on the plan. " * 4000}) + "\n"
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text(line * 10)
    with large.open("w") as handle:
        for _ in range(1500):  # 150 MB
            handle.write(line)

    small_peak, _ = peak_rss_of_ingest(small, tmp_path / "small.db")
    large_peak, stdout = peak_rss_of_ingest(large, tmp_path / "large.db")

    assert "1 articles added" in stdout
    assert large.stat().st_size > 140 * 1024 * 1024
    assert large_peak - small_peak < 60 * 1024 * 1024, (small_peak, large_peak)
