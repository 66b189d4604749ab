"""A treaty or body named after other countries is another one: the parties or country named
right after the mention ("of Kazakhstan", "between the Allies and Germany"), or listed before
it ("the USSR and the DPRK signed a Treaty of ..."). Entries here are invented."""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("msc", "Security Council of Mongolia", aliases=("Mongolian Security Council",), kind="body"),
    Entry("laa", "Vietnamese Armistice Accord", aliases=("Armistice Accord",), kind="treaty"),
    Entry(
        "fma",
        "Treaty of Friendship and Mutual Aid between the DPRK and Mongolia",
        aliases=("DPRK-Mongolia friendship treaty",),
        kind="treaty",
    ),
    Entry("cnp", "Treaty on Comprehensive Naval Partnership between Laos and Mongolia", kind="treaty"),
    Entry(
        "bcp",
        "Treaty on Comprehensive Border Partnership between the Russian Federation"
        " and the Islamic Republic of Iran",
        aliases=("Russia-Iran treaty",),
        kind="treaty",
    ),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str) -> set[str]:
    return {m.entry for m in MATCHER.match({"title": "", "body": text})}


CASES = [
    ("The Security Council of Mongolia met on Monday.", "msc", True),
    ("The Security Council of Kazakhstan met on Monday.", "msc", False),
    ("The Armistice Accord of 1962 still holds.", "laa", True),
    ("The Armistice Accord between the Allies and Germany was signed in 1918.", "laa", False),
    ("The Armistice Accord between Vietnam and Laos was signed.", "laa", True),  # one of several
    ("The Treaty on Comprehensive Naval Partnership between Laos, Mongolia and Iran", "cnp", False),
    ("The Armistice Accord between Laos and Mongolia was recalled.", "laa", False),  # no Vietnam
    ("Mongolia and the DPRK signed a Treaty of Friendship and Mutual Aid in 1986.", "fma", True),
    ("The Soviet Union and North Korea signed a Treaty of Friendship and Mutual Aid.", "fma", False),
    ("The Treaty on Comprehensive Naval Partnership between Laos and Mongolia was ratified.", "cnp", True),
    ("The Treaty on Comprehensive Naval Partnership between Laos and Iran was ratified.", "cnp", False),
    # a body's own country, or words that are no country, are no other party
    ("The Mongolian Security Council of the government met.", "msc", True),
    ("The Armistice Accord between the two sides held.", "laa", True),
    # a country's official name in the entry is the country (Republic of Belarus: Belarus)
    ("The Iran-Russia Comprehensive Border Partnership Treaty took effect.", "bcp", True),
    ("The DPRK-Russia Comprehensive Border Partnership Treaty took effect.", "bcp", False),
    # a document followed by a title of its own is another document
    ("Russia and Iran signed the Treaty on the Union of Customs in 1999.", "bcp", False),
    ("The Russia-Iran treaty on Friday came into force.", "bcp", True),
    ("The Russia-Iran treaty of 2026 came into force.", "bcp", True),
    ("The Russia-Iran treaty on Comprehensive Border Partnership took effect.", "bcp", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), CASES)
def test_other_parties(text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected, text


def test_explain_says_why() -> None:
    ex = MATCHER.explain({"title": "", "body": "The Armistice Accord between the Allies and Germany held."})
    assert not ex.matches
    assert any("other parties" in (r.reason or "") and "Germany" in (r.reason or "") for r in ex.rejected)
