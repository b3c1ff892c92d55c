"""The default httpx transport: connects only to addresses checked public at connect time.

The per-hop check in ``fetch`` resolves each host before asking for it; this transport
closes the gap after that check (DNS rebinding) by resolving once more in the network
backend and connecting to the very address it checked. TLS still verifies the host
name, because httpcore passes the URL's host as the SNI/verification name separately.
"""

from __future__ import annotations

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


def guarded_transport(resolver: Resolver) -> httpx.BaseTransport:
    # trust_env=False: an HTTP(S)_PROXY from the environment would resolve names itself,
    # out of reach of the address check.
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx.HTTPTransport takes no network backend, but the httpcore pool it wraps does;
    # swapping the pool keeps httpx's own request/response and error mapping.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=GuardedBackend(resolver),
    )
    return transport


def open_transport() -> httpx.BaseTransport:
    """The transport for ``--allow-private``: ordinary connections, still no proxies."""
    return httpx.HTTPTransport(trust_env=False)
