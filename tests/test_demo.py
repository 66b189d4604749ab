"""`monitor demo` in a subprocess: bundled feeds on loopback, the real pipeline, a real digest."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from pathlib import Path

from monitor.demo import RULES_FILE, demo_data
from tests.support.project import run_cli

REPO = Path(__file__).resolve().parent.parent
MARK = re.compile(r"<mark\b[^>]*>(.*?)</mark>", re.S)


def test_demo_writes_a_digest_with_the_expected_matches_and_no_near_misses(tmp_path: Path) -> None:
    # TMPDIR: the demo's temporary folder lands in this test's tmp_path
    result = run_cli("demo", cwd=tmp_path, env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "15 items" in result.stdout
    assert "article pages read behind listing teasers: 4" in result.stdout
    html_path = Path(re.search(r"^  html: (.+)$", result.stdout, re.M).group(1))  # type: ignore[union-attr]
    eml_path = Path(re.search(r"^  eml:  (.+)$", result.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert html_path.is_relative_to(tmp_path) and html_path.exists() and eml_path.exists()

    html = html_path.read_text(encoding="utf-8")
    marked = {re.sub(r"<wbr>", "", m) for m in MARK.findall(html)}
    for expected in ("Kim Jong Un", "Kim Jong-un", "Choe Son-hui", "Sergey Shoygu", "Sergei Lavrov",
                     "Kursk region", "Rason", "comprehensive strategic partnership treaty",
                     "Treaty on Comprehensive Strategic Partnership"):
        assert expected in marked, (expected, marked)
    assert not any("Kim Jong Il" in m or "Choe Ryong Hae" in m or m == "Kursk" for m in marked)
    # the near-miss and unrelated items are not in the digest at all
    for absent in ("Kim Jong Il's", "Kursk submarine", "Choe Ryong Hae", "wheat", "Tree-Planting",
                   "South Hwanghae"):
        assert absent not in html, absent
    # the Naenara item came through its javascript: link and its article page
    assert "Sends Greetings to Vladimir Putin" in html
    assert "/naenara/news/article/2506051.html" in html

    eml = message_from_bytes(eml_path.read_bytes(), policy=policy.default)
    assert str(eml["To"]) == "analyst@example.org"
    assert str(eml["Subject"]).startswith("[monitor] demo: ")


def test_bundled_rules_are_the_shipped_rules() -> None:
    # an installed wheel has no rules/ folder; the demo then uses this copy, which must not drift
    bundled = demo_data().joinpath(RULES_FILE).read_text(encoding="utf-8")
    assert bundled == (REPO / "rules" / RULES_FILE).read_text(encoding="utf-8"), (
        f"rules/{RULES_FILE} changed: copy it to monitor/demo_data/{RULES_FILE}")


def test_demo_keep_leaves_its_folder_to_inspect_and_says_where(tmp_path: Path) -> None:
    result = run_cli("demo", "--keep", cwd=tmp_path, env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    [folder] = tmp_path.glob("monitor-demo-*")
    assert re.search(rf"^kept {re.escape(str(folder))}: ", result.stdout, re.M), result.stdout
    assert (folder / "config.toml").is_file() and (folder / "var" / "monitor.db").is_file()
    assert len(list((folder / "outbox").glob("*.html"))) == 1
    # the store is a working one: the commands the demo suggests run on it
    sources = run_cli("sources", "--config", str(folder / "config.toml"), cwd=tmp_path)
    assert sources.returncode == 0 and "KCNA Watch (demo)" in sources.stdout


def test_demo_no_keep_removes_its_folder_and_prints_no_dangling_paths(tmp_path: Path) -> None:
    result = run_cli("demo", "--no-keep", cwd=tmp_path, env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "digest 'demo': [monitor] demo: " in result.stdout  # the run itself is the same
    assert list(tmp_path.glob("monitor-demo-*")) == []
    assert re.search(rf"^removed {re.escape(str(tmp_path))}/monitor-demo-\S+ \(--no-keep\)$",
                     result.stdout, re.M), result.stdout
    assert "html:" not in result.stdout and "kept " not in result.stdout
