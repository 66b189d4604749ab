"""The matching engine: build once from a RuleSet, then match items' fields.

Pure: no I/O, no clock; the only mutable state is bounded caches.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from monitor.matching.index import AnchorIndex, WordIndex
from monitor.matching.names import NameSpec, choose_anchors, compile_names
from monitor.matching.normalize import Text
from monitor.matching.rules import NearMiss, Verdict, evaluate
from monitor.matching.ruleset import Rule, RuleSet
from monitor.matching.scan import scan, scan_anchored
from monitor.matching.verify import DEFAULT_MIN_SCORE, Found
from monitor.model import Match

__all__ = ["DEFAULT_MIN_SCORE", "Explanation", "Matcher", "NearMiss", "match"]


@dataclass(frozen=True)
class Explanation:
    matches: list[Match]
    rejected: list[NearMiss]


class Matcher:
    """A compiled RuleSet. Immutable after ``build`` and safe to share between threads."""

    def __init__(self, ruleset: RuleSet, names: list[NameSpec]) -> None:
        self.ruleset = ruleset
        self._names = names
        self._index = AnchorIndex(names)
        self._explain_index: WordIndex | None = None

    @classmethod
    def build(cls, ruleset: RuleSet) -> Matcher:
        # The index is millions of small objects, none of them garbage: a cyclic collection
        # pass over them while they are made took half the build time (20,000 entries).
        with _collector_paused():
            names: list[NameSpec] = []
            for wl in ruleset.watchlists.values():
                names.extend(compile_names(wl.name, wl.entries, len(names)))
            return cls(ruleset, choose_anchors(names))

    def match(self, fields: Mapping[str, str], *, rules: Collection[str] | None = None) -> list[Match]:
        """Matches of every rule that fires (only ``rules`` if given), by field order and start."""
        selected = [r for r in self.ruleset.rules if rules is None or r.name in rules]
        return self._run(fields, selected, explain=False).matches

    def explain(self, fields: Mapping[str, str], *, rule: str | None = None) -> Explanation:
        """Matches plus the candidates considered and rejected, each with the reason."""
        selected = [r for r in self.ruleset.rules if rule is None or r.name == rule]
        verdict = self._run(fields, selected, explain=True)
        return Explanation(verdict.matches, verdict.rejected)

    def _run(self, fields: Mapping[str, str], selected: list[Rule], explain: bool) -> Verdict:
        lists = {wl for r in selected for wl in (*r.positive_lists, *r.none)}
        wanted = {f for r in selected for f in r.fields}
        found: dict[str, tuple[Text, list[Found]]] = {}
        for name, value in fields.items():
            if name in wanted and value:
                text = Text.of(value)
                if explain:
                    hits = scan(text, self._explain(), self._names, lists, near_misses=True)
                else:
                    hits = scan_anchored(text, self._index, self._names, lists)
                found[name] = (text, hits)
        return evaluate(selected, list(fields), found, DEFAULT_MIN_SCORE, explain)

    def _explain(self) -> WordIndex:
        # Every word of every name, not only anchors, so near misses show up.
        if self._explain_index is None:
            self._explain_index = WordIndex(self._names, anchors_only=False)
        return self._explain_index


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block (as it was after it); refcounting stays."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_BY_ID: dict[int, tuple[RuleSet, Matcher]] = {}


def match(ruleset: RuleSet, fields: Mapping[str, str]) -> list[Match]:
    """Convenience: match with a Matcher cached per RuleSet identity."""
    cached = _BY_ID.get(id(ruleset))
    if cached is None or cached[0] is not ruleset:
        if len(_BY_ID) >= 16:
            _BY_ID.clear()
        cached = (ruleset, Matcher.build(ruleset))
        _BY_ID[id(ruleset)] = cached
    return cached[1].match(fields)
