"""Fetch + parse over the loopback server, as a poll would: broken sources give a clear
FetchError or a ParsedSource problem, never an exception from the parser."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc

from monitor.fetch import Fetcher, content_digest
from monitor.sources import ParsedSource
from monitor.sources.feed import parse_feed
from tests.support.http_server import FixtureServer, Reply
from tests.test_fetch import FAST, fetch_error
from tests.test_sources_feed import fixture

MB = 1024 * 1024


def poll(url: str) -> ParsedSource:
    async def go() -> ParsedSource:
        async with Fetcher(FAST) as fetcher:
            resp = await fetcher.get(url)
        return parse_feed(resp.content, url=resp.url, source="s", headers=resp.headers)

    return asyncio.run(go())


def test_gzipped_kcna_feed_end_to_end(http_server: FixtureServer) -> None:
    http_server.routes["/rss"] = Reply(
        200,
        gzip.compress(fixture("kcnawatch_rss.xml")),
        {"Content-Type": "application/rss+xml; charset=utf-8", "Content-Encoding": "gzip"},
    )
    parsed = poll(http_server.url("/rss"))
    assert parsed.problem is None and len(parsed.items) == 3
    # Relative links resolve against the URL the feed was fetched from.
    assert parsed.items[1].link == http_server.url("/newstream/1750300000-654321/choe-son-hui-meets/")


def test_entity_bomb_served_is_defused(http_server: FixtureServer) -> None:
    entities = ['<!ENTITY e0 "KCNA KCNA KCNA KCNA">'] + [
        f'<!ENTITY e{n} "{("&e" + str(n - 1) + ";") * 16}">' for n in range(1, 12)
    ]
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(entities)}]><rss version="2.0"><channel>'
        "<title>&e11;</title><item><title>t</title><description>&e11;</description></item>"
        "</channel></rss>"
    ).encode()
    http_server.routes["/bomb"] = Reply(200, bomb, {"Content-Type": "application/rss+xml"})
    tracemalloc.start()
    try:
        parsed = poll(http_server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(parsed.items) == 1 and len(parsed.items[0].body) < 1000
    assert peak < 50 * MB


def test_invalid_utf8_served_as_utf8(http_server: FixtureServer) -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
        "<title>Лавров прибыл в Пхеньян</title></item></channel></rss>"
    ).encode("windows-1251")
    http_server.routes["/rss"] = Reply(200, body, {"Content-Type": "text/xml; charset=utf-8"})
    assert [i.title for i in poll(http_server.url("/rss")).items] == ["Лавров прибыл в Пхеньян"]


def test_html_page_where_feed_expected(http_server: FixtureServer) -> None:
    http_server.routes["/rss"] = Reply(
        200, fixture("rodong_listing.html"), {"Content-Type": "text/html; charset=utf-8"}
    )
    parsed = poll(http_server.url("/rss"))
    assert parsed.items == [] and parsed.problem_kind == "parse"
    assert parsed.problem == "not a feed: an HTML page"


def test_500_and_429_are_fetch_errors(http_server: FixtureServer) -> None:
    http_server.routes["/500"] = Reply(500, b"<h1>Internal Server Error</h1>")
    http_server.routes["/429"] = Reply(429, b"", {"Retry-After": "3600"})
    assert fetch_error(http_server.url("/500")).status == 500
    err = fetch_error(http_server.url("/429"))
    assert (err.kind, err.status, err.retry_after) == ("http", 429, 3600.0)


def test_unchanged_body_has_same_digest(http_server: FixtureServer) -> None:
    http_server.routes["/rss"] = Reply(200, fixture("kcnawatch_rss.xml"))

    async def twice() -> list[str]:
        async with Fetcher(FAST) as fetcher:
            bodies = [(await fetcher.get(http_server.url("/rss"))).content for _ in range(2)]
        return [content_digest(b) for b in bodies]

    first, second = asyncio.run(twice())
    assert first == second == content_digest(fixture("kcnawatch_rss.xml"))
