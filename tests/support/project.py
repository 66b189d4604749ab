"""Build a throw-away monitor project (config.toml + rules/) in a temp folder and run
the real CLI on it in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

RULES = """
[[watchlist]]
name = "officials"
entries = [
  "Kim Jong Un",
  { name = "Vladimir Putin", aliases = ["Putin"] },
  { name = "Choe Son Hui", id = "choe-son-hui" },
  { name = "Sergei Shoigu", aliases = ["Shoigu"] },
]

[[watchlist]]
name = "treaties"
entries = [{ name = "Treaty on Comprehensive Strategic Partnership", aliases = ["DPRK-Russia treaty"] }]

[[rule]]
name = "DPRK-Russia"
any = ["treaties", "officials"]
"""


@dataclass(frozen=True)
class FeedItem:
    guid: str
    title: str
    body: str = ""
    link: str | None = None
    published: datetime | None = None


def rss(items: list[FeedItem], *, title: str = "Test wire") -> bytes:
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{escape(title)}'
             "</title><link>http://example.org/</link><description>fixture</description>"]
    for it in items:
        when = format_datetime(it.published or datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
        link = it.link or f"http://example.org/news/{it.guid}"
        parts.append(f"<item><guid>{escape(it.guid)}</guid><title>{escape(it.title)}</title>"
                     f"<link>{escape(link)}</link><pubDate>{when}</pubDate>"
                     f"<description>{escape(it.body)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def write_project(root: Path, *, sources: list[dict[str, object]], smtp_port: int | None = None,
                  digests: str | None = None, extra: str = "", rules: str = RULES) -> Path:
    (root / "rules").mkdir(parents=True, exist_ok=True)
    (root / "rules" / "watch.toml").write_text(rules, encoding="utf-8")
    lines = ['[store]\npath = "var/monitor.db"\n', '[rules]\npath = "rules"\n',
             '[poll]\ninterval = "15m"\ntimeout = 5\nconnect_timeout = 2\nper_host_delay = 0\n'
             'per_host_concurrency = 8\n']
    for src in sources:
        lines.append("[[sources]]")
        for key, value in src.items():
            lines.append(f"{key} = {_toml(value)}")
        lines.append("")
    if smtp_port is None:
        lines.append('[mail]\ntransport = "file"\ndir = "var/outbox"\nfrom = "monitor@test.example"\n')
    else:
        lines.append(f'[mail]\ntransport = "smtp"\nhost = "127.0.0.1"\nport = {smtp_port}\n'
                     'security = "none"\n'
                     'from = "monitor@test.example"\ntimeout = 5\nretry_base = "1s"\n')
    lines.append(digests or '[[digests]]\nname = "daily"\n'
                 'to = ["analyst@test.example", "desk@test.example"]\n'
                 'schedule = "daily 07:00"\nrules = ["*"]\n')
    lines.append(extra)
    path = root / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def run_cli(*args: str, cwd: Path, timeout: float = 60, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    full_env.pop("MONITOR_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "monitor", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, input=stdin, env=full_env, check=False)
