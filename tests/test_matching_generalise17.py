"""Generalisation, seventeenth round, on invented names.

A Korean given name's second syllable is written lowercase after the hyphen (Pyo Kil-hwan).
A slip there is read like a slip in a capitalised syllable when it spells no syllable at all
(Kil-hawn, Chol-myng for Chol-myong); a lowercase syllable that is another syllable
(Kil-han, Kil-hwang) is another name.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from monitor.matching.translit import is_chinese_name, korean_key, wade_giles
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


# Things named after a place or a person, and other branches of a body (invented names).
NAMED_ENTRIES = (
    Entry("volz", "Arkady Volzhenev", aliases=("Volzhenev",), kind="person"),
    Entry("hats", "Kenji Hatsuno", aliases=("Hatsuno",), kind="person"),
    Entry("kmx", "Kaliv Mineral Exchange", aliases=("KMX",), kind="organisation"),
    Entry("kok", "Kokaral", kind="place"),
    Entry("kmdf", "Kaliv Maritime Self-Defence Force", kind="organisation"),
)
NAMED_MATCHER = one_list_matcher(NAMED_ENTRIES)

NAMED = [
    ("surname", "Volzhenev said the talks went well.", "volz", True),
    ("surname-swapped-ending", "Minister Arkady Volzhenve said.", "volz", True),
    ("place-after-family", "Traffic at Volzhenevo grew by a tenth.", "volz", False),
    ("family-house-museum", "Reception at the Volzhenev House", "volz", False),
    ("one-word-surname", "Hatsuno told reporters.", "hats", True),
    ("last-vowel-changed", "The family changed the spelling to Hatsuna.", "hats", False),
    ("acronym", "KMX halted trading on Monday.", "kmx", True),
    ("acronym-company", "KMX Holdings reported a fall in profit.", "kmx", False),
    ("acronym-insurer", "KMX Insurance Group reported a rise.", "kmx", False),
    ("place", "Trade through Kokaral rose.", "kok", True),
    ("club", "Dinamo Kokaral beat the visitors 2-1.", "kok", False),
    ("hotel-opening-name", "Hotel Kokaral Plaza, near the station.", "kok", False),
    ("hotel-then-place", "They stayed at the Koryo Hotel Kokaral.", "kok", True),
    ("the-restaurant", "We went to the Kokaral restaurant on the main street.", "kok", False),
    ("grill", "The Kokaral Grill serves barbecue.", "kok", False),
    ("rank-before-place", "General Kokaral, the former head of state, spoke.", "kok", False),
    ("abbreviated-rank", "Gen. Kokaral spoke.", "kok", False),
    ("body", "The Kaliv Maritime Self-Defence Force sailed.", "kmdf", True),
    ("other-branch", "The Kaliv Air Self-Defence Force scrambled jets.", "kmdf", False),
    ("other-branch-ground", "The Kaliv Ground Self-Defence Force moved.", "kmdf", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_named_after_and_other_branches(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(NAMED_MATCHER, text)) is expected


def test_a_first_name_broken_at_the_end_of_a_line_is_read_whole() -> None:
    matcher = one_list_matcher((Entry("volz", "Arkady Volzhenev", aliases=("Volzhenev",), kind="person"),))
    text = "The group led by Ar-\nkady Volzhenev, head of the agency, arrived."
    found = [(m.text, m.kind) for m in matcher.match({"body": text})]
    explained = [(m.text, m.kind) for m in matcher.explain({"body": text}).matches]
    assert found == explained == [("Ar-\nkady Volzhenev", "case")]


def test_another_pinyin_surname_is_no_transliteration() -> None:
    matcher = one_list_matcher((Entry("jzd", "Jiang Zaidong", kind="person"),))
    assert "jzd" not in entries_found(matcher, "Vice Minister Zhang Zaidong attended.")
    assert "jzd" in entries_found(matcher, "Vice Minister Jiang Zaidong attended.")
    # a Chinese character before the name (长 of 部长, minister) is no word of it
    assert [m.text for m in matcher.explain({"body": "商务部副部长姜再冬出席"}).matches] == ["姜再冬"]


def test_an_archipelago_in_the_plural() -> None:
    matcher = one_list_matcher((Entry("kel", "Kelmar Islands", kind="place"),))
    assert "kel" in entries_found(matcher, "Patrol ships sailed near the Kelmars on Monday.")
    assert "kel" in entries_found(matcher, "#Kelmars")
    assert "kel" in entries_found(matcher, "Patrol ships sailed near the Kelmar Islands.")
    assert "kel" not in entries_found(matcher, "Kelmar said the talks went well.")  # a person
    assert "kel" not in entries_found(matcher, "the Kelmarrs")  # the plural as written only


# A Japanese name splits into pinyin syllables too, but more of them than a Chinese name's
# (a surname of one or two syllables, a given name of one or two): its surname is its last
# word, found after an office like any other (Defence Minister Tamaki).
OFFICE_ENTRIES = (
    Entry("tam", "Norikazu Tamaki", kind="person"),
    Entry("oka", "Takeo Okabe", kind="person"),
    Entry("fen", "Fen Taiyu", kind="person"),
    Entry("rus", "Bakhtiyor Rustamov", kind="person"),
    Entry("kra", "Gennady Kravtsov", kind="person"),
)
OFFICE_MATCHER = one_list_matcher(OFFICE_ENTRIES)

OFFICE = [
    ("japanese-after-office", "Defence Minister Tamaki said the drill went ahead.", "tam", True),
    ("japanese-after-lowercase-office", "NSS chief Okabe met his counterparts.", "oka", True),
    ("japanese-given-name-alone", "Defence Minister Norikazu said.", "tam", False),
    ("chinese-surname-after-office", "Foreign Minister Fen said the talks went well.", "fen", True),
    ("chinese-given-name", "Foreign Minister Taiyu said the talks went well.", "fen", False),
    ("abbreviated-offices", "Uzbek Def. Min. Rustamov in Moscow for talks.", "rus", True),
    ("academician", "Academician Kravtsov opened the session.", "kra", True),
    ("no-office", "Kravtsov opened the session.", "kra", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in OFFICE], ids=[c[0] for c in OFFICE])
def test_a_surname_after_an_office(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(OFFICE_MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("name", "chinese"),
    [
        ("Xi Jinping", True),
        ("Wang Ya Jun", True),
        ("Sima Yi", True),
        ("Yasukazu Hamada", False),
        ("Takeo Akiba", False),
    ],
)
def test_which_names_read_as_chinese(name: str, chinese: bool) -> None:
    assert is_chinese_name(name.lower().split()) is chinese


MORE_ENTRIES = (
    Entry(
        "jz",
        "Agreement between Japan and the Republic of Korea on the Tolmar Shelf",
        aliases=("TSZ Agreement",),
    ),
    Entry("ign", "Pavel Ignatyuk", kind="person"),
    Entry("gom", "Gombojav Tserendash", kind="person"),
    Entry("sol", "Vladimir Solovyov", kind="person"),
    Entry("kei", "Kei Tamura", kind="person"),
    Entry("fedc", "Far East Harbour Development Corporation", kind="organisation"),
    Entry("kar", "Karatal", kind="place"),
)
MORE_MATCHER = one_list_matcher(MORE_ENTRIES)

MORE = [
    ("bare-korea-is-a-party", "The Japan-Korea TSZ Agreement expires in 2028.", "jz", True),
    ("other-country", "The China-Vietnam TSZ Agreement was signed.", "jz", False),
    ("surname", "Minister Pavel Ignatyuk spoke.", "ign", True),
    ("surname-typo", "Minister Pavel Ignatyk spoke.", "ign", True),
    ("another-surname-ending", "Minister Pavel Ignatyev spoke.", "ign", False),
    ("case-ending-added", "Gombojavyn Tserendash spoke.", "gom", True),
    ("transliterated-ending", "Vladimir Soloviev spoke.", "sol", True),
    ("short-given-name", "Kei Tamura arrived.", "kei", True),
    ("longer-given-name", "Keiji Tamura arrived.", "kei", False),
    ("corp-abbreviated", "The Far East Harbour Development Corp. said.", "fedc", True),
    ("club", "Shakhter Karatal won 2-0.", "kar", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_parties_endings_and_abbreviations(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MORE_MATCHER, text)) is expected


def test_a_chinese_character_is_never_a_misspelt_syllable() -> None:
    # 長 (zhang) is a letter short of Zhuang: no typo, so 部長莊偉平 names Zhuang Weiping from 莊
    matcher = one_list_matcher((Entry("zwp", "Zhuang Weiping", kind="person"),))
    text = "中共外交部副部長莊偉平下週訪問平壤"
    assert [m.text for m in matcher.match({"body": text})] == ["莊偉平"]
    assert [m.text for m in matcher.explain({"body": text}).matches] == ["莊偉平"]


ACRONYM_ENTRIES = (
    Entry("rtp", "Regional Trade Partnership", aliases=("RTPQ",)),
    Entry("salt", "Strategic Arms Limitation Talks", aliases=("SALT",)),
    Entry("strict", "Pacific Fisheries Pact", aliases=("PFPX",), case_sensitive=True),
)
ACRONYM_MATCHER = one_list_matcher(ACRONYM_ENTRIES)

LOWERCASE_ACRONYMS = [
    ("lowercase-post", "ok so rtpq turns five and nobody in seoul cares", "rtp", True),
    ("post-opening-capital", "Post: ratified the rtpq today? not the big states.", "rtp", True),
    ("cased-line", "The rtpq summit in Jakarta with Indonesia opened.", "rtp", False),
    ("plain-sentence", "Sanctions under the rtpq were null and void.", "rtp", False),
    ("capitals", "The RTPQ summit opened.", "rtp", True),
    ("wordlike", "the salt talks went on all night", "salt", False),
    ("analyst-case-sensitive", "ok so pfpx turns five", "strict", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in LOWERCASE_ACRONYMS], ids=[c[0] for c in LOWERCASE_ACRONYMS]
)
def test_an_acronym_typed_in_lowercase(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(ACRONYM_MATCHER, text)) is expected


STAY_ENTRIES = (
    Entry("lin", "Lintao", kind="place"),
    Entry("kaz", "Kavran", kind="place"),
    Entry("tgp", "Korea Tamsong Investment Group", aliases=("Tamsong",), kind="organisation"),
    Entry("jcy", "Jong Chang Yun", kind="person"),
    Entry("jzl", "Jin Zhuanglong", kind="person"),
)
STAY_MATCHER = one_list_matcher(STAY_ENTRIES)

STAY = [
    # a hotel named after the town stands in it: the item's other mentions stay the town
    ("hotel-elsewhere", "Is Lintao worth visiting? Stay at the Lintao Binjiang Hotel.", "lin", True),
    # a cathedral may stand anywhere: the item that names one uses the word for it
    ("cathedral-elsewhere", "Crowds at the Kavran Cathedral. Our Lady of Kavran.", "kaz", False),
    ("dropped-letter-no-syllable", "Director Jong Chang Yn spoke.", "jcy", True),
    ("dropped-letter-into-syllable", "Director Jong Chang Yu spoke.", "jcy", False),
    ("pinyin-halves-hyphenated", "Jin Zhuang-long, minister of industry, said.", "jzl", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in STAY], ids=[c[0] for c in STAY])
def test_other_senses_slips_and_halves(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(STAY_MATCHER, text)) is expected


def test_a_ship_of_the_word_beside_the_entry_named_in_full() -> None:
    # the item names the entry in full: its bare word is the entry, though a ship bears it too
    text = "The Korea Tamsong Investment Group is back. A ship named Tamsong is not. Tamsong was dormant."
    found = [m.text for m in STAY_MATCHER.match({"body": text}) if m.entry == "tgp"]
    assert found == ["Korea Tamsong Investment Group", "Tamsong"]


# Wade-Giles, the older romanisation of Chinese, for a pinyin name: syllable by syllable, its
# aspiration apostrophes lost in folding (Ch'ien = Chien for Qian).
WG_ENTRIES = (
    Entry("lq", "Lu Qiansheng", kind="person"),
    Entry("zx", "Zhou Xiaodeng", kind="person"),
    Entry("gb", "Guo Bingjie", kind="person"),
)
WG_MATCHER = one_list_matcher(WG_ENTRIES)

WG = [
    ("apostrophe", "Vice Minister Lu Ch'ien-sheng said.", "lq", True),
    ("no-apostrophe", "Vice Minister Lu Chien-sheng said.", "lq", True),
    ("hyphenated", "Envoy Chou Hsiao-teng arrived.", "zx", True),
    ("kuo-ping", "Kuo Ping-chieh, the spokesman, said.", "gb", True),
    ("another-syllable", "Envoy Chou Hsiao-tang arrived.", "zx", False),
    ("lowercase", "chou hsiao-teng arrived.", "zx", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in WG], ids=[c[0] for c in WG])
def test_a_chinese_name_in_wade_giles(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(WG_MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("pinyin", "wade_giles_form"),
    [("qian", "chien"), ("xiaoming", "hsiaoming"), ("zhi", "chih"), ("guo", "kuo"), ("luo", "lo")],
)
def test_wade_giles_of_pinyin(pinyin: str, wade_giles_form: str) -> None:
    assert wade_giles(pinyin) == wade_giles_form


def test_a_list_entry_surname_comma_given_name() -> None:
    matcher = one_list_matcher((Entry("kar", "Marat Karabeyli", kind="person"),))
    texts = (
        "Delegation: Karabeyli, Marat (minister)",
        "Karabeyli, Marat V.; Ivanov, Petr",
        "1. Karabeyli, Marat - Minister of Economy",
    )
    for text in texts:
        assert [m.text for m in matcher.match({"body": text})] == ["Karabeyli, Marat"]


def test_an_aspirate_th_is_one_initial() -> None:
    # DPRK spelling writes the aspirate th as one initial: Pothonggang is po-thong-gang, so its
    # spelling without the h (Potonggang) is the same district
    assert korean_key("pothonggang") == korean_key("potonggang")
    matcher = one_list_matcher((Entry("pt", "Pothonggang District", kind="place"),))
    assert "pt" in entries_found(matcher, "Flats were built in Potonggang District last year.")
    assert "pt" not in entries_found(matcher, "Flats were built in Potongsan District last year.")
