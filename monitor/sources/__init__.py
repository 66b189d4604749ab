"""Bytes -> items. Pure: no network, no clock; each parser takes bytes and returns data."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.model import Item


@dataclass(frozen=True)
class ParsedSource:
    """What a parser could read. ``problem`` is set when the input was ill-formed
    (the items that could be read are still returned) or matched nothing."""

    items: list[Item] = field(default_factory=list)
    problem: str | None = None
    problem_kind: str | None = None  # "parse" | "selector"
