"""``monitor demo``: a real digest in seconds, with no internet and no mail server.

Serves the invented sample feeds in ``demo_data/`` (a KCNA-Watch-like RSS feed,
a TASS-like Atom feed, a Naenara-like listing page whose ``javascript:`` links
lead to article pages) on 127.0.0.1, writes a config.toml for them into a
temporary folder, and runs the real pipeline once (``pipeline.run_once``): poll,
fetch article bodies, match with the shipped rules, render, deliver with the
file transport. Nothing here is a shortcut: what the demo shows is what the
service does.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from monitor.config import load_config
from monitor.daemon import build_service
from monitor.pipeline import RunReport, Service, outbox_stem, run_once

DIGEST = "demo"
RULES_FILE = "dprk-russia.toml"  # the bundled copy of rules/dprk-russia.toml
ARTICLE_PREFIX = "naenara-article-"

CONFIG = """\
# Written by `monitor demo`: three invented sources served on {base}.
[store]
path = "var/monitor.db"

[rules]
path = "rules"

[poll]
interval = "15m"
timeout = 10
connect_timeout = 5
per_host_delay = 0                 # every demo source is on 127.0.0.1: no need to be polite
per_host_concurrency = 4

[[sources]]
name = "KCNA Watch (demo)"
url = "{base}/kcnawatch/feed.xml"

[[sources]]
name = "TASS World (demo)"
url = "{base}/tass/world.atom"

[[sources]]
name = "Naenara (demo)"
url = "{base}/naenara/news/list.html"
kind = "page"
fetch_body = true
select = {{ item = "ul.news li", title = "a.tit", date = ".date", teaser = "p.summary" }}
timezone = "Asia/Pyongyang"
link_pattern = {{ match = "news_view\\\\('(\\\\d+)'\\\\)", url = "{base}/naenara/news/article/{{1}}.html" }}

[mail]
transport = "file"
dir = "outbox"
from = "monitor@demo.localhost"

[[digests]]
name = "{digest}"
to = ["analyst@example.org"]
schedule = "daily 07:00"
timezone = "Asia/Seoul"
rules = ["*"]
"""


def demo_data() -> Traversable:
    return files("monitor") / "demo_data"


def routes() -> dict[str, tuple[bytes, str]]:
    """URL path -> (body, content type) for every demo page."""
    data = demo_data()
    out = {
        "/kcnawatch/feed.xml": (data.joinpath("kcnawatch.xml").read_bytes(), "application/rss+xml"),
        "/tass/world.atom": (data.joinpath("tass.atom").read_bytes(), "application/atom+xml"),
        "/naenara/news/list.html": (data.joinpath("naenara-list.html").read_bytes(), "text/html"),
    }
    for entry in data.iterdir():
        if entry.name.startswith(ARTICLE_PREFIX) and entry.name.endswith(".html"):
            number = entry.name.removeprefix(ARTICLE_PREFIX)
            out[f"/naenara/news/article/{number}"] = (entry.read_bytes(), "text/html")
    return {path: (body, f"{kind}; charset=utf-8") for path, (body, kind) in out.items()}


class _Handler(BaseHTTPRequestHandler):
    server: _DemoServer

    def log_message(self, format: str, *args: object) -> None:  # the pipeline reports what matters
        pass

    def do_GET(self) -> None:
        found = self.server.pages.get(self.path.split("?", 1)[0])
        body, kind = found if found else (b"not found", "text/plain")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _DemoServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: dict[str, tuple[bytes, str]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)  # port 0: any free port
        self.pages = pages

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


@contextmanager
def serve_demo() -> Iterator[str]:
    """Serve the demo pages on 127.0.0.1 in a thread; yields the base URL."""
    server = _DemoServer(routes())
    thread = threading.Thread(target=server.serve_forever, name="demo-http", daemon=True)
    thread.start()
    try:
        yield server.base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def shipped_rules() -> Path | None:
    """The repository's rules/ folder when running from a checkout (an editable install)."""
    root = Path(__file__).resolve().parent.parent
    folder = root / "rules"
    if (root / "pyproject.toml").is_file() and any(folder.glob("*.toml")):
        return folder
    return None


def install_rules(target: Path) -> str:
    """Copy the rules into ``target``: the checkout's rules/, else the copy bundled in demo_data
    (an installed wheel has no rules/ folder). Returns where they came from."""
    target.mkdir(parents=True, exist_ok=True)
    folder = shipped_rules()
    if folder is not None:
        for path in sorted(folder.glob("*.toml")):
            shutil.copyfile(path, target / path.name)
        return str(folder)
    (target / RULES_FILE).write_bytes(demo_data().joinpath(RULES_FILE).read_bytes())
    return f"the copy bundled with monitor ({RULES_FILE})"


def write_demo_project(root: Path, base: str) -> tuple[Path, str]:
    rules_from = install_rules(root / "rules")
    config = root / "config.toml"
    config.write_text(CONFIG.format(base=base, digest=DIGEST), encoding="utf-8")
    return config, rules_from


def run_demo(*, keep: bool = True) -> int:
    """Run the pipeline on the demo feeds and print where the digest landed.

    The temporary folder is kept by default (the digest in it is what the user came to
    see); ``keep=False`` (``--no-keep``) removes it once the summary is printed."""
    root = Path(tempfile.mkdtemp(prefix="monitor-demo-"))
    try:
        with serve_demo() as base:
            config, rules_from = write_demo_project(root, base)
            svc = build_service(load_config(config))
            try:
                report = asyncio.run(run_once(svc))
                return print_summary(svc, report, root, base, rules_from, keep=keep)
            finally:
                svc.store.close()
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
            print(f"removed {root} (--no-keep)")


def print_summary(svc: Service, report: RunReport, root: Path, base: str, rules_from: str, *,
                  keep: bool = True) -> int:
    print(f"monitor demo: {len(report.polls)} invented sources served on {base} (no internet needed)")
    print(f"rules: {rules_from}")
    for poll in report.polls:
        status = f"{poll.new_items} new items" if poll.ok else f"FAILED ({poll.error_kind}: {poll.error})"
        print(f"  {poll.source}: {status}")
    if report.bodies:
        print(f"  article pages read behind listing teasers: {report.bodies}")
    store = svc.store
    ids = [s.id for s in store.iter_items()]
    matches = store.matches_for(ids)
    names = Counter(name for found in matches.values() for name in {m.entry_name for m in found})
    matched = sum(1 for found in matches.values() if found)
    top = ", ".join(f"{name} ({n})" for name, n in names.most_common())
    print(f"{len(ids)} items, {matched} matched a rule" + (f": {top}" if top else ""))
    sent = [m for m in store.outbox() if m.status == "sent"]
    if not sent:
        print("error: no digest was written; see the log above", flush=True)
        return 1
    for msg in sent:
        stem = svc.settings.mail.dir / outbox_stem(msg)
        print(f"digest {msg.digest!r}: {msg.subject}")
        if keep:  # paths into a folder about to be removed would only mislead
            print(f"  html: {stem.with_suffix('.html')}")
            print(f"  eml:  {stem.with_suffix('.eml')}")
    if not keep:
        return 0
    config = root / "config.toml"
    print(f"kept {root}: the demo's config, rules, SQLite store and digests "
          "(delete it when done, or run with --no-keep); try:")
    print(f"  monitor sources --config {config}")
    print(f"  monitor explain --config {config} \"Kim Jong Il visited the Kursk submarine memorial\"")
    return 0
