"""Found by the soak (benchmarks/soak.py): an article page that failed once (a 500, a
timeout) was cached as failed for good, so an item whose watch-list name is only in the
article was matched on its teaser and never alerted. A temporary failure is now retried
with back-off, the item staying unmatched meanwhile; a permanent one (404) is not."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.config import load_config
from monitor.daemon import build_service
from monitor.fetch import Fetcher
from monitor.pipeline import BODY_ATTEMPTS, Service, fetch_bodies, fetch_settings, match_new, poll_source
from tests.support.http_server import FixtureServer, Handler, Reply
from tests.support.project import FeedItem, rss, write_project

ARTICLE = (b"<html><body><article><h1>Harvest in South Hwanghae</h1><p>Farmers gathered rice on the "
           b"cooperative farms of the province this week, well ahead of the plan.</p><p>Kim Jong Un "
           b"sent a message of thanks to the farmers of the cooperative for their work.</p></article>"
           b"</body></html>")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def setup(tmp_path: Path, server: FixtureServer, article: list[Reply]) -> tuple[Service, Clock, list[int]]:
    """One feed item whose only mention is in its article; the article answers ``article`` in turn
    (the last reply repeats)."""
    link = server.url("/a/1")
    server.routes["/wire.xml"] = Reply(200, rss([FeedItem("h1", "Harvest report", "Farmers gathered rice.",
                                                          link=link)]),
                                       {"Content-Type": "application/rss+xml"})
    hits: list[int] = []

    def route(handler: Handler) -> Reply:
        hits.append(1)
        return article[min(len(hits), len(article)) - 1]

    server.routes["/a/1"] = route
    source = {"name": "Wire", "url": server.url("/wire.xml"), "fetch_body": True}
    cfg = write_project(tmp_path, sources=[source])
    svc = build_service(load_config(cfg))
    clock = Clock()
    svc.clock = clock
    return svc, clock, hits


async def cycle(svc: Service, *, poll: bool = False) -> int:
    async with Fetcher(fetch_settings(svc.settings)) as fetcher:
        if poll:
            await poll_source(svc, fetcher, svc.settings.sources[0])
        await fetch_bodies(svc, fetcher)
    return match_new(svc)


def test_article_500_then_200_alerts_from_the_article(tmp_path: Path, http_server: FixtureServer) -> None:
    svc, clock, hits = setup(tmp_path, http_server, [Reply(500, b"oops"), Reply(200, ARTICLE)])
    assert asyncio.run(cycle(svc, poll=True)) == 0
    [stored] = svc.store.items_needing_body(now=None)  # still waiting for its article, not matched
    assert svc.store.pending_routes("daily") == []
    assert asyncio.run(cycle(svc)) == 0 and len(hits) == 1  # backing off: not fetched again at once
    clock.now += timedelta(hours=1)
    assert asyncio.run(cycle(svc)) == 1 and len(hits) == 2
    assert svc.store.pending_routes("daily") == [stored.id]
    assert "Kim Jong Un" in (svc.store.item(stored.id) or stored).item.body
    svc.store.close()


def test_article_404_is_not_retried(tmp_path: Path, http_server: FixtureServer) -> None:
    svc, clock, hits = setup(tmp_path, http_server, [Reply(404, b"gone"), Reply(200, ARTICLE)])
    assert asyncio.run(cycle(svc, poll=True)) == 0
    assert svc.store.items_needing_body(now=None) == []  # matched on the feed's text: nothing to wait for
    clock.now += timedelta(hours=1)
    asyncio.run(cycle(svc))
    assert len(hits) == 1
    svc.store.close()


def test_article_failing_every_time_gives_up_after_bounded_attempts(
        tmp_path: Path, http_server: FixtureServer) -> None:
    svc, clock, hits = setup(tmp_path, http_server, [Reply(503, b"down")])
    asyncio.run(cycle(svc, poll=True))
    for _ in range(BODY_ATTEMPTS + 3):
        clock.now += timedelta(days=1)
        asyncio.run(cycle(svc))
    assert len(hits) == BODY_ATTEMPTS
    assert svc.store.items_needing_body(now=None) == []  # matched on its teaser in the end
    svc.store.close()


def test_concurrent_calls_fetch_an_article_once(tmp_path: Path, http_server: FixtureServer) -> None:
    # poll jobs of several sources run fetch_bodies at the same time
    svc, _clock, hits = setup(tmp_path, http_server, [Reply(503, b"down", delay=0.3)])

    async def both() -> None:
        async with Fetcher(fetch_settings(svc.settings)) as fetcher:
            await poll_source(svc, fetcher, svc.settings.sources[0])
            await asyncio.gather(fetch_bodies(svc, fetcher), fetch_bodies(svc, fetcher))

    asyncio.run(both())
    assert len(hits) == 1 and svc.store.body_failures(http_server.url("/a/1")) == 1
    svc.store.close()


def test_an_item_waits_for_its_article_about_twenty_minutes_at_most(
        tmp_path: Path, http_server: FixtureServer) -> None:
    # the wait holds back the item's alert, even one its title alone would fire
    svc, clock, hits = setup(tmp_path, http_server, [Reply(503, b"down")])
    start = clock.now
    asyncio.run(cycle(svc, poll=True))
    while svc.store.items_needing_body(now=None):
        clock.now += timedelta(seconds=10)
        asyncio.run(cycle(svc))
    assert len(hits) == BODY_ATTEMPTS
    assert clock.now - start < timedelta(minutes=30)
    svc.store.close()
