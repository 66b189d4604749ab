"""Russian copy: Korean names in the Kontsevich system and the older Soviet spellings, and
Russian place adjectives before an administrative term.

TASS writes Ким Чен Ын, Чвэ Сон Хи, Пхеньян; the matcher reads such Cyrillic words as
Korean syllables (only words written in Cyrillic, capitalised) and declines nothing it
should not. It writes Курской области for Kursk region. Names here are invented, so the
rule, not a list, is what passes.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist
from monitor.matching.translit import kontsevich_keys, korean_key

ENTRIES = (
    Entry("pmc", "Pak Myong Chol", kind="person"),
    Entry("hsw", "Hyon Song Wol", kind="person"),
    Entry("cry", "Choe Ryong Hae", kind="person"),
    Entry("kyj", "Kim Yo Jong", kind="person"),
    Entry("kju", "Kim Jong Un", kind="person"),
    Entry("tyh", "Thae Yong Ho", kind="person"),
    Entry("kch", "Kimchaek", kind="place"),
    Entry("cjn", "Chongjin", kind="place"),
    Entry("sla", "Sergei Lavrov", kind="person"),
    Entry("trs", "Tarsk region", kind="place"),
    Entry("bgo", "Borgorod Oblast", kind="place"),
    Entry("mir", "Mirnosk", kind="place"),
    Entry("ign", "Igor Naumov", kind="person"),
)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    watchlist = Watchlist("w", ENTRIES)
    return Matcher.build(RuleSet(watchlists={"w": watchlist}, rules=(Rule(name="r", any=("w",)),)))


def _found(matcher: Matcher, text: str) -> set[str]:
    return {m.entry for m in matcher.match({"body": text})}


CASES = [
    # the older spellings: е for ŏ, ы for ŭ, чх for ch', н for both finals
    ("Пак Мён Чхоль прибыл в Москву.", "pmc", True),
    ("Встреча с Пак Мён Чхолем прошла вчера.", "pmc", True),  # instrumental
    ("Визит Пак Мён Чхоля завершился.", "pmc", True),  # genitive after a soft sign
    ("Хён Сон Воль возглавила делегацию.", "hsw", True),
    ("Чхве Рён Хэ и Чой Рён Хэ", "cry", True),  # ch'oe and the Soviet-Korean Choi
    ("Ким Ё Чжон выступила с заявлением.", "kyj", True),
    ("Заявление Ким Чен Ына было опубликовано.", "kju", True),
    ("Тхэ Ён Хо бежал на Юг.", "tyh", True),
    ("Порт Кимчхэк и город Чхонджин", "kch", True),
    ("Порт Кимчхэк и город Чхонджин", "cjn", True),
    ("Сергей Лавров и Чвэ Сон Хи", "sla", True),  # Russian names as before
    # near misses stay misses: one syllable off, another vowel, another final
    ("Пак Мён Чхан прибыл.", "pmc", False),
    ("Хён Сон Ир выступил.", "hsw", False),
    ("Ким Чен Ир", "kju", False),
    ("Ким Ён Ын", "kju", False),  # initial е/ё is yo or ye, never ŏ
    ("Ким Ё Чжин", "kyj", False),
    ("Пак Мин Чхоль", "pmc", False),
    # only what was written in Cyrillic: Latin "Chen" is no Korean Jong
    ("Kim Chen Yn met Pak Myon Chkhol.", "kju", False),
    ("Kim Chen Yn met Pak Myon Chkhol.", "pmc", False),
    # the name's words in order, each one: a surname alone is not the person
    ("Пак и Мён встретились", "pmc", False),
    # a place adjective before an administrative term, in any case
    ("Обстрел Тарской области продолжается.", "trs", True),
    ("Тарская область", "trs", True),
    ("в Тарскую область", "trs", True),
    ("над Боргородской областью", "bgo", True),
    ("Тарской губернии", "trs", False),  # another term
    ("Тарский район", "trs", False),  # a district is no region
    # a one-word name run on is another word (a surname, an adjective), as one cut short is
    ("Мирноский сказал", "mir", False),
    ("Mirnosky said", "mir", False),
    ("Mirnoskaya said", "mir", False),
    ("в Мирноске", "mir", True),
    ("Mirnosk said", "mir", True),
    ("Mirnsok said", "mir", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), CASES)
def test_kontsevich(matcher: Matcher, text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(matcher, text)) is expected, text


def test_a_match_says_it_is_a_script_variant_with_the_offsets_of_the_cyrillic(matcher: Matcher) -> None:
    text = "Встреча с Ким Чен Ыном в Кремле."
    (m,) = [m for m in matcher.match({"body": text}) if m.entry == "kju"]
    assert text[m.start : m.end] == "Ким Чен Ыном" == m.text
    assert m.kind == "script"
    assert 90 <= m.score < 100


def test_a_soft_sign_ending_a_word_is_part_of_the_matched_text(matcher: Matcher) -> None:
    (m,) = [m for m in matcher.match({"body": "Наумов, Игорь Наумов"}) if m.entry == "ign"]
    assert m.text == "Игорь Наумов"
    (m,) = [m for m in matcher.match({"body": "Встреча в Тарскую область."}) if m.entry == "trs"]
    assert m.text == "Тарскую область"


def test_explain_agrees_with_match(matcher: Matcher) -> None:
    text = "Пак Мён Чхолем и Хён Сон Воль, Кимчхэк."
    assert {m.entry for m in matcher.explain({"body": text}).matches} == _found(matcher, text) == {
        "pmc",
        "hsw",
        "kch",
    }


@pytest.mark.parametrize(
    ("folded", "korean", "expected"),
    [
        ("chen", "jong", True),
        ("yn", "un", True),
        ("yna", "un", True),  # genitive
        ("chkhve", "choe", True),
        ("chve", "choe", True),
        ("khi", "hui", True),
        ("gvan", "kwang", True),
        ("pkhenyan", "pyongyang", True),
        ("en", "un", False),
        ("chen", "jin", False),
        ("lavrov", "ra", False),
    ],
)
def test_kontsevich_keys(folded: str, korean: str, expected: bool) -> None:
    assert (korean_key(korean) in kontsevich_keys(folded)) is expected


def test_a_word_no_korean_syllables_spell_has_no_keys() -> None:
    assert kontsevich_keys("fyodor") == frozenset()  # ф: no Korean sound
    assert kontsevich_keys("vzglyad") == frozenset()  # в before a consonant
    assert kontsevich_keys("x" * 40) == frozenset()
