"""The only module that talks SQL. SQLite in WAL mode, created and migrated here.

What must survive a restart lives here, never in the scheduler's memory:
which items were seen (and their full text, for backtests), which are still
to be matched, which matches are routed to which digest and not yet queued,
the outbox of rendered digests and what each recipient has accepted, the
state of every source (validators, health, back-off) and of every digest.

Every method is one short transaction, so a crash leaves either the state
before or the state after it, never half of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from monitor.model import Item, Match, StoredItem

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY,
    url TEXT,
    etag TEXT, last_modified TEXT, content_hash TEXT,
    last_attempt_at TEXT, last_success_at TEXT,
    last_error TEXT, last_error_kind TEXT, last_error_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since TEXT,
    next_poll_at TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0,
    last_item_count INTEGER,
    last_new_item_at TEXT
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    body TEXT NOT NULL,
    published_at TEXT,
    seen_at TEXT NOT NULL,
    teaser_only INTEGER NOT NULL DEFAULT 0,
    body_state TEXT NOT NULL DEFAULT 'none',   -- none | pending | fetched | failed
    matched_at TEXT,
    UNIQUE (source, key)
);
CREATE INDEX IF NOT EXISTS items_to_match ON items (id) WHERE matched_at IS NULL;
CREATE INDEX IF NOT EXISTS items_seen ON items (seen_at);
CREATE TABLE IF NOT EXISTS matches (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items (id),
    rule TEXT NOT NULL, watchlist TEXT NOT NULL, entry TEXT NOT NULL, entry_name TEXT NOT NULL,
    field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    score REAL NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS matches_item ON matches (item_id);
CREATE TABLE IF NOT EXISTS routes (
    digest TEXT NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items (id),
    outbox_id INTEGER REFERENCES outbox (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (digest, item_id)
);
CREATE INDEX IF NOT EXISTS routes_pending ON routes (digest) WHERE outbox_id IS NULL;
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    subject TEXT NOT NULL,
    message BLOB NOT NULL,
    html TEXT NOT NULL,
    remaining TEXT NOT NULL,        -- JSON list: recipients not yet accepted
    delivered TEXT NOT NULL DEFAULT '[]',
    rejected TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending',   -- pending | sent | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    sent_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE TABLE IF NOT EXISTS digest_state (digest TEXT PRIMARY KEY, last_sent_at TEXT);
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, fetched_at TEXT NOT NULL, text TEXT, error TEXT
);
-- article fetches that failed for a reason that may pass (timeout, 5xx): retried, not cached
CREATE TABLE IF NOT EXISTS article_retries (
    url TEXT PRIMARY KEY, failures INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT
);
CREATE TABLE IF NOT EXISTS health_events (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL,
    created_at TEXT NOT NULL, resolved_at TEXT
);
CREATE TABLE IF NOT EXISTS health_reports (
    event_id INTEGER NOT NULL REFERENCES health_events (id),
    digest TEXT NOT NULL,
    outbox_id INTEGER,
    PRIMARY KEY (event_id, digest)
);
"""


def _ts(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="microseconds") if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class SourceState:
    name: str
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None
    last_error_kind: str | None = None
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    next_poll_at: datetime | None = None
    items_seen: int = 0
    last_item_count: int | None = None
    last_new_item_at: datetime | None = None


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    digest: str
    message_id: str
    created_at: datetime
    subject: str
    message: bytes
    html: str
    remaining: tuple[str, ...]
    delivered: tuple[str, ...]
    rejected: dict[str, str]
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    sent_at: datetime | None

    @property
    def outcome(self) -> str:
        """``status`` for a reader: a digest whose delivery is finished is "sent" only when no
        recipient refused it (5xx); the refusals themselves stay in ``rejected``."""
        if not self.rejected:
            return self.status
        if self.status == "sent" and not self.delivered:
            return "refused"  # finished, but nobody got it
        return f"{self.status} ({len(self.rejected)} refused)"


@dataclass(frozen=True)
class HealthEvent:
    id: int
    source: str
    kind: str
    message: str
    created_at: datetime
    resolved_at: datetime | None


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE) so
        # two processes never interleave a read-then-write.
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL: in WAL mode a commit survives a process crash; only the outbox's
        # transactions pay for an fsync each (see tx(durable=True)) so that a recorded
        # delivery also survives power loss, while a poll of 1,000 sources does not
        # wait on 1,000 fsyncs.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=30000")
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def tx(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        if durable:
            self.db.execute("PRAGMA synchronous=FULL")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        finally:
            if durable:
                self.db.execute("PRAGMA synchronous=NORMAL")

    def _migrate(self) -> None:
        # executescript commits on its own; every statement is idempotent (IF NOT EXISTS)
        self.db.executescript(_SCHEMA)
        with self.tx() as db:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row["value"]) if row else 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} was written by a newer monitor (schema {version} > {SCHEMA_VERSION})")
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                       (str(SCHEMA_VERSION),))

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    # ---------------------------------------------------------------- sources
    def source_state(self, name: str) -> SourceState:
        row = self.db.execute("SELECT * FROM sources WHERE name = ?", (name,)).fetchone()
        return _source_state(row) if row else SourceState(name=name)

    def source_states(self) -> dict[str, SourceState]:
        return {r["name"]: _source_state(r) for r in self.db.execute("SELECT * FROM sources")}

    def _ensure_source(self, db: sqlite3.Connection, name: str, url: str | None) -> None:
        db.execute("INSERT OR IGNORE INTO sources (name, url) VALUES (?, ?)", (name, url))
        if url:
            db.execute("UPDATE sources SET url = ? WHERE name = ?", (url, name))

    def record_not_modified(self, name: str, url: str, *, now: datetime,
                            next_poll_at: datetime | None) -> None:
        with self.tx() as db:
            self._ensure_source(db, name, url)
            db.execute(
                """UPDATE sources SET last_attempt_at = ?, last_success_at = ?, consecutive_failures = 0,
                   failing_since = NULL, next_poll_at = ? WHERE name = ?""",
                (_ts(now), _ts(now), _ts(next_poll_at), name))
            self._resolve_health(db, name, now, kinds=None)

    def add_items(self, name: str, url: str, items: Sequence[Item], *, now: datetime,
                  etag: str | None, last_modified: str | None, content_hash: str | None,
                  next_poll_at: datetime | None, body_pending: bool) -> list[int]:
        """Store a successful poll: new items (once each) and the source's validators.

        Returns the ids of the items that were new."""
        new_ids: list[int] = []
        with self.tx() as db:
            self._ensure_source(db, name, url)
            for item in items:
                cur = db.execute(
                    """INSERT OR IGNORE INTO items (source, key, title, link, body, published_at, seen_at,
                       teaser_only, body_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (name, item.key, item.title, item.link, item.body, _ts(item.published), _ts(now),
                     int(item.teaser_only), "pending" if body_pending and item.link else "none"))
                if cur.rowcount:
                    new_ids.append(int(cur.lastrowid or 0))
            db.execute(
                """UPDATE sources SET etag = ?, last_modified = ?, content_hash = ?, last_attempt_at = ?,
                   last_success_at = ?, consecutive_failures = 0, failing_since = NULL,
                   next_poll_at = ?, items_seen = items_seen + ?, last_item_count = ?,
                   last_new_item_at = CASE WHEN ? > 0 THEN ? ELSE last_new_item_at END
                   WHERE name = ?""",
                (etag, last_modified, content_hash, _ts(now), _ts(now), _ts(next_poll_at), len(new_ids),
                 len(items), len(new_ids), _ts(now), name))
            self._resolve_health(db, name, now, kinds=None)
        return new_ids

    def record_failure(self, name: str, url: str, *, kind: str, message: str, now: datetime,
                       next_poll_at: datetime | None, report_after_seconds: float) -> None:
        """A failed poll. Opens a health event once the source has failed for long enough."""
        with self.tx() as db:
            self._ensure_source(db, name, url)
            db.execute(
                """UPDATE sources SET last_attempt_at = ?, last_error = ?, last_error_kind = ?,
                   last_error_at = ?, consecutive_failures = consecutive_failures + 1,
                   failing_since = COALESCE(failing_since, ?), next_poll_at = ? WHERE name = ?""",
                (_ts(now), message, kind, _ts(now), _ts(now), _ts(next_poll_at), name))
            since = _dt(db.execute("SELECT failing_since FROM sources WHERE name = ?",
                                   (name,)).fetchone()[0])
            if since is not None and (now - since).total_seconds() >= report_after_seconds:
                self._open_health(db, name, "failing",
                                  f"failing since {since:%Y-%m-%d %H:%M} UTC: {message}", now)

    def record_problem(self, name: str, *, kind: str, message: str, now: datetime) -> None:
        """A poll that worked but looked wrong (ill-formed feed, selectors matched nothing)."""
        with self.tx() as db:
            self._ensure_source(db, name, None)
            db.execute("UPDATE sources SET last_error = ?, last_error_kind = ?, last_error_at = ? "
                       "WHERE name = ?", (message, kind, _ts(now), name))
            if kind == "selector":
                self._open_health(db, name, kind, message, now)

    def _open_health(self, db: sqlite3.Connection, name: str, kind: str, message: str,
                     now: datetime) -> None:
        open_ = db.execute("SELECT 1 FROM health_events WHERE source = ? AND kind = ? "
                           "AND resolved_at IS NULL", (name, kind)).fetchone()
        if not open_:
            db.execute("INSERT INTO health_events (source, kind, message, created_at) VALUES (?, ?, ?, ?)",
                       (name, kind, message, _ts(now)))

    def _resolve_health(self, db: sqlite3.Connection, name: str, now: datetime,
                        kinds: Iterable[str] | None) -> None:
        db.execute("UPDATE health_events SET resolved_at = ? WHERE source = ? AND resolved_at IS NULL "
                   "AND kind = 'failing'", (_ts(now), name))

    def resolve_selector_problem(self, name: str, now: datetime) -> None:
        with self.tx() as db:
            db.execute("UPDATE health_events SET resolved_at = ? WHERE source = ? AND resolved_at IS NULL "
                       "AND kind = 'selector'", (_ts(now), name))

    def unreported_health(self, digest: str) -> list[HealthEvent]:
        rows = self.db.execute(
            """SELECT * FROM health_events e WHERE NOT EXISTS
               (SELECT 1 FROM health_reports r WHERE r.event_id = e.id AND r.digest = ?)
               AND e.resolved_at IS NULL ORDER BY e.id""", (digest,))
        return [HealthEvent(r["id"], r["source"], r["kind"], r["message"], _dt(r["created_at"]) or
                            datetime.now(UTC), _dt(r["resolved_at"])) for r in rows]

    # ---------------------------------------------------------------- articles
    def items_needing_body(self, limit: int = 1000, *, now: datetime | None = None) -> list[StoredItem]:
        """Items waiting for their article, except those whose article is backing off after
        a temporary failure (all of them when ``now`` is None)."""
        rows = self.db.execute(
            """SELECT i.* FROM items i LEFT JOIN article_retries r ON r.url = i.link
               WHERE i.body_state = 'pending' AND (r.url IS NULL OR ? IS NULL OR r.next_attempt_at <= ?)
               ORDER BY i.id LIMIT ?""", (_ts(now), _ts(now), limit))
        return [_stored_item(r) for r in rows]

    def defer_body(self, url: str, *, error: str, now: datetime, next_attempt_at: datetime) -> int:
        """Record a temporary article failure; the item stays pending. Returns the failures so far."""
        with self.tx() as db:
            db.execute(
                """INSERT INTO article_retries (url, failures, next_attempt_at, last_error)
                   VALUES (?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET failures = failures + 1,
                   next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error""",
                (url, _ts(next_attempt_at), error))
            return int(db.execute("SELECT failures FROM article_retries WHERE url = ?", (url,)).fetchone()[0])

    def body_failures(self, url: str) -> int:
        row = self.db.execute("SELECT failures FROM article_retries WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else 0

    def cached_article(self, url: str) -> tuple[str | None, str | None] | None:
        row = self.db.execute("SELECT text, error FROM articles WHERE url = ?", (url,)).fetchone()
        return (row["text"], row["error"]) if row else None

    def save_body(self, item_id: int, url: str, *, text: str | None, error: str | None,
                  now: datetime) -> None:
        """Record an article fetch (cached by URL, never refetched) and the item's body."""
        with self.tx() as db:
            db.execute("INSERT OR IGNORE INTO articles (url, fetched_at, text, error) VALUES (?, ?, ?, ?)",
                       (url, _ts(now), text, error))
            db.execute("DELETE FROM article_retries WHERE url = ?", (url,))
            if text:
                db.execute("UPDATE items SET body = ?, body_state = 'fetched', teaser_only = 0 "
                           "WHERE id = ?", (text, item_id))
            else:
                db.execute("UPDATE items SET body_state = 'failed' WHERE id = ?", (item_id,))

    # ---------------------------------------------------------------- matching
    def items_to_match(self, limit: int = 1000) -> list[StoredItem]:
        rows = self.db.execute(
            "SELECT * FROM items WHERE matched_at IS NULL AND body_state != 'pending' ORDER BY id LIMIT ?",
            (limit,))
        return [_stored_item(r) for r in rows]

    def save_matches(self, item_id: int, matches: Sequence[Match], digests: Iterable[str], *,
                     now: datetime) -> None:
        """Store an item's matches and route it to digests, in one transaction with
        marking it matched, so an item is matched (and routed) exactly once."""
        with self.tx() as db:
            done = db.execute("SELECT matched_at FROM items WHERE id = ?", (item_id,)).fetchone()
            if done is None or done[0] is not None:
                return
            db.executemany(
                """INSERT INTO matches (item_id, rule, watchlist, entry, entry_name, field, start, "end",
                   text, score, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [(item_id, m.rule, m.watchlist, m.entry, m.entry_name, m.field, m.start, m.end, m.text,
                  m.score, m.kind) for m in matches])
            db.executemany("INSERT OR IGNORE INTO routes (digest, item_id, created_at) VALUES (?, ?, ?)",
                           [(d, item_id, _ts(now)) for d in digests])
            db.execute("UPDATE items SET matched_at = ? WHERE id = ?", (_ts(now), item_id))

    def matches_for(self, item_ids: Sequence[int]) -> dict[int, list[Match]]:
        out: dict[int, list[Match]] = {i: [] for i in item_ids}
        for chunk in _chunks(item_ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT * FROM matches WHERE item_id IN ({marks}) ORDER BY id",
                                     chunk):
                out[r["item_id"]].append(Match(
                    rule=r["rule"], watchlist=r["watchlist"], entry=r["entry"], entry_name=r["entry_name"],
                    field=r["field"], start=r["start"], end=r["end"], text=r["text"], score=r["score"],
                    kind=r["kind"]))
        return out

    def items(self, item_ids: Sequence[int]) -> list[StoredItem]:
        out: list[StoredItem] = []
        for chunk in _chunks(item_ids, 500):
            marks = ",".join("?" * len(chunk))
            out += [_stored_item(r) for r in
                    self.db.execute(f"SELECT * FROM items WHERE id IN ({marks})", chunk)]
        return sorted(out, key=lambda s: s.id)

    def item(self, item_id: int) -> StoredItem | None:
        row = self.db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return _stored_item(row) if row else None

    def iter_items(self, *, since: datetime | None = None, source: str | None = None,
                   batch: int = 2000) -> Iterator[StoredItem]:
        """All stored items in id order, streamed in batches (for backtests)."""
        last = 0
        while True:
            sql = "SELECT * FROM items WHERE id > ?"
            args: list[object] = [last]
            if since is not None:
                sql += " AND seen_at >= ?"
                args.append(_ts(since))
            if source is not None:
                sql += " AND source = ?"
                args.append(source)
            rows = self.db.execute(sql + " ORDER BY id LIMIT ?", (*args, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                yield _stored_item(r)
            last = rows[-1]["id"]

    def count_items(self, *, since: datetime | None = None, source: str | None = None) -> int:
        sql, args = "SELECT COUNT(*) FROM items WHERE 1=1", []
        if since is not None:
            sql += " AND seen_at >= ?"
            args.append(_ts(since))
        if source is not None:
            sql += " AND source = ?"
            args.append(source)
        return int(self.db.execute(sql, args).fetchone()[0])

    # ---------------------------------------------------------------- digests
    def pending_routes(self, digest: str) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT item_id FROM routes WHERE digest = ? AND outbox_id IS NULL ORDER BY item_id", (digest,))]

    def last_sent(self, digest: str) -> datetime | None:
        row = self.db.execute("SELECT last_sent_at FROM digest_state WHERE digest = ?", (digest,)).fetchone()
        return _dt(row[0]) if row else None

    def enqueue_digest(self, *, digest: str, message_id: str, subject: str, message: bytes, html: str,
                       recipients: Sequence[str], item_ids: Sequence[int], health_ids: Sequence[int],
                       now: datetime) -> int | None:
        """Put a rendered digest in the outbox and claim its items, atomically.

        Returns the outbox id, or None when another process claimed the items first
        (then nothing is queued: each item goes out in one digest only)."""
        with self.tx(durable=True) as db:
            if item_ids:
                marks = ",".join("?" * len(item_ids))
                free = db.execute(
                    "SELECT COUNT(*) FROM routes WHERE digest = ? AND outbox_id IS NULL "
                    f"AND item_id IN ({marks})",
                    (digest, *item_ids)).fetchone()[0]
                if free != len(item_ids):
                    return None  # leaving the block commits an empty transaction
            cur = db.execute(
                """INSERT INTO outbox (digest, message_id, created_at, subject, message, html, remaining,
                   next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (digest, message_id, _ts(now), subject, message, html, json.dumps(list(recipients)),
                 _ts(now)))
            outbox_id = int(cur.lastrowid or 0)
            for chunk in _chunks(item_ids, 500):
                marks = ",".join("?" * len(chunk))
                db.execute(f"UPDATE routes SET outbox_id = ? WHERE digest = ? AND item_id IN ({marks})",
                           (outbox_id, digest, *chunk))
            db.executemany("INSERT OR IGNORE INTO health_reports (event_id, digest, outbox_id) "
                           "VALUES (?, ?, ?)",
                           [(h, digest, outbox_id) for h in health_ids])
            db.execute("INSERT INTO digest_state (digest, last_sent_at) VALUES (?, ?) "
                       "ON CONFLICT (digest) DO UPDATE SET last_sent_at = excluded.last_sent_at",
                       (digest, _ts(now)))
        return outbox_id

    def mark_digest_run(self, digest: str, now: datetime) -> None:
        """A scheduled run that found nothing to send still counts as a run."""
        with self.tx() as db:
            db.execute("INSERT INTO digest_state (digest, last_sent_at) VALUES (?, ?) "
                       "ON CONFLICT (digest) DO UPDATE SET last_sent_at = excluded.last_sent_at",
                       (digest, _ts(now)))

    def due_outbox(self, now: datetime | None) -> list[OutboxMessage]:
        """Pending outbox messages whose next attempt is due (all pending when now is None)."""
        if now is None:
            rows = self.db.execute("SELECT * FROM outbox WHERE status = 'pending' ORDER BY id")
        else:
            rows = self.db.execute("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                                   "ORDER BY id", (_ts(now),))
        return [_outbox(r) for r in rows]

    def outbox(self, *, limit: int = 50) -> list[OutboxMessage]:
        return [_outbox(r) for r in
                self.db.execute("SELECT * FROM outbox ORDER BY id DESC LIMIT ?", (limit,))]

    def record_delivery(self, outbox_id: int, *, accepted: Sequence[str], rejected: dict[str, str],
                        temporary_error: str | None, now: datetime, next_attempt_at: datetime | None,
                        give_up: bool = False) -> None:
        """Record one send attempt. Accepted recipients leave ``remaining`` for good, so a retry
        goes only to those that have not accepted the message yet."""
        with self.tx(durable=True) as db:
            row = db.execute("SELECT * FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
            if row is None or row["status"] != "pending":
                return
            remaining = [r for r in json.loads(row["remaining"]) if r not in accepted and r not in rejected]
            already = json.loads(row["delivered"])  # a list: compare addresses, not JSON text
            delivered = already + [a for a in dict.fromkeys(accepted) if a not in already]
            all_rejected = {**json.loads(row["rejected"]), **rejected}
            if not remaining:
                status = "sent"
            elif give_up:
                status = "failed"
            else:
                status = "pending"
            db.execute(
                """UPDATE outbox SET remaining = ?, delivered = ?, rejected = ?, status = ?,
                   attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                   sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?""",
                (json.dumps(remaining), json.dumps(delivered), json.dumps(all_rejected), status,
                 _ts(next_attempt_at or now), temporary_error, status, _ts(now), outbox_id))


def _chunks(seq: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _source_state(r: sqlite3.Row) -> SourceState:
    return SourceState(
        name=r["name"], url=r["url"], etag=r["etag"], last_modified=r["last_modified"],
        content_hash=r["content_hash"], last_attempt_at=_dt(r["last_attempt_at"]),
        last_success_at=_dt(r["last_success_at"]), last_error=r["last_error"],
        last_error_kind=r["last_error_kind"], last_error_at=_dt(r["last_error_at"]),
        consecutive_failures=r["consecutive_failures"], failing_since=_dt(r["failing_since"]),
        next_poll_at=_dt(r["next_poll_at"]), items_seen=r["items_seen"],
        last_item_count=r["last_item_count"], last_new_item_at=_dt(r["last_new_item_at"]))


def _stored_item(r: sqlite3.Row) -> StoredItem:
    item = Item(source=r["source"], key=r["key"], title=r["title"], link=r["link"], body=r["body"],
                published=_dt(r["published_at"]), teaser_only=bool(r["teaser_only"]))
    return StoredItem(id=r["id"], item=item, seen_at=_dt(r["seen_at"]) or datetime.now(UTC))


def _outbox(r: sqlite3.Row) -> OutboxMessage:
    return OutboxMessage(
        id=r["id"], digest=r["digest"], message_id=r["message_id"],
        created_at=_dt(r["created_at"]) or datetime.now(UTC), subject=r["subject"],
        message=bytes(r["message"]), html=r["html"], remaining=tuple(json.loads(r["remaining"])),
        delivered=tuple(json.loads(r["delivered"])), rejected=json.loads(r["rejected"]),
        status=r["status"], attempts=r["attempts"],
        next_attempt_at=_dt(r["next_attempt_at"]) or datetime.now(UTC), last_error=r["last_error"],
        sent_at=_dt(r["sent_at"]))
