"""The watch-list and rule model (pure data), as loaded from ``rules/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.model import FIELDS


@dataclass(frozen=True)
class Entry:
    """One watched name, as the analyst typed it.

    ``exact``: only case/spacing/diacritic noise is tolerated (no typo or
    transliteration). ``case_sensitive``: ``None`` lets the engine decide
    (short all-caps aliases such as ``NPT`` are case-sensitive). ``exclude``:
    phrases that, when they contain the mention, veto it ("Kursk submarine").
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    exact: bool = False
    case_sensitive: bool | None = None
    exclude: tuple[str, ...] = ()
    kind: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Watchlist:
    name: str
    entries: tuple[Entry, ...]
    file: str = ""


@dataclass(frozen=True)
class Near:
    """Two watch-lists whose matches must lie within ``within`` words."""

    lists: tuple[str, str]
    within: int


@dataclass(frozen=True)
class Rule:
    name: str
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    fields: tuple[str, ...] = FIELDS
    min_score: float | None = None
    near: Near | None = None
    file: str = ""

    @property
    def positive_lists(self) -> tuple[str, ...]:
        seen: dict[str, None] = dict.fromkeys((*self.any, *self.all))
        if self.near:
            seen.update(dict.fromkeys(self.near.lists))
        return tuple(seen)


@dataclass(frozen=True)
class RuleSet:
    watchlists: dict[str, Watchlist] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()

    def rule(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name), None)
