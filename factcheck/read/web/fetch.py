"""Fetch one web page safely: http(s) only, public addresses only, bounded in size and time.

Rules (docs/web.md): only ``http`` and ``https``; every host, including each redirect
target, must resolve to public addresses unless ``allow_private``; at most
``max_redirects`` hops; connect/read timeouts and a total deadline; a cap on the bytes
received and on the bytes they decompress to; only HTML and plain text. Every failure
is a ``FetchError`` whose message is one line naming the URL.
"""

from __future__ import annotations

import datetime as dt
import socket
import time

import httpx

from ... import __version__
from ...dataclassgen import dataclass
from ...errors import FetchError
from ..inputs import shown
from .addresses import Resolver, resolve_public
from .bodies import ACCEPT_ENCODING, read_body
from .contenttypes import ContentKind, classify

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go before it is refused."""

    max_bytes: int = 10_000_000
    """Bytes received on the wire (before decompression)."""
    max_decoded_bytes: int = 20_000_000
    """Bytes after gzip/deflate decoding; far above any real article page."""
    max_redirects: int = 5
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest wait for the next bytes from the server."""
    total_timeout: float = 60.0
    """Longest time for the whole download, against servers that trickle bytes."""


DEFAULT_LIMITS = FetchLimits()


@dataclass(frozen=True)
class Page:
    """A fetched page, before extraction."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where the page was found, after redirects."""
    kind: ContentKind
    charset: str | None
    """The charset the Content-Type header declares, if any."""
    body: bytes
    """The decoded (decompressed) body."""
    fetched_at: str
    """When it was fetched, ISO 8601 UTC."""


def user_agent() -> str:
    """``factcheck/<version> (+<project URL>)``: says who is asking and where to read why."""
    url = _project_url()
    return f"factcheck/{__version__} (+{url})" if url else f"factcheck/{__version__}"


def _project_url() -> str | None:
    from importlib import metadata
    try:
        meta = metadata.metadata("factcheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return meta.get("Home-page")


def check_url(url: str) -> httpx.URL:
    """Parse ``url`` and refuse any scheme but http(s)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if not parsed.host:
        raise FetchError(f"{url}: the URL has no host")
    if parsed.userinfo:
        raise FetchError(f"{shown(url)}: the address has a user name or password in it; factcheck "
                         "does not send them (for a page behind a login, save it and check the file)")
    return parsed


def fetch_page(url: str, *, allow_private: bool = False,
               transport: httpx.BaseTransport | None = None,
               resolver: Resolver = socket.getaddrinfo,
               limits: FetchLimits = DEFAULT_LIMITS) -> Page:
    """Fetch ``url``; ``transport`` and ``resolver`` are for tests (httpx.MockTransport)."""
    target = check_url(url)
    deadline = time.monotonic() + limits.total_timeout
    if transport is None:
        from .transport import guarded_transport, open_transport
        # The deadline bounds connecting and the headers too, not only the body.
        transport = open_transport(deadline) if allow_private else guarded_transport(resolver, deadline)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    headers = {"User-Agent": user_agent(), "Accept-Encoding": ACCEPT_ENCODING,
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
    with httpx.Client(transport=transport, timeout=timeout, headers=headers,
                      follow_redirects=False, trust_env=False) as client:
        try:
            return _follow(client, url, target, allow_private, resolver, limits, deadline)
        except FetchError as exc:
            raise FetchError(f"{url}: {exc}") from None
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline:
                raise FetchError(f"{url}: the page took too long to download "
                                 f"(over the {limits.total_timeout:g} s limit)") from None
            raise FetchError(f"{url}: {_timeout_message(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: could not fetch the page ({_one_line(exc)})") from None


def _follow(client: httpx.Client, url: str, target: httpx.URL, allow_private: bool,
            resolver: Resolver, limits: FetchLimits, deadline: float) -> Page:
    """Ask for ``target``, following redirects by hand so that every hop is checked."""
    redirects = 0
    while True:
        if not allow_private:
            resolve_public(target.host, target.port or _default_port(target), resolver)
        if time.monotonic() > deadline:
            raise FetchError("the page took too long to download")
        response = client.send(client.build_request("GET", target), stream=True)
        try:
            if response.status_code not in REDIRECT_STATUSES:
                return _page(url, target, response, limits, deadline)
            next_target = _redirect_target(target, response)
        finally:
            response.close()
        redirects += 1
        if redirects > limits.max_redirects:
            raise FetchError(f"too many redirects (more than {limits.max_redirects})")
        target = next_target


def _redirect_target(previous: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("Location")
    if not location:
        raise FetchError(f"the server answered {response.status_code} without a Location")
    try:
        target = previous.join(location)
    except (httpx.InvalidURL, ValueError):
        raise FetchError(f"redirected to an invalid URL ({location[:200]})") from None
    if target.scheme not in ("http", "https"):
        raise FetchError(f"redirected to a {target.scheme or 'schemeless'} URL; "
                         "only http and https are fetched")
    if target.userinfo:
        raise FetchError("redirected to an address with a user name or password in it; "
                         "factcheck does not send them")
    return target


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _page(url: str, target: httpx.URL, response: httpx.Response, limits: FetchLimits,
          deadline: float) -> Page:
    if response.status_code >= 400:
        raise FetchError(f"the server answered {response.status_code} {response.reason_phrase}".rstrip())
    if not 200 <= response.status_code < 300:
        raise FetchError(f"the server answered {response.status_code}, not a page")
    kind, charset = classify(response.headers.get("Content-Type"))
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(f"the page is larger than {limits.max_bytes / 1_000_000:g} MB "
                         f"(Content-Length {declared})")
    body = read_body(response.iter_raw(), response.headers.get("Content-Encoding", ""),
                     limits.max_bytes, limits.max_decoded_bytes, deadline)
    fetched = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return Page(url=url, final_url=str(target), kind=kind, charset=charset, body=body,
                fetched_at=fetched)


def _timeout_message(exc: httpx.TimeoutException) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out connecting to the server"
    if isinstance(exc, httpx.ReadTimeout):
        return "timed out waiting for the server to send the page"
    return "timed out"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] if text else type(exc).__name__
