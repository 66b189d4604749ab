"""Treaty and body titles written in Russian, read word by word as their English title
(monitor.matching.russian_titles), on invented titles."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist
from monitor.matching.russian_titles import russian_title_words

ENTRIES = (
    Entry("tmc", "Treaty on Military Cooperation and Mutual Assistance", kind="treaty"),
    Entry("csc", "Collective Security Council of the Arctic Union", kind="body"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> dict[str, tuple[str, str]]:
    return {m.entry: (m.text, m.kind) for m in MATCHER.match({"title": "", "body": text})}


@pytest.mark.parametrize(
    ("text", "entry", "mention"),
    [
        (
            "Стороны подписали Договор о военном сотрудничестве и взаимной помощи.",
            "tmc",
            "Договор о военном сотрудничестве и взаимной помощи",
        ),
        (  # case forms: the genitive of every word
            "в рамках Договора о военном сотрудничестве и взаимной помощи",
            "tmc",
            "Договора о военном сотрудничестве и взаимной помощи",
        ),
        (
            "Заседание Совета коллективной безопасности Арктического союза",
            "csc",
            "Совета коллективной безопасности Арктического союза",
        ),
    ],
    ids=["nominative", "genitive", "body"],
)
def test_russian_title(text: str, entry: str, mention: str) -> None:
    assert _found(text).get(entry) == (mention, "script")


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Договор о военном сотрудничестве", "tmc"),  # too few of its words
        ("The dogovor o voennom sotrudnichestve i vzaimnoi pomoshchi", "tmc"),  # Latin letters
        ("Советник по безопасности", "csc"),  # sovetnik: an adviser, not a council
    ],
    ids=["too-few-words", "latin-letters", "adviser"],
)
def test_not_that_title(text: str, entry: str) -> None:
    assert entry not in _found(text)


def test_stems_take_case_endings_only() -> None:
    assert russian_title_words("dogovorom") == ("treaty",)
    assert russian_title_words("soyuznogo") == ("union",)
    assert russian_title_words("sovetnik") == ()  # -nik makes another word
    assert russian_title_words("nebu") == ("sky",) and russian_title_words("nebesnyi") == ()
