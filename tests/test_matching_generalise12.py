"""Generalisation, twelfth round: Korean places that are other places, on invented places.

Both Koreas romanise the same syllables, and South Korea's own romanisation spells a southern
town as a northern one is spelt in other systems (Suncheon for Sunchon). A Korean place spelt
otherwise than the analyst typed it and placed in South Korea by the text is the southern one.
A consonant dropped that opens a syllable makes another syllable, so another place (Pyongan,
the province, for Pyongsan), and a word written with McCune-Reischauer breves is spelt with
care: a letter more or less is no slip there.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("tgc", "Tongchon", kind="place"),
    Entry("pgs", "Pyoksan", kind="place"),
    Entry("hwj", "Hwangju", kind="place"),
)
MATCHER = one_list_matcher(ENTRIES)

IN_THE_SOUTH = [
    ("dateline", "TONGCHEON, South Korea, May 6 (Yonhap) -- city officials said.", "TONGCHEON, South Korea"),
    ("possessive-country", "Tourists flock to South Korea's Tongcheon.", "South Korea's Tongcheon"),
    ("possessive-city", "Busan's Tongcheon district will get a new bus terminal.", "Busan's Tongcheon"),
    ("in-a-province", "The Tongcheon Bay garden in South Jeolla Province drew visitors.", "Tongcheon"),
    ("in-central-south-korea", "Tongcheon airport in central South Korea handled more flights.", "Tongcheon"),
    ("demonym", "The South Korean Tongcheon county held a festival.", "South Korean Tongcheon"),
]


@pytest.mark.parametrize(("text", "named"), [c[1:] for c in IN_THE_SOUTH], ids=[c[0] for c in IN_THE_SOUTH])
def test_a_place_spelt_otherwise_and_placed_in_the_south_is_the_southern_one(text: str, named: str) -> None:
    assert "tgc" not in entries_found(MATCHER, text)
    reasons = [r.reason for r in MATCHER.explain({"body": text}).rejected if r.entry == "tgc"]
    assert any(r.startswith("names a place in South Korea") for r in reasons), reasons
    assert any(named in r for r in reasons), reasons


def test_the_northern_place_is_still_found() -> None:
    assert entries_found(MATCHER, "Tongcheon in Kangwon Province, North Korea, held a rally.") == {"tgc"}
    assert entries_found(MATCHER, "TONGCHON, North Korea -- A new hospital opened.") == {"tgc"}
    # spelt as typed, the analyst's place wherever the text puts it
    assert entries_found(MATCHER, "Tongchon in South Korea held a festival.") == {"tgc"}
    assert "tgc" not in entries_found(MATCHER, "Tongchon, South Korea, held a festival.")  # a locator


def test_dropped_syllable_onset_is_another_place_but_other_slips_are_typos() -> None:
    assert "pgs" not in entries_found(MATCHER, "a town in Pyokan province")  # pyok-an, pyok-san
    assert entries_found(MATCHER, "the Pyoksna plant") == {"pgs"}  # two letters swapped
    assert entries_found(MATCHER, "the Pyocksan plant") == {"pgs"}  # a letter added, no syllable


def test_breves_make_a_careful_spelling_with_no_typos() -> None:
    assert entries_found(MATCHER, "the Hwnagju plant") == {"hwj"}  # two letters swapped: a slip
    assert "hwj" not in entries_found(MATCHER, "the Hwnagjŭ plant")
    assert entries_found(MATCHER, "the plant in Hwangju, Hwnagjŭ county") == {"hwj"}


def test_placed_in_the_south_once_the_word_is_the_southern_place_all_through_the_item() -> None:
    title = "Tongcheon garden draws record crowds"
    body = "TONGCHEON, South Korea, May 6 (Yonhap) -- The Tongcheon garden drew 120,000 visitors."
    assert "tgc" not in entries_found(MATCHER, body, title=title)
    assert entries_found(MATCHER, "The Tongcheon garden drew 120,000 visitors.", title=title) == {"tgc"}


UNITS = one_list_matcher(
    (Entry("nhp", "Namhae Province", kind="place"), Entry("tsc", "Tosan County", kind="place"))
)


def test_a_korean_unit_after_a_hyphen_is_the_unit_in_english() -> None:
    assert entries_found(UNITS, "Farms in Namhae-do reported a good harvest.") == {"nhp"}
    assert entries_found(UNITS, "Tosan-gun officials said") == {"tsc"}
    # not as an English word: "the Tosan gun" is a gun
    assert "tsc" not in entries_found(UNITS, "the Tosan gun fired twice")


def test_a_possessive_places_a_place_in_the_south_even_spelt_as_typed() -> None:
    text = "South Korea's Namhae Province built bases. For decades Namhae Province was a frontier."
    assert "nhp" not in entries_found(UNITS, text)
    reasons = [r.reason for r in UNITS.explain({"body": text}).rejected if r.entry == "nhp"]
    assert any(r.startswith("names a place in South Korea") for r in reasons), reasons
    # spelt as typed and placed in the South only by "in South Korea" after it, it is kept
    assert entries_found(UNITS, "Namhae Province in South Korea held a festival.") == {"nhp"}


def test_a_hangul_place_with_one_more_syllable_of_its_word_is_a_longer_name() -> None:
    matcher = one_list_matcher((Entry("tsp", "Tosan", kind="place"),))
    assert "tsp" not in entries_found(matcher, "도산주에서 새 공장이 준공되였다.")  # Tosanju
    reasons = [r.reason for r in matcher.explain({"body": "도산주에서 새 공장"}).rejected if r.entry == "tsp"]
    assert any("'도산주' is a longer name" in r for r in reasons), reasons
    # a suffix, a particle, or a compound noun of two syllables or more keep the place
    for text in ("도산시 인민위원회", "도산에서 열린 회의", "도산의 거리", "도산공단에서"):
        assert entries_found(matcher, text) == {"tsp"}, text


def test_a_dot_with_no_space_after_it_is_inside_a_name() -> None:
    matcher = one_list_matcher((Entry("kbr", "KAMBANK.RF", kind="organisation"),))
    assert entries_found(matcher, "KAMBANK.RF said on Monday that talks would continue.") == {"kbr"}


PROVINCES = one_list_matcher(
    (
        Entry("nwp", "North Wonbong Province", aliases=("North Wonbong",), kind="place"),
        Entry("tkp", "Takpo", kind="place"),
        Entry("vlk", "Volkonsk", kind="place"),
    )
)


def test_another_point_of_the_compass_before_a_province_makes_it_the_other_half() -> None:
    text = "South Wonbong Province. Capital: Hamsan."
    assert "nwp" not in entries_found(PROVINCES, text)
    reasons = [r.reason for r in PROVINCES.explain({"body": text}).rejected if r.entry == "nwp"]
    assert any("another point of the compass" in r for r in reasons), reasons
    assert entries_found(PROVINCES, "Mines in North Wonbong Province reopened.") == {"nwp"}


def test_a_korean_province_half_by_its_korean_suffix() -> None:
    assert entries_found(PROVINCES, "Mines in Wonbong-bukto reopened.") == {"nwp"}
    assert entries_found(PROVINCES, "Mines in Wŏnbong-pukto reopened.") == {"nwp"}
    assert "nwp" not in entries_found(PROVINCES, "Mines in Wonbong-namdo reopened.")


def test_a_hangul_place_made_a_verb_is_no_place_all_through_the_item() -> None:
    text = "회담 또 탁포... 회담이 또다시 탁포됐다고 전했다."  # (the place's syllables as a verb)
    assert "tkp" not in entries_found(PROVINCES, text)
    reasons = [r.reason for r in PROVINCES.explain({"body": text}).rejected if r.entry == "tkp"]
    assert any("uses it as a Korean verb ('탁포됐다고')" in r for r in reasons), reasons
    assert entries_found(PROVINCES, "탁포에서 새 광산이 문을 열었다.") == {"tkp"}


def test_a_place_as_half_of_a_double_surname_is_a_person() -> None:
    assert "vlk" not in entries_found(PROVINCES, "an opera by Nikolai Rimsky-Volkonsk was staged")
    assert entries_found(PROVINCES, "the Sakhalin-Volkonsk ferry sailed") == {"vlk"}


def test_a_chinese_surname_alone_after_an_office_is_the_person() -> None:
    matcher = one_list_matcher((Entry("hqw", "Hu Qiangwei"),))
    got = [(m.text, m.score) for m in matcher.match({"body": "President Hu said the talks went well."})]
    assert got == [("Hu", 90.0)]
    # alone, or before another given name, it is any Hu
    assert entries_found(matcher, "Hu said the talks went well.") == set()
    assert entries_found(matcher, "President Hu Lin said the talks went well.") == set()


def test_a_surname_run_into_a_one_syllable_given_name_is_another_given_name() -> None:
    matcher = one_list_matcher((Entry("yjn", "Yo Jin"), Entry("kju", "Kim Jong Un")))
    assert "yjn" not in entries_found(matcher, "an engineer at the robot maker Yojin Robot")
    assert entries_found(matcher, "Yo Jin said") == {"yjn"}
    # a longer name still runs its surname into the first syllable (Kimjong Un)
    assert entries_found(matcher, "state media showed Kimjong Un") == {"kju"}


def test_a_place_before_a_word_for_an_airline_names_the_airline() -> None:
    matcher = one_list_matcher((Entry("ykt", "Yakutsk", kind="place"),))
    assert "ykt" not in entries_found(matcher, "Yakutsk Airlines will fly to Harbin.")
    assert entries_found(matcher, "Flights to Yakutsk resume.") == {"ykt"}
