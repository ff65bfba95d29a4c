"""Throughput on a synthetic crawl: ingest -> dedup -> story clustering, articles/s per stage and end to end.

The crawl is built from real articles (ECB+, NewsWCL50, the budapest corpus): each story is one real event
in one period (events recur months apart, as news does); its articles are new mixes of the event's real
sentences (shuffled, trimmed, re-headlined), and a share of them are near copies of an earlier article of
the story (syndicated wire copy: new headline, trimmed ending). Copies are clustered through their original:
a group of copies is one voice and needs no model time of its own.

    .venv/bin/python bench/crawl.py --sizes 5000,20000        # the issue's figures (tens of minutes)
    .venv/bin/python bench/crawl.py --sizes 300,1200           # a quick run
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from corroborate.cluster import StoryIndex
from corroborate.dedup import DuplicateIndex
from corroborate.pipeline import build_article
from corroborate.records import RawDocument
from corroborate.settings import DEFAULT_SETTINGS

SHARED = Path(__file__).resolve().parents[2] / "shared"
OUTLETS = [f"outlet-{number:02d}.example" for number in range(40)]
_SENTENCE_END = re.compile(r"(?<=[.!?\"\u201d])\s+(?=[A-Z\u201c\"])")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Event:
    """Real articles of one real event: the material its synthetic stories are made of."""

    name: str
    texts: tuple[str, ...]


def load_events(shared: Path) -> list[Event]:
    texts: dict[str, list[str]] = defaultdict(list)
    ecb = shared / "data" / "ecbplus-train-dev"
    with (ecb / "labels.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            texts[f"ecb-{row['event']}"].append((ecb / row["file"]).read_text(encoding="utf-8"))
    for path in sorted((shared / "data" / "newswcl50-dev").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts[path.stem].extend(json.loads(line)["text"] for line in handle if line.strip())
    texts["budapest"] = [path.read_text(encoding="utf-8")
                         for path in sorted((shared / "corpora" / "budapest-2025").glob("*.txt"))]
    return [Event(name, tuple(found)) for name, found in sorted(texts.items()) if found]


def sentences(text: str) -> list[str]:
    return [part.strip() for line in text.split("\n") for part in _SENTENCE_END.split(line) if part.strip()]


def synthetic_crawl(events: Sequence[Event], size: int, copy_share: float, seed: int) -> list[RawDocument]:
    """``size`` documents: stories of about 40 articles each, ``copy_share`` of them near copies."""
    rng = random.Random(seed)
    pools = [[sentence for text in event.texts for sentence in sentences(text)] for event in events]
    stories = max(1, size // 40)
    published: dict[int, list[tuple[str, str]]] = defaultdict(list)
    documents = []
    for number in range(size):
        story = rng.randrange(stories)
        event = story % len(events)
        day = date(2020, 1, 1) + timedelta(days=60 * (story // len(events)) + rng.randrange(3))
        earlier = published[story]
        if earlier and rng.random() < copy_share:
            title, body = near_copy(rng, *rng.choice(earlier))
        else:
            title, body = new_article(rng, pools[event])
        earlier.append((title, body))
        documents.append(RawDocument(
            origin=f"crawl/{number:06d}.txt", kind="text", content=f"{title}\n\n{body}\n",
            title=title, published=day.isoformat(), source=rng.choice(OUTLETS),
        ))
    return documents


def new_article(rng: random.Random, pool: Sequence[str]) -> tuple[str, str]:
    """A new article of the event: a shuffled, trimmed mix of its outlets' sentences."""
    chosen = rng.sample(pool, min(len(pool), rng.randint(8, 25)))
    title = chosen[0][:120]
    return title, "\n\n".join(chosen[1:] or chosen)


def near_copy(rng: random.Random, title: str, body: str) -> tuple[str, str]:
    """Syndicated wire copy: a new headline and the ending trimmed."""
    paragraphs = body.split("\n\n")
    keep = max(1, round(len(paragraphs) * rng.uniform(0.75, 1.0)))
    return f"{title.split(' ', 1)[-1]} (update)", "\n\n".join(paragraphs[:keep])


def timed(action: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(documents: Sequence[RawDocument]) -> dict[str, float]:
    """Time each stage on one crawl; returns seconds per stage and counts."""
    articles, ingest_seconds = timed(lambda: [build_article(doc) for doc in documents])
    index = DuplicateIndex(DEFAULT_SETTINGS.dedup)
    groups, dedup_seconds = timed(lambda: index.add(articles))
    copies = {copy for group in groups for copy in group.copies}
    voices = [article for article in articles if article.id not in copies]
    stories = StoryIndex(DEFAULT_SETTINGS.cluster)
    _, cluster_seconds = timed(lambda: stories.assign(voices))
    return {
        "articles": len(articles), "copies": len(copies), "stories": len(stories),
        "ingest": ingest_seconds, "dedup": dedup_seconds, "cluster": cluster_seconds,
    }


def report(figures: dict[str, float]) -> None:
    count = figures["articles"]
    total = figures["ingest"] + figures["dedup"] + figures["cluster"]
    print(f"\n{int(count)} articles: {int(figures['copies'])} near or exact copies "
          f"({figures['copies'] / count:.0%}), {int(figures['stories'])} stories")
    for stage in ("ingest", "dedup", "cluster"):
        print(f"  {stage:8} {figures[stage]:9.2f} s  {count / figures[stage]:10.1f} articles/s")
    print(f"  {'total':8} {total:9.2f} s  {count / total:10.1f} articles/s   peak memory {peak_memory_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="5000,20000", help="crawl sizes to run, comma-separated")
    parser.add_argument("--copy-share", type=float, default=0.35, help="share of articles that are copies")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    events = load_events(args.shared)
    print(f"{len(events)} real events, {sum(len(event.texts) for event in events)} real articles")
    results = []
    for size in (int(value) for value in args.sizes.split(",")):
        figures = run(synthetic_crawl(events, size, args.copy_share, args.seed))
        report(figures)
        results.append(figures)
    for smaller, larger in zip(results, results[1:], strict=False):
        growth = larger["articles"] / smaller["articles"]
        for stage in ("ingest", "dedup", "cluster"):
            print(f"  {stage}: {growth:.1f}x the articles took {larger[stage] / smaller[stage]:.2f}x the time")


if __name__ == "__main__":
    main()
