"""Claims evaluation: each careful human reading in tests/fixtures/findings scored against the brief.

For every findings file, its corpus (a folder or a JSONL file under ../shared) is ingested into a temporary
store and briefed with the real pipeline; the brief is scored with ``corroborate.evaluate``. Prints, per
fixture, found/expected for each category, the coverage of the shared core, every false contradiction with
its subject, the false corroborations (pairs of sentences stating different facts given as evidence of one
claim of two or more outlets, with why they differ), and the brief stage's speed (articles/s of
``build_brief``, models loaded beforehand).

    python bench/claims.py [--fixtures tests/fixtures/findings] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from corroborate import evaluate, nlp, pipeline
from corroborate.evaluate import FindingsScore
from corroborate.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures" / "findings"


def warm_models() -> None:
    """Load spaCy and MiniLM once, so the timings measure briefs rather than model loading."""
    nlp.spacy_pipeline()("Models are loaded before timing.")
    nlp.embed(["Models are loaded before timing."])


def run(fixture: Path, verbose: bool) -> tuple[int, float] | None:
    findings = evaluate.load_findings(fixture)
    corpus = SHARED / findings["corpus"]
    if not corpus.exists():
        print(f"{fixture.name}: corpus not found at {corpus}, skipped", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        report = pipeline.ingest([corpus], store)
        start = time.perf_counter()
        brief = pipeline.build_brief(store, report.article_ids)
        seconds = time.perf_counter() - start
    result = evaluate.score(brief.to_json(), findings)
    print_score(fixture.stem, result, len(report.article_ids), seconds, verbose)
    return len(report.article_ids), seconds


def print_score(name: str, result: FindingsScore, articles: int, seconds: float, verbose: bool) -> None:
    print(f"\n== {name}: {articles} articles, build_brief {seconds:.2f} s ({articles / seconds:.1f} articles/s)")
    for category, part in result.categories().items():
        print(f"  {category:<16} {part.found:>3} / {part.expected:<3}")
        if verbose:
            for missed in part.missed:
                print(f"      missed: {missed}")
    covered = sum(c.covered for c in result.coverage)
    expected = sum(c.expected for c in result.coverage)
    print(f"  {'core coverage':<16} {covered:>3} / {expected:<3} outlet mentions of the shared facts (best claim each)")
    print(f"  {'contradictions':<16} {result.brief_contradictions:>3} in the brief, "
          f"{len(result.false_contradictions)} false (rate {result.false_contradiction_rate:.2f})")
    for false in result.false_contradictions:
        print(f"      false: {false.subject!r}: {false.reason}")
    print(f"  {'corroborations':<16} {len(result.false_corroborations):>3} false "
          f"(pairs of different facts told as one claim of two or more outlets)")
    for wrong in result.false_corroborations if verbose else ():
        print(f"      false: {wrong.claim[:80]!r}: {wrong.why}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--verbose", action="store_true", help="list the missed items of each category")
    args = parser.parse_args()
    fixtures = sorted(args.fixtures.glob("*.json"))
    if not fixtures:
        print(f"bench/claims.py: no findings files in {args.fixtures}", file=sys.stderr)
        return 2
    warm_models()
    runs = [timing for fixture in fixtures if (timing := run(fixture, args.verbose)) is not None]
    if not runs:
        return 2
    articles = sum(count for count, _ in runs)
    seconds = sum(elapsed for _, elapsed in runs)
    print(f"\nclaims stage (build_brief): {articles} articles in {seconds:.2f} s = {articles / seconds:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
