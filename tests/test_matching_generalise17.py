"""Generalisation, seventeenth round, on invented names.

A Korean given name's second syllable is written lowercase after the hyphen (Pyo Kil-hwan).
A slip there is read like a slip in a capitalised syllable when it spells no syllable at all
(Kil-hawn, Chol-myng for Chol-myong); a lowercase syllable that is another syllable
(Kil-han, Kil-hwang) is another name.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("pyo", "Pyo Kil-hwan", kind="person"),
    Entry("yang", "Yang Chol-myong", kind="person"),
)
MATCHER = one_list_matcher(ENTRIES)

SLIPS = [
    ("exact", "Vice-minister Pyo Kil-hwan arrived.", "pyo", True),
    ("swapped-no-syllable", "Vice-minister Pyo Kil-hawn arrived.", "pyo", True),
    ("dropped-no-syllable", "Vice-minister Yang Chol-myng arrived.", "yang", True),
    ("swapped-into-syllable-pair", "Vice-minister Yang Chol-moyng arrived.", "yang", True),
    ("dropped-into-another-syllable", "Vice-minister Pyo Kil-han arrived.", "pyo", False),
    ("another-final", "Vice-minister Pyo Kil-hwang arrived.", "pyo", False),
    ("lowercase-throughout", "vice-minister pyo kil-hawn arrived.", "pyo", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in SLIPS], ids=[c[0] for c in SLIPS])
def test_slip_in_a_lowercase_syllable_after_the_hyphen(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


# A month's abbreviation is a name word unless it stands in a date (Jun is a Korean and
# Chinese given-name syllable: Joon, Jun).
MONTH_ENTRIES = (
    Entry("pae", "Pae Joon-gil", kind="person"),
    Entry("jun", "Ji'un", kind="place"),
)
MONTH_MATCHER = one_list_matcher(MONTH_ENTRIES)

MONTHS = [
    ("syllable", "Director Pae Jun Gil inspected the plant.", "pae", True),
    ("syllable-hyphened", "Director Pae Jun-gil inspected the plant.", "pae", True),
    ("place", "Trade through Ji'un rose.", "jun", True),
    ("place-run-together", "Trade through Jiun rose.", "jun", True),
    ("date-day-after", "BEIJING, Jun 8 (Reuters) - China said.", "jun", False),
    ("date-day-before", "Filed on 8 Jun. China said.", "jun", False),
    ("date-month-range", "Exports in Jun-Jul rose.", "jun", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in MONTHS], ids=[c[0] for c in MONTHS])
def test_month_abbreviation_in_a_name_and_in_a_date(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MONTH_MATCHER, text)) is expected
