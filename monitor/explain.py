"""``monitor explain``: what in a text matches the rules, what nearly did, and why not.

Written for an analyst editing watch-lists, not for someone reading the engine:
the text is shown with the matches highlighted, each match says which entry it
is and what kind of spelling variant, each near miss says in plain words why it
was rejected, and each rule says whether it would alert.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from monitor.config import Settings, default_config_path, load_config
from monitor.errors import FetchError
from monitor.matching.engine import DEFAULT_MIN_SCORE, Explanation, Matcher, NearMiss
from monitor.matching.load import check_rules
from monitor.matching.ruleset import Rule, RuleSet
from monitor.model import Match
from monitor.tomlfile import did_you_mean

# What each variant kind means, in the words of someone who writes watch-lists.
KIND_TEXT = {
    "exact": "written exactly as in the watch-list",
    "alias": "one of the entry's aliases",
    "case": "the same name with other capitals, hyphens or spacing",
    "translit": "another romanization / transliteration of the name",
    "typo": "a small misspelling of the name",
    "reordered": "the name's words in another order",
    "partial": "part of the name",
    "script": "the name in another script (Cyrillic, Hangul)",
}

_ANSI = {"match": ("\x1b[1;32m", "\x1b[0m"), "near": ("\x1b[4;33m", "\x1b[0m")}
_PLAIN = {"match": ("[[", "]]"), "near": ("[?", "?]")}
_CONTEXT = 80  # characters shown either side of a highlight in a long text
_LONG = 600  # texts longer than this are shown as excerpts around the highlights


class UsageError(Exception):
    """Unusable arguments: the command exits 2."""


def checked_rules(rules_dir: Path, doing: str) -> RuleSet | None:
    """The rules in ``rules_dir``, or None after printing every error in them (exit 1)."""
    check = check_rules(rules_dir)
    if check.ruleset is None:
        for problem in check.errors:
            print(problem, file=sys.stderr)
        print(f"error: the rules in {rules_dir} have {len(check.errors)} error(s); fix them "
              f"(`monitor check` lists them too) and {doing} again", file=sys.stderr)
    return check.ruleset


@dataclass(frozen=True)
class Subject:
    """The text being explained and where it came from."""

    fields: dict[str, str]
    origin: str


# ----------------------------------------------------------------- inputs
def _settings(args: argparse.Namespace) -> Settings:
    return load_config(args.config or default_config_path())


def _subject(args: argparse.Namespace, settings: Settings | None) -> Subject:
    sources = [bool(args.text), args.url is not None, args.item is not None]
    if sum(sources) != 1:
        raise UsageError("give exactly one of: a TEXT, '-' (read stdin), --url URL or --item ID")
    title = getattr(args, "title", None) or ""
    if args.text == "-":
        return Subject({"title": title, "body": sys.stdin.read()}, "text from stdin")
    if args.text:
        return Subject({"title": title, "body": args.text},
                       "the text you gave, read as an item's body" + (" with your --title" if title else
                                                                       " (add --title TEXT for a headline)"))
    if args.item is not None:
        from monitor.store import Store

        assert settings is not None
        with Store(Path(settings.store_path)) as store:
            stored = store.item(args.item)
            count = store.count_items()
        if stored is None:
            raise UsageError(f"--item {args.item}: no such item in {settings.store_path} "
                         f"({count:,} items stored; `monitor backtest` samples show item numbers)")
        it = stored.item
        return Subject(dict(it.fields()), f"stored item #{stored.id} from {it.source}, "
                                          f"seen {stored.seen_at:%Y-%m-%d %H:%M} UTC"
                                          + (f", {it.link}" if it.link else ""))
    return Subject({"title": title, "body": _fetch_text(args.url, settings)}, f"article at {args.url}")


def _fetch_text(url: str, settings: Settings | None) -> str:
    from monitor.fetch import Fetcher, FetchSettings
    from monitor.pipeline import fetch_settings
    from monitor.sources.article import extract_article

    async def get() -> str:
        async with Fetcher(fetch_settings(settings) if settings else FetchSettings()) as fetcher:
            response = await fetcher.get(url)
        return extract_article(response.content, url=response.url, headers=dict(response.headers))

    try:
        text = asyncio.run(get())
    except FetchError as exc:
        raise _Failed(f"could not fetch {url}: {exc.kind} error: {exc}") from exc
    if not text.strip():
        raise _Failed(f"{url}: no article text found on that page")
    return text


class _Failed(Exception):
    """The input could not be read: exit 1."""


# ----------------------------------------------------------------- command
def explain_command(args: argparse.Namespace) -> int:
    needs_config = args.rules is None or args.item is not None or args.url is not None
    try:
        settings = _settings(args) if needs_config else None
        rules_dir: Path = args.rules or (settings.rules_path if settings else Path("rules"))
        ruleset = checked_rules(rules_dir, "explain")
        if ruleset is None:
            return 1
        if args.rule is not None and ruleset.rule(args.rule) is None:
            names = [r.name for r in ruleset.rules]
            hint = did_you_mean(args.rule, names)
            raise UsageError(f"--rule {args.rule!r}: no such rule in {rules_dir}"
                         + (f" ({hint})" if hint else f"; the rules are: {', '.join(names)}"))
        subject = _subject(args, settings)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except _Failed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    explanation = Matcher.build(ruleset).explain(subject.fields, rule=args.rule)
    print(render(explanation, subject, ruleset, rules_dir=rules_dir, only=args.rule, color=color,
                 show_all=getattr(args, "all", False)))
    return 0


# ----------------------------------------------------------------- output
def render(ex: Explanation, subject: Subject, ruleset: RuleSet, *, rules_dir: Path, only: str | None = None,
           color: bool = False, show_all: bool = False) -> str:
    rules = [r for r in ruleset.rules if only is None or r.name == only]
    entries = sum(len(w.entries) for w in ruleset.watchlists.values())
    mark = _ANSI if color else _PLAIN
    out = [f"Rules: {rules_dir} ({_n(len(ruleset.rules), 'rule')}, "
           f"{_n(len(ruleset.watchlists), 'watch-list')}, {_n(entries, 'entry', 'entries')})"
           + (f"; explaining rule '{only}' only" if only else ""),
           f"Text: {subject.origin}"]
    near, hidden = _visible_near_misses(ex, show_all)
    for fname, value in subject.fields.items():
        if not value:
            continue
        spans = [(m.start, m.end, "match") for m in ex.matches if m.field == fname]
        spans += [(n.start, n.end, "near") for n in near if n.field == fname]
        out += ["", f"{fname.upper()}:", *_wrap(_highlight(value, spans, mark))]
    out += ["", f"{mark['match'][0]}highlighted{mark['match'][1]}: matched;  "
            f"{mark['near'][0]}highlighted{mark['near'][1]}: near miss, not alerted"]

    out += ["", f"MATCHES ({len(_group_matches(ex.matches))})" if ex.matches else "MATCHES: none"]
    for (text, field, entry_name, watchlist, kind, score), fired in _group_matches(ex.matches).items():
        floor = min(_floor(ruleset.rule(r)) for r in fired)
        out.append(f"  \"{text}\" ({field}) is {entry_name}  [watch-list {watchlist}]")
        out.append(f"      {KIND_TEXT.get(kind, kind)}; similarity {score:g} of 100 (alerts from {floor:g})")
        out.append(f"      counts for rule{'s' if len(fired) > 1 else ''}: {', '.join(fired)}")

    out += ["", f"NEAR MISSES, rejected ({len(near)})" if near else "NEAR MISSES: none"]
    for n in near:
        out.append(f"  \"{n.text}\" ({n.field}) looks like {n.entry_name}  [watch-list {n.watchlist}], "
                   f"similarity {n.score:g}")
        out.append(f"      not alerted{f' by rule {n.rule!r}' if n.rule else ''}: {_why(n.reason)}")
    if hidden:
        one = hidden == 1
        out.append(f"  ({_n(hidden, 'other candidate')} on words that already matched an entry "
                   f"{'is' if one else 'are'} not shown; --all shows {'it' if one else 'them'})")

    out += ["", "RULES"]
    width = max((len(r.name) for r in rules), default=0)
    for rule in rules:
        out.append(f"  {rule.name.ljust(width)}  {_verdict(rule, ex, subject.fields)}")
    return "\n".join(out)


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _floor(rule: Rule | None) -> float:
    return rule.min_score if rule is not None and rule.min_score is not None else DEFAULT_MIN_SCORE


def _group_matches(matches: Sequence[Match]) -> dict[tuple[str, str, str, str, str, float], list[str]]:
    """One line per mention, listing every rule it counts for."""
    out: dict[tuple[str, str, str, str, str, float], list[str]] = {}
    for m in matches:
        rules = out.setdefault((m.text, m.field, m.entry_name, m.watchlist, m.kind, m.score), [])
        if m.rule not in rules:
            rules.append(m.rule)
    return out


def _visible_near_misses(ex: Explanation, show_all: bool) -> tuple[list[NearMiss], int]:
    """Near misses worth an analyst's attention. A candidate on words that matched another
    entry (Shoygu is not Lavrov) is noise unless --all."""
    if show_all:
        return list(ex.rejected), 0
    matched = [(m.field, m.start, m.end) for m in ex.matches]
    keep: list[NearMiss] = []
    for n in ex.rejected:
        overlaps = any(f == n.field and s < n.end and n.start < e for f, s, e in matched)
        rule_level = n.rule is not None and "min_score" not in n.reason
        if overlaps and not rule_level:
            continue
        keep.append(n)
    return keep, len(ex.rejected) - len(keep)


def _why(reason: str) -> str:
    """The engine's reason, with the terms an analyst may not know spelled out."""
    if "below min_score" in reason:
        return reason.replace("score", "similarity", 1) + " (lower the rule's min_score to accept it)"
    if reason.startswith("inside exclusion"):
        return reason + " (the entry's exclude list vetoes mentions inside that phrase)"
    if "vetoes the rule" in reason or "(none)" in reason:
        return reason + " — a mention from a `none` list stops the rule"
    return reason


def _verdict(rule: Rule, ex: Explanation, fields: Mapping[str, str]) -> str:
    fired = [m for m in ex.matches if m.rule == rule.name]
    if fired:
        return "ALERTS — " + ", ".join(dict.fromkeys(f'"{m.text}"' for m in fired))
    given = [f for f, v in fields.items() if v]
    if not any(f in rule.fields for f in given):
        return (f"no alert: this rule reads only the {' and '.join(rule.fields)}, and the text was given as "
                f"the {' and '.join(given)}" + (" (use --title TEXT)" if "title" in rule.fields else ""))
    reasons = list(dict.fromkeys(n.reason for n in ex.rejected if n.rule == rule.name
                                 and "min_score" not in n.reason))
    if reasons:
        return "no alert: " + "; ".join(_why(r) for r in reasons)
    lists = ", ".join(f"'{w}'" for w in rule.positive_lists)
    return f"no alert: nothing from watch-list{'s' if len(rule.positive_lists) > 1 else ''} {lists} found"


def _highlight(text: str, spans: list[tuple[int, int, str]], mark: Mapping[str, tuple[str, str]]) -> str:
    if len(text) <= _LONG:
        return _mark(text, spans, mark)
    if not spans:
        return text[:_LONG] + " …"
    return _excerpts(text, spans, mark)


def _mark(text: str, spans: list[tuple[int, int, str]], mark: Mapping[str, tuple[str, str]]) -> str:
    pieces: list[str] = []
    pos = 0
    # overlapping spans: the first is shown, and a match wins over a near miss at the same place
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2] != "match")):
        if start < pos:
            continue
        pieces += [text[pos:start], f"{mark[kind][0]}{text[start:end]}{mark[kind][1]}"]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _excerpts(text: str, spans: list[tuple[int, int, str]], mark: Mapping[str, tuple[str, str]]) -> str:
    """A long text (an article) shown only around its highlights."""
    windows: list[list[int]] = []
    for start, end, _ in sorted(spans):
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    parts = []
    for lo, hi in windows:
        inner = [(s - lo, e - lo, k) for s, e, k in spans if lo <= s and e <= hi]
        parts.append(("… " if lo else "") + _mark(text[lo:hi], inner, mark).replace("\n", " ")
                     + (" …" if hi < len(text) else ""))
    return "\n".join(parts)


def _wrap(text: str, width: int = 100) -> list[str]:
    import textwrap

    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines += textwrap.wrap(para, width, initial_indent="  ", subsequent_indent="  ",
                               break_long_words=False, break_on_hyphens=False) or [""]
    return lines
