"""Reading inputs: every kind of file, and every way a file can be bad, with the reason the user sees."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import tempfile
import tracemalloc
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.ingest import documents_from_bytes, documents_from_records, iter_documents
from corroborate.records import RawDocument, Skipped
from corroborate.settings import DEFAULT_SETTINGS, IngestSettings, Settings

ARTICLE = "The council approved the budget on Tuesday after a long debate.\nCritics said it was rushed.\n"
PAGE = "<!DOCTYPE html><html><head><title>Budget</title></head><body><p>{}</p></body></html>"


def read(*inputs: str | Path, settings: Settings = DEFAULT_SETTINGS) -> list[RawDocument | Skipped]:
    return list(iter_documents(inputs, settings))


def only(results: Sequence[RawDocument | Skipped]) -> RawDocument | Skipped:
    assert len(results) == 1, results
    return results[0]


def documents(results: Iterable[RawDocument | Skipped]) -> list[RawDocument]:
    return [result for result in results if isinstance(result, RawDocument)]


def skipped(results: Iterable[RawDocument | Skipped]) -> list[Skipped]:
    return [result for result in results if isinstance(result, Skipped)]


def with_ingest(**changes: int | float) -> Settings:
    return dataclasses.replace(DEFAULT_SETTINGS, ingest=dataclasses.replace(IngestSettings(), **changes))


# ---- Folders and paths ------------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order_without_hidden_or_store_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "b" / "a.html").write_text(PAGE.format("Body"))
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(ARTICLE)
    (tmp_path / "stories.db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    (tmp_path / "stories.db-wal").write_bytes(b"\x00" * 32)

    results = read(tmp_path)

    assert [result.origin for result in results] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.html"),
        str(tmp_path / "b" / "z.txt"),
        str(tmp_path / "c.txt"),
    ]
    assert [result.kind for result in documents(results)] == ["text", "html", "text", "text"]
    assert read(tmp_path) == results


def test_symlink_loop_in_a_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [result.origin for result in read(tmp_path)] == [str(tmp_path / "a.txt")]


def test_broken_link_in_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert read(tmp_path) == [Skipped(str(tmp_path / "gone.txt"), "a link to nothing")]


def test_missing_path_is_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    results = read(tmp_path / "missing.txt", tmp_path / "a.txt")
    assert results[0] == Skipped(str(tmp_path / "missing.txt"), "no such file or folder")
    assert isinstance(results[1], RawDocument)


def test_url_is_refused_with_what_to_do() -> None:
    result = only(read("https://example.com/news/1"))
    assert isinstance(result, Skipped)
    assert "save" in result.reason and "URL" in result.reason


def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = only(read(tmp_path))
    assert result == Skipped(str(fifo), "not a regular file but a named pipe (fifo)")


NOBODY = 65534


def read_without_privileges(folder: Path) -> list[tuple[str, str | None]]:
    """Read ``folder`` as an ordinary user: root reads any file, so as root a forked child drops to nobody."""
    if os.geteuid() != 0:
        return [(result.origin, getattr(result, "reason", None)) for result in read(folder)]
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no exception may escape into pytest's own loop
        try:
            os.close(reader)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            found = [(result.origin, getattr(result, "reason", None)) for result in read(folder)]
            os.write(writer, json.dumps(found).encode())
            os._exit(0)
        except BaseException:
            os._exit(1)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        output = pipe.read()
    assert os.waitpid(pid, 0)[1] == 0
    return [tuple(pair) for pair in json.loads(output)]


def test_unreadable_file_and_folder_are_skipped_with_reason() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o755)  # others may enter the folder, but not read what is locked inside
        (folder / "readable.txt").write_text(ARTICLE)
        (folder / "secret.txt").write_text(ARTICLE)
        (folder / "locked").mkdir()
        (folder / "locked" / "inside.txt").write_text(ARTICLE)
        (folder / "readable.txt").chmod(0o644)
        (folder / "secret.txt").chmod(0)
        (folder / "locked").chmod(0)
        try:
            results = read_without_privileges(folder)
        finally:
            (folder / "locked").chmod(0o755)

    assert results == [
        (str(folder / "locked"), "permission denied: cannot read it"),
        (str(folder / "readable.txt"), None),
        (str(folder / "secret.txt"), "permission denied: cannot read it"),
    ]


def test_names_with_spaces_and_non_ascii_characters(tmp_path: Path) -> None:
    (tmp_path / "Zürich news – day 1.txt").write_text(ARTICLE)
    with open(os.fsencode(tmp_path) + b"/caf\xe9 latin1 name.txt", "w") as file:
        file.write(ARTICLE)

    results = read(tmp_path)

    assert [result.origin for result in documents(results)] == [
        str(tmp_path / "Zürich news – day 1.txt"),
        str(tmp_path / "caf\\udce9 latin1 name.txt"),
    ]
    for result in results:
        result.origin.encode("utf-8")  # printable and storable, never a lone surrogate


# ---- Empty, binary, oversized -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file (0 bytes)"),
        ("blank.html", b" \n\t\r\n  ", "contains only whitespace"),
        ("blank.txt", "\ufeff  \n".encode(), "contains only whitespace"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (contains NUL bytes), not text or HTML"),
        ("noise.txt", bytes(range(1, 32)) * 20, "binary data (full of control characters), not text or HTML"),
        ("empty.txt.gz", gzip.compress(b""), "empty file (nothing inside the gzip)"),
        ("cut.html.gz", gzip.compress(PAGE.format("x" * 500).encode())[:40], "damaged gzip file"),
    ],
)
def test_bad_single_files_are_skipped_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = only(read(tmp_path / name))
    assert isinstance(result, Skipped)
    assert result.origin == str(tmp_path / name)
    assert result.reason.startswith(reason)


def test_file_over_the_size_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 600)
    (tmp_path / "small.txt").write_text(ARTICLE)
    results = read(tmp_path, settings=with_ingest(max_file_bytes=2048))
    assert results[0] == Skipped(
        str(tmp_path / "big.txt"), "file is 2.9 KiB, over the limit of 2.0 KiB (settings.ingest.max_file_bytes)"
    )
    assert isinstance(results[1], RawDocument)


def test_gzip_bomb_is_refused_by_its_decompressed_size(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.format("a" * 100_000).encode()))
    result = only(read(tmp_path, settings=with_ingest(max_file_bytes=10_000)))
    assert isinstance(result, Skipped)
    assert result.reason.startswith("decompresses to more than 9.8 KiB")


# ---- Text and HTML decoding -------------------------------------------------------------------------------

CURLY = "The minister’s aide said: “We’re not going.” Café prices rose by €5 — naïve, critics said."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CURLY.encode("utf-8"), CURLY),
        (CURLY.encode("utf-8-sig"), CURLY),
        (CURLY.encode("utf-16"), CURLY),
        (CURLY.encode("utf-16-be").join([b"\xfe\xff", b""]), CURLY),
        (CURLY.encode("utf-32"), CURLY),
        (CURLY.encode("cp1252"), CURLY),
        ("Señor José dijo que sí. Über alles, café.".encode("latin-1"), "Señor José dijo que sí. Über alles, café."),
        ("Crème brûlée \x81 odd byte".encode("latin-1"), "Crème brûlée \x81 odd byte"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf32", "cp1252", "latin1", "latin1-not-cp1252"],
)
def test_text_files_are_decoded(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "article.txt").write_bytes(data)
    result = only(read(tmp_path / "article.txt"))
    assert isinstance(result, RawDocument)
    assert result.kind == "text"
    assert result.content == expected


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body>Новости дня</body></html>'
    (tmp_path / "page.htm").write_bytes(page.encode("cp1251"))
    result = only(read(tmp_path / "page.htm"))
    assert isinstance(result, RawDocument)
    assert result.content == page


def test_html_labelled_latin1_is_read_as_windows_1252(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>'
        f"<body>{CURLY}</body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    result = only(read(tmp_path / "page.html"))
    assert isinstance(result, RawDocument)
    assert result.content == page


def test_html_without_article_content_is_still_a_document(tmp_path: Path) -> None:
    (tmp_path / "nav.xhtml").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = only(read(tmp_path / "nav.xhtml"))
    assert isinstance(result, RawDocument)
    assert result.kind == "html"
    assert (result.url, result.title, result.published, result.source, result.author) == (None,) * 5


def test_text_file_holding_markup_stays_text(tmp_path: Path) -> None:
    (tmp_path / "scraped.txt").write_text("<html> tags were mentioned in the article.\n" + ARTICLE)
    result = only(read(tmp_path / "scraped.txt"))
    assert isinstance(result, RawDocument) and result.kind == "text"


# ---- Unknown extensions: sniffed --------------------------------------------------------------------------


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "1-page.dat").write_text("\n  <!doctype html><html><body>Hi</body></html>")
    (tmp_path / "2-lines.log").write_text('{"text": "One."}\n\n{"text": "Two.", "source": "Wire"}\n')
    (tmp_path / "3-archive.bin").write_bytes(warc_bytes([html_response("https://example.com/a", "A")]))
    (tmp_path / "4-archive.bin.gz").write_bytes(
        warc_bytes([html_response("https://example.com/b", "B")], compress=True)
    )
    (tmp_path / "5-plain").write_text(ARTICLE)
    (tmp_path / "6-mixed.data").write_text('{"text": "One."}\nnot json\n')
    (tmp_path / "7-page.gz").write_bytes(gzip.compress(PAGE.format("zipped").encode()))
    (tmp_path / "8-blob.bin").write_bytes(os.urandom(2000) + b"\x00")

    results = read(tmp_path)

    assert [(result.origin.removeprefix(str(tmp_path)), getattr(result, "kind", None)) for result in results] == [
        ("/1-page.dat", "html"),
        ("/2-lines.log#line-1", "text"),
        ("/2-lines.log#line-3", "text"),
        ("/3-archive.bin#record-0", None),
        ("/3-archive.bin#record-1", "html"),
        ("/4-archive.bin.gz#record-0", None),
        ("/4-archive.bin.gz#record-1", "html"),
        ("/5-plain", "text"),
        ("/6-mixed.data", "text"),
        ("/7-page.gz", "html"),
        ("/8-blob.bin", None),
    ]
    assert documents(results)[2].source == "Wire"
    assert documents(results)[7].content == PAGE.format("zipped")


# ---- WARC -------------------------------------------------------------------------------------------------


def html_response(
    url: str, body: str, content_type: str = "text/html; charset=utf-8", encoding: str = "utf-8", status: str = "200 OK"
) -> tuple[str, str, bytes, str]:
    return (url, status, PAGE.format(body).encode(encoding), content_type)


def warc_bytes(responses: Sequence[tuple[str, str, bytes, str]], compress: bool = False, extra: bool = False) -> bytes:
    """A WARC with a warcinfo record, then per response a request record (when ``extra``) and the response."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, status, payload, content_type in responses:
        if extra:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    return buffer.getvalue()


MIXED_RESPONSES = [
    html_response("https://example.com/news/1", "First story"),
    ("https://example.com/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    ("https://example.com/api", "200 OK", b'{"a": 1}', "application/json"),
    ("https://example.com/robots.txt", "200 OK", b"User-agent: *\n", "text/plain"),
    html_response("https://example.com/gone", "Not found", status="404 Not Found"),
    html_response("https://example.com/news/2", "Второй", "text/html; charset=windows-1251", "cp1251"),
]


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_keeps_html_responses_and_names_what_it_skips(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(warc_bytes(MIXED_RESPONSES, compress=compress, extra=True))

    results = read(path)

    kept = documents(results)
    assert [(doc.origin, doc.url, doc.kind) for doc in kept] == [
        (f"{path}#record-2", "https://example.com/news/1", "html"),
        (f"{path}#record-12", "https://example.com/news/2", "html"),
    ]
    assert kept[1].content == PAGE.format("Второй")  # the HTTP charset, not a Windows-1252 guess
    reasons = {result.origin.split("#")[1]: result.reason for result in skipped(results)}
    assert reasons == {
        "record-0": "WARC warcinfo record, not a response",
        "record-1": "WARC request record, not a response",
        "record-3": "WARC request record, not a response",
        "record-4": "WARC record is image/png, not HTML",
        "record-5": "WARC request record, not a response",
        "record-6": "WARC record is application/json, not HTML",
        "record-7": "WARC request record, not a response",
        "record-8": "WARC record is text/plain, not HTML",
        "record-9": "WARC request record, not a response",
        "record-10": "WARC record is an HTTP 404 response, not a page",
        "record-11": "WARC request record, not a response",
    }


def test_warc_metadata_and_resource_records(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(
        writer.create_warc_record(
            "https://example.com/x",
            "metadata",
            payload=io.BytesIO(b"via: crawler\n"),
            warc_content_type="application/warc-fields",
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "file:///saved/page.html",
            "resource",
            payload=io.BytesIO(PAGE.format("Saved").encode()),
            warc_content_type="text/html",
        )
    )
    (tmp_path / "misc.warc.gz").write_bytes(buffer.getvalue())

    results = read(tmp_path / "misc.warc.gz")

    assert results[0] == Skipped(f"{tmp_path / 'misc.warc.gz'}#record-0", "WARC metadata record, not a response")
    assert isinstance(results[1], RawDocument)
    assert results[1].url == "file:///saved/page.html"


def test_truncated_warc_gz_keeps_records_before_the_damage(tmp_path: Path) -> None:
    responses = [html_response(f"https://example.com/{index}", "story " * 300 + str(index)) for index in range(4)]
    data = warc_bytes(responses, compress=True)
    whole = warc_bytes(responses[:2], compress=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(whole) + 200])

    results = read(tmp_path / "cut.warc.gz")

    assert [doc.url for doc in documents(results)] == ["https://example.com/0", "https://example.com/1"]
    damage = only(skipped(results)[1:])
    assert damage.origin == f"{tmp_path / 'cut.warc.gz'}#record-3"
    assert "damaged" in damage.reason and "3 records before it were read" in damage.reason


def test_truncated_plain_warc_names_the_cut_record(tmp_path: Path) -> None:
    responses = [html_response(f"https://example.com/{index}", "story " * 300) for index in range(3)]
    data = warc_bytes(responses)
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 500])

    results = read(tmp_path / "cut.warc")

    assert [doc.url for doc in documents(results)] == ["https://example.com/0", "https://example.com/1"]
    assert results[-1] == Skipped(
        f"{tmp_path / 'cut.warc'}#record-3",
        "the file ends inside this record: it is truncated (3 records before it were read)",
    )


def test_corrupted_warc_gz_keeps_records_before_the_damage(tmp_path: Path) -> None:
    responses = [html_response(f"https://example.com/{index}", f"story {index} " * 300) for index in range(4)]
    data = bytearray(warc_bytes(responses, compress=True))
    start = len(warc_bytes(responses[:2], compress=True)) + 100
    data[start : start + 40] = b"\xff" * 40
    (tmp_path / "bad.warc.gz").write_bytes(bytes(data))

    results = read(tmp_path / "bad.warc.gz")

    assert [doc.url for doc in documents(results)] == ["https://example.com/0", "https://example.com/1"]
    damage = results[-1]
    assert isinstance(damage, Skipped)
    assert damage.origin == f"{tmp_path / 'bad.warc.gz'}#record-3"
    assert "damaged here" in damage.reason
    assert damage.reason.isprintable()


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_cut_anywhere_keeps_the_whole_records_before_the_cut(compress: bool) -> None:
    responses = [html_response(f"https://example.com/{index}", f"story {index} " * 30) for index in range(3)]
    data = warc_bytes(responses, compress=compress, extra=True)
    name = "crawl.warc.gz" if compress else "crawl.warc"
    unreported = 0
    for cut in range(1, len(data), 3):
        results = list(documents_from_bytes(name, data[:cut]))
        urls = [doc.url for doc in documents(results)]
        assert urls == [url for url, *_ in responses][: len(urls)]
        last = results[-1]
        if not (
            isinstance(last, Skipped)
            and (
                "damaged" in last.reason
                or "truncated" in last.reason
                or "WARC/" in last.reason
                or "no records" in last.reason
            )
        ):
            unreported += 1
    # A cut right at the end of a record (or of its gzip member) leaves a shorter but valid file.
    assert unreported <= (12 if not compress else 6)


@settings(max_examples=150, deadline=None)
@given(
    st.booleans(), st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=4)
)
def test_corrupted_warc_never_raises(compress: bool, flips: list[tuple[float, int]]) -> None:
    responses = [html_response(f"https://example.com/{index}", f"story {index} " * 30) for index in range(3)]
    data = bytearray(warc_bytes(responses, compress=compress, extra=True))
    for where, value in flips:
        data[int(where * len(data))] = value
    for result in documents_from_bytes("crawl.warc", bytes(data)):
        if isinstance(result, Skipped):
            assert result.reason.isprintable() and result.origin.startswith("crawl.warc")


def test_file_named_warc_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "fake.warc").write_text(ARTICLE)
    result = only(read(tmp_path / "fake.warc"))
    assert result == Skipped(str(tmp_path / "fake.warc"), "not a WARC file: it does not start with 'WARC/'")


def test_warc_is_exempt_from_the_file_limit_but_records_are_capped(tmp_path: Path) -> None:
    responses = [
        html_response("https://example.com/small", "short"),
        html_response("https://example.com/big", "long " * 2000),
    ]
    (tmp_path / "crawl.warc").write_bytes(warc_bytes(responses))

    results = read(tmp_path, settings=with_ingest(max_file_bytes=1000, max_record_bytes=5000))

    assert [doc.url for doc in documents(results)] == ["https://example.com/small"]
    assert results[-1].origin.endswith("#record-2")
    assert isinstance(results[-1], Skipped)
    assert "over the per-record limit of 4.9 KiB" in results[-1].reason


@pytest.mark.parametrize("name", ["big.warc.gz", "big.jsonl"])
def test_warc_and_jsonl_are_streamed_in_constant_memory(tmp_path: Path, name: str) -> None:
    story = "paragraph " * 5000  # 50 KB a page, 8 MB in all
    if name.endswith(".warc.gz"):
        responses = [html_response(f"https://example.com/{index}", story) for index in range(160)]
        (tmp_path / name).write_bytes(warc_bytes(responses, compress=True))
    else:
        (tmp_path / name).write_text(jsonl(*({"html": PAGE.format(story)} for _ in range(160))))

    tracemalloc.start()
    try:
        count = sum(isinstance(result, RawDocument) for result in iter_documents([tmp_path / name]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 160
    assert peak < 2_000_000


# ---- JSONL and JSON ---------------------------------------------------------------------------------------


def jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


def test_jsonl_keeps_good_lines_and_names_each_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            {
                "url": "https://a.example/1",
                "title": "T",
                "text": "Body one.",
                "published": "2025-10-21",
                "source": "Outlet A",
                "author": "Ann Writer",
                "extra": [1, 2],
            },
            "",
            '{"text": "unterminated',
            ["not", "an", "object"],
            {"title": "no body"},
            {"text": "Body.", "title": 42},
            {"text": "   "},
            {"html": PAGE.format("Body two"), "text": "plain", "url": "https://b.example/2", "source": ""},
            "   ",
        )
    )

    results = read(path)

    assert results[0] == RawDocument(
        origin=f"{path}#line-1",
        kind="text",
        content="Body one.",
        url="https://a.example/1",
        title="T",
        published="2025-10-21",
        source="Outlet A",
        author="Ann Writer",
    )
    assert results[-1] == RawDocument(
        origin=f"{path}#line-8", kind="html", content=PAGE.format("Body two"), url="https://b.example/2"
    )
    assert [(result.origin.split("#")[1], result.reason) for result in skipped(results)] == [
        ("line-3", "not valid JSON (Unterminated string starting at: line 1 column 10 (char 9))"),
        ("line-4", "expected a JSON object with the article, found an array"),
        ("line-5", "has neither a 'text' nor an 'html' field"),
        ("line-6", "field 'title' is a number, expected a string"),
        ("line-7", "the article's 'text' or 'html' field is empty"),
    ]


def test_jsonl_gz_and_its_damage(tmp_path: Path) -> None:
    lines = jsonl(*({"text": f"Story number {index}. " * 50} for index in range(40))).encode()
    (tmp_path / "ok.jsonl.gz").write_bytes(gzip.compress(lines))
    packed = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])

    whole = read(tmp_path / "ok.jsonl.gz")
    cut = read(tmp_path / "cut.jsonl.gz")

    assert len(documents(whole)) == 40 and not skipped(whole)
    assert 0 < len(documents(cut)) < 40
    damage = only(skipped(cut))
    assert damage.origin == f"{tmp_path / 'cut.jsonl.gz'}#line-{len(documents(cut)) + 1}"
    assert damage.reason.startswith("the compressed file is damaged here")


def test_jsonl_line_over_the_record_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text(jsonl({"text": "x" * 5000}, {"text": "after"}))
    results = read(path, settings=with_ingest(max_record_bytes=1000))
    assert results[0] == Skipped(
        f"{path}#line-1", "line is longer than 1000 bytes, the per-record limit (settings.ingest.max_record_bytes)"
    )
    assert results[1] == RawDocument(origin=f"{path}#line-2", kind="text", content="after")


def test_jsonl_with_no_lines_and_with_undecodable_lines(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n\n  \n")
    (tmp_path / "latin.jsonl").write_bytes('{"text": "café"}\n'.encode("latin-1"))
    results = read(tmp_path)
    assert results == [
        Skipped(str(tmp_path / "blank.jsonl"), "JSONL file holds no lines of JSON"),
        Skipped(f"{tmp_path / 'latin.jsonl'}#line-1", "line is not UTF-8 text"),
    ]


def test_json_array_file(tmp_path: Path) -> None:
    (tmp_path / "batch.json").write_text(json.dumps([{"text": "One.", "source": "S"}, 7]))
    (tmp_path / "single.json").write_text(json.dumps({"html": PAGE.format("x")}))
    (tmp_path / "broken.json").write_text("[{")
    results = read(tmp_path)
    assert results[0] == RawDocument(
        origin=f"{tmp_path / 'batch.json'}#record-0", kind="text", content="One.", source="S"
    )
    assert results[1] == Skipped(
        f"{tmp_path / 'batch.json'}#record-1", "expected a JSON object with the article, found a number"
    )
    assert results[2] == Skipped(
        str(tmp_path / "broken.json"),
        "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 3 (char 2))",
    )
    assert results[3] == RawDocument(origin=str(tmp_path / "single.json"), kind="html", content=PAGE.format("x"))


# ---- Uploads and records ----------------------------------------------------------------------------------


def test_upload_kind_comes_from_name_and_content() -> None:
    assert only(list(documents_from_bytes("story.txt", ARTICLE.encode()))) == RawDocument(
        origin="story.txt", kind="text", content=ARTICLE
    )
    assert only(list(documents_from_bytes("page", PAGE.format("x").encode()))).kind == "html"
    lines = list(documents_from_bytes("feed.jsonl", jsonl({"text": "a"}, "oops").encode()))
    assert [result.origin for result in lines] == ["feed.jsonl#line-1", "feed.jsonl#line-2"]
    archive = list(documents_from_bytes("crawl.warc.gz", warc_bytes(MIXED_RESPONSES[:1], compress=True)))
    assert [result.origin for result in documents(archive)] == ["crawl.warc.gz#record-1"]
    assert only(list(documents_from_bytes("empty.html", b""))) == Skipped("empty.html", "empty file (0 bytes)")


def test_records_are_each_checked() -> None:
    records: list[object] = [
        {"text": "Fine.", "url": "https://a.example/x", "published": None},
        "a string",
        {"html": 5},
        {"text": "Fine too.", "author": {"name": "A"}},
        {"body": "wrong field"},
    ]
    results = list(documents_from_records(records, "upload.json"))
    assert results == [
        RawDocument(origin="upload.json#record-0", kind="text", content="Fine.", url="https://a.example/x"),
        Skipped("upload.json#record-1", "expected a JSON object with the article, found a string"),
        Skipped("upload.json#record-2", "field 'html' is a number, expected a string"),
        Skipped("upload.json#record-3", "field 'author' is an object, expected a string"),
        Skipped("upload.json#record-4", "has neither a 'text' nor an 'html' field"),
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["text", "html", "url", "title", "published", "source", "author", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(json_values, max_size=4))
def test_records_never_raise(records: list[object]) -> None:
    results = list(documents_from_records(records, "r"))
    assert len(results) == len(records)
    for result in documents(results):
        assert result.content.strip()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc.gz", "a.json", "a.bin", "a.gz"]), st.binary(max_size=300))
def test_uploads_never_raise(name: str, data: bytes) -> None:
    for result in documents_from_bytes(name, data):
        assert result.origin.startswith(name)
        if isinstance(result, Skipped):
            assert result.reason


# ---- Shared data ------------------------------------------------------------------------------------------


def test_example_corpus_reads_as_five_text_articles(budapest_corpus: Path) -> None:
    results = read(budapest_corpus)
    assert len(results) == 5
    assert all(isinstance(result, RawDocument) and result.kind == "text" for result in results)
    assert [result.origin for result in results] == sorted(str(path) for path in budapest_corpus.glob("*.txt"))


def test_benchmark_pages_read_as_html_from_gzip() -> None:
    folder = shared_path("data", "article-extraction-benchmark", "html")
    pages = sorted(folder.glob("*.html.gz"))[:20]
    results = read(*pages)
    assert [result.origin for result in documents(results)] == [str(page) for page in pages]
    assert all(result.kind == "html" and "<" in result.content for result in documents(results))


def test_a_warc_record_missing_a_header_warcio_needs_is_reported_as_such(tmp_path: Path) -> None:
    body = b"<html><body><p>text</p></body></html>"
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n"
    )
    (tmp_path / "no-uri.warc").write_bytes(record)

    damage = read(tmp_path / "no-uri.warc")[-1]

    assert isinstance(damage, Skipped)
    assert "headers are malformed or lack one a WARC record needs" in damage.reason
