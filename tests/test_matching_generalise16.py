"""Generalisation, sixteenth round: Korean places and names in Hangul and without their unit,
on invented names.

A Korean place typed with its English unit (Province, County) is found without it ("in
Tarigang" for Tarigang Province), unless another unit follows (Tarigang District is another
place). A province's half typed in full (North Pomgyong Province) is found as "North
Pomgyong", and a reading without the half is still no match ("South Pomgyong").

In Hangul the unit is glued on as a syllable: 다리강도 is Tarigang Province, 솔남군 Solnam
County; a half's suffix too, 봄경북도 is North Pomgyong (Pomgyong-bukdo), while 봄경남도 is the
southern half. ㄴ before ㄹ is said, and romanised, as ㄹ: 한라 is Halla, so 산라 is
Salla, and the key of a final l before l, r or n is that of n.

A form of address Korean glues to a name (최일동지: Choe Il, comrade) does not lengthen the
name; another given-name syllable still does.
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from monitor.matching.translit import korean_key
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("tar", "Tarigang Province", kind="place"),
    Entry("sol", "Solnam County", kind="place"),
    Entry("npom", "North Pomgyong Province", kind="place"),
    Entry("sal", "Mount Salla", kind="place"),
    Entry("cheil", "Choe Il", kind="person"),
    Entry("other", "Kujong Province", kind="place"),  # (a second province: anchors on the name)
)
MATCHER = one_list_matcher(ENTRIES)

UNITS = [
    ("without-province", "Flooding hit Tarigang last week, KCNA said.", "tar", True),
    ("adjective", "The Tarigang provincial party committee met.", "tar", True),
    ("another-unit", "Flooding hit Tarigang District in the capital.", "tar", False),
    ("half-without-province", "Troops moved through North Pomgyong on Monday.", "npom", True),
    ("other-half", "Troops moved through South Pomgyong on Monday.", "npom", False),
    ("other-half-province", "Troops moved through South Pomgyong Province on Monday.", "npom", False),
    ("hangul-province", "다리강도에서 큰물피해가 났다.", "tar", True),
    ("hangul-county", "솔남군 인민위원회", "sol", True),
    ("hangul-other-unit", "솔남구 주민들", "sol", False),
    ("hangul-half", "봄경북도 당위원회", "npom", True),
    ("hangul-half-glued-particle", "봄경북도에서", "npom", True),
    ("hangul-other-half", "봄경남도 당위원회", "npom", False),
    ("hangul-liquid", "살라산에 올랐다.", "sal", True),
    ("hangul-n-before-l", "산라산에 올랐다.", "sal", True),
    ("hangul-address", "최일동지가 참가하였다.", "cheil", True),
    ("hangul-mister", "최일씨는 말했다.", "cheil", True),
    ("hangul-longer-name", "최일남이 참가하였다.", "cheil", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in UNITS], ids=[c[0] for c in UNITS])
def test_korean_places_without_their_unit_and_in_hangul(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


def test_north_without_province_is_a_partial_reading() -> None:
    found = [m for m in MATCHER.match({"body": "in North Pomgyong on Monday"}) if m.entry == "npom"]
    assert [(m.text, m.kind) for m in found] == [("North Pomgyong", "partial")]
    assert found[0].score < 100


@pytest.mark.parametrize(
    ("said", "written"),
    [("salla", "sanla"), ("chollima", "chonrima"), ("sonnal", "sollal")],
)
def test_n_before_l_keys_as_l_before_l(said: str, written: str) -> None:
    assert korean_key(said) == korean_key(written)


def test_final_l_before_other_consonants_stays() -> None:
    assert korean_key("kalma") != korean_key("kanma")


# Second batch, from blind corpora 31 and 32: each near-miss told apart by the text.
ENTRIES2 = (
    Entry("tao", "Tao Meng", kind="person"),
    Entry("lu", "Lu Yuqing", kind="person"),
    Entry("cmd", "Middle Coastal District", kind="place"),
    Entry("ilv", "Pavel Ilyichov", aliases=("Ilyichov",), kind="person"),
    Entry("dit", "Boris Ditrikh", aliases=("Ditrikh",), kind="person"),
    Entry(
        "cci",
        "Chamber of Trade and Crafts of the Russian Federation",
        aliases=("Russian Chamber of Trade and Crafts",),
        kind="organisation",
    ),
    Entry("cprf", "Committee for the Peaceful Renewal of the Country", kind="organisation"),
    Entry("fb", "Korea-Russia Friendship Tunnel", kind="place"),
    Entry("tt", "Treaty between Russia and Korea on the Threshold Fishing Limits", kind="treaty"),
    Entry("gha", "Kazem Tabrizabadi", aliases=("Tabrizabadi",), kind="person"),
    Entry(
        "csp",
        "Treaty on Comprehensive Strategic Partnership between Korea and Russia",
        aliases=("Comprehensive Strategic Partnership Treaty",),
        kind="treaty",
    ),
)
MATCHER2 = one_list_matcher(ENTRIES2)

NEAR_MISSES = [
    ("chinese-reversed", "Entrepreneur Meng Tao, founder of a seafood firm, spoke.", "tao", False),
    ("chinese-as-written", "Vice-governor Tao Meng spoke.", "tao", True),
    ("other-pinyin", "Governor Lu Yuping inaugurated the plant.", "lu", False),
    ("pinyin-typo", "Governor Lu Yuqnig inaugurated the plant.", "lu", True),
    ("other-compass-adjective", "The Eastern Coastal District said the flights were planned.", "cmd", False),
    ("own-compass-adjective", "The Middle Coastal District said the flights were planned.", "cmd", True),
    ("patronymic-cut-short", "a portrait of Pavel Ilyich in the hall", "ilv", False),
    ("surname-typo", "Pavel Ilyichiv said so.", "ilv", True),
    ("german-ich-spelling", "Boris Dietrich said so.", "dit", True),
    ("regional-body", "The Chamber of Trade and Crafts of Primorsky Krai opened an office.", "cci", False),
    ("national-body", "The Chamber of Trade and Crafts of Russia presented its office.", "cci", True),
    ("of-the-country", "The Committee for Peaceful Renewal of the Country issued a statement.", "cprf", True),
    ("hyphen-in-surname", "Deputy minister Kazem Tabriz-Abadi met the envoy.", "gha", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in NEAR_MISSES], ids=[c[0] for c in NEAR_MISSES]
)
def test_near_misses_the_text_tells_apart(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER2, text)) is expected


def test_a_bilateral_place_read_from_common_words_needs_its_parties_in_the_item() -> None:
    elsewhere = "Lorries queue at both ends of the Friendship Tunnel under the Mekong, Thai customs said."
    assert "fb" not in entries_found(MATCHER2, elsewhere)
    ours = "Freight trains crossed the Friendship Tunnel from Russia into North Korea on Monday."
    assert "fb" in entries_found(MATCHER2, ours)
    # a document is read without its parties, in common words too
    assert "tt" in entries_found(MATCHER2, "Both sides observe the Threshold Fishing Limits Treaty.")
    assert "csp" in entries_found(MATCHER2, "The comprehensive strategic partnership treaty was ratified.")


# Third batch, from blind corpus 33: a place word named as something else, by the text.
ENTRIES3 = (
    Entry("bai", "Tarkhan Cosmodrome", aliases=("Tarkhan",), kind="place"),
    Entry("kam", "Emi Sorakawa", aliases=("Sorakawa",), kind="person"),
    Entry("uni", "Ri Kwang Sop University", kind="organisation"),
)
MATCHER3 = one_list_matcher(ENTRIES3)

NAMED_SO = [
    ("club-prefix", "First League leaders FC Tarkhan dropped points.", "bai", False),
    ("restaurant-appositive", "Review. Tarkhan, a themed restaurant on Prospekt Mira, opened.", "bai", False),
    ("town-appositive", "The rocket lifted off from Tarkhan, a town on the steppe.", "bai", True),
    ("place-unit-after-surname", "The ropeway in Sorakawa town is busiest in September.", "kam", False),
    ("the-place-all-through", "Buses leave Sorakawa town at nine. Sorakawa is cold.", "kam", False),
    ("person-named-too", "Minister Emi Sorakawa visited Sorakawa town. Sorakawa said so.", "kam", True),
    ("surname-alone", "Sorakawa said the talks went well.", "kam", True),
    ("inserted-subject", "A ceremony at Ri Kwang Sop Military University took place.", "uni", False),
    ("university-itself", "Students of Ri Kwang Sop University marched.", "uni", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in NAMED_SO], ids=[c[0] for c in NAMED_SO]
)
def test_a_place_word_named_as_something_else(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER3, text)) is expected


# Fourth batch: cues of case and office, from blind corpora 31 and 33.
ENTRIES4 = (
    Entry("trv", "Andrei Vostrikov", aliases=("Vostrikov",), kind="person"),
    Entry("ush", "Yuri Tolmachev", aliases=("Tolmachev",), kind="person"),
    Entry("bog", "Mikhail Sorogin", kind="person"),
    Entry(
        "ext",
        "Treaty on Extradition between Korea and Laos",
        aliases=("Korea-Laos extradition treaty",),
        kind="treaty",
    ),
    Entry("cmp", "Camp Pellings", kind="place"),
    Entry("agf", "Agreed Framework", kind="treaty"),
)
MATCHER4 = one_list_matcher(ENTRIES4)

CUES = [
    (
        "office-beats-namesake",
        "Governor Vostrikov opened a road. Coach Mikhail Vostrikov, no relation, was fired.",
        "trv",
        True,
    ),
    ("namesake-only", "Coach Mikhail Vostrikov was fired. Vostrikov said nothing.", "trv", False),
    (
        "rank-names-a-ship",
        "The frigate Admiral Tolmachev sailed, named after the admiral Fyodor Tolmachev.",
        "ush",
        False,
    ),
    ("abbreviated-office", "Deputy FM Sorogin met the envoy.", "bog", True),
    ("lowercase-abbreviation", "The talks ended at 5 pm Sorogin said.", "bog", False),
    ("all-caps-cable", "HE SIGNED THE KOREA-LAOS EXTRADITION TREATY ON BEHALF OF HIS STATE.", "ext", True),
    ("raw-captions", "[Raw captions]\nhost: then the usfk stuff at camp pellings the change", "cmp", True),
    ("lowercase-prose", "Officials said the agreed framework would be reviewed every year.", "agf", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in CUES], ids=[c[0] for c in CUES])
def test_cues_of_case_and_office(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER4, text)) is expected


def test_a_capitalised_word_broken_by_a_bare_line_break() -> None:
    matcher = one_list_matcher((Entry("krv", "Sergei Dravchuk", kind="person"),))
    assert "krv" in entries_found(matcher, "Senator Sergei Drav\nchuk arrived in Pyongyang.")
    assert "krv" in entries_found(matcher, "Senator Sergei Drav\r\nchuk arrived in Pyongyang.")
    # a lowercase word after a line break is the next word, not the name's rest
    assert "krv" not in entries_found(matcher, "Sergei Drav\nand others arrived.")


@pytest.mark.parametrize(("initial", "expected"), [("Zh.", True), ("J.", True), ("B.", False)])
def test_a_cyrillic_digraph_initial_for_a_latin_given_name(initial: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("kul", "Jeenbek Tulubaev", aliases=("Tulubaev",), kind="person"),))
    assert ("kul" in entries_found(matcher, f"{initial} Tulubaev chaired the meeting.")) is expected


DEALS = [
    ("capitalised-deal", "The Tarkhan Readmission deal took effect.", True),
    ("lowercase-agreement", "EU, U.S. aviation tarkhan readmission agreement faces review", True),
    ("lowercase-any-deal", "EU, U.S. aviation tarkhan readmission deal faces review", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DEALS], ids=[c[0] for c in DEALS])
def test_a_deal_is_an_agreement_when_it_names_one(text: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (Entry("rdm", "Tarkhan Readmission Agreement", kind="treaty"),)
    )
    assert ("rdm" in entries_found(matcher, text)) is expected


def test_a_sovereign_title_before_a_place_word_names_the_ruler() -> None:
    matcher = one_list_matcher((Entry("snd", "Sondok Airfield", aliases=("Sondok",), kind="place"),))
    assert "snd" not in entries_found(matcher, "The tomb of Queen Seondeok is near. Seondeok was wise.")
    assert "snd" in entries_found(matcher, "Fighters took off from Sondok on Monday.")


def test_an_armistice_agreement_is_also_named_without_agreement() -> None:
    matcher = one_list_matcher((Entry("arm", "Tarkhan Armistice Agreement", kind="treaty"),))
    found = [m for m in matcher.match({"body": "Since the 1953 Tarkhan Armistice the line held."})]
    assert [(m.text, m.kind) for m in found] == [("Tarkhan Armistice", "partial")]
    assert "arm" not in entries_found(matcher, "Since the Tarkhan War the line held.")


def test_a_handle_joins_a_name_with_an_underscore() -> None:
    matcher = one_list_matcher(
        (
            Entry("xhm", "Xing Haimeng", kind="person"),
            Entry("uly", "Mikhail Ulyakin", aliases=("Ulyakin",), kind="person"),
        )
    )
    assert "xhm" in entries_found(matcher, "RT @Xing_Haimeng: the talks went well")
    # an abbreviated office glued on is no other first name
    assert "uly" in entries_found(matcher, "@Amb_Ulyakin posted a photo of the talks.")


# Fifth batch, from blind corpora 34 and 36.
ENTRIES5 = (
    Entry("jia", "Ki'an", kind="place"),
    Entry("ufd", "United Front Department of the WPK Central Committee", kind="organisation"),
    Entry("mag", "Magomedsalam Tarkhanov", kind="person"),
    Entry("kgh", "Treaty of Ganghwa", aliases=("Ganghwa Treaty",), kind="treaty"),
    Entry("ott", "Ottawa Convention", kind="treaty"),
)
MATCHER5 = one_list_matcher(ENTRIES5)

BATCH5 = [
    ("as-typed", "Trade through Ki'an rose in May.", "jia", True),
    ("one-character", "何立峰会见朝鲜内阁副总理", "jia", False),
    ("a-department-of", "Ryang Kyong Chol, head of a department of the WPK Central Committee.", "ufd", False),
    ("the-department", "The United Front Department of the WPK Central Committee said so.", "ufd", True),
    ("long-start-is-a-name", "State Duma deputy Magomed Tarkhanov attended.", "mag", False),
    ("korean-key-in-a-title", "The Kanghwa Treaty of 1876 opened Korean ports.", "kgh", True),
    ("typo-in-a-treaty-place", "The Ottowa Convention bans anti-personnel mines.", "ott", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in BATCH5], ids=[c[0] for c in BATCH5])
def test_fifth_batch(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER5, text)) is expected


def test_a_month_abbreviation_is_no_name() -> None:
    matcher = one_list_matcher((Entry("jan", "Ji'an", kind="place"),))
    assert "jan" not in entries_found(matcher, "BEIJING, Jan 8 (Reuters) - China said.")
    assert "jan" in entries_found(matcher, "Trade through Ji'an rose.")


def test_a_listed_surname_of_two_korean_looking_syllables_matches_alone() -> None:
    # (only a one-syllable Korean surname, Kim or Pak, never matches alone)
    matcher = one_list_matcher((Entry("sgu", "Yoshihiko Sugo", aliases=("Sugo",), kind="person"),))
    assert "sgu" in entries_found(matcher, "Sugo said on Monday that talks would continue.")
    assert "sgu" not in entries_found(matcher, "Take the Toei line to the Sugo Shrine stairs.")


BATCH6 = [
    ("lowercase-with-country", "Did the insistence on a united Mongolia cost them the war?", "utr", False),
    ("capitalised", "United Mongolia won the vote in the Khural.", "utr", True),
    ("two-names-listed", "The Rebuilding Korea Party and the Social Democratic Party spoke.", "ksd", False),
    ("the-party", "The Korean Social Democratic Party spoke.", "ksd", True),
    ("hashtag-after-locative", "Fog in #Vorkutomorsk. The destroyer named Vorkutomorsk is out.", "vor", True),
    ("ship-all-through", "The destroyer named Vorkutomorsk is away. Vorkutomorsk sails on.", "vor", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in BATCH6], ids=[c[0] for c in BATCH6])
def test_sixth_batch(text: str, entry: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (
            Entry("utr", "United Mongolia", kind="organisation"),
            Entry("ksd", "Korean Social Democratic Party", kind="organisation"),
            Entry("vor", "Vorkutomorsk", kind="place"),
        )
    )
    assert (entry in entries_found(matcher, text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Caspian Sea Convention was signed in Aktau.", True),
        ("The Caspian Convention was signed in Aktau.", True),
        ("The Caspian Oil Convention was signed in Aktau.", False),
    ],
)
def test_a_word_of_the_full_name_inside_the_short_one(text: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (
            Entry(
                "csc",
                "Convention on the Legal Status of the Caspian Sea",
                aliases=("Caspian Convention",),
                kind="treaty",
            ),
        )
    )
    assert ("csc" in entries_found(matcher, text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flights to Ulan-Bator resumed on Monday.", True),
        ("УЛАН-БАТОР, 3 мая.", True),
        ("Flights to Ulanbator resumed on Monday.", True),
    ],
)
def test_two_hyphenated_halves_are_one_word_typo_and_all(text: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("ulb", "Ulaanbaatar", kind="place"),))
    assert ("ulb" in entries_found(matcher, text)) is expected



BATCH7 = [
    ("lacks-a-subject", "Students of Ri Kwang Sop University marched.", "mil", False),
    ("own-name", "Cadets of Ri Kwang Sop Military University marched.", "mil", True),
    ("lacks-science", "The Technology Commission said so.", "scs", False),
    ("typo-in-subject", "The State Commission of Sceince and Technology said so.", "scs", True),
    ("dash-before-the", '"Kim Un Gok\u2014the coach behind the record!" one fan wrote.', "kug", True),
    ("given-name-goes-on", "Kim Un Gok-chol, another lifter, won.", "kug", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in BATCH7], ids=[c[0] for c in BATCH7])
def test_seventh_batch(text: str, entry: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (
            Entry("mil", "Ri Kwang Sop Military University", kind="organisation"),
            Entry("scs", "State Commission of Science and Technology", kind="organisation"),
            Entry("kug", "Kim Un Gok", kind="person"),
        )
    )
    assert (entry in entries_found(matcher, text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Newly promoted Tarin Yatai lost 3-1 at home.", False),
        ("Trade through Tarin rose in May.", True),
        ("The Tarin Provincial Party Committee met.", True),
    ],
)
def test_a_place_without_its_unit_before_another_capitalised_name_word(text: str, expected: bool) -> None:
    matcher = one_list_matcher(
        (Entry("trn", "Tarin Province", kind="place"), Entry("oth", "Sokam Province", kind="place"))
    )
    assert ("trn" in entries_found(matcher, text)) is expected


def test_a_place_read_without_its_unit_is_found_where_another_unit_word_stands() -> None:
    matcher = one_list_matcher((Entry("pip", "Pipa Island", kind="place"),))
    assert "pip" in entries_found(matcher, "A boat left for Pipa Islet, a few kilometres offshore.")
