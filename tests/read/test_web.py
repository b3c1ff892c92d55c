"""Articles from HTML files and URLs: extraction, the fetcher's safety rules, the page cache.

No test touches the network: pages are served by httpx.MockTransport and host names are
answered by a fake resolver with socket.getaddrinfo's signature.
"""

from __future__ import annotations

import datetime as dt
import gzip
import ipaddress
import json
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import httpcore
import httpx
import pytest

from factcheck.read import document
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.cli.main import main
from factcheck.errors import FetchError, InputError
from factcheck.report.records import finding_record
from factcheck.read.web import fetch_document, read_html_file
from factcheck.read.web.addresses import is_public, resolve_public
from factcheck.read.web.bodies import read_body
from factcheck.read.web.fetch import FetchLimits, user_agent
from factcheck.read.web.transport import GuardedBackend

HTML = Path(__file__).parent.parent / "fixtures" / "html"
ARTICLE = HTML / "article.html"
ARTICLE_BYTES = ARTICLE.read_bytes()
URL = "https://news.example.com/2023/12/asia-digital-ranking"
PUBLIC_IP = "93.184.215.14"

# The page furniture in each fixture page (often with figures of its own), and a sentence
# of the article body that must be there.
FURNITURE = {
    "article.html": (
        "It slid to 32nd place out of 64 economies",
        ["Subscribe", "Advertisement", "99 cents", "Related", "2099", "40 billion yen",
         "Sponsored", "Share this article", "techfan88", "3 comments", "Singapore was 9th",
         "More than 90%", "All rights reserved", "Terms of use", "dataLayer"]),
    "blog-post.html": (
        "could raise global GDP by 7% over ten years",
        ["Skip to content", "Posted on", "Spread the love", "Facebook", "Photo:", "newsletter",
         "5 stories", "Read more", "2 trillion yen", "Tagged", "About Ken Mori", "12 years",
         "Korea opens 6th", "10% rise", "thoughts on", "ranked 1st in 2019", "Leave a Reply",
         "Most read", "79 models", "WordPress", "cookies"]),
}


def resolver(table: dict[str, str] | None = None):
    """A getaddrinfo stand-in: names in ``table`` resolve to their address, others fail."""
    table = {"news.example.com": PUBLIC_IP, "cdn.example.com": PUBLIC_IP, **(table or {})}

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        ip = ipaddress.ip_address(table[host])
        fam = socket.AF_INET if ip.version == 4 else socket.AF_INET6
        return [(fam, socket.SOCK_STREAM, 6, "", (str(ip), port))]

    return getaddrinfo


class Body(httpx.SyncByteStream):
    """A response body streamed in network-sized chunks, as a real server's would be."""

    def __init__(self, data: bytes, chunk: int = 16_384) -> None:
        self.data, self.chunk = data, chunk

    def __iter__(self):
        for start in range(0, len(self.data), self.chunk):
            yield self.data[start:start + self.chunk]


class Reply:
    """What the mock server answers: built afresh for each request, so it can be re-served."""

    def __init__(self, status: int = 200, body: bytes = b"", length: bool = True, **headers) -> None:
        self.status, self.body, self.headers = status, body, headers
        if length:
            self.headers.setdefault("Content-Length", str(len(body)))

    def response(self) -> httpx.Response:
        # A streamed body: httpx would read (and decompress) plain bytes content up front.
        return httpx.Response(self.status, headers=self.headers, stream=Body(self.body))


class Server:
    """A MockTransport handler serving fixed routes; it records every request it gets."""

    def __init__(self, routes: dict[str, Reply | Exception]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.routes.get(str(request.url), Reply(404))
        if isinstance(answer, Exception):
            raise answer
        return answer.response()

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def html_response(body: bytes = ARTICLE_BYTES, **headers) -> Reply:
    return Reply(200, body, **{"Content-Type": "text/html; charset=utf-8", **headers})


def get(url: str, server: Server, tmp_path: Path, **options):
    options.setdefault("resolver", resolver())
    return fetch_document(url, transport=server.transport, cache_dir=tmp_path / "cache", **options)


# ---------------------------------------------------------------- extraction from files


@pytest.mark.parametrize("page", sorted(HTML.glob("*.html")), ids=lambda p: p.name)
def test_extracted_text_matches_golden(page):
    expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert read_html_file(str(page)).text == expected


@pytest.mark.parametrize("page", FURNITURE)
def test_page_furniture_is_left_out(page):
    body, furniture = FURNITURE[page]
    text = read_html_file(str(HTML / page)).text
    assert body in text
    assert "a shortage of about 450,000 IT workers by 2030" in text
    assert [f for f in furniture if f in text] == []


def test_metadata_headline_and_date():
    doc = read_html_file(str(ARTICLE))
    assert doc.title == "Singapore holds third place as Japan slides in digital ranking"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.metadata == {
        "url": None,
        "canonical_url": URL,
        "title": doc.title,
        "date": "2023-12-04",  # published, not the modified date (2024-02-10) the page also gives
        "sitename": "Harbour Tech Review",
        "author": "Mariko Ishida",
    }
    assert doc.as_of == dt.date(2023, 12, 4)
    # Headline and subheading are headings, so the splitter never joins them to a paragraph.
    starts = {doc.text.index(doc.title), doc.text.index("Skills are the sore point")}
    assert doc.heading_lines == frozenset(starts)


def test_the_printed_headline_beats_a_social_media_title():
    doc = read_html_file(str(HTML / "social-title.html"))
    assert doc.title == "Singapore third again in digital ranking"
    assert doc.text.startswith(doc.title + "\n\n") and doc.heading_lines == frozenset({0})
    assert "Promoted" not in doc.text and "Log in" not in doc.text


def test_a_short_draft_keeps_one_headline():
    doc = read_html_file(str(HTML / "short-draft.html"))
    assert doc.text.count("Draft: ranking brief") == 1 and doc.heading_lines == frozenset({0})
    assert "32nd place out of 64" in doc.text


@pytest.mark.parametrize("paragraph, dropped", [
    ("Read more: Why Japan is betting 2 trillion yen on chips", True),
    ("RELATED — Korea opens its 6th AI hub", True),
    ("See also » TOP500: the June list", True),
    ("Related-party deals rose 12% last year.", False),
    ("Read more about the method in the report's annex, which lists 64 economies.", False),
    ("Readers say the ranking matters.", False),
])
def test_cross_links_inside_the_body_are_dropped(paragraph, dropped):
    from factcheck.read.web.extract import CROSS_LINK
    assert bool(CROSS_LINK.match(paragraph)) is dropped


def test_as_of_overrides_the_page_date():
    assert read_html_file(str(ARTICLE), as_of=dt.date(2024, 6, 1)).as_of == dt.date(2024, 6, 1)


def test_declared_legacy_charset_and_no_date():
    doc = read_html_file(str(HTML / "cms-preview.html"))
    assert "Japan\u2019s Fugaku in context" in doc.text  # windows-1252 quote decoded
    assert "Edit draft" not in doc.text and "not for publication" not in doc.text
    # "June 2020" in the prose is not a publication date; a relative canonical link
    # in a saved file has nothing to resolve against.
    assert doc.as_of is None
    assert doc.metadata["date"] is None and doc.metadata["canonical_url"] is None


@pytest.mark.parametrize("content, message", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
])
def test_unreadable_html_files(tmp_path, content, message):
    page = tmp_path / "page.html"
    page.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_html_file(str(page))


def test_missing_html_file():
    with pytest.raises(InputError, match="no such file"):
        read_html_file("no/such/page.html")


# ------------------------------------------------- same findings as the plain-text article


def _comparable(doc, findings):
    """A finding as the reader sees it, without offsets (the plain text wraps its lines)."""
    out = []
    for finding in findings:
        record = finding_record(doc, finding)
        out.append((record["verdict"], " ".join(record["text"].split()), " ".join(record["sentence"].split()),
                    json.dumps(record["claim"], sort_keys=True),
                    json.dumps(record["expected"], sort_keys=True), record["suggestion"],
                    record["table"], record["fingerprint"]))
    return out


@pytest.fixture(scope="module")
def engine():
    return Engine.create(library.load([]))


@pytest.mark.parametrize("page", ["article.html", "blog-post.html"])
def test_findings_equal_those_of_the_plain_text_article(engine, page):
    from_html = read_html_file(str(HTML / page))
    plain = document.read_path(str((HTML / page).with_suffix(".txt")), as_of=from_html.as_of)
    html_findings = _comparable(from_html, engine.check(from_html))
    assert html_findings
    assert html_findings == _comparable(plain, engine.check(plain))


def test_only_the_article_figures_are_checked(engine):
    doc = read_html_file(str(ARTICLE))
    by_text = {f[1]: f[0] for f in _comparable(doc, engine.check(doc))}
    assert by_text["32nd place out of 64"] == "supported"  # IMD WDCR 2023: Japan 32nd of 64
    assert "12th place" in by_text and "30,000" in by_text
    assert not {"9th", "90%", "12th", "1st", "3 months"} & set(by_text)  # furniture's figures


# --------------------------------------------------------------------- the command line


def test_cli_checks_an_html_file_end_to_end(tmp_path, capsys):
    report, saved = tmp_path / "report.json", tmp_path / "article.txt"
    status = main([str(ARTICLE), "--format", "json", "--output", str(report),
                   "--save-text", str(saved), "--report"])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    # The title in the report (rich wraps long lines to the terminal width, so fold them).
    assert "Singapore holds third place as Japan slides" in " ".join(out.split())
    [doc] = json.loads(report.read_text(encoding="utf-8"))["documents"]
    assert doc["as_of"] == "2023-12-04"
    assert doc["metadata"]["canonical_url"] == URL
    text = saved.read_text(encoding="utf-8")
    assert text == read_html_file(str(ARTICLE)).text
    assert doc["findings"]
    for finding in doc["findings"]:  # spans refer to the saved text
        assert text[finding["span"]["start"]:finding["span"]["end"]] == finding["text"]


def test_cli_unreadable_page_is_one_line_and_exit_2(tmp_path, capsys):
    page = tmp_path / "slides.html"
    page.write_bytes(b"%PDF-1.4\n")
    assert main([str(page)]) == 2
    err = capsys.readouterr().err
    assert "is a PDF" in err and err.count("\n") == 1


def test_web_libraries_stay_off_start_up():
    code = "import sys, factcheck.cli.main; print(sorted({'httpx', 'trafilatura'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ----------------------------------------------------------------------------- fetching


def test_fetches_and_extracts_a_page(tmp_path):
    server = Server({URL: html_response()})
    doc = get(URL, server, tmp_path, use_cache=False)
    assert doc.path == URL
    assert doc.text == read_html_file(str(ARTICLE)).text
    assert doc.as_of == dt.date(2023, 12, 4)
    assert doc.metadata["url"] == URL and doc.metadata["canonical_url"] == URL
    assert doc.metadata["sitename"] == "Harbour Tech Review"
    [request] = server.requests
    assert request.headers["User-Agent"] == user_agent()
    assert request.headers["User-Agent"].startswith("factcheck/")
    assert request.headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize("encoding, compress", [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, no zlib header
])
def test_compressed_pages_are_decoded(tmp_path, encoding, compress):
    server = Server({URL: html_response(compress(ARTICLE_BYTES), **{"Content-Encoding": encoding})})
    assert "32nd place out of 64" in get(URL, server, tmp_path, use_cache=False).text


def test_follows_a_public_redirect_and_records_the_final_url(tmp_path):
    old = "http://news.example.com/story?id=7"
    server = Server({old: Reply(301, Location=URL), URL: html_response()})
    doc = get(old, server, tmp_path, use_cache=False)
    assert doc.path == old and doc.metadata["url"] == URL
    assert [str(r.url) for r in server.requests] == [old, URL]


def test_plain_text_pages_are_read_as_text(tmp_path):
    body = "Japan slid to 32nd place out of 64 economies.\n"
    server = Server({URL: Reply(200, body.encode(), **{"Content-Type": "text/plain"})})
    doc = get(URL, server, tmp_path, use_cache=False)
    assert doc.text == body and doc.metadata["url"] == URL


def _redirect(target: str) -> Reply:
    return Reply(302, Location=target)


def _bomb() -> bytes:
    return gzip.compress(b"\0" * 30_000_000, compresslevel=9)  # ~30 kB that inflates to 30 MB


def _undeclared(size: int) -> Reply:
    # No Content-Length: only counting while streaming can stop it.
    return Reply(200, b"<p>" + b"x" * size, length=False, **{"Content-Type": "text/html"})


LOOP = "https://news.example.com/loop/"
REFUSALS = {
    "redirect to loopback": (
        {URL: _redirect("http://127.0.0.1:8080/admin")}, {}, "127.0.0.1: not a public"),
    "redirect to a name that resolves privately": (
        {URL: _redirect("https://intranet.example.com/")}, {"intranet.example.com": "10.1.2.3"},
        "resolves to 10.1.2.3"),
    "host resolves to a private address": (
        {}, {"news.example.com": "192.168.0.10"}, "resolves to 192.168.0.10"),
    "host resolves to the metadata service": (
        {}, {"news.example.com": "169.254.169.254"}, "not a public internet address"),
    "host resolves to IPv4-mapped loopback": (
        {}, {"news.example.com": "::ffff:127.0.0.1"}, "not a public internet address"),
    "endless redirect chain": (
        {f"{LOOP}{i}": _redirect(f"{LOOP}{i + 1}") for i in range(50)} | {URL: _redirect(f"{LOOP}0")},
        {}, "too many redirects"),
    "redirect to a file URL": ({URL: _redirect("file:///etc/passwd")}, {}, "only http and https"),
    "redirect to an address with a password": (
        {URL: _redirect("https://admin:hunter2@news.example.com/in")}, {}, "user name or password"),
    "declared body over the cap": (
        {URL: html_response(b"<p>x</p>" * 200_000)}, {}, "larger than 1 MB"),
    "streamed body over the cap": ({URL: _undeclared(2_000_000)}, {}, "larger than 1 MB"),
    "gzip bomb": (
        {URL: html_response(_bomb(), **{"Content-Encoding": "gzip"})}, {}, "compression bomb"),
    "PDF": ({URL: Reply(200, b"%PDF-1.7", **{"Content-Type": "application/pdf"})}, {},
            "serves a PDF \\(application/pdf\\)"),
    "image": ({URL: Reply(200, b"\x89PNG", **{"Content-Type": "image/png"})}, {}, "serves an image"),
    "read timeout": ({URL: httpx.ReadTimeout("timed out")}, {}, "timed out waiting for the server"),
    "connect timeout": ({URL: httpx.ConnectTimeout("timed out")}, {}, "timed out connecting"),
    "connection refused": ({URL: httpx.ConnectError("[Errno 111] Connection refused")}, {},
                           r"could not fetch the page \(\[Errno 111\] Connection refused\)"),
    "not found": ({URL: Reply(404)}, {}, "answered 404 Not Found"),
    "brotli": ({URL: html_response(b"\x0b", **{"Content-Encoding": "br"})}, {},
               "content encoding factcheck does not accept \\(br\\)"),
}
LIMITS = FetchLimits(max_bytes=1_000_000, max_decoded_bytes=1_000_000, max_redirects=5)


@pytest.mark.parametrize("routes, names, message", REFUSALS.values(), ids=REFUSALS.keys())
def test_refusals_are_one_plain_line(tmp_path, routes, names, message):
    server = Server(routes)
    with pytest.raises(FetchError, match=message) as caught:
        get(URL, server, tmp_path, resolver=resolver(names), limits=LIMITS, use_cache=False)
    text = str(caught.value)
    assert text.startswith(URL + ": ") and "\n" not in text
    # A refused address is never asked for.
    assert not any(r.url.host in ("127.0.0.1", "intranet.example.com") for r in server.requests)
    if names.get("news.example.com"):
        assert server.requests == []


def test_credentials_in_the_url_are_refused_and_never_shown(tmp_path):
    secret = "https://editor:hunter2@news.example.com/story"
    server = Server({secret: html_response()})
    with pytest.raises(FetchError, match="user name or password") as caught:
        get(secret, server, tmp_path)
    assert "hunter2" not in str(caught.value) and "editor" not in str(caught.value)
    assert str(caught.value).startswith("https://***@news.example.com/story: ")
    assert server.requests == []  # never sent, so never as Basic auth
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*"))


def test_unknown_host(tmp_path):
    server = Server({})
    with pytest.raises(FetchError, match="^https://nowhere.example.org/: cannot resolve host "
                                         "'nowhere.example.org' \\(Name or service not known\\)$"):
        get("https://nowhere.example.org/", server, tmp_path, use_cache=False)
    assert server.requests == []


def test_endless_redirects_stop_at_the_limit(tmp_path):
    server = Server(REFUSALS["endless redirect chain"][0])
    with pytest.raises(FetchError):
        get(URL, server, tmp_path, limits=LIMITS, use_cache=False)
    assert len(server.requests) == LIMITS.max_redirects + 1


@pytest.mark.parametrize("url", ["ftp://news.example.com/a.html", "file:///etc/passwd",
                                 "javascript:alert(1)", "gopher://news.example.com/"])
def test_only_http_and_https(tmp_path, url):
    server = Server({})
    with pytest.raises(FetchError, match="only http and https URLs can be fetched"):
        get(url, server, tmp_path)
    assert server.requests == []


def test_allow_private_reaches_a_newsroom_host(tmp_path):
    preview = "http://cms.newsroom.internal/preview/42"
    server = Server({preview: html_response()})
    names = resolver({"cms.newsroom.internal": "10.20.0.5"})
    with pytest.raises(FetchError, match="--allow-private"):
        get(preview, server, tmp_path, resolver=names, use_cache=False)
    doc = get(preview, server, tmp_path, resolver=names, use_cache=False, allow_private=True)
    assert "32nd place out of 64" in doc.text


# --------------------------------------------------------------- addresses and transport


@pytest.mark.parametrize("address, public", [
    ("93.184.215.14", True), ("8.8.8.8", True), ("2606:4700:4700::1111", True),
    ("127.0.0.1", False), ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.251", False), ("240.0.0.1", False), ("255.255.255.255", False),
    ("::1", False), ("::", False), ("fe80::1", False), ("fc00::1", False), ("ff02::1", False),
    ("::ffff:10.0.0.1", False), ("2002:7f00:1::1", False),  # 6to4 wrapping 127.0.0.1
])
def test_public_addresses(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def test_literal_addresses_are_checked_without_resolving():
    def no_dns(*args, **kwargs):
        raise AssertionError("literal addresses need no DNS")
    with pytest.raises(FetchError, match=r"\[::1\]: not a public"):
        resolve_public("[::1]", 80, no_dns)
    assert resolve_public("8.8.8.8", 80, no_dns) == ["8.8.8.8"]


def test_a_name_with_any_private_answer_is_refused():
    def mixed(host, port, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in (PUBLIC_IP, "127.0.0.1")]
    with pytest.raises(FetchError, match="resolves to 127.0.0.1"):
        resolve_public("news.example.com", 443, mixed)


class RecordingBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connected.append((host, port))
        return object()


def test_guarded_backend_connects_to_the_address_it_checked():
    inner = RecordingBackend()
    GuardedBackend(resolver(), inner).connect_tcp("news.example.com", 443)
    assert inner.connected == [(PUBLIC_IP, 443)]
    # A later DNS answer pointing inside the network (rebinding) is refused at connect time.
    with pytest.raises(FetchError, match="resolves to 10.9.8.7"):
        GuardedBackend(resolver({"news.example.com": "10.9.8.7"}), inner).connect_tcp("news.example.com", 443)
    assert len(inner.connected) == 1


def test_default_transport_refuses_a_rebound_name_before_connecting():
    from factcheck.read.web.fetch import fetch_page

    answers = iter([PUBLIC_IP, "127.0.0.1"])  # public for the check, loopback for the connect

    def rebinding(host, port, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    with pytest.raises(FetchError, match="resolves to 127.0.0.1"):
        fetch_page("http://news.example.com:8765/", resolver=rebinding)


def test_read_body_counts_wire_and_decoded_bytes():
    assert read_body([b"ab", b"cd"], "", 4, 4) == b"abcd"
    with pytest.raises(FetchError, match="larger than"):
        read_body([b"ab", b"cde"], "identity", 4, 100)
    packed = gzip.compress(b"y" * 5000)
    assert read_body([packed[:10], packed[10:]], "gzip", 10_000, 5000) == b"y" * 5000
    with pytest.raises(FetchError, match="compression bomb"):
        read_body([packed], "gzip", 10_000, 4999)
    with pytest.raises(FetchError, match="corrupt"):
        read_body([b"not gzip at all"], "gzip", 10_000, 10_000)


# ---------------------------------------------------------------------------- the cache


def test_cache_serves_a_page_again_without_fetching(tmp_path):
    server = Server({URL: html_response()})
    first = get(URL, server, tmp_path)
    assert len(server.requests) == 1
    again = get(URL, server, tmp_path)
    assert len(server.requests) == 1 and again.text == first.text
    assert again.metadata == first.metadata
    get(URL, server, tmp_path, use_cache=False)  # --no-cache fetches again
    assert len(server.requests) == 2


def test_cache_ignores_stale_and_broken_entries(tmp_path):
    from factcheck.read.web.fetch import fetch_page
    from factcheck.read.web.pagecache import PageCache

    page = fetch_page(URL, transport=Server({URL: html_response()}).transport, resolver=resolver())
    fetched = dt.datetime.fromisoformat(page.fetched_at)
    cache = PageCache(tmp_path, now=lambda: fetched + dt.timedelta(hours=2))
    cache.put(page)
    assert cache.get(URL) == page
    assert cache.get(URL + "?other") is None
    assert PageCache(tmp_path, now=lambda: fetched + dt.timedelta(days=2)).get(URL) is None
    for entry in tmp_path.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert cache.get(URL) is None


BROKEN_CACHE_ENTRIES = {
    "a list": lambda meta: [meta],
    "a string": lambda meta: "page",
    "null": lambda meta: None,
    "fetched in the future": lambda meta: {**meta, "fetched_at": "2999-01-01T00:00:00+00:00"},
    "fetched at no time zone": lambda meta: {**meta, "fetched_at": "2024-01-01T00:00:00"},
    "fetched at a number": lambda meta: {**meta, "fetched_at": 12},
    "no body digest (an older cache)": lambda meta: {k: v for k, v in meta.items() if k != "body_sha256"},
    "another body's digest": lambda meta: {**meta, "body_sha256": "0" * 64},
    "an unknown kind": lambda meta: {**meta, "kind": "pdf"},
    "a final URL that is not text": lambda meta: {**meta, "final_url": ["x"]},
}


@pytest.mark.parametrize("damage", BROKEN_CACHE_ENTRIES.values(), ids=BROKEN_CACHE_ENTRIES.keys())
def test_a_broken_cache_entry_is_fetched_again(tmp_path, damage):
    server = Server({URL: html_response()})
    first = get(URL, server, tmp_path)
    [meta_path] = (tmp_path / "cache").glob("*.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps(damage(meta)), encoding="utf-8")
    again = get(URL, server, tmp_path)
    assert len(server.requests) == 2 and again.text == first.text


def test_a_damaged_body_is_fetched_again_not_served(tmp_path):
    server = Server({URL: html_response()})
    first = get(URL, server, tmp_path)
    [body_path] = (tmp_path / "cache").glob("*.body")
    body_path.write_bytes(body_path.read_bytes()[: len(body_path.read_bytes()) // 2])  # cut short
    again = get(URL, server, tmp_path)
    assert len(server.requests) == 2 and again.text == first.text
    assert get(URL, server, tmp_path).text == first.text and len(server.requests) == 2  # mended


def test_cache_location_follows_the_environment(monkeypatch, tmp_path):
    from factcheck.read.web.pagecache import default_dir

    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "factcheck" / "pages"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "fc"))
    assert default_dir() == tmp_path / "fc" / "pages"
