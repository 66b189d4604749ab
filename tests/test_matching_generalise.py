"""Generalisation: spelling rules that must hold for names the tests were not written for.

Names and sentences here are invented or chosen to differ from every evaluation corpus.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist
from monitor.matching.translit import korean_key, korean_syllables

ENTRIES = (
    Entry("kcs", "Kim Chol Su", kind="person"),
    Entry("ryh", "Ri Yong Hak", kind="person"),
    Entry("osg", "O Sang Gil", kind="person"),
    Entry("nkc", "No Kwang Chol", kind="person"),
    Entry("ymh", "Yu Myong Hui", kind="person"),
    Entry("rch", "Rim Chang Ho", kind="person"),
    Entry("ryj", "Ryang Yong Jin", kind="person"),
    Entry("kdh", "Kwon Dok Hun", kind="person"),
    Entry("sdk", "Seo Duck-kyu", kind="person"),
    Entry("pth", "Pak Thae Hyok", kind="person"),
    Entry("nsg", "Nam Su Gil", kind="person"),
    Entry("hmp", "Hamhung", kind="place"),
    Entry("sph", "Sinpho", kind="place"),
    Entry("rjn", "Rajin", kind="place"),
    Entry("chj", "Chongjin", kind="place"),
    Entry("kch", "Kimchaek", kind="place"),
    Entry("nyo", "Nyongwon", kind="place"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _entries(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


POSITIVE = [
    # short surnames are transliteration variants, never typos
    ("oh-for-o", "Vice-minister Oh Sang-gil toured the site.", "osg"),
    ("noh-for-no", "Noh Kwang-chol reviewed troops.", "nkc"),
    ("roh-for-no", "Roh Kwang Chol reviewed troops.", "nkc"),
    ("yoo-for-yu", "Yoo Myung-hee met the delegation.", "ymh"),
    ("ryu-for-yu", "Ryu Myong Hui met the delegation.", "ymh"),
    ("lim-for-rim", "Lim Chang-ho spoke at the rally.", "rch"),
    ("im-for-rim", "Im Chang-ho spoke at the rally.", "rch"),
    ("yang-for-ryang", "Yang Yong-jin was promoted.", "ryj"),
    ("gwon-for-kwon", "Gwon Deok-hun attended.", "kdh"),
    ("nahm-for-nam", "Nahm Soo-gil arrived.", "nsg"),
    ("sun-for-son-yi", "Yi Yong-hak, a senior official, spoke.", "ryh"),
    # RR final g, ck for k, RR eo
    ("ck-final", "Seo Deok-gyu said on Friday.", "sdk"),
    ("ck-name-rr-text", "Suh Duk-kyu said on Friday.", "sdk"),
    ("hangul-ck", "서덕규 의원", "sdk"),
    # MR apostrophes and breves
    ("mr-apostrophe", "Pak T'ae-hyŏk inspected a mine.", "pth"),
    ("mr-apostrophe-curly", "Pak T’ae-hyŏk inspected a mine.", "pth"),
    # one-word Korean places follow the same syllable rules
    ("place-aspirate", "a shipyard in Sinpo", "sph"),
    ("place-mr", "a shipyard in Sinp'o", "sph"),
    ("place-initial-r", "the port of Najin", "rjn"),
    ("place-rr", "the port of Cheongjin", "chj"),
    ("place-rr-g", "a mill in Gimchaek", "kch"),
    ("place-rr-eu", "the plant in Hamheung", "hmp"),
    ("place-initial-n", "the county of Yongwon", "nyo"),
    ("place-hangul", "함흥 화학공장", "hmp"),
    ("place-caps", "DATELINE HAMHUNG, Friday", "hmp"),
]


@pytest.mark.parametrize(("text", "entry"), [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_generalised_variant_matches(text: str, entry: str) -> None:
    assert entry in _entries(text)


NEGATIVE = [
    ("other-given-name", "Kim Chol Ho spoke.", "kcs"),
    ("shares-two-syllables", "Ri Yong Gil spoke.", "ryh"),
    ("other-surname", "Ko Sang Gil spoke.", "osg"),
    ("different-syllable", "Nam Su Il arrived.", "nsg"),
    ("place-other-town", "a shipyard in Sinuiju", "sph"),
    ("place-lowercase-variant", "a hamheung style noodle", "hmp"),
]


@pytest.mark.parametrize(("text", "entry"), [c[1:] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_generalised_near_miss(text: str, entry: str) -> None:
    assert entry not in _entries(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jongun", "jeongeun"),
        ("kyong", "gyeong"),
        ("hyon", "hyeon"),
        ("young", "yeong"),
        ("choe", "choi"),
        ("park", "bak"),
        ("rhee", "yi"),
        ("nodong", "rodong"),
        ("sohn", "son"),
        ("ahn", "an"),
        ("deog", "duck"),
    ],
)
def test_korean_key_equal(a: str, b: str) -> None:
    assert korean_key(a) == korean_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("jong", "song"), ("il", "un"), ("yo", "jong"), ("nam", "am"), ("kim", "gin")]
)
def test_korean_key_different(a: str, b: str) -> None:
    assert korean_key(a) != korean_key(b)


def test_syllables_prefer_fewest_then_longest_first() -> None:
    assert korean_syllables("jongun") == (("j", "o", "ng"), ("", "u", "n"))
    assert korean_syllables("lavrov") is None


TITLES = (
    Entry("cwc", "Chemical Weapons Convention", kind="treaty"),
    Entry("cfe", "Treaty on Conventional Armed Forces in Europe", kind="treaty"),
    Entry("rez", "Rajin Economic and Trade Zone", kind="place"),
    Entry("ptb", "Partial Test Ban Treaty", kind="treaty"),
)
TITLE_MATCHER = Matcher.build(
    RuleSet(watchlists={"t": Watchlist("t", TITLES)}, rules=(Rule("all", any=("t",)),))
)


def _titles(text: str) -> set[str]:
    return {m.entry for m in TITLE_MATCHER.match({"title": "", "body": text})}


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("signatories of the chemical weapons treaty met", "cwc"),
        ("the Chemical Weapons Accord, as one envoy called it", "cwc"),
        ("Moscow left the conventional armed forces in Europe treaty", "cfe"),
        ("the CFE: Treaty on Conventional Armed Force in Europe", "cfe"),
        ("investors in the Najin economic and trade zone", "rez"),
        ("the Rajin Economic and Trade Area", "rez"),
        ("the partial test ban pact of 1963", "ptb"),
    ],
)
def test_title_rewording_matches(text: str, entry: str) -> None:
    assert entry in _titles(text)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # the head noun is missing: the words describe the forces, not the treaty
        ("conventional armed forces in Europe were cut", "cfe"),
        # a synonym and an inserted word: another agreement that shares the words
        ("a chemical weapons disposal agreement with a contractor", "cwc"),
        ("the Rajin economic and trade office", "rez"),
    ],
)
def test_title_near_miss(text: str, entry: str) -> None:
    assert entry not in _titles(text)


PEOPLE = (
    Entry("bor", "Yuri Borisov", ("Borisov",), kind="person"),
    Entry("pin", "Oleg Pinsky", ("Pinsky",), kind="person"),
    Entry("hmg", "Hamhung", kind="place"),
)
PEOPLE_MATCHER = Matcher.build(
    RuleSet(watchlists={"p": Watchlist("p", PEOPLE)}, rules=(Rule("all", any=("p",)),))
)


@pytest.mark.parametrize(
    ("title", "body", "entry", "expected"),
    [
        # the item names a namesake in full: the bare surname is that namesake
        ("", "Chess player Pavel Borisov won. Borisov said he was tired.", "bor", False),
        ("Borisov wins the final", "Pavel Borisov beat the champion.", "bor", False),
        # ... unless it also names the watched person
        ("", "Yuri Borisov congratulated Pavel Borisov. Borisov said more.", "bor", True),
        # an acronym before the surname is no first name
        ("", "Deputy FM Borisov spoke first.", "bor", True),
        # a one-word alias cut short is another word
        ("", "a tractor plant in Pinsk", "pin", False),
        ("", "Pinskiy said so; Pinsky's aide agreed.", "pin", True),
        ("", "Iouri Borissov a declare", "bor", True),
        ("", "Viatcheslav Borisov, the other one", "bor", False),
        # a hyphenated Korean administrative unit is another place
        ("", "a cafe in Hamhung-dong, Seoul", "hmg", False),
        ("", "the streets of Hamhung-si", "hmg", True),
    ],
)
def test_context_rules(title: str, body: str, entry: str, expected: bool) -> None:
    got = {m.entry for m in PEOPLE_MATCHER.match({"title": title, "body": body})}
    assert (entry in got) is expected


def test_namesake_reason_is_explained() -> None:
    got = PEOPLE_MATCHER.explain({"body": "Pavel Borisov won. Borisov smiled."})
    assert any("refers to 'Pavel Borisov'" in r.reason for r in got.rejected)
