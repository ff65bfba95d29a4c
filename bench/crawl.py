"""Throughput on a synthetic crawl: ingest -> dedup -> story clustering, articles/s per stage and end to end.

The crawl is built from real articles (ECB+, NewsWCL50, the budapest corpus): each story is one real event
in one period (events recur months apart, as news does); its articles are new mixes of the event's real
sentences (shuffled, trimmed, re-headlined), and a share of them are near copies of an earlier article of
the story (syndicated wire copy: new headline, trimmed ending).

    .venv/bin/python bench/crawl.py --sizes 5000,20000        # the issue's figures (tens of minutes)
    .venv/bin/python bench/crawl.py --sizes 300,1200           # a quick run
    .venv/bin/python bench/crawl.py --stages ingest,dedup      # no story clustering (minutes, not tens)

Every stage is the pipeline's own path (``pipeline.organise``): dedup is ``pipeline.find_copies`` (the store's
index, the new articles added, their signatures kept, each copy's original found); "dedup reload" is what every
stored-story brief pays to learn which articles are copies; clustering is ``StoryIndex.assign`` given those
originals, which clusters only the originals: a copy joins its original's story with no model time of its own.
Each stage is timed by the clock and by this process's CPU time: on a machine shared with other work, the
clock counts the others' turns too, CPU time only this stage's own work (all its threads).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from corroborate.cluster import StoryIndex, load_story_index, save_story_index
from corroborate.pipeline import build_article, duplicates_of, find_copies
from corroborate.records import Article, RawDocument
from corroborate.settings import DEFAULT_SETTINGS
from corroborate.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
OUTLETS = [f"outlet-{number:02d}.example" for number in range(40)]
STAGES = ("ingest", "dedup", "dedup reload", "cluster", "story save", "story reload")
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


def timed(action: Callable[[], T]) -> tuple[T, float, float]:
    """The action's result, then seconds by the clock and CPU seconds of this process."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - started, time.process_time() - cpu


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(documents: Sequence[RawDocument], stages: Sequence[str]) -> dict[str, float]:
    """Time each stage on one crawl; returns seconds per stage and counts."""
    figures = {"load": os.getloadavg()[0]}
    articles, figures["ingest"], figures["ingest cpu"] = timed(lambda: [build_article(doc) for doc in documents])
    figures["articles"] = len(articles)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "crawl.db") as store:
        originals, figures["dedup"], figures["dedup cpu"] = timed(lambda: find_copies(store, articles))
        # The brief of a stored story asks the store which of its articles are copies of which.
        copies, figures["dedup reload"], figures["dedup reload cpu"] = timed(
            lambda: duplicates_of(store, DEFAULT_SETTINGS))
        # Every copy found is in a group; a group has at most one copy fewer than members (fewer when an article
        # copying two texts linked two originals' groups: each text stays an original).
        if len(originals) > len(copies) or not set(originals) <= {*copies, *copies.values()}:
            raise SystemExit("the store's duplicate groups differ from the copies just found")
        figures["copies"] = len(copies)
        if "cluster" in stages:
            figures.update(cluster(articles, originals, store))
    return figures


def cluster(articles: Sequence[Article], originals: dict[str, str], store: Store) -> dict[str, float]:
    """Stories of one crawl as ``pipeline.organise`` finds them (copies join their originals), kept in the store,
    then read back as every ingest and stored-story brief reads them (``load_story_index``)."""
    figures: dict[str, float] = {}
    stories = StoryIndex(DEFAULT_SETTINGS.cluster)
    _, figures["cluster"], figures["cluster cpu"] = timed(lambda: stories.assign(articles, originals))
    figures["stories"] = len(stories)
    _, figures["story save"], figures["story save cpu"] = timed(lambda: save_story_index(stories, store))
    reloaded, figures["story reload"], figures["story reload cpu"] = timed(lambda: load_story_index(store))
    if reloaded.stories() != stories.stories():
        raise SystemExit("the stories read back from the store differ from the ones just found")
    return figures


def report(figures: dict[str, float]) -> None:
    count = figures["articles"]
    stages = [stage for stage in STAGES if stage in figures]
    timed_stages = [stage for stage in stages if not stage.endswith("reload")]
    total = sum(figures[stage] for stage in timed_stages)
    total_cpu = sum(figures[f"{stage} cpu"] for stage in timed_stages)
    stories = f", {int(figures['stories'])} stories" if "stories" in figures else ""
    print(f"\n{int(count)} articles: {int(figures['copies'])} near or exact copies "
          f"({figures['copies'] / count:.0%}){stories}; load average {figures['load']:.1f} at the start")
    for stage in stages:
        cpu = max(figures[f"{stage} cpu"], 1e-9)
        print(f"  {stage:12} {figures[stage]:9.2f} s  {count / figures[stage]:10.1f} articles/s   "
              f"{cpu:9.2f} cpu s  {count / cpu:10.1f} articles per cpu s")
    print(f"  {'total':12} {total:9.2f} s  {count / total:10.1f} articles/s   "
          f"{total_cpu:9.2f} cpu s  {count / total_cpu:10.1f} articles per cpu s   "
          f"peak memory {peak_memory_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="5000,20000", help="crawl sizes to run, comma-separated")
    parser.add_argument("--copy-share", type=float, default=0.35, help="share of articles that are copies")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--stages", default="ingest,dedup,cluster",
                        help="ingest and dedup always run (dedup needs articles); leave out cluster to skip it")
    args = parser.parse_args()
    stages = args.stages.split(",")
    events = load_events(args.shared)
    print(f"{len(events)} real events, {sum(len(event.texts) for event in events)} real articles")
    results = []
    for size in (int(value) for value in args.sizes.split(",")):
        figures = run(synthetic_crawl(events, size, args.copy_share, args.seed), stages)
        report(figures)
        results.append(figures)
    for smaller, larger in zip(results, results[1:], strict=False):
        growth = larger["articles"] / smaller["articles"]
        for stage in (stage for stage in STAGES if stage in larger):
            # CPU time is the growth figure to trust on a shared machine: the load can change between sizes.
            cpu_growth = larger[f"{stage} cpu"] / max(smaller[f"{stage} cpu"], 1e-9)
            print(f"  {stage}: {growth:.1f}x the articles took {larger[stage] / smaller[stage]:.2f}x the time,"
                  f" {cpu_growth:.2f}x the CPU time")


if __name__ == "__main__":
    main()
