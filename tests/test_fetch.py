"""Fetcher against the loopback fixture server: success, validators, errors, headers."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any, TypeVar

import pytest

from monitor.errors import FetchError
from monitor.fetch import (
    Fetcher,
    FetchResponse,
    FetchSettings,
    content_digest,
    parse_retry_after,
)
from tests.support.http_server import FixtureServer, Handler, Reply

T = TypeVar("T")
FAST = FetchSettings(per_host_delay=0.0, total_timeout=5.0, connect_timeout=2.0)
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
BAD_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 20  # reserved block type


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def fetch(url: str, settings: FetchSettings = FAST, **kwargs: Any) -> FetchResponse:
    async with Fetcher(settings) as fetcher:
        return await fetcher.get(url, **kwargs)


def fetch_error(url: str, settings: FetchSettings = FAST, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as info:
        run(fetch(url, settings, **kwargs))
    return info.value


def test_plain_get_returns_body_status_and_validators(http_server: FixtureServer) -> None:
    http_server.routes["/feed"] = Reply(
        200, FEED, {"Content-Type": "application/rss+xml", "ETag": '"v1"', "Last-Modified": "x"}
    )
    resp = run(fetch(http_server.url("/feed")))
    assert (resp.status, resp.content, resp.etag, resp.last_modified) == (200, FEED, '"v1"', "x")
    assert not resp.not_modified
    assert resp.url == http_server.url("/feed")
    assert resp.headers["content-type"] == "application/rss+xml"


def test_conditional_get_sends_validators_and_reports_304(http_server: FixtureServer) -> None:
    def conditional(handler: Handler) -> Reply:
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {})
        return Reply(200, FEED, {"ETag": '"v1"'})

    http_server.routes["/feed"] = conditional
    resp = run(fetch(http_server.url("/feed"), etag='"v1"', last_modified="Fri, 20 Jun 2025"))
    assert resp.not_modified and resp.status == 304 and resp.content == b""
    # A 304 without validators keeps the ones we sent, so the caller can store them again.
    assert (resp.etag, resp.last_modified) == ('"v1"', "Fri, 20 Jun 2025")
    _, sent = http_server.requests[-1]
    assert sent["If-Modified-Since"] == "Fri, 20 Jun 2025"


def test_user_agent_and_per_request_headers(http_server: FixtureServer) -> None:
    http_server.routes["/a"] = Reply(200, b"ok")
    run(fetch(http_server.url("/a"), headers={"Accept-Language": "ko"}, user_agent="analyst/2"))
    run(fetch(http_server.url("/a")))
    (_, first), (_, second) = http_server.requests
    assert first["User-Agent"] == "analyst/2" and first["Accept-Language"] == "ko"
    assert second["User-Agent"] == FAST.user_agent


def test_gzip_and_deflate_bodies_are_decoded(http_server: FixtureServer) -> None:
    http_server.routes["/gz"] = Reply(200, gzip.compress(FEED), {"Content-Encoding": "gzip"})
    http_server.routes["/zlib"] = Reply(200, zlib.compress(FEED), {"Content-Encoding": "deflate"})
    raw = zlib.compressobj(wbits=-15)
    http_server.routes["/raw"] = Reply(
        200, raw.compress(FEED) + raw.flush(), {"Content-Encoding": "deflate"}
    )
    for path in ("/gz", "/zlib", "/raw"):
        assert run(fetch(http_server.url(path))).content == FEED, path
    _, sent = http_server.requests[0]
    assert "gzip" in sent["Accept-Encoding"]


def test_corrupt_gzip_is_a_protocol_error(http_server: FixtureServer) -> None:
    http_server.routes["/bad"] = Reply(200, BAD_GZIP, {"Content-Encoding": "gzip"})
    assert fetch_error(http_server.url("/bad")).kind == "protocol"


def test_redirects_are_followed_and_final_url_reported(http_server: FixtureServer) -> None:
    http_server.routes["/old"] = Reply(301, b"", {"Location": "/mid"})
    http_server.routes["/mid"] = Reply(302, b"", {"Location": http_server.url("/new")})
    http_server.routes["/new"] = Reply(200, FEED)
    resp = run(fetch(http_server.url("/old")))
    assert resp.url == http_server.url("/new") and resp.content == FEED


def test_server_error_reports_status(http_server: FixtureServer) -> None:
    http_server.routes["/feed"] = Reply(500, b"Internal Server Error")
    err = fetch_error(http_server.url("/feed"))
    assert (err.kind, err.status, err.retry_after) == ("http", 500, None)
    assert "500" in str(err)


def test_429_reports_retry_after_seconds(http_server: FixtureServer) -> None:
    http_server.routes["/feed"] = Reply(429, b"slow down", {"Retry-After": "120"})
    err = fetch_error(http_server.url("/feed"))
    assert (err.kind, err.status, err.retry_after) == ("http", 429, 120.0)


def test_503_reports_retry_after_http_date(http_server: FixtureServer) -> None:
    when = datetime.now(UTC) + timedelta(hours=1)
    http_server.routes["/feed"] = Reply(503, b"", {"Retry-After": format_datetime(when, True)})
    err = fetch_error(http_server.url("/feed"))
    assert err.status == 503 and err.retry_after is not None
    assert 3000 < err.retry_after <= 3600


def test_parse_retry_after_forms() -> None:
    now = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)
    assert parse_retry_after("30", now=now) == 30.0
    assert parse_retry_after("Fri, 20 Jun 2025 12:05:00 GMT", now=now) == 300.0
    assert parse_retry_after("Fri, 20 Jun 2025 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


def test_404_is_http_error(http_server: FixtureServer) -> None:
    err = fetch_error(http_server.url("/missing"))
    assert (err.kind, err.status) == ("http", 404)


def test_content_digest_is_stable_sha256() -> None:
    assert content_digest(b"abc") == content_digest(b"abc") != content_digest(b"abd")
    assert len(content_digest(b"")) == 64
