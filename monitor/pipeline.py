"""The update and delivery pipeline, written out once::

    config.toml ─► Settings (config.py)        rules/*.toml ─► RuleSet (matching/load.py) ─► Matcher
    poll:     due sources (Store) ─► Fetcher.get, conditional GET (fetch.py)
              ─► unchanged body (304 or same sha256)? stop: nothing is parsed
              ─► parse_feed / parse_listing (sources/, pure) ─► Store.add_items (each item new once)
    bodies:   items of fetch_body sources ─► Fetcher.get(article) ─► extract_article (pure)
              ─► Store.save_body (cached by URL, never refetched; a timeout or 5xx is retried)
    match:    Store.items_to_match ─► Matcher.match (pure) ─► routes_for (pure)
              ─► Store.save_matches (matches + routes + matched mark, one transaction)
    digest:   due digests (notify/schedule.py, pure) ─► Store.pending_routes ─► DigestView
              ─► render_digest + build_message (pure) ─► Store.enqueue_digest (outbox; claims the routes)
    deliver:  Store.due_outbox ─► send_smtp or write_to_folder ─► Store.record_delivery

Each step reads its input from the store and writes its output there, so a
crash between two steps loses nothing: the next run resumes at the step that
was interrupted. Failures of one source or one message become results; the
run goes on.
"""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from monitor.config import DigestSettings, Settings, SourceSettings
from monitor.errors import DeliveryError, FetchError
from monitor.fetch import Fetcher, FetchSettings, content_digest
from monitor.matching.engine import Matcher
from monitor.model import DigestEntry, Match, SourceHealthNote
from monitor.notify.filedrop import write_to_folder
from monitor.notify.message import build_message, make_message_id
from monitor.notify.render import RenderedDigest, render_digest
from monitor.notify.schedule import is_due
from monitor.notify.smtp import SendOutcome, SmtpSettings, send_smtp
from monitor.notify.viewmodel import DigestView
from monitor.sources import ParsedSource
from monitor.sources.article import extract_article
from monitor.sources.feed import parse_feed
from monitor.sources.page import parse_listing
from monitor.store import OutboxMessage, Store

log = logging.getLogger("monitor")

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Service:
    """What every pipeline step needs. ``matcher`` is swapped whole on reload."""

    settings: Settings
    store: Store
    matcher: Matcher
    clock: Clock = utcnow
    # article URLs being fetched now: poll jobs run concurrently and would fetch (and count
    # a failure of) the same article several times over
    bodies_in_flight: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class PollOutcome:
    source: str
    ok: bool
    new_items: int = 0
    not_modified: bool = False
    error_kind: str | None = None
    error: str | None = None
    warning: str | None = None


@dataclass
class RunReport:
    polls: list[PollOutcome] = field(default_factory=list)
    bodies: int = 0
    matched_items: int = 0
    queued: list[str] = field(default_factory=list)
    delivered: int = 0
    delivery_errors: list[str] = field(default_factory=list)


def fetch_settings(settings: Settings) -> FetchSettings:
    p = settings.poll
    return FetchSettings(user_agent=p.user_agent, connect_timeout=p.connect_timeout, total_timeout=p.timeout,
                         max_bytes=p.max_bytes, max_redirects=p.max_redirects,
                         per_host_concurrency=p.per_host_concurrency, per_host_delay=p.per_host_delay,
                         total_concurrency=p.concurrency)


# ------------------------------------------------------------------------- poll
def backoff(interval: timedelta, failures: int, cap: timedelta, retry_after: float | None,
            rng: random.Random | None = None) -> timedelta:
    """Exponential back-off with jitter for a failing source; Retry-After wins when longer."""
    base = min(interval.total_seconds() * (2 ** max(0, failures - 1)), cap.total_seconds())
    jittered = base * (rng or random).uniform(0.8, 1.2)
    return timedelta(seconds=max(jittered, retry_after or 0.0))


def is_poll_due(svc: Service, source: SourceSettings, now: datetime) -> bool:
    state = svc.store.source_state(source.name)
    return state.next_poll_at is None or state.next_poll_at <= now


def parse(source: SourceSettings, content: bytes, url: str, headers: dict[str, str]) -> ParsedSource:
    if source.kind == "page" and source.page is not None:
        return parse_listing(content, url=url, source=source.name, spec=source.page, headers=headers)
    return parse_feed(content, url=url, source=source.name, headers=headers)


async def poll_source(svc: Service, fetcher: Fetcher, source: SourceSettings) -> PollOutcome:
    """Fetch and parse one source and store its new items. Never raises for a source's fault."""
    store, name = svc.store, source.name
    state = store.source_state(name)
    interval = svc.settings.interval_of(source)
    try:
        response = await fetcher.get(source.url, etag=state.etag, last_modified=state.last_modified,
                                     headers=source.headers, user_agent=source.user_agent)
    except FetchError as exc:
        now = svc.clock()
        retry_after = getattr(exc, "retry_after", None)
        wait = backoff(interval, state.consecutive_failures + 1, svc.settings.poll.backoff_max, retry_after)
        store.record_failure(name, source.url, kind=exc.kind, message=str(exc), now=now,
                             next_poll_at=now + wait,
                             report_after_seconds=svc.settings.poll.report_failing_after.total_seconds())
        log.warning("source %r: %s error: %s (next try in %s)", name, exc.kind, exc, _short(wait))
        return PollOutcome(name, ok=False, error_kind=exc.kind, error=str(exc))
    now = svc.clock()
    digest = content_digest(response.content) if not response.not_modified else state.content_hash
    if response.not_modified or digest == state.content_hash:
        # Unchanged: nothing to parse (a 304, or the same bytes without validators).
        store.record_not_modified(name, source.url, now=now, next_poll_at=now + interval)
        return PollOutcome(name, ok=True, not_modified=True)
    parsed = parse(source, response.content, response.url, dict(response.headers))
    new_ids = store.add_items(name, source.url, parsed.items, now=now, etag=response.etag,
                              last_modified=response.last_modified, content_hash=digest,
                              next_poll_at=now + interval, body_pending=source.fetch_body)
    if parsed.problem:
        store.record_problem(name, kind=parsed.problem_kind or "parse", message=parsed.problem, now=now)
        log.warning("source %r: %s", name, parsed.problem)
    elif source.kind == "page":
        store.resolve_selector_problem(name, now)
    return PollOutcome(name, ok=True, new_items=len(new_ids), warning=parsed.problem)


async def poll_sources(svc: Service, fetcher: Fetcher, sources: Iterable[SourceSettings], *,
                       force: bool = False) -> list[PollOutcome]:
    now = svc.clock()
    due = [s for s in sources if s.enabled and (force or is_poll_due(svc, s, now))]
    return list(await asyncio.gather(*(poll_source(svc, fetcher, s) for s in due)))


# Temporary failures of one article before its item is matched on the listing's teaser alone,
# and the spacing of the attempts: the item's alert waits meanwhile, ~20 minutes at most.
BODY_ATTEMPTS = 8
BODY_RETRY_BASE = timedelta(seconds=30)
BODY_RETRY_MAX = timedelta(minutes=5)


def temporary_failure(exc: FetchError) -> bool:
    """A fetch failure that may pass (the site is down or slow), so fetching again can help."""
    if exc.kind == "http":
        return exc.status is None or exc.status >= 500 or exc.status in (408, 425, 429)
    return exc.kind in ("timeout", "connect", "dns", "tls", "protocol")


async def fetch_bodies(svc: Service, fetcher: Fetcher, *, limit: int = 500) -> int:
    """Fetch the article page of each new item of a fetch_body source, once per URL.

    A temporary failure (timeout, 5xx, …) is retried with back-off, the item staying
    unmatched meanwhile: an item whose watch-list name is only in the article would
    otherwise be matched on its teaser and never alert."""
    pending, claimed = [], set()
    for stored in svc.store.items_needing_body(limit, now=svc.clock()):
        url = stored.item.link
        if url and url not in svc.bodies_in_flight and url not in claimed:
            claimed.add(url)
            pending.append(stored)
    svc.bodies_in_flight |= claimed  # before the first await: a concurrent call skips these

    async def one(stored_id: int, url: str, source_name: str) -> None:
        cached = svc.store.cached_article(url)
        if cached is not None:
            svc.store.save_body(stored_id, url, text=cached[0], error=cached[1], now=svc.clock())
            return
        source = svc.settings.source(source_name)
        try:
            response = await fetcher.get(url, headers=source.headers if source else None,
                                         user_agent=source.user_agent if source else None)
            text = extract_article(response.content, url=response.url, headers=dict(response.headers))
            error = None if text else "no article text found"
        except FetchError as exc:
            text, error = None, f"{exc.kind}: {exc}"
            failures = svc.store.body_failures(url) + 1
            if temporary_failure(exc) and failures < BODY_ATTEMPTS:
                interval = min(svc.settings.interval_of(source) if source else svc.settings.poll.interval,
                               BODY_RETRY_BASE)
                cap = min(svc.settings.poll.backoff_max, BODY_RETRY_MAX)
                wait = backoff(interval, failures, cap, exc.retry_after)
                now = svc.clock()
                svc.store.defer_body(url, error=error, now=now, next_attempt_at=now + wait)
                log.warning("article %s: %s (attempt %d of %d; next in %s)", url, error, failures,
                            BODY_ATTEMPTS, _short(wait))
                return
            log.warning("article %s: %s", url, error)
        svc.store.save_body(stored_id, url, text=text or None, error=error, now=svc.clock())

    try:
        await asyncio.gather(*(one(s.id, s.item.link, s.item.source) for s in pending if s.item.link))
    finally:
        svc.bodies_in_flight -= claimed
    return len(pending)


# ------------------------------------------------------------------------ match
def routes_for(matches: Sequence[Match], digests: Sequence[DigestSettings]) -> list[str]:
    """The digests an item goes to: each that any of its fired rules is routed to."""
    rules = {m.rule for m in matches}
    return [d.name for d in digests if any(d.routes(r) for r in rules)]


def match_new(svc: Service, *, batch: int = 1000) -> int:
    """Match every stored item not matched yet; returns how many items matched a rule."""
    hits = 0
    while True:
        items = svc.store.items_to_match(batch)
        if not items:
            return hits
        matcher = svc.matcher  # one consistent rule set per batch, even across a reload
        for stored in items:
            matches = matcher.match(stored.item.fields())
            hits += bool(matches)
            svc.store.save_matches(stored.id, matches, routes_for(matches, svc.settings.digests),
                                   now=svc.clock())


# ----------------------------------------------------------------------- digest
def digest_view(svc: Service, digest: DigestSettings, item_ids: Sequence[int],
                health: Sequence[SourceHealthNote], now: datetime) -> DigestView:
    items = svc.store.items(item_ids)
    matches = svc.store.matches_for(item_ids)
    entries = []
    for stored in items:
        routed = tuple(m for m in matches[stored.id] if digest.routes(m.rule))
        # an item routed before the digest's rules changed still goes out, with all its matches
        entries.append(DigestEntry(item=stored, matches=routed or tuple(matches[stored.id])))
    return DigestView(name=digest.name, generated_at=now, timezone=digest.timezone, entries=entries,
                      health=health, max_items=digest.max_items)


def render(svc: Service, view: DigestView) -> RenderedDigest:
    return render_digest(view, template_dir=svc.settings.templates)


@dataclass(frozen=True)
class DigestDraft:
    """A digest as it would go out now, before it is queued (and so before it claims anything)."""

    item_ids: list[int]
    health_ids: list[int]
    rendered: RenderedDigest


def draft_digest(svc: Service, digest: DigestSettings, now: datetime) -> DigestDraft | None:
    """Render what ``digest`` would say now; None when it has nothing to say. Reads the store only,
    so ``monitor digest preview`` shows exactly what queue_digest would send."""
    item_ids = svc.store.pending_routes(digest.name)
    events = svc.store.unreported_health(digest.name)
    if not item_ids and not events and not digest.send_empty:
        return None
    notes = [SourceHealthNote(e.source, e.message) for e in events]
    rendered = render(svc, digest_view(svc, digest, item_ids, notes, now))
    return DigestDraft(item_ids, [e.id for e in events], rendered)


def queue_digest(svc: Service, digest: DigestSettings, *, force: bool = False) -> int | None:
    """Render and queue one digest if it is due and has something to say; returns the outbox id."""
    now = svc.clock()
    scheduled = digest.schedule.kind != "immediate"
    if not force:
        last_sent = svc.store.last_sent(digest.name)
        if last_sent is None and scheduled:
            # A new scheduled digest starts counting now: its first mail goes out at the first
            # scheduled time (a "daily 07:00" reader expects 07:00, not whenever the daemon started).
            svc.store.mark_digest_run(digest.name, now)
            return None
        if not is_due(digest.schedule, last_sent=last_sent, now=now):
            return None
    draft = draft_digest(svc, digest, now)
    if draft is None:
        if scheduled and not force:
            # the 07:00 run with nothing to say still happened: an item at 08:00 waits for
            # tomorrow's 07:00 instead of going out at once as a late "daily" digest
            svc.store.mark_digest_run(digest.name, now)
        return None
    item_ids, rendered = draft.item_ids, draft.rendered
    domain = svc.settings.mail.sender.rpartition("@")[2] or "localhost"
    message_id = make_message_id(domain, f"{now:%Y%m%d%H%M%S}.{secrets.token_hex(8)}")
    message = build_message(rendered, sender=svc.settings.mail.sender, to=digest.to, message_id=message_id,
                            date=now)
    outbox_id = svc.store.enqueue_digest(
        digest=digest.name, message_id=message_id, subject=rendered.subject,
        message=message.as_bytes(policy=policy.SMTP), html=rendered.html, recipients=digest.to,
        item_ids=item_ids, health_ids=draft.health_ids, now=now)
    if outbox_id is not None:
        log.info("digest %r queued: %s", digest.name, rendered.subject)
    return outbox_id


def queue_digests(svc: Service, *, force: bool = False) -> list[str]:
    return [d.name for d in svc.settings.digests if queue_digest(svc, d, force=force) is not None]


# ---------------------------------------------------------------------- deliver
def smtp_settings(svc: Service) -> SmtpSettings:
    m = svc.settings.mail
    return SmtpSettings(host=m.host, port=m.port, security=m.security, username=m.username,
                        password=m.password(), timeout=m.timeout, verify_tls=m.verify_tls,
                        ca_file=str(m.ca_file) if m.ca_file else None)


def outbox_stem(msg: OutboxMessage) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in msg.digest)[:40] or "digest"
    return f"{msg.created_at:%Y%m%d-%H%M%S}-{safe}-{msg.id}"


def parse_stored(msg: OutboxMessage) -> EmailMessage:
    parsed = message_from_bytes(msg.message, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def retry_delay(svc: Service, attempts: int) -> timedelta:
    m = svc.settings.mail
    base = min(m.retry_base.total_seconds() * 2 ** attempts, m.retry_max.total_seconds())
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


async def deliver(svc: Service, msg: OutboxMessage) -> str | None:
    """One delivery attempt of one outbox message; returns an error text or None."""
    mail = svc.settings.mail
    if mail.transport == "file":
        rendered = RenderedDigest(subject=msg.subject, text="", html=msg.html)
        path = write_to_folder(parse_stored(msg), rendered, mail.dir, stem=outbox_stem(msg))
        svc.store.record_delivery(msg.id, accepted=msg.remaining, rejected={}, temporary_error=None,
                                  now=svc.clock(), next_attempt_at=None)
        log.info("digest %r written to %s", msg.digest, path)
        return None
    give_up = msg.attempts + 1 >= mail.max_attempts
    recorded: list[SendOutcome] = []

    def record(outcome: SendOutcome) -> None:
        # called between the server's answer to DATA and QUIT: the window in which a kill
        # sends the message twice is this one commit, not a network round trip
        now = svc.clock()
        temp = "; ".join(f"{r}: {t}" for r, t in outcome.temporary.items()) or None
        svc.store.record_delivery(msg.id, accepted=outcome.accepted, rejected=outcome.rejected,
                                  temporary_error=temp, now=now,
                                  next_attempt_at=now + retry_delay(svc, msg.attempts), give_up=give_up)
        recorded.append(outcome)

    try:
        outcome = await send_smtp(parse_stored(msg), msg.remaining, smtp_settings(svc), on_accepted=record)
    except DeliveryError as exc:
        now = svc.clock()
        svc.store.record_delivery(msg.id, accepted=(), rejected={}, temporary_error=str(exc), now=now,
                                  next_attempt_at=now + retry_delay(svc, msg.attempts), give_up=give_up)
        log.warning("digest %r (%s): %s delivery failed: %s", msg.digest, msg.message_id,
                    "permanent" if exc.permanent else "temporary", exc)
        return str(exc)
    if not recorded:  # nothing was sent (no recipients left)
        record(outcome)
    temp = "; ".join(f"{r}: {t}" for r, t in outcome.temporary.items()) or None
    for rcpt, reply in outcome.rejected.items():
        log.error("digest %r: recipient %s rejected permanently: %s", msg.digest, rcpt, reply)
    if outcome.accepted:
        log.info("digest %r (%s) accepted for %s", msg.digest, msg.message_id, ", ".join(outcome.accepted))
    return temp


async def flush_outbox(svc: Service, *, force: bool = False,
                       stop: Callable[[], bool] | None = None) -> tuple[int, list[str]]:
    """Attempt every due outbox message (every pending one when forced); ``stop`` is
    checked between messages so a shutdown waits for one delivery, not a backlog."""
    delivered, errors = 0, []
    for msg in svc.store.due_outbox(None if force else svc.clock()):
        if stop is not None and stop():
            break
        error = await deliver(svc, msg)
        if error is None:
            delivered += 1
        else:
            errors.append(f"{msg.digest}: {error}")
    return delivered, errors


# --------------------------------------------------------------------- one run
async def run_once(svc: Service, *, fetcher: Fetcher | None = None) -> RunReport:
    """Poll every source once, match, and deliver every pending match now."""
    report = RunReport()
    async with Fetcher(fetch_settings(svc.settings)) if fetcher is None else _borrowed(fetcher) as f:
        report.polls = await poll_sources(svc, f, svc.settings.sources, force=True)
        report.bodies = await fetch_bodies(svc, f)
    report.matched_items = match_new(svc)
    report.queued = queue_digests(svc, force=True)
    report.delivered, report.delivery_errors = await flush_outbox(svc, force=True)
    return report


class _borrowed:
    """Use a caller's Fetcher in an ``async with`` without closing it."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    async def __aenter__(self) -> Fetcher:
        return self.fetcher

    async def __aexit__(self, *exc: object) -> None:
        return None


def _short(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def open_store(settings: Settings) -> Store:
    return Store(Path(settings.store_path))
