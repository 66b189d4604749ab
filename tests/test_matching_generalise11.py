"""Generalisation, eleventh round: bodies whose names run on with another subject, on invented
bodies.

A body is named by its head noun and what it deals with. The Ministry of Foreign Trade, the
Foreign Trade Ministry and the Ministry of Foreign Economic Relations are other ministries than
the Foreign Ministry, though each holds all of its words; words of rank or reach (National,
State) and those that round off a name (Affairs, Relations) name no other body.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("kem", "Kazakh Energy Ministry", kind="organisation"),
    Entry("ams", "Academy of Marine Science", kind="organisation"),
    Entry("ara", "Aerospace Research Agency", kind="organisation"),
    Entry("mfm", "Mongolian Foreign Ministry", aliases=("Ministry of Foreign Affairs of Mongolia",)),
)
MATCHER = one_list_matcher(ENTRIES)

FOUND = [
    ("entry-as-typed", "the Kazakh Energy Ministry said", "kem", "Kazakh Energy Ministry"),
    ("lowercase", "the Kazakh energy ministry said", "kem", "Kazakh energy ministry"),
    ("a-sub-body-after-it", "the Kazakh Energy Ministry Department of Oil", "kem", "Kazakh Energy Ministry"),
    (
        "demonym-as-country",
        "The Ministry of Energy of Kazakhstan said",
        "kem",
        "Ministry of Energy of Kazakhstan",
    ),
    (
        "a-word-of-reach",
        "the Academy of National Marine Science",
        "ams",
        "Academy of National Marine Science",
    ),
    ("a-word-in-two", "the Aero-Space Research Agency said", "ara", "Aero-Space Research Agency"),
    (
        "rounded-off-by-affairs",
        "the Mongolian Ministry of Foreign Affairs",
        "mfm",
        "Mongolian Ministry of Foreign Affairs",
    ),
]


@pytest.mark.parametrize(("text", "entry", "slice_"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_the_body_itself_is_found(text: str, entry: str, slice_: str) -> None:
    got = [m for m in MATCHER.match({"body": text}) if m.entry == entry]
    assert [m.text for m in got] == [slice_]


NOT_FOUND = [
    ("subject-before-head", "the Kazakh Atomic Energy Ministry said", "kem", "Atomic Energy Ministry"),
    ("subject-in-lowercase", "the Kazakh nuclear energy ministry said", "kem", "nuclear energy ministry"),
    ("subject-after-of", "Kazakhstan's Ministry of Energy Construction", "kem", "Energy Construction"),
    ("subject-inside-complement", "the Academy of Marine Fisheries Science", "ams", "Marine Fisheries"),
    ("subject-before-entry-words", "the Aerospace Military Research Agency", "ara", "Military Research"),
    ("foreign-trade-after-of", "the Mongolian Ministry of Foreign Trade said", "mfm", "Foreign Trade"),
    (
        "foreign-trade-before-head",
        "the Mongolian Foreign Trade Ministry said",
        "mfm",
        "Foreign Trade Ministry",
    ),
    (
        "foreign-economic-relations",
        "Mongolia's Ministry of Foreign Economic Relations",
        "mfm",
        "Foreign Economic",
    ),
]


@pytest.mark.parametrize(
    ("text", "entry", "named"), [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND]
)
def test_a_body_with_another_subject_is_another_body(text: str, entry: str, named: str) -> None:
    assert entry not in entries_found(MATCHER, text)
    reasons = [r.reason for r in MATCHER.explain({"body": text}).rejected if r.entry == entry]
    assert any(r.startswith("qualified as another body") and named in r for r in reasons), reasons


def test_other_demonyms_are_their_countries() -> None:
    matcher = one_list_matcher(
        (Entry("kfm", "Kyrgyz Foreign Ministry"), Entry("ufm", "Uzbek Foreign Ministry"))
    )
    assert entries_found(matcher, "The Ministry of Foreign Affairs of Kyrgyzstan said") == {"kfm"}
    assert entries_found(matcher, "The Foreign Ministry of Uzbekistan said") == {"ufm"}
    # and another country's ministry is not theirs
    assert entries_found(matcher, "The Foreign Ministry of Tajikistan said") == set()
