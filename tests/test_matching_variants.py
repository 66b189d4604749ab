"""Table-driven spelling variants the engine must match, and near-misses it must not."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("kju", "Kim Jong Un", kind="person"),
    Entry("kyj", "Kim Yo Jong", kind="person"),
    Entry("kjn", "Kim Jong Nam", kind="person"),
    Entry("csh", "Choe Son Hui", kind="person"),
    Entry("rih", "Ri Il Hwan", kind="person"),
    Entry("pts", "Pak Thae Song", kind="person"),
    Entry("jyw", "Jo Yong Won", kind="person"),
    Entry("lav", "Sergei Lavrov", ("Lavrov",), kind="person"),
    Entry("sho", "Sergei Shoigu", ("Shoigu",), kind="person"),
    Entry("bel", "Andrei Belousov", ("Belousov",), kind="person"),
    Entry("put", "Vladimir Putin", ("Putin",), kind="person"),
    Entry("pes", "Dmitry Peskov", kind="person"),
    Entry("koz", "Alexander Kozlov", kind="person"),
    Entry("zak", "Maria Zakharova", ("Zakharova",), kind="person"),
    Entry("ras", "Rason", kind="place"),
    Entry("kha", "Khasan", kind="place"),
    Entry(
        "csp",
        "Treaty on Comprehensive Strategic Partnership between the Democratic People's "
        "Republic of Korea and the Russian Federation",
        ("Comprehensive Strategic Partnership Treaty",),
        kind="treaty",
    ),
    Entry("npt", "Treaty on the Non-Proliferation of Nuclear Weapons", ("NPT",), kind="treaty"),
    Entry("wpk", "Workers' Party of Korea", ("WPK",), kind="organisation"),
)
MATCHER = Matcher.build(
    RuleSet(
        watchlists={"w": Watchlist("w", ENTRIES)},
        rules=(Rule("all", any=("w",)),),
    )
)


def _entries(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


POSITIVE = [
    # case and script noise
    ("all-caps", "KIM JONG UN inspected a farm.", "kju"),
    ("curly-apostrophe", "Kim Jong Un’s speech was broadcast.", "kju"),
    ("en-dash", "Leader Kim Jong–un arrived.", "kju"),
    ("nbsp", "Minister Choe\u00a0Son\u00a0Hui said.", "csh"),
    ("soft-hyphen", "Mr Lav\u00adrov said.", "lav"),
    ("zero-width", "Dmitry Pes\u200bkov said.", "pes"),
    ("full-width", "Ｋｉｍ Ｊｏｎｇ Ｕｎ attended.", "kju"),
    ("diaeresis", "Sergeï Lavrov flew in.", "lav"),
    ("mr-breves", "Kim Yŏ-jŏng issued a statement.", "kyj"),
    ("line-break", "the leader Kim Jong\nUn said", "kju"),
    ("cyrillic", "Сергей Шойгу прибыл в Пхеньян.", "sho"),
    ("hangul", "김여정 부부장 담화", "kyj"),
    ("hangul-leader", "김정은 위원장", "kju"),
    # hyphenation and spacing of Korean names
    ("hyphen-lower", "Kim Jong-un met envoys.", "kju"),
    ("hyphen-upper", "Kim Jong-Un met envoys.", "kju"),
    ("hyphen-choe", "Choe Son-hui spoke.", "csh"),
    ("hyphen-ri", "Ri Il-hwan attended.", "rih"),
    ("joined", "Kim Jongun met envoys.", "kju"),
    # Korean transliteration
    ("lee-for-ri", "Lee Il Hwan attended.", "rih"),
    ("rhee-for-ri", "Rhee Il-hwan attended.", "rih"),
    ("park-tae-sung", "Park Tae-sung visited.", "pts"),
    ("choi", "Choi Son-hui's visit.", "csh"),
    ("choe-seon-hee", "Choe Seon-hee spoke.", "csh"),
    ("cho", "Cho Yong-won attended.", "jyw"),
    ("jung", "Kim Jung-un appeared.", "kju"),
    ("gim", "Gim Jeong-eun appeared.", "kju"),
    # Russian transliteration
    ("sergey", "Sergey Lavrov said.", "lav"),
    ("sergej-lawrow", "Sergej Lawrow sagte.", "lav"),
    ("shoygu", "Defence chief Shoygu visited.", "sho"),
    ("schoigu", "Minister Schoigu visited.", "sho"),
    ("andrey", "Andrey Belousov spoke.", "bel"),
    ("dmitri", "Dmitri Peskov said.", "pes"),
    ("dmitriy", "Dmitriy Peskov said.", "pes"),
    ("aleksandr", "Aleksandr Kozlov arrived.", "koz"),
    ("wladimir", "Wladimir Putin sagte.", "put"),
    ("hasan", "trains via Hasan station", "kha"),
    ("zaharova", "Maria Zaharova said.", "zak"),
    # typos scaled to the word's length
    ("transposed", "Foreign Minister Lavorv said.", "lav"),
    ("u-to-y", "Sergei Shoigy arrived.", "sho"),
    ("v-to-b", "Defence Minister Belousob said.", "bel"),
    ("two-names", "Vladmir Puitn spoke.", "put"),
    # possessives, middle names, initials
    ("possessive", "Putin's plane landed.", "put"),
    ("patronymic", "Vladimir Vladimirovich Putin said.", "put"),
    ("initial", "V. Putin said.", "put"),
    ("initials", "A.R. Belousov said.", "bel"),
    ("patronymic-no-alias", "Alexander Alexandrovich Kozlov said.", "koz"),
    # reworded long titles and acronyms
    ("title-reordered", "the comprehensive strategic partnership treaty was ratified", "csp"),
    ("title-reworded", "the DPRK-Russia treaty on comprehensive strategic partnership", "csp"),
    ("title-npt", "the Nuclear Non-Proliferation Treaty review", "npt"),
    ("title-npt-joined", "the Nuclear Nonproliferation Treaty review", "npt"),
    ("acronym", "parties to the NPT met", "npt"),
    ("acronym-possessive", "the WPK's plenum", "wpk"),
    ("curly-title", "the Workers’ Party of Korea congress", "wpk"),
    ("place-possessive", "Rason's port", "ras"),
]


@pytest.mark.parametrize(("text", "entry"), [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_variant_matches(text: str, entry: str) -> None:
    assert entry in _entries(text)


NEGATIVE = [
    ("inside-word", "a reasonable offer", "ras"),
    ("longer-surname", "Yelena Putilina said", "put"),
    ("father", "Kim Jong Il died in 2011.", "kju"),
    ("grandfather", "Kim Il Sung founded the state.", "kju"),
    ("brother", "Kim Jong Nam was killed.", "kju"),
    ("sister", "Kim Yo Jong issued a statement.", "kju"),
    ("leader-not-sister", "Kim Jong Un issued a statement.", "kyj"),
    ("leader-not-brother", "Kim Jong Un issued a statement.", "kjn"),
    ("song-not-jong", "Kim Song Nam visited.", "kjn"),
    ("other-sergei", "Sergei Ryabkov said.", "lav"),
    ("other-andrei", "Andrei Rudenko said.", "bel"),
    ("bare-surname", "Kim said on Monday.", "kju"),
    ("other-first-name", "led by Svetlana Zakharova", "zak"),
    ("lowercase-acronym", "the npt clause", "npt"),
    ("acronym-inside-word", "NPTX units", "npt"),
    ("partial-title", "their comprehensive strategic partnership deepened", "csp"),
    ("feminine-surname", "Lyudmila Putina said", "put"),
    ("common-word", "for a good reason", "ras"),
]


@pytest.mark.parametrize(("text", "entry"), [c[1:] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_near_miss_does_not_match(text: str, entry: str) -> None:
    assert entry not in _entries(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sergei Lavrov", "exact"),
        ("Lavrov", "alias"),
        ("SERGEI LAVROV", "case"),
        ("Sergey Lavrov", "translit"),
        ("Sergei Lavorv", "typo"),
        ("S. Lavrov", "partial"),
        ("Lavrov Sergei", "reordered"),
        ("Сергей Лавров", "script"),
    ],
    ids=["exact", "alias", "case", "translit", "typo", "partial", "reordered", "script"],
)
def test_kind(text: str, kind: str) -> None:
    got = [m for m in MATCHER.match({"title": text}) if m.entry == "lav"]
    assert [m.kind for m in got] == [kind]
