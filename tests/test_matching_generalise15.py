"""Generalisation, fifteenth round: namesakes named by an occupation, on invented names.

A watched person's name in another romanisation right after an occupation of sport or the
arts (striker, actor, pianist, chess player), or followed by an appositive that names one
(", the pop singer"), is a namesake: no office is called so. Spelt as the analyst typed it,
the name is the watched person's, whatever the occupation (a watched weightlifter). The
item's other mentions of that given name and surname, and the bare surname, follow. A
former occupation says nothing of the present office (a former singer now a party
official), and an occupation inside the appositive's complement is another person's (a
patron of the pianist).

A one-word place opening the capitalised name of a church, a market, a railway line or a
street is that thing named after the place (the Kazan Cathedral in St Petersburg, the
Yokosuka Line, Svobodny Prospekt in Krasnoyarsk). A body named with another subject word
(Logistics) in the place of its own (Political) is another body.

A body followed by "of" and a country is that country's, the first one named, also when its
name goes on with "and" and another capitalised word (the Ministry of Transport and
Communications of Belarus).

An acronym in brackets of its own after a phrase of two words or more, none of them the
entry's and one capitalised and no country, stands for that phrase in the item, whether or
not its letters spell it (Sao Paulo-Guarulhos (GRU)); not after a person's name (his party).

An acronym alias stays case-sensitive, as the issue's contract says: written in lowercase
it matches only when the analyst says so. Letters English could not spell as a word (rcep,
fatf) written in lowercase are no ordinary word, so they do not make the capitals one.

A speaker, a prosecutor, a lawmaker before a surname is an office, not another first name.
An initial before a surname that is not the initial of the entry's given name (in any
romanisation of it) names another person (B. Tserendash for Ganbold Tserendash).

OCR reads o as 0 and l as 1: a word of letters with such digits is read with the letters
(Golovchenk0, Choe I1), not a number with its ordinal or unit (1st, 10km). A country before
a Korean name is no surname that makes it another person's given name.
"""

from __future__ import annotations

import pytest

from monitor.matching.english import wordlike
from monitor.matching.ruleset import Entry
from tests.support.matchers import entries_found, one_list_matcher

ENTRIES = (
    Entry("rak", "Ri Rak Som", kind="person"),
    Entry("tul", "Dmitry Tulganov", aliases=("Tulganov",), kind="person"),
    Entry("fen", "Fen Weiling", kind="person"),
    Entry("mir", "Mirnogorsk", kind="place"),
    Entry("tsd", "Technical Supply Directorate", aliases=("TSD",), kind="organisation"),
    Entry("rkt", "Regional Kelp Treaty", aliases=("RKT",), kind="treaty"),
    Entry("tse", "Ganbold Tserendash", aliases=("Tserendash",), kind="person"),
    Entry("gpb", "General Political Bureau of the Korean People's Army", kind="organisation"),
    Entry("chil", "Choe Il", kind="person"),
    Entry("rosk", "Roman Osokin", kind="person"),
    Entry("rfpa", "Regional Fisheries Partnership Agreement", aliases=("RFPA",), kind="treaty"),
    Entry("jcs", "Joint Chiefs of Staff of the Republic of Korea", kind="organisation"),
    Entry("bel", "Sergei Kulashenko", aliases=("Kulashenko",), kind="person"),
    Entry("bel2", "Roman Morovchenko", kind="person"),
    Entry("osk", "Oskevichi", kind="place"),
    Entry("sik", "Sikhote-Taun", kind="place"),
    Entry(
        "kcc",
        "Joint Communique on Ferry Services between the Republic of Korea and the Kingdom of Tonga",
        aliases=("Korea-Tonga Ferry Communique",),
        kind="treaty",
    ),
    Entry("salt", "Strait Access and Lighthouse Treaty", aliases=("SALT",), kind="treaty"),
    Entry(
        "fish",
        "Ministry of Fisheries of the Russian Federation",
        aliases=("Russian Ministry of Fisheries",),
        kind="organisation",
    ),
)
MATCHER = one_list_matcher(ENTRIES)

OCCUPATIONS = [
    ("striker-before", "Hwaebul striker Lee Rak-som scored twice in the league.", False),
    ("right-hander", "Kiwoom right-hander Lee Rak-som threw a no-hitter.", False),
    ("actor-after-article", "The actor Dmitri Tulganov won the prize in Sochi.", False),
    ("appositive", "Lee Rak-som, the pop singer whose ballads filled radio, sang again.", False),
    ("appositive-sport-player", "Lee Rak-som, a national-team player, was injured.", False),
    ("lifespan", "Dmitri Tulganov (1853-1900), the poet, wrote of the steppe.", False),
    ("as-typed", "North Korean weightlifter Ri Rak Som won gold in the 73 kg class.", True),
    ("office", "Vice Foreign Minister Lee Rak-som met the delegation.", True),
    ("office-appositive", "Dmitri Tulganov, the spokesman, said the singer was unharmed.", True),
    ("former", "Lee Rak-som, a former singer, now heads a department of the Central Committee.", True),
    ("former-before", "Former boxer Dmitri Tulganov, now a deputy minister, opened the forum.", True),
    ("complement", "Dmitri Tulganov, a long-time patron of the pianist, attended.", True),
    ("key-player", "Dmitri Tulganov, a key player in the talks, flew to Pyongyang.", True),
    ("list", "Lee Rak-som, singer Ma Lo and others attended the gala.", True),
    ("north-korean", "North Korean weightlifter Lee Rak-som won gold in the 73 kg class.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in OCCUPATIONS], ids=[c[0] for c in OCCUPATIONS])
def test_an_occupation_no_office_has_names_a_namesake_spelt_otherwise(text: str, expected: bool) -> None:
    assert bool(entries_found(MATCHER, text) & {"rak", "tul"}) is expected


def test_the_items_other_mentions_of_the_namesake_follow() -> None:
    title = "Dmitri Tulganov wins best actor in Sochi"
    body = "The actor Dmitri Tulganov thanked the jury. Tulganov, 41, plays a surgeon."
    assert "tul" not in entries_found(MATCHER, body, title)
    # spelt as typed, the actor is the watched man
    title, body = title.replace("Dmitri", "Dmitry"), body.replace("Dmitri", "Dmitry")
    assert "tul" in entries_found(MATCHER, body, title)


def test_a_korean_namesake_is_followed_only_as_written() -> None:
    body = "Striker Lee Rak-som scored twice. Lee Rak-som, 24, joined the club in May."
    assert "rak" not in entries_found(MATCHER, body)
    # the northern spelling elsewhere in the item is the watched official
    body = "Striker Lee Rak-som scored. In Pyongyang, Vice Minister Ri Rak Som met the envoy."
    assert "rak" in entries_found(MATCHER, body)


NAMED_AFTER = [
    ("cathedral", "Worshippers filled the Mirnogorsk Cathedral in the capital for Easter.", False),
    ("market", "No trip is complete without fried chicken at Mirnogorsk International Market.", False),
    ("line", "Services on the Mirnogorsk Line were suspended after a signal failure.", False),
    ("lowercase-line", "Trains to Mirnogorsk stopped; the line reopened at noon.", True),
    ("prospekt", "Start on Mirnogorsk Prospekt, the long avenue in Krasnoyarsk.", False),
    ("street", "A cafe on Mirnogorsk Street in Irkutsk opened.", False),
    ("the-place", "A cathedral in Mirnogorsk was restored.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NAMED_AFTER], ids=[c[0] for c in NAMED_AFTER])
def test_a_church_market_or_line_named_after_a_place(text: str, expected: bool) -> None:
    assert ("mir" in entries_found(MATCHER, text)) is expected


BODIES = [
    ("other-country", "The Ministry of Fisheries of Belarus and Russian Railways agreed on quotas.", False),
    ("name-goes-on", "The Ministry of Fisheries and Forestry of Belarus and Russian Railways agreed.", False),
    ("own-country", "The Ministry of Fisheries of the Russian Federation and the DPRK agreed.", True),
    ("named-with-country", "The Russian Ministry of Fisheries and Belavia of Belarus agreed.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BODIES], ids=[c[0] for c in BODIES])
def test_a_body_of_another_country(text: str, expected: bool) -> None:
    assert ("fish" in entries_found(MATCHER, text)) is expected


BRACKETED = [
    ("airport", "Flights to Lisbon-Portela (TSD) resume. The TSD terminal reopens.", False),
    ("translated-body", "The Czech Ministry of Sport, Youth and Schools (TSD) announced a reform.", False),
    ("own-words", "The army's Technical Directorate (TSD) said the TSD was ready.", True),
    ("description", "Russian military suppliers (TSD) were sanctioned.", True),
    ("party", "Deputies Ivanov Pyotr Sergeyevich (TSD) and others voted; the TSD objected.", True),
    ("more-in-brackets", "The Sea Pearl (TSD 9118484) sailed. The TSD denied involvement.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BRACKETED], ids=[c[0] for c in BRACKETED])
def test_an_acronym_in_brackets_stands_for_the_phrase_before_it(text: str, expected: bool) -> None:
    assert ("tsd" in entries_found(MATCHER, text)) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        *[("rcep", False), ("smgs", False), ("fatf", False), ("kpa", False), ("eaeu", False), ("npt", False)],
        *[("salt", True), ("start", True), ("nato", True), ("imo", True), ("spa", True), ("asean", True)],
    ],
)
def test_english_could_spell_the_word(word: str, expected: bool) -> None:
    assert wordlike(word) is expected


LOWERCASE = [
    ("chat", "ok so rkt turns five and nobody in seoul seems to care", "rkt", False),
    ("capitals", "The RKT turns five this year.", "rkt", True),
    ("capitals-beside-lowercase", "The RKT turns five. ok so rkt is old news.", "rkt", True),
    ("word-shaped", "pass the salt please, and the pepper too", "salt", False),
    ("word-shaped-beside-capitals", "The SALT talks resume. pass the salt please.", "salt", False),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in LOWERCASE], ids=[c[0] for c in LOWERCASE]
)
def test_an_acronym_stays_case_sensitive(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


@pytest.mark.parametrize("office", ["Speaker", "Parliament Speaker", "Prosecutor", "Lawmaker", "Legislator"])
def test_an_office_before_a_surname_alias_is_no_first_name(office: str) -> None:
    assert "tse" in entries_found(MATCHER, f"{office} Tserendash met the delegation in Ulaanbaatar.")
    assert "tse" not in entries_found(MATCHER, "Bolormaa Tserendash met the delegation in Ulaanbaatar.")


INITIALS = [
    ("own-initial", "In Khovd, G. Tserendash won the seat.", True),
    ("other-initial", "In Khovd, B. Tserendash won the seat.", False),
    ("other-romanisation", "K. Tserendash sprach in Berlin.", True),
    ("two-initials", "The decree was signed by G.B. Tserendash.", True),
    ("no-initial", "Tserendash won the seat.", True),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in INITIALS], ids=[c[0] for c in INITIALS])
def test_another_initial_before_a_surname_alias(text: str, expected: bool) -> None:
    assert ("tse" in entries_found(MATCHER, text)) is expected


def test_another_subject_word_makes_another_body() -> None:
    own = "The General Political Bureau of the Korean People's Army held a meeting."
    assert "gpb" in entries_found(MATCHER, own)
    other = "The General Logistics Bureau of the Korean People's Army is in charge of supplies."
    assert "gpb" not in entries_found(MATCHER, other)


OCR = [
    ("zero-at-start", "Deputy Minister Roman 0sokin met the delegation.", "rosk", True),
    ("one-for-l", "DPRK ambassador to Mongolia Choe I1 gave a reception.", "chil", True),
    ("zero-inside", "Roman Os0kin opened the session.", "rosk", True),
    ("ordinal-kept", "Roman Osokin opened the 1st session and the 10th.", "rosk", True),
]


@pytest.mark.parametrize(("text", "entry", "expected"), [c[1:] for c in OCR], ids=[c[0] for c in OCR])
def test_ocr_digits_for_letters(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


def test_ocr_digits_are_read_as_letters_only_in_words() -> None:
    from monitor.matching.normalize import Text

    words = Text.of("the 1st and 10th, 10km, G20, B52, the A1 road, 0leg Ivan0v, Choe I1").words
    assert words == [
        *["the", "1st", "and", "10th", "10km", "g20", "b52", "the", "a1", "road"],
        *["oleg", "ivanov", "choe", "il"],
    ]


def test_a_country_before_a_korean_name_is_no_surname() -> None:
    assert "chil" in entries_found(MATCHER, "The ambassador to Mongolia Choe Il gave a reception.")
    # a Korean surname before it still makes it another person's given name
    assert "chil" not in entries_found(MATCHER, "Vice-minister Pak Choe Il gave a reception.")


def test_a_north_korean_named_elsewhere_in_the_item_is_the_watched_one() -> None:
    title = "Weightlifter Lee Rak-som eyes a fourth world title"
    body = "North Korean weightlifter Lee Rak-som will compete at the world championships."
    assert "rak" in entries_found(MATCHER, body, title)
    assert "rak" not in entries_found(MATCHER, body.replace("North Korean", "Kiwoom"), title)


def test_a_title_read_short_that_the_item_names_by_another_acronym() -> None:
    text = "India and Korea resumed talks on their Fisheries Partnership Agreement."
    assert "rfpa" in entries_found(MATCHER, text)
    assert "rfpa" not in entries_found(MATCHER, text, "India-Korea FPA talks resume")
    # the entry's own acronym, or its initials without the country, are its own
    assert "rfpa" in entries_found(MATCHER, "The RFPA talks resume in Busan.")
    text = "SEOUL -- The Joint Chiefs of Staff (JCS) said the JCS was on alert."
    assert "jcs" in entries_found(MATCHER, text)


def test_a_bare_korea_in_an_alias_is_the_korea_the_entry_names() -> None:
    assert "kcc" in entries_found(MATCHER, "Officials recalled the ROK-Tonga Ferry Communique of 1992.")
    assert "kcc" in entries_found(MATCHER, "Officials recalled the Tonga-South Korea Ferry Communique.")


BELARUSIAN = [
    ("ia-and-h", "Deputy Premier Siarhei Kulashenka met the delegation.", "bel", True),
    ("enka-alias", "Kulashenka said the talks went well.", "bel", True),
    ("ou", "Prime Minister Raman Marouchanka attended.", "bel2", True),
    ("other-name", "Deputy Premier Siarhei Kulashevich met the delegation.", "bel", False),
    ("town-ichy", "A new plant opened in Askevichy, Mogilev region.", "osk", True),
]


@pytest.mark.parametrize(
    ("text", "entry", "expected"), [c[1:] for c in BELARUSIAN], ids=[c[0] for c in BELARUSIAN]
)
def test_belarusian_romanisation(text: str, entry: str, expected: bool) -> None:
    assert (entry in entries_found(MATCHER, text)) is expected


def test_a_bare_korea_the_entry_leaves_open_is_the_north() -> None:
    text = "The North Korean army's General Political Bureau held a meeting."
    assert "gpb" in entries_found(MATCHER, text)


def test_a_capitalised_hotel_after_an_article_names_the_hotel() -> None:
    text = "For a view of the bay, the Hotel Sikhote-Taun on Aleutskaya Street is hard to beat."
    assert "sik" not in entries_found(MATCHER, text)
    assert "sik" in entries_found(MATCHER, "Hikers crossed the Sikhote-Taun range in May.")
    assert "mir" not in entries_found(MATCHER, "We stayed at the Hotel Mirnogorsk near the station.")
