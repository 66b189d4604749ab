"""`monitor explain` and `monitor backtest` through the real CLI, a real store and loopback HTTP."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.http_server import FixtureServer, Reply
from tests.support.project import RULES, FeedItem, rss, run_cli, write_project

ITEMS = [
    FeedItem("a1", "Kim Jong-un receives Russian delegation", "KCNA reports talks in Pyongyang."),
    FeedItem("a2", "Harvest season begins in South Hwanghae", "Farmers gathered rice."),
    FeedItem("a3", "Shoygu arrives in Pyongyang", "Security Council secretary Sergey Shoygu landed."),
]


def test_explain_highlights_matches_and_says_why_near_misses_failed(tmp_path: Path) -> None:
    write_project(tmp_path, sources=[])
    out = run_cli("explain", "Kim Jong Il met Sergey Shoygu in Pyongyang.", "--color", "never", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "[?Kim Jong Il?] met [[Sergey Shoygu]] in Pyongyang." in out.stdout
    assert '"Sergey Shoygu" (body) is Sergei Shoigu  [watch-list officials]' in out.stdout
    assert "another romanization / transliteration of the name" in out.stdout
    assert '"Kim Jong Il" (body) looks like Kim Jong Un' in out.stdout
    assert "short token 'il' differs from 'un'" in out.stdout
    assert 'DPRK-Russia  ALERTS — "Sergey Shoygu"' in out.stdout
    colored = run_cli("explain", "Putin's letter", "--color", "always", cwd=tmp_path)
    assert "\x1b[1;32mPutin\x1b[0m's letter" in colored.stdout


def test_explain_usage_errors_exit_2(tmp_path: Path) -> None:
    write_project(tmp_path, sources=[])
    nothing = run_cli("explain", cwd=tmp_path)
    assert nothing.returncode == 2 and "give exactly one of" in nothing.stderr
    wrong_rule = run_cli("explain", "--rule", "DPRK-Rusia", "Putin", cwd=tmp_path)
    assert wrong_rule.returncode == 2
    assert "did you mean 'DPRK-Russia'?" in wrong_rule.stderr
    stdin = run_cli("explain", "-", cwd=tmp_path, stdin="Choe Son-hui spoke.")
    assert stdin.returncode == 0 and "[[Choe Son-hui]]" in stdin.stdout


def test_explain_a_stored_item_and_a_fetched_article(tmp_path: Path, http_server: FixtureServer) -> None:
    http_server.routes["/wire.xml"] = Reply(200, rss(ITEMS), {"Content-Type": "application/rss+xml"})
    article = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
               + "<p>Foreign Minister Choe Son Hui met Sergei Lavrov in Moscow on Tuesday for talks.</p>" * 3
               + "</article></body></html>")
    html = {"Content-Type": "text/html; charset=utf-8"}
    http_server.routes["/article"] = Reply(200, article.encode(), html)
    write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}])
    assert run_cli("run", "--once", cwd=tmp_path).returncode == 0
    item = run_cli("explain", "--item", "3", "--color", "never", cwd=tmp_path)
    assert item.returncode == 0, item.stderr
    assert "stored item #3 from Wire" in item.stdout
    assert "[[Shoygu]] arrives in Pyongyang" in item.stdout
    missing = run_cli("explain", "--item", "99", cwd=tmp_path)
    assert missing.returncode == 2 and "no such item" in missing.stderr
    page = run_cli("explain", "--url", http_server.url("/article"), "--color", "never", cwd=tmp_path)
    assert page.returncode == 0, page.stderr
    assert "[[Choe Son Hui]]" in page.stdout


def test_backtest_reports_what_an_edit_adds_and_removes(tmp_path: Path, http_server: FixtureServer) -> None:
    http_server.routes["/wire.xml"] = Reply(200, rss(ITEMS), {"Content-Type": "application/rss+xml"})
    write_project(tmp_path, sources=[{"name": "Wire", "url": http_server.url("/wire.xml")}])
    assert run_cli("run", "--once", cwd=tmp_path).returncode == 0
    edited = tmp_path / "edited"
    shutil.copytree(tmp_path / "rules", edited)
    text = RULES.replace('  { name = "Sergei Shoigu", aliases = ["Shoigu"] },\n', '  "South Hwanghae",\n')
    (edited / "watch.toml").write_text(text, encoding="utf-8")

    same = run_cli("backtest", cwd=tmp_path)
    assert same.returncode == 0, same.stderr
    assert "No change: the edited rules alert exactly the items that were alerted." in same.stdout

    out = run_cli("backtest", "--rules", str(edited), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "over 3 stored items (all sources, all time)" in out.stdout
    row = next(line for line in out.stdout.splitlines() if line.startswith("DPRK-Russia "))
    assert row.split()[1:] == ["2", "2", "+1", "-1"]
    assert "  + 1 item would now be alerted that were not:" in out.stdout
    assert '[Wire] Harvest season begins in South Hwanghae — matched "South Hwanghae"' in out.stdout
    assert '[Wire] Shoygu arrives in Pyongyang — matched "Shoygu", "Sergey Shoygu"' in out.stdout
    assert "backtest: 3/3 items (100%" in out.stderr  # not a terminal: a plain progress line


def test_backtest_usage_and_rule_errors(tmp_path: Path) -> None:
    write_project(tmp_path, sources=[{"name": "Wire", "url": "http://127.0.0.1:9/x"}])
    bad_source = run_cli("backtest", "--source", "Wier", cwd=tmp_path)
    assert bad_source.returncode == 2 and "did you mean 'Wire'?" in bad_source.stderr
    bad_since = run_cli("backtest", "--since", "a month", cwd=tmp_path)
    assert bad_since.returncode == 2 and "expected a span such as 30d" in bad_since.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "w.toml").write_text('[[rule]]\nname = "r"\nany = ["nowhere"]\n', encoding="utf-8")
    result = run_cli("backtest", "--rules", str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "rule[0].any[0]: unknown watch-list 'nowhere'" in result.stderr
    empty = run_cli("backtest", "--since", "1d", cwd=tmp_path)
    assert empty.returncode == 0 and "The store holds no items in this range" in empty.stdout
