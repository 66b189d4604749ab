"""Generalisation, sixth round: what a corpus written without seeing the matcher
(benchmarks/redteam9) showed it missing or over-matching, as rules on invented names.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry, Rule, RuleSet, Watchlist

ENTRIES = (
    Entry("ptk", "Pavel Tarakanov", aliases=("Tarakanov",), kind="person"),
    Entry("kzt", "Nursultan-Jomart Kassymov", aliases=("Kassymov",), kind="person"),
    Entry("mhg", "Mount Pyoktu", kind="place"),
    Entry("r5150", "UN Security Council Resolution 5150", aliases=("Resolution 5150",), kind="treaty"),
    Entry("fis", "Foreign Intelligence Bureau of the Arctic Union", aliases=("FIB",), kind="body"),
    Entry("vzk", "Viktor Zolotkov", kind="person"),
    Entry("ncp", "Northern Cooperation Plan of Action", kind="treaty"),
)
MATCHER = Matcher.build(RuleSet(watchlists={"w": Watchlist("w", ENTRIES)}, rules=(Rule("all", any=("w",)),)))


def _found(text: str, title: str = "") -> set[str]:
    return {m.entry for m in MATCHER.match({"title": title, "body": text})}


CASES = [
    # a surname in a Russian case form after a noun ending in a consonant: no first name there
    ("declined-after-noun", "Визит Тараканова в Пекин завершился.", "ptk", True),
    ("declined-after-first-name", "Встреча Павла Тараканова с послом.", "ptk", True),
    ("nominative-after-other-name", "Сергей Тараканов выступил.", "ptk", False),
    ("declined-fleeting-vowel", "Заявление Павла Тараканова.", "ptk", True),  # Павел, Павла
    # Kazakh Latin q = k, English-style j = zh
    ("kazakh-q", "President Nursultan-Jomart Qassymov spoke.", "kzt", True),
    ("zh-for-j", "President Nursultan-Zhomart Kassymov spoke.", "kzt", True),
    ("zh-other-name", "President Nursultan-Zhanat Kassymov spoke.", "kzt", False),
    # Mount, Mt. and Korean spellings of the mountain's name
    ("mount-korean-key", "Tourists climbed Mount Byeokdu last year.", "mhg", True),
    ("mt-abbreviated", "Tourists climbed Mt. Pyoktu last year.", "mhg", True),
    ("mt-no-dot", "Tourists climbed Mt Pyoktu last year.", "mhg", True),
    ("mount-alone", "Tourists climbed the mount last year.", "mhg", False),
    ("mount-other-place", "Tourists climbed Mt. Pyoksan last year.", "mhg", False),
    # a resolution's number followed by another issuer's title
    ("resolution-other-issuer", "Resolution 5150 of the Government of Tver funds parks.", "r5150", False),
    ("resolution-own-issuer", "Resolution 5150 of the Security Council tightened sanctions.", "r5150", True),
    ("resolution-date", "Resolution 5150 of 22 December tightened sanctions.", "r5150", True),
    # a number is no common word: a lowercase resolution with its number still names it
    ("resolution-lowercase-number", "Sanctions under resolution 5150 (2017) were tightened.", "r5150", True),
    # a surname naming a fortress, a church, a garden after the family
    ("eponym-bastion", "The Tarakanov Bastion of the fortress reopened.", "ptk", False),
    ("eponym-church", "Mass was said in the Tarakanov Church.", "ptk", False),
    # an acronym defined by lowercase words in brackets right after them
    ("acronym-bracket-lowercase", "The drug lowered fluid inflow balance (FIB) in patients.", "fis", False),
    ("acronym-alone-own", "The FIB said the agent was caught.", "fis", True),
    # reference books: surname, comma, first name and patronymic
    ("reference-book", "Zolotkov, Viktor Vasilyevich (born 1954), general.", "vzk", True),
    ("list-without-patronymic", "Zolotkov, Viktor and others came.", "vzk", False),
    # German w marks a German s before a vowel (Solotkow = Zolotkov)
    ("german-s", "General Wiktor Solotkow sagte am Montag.", "vzk", True),
    ("english-s", "General Viktor Solotkov said on Monday.", "vzk", False),
    # an acronym, in capitals, of a title's first words (with or without its function words)
    ("title-acronym", "Both sides left the NCPOA last year.", "r5150", False),
    ("title-acronym-full", "Both sides left the NCPOA last year.", "ncp", True),
    ("title-acronym-number", "Sanctions under UNSCR 5150 were tightened.", "r5150", True),
    ("title-acronym-other-number", "Sanctions under UNSCR 5151 were tightened.", "r5150", False),
    ("title-acronym-lowercase", "Both sides left the ncpoa last year.", "ncp", False),
    ("title-acronym-headline", "BOTH SIDES LEAVE NCPOA", "ncp", False),
]


@pytest.mark.parametrize(("label", "text", "entry", "expected"), CASES, ids=[c[0] for c in CASES])
def test_generalised_rule(label: str, text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected, label
