"""Command-line interface: argument parsing and printing only; the work is done elsewhere."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from monitor import __version__
from monitor.config import Settings, default_config_path, load_config
from monitor.errors import InvalidFileError, MonitorError, Problem
from monitor.matching.engine import Matcher
from monitor.matching.load import check_rules, load_rules

log = logging.getLogger("monitor")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    for noisy in ("apscheduler", "httpx", "httpcore", "trafilatura", "aiosmtplib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, default=None,
                   help="path to config.toml (default: $MONITOR_CONFIG or ./config.toml)")


def _config(args: argparse.Namespace) -> Settings:
    return load_config(args.config or default_config_path())


def _print_problems(problems: Sequence[Problem], out: IO[str] = sys.stderr) -> None:
    for problem in problems:
        print(str(problem), file=out)


# ---------------------------------------------------------------------- run
def cmd_run(args: argparse.Namespace) -> int:
    from monitor.daemon import Daemon, build_service, store_lock
    from monitor.pipeline import run_once

    settings = _config(args)
    with store_lock(settings):
        svc = build_service(settings, settle_rules=not args.once)
        if not args.once:
            asyncio.run(Daemon(svc).run())
            return 0
        if not args.verbose:
            # the summary printed below already names every failure; don't say it twice
            logging.getLogger("monitor").setLevel(logging.ERROR)
        try:
            report = asyncio.run(run_once(svc))
        finally:
            svc.store.close()
    failed = [p for p in report.polls if not p.ok]
    for p in report.polls:
        status = ("unchanged" if p.not_modified else f"{p.new_items} new") if p.ok else \
            f"FAILED ({p.error_kind}: {p.error})"
        print(f"{p.source}: {status}" + (f" [warning: {p.warning}]" if p.warning else ""))
    print(f"matched items: {report.matched_items}; digests queued: {len(report.queued)}; "
          f"delivered: {report.delivered}")
    for err in report.delivery_errors:
        print(f"delivery failed (will retry): {err}", file=sys.stderr)
    if report.polls and len(failed) == len(report.polls):
        print("error: every source failed; nothing was polled", file=sys.stderr)
        return 1
    if not report.polls and settings.sources:
        print("error: no source is enabled", file=sys.stderr)
        return 1
    return 0


# -------------------------------------------------------------------- check
def config_warnings(settings: Settings, rule_names: set[str]) -> list[Problem]:
    """Things that work but are probably not what the user meant."""
    from monitor.tomlfile import TomlFile, did_you_mean, load_toml

    out: list[Problem] = []
    routed: set[str] = set()
    doc = load_toml(settings.path)

    def warn(key: str, where: str, message: str, hint: str | None = None) -> None:
        # ``where`` is the key path in the file, for the line; ``key`` names it for a reader
        found = doc.problem(where, message) if isinstance(doc, TomlFile) else None
        out.append(Problem(str(settings.path), key, message, line=found.line if found else None,
                           column=found.column if found else None, hint=hint, severity="warning"))

    for i, d in enumerate(settings.digests):
        for r in d.rules:
            if r == "*":
                routed |= rule_names
            elif r not in rule_names:
                warn(f"digests '{d.name}'.rules", f"digests[{i}].rules",
                     f"names rule '{r}', which no rule file defines", did_you_mean(r, rule_names))
            else:
                routed.add(r)
        if not d.rules:
            warn(f"digests '{d.name}'.rules", f"digests[{i}].rules", "names no rule")
    for r in sorted(rule_names - routed):
        warn("digests", "digests", f"rule '{r}' is routed to no digest",
             "name it in a digest's rules, or use rules = [\"*\"]")
    if not settings.sources:
        out.append(Problem(str(settings.path), "sources", "no [[sources]]: nothing will be polled",
                           severity="warning"))
    return out


def cmd_check(args: argparse.Namespace) -> int:
    path = args.config or default_config_path()
    if not path.is_file():  # an unusable argument, not a broken file: exit 2
        print(f"error: no config file at {path} (give --config PATH or set MONITOR_CONFIG)", file=sys.stderr)
        return 2
    errors: list[Problem] = []
    warnings: list[Problem] = []
    settings: Settings | None = None

    def by_place(p: Problem) -> tuple[str, int, int]:  # read top to bottom, file by file
        return p.file, p.line or 0, p.column or 0

    try:
        settings = load_config(path)
    except InvalidFileError as exc:
        errors += sorted(exc.problems, key=by_place)
    rules_path = settings.rules_path if settings else (path.parent / "rules")
    check = check_rules(rules_path)
    errors += sorted(check.errors, key=by_place)
    warnings += sorted(check.warnings, key=by_place)
    if settings and check.ruleset:
        warnings += config_warnings(settings, {r.name for r in check.ruleset.rules})
    _print_problems(errors, sys.stdout)
    _print_problems(warnings, sys.stdout)
    if errors:
        print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
        return 1
    assert settings is not None and check.ruleset is not None
    entries = sum(len(w.entries) for w in check.ruleset.watchlists.values())
    print(f"{path}: OK: {len(settings.sources)} sources, {len(settings.digests)} digests, "
          f"mail via {settings.mail.transport}")
    print(f"{rules_path}: OK: {len(check.files)} files, {len(check.ruleset.watchlists)} watch-lists "
          f"({entries} entries), {len(check.ruleset.rules)} rules"
          + (f"; {len(warnings)} warning(s)" if warnings else ""))
    return 0


# -------------------------------------------------------------------- match
def _matcher_from(args: argparse.Namespace) -> Matcher:
    if getattr(args, "rules", None):
        return Matcher.build(load_rules(args.rules))
    return Matcher.build(load_rules(_config(args).rules_path))


def match_dict(m: Any) -> dict[str, Any]:
    return {"rule": m.rule, "watchlist": m.watchlist, "entry": m.entry, "field": m.field, "start": m.start,
            "end": m.end, "text": m.text, "score": round(m.score, 1), "kind": m.kind}


def cmd_match(args: argparse.Namespace) -> int:
    matcher = _matcher_from(args)
    stream = sys.stdin if args.file in (None, "-") else open(args.file, encoding="utf-8")  # noqa: SIM115
    bad = 0
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("expected a JSON object")
                fields = {f: obj.get(f) or "" for f in ("title", "body")}
                if not all(isinstance(v, str) for v in fields.values()):
                    raise ValueError("title and body must be strings")
            except ValueError as exc:
                print(f"{args.file or '<stdin>'}:{number}: skipped: {exc}", file=sys.stderr)
                bad += 1
                continue
            matches = matcher.match(fields)
            print(json.dumps({"id": obj.get("id"), "matches": [match_dict(m) for m in matches]},
                             ensure_ascii=False), flush=False)
    return 1 if bad else 0


# ------------------------------------------------------------------ explain
def cmd_explain(args: argparse.Namespace) -> int:
    from monitor.explain import explain_command

    return explain_command(args)


# ------------------------------------------------------------------ sources
def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def cmd_sources(args: argparse.Namespace) -> int:
    from monitor.pipeline import open_store

    settings = _config(args)
    now = datetime.now(UTC)
    with open_store(settings) as store:
        states = store.source_states()
    rows = [("SOURCE", "KIND", "LAST OK", "FAILS", "ITEMS", "LAST NEW", "LAST ERROR")]
    for s in settings.sources:
        st = states.get(s.name)
        if st is None:
            rows.append((s.name, s.kind, "never polled", "0", "0", "-", "-"))
            continue
        err = f"{st.last_error_kind}: {st.last_error}" if st.last_error else "-"
        rows.append((s.name, s.kind, _ago(st.last_success_at, now), str(st.consecutive_failures),
                     str(st.items_seen), _ago(st.last_new_item_at, now), err[:70]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


# ------------------------------------------------------------------- digest
def cmd_digest(args: argparse.Namespace) -> int:
    from monitor.digest_tools import digest_preview, digest_test

    if args.digest_command == "preview":
        return digest_preview(_config(args), args.digest, args.out)
    return digest_test(_config(args), args.digest, args.to)


def cmd_outbox(args: argparse.Namespace) -> int:
    from monitor.pipeline import open_store

    settings = _config(args)
    with open_store(settings) as store:
        rows = store.outbox(limit=args.limit)
    for m in rows:
        extra = f" rejected={m.rejected}" if m.rejected else ""
        extra += f" last_error={m.last_error!r}" if m.last_error and m.status != "sent" else ""
        print(f"#{m.id} {m.created_at:%Y-%m-%d %H:%M} {m.digest} {m.outcome} attempts={m.attempts} "
              f"to={','.join(m.delivered + m.remaining)} {m.subject!r}{extra}")
    if not rows:
        print("outbox is empty")
    return 0


def cmd_backtest(args: argparse.Namespace) -> int:
    from monitor.backtest import backtest_command

    return backtest_command(args)


def cmd_demo(args: argparse.Namespace) -> int:
    from monitor.demo import run_demo

    return run_demo(keep=args.keep)


# -------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="monitor", description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"monitor {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run the service (daemon), or one cycle with --once")
    _add_config(p)
    p.add_argument("--once", action="store_true",
                   help="poll every source once, match, deliver every pending digest now, exit")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("check", help="validate config.toml and all rule files")
    _add_config(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("match", help="match JSON lines {id, title, body} against rules; print JSON lines")
    p.add_argument("--rules", type=Path, help="rules folder (default: the one config.toml names)")
    _add_config(p)
    p.add_argument("file", nargs="?", help="input file (default: stdin)")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("explain", help="show what matches a text, and the near misses rejected and why")
    _add_config(p)
    p.add_argument("--rules", type=Path, help="rules folder (default: the one config.toml names)")
    p.add_argument("--rule", help="only this rule")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--url", help="fetch this article and explain its text")
    src.add_argument("--item", type=int, help="a stored item id")
    p.add_argument("text", nargs="?", help="the text ('-' reads stdin)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--title", help="a headline to explain with TEXT (rules may read only titles)")
    p.add_argument("--all", action="store_true", help="also show weak candidates on words that matched")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("backtest", help="run rules over stored items; show what an edit adds and removes")
    _add_config(p)
    p.add_argument("--rules", type=Path, help="edited rules folder (default: the configured one)")
    p.add_argument("--since", default=None, help="only items seen in this span, e.g. 30d")
    p.add_argument("--source", default=None, help="only items of this source")
    p.add_argument("--sample", type=int, default=3, help="sample items to show per rule")
    p.add_argument("--workers", type=int, default=None,
                   help="processes to match with (default: one per core)")
    p.set_defaults(func=cmd_backtest)

    p = sub.add_parser("sources", help="print the health of every source")
    _add_config(p)
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("digest", help="preview a digest, or send a test digest")
    dsub = p.add_subparsers(dest="digest_command", required=True)
    pp = dsub.add_parser("preview", help="render what would be sent now to an .html file (marks nothing)")
    _add_config(pp)
    pp.add_argument("--digest", help="digest name (default: the first)")
    pp.add_argument("--out", type=Path, help="output .html path")
    pp.set_defaults(func=cmd_digest)
    pt = dsub.add_parser("test", help="send a sample digest to check the mail settings")
    _add_config(pt)
    pt.add_argument("--digest", help="send to this digest's recipients (default: the first)")
    pt.add_argument("--to", action="append", help="send to this address instead (repeatable)")
    pt.set_defaults(func=cmd_digest)

    p = sub.add_parser("outbox", help="list recent digests in the outbox and their delivery state")
    _add_config(p)
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_outbox)

    p = sub.add_parser("demo", help="run the pipeline on bundled sample feeds served on 127.0.0.1")
    p.add_argument("--keep", action=argparse.BooleanOptionalAction, default=True,
                   help="keep the demo's folder (config, rules, store, digests) to inspect; "
                        "--no-keep removes it after the run (default: keep)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return int(args.func(args))
    except InvalidFileError as exc:
        _print_problems(exc.problems)
        return 1
    except MonitorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
