"""Word index: text word -> names whose anchor word it may spell (exact, key or typo)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from monitor.matching.names import DEMONYMS, STOPWORDS, NameSpec
from monitor.matching.translit import (
    deletions,
    is_korean,
    korean_key,
    russian_key,
    typo_budget,
)

# (name id, index of the name word - or of the canonical title word -, words covered)
Posting = tuple[int, int, int]
_CACHE_LIMIT = 200_000


def _keys(word: str, korean: bool) -> set[str]:
    keys = {word, "r:" + russian_key(word)}
    if korean:
        keys.add("k:" + korean_key(word))
    return keys


class WordIndex:
    """Maps words to postings; ``anchors_only=False`` indexes every word (for explain)."""

    def __init__(self, specs: Iterable[NameSpec], *, anchors_only: bool = True) -> None:
        keys: defaultdict[str, set[Posting]] = defaultdict(set)
        typos: defaultdict[str, set[Posting]] = defaultdict(set)
        for spec in specs:
            if spec.mode == "title":
                words = spec.distinct
                chosen = spec.anchors if anchors_only else range(len(words))
                for i in chosen:
                    self._add_word(keys, typos, spec, words[i], (spec.id, i, 1), typo=True)
                continue
            words = spec.words
            chosen = spec.anchors if anchors_only else range(len(words))
            for i in chosen:
                if words[i] in STOPWORDS and len(words) > 1:
                    continue
                self._add_word(keys, typos, spec, words[i], (spec.id, i, 1), typo=True)
                # Korean given names are also written as one word: Jongun, Thaesong.
                for a in (i - 1, i):
                    if a >= 0 and a + 1 < len(words):
                        posting = (spec.id, a, 2)
                        self._add_word(keys, typos, spec, words[a] + words[a + 1], posting, False)
        self._keys = {k: tuple(sorted(v)) for k, v in keys.items()}
        self._typos = {k: tuple(sorted(v)) for k, v in typos.items()}
        self._cache: dict[str, tuple[Posting, ...]] = {}

    @staticmethod
    def _add_word(
        keys: defaultdict[str, set[Posting]],
        typos: defaultdict[str, set[Posting]],
        spec: NameSpec,
        word: str,
        posting: Posting,
        typo: bool,
    ) -> None:
        for key in _keys(word, spec.korean) if not spec.exact else {word}:
            keys[key].add(posting)
        budget = typo_budget(len(word), spec.alone) if typo and not spec.exact else 0
        if budget and not spec.case_sensitive:
            for variant in deletions(word, budget):
                typos[variant].add(posting)

    def lookup(self, word: str) -> tuple[Posting, ...]:
        """Postings a text word may hit; cached per word (bounded)."""
        found = self._cache.get(word)
        if found is None:
            found = self._compute(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _compute(self, word: str) -> tuple[Posting, ...]:
        hits: set[Posting] = set()
        keys = _keys(word, is_korean(word))
        if word in DEMONYMS:
            keys.add(DEMONYMS[word])
        for key in keys:
            hits.update(self._keys.get(key, ()))
        if self._typos and len(word) >= 3:
            for variant in deletions(word, 1 if len(word) <= 6 else 2):
                hits.update(self._typos.get(variant, ()))
        return tuple(sorted(hits))
