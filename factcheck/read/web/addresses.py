"""Which network addresses factcheck may reach: public ones only, unless told otherwise.

A URL taken from an article, a redirect or a DNS answer could point the fetcher at the
newsroom's own network (a CMS, a router, a cloud metadata service at 169.254.169.254).
Every host is resolved here and every address it resolves to must be public; the
default transport then connects to the checked address itself, so a second DNS answer
(DNS rebinding) cannot swap in another one between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

from ...errors import FetchError

Resolver = Callable[..., list]
"""``socket.getaddrinfo`` or anything with its signature and result shape."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address."""
    for embedded in _embedded_ipv4(ip):
        if not is_public(embedded):
            return False
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    # ::ffff:127.0.0.1, 6to4 and Teredo addresses carry an IPv4 address that the
    # operating system may reach directly; Python 3.11's is_global does not look inside.
    if ip.version != 6:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    return [a for a in found if a is not None]


def parse_ip(host: str) -> IPAddress | None:
    """The address a URL host names literally (``127.0.0.1``, ``[::1]``), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def resolve_public(host: str, port: int, resolver: Resolver = socket.getaddrinfo) -> list[str]:
    """Every address ``host`` resolves to, all checked public; FetchError otherwise."""
    literal = parse_ip(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            answers = resolver(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise FetchError(f"cannot resolve host {host!r} ({_reason(exc)})") from None
        addresses = [ipaddress.ip_address(str(a[4][0]).split("%")[0]) for a in answers]
        if not addresses:
            raise FetchError(f"cannot resolve host {host!r} (no addresses)")
    # All must be public: a name that answers with one public and one private address
    # could be steered to the private one.
    for ip in addresses:
        if not is_public(ip):
            via = "" if literal is not None else f" (it resolves to {ip})"
            raise FetchError(f"refusing to fetch from {host}{via}: not a public internet address; "
                             "use --allow-private for a page on your own network")
    return [str(ip) for ip in addresses]


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
