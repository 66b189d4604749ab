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


# What the blind corpus benchmarks/redteam14 showed, as rules on invented names.
DOCUMENTS = (
    Entry(
        "dfm", "Ministry of Fisheries of the DPRK", aliases=("DPRK Fisheries Ministry",), kind="organisation"
    ),
    Entry("ftc", "Far Eastern Trawling Company", kind="organisation"),
    Entry(
        "sfw",
        "Agreement on Seasonal Fishing Work of Citizens of the Russian Federation and the Democratic"
        " People's Republic of Korea",
        kind="treaty",
    ),
    Entry(
        "frr",
        "Resolution on the Situation of Fishing Rights in the Democratic People's Republic of Korea",
        kind="treaty",
    ),
    Entry(
        "pfd",
        "Agreement between the Government of the Russian Federation and the Government of the Democratic"
        " People's Republic of Korea on the Prevention of Fishing Disputes",
        kind="treaty",
    ),
    Entry("trp", "Tarpovo", kind="place"),
    Entry("mrg", "Mironeg", kind="place"),
)
DOCUMENT_MATCHER = one_list_matcher(DOCUMENTS)

LESSONS_FOUND = [
    ("ministry-alias", "The DPRK Fisheries Ministry said on Monday", "dfm"),
    ("ministry-typo", "The DPRK Fisheries Minstry said on Monday", "dfm"),
    ("east-for-eastern", "cargo carried on Far East Trawling Company vessels", "ftc"),
    ("parties-own", "They signed the Agreement on Seasonal Fishing Work of Citizens of the Russian Federation"
     " and the DPRK in Moscow.", "sfw"),
    ("in-own-country", "The panel adopted a resolution on the situation of fishing rights in North Korea.",
     "frr"),
    ("place-not-ship", "The trawler fleet returned to Tarpovo on Friday.", "trp"),
    # a bilateral title reworded in lowercase, its parties named
    ("parties-named-reworded", "The Russia-North Korea agreement on preventing fishing disputes, signed in"
     " 2015, was renewed.", "pfd"),
    ("place-before-other-word", "Ice closed Mironeg Port for a week.", "mrg"),
]
LESSONS_NOT_FOUND = [
    # two edits in the last three letters make another word: a minister is no ministry
    ("minister-not-ministry", "North Korea's vice fisheries minister met his Russian counterpart.", "dfm"),
    # the parties after the mention: another country's agreement and resolution
    ("parties-other-country", "Russia and Vietnam signed an Agreement on Seasonal Fishing Work of Citizens"
     " of the Russian Federation and the Socialist Republic of Viet Nam in Hanoi.", "sfw"),
    ("in-other-country", "The committee adopted a resolution on the situation of fishing rights in Myanmar.",
     "frr"),
    # without its parties, a lowercase rewording is a description
    ("parties-unnamed-reworded", "The sides discussed an agreement on preventing fishing disputes.", "pfd"),
    # a vessel named after the place, and the item's later mention of that vessel
    ("ship-named", "The tanker, named Tarpovo, caught fire. The owner of the Tarpovo said nothing.", "trp"),
    # a place word before a surname is a first name, all through the item
    ("first-name", "Mironeg Sokolov won the open. Mironeg, aged 19, sacrificed a rook.", "mrg"),
]


@pytest.mark.parametrize(
    ("text", "entry"), [c[1:] for c in LESSONS_FOUND], ids=[c[0] for c in LESSONS_FOUND]
)
def test_redteam14_lessons_still_match(text: str, entry: str) -> None:
    assert entry in entries_found(DOCUMENT_MATCHER, text)


@pytest.mark.parametrize(
    ("text", "entry"), [c[1:] for c in LESSONS_NOT_FOUND], ids=[c[0] for c in LESSONS_NOT_FOUND]
)
def test_redteam14_lessons_do_not_match(text: str, entry: str) -> None:
    assert entry not in entries_found(DOCUMENT_MATCHER, text)
    # explain says why, and agrees with match
    assert entry not in {m.entry for m in DOCUMENT_MATCHER.explain({"body": text}).matches}


# A country's full name is one title word: it does not stretch a mention past its reach, nor
# read as another party ("DPRK" in the entry, "the Democratic People's Republic of Korea" in
# KCNA's text). A body named by one word besides its head is no longer one whose official
# title goes on with other words.
BODIES = (
    Entry("dfy", "DPRK Foreign Ministry", kind="organisation"),
    Entry("dfs", "Ministry of Fisheries of the DPRK", kind="organisation"),
    Entry("tfb", "Treaty on Fisheries between Russia and the DPRK", kind="treaty"),
)
BODY_MATCHER = one_list_matcher(BODIES)

COUNTRY_NAMES = [
    ("official-title-full-country", "The Ministry of Foreign Affairs of the Democratic People's Republic of"
     " Korea said on Monday", {"dfy"}),
    ("body-full-country", "He headed the Ministry of Fisheries of the Democratic People's Republic of Korea.",
     {"dfs"}),
    ("treaty-full-country", "the Treaty on Fisheries between Russia and the Democratic People's Republic of"
     " Korea", {"tfb"}),
    ("other-korea", "The Ministry of Fisheries of the Republic of Korea said", set()),
    ("another-ministry-of-foreign", "He ran the Ministry of Foreign Economic Relations of the DPRK.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in COUNTRY_NAMES], ids=[c[0] for c in COUNTRY_NAMES]
)
def test_country_names_spelled_out(text: str, expected: set[str]) -> None:
    assert entries_found(BODY_MATCHER, text) == expected
    assert {m.entry for m in BODY_MATCHER.explain({"body": text}).matches} == expected
