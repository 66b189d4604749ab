"""Japanese names written in kanji, as Japanese copy writes them: 竹村浩之 is Takemura
Hiroyuki, 境港 Sakaiminato.

A kanji name has no one reading: 岸信夫 is Kishi Nobuo, though its given name is more often
read Shinobu. So a run of kanji is read by a Japanese morphological analyser (MeCab, with
the UniDic dictionary, through fugashi) in its several likeliest segmentations, and a name
matches where the romanised readings of consecutive segments spell the watched name's words
joined (the surname first, as Japanese writes it). Long vowels are folded on both sides
(Kouno, Kohno and Kono are one key), as romanised copy drops them.

The analyser is loaded on the first field that holds a run of kanji, for a watch-list with
names that read as Japanese: most items cost nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import jaconv

from monitor.matching.names import NameSpec

# two kanji or more (and the iteration mark 々: 佐々木): a name is never one
KANJI_RUN = re.compile("[\u4e00-\u9fff\u3005]{2,}")
_READINGS = 8  # segmentations read per run: the name readings MeCab ranks lower are in them
_MAX_PARTS = 4  # segments one name spans at most (surname, given name, each maybe split)
_MIN_KEY = 5  # shorter keys (Ono, Abe) could be spelt by too many readings
# Hepburn syllables, loosely: a word of them may be a Japanese name (no l, q, v, x; no
# consonant cluster but the digraphs)
_ROMAJI = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|ch|sh|ts|j|f|w|y)?[aiueo]|n(?![aiueoy]))+")
_LONG = re.compile(r"(?<=[aiueo])h(?![aiueoy])|(?<=o)[ou]|(?<=u)u")  # Oh-no, Kou-no, Yuu-ki
_NASAL = re.compile(r"m(?=[bpm])")  # Shimbun = Shinbun
_DOUBLED = re.compile(r"([kgsztdbpmcf])\1")  # a doubled consonant (Hattori, Hokkaido)


def romaji_key(romaji: str) -> str:
    """A romanised Japanese word reduced to what all its spellings share: lowercase letters
    only, long vowels short (Kouno, Kohno, Kōno: kono), m before a labial as n."""
    key = re.sub(r"[^a-z]", "", romaji.lower())
    return _NASAL.sub("n", _LONG.sub("", key))


def reads_japanese(word: str) -> bool:
    """The folded word could be Hepburn romaji (takemura, hiroyuki, hattori; not lavrov)."""
    return _ROMAJI.fullmatch(_DOUBLED.sub(r"\1", romaji_key(word))) is not None


class KanjiTable:
    """Name key -> name ids, for names that read as Japanese; built on the first field that
    holds kanji. A person's two words are keyed surname first and the other way round (the
    analyst may type Hiroyuki Takemura or Takemura Hiroyuki); another name by its words."""

    def __init__(self, specs: Iterable[NameSpec]) -> None:
        self._specs = specs
        self._table: dict[str, list[int]] | None = None

    def table(self) -> dict[str, list[int]]:
        if self._table is None:
            table: dict[str, list[int]] = {}
            for spec in self._specs:
                if spec.case_sensitive or spec.mode == "title" or not all(map(reads_japanese, spec.words)):
                    continue
                orders = [spec.words]
                if spec.person and len(spec.words) == 2:
                    orders.append(spec.words[::-1])
                elif spec.person:
                    continue  # (a person's one word, a surname alias, is too short a key)
                for words in orders:
                    key = romaji_key("".join(words))
                    if len(key) >= _MIN_KEY and spec.id not in table.get(key, ()):
                        table.setdefault(key, []).append(spec.id)
            self._table = table
        return self._table


_TAGGER: Any = None
_LOCK = threading.Lock()  # (one MeCab tagger, which keeps state between calls; a Matcher is shared)


def _nbest(run: str) -> list[list[tuple[str, str]]]:
    """MeCab's likeliest segmentations of the run, each segment's surface and reading in
    katakana ("" where UniDic has none), the analyser loaded on first use. (Read out under the
    lock: a node points into the tagger's lattice, which the next call overwrites.)"""
    global _TAGGER
    with _LOCK:
        if _TAGGER is None:
            import fugashi  # (here: most processes never read a kanji name)

            _TAGGER = fugashi.Tagger()
        return [
            [(str(node.surface), str(getattr(node.feature, "kana", None) or "")) for node in path]
            for path in _TAGGER.nbestToNodeList(run, _READINGS)
        ]


@lru_cache(maxsize=4096)
def readings(run: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """The run's likeliest segmentations, each a tuple of (start, end, romaji key) per segment,
    start and end offsets into the run."""
    out: list[tuple[tuple[int, int, str], ...]] = []
    for path in _nbest(run):
        at = 0
        parts: list[tuple[int, int, str]] = []
        for surface, kana in path:
            start = run.find(surface, at)
            if start < 0:
                break
            romaji = jaconv.kana2alphabet(jaconv.kata2hira(kana)) if kana and kana != "*" else ""
            parts.append((start, start + len(surface), romaji_key(romaji)))
            at = start + len(surface)
        out.append(tuple(parts))
    return tuple(out)


def kanji_names(original: str, table: dict[str, list[int]]) -> list[tuple[int, int, int]]:
    """(name id, start, end) of each watched name the field's kanji spell, offsets into the
    field; a name once per span."""
    found: dict[tuple[int, int, int], None] = {}
    for run in KANJI_RUN.finditer(original):
        base = run.start()
        for parts in readings(run.group()):
            for i in range(len(parts)):
                key = ""
                for j in range(i, min(len(parts), i + _MAX_PARTS)):
                    if not parts[j][2]:
                        break  # (a segment MeCab cannot read: no name runs through it)
                    key += parts[j][2]
                    for nid in table.get(key, ()):
                        found[nid, base + parts[i][0], base + parts[j][1]] = None
    return list(found)
