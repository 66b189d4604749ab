"""Run parse_feed over every real-world feed file and compare with MANIFEST.tsv.

Usage: python benchmarks/realworld_check.py [REALWORLD_DIR]   (default ../shared/realworld
relative to the repo root). The manifest's note column says "N items; first title '...'"
(or "N entries", or "1 item (untitled)"); each file must parse without an exception and
match that count and, where given, that first title. Exit status 1 if any does not.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from monitor.sources.article import extract_article
from monitor.sources.feed import parse_feed
from monitor.sources.page import LinkPattern, PageSpec, parse_listing

REPO = Path(__file__).resolve().parent.parent
_COUNT = re.compile(r"(\d+)\s+(?:items?|entries|entry)\b")
_ROWS = re.compile(r"(\d+)\s+rows\b")
_HEADLINE = re.compile(r"First headline '(.*?)'")
# The listings the manifest counts are Rodong Sinmun's; this is the spec a config would hold.
RODONG = PageSpec(
    item="div.ListNewsLineContainer",
    title=".ListNewsLineTitleW a",
    date=".ListNewsLineDate",
    timezone="Asia/Pyongyang",
    link_pattern=LinkPattern(match=r"article_open\('([^']+)'\)", url="{1}"),
)
_TITLE = re.compile(r"first (?:item's )?title (?:is )?(?:'(.*?)'|\"(.*?)\"|the number (\S+))(?:$|;|\.\s)")


@dataclass(frozen=True)
class Expectation:
    count: int | None
    title: str | None


def expectation(note: str) -> Expectation:
    counts = _COUNT.findall(note)
    title = _TITLE.search(note)
    first = next((g for g in title.groups() if g is not None), None) if title else None
    return Expectation(int(counts[-1]) if counts else None, first)


def title_matches(want: str, got: str | None) -> bool:
    """Exact, or for a manifest title abbreviated with '...', a whole-word prefix match
    (an abbreviation glued to the last word may have cut, or mistyped, that word)."""
    if got is None:
        return False
    if not want.endswith(("...", "…")):
        return want == got
    stem = want.rstrip(".…")
    if not stem.endswith(" "):
        stem = stem.rsplit(" ", 1)[0]
    return " ".join(got.split()).startswith(" ".join(stem.split()))


def check(root: Path) -> int:
    with (root / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["file"].startswith("feeds/")]
    failures = 0
    print(f"{'file':44} {'want':>5} {'got':>5}  {'ok':3} problem / first title")
    for row in rows:
        want = expectation(row["note"])
        path = root / row["file"]
        try:
            url = f"http://example.test/{path.name}"
            parsed = parse_feed(path.read_bytes(), url=url, source="x")
        except Exception as exc:  # the point of the check: nothing may raise
            failures += 1
            print(f"{path.name:44} {want.count!s:>5} {'EXC':>5}  NO  {type(exc).__name__}: {exc}")
            continue
        got_title = parsed.items[0].title if parsed.items else None
        ok = (want.count is None or want.count == len(parsed.items)) and (
            want.title is None or title_matches(want.title, got_title)
        )
        failures += not ok
        detail = f"[{parsed.problem}] " if parsed.problem else ""
        detail += repr(got_title) if got_title is not None else ""
        if not ok and want.title is not None:
            detail += f" (want {want.title!r})"
        verdict = "ok" if ok else "NO"
        print(f"{path.name:44} {want.count!s:>5} {len(parsed.items):>5}  {verdict:3} {detail}")
    matched = len(rows) - failures
    print(f"summary: {matched}/{len(rows)} feeds match the manifest, {failures} mismatches")
    return 1 if failures else 0


def check_html(root: Path) -> int:
    """Listings with a row count in the manifest through parse_listing; every article page
    through extract_article (must not raise, must find text)."""
    with (root / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["file"].startswith("html/")]
    failures = checked = 0
    for row in rows:
        path = root / row["file"]
        url = f"http://example.test/{path.name}"
        rows_wanted = _ROWS.search(row["note"])
        try:
            if row["kind"] == "html-listing" and rows_wanted:
                checked += 1
                parsed = parse_listing(path.read_bytes(), url=url, source="x", spec=RODONG)
                headline = _HEADLINE.search(row["note"])
                got = parsed.items[0].title if parsed.items else None
                ok = len(parsed.items) == int(rows_wanted.group(1)) and (
                    headline is None or headline.group(1) == got
                )
                dated = sum(i.published is not None for i in parsed.items)
                detail = f"{len(parsed.items)} items, {dated} dated; first {got!r}"
            elif row["kind"] == "html-article":
                checked += 1
                text = extract_article(path.read_bytes(), url=url)
                ok = len(text) > 200
                detail = f"{len(text)} chars: {text[:50]!r}"
            else:
                continue
        except Exception as exc:  # nothing may raise
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        failures += not ok
        print(f"{path.name:50} {'ok' if ok else 'NO':3} {detail}")
    print(f"summary: {checked - failures}/{checked} html pages as expected, {failures} mismatches")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "realworld"
    feeds = check(root)
    print()
    return feeds | check_html(root)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
