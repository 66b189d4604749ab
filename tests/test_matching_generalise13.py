"""Generalisation, thirteenth round: numerals and names run together, on invented names.

A Roman numeral in a name is its number, however written (Kelso-2 is Kelso II), and no
other number: a numeral is never a typo or a transliteration of another. Two name words
read run together as one text word may hold a typo, but never in a short word, which must
match exactly as it must when written apart ("Trident" is not TRIDENT II with two letters
lost).
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("kel", "Kelso II", kind="treaty"),
    Entry("tri", "TRIDENT II", kind="treaty"),
    Entry("mar", "Marlow Protocol 3", kind="treaty"),
    Entry("gyu", "Pak Gyong Ui", kind="person"),
    Entry("sog", "Sogam-ri", kind="place"),
    Entry("lng", "Treaty of Varnholm", aliases=("Varnholm IV",), kind="treaty"),
)
MATCHER = one_list_matcher(ENTRIES)

NUMERALS = [
    ("arabic-hyphen", "The Kelso-2 accords were never carried out.", "kel", True),
    ("arabic-space", "Talks on Kelso 2 stalled.", "kel", True),
    ("roman-as-typed", "Under Kelso II, the border opens.", "kel", True),
    ("capitals", "KELSO-2 TALKS RESUME", "kel", True),
    ("another-number", "Kelso III was signed a year later.", "kel", False),
    ("another-number-arabic", "Kelso-3 was signed a year later.", "kel", False),
    ("acronym-arabic", "The TRIDENT-2 treaty never entered into force.", "tri", True),
    ("acronym-other-number", "TRIDENT I was signed first.", "tri", False),
    ("acronym-other-number-arabic", "TRIDENT-1 was signed first.", "tri", False),
    ("roman-for-arabic", "The Marlow Protocol III took effect.", "mar", True),
    ("roman-for-arabic-other", "The Marlow Protocol II took effect.", "mar", False),
    # an alias whose rarest word is the numeral is indexed under both forms
    ("alias-anchored-on-numeral", "From Varnholm-4 to the new talks, Varnholm was the venue.", "lng", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in NUMERALS], ids=[c[0] for c in NUMERALS]
)
def test_a_numeral_is_its_number_in_any_form_and_no_other(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


def test_a_name_without_its_short_word_is_no_typo_of_it() -> None:
    # two words read run together lose the short one to a "typo": never
    assert "tri" not in entries_found(MATCHER, "The Trident of the sea god.")
    assert "tri" not in entries_found(MATCHER, "New TRIDENT expires next year.")
    assert "gyu" not in entries_found(MATCHER, "Pak Gyongum spoke.")  # um for ui: a letter changed
    assert entries_found(MATCHER, "Pak Gyongui spoke.") == {"gyu"}  # run together, exact
    assert entries_found(MATCHER, "Pak Gyonngui spoke.") == {"gyu"}  # a typo in the long word


def test_a_korean_place_may_drop_its_unit() -> None:
    assert entries_found(MATCHER, "A missile was fired from Sogam on Tuesday.") == {"sog"}
    assert entries_found(MATCHER, "Farmers of Sogam-ri harvested rice.") == {"sog"}


SHORT_NAMES = one_list_matcher(
    (
        Entry(
            "tpc",
            "Treaty on Lasting Partnership between the Republic of Cuba and Mongolia",
            kind="treaty",
        ),
        Entry(
            "hac",
            "Agreement on Cooperation in Forestry, Beekeeping and Horticulture between Chile and Tonga",
            kind="treaty",
        ),
    )
)

PARTIES_SHORT_NAME = [
    ("parties-subject-head", "Both sides hailed the Cuba-Mongolia partnership treaty.", "tpc", True),
    ("demonyms", "The Cuban-Mongolian partnership treaty took effect.", "tpc", True),
    ("parties-after-head", "They praised the partnership treaty between Mongolia and Cuba.", "tpc", True),
    ("synonym-head", "The Chile-Tonga beekeeping accord was signed.", "hac", True),
    ("one-subject-of-several", "The Chile-Tonga forestry agreement was signed.", "hac", True),
    ("filler-subject-only", "The Chile-Tonga cooperation agreement was signed.", "hac", False),
    ("another-party", "The Chile-Peru forestry agreement was signed.", "hac", False),
    ("one-party-only", "Chile's forestry agreement was signed.", "hac", False),
    ("no-head", "Chile-Tonga forestry talks went on.", "hac", False),
    ("comma-inside", "Chile-Tonga forestry, the agreement said, grew.", "hac", False),
    ("another-word-inside", "The Chile-Tonga forestry investment agreement was signed.", "hac", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in PARTIES_SHORT_NAME], ids=[c[0] for c in PARTIES_SHORT_NAME]
)
def test_the_parties_a_subject_word_and_the_head_noun_name_a_bilateral_document(
    text: str, entry: str, expected: bool
) -> None:
    assert (entry in entries_found(SHORT_NAMES, text)) is expected
