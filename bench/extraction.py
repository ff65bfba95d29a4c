"""Score article extraction on the Article Extraction Benchmark: corroborate against trafilatura alone.

Usage: python bench/extraction.py [--limit N]

The benchmark (../shared/data/article-extraction-benchmark) holds real news and blog pages with their gold
article body. Its metric, reproduced here: texts split into ``\\w+`` tokens, multisets of 4-gram shingles
compared per page (TP/FP/FN normalised by their sum, so every page weighs the same), precision and recall
averaged over pages, F1 from the two averages. Published with this metric: trafilatura 0.958.
Both extractors read the same decoded page, in the same run, so the difference is the extraction alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from corroborate.clean import clean
from corroborate.errors import InputError
from corroborate.extract import extract
from corroborate.records import RawDocument

SHARED = Path(os.environ.get("CORROBORATE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BENCHMARK = SHARED / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str
    html: str
    body: str


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    pages_per_second: float


def load_pages(folder: Path = BENCHMARK, limit: int | None = None) -> list[Page]:
    """The benchmark's pages in id order (the first ``limit`` of them), HTML decoded as a browser would."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, truth[page_id]["url"], decode_file(raw), truth[page_id]["articleBody"]))
    return pages


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """TP, FP and FN shingles of one page, normalised by their sum."""
    expected, found = shingles(true), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(counts: list[tuple[float, float, float]], seconds: float) -> Scores:
    """The benchmark's precision and recall (page averages) and the F1 of the two."""
    precision = statistics.mean(_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, len(counts) / seconds if seconds else 0.0)


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def corroborate_text(page: Page) -> str:
    try:
        return clean(extract(RawDocument(origin=page.id, kind="html", content=page.html, url=page.url))).text
    except InputError:
        return ""


def trafilatura_text(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url) or ""


def score(extractor: Callable[[Page], str], pages: list[Page]) -> Scores:
    start = time.perf_counter()
    predicted = [extractor(page) for page in pages]
    seconds = time.perf_counter() - start
    return summarise([page_counts(page.body, text) for page, text in zip(pages, predicted, strict=True)], seconds)


def _report(pages: list[Page]) -> Iterator[str]:
    for name, extractor in (("corroborate", corroborate_text), ("trafilatura", trafilatura_text)):
        result = score(extractor, pages)
        yield (
            f"{name:<12} precision={result.precision:.4f} recall={result.recall:.4f} F1={result.f1:.4f} "
            f"pages/s={result.pages_per_second:.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages (by id)")
    args = parser.parse_args(argv)
    if not (BENCHMARK / "ground-truth.json").exists():
        print(
            f"error: the article extraction benchmark is not at {BENCHMARK}; "
            "set CORROBORATE_SHARED to the folder holding data/article-extraction-benchmark",
            file=sys.stderr,
        )
        return 2
    pages = load_pages(limit=args.limit)
    print(f"{len(pages)} pages of {BENCHMARK}")
    for line in _report(pages):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
