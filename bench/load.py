"""Bounded load test of the web app: many concurrent clients on loopback while an ingest runs; stops by itself.

Builds a store from the example corpus, starts ``corroborate serve`` on a free 127.0.0.1 port, waits for the
briefs, then runs ``--clients`` concurrent clients for ``--seconds`` against the API and the pages (stories,
a story, an article, sources, search) while generated articles are posted to ``POST /api/ingest``. Prints
requests/s, p50/p99 latency and the error count; exits 1 when any request failed.

    .venv/bin/python bench/load.py --seconds 60
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "budapest-2025"
SEARCH_WORDS = ("summit", "talks", "meeting", "call", "minister", "war", "council", "harbour")
TOPICS = ("harbour", "railway", "hospital", "library", "stadium", "reservoir", "airport", "museum")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    ingests: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_store(corpus: Path, db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "corroborate", "ingest", str(corpus), "--db", str(db)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"could not build the store: {done.stderr}")


def wait_until_ready(base: str, timeout: float) -> None:
    """Until the server answers and its start-up refresh has computed every brief."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            jobs = httpx.get(f"{base}/api/jobs", timeout=5).json()["jobs"]
            if jobs and all(job["state"] in ("done", "failed") for job in jobs):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server at {base} was not ready within {timeout:.0f} s")


def generated_articles(batch: int, size: int) -> list[dict[str, str]]:
    articles = []
    for number in range(size):
        topic = TOPICS[(batch * size + number) % len(TOPICS)]
        text = (
            f"The city council approved the {topic} plan on Tuesday, batch {batch}, item {number}.\n\n"
            f"Members said work on the {topic} would begin in spring and cost less than first estimated.\n\n"
            f"Residents near the {topic} asked for quieter building hours, and the council agreed."
        )
        articles.append({"title": f"Council approves {topic} plan", "text": text, "source": f"Outlet {number}",
                         "published": "2024-03-12"})
    return articles


async def client_loop(client: httpx.AsyncClient, urls: list[str], stop: float, tally: Tally) -> None:
    chance = random.Random()
    while time.monotonic() < stop:
        url = chance.choice(urls)
        started = time.perf_counter()
        try:
            answer = await client.get(url, headers={"accept": "text/html" if not url.startswith("/api") else "*/*"})
            if answer.status_code != 200:
                tally.errors[f"HTTP {answer.status_code} {url}"] += 1
        except httpx.HTTPError as error:
            tally.errors[f"{type(error).__name__} {url}"] += 1
        tally.latencies.append(time.perf_counter() - started)


async def ingest_loop(client: httpx.AsyncClient, stop: float, interval: float, tally: Tally) -> None:
    batch = 0
    while time.monotonic() < stop:
        answer = await client.post("/api/ingest", json=generated_articles(batch, 4))
        if answer.status_code not in (200, 202):
            tally.errors[f"HTTP {answer.status_code} POST /api/ingest"] += 1
        tally.ingests += 1
        batch += 1
        await asyncio.sleep(interval)


def target_urls(base: str) -> list[str]:
    stories = httpx.get(f"{base}/api/stories", timeout=30).json()["stories"]
    story = max(stories, key=lambda item: item["articles"])
    articles = story["article_ids"]
    urls = ["/api/stories", f"/api/stories/{story['id']}", "/api/sources", "/", f"/stories/{story['id']}",
            "/sources"]
    urls += [f"/api/articles/{article}" for article in articles] + [f"/articles/{article}" for article in articles]
    urls += [f"/api/stories?q={word}" for word in SEARCH_WORDS] + [f"/?q={word}" for word in SEARCH_WORDS]
    return urls


async def run_load(base: str, clients: int, seconds: float, ingest_interval: float) -> tuple[Tally, float]:
    urls = target_urls(base)
    tally = Tally()
    # One connection per client, kept alive as a browser keeps it: each is busy all the time, so none idles
    # past the server's keep-alive timeout (an idle connection closed under a client's feet is a client race).
    sessions = [httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_connections=1))
                for _ in range(clients + 1)]
    try:
        started = time.monotonic()
        stop = started + seconds
        await asyncio.gather(
            ingest_loop(sessions[0], stop, ingest_interval, tally),
            *(client_loop(session, urls, stop, tally) for session in sessions[1:]),
        )
        return tally, time.monotonic() - started
    finally:
        for session in sessions:
            await session.aclose()


def report(tally: Tally, elapsed: float, clients: int) -> None:
    latencies = sorted(tally.latencies)
    count = len(latencies)
    p50 = statistics.median(latencies) if latencies else 0.0
    p99 = latencies[min(count - 1, int(count * 0.99))] if latencies else 0.0
    errors = sum(tally.errors.values())
    print(f"clients {clients}, {elapsed:.1f} s, {tally.ingests} ingest posts during the run")
    print(f"requests {count}, {count / elapsed:.1f} requests/s, p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    print(f"errors {errors}")
    for what, times in tally.errors.most_common(10):
        print(f"  {times} x {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--ingest-interval", type=float, default=3.0, help="seconds between ingest posts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corroborate-load-") as folder:
        db = Path(folder) / "stories.db"
        build_store(args.corpus, db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "corroborate", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_ready(base, timeout=300)
            tally, elapsed = asyncio.run(run_load(base, args.clients, args.seconds, args.ingest_interval))
        finally:
            server.terminate()
            server.wait(30)
    report(tally, elapsed, args.clients)
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
