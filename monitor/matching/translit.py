"""Spelling equivalence keys and typo budgets for single (folded, lowercase) words.

Two words are transliteration variants when their keys are equal. The Korean key
works per romanised syllable (it bridges Revised Romanization, McCune–Reischauer
and the usual South/North Korean spellings); the Russian key rewrites letters
(English, German and French transliterations of Cyrillic). See docs/matching.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

_INITIAL = r"(?:kk|gg|kh|k|g|n|tt|th|t|d|rh|r|l|m|pp|ph|p|b|ss|sh|s|jj|j|ch|c|h|y|w)?"
_VOWEL = (
    r"(?:yae|yeo|yoo|wae|weo|eui|ae|ya|eo|ye|wa|oe|oi|yo|oo|wo|we|wi|yu|eu|ui|ee|ou|ei|ai"
    r"|a|o|e|u|i)"
)
_FINAL = r"(?:ng|rk|lk|k|g|n|t|d|l|r|m|p|b|h)?"
_SYLLABLE = _INITIAL + _VOWEL + _FINAL
_KOREAN_WORD = re.compile(f"(?:{_SYLLABLE}){{1,2}}")
_KOREAN_SYLLABLE = re.compile(_SYLLABLE)

# Ordered rewrites; each merges spellings of the same Korean sound.
_KOREAN_RULES: tuple[tuple[str, str], ...] = (
    ("rh", "r"),  # Rhee
    ("eui", "ui"),
    ("ui", "i"),  # Hui / Hee / Heui
    ("ee", "i"),  # Lee, Hee
    ("oi", "oe"),  # Choi / Choe
    ("eo", "o"),  # RR eo = MR o-breve: Yeo/Yo, Jeong/Jong
    ("eu", "u"),  # RR eu = MR u-breve: Eun/Un
    ("oo", "u"),  # Yoon/Yun, Hoon/Hun
    ("ou", "u"),
    ("th", "t"),  # DPRK aspirates: Thae/Tae
    ("kh", "k"),
    ("ph", "p"),
    ("ch", "j"),  # Cho/Jo, Chong/Jong
    ("c", "j"),
    ("sh", "s"),  # Shin/Sin
    ("ng", "N"),  # keep ng apart from n + g before g -> k
    ("g", "k"),  # Gim/Kim
    ("b", "p"),  # Bak/Pak
    ("d", "t"),  # Dok/Tok
    ("r", "l"),  # Ri/Li
    ("u", "o"),  # Jung/Jong, Sung/Song, Suk/Sok (South Korean usage)
)
_DOUBLE = re.compile(r"([kptsjlmn])\1")


@lru_cache(maxsize=65536)
def is_korean(word: str) -> bool:
    """The word reads as one or two romanised Korean syllables."""
    return _KOREAN_WORD.fullmatch(word) is not None


def is_korean_name(words: Sequence[str]) -> bool:
    """A romanised Korean name: a one-syllable surname, then one- or two-syllable words."""
    return (
        len(words) >= 2
        and len(words[0]) <= 4
        and _KOREAN_SYLLABLE.fullmatch(words[0]) is not None
        and all(is_korean(w) for w in words[1:])
    )


@lru_cache(maxsize=65536)
def korean_key(word: str) -> str:
    key = word
    for old, new in _KOREAN_RULES:
        key = key.replace(old, new)
    if key[:1] == "l" and key[1:2] in ("i", "y"):
        key = key[1:]  # initial r/l drops before i/y in the South: Ri = Lee = Yi, Ryong = Yong
    if key[:2] == "yi":
        key = key[1:]
    if key.endswith("lk"):
        key = key[:-2] + "k"  # Park = Pak
    if len(key) > 2 and key.endswith("h"):
        key = key[:-1]  # Noh = No
    return _DOUBLE.sub(r"\1", key)


_RUSSIAN_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),  # German
    ("sch", "sh"),  # German Schoigu
    ("w", "v"),  # German Wladimir, Lawrow
    ("kh", "h"),  # Zakharova / Zaharova
    ("x", "ks"),  # Alexander / Aleksandr
    ("ph", "f"),
    ("tz", "ts"),
    ("ou", "u"),  # French
    ("j", "y"),  # German Sergej
    ("y", "i"),  # Sergey / Sergei, Shoygu / Shoigu
)
_RUSSIAN_REGEX: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ff$"), "v"),  # Lavroff
    (re.compile(r"^ie"), "e"),  # Yevgeny / Evgeny
    (re.compile(r"([aeiou])ie"), r"\1e"),  # Andreyev / Andreev
    (re.compile(r"([^aeiou])io"), r"\1e"),  # Pyotr / Petr, Fyodor / Fedor
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters; -ii / -iy / -y endings
    (re.compile(r"([^aeiou])r$"), r"\1er"),  # Aleksandr / Alexander
)


@lru_cache(maxsize=65536)
def russian_key(word: str) -> str:
    key = word
    for old, new in _RUSSIAN_RULES:
        key = key.replace(old, new)
    for pattern, new in _RUSSIAN_REGEX:
        key = pattern.sub(new, key)
    return key


def typo_budget(length: int, alone: bool) -> int:
    """Edits tolerated in a name word of this length (``alone``: a one-word name).

    Short words (<= 3 letters, e.g. Korean syllables) never; 4 letters one dropped
    letter; 5-7 letters one edit; 8+ two. A one-word name needs one letter more.
    """
    if alone:
        length -= 1
        if length <= 4:
            return 0
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    return 2


def typo_edits(text: str, name: str, alone: bool) -> int | None:
    """Edits (optimal string alignment) from name to text if within budget, else None."""
    budget = typo_budget(len(name), alone)
    if budget == 0 or text[:1] != name[:1] or abs(len(text) - len(name)) > budget:
        return None
    if text + "a" == name or name + "a" == text:
        return None  # Zakharov / Zakharova: a different person, not a typo
    if len(name) == 4:
        # four letters: only a dropped letter (Jon for Jong), never a substitution (Song/Jong)
        dropped = len(text) == 3 and any(name[:i] + name[i + 1 :] == text for i in range(1, 4))
        return 1 if dropped else None
    edits = OSA.distance(text, name, score_cutoff=budget)
    return edits if edits <= budget else None


def deletions(word: str, depth: int) -> set[str]:
    """All strings made by deleting up to ``depth`` letters (never the first)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(1, len(w))}
        found |= frontier
    return found
