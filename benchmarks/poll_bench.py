"""Poll-cycle benchmark: Fetcher + parse_feed over a loopback farm of feed sources.

Usage: python benchmarks/poll_bench.py [--sources 1000] [--ports 100] [--slow-delay 1.5]
       [--concurrency 20] [--host-delay 0.05] [--baseline-sample 50]

The farm runs in a child process (so the CPU figures are the poller's alone), on
``--ports`` loopback ports with the sources spread evenly over them. Per-host limits
are keyed by host:port (``FetchSettings.host_key``): every farm port stands for one
site, keeping per_host_concurrency=2 and a per-host delay, as a real poll of many
sites would. Source mix (by index mod 20): 1 in 20 slow (first byte after
``--slow-delay`` s), 6 changed (a new item every request), 8 unchanged behind an
ETag (304), 5 unchanged without validators (same body: the sha256 digest matches
and it is not parsed again). Bodies are gzip-compressed when the client asks.

Printed: wall time of one full cycle (after a warm-up cycle that learns validators and
digests), CPU time per unchanged and per changed source (each from a cycle over only
that class), peak RSS, and the naive baseline measured in the same run:
``feedparser.parse(url)`` sequentially over a sample, extrapolated to all sources.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from multiprocessing.connection import Connection
from pathlib import Path

import feedparser

from monitor.config import MailSettings, PollSettings, Settings, SourceSettings
from monitor.errors import FetchError
from monitor.fetch import Fetcher, FetchSettings, content_digest
from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist
from monitor.pipeline import Service, match_new, poll_sources
from monitor.sources.feed import parse_feed
from monitor.store import Store

ITEMS = 20


def kind_of(index: int) -> str:
    slot = index % 20
    if slot == 0:
        return "slow"
    if slot <= 6:
        return "changed"
    if slot <= 14:
        return "etag"
    return "plain"


def feed_body(index: int, serial: int) -> bytes:
    """An RSS feed of ITEMS items shaped like a news-agency feed; newest item = serial."""
    items = "".join(
        f"<item><title>Source {index} item {n}: Kim Jong Un inspects factory {n}</title>"
        f"<link>http://farm.test/{index}/{n}</link><guid>farm-{index}-{n}</guid>"
        f"<pubDate>Fri, 20 Jun 2025 {n % 24:02d}:00:00 +0900</pubDate>"
        f"<description><![CDATA[<p>Pyongyang, June 20 (KCNA) -- Item {n} of source {index}. "
        + "The general secretary gave instructions on production. " * 8
        + "</p>]]></description></item>"
        for n in range(serial, serial - ITEMS, -1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Farm source {index}</title><link>http://farm.test/{index}/</link>"
        f"{items}</channel></rss>"
    ).encode()


# ---------------------------------------------------------------- the farm (child process)


class Farm:
    def __init__(self, sources: int, slow_delay: float) -> None:
        self.slow_delay = slow_delay
        self.serial = dict.fromkeys(range(sources), 1000)
        self.static = {i: feed_body(i, 1000) for i in range(sources)}
        self.static_gz = {i: gzip.compress(b, 1) for i, b in self.static.items()}

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                await self.respond(head.decode("latin-1"), writer)
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def respond(self, head: str, writer: asyncio.StreamWriter) -> None:
        lines = head.split("\r\n")
        path = lines[0].split(" ")[1]
        headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        index = int(path.rsplit("/", 1)[1])
        kind = kind_of(index)
        etag = f'"v{index}"'
        status, extra = "200 OK", f"ETag: {etag}\r\n" if kind == "etag" else ""
        if kind == "slow":
            await asyncio.sleep(self.slow_delay)
        if kind == "etag" and headers.get("if-none-match") == etag:
            writer.write(f"HTTP/1.1 304 Not Modified\r\n{extra}Content-Length: 0\r\n\r\n".encode())
            await writer.drain()
            return
        gz = "gzip" in headers.get("accept-encoding", "")
        if kind == "changed":
            self.serial[index] += 1
            body = feed_body(index, self.serial[index])
            body = gzip.compress(body, 1) if gz else body
        else:
            body = self.static_gz[index] if gz else self.static[index]
        if gz:
            extra += "Content-Encoding: gzip\r\n"
        writer.write(
            f"HTTP/1.1 {status}\r\nContent-Type: application/rss+xml\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()


def run_farm(sources: int, ports: int, slow_delay: float, conn: Connection) -> None:
    async def main() -> None:
        farm = Farm(sources, slow_delay)
        servers = [await asyncio.start_server(farm.handle, "127.0.0.1", 0) for _ in range(ports)]
        conn.send([s.sockets[0].getsockname()[1] for s in servers])
        await asyncio.get_running_loop().run_in_executor(None, conn.recv)  # wait for "stop"

    asyncio.run(main())


# ---------------------------------------------------------------- the poller


@dataclass
class SourceState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None
    items: int = 0


@dataclass
class CycleResult:
    wall: float
    cpu: float
    outcomes: Counter[str] = field(default_factory=Counter)


async def poll_one(fetcher: Fetcher, state: SourceState) -> str:
    try:
        resp = await fetcher.get(state.url, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        return f"error:{exc.kind}"
    if resp.not_modified:
        return "304"
    digest = content_digest(resp.content)
    state.etag, state.last_modified = resp.etag, resp.last_modified
    if digest == state.digest:
        return "same-digest"
    parsed = parse_feed(resp.content, url=resp.url, source=state.url, headers=resp.headers)
    state.digest, state.items = digest, len(parsed.items)
    return "parsed" if parsed.problem is None else "problem"


async def cycle(settings: FetchSettings, states: Iterable[SourceState]) -> CycleResult:
    wall, cpu = time.perf_counter(), time.process_time()
    async with Fetcher(settings) as fetcher:
        outcomes = await asyncio.gather(*(poll_one(fetcher, s) for s in states))
    return CycleResult(time.perf_counter() - wall, time.process_time() - cpu, Counter(outcomes))


def pipeline_service(urls: list[str], folder: Path, settings: FetchSettings) -> Service:
    """The real pipeline: Settings with one source per URL, a SQLite store, a Matcher."""
    sources = tuple(SourceSettings(name=f"s{i}", url=u, interval=timedelta(minutes=15))
                    for i, u in enumerate(urls))
    cfg = Settings(path=folder / "config.toml", store_path=folder / "monitor.db", rules_path=folder,
                   templates=None, poll=PollSettings(per_host_delay=settings.per_host_delay),
                   sources=sources, mail=MailSettings(), digests=())
    officials = Watchlist("officials", (Entry("kim-jong-un", "Kim Jong Un"),))
    ruleset = RuleSet({"officials": officials}, (Rule("officials", any=("officials",)),))
    return Service(settings=cfg, store=Store(cfg.store_path), matcher=Matcher.build(ruleset))


async def pipeline_cycle(svc: Service, settings: FetchSettings, names: set[str]) -> CycleResult:
    """pipeline.poll_sources (+ match_new) over the named sources, as the daemon runs it."""
    wall, cpu = time.perf_counter(), time.process_time()
    async with Fetcher(settings) as fetcher:
        chosen = [s for s in svc.settings.sources if s.name in names]
        outcomes = await poll_sources(svc, fetcher, chosen, force=True)
    match_new(svc)
    kinds = Counter("304/same" if o.not_modified else ("new" if o.ok else f"error:{o.error_kind}")
                    for o in outcomes)
    return CycleResult(time.perf_counter() - wall, time.process_time() - cpu, kinds)


def naive_baseline(urls: list[str]) -> float:
    """Seconds for feedparser.parse(url) sequentially over ``urls``."""
    started = time.perf_counter()
    for url in urls:
        feedparser.parse(url)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sources", type=int, default=1000)
    ap.add_argument("--ports", type=int, default=100)
    ap.add_argument("--slow-delay", type=float, default=1.5)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--host-delay", type=float, default=0.05)
    ap.add_argument("--baseline-sample", type=int, default=50)
    args = ap.parse_args(argv[1:])

    parent, child = mp.Pipe()
    farm = mp.Process(target=run_farm, args=(args.sources, args.ports, args.slow_delay, child), daemon=True)
    farm.start()
    try:
        ports: list[int] = parent.recv()
        return report(args, ports)
    finally:
        parent.send("stop")
        farm.join(timeout=5)
        if farm.is_alive():
            farm.terminate()


def report(args: argparse.Namespace, ports: list[int]) -> int:
    # Contiguous blocks of sources per port: the slow 1-in-20 spread over many "sites"
    # (i % ports would put every slow source on the same few ports).
    per_port = -(-args.sources // len(ports))
    states = [SourceState(f"http://127.0.0.1:{ports[i // per_port]}/feed/{i}") for i in range(args.sources)]
    settings = FetchSettings(
        total_concurrency=args.concurrency,
        per_host_concurrency=2,
        per_host_delay=args.host_delay,
        host_key="host:port",
    )
    warm = asyncio.run(cycle(settings, states))
    full = asyncio.run(cycle(settings, states))
    kinds = [kind_of(i) for i in range(args.sources)]
    unchanged = [s for s, k in zip(states, kinds, strict=True) if k in ("etag", "plain")]
    changed = [s for s, k in zip(states, kinds, strict=True) if k == "changed"]
    only_unchanged = asyncio.run(cycle(settings, unchanged))
    only_changed = asyncio.run(cycle(settings, changed))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # The same cycles through the real pipeline: store writes, dedupe, matching.
    with tempfile.TemporaryDirectory() as tmp:
        svc = pipeline_service([s.url for s in states], Path(tmp), settings)
        every = {s.name for s in svc.settings.sources}
        p_warm = asyncio.run(pipeline_cycle(svc, settings, every))
        p_full = asyncio.run(pipeline_cycle(svc, settings, every))
        names = [s.name for s in svc.settings.sources]
        p_unchanged = asyncio.run(pipeline_cycle(
            svc, settings, {n for n, k in zip(names, kinds, strict=True) if k in ("etag", "plain")}))
        p_changed = asyncio.run(pipeline_cycle(
            svc, settings, {n for n, k in zip(names, kinds, strict=True) if k == "changed"}))
        svc.store.close()
    p_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # A seeded random sample keeps the farm's mix (a stride would hit one class only).
    picks = random.Random(0).sample(range(args.sources), min(args.baseline_sample, args.sources))
    sample = [states[i].url for i in picks]
    slow_in_sample = sum(kind_of(i) == "slow" for i in picks)
    naive = naive_baseline(sample) * args.sources / len(sample)

    print(
        f"farm: {args.sources} sources on {len(ports)} loopback ports, "
        f"mix {dict(Counter(kinds))}, slow first byte {args.slow_delay}s"
    )
    print(
        f"settings: total_concurrency={args.concurrency} per_host_concurrency=2 "
        f"per_host_delay={args.host_delay}s host_key=host:port"
    )
    print(f"warm-up cycle:   wall {warm.wall:6.2f} s  cpu {warm.cpu:6.2f} s  {dict(warm.outcomes)}")
    print(f"full cycle:      wall {full.wall:6.2f} s  cpu {full.cpu:6.2f} s  {dict(full.outcomes)}")
    per_unchanged = only_unchanged.cpu / len(unchanged) * 1000
    per_changed = only_changed.cpu / len(changed) * 1000
    print(
        f"unchanged only:  cpu {per_unchanged:6.2f} ms/source over {len(unchanged)} "
        f"{dict(only_unchanged.outcomes)}"
    )
    print(
        f"changed only:    cpu {per_changed:6.2f} ms/source over {len(changed)} {dict(only_changed.outcomes)}"
    )
    print(f"peak RSS:        {peak_mb:6.1f} MB")
    print("through the real pipeline (pipeline.poll_sources + SQLite store + match_new):")
    print(f"  warm-up cycle:   wall {p_warm.wall:6.2f} s  cpu {p_warm.cpu:6.2f} s  {dict(p_warm.outcomes)}")
    print(f"  full cycle:      wall {p_full.wall:6.2f} s  cpu {p_full.cpu:6.2f} s  {dict(p_full.outcomes)}")
    p_per_unchanged = p_unchanged.cpu / len(unchanged) * 1000
    p_per_changed = p_changed.cpu / len(changed) * 1000
    print(f"  unchanged only:  cpu {p_per_unchanged:6.2f} ms/source")
    print(f"  changed only:    cpu {p_per_changed:6.2f} ms/source (store + match of the new items included)")
    print(f"  peak RSS:        {p_peak_mb:6.1f} MB")
    print(
        f"naive baseline:  feedparser.parse(url) sequentially over {len(sample)} sources "
        f"({slow_in_sample} slow), extrapolated to {args.sources}: {naive:6.1f} s"
    )
    ok = (full.wall < 10 and per_unchanged < 2 and peak_mb < 200
          and p_full.wall < 10 and p_per_unchanged < 2 and p_peak_mb < 200)
    print(f"targets (cycle < 10 s, unchanged < 2 ms CPU, peak < 200 MB): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
