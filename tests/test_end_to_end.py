"""End to end on the example corpus: five scraped copies of one event, with their page junk.

These check structure and key facts, not exact prose: the core all five outlets share comes out
corroborated with its outlets, and no page junk appears as a statement.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from corroborate import brief as brief_format
from corroborate import pipeline
from corroborate.store import Store

JUNK_MARKERS = re.compile(r"cookie|you may also like|leave a comment|also read|charlie kirk|privacy", re.I)


@pytest.fixture(scope="module")
def corpus_brief(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    corpus = shared_path("corpora", "budapest-2025")
    with Store(tmp_path_factory.mktemp("e2e") / "stories.db") as store:
        report = pipeline.ingest([corpus], store)
        return pipeline.build_brief(store, report.article_ids).to_json()


def test_every_outlet_is_read(corpus_brief: dict[str, Any]) -> None:
    articles = corpus_brief["articles"]
    assert len(articles) == 5
    assert len({article["source"] for article in articles}) == 5
    assert all(article["origin"].endswith(".txt") for article in articles)


def test_the_brief_follows_the_json_contract(corpus_brief: dict[str, Any]) -> None:
    assert isinstance(corpus_brief["story"]["title"], str) and corpus_brief["story"]["title"]
    ids = {article["id"] for article in corpus_brief["articles"]}
    for key in ("claims", "contradictions", "entities", "timeline", "removed"):
        assert isinstance(corpus_brief[key], list)
    for claim in corpus_brief["claims"]:
        assert claim["status"] in {"corroborated", "single_source", "contradicted"}
        assert set(claim["sources"]) <= ids
        assert {evidence["article"] for evidence in claim["evidence"]} <= ids
        assert all(evidence["quote"] for evidence in claim["evidence"])
    for article in corpus_brief["articles"]:
        assert article["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["published"])


def test_the_cancellation_is_corroborated_by_all_five_outlets(corpus_brief: dict[str, Any]) -> None:
    widest = [claim for claim in corpus_brief["claims"] if len(claim["sources"]) == 5]
    assert widest, "no statement is made by all five outlets"
    assert any(re.search(r"cancel|scrap", claim["text"], re.I) for claim in widest)
    assert all(claim["status"] in {"corroborated", "contradicted"} for claim in widest)


def test_the_tense_call_is_corroborated(corpus_brief: dict[str, Any]) -> None:
    calls = [
        claim for claim in corpus_brief["claims"]
        if claim["status"] != "single_source" and re.search(r"tense .*(call|conversation)", claim["text"], re.I)
    ]
    assert calls and max(len(claim["sources"]) for claim in calls) >= 3


def test_people_carry_the_roles_the_outlets_give_them_with_evidence(corpus_brief: dict[str, Any]) -> None:
    people = {entity["name"]: entity for entity in corpus_brief["entities"] if entity["type"] == "person"}
    rubio = people["Marco Rubio"]
    assert len(rubio["roles"][0]["sources"]) == 4 and "Secretary of State" in rubio["roles"][0]["value"]
    assert any("Senator" in role["value"] and len(role["sources"]) == 1 for role in rubio["roles"])
    for entity in people.values():
        for role in entity["roles"]:
            assert set(role["sources"]) <= set(entity["sources"])
            assert any(role["value"] in evidence["quote"] for evidence in role["evidence"])


def test_evidence_quotes_are_exact_sentences_of_the_articles(
    corpus_brief: dict[str, Any], budapest_corpus: Path
) -> None:
    texts = {
        article["id"]: (budapest_corpus / Path(article["origin"]).name).read_text()
        for article in corpus_brief["articles"]
    }
    for claim in corpus_brief["claims"]:
        for evidence in claim["evidence"]:
            assert evidence["quote"] in texts[evidence["article"]]


def test_no_page_junk_appears_as_a_statement(corpus_brief: dict[str, Any]) -> None:
    for claim in corpus_brief["claims"]:
        for evidence in claim["evidence"]:
            assert not JUNK_MARKERS.search(evidence["quote"]), evidence["quote"]


def test_removed_junk_is_listed_with_reasons(corpus_brief: dict[str, Any]) -> None:
    removed = " ".join(item["text"] for item in corpus_brief["removed"])
    for junk in ("cookies", "Also Read", "Charlie Kirk", "You may also like"):
        assert junk in removed
    assert all(item["reason"] for item in corpus_brief["removed"])


def test_single_source_facts_are_kept_with_their_outlet(corpus_brief: dict[str, Any]) -> None:
    single = [claim for claim in corpus_brief["claims"] if claim["status"] == "single_source"]
    assert single
    assert any("130" in claim["text"] and "drones" in claim["text"] for claim in single)
    assert all(len(claim["sources"]) == 1 for claim in single)


def test_markdown_cites_every_corroborated_statement(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "budapest-2025")
    with Store(tmp_path / "stories.db") as store:
        report = pipeline.ingest([corpus], store)
        result = pipeline.build_brief(store, report.article_ids)
    markdown = brief_format.to_markdown(result)
    assert markdown.startswith("# ")
    assert "## Corroborated" in markdown and "## Single-source" in markdown
    for claim in result.claims:
        if claim.status == "corroborated":
            for evidence in claim.evidence:
                assert evidence.quote.split()[0] in markdown


def test_cli_brief_prints_json_and_markdown(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "budapest-2025")
    db = tmp_path / "cli.db"
    command = [sys.executable, "-m", "corroborate", "brief", str(corpus), "--db", str(db), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["articles"]) == 5
    again = subprocess.run(command[:-2], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and again.stdout.startswith("# ")
    with Store(db) as store:
        assert store.count_articles() == 5
