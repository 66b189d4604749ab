"""The whole pipeline through the real CLI: loopback feeds, aiosmtpd, a SQLite file."""

from __future__ import annotations

import json
import sqlite3
from email import message_from_bytes, policy
from pathlib import Path

from tests.support.http_server import FixtureServer, Reply
from tests.support.project import FeedItem, rss, run_cli, write_project
from tests.support.smtp_server import SmtpTestServer

ITEMS = [
    FeedItem("a1", "Kim Jong-un receives Russian delegation", "KCNA reports talks in Pyongyang."),
    FeedItem("a2", "Harvest season begins in South Hwanghae", "Farmers gathered rice."),
    FeedItem("a3", "Shoygu arrives in Pyongyang", "Security Council secretary Sergey Shoygu landed."),
]


def feed(server: FixtureServer, path: str, items: list[FeedItem], **headers: str) -> None:
    server.routes[path] = Reply(200, rss(items), {"Content-Type": "application/rss+xml", **headers})


def bodies(received: list) -> list[str]:  # type: ignore[type-arg]
    out = []
    for r in received:
        part = r.message.get_body(("plain",))
        out.append(part.get_content() if part else "")
    return out


def test_first_run_mails_matches_second_nothing_new_item_alone(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    feed(http_server, "/wire.xml", ITEMS)
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}],
                        smtp_port=smtp_server.port)
    first = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    [msg] = smtp_server.wait_for(1)
    assert sorted(msg.rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    text = bodies([msg])[0]
    assert "Kim Jong-un receives Russian delegation" in text
    assert "Shoygu arrives in Pyongyang" in text
    assert "Harvest season" not in text
    assert msg.message["Message-ID"] and msg.message["Date"] and msg.message["From"]

    second = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert len(smtp_server.received) == 1  # nothing new: no digest

    feed(http_server, "/wire.xml", [*ITEMS, FeedItem("a4", "Putin's letter to Pyongyang", "A message.")])
    third = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert third.returncode == 0, third.stderr
    received = smtp_server.wait_for(2)
    new_text = bodies(received)[1]
    assert "Putin's letter to Pyongyang" in new_text
    assert "Shoygu arrives" not in new_text and "Kim Jong-un receives" not in new_text


def test_304_is_honoured_and_costs_no_parse(tmp_path: Path, http_server: FixtureServer) -> None:
    etag = '"v1"'
    seen: list[str | None] = []

    def route(handler):  # type: ignore[no-untyped-def]
        seen.append(handler.headers.get("If-None-Match"))
        if handler.headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply(200, rss(ITEMS), {"Content-Type": "application/rss+xml", "ETag": etag})

    http_server.routes["/wire.xml"] = route
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}])
    assert run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path).returncode == 0
    again = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert seen == [None, etag]
    assert "Wire: unchanged" in again.stdout


def test_broken_and_unreachable_sources_do_not_stop_the_others(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    feed(http_server, "/good.xml", ITEMS)
    http_server.routes["/broken.xml"] = Reply(200, b"<rss><channel><item><title>Kim Jong Un at", {
        "Content-Type": "application/rss+xml"})
    http_server.routes["/error.xml"] = Reply(500, b"oops")
    cfg = write_project(tmp_path, smtp_port=smtp_server.port, sources=[
        {"name": "Broken", "url": http_server.url("/broken.xml")},
        {"name": "Down", "url": "http://127.0.0.1:9/feed.xml"},
        {"name": "Error", "url": http_server.url("/error.xml")},
        {"name": "Good", "url": http_server.url("/good.xml")},
    ])
    result = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Down: FAILED (connect" in result.stdout
    assert "Error: FAILED (http" in result.stdout
    assert "Broken:" in result.stdout and "ill-formed" in result.stdout
    [msg] = smtp_server.wait_for(1)
    assert "Shoygu arrives in Pyongyang" in bodies([msg])[0]
    table = run_cli("sources", "--config", str(cfg), cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    down = next(line for line in table.stdout.splitlines() if line.startswith("Down"))
    assert "connect" in down and "never" in down


def test_every_source_failing_exits_non_zero(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[{"name": "Down", "url": "http://127.0.0.1:9/feed.xml"}])
    result = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 1
    assert "every source failed" in result.stderr


def test_smtp_down_then_up_delivers_once(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    feed(http_server, "/wire.xml", ITEMS)
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}],
                        smtp_port=smtp_server.port)
    smtp_server.stop()
    for _ in range(3):
        down = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
        assert down.returncode == 0, down.stderr
        assert "delivery failed (will retry)" in down.stderr
    smtp_server.start()
    up = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert up.returncode == 0, up.stderr
    received = smtp_server.wait_for(1)
    again = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert again.returncode == 0
    assert len(received) == 1 and len(smtp_server.received) == 1
    db = sqlite3.connect(tmp_path / "var" / "monitor.db")
    assert db.execute("SELECT status, attempts FROM outbox").fetchall() == [("sent", 4)]


def test_hostile_title_arrives_escaped_and_cannot_inject_headers(
        tmp_path: Path, http_server: FixtureServer, smtp_server: SmtpTestServer) -> None:
    # JSON Feed titles are plain text, so the markup reaches the digest literally.
    title = "Kim Jong Un <script>alert(1)</script>\r\nBcc: victim@evil.example {{ 7*7 }}"
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
           "items": [{"id": "h1", "url": "http://example.org/h1", "title": title,
                      "content_text": "Body <b>bold</b>"}]}
    http_server.routes["/wire.json"] = Reply(200, json.dumps(doc).encode(),
                                             {"Content-Type": "application/feed+json"})
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.json")}],
                        smtp_port=smtp_server.port)
    assert run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path).returncode == 0
    [msg] = smtp_server.wait_for(1)
    assert sorted(msg.rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    parsed = message_from_bytes(msg.raw, policy=policy.default)
    assert parsed["Bcc"] is None
    assert "\n" not in str(parsed["Subject"])
    html = parsed.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html  # shown literally: the template never evaluates feed text
    text = parsed.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "<script>alert(1)</script>" in text  # plain text needs no escaping, only no header break


def test_file_transport_writes_eml_and_html(tmp_path: Path, http_server: FixtureServer) -> None:
    feed(http_server, "/wire.xml", ITEMS)
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}])
    result = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    emls = list((tmp_path / "var" / "outbox").glob("*.eml"))
    htmls = list((tmp_path / "var" / "outbox").glob("*.html"))
    assert len(emls) == 1 and len(htmls) == 1
    assert "Shoygu arrives in Pyongyang" in htmls[0].read_text(encoding="utf-8")
    listing = run_cli("outbox", "--config", str(cfg), cwd=tmp_path)
    assert " sent " in listing.stdout


def test_truncated_json_feed_alerts_its_complete_items_and_is_reported(
        tmp_path: Path, http_server: FixtureServer) -> None:
    items = [*ITEMS, FeedItem("a4", "Putin's letter to Pyongyang", "A message.")]
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
           "items": [{"id": i.guid, "url": f"http://example.org/{i.guid}", "title": i.title,
                      "content_text": i.body} for i in items]}
    full = json.dumps(doc).encode()
    json_feed = {"Content-Type": "application/feed+json"}
    # the download stops inside the fourth item
    http_server.routes["/wire.json"] = Reply(200, full[:full.index(b"Putin")], json_feed)
    cfg = write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.json")}])
    cut = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert cut.returncode == 0, cut.stderr
    [line] = [x for x in cut.stdout.splitlines() if x.startswith("Wire:")]
    assert line.startswith("Wire: 3 new [warning: ill-formed feed: invalid JSON (")
    assert "read the 3 complete items before it" in line
    [html] = (tmp_path / "var" / "outbox").glob("*.html")
    digest = html.read_text(encoding="utf-8")
    assert "Kim Jong-un receives Russian delegation" in digest and "Shoygu arrives" in digest
    assert "Putin" not in digest
    table = run_cli("sources", "--config", str(cfg), cwd=tmp_path).stdout
    [row] = [x for x in table.splitlines() if x.startswith("Wire")]
    assert "parse: ill-formed feed: invalid JSON" in row

    # the whole feed next time: only the item that was cut off is new, and alerts once
    http_server.routes["/wire.json"] = Reply(200, full, json_feed)
    whole = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert whole.returncode == 0, whole.stderr
    assert "Wire: 1 new\n" in whole.stdout
    second = [p for p in (tmp_path / "var" / "outbox").glob("*.html") if p != html]
    assert len(second) == 1
    text = second[0].read_text(encoding="utf-8")
    assert "Putin" in text and "Shoygu arrives" not in text
