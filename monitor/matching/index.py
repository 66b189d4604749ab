"""Word index: text word -> names whose anchor word it may spell (exact, key or typo).

Postings come in three buckets: ``free`` ones are verified for any text word,
``capital`` ones (typos, one-word transliterations, Korean syllable pairs) only
for a capitalised or hyphen-joined word, and ``title`` ones go through a cheap
per-item word-presence filter first. Common lowercase English words thus cost
one dictionary look-up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from monitor.matching.names import STOPWORDS, NameSpec, title_word
from monitor.matching.translit import (
    deletions,
    is_korean,
    korean_key,
    korean_pair_key,
    korean_syllables,
    russian_key,
    russian_keys,
    typo_budget,
)

# (name id, index of the name word - or of the canonical title word -, words covered)
Posting = tuple[int, int, int]
# (free, capital, title, the word reads as a Korean syllable or two)
Postings = tuple[tuple[Posting, ...], tuple[Posting, ...], tuple[Posting, ...], bool]
_CACHE_LIMIT = 200_000
EMPTY: Postings = ((), (), (), False)


@dataclass
class _Table:
    keys: defaultdict[str, set[Posting]] = field(default_factory=lambda: defaultdict(set))
    typos: defaultdict[str, set[Posting]] = field(default_factory=lambda: defaultdict(set))

    def frozen(self) -> tuple[dict[str, tuple[Posting, ...]], dict[str, tuple[Posting, ...]]]:
        return (
            {k: tuple(sorted(v)) for k, v in self.keys.items()},
            {k: tuple(sorted(v)) for k, v in self.typos.items()},
        )


class WordIndex:
    """Maps words to postings; ``anchors_only=False`` indexes every word (for explain)."""

    def __init__(self, specs: Iterable[NameSpec], *, anchors_only: bool = True) -> None:
        tables = (_Table(), _Table(), _Table())
        for spec in specs:
            if spec.korean and anchors_only:
                _add_korean_pair(tables[1], spec)
                continue
            words = spec.distinct if spec.mode == "title" else spec.words
            chosen = spec.anchors if anchors_only else range(len(words))
            for i in chosen:
                if words[i] in STOPWORDS and len(words) > 1:
                    continue
                _add(tables, spec, words[i], (spec.id, i, 1), typo=True)
                # Two name words written as one: Jongun, Nonproliferation.
                for a in (i - 1, i):
                    if a >= 0 and a + 1 < len(words):
                        _add(tables, spec, words[a] + words[a + 1], (spec.id, a, 2), False)
        self._tables = tuple(t.frozen() for t in tables)
        self._cache: dict[str, Postings] = {}

    def lookup(self, word: str) -> Postings:
        """(free, capital, title, korean) postings a text word may hit; cached per word (bounded)."""
        found = self._cache.get(word)
        if found is None:
            found = self._compute(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = found
        return found

    def lookup_pair(self, first: str, second: str) -> tuple[Posting, ...]:
        """Korean names whose anchor pair two adjacent text words spell (Il-hwan, Jong Un)."""
        pair = first + " " + second
        found = self._cache.get(pair)
        if found is None:
            found = (self._tables[1][0].get("k:" + korean_pair_key(first, second), ()), (), (), True)
            self._cache[pair] = found
        return found[0]

    def _compute(self, word: str) -> Postings:
        keys = {word, "d:" + word, *("r:" + key for key in russian_keys(word))}
        korean = is_korean(word)
        if korean or korean_syllables(word):  # longer words: Korean places (Shinuiju)
            keys.add("k:" + korean_key(word))
        keys.add(title_word(word))  # Russian -> russia, accord -> treaty, forces -> force
        variants = deletions(word, 1 if len(word) <= 6 else 2) if len(word) >= 4 else set()
        # one typo in a transliteration (Koschemjaco), names only (titles: verify._title_hits)
        by_key = {v for k in russian_keys(word) if k != word and len(k) >= 5 for v in deletions(k, 1)}
        out = []
        for n, (table, typos) in enumerate(self._tables):
            hits: set[Posting] = set()
            for key in keys:
                hits.update(table.get(key, ()))
            for variant in variants if n == 2 else variants | by_key:
                hits.update(typos.get(variant, ()))
            out.append(tuple(sorted(hits)))
        if not any(out) and not korean:
            return EMPTY  # the common case, tested by identity in the scan loop
        return out[0], out[1], out[2], korean


def _add(
    tables: tuple[_Table, _Table, _Table], spec: NameSpec, word: str, posting: Posting, typo: bool
) -> None:
    free, capital, title = tables
    if spec.mode == "title":
        free = capital = title
    free.keys[word].add(posting)
    if spec.exact or spec.case_sensitive:
        return
    if spec.mode == "title" and "k:" + korean_key(word) in spec.title_targets:
        title.keys["k:" + korean_key(word)].add(posting)  # Gaeseong Industrial Complex
    if spec.korean:
        capital.keys["k:" + korean_key(word)].add(posting)
    else:
        # a one-word name's transliteration must be capitalised: see verify.compare
        (capital if spec.alone else free).keys["r:" + russian_key(word)].add(posting)
        if spec.korean_word:
            # width 2: also reached by two text syllables (Hangul 남포 reads "Nam Pho")
            capital.keys["k:" + korean_key(word)].add((spec.id, posting[1], 2))
    budget = typo_budget(len(word), spec.alone) if typo else 0
    if not budget or (spec.mode == "title" and len(word) < 5):
        return
    if len(word) == 4:  # a dropped letter only: the text word is the name word minus one
        for variant in deletions(word, 1) - {word}:
            capital.keys["d:" + variant].add(posting)
        return
    for variant in deletions(word, budget):
        capital.typos[variant].add(posting)
    key = russian_key(word)
    key_budget = typo_budget(len(key), spec.alone)
    russian = not (spec.korean or spec.korean_word or spec.mode == "title")
    if key != word and russian and key_budget and len(key) >= 5:
        for variant in deletions(key, 1):  # one typo in a transliteration: verify.compare
            capital.typos[variant].add(posting)


def _add_korean_pair(capital: _Table, spec: NameSpec) -> None:
    """Index a Korean name by its anchor pair of adjacent words, by syllable key.

    Every word of a Korean name must match, so one pair suffices; it is a given-name
    pair when there is one, since given names are also written as one word (Jongun).
    Four-letter syllables may lose a letter (Jon for Jong).
    """
    a = spec.anchors[0]
    first, second = spec.words[a], spec.words[a + 1]
    for x in _dropped(first):
        for y in _dropped(second):
            capital.keys["k:" + korean_pair_key(x, y)].add((spec.id, a, 2))


def _dropped(word: str) -> set[str]:
    return deletions(word, 1) if len(word) == 4 else {word}
