"""Crash safety: a long ingest killed (SIGKILL) at random points, then rerun to the end; readers meanwhile.

Every article committed before each kill must be there once after the rerun, the rerun must complete, and
nothing may be doubled: not articles, not their story assignments. While the final run writes, a reader of
the store and the web API poll it, and none of them may see an error such as "database is locked".
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_bad_inputs import TOPICS, html_page

from corroborate.store import Store
from corroborate.web import create_app

ARTICLES = 300
KILLS = 3


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    for number in range(ARTICLES):
        # HTML, so that extraction takes long enough for kills to land between commits.
        page = html_page(TOPICS[number % len(TOPICS)], f" The plan is item {number} on the agenda of meeting {number}.")
        (folder / f"article-{number:04d}.html").write_text(page, encoding="utf-8")


def start_ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "corroborate", "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def committed_ids(db: Path) -> list[str]:
    if not db.exists():
        return []
    with Store(db, readonly=True) as store:
        try:
            return store.article_ids()
        except Exception:  # killed before the schema was created
            return []


def wait_for_first_commit(process: subprocess.Popen[str], db: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not committed_ids(db) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def kill(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


class Poller(threading.Thread):
    """Calls ``poll`` until stopped; keeps every exception and every bad answer it meets."""

    def __init__(self, poll: Callable[[], None]) -> None:
        super().__init__(daemon=True)
        self.poll = poll
        self.errors: list[str] = []
        self.calls = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.poll()
                self.calls += 1
            except Exception as error:  # the point: nothing may reach a reader
                self.errors.append(f"{type(error).__name__}: {error}")
            time.sleep(0.02)


def store_reader(db: Path) -> Poller:
    def poll() -> None:
        with Store(db, readonly=True) as store:
            ids = store.article_ids()
            assert store.count_articles() >= len(ids)
            for found in store.get_articles(ids[-3:]):
                assert found.text
            store.skipped()
            store.story_members()

    return Poller(poll)


def web_reader(db: Path) -> Poller:
    state: dict[str, TestClient] = {}

    def poll() -> None:
        if "client" not in state:
            # Built here, while the ingest writes: the app's own start-up writes must wait their turn too.
            state["client"] = TestClient(create_app(str(db)))
        client = state["client"]
        stories = client.get("/api/stories")
        assert stories.status_code == 200, stories.text
        for url in ("/api/sources", "/"):
            answer = client.get(url)
            assert answer.status_code == 200, f"{url}: {answer.status_code} {answer.text[:200]}"
        with Store(db, readonly=True) as store:
            ids = store.article_ids()
        if ids:
            answer = client.get(f"/api/articles/{ids[-1]}")
            assert answer.status_code == 200, answer.text

    return Poller(poll)


@pytest.fixture(scope="module")
def killed_and_rerun(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("crash")
    folder, db = root / "in", root / "stories.db"
    write_inputs(folder)
    chance = random.Random()
    snapshots: list[list[str]] = []
    for attempt in range(KILLS):
        process = start_ingest(folder, db)
        if attempt == 0:
            # The first kill lands after a commit, so the test always has committed work to lose.
            # ... and soon after it: a few hundred small pages are all committed within a second or two.
            wait_for_first_commit(process, db)
            time.sleep(chance.uniform(0.0, 0.1))
        else:
            time.sleep(chance.uniform(1.0, 9.0))
        kill(process)
        snapshots.append(committed_ids(db))

    readers = [store_reader(db), web_reader(db)]
    for reader in readers:
        reader.start()
    final = start_ingest(folder, db)
    stdout, stderr = final.communicate(timeout=600)
    for reader in readers:
        reader.stop.set()
        reader.join(60)
    return {"db": db, "snapshots": snapshots, "returncode": final.returncode, "stdout": stdout,
            "stderr": stderr, "readers": readers}


def test_the_ingest_was_killed_mid_run(killed_and_rerun: dict) -> None:
    first = killed_and_rerun["snapshots"][0]
    assert 0 < len(first) < ARTICLES, f"the first kill did not land mid-ingest ({len(first)} committed)"


def test_the_rerun_completes(killed_and_rerun: dict) -> None:
    assert killed_and_rerun["returncode"] == 0, killed_and_rerun["stderr"]
    committed = len(set(killed_and_rerun["snapshots"][-1]))
    assert f"{ARTICLES - committed} articles added, {committed} already stored" in killed_and_rerun["stdout"]


def test_every_committed_article_is_there_once(killed_and_rerun: dict) -> None:
    with Store(killed_and_rerun["db"], readonly=True) as store:
        final = store.article_ids()
    assert len(final) == len(set(final)) == ARTICLES
    for snapshot in killed_and_rerun["snapshots"]:
        assert len(snapshot) == len(set(snapshot))
        assert set(snapshot) <= set(final)


def test_every_article_has_one_story(killed_and_rerun: dict) -> None:
    with Store(killed_and_rerun["db"], readonly=True) as store:
        members = [row.article_id for row in store.story_members()]
        signatures = [row.article_id for row in store.signatures()]
        ids = set(store.article_ids())
    assert len(members) == len(set(members)) and set(members) == ids
    assert len(signatures) == len(set(signatures)) and set(signatures) == ids


def test_readers_never_see_an_error_while_ingest_writes(killed_and_rerun: dict) -> None:
    for reader in killed_and_rerun["readers"]:
        assert reader.calls > 0
        assert reader.errors == [], reader.errors[:3]
