"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd in a thread).

It records every accepted message, can answer chosen replies for chosen
recipients (``rcpt_replies["bad@x"] = "550 5.1.1 no such user"``), for MAIL
FROM or DATA, can be stopped and started again on the same port (connection
refused meanwhile), and can require AUTH and/or STARTTLS or implicit TLS.

In conftest.py: ``from tests.support.smtp_server import smtp_server  # noqa: F401``
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    message: EmailMessage


@dataclass
class _Handler:
    server: SmtpTestServer

    async def handle_MAIL(
        self,
        srv: SMTPProtocol,
        session: Session,
        envelope: Envelope,
        address: str,
        options: list[str],
    ) -> str:
        if self.server.mail_reply:
            return self.server.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self,
        srv: SMTPProtocol,
        session: Session,
        envelope: Envelope,
        address: str,
        options: list[str],
    ) -> str:
        reply = self.server.rcpt_replies.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, srv: SMTPProtocol, session: Session, envelope: Envelope) -> str:
        if self.server.data_reply:
            return self.server.data_reply
        raw = envelope.original_content or b""
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.server.cond:
            self.server.received.append(
                Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), raw, parsed)
            )
            self.server.cond.notify_all()
        return "250 OK: queued"


@dataclass
class SmtpTestServer:
    """Configure the public attributes before ``start()`` (replies may change any time)."""

    host: str = "127.0.0.1"
    port: int = 0  # 0: pick a free one at start, then keep it across stop/start
    users: dict[str, str] | None = None  # username -> password; None: no AUTH
    starttls: ssl.SSLContext | None = None  # offer and require STARTTLS
    implicit_tls: ssl.SSLContext | None = None  # TLS from the first byte (port 465 style)
    rcpt_replies: dict[str, str] = field(default_factory=dict)  # lower-cased address -> reply
    mail_reply: str | None = None
    data_reply: str | None = None
    received: list[Received] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)
    _controller: Controller | None = None

    def start(self) -> SmtpTestServer:
        if not self.port:
            self.port = free_port(self.host)
        kwargs: dict[str, Any] = {"hostname": self.host, "port": self.port, "ready_timeout": 10}
        if self.users is not None:
            kwargs.update(
                authenticator=self._authenticate,
                auth_required=True,
                auth_require_tls=self.starttls is not None,
            )
        if self.starttls is not None:
            kwargs.update(tls_context=self.starttls, require_starttls=True)
        if self.implicit_tls is not None:
            kwargs.update(ssl_context=self.implicit_tls)
        self._controller = Controller(_Handler(self), **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop listening; connecting now is refused until ``start()``."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, *, timeout: float = 10.0) -> list[Received]:
        """Block until ``count`` messages arrived (or fail after ``timeout``)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} messages, got {len(self.received)}")
                self.cond.wait(left)
            return list(self.received)

    def _authenticate(
        self, server: SMTPProtocol, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword) and self.users is not None:
            user, password = data.login.decode(), data.password.decode()
            if self.users.get(user) == password:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def self_signed_cert(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """Write cert.pem/key.pem for ``host`` (an IP or DNS SAN); needs `cryptography`."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    try:
        san: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        san = x509.DNSName(host)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([san]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def server_tls_context(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server-side context with a fresh self-signed cert, and the cert path
    for the client to trust. Skips the calling test when `cryptography` is missing."""
    pytest.importorskip("cryptography", reason="TLS tests need `cryptography` to make a cert")
    cert, key = self_signed_cert(folder)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx, cert


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    """A plain (no TLS, no AUTH) server, started; reconfigure and restart for more."""
    server = SmtpTestServer().start()
    try:
        yield server
    finally:
        server.stop()
