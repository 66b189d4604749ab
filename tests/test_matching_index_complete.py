"""The anchored index never loses a mention the verifier accepts: over every item of the
project's own evaluation corpora (benchmarks/redteam*/ with a watch list of their own),
``match`` finds exactly the entries that ``explain`` (which tries every word of every name)
finds. A difference is a hole in the index, or a verifier path the index cannot reach.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CORPORA = sorted(p.parent for p in BENCHMARKS.glob("redteam*/watchlist.json"))


def _matcher(watchlist: Path) -> Matcher:
    data = json.loads(watchlist.read_text(encoding="utf-8"))
    entries = tuple(
        Entry(e["id"], e["name"], aliases=tuple(e.get("aliases", ())), kind=e.get("kind", ""))
        for e in data["entries"]
    )
    return Matcher.build(RuleSet(watchlists={"w": Watchlist("w", entries)}, rules=(Rule("all", any=("w",)),)))


def test_there_are_corpora() -> None:
    assert len(CORPORA) >= 3


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_match_finds_what_explain_finds(corpus: Path) -> None:
    matcher = _matcher(corpus / "watchlist.json")
    differ = []
    for line in (corpus / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        fields = {"title": item["title"], "body": item["body"]}
        found = {(m.entry, m.field, m.start) for m in matcher.match(fields)}
        explained = {(m.entry, m.field, m.start) for m in matcher.explain(fields).matches}
        if found != explained:
            differ.append((item["id"], sorted(found ^ explained)))
    assert differ == []
