"""Source health in digests, through the real pipeline: a real Fetcher polls a loopback
source that fails, on an injected clock; the digest reports it once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.fetch import Fetcher
from monitor.pipeline import Service, fetch_settings, poll_source
from tests.support.clocked import Clock, arrive, outbox, service, tick
from tests.support.http_server import FixtureServer, Reply
from tests.support.project import FeedItem, rss, write_project

START = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
DIGEST = '[[digests]]\nname = "alerts"\nto = ["analyst@test.example"]\nschedule = "immediate"\n'


def poll(svc: Service, name: str) -> bool:
    source = svc.settings.source(name)
    assert source is not None

    async def once() -> bool:
        async with Fetcher(fetch_settings(svc.settings)) as fetcher:
            return (await poll_source(svc, fetcher, source)).ok

    return asyncio.run(once())


def test_a_source_failing_past_report_failing_after_is_reported_once(
        tmp_path: Path, http_server: FixtureServer) -> None:
    http_server.routes["/down.xml"] = Reply(503, b"maintenance", {"Content-Type": "text/plain"})
    config = write_project(tmp_path, digests=DIGEST, sources=[
        {"name": "Flaky", "url": http_server.url("/down.xml")}])
    clock = Clock(START)
    svc = service(config, clock)
    assert svc.settings.poll.report_failing_after.total_seconds() == 6 * 3600

    # failing, but not for long enough: nothing to report
    for hours in (0, 2, 5.9):
        clock.set(START + timedelta(hours=hours))
        assert not poll(svc, "Flaky")
        assert tick(svc) == []

    clock.set(datetime(2026, 6, 1, 6, 30, tzinfo=UTC))
    assert not poll(svc, "Flaky")
    assert tick(svc) == ["alerts"]  # a health note alone is worth a digest
    [first] = outbox(svc)
    assert "Source health" in first.html and "Flaky" in first.html
    assert "failing since 2026-06-01 00:00 UTC" in first.html and "503" in first.html

    # still failing: the next digest (sent for a new item) does not repeat the note
    clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    assert not poll(svc, "Flaky")
    assert tick(svc) == []
    arrive(svc, "Kim Jong Un inspects a factory")
    assert tick(svc) == ["alerts"]
    second = outbox(svc)[1]
    assert "inspects a factory" in second.html
    assert "Source health" not in second.html and "Flaky" not in second.html

    # it recovers, fails again past the threshold: a new failure, reported again once
    http_server.routes["/down.xml"] = Reply(200, rss([FeedItem("x1", "Harvest news")]),
                                            {"Content-Type": "application/rss+xml"})
    clock.set(datetime(2026, 6, 1, 10, 0, tzinfo=UTC))
    assert poll(svc, "Flaky")
    http_server.routes["/down.xml"] = Reply(500, b"oops")
    for hour in (11, 18):
        clock.set(datetime(2026, 6, 1, hour, 0, tzinfo=UTC))
        assert not poll(svc, "Flaky")
    assert tick(svc) == ["alerts"]
    third = outbox(svc)[2]
    assert "Source health" in third.html and "failing since 2026-06-01 11:00 UTC" in third.html
    clock.set(datetime(2026, 6, 1, 19, 0, tzinfo=UTC))
    assert tick(svc) == []
