"""DigestView -> plain data the templates print without further logic.

Pure: the only time used is ``view.generated_at``. Feed text is untrusted; it
is kept as text here and escaped by the HTML template's autoescape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from monitor.model import DigestEntry, Match, SourceHealthNote, StoredItem
from monitor.notify.dedupe import group_duplicates
from monitor.notify.snippet import highlight, one_line

MAX_MENTIONS = 4  # per item; more add noise, not information
MAX_TITLE = 300  # chars; a feed's title is sometimes a whole article (or garbage)
SUBJECT_RULES = 3


@dataclass(frozen=True)
class DigestView:
    """Everything a digest shows; entries are already routed to this digest."""

    name: str
    generated_at: datetime  # aware
    timezone: str  # IANA; times are shown in it
    entries: Sequence[DigestEntry]
    health: Sequence[SourceHealthNote] = ()
    max_items: int = 50  # past this: "and N more" with counts per rule


@dataclass(frozen=True)
class Why:
    entry_name: str
    kind: str
    score: str  # formatted, e.g. "0.93"
    rule: str


@dataclass(frozen=True)
class Mention:
    """One snippet of a field with one or more highlighted matches."""

    field: str
    parts: tuple[tuple[str, bool], ...]  # (text, is_match)
    why: tuple[Why, ...]


@dataclass(frozen=True)
class Link:
    source: str
    title: str
    url: str | None  # None when missing or not http(s)
    when: str


@dataclass(frozen=True)
class Story:
    link: Link
    also_in: tuple[Link, ...]
    mentions: tuple[Mention, ...]
    more_mentions: int
    other_rules: tuple[str, ...]  # rules besides the section's that also matched
    teaser_only: bool


@dataclass(frozen=True)
class Section:
    rule: str
    total: int
    stories: tuple[Story, ...]

    @property
    def hidden(self) -> int:
        return self.total - len(self.stories)


@dataclass(frozen=True)
class DigestModel:
    name: str
    subject: str
    summary: str
    generated: str
    timezone: str
    total: int
    sections: tuple[Section, ...]
    hidden: tuple[tuple[str, int], ...]  # (rule, count) past the cap
    hidden_total: int
    health: tuple[SourceHealthNote, ...]


def build_model(view: DigestView) -> DigestModel:
    zone = ZoneInfo(view.timezone)
    entries = group_duplicates(view.entries)
    by_rule: dict[str, list[DigestEntry]] = {}
    for entry in entries:
        by_rule.setdefault(primary_rule(entry), []).append(entry)
    for items in by_rule.values():
        items.sort(key=lambda e: (_when(e.item), e.item.id), reverse=True)
    order = sorted(by_rule, key=lambda r: (-len(by_rule[r]), r.casefold()))
    shown = _cap({r: len(by_rule[r]) for r in order}, order, view.max_items)
    sections = tuple(
        Section(rule, len(by_rule[rule]), tuple(_story(e, rule, zone) for e in by_rule[rule][:n]))
        for rule, n in ((r, shown[r]) for r in order)
    )
    hidden = tuple((s.rule, s.hidden) for s in sections if s.hidden)
    counts = [(s.rule, s.total) for s in sections]
    folded = sum(len(e.also_in) for e in entries) - sum(len(e.also_in) for e in view.entries)
    return DigestModel(
        name=one_line(view.name),
        subject=make_subject(view.name, counts, len(view.health)),
        summary=_summary(entries, counts, folded, len(view.health)),
        generated=_fmt(view.generated_at, zone),
        timezone=view.timezone,
        total=len(entries),
        sections=sections,
        hidden=hidden,
        hidden_total=sum(n for _, n in hidden),
        health=tuple(
            SourceHealthNote(one_line(h.source), one_line(h.message)) for h in view.health
        ),
    )


def primary_rule(entry: DigestEntry) -> str:
    """The rule an item is listed under: the best match's rule, where a
    mention in the headline beats one in the body at the same score."""
    if not entry.matches:
        return "(no rule)"
    counts = Counter(m.rule for m in entry.matches)
    best = max(
        entry.matches,
        key=lambda m: (m.score, m.field == "title", counts[m.rule], m.rule.casefold()),
    )
    return best.rule


def make_subject(name: str, counts: Sequence[tuple[str, int]], health: int) -> str:
    total = sum(n for _, n in counts)
    head = f"[monitor] {one_line(name)}: "
    if not total:
        notes = f" — {plural(health, 'source health note')}" if health else ""
        return head + "no new items" + notes
    rules = ", ".join(f"{one_line(r)} ({n})" for r, n in counts[:SUBJECT_RULES])
    more = len(counts) - SUBJECT_RULES
    if more > 0:
        rules += f", +{plural(more, 'more rule')}"
    return head + f"{plural(total, 'item')} — {rules}"


def _cap(sizes: dict[str, int], order: list[str], limit: int) -> dict[str, int]:
    """How many items each rule shows: round-robin, newest first, so a busy
    rule cannot push a quiet one out of the digest."""
    shown = dict.fromkeys(order, 0)
    left = max(0, limit)
    while left:
        progressed = False
        for rule in order:
            if left and shown[rule] < sizes[rule]:
                shown[rule] += 1
                left -= 1
                progressed = True
        if not progressed:
            break
    return shown


def _story(entry: DigestEntry, rule: str, zone: ZoneInfo) -> Story:
    picked = _pick_mentions(entry.matches, rule)
    mentions = _mentions(entry.item, picked)
    return Story(
        link=_link(entry.item, zone),
        also_in=tuple(_link(s, zone) for s in entry.also_in),
        mentions=tuple(mentions[:MAX_MENTIONS]),
        more_mentions=max(0, len(mentions) - MAX_MENTIONS),
        other_rules=tuple(sorted({m.rule for m in entry.matches} - {rule})),
        teaser_only=entry.item.item.teaser_only,
    )


def _pick_mentions(matches: Sequence[Match], rule: str) -> list[Match]:
    """One mention per watch-list entry, the section's rule first. A body
    mention is preferred: the headline is already shown, the body gives context."""
    ranked = sorted(
        matches, key=lambda m: (m.rule != rule, m.field == "title", -m.score, m.field, m.start)
    )
    best: dict[tuple[str, str], Match] = {}
    for match in ranked:
        best.setdefault((match.rule, match.entry), match)
    return list(best.values())


def _mentions(stored: StoredItem, matches: Sequence[Match]) -> list[Mention]:
    """Group the picked matches into snippets per field, in the order picked."""
    fields = stored.item.fields()
    out: list[Mention] = []
    by_field: dict[str, list[Match]] = {}
    for match in matches:
        by_field.setdefault(match.field, []).append(match)
    for field, group in by_field.items():
        text = fields.get(field, "")
        valid = [m for m in group if 0 <= m.start < m.end <= len(text)]
        for snippet in highlight(text, [(m.start, m.end) for m in valid]):
            out.append(Mention(field, tuple(snippet), _why(valid, text, snippet)))
        for m in group:
            if m not in valid:  # stale offsets: show what the matcher saw
                out.append(Mention(field, ((one_line(m.text), True),), (_label(m),)))
    order = {m.field: i for i, m in enumerate(matches)}
    return sorted(out, key=lambda mention: order[mention.field])


def _why(matches: Sequence[Match], text: str, snippet: list[tuple[str, bool]]) -> tuple[Why, ...]:
    marked = {part for part, is_match in snippet if is_match}
    hits = [m for m in matches if one_line(text[m.start : m.end]) in marked]
    return tuple(_label(m) for m in sorted(hits, key=lambda m: m.start))


def _label(match: Match) -> Why:
    return Why(one_line(match.entry_name), match.kind, f"{match.score:.2f}", one_line(match.rule))


def _link(stored: StoredItem, zone: ZoneInfo) -> Link:
    item = stored.item
    when = _fmt(item.published, zone) if item.published else f"seen {_fmt(stored.seen_at, zone)}"
    return Link(
        source=one_line(item.source),
        title=_shorten(one_line(item.title), MAX_TITLE) or "(untitled)",
        url=safe_url(item.link),
        when=when,
    )


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are clickable; ``javascript:`` and friends are dropped."""
    if not url:
        return None
    url = url.strip()
    if any(c in url for c in "\r\n\t ") or urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return url


def _summary(
    entries: Sequence[DigestEntry], counts: Sequence[tuple[str, int]], folded: int, health: int
) -> str:
    if not entries:
        return "No new items matched your rules."
    sources = Counter(e.item.item.source for e in entries)
    text = (
        f"{plural(len(entries), 'item')} from {plural(len(sources), 'source')}"
        f" matched {plural(len(counts), 'rule')}."
    )
    if folded:
        text += f" {plural(folded, 'report')} of the same stories by other outlets folded in."
    if health:
        text += f" {plural(health, 'source health note')} below."
    return text


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(stored: StoredItem) -> datetime:
    return stored.item.published or stored.seen_at


def _fmt(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
