"""A short crash-safety soak (issue 7) through benchmarks/soak.py: the real daemon, SIGKILLed,
SIGTERMed and restarted at random while the SMTP server goes down and sources fail, must
deliver every expected alert exactly once. ~2 minutes; docs/soak.md has the long run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_short_soak_loses_nothing_and_sends_nothing_twice(tmp_path: Path) -> None:
    args = ["--duration", "75", "--seed", "11", "--kills-min", "6", "--terms-min", "3",
            "--smtp-outages-min", "2", "--source-failures-min", "6", "--rule-edits-min", "3",
            "--max-outage", "12", "--warmup", "10", "--max-rss-growth", "0.25",
            "--workdir", str(tmp_path / "soak")]
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "soak.py"), *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=420, check=False)
    report = result.stdout[result.stdout.find("== soak result =="):]
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr[-3000:]}"
    assert "\nlost               0\n" in report and "\nduplicated         0\n" in report, report
    assert "integrity_check: ok" in report, report
