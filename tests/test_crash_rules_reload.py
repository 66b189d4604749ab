"""Found by the soak (benchmarks/soak.py), which saves rule files the way some editors do:
truncate, then write. The watcher could read the file half-written, and half a rule file
can be valid TOML that defines the watch-lists but not the rules: the daemon then loaded
zero rules and every item matched meanwhile was marked matched without alerting, for good.
A change is now acted on only once the files look the same on two watch ticks in a row,
and a start waits while a rule file was modified within the last second."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

from monitor.config import load_config
from monitor.daemon import Daemon, build_service
from tests.support.project import RULES, write_project

NEW_RULES = RULES.replace('"Kim Jong Un",', '"Kim Jong Un",\n  "Kim Yo Jong",')


def fires(daemon: Daemon, title: str) -> bool:
    return bool(daemon.svc.matcher.match({"title": title, "body": ""}))


def test_half_written_rule_file_is_never_loaded(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[])
    daemon = Daemon(build_service(load_config(cfg)))
    path = tmp_path / "rules" / "watch.toml"
    assert fires(daemon, "Kim Jong Un visits a farm")

    half = NEW_RULES[:NEW_RULES.index("[[rule]]")]  # watch-lists only: valid, and no rule at all
    path.write_text(half, encoding="utf-8")
    asyncio.run(daemon.watch_job())
    assert fires(daemon, "Kim Jong Un visits a farm")  # the old rules still hold

    path.write_text(NEW_RULES, encoding="utf-8")  # the editor finishes writing
    asyncio.run(daemon.watch_job())
    assert fires(daemon, "Kim Jong Un visits a farm") and not fires(daemon, "Kim Yo Jong speaks")
    asyncio.run(daemon.watch_job())  # unchanged since the last tick: now it is loaded
    assert fires(daemon, "Kim Jong Un visits a farm") and fires(daemon, "Kim Yo Jong speaks")
    daemon.svc.store.close()


def test_a_settled_change_is_loaded_on_the_next_tick_and_only_once(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[])
    daemon = Daemon(build_service(load_config(cfg)))
    (tmp_path / "rules" / "watch.toml").write_text(NEW_RULES, encoding="utf-8")
    asyncio.run(daemon.watch_job())
    asyncio.run(daemon.watch_job())
    assert fires(daemon, "Kim Yo Jong speaks")
    matcher = daemon.svc.matcher
    asyncio.run(daemon.watch_job())
    assert daemon.svc.matcher is matcher  # no change since: no rebuild
    daemon.svc.store.close()


def test_a_start_while_the_rule_file_is_being_written_waits_for_it(tmp_path: Path) -> None:
    # the soak restarted the daemon while it saved the rules in place: the daemon refused to
    # start on the half file, and half a file that parses would have started it without rules
    cfg = write_project(tmp_path, sources=[])
    path = tmp_path / "rules" / "watch.toml"
    path.write_text(NEW_RULES[:NEW_RULES.index("[[rule]]")], encoding="utf-8")
    finish = threading.Timer(0.4, lambda: path.write_text(NEW_RULES, encoding="utf-8"))
    finish.start()
    try:
        daemon = Daemon(build_service(load_config(cfg), settle_rules=True))
    finally:
        finish.join()
    assert fires(daemon, "Kim Jong Un visits a farm") and fires(daemon, "Kim Yo Jong speaks")
    daemon.svc.store.close()


def test_a_start_with_settled_rules_does_not_wait(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[])
    path = tmp_path / "rules" / "watch.toml"
    os.utime(path, (time.time() - 60, time.time() - 60))
    t0 = time.monotonic()
    build_service(load_config(cfg), settle_rules=True).store.close()
    assert time.monotonic() - t0 < 0.9
