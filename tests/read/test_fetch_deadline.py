"""The fetch's total time limit covers connecting, the headers and the body.

A server on the loopback interface, run by a thread of this test, sends its response
one byte at a time, slowly: each wait is far below the read timeout, so only the total
limit can end the fetch. Nothing leaves the machine.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from factcheck.errors import FetchError
from factcheck.read.web.fetch import FetchLimits, fetch_page

RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n"
            b"X-Padding: " + b"a" * 200 + b"\r\n\r\n" + b"Japan ranked 29th.\r\n")


class DripServer:
    """Accepts connections and sends ``RESPONSE`` from ``start`` one byte every ``pause``
    seconds, until the client hangs up or the test stops it."""

    def __init__(self, start: int, pause: float):
        self.start, self.pause = start, pause
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)  # the request
                try:
                    conn.sendall(RESPONSE[:self.start])
                    for byte in RESPONSE[self.start:]:
                        if self.stop.wait(self.pause):
                            return
                        conn.sendall(bytes([byte]))
                except OSError:
                    continue  # the client gave up

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=5)
        self.listener.close()


def _fetch_in_thread(url: str, limits: FetchLimits, wait: float):
    """Run the fetch where a hang cannot hang the test run: a thread joined with a bound."""
    outcome: dict = {}

    def run():
        try:
            outcome["page"] = fetch_page(url, allow_private=True, limits=limits)
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=wait)
    return worker.is_alive(), outcome


@pytest.mark.parametrize("start, where", [(0, "status line"), (60, "headers"), (len(RESPONSE) - 10, "body")])
def test_a_server_dripping_its_response_is_cut_at_the_total_limit(start, where):
    limits = FetchLimits(total_timeout=1.0, read_timeout=5.0, connect_timeout=5.0)
    with DripServer(start, pause=0.1) as server:
        still_running, outcome = _fetch_in_thread(f"http://127.0.0.1:{server.port}/a", limits, wait=15)
    assert not still_running, f"a fetch dripped in its {where} was not cut at the total limit"
    error = outcome.get("error")
    assert isinstance(error, FetchError), outcome
    assert "took too long" in str(error) and "\n" not in str(error)


def test_a_prompt_server_is_read_in_full():
    with DripServer(len(RESPONSE), pause=0.0) as server:
        still_running, outcome = _fetch_in_thread(f"http://127.0.0.1:{server.port}/a",
                                                  FetchLimits(total_timeout=10.0), wait=15)
    assert not still_running
    assert outcome["page"].body == b"Japan ranked 29th.\r\n"
