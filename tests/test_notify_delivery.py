"""Message building, the file transport and SMTP against a real aiosmtpd server."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from monitor.errors import DeliveryError
from monitor.model import DigestEntry, Item, Match, StoredItem
from monitor.notify.filedrop import write_to_folder
from monitor.notify.message import build_message, make_message_id
from monitor.notify.render import DigestView, RenderedDigest, render_digest
from monitor.notify.sample import sample_view
from monitor.notify.smtp import SendOutcome, SmtpSettings, send_smtp
from tests.support import smtp_server as smtp_support
from tests.support.smtp_server import SmtpTestServer, server_tls_context
from tests.test_notify_render import tags

smtp_server = smtp_support.smtp_server  # the fixture, until tests/conftest.py imports it
NOW = datetime(2024, 11, 10, 7, tzinfo=UTC)
SENDER = "monitor@alerts.example"
RCPTS = ["ana@example.org", "gone@example.org", "busy@example.org"]
HOSTILE = (
    '<script>alert(1)</script><a href="javascript:x">{{ 7*7 }}</a>\r\nBcc: victim@example.org\r\n'
    + "W" * 10_000
)


def digest(title: str = HOSTILE) -> RenderedDigest:
    item = Item("KCNA", "k1", title, "https://kcna.example/a", "Kim Jong Un spoke.", NOW)
    match = Match("Leadership", "w", "kju", "Kim Jong Un", "body", 0, 11, "Kim Jong Un", 1.0)
    view = DigestView(
        "daily\r\nX-Injected: 1", NOW, "UTC", [DigestEntry(StoredItem(1, item, NOW), (match,))]
    )
    return render_digest(view)


def message(rendered: RenderedDigest, to: list[str] = RCPTS) -> EmailMessage:
    return build_message(
        rendered,
        sender=SENDER,
        to=to,
        message_id=make_message_id("alerts.example", "7-x1"),
        date=NOW,
    )


def send(server: SmtpTestServer, rcpts: list[str], **settings: Any) -> SendOutcome:
    msg = message(digest(), rcpts)
    config = replace(SmtpSettings(host="127.0.0.1", port=server.port, security="none"), **settings)
    return asyncio.run(send_smtp(msg, rcpts, config))


def test_message_headers_cannot_be_injected() -> None:
    msg = build_message(
        digest(),
        sender="monitor@alerts.example\r\nBcc: x@evil.example",
        to=["a@example.org"],
        message_id="<1@alerts.example>",
        date=NOW,
    )
    raw = msg.as_bytes()
    headers = raw.split(b"\n\n", 1)[0].decode()
    assert not re.search(r"^(Bcc|X-Injected):", headers, re.M | re.I)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Message-ID"] == "<1@alerts.example>" and msg["Auto-Submitted"] == "auto-generated"


@pytest.mark.parametrize(
    ("token", "expected"),
    [("7-x1", "<monitor.7-x1@alerts.example>"), ("7 x1\r\n<evil>", "<monitor.%s@alerts.example>")],
    ids=["safe-token-kept", "unsafe-token-hashed"],
)
def test_make_message_id_is_deterministic(token: str, expected: str) -> None:
    first = make_message_id("alerts.example", token)
    assert first == make_message_id("alerts.example", token)
    assert re.fullmatch(re.escape(expected).replace("%s", "[0-9a-f]{40}"), first)


def test_file_drop_is_atomic_and_idempotent(tmp_path: Path) -> None:
    rendered = digest()
    msg = message(rendered)
    first = write_to_folder(msg, rendered, tmp_path / "out", stem="7-daily")
    data = first.read_bytes()
    again = write_to_folder(msg, rendered, tmp_path / "out", stem="7-daily")
    assert again == first and again.read_bytes() == data
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["7-daily.eml", "7-daily.html"]
    assert b"\r\nMessage-ID: <monitor.7-x1@alerts.example>\r\n" in data
    with pytest.raises(ValueError, match="bad file stem"):
        write_to_folder(msg, rendered, tmp_path, stem="../escape")


def test_one_recipient_rejected_others_receive(smtp_server: SmtpTestServer) -> None:
    smtp_server.rcpt_replies["gone@example.org"] = "550 5.1.1 no such user"
    smtp_server.rcpt_replies["busy@example.org"] = "452 4.2.2 mailbox full, try later"
    outcome = send(smtp_server, RCPTS)
    assert outcome.accepted == ("ana@example.org",)
    assert outcome.rejected == {"gone@example.org": "550 5.1.1 no such user"}
    assert outcome.temporary == {"busy@example.org": "452 4.2.2 mailbox full, try later"}
    [got] = smtp_server.wait_for(1)
    assert got.rcpt_tos == ("ana@example.org",) and got.mail_from == SENDER


def test_all_recipients_rejected_is_an_outcome_not_an_error(smtp_server: SmtpTestServer) -> None:
    smtp_server.rcpt_replies["gone@example.org"] = "550 5.1.1 no such user"
    outcome = send(smtp_server, ["gone@example.org"])
    assert outcome == SendOutcome((), {"gone@example.org": "550 5.1.1 no such user"}, {})


def test_hostile_title_arrives_escaped_and_harmless(smtp_server: SmtpTestServer) -> None:
    send(smtp_server, ["ana@example.org"])
    [got] = smtp_server.wait_for(1)
    msg = got.message
    assert msg["X-Injected"] is None and msg["Bcc"] is None
    assert "\n" not in str(msg["Subject"]) and str(msg["Subject"]).startswith(
        "[monitor] daily X-Injected: 1:"
    )
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    found = tags(html)
    assert not [t for t, _ in found if t in ("script", "img", "iframe")]
    assert all(not (v or "").startswith("javascript") for _, attrs in found for v in attrs.values())
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "W" * 100 not in html and "W" * 200 + "…" in html.replace("<wbr>", "")
    assert "> Bcc: victim@example.org W" in " ".join(text.split())  # one line, wrapped
    assert not re.search(r"^Bcc:", text, re.M)
    assert all(len(line) <= 998 for line in got.raw.split(b"\r\n"))


@pytest.mark.parametrize(
    ("where", "reply", "permanent"),
    [
        ("mail", "550 5.7.1 sender rejected", True),
        ("mail", "451 4.3.0 try again later", False),
        ("data", "554 5.6.0 message refused", True),
        ("data", "452 4.3.1 insufficient storage", False),
    ],
    ids=["mail-5xx", "mail-4xx", "data-5xx", "data-4xx"],
)
def test_whole_message_failures_are_classified(
    smtp_server: SmtpTestServer, where: str, reply: str, permanent: bool
) -> None:
    setattr(smtp_server, f"{where}_reply", reply)
    with pytest.raises(DeliveryError) as caught:
        send(smtp_server, ["ana@example.org"])
    assert caught.value.permanent is permanent
    assert reply.split()[0] in str(caught.value)


def test_server_down_is_temporary_and_recovers_on_the_same_port(
    smtp_server: SmtpTestServer,
) -> None:
    smtp_server.stop()
    with pytest.raises(DeliveryError) as caught:
        send(smtp_server, ["ana@example.org"])
    assert caught.value.permanent is False
    smtp_server.start()
    assert send(smtp_server, ["ana@example.org"]).accepted == ("ana@example.org",)
    assert len(smtp_server.wait_for(1)) == 1


def run_server(**kwargs: object) -> SmtpTestServer:
    return SmtpTestServer(**kwargs).start()  # type: ignore[arg-type]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize(
    ("password", "accepted"), [("s3cret", True), ("wrong", False)], ids=["auth-ok", "auth-rejected"]
)
def test_auth(password: str, accepted: bool) -> None:
    server = run_server(users={"monitor": "s3cret"})
    try:
        if accepted:
            assert send(server, ["ana@example.org"], username="monitor", password=password).accepted
        else:
            with pytest.raises(DeliveryError) as caught:
                send(server, ["ana@example.org"], username="monitor", password=password)
            assert caught.value.permanent is True and "AUTH" in str(caught.value)
    finally:
        server.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize(
    ("mode", "trust", "ok"),
    [
        ("starttls", True, True),
        ("tls", True, True),
        ("starttls", False, False),
        ("tls", False, False),
    ],
    ids=["starttls-verified", "tls-verified", "starttls-untrusted-cert", "tls-untrusted-cert"],
)
def test_tls_modes_verify_certificates(tmp_path: Path, mode: str, trust: bool, ok: bool) -> None:
    context, cert = server_tls_context(tmp_path)
    server = run_server(
        users={"monitor": "s3cret"},
        **({"starttls": context} if mode == "starttls" else {"implicit_tls": context}),
    )
    try:
        settings = {"security": mode, "username": "monitor", "password": "s3cret"}
        if trust:
            settings["ca_file"] = str(cert)
        if ok:
            assert send(server, ["ana@example.org"], **settings).accepted == ("ana@example.org",)
            assert server.wait_for(1)[0].message["Subject"].startswith("[monitor]")
        else:
            with pytest.raises(DeliveryError) as caught:
                send(server, ["ana@example.org"], **settings)
            assert caught.value.permanent is False
            assert not server.received
    finally:
        server.stop()


def test_starttls_required_but_not_offered_is_not_sent_in_clear(
    smtp_server: SmtpTestServer,
) -> None:
    with pytest.raises(DeliveryError) as caught:
        send(smtp_server, ["ana@example.org"], security="starttls")
    assert caught.value.permanent is False
    assert not smtp_server.received


def test_sample_digest_round_trip(smtp_server: SmtpTestServer) -> None:
    rendered = render_digest(sample_view(NOW))
    msg = build_message(
        rendered, sender=SENDER, to=["ana@example.org"], message_id="<s@x.example>", date=NOW
    )
    asyncio.run(
        send_smtp(
            msg,
            ["ana@example.org"],
            SmtpSettings(host="127.0.0.1", port=smtp_server.port, security="none"),
        )
    )
    [got] = smtp_server.wait_for(1)
    assert got.message["Subject"] == rendered.subject
    text = got.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert text.replace("\r\n", "\n") == rendered.text
