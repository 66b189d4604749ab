"""Every name and alias of the project's red-team watch lists (benchmarks/redteam*/, written for
this project) is found as typed, in sentences of the shapes wire copy gives it.

A day or a city before a title, Kim Jong Un's "Un" inside a statement's title: such words made
exact names miss themselves before (docs/matching.md §6), which no labelled item had shown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ROOT = Path(__file__).resolve().parent.parent
LISTS = sorted((ROOT / "benchmarks").glob("redteam*/watchlist.json"))

# (field, sentence); a headline writes every word capitalised
CONTEXTS = (
    ("body", "{name} said on Monday that talks would continue."),
    ("body", "On Monday the {name} said talks would continue."),
    ("body", "In Seoul {name} was mentioned again."),
    ("body", "Officials quoted by Yonhap (citing {name}) said talks would continue."),
    ("body", '"We welcome {name}," the spokesman told TASS.'),
    ("body", "Seoul, Nov. 3 (Yonhap) -- {name} was mentioned again."),
    ("title", "Analysis: {name} In Focus As Talks Resume"),
)


def _entries(path: Path) -> tuple[Entry, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Entry(id=e["id"], name=e["name"], aliases=tuple(e.get("aliases", ())), kind=e.get("kind", ""))
        for e in data["entries"]
    )


def _headline(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def test_there_are_lists_to_read() -> None:
    assert len(LISTS) >= 9


@pytest.mark.parametrize("path", LISTS, ids=[p.parent.name for p in LISTS])
def test_every_name_is_found_as_typed(path: Path) -> None:
    entries = _entries(path)
    ruleset = RuleSet(watchlists={"w": Watchlist("w", entries)}, rules=(Rule("all", any=("w",)),))
    matcher = Matcher.build(ruleset)
    missed = []
    for entry in entries:
        for name in entry.names:
            for field, shape in CONTEXTS:
                text = shape.format(name=_headline(name) if field == "title" else name)
                fields = {"title": text, "body": "Nothing else."} if field == "title" else {"body": text}
                if entry.id not in {m.entry for m in matcher.match(fields)}:
                    missed.append((entry.id, text))
    assert missed == []
