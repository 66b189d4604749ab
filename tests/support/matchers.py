"""Matchers over invented watch-lists, for the matching tests."""

from __future__ import annotations

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist


def one_list_matcher(entries: tuple[Entry, ...]) -> Matcher:
    """A matcher with one list of these entries and one rule that fires on any of them."""
    return Matcher.build(RuleSet(watchlists={"w": Watchlist("w", entries)}, rules=(Rule("all", any=("w",)),)))


def entries_found(matcher: Matcher, text: str, title: str = "") -> set[str]:
    """Ids of the entries the matcher finds in an item with this body (and title)."""
    return {m.entry for m in matcher.match({"title": title, "body": text})}
