"""One story told by an HTML page, two WARC records and a JSONL line, briefed end to end through the CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CHROME_TOP = """<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience.
By continuing you accept our cookie policy.</div>"""
CHROME_BOTTOM = """<aside><h3>You may also like</h3><ul><li><a href="/x">Celebrity chef opens new bistro</a></li>
<li><a href="/y">Ten gadgets for the summer</a></li></ul></aside>
<footer><p>Share this article on Facebook and Twitter</p><p>© 2024 {outlet}. All rights reserved.</p></footer>"""

REPORTS = {
    "Harbor Gazette": [
        "The port authority of Lisbon closed the harbour to all cargo ships on Monday after a fuel tanker "
        "ran aground near the main shipping channel.",
        "Officials said no crew members were injured and that divers found no leak in the tanker's hull.",
        "The authority expects the channel to reopen by Thursday once tugboats have refloated the vessel.",
        "Local fishermen complained that the closure would cost them a week of income.",
    ],
    "Atlantic Wire": [
        "Lisbon's port authority shut the harbour to cargo traffic on Monday when a fuel tanker ran aground "
        "close to the main shipping channel.",
        "No crew members were hurt, officials said, and divers found no leak in the hull of the tanker.",
        "Insurance experts estimated the cost of the salvage operation at four million euros.",
    ],
    "Coastal Times": [
        "A fuel tanker ran aground near the main shipping channel of Lisbon on Monday, and the port authority "
        "closed the harbour to all cargo ships.",
        "The authority expects the channel to reopen by Thursday after tugboats refloat the vessel.",
        "Environmental groups called for an inquiry into how the tanker left the marked channel.",
    ],
    "Iberia Daily": [
        "Cargo ships were barred from the harbour of Lisbon on Monday after a fuel tanker ran aground near the "
        "main shipping channel, the port authority said.",
        "Divers found no leak in the tanker's hull, and no crew members were injured, according to officials.",
    ],
}


def page(outlet: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tanker runs aground, Lisbon harbour closed | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta name="author" content="Staff reporter">
<meta property="article:published_time" content="2024-03-11T09:30:00Z"></head>
<body>{CHROME_TOP}<main><article><h1>Tanker runs aground, Lisbon harbour closed</h1>
<p class="byline">By Staff reporter</p>{body}</article></main>{CHROME_BOTTOM.format(outlet=outlet)}</body></html>"""


def write_warc(path: Path, outlets: list[str]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number, outlet in enumerate(outlets):
            html = page(outlet, REPORTS[outlet]).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://www.{outlet.lower().replace(' ', '')}.example/2024/03/11/tanker-{number}"
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://img.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                      http_headers=image))


def test_html_warc_and_jsonl_inputs_make_one_cited_brief(tmp_path: Path) -> None:
    (tmp_path / "gazette.html").write_text(page("Harbor Gazette", REPORTS["Harbor Gazette"]), encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", ["Atlantic Wire", "Coastal Times"])
    line = {"url": "https://iberiadaily.example/lisbon-tanker", "title": "Lisbon harbour shut after grounding",
            "text": "\n\n".join(REPORTS["Iberia Daily"]), "published": "2024-03-11", "source": "Iberia Daily"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(line) + "\n{broken json\n", encoding="utf-8")
    inputs = [str(tmp_path / name) for name in ("gazette.html", "crawl.warc.gz", "feed.jsonl")]
    done = subprocess.run([sys.executable, "-m", "corroborate", "brief", *inputs, "--db", str(tmp_path / "s.db"),
                           "--format", "json"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "image/png" in done.stderr and "feed.jsonl#line-2" in done.stderr
    brief = json.loads(done.stdout)
    outlets = {article["source"] for article in brief["articles"]}
    assert outlets == set(REPORTS)
    assert {article["published"] for article in brief["articles"]} == {"2024-03-11"}
    grounding = [c for c in brief["claims"] if "aground" in c["text"] and c["status"] != "single_source"]
    assert grounding and len(grounding[0]["outlets"]) == 4
    insurance = [c for c in brief["claims"] if "four million euros" in c["text"]]
    assert insurance and insurance[0]["status"] == "single_source" and insurance[0]["outlets"] == ["Atlantic Wire"]
    quoted = " ".join(e["quote"] for c in brief["claims"] for e in c["evidence"])
    for junk in ("cookie", "You may also like", "Share this article", "All rights reserved"):
        assert junk not in quoted
