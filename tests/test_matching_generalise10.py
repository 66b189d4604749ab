"""Generalisation, tenth round: one-word Korean places written in Hangul, on invented names.

Hangul folds to one word per syllable (봉화주: bong hwa ju). Places of two syllables were
found by their pair; three-syllable places (Sinuiju, Samjiyon) were not found at all, and a
place whose romanised name has an r or l between vowels (Sariwon, Hoeryong) was parsed
with the consonant closing the first syllable (sar-i-won), so its key never equalled the
Hangul syllables' (sa ri won) keyed one by one.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("phj", "Ponghwaju", kind="place"),
    Entry("trm", "Tarimon", kind="place"),
    Entry("kry", "Karyong", kind="place"),
    Entry("sgn", "Songnam", kind="place"),
)
MATCHER = one_list_matcher(ENTRIES)

FOUND = [
    ("three-syllables", "봉화주에서 새 공장이 준공되였다.", "phj", "봉화주"),
    ("three-syllables-suffix", "봉화주시 인민위원회", "phj", "봉화주"),
    ("three-syllables-r-between-vowels", "다리몬군 협동농장", "trm", "다리몬"),
    ("two-syllables-r-between-vowels", "가령시에서", "kry", "가령"),
    ("two-syllables", "성남에서 열린 회의", "sgn", "성남"),
]


@pytest.mark.parametrize(("text", "entry", "slice_"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_hangul_place_is_found_by_match_and_explain(text: str, entry: str, slice_: str) -> None:
    got = [m for m in MATCHER.match({"body": text}) if m.entry == entry]
    assert [(m.text, m.kind) for m in got] == [(slice_, "script")]
    assert text[got[0].start : got[0].end] == slice_
    explained = [m for m in MATCHER.explain({"body": text}).matches if m.entry == entry]
    assert [(m.start, m.end) for m in explained] == [(got[0].start, got[0].end)]


NOT_FOUND = [
    ("one-syllable-differs", "봉하주에서 열린 회의", "phj"),
    ("two-of-three-syllables", "봉화에서 열린 회의", "phj"),
    ("syllables-in-another-order", "화봉주에서", "phj"),
    ("another-r-syllable", "다로몬군", "trm"),
]


@pytest.mark.parametrize(("text", "entry"), [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_other_hangul_words_are_not_the_place(text: str, entry: str) -> None:
    assert entry not in entries_found(MATCHER, text)
    assert entry not in {m.entry for m in MATCHER.explain({"body": text}).matches}


def test_romanised_places_still_match_as_before() -> None:
    assert entries_found(MATCHER, "Factories in Ponghwaju, Tarimon and Karyong") == {"phj", "trm", "kry"}
