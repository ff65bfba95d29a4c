"""The ``corroborate`` command: parses arguments, calls the pipeline, prints. No logic of its own."""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict

from tqdm import tqdm

from corroborate import brief as brief_format
from corroborate import pipeline
from corroborate.errors import CorroborateError
from corroborate.ingest import iter_documents
from corroborate.records import Skipped
from corroborate.store import Store

DEFAULT_DB = "corroborate.db"


def _report_skip(item: Skipped) -> None:
    print(f"corroborate: skipped {item.origin}: {item.reason}", file=sys.stderr)


def skip_kind(reason: str) -> str:
    """A skip's reason without the detail in its closing parentheses, so that a crawl's thousand bad lines count
    as one kind ("not valid JSON (Expecting ',' delimiter: line 1 column 26)" is "not valid JSON"); each skip's
    own line keeps the detail."""
    return _CLOSING_DETAIL.sub("", reason)


_CLOSING_DETAIL = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$")


def _progress_bar(description: str) -> tqdm:
    # disable=None: a bar on a terminal, nothing in a pipe or a log file.
    return tqdm(desc=description, unit=" docs", file=sys.stderr, disable=None, leave=False)


def _ingest(inputs: Sequence[str], store: Store) -> pipeline.IngestReport:
    with _progress_bar("ingest") as bar:
        report = pipeline.ingest(inputs, store, on_skip=_report_skip, progress=bar.update)
    if report.skipped:
        reasons = Counter(skip_kind(item.reason) for item in report.skipped)
        listed = "; ".join(f"{count} × {reason}" for reason, count in reasons.most_common(10))
        more = f"; {len(reasons) - 10} other reasons" if len(reasons) > 10 else ""
        print(f"corroborate: {len(report.skipped)} inputs skipped: {listed}{more}", file=sys.stderr)
    if not report.article_ids:
        raise CorroborateError(f"nothing could be read from {', '.join(inputs)}")
    return report


def command_ingest(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        report = _ingest(args.inputs, store)
        print(
            f"{len(report.added)} articles added, {len(report.existing)} already stored, "
            f"{len(report.skipped)} inputs skipped; {store.count_articles()} articles in {args.db}"
        )
    return 0


def command_brief(args: argparse.Namespace) -> int:
    if not args.inputs and not args.story:
        raise CorroborateError("give inputs to brief, or --story ID for a stored story")
    with Store(args.db) as store:
        if args.inputs:
            report = _ingest(args.inputs, store)
        result = pipeline.story_brief(store, args.story) if args.story else pipeline.brief_inputs(store, report)
    output = brief_format.to_json(result) if args.format == "json" else brief_format.to_markdown(result)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def command_stories(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        stories = pipeline.list_stories(store)
        if args.format == "json":
            origins = {article.id: article.origin for article in store.iter_articles()}
            listing = [
                {"id": story.id, "title": story.title,
                 "articles": [{"id": article_id, "origin": origins[article_id]} for article_id in story.article_ids]}
                for story in stories
            ]
            print(json.dumps(listing, ensure_ascii=False, indent=2))
            return 0
    for story in stories:
        dates = " to ".join(dict.fromkeys(d for d in (story.first_published, story.last_published) if d)) or "undated"
        print(f"{story.id}  {story.title}")
        outlets = ", ".join(story.sources)
        print(f"    {len(story.article_ids)} articles, {len(story.sources)} outlets ({outlets}); {dates}")
    if not stories:
        print(f"no stories in {args.db}: `corroborate ingest` some articles first", file=sys.stderr)
    return 0


def command_extract(args: argparse.Namespace) -> int:
    read = 0
    for item in iter_documents(args.inputs):
        if isinstance(item, Skipped):
            _report_skip(item)
            continue
        try:
            article = pipeline.build_article(item)
        except CorroborateError as error:
            print(f"corroborate: skipped {error}", file=sys.stderr)
            continue
        read += 1
        record = {
            "id": article.id, "origin": article.origin, "source": article.source, "title": article.title,
            "author": article.author, "published": article.published, "url": article.url, "text": article.text,
            "removed": [asdict(span) for span in article.removed],
        }
        print(json.dumps(record, ensure_ascii=False))
    if not read:
        raise CorroborateError(f"nothing could be read from {', '.join(args.inputs)}")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    from corroborate.web.app import serve

    serve(args.db, host=args.host, port=args.port)
    return 0


def command_spark(args: argparse.Namespace) -> int:
    from corroborate.spark import run

    print(run(args.inputs, args.out, master=args.master, db=args.db).summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate",
        description="Which facts several outlets share, which rest on one, and where they disagree.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    commands = parser.add_subparsers(dest="command", required=True)

    brief = commands.add_parser("brief", help="ingest inputs and print the brief of the story they tell")
    brief.add_argument("inputs", nargs="*", help="folders, text, HTML, WARC(.gz) or JSONL files")
    brief.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default ./{DEFAULT_DB})")
    brief.add_argument("--story", help="brief this stored story (see `corroborate stories`) instead of inputs")
    brief.add_argument("--format", choices=("markdown", "json"), default="markdown")
    brief.set_defaults(run=command_brief)

    stories = commands.add_parser("stories", help="list the stories in the store")
    stories.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default ./{DEFAULT_DB})")
    stories.add_argument("--format", choices=("text", "json"), default="text")
    stories.set_defaults(run=command_stories)

    ingest = commands.add_parser("ingest", help="store articles from inputs and print counts")
    ingest.add_argument("inputs", nargs="+", help="folders, text, HTML, WARC(.gz) or JSONL files")
    ingest.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default ./{DEFAULT_DB})")
    ingest.set_defaults(run=command_ingest)

    extract = commands.add_parser("extract", help="print each input's clean article as a JSON line")
    extract.add_argument("inputs", nargs="+", help="folders, text, HTML, WARC(.gz) or JSONL files")
    extract.set_defaults(run=command_extract)

    serve = commands.add_parser("serve", help="serve the web UI and HTTP API over a store")
    serve.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default ./{DEFAULT_DB})")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=command_serve)

    spark = commands.add_parser("spark", help="ingest, dedup and cluster a crawl on Apache Spark (docs/spark.md)")
    spark.add_argument("inputs", nargs="+", help="WARC(.gz), JSONL, HTML or text files or folders, one Spark "
                       "task each; paths or hdfs://, s3a://, file:// URIs")
    spark.add_argument("--out", required=True, help="folder for the Parquet tables (and the store, without --db)")
    spark.add_argument("--master", help="Spark master: local[2] (default), spark://host:7077, yarn, k8s://...")
    spark.add_argument("--db", help="SQLite store to add to: new, or filled by earlier runs of ingest or spark "
                       "(default OUT/corroborate.db)")
    spark.set_defaults(run=command_spark)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return int(args.run(args))
    except CorroborateError as error:
        print(f"corroborate: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("corroborate: interrupted; everything committed before this is kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
