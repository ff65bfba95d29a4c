"""Contradiction precision on stories the claims stage was never tuned on: every gold event of ECB+ briefed.

Each of the 66 events of ../shared/data/ecbplus-train-dev (topics 1-35) is one story told by 5-20 outlets;
its files are ingested into a temporary store and briefed with the real pipeline, as ``corroborate brief``
does. Prints, for topics 1-20 (where rules were checked against what the briefs showed) and topics 21-35
(held out), the events briefed, the briefs that failed (with the error), and the contradictions by kind.
Contradictions judged by hand are kept in ``contradiction_labels.json`` beside this script (a true one is a
disagreement a careful reader finds between the outlets; a false one is not), keyed by event, kind and the
positions' values; the script prints how many of the brief's contradictions are judged true, false, or not
yet judged.

    python bench/contradictions.py [--topics 1-35] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from corroborate import nlp, pipeline
from corroborate.records import Contradiction
from corroborate.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus-train-dev"
LABELS = Path(__file__).with_name("contradiction_labels.json")
SPLITS = {"topics 1-20": range(1, 21), "topics 21-35 (held out)": range(21, 36)}


@dataclass
class Split:
    events: int = 0
    failed: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)


def label_key(event: str, contradiction: Contradiction) -> str:
    """The key a judgement is kept under: the positions' values, stable while the wording of a subject changes,
    except for a predicate, whose positions are always "says so" and "says not". A negation's values are whole
    sentences of the corpus, kept here only as a digest."""
    values = " | ".join(sorted(position.value for position in contradiction.positions))
    if contradiction.kind == "predicate":
        values = contradiction.subject
    elif contradiction.kind == "negation":
        values = hashlib.sha1(values.encode("utf-8")).hexdigest()[:12]
    return f"{event} / {contradiction.kind} / {values}"


def events_of(topics: range) -> dict[str, list[Path]]:
    with (DATA / "labels.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    events: dict[str, list[Path]] = defaultdict(list)
    for row in rows:
        if int(row["topic"]) in topics:
            events[row["event"]].append(DATA / row["file"])
    return dict(sorted(events.items()))


def brief_contradictions(files: list[Path]) -> list[Contradiction]:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "event.db") as store:
        report = pipeline.ingest(files, store)
        return pipeline.build_brief(store, report.article_ids).contradictions


def topic_of(event: str) -> int:
    return int(event.removesuffix("plus"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--topics", default="1-35", help="first-last topic to brief")
    parser.add_argument("--verbose", action="store_true", help="list every contradiction with its judgement")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"bench/contradictions.py: ECB+ not found at {DATA}", file=sys.stderr)
        return 2
    first, last = (int(part) for part in args.topics.split("-"))
    labels: dict[str, str] = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    nlp.spacy_pipeline()("Models are loaded before timing.")
    nlp.embed(["Models are loaded before timing."])
    splits = {name: Split() for name in SPLITS}
    start = time.perf_counter()
    for event, files in events_of(range(first, last + 1)).items():
        split = next(splits[name] for name, topics in SPLITS.items() if topic_of(event) in topics)
        split.events += 1
        try:
            found = brief_contradictions(files)
        except Exception as error:  # a failing brief is a finding of the bench, not the end of it
            split.failed.append(f"{event}: {type(error).__name__}: {error}")
            if args.verbose:
                traceback.print_exc()
            continue
        for contradiction in found:
            verdict = labels.get(label_key(event, contradiction), "not judged")
            split.kinds[contradiction.kind] += 1
            split.verdicts[verdict] += 1
            if args.verbose:
                print(f"{verdict:>10}  {label_key(event, contradiction)}  ({contradiction.subject})")
    for name, split in splits.items():
        if not split.events:
            continue
        total = sum(split.kinds.values())
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(split.kinds.items())) or "none"
        print(f"\n== {name}: {split.events} events briefed, {len(split.failed)} failed")
        print(f"  contradictions   {total} ({kinds})")
        print(f"  judged           {split.verdicts['true']} true, {split.verdicts['false']} false, "
              f"{split.verdicts['not judged']} not judged")
        for failure in split.failed:
            print(f"  failed: {failure}")
    print(f"\n{time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
