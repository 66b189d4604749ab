"""The nouns of the service, as frozen dataclasses shared by every layer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

FIELDS = ("title", "body")


@dataclass(frozen=True)
class Item:
    """One news item as a parser produced it (before storing).

    ``key`` identifies the item within its source: the feed's id, else its link,
    else a hash of title and date. ``body`` is plain text (markup stripped); for
    a listing page without a fetched article it holds the teaser.
    """

    source: str
    key: str
    title: str
    link: str | None = None
    body: str = ""
    published: datetime | None = None  # timezone-aware (UTC) when known
    teaser_only: bool = False  # body holds only a listing teaser

    def fields(self) -> Mapping[str, str]:
        return {"title": self.title, "body": self.body}


@dataclass(frozen=True)
class Match:
    """One mention of a watch-list entry that made a rule fire.

    ``start``/``end`` index the original text of ``field`` so a highlighter can
    slice it; ``text`` is that slice. ``kind`` says which variant it was:
    exact | alias | case | translit | typo | reordered | partial | script.
    """

    rule: str
    watchlist: str
    entry: str  # the entry id
    entry_name: str
    field: str
    start: int
    end: int
    text: str
    score: float
    kind: str = "exact"


@dataclass(frozen=True)
class StoredItem:
    """An item as the store holds it, with its row id and first-seen time."""

    id: int
    item: Item
    seen_at: datetime


@dataclass(frozen=True)
class DigestEntry:
    """One stored item with the matches that route it into a digest."""

    item: StoredItem
    matches: tuple[Match, ...]
    also_in: tuple[StoredItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SourceHealthNote:
    """A line of the digest's "source health" section."""

    source: str
    message: str
