"""Claim alignment at scale: units, wall time and peak memory of ``align.group_statements`` on a big story.

The story is made of real sentences: the NewsWCL50 articles of all five events (25 articles under
../shared/data/newswcl50-dev) taken as one story, then repeated with small edits (each copy drops a different
share of sentences and rewords a few verbs, as syndicated copies do) up to the largest size asked for. Every
size runs in a fresh process, so its peak memory is its own: the figure is the growth of the peak resident
set over the resident set before the call (parses and models already loaded). Relayed-quote anchors are not
built (they need the whole claims stage), which leaves the grouping's work unchanged.

With ``--baseline`` (default: the last commit that held the statements x statements matrix whole; the one
before it, a364b12, held the units x units matrix too and needs some 20 GB at 400 articles) that version of
``align.py``, read from git, runs side by side on the same input; ``members`` tells whether it made groups
of the same statements, ``reps`` whether it chose the same representatives (among copies of one sentence
their scores tie, and float32 products, which vary with the shape of a block, settle such ties).

    python bench/alignment.py [--sizes 25 50 100 200 400] [--baseline COMMIT | --baseline none]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT.parent / "shared" / "data" / "newswcl50-dev"
#: The last align.py with the dense statements x statements matrix (its units x units one already sparse).
DENSE_COMMIT = "46c1f4a"
#: Measured on this synthetic story before the sparse alignment, when no baseline can be read from git.
DENSE_NOTE = (
    "measured before the change: dense units x units matrix 668 MB at 50 articles, 2.6 GB at 100; dense "
    "statements x statements matrix alone 1.2 GB at 400"
)
#: Small rewordings a copy makes, in turn.
REWORDINGS = ((" said ", " stated "), (" told ", " informed "), (" says ", " states "))


def base_articles() -> list[dict]:
    rows = []
    for path in sorted(EVENTS.glob("event-*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def edited_copy(text: str, copy: int) -> str:
    """A copy of an article: every (copy + 2)-th sentence-like line dropped, one verb reworded throughout."""
    lines = [line for line in re.split(r"(?<=[.!?])\s+|\n+", text) if line.strip()]
    kept = [line for index, line in enumerate(lines) if index % (copy + 2) != 1]
    old, new = REWORDINGS[copy % len(REWORDINGS)]
    return "\n\n".join(kept).replace(old, new)


def story(size: int) -> list:
    """``size`` articles: the base articles, then edited copies of them in turn."""
    from corroborate.records import Article

    base = base_articles()
    articles = []
    for index in range(size):
        row, copy = base[index % len(base)], index // len(base)
        text = row["text"] if copy == 0 else edited_copy(row["text"], copy)
        source = row.get("source") or "outlet"
        outlet = source if copy == 0 else f"{source}-copy{copy}"
        articles.append(Article(f"a{index:03d}", f"{outlet}/{index}", outlet, row.get("title"), None, None, text, text))
    return articles


def prepare(size: int, folder: Path) -> Path:
    """Parse the largest story once; each measurement takes its first articles."""
    from corroborate import align
    from corroborate.sentences import parse_articles, split_sentences

    articles = story(size)
    docs = parse_articles(articles)
    statements = align.statements(split_sentences(articles, docs=docs))
    path = folder / "story.pkl"
    path.write_bytes(pickle.dumps({
        "order": [article.id for article in articles],
        "statements": statements,
        "docs": {key: doc.to_bytes() for key, doc in docs.items()},
    }))
    return path


def dense_module(commit: str) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{commit}:src/corroborate/align.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    spec = importlib.util.spec_from_loader("corroborate._dense_align", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    exec(compile(source, f"{commit}:align.py", "exec"), module.__dict__)
    return module


def memory_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def measure(inputs: Path, size: int, baseline: str | None) -> dict:
    """Run once in this (fresh) process: group the story's first ``size`` articles."""
    from spacy.tokens import Doc

    from corroborate import align, nlp

    module = dense_module(baseline) if baseline else align
    vocab = nlp.spacy_pipeline().vocab
    nlp.embed(["Models are loaded before timing."])
    data = pickle.loads(inputs.read_bytes())
    chosen = set(data["order"][:size])
    docs = {key: Doc(vocab).from_bytes(raw) for key, raw in data["docs"].items() if key in chosen}
    statements = [s for s in data["statements"] if s.article_id in chosen]
    units = len(align.statement_units(statements, docs))
    Path("/proc/self/clear_refs").write_text("5")  # resets the peak resident set to the current one
    before = memory_kb("VmRSS")
    start = time.perf_counter()
    groups = module.group_statements(statements, docs=docs)
    seconds = time.perf_counter() - start
    return {
        "statements": len(statements), "units": units, "groups": len(groups), "seconds": seconds,
        "peak_growth_mb": (memory_kb("VmHWM") - before) / 1024, "rss_before_mb": before / 1024,
        "members": digest(groups, with_representatives=False), "representatives": digest(groups, True),
    }


def digest(groups: list, with_representatives: bool) -> str:
    """A fingerprint of the groups' members (and representatives and labels), in a fixed order."""
    keys = []
    for group in groups:
        key = [sorted((s.article_id, s.start) for s in group.sentences)]
        if with_representatives:
            key += [(group.representative.article_id, group.representative.start), group.label or ""]
        keys.append(key)
    return hashlib.sha256(repr(sorted(keys)).encode()).hexdigest()[:12]


def run_child(inputs: Path, size: int, baseline: str | None) -> dict | None:
    command = [sys.executable, __file__, "--child", str(inputs), "--sizes", str(size)]
    command += ["--baseline", baseline or "none"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  size {size} ({baseline or 'sparse'}) failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200, 400])
    parser.add_argument("--baseline", default=DENSE_COMMIT, help="git commit of the dense align.py, or 'none'")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    baseline = None if args.baseline == "none" else args.baseline
    if args.child:
        print(json.dumps(measure(args.child, args.sizes[0], baseline)))
        return 0
    if not EVENTS.exists():
        print(f"bench/alignment.py: no NewsWCL50 events at {EVENTS}", file=sys.stderr)
        return 2
    if baseline:
        try:
            dense_module(baseline)
        except (subprocess.CalledProcessError, OSError, SyntaxError) as error:
            print(f"baseline {baseline} not readable ({error}); {DENSE_NOTE}")
            baseline = None
    elif args.baseline == "none":
        print(f"note: {DENSE_NOTE}")
    with tempfile.TemporaryDirectory() as folder:
        inputs = prepare(max(args.sizes), Path(folder))
        print(f"{'articles':>8} {'version':>8} {'statements':>10} {'units':>6} {'groups':>6} {'seconds':>8} "
              f"{'peak growth MB':>14} {'members':>7} {'reps':>5}")
        for size in sorted(args.sizes):
            now = run_child(inputs, size, None)
            print_row(size, "now", now, None)
            if baseline:
                print_row(size, baseline, run_child(inputs, size, baseline), now)
    return 0


def print_row(size: int, label: str, result: dict | None, now: dict | None) -> None:
    if result:
        same = ["" if now is None else "same" if now[key] == result[key] else "DIFF"
                for key in ("members", "representatives")]
        print(f"{size:>8} {label:>8} {result['statements']:>10} {result['units']:>6} {result['groups']:>6} "
              f"{result['seconds']:>8.1f} {result['peak_growth_mb']:>14.0f} {same[0]:>7} {same[1]:>5}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
