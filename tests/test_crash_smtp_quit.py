"""Found by the soak (benchmarks/soak.py) with a mail server that accepts a message and then
sits on QUIT, as a client sees it when the network drops right after the server's 250: the
delivery was recorded only after QUIT, so for up to the SMTP timeout a kill, or a SIGTERM
(which waits at most 8 s, then cancels), sent the digest again on the next start. It is now
recorded as soon as the server has answered DATA, and QUIT is not waited for long."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from monitor.config import load_config
from monitor.daemon import build_service
from monitor.fetch import Fetcher
from monitor.pipeline import Service, fetch_settings, flush_outbox, match_new, poll_sources, queue_digests
from tests.support.http_server import FixtureServer, Reply
from tests.support.project import FeedItem, rss, write_project
from tests.support.smtp_server import SmtpTestServer


def stall_quit(server: SmtpTestServer, seconds: float) -> None:
    async def handle_QUIT(srv: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(seconds)
        return "221 Bye"

    assert server._controller is not None
    server._controller.handler.handle_QUIT = handle_QUIT  # aiosmtpd reads hooks per connection


def queued(tmp_path: Path, http: FixtureServer, smtp: SmtpTestServer) -> Service:
    http.routes["/wire.xml"] = Reply(200, rss([FeedItem("q1", "Kim Jong Un inspects a farm", "Talks.")]),
                                     {"Content-Type": "application/rss+xml"})
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http.url("/wire.xml")}],
                        smtp_port=smtp.port)
    svc = build_service(load_config(cfg))

    async def poll() -> None:
        async with Fetcher(fetch_settings(svc.settings)) as fetcher:
            await poll_sources(svc, fetcher, svc.settings.sources, force=True)

    asyncio.run(poll())
    match_new(svc)
    assert queue_digests(svc, force=True) == ["daily"]
    return svc


def test_delivery_is_recorded_before_quit_so_a_stop_during_quit_sends_nothing_twice(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    svc = queued(tmp_path, http_server, smtp_server)
    stall_quit(smtp_server, 60)

    async def stopped_during_quit() -> None:
        task = asyncio.create_task(flush_outbox(svc))
        while not smtp_server.received:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # the client now waits for the server's answer to QUIT
        assert not task.done()
        task.cancel()  # what SIGTERM does past its wait (a SIGKILL does no better)
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(stopped_during_quit())
    [msg] = svc.store.outbox()
    assert msg.status == "sent" and msg.remaining == ()
    assert asyncio.run(flush_outbox(svc, force=True)) == (0, [])  # the next start has nothing to send
    assert len(smtp_server.received) == 1
    svc.store.close()


def test_a_server_that_never_answers_quit_does_not_hold_the_delivery(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    svc = queued(tmp_path, http_server, smtp_server)
    stall_quit(smtp_server, 60)
    t0 = time.monotonic()
    assert asyncio.run(flush_outbox(svc)) == (1, [])
    assert time.monotonic() - t0 < 4.5  # the QUIT wait (2 s), not the 5 s SMTP timeout or more
    assert [m.status for m in svc.store.outbox()] == ["sent"]
    svc.store.close()
