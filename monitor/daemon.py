"""The long-running service: APScheduler wiring, signals, hot reload.

Jobs (AsyncIOScheduler, all in one event loop):

- ``poll:<source>`` every source's interval: poll it (unless it is backing off),
  fetch new article bodies, match new items;
- ``digests`` every ``[daemon] tick``: queue the digests that are due, then
  attempt the outbox messages that are due;
- ``watch`` every ``[daemon] watch_interval``: reload rules (and config.toml)
  when the files changed and then stayed the same for one more interval (never
  half-written). SIGHUP forces the same reload at once.

The scheduler holds no state that matters: what is due and what is queued is
in the store, so a restart (or a kill) resumes where the last run stopped.
SIGTERM/SIGINT cancel the polls in flight, which is safe because every store
write is one transaction, let a delivery in flight finish (at most the SMTP
timeout: cancelled after the server's 250 but before the store recorded it, it
would be sent again on the next start), and exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from monitor.config import Settings, load_config
from monitor.errors import InvalidFileError, MonitorError
from monitor.fetch import Fetcher
from monitor.matching import compiled as matcher_compiled
from monitor.matching.engine import Matcher
from monitor.matching.load import check_rules, load_rules, rule_files
from monitor.pipeline import (
    Service,
    fetch_bodies,
    fetch_settings,
    flush_outbox,
    match_new,
    open_store,
    poll_source,
    queue_digests,
)

log = logging.getLogger("monitor")


# Longest a stop waits for a delivery in flight: SIGTERM must end the daemon within
# seconds; past this the attempt is cancelled (a duplicate is then possible only if the
# server had already accepted it, as with a crash).
STOP_WAIT = 8.0


class StoreLocked(MonitorError):
    pass


@contextlib.contextmanager
def store_lock(settings: Settings) -> Iterator[None]:
    """One monitor process per store: two would race to send the same outbox message."""
    path = Path(f"{settings.store_path}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreLocked(f"another monitor process is using {settings.store_path} "
                              f"(lock {path}); stop it first") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


# A rule file changed less than this long ago may be half-written (an editor that truncates,
# then writes): reading it then fails to start, or starts with rules missing and loses items.
RULES_QUIET = 1.0
RULES_QUIET_LIMIT = 10.0  # a file with an mtime in the future is not waited for longer


def wait_for_quiet_rules(settings: Settings) -> None:
    deadline = time.monotonic() + RULES_QUIET_LIMIT
    while True:
        newest = 0.0
        for p in rule_files(settings.rules_path) if settings.rules_path.is_dir() else []:
            with contextlib.suppress(OSError):
                newest = max(newest, p.stat().st_mtime)
        age = time.time() - newest
        if age >= RULES_QUIET or time.monotonic() >= deadline:
            return
        time.sleep(min(RULES_QUIET - age, RULES_QUIET))


def build_service(settings: Settings, *, settle_rules: bool = False) -> Service:
    """``settle_rules``: the daemon's start, which may follow a crash at any moment, waits
    (up to a second) for a rule file that is being written."""
    if settle_rules:
        wait_for_quiet_rules(settings)
    ruleset = load_rules(settings.rules_path)
    return Service(settings=settings, store=open_store(settings), matcher=Matcher.build(ruleset))


Signature = tuple[tuple[str, int, int], ...]  # (path, mtime_ns, size) of each watched file


def _signature(paths: list[Path]) -> Signature:
    out = []
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), 0, 0))
    return tuple(out)


class Daemon:
    def __init__(self, service: Service) -> None:
        self.svc = service
        self.stopping = asyncio.Event()
        self.tasks: set[asyncio.Task[Any]] = set()
        self.finishing: set[asyncio.Task[Any]] = set()  # tasks a stop lets finish (deliveries)
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self.fetcher: Fetcher | None = None
        self._rules_sig = self._rules_signature()
        self._config_sig = _signature([service.settings.path])
        self._seen: dict[str, Signature] = {}  # the last changed signature the watcher saw

    # -- reload
    def _rules_signature(self) -> Signature:
        return _signature(rule_files(self.svc.settings.rules_path))

    def reload_rules(self) -> bool:
        # the signature before reading: a write during the read is seen as a change next time
        self._rules_sig = self._rules_signature()
        check = check_rules(self.svc.settings.rules_path)
        if check.ruleset is None:
            for problem in check.errors:
                log.error("rules not reloaded: %s", problem)
            log.error("the last good rules stay in force")
            return False
        self.svc.matcher = Matcher.build(check.ruleset)  # atomic swap: the next item sees the new rules
        log.info("rules reloaded: %d rules, %d watch-lists", len(check.ruleset.rules),
                 len(check.ruleset.watchlists))
        return True

    def reload_config(self) -> bool:
        old = self.svc.settings
        self._config_sig = _signature([old.path])
        try:
            new = load_config(old.path)
        except InvalidFileError as exc:
            for problem in exc.problems:
                log.error("config not reloaded: %s", problem)
            return False
        if new.store_path != old.store_path:
            log.warning("config reload: store.path changed; that takes effect after a restart")
            new = replace(new, store_path=old.store_path)
        self.svc.settings = new
        self._schedule_polls()
        log.info("config reloaded: %d sources, %d digests", len(new.sources), len(new.digests))
        return True

    def reload(self) -> None:
        if _signature([self.svc.settings.path]) != self._config_sig:
            self.reload_config()
        self.reload_rules()

    # -- jobs
    def _spawn(self, make: Callable[[], Awaitable[None]], *,
               finish_on_stop: bool = False) -> Callable[[], Awaitable[None]]:
        """Wrap a job so SIGTERM can cancel it (or, with ``finish_on_stop``, wait for it)
        and a bug in it is logged, not fatal."""

        async def job() -> None:
            if self.stopping.is_set():
                return
            task = asyncio.ensure_future(make())
            self.tasks.add(task)
            if finish_on_stop:
                self.finishing.add(task)
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:
                log.exception("job failed; the daemon goes on")
            finally:
                self.tasks.discard(task)
                self.finishing.discard(task)

        return job

    async def poll_job(self, name: str) -> None:
        source = self.svc.settings.source(name)
        if source is None or not source.enabled or self.fetcher is None:
            return
        state = self.svc.store.source_state(name)
        if state.next_poll_at and state.next_poll_at > self.svc.clock():
            return  # backing off after failures
        await poll_source(self.svc, self.fetcher, source)
        await fetch_bodies(self.svc, self.fetcher)
        match_new(self.svc)

    async def digest_job(self) -> None:
        match_new(self.svc)  # items left unmatched by an earlier crash
        queue_digests(self.svc)
        await flush_outbox(self.svc, stop=self.stopping.is_set)

    async def watch_job(self) -> None:
        if not self.svc.settings.daemon.watch_rules:
            return
        config_sig = _signature([self.svc.settings.path])
        if config_sig != self._config_sig and self._settled("config", config_sig):
            self.reload_config()
        rules_sig = self._rules_signature()
        if rules_sig != self._rules_sig and self._settled("rules", rules_sig):
            self.reload_rules()

    def _settled(self, what: str, sig: Signature) -> bool:
        """Act on a change once the files look the same on two watch ticks in a row. An editor
        that truncates and then writes can be caught half-way, and half a rule file can be valid
        TOML with rules missing: every item matched meanwhile would be lost for good."""
        if self._seen.get(what) == sig:
            return True
        self._seen[what] = sig
        return False

    def _schedule_polls(self) -> None:
        wanted = {f"poll:{s.name}": s for s in self.svc.settings.sources if s.enabled}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("poll:") and job.id not in wanted:
                job.remove()
        now = datetime.now(UTC)
        for job_id, source in wanted.items():
            seconds = self.svc.settings.interval_of(source).total_seconds()
            existing = self.scheduler.get_job(job_id)
            if existing is not None:
                existing.reschedule("interval", seconds=seconds)
                continue
            name = source.name
            self.scheduler.add_job(self._spawn(lambda n=name: self.poll_job(n)), "interval",  # type: ignore[misc]
                                   seconds=seconds, id=job_id, next_run_time=now, max_instances=1,
                                   coalesce=True, misfire_grace_time=None)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_stop, sig)
        loop.add_signal_handler(signal.SIGHUP, self.reload)
        d = self.svc.settings.daemon
        async with Fetcher(fetch_settings(self.svc.settings)) as fetcher:
            self.fetcher = fetcher
            now = datetime.now(UTC)
            self._schedule_polls()
            self.scheduler.add_job(self._spawn(self.digest_job, finish_on_stop=True), "interval",
                                   seconds=d.tick.total_seconds(), id="digests", next_run_time=now,
                                   max_instances=1, coalesce=True, misfire_grace_time=None)
            self.scheduler.add_job(self._spawn(self.watch_job), "interval",
                                   seconds=d.watch_interval.total_seconds(), id="watch", max_instances=1,
                                   coalesce=True, misfire_grace_time=None)
            self.scheduler.start()
            log.info("monitor running: %d sources, %d digests, store %s, matcher %s",
                     len(self.svc.settings.sources), len(self.svc.settings.digests),
                     self.svc.settings.store_path, "compiled" if matcher_compiled() else "pure Python")
            await self.stopping.wait()
            # before shutdown, which cancels every running job, a delivery in flight included
            await self._stop_tasks()
            self.scheduler.shutdown(wait=False)
        self.svc.store.close()
        log.info("monitor stopped")

    async def _stop_tasks(self) -> None:
        """Cancel polls at once, but let a delivery in flight finish (bounded by the SMTP timeout):
        cancelled between the server's 250 and the store's commit, it would go out again on restart."""
        for task in self.tasks - self.finishing:
            task.cancel()
        if self.finishing:
            log.info("stopping: waiting for the delivery in flight")
            await asyncio.wait(list(self.finishing), timeout=min(self.svc.settings.mail.timeout, STOP_WAIT))
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=5)

    def _on_stop(self, sig: signal.Signals) -> None:
        log.info("%s received: stopping", sig.name)
        self.stopping.set()
