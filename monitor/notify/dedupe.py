"""Fold the same story told by several outlets into one digest entry.

Two entries are the same story when they were published close together and
either their headlines say the same thing or their texts share most of their
distinctive words. Words of the watch-list names that matched are ignored when
comparing: every entry in a digest about Kim Jong Un mentions Kim Jong Un, so
that is no evidence the stories are the same. See docs/digests.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from anyascii import anyascii
from rapidfuzz import fuzz

from monitor.model import DigestEntry, StoredItem

WINDOW = timedelta(hours=72)  # rewrites of one story land within a news cycle or two
TITLE_SAME = 0.86  # token_sort_ratio of distinctive headline words
TITLE_SUBSET = 0.95  # token_set_ratio when one headline contains the other ...
SUBSET_MIN_WORDS = 3  # ... and they share at least this many distinctive words
TEXT_SAME = 0.45  # Dice overlap of distinctive words of headline + lead
TEXT_WITH_TITLE = 0.30  # a weaker text overlap suffices when headlines are close
TITLE_CLOSE = 0.60
LEAD_WORDS = 120  # the lead carries the facts; later paragraphs drift into background

_WORD = re.compile(r"[a-z0-9]+")
# a capitalised word not at the start of a sentence: a name (Vietnam, Vostochny)
_NAME = re.compile(r"(?<=[A-Za-z0-9,;)]) +([A-Z][A-Za-z'-]+)")
# Words every story in this field shares: grammar, datelines, outlet names, honorifics.
_STOP_WORDS = """
a an the of to in on at for from by with and or but as is are was were be been has have had
it its this that these those he she they his her their him them who which what when where
will would can could should may also after before over about into than then there not no
more most new said says say told according report reports reported reporting state media
news agency official north south korea korean koreas dprk rok n s kcna yonhap nk kctv
rodong sinmun tass urgent lead ld update updated breaking comrade respected leader
chairman president general secretary wpk party workers central committee pyongyang seoul
moscow sept oct nov dec jan feb mar apr jun jul aug monday tuesday wednesday thursday
friday saturday sunday today yesterday week
"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class _Profile:
    when: datetime
    source: str
    title: tuple[str, ...]  # distinctive headline words, in order
    words: frozenset[str]  # distinctive words of headline + lead
    vocabulary: frozenset[str]  # every word of the item, for the "names" veto
    title_names: frozenset[str]  # headline words the body capitalises mid-sentence
    entries: frozenset[str]  # watch-list entries that matched


def group_duplicates(entries: Sequence[DigestEntry]) -> list[DigestEntry]:
    """Return one entry per story; the others go into the kept entry's ``also_in``.

    The kept entry is the most complete (full text over a teaser), then the
    earliest, then the longest. Order of the result follows the input order of
    the kept entries. Comparison is against each group's first member, so a
    chain of loosely similar items does not snowball into one group.
    """
    ignore = _matched_words(entries)
    profiles = [_profile(e, ignore) for e in entries]
    groups: list[list[int]] = []
    for i in sorted(range(len(entries)), key=lambda i: (profiles[i].when, i)):
        for group in groups:
            if _same_story(profiles[group[0]], profiles[i]):
                group.append(i)
                break
        else:
            groups.append([i])
    kept: list[tuple[int, DigestEntry]] = []
    for group in groups:
        best = min(group, key=lambda i: _preference(entries[i]))
        others = [entries[i] for i in group if i != best]
        also = _also_in(entries[best], others)
        kept.append((best, replace(entries[best], also_in=also)))
    return [entry for _, entry in sorted(kept, key=lambda pair: pair[0])]


def _same_story(a: _Profile, b: _Profile) -> bool:
    if abs(a.when - b.when) > WINDOW or _conflict(a, b):
        return False
    title = _title_similarity(a.title, b.title)
    if a.source == b.source:
        # an outlet does not retell its own story in other words; only an
        # update of the same headline ("(LEAD)", "(2nd LD)") is a duplicate
        return title >= TITLE_SAME or _title_contains(a.title, b.title)
    text = _dice(a.words, b.words)
    return (
        title >= TITLE_SAME
        or text >= TEXT_SAME
        or (title >= TITLE_CLOSE and text >= TEXT_WITH_TITLE)
        or _title_contains(a.title, b.title)
    )


def _conflict(a: _Profile, b: _Profile) -> bool:
    """Each side has something the other lacks: different watch-list entries
    matched, or headline names absent from the other text (Laos vs Vietnam in
    two otherwise identical greetings). One-sided extras are normal: a wire
    adds context ("amid Russia arms deal") to a state-media story."""
    if a.entries - b.entries and b.entries - a.entries:
        return True
    return bool(a.title_names - b.vocabulary) and bool(b.title_names - a.vocabulary)


def words(text: str) -> list[str]:
    """Lower-case ASCII content words with a crude stem (inspects -> inspect)."""
    out = []
    for word in _WORD.findall(anyascii(text).casefold()):
        if word in _STOP or len(word) < 2:
            continue
        out.append(_stem(word))
    return out


def _profile(entry: DigestEntry, ignore: frozenset[str]) -> _Profile:
    item = entry.item.item
    title = tuple(w for w in words(item.title) if w not in ignore)
    lead = words(item.body)[:LEAD_WORDS]
    names = frozenset(words(" ".join(_NAME.findall(item.body))))
    return _Profile(
        when=item.published or entry.item.seen_at,
        source=item.source.casefold(),
        title=title,
        words=frozenset(title) | frozenset(w for w in lead if w not in ignore),
        vocabulary=frozenset(words(f"{item.title} {item.body}")),
        title_names=frozenset(title) & names,
        entries=frozenset(m.entry for m in entry.matches),
    )


def _title_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(" ".join(a), " ".join(b))) / 100


def _title_contains(a: Sequence[str], b: Sequence[str]) -> bool:
    shared = set(a) & set(b)
    if len(shared) < SUBSET_MIN_WORDS:
        return False
    return float(fuzz.token_set_ratio(" ".join(a), " ".join(b))) / 100 >= TITLE_SUBSET


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _matched_words(entries: Iterable[DigestEntry]) -> frozenset[str]:
    found: set[str] = set()
    for entry in entries:
        for match in entry.matches:
            found.update(words(match.text))
            found.update(words(match.entry_name))
    return frozenset(found)


def _preference(entry: DigestEntry) -> tuple[bool, datetime, int, int]:
    item = entry.item
    return (
        item.item.teaser_only,
        item.item.published or item.seen_at,
        -len(item.item.body),
        item.id,
    )


def _also_in(kept: DigestEntry, others: Sequence[DigestEntry]) -> tuple[StoredItem, ...]:
    seen = {kept.item.id}
    out: list[StoredItem] = []
    for stored in [*kept.also_in, *(s for o in others for s in (o.item, *o.also_in))]:
        if stored.id not in seen:
            seen.add(stored.id)
            out.append(stored)
    return tuple(out)


def _stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    return word
