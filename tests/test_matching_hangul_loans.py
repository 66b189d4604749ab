"""Foreign people's names written in Hangul, as Korean-language copy spells them by sound
(monitor.matching.hangul), on invented names."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.hangul import loan_key, syllables_key
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("ptk", "Pavel Tarakanov", aliases=("Tarakanov",), kind="person"),
    Entry("vbl", "Vladislav Belousenko", kind="person"),
    Entry("dsh", "Dmitry Shchegolev", kind="person"),
    Entry("ksh", "Kim Song Hwan", kind="person"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> dict[str, str]:
    return {m.entry: m.text for m in MATCHER.match({"title": "", "body": text})}


@pytest.mark.parametrize(
    ("text", "entry", "mention"),
    [
        ("파벨 타라카노프 장관이 평양에 도착했다", "ptk", "파벨 타라카노프"),
        ("타라카노프 장관은 회담했다", "ptk", "타라카노프"),  # the listed surname alone
        ("블라디슬라프 벨로우센코 대사", "vbl", "블라디슬라프 벨로우센코"),
        ("드미트리 셰골레프 장관", "dsh", "드미트리 셰골레프"),
        ("Talks with 파벨 타라카노프 went on.", "ptk", "파벨 타라카노프"),
    ],
)
def test_foreign_name_in_hangul(text: str, entry: str, mention: str) -> None:
    assert _found(text).get(entry) == mention


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("타라카노바 대변인", "ptk"),  # Tarakanova: another person
        ("파벨 타라소프 장관", "ptk"),  # another surname
        ("벨로우센코 대사", "vbl"),  # an unlisted surname alone
        ("블라디슬라프벨로우센코", "vbl"),  # one word: no name boundary
        ("블라디슬라프 장관 벨로우센코", "vbl"),  # not adjacent
    ],
)
def test_not_that_name(text: str, entry: str) -> None:
    assert entry not in _found(text)


def test_korean_names_stay_korean() -> None:
    # a Korean name in Hangul is read as Korean syllables, not by sound as a loan
    assert _found("김송환 동지").get("ksh") == "김송환"


def test_keys_are_rules_not_lists() -> None:
    # one liquid, one labial stop, the epenthetic vowel dropped, -y/-ii/-iy alike
    assert loan_key("lavrenko") == loan_key("rabrenko") == syllables_key(["la", "beu", "len", "ko"])
    assert loan_key("dmitry") == loan_key("dmitrii") == loan_key("dmitriy")
    assert syllables_key(["beul", "la", "di", "mi", "leu"]) == loan_key("vladimir")
