"""``monitor digest preview`` and ``monitor digest test``: look at a digest, check the mail settings.

Neither touches the outbox. A preview renders what the pipeline would queue now
(pipeline.draft_digest, the same code queue_digest uses) and claims nothing; a
test sends the bundled sample digest straight through the configured transport,
so a wrong host, password or certificate shows at once instead of as retries in
``monitor outbox`` hours later.
"""

from __future__ import annotations

import asyncio
import secrets
import ssl
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from monitor.config import DigestSettings, Settings
from monitor.errors import DeliveryError
from monitor.fetch import _causes  # the exception chain, as fetch classifies it
from monitor.matching.engine import Matcher
from monitor.matching.ruleset import RuleSet
from monitor.notify.filedrop import write_to_folder
from monitor.notify.message import build_message, make_message_id
from monitor.notify.render import RenderedDigest
from monitor.notify.sample import sample_view
from monitor.notify.schedule import next_due, parse_schedule
from monitor.notify.smtp import send_smtp
from monitor.pipeline import Service, draft_digest, render, smtp_settings
from monitor.store import Store

SAMPLE_LABEL = "SAMPLE, invented items"


def pick_digest(settings: Settings, name: str | None) -> DigestSettings | None:
    """The named digest (default: the first); prints why there is none."""
    if not settings.digests:
        print(f"error: {settings.path} defines no [[digests]]", file=sys.stderr)
        return None
    if name is None:
        return settings.digests[0]
    digest = settings.digest(name)
    if digest is None:
        names = ", ".join(d.name for d in settings.digests)
        print(f"error: no digest named {name!r} in {settings.path} (digests: {names})", file=sys.stderr)
    return digest


def _service(settings: Settings, store: Store) -> Service:
    # Previews and tests match nothing: an empty matcher spares loading (and failing on) rule files.
    return Service(settings=settings, store=store, matcher=Matcher.build(RuleSet()))


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:40] or "digest"


def _sample(svc: Service, digest: DigestSettings, now: datetime) -> RenderedDigest:
    view = sample_view(now, name=f"{digest.name} ({SAMPLE_LABEL})", timezone=digest.timezone,
                       max_items=digest.max_items)
    return render(svc, view)


# ---------------------------------------------------------------------- preview
def digest_preview(settings: Settings, digest_name: str | None, out_path: Path | None) -> int:
    """Write what ``digest`` would send now to an .html file and print its path.

    Nothing pending: says so and renders the sample digest instead, labelled as
    a sample in its heading and file name, so the layout can still be checked."""
    digest = pick_digest(settings, digest_name)
    if digest is None:
        return 2
    now = datetime.now(UTC)
    # A store that does not exist yet has nothing pending; do not create it just to look.
    with Store(settings.store_path) if settings.store_path.exists() else _empty_store() as store:
        svc = _service(settings, store)
        draft = draft_digest(svc, digest, now)
        last_sent = store.last_sent(digest.name)
        if last_sent is None and digest.schedule.kind != "immediate":
            last_sent = now  # a new scheduled digest waits for its first scheduled time (queue_digest)
        due = next_due(digest.schedule, last_sent=last_sent, now=now)
        rendered = draft.rendered if draft is not None else _sample(svc, digest, now)
    default_name = f"preview-{_stem(digest.name)}{'' if draft else '-sample'}.html"
    path = out_path or settings.store_path.parent / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(rendered.html, encoding="utf-8")
    head = f"digest {digest.name!r} ({digest.schedule_text}, {digest.timezone})"
    if draft is None:
        print(f"{head}: nothing pending, so nothing would be sent now. Rendered the SAMPLE digest "
              "(invented items) instead, to show the layout:")
    else:
        when = max(due, now).astimezone(digest.schedule.zone)
        print(f"{head}: {len(draft.item_ids)} pending item(s), {len(draft.health_ids)} source health "
              f"note(s); due {when:%Y-%m-%d %H:%M %Z}; nothing was marked sent")
        print(f"subject: {rendered.subject}")
    print(path)
    return 0


def _empty_store() -> Store:
    """A throw-away store, for a preview before the first run created the real one."""
    return Store(Path(":memory:"))


# ------------------------------------------------------------------------- test
def digest_test(settings: Settings, digest_name: str | None, to_list: Sequence[str] | None) -> int:
    """Send the sample digest now through the configured transport; 0 when every recipient took it."""
    if settings.digests or digest_name is not None or not to_list:
        digest = pick_digest(settings, digest_name)
        if digest is None:
            return 2
    else:  # no [[digests]] yet, but --to says where: mail settings can be checked before digests exist
        digest = DigestSettings(name="test", to=tuple(to_list), schedule=parse_schedule("immediate"),
                                schedule_text="immediate")
    recipients = tuple(to_list) if to_list else digest.to
    mail = settings.mail
    now = datetime.now(UTC)
    with _empty_store() as store:
        svc = _service(settings, store)
        rendered = _sample(svc, replace(digest, name=f"test of {digest.name}"), now)
    domain = mail.sender.rpartition("@")[2] or "localhost"
    message_id = make_message_id(domain, f"test.{now:%Y%m%d%H%M%S}.{secrets.token_hex(6)}")
    message = build_message(rendered, sender=mail.sender, to=recipients, message_id=message_id, date=now)
    if mail.transport == "file":
        return _test_file(settings, message, rendered, digest.name, now)
    return _test_smtp(svc, message, recipients)


def _test_file(settings: Settings, message: EmailMessage, rendered: RenderedDigest, name: str,
               now: datetime) -> int:
    folder = settings.mail.dir
    try:
        eml = write_to_folder(message, rendered, folder, stem=f"test-{now:%Y%m%d-%H%M%S}-{_stem(name)}")
    except OSError as exc:
        print(f"FAILED: cannot write to {folder}: {exc} (check [mail] dir)", file=sys.stderr)
        return 1
    print(f"OK: [mail] transport is \"file\": the test digest was written to {eml.with_suffix('.html')} "
          f"and {eml}")
    return 0


def _test_smtp(svc: Service, message: EmailMessage, recipients: Sequence[str]) -> int:
    mail = svc.settings.mail
    where = f"{mail.host}:{mail.port} ({mail.security})"
    if mail.username and not mail.password():
        source = f"file {mail.password_file}" if mail.password_file else f"${mail.password_env}"
        print(f"warning: [mail] username is set but no password was found in {source}", file=sys.stderr)
    try:
        outcome = asyncio.run(send_smtp(message, recipients, smtp_settings(svc)))
    except DeliveryError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        print(f"hint: {failure_hint(exc, svc)}", file=sys.stderr)
        return 1
    for rcpt, reply in {**outcome.rejected, **outcome.temporary}.items():
        kind = "refused" if rcpt in outcome.rejected else "temporarily refused (4xx)"
        print(f"FAILED: recipient {rcpt} {kind} by {where}: {reply}", file=sys.stderr)
    if outcome.accepted:
        print(f"OK: {where} accepted the test digest for {', '.join(outcome.accepted)}")
    return 0 if not outcome.rejected and not outcome.temporary else 1


def failure_hint(exc: DeliveryError, svc: Service) -> str:
    """What to check in config.toml for a failed attempt, from the underlying causes."""
    mail = svc.settings.mail
    causes = _causes(exc)

    def caused_by(*kinds: type[BaseException]) -> bool:
        return any(isinstance(c, kinds) for c in causes)

    if caused_by(aiosmtplib.SMTPAuthenticationError):
        source = f"the file {mail.password_file}" if mail.password_file else f"${mail.password_env}"
        return (f"authentication failed: check [mail] username ({mail.username!r}) and the password "
                f"in {source}")
    if caused_by(aiosmtplib.SMTPNotSupported):
        return "the server does not offer what [mail] security asks for (STARTTLS or AUTH)"
    # aiosmtplib wraps a failed handshake in SMTPConnectError: look for the SSL error beneath
    if caused_by(ssl.SSLError, ssl.CertificateError):
        return ("TLS failed: check [mail] security (\"tls\" for port 465, \"starttls\" for 587), and "
                "ca_file for a private CA")
    if caused_by(ConnectionRefusedError) or "Connect call failed" in str(exc):
        return f"nothing accepts connections at {mail.host}:{mail.port}: check [mail] host and port"
    if caused_by(TimeoutError, aiosmtplib.SMTPTimeoutError):
        return (f"no answer from {mail.host}:{mail.port} within {mail.timeout:g}s: "
                "a firewall, or the wrong port")
    if caused_by(aiosmtplib.SMTPConnectError, OSError):
        return f"cannot reach {mail.host}:{mail.port}: check [mail] host and port"
    return "check the [mail] settings with the server's administrator"

