"""Generalisation, eighteenth round, on invented names.

A Chinese given name's last syllable with a letter added or dropped that still spells a
pinyin syllable is another syllable, so another person (Meiyang is not Meiyan, Jiabao not
Jiabo); a letter added or dropped where no syllable reads so, or inside an earlier syllable,
stays a typo (Jinpnig, Jingping).
"""

from __future__ import annotations

import pytest

from monitor.matching.ruleset import Entry
from monitor.matching.verify import other_pinyin
from tests.support.matchers import entries_found, one_list_matcher

PINYIN_ENTRIES = (
    Entry("tao", "Tao Meiyan", kind="person"),
    Entry("gu", "Gu Jiabo", kind="person"),
    Entry("qiu", "Qiu Jinping", kind="person"),
)
PINYIN_MATCHER = one_list_matcher(PINYIN_ENTRIES)

LAST = [
    ("exact", "Vice-governor Tao Meiyan spoke.", "tao", True),
    ("final-g-added", "Vice-governor Tao Meiyang spoke.", "tao", False),
    ("vowel-added", "Researcher Gu Jiabao spoke.", "gu", False),
    ("letter-dropped-into-syllable", "Researcher Gu Jiab spoke.", "gu", True),
    ("letter-added-no-syllable", "Vice-governor Tao Meiyanr spoke.", "tao", True),
    ("swapped", "Vice-governor Tao Meiayn spoke.", "tao", True),
    ("earlier-syllable", "Mayor Qiu Jingping spoke.", "qiu", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in LAST], ids=[c[0] for c in LAST])
def test_chinese_given_name_last_syllable(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(PINYIN_MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("word", "name_word", "expected"),
    [
        ("meiyang", "meiyan", True),
        ("meiyan", "meiyang", True),
        ("jiabao", "jiabo", True),
        ("jingping", "jinping", False),
        ("meiayn", "meiyan", False),
        ("hongzhang", "hongzhong", True),
    ],
)
def test_other_pinyin(word: str, name_word: str, expected: bool) -> None:
    assert other_pinyin(word, name_word) is expected


# Older Western "ack" in a Korean given name's syllable is "ak" as well as "aek" (the key's
# reading, Back = Baek); the surname keeps the one reading (Back is Paek, not Pak).
ACK_ENTRIES = (
    Entry("hak", "Son Chol Hak", kind="person"),
    Entry("paek", "Paek Un Gil", kind="person"),
    Entry("pak", "Pak Un Gil", kind="person"),
)
ACK_MATCHER = one_list_matcher(ACK_ENTRIES)

ACK = [
    ("given-ack-for-ak", "Director Son Chol Hack inspected the mine.", "hak", True),
    ("given-exact", "Director Son Chol Hak inspected the mine.", "hak", True),
    ("surname-ack-is-paek", "Director Back Un Gil inspected the mine.", "paek", True),
    ("surname-ack-not-pak", "Director Back Un Gil inspected the mine.", "pak", False),
    ("given-other-syllable", "Director Son Chol Hyack inspected the mine.", "hak", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in ACK], ids=[c[0] for c in ACK])
def test_older_western_ack_in_a_given_name(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(ACK_MATCHER, text)) is expected


# OCR misreads in a Korean name: rn for m (Kirn for Kim, Narn for Nam), a capital II for the
# syllable Il after a word in small letters. Elsewhere they are other words.
OCR_ENTRIES = (
    Entry("kim", "Kim Tae Sop", kind="person"),
    Entry("nam", "Jo Chol Nam", kind="person"),
    Entry("il", "Pae Song Il", kind="person"),
    Entry("bum", "Ha Bum Gyu", kind="person"),
)
OCR_MATCHER = one_list_matcher(OCR_ENTRIES)

OCR = [
    ("rn-in-surname", "Chairman Kirn Tae Sop arrived.", "kim", True),
    ("rn-in-given-name", "Chairman Jo Chol Narn arrived.", "nam", True),
    ("rn-in-middle", "Chairman Ha Burn Gyu arrived.", "bum", True),
    ("rn-other-syllable", "Chairman Jo Chol Norn arrived.", "nam", False),
    ("ii-for-il", "Chairman Pae Song II arrived.", "il", True),
    ("ii-in-capitals", "CHAIRMAN PAE SONG II ARRIVED.", "il", False),
    ("ii-lowercase", "chairman pae song ii arrived.", "il", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in OCR], ids=[c[0] for c in OCR])
def test_ocr_misreads_in_a_korean_name(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(OCR_MATCHER, text)) is expected


# A Korean syllable of two letters with its last letter doubled into no syllable is a slip
# (Ill for Il); a letter added to a longer syllable into no syllable too (Nams for Nam), not
# into another syllable (Nang).
SLIP_ENTRIES = (
    Entry("il", "Yang Tae Il", kind="person"),
    Entry("nam", "So Chol Nam", kind="person"),
    Entry("un", "Ma Tae Un", kind="person"),
)
SLIP_MATCHER = one_list_matcher(SLIP_ENTRIES)

SLIP = [
    ("two-letters-doubled", "General Yang Tae Ill spoke.", "il", True),
    ("two-letters-other-letter", "General Yang Tae Im spoke.", "il", False),
    ("two-letters-doubled-into-syllable", "General Ma Tae Unn spoke.", "un", True),
    ("added-into-no-syllable", "Minister So Chol Nams delegation left.", "nam", True),
    ("added-into-another-syllable", "Minister So Chol Nang spoke.", "nam", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in SLIP], ids=[c[0] for c in SLIP])
def test_slip_into_no_syllable(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(SLIP_MATCHER, text)) is expected


# An acronym alias spelled out in the entry's own words, but running on into a longer name in
# capitalised words not the entry's: another body. A headline capitalised throughout may not.
RUN_ON_ENTRIES = (Entry("kopo", "Korea Port Operation Agency", aliases=("KOPO",), kind="organisation"),)
RUN_ON_MATCHER = one_list_matcher(RUN_ON_ENTRIES)

RUN_ON = [
    ("spelled-out", "Officials of Korea Port said on Monday.", True),
    ("runs-on", "Korea Port Insurance Corporation said on Monday it would cut fees.", False),
    ("runs-on-own-word", "Korea Port Operation said on Monday it would cut fees.", True),
    ("headline", "Korea Port Insurance Corporation Opens Office", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in RUN_ON], ids=[c[0] for c in RUN_ON])
def test_spelled_out_acronym_running_on(text: str, expected: bool) -> None:
    assert ("kopo" in entries_found(RUN_ON_MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ministry of Coastal and Environmental Protection said.", True),
        ("The Ministry of Coastal and Environment Protection said.", True),
        ("The Ministry of Coastal Protection said.", False),
    ],
)
def test_adjective_in_al_is_a_derived_word(text: str, expected: bool) -> None:
    entry = Entry("m", "Ministry of Coastal and Environment Protection", kind="organisation")
    matcher = one_list_matcher((entry,))
    assert ("m" in entries_found(matcher, text)) is expected


# A capital names its country as a document's party when paired with another party by a
# hyphen or by "between ... and"; alone it is the city.
CAPITAL_ENTRIES = (
    Entry(
        "fish",
        "Agreement between the Republic of Korea and Mongolia on Cooperation in Fisheries",
        kind="treaty",
    ),
)
CAPITAL_MATCHER = one_list_matcher(CAPITAL_ENTRIES)

CAPITALS_AS_PARTIES = [
    ("between", "The agreement on cooperation in fisheries between Seoul and Ulaanbaatar was renewed.", True),
    ("hyphen", "The Seoul-Ulaanbaatar agreement on cooperation in fisheries was renewed.", True),
    ("countries", "The agreement on cooperation in fisheries between South Korea and Mongolia ended.", True),
    ("other-country-after", "After the Seoul-Ulaanbaatar fisheries agreement, a deal with Peru is due", True),
    ("other-parties", "The Tokyo-Ulaanbaatar agreement on cooperation in fisheries was renewed.", False),
    ("city-alone", "An agreement on cooperation in fisheries was signed in Seoul.", False),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CAPITALS_AS_PARTIES], ids=[c[0] for c in CAPITALS_AS_PARTIES]
)
def test_capitals_as_a_documents_parties(text: str, expected: bool) -> None:
    assert ("fish" in entries_found(CAPITAL_MATCHER, text)) is expected


# k, m, n or l added or dropped right before a Russian surname's suffix makes another
# family's name (Lapin, Lapkin); other letters there stay a slip (a dropped r of the stem,
# the h of kh).
SUFFIX_ENTRIES = (
    Entry("lapkin", "Gleb Lapkin", kind="person"),
    Entry("sorin", "Taras Sorin", kind="person"),
    Entry("vetrov", "Ilya Vetrov", kind="person"),
    Entry("rukhin", "Oleg Rukhin", kind="person"),
)
SUFFIX_MATCHER = one_list_matcher(SUFFIX_ENTRIES)

SUFFIX = [
    ("k-dropped", "Deputy minister Gleb Lapin spoke.", "lapkin", False),
    ("k-added", "Deputy minister Taras Sorkin spoke.", "sorin", False),
    ("m-added", "Deputy minister Taras Sormin spoke.", "sorin", False),
    ("stem-letter-dropped", "Deputy minister Ilya Vetov spoke.", "vetrov", True),
    ("h-dropped", "Deputy minister Oleg Rukin spoke.", "rukhin", True),
    ("swapped", "Deputy minister Gleb Lapkni spoke.", "lapkin", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in SUFFIX], ids=[c[0] for c in SUFFIX])
def test_consonant_before_a_russian_surname_suffix(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(SUFFIX_MATCHER, text)) is expected


# Uzbek and Kazakh Latin: q is k, x is kh, gh is g, j is dzh, a stem's o is Russian a or (o')
# u; the surname's -ov stays.
TURKIC_ENTRIES = (
    Entry("tokhtarov", "Rustam Tokhtarov", kind="person"),
    Entry("gulamov", "Farrukh Gulamov", kind="person"),
    Entry("kabilov", "Sherzod Kabilov", kind="person"),
    Entry("kuldashev", "Anvar Kuldashev", kind="person"),
)
TURKIC_MATCHER = one_list_matcher(TURKIC_ENTRIES)

TURKIC = [
    ("x-and-o", "Minister Rustam Toxtarov arrived.", "tokhtarov", True),
    ("final-x", "Minister Farrux Gulamov arrived.", "gulamov", True),
    ("q-and-o-for-a", "Minister Sherzod Qobilov arrived.", "kabilov", True),
    ("o-apostrophe-for-u-and-q", "Minister Anvar Qo'ldashev arrived.", "kuldashev", True),
    ("another-surname", "Minister Rustam Xolmatov arrived.", "tokhtarov", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in TURKIC], ids=[c[0] for c in TURKIC])
def test_uzbek_and_kazakh_latin(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(TURKIC_MATCHER, text)) is expected


# A Korean surname changed into another one-syllable surname is another family (Pak is not
# Paek); a South Korean city named after a comma and a verb of saying is the source, not the
# place's location; Chinese characters hold no middle name.
FAMILY_ENTRIES = (
    Entry("paek", "Paek Chang Ho", kind="person"),
    Entry("kang", "Kang Sol Mi", kind="person"),
    Entry("unsan", "Unsan County", kind="place"),
    Entry("zhang", "Zhang Yanfei", kind="person"),
)
FAMILY_MATCHER = one_list_matcher(FAMILY_ENTRIES)

FAMILY = [
    ("surname-other-syllable", "Vice-minister Pak Chang Ho spoke.", "paek", False),
    ("surname-swapped", "Vice-minister Peak Chang Ho spoke.", "paek", True),
    ("surname-dropped-into-other", "Vice-minister Kag Sol Mi spoke.", "kang", False),
    ("source-after-comma", "A missile was fired from Unsan County, Seoul says.", "unsan", True),
    ("location-after-comma", "Farmers in Unsan County, Seoul, protested.", "unsan", False),
    ("han-name", "外交部副部长张彦飞会见大使", "zhang", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in FAMILY], ids=[c[0] for c in FAMILY])
def test_korean_family_names_and_sources(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(FAMILY_MATCHER, text)) is expected


def test_no_middle_name_between_chinese_characters() -> None:
    # explain tries every word: 长 (zhang, of 部长) is no surname before a middle name 张
    explained = FAMILY_MATCHER.explain({"body": "外交部副部长张彦飞会见大使"})
    assert [m.text for m in explained.matches if m.entry == "zhang"] == ["张彦飞"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Coastal Rocket Troops Command held drills.", True),
        ("The Coastal Missile Troops Command held drills.", True),
        ("The Coastal Artillery Troops Command held drills.", False),
    ],
)
def test_rocket_and_missile_translate_one_word(text: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("crt", "Coastal Missile Troops Command", kind="organisation"),))
    assert ("crt" in entries_found(matcher, text)) is expected


# Pinyin ü after l or n, typed yu or v (Lyu, Lv for Lü, folded Lu); not with more letters.
UMLAUT = [
    ("yu", "Governor Lyu Haoming spoke.", True),
    ("v", "Governor Lv Haoming spoke.", True),
    ("folded", "Governor Lü Haoming spoke.", True),
    ("other-syllable", "Governor Lyun Haoming spoke.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in UMLAUT], ids=[c[0] for c in UMLAUT])
def test_pinyin_u_umlaut(text: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("lu", "Lu Haoming", kind="person"),))
    assert ("lu" in entries_found(matcher, text)) is expected


# Mongolian full names: the father's name in the genitive, then the given name (the usual
# order, not a reordering), in Latin or Mongolian Cyrillic (ө and ү are u); the genitive
# alone, with no given name after it, is no such form.
MONGOLIAN_ENTRIES = (
    Entry("batbold", "Batbold Dorjsuren", kind="person"),
    Entry("erdene", "Erdene Gombodamba", kind="person"),
)
MONGOLIAN_MATCHER = one_list_matcher(MONGOLIAN_ENTRIES)

MONGOLIAN = [
    ("genitive-giin", "Dorjsurengiin Batbold met the delegation.", True),
    ("genitive-iin", "Dorjsureniin Batbold met the delegation.", True),
    ("cyrillic", "Доржсүрэнгийн Батболд met the delegation.", True),
    ("genitive-alone", "Dorjsurengiin met the delegation.", False),
    ("western-order", "Batbold Dorjsuren met the delegation.", True),
    ("other-given-name", "Dorjsureniin Ganbold met the delegation.", False),
]
MN_VOWEL = [
    ("vowel-gives-way", "Gombodambyn Erdene met the delegation.", True),
    ("western-order", "Erdene Gombodamba met the delegation.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MN_VOWEL], ids=[c[0] for c in MN_VOWEL])
def test_mongolian_genitive_after_a_final_vowel(text: str, expected: bool) -> None:
    assert ("erdene" in entries_found(MONGOLIAN_MATCHER, text)) is expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MONGOLIAN], ids=[c[0] for c in MONGOLIAN])
def test_mongolian_genitive_patronymic_first(text: str, expected: bool) -> None:
    assert ("batbold" in entries_found(MONGOLIAN_MATCHER, text)) is expected


def test_mongolian_o_folds_to_u() -> None:
    from monitor.matching.normalize import Text

    assert Text.of("Мөнхбат").words == ["munkhbat"]


# Mongolian usage writes the father's name's initial before the given name (Ts. Batbold, in
# Cyrillic Ц.Батболд); not for a Russian given name (P. Vladimir), nor another initial.
FATHER_ENTRIES = (
    Entry("batbold", "Batbold Tsogzolmaa", kind="person"),
    Entry("putin", "Vladimir Putin", kind="person"),
)
FATHER_MATCHER = one_list_matcher(FATHER_ENTRIES)

FATHER = [
    ("latin", "Minister Ts. Batbold met the delegation.", "batbold", True),
    ("cyrillic", "Министр Ц.Батболд met the delegation.", "batbold", True),
    ("other-initial", "Minister D. Batbold met the delegation.", "batbold", False),
    ("russian-given-name", "Bishop P. Vladimir met the delegation.", "putin", False),
    ("given-initial", "President V. Putin met the delegation.", "putin", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in FATHER], ids=[c[0] for c in FATHER])
def test_father_initial_before_the_given_name(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(FATHER_MATCHER, text)) is expected


def test_a_name_written_in_its_own_case_is_no_lowercase_phrase() -> None:
    # Sino- is a demonym, -ri lowercase: as the analyst typed it, it is the place's name
    matcher = one_list_matcher((Entry("sr", "Pino-ri base", aliases=("Sino-ri",), kind="place"),))
    assert "sr" in entries_found(matcher, "New imagery shows vehicles at a shelter at Sino-ri.")


# Kazakh surnames in -uly ("son of") and -kyzy/-qyzy ("daughter of") are the Russian -ov/-ev
# and -ova/-eva forms.
KAZAKH_ENTRIES = (
    Entry("zhaksylykov", "Yerlan Zhaksylykov", kind="person"),
    Entry("baimukhanova", "Aigerim Baimukhanova", kind="person"),
)
KAZAKH_MATCHER = one_list_matcher(KAZAKH_ENTRIES)

KAZAKH = [
    ("uly", "Deputy Yerlan Zhaksylykuly spoke.", "zhaksylykov", True),
    ("kyzy", "Deputy Aigerim Baimukhankyzy spoke.", "baimukhanova", True),
    ("qyzy", "Deputy Aigerim Baimukhanqyzy spoke.", "baimukhanova", True),
    ("other-stem", "Deputy Yerlan Zhaksybekuly spoke.", "zhaksylykov", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in KAZAKH], ids=[c[0] for c in KAZAKH])
def test_kazakh_surname_endings(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(KAZAKH_MATCHER, text)) is expected


# A bare Korea (Korean) among a document's parties is the entry's one Korea (Russian and
# Soviet usage: the Russian-Korean agreement), unless the field names only the other Korea.
KOREA_ENTRIES = (
    Entry(
        "rail",
        "Agreement between the Government of the Russian Federation and the Government of the "
        "Democratic People's Republic of Korea on Railway Transport",
        kind="treaty",
    ),
)
KOREA_MATCHER = one_list_matcher(KOREA_ENTRIES)

BARE_KOREA = [
    ("adjectival", "The Russian-Korean intergovernmental agreement on railway transport took effect.", True),
    ("nouns", "The Russia-Korea agreement on railway transport took effect.", True),
    ("north-named", "North Korea said the Russia-Korea agreement on railway transport took effect.", True),
    ("south-only", "South Korea said the Russia-Korea agreement on railway transport took effect.", False),
    ("other-party", "The Russia-Mongolia agreement on railway transport took effect.", False),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BARE_KOREA], ids=[c[0] for c in BARE_KOREA])
def test_bare_korea_as_a_party(text: str, expected: bool) -> None:
    assert ("rail" in entries_found(KOREA_MATCHER, text)) is expected


# A reordered reading with "of" and another owner inside it is that owner's body: the General
# Staff of KPA ... Russian is not the Russian General Staff.
OWNER_ENTRIES = (
    Entry(
        "staff",
        "General Staff of the Armed Forces of the Russian Federation",
        aliases=("Russian General Staff",),
        kind="organisation",
    ),
)
OWNER_MATCHER = one_list_matcher(OWNER_ENTRIES)

OWNER = [
    ("headline-other-owner", "Chief of General Staff of KPA Receives Russian Delegation", False),
    ("headline-own", "Chief of Russian General Staff Receives KPA Delegation", True),
    ("reordered-own", "The General Staff of the Russian armed forces issued orders.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in OWNER], ids=[c[0] for c in OWNER])
def test_other_owner_inside_a_reordered_reading(text: str, expected: bool) -> None:
    assert ("staff" in entries_found(OWNER_MATCHER, text)) is expected


# In lowercase, an intergovernmental agreement with all the title's own words is the watched
# one when its sentence names the parties (and no other country); not otherwise.
BEES = Entry(
    "bees",
    "Agreement between the Government of the Russian Federation and the Government of the "
    "Democratic People's Republic of Korea on Cooperation in the Field of Mass Apiculture",
    kind="treaty",
)

_APICULTURE = "an intergovernmental agreement on cooperation in the field of mass apiculture"
INTERGOVERNMENTAL = [
    ("parties-named", f"Russia and the DPRK have now signed {_APICULTURE}.", True),
    ("other-country", f"Russia and Laos have now signed {_APICULTURE}.", False),
    ("no-parties", f"Officials said {_APICULTURE} took effect.", False),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in INTERGOVERNMENTAL], ids=[c[0] for c in INTERGOVERNMENTAL]
)
def test_intergovernmental_agreement_in_lowercase(text: str, expected: bool) -> None:
    assert ("bees" in entries_found(one_list_matcher((BEES,)), text)) is expected


# An acronym word in a name takes no typo (NPFC is not NPAFC); a Russian surname without its
# -ov/-ev is the given name it is formed on (Yerofey, Yerofeyev), and -chenko is another
# family than -enko; a title reading short of words whose misspelt last word runs on into
# another capitalised word is another title.
SUFFIX2_ENTRIES = (
    Entry("npcfc", "NPCFC Convention", kind="treaty"),
    Entry("timofeyev", "Timofeyev", kind="person"),
    Entry("sidorenko", "Sidorenko", kind="person"),
    Entry(
        "smuggling",
        "International Convention for the Suppression of the Financing of Extremism",
        kind="treaty",
    ),
)
SUFFIX2_MATCHER = one_list_matcher(SUFFIX2_ENTRIES)

SUFFIX2 = [
    ("acronym-letter-off", "Parties to the NPFC Convention met.", "npcfc", False),
    ("acronym-exact", "Parties to the NPCFC Convention met.", "npcfc", True),
    ("given-name-of-surname", "The Timofey rally opened.", "timofeyev", False),
    ("surname-typo", "Deputy Timofeeyv spoke.", "timofeyev", True),
    ("chenko", "Deputy Sidorchenko spoke.", "sidorenko", False),
    ("enko", "Deputy Sidorenko spoke.", "sidorenko", True),
    (
        "title-runs-on",
        "It joined the International Convention for the Suppression of Extremist Bombings last year.",
        "smuggling",
        False,
    ),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in SUFFIX2], ids=[c[0] for c in SUFFIX2])
def test_acronyms_surname_suffixes_and_run_on_titles(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(SUFFIX2_MATCHER, text)) is expected


# The initials of a title's first words are its acronym, unless the entry's own acronym alias
# is longer: then they are another acronym (UAW, not the UAWK); later words' initials stay
# the title's (Kursk NPP for Kursk Nuclear Power Plant, ZNPP its own acronym).
ACRONYM_ENTRIES = (
    Entry("ufw", "Union of Fishery Workers of Korea", aliases=("UFWK",), kind="organisation"),
    Entry("knpp", "Kursk Nuclear Power Plant", aliases=("KNPP",), kind="place"),
)
ACRONYM_MATCHER = one_list_matcher(ACRONYM_ENTRIES)

OWN = [
    ("own-acronym", "The UFWK held a plenary meeting.", "ufw", True),
    ("own-acronym-cut-short", "The UFW held a plenary meeting.", "ufw", False),
    ("later-initials", "The Kursk NPP resumed work.", "knpp", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in OWN], ids=[c[0] for c in OWN])
def test_own_acronym_cut_short(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(ACRONYM_MATCHER, text)) is expected


def test_a_long_title_repeating_its_words_read_as_written() -> None:
    # Ruritania ... Ruritania: the token-set readings choose among the repeated words' places;
    # the title as typed is read first
    title = (
        "Agreement between Ruritania and the Grand Duchy of Fenwick concerning the Facilitation of "
        "Reciprocal Access and Cooperation between the Defence Forces of Ruritania and the Armed "
        "Forces of the Grand Duchy of Fenwick"
    )
    matcher = one_list_matcher((Entry("raa", title, kind="treaty"),))
    found = matcher.match({"body": f"The {title} entered into force in 2023."})
    assert [(m.entry, m.score, m.kind) for m in found] == [("raa", 100.0, "exact")]


# A diminutive's letters before a Russian surname's suffix make another family (Sokolikov,
# Sokolov; Kozlikov, Kozlov); a document's head noun in the plural with every other word in
# lowercase (its countries aside) names documents of that kind, not the one watched.
KIND_ENTRIES = (
    Entry("sokolikov", "Arkady Sokolikov", kind="person"),
    Entry("belozerov", "Arkady Belozerov", kind="person"),
    Entry("pact", "Reciprocal Logistics Access Agreement", kind="treaty"),
)
KIND_MATCHER = one_list_matcher(KIND_ENTRIES)

KINDS = [
    ("diminutive-dropped", "Minister Arkady Sokolov spoke.", "sokolikov", False),
    ("diminutive-added", "Minister Arkady Belozerikov spoke.", "belozerov", False),
    ("typo-kept", "Minister Arkady Sokolikvo spoke.", "sokolikov", True),
    ("plural-lowercase", "Japan has concluded reciprocal logistics access agreements.", "pact", False),
    ("capitalised", "Japan and Ruritania signed the Reciprocal Logistics Access Agreement.", "pact", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in KINDS], ids=[c[0] for c in KINDS])
def test_diminutive_surnames_and_plural_kinds(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(KIND_MATCHER, text)) is expected


# Kunrei-shiki Japanese for Hepburn: ti chi, tu tsu, si shi, zi ji, hu fu, tya cha ...; not in
# a word under five letters (Sino is no Shino).
KUNREI_ENTRIES = (
    Entry("tsuchiya", "Hiroshi Tsuchiya", kind="person"),
    Entry("shino", "Shinohara", aliases=("Shino",), kind="person"),
)
KUNREI_MATCHER = one_list_matcher(KUNREI_ENTRIES)

KUNREI = [
    ("ti-tu", "Minister Hirosi Tutiya spoke.", "tsuchiya", True),
    ("hepburn", "Minister Hiroshi Tsuchiya spoke.", "tsuchiya", True),
    ("short-word", "The Sino talks opened.", "shino", False),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in KUNREI], ids=[c[0] for c in KUNREI])
def test_kunrei_shiki_japanese(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(KUNREI_MATCHER, text)) is expected


# Two typos on top of a transliteration key only in a long key (nine letters or more), as
# the index finds them: Sapozhkov (sapojkov, two letters off) is no Sapunkov.
KEYED = [
    ("short-key-two-off", "Colonel Oleg Sapozhkov spoke.", "sapunkov", False),
    ("short-key-one-off", "Colonel Oleg Sapunkof spoke.", "sapunkov", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in KEYED], ids=[c[0] for c in KEYED])
def test_two_typos_on_a_transliteration_key(text: str, entry: str, expected: bool) -> None:
    matcher = one_list_matcher((Entry("sapunkov", "Oleg Sapunkov", kind="person"),))
    assert (entry in entries_found(matcher, text)) is expected
    assert (entry in {m.entry for m in matcher.explain({"body": text}).matches}) is expected
