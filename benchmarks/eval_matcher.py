"""Score the matcher on a labelled corpus (precision, recall, F1 over item-entry pairs).

Usage: python benchmarks/eval_matcher.py [--corpus DIR] [--watchlist FILE] [--verbose]
The corpus directory holds a *.jsonl of items and, unless --watchlist names one elsewhere
(benchmarks/redteam5 uses the dev corpus's own), watchlist.json (see its README).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ROOT = Path(__file__).resolve().parent.parent
_TAG = re.compile(r"\[([a-z-]+)\]")


def load_ruleset(path: Path) -> RuleSet:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = tuple(
        Entry(
            id=e["id"],
            name=e["name"],
            aliases=tuple(e.get("aliases", ())),
            kind=e.get("kind", ""),
            exclude=tuple(e.get("exclude", ())),
        )
        for e in data["entries"]
    )
    return RuleSet(watchlists={"eval": Watchlist("eval", entries)}, rules=(Rule(name="eval", any=("eval",)),))


def tags_by_entry(notes: str) -> dict[str, set[str]]:
    """Variant tags per expected entry id, from the notes field."""
    out: dict[str, set[str]] = defaultdict(set)
    for part in notes.split(";"):
        part = part.strip()
        head = part.split(":", 1)[0]
        tags = set(_TAG.findall(head))
        ident = _TAG.sub("", head).strip()
        if ident.startswith("NOT "):
            continue
        out[ident] |= tags
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval-dev")
    parser.add_argument("--watchlist", type=Path, help="default: the corpus's watchlist.json")
    parser.add_argument("--verbose", action="store_true", help="print every match")
    args = parser.parse_args(argv)
    watchlist = args.watchlist or args.corpus / "watchlist.json"
    if not watchlist.is_file():
        parser.error(f"{watchlist}: no watch list here (name one with --watchlist FILE)")
    matcher = Matcher.build(load_ruleset(watchlist))
    tp = fp = fn = 0
    tag_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    semantic_hits = semantic_total = 0
    false_pos: list[str] = []
    false_neg: list[str] = []
    hard_neg_items: list[str] = []
    for path in sorted(args.corpus.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            fields = {"title": item.get("title", ""), "body": item.get("body", "")}
            matches = matcher.match(fields)
            got = {m.entry for m in matches}
            semantic = set(item.get("semantic", ()))
            expected = set(item["expected"]) - semantic
            semantic_total += len(semantic)
            semantic_hits += len(semantic & got)
            got -= semantic
            tags = tags_by_entry(item.get("notes", ""))
            for e in sorted(expected):
                for tag in tags.get(e, {"untagged"}):
                    tag_hits[tag][1] += 1
                    tag_hits[tag][0] += e in got
            tp += len(got & expected)
            for e in sorted(got - expected):
                fp += 1
                forms = sorted({m.text for m in matches if m.entry == e})
                false_pos.append(f"{item['id']} FP {e}: {forms}")
            for e in sorted(expected - got):
                fn += 1
                false_neg.append(f"{item['id']} FN {e}: {item.get('notes', '')[:160]}")
            if got - expected and "hard-negative" in item.get("notes", ""):
                hard_neg_items.append(item["id"])
            if args.verbose:
                for m in matches:
                    print(f"  {item['id']} {m.entry:24} {m.kind:9} {m.score:5.1f} {m.text!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pairs: tp={tp} fp={fp} fn={fn}")
    print(f"precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")
    print("recall per tag:")
    for tag, (hit, total) in sorted(tag_hits.items()):
        print(f"  {tag:16} {hit}/{total} = {hit / total:.2f}")
    print(f"semantic (stretch, not in the figures above): {semantic_hits}/{semantic_total}")
    print(f"items with a false hit on a hard negative: {hard_neg_items or 'none'}")
    for row in false_pos + false_neg:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
