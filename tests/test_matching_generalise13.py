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


OTHERS = one_list_matcher(
    (
        Entry("tae", "Tae Sok Bom", kind="person"),
        Entry("kdv", "Ruslan Maratov", aliases=("Maratov",), kind="person"),
        Entry("ogj", "Sonbong County", kind="place"),
        Entry("ydo", "Chamdu Island", kind="place"),
        Entry("wid", "International Bureau of the KLP Central Council", kind="organisation"),
        Entry("shp", "Neftoflot", kind="organisation"),
        Entry("hot", "Mount Ryongbong", aliases=("Ryongbongsan",), kind="place"),
        Entry("riv", "Taeryong River", kind="place"),
        Entry("arn", "Tekhnoneft", kind="organisation"),
        Entry("sip", "Sinpung", kind="place"),
        Entry("pak", "Pakdo Korean Autonomous Prefecture", aliases=("Pakdo",), kind="place"),
        Entry(
            "spa",
            "Agreement between Russia and North Korea on Cooperation in Sports",
            aliases=("Russia-DPRK sports agreement",),
            kind="treaty",
        ),
    )
)

OTHER_READINGS = [
    # a ship named after a person, and a class of ships
    ("ship-after-comma", "It fired from its new destroyer, the Tae Sok Bom, state media said.", "tae", False),
    ("ship-class", "The Tae Sok Bom-class design looked Russian.", "tae", False),
    ("person-beside-ship", "Tae Sok Bom inspected the destroyer.", "tae", True),
    # two people joined by a dash are a pair, not a first name and a surname
    ("pair-talks", "The Ivanov-Maratov talks ended early.", "kdv", True),
    ("pair-en-dash", "A Ivanov–Maratov meeting is planned.", "kdv", True),
    ("double-surname", "Olga Ivanova-Maratov spoke.", "kdv", False),
    ("prefix", "The pro-Maratov forces advanced.", "kdv", True),
    # a locator after a comma places a Korean place in South Korea, even spelt as typed
    ("locator-as-typed", "Crabbers in Sonbong County, Incheon, had a good year.", "ogj", False),
    ("locator-then-possessive", "It fired near Sonbong County, South Korea's army said.", "ogj", True),
    # a Korean place without its English unit; an island's unit in Korean
    ("english-unit-dropped", "Shells fell on Sonbong on Tuesday.", "ogj", True),
    ("island-unit-korean", "The Chamdu-do ferry sailed.", "ydo", True),
    # another party's acronym where the entry's stands: another body
    ("acronym-replaced", "Heads of the International Bureau of the PKP Central Council came.", "wid", False),
    ("acronym-own", "Delegates of the International Bureau of the KLP Central Council came.", "wid", True),
    ("other-modifier", "Heads of the Cadre Leadership Bureau of the KLP Central Council met.", "wid", False),
    ("owner-after", "The International Bureau of the Central Council of the Peasant Union", "wid", False),
    ("own-owner", "An International Bureau of the Central Council of the Kiribati Labour Party", "wid", True),
    # another unit after a Korean place makes another place
    ("another-unit", "The Sonbong District office opened.", "ogj", False),
    # a prefix makes the surname an attribute, not a first name before a capitalised word
    ("prefix-attribute", "The pro-Maratov Telegram channels were busy.", "kdv", True),
    # a country's possessive before a place locates it
    ("country-before-place", "Tourists visit China's Pakdo Korean Autonomous Prefecture.", "pak", True),
    # a body's name before a vessel names its owner, not a weapon
    ("owner-of-a-tanker", "A Neftoflot tanker completed the voyage.", "shp", True),
    # a capitalised venue noun closing a proper name: the venue
    ("hotel", "They stayed at the Ryongbongsan Hotel in Shenyang.", "hot", False),
    ("grand-hotel", "They stayed at the Taeryong River Grand Hotel.", "riv", False),
    ("arena", "Zenit won at Tekhnoneft Arena.", "arn", False),
    ("lowercase-hotel", "A Ryongbongsan hotel was full.", "hot", True),
    # a place and a number after a hyphen: a designation
    ("designation", "It tested the Sinpung-20 engine.", "sip", False),
    ("place", "It tested an engine at Sinpung.", "sip", True),
    # a title word pair run together takes each half's own typo budget
    ("halves-budget", "They relied on the 1991 START treaty.", "spa", False),  # start: sport 2 off
    ("halves-one-typo", "They relied on the Russia-DPRK sprots treaty.", "spa", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in OTHER_READINGS], ids=[c[0] for c in OTHER_READINGS]
)
def test_other_readings_of_a_watched_name(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(OTHERS, text)) is expected


def test_explain_reads_no_title_word_pair_beyond_each_half_s_budget() -> None:
    explained = OTHERS.explain({"body": "It was the 1991 START treaty."})
    assert "spa" not in {m.entry for m in explained.matches}


def test_a_place_the_item_puts_in_south_korea_stays_there_after_a_locative() -> None:
    text = {
        "title": "Fire at a plant in Sonbong kills two",
        "body": "A fire broke out in Sonbong, Gyeonggi Province.",
    }
    assert "ogj" not in {m.entry for m in OTHERS.match(text)}


def test_an_acronym_spelled_out_otherwise_with_for_between_is_that_other_body() -> None:
    matcher = one_list_matcher((Entry("cms", "Council of Mutual Security", aliases=("CMS",)),))
    assert "cms" not in entries_found(matcher, "Use CMS Benchmarks from the Center for Medical Statistics.")
    assert "cms" not in entries_found(matcher, "Use the CMS rules of the Centre for Mining Studies.")
    assert entries_found(matcher, "CMS leaders met in Minsk.") == {"cms"}


def test_a_title_s_own_acronym_spelled_out_is_that_word() -> None:
    text = "Heads of the International Bureau of the Kiribati Labour Party Central Council met."
    assert entries_found(OTHERS, text) == {"wid"}


BORDERS = one_list_matcher(
    (
        Entry(
            "bdt",
            "Boundary Treaty between the Republic of Cuba and the Republic of Korea",
            aliases=("Sino-Korean Frontier Treaty",),
            kind="treaty",
        ),
    )
)


def test_border_boundary_and_frontier_are_one_title_word_and_sino_is_china() -> None:
    assert entries_found(BORDERS, "They marked the Cuba-ROK border treaty's anniversary.") == {"bdt"}
    assert entries_found(BORDERS, "the Sino-Korean boundary treaty") == {"bdt"}
    # a country word is no distinctive word: the Korean agreement names no document
    assert "bdt" not in entries_found(BORDERS, "Both sides honoured the inter-Korean agreements.")


def test_a_short_name_s_subject_must_be_shared_by_few_watched_documents() -> None:
    pairs = (("Russia", "China"), ("the DPRK", "China"), ("Russia", "the DPRK"))
    title = "Treaty between {} and {} on Comprehensive Strategic Partnership"
    entries = [Entry(f"p{n}", title.format(a, b)) for n, (a, b) in enumerate(pairs)]
    text = "The Russia-China partnership treaty took effect."
    # partnership names three watched agreements: no short name by it ...
    assert entries_found(one_list_matcher(tuple(entries)), text) == set()
    # ... but names one, watched alone
    assert entries_found(one_list_matcher((entries[0],)), text) == {"p0"}


def test_a_continent_s_adjective_is_the_continent() -> None:
    zone = one_list_matcher((Entry("nfz", "Treaty on a Fishing-Free Zone in Central Asia", kind="treaty"),))
    assert entries_found(zone, "They signed the Central Asian Fishing-Free Zone Treaty.") == {"nfz"}


def test_more_offices_before_a_bare_surname() -> None:
    people = one_list_matcher((Entry("bor", "Pavel Borovik", kind="person"),))
    assert entries_found(people, "Gazprom CEO Borovik said exports grew.") == {"bor"}
    assert entries_found(people, "Presidential Aide Borovik said so.") == {"bor"}
    assert entries_found(people, "The Borovik family said so.") == set()


def test_russian_on_before_a_river_in_its_case() -> None:
    towns = one_list_matcher((Entry("kal", "Kalach-on-Don", kind="place"), Entry("tar", "Tara-on-Irtysh")))
    assert entries_found(towns, "Kalach-na-Donu held a fair.") == {"kal"}
    assert entries_found(towns, "Tara-na-Irtyshe held a fair.") == {"tar"}
    assert entries_found(towns, "Kalach-na-Donetsk held a fair.") == set()


def test_chinese_names_in_russian_copy_in_the_palladius_system() -> None:
    leaders = one_list_matcher(
        (Entry("zlj", "Zhou Lijun", kind="person"), Entry("hxy", "Huang Xiuying", kind="person"))
    )
    assert entries_found(leaders, "Председатель КНР Чжоу Лицзюнь прибыл в Москву.") == {"zlj"}
    assert entries_found(leaders, "Вице-премьер Хуан Сюин заявил.") == {"hxy"}
    # the same spelling taken over into English copy
    assert entries_found(leaders, "Vice-Premier Chzhou Litszyun arrived.") == {"zlj"}
    # other syllables are another name
    assert entries_found(leaders, "Председатель Чжоу Лицзинь прибыл.") == set()


def test_a_korean_unit_word_is_no_unit_outside_a_place_s_name() -> None:
    leaders = one_list_matcher((Entry("lsi", "Li Xi", kind="person"),))
    assert entries_found(leaders, "Ли Си сказал.") == {"lsi"}


def test_a_point_of_the_compass_in_russian_copy() -> None:
    places = one_list_matcher((Entry("skr", "South Karelia", kind="place"),))
    assert entries_found(places, "В Южной Карелии прошли выборы.") == {"skr"}
    assert entries_found(places, "Южная Карелия заявила.") == {"skr"}
    assert entries_found(places, "Северная Карелия заявила.") == set()


def test_two_pinyin_letters_swapped_are_a_typo() -> None:
    people = one_list_matcher((Entry("wgt", "Wang Gentao", kind="person"),))
    assert entries_found(people, "Wang Gentoa said so.") == {"wgt"}  # two neighbours swapped
    assert entries_found(people, "Wang Gentai said so.") == set()  # another syllable


def test_an_acronym_defined_with_a_word_not_the_entry_s_is_another_body() -> None:
    parties = one_list_matcher((Entry("ppf", "People Progress Front", aliases=("PPF",)),))
    assert entries_found(parties, "Readers know the PPF as the Peru Peoples Front, which governs.") == set()
    assert entries_found(parties, "The PPF, the People Progress Front, won.") == {"ppf"}
    insurers = one_list_matcher((Entry("kic", "Korea Insurance Corporation", aliases=("KIC",)),))
    assert entries_found(insurers, "The Korea Insurance Corp. (KIC) paid out.") == {"kic"}  # Corp.


def test_a_prize_named_after_a_place_is_the_prize() -> None:
    places = one_list_matcher((Entry("ryo", "Ryongsong", kind="place"),))
    assert entries_found(places, "The Ryongsong Prize games closed on Sunday.") == set()
    assert entries_found(places, "Games closed in Ryongsong on Sunday.") == {"ryo"}
