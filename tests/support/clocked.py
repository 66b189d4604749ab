"""A pipeline.Service on a clock the test moves by hand: cadences without sleeping.

Everything else is real: config.toml loaded by load_config, rule files, the
Matcher, a SQLite store in tmp_path, and the pipeline's own steps.
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from monitor.config import load_config
from monitor.matching.engine import Matcher
from monitor.matching.load import load_rules
from monitor.model import Item
from monitor.pipeline import Service, flush_outbox, match_new, open_store, queue_digests
from monitor.store import OutboxMessage

_KEYS = itertools.count(1)


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, when: datetime) -> None:
        assert when >= self.now, "time only moves forward"
        self.now = when

    def advance(self, **delta: float) -> None:
        self.set(self.now + timedelta(**delta))


def service(config: Path, clock: Clock) -> Service:
    settings = load_config(config)
    return Service(settings, open_store(settings), Matcher.build(load_rules(settings.rules_path)),
                   clock=clock)


def reload(svc: Service) -> None:
    """What the daemon does when config.toml or the rules change."""
    svc.settings = load_config(svc.settings.path)
    svc.matcher = Matcher.build(load_rules(svc.settings.rules_path))


def arrive(svc: Service, *titles: str, source: str = "Wire") -> None:
    """New items polled now and matched, as a poll job leaves them."""
    now = svc.clock()
    items = [Item(source, f"k{next(_KEYS)}", title, f"http://example.org/{i}", "", now)
             for i, title in enumerate(titles)]
    svc.store.add_items(source, "http://example.org/feed", items, now=now, etag=None, last_modified=None,
                        content_hash=None, next_poll_at=None, body_pending=False)
    match_new(svc)


def tick(svc: Service) -> list[str]:
    """One daemon digest tick (Daemon.digest_job): queue what is due, attempt what is due."""
    queued = queue_digests(svc)
    asyncio.run(flush_outbox(svc))
    return queued


def outbox(svc: Service, digest: str | None = None) -> list[OutboxMessage]:
    """Oldest first."""
    return [m for m in reversed(svc.store.outbox(limit=1000)) if digest in (None, m.digest)]
