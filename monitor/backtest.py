"""``monitor backtest``: run (edited) rules over the stored items and show what the edit changes.

The baseline is what was actually alerted: the matches the store recorded when
each item arrived (the rules in force then). The candidate is the rule folder on
disk (or ``--rules DIR``). Per rule the report gives how many items each side
matches, and which items the edit adds and removes, with a sample of each.

Matching is CPU-bound and the Matcher is pure, so long runs fan out over a
process pool; each worker builds its own Matcher from the rule folder (a
compiled Matcher is large and not worth pickling), and the parent alone reads
the store and compares.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from monitor.config import default_config_path, load_config
from monitor.durations import parse_duration
from monitor.errors import InvalidFileError
from monitor.explain import UsageError, checked_rules
from monitor.matching.engine import Matcher
from monitor.matching.load import load_rules
from monitor.model import Match, StoredItem
from monitor.store import Store
from monitor.tomlfile import did_you_mean

# (item id, title, body) in; (item id, [(rule, matched text), ...]) out: plain tuples pickle fast
_Job = tuple[int, str, str]
_Hits = tuple[int, list[tuple[str, str]]]

BATCH = 256  # items per worker task: big enough to amortise pickling, small enough for a smooth bar


@dataclass(frozen=True)
class Sample:
    item_id: int
    source: str
    title: str
    seen_at: datetime
    matched: tuple[str, ...]  # the matched words, as written in the item


@dataclass
class RuleDiff:
    rule: str
    now: int = 0  # items the candidate rules match
    before: int = 0  # items alerted under the rules in force
    added: int = 0
    removed: int = 0
    added_samples: deque[Sample] = field(default_factory=lambda: deque(maxlen=3))
    removed_samples: deque[Sample] = field(default_factory=lambda: deque(maxlen=3))


@dataclass
class BacktestReport:
    items: int = 0
    rules: dict[str, RuleDiff] = field(default_factory=dict)
    candidate_rules: tuple[str, ...] = ()
    seconds: float = 0.0
    workers: int = 1

    def diff(self, rule: str, sample: int) -> RuleDiff:
        if rule not in self.rules:
            self.rules[rule] = RuleDiff(rule, added_samples=deque(maxlen=sample),
                                        removed_samples=deque(maxlen=sample))
        return self.rules[rule]


Progress = Callable[[int, int], None]


# ---------------------------------------------------------------- workers
_worker_matcher: Matcher | None = None


def _init_worker(rules_dir: str) -> None:
    global _worker_matcher
    _worker_matcher = Matcher.build(load_rules(Path(rules_dir)))


def _match_batch(batch: list[_Job]) -> list[_Hits]:
    assert _worker_matcher is not None
    return _match_with(_worker_matcher, batch)


def _match_with(matcher: Matcher, batch: list[_Job]) -> list[_Hits]:
    out: list[_Hits] = []
    for item_id, title, body in batch:
        matches = matcher.match({"title": title, "body": body})
        if matches:
            out.append((item_id, [(m.rule, m.text) for m in matches]))
    return out


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _in_order(rules_dir: Path, workers: int,
              batches: Iterator[tuple[list[StoredItem], list[_Job]]]
              ) -> Iterator[tuple[list[StoredItem], list[_Hits]]]:
    """Each batch with its hits, in input order. At most a few batches are in flight, so
    memory stays flat however large the store (Pool.imap would read it all ahead)."""
    if workers <= 1:
        matcher = Matcher.build(load_rules(rules_dir))
        for items, jobs in batches:
            yield items, _match_with(matcher, jobs)
        return
    # spawn: workers inherit no open SQLite handle or lock, and build their own Matcher
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(str(rules_dir),)) as pool:
        flight: deque[tuple[list[StoredItem], multiprocessing.pool.AsyncResult[list[_Hits]]]] = deque()
        for items, jobs in batches:
            flight.append((items, pool.apply_async(_match_batch, (jobs,))))
            if len(flight) >= 3 * workers:
                first, result = flight.popleft()
                yield first, result.get()
        while flight:
            first, result = flight.popleft()
            yield first, result.get()


def _batches(items: Iterable[StoredItem], size: int) -> Iterator[tuple[list[StoredItem], list[_Job]]]:
    batch: list[StoredItem] = []
    for stored in items:
        batch.append(stored)
        if len(batch) >= size:
            yield batch, [(s.id, s.item.title, s.item.body) for s in batch]
            batch = []
    if batch:
        yield batch, [(s.id, s.item.title, s.item.body) for s in batch]


# ---------------------------------------------------------------- the run
def run_backtest(store: Store, rules_dir: Path, *, since: datetime | None = None,
                 source: str | None = None, sample: int = 3, workers: int | None = None,
                 progress: Progress | None = None) -> BacktestReport:
    """Match every selected stored item with the rules in ``rules_dir`` and compare with the store."""
    started = time.monotonic()
    ruleset = load_rules(rules_dir)  # raises RuleError listing every problem, before any work
    total = store.count_items(since=since, source=source)
    workers = workers or default_workers()
    if total < 4 * BATCH:
        workers = 1  # starting a pool costs more than it saves on a small store
    report = BacktestReport(items=total, candidate_rules=tuple(r.name for r in ruleset.rules),
                            workers=workers)
    for rule in report.candidate_rules:
        report.diff(rule, sample)
    done = 0
    if progress:
        progress(0, total)
    batches = _batches(store.iter_items(since=since, source=source), BATCH)
    for items, hits in _in_order(rules_dir, workers, batches):
        _compare(report, items, dict(hits), store.matches_for([s.id for s in items]), sample)
        done += len(items)
        if progress:
            progress(done, total)
    report.seconds = time.monotonic() - started
    return report


def _by_rule(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, dict[str, None]] = {}
    for rule, text in pairs:
        out.setdefault(rule, {})[text] = None
    return {rule: tuple(texts) for rule, texts in out.items()}


def _compare(report: BacktestReport, items: Sequence[StoredItem], hits: dict[int, list[tuple[str, str]]],
             stored: dict[int, list[Match]], sample: int) -> None:
    for s in items:
        now = _by_rule(hits.get(s.id, ()))
        before = _by_rule((m.rule, m.text) for m in stored.get(s.id, ()))
        for rule in now.keys() | before.keys():
            d = report.diff(rule, sample)
            d.now += rule in now
            d.before += rule in before
            if rule in now and rule not in before:
                d.added += 1
                d.added_samples.append(_sample(s, now[rule]))
            elif rule in before and rule not in now:
                d.removed += 1
                d.removed_samples.append(_sample(s, before[rule]))


def _sample(s: StoredItem, matched: tuple[str, ...]) -> Sample:
    return Sample(s.id, s.item.source, s.item.title, s.seen_at, matched)


# ---------------------------------------------------------------- output
def format_report(report: BacktestReport, *, rules_dir: Path, scope: str) -> str:
    lines = [f"Backtest of the rules in {rules_dir}",
             f"over {report.items:,} stored items ({scope}), compared with what was alerted",
             "(the matches recorded when each item arrived, under the rules in force then).", ""]
    if not report.items:
        lines.append("The store holds no items in this range: nothing to compare. "
                     "Run `monitor run` (or `run --once`) first, or widen --since / --source.")
        return "\n".join(lines)
    rows = [("RULE", "WOULD MATCH", "ALERTED", "ADDED", "REMOVED")]
    for d in _ordered(report):
        rows.append((d.rule + ("" if d.rule in report.candidate_rules else " (not in the edited rules)"),
                     f"{d.now:,}", f"{d.before:,}",
                     f"+{d.added:,}" if d.added else "0", f"-{d.removed:,}" if d.removed else "0"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        lines.append("  ".join([r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                                    strict=True)]))
    changed = [d for d in _ordered(report) if d.added or d.removed]
    lines.append("")
    if not changed:
        lines.append("No change: the edited rules alert exactly the items that were alerted.")
    for d in changed:
        lines.append(f"{d.rule}:")
        if d.added:
            lines.append(f"  + {_items(d.added)} would now be alerted that were not"
                         + (f" (latest {len(d.added_samples)}):" if d.added > len(d.added_samples) else ":"))
            lines += [_sample_line("+", s) for s in reversed(d.added_samples)]
        if d.removed:
            lines.append(f"  - {_items(d.removed)} alerted before would no longer be"
                         + (f" (latest {len(d.removed_samples)}):" if d.removed > len(d.removed_samples)
                            else ":"))
            lines += [_sample_line("-", s) for s in reversed(d.removed_samples)]
    rate = report.items / report.seconds if report.seconds else 0.0
    lines += ["", f"{report.items:,} items in {report.seconds:.1f} s ({rate:,.0f} items/s, "
              f"{report.workers} process{'es' if report.workers > 1 else ''})"]
    return "\n".join(lines)


def _ordered(report: BacktestReport) -> list[RuleDiff]:
    order = {r: i for i, r in enumerate(report.candidate_rules)}
    return sorted(report.rules.values(), key=lambda d: (order.get(d.rule, len(order)), d.rule))


def _items(n: int) -> str:
    return f"{n:,} item" + ("" if n == 1 else "s")


def _sample_line(sign: str, s: Sample) -> str:
    title = s.title if len(s.title) <= 90 else s.title[:89] + "…"
    matched = ", ".join(f'"{t}"' for t in s.matched[:4])
    return f"    {sign} #{s.item_id} {s.seen_at:%Y-%m-%d} [{s.source}] {title} — matched {matched}"


class ProgressBar:
    """A bar redrawn in place on a terminal; elsewhere (a log file) a line every few seconds."""

    def __init__(self, stream: IO[str], *, tty: bool | None = None, every: float = 5.0) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.every = every
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        final = done >= total
        if not final and now - self.last < (0.1 if self.tty else self.every):
            return
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = f", {(total - done) / rate:.0f} s left" if rate and not final else ""
        if self.tty:
            width = 30
            filled = width * done // total if total else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} items"
                              f" ({rate:,.0f}/s{eta})\x1b[K")
            if final:
                self.stream.write("\n")
        elif done and total:
            self.stream.write(f"backtest: {done:,}/{total:,} items ({100 * done // total}%, "
                              f"{rate:,.0f}/s{eta})\n")
        self.stream.flush()


# ---------------------------------------------------------------- command
def _since(text: str | None, now: datetime) -> datetime | None:
    if not text:
        return None
    try:
        return now - parse_duration(text)
    except ValueError:
        pass
    try:
        day = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since {text!r}: expected a span such as 30d or 12h, "
                     "or a date such as 2026-11-01") from None
    return day if day.tzinfo else day.replace(tzinfo=UTC)


def backtest_command(args: argparse.Namespace) -> int:
    settings = load_config(args.config or default_config_path())
    rules_dir: Path = args.rules or settings.rules_path
    now = datetime.now(UTC)
    try:
        since = _since(args.since, now)
        if args.sample < 0:
            raise UsageError("--sample must be 0 or more")
        if getattr(args, "workers", None) is not None and args.workers < 1:
            raise UsageError("--workers must be 1 or more")
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if checked_rules(rules_dir, "run the backtest") is None:
        return 1
    with Store(Path(settings.store_path)) as store:
        if args.source is not None and args.source not in store.source_states() \
                and settings.source(args.source) is None:
            known = sorted({s.name for s in settings.sources} | set(store.source_states()))
            hint = did_you_mean(args.source, known)
            print(f"error: --source {args.source!r}: no such source"
                  + (f" ({hint})" if hint else f"; known: {', '.join(known) or 'none'}"), file=sys.stderr)
            return 2
        scope = ", ".join(filter(None, [
            f"source {args.source!r}" if args.source else "all sources",
            f"seen since {since:%Y-%m-%d %H:%M} UTC" if since else "all time"]))
        try:
            report = run_backtest(store, rules_dir, since=since, source=args.source, sample=args.sample,
                                  workers=getattr(args, "workers", None), progress=ProgressBar(sys.stderr))
        except InvalidFileError as exc:  # the files changed between the check and the run
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
    print(format_report(report, rules_dir=rules_dir, scope=scope))
    return 0
