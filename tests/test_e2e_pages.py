"""Listing pages without feeds, through the real CLI: items from CSS selectors, javascript:
links turned into article URLs, bodies fetched once, a rule that only matches in a body fires."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.http_server import FixtureServer, Reply
from tests.support.project import run_cli, write_project

LISTING = """<!DOCTYPE html><html><head><title>News</title><base href="/en/"></head><body>
<ul class="news">
 <li><a class="title" href="javascript:article_open('AR0001')">Respected Comrade receives foreign guests</a>
     <span class="date">2025.06.20</span><p>Respected Comrade met the delegation and had a …</p></li>
 <li><a class="title" href="javascript:article_open('AR0002')">Rice transplanting finished in Hwanghae</a>
     <span class="date">Juche 114 (2025).6.19</span><p>Farmers across the province …</p></li>
 <li><a class="title" href="article/AR0003.html">Editorial on the spirit of self-reliance</a>
     <span class="date">June 18, 2025</span><p>Self-reliance is the …</p></li>
</ul></body></html>"""

ARTICLE = """<!DOCTYPE html><html><head><title>{title}</title></head><body><div class="menu">Home | News</div>
<article><h1>{title}</h1><p>{body}</p><p>The talks proceeded in a warm and friendly atmosphere,
the report said, and both sides expressed satisfaction with the results of the meeting.</p></article>
<footer>Copyright</footer></body></html>"""


def article(title: str, body: str) -> Reply:
    return Reply(200, ARTICLE.format(title=title, body=body).encode(), {"Content-Type": "text/html"})


def test_listing_page_bodies_are_fetched_once_and_matched(
        tmp_path: Path, http_server: FixtureServer) -> None:
    http_server.routes["/en/news"] = Reply(200, LISTING.encode(),
                                           {"Content-Type": "text/html; charset=utf-8"})
    http_server.routes["/en/article/AR0001.html"] = article(
        "Respected Comrade receives foreign guests",
        "Kim Jong-un received Sergey Shoygu, secretary of the Security Council of Russia, in Pyongyang.")
    http_server.routes["/en/article/AR0002.html"] = article(
        "Rice transplanting finished in Hwanghae", "Farmers finished transplanting rice ahead of schedule.")
    http_server.routes["/en/article/AR0003.html"] = article(
        "Editorial on the spirit of self-reliance", "The Kim Jong Il patriotism is the spirit of the era.")
    source = {
        "name": "Naenara", "url": http_server.url("/en/news"), "kind": "page", "fetch_body": True,
        "select": {"item": "ul.news li", "title": "a.title", "link": "a.title", "date": ".date",
                   "teaser": "p"},
        "link_pattern": {"match": r"article_open\('([^']+)'\)",
                         "url": http_server.url("/en/article/{1}.html")},
        "timezone": "Asia/Pyongyang",
    }
    cfg = write_project(tmp_path, sources=[source])
    first = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Naenara: 3 new" in first.stdout
    for n in ("0001", "0002", "0003"):
        assert http_server.hits(f"/en/article/AR{n}.html") == 1

    db = sqlite3.connect(tmp_path / "var" / "monitor.db")
    rows = db.execute("SELECT link, published_at, body_state FROM items ORDER BY link").fetchall()
    assert rows == [
        (http_server.url("/en/article/AR0001.html"), "2025-06-19T15:00:00.000000+00:00", "fetched"),
        (http_server.url("/en/article/AR0002.html"), "2025-06-18T15:00:00.000000+00:00", "fetched"),
        (http_server.url("/en/article/AR0003.html"), "2025-06-17T15:00:00.000000+00:00", "fetched"),
    ]
    matched = db.execute("SELECT i.title, m.field, m.text FROM matches m JOIN items i ON i.id = m.item_id "
                         "ORDER BY m.start").fetchall()
    # the names are only in the article body; "Kim Jong Il" is a near-miss and must not fire
    assert [(t, f, x) for t, f, x in matched] == [
        ("Respected Comrade receives foreign guests", "body", "Kim Jong-un"),
        ("Respected Comrade receives foreign guests", "body", "Sergey Shoygu"),
    ]
    html = next((tmp_path / "var" / "outbox").glob("*.html")).read_text(encoding="utf-8")
    assert "Respected Comrade receives foreign guests" in html and "self-reliance" not in html

    # a re-rendered listing (new order, changed teaser) is not new, and no article is refetched
    http_server.routes["/en/news"] = Reply(200, LISTING.replace("…", "(updated)").replace(
        "<li>", "<li class='x'>").encode(), {"Content-Type": "text/html"})
    second = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Naenara: 0 new" in second.stdout
    assert all(http_server.hits(f"/en/article/AR{n}.html") == 1 for n in ("0001", "0002", "0003"))
    assert len(list((tmp_path / "var" / "outbox").glob("*.eml"))) == 1


def test_selectors_matching_nothing_are_reported_once(tmp_path: Path, http_server: FixtureServer) -> None:
    redesigned = b"<html><body><div class='redesign'>New site</div></body></html>"
    http_server.routes["/news"] = Reply(200, redesigned, {"Content-Type": "text/html"})
    source = {"name": "Redesigned", "url": http_server.url("/news"), "kind": "page",
              "select": {"item": "ul.news li", "title": "a"}}
    cfg = write_project(tmp_path, sources=[source], digests=(
        '[[digests]]\nname = "daily"\nto = ["analyst@test.example"]\nschedule = "daily 07:00"\n'))
    first = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert "matched nothing" in first.stdout
    html = next((tmp_path / "var" / "outbox").glob("*.html")).read_text(encoding="utf-8")
    assert "Redesigned" in html and "matched nothing" in html
    run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert len(list((tmp_path / "var" / "outbox").glob("*.eml"))) == 1  # reported once, not every run
    table = run_cli("sources", "--config", str(cfg), cwd=tmp_path)
    assert "selector" in table.stdout
