"""The only place that talks SMTP.

Outcome contract: per-recipient refusals are *results* (a 550 for one address
does not stop the others); a failure of the whole attempt is a DeliveryError
whose ``permanent`` says whether retrying the same message can help.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr

import aiosmtplib

from monitor.errors import DeliveryError

SECURITY = ("none", "starttls", "tls")
QUIT_TIMEOUT = 2.0  # seconds; the message is accepted (and recorded) before QUIT


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 587
    security: str = "starttls"  # none | starttls | tls
    username: str | None = None
    password: str | None = field(default=None, repr=False)  # the caller reads it from env/file
    timeout: float = 30.0
    verify_tls: bool = True
    ca_file: str | None = None  # extra trust anchors, e.g. a private CA


@dataclass(frozen=True)
class SendOutcome:
    accepted: tuple[str, ...]
    rejected: dict[str, str]  # permanent (5xx) per-recipient refusals
    temporary: dict[str, str]  # temporary (4xx) per-recipient refusals: retry these


async def send_smtp(
    message: EmailMessage,
    recipients: Sequence[str],
    settings: SmtpSettings,
    *,
    envelope_from: str | None = None,
    on_accepted: Callable[[SendOutcome], None] | None = None,
) -> SendOutcome:
    """Send ``message`` to ``recipients`` (the envelope, not the To header).

    The envelope sender defaults to the address in the From header. ``on_accepted`` is
    called with the outcome as soon as the server has answered DATA, before QUIT: the
    caller records the delivery there, so a crash or a stop while the server takes its
    time over QUIT (or never answers it) cannot make the message go out again.
    """
    if settings.security not in SECURITY:
        raise ValueError(f"smtp security must be one of {SECURITY}, got {settings.security!r}")
    if not recipients:
        return SendOutcome((), {}, {})
    sender = envelope_from or parseaddr(str(message.get("From", "")))[1]
    client = aiosmtplib.SMTP(
        hostname=settings.host,
        port=settings.port,
        username=settings.username,
        password=settings.password,
        timeout=settings.timeout,
        use_tls=settings.security == "tls",
        start_tls=settings.security == "starttls",  # required when asked, never opportunistic
        validate_certs=settings.verify_tls,
        cert_bundle=settings.ca_file,
    )
    try:
        async with client:
            try:
                errors, _ = await client.send_message(
                    message, sender=sender, recipients=list(recipients)
                )
            except aiosmtplib.SMTPRecipientsRefused as exc:  # every recipient refused
                errors = {
                    r.recipient: aiosmtplib.SMTPResponse(r.code, r.message)
                    for r in exc.recipients
                }
            outcome = _outcome(recipients, errors)
            if on_accepted is not None:
                on_accepted(outcome)
            # Nothing is at stake any more: a server slow to say goodbye is not waited for.
            with contextlib.suppress(Exception):
                await client.quit(timeout=min(settings.timeout, QUIT_TIMEOUT))
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        # only transport failures become delivery results; a bug (or a failure to
        # record the delivery in on_accepted) must surface, not be retried as "SMTP down"
        raise classify(exc, settings) from exc
    return outcome


def _outcome(
    recipients: Sequence[str], errors: dict[str, aiosmtplib.SMTPResponse]
) -> SendOutcome:
    rejected: dict[str, str] = {}
    temporary: dict[str, str] = {}
    for rcpt, reply in errors.items():
        text = f"{reply.code} {reply.message}".strip()
        (rejected if 500 <= reply.code < 600 else temporary)[rcpt] = text
    accepted = tuple(r for r in dict.fromkeys(recipients) if r not in errors)
    return SendOutcome(accepted, rejected, temporary)


def classify(exc: BaseException, settings: SmtpSettings) -> DeliveryError:
    """Map a failure of the whole attempt to DeliveryError(permanent=...)."""
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        return DeliveryError(
            f"SMTP AUTH rejected by {where}: {exc.code} {exc.message}",
            permanent=exc.code >= 500,
        )
    if isinstance(exc, aiosmtplib.SMTPNotSupported):
        # e.g. STARTTLS not offered: could be a stripping attack or a server
        # being reconfigured, so retry (bounded by the outbox) rather than drop
        return DeliveryError(f"SMTP server {where}: {exc}", permanent=False)
    if isinstance(exc, aiosmtplib.SMTPResponseException) and not isinstance(
        exc, aiosmtplib.SMTPServerDisconnected
    ):
        stage = type(exc).__name__.removeprefix("SMTP").removesuffix("Error")
        return DeliveryError(
            f"SMTP {stage} failed at {where}: {exc.code} {exc.message}",
            permanent=500 <= exc.code < 600,
        )
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return DeliveryError(f"TLS with {where} failed: {exc}", permanent=False)
    if isinstance(exc, aiosmtplib.SMTPException | OSError | TimeoutError):
        return DeliveryError(f"SMTP connection to {where} failed: {exc}", permanent=False)
    return DeliveryError(f"SMTP delivery via {where} failed: {exc!r}", permanent=False)
