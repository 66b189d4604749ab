"""SMTP delivery through the real pipeline and a real aiosmtpd: retries with back-off,
per-recipient refusals reported in `monitor outbox`."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from subprocess import CompletedProcess

from monitor.pipeline import flush_outbox
from tests.support.clocked import Clock, arrive, outbox, service, tick
from tests.support.http_server import FixtureServer, Reply
from tests.support.project import FeedItem, rss, run_cli, write_project
from tests.support.smtp_server import SmtpTestServer

IMMEDIATE = ('[[digests]]\nname = "alerts"\nto = ["analyst@test.example", "desk@test.example"]\n'
             'schedule = "immediate"\n')


def test_smtp_down_for_several_attempts_then_up_delivers_once_honouring_the_back_off(
        tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    config = write_project(tmp_path, sources=[], digests=IMMEDIATE, smtp_port=smtp_server.port)
    # retry_base 1m: waits of about 1, 2, 4 … minutes (±20 % jitter)
    config.write_text(config.read_text(encoding="utf-8").replace('retry_base = "1s"', 'retry_base = "1m"'),
                      encoding="utf-8")
    clock = Clock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    svc = service(config, clock)
    smtp_server.stop()
    arrive(svc, "Kim Jong Un receives Shoigu")
    assert tick(svc) == ["alerts"]
    attempts = [1]
    for _ in range(3):
        [msg] = outbox(svc)
        assert msg.status == "pending" and msg.attempts == attempts[-1]
        assert msg.last_error and "SMTP connection to 127.0.0.1" in msg.last_error
        wait = msg.next_attempt_at - clock()
        assert wait.total_seconds() >= 0.8 * 60 * 2 ** (attempts[-1] - 1)
        clock.set(msg.next_attempt_at - (msg.next_attempt_at - clock()) / 2)  # half-way: not yet
        tick(svc)
        assert outbox(svc)[0].attempts == attempts[-1]
        clock.set(msg.next_attempt_at)
        tick(svc)
        attempts.append(attempts[-1] + 1)
        assert outbox(svc)[0].attempts == attempts[-1]

    # forced (as `monitor run --once` does): attempted at once, back-off or not
    asyncio.run(flush_outbox(svc, force=True))
    assert outbox(svc)[0].attempts == 5
    smtp_server.start()
    [msg] = outbox(svc)
    clock.advance(seconds=30)
    assert clock() < msg.next_attempt_at
    tick(svc)
    assert smtp_server.received == [] and outbox(svc)[0].attempts == 5
    clock.set(msg.next_attempt_at)
    tick(svc)
    [received] = smtp_server.wait_for(1)
    assert sorted(received.rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    [msg] = outbox(svc)
    assert (msg.status, msg.attempts, msg.remaining) == ("sent", 6, ())
    assert received.message["Message-ID"] == msg.message_id
    clock.advance(hours=2)
    tick(svc)
    asyncio.run(flush_outbox(svc, force=True))
    assert len(smtp_server.received) == 1


def run_with_refusals(tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer,
                      items: list[FeedItem], refused: list[str]) -> tuple[Path, CompletedProcess[str]]:
    """`monitor run --once` on a feed of ``items``, the SMTP server refusing ``refused`` with 550."""
    for rcpt in refused:
        smtp_server.rcpt_replies[rcpt] = f"550 5.1.1 <{rcpt}>: no such user"
    http_server.routes["/wire.xml"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})
    config = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}],
                           smtp_port=smtp_server.port)
    result = run_cli("run", "--once", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return config, result


def test_one_recipient_refused_is_reported_and_holds_back_nobody(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    items = [FeedItem("a1", "Kim Jong Un receives Russian delegation", "Talks in Pyongyang.")]
    config, first = run_with_refusals(tmp_path, http_server, smtp_server, items, ["desk@test.example"])
    [msg] = smtp_server.wait_for(1)
    assert msg.rcpt_tos == ("analyst@test.example",)
    assert "recipient desk@test.example rejected permanently" in first.stderr

    listing = run_cli("outbox", "--config", str(config), cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    [row] = listing.stdout.splitlines()
    # accepted by one reader, refused for the other: not shown as a plain "sent"
    assert " daily sent (1 refused) attempts=1 " in row
    assert "rejected={'desk@test.example': '550 5.1.1 <desk@test.example>: no such user'}" in row

    # the next digest goes out as usual; the refusal is not retried and blocks nothing
    items.append(FeedItem("a2", "Shoigu arrives in Pyongyang", "Security Council secretary landed."))
    http_server.routes["/wire.xml"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})
    smtp_server.rcpt_replies.clear()
    second = run_cli("run", "--once", "--config", str(config), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    received = smtp_server.wait_for(2)
    assert sorted(received[1].rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    text = received[1].message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Shoigu arrives" in text and "Russian delegation" not in text
    rows = run_cli("outbox", "--config", str(config), cwd=tmp_path).stdout.splitlines()
    assert len(rows) == 2 and " sent " in rows[0] and "rejected" not in rows[0]
    assert len(smtp_server.received) == 2


def test_every_recipient_refused_is_shown_as_refused_not_sent(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    items = [FeedItem("a1", "Kim Jong Un receives Russian delegation", "Talks in Pyongyang.")]
    config, _ = run_with_refusals(tmp_path, http_server, smtp_server, items,
                                  ["analyst@test.example", "desk@test.example"])
    assert smtp_server.received == []

    [row] = run_cli("outbox", "--config", str(config), cwd=tmp_path).stdout.splitlines()
    assert " daily refused attempts=1 to= " in row, row
    assert "'analyst@test.example': '550 5.1.1" in row and "'desk@test.example': '550 5.1.1" in row
    # a refusal is final: another run sends nothing and leaves the row as it was
    assert run_cli("run", "--once", "--config", str(config), cwd=tmp_path).returncode == 0
    assert smtp_server.received == []
    assert run_cli("outbox", "--config", str(config), cwd=tmp_path).stdout.splitlines() == [row]
