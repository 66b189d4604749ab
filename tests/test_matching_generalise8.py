"""Generalisation, eighth round: what the blind corpus benchmarks/redteam10 showed the matcher
missing or over-matching, as rules on invented names.
"""

from __future__ import annotations

import pytest

from monitor.matching.normalize import Text
from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("kus", "Kusan", kind="place"),
    Entry("mnd", "Mundok-ri", kind="place"),
    Entry("nvd", "Novodarsk", kind="place"),
    Entry("tfr", "Treaty on Friendly Relations and Maritime Cooperation between Russia and Mongolia"),
    Entry("csp", "Treaty on Strategic Partnership between Russia and Mongolia", kind="treaty"),
    Entry("r11", "UN Security Council Resolution 1111", aliases=("Resolution 1111",), kind="treaty"),
    Entry("r22", "UN Security Council Resolution 2222", aliases=("Resolution 2222",), kind="treaty"),
    Entry("rzk", "Russian Land Shipping", aliases=("RZK",), kind="organisation"),
    Entry("rsg", "Ri Song Gil", kind="person"),
    Entry("fma", "Treaty of Friendship, Cooperation and Mutual Assistance between Mongolia and China"),
    Entry("kpg", "Korean People's Guard", kind="organisation"),
    Entry("bgr", "Belgorod region", aliases=("Belgorod Oblast",), kind="place"),
    Entry("sjs", "Joint Statement of Chairman Kim Jong Un and President Lee of Korea at the Busan Summit"),
)


_build = one_list_matcher
_entries = entries_found


MATCHER = _build(ENTRIES)


def _found(text: str, title: str = "") -> set[str]:
    return {m.entry for m in MATCHER.match({"title": title, "body": text})}


CASES = [
    # an open Korean syllable's u and o are different vowels (gu/go); before a final, Western
    # spellings write ŏ as u (Jung for Jong), so there they stay one
    ("open-u-o", "Tourists looked across at Kosan county.", "kus", False),
    ("open-u-eo", "Tourists looked across at Geosan county.", "kus", False),
    ("open-u-same", "Tourists looked across at Kusan county.", "kus", True),
    ("open-u-oo", "Tourists looked across at Koosan county.", "kus", True),
    ("open-u-breve", "Tourists looked across at Kŭsan county.", "kus", True),
    ("closed-u-eo", "Tourists looked across at Kusun county.", "kus", False),
    # a place whose name a missile or warship bears, named right before it
    ("weapon-after", "Why the Mundok missile failed again.", "mnd", False),
    ("weapon-modifiers", "The Mundok intermediate-range ballistic missile flew far.", "mnd", False),
    ("weapon-place-noun", "Satellites watched the Mundok missile base all week.", "mnd", True),
    ("weapon-from-place", "A missile was fired from Mundok on Tuesday.", "mnd", True),
    ("warship-after", "The Novodarsk submarine sank in the storm.", "nvd", False),
    ("ship-before", "The tanker Novodarsk sank in the storm.", "nvd", False),
    # ... and the item that once uses the word for the ship or missile uses it so throughout
    ("ship-whole-item", "The tanker Novodarsk broke apart at sea.", "nvd", False),
    ("ship-then-port", "The tanker Novodarsk docked at Novodarsk on Friday.", "nvd", True),
    ("place-alone", "Fishermen returned to Novodarsk on Friday.", "nvd", True),
    # an official title without the parties its "between" names, written as the title
    (
        "title-without-parties",
        "They marked the anniversary of the Treaty on Friendly Relations and Maritime Cooperation.",
        "tfr",
        True,
    ),
    (
        "title-without-parties-lowercase",
        "They marked the anniversary of the treaty on friendly relations and maritime cooperation.",
        "tfr",
        False,
    ),
    (
        "title-other-parties",
        "Kazakhstan and China signed a Treaty on Friendly Relations and Maritime Cooperation.",
        "tfr",
        False,
    ),
    (
        "short-title-without-parties",
        "Several states have signed a Treaty on Strategic Partnership with others.",
        "csp",
        False,
    ),
    # ... even when every word of its own is common title vocabulary
    (
        "title-without-parties-common-words",
        "The two leaders reaffirmed the Treaty of Friendship, Co-operation and Mutual Assistance.",
        "fma",
        True,
    ),
    (
        "title-without-parties-word-missing",
        "The two leaders reaffirmed the Treaty of Friendship and Mutual Assistance.",
        "fma",
        False,
    ),
    (
        "title-without-parties-other-country",
        "The USSR and Mongolia reaffirmed the Treaty of Friendship, Cooperation and Mutual Assistance.",
        "fma",
        False,
    ),
    # a capitalised word before a title that is no party to it: a day, a city
    ("title-after-weekday", "On Monday the Korean People's Guard said so.", "kpg", True),
    ("title-after-city", "In Seoul the Korean People's Guard said so.", "kpg", True),
    ("title-after-parties", "The Russia-Mongolia Korean People's Guard said so.", "kpg", False),
    # a name of Korean-looking words with a Russian admin term among the entry's names is
    # Russian: spelt with a typo, not as Korean syllables
    ("russian-place-typo", "Shelling near Belgood region was reported.", "bgr", True),
    # Kim Jong Un's "Un" inside a title is no United Nations (another party)
    (
        "un-given-name",
        "They cited the Joint Statement of Chairman Kim Jong Un and President Lee of Korea at the"
        " Busan Summit again.",
        "sjs",
        True,
    ),
    # numbered documents listed after their noun in the plural
    ("listed-second", "Members urged full use of resolutions 1111 and 2222 on Monday.", "r22", True),
    ("listed-first", "Members urged full use of resolutions 1111 and 2222 on Monday.", "r11", True),
    ("listed-of-three", "Members urged full use of resolutions 1111, 2222 and 3333.", "r22", True),
    ("listed-other-number", "Members urged full use of resolutions 1111 and 3333 on Monday.", "r22", False),
    ("listed-after-sentence", "Members urged use of resolutions 1111. 2222 delegates left.", "r22", False),
    # a Russian acronym's letter written as two Latin letters (Ж as Zh)
    ("acronym-digraph", "Freight carried by RZhK fell by 5%.", "rzk", True),
    ("acronym-digraph-possessive", "Freight on RZhK's network fell by 5%.", "rzk", True),
    ("acronym-digraph-lowercase", "Freight carried by Rzhk fell by 5%.", "rzk", False),
    ("acronym-plain", "Freight carried by RZK fell by 5%.", "rzk", True),
    # a Korean syllable of three or four letters with a letter changed or doubled into no
    # syllable at all: a slip; into another syllable, another name
    ("slip-changed-4", "Vice-minister Ri Somg Gil arrived.", "rsg", True),
    ("slip-changed-4-last", "Vice-minister Ri Sonh Gil arrived.", "rsg", True),
    ("slip-doubled-3", "Vice-minister Ri Song Gill arrived.", "rsg", True),
    ("slip-changed-3", "Vice-minister Ri Song Gjl arrived.", "rsg", True),
    ("slip-into-syllable-4", "Vice-minister Ri Sang Gil arrived.", "rsg", False),
    ("slip-into-syllable-3", "Vice-minister Ri Song Gim arrived.", "rsg", False),
    ("slip-first-letter", "Vice-minister Ri Song Fil arrived.", "rsg", False),
    ("slip-lowercase", "vice-minister ri somg gil arrived.", "rsg", False),
]


@pytest.mark.parametrize(("label", "text", "entry", "expected"), CASES, ids=[c[0] for c in CASES])
def test_generalised_rule(label: str, text: str, entry: str, expected: bool) -> None:
    assert (entry in _found(text)) is expected, label


def test_ship_named_in_body_vetoes_the_headline_mention() -> None:
    got = _found("The tanker Novodarsk broke apart in a storm.", title="The Novodarsk oil spill")
    assert "nvd" not in got


def test_weapon_veto_is_explained() -> None:
    verdict = MATCHER.explain({"body": "Why the Mundok missile failed again."})
    reasons = [r.reason for r in verdict.rejected if r.entry == "mnd"]
    assert reasons and "names a weapon" in reasons[0]


def test_listed_number_reports_its_span() -> None:
    hits = [m for m in MATCHER.match({"body": "use of resolutions 1111 and 2222 now"}) if m.entry == "r22"]
    assert [(m.text, m.kind) for m in hits] == [("resolutions 1111 and 2222", "reordered")]


def test_digraph_acronym_reports_a_transliteration() -> None:
    (hit,) = MATCHER.match({"body": "Freight carried by RZhK fell."})
    assert (hit.entry, hit.text, hit.kind) == ("rzk", "RZhK", "translit")


# Each watch list's names read against every other list's: what that cross-reading found.
CROSS = (
    Entry("pjd", "Pyongyang Joint Declaration of September 2018", aliases=("Pyongyang Joint Declaration",)),
    Entry("jpd", "Japan-DPRK Pyongyang Declaration", aliases=("Pyongyang Declaration",)),
    Entry(
        "drt",
        "Treaty on Comprehensive Strategic Partnership between the Democratic People's Republic of Korea"
        " and the Russian Federation",
        aliases=("Comprehensive Strategic Partnership Treaty",),
    ),
    Entry("kja", "Kim Ju Ae", kind="person"),
)
CROSS_MATCHER = _build(CROSS)


def _cross(text: str) -> set[str]:
    return _entries(CROSS_MATCHER, text)


def test_another_entrys_name_as_typed_is_that_entry() -> None:
    assert _cross("Tokyo still upholds the Pyongyang Declaration, he said.") == {"jpd"}
    assert _cross("Both sides upheld the Pyongyang Joint Declaration, he said.") == {"pjd"}


def test_a_reading_as_typed_is_kept_when_the_other_entry_is_not_watched() -> None:
    assert _entries(_build(CROSS[:1]), "Both sides upheld the Pyongyang Declaration.") == {"pjd"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the other party's long official name read in full after "between"
        (
            "Tehran ratified the Treaty on Comprehensive Strategic Partnership between the Russian"
            " Federation and the Islamic Republic of Iran in May.",
            set(),
        ),
        # any country by name inside a title's own words
        (
            "Ulaanbaatar marked the Treaty on Friendly Relations and Comprehensive Strategic Partnership"
            " between the Russian Federation and Mongolia.",
            set(),
        ),
        # a Korean given name a syllable short, then another syllable: another person
        ("On Monday Kim Jae Ryong said talks would continue.", set()),
        ("On Monday Kim Ju-ae said talks would continue.", {"kja"}),
    ],
)
def test_cross_reading(text: str, expected: set[str]) -> None:
    assert _cross(text) == expected


RUSSIAN = (
    Entry("sna", "Supreme National Assembly", kind="organisation"),
    Entry("gcm", "State Border Commission", kind="organisation"),
    Entry("wpm", "Workers' Party of Korea", kind="organisation"),
)
RUSSIAN_MATCHER = _build(RUSSIAN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named in Russian, word by word through the title vocabulary, declined
        ("Открылась сессия Верховного национального собрания.", {"sna"}),
        ("Решение Государственной пограничной комиссии вступило в силу.", {"gcm"}),
        ("Пленум Трудовой партии Кореи завершился.", {"wpm"}),
        # other bodies sharing a word
        ("Открылась сессия Верховного суда.", set()),
        ("Открылась сессия Национального собрания Франции.", set()),
    ],
)
def test_russian_body_names(text: str, expected: set[str]) -> None:
    assert _entries(RUSSIAN_MATCHER, text) == expected


# Lessons of the blind corpus benchmarks/redteam11, on invented names.
ELEVEN = (
    Entry("usk", "Ozernoyarsk", kind="place"),
    Entry("smj", "Paekhwayon", kind="place"),
    Entry("kch", "Kimsokhwan", kind="place"),
    Entry("dzh", "Timur Japarbekov", kind="person"),
    Entry("ybr", "Yury Zaslavtsev", kind="person"),
    Entry("tgl", "Tatiana Ostrovskaya", kind="person"),
    Entry("kry", "Kaeryon", kind="place"),
)
ELEVEN_MATCHER = _build(ELEVEN)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # French elision belongs to the gap before a capitalised word
        ("Des ingénieurs sont formés dans une école d'Ozernoyarsk.", "usk", True),
        ("Des ingénieurs sont formés à l'Ozernoyarsk.", "usk", True),
        # a Russian adjective of a one-word place names something else (a street, an island)
        ("Traffic on Ozernoyarsky Boulevard was closed.", "usk", False),
        ("Dachas on Bolshoy Ozernoyarskaya Island were flooded.", "usk", False),
        ("Traffic in Ozernoyarsk was closed.", "usk", True),
        # a troupe, team or product named after a place
        ("The Paekhwayon Orchestra performed in Seoul.", "smj", False),
        ("He showed a Paekhwayon tablet to reporters.", "smj", False),
        ("Tourists reached Paekhwayon county.", "smj", True),
        # a Korean place named after a Kim, written as his name
        ("Students of the Kim Sokhwan University of Technology marched.", "kch", False),
        ("A statue of Kim Sokhwan was unveiled.", "kch", False),
        ("The port of Kim Sokhwan City reopened.", "kch", True),
        ("The port of Kimsokhwan reopened.", "kch", True),
        # English j for Дж, German dsch
        ("President Timur Dzhaparbekov arrived.", "dzh", True),
        ("Präsident Timur Dschaparbekow traf ein.", "dzh", True),
        # a two-letter initial for one Cyrillic letter, with the patronymic's
        ("The decree was signed by Yu.I. Zaslavtsev.", "ybr", True),
        ("The decree was signed by Yu. Zaslavtsev.", "ybr", True),
        ("The decree was signed by Zaslavtsev Yu.I. yesterday.", "ybr", True),
        ("He met Yu. Then Zaslavtsev left.", "ybr", False),
        # the patronymic's initial between given name and surname
        ("The decree was signed by Tatiana A. Ostrovskaya.", "tgl", True),
        ("The decree was signed by Tatiana Ostrovskaya.", "tgl", True),
        # two letters of a Korean place swapped, though it then reads as more syllables
        ("Tourists flock to Kearyon in autumn.", "kry", True),
        ("Tourists flock to Kaeryonsan in autumn.", "kry", False),
        # a capitalised office or rank right before a watched person's bare surname
        ("The decree was signed by Vice-Premier Ostrovskaya.", "tgl", True),
        ("The decree was signed by Mr. Zaslavtsev on Monday.", "ybr", True),
        ("The decree was signed by Ostrovskaya.", "tgl", False),
        ("The frigate Admiral Zaslavtsev returned to port.", "ybr", False),
        ("The deputy minister, Ostrovskaya, signed it.", "tgl", False),
    ],
)
def test_eleventh_round(text: str, entry: str, expected: bool) -> None:
    assert (entry in _entries(ELEVEN_MATCHER, text)) is expected


NUMBERED = (
    Entry("r77", "UN Security Council Resolution 7777", aliases=("Resolution 7777",)),
    Entry("fsd", "Federal Security Directorate", aliases=("FSD",), kind="organisation"),
)
NUMBERED_MATCHER = _build(NUMBERED)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # "No." before a number, and the dot after it ends no sentence
        ("Sanctions under Resolution No. 7777 (2017) were tightened.", "r77", True),
        ("Sanctions under the U.N. Security Council Resolution No. 7777 were tightened.", "r77", True),
        ("Sanctions under resolution number 7777 were tightened.", "r77", True),
        ("Sanctions under Resolution No. 7778 were tightened.", "r77", False),
        # an acronym written with a dot after each of three letters or more
        ("Officers of the F.S.D. were expelled.", "fsd", True),
        ("F.S.D.-linked hackers were named.", "fsd", True),
        ("Officers of the F.S. were expelled.", "fsd", False),
    ],
)
def test_numbers_and_dotted_acronyms(text: str, entry: str, expected: bool) -> None:
    assert (entry in _entries(NUMBERED_MATCHER, text)) is expected


def test_dotted_initials_stay_initials() -> None:
    text = Text.of("V.V. Putin met the U.S. envoy and the D.P.R.K. delegation.")
    assert text.words[:3] == ["v", "v", "putin"]
    assert "dprk" in text.words and text.cased_word(text.words.index("dprk")) == "DPRK"


DATED = (
    Entry("j4s", "July 4 South-North Joint Statement"),
    Entry("s19", "September 19 Joint Statement"),
    Entry("nsd", "North-South Joint Declaration"),
    Entry("mou", "Ministry of Reunification", kind="organisation"),
    Entry("dfm", "Defence Ministry", kind="organisation"),
)
DATED_MATCHER = _build(DATED)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # North and South are common title vocabulary, as the parties they name
        ("Both sides invoked the July 4 Joint Statement of 1972.", "j4s", True),
        ("Americans celebrated the July 4 holiday with a joint statement.", "j4s", False),
        ("A Joint Declaration was issued at the summit.", "nsd", False),
        # abbreviated months are the month, and their dot ends no sentence
        ("Both sides invoked the Sept. 19 Joint Statement again.", "s19", True),
        ("Both sides invoked the Sep 19 Joint Statement again.", "s19", True),
        ("Both sides invoked the Oct. 19 Joint Statement again.", "s19", False),
        # a body "of" one word, that word first, and the reverse
        ("The Reunification Ministry said talks would resume.", "mou", True),
        ("The Ministry of Defence said talks would resume.", "dfm", True),
        ("The ministry said reunification would resume.", "mou", False),
    ],
)
def test_dated_documents_and_bodies(text: str, entry: str, expected: bool) -> None:
    assert (entry in _entries(DATED_MATCHER, text)) is expected


def test_a_body_written_the_other_way_round_reports_it() -> None:
    (hit,) = DATED_MATCHER.match({"body": "The Reunification Ministry said so."})
    assert (hit.entry, hit.kind) == ("mou", "reordered")


CYRILLIC = (
    Entry("kna", "Zavodsk-on-Amur", kind="place"),
    Entry("sga", "DPRK-IAEA Safeguards Agreement"),
    Entry("vcd", "Minsk Convention on Diplomatic Relations"),
)
CYRILLIC_MATCHER = _build(CYRILLIC)


@pytest.mark.parametrize(
    ("text", "entry", "expected"),
    [
        # Russian "на" is the "on" of a place's name, the words around it declined
        ("Форум прошёл в Заводске-на-Амуре.", "kna", True),
        ("Форум прошёл в Заводске на Волге.", "kna", False),
        # Russian function words do not count against a title's span
        ("Соглашение о гарантиях между КНДР и МАГАТЭ вступило в силу.", "sga", True),
        ("Соглашение о торговле между КНДР и Китаем вступило в силу.", "sga", False),
        # a place's adjective reads as the place (round 19): Минскую is Minsk, Венскую is not
        ("Стороны сослались на Минскую конвенцию о дипломатических сношениях.", "vcd", True),
        ("Стороны сослались на Венскую конвенцию о дипломатических сношениях.", "vcd", False),
    ],
)
def test_russian_copy(text: str, entry: str, expected: bool) -> None:
    assert (entry in _entries(CYRILLIC_MATCHER, text)) is expected


def test_an_entry_without_kind_is_a_person_only_without_title_words() -> None:
    entries = (Entry("sga", "DPRK-IAEA Safeguards Agreement"), Entry("kju", "Kim Jong Un"))
    matcher = _build(entries)
    text = "The Safeguards Agreement between the DPRK and the IAEA held."
    assert _entries(matcher, text) == {"sga"}  # read as a title, reworded
    text = "Kim Jong-un's visit; Chairman Kim Jong Un spoke."
    assert _entries(matcher, text) == {"kju"}  # still a person: hyphenated given name
