"""Bad inputs end to end: ``corroborate ingest`` and ``brief`` run as a user runs them, over a folder of every
kind of bad input a crawl brings, built here. Each input is either stored correctly or named on stderr with
its reason; the run goes on; the end summary counts what was stored and what was skipped, by reason.

tests/test_ingest.py covers the readers input by input; this suite checks what reaches the user.
"""

from __future__ import annotations

import base64
import http.server
import io
import json
import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from test_fuzz import assert_brief_contract
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.cli import skip_kind
from corroborate.ingest import documents_from_bytes
from corroborate.store import Store
from corroborate.web import create_app

TOPICS = ("harbour", "railway", "hospital", "library", "stadium", "reservoir", "airport", "museum", "tram line",
          "power station", "ferry", "school", "market", "bridge", "tunnel", "park")


def article(topic: str, extra: str = "") -> str:
    """A short English news article about ``topic``, distinct from the others."""
    return (
        f"Council approves new {topic} plan\n\n"
        f"The city council approved the {topic} plan on Tuesday after a debate that lasted most of the day.{extra}\n\n"
        f"Members said work on the {topic} would begin in the spring and cost less than first estimated.\n\n"
        f"Residents living near the {topic} asked for quieter building hours, and the council agreed to them."
    )


def html_page(topic: str, extra: str = "", charset: str = "utf-8", head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in article(topic, extra).split("\n\n")[1:])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>Council approves new {topic} plan'
        f"</title>{head}</head><body><nav><a href='/'>Home</a></nav><article><h1>Council approves new {topic} plan"
        f"</h1>{paragraphs}</article><footer>Share this article</footer></body></html>"
    )


FRENCH = (
    "Le conseil municipal a approuvé mardi le nouveau plan pour le port après un long débat.\n\n"
    "Les travaux commenceront au printemps et coûteront moins cher que prévu, selon les membres du conseil.\n\n"
    "Les habitants du quartier ont demandé des horaires de chantier plus calmes, ce que le conseil a accepté."
)
SPANISH = (
    "El ayuntamiento aprobó el martes el nuevo plan para el puerto después de un largo debate entre sus miembros. "
    "Las obras comenzarán en primavera y costarán menos de lo previsto, según dijeron los concejales de la ciudad. "
    "Los vecinos pidieron horarios de obra más tranquilos y el ayuntamiento aceptó su petición sin más discusión."
)


def warc(records: list[tuple[str, str, bytes, str]], compress: bool) -> bytes:
    """A WARC of (url, record type, payload, content type); response records get HTTP headers."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, kind, payload, content_type in records:
        if kind == "response":
            status = "404 Not Found" if url.endswith("/gone") else "200 OK"
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
        elif kind == "request":
            http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=http))
        else:
            writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                                          warc_content_type=content_type))
    return buffer.getvalue()


def news_records(topics: tuple[str, ...]) -> list[tuple[str, str, bytes, str]]:
    return [(f"https://news.example/{t.replace(' ', '-')}", "response", html_page(t).encode(), "text/html")
            for t in topics]


@dataclass(frozen=True)
class Case:
    """One input and what must come of it: ``stored`` words in a stored article, or a ``skipped`` reason."""

    origin: str
    stored: str | None = None
    skipped: str | None = None


# What must come of each input that ``build_inputs`` writes (origins relative to the input folder).
CASES = [
    Case("good.txt", stored="harbour plan"),
    Case("empty.txt", skipped=r"empty file \(0 bytes\)"),
    Case("blank.html", skipped="only whitespace"),
    Case("binary.html", skipped="binary data"),
    Case("noise.html", skipped="binary data"),
    Case("invalid-utf8.txt", stored="railway plan"),
    Case("cp1252-labelled-utf8.html", stored="\u201cIt is a good day,\u201d said the caf\u00e9 owner"),
    Case("latin1.txt", stored="Z\u00fcrich firm"),
    Case("utf16.txt", stored="Caf\u00e9s will stay open"),
    Case("huge.html", stored="reservoir plan"),
    # libxml2 drops what lies deeper than 256 levels: the page must be named, whatever the reason given.
    Case("deep.html", skipped="."),
    Case("nav-only.html", skipped="no article text"),
    Case("french.txt", skipped="'fr', not English"),
    Case("spanish.html", skipped="'es', not English"),
    Case("truncated.warc.gz#record-0", stored="museum plan"),
    Case("truncated.warc.gz#record-1", stored="tram line plan"),
    Case("truncated.warc.gz#record-2", skipped="truncated|damaged"),
    Case("corrupted.warc.gz#record-0", stored="ferry plan"),
    Case("corrupted.warc.gz#record-1", skipped="damaged"),
    Case("mixed.warc#record-0", skipped="request record, not a response"),
    Case("mixed.warc#record-1", skipped="image/png, not HTML"),
    Case("mixed.warc#record-2", skipped="application/json, not HTML"),
    Case("mixed.warc#record-3", skipped="HTTP 404"),
    Case("mixed.warc#record-4", skipped="metadata record, not a response"),
    Case("mixed.warc#record-5", stored="market plan"),
    Case("feed.jsonl#line-1", stored="tunnel plan"),
    Case("feed.jsonl#line-2", skipped="not valid JSON"),
    Case("feed.jsonl#line-3", skipped="neither a 'text' nor an 'html' field"),
    Case("feed.jsonl#line-4", skipped="field 'text' is a number, expected a string"),
    Case("feed.jsonl#line-5", skipped="field 'title' is an array, expected a string"),
    Case("feed.jsonl#line-6", skipped="expected a JSON object"),
    Case("feed.jsonl#line-7", skipped="'text' or 'html' field is empty"),
    Case("name with spaces.txt", stored="Flights resume"),
    Case("ünïcödé 名前.html", stored="Lights stay on"),
]


def build_inputs(folder: Path) -> None:
    """Every kind of bad input, beside good ones; ``CASES`` says what must come of each."""
    folder.mkdir()
    (folder / "good.txt").write_text(article("harbour"), encoding="utf-8")
    (folder / "copy of good.txt").write_bytes((folder / "good.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.html").write_text(" \n\t\n")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 64)
    noise = random.Random(6).randbytes(20000).replace(b"\0", b"\1")
    (folder / "noise.html").write_bytes(noise)
    (folder / "invalid-utf8.txt").write_bytes(article("railway").encode() + b"\n\nTrailing byte \xff\xfe here.")
    mislabelled = html_page("hospital", " \u201cIt is a good day,\u201d said the caf\u00e9 owner.", charset="utf-8")
    (folder / "cp1252-labelled-utf8.html").write_bytes(mislabelled.encode("cp1252"))
    (folder / "latin1.txt").write_bytes(article("library", " The Z\u00fcrich firm will build it.").encode("latin-1"))
    (folder / "utf16.txt").write_bytes(article("stadium", " Caf\u00e9s will stay open.").encode("utf-16"))

    # 50 MB: a real article beside 50 MB of inline data, as pages with embedded images and scripts are.
    blob = base64.b64encode(random.Random(50).randbytes(38 * 1024 * 1024)).decode()
    huge = html_page("reservoir", head=f"<script>var payload = '{blob}';</script>")
    (folder / "huge.html").write_text(huge)
    deep = "<html><body>" + "<div>" * 10_000 + html_page("airport") + "</div>" * 10_000 + "</body></html>"
    (folder / "deep.html").write_text(deep)
    (folder / "nav-only.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<footer>Contact us</footer></body></html>"
    )
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "spanish.html").write_text(f"<html><body><article><p>{SPANISH}</p></article></body></html>")

    whole = warc(news_records(("museum", "tram line", "power station")), compress=True)
    (folder / "truncated.warc.gz").write_bytes(whole[: len(whole) - 300])
    # Each record is its own gzip member: the second member's magic is broken, so the damage lies exactly there.
    first, second = (warc(news_records((topic,)), compress=True) for topic in ("ferry", "school"))
    (folder / "corrupted.warc.gz").write_bytes(first + b"XX" + second[2:])
    mixed = [
        ("https://news.example/market", "request", b"", ""),
        ("https://news.example/logo.png", "response", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        ("https://news.example/feed", "response", b'{"a": 1}', "application/json"),
        ("https://news.example/gone", "response", html_page("bridge").encode(), "text/html"),
        ("https://news.example/meta", "metadata", b"via: crawler", "application/warc-fields"),
        ("https://news.example/market", "response", html_page("market").encode(), "text/html"),
    ]
    (folder / "mixed.warc").write_bytes(warc(mixed, compress=False))

    lines = [
        json.dumps({"url": "https://feed.example/1", "text": article("tunnel"), "source": "Feed Wire"}),
        '{"url": "https://feed.example/2", "text": "cut off',
        json.dumps({"url": "https://feed.example/3", "title": "No body"}),
        json.dumps({"url": "https://feed.example/4", "text": 42}),
        json.dumps({"url": "https://feed.example/5", "text": article("park"), "title": ["a", "list"]}),
        json.dumps(["an", "array"]),
        json.dumps({"text": "   "}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    (folder / "name with spaces.txt").write_text(article("airport", " Flights resume."), encoding="utf-8")
    (folder / "ünïcödé 名前.html").write_text(html_page("power station", " Lights stay on."), encoding="utf-8")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "corroborate", *args], capture_output=True, text=True, timeout=600)


SKIP_LINE = re.compile(r"^corroborate: skipped (?P<origin>.+?): (?P<reason>.+)$")


@dataclass(frozen=True)
class Run:
    folder: Path
    db: Path
    done: subprocess.CompletedProcess[str]

    def skip_lines(self) -> dict[str, str]:
        found = {}
        for line in self.done.stderr.splitlines():
            match = SKIP_LINE.match(line)
            if match:
                origin = match["origin"].removeprefix(str(self.folder) + "/")
                found[origin] = match["reason"]
        return found


@pytest.fixture(scope="module")
def ingest_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One ``corroborate ingest`` over the folder, with one input also named twice on the command line."""
    root = tmp_path_factory.mktemp("bad")
    folder = root / "in"
    build_inputs(folder)
    db = root / "stories.db"
    done = run_cli("ingest", str(folder), str(folder / "good.txt"), str(folder / "missing.html"), "--db", str(db))
    return Run(folder, db, done)


def stored_by_origin(run: Run) -> dict[str, str]:
    with Store(run.db, readonly=True) as store:
        return {a.origin.removeprefix(str(run.folder) + "/"): a.text for a in store.iter_articles()}


def test_the_run_goes_on_and_succeeds(ingest_run: Run) -> None:
    assert ingest_run.done.returncode == 0, ingest_run.done.stderr
    assert "Traceback" not in ingest_run.done.stderr


STORED = [case for case in CASES if case.stored and case.origin != "huge.html"]
SKIPPED = [case for case in CASES if case.skipped]


@pytest.mark.parametrize("case", STORED, ids=[case.origin for case in STORED])
def test_readable_inputs_are_stored_with_their_text(ingest_run: Run, case: Case) -> None:
    stored = stored_by_origin(ingest_run)
    if case.origin == "good.txt":
        # Its copy under another name holds the same bytes, so one of the two names carries the one article.
        assert sum(case.stored in text for text in stored.values()) == 1
        return
    assert case.origin in stored, ingest_run.skip_lines().get(case.origin)
    assert case.stored in stored[case.origin]


@pytest.mark.parametrize("case", SKIPPED, ids=[case.origin for case in SKIPPED])
def test_each_bad_input_is_named_with_its_reason(ingest_run: Run, case: Case) -> None:
    lines = ingest_run.skip_lines()
    assert case.origin in lines, f"{case.origin} not named on stderr:\n{ingest_run.done.stderr}"
    assert re.search(case.skipped or "", lines[case.origin]), lines[case.origin]
    with Store(ingest_run.db, readonly=True) as store:
        recorded = {item.origin.removeprefix(str(ingest_run.folder) + "/"): item.reason for item in store.skipped()}
    assert recorded[case.origin] == lines[case.origin]


def test_a_missing_input_is_named(ingest_run: Run) -> None:
    assert ingest_run.skip_lines()["missing.html"] == "no such file or folder"


def test_a_50_mb_page_is_stored_or_refused_for_its_size(ingest_run: Run) -> None:
    stored = stored_by_origin(ingest_run)
    if "huge.html" in stored:
        assert "reservoir plan" in stored["huge.html"]
    else:
        assert re.search(r"\bMi?B\b|size|limit|large", ingest_run.skip_lines()["huge.html"])


def test_duplicated_inputs_are_stored_once(ingest_run: Run) -> None:
    with Store(ingest_run.db, readonly=True) as store:
        texts = [article.text for article in store.iter_articles()]
    assert len(texts) == len(set(texts))


def summary_counts(run: Run) -> tuple[int, int, int, int]:
    match = re.search(r"^(\d+) articles added, (\d+) already stored, (\d+) inputs skipped; (\d+) articles in ",
                      run.done.stdout, re.M)
    assert match, run.done.stdout
    added, existing, skipped, total = (int(group) for group in match.groups())
    return added, existing, skipped, total


def test_the_summary_counts_what_was_stored_and_skipped(ingest_run: Run) -> None:
    added, existing, skipped, total = summary_counts(ingest_run)
    assert added == total == len(stored_by_origin(ingest_run))
    # The copy of good.txt and good.txt named twice: read once, counted as already stored.
    assert existing == 2
    assert skipped == len(ingest_run.skip_lines())


def test_the_summary_counts_skips_by_reason(ingest_run: Run) -> None:
    lines = ingest_run.skip_lines()
    summary = re.search(r"^corroborate: (\d+) inputs skipped: (.+)$", ingest_run.done.stderr, re.M)
    assert summary, ingest_run.done.stderr
    assert int(summary[1]) == len(lines)
    listed = re.findall(r"(\d+) × (.+?)(?=; \d+ × |; \d+ other reasons|$)", summary[2])
    assert listed
    for count, reason in listed:
        assert int(count) == sum(1 for found in lines.values() if skip_kind(found) == reason), reason


def test_every_input_is_accounted_for_in_the_summary(ingest_run: Run) -> None:
    added, existing, skipped, _ = summary_counts(ingest_run)
    # Every case, the copy of good.txt, good.txt named again, and the missing file.
    assert added + existing + skipped == len(CASES) + 3


@pytest.fixture(scope="module")
def brief_run(ingest_run: Run, tmp_path_factory: pytest.TempPathFactory) -> Run:
    db = tmp_path_factory.mktemp("brief") / "stories.db"
    inputs = [path for path in ingest_run.folder.iterdir() if path.name != "huge.html"]
    done = run_cli("brief", *map(str, sorted(inputs)), "--format", "json", "--db", str(db))
    return Run(ingest_run.folder, db, done)


def test_brief_over_bad_inputs_names_them_and_keeps_the_contract(brief_run: Run) -> None:
    assert brief_run.done.returncode == 0, brief_run.done.stderr
    lines = brief_run.skip_lines()
    for case in SKIPPED:
        assert case.origin in lines, case.origin
    brief = json.loads(brief_run.done.stdout)
    assert_brief_contract(brief)
    assert brief["articles"]


# ---- nesting that exhausts the JSON decoder's recursion --------------------------------------------------------

DEEP_JSON = b"[" * 100_000


def test_a_deeply_nested_jsonl_line_is_skipped_and_the_next_line_read() -> None:
    good = json.dumps({"text": article("harbour")}).encode()
    results = list(documents_from_bytes("feed.jsonl", DEEP_JSON + b"\n" + good + b"\n"))

    assert [type(item).__name__ for item in results] == ["Skipped", "RawDocument"]
    assert results[0].origin == "feed.jsonl#line-1"


# ---- hostile requests to the web app (what tests/test_web_api.py does not already cover) ---------------------


@pytest.fixture
def web(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(tmp_path / "stories.db"))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_a_deeply_nested_json_body_is_a_400_with_a_reason(web: TestClient) -> None:
    answer = web.post("/api/ingest", content=DEEP_JSON, headers={"content-type": "application/json"})
    assert answer.status_code == 400 and answer.json()["message"]


def test_error_pages_escape_what_the_request_holds_and_carry_the_policy(web: TestClient) -> None:
    for url in ("/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/articles/%22%3E%3Cimg%20src%3Dx%20onerror%3D1%3E",
                "/jobs/%3Cb%3Ejob"):
        answer = web.get(url, headers={"accept": "text/html"})
        assert answer.status_code == 404
        assert "<script>alert" not in answer.text and "<img src=x" not in answer.text and "<b>job" not in answer.text
        assert "script-src 'self'" in answer.headers["content-security-policy"]


def test_an_upload_name_never_becomes_a_path(web: TestClient, tmp_path: Path) -> None:
    name = "../../../" + str(tmp_path / "escaped.html").lstrip("/")
    files = {"files": (name, html_page("harbour").encode(), "text/html")}

    job = web.post("/api/ingest", params={"wait": "true"}, files=files).json()

    assert [item["origin"] for item in job["stored"]] == ["upload:escaped.html"]
    assert not (tmp_path / "escaped.html").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["stories.db", "stories.db-shm", "stories.db-wal"]


class Canary(http.server.BaseHTTPRequestHandler):
    """A loopback server that only counts the requests it gets."""

    hits = 0

    def do_GET(self) -> None:  # noqa: N802 (the http.server handler's name)
        Canary.hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        return


def test_no_endpoint_fetches_the_urls_an_article_holds(web: TestClient) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    canary = f"http://127.0.0.1:{server.server_address[1]}"
    page = html_page("harbour", head=f'<link rel="stylesheet" href="{canary}/css"><base href="{canary}/">')
    page = page.replace("</article>", f'<img src="{canary}/img"><iframe src="{canary}/frame"></iframe></article>')
    records = [{"url": f"{canary}/story", "html": page}, {"url": f"{canary}/other", "text": article("railway")}]
    try:
        job = web.post("/api/ingest", params={"wait": "true"}, json=records).json()
        web.post("/api/ingest", params={"wait": "true"}, data={"text": article("school"), "url": f"{canary}/pasted"})
        assert len(job["stored"]) == 2
        for item in job["stored"]:
            assert web.get(f"/articles/{item['id']}", headers={"accept": "text/html"}).status_code == 200
            assert web.get(f"/api/articles/{item['id']}").status_code == 200
    finally:
        server.shutdown()
    assert Canary.hits == 0


def test_no_module_in_src_opens_a_network_connection() -> None:
    source = Path(__file__).resolve().parents[1] / "src" / "corroborate"
    clients = re.compile(r"^\s*(?:import|from)\s+(?:httpx|requests|urllib3|aiohttp|urllib\.request|http\.client)\b"
                         r"|\burlopen\(|\bfetch_url\(|\bcreate_connection\(", re.M)
    offenders = [str(path) for path in source.rglob("*.py") if clients.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


def listening_address(port: int) -> str | None:
    """The local address a TCP socket listens on for ``port``, as /proc/net/tcp writes it."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                return local.rsplit(":", 1)[0]
    return None


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_serve_binds_loopback_by_default_and_refuses_other_host_names(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert server.stdout is not None
        announced = server.stdout.readline()
        deadline = time.monotonic() + 120
        while listening_address(port) is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"http://127.0.0.1:{port}/" in announced
        assert listening_address(port) == "0100007F"  # 127.0.0.1, little-endian hex
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/api/stories", timeout=30).status_code == 200
        # DNS rebinding: a page on another site whose name resolves to 127.0.0.1 is refused.
        assert httpx.get(f"{base}/api/stories", headers={"host": "evil.example"}, timeout=30).status_code == 400
    finally:
        server.terminate()
        server.wait(30)


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("not valid JSON (Expecting ',' delimiter: line 1 column 26 (char 25))", "not valid JSON"),
        ("no article text found (text page with 4 words)", "no article text found"),
        ("the article is in 'fr', not English: corroborate reads English news",
         "the article is in 'fr', not English: corroborate reads English news"),
        ("WARC record is image/png, not HTML", "WARC record is image/png, not HTML"),
    ],
)
def test_the_summary_counts_a_reason_without_its_closing_detail(reason: str, kind: str) -> None:
    assert skip_kind(reason) == kind
