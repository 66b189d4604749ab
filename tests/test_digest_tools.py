"""`monitor digest preview` and `monitor digest test` through the real CLI, a real SQLite
store filled by the real pipeline steps, and a real aiosmtpd."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.matching.engine import Matcher
from monitor.matching.load import load_rules
from monitor.model import Item
from monitor.pipeline import Service, match_new, open_store
from tests.support.project import run_cli, write_project
from tests.support.smtp_server import SmtpTestServer

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ITEMS = [
    Item("Wire", "w1", "Kim Jong-un receives Russian delegation", "http://example.org/w1",
         "KCNA reports talks in Pyongyang.", NOW),
    Item("Wire", "w2", "Harvest season begins in South Hwanghae", "http://example.org/w2",
         "Farmers gathered rice.", NOW),
    Item("Wire", "w3", "Shoygu arrives in Pyongyang", "http://example.org/w3",
         "Security Council secretary Sergey Shoygu landed.", NOW),
]
TWO_DIGESTS = """
[[digests]]
name = "daily"
to = ["analyst@test.example", "desk@test.example"]
schedule = "daily 07:00"
timezone = "Asia/Seoul"

[[digests]]
name = "alerts"
to = ["oncall@test.example"]
schedule = "immediate"
"""


def fill_store(cfg: Path, *, failing_source: bool = False) -> None:
    """Poll results stored and matched, as the daemon leaves them between two digests."""
    settings = load_config(cfg)
    svc = Service(settings, open_store(settings), Matcher.build(load_rules(settings.rules_path)),
                  clock=lambda: NOW)
    with svc.store:
        svc.store.add_items("Wire", "http://example.org/feed", ITEMS, now=NOW, etag=None, last_modified=None,
                            content_hash="x", next_poll_at=None, body_pending=False)
        assert match_new(svc) == 2
        if failing_source:
            svc.store.record_failure("Down", "http://127.0.0.1:9/", kind="connect", message="refused",
                                     now=NOW, next_poll_at=None, report_after_seconds=0)


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(db_path)
    try:
        query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        tables = [r[0] for r in db.execute(query)]
        return {t: sorted(map(tuple, db.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}
    finally:
        db.close()


def test_preview_renders_pending_items_and_health_and_changes_nothing(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[], digests=TWO_DIGESTS)
    fill_store(cfg, failing_source=True)
    db = tmp_path / "var" / "monitor.db"
    before = snapshot(db)
    out = tmp_path / "look.html"
    result = run_cli("digest", "preview", "--digest", "daily", "--out", str(out), "--config", str(cfg),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(out)
    assert "2 pending item(s), 1 source health note(s)" in result.stdout
    assert "nothing was marked sent" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "Kim Jong-un receives Russian delegation" in html and "<mark" in html
    assert "Shoygu arrives in Pyongyang" in html
    assert "Harvest season" not in html
    assert "Source health" in html and "Down" in html
    assert "SAMPLE" not in html
    assert snapshot(db) == before

    # the same twice: a preview claimed nothing, and the real digest still carries everything
    again = run_cli("digest", "preview", "--config", str(cfg), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    default = tmp_path / "var" / "preview-daily.html"
    assert again.stdout.strip().splitlines()[-1] == str(default)
    assert "Shoygu arrives in Pyongyang" in default.read_text(encoding="utf-8")
    assert snapshot(db) == before
    run = run_cli("run", "--once", "--config", str(cfg), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    [eml] = [p for p in (tmp_path / "var" / "outbox").glob("*daily*.html")]
    assert "Shoygu arrives in Pyongyang" in eml.read_text(encoding="utf-8")


def test_preview_with_nothing_pending_renders_a_labelled_sample_and_creates_no_store(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[], digests=TWO_DIGESTS)
    result = run_cli("digest", "preview", "--digest", "alerts", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nothing pending, so nothing would be sent now" in result.stdout
    assert "SAMPLE" in result.stdout
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path.name == "preview-alerts-sample.html"
    html = path.read_text(encoding="utf-8")
    assert "SAMPLE, invented items" in html and "<mark" in html
    assert not (tmp_path / "var" / "monitor.db").exists()


def test_preview_of_an_unknown_digest_names_the_known_ones(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[], digests=TWO_DIGESTS)
    result = run_cli("digest", "preview", "--digest", "dialy", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 2
    assert "no digest named 'dialy'" in result.stderr and "daily, alerts" in result.stderr


def test_digest_test_sends_the_sample_now_without_the_outbox(
        tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    cfg = write_project(tmp_path, sources=[], smtp_port=smtp_server.port)
    result = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 127.0.0.1:")
    [msg] = smtp_server.wait_for(1)
    assert sorted(msg.rcpt_tos) == ["analyst@test.example", "desk@test.example"]
    assert "test of daily" in str(msg.message["Subject"])
    html = msg.message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "SAMPLE, invented items" in html
    assert not (tmp_path / "var" / "monitor.db").exists()  # straight through, not via the outbox

    other = run_cli("digest", "test", "--to", "me@test.example", "--to", "you@test.example",
                    "--config", str(cfg), cwd=tmp_path)
    assert other.returncode == 0, other.stderr
    assert sorted(smtp_server.wait_for(2)[1].rcpt_tos) == ["me@test.example", "you@test.example"]


def test_digest_test_server_down_is_a_clear_error(tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    cfg = write_project(tmp_path, sources=[], smtp_port=smtp_server.port)
    smtp_server.stop()
    result = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 1
    assert "FAILED: SMTP connection to 127.0.0.1:" in result.stderr
    assert f"nothing accepts connections at 127.0.0.1:{smtp_server.port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_digest_test_reports_a_refused_recipient(tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    smtp_server.rcpt_replies["desk@test.example"] = "550 5.1.1 no such user"
    cfg = write_project(tmp_path, sources=[], smtp_port=smtp_server.port)
    result = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 1
    assert "FAILED: recipient desk@test.example refused" in result.stderr
    assert "550 5.1.1 no such user" in result.stderr
    assert "accepted the test digest for analyst@test.example" in result.stdout
    assert smtp_server.wait_for(1)[0].rcpt_tos == ("analyst@test.example",)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_digest_test_auth_failure_and_tls_mismatch_are_named(tmp_path: Path) -> None:
    server = SmtpTestServer(users={"monitor": "right"}).start()
    try:
        cfg = write_project(tmp_path, sources=[], smtp_port=server.port)
        text = cfg.read_text(encoding="utf-8")
        cfg.write_text(text.replace('security = "none"\n', 'security = "none"\nusername = "monitor"\n'),
                       encoding="utf-8")
        wrong = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path,
                        env={"MONITOR_SMTP_PASSWORD": "wrong"})
        assert wrong.returncode == 1
        assert "authentication failed: check [mail] username ('monitor')" in wrong.stderr
        right = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path,
                        env={"MONITOR_SMTP_PASSWORD": "right"})
        assert right.returncode == 0, right.stderr
        assert len(server.wait_for(1)) == 1

        cfg.write_text(text.replace('security = "none"', 'security = "tls"'), encoding="utf-8")
        tls = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path)
        assert tls.returncode == 1
        assert "TLS failed: check [mail] security" in tls.stderr
    finally:
        server.stop()


def test_digest_test_with_file_transport_writes_the_sample(tmp_path: Path) -> None:
    cfg = write_project(tmp_path, sources=[])
    result = run_cli("digest", "test", "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert 'transport is "file"' in result.stdout
    [eml] = (tmp_path / "var" / "outbox").glob("test-*.eml")
    assert eml.with_suffix(".html").exists()
    assert "SAMPLE, invented items" in eml.with_suffix(".html").read_text(encoding="utf-8")
