"""Build the RFC 5322 message for a rendered digest. Pure."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from monitor.notify.render import RenderedDigest

_SAFE_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")
_DOMAIN = re.compile(r"[A-Za-z0-9.-]{1,253}")
_LINEBREAKS = re.compile(r"[\r\n\x00\x0b\x0c\x85\u2028\u2029]+")
MAX_SUBJECT = 200  # long enough to say what is inside, short enough for list views


def build_message(
    rendered: RenderedDigest,
    *,
    sender: str,
    to: Sequence[str],
    message_id: str,
    date: datetime,
) -> EmailMessage:
    """multipart/alternative (text, then HTML). Header values have line breaks
    flattened, so feed text in a subject can never start a new header."""
    if date.tzinfo is None:
        raise ValueError("date must be timezone-aware")
    if not to:
        raise ValueError("at least one recipient is needed")
    msg = EmailMessage()
    msg["Subject"] = header_value(rendered.subject)[:MAX_SUBJECT]
    msg["From"] = _address(sender)
    msg["To"] = ", ".join(_address(a) for a in to)
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = _address(message_id)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return msg


def make_message_id(domain: str, token: str) -> str:
    """``<monitor.TOKEN@domain>``, the same for the same token, so a resend of
    one outbox row carries the same Message-ID and clients can drop the copy."""
    if not _DOMAIN.fullmatch(domain):
        raise ValueError(f"bad Message-ID domain {domain!r}")
    if not _SAFE_TOKEN.fullmatch(token):
        token = hashlib.sha256(token.encode("utf-8")).hexdigest()[:40]
    return f"<monitor.{token}@{domain}>"


def header_value(text: str) -> str:
    return " ".join(_LINEBREAKS.sub(" ", text).split())


def _address(text: str) -> str:
    value = header_value(text)
    if not value:
        raise ValueError(f"empty address in {text!r}")
    return value
