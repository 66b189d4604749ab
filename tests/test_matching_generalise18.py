"""Generalisation, eighteenth round, on invented names.

A Chinese given name's last syllable with a letter added or dropped that still spells a
pinyin syllable is another syllable, so another person (Meiyang is not Meiyan, Jiabao not
Jiabo); a letter added or dropped where no syllable reads so, or inside an earlier syllable,
stays a typo (Jinpnig, Jingping).
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from monitor.matching.verify import other_pinyin
from tests.support.matchers import entries_found, one_list_matcher

PINYIN_ENTRIES = (
    Entry("tao", "Tao Meiyan", kind="person"),
    Entry("gu", "Gu Jiabo", kind="person"),
    Entry("qiu", "Qiu Jinping", kind="person"),
)
PINYIN_MATCHER = one_list_matcher(PINYIN_ENTRIES)

LAST_SYLLABLE = [
    ("exact", "Vice-governor Tao Meiyan spoke.", "tao", True),
    ("final-g-added", "Vice-governor Tao Meiyang spoke.", "tao", False),
    ("vowel-added", "Researcher Gu Jiabao spoke.", "gu", False),
    ("letter-dropped-into-syllable", "Researcher Gu Jiab spoke.", "gu", True),
    ("letter-added-no-syllable", "Vice-governor Tao Meiyanr spoke.", "tao", True),
    ("swapped", "Vice-governor Tao Meiayn spoke.", "tao", True),
    ("earlier-syllable", "Mayor Qiu Jingping spoke.", "qiu", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in LAST_SYLLABLE], ids=[c[0] for c in LAST_SYLLABLE])
def test_chinese_given_name_last_syllable(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(PINYIN_MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("word", "name_word", "expected"),
    [
        ("meiyang", "meiyan", True),
        ("meiyan", "meiyang", True),
        ("jiabao", "jiabo", True),
        ("jingping", "jinping", False),
        ("meiayn", "meiyan", False),
        ("hongzhang", "hongzhong", True),
    ],
)
def test_other_pinyin(word: str, name_word: str, expected: bool) -> None:
    assert other_pinyin(word, name_word) is expected
