"""Foreign (Russian, Western) names written in Hangul, as Korean-language copy writes them:
세르게이 라브로프 is Sergei Lavrov, 쇼이구 Shoigu, 푸틴 Putin.

Korean spells a foreign name by sound, syllable by syllable, with an epenthetic vowel ㅡ (eu)
after a consonant that has no vowel of its own (라브로프 = la-beu-lo-peu for Lavrov), and
with fewer consonants than Russian or English tell apart: one liquid (l, r), one labial
stop for b, p, v, f, and so on. Both sides are reduced to a *loan key* by the same rules:
the Hangul word's syllables joined with the epenthetic vowels dropped, the name word as
written; equal keys mean the same name. Korean names in Hangul are read as Korean
(translit.korean_key), not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from monitor.matching.names import NameSpec
from monitor.matching.normalize import Text

# consonant clusters first, then single letters (applied left to right, longest first)
_LATIN = (
    ("shch", "sy"),
    ("sch", "sy"),
    ("sh", "sy"),
    ("zh", "j"),
    ("kh", "h"),
    ("tch", "j"),
    ("ch", "j"),
    ("ts", "j"),
    ("tz", "j"),
    ("eo", "o"),
    ("x", "ks"),
    ("w", "p"),
    ("q", "k"),
    ("c", "k"),
)
_SINGLE = str.maketrans({"l": "r", "b": "p", "v": "p", "f": "p", "g": "k", "d": "t", "z": "j"})
_CLUSTER = re.compile("|".join(a for a, _ in _LATIN))
_REPLACE = dict(_LATIN)
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_Y = re.compile(r"(?:iy|ii|yi|y|ij)$")
# an epenthetic vowel: "eu" between consonants alone (beu, peu, seu, teu; beul of 블라디미르)
_EPENTHETIC = re.compile(r"^([^aeiouy]+)eu([^aeiouy]*)$")
MIN_KEY = 4  # shorter keys (two syllables of few letters) collide too often


@lru_cache(maxsize=32768)
def loan_key(word: str) -> str:
    """A Latin-letter name word reduced to the sounds Hangul tells apart (lavrov -> raprop)."""
    word = _FINAL_Y.sub("i", word)  # Dmitry, Dmitrii, Dmitriy: 드미트리
    word = _CLUSTER.sub(lambda m: _REPLACE[m.group(0)], word)
    word = word.translate(_SINGLE)
    return _DOUBLED.sub(r"\1", word)


def syllables_key(syllables: Iterable[str]) -> str:
    """The loan key of a Hangul word, given its romanised syllables (la, beu, lo, peu)."""
    parts = []
    for s in syllables:
        m = _EPENTHETIC.match(s)
        parts.append(m.group(1) + m.group(2) if m else s)
    return loan_key("".join(parts))


def hangul_words(text: Text) -> list[tuple[int, int]]:
    """Word index ranges (first, last) of the text's Hangul words of two syllables or more:
    one text word per syllable, the syllables of a word adjacent in the original."""
    out: list[tuple[int, int]] = []
    original = text.original
    first = -1
    end = -1
    for k in range(len(text.words)):
        a, b = text.orig(k, k)
        hangul = b - a == 1 and "\uac00" <= original[a] <= "\ud7a3"
        if hangul and first >= 0 and a == end:
            end = b
            continue
        if first >= 0 and k - 1 > first:
            out.append((first, k - 1))
        first, end = (k, b) if hangul else (-1, -1)
    if first >= 0 and len(text.words) - 1 > first:
        out.append((first, len(text.words) - 1))
    return out


class HangulTable:
    """Loan key -> (name id, word index) for the words of people's names (not Korean ones,
    not case-sensitive or exact entries); built on the first text that holds Hangul."""

    def __init__(self, specs: Iterable[NameSpec]) -> None:
        self._specs = specs
        self._table: dict[str, list[tuple[int, int]]] | None = None

    def get(self, key: str) -> list[tuple[int, int]]:
        if self._table is None:
            self._table = {}
            for spec in self._specs:
                if not spec.person or spec.korean or spec.case_sensitive or spec.exact or spec.mode != "seq":
                    continue
                for j, word in enumerate(spec.words):
                    key_j = loan_key(word)
                    if len(key_j) >= MIN_KEY:
                        self._table.setdefault(key_j, []).append((spec.id, j))
        return self._table.get(key, [])
