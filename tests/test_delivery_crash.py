"""A `monitor run` daemon SIGKILLed while it is sending a digest, then restarted: each
recipient gets the digest exactly once. Real CLI processes, a real SQLite file,
aiosmtpd (one that stalls before answering DATA, then a normal one on the same port)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import Envelope, Session

from tests.support.http_server import FixtureServer, Reply
from tests.support.project import FeedItem, rss, run_cli, write_project
from tests.support.smtp_server import SmtpTestServer

ITEMS = [FeedItem("a1", "Kim Jong Un receives Russian delegation", "KCNA reports talks in Pyongyang."),
         FeedItem("a2", "Shoygu arrives in Pyongyang", "Security Council secretary Sergey Shoygu landed.")]


class StallBeforeDataReply:
    """Takes the whole message, then never answers DATA until released: the sender is
    mid-delivery for as long as the test wants."""

    def __init__(self, reply: str = "451 4.3.0 released by the test") -> None:
        self.reply = reply
        self.in_data = threading.Event()
        self.release = threading.Event()
        self.message_ids: list[str] = []

    async def handle_DATA(self, server: SMTPProtocol, session: Session, envelope: Envelope) -> str:
        parsed = email.message_from_bytes(envelope.original_content or b"", policy=email.policy.default)
        self.message_ids.append(str(parsed["Message-ID"]))
        self.in_data.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait)
        return self.reply


def outbox_rows(db: Path) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT status, attempts, message_id FROM outbox ORDER BY id").fetchall()
    finally:
        conn.close()


def start_daemon(config: Path, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("MONITOR_CONFIG", None)
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(config)], cwd=cwd,
                                stdout=out, stderr=subprocess.STDOUT, env=env)


def wait_for_line(log: Path, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, f"{text!r} not in daemon log:\n{log.read_text(encoding='utf-8')}"
        time.sleep(0.02)  # polling a file for a condition, not waiting out a duration


def queued_digest(tmp_path: Path, http_server: FixtureServer,
                  smtp_server: SmtpTestServer) -> tuple[Path, str]:
    """SMTP down during `monitor run --once`: the digest is rendered and queued in the outbox,
    its first delivery failed. Returns the config and the queued Message-ID."""
    http_server.routes["/wire.xml"] = Reply(200, rss(ITEMS), {"Content-Type": "application/rss+xml"})
    config = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}],
                           smtp_port=smtp_server.port, extra='[daemon]\ntick = "1s"\nwatch_rules = false\n')
    # a long SMTP timeout: the daemon must still be waiting for the DATA reply when it is signalled
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('from = "monitor@test.example"\ntimeout = 5',
                                   'from = "monitor@test.example"\ntimeout = 120'), encoding="utf-8")
    smtp_server.stop()
    queued = run_cli("run", "--once", "--config", str(config), cwd=tmp_path)
    assert queued.returncode == 0, queued.stderr
    [(status, attempts, message_id)] = outbox_rows(tmp_path / "var" / "monitor.db")
    assert (status, attempts) == ("pending", 1)
    return config, message_id


@contextmanager
def daemon_mid_send(config: Path, port: int,
                    stall: StallBeforeDataReply) -> Iterator[subprocess.Popen[bytes]]:
    """A `monitor run` daemon whose retry is held at the DATA reply by a stalling server on ``port``."""
    stalling = Controller(stall, hostname="127.0.0.1", port=port, ready_timeout=10)
    stalling.start()
    log = config.parent / "daemon.log"
    daemon = start_daemon(config, config.parent, log)
    try:
        assert stall.in_data.wait(timeout=30), log.read_text(encoding="utf-8", errors="replace")
        yield daemon
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        stall.release.set()
        stalling.stop()


def test_daemon_killed_mid_send_then_restarted_sends_exactly_once(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    config, message_id = queued_digest(tmp_path, http_server, smtp_server)
    db = tmp_path / "var" / "monitor.db"
    stall = StallBeforeDataReply()
    with daemon_mid_send(config, smtp_server.port, stall) as daemon:
        daemon.send_signal(signal.SIGKILL)
        assert daemon.wait(timeout=30) == -signal.SIGKILL
    assert stall.message_ids == [message_id]
    assert outbox_rows(db) == [("pending", 1, message_id)]  # the kill left no half-recorded attempt

    # restarted with a working server: sent once, to each recipient once, same Message-ID
    smtp_server.start()
    log = tmp_path / "daemon.log"
    daemon = start_daemon(config, tmp_path, log)
    try:
        [received] = smtp_server.wait_for(1, timeout=30)
    finally:
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=30) == 0, log.read_text(encoding="utf-8", errors="replace")
    assert sorted(received.rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    assert received.message["Message-ID"] == message_id
    assert outbox_rows(db) == [("sent", 2, message_id)]
    again = run_cli("run", "--once", "--config", str(config), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(smtp_server.received) == 1
    assert outbox_rows(db) == [("sent", 2, message_id)]


def test_sigterm_during_a_delivery_lets_it_finish_and_record_it(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    config, message_id = queued_digest(tmp_path, http_server, smtp_server)
    # the server holds the DATA reply while the daemon is told to stop, then accepts the message
    stall = StallBeforeDataReply(reply="250 OK: queued")
    with daemon_mid_send(config, smtp_server.port, stall) as daemon:
        daemon.send_signal(signal.SIGTERM)
        wait_for_line(tmp_path / "daemon.log", "SIGTERM received")
        stall.release.set()
        assert daemon.wait(timeout=30) == 0
    # cancelled mid-send, the accepted digest would stay pending and go out again on the next run
    assert outbox_rows(tmp_path / "var" / "monitor.db") == [("sent", 2, message_id)]
    smtp_server.start()
    assert run_cli("run", "--once", "--config", str(config), cwd=tmp_path).returncode == 0
    assert smtp_server.received == [] and stall.message_ids == [message_id]
