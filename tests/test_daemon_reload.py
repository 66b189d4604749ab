"""Hot reload of rule files in the real daemon (`monitor run`), driven from outside.

A loopback feed the test changes, the file mail transport (digests land in
var/outbox as .html we can read), and the daemon's log on stderr. Every wait is
on a condition with a deadline; nothing depends on timings.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from monitor.matching import compiled as matcher_compiled
from tests.support.http_server import FixtureServer, Reply
from tests.support.project import RULES, FeedItem, rss, run_cli, write_project

DAEMON = '[daemon]\ntick = "1s"\nwatch_interval = "1s"\n'
DIGEST = ('[[digests]]\nname = "alerts"\nto = ["analyst@test.example"]\nschedule = "immediate"\n'
          'rules = ["*"]\n')
# The fixed rules add an entry the first rules lack; the SIGHUP edit swaps it for one of the same length.
FIXED = RULES.replace('"Kim Jong Un",', '"Kim Jong Un", "Sergei Lavrov",')
HUPPED = FIXED.replace("Sergei Lavrov", "Sergei Ivanov")
BROKEN = FIXED.replace('any = ["treaties", "officials"]', 'any = ["treaties", "oficials"]\nmin_scor = 80')


def wait_for(what: str, check: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``check`` until it holds; fail after ``timeout`` naming what never happened."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.05)


class Running:
    def __init__(self, root: Path, cfg: Path) -> None:
        self.root = root
        self.log_path = root / "daemon.log"
        self.log_file = self.log_path.open("w", encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("MONITOR_CONFIG", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(cfg)], cwd=root,
                                     stdout=self.log_file, stderr=subprocess.STDOUT, env=env)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def digests(self) -> str:
        outbox = self.root / "var" / "outbox"
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(outbox.glob("*.html")))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log_file.close()


@pytest.fixture
def project(tmp_path: Path, http_server: FixtureServer) -> Iterator[tuple[Running, FixtureServer, Path]]:
    http_server.routes["/wire.xml"] = Reply(200, rss([FeedItem("a1", "Kim Jong Un inspects a farm")]),
                                            {"Content-Type": "application/rss+xml"})
    cfg = write_project(tmp_path, rules=RULES, digests=DIGEST, extra=DAEMON,
                        sources=[{"name": "Wire", "url": http_server.url("/wire.xml"), "interval": "2s"}])
    daemon = Running(tmp_path, cfg)
    try:
        yield daemon, http_server, cfg
    finally:
        daemon.stop()


def serve(server: FixtureServer, *titles: str) -> None:
    items = [FeedItem(t.lower().replace(" ", "-"), t) for t in titles]  # the guid follows the title
    server.routes["/wire.xml"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})


def test_broken_rules_keep_old_rules_fix_and_sighup_reload_sigterm_stops(
        project: tuple[Running, FixtureServer, Path]) -> None:
    daemon, server, cfg = project
    rules_file = cfg.parent / "rules" / "watch.toml"
    wait_for("the first digest", lambda: "Kim Jong Un inspects a farm" in daemon.digests())
    # the start line says which build of the matcher runs (setup.py: compiled or pure Python)
    build = "compiled" if matcher_compiled() else "pure Python"
    started = rf"monitor running: \d+ sources, \d+ digests, store .*, matcher {build}$"
    assert re.search(started, daemon.log(), re.M), daemon.log()

    # A broken edit: the daemon logs every error, as `monitor check` words it, and keeps the old rules.
    rules_file.write_text(BROKEN, encoding="utf-8")
    check = run_cli("check", "--config", str(cfg), cwd=cfg.parent)
    assert check.returncode == 1
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert any(f"{rules_file}:" in e and "oficials" in e for e in errors), check.stdout
    assert any("min_scor" in e for e in errors), check.stdout
    wait_for("the reload error in the log", lambda: "the last good rules stay in force" in daemon.log())
    for error in errors:
        assert f"rules not reloaded: {error}" in daemon.log()
    serve(server, "Kim Jong Un inspects a farm", "Putin writes to Pyongyang", "Lavrov lands in Wonsan")
    wait_for("an item matching the old rules", lambda: "Putin writes to Pyongyang" in daemon.digests())
    assert "Lavrov lands" not in daemon.digests()

    # The fix takes effect without a restart: an item matching only the new entry is delivered.
    rules_file.write_text(FIXED, encoding="utf-8")
    wait_for("the reload", lambda: "rules reloaded" in daemon.log())
    serve(server, "Kim Jong Un inspects a farm", "Putin writes to Pyongyang", "Lavrov lands in Wonsan",
          "Sergey Lavrov meets the ambassador")
    wait_for("the item only the new entry matches",
             lambda: "Sergey Lavrov meets the ambassador" in daemon.digests())
    assert "Lavrov lands in Wonsan" not in daemon.digests()  # already seen: matched once, under the old rules

    # SIGHUP reloads an edit the file watcher cannot see (same size, same mtime).
    before = rules_file.stat()
    rules_file.write_text(HUPPED, encoding="utf-8")
    os.utime(rules_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    reloads = daemon.log().count("rules reloaded")
    daemon.proc.send_signal(signal.SIGHUP)
    wait_for("the SIGHUP reload", lambda: daemon.log().count("rules reloaded") > reloads)
    serve(server, "Sergei Ivanov visits Khasan")
    wait_for("the item only the SIGHUP-loaded entry matches",
             lambda: "Sergei Ivanov visits Khasan" in daemon.digests())

    # SIGTERM: a clean stop within a few seconds.
    daemon.proc.send_signal(signal.SIGTERM)
    assert daemon.proc.wait(timeout=10) == 0
    assert "monitor stopped" in daemon.log()
