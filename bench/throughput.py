"""Throughput, side by side in one run: trafilatura's own extraction, corroborate's ingest+clean, whole briefs.

The pages are the Article Extraction Benchmark's real HTML pages plus the example corpus's scraped text,
repeated until there are N of them; each copy gets a distinct marker comment so its content hash differs and
nothing is skipped as already stored. Briefs are built per story: the example corpus's five articles make one
story, so ``--stories`` copies of it (each copy varied) give the brief workload.

    python bench/throughput.py [--articles 2000] [--stories 20]

Figures are articles/s; compare the ratios, since the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "data" / "article-extraction-benchmark"
CORPUS = SHARED / "corpora" / "budapest-2025"


def html_pages() -> list[tuple[str, str]]:
    truth = json.loads((PAGES / "ground-truth.json").read_text())
    pages = []
    for page_id in sorted(truth):
        path = PAGES / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append((truth[page_id].get("url") or page_id, html))
    return pages


def timed(label: str, count: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    rate = count / seconds if seconds else float("inf")
    print(f"{label:<44} {count:>6} articles {seconds:>8.2f} s {rate:>9.1f} articles/s", flush=True)
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="pages for the extraction and ingest rows")
    parser.add_argument("--stories", type=int, default=20, help="copies of the example story to brief")
    args = parser.parse_args()
    if not PAGES.exists() or not CORPUS.exists():
        print(f"bench/throughput.py: shared data not found under {SHARED}", file=sys.stderr)
        return 2

    import trafilatura

    from corroborate import pipeline
    from corroborate.limits import build_articles
    from corroborate.records import RawDocument
    from corroborate.settings import DEFAULT_SETTINGS
    from corroborate.store import Store

    pages = html_pages()
    docs = [
        RawDocument(f"page-{n}.html", "html", html.replace("<head>", f"<head><!-- copy {n} -->", 1), url=url)
        for n, (url, html) in ((n, pages[n % len(pages)]) for n in range(args.articles))
    ]
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    print(f"{args.articles} HTML pages ({len(pages)} distinct real pages, repeated); "
          f"{args.stories} stories of {len(texts)} scraped articles", flush=True)

    traf = timed("trafilatura.extract alone, one process", len(docs),
                 lambda: [trafilatura.extract(doc.content, url=doc.url) for doc in docs])
    serial = timed("corroborate extract+clean, one process", len(docs),
                   lambda: [pipeline.article_or_skip(doc) for doc in docs])
    pooled = timed("corroborate extract+clean, worker pool", len(docs),
                   lambda: list(build_articles(docs, workers=DEFAULT_SETTINGS.ingest.workers)))
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "bench.db") as store:
            ours = timed("corroborate ingest (pool, store, dedup, stories)", len(docs),
                         lambda: pipeline.ingest_documents(docs, store))

        story_docs = [
            [RawDocument(f"story-{s}/{n}.txt", "text", f"{text}\n\nEdition {s}.") for n, text in enumerate(texts)]
            for s in range(args.stories)
        ]
        with Store(Path(folder) / "briefs.db") as store:
            pipeline.build_brief(store, pipeline.ingest_documents(story_docs[0], store).article_ids)  # load models

            def brief_every_story() -> None:
                for batch in story_docs[1:]:
                    pipeline.build_brief(store, pipeline.ingest_documents(batch, store).article_ids)

            whole = timed("corroborate whole brief (ingest → brief)", len(texts) * (args.stories - 1),
                          brief_every_story)
    print(f"\nextract+clean / trafilatura alone, one process each: {serial / traf:.2f}x")
    print(f"extract+clean with the worker pool / trafilatura alone: {pooled / traf:.2f}x")
    print(f"whole ingest (with dedup and story clustering) / trafilatura alone: {ours / traf:.2f}x")
    print(f"whole brief / trafilatura alone: {whole / traf:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
