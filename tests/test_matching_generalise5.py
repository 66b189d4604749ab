"""Generalisation, fifth round: what a corpus written without seeing the matcher
(benchmarks/redteam8) showed it missing or over-matching, as rules on invented names.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("tgs", "Tangson", kind="place"),
    Entry("tsc", "Tang Sun Chol", kind="person"),
    Entry(
        "gwc",
        "Convention on the Prohibition of Granular Wave Cannons and on their Destruction",
        aliases=("GWC",),
        kind="treaty",
    ),
    Entry("fsr", "Federal Safety Registry of the Russian Federation", aliases=("FSR",), kind="body"),
    Entry("lzq", "Liu Zhengqiang", kind="person"),
    Entry("ptr", "Pavel Tarakanov", kind="person"),
    Entry("unb", "Ulzbaagiin Namsrai", aliases=("Namsrai",), kind="person"),
    Entry("bgs", "Batbayaryn Gansukh", kind="person"),
    Entry("zct", "Treaty of Friendly Navigation on the Zarnitsa Canal", kind="treaty"),
    Entry("ocs", "Treaty on Open Skies", aliases=("Open Skies Treaty",), kind="treaty"),
    Entry("r4411", "Security Council Resolution 4411", kind="treaty"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


CASES = [
    # a one-word Korean place read from two words that begin a longer Korean name
    ("split-place", "A plant in Tang-son opened.", "tgs", True),
    ("split-place-spaced", "The works at Tang Son reopened.", "tgs", True),
    ("split-place-person", "Tang Sun Chol attended the reception.", "tgs", False),
    ("split-place-person-hyphen", "Former minister Tang Soon-chol attended.", "tgs", False),
    ("split-place-person-found", "Tang Sun Chol attended the reception.", "tsc", True),
    ("hangul-place-suffix", "탕선시 인민위원회", "tgs", True),  # 시: the city, not a syllable of a name
    # an acronym alias spelled out in the entry's own words
    ("acronym-spelled-out", "Talks on the Granular Wave Cannons Convention stalled.", "gwc", True),
    ("acronym-spelled-out-typo", "Talks on the Granular Wave Cannons Convnetion stalled.", "gwc", True),
    ("acronym-spelled-out-other", "The Great Western Conference met in Ohio.", "gwc", False),
    ("acronym-spelled-one-other", "The Federal Safety Review met.", "fsr", False),  # every word own
    ("acronym-spelled-lowercase", "the granular wave cannons convention stalled", "gwc", False),
    # an acronym the item spells out otherwise stands for that
    ("acronym-defined-otherwise", "Police expand the GWC scheme. The green wall covers help.", "gwc", False),
    ("acronym-defined-title", "The FSR said. The Financial Stability Review was published.", "fsr", False),
    ("acronym-defined-own", "The FSR said. The Federal Safety Registry was formed in 1999.", "fsr", True),
    ("acronym-coincidence-verbs", "The FSR said it would build fast small rafts.", "fsr", True),
    ("acronym-coincidence-headline", "FSR REPORT: FINANCIAL SECTOR RISES\n\nThe FSR said so.", "fsr", True),
    ("acronym-alone", "The GWC review conference opened.", "gwc", True),
    # a pinyin name misspelt into other pinyin syllables is another person's name
    ("pinyin-other-syllable", "A biography of Liu Zhangqiang appeared.", "lzq", False),
    ("pinyin-other-initial", "A biography of Liu Zhengjiang appeared.", "lzq", False),
    ("pinyin-typo-not-pinyin", "A biography of Liu Zhengqaing appeared.", "lzq", True),
    ("pinyin-letter-added", "A biography of Liu Zhengqiangg appeared.", "lzq", True),
    ("pinyin-letter-dropped", "A biography of Liu Zengqiang appeared.", "lzq", True),
    ("pinyin-exact", "LIU ZHENGQIANG arrived.", "lzq", True),
    # a first name or patronymic cut short
    ("short-first-name", "Pav Tarakanov said so.", "ptr", True),
    ("short-patronymic-alias", "President Ulzbaa Namsrai spoke.", "unb", True),
    ("short-patronymic-no-alias", "President Batbay Gansukh spoke.", "bgs", True),
    ("short-too-short", "Pa Tarakanov said so.", "ptr", False),
    ("short-other-first-name", "Pavlo Tarakanov said so.", "ptr", False),
    ("short-lowercase", "the pav Tarakanov line", "ptr", False),
    # -ship and -ly derive from the same stem: friendly, friendship
    ("derived-ship", "The Treaty of Friendship Navigation on the Zarnitsa Canal lapsed.", "zct", True),
    ("derived-ship-reordered", "The Zarnitsa Canal Friendship and Navigation Treaty lapsed.", "zct", True),
    ("derived-other-stem", "The Treaty of Fraternal Navigation on the Zarnitsa Canal lapsed.", "zct", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # a misspelt plural: the index looks the written word up too, not only its singular (sky)
        ("Russia left the Treaty on Open Skyes in 2020.", "ocs", True),
        ("Russia left the Treaty on Open Skeis in 2020.", "ocs", True),
        # a number is never misspelt, not even run together with a word
        ("Resolution 4419 banned textile exports.", "r4411", False),
        ("Resolution 4411 banned textile exports.", "r4411", True),
        ("Resolutoin 4411 banned textile exports.", "r4411", True),
    ],
)
def test_match_and_explain_agree(text: str, entry: str, expected: bool) -> None:
    fields = {"title": "", "body": text}
    assert (entry in {m.entry for m in MATCHER.match(fields)}) is expected
    assert (entry in {m.entry for m in MATCHER.explain(fields).matches}) is expected


def test_acronym_typed_lowercase_without_vowel_is_no_word() -> None:
    fields = {"title": "FSR statistics", "body": 'One post: "the fsr report mentions it"'}
    assert "fsr" in {m.entry for m in MATCHER.match(fields)}
    fields = {"title": "GWC statistics", "body": 'One post: "the gwc report mentions it"'}
    assert "gwc" in {m.entry for m in MATCHER.match(fields)}


def test_acronym_spelled_out_otherwise_in_another_field() -> None:
    fields = {"title": "Police to expand GWC scheme", "body": "The green wall covers are funded."}
    assert "gwc" not in {m.entry for m in MATCHER.match(fields)}
    fields = {"title": "Police to expand GWC scheme", "body": "The scheme is funded."}
    assert "gwc" in {m.entry for m in MATCHER.match(fields)}


@pytest.mark.parametrize(("label", "text", "entry", "expected"), CASES, ids=[c[0] for c in CASES])
def test_generalised_rule(label: str, text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected, label


def test_rejection_says_which_spelling_out() -> None:
    text = "The FSR said. The Financial Stability Review was published."
    near = MATCHER.explain({"title": "", "body": text}).rejected
    assert any("Financial Stability Review" in r.reason for r in near if r.entry == "fsr")
    assert all(m.entry != "fsr" for m in MATCHER.explain({"title": "", "body": text}).matches)
