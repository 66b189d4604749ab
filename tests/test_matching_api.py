"""The engine's public API: build, match, explain, the convenience function."""

from __future__ import annotations

import gc
import weakref

from monitor.matching.engine import DEFAULT_MIN_SCORE, Explanation, Matcher, NearMiss, match
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist


def _ruleset() -> RuleSet:
    people = Watchlist("people", (Entry("kju", "Kim Jong Un"), Entry("lav", "Sergei Lavrov", ("Lavrov",))))
    return RuleSet(watchlists={"people": people}, rules=(Rule("watch", any=("people",)),))


def test_match_returns_offsets_into_original_fields() -> None:
    fields = {"title": "KIM JONG UN meets Lavrov", "body": "Talks with Sergey Lavrov’s team."}
    got = Matcher.build(_ruleset()).match(fields)
    assert [(m.field, m.entry, m.text) for m in got] == [
        ("title", "kju", "KIM JONG UN"),
        ("title", "lav", "Lavrov"),
        ("body", "lav", "Sergey Lavrov"),
    ]
    for m in got:
        assert fields[m.field][m.start : m.end] == m.text
        assert m.score >= DEFAULT_MIN_SCORE


def test_convenience_function_agrees_with_matcher() -> None:
    rs = _ruleset()
    fields = {"title": "Kim Jong-un", "body": ""}
    assert match(rs, fields) == Matcher.build(rs).match(fields)


def test_explain_reports_near_miss() -> None:
    got = Matcher.build(_ruleset()).explain({"title": "Kim Jong Il", "body": ""})
    assert isinstance(got, Explanation)
    assert got.matches == []
    assert any(isinstance(r, NearMiss) and "short token 'il'" in r.reason for r in got.rejected)


def test_a_replaced_matcher_is_freed_at_once_without_the_cycle_collector() -> None:
    # The daemon swaps in a new Matcher on every rules reload: the old index (hundreds of MB
    # at 20,000 entries) must go when the last reference does, not at some full collection.
    ruleset = RuleSet(
        watchlists={"w": Watchlist("w", (Entry("lav", "Sergei Lavrov"), Entry("kju", "Kim Jong Un")))},
        rules=(Rule("r", any=("w",)),),
    )
    was = gc.isenabled()
    gc.disable()
    try:
        matcher = Matcher.build(ruleset)
        assert [m.entry for m in matcher.match({"body": "Sergei Lavrov met Kim Jong Un."})] == ["lav", "kju"]
        index = weakref.ref(matcher._index)
        del matcher
        assert index() is None
    finally:
        if was:
            gc.enable()
