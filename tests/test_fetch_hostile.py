"""Hostile and broken servers: each yields a clear FetchError with bounded memory and time."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from monitor.errors import FetchError
from monitor.fetch import Fetcher, FetchSettings
from tests.support.http_server import FixtureServer, Handler, Reply
from tests.test_fetch import FAST, fetch, fetch_error, run

MB = 1024 * 1024
SMALL_CAP = FetchSettings(per_host_delay=0.0, max_bytes=MB, total_timeout=10.0)


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed (about 1000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    parts = [packer.compress(chunk) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


def test_gzip_bomb_stops_at_cap_with_bounded_memory(http_server: FixtureServer) -> None:
    bomb = gzip_bomb(200 * MB)
    assert len(bomb) < 300_000
    http_server.routes["/bomb"] = Reply(200, bomb, {"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        err = fetch_error(http_server.url("/bomb"), SMALL_CAP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.kind == "too_large"
    assert peak < 8 * MB  # cap is 1 MB: nowhere near the 200 MB the bomb expands to


def test_gzip_body_just_under_cap_is_accepted(http_server: FixtureServer) -> None:
    body = b"<rss/>" + bytes(MB - 6)
    http_server.routes["/ok"] = Reply(200, gzip.compress(body), {"Content-Encoding": "gzip"})
    assert run(fetch(http_server.url("/ok"), SMALL_CAP)).content == body


def _endless(chunk: bytes, stop: threading.Event, pause: float = 0.0) -> Iterator[bytes]:
    while not stop.is_set():
        yield chunk
        if pause:
            stop.wait(pause)  # the server's pace; ends early when the test is done


@pytest.fixture
def stop() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def test_fifty_megabyte_body_with_length_is_refused_early(
    http_server: FixtureServer, stop: threading.Event
) -> None:
    http_server.routes["/big"] = Reply(
        200, _endless(bytes(MB), stop), {"Content-Length": str(50 * MB)}
    )
    err = fetch_error(http_server.url("/big"), SMALL_CAP)
    assert err.kind == "too_large" and str(50 * MB) in str(err)


def test_fifty_megabyte_body_without_length_stops_reading(
    http_server: FixtureServer, stop: threading.Event
) -> None:
    chunks = iter([bytes(MB)] * 50)
    http_server.routes["/big"] = Reply(200, chunks)
    tracemalloc.start()
    try:
        err = fetch_error(http_server.url("/big"), SMALL_CAP)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.kind == "too_large"
    assert peak < 8 * MB


def test_never_ending_trickle_hits_total_deadline(
    http_server: FixtureServer, stop: threading.Event
) -> None:
    http_server.routes["/trickle"] = Reply(200, _endless(b"<", stop, pause=0.02))
    settings = FetchSettings(per_host_delay=0.0, total_timeout=0.5)
    err = fetch_error(http_server.url("/trickle"), settings)
    assert err.kind == "timeout"


def test_server_that_never_answers_hits_total_deadline(http_server: FixtureServer) -> None:
    http_server.routes["/silent"] = Reply(200, b"late", delay=3.0)
    err = fetch_error(
        http_server.url("/silent"), FetchSettings(per_host_delay=0, total_timeout=0.3)
    )
    assert err.kind == "timeout"


def test_redirect_loop(http_server: FixtureServer) -> None:
    http_server.routes["/a"] = Reply(302, b"", {"Location": "/b"})
    http_server.routes["/b"] = Reply(302, b"", {"Location": "/a"})
    err = fetch_error(http_server.url("/a"))
    assert err.kind == "redirects" and "loop" in str(err)
    assert http_server.hits("/a") == 1 and http_server.hits("/b") == 1


def test_too_many_redirects(http_server: FixtureServer) -> None:
    for n in range(10):
        http_server.routes[f"/r{n}"] = Reply(301, b"", {"Location": f"/r{n + 1}"})
    err = fetch_error(http_server.url("/r0"), FetchSettings(per_host_delay=0, max_redirects=3))
    assert err.kind == "redirects"
    assert http_server.hits("/r4") == 0


def test_redirect_to_other_scheme_is_protocol_error(http_server: FixtureServer) -> None:
    http_server.routes["/ftp"] = Reply(302, b"", {"Location": "ftp://example.test/feed"})
    assert fetch_error(http_server.url("/ftp")).kind == "protocol"


def test_dns_failure() -> None:
    err = fetch_error("http://no-such-host.invalid/feed")
    assert err.kind == "dns" and "no-such-host.invalid" in str(err)


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert fetch_error(f"http://127.0.0.1:{port}/feed").kind == "connect"


def test_tls_failure(http_server: FixtureServer) -> None:
    # TLS to a plain-HTTP port: the handshake fails, which is what a broken cert setup looks like.
    err = fetch_error(http_server.url("/feed").replace("http://", "https://"))
    assert err.kind == "tls"


class RawServer:
    """Answers every connection with fixed bytes, then closes: for broken HTTP."""

    def __init__(self, reply: bytes) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.reply = reply
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                conn.sendall(self.reply)


@pytest.mark.parametrize(
    "reply",
    [
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort",  # closes mid-body
        b"",  # closes without a response
    ],
)
def test_broken_http_is_protocol_error(reply: bytes) -> None:
    server = RawServer(reply)
    try:
        assert fetch_error(server.url).kind == "protocol"
    finally:
        server.sock.close()


def test_invalid_url_is_protocol_error() -> None:
    assert fetch_error("not a url").kind == "protocol"


def test_per_host_concurrency_limit(http_server: FixtureServer) -> None:
    state = {"active": 0, "peak": 0}
    lock = threading.Lock()
    pair = threading.Barrier(2, timeout=5)  # passes only if two requests overlap

    def handler(_: Handler) -> Reply:
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        try:
            pair.wait()
            return Reply(200, b"ok")
        except threading.BrokenBarrierError:
            return Reply(500, b"no overlap")
        finally:
            with lock:
                state["active"] -= 1

    http_server.routes["/slot"] = handler

    async def six() -> list[int]:
        async with Fetcher(FetchSettings(per_host_delay=0, per_host_concurrency=2)) as f:
            got = await asyncio.gather(*(f.get(http_server.url("/slot")) for _ in range(6)))
        return [r.status for r in got]

    assert run(six()) == [200] * 6
    assert state["peak"] == 2


def test_host_port_key_treats_ports_as_hosts(http_server: FixtureServer) -> None:
    other = FixtureServer().start()
    pair = threading.Barrier(2, timeout=5)

    def handler(_: Handler) -> Reply:
        try:
            pair.wait()
            return Reply(200, b"ok")
        except threading.BrokenBarrierError:
            return Reply(500, b"serialised")

    http_server.routes["/x"] = other.routes["/x"] = handler
    settings = FetchSettings(per_host_delay=0, per_host_concurrency=1, host_key="host:port")

    async def both() -> list[int]:
        async with Fetcher(settings) as f:
            got = await asyncio.gather(f.get(http_server.url("/x")), f.get(other.url("/x")))
        return [r.status for r in got]

    try:
        assert run(both()) == [200, 200]
    finally:
        other.stop()


def test_per_host_delay_spaces_requests(http_server: FixtureServer) -> None:
    http_server.routes["/d"] = Reply(200, b"ok")
    clock = [100.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    async def go() -> None:
        async with Fetcher(FetchSettings(per_host_delay=2.0)) as f:
            f._now = lambda: clock[0]
            f._sleep = fake_sleep
            for _ in range(3):
                await f.get(http_server.url("/d"))
            await f.get(http_server.url("/d").replace("127.0.0.1", "localhost"))

    run(go())
    assert slept == [2.0, 2.0]  # the third host name ("localhost") did not wait
    assert http_server.hits("/d") == 4


def test_fetch_error_is_raised_not_leaked_as_httpx() -> None:
    with pytest.raises(FetchError):
        run(fetch("http://127.0.0.1:1/", FAST))


def test_total_deadline_spans_redirect_hops(http_server: FixtureServer) -> None:
    # Each hop alone fits in the deadline; the chain does not.
    for n in range(4):
        http_server.routes[f"/h{n}"] = Reply(302, b"", {"Location": f"/h{n + 1}"}, delay=0.2)
    http_server.routes["/h4"] = Reply(200, b"ok")
    err = fetch_error(http_server.url("/h0"), FetchSettings(per_host_delay=0, total_timeout=0.5))
    assert err.kind == "timeout"
