"""Read a response body within limits: raw size, decompressed size and total time.

factcheck decompresses the body itself instead of letting httpx do it, so that no
chunk can inflate past the cap: ``zlib``'s ``max_length`` bounds every step. A gzip bomb
(a few kilobytes that inflate to gigabytes) is refused as soon as the cap is crossed.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable

from ...errors import FetchError

ACCEPT_ENCODING = "gzip, deflate"
"""Only what ``Inflater`` can bound; brotli and zstd are not offered."""


class Inflater:
    """Incremental gzip/deflate decoding that never produces more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.produced = 0
        self._first = True
        self._decoder = self._new()

    def _new(self):
        if self.encoding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | 16)  # gzip, x-gzip

    def feed(self, data: bytes) -> bytes:
        out = bytearray()
        while data:
            try:
                piece = self._decoder.decompress(data, self.limit - self.produced + 1)
            except zlib.error:
                if self.encoding == "deflate" and self._first:
                    # Some servers send raw deflate without the zlib header (RFC 9110 §8.4.1.2
                    # says zlib, but browsers accept both).
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise FetchError("the compressed body is corrupt") from None
            self._first = False
            self.produced += len(piece)
            if self.produced > self.limit:
                raise FetchError(f"the page is larger than {_mb(self.limit)} once decompressed "
                                 "(refused as a possible compression bomb)")
            out += piece
            data = self._decoder.unconsumed_tail
            if self._decoder.eof:
                # A new gzip member may follow (concatenated gzip is legal); anything
                # else after the end of the stream is padding, ignored as browsers do.
                data = self._decoder.unused_data
                if not (self.encoding != "deflate" and data.startswith(b"\x1f\x8b")):
                    break
                self._decoder = self._new()
        return bytes(out)


def read_body(chunks: Iterable[bytes], encoding: str, max_bytes: int, max_decoded: int,
              deadline: float | None = None) -> bytes:
    """Join raw ``chunks`` (as sent on the wire), decoding ``encoding``, within the limits."""
    encoding = (encoding or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"the server used a content encoding factcheck does not accept ({encoding})")
    inflater = None if encoding == "identity" else Inflater(encoding, max_decoded)
    received = 0
    body = bytearray()
    for chunk in chunks:
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"the page is larger than {_mb(max_bytes)}")
        if deadline is not None and time.monotonic() > deadline:
            raise FetchError("the page took too long to download")
        body += inflater.feed(chunk) if inflater else chunk
    return bytes(body)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:g} MB"
