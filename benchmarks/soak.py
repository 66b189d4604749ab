"""Crash-safety soak (issue 7): kill the daemon and the mail server at random, lose nothing,
send nothing twice. See docs/soak.md.

Usage: python benchmarks/soak.py [--duration 1200] [--seed 7] [--kills-min 30] [--terms-min 6]
       [--smtp-outages-min 5] [--source-failures-min 12] [--rule-edits-min 6] [--rate 1.0]
       [--drain-timeout 180] [--max-rss-growth 0.10] [--warmup 25] [--workdir DIR] [--keep]

It runs the real daemon (``python -m monitor run --config …``) in a subprocess against a
loopback farm (one ThreadingHTTPServer: RSS feeds with ETag / Last-Modified / neither, and a
listing page with ``fetch_body = true`` article pages) that keeps publishing items, and a real
SMTP server (aiosmtpd) that records every message. Meanwhile it SIGKILLs and restarts the
daemon, SIGTERMs it (it must exit within ``--term-limit`` seconds) and restarts it, stops and
restarts the SMTP server, makes sources fail (500, hang past the timeout, garbage) and recover,
and edits the rule file (atomically and in place) without changing what should alert.

Then it stops publishing, heals every fault, waits until every expected alert arrived (or
``--drain-timeout``) and checks the ground truth: every item that should alert reached every
recipient of every digest it is routed to exactly once, nothing else arrived, the store passes
``PRAGMA integrity_check``, and the daemon's RSS and open fds stayed flat. Exit status 0 only
when all of that holds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: the SMTP test server lives in tests/support
    sys.path.insert(0, str(ROOT))

from tests.support.smtp_server import Received, SmtpTestServer  # noqa: E402

# ---------------------------------------------------------------------------- corpus
FEEDS = ("wire-etag", "wire-plain", "wire-lastmod")  # RSS: 304 by ETag, same-body hash, 304 by date
LISTING = "listing"  # a page source with fetch_body = true
SOURCES = (*FEEDS, LISTING)
ARTICLES = "articles"  # the listing's article pages, which can fail on their own
FAIL_TARGETS = (*SOURCES, ARTICLES)
WINDOW = 60  # items each feed / the listing keeps; minutes of coverage at the default rate

DIGESTS: dict[str, tuple[str, ...]] = {
    "flash": ("duty@soak.test", "chief@soak.test"),  # immediate, rule "officials"
    "briefing": ("desk@soak.test",),  # every 1m, every rule
}
RCPT_DIGEST = {r: d for d, rs in DIGESTS.items() for r in rs}

RULES = """\
[[watchlist]]
name = "officials"
entries = [
  "Kim Jong Un",
  { name = "Vladimir Putin", aliases = ["Putin"] },
  "Choe Son Hui",
  { name = "Sergei Shoigu", aliases = ["Shoigu"] },
EXTRA_ENTRY]

[[watchlist]]
name = "treaties"
entries = [{ name = "Treaty on Comprehensive Strategic Partnership", aliases = ["DPRK-Russia treaty"] }]

[[rule]]
name = "officials"
any = ["officials"]

[[rule]]
name = "treaty"
any = ["treaties"]
"""
# Rule edits the soak makes: none of them can change which item alerts (checked before the run).
EDITS = (
    '  { name = "Zorblax Quintavian", id = "zorblax" },\n',  # an entry nothing mentions
    '  { name = "Oskar Vantablack", aliases = ["Vantablack"] },\n',
)
ALIAS_EDIT = ('"Kim Jong Un",', '{ name = "Kim Jong Un", aliases = ["Marshal Zorblax"] },')


def rules_text(edit: int | None = None) -> str:
    """The rule file: ``None`` the base, 0/1 an added entry, 2 an added alias."""
    text = RULES.replace("EXTRA_ENTRY", EDITS[edit] if edit in (0, 1) else "")
    return text.replace(*ALIAS_EDIT) if edit == 2 else text


OFFICIALS = ("Kim Jong Un", "Kim Jong-un", "KIM JONG UN", "Vladimir Putin", "Putin", "Choe Son Hui",
             "Choe Son-hui", "Sergei Shoigu", "Sergey Shoygu", "Shoigu")
TREATIES = ("Treaty on Comprehensive Strategic Partnership", "DPRK-Russia treaty")
NEAR_MISSES = ("Kim Jong Il", "Kim Il Sung")
VERBS = ("inspects", "visits", "tours", "opens", "reviews", "praises", "guides", "examines")
OBJECTS = ("fertilizer complex", "railway bridge", "hydroelectric station", "fishery station",
           "textile mill", "greenhouse farm", "shipyard", "machine plant", "university campus",
           "hospital wing", "apple orchard", "coal mine", "cement works", "flour mill")
PLACES = ("Hamhung", "Wonsan", "Sinuiju", "Chongjin", "Kaesong", "Nampho", "Vladivostok",
          "Khabarovsk", "Nakhodka", "Hyesan", "Kanggye", "Haeju", "Ussuriysk", "Tanchon")
GROUPS = ("Farmers", "Scientists", "Railway workers", "Youth volunteers", "Fishermen", "Engineers",
          "Students", "Miners", "Builders", "Artists", "Weavers", "Doctors")
FILLER = (
    "The event drew {n} participants from across the province and lasted well into the evening.",
    "Speakers reviewed output targets for the {q} quarter and pledged to exceed them before winter.",
    "Local papers printed photographs of the ceremony alongside reports from {p} and nearby towns.",
    "Workers on the site said the new equipment had doubled output since the spring campaign began.",
    "A delegation from {p} attended and exchanged experience in modernising production lines there.",
    "The report added that {n} tonnes of materials had been delivered ahead of schedule this month.",
)


@dataclass(frozen=True)
class Published:
    seq: int
    source: str
    kind: str  # title | body | treaty | noise | nearmiss
    title: str
    body: str  # RSS description, or the listing teaser
    article: str  # paragraphs of the article page (listing items), "" for feed items
    link: str
    at: float  # monotonic time of publication
    when: datetime

    @property
    def digests(self) -> frozenset[str]:
        if self.kind in ("title", "body"):
            return frozenset({"flash", "briefing"})
        if self.kind == "treaty":
            return frozenset({"briefing"})
        return frozenset()


KINDS = (("title", 0.22), ("body", 0.16), ("treaty", 0.12), ("noise", 0.40), ("nearmiss", 0.10))


class Corpus:
    """Generates items whose expected routing is known by construction."""

    def __init__(self, rng: random.Random, base_url: str) -> None:
        self.rng = rng
        self.base = base_url
        self.seq = 0

    def _filler(self, count: int) -> list[str]:
        r = self.rng
        return [r.choice(FILLER).format(n=r.randint(40, 900), q=r.choice(("first", "second", "third")),
                                        p=r.choice(PLACES)) for _ in range(count)]

    def make(self, source: str, at: float) -> Published:
        r = self.rng
        self.seq += 1
        seq = self.seq
        kind = r.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        place, obj, verb = r.choice(PLACES), r.choice(OBJECTS), r.choice(VERBS)
        plain_title = f"{r.choice(GROUPS)} complete the {obj} in {place} (No. {seq})"
        mention = ""
        if kind == "title":
            title = f"{r.choice(OFFICIALS)} {verb} {obj} in {place} (No. {seq})"
        elif kind == "body":
            title = plain_title
            mention = f"{r.choice(OFFICIALS)} sent warm congratulations to everyone who worked there."
        elif kind == "treaty":
            title, mention = plain_title, f"Speakers hailed the {r.choice(TREATIES)} signed last year."
        elif kind == "nearmiss":
            title = f"Anniversary of {r.choice(NEAR_MISSES)}'s visit to the {obj} in {place} (No. {seq})"
        else:
            title = plain_title
        paras = self._filler(4)
        if source == LISTING:
            teaser = paras[0]
            if mention:  # only the article page mentions it: found only with fetch_body
                paras.insert(r.randint(1, len(paras)), mention)
            return Published(seq, source, kind, title, teaser, "\n".join(paras),
                             f"{self.base}/article/{seq:06d}", at, datetime.now(UTC))
        if mention:
            paras.insert(r.randint(0, 2), mention)
        return Published(seq, source, kind, title, " ".join(paras[:3]), "",
                         f"{self.base}/news/{source}/{seq:06d}", at, datetime.now(UTC))


LINK_ID = re.compile(r"/(?:news/[a-z-]+|article)/(\d{6})\b")


# ------------------------------------------------------------------------------- farm
@dataclass
class SourceState:
    items: deque[Published] = field(default_factory=lambda: deque(maxlen=WINDOW))
    version: int = 0
    changed: str = "Thu, 01 Jan 2026 00:00:00 GMT"
    fail: str | None = None  # None | 500 | hang | garbage


class Farm(ThreadingHTTPServer):
    """The sources: feeds, a listing page and its articles, all on one loopback port."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, rng: random.Random, hang: float) -> None:
        super().__init__(("127.0.0.1", 0), _FarmHandler)
        self.lock = threading.Lock()
        self.state = {name: SourceState() for name in FAIL_TARGETS}
        self.articles: dict[int, Published] = {}
        self.served: set[int] = set()  # items that went out in a complete 200 response
        self.requests = Counter[str]()
        self.rng = rng
        self.hang = hang
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._stop_hangs = threading.Event()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Farm:
        self._thread.start()
        return self

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a killed daemon's keep-alive socket
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self._stop_hangs.set()
        self.shutdown()
        self.server_close()

    def publish(self, item: Published) -> None:
        with self.lock:
            st = self.state[item.source]
            st.items.appendleft(item)
            st.version += 1
            st.changed = format_datetime(datetime.now(UTC), usegmt=True)
            if item.source == LISTING:
                self.articles[item.seq] = item

    def served_all(self, seqs: set[int]) -> bool:
        with self.lock:
            return seqs <= self.served

    def set_fail(self, source: str, mode: str | None) -> None:
        with self.lock:
            self.state[source].fail = mode

    def wait_hang(self) -> None:
        self._stop_hangs.wait(self.hang)

    def garbage(self, body: bytes) -> bytes:
        choice = self.rng.randrange(4)
        if choice == 0:
            return self.rng.randbytes(self.rng.randint(10, 3000))
        if choice == 1:
            return b"<html><body><h1>Service temporarily unavailable</h1></body></html>"
        if choice == 2:
            return b""
        # cut at an item boundary, closing tags missing: ill-formed, but every item is whole
        cut = body.rfind(b"<item>", 0, len(body) // 2) if b"<item>" in body else body.find(b"<li>", 200)
        return body[:cut] if cut > 0 else b"\x00\xff garbage"


def rss(items: list[Published], title: str) -> bytes:
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
             "<link>http://soak.test/</link><description>soak feed</description>"]
    for it in items:
        parts.append(f"<item><guid isPermaLink=\"false\">{it.source}-{it.seq}</guid>"
                     f"<title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
                     f"<pubDate>{format_datetime(it.when)}</pubDate>"
                     f"<description>{escape(it.body)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def listing(items: list[Published]) -> bytes:
    rows = "".join(f'<li><a class="title" href="{escape(it.link)}">{escape(it.title)}</a>'
                   f'<p class="teaser">{escape(it.body)}</p></li>' for it in items)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body>'
            f'<div class="nav"><a href="/">Home</a></div><ul class="news">{rows}</ul></body></html>').encode()


def article(it: Published) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in it.article.split("\n"))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(it.title)}</title></head>'
            f'<body><div class="nav"><a href="/">Home</a> | <a href="/list/news.html">News</a></div>'
            f"<article><h1>{escape(it.title)}</h1>{paras}</article>"
            f'<div class="footer">All rights reserved.</div></body></html>').encode()


class _FarmHandler(BaseHTTPRequestHandler):
    server: Farm
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, status: int, body: bytes, ctype: str = "text/plain", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def _get(self) -> None:
        srv, path = self.server, self.path.split("?", 1)[0]
        m = re.fullmatch(r"/feed/([a-z-]+)\.xml|/list/news\.html|/article/(\d+)|/news/[a-z-]+/\d+", path)
        if m is None:
            return self._send(404, b"not found")
        if path.startswith("/news/"):  # feed items' own pages: never fetched (no fetch_body)
            return self._send(200, b"<html><body>story</body></html>", "text/html")
        source = m.group(1) or LISTING
        with srv.lock:
            srv.requests[path.split("/")[1]] += 1
            st = srv.state.get(source)
            fail = st.fail if st else None
            if m.group(2):  # the article server fails with its site, or on its own
                fail = fail or srv.state[ARTICLES].fail
            if st is None:
                return self._send(404, b"no such feed")
            if m.group(2):
                item = srv.articles.get(int(m.group(2)))
                body = article(item) if item else b""
                kind = "article"
            else:
                items = list(st.items)
                body = listing(items) if source == LISTING else rss(items, source or "")
                kind = "feed"
            version, changed = st.version, st.changed
        ctype = "text/html; charset=utf-8" if source == LISTING else "application/rss+xml"
        if fail == "500":
            return self._send(500, b"internal error")
        if fail == "hang":
            srv.wait_hang()  # past the daemon's timeout: it gives up first
            return self._send(503, b"late")
        if fail == "garbage" and kind == "article":
            # a 200 error page in place of an article cannot be told from an article: the store
            # keeps an article's text for good, so garbage here would be a loss by design
            return self._send(503, b"<html><body>Service temporarily unavailable</body></html>", ctype)
        if fail == "garbage":
            return self._send(200, srv.garbage(body), ctype)
        if kind == "article":
            return self._send(200 if body else 404, body, "text/html; charset=utf-8")
        if source == "wire-etag":
            etag = f'"v{version}"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", ETag=etag)
            self._mark_served(items)
            return self._send(200, body, "application/rss+xml", ETag=etag)
        if source == "wire-lastmod":
            if self.headers.get("If-Modified-Since") == changed:
                return self._send(304, b"", Last_Modified=changed)
            self._mark_served(items)
            return self._send(200, body, "application/rss+xml", Last_Modified=changed)
        self._mark_served(items)
        return self._send(200, body, ctype)

    def _mark_served(self, items: list[Published]) -> None:
        with self.server.lock:
            self.server.served.update(it.seq for it in items)


# ---------------------------------------------------------------------------- SMTP sink
class TimedList(list[Received]):
    """The SMTP server's record of messages, with the monotonic time each arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item: Received) -> None:
        self.times.append(time.monotonic())
        super().append(item)


class SoakSmtp(SmtpTestServer):
    """The test server, able to sit on QUIT after accepting a message: what a client sees when
    the network drops right after the server's 250, until its own timeout gives up."""

    quit_stall: float = 0.0

    def start(self) -> SoakSmtp:
        super().start()
        assert self._controller is not None

        async def handle_QUIT(server: Any, session: Any, envelope: Any) -> str:
            if self.quit_stall:
                await asyncio.sleep(self.quit_stall)
            return "221 Bye"

        # aiosmtpd picks up handle_* hooks from the handler per connection
        self._controller.handler.handle_QUIT = handle_QUIT
        return self


# ------------------------------------------------------------------------------ daemon
@dataclass
class Incarnation:
    n: int
    pid: int
    started: float
    log: Path
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (age s, RSS kB, fds)
    ended: float | None = None
    how: str = ""  # kill | term | crash | final


class Daemon:
    def __init__(self, config: Path, workdir: Path) -> None:
        self.config, self.workdir = config, workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.incarnations: list[Incarnation] = []
        self.lock = threading.Lock()
        self.early_terms = 0
        # set under the lock before a kill or a SIGTERM: an exit then is no crash (the sampler
        # thread would otherwise see the process gone before kill() or term() ends it)
        self.stopping = False

    def start(self) -> None:
        n = len(self.incarnations) + 1
        log = self.workdir / "logs" / f"daemon-{n:03d}.log"
        log.parent.mkdir(exist_ok=True)
        # the code snapshot first: edits others make to the tree meanwhile do not reach the daemon
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(self.workdir / "code")}
        env.pop("MONITOR_CONFIG", None)
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(self.config)],
                                    cwd=self.workdir, stdout=out, stderr=subprocess.STDOUT, env=env)
        with self.lock:
            self.proc = proc
            self.incarnations.append(Incarnation(n, proc.pid, time.monotonic(), log))

    def _end(self, how: str) -> Incarnation:
        with self.lock:
            inc = self.incarnations[-1]
            inc.ended, inc.how, self.proc = time.monotonic(), how, None
            self.stopping = False
        return inc

    def kill(self) -> float:
        assert self.proc is not None
        with self.lock:
            self.stopping = True
        self.proc.send_signal(signal.SIGKILL)
        at = time.monotonic()
        self.proc.wait()
        self._end("kill")
        return at

    def term(self, limit: float) -> tuple[float, bool]:
        """SIGTERM; returns (seconds to exit, exited cleanly within the limit)."""
        assert self.proc is not None
        proc, t0 = self.proc, time.monotonic()
        with self.lock:
            self.stopping = True
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=limit)
            # -SIGTERM: it arrived while Python was still starting, before the daemon installed its
            # handler; the default action ends the process at once, which is as safe as a kill
            ok = rc in (0, -signal.SIGTERM)
            self.early_terms += rc == -signal.SIGTERM
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            ok = False
        self._end("term" if ok else "term-failed")
        return time.monotonic() - t0, ok

    def check_alive(self) -> int | None:
        """The exit code when the daemon died by itself (a crash), else None."""
        with self.lock:
            proc = self.proc
            if proc is None or self.stopping or proc.poll() is None:
                return None
        self._end("crash")
        return proc.returncode

    def sample(self) -> None:
        with self.lock:
            if self.proc is None:
                return
            inc = self.incarnations[-1]
        try:
            status = Path(f"/proc/{inc.pid}/status").read_text()
            found = re.search(r"VmRSS:\s+(\d+)", status)
            fds = len(os.listdir(f"/proc/{inc.pid}/fd"))
        except OSError:
            return
        if found is None:  # a zombie between exit and wait
            return
        rss = int(found.group(1))
        with self.lock:
            if self.incarnations[-1] is inc and inc.ended is None:
                inc.samples.append((time.monotonic() - inc.started, rss, fds))


# ----------------------------------------------------------------------- chaos plan
@dataclass(order=True)
class Event:
    at: float
    action: str = field(compare=False)  # kill | term | smtp | fail | edit
    arg: Any = field(default=None, compare=False)


def plan(args: argparse.Namespace, rng: random.Random) -> list[Event]:
    """Fault times, spread at random over the run (none in its first/last seconds)."""
    lo, hi = min(8.0, args.duration / 4), max(args.duration - 6.0, args.duration * 0.8)

    def times(n: int) -> list[float]:
        return sorted(rng.uniform(lo, hi) for _ in range(n))

    events = [Event(t, "kill") for t in times(args.kills_min)]
    events += [Event(t, "term") for t in times(args.terms_min)]
    events += [Event(t, "smtp", rng.uniform(3, args.max_outage)) for t in times(args.smtp_outages_min)]
    events += [Event(t, "stall", rng.uniform(3, args.max_outage)) for t in times(args.smtp_stalls_min)]
    events += [Event(t, "fail", (rng.choice(FAIL_TARGETS), rng.choice(("500", "hang", "garbage")),
                                 rng.uniform(4, args.max_outage)))
               for t in times(args.source_failures_min)]
    events += [Event(t, "edit", (rng.randrange(3), rng.random() < args.inplace_share, rng.uniform(3, 15)))
               for t in times(args.rule_edits_min)]
    return sorted(events)


# ------------------------------------------------------------------------------ soak
@dataclass
class Stats:
    kills: int = 0
    terms: int = 0
    term_times: list[float] = field(default_factory=list)
    slow_terms: int = 0
    crashes: int = 0
    smtp_outages: int = 0
    smtp_stalls: int = 0
    source_failures: Counter[str] = field(default_factory=Counter)
    rule_edits: int = 0
    inplace_edits: int = 0
    kill_times: list[float] = field(default_factory=list)
    smtp_stop_times: list[float] = field(default_factory=list)


class Soak:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.workdir = Path(args.workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.farm = Farm(random.Random(args.seed + 1), hang=args.hang).start()
        self.corpus = Corpus(random.Random(args.seed + 2), self.farm.base)
        self.published: list[Published] = []
        self.received = TimedList()
        self.smtp = SoakSmtp(received=self.received).start()
        self.config = self.write_project()
        self.daemon = Daemon(self.config, self.workdir)
        self.stats = Stats()
        self.stop_publishing = threading.Event()
        self.stop_sampling = threading.Event()
        self.smtp_up = True
        self.t0 = time.monotonic()
        self.timers: list[threading.Timer] = []
        self.pending_restores: list[Callable[[], None]] = []

    # -- setup
    def write_project(self) -> Path:
        (self.workdir / "rules").mkdir(exist_ok=True)
        (self.workdir / "rules" / "soak.toml").write_text(rules_text(), encoding="utf-8")
        srcs = []
        for name in FEEDS:
            srcs.append(f'[[sources]]\nname = "{name}"\nurl = "{self.farm.base}/feed/{name}.xml"\n'
                        f'interval = "{self.args.source_interval}"\n')
        srcs.append(f'[[sources]]\nname = "{LISTING}"\nurl = "{self.farm.base}/list/news.html"\n'
                    f'kind = "page"\ninterval = "{self.args.source_interval}"\nfetch_body = true\n'
                    'select = { item = "ul.news li", title = "a.title", link = "a.title", '
                    'teaser = "p.teaser" }\n')
        digests = "".join(
            f'[[digests]]\nname = "{name}"\nto = {json.dumps(list(rcpts))}\nschedule = "{sched}"\n'
            f"rules = {json.dumps(rules)}\nmax_items = 100000\n\n"
            for name, rcpts, sched, rules in (("flash", DIGESTS["flash"], "immediate", ["officials"]),
                                              ("briefing", DIGESTS["briefing"], "every 1m", ["*"])))
        text = (
            '[store]\npath = "var/monitor.db"\n\n[rules]\npath = "rules"\n\n'
            f'[poll]\ninterval = "{self.args.source_interval}"\ntimeout = {self.args.http_timeout}\n'
            'connect_timeout = 5\nper_host_delay = 0\nper_host_concurrency = 8\nbackoff_max = "8s"\n\n'
            + "\n".join(srcs) +
            f'\n[mail]\ntransport = "smtp"\nhost = "127.0.0.1"\nport = {self.smtp.port}\nsecurity = "none"\n'
            f'from = "monitor@soak.test"\ntimeout = {self.args.mail_timeout:g}\nretry_base = "1s"\n'
            'retry_max = "5s"\n'
            "max_attempts = 1000\n\n"
            + digests +
            '[daemon]\ntick = "1s"\nwatch_interval = "1s"\n')
        path = self.workdir / "config.toml"
        path.write_text(text, encoding="utf-8")
        return path

    def now(self) -> float:
        return time.monotonic() - self.t0

    def log(self, message: str) -> None:
        print(f"[{self.now():7.1f}s] {message}", flush=True)

    # -- background threads
    def publisher(self) -> None:
        rng = random.Random(self.args.seed + 3)
        while not self.stop_publishing.wait(rng.expovariate(self.args.rate)):
            item = self.corpus.make(rng.choice(SOURCES), time.monotonic())
            self.published.append(item)
            self.farm.publish(item)

    def sampler(self) -> None:
        while not self.stop_sampling.wait(2.0):
            self.daemon.sample()
            code = self.daemon.check_alive()
            if code is not None:
                self.stats.crashes += 1
                self.log(f"daemon died by itself (exit {code}); see {self.daemon.incarnations[-1].log}")
                self.daemon.start()

    # -- faults
    def later(self, delay: float, fn: Callable[[], None]) -> None:
        self.pending_restores.append(fn)

        def run() -> None:
            if fn in self.pending_restores:
                self.pending_restores.remove(fn)
                fn()

        timer = threading.Timer(delay, run)
        timer.daemon = True
        self.timers.append(timer)
        timer.start()

    def do(self, ev: Event) -> None:
        if ev.action in ("kill", "term") and self.daemon.proc is None:
            return
        if ev.action == "kill":
            self.stats.kill_times.append(self.daemon.kill())
            self.stats.kills += 1
            time.sleep(self.rng.uniform(0, 1.5))
            self.daemon.start()
        elif ev.action == "term":
            took, ok = self.daemon.term(self.args.term_limit)
            self.stats.terms += 1
            self.stats.term_times.append(took)
            if not ok:
                self.stats.slow_terms += 1
                self.log(f"SIGTERM: daemon did not exit cleanly within {self.args.term_limit}s")
            time.sleep(self.rng.uniform(0, 1.0))
            self.daemon.start()
        elif ev.action == "stall" and not self.smtp.quit_stall:
            self.smtp.quit_stall = self.args.mail_timeout + 5  # past the daemon's SMTP timeout
            self.stats.smtp_stalls += 1
            self.later(ev.arg, self.smtp_unstall)
        elif ev.action == "smtp" and self.smtp_up:
            self.stats.smtp_stop_times.append(time.monotonic())
            self.smtp.stop()
            self.smtp_up = False
            self.stats.smtp_outages += 1
            self.later(ev.arg, self.smtp_start)
        elif ev.action == "fail":
            source, mode, length = ev.arg
            if self.farm.state[source].fail is None:
                self.farm.set_fail(source, mode)
                self.stats.source_failures[mode] += 1
                self.later(length, lambda: self.farm.set_fail(source, None))
        elif ev.action == "edit":
            which, inplace, length = ev.arg
            self.write_rules(rules_text(which), inplace)
            self.stats.rule_edits += 1
            self.stats.inplace_edits += inplace
            self.later(length, lambda: self.write_rules(rules_text(), inplace))

    def smtp_unstall(self) -> None:
        self.smtp.quit_stall = 0.0

    def smtp_start(self) -> None:
        if not self.smtp_up:
            self.smtp.start()
            self.smtp_up = True

    def write_rules(self, text: str, inplace: bool) -> None:
        path = self.workdir / "rules" / "soak.toml"
        if not inplace:  # how most tools save: write a new file, rename it over the old one
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
            return
        # how some editors save: truncate, then write (here in two parts, a moment apart)
        data = text.encode()
        lines = [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
        cut = self.rng.choice(lines) if self.rng.random() < 0.5 else self.rng.randrange(len(data))
        with path.open("wb") as f:
            f.write(data[:cut])
            f.flush()
            time.sleep(self.rng.uniform(0.05, 0.6))  # a slow disk; well under the watch interval
            f.write(data[cut:])

    def heal(self) -> None:
        for timer in self.timers:
            timer.cancel()
        for fn in list(self.pending_restores):
            self.pending_restores.remove(fn)
            fn()
        for name in FAIL_TARGETS:
            self.farm.set_fail(name, None)
        self.smtp_start()
        if self.daemon.proc is None:
            self.daemon.start()

    # -- run
    def run(self) -> int:
        args = self.args
        self.log(f"workdir {self.workdir}; farm {self.farm.base}; smtp 127.0.0.1:{self.smtp.port}")
        events = plan(args, self.rng)
        for name in SOURCES:  # an empty listing would read as "selectors matched nothing"
            for _ in range(2):
                self.published.append(item := self.corpus.make(name, time.monotonic()))
                self.farm.publish(item)
        threading.Thread(target=self.publisher, daemon=True).start()
        self.daemon.start()
        threading.Thread(target=self.sampler, daemon=True).start()
        for ev in events:
            wait = ev.at - self.now()
            if wait > 0:
                time.sleep(wait)
            self.do(ev)
        time.sleep(max(0.0, args.duration - self.now()))
        self.stop_publishing.set()
        self.heal()
        self.log(f"published {len(self.published)} items; draining (up to {args.drain_timeout:.0f}s)")
        drain_start = time.monotonic()
        while time.monotonic() - drain_start < args.drain_timeout:
            served = self.farm.served_all({it.seq for it in self.published})
            if served and not self.expected() - set(self.deliveries()):
                break
            time.sleep(1.0)
        drained = time.monotonic() - drain_start
        time.sleep(args.settle)  # late duplicates would show up now
        self.daemon.sample()
        took, ok = self.daemon.term(args.term_limit)
        self.stats.term_times.append(took)
        if not ok:
            self.stats.slow_terms += 1
        self.daemon.incarnations[-1].how = "final" if ok else "final-term-failed"
        self.stop_sampling.set()
        self.smtp.stop()
        self.farm.stop()
        return self.report(drained)

    # -- checks
    def expected(self) -> set[tuple[int, str]]:
        return {(it.seq, rcpt) for it in self.published for d in it.digests for rcpt in DIGESTS[d]
                if it.seq in self.farm.served}

    def deliveries(self) -> Iterator[tuple[int, str]]:
        for rec in list(self.received):
            for seq in message_items(rec):
                for rcpt in rec.rcpt_tos:
                    yield seq, rcpt

    def report(self, drained: float) -> int:
        a, s = self.args, self.stats
        expected = self.expected()
        got = Counter(self.deliveries())
        lost = expected - set(got)
        unexpected = set(got) - expected
        dups = {k: n for k, n in got.items() if n > 1}
        in_window = {k for k in dups if self.in_window(k)}
        never_served = [it.seq for it in self.published if it.seq not in self.farm.served]
        alerts = {(it.seq, d) for it in self.published for d in it.digests if it.seq in self.farm.served}
        health_only = sum(1 for rec in self.received if not message_items(rec))
        integrity, outbox = self.store_checks()
        mem = self.memory()
        (self.workdir / "memory.json").write_text(json.dumps(
            [{"n": i.n, "pid": i.pid, "how": i.how, "samples": i.samples} for i in self.daemon.incarnations]))
        by_kind = Counter(it.kind for it in self.published)
        print()
        print("== soak result ==")
        print(f"duration           {a.duration:.0f}s (+ drain {drained:.0f}s, settle {a.settle:.0f}s), "
              f"seed {a.seed}")
        print(f"items published    {len(self.published)} "
              f"({', '.join(f'{k} {n}' for k, n in sorted(by_kind.items()))}); "
              f"never served {len(never_served)}")
        print(f"daemon             {len(self.daemon.incarnations)} incarnations; SIGKILLs {s.kills}; "
              f"SIGTERMs {s.terms} (+1 final), slowest exit {max(s.term_times, default=0):.2f}s, "
              f"not within {a.term_limit:g}s: {s.slow_terms}; during start-up {self.daemon.early_terms}; "
              f"crashes {s.crashes}")
        print(f"SMTP outages       {s.smtp_outages}; stalls on QUIT after accepting: {s.smtp_stalls}")
        print(f"source failures    {sum(s.source_failures.values())} "
              f"({', '.join(f'{k} {n}' for k, n in sorted(s.source_failures.items()))})")
        print(f"rule edits         {s.rule_edits} ({s.inplace_edits} written in place)")
        print(f"messages received  {len(self.received)} "
              f"({health_only} with no items: source-health notes only)")
        print(f"alerts expected    {len(alerts)} (item x digest); mails {len(expected)} (item x recipient)")
        print(f"delivered          {len(set(got) & expected)}")
        print(f"duplicated         {len(dups) - len(in_window)}" +
              (f" (+{len(in_window)} in-window: kill between the server's 250 and the store's commit)"
               if in_window else ""))
        print(f"lost               {len(lost)}")
        print(f"unexpected         {len(unexpected)}")
        print(f"store              integrity_check: {integrity}; outbox {outbox}")
        print(f"memory (RSS)       {mem['text']}")
        failures = []
        if lost:
            failures.append(f"lost: {self.describe(sorted(lost)[:15])}")
        if len(dups) > len(in_window):
            failures.append(f"duplicated: {self.describe(sorted(set(dups) - in_window)[:15])}")
        if unexpected:
            failures.append(f"unexpected: {self.describe(sorted(unexpected)[:15])}")
        if integrity != "ok":
            failures.append(f"integrity_check: {integrity}")
        if s.slow_terms:
            failures.append(f"{s.slow_terms} SIGTERMs not obeyed within {a.term_limit:g}s")
        if s.crashes:
            failures.append(f"{s.crashes} crashes")
        if mem["growth"] > a.max_rss_growth:
            failures.append(f"RSS grew {mem['growth']:.0%} (> {a.max_rss_growth:.0%})")
        if mem["fd_growth"] > a.max_fd_growth:
            failures.append(f"open fds grew by {mem['fd_growth']} (> {a.max_fd_growth})")
        for f in failures:
            print(f"FAIL {f}")
        print("PASS" if not failures else f"FAILED ({len(failures)} checks); workdir kept: {self.workdir}")
        if not failures and not a.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)
        return 1 if failures else 0

    def describe(self, keys: list[tuple[int, str]]) -> str:
        by_seq = {it.seq: it for it in self.published}
        return "; ".join(f"#{seq} {by_seq[seq].source}/{by_seq[seq].kind} -> {rcpt} "
                         f"(published at {by_seq[seq].at - self.t0:.1f}s)" for seq, rcpt in keys)

    def in_window(self, key: tuple[int, str]) -> bool:
        """A duplicate provably caused by a SIGKILL between the server's 250 after DATA and the store's
        commit: both copies carry one Message-ID (a retry of one outbox message), a kill landed within
        0.1 s after the first copy arrived, and the killed daemon never logged that message as accepted."""
        seq, rcpt = key
        copies = [(t, rec) for t, rec in zip(self.received.times, self.received, strict=True)
                  if rcpt in rec.rcpt_tos and seq in message_items(rec)]
        ids = {str(rec.message["Message-ID"]) for _, rec in copies}
        if len(ids) != 1:
            return False
        first = copies[0][0]
        kill = next((k for k in self.stats.kill_times if first <= k <= first + 0.1), None)
        if kill is None:
            return False
        inc = next((i for i in self.daemon.incarnations if i.how == "kill" and i.ended and
                    abs(i.ended - kill) < 1.0), None)
        if inc is None:
            return False
        msg_id = ids.pop().strip("<>")
        lines = inc.log.read_text(errors="replace").splitlines()
        return not any(msg_id in line and "accepted for" in line for line in lines)

    def store_checks(self) -> tuple[str, str]:
        db = sqlite3.connect(self.workdir / "var" / "monitor.db")
        try:
            integrity = str(db.execute("PRAGMA integrity_check").fetchone()[0])
            rows = db.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall()
            pending = db.execute("SELECT COUNT(*) FROM routes WHERE outbox_id IS NULL").fetchone()[0]
        finally:
            db.close()
        return integrity, ", ".join(f"{s} {n}" for s, n in rows) + f"; unqueued routes {pending}"

    def memory(self) -> dict[str, Any]:
        warm = self.args.warmup
        incs = [i for i in self.daemon.incarnations if i.samples]
        warmed = [i for i in incs if any(age >= warm for age, _, _ in i.samples)]
        if not warmed:
            return {"text": f"no incarnation lived past the {warm:g}s warm-up", "growth": 0.0, "fd_growth": 0}

        def at_warm(i: Incarnation) -> tuple[float, int, int]:
            return next(x for x in i.samples if x[0] >= warm)

        first, last, longest = warmed[0], incs[-1], max(warmed, key=lambda i: i.samples[-1][0])
        f_age, f_rss, f_fds = at_warm(first)
        end_age, end_rss, end_fds = last.samples[-1]
        growth = end_rss / f_rss - 1
        parts = [f"first incarnation at {f_age:.0f}s: {f_rss / 1024:.1f} MiB, {f_fds} fds; "
                 f"last incarnation at end ({end_age:.0f}s old): {end_rss / 1024:.1f} MiB, {end_fds} fds "
                 f"({growth:+.1%} across incarnations)"]
        fd_growth = end_fds - f_fds
        for label, inc in (("last", last), ("longest-lived", longest)):
            if inc in warmed:
                _, w_rss, w_fds = at_warm(inc)
                g = inc.samples[-1][1] / w_rss - 1
                growth = max(growth, g)
                fd_growth = max(fd_growth, inc.samples[-1][2] - w_fds)
                e_age, e_rss, e_fds = inc.samples[-1]
                parts.append(f"{label} (#{inc.n}, {e_age:.0f}s): {w_rss / 1024:.1f} -> "
                             f"{e_rss / 1024:.1f} MiB ({g:+.1%}), fds {w_fds} -> {e_fds}")
        peak = max(x[1] for i in incs for x in i.samples)
        parts.append(f"peak {peak / 1024:.1f} MiB")
        return {"text": "\n                   ".join(parts), "growth": growth, "fd_growth": fd_growth}


def message_items(rec: Received) -> set[int]:
    """The soak items a received digest lists, by the unique links in its text part."""
    part = rec.message.get_body(("plain",))
    text = part.get_content() if part is not None else ""
    return {int(m) for m in LINK_ID.findall(str(text))}


# -------------------------------------------------------------------------- preflight
def preflight(seed: int) -> list[str]:
    """The ground truth is what the generator meant; check the real matcher and article
    extractor agree on a sample, under the base rules and every edit the soak makes."""
    from monitor.matching.engine import Matcher
    from monitor.matching.load import load_rules
    from monitor.sources.article import extract_article

    corpus = Corpus(random.Random(seed + 99), "http://127.0.0.1:1")
    sample = [corpus.make(SOURCES[i % len(SOURCES)], 0.0) for i in range(240)]
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for edit in (None, 0, 1, 2):
            (Path(tmp) / "soak.toml").write_text(rules_text(edit), encoding="utf-8")
            matcher = Matcher.build(load_rules(Path(tmp)))
            for it in sample:
                body = extract_article(article(it), url=it.link) if it.source == LISTING else it.body
                rules = {m.rule for m in matcher.match({"title": it.title, "body": body})}
                got = ({"flash", "briefing"} if "officials" in rules else set()) | \
                    ({"briefing"} if "treaty" in rules else set())
                if got != it.digests:
                    problems.append(f"edit {edit}: {it.kind} item {it.title!r} / {body[:80]!r}: "
                                    f"matcher says {sorted(got)}, expected {sorted(it.digests)}")
    return problems


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--duration", type=float, default=1200, help="seconds of publishing and faults")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--kills-min", type=int, default=30, help="SIGKILL + restart, at random moments")
    p.add_argument("--terms-min", type=int, default=6, help="SIGTERM (must exit in --term-limit) + restart")
    p.add_argument("--smtp-outages-min", type=int, default=5)
    p.add_argument("--smtp-stalls-min", type=int, default=4,
                   help="periods in which the server accepts mail, then sits on QUIT")
    p.add_argument("--mail-timeout", type=float, default=15.0, help="the daemon's [mail] timeout")
    p.add_argument("--source-failures-min", type=int, default=12, help="500 / hang / garbage, then recover")
    p.add_argument("--rule-edits-min", type=int, default=6, help="edits that change no alert, then reverted")
    p.add_argument("--inplace-share", type=float, default=0.5,
                   help="share of rule edits written in place (truncate, then write)")
    p.add_argument("--max-outage", type=float, default=20.0, help="longest SMTP/source outage, seconds")
    p.add_argument("--rate", type=float, default=1.0, help="items published per second (all sources)")
    p.add_argument("--source-interval", default="2s")
    p.add_argument("--http-timeout", type=float, default=8.0, help="the daemon's [poll] timeout")
    p.add_argument("--hang", type=float, default=12.0, help="how long a hanging source stalls")
    p.add_argument("--term-limit", type=float, default=5.0, help="seconds SIGTERM may take")
    p.add_argument("--drain-timeout", type=float, default=180.0)
    p.add_argument("--settle", type=float, default=8.0, help="seconds to wait for late duplicates")
    p.add_argument("--warmup", type=float, default=25.0, help="age of a daemon's first memory sample")
    p.add_argument("--max-rss-growth", type=float, default=0.10)
    p.add_argument("--max-fd-growth", type=int, default=3)
    p.add_argument("--workdir", default=None, help="keep everything here (default: a temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the temp folder even when the soak passes")
    p.add_argument("--code", choices=("worktree", "head"), default="worktree",
                   help="run a copy of the monitor package as it is now in the tree, or as committed")
    p.add_argument("--skip-preflight", action="store_true")
    return p.parse_args(argv)


def snapshot_code(dest: Path, what: str) -> None:
    """Copy the monitor package the daemon will run: HEAD's, or the working tree's as it is now."""
    dest.mkdir(parents=True, exist_ok=True)
    if what == "head":
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", "monitor"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    else:
        shutil.copytree(ROOT / "monitor", dest / "monitor",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.keep = args.keep or args.workdir is not None  # never delete a folder the user named
    args.workdir = args.workdir or tempfile.mkdtemp(prefix="monitor-soak-")
    snapshot_code(Path(args.workdir) / "code", args.code)
    sys.path.insert(0, str(Path(args.workdir) / "code"))  # the preflight checks the same code
    if not args.skip_preflight:
        problems = preflight(args.seed)
        if problems:
            print("preflight: the corpus and the matcher disagree; fix the generator:", *problems[:20],
                  sep="\n  ")
            return 2
    return Soak(args).run()


if __name__ == "__main__":
    sys.exit(main())
