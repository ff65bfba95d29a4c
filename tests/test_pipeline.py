"""The orchestrator: articles built from documents, ingest idempotent, bad inputs reported, kills survived."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corroborate import pipeline
from corroborate.claims.quotes import RelayedQuote
from corroborate.errors import InputError
from corroborate.records import Quote, RawDocument, Sentence, Skipped
from corroborate.store import Store

PARAGRAPHS = [
    "The city council of Riverton voted on Tuesday to approve a new budget for public transport.",
    "Council members said the plan adds twelve bus routes and extends service hours into the night.",
    "Critics argued that the cost of the expansion would fall on property owners through higher taxes.",
    "The mayor told reporters the first new routes would open in the spring after a public consultation.",
]


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:05d}.txt"
        body = "\n\n".join(f"{paragraph} Report number {number}." for paragraph in PARAGRAPHS)
        path.write_text(f"Riverton approves transport budget, part {number}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_build_article_names_the_outlet_from_the_url_when_nothing_else_does() -> None:
    doc = RawDocument("feed.jsonl#line-1", "text", "\n\n".join(PARAGRAPHS), url="https://www.example-news.com/a/1")
    article = pipeline.build_article(doc)
    assert article.source == "example-news.com"
    assert article.url == "https://www.example-news.com/a/1"
    assert article.id == pipeline.content_id(doc.content)


def test_metadata_stated_by_the_input_wins() -> None:
    doc = RawDocument("x.jsonl#line-1", "text", "\n\n".join(PARAGRAPHS), title="Stated title",
                      published="2024-03-01", source="Stated Outlet")
    article = pipeline.build_article(doc)
    assert (article.title, article.published, article.source) == ("Stated title", "2024-03-01", "Stated Outlet")


def test_same_words_same_text_hash() -> None:
    assert pipeline.text_hash("The  Mayor spoke.\n") == pipeline.text_hash("the mayor spoke")
    assert pipeline.text_hash("The mayor spoke.") != pipeline.text_hash("The mayor wept.")


def test_a_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty.html"):
        pipeline.build_article(RawDocument("empty.html", "html", "<html><body><nav>Home</nav></body></html>"))


def test_reingesting_the_same_inputs_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    write_articles(tmp_path / "in", 12)
    with Store(db_path) as store:
        first = pipeline.ingest([tmp_path / "in"], store)
        second = pipeline.ingest([tmp_path / "in"], store)
        assert len(first.added) == 12 and not first.existing
        assert not second.added and len(second.existing) == 12
        assert second.article_ids == first.article_ids
        assert store.count_articles() == 12


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "empty.txt").write_text("")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 40)
    skipped: list[Skipped] = []
    with Store(db_path) as store:
        report = pipeline.ingest([folder, tmp_path / "missing.txt"], store, on_skip=skipped.append)
        assert len(report.added) == 2
        assert {Path(item.origin.split("#")[0]).name for item in report.skipped} == {
            "empty.txt", "binary.html", "missing.txt"}
        assert skipped == report.skipped
        assert {item.origin for item in store.skipped()} == {item.origin for item in report.skipped}


def _run_cli(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "corroborate", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def test_cli_names_each_bad_input_and_exits_zero_when_something_was_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 1)
    (folder / "empty.txt").write_text("")
    (folder / "broken.jsonl").write_text('{"url": "https://a.example/1", "text": ' + "\n")
    done = _run_cli("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 0, done.stderr
    assert "1 articles added" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith("corroborate: skipped")]
    assert any("empty.txt" in line for line in lines)
    assert any("broken.jsonl" in line for line in lines)


def test_cli_exits_nonzero_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    done = _run_cli("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "nope.html"), "--db", str(tmp_path / "s.db"))
    assert done.returncode == 1
    assert "empty.txt" in done.stderr and "nope.html" in done.stderr
    assert "nothing could be read" in done.stderr


def test_cli_extract_prints_one_json_line_per_article(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    done = _run_cli("extract", str(tmp_path / "in"))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 3
    for record in records:
        assert set(record) >= {"id", "origin", "source", "title", "author", "published", "text", "removed"}
        assert "twelve bus routes" in record["text"]


def test_a_kill_mid_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    count = 3000
    write_articles(tmp_path / "in", count)
    db = tmp_path / "s.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "ingest", str(tmp_path / "in"), "--db", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    committed = 0
    deadline = time.monotonic() + 300
    while committed == 0 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if db.exists():
            with Store(db, readonly=True) as reader:
                committed = _count_or_zero(reader)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < committed < count, f"the ingest was not caught mid-run ({committed} of {count} committed)"
    with Store(db) as store:
        survived = store.article_ids()
        assert len(survived) >= committed and len(survived) == len(set(survived))
    done = _run_cli("ingest", str(tmp_path / "in"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        final = store.article_ids()
    assert len(final) == count == len(set(final))
    assert set(survived) <= set(final)


def _count_or_zero(store: Store) -> int:
    try:
        return store.count_articles()
    except Exception:  # the schema may not be created yet when the reader looks
        return 0


def test_a_relayed_quote_anchors_only_the_statements_holding_it() -> None:
    statements = [
        Sentence("a", 0, 0, "The mayor spoke to reporters after the vote on Monday."),
        Sentence("a", 1, 80, "“We will rebuild the bridge within a year,” she said."),
        Sentence("b", 0, 0, "The mayor said the vote settled the matter for good."),
    ]
    held = Quote("a", "A", "We will rebuild the bridge within a year", True, None, statements[1].text, 80)
    # In b the quote's sentence (at 60) is no statement: the statement before it says something else.
    unheld = Quote("b", "B", "We will rebuild the bridge within a year", True, None, "“We will ...", 60)
    assert pipeline.quote_anchors(statements, [RelayedQuote(held.text, [held, unheld])]) == [[1]]
