"""A feed item built to break the digest arrives escaped and harmless: the real CLI polls it
over loopback HTTP, matches it, renders it and sends it to aiosmtpd."""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from pathlib import Path

import lxml.html

from monitor.notify.render import BREAK_EVERY
from tests.support.http_server import FixtureServer, Reply
from tests.support.project import run_cli, write_project
from tests.support.smtp_server import SmtpTestServer

RUN_ON = "W" * 10_240  # a 10 KB "word"
TITLE = ('<img src=x onerror=alert(1)><script>alert("t")</script> Kim Jong Un {{ 7*7 }} '
         '{% if true %}jinja{% endif %}\r\nBcc: victim@evil.example\r\nX-Injected: yes ' + RUN_ON)
BODY = ("Kim Jong Un said <b>bold</b> <a href=\"javascript:alert(2)\">click</a> {{ config }} "
        + "Z" * 10_240 + " and left.")


def test_hostile_item_arrives_escaped_and_harmless(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
           "items": [{"id": "h1", "url": "javascript:alert(3)", "title": TITLE, "content_text": BODY}]}
    http_server.routes["/wire.json"] = Reply(200, json.dumps(feed).encode(),
                                             {"Content-Type": "application/feed+json"})
    config = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.json")}],
                           smtp_port=smtp_server.port)
    result = run_cli("run", "--once", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [received] = smtp_server.wait_for(1)
    assert sorted(received.rcpt_tos) == ["analyst@test.example", "desk@test.example"]

    message = message_from_bytes(received.raw, policy=policy.default)
    assert message["Bcc"] is None and message["X-Injected"] is None
    assert all("\n" not in str(v) and "\r" not in str(v) for v in message.values())
    assert len(str(message["Subject"])) <= 200

    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//script | //img | //b | //iframe | //object")
    assert not [a for el in doc.iter() for a in el.attrib if a.lower().startswith("on")]
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs  # javascript: is not a link
    shown = doc.text_content()
    assert '<img src=x onerror=alert(1)><script>alert("t")</script>' in shown.replace("\u200b", "")
    assert "{{ 7*7 }}" in shown and "{% if true %}jinja{% endif %}" in shown  # shown, never evaluated
    assert "{{ config }}" in shown
    # no run of text wider than a break point: the layout cannot be pushed sideways
    longest = max(len(run) for run in re.findall(r"[WZ]+", html))
    assert longest <= BREAK_EVERY
    assert len(received.raw) < 200_000  # a 10 KB word is cut, not copied whole everywhere

    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "{{ 7*7 }}" in " ".join(text.split())  # wrapped, shown literally
    assert "[[Kim Jong Un]]" in text
    assert max(len(line) for line in text.splitlines()) <= 200
