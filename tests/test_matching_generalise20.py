"""Generalisation, twentieth round, on invented names.

Official country names that open with the country's adjective (Lao People's Democratic
Republic, Syrian Arab Republic) are one party in a title, like the Democratic People's
Republic of Korea, not a country word followed by three other title words.
"""

from __future__ import annotations

import pytest

from monitor.matching.engine import Matcher
from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

OFFICIAL_ENTRIES = (
    Entry(
        "laos-fisheries",
        "Agreement between the Government of the Democratic People's Republic of Korea and the"
        " Government of the Lao People's Democratic Republic on Cooperation in Inland Fisheries",
        kind="treaty",
    ),
    Entry(
        "syria-archives",
        "Agreement between the Russian Federation and the Syrian Arab Republic on Cooperation in"
        " State Archives",
        kind="treaty",
    ),
)
OFFICIAL_MATCHER = one_list_matcher(OFFICIAL_ENTRIES)

CASES = [
    (
        "lao-short-name",
        "Experts came under the agreement on cooperation in inland fisheries between the DPRK and Laos.",
        "laos-fisheries",
        True,
    ),
    (
        "syria-short-name",
        "The agreement on cooperation in state archives between Russia and Syria was extended.",
        "syria-archives",
        True,
    ),
    (
        "other-party",
        "The agreement on cooperation in inland fisheries between the DPRK and Vietnam was extended.",
        "laos-fisheries",
        False,
    ),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_official_country_names_with_an_adjective(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(OFFICIAL_MATCHER, text)) is expected


CUT_ENTRIES = (
    Entry(
        "marsh",
        "Convention on Marshlands of Regional Significance especially as Crane Habitat",
        kind="treaty",
    ),
    Entry(
        "outage",
        "Convention on Assistance in the Event of a Grid Outage or Cyber Emergency",
        kind="treaty",
    ),
    Entry(
        "climate-use",
        "Convention on the Prohibition of Military or Any Other Hostile Use of Cloud Seeding",
        kind="treaty",
    ),
)
CUT_MATCHER = one_list_matcher(CUT_ENTRIES)

CUTS = [
    ("narrowing-left-out", "It joined the Convention on Marshlands of Regional Significance.", "marsh", True),
    ("alternative-cut", "Joined the Convention on Assistance in the Event of a Grid Outage", "outage", True),
    ("other-subject", "Joined the Convention on Assistance in the Event of a Dam Outage", "outage", False),
    ("cut-other-head", "It joined the Convention on Early Notification of a Grid Outage.", "outage", False),
    ("cut-short-of-a-word", "It joined the Convention on Marshlands of Significance.", "marsh", False),
    # the "or" inside a subject that goes on with a complement is no alternative at the end
    ("or-inside", "It signed the Convention on the Prohibition of Military use.", "climate-use", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in CUTS], ids=[c[0] for c in CUTS])
def test_official_name_cut_before_its_alternative(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(CUT_MATCHER, text)) is expected


def test_cut_is_reported_as_partial() -> None:
    text = "It joined the Convention on Assistance in the Event of a Grid Outage."
    found = CUT_MATCHER.match({"body": text})
    assert [(m.entry, m.kind, m.text) for m in found] == [
        ("outage", "partial", "Convention on Assistance in the Event of a Grid Outage")
    ]


PLACE_ENTRIES = (
    Entry("ternov", "Ternovsk", kind="place"),
    Entry("ternov-sea", "Sea of Ternovsk", kind="place"),
    Entry("balkan", "Balkansk", kind="place"),
)
PLACE_MATCHER = one_list_matcher(PLACE_ENTRIES[::2])
SEA_MATCHER = one_list_matcher(PLACE_ENTRIES[1:2])

PLACES = [
    ("sea-of", PLACE_MATCHER, "Ice formed early in the Sea of Ternovsk this year.", "ternov", False),
    ("gulf-of", PLACE_MATCHER, "Trawlers fished the Gulf of Balkansk in May.", "balkan", False),
    ("town-beside-the-sea", PLACE_MATCHER, "Ternovsk, on the Sea of Okhotsk, froze early.", "ternov", True),
    ("port-of-is-the-town", PLACE_MATCHER, "Cargo passed through the port of Ternovsk.", "ternov", True),
    ("lowercase-feature", PLACE_MATCHER, "the sea of Ternovsk fishermen", "ternov", True),
    ("entry-names-the-sea", SEA_MATCHER, "Ice formed early in the Sea of Ternovsk.", "ternov-sea", True),
]


@pytest.mark.parametrize(
    ("matcher", "text", "entry", "expected"), [c[1:] for c in PLACES], ids=[c[0] for c in PLACES]
)
def test_feature_of_a_place_is_another_place(matcher: Matcher, text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(matcher, text)) is expected


MONGOLIAN_ENTRIES = (
    Entry("city", "Ulaanbaatar", kind="place"),
    Entry("town", "Dashbaatar", kind="place"),
    Entry("person", "Ganbaatar Tsend", kind="person"),
    Entry("talks", "Ulaanbaatar Dialogue on Northeast Asian Security", aliases=("Ulaanbaatar Dialogue",)),
)
MONGOLIAN_MATCHER = one_list_matcher(MONGOLIAN_ENTRIES)

MONGOLIAN = [
    ("apart", "Talks opened in Ulan Bator on Monday.", "city", True),
    ("hyphen", "Talks opened in Ulan-Bator on Monday.", "city", True),
    ("dateline-caps", "ULAN BATOR, May 3 (KCNA) -- The delegation arrived.", "city", True),
    ("run-together", "The delegation flew to Ulanbator.", "city", True),
    ("town-hyphen", "A fair was held in Dash-Bator.", "town", True),
    ("person", "Ganbator Tsend said the talks went well.", "person", True),
    ("in-a-title", "Seoul attended the Ulan Bator Dialogue.", "talks", True),
    ("lowercase-bator", "Talks opened in Ulan bator on Monday.", "city", False),
    ("other-first-part", "Talks opened in Ulgii Bator on Monday.", "city", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in MONGOLIAN], ids=[c[0] for c in MONGOLIAN]
)
def test_mongolian_bator(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MONGOLIAN_MATCHER, text)) is expected


DOCUMENT_ENTRIES = (
    Entry(
        "pact",
        "Treaty of Neutrality between Finland and the Union of Soviet Socialist Republics",
        aliases=("Tanner-Litvinov Pact",),
        kind="treaty",
    ),
    Entry("accord", "Agreement on Principles of the Valley Settlement", aliases=("Darband Agreement",)),
    Entry(
        "reactor",
        "Agreement between the Government of the Russian Federation and the Government of the Republic of"
        " Kazakhstan on Cooperation in the Construction of a Research Reactor on the Territory of the"
        " Republic of Kazakhstan",
        kind="treaty",
    ),
    Entry(
        "summit",
        "Almaty Declaration of the Council of Heads of State of the Steppe Cooperation Organisation",
        aliases=("Almaty Declaration",),
        kind="treaty",
    ),
)
DOCUMENT_MATCHER = one_list_matcher(DOCUMENT_ENTRIES)

DOCUMENTS = [
    # Russia continues the USSR's treaties: a sentence naming only it replaces no party
    ("heir", "Russian historians presented papers on the Tanner-Litvinov Pact.", "pact", True),
    ("heir-and-another", "Japanese and Russian officials spoke of the Tanner-Litvinov Pact.", "pact", False),
    ("plural-head", "Fighting ended with the 1994 Darband accords.", "accord", True),
    ("plural-head-caps", "Fighting ended with the 1994 Darband Agreements.", "accord", True),
    ("short-name-party-twice", "The Kazakh-Russian research reactor agreement was signed.", "reactor", True),
    ("other-party", "The Russian-Uzbek research reactor agreement was signed in 2019.", "reactor", False),
    ("acronym-of-its-body", "The Almaty declaration of SCO leaders condemned sanctions.", "summit", True),
    ("other-body-after", "The Almaty declaration of NATO leaders condemned sanctions.", "summit", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in DOCUMENTS], ids=[c[0] for c in DOCUMENTS]
)
def test_documents_parties_and_heads(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(DOCUMENT_MATCHER, text)) is expected


def test_shch_written_sh() -> None:
    matcher = one_list_matcher((Entry("gov", "Vyacheslav Borishchev", aliases=("Borishchev",)),))
    found = matcher.match({"body": "Governor Viacheslav Borishev said so."})
    assert [(m.entry, m.kind, m.text) for m in found] == [("gov", "translit", "Viacheslav Borishev")]


UNIT_ENTRIES = (
    Entry("isle", "Sohwa Island", kind="place"),
    Entry("prov", "Kangnam Province", kind="place"),
    Entry("county", "Tonghung County", kind="place"),
    Entry("english", "Kings Island", kind="place"),
)
UNIT_MATCHER = one_list_matcher(UNIT_ENTRIES)

UNITS = [
    ("island-do", "Troops landed on Sohwado at dawn.", "isle", True),
    ("island-do-caps", "TROOPS LANDED ON SOHWADO", "isle", True),
    ("province-do", "Floods hit Kangnamdo this week.", "prov", True),
    ("county-gun", "Floods hit Tonghunggun this week.", "county", True),
    ("not-korean", "Ferries left Kingsdo at dawn.", "english", False),
    ("other-unit", "Floods hit Tonghungdo this week.", "county", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in UNITS], ids=[c[0] for c in UNITS])
def test_korean_unit_written_solid(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(UNIT_MATCHER, text)) is expected


KOREAN_BODY_ENTRIES = (
    Entry("band", "Kumhasu Orchestra", kind="organisation"),
    Entry("field", "Pangchon Airfield", kind="place"),
)
KOREAN_BODY_MATCHER = one_list_matcher(KOREAN_BODY_ENTRIES)

KOREAN_BODIES = [
    ("eu-for-u", "The Geumhasu Orchestra gave a concert.", "band", True),
    ("b-for-p", "Jets left Bangcheon Airfield at dawn.", "field", True),
    ("other-syllable", "The Kumhyon Orchestra gave a concert.", "band", False),
    ("other-english-word", "The Geumhasu Choir gave a concert.", "band", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in KOREAN_BODIES], ids=[c[0] for c in KOREAN_BODIES]
)
def test_korean_word_before_an_english_one(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(KOREAN_BODY_MATCHER, text)) is expected


def test_conditions_is_title_vocabulary() -> None:
    entry = Entry(
        "travel",
        "Agreement between the Government of the Russian Federation and the Government of Mongolia on the"
        " Conditions of Mutual Passage of Herders",
        kind="treaty",
    )
    matcher = one_list_matcher((entry,))
    text = "Trips rose under the Russian-Mongolian agreement on mutual passage of herders, the embassy said."
    assert entries_found(matcher, text) == {"travel"}
    assert entries_found(matcher, text.replace("herders", "traders")) == set()


SURNAME_ENTRIES = (
    Entry("a", "Rustam Kholbatov", kind="person"),
    Entry("b", "Oleg Berezhevsky", kind="person"),
    Entry("c", "Ivan Chupriyan", kind="person"),
)
SURNAME_MATCHER = one_list_matcher(SURNAME_ENTRIES)

SURNAMES = [
    ("syllable-inserted", "Rustam Kholburatov spoke at the forum.", "a", False),
    ("syllable-inserted-2", "Oleg Berezhevetsky spoke at the forum.", "b", False),
    ("syllable-dropped", "Ivan Chuprin spoke at the forum.", "c", False),
    ("letter-dropped", "Oleg Berezhevky spoke at the forum.", "b", True),
    ("letters-swapped", "Rustam Kholbatvo spoke at the forum.", "a", True),
    ("letter-doubled", "Ivan Chupriyann spoke at the forum.", "c", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in SURNAMES], ids=[c[0] for c in SURNAMES]
)
def test_a_syllable_more_is_another_surname(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(SURNAME_MATCHER, text)) is expected


def test_shchenko_and_shenko_are_two_families() -> None:
    matcher = one_list_matcher((Entry("k", "Kirill Tishchenko", aliases=("Tishchenko",)),))
    assert entries_found(matcher, "Kirill Tishenko won the stage.") == set()
    assert entries_found(matcher, "Kirill Tischtschenko sprach am Montag.") == {"k"}


def test_place_after_a_document_and_of() -> None:
    places = (Entry("isle", "Sohwa Island", kind="place"), Entry("town", "Darband", kind="place"))
    matcher = one_list_matcher(places)
    assert entries_found(matcher, "The Treaty of Sohwa opened three ports in 1876.") == set()
    assert entries_found(matcher, "The Treaty of Darband was signed in 1920.") == set()
    assert entries_found(matcher, "Delegates met in Darband to sign the treaty.") == {"town"}
    assert entries_found(matcher, "Troops landed on Sohwa Island, the site of the treaty.") == {"isle"}


JAPANESE_ENTRIES = (
    Entry("tsubouchi", "Haruki Tsubouchi", kind="person"),
    Entry("ogasawara", "Ogasawara Mineo", kind="person"),
    Entry("okochi", "Keizo Okochi", kind="person"),
    Entry("kohno", "Kohno Shinji", kind="person"),
    Entry("port", "Wakkanai", kind="place"),
    Entry("li", "Li Qiang", kind="person"),
)
JAPANESE_MATCHER = one_list_matcher(JAPANESE_ENTRIES)

JAPANESE = [
    ("amid-kana", "防衛相の坪内春樹氏は述べた", "tsubouchi", True),
    ("surname-first-entry", "小笠原峰雄副大臣が訪問した", "ogasawara", True),
    ("long-vowels-dropped", "大河内敬三氏が出席した", "okochi", True),
    ("oh-for-long-o", "河野真二氏が出席した", "kohno", True),
    ("doubled-consonant-place", "貨物船が稚内港に入港した", "port", True),
    ("in-english-copy", "Deputy Minister Tsubouchi (坪内春樹) said so.", "tsubouchi", True),
    ("other-given-name", "坪内春男氏が出席した", "tsubouchi", False),
    ("surname-alone", "坪内氏が出席した", "tsubouchi", False),
    ("chinese-still-pinyin", "李强总理会见了代表团", "li", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in JAPANESE], ids=[c[0] for c in JAPANESE]
)
def test_japanese_names_in_kanji(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(JAPANESE_MATCHER, text)) is expected


def test_kanji_mention_reports_its_span_and_kind() -> None:
    found = JAPANESE_MATCHER.match({"body": "防衛相の坪内春樹氏は述べた"})
    expected = [("tsubouchi", "script", "坪内春樹", 4, 8)]
    assert [(m.entry, m.kind, m.text, m.start, m.end) for m in found] == expected


def test_initials_of_the_entrys_words_inside_a_short_name() -> None:
    entry = Entry("pic", "Convention on Prior Informed Consent Procedures", aliases=("Rotterdam Convention",))
    matcher = one_list_matcher((entry,))
    assert entries_found(matcher, "Parties to the Rotterdam PIC Convention met.") == {"pic"}
    assert entries_found(matcher, "Parties to the Rotterdam ABC Convention met.") == set()


def test_a_function_word_may_give_its_letter_to_an_acronym() -> None:
    entry = Entry("mou", "Memorandum of Understanding on Port State Control", aliases=("Goa MOU",))
    matcher = one_list_matcher((entry,))
    assert entries_found(matcher, "Ships were held under the Goa Memorandum of Understanding.") == {"mou"}
    assert entries_found(matcher, "Ships were held under the Goa Memorandum.") == set()


def test_sea_of_one_word_written_with_the_word_first() -> None:
    matcher = one_list_matcher((Entry("sea", "Sea of Ternovsk", kind="place"),))
    assert entries_found(matcher, "Ice formed early on the Ternovsk Sea this year.") == {"sea"}
    assert entries_found(matcher, "Ice formed early on the Ternovsk Lake this year.") == set()


def test_a_sea_in_russian() -> None:
    matcher = one_list_matcher((Entry("sea", "Sea of Ternovsk", kind="place"),))
    assert entries_found(matcher, "Льды появились в Терновском море.") == {"sea"}
    assert entries_found(matcher, "Льды появились в Терновском заливе.") == set()


def test_guillemets_around_a_bodys_proper_name() -> None:
    entry = Entry("plant", "Zenit Izhevsk Radio Plant", aliases=("IRZ Zenit",), kind="organisation")
    matcher = one_list_matcher((entry,))
    assert entries_found(matcher, "Контракт получил ИРЗ «Зенит» в среду.") == {"plant"}
    assert entries_found(matcher, "The contract went to IRZ «Zenit» on Wednesday.") == {"plant"}
    found = matcher.match({"body": "The contract went to IRZ «Zenit» on Wednesday."})
    assert [m.text for m in found] == ["IRZ «Zenit"]


def test_compare_memo_does_not_depend_on_the_order_of_items() -> None:
    """compare's memo is shared by all names: an answer for one name's word must not be reused
    for another name whose word stands elsewhere in it (Jong a surname here, a given name
    there); explain, which compares more, must not change what match finds after it."""
    from monitor.matching import verify

    entries = (
        Entry("surname", "Jong Ryong Sik", kind="person"),
        Entry("given", "Ryu Jong Chol", kind="person"),
    )
    texts = ["Jon Ryong Sik, head coach of the team, said.", "Ryu Jon Chol, the minister, said."]
    results = []
    for explain_first in (False, True):
        verify._MEMO.clear()
        matcher = one_list_matcher(entries)
        if explain_first:
            for text in texts:
                matcher.explain({"body": text})
        results.append({text: entries_found(matcher, text) for text in texts})
    assert results[0] == results[1]
    assert results[0][texts[0]] == set()  # Jon is another family than Jong


def test_korean_place_u_and_o_are_two_places() -> None:
    matcher = one_list_matcher((Entry("unsan", "Unsan County", kind="place"),))
    assert entries_found(matcher, "Farmers in Onsan County harvested rice.") == set()
    assert entries_found(matcher, "Farmers in Unsan-gun harvested rice.") == {"unsan"}


def test_lake_and_numbered_body_either_way_round() -> None:
    entries = (Entry("lake", "Lake Sohung", kind="place"), Entry("unit", "Bureau 414", kind="organisation"))
    matcher = one_list_matcher(entries)
    assert entries_found(matcher, "Ice covered Sohung Lake in January.") == {"lake"}
    assert entries_found(matcher, "Hackers of the 414 Bureau struck again.") == {"unit"}
    assert entries_found(matcher, "Hackers of the 415 Bureau struck again.") == set()


def test_the_admiral_surname_is_a_ship() -> None:
    matcher = one_list_matcher((Entry("p", "Pavel Gorshenin", kind="person"),))
    text = {"title": "Admiral Gorshenin at sea", "body": "Its flagship, the Admiral Gorshenin, sailed."}
    assert {m.entry for m in matcher.match(text)} == set()
    assert entries_found(matcher, "Admiral Gorshenin inspected the fleet on Monday.") == {"p"}


def test_kanji_names_from_many_threads() -> None:
    """One MeCab tagger serves every thread (a Matcher is shared): answers do not mix."""
    from concurrent.futures import ThreadPoolExecutor

    from monitor.matching import japanese

    texts = ["坪内春樹氏は述べた", "小笠原峰雄副大臣", "大河内敬三氏が出席", "稚内港に入港した"] * 25
    japanese.readings.cache_clear()
    expected = [entries_found(JAPANESE_MATCHER, t) for t in texts]
    japanese.readings.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda t: entries_found(JAPANESE_MATCHER, t), texts))
    assert found == expected
    assert expected[:4] == [{"tsubouchi"}, {"ogasawara"}, {"okochi"}, {"port"}]
