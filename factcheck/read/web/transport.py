"""The default httpx transport: connects only to addresses checked public at connect time.

The per-hop check in ``fetch`` resolves each host before asking for it; this transport
closes the gap after that check (DNS rebinding) by resolving once more in the network
backend and connecting to the very address it checked. TLS still verifies the host
name, because httpcore passes the URL's host as the SNI/verification name separately.
"""

from __future__ import annotations

import time

import httpcore
import httpx

from ...errors import FetchError
from .addresses import Resolver, resolve_public


class GuardedBackend(httpcore.NetworkBackend):
    """A network backend that refuses non-public addresses and pins the checked one."""

    def __init__(self, resolver: Resolver, inner: httpcore.NetworkBackend | None = None) -> None:
        self._resolver = resolver
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in resolve_public(host, port, self._resolver):
            try:
                return self._inner.connect_tcp(address, port, timeout=timeout,
                                               local_address=local_address,
                                               socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # try the host's next address, as socket.create_connection does
        assert last is not None
        raise last

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise FetchError("refusing to connect to a Unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner, self._deadline = inner, deadline

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error("the fetch's total time limit has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout=self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout=self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname=server_hostname,
                                      timeout=self._left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """Bounds a whole fetch in time: connecting, the TLS handshake, the headers and the
    body. httpx's timeouts bound each wait for the next bytes, so a server that sends
    its headers one byte a second was waited on forever; here every wait is also cut to
    what is left before ``deadline`` (a ``time.monotonic()`` value)."""

    def __init__(self, inner: httpcore.NetworkBackend, deadline: float) -> None:
        self._inner, self._deadline = inner, deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ConnectTimeout("the fetch's total time limit has passed")
        stream = self._inner.connect_tcp(host, port, timeout=left if timeout is None else min(timeout, left),
                                         local_address=local_address, socket_options=socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise FetchError("refusing to connect to a Unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _with_backend(backend: httpcore.NetworkBackend) -> httpx.BaseTransport:
    # trust_env=False: an HTTP(S)_PROXY from the environment would resolve names itself,
    # out of reach of the address check.
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx.HTTPTransport takes no network backend, but the httpcore pool it wraps does;
    # swapping the pool keeps httpx's own request/response and error mapping.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=backend,
    )
    return transport


def guarded_transport(resolver: Resolver, deadline: float | None = None) -> httpx.BaseTransport:
    backend: httpcore.NetworkBackend = GuardedBackend(resolver)
    return _with_backend(DeadlineBackend(backend, deadline) if deadline is not None else backend)


def open_transport(deadline: float | None = None) -> httpx.BaseTransport:
    """The transport for ``--allow-private``: ordinary connections, still no proxies."""
    if deadline is None:
        return httpx.HTTPTransport(trust_env=False)
    return _with_backend(DeadlineBackend(httpcore.SyncBackend(), deadline))
